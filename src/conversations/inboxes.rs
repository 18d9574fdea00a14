//! Inboxes: where conversations land and agents work on them.

use hubspot_runtime::{DateTime, hubspot_endpoint};

use crate::conversations::models::Paging;

hubspot_endpoint! {
    /// Lists the inboxes, a page at a time; `.stream(&client)` follows the
    /// pages.
    #[scopes("conversations.read")]
    #[paginated]
    pub endpoint ListInboxes: GET {
        v3        => "/conversations/v3/conversations/inboxes",
        "2026-09" => "/conversations/conversations/2026-09/inboxes",
    } {
        query {
            /// The cursor from the previous page's `paging.next.after`.
            after: Option<String>,
            /// Whether to list archived inboxes instead.
            archived: Option<bool>,
            /// How many inboxes a page holds when `limit` is not given.
            default_page_length: Option<i32>,
            /// How many inboxes a page holds.
            limit: Option<i32>,
            /// Properties to sort by.
            sort: Option<Vec<String>>,
        }
    } -> 200 CollectionResponseWithTotalPublicInbox;

    /// Reads one inbox.
    #[scopes("conversations.read")]
    pub endpoint GetInbox: GET {
        v3        => "/conversations/v3/conversations/inboxes/{inboxId}",
        "2026-09" => "/conversations/conversations/2026-09/inboxes/{inboxId}",
    } {
        path {
            /// The inbox's id.
            inbox_id: i32,
        }
        query {
            /// Whether to look among archived inboxes.
            archived: Option<bool>,
        }
    } -> 200 PublicInbox;

    /// The kind of an inbox.
    pub enum InboxType { HELP_DESK, INBOX }

    /// An inbox.
    pub object PublicInbox {
        required {
            /// The inbox's id.
            id: String,
            /// Its name.
            name: String,
            /// An inbox or a help desk.
            r#type: InboxType,
            /// Whether it is archived.
            archived: bool,
            /// When it was created.
            created_at: DateTime,
            /// When it last changed.
            updated_at: DateTime,
        }
        optional {
            /// When it was archived.
            archived_at: DateTime,
        }
    }

    /// One page of inboxes.
    #[page]
    pub object CollectionResponseWithTotalPublicInbox {
        required {
            /// The inboxes on this page.
            results: Vec<PublicInbox>,
            /// How many inboxes there are in all.
            total: i32,
        }
        optional {
            /// Where the next page starts; absent on the last page.
            paging: Paging,
        }
    }
}
