//! Each version has its own path.
hubspot_runtime::hubspot_endpoint! {
    pub endpoint GetThing: GET {
        v3 => "/things/v3/{thingId}",
        "2026-03" => "/things/v3/{thingId}",
    } {
        path { thing_id: String }
    } -> 200 ();
}

fn main() {}
