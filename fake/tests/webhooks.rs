//! The fake sending webhooks: an agent's message on a custom channel with a
//! registered webhook URL is POSTed there, signed with v3, retried with
//! backoff, in order; everything over real loopback sockets.

mod common;

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use base64::Engine as _;
use common::{Client, publish_path, simple_egg, thread_path};
use hmac::{Hmac, KeyInit, Mac};
use hubspot_fake::{DeliveryOutcome, FakeConfig, FakeHubSpot, WebhookRetry};
use serde_json::{Value, json};
use sha2::Sha256;

const CHANNEL: i32 = 1001;
const SETTLE: Duration = Duration::from_secs(10);

/// A request the receiver got.
#[derive(Debug, Clone)]
struct Received {
    uri: String,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Received {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON webhook body")
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

#[derive(Clone, Default)]
struct Receiver {
    received: Arc<Mutex<Vec<Received>>>,
    /// Statuses to answer with, in order; 200 once they run out.
    statuses: Arc<Mutex<VecDeque<u16>>>,
}

impl Receiver {
    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

async fn receive(
    State(receiver): State<Receiver>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    receiver.received.lock().unwrap().push(Received {
        uri: uri.to_string(),
        headers,
        body: body.to_vec(),
    });
    let status = receiver.statuses.lock().unwrap().pop_front().unwrap_or(200);
    StatusCode::from_u16(status).unwrap()
}

/// Starts a receiver answering `statuses` then 200s; returns it and its
/// address.
async fn start_receiver(statuses: &[u16]) -> (Receiver, SocketAddr) {
    let receiver = Receiver::default();
    receiver.statuses.lock().unwrap().extend(statuses);
    let app = Router::new().fallback(receive).with_state(receiver.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (receiver, addr)
}

fn fast_retry(max_attempts: u32) -> WebhookRetry {
    WebhookRetry {
        max_attempts,
        initial_backoff: Duration::from_millis(5),
        max_backoff: Duration::from_millis(20),
        timeout: Duration::from_secs(2),
    }
}

async fn start_fake(webhook_url: &str, retry: WebhookRetry) -> FakeHubSpot {
    FakeHubSpot::start_with(FakeConfig {
        client_secret: "test-client-secret".to_owned(),
        webhook_retry: retry,
        ..FakeConfig::default().register_channel(CHANNEL, webhook_url)
    })
    .await
    .unwrap()
}

/// Publishes an incoming message on `CHANNEL` and returns its thread id.
async fn open_thread(client: &Client, integration_thread_id: Option<&str>) -> String {
    let mut egg = simple_egg("Where is my order?", "ada@example.com");
    if let Some(thread) = integration_thread_id {
        egg["integrationThreadId"] = json!(thread);
    }
    let response = client.post(&publish_path(CHANNEL.into()), &egg).await;
    assert_eq!(response.status, 201);
    response.json()["conversationsThreadId"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn agent_reply(text: &str, channel: i32) -> Value {
    json!({
        "type": "MESSAGE",
        "text": text,
        "senderActorId": "A-3003",
        "channelId": channel.to_string(),
        "channelAccountId": "account-1",
        "recipients": [{
            "deliveryIdentifiers": [{"type": "HS_EMAIL_ADDRESS", "value": "ada@example.com"}]
        }],
        "attachments": [],
    })
}

/// HubSpot's v3 signature, computed here independently of the fake.
fn expected_signature(secret: &str, url: &str, body: &[u8], timestamp: &str) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(b"POST");
    mac.update(url.as_bytes());
    mac.update(body);
    mac.update(timestamp.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis()
}

#[tokio::test]
async fn an_agent_message_is_posted_signed_to_the_webhook_url() {
    let (receiver, addr) = start_receiver(&[]).await;
    let url = format!("http://{addr}/hubspot/webhooks?source=fake");
    let fake = start_fake(&url, fast_retry(3)).await;
    let client = Client::new(&fake);
    let thread = open_thread(&client, None).await;

    let sent = client
        .post(
            &thread_path(&thread),
            &agent_reply("It ships tomorrow.", CHANNEL),
        )
        .await;
    assert_eq!(sent.status, 201);
    let message = sent.json();
    // Not delivered yet as far as HubSpot knows: no status.
    assert_eq!(message.get("status"), None, "{message:#}");

    let deliveries = fake.settle_webhooks(SETTLE).await;
    assert_eq!(deliveries.len(), 1);
    let delivery = &deliveries[0];
    assert_eq!(delivery.outcome, DeliveryOutcome::Delivered);
    assert_eq!(delivery.channel_id, CHANNEL);
    assert_eq!(delivery.event_type, "OUTGOING_CHANNEL_MESSAGE_CREATED");
    assert_eq!(delivery.attempts.len(), 1);
    assert_eq!(delivery.attempts[0].status, Some(200));

    let received = receiver.received();
    assert_eq!(received.len(), 1);
    let request = &received[0];
    assert_eq!(request.uri, "/hubspot/webhooks?source=fake");
    assert_eq!(request.header("content-type"), "application/json");
    assert_eq!(request.body, delivery.body);
    let event = request.json();
    assert_eq!(event["type"], "OUTGOING_CHANNEL_MESSAGE_CREATED");
    assert_eq!(event["portalId"], FakeHubSpot::PORTAL_ID.to_string());
    assert_eq!(event["channelId"], CHANNEL.to_string());
    assert_eq!(event["channelIntegrationThreadIds"], json!([]));
    assert_eq!(event["message"], message);
    assert_eq!(event["message"]["conversationsThreadId"], thread);
    assert_eq!(event["message"]["text"], "It ships tomorrow.");
    assert_eq!(
        event["message"]["recipients"][0]["deliveryIdentifier"]["value"],
        "ada@example.com"
    );

    let timestamp = request.header("x-hubspot-request-timestamp");
    let age = now_ms() - timestamp.parse::<u128>().unwrap();
    assert!(age < 60_000, "timestamp {timestamp} is {age} ms old");
    assert_eq!(
        request.header("x-hubspot-signature-v3"),
        expected_signature("test-client-secret", &url, &request.body, timestamp)
    );
    assert_eq!(fake.client_secret(), "test-client-secret");
}

#[tokio::test]
async fn the_integration_reports_the_status_afterwards() {
    let (_receiver, addr) = start_receiver(&[]).await;
    let fake = start_fake(&format!("http://{addr}/w"), fast_retry(1)).await;
    let client = Client::new(&fake);
    let thread = open_thread(&client, None).await;
    let message = client
        .post(&thread_path(&thread), &agent_reply("Hello", CHANNEL))
        .await
        .json();
    let id = message["id"].as_str().unwrap();
    let updated = client
        .patch(
            &format!("{}/{id}", publish_path(CHANNEL.into())),
            &json!({"statusType": "SENT"}),
        )
        .await;
    assert_eq!(updated.status, 200);
    let stored = fake.thread_messages(&thread).unwrap();
    assert_eq!(stored[1]["status"], json!({"statusType": "SENT"}));
}

#[tokio::test]
async fn only_messages_over_a_registered_channel_are_sent() {
    let (receiver, addr) = start_receiver(&[]).await;
    let fake = start_fake(&format!("http://{addr}/w"), fast_retry(1)).await;
    let client = Client::new(&fake);
    let thread = open_thread(&client, None).await;

    let comment = json!({"type": "COMMENT", "text": "note to self", "attachments": []});
    assert_eq!(
        client.post(&thread_path(&thread), &comment).await.status,
        201
    );
    // Another channel, with no webhook URL: stored as sent, nothing POSTed.
    let elsewhere = client
        .post(&thread_path(&thread), &agent_reply("via email", 4242))
        .await
        .json();
    assert_eq!(elsewhere["status"], json!({"statusType": "SENT"}));

    assert!(fake.settle_webhooks(SETTLE).await.is_empty());
    assert!(receiver.received().is_empty());
    assert!(!fake.send_webhook(4242, &json!({"type": "X"})));
}

#[tokio::test]
async fn failed_deliveries_are_retried_with_fresh_signatures() {
    let (receiver, addr) = start_receiver(&[500, 503]).await;
    let url = format!("http://{addr}/w");
    let fake = start_fake(&url, fast_retry(5)).await;
    let client = Client::new(&fake);
    let thread = open_thread(&client, None).await;
    client
        .post(&thread_path(&thread), &agent_reply("retry me", CHANNEL))
        .await;

    let deliveries = fake.settle_webhooks(SETTLE).await;
    let statuses: Vec<_> = deliveries[0].attempts.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [Some(500), Some(503), Some(200)]);
    assert_eq!(deliveries[0].outcome, DeliveryOutcome::Delivered);
    let received = receiver.received();
    assert_eq!(received.len(), 3);
    for request in &received {
        // The same event every time, each attempt signed for its own timestamp.
        assert_eq!(request.body, received[0].body);
        let timestamp = request.header("x-hubspot-request-timestamp");
        assert_eq!(
            request.header("x-hubspot-signature-v3"),
            expected_signature("test-client-secret", &url, &request.body, timestamp)
        );
    }
}

#[tokio::test]
async fn a_4xx_other_than_429_is_final() {
    let (receiver, addr) = start_receiver(&[429, 401]).await;
    let fake = start_fake(&format!("http://{addr}/w"), fast_retry(5)).await;
    let client = Client::new(&fake);
    let thread = open_thread(&client, None).await;
    client
        .post(&thread_path(&thread), &agent_reply("who are you?", CHANNEL))
        .await;
    let deliveries = fake.settle_webhooks(SETTLE).await;
    let statuses: Vec<_> = deliveries[0].attempts.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [Some(429), Some(401)]);
    assert_eq!(deliveries[0].outcome, DeliveryOutcome::Rejected);
    assert_eq!(receiver.received().len(), 2);
}

#[tokio::test]
async fn retries_are_bounded() {
    let (receiver, addr) = start_receiver(&[503; 10]).await;
    let fake = start_fake(&format!("http://{addr}/w"), fast_retry(3)).await;
    let client = Client::new(&fake);
    let thread = open_thread(&client, None).await;
    client
        .post(&thread_path(&thread), &agent_reply("nobody home", CHANNEL))
        .await;
    let deliveries = fake.settle_webhooks(SETTLE).await;
    assert_eq!(deliveries[0].outcome, DeliveryOutcome::GaveUp);
    assert_eq!(deliveries[0].attempts.len(), 3);
    assert_eq!(receiver.received().len(), 3);
}

#[tokio::test]
async fn an_unreachable_receiver_is_recorded_not_fatal() {
    // A port nothing listens on: bind, note the port, close.
    let closed = {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        listener.local_addr().unwrap()
    };
    let fake = start_fake(&format!("http://{closed}/w"), fast_retry(2)).await;
    fake.register_channel(7, "https://example.com/tls-is-not-supported");
    let client = Client::new(&fake);
    let thread = open_thread(&client, None).await;
    client
        .post(&thread_path(&thread), &agent_reply("hello?", CHANNEL))
        .await;
    assert!(fake.send_webhook(7, &json!({"type": "CHANNEL_ACCOUNT_UPDATED"})));

    let deliveries = fake.settle_webhooks(SETTLE).await;
    assert_eq!(deliveries.len(), 2);
    for delivery in &deliveries {
        assert_eq!(delivery.outcome, DeliveryOutcome::GaveUp);
        assert_eq!(delivery.attempts.len(), 2);
        assert!(delivery.attempts.iter().all(|a| a.status.is_none()));
    }
    let error = deliveries[1].attempts[0].error.as_deref().unwrap();
    assert!(error.contains("plain http"), "{error}");
    // The fake itself keeps serving.
    assert_eq!(
        client
            .post(&thread_path(&thread), &agent_reply("still here", CHANNEL))
            .await
            .status,
        201
    );
}

#[tokio::test]
async fn deliveries_keep_their_order_and_thread_ids() {
    // The first delivery fails once, so the second must wait for it.
    let (receiver, addr) = start_receiver(&[500]).await;
    let fake = start_fake("http://127.0.0.1:9/unused", fast_retry(3)).await;
    // Registered after start: replaces the URL from the config.
    fake.register_channel(CHANNEL, format!("http://{addr}/w"));
    let client = Client::new(&fake);
    let thread = open_thread(&client, Some("sms-thread-7")).await;
    for text in ["one", "two", "three"] {
        client
            .post(&thread_path(&thread), &agent_reply(text, CHANNEL))
            .await;
    }
    assert!(fake.send_webhook(CHANNEL, &json!({"type": "CHANNEL_ACCOUNT_CREATED"})));

    let deliveries = fake.settle_webhooks(SETTLE).await;
    assert!(
        deliveries
            .iter()
            .all(|d| d.outcome == DeliveryOutcome::Delivered)
    );
    let received: Vec<Value> = receiver.received().iter().map(Received::json).collect();
    let texts: Vec<&str> = received
        .iter()
        .map(|e| {
            e["message"]["text"]
                .as_str()
                .unwrap_or(e["type"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        texts,
        ["one", "one", "two", "three", "CHANNEL_ACCOUNT_CREATED"]
    );
    assert_eq!(
        received[0]["channelIntegrationThreadIds"],
        json!(["sms-thread-7"])
    );
}

#[tokio::test]
async fn a_channel_created_through_the_api_gets_webhooks_at_its_webhook_url() {
    let (receiver, addr) = start_receiver(&[]).await;
    let fake = FakeHubSpot::start_with(FakeConfig {
        webhook_retry: fast_retry(3),
        ..FakeConfig::default()
    })
    .await
    .unwrap();
    let client = Client::new(&fake);
    let created = client
        .post(
            "/conversations/custom-channels/v3",
            &json!({"name": "SMS", "capabilities": {}, "webhookUrl": format!("http://{addr}/first")}),
        )
        .await;
    assert_eq!(created.status, 201);
    let channel: i32 = created.json()["id"].as_str().unwrap().parse().unwrap();

    // Moving the webhook URL with a PATCH moves where the events go.
    let moved = client
        .patch(
            &format!("/conversations/v3/custom-channels/{channel}"),
            &json!({"webhookUrl": format!("http://{addr}/moved")}),
        )
        .await;
    assert_eq!(moved.status, 200);

    let published = client
        .post(
            &publish_path(channel.into()),
            &simple_egg("Hi", "ada@example.com"),
        )
        .await;
    assert_eq!(published.status, 201);
    let thread = published.json()["conversationsThreadId"]
        .as_str()
        .unwrap()
        .to_owned();
    let sent = client
        .post(&thread_path(&thread), &agent_reply("Hello!", channel))
        .await;
    assert_eq!(sent.status, 201);

    let deliveries = fake.settle_webhooks(SETTLE).await;
    assert_eq!(deliveries.len(), 1, "{deliveries:#?}");
    assert_eq!(deliveries[0].outcome, DeliveryOutcome::Delivered);
    let received = receiver.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].uri, "/moved");
    assert_eq!(received[0].json()["message"]["text"], "Hello!");
}
