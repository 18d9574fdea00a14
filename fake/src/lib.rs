//! An in-memory HubSpot Conversations server for tests, examples and local
//! development of custom-channel integrations.
//!
//! [`FakeHubSpot`] serves real HTTP on a loopback socket and stands in for
//! `https://api.hubapi.com`. It validates requests the way HubSpot's
//! OpenAPI specs describe them (required fields, JSON types, enum values,
//! path parameter formats) and answers with spec-shaped bodies, including
//! HubSpot's `Error` body for every failure.
//!
//! # Served operations
//!
//! Every (version, operation) pair of HubSpot's Custom Channels (`v3`,
//! `2026-03`, `2026-09`), Conversations Inbox & Messages (`v3`, `2026-09`)
//! and Visitor Identification (`v3`, `2026-03`) specs: 77 in all, at the
//! paths the specs give.
//!
//! | API | operations |
//! |---|---|
//! | custom channels | create, list, get, update, archive a channel; create, list, get, update a channel account; complete a staging token; publish, get, update the status of a message |
//! | inbox | get and batch-read actors; list and get channels, channel accounts, inboxes; list, get, update, archive threads; assign and unassign; list, send, get messages and a message's original content |
//! | visitor identification | create a token |
//!
//! The fake starts with three inboxes (`1001` Support, `1002` Help Desk,
//! `1003` Sales), HubSpot's own channels and a few actors (agent `A-1001`,
//! bot `B-1`, visitor `V-2001`, …). Threads are created by publishing
//! custom-channel messages. Messages published with the same
//! `channelAccountId` and `integrationThreadId` share a thread; without an
//! `integrationThreadId`, the thread is the conversation with the visitor's
//! delivery identifier (the first sender of an `INCOMING` message, the first
//! recipient of an `OUTGOING` one). A thread lands in its channel account's
//! inbox when the account was created through the fake, else in `1001`.
//! Publishing again with an `integrationIdempotencyId` already seen on the
//! channel returns the earlier message.
//!
//! What one call changes, the next sees: a published or sent message is in
//! its thread's message list; an archived thread (or custom channel) is left
//! out of lists and reads unless `archived=true` is asked for; assigning
//! sets the thread's `assignedTo`. Lists page with `limit` (else
//! `defaultPageLength`, else 20) and the `paging.next.after` cursor they
//! hand out.
//!
//! # Webhooks
//!
//! A custom channel's webhook URL is the `webhookUrl` it was created with
//! through the API, or one registered with [`FakeConfig::register_channel`]
//! or [`FakeHubSpot::register_channel`]. Then a message sent to a
//! thread over that channel (`POST .../threads/{threadId}/messages` with
//! its `channelId`) is POSTed to the URL as HubSpot does: an
//! `OUTGOING_CHANNEL_MESSAGE_CREATED` event carrying the stored message,
//! signed with `X-HubSpot-Signature-v3` and `X-HubSpot-Request-Timestamp`
//! using [`FakeConfig::client_secret`], and retried with backoff
//! ([`WebhookRetry`]) after a connection failure, timeout, `5xx` or `429`
//! until the receiver answers `2xx` (another `4xx` is final, as at HubSpot). Such a message has
//! no `status` until the integration reports one with the status-update
//! endpoint. [`FakeHubSpot::webhook_deliveries`] shows every delivery and
//! attempt; [`FakeHubSpot::send_webhook`] sends any other event.
//!
//! # Errors
//!
//! - no or wrong `Authorization: Bearer <token>`: 401, `INVALID_AUTHENTICATION`;
//! - schema violations: 400, `VALIDATION_ERROR`, one `errors[]` entry per
//!   problem with `in` set to the field path (`senders[0].deliveryIdentifier.type`)
//!   and `code` one of `REQUIRED_FIELD`, `INVALID_TYPE`, `INVALID_ENUM`
//!   (with `context.allowedValues`), `INVALID_FORMAT`, `INVALID_VALUE`,
//!   `INVALID_JSON`;
//! - a non-empty body not sent as `application/json`: 415;
//! - a query parameter of the wrong type or value: 400, `VALIDATION_ERROR`,
//!   one entry per problem with `in` set to the parameter's name;
//! - unknown thread, message, channel, account, inbox or actor: 404,
//!   `OBJECT_NOT_FOUND`;
//! - unknown route (a trailing slash included: it is not an empty path
//!   parameter): 404; known route, wrong method: 405 with `Allow`
//!   listing the methods served there.
//!
//! Unknown JSON properties are ignored, and `null` counts as absent.
//!
//! # Fighting back
//!
//! Like HubSpot, the fake can turn requests away and fail: a rolling-window
//! rate limit answering `429` with HubSpot's headers and body
//! ([`RateLimitConfig`]), and [`Fault`]s — `500`/`502`/`503`, connection
//! resets before or after the request is stored, answers slower than a
//! client's timeout, truncated or malformed JSON — injected at a rate from a
//! seeded generator ([`FaultConfig`]) or queued one by one
//! ([`FakeHubSpot::push_fault`]). [`FakeHubSpot::stats`] tells a test what the
//! server saw: requests, `429`s, faults, the most requests in one window.
//!
//! # Example
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> std::io::Result<()> {
//! use hubspot_fake::{FakeHubSpot, ScriptedResponse};
//!
//! let fake = FakeHubSpot::start().await?;
//! // Point the client under test at `fake.base_url()` with `fake.token()`.
//! assert!(fake.base_url().starts_with("http://127.0.0.1:"));
//! fake.push_response(ScriptedResponse::raw(503, "try later"));
//! // ... the next request gets the 503 ...
//! assert!(fake.requests().is_empty());
//! fake.shutdown().await;
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]

mod conn;
mod errors;
mod faults;
mod recording;
mod reply;
mod routes;
mod schema;
mod server;
#[cfg(test)]
mod spec_check;
mod state;
mod time;
mod validate;
mod webhooks;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use faults::{FakeStats, Fault, FaultConfig, RateLimitConfig};
pub use recording::{RecordedRequest, ScriptedResponse};
pub use webhooks::{DeliveryOutcome, WebhookAttempt, WebhookDelivery, WebhookRetry};

use state::{Scripted, Shared};
use webhooks::Webhooks;

/// How long [`FakeHubSpot::shutdown`] waits for open connections to finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// How to start a [`FakeHubSpot`].
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use std::time::Duration;
/// use hubspot_fake::{FakeConfig, FakeHubSpot, FaultConfig, RateLimitConfig};
///
/// let fake = FakeHubSpot::start_with(FakeConfig {
///     rate_limit: Some(RateLimitConfig::new(100, Duration::from_millis(100))),
///     faults: Some(FaultConfig::new(0.2).with_seed(7)),
///     ..FakeConfig::default()
/// })
/// .await?;
/// assert_eq!(fake.stats().requests, 0);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct FakeConfig {
    /// The bearer token requests must carry.
    pub token: String,
    /// Where to listen; port 0 picks a free port.
    pub bind: SocketAddr,
    /// A rolling-window rate limit answering `429` like HubSpot; none by
    /// default.
    pub rate_limit: Option<RateLimitConfig>,
    /// Faults injected at random; none by default.
    pub faults: Option<FaultConfig>,
    /// The app's client secret, which webhooks are signed with.
    pub client_secret: String,
    /// Custom channels' webhook URLs, by channel id.
    pub webhooks: Vec<(i32, String)>,
    /// How webhooks are retried.
    pub webhook_retry: WebhookRetry,
}

impl Default for FakeConfig {
    /// [`FakeHubSpot::DEFAULT_TOKEN`] on `127.0.0.1:0`, no rate limit, no
    /// faults, signing webhooks with [`FakeHubSpot::DEFAULT_CLIENT_SECRET`],
    /// no channel webhooks and the default [`WebhookRetry`].
    fn default() -> Self {
        FakeConfig {
            token: FakeHubSpot::DEFAULT_TOKEN.to_string(),
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            rate_limit: None,
            faults: None,
            client_secret: FakeHubSpot::DEFAULT_CLIENT_SECRET.to_string(),
            webhooks: Vec::new(),
            webhook_retry: WebhookRetry::default(),
        }
    }
}

impl FakeConfig {
    /// Registers the webhook URL of custom channel `channel_id` (replacing
    /// an earlier one): messages sent over that channel are POSTed there.
    /// Only `http://` URLs are supported.
    ///
    /// ```
    /// use hubspot_fake::FakeConfig;
    /// let config = FakeConfig::default().register_channel(1001, "http://127.0.0.1:3000/hubspot");
    /// assert_eq!(config.webhooks, [(1001, "http://127.0.0.1:3000/hubspot".to_owned())]);
    /// ```
    pub fn register_channel(mut self, channel_id: i32, webhook_url: impl Into<String>) -> Self {
        self.webhooks.retain(|(id, _)| *id != channel_id);
        self.webhooks.push((channel_id, webhook_url.into()));
        self
    }
}

/// A running fake HubSpot server. Dropping it (or calling
/// [`shutdown`](FakeHubSpot::shutdown)) stops the server.
pub struct FakeHubSpot {
    shared: Arc<Shared>,
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
    webhook_worker: JoinHandle<()>,
}

impl std::fmt::Debug for FakeHubSpot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeHubSpot")
            .field("addr", &self.addr)
            .field("token", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl FakeHubSpot {
    /// The token [`FakeHubSpot::start`] accepts.
    pub const DEFAULT_TOKEN: &'static str = "fake-hubspot-token";

    /// The client secret [`FakeHubSpot::start`] signs webhooks with.
    pub const DEFAULT_CLIENT_SECRET: &'static str = "fake-hubspot-client-secret";

    /// The HubSpot account id (`portalId`) in the webhooks the fake sends.
    pub const PORTAL_ID: i64 = routes::PORTAL_ID;

    /// The `integrationAppId` in the `client` of every message the fake
    /// creates (it pretends one app owns all channels).
    pub const INTEGRATION_APP_ID: i32 = routes::INTEGRATION_APP_ID;

    /// Starts a server on `127.0.0.1` on a free port, accepting
    /// [`DEFAULT_TOKEN`](FakeHubSpot::DEFAULT_TOKEN), as a task on the
    /// current tokio runtime.
    ///
    /// # Panics
    ///
    /// If called outside a tokio runtime.
    pub async fn start() -> std::io::Result<FakeHubSpot> {
        FakeHubSpot::start_with(FakeConfig::default()).await
    }

    /// Starts a server with the given token and address, as a task on the
    /// current tokio runtime.
    ///
    /// # Errors
    ///
    /// If the address cannot be bound.
    ///
    /// # Panics
    ///
    /// If called outside a tokio runtime.
    pub async fn start_with(config: FakeConfig) -> std::io::Result<FakeHubSpot> {
        let listener = tokio::net::TcpListener::bind(config.bind).await?;
        let addr = listener.local_addr()?;
        let (webhooks, webhook_worker) =
            Webhooks::start(config.client_secret, config.webhooks, config.webhook_retry);
        let shared = Arc::new(Shared::new(config.token, webhooks));
        shared.with_chaos(|chaos| {
            chaos.set_rate_limit(config.rate_limit);
            chaos.set_faults(config.faults);
        });
        let app = server::router(Arc::clone(&shared))
            .into_make_service_with_connect_info::<conn::Connection>();
        let listener = conn::ResettableListener(listener);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let serve = axum::serve(listener, app).with_graceful_shutdown(async {
                // Either a stop signal or the handle being dropped.
                let _ = stopped.await;
            });
            // Accept errors are retried inside axum; nothing to report here.
            let _ = serve.await;
        });
        Ok(FakeHubSpot {
            shared,
            addr,
            stop: Some(stop),
            task: Some(task),
            webhook_worker,
        })
    }

    /// The server's base URL, e.g. `http://127.0.0.1:41234` (no trailing
    /// slash): use it in place of `https://api.hubapi.com`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The bearer token the server accepts.
    pub fn token(&self) -> &str {
        &self.shared.token
    }

    /// Every request received so far, oldest first, including rejected
    /// ones and ones answered by scripted responses.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    /// Queues a response: the next request gets it instead of normal
    /// handling (it is still recorded). Queued responses are served in the
    /// order they were pushed.
    pub fn push_response(&self, response: ScriptedResponse) {
        self.shared.push_scripted(Scripted::Response(response));
    }

    /// Queues a fault: the next request is handled with it (after the rate
    /// limit, if any, lets it through). Queued faults and responses are
    /// served in the order they were pushed.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use hubspot_fake::{FakeHubSpot, Fault};
    ///
    /// let fake = FakeHubSpot::start().await?;
    /// // The next publish is stored, but its connection is reset instead of
    /// // answered.
    /// fake.push_fault(Fault::ResetAfterHandling);
    /// # Ok(())
    /// # }
    /// ```
    pub fn push_fault(&self, fault: Fault) {
        self.shared.push_scripted(Scripted::Fault(fault));
    }

    /// Sets (or with `None` removes) the rolling-window rate limit; its
    /// window starts empty.
    pub fn set_rate_limit(&self, limit: Option<RateLimitConfig>) {
        self.shared.with_chaos(|chaos| chaos.set_rate_limit(limit));
    }

    /// Sets (or with `None` removes) random faults; the generator restarts
    /// from the config's seed.
    pub fn set_faults(&self, faults: Option<FaultConfig>) {
        self.shared.with_chaos(|chaos| chaos.set_faults(faults));
    }

    /// What the fake saw and did so far: requests, `429`s, faults by kind,
    /// the most requests in one rate-limit window and the most handled at
    /// once.
    pub fn stats(&self) -> FakeStats {
        self.shared.with_chaos(|chaos| chaos.stats.clone())
    }

    /// Every stored message (custom-channel published messages and thread
    /// messages), oldest first, as they would be served now (status
    /// updates applied).
    pub fn messages(&self) -> Vec<Value> {
        self.shared.messages()
    }

    /// The messages of one thread, oldest first, or `None` if the thread
    /// does not exist. `thread_id` is the `conversationsThreadId` string.
    pub fn thread_messages(&self, thread_id: &str) -> Option<Vec<Value>> {
        let id = thread_id.parse::<u64>().ok()?;
        self.shared.with_store(|store| store.thread_messages(id))
    }

    /// The client secret webhooks are signed with.
    pub fn client_secret(&self) -> &str {
        self.shared.webhooks.secret()
    }

    /// Registers (or replaces) the webhook URL of custom channel
    /// `channel_id`, as [`FakeConfig::register_channel`] does before start.
    pub fn register_channel(&self, channel_id: i32, webhook_url: impl Into<String>) {
        self.shared
            .webhooks
            .register(channel_id, webhook_url.into());
    }

    /// Sends `event` (any JSON, e.g. a `CHANNEL_ACCOUNT_UPDATED` event) to
    /// the channel's webhook URL, signed and retried like every webhook.
    /// `false` if the channel has no webhook URL.
    pub fn send_webhook(&self, channel_id: i32, event: &Value) -> bool {
        self.shared.webhooks.send(channel_id, event)
    }

    /// Every webhook sent or being sent, oldest first, with its attempts.
    pub fn webhook_deliveries(&self) -> Vec<WebhookDelivery> {
        self.shared.webhooks.deliveries()
    }

    /// Waits until every queued webhook is delivered or given up on, or
    /// `timeout` passes, and returns [`webhook_deliveries`](Self::webhook_deliveries).
    pub async fn settle_webhooks(&self, timeout: Duration) -> Vec<WebhookDelivery> {
        self.shared.webhooks.settle(timeout).await
    }

    /// Stops the server: no new connections are accepted, and open ones
    /// get a few seconds to finish before being dropped. Webhooks not yet
    /// delivered are dropped.
    pub async fn shutdown(mut self) {
        self.webhook_worker.abort();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take()
            && tokio::time::timeout(SHUTDOWN_GRACE, &mut task)
                .await
                .is_err()
        {
            task.abort();
        }
    }
}

impl Drop for FakeHubSpot {
    fn drop(&mut self) {
        self.webhook_worker.abort();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
