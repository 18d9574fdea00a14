//! Where an app keeps its accounts' tokens: the [`TokenStore`] trait and the
//! default [`InMemoryTokenStore`].

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{AccessToken, RefreshToken};

/// One account's OAuth tokens, as the client keeps them.
///
/// `version` grows by one with every refresh, so that a store can refuse a
/// write that would replace a newer token set with an older one (see
/// [`TokenStore::save`]). Its `Debug` shows neither token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenSet {
    /// The HubSpot account (hub id, also called portal id).
    pub hub_id: u64,
    /// The bearer token for API calls.
    pub access_token: AccessToken,
    /// The token to refresh it with.
    pub refresh_token: RefreshToken,
    /// When the access token expires.
    pub expires_at: SystemTime,
    /// The scopes granted at install.
    pub scopes: Vec<String>,
    /// 1 at install, one more with each refresh.
    pub version: u64,
}

/// The stored form of a [`TokenSet`], for stores that keep text.
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    hub_id: u64,
    access_token: std::borrow::Cow<'a, str>,
    refresh_token: std::borrow::Cow<'a, str>,
    expires_at_ms: u64,
    scopes: Vec<String>,
    version: u64,
}

impl TokenSet {
    /// The token set as JSON, for a store that keeps text (a file, SQLite,
    /// Redis). The JSON holds the tokens in clear: protect it as a secret.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use hubspot_runtime::TokenSet;
    ///
    /// let tokens = TokenSet {
    ///     hub_id: 101,
    ///     access_token: "access".into(),
    ///     refresh_token: "refresh".into(),
    ///     expires_at: UNIX_EPOCH + Duration::from_secs(1_800_000_000),
    ///     scopes: vec!["oauth".to_owned()],
    ///     version: 3,
    /// };
    /// let json = tokens.to_stored_json();
    /// assert_eq!(TokenSet::from_stored_json(&json).unwrap(), tokens);
    /// ```
    pub fn to_stored_json(&self) -> String {
        let expires_at_ms = self
            .expires_at
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_millis()
            .try_into()
            .unwrap_or(u64::MAX);
        let stored = Stored {
            hub_id: self.hub_id,
            access_token: self.access_token.expose_secret().into(),
            refresh_token: self.refresh_token.expose_secret().into(),
            expires_at_ms,
            scopes: self.scopes.clone(),
            version: self.version,
        };
        // Strings, integers and a list of strings always serialize.
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// Reads what [`to_stored_json`](TokenSet::to_stored_json) wrote. The
    /// error says what is wrong with the JSON, never what it holds.
    pub fn from_stored_json(json: &str) -> Result<TokenSet, StoreError> {
        let stored: Stored<'_> = serde_json::from_str(json).map_err(|error| {
            StoreError::backend(format!(
                "stored tokens are not valid (line {}, column {})",
                error.line(),
                error.column()
            ))
        })?;
        Ok(TokenSet {
            hub_id: stored.hub_id,
            access_token: AccessToken::new(stored.access_token.into_owned()),
            refresh_token: RefreshToken::new(stored.refresh_token.into_owned()),
            expires_at: UNIX_EPOCH + Duration::from_millis(stored.expires_at_ms),
            scopes: stored.scopes,
            version: stored.version,
        })
    }
}

/// The future a [`TokenStore`] method returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// Loads and saves each account's tokens, and sees every rotation.
///
/// The client loads an account's tokens when it first serves that account
/// and again, under the account's refresh lock, before each refresh (so a
/// token another process refreshed is used rather than refreshed again). It
/// saves them after install and after every refresh. A store shared by
/// several processes (a database, Redis) makes them share tokens.
///
/// ```
/// use hubspot_runtime::{InMemoryTokenStore, StoreError, StoreFuture, TokenSet, TokenStore};
///
/// /// A store that logs what it is asked, and keeps tokens in memory.
/// struct Logged(InMemoryTokenStore);
///
/// impl TokenStore for Logged {
///     fn load(&self, hub_id: u64) -> StoreFuture<'_, Option<TokenSet>> {
///         println!("load {hub_id}");
///         self.0.load(hub_id)
///     }
///     fn save<'a>(&'a self, tokens: &'a TokenSet, replaces: Option<u64>) -> StoreFuture<'a, ()> {
///         println!("save {} v{}", tokens.hub_id, tokens.version);
///         self.0.save(tokens, replaces)
///     }
///     fn remove(&self, hub_id: u64) -> StoreFuture<'_, ()> {
///         self.0.remove(hub_id)
///     }
/// }
/// ```
pub trait TokenStore: Send + Sync + 'static {
    /// The account's tokens, or `None` when the app is not installed there
    /// (or was uninstalled).
    fn load(&self, hub_id: u64) -> StoreFuture<'_, Option<TokenSet>>;

    /// Saves `tokens` for `tokens.hub_id`.
    ///
    /// With `replaces: Some(version)`, the write must happen only if the
    /// stored set still has that `version`: otherwise it fails with
    /// [`StoreError::Conflict`] carrying the stored set, and the client
    /// uses that one. This is what stops a slow writer from replacing a
    /// newer token (and a rotated refresh token from being lost). With
    /// `None` (an install), the write replaces whatever is stored.
    fn save<'a>(&'a self, tokens: &'a TokenSet, replaces: Option<u64>) -> StoreFuture<'a, ()>;

    /// Forgets the account's tokens.
    fn remove(&self, hub_id: u64) -> StoreFuture<'_, ()>;

    /// Takes the account's refresh lock, shared with every process using
    /// the same store, waiting for it while another holds it: `Some(lock)`
    /// to release once the refreshed tokens are saved.
    ///
    /// The client calls it before each refresh, after its own in-process
    /// lock, and then reloads the tokens: a process that waited finds the
    /// token the holder refreshed and uses it, rather than presenting a
    /// refresh token the holder's refresh rotated out. A lock must expire
    /// on its own (a time to live) should its holder die.
    ///
    /// The default returns `Ok(None)`: no lock beyond the client's own
    /// in-process one, which is enough for a store no other process
    /// shares (such as [`InMemoryTokenStore`]). A store that cannot take
    /// the lock in time fails with [`StoreError::LockTimeout`].
    fn lock_refresh(&self, hub_id: u64) -> StoreFuture<'_, Option<RefreshLock>> {
        let _ = hub_id;
        Box::pin(async { Ok(None) })
    }
}

/// The future that releases a [`RefreshLock`].
pub type ReleaseFuture = Pin<Box<dyn Future<Output = Result<(), StoreError>> + Send>>;

/// An account's refresh lock, held: what
/// [`TokenStore::lock_refresh`] returns.
///
/// A store builds it with the action that releases the lock
/// ([`RefreshLock::new`]). Release it with
/// [`release`](RefreshLock::release)`.await`. Dropped unreleased (a
/// refresh that failed or was cancelled), it spawns the release on the
/// current tokio runtime if there is one; with no runtime, the release is
/// skipped and the lock lapses when its time to live runs out.
///
/// ```
/// use hubspot_runtime::RefreshLock;
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let lock = RefreshLock::new(|| Box::pin(async {
///     println!("released");
///     Ok(())
/// }));
/// lock.release().await.unwrap();
/// # }
/// ```
pub struct RefreshLock {
    release: Option<Box<dyn FnOnce() -> ReleaseFuture + Send + Sync>>,
}

impl RefreshLock {
    /// A held lock, released by calling `release` (once).
    pub fn new(release: impl FnOnce() -> ReleaseFuture + Send + Sync + 'static) -> RefreshLock {
        RefreshLock {
            release: Some(Box::new(release)),
        }
    }

    /// Releases the lock.
    pub async fn release(mut self) -> Result<(), StoreError> {
        match self.release.take() {
            Some(release) => release().await,
            None => Ok(()),
        }
    }
}

impl Drop for RefreshLock {
    fn drop(&mut self) {
        if let Some(release) = self.release.take()
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            runtime.spawn(async move {
                if let Err(error) = release().await {
                    tracing::debug!(%error, "releasing a dropped refresh lock failed");
                }
            });
        }
    }
}

impl fmt::Debug for RefreshLock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshLock")
            .field("held", &self.release.is_some())
            .finish()
    }
}

/// Why a [`TokenStore`] call failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum StoreError {
    /// A versioned save found another version stored; this is it.
    Conflict(Box<TokenSet>),
    /// The store itself failed (I/O, a database error, bad stored data).
    /// The message must not carry a token.
    Backend(Box<dyn std::error::Error + Send + Sync>),
    /// The account's refresh lock stayed held by another process longer
    /// than the store waits ([`TokenStore::lock_refresh`]).
    LockTimeout {
        /// The account whose lock could not be taken.
        hub_id: u64,
    },
}

impl StoreError {
    /// A [`StoreError::Backend`] with `message`.
    pub fn backend(message: impl Into<String>) -> StoreError {
        StoreError::Backend(message.into().into())
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Conflict(current) => write!(
                f,
                "the token store holds version {} of account {}'s tokens, not the one replaced",
                current.version, current.hub_id
            ),
            StoreError::Backend(error) => write!(f, "the token store failed: {error}"),
            StoreError::LockTimeout { hub_id } => write!(
                f,
                "account {hub_id}'s refresh lock stayed held by another process too long"
            ),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Conflict(_) | StoreError::LockTimeout { .. } => None,
            StoreError::Backend(error) => Some(&**error),
        }
    }
}

/// The default [`TokenStore`]: a map in this process's memory. Tokens are
/// lost when the process exits (accounts must then install again), and are
/// not shared with other processes; plug in a persistent store for that.
#[derive(Debug, Default)]
pub struct InMemoryTokenStore {
    tokens: Mutex<HashMap<u64, TokenSet>>,
}

impl InMemoryTokenStore {
    /// An empty store.
    pub fn new() -> InMemoryTokenStore {
        InMemoryTokenStore::default()
    }

    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<u64, TokenSet>> {
        // A panic while holding the lock cannot leave the map half-written.
        self.tokens
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl TokenStore for InMemoryTokenStore {
    fn load(&self, hub_id: u64) -> StoreFuture<'_, Option<TokenSet>> {
        let found = self.map().get(&hub_id).cloned();
        Box::pin(async move { Ok(found) })
    }

    fn save<'a>(&'a self, tokens: &'a TokenSet, replaces: Option<u64>) -> StoreFuture<'a, ()> {
        let result = {
            let mut map = self.map();
            match (replaces, map.get(&tokens.hub_id)) {
                (Some(expected), Some(current)) if current.version != expected => {
                    Err(StoreError::Conflict(Box::new(current.clone())))
                }
                (Some(_), None) => Err(StoreError::backend(format!(
                    "account {} has no tokens to replace (was it uninstalled?)",
                    tokens.hub_id
                ))),
                _ => {
                    map.insert(tokens.hub_id, tokens.clone());
                    Ok(())
                }
            }
        };
        Box::pin(async move { result })
    }

    fn remove(&self, hub_id: u64) -> StoreFuture<'_, ()> {
        self.map().remove(&hub_id);
        Box::pin(async move { Ok(()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(version: u64) -> TokenSet {
        TokenSet {
            hub_id: 7,
            access_token: AccessToken::new(format!("access-{version}")),
            refresh_token: RefreshToken::new(format!("refresh-{version}")),
            expires_at: UNIX_EPOCH + Duration::from_millis(1_800_000_000_123),
            scopes: vec!["oauth".to_owned()],
            version,
        }
    }

    #[tokio::test]
    async fn versioned_saves_refuse_to_replace_a_newer_set() {
        let store = InMemoryTokenStore::new();
        store.save(&tokens(1), None).await.unwrap();
        store.save(&tokens(2), Some(1)).await.unwrap();
        // A slow writer that read version 1 loses, and learns version 2.
        match store.save(&tokens(2), Some(1)).await {
            Err(StoreError::Conflict(current)) => assert_eq!(current.version, 2),
            other => panic!("{other:?}"),
        }
        assert_eq!(store.load(7).await.unwrap().unwrap().version, 2);
        store.remove(7).await.unwrap();
        assert!(store.load(7).await.unwrap().is_none());
        assert!(store.save(&tokens(3), Some(2)).await.is_err());
    }

    #[test]
    fn stored_json_round_trips_and_bad_json_names_no_token() {
        let json = tokens(4).to_stored_json();
        assert_eq!(TokenSet::from_stored_json(&json).unwrap(), tokens(4));
        let broken = json.replace("\"version\"", "\"versio\"");
        let error = TokenSet::from_stored_json(&broken).unwrap_err().to_string();
        assert!(
            !error.contains("access-4") && !error.contains("refresh-4"),
            "{error}"
        );
        assert!(!format!("{:?}", tokens(4)).contains("access-4"));
    }
}
