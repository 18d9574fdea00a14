//! The client-side rate limiter: a rolling-window request budget and a
//! bound on concurrent requests, shared by all clones of a
//! [`Client`](crate::Client).
//!
//! Each request takes a slot in the window when it is sent and keeps it
//! until its answer (or its failure) arrives, plus one window. HubSpot
//! counts a request when it arrives, which is between those two instants;
//! so if the limiter never holds more slots than the limit, HubSpot never
//! counts more requests than the limit in any window of its own.

#[cfg(feature = "redis")]
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::{Notify, Semaphore, SemaphorePermit};
use tokio::time::Instant;

use crate::{Error, RateLimitHeaders};

/// HubSpot's burst-limit window: ten seconds, rolling.
pub(crate) const HUBSPOT_WINDOW: Duration = Duration::from_secs(10);

/// The longest a `429` pauses every clone: a `Retry-After` beyond it (a
/// daily limit's, or a broken proxy's) is left to the request that got it.
pub(crate) const MAX_PAUSE: Duration = Duration::from_secs(60);

/// `at + duration`, or a century later when that overflows (a custom window
/// of `Duration::MAX`, say), so that no configuration or header can panic.
pub(crate) fn later(at: Instant, duration: Duration) -> Instant {
    at.checked_add(duration)
        .or_else(|| at.checked_add(Duration::from_secs(100 * 365 * 24 * 3600)))
        .unwrap_or(at)
}

/// How many requests the [`Client`](crate::Client) lets start per rolling
/// window: one of HubSpot's published per-app burst limits, a custom
/// budget, or none.
///
/// HubSpot's limits (per app, per rolling 10 seconds): 100 on Free and
/// Starter, 190 on Professional and Enterprise, 250 with the API limit
/// increase. The default is the lowest, so a client never hits `429` for
/// lack of configuration; pick your account's tier to go faster. The
/// limiter also tightens on its own when HubSpot's
/// `X-HubSpot-RateLimit-*` headers report a smaller limit, or less budget
/// left than this client alone accounts for (another process using the same
/// app), and pauses every clone when HubSpot answers `429`.
///
/// ```
/// use std::time::Duration;
/// use hubspot_runtime::{Client, RateLimit};
///
/// assert_eq!(RateLimit::default(), RateLimit::FreeOrStarter);
/// assert_eq!(RateLimit::Professional.budget(), Some((190, Duration::from_secs(10))));
/// let custom = RateLimit::custom(50, Duration::from_secs(10));
/// assert_eq!(custom.budget(), Some((50, Duration::from_secs(10))));
///
/// let client = Client::builder()
///     .token("pat-na1-0123456789")
///     .rate_limit(RateLimit::Enterprise)
///     .build()?;
/// assert_eq!(client.rate_limit(), RateLimit::Enterprise);
/// # Ok::<(), hubspot_runtime::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RateLimit {
    /// Free and Starter accounts: 100 requests per 10 seconds. The default:
    /// HubSpot's lowest published app limit.
    #[default]
    FreeOrStarter,
    /// Professional accounts: 190 requests per 10 seconds.
    Professional,
    /// Enterprise accounts: 190 requests per 10 seconds.
    Enterprise,
    /// Accounts with HubSpot's API limit increase: 250 requests per 10
    /// seconds.
    ApiLimitIncrease,
    /// A public (OAuth) app, in each account that installed it: 110
    /// requests per 10 seconds per account. The default budget of each
    /// account handle ([`ClientBuilder::account_rate_limit`](crate::ClientBuilder::account_rate_limit)).
    PublicApp,
    /// Your own budget, e.g. to leave room for another integration using the
    /// same app, or to scale time down in tests.
    Custom {
        /// Requests allowed per window; `0` counts as `1`.
        max_requests: u32,
        /// The rolling window's length.
        window: Duration,
    },
    /// No client-side budget: only HubSpot's `429`s slow the client down.
    Unlimited,
}

impl RateLimit {
    /// `max_requests` per rolling `window`.
    pub const fn custom(max_requests: u32, window: Duration) -> RateLimit {
        RateLimit::Custom {
            max_requests,
            window,
        }
    }

    /// Requests allowed per window and the window's length; `None` for
    /// [`Unlimited`](RateLimit::Unlimited).
    pub const fn budget(&self) -> Option<(u32, Duration)> {
        match *self {
            RateLimit::FreeOrStarter => Some((100, HUBSPOT_WINDOW)),
            RateLimit::Professional | RateLimit::Enterprise => Some((190, HUBSPOT_WINDOW)),
            RateLimit::ApiLimitIncrease => Some((250, HUBSPOT_WINDOW)),
            RateLimit::PublicApp => Some((110, HUBSPOT_WINDOW)),
            RateLimit::Custom {
                max_requests,
                window,
            } => Some((if max_requests == 0 { 1 } else { max_requests }, window)),
            RateLimit::Unlimited => None,
        }
    }
}

/// The limiter behind a client and its clones.
pub(crate) struct Limiter {
    budget: Option<(u32, Duration)>,
    concurrency: Semaphore,
    max_concurrent: usize,
    state: Mutex<State>,
    /// Woken whenever a slot is released.
    released: Notify,
    /// Whether a `429` pause may be in force: set by [`Limiter::pause`],
    /// cleared once the slow path sees the pause over. While it is clear, an
    /// unlimited client takes only a concurrency permit, without the lock.
    pausing: AtomicBool,
    /// The budget's shared counterpart in Redis, when the client has
    /// [`SharedRateLimits`](crate::redis::SharedRateLimits): then every slot
    /// is taken there, and this limiter keeps the concurrency bound and the
    /// local pause only.
    #[cfg(feature = "redis")]
    shared: Option<Arc<crate::redis::limiter::SharedBudget>>,
}

/// Whose budget a limiter counts: it names the budget's keys in Redis.
#[cfg_attr(not(feature = "redis"), allow(dead_code))]
pub(crate) enum BudgetId<'a> {
    /// An OAuth account's.
    Account(u64),
    /// The developer key's, per app id.
    App(u64),
    /// A private app token's (its keys carry a digest, never the token).
    Token(&'a str),
}

/// What the client shares its budgets through, if anything.
#[derive(Clone, Default)]
pub(crate) struct Sharing {
    #[cfg(feature = "redis")]
    pub(crate) limits: Option<crate::redis::SharedRateLimits>,
    /// The longest a request can be in flight (the per-attempt timeout).
    #[cfg(feature = "redis")]
    pub(crate) in_flight_bound: Duration,
}

#[derive(Default)]
struct State {
    /// Slots in the window: in flight (`None`) or finished at an instant.
    slots: Vec<(u64, Option<Instant>)>,
    next_id: u64,
    /// No request starts before this (after a `429`).
    paused_until: Option<Instant>,
    /// The server's limit scaled to our window, when it reported one.
    server_max: Option<u32>,
    /// Requests HubSpot counted that this client did not send, and until
    /// when to keep room for them.
    foreign: Option<(u32, Instant)>,
}

impl State {
    fn prune(&mut self, now: Instant, window: Duration) {
        self.slots
            .retain(|(_, finished)| finished.is_none_or(|at| later(at, window) > now));
        if self.foreign.is_some_and(|(_, until)| until <= now) {
            self.foreign = None;
        }
        if self.paused_until.is_some_and(|until| until <= now) {
            self.paused_until = None;
        }
    }

    /// How many slots the window holds now.
    fn capacity(&self, max: u32) -> u32 {
        let max = self.server_max.map_or(max, |server| server.min(max));
        let foreign = self.foreign.map_or(0, |(count, _)| count);
        max.saturating_sub(foreign)
    }
}

/// What a request holds while it is in flight: a concurrency permit and,
/// unless the limit is [`RateLimit::Unlimited`], a slot in the window that
/// starts expiring when the permit is dropped.
pub(crate) struct Permit<'a> {
    limiter: &'a Limiter,
    slot: Option<u64>,
    /// The slot in Redis (and in the fallback limiter) of a shared budget.
    #[cfg(feature = "redis")]
    shared: Option<crate::redis::limiter::SharedSlot>,
    _concurrent: SemaphorePermit<'a>,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if let Some(id) = self.slot {
            self.limiter.finish(id);
        }
        #[cfg(feature = "redis")]
        if let (Some(slot), Some(shared)) = (self.shared.take(), &self.limiter.shared) {
            shared.release(slot);
            self.limiter.released.notify_waiters();
        }
    }
}

impl Limiter {
    pub(crate) fn new(limit: RateLimit, max_concurrent: usize) -> Limiter {
        Limiter {
            budget: limit.budget(),
            concurrency: Semaphore::new(max_concurrent),
            max_concurrent,
            state: Mutex::new(State::default()),
            released: Notify::new(),
            pausing: AtomicBool::new(false),
            #[cfg(feature = "redis")]
            shared: None,
        }
    }

    /// A limiter for budget `id`: in Redis when `sharing` says so (and the
    /// limit is not [`RateLimit::Unlimited`]), else in process.
    pub(crate) fn for_budget(
        limit: RateLimit,
        max_concurrent: usize,
        sharing: &Sharing,
        id: BudgetId<'_>,
    ) -> Limiter {
        #[cfg_attr(not(feature = "redis"), allow(unused_mut))]
        let mut limiter = Limiter::new(limit, max_concurrent);
        #[cfg(feature = "redis")]
        if let (Some(limits), Some((max, window))) = (&sharing.limits, limit.budget()) {
            limiter.shared = Some(crate::redis::limiter::SharedBudget::new(
                limits,
                &id,
                max,
                window,
                sharing.in_flight_bound,
            ));
        }
        #[cfg(not(feature = "redis"))]
        let _ = (sharing, id);
        limiter
    }

    /// Marks slot `id` finished now: it leaves the window one window later.
    pub(crate) fn finish(&self, id: u64) {
        let now = Instant::now();
        let mut state = self.lock();
        if let Some(slot) = state.slots.iter_mut().find(|(slot, _)| *slot == id) {
            slot.1 = Some(now);
        }
        drop(state);
        self.released.notify_waiters();
    }

    /// Gives slot `id` back unused: it never counted.
    #[cfg(feature = "redis")]
    pub(crate) fn cancel(&self, id: u64) {
        self.lock().slots.retain(|(slot, _)| *slot != id);
        self.released.notify_waiters();
    }

    /// Holds every request back until `until` (no cap): the fallback
    /// limiter's start.
    #[cfg(feature = "redis")]
    pub(crate) fn hold_until(&self, until: Instant) {
        let mut state = self.lock();
        state.paused_until = Some(state.paused_until.map_or(until, |now| now.max(until)));
        self.pausing.store(true, Ordering::Release);
    }

    /// Takes a slot of this (in-process) limiter without a concurrency
    /// permit, or says when to look again: the fallback limiter's use.
    #[cfg(feature = "redis")]
    pub(crate) fn take_slot(&self) -> Result<Option<u64>, Option<Instant>> {
        self.try_take(Instant::now())
    }

    pub(crate) fn max_concurrent(&self) -> usize {
        self.max_concurrent
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // The state stays consistent between statements, so a panic
        // elsewhere while holding the lock does not corrupt it.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A permit at once, when one is free without waiting: the common
    /// case, which needs no timer around it.
    pub(crate) fn try_acquire(&self) -> Option<Permit<'_>> {
        #[cfg(feature = "redis")]
        if self.shared.is_some() {
            // A shared budget's slots are in Redis: only `acquire` waits
            // for them.
            return None;
        }
        let concurrent = self.concurrency.try_acquire().ok()?;
        if self.budget.is_none() && !self.pausing.load(Ordering::Acquire) {
            // Unlimited and not paused: no slot to account for.
            return Some(self.permit(None, concurrent));
        }
        match self.try_take(Instant::now()) {
            Ok(slot) => Some(self.permit(slot, concurrent)),
            Err(_) => None,
        }
    }

    fn permit<'a>(&'a self, slot: Option<u64>, concurrent: SemaphorePermit<'a>) -> Permit<'a> {
        Permit {
            limiter: self,
            slot,
            #[cfg(feature = "redis")]
            shared: None,
            _concurrent: concurrent,
        }
    }

    /// Waits, until `deadline`, for a concurrency permit, then for a slot
    /// in the window (and the end of any pause): in process, or in Redis
    /// for a shared budget.
    ///
    /// # Errors
    ///
    /// [`Error::Timeout`] when the deadline comes first;
    /// [`Error::SharedState`] when a shared budget's Redis cannot be used
    /// (under [`OnRedisFailure::Wait`](crate::redis::OnRedisFailure::Wait));
    /// [`Error::RateLimited`] when a shared daily budget is spent.
    pub(crate) async fn acquire(&self, deadline: Instant) -> Result<Permit<'_>, Error> {
        #[cfg(feature = "redis")]
        if let Some(shared) = &self.shared {
            return self.acquire_shared(shared, deadline).await;
        }
        tokio::time::timeout_at(deadline, self.acquire_local())
            .await
            .map_err(|_| Error::Timeout)
    }

    #[cfg(feature = "redis")]
    async fn acquire_shared(
        &self,
        shared: &crate::redis::limiter::SharedBudget,
        deadline: Instant,
    ) -> Result<Permit<'_>, Error> {
        use crate::redis::limiter::Grant;
        let concurrent = match tokio::time::timeout_at(deadline, self.concurrency.acquire()).await {
            Ok(Ok(permit)) => permit,
            Ok(Err(_)) => unreachable!("the limiter's semaphore is never closed"),
            Err(_) => return Err(Error::Timeout),
        };
        loop {
            let released = self.released.notified();
            tokio::pin!(released);
            released.as_mut().enable();
            // This replica's own 429 pause, before Redis is even asked.
            let paused = {
                let mut state = self.lock();
                state.prune(Instant::now(), Duration::ZERO);
                state.paused_until
            };
            let wake_at = match paused {
                Some(until) => until,
                None => match shared.grant(deadline).await? {
                    Grant::Granted(slot) => {
                        let mut permit = self.permit(None, concurrent);
                        permit.shared = Some(slot);
                        return Ok(permit);
                    }
                    Grant::Wait(at) => at,
                },
            };
            if wake_at >= deadline {
                tokio::time::sleep_until(deadline).await;
                return Err(Error::Timeout);
            }
            let _ = tokio::time::timeout_at(wake_at, released).await;
        }
    }

    /// Waits for a concurrency permit, then for a slot in the window (and
    /// the end of any pause), in process.
    async fn acquire_local(&self) -> Permit<'_> {
        // The semaphore is never closed.
        let concurrent = match self.concurrency.acquire().await {
            Ok(permit) => permit,
            Err(_) => unreachable!("the limiter's semaphore is never closed"),
        };
        loop {
            let released = self.released.notified();
            tokio::pin!(released);
            released.as_mut().enable();
            let wake_at = match self.try_take(Instant::now()) {
                Ok(slot) => return self.permit(slot, concurrent),
                Err(wake_at) => wake_at,
            };
            match wake_at {
                Some(at) => {
                    let _ = tokio::time::timeout_at(at, released).await;
                }
                None => released.await,
            }
        }
    }

    /// Takes a slot if one is free now; otherwise says when to look again
    /// (`None`: when a request in flight finishes).
    fn try_take(&self, now: Instant) -> Result<Option<u64>, Option<Instant>> {
        let mut state = self.lock();
        let window = self.budget.map_or(Duration::ZERO, |(_, window)| window);
        state.prune(now, window);
        if let Some(until) = state.paused_until {
            return Err(Some(until));
        }
        self.pausing.store(false, Ordering::Release);
        let Some((max, window)) = self.budget else {
            return Ok(None);
        };
        if (state.slots.len() as u64) < u64::from(state.capacity(max)) {
            let id = state.next_id;
            state.next_id += 1;
            state.slots.push((id, None));
            return Ok(Some(id));
        }
        let expiry = state
            .slots
            .iter()
            .filter_map(|(_, finished)| finished.map(|at| later(at, window)))
            .min();
        let foreign_end = state.foreign.map(|(_, until)| until);
        Err(match (expiry, foreign_end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        })
    }

    /// Holds every request back for `wait`, at most [`MAX_PAUSE`] (HubSpot
    /// answered `429`).
    pub(crate) fn pause(&self, wait: Duration) {
        let until = later(Instant::now(), wait.min(MAX_PAUSE));
        let mut state = self.lock();
        state.paused_until = Some(state.paused_until.map_or(until, |now| now.max(until)));
        self.pausing.store(true, Ordering::Release);
        drop(state);
        #[cfg(feature = "redis")]
        if let Some(shared) = &self.shared {
            shared.pause(wait.min(MAX_PAUSE));
        }
    }

    /// Learns from an answer's `X-HubSpot-RateLimit-*` headers: a smaller
    /// limit than configured, and requests counted against the app that this
    /// client did not send.
    pub(crate) fn observe(&self, limits: &RateLimitHeaders) {
        #[cfg(feature = "redis")]
        if let Some(shared) = &self.shared {
            shared.observe(limits);
            return;
        }
        let Some((_, window)) = self.budget else {
            return;
        };
        let now = Instant::now();
        let mut state = self.lock();
        state.prune(now, window);
        if let (Some(max), Some(interval)) = (limits.max, limits.interval_milliseconds)
            && interval > 0
        {
            let scaled = u128::from(max) * window.as_millis() / u128::from(interval);
            state.server_max = Some(u32::try_from(scaled).unwrap_or(u32::MAX).max(1));
        }
        if let (Some(max), Some(remaining)) = (limits.max, limits.remaining) {
            let used = max.saturating_sub(remaining);
            // Our slots outlive HubSpot's count of our requests, so this
            // never overestimates what others used.
            let ours = u32::try_from(state.slots.len()).unwrap_or(u32::MAX);
            let foreign = used.saturating_sub(ours);
            let interval = limits
                .interval_milliseconds
                .map_or(window, |ms| Duration::from_millis(u64::from(ms)));
            state.foreign = (foreign > 0).then(|| (foreign, later(now, interval)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(max: u32, remaining: u32, interval: u32) -> RateLimitHeaders {
        let mut map = http::HeaderMap::new();
        map.insert("x-hubspot-ratelimit-max", max.into());
        map.insert("x-hubspot-ratelimit-remaining", remaining.into());
        map.insert("x-hubspot-ratelimit-interval-milliseconds", interval.into());
        RateLimitHeaders::from_headers(&map)
    }

    #[test]
    fn tiers_match_hubspots_published_limits() {
        assert_eq!(RateLimit::default().budget(), Some((100, HUBSPOT_WINDOW)));
        assert_eq!(RateLimit::Professional.budget().unwrap().0, 190);
        assert_eq!(RateLimit::Enterprise.budget().unwrap().0, 190);
        assert_eq!(RateLimit::ApiLimitIncrease.budget().unwrap().0, 250);
        assert_eq!(RateLimit::PublicApp.budget(), Some((110, HUBSPOT_WINDOW)));
        assert_eq!(RateLimit::Unlimited.budget(), None);
        assert_eq!(
            RateLimit::custom(0, Duration::from_secs(1)).budget(),
            Some((1, Duration::from_secs(1)))
        );
    }

    #[tokio::test(start_paused = true)]
    async fn slots_are_held_until_a_window_after_they_finish() {
        let limiter = Limiter::new(RateLimit::custom(2, Duration::from_secs(1)), 10);
        let start = Instant::now();
        let first = limiter.acquire_local().await;
        let second = limiter.acquire_local().await;
        assert!(limiter.try_take(Instant::now()).is_err());
        // Both in flight: the next wakes when one finishes.
        assert_eq!(limiter.try_take(Instant::now()), Err(None));
        tokio::time::advance(Duration::from_millis(300)).await;
        drop(first);
        drop(second);
        let _third = limiter.acquire_local().await;
        assert_eq!(start.elapsed(), Duration::from_millis(1300));
    }

    #[tokio::test(start_paused = true)]
    async fn a_smaller_server_limit_or_foreign_usage_tightens_the_window() {
        let limiter = Limiter::new(RateLimit::custom(10, Duration::from_secs(10)), 10);
        // HubSpot says 50 per 100 s: 5 per our 10 s.
        limiter.observe(&headers(50, 50, 100_000));
        assert_eq!(limiter.lock().capacity(10), 5);
        // HubSpot counted 8 of 10 while we hold none: 8 are someone else's.
        let limiter = Limiter::new(RateLimit::custom(10, Duration::from_secs(10)), 10);
        limiter.observe(&headers(10, 2, 10_000));
        assert_eq!(limiter.lock().capacity(10), 2);
        let held = limiter.acquire_local().await;
        // Now one is ours: HubSpot's count of 9 leaves 8 foreign.
        limiter.observe(&headers(10, 1, 10_000));
        assert_eq!(limiter.lock().capacity(10), 2);
        drop(held);
        // Usage HubSpot reports that we account for is not foreign.
        limiter.observe(&headers(10, 9, 10_000));
        assert_eq!(limiter.lock().capacity(10), 10);
    }

    #[tokio::test(start_paused = true)]
    async fn huge_windows_and_pauses_neither_panic_nor_last_forever() {
        let limiter = Limiter::new(RateLimit::custom(1, Duration::MAX), 10);
        drop(limiter.acquire_local().await);
        assert!(matches!(limiter.try_take(Instant::now()), Err(Some(_))));
        let limiter = Limiter::new(RateLimit::Unlimited, 10);
        let start = Instant::now();
        limiter.pause(Duration::MAX);
        let _permit = limiter.acquire_local().await;
        assert_eq!(start.elapsed(), MAX_PAUSE);
    }

    #[tokio::test(start_paused = true)]
    async fn the_no_wait_path_honours_pauses_budgets_and_concurrency() {
        // Unlimited: free until a 429 pauses it, free again after.
        let limiter = Limiter::new(RateLimit::Unlimited, 2);
        assert!(limiter.try_acquire().is_some());
        limiter.pause(Duration::from_millis(500));
        assert!(limiter.try_acquire().is_none());
        tokio::time::advance(Duration::from_millis(500)).await;
        assert!(limiter.try_acquire().is_some());
        // The concurrency bound holds on this path too.
        let (_a, _b) = (limiter.try_acquire(), limiter.try_acquire());
        assert!(limiter.try_acquire().is_none());
        // A budget: its slots are taken and counted as on the waiting path.
        let limiter = Limiter::new(RateLimit::custom(1, Duration::from_secs(1)), 10);
        drop(limiter.try_acquire().expect("a free slot"));
        assert!(limiter.try_acquire().is_none());
        tokio::time::advance(Duration::from_secs(1)).await;
        assert!(limiter.try_acquire().is_some());
    }

    #[tokio::test(start_paused = true)]
    async fn a_pause_holds_every_request() {
        let limiter = Limiter::new(RateLimit::Unlimited, 10);
        let start = Instant::now();
        limiter.pause(Duration::from_millis(500));
        let _permit = limiter.acquire_local().await;
        assert_eq!(start.elapsed(), Duration::from_millis(500));
    }
}
