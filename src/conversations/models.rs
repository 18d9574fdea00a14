//! Models shared by the Conversations APIs: the messages HubSpot returns and
//! what they carry.

use std::collections::HashMap;

use hubspot_runtime::{DateTime, hubspot_endpoint};

hubspot_endpoint! {
    /// How a message reached or left HubSpot, from HubSpot's side.
    pub enum MessageDirection { INCOMING, OUTGOING }

    /// The kind of address in a [`PublicDeliveryIdentifier`].
    pub enum DeliveryIdentifierType {
        /// An id that only the integration's own chat service understands.
        CHANNEL_SPECIFIC_OPAQUE_ID,
        HS_EMAIL_ADDRESS,
        HS_PHONE_NUMBER,
        HS_SHORT_CODE,
    }

    /// Where a message is delivered: a typed address on the channel.
    pub object PublicDeliveryIdentifier {
        required {
            /// The kind of address.
            r#type: DeliveryIdentifierType,
            /// The address itself, e.g. a phone number.
            value: String,
        }
    }

    /// Whether HubSpot shortened a message's text.
    pub enum TruncationStatus { NOT_TRUNCATED, TRUNCATED, TRUNCATED_TO_MOST_RECENT_REPLY }

    /// Who created a message.
    pub enum ClientType {
        HUBSPOT,
        INTEGRATION,
        SYSTEM,
        /// HubSpot does not know the client (the catch-all `Unknown` holds
        /// values this declaration does not list).
        UnknownClientType = "UNKNOWN",
    }

    /// The client that created a message.
    pub object PublicClient {
        required { client_type: ClientType }
        optional { integration_app_id: i32 }
    }

    /// A message's delivery status.
    pub enum MessageStatusType { FAILED, READ, RECEIVED, SENT }

    /// Why a message failed.
    pub object PublicMessageFailureDetails {
        required { error_message_tokens: HashMap<String, String> }
        optional { error_message: String }
    }

    /// A message's delivery status and, when it failed, why.
    pub object PublicMessageStatus {
        required { status_type: MessageStatusType }
        optional { failure_details: PublicMessageFailureDetails }
    }

    /// A recipient of a message.
    pub object PublicRecipient {
        required { delivery_identifier: PublicDeliveryIdentifier }
        optional { actor_id: String, name: String, recipient_field: String }
    }

    /// The sender of a message.
    pub object PublicSender {
        optional {
            actor_id: String,
            delivery_identifier: PublicDeliveryIdentifier,
            name: String,
            sender_field: String,
        }
    }

    /// What a file attachment holds.
    pub enum FileUsageType { AUDIO, IMAGE, OTHER, STICKER, VOICE_RECORDING }

    /// Whether a contact detail is personal or for work.
    pub enum ContactDetailType { HOME, WORK }

    /// The kind of a contact's phone number.
    pub enum ContactPhoneType { CELL, HOME, MAIN, WORK }

    /// A postal address on a shared contact card.
    pub object ContactAddress {
        optional {
            city: String,
            country: String,
            country_code: String,
            state: String,
            street: String,
            r#type: ContactDetailType,
            zip: String,
        }
    }

    /// An email address on a shared contact card.
    pub object ContactEmail {
        required { email: String }
        optional { r#type: ContactDetailType }
    }

    /// The name on a shared contact card.
    pub object ContactName {
        optional { first_name: String, last_name: String, middle_name: String, prefix: String, suffix: String }
    }

    /// The organisation on a shared contact card.
    pub object ContactOrg {
        optional { company: String, department: String, title: String }
    }

    /// A phone number on a shared contact card.
    pub object ContactPhone {
        required { phone: String }
        optional { r#type: ContactPhoneType }
    }

    /// A web address on a shared contact card.
    pub object ContactUrl {
        required { url: String }
        optional { r#type: ContactDetailType }
    }

    /// A shared contact card.
    pub object ContactProfile {
        required {
            addresses: Vec<ContactAddress>,
            emails: Vec<ContactEmail>,
            phones: Vec<ContactPhone>,
            urls: Vec<ContactUrl>,
        }
        optional { name: ContactName, org: ContactOrg }
    }

    /// What a quick reply's value is.
    pub enum QuickReplyValueType { TEXT, URL }

    /// One suggested reply.
    pub object QuickReply {
        required { value: String, value_type: QuickReplyValueType }
        optional { label: String }
    }

    /// The kind of media a social post carries.
    pub enum SocialMediaType {
        ARTICLE, AUDIO, CAROUSEL, DOCUMENT, GIF, LINK, NONE, PHOTO, POLL, STORY, VIDEO,
    }

    /// Metadata of a social-media post a message refers to.
    pub object SocialMetadata {
        required { media_type: SocialMediaType }
        optional {
            description: String,
            id: String,
            media_title: String,
            media_url: String,
            media_url_string: String,
            thumbnail_url: String,
        }
    }

    /// A file attached to a message.
    pub object PublicFile {
        required { file_id: String, file_usage_type: FileUsageType }
        optional { name: String, url: String }
    }

    /// A location attached to a message.
    pub object PublicLocation {
        required { latitude: f64, longitude: f64 }
        optional { address: String, name: String, url: String }
    }

    /// A contact card attached to a message.
    pub object PublicContact {
        required { contact_profile: ContactProfile }
    }

    /// Content HubSpot cannot show.
    pub object PublicUnsupportedContent {}

    /// A header shown above a message.
    pub object PublicMessageHeader {
        optional { file_id: i64, text: String }
    }

    /// Suggested replies attached to a message.
    pub object PublicQuickReplies {
        required { allow_multi_select: bool, allow_user_input: bool, quick_replies: Vec<QuickReply> }
    }

    /// The WhatsApp template a message was sent from.
    pub object PublicWhatsAppTemplateMetadata {
        required { crm_object_ids: HashMap<String, i64>, parameters: HashMap<String, String> }
        optional { content_id: i64, mapped_template_id: i64, root_mic_id: i64 }
    }

    /// A social-media post a message refers to.
    pub object PublicSocialMetadataAttachment {
        required { social_metadata: SocialMetadata }
    }

    /// An attachment on a message HubSpot returns, by its `type`.
    pub union MessageAttachment {
        FILE => PublicFile,
        LOCATION => PublicLocation,
        CONTACT => PublicContact,
        UNSUPPORTED_CONTENT => PublicUnsupportedContent,
        MESSAGE_HEADER => PublicMessageHeader,
        QUICK_REPLIES => PublicQuickReplies,
        WHATSAPP_TEMPLATE_METADATA => PublicWhatsAppTemplateMetadata,
        SOCIAL_MEDIA_METADATA => PublicSocialMetadataAttachment,
    }

    /// A message in a conversation thread: sent by a visitor, an agent or an
    /// integration.
    pub object PublicConversationsMessage {
        required {
            /// The message's id.
            id: String,
            /// The thread the message belongs to.
            conversations_thread_id: String,
            /// When it was created.
            created_at: DateTime,
            /// The actor that created it.
            created_by: String,
            /// The client that created it.
            client: PublicClient,
            senders: Vec<PublicSender>,
            recipients: Vec<PublicRecipient>,
            archived: bool,
            text: String,
            attachments: Vec<MessageAttachment>,
            truncation_status: TruncationStatus,
            direction: MessageDirection,
            channel_id: String,
            channel_account_id: String,
        }
        optional {
            updated_at: DateTime,
            rich_text: String,
            subject: String,
            in_reply_to_id: String,
            /// Delivery status, as the integration last reported it.
            status: PublicMessageStatus,
        }
    }

    /// An internal comment on a thread, visible to agents only.
    pub object PublicComment {
        required {
            id: String,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            client: PublicClient,
            senders: Vec<PublicSender>,
            recipients: Vec<PublicRecipient>,
            archived: bool,
            text: String,
            rich_text: String,
            attachments: Vec<MessageAttachment>,
        }
        optional { updated_at: DateTime }
    }

    /// The welcome message a chat widget showed.
    pub object PublicWelcomeMessage {
        required {
            id: String,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            client: PublicClient,
            senders: Vec<PublicSender>,
            recipients: Vec<PublicRecipient>,
            archived: bool,
            text: String,
            channel_id: String,
            channel_account_id: String,
        }
        optional { updated_at: DateTime, rich_text: String }
    }

    /// A thread's assignment changed.
    pub object PublicAssignmentMessage {
        required {
            id: String,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            client: PublicClient,
            senders: Vec<PublicSender>,
            recipients: Vec<PublicRecipient>,
            archived: bool,
        }
        optional { updated_at: DateTime, assigned_from: String, assigned_to: String }
    }

    /// A thread's status.
    pub enum ThreadStatus { CLOSED, OPEN }

    /// A thread was opened or closed.
    pub object PublicThreadStatusChange {
        required {
            id: String,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            client: PublicClient,
            senders: Vec<PublicSender>,
            recipients: Vec<PublicRecipient>,
            archived: bool,
            new_status: ThreadStatus,
        }
        optional { updated_at: DateTime }
    }

    /// A thread moved to another inbox.
    pub object PublicThreadInboxChange {
        required {
            id: String,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            client: PublicClient,
            senders: Vec<PublicSender>,
            recipients: Vec<PublicRecipient>,
            archived: bool,
            from_inbox_id: String,
            to_inbox_id: String,
        }
        optional { updated_at: DateTime }
    }

    /// Anything a thread's message list holds, by its `type`.
    pub union PublicMessage {
        MESSAGE => PublicConversationsMessage,
        COMMENT => PublicComment,
        WELCOME_MESSAGE => PublicWelcomeMessage,
        ASSIGNMENT => PublicAssignmentMessage,
        THREAD_STATUS_CHANGE => PublicThreadStatusChange,
        THREAD_INBOX_CHANGE => PublicThreadInboxChange,
    }
}

hubspot_endpoint! {
    /// Where the next page of a list starts: pass `after` back as the
    /// request's `after` query parameter.
    pub object NextPage {
        required {
            /// The cursor to send as `after`.
            after: String,
        }
        optional {
            /// A link to the next page.
            link: String,
        }
    }

    /// Where the previous page of a list starts.
    pub object PreviousPage {
        required {
            /// The cursor to send as `before`.
            before: String,
        }
        optional {
            /// A link to the previous page.
            link: String,
        }
    }

    /// Paging of a list that can go both ways. `next` is absent on the last
    /// page.
    pub object Paging {
        optional { next: NextPage, prev: PreviousPage }
    }

    /// Paging of a list that only goes forward. `next` is absent on the last
    /// page.
    pub object ForwardPaging {
        optional { next: NextPage }
    }
}
