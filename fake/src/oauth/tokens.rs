//! The token bookkeeping: authorization codes, access tokens (private-app
//! and OAuth) and refresh tokens, each tied to an account. Plain data and
//! logic, no I/O: the time is always passed in.
//!
//! Every code exchange starts a *grant*; the access and refresh tokens of
//! later refreshes belong to the same grant, so that revoking a refresh
//! token ends the whole grant (every access and refresh token issued under
//! it), rotated-out refresh tokens included.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The HubSpot user the fake pretends installs the app.
pub(crate) const USER_ID: i32 = 7001;

/// An authorization code handed out by the authorize step.
#[derive(Debug, Clone)]
struct Code {
    hub_id: i64,
    scopes: Vec<String>,
    redirect_uri: String,
    expires_at: Instant,
    /// Exchanged (or tried) once already.
    used: bool,
}

#[derive(Debug, Clone)]
struct Access {
    hub_id: i64,
    /// `None` for a private-app token (no grant, never expires).
    grant: Option<u64>,
    scopes: Vec<String>,
    expires_at: Option<Instant>,
    revoked: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RefreshState {
    Live,
    /// Replaced by a newer refresh token of the same grant (rotation).
    Rotated,
    Revoked,
}

#[derive(Debug, Clone)]
struct Refresh {
    hub_id: i64,
    grant: u64,
    scopes: Vec<String>,
    state: RefreshState,
}

/// What a bearer token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AccessCheck {
    /// Valid for this account.
    Live { hub_id: i64 },
    /// The account's, but expired this long ago.
    Expired { hub_id: i64, ago: Duration },
    /// The account's, but revoked.
    Revoked { hub_id: i64 },
    /// Not a token the fake issued.
    Unknown,
}

impl AccessCheck {
    /// The account the token was issued for, whatever its state.
    pub(crate) fn hub_id(self) -> Option<i64> {
        match self {
            AccessCheck::Live { hub_id }
            | AccessCheck::Expired { hub_id, .. }
            | AccessCheck::Revoked { hub_id } => Some(hub_id),
            AccessCheck::Unknown => None,
        }
    }
}

/// Tokens just issued.
#[derive(Debug, Clone)]
pub(crate) struct Issued {
    pub(crate) access_token: String,
    pub(crate) refresh_token: String,
    pub(crate) expires_in: u64,
    pub(crate) hub_id: i64,
    pub(crate) scopes: Vec<String>,
}

/// Why a code exchange failed; `hub_id` is the code's account when the
/// code is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeError {
    /// Unknown, already used or expired.
    BadCode,
    /// The code was issued for another redirect URI.
    RedirectMismatch,
}

/// Why a refresh failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefreshError {
    /// Not a refresh token the fake issued.
    Unknown,
    /// Revoked (or its grant was).
    Revoked,
    /// Rotated out by an earlier refresh: a replay.
    Replayed,
}

/// What introspection tells about a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenInfo {
    /// A live OAuth access token.
    Access {
        hub_id: i64,
        scopes: Vec<String>,
        expires_in: u64,
        expires_at_ms: u64,
    },
    /// A live refresh token.
    Refresh { hub_id: i64, scopes: Vec<String> },
    /// Unknown, expired, revoked, rotated out, or a private-app token.
    Inactive,
}

/// Every code and token the fake issued.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    codes: HashMap<String, Code>,
    access: HashMap<String, Access>,
    refresh: HashMap<String, Refresh>,
    next_grant: u64,
}

/// A hard-to-guess token text: `prefix` then 32 hex digits from the clock,
/// a process-wide counter and SplitMix64 (unique within a process; not for
/// real secrets).
fn fresh(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or_default();
    let mix = |mut z: u64| {
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let hi = mix(nanos ^ u64::from(std::process::id()).rotate_left(32));
    // The counter keeps texts unique even if the clock stands still.
    let lo = mix(n ^ hi) & 0xFFFF_FFFF_0000_0000 | (n & 0xFFFF_FFFF);
    format!("{prefix}{hi:016x}{lo:016x}")
}

/// A UUID-shaped token text, as HubSpot's refresh tokens and codes look.
fn fresh_uuid() -> String {
    let hex = fresh("");
    format!(
        "{}-{}-4{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// Whole seconds from `now` until `at` (0 if past).
fn secs_until(at: Instant, now: Instant) -> u64 {
    at.saturating_duration_since(now).as_secs()
}

impl Tokens {
    /// Registers a private-app token of `hub_id`: never expires, not
    /// revoked by [`revoke_account_access`](Self::revoke_account_access).
    pub(crate) fn add_private(&mut self, token: String, hub_id: i64) {
        self.access.insert(
            token,
            Access {
                hub_id,
                grant: None,
                scopes: Vec::new(),
                expires_at: None,
                revoked: false,
            },
        );
    }

    /// What a bearer token is at `now`.
    pub(crate) fn check(&self, token: &str, now: Instant) -> AccessCheck {
        let Some(access) = self.access.get(token) else {
            return AccessCheck::Unknown;
        };
        let hub_id = access.hub_id;
        if access.revoked {
            return AccessCheck::Revoked { hub_id };
        }
        match access.expires_at {
            Some(at) if now >= at => AccessCheck::Expired {
                hub_id,
                ago: now - at,
            },
            _ => AccessCheck::Live { hub_id },
        }
    }

    /// A new single-use code for `hub_id`, valid for `lifetime`.
    pub(crate) fn new_code(
        &mut self,
        hub_id: i64,
        scopes: Vec<String>,
        redirect_uri: &str,
        lifetime: Duration,
        now: Instant,
    ) -> String {
        let code = fresh_uuid();
        self.codes.insert(
            code.clone(),
            Code {
                hub_id,
                scopes,
                redirect_uri: redirect_uri.to_owned(),
                expires_at: now + lifetime,
                used: false,
            },
        );
        code
    }

    /// The account a code is for, if it is known (used or not).
    pub(crate) fn code_hub(&self, code: &str) -> Option<i64> {
        self.codes.get(code).map(|c| c.hub_id)
    }

    /// The account a refresh token is for, if it is known.
    pub(crate) fn refresh_hub(&self, token: &str) -> Option<i64> {
        self.refresh.get(token).map(|r| r.hub_id)
    }

    /// Exchanges a code (used up by the first try, good or not) for tokens.
    pub(crate) fn exchange(
        &mut self,
        code: &str,
        redirect_uri: &str,
        lifetime: Duration,
        now: Instant,
    ) -> Result<Issued, CodeError> {
        let found = self.codes.get_mut(code).ok_or(CodeError::BadCode)?;
        // Kept (used) so that a second try is still the account's.
        let first_use = !std::mem::replace(&mut found.used, true);
        if !first_use || now >= found.expires_at {
            return Err(CodeError::BadCode);
        }
        if found.redirect_uri != redirect_uri {
            return Err(CodeError::RedirectMismatch);
        }
        let (hub_id, scopes) = (found.hub_id, std::mem::take(&mut found.scopes));
        Ok(self.issue(hub_id, scopes, lifetime, now))
    }

    /// Starts a grant for `hub_id` and issues its first tokens.
    pub(crate) fn issue(
        &mut self,
        hub_id: i64,
        scopes: Vec<String>,
        lifetime: Duration,
        now: Instant,
    ) -> Issued {
        let grant = self.next_grant;
        self.next_grant += 1;
        let refresh_token = fresh_uuid();
        self.refresh.insert(
            refresh_token.clone(),
            Refresh {
                hub_id,
                grant,
                scopes: scopes.clone(),
                state: RefreshState::Live,
            },
        );
        self.new_access(hub_id, grant, scopes, refresh_token, lifetime, now)
    }

    fn new_access(
        &mut self,
        hub_id: i64,
        grant: u64,
        scopes: Vec<String>,
        refresh_token: String,
        lifetime: Duration,
        now: Instant,
    ) -> Issued {
        let access_token = fresh("fake-at-");
        self.access.insert(
            access_token.clone(),
            Access {
                hub_id,
                grant: Some(grant),
                scopes: scopes.clone(),
                expires_at: Some(now + lifetime),
                revoked: false,
            },
        );
        Issued {
            access_token,
            refresh_token,
            expires_in: lifetime.as_secs(),
            hub_id,
            scopes,
        }
    }

    /// A new access token for a live refresh token; with `rotate`, a new
    /// refresh token too, and the old one is rotated out.
    pub(crate) fn refresh(
        &mut self,
        token: &str,
        rotate: bool,
        lifetime: Duration,
        now: Instant,
    ) -> Result<Issued, RefreshError> {
        let found = self.refresh.get_mut(token).ok_or(RefreshError::Unknown)?;
        match found.state {
            RefreshState::Live => {}
            RefreshState::Rotated => return Err(RefreshError::Replayed),
            RefreshState::Revoked => return Err(RefreshError::Revoked),
        }
        let (hub_id, grant, scopes) = (found.hub_id, found.grant, found.scopes.clone());
        let refresh_token = if rotate {
            found.state = RefreshState::Rotated;
            let next = fresh_uuid();
            self.refresh.insert(
                next.clone(),
                Refresh {
                    hub_id,
                    grant,
                    scopes: scopes.clone(),
                    state: RefreshState::Live,
                },
            );
            next
        } else {
            token.to_owned()
        };
        Ok(self.new_access(hub_id, grant, scopes, refresh_token, lifetime, now))
    }

    /// Revokes a token: a refresh token ends its whole grant (every access
    /// and refresh token of it); an OAuth access token stops working alone.
    /// `false` if the token is unknown or a private-app token.
    pub(crate) fn revoke(&mut self, token: &str) -> bool {
        if let Some(grant) = self.refresh.get(token).map(|r| r.grant) {
            for refresh in self.refresh.values_mut().filter(|r| r.grant == grant) {
                refresh.state = RefreshState::Revoked;
            }
            for access in self.access.values_mut() {
                if access.grant == Some(grant) {
                    access.revoked = true;
                }
            }
            return true;
        }
        match self.access.get_mut(token) {
            Some(access) if access.grant.is_some() => {
                access.revoked = true;
                true
            }
            _ => false,
        }
    }

    /// Revokes every OAuth access token of an account (its refresh tokens
    /// still work); the number revoked that were not already.
    pub(crate) fn revoke_account_access(&mut self, hub_id: i64) -> usize {
        let mut count = 0;
        for access in self.access.values_mut() {
            if access.hub_id == hub_id && access.grant.is_some() && !access.revoked {
                access.revoked = true;
                count += 1;
            }
        }
        count
    }

    /// Makes every live OAuth access token of an account expire at `now`;
    /// the number changed.
    pub(crate) fn expire_account_access(&mut self, hub_id: i64, now: Instant) -> usize {
        let mut count = 0;
        for access in self.access.values_mut() {
            let live = access.expires_at.is_some_and(|at| at > now);
            if access.hub_id == hub_id && access.grant.is_some() && !access.revoked && live {
                access.expires_at = Some(now);
                count += 1;
            }
        }
        count
    }

    /// Introspection: what `token` is, looking at the kind `hint` names
    /// first (`access_token` / `refresh_token`), then the other.
    pub(crate) fn info(&self, token: &str, hint: Option<&str>, now: Instant) -> TokenInfo {
        let access = || {
            let access = self.access.get(token)?;
            let expires_at = access.expires_at?;
            (!access.revoked && now < expires_at).then(|| {
                let remaining = expires_at - now;
                let epoch_ms = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d + remaining)
                    .map(|d| d.as_millis() as u64)
                    .unwrap_or_default();
                TokenInfo::Access {
                    hub_id: access.hub_id,
                    scopes: access.scopes.clone(),
                    expires_in: secs_until(expires_at, now),
                    expires_at_ms: epoch_ms,
                }
            })
        };
        let refresh = || {
            let refresh = self.refresh.get(token)?;
            (refresh.state == RefreshState::Live).then(|| TokenInfo::Refresh {
                hub_id: refresh.hub_id,
                scopes: refresh.scopes.clone(),
            })
        };
        let found = if hint == Some("refresh_token") {
            refresh().or_else(access)
        } else {
            access().or_else(refresh)
        };
        found.unwrap_or(TokenInfo::Inactive)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIFE: Duration = Duration::from_secs(2);

    fn scopes() -> Vec<String> {
        vec!["oauth".to_owned()]
    }

    #[test]
    fn codes_are_single_use_expire_and_check_the_redirect() {
        let mut tokens = Tokens::default();
        let now = Instant::now();
        let code = tokens.new_code(1, scopes(), "http://a/cb", LIFE, now);
        assert_eq!(tokens.code_hub(&code), Some(1));
        assert_eq!(
            tokens
                .exchange(&code, "http://b/cb", LIFE, now)
                .unwrap_err(),
            CodeError::RedirectMismatch
        );
        // Used up by the failed attempt, as a leaked code should be.
        assert_eq!(
            tokens
                .exchange(&code, "http://a/cb", LIFE, now)
                .unwrap_err(),
            CodeError::BadCode
        );
        let code = tokens.new_code(1, scopes(), "http://a/cb", LIFE, now);
        let issued = tokens.exchange(&code, "http://a/cb", LIFE, now).unwrap();
        assert_eq!((issued.hub_id, issued.expires_in), (1, 2));
        assert!(tokens.exchange(&code, "http://a/cb", LIFE, now).is_err());
        let late = tokens.new_code(1, scopes(), "http://a/cb", LIFE, now);
        assert_eq!(
            tokens
                .exchange(&late, "http://a/cb", LIFE, now + LIFE)
                .unwrap_err(),
            CodeError::BadCode
        );
    }

    #[test]
    fn access_tokens_expire_and_refresh_rotates() {
        let mut tokens = Tokens::default();
        let now = Instant::now();
        let first = tokens.issue(7, scopes(), LIFE, now);
        assert_eq!(
            tokens.check(&first.access_token, now),
            AccessCheck::Live { hub_id: 7 }
        );
        assert_eq!(
            tokens.check(&first.access_token, now + Duration::from_secs(5)),
            AccessCheck::Expired {
                hub_id: 7,
                ago: Duration::from_secs(3)
            }
        );
        let second = tokens
            .refresh(&first.refresh_token, true, LIFE, now)
            .unwrap();
        assert_ne!(second.refresh_token, first.refresh_token);
        assert_ne!(second.access_token, first.access_token);
        assert_eq!(
            tokens
                .refresh(&first.refresh_token, true, LIFE, now)
                .unwrap_err(),
            RefreshError::Replayed
        );
        // Without rotation the refresh token stays.
        let third = tokens
            .refresh(&second.refresh_token, false, LIFE, now)
            .unwrap();
        assert_eq!(third.refresh_token, second.refresh_token);
    }

    #[test]
    fn revoking_a_refresh_token_ends_its_grant() {
        let mut tokens = Tokens::default();
        let now = Instant::now();
        let first = tokens.issue(7, scopes(), LIFE, now);
        let second = tokens
            .refresh(&first.refresh_token, true, LIFE, now)
            .unwrap();
        let other = tokens.issue(7, scopes(), LIFE, now);
        assert!(tokens.revoke(&second.refresh_token));
        for access in [&first.access_token, &second.access_token] {
            assert_eq!(
                tokens.check(access, now),
                AccessCheck::Revoked { hub_id: 7 }
            );
        }
        assert_eq!(
            tokens
                .refresh(&second.refresh_token, true, LIFE, now)
                .unwrap_err(),
            RefreshError::Revoked
        );
        assert_eq!(
            tokens.info(&second.refresh_token, None, now),
            TokenInfo::Inactive
        );
        // Another grant of the same account is untouched.
        assert_eq!(
            tokens.check(&other.access_token, now),
            AccessCheck::Live { hub_id: 7 }
        );
        assert!(!tokens.revoke("nope"));
    }

    #[test]
    fn account_wide_revocation_and_expiry_spare_private_tokens() {
        let mut tokens = Tokens::default();
        let now = Instant::now();
        tokens.add_private("pat".to_owned(), 7);
        let a = tokens.issue(7, scopes(), LIFE, now);
        let b = tokens.issue(8, scopes(), LIFE, now);
        assert_eq!(tokens.expire_account_access(7, now), 1);
        assert!(matches!(
            tokens.check(&a.access_token, now),
            AccessCheck::Expired { hub_id: 7, .. }
        ));
        assert_eq!(tokens.revoke_account_access(8), 1);
        assert_eq!(
            tokens.check(&b.access_token, now),
            AccessCheck::Revoked { hub_id: 8 }
        );
        assert_eq!(tokens.check("pat", now), AccessCheck::Live { hub_id: 7 });
        assert!(!tokens.revoke("pat"));
        assert_eq!(tokens.info("pat", None, now), TokenInfo::Inactive);
        // Refresh tokens still work after the access tokens were revoked.
        assert!(tokens.refresh(&b.refresh_token, false, LIFE, now).is_ok());
    }

    #[test]
    fn token_texts_are_distinct_and_uuid_shaped() {
        let a = fresh_uuid();
        let b = fresh_uuid();
        assert_ne!(a, b);
        let parts: Vec<usize> = a.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
    }
}
