hubspot_runtime::hubspot_endpoint! {
    pub endpoint GetThread: GET {
        v3 => "/threads/{threadId}",
        "2026-09" => "/threads/2026-09/{id}",
    } {
        path { thread_id: i64 }
    } -> 200 ();
}

fn main() {}
