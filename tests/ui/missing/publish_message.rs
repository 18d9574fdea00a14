//! Each required field of `PublishMessage`, left out: one error per field.
use hubspot_api::conversations::custom_channels::messages::{MessageDirection, PublishMessage};

fn main() {
    // Nothing set: every required field is named, once each.
    let _ = PublishMessage::builder().build();

    // Everything but `text`, sent rather than built.
    let client = hubspot_api::Client::new("token").unwrap();
    let _ = PublishMessage::builder()
        .channel_id(1)
        .channel_account_id("42")
        .message_direction(MessageDirection::Incoming)
        .senders(vec![])
        .recipients(vec![])
        .attachments(vec![])
        .timestamp(chrono::Utc::now())
        .rich_text("<p>optional fields never matter</p>")
        .send(&client);
}
