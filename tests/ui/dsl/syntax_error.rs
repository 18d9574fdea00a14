//! A syntax error stops only its own item; a stub keeps the name resolvable.
hubspot_runtime::hubspot_endpoint! {
    pub endpoint Broken: GET { v3 => "/a" } { } -> ;

    pub enum Fine { A, B }
}

fn main() {
    let _ = Broken;
    let _ = Fine::A;
}
