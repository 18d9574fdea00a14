//! An item declared twice is one error, and only the first one expands.
hubspot_runtime::hubspot_endpoint! {
    pub object Note { required { id: String } }
    pub object Note { required { text: String } }
}

fn main() {
    let _ = Note::builder().id("1").build();
}
