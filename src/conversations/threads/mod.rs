//! Inbox threads: list and read conversations, close or reopen them, move
//! them to the trash, and assign them to agents.

pub mod messages;

use hubspot_runtime::{DateTime, hubspot_endpoint};

use crate::conversations::models::{ForwardPaging, ThreadStatus};

hubspot_endpoint! {
    /// Lists threads, a page at a time; `.stream(&client)` follows the pages.
    /// Archived threads are left out unless `archived(true)` asks for them.
    #[scopes("conversations.read")]
    #[paginated]
    pub endpoint ListThreads: GET {
        v3        => "/conversations/v3/conversations/threads",
        "2026-09" => "/conversations/conversations/2026-09/threads",
    } {
        query {
            /// The cursor from the previous page's `paging.next.after`.
            after: Option<String>,
            /// Whether to list archived threads instead.
            archived: Option<bool>,
            /// Only threads associated with this contact.
            associated_contact_id: Option<i64>,
            /// Only threads associated with this ticket.
            associated_ticket_id: Option<i64>,
            /// Associations to include in each thread.
            association: Option<Vec<ThreadAssociation>>,
            /// Only threads in these inboxes.
            inbox_id: Option<Vec<i32>>,
            /// Only threads with a message after this time.
            latest_message_timestamp_after: Option<DateTime>,
            /// How many threads a page holds.
            limit: Option<i32>,
            /// A property to include.
            property: Option<String>,
            /// Properties to sort by, e.g. `latestMessageTimestamp`.
            sort: Option<Vec<String>>,
            /// Only open or only closed threads.
            thread_status: Option<ThreadStatus>,
        }
    } -> 200 CollectionResponsePublicThreadForwardPaging;

    /// Reads one thread.
    #[scopes("conversations.read")]
    pub endpoint GetThread: GET {
        v3        => "/conversations/v3/conversations/threads/{threadId}",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}",
    } {
        path {
            /// The thread's id.
            thread_id: i64,
        }
        query {
            /// Whether to look among archived threads.
            archived: Option<bool>,
            /// Associations to include.
            association: Option<Vec<ThreadAssociation>>,
            /// A property to include.
            property: Option<String>,
        }
    } -> 200 PublicThread;

    /// Closes or reopens a thread, or restores an archived one
    /// (`archived(false)`, with the `archived=true` query to find it).
    /// Setting a status twice is setting it once, so the client retries it
    /// safely.
    #[scopes("conversations.write")]
    #[idempotent]
    pub endpoint UpdateThread: PATCH {
        v3        => "/conversations/v3/conversations/threads/{threadId}",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}",
    } {
        path {
            /// The thread's id.
            thread_id: i64,
        }
        query {
            /// Whether the thread to change is archived (the `archived`
            /// query parameter; `archived` is the body field).
            #[json = "archived"]
            in_archive: Option<bool>,
        }
        optional {
            /// `false` restores an archived thread.
            archived: bool,
            /// Open or closed.
            status: ThreadStatus,
        }
    } -> 200 PublicThread;

    /// Moves a thread to the trash: it is archived, and lists leave it out
    /// unless they ask for archived threads.
    #[scopes("conversations.write")]
    pub endpoint ArchiveThread: DELETE {
        v3        => "/conversations/v3/conversations/threads/{threadId}",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}",
    } {
        path {
            /// The thread's id.
            thread_id: i64,
        }
    } -> 204 ();

    /// Assigns a thread to an agent.
    #[scopes("conversations.write")]
    pub endpoint AssignThread: PUT {
        v3        => "/conversations/conversations/v3/threads/{threadId}/assignee",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/assignee",
    } {
        path {
            /// The thread's id.
            thread_id: i64,
        }
        required {
            /// The agent's actor id, e.g. `A-12345`.
            actor_id: String,
        }
    } -> 200 PublicThread;

    /// Removes a thread's assignee.
    #[scopes("conversations.write")]
    pub endpoint UnassignThread: DELETE {
        v3        => "/conversations/conversations/v3/threads/{threadId}/assignee",
        "2026-09" => "/conversations/conversations/2026-09/threads/{threadId}/assignee",
    } {
        path {
            /// The thread's id.
            thread_id: i64,
        }
    } -> 204 ();

    /// An association a thread can carry.
    pub enum ThreadAssociation { TICKET }

    /// What a thread is associated with.
    pub object PublicThreadAssociations {
        optional {
            /// The ticket's id.
            associated_ticket_id: String,
        }
    }

    /// A conversation thread in an inbox.
    pub object PublicThread {
        required {
            /// The thread's id.
            id: String,
            /// The inbox it is in.
            inbox_id: String,
            /// Open or closed.
            status: ThreadStatus,
            /// The contact it is associated with.
            associated_contact_id: String,
            /// The channel its first message came through.
            original_channel_id: String,
            /// The channel account its first message came through.
            original_channel_account_id: String,
            /// Whether it is marked as spam.
            spam: bool,
            /// Whether it is archived (in the trash).
            archived: bool,
            /// When it was created.
            created_at: DateTime,
        }
        optional {
            /// The assigned agent's actor id.
            assigned_to: String,
            /// When it was closed.
            closed_at: DateTime,
            /// When its latest message was sent or received.
            latest_message_timestamp: DateTime,
            /// When its latest message was received.
            latest_message_received_timestamp: DateTime,
            /// When its latest message was sent.
            latest_message_sent_timestamp: DateTime,
            /// Associations, when asked for.
            thread_associations: PublicThreadAssociations,
        }
    }

    /// One page of threads.
    #[page]
    pub object CollectionResponsePublicThreadForwardPaging {
        required {
            /// The threads on this page.
            results: Vec<PublicThread>,
        }
        optional {
            /// Where the next page starts; absent on the last page.
            paging: ForwardPaging,
        }
    }
}
