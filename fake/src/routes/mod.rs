//! Which operation a request is for, and running it.
//!
//! Paths are matched exactly as the specs spell them (no trailing slash),
//! segment by segment, with path parameters percent-decoded. [`ROUTES`]
//! lists every (version, operation) pair of the specs.

mod admin;
mod crm;
mod custom_channels;
mod inbox;
mod params;
mod query;
mod seed;
mod shapes;
mod threads;

use serde_json::Value;

use crate::crm::CrmObjectType;
pub(crate) use crm::{CrmOp, CrmPath};

pub(crate) use params::percent_decode;
#[cfg(test)]
pub(crate) use query::params_for as query_params_for;
pub(crate) use shapes::{INTEGRATION_APP_ID, PORTAL_ID};

/// A spec path with each `{name}` replaced by `{}`, as [`ROUTES`] writes it.
#[cfg(test)]
pub(crate) fn erase_placeholders(path: &str) -> String {
    let mut out = String::new();
    let mut in_name = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_name = true;
                out.push_str("{}");
            }
            '}' => in_name = false,
            _ if in_name => {}
            _ => out.push(c),
        }
    }
    out
}

use crate::errors::{ApiError, ErrorDetail};
use crate::reply::Reply;
use crate::state::Scope;
use crate::validate::parse_object;

/// A Custom Channels API version the fake serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChannelsVersion {
    /// `/conversations/v3/custom-channels/...`
    V3,
    /// `/conversations/custom-channels/2025-09/...`: the schemas of
    /// `2026-09` (no `senderActorId`, staging tokens need a name and an
    /// address), under its own paths.
    V2025_09,
    /// `/conversations/custom-channels/2026-03/...`
    V2026_03,
    /// `/conversations/custom-channels/2026-09/...`
    V2026_09,
}

impl ChannelsVersion {
    /// The path up to and including `{channelId}`.
    pub(crate) fn channel_path(self, channel_id: i32) -> String {
        match self {
            ChannelsVersion::V3 => format!("/conversations/v3/custom-channels/{channel_id}"),
            ChannelsVersion::V2025_09 => {
                format!("/conversations/custom-channels/2025-09/{channel_id}")
            }
            ChannelsVersion::V2026_03 => {
                format!("/conversations/custom-channels/2026-03/{channel_id}")
            }
            ChannelsVersion::V2026_09 => {
                format!("/conversations/custom-channels/2026-09/{channel_id}")
            }
        }
    }

    /// Whether the version's `ChannelIntegrationParticipant` carries
    /// `senderActorId` (and its `PreResolvedContact.contactVid` is int64):
    /// `v3` and `2026-03` do, `2025-09` and `2026-09` do not.
    pub(crate) fn has_sender_actor_ids(self) -> bool {
        matches!(self, ChannelsVersion::V3 | ChannelsVersion::V2026_03)
    }
}

/// A Conversations Inbox & Messages API version the fake serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConversationsVersion {
    /// `/conversations/v3/conversations/...`
    V3,
    /// `/conversations/conversations/2026-09/...`
    V2026_09,
}

impl ConversationsVersion {
    /// The path up to and including `{threadId}`.
    pub(crate) fn thread_path(self, thread_id: i64) -> String {
        match self {
            ConversationsVersion::V3 => {
                format!("/conversations/v3/conversations/threads/{thread_id}")
            }
            ConversationsVersion::V2026_09 => {
                format!("/conversations/conversations/2026-09/threads/{thread_id}")
            }
        }
    }
}

/// The version a route belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ver {
    V3,
    /// Only Custom Channels and Visitor Identification have a `2025-09`.
    V2025_09,
    V2026_03,
    V2026_09,
}

impl Ver {
    /// The version as the specs' file names and dated paths write it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Ver::V3 => "v3",
            Ver::V2025_09 => "2025-09",
            Ver::V2026_03 => "2026-03",
            Ver::V2026_09 => "2026-09",
        }
    }

    fn channels(self) -> ChannelsVersion {
        match self {
            Ver::V3 => ChannelsVersion::V3,
            Ver::V2025_09 => ChannelsVersion::V2025_09,
            Ver::V2026_03 => ChannelsVersion::V2026_03,
            Ver::V2026_09 => ChannelsVersion::V2026_09,
        }
    }

    /// The Conversations Inbox & Messages version of a route of that API
    /// (which has no `2025-09` or `2026-03`).
    fn conversations(self) -> ConversationsVersion {
        match self {
            Ver::V3 => ConversationsVersion::V3,
            _ => ConversationsVersion::V2026_09,
        }
    }
}

/// The operations the fake serves, one per spec operation (across versions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    CreateCustomChannel,
    ListCustomChannels,
    GetCustomChannel,
    UpdateCustomChannel,
    ArchiveCustomChannel,
    UpdateStagingToken,
    CreateChannelAccount,
    ListCustomChannelAccounts,
    GetCustomChannelAccount,
    UpdateChannelAccount,
    Publish,
    GetCustomChannelMessage,
    UpdateStatus,
    GetActor,
    BatchReadActors,
    ListChannels,
    GetChannel,
    ListChannelAccounts,
    GetChannelAccount,
    ListInboxes,
    GetInbox,
    ListThreads,
    GetThread,
    UpdateThread,
    ArchiveThread,
    AssignThread,
    UnassignThread,
    ListThreadMessages,
    SendToThread,
    GetThreadMessage,
    GetOriginalContent,
    GenerateVisitorToken,
    /// A CRM operation on contacts or companies.
    Crm(crm::CrmOp, crm::CrmPath),
}

/// How many of [`ROUTES`] are Conversations routes: the 77 (version,
/// operation) pairs of the top-level specs and the 15 of
/// `conversations-other-versions/` (custom channels `2025-09`, visitor
/// identification `2025-09` and `2026-09`).
#[cfg(test)]
pub(crate) const CONVERSATIONS_ROUTES: usize = 77 + 15;

/// How many of [`ROUTES`] are CRM routes: 8 operations on contacts and on
/// companies in `v3` and `2026-03`, and on `{objectType}` in `2026-09`.
#[cfg(test)]
pub(crate) const CRM_ROUTES: usize = 40;

/// `(method, path with `{}` for each parameter, operation, version)`: every
/// (version, operation) pair of the Conversations specs, and the CRM
/// operations the fake serves.
pub(crate) const ROUTES: &[(&str, &str, Op, Ver)] = &[
    (
        "GET",
        "/conversations/custom-channels/v3",
        Op::ListCustomChannels,
        Ver::V3,
    ),
    (
        "POST",
        "/conversations/custom-channels/v3",
        Op::CreateCustomChannel,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/custom-channels/{}",
        Op::GetCustomChannel,
        Ver::V3,
    ),
    (
        "DELETE",
        "/conversations/v3/custom-channels/{}",
        Op::ArchiveCustomChannel,
        Ver::V3,
    ),
    (
        "PATCH",
        "/conversations/v3/custom-channels/{}",
        Op::UpdateCustomChannel,
        Ver::V3,
    ),
    (
        "PATCH",
        "/conversations/v3/custom-channels/{}/channel-account-staging-tokens/{}",
        Op::UpdateStagingToken,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/custom-channels/{}/channel-accounts",
        Op::ListCustomChannelAccounts,
        Ver::V3,
    ),
    (
        "POST",
        "/conversations/v3/custom-channels/{}/channel-accounts",
        Op::CreateChannelAccount,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/custom-channels/{}/channel-accounts/{}",
        Op::GetCustomChannelAccount,
        Ver::V3,
    ),
    (
        "PATCH",
        "/conversations/v3/custom-channels/{}/channel-accounts/{}",
        Op::UpdateChannelAccount,
        Ver::V3,
    ),
    (
        "POST",
        "/conversations/v3/custom-channels/{}/messages",
        Op::Publish,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/custom-channels/{}/messages/{}",
        Op::GetCustomChannelMessage,
        Ver::V3,
    ),
    (
        "PATCH",
        "/conversations/v3/custom-channels/{}/messages/{}",
        Op::UpdateStatus,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/custom-channels/2025-09",
        Op::ListCustomChannels,
        Ver::V2025_09,
    ),
    (
        "POST",
        "/conversations/custom-channels/2025-09",
        Op::CreateCustomChannel,
        Ver::V2025_09,
    ),
    (
        "GET",
        "/conversations/custom-channels/2025-09/{}",
        Op::GetCustomChannel,
        Ver::V2025_09,
    ),
    (
        "DELETE",
        "/conversations/custom-channels/2025-09/{}",
        Op::ArchiveCustomChannel,
        Ver::V2025_09,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2025-09/{}",
        Op::UpdateCustomChannel,
        Ver::V2025_09,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2025-09/{}/channel-account-staging-tokens/{}",
        Op::UpdateStagingToken,
        Ver::V2025_09,
    ),
    (
        "GET",
        "/conversations/custom-channels/2025-09/{}/channel-accounts",
        Op::ListCustomChannelAccounts,
        Ver::V2025_09,
    ),
    (
        "POST",
        "/conversations/custom-channels/2025-09/{}/channel-accounts",
        Op::CreateChannelAccount,
        Ver::V2025_09,
    ),
    (
        "GET",
        "/conversations/custom-channels/2025-09/{}/channel-accounts/{}",
        Op::GetCustomChannelAccount,
        Ver::V2025_09,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2025-09/{}/channel-accounts/{}",
        Op::UpdateChannelAccount,
        Ver::V2025_09,
    ),
    (
        "POST",
        "/conversations/custom-channels/2025-09/{}/messages",
        Op::Publish,
        Ver::V2025_09,
    ),
    (
        "GET",
        "/conversations/custom-channels/2025-09/{}/messages/{}",
        Op::GetCustomChannelMessage,
        Ver::V2025_09,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2025-09/{}/messages/{}",
        Op::UpdateStatus,
        Ver::V2025_09,
    ),
    (
        "GET",
        "/conversations/custom-channels/2026-03",
        Op::ListCustomChannels,
        Ver::V2026_03,
    ),
    (
        "POST",
        "/conversations/custom-channels/2026-03",
        Op::CreateCustomChannel,
        Ver::V2026_03,
    ),
    (
        "GET",
        "/conversations/custom-channels/2026-03/{}",
        Op::GetCustomChannel,
        Ver::V2026_03,
    ),
    (
        "DELETE",
        "/conversations/custom-channels/2026-03/{}",
        Op::ArchiveCustomChannel,
        Ver::V2026_03,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2026-03/{}",
        Op::UpdateCustomChannel,
        Ver::V2026_03,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2026-03/{}/channel-account-staging-tokens/{}",
        Op::UpdateStagingToken,
        Ver::V2026_03,
    ),
    (
        "GET",
        "/conversations/custom-channels/2026-03/{}/channel-accounts",
        Op::ListCustomChannelAccounts,
        Ver::V2026_03,
    ),
    (
        "POST",
        "/conversations/custom-channels/2026-03/{}/channel-accounts",
        Op::CreateChannelAccount,
        Ver::V2026_03,
    ),
    (
        "GET",
        "/conversations/custom-channels/2026-03/{}/channel-accounts/{}",
        Op::GetCustomChannelAccount,
        Ver::V2026_03,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2026-03/{}/channel-accounts/{}",
        Op::UpdateChannelAccount,
        Ver::V2026_03,
    ),
    (
        "POST",
        "/conversations/custom-channels/2026-03/{}/messages",
        Op::Publish,
        Ver::V2026_03,
    ),
    (
        "GET",
        "/conversations/custom-channels/2026-03/{}/messages/{}",
        Op::GetCustomChannelMessage,
        Ver::V2026_03,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2026-03/{}/messages/{}",
        Op::UpdateStatus,
        Ver::V2026_03,
    ),
    (
        "GET",
        "/conversations/custom-channels/2026-09",
        Op::ListCustomChannels,
        Ver::V2026_09,
    ),
    (
        "POST",
        "/conversations/custom-channels/2026-09",
        Op::CreateCustomChannel,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/custom-channels/2026-09/{}",
        Op::GetCustomChannel,
        Ver::V2026_09,
    ),
    (
        "DELETE",
        "/conversations/custom-channels/2026-09/{}",
        Op::ArchiveCustomChannel,
        Ver::V2026_09,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2026-09/{}",
        Op::UpdateCustomChannel,
        Ver::V2026_09,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2026-09/{}/channel-account-staging-tokens/{}",
        Op::UpdateStagingToken,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/custom-channels/2026-09/{}/channel-accounts",
        Op::ListCustomChannelAccounts,
        Ver::V2026_09,
    ),
    (
        "POST",
        "/conversations/custom-channels/2026-09/{}/channel-accounts",
        Op::CreateChannelAccount,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/custom-channels/2026-09/{}/channel-accounts/{}",
        Op::GetCustomChannelAccount,
        Ver::V2026_09,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2026-09/{}/channel-accounts/{}",
        Op::UpdateChannelAccount,
        Ver::V2026_09,
    ),
    (
        "POST",
        "/conversations/custom-channels/2026-09/{}/messages",
        Op::Publish,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/custom-channels/2026-09/{}/messages/{}",
        Op::GetCustomChannelMessage,
        Ver::V2026_09,
    ),
    (
        "PATCH",
        "/conversations/custom-channels/2026-09/{}/messages/{}",
        Op::UpdateStatus,
        Ver::V2026_09,
    ),
    (
        "PUT",
        "/conversations/conversations/v3/threads/{}/assignee",
        Op::AssignThread,
        Ver::V3,
    ),
    (
        "DELETE",
        "/conversations/conversations/v3/threads/{}/assignee",
        Op::UnassignThread,
        Ver::V3,
    ),
    (
        "POST",
        "/conversations/v3/conversations/actors/batch/read",
        Op::BatchReadActors,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/actors/{}",
        Op::GetActor,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/channel-accounts",
        Op::ListChannelAccounts,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/channel-accounts/{}",
        Op::GetChannelAccount,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/channels",
        Op::ListChannels,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/channels/{}",
        Op::GetChannel,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/inboxes",
        Op::ListInboxes,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/inboxes/{}",
        Op::GetInbox,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/threads",
        Op::ListThreads,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/threads/{}",
        Op::GetThread,
        Ver::V3,
    ),
    (
        "DELETE",
        "/conversations/v3/conversations/threads/{}",
        Op::ArchiveThread,
        Ver::V3,
    ),
    (
        "PATCH",
        "/conversations/v3/conversations/threads/{}",
        Op::UpdateThread,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/threads/{}/messages",
        Op::ListThreadMessages,
        Ver::V3,
    ),
    (
        "POST",
        "/conversations/v3/conversations/threads/{}/messages",
        Op::SendToThread,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/threads/{}/messages/{}",
        Op::GetThreadMessage,
        Ver::V3,
    ),
    (
        "GET",
        "/conversations/v3/conversations/threads/{}/messages/{}/original-content",
        Op::GetOriginalContent,
        Ver::V3,
    ),
    (
        "POST",
        "/conversations/conversations/2026-09/actors/batch/read",
        Op::BatchReadActors,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/actors/{}",
        Op::GetActor,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/channel-accounts",
        Op::ListChannelAccounts,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/channel-accounts/{}",
        Op::GetChannelAccount,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/channels",
        Op::ListChannels,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/channels/{}",
        Op::GetChannel,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/inboxes",
        Op::ListInboxes,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/inboxes/{}",
        Op::GetInbox,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/threads",
        Op::ListThreads,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/threads/{}",
        Op::GetThread,
        Ver::V2026_09,
    ),
    (
        "DELETE",
        "/conversations/conversations/2026-09/threads/{}",
        Op::ArchiveThread,
        Ver::V2026_09,
    ),
    (
        "PATCH",
        "/conversations/conversations/2026-09/threads/{}",
        Op::UpdateThread,
        Ver::V2026_09,
    ),
    (
        "PUT",
        "/conversations/conversations/2026-09/threads/{}/assignee",
        Op::AssignThread,
        Ver::V2026_09,
    ),
    (
        "DELETE",
        "/conversations/conversations/2026-09/threads/{}/assignee",
        Op::UnassignThread,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/threads/{}/messages",
        Op::ListThreadMessages,
        Ver::V2026_09,
    ),
    (
        "POST",
        "/conversations/conversations/2026-09/threads/{}/messages",
        Op::SendToThread,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/threads/{}/messages/{}",
        Op::GetThreadMessage,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/conversations/conversations/2026-09/threads/{}/messages/{}/original-content",
        Op::GetOriginalContent,
        Ver::V2026_09,
    ),
    (
        "POST",
        "/visitor-identification/v3/tokens/create",
        Op::GenerateVisitorToken,
        Ver::V3,
    ),
    (
        "POST",
        "/visitor-identification/2025-09/tokens/create",
        Op::GenerateVisitorToken,
        Ver::V2025_09,
    ),
    (
        "POST",
        "/visitor-identification/2026-03/tokens/create",
        Op::GenerateVisitorToken,
        Ver::V2026_03,
    ),
    (
        "POST",
        "/visitor-identification/2026-09/tokens/create",
        Op::GenerateVisitorToken,
        Ver::V2026_09,
    ),
    (
        "GET",
        "/crm/v3/objects/contacts",
        Op::Crm(CrmOp::List, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V3,
    ),
    (
        "POST",
        "/crm/v3/objects/contacts",
        Op::Crm(CrmOp::Create, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V3,
    ),
    (
        "POST",
        "/crm/v3/objects/contacts/batch/create",
        Op::Crm(CrmOp::BatchCreate, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V3,
    ),
    (
        "POST",
        "/crm/v3/objects/contacts/batch/read",
        Op::Crm(CrmOp::BatchRead, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V3,
    ),
    (
        "POST",
        "/crm/v3/objects/contacts/search",
        Op::Crm(CrmOp::Search, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V3,
    ),
    (
        "GET",
        "/crm/v3/objects/contacts/{}",
        Op::Crm(CrmOp::Get, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V3,
    ),
    (
        "DELETE",
        "/crm/v3/objects/contacts/{}",
        Op::Crm(CrmOp::Archive, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V3,
    ),
    (
        "PATCH",
        "/crm/v3/objects/contacts/{}",
        Op::Crm(CrmOp::Update, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V3,
    ),
    (
        "GET",
        "/crm/v3/objects/companies",
        Op::Crm(CrmOp::List, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V3,
    ),
    (
        "POST",
        "/crm/v3/objects/companies",
        Op::Crm(CrmOp::Create, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V3,
    ),
    (
        "POST",
        "/crm/v3/objects/companies/batch/create",
        Op::Crm(CrmOp::BatchCreate, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V3,
    ),
    (
        "POST",
        "/crm/v3/objects/companies/batch/read",
        Op::Crm(CrmOp::BatchRead, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V3,
    ),
    (
        "POST",
        "/crm/v3/objects/companies/search",
        Op::Crm(CrmOp::Search, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V3,
    ),
    (
        "GET",
        "/crm/v3/objects/companies/{}",
        Op::Crm(CrmOp::Get, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V3,
    ),
    (
        "DELETE",
        "/crm/v3/objects/companies/{}",
        Op::Crm(CrmOp::Archive, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V3,
    ),
    (
        "PATCH",
        "/crm/v3/objects/companies/{}",
        Op::Crm(CrmOp::Update, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V3,
    ),
    (
        "GET",
        "/crm/objects/2026-03/contacts",
        Op::Crm(CrmOp::List, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V2026_03,
    ),
    (
        "POST",
        "/crm/objects/2026-03/contacts",
        Op::Crm(CrmOp::Create, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V2026_03,
    ),
    (
        "POST",
        "/crm/objects/2026-03/contacts/batch/create",
        Op::Crm(CrmOp::BatchCreate, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V2026_03,
    ),
    (
        "POST",
        "/crm/objects/2026-03/contacts/batch/read",
        Op::Crm(CrmOp::BatchRead, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V2026_03,
    ),
    (
        "POST",
        "/crm/objects/2026-03/contacts/search",
        Op::Crm(CrmOp::Search, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V2026_03,
    ),
    (
        "GET",
        "/crm/objects/2026-03/contacts/{}",
        Op::Crm(CrmOp::Get, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V2026_03,
    ),
    (
        "DELETE",
        "/crm/objects/2026-03/contacts/{}",
        Op::Crm(CrmOp::Archive, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V2026_03,
    ),
    (
        "PATCH",
        "/crm/objects/2026-03/contacts/{}",
        Op::Crm(CrmOp::Update, CrmPath::Fixed(CrmObjectType::Contacts)),
        Ver::V2026_03,
    ),
    (
        "GET",
        "/crm/objects/2026-03/companies",
        Op::Crm(CrmOp::List, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V2026_03,
    ),
    (
        "POST",
        "/crm/objects/2026-03/companies",
        Op::Crm(CrmOp::Create, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V2026_03,
    ),
    (
        "POST",
        "/crm/objects/2026-03/companies/batch/create",
        Op::Crm(CrmOp::BatchCreate, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V2026_03,
    ),
    (
        "POST",
        "/crm/objects/2026-03/companies/batch/read",
        Op::Crm(CrmOp::BatchRead, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V2026_03,
    ),
    (
        "POST",
        "/crm/objects/2026-03/companies/search",
        Op::Crm(CrmOp::Search, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V2026_03,
    ),
    (
        "GET",
        "/crm/objects/2026-03/companies/{}",
        Op::Crm(CrmOp::Get, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V2026_03,
    ),
    (
        "DELETE",
        "/crm/objects/2026-03/companies/{}",
        Op::Crm(CrmOp::Archive, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V2026_03,
    ),
    (
        "PATCH",
        "/crm/objects/2026-03/companies/{}",
        Op::Crm(CrmOp::Update, CrmPath::Fixed(CrmObjectType::Companies)),
        Ver::V2026_03,
    ),
    (
        "GET",
        "/crm/objects/2026-09/{}",
        Op::Crm(CrmOp::List, CrmPath::Param),
        Ver::V2026_09,
    ),
    (
        "POST",
        "/crm/objects/2026-09/{}",
        Op::Crm(CrmOp::Create, CrmPath::Param),
        Ver::V2026_09,
    ),
    (
        "POST",
        "/crm/objects/2026-09/{}/batch/create",
        Op::Crm(CrmOp::BatchCreate, CrmPath::Param),
        Ver::V2026_09,
    ),
    (
        "POST",
        "/crm/objects/2026-09/{}/batch/read",
        Op::Crm(CrmOp::BatchRead, CrmPath::Param),
        Ver::V2026_09,
    ),
    (
        "POST",
        "/crm/objects/2026-09/{}/search",
        Op::Crm(CrmOp::Search, CrmPath::Param),
        Ver::V2026_09,
    ),
    (
        "GET",
        "/crm/objects/2026-09/{}/{}",
        Op::Crm(CrmOp::Get, CrmPath::Param),
        Ver::V2026_09,
    ),
    (
        "DELETE",
        "/crm/objects/2026-09/{}/{}",
        Op::Crm(CrmOp::Archive, CrmPath::Param),
        Ver::V2026_09,
    ),
    (
        "PATCH",
        "/crm/objects/2026-09/{}/{}",
        Op::Crm(CrmOp::Update, CrmPath::Param),
        Ver::V2026_09,
    ),
];

/// An operation the fake implements, with its raw (decoded, unvalidated)
/// path parameters in path order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Operation {
    pub(crate) op: Op,
    pub(crate) version: Ver,
    pub(crate) params: Vec<String>,
}

/// The outcome of matching a method and path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RouteMatch {
    /// A served operation.
    Found(Operation),
    /// A served path, but not with this method; `allow` lists the methods
    /// served there.
    WrongMethod { allow: String },
    /// Nothing is served at this path.
    NotFound,
}

/// Matches a request to an operation. `path` is the raw URI path.
pub(crate) fn match_route(method: &str, path: &str) -> RouteMatch {
    let Some(rest) = path.strip_prefix('/') else {
        return RouteMatch::NotFound;
    };
    let segments: Vec<String> = rest.split('/').map(params::percent_decode).collect();
    let mut allowed: Vec<&str> = Vec::new();
    for (route_method, pattern, op, version) in ROUTES {
        let Some(params) = match_pattern(pattern, &segments) else {
            continue;
        };
        if *route_method == method {
            return RouteMatch::Found(Operation {
                op: *op,
                version: *version,
                params,
            });
        }
        if !allowed.contains(route_method) {
            allowed.push(route_method);
        }
    }
    if allowed.is_empty() {
        RouteMatch::NotFound
    } else {
        RouteMatch::WrongMethod {
            allow: allowed.join(", "),
        }
    }
}

/// The parameters `segments` give `pattern`'s `{}`s, if it matches. An
/// empty segment (a trailing slash, `//`) is never a parameter: HubSpot
/// answers 404 for `.../custom-channels/`, not the channel with id `""`.
fn match_pattern(pattern: &str, segments: &[String]) -> Option<Vec<String>> {
    let parts: Vec<&str> = pattern.trim_start_matches('/').split('/').collect();
    if parts.len() != segments.len() {
        return None;
    }
    let mut params = Vec::new();
    for (part, segment) in parts.iter().zip(segments) {
        if *part == "{}" {
            if segment.is_empty() {
                return None;
            }
            params.push(segment.clone());
        } else if part != segment {
            return None;
        }
    }
    Some(params)
}

/// Runs an operation on an authenticated request's query string and body,
/// for the account `shared` scopes.
pub(crate) fn run(
    shared: &Scope<'_>,
    operation: Operation,
    query: Option<&str>,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let Operation {
        op,
        version,
        params,
    } = operation;
    let p = |i: usize| params.get(i).map(String::as_str).unwrap_or_default();
    let q = query::Query::parse(query.unwrap_or_default());
    match op {
        Op::Publish => custom_channels::publish(shared, version.channels(), p(0), body),
        Op::UpdateStatus => custom_channels::update(shared, version.channels(), p(0), p(1), body),
        Op::SendToThread => threads::send(shared, version.conversations(), p(0), body),
        Op::GetCustomChannelMessage => admin::get_message(shared, p(0), p(1)),
        Op::CreateCustomChannel => admin::create_channel(shared, body),
        Op::ListCustomChannels => admin::list_channels(shared, version, &q),
        Op::GetCustomChannel => admin::get_channel(shared, p(0)),
        Op::UpdateCustomChannel => admin::update_channel(shared, p(0), body),
        Op::ArchiveCustomChannel => admin::archive_channel(shared, p(0)),
        Op::UpdateStagingToken => admin::update_staging_token(shared, version, p(0), p(1), body),
        Op::CreateChannelAccount => admin::create_account(shared, p(0), body),
        Op::ListCustomChannelAccounts => admin::list_accounts(shared, version, p(0), &q),
        Op::GetCustomChannelAccount => admin::get_account(shared, Some(p(0)), p(1), &q),
        Op::UpdateChannelAccount => admin::update_account(shared, p(0), p(1), body),
        Op::GenerateVisitorToken => admin::visitor_token(shared, version, body),
        Op::GetActor => inbox::get_actor(p(0), &q),
        Op::BatchReadActors => inbox::batch_read_actors(version, &q, body),
        Op::ListChannels => inbox::list_channels(shared, version, &q),
        Op::GetChannel => inbox::get_channel(shared, p(0)),
        Op::ListChannelAccounts => inbox::list_channel_accounts(shared, version, &q),
        Op::GetChannelAccount => admin::get_account(shared, None, p(0), &q),
        Op::ListInboxes => inbox::list_inboxes(version, &q),
        Op::GetInbox => inbox::get_inbox(p(0), &q),
        Op::ListThreads => inbox::list_threads(shared, version, &q),
        Op::GetThread => inbox::get_thread(shared, p(0), &q),
        Op::UpdateThread => inbox::update_thread(shared, p(0), &q, body),
        Op::ArchiveThread => inbox::archive_thread(shared, p(0)),
        Op::AssignThread => inbox::assign_thread(shared, p(0), body),
        Op::UnassignThread => inbox::unassign_thread(shared, p(0)),
        Op::ListThreadMessages => inbox::list_thread_messages(shared, version, p(0), &q),
        Op::GetThreadMessage => inbox::get_thread_message(shared, p(0), p(1), &q, false),
        Op::GetOriginalContent => inbox::get_thread_message(shared, p(0), p(1), &q, true),
        Op::Crm(crm_op, path) => crm::run(shared, version, (crm_op, path), &params, &q, body),
    }
}

/// The value of a check, or `None` after adding its problem to `problems`.
fn collect<T>(result: Result<T, ErrorDetail>, problems: &mut Vec<ErrorDetail>) -> Option<T> {
    result.map_err(|problem| problems.push(problem)).ok()
}

/// Parses the body as a JSON object and runs `check` on it, adding every
/// problem found to `problems`.
fn checked_body(
    body: &[u8],
    problems: &mut Vec<ErrorDetail>,
    check: impl FnOnce(&Value, &mut Vec<ErrorDetail>),
) -> Option<Value> {
    let value = collect(parse_object(body), problems)?;
    check(&value, problems);
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(op: Op, version: Ver, params: &[&str]) -> RouteMatch {
        RouteMatch::Found(Operation {
            op,
            version,
            params: params.iter().map(|p| (*p).to_owned()).collect(),
        })
    }

    #[test]
    fn matches_every_version() {
        assert_eq!(
            match_route("POST", "/conversations/v3/custom-channels/12/messages"),
            found(Op::Publish, Ver::V3, &["12"])
        );
        assert_eq!(
            match_route("POST", "/conversations/custom-channels/2026-03/12/messages"),
            found(Op::Publish, Ver::V2026_03, &["12"])
        );
        assert_eq!(
            match_route("POST", "/conversations/custom-channels/2026-09/12/messages"),
            found(Op::Publish, Ver::V2026_09, &["12"])
        );
        assert_eq!(
            match_route("POST", "/conversations/custom-channels/2025-09/12/messages"),
            found(Op::Publish, Ver::V2025_09, &["12"])
        );
        assert_eq!(
            match_route("GET", "/conversations/custom-channels/2025-09"),
            found(Op::ListCustomChannels, Ver::V2025_09, &[])
        );
        assert_eq!(
            match_route(
                "PATCH",
                "/conversations/custom-channels/2026-03/12/messages/a%2Fb"
            ),
            found(Op::UpdateStatus, Ver::V2026_03, &["12", "a/b"])
        );
        assert_eq!(
            match_route(
                "POST",
                "/conversations/conversations/2026-09/threads/7/messages"
            ),
            found(Op::SendToThread, Ver::V2026_09, &["7"])
        );
        assert_eq!(
            match_route("PUT", "/conversations/conversations/v3/threads/7/assignee"),
            found(Op::AssignThread, Ver::V3, &["7"])
        );
        assert_eq!(
            match_route("GET", "/conversations/custom-channels/v3"),
            found(Op::ListCustomChannels, Ver::V3, &[])
        );
        assert_eq!(
            match_route("POST", "/visitor-identification/2026-03/tokens/create"),
            found(Op::GenerateVisitorToken, Ver::V2026_03, &[])
        );
        assert_eq!(
            match_route("POST", "/visitor-identification/2025-09/tokens/create"),
            found(Op::GenerateVisitorToken, Ver::V2025_09, &[])
        );
        assert_eq!(
            match_route("POST", "/visitor-identification/2026-09/tokens/create"),
            found(Op::GenerateVisitorToken, Ver::V2026_09, &[])
        );
    }

    #[test]
    fn every_route_is_distinct() {
        for (i, (method, pattern, _, _)) in ROUTES.iter().enumerate() {
            for (other_method, other_pattern, _, _) in &ROUTES[i + 1..] {
                assert!(
                    (method, pattern) != (other_method, other_pattern),
                    "{method} {pattern} twice"
                );
            }
        }
        assert_eq!(ROUTES.len(), CONVERSATIONS_ROUTES + CRM_ROUTES);
    }

    #[test]
    fn wrong_method_and_unknown_paths() {
        assert_eq!(
            match_route("PUT", "/conversations/v3/conversations/threads/7/messages"),
            RouteMatch::WrongMethod {
                allow: "GET, POST".to_owned()
            }
        );
        assert_eq!(
            match_route("POST", "/conversations/custom-channels/2025-01/12/messages"),
            RouteMatch::NotFound
        );
        // A trailing slash is not an empty `{messageId}` or `{channelId}`.
        for (method, path) in [
            ("POST", "/conversations/v3/custom-channels/12/messages/"),
            ("GET", "/conversations/v3/custom-channels/12/messages/"),
            ("GET", "/conversations/v3/custom-channels/"),
            ("PATCH", "/conversations/custom-channels/2026-03/"),
            ("GET", "/conversations/v3/conversations/threads//messages"),
        ] {
            assert_eq!(
                match_route(method, path),
                RouteMatch::NotFound,
                "{method} {path}"
            );
        }
        assert_eq!(match_route("GET", "/"), RouteMatch::NotFound);
        assert_eq!(match_route("GET", "*"), RouteMatch::NotFound);
    }
}
