//! Every mistake in one invocation is reported in one compile, and the items
//! around them still expand (so `Direction` below resolves).
hubspot_runtime::hubspot_endpoint! {
    pub endpoint Publish: SEND { v33x => "/messages/{id}" } {
        query { limit: Option<i32> }
        required { text: String }
        optional { text: String }
    } -> 404 ();

    pub enum Direction { INCOMING, OUTGOING, INCOMING }

    pub union Attachment { FILE => File, Unknown = "OTHER" => File }

    pub object File { required { file_id: String } }
}

fn main() {
    let _ = Direction::Incoming;
}
