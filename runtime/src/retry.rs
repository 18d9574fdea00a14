//! When a failed request is tried again, and how long the client waits
//! first.
//!
//! [`classify`] decides from the error alone (and whether the request is
//! idempotent) whether another attempt may help and is safe; the
//! [`Client`](crate::Client)'s loop decides whether the [`RetryPolicy`]'s
//! attempts and the client's total timeout leave room for it.

use std::time::Duration;

use crate::{Error, RateLimitError};

/// How the [`Client`](crate::Client) retries a request that failed in a
/// way another attempt may fix: exponential backoff with full jitter,
/// bounded by a number of attempts (and by the client's
/// [`total_timeout`](crate::ClientBuilder::total_timeout)).
///
/// Before attempt `n + 1` the client waits a random time between zero and
/// `min(max_backoff, initial_backoff × 2^(n-1))`, or at least as long as
/// HubSpot asked in a `429`'s `Retry-After`. A retry that would not start
/// before the total timeout is not made: the last error is returned at
/// once.
///
/// Which failures are retried is not configurable, because it decides
/// whether a message can be duplicated; see the README's *Reliability*
/// section. In short: `429` always; `500`, `502`, `503`, `504`, `521`,
/// timeouts, dropped connections and malformed JSON only when the request
/// is idempotent (by method, by declaration, or because it carries an
/// idempotency id); a connection that could not be opened always; any other
/// `4xx`, `409` included, never.
///
/// ```
/// use std::time::Duration;
/// use hubspot_runtime::{Client, RetryPolicy};
///
/// let policy = RetryPolicy::default()
///     .with_max_attempts(8)
///     .with_initial_backoff(Duration::from_millis(200))
///     .with_max_backoff(Duration::from_secs(10));
/// assert_eq!(policy.max_attempts(), 8);
/// assert_eq!(policy.backoff_cap(1), Duration::from_millis(200));
/// assert_eq!(policy.backoff_cap(3), Duration::from_millis(800));
/// assert_eq!(policy.backoff_cap(20), Duration::from_secs(10));
///
/// let client = Client::builder().token("pat-na1-0123456789").retry_policy(policy).build()?;
/// assert_eq!(client.retry_policy(), policy);
/// # Ok::<(), hubspot_runtime::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl RetryPolicy {
    /// The default policy: at most [`DEFAULT_MAX_ATTEMPTS`](RetryPolicy::DEFAULT_MAX_ATTEMPTS)
    /// attempts, backoff from 500 ms doubling up to 30 s.
    pub const DEFAULT: RetryPolicy = RetryPolicy {
        max_attempts: RetryPolicy::DEFAULT_MAX_ATTEMPTS,
        initial_backoff: Duration::from_millis(500),
        max_backoff: Duration::from_secs(30),
    };

    /// Attempts the default policy makes at most: the first and four
    /// retries.
    pub const DEFAULT_MAX_ATTEMPTS: u32 = 5;

    /// One attempt, no retries: every error goes straight to the caller.
    ///
    /// ```
    /// assert_eq!(hubspot_runtime::RetryPolicy::disabled().max_attempts(), 1);
    /// ```
    pub const fn disabled() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::DEFAULT
        }
    }

    /// At most `attempts` attempts in all, the first included; `0` counts
    /// as `1`.
    pub const fn with_max_attempts(mut self, attempts: u32) -> RetryPolicy {
        self.max_attempts = if attempts == 0 { 1 } else { attempts };
        self
    }

    /// The backoff cap before the first retry; it doubles for each retry
    /// after that.
    pub const fn with_initial_backoff(mut self, backoff: Duration) -> RetryPolicy {
        self.initial_backoff = backoff;
        self
    }

    /// The most the backoff cap grows to.
    pub const fn with_max_backoff(mut self, backoff: Duration) -> RetryPolicy {
        self.max_backoff = backoff;
        self
    }

    /// The most attempts a request gets, the first included.
    pub const fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The backoff cap before the first retry.
    pub const fn initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// The most the backoff cap grows to.
    pub const fn max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// The most the client waits after failed attempt number `attempt`
    /// (1-based) when HubSpot did not say how long:
    /// `min(max_backoff, initial_backoff × 2^(attempt-1))`. The actual wait
    /// is uniformly random below it (full jitter), so that clients that
    /// failed together do not retry together.
    pub fn backoff_cap(&self, attempt: u32) -> Duration {
        let doublings = attempt.saturating_sub(1).min(32);
        self.initial_backoff
            .checked_mul(1u32 << doublings.min(31))
            .unwrap_or(Duration::MAX)
            .min(self.max_backoff)
    }

    /// The wait before the attempt after `attempt`: full jitter below the
    /// backoff cap, and never less than `at_least` (what HubSpot asked for).
    pub(crate) fn delay(&self, attempt: u32, at_least: Option<Duration>) -> Duration {
        let jittered = crate::random::jitter(self.backoff_cap(attempt));
        jittered.max(at_least.unwrap_or(Duration::ZERO))
    }
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy::DEFAULT
    }
}

/// Whether a failed attempt may be tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Retry {
    /// No: another attempt cannot help, or could duplicate the request's
    /// effect.
    No,
    /// Yes, after the backoff, and no sooner than `at_least` when HubSpot
    /// said how long to wait.
    After {
        /// From `Retry-After`, or a rate limit's interval.
        at_least: Option<Duration>,
    },
}

/// Server errors worth another attempt: HubSpot documents `502`/`504`
/// (processing limits), `503` (temporarily unavailable) and `521` (web
/// server down) as "pause, then retry"; `500` is an unexpected failure that
/// is often transient. HubSpot may have acted on the request before failing,
/// so these are retried only when the request is idempotent.
const RETRYABLE_SERVER_STATUSES: [u16; 5] = [500, 502, 503, 504, 521];

/// Decides from `error` whether another attempt may help and cannot
/// duplicate the request's effect. `idempotent`: whether sending the
/// request twice has the effect of sending it once (by method, by
/// declaration, or because it carries an idempotency id).
///
/// - `429`: HubSpot turned the request away before acting on it; retried
///   whatever the request, after `Retry-After` (else, when the rate-limit
///   headers say the window is used up, after its interval). Not when the
///   daily limit was hit: that lasts until midnight.
/// - A connection that could not be opened (DNS, refused, TLS): the request
///   never left, so it is retried whatever it is.
/// - `500`, `502`, `503`, `504`, `521`, a timeout, a connection lost after
///   the request may have been sent, or a `2xx` whose body is cut off or is
///   not JSON: HubSpot may have acted on it, so only if idempotent.
/// - Anything else, every other `4xx` (`409` included) and a `2xx` body of
///   the wrong shape: no.
pub(crate) fn classify(error: &Error, idempotent: bool) -> Retry {
    let if_idempotent = if idempotent {
        Retry::After { at_least: None }
    } else {
        Retry::No
    };
    match error {
        Error::RateLimited(limited) => {
            let RateLimitError {
                retry_after,
                policy_name,
                limits,
                ..
            } = limited.as_ref();
            if policy_name
                .as_deref()
                .is_some_and(|name| name.eq_ignore_ascii_case("DAILY"))
            {
                return Retry::No;
            }
            let window_used_up = limits.remaining == Some(0);
            let interval = limits
                .interval_milliseconds
                .filter(|_| window_used_up)
                .map(|ms| Duration::from_millis(u64::from(ms)));
            Retry::After {
                at_least: retry_after.or(interval),
            }
        }
        Error::Server(api) if RETRYABLE_SERVER_STATUSES.contains(&api.status) => if_idempotent,
        Error::Timeout => if_idempotent,
        Error::Transport(source) if source.is_connect() => Retry::After { at_least: None },
        Error::Transport(source) if source.is_builder() => Retry::No,
        Error::Transport(_) => if_idempotent,
        Error::Decode(decode) if decode.source.is_syntax() || decode.source.is_eof() => {
            if_idempotent
        }
        _ => Retry::No,
    }
}

/// A few words on why an attempt failed, for logs: never HubSpot's message
/// or anything from the request.
pub(crate) fn reason(error: &Error) -> &'static str {
    match error {
        Error::RateLimited(_) => "rate limited (429)",
        Error::Server(api) => match api.status {
            500 => "internal server error (500)",
            502 => "bad gateway (502)",
            503 => "service unavailable (503)",
            504 => "gateway timeout (504)",
            _ => "server error",
        },
        Error::Timeout => "timed out",
        Error::Transport(source) if source.is_connect() => "could not connect",
        Error::Transport(_) => "connection lost",
        Error::Decode(_) => "malformed response body",
        _ => "not retryable",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DecodeError;

    fn response(status: u16, headers: &[(&str, &str)], body: &str) -> Error {
        let mut map = http::HeaderMap::new();
        for (name, value) in headers {
            map.insert(
                http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                value.parse().unwrap(),
            );
        }
        Error::from_response(status, &map, body.as_bytes())
    }

    fn decode_error(body: &str) -> Error {
        let source = serde_json::from_str::<Vec<u32>>(body).unwrap_err();
        Error::Decode(Box::new(DecodeError {
            status: 200,
            excerpt: body.to_owned(),
            source,
        }))
    }

    const RETRY: Retry = Retry::After { at_least: None };

    #[test]
    fn client_errors_are_never_retried() {
        for status in [400, 401, 403, 404, 405, 409, 410, 415, 422, 423, 477] {
            for idempotent in [false, true] {
                assert_eq!(
                    classify(&response(status, &[], "{}"), idempotent),
                    Retry::No,
                    "{status}"
                );
            }
        }
    }

    #[test]
    fn server_errors_are_retried_only_when_idempotent() {
        for status in [500, 502, 503, 504, 521] {
            assert_eq!(classify(&response(status, &[], ""), true), RETRY);
            assert_eq!(classify(&response(status, &[], ""), false), Retry::No);
        }
        for status in [501, 505, 520] {
            assert_eq!(classify(&response(status, &[], ""), true), Retry::No);
        }
        assert_eq!(classify(&response(302, &[], ""), true), Retry::No);
    }

    #[test]
    fn rate_limits_are_retried_after_what_hubspot_asked() {
        let asked = response(429, &[("retry-after", "3")], "{}");
        for idempotent in [false, true] {
            assert_eq!(
                classify(&asked, idempotent),
                Retry::After {
                    at_least: Some(Duration::from_secs(3))
                }
            );
        }
        let window = response(
            429,
            &[
                ("x-hubspot-ratelimit-remaining", "0"),
                ("x-hubspot-ratelimit-interval-milliseconds", "10000"),
            ],
            "{}",
        );
        assert_eq!(
            classify(&window, false),
            Retry::After {
                at_least: Some(Duration::from_secs(10))
            }
        );
        // Retry-After wins over the interval.
        let both = response(
            429,
            &[
                ("retry-after", "1"),
                ("x-hubspot-ratelimit-remaining", "0"),
                ("x-hubspot-ratelimit-interval-milliseconds", "10000"),
            ],
            "{}",
        );
        assert_eq!(
            classify(&both, false),
            Retry::After {
                at_least: Some(Duration::from_secs(1))
            }
        );
        assert_eq!(classify(&response(429, &[], ""), false), RETRY);
        let daily = response(429, &[], r#"{"policyName": "DAILY"}"#);
        assert_eq!(classify(&daily, true), Retry::No);
    }

    #[test]
    fn timeouts_and_malformed_bodies_are_retried_only_when_idempotent() {
        assert_eq!(classify(&Error::Timeout, true), RETRY);
        assert_eq!(classify(&Error::Timeout, false), Retry::No);
        for body in ["[1, 2", "<html>", ""] {
            assert_eq!(classify(&decode_error(body), true), RETRY, "{body}");
            assert_eq!(classify(&decode_error(body), false), Retry::No, "{body}");
        }
        // Well-formed JSON of the wrong shape will not change on a retry.
        assert_eq!(classify(&decode_error(r#"{"a": 1}"#), true), Retry::No);
    }

    #[test]
    fn errors_before_sending_are_not_retried() {
        for error in [Error::InvalidRequest("bad".into()), Error::config("bad")] {
            assert_eq!(classify(&error, true), Retry::No);
        }
    }

    #[test]
    fn backoff_doubles_up_to_its_cap_and_jitters_below_it() {
        let policy = RetryPolicy::default()
            .with_initial_backoff(Duration::from_millis(100))
            .with_max_backoff(Duration::from_secs(1));
        let caps: Vec<u64> = (1..=6)
            .map(|n| policy.backoff_cap(n).as_millis() as u64)
            .collect();
        assert_eq!(caps, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(policy.backoff_cap(u32::MAX), Duration::from_secs(1));
        for attempt in 1..=6 {
            let delay = policy.delay(attempt, None);
            assert!(delay <= policy.backoff_cap(attempt), "{delay:?}");
        }
        let asked = Duration::from_secs(5);
        assert_eq!(policy.delay(1, Some(asked)), asked);
        assert_eq!(
            RetryPolicy::default().with_max_attempts(0).max_attempts(),
            1
        );
    }
}
