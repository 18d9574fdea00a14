//! Conversation events from HubSpot's webhook subscriptions: a thread was
//! created, deleted, changed, or got a new message.
//!
//! An app that subscribes to `conversation.*` events receives them at its
//! webhook URL as a JSON array, up to a hundred per request. Verify the
//! request first (see [`hubspot_runtime::webhooks`]), then decode the body
//! with [`ConversationEvent::parse_batch`]. Each event carries ids, not
//! content: fetch the thread or message with the Conversations API when you
//! need more.
//!
//! ```
//! use hubspot_api::conversations::webhooks::{ConversationEvent, PropertyChange};
//!
//! let body = br#"[
//!   {"eventId": 1, "subscriptionId": 12, "portalId": 62515, "appId": 54321,
//!    "occurredAt": 1700000000000, "attemptNumber": 0, "objectId": 5000001,
//!    "subscriptionType": "conversation.newMessage", "changeFlag": "NEW_MESSAGE",
//!    "messageId": "1000000002", "messageType": "MESSAGE"},
//!   {"eventId": 2, "subscriptionId": 13, "portalId": 62515, "appId": 54321,
//!    "occurredAt": 1700000000500, "attemptNumber": 0, "objectId": 5000001,
//!    "subscriptionType": "conversation.propertyChange",
//!    "propertyName": "status", "propertyValue": "CLOSED"},
//!   {"subscriptionType": "conversation.somethingNew", "objectId": 5000001}
//! ]"#;
//! let events = ConversationEvent::parse_batch(body)?;
//! let ConversationEvent::NewMessage(message) = &events[0] else { panic!() };
//! assert_eq!(message.object_id.as_i64(), Some(5000001));
//! assert_eq!(message.message_id.as_deref(), Some("1000000002"));
//! let ConversationEvent::PropertyChange(PropertyChange { property_name, property_value, .. }) =
//!     &events[1] else { panic!() };
//! assert_eq!((property_name.as_deref(), property_value.as_deref()), (Some("status"), Some("CLOSED")));
//! // A subscription type this crate does not know is kept, not an error.
//! assert!(matches!(&events[2], ConversationEvent::Unknown(_)));
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;

use hubspot_runtime::hubspot_endpoint;
use hubspot_runtime::schema::{Schema, TypeInfo};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// An id in a webhook payload. HubSpot writes ids as JSON numbers in some
/// payloads and as strings in others; this accepts either, keeps the text,
/// and serializes as a string.
///
/// ```
/// use hubspot_api::conversations::webhooks::WebhookId;
///
/// let from_number: WebhookId = serde_json::from_str("5000001")?;
/// let from_string: WebhookId = serde_json::from_str("\"5000001\"")?;
/// assert_eq!(from_number, from_string);
/// assert_eq!(from_number.as_i64(), Some(5000001));
/// assert_eq!(from_number, "5000001");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WebhookId(String);

impl WebhookId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id as a number, if it is one (thread ids are int64s).
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }

    /// The id as an int32, if it is one (custom channel ids are int32s).
    pub fn as_i32(&self) -> Option<i32> {
        self.0.parse().ok()
    }

    /// The id as an owned string.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for WebhookId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for WebhookId {
    fn from(id: &str) -> Self {
        WebhookId(id.to_owned())
    }
}

impl From<String> for WebhookId {
    fn from(id: String) -> Self {
        WebhookId(id)
    }
}

impl From<i64> for WebhookId {
    fn from(id: i64) -> Self {
        WebhookId(id.to_string())
    }
}

impl From<WebhookId> for String {
    fn from(id: WebhookId) -> Self {
        id.0
    }
}

impl PartialEq<str> for WebhookId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for WebhookId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl Serialize for WebhookId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for WebhookId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl Visitor<'_> for IdVisitor {
            type Value = WebhookId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id, as a string or an integer")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<WebhookId, E> {
                Ok(WebhookId(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<WebhookId, E> {
                Ok(WebhookId(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<WebhookId, E> {
                Ok(WebhookId(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<WebhookId, E> {
                Ok(WebhookId(v.to_string()))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

impl Schema for WebhookId {
    fn schema() -> TypeInfo {
        TypeInfo::String
    }
}

hubspot_endpoint! {
    /// A conversation event from a webhook subscription, by its
    /// `subscriptionType`. Types this crate does not list decode into
    /// `Unknown`, so a new kind of event never breaks decoding.
    #[tag = "subscriptionType"]
    pub union ConversationEvent {
        /// A thread was created.
        Creation = "conversation.creation" => ConversationCreation,
        /// A thread was deleted (archived).
        Deletion = "conversation.deletion" => ConversationDeletion,
        /// A thread was permanently deleted, e.g. for a GDPR request.
        PrivacyDeletion = "conversation.privacyDeletion" => ConversationPrivacyDeletion,
        /// A thread's `assignedTo`, `status` or `isArchived` changed.
        PropertyChange = "conversation.propertyChange" => PropertyChange,
        /// A message or comment was added to a thread.
        NewMessage = "conversation.newMessage" => NewMessage,
    }

    /// `conversation.creation`: a thread was created.
    pub object ConversationCreation {
        required {
            /// The thread's id.
            object_id: WebhookId,
        }
        optional {
            /// The event's id; the same across retries of one event.
            event_id: WebhookId,
            /// The subscription that produced it.
            subscription_id: WebhookId,
            /// The HubSpot account.
            portal_id: WebhookId,
            /// Your app.
            app_id: WebhookId,
            /// When it happened, in milliseconds since the Unix epoch.
            occurred_at: i64,
            /// How many times HubSpot tried to send it before (0 the first
            /// time).
            attempt_number: i32,
            /// What caused it.
            change_source: String,
            /// What changed, e.g. `NEW`.
            change_flag: String,
        }
    }

    /// `conversation.deletion`: a thread was deleted (archived).
    pub object ConversationDeletion {
        required {
            /// The thread's id.
            object_id: WebhookId,
        }
        optional {
            /// The event's id; the same across retries of one event.
            event_id: WebhookId,
            /// The subscription that produced it.
            subscription_id: WebhookId,
            /// The HubSpot account.
            portal_id: WebhookId,
            /// Your app.
            app_id: WebhookId,
            /// When it happened, in milliseconds since the Unix epoch.
            occurred_at: i64,
            /// How many times HubSpot tried to send it before.
            attempt_number: i32,
            /// What caused it.
            change_source: String,
            /// What changed, e.g. `DELETED`.
            change_flag: String,
        }
    }

    /// `conversation.privacyDeletion`: a thread was permanently deleted.
    pub object ConversationPrivacyDeletion {
        required {
            /// The thread's id.
            object_id: WebhookId,
        }
        optional {
            /// The event's id; the same across retries of one event.
            event_id: WebhookId,
            /// The subscription that produced it.
            subscription_id: WebhookId,
            /// The HubSpot account.
            portal_id: WebhookId,
            /// Your app.
            app_id: WebhookId,
            /// When it happened, in milliseconds since the Unix epoch.
            occurred_at: i64,
            /// How many times HubSpot tried to send it before.
            attempt_number: i32,
            /// What caused it.
            change_source: String,
            /// What changed.
            change_flag: String,
        }
    }

    /// `conversation.propertyChange`: one of a thread's properties changed.
    pub object PropertyChange {
        required {
            /// The thread's id.
            object_id: WebhookId,
        }
        optional {
            /// The property: `assignedTo`, `status` or `isArchived`.
            property_name: String,
            /// Its new value, as text (an actor id, `OPEN`/`CLOSED`,
            /// `true`/`false`).
            property_value: String,
            /// The event's id; the same across retries of one event.
            event_id: WebhookId,
            /// The subscription that produced it.
            subscription_id: WebhookId,
            /// The HubSpot account.
            portal_id: WebhookId,
            /// Your app.
            app_id: WebhookId,
            /// When it happened, in milliseconds since the Unix epoch.
            occurred_at: i64,
            /// How many times HubSpot tried to send it before.
            attempt_number: i32,
            /// What caused it.
            change_source: String,
            /// What changed.
            change_flag: String,
        }
    }

    /// Whether a new thread entry is a message or a comment.
    pub enum NewMessageType { MESSAGE, COMMENT }

    /// `conversation.newMessage`: a message or comment was added to a
    /// thread.
    pub object NewMessage {
        required {
            /// The thread's id.
            object_id: WebhookId,
        }
        optional {
            /// The new message's id.
            message_id: String,
            /// Whether it is a message or a comment.
            message_type: NewMessageType,
            /// The event's id; the same across retries of one event.
            event_id: WebhookId,
            /// The subscription that produced it.
            subscription_id: WebhookId,
            /// The HubSpot account.
            portal_id: WebhookId,
            /// Your app.
            app_id: WebhookId,
            /// When it happened, in milliseconds since the Unix epoch.
            occurred_at: i64,
            /// How many times HubSpot tried to send it before.
            attempt_number: i32,
            /// What caused it.
            change_source: String,
            /// What changed, e.g. `NEW_MESSAGE`.
            change_flag: String,
        }
    }
}

impl ConversationEvent {
    /// Decodes a webhook request body: a JSON array of events (a single
    /// event object is accepted too).
    ///
    /// # Errors
    ///
    /// If the body is not JSON, not an object or array of objects, an event
    /// has no `subscriptionType`, or an event of a known type does not have
    /// that type's shape. An unknown `subscriptionType` is not an error.
    pub fn parse_batch(body: &[u8]) -> Result<Vec<ConversationEvent>, serde_json::Error> {
        parse_one_or_many(body)
    }
}

/// A JSON array of `T`, or a single `T`.
pub(crate) fn parse_one_or_many<T: serde::de::DeserializeOwned>(
    body: &[u8],
) -> Result<Vec<T>, serde_json::Error> {
    let value: serde_json::Value = serde_json::from_slice(body)?;
    if value.is_array() {
        serde_json::from_value(value)
    } else {
        serde_json::from_value::<T>(value).map(|one| vec![one])
    }
}
