//! The shared rate limiter: every budget of a client (each OAuth account's,
//! the developer key's, the private app token's) counted in Redis, across
//! all the replicas that use the same Redis and key prefix
//! ([`ClientBuilder::shared_rate_limits`](crate::ClientBuilder::shared_rate_limits)).
//!
//! # The algorithm
//!
//! Each budget has one sorted set (`<prefix>:{<hub>}:rate` for an account,
//! `<prefix>:rate:{app-<id>}` for the developer key, `<prefix>:rate:{pat-<digest>}`
//! for a private app token, the digest being the first 16 hex digits of
//! the token's SHA-256, never the token). Its members are one random id per
//! request; its scores are **expiry times**, in milliseconds of Redis's own
//! `TIME`, the one clock all replicas share.
//!
//! - **Acquire** is one Lua script (`EVALSHA`, one round trip): read
//!   `TIME`; drop the expired entries (`ZREMRANGEBYSCORE key -inf now`);
//!   if the pause key is alive (a `429`), answer its `PTTL`; if the shared
//!   daily count is spent, refuse; the capacity is the configured maximum,
//!   or the maximum HubSpot's headers reported if smaller; below it,
//!   `ZADD key (now + in_flight_bound + window) member` and grant; else
//!   answer how long until the smallest score. `in_flight_bound` is the
//!   client's per-attempt timeout plus [`Redis::RESPONSE_TIMEOUT`]: a
//!   request cannot be in flight longer, so a crashed replica's entries
//!   expire on their own.
//! - **Release** (the answer arrived) must make the entry expire one
//!   window after the release: `ZADD key XX (now + window) member`. To keep
//!   exactly one round trip per request on the fast path, releases are
//!   queued in the process and carried by the next acquire script of the
//!   same budget, as extra arguments. The script's `now` is at or after the
//!   real release, so the entry lives at least as long as it must. When no
//!   acquire comes within a few milliseconds, a background task sends the
//!   queue in a release-only run of the script, so that a replica waiting
//!   for those slots is not starved.
//!
//! **Why HubSpot never sees more than N in a window W.** HubSpot counts a
//! request when it arrives. A request's entry is alive from before it is
//! sent (the script granted it) until at least its arrival plus W: until
//! the release plus W, and the release comes after the answer, so after
//! the arrival; or, if no release is recorded, until grant plus
//! `in_flight_bound` plus W, and the request arrived within
//! `in_flight_bound` of the grant. So take any window `[t, t + W)` of
//! HubSpot's and the requests arriving in it: each one's entry is alive at
//! the last of those arrivals (it was granted before its own arrival, and
//! is alive until that arrival plus W, which is after `t + W`). They were
//! all alive at once; the script, which runs atomically and counts every
//! live entry before adding one, never lets more than N be alive; hence at
//! most N arrivals in any window.
//!
//! A counter per fixed or sliding window, or GCRA (a token bucket), counts
//! *grants*, not the time a request can still arrive: N requests granted
//! at the end of one window and N more at the start of the next are
//! allowed, and since each may arrive any time in its flight, up to 2N can
//! arrive within one window of HubSpot's (a sliding counter's estimate of
//! the previous window's share is only an estimate; GCRA at rate N/W with
//! burst N admits a full burst, then N more spread across the next window).
//! Holding each slot until the answer plus a window closes that gap.
//!
//! # Pauses, learned limits, daily budget
//!
//! - A `429` sets `<budget>:pause` (`SET key 1 PX wait`, keeping a longer
//!   pause already set): every replica's next acquire sees it and waits.
//!   This replica also pauses at once, without asking Redis.
//! - `X-HubSpot-RateLimit-Max` (scaled from `-Interval-Milliseconds` to the
//!   client's window, as the in-process limiter does) is written to
//!   `<budget>:max`, for an hour, only when it differs from the last value
//!   this process wrote or the acquire script read: the fast path stays at
//!   one round trip. The capacity is the smaller of it and the configured
//!   maximum.
//! - When answers carry `X-HubSpot-RateLimit-Daily-Remaining`, the budget
//!   keeps a shared count of what is left today (`<prefix>:{<hub>}:daily`
//!   for an account), which expires at the next midnight UTC (of Redis's
//!   clock). The acquire script decrements it; at 0, acquiring fails at
//!   once with [`Error::RateLimited`] (policy `DAILY`, status 429, no
//!   correlation id) and nothing is sent. HubSpot resets the daily limit
//!   at midnight in the account's time zone, not UTC, so the count's
//!   expiry is an approximation: each answer re-syncs the count (the
//!   header is written whenever it is lower than the count, or the count
//!   is missing), and a count that expires early is written again by the
//!   next answer. A spent count that outlives HubSpot's reset holds the
//!   budget's requests until midnight UTC.
//!
//! Every key of a budget carries the budget's hash tag, so each script
//! touches one Redis Cluster slot.
//!
//! # When Redis fails
//!
//! [`OnRedisFailure::Wait`] (the default): the script is retried with
//! backoff while the connection reconnects, up to `max_wait` and the
//! request's deadline; then the request fails with
//! [`Error::SharedState`]. Nothing is sent without Redis's grant.
//!
//! [`OnRedisFailure::FallBack`]: the budget switches to an in-process
//! limiter holding `max / replicas` (at least 1). Requests Redis granted
//! before the failure may still arrive at HubSpot until `failure +
//! in_flight_bound` and count until a window later, and this replica
//! cannot see the other replicas' ones; so the fallback limiter first
//! stays paused until `failure + in_flight_bound + window`, when every
//! Redis-granted request has left every window a fallback request can
//! arrive in. From then on each replica sends at most `max / replicas`
//! per window, `max` in all. When Redis answers again (a probe every
//! quarter second), Redis knows nothing of the fallback requests, which
//! count until their answer plus a window: for `in_flight_bound + window +
//! reconnect grace` (the grace covers the other replicas noticing later),
//! the budget runs in both modes, each request taking a fallback slot
//! *and* a Redis slot, so the fallback bound still holds while the Redis
//! count fills up with every replica's requests; then Redis alone. This
//! assumes every replica loses Redis; a replica cut off alone adds its
//! `max / replicas` to the others' `max`.
//!
//! It reconnects on its own (the [`Redis`] handle's connection manager)
//! and never panics.

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, Weak};
use std::time::Duration;

use redis::Script;
use redis::aio::ConnectionManager;
use sha2::{Digest, Sha256};
use tokio::sync::Notify;
use tokio::time::Instant;

use super::{Redis, from_redis};
use crate::rate_limit::{BudgetId, Limiter, later};
use crate::shared::{SharedStateError, SharedStateErrorKind};
use crate::{ApiError, Error, RateLimit, RateLimitError, RateLimitHeaders};

/// Counts a client's request budgets in Redis, across replicas; give it to
/// [`ClientBuilder::shared_rate_limits`](crate::ClientBuilder::shared_rate_limits).
/// See the [module docs](crate::redis::limiter) for the algorithm and its guarantee.
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use std::time::Duration;
/// use hubspot_runtime::redis::{OnRedisFailure, Redis, SharedRateLimits};
///
/// let redis = Redis::connect("redis://127.0.0.1:6379/").await?;
/// let limits = SharedRateLimits::new(redis)
///     .on_failure(OnRedisFailure::Wait { max_wait: Duration::from_secs(1) });
/// assert_eq!(limits.failure_policy(), OnRedisFailure::Wait { max_wait: Duration::from_secs(1) });
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct SharedRateLimits {
    redis: Redis,
    on_failure: OnRedisFailure,
}

impl SharedRateLimits {
    /// Budgets counted in `redis`, under its key prefix, waiting for Redis
    /// when it fails ([`OnRedisFailure::default`]).
    pub fn new(redis: Redis) -> SharedRateLimits {
        SharedRateLimits {
            redis,
            on_failure: OnRedisFailure::default(),
        }
    }

    /// What to do while Redis cannot be used.
    pub fn on_failure(mut self, policy: OnRedisFailure) -> SharedRateLimits {
        self.on_failure = policy;
        self
    }

    /// The policy [`on_failure`](SharedRateLimits::on_failure) set.
    pub fn failure_policy(&self) -> OnRedisFailure {
        self.on_failure
    }
}

/// What a shared budget does while Redis cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OnRedisFailure {
    /// The default (`max_wait` 2 s): wait for Redis (reconnecting) up to
    /// `max_wait` and the request's deadline, then fail with
    /// [`Error::SharedState`]. Nothing is sent without Redis.
    Wait {
        /// The longest one request waits for Redis to come back.
        max_wait: Duration,
    },
    /// Go on with an in-process limiter holding the budget divided by
    /// `replicas` (rounded down, at least 1), after a pause that lets the
    /// requests Redis granted leave HubSpot's window; see the
    /// [module docs](crate::redis::limiter).
    FallBack {
        /// How many replicas share the budget.
        replicas: u32,
    },
}

impl OnRedisFailure {
    /// [`Wait`](OnRedisFailure::Wait)'s default `max_wait`.
    pub const DEFAULT_MAX_WAIT: Duration = Duration::from_secs(2);
}

impl Default for OnRedisFailure {
    fn default() -> OnRedisFailure {
        OnRedisFailure::Wait {
            max_wait: OnRedisFailure::DEFAULT_MAX_WAIT,
        }
    }
}

/// How long an unflushed release waits for the next acquire to carry it.
const FLUSH_DELAY: Duration = Duration::from_millis(5);
/// How often a budget in fallback asks whether Redis is back.
const PROBE_INTERVAL: Duration = Duration::from_millis(250);
/// How much later than this replica the others may notice Redis is back.
const RECONNECT_GRACE: Duration = Duration::from_secs(1);
/// How long a learned maximum lives in Redis.
const LEARNED_TTL: Duration = Duration::from_secs(3600);
/// The most releases kept for a Redis that does not answer (their entries
/// expire on their own anyway).
const MAX_PENDING: usize = 10_000;

/// KEYS: set, pause, learned max, daily. ARGV: configured max, window ms,
/// in-flight bound ms, member to add (`""`: release only), released
/// members. Answers `{status, value, learned}`: status 1 granted (value:
/// daily count left, -1 without one), 0 wait (value: ms), 2 daily spent
/// (value: ms until the count expires), 3 released only.
const ACQUIRE_LUA: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
local bound = tonumber(ARGV[3])
for i = 5, #ARGV do
  redis.call('ZADD', KEYS[1], 'XX', now + window, ARGV[i])
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if #ARGV >= 5 then redis.call('PEXPIRE', KEYS[1], bound + window + 1000) end
if ARGV[4] == '' then return {3, 0, 0} end
local learned = tonumber(redis.call('GET', KEYS[3]) or '-1') or -1
local pause = redis.call('PTTL', KEYS[2])
if pause > 0 then return {0, pause, learned} end
local daily = redis.call('GET', KEYS[4])
if daily and (tonumber(daily) or 0) <= 0 then
  return {2, redis.call('PTTL', KEYS[4]), learned}
end
local cap = tonumber(ARGV[1])
if learned > 0 and learned < cap then cap = learned end
if redis.call('ZCARD', KEYS[1]) < cap then
  redis.call('ZADD', KEYS[1], now + bound + window, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], bound + window + 1000)
  local left = -1
  if daily then left = redis.call('DECR', KEYS[4]) end
  return {1, left, learned}
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.max(1, tonumber(first[2]) - now), learned}
";

/// KEYS: pause. ARGV: ms. Keeps a longer pause already set.
const PAUSE_LUA: &str = r"
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 1
";

/// KEYS: daily. ARGV: remaining. Writes it when lower than the count (or
/// the count is missing), expiring at the next midnight UTC.
const DAILY_LUA: &str = r"
local cur = redis.call('GET', KEYS[1])
if (not cur) or (tonumber(cur) or 0) > tonumber(ARGV[1]) then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local day = 86400000
  redis.call('SET', KEYS[1], ARGV[1], 'PX', day - now % day)
  return tonumber(ARGV[1])
end
return tonumber(cur)
";

static ACQUIRE: LazyLock<Script> = LazyLock::new(|| Script::new(ACQUIRE_LUA));
static PAUSE: LazyLock<Script> = LazyLock::new(|| Script::new(PAUSE_LUA));
static DAILY: LazyLock<Script> = LazyLock::new(|| Script::new(DAILY_LUA));

/// Where a budget's slots are counted now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Redis,
    /// Redis failed: the fallback limiter alone.
    Fallback,
    /// Redis is back: a fallback slot and a Redis slot, until then.
    Both {
        until: Instant,
    },
}

/// A budget's keys, all with the budget's hash tag.
struct Keys {
    set: String,
    pause: String,
    max: String,
    daily: String,
}

/// The part of a [`Limiter`] that lives in Redis.
pub(crate) struct SharedBudget {
    connection: ConnectionManager,
    keys: Keys,
    max: u32,
    window: Duration,
    in_flight_bound: Duration,
    policy: OnRedisFailure,
    /// Random per budget and process: members never collide.
    member_prefix: String,
    next_member: AtomicU64,
    /// Released members not yet told to Redis.
    pending: Mutex<Vec<u64>>,
    wake_flusher: Arc<Notify>,
    flusher_started: AtomicBool,
    /// The learned maximum this process last wrote or read, and when.
    learned: Mutex<Option<(u32, Instant)>>,
    /// The daily count the last acquire left, or the last one written.
    daily: Mutex<Option<i64>>,
    mode: Mutex<Mode>,
    /// The in-process limiter of [`OnRedisFailure::FallBack`].
    fallback: Option<Limiter>,
    probing: AtomicBool,
    this: Weak<SharedBudget>,
}

/// A request's hold on a shared budget: its member in Redis and its slot
/// in the fallback limiter, either or both.
pub(crate) struct SharedSlot {
    member: Option<u64>,
    fallback: Option<u64>,
}

/// What [`SharedBudget::grant`] decided.
pub(crate) enum Grant {
    Granted(SharedSlot),
    /// Ask again then (or when a local request finishes).
    Wait(Instant),
}

impl fmt::Debug for SharedBudget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedBudget")
            .field("key", &self.keys.set)
            .field("max", &self.max)
            .field("window", &self.window)
            .finish_non_exhaustive()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// The first 16 hex digits of the token's SHA-256: a key that names the
/// token's budget without revealing it.
pub(crate) fn token_digest(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn keys(redis: &Redis, id: &BudgetId<'_>) -> Keys {
    match id {
        BudgetId::Account(hub_id) => Keys {
            set: redis.account_key(*hub_id, "rate"),
            pause: redis.account_key(*hub_id, "rate:pause"),
            max: redis.account_key(*hub_id, "rate:max"),
            daily: redis.account_key(*hub_id, "daily"),
        },
        BudgetId::App(_) | BudgetId::Token(_) => {
            let tag = match id {
                BudgetId::App(app_id) => format!("app-{app_id}"),
                BudgetId::Token(token) => format!("pat-{}", token_digest(token)),
                BudgetId::Account(_) => unreachable!("matched above"),
            };
            let set = redis.key("rate", &tag);
            Keys {
                pause: format!("{set}:pause"),
                max: format!("{set}:max"),
                daily: format!("{set}:daily"),
                set,
            }
        }
    }
}

/// Spawns `work` on the current Tokio runtime, if there is one (a
/// permit dropped outside any runtime releases nothing early: its entry
/// expires on its own).
fn spawn(work: impl Future<Output = ()> + Send + 'static) {
    if let Ok(handle) = tokio::runtime::Handle::try_current() {
        handle.spawn(work);
    }
}

impl SharedBudget {
    pub(crate) fn new(
        limits: &SharedRateLimits,
        id: &BudgetId<'_>,
        max: u32,
        window: Duration,
        in_flight_bound: Duration,
    ) -> Arc<SharedBudget> {
        let fallback = match limits.on_failure {
            OnRedisFailure::FallBack { replicas } => {
                let share = (max / replicas.max(1)).max(1);
                Some(Limiter::new(RateLimit::custom(share, window), 1))
            }
            OnRedisFailure::Wait { .. } => None,
        };
        Arc::new_cyclic(|this| SharedBudget {
            connection: limits.redis.connection(),
            keys: keys(&limits.redis, id),
            max,
            window,
            in_flight_bound,
            policy: limits.on_failure,
            member_prefix: format!("{:016x}", crate::random::random_u64()),
            next_member: AtomicU64::new(0),
            pending: Mutex::new(Vec::new()),
            wake_flusher: Arc::new(Notify::new()),
            flusher_started: AtomicBool::new(false),
            learned: Mutex::new(None),
            daily: Mutex::new(None),
            mode: Mutex::new(Mode::Redis),
            fallback,
            probing: AtomicBool::new(false),
            this: this.clone(),
        })
    }

    fn member(&self, id: u64) -> String {
        format!("{}-{id}", self.member_prefix)
    }

    /// How long a waiter sleeps at most before asking Redis again: other
    /// replicas' releases wake no one here.
    fn poll(&self) -> Duration {
        (self.window / 20).clamp(Duration::from_millis(5), Duration::from_millis(250))
    }

    fn mode(&self) -> Mode {
        let mut mode = lock(&self.mode);
        if let Mode::Both { until } = *mode
            && Instant::now() >= until
        {
            *mode = Mode::Redis;
            tracing::info!(key = %self.keys.set, "shared rate limit: back to Redis alone");
        }
        *mode
    }

    /// A slot now, or when to ask again.
    ///
    /// # Errors
    ///
    /// [`Error::SharedState`] when Redis cannot be used under
    /// [`OnRedisFailure::Wait`]; [`Error::RateLimited`] when the daily
    /// budget is spent.
    pub(crate) async fn grant(&self, deadline: Instant) -> Result<Grant, Error> {
        let now = Instant::now();
        match self.mode() {
            Mode::Redis => match self.acquire_in_redis(deadline).await {
                Ok(grant) => Ok(grant),
                Err(Failure::Final(error)) => Err(error),
                Err(Failure::Redis(error)) => {
                    if self.fallback.is_some() {
                        self.fall_back(&error);
                        Ok(Grant::Wait(now))
                    } else {
                        Err(Error::SharedState(Box::new(error)))
                    }
                }
            },
            Mode::Fallback => {
                self.probe();
                let Some(fallback) = &self.fallback else {
                    return Ok(Grant::Wait(now));
                };
                Ok(match fallback.take_slot() {
                    Ok(slot) => Grant::Granted(SharedSlot {
                        member: None,
                        fallback: slot,
                    }),
                    Err(at) => Grant::Wait(self.wake_at(at)),
                })
            }
            Mode::Both { .. } => {
                let Some(fallback) = &self.fallback else {
                    return Ok(Grant::Wait(now));
                };
                let local = match fallback.take_slot() {
                    Ok(slot) => slot,
                    Err(at) => return Ok(Grant::Wait(self.wake_at(at))),
                };
                let outcome = self.acquire_in_redis(deadline).await;
                if !matches!(outcome, Ok(Grant::Granted(_)))
                    && let Some(id) = local
                {
                    fallback.cancel(id);
                }
                match outcome {
                    Ok(Grant::Granted(mut slot)) => {
                        slot.fallback = local;
                        Ok(Grant::Granted(slot))
                    }
                    Ok(wait) => Ok(wait),
                    Err(Failure::Final(error)) => Err(error),
                    Err(Failure::Redis(error)) => {
                        self.fall_back(&error);
                        Ok(Grant::Wait(now))
                    }
                }
            }
        }
    }

    fn wake_at(&self, at: Option<Instant>) -> Instant {
        let poll = later(Instant::now(), self.poll());
        at.map_or(poll, |at| at.min(poll))
    }

    /// Redis failed: the fallback limiter takes over, after the pause that
    /// lets Redis's grants leave every window.
    fn fall_back(&self, error: &SharedStateError) {
        let Some(fallback) = &self.fallback else {
            return;
        };
        let now = Instant::now();
        fallback.hold_until(later(now, self.in_flight_bound.saturating_add(self.window)));
        *lock(&self.mode) = Mode::Fallback;
        tracing::warn!(
            key = %self.keys.set,
            error = %error,
            "shared rate limit: Redis failed, falling back to an in-process share"
        );
    }

    /// In fallback, asks (at most every [`PROBE_INTERVAL`], in the
    /// background) whether Redis answers again.
    fn probe(&self) {
        if self.probing.swap(true, Ordering::AcqRel) {
            return;
        }
        let Some(this) = self.this.upgrade() else {
            return;
        };
        spawn(async move {
            tokio::time::sleep(PROBE_INTERVAL).await;
            let mut connection = this.connection.clone();
            let command = redis::cmd("PING");
            let ping = command.query_async::<String>(&mut connection);
            if let Ok(Ok(_)) = tokio::time::timeout(Redis::RESPONSE_TIMEOUT, ping).await {
                let grace = this
                    .in_flight_bound
                    .saturating_add(this.window)
                    .saturating_add(RECONNECT_GRACE);
                *lock(&this.mode) = Mode::Both {
                    until: later(Instant::now(), grace),
                };
                tracing::info!(
                    key = %this.keys.set,
                    "shared rate limit: Redis is back; counting in both until every fallback request has left the window"
                );
            }
            this.probing.store(false, Ordering::Release);
        });
    }

    /// Runs the acquire script, retrying under [`OnRedisFailure::Wait`]
    /// while Redis fails, up to `max_wait` and `deadline`.
    async fn acquire_in_redis(&self, deadline: Instant) -> Result<Grant, Failure> {
        let started = Instant::now();
        let give_up = match self.policy {
            OnRedisFailure::Wait { max_wait } => later(started, max_wait).min(deadline),
            OnRedisFailure::FallBack { .. } => {
                deadline.min(later(started, Redis::RESPONSE_TIMEOUT))
            }
        };
        let mut backoff = Duration::from_millis(10);
        loop {
            let error = match tokio::time::timeout_at(give_up, self.run_acquire()).await {
                Ok(Ok(grant)) => return grant.map_err(Failure::Final),
                Ok(Err(error)) => from_redis("rate limit", &error),
                Err(_) => SharedStateError::new(
                    SharedStateErrorKind::Timeout,
                    "rate limit",
                    "no answer in time",
                ),
            };
            if matches!(self.policy, OnRedisFailure::FallBack { .. })
                || later(Instant::now(), backoff) >= give_up
            {
                return Err(Failure::Redis(error));
            }
            tracing::debug!(error = %error, "shared rate limit: Redis failed; retrying");
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(Duration::from_millis(250));
        }
    }

    /// The acquire script's call for member `id` (`None`: releases only),
    /// carrying `released`.
    fn acquire_invocation(
        &self,
        id: Option<u64>,
        released: &[u64],
    ) -> redis::ScriptInvocation<'static> {
        let mut invocation = ACQUIRE.prepare_invoke();
        invocation
            .key(&self.keys.set)
            .key(&self.keys.pause)
            .key(&self.keys.max)
            .key(&self.keys.daily)
            .arg(self.max)
            .arg(millis(self.window))
            .arg(millis(self.in_flight_bound))
            .arg(id.map_or_else(String::new, |id| self.member(id)));
        for released in released {
            invocation.arg(self.member(*released));
        }
        invocation
    }

    /// One run of the acquire script, carrying the queued releases.
    async fn run_acquire(&self) -> Result<Result<Grant, Error>, redis::RedisError> {
        let released = std::mem::take(&mut *lock(&self.pending));
        let id = self.next_member.fetch_add(1, Ordering::Relaxed);
        let invocation = self.acquire_invocation(Some(id), &released);
        let mut connection = self.connection.clone();
        let answer: Result<(i64, i64, i64), _> = invocation.invoke_async(&mut connection).await;
        let (status, value, learned) = match answer {
            Ok(answer) => answer,
            Err(error) => {
                self.requeue(released);
                return Err(error);
            }
        };
        let now = Instant::now();
        *lock(&self.learned) = u32::try_from(learned)
            .ok()
            .filter(|&learned| learned > 0)
            .map(|learned| (learned, now));
        let wait = |ms: i64| later(now, Duration::from_millis(u64::try_from(ms).unwrap_or(1)));
        Ok(match status {
            1 => {
                *lock(&self.daily) = (value >= 0).then_some(value);
                Ok(Grant::Granted(SharedSlot {
                    member: Some(id),
                    fallback: None,
                }))
            }
            2 => {
                *lock(&self.daily) = Some(0);
                Err(daily_spent(u64::try_from(value).ok()))
            }
            _ => Ok(Grant::Wait(wait(value).min(later(now, self.poll())))),
        })
    }

    fn requeue(&self, released: Vec<u64>) {
        if released.is_empty() {
            return;
        }
        let mut pending = lock(&self.pending);
        if pending.len() < MAX_PENDING {
            pending.extend(released);
        }
    }

    /// The request holding `slot` got its answer.
    pub(crate) fn release(&self, slot: SharedSlot) {
        if let (Some(id), Some(fallback)) = (slot.fallback, &self.fallback) {
            fallback.finish(id);
        }
        let Some(member) = slot.member else {
            return;
        };
        lock(&self.pending).push(member);
        if !self.flusher_started.swap(true, Ordering::AcqRel) {
            let this = self.this.clone();
            let wake = Arc::clone(&self.wake_flusher);
            spawn(flush_loop(this, wake));
        }
        self.wake_flusher.notify_one();
    }

    /// Sends the queued releases; `false` when Redis failed.
    async fn flush(&self) -> bool {
        let released = std::mem::take(&mut *lock(&self.pending));
        if released.is_empty() {
            return true;
        }
        let invocation = self.acquire_invocation(None, &released);
        let mut connection = self.connection.clone();
        let run = invocation.invoke_async::<(i64, i64, i64)>(&mut connection);
        match tokio::time::timeout(Redis::RESPONSE_TIMEOUT, run).await {
            Ok(Ok(_)) => true,
            _ => {
                self.requeue(released);
                false
            }
        }
    }

    /// HubSpot answered `429`: every replica pauses for `wait`.
    pub(crate) fn pause(&self, wait: Duration) {
        let mut connection = self.connection.clone();
        let key = self.keys.pause.clone();
        let ms = millis(wait).max(1);
        spawn(async move {
            let mut invocation = PAUSE.key(key);
            let run = invocation.arg(ms).invoke_async::<i64>(&mut connection);
            match tokio::time::timeout(Redis::RESPONSE_TIMEOUT, run).await {
                Ok(Ok(_)) => {}
                Ok(Err(error)) => tracing::warn!(
                    error = %from_redis("rate limit", &error),
                    "shared rate limit: could not share a 429 pause"
                ),
                Err(_) => tracing::warn!("shared rate limit: could not share a 429 pause in time"),
            }
        });
    }

    /// Learns from an answer's headers: a smaller maximum, a daily count.
    /// Writes only what this process does not already know to be there.
    pub(crate) fn observe(&self, limits: &RateLimitHeaders) {
        let now = Instant::now();
        if let (Some(max), Some(interval)) = (limits.max, limits.interval_milliseconds)
            && interval > 0
        {
            let scaled = u128::from(max) * self.window.as_millis() / u128::from(interval);
            let scaled = u32::try_from(scaled).unwrap_or(u32::MAX).max(1);
            let mut learned = lock(&self.learned);
            let known = learned.is_some_and(|(value, at)| {
                value == scaled && now.duration_since(at) < LEARNED_TTL / 2
            });
            if !known {
                *learned = Some((scaled, now));
                drop(learned);
                let mut connection = self.connection.clone();
                let key = self.keys.max.clone();
                spawn(async move {
                    let mut command = redis::cmd("SET");
                    command
                        .arg(key)
                        .arg(scaled)
                        .arg("PX")
                        .arg(millis(LEARNED_TTL));
                    let set = command.query_async::<()>(&mut connection);
                    let _ = tokio::time::timeout(Redis::RESPONSE_TIMEOUT, set).await;
                });
            }
        }
        if let Some(remaining) = limits.daily_remaining {
            let remaining = i64::from(remaining);
            let mut daily = lock(&self.daily);
            if daily.is_none_or(|known| remaining < known) {
                *daily = Some(remaining);
                drop(daily);
                let mut connection = self.connection.clone();
                let key = self.keys.daily.clone();
                spawn(async move {
                    let mut invocation = DAILY.key(key);
                    let run = invocation
                        .arg(remaining)
                        .invoke_async::<i64>(&mut connection);
                    let _ = tokio::time::timeout(Redis::RESPONSE_TIMEOUT, run).await;
                });
            }
        }
    }
}

/// Why [`SharedBudget::acquire_in_redis`] gave up.
enum Failure {
    /// Redis could not be used.
    Redis(SharedStateError),
    /// Redis answered: the request must fail (the daily budget is spent).
    Final(Error),
}

/// Sends the queued releases a few milliseconds after one is queued,
/// unless an acquire carried them first; retries while Redis fails. Ends
/// with the budget.
async fn flush_loop(budget: Weak<SharedBudget>, wake: Arc<Notify>) {
    loop {
        if tokio::time::timeout(Duration::from_secs(5), wake.notified())
            .await
            .is_err()
        {
            if budget.strong_count() == 0 {
                return;
            }
            continue;
        }
        loop {
            tokio::time::sleep(FLUSH_DELAY).await;
            let Some(budget) = budget.upgrade() else {
                return;
            };
            if budget.flush().await {
                break;
            }
            drop(budget);
            tokio::time::sleep(PROBE_INTERVAL).await;
        }
    }
}

/// The shared daily count is spent: the request is refused before it is
/// sent, as HubSpot would refuse it.
fn daily_spent(expires_in_ms: Option<u64>) -> Error {
    let body = br#"{"status":"error","message":"the shared daily budget is spent (X-HubSpot-RateLimit-Daily-Remaining reached 0); nothing was sent","category":"RATE_LIMITS","policyName":"DAILY"}"#;
    Error::RateLimited(Box::new(RateLimitError {
        retry_after: expires_in_ms.map(Duration::from_millis),
        policy_name: Some("DAILY".to_owned()),
        limits: RateLimitHeaders::default(),
        error: ApiError::parse(429, body),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The test Redis, with a fresh prefix; `None` (skipped) outside CI.
    async fn test_redis() -> Option<Redis> {
        let Ok(url) = std::env::var("HUBSPOT_TEST_REDIS_URL") else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must provide Redis: set HUBSPOT_TEST_REDIS_URL"
            );
            eprintln!("skipped: HUBSPOT_TEST_REDIS_URL is not set");
            return None;
        };
        let prefix = format!("unit-{:016x}", crate::random::random_u64());
        Some(
            Redis::connect(&url)
                .await
                .unwrap()
                .with_prefix(&prefix)
                .unwrap(),
        )
    }

    async fn score(redis: &Redis, key: &str, member: &str) -> Option<i64> {
        let mut connection = redis.connection();
        let mut command = redis::cmd("ZSCORE");
        command.arg(key).arg(member);
        command.query_async(&mut connection).await.unwrap()
    }

    async fn redis_now(redis: &Redis) -> i64 {
        let mut connection = redis.connection();
        let (seconds, micros): (i64, i64) = redis::cmd("TIME")
            .query_async(&mut connection)
            .await
            .unwrap();
        seconds * 1000 + micros / 1000
    }

    #[tokio::test]
    async fn a_slot_expires_after_the_in_flight_bound_until_released_then_a_window_after() {
        let Some(redis) = test_redis().await else {
            return;
        };
        let limits = SharedRateLimits::new(redis.clone());
        let window = Duration::from_secs(10);
        let bound = Duration::from_secs(30);
        let budget = SharedBudget::new(&limits, &BudgetId::Account(101), 2, window, bound);
        assert_eq!(budget.keys.set, format!("{}:{{101}}:rate", redis.prefix()));
        let deadline = later(Instant::now(), Duration::from_secs(5));
        let Ok(Grant::Granted(first)) = budget.grant(deadline).await else {
            panic!("a first slot");
        };
        let member = budget.member(first.member.unwrap());
        let held = score(&redis, &budget.keys.set, &member).await.unwrap();
        let now = redis_now(&redis).await;
        assert!((held - (now + 40_000)).abs() < 1_000, "{held} vs {now}");
        let Ok(Grant::Granted(_second)) = budget.grant(deadline).await else {
            panic!("a second slot");
        };
        // Full: the third waits.
        assert!(matches!(budget.grant(deadline).await, Ok(Grant::Wait(_))));
        // A release rides on the next acquire: a window from now.
        budget.release(first);
        let _ = budget.grant(deadline).await;
        let released = score(&redis, &budget.keys.set, &member).await.unwrap();
        let now = redis_now(&redis).await;
        assert!(
            (released - (now + 10_000)).abs() < 1_000,
            "{released} vs {now}"
        );
    }

    #[tokio::test]
    async fn a_release_alone_is_flushed_in_the_background() {
        let Some(redis) = test_redis().await else {
            return;
        };
        let limits = SharedRateLimits::new(redis.clone());
        let budget = SharedBudget::new(
            &limits,
            &BudgetId::Token("pat-na1-secret"),
            5,
            Duration::from_secs(10),
            Duration::from_secs(30),
        );
        assert!(!budget.keys.set.contains("secret"));
        let deadline = later(Instant::now(), Duration::from_secs(5));
        let Ok(Grant::Granted(slot)) = budget.grant(deadline).await else {
            panic!("a slot");
        };
        let member = budget.member(slot.member.unwrap());
        budget.release(slot);
        tokio::time::sleep(Duration::from_millis(200)).await;
        let released = score(&redis, &budget.keys.set, &member).await.unwrap();
        let now = redis_now(&redis).await;
        assert!(
            (released - (now + 10_000)).abs() < 1_000,
            "{released} vs {now}"
        );
    }

    #[test]
    fn keys_carry_the_budgets_hash_tag_and_never_the_token() {
        let digest = token_digest("pat-na1-secret");
        assert_eq!(digest.len(), 16);
        assert!(!digest.contains("secret"));
        assert_eq!(
            OnRedisFailure::default(),
            OnRedisFailure::Wait {
                max_wait: Duration::from_secs(2)
            }
        );
        let error = daily_spent(Some(1000));
        assert!(error.to_string().contains("DAILY"), "{error}");
        assert_eq!(error.retry_after(), Some(Duration::from_secs(1)));
    }
}
