//! HubSpot's OAuth endpoints on the fake:
//!
//! - `GET /oauth/authorize` (app.hubspot.com's install page at HubSpot):
//!   validates the app's `client_id`, `redirect_uri` and scopes, and
//!   redirects `302` to `redirect_uri?code=...&state=...` for the account
//!   named by the fake-only `hub_id=` parameter (default: the first);
//! - `POST /oauth/{v3,2026-03,2026-09}/token`, `.../token/introspect` and
//!   `.../token/revoke`, all `application/x-www-form-urlencoded`, with
//!   their parameters in the body only.
//!
//! Errors at the token endpoints carry both OAuth's fields (`error`,
//! `error_description`) and HubSpot's (`status`, `message`,
//! `correlationId`, `category`), as HubSpot's standardized OAuth errors do.
//! No token, code or secret is ever echoed in an error.

use std::time::Instant;

use serde_json::{Value, json};

use super::AuthorizeError;
use super::tokens::{CodeError, Issued, RefreshError, TokenInfo, USER_ID};
use crate::accounts::GrantType;
use crate::errors::{ApiError, ErrorDetail, OBJECT_NOT_FOUND, VALIDATION_ERROR, correlation_id};
use crate::recording::RecordedRequest;
use crate::reply::Reply;
use crate::routes::percent_decode;
use crate::state::Shared;

/// The OAuth API versions served.
const VERSIONS: &[&str] = &["v3", "2026-03", "2026-09"];

/// The path of the authorize step.
pub(crate) const AUTHORIZE_PATH: &str = "/oauth/authorize";

/// Whether a path is one of the OAuth endpoints' (which are not rate
/// limited per account, and authenticate with the client secret).
pub(crate) fn is_oauth_path(path: &str) -> bool {
    path == "/oauth" || path.starts_with("/oauth/")
}

/// A decoded `application/x-www-form-urlencoded` body or query string.
#[derive(Debug, Default)]
pub(crate) struct Form(Vec<(String, String)>);

impl Form {
    /// Parses `a=1&b=x+y`; `+` is a space, `%XX` escapes are decoded.
    pub(crate) fn parse(raw: &str) -> Form {
        Form(
            raw.split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                    let decode = |s: &str| percent_decode(&s.replace('+', " "));
                    (decode(name), decode(value))
                })
                .collect(),
        )
    }

    /// The first value of `name`, if present and not empty.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }
}

/// Percent-encodes a query parameter value (RFC 3986 unreserved kept).
pub(crate) fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `url` with the query parameters appended.
fn with_query(url: &str, params: &[(&str, Option<&str>)]) -> String {
    let mut out = url.to_owned();
    let mut separator = if url.contains('?') { '&' } else { '?' };
    for (name, value) in params {
        if let Some(value) = value {
            out.push(separator);
            out.push_str(name);
            out.push('=');
            out.push_str(&encode(value));
            separator = '&';
        }
    }
    out
}

/// Answers a request to an OAuth path.
pub(crate) fn handle(shared: &Shared, request: &RecordedRequest, now: Instant) -> Reply {
    let path = request.path.as_str();
    if path == AUTHORIZE_PATH {
        if request.method != "GET" {
            return wrong_method(request, "GET");
        }
        let query = Form::parse(request.query.as_deref().unwrap_or_default());
        return match authorize(shared, &query, None, now) {
            Ok(location) => Reply {
                status: 302,
                headers: vec![
                    ("location".to_owned(), location),
                    ("cache-control".to_owned(), "no-store".to_owned()),
                ],
                body: Vec::new(),
            },
            Err(error) => ApiError::single(
                400,
                VALIDATION_ERROR,
                ErrorDetail::new("INVALID_AUTHORIZE_REQUEST", "query", error.to_string()),
            )
            .into_reply(),
        };
    }
    let endpoint = VERSIONS.iter().find_map(|version| {
        let rest = path.strip_prefix("/oauth/")?.strip_prefix(version)?;
        match rest {
            "/token" => Some(Endpoint::Token),
            "/token/introspect" => Some(Endpoint::Introspect),
            "/token/revoke" => Some(Endpoint::Revoke),
            _ => None,
        }
    });
    let Some(endpoint) = endpoint else {
        return ApiError::single(
            404,
            OBJECT_NOT_FOUND,
            ErrorDetail::new(
                "ROUTE_NOT_FOUND",
                "path",
                format!(
                    "No route for {} {path} (hubspot-fake serves GET /oauth/authorize and \
                     POST /oauth/{{v3,2026-03,2026-09}}/token[/introspect|/revoke])",
                    request.method
                ),
            ),
        )
        .into_reply();
    };
    if request.method != "POST" {
        return wrong_method(request, "POST");
    }
    let form = match form_body(request) {
        Ok(form) => form,
        Err(reply) => return *reply,
    };
    match endpoint {
        Endpoint::Token => token(shared, &form, now),
        Endpoint::Introspect => introspect(shared, &form, now),
        Endpoint::Revoke => revoke(shared, &form),
    }
}

#[derive(Debug, Clone, Copy)]
enum Endpoint {
    Token,
    Introspect,
    Revoke,
}

fn wrong_method(request: &RecordedRequest, allow: &str) -> Reply {
    ApiError::single(
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
    .with_header("allow", allow)
    .into_reply()
}

/// The body as a form; the parameters must not be in the query string
/// (HubSpot's v3 and later endpoints take them from the body only, so
/// that secrets stay out of logged URLs).
fn form_body(request: &RecordedRequest) -> Result<Form, Box<Reply>> {
    let media_type = request
        .header("content-type")
        .map(|v| v.split(';').next().unwrap_or_default().trim().to_owned());
    if !media_type
        .as_deref()
        .is_some_and(|m| m.eq_ignore_ascii_case("application/x-www-form-urlencoded"))
    {
        return Err(Box::new(oauth_error(
            415,
            "invalid_request",
            "BAD_REQUEST",
            "Content-Type must be application/x-www-form-urlencoded".to_owned(),
        )));
    }
    let query = Form::parse(request.query.as_deref().unwrap_or_default());
    let in_query: Vec<&str> = [
        "client_id",
        "client_secret",
        "code",
        "refresh_token",
        "token",
        "grant_type",
    ]
    .into_iter()
    .filter(|name| query.has(name))
    .collect();
    if !in_query.is_empty() {
        return Err(Box::new(oauth_error(
            400,
            "invalid_request",
            "BAD_REQUEST",
            format!(
                "Parameters must be sent in the request body, not the URL: {}",
                in_query.join(", ")
            ),
        )));
    }
    Ok(Form::parse(&String::from_utf8_lossy(&request.body)))
}

/// An OAuth error in HubSpot's standardized shape.
fn oauth_error(status: u16, error: &str, hubspot_status: &str, message: String) -> Reply {
    let correlation_id = correlation_id();
    let category = if error == "invalid_client" {
        "INVALID_AUTHENTICATION"
    } else {
        VALIDATION_ERROR
    };
    Reply::json(
        status,
        &json!({
            "error": error,
            "error_description": message,
            "status": hubspot_status,
            "message": message,
            "correlationId": correlation_id,
            "category": category,
        }),
    )
    .with_header("cache-control", "no-store")
    .with_correlation_id(correlation_id)
}

fn bad_client() -> Reply {
    oauth_error(
        400,
        "invalid_client",
        "BAD_CLIENT_ID",
        "missing or unknown client id, or a client secret that does not match it".to_owned(),
    )
}

/// Whether the form names the app with its secret.
fn client_ok(shared: &Shared, form: &Form) -> bool {
    form.get("client_id") == Some(shared.app.client_id.as_str())
        && form.get("client_secret") == Some(shared.webhooks.secret())
}

/// Space- (or comma-) separated scopes.
fn scope_list(raw: Option<&str>) -> Vec<String> {
    raw.unwrap_or_default()
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The authorize step: validates the request and answers where to
/// redirect (with `code` and `state`, or with `error` for scope problems).
/// `hub_override` picks the installing account instead of `hub_id=`.
pub(crate) fn authorize(
    shared: &Shared,
    query: &Form,
    hub_override: Option<i64>,
    now: Instant,
) -> Result<String, AuthorizeError> {
    let app = &shared.app;
    if query.get("client_id") != Some(app.client_id.as_str()) {
        return Err(AuthorizeError::UnknownClient);
    }
    if query.get("redirect_uri") != Some(app.redirect_uri.as_str()) {
        return Err(AuthorizeError::RedirectUriMismatch);
    }
    let hub_id = match (hub_override, query.get("hub_id")) {
        (Some(hub), _) => hub,
        (None, Some(raw)) => raw
            .parse::<i64>()
            .map_err(|_| AuthorizeError::UnknownAccount(raw.to_owned()))?,
        (None, None) => shared.default_hub,
    };
    if !shared.has_account(hub_id) {
        return Err(AuthorizeError::UnknownAccount(hub_id.to_string()));
    }
    let state = query.get("state");
    let redirect_error = |error: &str, description: String| {
        with_query(
            &app.redirect_uri,
            &[
                ("error", Some(error)),
                ("error_description", Some(&description)),
                ("state", state),
            ],
        )
    };
    let required = scope_list(query.get("scope"));
    if required.is_empty() {
        return Ok(redirect_error(
            "invalid_scope",
            "scope is required".to_owned(),
        ));
    }
    let unknown: Vec<&str> = required
        .iter()
        .filter(|s| !app.scopes.contains(s))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Ok(redirect_error(
            "invalid_scope",
            format!(
                "The app may not ask for these scopes: {}",
                unknown.join(" ")
            ),
        ));
    }
    // Optional scopes the app may not have are left out, not refused.
    let mut granted = required;
    for scope in scope_list(query.get("optional_scope")) {
        if app.scopes.contains(&scope) && !granted.contains(&scope) {
            granted.push(scope);
        }
    }
    let code = shared.with_oauth(|tokens, _| {
        tokens.new_code(hub_id, granted, &app.redirect_uri, app.code_lifetime, now)
    });
    Ok(with_query(
        &app.redirect_uri,
        &[("code", Some(&code)), ("state", state)],
    ))
}

/// The `AccessTokenResponse` body.
pub(crate) fn token_response(issued: &Issued) -> Value {
    json!({
        "access_token": issued.access_token,
        "refresh_token": issued.refresh_token,
        "expires_in": issued.expires_in,
        "token_type": "bearer",
        "token_use": "access_token",
        "hub_id": issued.hub_id,
        "scopes": issued.scopes,
        "user_id": USER_ID,
    })
}

/// `POST /oauth/{version}/token`.
fn token(shared: &Shared, form: &Form, now: Instant) -> Reply {
    let grant = match form.get("grant_type") {
        None => {
            return oauth_error(
                400,
                "invalid_request",
                "BAD_GRANT_TYPE",
                "grant_type is required".to_owned(),
            );
        }
        Some("authorization_code") => GrantType::AuthorizationCode,
        Some("refresh_token") => GrantType::RefreshToken,
        Some(_) => {
            return oauth_error(
                400,
                "unsupported_grant_type",
                "BAD_GRANT_TYPE",
                "grant_type must be authorization_code or refresh_token".to_owned(),
            );
        }
    };
    let client_ok = client_ok(shared, form);
    let app = &shared.app;
    let result = shared.with_oauth(|tokens, accounts| {
        let hub = match grant {
            GrantType::AuthorizationCode => form.get("code").and_then(|c| tokens.code_hub(c)),
            GrantType::RefreshToken => form
                .get("refresh_token")
                .and_then(|t| tokens.refresh_hub(t)),
        };
        let mut stats = hub
            .and_then(|hub| accounts.get_mut(&hub))
            .map(|a| &mut a.stats);
        if let Some(stats) = stats.as_deref_mut() {
            *stats.token_calls.entry(grant).or_default() += 1;
        }
        if !client_ok {
            if let (GrantType::RefreshToken, Some(stats)) = (grant, stats) {
                stats.rejected_refreshes += 1;
            }
            return Err(bad_client());
        }
        match grant {
            GrantType::AuthorizationCode => {
                let (Some(code), Some(redirect_uri)) = (form.get("code"), form.get("redirect_uri"))
                else {
                    return Err(oauth_error(
                        400,
                        "invalid_request",
                        "BAD_REQUEST",
                        "code and redirect_uri are required with grant_type=authorization_code"
                            .to_owned(),
                    ));
                };
                tokens
                    .exchange(code, redirect_uri, app.token_lifetime, now)
                    .map_err(|error| match error {
                        CodeError::BadCode => oauth_error(
                            400,
                            "invalid_grant",
                            "BAD_AUTH_CODE",
                            "authorization code is invalid, expired or already used".to_owned(),
                        ),
                        CodeError::RedirectMismatch => oauth_error(
                            400,
                            "invalid_grant",
                            "BAD_REDIRECT_URI",
                            "redirect_uri does not match the one the code was issued for"
                                .to_owned(),
                        ),
                    })
            }
            GrantType::RefreshToken => {
                let Some(refresh_token) = form.get("refresh_token") else {
                    return Err(oauth_error(
                        400,
                        "invalid_request",
                        "BAD_REFRESH_TOKEN",
                        "refresh_token is required with grant_type=refresh_token".to_owned(),
                    ));
                };
                let refreshed = tokens.refresh(
                    refresh_token,
                    app.rotate_refresh_tokens,
                    app.token_lifetime,
                    now,
                );
                if let Some(stats) = stats {
                    match refreshed {
                        Ok(_) => stats.refreshes += 1,
                        Err(error) => {
                            stats.rejected_refreshes += 1;
                            if error == RefreshError::Replayed {
                                stats.rejected_replays += 1;
                            }
                        }
                    }
                }
                refreshed.map_err(|_| {
                    oauth_error(
                        400,
                        "invalid_grant",
                        "BAD_REFRESH_TOKEN",
                        "refresh token is invalid, expired or revoked".to_owned(),
                    )
                })
            }
        }
    });
    match result {
        Ok(issued) => {
            Reply::ok_json(200, &token_response(&issued)).with_header("cache-control", "no-store")
        }
        Err(reply) => reply,
    }
}

/// `POST /oauth/{version}/token/introspect`: `PublicAccessTokenInfoResponse`,
/// `PublicRefreshTokenInfoResponse`, or `{"active": false}` (RFC 7662) for
/// a token that is not live.
fn introspect(shared: &Shared, form: &Form, now: Instant) -> Reply {
    if !client_ok(shared, form) {
        return bad_client();
    }
    let Some(token) = form.get("token") else {
        return oauth_error(
            400,
            "invalid_request",
            "BAD_REQUEST",
            "token is required".to_owned(),
        );
    };
    let info = shared.with_oauth(|tokens, _| tokens.info(token, form.get("token_type_hint"), now));
    let app = &shared.app;
    let common = |hub_id: i64, scopes: &[String], token_use: &str| {
        json!({
            "active": true,
            "app_id": app.app_id,
            "client_id": app.client_id,
            "hub_id": hub_id,
            "hub_domain": format!("fake-{hub_id}.hubspot.test"),
            "scopes": scopes,
            // The token asked about, as the specs' schemas require; the
            // caller sent it, so this discloses nothing new.
            "token": token,
            "token_type": "bearer",
            "token_use": token_use,
            "user": "installer@example.com",
            "user_id": USER_ID,
        })
    };
    let body = match info {
        TokenInfo::Access {
            hub_id,
            scopes,
            expires_in,
            expires_at_ms,
        } => {
            let mut body = common(hub_id, &scopes, "access_token");
            body["expires_in"] = json!(expires_in);
            body["is_private_distribution"] = json!(false);
            body["signed_access_token"] = json!({
                "appId": app.app_id,
                "appInstallId": format!("{}-{hub_id}", app.app_id),
                "audience": "api.hubapi.com",
                "expiresAt": expires_at_ms,
                "hubId": hub_id,
                "hublet": "na1",
                "installingUserId": USER_ID,
                "isPrivateDistribution": false,
                "isServiceAccount": false,
                "isUserLevel": false,
                "newSignature": "fake-signature",
                "scopeToScopeGroupPks": "",
                "scopes": scopes.join(" "),
                "signature": "fake-signature",
                "trialScopeToScopeGroupPks": "",
                "trialScopes": "",
                "userId": USER_ID,
            });
            body
        }
        TokenInfo::Refresh { hub_id, scopes } => common(hub_id, &scopes, "refresh_token"),
        TokenInfo::Inactive => json!({ "active": false }),
    };
    Reply::ok_json(200, &body).with_header("cache-control", "no-store")
}

/// `POST /oauth/{version}/token/revoke`: `200` with an empty body, known
/// token or not (RFC 7009).
fn revoke(shared: &Shared, form: &Form) -> Reply {
    if !client_ok(shared, form) {
        return bad_client();
    }
    let Some(token) = form.get("token") else {
        return oauth_error(
            400,
            "invalid_request",
            "BAD_REQUEST",
            "token is required".to_owned(),
        );
    };
    shared.with_oauth(|tokens, _| tokens.revoke(token));
    Reply {
        status: 200,
        headers: Vec::new(),
        body: Vec::new(),
    }
    .with_correlation_id(correlation_id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_and_urls_encode() {
        let form = Form::parse("a=1&scope=x+y%2Fz&empty=&b");
        assert_eq!(form.get("a"), Some("1"));
        assert_eq!(form.get("scope"), Some("x y/z"));
        assert_eq!(form.get("empty"), None);
        assert!(form.has("b"));
        assert_eq!(encode("a b/é"), "a%20b%2F%C3%A9");
        assert_eq!(
            with_query("http://x/cb?k=1", &[("code", Some("c d")), ("state", None)]),
            "http://x/cb?k=1&code=c%20d"
        );
        assert_eq!(scope_list(Some("a b,c")), ["a", "b", "c"]);
    }

    #[test]
    fn oauth_paths() {
        assert!(is_oauth_path("/oauth/authorize"));
        assert!(is_oauth_path("/oauth/v3/token"));
        assert!(!is_oauth_path("/oauthx"));
        assert!(!is_oauth_path("/conversations/v3/conversations/threads"));
    }
}
