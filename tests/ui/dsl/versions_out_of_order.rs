//! Versions are written oldest first.
hubspot_runtime::hubspot_endpoint! {
    pub endpoint GetThing: GET {
        "2026-03" => "/things/2026-03/{thingId}",
        v3 => "/things/v3/{thingId}",
    } {
        path { thing_id: String }
    } -> 200 ();
}

fn main() {}
