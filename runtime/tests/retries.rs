//! Each retry rule over real HTTP against `hubspot-fake`: what is retried,
//! what never is, and what is retried only when it cannot duplicate a
//! message.

mod common;

use std::time::{Duration, Instant};

use common::*;
use hubspot_fake::{FakeConfig, FakeHubSpot, Fault, FaultConfig, ScriptedResponse};
use hubspot_runtime::{Client, Error};
use serde_json::json;

fn archive() -> ArchiveMessage {
    ArchiveMessage {
        channel_id: "42".to_owned(),
        message_id: "7".to_owned(),
    }
}

fn published() -> ScriptedResponse {
    ScriptedResponse::json(201, json!({ "id": "1000000001", "text": "hello" }))
}

fn hubspot_error(status: u16) -> ScriptedResponse {
    ScriptedResponse::json(
        status,
        json!({ "status": "error", "message": "it failed", "correlationId": "c0ffee" }),
    )
}

#[tokio::test]
async fn conflicts_and_validation_errors_are_never_retried() {
    let fake = start_fake().await;
    let client = fast_retrying_client(&fake, 5);
    for status in [409, 400] {
        // Even an idempotent request: a retry would get the same answer.
        fake.push_response(hubspot_error(status));
        fake.push_response(ScriptedResponse::raw(204, ""));
        let before = fake.requests().len();
        let error = client.send(&archive()).await.unwrap_err();
        assert_eq!(error.status(), Some(status), "{error:?}");
        assert_eq!(fake.requests().len(), before + 1, "{status} was retried");
        // The queued 204 is still there; take it.
        client.send(&archive()).await.unwrap();

        // And not a keyed POST either.
        fake.push_response(hubspot_error(status));
        fake.push_response(published());
        let error = client
            .send(&KeyedPublish::new("42", "hello"))
            .await
            .unwrap_err();
        assert_eq!(error.status(), Some(status));
        client
            .send(&KeyedPublish::new("42", "hello"))
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn other_client_errors_are_never_retried() {
    let fake = start_fake().await;
    let client = fast_retrying_client(&fake, 5);
    for status in [401, 403, 404, 423] {
        fake.push_response(hubspot_error(status));
        let before = fake.requests().len();
        let error = client.send(&archive()).await.unwrap_err();
        assert_eq!(error.status(), Some(status));
        assert_eq!(fake.requests().len(), before + 1, "{status} was retried");
    }
}

#[tokio::test]
async fn server_errors_are_retried_for_idempotent_requests() {
    let fake = start_fake().await;
    let client = fast_retrying_client(&fake, 6);
    for status in [500, 502, 503, 504] {
        fake.push_response(hubspot_error(status));
    }
    fake.push_response(ScriptedResponse::raw(204, ""));
    client
        .send(&archive())
        .await
        .expect("the fifth attempt succeeds");
    assert_eq!(fake.requests().len(), 5);
    // Every attempt is the same request.
    let requests = fake.requests();
    assert!(
        requests
            .iter()
            .all(|r| r.method == "DELETE" && r.path == requests[0].path)
    );
}

#[tokio::test]
async fn a_post_without_idempotency_key_is_not_retried_once_it_may_have_reached_hubspot() {
    let fake = start_fake().await;
    let client = fast_retrying_client(&fake, 5);
    let post = PublishMessage::new("42", "hello");

    for status in [500, 502, 503, 504] {
        fake.push_response(hubspot_error(status));
        fake.push_response(published());
        let before = fake.requests().len();
        let error = client.send(&post).await.unwrap_err();
        assert!(
            matches!(&error, Error::Server(api) if api.status == status),
            "{error:?}"
        );
        assert_eq!(fake.requests().len(), before + 1);
        client.send(&post).await.unwrap();
    }

    // The connection reset after HubSpot got the request: it may be stored.
    fake.push_fault(Fault::ResetAfterHandling);
    let before = fake.requests().len();
    let error = client.send(&post).await.unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert_token_absent(&error);
    assert_eq!(fake.requests().len(), before + 1);

    // A truncated answer: HubSpot acted on it.
    fake.push_response(ScriptedResponse::raw(201, r#"{"id": "1000"#));
    let error = client.send(&post).await.unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
    assert_eq!(fake.requests().len(), before + 2);
}

#[tokio::test]
async fn a_post_without_idempotency_key_is_not_retried_after_a_timeout() {
    let silent = SilentServer::start().await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(silent.base_url())
        .timeout(Duration::from_millis(150))
        .retry_policy(fast_retries(5))
        .build()
        .unwrap();
    let error = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(silent.accepted(), 1);
}

#[tokio::test]
async fn any_request_is_retried_after_a_connection_that_never_opened() {
    // A port nothing listens on yet; the fake opens it a little later.
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = probe.local_addr().unwrap();
    drop(probe);
    let opener = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let fake = FakeHubSpot::start_with(FakeConfig {
            bind: addr,
            ..FakeConfig::default()
        })
        .await
        .expect("bind the probed port");
        fake.push_response(published());
        fake
    });

    let client = Client::builder()
        .token(TOKEN)
        .base_url(format!("http://{addr}"))
        .retry_policy(fast_retries(40))
        .build()
        .unwrap();
    // A POST without idempotency key: safe to retry, since it never left.
    let started = Instant::now();
    let response = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .expect("retried until the server was up");
    assert_eq!(response.id, "1000000001");
    assert!(started.elapsed() >= Duration::from_millis(100));
    let fake = opener.await.unwrap();
    assert_eq!(fake.requests().len(), 1, "sent once, when it could be");
}

#[tokio::test]
async fn rate_limits_are_retried_after_retry_after_whatever_the_method() {
    let fake = start_fake().await;
    let client = fast_retrying_client(&fake, 3);
    fake.push_response(
        ScriptedResponse::json(
            429,
            json!({ "status": "error", "category": "RATE_LIMITS", "policyName": "TEN_SECONDLY_ROLLING" }),
        )
        .with_header("Retry-After", "0.3"),
    );
    fake.push_response(published());
    let started = Instant::now();
    let response = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .expect("the retry after Retry-After succeeds");
    assert_eq!(response.id, "1000000001");
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn without_retry_after_a_used_up_window_waits_its_interval() {
    let fake = start_fake().await;
    let client = fast_retrying_client(&fake, 3);
    fake.push_response(
        ScriptedResponse::json(429, json!({ "status": "error", "category": "RATE_LIMITS" }))
            .with_header("X-HubSpot-RateLimit-Max", "100")
            .with_header("X-HubSpot-RateLimit-Remaining", "0")
            .with_header("X-HubSpot-RateLimit-Interval-Milliseconds", "250"),
    );
    fake.push_response(published());
    let started = Instant::now();
    client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(250),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn the_daily_limit_is_not_retried() {
    let fake = start_fake().await;
    let client = fast_retrying_client(&fake, 5);
    fake.push_response(ScriptedResponse::json(
        429,
        json!({ "status": "error", "message": "You have reached your daily limit.", "policyName": "DAILY" }),
    ));
    let error = client.send(&archive()).await.unwrap_err();
    assert!(matches!(error, Error::RateLimited(_)), "{error:?}");
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn malformed_success_bodies_are_retried_only_when_idempotent() {
    let fake = start_fake().await;
    let client = fast_retrying_client(&fake, 3);
    fake.push_response(ScriptedResponse::raw(201, r#"{"id": "1000"#));
    fake.push_response(ScriptedResponse::raw(201, r#"{"id"= "1"}"#));
    fake.push_response(published());
    let response = client
        .send(&KeyedPublish::new("42", "hello"))
        .await
        .expect("a keyed publish is retried past spoiled answers");
    assert_eq!(response.id, "1000000001");
    assert_eq!(fake.requests().len(), 3);

    // Well-formed JSON of the wrong shape is not retried: it would not change.
    fake.push_response(ScriptedResponse::json(201, json!({ "id": 5 })));
    let error = client
        .send(&KeyedPublish::new("42", "hello"))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
    assert_eq!(fake.requests().len(), 4);
}

#[tokio::test]
async fn a_keyed_post_is_retried_with_the_same_fresh_id() {
    let fake = start_fake().await;
    let client = fast_retrying_client(&fake, 5);
    fake.push_response(hubspot_error(503));
    fake.push_fault(Fault::ResetBeforeHandling);
    fake.push_response(published());
    client
        .send(&KeyedPublish::new("42", "hello"))
        .await
        .unwrap();

    let ids: Vec<String> = fake
        .requests()
        .iter()
        .map(|r| {
            r.json().unwrap()["integrationIdempotencyId"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    assert_eq!(ids[0].len(), 36, "a UUID: {}", ids[0]);

    // The next send gets a fresh id; one the caller set is kept.
    fake.push_response(published());
    client
        .send(&KeyedPublish::new("42", "hello"))
        .await
        .unwrap();
    fake.push_response(published());
    let mine = KeyedPublish {
        idempotency_id: Some("sms-4711".to_owned()),
        ..KeyedPublish::new("42", "hello")
    };
    client.send(&mine).await.unwrap();
    let requests = fake.requests();
    let id = |i: usize| requests[i].json().unwrap()["integrationIdempotencyId"].clone();
    assert_ne!(id(3), json!(ids[0]));
    assert_eq!(id(4), json!("sms-4711"));
}

#[tokio::test]
async fn retries_stop_after_the_last_attempt() {
    let fake = FakeHubSpot::start_with(FakeConfig {
        faults: Some(FaultConfig::new(1.0).with_kinds([Fault::ServiceUnavailable])),
        ..FakeConfig::default()
    })
    .await
    .unwrap();
    let client = fast_retrying_client(&fake, 3);
    let error = client.send(&archive()).await.unwrap_err();
    assert!(
        matches!(&error, Error::Server(api) if api.status == 503),
        "{error:?}"
    );
    assert_eq!(fake.requests().len(), 3);
    assert_eq!(fake.stats().faults[&Fault::ServiceUnavailable], 3);
}

#[tokio::test]
async fn a_wait_longer_than_the_total_timeout_is_not_made() {
    let fake = start_fake().await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .total_timeout(Duration::from_millis(500))
        .retry_policy(fast_retries(5))
        .build()
        .unwrap();
    fake.push_response(hubspot_error(429).with_header("Retry-After", "5"));
    let started = Instant::now();
    let error = client.send(&archive()).await.unwrap_err();
    // The 429 itself comes back, at once, rather than a timeout later.
    assert!(matches!(error, Error::RateLimited(_)), "{error:?}");
    assert!(started.elapsed() < Duration::from_millis(500));
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn retries_can_be_turned_off() {
    let fake = start_fake().await;
    let client = client_without_retries(&fake);
    fake.push_response(hubspot_error(503));
    let error = client.send(&archive()).await.unwrap_err();
    assert_eq!(error.status(), Some(503));
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn absurd_waits_and_timeouts_neither_panic_nor_hang() {
    let fake = start_fake().await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .timeout(Duration::MAX)
        .total_timeout(Duration::MAX)
        .rate_limit(hubspot_runtime::RateLimit::custom(10, Duration::MAX))
        .retry_policy(fast_retries(5).with_max_backoff(Duration::MAX))
        .build()
        .unwrap();
    // Thirty million years: more than any deadline, so not waited for.
    fake.push_response(hubspot_error(429).with_header("Retry-After", "1000000000000000"));
    let started = Instant::now();
    let error = client.send(&archive()).await.unwrap_err();
    assert!(matches!(error, Error::RateLimited(_)), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(fake.requests().len(), 1);
}
