//! HubSpot-shaped error responses (the specs' `Error` / `ErrorDetail`
//! schemas) and correlation ids.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value, json};

use crate::reply::Reply;

/// `category` for 400s: the request does not match the operation's schema.
pub(crate) const VALIDATION_ERROR: &str = "VALIDATION_ERROR";
/// `category` for 401s.
pub(crate) const INVALID_AUTHENTICATION: &str = "INVALID_AUTHENTICATION";
/// `category` for a `401` with an expired OAuth access token.
pub(crate) const EXPIRED_AUTHENTICATION: &str = "EXPIRED_AUTHENTICATION";
/// `category` for 404s.
pub(crate) const OBJECT_NOT_FOUND: &str = "OBJECT_NOT_FOUND";

/// One entry of an error body's `errors` array (`ErrorDetail`).
#[derive(Debug, Clone)]
pub(crate) struct ErrorDetail {
    /// Human-readable description of this one problem.
    pub(crate) message: String,
    /// Where the problem is: a JSON field path such as
    /// `senders[0].deliveryIdentifier.type`, a path parameter name, or a
    /// request part such as `body`.
    pub(crate) location: String,
    /// Machine-readable problem code, e.g. `REQUIRED_FIELD`.
    pub(crate) code: &'static str,
    /// Extra data, e.g. `allowedValues` for enums.
    pub(crate) context: Vec<(&'static str, Vec<String>)>,
}

impl ErrorDetail {
    /// A detail without context.
    pub(crate) fn new(
        code: &'static str,
        location: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ErrorDetail {
            message: message.into(),
            location: location.into(),
            code,
            context: Vec::new(),
        }
    }

    /// Adds a context entry.
    pub(crate) fn with_context(mut self, key: &'static str, values: Vec<String>) -> Self {
        self.context.push((key, values));
        self
    }

    fn to_json(&self) -> Value {
        let mut obj = Map::new();
        obj.insert("message".into(), Value::String(self.message.clone()));
        obj.insert("in".into(), Value::String(self.location.clone()));
        obj.insert("code".into(), Value::String(self.code.into()));
        if !self.context.is_empty() {
            obj.insert("context".into(), context_json(&self.context));
        }
        Value::Object(obj)
    }
}

fn context_json(entries: &[(&'static str, Vec<String>)]) -> Value {
    let map: Map<String, Value> = entries
        .iter()
        .map(|(k, v)| ((*k).to_string(), json!(v)))
        .collect();
    Value::Object(map)
}

/// An error the fake answers with; rendered as HubSpot's `Error` body.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    /// HTTP status code.
    pub(crate) status: u16,
    /// `category`, e.g. `VALIDATION_ERROR`.
    pub(crate) category: &'static str,
    /// Top-level `message`.
    pub(crate) message: String,
    /// `errors[]`.
    pub(crate) errors: Vec<ErrorDetail>,
    /// Extra response headers (e.g. `Allow` on a 405).
    pub(crate) headers: Vec<(String, String)>,
}

impl ApiError {
    /// An error with one detail.
    pub(crate) fn single(status: u16, category: &'static str, detail: ErrorDetail) -> Self {
        ApiError {
            status,
            category,
            message: detail.message.clone(),
            errors: vec![detail],
            headers: Vec::new(),
        }
    }

    /// An error without `errors[]`, as HubSpot's authentication errors
    /// are.
    pub(crate) fn bare(status: u16, category: &'static str, message: String) -> Self {
        ApiError {
            status,
            category,
            message,
            errors: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// A 400 listing every problem found in a request.
    pub(crate) fn validation(problems: Vec<ErrorDetail>) -> Self {
        let summary = problems
            .iter()
            .map(|p| p.message.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let count = problems.len();
        ApiError {
            status: 400,
            category: VALIDATION_ERROR,
            message: format!(
                "Invalid input ({count} {}): {summary}",
                if count == 1 { "problem" } else { "problems" }
            ),
            errors: problems,
            headers: Vec::new(),
        }
    }

    /// A 401: the `Authorization` header is missing or not the expected
    /// bearer token. The token received is never echoed.
    pub(crate) fn unauthorized(missing: bool) -> Self {
        let message = if missing {
            "Authentication credentials not found. This API supports OAuth 2.0 authentication \
             and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"
        } else {
            "Authentication credentials are invalid: the bearer token in the Authorization header \
             is not one this server issued, or it was revoked."
        };
        ApiError::single(
            401,
            INVALID_AUTHENTICATION,
            ErrorDetail::new(
                if missing {
                    "MISSING_CREDENTIALS"
                } else {
                    "INVALID_CREDENTIALS"
                },
                "Authorization",
                message,
            ),
        )
    }

    /// A 404 for an object that does not exist.
    pub(crate) fn not_found(location: &str, message: String) -> Self {
        ApiError::single(
            404,
            OBJECT_NOT_FOUND,
            ErrorDetail::new("OBJECT_NOT_FOUND", location, message),
        )
    }

    /// Adds a response header.
    pub(crate) fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    /// The HubSpot `Error` JSON body with the given correlation id.
    pub(crate) fn body(&self, correlation_id: &str) -> Value {
        let mut body = json!({
            "status": "error",
            "message": self.message,
            "correlationId": correlation_id,
            "category": self.category,
        });
        if !self.errors.is_empty() {
            body["errors"] = self.errors.iter().map(ErrorDetail::to_json).collect();
        }
        body
    }

    /// Renders the error as a reply, with a fresh correlation id in both the
    /// body and the `X-HubSpot-Correlation-Id` header.
    pub(crate) fn into_reply(self) -> Reply {
        let correlation_id = correlation_id();
        let mut reply = Reply::json(self.status, &self.body(&correlation_id));
        reply.headers.extend(self.headers);
        reply.with_correlation_id(correlation_id)
    }
}

/// A fresh uuid-shaped correlation id (version-4 layout), made from the
/// clock and a process-wide counter; unique within a process.
pub(crate) fn correlation_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    // Mix so that consecutive ids do not look alike, but keep the counter
    // in the low bits so ids never repeat.
    let hi = (nanos as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(std::process::id());
    let lo = n.wrapping_mul(0xBF58_476D_1CE4_E5B9) & 0xFFFF_0000_0000_0000 | (n & 0xFFFF_FFFF_FFFF);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xFFFF,
        hi & 0x0FFF,
        0x8000 | ((lo >> 48) & 0x3FFF),
        lo & 0xFFFF_FFFF_FFFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn correlation_ids_are_uuid_shaped_and_distinct() {
        let a = correlation_id();
        let b = correlation_id();
        assert_ne!(a, b);
        let parts: Vec<_> = a.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
        assert!(a.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
    }
}
