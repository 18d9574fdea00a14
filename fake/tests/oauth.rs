//! The fake as a public app's HubSpot: the authorize step, code exchange,
//! expiry and refresh, rotation, revocation, introspection, many accounts
//! and the developer API key, over real loopback HTTP.

use std::path::PathBuf;
use std::time::Duration;

use hubspot_fake::{AuthorizeError, FakeConfig, FakeHubSpot, GrantType, RateLimitConfig};
use reqwest::redirect::Policy;
use serde_json::{Value, json};

const A: i64 = 101;
const B: i64 = 202;

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("a client")
}

async fn start(config: FakeConfig) -> FakeHubSpot {
    FakeHubSpot::start_with(config.with_accounts([A, B]))
        .await
        .expect("the fake starts")
}

/// The authorize URL a client would build.
fn authorize_url(fake: &FakeHubSpot, scope: &str, extra: &str) -> String {
    let app = fake.oauth_app();
    format!(
        "{}?client_id={}&redirect_uri={}&scope={}&state=st-1{extra}",
        fake.authorize_endpoint(),
        app.client_id,
        app.redirect_uri,
        scope.replace(' ', "%20"),
    )
}

/// A query parameter of a URL.
fn param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (n, v) = pair.split_once('=')?;
        (n == name).then(|| v.replace("%20", " ").replace("%2F", "/"))
    })
}

async fn post_form(fake: &FakeHubSpot, path: &str, form: &[(&str, &str)]) -> (u16, Value, String) {
    let response = client()
        .post(format!("{}{path}", fake.base_url()))
        .form(form)
        .send()
        .await
        .expect("the fake answers");
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status, body, text)
}

fn client_params(fake: &FakeHubSpot) -> [(&'static str, String); 2] {
    [
        ("client_id", fake.oauth_app().client_id.clone()),
        ("client_secret", fake.client_secret().to_owned()),
    ]
}

/// `POST .../token` with the app's credentials and `extra`.
async fn token_call(
    fake: &FakeHubSpot,
    version: &str,
    extra: &[(&str, &str)],
) -> (u16, Value, String) {
    let creds = client_params(fake);
    let mut form: Vec<(&str, &str)> = creds.iter().map(|(n, v)| (*n, v.as_str())).collect();
    form.extend_from_slice(extra);
    post_form(fake, &format!("/oauth/{version}/token"), &form).await
}

async fn exchange(fake: &FakeHubSpot, code: &str) -> (u16, Value, String) {
    let redirect = fake.oauth_app().redirect_uri.clone();
    token_call(
        fake,
        "v3",
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", &redirect),
        ],
    )
    .await
}

async fn refresh(fake: &FakeHubSpot, refresh_token: &str) -> (u16, Value, String) {
    token_call(
        fake,
        "2026-03",
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
        ],
    )
    .await
}

/// Installs the app in `hub_id` through the authorize step and the code
/// exchange: `(access_token, refresh_token)`.
async fn install(fake: &FakeHubSpot, hub_id: i64) -> (String, String) {
    let redirect = fake
        .authorize(hub_id, &authorize_url(fake, "conversations.read", ""))
        .expect("authorized");
    let code = param(&redirect, "code").expect("a code");
    let (status, body, _) = exchange(fake, &code).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["hub_id"], hub_id);
    (
        body["access_token"].as_str().unwrap().to_owned(),
        body["refresh_token"].as_str().unwrap().to_owned(),
    )
}

async fn get(fake: &FakeHubSpot, path: &str, token: &str) -> (u16, Value, String) {
    let response = client()
        .get(format!("{}{path}", fake.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .expect("the fake answers");
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::Null),
        text,
    )
}

const INBOXES: &str = "/conversations/v3/conversations/inboxes";

/// Asserts no secret appears in a body.
fn no_secrets(text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!text.contains(secret), "a secret leaked into {text}");
    }
}

// ---- the specs' schemas ---------------------------------------------------

fn spec(file: &str) -> Option<Value> {
    let dir = std::env::var_os("HUBSPOT_SPECS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/hubspot-specs")
        });
    match std::fs::read_to_string(dir.join("oauth").join(file)) {
        Ok(text) => Some(serde_json::from_str(&text).expect("spec is JSON")),
        Err(_) => {
            eprintln!(
                "note: oauth/{file} not found; skipping this schema check (set HUBSPOT_SPECS_DIR)"
            );
            None
        }
    }
}

/// Checks `instance` against the spec's component schema `name`.
fn assert_schema(file: &str, name: &str, instance: &Value) {
    let Some(spec) = spec(file) else { return };
    let root = json!({
        "$ref": format!("#/components/schemas/{name}"),
        "components": spec["components"],
    });
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("{file} {name} does not compile: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{file} {name}: {errors:?}\n{instance:#}");
}

// ---- the flow ---------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorize_exchange_call_expire_refresh_call() {
    let fake = start(FakeConfig::default().token_lifetime(Duration::from_secs(2))).await;

    // The authorize step over HTTP, for account B.
    let url = authorize_url(
        &fake,
        "conversations.read",
        "&optional_scope=conversations.write%20crm.objects.contacts.read&hub_id=202",
    );
    let response = client().get(&url).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 302);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with(&format!("{}?code=", fake.oauth_app().redirect_uri)),
        "{location}"
    );
    assert_eq!(param(&location, "state").as_deref(), Some("st-1"));
    let code = param(&location, "code").unwrap();

    let (status, tokens, text) = exchange(&fake, &code).await;
    assert_eq!(status, 200, "{text}");
    assert_schema("oauth.v3.json", "AccessTokenResponse", &tokens);
    assert_eq!(tokens["hub_id"], B);
    assert_eq!(tokens["token_type"], "bearer");
    assert_eq!(tokens["expires_in"], 2);
    // Optional scopes the app may not ask for are dropped.
    assert_eq!(
        tokens["scopes"],
        json!(["conversations.read", "conversations.write"])
    );
    let access = tokens["access_token"].as_str().unwrap().to_owned();
    let refresh_token = tokens["refresh_token"].as_str().unwrap().to_owned();

    // The code was used up.
    let (status, body, text) = exchange(&fake, &code).await;
    assert_eq!(
        (status, body["error"].as_str(), body["status"].as_str()),
        (400, Some("invalid_grant"), Some("BAD_AUTH_CODE"))
    );
    assert_schema("oauth.v3.json", "Error", &body);
    no_secrets(&text, &[&code, fake.client_secret()]);

    let (status, _, _) = get(&fake, INBOXES, &access).await;
    assert_eq!(status, 200);

    tokio::time::sleep(Duration::from_millis(2100)).await;
    let (status, body, text) = get(&fake, INBOXES, &access).await;
    assert_eq!(status, 401, "{text}");
    assert_eq!(body["category"], "EXPIRED_AUTHENTICATION");
    let message = body["message"].as_str().unwrap();
    assert!(
        message.starts_with("The OAuth token used to make this call expired ")
            && message.ends_with(" second(s) ago."),
        "{message}"
    );
    no_secrets(&text, &[&access]);

    let (status, refreshed, text) = refresh(&fake, &refresh_token).await;
    assert_eq!(status, 200, "{text}");
    assert_schema("oauth.2026-03.json", "AccessTokenResponse", &refreshed);
    // Without rotation the refresh token stays the same.
    assert_eq!(refreshed["refresh_token"], refresh_token.as_str());
    let fresh = refreshed["access_token"].as_str().unwrap();
    assert_ne!(fresh, access);
    let (status, _, _) = get(&fake, INBOXES, fresh).await;
    assert_eq!(status, 200);

    let stats = fake.account_stats(B).unwrap();
    assert_eq!(stats.requests, 3);
    assert_eq!(stats.arrivals.len(), 3);
    assert_eq!(stats.expired_token_requests, 1);
    assert_eq!(stats.token_calls(GrantType::AuthorizationCode), 2);
    assert_eq!(stats.token_calls(GrantType::RefreshToken), 1);
    assert_eq!((stats.refreshes, stats.rejected_refreshes), (1, 0));
    assert_eq!(fake.account_stats(A).unwrap().requests, 0);
    assert_eq!(fake.account_stats(999), None);
}

#[tokio::test]
async fn rotation_rejects_and_counts_replayed_refresh_tokens() {
    let fake = start(FakeConfig::default().rotate_refresh_tokens(true)).await;
    let (_, first) = install(&fake, A).await;
    let (status, body, _) = refresh(&fake, &first).await;
    assert_eq!(status, 200);
    let second = body["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(second, first);

    let (status, body, text) = refresh(&fake, &first).await;
    assert_eq!(status, 400, "{text}");
    assert_eq!(body["error"], "invalid_grant");
    assert_eq!(body["status"], "BAD_REFRESH_TOKEN");
    assert_eq!(body["message"], body["error_description"]);
    assert_schema("oauth.2026-03.json", "Error", &body);
    no_secrets(&text, &[&first, &second, fake.client_secret()]);

    let (status, body, _) = refresh(&fake, &second).await;
    assert_eq!(status, 200);
    assert_ne!(body["refresh_token"], second.as_str());

    let stats = fake.account_stats(A).unwrap();
    assert_eq!(
        (
            stats.refreshes,
            stats.rejected_replays,
            stats.rejected_refreshes
        ),
        (2, 1, 1)
    );
}

#[tokio::test]
async fn revocation_by_endpoint_and_mid_run() {
    let fake = start(FakeConfig::default()).await;
    let (access, refresh_token) = install(&fake, A).await;

    // Mid-run: the account's access tokens stop working; refreshing helps.
    assert_eq!(fake.revoke_access_tokens(A), 1);
    let (status, body, _) = get(&fake, INBOXES, &access).await;
    assert_eq!(
        (status, body["category"].as_str()),
        (401, Some("INVALID_AUTHENTICATION"))
    );
    let (status, body, _) = refresh(&fake, &refresh_token).await;
    assert_eq!(status, 200);
    let access = body["access_token"].as_str().unwrap().to_owned();
    // The private-app token of the default account is not an OAuth token.
    assert_eq!(get(&fake, INBOXES, fake.token()).await.0, 200);

    // Revoking the refresh token ends its access tokens too.
    let creds = client_params(&fake);
    let (status, _, text) = post_form(
        &fake,
        "/oauth/2026-09/token/revoke",
        &[
            ("client_id", &creds[0].1),
            ("client_secret", &creds[1].1),
            ("token", &refresh_token),
            ("token_type_hint", "refresh_token"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{text}");
    assert_eq!(get(&fake, INBOXES, &access).await.0, 401);
    let (status, body, _) = refresh(&fake, &refresh_token).await;
    assert_eq!(
        (status, body["status"].as_str()),
        (400, Some("BAD_REFRESH_TOKEN"))
    );

    // And through the Rust API.
    let (access, refresh_token) = install(&fake, B).await;
    assert!(fake.revoke_refresh_token(&refresh_token));
    assert!(!fake.revoke_refresh_token("not-a-token"));
    assert_eq!(get(&fake, INBOXES, &access).await.0, 401);
    let stats = fake.account_stats(A).unwrap();
    assert_eq!(stats.revoked_token_requests, 2);
    assert_eq!(stats.expired_token_requests, 0);

    // expire_access_tokens makes the next call EXPIRED without waiting.
    let issued = fake.install(B).unwrap();
    assert!(!format!("{issued:?}").contains(&issued.access_token));
    assert_eq!(fake.expire_access_tokens(B), 1);
    let (status, body, _) = get(&fake, INBOXES, &issued.access_token).await;
    assert_eq!(
        (status, body["category"].as_str()),
        (401, Some("EXPIRED_AUTHENTICATION"))
    );
}

#[tokio::test]
async fn introspection_answers_the_specs_shapes() {
    let fake = start(FakeConfig::default()).await;
    let (access, refresh_token) = install(&fake, B).await;
    let creds = client_params(&fake);
    let introspect = |version: &'static str, token: String, hint: &'static str| {
        let creds = creds.clone();
        let fake = &fake;
        async move {
            post_form(
                fake,
                &format!("/oauth/{version}/token/introspect"),
                &[
                    ("client_id", &creds[0].1),
                    ("client_secret", &creds[1].1),
                    ("token", &token),
                    ("token_type_hint", hint),
                ],
            )
            .await
        }
    };
    for (version, file) in [("v3", "oauth.v3.json"), ("2026-03", "oauth.2026-03.json")] {
        let (status, body, _) = introspect(version, access.clone(), "access_token").await;
        assert_eq!(status, 200);
        assert_schema(file, "PublicAccessTokenInfoResponse", &body);
        assert_schema(file, "TokenInfoResponseBaseIF", &body);
        assert_eq!(
            (
                body["active"].as_bool(),
                body["hub_id"].as_i64(),
                body["token_use"].as_str()
            ),
            (Some(true), Some(B), Some("access_token"))
        );
        assert_eq!(body["app_id"], fake.oauth_app().app_id);
        assert!(body["expires_in"].as_u64().unwrap() > 0);

        let (status, body, _) = introspect(version, refresh_token.clone(), "refresh_token").await;
        assert_eq!(status, 200);
        assert_schema(file, "PublicRefreshTokenInfoResponse", &body);
        assert_schema(file, "TokenInfoResponseBaseIF", &body);
        assert_eq!(body["token_use"], "refresh_token");
    }
    // A token that is not live is just inactive (RFC 7662).
    let (status, body, _) = introspect("2026-09", "unknown".to_owned(), "access_token").await;
    assert_eq!((status, &body), (200, &json!({"active": false})));
    assert_schema("oauth.2026-09.json", "TokenInfoResponseBaseIF", &body);
    // So is a private-app token.
    let (_, body, _) = introspect("2026-09", fake.token().to_owned(), "access_token").await;
    assert_eq!(body, json!({"active": false}));

    // A wrong client secret is refused without echoing anything.
    let (status, body, text) = post_form(
        &fake,
        "/oauth/v3/token/introspect",
        &[
            ("client_id", &creds[0].1),
            ("client_secret", "wrong-secret"),
            ("token", &access),
        ],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str(), body["status"].as_str()),
        (400, Some("invalid_client"), Some("BAD_CLIENT_ID"))
    );
    assert_schema("oauth.v3.json", "Error", &body);
    no_secrets(&text, &[&access, "wrong-secret", fake.client_secret()]);
}

#[tokio::test]
async fn the_token_endpoint_wants_its_parameters_in_a_form_body() {
    let fake = start(FakeConfig::default()).await;
    let (_, refresh_token) = install(&fake, A).await;
    let secret = fake.client_secret().to_owned();
    let response = client()
        .post(format!(
            "{}/oauth/v3/token?client_secret={secret}",
            fake.base_url()
        ))
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let text = response.text().await.unwrap();
    assert!(text.contains("invalid_request"), "{text}");
    no_secrets(&text, &[&secret, &refresh_token]);

    let response = client()
        .post(format!("{}/oauth/v3/token", fake.base_url()))
        .header("content-type", "application/json")
        .body(json!({"grant_type": "refresh_token"}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 415);

    let (status, body, _) = token_call(&fake, "v3", &[("grant_type", "client_credentials")]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );
    let (status, body, _) = token_call(&fake, "v1", &[("grant_type", "refresh_token")]).await;
    assert_eq!(
        (status, body["category"].as_str()),
        (404, Some("OBJECT_NOT_FOUND"))
    );
    assert_eq!(
        client()
            .get(format!("{}/oauth/v3/token", fake.base_url()))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        405
    );

    // A redirect URI other than the code's is refused.
    let redirect = fake
        .authorize(A, &authorize_url(&fake, "oauth", ""))
        .unwrap();
    let code = param(&redirect, "code").unwrap();
    let (status, body, _) = token_call(
        &fake,
        "v3",
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", "http://evil.example/cb"),
        ],
    )
    .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (400, Some("BAD_REDIRECT_URI"))
    );
}

#[tokio::test]
async fn the_authorize_step_validates_client_redirect_and_scopes() {
    let fake = start(FakeConfig::default()).await;
    let app = fake.oauth_app().clone();
    let base = fake.authorize_endpoint();
    let url = |client: &str, redirect: &str, scope: &str| {
        format!("{base}?client_id={client}&redirect_uri={redirect}&scope={scope}&state=s")
    };
    assert_eq!(
        fake.authorize(A, &url("other", &app.redirect_uri, "oauth")),
        Err(AuthorizeError::UnknownClient)
    );
    assert_eq!(
        fake.authorize(A, &url(&app.client_id, "http://evil.example/cb", "oauth")),
        Err(AuthorizeError::RedirectUriMismatch)
    );
    assert_eq!(
        fake.authorize(999, &url(&app.client_id, &app.redirect_uri, "oauth")),
        Err(AuthorizeError::UnknownAccount("999".into()))
    );
    assert_eq!(
        fake.authorize(A, "http://x/elsewhere?client_id=x"),
        Err(AuthorizeError::NotAnAuthorizeUrl)
    );

    // A scope the app may not ask for is sent back to the app as an error.
    let redirect = fake
        .authorize(
            A,
            &url(
                &app.client_id,
                &app.redirect_uri,
                "oauth%20crm.objects.contacts.read",
            ),
        )
        .unwrap();
    assert_eq!(param(&redirect, "error").as_deref(), Some("invalid_scope"));
    assert_eq!(param(&redirect, "state").as_deref(), Some("s"));
    assert_eq!(param(&redirect, "code"), None);

    // Over HTTP, a bad client gets an error page (400), not a redirect.
    let response = client()
        .get(url("other", &app.redirect_uri, "oauth"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let response = client()
        .get(format!(
            "{}&hub_id=999",
            url(&app.client_id, &app.redirect_uri, "oauth")
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    // Without hub_id the default account installs.
    let response = client()
        .get(url(&app.client_id, &app.redirect_uri, "oauth"))
        .send()
        .await
        .unwrap();
    let code = param(response.headers()["location"].to_str().unwrap(), "code").unwrap();
    assert_eq!(exchange(&fake, &code).await.1["hub_id"], A);
}

// ---- many accounts ----------------------------------------------------------

async fn send_json(
    fake: &FakeHubSpot,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: &Value,
) -> (u16, Value) {
    let response = client()
        .request(method, format!("{}{path}", fake.base_url()))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (
        status,
        serde_json::from_str(&response.text().await.unwrap()).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn a_token_of_one_account_never_reads_another_accounts_data() {
    let fake = start(FakeConfig::default()).await;
    let (token_a, _) = install(&fake, A).await;
    let (token_b, _) = install(&fake, B).await;

    // A channel belongs to the app: created once, usable by both accounts.
    let (status, channel) = send_json(
        &fake,
        reqwest::Method::POST,
        "/conversations/custom-channels/v3",
        &token_a,
        &json!({"name": "SMS", "capabilities": {}}),
    )
    .await;
    assert_eq!(status, 201);
    let channel_id = channel["id"].as_str().unwrap().to_owned();
    assert_eq!(
        get(
            &fake,
            &format!("/conversations/v3/custom-channels/{channel_id}"),
            &token_b
        )
        .await
        .0,
        200
    );

    // Account B connects a channel account and receives a message.
    let (status, account) = send_json(
        &fake,
        reqwest::Method::POST,
        &format!("/conversations/v3/custom-channels/{channel_id}/channel-accounts"),
        &token_b,
        &json!({"name": "Line", "inboxId": "1002", "authorized": true}),
    )
    .await;
    assert_eq!(status, 201);
    let account_id = account["id"].as_str().unwrap().to_owned();
    let egg = json!({
        "text": "hello B",
        "messageDirection": "INCOMING",
        "senders": [{"deliveryIdentifier": {"type": "HS_EMAIL_ADDRESS", "value": "v@example.com"}, "name": "V"}],
        "recipients": [{"deliveryIdentifier": {"type": "CHANNEL_SPECIFIC_OPAQUE_ID", "value": "biz"}}],
        "channelAccountId": account_id,
        "timestamp": "2026-03-01T12:00:00Z",
        "attachments": [],
    });
    let (status, message) = send_json(
        &fake,
        reqwest::Method::POST,
        &format!("/conversations/v3/custom-channels/{channel_id}/messages"),
        &token_b,
        &egg,
    )
    .await;
    assert_eq!(status, 201, "{message}");
    let thread_id = message["conversationsThreadId"]
        .as_str()
        .unwrap()
        .to_owned();
    let message_id = message["id"].as_str().unwrap().to_owned();

    let thread = format!("/conversations/v3/conversations/threads/{thread_id}");
    assert_eq!(get(&fake, &thread, &token_b).await.0, 200);
    for path in [
        thread.clone(),
        format!("{thread}/messages"),
        format!("{thread}/messages/{message_id}"),
        format!("/conversations/v3/conversations/channel-accounts/{account_id}"),
        format!("/conversations/v3/custom-channels/{channel_id}/messages/{message_id}"),
    ] {
        let (status, body, _) = get(&fake, &path, &token_a).await;
        assert_eq!(
            (status, body["category"].as_str()),
            (404, Some("OBJECT_NOT_FOUND")),
            "{path}"
        );
        // The default account's private-app token is account A's too.
        assert_eq!(get(&fake, &path, fake.token()).await.0, 404, "{path}");
    }
    let (_, threads, _) = get(&fake, "/conversations/v3/conversations/threads", &token_a).await;
    assert_eq!(threads["results"], json!([]));
    let (_, threads, _) = get(&fake, "/conversations/v3/conversations/threads", &token_b).await;
    assert_eq!(threads["results"].as_array().unwrap().len(), 1);
    assert_eq!(fake.account_messages(A), Some(Vec::new()));
    assert_eq!(fake.account_messages(B).unwrap().len(), 1);
    assert!(
        fake.messages().is_empty(),
        "messages() is the default account's"
    );
    assert!(fake.thread_messages(&thread_id).is_some());
}

#[tokio::test]
async fn each_account_has_its_own_rate_limit_window() {
    let fake = start(FakeConfig {
        rate_limit: Some(RateLimitConfig::new(3, Duration::from_secs(5))),
        ..FakeConfig::default()
    })
    .await;
    let (token_a, _) = install(&fake, A).await;
    let (token_b, _) = install(&fake, B).await;
    let mut statuses_a = Vec::new();
    for _ in 0..4 {
        statuses_a.push(get(&fake, INBOXES, &token_a).await.0);
    }
    let mut statuses_b = Vec::new();
    for _ in 0..3 {
        statuses_b.push(get(&fake, INBOXES, &token_b).await.0);
    }
    assert_eq!(statuses_a, [200, 200, 200, 429]);
    assert_eq!(statuses_b, [200, 200, 200]);
    // The token calls of the installs were not limited either.
    let a = fake.account_stats(A).unwrap();
    let b = fake.account_stats(B).unwrap();
    assert_eq!(
        (
            a.rate_limited,
            a.peak_in_window,
            a.max_in_window(Duration::from_secs(5))
        ),
        (1, 4, 4)
    );
    assert_eq!(
        (
            b.rate_limited,
            b.peak_in_window,
            b.max_in_window(Duration::from_secs(5))
        ),
        (0, 3, 3)
    );
    assert_eq!(fake.stats().rate_limited, 1);
}

// ---- the developer API key --------------------------------------------------

#[tokio::test]
async fn channel_administration_wants_the_developer_key_when_strict() {
    let fake = start(FakeConfig::default().require_developer_key(true)).await;
    let (token, _) = install(&fake, A).await;
    let app = fake.oauth_app().clone();
    let channels = format!("{}/conversations/custom-channels/2026-09", fake.base_url());
    let body = json!({"name": "SMS", "capabilities": {}});
    let post = |url: String, bearer: Option<String>| {
        let body = body.clone();
        async move {
            let mut request = client()
                .post(url)
                .header("content-type", "application/json")
                .body(body.to_string());
            if let Some(token) = bearer {
                request = request.bearer_auth(token);
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            (status, response.text().await.unwrap())
        }
    };

    let (status, text) = post(channels.clone(), Some(token.clone())).await;
    assert_eq!(status, 401, "{text}");
    assert!(text.contains("hapikey"), "{text}");
    let (status, _) = post(channels.clone(), Some(fake.token().to_owned())).await;
    assert_eq!(status, 401);
    let (status, text) = post(
        format!("{channels}?hapikey=wrong&appId={}", app.app_id),
        None,
    )
    .await;
    assert_eq!(status, 401);
    no_secrets(&text, &["wrong", &app.developer_key]);
    let (status, _) = post(format!("{channels}?hapikey={}", app.developer_key), None).await;
    assert_eq!(status, 400);
    let (status, _) = post(
        format!("{channels}?hapikey={}&appId=1", app.developer_key),
        None,
    )
    .await;
    assert_eq!(status, 400);
    let key = format!("hapikey={}&appId={}", app.developer_key, app.app_id);
    let (status, text) = post(format!("{channels}?{key}"), None).await;
    assert_eq!(status, 201, "{text}");
    let channel_id = serde_json::from_str::<Value>(&text).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    for version in ["v3", "2025-09", "2026-03", "2026-09"] {
        let list = match version {
            "v3" => "/conversations/custom-channels/v3".to_owned(),
            v => format!("/conversations/custom-channels/{v}"),
        };
        let one = match version {
            "v3" => format!("/conversations/v3/custom-channels/{channel_id}"),
            v => format!("/conversations/custom-channels/{v}/{channel_id}"),
        };
        for path in [&list, &one] {
            let url = format!("{}{path}", fake.base_url());
            assert_eq!(
                client()
                    .get(format!("{url}?{key}"))
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16(),
                200,
                "{path}"
            );
            assert_eq!(
                client()
                    .get(&url)
                    .bearer_auth(&token)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16(),
                401,
                "{path}"
            );
        }
    }
    let one = format!(
        "{}/conversations/v3/custom-channels/{channel_id}",
        fake.base_url()
    );
    let patched = client()
        .patch(format!("{one}?{key}"))
        .header("content-type", "application/json")
        .body(json!({"name": "SMS 2"}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(patched.status().as_u16(), 200);
    assert_eq!(
        client()
            .delete(&one)
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        401
    );
    assert_eq!(
        client()
            .delete(format!("{one}?{key}"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        204
    );

    // Account operations still take the account's token, not the key.
    let accounts = format!(
        "{}/conversations/v3/conversations/inboxes?{key}",
        fake.base_url()
    );
    assert_eq!(
        client()
            .get(accounts)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        401
    );
}

#[tokio::test]
async fn lenient_administration_takes_the_key_or_a_bearer_token() {
    let fake = start(FakeConfig::default()).await;
    let app = fake.oauth_app().clone();
    let base = format!("{}/conversations/custom-channels/v3", fake.base_url());
    let key = format!("hapikey={}&appId={}", app.developer_key, app.app_id);
    assert_eq!(
        client()
            .get(format!("{base}?{key}"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        client()
            .get(&base)
            .bearer_auth(fake.token())
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        client()
            .get(format!("{base}?hapikey=nope&appId={}", app.app_id))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        401
    );
    assert_eq!(
        client().get(&base).send().await.unwrap().status().as_u16(),
        401
    );
}
