//! The [`Client`]: configuration, version selection, transport and the
//! mapping of HubSpot's answers.

use std::fmt::{self, Write as _};
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{self, HeaderValue};

use crate::endpoint::Query;
use crate::error::excerpt;
use crate::schema::{EndpointInfo, Method};
use crate::{AccessToken, ApiVersion, Endpoint, Error};

/// Where HubSpot's APIs live, unless [`ClientBuilder::base_url`] says otherwise.
pub const DEFAULT_BASE_URL: &str = "https://api.hubapi.com";

/// How long a request may take, unless [`ClientBuilder::timeout`] says
/// otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

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
/// one connection pool; a `Client` is `Send + Sync`. Its `Debug` output shows
/// the configuration with the token redacted.
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
    token: AccessToken,
    /// `Bearer <token>`, marked sensitive.
    authorization: HeaderValue,
    api_version: Option<ApiVersion>,
    timeout: Duration,
    user_agent: String,
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

    /// How long a request may take before it fails with [`Error::Timeout`].
    ///
    /// ```
    /// let client = hubspot_runtime::Client::new("pat-na1-0123456789")?;
    /// assert_eq!(client.timeout(), std::time::Duration::from_secs(30));
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn timeout(&self) -> Duration {
        self.inner.timeout
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
    pub async fn send_with_version<E: Endpoint>(
        &self,
        request: &E,
        version: Option<ApiVersion>,
    ) -> Result<E::Response, Error> {
        let index = select_version(E::INFO, version, self.inner.api_version)?;
        let path = request.path(index);
        let mut query = Query::default();
        request.query(&mut query);
        let body = request.body().map_err(Error::Encode)?;
        let url = self.url(E::INFO, &path, &query)?;

        let mut builder = self
            .inner
            .http
            .request(http_method(E::INFO.method), url)
            .header(header::AUTHORIZATION, self.inner.authorization.clone())
            .header(header::ACCEPT, "application/json");
        if let Some(body) = body {
            builder = builder
                .header(header::CONTENT_TYPE, "application/json")
                .body(body);
        }

        let response = builder.send().await.map_err(transport_error)?;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.map_err(transport_error)?;

        if status.is_success() {
            let json: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
                b"null"
            } else {
                &bytes
            };
            serde_json::from_slice(json).map_err(|source| Error::Decode {
                status: status.as_u16(),
                excerpt: excerpt(&bytes),
                source,
            })
        } else {
            Err(Error::from_response(status.as_u16(), &headers, &bytes))
        }
    }

    /// `base_url + path + ?query`, refusing paths a URL would rewrite.
    fn url(&self, info: &EndpointInfo, path: &str, query: &Query) -> Result<reqwest::Url, Error> {
        if let Some(segment) = path.split('/').find(|segment| is_dot_segment(segment)) {
            return Err(Error::InvalidRequest(format!(
                "{}: the path {path:?} has a segment {segment:?}, which a URL cannot carry",
                info.name
            )));
        }
        let mut url = String::with_capacity(self.inner.base_url.len() + path.len() + 1);
        url.push_str(&self.inner.base_url);
        if !path.starts_with('/') {
            url.push('/');
        }
        url.push_str(path);
        for (i, (name, value)) in query.pairs().iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            percent_encode(name, &mut url);
            url.push('=');
            percent_encode(value, &mut url);
        }
        reqwest::Url::parse(&url).map_err(|error| {
            Error::InvalidRequest(format!(
                "{}: {url:?} is not a valid URL: {error}",
                info.name
            ))
        })
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
            .field("user_agent", &inner.user_agent)
            .finish()
    }
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
    api_version: Option<ApiVersion>,
    user_agent: Option<String>,
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

    /// How long a request may take, from sending to the end of the answer's
    /// body, before it fails with [`Error::Timeout`]. Defaults to 30 seconds.
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
    /// a header, the base URL is not an `http(s)` URL, the timeout is zero or
    /// the user agent cannot be sent in a header.
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

        let user_agent = self
            .user_agent
            .unwrap_or_else(|| DEFAULT_USER_AGENT.to_owned());
        let user_agent_header = HeaderValue::try_from(user_agent.as_str()).map_err(|_| {
            Error::Config(format!(
                "the user agent {user_agent:?} has characters an HTTP header cannot carry"
            ))
        })?;

        let http = reqwest::Client::builder()
            .timeout(timeout)
            .user_agent(user_agent_header)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| Error::Config(format!("could not set up the HTTP client: {error}")))?;

        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                token,
                authorization,
                api_version: self.api_version,
                timeout,
                user_agent,
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
