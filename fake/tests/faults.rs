//! The fake fighting back, over real sockets: HubSpot's rolling-window
//! rate limit, each injected fault, and reproducible random faults.

mod common;

use std::io;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use common::{Client, publish_path, simple_egg};
use hubspot_fake::{FakeConfig, FakeHubSpot, Fault, FaultConfig, RateLimitConfig};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// What came back for one request: an answer's status and body, or the
/// connection failing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Answer(u16, Vec<u8>),
    ConnectionFailed(io::ErrorKind),
}

/// Publishes `egg` on a fresh connection, without panicking when the
/// connection fails.
async fn try_publish(fake: &FakeHubSpot, egg: &Value) -> Outcome {
    match publish_raw(fake.addr(), fake.token(), egg).await {
        Ok(outcome) => outcome,
        Err(error) => Outcome::ConnectionFailed(error.kind()),
    }
}

async fn publish_raw(addr: SocketAddr, token: &str, egg: &Value) -> io::Result<Outcome> {
    let body = serde_json::to_vec(egg).unwrap();
    let mut stream = TcpStream::connect(addr).await?;
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        publish_path(7),
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(&body).await?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await?;
    if raw.is_empty() {
        return Ok(Outcome::ConnectionFailed(io::ErrorKind::UnexpectedEof));
    }
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let status = String::from_utf8_lossy(&raw[9..12]).parse().unwrap();
    Ok(Outcome::Answer(status, raw[split + 4..].to_vec()))
}

fn is_json(body: &[u8]) -> bool {
    serde_json::from_slice::<Value>(body).is_ok()
}

#[tokio::test]
async fn the_rate_limit_answers_429_like_hubspot_and_rolls() {
    let window = Duration::from_millis(400);
    let fake = FakeHubSpot::start_with(FakeConfig {
        rate_limit: Some(RateLimitConfig::new(3, window)),
        ..FakeConfig::default()
    })
    .await
    .unwrap();
    let client = Client::new(&fake);
    let egg = simple_egg("hi", "v@example.com");

    let started = Instant::now();
    for remaining in ["2", "1", "0"] {
        let ok = client.post(&publish_path(7), &egg).await;
        assert_eq!(ok.status, 201);
        assert_eq!(ok.header("x-hubspot-ratelimit-max"), Some("3"));
        assert_eq!(ok.header("x-hubspot-ratelimit-remaining"), Some(remaining));
        assert_eq!(
            ok.header("x-hubspot-ratelimit-interval-milliseconds"),
            Some("400")
        );
    }
    let limited = client.post(&publish_path(7), &egg).await;
    assert_eq!(limited.status, 429);
    let body = limited.json();
    assert_eq!(body["category"], "RATE_LIMITS");
    assert_eq!(body["policyName"], "TEN_SECONDLY_ROLLING");
    assert_eq!(body["status"], "error");
    assert!(body["correlationId"].is_string());
    assert_eq!(limited.header("x-hubspot-ratelimit-remaining"), Some("0"));
    assert_eq!(limited.header("x-hubspot-ratelimit-max"), Some("3"));
    // Retry-After says when the oldest request leaves the window.
    let retry_after: f64 = limited.header("retry-after").unwrap().parse().unwrap();
    let until_free = (window.saturating_sub(started.elapsed())).as_secs_f64();
    assert!(
        retry_after > 0.0 && retry_after <= until_free + 0.001,
        "{retry_after}"
    );
    assert_eq!(fake.messages().len(), 3, "a 429 stores nothing");

    tokio::time::sleep(Duration::from_secs_f64(retry_after)).await;
    let again = client.post(&publish_path(7), &egg).await;
    assert_eq!(again.status, 201);

    let stats = fake.stats();
    assert_eq!(stats.requests, 5);
    assert_eq!(stats.rate_limited, 1);
    assert_eq!(stats.peak_in_window, 4);
}

#[tokio::test]
async fn faults_before_handling_store_nothing() {
    let fake = FakeHubSpot::start().await.unwrap();
    let egg = simple_egg("hi", "v@example.com");
    for (fault, status) in [
        (Fault::InternalError, 500),
        (Fault::BadGateway, 502),
        (Fault::ServiceUnavailable, 503),
    ] {
        fake.push_fault(fault);
        let Outcome::Answer(got, body) = try_publish(&fake, &egg).await else {
            panic!("{fault}: no answer")
        };
        assert_eq!(got, status, "{fault}");
        assert!(!body.is_empty(), "{fault}");
    }
    fake.push_fault(Fault::ResetBeforeHandling);
    let outcome = try_publish(&fake, &egg).await;
    assert!(
        matches!(outcome, Outcome::ConnectionFailed(_)),
        "{outcome:?}"
    );
    assert!(fake.messages().is_empty());
    let stats = fake.stats();
    assert_eq!(stats.total_faults(), 4);
    assert_eq!(stats.faults[&Fault::ResetBeforeHandling], 1);
}

#[tokio::test]
async fn faults_after_handling_store_the_message_but_spoil_the_answer() {
    let fake = FakeHubSpot::start().await.unwrap();
    let egg = simple_egg("hi", "v@example.com");

    fake.push_fault(Fault::ResetAfterHandling);
    let outcome = try_publish(&fake, &egg).await;
    assert_eq!(
        outcome,
        Outcome::ConnectionFailed(io::ErrorKind::ConnectionReset),
        "a reset, not a clean close"
    );
    assert_eq!(fake.messages().len(), 1);

    for fault in [Fault::TruncatedBody, Fault::MalformedBody] {
        fake.push_fault(fault);
        let Outcome::Answer(status, body) = try_publish(&fake, &egg).await else {
            panic!("{fault}: no answer")
        };
        assert_eq!(status, 201, "{fault}");
        assert!(!body.is_empty() && !is_json(&body), "{fault}: {body:?}");
    }
    assert_eq!(fake.messages().len(), 3);

    // The clean answer after them is whole.
    let Outcome::Answer(201, body) = try_publish(&fake, &egg).await else {
        panic!("no clean answer")
    };
    assert!(is_json(&body));
}

#[tokio::test]
async fn slow_answers_are_held_back_after_storing() {
    let delay = Duration::from_millis(800);
    let fake = FakeHubSpot::start().await.unwrap();
    fake.set_faults(Some(FaultConfig::new(0.0).with_slow_delay(delay)));
    fake.push_fault(Fault::Slow);
    let started = Instant::now();
    let handle = {
        let addr = fake.addr();
        let token = fake.token().to_owned();
        tokio::spawn(
            async move { publish_raw(addr, &token, &simple_egg("hi", "v@example.com")).await },
        )
    };
    // Stored while the answer is still held back.
    while fake.messages().is_empty() {
        assert!(!handle.is_finished(), "answered before storing");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(!handle.is_finished(), "the answer was not held back");
    let Ok(Outcome::Answer(201, body)) = handle.await.unwrap() else {
        panic!("no answer")
    };
    assert!(is_json(&body));
    assert!(started.elapsed() >= delay);
}

/// The outcomes of `count` sequential publishes through a fake with random
/// faults from `seed`.
async fn run_with_seed(seed: u64, count: usize) -> Vec<String> {
    let fake = FakeHubSpot::start_with(FakeConfig {
        faults: Some(
            FaultConfig::new(0.5)
                .with_seed(seed)
                .with_kinds(Fault::ALL.into_iter().filter(|f| *f != Fault::Slow)),
        ),
        ..FakeConfig::default()
    })
    .await
    .unwrap();
    let mut outcomes = Vec::new();
    for i in 0..count {
        let outcome = match try_publish(&fake, &simple_egg(&format!("m{i}"), "v@example.com")).await
        {
            Outcome::Answer(status, body) => format!("{status}:{}", is_json(&body)),
            Outcome::ConnectionFailed(_) => "reset".to_owned(),
        };
        outcomes.push(outcome);
    }
    let stats = fake.stats();
    assert!(stats.total_faults() > 0);
    assert!(!stats.faults.contains_key(&Fault::Slow));
    outcomes
}

#[tokio::test]
async fn random_faults_are_reproducible_from_the_seed() {
    let first = run_with_seed(11, 40).await;
    let again = run_with_seed(11, 40).await;
    let other = run_with_seed(12, 40).await;
    assert_eq!(first, again);
    assert_ne!(first, other);
    let clean = first.iter().filter(|o| *o == "201:true").count();
    assert!(
        (8..=32).contains(&clean),
        "{clean} of 40 clean at a 50% rate"
    );
}
