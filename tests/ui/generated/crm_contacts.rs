// Endpoints written by hubspot-declare check their required fields like
// hand-written ones: a contact needs its properties, a read its id.
use hubspot_api::crm::contacts::{CreateContact, GetContact};

fn main() {
    let _create = CreateContact::builder().associations(vec![]).build();
    let _get = GetContact::builder().id_property("email").build();
}
