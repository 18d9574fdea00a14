//! The fake fighting back: HubSpot's rolling-window rate limit, and faults
//! injected at a configured rate from a seeded generator, so that a run can
//! be reproduced.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::str::FromStr;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::errors::correlation_id;
use crate::reply::Reply;

/// A failure the fake can inject into a request's handling.
///
/// ```
/// use hubspot_fake::Fault;
///
/// assert_eq!("reset-after".parse::<Fault>(), Ok(Fault::ResetAfterHandling));
/// assert_eq!(Fault::BadGateway.to_string(), "502");
/// assert_eq!(Fault::ALL.len(), 8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Fault {
    /// `500 Internal Server Error`, before the request is handled (nothing
    /// is stored).
    InternalError,
    /// `502 Bad Gateway` with an HTML body, before the request is handled.
    BadGateway,
    /// `503 Service Unavailable`, before the request is handled.
    ServiceUnavailable,
    /// The connection is reset before the request is handled: nothing is
    /// stored and no answer is sent.
    ResetBeforeHandling,
    /// The request is handled (a publish is stored), then the connection is
    /// reset instead of answering.
    ResetAfterHandling,
    /// The request is handled, then the answer is held back for
    /// [`FaultConfig::slow_delay`], longer than a client's timeout.
    Slow,
    /// The request is handled; the answer's body is cut in half (its
    /// `Content-Length` matches the cut body).
    TruncatedBody,
    /// The request is handled; the answer's body is not valid JSON.
    MalformedBody,
}

impl Fault {
    /// Every fault, in a fixed order.
    pub const ALL: [Fault; 8] = [
        Fault::InternalError,
        Fault::BadGateway,
        Fault::ServiceUnavailable,
        Fault::ResetBeforeHandling,
        Fault::ResetAfterHandling,
        Fault::Slow,
        Fault::TruncatedBody,
        Fault::MalformedBody,
    ];

    /// The fault's name on the command line: `500`, `502`, `503`,
    /// `reset-before`, `reset-after`, `slow`, `truncated`, `malformed`.
    pub const fn name(self) -> &'static str {
        match self {
            Fault::InternalError => "500",
            Fault::BadGateway => "502",
            Fault::ServiceUnavailable => "503",
            Fault::ResetBeforeHandling => "reset-before",
            Fault::ResetAfterHandling => "reset-after",
            Fault::Slow => "slow",
            Fault::TruncatedBody => "truncated",
            Fault::MalformedBody => "malformed",
        }
    }

    /// Whether the request is handled (and so a publish stored) before the
    /// fault strikes.
    pub const fn after_handling(self) -> bool {
        matches!(
            self,
            Fault::ResetAfterHandling | Fault::Slow | Fault::TruncatedBody | Fault::MalformedBody
        )
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Fault {
    type Err = String;

    fn from_str(name: &str) -> Result<Fault, String> {
        Fault::ALL
            .into_iter()
            .find(|fault| fault.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Fault::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "unknown fault {name:?}: expected one of {}",
                    names.join(", ")
                )
            })
    }
}

/// Random faults: each request (other than one answered by a scripted
/// response or turned away by the rate limit) gets, with probability
/// `rate`, one of `kinds` picked uniformly. The picks come from a generator
/// seeded with `seed`, so the same requests in the same order get the same
/// faults.
///
/// ```
/// use std::time::Duration;
/// use hubspot_fake::{Fault, FaultConfig};
///
/// let faults = FaultConfig::new(0.2)
///     .with_kinds([Fault::BadGateway, Fault::ResetAfterHandling])
///     .with_seed(42)
///     .with_slow_delay(Duration::from_millis(500));
/// assert_eq!(faults.kinds.len(), 2);
/// assert_eq!(FaultConfig::new(0.2).kinds, Fault::ALL);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FaultConfig {
    /// The share of requests that get a fault, from `0.0` to `1.0`.
    pub rate: f64,
    /// The faults to pick from; empty means none.
    pub kinds: Vec<Fault>,
    /// The generator's seed.
    pub seed: u64,
    /// How long a [`Fault::Slow`] answer is held back.
    pub slow_delay: Duration,
    /// Whether HubSpot's OAuth endpoints are spared the random faults
    /// (queued ones still apply): a test of the API path under faults can
    /// then count refreshes exactly. Off by default.
    pub spare_oauth: bool,
}

impl FaultConfig {
    /// Every kind of fault at `rate` (clamped to `0.0..=1.0`), seed `0`,
    /// slow answers held for 5 seconds.
    pub fn new(rate: f64) -> FaultConfig {
        FaultConfig {
            rate: if rate.is_nan() {
                0.0
            } else {
                rate.clamp(0.0, 1.0)
            },
            kinds: Fault::ALL.to_vec(),
            seed: 0,
            slow_delay: Duration::from_secs(5),
            spare_oauth: false,
        }
    }

    /// Spares (or not) HubSpot's OAuth endpoints the random faults.
    ///
    /// ```
    /// use hubspot_fake::FaultConfig;
    ///
    /// assert!(FaultConfig::new(0.2).spare_oauth(true).spare_oauth);
    /// ```
    pub fn spare_oauth(mut self, spare: bool) -> FaultConfig {
        self.spare_oauth = spare;
        self
    }

    /// Only these kinds of faults.
    pub fn with_kinds(mut self, kinds: impl IntoIterator<Item = Fault>) -> FaultConfig {
        self.kinds = kinds.into_iter().collect();
        self
    }

    /// The generator's seed.
    pub fn with_seed(mut self, seed: u64) -> FaultConfig {
        self.seed = seed;
        self
    }

    /// How long a [`Fault::Slow`] answer is held back.
    pub fn with_slow_delay(mut self, delay: Duration) -> FaultConfig {
        self.slow_delay = delay;
        self
    }
}

/// A rolling-window rate limit like HubSpot's `TEN_SECONDLY_ROLLING`: at
/// most `max_requests` requests are accepted in any `window`; the rest are
/// answered `429` with HubSpot's headers and body. Each account has its own
/// window (HubSpot counts per app per account): a request counts in the
/// window of the account its bearer token was issued for, and requests
/// with no such token (none, an unknown one, a developer API key) share one
/// more window. The OAuth endpoints are not limited. Every answer carries
/// `X-HubSpot-RateLimit-Max`, `-Remaining` and `-Interval-Milliseconds`.
/// Scale `window` down to test quickly.
///
/// ```
/// use std::time::Duration;
/// use hubspot_fake::RateLimitConfig;
///
/// let hubspot = RateLimitConfig::new(100, Duration::from_secs(10));
/// let scaled = RateLimitConfig::new(100, Duration::from_millis(100));
/// assert_ne!(hubspot, scaled);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimitConfig {
    /// Requests accepted per window; `0` counts as `1`.
    pub max_requests: u32,
    /// The window's length; at least a millisecond.
    pub window: Duration,
}

impl RateLimitConfig {
    /// `max_requests` per rolling `window`.
    pub fn new(max_requests: u32, window: Duration) -> RateLimitConfig {
        RateLimitConfig {
            max_requests: max_requests.max(1),
            window: window.max(Duration::from_millis(1)),
        }
    }
}

/// What the fake saw and did, for tests to check a client against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FakeStats {
    /// Requests received, every kind included.
    pub requests: u64,
    /// Requests answered `429` by the rate limit, all accounts together.
    pub rate_limited: u64,
    /// Faults injected, by kind (queued and random ones alike).
    pub faults: BTreeMap<Fault, u64>,
    /// The most requests that arrived within any one window of the rate
    /// limit's length, those turned away included (`0` without a rate
    /// limit). Above the limit means a client sent too fast. Each account
    /// has its own window; this is the most in any of them (see
    /// [`AccountStats`](crate::AccountStats) for one account's).
    pub peak_in_window: u32,
    /// The most requests being handled at the same time.
    pub peak_concurrency: u32,
}

impl FakeStats {
    /// Faults injected in all.
    pub fn total_faults(&self) -> u64 {
        self.faults.values().sum()
    }
}

/// SplitMix64: small, fast and good enough to pick faults reproducibly.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0.0..1.0`.
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The rate limit's and the faults' state, kept with the rest of the
/// fake's state.
#[derive(Debug, Default)]
pub(crate) struct Chaos {
    rate_limit: Option<RateLimitConfig>,
    /// One rolling window per account (HubSpot counts per app per
    /// account), and one (`None`) for requests that name no account.
    windows: BTreeMap<Option<i64>, Window>,
    faults: Option<(FaultConfig, Rng)>,
    pub(crate) stats: FakeStats,
}

/// One account's rolling window.
#[derive(Debug, Default)]
struct Window {
    /// Arrival times of accepted requests within the window.
    accepted: VecDeque<Instant>,
    /// Arrival times of all requests within the window.
    arrivals: VecDeque<Instant>,
    /// Requests answered `429`.
    limited: u64,
    /// The most requests in one window.
    peak: u32,
}

/// What the rate limit says about a request.
pub(crate) enum Admission {
    /// No rate limit is set.
    Unlimited,
    /// Accepted; the answer carries these headers.
    Accepted(Vec<(String, String)>),
    /// Turned away with this `429`.
    Limited(Reply),
}

impl Chaos {
    pub(crate) fn set_rate_limit(&mut self, limit: Option<RateLimitConfig>) {
        self.rate_limit = limit;
        for window in self.windows.values_mut() {
            window.accepted.clear();
            window.arrivals.clear();
        }
    }

    pub(crate) fn set_faults(&mut self, faults: Option<FaultConfig>) {
        self.faults = faults.map(|config| {
            let rng = Rng(config.seed);
            (config, rng)
        });
    }

    /// `(429s, peak in one window)` of one account's window.
    pub(crate) fn window_counts(&self, account: Option<i64>) -> (u64, u32) {
        self.windows
            .get(&account)
            .map_or((0, 0), |w| (w.limited, w.peak))
    }

    /// Counts a request that arrived `at` against the rate-limit window of
    /// `account` (`None`: the window of requests that name no account).
    pub(crate) fn admit(&mut self, account: Option<i64>, at: Instant) -> Admission {
        let Some(limit) = self.rate_limit else {
            return Admission::Unlimited;
        };
        let window = limit.window;
        let expired = |queue: &mut VecDeque<Instant>| {
            while queue.front().is_some_and(|&t| t + window <= at) {
                queue.pop_front();
            }
        };
        let counts = self.windows.entry(account).or_default();
        expired(&mut counts.arrivals);
        expired(&mut counts.accepted);
        counts.arrivals.push_back(at);
        let in_window = u32::try_from(counts.arrivals.len()).unwrap_or(u32::MAX);
        counts.peak = counts.peak.max(in_window);
        self.stats.peak_in_window = self.stats.peak_in_window.max(in_window);

        let max = limit.max_requests;
        let headers = |remaining: usize| {
            vec![
                ("x-hubspot-ratelimit-max".to_string(), max.to_string()),
                (
                    "x-hubspot-ratelimit-remaining".to_string(),
                    remaining.to_string(),
                ),
                (
                    "x-hubspot-ratelimit-interval-milliseconds".to_string(),
                    window.as_millis().to_string(),
                ),
            ]
        };
        if counts.accepted.len() >= max as usize {
            counts.limited += 1;
            self.stats.rate_limited += 1;
            let free_at = counts.accepted.front().map_or(at, |&t| t + window);
            return Admission::Limited(rate_limited(free_at - at, window, headers(0)));
        }
        counts.accepted.push_back(at);
        Admission::Accepted(headers(max as usize - counts.accepted.len()))
    }

    /// Draws whether this request gets a random fault, and which.
    pub(crate) fn draw_fault(&mut self, oauth: bool) -> Option<Fault> {
        let (config, rng) = self.faults.as_mut()?;
        if oauth && config.spare_oauth {
            return None;
        }
        if config.kinds.is_empty() || config.rate <= 0.0 {
            return None;
        }
        if rng.next_f64() >= config.rate {
            return None;
        }
        let index = (rng.next_u64() % config.kinds.len() as u64) as usize;
        Some(config.kinds[index])
    }

    /// The delay a queued [`Fault::Slow`] uses.
    pub(crate) fn slow_delay(&self) -> Duration {
        self.faults
            .as_ref()
            .map_or(Duration::from_secs(5), |(config, _)| config.slow_delay)
    }

    pub(crate) fn count_fault(&mut self, fault: Fault) {
        *self.stats.faults.entry(fault).or_default() += 1;
    }
}

/// HubSpot's `429` for the ten-secondly rolling limit.
fn rate_limited(wait: Duration, window: Duration, headers: Vec<(String, String)>) -> Reply {
    let correlation_id = correlation_id();
    let body = json!({
        "status": "error",
        "message": "You have reached your ten_secondly_rolling limit.",
        "errorType": "RATE_LIMIT",
        "correlationId": correlation_id,
        "category": "RATE_LIMITS",
        "policyName": "TEN_SECONDLY_ROLLING",
        "groupName": "publicapi:private-app:hubspot-fake",
    });
    let mut reply = Reply::json(429, &body).with_correlation_id(correlation_id);
    reply.headers.extend(headers);
    reply.with_header("retry-after", retry_after(wait, window))
}

/// `Retry-After` in seconds: whole seconds, rounded up, as HubSpot sends
/// them; with millisecond decimals when the window is scaled below a
/// second, so that a client can wait as little as the test needs.
fn retry_after(wait: Duration, window: Duration) -> String {
    if window >= Duration::from_secs(1) {
        let seconds = wait.as_millis().div_ceil(1000).max(1);
        seconds.to_string()
    } else {
        let millis = wait.as_millis().max(1);
        format!("{}.{:03}", millis / 1000, millis % 1000)
    }
}

/// The answer a fault that strikes before handling gives, if it gives one.
pub(crate) fn early_reply(fault: Fault) -> Option<Reply> {
    let error = |status: u16, message: &str, category: &str| {
        let correlation_id = correlation_id();
        Reply::json(
            status,
            &json!({
                "status": "error",
                "message": message,
                "correlationId": correlation_id,
                "category": category,
            }),
        )
        .with_correlation_id(correlation_id)
    };
    match fault {
        Fault::InternalError => Some(error(
            500,
            "internal error (injected by hubspot-fake)",
            "INTERNAL_ERROR",
        )),
        Fault::BadGateway => Some(Reply {
            status: 502,
            headers: vec![("content-type".to_string(), "text/html".to_string())],
            body: b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>".to_vec(),
        }),
        Fault::ServiceUnavailable => Some(error(
            503,
            "Service Unavailable (injected by hubspot-fake)",
            "SERVICE_UNAVAILABLE",
        )),
        _ => None,
    }
}

/// Cuts a body in half (`TruncatedBody`) or breaks its syntax
/// (`MalformedBody`).
pub(crate) fn damage(fault: Fault, reply: &mut Reply) {
    match fault {
        Fault::TruncatedBody => {
            let half = reply.body.len() / 2;
            reply.body.truncate(half.max(1).min(reply.body.len()));
            if reply.body.is_empty() {
                reply.body = b"{".to_vec();
            }
        }
        Fault::MalformedBody => match reply.body.iter().position(|&b| b == b':') {
            Some(colon) => reply.body[colon] = b'=',
            None => reply.body = b"{oops".to_vec(),
        },
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_reproducible_and_roughly_uniform() {
        let draws = |seed| {
            let mut rng = Rng(seed);
            (0..5).map(|_| rng.next_u64()).collect::<Vec<_>>()
        };
        assert_eq!(draws(7), draws(7));
        assert_ne!(draws(7), draws(8));
        let mut rng = Rng(1);
        let below = (0..10_000).filter(|_| rng.next_f64() < 0.2).count();
        assert!((1700..2300).contains(&below), "{below}");
    }

    #[test]
    fn the_rate_limit_rolls() {
        let mut chaos = Chaos::default();
        chaos.set_rate_limit(Some(RateLimitConfig::new(2, Duration::from_millis(100))));
        let start = Instant::now();
        let at = |ms| start + Duration::from_millis(ms);
        assert!(matches!(chaos.admit(None, at(0)), Admission::Accepted(_)));
        assert!(matches!(chaos.admit(None, at(10)), Admission::Accepted(_)));
        let Admission::Limited(reply) = chaos.admit(None, at(20)) else {
            panic!("the third in the window is turned away")
        };
        assert_eq!(reply.status, 429);
        let header = |name: &str| {
            reply
                .headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(header("retry-after").as_deref(), Some("0.080"));
        assert_eq!(
            header("x-hubspot-ratelimit-remaining").as_deref(),
            Some("0")
        );
        // The first leaves the window at 100 ms.
        assert!(matches!(chaos.admit(None, at(100)), Admission::Accepted(_)));
        assert_eq!(chaos.stats.rate_limited, 1);
        assert_eq!(chaos.stats.peak_in_window, 3);
    }

    #[test]
    fn each_account_has_its_own_window() {
        let mut chaos = Chaos::default();
        chaos.set_rate_limit(Some(RateLimitConfig::new(1, Duration::from_secs(1))));
        let now = Instant::now();
        assert!(matches!(chaos.admit(Some(1), now), Admission::Accepted(_)));
        assert!(matches!(chaos.admit(Some(2), now), Admission::Accepted(_)));
        assert!(matches!(chaos.admit(None, now), Admission::Accepted(_)));
        assert!(matches!(chaos.admit(Some(1), now), Admission::Limited(_)));
        assert_eq!(chaos.window_counts(Some(1)), (1, 2));
        assert_eq!(chaos.window_counts(Some(2)), (0, 1));
        assert_eq!(chaos.stats.rate_limited, 1);
    }

    #[test]
    fn retry_after_is_whole_seconds_for_hubspot_sized_windows() {
        let ten = Duration::from_secs(10);
        assert_eq!(retry_after(Duration::from_millis(1200), ten), "2");
        assert_eq!(retry_after(Duration::from_millis(1), ten), "1");
        let scaled = Duration::from_millis(100);
        assert_eq!(retry_after(Duration::from_millis(42), scaled), "0.042");
    }

    #[test]
    fn damaged_bodies_are_not_json() {
        for fault in [Fault::TruncatedBody, Fault::MalformedBody] {
            for body in [&br#"{"id":"1","text":"hi"}"#[..], b"", b"[1]"] {
                let mut reply = Reply::json(200, &json!(null));
                reply.body = body.to_vec();
                damage(fault, &mut reply);
                assert!(
                    serde_json::from_slice::<serde_json::Value>(&reply.body).is_err(),
                    "{fault}: {:?}",
                    String::from_utf8_lossy(&reply.body)
                );
            }
        }
    }

    #[test]
    fn faults_parse_by_name() {
        for fault in Fault::ALL {
            assert_eq!(fault.name().parse::<Fault>(), Ok(fault));
        }
        assert!(
            "reset"
                .parse::<Fault>()
                .unwrap_err()
                .contains("reset-before")
        );
    }
}
