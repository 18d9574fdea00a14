//! Sending a request: picking its version, preparing it once, then running
//! its attempts through the rate limiter, retries and timeouts.

use reqwest::header::{self, HeaderValue};
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::Instrument as _;
use tracing::field::Empty;

use super::Client;
use super::auth::Auth;
use super::body::{check_status, decode_success, read_body};
use crate::endpoint::Query;
use crate::error::excerpt;
use crate::retry::{Retry, classify};
use crate::schema::{EndpointInfo, Method};
use crate::{
    ApiVersion, Endpoint, Error, RateLimitHeaders, TransportError, UnsupportedVersionError,
};

/// The header carrying HubSpot's id for a request, for its support team.
const CORRELATION_ID: header::HeaderName =
    header::HeaderName::from_static("x-hubspot-correlation-id");
/// `Accept` and `Content-Type`, built once rather than checked per request.
const JSON: HeaderValue = HeaderValue::from_static("application/json");
/// The `Content-Type` of a form body (`#[form]` endpoints).
const FORM: HeaderValue = HeaderValue::from_static("application/x-www-form-urlencoded");

impl Client {
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
    /// The version is picked before anything is sent (see
    /// [`ApiVersion`] on why): `version` if given (and
    /// [`Error::UnsupportedVersion`] if the endpoint does not have it), else,
    /// under the client's [`api_version`](Client::api_version), the
    /// endpoint's newest version not after it, else the endpoint's newest.
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
    /// retried as the [`RetryPolicy`](crate::RetryPolicy) says, only when another attempt cannot
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
    ///     Err(Error::UnsupportedVersion(unsupported)) => {
    ///         println!("try one of {:?}", unsupported.available);
    ///     }
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
            auth = Empty,
            hub_id = Empty,
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
        // Credentials first: a request no credential of the client's can
        // authenticate fails before anything is prepared or sent.
        let auth = self.auth_for(E::INFO)?;
        let span = tracing::Span::current();
        span.record("auth", auth.scheme());
        if let Auth::Account(account, _) = &auth {
            span.record("hub_id", account.hub_id());
        }
        let path = request.__path(index);
        let mut query = Query::default();
        request.query(&mut query);
        if let Auth::DeveloperKey(developer) = &auth {
            query.push_str(
                "hapikey",
                developer.key.api_key().expose_secret().to_owned(),
            );
            query.push_str("appId", developer.key.app_id().to_string());
        }
        // A form body (HubSpot's OAuth API) carries the client secret and
        // a code or refresh token, and its answer carries tokens: neither
        // is ever logged, nor quoted in an error.
        let sensitive = E::FORM || E::INFO.auth.is_empty();
        let body = match E::IDEMPOTENCY_KEY {
            Some(_) => request.__body_with_idempotency_key(crate::random::uuid_v4),
            None => request.body(),
        }
        .map_err(Error::Encode)?;
        let url = self.url(E::INFO, &path, &query)?;
        if let Some(body) = body.as_ref().filter(|_| !sensitive) {
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
            auth,
            form: E::FORM,
            sensitive,
        };
        let result = self.run_attempts_decoding(&prepared).await;
        let span = tracing::Span::current();
        span.record("elapsed_ms", elapsed_millis(started));
        match &result {
            Ok(_) => tracing::debug!("HubSpot request succeeded"),
            Err(error) => tracing::debug!(error = %error, "HubSpot request failed"),
        }
        result
    }

    /// Runs the attempts and decodes the answer. Only this loop depends on
    /// the response type, and it is small: the attempts and the decision to
    /// retry are not generic, so they are compiled once, not once per
    /// endpoint. An answer that does not decode (a truncated or malformed
    /// body) is a failed attempt like any other.
    async fn run_attempts_decoding<T: DeserializeOwned>(
        &self,
        prepared: &Prepared<'_>,
    ) -> Result<T, Error> {
        let mut attempts = Attempts::default();
        loop {
            let success = self.run_attempts(prepared, &mut attempts).await?;
            let mut error = match decode_success(success.status, &success.body) {
                Ok(decoded) => return Ok(decoded),
                Err(error) => error,
            };
            if prepared.sensitive {
                error.withhold_body();
            }
            self.after_failure(prepared, &mut attempts, None, error)
                .await?;
        }
    }

    /// Attempts `prepared` until an answer is a `2xx`, or fails in a way a
    /// retry cannot fix (or could duplicate), or runs out of attempts or
    /// time. `attempts` counts across calls, so that a `2xx` that does not
    /// decode counts as one.
    ///
    /// On an account handle, each attempt gets the account's access token
    /// once it holds a permit (refreshed if it is due by then).
    async fn run_attempts(
        &self,
        prepared: &Prepared<'_>,
        attempts: &mut Attempts,
    ) -> Result<Success, Error> {
        loop {
            attempts.count += 1;
            tracing::Span::current().record("attempt", attempts.count);
            // The access token the attempt sent, for the `401` below.
            let mut bearer = None;
            // `attempt` keeps to `prepared.deadline` itself, with one timer.
            let error = match self.attempt(prepared, &mut bearer).await {
                Ok(success) => return Ok(success),
                Err(error) => error,
            };
            self.after_failure(prepared, attempts, bearer.as_ref(), error)
                .await?;
        }
    }

    /// After attempt `attempts.count` failed with `error`: `Ok` once it is
    /// time for another attempt, else the error to return.
    ///
    /// A `401` saying the account's token (`bearer`) expired or is invalid
    /// causes one forced refresh and one more attempt, outside the retry
    /// policy's count; a second such `401` is the error.
    async fn after_failure(
        &self,
        prepared: &Prepared<'_>,
        attempts: &mut Attempts,
        bearer: Option<&crate::auth::Bearer>,
        error: Error,
    ) -> Result<(), Error> {
        if let (Auth::Account(account, oauth), Some(bearer)) = (&prepared.auth, bearer)
            && error.is_refused_token()
            && !attempts.forced_refresh
        {
            attempts.forced_refresh = true;
            attempts.count -= 1;
            tracing::info!(
                hub_id = account.hub_id(),
                "HubSpot refused the account's access token; refreshing it once"
            );
            account
                .after_rejection(self, &oauth.app, &*oauth.store, bearer.version)
                .await?;
            return Ok(());
        }
        let Retry::After { at_least } = classify(&error, prepared.idempotent) else {
            return Err(error);
        };
        let policy = self.inner.retry_policy;
        let attempt = attempts.count;
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
        Ok(())
    }

    /// One attempt: wait for the limiter (until the request's deadline),
    /// send and read the answer (within the per-attempt timeout and the
    /// deadline), and map a non-`2xx` answer to its error. A `2xx` answer's
    /// body is returned as it is, for the caller to decode.
    ///
    /// A free permit is taken without a timer, so the common case arms one
    /// timer per attempt, not one per wait.
    async fn attempt(
        &self,
        prepared: &Prepared<'_>,
        used: &mut Option<crate::auth::Bearer>,
    ) -> Result<Success, Error> {
        let limiter = prepared.limiter(self);
        let permit = match limiter.try_acquire() {
            Some(permit) => permit,
            // Waits within the deadline; a shared budget may also fail here
            // (Redis unusable, daily budget spent), before anything is sent.
            None => limiter.acquire(prepared.deadline).await?,
        };
        // The account's token is taken after the wait for a permit, which
        // may outlast a token: one taken before could expire in the queue.
        if let Auth::Account(account, oauth) = &prepared.auth {
            *used = Some(account.bearer(self, &oauth.app, &*oauth.store).await?);
        }
        let authorization = match (&prepared.auth, &*used) {
            (_, Some(bearer)) => Some(&bearer.header),
            (Auth::PrivateApp(private_app), None) => Some(&private_app.header),
            _ => None,
        };
        let attempt_deadline =
            crate::rate_limit::later(Instant::now(), self.inner.timeout).min(prepared.deadline);
        let mut builder = self
            .inner
            .http
            .request(prepared.method.clone(), prepared.url.clone())
            .header(header::ACCEPT, JSON);
        if let Some(authorization) = authorization {
            builder = builder.header(header::AUTHORIZATION, authorization.clone());
        }
        if let Some(body) = &prepared.body {
            let content_type = if prepared.form { FORM } else { JSON };
            builder = builder
                .header(header::CONTENT_TYPE, content_type)
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
            let bytes = read_body(response, self.inner.max_response_bytes).await?;
            Ok::<_, Error>((status, limits, correlation_header, error_headers, bytes))
        };
        let (status, limits, correlation_header, error_headers, bytes) =
            match tokio::time::timeout_at(attempt_deadline, exchange).await {
                Ok(answer) => answer?,
                Err(_) => return Err(Error::Timeout),
            };
        limiter.observe(&limits);
        drop(permit);

        if !prepared.sensitive {
            tracing::trace!(status, body = %excerpt(&bytes), "response body");
        }
        let no_headers = http::HeaderMap::new();
        let mut result = check_status(
            status,
            error_headers.as_ref().unwrap_or(&no_headers),
            &bytes,
        )
        .map(|()| Success {
            status,
            body: bytes,
        });
        if prepared.sensitive
            && let Err(error) = &mut result
        {
            error.withhold_body();
        }

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
        if let Err(error @ Error::RateLimited(_)) = &result
            && let Retry::After {
                at_least: Some(wait),
            } = classify(error, true)
        {
            limiter.pause(wait);
        }
        result
    }
}

/// How far a request's attempts have got.
#[derive(Default)]
struct Attempts {
    /// Attempts made, counting the one under way.
    count: u32,
    /// Whether a refused token was refreshed already.
    forced_refresh: bool,
}

/// A `2xx` answer, not yet decoded.
struct Success {
    status: u16,
    body: bytes::Bytes,
}

/// A request ready to be sent, as many times as it takes.
struct Prepared<'a> {
    method: reqwest::Method,
    url: reqwest::Url,
    /// Shared, so that each attempt sends it without copying it.
    body: Option<bytes::Bytes>,
    /// Whether sending it twice has the effect of sending it once.
    idempotent: bool,
    /// When the whole request times out.
    deadline: Instant,
    /// The credentials it goes with.
    auth: Auth<'a>,
    /// Whether the body is form-encoded rather than JSON.
    form: bool,
    /// Whether its body and answer carry secrets (never logged or quoted).
    sensitive: bool,
}

impl Prepared<'_> {
    /// The budget the request counts against: its account's, the developer
    /// key's, or the client's.
    fn limiter<'c>(&'c self, client: &'c Client) -> &'c crate::rate_limit::Limiter {
        match &self.auth {
            Auth::Account(account, _) => account.limiter(),
            Auth::DeveloperKey(developer) => &developer.limiter,
            Auth::None | Auth::PrivateApp(_) => &client.inner.limiter,
        }
    }
}

fn elapsed_millis(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Picks the index into `info.paths` to send at: the requested version (which
/// must exist); else, under a client pin, the newest version not after it
/// (or, for an endpoint whose versions all come later, its oldest); else the
/// newest.
fn select_version(
    info: &EndpointInfo,
    requested: Option<ApiVersion>,
    pinned: Option<ApiVersion>,
) -> Result<usize, Error> {
    let position = |version: ApiVersion| info.paths.iter().position(|p| p.version == version);
    if let Some(requested) = requested {
        return position(requested).ok_or_else(|| {
            Error::UnsupportedVersion(Box::new(UnsupportedVersionError {
                endpoint: info.name,
                requested,
                available: info.versions().collect(),
            }))
        });
    }
    let indices = 0..info.paths.len();
    let version = |i: &usize| info.paths[*i].version;
    match pinned {
        Some(bound) => indices
            .clone()
            .filter(|i| version(i) <= bound)
            .max_by_key(version)
            .or_else(|| indices.min_by_key(version)),
        None => indices.max_by_key(version),
    }
    .ok_or_else(|| Error::invalid_request(format!("{} declares no paths", info.name)))
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

pub(super) fn transport_error(error: reqwest::Error) -> Error {
    if error.is_timeout() {
        Error::Timeout
    } else {
        Error::Transport(TransportError::new(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::testing::info;
    use crate::schema::VersionedPath;

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
        // A pin is an upper bound: a version newer than it is never picked…
        static GAP: [VersionedPath; 2] = [
            VersionedPath {
                version: V3,
                template: "/v3",
            },
            VersionedPath {
                version: SEPTEMBER,
                template: "/2026-09",
            },
        ];
        let gap = crate::client::testing::info(&GAP);
        assert_eq!(select_version(&gap, None, Some(MARCH)).unwrap(), 0);
        assert_eq!(select_version(&gap, None, None).unwrap(), 1);
        // …unless the endpoint has nothing older: then its oldest.
        static LATER: [VersionedPath; 2] = [
            VersionedPath {
                version: SEPTEMBER,
                template: "/2026-09",
            },
            VersionedPath {
                version: MARCH,
                template: "/2026-03",
            },
        ];
        assert_eq!(
            select_version(&crate::client::testing::info(&LATER), None, Some(V3)).unwrap(),
            1
        );
        let error = select_version(&info, Some(SEPTEMBER), Some(V3)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Probe has no API version 2026-09; it has v3, 2026-03"
        );
    }
}
