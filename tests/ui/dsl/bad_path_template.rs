hubspot_runtime::hubspot_endpoint! {
    pub endpoint A: GET { v3 => "relative/{id}" } { path { id: i32 } } -> 200 ();
    pub endpoint B: GET { v3 => "/things/{id" } { path { id: i32 } } -> 200 ();
    pub endpoint C: GET { v3 => "/things?limit=10" } {} -> 200 ();
}

fn main() {}
