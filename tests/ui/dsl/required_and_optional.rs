hubspot_runtime::hubspot_endpoint! {
    pub endpoint Publish: POST { v3 => "/messages" } {
        required { text: String }
        optional { text: String, rich_text: String }
    } -> 201 ();
}

fn main() {}
