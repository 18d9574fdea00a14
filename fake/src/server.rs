//! The HTTP side: one axum fallback handler that records every request,
//! serves scripted responses, then routes, authenticates and runs it.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::Response;

use crate::conn::Connection;
use crate::errors::{ApiError, ErrorDetail, OBJECT_NOT_FOUND, VALIDATION_ERROR};
use crate::faults::{Admission, Fault, damage, early_reply};
use crate::recording::{RecordedRequest, ScriptedResponse};
use crate::reply::Reply;
use crate::routes::{self, RouteMatch};
use crate::state::{Scripted, Shared};

/// Largest request body accepted, in bytes.
pub(crate) const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// The app: every request goes to [`handle`].
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new().fallback(handle).with_state(shared)
}

async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response<Body> {
    let connection = request
        .extensions()
        .get::<ConnectInfo<Connection>>()
        .map(|info| info.0.clone());
    let (parts, body) = request.into_parts();
    let (body, body_readable) = match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => (bytes.to_vec(), true),
        Err(_) => (Vec::new(), false),
    };
    // When the request counts as arrived: recorded with it, and the instant
    // the rate limit counts.
    let arrival = Instant::now();
    let recorded = RecordedRequest {
        method: parts.method.as_str().to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().map(str::to_string),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_string(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body,
        received_at: arrival,
    };
    let _in_flight = shared.enter();
    let queued_fault = match shared.record(recorded.clone()) {
        Some(Scripted::Response(scripted)) => return scripted_reply(scripted).into_response(),
        Some(Scripted::Fault(fault)) => Some(fault),
        None => None,
    };

    let (admission, fault, slow_delay) = shared.with_chaos(|chaos| {
        let admission = chaos.admit(arrival);
        let fault = match admission {
            Admission::Limited(_) => None,
            _ => queued_fault.or_else(|| chaos.draw_fault()),
        };
        if let Some(fault) = fault {
            chaos.count_fault(fault);
        }
        (admission, fault, chaos.slow_delay())
    });
    let rate_limit_headers = match admission {
        Admission::Unlimited => Vec::new(),
        Admission::Accepted(headers) => headers,
        Admission::Limited(reply) => return reply.into_response(),
    };

    let reset = |reply: Reply| {
        if let Some(connection) = &connection {
            connection.reset();
        }
        // Never written: the connection fails first.
        reply.into_response()
    };
    let early = fault.and_then(early_reply);
    let mut reply = match (fault, early) {
        (_, Some(reply)) => reply,
        (Some(Fault::ResetBeforeHandling), _) => {
            return reset(Reply::json(200, &Default::default()));
        }
        _ => dispatch(&shared, &recorded, body_readable).unwrap_or_else(ApiError::into_reply),
    };
    match fault {
        Some(Fault::ResetAfterHandling) => return reset(reply),
        Some(Fault::Slow) => tokio::time::sleep(slow_delay).await,
        Some(fault @ (Fault::TruncatedBody | Fault::MalformedBody)) => damage(fault, &mut reply),
        _ => {}
    }
    reply.headers.extend(rate_limit_headers);
    reply.into_response()
}

fn scripted_reply(scripted: ScriptedResponse) -> Reply {
    Reply {
        status: scripted.status,
        headers: scripted
            .headers
            .into_iter()
            .filter(|(name, _)| {
                !name.eq_ignore_ascii_case("content-length")
                    && !name.eq_ignore_ascii_case("transfer-encoding")
            })
            .collect(),
        body: scripted.body,
    }
}

fn dispatch(
    shared: &Shared,
    request: &RecordedRequest,
    body_readable: bool,
) -> Result<Reply, ApiError> {
    let operation = match routes::match_route(&request.method, &request.path) {
        RouteMatch::Found(operation) => operation,
        RouteMatch::WrongMethod { allow } => {
            return Err(ApiError::single(
                405,
                VALIDATION_ERROR,
                ErrorDetail::new(
                    "METHOD_NOT_ALLOWED",
                    "method",
                    format!(
                        "Method {} is not allowed on {} (hubspot-fake serves {allow} here)",
                        request.method, request.path
                    ),
                ),
            )
            .with_header("allow", allow));
        }
        RouteMatch::NotFound => {
            return Err(ApiError::single(
                404,
                OBJECT_NOT_FOUND,
                ErrorDetail::new(
                    "ROUTE_NOT_FOUND",
                    "path",
                    format!(
                        "No route for {} {} (hubspot-fake serves the Custom Channels, \
                         Conversations Inbox & Messages and Visitor Identification APIs)",
                        request.method, request.path
                    ),
                ),
            ));
        }
    };
    authenticate(shared, request)?;
    if !body_readable {
        return Err(ApiError::single(
            413,
            VALIDATION_ERROR,
            ErrorDetail::new(
                "PAYLOAD_TOO_LARGE",
                "body",
                format!(
                    "The request body could not be read or is larger than {MAX_BODY_BYTES} bytes"
                ),
            ),
        ));
    }
    check_content_type(request)?;
    routes::run(shared, operation, request.query.as_deref(), &request.body)
}

/// Requires `Authorization: Bearer <the configured token>`.
fn authenticate(shared: &Shared, request: &RecordedRequest) -> Result<(), ApiError> {
    let Some(header) = request.header("authorization") else {
        return Err(ApiError::unauthorized(true));
    };
    let token = header
        .trim()
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    match token {
        Some(token) if token == shared.token => Ok(()),
        Some("") => Err(ApiError::unauthorized(true)),
        _ => Err(ApiError::unauthorized(false)),
    }
}

/// A non-empty body must be sent as `application/json`, as HubSpot's
/// endpoints only consume that.
fn check_content_type(request: &RecordedRequest) -> Result<(), ApiError> {
    if request.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let media_type = request
        .header("content-type")
        .map(|v| v.split(';').next().unwrap_or_default().trim());
    match media_type {
        Some(m) if m.eq_ignore_ascii_case("application/json") => Ok(()),
        other => Err(ApiError::single(
            415,
            VALIDATION_ERROR,
            ErrorDetail::new(
                "UNSUPPORTED_MEDIA_TYPE",
                "Content-Type",
                format!(
                    "Content-Type must be application/json, got {}",
                    other.map_or_else(|| "none".to_string(), |m| format!("'{m}'"))
                ),
            ),
        )),
    }
}
