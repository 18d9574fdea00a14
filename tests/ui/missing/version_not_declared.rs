//! Pinning a version the endpoint does not have is a compile error:
//! `PublishMessage` has `v3` and `2026-03`, not `2026-09`.
use hubspot_api::conversations::custom_channels::messages::PublishMessage;

fn main() {
    let _ = PublishMessage::builder().version_2026_09();
}
