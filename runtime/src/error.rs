//! What can go wrong sending a request, and HubSpot's error bodies.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use serde_json::{Map, Value};

use crate::ApiVersion;

/// The most bytes of a response body an [`Error`] keeps.
pub(crate) const EXCERPT_LIMIT: usize = 512;

/// Everything that can go wrong sending a request with the
/// [`Client`](crate::Client).
///
/// HubSpot's non-2xx answers map by HTTP status to [`Validation`](Error::Validation)
/// (400), [`Unauthorized`](Error::Unauthorized) (401),
/// [`MissingScopes`](Error::MissingScopes) (403), [`NotFound`](Error::NotFound)
/// (404), [`Conflict`](Error::Conflict) (409),
/// [`RateLimited`](Error::RateLimited) (429), [`Server`](Error::Server) (5xx)
/// and [`Status`](Error::Status) (anything else), each carrying the typed
/// [`ApiError`] body. The rest are failures on this side: the request could
/// not be built, sent, or its answer decoded.
///
/// Every payload larger than a pointer or two is boxed, so that
/// `Result<T, Error>` stays small (an `Error` is at most 24 bytes) on the
/// success path of every call.
///
/// No variant's `Debug` or `Display` contains the access token, and none
/// contains a request's URL (whose query string may carry a key).
///
/// ```
/// use hubspot_runtime::Error;
///
/// fn describe(error: &Error) -> String {
///     match error {
///         Error::NotFound(_) => "gone".to_owned(),
///         Error::RateLimited(limited) => format!("slow down: {:?}", limited.retry_after),
///         other => match other.correlation_id() {
///             Some(id) => format!("{other} (quote {id} to HubSpot support)"),
///             None => other.to_string(),
///         },
///     }
/// }
/// # let _ = describe;
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `400 Bad Request`: HubSpot rejected the request as invalid;
    /// [`ApiError::errors`] usually says which field and why.
    #[error("HubSpot rejected the request as invalid: {0}")]
    Validation(Box<ApiError>),

    /// `401 Unauthorized`: the access token is missing, malformed, expired or
    /// revoked.
    #[error("HubSpot did not accept the access token: {0}")]
    Unauthorized(Box<ApiError>),

    /// `403 Forbidden`: the token is valid but lacks scopes the endpoint needs
    /// ([`Error::required_scopes`] lists them when HubSpot says which).
    #[error("the access token lacks a scope this endpoint needs{scopes}: {0}", scopes = scopes_suffix(.0))]
    MissingScopes(Box<ApiError>),

    /// `404 Not Found`: the object (or the path) does not exist.
    #[error("HubSpot found nothing there: {0}")]
    NotFound(Box<ApiError>),

    /// `409 Conflict`: the request conflicts with the current state, e.g. an
    /// object with that unique value already exists.
    #[error("the request conflicts with HubSpot's current state: {0}")]
    Conflict(Box<ApiError>),

    /// `429 Too Many Requests`: a rate limit was hit. Also, with shared
    /// rate limits (the `redis` feature), a shared daily budget that is
    /// spent: then `policy_name` is `DAILY`, the body names the client-side
    /// refusal, and nothing was sent.
    #[error(transparent)]
    RateLimited(Box<RateLimitError>),

    /// `5xx`: HubSpot failed to handle the request.
    #[error("HubSpot failed with a server error: {0}")]
    Server(Box<ApiError>),

    /// Any other status that is not `2xx` (including redirects, which the
    /// client does not follow).
    #[error("HubSpot answered with an unexpected status: {0}")]
    Status(Box<ApiError>),

    /// No complete answer arrived within the client's timeout (see
    /// [`ClientBuilder::timeout`](crate::ClientBuilder::timeout)).
    #[error("the request to HubSpot timed out")]
    Timeout,

    /// The request could not be sent or its answer not received: DNS, connect,
    /// TLS or connection failures. The [`TransportError`] says which, and
    /// carries neither the token nor the request's URL.
    #[error("could not talk to HubSpot")]
    Transport(#[source] TransportError),

    /// A `2xx` answer's body did not decode into the endpoint's response type.
    #[error(transparent)]
    Decode(Box<DecodeError>),

    /// HubSpot's answer was larger than the client accepts (see
    /// [`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes));
    /// the rest of it was not read.
    #[error("HubSpot's answer is larger than the client's limit of {limit} bytes")]
    ResponseTooLarge {
        /// The limit, in bytes.
        limit: u64,
    },

    /// The request body could not be serialized to JSON.
    #[error("could not encode the request body as JSON")]
    Encode(#[source] serde_json::Error),

    /// The request was pinned to an API version the endpoint does not have;
    /// nothing was sent.
    #[error(transparent)]
    UnsupportedVersion(Box<UnsupportedVersionError>),

    /// A list's next-page cursor repeated the one just sent: following it
    /// would fetch the same page forever, so a [`PageStream`](crate::pagination::PageStream)
    /// stops with this error instead.
    #[error(transparent)]
    RepeatedCursor(Box<RepeatedCursorError>),

    /// The request could not be turned into a valid HTTP request, e.g. a path
    /// parameter of `..` that a URL cannot carry; nothing was sent.
    #[error("could not build the request: {0}")]
    InvalidRequest(Box<str>),

    /// The client is misconfigured: no token, a base URL that is not an
    /// `http(s)` URL, an environment variable that is missing, ...
    #[error("invalid HubSpot client configuration: {0}")]
    Config(Box<str>),

    /// State shared with other replicas (the Redis rate limiter, token
    /// store or lock) could not be used, and the configured policy is to
    /// fail rather than go on without it. Nothing was sent to HubSpot.
    #[error(transparent)]
    SharedState(Box<crate::SharedStateError>),

    /// The endpoint accepts none of the credentials this client (or
    /// account handle) holds; nothing was sent.
    #[error("{0}")]
    MissingCredentials(Box<MissingCredentials>),

    /// HubSpot refused the account's refresh token (`BAD_REFRESH_TOKEN`,
    /// `invalid_grant`): the app was uninstalled, or the token revoked. The
    /// account's requests fail with this, without calling HubSpot again,
    /// until the account installs the app again
    /// ([`Client::install`](crate::Client::install)); other accounts are
    /// not affected.
    #[error("HubSpot account {hub_id} must install the app again: its refresh token was refused")]
    ReauthorizationRequired {
        /// The account.
        hub_id: u64,
    },

    /// The [`TokenStore`](crate::TokenStore) failed to load or save an
    /// account's tokens.
    #[error("{0}")]
    TokenStore(Box<crate::auth::StoreError>),
}

/// What [`Error::MissingCredentials`] says: the endpoint, the credentials it
/// accepts, and why the client could not use any.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MissingCredentials {
    /// The endpoint's Rust type name.
    pub endpoint: &'static str,
    /// What the endpoint accepts.
    pub accepts: &'static [crate::schema::AuthScheme],
    /// Why the client could not authenticate the request.
    pub reason: &'static str,
}

impl fmt::Display for MissingCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let accepts: Vec<&str> = self.accepts.iter().map(|s| s.as_str()).collect();
        write!(
            f,
            "{} accepts {}; {}",
            self.endpoint,
            accepts.join(" or "),
            self.reason
        )
    }
}

impl std::error::Error for MissingCredentials {}

impl Error {
    /// A `2xx` answer that decoded but cannot be used, e.g. a token
    /// response without tokens.
    pub(crate) fn invalid_response(message: &str) -> Error {
        Error::invalid_request(format!("HubSpot's answer cannot be used: {message}"))
    }

    /// Whether this is HubSpot refusing an OAuth refresh token
    /// (`BAD_REFRESH_TOKEN`, or OAuth's `invalid_grant`): the account must
    /// install the app again.
    ///
    /// ```
    /// use hubspot_runtime::Error;
    ///
    /// let body = br#"{"status":"BAD_REFRESH_TOKEN","message":"missing or unknown refresh token",
    ///     "error":"invalid_grant","error_description":"missing or unknown refresh token"}"#;
    /// assert!(Error::from_response(400, &Default::default(), body).is_bad_refresh_token());
    /// ```
    pub fn is_bad_refresh_token(&self) -> bool {
        self.status() == Some(400)
            && self.api_error().is_some_and(|error| {
                matches!(
                    error.code.as_deref(),
                    Some("BAD_REFRESH_TOKEN" | "invalid_grant")
                )
            })
    }

    /// Whether this is HubSpot refusing the access token as expired or
    /// invalid (`401` with category `EXPIRED_AUTHENTICATION` or
    /// `INVALID_AUTHENTICATION`, or none): a refreshed token may succeed.
    ///
    /// ```
    /// use hubspot_runtime::Error;
    ///
    /// let body = br#"{"status":"error","message":"The OAuth token used to make this call expired 2 second(s) ago.",
    ///     "category":"EXPIRED_AUTHENTICATION"}"#;
    /// assert!(Error::from_response(401, &Default::default(), body).is_refused_token());
    /// ```
    pub fn is_refused_token(&self) -> bool {
        match self {
            Error::Unauthorized(error) => matches!(
                error.category.as_deref(),
                None | Some("EXPIRED_AUTHENTICATION" | "INVALID_AUTHENTICATION")
            ),
            _ => false,
        }
    }

    /// Drops every copy of the answer's body from the error, for answers
    /// that may carry secrets (HubSpot's OAuth endpoints).
    pub(crate) fn withhold_body(&mut self) {
        const WITHHELD: &str = "(withheld: the answer may carry credentials)";
        match self {
            Error::Decode(decode) => decode.excerpt = WITHHELD.to_owned(),
            other => {
                if let Some(error) = other.api_error_mut()
                    && error.body_excerpt.is_some()
                {
                    error.body_excerpt = Some(WITHHELD.to_owned());
                }
            }
        }
    }

    fn api_error_mut(&mut self) -> Option<&mut ApiError> {
        match self {
            Error::Validation(error)
            | Error::Unauthorized(error)
            | Error::MissingScopes(error)
            | Error::NotFound(error)
            | Error::Conflict(error)
            | Error::Server(error)
            | Error::Status(error) => Some(error.as_mut()),
            Error::RateLimited(limited) => Some(&mut limited.error),
            _ => None,
        }
    }
}

/// What [`Error::RateLimited`] carries: HubSpot's `429` answer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
#[error(
    "HubSpot's rate limit{} was reached{}: {error}",
    policy_suffix(policy_name),
    retry_suffix(retry_after)
)]
pub struct RateLimitError {
    /// How long HubSpot asked to wait, from the `Retry-After` header.
    pub retry_after: Option<Duration>,
    /// The limit that was hit, from the body's `policyName`, e.g.
    /// `"TEN_SECONDLY_ROLLING"` or `"DAILY"`.
    pub policy_name: Option<String>,
    /// The `X-HubSpot-RateLimit-*` headers of the answer.
    pub limits: RateLimitHeaders,
    /// The error body.
    pub error: ApiError,
}

/// What [`Error::Decode`] carries: a `2xx` body that did not decode.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
#[error("could not decode HubSpot's {status} answer (body starts with {excerpt:?})")]
pub struct DecodeError {
    /// The HTTP status of the answer.
    pub status: u16,
    /// At most the first 512 bytes of the body, as lossy UTF-8.
    pub excerpt: String,
    /// What serde_json objected to.
    #[source]
    pub source: serde_json::Error,
}

/// What [`Error::UnsupportedVersion`] carries: the version asked for and
/// the ones the endpoint has.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[error(
    "{endpoint} has no API version {requested}; it has {}",
    version_list(available)
)]
pub struct UnsupportedVersionError {
    /// The endpoint's Rust type name.
    pub endpoint: &'static str,
    /// The version the request was pinned to.
    pub requested: ApiVersion,
    /// The versions the endpoint has, oldest first.
    pub available: Vec<ApiVersion>,
}

/// What [`Error::RepeatedCursor`] carries: the list and the cursor HubSpot
/// gave a second time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[error(
    "{endpoint}: HubSpot answered with the next-page cursor `{after}`, which was already followed"
)]
pub struct RepeatedCursorError {
    /// The list endpoint.
    pub endpoint: &'static str,
    /// The cursor that repeated.
    pub after: String,
}

/// Why a request could not be sent or its answer not received (see
/// [`Error::Transport`]).
///
/// Opaque: it says what kind of failure it was, and its
/// [`source`](std::error::Error::source) chain says more. Neither its
/// `Display` nor its `Debug` carries the request's URL, whose query string
/// may hold a developer API key (`hapikey=`), nor the token.
pub struct TransportError {
    /// Always without its URL.
    inner: reqwest::Error,
}

impl TransportError {
    /// Wraps `error`, dropping the URL it carries.
    pub(crate) fn new(error: reqwest::Error) -> TransportError {
        TransportError {
            inner: error.without_url(),
        }
    }

    /// Whether no connection could be made (DNS, refused, TLS handshake):
    /// the request did not reach HubSpot.
    pub fn is_connect(&self) -> bool {
        self.inner.is_connect()
    }

    /// Whether the failure came while sending the request or reading the
    /// answer's head, after a connection was made.
    pub fn is_request(&self) -> bool {
        self.inner.is_request() && !self.inner.is_connect()
    }

    /// Whether the failure came while reading the answer's body, e.g. the
    /// connection closed early.
    pub fn is_body(&self) -> bool {
        self.inner.is_body() || self.inner.is_decode()
    }

    /// Whether the HTTP request could not even be built (a bug, not a
    /// network failure; never worth retrying).
    pub(crate) fn is_builder(&self) -> bool {
        self.inner.is_builder()
    }

    fn kind(&self) -> &'static str {
        if self.is_connect() {
            "connect"
        } else if self.is_body() {
            "body"
        } else if self.is_builder() {
            "builder"
        } else if self.is_request() {
            "request"
        } else {
            "other"
        }
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.inner, f)
    }
}

impl fmt::Debug for TransportError {
    /// The kind and the whole `Display` chain of causes, as text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut causes = Vec::new();
        let mut cause = std::error::Error::source(&self.inner);
        while let Some(error) = cause {
            causes.push(error.to_string());
            cause = error.source();
        }
        f.debug_struct("TransportError")
            .field("kind", &self.kind())
            .field("message", &self.inner.to_string())
            .field("causes", &causes)
            .finish()
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.inner)
    }
}

impl Error {
    /// The HTTP status of HubSpot's answer, if there was one.
    ///
    /// ```
    /// use hubspot_runtime::{ApiError, Error};
    ///
    /// let error = Error::from_response(404, &Default::default(), b"{\"message\":\"nope\"}");
    /// assert_eq!(error.status(), Some(404));
    /// assert_eq!(Error::Timeout.status(), None);
    /// ```
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Decode(decode) => Some(decode.status),
            other => other.api_error().map(|error| error.status),
        }
    }

    /// HubSpot's error body, for the variants that carry one.
    ///
    /// ```
    /// use hubspot_runtime::Error;
    ///
    /// let error = Error::from_response(409, &Default::default(), br#"{"message":"exists"}"#);
    /// assert_eq!(error.api_error().unwrap().message, "exists");
    /// ```
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Validation(error)
            | Error::Unauthorized(error)
            | Error::MissingScopes(error)
            | Error::NotFound(error)
            | Error::Conflict(error)
            | Error::Server(error)
            | Error::Status(error) => Some(error.as_ref()),
            Error::RateLimited(limited) => Some(&limited.error),
            _ => None,
        }
    }

    /// The `correlationId` HubSpot gave the failed request: quote it to
    /// HubSpot's support.
    ///
    /// ```
    /// use hubspot_runtime::Error;
    ///
    /// let body = br#"{"message":"boom","correlationId":"3b5c2f1e"}"#;
    /// let error = Error::from_response(500, &Default::default(), body);
    /// assert_eq!(error.correlation_id(), Some("3b5c2f1e"));
    /// ```
    pub fn correlation_id(&self) -> Option<&str> {
        self.api_error()?.correlation_id.as_deref()
    }

    /// For [`MissingScopes`](Error::MissingScopes), the scopes HubSpot said
    /// are required (see [`ApiError::required_scopes`]); empty otherwise.
    ///
    /// ```
    /// use hubspot_runtime::Error;
    ///
    /// let body = br#"{"message":"missing scopes","category":"MISSING_SCOPES",
    ///     "errors":[{"message":"One or more of the following scopes are required.",
    ///                "context":{"requiredGranularScopes":["conversations.read"]}}]}"#;
    /// let error = Error::from_response(403, &Default::default(), body);
    /// assert_eq!(error.required_scopes(), ["conversations.read"]);
    /// ```
    pub fn required_scopes(&self) -> Vec<&str> {
        match self {
            Error::MissingScopes(error) => error.required_scopes(),
            _ => Vec::new(),
        }
    }

    /// For [`RateLimited`](Error::RateLimited), how long HubSpot asked to
    /// wait.
    ///
    /// ```
    /// use hubspot_runtime::Error;
    /// use std::time::Duration;
    ///
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("retry-after", "2".parse().unwrap());
    /// let error = Error::from_response(429, &headers, b"{}");
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(2)));
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited(limited) => limited.retry_after,
            _ => None,
        }
    }

    /// Whether this is [`Error::Timeout`].
    ///
    /// ```
    /// assert!(hubspot_runtime::Error::Timeout.is_timeout());
    /// ```
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout)
    }

    /// Maps a non-2xx answer to its variant, by status. Never fails: a body
    /// that is not HubSpot's JSON error object still maps by status, with
    /// [`ApiError::body_excerpt`] keeping the start of it. When the body has
    /// no `correlationId`, the `X-HubSpot-Correlation-Id` header supplies it.
    ///
    /// ```
    /// use hubspot_runtime::Error;
    ///
    /// let error = Error::from_response(502, &Default::default(), b"<html>Bad gateway</html>");
    /// assert!(matches!(error, Error::Server(_)));
    /// let api = error.api_error().unwrap();
    /// assert_eq!(api.body_excerpt.as_deref(), Some("<html>Bad gateway</html>"));
    /// ```
    pub fn from_response(status: u16, headers: &http::HeaderMap, body: &[u8]) -> Error {
        let (mut error, fields) = ApiError::parse_with_fields(status, body);
        if error.correlation_id.is_none() {
            error.correlation_id = headers
                .get("x-hubspot-correlation-id")
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned);
        }
        match status {
            400 => Error::Validation(Box::new(error)),
            401 => Error::Unauthorized(Box::new(error)),
            403 => Error::MissingScopes(Box::new(error)),
            404 => Error::NotFound(Box::new(error)),
            409 => Error::Conflict(Box::new(error)),
            429 => Error::RateLimited(Box::new(RateLimitError {
                retry_after: headers
                    .get(http::header::RETRY_AFTER)
                    .and_then(|value| value.to_str().ok())
                    .and_then(parse_retry_after),
                policy_name: fields
                    .as_ref()
                    .and_then(|fields| fields.get("policyName"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                limits: RateLimitHeaders::from_headers(headers),
                error,
            })),
            500..=599 => Error::Server(Box::new(error)),
            _ => Error::Status(Box::new(error)),
        }
    }

    /// An [`Error::Config`] saying `message`.
    pub(crate) fn config(message: impl Into<Box<str>>) -> Error {
        Error::Config(message.into())
    }

    /// An [`Error::InvalidRequest`] saying `message`.
    pub(crate) fn invalid_request(message: impl Into<Box<str>>) -> Error {
        Error::InvalidRequest(message.into())
    }
}

fn parse_retry_after(value: &str) -> Option<Duration> {
    let seconds: f64 = value.trim().parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0)
        .then(|| Duration::try_from_secs_f64(seconds).ok())
        .flatten()
}

fn scopes_suffix(error: &ApiError) -> String {
    let scopes = error.required_scopes();
    if scopes.is_empty() {
        String::new()
    } else {
        format!(" ({})", scopes.join(", "))
    }
}

fn policy_suffix(policy_name: &Option<String>) -> String {
    match policy_name {
        Some(name) => format!(" {name}"),
        None => String::new(),
    }
}

fn retry_suffix(retry_after: &Option<Duration>) -> String {
    match retry_after {
        Some(wait) => format!(" (retry after {wait:?})"),
        None => String::new(),
    }
}

fn version_list(versions: &[ApiVersion]) -> String {
    if versions.is_empty() {
        return "no versions".to_owned();
    }
    versions
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// HubSpot's JSON error body, decoded leniently: a field that is missing or
/// has an unexpected type is left empty rather than failing.
///
/// ```json
/// {"status": "error", "message": "Property values were not valid",
///  "correlationId": "aeb5f871-7f07-4993-9211-075dc63e7cbf",
///  "category": "VALIDATION_ERROR", "subCategory": "...",
///  "errors": [{"message": "...", "in": "email", "code": "INVALID_EMAIL",
///              "subCategory": "...", "context": {"propertyName": ["email"]}}],
///  "context": {"id": ["123"]}, "links": {"knowledge-base": "https://..."}}
/// ```
///
/// ```
/// use hubspot_runtime::ApiError;
///
/// let body = br#"{"status":"error","message":"Property values were not valid",
///     "correlationId":"aeb5f871","category":"VALIDATION_ERROR",
///     "errors":[{"message":"Email is invalid","in":"email","code":"INVALID_EMAIL"}]}"#;
/// let error = ApiError::parse(400, body);
/// assert_eq!(error.status, 400);
/// assert_eq!(error.message, "Property values were not valid");
/// assert_eq!(error.category.as_deref(), Some("VALIDATION_ERROR"));
/// assert_eq!(error.errors[0].location.as_deref(), Some("email"));
/// assert_eq!(error.body_excerpt, None);
/// assert_eq!(
///     error.to_string(),
///     "HTTP 400: Property values were not valid; email: Email is invalid \
///      [VALIDATION_ERROR] (correlation id aeb5f871)"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status of the answer (not the body's `status`, which is
    /// usually just `"error"`).
    pub status: u16,
    /// `message`: what went wrong; empty when the body had none.
    pub message: String,
    /// `correlationId` (or, when the body has none, the
    /// `X-HubSpot-Correlation-Id` header): the id HubSpot's support can look
    /// the request up by.
    pub correlation_id: Option<String>,
    /// The body's machine-readable code: its `status` when that is not just
    /// `"error"` (e.g. `"BAD_REFRESH_TOKEN"` from the OAuth endpoints), else
    /// OAuth's `error` (e.g. `"invalid_grant"`).
    pub code: Option<String>,
    /// `category`, e.g. `"VALIDATION_ERROR"`, `"OBJECT_NOT_FOUND"`,
    /// `"MISSING_SCOPES"`, `"RATE_LIMITS"`.
    pub category: Option<String>,
    /// `subCategory`, a finer-grained reason.
    pub sub_category: Option<String>,
    /// `errors`: one entry per problem, e.g. per invalid field.
    pub errors: Vec<ErrorDetail>,
    /// `context`: named lists of values, e.g. `{"requiredScopes": [...]}`.
    pub context: BTreeMap<String, Vec<String>>,
    /// `links`: named URLs, e.g. to documentation.
    pub links: BTreeMap<String, String>,
    /// When the body was not a JSON object: at most its first 512 bytes, as
    /// lossy UTF-8. `None` when it was (or was empty).
    pub body_excerpt: Option<String>,
}

/// One entry of [`ApiError::errors`].
///
/// ```
/// use hubspot_runtime::ApiError;
///
/// let body = br#"{"message":"invalid","errors":[{"message":"too long","in":"text",
///     "code":"TOO_LONG","context":{"maxLength":["1000"]}}]}"#;
/// let detail = &ApiError::parse(400, body).errors[0];
/// assert_eq!(detail.code.as_deref(), Some("TOO_LONG"));
/// assert_eq!(detail.context["maxLength"], ["1000"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorDetail {
    /// `message`: what is wrong; empty when the entry had none.
    pub message: String,
    /// `in`: where the problem is, usually a field or parameter name.
    pub location: Option<String>,
    /// `code`, e.g. `"INVALID_EMAIL"`.
    pub code: Option<String>,
    /// `subCategory`.
    pub sub_category: Option<String>,
    /// `context`: named lists of values.
    pub context: BTreeMap<String, Vec<String>>,
}

/// How many [`ApiError::errors`] entries `Display` shows.
const DETAILS_SHOWN: usize = 3;

/// The context keys [`ApiError::required_scopes`] reads.
const SCOPE_KEYS: [&str; 2] = ["requiredGranularScopes", "requiredScopes"];

impl ApiError {
    /// Decodes the body of an answer with HTTP status `status`. Never fails:
    /// anything that is not a JSON object leaves the fields empty and keeps
    /// the start of the body in [`body_excerpt`](ApiError::body_excerpt).
    ///
    /// ```
    /// use hubspot_runtime::ApiError;
    ///
    /// let error = ApiError::parse(503, b"upstream connect error");
    /// assert_eq!(error.status, 503);
    /// assert_eq!(error.message, "");
    /// assert_eq!(error.body_excerpt.as_deref(), Some("upstream connect error"));
    /// ```
    pub fn parse(status: u16, body: &[u8]) -> ApiError {
        ApiError::parse_with_fields(status, body).0
    }

    /// [`parse`](ApiError::parse), also returning the body's JSON object, if
    /// it was one, for fields outside `ApiError` (e.g. `policyName`).
    fn parse_with_fields(status: u16, body: &[u8]) -> (ApiError, Option<Map<String, Value>>) {
        let mut error = ApiError {
            status,
            ..ApiError::default()
        };
        if body.iter().all(u8::is_ascii_whitespace) {
            return (error, None);
        }
        let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(body) else {
            error.body_excerpt = Some(excerpt(body));
            return (error, None);
        };
        error.message = string_field(&fields, "message")
            .or_else(|| string_field(&fields, "error_description"))
            .unwrap_or_default();
        error.code = string_field(&fields, "status")
            .filter(|status| status != "error")
            .or_else(|| string_field(&fields, "error"));
        error.correlation_id = string_field(&fields, "correlationId");
        error.category = string_field(&fields, "category");
        error.sub_category = string_field(&fields, "subCategory");
        error.context = context_field(&fields, "context");
        if let Some(Value::Array(errors)) = fields.get("errors") {
            error.errors = errors
                .iter()
                .filter_map(Value::as_object)
                .map(|detail| ErrorDetail {
                    message: string_field(detail, "message").unwrap_or_default(),
                    location: string_field(detail, "in"),
                    code: string_field(detail, "code"),
                    sub_category: string_field(detail, "subCategory"),
                    context: context_field(detail, "context"),
                })
                .collect();
        }
        if let Some(Value::Object(links)) = fields.get("links") {
            error.links = links
                .iter()
                .filter_map(|(name, url)| Some((name.clone(), url.as_str()?.to_owned())))
                .collect();
        }
        (error, Some(fields))
    }

    /// The OAuth scopes HubSpot said the request needs, read from the
    /// `requiredGranularScopes` and `requiredScopes` keys of the body's
    /// `context` and of each entry's `context`, without duplicates. Empty
    /// when HubSpot did not say.
    ///
    /// ```
    /// use hubspot_runtime::ApiError;
    ///
    /// let body = br#"{"message":"This app hasn't been granted all required scopes",
    ///     "context":{"requiredScopes":["conversations.read"]},
    ///     "errors":[{"message":"One or more of the following scopes are required.",
    ///                "context":{"requiredGranularScopes":["conversations.read",
    ///                                                     "conversations.write"]}}]}"#;
    /// let error = ApiError::parse(403, body);
    /// assert_eq!(error.required_scopes(), ["conversations.read", "conversations.write"]);
    /// ```
    pub fn required_scopes(&self) -> Vec<&str> {
        let contexts = std::iter::once(&self.context).chain(self.errors.iter().map(|e| &e.context));
        let mut scopes: Vec<&str> = Vec::new();
        for context in contexts {
            for key in SCOPE_KEYS {
                for scope in context.get(key).into_iter().flatten() {
                    if !scopes.contains(&scope.as_str()) {
                        scopes.push(scope);
                    }
                }
            }
        }
        scopes
    }
}

impl fmt::Display for ApiError {
    /// `HTTP <status>`, then the message (or the body excerpt when there is no
    /// message), the first few [`errors`](ApiError::errors), the category and
    /// the correlation id when known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        } else if let Some(excerpt) = &self.body_excerpt {
            write!(f, ": {excerpt:?}")?;
        }
        let details: Vec<&ErrorDetail> = self
            .errors
            .iter()
            .filter(|detail| !detail.message.is_empty() && detail.message != self.message)
            .collect();
        for detail in details.iter().take(DETAILS_SHOWN) {
            match &detail.location {
                Some(location) => write!(f, "; {location}: {}", detail.message)?,
                None => write!(f, "; {}", detail.message)?,
            }
        }
        if details.len() > DETAILS_SHOWN {
            write!(f, "; and {} more", details.len() - DETAILS_SHOWN)?;
        }
        if let Some(category) = &self.category {
            write!(f, " [{category}]")?;
        }
        if let Some(id) = &self.correlation_id {
            write!(f, " (correlation id {id})")?;
        }
        Ok(())
    }
}

fn string_field(fields: &Map<String, Value>, name: &str) -> Option<String> {
    match fields.get(name)? {
        Value::String(text) => Some(text.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Reads a `{name: [values]}` map, accepting a lone value for a list and
/// printing non-string values as JSON.
fn context_field(fields: &Map<String, Value>, name: &str) -> BTreeMap<String, Vec<String>> {
    let Some(Value::Object(context)) = fields.get(name) else {
        return BTreeMap::new();
    };
    let text = |value: &Value| match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    context
        .iter()
        .map(|(key, values)| {
            let values = match values {
                Value::Array(values) => values.iter().map(text).collect(),
                Value::Null => Vec::new(),
                value => vec![text(value)],
            };
            (key.clone(), values)
        })
        .collect()
}

/// The `X-HubSpot-RateLimit-*` headers of an answer; each is `None` when
/// absent or not a number.
///
/// ```
/// use hubspot_runtime::RateLimitHeaders;
///
/// let mut headers = http::HeaderMap::new();
/// headers.insert("x-hubspot-ratelimit-max", "190".parse().unwrap());
/// headers.insert("x-hubspot-ratelimit-remaining", "0".parse().unwrap());
/// let limits = RateLimitHeaders::from_headers(&headers);
/// assert_eq!(limits.max, Some(190));
/// assert_eq!(limits.remaining, Some(0));
/// assert_eq!(limits.daily, None);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimitHeaders {
    /// `X-HubSpot-RateLimit-Max`: requests allowed per interval.
    pub max: Option<u32>,
    /// `X-HubSpot-RateLimit-Remaining`: requests left in this interval.
    pub remaining: Option<u32>,
    /// `X-HubSpot-RateLimit-Interval-Milliseconds`: the interval's length.
    pub interval_milliseconds: Option<u32>,
    /// `X-HubSpot-RateLimit-Secondly`: requests allowed per second.
    pub secondly: Option<u32>,
    /// `X-HubSpot-RateLimit-Secondly-Remaining`: requests left this second.
    pub secondly_remaining: Option<u32>,
    /// `X-HubSpot-RateLimit-Daily`: requests allowed per day.
    pub daily: Option<u32>,
    /// `X-HubSpot-RateLimit-Daily-Remaining`: requests left today.
    pub daily_remaining: Option<u32>,
}

impl RateLimitHeaders {
    /// Reads the headers of an answer.
    ///
    /// ```
    /// # use hubspot_runtime::RateLimitHeaders;
    /// let limits = RateLimitHeaders::from_headers(&http::HeaderMap::new());
    /// assert_eq!(limits, RateLimitHeaders::default());
    /// ```
    pub fn from_headers(headers: &http::HeaderMap) -> RateLimitHeaders {
        // One pass over the (few) headers, comparing names HubSpot sends in
        // lower case, rather than seven hashed look-ups: this runs on every
        // answer.
        let mut limits = RateLimitHeaders::default();
        let mut seen = 0u8;
        for (name, value) in headers {
            let Some(rest) = name.as_str().strip_prefix("x-hubspot-ratelimit-") else {
                continue;
            };
            let (bit, slot) = match rest {
                "max" => (0, &mut limits.max),
                "remaining" => (1, &mut limits.remaining),
                "interval-milliseconds" => (2, &mut limits.interval_milliseconds),
                "secondly" => (3, &mut limits.secondly),
                "secondly-remaining" => (4, &mut limits.secondly_remaining),
                "daily" => (5, &mut limits.daily),
                "daily-remaining" => (6, &mut limits.daily_remaining),
                _ => continue,
            };
            // Only a header's first value counts, as with `HeaderMap::get`.
            if seen & (1 << bit) == 0 {
                seen |= 1 << bit;
                *slot = value
                    .to_str()
                    .ok()
                    .and_then(|text| text.trim().parse().ok());
            }
        }
        limits
    }

    /// Whether none of the headers was present.
    ///
    /// ```
    /// # use hubspot_runtime::RateLimitHeaders;
    /// assert!(RateLimitHeaders::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        *self == RateLimitHeaders::default()
    }
}

/// At most the first [`EXCERPT_LIMIT`] bytes of `body`, as lossy UTF-8, cut on
/// a character boundary.
pub(crate) fn excerpt(body: &[u8]) -> String {
    // A character starting before the limit ends at most 3 bytes after it.
    let head = &body[..body.len().min(EXCERPT_LIMIT + 3)];
    let mut text = String::from_utf8_lossy(head).into_owned();
    if text.len() > EXCERPT_LIMIT {
        let mut cut = EXCERPT_LIMIT;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rate_limit_header_is_read_and_only_its_first_value_counts() {
        let mut headers = http::HeaderMap::new();
        for (name, value) in [
            ("X-HubSpot-RateLimit-Max", "190"),
            ("x-hubspot-ratelimit-remaining", " 7 "),
            ("x-hubspot-ratelimit-interval-milliseconds", "10000"),
            ("x-hubspot-ratelimit-secondly", "19"),
            ("x-hubspot-ratelimit-secondly-remaining", "not a number"),
            ("x-hubspot-ratelimit-daily", "250000"),
            ("x-hubspot-ratelimit-daily-remaining", "249999"),
            ("x-hubspot-ratelimit-unknown", "1"),
            ("content-type", "application/json"),
        ] {
            headers.append(
                http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                value.parse().unwrap(),
            );
        }
        headers.append("x-hubspot-ratelimit-max", "5".parse().unwrap());
        assert_eq!(
            RateLimitHeaders::from_headers(&headers),
            RateLimitHeaders {
                max: Some(190),
                remaining: Some(7),
                interval_milliseconds: Some(10_000),
                secondly: Some(19),
                secondly_remaining: None,
                daily: Some(250_000),
                daily_remaining: Some(249_999),
            }
        );
    }

    #[test]
    fn excerpts_are_bounded_and_cut_on_char_boundaries() {
        assert_eq!(excerpt(b""), "");
        assert_eq!(excerpt(b"short"), "short");
        let long = "a".repeat(2000);
        assert_eq!(excerpt(long.as_bytes()).len(), EXCERPT_LIMIT);
        // A 4-byte character straddling the limit is dropped whole.
        let straddling = format!("{}{}", "a".repeat(EXCERPT_LIMIT - 2), "😀 and more");
        let cut = excerpt(straddling.as_bytes());
        assert_eq!(cut, "a".repeat(EXCERPT_LIMIT - 2));
        // Invalid UTF-8 is replaced, still within the limit.
        let invalid = vec![0xFF; 2000];
        let cut = excerpt(&invalid);
        assert!(cut.len() <= EXCERPT_LIMIT);
        assert!(cut.chars().all(|c| c == char::REPLACEMENT_CHARACTER));
    }

    #[test]
    fn lenient_parsing_survives_odd_types() {
        let body = br#"{"message": 42, "correlationId": null, "errors": [1, {"in": "x"}],
            "context": {"a": "lone", "b": [1, "two"], "c": null}, "links": {"ok": "u", "bad": 1}}"#;
        let error = ApiError::parse(400, body);
        assert_eq!(error.message, "42");
        assert_eq!(error.correlation_id, None);
        assert_eq!(error.errors.len(), 1);
        assert_eq!(error.errors[0].location.as_deref(), Some("x"));
        assert_eq!(error.context["a"], ["lone"]);
        assert_eq!(error.context["b"], ["1", "two"]);
        assert!(error.context["c"].is_empty());
        assert_eq!(error.links.len(), 1);
        assert_eq!(error.body_excerpt, None);
    }

    #[test]
    fn non_object_bodies_keep_an_excerpt() {
        for body in [&b"[1, 2]"[..], b"\"text\"", b"{not json", b"null"] {
            let error = ApiError::parse(500, body);
            assert_eq!(error.message, "");
            assert_eq!(error.body_excerpt.as_deref().map(str::as_bytes), Some(body));
        }
        assert_eq!(ApiError::parse(500, b" \n").body_excerpt, None);
    }

    #[test]
    fn every_status_maps_without_panicking() {
        let headers = http::HeaderMap::new();
        for status in [
            300, 302, 400, 401, 403, 404, 409, 418, 429, 500, 503, 599, 999,
        ] {
            for body in [&b""[..], b"{}", b"garbage", &[0xC3, 0x28][..]] {
                let error = Error::from_response(status, &headers, body);
                assert_eq!(error.status(), Some(status));
                let _ = error.to_string();
            }
        }
    }

    #[test]
    fn errors_are_small() {
        // Every `Result<_, Error>` pays for the largest variant.
        assert!(
            std::mem::size_of::<Result<(), Error>>() <= 24,
            "Result<(), Error> is {} bytes",
            std::mem::size_of::<Result<(), Error>>()
        );
        assert!(std::mem::size_of::<Error>() <= 24);
    }

    #[test]
    fn retry_after_is_seconds() {
        assert_eq!(parse_retry_after("10"), Some(Duration::from_secs(10)));
        assert_eq!(
            parse_retry_after(" 1.5 "),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("inf"), None);
    }
}
