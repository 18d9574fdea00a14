//! A public app serving several HubSpot accounts from one client, against
//! `hubspot-fake`'s OAuth server over loopback: installs through the
//! authorize step, tokens that expire every 2 s and are refreshed ahead of
//! time, once per account, revoked tokens, a revoked refresh token, the
//! developer API key on channel administration, and no secret in any log,
//! error or `Debug` output.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hubspot_api::conversations::custom_channels::channels::{
    ArchiveCustomChannel, CreateCustomChannel, GetCustomChannel, ListCustomChannels,
    UpdateCustomChannel,
};
use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, MessageDirection, PublishMessage,
};
use hubspot_api::conversations::models::{DeliveryIdentifierType, PublicDeliveryIdentifier};
use hubspot_api::{
    AuthScheme, Client, DeveloperKey, Error, InMemoryTokenStore, OAuthApp, RateLimit, TokenStore,
};
use hubspot_fake::{FakeConfig, FakeHubSpot, GrantType};

const A: u64 = 101;
const B: u64 = 202;

async fn start(config: FakeConfig) -> FakeHubSpot {
    FakeHubSpot::start_with(config.with_accounts([A as i64, B as i64]))
        .await
        .expect("the fake starts")
}

fn app(fake: &FakeHubSpot) -> OAuthApp {
    let app = fake.oauth_app();
    OAuthApp::new(&app.client_id, fake.client_secret(), &app.redirect_uri)
}

fn developer_key(fake: &FakeHubSpot) -> DeveloperKey {
    let app = fake.oauth_app();
    DeveloperKey::new(&app.developer_key, app.app_id as u64)
}

/// A client holding the fake's app, its developer key and `store`, with a
/// per-account budget above what the tests send (the fake's window checks
/// the budget where a test wants it).
fn client(fake: &FakeHubSpot, store: Arc<InMemoryTokenStore>) -> Client {
    Client::builder()
        .base_url(fake.base_url())
        .authorize_url(fake.authorize_endpoint())
        .oauth_app(app(fake))
        .developer_key(developer_key(fake))
        .shared_token_store(store)
        .account_rate_limit(RateLimit::custom(10_000, Duration::from_secs(10)))
        .max_concurrent_requests(64)
        .build()
        .expect("a client")
}

/// Installs the app in `hub_id` the way an app does: the authorize URL, the
/// admin's approval (driven at the fake), the callback's code, the exchange.
async fn install(client: &Client, fake: &FakeHubSpot, hub_id: u64) {
    let url = client
        .authorization_url()
        .expect("the client has an OAuth app")
        .scopes(["conversations.read", "conversations.write"])
        .optional_scope("conversations.custom_channels.read")
        .state("state-1")
        .to_string();
    let redirect = fake.authorize(hub_id as i64, &url).expect("approved");
    let query = redirect.split_once('?').expect("a query").1;
    let params: HashMap<&str, &str> = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .collect();
    assert_eq!(params.get("state"), Some(&"state-1"));
    let installation = client.install(params["code"]).await.expect("installed");
    assert_eq!(installation.hub_id, hub_id);
    assert!(
        installation
            .scopes
            .iter()
            .any(|s| s == "conversations.write"),
        "{installation:?}"
    );
}

fn participant(value: &str) -> ChannelIntegrationParticipant {
    ChannelIntegrationParticipant::builder()
        .delivery_identifier(
            PublicDeliveryIdentifier::builder()
                .r#type(DeliveryIdentifierType::HsPhoneNumber)
                .value(value)
                .build(),
        )
        .build()
}

fn publish(channel_id: i32, text: &str) -> PublishMessage {
    PublishMessage::builder()
        .channel_id(channel_id)
        .channel_account_id("5678")
        .text(text)
        .message_direction(MessageDirection::Incoming)
        .senders(vec![participant("+15550100")])
        .recipients(vec![participant("+15550199")])
        .attachments(vec![])
        .timestamp(
            "2026-11-21T09:30:00Z"
                .parse::<hubspot_api::DateTime>()
                .unwrap(),
        )
        .build()
}

/// Registers the channel with the developer key, as a public app does once.
async fn create_channel(client: &Client) -> i32 {
    let channel = CreateCustomChannel::builder()
        .name("SMS")
        .capabilities(HashMap::new())
        .send(client)
        .await
        .expect("the channel is created with the developer key");
    channel.id.parse().expect("a numeric id")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_accounts_refresh_once_per_expiry_under_load() {
    let lifetime = Duration::from_secs(2);
    let fake = start(
        FakeConfig::default()
            .token_lifetime(lifetime)
            .rotate_refresh_tokens(true)
            .require_developer_key(true),
    )
    .await;
    let store = Arc::new(InMemoryTokenStore::new());
    let client = client(&fake, Arc::clone(&store));
    let channel = create_channel(&client).await;
    let installing = Instant::now();
    install(&client, &fake, A).await;
    install(&client, &fake, B).await;

    // 1,000 sends, spread over 10 s, half per account, all spawned at once.
    let started = Instant::now();
    let spread = Duration::from_secs(10);
    let sends = 1_000u32;
    let tasks: Vec<_> = (0..sends)
        .map(|i| {
            let account = client.account(if i % 2 == 0 { A } else { B });
            let at = started + spread * i / sends;
            tokio::spawn(async move {
                tokio::time::sleep_until(at.into()).await;
                account
                    .send(&publish(channel, &format!("message {i}")))
                    .await
                    .map(|_| ())
            })
        })
        .collect();
    let mut failures = Vec::new();
    for task in tasks {
        if let Err(error) = task.await.expect("the task runs") {
            failures.push(error.to_string());
        }
    }
    let run = started.elapsed();
    // The tokens' lives: from the installs to the last answer.
    let lives = installing.elapsed().as_secs_f64();
    assert_eq!(failures, Vec::<String>::new(), "no request fails");

    for hub_id in [A, B] {
        let stats = fake.account_stats(hub_id as i64).expect("an account");
        let refreshes = stats.token_calls(GrantType::RefreshToken);
        let stored = store.load(hub_id).await.unwrap().expect("tokens");
        // A token is due 76-80% into its life (refreshed ahead by a fifth of
        // it, plus up to a fifth of that at random), so over `lives` seconds
        // between lives/(0.8 L) and lives/(0.76 L) tokens came due.
        let life = lifetime.as_secs_f64();
        let least = (lives / (0.8 * life)).floor() as u64;
        let most = (lives / (0.76 * life)).ceil() as u64;
        println!(
            "account {hub_id}: {} requests over {run:.1?}, {refreshes} refreshes \
             (tokens due in {lives:.1} s: {least}..={most}), {} with an expired token, \
             {} replays, {} messages stored",
            stats.requests,
            stats.expired_token_requests,
            stats.rejected_replays,
            fake.account_messages(hub_id as i64).unwrap().len(),
        );
        assert_eq!(stats.requests, u64::from(sends / 2), "account {hub_id}");
        assert_eq!(stats.expired_token_requests, 0, "account {hub_id}");
        assert_eq!(stats.revoked_token_requests, 0, "account {hub_id}");
        assert_eq!(stats.rejected_replays, 0, "account {hub_id}");
        assert_eq!(stats.rejected_refreshes, 0, "account {hub_id}");
        // One refresh per token that came due, no more: every refresh the
        // fake answered is a version the store kept.
        assert_eq!(refreshes, stats.refreshes);
        assert_eq!(refreshes, stored.version - 1, "account {hub_id}");
        assert!(
            (least..=most).contains(&refreshes),
            "account {hub_id}: {refreshes} refreshes for {least}..={most} expiries"
        );
        assert_eq!(
            fake.account_messages(hub_id as i64).unwrap().len(),
            (sends / 2) as usize
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_requests_on_an_expiring_token_cause_one_refresh() {
    // A lifetime long enough that the burst ends before the next token is
    // due, even on a slow machine.
    let fake = start(FakeConfig::default().token_lifetime(Duration::from_secs(6))).await;
    let store = Arc::new(InMemoryTokenStore::new());
    let client = client(&fake, store);
    install(&client, &fake, A).await;
    // Past the refresh-ahead point (1.2 s to 1.44 s before expiry), before
    // expiry.
    tokio::time::sleep(Duration::from_millis(4_850)).await;
    let account = client.account(A);
    let tasks: Vec<_> = (0..1_000)
        .map(|i| {
            let account = account.clone();
            tokio::spawn(async move { account.send(&publish(1, &format!("burst {i}"))).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().expect("sent");
    }
    let stats = fake.account_stats(A as i64).unwrap();
    println!(
        "1,000 concurrent requests: {} refresh call(s), {} with an expired token",
        stats.token_calls(GrantType::RefreshToken),
        stats.expired_token_requests
    );
    assert_eq!(stats.token_calls(GrantType::RefreshToken), 1);
    assert_eq!(stats.expired_token_requests, 0);
}

#[tokio::test]
async fn revoked_or_expired_access_tokens_cost_one_refresh_and_one_retry() {
    let fake = start(FakeConfig::default()).await;
    let client = client(&fake, Arc::new(InMemoryTokenStore::new()));
    install(&client, &fake, A).await;
    let account = client.account(A);
    account.send(&publish(1, "before")).await.expect("sent");

    // Revoked at the fake, 30 minutes before the client expects: the 401
    // makes the client refresh once and retry once.
    assert_eq!(fake.revoke_access_tokens(A as i64), 1);
    account
        .send(&publish(1, "after revocation"))
        .await
        .expect("sent after one refresh");
    let stats = fake.account_stats(A as i64).unwrap();
    assert_eq!(stats.token_calls(GrantType::RefreshToken), 1);
    assert_eq!(stats.revoked_token_requests, 1);
    assert_eq!(stats.requests, 3, "one before, one refused, one retry");

    // Expired early: the same.
    assert_eq!(fake.expire_access_tokens(A as i64), 1);
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let account = account.clone();
            tokio::spawn(async move { account.send(&publish(1, &format!("early {i}"))).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().expect("sent");
    }
    let stats = fake.account_stats(A as i64).unwrap();
    assert_eq!(
        stats.token_calls(GrantType::RefreshToken),
        2,
        "20 requests refused at once share one refresh"
    );
    assert!((1..=20).contains(&stats.expired_token_requests));
    assert_eq!(fake.account_messages(A as i64).unwrap().len(), 22);
}

#[tokio::test]
async fn a_revoked_refresh_token_needs_a_reinstall_and_spares_other_accounts() {
    let fake = start(FakeConfig::default()).await;
    let store = Arc::new(InMemoryTokenStore::new());
    let client = client(&fake, Arc::clone(&store));
    install(&client, &fake, A).await;
    install(&client, &fake, B).await;
    let refresh = store.load(A).await.unwrap().unwrap().refresh_token;
    assert!(fake.revoke_refresh_token(refresh.expose_secret()));

    let (a, b) = (client.account(A), client.account(B));
    for i in 0..5 {
        match a.send(&publish(1, &format!("a {i}"))).await {
            Err(Error::ReauthorizationRequired { hub_id }) => assert_eq!(hub_id, A),
            other => panic!("expected ReauthorizationRequired, got {other:?}"),
        }
        b.send(&publish(1, &format!("b {i}")))
            .await
            .expect("B goes on");
    }
    let stats = fake.account_stats(A as i64).unwrap();
    assert_eq!(
        stats.token_calls(GrantType::RefreshToken),
        1,
        "one refused refresh, no retry storm"
    );
    assert_eq!(
        stats.requests, 1,
        "the one request refused with the revoked token"
    );
    assert_eq!(fake.account_messages(B as i64).unwrap().len(), 5);

    // Installing again makes the account work again.
    install(&client, &fake, A).await;
    a.send(&publish(1, "a again")).await.expect("reinstalled");
}

#[tokio::test]
async fn each_request_uses_the_credentials_its_endpoint_accepts() {
    let fake = start(FakeConfig::default().require_developer_key(true)).await;
    assert_eq!(
        CreateCustomChannel::METADATA.auth,
        [AuthScheme::DeveloperKey]
    );
    assert_eq!(
        PublishMessage::METADATA.auth,
        [AuthScheme::OAuth, AuthScheme::PrivateApp]
    );

    // An OAuth-only client cannot administer channels: a typed error,
    // before any I/O.
    let oauth_only = Client::builder()
        .base_url(fake.base_url())
        .oauth_app(app(&fake))
        .build()
        .unwrap();
    let before = fake.requests().len();
    let error = CreateCustomChannel::builder()
        .name("SMS")
        .capabilities(HashMap::new())
        .send(&oauth_only)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::MissingCredentials(_)), "{error:?}");
    let text = error.to_string();
    assert!(
        text.contains("CreateCustomChannel") && text.contains("developer"),
        "{text}"
    );
    // An OAuth endpoint on the app-wide handle: no account chosen.
    let error = oauth_only.send(&publish(1, "x")).await.unwrap_err();
    assert!(matches!(error, Error::MissingCredentials(_)), "{error:?}");
    assert!(error.to_string().contains("account("), "{error}");
    assert_eq!(fake.requests().len(), before, "nothing was sent");

    // A developer-key-only client cannot publish.
    let admin = Client::builder()
        .base_url(fake.base_url())
        .developer_key(developer_key(&fake))
        .build()
        .unwrap();
    let error = admin.send(&publish(1, "x")).await.unwrap_err();
    assert!(matches!(error, Error::MissingCredentials(_)), "{error:?}");
    assert!(error.to_string().contains("PublishMessage"), "{error}");

    // All five administration endpoints, in every version, with the key.
    for version in ["v3", "2026-03", "2026-09"] {
        let version: hubspot_api::ApiVersion = version.parse().unwrap();
        let created = CreateCustomChannel::builder()
            .name("SMS")
            .capabilities(HashMap::new())
            .api_version(version)
            .send(&admin)
            .await
            .unwrap();
        let id: i32 = created.id.parse().unwrap();
        ListCustomChannels::builder()
            .api_version(version)
            .send(&admin)
            .await
            .unwrap();
        GetCustomChannel::builder()
            .channel_id(id)
            .api_version(version)
            .send(&admin)
            .await
            .unwrap();
        UpdateCustomChannel::builder()
            .channel_id(id)
            .name("SMS 2")
            .api_version(version)
            .send(&admin)
            .await
            .unwrap();
        ArchiveCustomChannel::builder()
            .channel_id(id)
            .api_version(version)
            .send(&admin)
            .await
            .unwrap();
    }
    let admin_requests: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.path.contains("custom-channels"))
        .collect();
    assert_eq!(admin_requests.len(), 15);
    let key = &fake.oauth_app().developer_key;
    let app_id = fake.oauth_app().app_id;
    for request in &admin_requests {
        let query = request.query.as_deref().unwrap_or_default();
        assert!(
            query.contains(&format!("hapikey={key}")) && query.contains(&format!("appId={app_id}")),
            "{} {query}",
            request.path
        );
        assert!(request.header("authorization").is_none());
    }
}

/// A `tracing` writer that keeps everything in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

#[tokio::test(flavor = "current_thread")]
async fn no_secret_reaches_logs_errors_or_debug_output_at_trace() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(captured.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let fake = start(
        FakeConfig::default()
            .token_lifetime(Duration::from_secs(2))
            .rotate_refresh_tokens(true)
            .require_developer_key(true),
    )
    .await;
    let store = Arc::new(InMemoryTokenStore::new());
    let client = client(&fake, Arc::clone(&store));
    let mut printed = vec![
        format!("{client:?}"),
        format!(
            "{:?}",
            Client::builder()
                .oauth_app(app(&fake))
                .developer_key(developer_key(&fake))
        ),
    ];
    let mut secrets: Vec<String> = vec![
        fake.client_secret().to_owned(),
        fake.oauth_app().developer_key.clone(),
        fake.token().to_owned(),
    ];
    let channel = create_channel(&client).await;
    install(&client, &fake, A).await;
    install(&client, &fake, B).await;
    let (a, b) = (client.account(A), client.account(B));
    for hub_id in [A, B] {
        let tokens = store.load(hub_id).await.unwrap().unwrap();
        secrets.push(tokens.access_token.expose_secret().to_owned());
        secrets.push(tokens.refresh_token.expose_secret().to_owned());
        printed.push(format!("{tokens:?}"));
    }
    printed.push(format!("{a:?}"));
    // Refreshes (and rotations) happen.
    for i in 0..6 {
        a.send(&publish(channel, &format!("m {i}"))).await.unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    // A forced refresh after a revocation.
    fake.revoke_access_tokens(B as i64);
    b.send(&publish(channel, "after revocation")).await.unwrap();
    for hub_id in [A, B] {
        let tokens = store.load(hub_id).await.unwrap().unwrap();
        secrets.push(tokens.access_token.expose_secret().to_owned());
        secrets.push(tokens.refresh_token.expose_secret().to_owned());
    }
    // Errors: a refused refresh token, a 401 from a bad private-app token,
    // a transport failure on a developer-key URL.
    let refresh = store.load(B).await.unwrap().unwrap().refresh_token;
    fake.revoke_refresh_token(refresh.expose_secret());
    fake.expire_access_tokens(B as i64);
    let error = b.send(&publish(channel, "x")).await.unwrap_err();
    printed.push(format!("{error} {error:?}"));
    let bad = Client::builder()
        .base_url(fake.base_url())
        .token("pat-na1-not-a-real-token-0000")
        .build()
        .unwrap();
    secrets.push("pat-na1-not-a-real-token-0000".to_owned());
    let error = bad.send(&publish(channel, "x")).await.unwrap_err();
    printed.push(format!("{error} {error:?}"));
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let unreachable = Client::builder()
        .base_url(format!("http://{closed}"))
        .developer_key(developer_key(&fake))
        .retry_policy(hubspot_api::RetryPolicy::disabled())
        .build()
        .unwrap();
    let error = ListCustomChannels::builder()
        .send(&unreachable)
        .await
        .unwrap_err();
    printed.push(format!(
        "{error} {error:?} {:?}",
        std::error::Error::source(&error)
    ));

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("refreshed"), "the refreshes are logged");
    let all = format!("{logs}\n{}", printed.join("\n"));
    secrets.sort();
    secrets.dedup();
    // Where each leaked secret was found, named by its position and length
    // only.
    let leaks: Vec<String> = secrets
        .iter()
        .enumerate()
        .filter(|(_, s)| all.contains(s.as_str()))
        .map(|(i, s)| {
            let place = if logs.contains(s.as_str()) {
                "logs"
            } else {
                "Debug/Display"
            };
            let line = all
                .lines()
                .find(|line| line.contains(s.as_str()))
                .unwrap_or_default()
                .replace(s.as_str(), "<SECRET>");
            format!("secret #{i} ({} chars) in {place}: {line}", s.len())
        })
        .collect();
    println!(
        "{} secrets, {} bytes of TRACE logs and {} Debug/Display texts: {} occurrences",
        secrets.len(),
        logs.len(),
        printed.len(),
        leaks.len()
    );
    assert!(leaks.is_empty(), "leaked:\n{}", leaks.join("\n"));
}
