//! [`RedisTokenStore`]: every account's tokens in Redis, shared by all
//! replicas, with a per-account refresh lock and versioned writes.

use std::fmt;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use redis::Script;

use super::{Redis, from_redis};
use crate::auth::{RefreshLock, StoreError, StoreFuture, TokenSet, TokenStore};
use crate::shared::{SharedStateError, SharedStateErrorKind};

/// Writes the token set in `ARGV[3]` (version `ARGV[2]`) only if the stored
/// version is `ARGV[1]`; otherwise answers the stored JSON.
static SAVE_IF_VERSION: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local current = redis.call('HGET', KEYS[1], 'version')
if not current then
    return {'missing'}
end
if current ~= ARGV[1] then
    return {'conflict', redis.call('HGET', KEYS[1], 'json')}
end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'json', ARGV[3])
return {'saved'}
",
    )
});

/// Deletes the lock `KEYS[1]` only if it still holds `ARGV[1]` (ours).
pub(crate) static RELEASE_IF_OURS: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0
",
    )
});

/// A [`TokenStore`] in Redis, shared by every replica that connects to
/// the same server with the same prefix: a replica uses the tokens another
/// one refreshed, and an account is refreshed by one replica at a time.
///
/// - Each account's tokens are a hash at `<prefix>:{<hub_id>}:tokens`,
///   with fields `version` and `json`
///   ([`TokenSet::to_stored_json`], which holds the tokens in clear:
///   protect the Redis server as you would the tokens).
/// - A versioned save ([`TokenStore::save`] with `replaces: Some(v)`) is
///   one Lua script that writes only if the stored version is still `v`,
///   else fails with [`StoreError::Conflict`] carrying the stored set.
/// - The refresh lock ([`TokenStore::lock_refresh`]) is
///   `<prefix>:{<hub_id>}:refresh-lock`, taken with `SET NX PX` and a
///   random value, and released by a script that deletes it only while it
///   holds that value. It lapses after
///   [`DEFAULT_LOCK_TTL`](RedisTokenStore::DEFAULT_LOCK_TTL) should its
///   holder die; a replica waits for it up to
///   [`DEFAULT_LOCK_WAIT`](RedisTokenStore::DEFAULT_LOCK_WAIT), polling
///   every 20–50 ms, then fails with [`StoreError::LockTimeout`].
///
/// Redis failures are [`StoreError::Backend`] holding a
/// [`SharedStateError`], which quotes no URL, token or stored value. Its
/// `Debug` shows the key prefix only.
///
/// ```no_run
/// use hubspot_runtime::redis::{Redis, RedisTokenStore};
/// use hubspot_runtime::{Client, OAuthApp};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let redis = Redis::connect("redis://127.0.0.1:6379/").await?;
/// let client = Client::builder()
///     .oauth_app(OAuthApp::new("client-id", "client-secret", "https://example.com/oauth-callback"))
///     .token_store(RedisTokenStore::new(redis))
///     .build()?;
/// # let _ = client; Ok(()) }
/// ```
#[derive(Clone)]
pub struct RedisTokenStore {
    redis: Redis,
    lock_ttl: Duration,
    lock_wait: Duration,
}

impl fmt::Debug for RedisTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisTokenStore")
            .field("prefix", &self.redis.prefix())
            .finish_non_exhaustive()
    }
}

impl RedisTokenStore {
    /// How long a refresh lock lives unless released: longer than a token
    /// call takes (the client's default request timeout, with a retry), so
    /// that it lapses only when its holder died.
    pub const DEFAULT_LOCK_TTL: Duration = Duration::from_secs(10);

    /// How long a replica waits for another's refresh lock before failing
    /// with [`StoreError::LockTimeout`]: a little more than
    /// [`DEFAULT_LOCK_TTL`](RedisTokenStore::DEFAULT_LOCK_TTL), so that a
    /// lock whose holder died lapses within the wait.
    pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(12);

    /// A store on `redis`, with the default lock settings.
    pub fn new(redis: Redis) -> RedisTokenStore {
        RedisTokenStore {
            redis,
            lock_ttl: RedisTokenStore::DEFAULT_LOCK_TTL,
            lock_wait: RedisTokenStore::DEFAULT_LOCK_WAIT,
        }
    }

    /// Sets how long a refresh lock lives unless released (at least 1 ms).
    /// Keep it longer than a token call can take: a lock that lapses while
    /// its holder still refreshes lets a second replica refresh too (the
    /// version check then keeps one of the two results).
    pub fn with_lock_ttl(mut self, ttl: Duration) -> RedisTokenStore {
        self.lock_ttl = ttl.max(Duration::from_millis(1));
        self
    }

    /// Sets how long to wait for a refresh lock another replica holds.
    pub fn with_lock_wait(mut self, wait: Duration) -> RedisTokenStore {
        self.lock_wait = wait;
        self
    }

    /// The Redis connection.
    pub fn redis(&self) -> &Redis {
        &self.redis
    }

    fn tokens_key(&self, hub_id: u64) -> String {
        self.redis.account_key(hub_id, "tokens")
    }

    fn lock_key(&self, hub_id: u64) -> String {
        self.redis.account_key(hub_id, "refresh-lock")
    }
}

fn backend(operation: &'static str, error: &redis::RedisError) -> StoreError {
    StoreError::Backend(Box::new(from_redis(operation, error)))
}

fn bad_data(detail: &'static str) -> StoreError {
    StoreError::Backend(Box::new(SharedStateError::new(
        SharedStateErrorKind::BadData,
        "token store",
        detail,
    )))
}

/// Reads stored JSON; an error names neither the JSON nor what it holds.
fn parse(json: &str) -> Result<TokenSet, StoreError> {
    TokenSet::from_stored_json(json)
        .map_err(|_| bad_data("the stored tokens are not JSON this client wrote"))
}

impl TokenStore for RedisTokenStore {
    fn load(&self, hub_id: u64) -> StoreFuture<'_, Option<TokenSet>> {
        Box::pin(async move {
            let mut connection = self.redis.connection();
            let json: Option<String> = redis::cmd("HGET")
                .arg(self.tokens_key(hub_id))
                .arg("json")
                .query_async(&mut connection)
                .await
                .map_err(|error| backend("token store", &error))?;
            json.as_deref().map(parse).transpose()
        })
    }

    fn save<'a>(&'a self, tokens: &'a TokenSet, replaces: Option<u64>) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut connection = self.redis.connection();
            let key = self.tokens_key(tokens.hub_id);
            let json = tokens.to_stored_json();
            let Some(expected) = replaces else {
                return redis::cmd("HSET")
                    .arg(&key)
                    .arg("version")
                    .arg(tokens.version)
                    .arg("json")
                    .arg(json)
                    .query_async::<()>(&mut connection)
                    .await
                    .map_err(|error| backend("token store", &error));
            };
            let answer: Vec<String> = SAVE_IF_VERSION
                .key(&key)
                .arg(expected)
                .arg(tokens.version)
                .arg(json)
                .invoke_async(&mut connection)
                .await
                .map_err(|error| backend("token store", &error))?;
            match answer.first().map(String::as_str) {
                Some("saved") => Ok(()),
                Some("conflict") => {
                    let stored = answer
                        .get(1)
                        .ok_or_else(|| bad_data("the stored tokens have a version but no JSON"))?;
                    Err(StoreError::Conflict(Box::new(parse(stored)?)))
                }
                Some("missing") => Err(StoreError::backend(format!(
                    "account {} has no tokens to replace (was it uninstalled?)",
                    tokens.hub_id
                ))),
                _ => Err(bad_data("the save script answered something unexpected")),
            }
        })
    }

    fn remove(&self, hub_id: u64) -> StoreFuture<'_, ()> {
        Box::pin(async move {
            let mut connection = self.redis.connection();
            redis::cmd("DEL")
                .arg(self.tokens_key(hub_id))
                .query_async::<()>(&mut connection)
                .await
                .map_err(|error| backend("token store", &error))
        })
    }

    fn lock_refresh(&self, hub_id: u64) -> StoreFuture<'_, Option<RefreshLock>> {
        Box::pin(async move {
            let mut connection = self.redis.connection();
            let key = self.lock_key(hub_id);
            let value = crate::random::uuid_v4();
            let ttl_ms = u64::try_from(self.lock_ttl.as_millis()).unwrap_or(u64::MAX);
            let deadline = Instant::now() + self.lock_wait;
            loop {
                let taken: Option<String> = redis::cmd("SET")
                    .arg(&key)
                    .arg(&value)
                    .arg("NX")
                    .arg("PX")
                    .arg(ttl_ms)
                    .query_async(&mut connection)
                    .await
                    .map_err(|error| backend("refresh lock", &error))?;
                if taken.is_some() {
                    break;
                }
                let pause =
                    Duration::from_millis(20) + crate::random::jitter(Duration::from_millis(30));
                if Instant::now() + pause > deadline {
                    return Err(StoreError::LockTimeout { hub_id });
                }
                tokio::time::sleep(pause).await;
            }
            let redis = self.redis.clone();
            Ok(Some(RefreshLock::new(move || {
                Box::pin(async move {
                    let mut connection = redis.connection();
                    RELEASE_IF_OURS
                        .key(key)
                        .arg(value)
                        .invoke_async::<i64>(&mut connection)
                        .await
                        .map(drop)
                        .map_err(|error| backend("refresh lock", &error))
                })
            })))
        })
    }
}
