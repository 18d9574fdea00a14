//! A custom-channel bridge as a HubSpot public app: HubSpot's inbox on one
//! side, a (toy) SMS service on the other, serving every HubSpot account
//! that installs it.
//!
//! ```text
//! cargo run --features crm --example custom_channel_bridge
//! ```
//!
//! (`crm`: the bridge finds, or creates, the contact behind each
//! conversation in the account's CRM.)
//!
//! With no `HUBSPOT_CLIENT_ID` set, it starts the in-memory HubSpot fake
//! with two accounts (101 and 202) whose access tokens live 2 seconds, and
//! plays the whole story over real loopback HTTP:
//!
//! 1. the app's custom channel is created with the developer API key, its
//!    `webhookUrl` pointing at the bridge;
//! 2. each account installs the app: the bridge's `GET /install` redirects
//!    to HubSpot's authorize page, the account's admin approves (driven at
//!    the fake), HubSpot redirects to the bridge's `GET /oauth-callback`
//!    with `code` and `state`, and the bridge checks the state, exchanges
//!    the code and connects the business's line as a channel account;
//! 3. for several seconds, visitors text both businesses (each visitor's
//!    first text looks up their contact in that account's CRM: Ada, whose
//!    email the chat service knows, is found as the account's Ada
//!    Lovelace; Bob is created from his number and name; later texts use
//!    the remembered contact), agents answer in
//!    each HubSpot account, the fake POSTs signed webhooks naming the
//!    account (`portalId`), and the bridge delivers each reply from the
//!    right line and reports `SENT` or `FAILED` to the right account, all
//!    while the accounts' tokens expire and are refreshed ahead of time;
//! 4. it prints, per account, the messages and the fake's count of token
//!    refreshes and requests made with an expired token (none).
//!
//! With `HUBSPOT_CLIENT_ID` set it serves HubSpot instead, until Ctrl-C.
//! It then reads:
//!
//! - `HUBSPOT_CLIENT_ID`, `HUBSPOT_CLIENT_SECRET`: the public app's OAuth
//!   client (the secret also verifies webhooks);
//! - `HUBSPOT_DEVELOPER_API_KEY`, `HUBSPOT_APP_ID`: the developer account's
//!   API key and the app's id, for creating the channel;
//! - `BRIDGE_PUBLIC_URL`: where HubSpot and admins' browsers reach this
//!   server, e.g. a tunnel's `https://…` URL;
//! - optionally `HUBSPOT_REDIRECT_URI` (default `BRIDGE_PUBLIC_URL` +
//!   `/oauth-callback`; it must be the app's registered redirect URL and
//!   reach this server's `/oauth-callback`), `HUBSPOT_CHANNEL_ID` (the
//!   app's channel, if created before; otherwise one is created with
//!   `webhookUrl` = `BRIDGE_PUBLIC_URL` + `/hubspot/webhooks` and its id
//!   printed), `BRIDGE_INBOX_ID` (the inbox new lines land in; default each
//!   account's first), `BRIDGE_BUSINESS_NUMBER` (the line the printed
//!   install link connects) and `BRIDGE_LISTEN` (default `127.0.0.1:3000`).
//!
//! Open the printed `/install?line=…` link to install the app in an
//! account; agents' messages there are then delivered to the toy chat.
//!
//! In both modes, with `HUBSPOT_REDIS_URL` set (e.g.
//! `redis://127.0.0.1:6379/`), the bridge keeps the accounts' tokens in
//! Redis (`RedisTokenStore`) and de-duplicates webhooks there
//! (`RedisWebhookDedup`), so that several replicas can run side by side;
//! without it, both stay in the process. It prints which. (On the fake, it
//! uses a key prefix of its own per run.)

#[path = "custom_channel_bridge/bridge.rs"]
mod bridge;

use std::collections::BTreeMap;
use std::error::Error;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bridge::{
    Bridge, BridgeConfig, CALLBACK_PATH, ContactSource, ExternalChat, INSTALL_PATH, SCOPES,
    WEBHOOK_PATH, create_channel,
};
use hubspot_api::conversations::models::{
    DeliveryIdentifierType, PublicDeliveryIdentifier, PublicMessage,
};
use hubspot_api::conversations::threads::messages::{
    PublicConversationsMessageEgg, PublicRecipientEgg, SendThreadMessage,
};
use hubspot_api::webhooks::{ClientSecret, InMemoryWebhookDedup, Verifier, WebhookDedup};
use hubspot_api::{Client, ClientBuilder, DeveloperKey, OAuthApp};
use hubspot_fake::{CrmObjectType, FakeConfig, FakeHubSpot, GrantType};
use hubspot_runtime::redis::{Redis, RedisTokenStore, RedisWebhookDedup};
use serde_json::Value;
use tokio::net::TcpListener;

const CHANNEL_NAME: &str = "Toy SMS";
const AGENT: &str = "A-3003";
/// How long the fake's access tokens live: several expire during the run.
const TOKEN_LIFETIME: Duration = Duration::from_secs(2);
/// The pause between two steps of the conversations.
const PACE: Duration = Duration::from_millis(650);
const SETTLE: Duration = Duration::from_secs(10);

/// A business: its HubSpot account, its line, its customer.
struct Business {
    hub_id: u64,
    name: &'static str,
    line: &'static str,
    customer: &'static str,
    customer_number: &'static str,
    /// The customer's email, if the chat service knows it.
    customer_email: Option<&'static str>,
}

const ACME: Business = Business {
    hub_id: 101,
    name: "Acme Books",
    line: "+15550199",
    customer: "Ada",
    customer_number: "+15550100",
    // The fake seeds Ada Lovelace, ada@example.com, in every account.
    customer_email: Some("ada@example.com"),
};
const BOLT: Business = Business {
    hub_id: 202,
    name: "Bolt Bikes",
    line: "+15550299",
    customer: "Bob",
    customer_number: "+15550111",
    customer_email: None,
};

/// One step of the conversations.
enum Step {
    /// The business's customer texts its line.
    Visitor(&'static Business, &'static str),
    /// An agent of the business answers in HubSpot.
    Agent(&'static Business, &'static str),
    /// The customer's phone goes off (`Some(reason)`) or back on.
    Phone(&'static Business, Option<&'static str>),
}

const SCRIPT: &[Step] = &[
    Step::Visitor(
        &ACME,
        "Hi! Is 'Sketches of the Analytical Engine' in stock?",
    ),
    Step::Visitor(&BOLT, "My brakes squeak since the service."),
    Step::Agent(&ACME, "It is, Ada. Shall I put one aside?"),
    Step::Agent(&BOLT, "Sorry, Bob! Bring the bike in, we'll fix it today."),
    Step::Visitor(&ACME, "Yes please, I'll pick it up on Friday."),
    Step::Visitor(&BOLT, "Can someone call me back first?"),
    Step::Phone(&BOLT, Some("the handset is switched off")),
    Step::Agent(&BOLT, "Calling you in five minutes."),
    Step::Agent(&ACME, "Done: it's at the till, under your name."),
    Step::Phone(&BOLT, None),
    Step::Visitor(&BOLT, "Sorry, my phone was off. Tomorrow at 10?"),
    Step::Agent(&BOLT, "Tomorrow at 10 it is."),
    Step::Visitor(&ACME, "Thanks!"),
];

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    if std::env::var_os("HUBSPOT_CLIENT_ID").is_some() {
        serve_hubspot().await
    } else {
        demo_on_fake().await
    }
}

/// Where the tokens and the webhook de-duplication live: in Redis when
/// `HUBSPOT_REDIS_URL` is set (under `prefix`, if given), else in this
/// process. Says which.
async fn shared_state(
    builder: ClientBuilder,
    prefix: Option<&str>,
) -> Result<(ClientBuilder, Arc<dyn WebhookDedup>), Box<dyn Error>> {
    let url = std::env::var("HUBSPOT_REDIS_URL")
        .ok()
        .filter(|url| !url.trim().is_empty());
    let Some(url) = url else {
        println!(
            "Shared state: in this process (InMemoryTokenStore, InMemoryWebhookDedup); \
             set HUBSPOT_REDIS_URL to share it with other replicas."
        );
        return Ok((builder, Arc::new(InMemoryWebhookDedup::new())));
    };
    let mut redis = Redis::connect(&url).await?;
    if let Some(prefix) = prefix {
        redis = redis.with_prefix(prefix)?;
    }
    println!(
        "Shared state: Redis from HUBSPOT_REDIS_URL, key prefix {:?} \
         (RedisTokenStore, RedisWebhookDedup).",
        redis.prefix()
    );
    Ok((
        builder.token_store(RedisTokenStore::new(redis.clone())),
        Arc::new(RedisWebhookDedup::new(redis)),
    ))
}

/// Against HubSpot: serve installs and webhooks until Ctrl-C.
async fn serve_hubspot() -> Result<(), Box<dyn Error>> {
    let var = |name: &str| {
        std::env::var(name)
            .ok()
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| format!("{name} must be set to run against HubSpot"))
    };
    let optional = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let secret = ClientSecret::from_env("HUBSPOT_CLIENT_SECRET")
        .ok_or("HUBSPOT_CLIENT_SECRET must be set (the app's client secret)")?;
    let public_url = var("BRIDGE_PUBLIC_URL")?.trim_end_matches('/').to_owned();
    let redirect_uri =
        optional("HUBSPOT_REDIRECT_URI").unwrap_or_else(|| format!("{public_url}{CALLBACK_PATH}"));
    let listen = optional("BRIDGE_LISTEN").unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let line = optional("BRIDGE_BUSINESS_NUMBER").unwrap_or_else(|| ACME.line.to_owned());
    let builder = Client::builder()
        .oauth_app(OAuthApp::new(
            var("HUBSPOT_CLIENT_ID")?,
            secret.clone(),
            redirect_uri.clone(),
        ))
        .developer_key(DeveloperKey::new(
            var("HUBSPOT_DEVELOPER_API_KEY")?,
            var("HUBSPOT_APP_ID")?.parse()?,
        ));
    let (builder, dedup) = shared_state(builder, None).await?;
    let client = builder.build()?;
    let webhook_url = format!("{public_url}{WEBHOOK_PATH}");
    let channel_id = match optional("HUBSPOT_CHANNEL_ID") {
        Some(id) => id.parse()?,
        None => {
            let id = create_channel(&client, CHANNEL_NAME, &webhook_url).await?;
            println!(
                "Created channel {id} (webhookUrl {webhook_url}); set HUBSPOT_CHANNEL_ID={id} next time."
            );
            id
        }
    };
    let verifier = Verifier::new(secret).public_url(public_url.clone())?;
    let config = BridgeConfig {
        channel_id,
        inbox_id: optional("BRIDGE_INBOX_ID"),
    };
    let bridge = Bridge::with_dedup(client, verifier, ExternalChat::default(), config, dedup);
    let listener = TcpListener::bind(&listen).await?;
    println!(
        "Bridge listening on {}, serving channel {channel_id}.",
        listener.local_addr()?
    );
    println!("   webhooks: {webhook_url}");
    println!("   OAuth redirect: {redirect_uri}");
    println!(
        "Install the app for line {line}: open {public_url}{INSTALL_PATH}?line={}",
        line.replace('+', "%2B")
    );
    println!("Press Ctrl-C to stop.");
    axum::serve(listener, bridge.router())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    for line in bridge.lines() {
        println!(
            "account {}: line {} (channel account {})",
            line.hub_id, line.business_number, line.channel_account_id
        );
    }
    for message in bridge.chat().messages() {
        println!(
            "chat {} -> {}: {:?}",
            message.from, message.to, message.text
        );
    }
    Ok(())
}

/// On the fake: installs, conversations in two accounts, refreshes.
async fn demo_on_fake() -> Result<(), Box<dyn Error>> {
    // The bridge's socket first: the app's redirect URI and the channel's
    // webhook URL are on it.
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let bridge_url = format!("http://{}", listener.local_addr()?);
    let mut config = FakeConfig::default()
        .with_accounts([ACME.hub_id as i64, BOLT.hub_id as i64])
        .token_lifetime(TOKEN_LIFETIME)
        .rotate_refresh_tokens(true)
        .require_developer_key(true);
    config.oauth.redirect_uri = format!("{bridge_url}{CALLBACK_PATH}");
    // The app is registered with every scope the bridge asks for (the
    // CRM's among them), as it would be in its HubSpot developer account.
    for scope in SCOPES {
        if !config.oauth.scopes.iter().any(|s| s == scope) {
            config.oauth.scopes.push((*scope).to_owned());
        }
    }
    let fake = FakeHubSpot::start_with(config).await?;
    let app = fake.oauth_app();
    println!(
        "No HUBSPOT_CLIENT_ID set: started the in-memory HubSpot fake at {}",
        fake.base_url()
    );
    println!(
        "   accounts {} and {}; access tokens live {TOKEN_LIFETIME:?}, refresh tokens rotate; \
         the app's redirect URI is {}",
        ACME.hub_id, BOLT.hub_id, app.redirect_uri
    );

    let builder = Client::builder()
        .base_url(fake.base_url())
        .authorize_url(fake.authorize_endpoint())
        .oauth_app(OAuthApp::new(
            &app.client_id,
            fake.client_secret(),
            &app.redirect_uri,
        ))
        .developer_key(DeveloperKey::new(&app.developer_key, app.app_id as u64));
    // A fresh fake reuses message ids: a prefix of this run's own.
    let started_at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_millis();
    let prefix = format!("bridge-demo-{}-{started_at}", std::process::id());
    let (builder, dedup) = shared_state(builder, Some(&prefix)).await?;
    let client = builder.build()?;

    // 1. The app's channel, created once with the developer key.
    let webhook_url = format!("{bridge_url}{WEBHOOK_PATH}");
    let channel_id = create_channel(&client, CHANNEL_NAME, &webhook_url).await?;
    println!(
        "1. Created channel {channel_id} ({CHANNEL_NAME:?}) with the developer key; \
         webhookUrl {webhook_url}"
    );

    let verifier =
        Verifier::new(ClientSecret::new(fake.client_secret())).public_url(bridge_url.clone())?;
    let config = BridgeConfig {
        channel_id,
        inbox_id: None,
    };
    let chat = ExternalChat::default();
    for business in [&ACME, &BOLT] {
        if let Some(email) = business.customer_email {
            chat.set_email(business.customer_number, email);
        }
    }
    let bridge = Bridge::with_dedup(client.clone(), verifier, chat.clone(), config, dedup);
    tokio::spawn(axum::serve(listener, bridge.router()).into_future());

    // 2. Both businesses install the app through the OAuth flow.
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    println!("2. Installs:");
    for business in [&ACME, &BOLT] {
        let start = browser
            .get(format!(
                "{bridge_url}{INSTALL_PATH}?line={}",
                business.line.replace('+', "%2B")
            ))
            .send()
            .await?;
        let authorize_url = location(&start)?;
        println!(
            "   {} opens {INSTALL_PATH}?line={}: {} to {}…",
            business.name,
            business.line,
            start.status().as_u16(),
            authorize_url.get(..70).unwrap_or(&authorize_url)
        );
        // The admin of the account approves on HubSpot's page; HubSpot
        // sends the browser back to the redirect URI.
        let redirect = fake.authorize(business.hub_id as i64, &authorize_url)?;
        let callback = browser.get(&redirect).send().await?;
        let status = callback.status().as_u16();
        let text = callback.text().await?;
        println!(
            "   admin of account {} approved; {CALLBACK_PATH}?code=…&state=… answered {status}: {text}",
            business.hub_id
        );
        if status != 200 {
            return Err(format!("the install in account {} failed", business.hub_id).into());
        }
    }
    // 3. The conversations, in both accounts at once.
    println!("3. Conversations:");
    let started = Instant::now();
    let mut threads: BTreeMap<u64, i64> = BTreeMap::new();
    for step in SCRIPT {
        tokio::time::sleep(PACE).await;
        let at = started.elapsed().as_secs_f64();
        match *step {
            Step::Visitor(business, text) => {
                let message = chat.visitor_says(
                    business.customer_number,
                    business.customer,
                    business.line,
                    text,
                );
                let relayed = bridge.relay_incoming(&message).await?;
                let thread: i64 = relayed.message.conversations_thread_id.parse()?;
                threads.insert(business.hub_id, thread);
                let contact = match &relayed.contact {
                    Ok(contact) => format!(
                        "contact {} ({})",
                        contact.contact_id,
                        match contact.source {
                            ContactSource::Cached => "remembered",
                            ContactSource::Found => "found",
                            ContactSource::Created => "created",
                        }
                    ),
                    Err(error) => format!("no contact: {error}"),
                };
                println!(
                    "   {at:4.1}s [{}] {} texts {}: {text:?} -> message {} in thread {thread}, {contact}",
                    business.hub_id, business.customer, business.name, relayed.message.id
                );
            }
            Step::Agent(business, text) => {
                let thread = *threads.get(&business.hub_id).ok_or("no thread yet")?;
                let account = client.account(business.hub_id);
                let line = bridge.line(business.hub_id).ok_or("no line")?;
                let id = agent_says(
                    &account,
                    channel_id,
                    &line.channel_account_id,
                    thread,
                    business.customer_number,
                    text,
                )
                .await?;
                fake.settle_webhooks(SETTLE).await;
                let delivered = chat
                    .inbox(business.customer_number)
                    .last()
                    .is_some_and(|m| m.text == text && m.from == business.line);
                println!(
                    "   {at:4.1}s [{}] agent: {text:?} -> webhook -> {} -> HubSpot shows {}",
                    business.hub_id,
                    if delivered {
                        format!("{}'s phone", business.customer)
                    } else {
                        "not delivered".to_owned()
                    },
                    status_of(&fake, thread, &id)
                );
            }
            Step::Phone(business, Some(reason)) => {
                chat.make_unreachable(business.customer_number, reason);
                println!(
                    "   {at:4.1}s [{}] {}'s phone: {reason}",
                    business.hub_id, business.customer
                );
            }
            Step::Phone(business, None) => {
                chat.make_reachable(business.customer_number);
                println!(
                    "   {at:4.1}s [{}] {}'s phone is back on",
                    business.hub_id, business.customer
                );
            }
        }
    }
    let run = started.elapsed();

    // 4. What each account saw.
    let deliveries = fake.webhook_deliveries();
    println!(
        "4. After {run:.1?}: {} webhooks, {} delivered on their first attempt",
        deliveries.len(),
        deliveries.iter().filter(|d| d.attempts.len() == 1).count()
    );
    for business in [&ACME, &BOLT] {
        let hub = business.hub_id as i64;
        let stats = fake.account_stats(hub).ok_or("no such account")?;
        let messages = fake.account_messages(hub).unwrap_or_default();
        let count = |direction: &str| {
            messages
                .iter()
                .filter(|m| m["direction"] == direction)
                .count()
        };
        let contacts = fake
            .crm_objects(hub, CrmObjectType::Contacts)
            .unwrap_or_default()
            .len();
        println!(
            "   account {} ({}): {} messages ({} in, {} out), CRM contacts: {contacts}; {} API requests, \
             {} token refreshes, {} requests with an expired token",
            business.hub_id,
            business.name,
            messages.len(),
            count("INCOMING"),
            count("OUTGOING"),
            stats.requests,
            stats.token_calls(GrantType::RefreshToken),
            stats.expired_token_requests,
        );
        if let Some(thread) = threads.get(&business.hub_id) {
            for message in fake
                .thread_messages(&thread.to_string())
                .unwrap_or_default()
            {
                let status = message["status"]["statusType"].as_str().unwrap_or("");
                println!(
                    "      {:<8} {:<6} {}",
                    message["direction"].as_str().unwrap_or("?"),
                    status,
                    message["text"].as_str().unwrap_or("")
                );
            }
        }
    }
    println!("Done.");
    fake.shutdown().await;
    Ok(())
}

/// The `Location` of a redirect.
fn location(response: &reqwest::Response) -> Result<String, Box<dyn Error>> {
    Ok(response
        .headers()
        .get(reqwest::header::LOCATION)
        .ok_or_else(|| format!("no redirect: {}", response.status()))?
        .to_str()?
        .to_owned())
}

/// An agent's reply to `to` in `thread_id`, as HubSpot's inbox sends it in
/// the account `account` is a handle of.
async fn agent_says(
    account: &Client,
    channel_id: i32,
    channel_account_id: &str,
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
        .channel_id(channel_id.to_string())
        .channel_account_id(channel_account_id)
        .recipients(vec![recipient])
        .attachments(vec![])
        .build();
    let sent = SendThreadMessage::builder()
        .thread_id(thread_id)
        .message(reply)
        .send(account)
        .await?;
    match sent {
        PublicMessage::Message(message) => Ok(message.id),
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
