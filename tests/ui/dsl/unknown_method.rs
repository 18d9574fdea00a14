hubspot_runtime::hubspot_endpoint! {
    pub endpoint Fetch: FETCH { v3 => "/things" } {} -> 200 ();
    pub endpoint Lower: post { v3 => "/things" } {} -> 201 ();
}

fn main() {}
