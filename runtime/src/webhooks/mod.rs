//! Verifying that a webhook request really comes from HubSpot.
//!
//! HubSpot signs what it sends to your app (custom-channel webhooks,
//! webhook subscriptions, CRM cards) with your app's **client secret**. A
//! [`Verifier`] checks the signature before you trust the body:
//!
//! - **v3** (`X-HubSpot-Signature-v3`): base64 HMAC-SHA256, keyed with the
//!   client secret, of `method + URI + body + timestamp`. The URI is the full
//!   URL HubSpot called (`https://host/path?query`) with the escapes of
//!   `: / ? @ ! $ ' ( ) * , ;` decoded; the timestamp is the
//!   `X-HubSpot-Request-Timestamp` header (milliseconds since the Unix
//!   epoch). Requests older than [`Verifier::DEFAULT_MAX_AGE`] (five minutes, as
//!   HubSpot recommends) or more than [`Verifier::DEFAULT_MAX_FUTURE_SKEW`] in the
//!   future are rejected, so a captured request cannot be replayed later.
//! - **v1 / v2** (`X-HubSpot-Signature`, version in
//!   `X-HubSpot-Signature-Version`): hex SHA-256 of `secret + body` (v1) or
//!   `secret + method + URI + body` (v2). They carry no timestamp, so a
//!   captured request stays valid forever; a [`Verifier`] refuses them unless
//!   you opt in with [`Verifier::allow_legacy_signatures`].
//!
//! When a request carries a v3 signature, only v3 is checked: a failing v3
//! signature is never rescued by a legacy one. Signatures are compared in
//! constant time. No error, `Debug` or `Display` output contains the secret.
//!
//! The API works on [`http`] types and raw body bytes, so it fits any
//! framework; with the `axum` feature, `VerifiedWebhook` (in this module)
//! is an extractor that does it for you.
//!
//! # Which URL
//!
//! HubSpot signs the public URL it called. Behind a reverse proxy or load
//! balancer, the request your server sees may have a different host, scheme
//! or path prefix, so tell the verifier where it is reachable with
//! [`Verifier::public_url`]: the request's path and query are appended to
//! it. Without one, [`Verifier::verify_parts`] needs an absolute request URI.
//!
//! # Example
//!
//! ```
//! use hubspot_runtime::webhooks::{ClientSecret, SignatureVersion, Verifier, VerifyError};
//! use http::{HeaderMap, HeaderValue, Method};
//!
//! let secret = ClientSecret::new("my-app-client-secret");
//! let verifier = Verifier::new(secret.clone())
//!     .public_url("https://bridge.example.com/hubspot")
//!     .expect("an http(s) URL");
//!
//! // What HubSpot would send (signed here with the same secret).
//! let body = br#"{"type":"OUTGOING_CHANNEL_MESSAGE_CREATED"}"#;
//! let url = "https://bridge.example.com/hubspot/webhooks?portal=1";
//! let timestamp = std::time::SystemTime::now()
//!     .duration_since(std::time::UNIX_EPOCH)
//!     .unwrap()
//!     .as_millis() as u64;
//! let mut headers = HeaderMap::new();
//! let signature = secret.sign_v3(&Method::POST, url, body, timestamp);
//! headers.insert("x-hubspot-signature-v3", HeaderValue::from_str(&signature).unwrap());
//! headers.insert("x-hubspot-request-timestamp", timestamp.into());
//!
//! // Your server sees the path only (the proxy stripped `/hubspot`).
//! let request = http::Request::builder()
//!     .method(Method::POST)
//!     .uri("/webhooks?portal=1")
//!     .body(())
//!     .unwrap();
//! let (mut parts, ()) = request.into_parts();
//! parts.headers = headers;
//! assert_eq!(verifier.verify_parts(&parts, body), Ok(SignatureVersion::V3));
//!
//! // One changed byte and it is rejected.
//! let tampered = br#"{"type":"OUTGOING_CHANNEL_MESSAGE_CREATEd"}"#;
//! assert!(matches!(
//!     verifier.verify_parts(&parts, tampered),
//!     Err(VerifyError::Mismatch { .. })
//! ));
//! ```

pub(crate) mod dedup;
mod signature;

#[cfg(feature = "redis")]
pub use crate::redis::RedisWebhookDedup;
pub use dedup::{Claim, DedupFuture, DeliveryGuard, InMemoryWebhookDedup, WebhookDedup};

#[cfg(feature = "axum")]
mod extract;

#[cfg(feature = "axum")]
pub use extract::{VerifiedWebhook, WebhookRejection};

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::header::{GetAll, HeaderName};
use http::{HeaderMap, HeaderValue, Method, Uri};

/// `X-HubSpot-Signature-v3`: the v3 signature (base64).
pub const SIGNATURE_V3: HeaderName = HeaderName::from_static("x-hubspot-signature-v3");
/// `X-HubSpot-Request-Timestamp`: when HubSpot sent the request, in
/// milliseconds since the Unix epoch; part of the v3 signature.
pub const REQUEST_TIMESTAMP: HeaderName = HeaderName::from_static("x-hubspot-request-timestamp");
/// `X-HubSpot-Signature`: the v1 or v2 signature (hex).
pub const SIGNATURE: HeaderName = HeaderName::from_static("x-hubspot-signature");
/// `X-HubSpot-Signature-Version`: `v1` or `v2`, saying what
/// `X-HubSpot-Signature` is.
pub const SIGNATURE_VERSION: HeaderName = HeaderName::from_static("x-hubspot-signature-version");

/// Header names as HubSpot's docs spell them, for error messages.
mod display {
    pub const SIGNATURE_V3: &str = "X-HubSpot-Signature-v3";
    pub const REQUEST_TIMESTAMP: &str = "X-HubSpot-Request-Timestamp";
    pub const SIGNATURE: &str = "X-HubSpot-Signature";
    pub const SIGNATURE_VERSION: &str = "X-HubSpot-Signature-Version";
}

/// Your app's client secret: the key of HubSpot's webhook signatures, and
/// the secret an [`OAuthApp`](crate::OAuthApp) authenticates with.
///
/// Its `Debug` and `Display` print a redaction. Cloning is cheap (the bytes
/// are shared).
///
/// ```
/// use hubspot_runtime::webhooks::ClientSecret;
///
/// let secret = ClientSecret::new("yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy");
/// assert_eq!(format!("{secret:?}"), "ClientSecret(****)");
/// ```
#[derive(Clone)]
pub struct ClientSecret(Arc<str>);

impl ClientSecret {
    /// Wraps the client secret shown in your app's settings.
    pub fn new(secret: impl Into<String>) -> ClientSecret {
        ClientSecret(Arc::from(secret.into()))
    }

    /// Reads the secret from the environment variable `name`; `None` if it
    /// is unset, empty or not UTF-8.
    ///
    /// ```
    /// # use hubspot_runtime::webhooks::ClientSecret;
    /// assert!(ClientSecret::from_env("HUBSPOT_SURELY_UNSET_VARIABLE").is_none());
    /// ```
    pub fn from_env(name: &str) -> Option<ClientSecret> {
        std::env::var(name)
            .ok()
            .filter(|s| !s.trim().is_empty())
            .map(ClientSecret::new)
    }

    fn bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The secret itself. Every use is a place where it could leak: do not
    /// log it or put it in an error message.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// Whether the secret is empty or only whitespace.
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }

    /// The `X-HubSpot-Signature-v3` HubSpot would send for this request,
    /// with `timestamp_ms` as `X-HubSpot-Request-Timestamp`. For testing
    /// your handlers, and for fakes that stand in for HubSpot.
    ///
    /// `url` is the full URL as called, e.g.
    /// `https://example.com/webhooks?x=1`.
    ///
    /// ```
    /// # use hubspot_runtime::webhooks::ClientSecret;
    /// // The vector from HubSpot's own SDK tests.
    /// let secret = ClientSecret::new("yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy");
    /// let signature = secret.sign_v3(
    ///     &http::Method::POST,
    ///     "https://www.example.com/webhook_uri",
    ///     b"{'example_field':'example_value'}",
    ///     15000000,
    /// );
    /// assert_eq!(signature, "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=");
    /// ```
    pub fn sign_v3(&self, method: &Method, url: &str, body: &[u8], timestamp_ms: u64) -> String {
        signature::v3(
            self.bytes(),
            method.as_str(),
            url,
            body,
            &timestamp_ms.to_string(),
        )
    }

    /// The v2 `X-HubSpot-Signature` HubSpot would send (lower-case hex).
    pub fn sign_v2(&self, method: &Method, url: &str, body: &[u8]) -> String {
        signature::to_hex(&signature::v2_digest(
            self.bytes(),
            method.as_str(),
            url,
            body,
        ))
    }

    /// The v1 `X-HubSpot-Signature` HubSpot would send (lower-case hex).
    pub fn sign_v1(&self, body: &[u8]) -> String {
        signature::to_hex(&signature::v1_digest(self.bytes(), body))
    }
}

impl fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClientSecret(****)")
    }
}

impl fmt::Display for ClientSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("****")
    }
}

impl From<String> for ClientSecret {
    fn from(secret: String) -> ClientSecret {
        ClientSecret::new(secret)
    }
}

impl From<&str> for ClientSecret {
    fn from(secret: &str) -> ClientSecret {
        ClientSecret::new(secret)
    }
}

impl From<&String> for ClientSecret {
    fn from(secret: &String) -> ClientSecret {
        ClientSecret::new(secret.as_str())
    }
}

/// Which of HubSpot's signatures a request was verified with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignatureVersion {
    /// `X-HubSpot-Signature` with version `v1`: SHA-256 of secret and body.
    V1,
    /// `X-HubSpot-Signature` with version `v2`: SHA-256 of secret, method,
    /// URI and body.
    V2,
    /// `X-HubSpot-Signature-v3`: timestamped HMAC-SHA256.
    V3,
}

impl SignatureVersion {
    /// `"v1"`, `"v2"` or `"v3"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            SignatureVersion::V1 => "v1",
            SignatureVersion::V2 => "v2",
            SignatureVersion::V3 => "v3",
        }
    }
}

impl fmt::Display for SignatureVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a request was not accepted as coming from HubSpot.
///
/// Nothing here contains the client secret or a computed signature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// A header the signature needs is absent.
    #[error("the request has no {header} header")]
    MissingHeader {
        /// The header, as HubSpot spells it.
        header: &'static str,
    },
    /// A header appears more than once, so which value was signed is
    /// ambiguous.
    #[error("the request has more than one {header} header")]
    DuplicateHeader {
        /// The header, as HubSpot spells it.
        header: &'static str,
    },
    /// A header's value is not in the form HubSpot sends.
    #[error("the {header} header is not {expected}")]
    BadEncoding {
        /// The header, as HubSpot spells it.
        header: &'static str,
        /// What it should be, e.g. `"base64"`.
        expected: &'static str,
    },
    /// The v3 timestamp is older than the verifier accepts: possibly a
    /// replayed request.
    #[error("the request was signed {age:?} ago; at most {max_age:?} is accepted")]
    StaleTimestamp {
        /// How old the request is.
        age: Duration,
        /// The verifier's limit.
        max_age: Duration,
    },
    /// The v3 timestamp is further in the future than clock skew explains.
    #[error("the request's timestamp is {ahead:?} in the future; at most {max_skew:?} is accepted")]
    FutureTimestamp {
        /// How far ahead of this server's clock it is.
        ahead: Duration,
        /// The verifier's limit.
        max_skew: Duration,
    },
    /// The signature does not match the request: it was altered, signed
    /// with another secret, or not sent by HubSpot.
    #[error("the {version} signature does not match the request")]
    Mismatch {
        /// The signature version checked.
        version: SignatureVersion,
    },
    /// `X-HubSpot-Signature-Version` names a version this crate does not
    /// know.
    #[error("unsupported signature version {version:?}")]
    UnsupportedVersion {
        /// The header's value (at most 32 characters, non-printable ones
        /// replaced by `?`).
        version: String,
    },
    /// The request carries only a v1 or v2 signature, which the verifier
    /// was not told to accept (see [`Verifier::allow_legacy_signatures`]).
    #[error(
        "the request is signed with {version} only, which has no timestamp and can be replayed; \
         enable Verifier::allow_legacy_signatures to accept it"
    )]
    LegacyNotAllowed {
        /// The legacy version found.
        version: SignatureVersion,
    },
    /// The URL HubSpot called cannot be known: the request URI is not
    /// absolute and no [`Verifier::public_url`] is configured. This is a
    /// configuration problem on your side, not a bad request.
    #[error(
        "cannot tell which URL HubSpot called: the request URI is relative and the verifier has \
         no public URL (see Verifier::public_url)"
    )]
    UnknownUrl,
}

/// [`Verifier::public_url`] was given something that is not an absolute
/// `http` or `https` URL without a query or fragment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an absolute http(s) URL without query or fragment: {0:?}")]
pub struct InvalidPublicUrl(pub String);

/// Checks HubSpot's request signatures. Build one per app (client secret)
/// and share it; cloning is cheap.
///
/// See the [module docs](self) for what is checked and an example.
#[derive(Clone)]
pub struct Verifier {
    secret: ClientSecret,
    max_age: Duration,
    max_future_skew: Duration,
    allow_legacy: bool,
    public_url: Option<Arc<str>>,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("secret", &self.secret)
            .field("max_age", &self.max_age)
            .field("max_future_skew", &self.max_future_skew)
            .field("allow_legacy", &self.allow_legacy)
            .field("public_url", &self.public_url)
            .finish()
    }
}

impl Verifier {
    /// How old a v3 request may be: five minutes, as HubSpot's docs require.
    pub const DEFAULT_MAX_AGE: Duration = Duration::from_secs(5 * 60);
    /// How far in the future a v3 request's timestamp may be, to allow for
    /// clock skew between HubSpot and your server.
    pub const DEFAULT_MAX_FUTURE_SKEW: Duration = Duration::from_secs(60);

    /// A verifier for `secret` that accepts v3 signatures up to
    /// [`Verifier::DEFAULT_MAX_AGE`] old and [`Verifier::DEFAULT_MAX_FUTURE_SKEW`] ahead, and no
    /// legacy (v1/v2) signatures.
    pub fn new(secret: ClientSecret) -> Verifier {
        Verifier {
            secret,
            max_age: Verifier::DEFAULT_MAX_AGE,
            max_future_skew: Verifier::DEFAULT_MAX_FUTURE_SKEW,
            allow_legacy: false,
            public_url: None,
        }
    }

    /// How old a v3 request may be.
    pub fn max_age(mut self, max_age: Duration) -> Verifier {
        self.max_age = max_age;
        self
    }

    /// How far in the future a v3 request's timestamp may be.
    pub fn max_future_skew(mut self, skew: Duration) -> Verifier {
        self.max_future_skew = skew;
        self
    }

    /// Whether to accept requests signed only with v1 or v2 (no timestamp,
    /// so replayable). HubSpot sends v3 on the requests it signs for apps;
    /// turn this on only for an endpoint that receives legacy-signed
    /// requests.
    pub fn allow_legacy_signatures(mut self, allow: bool) -> Verifier {
        self.allow_legacy = allow;
        self
    }

    /// Where HubSpot reaches your server, e.g.
    /// `https://bridge.example.com` or `https://example.com/hubspot`
    /// (scheme, host, optional port and path prefix). The request's path and
    /// query are appended to it to rebuild the URL HubSpot signed, whatever
    /// `Host` a proxy forwarded.
    ///
    /// # Errors
    ///
    /// If `url` is not an absolute `http`/`https` URL, or has a query or
    /// fragment.
    ///
    /// ```
    /// # use hubspot_runtime::webhooks::{ClientSecret, Verifier};
    /// let verifier = Verifier::new(ClientSecret::new("s"));
    /// assert!(verifier.clone().public_url("https://example.com/prefix/").is_ok());
    /// assert!(verifier.clone().public_url("example.com").is_err());
    /// assert!(verifier.public_url("https://example.com/?a=1").is_err());
    /// ```
    pub fn public_url(mut self, url: impl Into<String>) -> Result<Verifier, InvalidPublicUrl> {
        let url = url.into();
        let valid = url
            .parse::<Uri>()
            .ok()
            .filter(|uri| {
                matches!(uri.scheme_str(), Some("http" | "https"))
                    && uri.authority().is_some()
                    && uri.query().is_none()
            })
            .is_some()
            && !url.contains('#');
        if !valid {
            return Err(InvalidPublicUrl(url));
        }
        self.public_url = Some(Arc::from(url.trim_end_matches('/')));
        Ok(self)
    }

    /// The full URL HubSpot called for a request whose URI (as your server
    /// received it) is `uri`: the [public URL](Verifier::public_url) plus
    /// `uri`'s path and query, or `uri` itself if it is absolute and no
    /// public URL is set.
    ///
    /// # Errors
    ///
    /// [`VerifyError::UnknownUrl`] if neither is available.
    pub fn request_url(&self, uri: &Uri) -> Result<String, VerifyError> {
        match &self.public_url {
            Some(base) => {
                let path_and_query = uri.path_and_query().map_or("/", |pq| pq.as_str());
                let path_and_query = if path_and_query.starts_with('/') {
                    path_and_query.to_owned()
                } else {
                    format!("/{path_and_query}")
                };
                Ok(format!("{base}{path_and_query}"))
            }
            None if uri.scheme().is_some() && uri.authority().is_some() => Ok(uri.to_string()),
            None => Err(VerifyError::UnknownUrl),
        }
    }

    /// Verifies a request from its [`http::request::Parts`] and raw body,
    /// rebuilding the URL with [`Verifier::request_url`], at the current
    /// time.
    ///
    /// # Errors
    ///
    /// Why the request is not accepted; see [`VerifyError`].
    pub fn verify_parts(
        &self,
        parts: &http::request::Parts,
        body: &[u8],
    ) -> Result<SignatureVersion, VerifyError> {
        let url = self.request_url(&parts.uri)?;
        self.verify(&parts.method, &url, &parts.headers, body)
    }

    /// Verifies a request given the full URL HubSpot called, at the current
    /// time.
    ///
    /// # Errors
    ///
    /// Why the request is not accepted; see [`VerifyError`].
    pub fn verify(
        &self,
        method: &Method,
        url: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<SignatureVersion, VerifyError> {
        self.verify_at(method, url, headers, body, SystemTime::now())
    }

    /// [`Verifier::verify`] as if the current time were `now`.
    ///
    /// # Errors
    ///
    /// Why the request is not accepted; see [`VerifyError`].
    pub fn verify_at(
        &self,
        method: &Method,
        url: &str,
        headers: &HeaderMap,
        body: &[u8],
        now: SystemTime,
    ) -> Result<SignatureVersion, VerifyError> {
        if let Some(signature) = single(headers, &SIGNATURE_V3, display::SIGNATURE_V3)? {
            let timestamp = single(headers, &REQUEST_TIMESTAMP, display::REQUEST_TIMESTAMP)?
                .ok_or(VerifyError::MissingHeader {
                    header: display::REQUEST_TIMESTAMP,
                })?;
            self.check_freshness(parse_timestamp(timestamp)?, now)?;
            let tag = signature::from_base64(signature).ok_or(VerifyError::BadEncoding {
                header: display::SIGNATURE_V3,
                expected: "base64",
            })?;
            let matches = signature::v3_matches(
                self.secret.bytes(),
                method.as_str(),
                url,
                body,
                timestamp,
                &tag,
            );
            return if matches {
                Ok(SignatureVersion::V3)
            } else {
                Err(VerifyError::Mismatch {
                    version: SignatureVersion::V3,
                })
            };
        }
        let Some(signature) = single(headers, &SIGNATURE, display::SIGNATURE)? else {
            return Err(VerifyError::MissingHeader {
                header: display::SIGNATURE_V3,
            });
        };
        let version = match single(headers, &SIGNATURE_VERSION, display::SIGNATURE_VERSION)? {
            Some("v1") => SignatureVersion::V1,
            Some("v2") => SignatureVersion::V2,
            Some(other) => {
                return Err(VerifyError::UnsupportedVersion {
                    version: sanitize(other),
                });
            }
            None => {
                return Err(VerifyError::MissingHeader {
                    header: display::SIGNATURE_VERSION,
                });
            }
        };
        if !self.allow_legacy {
            return Err(VerifyError::LegacyNotAllowed { version });
        }
        let given = signature::from_hex(signature).ok_or(VerifyError::BadEncoding {
            header: display::SIGNATURE,
            expected: "a hex SHA-256 digest",
        })?;
        let expected = match version {
            SignatureVersion::V1 => signature::v1_digest(self.secret.bytes(), body),
            _ => signature::v2_digest(self.secret.bytes(), method.as_str(), url, body),
        };
        if signature::digest_matches(&expected, &given) {
            Ok(version)
        } else {
            Err(VerifyError::Mismatch { version })
        }
    }

    fn check_freshness(&self, timestamp_ms: u64, now: SystemTime) -> Result<(), VerifyError> {
        let now_ms = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis());
        let timestamp_ms = u128::from(timestamp_ms);
        let millis = |ms: u128| Duration::from_millis(u64::try_from(ms).unwrap_or(u64::MAX));
        if timestamp_ms <= now_ms {
            let age = millis(now_ms - timestamp_ms);
            if age > self.max_age {
                return Err(VerifyError::StaleTimestamp {
                    age,
                    max_age: self.max_age,
                });
            }
        } else {
            let ahead = millis(timestamp_ms - now_ms);
            if ahead > self.max_future_skew {
                return Err(VerifyError::FutureTimestamp {
                    ahead,
                    max_skew: self.max_future_skew,
                });
            }
        }
        Ok(())
    }
}

/// The one value of a header, as text; `None` if absent.
fn single<'a>(
    headers: &'a HeaderMap,
    name: &HeaderName,
    display: &'static str,
) -> Result<Option<&'a str>, VerifyError> {
    let all: GetAll<'a, HeaderValue> = headers.get_all(name);
    let mut values = all.iter();
    let Some(value) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(VerifyError::DuplicateHeader { header: display });
    }
    value
        .to_str()
        .map(Some)
        .map_err(|_| VerifyError::BadEncoding {
            header: display,
            expected: "visible ASCII",
        })
}

/// Milliseconds since the Unix epoch, as decimal digits only.
fn parse_timestamp(text: &str) -> Result<u64, VerifyError> {
    let bad = VerifyError::BadEncoding {
        header: display::REQUEST_TIMESTAMP,
        expected: "milliseconds since the Unix epoch",
    };
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad);
    }
    text.parse().map_err(|_| bad)
}

/// An attacker-controlled header value, safe to put in an error message.
fn sanitize(text: &str) -> String {
    text.chars()
        .take(32)
        .map(|c| if c.is_ascii_graphic() { c } else { '?' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_url_joins_public_url_and_path() {
        let verifier = Verifier::new(ClientSecret::new("s"))
            .public_url("https://example.com/prefix/")
            .unwrap();
        let uri: Uri = "/webhooks?a=%3A".parse().unwrap();
        assert_eq!(
            verifier.request_url(&uri).unwrap(),
            "https://example.com/prefix/webhooks?a=%3A"
        );
        // An absolute request URI still only contributes its path and query.
        let uri: Uri = "http://internal:8080/w".parse().unwrap();
        assert_eq!(
            verifier.request_url(&uri).unwrap(),
            "https://example.com/prefix/w"
        );
        let bare = Verifier::new(ClientSecret::new("s"));
        assert_eq!(bare.request_url(&uri).unwrap(), "http://internal:8080/w");
        let relative: Uri = "/w".parse().unwrap();
        assert_eq!(bare.request_url(&relative), Err(VerifyError::UnknownUrl));
    }

    #[test]
    fn public_url_must_be_absolute_http() {
        let verifier = Verifier::new(ClientSecret::new("s"));
        for bad in [
            "",
            "/path",
            "ftp://example.com",
            "https://example.com?x",
            "https://example.com/#f",
        ] {
            assert!(verifier.clone().public_url(bad).is_err(), "{bad}");
        }
        assert!(verifier.public_url("http://127.0.0.1:8080").is_ok());
    }

    #[test]
    fn timestamps_are_digits_only() {
        assert_eq!(parse_timestamp("1700000000000"), Ok(1_700_000_000_000));
        for bad in [
            "",
            "+1",
            "-1",
            " 1",
            "1.5",
            "1e3",
            "99999999999999999999999",
        ] {
            assert!(parse_timestamp(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn sanitize_bounds_and_cleans() {
        assert_eq!(sanitize("v9"), "v9");
        assert_eq!(sanitize("a\u{7}b c"), "a?b?c");
        assert_eq!(sanitize(&"x".repeat(100)).len(), 32);
    }
}
