hubspot_runtime::hubspot_endpoint! {
    pub endpoint Publish: POST { v3 => "/messages" } {
        required { text: String }
        headers { trace_id: String }
    } -> 201 ();

    pub object Participant {
        path { id: i32 }
        required { name: String }
    }
}

fn main() {}
