//! The custom-channel bridge example's core against the fake, over real
//! loopback sockets: a public app installed in two accounts through the
//! bridge's own `/install` and `/oauth-callback` routes, its channel created
//! with the developer key; the fake POSTs signed webhooks naming the
//! account, the bridge verifies them with the runtime's `Verifier`, delivers
//! on its toy chat from that account's line and PATCHes the status as that
//! account; replies are published back into the same thread. Retries and
//! replays never deliver twice, and a forged or replayed `state` installs
//! nothing. Each visitor's contact is found, or created, in the account's
//! own CRM and pre-resolved in the publish; a CRM outage loses no message.
#![cfg(feature = "crm")]

#[path = "../examples/custom_channel_bridge/bridge.rs"]
mod bridge;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use bridge::{
    Bridge, BridgeConfig, CALLBACK_PATH, ContactError, ContactSource, ExternalChat, Handling,
    INSTALL_PATH, Outcome, RelayError, SCOPES, WEBHOOK_PATH, create_channel,
};
use hubspot_api::conversations::contact_property::ContactProperty;
use hubspot_api::conversations::custom_channels::channel_accounts::GetCustomChannelAccount;
use hubspot_api::conversations::custom_channels::webhooks::CustomChannelEvent;
use hubspot_api::conversations::models::{
    DeliveryIdentifierType, PublicDeliveryIdentifier, PublicMessage,
};
use hubspot_api::conversations::threads::GetThread;
use hubspot_api::conversations::threads::messages::{
    PublicConversationsMessageEgg, PublicRecipientEgg, SendThreadMessage,
};
use hubspot_api::webhooks::{ClientSecret, Verifier};
use hubspot_api::{Client, DeveloperKey, OAuthApp};
use hubspot_fake::{
    CrmObjectType, CrmSeed, DeliveryOutcome, FakeConfig, FakeHubSpot, Fault, FaultConfig,
    GrantType, ScriptedResponse, WebhookRetry,
};
use serde_json::{Value, json};
use tokio::net::TcpListener;

const A: u64 = 101;
const B: u64 = 202;
const LINE_A: &str = "+15550199";
const LINE_B: &str = "+15550299";
const ADA: &str = "+15550100";
const BOB: &str = "+15550111";
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
    channel_id: i32,
}

/// How to set up.
struct Options {
    /// The secret the fake signs webhooks with (and the app's client secret).
    fake_secret: &'static str,
    /// The secret the bridge verifies webhooks with.
    bridge_secret: &'static str,
    /// Whether accounts A and B install the app (through the callback).
    install: bool,
    token_lifetime: Option<Duration>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            fake_secret: "shared-secret",
            bridge_secret: "shared-secret",
            install: true,
            token_lifetime: None,
        }
    }
}

/// The fake with accounts A and B and the app's redirect URI on the bridge;
/// the app's channel created with the developer key, its webhook URL on the
/// bridge; A installed for `LINE_A` and B for `LINE_B` unless told not to.
async fn setup_with(options: Options) -> Setup {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let bridge_url = format!("http://{}", listener.local_addr().unwrap());
    let mut config = FakeConfig {
        client_secret: options.fake_secret.to_owned(),
        webhook_retry: WebhookRetry {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(5),
            max_backoff: Duration::from_millis(20),
            timeout: Duration::from_secs(5),
        },
        ..FakeConfig::default()
            .with_accounts([A as i64, B as i64])
            .require_developer_key(true)
            .rotate_refresh_tokens(true)
    };
    if let Some(lifetime) = options.token_lifetime {
        config = config.token_lifetime(lifetime);
    }
    config.oauth.redirect_uri = format!("{bridge_url}{CALLBACK_PATH}");
    // The app may ask for every scope the bridge asks for (the CRM's too).
    for scope in SCOPES {
        if !config.oauth.scopes.iter().any(|s| s == scope) {
            config.oauth.scopes.push((*scope).to_owned());
        }
    }
    let fake = FakeHubSpot::start_with(config).await.unwrap();
    let app = fake.oauth_app();
    let client = Client::builder()
        .base_url(fake.base_url())
        .authorize_url(fake.authorize_endpoint())
        .oauth_app(OAuthApp::new(
            &app.client_id,
            fake.client_secret(),
            &app.redirect_uri,
        ))
        .developer_key(DeveloperKey::new(&app.developer_key, app.app_id as u64))
        .retry_policy(
            hubspot_runtime::RetryPolicy::default()
                .with_max_attempts(CLIENT_ATTEMPTS)
                .with_initial_backoff(Duration::from_millis(5))
                .with_max_backoff(Duration::from_millis(20)),
        )
        .build()
        .unwrap();
    let channel_id = create_channel(&client, "SMS", &format!("{bridge_url}{WEBHOOK_PATH}"))
        .await
        .unwrap();
    let verifier = Verifier::new(ClientSecret::new(options.bridge_secret))
        .public_url(bridge_url.clone())
        .unwrap();
    let chat = ExternalChat::default();
    let bridge = Bridge::new(
        client.clone(),
        verifier,
        chat.clone(),
        BridgeConfig {
            channel_id,
            inbox_id: None,
        },
    );
    tokio::spawn(axum::serve(listener, bridge.router()).into_future());
    let setup = Setup {
        fake,
        client,
        bridge,
        chat,
        bridge_url,
        channel_id,
    };
    if options.install {
        for (hub, line) in [(A, LINE_A), (B, LINE_B)] {
            let redirect = approved_redirect(&setup, hub, line).await;
            let (status, body) = get(&redirect).await;
            assert_eq!(status, 200, "{body}");
        }
    }
    setup
}

async fn setup() -> Setup {
    setup_with(Options::default()).await
}

/// A browser that does not follow redirects.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn get(url: &str) -> (u16, String) {
    let response = browser().get(url).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// An install of the app for `line` started at the bridge's `/install`,
/// approved by the admin of account `hub`: the URL HubSpot redirects the
/// browser to (the bridge's callback, with `code` and `state`).
async fn approved_redirect(setup: &Setup, hub: u64, line: &str) -> String {
    let response = browser()
        .get(format!(
            "{}{INSTALL_PATH}?line={}",
            setup.bridge_url,
            line.replace('+', "%2B")
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 302);
    let authorize = response.headers()["location"].to_str().unwrap().to_owned();
    let redirect = setup.fake.authorize(hub as i64, &authorize).unwrap();
    assert!(
        redirect.starts_with(&format!("{}{CALLBACK_PATH}?code=", setup.bridge_url)),
        "{redirect}"
    );
    redirect
}

/// The query parameters of `url`, undecoded.
fn query_of(url: &str) -> HashMap<String, String> {
    url.split_once('?')
        .map(|(_, q)| q)
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// A visitor's first text to `line`, relayed; returns the thread id.
async fn visitor_opens_thread(setup: &Setup, from: &str, line: &str) -> i64 {
    let text = setup
        .chat
        .visitor_says(from, "Ada", line, "Where is my order?");
    let relayed = setup.bridge.relay_incoming(&text).await.unwrap();
    relayed.message.conversations_thread_id.parse().unwrap()
}

/// An agent's reply in account `hub`; returns its message id.
async fn agent_says(setup: &Setup, hub: u64, thread_id: i64, to: &str, text: &str) -> String {
    let line = setup.bridge.line(hub).expect("the account is installed");
    let reply = PublicConversationsMessageEgg::builder()
        .text(text)
        .sender_actor_id("A-3003")
        .channel_id(setup.channel_id.to_string())
        .channel_account_id(line.channel_account_id)
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
        .send(&setup.client.account(hub))
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
    let thread = visitor_opens_thread(&setup, ADA, LINE_A).await;

    let reply_id = agent_says(&setup, A, thread, ADA, "It ships tomorrow.").await;
    let deliveries = setup.fake.settle_webhooks(SETTLE).await;
    assert_eq!(deliveries.len(), 1);
    assert_eq!(deliveries[0].outcome, DeliveryOutcome::Delivered);
    assert_eq!(deliveries[0].attempts.len(), 1);

    // The chat got it, once, from account A's line.
    let inbox = setup.chat.inbox(ADA);
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].text, "It ships tomorrow.");
    assert_eq!(inbox[0].from, LINE_A);
    // HubSpot shows it SENT.
    assert_eq!(
        stored(&setup.fake, thread, &reply_id)["status"],
        json!({"statusType": "SENT"})
    );
    assert_eq!(status_patches(&setup.fake, &reply_id), 1);

    // Ada's answer lands in the same thread, as INCOMING.
    let answer = setup
        .chat
        .visitor_says(ADA, "Ada", LINE_A, "Great, thanks!");
    let relayed = setup.bridge.relay_incoming(&answer).await.unwrap();
    assert_eq!(relayed.message.conversations_thread_id, thread.to_string());
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
    // A text to a line no account connected is not published anywhere.
    let stray = setup
        .chat
        .visitor_says(ADA, "Ada", "+15550000", "Anyone there?");
    let error = setup.bridge.relay_incoming(&stray).await.unwrap_err();
    assert!(
        matches!(&error, RelayError::NoLine(line) if line == "+15550000"),
        "{error}"
    );
}

#[tokio::test]
async fn two_accounts_webhooks_are_routed_to_their_own_account() {
    let setup = setup().await;
    let thread_a = visitor_opens_thread(&setup, ADA, LINE_A).await;
    let thread_b = visitor_opens_thread(&setup, BOB, LINE_B).await;
    // Each visitor's text went to the account of the line it was sent to.
    let texts = |hub: u64| {
        setup
            .fake
            .account_messages(hub as i64)
            .unwrap()
            .iter()
            .map(|m| m["text"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(A), ["Where is my order?"]);
    assert_eq!(texts(B), ["Where is my order?"]);

    let reply_a = agent_says(&setup, A, thread_a, ADA, "Acme here: tomorrow.").await;
    let reply_b = agent_says(&setup, B, thread_b, BOB, "Bolt here: on Friday.").await;
    let deliveries = setup.fake.settle_webhooks(SETTLE).await;
    let portals: Vec<_> = deliveries
        .iter()
        .map(|d| serde_json::from_slice::<Value>(&d.body).unwrap()["portalId"].clone())
        .collect();
    assert_eq!(portals, [json!(A.to_string()), json!(B.to_string())]);
    assert!(
        deliveries
            .iter()
            .all(|d| d.outcome == DeliveryOutcome::Delivered)
    );

    // Each reply went out from its own account's line...
    let ada = setup.chat.inbox(ADA);
    let bob = setup.chat.inbox(BOB);
    assert_eq!(
        (ada.len(), ada[0].from.as_str(), ada[0].text.as_str()),
        (1, LINE_A, "Acme here: tomorrow.")
    );
    assert_eq!(
        (bob.len(), bob[0].from.as_str(), bob[0].text.as_str()),
        (1, LINE_B, "Bolt here: on Friday.")
    );
    // ...and its status was reported as its own account: a token of the
    // other account gets 404 for it, and it would have no status.
    assert_eq!(
        stored(&setup.fake, thread_a, &reply_a)["status"],
        json!({"statusType": "SENT"})
    );
    assert_eq!(
        stored(&setup.fake, thread_b, &reply_b)["status"],
        json!({"statusType": "SENT"})
    );
    assert_eq!(status_patches(&setup.fake, &reply_a), 1);
    assert_eq!(status_patches(&setup.fake, &reply_b), 1);

    // The same event claiming another account: that account has no line
    // here, so nothing is delivered or reported.
    let mut event: Value = serde_json::from_slice(&deliveries[1].body).unwrap();
    event["portalId"] = json!("303");
    let [event] = CustomChannelEvent::parse_batch(event.to_string().as_bytes())
        .unwrap()
        .try_into()
        .unwrap();
    let handling = setup.bridge.handle(event).await.unwrap();
    assert!(
        matches!(&handling, Handling::Ignored(why) if why.contains("303")),
        "{handling:?}"
    );
    assert_eq!(setup.chat.inbox(BOB).len(), 1);
    assert_eq!(status_patches(&setup.fake, &reply_b), 1);
}

#[tokio::test]
async fn installs_go_through_the_callback_and_a_bad_state_installs_nothing() {
    let setup = setup_with(Options {
        install: false,
        ..Options::default()
    })
    .await;
    let code_exchanges = |hub: u64| {
        setup
            .fake
            .account_stats(hub as i64)
            .unwrap()
            .token_calls(GrantType::AuthorizationCode)
    };

    // The authorize URL the bridge redirects to asks for the bridge's
    // scopes and carries a fresh state.
    let redirect = approved_redirect(&setup, A, LINE_A).await;
    let params = query_of(&redirect);
    assert_eq!(params["state"].len(), 32, "{redirect}");

    // A forged state: 400, and the code is not even sent to HubSpot.
    let forged = redirect.replace(&params["state"], "0123456789abcdef0123456789abcdef");
    let (status, body) = get(&forged).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("not started here"), "{body}");
    let (status, _) = get(&format!(
        "{}{CALLBACK_PATH}?code={}",
        setup.bridge_url, params["code"]
    ))
    .await;
    assert_eq!(status, 400, "no state at all");
    assert_eq!(code_exchanges(A), 0);
    assert!(setup.bridge.lines().is_empty());

    // The real redirect installs the app in account A and connects its line.
    let (status, body) = get(&redirect).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("account 101") && !body.contains(&params["code"]),
        "{body}"
    );
    assert_eq!(code_exchanges(A), 1);
    let line = setup.bridge.line(A).expect("A is connected");
    assert_eq!((line.hub_id, line.business_number.as_str()), (A, LINE_A));
    let mut scopes = line.scopes.clone();
    scopes.sort();
    let mut asked: Vec<_> = SCOPES.iter().map(|s| (*s).to_owned()).collect();
    asked.sort();
    assert_eq!(scopes, asked);
    // The channel account is A's: A's token reads it.
    let read = GetCustomChannelAccount::builder()
        .channel_id(setup.channel_id)
        .channel_account_id(line.channel_account_id.parse::<i64>().unwrap());
    let account = read.clone().send(&setup.client.account(A)).await.unwrap();
    assert_eq!(account.id, line.channel_account_id);

    // The same redirect again (a replay): its state is spent.
    let (status, body) = get(&redirect).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(code_exchanges(A), 1);

    // An admin who declines: the state is spent, nothing installed.
    let declined = approved_redirect(&setup, B, LINE_B).await;
    let state = query_of(&declined)["state"].clone();
    let (status, body) = get(&format!(
        "{}{CALLBACK_PATH}?error=access_denied&error_description=nope&state={state}",
        setup.bridge_url
    ))
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("access_denied"), "{body}");
    let (status, _) = get(&declined).await;
    assert_eq!(status, 400, "the declined install's state is spent");
    assert_eq!(code_exchanges(B), 0);
    assert!(setup.bridge.line(B).is_none());

    // B installs for real.
    let redirect = approved_redirect(&setup, B, LINE_B).await;
    assert_eq!(get(&redirect).await.0, 200);
    let lines: Vec<_> = setup
        .bridge
        .lines()
        .into_iter()
        .map(|l| (l.hub_id, l.business_number))
        .collect();
    assert_eq!(lines, [(A, LINE_A.to_owned()), (B, LINE_B.to_owned())]);
    // Each line is its own account's: B's token does not find A's.
    let error = read.send(&setup.client.account(B)).await.unwrap_err();
    assert!(
        matches!(error, hubspot_api::Error::NotFound(_)),
        "{error:?}"
    );
}

#[tokio::test]
async fn tokens_expiring_mid_conversation_are_refreshed_ahead_of_time() {
    let lifetime = Duration::from_secs(2);
    let setup = setup_with(Options {
        token_lifetime: Some(lifetime),
        ..Options::default()
    })
    .await;
    let started = Instant::now();
    let thread_a = visitor_opens_thread(&setup, ADA, LINE_A).await;
    let thread_b = visitor_opens_thread(&setup, BOB, LINE_B).await;
    for round in 0..6 {
        tokio::time::sleep(Duration::from_millis(700)).await;
        agent_says(&setup, A, thread_a, ADA, &format!("a {round}")).await;
        agent_says(&setup, B, thread_b, BOB, &format!("b {round}")).await;
        setup.fake.settle_webhooks(SETTLE).await;
    }
    assert!(started.elapsed() > 2 * lifetime);
    for (hub, phone) in [(A, ADA), (B, BOB)] {
        let stats = setup.fake.account_stats(hub as i64).unwrap();
        assert_eq!(stats.expired_token_requests, 0, "account {hub}");
        assert!(
            stats.token_calls(GrantType::RefreshToken) >= 2,
            "account {hub}: {stats:?}"
        );
        assert_eq!(setup.chat.inbox(phone).len(), 6);
        let messages = setup.fake.account_messages(hub as i64).unwrap();
        assert!(
            messages
                .iter()
                .filter(|m| m["direction"] == "OUTGOING")
                .all(|m| m["status"] == json!({"statusType": "SENT"})),
            "{messages:?}"
        );
    }
}

#[tokio::test]
async fn an_undeliverable_message_is_reported_failed_with_the_reason() {
    let setup = setup().await;
    let thread = visitor_opens_thread(&setup, ADA, LINE_A).await;
    setup
        .chat
        .make_unreachable(ADA, "the handset is switched off");
    let reply_id = agent_says(&setup, A, thread, ADA, "Calling you back.").await;
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
    let thread = visitor_opens_thread(&setup, ADA, LINE_A).await;
    let reply_id = agent_says(&setup, A, thread, ADA, "Only once, please.").await;
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
    let thread = visitor_opens_thread(&setup, ADA, LINE_A).await;
    // Point the channel's webhooks nowhere, so that this test drives the
    // event into the bridge itself, at a moment HubSpot's API is down.
    let closed = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    setup
        .fake
        .register_channel(setup.channel_id, format!("http://{closed}/gone"));
    let reply_id = agent_says(&setup, A, thread, ADA, "Hello again.").await;
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
            Handling::Reported { hub_id: A, message_id, outcome: Outcome::Delivered(_) }
                if *message_id == reply_id
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
            hub_id: A,
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
    let setup = setup_with(Options {
        fake_secret: "hubspot-secret",
        bridge_secret: "a-different-secret",
        ..Options::default()
    })
    .await;
    let thread = visitor_opens_thread(&setup, ADA, LINE_A).await;
    let reply_id = agent_says(&setup, A, thread, ADA, "Can you see this?").await;
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
    let channel = setup.channel_id;
    let account = setup.bridge.line(A).unwrap().channel_account_id;
    assert!(setup.fake.send_webhook(
        channel,
        &json!({"type": "CHANNEL_ACCOUNT_UPDATED", "portalId": "101", "channelAccountId": account})
    ));
    assert!(
        setup
            .fake
            .send_webhook(channel, &json!({"type": "SOMETHING_NEW", "x": 1}))
    );
    // Signed by HubSpot but not an event at all: a 4xx, not retried as if
    // it might pass.
    assert!(setup.fake.send_webhook(channel, &json!({"no type": true})));
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

// ---- the visitor's contact --------------------------------------------------

/// The CRM requests the fake received so far: (searches, creates, reads).
fn crm_requests(fake: &FakeHubSpot) -> (usize, usize, usize) {
    let requests = fake.requests();
    let count = |method: &str, matches: &dyn Fn(&str) -> bool| {
        requests
            .iter()
            .filter(|r| r.method == method && r.path.starts_with("/crm/") && matches(&r.path))
            .count()
    };
    (
        count("POST", &|p| p.ends_with("/contacts/search")),
        count("POST", &|p| p.ends_with("/contacts")),
        count("GET", &|p| p.contains("/contacts/")),
    )
}

/// A stored contact's id.
fn id_of(contact: &Value) -> i64 {
    contact["id"].as_str().unwrap().parse().unwrap()
}

fn contacts(fake: &FakeHubSpot, hub: u64) -> Vec<Value> {
    fake.crm_objects(hub as i64, CrmObjectType::Contacts)
        .unwrap()
}

/// The thread's `associatedContactId`, read as account `hub`.
async fn thread_contact(setup: &Setup, hub: u64, thread_id: &str) -> i64 {
    let thread = GetThread::builder()
        .thread_id(thread_id.parse::<i64>().unwrap())
        .send(&setup.client.account(hub))
        .await
        .unwrap();
    thread.associated_contact_id.to_string().parse().unwrap()
}

/// The `preResolvedContacts` of the last publish the fake received.
fn last_pre_resolved(fake: &FakeHubSpot) -> Value {
    let publish = fake
        .requests()
        .into_iter()
        .rev()
        .find(|r| {
            r.method == "POST"
                && r.path.ends_with("/messages")
                && r.path.contains("custom-channels")
        })
        .expect("a publish");
    publish.json().unwrap()["preResolvedContacts"].clone()
}

#[tokio::test]
async fn a_new_visitor_gets_one_contact_which_is_the_threads_and_is_remembered() {
    let setup = setup().await;
    let (before_a, before_b) = (contacts(&setup.fake, A), contacts(&setup.fake, B));
    let first = setup
        .chat
        .visitor_says(ADA, "Ada Byron", LINE_A, "Is my order in?");
    let relayed = setup.bridge.relay_incoming(&first).await.unwrap();
    let contact = relayed.contact.expect("resolved");
    assert_eq!(contact.source, ContactSource::Created);
    assert_eq!(contact.matched_on, [ContactProperty::Phone]);
    assert_eq!(crm_requests(&setup.fake), (1, 1, 0));

    // Exactly one contact more, in account A only, made from what the chat
    // service knows.
    let after = contacts(&setup.fake, A);
    assert_eq!(after.len(), before_a.len() + 1);
    let created = after
        .iter()
        .find(|c| id_of(c) == contact.contact_id)
        .expect("the created contact is A's");
    assert_eq!(created["properties"]["phone"], ADA);
    assert_eq!(created["properties"]["firstname"], "Ada");
    assert_eq!(created["properties"]["lastname"], "Byron");
    assert_eq!(contacts(&setup.fake, B), before_b);
    // The publish named it, and the thread is its.
    assert_eq!(
        last_pre_resolved(&setup.fake),
        json!({"contacts": [{"contactVid": contact.contact_id, "contactPropertiesLeadingToMatch": ["phone"]}]})
    );
    let thread = relayed.message.conversations_thread_id;
    assert_eq!(thread_contact(&setup, A, &thread).await, contact.contact_id);

    // The same visitor again: the remembered contact, no CRM request, no
    // second contact, the same thread.
    let second = setup.chat.visitor_says(ADA, "Ada Byron", LINE_A, "Hello?");
    let relayed = setup.bridge.relay_incoming(&second).await.unwrap();
    let again = relayed.contact.expect("resolved");
    assert_eq!(
        (again.contact_id, again.source),
        (contact.contact_id, ContactSource::Cached)
    );
    assert_eq!(relayed.message.conversations_thread_id, thread);
    assert_eq!(crm_requests(&setup.fake), (1, 1, 0));
    assert_eq!(contacts(&setup.fake, A).len(), before_a.len() + 1);
    assert_eq!(
        setup.bridge.cached_contact(A, ADA),
        Some(contact.contact_id)
    );
}

#[tokio::test]
async fn a_visitor_who_is_a_contact_already_is_found_not_created() {
    let setup = setup().await;
    // Grace is in A's CRM by email only; Bob by his mobile number.
    let grace = setup.fake.seed_crm(
        CrmSeed::contact([("email", "grace@example.com"), ("firstname", "Grace")])
            .in_account(A as i64),
    );
    let grace = id_of(&grace[0]);
    let bob = setup
        .fake
        .seed_crm(CrmSeed::contact([("mobilephone", BOB)]).in_account(A as i64));
    let bob = id_of(&bob[0]);
    let before = contacts(&setup.fake, A).len();
    const GRACE: &str = "+15550122";
    setup.chat.set_email(GRACE, "Grace@Example.com");

    let text = setup
        .chat
        .visitor_says(GRACE, "Grace", LINE_A, "Hi, it's Grace.");
    let relayed = setup.bridge.relay_incoming(&text).await.unwrap();
    let found = relayed.contact.expect("resolved");
    assert_eq!(
        (found.contact_id, found.source, found.matched_on.as_slice()),
        (
            grace,
            ContactSource::Found,
            [ContactProperty::Email].as_slice()
        )
    );
    // Her contact has no phone number: only the pre-resolved contact makes
    // the thread hers (matching the number, a new contact would be made).
    let thread = relayed.message.conversations_thread_id;
    assert_eq!(thread_contact(&setup, A, &thread).await, grace);

    let text = setup.chat.visitor_says(BOB, "Bob", LINE_A, "Bob here.");
    let relayed = setup.bridge.relay_incoming(&text).await.unwrap();
    let found = relayed.contact.expect("resolved");
    assert_eq!(
        (found.contact_id, found.source, found.matched_on.as_slice()),
        (
            bob,
            ContactSource::Found,
            [ContactProperty::Mobilephone].as_slice()
        )
    );
    let thread = relayed.message.conversations_thread_id;
    assert_eq!(thread_contact(&setup, A, &thread).await, bob);

    // Two searches, nothing created.
    assert_eq!(crm_requests(&setup.fake), (2, 0, 0));
    assert_eq!(contacts(&setup.fake, A).len(), before);
}

#[tokio::test]
async fn each_account_gets_its_own_contact_for_the_same_visitor() {
    let setup = setup().await;
    let (before_a, before_b) = (
        contacts(&setup.fake, A).len(),
        contacts(&setup.fake, B).len(),
    );
    let mut resolved = Vec::new();
    for (hub, line) in [(A, LINE_A), (B, LINE_B)] {
        let text = setup.chat.visitor_says(ADA, "Ada", line, "Hello!");
        let relayed = setup.bridge.relay_incoming(&text).await.unwrap();
        let contact = relayed.contact.expect("resolved");
        assert_eq!(contact.source, ContactSource::Created, "account {hub}");
        let thread = relayed.message.conversations_thread_id;
        assert_eq!(
            thread_contact(&setup, hub, &thread).await,
            contact.contact_id
        );
        assert!(
            contacts(&setup.fake, hub)
                .iter()
                .any(|c| id_of(c) == contact.contact_id),
            "account {hub} holds its contact"
        );
        resolved.push(contact.contact_id);
    }
    assert_ne!(resolved[0], resolved[1]);
    assert_eq!(contacts(&setup.fake, A).len(), before_a + 1);
    assert_eq!(contacts(&setup.fake, B).len(), before_b + 1);
    assert_eq!(setup.bridge.cached_contact(A, ADA), Some(resolved[0]));
    assert_eq!(setup.bridge.cached_contact(B, ADA), Some(resolved[1]));
    // One search and one create in each account; A's cache is not B's.
    assert_eq!(crm_requests(&setup.fake), (2, 2, 0));
}

#[tokio::test]
async fn a_crm_outage_loses_no_message_and_the_lookup_is_tried_again() {
    let setup = setup().await;
    // The search fails on every attempt the client makes.
    for _ in 0..CLIENT_ATTEMPTS {
        setup.fake.push_fault(Fault::ServiceUnavailable);
    }
    let text = setup.chat.visitor_says(ADA, "Ada", LINE_A, "Anyone there?");
    let relayed = setup.bridge.relay_incoming(&text).await.unwrap();
    let error = relayed.contact.unwrap_err();
    assert!(matches!(error, ContactError::Search(_)), "{error:?}");
    assert!(error.to_string().contains("503"), "{error}");
    // Published all the same, with no pre-resolved contact: HubSpot matched
    // the visitor itself (the fake makes a contact of the number).
    let thread = relayed.message.conversations_thread_id;
    let stored = setup.fake.thread_messages(&thread).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["text"], "Anyone there?");
    assert_eq!(last_pre_resolved(&setup.fake), Value::Null);
    assert_eq!(setup.bridge.cached_contact(A, ADA), None);
    let (searches, creates, _) = crm_requests(&setup.fake);
    assert_eq!((searches, creates), (CLIENT_ATTEMPTS as usize, 0));

    // The next message looks again, and finds the contact HubSpot made.
    let text = setup.chat.visitor_says(ADA, "Ada", LINE_A, "Hello?");
    let relayed = setup.bridge.relay_incoming(&text).await.unwrap();
    let found = relayed.contact.expect("resolved this time");
    assert_eq!(found.source, ContactSource::Found);
    assert_eq!(thread_contact(&setup, A, &thread).await, found.contact_id);
    assert_eq!(
        crm_requests(&setup.fake),
        (CLIENT_ATTEMPTS as usize + 1, 0, 0)
    );
}

#[tokio::test]
async fn a_contact_the_search_does_not_show_yet_is_read_by_email() {
    let setup = setup().await;
    let grace = setup
        .fake
        .seed_crm(CrmSeed::contact([("email", "grace@example.com")]).in_account(A as i64));
    let grace = id_of(&grace[0]);
    let before = contacts(&setup.fake, A).len();
    setup.chat.set_email(BOB, "grace@example.com");
    // HubSpot's search index lags behind its writes: it shows nothing yet.
    setup.fake.push_response(ScriptedResponse::json(
        200,
        json!({"total": 0, "results": []}),
    ));
    let text = setup.chat.visitor_says(BOB, "Grace", LINE_A, "Hi!");
    let relayed = setup.bridge.relay_incoming(&text).await.unwrap();
    // The create is refused (409, the email is taken): read by email.
    let found = relayed.contact.expect("resolved");
    assert_eq!(
        (found.contact_id, found.source),
        (grace, ContactSource::Found)
    );
    assert_eq!(crm_requests(&setup.fake), (1, 1, 1));
    assert_eq!(contacts(&setup.fake, A).len(), before);
    let thread = relayed.message.conversations_thread_id;
    assert_eq!(thread_contact(&setup, A, &thread).await, grace);
}
