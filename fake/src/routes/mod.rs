//! Which operation a request is for, and running it.
//!
//! Paths are matched exactly as the specs spell them (no trailing slash),
//! segment by segment, with path parameters percent-decoded.

mod custom_channels;
mod params;
mod shapes;
mod threads;

use serde_json::Value;

pub(crate) use shapes::{INTEGRATION_APP_ID, PORTAL_ID};

use crate::errors::{ApiError, ErrorDetail};
use crate::reply::Reply;
use crate::state::Shared;
use crate::validate::parse_object;

/// A Custom Channels API version the fake serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChannelsVersion {
    /// `/conversations/v3/custom-channels/...`
    V3,
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
            ChannelsVersion::V2026_03 => {
                format!("/conversations/custom-channels/2026-03/{channel_id}")
            }
            ChannelsVersion::V2026_09 => {
                format!("/conversations/custom-channels/2026-09/{channel_id}")
            }
        }
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

/// An operation the fake implements, with its raw (decoded, unvalidated)
/// path parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Operation {
    /// `POST .../custom-channels/{channelId}/messages`
    Publish {
        version: ChannelsVersion,
        channel_id: String,
    },
    /// `PATCH .../custom-channels/{channelId}/messages/{messageId}`
    UpdateStatus {
        version: ChannelsVersion,
        channel_id: String,
        message_id: String,
    },
    /// `POST .../conversations/threads/{threadId}/messages`
    SendToThread {
        version: ConversationsVersion,
        thread_id: String,
    },
}

/// The outcome of matching a method and path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RouteMatch {
    /// A served operation.
    Found(Operation),
    /// A served path, but not with this method; `allow` is the method that
    /// is served there.
    WrongMethod { allow: &'static str },
    /// Nothing is served at this path.
    NotFound,
}

/// Matches a request to an operation. `path` is the raw URI path.
pub(crate) fn match_route(method: &str, path: &str) -> RouteMatch {
    let Some(rest) = path.strip_prefix('/') else {
        return RouteMatch::NotFound;
    };
    let segments: Vec<String> = rest.split('/').map(params::percent_decode).collect();
    let s: Vec<&str> = segments.iter().map(String::as_str).collect();
    let channels = |v: &str| match v {
        "2026-03" => Some(ChannelsVersion::V2026_03),
        "2026-09" => Some(ChannelsVersion::V2026_09),
        _ => None,
    };
    let (operation, allow) = match s.as_slice() {
        [
            "conversations",
            "v3",
            "custom-channels",
            channel,
            "messages",
        ] => (
            Operation::Publish {
                version: ChannelsVersion::V3,
                channel_id: (*channel).to_string(),
            },
            "POST",
        ),
        [
            "conversations",
            "custom-channels",
            version,
            channel,
            "messages",
        ] => {
            let Some(version) = channels(version) else {
                return RouteMatch::NotFound;
            };
            (
                Operation::Publish {
                    version,
                    channel_id: (*channel).to_string(),
                },
                "POST",
            )
        }
        [
            "conversations",
            "v3",
            "custom-channels",
            channel,
            "messages",
            message,
        ] => (
            Operation::UpdateStatus {
                version: ChannelsVersion::V3,
                channel_id: (*channel).to_string(),
                message_id: (*message).to_string(),
            },
            "PATCH",
        ),
        [
            "conversations",
            "custom-channels",
            version,
            channel,
            "messages",
            message,
        ] => {
            let Some(version) = channels(version) else {
                return RouteMatch::NotFound;
            };
            (
                Operation::UpdateStatus {
                    version,
                    channel_id: (*channel).to_string(),
                    message_id: (*message).to_string(),
                },
                "PATCH",
            )
        }
        [
            "conversations",
            "v3",
            "conversations",
            "threads",
            thread,
            "messages",
        ] => (
            Operation::SendToThread {
                version: ConversationsVersion::V3,
                thread_id: (*thread).to_string(),
            },
            "POST",
        ),
        [
            "conversations",
            "conversations",
            "2026-09",
            "threads",
            thread,
            "messages",
        ] => (
            Operation::SendToThread {
                version: ConversationsVersion::V2026_09,
                thread_id: (*thread).to_string(),
            },
            "POST",
        ),
        _ => return RouteMatch::NotFound,
    };
    if method == allow {
        RouteMatch::Found(operation)
    } else {
        RouteMatch::WrongMethod { allow }
    }
}

/// Runs an operation on an authenticated request's body.
pub(crate) fn run(shared: &Shared, operation: Operation, body: &[u8]) -> Result<Reply, ApiError> {
    match operation {
        Operation::Publish {
            version,
            channel_id,
        } => custom_channels::publish(shared, version, &channel_id, body),
        Operation::UpdateStatus {
            version,
            channel_id,
            message_id,
        } => custom_channels::update(shared, version, &channel_id, &message_id, body),
        Operation::SendToThread { version, thread_id } => {
            threads::send(shared, version, &thread_id, body)
        }
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

    #[test]
    fn matches_every_version() {
        let publish = |version| {
            RouteMatch::Found(Operation::Publish {
                version,
                channel_id: "12".into(),
            })
        };
        assert_eq!(
            match_route("POST", "/conversations/v3/custom-channels/12/messages"),
            publish(ChannelsVersion::V3)
        );
        assert_eq!(
            match_route("POST", "/conversations/custom-channels/2026-03/12/messages"),
            publish(ChannelsVersion::V2026_03)
        );
        assert_eq!(
            match_route("POST", "/conversations/custom-channels/2026-09/12/messages"),
            publish(ChannelsVersion::V2026_09)
        );
        assert_eq!(
            match_route(
                "PATCH",
                "/conversations/custom-channels/2026-03/12/messages/a%2Fb"
            ),
            RouteMatch::Found(Operation::UpdateStatus {
                version: ChannelsVersion::V2026_03,
                channel_id: "12".into(),
                message_id: "a/b".into(),
            })
        );
        assert_eq!(
            match_route(
                "POST",
                "/conversations/conversations/2026-09/threads/7/messages"
            ),
            RouteMatch::Found(Operation::SendToThread {
                version: ConversationsVersion::V2026_09,
                thread_id: "7".into(),
            })
        );
    }

    #[test]
    fn wrong_method_and_unknown_paths() {
        assert_eq!(
            match_route("GET", "/conversations/v3/conversations/threads/7/messages"),
            RouteMatch::WrongMethod { allow: "POST" }
        );
        assert_eq!(
            match_route("POST", "/conversations/custom-channels/2025-01/12/messages"),
            RouteMatch::NotFound
        );
        assert_eq!(
            match_route("POST", "/conversations/v3/custom-channels/12/messages/"),
            RouteMatch::WrongMethod { allow: "PATCH" }
        );
        assert_eq!(match_route("GET", "/"), RouteMatch::NotFound);
        assert_eq!(match_route("GET", "*"), RouteMatch::NotFound);
    }
}
