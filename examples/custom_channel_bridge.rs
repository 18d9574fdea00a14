//! A custom-channel bridge: HubSpot's inbox on one side, a (toy) SMS
//! service on the other.
//!
//! ```text
//! cargo run --example custom_channel_bridge
//! ```
//!
//! With no `HUBSPOT_ACCESS_TOKEN` set, it starts the in-memory HubSpot fake
//! with the bridge's webhook URL registered, and plays a conversation
//! through both: a visitor texts, an agent answers in HubSpot, the fake
//! POSTs the signed webhook, the bridge verifies it, delivers the text and
//! reports `SENT`; the visitor replies; a message to an unreachable phone is
//! reported `FAILED`.
//!
//! With `HUBSPOT_ACCESS_TOKEN` set it serves HubSpot instead, and also needs
//! `HUBSPOT_CLIENT_SECRET` (your app's), `HUBSPOT_CHANNEL_ID`,
//! `HUBSPOT_CHANNEL_ACCOUNT_ID`, `BRIDGE_PUBLIC_URL` (where HubSpot reaches
//! this server, e.g. a tunnel's `https://…` URL; set the channel's
//! `webhookUrl` to it plus `/hubspot/webhooks`) and optionally
//! `BRIDGE_LISTEN` (default `127.0.0.1:3000`) and `BRIDGE_BUSINESS_NUMBER`.
//! It then runs until Ctrl-C, delivering agents' messages to the toy chat.

#[path = "custom_channel_bridge/bridge.rs"]
mod bridge;

use std::error::Error;
use std::time::Duration;

use bridge::{Bridge, BridgeConfig, ExternalChat, WEBHOOK_PATH};
use hubspot_api::Client;
use hubspot_api::conversations::models::{DeliveryIdentifierType, PublicDeliveryIdentifier};
use hubspot_api::conversations::threads::messages::{
    PublicConversationsMessageEgg, PublicRecipientEgg, SendThreadMessage,
};
use hubspot_api::webhooks::{ClientSecret, Verifier};
use hubspot_fake::{FakeConfig, FakeHubSpot};
use serde_json::Value;
use tokio::net::TcpListener;

const CHANNEL_ID: i32 = 1001;
const CHANNEL_ACCOUNT_ID: &str = "2002";
const AGENT: &str = "A-3003";
const BUSINESS: &str = "+15550199";
const ADA: &str = "+15550100";
const BOB: &str = "+15550111";

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    if std::env::var_os("HUBSPOT_ACCESS_TOKEN").is_some() {
        serve_hubspot().await
    } else {
        demo_on_fake().await
    }
}

/// Against HubSpot: serve the webhook URL until Ctrl-C.
async fn serve_hubspot() -> Result<(), Box<dyn Error>> {
    let var = |name: &str| {
        std::env::var(name).map_err(|_| format!("{name} must be set to run against HubSpot"))
    };
    let secret = ClientSecret::from_env("HUBSPOT_CLIENT_SECRET")
        .ok_or("HUBSPOT_CLIENT_SECRET must be set to verify HubSpot's webhooks")?;
    let public_url = var("BRIDGE_PUBLIC_URL")?;
    let listen = std::env::var("BRIDGE_LISTEN").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    let config = BridgeConfig {
        channel_id: var("HUBSPOT_CHANNEL_ID")?.parse()?,
        channel_account_id: var("HUBSPOT_CHANNEL_ACCOUNT_ID")?,
        business_number: std::env::var("BRIDGE_BUSINESS_NUMBER")
            .unwrap_or_else(|_| BUSINESS.to_owned()),
    };
    let verifier = Verifier::new(secret).public_url(public_url.clone())?;
    let bridge = Bridge::new(
        Client::from_env()?,
        verifier,
        ExternalChat::default(),
        config,
    );
    let listener = TcpListener::bind(&listen).await?;
    println!("Bridge listening on {listen}.");
    println!(
        "Set your channel's webhookUrl to {}{WEBHOOK_PATH}; press Ctrl-C to stop.",
        public_url.trim_end_matches('/')
    );
    axum::serve(listener, bridge.router())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    for message in bridge.chat().messages() {
        println!(
            "delivered {} -> {}: {:?}",
            message.from, message.to, message.text
        );
    }
    Ok(())
}

/// On the fake: the whole round trip, step by step.
async fn demo_on_fake() -> Result<(), Box<dyn Error>> {
    // The bridge's socket first, so the fake knows where to send webhooks.
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let bridge_url = format!("http://{}", listener.local_addr()?);
    let fake = FakeHubSpot::start_with(
        FakeConfig::default().register_channel(CHANNEL_ID, format!("{bridge_url}{WEBHOOK_PATH}")),
    )
    .await?;
    println!(
        "No HUBSPOT_ACCESS_TOKEN set: started the in-memory HubSpot fake at {}",
        fake.base_url()
    );
    println!(
        "   bridge at {bridge_url}{WEBHOOK_PATH}, registered as channel {CHANNEL_ID}'s webhook URL"
    );

    let client = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .build()?;
    let verifier =
        Verifier::new(ClientSecret::new(fake.client_secret())).public_url(bridge_url.clone())?;
    let config = BridgeConfig {
        channel_id: CHANNEL_ID,
        channel_account_id: CHANNEL_ACCOUNT_ID.to_owned(),
        business_number: BUSINESS.to_owned(),
    };
    let chat = ExternalChat::default();
    let bridge = Bridge::new(client.clone(), verifier, chat.clone(), config);
    tokio::spawn(axum::serve(listener, bridge.router()).into_future());

    // 1. A visitor texts the business line; the bridge publishes it.
    let text = chat.visitor_says(
        ADA,
        "Ada Lovelace",
        BUSINESS,
        "Hi! My order hasn't arrived yet.",
    );
    let published = bridge.relay_incoming(&text).await?;
    let thread_id: i64 = published.conversations_thread_id.parse()?;
    println!(
        "1. Ada texted {:?}; the bridge published it as message {} in thread {thread_id}",
        text.text, published.id
    );

    // 2. An agent answers in HubSpot's inbox.
    let reply_id = agent_says(
        &client,
        thread_id,
        ADA,
        "Sorry about that, Ada! It ships tomorrow.",
    )
    .await?;
    println!("2. Agent {AGENT} replied in HubSpot: message {reply_id}");

    // 3. HubSpot (the fake) POSTs the signed webhook; the bridge verifies it,
    //    texts Ada and reports SENT before answering 200.
    let deliveries = fake.settle_webhooks(Duration::from_secs(10)).await;
    let delivery = deliveries.last().ok_or("no webhook was sent")?;
    println!(
        "3. HubSpot POSTed {} (attempts: {}, signed {}…); the bridge answered {}",
        delivery.event_type,
        delivery.attempts.len(),
        delivery.attempts[0]
            .header("x-hubspot-signature-v3")
            .unwrap_or_default()
            .get(..12)
            .unwrap_or_default(),
        delivery
            .attempts
            .last()
            .and_then(|a| a.status)
            .map_or_else(|| "nothing".to_owned(), |s| s.to_string()),
    );
    let delivered = chat.inbox(ADA);
    println!(
        "   Ada's phone got {:?} from {}",
        delivered
            .last()
            .map(|m| m.text.as_str())
            .unwrap_or("nothing"),
        BUSINESS
    );
    println!(
        "   HubSpot shows message {reply_id} as {}",
        status_of(&fake, thread_id, &reply_id)
    );

    // 4. Ada replies; it lands in the same thread.
    let text = chat.visitor_says(ADA, "Ada Lovelace", BUSINESS, "Great, thanks!");
    let published = bridge.relay_incoming(&text).await?;
    println!(
        "4. Ada replied {:?}; published as message {} in thread {}",
        text.text, published.id, published.conversations_thread_id
    );

    // 5. Bob's phone is off: delivery fails and HubSpot is told why.
    let text = chat.visitor_says(BOB, "Bob", BUSINESS, "Can someone call me back?");
    let bob_thread: i64 = bridge
        .relay_incoming(&text)
        .await?
        .conversations_thread_id
        .parse()?;
    chat.make_unreachable(BOB, "the handset is switched off");
    let failed_id = agent_says(&client, bob_thread, BOB, "Calling you in five minutes.").await?;
    fake.settle_webhooks(Duration::from_secs(10)).await;
    println!(
        "5. Agent wrote to Bob (thread {bob_thread}); HubSpot shows message {failed_id} as {}",
        status_of(&fake, bob_thread, &failed_id)
    );

    let thread = fake
        .thread_messages(&thread_id.to_string())
        .unwrap_or_default();
    println!("Thread {thread_id} now reads:");
    for message in thread {
        println!(
            "   {:<8} {}",
            message["direction"].as_str().unwrap_or("?"),
            message["text"].as_str().unwrap_or("")
        );
    }
    println!("Done.");
    fake.shutdown().await;
    Ok(())
}

/// An agent's reply to `to` in `thread_id`, as HubSpot's inbox sends it.
async fn agent_says(
    client: &Client,
    thread_id: i64,
    to: &str,
    text: &str,
) -> Result<String, Box<dyn Error>> {
    let recipient = PublicRecipientEgg::builder()
        .delivery_identifiers(vec![
            PublicDeliveryIdentifier::builder()
                .r#type(DeliveryIdentifierType::HsPhoneNumber)
                .value(to)
                .build(),
        ])
        .build();
    let reply = PublicConversationsMessageEgg::builder()
        .text(text)
        .sender_actor_id(AGENT)
        .channel_id(CHANNEL_ID.to_string())
        .channel_account_id(CHANNEL_ACCOUNT_ID)
        .recipients(vec![recipient])
        .attachments(vec![])
        .build();
    let sent = SendThreadMessage::builder()
        .thread_id(thread_id)
        .message(reply)
        .send(client)
        .await?;
    match sent {
        hubspot_api::conversations::models::PublicMessage::Message(message) => Ok(message.id),
        other => Err(format!("expected a message, got {other:?}").into()),
    }
}

/// A message's status as the fake stores it, e.g. `SENT` or
/// `FAILED ("the handset is switched off")`.
fn status_of(fake: &FakeHubSpot, thread_id: i64, message_id: &str) -> String {
    let messages = fake
        .thread_messages(&thread_id.to_string())
        .unwrap_or_default();
    let Some(message) = messages.iter().find(|m| m["id"] == message_id) else {
        return "missing".to_owned();
    };
    let status = &message["status"];
    match (
        status["statusType"].as_str(),
        &status["failureDetails"]["errorMessage"],
    ) {
        (Some(kind), Value::String(reason)) => format!("{kind} ({reason:?})"),
        (Some(kind), _) => kind.to_owned(),
        (None, _) => "no status yet".to_owned(),
    }
}
