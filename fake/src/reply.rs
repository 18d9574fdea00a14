//! The fake's own response type, turned into an HTTP response at the edge.

use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Response, StatusCode};
use serde_json::Value;

use crate::errors::correlation_id;

/// Header HubSpot puts on every response.
pub(crate) const CORRELATION_HEADER: &str = "x-hubspot-correlation-id";

/// A response: status, headers and body bytes.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Reply {
    /// A JSON response.
    pub(crate) fn json(status: u16, value: &Value) -> Self {
        Reply {
            status,
            headers: vec![(
                "content-type".to_string(),
                "application/json;charset=utf-8".to_string(),
            )],
            body: serde_json::to_vec(value).unwrap_or_default(),
        }
    }

    /// A successful JSON response with a fresh correlation id header.
    pub(crate) fn ok_json(status: u16, value: &Value) -> Self {
        Reply::json(status, value).with_correlation_id(correlation_id())
    }

    /// A `204 No Content` with a fresh correlation id header.
    pub(crate) fn no_content() -> Self {
        Reply {
            status: 204,
            headers: Vec::new(),
            body: Vec::new(),
        }
        .with_correlation_id(correlation_id())
    }

    /// Adds a header.
    pub(crate) fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    /// Adds the `X-HubSpot-Correlation-Id` header.
    pub(crate) fn with_correlation_id(self, id: String) -> Self {
        self.with_header(CORRELATION_HEADER, id)
    }

    /// Converts to an HTTP response. An invalid status becomes 500 and
    /// headers that are not valid HTTP are skipped, so this never fails.
    pub(crate) fn into_response(self) -> Response<Body> {
        let mut response = Response::new(Body::from(self.body));
        *response.status_mut() =
            StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        for (name, value) in self.headers {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(&value),
            ) {
                headers.append(name, value);
            }
        }
        response
    }
}
