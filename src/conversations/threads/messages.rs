//! A thread's messages: list and read them, send a reply or leave an
//! internal comment.

use hubspot_runtime::hubspot_endpoint;

use crate::conversations::models::{
    ForwardPaging, PublicDeliveryIdentifier, PublicMessage, QuickReply, SocialMetadata,
};

hubspot_endpoint! {
    /// Sends a message to a thread, or leaves a comment on it: the body is a
    /// [`PublicMessageEgg`], either a message to the visitor or a comment for
    /// agents.
    #[scopes("conversations.write")]
    pub endpoint SendThreadMessage: POST {
        v3        => "/conversations/v3/conversations/threads/{threadId}/messages",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/messages",
    } {
        path {
            /// The thread's id.
            thread_id: i64,
        }
        body {
            /// The message or comment.
            message: PublicMessageEgg,
        }
    } -> 201 PublicMessage;

    /// Lists a thread's messages, comments and events, a page at a time;
    /// `.stream(&client)` follows the pages.
    #[scopes("conversations.read")]
    #[paginated]
    pub endpoint ListThreadMessages: GET {
        v3        => "/conversations/v3/conversations/threads/{threadId}/messages",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/messages",
    } {
        path {
            /// The thread's id.
            thread_id: i64,
        }
        query {
            /// The cursor from the previous page's `paging.next.after`.
            after: Option<String>,
            /// Whether to list the messages of an archived thread.
            archived: Option<bool>,
            /// How many messages a page holds.
            limit: Option<i32>,
            /// A property to include.
            property: Option<String>,
            /// Properties to sort by.
            sort: Option<Vec<String>>,
        }
    } -> 200 CollectionResponsePublicMessageForwardPaging;

    /// Reads one message, comment or event of a thread.
    #[scopes("conversations.read")]
    pub endpoint GetThreadMessage: GET {
        v3        => "/conversations/v3/conversations/threads/{threadId}/messages/{messageId}",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/messages/{messageId}",
    } {
        path {
            /// The thread's id.
            thread_id: i64,
            /// The message's id.
            message_id: String,
        }
        query {
            /// A property to include.
            property: Option<String>,
        }
    } -> 200 PublicMessage;

    /// Reads a message's full original text, which the message itself may
    /// carry only truncated (see its `truncation_status`).
    #[scopes("conversations.read")]
    pub endpoint GetOriginalMessageContent: GET {
        v3        => "/conversations/v3/conversations/threads/{threadId}/messages/{messageId}/original-content",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/messages/{messageId}/original-content",
    } {
        path {
            /// The thread's id.
            thread_id: i64,
            /// The message's id.
            message_id: String,
        }
        query {
            /// A property to include.
            property: Option<String>,
        }
    } -> 200 PublicMessageContent;

    /// A message's original, untruncated content.
    pub object PublicMessageContent {
        optional {
            /// The plain text.
            text: String,
            /// The HTML.
            rich_text: String,
        }
    }

    /// One page of a thread's messages.
    #[page]
    pub object CollectionResponsePublicMessageForwardPaging {
        required {
            /// The messages, comments and events on this page.
            results: Vec<PublicMessage>,
        }
        optional {
            /// Where the next page starts; absent on the last page.
            paging: ForwardPaging,
        }
    }

    /// What to send to a thread, by its `type`.
    pub union PublicMessageEgg {
        /// A message to the visitor, over the thread's channel.
        MESSAGE => PublicConversationsMessageEgg,
        /// A comment only agents see.
        COMMENT => PublicCommentEgg,
    }

    /// A message to send to a thread's visitor.
    pub object PublicConversationsMessageEgg {
        required {
            /// The message's plain text.
            text: String,
            /// The actor sending it, e.g. `A-12345` for an agent.
            sender_actor_id: String,
            /// The channel to send over (see the thread's latest message).
            channel_id: String,
            /// The channel account to send from.
            channel_account_id: String,
            /// Who receives it.
            recipients: Vec<PublicRecipientEgg>,
            /// Files, quick replies and the like; may be empty.
            attachments: Vec<PublicAttachmentEgg>,
        }
        optional {
            /// The message as HTML.
            rich_text: String,
            /// The subject, for email channels.
            subject: String,
        }
    }

    /// A comment to leave on a thread.
    pub object PublicCommentEgg {
        required {
            /// The comment's plain text.
            text: String,
            /// Files and the like; may be empty.
            attachments: Vec<PublicAttachmentEgg>,
        }
        optional {
            /// The comment as HTML.
            rich_text: String,
        }
    }

    /// A recipient of a message sent to a thread.
    pub object PublicRecipientEgg {
        required { delivery_identifiers: Vec<PublicDeliveryIdentifier> }
        optional {
            actor_id: String,
            delivery_identifier: PublicDeliveryIdentifier,
            name: String,
            recipient_field: String,
        }
    }

    /// A file to attach, uploaded to HubSpot's file manager first.
    pub object PublicFileEgg {
        required { file_id: String }
    }

    /// Suggested replies to attach.
    pub object PublicQuickRepliesEgg {
        required { quick_replies: Vec<QuickReply> }
    }

    /// A social-media post to refer to.
    pub object PublicSocialMediaEgg {
        required { social_metadata: SocialMetadata }
    }

    /// An attachment on a message sent to a thread, by its `type`.
    pub union PublicAttachmentEgg {
        FILE => PublicFileEgg,
        QUICK_REPLIES => PublicQuickRepliesEgg,
        SOCIAL_MEDIA_METADATA => PublicSocialMediaEgg,
    }
}
