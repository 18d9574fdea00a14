//! The events HubSpot POSTs to a custom channel's `webhookUrl`: a message an
//! agent wrote that your integration should deliver, and channel accounts
//! being connected or changed.
//!
//! Verify the request first (see [`hubspot_runtime::webhooks`]), then decode
//! the body with [`CustomChannelEvent::parse_batch`]. For an
//! [`OutgoingChannelMessageCreated`], deliver the message on your chat
//! service, then report the outcome with
//! [`UpdateMessageStatus`](super::messages::UpdateMessageStatus) (`SENT` or
//! `FAILED`, later `READ`). HubSpot retries a webhook it did not get a `2xx`
//! for, so de-duplicate on [`OutgoingChannelMessage::id`] before delivering.
//!
//! ```
//! use hubspot_api::conversations::custom_channels::webhooks::CustomChannelEvent;
//!
//! let body = br#"{
//!   "type": "OUTGOING_CHANNEL_MESSAGE_CREATED",
//!   "portalId": "62515",
//!   "channelId": "1001",
//!   "channelIntegrationThreadIds": ["sms-thread-7"],
//!   "message": {
//!     "type": "MESSAGE",
//!     "id": "1000000002",
//!     "conversationsThreadId": "5000001",
//!     "channelId": "1001",
//!     "channelAccountId": "2002",
//!     "text": "It ships tomorrow.",
//!     "direction": "OUTGOING",
//!     "senders": [{"actorId": "A-3003"}],
//!     "recipients": [{"deliveryIdentifier": {"type": "HS_PHONE_NUMBER", "value": "+15550100"}}]
//!   }
//! }"#;
//! for event in CustomChannelEvent::parse_batch(body)? {
//!     match event {
//!         CustomChannelEvent::OutgoingChannelMessageCreated(created) => {
//!             let message = created.message;
//!             let to = &message.recipients.unwrap_or_default()[0].delivery_identifier.value;
//!             assert_eq!((message.id.as_str(), to.as_str()), ("1000000002", "+15550100"));
//!             assert_eq!(message.channel_id.as_i32(), Some(1001));
//!         }
//!         CustomChannelEvent::ChannelAccountCreated(_) | CustomChannelEvent::ChannelAccountUpdated(_) => {}
//!         other => println!("not handled: {:?}", other.tag()),
//!     }
//! }
//! # Ok::<(), serde_json::Error>(())
//! ```

use hubspot_runtime::{DateTime, hubspot_endpoint};

use crate::conversations::models::{
    MessageAttachment, MessageDirection, PublicClient, PublicMessageStatus, PublicRecipient,
    PublicSender, TruncationStatus,
};
use crate::conversations::webhooks::{WebhookId, parse_one_or_many};

hubspot_endpoint! {
    /// An event HubSpot sent to a custom channel's webhook URL, by its
    /// `type`. Types this crate does not list decode into `Unknown`, so a
    /// new kind of event never breaks decoding.
    pub union CustomChannelEvent {
        /// An agent (or a bot, or a workflow) wrote a message on one of your
        /// channel's threads: deliver it, then report its status.
        OUTGOING_CHANNEL_MESSAGE_CREATED => OutgoingChannelMessageCreated,
        /// A HubSpot admin connected an account of your channel to an inbox
        /// or help desk.
        CHANNEL_ACCOUNT_CREATED => ChannelAccountCreated,
        /// One of your channel's accounts changed (e.g. it was renamed or
        /// disconnected).
        CHANNEL_ACCOUNT_UPDATED => ChannelAccountUpdated,
    }

    /// `OUTGOING_CHANNEL_MESSAGE_CREATED`: a message your integration should
    /// deliver.
    pub object OutgoingChannelMessageCreated {
        required {
            /// The message to deliver.
            message: OutgoingChannelMessage,
        }
        optional {
            /// The HubSpot account it comes from.
            portal_id: WebhookId,
            /// Your custom channel.
            channel_id: WebhookId,
            /// Your ids for the thread (`integrationThreadId`s you published
            /// with), if any.
            channel_integration_thread_ids: Vec<String>,
        }
    }

    /// The message in an [`OutgoingChannelMessageCreated`]. The same fields
    /// as a `PublicConversationsMessage`, but only the ids a bridge cannot
    /// do without are required, so that an event HubSpot sends with fewer
    /// fields still decodes.
    pub object OutgoingChannelMessage {
        required {
            /// The message's id: pass it to `UpdateMessageStatus`, and
            /// de-duplicate retried webhooks on it.
            id: WebhookId,
            /// The HubSpot thread it belongs to.
            conversations_thread_id: WebhookId,
            /// Your custom channel.
            channel_id: WebhookId,
            /// The channel account to send from.
            channel_account_id: WebhookId,
        }
        optional {
            /// The plain text to deliver.
            text: String,
            /// The text as HTML.
            rich_text: String,
            /// The subject, for channels that have one.
            subject: String,
            /// Who wrote it (HubSpot actors, e.g. `A-12345`).
            senders: Vec<PublicSender>,
            /// Who to deliver it to: their delivery identifiers on your
            /// channel.
            recipients: Vec<PublicRecipient>,
            /// Files, quick replies and the like.
            attachments: Vec<MessageAttachment>,
            /// When it was created.
            created_at: DateTime,
            /// When it last changed.
            updated_at: DateTime,
            /// The actor that created it.
            created_by: String,
            /// The client that created it.
            client: PublicClient,
            /// The message it answers.
            in_reply_to_id: String,
            /// `OUTGOING` for messages to deliver.
            direction: MessageDirection,
            /// Whether HubSpot shortened the text.
            truncation_status: TruncationStatus,
            /// Its delivery status so far.
            status: PublicMessageStatus,
            /// Whether the thread is archived.
            archived: bool,
        }
    }

    /// `CHANNEL_ACCOUNT_CREATED`: an account of your channel was connected.
    /// HubSpot's docs describe this payload only briefly; read the account's
    /// details with the Custom Channels API.
    pub object ChannelAccountCreated {
        optional {
            /// The HubSpot account.
            portal_id: WebhookId,
            /// Your custom channel.
            channel_id: WebhookId,
            /// The channel account.
            channel_account_id: WebhookId,
        }
    }

    /// `CHANNEL_ACCOUNT_UPDATED`: one of your channel's accounts changed.
    /// HubSpot's docs describe this payload only briefly; read the account's
    /// details with the Custom Channels API.
    pub object ChannelAccountUpdated {
        optional {
            /// The HubSpot account.
            portal_id: WebhookId,
            /// Your custom channel.
            channel_id: WebhookId,
            /// The channel account.
            channel_account_id: WebhookId,
        }
    }
}

impl CustomChannelEvent {
    /// Decodes a webhook request body: one event object, or a JSON array of
    /// them.
    ///
    /// # Errors
    ///
    /// If the body is not JSON, not an object or array of objects, an event
    /// has no `type`, or an event of a known type does not have that type's
    /// shape (e.g. a message without an `id`). An unknown `type` is not an
    /// error.
    pub fn parse_batch(body: &[u8]) -> Result<Vec<CustomChannelEvent>, serde_json::Error> {
        parse_one_or_many(body)
    }
}
