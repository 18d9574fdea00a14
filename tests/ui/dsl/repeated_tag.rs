//! `#[tag]` twice is an error, not "the last one wins".
hubspot_runtime::hubspot_endpoint! {
    #[tag = "kind"]
    #[tag = "type"]
    pub union Attachment { FILE => File }
    pub object File { required { id: String } }
}

fn main() {}
