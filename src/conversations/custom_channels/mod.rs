//! Custom channels: bridge an external chat service into HubSpot's inbox.

pub mod messages;
pub mod webhooks;
