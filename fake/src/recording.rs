//! What tests see of the traffic: [`RecordedRequest`]s, and the
//! [`ScriptedResponse`]s they can queue to stand in for normal handling.

use std::time::Instant;

use serde_json::Value;

/// One request the fake received, exactly as received (including rejected
/// ones and ones answered by a [`ScriptedResponse`]).
///
/// Headers are stored as received, `Authorization` included, so tests can
/// check what a client sent; the fake itself never logs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The HTTP method, e.g. `"POST"`.
    pub method: String,
    /// The request path, without the query string and not percent-decoded,
    /// e.g. `"/conversations/v3/custom-channels/123/messages"`.
    pub path: String,
    /// The raw query string without the `?`, if the URL had one.
    pub query: Option<String>,
    /// The headers in the order received; names are lower-case, values are
    /// decoded lossily as UTF-8.
    pub headers: Vec<(String, String)>,
    /// The raw body bytes.
    pub body: Vec<u8>,
    /// When the fake received it (its body read): the instant its rate
    /// limit counts. Tests assert on the spacing of these, which a busy
    /// machine cannot shrink, instead of on their own wall clock.
    pub received_at: Instant,
}

impl RecordedRequest {
    /// The body parsed as JSON, or `None` if it is empty or not JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The first value of a header, matched case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A canned response: queue it with
/// [`FakeHubSpot::push_response`](crate::FakeHubSpot::push_response) and the
/// next request gets it instead of normal handling (no auth check, no
/// validation, no state change). Queued responses are served first in,
/// first out.
///
/// ```
/// use hubspot_fake::ScriptedResponse;
/// let rate_limited = ScriptedResponse::json(429, serde_json::json!({
///     "status": "error",
///     "message": "You have reached your secondly limit.",
///     "correlationId": "00000000-0000-4000-8000-000000000000",
///     "category": "RATE_LIMITS",
/// }))
/// .with_header("Retry-After", "1");
/// assert_eq!(rate_limited.status, 429);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptedResponse {
    /// HTTP status code; a value outside 100..=999 is sent as 500.
    pub status: u16,
    /// Response headers. Headers that are not valid HTTP are dropped, and
    /// `Content-Length` / `Transfer-Encoding` are always set by the server.
    pub headers: Vec<(String, String)>,
    /// Response body.
    pub body: Vec<u8>,
}

impl ScriptedResponse {
    /// A JSON response with `Content-Type: application/json`.
    pub fn json(status: u16, body: Value) -> Self {
        ScriptedResponse {
            status,
            headers: vec![(
                "content-type".to_string(),
                "application/json;charset=utf-8".to_string(),
            )],
            body: serde_json::to_vec(&body).unwrap_or_default(),
        }
    }

    /// A response with exactly these body bytes and no headers.
    pub fn raw(status: u16, body: impl Into<Vec<u8>>) -> Self {
        ScriptedResponse {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// Adds a header.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}
