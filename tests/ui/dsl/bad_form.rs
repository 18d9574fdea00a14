//! `#[form]` takes scalar body fields on a method that has a body.
hubspot_runtime::hubspot_endpoint! {
    #[form]
    pub endpoint OnGet: GET { v1 => "/a" } {} -> 200 ();

    #[form]
    pub endpoint WholeBody: POST { v1 => "/b" } { body { token: Token } } -> 200 ();

    #[form]
    pub endpoint ListField: POST { v1 => "/c" } {
        required { scopes: Vec<String> }
    } -> 200 ();

    #[form]
    pub endpoint ObjectField: POST { v1 => "/d" } {
        required { token: Token }
    } -> 200 ();

    pub object Token { required { value: String } }
}

fn main() {}
