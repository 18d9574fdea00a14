//! Custom channels: bridge an external chat service into HubSpot's inbox.
//!
//! - [`channels`]: register and manage the channel itself.
//! - [`channel_accounts`]: connect the accounts (phone numbers, bots) that
//!   send and receive through it.
//! - [`messages`]: publish what your service received, and report delivery.

pub mod channel_accounts;
pub mod channels;
pub mod messages;
pub mod webhooks;
