//! Two tags with one type would make the union's `From<File>` ambiguous.
hubspot_runtime::hubspot_endpoint! {
    pub union Attachment { FILE => File, IMAGE => File }
    pub object File { required { id: String } }
}

fn main() {}
