//! The custom-channel bridge example's core against the fake, over real
//! loopback sockets: the fake POSTs signed webhooks, the bridge verifies
//! them with the runtime's `Verifier`, delivers on its toy chat and PATCHes
//! the status; replies are published back into the same thread. Retries
//! and replays never deliver twice.

#[path = "../examples/custom_channel_bridge/bridge.rs"]
mod bridge;

use std::time::Duration;

use bridge::{Bridge, BridgeConfig, ExternalChat, Handling, Outcome, WEBHOOK_PATH};
use hubspot_api::Client;
use hubspot_api::conversations::custom_channels::webhooks::CustomChannelEvent;
use hubspot_api::conversations::models::{
    DeliveryIdentifierType, PublicDeliveryIdentifier, PublicMessage,
};
use hubspot_api::conversations::threads::messages::{
    PublicConversationsMessageEgg, PublicRecipientEgg, SendThreadMessage,
};
use hubspot_api::webhooks::{ClientSecret, Verifier};
use hubspot_fake::{DeliveryOutcome, FakeConfig, FakeHubSpot, Fault, FaultConfig, WebhookRetry};
use serde_json::{Value, json};
use tokio::net::TcpListener;

const CHANNEL_ID: i32 = 1001;
const ACCOUNT: &str = "2002";
const BUSINESS: &str = "+15550199";
const ADA: &str = "+15550100";
const SETTLE: Duration = Duration::from_secs(10);
/// Attempts the client makes per request: it retries quickly, so that an
/// outage outlasting them is quick to test.
const CLIENT_ATTEMPTS: u32 = 3;

struct Setup {
    fake: FakeHubSpot,
    client: Client,
    bridge: Bridge,
    chat: ExternalChat,
    bridge_url: String,
}

/// The fake with the bridge registered as channel `CHANNEL_ID`'s webhook
/// URL; the fake signs with `fake_secret`, the bridge expects
/// `bridge_secret`.
async fn setup_with_secrets(fake_secret: &str, bridge_secret: &str) -> Setup {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let bridge_url = format!("http://{}", listener.local_addr().unwrap());
    let fake = FakeHubSpot::start_with(FakeConfig {
        client_secret: fake_secret.to_owned(),
        webhook_retry: WebhookRetry {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(5),
            max_backoff: Duration::from_millis(20),
            timeout: Duration::from_secs(5),
        },
        ..FakeConfig::default().register_channel(CHANNEL_ID, format!("{bridge_url}{WEBHOOK_PATH}"))
    })
    .await
    .unwrap();
    let client = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .retry_policy(
            hubspot_runtime::RetryPolicy::default()
                .with_max_attempts(CLIENT_ATTEMPTS)
                .with_initial_backoff(Duration::from_millis(5))
                .with_max_backoff(Duration::from_millis(20)),
        )
        .build()
        .unwrap();
    let verifier = Verifier::new(ClientSecret::new(bridge_secret))
        .public_url(bridge_url.clone())
        .unwrap();
    let chat = ExternalChat::default();
    let bridge = Bridge::new(
        client.clone(),
        verifier,
        chat.clone(),
        BridgeConfig {
            channel_id: CHANNEL_ID,
            channel_account_id: ACCOUNT.to_owned(),
            business_number: BUSINESS.to_owned(),
        },
    );
    tokio::spawn(axum::serve(listener, bridge.router()).into_future());
    Setup {
        fake,
        client,
        bridge,
        chat,
        bridge_url,
    }
}

async fn setup() -> Setup {
    setup_with_secrets("shared-secret", "shared-secret").await
}

/// A visitor's first text, relayed; returns the thread id.
async fn visitor_opens_thread(setup: &Setup, from: &str) -> i64 {
    let text = setup
        .chat
        .visitor_says(from, "Ada", BUSINESS, "Where is my order?");
    let published = setup.bridge.relay_incoming(&text).await.unwrap();
    published.conversations_thread_id.parse().unwrap()
}

/// An agent's reply in HubSpot; returns its message id.
async fn agent_says(client: &Client, thread_id: i64, to: &str, text: &str) -> String {
    let reply = PublicConversationsMessageEgg::builder()
        .text(text)
        .sender_actor_id("A-3003")
        .channel_id(CHANNEL_ID.to_string())
        .channel_account_id(ACCOUNT)
        .recipients(vec![
            PublicRecipientEgg::builder()
                .delivery_identifiers(vec![
                    PublicDeliveryIdentifier::builder()
                        .r#type(DeliveryIdentifierType::HsPhoneNumber)
                        .value(to)
                        .build(),
                ])
                .build(),
        ])
        .attachments(vec![])
        .build();
    let sent = SendThreadMessage::builder()
        .thread_id(thread_id)
        .message(reply)
        .send(client)
        .await
        .unwrap();
    let PublicMessage::Message(message) = sent else {
        panic!("{sent:?}")
    };
    message.id
}

fn stored(fake: &FakeHubSpot, thread_id: i64, message_id: &str) -> Value {
    fake.thread_messages(&thread_id.to_string())
        .unwrap()
        .into_iter()
        .find(|m| m["id"] == message_id)
        .unwrap_or_else(|| panic!("message {message_id} not in thread {thread_id}"))
}

fn status_patches(fake: &FakeHubSpot, message_id: &str) -> usize {
    fake.requests()
        .iter()
        .filter(|r| r.method == "PATCH" && r.path.ends_with(&format!("/messages/{message_id}")))
        .count()
}

#[tokio::test]
async fn round_trip_webhook_delivery_status_and_reply() {
    let setup = setup().await;
    let thread = visitor_opens_thread(&setup, ADA).await;

    let reply_id = agent_says(&setup.client, thread, ADA, "It ships tomorrow.").await;
    // Until the bridge reports, HubSpot has no status for it.
    let deliveries = setup.fake.settle_webhooks(SETTLE).await;
    assert_eq!(deliveries.len(), 1);
    assert_eq!(deliveries[0].outcome, DeliveryOutcome::Delivered);
    assert_eq!(deliveries[0].attempts.len(), 1);

    // The chat got it, once, from the business line.
    let inbox = setup.chat.inbox(ADA);
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].text, "It ships tomorrow.");
    assert_eq!(inbox[0].from, BUSINESS);
    // HubSpot shows it SENT.
    assert_eq!(
        stored(&setup.fake, thread, &reply_id)["status"],
        json!({"statusType": "SENT"})
    );
    assert_eq!(status_patches(&setup.fake, &reply_id), 1);

    // Ada's answer lands in the same thread, as INCOMING.
    let answer = setup
        .chat
        .visitor_says(ADA, "Ada", BUSINESS, "Great, thanks!");
    let published = setup.bridge.relay_incoming(&answer).await.unwrap();
    assert_eq!(published.conversations_thread_id, thread.to_string());
    let thread_messages = setup.fake.thread_messages(&thread.to_string()).unwrap();
    let lines: Vec<(&str, &str)> = thread_messages
        .iter()
        .map(|m| {
            (
                m["direction"].as_str().unwrap(),
                m["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("INCOMING", "Where is my order?"),
            ("OUTGOING", "It ships tomorrow."),
            ("INCOMING", "Great, thanks!"),
        ]
    );
    // Relaying the same chat message again (say, after a crash) does not
    // duplicate it: the chat's id is the idempotency key.
    setup.bridge.relay_incoming(&answer).await.unwrap();
    assert_eq!(
        setup
            .fake
            .thread_messages(&thread.to_string())
            .unwrap()
            .len(),
        3
    );
}

#[tokio::test]
async fn an_undeliverable_message_is_reported_failed_with_the_reason() {
    let setup = setup().await;
    let thread = visitor_opens_thread(&setup, ADA).await;
    setup
        .chat
        .make_unreachable(ADA, "the handset is switched off");
    let reply_id = agent_says(&setup.client, thread, ADA, "Calling you back.").await;
    setup.fake.settle_webhooks(SETTLE).await;

    assert!(setup.chat.inbox(ADA).is_empty());
    assert_eq!(
        stored(&setup.fake, thread, &reply_id)["status"],
        json!({
            "statusType": "FAILED",
            "failureDetails": {
                "errorMessage": "the handset is switched off",
                "errorMessageTokens": {}
            }
        })
    );
}

#[tokio::test]
async fn a_replayed_webhook_is_acknowledged_but_not_delivered_twice() {
    let setup = setup().await;
    let thread = visitor_opens_thread(&setup, ADA).await;
    let reply_id = agent_says(&setup.client, thread, ADA, "Only once, please.").await;
    let deliveries = setup.fake.settle_webhooks(SETTLE).await;
    let attempt = &deliveries[0].attempts[0];

    // HubSpot sends the very same request again (a retry within the
    // five-minute window): same body, same signature.
    let response = reqwest::Client::new()
        .post(format!("{}{WEBHOOK_PATH}", setup.bridge_url))
        .header("content-type", "application/json")
        .header(
            "x-hubspot-signature-v3",
            attempt.header("x-hubspot-signature-v3").unwrap(),
        )
        .header(
            "x-hubspot-request-timestamp",
            attempt.header("x-hubspot-request-timestamp").unwrap(),
        )
        .body(deliveries[0].body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.text().await.unwrap().contains("Duplicate"));

    assert_eq!(setup.chat.inbox(ADA).len(), 1);
    assert_eq!(status_patches(&setup.fake, &reply_id), 1);
}

#[tokio::test]
async fn a_failed_status_report_is_retried_without_redelivering() {
    let setup = setup().await;
    let thread = visitor_opens_thread(&setup, ADA).await;
    // Point the channel's webhooks nowhere, so that this test drives the
    // event into the bridge itself, at a moment HubSpot's API is down.
    let closed = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    setup
        .fake
        .register_channel(CHANNEL_ID, format!("http://{closed}/gone"));
    let reply_id = agent_says(&setup.client, thread, ADA, "Hello again.").await;
    let deliveries = setup.fake.settle_webhooks(SETTLE).await;
    assert_eq!(deliveries[0].outcome, DeliveryOutcome::GaveUp);
    let [event] = CustomChannelEvent::parse_batch(&deliveries[0].body)
        .unwrap()
        .try_into()
        .unwrap();

    // HubSpot's API is down: the status PATCH gets 503s for longer than the
    // client retries, so the bridge asks for a retry (its webhook answer
    // would be a 503), but the text is already delivered.
    setup.fake.set_faults(Some(
        FaultConfig::new(1.0).with_kinds([Fault::ServiceUnavailable]),
    ));
    let error = setup.bridge.handle(event.clone()).await.unwrap_err();
    setup.fake.set_faults(None);
    assert!(error.to_string().contains("503"), "{error}");
    assert_eq!(setup.chat.inbox(ADA).len(), 1);
    assert_eq!(stored(&setup.fake, thread, &reply_id).get("status"), None);

    // HubSpot retries: the status is reported, the text is not sent again.
    let handling = setup.bridge.handle(event.clone()).await.unwrap();
    assert!(
        matches!(
            &handling,
            Handling::Reported { message_id, outcome: Outcome::Delivered(_) } if *message_id == reply_id
        ),
        "{handling:?}"
    );
    assert_eq!(setup.chat.inbox(ADA).len(), 1);
    assert_eq!(
        stored(&setup.fake, thread, &reply_id)["status"],
        json!({"statusType": "SENT"})
    );
    // Once reported, further retries are duplicates: nothing is sent or
    // reported again.
    assert_eq!(
        setup.bridge.handle(event).await.unwrap(),
        Handling::Duplicate {
            message_id: reply_id.clone()
        }
    );
    assert_eq!(setup.chat.inbox(ADA).len(), 1);
    // Every attempt during the outage, then the one that got through.
    assert_eq!(
        status_patches(&setup.fake, &reply_id),
        CLIENT_ATTEMPTS as usize + 1
    );
}

#[tokio::test]
async fn webhooks_signed_with_another_secret_are_refused() {
    let setup = setup_with_secrets("hubspot-secret", "a-different-secret").await;
    let thread = visitor_opens_thread(&setup, ADA).await;
    let reply_id = agent_says(&setup.client, thread, ADA, "Can you see this?").await;
    let deliveries = setup.fake.settle_webhooks(SETTLE).await;

    // A 401 is final: HubSpot does not retry a 4xx.
    assert_eq!(deliveries[0].outcome, DeliveryOutcome::Rejected);
    let statuses: Vec<_> = deliveries[0].attempts.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [Some(401)]);
    assert!(setup.chat.messages().iter().all(|m| m.to != ADA));
    assert_eq!(stored(&setup.fake, thread, &reply_id).get("status"), None);
}

#[tokio::test]
async fn other_events_are_acknowledged_and_ignored() {
    let setup = setup().await;
    assert!(setup.fake.send_webhook(
        CHANNEL_ID,
        &json!({"type": "CHANNEL_ACCOUNT_UPDATED", "channelAccountId": ACCOUNT})
    ));
    assert!(
        setup
            .fake
            .send_webhook(CHANNEL_ID, &json!({"type": "SOMETHING_NEW", "x": 1}))
    );
    // Signed by HubSpot but not an event at all: a 4xx, not retried as if
    // it might pass.
    assert!(
        setup
            .fake
            .send_webhook(CHANNEL_ID, &json!({"no type": true}))
    );
    let deliveries = setup.fake.settle_webhooks(SETTLE).await;
    let statuses: Vec<_> = deliveries
        .iter()
        .map(|d| (d.outcome, d.attempts.len(), d.attempts[0].status))
        .collect();
    assert_eq!(
        statuses,
        [
            (DeliveryOutcome::Delivered, 1, Some(200)),
            (DeliveryOutcome::Delivered, 1, Some(200)),
            (DeliveryOutcome::Rejected, 1, Some(422)),
        ]
    );
    assert!(setup.chat.messages().is_empty());
}
