//! HubSpot's Conversations APIs: custom channels; the inbox's actors,
//! channels, channel accounts, inboxes, threads and messages; and the webhook
//! events HubSpot sends about them.

pub mod actors;
pub mod channel_accounts;
pub mod channels;
pub mod contact_property;
pub mod custom_channels;
pub mod inboxes;
pub mod models;
pub mod threads;
pub mod webhooks;
