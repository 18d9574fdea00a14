//! `RedisTokenStore` against a real Redis (`HUBSPOT_TEST_REDIS_URL`):
//! three replicas sharing two accounts' tokens refresh each token once
//! between them, with no replayed refresh token and no expired token sent;
//! versioned saves; the refresh lock; no secret in logs or errors.
//!
//! Without `HUBSPOT_TEST_REDIS_URL` the tests are skipped, except under CI
//! (`CI` set), where they fail: CI must provide Redis.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, MessageDirection, PublishMessage,
};
use hubspot_api::conversations::models::{DeliveryIdentifierType, PublicDeliveryIdentifier};
use hubspot_api::{
    Client, InMemoryTokenStore, OAuthApp, RateLimit, RefreshLock, StoreError, StoreFuture,
    TokenSet, TokenStore,
};
use hubspot_fake::{FakeConfig, FakeHubSpot, GrantType};
use hubspot_runtime::redis::{Redis, RedisTokenStore};

const A: u64 = 101;
const B: u64 = 202;

/// The test Redis's URL; `None` (after saying so) to skip.
fn redis_url() -> Option<String> {
    match std::env::var("HUBSPOT_TEST_REDIS_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI must provide Redis: set HUBSPOT_TEST_REDIS_URL (.ci/run starts one)")
        }
        _ => {
            eprintln!("skipped: HUBSPOT_TEST_REDIS_URL is unset (no Redis to test against)");
            None
        }
    }
}

/// A connection of its own, under a prefix no other test uses.
async fn connect(url: &str, prefix: &str) -> Redis {
    Redis::connect(url)
        .await
        .expect("the test Redis answers")
        .with_prefix(prefix)
        .expect("a valid prefix")
}

fn random_prefix(test: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("test-{test}-{}-{nanos:x}", std::process::id())
}

async fn start(config: FakeConfig) -> FakeHubSpot {
    FakeHubSpot::start_with(config.with_accounts([A as i64, B as i64]))
        .await
        .expect("the fake starts")
}

fn app(fake: &FakeHubSpot) -> OAuthApp {
    let app = fake.oauth_app();
    OAuthApp::new(&app.client_id, fake.client_secret(), &app.redirect_uri)
}

fn client(fake: &FakeHubSpot, store: Arc<dyn TokenStore>) -> Client {
    Client::builder()
        .base_url(fake.base_url())
        .authorize_url(fake.authorize_endpoint())
        .oauth_app(app(fake))
        .shared_token_store(store)
        .account_rate_limit(RateLimit::custom(10_000, Duration::from_secs(10)))
        .max_concurrent_requests(64)
        .build()
        .expect("a client")
}

/// Installs the app in `hub_id` through `client` (the authorize URL, the
/// admin's approval at the fake, the code exchange).
async fn install(client: &Client, fake: &FakeHubSpot, hub_id: u64) {
    let url = client
        .authorization_url()
        .expect("an OAuth app")
        .scopes(["conversations.read", "conversations.write"])
        .state("state-1")
        .to_string();
    let redirect = fake.authorize(hub_id as i64, &url).expect("approved");
    let query = redirect.split_once('?').expect("a query").1;
    let params: HashMap<&str, &str> = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .collect();
    let installation = client.install(params["code"]).await.expect("installed");
    assert_eq!(installation.hub_id, hub_id);
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

fn publish(text: &str) -> PublishMessage {
    PublishMessage::builder()
        .channel_id(1)
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

/// Sends `sends` messages spread over `spread`, round-robin over the
/// replicas and the two accounts, all spawned at once; the errors.
async fn publish_concurrently(replicas: &[Client], sends: u32, spread: Duration) -> Vec<String> {
    let started = Instant::now();
    let tasks: Vec<_> = (0..sends)
        .map(|i| {
            let replica = &replicas[i as usize % replicas.len()];
            let account = replica.account(if (i / 3) % 2 == 0 { A } else { B });
            let at = started + spread * i / sends;
            tokio::spawn(async move {
                tokio::time::sleep_until(at.into()).await;
                account
                    .send(&publish(&format!("message {i}")))
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
    failures
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_replicas_refresh_each_token_once_between_them() {
    let Some(url) = redis_url() else { return };
    let prefix = random_prefix("replicas");
    let lifetime = Duration::from_secs(2);
    let fake = start(
        FakeConfig::default()
            .token_lifetime(lifetime)
            .rotate_refresh_tokens(true),
    )
    .await;
    // Three replicas: each its own connection, store and client.
    let mut replicas = Vec::new();
    let mut stores = Vec::new();
    for _ in 0..3 {
        let store = Arc::new(RedisTokenStore::new(connect(&url, &prefix).await));
        replicas.push(client(&fake, Arc::clone(&store) as Arc<dyn TokenStore>));
        stores.push(store);
    }
    let installing = Instant::now();
    install(&replicas[0], &fake, A).await;
    install(&replicas[1], &fake, B).await;

    let sends = 960;
    let spread = Duration::from_secs(8);
    let started = Instant::now();
    let failures = publish_concurrently(&replicas, sends, spread).await;
    let run = started.elapsed();
    let lives = installing.elapsed().as_secs_f64();
    println!(
        "3 replicas on Redis, {sends} requests over {run:.1?}: {} failed",
        failures.len()
    );
    assert_eq!(failures, Vec::<String>::new(), "no request fails");

    for hub_id in [A, B] {
        let stats = fake.account_stats(hub_id as i64).expect("an account");
        let refreshes = stats.token_calls(GrantType::RefreshToken);
        let stored = stores[2].load(hub_id).await.unwrap().expect("tokens");
        let life = lifetime.as_secs_f64();
        let least = (lives / (0.8 * life)).floor() as u64;
        let most = (lives / (0.76 * life)).ceil() as u64;
        println!(
            "account {hub_id}: {} requests, {refreshes} refresh calls, {} new token versions \
             stored (expiries in {lives:.1} s: {least}..={most}), {} with an expired token, \
             {} refresh-token replays, {} rejected refreshes",
            stats.requests,
            stored.version - 1,
            stats.expired_token_requests,
            stats.rejected_replays,
            stats.rejected_refreshes,
        );
        assert_eq!(stats.requests, u64::from(sends / 2), "account {hub_id}");
        assert_eq!(stats.expired_token_requests, 0, "account {hub_id}");
        assert_eq!(stats.rejected_replays, 0, "account {hub_id}");
        assert_eq!(stats.rejected_refreshes, 0, "account {hub_id}");
        assert_eq!(refreshes, stats.refreshes, "account {hub_id}");
        assert_eq!(refreshes, stored.version - 1, "account {hub_id}");
        assert!(
            (least..=most).contains(&refreshes),
            "account {hub_id}: {refreshes} refreshes for {least}..={most} expiries"
        );
    }
}

/// A Redis store whose refresh lock is none: the shared store alone.
struct NoLock(RedisTokenStore);

impl TokenStore for NoLock {
    fn load(&self, hub_id: u64) -> StoreFuture<'_, Option<TokenSet>> {
        self.0.load(hub_id)
    }
    fn save<'a>(&'a self, tokens: &'a TokenSet, replaces: Option<u64>) -> StoreFuture<'a, ()> {
        self.0.save(tokens, replaces)
    }
    fn remove(&self, hub_id: u64) -> StoreFuture<'_, ()> {
        self.0.remove(hub_id)
    }
}

/// The same kind of run, without what the Redis store gives: replicas
/// with a store each (seeded with the same tokens), and replicas on Redis
/// without the lock. Figures for comparison; only the first must replay.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_shared_store_or_its_lock_replicas_replay_refresh_tokens() {
    let Some(url) = redis_url() else { return };
    let config = || {
        FakeConfig::default()
            .token_lifetime(Duration::from_secs(2))
            .rotate_refresh_tokens(true)
    };
    // A store each, seeded with the tokens of one install.
    let separate = start(config()).await;
    let first = Arc::new(InMemoryTokenStore::new());
    let mut replicas = vec![client(&separate, Arc::clone(&first) as Arc<dyn TokenStore>)];
    install(&replicas[0], &separate, A).await;
    install(&replicas[0], &separate, B).await;
    for _ in 0..2 {
        let store = Arc::new(InMemoryTokenStore::new());
        for hub_id in [A, B] {
            let tokens = first.load(hub_id).await.unwrap().unwrap();
            store.save(&tokens, None).await.unwrap();
        }
        replicas.push(client(&separate, store));
    }
    // On Redis, no lock.
    let unlocked = start(config()).await;
    let prefix = random_prefix("nolock");
    let mut on_redis = Vec::new();
    for _ in 0..3 {
        let store = NoLock(RedisTokenStore::new(connect(&url, &prefix).await));
        on_redis.push(client(&unlocked, Arc::new(store)));
    }
    install(&on_redis[0], &unlocked, A).await;
    install(&on_redis[1], &unlocked, B).await;

    let (separate_failures, unlocked_failures) = tokio::join!(
        publish_concurrently(&replicas, 480, Duration::from_secs(4)),
        publish_concurrently(&on_redis, 480, Duration::from_secs(4)),
    );
    let mut replays = 0;
    for (name, fake, failures) in [
        ("a store each", &separate, &separate_failures),
        ("Redis without the lock", &unlocked, &unlocked_failures),
    ] {
        for hub_id in [A, B] {
            let stats = fake.account_stats(hub_id as i64).unwrap();
            if name == "a store each" {
                replays += stats.rejected_replays;
            }
            println!(
                "{name}, account {hub_id}: {} refresh calls, {} refresh-token replays, \
                 {} with an expired token",
                stats.token_calls(GrantType::RefreshToken),
                stats.rejected_replays,
                stats.expired_token_requests,
            );
        }
        println!("{name}: {} of 480 requests failed", failures.len());
    }
    assert!(
        replays > 0,
        "replicas with a store each replay refresh tokens"
    );
}

fn tokens(hub_id: u64, version: u64, access: &str) -> TokenSet {
    TokenSet {
        hub_id,
        access_token: access.into(),
        refresh_token: format!("refresh-{access}").into(),
        // Whole seconds: the stored form keeps milliseconds.
        expires_at: SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000),
        scopes: vec!["oauth".to_owned()],
        version,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_twenty_concurrent_saves_replacing_one_version_one_wins() {
    let Some(url) = redis_url() else { return };
    let prefix = random_prefix("versions");
    let store = Arc::new(RedisTokenStore::new(connect(&url, &prefix).await));
    store.save(&tokens(A, 1, "first"), None).await.unwrap();
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                let mine = tokens(A, 2, &format!("writer-{i}"));
                (mine.clone(), store.save(&mine, Some(1)).await)
            })
        })
        .collect();
    let (mut won, mut conflicts) = (Vec::new(), Vec::new());
    for task in tasks {
        match task.await.unwrap() {
            (mine, Ok(())) => won.push(mine),
            (_, Err(StoreError::Conflict(stored))) => conflicts.push(*stored),
            (_, Err(other)) => panic!("unexpected {other}"),
        }
    }
    println!(
        "20 concurrent saves replacing version 1: {} succeeded, {} conflicts",
        won.len(),
        conflicts.len()
    );
    assert_eq!(won.len(), 1);
    assert_eq!(conflicts.len(), 19);
    let winner = &won[0];
    assert!(conflicts.iter().all(|stored| stored == winner));
    assert_eq!(store.load(A).await.unwrap().as_ref(), Some(winner));
    // An unversioned save (an install) overwrites; a removed account has
    // nothing to replace.
    store.save(&tokens(A, 1, "again"), None).await.unwrap();
    assert_eq!(store.load(A).await.unwrap().unwrap().version, 1);
    store.remove(A).await.unwrap();
    assert!(store.load(A).await.unwrap().is_none());
    assert!(store.save(&tokens(A, 2, "late"), Some(1)).await.is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_held_lock_is_waited_for_and_an_abandoned_one_expires() {
    let Some(url) = redis_url() else { return };
    let prefix = random_prefix("lock");
    let first = RedisTokenStore::new(connect(&url, &prefix).await);
    let second = Arc::new(RedisTokenStore::new(connect(&url, &prefix).await));

    // Held: the second waits until the first releases.
    let held = first.lock_refresh(A).await.unwrap().expect("a lock");
    let waiting = {
        let second = Arc::clone(&second);
        tokio::spawn(async move {
            let asked = Instant::now();
            let lock = second.lock_refresh(A).await;
            (lock, asked.elapsed())
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!waiting.is_finished(), "the second locker waits");
    let released = Instant::now();
    held.release().await.unwrap();
    let (lock, waited) = waiting.await.unwrap();
    let after_release = released.elapsed();
    let lock: RefreshLock = lock.unwrap().expect("taken after the release");
    println!(
        "second locker waited {waited:.0?}, got the lock {after_release:.0?} after the release"
    );
    assert!(waited >= Duration::from_millis(300));
    assert!(after_release < Duration::from_millis(500));
    // Another account's lock is another lock.
    first
        .lock_refresh(B)
        .await
        .unwrap()
        .unwrap()
        .release()
        .await
        .unwrap();
    lock.release().await.unwrap();

    // Held too long: LockTimeout.
    let held = first.lock_refresh(A).await.unwrap().unwrap();
    let impatient = RedisTokenStore::new(connect(&url, &prefix).await)
        .with_lock_wait(Duration::from_millis(200));
    match impatient.lock_refresh(A).await {
        Err(StoreError::LockTimeout { hub_id }) => assert_eq!(hub_id, A),
        other => panic!("expected LockTimeout, got {other:?}"),
    }
    held.release().await.unwrap();

    // A holder that dies (never releases): the lock lapses after its TTL.
    let short = RedisTokenStore::new(connect(&url, &prefix).await)
        .with_lock_ttl(Duration::from_millis(400));
    let taken = Instant::now();
    std::mem::forget(short.lock_refresh(B).await.unwrap().unwrap());
    let lock = second.lock_refresh(B).await.unwrap().unwrap();
    let lapsed = taken.elapsed();
    println!("an abandoned lock with a 400 ms TTL was taken again after {lapsed:.0?}");
    assert!(lapsed >= Duration::from_millis(380), "{lapsed:?}");
    assert!(lapsed < Duration::from_secs(2), "{lapsed:?}");
    lock.release().await.unwrap();
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
async fn no_secret_reaches_logs_or_errors_through_the_redis_store() {
    let Some(url) = redis_url() else { return };
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(captured.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let prefix = random_prefix("secrets");
    let fake = start(
        FakeConfig::default()
            .token_lifetime(Duration::from_secs(2))
            .rotate_refresh_tokens(true),
    )
    .await;
    let stores: Vec<Arc<RedisTokenStore>> = vec![
        Arc::new(RedisTokenStore::new(connect(&url, &prefix).await)),
        Arc::new(RedisTokenStore::new(connect(&url, &prefix).await)),
    ];
    let replicas: Vec<Client> = stores
        .iter()
        .map(|store| client(&fake, Arc::clone(store) as Arc<dyn TokenStore>))
        .collect();
    let mut secrets = vec![fake.client_secret().to_owned()];
    let mut printed = vec![format!("{:?}", stores[0]), format!("{:?}", replicas[0])];
    install(&replicas[0], &fake, A).await;
    // Refreshes (with rotation) on both replicas, under the lock.
    for i in 0..20 {
        let account = replicas[i % 2].account(A);
        account.send(&publish(&format!("m {i}"))).await.unwrap();
        let tokens = stores[0].load(A).await.unwrap().unwrap();
        secrets.push(tokens.access_token.expose_secret().to_owned());
        secrets.push(tokens.refresh_token.expose_secret().to_owned());
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let latest = stores[0].load(A).await.unwrap().unwrap();
    assert!(
        latest.version > 2,
        "refreshes happened: v{}",
        latest.version
    );
    // Errors: a conflict (carrying the stored set), a lock timeout, bad
    // stored data, an unreachable server whose URL holds a password.
    let error = stores[1].save(&latest, Some(0)).await.unwrap_err();
    printed.push(format!("{error} {error:?}"));
    let held = stores[0].lock_refresh(A).await.unwrap().unwrap();
    let error = RedisTokenStore::new(connect(&url, &prefix).await)
        .with_lock_wait(Duration::from_millis(50))
        .lock_refresh(A)
        .await
        .unwrap_err();
    printed.push(format!("{error} {error:?}"));
    held.release().await.unwrap();
    let mut json = latest.to_stored_json();
    json.insert(0, 'x');
    let raw = redis::Client::open(url.as_str()).unwrap();
    let mut raw = raw.get_multiplexed_async_connection().await.unwrap();
    let key = format!("{prefix}:{{{B}}}:tokens");
    redis::cmd("HSET")
        .arg(&key)
        .arg("version")
        .arg(1)
        .arg("json")
        .arg(&json)
        .query_async::<()>(&mut raw)
        .await
        .unwrap();
    let error = stores[0].load(B).await.unwrap_err();
    printed.push(format!("{error} {error:?}"));
    let error = replicas[0]
        .account(B)
        .send(&publish("x"))
        .await
        .unwrap_err();
    printed.push(format!("{error} {error:?}"));
    secrets.push("hunter2-password".to_owned());
    let error = Redis::connect("redis://:hunter2-password@127.0.0.1:1/")
        .await
        .unwrap_err();
    printed.push(format!("{error} {error:?}"));

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("refreshed"), "the refreshes are logged");
    let all = format!("{logs}\n{}", printed.join("\n"));
    secrets.sort();
    secrets.dedup();
    let leaks: Vec<String> = secrets
        .iter()
        .enumerate()
        .filter(|(_, s)| all.contains(s.as_str()))
        .map(|(i, s)| {
            let line = all
                .lines()
                .find(|line| line.contains(s.as_str()))
                .unwrap_or_default()
                .replace(s.as_str(), "<SECRET>");
            format!("secret #{i} ({} chars): {line}", s.len())
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
