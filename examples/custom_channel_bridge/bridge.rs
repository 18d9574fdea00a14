//! The core of a custom-channel bridge between HubSpot's inbox and a chat
//! service, used by `examples/custom_channel_bridge.rs` and by
//! `tests/custom_channel_bridge.rs`.
//!
//! - HubSpot → chat: [`Bridge::router`] serves the channel's webhook URL.
//!   Each request is verified ([`VerifiedWebhook`]); each
//!   `OUTGOING_CHANNEL_MESSAGE_CREATED` is delivered on the chat service
//!   and its outcome reported to HubSpot as `SENT` or `FAILED`.
//! - chat → HubSpot: [`Bridge::relay_incoming`] publishes what a visitor
//!   wrote as an `INCOMING` message.
//!
//! Nothing is lost or duplicated when either side retries: a webhook is
//! answered `2xx` only once the message is delivered *and* its status
//! reported, so HubSpot retries anything less; a retried webhook for a
//! message already delivered only re-reports the status; and a published
//! message carries the chat's message id as `integrationIdempotencyId`, so
//! publishing it twice stores it once.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::routing::post;
use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, MessageDirection, MessageStatusUpdate, PublishMessage,
    UpdateMessageStatus,
};
use hubspot_api::conversations::custom_channels::webhooks::{
    CustomChannelEvent, OutgoingChannelMessage,
};
use hubspot_api::conversations::models::{
    DeliveryIdentifierType, PublicConversationsMessage, PublicDeliveryIdentifier,
};
use hubspot_api::webhooks::{VerifiedWebhook, Verifier};
use hubspot_api::{Client, Error};

/// The path the bridge serves HubSpot's webhooks on.
pub const WEBHOOK_PATH: &str = "/hubspot/webhooks";

// ---------------------------------------------------------------------------
// The chat service (a toy, in memory)
// ---------------------------------------------------------------------------

/// A message on the chat service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatMessage {
    /// The chat service's id for it.
    pub id: String,
    /// Sender's address (a phone number).
    pub from: String,
    /// Sender's display name, if known.
    pub from_name: Option<String>,
    /// Recipient's address.
    pub to: String,
    /// The text.
    pub text: String,
}

#[derive(Debug, Default)]
struct ChatState {
    messages: Vec<ChatMessage>,
    unreachable: HashMap<String, String>,
    next_id: u64,
}

/// A toy SMS-like chat service: addresses are phone numbers, delivery to an
/// address marked unreachable fails.
#[derive(Debug, Clone, Default)]
pub struct ExternalChat {
    state: Arc<Mutex<ChatState>>,
}

impl ExternalChat {
    fn lock(&self) -> MutexGuard<'_, ChatState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn record(&self, from: &str, from_name: Option<&str>, to: &str, text: &str) -> ChatMessage {
        let mut state = self.lock();
        state.next_id += 1;
        let message = ChatMessage {
            id: format!("chat-{}", state.next_id),
            from: from.to_owned(),
            from_name: from_name.map(str::to_owned),
            to: to.to_owned(),
            text: text.to_owned(),
        };
        state.messages.push(message.clone());
        message
    }

    /// A visitor writes to `to` (the business line).
    pub fn visitor_says(&self, from: &str, name: &str, to: &str, text: &str) -> ChatMessage {
        self.record(from, Some(name), to, text)
    }

    /// Delivers `text` from `from` to `to`; the chat's message, or why it
    /// could not be delivered.
    pub fn deliver(&self, from: &str, to: &str, text: &str) -> Result<ChatMessage, String> {
        if let Some(reason) = self.lock().unreachable.get(to) {
            return Err(reason.clone());
        }
        Ok(self.record(from, None, to, text))
    }

    /// Makes delivery to `address` fail with `reason`.
    pub fn make_unreachable(&self, address: &str, reason: &str) {
        self.lock()
            .unreachable
            .insert(address.to_owned(), reason.to_owned());
    }

    /// Every message, oldest first.
    pub fn messages(&self) -> Vec<ChatMessage> {
        self.lock().messages.clone()
    }

    /// The messages delivered to `address`, oldest first.
    pub fn inbox(&self, address: &str) -> Vec<ChatMessage> {
        self.lock()
            .messages
            .iter()
            .filter(|m| m.to == address)
            .cloned()
            .collect()
    }
}

// ---------------------------------------------------------------------------
// The bridge
// ---------------------------------------------------------------------------

/// Which channel and account the bridge serves, and its own address on the
/// chat service.
#[derive(Debug, Clone)]
pub struct BridgeConfig {
    /// The custom channel's id.
    pub channel_id: i32,
    /// The channel account (the business line) messages go through.
    pub channel_account_id: String,
    /// The business line's phone number on the chat service.
    pub business_number: String,
}

/// What happened to a message HubSpot asked the bridge to deliver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Delivered, as this chat message.
    Delivered(String),
    /// Not deliverable, for this reason.
    Failed(String),
}

#[derive(Debug)]
struct Handled {
    outcome: Outcome,
    status_reported: bool,
}

/// What the bridge did with a webhook's event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handling {
    /// Delivered or failed, and the status reported now.
    Reported {
        /// The HubSpot message.
        message_id: String,
        /// What happened to it.
        outcome: Outcome,
    },
    /// Already handled earlier (HubSpot retried): nothing done again.
    Duplicate {
        /// The HubSpot message.
        message_id: String,
    },
    /// An event the bridge has nothing to do for.
    Ignored(String),
}

/// A step HubSpot should retry: the webhook is answered with a `5xx`.
#[derive(Debug)]
pub struct RetryLater(pub Error);

impl std::fmt::Display for RetryLater {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "reporting the status to HubSpot failed: {}", self.0)
    }
}

struct Inner {
    client: Client,
    verifier: Verifier,
    chat: ExternalChat,
    config: BridgeConfig,
    /// Messages handled so far, by HubSpot message id. An async mutex held
    /// for the whole of one event, so a retry racing the original waits for
    /// it instead of delivering twice.
    handled: tokio::sync::Mutex<HashMap<String, Handled>>,
}

/// The bridge. Cloning is cheap; clones share state.
#[derive(Clone)]
pub struct Bridge {
    inner: Arc<Inner>,
}

impl FromRef<Bridge> for Verifier {
    fn from_ref(bridge: &Bridge) -> Verifier {
        bridge.inner.verifier.clone()
    }
}

impl Bridge {
    /// A bridge that calls HubSpot with `client`, accepts webhooks that
    /// `verifier` accepts, and delivers on `chat`.
    pub fn new(
        client: Client,
        verifier: Verifier,
        chat: ExternalChat,
        config: BridgeConfig,
    ) -> Self {
        Bridge {
            inner: Arc::new(Inner {
                client,
                verifier,
                chat,
                config,
                handled: tokio::sync::Mutex::new(HashMap::new()),
            }),
        }
    }

    /// The chat service.
    pub fn chat(&self) -> &ExternalChat {
        &self.inner.chat
    }

    /// The HTTP service: `POST /hubspot/webhooks`.
    pub fn router(&self) -> Router {
        Router::new()
            .route(WEBHOOK_PATH, post(webhook))
            .with_state(self.clone())
    }

    /// Handles one event: for an outgoing message, delivers it (once, however
    /// often HubSpot sends it) and reports the outcome.
    ///
    /// # Errors
    ///
    /// [`RetryLater`] if the status could not be reported for a reason that
    /// may pass (HubSpot down, rate limit, network); the delivery itself is
    /// remembered and not repeated.
    pub async fn handle(&self, event: CustomChannelEvent) -> Result<Handling, RetryLater> {
        match event {
            CustomChannelEvent::OutgoingChannelMessageCreated(created) => {
                self.deliver(created.message).await
            }
            CustomChannelEvent::ChannelAccountCreated(account) => Ok(Handling::Ignored(format!(
                "channel account {:?} connected",
                account.channel_account_id.map(String::from)
            ))),
            CustomChannelEvent::ChannelAccountUpdated(account) => Ok(Handling::Ignored(format!(
                "channel account {:?} updated",
                account.channel_account_id.map(String::from)
            ))),
            other => Ok(Handling::Ignored(format!(
                "event type {:?} not handled",
                other.tag().unwrap_or("unknown")
            ))),
        }
    }

    async fn deliver(&self, message: OutgoingChannelMessage) -> Result<Handling, RetryLater> {
        let message_id = message.id.to_string();
        let mut handled = self.inner.handled.lock().await;
        if handled.get(&message_id).is_some_and(|h| h.status_reported) {
            return Ok(Handling::Duplicate { message_id });
        }
        let outcome = match handled.get(&message_id) {
            // Delivered on an earlier attempt whose status report failed.
            Some(earlier) => earlier.outcome.clone(),
            None => {
                let outcome = self.deliver_on_chat(&message);
                handled.insert(
                    message_id.clone(),
                    Handled {
                        outcome: outcome.clone(),
                        status_reported: false,
                    },
                );
                outcome
            }
        };
        let channel_id = message
            .channel_id
            .as_i32()
            .unwrap_or(self.inner.config.channel_id);
        let update = UpdateMessageStatus::builder()
            .channel_id(channel_id)
            .message_id(message_id.clone());
        let update = match &outcome {
            Outcome::Delivered(_) => update.status_type(MessageStatusUpdate::Sent),
            Outcome::Failed(reason) => update
                .status_type(MessageStatusUpdate::Failed)
                .error_message(reason.clone()),
        };
        match update.send(&self.inner.client).await {
            Ok(_) => {}
            // HubSpot will never accept this report (the message is gone or
            // the request is invalid): retrying cannot help.
            Err(Error::NotFound(_) | Error::Validation(_)) => {}
            Err(error) => return Err(RetryLater(error)),
        }
        if let Some(entry) = handled.get_mut(&message_id) {
            entry.status_reported = true;
        }
        Ok(Handling::Reported {
            message_id,
            outcome,
        })
    }

    fn deliver_on_chat(&self, message: &OutgoingChannelMessage) -> Outcome {
        let Some(text) = message.text.as_deref() else {
            return Outcome::Failed("the message has no text".to_owned());
        };
        let recipient = message
            .recipients
            .as_deref()
            .and_then(|r| r.first())
            .map(|r| r.delivery_identifier.value.as_str());
        let Some(to) = recipient else {
            return Outcome::Failed("the message has no recipient".to_owned());
        };
        match self
            .inner
            .chat
            .deliver(&self.inner.config.business_number, to, text)
        {
            Ok(chat_message) => Outcome::Delivered(chat_message.id),
            Err(reason) => Outcome::Failed(reason),
        }
    }

    /// Publishes what a visitor wrote on the chat service into HubSpot, as
    /// an `INCOMING` message on the conversation with that visitor.
    ///
    /// # Errors
    ///
    /// HubSpot's, e.g. a validation error or an outage; retrying is safe.
    pub async fn relay_incoming(
        &self,
        chat_message: &ChatMessage,
    ) -> Result<PublicConversationsMessage, Error> {
        let config = &self.inner.config;
        let visitor = ChannelIntegrationParticipant::builder()
            .delivery_identifier(phone(&chat_message.from))
            .maybe_name(chat_message.from_name.clone())
            .build();
        let business = ChannelIntegrationParticipant::builder()
            .delivery_identifier(phone(&config.business_number))
            .build();
        PublishMessage::builder()
            .channel_id(config.channel_id)
            .channel_account_id(config.channel_account_id.clone())
            .text(chat_message.text.clone())
            .message_direction(MessageDirection::Incoming)
            .senders(vec![visitor])
            .recipients(vec![business])
            .attachments(vec![])
            .timestamp(chrono::Utc::now())
            .integration_idempotency_id(chat_message.id.clone())
            .send(&self.inner.client)
            .await
    }
}

fn phone(number: &str) -> PublicDeliveryIdentifier {
    PublicDeliveryIdentifier::builder()
        .r#type(DeliveryIdentifierType::HsPhoneNumber)
        .value(number)
        .build()
}

/// `POST /hubspot/webhooks`: verified by the extractor before this runs.
async fn webhook(State(bridge): State<Bridge>, webhook: VerifiedWebhook) -> (StatusCode, String) {
    let events = match CustomChannelEvent::parse_batch(webhook.body()) {
        Ok(events) => events,
        // Signed by HubSpot but not understood: retrying will not help, and
        // a 4xx makes the problem visible in HubSpot's logs.
        Err(error) => return (StatusCode::UNPROCESSABLE_ENTITY, error.to_string()),
    };
    let mut report = Vec::new();
    for event in events {
        match bridge.handle(event).await {
            Ok(handling) => report.push(format!("{handling:?}")),
            Err(retry) => return (StatusCode::SERVICE_UNAVAILABLE, retry.to_string()),
        }
    }
    (StatusCode::OK, report.join("\n"))
}
