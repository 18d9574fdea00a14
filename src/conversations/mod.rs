//! HubSpot's Conversations APIs: custom channels, and the inbox's threads and
//! messages.

pub mod contact_property;
pub mod custom_channels;
pub mod models;
pub mod threads;
