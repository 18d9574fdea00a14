//! HubSpot takes no body on `GET` or `DELETE`.
hubspot_runtime::hubspot_endpoint! {
    pub endpoint Search: GET { v3 => "/things" } {
        query { limit: Option<i32> }
        required { text: String }
    } -> 200 ();
}

fn main() {}
