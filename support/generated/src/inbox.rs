//! Conversations Inbox & Messages, declared from HubSpot's OpenAPI specs.
//!
//! Versions `v3`, `2026-09`. Written by `hubspot-declare` from `conversations.v3.json`,
//! `conversations.2026-09.json`: regenerate it rather than edit it. Declarations that differ
//! between versions are in the `vYYYY_MM` submodules.

use std::collections::HashMap;

use hubspot_runtime::{DateTime, JsonValue, hubspot_endpoint};

hubspot_endpoint! {
    /// `DELETE /conversations/conversations/2026-09/threads/{threadId}/assignee`.
    #[scopes("conversations.write")]
    pub endpoint DeleteAssignee: DELETE {
        v3        => "/conversations/conversations/v3/threads/{threadId}/assignee",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/assignee",
    } {
        path {
            thread_id: i64,
        }
    } -> 204 ();

    /// `PUT /conversations/conversations/2026-09/threads/{threadId}/assignee`.
    #[scopes("conversations.write")]
    pub endpoint ReplaceAssignee: PUT {
        v3        => "/conversations/conversations/v3/threads/{threadId}/assignee",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/assignee",
    } {
        path {
            thread_id: i64,
        }
        required {
            actor_id: String,
        }
    } -> 200 PublicThread;

    /// Get a group of actors.
    ///
    /// Resolve a set of `ActorId`s to the underlying actors/participants.
    #[scopes("conversations.read")]
    // Idempotent: this POST only reads.
    #[idempotent]
    pub endpoint BatchReadActors: POST {
        v3 => "/conversations/v3/conversations/actors/batch/read",
    } {
        query {
            property: Option<String>,
        }
        required {
            inputs: Vec<String>,
        }
    } -> 200 BatchResponsePublicActorWithErrors;

    /// `GET /conversations/conversations/2026-09/actors/{actorId}`.
    #[scopes("conversations.read")]
    pub endpoint GetActor: GET {
        v3        => "/conversations/v3/conversations/actors/{actorId}",
        "2026-09" => "/conversations/conversations/2026-09/actors/{actorId}",
    } {
        path {
            actor_id: String,
        }
        query {
            property: Option<String>,
        }
    } -> 200 PublicActor;

    /// `GET /conversations/conversations/2026-09/channel-accounts`.
    #[scopes("conversations.read")]
    #[paginated]
    pub endpoint ListChannelAccounts: GET {
        v3        => "/conversations/v3/conversations/channel-accounts",
        "2026-09" => "/conversations/conversations/2026-09/channel-accounts",
    } {
        query {
            /// The paging cursor token of the last successfully read resource will be returned
            /// as the `paging.next.after` JSON property of a paged response containing more
            /// results.
            after: Option<String>,
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
            channel_id: Option<Vec<i32>>,
            default_page_length: Option<i32>,
            inbox_id: Option<Vec<i32>>,
            /// The maximum number of results to display per page.
            limit: Option<i32>,
            sort: Option<Vec<String>>,
        }
    } -> 200 CollectionResponseWithTotalPublicChannelAccount;

    /// `GET /conversations/conversations/2026-09/channel-accounts/{channelAccountId}`.
    #[scopes("conversations.read")]
    pub endpoint GetChannelAccount: GET {
        v3        => "/conversations/v3/conversations/channel-accounts/{channelAccountId}",
        "2026-09" => "/conversations/conversations/2026-09/channel-accounts/{channelAccountId}",
    } {
        path {
            channel_account_id: i64,
        }
        query {
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
        }
    } -> 200 PublicChannelAccount;

    /// `GET /conversations/conversations/2026-09/channels`.
    #[scopes("conversations.read")]
    #[paginated]
    pub endpoint ListChannels: GET {
        v3        => "/conversations/v3/conversations/channels",
        "2026-09" => "/conversations/conversations/2026-09/channels",
    } {
        query {
            /// The paging cursor token of the last successfully read resource will be returned
            /// as the `paging.next.after` JSON property of a paged response containing more
            /// results.
            after: Option<String>,
            default_page_length: Option<i32>,
            /// The maximum number of results to display per page.
            limit: Option<i32>,
            sort: Option<Vec<String>>,
        }
    } -> 200 CollectionResponseWithTotalPublicChannel;

    /// `GET /conversations/conversations/2026-09/channels/{channelId}`.
    #[scopes("conversations.read")]
    pub endpoint GetChannel: GET {
        v3        => "/conversations/v3/conversations/channels/{channelId}",
        "2026-09" => "/conversations/conversations/2026-09/channels/{channelId}",
    } {
        path {
            channel_id: i32,
        }
    } -> 200 PublicChannel;

    /// `GET /conversations/conversations/2026-09/inboxes`.
    #[scopes("conversations.read")]
    #[paginated]
    pub endpoint ListInboxes: GET {
        v3        => "/conversations/v3/conversations/inboxes",
        "2026-09" => "/conversations/conversations/2026-09/inboxes",
    } {
        query {
            /// The paging cursor token of the last successfully read resource will be returned
            /// as the `paging.next.after` JSON property of a paged response containing more
            /// results.
            after: Option<String>,
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
            default_page_length: Option<i32>,
            /// The maximum number of results to display per page.
            limit: Option<i32>,
            sort: Option<Vec<String>>,
        }
    } -> 200 CollectionResponseWithTotalPublicInbox;

    /// `GET /conversations/conversations/2026-09/inboxes/{inboxId}`.
    #[scopes("conversations.read")]
    pub endpoint GetInbox: GET {
        v3        => "/conversations/v3/conversations/inboxes/{inboxId}",
        "2026-09" => "/conversations/conversations/2026-09/inboxes/{inboxId}",
    } {
        path {
            inbox_id: i32,
        }
        query {
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
        }
    } -> 200 PublicInbox;

    /// `GET /conversations/conversations/2026-09/threads`.
    #[scopes("conversations.read")]
    #[paginated]
    pub endpoint ListThreads: GET {
        v3        => "/conversations/v3/conversations/threads",
        "2026-09" => "/conversations/conversations/2026-09/threads",
    } {
        query {
            /// The paging cursor token of the last successfully read resource will be returned
            /// as the `paging.next.after` JSON property of a paged response containing more
            /// results.
            after: Option<String>,
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
            associated_contact_id: Option<i64>,
            associated_ticket_id: Option<i64>,
            association: Option<Vec<ListThreadsAssociationItem>>,
            inbox_id: Option<Vec<i32>>,
            latest_message_timestamp_after: Option<DateTime>,
            /// The maximum number of results to display per page.
            limit: Option<i32>,
            property: Option<String>,
            sort: Option<Vec<String>>,
            thread_status: Option<ListThreadsThreadStatus>,
        }
    } -> 200 CollectionResponsePublicThreadForwardPaging;

    /// `DELETE /conversations/conversations/2026-09/threads/{threadId}`.
    #[scopes("conversations.write")]
    pub endpoint DeleteThread: DELETE {
        v3        => "/conversations/v3/conversations/threads/{threadId}",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}",
    } {
        path {
            thread_id: i64,
        }
    } -> 204 ();

    /// `GET /conversations/conversations/2026-09/threads/{threadId}`.
    #[scopes("conversations.read")]
    pub endpoint GetThread: GET {
        v3        => "/conversations/v3/conversations/threads/{threadId}",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}",
    } {
        path {
            thread_id: i64,
        }
        query {
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
            association: Option<Vec<GetThreadAssociationItem>>,
            property: Option<String>,
        }
    } -> 200 PublicThread;

    /// `PATCH /conversations/conversations/2026-09/threads/{threadId}`.
    #[scopes("conversations.write")]
    // Idempotent: a PATCH sets the fields it carries, so sending it twice has the effect of sending it once.
    #[idempotent]
    pub endpoint UpdateThread: PATCH {
        v3        => "/conversations/v3/conversations/threads/{threadId}",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}",
    } {
        path {
            thread_id: i64,
        }
        query {
            /// Whether to return only results that have been archived.
            #[json = "archived"]
            archived_param: Option<bool>,
        }
        optional {
            /// Whether this thread is archived. Set to false to restore the thread.
            archived: bool,
            /// The thread's status: `OPEN` or `CLOSED`.
            status: PublicThreadUpdateRequestStatus,
        }
    } -> 200 PublicThread;

    /// Get message history for a thread.
    ///
    /// Retrieve the message history for a specific thread.
    #[scopes("conversations.read")]
    #[paginated]
    pub endpoint ListMessages: GET {
        v3 => "/conversations/v3/conversations/threads/{threadId}/messages",
    } {
        path {
            thread_id: i64,
        }
        query {
            /// The paging cursor token of the last successfully read resource will be returned
            /// as the `paging.next.after` JSON property of a paged response containing more
            /// results.
            after: Option<String>,
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
            /// The maximum number of results to display per page.
            limit: Option<i32>,
            property: Option<String>,
            sort: Option<Vec<String>>,
        }
    } -> 200 CollectionResponsePublicMessageForwardPaging;

    /// Send a message to a thread.
    ///
    /// Send a new message on a thread at the current timestamp.
    #[scopes("conversations.write")]
    pub endpoint CreateMessage: POST {
        v3 => "/conversations/v3/conversations/threads/{threadId}/messages",
    } {
        path {
            thread_id: i64,
        }
        body {
            body: PublicMessageEgg,
        }
    } -> 201 PublicMessage;

    /// Get a single message.
    ///
    /// Retrieve a single message from a thread using the message ID.
    #[scopes("conversations.read")]
    pub endpoint GetMessage: GET {
        v3 => "/conversations/v3/conversations/threads/{threadId}/messages/{messageId}",
    } {
        path {
            message_id: String,
            thread_id: i64,
        }
        query {
            property: Option<String>,
        }
    } -> 200 PublicMessage;

    /// `GET
    /// /conversations/conversations/2026-09/threads/{threadId}/messages/{messageId}/original-content`.
    #[scopes("conversations.read")]
    pub endpoint GetOriginalContent: GET {
        v3        => "/conversations/v3/conversations/threads/{threadId}/messages/{messageId}/original-content",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/messages/{messageId}/original-content",
    } {
        path {
            message_id: String,
            thread_id: i64,
        }
        query {
            property: Option<String>,
        }
    } -> 200 PublicMessageContent;

    /// The `AgentActor` object.
    // `type` is left out: the union that holds this object writes it.
    pub object AgentActor {
        required {
            id: String,
        }
        optional {
            avatar: String,
            email: String,
            name: String,
        }
    }

    /// The `BatchResponsePublicActor` object.
    pub object BatchResponsePublicActor {
        required {
            completed_at: DateTime,
            results: Vec<BatchResponsePublicActorResultsItem>,
            started_at: DateTime,
            status: BatchResponsePublicActorStatus,
        }
        optional {
            errors: Vec<StandardError>,
            links: HashMap<String, String>,
            num_errors: i32,
            requested_at: DateTime,
        }
    }

    /// One of the `BatchResponsePublicActorResultsItem` kinds, by `type`.
    pub union BatchResponsePublicActorResultsItem {
        AGENT => AgentActor,
        BOT => BotActor,
        INTEGRATOR => IntegratorActor,
        SYSTEM => SystemActor,
        VISITOR => VisitorActor,
        EMAIL => EmailActor,
        LLM => LlmActor,
    }

    /// The values of `BatchResponsePublicActorStatus`.
    pub enum BatchResponsePublicActorStatus {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
    }

    /// The `BatchResponsePublicActorWithErrors` object.
    pub object BatchResponsePublicActorWithErrors {
        required {
            completed_at: DateTime,
            results: Vec<PublicActor>,
            started_at: DateTime,
            status: BatchResponsePublicActorWithErrorsStatus,
        }
        optional {
            errors: Vec<StandardError>,
            links: HashMap<String, String>,
            num_errors: i32,
            requested_at: DateTime,
        }
    }

    /// The values of `BatchResponsePublicActorWithErrorsStatus`.
    pub enum BatchResponsePublicActorWithErrorsStatus {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
    }

    /// The `BotActor` object.
    // `type` is left out: the union that holds this object writes it.
    pub object BotActor {
        required {
            id: String,
        }
        optional {
            avatar: String,
            name: String,
        }
    }

    /// The `CollectionResponsePublicMessageForwardPaging` object.
    #[page]
    pub object CollectionResponsePublicMessageForwardPaging {
        required {
            results: Vec<CollectionResponsePublicMessageForwardPagingResultsItem>,
        }
        optional {
            paging: ForwardPaging,
        }
    }

    /// One of the `CollectionResponsePublicMessageForwardPagingResultsItem` kinds, by `type`.
    pub union CollectionResponsePublicMessageForwardPagingResultsItem {
        MESSAGE => PublicConversationsMessage,
        COMMENT => PublicComment,
        WELCOME_MESSAGE => PublicWelcomeMessage,
        ASSIGNMENT => PublicAssignmentMessage,
        THREAD_STATUS_CHANGE => PublicThreadStatusChange,
        THREAD_INBOX_CHANGE => PublicThreadInboxChange,
    }

    /// The `CollectionResponsePublicThreadForwardPaging` object.
    #[page]
    pub object CollectionResponsePublicThreadForwardPaging {
        required {
            results: Vec<PublicThread>,
        }
        optional {
            paging: ForwardPaging,
        }
    }

    /// The `CollectionResponseWithTotalPublicChannel` object.
    #[page]
    pub object CollectionResponseWithTotalPublicChannel {
        required {
            results: Vec<PublicChannel>,
            total: i32,
        }
        optional {
            paging: Paging,
        }
    }

    /// The `CollectionResponseWithTotalPublicChannelAccount` object.
    #[page]
    pub object CollectionResponseWithTotalPublicChannelAccount {
        required {
            results: Vec<PublicChannelAccount>,
            total: i32,
        }
        optional {
            paging: Paging,
        }
    }

    /// The `CollectionResponseWithTotalPublicInbox` object.
    #[page]
    pub object CollectionResponseWithTotalPublicInbox {
        required {
            results: Vec<PublicInbox>,
            total: i32,
        }
        optional {
            paging: Paging,
        }
    }

    /// The `ContactAddress` object.
    pub object ContactAddress {
        optional {
            city: String,
            country: String,
            country_code: String,
            state: String,
            street: String,
            r#type: ContactAddressType,
            zip: String,
        }
    }

    /// The values of `ContactAddressType`.
    pub enum ContactAddressType {
        HOME,
        WORK,
    }

    /// The `ContactEmail` object.
    pub object ContactEmail {
        required {
            email: String,
        }
        optional {
            r#type: ContactEmailType,
        }
    }

    /// The values of `ContactEmailType`.
    pub enum ContactEmailType {
        HOME,
        WORK,
    }

    /// The `ContactName` object.
    pub object ContactName {
        optional {
            first_name: String,
            last_name: String,
            middle_name: String,
            prefix: String,
            suffix: String,
        }
    }

    /// The `ContactOrg` object.
    pub object ContactOrg {
        optional {
            company: String,
            department: String,
            title: String,
        }
    }

    /// The `ContactPhone` object.
    pub object ContactPhone {
        required {
            phone: String,
        }
        optional {
            r#type: ContactPhoneType,
        }
    }

    /// The values of `ContactPhoneType`.
    pub enum ContactPhoneType {
        CELL,
        HOME,
        MAIN,
        WORK,
    }

    /// The `ContactProfile` object.
    pub object ContactProfile {
        required {
            addresses: Vec<ContactAddress>,
            emails: Vec<ContactEmail>,
            phones: Vec<ContactPhone>,
            urls: Vec<ContactUrl>,
        }
        optional {
            name: ContactName,
            org: ContactOrg,
        }
    }

    /// The `ContactUrl` object.
    pub object ContactUrl {
        required {
            url: String,
        }
        optional {
            r#type: ContactUrlType,
        }
    }

    /// The values of `ContactUrlType`.
    pub enum ContactUrlType {
        HOME,
        WORK,
    }

    /// The `EmailActor` object.
    // `type` is left out: the union that holds this object writes it.
    pub object EmailActor {
        required {
            email: String,
            id: String,
        }
    }

    /// The `ErrorDetail` object.
    pub object ErrorDetail {
        required {
            /// A human readable message describing the error along with remediation steps where
            /// appropriate
            message: String,
        }
        optional {
            /// The status code associated with the error detail
            code: String,
            /// Context about the error condition
            context: HashMap<String, Vec<String>>,
            /// The name of the field or parameter in which the error was found.
            r#in: String,
            /// A specific category that contains more specific detail about the error
            sub_category: String,
        }
    }

    /// The `ForwardPaging` object.
    pub object ForwardPaging {
        optional {
            /// Specifies the paging information needed to retrieve the next set of results in a
            /// paginated API response
            next: NextPage,
        }
    }

    /// The values of `GetThreadAssociationItem`.
    pub enum GetThreadAssociationItem {
        TICKET,
    }

    /// The `IntegratorActor` object.
    // `type` is left out: the union that holds this object writes it.
    pub object IntegratorActor {
        required {
            id: String,
            name: String,
        }
        optional {
            avatar: String,
        }
    }

    /// The values of `ListThreadsAssociationItem`.
    pub enum ListThreadsAssociationItem {
        TICKET,
    }

    /// The values of `ListThreadsThreadStatus`.
    pub enum ListThreadsThreadStatus {
        CLOSED,
        OPEN,
    }

    /// The `LlmActor` object.
    // `type` is left out: the union that holds this object writes it.
    pub object LlmActor {
        required {
            id: String,
        }
        optional {
            avatar: String,
            name: String,
        }
    }

    /// Specifies the paging information needed to retrieve the next set of results in a
    /// paginated API response
    pub object NextPage {
        required {
            /// A paging cursor token for retrieving subsequent pages.
            after: String,
        }
        optional {
            /// A URL that can be used to retrieve the next page results.
            link: String,
        }
    }

    /// The `Paging` object.
    pub object Paging {
        optional {
            /// Specifies the paging information needed to retrieve the next set of results in a
            /// paginated API response
            next: NextPage,
            /// specifies the paging information needed to retrieve the previous set of results
            /// in a paginated API response
            prev: PreviousPage,
        }
    }

    /// specifies the paging information needed to retrieve the previous set of results in a
    /// paginated API response
    pub object PreviousPage {
        required {
            /// A paging cursor token for retrieving previous pages.
            before: String,
        }
        optional {
            /// A URL that can be used to retrieve the previous pages' results.
            link: String,
        }
    }

    /// One of the `PublicActor` kinds, by `type`.
    pub union PublicActor {
        AGENT => AgentActor,
        BOT => BotActor,
        INTEGRATOR => IntegratorActor,
        SYSTEM => SystemActor,
        VISITOR => VisitorActor,
        EMAIL => EmailActor,
        LLM => LlmActor,
    }

    /// The `PublicAssignmentMessage` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicAssignmentMessage {
        required {
            archived: bool,
            client: PublicClient,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            id: String,
            recipients: Vec<PublicRecipient>,
            senders: Vec<PublicSender>,
        }
        optional {
            assigned_from: String,
            assigned_to: String,
            updated_at: DateTime,
        }
    }

    /// The `PublicChannel` object.
    pub object PublicChannel {
        required {
            /// The ID of the channel.
            id: String,
            /// The name of the channel.
            name: String,
        }
    }

    /// The `PublicChannelAccount` object.
    pub object PublicChannelAccount {
        required {
            /// Whether the channel account is turned on.
            active: bool,
            archived: bool,
            authorized: bool,
            /// The ID of the channel that the channel account is an instance of.
            channel_id: String,
            created_at: DateTime,
            /// The ID of the channel account.
            id: String,
            /// The ID of the conversations inbox that contains the channel account.
            inbox_id: String,
            /// The name of the channel account.
            name: String,
        }
        optional {
            archived_at: DateTime,
            delivery_identifier: PublicDeliveryIdentifier,
        }
    }

    /// The `PublicClient` object.
    pub object PublicClient {
        required {
            /// The type of the client.
            client_type: PublicClientClientType,
        }
        optional {
            /// The ID of the client if the client is an integration.
            integration_app_id: i32,
        }
    }

    /// The type of the client.
    pub enum PublicClientClientType {
        HUBSPOT,
        INTEGRATION,
        SYSTEM,
        UnknownValue = "UNKNOWN",
    }

    /// The `PublicComment` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicComment {
        required {
            archived: bool,
            attachments: Vec<PublicCommentAttachmentsItem>,
            client: PublicClient,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            id: String,
            recipients: Vec<PublicRecipient>,
            rich_text: String,
            senders: Vec<PublicSender>,
            text: String,
        }
        optional {
            updated_at: DateTime,
        }
    }

    /// One of the `PublicCommentAttachmentsItem` kinds, by `type`.
    pub union PublicCommentAttachmentsItem {
        FILE => PublicFile,
        LOCATION => PublicLocation,
        CONTACT => PublicContact,
        UNSUPPORTED_CONTENT => PublicUnsupportedContent,
        MESSAGE_HEADER => PublicMessageHeader,
        QUICK_REPLIES => PublicQuickReplies,
        WHATSAPP_TEMPLATE_METADATA => PublicWhatsAppTemplateMetadata,
        SOCIAL_MEDIA_METADATA => PublicSocialMetadataAttachment,
    }

    /// The `PublicCommentEgg` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicCommentEgg {
        required {
            attachments: Vec<PublicCommentEggAttachmentsItem>,
            text: String,
        }
        optional {
            rich_text: String,
        }
    }

    /// One of the `PublicCommentEggAttachmentsItem` kinds, by `type`.
    pub union PublicCommentEggAttachmentsItem {
        FILE => PublicFileEgg,
        QUICK_REPLIES => PublicQuickRepliesEgg,
        SOCIAL_MEDIA_METADATA => PublicSocialMediaEgg,
    }

    /// The `PublicContact` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicContact {
        required {
            contact_profile: ContactProfile,
        }
    }

    /// The `PublicConversationsMessage` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicConversationsMessage {
        required {
            archived: bool,
            attachments: Vec<PublicConversationsMessageAttachmentsItem>,
            channel_account_id: String,
            channel_id: String,
            client: PublicClient,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            direction: PublicConversationsMessageDirection,
            id: String,
            recipients: Vec<PublicRecipient>,
            senders: Vec<PublicSender>,
            text: String,
            truncation_status: PublicConversationsMessageTruncationStatus,
        }
        optional {
            in_reply_to_id: String,
            rich_text: String,
            status: PublicMessageStatus,
            subject: String,
            updated_at: DateTime,
        }
    }

    /// One of the `PublicConversationsMessageAttachmentsItem` kinds, by `type`.
    pub union PublicConversationsMessageAttachmentsItem {
        FILE => PublicFile,
        LOCATION => PublicLocation,
        CONTACT => PublicContact,
        UNSUPPORTED_CONTENT => PublicUnsupportedContent,
        MESSAGE_HEADER => PublicMessageHeader,
        QUICK_REPLIES => PublicQuickReplies,
        WHATSAPP_TEMPLATE_METADATA => PublicWhatsAppTemplateMetadata,
        SOCIAL_MEDIA_METADATA => PublicSocialMetadataAttachment,
    }

    /// The values of `PublicConversationsMessageDirection`.
    pub enum PublicConversationsMessageDirection {
        INCOMING,
        OUTGOING,
    }

    /// The `PublicConversationsMessageEgg` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicConversationsMessageEgg {
        required {
            attachments: Vec<PublicConversationsMessageEggAttachmentsItem>,
            channel_account_id: String,
            channel_id: String,
            recipients: Vec<PublicRecipientEgg>,
            sender_actor_id: String,
            text: String,
        }
        optional {
            rich_text: String,
            subject: String,
        }
    }

    /// One of the `PublicConversationsMessageEggAttachmentsItem` kinds, by `type`.
    pub union PublicConversationsMessageEggAttachmentsItem {
        FILE => PublicFileEgg,
        QUICK_REPLIES => PublicQuickRepliesEgg,
        SOCIAL_MEDIA_METADATA => PublicSocialMediaEgg,
    }

    /// The values of `PublicConversationsMessageTruncationStatus`.
    pub enum PublicConversationsMessageTruncationStatus {
        NOT_TRUNCATED,
        TRUNCATED,
        TRUNCATED_TO_MOST_RECENT_REPLY,
    }

    /// The `PublicDeliveryIdentifier` object.
    pub object PublicDeliveryIdentifier {
        required {
            /// The type of identifier. HS_EMAIL_ADDRESS for email addresses; HS_PHONE_NUMBER
            /// for a phone number; CHANNEL_SPECIFIC_OPAQUE_ID for channels that use their own
            /// proprietary identifiers, like Facebook Messenger or LiveChat.
            r#type: PublicDeliveryIdentifierType,
            /// A string representation of the PublicDeliveryIdentifier, either an an E.164
            /// phone number, an email address, or a channel-specific identifier.
            value: String,
        }
    }

    /// The type of identifier. HS_EMAIL_ADDRESS for email addresses; HS_PHONE_NUMBER for a
    /// phone number; CHANNEL_SPECIFIC_OPAQUE_ID for channels that use their own proprietary
    /// identifiers, like Facebook Messenger or LiveChat.
    pub enum PublicDeliveryIdentifierType {
        CHANNEL_SPECIFIC_OPAQUE_ID,
        HS_EMAIL_ADDRESS,
        HS_PHONE_NUMBER,
        HS_SHORT_CODE,
    }

    /// The `PublicFile` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicFile {
        required {
            file_id: String,
            file_usage_type: PublicFileFileUsageType,
        }
        optional {
            name: String,
            url: String,
        }
    }

    /// The `PublicFileEgg` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicFileEgg {
        required {
            file_id: String,
        }
    }

    /// The values of `PublicFileFileUsageType`.
    pub enum PublicFileFileUsageType {
        AUDIO,
        IMAGE,
        OTHER,
        STICKER,
        VOICE_RECORDING,
    }

    /// The `PublicInbox` object.
    pub object PublicInbox {
        required {
            archived: bool,
            /// When the inbox was created.
            created_at: DateTime,
            /// The ID of the inbox.
            id: String,
            /// The name of the inbox.
            name: String,
            /// Specifies whether this refers to a Conversations Inbox or to the Help Desk.
            /// Valid values are INBOX or HELP_DESK
            r#type: PublicInboxType,
            updated_at: DateTime,
        }
        optional {
            archived_at: DateTime,
        }
    }

    /// Specifies whether this refers to a Conversations Inbox or to the Help Desk. Valid values
    /// are INBOX or HELP_DESK
    pub enum PublicInboxType {
        HELP_DESK,
        INBOX,
    }

    /// The `PublicLocation` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicLocation {
        required {
            latitude: f64,
            longitude: f64,
        }
        optional {
            address: String,
            name: String,
            url: String,
        }
    }

    /// One of the `PublicMessage` kinds, by `type`.
    pub union PublicMessage {
        MESSAGE => PublicConversationsMessage,
        COMMENT => PublicComment,
        WELCOME_MESSAGE => PublicWelcomeMessage,
        ASSIGNMENT => PublicAssignmentMessage,
        THREAD_STATUS_CHANGE => PublicThreadStatusChange,
        THREAD_INBOX_CHANGE => PublicThreadInboxChange,
    }

    /// The `PublicMessageContent` object.
    pub object PublicMessageContent {
        optional {
            rich_text: String,
            text: String,
        }
    }

    /// One of the `PublicMessageEgg` kinds, by `type`.
    pub union PublicMessageEgg {
        MESSAGE => PublicConversationsMessageEgg,
        COMMENT => PublicCommentEgg,
    }

    /// The `PublicMessageFailureDetails` object.
    pub object PublicMessageFailureDetails {
        required {
            error_message_tokens: HashMap<String, String>,
        }
        optional {
            error_message: String,
        }
    }

    /// The `PublicMessageHeader` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicMessageHeader {
        optional {
            file_id: i64,
            text: String,
        }
    }

    /// The `PublicMessageStatus` object.
    pub object PublicMessageStatus {
        required {
            status_type: PublicMessageStatusStatusType,
        }
        optional {
            failure_details: PublicMessageFailureDetails,
        }
    }

    /// The values of `PublicMessageStatusStatusType`.
    pub enum PublicMessageStatusStatusType {
        FAILED,
        READ,
        RECEIVED,
        SENT,
    }

    /// The `PublicQuickReplies` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicQuickReplies {
        required {
            allow_multi_select: bool,
            allow_user_input: bool,
            quick_replies: Vec<QuickReply>,
        }
    }

    /// The `PublicQuickRepliesEgg` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicQuickRepliesEgg {
        required {
            quick_replies: Vec<QuickReply>,
        }
    }

    /// The `PublicRecipient` object.
    pub object PublicRecipient {
        required {
            delivery_identifier: PublicDeliveryIdentifier,
        }
        optional {
            actor_id: String,
            name: String,
            recipient_field: String,
        }
    }

    /// The `PublicRecipientEgg` object.
    pub object PublicRecipientEgg {
        required {
            delivery_identifiers: Vec<PublicDeliveryIdentifier>,
        }
        optional {
            actor_id: String,
            delivery_identifier: PublicDeliveryIdentifier,
            name: String,
            recipient_field: String,
        }
    }

    /// The `PublicSender` object.
    pub object PublicSender {
        optional {
            actor_id: String,
            delivery_identifier: PublicDeliveryIdentifier,
            name: String,
            sender_field: String,
        }
    }

    /// The `PublicSocialMediaEgg` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicSocialMediaEgg {
        required {
            social_metadata: SocialMetadata,
        }
    }

    /// The `PublicSocialMetadataAttachment` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicSocialMetadataAttachment {
        required {
            social_metadata: SocialMetadata,
        }
    }

    /// The `PublicThread` object.
    pub object PublicThread {
        required {
            /// Whether this thread is archived.
            archived: bool,
            /// The ID of the associated Contact in the CRM. If the Contact for the thread has
            /// not yet been added or created, the `associatedContactId` returned will be a
            /// visitorID and cannot be used to search for the Contact in the CRM.
            associated_contact_id: String,
            /// When the thread was created.
            created_at: DateTime,
            /// The unique ID of the thread.
            id: String,
            /// The ID of the conversations inbox containing the thread.
            inbox_id: String,
            original_channel_account_id: String,
            original_channel_id: String,
            /// Whether the thread is marked as spam.
            spam: bool,
            /// The thread's status: `OPEN` or `CLOSED`.
            status: PublicThreadStatus,
        }
        optional {
            assigned_to: String,
            /// When the thread was closed. Only set if the thread is closed.
            closed_at: DateTime,
            /// The time that the latest message was sent on the thread.
            latest_message_received_timestamp: DateTime,
            /// The time that the latest message was sent on the thread.
            latest_message_sent_timestamp: DateTime,
            /// The time that the latest message was sent or received on the thread.
            latest_message_timestamp: DateTime,
            thread_associations: PublicThreadAssociations,
        }
    }

    /// The `PublicThreadAssociations` object.
    pub object PublicThreadAssociations {
        optional {
            associated_ticket_id: String,
        }
    }

    /// The `PublicThreadInboxChange` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicThreadInboxChange {
        required {
            archived: bool,
            client: PublicClient,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            from_inbox_id: String,
            id: String,
            recipients: Vec<PublicRecipient>,
            senders: Vec<PublicSender>,
            to_inbox_id: String,
        }
        optional {
            updated_at: DateTime,
        }
    }

    /// The thread's status: `OPEN` or `CLOSED`.
    pub enum PublicThreadStatus {
        CLOSED,
        OPEN,
    }

    /// The `PublicThreadStatusChange` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicThreadStatusChange {
        required {
            archived: bool,
            client: PublicClient,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            id: String,
            new_status: PublicThreadStatusChangeNewStatus,
            recipients: Vec<PublicRecipient>,
            senders: Vec<PublicSender>,
        }
        optional {
            updated_at: DateTime,
        }
    }

    /// The values of `PublicThreadStatusChangeNewStatus`.
    pub enum PublicThreadStatusChangeNewStatus {
        CLOSED,
        OPEN,
    }

    /// The thread's status: `OPEN` or `CLOSED`.
    pub enum PublicThreadUpdateRequestStatus {
        CLOSED,
        OPEN,
    }

    /// The `PublicUnsupportedContent` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicUnsupportedContent {}

    /// The `PublicWelcomeMessage` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicWelcomeMessage {
        required {
            archived: bool,
            channel_account_id: String,
            channel_id: String,
            client: PublicClient,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            id: String,
            recipients: Vec<PublicRecipient>,
            senders: Vec<PublicSender>,
            text: String,
        }
        optional {
            rich_text: String,
            updated_at: DateTime,
        }
    }

    /// The `PublicWhatsAppTemplateMetadata` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicWhatsAppTemplateMetadata {
        required {
            crm_object_ids: HashMap<String, i64>,
            parameters: HashMap<String, String>,
        }
        optional {
            content_id: i64,
            mapped_template_id: i64,
            root_mic_id: i64,
        }
    }

    /// The `QuickReply` object.
    pub object QuickReply {
        required {
            value: String,
            value_type: QuickReplyValueType,
        }
        optional {
            label: String,
        }
    }

    /// The values of `QuickReplyValueType`.
    pub enum QuickReplyValueType {
        TEXT,
        URL,
    }

    /// The `SocialMetadata` object.
    pub object SocialMetadata {
        required {
            media_type: SocialMetadataMediaType,
        }
        optional {
            description: String,
            id: String,
            media_title: String,
            media_url: String,
            media_url_string: String,
            thumbnail_url: String,
        }
    }

    /// The values of `SocialMetadataMediaType`.
    pub enum SocialMetadataMediaType {
        ARTICLE,
        AUDIO,
        CAROUSEL,
        DOCUMENT,
        GIF,
        LINK,
        NONE,
        PHOTO,
        POLL,
        STORY,
        VIDEO,
    }

    /// Ye olde error
    pub object StandardError {
        required {
            /// The main category of the error.
            category: String,
            /// Additional context-specific information related to the error.
            context: HashMap<String, Vec<String>>,
            /// The detailed error objects.
            errors: Vec<ErrorDetail>,
            /// URLs linking to documentation or resources associated with the error.
            links: HashMap<String, String>,
            /// A human-readable string describing the error and possible remediation steps.
            message: String,
            /// The HTTP status code associated with the error.
            status: String,
        }
        optional {
            /// A unique ID for the error instance.
            id: String,
            /// A more specific error category within each main category.
            sub_category: HashMap<String, JsonValue>,
        }
    }

    /// The `SystemActor` object.
    // `type` is left out: the union that holds this object writes it.
    pub object SystemActor {
        required {
            id: String,
        }
    }

    /// The `VisitorActor` object.
    // `type` is left out: the union that holds this object writes it.
    pub object VisitorActor {
        required {
            id: String,
        }
        optional {
            avatar: String,
            email: String,
            name: String,
        }
    }
}

/// What differs from `2026-09` on: the declarations and types of these versions.
pub mod v2026_09 {
    pub use super::{
        BatchResponsePublicActor, ForwardPaging, PublicAssignmentMessage, PublicClient,
        PublicComment, PublicConversationsMessageAttachmentsItem,
        PublicConversationsMessageDirection, PublicMessageEgg, PublicMessageStatus,
        PublicRecipient, PublicSender, PublicThreadInboxChange, PublicWelcomeMessage,
    };
    use hubspot_runtime::{DateTime, hubspot_endpoint};

    hubspot_endpoint! {
        /// `POST /conversations/conversations/2026-09/actors/batch/read`.
        #[scopes("conversations.read")]
        // Idempotent: this POST only reads.
        #[idempotent]
        pub endpoint BatchReadActors: POST {
            "2026-09" => "/conversations/conversations/2026-09/actors/batch/read",
        } {
            query {
                property: Option<String>,
            }
            required {
                inputs: Vec<String>,
            }
        } -> 200 BatchResponsePublicActor;

        /// `GET /conversations/conversations/2026-09/threads/{threadId}/messages`.
        #[scopes("conversations.read")]
        #[paginated]
        pub endpoint ListMessages: GET {
            "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/messages",
        } {
            path {
                thread_id: i64,
            }
            query {
                /// The paging cursor token of the last successfully read resource will be
                /// returned as the `paging.next.after` JSON property of a paged response
                /// containing more results.
                after: Option<String>,
                /// Whether to return only results that have been archived.
                archived: Option<bool>,
                /// The maximum number of results to display per page.
                limit: Option<i32>,
                property: Option<String>,
                sort: Option<Vec<String>>,
            }
        } -> 200 CollectionResponsePublicMessageForwardPaging;

        /// `POST /conversations/conversations/2026-09/threads/{threadId}/messages`.
        #[scopes("conversations.write")]
        pub endpoint CreateMessage: POST {
            "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/messages",
        } {
            path {
                thread_id: i64,
            }
            body {
                body: PublicMessageEgg,
            }
        } -> 201 PublicMessage;

        /// `GET /conversations/conversations/2026-09/threads/{threadId}/messages/{messageId}`.
        #[scopes("conversations.read")]
        pub endpoint GetMessage: GET {
            "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/messages/{messageId}",
        } {
            path {
                message_id: String,
                thread_id: i64,
            }
            query {
                property: Option<String>,
            }
        } -> 200 PublicMessage;

        /// The `CollectionResponsePublicMessageForwardPaging` object.
        #[page]
        pub object CollectionResponsePublicMessageForwardPaging {
            required {
                results: Vec<CollectionResponsePublicMessageForwardPagingResultsItem>,
            }
            optional {
                paging: ForwardPaging,
            }
        }

        /// One of the `CollectionResponsePublicMessageForwardPagingResultsItem` kinds, by
        /// `type`.
        pub union CollectionResponsePublicMessageForwardPagingResultsItem {
            MESSAGE => PublicConversationsMessage,
            COMMENT => PublicComment,
            WELCOME_MESSAGE => PublicWelcomeMessage,
            ASSIGNMENT => PublicAssignmentMessage,
            THREAD_STATUS_CHANGE => PublicThreadStatusChange,
            THREAD_INBOX_CHANGE => PublicThreadInboxChange,
        }

        /// The `PublicConversationsMessage` object.
        // `type` is left out: the union that holds this object writes it.
        pub object PublicConversationsMessage {
            required {
                archived: bool,
                attachments: Vec<PublicConversationsMessageAttachmentsItem>,
                channel_account_id: String,
                channel_id: String,
                client: PublicClient,
                conversations_thread_id: String,
                created_at: DateTime,
                created_by: String,
                direction: PublicConversationsMessageDirection,
                id: String,
                recipients: Vec<PublicRecipient>,
                senders: Vec<PublicSender>,
                text: String,
                truncation_status: PublicConversationsMessageTruncationStatus,
            }
            optional {
                in_reply_to_id: String,
                rich_text: String,
                status: PublicMessageStatus,
                subject: String,
                updated_at: DateTime,
            }
        }

        /// The values of `PublicConversationsMessageTruncationStatus`.
        pub enum PublicConversationsMessageTruncationStatus {
            NOT_TRUNCATED,
            TRUNCATED_TO_MOST_RECENT_REPLY,
            TRUNCATED,
        }

        /// One of the `PublicMessage` kinds, by `type`.
        pub union PublicMessage {
            MESSAGE => PublicConversationsMessage,
            COMMENT => PublicComment,
            WELCOME_MESSAGE => PublicWelcomeMessage,
            ASSIGNMENT => PublicAssignmentMessage,
            THREAD_STATUS_CHANGE => PublicThreadStatusChange,
            THREAD_INBOX_CHANGE => PublicThreadInboxChange,
        }

        /// The `PublicThreadStatusChange` object.
        // `type` is left out: the union that holds this object writes it.
        pub object PublicThreadStatusChange {
            required {
                archived: bool,
                client: PublicClient,
                conversations_thread_id: String,
                created_at: DateTime,
                created_by: String,
                id: String,
                new_status: PublicThreadStatusChangeNewStatus,
                recipients: Vec<PublicRecipient>,
                senders: Vec<PublicSender>,
            }
            optional {
                updated_at: DateTime,
            }
        }

        /// The values of `PublicThreadStatusChangeNewStatus`.
        pub enum PublicThreadStatusChangeNewStatus {
            OPEN,
            CLOSED,
        }
    }
}

/// Every endpoint this module declares, with each version's path: for tests and tooling.
pub const ENDPOINTS: &[&hubspot_runtime::schema::EndpointInfo] = &[
    DeleteAssignee::METADATA,
    ReplaceAssignee::METADATA,
    BatchReadActors::METADATA,
    GetActor::METADATA,
    ListChannelAccounts::METADATA,
    GetChannelAccount::METADATA,
    ListChannels::METADATA,
    GetChannel::METADATA,
    ListInboxes::METADATA,
    GetInbox::METADATA,
    ListThreads::METADATA,
    DeleteThread::METADATA,
    GetThread::METADATA,
    UpdateThread::METADATA,
    ListMessages::METADATA,
    CreateMessage::METADATA,
    GetMessage::METADATA,
    GetOriginalContent::METADATA,
    v2026_09::BatchReadActors::METADATA,
    v2026_09::ListMessages::METADATA,
    v2026_09::CreateMessage::METADATA,
    v2026_09::GetMessage::METADATA,
];
