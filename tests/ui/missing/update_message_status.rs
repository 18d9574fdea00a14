//! Each required field of `UpdateMessageStatus`, left out.
use hubspot_api::conversations::custom_channels::messages::{MessageStatusUpdate, UpdateMessageStatus};

fn main() {
    let _ = UpdateMessageStatus::builder().error_message("optional").build();

    // The path parameters are required fields too.
    let _ = UpdateMessageStatus::builder()
        .status_type(MessageStatusUpdate::Sent)
        .build();
}
