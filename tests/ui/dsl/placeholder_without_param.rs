hubspot_runtime::hubspot_endpoint! {
    pub endpoint GetMessage: GET {
        v3 => "/channels/{channelId}/messages/{messageId}",
    } {
        path { channel_id: i32 }
    } -> 200 ();
}

fn main() {}
