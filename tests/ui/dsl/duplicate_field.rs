hubspot_runtime::hubspot_endpoint! {
    pub endpoint Publish: POST { v3 => "/messages" } {
        required { text: String, text: String }
    } -> 201 ();

    pub object Participant {
        required { name: String }
        optional { #[json = "name"] display_name: String, display_name: String }
    }
}

fn main() {}
