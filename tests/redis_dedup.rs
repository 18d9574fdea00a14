//! `RedisWebhookDedup` against a real Redis (`HUBSPOT_TEST_REDIS_URL`),
//! two "replicas" on separate connections: a webhook sent to both at once
//! is delivered once; a claim given up (or abandoned by a crash) lets a
//! redelivery through; a delivered webhook redelivered is not delivered
//! again.
//!
//! Without `HUBSPOT_TEST_REDIS_URL` the tests are skipped, except under CI
//! (`CI` set), where they fail: CI must provide Redis.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant, SystemTime};

use hubspot_runtime::SharedStateErrorKind;
use hubspot_runtime::redis::{Redis, RedisWebhookDedup};
use hubspot_runtime::webhooks::{Claim, WebhookDedup};

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

fn random_prefix(test: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("test-{test}-{}-{nanos:x}", std::process::id())
}

/// Two replicas: each its own connection, on one prefix.
async fn replicas(url: &str, test: &str) -> [RedisWebhookDedup; 2] {
    let prefix = random_prefix(test);
    let mut two = Vec::new();
    for _ in 0..2 {
        let redis = Redis::connect(url)
            .await
            .expect("the test Redis answers")
            .with_prefix(&prefix)
            .unwrap();
        two.push(RedisWebhookDedup::new(redis));
    }
    two.try_into().unwrap()
}

/// Handles the webhook `id` as a bridge does: claims it, "delivers" (counts,
/// after `work`), marks it delivered. Whether this call delivered.
async fn handle(
    dedup: &RedisWebhookDedup,
    id: &str,
    work: Duration,
    deliveries: &AtomicU32,
) -> bool {
    match dedup.claim(id).await.expect("claimed") {
        Claim::Deliver(guard) => {
            tokio::time::sleep(work).await;
            deliveries.fetch_add(1, Ordering::SeqCst);
            guard.delivered().await.expect("marked delivered");
            true
        }
        Claim::AlreadyDelivered => false,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_webhook_sent_to_two_replicas_at_once_is_delivered_once() {
    let Some(url) = redis_url() else { return };
    let [a, b] = replicas(&url, "race").await;
    let (a, b) = (Arc::new(a), Arc::new(b));
    let webhooks = 50;
    let deliveries = Arc::new(AtomicU32::new(0));
    let tasks: Vec<_> = (0..webhooks)
        .flat_map(|i| {
            [Arc::clone(&a), Arc::clone(&b)].map(|replica| {
                let deliveries = Arc::clone(&deliveries);
                tokio::spawn(async move {
                    let id = format!("101:message-{i}");
                    handle(&replica, &id, Duration::from_millis(100), &deliveries).await
                })
            })
        })
        .collect();
    let mut delivered_by_one = 0;
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap());
    }
    for pair in results.chunks(2) {
        if pair[0] != pair[1] {
            delivered_by_one += 1;
        }
    }
    let total = deliveries.load(Ordering::SeqCst);
    println!(
        "{webhooks} webhooks, each sent to 2 replicas at once: {total} deliveries \
         ({delivered_by_one} delivered by exactly one replica)"
    );
    assert_eq!(total, webhooks);
    assert_eq!(delivered_by_one, webhooks);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_or_crashed_delivery_lets_the_redelivery_through() {
    let Some(url) = redis_url() else { return };
    let [a, b] = replicas(&url, "crash").await;
    let deliveries = AtomicU32::new(0);

    // Delivery fails on A: its guard drops, the claim is released, B's
    // redelivery delivers.
    let Claim::Deliver(guard) = a.claim("101:failed").await.unwrap() else {
        panic!("the first claim delivers");
    };
    drop(guard);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let started = Instant::now();
    assert!(handle(&b, "101:failed", Duration::ZERO, &deliveries).await);
    println!(
        "a claim dropped without delivered(): redelivered on the other replica after {:.0?}",
        started.elapsed()
    );

    // A dies mid-delivery (nothing released): B waits for the lease.
    let a = a.with_claim_lease(Duration::from_millis(400));
    let claimed = Instant::now();
    std::mem::forget(a.claim("101:crashed").await.unwrap());
    assert!(handle(&b, "101:crashed", Duration::ZERO, &deliveries).await);
    let lapsed = claimed.elapsed();
    println!("a replica that died mid-delivery (400 ms lease): redelivered after {lapsed:.0?}");
    assert!(lapsed >= Duration::from_millis(380), "{lapsed:?}");

    // Delivered, then redelivered to either replica: nothing done again.
    assert!(handle(&a, "101:done", Duration::ZERO, &deliveries).await);
    for replica in [&a, &b] {
        assert!(matches!(
            replica.claim("101:done").await.unwrap(),
            Claim::AlreadyDelivered
        ));
    }
    assert_eq!(deliveries.load(Ordering::SeqCst), 3);
    println!("a delivered webhook redelivered to both replicas: AlreadyDelivered twice");

    // Held longer than the wait: an error, for the handler to answer 5xx.
    let Claim::Deliver(held) = a.claim("101:slow").await.unwrap() else {
        panic!("the first claim delivers");
    };
    let impatient = b.clone().with_wait(Duration::from_millis(200));
    let error = impatient.claim("101:slow").await.unwrap_err();
    assert_eq!(error.kind(), SharedStateErrorKind::Timeout);
    println!("a claim held past the wait: {error}");
    held.release().await.unwrap();
    assert!(matches!(
        impatient.claim("101:slow").await.unwrap(),
        Claim::Deliver(_)
    ));

    // The delivered marker lapses after its TTL.
    let forgetful = a.clone().with_delivered_ttl(Duration::from_millis(300));
    let Claim::Deliver(guard) = forgetful.claim("101:old").await.unwrap() else {
        panic!("the first claim delivers");
    };
    guard.delivered().await.unwrap();
    assert!(matches!(
        b.claim("101:old").await.unwrap(),
        Claim::AlreadyDelivered
    ));
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(matches!(
        b.claim("101:old").await.unwrap(),
        Claim::Deliver(_)
    ));
    assert!(!format!("{a:?}").contains("redis://"), "{a:?}");
}
