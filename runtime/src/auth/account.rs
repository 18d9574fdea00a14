//! One account's OAuth state inside a client: its current access token,
//! its refresh (one at a time), and its rate-limit budget.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use http::HeaderValue;

use super::{AccessToken, OAuthApp, RefreshToken, TokenSet, TokenStore};
use crate::oauth::{AccessTokenResponse, CreateToken, GrantType, TokenResponse};
use crate::rate_limit::Limiter;
use crate::{ApiVersion, Client, Error};

/// The version of the token endpoint the client refreshes with: the newest
/// one whose success response HubSpot documents.
pub(crate) const TOKEN_VERSION: ApiVersion = ApiVersion::Dated {
    year: 2026,
    month: 3,
};

/// The most the client refreshes ahead of expiry.
const MAX_REFRESH_AHEAD: Duration = Duration::from_secs(300);

/// The access token in use, with when to refresh it.
struct Current {
    tokens: Arc<TokenSet>,
    /// `Bearer <token>`, marked sensitive.
    header: HeaderValue,
    /// When to start refreshing: ahead of expiry by a fifth of the token's
    /// life (at most five minutes), plus up to a fifth of that at random,
    /// so that processes sharing a store do not all refresh at once.
    refresh_at: SystemTime,
}

impl Current {
    fn new(tokens: Arc<TokenSet>, now: SystemTime) -> Result<Current, Error> {
        let mut header =
            HeaderValue::try_from(format!("Bearer {}", tokens.access_token.expose_secret()))
                .map_err(|_| {
                    Error::config("the access token has characters an HTTP header cannot carry")
                })?;
        header.set_sensitive(true);
        let life = tokens.expires_at.duration_since(now).unwrap_or_default();
        let ahead = (life / 5).min(MAX_REFRESH_AHEAD);
        let ahead = ahead + crate::random::jitter(ahead / 5);
        let refresh_at = tokens.expires_at.checked_sub(ahead).unwrap_or(now);
        Ok(Current {
            tokens,
            header,
            refresh_at,
        })
    }

    fn fresh(&self, now: SystemTime) -> bool {
        now < self.refresh_at
    }
}

/// What a request authenticates with: the header, and the token set's
/// version (to tell, after a `401`, whether a newer token exists already).
#[derive(Clone)]
pub(crate) struct Bearer {
    pub(crate) header: HeaderValue,
    pub(crate) version: u64,
}

/// One account's OAuth state, shared by every handle on it.
pub(crate) struct Account {
    hub_id: u64,
    limiter: Limiter,
    current: RwLock<Option<Current>>,
    /// Held while refreshing: one refresh per account at a time.
    refreshing: tokio::sync::Mutex<()>,
    /// Set when HubSpot refused the refresh token: the account must
    /// install the app again, and nothing is retried until it does.
    reauthorize: AtomicBool,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("hub_id", &self.hub_id)
            .field(
                "reauthorization_required",
                &self.reauthorize.load(Ordering::Relaxed),
            )
            .finish_non_exhaustive()
    }
}

impl Account {
    pub(crate) fn new(hub_id: u64, limiter: Limiter) -> Account {
        Account {
            hub_id,
            limiter,
            current: RwLock::new(None),
            refreshing: tokio::sync::Mutex::new(()),
            reauthorize: AtomicBool::new(false),
        }
    }

    pub(crate) fn hub_id(&self) -> u64 {
        self.hub_id
    }

    /// The account's own rate limiter.
    pub(crate) fn limiter(&self) -> &Limiter {
        &self.limiter
    }

    fn cached(&self, now: SystemTime, newer_than: Option<u64>) -> Option<Bearer> {
        let current = self.current.read().unwrap_or_else(|p| p.into_inner());
        let current = current.as_ref()?;
        let usable = match newer_than {
            None => current.fresh(now),
            Some(version) => current.tokens.version > version,
        };
        usable.then(|| Bearer {
            header: current.header.clone(),
            version: current.tokens.version,
        })
    }

    fn adopt(&self, tokens: Arc<TokenSet>, now: SystemTime) -> Result<Bearer, Error> {
        let current = Current::new(tokens, now)?;
        let bearer = Bearer {
            header: current.header.clone(),
            version: current.tokens.version,
        };
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Some(current);
        Ok(bearer)
    }

    /// Uses tokens just saved by an install: the account works again if it
    /// needed reauthorizing.
    pub(crate) fn installed(&self, tokens: TokenSet) -> Result<(), Error> {
        self.adopt(Arc::new(tokens), SystemTime::now())?;
        self.reauthorize.store(false, Ordering::SeqCst);
        Ok(())
    }

    fn reauthorization_required(&self) -> Error {
        Error::ReauthorizationRequired {
            hub_id: self.hub_id,
        }
    }

    /// The access token to send: the cached one while it is fresh, else a
    /// refreshed one.
    pub(crate) async fn bearer(
        &self,
        client: &Client,
        app: &OAuthApp,
        store: &dyn TokenStore,
    ) -> Result<Bearer, Error> {
        if self.reauthorize.load(Ordering::SeqCst) {
            return Err(self.reauthorization_required());
        }
        if let Some(bearer) = self.cached(SystemTime::now(), None) {
            return Ok(bearer);
        }
        self.refresh(client, app, store, None).await
    }

    /// A token newer than the one at `rejected`, which HubSpot refused
    /// (`401`): refreshes unless another request did already.
    pub(crate) async fn after_rejection(
        &self,
        client: &Client,
        app: &OAuthApp,
        store: &dyn TokenStore,
        rejected: u64,
    ) -> Result<Bearer, Error> {
        self.refresh(client, app, store, Some(rejected)).await
    }

    /// Refreshes, one caller at a time. `newer_than`: `None` to refresh a
    /// token due for it, `Some(version)` to replace that version whatever
    /// its age.
    async fn refresh(
        &self,
        client: &Client,
        app: &OAuthApp,
        store: &dyn TokenStore,
        newer_than: Option<u64>,
    ) -> Result<Bearer, Error> {
        if self.reauthorize.load(Ordering::SeqCst) {
            return Err(self.reauthorization_required());
        }
        let _refreshing = self.refreshing.lock().await;
        // Whoever held the lock before may have refreshed, or found that
        // the account must install again.
        if self.reauthorize.load(Ordering::SeqCst) {
            return Err(self.reauthorization_required());
        }
        if let Some(bearer) = self.cached(SystemTime::now(), newer_than) {
            return Ok(bearer);
        }
        // The store's lock, shared with the other processes on the store
        // (if it has one): one refresh per account across all of them.
        let lock = store
            .lock_refresh(self.hub_id)
            .await
            .map_err(|error| Error::TokenStore(Box::new(error)))?;
        let result = self.refresh_locked(client, app, store, newer_than).await;
        if let Some(lock) = lock
            && let Err(error) = lock.release().await
        {
            // It lapses by its time to live; the refresh itself is done.
            tracing::debug!(
                hub_id = self.hub_id,
                %error,
                "releasing the refresh lock failed"
            );
        }
        result
    }

    /// The refresh proper, under both locks: reloads the stored tokens
    /// (another process may have refreshed while this one waited), and
    /// exchanges the refresh token only if they are not usable.
    async fn refresh_locked(
        &self,
        client: &Client,
        app: &OAuthApp,
        store: &dyn TokenStore,
        newer_than: Option<u64>,
    ) -> Result<Bearer, Error> {
        let now = SystemTime::now();
        // Another process sharing the store may have refreshed.
        let Some(stored) = store
            .load(self.hub_id)
            .await
            .map_err(|error| Error::TokenStore(Box::new(error)))?
        else {
            return Err(self.reauthorization_required());
        };
        let stored = Arc::new(stored);
        let known = self
            .current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map(|c| c.tokens.version);
        if known.is_none_or(|known| stored.version > known) {
            let bearer = self.adopt(Arc::clone(&stored), now)?;
            if self.cached(now, newer_than).is_some() {
                return Ok(bearer);
            }
        }
        let refreshed = match self.exchange(client, app, &stored).await {
            Ok(tokens) => tokens,
            Err(error) if error.is_bad_refresh_token() => {
                self.reauthorize.store(true, Ordering::SeqCst);
                tracing::warn!(
                    hub_id = self.hub_id,
                    "HubSpot refused the account's refresh token: the app must be installed again"
                );
                return Err(self.reauthorization_required());
            }
            Err(error) => return Err(error),
        };
        match store.save(&refreshed, Some(stored.version)).await {
            Ok(()) => {
                tracing::debug!(
                    hub_id = self.hub_id,
                    version = refreshed.version,
                    "refreshed the account's access token"
                );
                self.adopt(Arc::new(refreshed), SystemTime::now())
            }
            // Another process saved a newer set meanwhile: use that one.
            Err(super::StoreError::Conflict(current)) => {
                self.adopt(Arc::from(current), SystemTime::now())
            }
            Err(error) => Err(Error::TokenStore(Box::new(error))),
        }
    }

    /// Calls the token endpoint with the refresh token of `stored`.
    async fn exchange(
        &self,
        client: &Client,
        app: &OAuthApp,
        stored: &TokenSet,
    ) -> Result<TokenSet, Error> {
        let request = CreateToken::builder()
            .grant_type(GrantType::RefreshToken)
            .client_id(app.client_id())
            .client_secret(app.client_secret().expose_secret())
            .refresh_token(stored.refresh_token.expose_secret())
            .build();
        let response = crate::client::send_boxed(client, &request, TOKEN_VERSION).await?;
        let tokens = access_tokens(response)?;
        let refresh_token = if tokens.refresh_token.is_empty() {
            stored.refresh_token.clone()
        } else {
            RefreshToken::new(tokens.refresh_token)
        };
        Ok(TokenSet {
            hub_id: self.hub_id,
            access_token: AccessToken::new(tokens.access_token),
            refresh_token,
            expires_at: expires_at(tokens.expires_in),
            scopes: stored.scopes.clone(),
            version: stored.version + 1,
        })
    }
}

/// The account tokens in a token response.
pub(crate) fn access_tokens(response: TokenResponse) -> Result<AccessTokenResponse, Error> {
    match response {
        TokenResponse::AccessToken(tokens) => Ok(tokens),
        _ => Err(Error::invalid_response(
            "the token endpoint answered without an account's access and refresh tokens",
        )),
    }
}

/// When a token that lives `expires_in` seconds from now expires.
pub(crate) fn expires_at(expires_in: i64) -> SystemTime {
    let seconds = u64::try_from(expires_in).unwrap_or(0);
    SystemTime::now() + Duration::from_secs(seconds.min(u64::from(u32::MAX)))
}
