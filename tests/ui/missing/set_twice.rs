//! A required field set twice does not compile.
use hubspot_api::conversations::custom_channels::messages::{MessageStatusUpdate, UpdateMessageStatus};

fn main() {
    let _ = UpdateMessageStatus::builder()
        .status_type(MessageStatusUpdate::Sent)
        .status_type(MessageStatusUpdate::Read);
}
