//! The HTTP side: one axum fallback handler that records every request,
//! serves scripted responses, then routes, authenticates and runs it for
//! the account its token belongs to (or hands it to the OAuth endpoints).

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::Response;

use crate::conn::Connection;
use crate::errors::{
    ApiError, EXPIRED_AUTHENTICATION, ErrorDetail, INVALID_AUTHENTICATION, OBJECT_NOT_FOUND,
    VALIDATION_ERROR,
};
use crate::faults::{Admission, Fault, damage, early_reply};
use crate::oauth::http::{self as oauth_http, Form};
use crate::oauth::tokens::AccessCheck;
use crate::recording::{RecordedRequest, ScriptedResponse};
use crate::reply::Reply;
use crate::routes::{self, Op, RouteMatch};
use crate::state::{Caller, Scripted, Shared};

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

    let oauth = oauth_http::is_oauth_path(&recorded.path);
    let caller = shared.identify(&recorded, arrival, !oauth);
    let (admission, fault, slow_delay) = shared.with_chaos(|chaos| {
        let admission = if oauth {
            Admission::Unlimited
        } else {
            chaos.admit(caller.hub_id(), arrival)
        };
        let fault = match admission {
            Admission::Limited(_) => None,
            _ => queued_fault.or_else(|| chaos.draw_fault(oauth)),
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
        _ if oauth => oauth_http::handle(&shared, &recorded, arrival),
        _ => dispatch(&shared, &recorded, &caller, body_readable)
            .unwrap_or_else(ApiError::into_reply),
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
    caller: &Caller,
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
                         Conversations Inbox & Messages, Visitor Identification and CRM \
                         contacts and companies APIs)",
                        request.method, request.path
                    ),
                ),
            ));
        }
    };
    let hub_id = authenticate(shared, request, caller, operation.op)?;
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
    routes::run(
        &shared.scope(hub_id),
        operation,
        request.query.as_deref(),
        &request.body,
    )
}

/// The custom-channel administration operations, which HubSpot serves to
/// the app's developer API key rather than to an account's token.
pub(crate) fn needs_developer_key(op: Op) -> bool {
    matches!(
        op,
        Op::CreateCustomChannel
            | Op::ListCustomChannels
            | Op::GetCustomChannel
            | Op::UpdateCustomChannel
            | Op::ArchiveCustomChannel
    )
}

/// Checks the request's credentials and answers the account it is for:
/// a live bearer token's account, or (for the administration operations,
/// which touch only the app's channels) the default account when the
/// developer API key and app id are given.
fn authenticate(
    shared: &Shared,
    request: &RecordedRequest,
    caller: &Caller,
    op: Op,
) -> Result<i64, ApiError> {
    if needs_developer_key(op) {
        let query = Form::parse(request.query.as_deref().unwrap_or_default());
        if query.get("hapikey").is_some() {
            check_developer_key(shared, &query)?;
            return Ok(shared.default_hub);
        }
        if shared.app.require_developer_key {
            return Err(ApiError::single(
                401,
                INVALID_AUTHENTICATION,
                ErrorDetail::new(
                    "DEVELOPER_KEY_REQUIRED",
                    "hapikey",
                    "This endpoint authenticates with the app's developer API key: pass \
                     hapikey=<developer API key>&appId=<app id> as query parameters \
                     (an OAuth or private-app token is not accepted here)",
                ),
            ));
        }
    }
    match caller {
        Caller::Anonymous => Err(ApiError::unauthorized(true)),
        Caller::Bearer(AccessCheck::Live { hub_id }) => Ok(*hub_id),
        Caller::Bearer(AccessCheck::Expired { ago, .. }) => Err(expired(*ago)),
        Caller::Bearer(AccessCheck::Revoked { .. } | AccessCheck::Unknown) => {
            Err(ApiError::unauthorized(false))
        }
    }
}

/// `hapikey` must be the app's developer API key and `appId` its id.
fn check_developer_key(shared: &Shared, query: &Form) -> Result<(), ApiError> {
    if query.get("hapikey") != Some(shared.app.developer_key.as_str()) {
        return Err(ApiError::single(
            401,
            INVALID_AUTHENTICATION,
            ErrorDetail::new(
                "INVALID_DEVELOPER_KEY",
                "hapikey",
                "The developer API key (hapikey) is not valid",
            ),
        ));
    }
    let app_id = query.get("appId");
    if app_id.and_then(|id| id.parse::<i32>().ok()) != Some(shared.app.app_id) {
        let message = match app_id {
            None => "Query parameter 'appId' is required with a developer API key".to_owned(),
            Some(id) => format!("App {id} does not belong to this developer API key"),
        };
        return Err(ApiError::single(
            400,
            VALIDATION_ERROR,
            ErrorDetail::new("INVALID_VALUE", "appId", message),
        ));
    }
    Ok(())
}

/// HubSpot's `401` for an access token used after it expired.
fn expired(ago: std::time::Duration) -> ApiError {
    let seconds = ago.as_secs();
    let message = if seconds < 60 {
        format!("The OAuth token used to make this call expired {seconds} second(s) ago.")
    } else {
        format!(
            "The OAuth token used to make this call expired {} minute(s) ago.",
            seconds / 60
        )
    };
    ApiError::bare(401, EXPIRED_AUTHENTICATION, message)
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
