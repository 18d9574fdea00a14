//! The `VerifiedWebhook` axum extractor, served over a real loopback socket.
//!
//! Runs with the `axum` feature (`cargo test -p hubspot-runtime --features
//! axum`; `cargo test --workspace` enables it through the root package).
#![cfg(feature = "axum")]

use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRef};
use axum::routing::post;
use http::Method;
use hubspot_runtime::webhooks::{ClientSecret, VerifiedWebhook, Verifier};

const SECRET: &str = "extractor-test-secret";
const PUBLIC: &str = "https://public.example/base";

#[derive(Clone)]
struct State {
    verifier: Verifier,
}

impl FromRef<State> for Verifier {
    fn from_ref(state: &State) -> Verifier {
        state.verifier.clone()
    }
}

async fn echo(webhook: VerifiedWebhook) -> String {
    let event: serde_json::Value = webhook.json().unwrap_or_default();
    format!(
        "{} {}",
        webhook.version(),
        event["type"].as_str().unwrap_or("?")
    )
}

/// Serves the echo handler on loopback at `/hook` and `/nested/hook`;
/// returns its base URL.
async fn serve(verifier: Verifier, body_limit: Option<usize>) -> String {
    let state = State { verifier };
    let nested = Router::new()
        .route("/hook", post(echo))
        .with_state(state.clone());
    let mut app = Router::new()
        .route("/hook", post(echo))
        .nest("/nested", nested)
        .with_state(state);
    if let Some(limit) = body_limit {
        app = app.layer(DefaultBodyLimit::max(limit));
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}")
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

/// POSTs `body` to `local`, signed as HubSpot would sign a call to `signed_url`.
async fn post_signed(local: &str, signed_url: &str, secret: &str, body: &str) -> (u16, String) {
    let timestamp = now_ms();
    let signature =
        ClientSecret::new(secret).sign_v3(&Method::POST, signed_url, body.as_bytes(), timestamp);
    let response = reqwest::Client::new()
        .post(local)
        .header("content-type", "application/json")
        .header("x-hubspot-signature-v3", signature)
        .header("x-hubspot-request-timestamp", timestamp.to_string())
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

fn verifier() -> Verifier {
    Verifier::new(ClientSecret::new(SECRET))
        .public_url(PUBLIC)
        .unwrap()
}

#[tokio::test]
async fn a_signed_request_reaches_the_handler() {
    let base = serve(verifier(), None).await;
    let body = r#"{"type":"OUTGOING_CHANNEL_MESSAGE_CREATED"}"#;
    // Signed for the public URL: the extractor rebuilds it from the
    // configured base and the request's path and query.
    let (status, text) = post_signed(
        &format!("{base}/hook?portal=1"),
        &format!("{PUBLIC}/hook?portal=1"),
        SECRET,
        body,
    )
    .await;
    assert_eq!(
        (status, text.as_str()),
        (200, "v3 OUTGOING_CHANNEL_MESSAGE_CREATED")
    );
}

#[tokio::test]
async fn a_nested_route_is_verified_against_the_full_path() {
    let base = serve(verifier(), None).await;
    let (status, text) = post_signed(
        &format!("{base}/nested/hook"),
        &format!("{PUBLIC}/nested/hook"),
        SECRET,
        r#"{"type":"CHANNEL_ACCOUNT_UPDATED"}"#,
    )
    .await;
    assert_eq!((status, text.as_str()), (200, "v3 CHANNEL_ACCOUNT_UPDATED"));
}

#[tokio::test]
async fn bad_signatures_get_401_and_never_reach_the_handler() {
    let base = serve(verifier(), None).await;
    let body = r#"{"type":"X"}"#;
    let url = format!("{base}/hook");
    // Signed for the local URL instead of the public one.
    let (status, text) = post_signed(&url, &url, SECRET, body).await;
    assert_eq!(status, 401);
    assert!(text.contains("does not match"), "{text}");
    // Another app's secret.
    let (status, _) = post_signed(&url, &format!("{PUBLIC}/hook"), "other", body).await;
    assert_eq!(status, 401);
    // No signature at all.
    let response = reqwest::Client::new()
        .post(&url)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 401);
    let text = response.text().await.unwrap();
    assert!(text.contains("X-HubSpot-Signature-v3"), "{text}");
    assert!(!text.contains(SECRET));
}

#[tokio::test]
async fn without_a_public_url_a_relative_request_is_a_server_error() {
    let base = serve(Verifier::new(ClientSecret::new(SECRET)), None).await;
    let (status, text) = post_signed(&format!("{base}/hook"), PUBLIC, SECRET, "{}").await;
    assert_eq!(status, 500);
    assert!(text.contains("public URL"), "{text}");
}

#[tokio::test]
async fn oversized_bodies_are_refused_before_verification() {
    let base = serve(verifier(), Some(16)).await;
    let body = format!(r#"{{"type":"{}"}}"#, "x".repeat(64));
    let (status, _) = post_signed(
        &format!("{base}/hook"),
        &format!("{PUBLIC}/hook"),
        SECRET,
        &body,
    )
    .await;
    assert_eq!(status, 413);
}
