//! HubSpot's Conversations APIs: custom channels, the inbox's threads and
//! messages, and the webhook events HubSpot sends about them.

pub mod contact_property;
pub mod custom_channels;
pub mod models;
pub mod threads;
pub mod webhooks;
