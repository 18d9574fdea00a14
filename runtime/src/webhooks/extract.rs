//! The axum extractor (feature `axum`).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRef, FromRequest, OriginalUri, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{SignatureVersion, Verifier, VerifyError};

/// A request body whose HubSpot signature has been verified.
///
/// An axum extractor: it reads the body (within axum's body limit), rebuilds
/// the URL HubSpot called with [`Verifier::request_url`] (from the URI
/// before any `Router::nest` prefix was stripped) and checks the
/// signature with the [`Verifier`] your state provides through [`FromRef`].
/// It consumes the body, so it must be the handler's last argument. A
/// request that fails verification never reaches your handler; it gets a
/// `401` (a missing [public URL](Verifier::public_url) is a `500`: the
/// server is misconfigured, not the request).
///
/// ```
/// use axum::extract::FromRef;
/// use axum::routing::post;
/// use axum::Router;
/// use hubspot_runtime::webhooks::{ClientSecret, VerifiedWebhook, Verifier};
///
/// #[derive(Clone)]
/// struct AppState {
///     verifier: Verifier,
/// }
///
/// impl FromRef<AppState> for Verifier {
///     fn from_ref(state: &AppState) -> Verifier {
///         state.verifier.clone()
///     }
/// }
///
/// async fn webhook(webhook: VerifiedWebhook) -> &'static str {
///     let _event: serde_json::Value = webhook.json().unwrap_or_default();
///     "ok"
/// }
///
/// let verifier = Verifier::new(ClientSecret::new("client-secret"))
///     .public_url("https://bridge.example.com")
///     .expect("a valid URL");
/// let app: Router = Router::new()
///     .route("/hubspot/webhooks", post(webhook))
///     .with_state(AppState { verifier });
/// # let _ = app;
/// ```
#[derive(Debug, Clone)]
pub struct VerifiedWebhook {
    version: SignatureVersion,
    body: Bytes,
}

impl VerifiedWebhook {
    /// The signature version the request was verified with.
    pub fn version(&self) -> SignatureVersion {
        self.version
    }

    /// The raw body, exactly as signed.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The raw body, exactly as signed.
    pub fn into_body(self) -> Bytes {
        self.body
    }

    /// The body decoded as JSON.
    ///
    /// # Errors
    ///
    /// If the body is not JSON of that shape.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(&self.body)
    }
}

/// Why [`VerifiedWebhook`] turned a request away.
#[derive(Debug)]
#[non_exhaustive]
pub enum WebhookRejection {
    /// The body could not be read (too large, or the connection failed).
    Body(BytesRejection),
    /// The signature did not verify.
    Signature(VerifyError),
}

impl std::fmt::Display for WebhookRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WebhookRejection::Body(rejection) => write!(f, "{}", rejection.body_text()),
            WebhookRejection::Signature(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for WebhookRejection {}

impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        match self {
            WebhookRejection::Body(rejection) => rejection.into_response(),
            WebhookRejection::Signature(VerifyError::UnknownUrl) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                VerifyError::UnknownUrl.to_string(),
            )
                .into_response(),
            WebhookRejection::Signature(error) => {
                (StatusCode::UNAUTHORIZED, error.to_string()).into_response()
            }
        }
    }
}

impl<S> FromRequest<S> for VerifiedWebhook
where
    S: Send + Sync,
    Verifier: FromRef<S>,
{
    type Rejection = WebhookRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let verifier = Verifier::from_ref(state);
        let method = request.method().clone();
        // Inside `Router::nest`, `uri()` has lost the prefix HubSpot called.
        let uri = match request.extensions().get::<OriginalUri>() {
            Some(OriginalUri(original)) => original,
            None => request.uri(),
        };
        let url = verifier
            .request_url(uri)
            .map_err(WebhookRejection::Signature)?;
        let headers = request.headers().clone();
        let body = Bytes::from_request(request, state)
            .await
            .map_err(WebhookRejection::Body)?;
        let version = verifier
            .verify(&method, &url, &headers, &body)
            .map_err(WebhookRejection::Signature)?;
        Ok(VerifiedWebhook { version, body })
    }
}
