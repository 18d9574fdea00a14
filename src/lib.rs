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

// Every Rust example in the README compiles (and the DSL ones run) as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(feature = "app-webhooks")]
pub mod app_webhooks;
#[cfg(feature = "conversations")]
pub mod conversations;
#[cfg(feature = "crm")]
pub mod crm;
#[cfg(feature = "conversations")]
pub mod visitor_identification;

pub use hubspot_runtime::pagination::PageStream;
/// State shared by several replicas in Redis (the `redis` feature).
#[cfg(feature = "redis")]
pub use hubspot_runtime::redis;
/// What an endpoint declares, as data: [`EndpointInfo`] and the types it
/// is made of (each endpoint's `METADATA`).
pub use hubspot_runtime::schema;
pub use hubspot_runtime::{
    AccessToken, ApiVersion, AuthScheme, AuthorizationUrl, Client, ClientBuilder, DateTime,
    DeveloperApiKey, DeveloperKey, Endpoint, Error, InMemoryTokenStore, Installation, JsonValue,
    OAuthApp, RateLimit, RefreshLock, RefreshToken, ReleaseFuture, RetryPolicy, SharedStateError,
    SharedStateErrorKind, StoreError, StoreFuture, TokenSet, TokenStore, hubspot_endpoint, oauth,
    webhooks,
};

use hubspot_runtime::schema::EndpointInfo;

#[cfg(feature = "conversations")]
use conversations::custom_channels::{
    channel_accounts as cc_accounts, channels as cc_channels, messages as cc_messages,
};
#[cfg(feature = "conversations")]
use conversations::{actors, channel_accounts, channels, inboxes, threads};

/// Every endpoint of every API family this build has (by its features),
/// HubSpot's OAuth API included: for tests and tooling.
pub fn all_endpoints() -> Vec<&'static EndpointInfo> {
    #[allow(unused_mut)]
    let mut all: Vec<&'static EndpointInfo> = vec![
        oauth::CreateToken::METADATA,
        oauth::v2026_09::CreateToken::METADATA,
        oauth::IntrospectToken::METADATA,
        oauth::v2026_09::IntrospectToken::METADATA,
        oauth::RevokeToken::METADATA,
    ];
    #[cfg(feature = "conversations")]
    {
        let oauth = all.clone();
        all.extend(
            ENDPOINTS
                .iter()
                .filter(|e| !oauth.iter().any(|o| std::ptr::eq(*o, **e)))
                .copied(),
        );
    }
    #[cfg(feature = "crm")]
    all.extend(crm::endpoints());
    #[cfg(feature = "app-webhooks")]
    all.extend(app_webhooks::endpoints());
    all
}

/// Every endpoint this crate declares (and HubSpot's OAuth API, which the
/// runtime declares and this crate re-exports as [`oauth`]), for tests and
/// tooling: each (version, operation) pair of HubSpot's Conversations and
/// OAuth specs is the path of exactly one of them.
#[cfg(feature = "conversations")]
pub const ENDPOINTS: &[&EndpointInfo] = &[
    // Custom channels: channels.
    cc_channels::CreateCustomChannel::METADATA,
    cc_channels::ListCustomChannels::METADATA,
    cc_channels::GetCustomChannel::METADATA,
    cc_channels::UpdateCustomChannel::METADATA,
    cc_channels::ArchiveCustomChannel::METADATA,
    // Custom channels: channel accounts and staging tokens.
    cc_accounts::CreateChannelAccount::METADATA,
    cc_accounts::ListCustomChannelAccounts::METADATA,
    cc_accounts::GetCustomChannelAccount::METADATA,
    cc_accounts::UpdateChannelAccount::METADATA,
    cc_accounts::UpdateChannelAccountStagingToken::METADATA,
    cc_accounts::v2026_09::UpdateChannelAccountStagingToken::METADATA,
    // Custom channels: messages.
    cc_messages::PublishMessage::METADATA,
    cc_messages::v2026_09::PublishMessage::METADATA,
    cc_messages::GetCustomChannelMessage::METADATA,
    cc_messages::UpdateMessageStatus::METADATA,
    cc_messages::v2026_09::UpdateMessageStatus::METADATA,
    // Inbox: actors, channels, channel accounts, inboxes.
    actors::GetActor::METADATA,
    actors::BatchReadActors::METADATA,
    channels::ListChannels::METADATA,
    channels::GetChannel::METADATA,
    channel_accounts::ListChannelAccounts::METADATA,
    channel_accounts::GetChannelAccount::METADATA,
    inboxes::ListInboxes::METADATA,
    inboxes::GetInbox::METADATA,
    // Inbox: threads and their messages.
    threads::ListThreads::METADATA,
    threads::GetThread::METADATA,
    threads::UpdateThread::METADATA,
    threads::ArchiveThread::METADATA,
    threads::AssignThread::METADATA,
    threads::UnassignThread::METADATA,
    threads::messages::ListThreadMessages::METADATA,
    threads::messages::SendThreadMessage::METADATA,
    threads::messages::GetThreadMessage::METADATA,
    threads::messages::GetOriginalMessageContent::METADATA,
    // Visitor identification.
    visitor_identification::GenerateVisitorToken::METADATA,
    visitor_identification::v2025_09::GenerateVisitorToken::METADATA,
    // OAuth: tokens, introspection, revocation.
    oauth::CreateToken::METADATA,
    oauth::v2026_09::CreateToken::METADATA,
    oauth::IntrospectToken::METADATA,
    oauth::v2026_09::IntrospectToken::METADATA,
    oauth::RevokeToken::METADATA,
];
