//! [`RedisWebhookDedup`]: a webhook delivered to several replicas is acted
//! on once.

use std::fmt;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use redis::Script;

use super::tokens::RELEASE_IF_OURS;
use super::{Redis, from_redis};
use crate::shared::{SharedStateError, SharedStateErrorKind};
use crate::webhooks::dedup::{held_too_long, poll_pause};
use crate::webhooks::{Claim, DedupFuture, DeliveryGuard, WebhookDedup};

/// The value of a delivered event's key (a claim's value is a random UUID,
/// never this).
const DELIVERED: &str = "delivered";

/// Claims `KEYS[1]` with the value `ARGV[1]` for `ARGV[2]` ms unless it is
/// claimed or delivered: answers `claimed`, `held` or `delivered`.
static CLAIM: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local current = redis.call('GET', KEYS[1])
if current == 'delivered' then
    return 'delivered'
end
if current then
    return 'held'
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 'claimed'
",
    )
});

/// Turns our claim (`ARGV[1]`) on `KEYS[1]` into the delivered marker for
/// `ARGV[2]` ms: answers `delivered`, or `lost` when another replica holds
/// the key now (ours lapsed).
static MARK_DELIVERED: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] or not current or current == 'delivered' then
    redis.call('SET', KEYS[1], 'delivered', 'PX', ARGV[2])
    return 'delivered'
end
return 'lost'
",
    )
});

/// A [`WebhookDedup`] in Redis: replicas that share the server (and the
/// key prefix) act on each webhook event once between them.
///
/// An event's key is `<prefix>:webhook:{<id>}`. Claiming it sets the key
/// to a random value for a lease
/// ([`DEFAULT_CLAIM_LEASE`](RedisWebhookDedup::DEFAULT_CLAIM_LEASE)),
/// unless it is claimed or delivered (one script). While another replica
/// holds the claim, [`claim`](WebhookDedup::claim) polls every 20–50 ms
/// until the event is delivered ([`Claim::AlreadyDelivered`]) or the claim
/// goes (this replica claims it), up to
/// [`DEFAULT_WAIT`](RedisWebhookDedup::DEFAULT_WAIT); then it fails, and
/// the handler should answer `5xx` so that HubSpot sends the event again.
///
/// [`DeliveryGuard::delivered`] replaces the claim with a delivered marker
/// kept for
/// [`DEFAULT_DELIVERED_TTL`](RedisWebhookDedup::DEFAULT_DELIVERED_TTL) (24
/// hours), in a script that checks the claim is still this replica's (or
/// gone); it fails if another replica claimed the event meanwhile, which
/// happens only when delivering took longer than the lease. Dropping the
/// guard instead deletes the claim, again only if it is still this
/// replica's. A replica that dies while delivering leaves its claim to
/// lapse at the end of the lease; HubSpot's redelivery is then delivered.
///
/// Errors are [`SharedStateError`]s that quote no URL or value. Its
/// `Debug` shows the key prefix only.
///
/// ```no_run
/// use hubspot_runtime::redis::{Redis, RedisWebhookDedup};
/// use hubspot_runtime::webhooks::{Claim, WebhookDedup};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let dedup = RedisWebhookDedup::new(Redis::connect("redis://127.0.0.1:6379/").await?);
/// match dedup.claim("101:message-1").await? {
///     Claim::Deliver(guard) => {
///         // ... deliver; on failure, return (the guard releases the claim) ...
///         guard.delivered().await?;
///     }
///     Claim::AlreadyDelivered => {}
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct RedisWebhookDedup {
    redis: Redis,
    lease: Duration,
    delivered_ttl: Duration,
    wait: Duration,
}

impl fmt::Debug for RedisWebhookDedup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisWebhookDedup")
            .field("prefix", &self.redis.prefix())
            .finish_non_exhaustive()
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis())
        .unwrap_or(u64::MAX)
        .max(1)
}

impl RedisWebhookDedup {
    /// How long a claim lasts unless marked delivered or released: longer
    /// than delivering one event takes, so that it lapses only when its
    /// holder died.
    pub const DEFAULT_CLAIM_LEASE: Duration = Duration::from_secs(30);

    /// How long a delivered event is remembered: 24 hours, longer than
    /// HubSpot goes on retrying a webhook.
    pub const DEFAULT_DELIVERED_TTL: Duration = Duration::from_secs(24 * 60 * 60);

    /// How long [`claim`](WebhookDedup::claim) waits for a claim another
    /// replica holds.
    pub const DEFAULT_WAIT: Duration = Duration::from_secs(5);

    /// De-duplication on `redis`, with the default durations.
    pub fn new(redis: Redis) -> RedisWebhookDedup {
        RedisWebhookDedup {
            redis,
            lease: RedisWebhookDedup::DEFAULT_CLAIM_LEASE,
            delivered_ttl: RedisWebhookDedup::DEFAULT_DELIVERED_TTL,
            wait: RedisWebhookDedup::DEFAULT_WAIT,
        }
    }

    /// Sets how long a claim lasts unless marked delivered or released.
    pub fn with_claim_lease(mut self, lease: Duration) -> RedisWebhookDedup {
        self.lease = lease;
        self
    }

    /// Sets how long a delivered event is remembered.
    pub fn with_delivered_ttl(mut self, ttl: Duration) -> RedisWebhookDedup {
        self.delivered_ttl = ttl;
        self
    }

    /// Sets how long a claim waits for another replica's.
    pub fn with_wait(mut self, wait: Duration) -> RedisWebhookDedup {
        self.wait = wait;
        self
    }

    /// The Redis connection.
    pub fn redis(&self) -> &Redis {
        &self.redis
    }

    fn guard(&self, key: String, value: String) -> DeliveryGuard {
        let (redis, ttl) = (self.redis.clone(), millis(self.delivered_ttl));
        let (release_redis, release_key, release_value) =
            (self.redis.clone(), key.clone(), value.clone());
        DeliveryGuard::new(
            move || {
                Box::pin(async move {
                    let mut connection = redis.connection();
                    let answer: String = MARK_DELIVERED
                        .key(key)
                        .arg(value)
                        .arg(ttl)
                        .invoke_async(&mut connection)
                        .await
                        .map_err(|error| from_redis("webhook de-duplication", &error))?;
                    if answer == DELIVERED {
                        Ok(())
                    } else {
                        Err(SharedStateError::new(
                            SharedStateErrorKind::Timeout,
                            "webhook de-duplication",
                            "the claim's lease ran out before the delivery was marked, and \
                             another replica claimed the webhook",
                        ))
                    }
                })
            },
            move || {
                Box::pin(async move {
                    let mut connection = release_redis.connection();
                    RELEASE_IF_OURS
                        .key(release_key)
                        .arg(release_value)
                        .invoke_async::<i64>(&mut connection)
                        .await
                        .map(drop)
                        .map_err(|error| from_redis("webhook de-duplication", &error))
                })
            },
        )
    }
}

impl WebhookDedup for RedisWebhookDedup {
    fn claim<'a>(&'a self, id: &'a str) -> DedupFuture<'a, Claim> {
        Box::pin(async move {
            let key = self.redis.key("webhook", id);
            let value = crate::random::uuid_v4();
            let mut connection = self.redis.connection();
            let deadline = Instant::now() + self.wait;
            loop {
                let answer: String = CLAIM
                    .key(&key)
                    .arg(&value)
                    .arg(millis(self.lease))
                    .invoke_async(&mut connection)
                    .await
                    .map_err(|error| from_redis("webhook de-duplication", &error))?;
                match answer.as_str() {
                    "claimed" => return Ok(Claim::Deliver(self.guard(key, value))),
                    DELIVERED => return Ok(Claim::AlreadyDelivered),
                    "held" => {}
                    _ => {
                        return Err(SharedStateError::new(
                            SharedStateErrorKind::BadData,
                            "webhook de-duplication",
                            "the claim script answered something unexpected",
                        ));
                    }
                }
                let pause = poll_pause();
                if Instant::now() + pause > deadline {
                    return Err(held_too_long());
                }
                tokio::time::sleep(pause).await;
            }
        })
    }
}
