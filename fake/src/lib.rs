//! An in-memory HubSpot Conversations (and CRM contacts and companies)
//! server for tests, examples and local development of custom-channel
//! integrations.
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
//! `2025-09`, `2026-03`, `2026-09`), Conversations Inbox & Messages (`v3`,
//! `2026-09`) and Visitor Identification (`v3`, `2025-09`, `2026-03`,
//! `2026-09`) specs: 92 in all, at the paths the specs give; and the CRM
//! essentials for contacts and companies (see
//! [below](#crm-contacts-and-companies)). Custom Channels `2025-09` has the
//! request and response shapes of `2026-09` (no `senderActorId`; staging
//! tokens need `accountName` and `deliveryIdentifier`); Visitor
//! Identification `2025-09` and `2026-09` take no `hsCustomerAgentContext`.
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
//! # CRM: contacts and companies
//!
//! Eight operations on contacts and on companies, in `v3`
//! (`/crm/v3/objects/contacts…`, `/crm/v3/objects/companies…`), `2026-03`
//! (`/crm/objects/2026-03/contacts…`) and `2026-09` (the generic
//! `/crm/objects/2026-09/{objectType}…`, where `contacts`, `contact`, `0-1`,
//! `companies`, `company` and `0-2` name the same stores; HubSpot's other
//! standard types are `404`, unknown names `400`): 40 routes.
//!
//! | operation | path (after the collection) | answer |
//! |---|---|---|
//! | create | `POST` | `201`, `SimplePublicObject` |
//! | read | `GET /{id}` (`properties`, `propertiesWithHistory`, `associations`, `archived`, `idProperty=email` for contacts) | `200` |
//! | update | `PATCH /{id}` (merges; `""` clears a property; `idProperty`) | `200` |
//! | archive | `DELETE /{id}` | `204` |
//! | list | `GET` (`limit` default 10, at most 100; the `paging.next.after` cursor) | `200` |
//! | search | `POST /search` (`filterGroups` ORed, their `filters` ANDed, every `Filter.operator`; `query`; `sorts` as `name` / `-name`; `limit` default 10, at most 200; `after`) | `200`, with `total` |
//! | batch read | `POST /batch/read` (by id or `idProperty`) | `200`; the missing ids as `errors`, `207` in `v3` and `2026-03` |
//! | batch create | `POST /batch/create` (all or nothing) | `201` |
//!
//! Each account has its own contacts and companies; ids are unique across
//! accounts and types. Writes fill in `createdate`, `hs_object_id` and
//! `lastmodifieddate` (`hs_lastmodifieddate` for companies) and answer the
//! properties written plus those; reads answer the properties asked for,
//! else HubSpot's defaults, leaving out unset ones. A contact's `email` is
//! unique per account among live contacts, compared case-insensitively: a
//! second one is `409`, category `CONFLICT`, "Contact already exists.
//! Existing ID: …". Associations given at create (to a live contact or
//! company of the account) are served both ways under `associations`.
//! The CRM takes the same credentials as the other API routes (a bearer
//! token, not the developer key) and counts in the account's rate-limit
//! window.
//!
//! Every account starts with [`CrmSeed::samples`] (Ada Lovelace,
//! `ada@example.com`, the seeded visitor `V-2001`); [`FakeConfig::crm_seed`]
//! and [`FakeHubSpot::seed_crm`] add more, [`FakeHubSpot::crm_objects`]
//! shows them. A new thread's `associatedContactId` is the contact its
//! first published message names (`associateWithContactId`, else the
//! first `preResolvedContacts` contact that is a live contact of the
//! account); failing that, its visitor (the first sender of an `INCOMING`
//! message, the first recipient of an `OUTGOING` one) becomes it: the
//! contact with that email or phone number (created if none), or one made
//! for any other delivery identifier, named after the visitor. So the
//! contact behind a conversation is a `GET` away.
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
//! # Accounts and OAuth
//!
//! The fake plays HubSpot for one public app ([`OAuthApp`]) installed in
//! one or more accounts ([`FakeConfig::accounts`]; the first is the
//! default account, and [`FakeConfig::token`] is its private-app token).
//! Each account has its own threads, messages and channel accounts, its own
//! tokens and its own rate-limit window; ids are unique across accounts, so
//! a token of one account gets `404` for another's objects. Custom channels
//! belong to the app and serve every account.
//!
//! - `GET /oauth/authorize?client_id=&redirect_uri=&scope=&optional_scope=&state=`
//!   (plus the fake-only `hub_id=`, default the first account) checks the
//!   app's client id, redirect URI and scopes and answers `302` to
//!   `redirect_uri?code=...&state=...`; [`FakeHubSpot::authorize`] does the
//!   same from a test.
//! - `POST /oauth/{v3,2026-03,2026-09}/token` (form body only):
//!   `authorization_code` (single-use, expiring codes) and `refresh_token`
//!   grants, answering `AccessTokenResponse`; access tokens live
//!   [`OAuthApp::token_lifetime`]; refresh tokens rotate with
//!   [`OAuthApp::rotate_refresh_tokens`].
//! - `.../token/introspect` (`PublicAccessTokenInfoResponse`,
//!   `PublicRefreshTokenInfoResponse` or `{"active": false}`) and
//!   `.../token/revoke` (`200`, empty; a refresh token's whole grant ends).
//! - Custom-channel administration (create, list, get, update, archive)
//!   takes `hapikey=<developer key>&appId=<app id>`; with
//!   [`OAuthApp::require_developer_key`] only that, else a bearer token too.
//!
//! [`FakeHubSpot::account_stats`] tells a test what one account saw
//! ([`AccountStats`]): requests and their arrival times, requests with an
//! expired or revoked token, its window's `429`s, token calls by grant
//! type, refreshes and rejected replays.
//!
//! # Errors
//!
//! - no, unknown or revoked `Authorization: Bearer <token>`: 401,
//!   `INVALID_AUTHENTICATION`; an expired OAuth access token: 401,
//!   `EXPIRED_AUTHENTICATION`, "The OAuth token used to make this call
//!   expired N second(s) ago.";
//! - at the token endpoints: 400 with OAuth's `error` / `error_description`
//!   and HubSpot's `status` / `message` (`invalid_grant` with
//!   `BAD_AUTH_CODE`, `BAD_REDIRECT_URI` or `BAD_REFRESH_TOKEN`;
//!   `invalid_client` with `BAD_CLIENT_ID`; `invalid_request`,
//!   `unsupported_grant_type`). No token or secret is ever echoed;
//! - schema violations: 400, `VALIDATION_ERROR`, one `errors[]` entry per
//!   problem with `in` set to the field path (`senders[0].deliveryIdentifier.type`)
//!   and `code` one of `REQUIRED_FIELD`, `INVALID_TYPE`, `INVALID_ENUM`
//!   (with `context.allowedValues`), `INVALID_FORMAT`, `INVALID_VALUE`,
//!   `INVALID_JSON`;
//! - a non-empty body not sent as `application/json`: 415;
//! - a query parameter of the wrong type or value: 400, `VALIDATION_ERROR`,
//!   one entry per problem with `in` set to the parameter's name;
//! - unknown thread, message, channel, account, inbox, actor, contact or
//!   company: 404, `OBJECT_NOT_FOUND`;
//! - a contact email already taken: 409, `CONFLICT`;
//! - unknown route (a trailing slash included: it is not an empty path
//!   parameter): 404; known route, wrong method: 405 with `Allow`
//!   listing the methods served there.
//!
//! Unknown JSON properties are ignored, and `null` counts as absent.
//!
//! # Fighting back
//!
//! Like HubSpot, the fake can turn requests away and fail: a rolling-window
//! rate limit per account answering `429` with HubSpot's headers and body
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

mod accounts;
mod conn;
mod crm;
mod errors;
mod faults;
mod oauth;
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

pub use accounts::{AccountStats, GrantType};
pub use crm::{CrmObjectType, CrmSeed};
pub use faults::{FakeStats, Fault, FaultConfig, RateLimitConfig};
pub use oauth::{AuthorizeError, DEFAULT_SCOPES, IssuedTokens, OAuthApp};
pub use recording::{RecordedRequest, ScriptedResponse};
pub use webhooks::{DeliveryOutcome, WebhookAttempt, WebhookDelivery, WebhookRetry};

use state::{Scripted, Shared};
use std::time::Instant;
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
#[derive(Clone)]
pub struct FakeConfig {
    /// The private-app token of the default account (the first of
    /// [`accounts`](Self::accounts)): a bearer token that never expires.
    pub token: String,
    /// Where to listen; port 0 picks a free port.
    pub bind: SocketAddr,
    /// A rolling-window rate limit answering `429` like HubSpot, one window
    /// per account; none by default.
    pub rate_limit: Option<RateLimitConfig>,
    /// Faults injected at random; none by default.
    pub faults: Option<FaultConfig>,
    /// The app's client secret: it signs webhooks and authenticates the
    /// app at the OAuth endpoints.
    pub client_secret: String,
    /// Custom channels' webhook URLs, by channel id.
    pub webhooks: Vec<(i32, String)>,
    /// How webhooks are retried.
    pub webhook_retry: WebhookRetry,
    /// The accounts (hub ids), each with its own data, tokens and
    /// rate-limit window; the first is the default account. Empty means
    /// just [`FakeHubSpot::PORTAL_ID`].
    pub accounts: Vec<i64>,
    /// The public app every account installs: OAuth client, redirect URI,
    /// scopes, developer API key, token lifetimes.
    pub oauth: OAuthApp,
    /// Contacts and companies created when the fake starts, in order;
    /// [`CrmSeed::samples`] by default (the seeded visitor's contact).
    pub crm_seed: Vec<CrmSeed>,
}

impl std::fmt::Debug for FakeConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeConfig")
            .field("token", &"<redacted>")
            .field("bind", &self.bind)
            .field("rate_limit", &self.rate_limit)
            .field("faults", &self.faults)
            .field("client_secret", &"<redacted>")
            .field("webhooks", &self.webhooks)
            .field("webhook_retry", &self.webhook_retry)
            .field("accounts", &self.accounts)
            .field("oauth", &self.oauth)
            .field("crm_seed", &self.crm_seed)
            .finish()
    }
}

impl Default for FakeConfig {
    /// [`FakeHubSpot::DEFAULT_TOKEN`] on `127.0.0.1:0`, no rate limit, no
    /// faults, signing webhooks with [`FakeHubSpot::DEFAULT_CLIENT_SECRET`],
    /// no channel webhooks, the default [`WebhookRetry`], one account
    /// ([`FakeHubSpot::PORTAL_ID`]), the default [`OAuthApp`] and the
    /// [`CrmSeed::samples`].
    fn default() -> Self {
        FakeConfig {
            token: FakeHubSpot::DEFAULT_TOKEN.to_string(),
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            rate_limit: None,
            faults: None,
            client_secret: FakeHubSpot::DEFAULT_CLIENT_SECRET.to_string(),
            webhooks: Vec::new(),
            webhook_retry: WebhookRetry::default(),
            accounts: Vec::new(),
            oauth: OAuthApp::default(),
            crm_seed: CrmSeed::samples(),
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

    /// These accounts (hub ids; duplicates dropped), the first being the
    /// default one.
    ///
    /// ```
    /// use hubspot_fake::FakeConfig;
    /// let config = FakeConfig::default().with_accounts([111, 222, 111]);
    /// assert_eq!(config.accounts, [111, 222]);
    /// ```
    pub fn with_accounts(mut self, hub_ids: impl IntoIterator<Item = i64>) -> Self {
        self.accounts.clear();
        for hub_id in hub_ids {
            if !self.accounts.contains(&hub_id) {
                self.accounts.push(hub_id);
            }
        }
        self
    }

    /// Adds a contact or company to create at start (after the ones
    /// already listed).
    ///
    /// ```
    /// use hubspot_fake::{CrmSeed, FakeConfig};
    /// let config = FakeConfig::default()
    ///     .without_crm_samples()
    ///     .seed_crm(CrmSeed::contact([("email", "grace@example.com")]));
    /// assert_eq!(config.crm_seed.len(), 1);
    /// ```
    pub fn seed_crm(mut self, seed: CrmSeed) -> Self {
        self.crm_seed.push(seed);
        self
    }

    /// No CRM objects at start: drops every seed, [`CrmSeed::samples`]
    /// included.
    pub fn without_crm_samples(mut self) -> Self {
        self.crm_seed.clear();
        self
    }

    /// How long OAuth access tokens live (see [`OAuthApp::token_lifetime`]).
    pub fn token_lifetime(mut self, lifetime: Duration) -> Self {
        self.oauth.token_lifetime = lifetime;
        self
    }

    /// Whether each refresh rotates the refresh token (see
    /// [`OAuthApp::rotate_refresh_tokens`]).
    pub fn rotate_refresh_tokens(mut self, rotate: bool) -> Self {
        self.oauth.rotate_refresh_tokens = rotate;
        self
    }

    /// Whether the custom-channel administration endpoints accept only the
    /// developer API key (`hapikey=&appId=`), as HubSpot's do. Off by
    /// default: then they accept the developer API key or a valid bearer
    /// token, so that clients that send bearer tokens there keep working.
    ///
    /// ```
    /// use hubspot_fake::FakeConfig;
    /// assert!(!FakeConfig::default().oauth.require_developer_key);
    /// assert!(FakeConfig::default().require_developer_key(true).oauth.require_developer_key);
    /// ```
    pub fn require_developer_key(mut self, required: bool) -> Self {
        self.oauth.require_developer_key = required;
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

    /// The hub id of the default account when none are configured (the
    /// `portalId` in the webhooks it sends).
    pub const PORTAL_ID: i64 = routes::PORTAL_ID;

    /// The default app id: the `integrationAppId` in the `client` of every
    /// message the fake creates (one app owns all channels), unless
    /// [`OAuthApp::app_id`] says otherwise.
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
        let hub_ids = if config.accounts.is_empty() {
            vec![FakeHubSpot::PORTAL_ID]
        } else {
            config.accounts
        };
        if let Some(seed) = config
            .crm_seed
            .iter()
            .find(|seed| seed.hub_id.is_some_and(|hub| !hub_ids.contains(&hub)))
        {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "a CRM seed is for account {:?}, which is not one of the fake's accounts {hub_ids:?}",
                    seed.hub_id
                ),
            ));
        }
        let shared = Arc::new(Shared::new(config.token, &hub_ids, config.oauth, webhooks));
        for seed in &config.crm_seed {
            seed_crm(&shared, seed);
        }
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

    /// The default account's private-app token (a bearer token that never
    /// expires).
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

    /// Every message stored in the default account (custom-channel
    /// published messages and thread messages), oldest first, as they
    /// would be served now (status updates applied).
    pub fn messages(&self) -> Vec<Value> {
        self.account_messages(self.shared.default_hub)
            .unwrap_or_default()
    }

    /// Every message stored in account `hub_id`, oldest first, or `None`
    /// if there is no such account.
    pub fn account_messages(&self, hub_id: i64) -> Option<Vec<Value>> {
        self.shared.has_account(hub_id).then(|| {
            self.shared
                .with_account_store(hub_id, |store| store.messages().to_vec())
        })
    }

    /// The messages of one thread (of any account), oldest first, or
    /// `None` if the thread does not exist. `thread_id` is the
    /// `conversationsThreadId` string.
    pub fn thread_messages(&self, thread_id: &str) -> Option<Vec<Value>> {
        let id = thread_id.parse::<u64>().ok()?;
        self.shared
            .find_in_stores(|store| store.thread_messages(id))
    }

    // ---- CRM -----------------------------------------------------------------

    /// Creates a contact or company now, as [`FakeConfig::crm_seed`] does
    /// at start (an upsert by contact email), and answers each account's
    /// object as `GET` would serve it with every property. Empty if the
    /// seed names an account the fake does not have.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use hubspot_fake::{CrmObjectType, CrmSeed, FakeHubSpot};
    ///
    /// let fake = FakeHubSpot::start().await?;
    /// let created = fake.seed_crm(CrmSeed::company([("name", "Acme"), ("domain", "acme.test")]));
    /// assert_eq!(created[0]["properties"]["name"], "Acme");
    /// let companies = fake.crm_objects(fake.default_hub_id(), CrmObjectType::Companies).unwrap();
    /// assert_eq!(companies, created);
    /// # Ok(())
    /// # }
    /// ```
    pub fn seed_crm(&self, seed: CrmSeed) -> Vec<Value> {
        if seed.hub_id.is_some_and(|hub| !self.shared.has_account(hub)) {
            return Vec::new();
        }
        seed_crm(&self.shared, &seed)
    }

    /// The live contacts or companies of account `hub_id`, by id, each as
    /// `GET` would serve it with every property; `None` if there is no
    /// such account. Contacts made for conversation visitors are included.
    pub fn crm_objects(&self, hub_id: i64, object_type: CrmObjectType) -> Option<Vec<Value>> {
        self.shared.has_account(hub_id).then(|| {
            self.shared.with_account_store(hub_id, |store| {
                store
                    .crm
                    .all(object_type, false)
                    .into_iter()
                    .map(crm::Record::to_full_json)
                    .collect()
            })
        })
    }

    // ---- accounts and OAuth ----------------------------------------------

    /// The accounts' hub ids, ascending.
    pub fn hub_ids(&self) -> Vec<i64> {
        self.shared.hub_ids()
    }

    /// The default account's hub id: the first configured.
    pub fn default_hub_id(&self) -> i64 {
        self.shared.default_hub
    }

    /// The app every account installs (its developer API key included;
    /// its client secret is [`client_secret`](Self::client_secret)).
    pub fn oauth_app(&self) -> &OAuthApp {
        &self.shared.app
    }

    /// The authorize step's URL on this server, e.g.
    /// `http://127.0.0.1:41234/oauth/authorize` (HubSpot's is
    /// `https://app.hubspot.com/oauth/authorize`).
    pub fn authorize_endpoint(&self) -> String {
        format!("{}{}", self.base_url(), oauth::http::AUTHORIZE_PATH)
    }

    /// Drives the authorize step for an authorize URL a client built (its
    /// `client_id`, `redirect_uri`, `scope`, `optional_scope` and `state`
    /// query parameters), as if a user of account `hub_id` approved the
    /// install, and answers the URL HubSpot would redirect the browser
    /// to: `redirect_uri?code=...&state=...`, or `redirect_uri?error=...`
    /// when the scopes are not the app's. The same as `GET
    /// /oauth/authorize?...&hub_id=<hub_id>` answering `302`.
    ///
    /// # Errors
    ///
    /// When HubSpot would show an error page instead of redirecting: see
    /// [`AuthorizeError`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use hubspot_fake::{FakeConfig, FakeHubSpot};
    ///
    /// let fake = FakeHubSpot::start_with(FakeConfig::default().with_accounts([101, 202])).await?;
    /// let app = fake.oauth_app();
    /// let url = format!(
    ///     "{}?client_id={}&redirect_uri={}&scope=conversations.read&state=xyz",
    ///     fake.authorize_endpoint(),
    ///     app.client_id,
    ///     app.redirect_uri,
    /// );
    /// let redirect = fake.authorize(202, &url)?;
    /// assert!(redirect.starts_with(&format!("{}?code=", app.redirect_uri)));
    /// assert!(redirect.ends_with("&state=xyz"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn authorize(&self, hub_id: i64, authorize_url: &str) -> Result<String, AuthorizeError> {
        let (before, query) = authorize_url.split_once('?').unwrap_or((authorize_url, ""));
        let query = query.split('#').next().unwrap_or_default();
        if !before.ends_with(oauth::http::AUTHORIZE_PATH) {
            return Err(AuthorizeError::NotAnAuthorizeUrl);
        }
        let query = oauth::http::Form::parse(query);
        oauth::http::authorize(&self.shared, &query, Some(hub_id), Instant::now())
    }

    /// Installs the app in account `hub_id` without the authorize step:
    /// tokens with all the app's scopes, as a code exchange would answer
    /// them (not counted as a token call). `None` if there is no such
    /// account.
    pub fn install(&self, hub_id: i64) -> Option<IssuedTokens> {
        if !self.shared.has_account(hub_id) {
            return None;
        }
        let app = &self.shared.app;
        let issued = self.shared.with_oauth(|tokens, _| {
            tokens.issue(
                hub_id,
                app.scopes.clone(),
                app.token_lifetime,
                Instant::now(),
            )
        });
        Some(IssuedTokens {
            access_token: issued.access_token,
            refresh_token: issued.refresh_token,
            expires_in: issued.expires_in,
            hub_id: issued.hub_id,
            scopes: issued.scopes,
        })
    }

    /// Revokes every OAuth access token of account `hub_id` now (its
    /// refresh tokens still work, its private-app token too): the next
    /// call with one gets `401 INVALID_AUTHENTICATION`. Answers how many
    /// were revoked.
    pub fn revoke_access_tokens(&self, hub_id: i64) -> usize {
        self.shared
            .with_oauth(|tokens, _| tokens.revoke_account_access(hub_id))
    }

    /// Makes every live OAuth access token of account `hub_id` expire now:
    /// the next call with one gets `401 EXPIRED_AUTHENTICATION`. Answers
    /// how many were changed.
    pub fn expire_access_tokens(&self, hub_id: i64) -> usize {
        self.shared
            .with_oauth(|tokens, _| tokens.expire_account_access(hub_id, Instant::now()))
    }

    /// Revokes a refresh token, as the revoke endpoint does: it, the
    /// refresh tokens rotated out before it, and every access token issued
    /// under them stop working. `false` if it is not a token the fake
    /// issued. (An OAuth access token passed here is revoked alone.)
    pub fn revoke_refresh_token(&self, refresh_token: &str) -> bool {
        self.shared
            .with_oauth(|tokens, _| tokens.revoke(refresh_token))
    }

    /// What account `hub_id` saw so far: requests and their arrival times,
    /// expired-token requests, its rate-limit window, token calls,
    /// refreshes and rejected replays. `None` if there is no such account.
    pub fn account_stats(&self, hub_id: i64) -> Option<AccountStats> {
        self.shared.account_stats(hub_id)
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

/// Applies one seed to its account (or every account), answering the
/// objects as served with every property.
fn seed_crm(shared: &Shared, seed: &CrmSeed) -> Vec<Value> {
    let hubs = match seed.hub_id {
        Some(hub) => vec![hub],
        None => shared.hub_ids(),
    };
    let now = time::now_rfc3339();
    hubs.into_iter()
        .filter_map(|hub| {
            shared.with_account_store(hub, |store| {
                let id = store.crm.seed(seed, &now);
                store
                    .crm
                    .get(seed.object_type, id)
                    .map(crm::Record::to_full_json)
            })
        })
        .collect()
}

impl Drop for FakeHubSpot {
    fn drop(&mut self) {
        self.webhook_worker.abort();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
