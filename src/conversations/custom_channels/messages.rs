//! Messages on a custom channel: publish what your chat service received, and
//! report what happened to what HubSpot asked you to deliver.

use hubspot_runtime::{DateTime, hubspot_endpoint};

use crate::conversations::contact_property::ContactProperty;
pub use crate::conversations::models::MessageDirection;
use crate::conversations::models::{
    ContactProfile, FileUsageType, PublicConversationsMessage, PublicDeliveryIdentifier,
    QuickReply, SocialMetadata,
};

hubspot_endpoint! {
    /// Publishes a message over your custom channel: an `INCOMING` message
    /// your chat service received from a visitor, or an `OUTGOING` one sent
    /// from outside HubSpot.
    ///
    /// HubSpot stores a message once per `integration_idempotency_id`. The
    /// client fills it with a fresh id when you leave it unset and sends that
    /// id on every retry; set it yourself, to an id unique to the message on
    /// your chat service, to make your own re-sends safe as well.
    #[scopes("conversations.custom_channels.write")]
    #[idempotency_key(integration_idempotency_id)]
    pub endpoint PublishMessage: POST {
        v3        => "/conversations/v3/custom-channels/{channelId}/messages",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/messages",
    } {
        path {
            /// The custom channel's id.
            channel_id: i32,
        }
        required {
            /// The message's plain text.
            text: String,
            /// `INCOMING` from a visitor, `OUTGOING` to one.
            message_direction: MessageDirection,
            /// The channel account (e.g. the phone number or bot) the message
            /// belongs to.
            channel_account_id: String,
            /// Who sent it.
            senders: Vec<ChannelIntegrationParticipant>,
            /// Who receives it.
            recipients: Vec<ChannelIntegrationParticipant>,
            /// Files, locations, contact cards and the like; may be empty.
            attachments: Vec<IntegrationAttachment>,
            /// When the message was sent on your chat service.
            timestamp: DateTime,
        }
        optional {
            /// The message as HTML.
            rich_text: String,
            /// Your id for the message; HubSpot de-duplicates on it.
            integration_idempotency_id: String,
            /// Your id for the conversation, so that HubSpot threads by it.
            integration_thread_id: String,
            /// The HubSpot message this one answers.
            in_reply_to_id: String,
            /// Associate the thread with this contact.
            associate_with_contact_id: i64,
            /// Contacts you have already matched to the visitor.
            pre_resolved_contacts: PreResolvedContacts,
        }
    } -> 201 PublicConversationsMessage;

    /// Reports what happened to a message HubSpot asked your integration to
    /// deliver: `SENT`, `FAILED` (with a reason) or `READ`.
    ///
    /// Setting a status is idempotent, so the client retries it safely.
    #[scopes("conversations.custom_channels.write")]
    #[idempotent]
    pub endpoint UpdateMessageStatus: PATCH {
        v3        => "/conversations/v3/custom-channels/{channelId}/messages/{messageId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/messages/{messageId}",
    } {
        path {
            /// The custom channel's id.
            channel_id: i32,
            /// The message's id, as HubSpot sent it in the webhook.
            message_id: String,
        }
        required {
            /// The new status.
            status_type: MessageStatusUpdate,
        }
        optional {
            /// Why delivery failed, shown to the agent; for `FAILED`.
            error_message: String,
        }
    } -> 200 PublicConversationsMessage;

    /// Reads a message on a custom channel, e.g. one HubSpot asked your
    /// integration to deliver.
    #[scopes("conversations.custom_channels.read")]
    pub endpoint GetCustomChannelMessage: GET {
        v3        => "/conversations/v3/custom-channels/{channelId}/messages/{messageId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/messages/{messageId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/messages/{messageId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/messages/{messageId}",
    } {
        path {
            /// The custom channel's id.
            channel_id: i32,
            /// The message's id.
            message_id: String,
        }
    } -> 200 PublicConversationsMessage;

    /// The statuses an integration can report for a message.
    pub enum MessageStatusUpdate { SENT, FAILED, READ }

    /// A sender or recipient of a published message.
    pub object ChannelIntegrationParticipant {
        required {
            /// Their address on your channel.
            delivery_identifier: PublicDeliveryIdentifier,
        }
        optional {
            /// Their display name.
            name: String,
            /// The HubSpot actor sending, for an `OUTGOING` message.
            sender_actor_id: String,
        }
    }

    /// Contacts your integration has already matched to a visitor.
    pub object PreResolvedContacts {
        required { contacts: Vec<PreResolvedContact> }
    }

    /// A contact your integration matched, and on which properties.
    pub object PreResolvedContact {
        required {
            contact_vid: i64,
            contact_properties_leading_to_match: Vec<ContactProperty>,
        }
    }

    /// A file to attach, uploaded to HubSpot's file manager first.
    pub object FileAttachment {
        required { file_id: String }
        optional { file_usage_type: FileUsageType }
    }

    /// A location to attach.
    pub object LocationAttachment {
        required { latitude: f64, longitude: f64 }
        optional { address: String, name: String, url: String }
    }

    /// A contact card to attach.
    pub object ContactAttachment {
        required { contact_profile: ContactProfile }
    }

    /// Content your chat service cannot pass on.
    pub object UnsupportedContentAttachment {}

    /// A header to show above the message.
    pub object MessageHeaderAttachment {
        optional { file_id: i64, text: String }
    }

    /// Suggested replies.
    pub object QuickRepliesAttachment {
        required { quick_replies: Vec<QuickReply> }
    }

    /// A social-media post the message refers to.
    pub object SocialMetadataIntegrationAttachment {
        required { social_metadata: SocialMetadata }
    }

    /// An attachment on a published message, by its `type`.
    pub union IntegrationAttachment {
        FILE => FileAttachment,
        LOCATION => LocationAttachment,
        CONTACT => ContactAttachment,
        UNSUPPORTED_CONTENT => UnsupportedContentAttachment,
        MESSAGE_HEADER => MessageHeaderAttachment,
        QUICK_REPLIES => QuickRepliesAttachment,
        SOCIAL_MEDIA_METADATA => SocialMetadataIntegrationAttachment,
    }
}

/// The `2026-09` message endpoints. Publishing differs from older versions:
/// a [`ChannelIntegrationParticipant`] has no `senderActorId`, and a
/// [`PreResolvedContact`]'s `contactVid` is an `int32` matched on a shorter
/// list of contact properties. [`UpdateMessageStatus`](v2026_09::UpdateMessageStatus)
/// sends the same body as before; it is declared here so that the older
/// [`UpdateMessageStatus`] keeps `2026-03` as its newest version.
pub mod v2026_09 {
    use hubspot_runtime::{DateTime, hubspot_endpoint};

    pub use super::{IntegrationAttachment, MessageDirection, MessageStatusUpdate};
    use crate::conversations::contact_property::v2026_09::ContactProperty;
    use crate::conversations::models::{PublicConversationsMessage, PublicDeliveryIdentifier};

    hubspot_endpoint! {
        /// Publishes a message over your custom channel (`2026-09`): an
        /// `INCOMING` message your chat service received from a visitor, or an
        /// `OUTGOING` one sent from outside HubSpot.
        ///
        /// HubSpot stores a message once per `integration_idempotency_id`. The
        /// client fills it with a fresh id when you leave it unset and sends
        /// that id on every retry; set it yourself, to an id unique to the
        /// message on your chat service, to make your own re-sends safe too.
        #[scopes("conversations.custom_channels.write")]
        #[idempotency_key(integration_idempotency_id)]
        pub endpoint PublishMessage: POST {
            "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/messages",
            "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/messages",
        } {
            path {
                /// The custom channel's id.
                channel_id: i32,
            }
            required {
                /// The message's plain text.
                text: String,
                /// `INCOMING` from a visitor, `OUTGOING` to one.
                message_direction: MessageDirection,
                /// The channel account the message belongs to.
                channel_account_id: String,
                /// Who sent it.
                senders: Vec<ChannelIntegrationParticipant>,
                /// Who receives it.
                recipients: Vec<ChannelIntegrationParticipant>,
                /// Files, locations, contact cards and the like; may be empty.
                attachments: Vec<IntegrationAttachment>,
                /// When the message was sent on your chat service.
                timestamp: DateTime,
            }
            optional {
                /// The message as HTML.
                rich_text: String,
                /// Your id for the message; HubSpot de-duplicates on it.
                integration_idempotency_id: String,
                /// Your id for the conversation, so that HubSpot threads by it.
                integration_thread_id: String,
                /// The HubSpot message this one answers.
                in_reply_to_id: String,
                /// Associate the thread with this contact.
                associate_with_contact_id: i64,
                /// Contacts you have already matched to the visitor.
                pre_resolved_contacts: PreResolvedContacts,
            }
        } -> 201 PublicConversationsMessage;

        /// Reports what happened to a message HubSpot asked your integration
        /// to deliver (`2026-09`): `SENT`, `FAILED` (with a reason) or `READ`.
        ///
        /// Setting a status is idempotent, so the client retries it safely.
        #[scopes("conversations.custom_channels.write")]
        #[idempotent]
        pub endpoint UpdateMessageStatus: PATCH {
            "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/messages/{messageId}",
            "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/messages/{messageId}",
        } {
            path {
                /// The custom channel's id.
                channel_id: i32,
                /// The message's id, as HubSpot sent it in the webhook.
                message_id: String,
            }
            required {
                /// The new status.
                status_type: MessageStatusUpdate,
            }
            optional {
                /// Why delivery failed, shown to the agent; for `FAILED`.
                error_message: String,
            }
        } -> 200 PublicConversationsMessage;

        /// A sender or recipient of a published message (`2026-09`: no
        /// `senderActorId`).
        pub object ChannelIntegrationParticipant {
            required {
                /// Their address on your channel.
                delivery_identifier: PublicDeliveryIdentifier,
            }
            optional {
                /// Their display name.
                name: String,
            }
        }

        /// Contacts your integration has already matched to a visitor.
        pub object PreResolvedContacts {
            required { contacts: Vec<PreResolvedContact> }
        }

        /// A contact your integration matched, and on which properties
        /// (`2026-09`: `contactVid` is an `int32`).
        pub object PreResolvedContact {
            required {
                contact_vid: i32,
                contact_properties_leading_to_match: Vec<ContactProperty>,
            }
        }
    }
}
