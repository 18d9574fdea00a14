hubspot_runtime::hubspot_endpoint! {
    #[idempotent]
    pub endpoint Fetch: GET { v3 => "/things" } {} -> 200 ();

    #[idempotency_key(message_id)]
    pub endpoint Publish: POST { v3 => "/things" } {
        optional { text: String }
    } -> 201 ();

    #[idempotency_key(count)]
    pub endpoint Count: POST { v3 => "/counts" } {
        optional { count: i64 }
    } -> 201 ();

    #[idempotent(yes)]
    pub endpoint Mark: PATCH { v3 => "/marks" } {} -> 200 ();
}

fn main() {}
