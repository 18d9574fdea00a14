//! HubSpot accounts (hub ids) on the fake: what each one saw, for tests to
//! check a multi-account client against.

use std::collections::BTreeMap;
use std::fmt;
use std::time::{Duration, Instant};

/// An OAuth grant type the token endpoint serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum GrantType {
    /// `grant_type=authorization_code`: exchanging the code from the
    /// authorize redirect.
    AuthorizationCode,
    /// `grant_type=refresh_token`: a new access token for a refresh token.
    RefreshToken,
}

impl GrantType {
    /// The `grant_type` form value.
    pub const fn name(self) -> &'static str {
        match self {
            GrantType::AuthorizationCode => "authorization_code",
            GrantType::RefreshToken => "refresh_token",
        }
    }
}

impl fmt::Display for GrantType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What one account (hub id) saw: its API requests and their arrival
/// times, its rate-limit window, and its OAuth token traffic. From
/// [`FakeHubSpot::account_stats`](crate::FakeHubSpot::account_stats).
///
/// A request belongs to an account when its bearer token was issued for
/// that account (a private-app token, or an OAuth access token whether
/// live, expired or revoked). A token-endpoint call belongs to the account
/// of the code or refresh token it sends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AccountStats {
    /// The account's hub id.
    pub hub_id: i64,
    /// API requests that carried one of the account's tokens, rejected
    /// ones included (the OAuth endpoints are not counted here).
    pub requests: u64,
    /// When each of those requests arrived, oldest first.
    pub arrivals: Vec<Instant>,
    /// Requests that arrived with one of the account's access tokens after
    /// it expired (each answered `401 EXPIRED_AUTHENTICATION`). A client
    /// that refreshes ahead of expiry keeps this at `0`.
    pub expired_token_requests: u64,
    /// Requests that arrived with a revoked access token (answered `401
    /// INVALID_AUTHENTICATION`).
    pub revoked_token_requests: u64,
    /// Requests of this account answered `429` by its rate-limit window.
    pub rate_limited: u64,
    /// The most of its requests that arrived within one window of the rate
    /// limit's length (`0` without a rate limit).
    pub peak_in_window: u32,
    /// Token-endpoint calls by grant type, failed ones included.
    pub token_calls: BTreeMap<GrantType, u64>,
    /// Successful refreshes (`grant_type=refresh_token` answered `200`).
    pub refreshes: u64,
    /// Refreshes turned away because the refresh token was already rotated
    /// out by an earlier refresh (a replay; only with rotation on).
    pub rejected_replays: u64,
    /// Refreshes turned away for any reason (replays, revoked tokens, a
    /// wrong client), answered `400`.
    pub rejected_refreshes: u64,
}

impl AccountStats {
    /// Token-endpoint calls with this grant type.
    pub fn token_calls(&self, grant: GrantType) -> u64 {
        self.token_calls.get(&grant).copied().unwrap_or_default()
    }

    /// The most requests of this account that arrived within any span of
    /// `window` (a half-open interval: two arrivals exactly `window` apart
    /// are in different windows), from [`arrivals`](Self::arrivals).
    pub fn max_in_window(&self, window: Duration) -> usize {
        let mut start = 0;
        let mut best = 0;
        for (end, at) in self.arrivals.iter().enumerate() {
            while start < end && *at >= self.arrivals[start] + window {
                start += 1;
            }
            best = best.max(end + 1 - start);
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_busiest_window_is_found() {
        let t0 = Instant::now();
        let at = |ms| t0 + Duration::from_millis(ms);
        let stats = AccountStats {
            arrivals: vec![at(0), at(10), at(90), at(100), at(105), at(300)],
            ..AccountStats::default()
        };
        assert_eq!(stats.max_in_window(Duration::from_millis(100)), 4);
        assert_eq!(stats.max_in_window(Duration::from_millis(20)), 3);
        assert_eq!(stats.max_in_window(Duration::from_millis(5)), 1);
        assert_eq!(stats.max_in_window(Duration::from_secs(1)), 6);
        assert_eq!(AccountStats::default().max_in_window(Duration::ZERO), 0);
        assert_eq!(stats.max_in_window(Duration::ZERO), 1);
    }
}
