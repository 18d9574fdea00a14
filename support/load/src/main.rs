//! One replica of a public app, for the several-processes test
//! (`tests/replicas.rs`): it publishes its share of messages to HubSpot (the
//! fake) through a client whose token store and rate limits live in Redis,
//! shared with the other replicas, and prints what happened as one JSON
//! line.
//!
//! ```text
//! hubspot-load --base-url URL --redis-url URL --prefix P --hubs 101,202
//!     --channel ID --replica R --publishes N --limit N --window-ms MS
//!     [--timeout-ms MS] [--policy wait|fallback:N] [--deadline-ms MS]
//! ```
//!
//! The app's client id, secret and redirect URI come from the environment
//! (`HUBSPOT_CLIENT_ID`, `HUBSPOT_CLIENT_SECRET`, `HUBSPOT_REDIRECT_URI`), so
//! that no secret shows in a process list.
//!
//! Each message has an id of its own (`r<R>-m<K>`), used as its text and its
//! `integrationIdempotencyId`: a publish that fails is sent again with the
//! same id until it succeeds or the deadline passes, so none is lost and
//! HubSpot stores none twice.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, MessageDirection, PublishMessage,
};
use hubspot_api::conversations::models::{DeliveryIdentifierType, PublicDeliveryIdentifier};
use hubspot_api::redis::{OnRedisFailure, Redis, RedisTokenStore, SharedRateLimits};
use hubspot_api::{Client, Error, OAuthApp, RateLimit, RetryPolicy};

struct Args {
    base_url: String,
    redis_url: String,
    prefix: String,
    hubs: Vec<u64>,
    channel: i32,
    replica: u32,
    publishes: u32,
    limit: u32,
    window: Duration,
    timeout: Duration,
    policy: OnRedisFailure,
    deadline: Duration,
}

fn parse() -> Result<Args, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| -> Result<String, String> {
        args.iter()
            .position(|arg| arg == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
            .ok_or_else(|| format!("{name} is required"))
    };
    let number = |name: &str| -> Result<u64, String> {
        let text = value(name)?;
        text.parse()
            .map_err(|_| format!("{name}: not a number: {text}"))
    };
    let optional = |name: &str, default: u64| -> Result<u64, String> {
        if args.iter().any(|arg| arg == name) {
            number(name)
        } else {
            Ok(default)
        }
    };
    let policy = match args.iter().position(|arg| arg == "--policy") {
        None => OnRedisFailure::Wait {
            max_wait: Duration::from_secs(2),
        },
        Some(_) => {
            let text = value("--policy")?;
            match text.split_once(':') {
                None if text == "wait" => OnRedisFailure::Wait {
                    max_wait: Duration::from_secs(2),
                },
                Some(("fallback", replicas)) => OnRedisFailure::FallBack {
                    replicas: replicas
                        .parse()
                        .map_err(|_| format!("--policy: not a number: {replicas}"))?,
                },
                _ => return Err(format!("--policy: wait or fallback:N, not {text}")),
            }
        }
    };
    Ok(Args {
        base_url: value("--base-url")?,
        redis_url: value("--redis-url")?,
        prefix: value("--prefix")?,
        hubs: value("--hubs")?
            .split(',')
            .map(|hub| {
                hub.parse()
                    .map_err(|_| format!("--hubs: not a number: {hub}"))
            })
            .collect::<Result<_, _>>()?,
        channel: i32::try_from(number("--channel")?).map_err(|_| "--channel: too large")?,
        replica: u32::try_from(number("--replica")?).map_err(|_| "--replica: too large")?,
        publishes: u32::try_from(number("--publishes")?).map_err(|_| "--publishes: too large")?,
        limit: u32::try_from(number("--limit")?).map_err(|_| "--limit: too large")?,
        window: Duration::from_millis(number("--window-ms")?),
        timeout: Duration::from_millis(optional("--timeout-ms", 1_000)?),
        policy,
        deadline: Duration::from_millis(optional("--deadline-ms", 120_000)?),
    })
}

fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set"))
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

fn publish(channel: i32, id: &str) -> PublishMessage {
    PublishMessage::builder()
        .channel_id(channel)
        .channel_account_id("5678")
        .text(id)
        .integration_idempotency_id(id)
        .message_direction(MessageDirection::Incoming)
        .senders(vec![participant("+15550100")])
        .recipients(vec![participant("+15550199")])
        .attachments(vec![])
        .timestamp(hubspot_api::DateTime::UNIX_EPOCH)
        .build()
}

/// A short name for an error's kind, for the summary (never its text).
fn kind(error: &Error) -> &'static str {
    match error {
        Error::SharedState(_) => "shared_state",
        Error::TokenStore(_) => "token_store",
        Error::Timeout => "timeout",
        Error::Transport(_) => "transport",
        Error::Server(_) => "server",
        Error::RateLimited(_) => "rate_limited",
        Error::Decode(_) => "decode",
        Error::Unauthorized(_) => "unauthorized",
        Error::ReauthorizationRequired { .. } => "reauthorization_required",
        _ => "other",
    }
}

async fn run(args: Args) -> Result<serde_json::Value, String> {
    let redis = Redis::connect(&args.redis_url)
        .await
        .and_then(|redis| redis.with_prefix(&args.prefix))
        .map_err(|e| e.to_string())?;
    let app = OAuthApp::new(
        env("HUBSPOT_CLIENT_ID")?,
        env("HUBSPOT_CLIENT_SECRET")?,
        env("HUBSPOT_REDIRECT_URI")?,
    );
    let client = Client::builder()
        .base_url(&args.base_url)
        .oauth_app(app)
        .token_store(RedisTokenStore::new(redis.clone()))
        .account_rate_limit(RateLimit::custom(args.limit, args.window))
        .shared_rate_limits(SharedRateLimits::new(redis).on_failure(args.policy))
        .timeout(args.timeout)
        .total_timeout(Duration::from_secs(20))
        .retry_policy(RetryPolicy::default())
        .max_concurrent_requests(16)
        .build()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let deadline = started + args.deadline;
    let mut tasks = tokio::task::JoinSet::new();
    for k in 0..args.publishes {
        let hub = args.hubs[k as usize % args.hubs.len()];
        let account = client.account(hub);
        let id = format!("r{}-m{k}", args.replica);
        let request = publish(args.channel, &id);
        tasks.spawn(async move {
            let mut errors: Vec<&'static str> = Vec::new();
            loop {
                match account.send(&request).await {
                    Ok(_) => return (true, errors),
                    Err(error) => {
                        errors.push(kind(&error));
                        if Instant::now() >= deadline {
                            return (false, errors);
                        }
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                }
            }
        });
    }
    let mut published = 0u32;
    let mut gave_up = 0u32;
    let mut errors: BTreeMap<&'static str, u32> = BTreeMap::new();
    while let Some(joined) = tasks.join_next().await {
        let (ok, seen) = joined.map_err(|e| e.to_string())?;
        if ok {
            published += 1;
        } else {
            gave_up += 1;
        }
        for kind in seen {
            *errors.entry(kind).or_default() += 1;
        }
    }
    Ok(serde_json::json!({
        "replica": args.replica,
        "published": published,
        "gave_up": gave_up,
        "errors": errors,
        "seconds": started.elapsed().as_secs_f64(),
    }))
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let outcome = match parse() {
        Ok(args) => run(args).await,
        Err(why) => Err(why),
    };
    match outcome {
        Ok(summary) => println!("{summary}"),
        Err(why) => {
            eprintln!("hubspot-load: {why}");
            std::process::exit(2);
        }
    }
}
