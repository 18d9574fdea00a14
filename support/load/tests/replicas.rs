//! Several OS processes, one HubSpot budget: four replicas of a public app
//! (`hubspot-load`) publish 1,000 messages for two accounts through one fake,
//! sharing tokens and rate limits in a real `redis-server` that this test
//! starts on a free loopback port. The fake injects faults into 20% of the
//! API requests, tokens live 3 s, and each account may send 40 requests per
//! rolling second.
//!
//! What it shows: no account ever sees more than its limit in any window,
//! no message is lost or stored twice, and the accounts' tokens are
//! refreshed once per expiry for all replicas, without a replay. The second
//! test kills Redis mid-run (SIGKILL, then a restart from its append-only
//! file): the replicas' requests fail with typed errors while it is gone,
//! nothing is sent past the budget, and every message still arrives once.
//!
//! Needs `redis-server` (Debian's package; `.ci/run` installs it): under CI a
//! missing one fails the test, elsewhere the test says it skipped.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use hubspot_api::conversations::custom_channels::channels::CreateCustomChannel;
use hubspot_api::{Client, DeveloperKey, OAuthApp, RateLimit};
use hubspot_fake::{FakeConfig, FakeHubSpot, FaultConfig, GrantType, RateLimitConfig};
use hubspot_runtime::redis::{Redis, RedisTokenStore};
use tokio::process::{Child, Command};

const A: u64 = 101;
const B: u64 = 202;
const PROCESSES: u32 = 4;
const PUBLISHES: u32 = 1_000;
const LIMIT: u32 = 40;
const WINDOW: Duration = Duration::from_secs(1);
const LIFETIME: Duration = Duration::from_secs(3);

/// A `redis-server` of this test's own, persisting every write to an
/// append-only file so that a restart after a kill finds the tokens again.
struct OwnRedis {
    port: u16,
    dir: PathBuf,
    child: Option<Child>,
}

impl OwnRedis {
    /// Starts one, or says why not: `None` off CI when there is no
    /// `redis-server`.
    async fn start() -> Option<OwnRedis> {
        let found = std::process::Command::new("redis-server")
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success());
        if !found {
            assert!(
                std::env::var_os("CI").is_none(),
                "redis-server is missing: CI must provide it (.ci/run installs Debian's redis-server)"
            );
            eprintln!("skipped: redis-server is not installed (apt-get install redis-server)");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let dir =
            std::env::temp_dir().join(format!("hubspot-replicas-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a data directory");
        let mut redis = OwnRedis {
            port,
            dir,
            child: None,
        };
        redis.restart().await;
        Some(redis)
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    async fn restart(&mut self) {
        let child = Command::new("redis-server")
            .args(["--bind", "127.0.0.1", "--port", &self.port.to_string()])
            .args([
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
            ])
            .arg("--dir")
            .arg(&self.dir)
            .stdout(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("redis-server starts");
        self.child = Some(child);
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port))
                .await
                .is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("redis-server did not listen on port {}", self.port);
    }

    /// SIGKILL: the server dies as in a crash.
    async fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().await.expect("redis-server is killed");
        }
    }
}

impl Drop for OwnRedis {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.start_kill();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn app(fake: &FakeHubSpot) -> OAuthApp {
    let app = fake.oauth_app();
    OAuthApp::new(&app.client_id, fake.client_secret(), &app.redirect_uri)
}

/// Installs the app in `hub_id` through the fake's authorize step; the
/// tokens go to the shared store.
async fn install(client: &Client, fake: &FakeHubSpot, hub_id: u64) {
    let url = client
        .authorization_url()
        .expect("an OAuth app")
        .scopes(["conversations.read", "conversations.write"])
        .state("replicas")
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

/// What the processes reported, summed.
#[derive(Debug, Default)]
struct Outcome {
    published: u64,
    gave_up: u64,
    errors: BTreeMap<String, u64>,
    seconds: f64,
}

/// One run: the fake, the installs, four processes; `kill_after` kills
/// Redis that long into the run and restarts it 2 s later.
async fn run(kill_after: Option<Duration>) -> Option<()> {
    let mut redis = OwnRedis::start().await?;
    let mut config = FakeConfig::default()
        .with_accounts([A as i64, B as i64])
        .token_lifetime(LIFETIME)
        .rotate_refresh_tokens(true);
    config.rate_limit = Some(RateLimitConfig::new(LIMIT, WINDOW));
    let fake = FakeHubSpot::start_with(config)
        .await
        .expect("the fake starts");
    let prefix = format!("replicas-{}", std::process::id());
    let shared = Redis::connect(&redis.url())
        .await
        .expect("Redis answers")
        .with_prefix(&prefix)
        .expect("a valid prefix");
    let developer = fake.oauth_app();
    let setup = Client::builder()
        .base_url(fake.base_url())
        .authorize_url(fake.authorize_endpoint())
        .oauth_app(app(&fake))
        .developer_key(DeveloperKey::new(
            &developer.developer_key,
            developer.app_id as u64,
        ))
        .token_store(RedisTokenStore::new(shared.clone()))
        .account_rate_limit(RateLimit::custom(LIMIT, WINDOW))
        .build()
        .expect("a client");
    let channel: i32 = CreateCustomChannel::builder()
        .name("SMS")
        .capabilities(HashMap::new())
        .send(&setup)
        .await
        .expect("the channel is created")
        .id
        .parse()
        .expect("a numeric channel id");
    let installing = Instant::now();
    install(&setup, &fake, A).await;
    install(&setup, &fake, B).await;
    // Faults from now on, on the API only: the token endpoint's calls are
    // then exactly the refreshes.
    fake.set_faults(Some(
        FaultConfig::new(0.2)
            .with_seed(20_261_207)
            .with_slow_delay(Duration::from_millis(1_500))
            .spare_oauth(true),
    ));

    let app = fake.oauth_app();
    let children: Vec<Child> = (0..PROCESSES)
        .map(|replica| {
            Command::new(env!("CARGO_BIN_EXE_hubspot-load"))
                .args(["--base-url", &fake.base_url(), "--redis-url", &redis.url()])
                .args(["--prefix", &prefix, "--hubs", &format!("{A},{B}")])
                .args(["--channel", &channel.to_string()])
                .args(["--replica", &replica.to_string()])
                .args(["--publishes", &(PUBLISHES / PROCESSES).to_string()])
                .args(["--limit", &LIMIT.to_string()])
                .args(["--window-ms", &WINDOW.as_millis().to_string()])
                .args(["--timeout-ms", "1000", "--policy", "wait"])
                .env("HUBSPOT_CLIENT_ID", &app.client_id)
                .env("HUBSPOT_CLIENT_SECRET", fake.client_secret())
                .env("HUBSPOT_REDIRECT_URI", &app.redirect_uri)
                .stdout(Stdio::piped())
                .kill_on_drop(true)
                .spawn()
                .expect("a replica starts")
        })
        .collect();
    let outputs = tokio::spawn(async move {
        let mut outputs = Vec::new();
        for child in children {
            outputs.push(child.wait_with_output().await.expect("a replica ends"));
        }
        outputs
    });
    let mut outage = None;
    if let Some(after) = kill_after {
        tokio::time::sleep(after).await;
        redis.kill().await;
        let killed = Instant::now();
        tokio::time::sleep(Duration::from_secs(2)).await;
        redis.restart().await;
        outage = Some(killed.elapsed());
    }
    let outputs = tokio::time::timeout(Duration::from_secs(240), outputs)
        .await
        .expect("the replicas finish within 4 minutes")
        .expect("the replicas are awaited");
    let lives = installing.elapsed().as_secs_f64();

    let mut outcome = Outcome::default();
    for output in &outputs {
        assert!(output.status.success(), "a replica failed: {output:?}");
        let line = String::from_utf8_lossy(&output.stdout);
        let summary: serde_json::Value =
            serde_json::from_str(line.trim()).expect("a replica prints one JSON line");
        outcome.published += summary["published"].as_u64().unwrap();
        outcome.gave_up += summary["gave_up"].as_u64().unwrap();
        outcome.seconds = outcome.seconds.max(summary["seconds"].as_f64().unwrap());
        for (kind, count) in summary["errors"].as_object().unwrap() {
            *outcome.errors.entry(kind.clone()).or_default() += count.as_u64().unwrap();
        }
    }
    let stats = fake.stats();
    println!(
        "replicas{}: {PROCESSES} processes, {} published, {} given up in {:.1} s; \
         {} requests at the fake, {} faults injected, {} answered 429; \
         errors the replicas saw and retried: {:?}",
        match outage {
            Some(outage) => format!(" (Redis killed for {outage:.1?})"),
            None => String::new(),
        },
        outcome.published,
        outcome.gave_up,
        outcome.seconds,
        stats.requests,
        stats.total_faults(),
        stats.rate_limited,
        outcome.errors,
    );
    assert_eq!(outcome.published, u64::from(PUBLISHES));
    assert_eq!(outcome.gave_up, 0);
    assert!(stats.total_faults() > 0, "faults were injected");
    // Every error a replica saw is a typed one it knows.
    assert_eq!(outcome.errors.get("other"), None, "{:?}", outcome.errors);

    for (index, hub_id) in [A, B].into_iter().enumerate() {
        let account = fake.account_stats(hub_id as i64).expect("an account");
        let texts: Vec<String> = fake
            .account_messages(hub_id as i64)
            .expect("an account")
            .iter()
            .filter_map(|message| message["text"].as_str().map(str::to_owned))
            .collect();
        let distinct: HashSet<&String> = texts.iter().collect();
        let expected: HashSet<String> = (0..PROCESSES)
            .flat_map(|replica| {
                (0..PUBLISHES / PROCESSES)
                    .filter(move |k| (*k as usize) % 2 == index)
                    .map(move |k| format!("r{replica}-m{k}"))
            })
            .collect();
        let lost = expected.iter().filter(|id| !distinct.contains(id)).count();
        let duplicated = texts.len() - distinct.len();
        let refreshes = account.token_calls(GrantType::RefreshToken);
        // A new connection: the set-up's one may have seen the kill.
        let fresh = Redis::connect(&redis.url())
            .await
            .expect("Redis answers")
            .with_prefix(&prefix)
            .expect("a valid prefix");
        let stored = RedisTokenStore::new(fresh);
        let version = hubspot_runtime::TokenStore::load(&stored, hub_id)
            .await
            .expect("Redis answers")
            .expect("tokens")
            .version;
        // Refreshes happen when a request needs a token: at least one per
        // lifetime of activity (less the last), at most one per
        // refresh-ahead point (76% of a life).
        let least = ((lives / LIFETIME.as_secs_f64()).floor() as u64).saturating_sub(1);
        let most = (lives / (0.76 * LIFETIME.as_secs_f64())).ceil() as u64;
        println!(
            "  account {hub_id}: {} requests, most in any {WINDOW:?}: {} (limit {LIMIT}), \
             {} messages, {lost} lost, {duplicated} duplicated; {refreshes} refresh calls, \
             {} token versions after the install, tokens due in {lives:.1} s: {least}..={most}; \
             {} with an expired token, {} replays",
            account.requests,
            account.peak_in_window,
            texts.len(),
            version - 1,
            account.expired_token_requests,
            account.rejected_replays,
        );
        assert!(account.peak_in_window <= LIMIT, "account {hub_id}");
        assert_eq!(account.rate_limited, 0, "account {hub_id}: no 429");
        assert_eq!(lost, 0, "account {hub_id}");
        assert_eq!(duplicated, 0, "account {hub_id}");
        assert_eq!(texts.len(), expected.len(), "account {hub_id}");
        assert_eq!(account.rejected_replays, 0, "account {hub_id}");
        assert_eq!(account.expired_token_requests, 0, "account {hub_id}");
        // Each refresh call made a version every replica then used.
        assert_eq!(refreshes, account.refreshes, "account {hub_id}");
        assert_eq!(refreshes, version - 1, "account {hub_id}");
        if kill_after.is_none() {
            assert!(
                (least..=most).contains(&refreshes),
                "account {hub_id}: {refreshes} refreshes for {least}..={most} expiries"
            );
        }
    }
    Some(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_processes_share_one_budget_and_one_token_per_account() {
    run(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_killed_mid_run_loses_nothing_and_exceeds_nothing() {
    run(Some(Duration::from_secs(3))).await;
}
