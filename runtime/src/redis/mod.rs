//! State shared by several replicas of an app, in Redis (the `redis`
//! feature): see the README's "Running several replicas".
//!
//! One [`Redis`] connection serves every shared part:
//!
//! - [`RedisTokenStore`]: each account's tokens, refreshed once for all
//!   replicas under a per-account lock, written with a version check;
//! - the shared rate limiter
//!   ([`ClientBuilder::shared_rate_limits`](crate::ClientBuilder::shared_rate_limits)):
//!   each account's budget, counted across replicas;
//! - [`RedisWebhookDedup`] (also `webhooks::RedisWebhookDedup`): a webhook
//!   delivered to two replicas reaches the chat once.
//!
//! Every key starts with the connection's prefix (`hubspot` by default) and
//! carries a hash tag per account (`hubspot:{101}:tokens`), so that all of
//! an account's keys live on one Redis Cluster slot and its scripts run
//! there.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use crate::shared::{SharedStateError, SharedStateErrorKind};

mod dedup;
pub mod limiter;
mod tokens;

pub use dedup::RedisWebhookDedup;
pub use limiter::{OnRedisFailure, SharedRateLimits};
pub use tokens::RedisTokenStore;

/// A connection to Redis, shared by every clone (cheap to clone). It
/// reconnects on its own after the server goes away.
///
/// Its `Debug` shows the key prefix, never the URL (which may carry a
/// password).
#[derive(Clone)]
pub struct Redis {
    connection: ConnectionManager,
    prefix: Arc<str>,
}

impl fmt::Debug for Redis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Redis")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl Redis {
    /// The prefix of every key, unless [`with_prefix`](Redis::with_prefix)
    /// sets another.
    pub const DEFAULT_PREFIX: &'static str = "hubspot";

    /// How long a command may wait for its answer before it fails (and
    /// the connection is re-made).
    pub const RESPONSE_TIMEOUT: Duration = Duration::from_millis(500);

    /// Connects to `url` (`redis://[:password@]host:port[/db]`, or
    /// `rediss://` with TLS where the `redis` crate has it enabled).
    ///
    /// Fails with [`SharedStateErrorKind::Config`] for a malformed URL and
    /// [`SharedStateErrorKind::Unreachable`] when no server answers; the
    /// error never quotes the URL.
    pub async fn connect(url: &str) -> Result<Redis, SharedStateError> {
        let client = redis::Client::open(url).map_err(|_| {
            SharedStateError::new(
                SharedStateErrorKind::Config,
                "connect",
                "the Redis URL is not valid",
            )
        })?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_secs(2)))
            .set_response_timeout(Some(Redis::RESPONSE_TIMEOUT))
            .set_number_of_retries(2)
            .set_max_delay(Duration::from_millis(500));
        let connection = ConnectionManager::new_with_config(client, config)
            .await
            .map_err(|error| from_redis("connect", &error))?;
        Ok(Redis {
            connection,
            prefix: Redis::DEFAULT_PREFIX.into(),
        })
    }

    /// Uses `prefix` for every key instead of `hubspot`: one Redis can then
    /// serve several apps, or tests that must not see each other's keys.
    /// A prefix with `{` or `}` is refused: it would change the keys' hash
    /// tags.
    pub fn with_prefix(mut self, prefix: &str) -> Result<Redis, SharedStateError> {
        if prefix.is_empty() || prefix.contains(['{', '}']) {
            return Err(SharedStateError::new(
                SharedStateErrorKind::Config,
                "connect",
                "a key prefix must be non-empty and hold no `{` or `}`",
            ));
        }
        self.prefix = prefix.into();
        Ok(self)
    }

    /// The key prefix.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// A connection to send commands on (a cheap handle on the shared one).
    pub(crate) fn connection(&self) -> ConnectionManager {
        self.connection.clone()
    }

    /// `<prefix>:{<hub_id>}:<what>`: one of an account's keys, in the
    /// account's hash slot.
    pub(crate) fn account_key(&self, hub_id: u64, what: &str) -> String {
        format!("{}:{{{hub_id}}}:{what}", self.prefix)
    }

    /// `<prefix>:<what>:{<id>}`: a key of its own slot.
    pub(crate) fn key(&self, what: &str, id: &str) -> String {
        format!("{}:{what}:{{{id}}}", self.prefix)
    }
}

/// A Redis failure as a [`SharedStateError`], named by its kind and code
/// only: a server's message may quote what a command carried.
pub(crate) fn from_redis(operation: &'static str, error: &redis::RedisError) -> SharedStateError {
    let kind = if error.is_timeout() {
        SharedStateErrorKind::Timeout
    } else if error.is_connection_refusal()
        || error.is_connection_dropped()
        || error.is_io_error()
        || error.is_unrecoverable_error()
    {
        SharedStateErrorKind::Unreachable
    } else {
        SharedStateErrorKind::Server
    };
    let detail = match (error.code(), kind) {
        (Some(code), _) => format!("Redis error {code}"),
        (None, SharedStateErrorKind::Timeout) => "no answer in time".to_owned(),
        (None, SharedStateErrorKind::Unreachable) => "no connection".to_owned(),
        (None, _) => format!("{:?}", error.kind()),
    };
    SharedStateError::new(kind, operation, detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_bad_url_or_prefix_is_a_config_error_that_quotes_nothing() {
        let error = Redis::connect("redis://:hunter2@[bad")
            .await
            .expect_err("a malformed URL");
        assert_eq!(error.kind(), SharedStateErrorKind::Config);
        assert!(!format!("{error} {error:?}").contains("hunter2"));
        let error = Redis::connect("redis://:hunter2@127.0.0.1:1/")
            .await
            .expect_err("nothing listens on port 1");
        assert!(error.is_unavailable(), "{error:?}");
        assert!(!format!("{error} {error:?}").contains("hunter2"));
    }
}
