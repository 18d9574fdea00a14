//! A union's variant is an object: a string cannot carry the tag.
hubspot_runtime::hubspot_endpoint! {
    pub union Value { STRING => String, FILE => File }
    pub object File { required { id: String } }
}

fn main() {}
