//! [`ClientBuilder`]: the client's configuration, validated by
//! [`ClientBuilder::build`].

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderValue;

use super::auth::{Credentials, Developer, OAuth, PrivateApp};
use super::url::validate_base_url;
use super::{BASE_URL_ENV, Client, Inner, TOKEN_ENV};
use crate::auth::{
    AccessToken, DEFAULT_AUTHORIZE_URL, DeveloperKey, InMemoryTokenStore, OAuthApp, TokenStore,
};
use crate::rate_limit::{BudgetId, Limiter, Sharing};
use crate::{ApiVersion, Error, RateLimit, RetryPolicy};

/// A token store in a builder, which `Debug` shows by name only.
#[derive(Clone)]
struct Store(Arc<dyn TokenStore>);

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenStore")
    }
}

/// Configures and builds a [`Client`]; see [`Client::builder`].
///
/// A client needs at least one credential: a private app's
/// [`token`](ClientBuilder::token), a public app's
/// [`oauth_app`](ClientBuilder::oauth_app), or a
/// [`developer_key`](ClientBuilder::developer_key); each request uses what
/// its endpoint accepts. It is `Clone` (configure once, build several
/// clients) and `Debug`, with every secret redacted.
///
/// ```
/// use std::time::Duration;
/// use hubspot_runtime::{ApiVersion, Client};
///
/// let client = Client::builder()
///     .token("pat-na1-0123456789")
///     .base_url("http://127.0.0.1:3000")
///     .timeout(Duration::from_secs(5))
///     .api_version(ApiVersion::dated(2026, 3))
///     .user_agent("my-app/1.0")
///     .build()?;
/// assert_eq!(client.user_agent(), "my-app/1.0");
/// # Ok::<(), hubspot_runtime::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ClientBuilder {
    token: Option<AccessToken>,
    base_url: Option<String>,
    timeout: Option<Duration>,
    total_timeout: Option<Duration>,
    api_version: Option<ApiVersion>,
    user_agent: Option<String>,
    retry_policy: Option<RetryPolicy>,
    rate_limit: Option<RateLimit>,
    max_concurrent_requests: Option<usize>,
    max_response_bytes: Option<u64>,
    oauth_app: Option<OAuthApp>,
    token_store: Option<Store>,
    developer_key: Option<DeveloperKey>,
    account_rate_limit: Option<RateLimit>,
    authorize_url: Option<String>,
    #[cfg(feature = "redis")]
    shared_rate_limits: Option<crate::redis::SharedRateLimits>,
}

impl ClientBuilder {
    /// A public app's OAuth settings: the client then sends as any account
    /// that installed the app ([`Client::install`], [`Client::account`]),
    /// with that account's tokens, refreshed before they expire.
    ///
    /// ```
    /// use hubspot_runtime::{Client, OAuthApp};
    ///
    /// let client = Client::builder()
    ///     .oauth_app(OAuthApp::new("client-id", "client-secret", "https://example.com/callback"))
    ///     .build()?;
    /// assert!(!format!("{client:?}").contains("client-secret"));
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn oauth_app(mut self, app: OAuthApp) -> ClientBuilder {
        self.oauth_app = Some(app);
        self
    }

    /// Where the accounts' OAuth tokens are kept (default: an
    /// [`InMemoryTokenStore`]).
    pub fn token_store(self, store: impl TokenStore) -> ClientBuilder {
        self.shared_token_store(Arc::new(store))
    }

    /// [`token_store`](ClientBuilder::token_store), for a store the app
    /// also uses itself (to list installed accounts, say).
    pub fn shared_token_store(mut self, store: Arc<dyn TokenStore>) -> ClientBuilder {
        self.token_store = Some(Store(store));
        self
    }

    /// The developer account's API key and the app's id, which HubSpot's
    /// custom-channel administration endpoints take (as the `hapikey` and
    /// `appId` query parameters).
    ///
    /// ```
    /// use hubspot_runtime::{Client, DeveloperKey};
    ///
    /// let client = Client::builder()
    ///     .developer_key(DeveloperKey::new("dev-key-0123", 123456))
    ///     .build()?;
    /// assert!(!format!("{client:?}").contains("dev-key-0123"));
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn developer_key(mut self, key: DeveloperKey) -> ClientBuilder {
        self.developer_key = Some(key);
        self
    }

    /// Each account's own request budget, for requests sent with its OAuth
    /// tokens (default: [`RateLimit::PublicApp`], HubSpot's 110 requests per
    /// 10 s per account for public apps). Each account also has its own
    /// bound on concurrent requests, the client's
    /// [`max_concurrent_requests`](ClientBuilder::max_concurrent_requests).
    pub fn account_rate_limit(mut self, limit: RateLimit) -> ClientBuilder {
        self.account_rate_limit = Some(limit);
        self
    }

    /// Counts every budget of the client in Redis, across all replicas
    /// that use the same Redis (and key prefix): each OAuth account's, the
    /// developer key's and the private app token's. Each replica keeps its
    /// own bound on concurrent requests. See
    /// [`SharedRateLimits`](crate::redis::SharedRateLimits) for the
    /// algorithm and [`OnRedisFailure`](crate::redis::OnRedisFailure) for
    /// what happens while Redis is away.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
    /// use hubspot_runtime::redis::{OnRedisFailure, Redis, SharedRateLimits};
    /// use hubspot_runtime::Client;
    ///
    /// let redis = Redis::connect("redis://127.0.0.1:6379/").await?;
    /// let client = Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .shared_rate_limits(
    ///         SharedRateLimits::new(redis).on_failure(OnRedisFailure::FallBack { replicas: 3 }),
    ///     )
    ///     .build()?;
    /// # let _ = client;
    /// # Ok(())
    /// # }
    /// ```
    #[cfg(feature = "redis")]
    pub fn shared_rate_limits(mut self, limits: crate::redis::SharedRateLimits) -> ClientBuilder {
        self.shared_rate_limits = Some(limits);
        self
    }

    /// The authorize step's URL that
    /// [`Client::authorization_url`] starts from (default: HubSpot's,
    /// `https://app.hubspot.com/oauth/authorize`; a local fake's otherwise).
    pub fn authorize_url(mut self, url: impl Into<String>) -> ClientBuilder {
        self.authorize_url = Some(url.into());
        self
    }

    /// The access token (a private app's token or an OAuth access token).
    /// Required.
    ///
    /// ```
    /// let builder = hubspot_runtime::Client::builder().token("pat-na1-0123456789");
    /// assert!(!format!("{builder:?}").contains("pat-na1"));
    /// ```
    pub fn token(mut self, token: impl Into<AccessToken>) -> ClientBuilder {
        self.token = Some(token.into());
        self
    }

    /// Where to send requests instead of `https://api.hubapi.com`, e.g. a
    /// local fake. Must be an absolute `http` or `https` URL without a query,
    /// fragment or credentials; a path prefix is kept.
    ///
    /// ```
    /// use hubspot_runtime::{Client, Error};
    ///
    /// let bad = Client::builder().token("pat-na1-0123456789").base_url("ftp://example.com").build();
    /// assert!(matches!(bad, Err(Error::Config(_))));
    /// ```
    pub fn base_url(mut self, base_url: impl Into<String>) -> ClientBuilder {
        self.base_url = Some(base_url.into());
        self
    }

    /// How long one attempt may take, from sending to the end of the
    /// answer's body, before it fails with [`Error::Timeout`] (and is
    /// retried, if that is safe). Defaults to 30 seconds.
    ///
    /// ```
    /// let client = hubspot_runtime::Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .timeout(std::time::Duration::from_secs(5))
    ///     .build()?;
    /// assert_eq!(client.timeout().as_secs(), 5);
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> ClientBuilder {
        self.timeout = Some(timeout);
        self
    }

    /// How long a request may take in all, from the call to `send` to its
    /// result: waiting for the rate limiter, every attempt and the waits
    /// between them. When it runs out during an attempt, the request fails
    /// with [`Error::Timeout`]; a retry that could not start in time is not
    /// made, and the last attempt's error is returned. Defaults to 90
    /// seconds.
    ///
    /// ```
    /// let client = hubspot_runtime::Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .total_timeout(std::time::Duration::from_secs(20))
    ///     .build()?;
    /// assert_eq!(client.total_timeout().as_secs(), 20);
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn total_timeout(mut self, total_timeout: Duration) -> ClientBuilder {
        self.total_timeout = Some(total_timeout);
        self
    }

    /// How failed requests are retried; [`RetryPolicy::disabled`] turns
    /// retries off. Defaults to [`RetryPolicy::default`].
    ///
    /// ```
    /// use hubspot_runtime::{Client, RetryPolicy};
    /// let client = Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .retry_policy(RetryPolicy::default().with_max_attempts(3))
    ///     .build()?;
    /// assert_eq!(client.retry_policy().max_attempts(), 3);
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn retry_policy(mut self, policy: RetryPolicy) -> ClientBuilder {
        self.retry_policy = Some(policy);
        self
    }

    /// The client-side request budget, shared by the client and its clones.
    /// Defaults to [`RateLimit::FreeOrStarter`], HubSpot's lowest published
    /// app limit (100 requests per 10 seconds).
    ///
    /// ```
    /// use hubspot_runtime::{Client, RateLimit};
    /// let client = Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .rate_limit(RateLimit::Professional)
    ///     .build()?;
    /// assert_eq!(client.rate_limit(), RateLimit::Professional);
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn rate_limit(mut self, limit: RateLimit) -> ClientBuilder {
        self.rate_limit = Some(limit);
        self
    }

    /// How many requests the client and its clones have in flight at most;
    /// more wait their turn. Defaults to 10.
    ///
    /// ```
    /// let client = hubspot_runtime::Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .max_concurrent_requests(4)
    ///     .build()?;
    /// assert_eq!(client.max_concurrent_requests(), 4);
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn max_concurrent_requests(mut self, max: usize) -> ClientBuilder {
        self.max_concurrent_requests = Some(max);
        self
    }

    /// The most bytes of an answer's body to read; a larger answer fails
    /// with [`Error::ResponseTooLarge`] as soon as its `Content-Length` says
    /// so, or, without one, as soon as that many bytes have arrived, so
    /// that a misbehaving server or proxy cannot make the client buffer
    /// without bound. Defaults to 16 MiB
    /// ([`Client::DEFAULT_MAX_RESPONSE_BYTES`]): HubSpot's largest real
    /// answers (a full page of messages or threads) are far below that.
    ///
    /// ```
    /// let client = hubspot_runtime::Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .max_response_bytes(1024 * 1024)
    ///     .build()?;
    /// assert_eq!(client.max_response_bytes(), 1024 * 1024);
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn max_response_bytes(mut self, max: u64) -> ClientBuilder {
        self.max_response_bytes = Some(max);
        self
    }

    /// An upper bound on the API version: every endpoint is sent at its
    /// newest version not after `version` (an endpoint whose versions all
    /// come later, i.e. one newer than the pin, at its oldest). A request
    /// sent with [`Client::send_with_version`] and a version overrides it.
    ///
    /// Unpinned, a client sends each endpoint at its newest version, so a
    /// release that adds a newer version moves it there; such a release is
    /// therefore a major one. Pin to choose when to move instead (see
    /// [`ApiVersion`]).
    ///
    /// ```
    /// use hubspot_runtime::{ApiVersion, Client};
    ///
    /// let client = Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .api_version("2026-03".parse().unwrap())
    ///     .build()?;
    /// assert_eq!(client.api_version(), Some(ApiVersion::dated(2026, 3)));
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn api_version(mut self, version: ApiVersion) -> ClientBuilder {
        self.api_version = Some(version);
        self
    }

    /// The `User-Agent` header. Defaults to `hubspot-runtime/<version>`.
    ///
    /// ```
    /// let client = hubspot_runtime::Client::builder()
    ///     .token("pat-na1-0123456789")
    ///     .user_agent("inbox-sync/2.1")
    ///     .build()?;
    /// assert_eq!(client.user_agent(), "inbox-sync/2.1");
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> ClientBuilder {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Validates the configuration and builds the [`Client`].
    ///
    /// ```
    /// use hubspot_runtime::{Client, Error};
    ///
    /// assert!(matches!(Client::builder().build(), Err(Error::Config(_))));
    /// assert!(Client::builder().token("pat-na1-0123456789").build().is_ok());
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when the token is missing, empty or cannot be sent in
    /// a header, the base URL is not an `http(s)` URL, a timeout, the
    /// concurrency bound, the response size limit or a custom rate limit's
    /// window is zero, or the user agent cannot be sent in a header.
    pub fn build(self) -> Result<Client, Error> {
        let base_url =
            validate_base_url(self.base_url.as_deref().unwrap_or(Client::DEFAULT_BASE_URL))?;

        let timeout = self.timeout.unwrap_or(Client::DEFAULT_TIMEOUT);
        if timeout.is_zero() {
            return Err(Error::config("the timeout is zero".to_owned()));
        }
        let total_timeout = self.total_timeout.unwrap_or(Client::DEFAULT_TOTAL_TIMEOUT);
        if total_timeout.is_zero() {
            return Err(Error::config("the total timeout is zero".to_owned()));
        }
        let max_concurrent = self
            .max_concurrent_requests
            .unwrap_or(Client::DEFAULT_MAX_CONCURRENT_REQUESTS);
        if max_concurrent == 0 {
            return Err(Error::config(
                "the bound on concurrent requests is zero".to_owned(),
            ));
        }
        if max_concurrent > tokio::sync::Semaphore::MAX_PERMITS {
            return Err(Error::config(format!(
                "the bound on concurrent requests is above {}",
                tokio::sync::Semaphore::MAX_PERMITS
            )));
        }
        let max_response_bytes = self
            .max_response_bytes
            .unwrap_or(Client::DEFAULT_MAX_RESPONSE_BYTES);
        if max_response_bytes == 0 {
            return Err(Error::config("the response size limit is zero"));
        }
        let rate_limit = self.rate_limit.unwrap_or_default();
        if rate_limit
            .budget()
            .is_some_and(|(_, window)| window.is_zero())
        {
            return Err(Error::config("the rate limit's window is zero".to_owned()));
        }

        let user_agent = self
            .user_agent
            .unwrap_or_else(|| Client::DEFAULT_USER_AGENT.to_owned());
        let user_agent_header = HeaderValue::try_from(user_agent.as_str()).map_err(|_| {
            Error::config(format!(
                "the user agent {user_agent:?} has characters an HTTP header cannot carry"
            ))
        })?;

        if self.token.is_none() && self.oauth_app.is_none() && self.developer_key.is_none() {
            return Err(Error::config(format!(
                "no credentials: call ClientBuilder::token (or set {TOKEN_ENV}), \
                 ClientBuilder::oauth_app or ClientBuilder::developer_key"
            )));
        }
        let private_app = match self.token {
            None => None,
            Some(token) => {
                if token.is_empty() {
                    return Err(Error::config("the access token is empty"));
                }
                let mut header = HeaderValue::try_from(format!("Bearer {}", token.expose_secret()))
                    .map_err(|_| {
                        Error::config("the access token has characters an HTTP header cannot carry")
                    })?;
                header.set_sensitive(true);
                Some(PrivateApp { token, header })
            }
        };
        let sharing = Sharing {
            #[cfg(feature = "redis")]
            limits: self.shared_rate_limits,
            // An attempt cannot be in flight longer than its timeout; a
            // Redis answer may arrive up to its own timeout late.
            #[cfg(feature = "redis")]
            in_flight_bound: timeout.saturating_add(crate::redis::Redis::RESPONSE_TIMEOUT),
        };
        let account_rate_limit = self.account_rate_limit.unwrap_or(RateLimit::PublicApp);
        if account_rate_limit
            .budget()
            .is_some_and(|(_, window)| window.is_zero())
        {
            return Err(Error::config("the account rate limit's window is zero"));
        }
        let oauth = match self.oauth_app {
            None => None,
            Some(app) => {
                if app.client_id().trim().is_empty() || app.client_secret().is_empty() {
                    return Err(Error::config(
                        "the OAuth app's client id or client secret is empty",
                    ));
                }
                Some(OAuth {
                    app,
                    store: self
                        .token_store
                        .map_or_else(|| Arc::new(InMemoryTokenStore::new()) as _, |s| s.0),
                    authorize_url: self
                        .authorize_url
                        .unwrap_or_else(|| DEFAULT_AUTHORIZE_URL.to_owned()),
                    account_rate_limit,
                    max_concurrent,
                    sharing: sharing.clone(),
                    accounts: Default::default(),
                })
            }
        };
        let developer = match self.developer_key {
            None => None,
            Some(key) => {
                if key.api_key().is_empty() {
                    return Err(Error::config("the developer API key is empty"));
                }
                let limiter = Limiter::for_budget(
                    rate_limit,
                    max_concurrent,
                    &sharing,
                    BudgetId::App(key.app_id()),
                );
                Some(Developer { key, limiter })
            }
        };
        let limiter = match &private_app {
            Some(private_app) => Limiter::for_budget(
                rate_limit,
                max_concurrent,
                &sharing,
                BudgetId::Token(private_app.token.expose_secret()),
            ),
            None => Limiter::new(rate_limit, max_concurrent),
        };

        let http = reqwest::Client::builder()
            .user_agent(user_agent_header)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| Error::config(format!("could not set up the HTTP client: {error}")))?;

        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base: reqwest::Url::parse(&base_url).map_err(|error| {
                    Error::config(format!("the base URL {base_url:?} is not a URL: {error}"))
                })?,
                base_url,
                credentials: Credentials {
                    private_app,
                    oauth,
                    developer,
                },
                api_version: self.api_version,
                timeout,
                total_timeout,
                user_agent,
                retry_policy: self.retry_policy.unwrap_or_default(),
                rate_limit,
                limiter,
                max_response_bytes,
            }),
            account: None,
        })
    }

    /// A builder configured from the variables `lookup` finds (see
    /// [`Client::from_env`]).
    pub(super) fn from_env_with(
        lookup: impl Fn(&str) -> Option<std::ffi::OsString>,
    ) -> Result<ClientBuilder, Error> {
        let token = match lookup(TOKEN_ENV) {
            None => {
                return Err(Error::config(format!(
                    "{TOKEN_ENV} is not set: set it to a private app's access token"
                )));
            }
            Some(token) => token
                .into_string()
                .map_err(|_| Error::config(format!("{TOKEN_ENV} is not valid Unicode")))?,
        };
        if token.trim().is_empty() {
            return Err(Error::config(format!(
                "{TOKEN_ENV} is empty: set it to a private app's access token"
            )));
        }
        let mut builder = Client::builder().token(token);
        if let Some(base_url) = lookup(BASE_URL_ENV) {
            let base_url = base_url
                .into_string()
                .map_err(|_| Error::config(format!("{BASE_URL_ENV} is not valid Unicode")))?;
            if !base_url.trim().is_empty() {
                builder = builder.base_url(base_url.trim());
            }
        }
        Ok(builder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_clone_and_debug_without_the_token() {
        let builder = Client::builder()
            .token("pat-na1-5ecret-70ken")
            .base_url("http://127.0.0.1:9")
            .max_response_bytes(4096)
            .retry_policy(RetryPolicy::disabled());
        let copy = builder.clone();
        for text in [format!("{builder:?}"), format!("{copy:#?}")] {
            assert!(!text.contains("5ecret"), "{text}");
            assert!(text.contains("AccessToken(****)"), "{text}");
            assert!(text.contains("retry_policy"), "{text}");
        }
        let text = format!("{copy:?}");
        assert!(text.contains("max_response_bytes: Some(4096)"), "{text}");
        let client = copy.build().unwrap();
        assert_eq!(client.max_response_bytes(), 4096);
        assert!(!format!("{client:?}").contains("5ecret"));
    }

    #[test]
    fn from_env_reads_the_token_and_optional_base_url() {
        use std::ffi::OsString;
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| OsString::from(value))
            }
        };
        let missing = ClientBuilder::from_env_with(env(&[])).unwrap_err();
        assert!(missing.to_string().contains(TOKEN_ENV), "{missing}");
        let empty = ClientBuilder::from_env_with(env(&[(TOKEN_ENV, " ")])).unwrap_err();
        assert!(empty.to_string().contains("empty"), "{empty}");
        let client = ClientBuilder::from_env_with(env(&[(TOKEN_ENV, "t"), (BASE_URL_ENV, "")]))
            .unwrap()
            .build()
            .unwrap();
        assert_eq!(client.base_url(), Client::DEFAULT_BASE_URL);
        let client = ClientBuilder::from_env_with(env(&[
            (TOKEN_ENV, "t"),
            (BASE_URL_ENV, "http://localhost:1"),
        ]))
        .unwrap()
        .build()
        .unwrap();
        assert_eq!(client.base_url(), "http://localhost:1");
    }
}
