//! The client-side rate limiter, the concurrency bound and the timeouts,
//! checked against what `hubspot-fake` saw on its side of the socket.
//!
//! Timing is asserted on the arrival instants the fake records
//! (`RecordedRequest::received_at`), not on the test's own clock: a busy
//! machine can only spread arrivals further apart, so a lower bound on
//! their spacing holds for the right reason, and an elapsed time measured
//! around the whole exchange (connection set-up, task scheduling) cannot
//! make it pass.

mod common;

use std::time::{Duration, Instant};

use common::*;
use hubspot_fake::{
    FakeConfig, FakeHubSpot, Fault, FaultConfig, RateLimitConfig, ScriptedResponse,
};
use hubspot_runtime::{Client, Error, RateLimit, RetryPolicy};

const WINDOW: Duration = Duration::from_millis(300);

/// When the fake received each request, in order of arrival.
fn arrivals(fake: &FakeHubSpot) -> Vec<Instant> {
    let mut at: Vec<Instant> = fake.requests().iter().map(|r| r.received_at).collect();
    at.sort();
    at
}

/// Asserts that no `n + 1` arrivals fall within `span`: the `i`th and the
/// `i + n`th are at least `span` apart.
fn assert_at_most_per(arrivals: &[Instant], n: usize, span: Duration) {
    for (i, pair) in arrivals.windows(n + 1).enumerate() {
        let gap = pair[n] - pair[0];
        assert!(
            gap >= span,
            "arrivals {i} and {} only {gap:?} apart (at most {n} per {span:?})",
            i + n
        );
    }
}

fn archive() -> ArchiveMessage {
    ArchiveMessage {
        channel_id: "42".to_owned(),
        message_id: "7".to_owned(),
    }
}

/// A fake accepting 5 requests per [`WINDOW`].
async fn limited_fake() -> FakeHubSpot {
    FakeHubSpot::start_with(FakeConfig {
        rate_limit: Some(RateLimitConfig::new(5, WINDOW)),
        ..FakeConfig::default()
    })
    .await
    .unwrap()
}

/// A client allowed 5 requests per [`WINDOW`], without retries (so that a
/// 429 would show).
fn limited_client(fake: &FakeHubSpot) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .rate_limit(RateLimit::custom(5, WINDOW))
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap()
}

/// Sends `count` requests at once from each client; returns the errors
/// other than the fake's own 404 (no such route for the test endpoint).
async fn burst(clients: &[Client], count: usize) -> Vec<Error> {
    let mut tasks = Vec::new();
    for client in clients {
        for _ in 0..count {
            let client = client.clone();
            tasks.push(tokio::spawn(async move { client.send(&archive()).await }));
        }
    }
    let mut errors = Vec::new();
    for task in tasks {
        if let Err(error) = task.await.unwrap()
            && !matches!(error, Error::NotFound(_) | Error::Status(_))
        {
            errors.push(error);
        }
    }
    errors
}

#[tokio::test]
async fn the_window_is_respected() {
    let fake = limited_fake().await;
    let client = limited_client(&fake);
    let errors = burst(std::slice::from_ref(&client), 12).await;
    assert!(errors.is_empty(), "{errors:?}");
    let stats = fake.stats();
    assert_eq!(stats.requests, 12);
    assert_eq!(stats.rate_limited, 0);
    assert!(stats.peak_in_window <= 5, "{stats:?}");
    // 12 requests at 5 per window: no six arrive within one window, so they
    // span two windows at least.
    let at = arrivals(&fake);
    assert_eq!(at.len(), 12);
    assert_at_most_per(&at, 5, WINDOW);
    assert!(at[11] - at[0] >= 2 * WINDOW, "{:?}", at[11] - at[0]);
}

#[tokio::test]
async fn clones_share_one_window() {
    let fake = limited_fake().await;
    let client = limited_client(&fake);
    let errors = burst(&[client.clone(), client.clone(), client], 4).await;
    assert!(errors.is_empty(), "{errors:?}");
    let stats = fake.stats();
    assert_eq!(stats.requests, 12);
    assert!(stats.peak_in_window <= 5, "{stats:?}");

    // Separately built clients each have their own window, and together
    // they overrun the fake's.
    let fake = limited_fake().await;
    let errors = burst(&[limited_client(&fake), limited_client(&fake)], 5).await;
    let stats = fake.stats();
    assert!(stats.peak_in_window > 5, "{stats:?}");
    assert!(
        errors.iter().any(|e| matches!(e, Error::RateLimited(_))),
        "{errors:?}"
    );
}

#[tokio::test]
async fn the_limiter_slows_down_when_hubspot_reports_little_budget_left() {
    let interval = Duration::from_millis(1000);
    let answer = |remaining: u32| {
        ScriptedResponse::raw(204, "")
            .with_header("X-HubSpot-RateLimit-Max", "10")
            .with_header("X-HubSpot-RateLimit-Remaining", remaining.to_string())
            .with_header("X-HubSpot-RateLimit-Interval-Milliseconds", "1000")
    };
    let client_for = |fake: &FakeHubSpot| {
        Client::builder()
            .token(TOKEN)
            .base_url(fake.base_url())
            .rate_limit(RateLimit::custom(10, interval))
            .build()
            .unwrap()
    };

    // HubSpot counts 9 of 10 used after our first request: someone else
    // uses the app too, and only 1 request is left until the window rolls.
    let fake = start_fake().await;
    let client = client_for(&fake);
    for remaining in [1, 0, 0] {
        fake.push_response(answer(remaining));
    }
    for _ in 0..3 {
        client.send(&archive()).await.unwrap();
    }
    // The third waits for the window that began with the first answer.
    let at = arrivals(&fake);
    assert!(at[2] - at[0] >= interval, "{:?}", at[2] - at[0]);

    // Plenty left: no waiting.
    let fake = start_fake().await;
    let client = client_for(&fake);
    for remaining in [9, 8, 7] {
        fake.push_response(answer(remaining));
    }
    for _ in 0..3 {
        client.send(&archive()).await.unwrap();
    }
    let at = arrivals(&fake);
    assert!(at[2] - at[0] < interval, "{:?}", at[2] - at[0]);
}

#[tokio::test]
async fn a_429_pauses_every_clone() {
    let fake = start_fake().await;
    let client = client_without_retries(&fake);
    fake.push_response(ScriptedResponse::raw(429, "slow down").with_header("Retry-After", "0.4"));
    fake.push_response(ScriptedResponse::raw(204, ""));
    let error = client.send(&archive()).await.unwrap_err();
    assert!(matches!(error, Error::RateLimited(_)), "{error:?}");
    // Another clone, right after: it waits out the pause HubSpot asked for.
    let clone = client.clone();
    clone.send(&archive()).await.unwrap();
    // The pause begins when the 429 is read, after it arrived at the fake.
    let at = arrivals(&fake);
    assert_eq!(at.len(), 2);
    assert!(
        at[1] - at[0] >= Duration::from_millis(400),
        "{:?}",
        at[1] - at[0]
    );
}

#[tokio::test]
async fn concurrency_is_bounded() {
    let slow = Duration::from_millis(150);
    let fake_with_slow_answers = || async {
        FakeHubSpot::start_with(FakeConfig {
            faults: Some(
                FaultConfig::new(1.0)
                    .with_kinds([Fault::Slow])
                    .with_slow_delay(slow),
            ),
            ..FakeConfig::default()
        })
        .await
        .unwrap()
    };
    let client_for = |fake: &FakeHubSpot, max: usize| {
        Client::builder()
            .token(TOKEN)
            .base_url(fake.base_url())
            .max_concurrent_requests(max)
            .retry_policy(RetryPolicy::disabled())
            .build()
            .unwrap()
    };

    let fake = fake_with_slow_answers().await;
    let client = client_for(&fake, 2);
    assert_eq!(client.max_concurrent_requests(), 2);
    let errors = burst(std::slice::from_ref(&client), 6).await;
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(fake.stats().peak_concurrency, 2);
    // Each answer takes `slow`: a third request arrives only after one of
    // the two before it was answered, so six arrive in three waves.
    let at = arrivals(&fake);
    assert_eq!(at.len(), 6);
    assert_at_most_per(&at, 2, slow);

    // With room for all six, the fake sees them together.
    let fake = fake_with_slow_answers().await;
    let errors = burst(&[client_for(&fake, 6)], 6).await;
    assert!(errors.is_empty(), "{errors:?}");
    assert!(fake.stats().peak_concurrency > 2);
}

#[tokio::test]
async fn each_attempt_times_out_and_an_idempotent_request_is_retried() {
    let silent = SilentServer::start().await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(silent.base_url())
        .timeout(Duration::from_millis(150))
        .retry_policy(fast_retries(3))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.send(&archive()).await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert_token_absent(&error);
    assert_eq!(silent.accepted(), 3, "one connection per attempt");
    assert!(started.elapsed() >= Duration::from_millis(450));
}

#[tokio::test]
async fn the_total_timeout_bounds_all_attempts() {
    let silent = SilentServer::start().await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(silent.base_url())
        .timeout(Duration::from_millis(200))
        .total_timeout(Duration::from_millis(500))
        .retry_policy(fast_retries(10))
        .build()
        .unwrap();
    assert_eq!(client.total_timeout(), Duration::from_millis(500));
    let started = Instant::now();
    let error = client.send(&archive()).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(error.is_timeout(), "{error:?}");
    assert!(elapsed >= Duration::from_millis(500), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(3), "{elapsed:?}");
    assert!(silent.accepted() <= 3, "{} attempts", silent.accepted());
}

#[tokio::test]
async fn the_total_timeout_covers_waiting_for_the_rate_limiter() {
    let fake = start_fake().await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .rate_limit(RateLimit::custom(1, Duration::from_secs(10)))
        .total_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    fake.push_response(ScriptedResponse::raw(204, ""));
    client.send(&archive()).await.unwrap();
    let started = Instant::now();
    let error = client.send(&archive()).await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    // The second never left, so the fake has no arrival to time: the
    // client's own clock is all there is (a lower bound, which load cannot
    // make fail).
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(fake.requests().len(), 1, "the second never left");
}
