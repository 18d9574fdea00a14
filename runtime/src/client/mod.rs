//! The [`Client`]: configuration, version selection, transport and the
//! mapping of HubSpot's answers.
//!
//! One concern per file: `builder.rs` configures and validates, `send.rs` runs
//! a request's attempts, `url.rs` builds request URLs and `body.rs` reads and
//! decodes answers.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::auth::Account;
use crate::rate_limit::Limiter;
use crate::{AccessToken, ApiVersion, Error, RateLimit, RetryPolicy};

mod auth;
mod body;
mod builder;
mod send;
mod url;

pub(crate) use auth::send_boxed;
pub use body::decode_response;
pub use builder::ClientBuilder;
pub use url::PathSegment;
pub(crate) use url::QUERY_COMPONENT;

/// The environment variable [`Client::from_env`] reads the token from.
pub(crate) const TOKEN_ENV: &str = "HUBSPOT_ACCESS_TOKEN";

/// The environment variable [`Client::from_env`] reads an optional base URL
/// from.
pub(crate) const BASE_URL_ENV: &str = "HUBSPOT_BASE_URL";

/// A HubSpot API client: sends requests declared with `hubspot_endpoint!`.
///
/// Cloning is cheap (the state is shared behind an [`Arc`]) and clones share
/// one connection pool, one rate limiter and one bound on concurrent
/// requests; a `Client` is `Send + Sync`. Its `Debug` output shows the
/// configuration with the token redacted.
///
/// Every request goes through the rate limiter, is retried when that is
/// safe (see [`RetryPolicy`]) and is bounded in time per attempt and in
/// all; each is a `tracing` span named `hubspot_request`.
///
/// ```no_run
/// # async fn run() -> Result<(), hubspot_runtime::Error> {
/// use std::time::Duration;
/// use hubspot_runtime::{ApiVersion, Client};
///
/// // From HUBSPOT_ACCESS_TOKEN (and HUBSPOT_BASE_URL, if set):
/// let client = Client::from_env()?;
///
/// // Or spelled out:
/// let client = Client::builder()
///     .token("pat-na1-0123456789")
///     .timeout(Duration::from_secs(10))
///     .api_version(ApiVersion::dated(2026, 3))
///     .build()?;
/// # let _ = client;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    /// The account this handle sends as ([`Client::account`]).
    account: Option<Arc<Account>>,
}

struct Inner {
    http: reqwest::Client,
    /// Validated, without a trailing `/`.
    base_url: String,
    /// `base_url` parsed once: a request's URL is a copy with its path and
    /// query set, so the scheme and host are not parsed again per request.
    base: reqwest::Url,
    credentials: auth::Credentials,
    api_version: Option<ApiVersion>,
    timeout: Duration,
    total_timeout: Duration,
    user_agent: String,
    retry_policy: RetryPolicy,
    rate_limit: RateLimit,
    limiter: Limiter,
    max_response_bytes: u64,
}

impl Client {
    /// Where HubSpot's APIs live, unless [`ClientBuilder::base_url`] says otherwise.
    pub const DEFAULT_BASE_URL: &'static str = "https://api.hubapi.com";

    /// How long one attempt at a request may take, unless
    /// [`ClientBuilder::timeout`] says otherwise.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

    /// How long a request may take in all, waiting for the rate limiter and
    /// retries included, unless [`ClientBuilder::total_timeout`] says otherwise.
    pub const DEFAULT_TOTAL_TIMEOUT: Duration = Duration::from_secs(90);

    /// How many requests a client and its clones have in flight at most, unless
    /// [`ClientBuilder::max_concurrent_requests`] says otherwise.
    pub const DEFAULT_MAX_CONCURRENT_REQUESTS: usize = 10;

    /// The most bytes of an answer's body the client reads, unless
    /// [`ClientBuilder::max_response_bytes`] says otherwise: 16 MiB.
    pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 16 * 1024 * 1024;

    /// The `User-Agent` sent unless [`ClientBuilder::user_agent`] says otherwise.
    pub const DEFAULT_USER_AGENT: &'static str =
        concat!("hubspot-runtime/", env!("CARGO_PKG_VERSION"));

    /// A client with the default configuration and `token`.
    ///
    /// ```
    /// let client = hubspot_runtime::Client::new("pat-na1-0123456789")?;
    /// assert_eq!(client.base_url(), "https://api.hubapi.com");
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when the token is empty or cannot be sent in a header.
    pub fn new(token: impl Into<AccessToken>) -> Result<Client, Error> {
        Client::builder().token(token).build()
    }

    /// A client configured from the environment: the token from
    /// `HUBSPOT_ACCESS_TOKEN` (required) and the base URL from
    /// `HUBSPOT_BASE_URL` (optional, e.g. a local fake's URL); everything else
    /// has its default.
    ///
    /// ```no_run
    /// let client = hubspot_runtime::Client::from_env()?;
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when `HUBSPOT_ACCESS_TOKEN` is unset, empty or not
    /// Unicode, or `HUBSPOT_BASE_URL` is not an `http(s)` URL.
    pub fn from_env() -> Result<Client, Error> {
        ClientBuilder::from_env_with(|name| std::env::var_os(name))?.build()
    }

    /// A [`ClientBuilder`] with the default configuration and no token.
    ///
    /// ```
    /// let client = hubspot_runtime::Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .base_url("http://127.0.0.1:8080")
    ///     .build()?;
    /// assert_eq!(client.base_url(), "http://127.0.0.1:8080");
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The base URL requests go to, without a trailing `/`.
    ///
    /// ```
    /// let client = hubspot_runtime::Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .base_url("https://api.hubapi.com/")
    ///     .build()?;
    /// assert_eq!(client.base_url(), "https://api.hubapi.com");
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The upper bound on API versions, if pinned with
    /// [`ClientBuilder::api_version`]; unpinned (`None`), each endpoint is
    /// sent at its newest version (see [`ApiVersion`]).
    ///
    /// ```
    /// use hubspot_runtime::{ApiVersion, Client};
    ///
    /// let client = Client::new("pat-na1-0123456789")?;
    /// assert_eq!(client.api_version(), None);
    /// let pinned = Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .api_version(ApiVersion::V3)
    ///     .build()?;
    /// assert_eq!(pinned.api_version(), Some(ApiVersion::V3));
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn api_version(&self) -> Option<ApiVersion> {
        self.inner.api_version
    }

    /// How long one attempt may take before it fails with
    /// [`Error::Timeout`] (and is retried, if that is safe).
    ///
    /// ```
    /// let client = hubspot_runtime::Client::new("pat-na1-0123456789")?;
    /// assert_eq!(client.timeout(), std::time::Duration::from_secs(30));
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn timeout(&self) -> Duration {
        self.inner.timeout
    }

    /// How long a request may take in all, from the call to `send` to its
    /// result, waiting for the rate limiter and retries included.
    ///
    /// ```
    /// let client = hubspot_runtime::Client::new("pat-na1-0123456789")?;
    /// assert_eq!(client.total_timeout(), std::time::Duration::from_secs(90));
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn total_timeout(&self) -> Duration {
        self.inner.total_timeout
    }

    /// How failed requests are retried.
    ///
    /// ```
    /// use hubspot_runtime::{Client, RetryPolicy};
    /// let client = Client::new("pat-na1-0123456789")?;
    /// assert_eq!(client.retry_policy(), RetryPolicy::default());
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn retry_policy(&self) -> RetryPolicy {
        self.inner.retry_policy
    }

    /// The client-side request budget this client and its clones share.
    ///
    /// ```
    /// use hubspot_runtime::{Client, RateLimit};
    /// let client = Client::new("pat-na1-0123456789")?;
    /// assert_eq!(client.rate_limit(), RateLimit::FreeOrStarter);
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn rate_limit(&self) -> RateLimit {
        self.inner.rate_limit
    }

    /// How many requests this client and its clones have in flight at most.
    ///
    /// ```
    /// let client = hubspot_runtime::Client::new("pat-na1-0123456789")?;
    /// assert_eq!(client.max_concurrent_requests(), 10);
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn max_concurrent_requests(&self) -> usize {
        self.inner.limiter.max_concurrent()
    }

    /// The most bytes of an answer's body the client reads before failing
    /// with [`Error::ResponseTooLarge`].
    ///
    /// ```
    /// use hubspot_runtime::Client;
    /// let client = Client::new("pat-na1-0123456789")?;
    /// assert_eq!(client.max_response_bytes(), Client::DEFAULT_MAX_RESPONSE_BYTES);
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn max_response_bytes(&self) -> u64 {
        self.inner.max_response_bytes
    }

    /// The `User-Agent` the client sends.
    ///
    /// ```
    /// let client = hubspot_runtime::Client::new("pat-na1-0123456789")?;
    /// assert!(client.user_agent().starts_with("hubspot-runtime/"));
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn user_agent(&self) -> &str {
        &self.inner.user_agent
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Client")
            .field("base_url", &inner.base_url)
            .field(
                "token",
                &inner.credentials.private_app.as_ref().map(|p| &p.token),
            )
            .field(
                "oauth_app",
                &inner.credentials.oauth.as_ref().map(|o| &o.app),
            )
            .field(
                "developer_key",
                &inner.credentials.developer.as_ref().map(|d| &d.key),
            )
            .field("account", &self.hub_id())
            .field("api_version", &inner.api_version)
            .field("timeout", &inner.timeout)
            .field("total_timeout", &inner.total_timeout)
            .field("user_agent", &inner.user_agent)
            .field("retry_policy", &inner.retry_policy)
            .field("rate_limit", &inner.rate_limit)
            .field("max_concurrent_requests", &inner.limiter.max_concurrent())
            .field("max_response_bytes", &inner.max_response_bytes)
            .finish()
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::schema::{AuthScheme, BodyInfo, EndpointInfo, Method, TypeInfo, VersionedPath};

    /// A `GET` endpoint's metadata with these versions, for unit tests.
    pub(crate) fn info(versions: &'static [VersionedPath]) -> EndpointInfo {
        EndpointInfo {
            name: "Probe",
            method: Method::Get,
            paths: versions,
            path_params: &[],
            query_params: &[],
            body: BodyInfo::None,
            success_status: 200,
            response: || TypeInfo::Unit,
            scopes: &[],
            auth: &[AuthScheme::OAuth, AuthScheme::PrivateApp],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone>() {}
        assert_send_sync::<Client>();
        assert_send_sync::<ClientBuilder>();
    }
}
