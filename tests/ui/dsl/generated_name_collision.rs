//! An item may not take a name the expansion generates for another.
hubspot_runtime::hubspot_endpoint! {
    pub object Note { required { id: String } }
    pub object NoteBuilder { required { id: String } }
}

fn main() {
    let _ = Note::builder().id("1").build();
}
