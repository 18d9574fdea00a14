//! The [`Client`]: configuration, version selection, transport and the
//! mapping of HubSpot's answers.

use std::fmt::{self, Write as _};
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{self, HeaderValue};
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::Instrument as _;
use tracing::field::Empty;

use crate::endpoint::Query;

/// The header carrying HubSpot's id for a request, for its support team.
const CORRELATION_ID: header::HeaderName =
    header::HeaderName::from_static("x-hubspot-correlation-id");
/// `Accept` and `Content-Type`, built once rather than checked per request.
const JSON: HeaderValue = HeaderValue::from_static("application/json");
use crate::error::excerpt;
use crate::rate_limit::Limiter;
use crate::retry::{Retry, classify};
use crate::schema::{EndpointInfo, Method};
use crate::{AccessToken, ApiVersion, Endpoint, Error, RateLimit, RateLimitHeaders, RetryPolicy};

/// Where HubSpot's APIs live, unless [`ClientBuilder::base_url`] says otherwise.
pub const DEFAULT_BASE_URL: &str = "https://api.hubapi.com";

/// How long one attempt at a request may take, unless
/// [`ClientBuilder::timeout`] says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a request may take in all, waiting for the rate limiter and
/// retries included, unless [`ClientBuilder::total_timeout`] says otherwise.
pub const DEFAULT_TOTAL_TIMEOUT: Duration = Duration::from_secs(90);

/// How many requests a client and its clones have in flight at most, unless
/// [`ClientBuilder::max_concurrent_requests`] says otherwise.
pub const DEFAULT_MAX_CONCURRENT_REQUESTS: usize = 10;

/// The `User-Agent` sent unless [`ClientBuilder::user_agent`] says otherwise.
pub const DEFAULT_USER_AGENT: &str = concat!("hubspot-runtime/", env!("CARGO_PKG_VERSION"));

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
}

struct Inner {
    http: reqwest::Client,
    /// Validated, without a trailing `/`.
    base_url: String,
    /// `base_url` parsed once: a request's URL is a copy with its path and
    /// query set, so the scheme and host are not parsed again per request.
    base: reqwest::Url,
    token: AccessToken,
    /// `Bearer <token>`, marked sensitive.
    authorization: HeaderValue,
    api_version: Option<ApiVersion>,
    timeout: Duration,
    total_timeout: Duration,
    user_agent: String,
    retry: RetryPolicy,
    rate_limit: RateLimit,
    limiter: Limiter,
}

impl Client {
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

    /// The API version the client prefers, if pinned with
    /// [`ClientBuilder::api_version`].
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
        self.inner.retry
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

    /// Sends `request` at the version [`send_with_version`] picks when the
    /// request pins none.
    ///
    /// [`send_with_version`]: Client::send_with_version
    ///
    /// ```no_run
    /// # async fn run<E: hubspot_runtime::Endpoint>(request: E) -> Result<(), hubspot_runtime::Error> {
    /// let client = hubspot_runtime::Client::from_env()?;
    /// let response = client.send(&request).await?;
    /// # let _ = response;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As for [`send_with_version`](Client::send_with_version).
    pub async fn send<E: Endpoint>(&self, request: &E) -> Result<E::Response, Error> {
        self.send_with_version(request, None).await
    }

    /// Sends `request` and decodes HubSpot's answer.
    ///
    /// The version is picked before anything is sent: `version` if given
    /// (and [`Error::UnsupportedVersion`] if the endpoint does not have it),
    /// else the client's [`api_version`](Client::api_version) if the endpoint
    /// has it, else the endpoint's newest version.
    ///
    /// The request carries `Authorization: Bearer <token>`, the query string
    /// [`Endpoint::query`] collects (percent-encoded) and, when
    /// [`Endpoint::body`] gives one, a JSON body. Any `2xx` answer's body
    /// decodes into `E::Response` (an empty body as JSON `null`, so `()`
    /// takes a `204`); any other status maps to an [`Error`] variant.
    /// Redirects are not followed.
    ///
    /// Each attempt waits for the client's rate limiter and concurrency
    /// bound, and may take [`timeout`](Client::timeout). A failed attempt is
    /// retried as the [`RetryPolicy`] says, only when another attempt cannot
    /// duplicate the request's effect, and only within
    /// [`total_timeout`](Client::total_timeout). An endpoint with an
    /// [idempotency key](Endpoint::IDEMPOTENCY_KEY) gets a fresh id when the
    /// request has none, the same for every attempt.
    ///
    /// ```no_run
    /// # async fn run<E: hubspot_runtime::Endpoint>(request: E) -> Result<(), hubspot_runtime::Error> {
    /// use hubspot_runtime::{ApiVersion, Client, Error};
    ///
    /// let client = Client::from_env()?;
    /// match client.send_with_version(&request, Some(ApiVersion::dated(2026, 3))).await {
    ///     Ok(response) => { let _ = response; }
    ///     Err(Error::UnsupportedVersion { available, .. }) => println!("try one of {available:?}"),
    ///     Err(other) => return Err(other),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::UnsupportedVersion`], [`Error::Encode`] and
    /// [`Error::InvalidRequest`] before sending; [`Error::Timeout`] and
    /// [`Error::Transport`] when no answer arrives; the status variants for a
    /// non-2xx answer; [`Error::Decode`] for a 2xx body that does not decode.
    /// When retries did not help, the last attempt's error.
    pub async fn send_with_version<E: Endpoint>(
        &self,
        request: &E,
        version: Option<ApiVersion>,
    ) -> Result<E::Response, Error> {
        let index = select_version(E::INFO, version, self.inner.api_version)?;
        let versioned = &E::INFO.paths[index];
        let span = tracing::info_span!(
            "hubspot_request",
            endpoint = E::INFO.name,
            method = E::INFO.method.as_str(),
            path = versioned.template,
            version = %versioned.version,
            attempt = Empty,
            status = Empty,
            correlation_id = Empty,
            elapsed_ms = Empty,
        );
        self.send_at::<E>(request, index).instrument(span).await
    }

    /// Prepares the request once, then runs the attempts.
    async fn send_at<E: Endpoint>(&self, request: &E, index: usize) -> Result<E::Response, Error> {
        let started = Instant::now();
        let deadline = crate::rate_limit::later(started, self.inner.total_timeout);
        let path = request.path(index);
        let mut query = Query::default();
        request.query(&mut query);
        let body = match E::IDEMPOTENCY_KEY {
            Some(_) => request.body_with_idempotency_key(crate::random::uuid_v4),
            None => request.body(),
        }
        .map_err(Error::Encode)?;
        let url = self.url(E::INFO, &path, &query)?;
        if let Some(body) = &body {
            tracing::trace!(body = %String::from_utf8_lossy(body), "request body");
        }
        let idempotent =
            E::IDEMPOTENT || E::INFO.method.is_idempotent() || E::IDEMPOTENCY_KEY.is_some();
        let prepared = Prepared {
            method: http_method(E::INFO.method),
            url,
            body: body.map(bytes::Bytes::from),
            idempotent,
            deadline,
        };
        let result = self.run_attempts(&prepared).await;
        let span = tracing::Span::current();
        span.record("elapsed_ms", elapsed_millis(started));
        match &result {
            Ok(_) => tracing::debug!("HubSpot request succeeded"),
            Err(error) => tracing::debug!(error = %error, "HubSpot request failed"),
        }
        result
    }

    /// Attempts `prepared` until it succeeds, fails in a way a retry cannot
    /// fix (or could duplicate), or runs out of attempts or time.
    async fn run_attempts<T: DeserializeOwned>(&self, prepared: &Prepared) -> Result<T, Error> {
        let policy = self.inner.retry;
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            tracing::Span::current().record("attempt", attempt);
            // `attempt` keeps to `prepared.deadline` itself, with one timer.
            let error = match self.attempt(prepared).await {
                Ok(response) => return Ok(response),
                Err(error) => error,
            };
            let Retry::After { at_least } = classify(&error, prepared.idempotent) else {
                return Err(error);
            };
            if attempt >= policy.max_attempts() {
                return Err(error);
            }
            let delay = policy.delay(attempt, at_least);
            if crate::rate_limit::later(Instant::now(), delay) >= prepared.deadline {
                return Err(error);
            }
            tracing::warn!(
                attempt,
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                reason = crate::retry::reason(&error),
                "retrying HubSpot request"
            );
            tokio::time::sleep(delay).await;
        }
    }

    /// One attempt: wait for the limiter (until the request's deadline),
    /// send and read the answer (within the per-attempt timeout and the
    /// deadline), and decode it.
    ///
    /// A free permit is taken without a timer, so the common case arms one
    /// timer per attempt, not one per wait.
    async fn attempt<T: DeserializeOwned>(&self, prepared: &Prepared) -> Result<T, Error> {
        let limiter = &self.inner.limiter;
        let permit = match limiter.try_acquire() {
            Some(permit) => permit,
            None => tokio::time::timeout_at(prepared.deadline, limiter.acquire())
                .await
                .map_err(|_| Error::Timeout)?,
        };
        let attempt_deadline =
            crate::rate_limit::later(Instant::now(), self.inner.timeout).min(prepared.deadline);
        let mut builder = self
            .inner
            .http
            .request(prepared.method.clone(), prepared.url.clone())
            .header(header::AUTHORIZATION, self.inner.authorization.clone())
            .header(header::ACCEPT, JSON);
        if let Some(body) = &prepared.body {
            builder = builder
                .header(header::CONTENT_TYPE, JSON)
                .body(body.clone());
        }
        let exchange = async {
            let response = builder.send().await.map_err(transport_error)?;
            let status = response.status().as_u16();
            let headers = response.headers();
            let limits = RateLimitHeaders::from_headers(headers);
            let correlation_header = headers
                .get(CORRELATION_ID)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned);
            // Only an error needs the headers after the body is read.
            let error_headers = (!(200..300).contains(&status)).then(|| headers.clone());
            let bytes = response.bytes().await.map_err(transport_error)?;
            Ok::<_, Error>((status, limits, correlation_header, error_headers, bytes))
        };
        let (status, limits, correlation_header, error_headers, bytes) =
            match tokio::time::timeout_at(attempt_deadline, exchange).await {
                Ok(answer) => answer?,
                Err(_) => return Err(Error::Timeout),
            };
        self.inner.limiter.observe(&limits);
        drop(permit);

        tracing::trace!(status, body = %excerpt(&bytes), "response body");
        let no_headers = http::HeaderMap::new();
        let result = decode_parts(
            status,
            error_headers.as_ref().unwrap_or(&no_headers),
            &bytes,
        );

        let span = tracing::Span::current();
        span.record("status", status);
        // An error body's own correlation id, else the header's.
        let correlation_id = match &result {
            Err(error) if error.correlation_id().is_some() => error.correlation_id(),
            _ => correlation_header.as_deref(),
        };
        if let Some(id) = correlation_id {
            span.record("correlation_id", id);
        }
        // A 429 holds back every clone for as long as HubSpot asked (not
        // the daily limit's, which no request would outwait).
        if let Err(error @ Error::RateLimited { .. }) = &result
            && let Retry::After {
                at_least: Some(wait),
            } = classify(error, true)
        {
            self.inner.limiter.pause(wait);
        }
        result
    }

    /// `base_url + path + ?query`, refusing paths a URL would rewrite.
    fn url(&self, info: &EndpointInfo, path: &str, query: &Query) -> Result<reqwest::Url, Error> {
        if let Some(segment) = path.split('/').find(|segment| is_dot_segment(segment)) {
            return Err(Error::InvalidRequest(format!(
                "{}: the path {path:?} has a segment {segment:?}, which a URL cannot carry",
                info.name
            )));
        }
        let mut url = self.inner.base.clone();
        let prefix = url.path().trim_end_matches('/');
        let mut full_path = String::with_capacity(prefix.len() + path.len() + 1);
        full_path.push_str(prefix);
        if !path.starts_with('/') {
            full_path.push('/');
        }
        full_path.push_str(path);
        url.set_path(&full_path);
        if !query.pairs().is_empty() {
            let mut text = String::new();
            for (i, (name, value)) in query.pairs().iter().enumerate() {
                if i > 0 {
                    text.push('&');
                }
                percent_encode(name, &mut text);
                text.push('=');
                percent_encode(value, &mut text);
            }
            url.set_query(Some(&text));
        }
        Ok(url)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Client")
            .field("base_url", &inner.base_url)
            .field("token", &inner.token)
            .field("api_version", &inner.api_version)
            .field("timeout", &inner.timeout)
            .field("total_timeout", &inner.total_timeout)
            .field("user_agent", &inner.user_agent)
            .field("retry", &inner.retry)
            .field("rate_limit", &inner.rate_limit)
            .field("max_concurrent_requests", &inner.limiter.max_concurrent())
            .finish()
    }
}

/// A request ready to be sent, as many times as it takes.
struct Prepared {
    method: reqwest::Method,
    url: reqwest::Url,
    /// Shared, so that each attempt sends it without copying it.
    body: Option<bytes::Bytes>,
    /// Whether sending it twice has the effect of sending it once.
    idempotent: bool,
    /// When the whole request times out.
    deadline: Instant,
}

fn elapsed_millis(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Decodes an answer to a request for endpoint `E`: a `2xx` body into
/// `E::Response` (an empty body as JSON `null`, so `()` takes a `204`), any
/// other status into its [`Error`] variant. This is what
/// [`Client::send`] does with each answer; it never panics, whatever the
/// bytes.
///
/// ```
/// use hubspot_runtime::{Error, decode_response};
/// # use hubspot_runtime::{Endpoint, schema::*};
/// # struct Probe;
/// # impl Endpoint for Probe {
/// #     type Response = Vec<u32>;
/// #     const INFO: &'static EndpointInfo = &EndpointInfo {
/// #         name: "Probe", method: Method::Get, paths: &[], path_params: &[], query_params: &[],
/// #         body: BodyInfo::None, success_status: 200, response: || TypeInfo::Json, scopes: &[],
/// #         auth: &[],
/// #     };
/// #     fn path(&self, _: usize) -> String { String::new() }
/// #     fn body(&self) -> Result<Option<Vec<u8>>, serde_json::Error> { Ok(None) }
/// # }
/// let headers = http::HeaderMap::new();
/// assert_eq!(decode_response::<Probe>(200, &headers, b"[1, 2]").unwrap(), [1, 2]);
/// assert!(matches!(decode_response::<Probe>(200, &headers, b"[1, "), Err(Error::Decode { .. })));
/// assert!(matches!(decode_response::<Probe>(503, &headers, b""), Err(Error::Server(_))));
/// ```
///
/// # Errors
///
/// [`Error::Decode`] for a `2xx` body that does not decode; the status
/// variant for any other status.
pub fn decode_response<E: Endpoint>(
    status: u16,
    headers: &http::HeaderMap,
    body: &[u8],
) -> Result<E::Response, Error> {
    decode_parts(status, headers, body)
}

fn decode_parts<T: DeserializeOwned>(
    status: u16,
    headers: &http::HeaderMap,
    body: &[u8],
) -> Result<T, Error> {
    if !(200..300).contains(&status) {
        return Err(Error::from_response(status, headers, body));
    }
    let json: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        body
    };
    serde_json::from_slice(json).map_err(|source| Error::Decode {
        status,
        excerpt: excerpt(body),
        source,
    })
}

/// Picks the index into `info.paths` to send at: the requested version (which
/// must exist), else the client's pinned one if present, else the newest.
fn select_version(
    info: &EndpointInfo,
    requested: Option<ApiVersion>,
    pinned: Option<ApiVersion>,
) -> Result<usize, Error> {
    let position = |version: ApiVersion| info.paths.iter().position(|p| p.version == version);
    if let Some(requested) = requested {
        return position(requested).ok_or_else(|| Error::UnsupportedVersion {
            endpoint: info.name,
            requested,
            available: info.versions().collect(),
        });
    }
    pinned
        .and_then(position)
        .or_else(|| (0..info.paths.len()).max_by_key(|&i| info.paths[i].version))
        .ok_or_else(|| Error::InvalidRequest(format!("{} declares no paths", info.name)))
}

fn http_method(method: Method) -> reqwest::Method {
    match method {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
        Method::Put => reqwest::Method::PUT,
        Method::Patch => reqwest::Method::PATCH,
        Method::Delete => reqwest::Method::DELETE,
    }
}

fn transport_error(error: reqwest::Error) -> Error {
    if error.is_timeout() {
        Error::Timeout
    } else {
        Error::Transport(error)
    }
}

/// Whether a URL parser would treat `segment` as `.` or `..` and rewrite the
/// path (WHATWG URLs also decode `%2e` for this).
fn is_dot_segment(segment: &str) -> bool {
    let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
    decoded == "." || decoded == ".."
}

/// Appends `text` with everything but RFC 3986's unreserved characters
/// percent-encoded.
fn percent_encode(text: &str, out: &mut String) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

/// Configures and builds a [`Client`]; see [`Client::builder`].
///
/// Its `Debug` output shows the token redacted.
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
    retry: Option<RetryPolicy>,
    rate_limit: Option<RateLimit>,
    max_concurrent_requests: Option<usize>,
}

impl ClientBuilder {
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
    ///     .retry(RetryPolicy::default().with_max_attempts(3))
    ///     .build()?;
    /// assert_eq!(client.retry_policy().max_attempts(), 3);
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn retry(mut self, policy: RetryPolicy) -> ClientBuilder {
        self.retry = Some(policy);
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

    /// The API version to prefer: used for every endpoint that has it, while
    /// endpoints without it use their newest version. A request sent with
    /// [`Client::send_with_version`] and a version overrides it.
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
    /// concurrency bound or a custom rate limit's window is zero, or the user
    /// agent cannot be sent in a header.
    pub fn build(self) -> Result<Client, Error> {
        let token = self.token.ok_or_else(|| {
            Error::Config(format!(
                "no access token: call ClientBuilder::token or set {TOKEN_ENV}"
            ))
        })?;
        if token.is_empty() {
            return Err(Error::Config("the access token is empty".to_owned()));
        }
        let mut authorization = HeaderValue::try_from(format!("Bearer {}", token.expose_secret()))
            .map_err(|_| {
                Error::Config(
                    "the access token has characters an HTTP header cannot carry".to_owned(),
                )
            })?;
        authorization.set_sensitive(true);

        let base_url = validate_base_url(self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL))?;

        let timeout = self.timeout.unwrap_or(DEFAULT_TIMEOUT);
        if timeout.is_zero() {
            return Err(Error::Config("the timeout is zero".to_owned()));
        }
        let total_timeout = self.total_timeout.unwrap_or(DEFAULT_TOTAL_TIMEOUT);
        if total_timeout.is_zero() {
            return Err(Error::Config("the total timeout is zero".to_owned()));
        }
        let max_concurrent = self
            .max_concurrent_requests
            .unwrap_or(DEFAULT_MAX_CONCURRENT_REQUESTS);
        if max_concurrent == 0 {
            return Err(Error::Config(
                "the bound on concurrent requests is zero".to_owned(),
            ));
        }
        if max_concurrent > tokio::sync::Semaphore::MAX_PERMITS {
            return Err(Error::Config(format!(
                "the bound on concurrent requests is above {}",
                tokio::sync::Semaphore::MAX_PERMITS
            )));
        }
        let rate_limit = self.rate_limit.unwrap_or_default();
        if rate_limit
            .budget()
            .is_some_and(|(_, window)| window.is_zero())
        {
            return Err(Error::Config("the rate limit's window is zero".to_owned()));
        }

        let user_agent = self
            .user_agent
            .unwrap_or_else(|| DEFAULT_USER_AGENT.to_owned());
        let user_agent_header = HeaderValue::try_from(user_agent.as_str()).map_err(|_| {
            Error::Config(format!(
                "the user agent {user_agent:?} has characters an HTTP header cannot carry"
            ))
        })?;

        let http = reqwest::Client::builder()
            .user_agent(user_agent_header)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| Error::Config(format!("could not set up the HTTP client: {error}")))?;

        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base: reqwest::Url::parse(&base_url).map_err(|error| {
                    Error::Config(format!("the base URL {base_url:?} is not a URL: {error}"))
                })?,
                base_url,
                token,
                authorization,
                api_version: self.api_version,
                timeout,
                total_timeout,
                user_agent,
                retry: self.retry.unwrap_or_default(),
                rate_limit,
                limiter: Limiter::new(rate_limit, max_concurrent),
            }),
        })
    }

    /// A builder configured from the variables `lookup` finds (see
    /// [`Client::from_env`]).
    fn from_env_with(
        lookup: impl Fn(&str) -> Option<std::ffi::OsString>,
    ) -> Result<ClientBuilder, Error> {
        let token = match lookup(TOKEN_ENV) {
            None => {
                return Err(Error::Config(format!(
                    "{TOKEN_ENV} is not set: set it to a private app's access token"
                )));
            }
            Some(token) => token
                .into_string()
                .map_err(|_| Error::Config(format!("{TOKEN_ENV} is not valid Unicode")))?,
        };
        if token.trim().is_empty() {
            return Err(Error::Config(format!(
                "{TOKEN_ENV} is empty: set it to a private app's access token"
            )));
        }
        let mut builder = Client::builder().token(token);
        if let Some(base_url) = lookup(BASE_URL_ENV) {
            let base_url = base_url
                .into_string()
                .map_err(|_| Error::Config(format!("{BASE_URL_ENV} is not valid Unicode")))?;
            if !base_url.trim().is_empty() {
                builder = builder.base_url(base_url.trim());
            }
        }
        Ok(builder)
    }
}

/// Checks that `base_url` is an absolute `http(s)` URL without query,
/// fragment or credentials; returns it without a trailing `/`.
fn validate_base_url(base_url: &str) -> Result<String, Error> {
    let invalid = |why: &str| Error::Config(format!("the base URL {base_url:?} {why}"));
    let url = reqwest::Url::parse(base_url)
        .map_err(|error| invalid(&format!("is not a URL: {error}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("is not an http or https URL"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("has no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::Config(
            "the base URL has credentials in it; use ClientBuilder::token instead".to_owned(),
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("has a query or fragment"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{BodyInfo, TypeInfo, VersionedPath};

    fn info(versions: &'static [VersionedPath]) -> EndpointInfo {
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
            auth: &[],
        }
    }

    const V3: ApiVersion = ApiVersion::V3;
    const MARCH: ApiVersion = ApiVersion::dated(2026, 3);
    const SEPTEMBER: ApiVersion = ApiVersion::dated(2026, 9);

    static BOTH: [VersionedPath; 2] = [
        VersionedPath {
            version: V3,
            template: "/v3",
        },
        VersionedPath {
            version: MARCH,
            template: "/2026-03",
        },
    ];

    #[test]
    fn request_urls_keep_the_base_path_and_encode_path_and_query() {
        static NONE: [VersionedPath; 0] = [];
        let mut query = Query::default();
        query.push_str("after", "a b&c=d/é".to_owned());
        query.push("limit", &10_i32);
        for (base, expected) in [
            (
                "http://127.0.0.1:4010",
                "http://127.0.0.1:4010/conversations/v3/threads/7%20x?after=a%20b%26c%3Dd%2F%C3%A9&limit=10",
            ),
            (
                "https://proxy.example/hubspot/",
                "https://proxy.example/hubspot/conversations/v3/threads/7%20x?after=a%20b%26c%3Dd%2F%C3%A9&limit=10",
            ),
        ] {
            let client = Client::builder()
                .token("pat-na1-0123456789")
                .base_url(base)
                .build()
                .unwrap();
            let url = client
                .url(&info(&NONE), "/conversations/v3/threads/7 x", &query)
                .unwrap();
            assert_eq!(url.as_str(), expected);
            let url = client
                .url(&info(&NONE), "conversations/v3/threads", &Query::default())
                .unwrap();
            assert_eq!(url.query(), None);
            assert!(url.path().ends_with("/conversations/v3/threads"), "{url}");
        }
    }

    #[test]
    fn versions_are_picked_request_then_client_then_newest() {
        let info = info(&BOTH);
        assert_eq!(select_version(&info, None, None).unwrap(), 1);
        assert_eq!(select_version(&info, None, Some(V3)).unwrap(), 0);
        assert_eq!(select_version(&info, None, Some(SEPTEMBER)).unwrap(), 1);
        assert_eq!(select_version(&info, Some(V3), Some(MARCH)).unwrap(), 0);
        let error = select_version(&info, Some(SEPTEMBER), Some(V3)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Probe has no API version 2026-09; it has v3, 2026-03"
        );
    }

    #[test]
    fn base_urls_are_validated_and_normalized() {
        assert_eq!(
            validate_base_url("https://api.hubapi.com/").unwrap(),
            "https://api.hubapi.com"
        );
        assert_eq!(
            validate_base_url("http://127.0.0.1:9/prefix/").unwrap(),
            "http://127.0.0.1:9/prefix"
        );
        for bad in [
            "",
            "api.hubapi.com",
            "ftp://x",
            "file:///tmp",
            "https://u:p@x",
            "https://x/?a=1",
            "https://x/#f",
        ] {
            assert!(
                matches!(validate_base_url(bad), Err(Error::Config(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn dot_segments_are_detected() {
        for dot in [".", "..", "%2e", "%2E%2e", ".%2E"] {
            assert!(is_dot_segment(dot), "{dot}");
        }
        for fine in ["", "a.b", "...", "%2e%2e%2e", "v3"] {
            assert!(!is_dot_segment(fine), "{fine}");
        }
    }

    #[test]
    fn query_components_are_percent_encoded() {
        let mut out = String::new();
        percent_encode("a b&c=d/é~", &mut out);
        assert_eq!(out, "a%20b%26c%3Dd%2F%C3%A9~");
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
        assert_eq!(client.base_url(), DEFAULT_BASE_URL);
        let client = ClientBuilder::from_env_with(env(&[
            (TOKEN_ENV, "t"),
            (BASE_URL_ENV, "http://localhost:1"),
        ]))
        .unwrap()
        .build()
        .unwrap();
        assert_eq!(client.base_url(), "http://localhost:1");
    }

    #[test]
    fn client_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone>() {}
        assert_send_sync::<Client>();
        assert_send_sync::<ClientBuilder>();
    }
}
