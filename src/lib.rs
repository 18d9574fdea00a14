//! HubSpot's Conversations APIs, declared with [`hubspot_endpoint!`]:
//! requests that compile only when HubSpot will accept them.
//!
//! ```no_run
//! use hubspot_api::conversations::custom_channels::messages::{MessageDirection, PublishMessage};
//! use hubspot_api::conversations::models::{DeliveryIdentifierType, PublicDeliveryIdentifier};
//! use hubspot_api::conversations::custom_channels::messages::ChannelIntegrationParticipant;
//! use hubspot_api::Client;
//!
//! # async fn run() -> Result<(), hubspot_api::Error> {
//! let client = Client::from_env()?;
//! let visitor = ChannelIntegrationParticipant::builder()
//!     .delivery_identifier(
//!         PublicDeliveryIdentifier::builder()
//!             .r#type(DeliveryIdentifierType::HsPhoneNumber)
//!             .value("+15550100")
//!             .build(),
//!     )
//!     .build();
//! let message = PublishMessage::builder()
//!     .channel_id(1234)
//!     .channel_account_id("5678")
//!     .text("Hello from SMS")
//!     .message_direction(MessageDirection::Incoming)
//!     .senders(vec![visitor])
//!     .recipients(vec![])
//!     .attachments(vec![])
//!     .timestamp(chrono::Utc::now())
//!     .send(&client)
//!     .await?;
//! println!("stored as {} in thread {}", message.id, message.conversations_thread_id);
//! # Ok(())
//! # }
//! ```
//!
//! Receiving from HubSpot: [`webhooks`] verifies a webhook's signature
//! (with the `axum` feature, as an extractor), and
//! [`conversations::custom_channels::webhooks`] and
//! [`conversations::webhooks`] decode the events.
//!
//! [`hubspot_endpoint!`]: hubspot_runtime::hubspot_endpoint
#![warn(missing_docs)]

pub mod conversations;

pub use hubspot_runtime::{ApiVersion, Client, Endpoint, Error, hubspot_endpoint, webhooks};

use hubspot_runtime::schema::EndpointInfo;

/// Every endpoint this crate declares, for tests and tooling.
pub const ENDPOINTS: &[&EndpointInfo] = &[
    conversations::custom_channels::messages::PublishMessage::METADATA,
    conversations::custom_channels::messages::UpdateMessageStatus::METADATA,
    conversations::threads::messages::SendThreadMessage::METADATA,
];
