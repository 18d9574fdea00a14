//! The generated module's calls, against the fake.

use std::collections::HashMap;

use hubspot_api::Client;
use hygiene_generated::contacts::{CreateContact, GetContact};

#[tokio::test]
async fn an_app_generated_contacts_module_creates_and_reads_a_contact() {
    let fake = hubspot_fake::FakeHubSpot::start()
        .await
        .expect("the fake starts");
    let client = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .build()
        .expect("a client");
    let ada = CreateContact::builder()
        .properties(HashMap::from([(
            "email".to_owned(),
            "grace@example.com".to_owned(),
        )]))
        .associations(vec![])
        .send(&client)
        .await
        .expect("created");
    let found = GetContact::builder()
        .contact_id("grace@example.com")
        .id_property("email")
        .send(&client)
        .await
        .expect("found");
    assert_eq!(found.id, ada.id);
    assert_eq!(
        fake.requests()
            .iter()
            .map(|r| r.path.as_str())
            .collect::<Vec<_>>(),
        [
            "/crm/v3/objects/contacts",
            "/crm/v3/objects/contacts/grace%40example.com"
        ]
    );
}
