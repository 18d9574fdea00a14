//! The shared rate limiter against a real Redis (no mocks) and the fake
//! HubSpot: several clients ("replicas"), each with its own connection,
//! share one budget.
//!
//! Redis comes from `HUBSPOT_TEST_REDIS_URL` (CI's `.ci/run` starts one);
//! the tests that kill Redis, or count its commands, start their own
//! `redis-server` on a free port. Without the variable each test says on
//! stderr that it is skipped, unless `CI` is set: then it fails.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hubspot_api::Client;
use hubspot_api::conversations::inboxes::ListInboxes;
use hubspot_fake::{FakeConfig, FakeHubSpot, RateLimitConfig, ScriptedResponse};
use hubspot_runtime::redis::{OnRedisFailure, Redis, SharedRateLimits};
use hubspot_runtime::{Error, RateLimit, RetryPolicy};

const WINDOW: Duration = Duration::from_millis(250);
const LIMIT: u32 = 20;

/// The test Redis's URL, or `None` (skipped) outside CI.
fn redis_url(test: &str) -> Option<String> {
    match std::env::var("HUBSPOT_TEST_REDIS_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI must provide Redis: set HUBSPOT_TEST_REDIS_URL (.ci/run starts one)")
        }
        _ => {
            eprintln!("{test}: skipped, HUBSPOT_TEST_REDIS_URL is not set");
            None
        }
    }
}

/// Whether `redis-server` can be started here (else the test is skipped,
/// or fails under CI).
fn redis_server_available(test: &str) -> bool {
    let found = Command::new("redis-server")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must provide redis-server on PATH"
        );
        eprintln!("{test}: skipped, redis-server is not installed");
    }
    found
}

/// A key prefix no other test (or run) uses.
fn prefix() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos(),
    );
    format!("test-{:016x}", hasher.finish())
}

/// A `redis-server` of the test's own, on a free port.
struct PrivateRedis {
    port: u16,
    child: Option<Child>,
}

impl PrivateRedis {
    async fn start() -> PrivateRedis {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut redis = PrivateRedis { port, child: None };
        redis.restart().await;
        redis
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    async fn restart(&mut self) {
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server starts");
        self.child = Some(child);
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port))
                .await
                .is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("redis-server did not start on port {}", self.port);
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        self.kill();
    }
}

async fn limited_fake(max: u32) -> FakeHubSpot {
    FakeHubSpot::start_with(FakeConfig {
        rate_limit: Some(RateLimitConfig::new(max, WINDOW)),
        ..FakeConfig::default()
    })
    .await
    .expect("the fake starts")
}

/// A replica: its own client and, when shared, its own Redis connection.
async fn replica(fake: &FakeHubSpot, shared: Option<(&str, &str, OnRedisFailure)>) -> Client {
    replica_with(fake, shared, LIMIT).await
}

async fn replica_with(
    fake: &FakeHubSpot,
    shared: Option<(&str, &str, OnRedisFailure)>,
    limit: u32,
) -> Client {
    let mut builder = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .rate_limit(RateLimit::custom(limit, WINDOW))
        .retry_policy(RetryPolicy::disabled())
        .timeout(Duration::from_secs(1))
        .total_timeout(Duration::from_secs(30));
    if let Some((url, prefix, policy)) = shared {
        let redis = Redis::connect(url)
            .await
            .expect("Redis")
            .with_prefix(prefix)
            .unwrap();
        builder = builder.shared_rate_limits(SharedRateLimits::new(redis).on_failure(policy));
    }
    builder.build().expect("a client")
}

fn list() -> ListInboxes {
    ListInboxes::builder().limit(10).build()
}

/// What a run of `per_replica` requests from each replica saw.
#[derive(Debug)]
struct Run {
    ok: usize,
    failed: Vec<String>,
    elapsed: Duration,
}

async fn run(replicas: &[Client], per_replica: usize) -> Run {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for client in replicas {
        for _ in 0..per_replica {
            let client = client.clone();
            tasks.push(tokio::spawn(async move { client.send(&list()).await }));
        }
    }
    let mut outcome = Run {
        ok: 0,
        failed: Vec::new(),
        elapsed: Duration::ZERO,
    };
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => outcome.ok += 1,
            Err(error) => outcome.failed.push(error.to_string()),
        }
    }
    outcome.elapsed = started.elapsed();
    outcome
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_replicas_share_one_budget_where_in_process_limiters_triple_it() {
    let Some(url) = redis_url("three_replicas_share_one_budget") else {
        return;
    };
    let total = 300;
    // Shared: one budget in Redis.
    let fake = limited_fake(LIMIT).await;
    let prefix = prefix();
    let mut replicas = Vec::new();
    for _ in 0..3 {
        replicas.push(replica(&fake, Some((&url, &prefix, OnRedisFailure::default()))).await);
    }
    let shared = run(&replicas, total / 3).await;
    let shared_stats = fake.stats();
    // In process: each replica its own budget.
    let fake_local = limited_fake(LIMIT).await;
    let mut replicas = Vec::new();
    for _ in 0..3 {
        replicas.push(replica(&fake_local, None).await);
    }
    let local = run(&replicas, total / 3).await;
    let local_stats = fake_local.stats();

    // Each slot is held from its grant to its answer plus a window.
    // The first batch goes at once: 15 batches take 14 windows at least.
    let expected = WINDOW * (total as u32 / LIMIT - 1);
    println!(
        "shared (Redis):   {total} requests, limit {LIMIT}/{WINDOW:?}: peak {} in a window at the fake, {} 429s, {} ok, {:?} (at least {expected:?})",
        shared_stats.peak_in_window, shared_stats.rate_limited, shared.ok, shared.elapsed
    );
    println!(
        "in-process x3:    {total} requests, limit {LIMIT}/{WINDOW:?}: peak {} in a window at the fake, {} 429s, {} ok, {:?}",
        local_stats.peak_in_window, local_stats.rate_limited, local.ok, local.elapsed
    );
    assert!(shared_stats.peak_in_window <= LIMIT, "{shared_stats:?}");
    assert_eq!(shared_stats.rate_limited, 0, "{shared:?}");
    assert_eq!(shared.ok, total, "{:?}", shared.failed);
    assert!(shared.elapsed >= expected, "{shared:?}");
    assert!(shared.elapsed < expected * 4, "{shared:?}");
    assert!(
        local_stats.peak_in_window > LIMIT,
        "three in-process budgets overrun one: {local_stats:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_on_one_replica_pauses_the_others() {
    let Some(url) = redis_url("a_429_on_one_replica_pauses_the_others") else {
        return;
    };
    let fake = FakeHubSpot::start().await.unwrap();
    let prefix = prefix();
    let first = replica(&fake, Some((&url, &prefix, OnRedisFailure::default()))).await;
    let second = replica(&fake, Some((&url, &prefix, OnRedisFailure::default()))).await;
    second.send(&list()).await.expect("a first request");
    fake.push_response(
        ScriptedResponse::json(
            429,
            serde_json::json!({"status": "error", "message": "slow down", "policyName": "TEN_SECONDLY_ROLLING"}),
        )
        .with_header("retry-after", "1"),
    );
    let error = first.send(&list()).await.expect_err("the scripted 429");
    assert!(matches!(error, Error::RateLimited(_)), "{error:?}");
    tokio::time::sleep(Duration::from_millis(50)).await;
    let started = Instant::now();
    second.send(&list()).await.expect("after the pause");
    let waited = started.elapsed();
    println!("a 429 on replica 1 (Retry-After: 1) held replica 2 for {waited:?}");
    assert!(waited >= Duration::from_millis(850), "{waited:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_smaller_limit_learned_from_headers_shrinks_every_replicas_capacity() {
    let Some(url) = redis_url("a_smaller_limit_learned_from_headers") else {
        return;
    };
    // The client is configured for 20; HubSpot (the fake) allows 5.
    let fake = limited_fake(5).await;
    let prefix = prefix();
    let first = replica(&fake, Some((&url, &prefix, OnRedisFailure::default()))).await;
    first
        .send(&list())
        .await
        .expect("one request teaches the limit");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let others = [
        replica(&fake, Some((&url, &prefix, OnRedisFailure::default()))).await,
        replica(&fake, Some((&url, &prefix, OnRedisFailure::default()))).await,
    ];
    let outcome = run(&others, 30).await;
    let stats = fake.stats();
    println!(
        "learned max 5 (configured {LIMIT}): 60 requests from two fresh replicas, peak {} per window, {} 429s, {:?}",
        stats.peak_in_window, stats.rate_limited, outcome.elapsed
    );
    assert_eq!(outcome.ok, 60, "{:?}", outcome.failed);
    assert!(stats.peak_in_window <= 5, "{stats:?}");
    assert_eq!(stats.rate_limited, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spent_daily_budget_fails_at_once_without_a_request() {
    let Some(url) = redis_url("a_spent_daily_budget_fails_at_once") else {
        return;
    };
    let fake = FakeHubSpot::start().await.unwrap();
    let prefix = prefix();
    let first = replica(&fake, Some((&url, &prefix, OnRedisFailure::default()))).await;
    let second = replica(&fake, Some((&url, &prefix, OnRedisFailure::default()))).await;
    // HubSpot says two requests are left today.
    fake.push_response(
        ScriptedResponse::json(200, serde_json::json!({"results": [], "total": 0}))
            .with_header("x-hubspot-ratelimit-daily", "1000")
            .with_header("x-hubspot-ratelimit-daily-remaining", "2"),
    );
    let _ = first.send(&list()).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    first.send(&list()).await.expect("one of the two left");
    second.send(&list()).await.expect("the other");
    let sent = fake.requests().len();
    let started = Instant::now();
    let error = second
        .send(&list())
        .await
        .expect_err("the daily budget is spent");
    let took = started.elapsed();
    println!("daily remaining 0: {error} (after {took:?}, nothing sent)");
    match &error {
        Error::RateLimited(limited) => {
            assert_eq!(limited.policy_name.as_deref(), Some("DAILY"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(fake.requests().len(), sent, "nothing reached the fake");
    assert!(took < Duration::from_millis(500), "{took:?}");
    assert!(
        first.send(&list()).await.is_err(),
        "every replica is refused"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_wait_a_dead_redis_fails_typed_and_sends_resume_after_it_returns() {
    if !redis_server_available("under_wait_a_dead_redis") {
        return;
    }
    let mut redis = PrivateRedis::start().await;
    let fake = limited_fake(LIMIT).await;
    let policy = OnRedisFailure::Wait {
        max_wait: Duration::from_millis(300),
    };
    let client = replica(&fake, Some((&redis.url(), "wait", policy))).await;
    client.send(&list()).await.expect("with Redis");
    redis.kill();
    let sent = fake.requests().len();
    let started = Instant::now();
    let outcome = run(std::slice::from_ref(&client), 20).await;
    let took = started.elapsed();
    println!(
        "Redis dead under Wait(300 ms): {} ok, {} failed in {took:?}, first: {:?}",
        outcome.ok,
        outcome.failed.len(),
        outcome.failed.first()
    );
    assert_eq!(outcome.ok, 0);
    assert_eq!(fake.requests().len(), sent, "nothing is sent without Redis");
    let error = client.send(&list()).await.expect_err("still no Redis");
    match &error {
        Error::SharedState(shared) => assert!(shared.is_unavailable(), "{shared:?}"),
        other => panic!("{other:?}"),
    }
    assert!(!error.to_string().contains(&redis.url()), "{error}");

    redis.restart().await;
    let started = Instant::now();
    let mut last = None;
    while started.elapsed() < Duration::from_secs(10) {
        match client.send(&list()).await {
            Ok(_) => {
                last = None;
                break;
            }
            Err(error) => last = Some(error),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(last.is_none(), "no send after Redis came back: {last:?}");
    println!(
        "Redis back: sends succeed again after {:?}, same client",
        started.elapsed()
    );
    let outcome = run(std::slice::from_ref(&client), 20).await;
    assert_eq!(outcome.ok, 20, "{:?}", outcome.failed);
    assert!(fake.stats().peak_in_window <= LIMIT);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_fallback_sends_go_on_within_the_budget_through_a_redis_outage() {
    if !redis_server_available("under_fallback_sends_go_on") {
        return;
    }
    let redis = Arc::new(tokio::sync::Mutex::new(PrivateRedis::start().await));
    let url = redis.lock().await.url();
    let fake = limited_fake(LIMIT).await;
    let policy = OnRedisFailure::FallBack { replicas: 3 };
    let mut replicas = Vec::new();
    for _ in 0..3 {
        replicas.push(replica(&fake, Some((&url, "fallback", policy))).await);
    }
    let outage = {
        let redis = Arc::clone(&redis);
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(800)).await;
            redis.lock().await.kill();
            tokio::time::sleep(Duration::from_millis(2500)).await;
            redis.lock().await.restart().await;
        })
    };
    let outcome = run(&replicas, 150).await;
    outage.await.unwrap();
    let stats = fake.stats();
    println!(
        "FallBack(3), Redis killed at 0.8 s and back at 3.3 s: {} ok, {} failed, peak {} per window (limit {LIMIT}), {} 429s, {:?}",
        outcome.ok,
        outcome.failed.len(),
        stats.peak_in_window,
        stats.rate_limited,
        outcome.elapsed
    );
    assert_eq!(outcome.ok, 450, "{:?}", outcome.failed.first());
    assert!(stats.peak_in_window <= LIMIT, "{stats:?}");
    assert_eq!(stats.rate_limited, 0);
}

/// Commands the clients sent (round trips), from `INFO commandstats`:
/// `total_commands_processed` also counts the commands a script runs, so
/// count the top-level ones a client sends instead.
async fn round_trips(redis: &mut redis::aio::MultiplexedConnection) -> (u64, u64) {
    let info: String = redis::cmd("INFO")
        .arg("commandstats")
        .query_async(redis)
        .await
        .unwrap();
    let calls = |name: &str| -> u64 {
        info.lines()
            .find_map(|line| line.strip_prefix(&format!("cmdstat_{name}:calls=")))
            .and_then(|rest| rest.split(',').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    // SET and PING are sent on their own only (learned limits, probes);
    // INFO is this probe's.
    let top_level = ["evalsha", "eval", "script|load", "set", "ping", "info"];
    let total = top_level.iter().map(|name| calls(name)).sum();
    (total, calls("evalsha"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fast_path_costs_one_redis_command_per_request() {
    if !redis_server_available("the_fast_path_costs_one_redis_command") {
        return;
    }
    let redis = PrivateRedis::start().await;
    // Without a rate limit the fake sends no rate-limit headers: nothing
    // to learn, so only the acquire scripts remain.
    let fake = FakeHubSpot::start().await.unwrap();
    // A budget the run never fills: no request waits for a slot.
    let shared = Some((redis.url(), "trips", OnRedisFailure::default()));
    let shared = shared
        .as_ref()
        .map(|(url, prefix, policy)| (url.as_str(), *prefix, *policy));
    let client = replica_with(&fake, shared, 100_000).await;
    let mut probe = redis::Client::open(redis.url())
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap();
    // Warm up: the script is loaded once.
    for _ in 0..5 {
        client.send(&list()).await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    let before = round_trips(&mut probe).await;
    let requests = 200u64;
    for _ in 0..requests {
        client.send(&list()).await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    let after = round_trips(&mut probe).await;
    // The first INFO counts itself after its answer; the last release is
    // flushed on its own.
    let total = after.0 - before.0 - 1;
    let evalsha = after.1 - before.1;
    println!(
        "round trips: {requests} sequential requests cost {total} Redis commands ({evalsha} EVALSHA): {:.3} per request; beyond one per request, a release flushed on its own when the next request came later than the flush delay (the last one always)",
        total as f64 / requests as f64
    );
    // A busy machine may delay a next request past the flush delay now and
    // then; the fast path itself is one script per request.
    assert!(total <= requests + requests / 20 + 1, "{total} commands");
    assert!(total >= requests);
}
