hubspot_runtime::hubspot_endpoint! {
    pub endpoint Publish: POST {
        v3 => "/v3/messages",
        version4 => "/v4/messages",
        "2026-13" => "/2026-13/messages",
        "26-03" => "/26-03/messages",
        v3 => "/v3/again",
    } {} -> 201 ();
}

fn main() {}
