//! The core of a custom-channel bridge between HubSpot's inbox and a chat
//! service, as a HubSpot *public app* installed in many accounts; used by
//! `examples/custom_channel_bridge.rs` and by `tests/custom_channel_bridge.rs`.
//!
//! - Installing: [`Bridge::router`] serves `GET /install?line=<number>`,
//!   which sends a business's HubSpot admin to HubSpot's authorize page
//!   with a fresh, single-use `state`, and `GET /oauth-callback`, where
//!   HubSpot redirects back with `code` and `state`. The callback checks
//!   the `state`, exchanges the code ([`Client::install`]), and connects the
//!   business's line to the app's custom channel as a channel account of
//!   that HubSpot account. From then on the bridge talks to that account
//!   with `client.account(hub_id)`: its own tokens, refreshed ahead of
//!   expiry, and its own rate-limit budget.
//! - HubSpot → chat: `POST /hubspot/webhooks`, the channel's webhook URL.
//!   Each request is verified ([`VerifiedWebhook`]); each
//!   `OUTGOING_CHANNEL_MESSAGE_CREATED` names its account (`portalId`), and
//!   is delivered from that account's line and its outcome reported to
//!   that account as `SENT` or `FAILED`.
//! - chat → HubSpot: [`Bridge::relay_incoming`] publishes what a visitor
//!   wrote to a business's line as an `INCOMING` message in the account
//!   that line belongs to. First it finds the visitor's contact in that
//!   account's CRM (a search by phone number and email), creating it when
//!   there is none, and publishes with it pre-resolved
//!   (`preResolvedContacts`), so that the thread is that contact's. The
//!   contact is remembered per account and visitor; a CRM failure is
//!   logged and the message published without it (the lookup is tried
//!   again on the visitor's next message).
//! - The channel itself belongs to the app, not to an account: it is
//!   created once with the developer API key ([`create_channel`]).
//!
//! Nothing is lost or duplicated when either side retries: a webhook is
//! answered `2xx` only once the message is delivered *and* its status
//! reported, so HubSpot retries anything less; a retried webhook for a
//! message already delivered only re-reports the status; and a published
//! message carries the chat's message id as `integrationIdempotencyId`, so
//! publishing it twice stores it once.
#![allow(dead_code)]

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{FromRef, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use hubspot_api::conversations::contact_property::ContactProperty;
use hubspot_api::conversations::custom_channels::channel_accounts::CreateChannelAccount;
use hubspot_api::conversations::custom_channels::channels::CreateCustomChannel;
use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, MessageDirection, MessageStatusUpdate, PreResolvedContact,
    PreResolvedContacts, PublishMessage, UpdateMessageStatus,
};
use hubspot_api::conversations::custom_channels::webhooks::{
    CustomChannelEvent, OutgoingChannelMessage,
};
use hubspot_api::conversations::inboxes::ListInboxes;
use hubspot_api::conversations::models::{
    DeliveryIdentifierType, PublicConversationsMessage, PublicDeliveryIdentifier,
};
use hubspot_api::crm::contacts::{
    CreateContact, Filter, FilterGroup, FilterOperator, GetContact, SearchContacts,
};
use hubspot_api::webhooks::{Claim, InMemoryWebhookDedup, VerifiedWebhook, Verifier, WebhookDedup};
use hubspot_api::{Client, Error};
use serde::Deserialize;

/// The path the bridge serves HubSpot's webhooks on.
pub const WEBHOOK_PATH: &str = "/hubspot/webhooks";

/// The path HubSpot redirects an admin to after the install: the app's
/// redirect URI is the bridge's public URL plus this.
pub const CALLBACK_PATH: &str = "/oauth-callback";

/// The path that starts an install: `GET /install?line=<number>`.
pub const INSTALL_PATH: &str = "/install";

/// The scopes the bridge asks an account for: reading and writing
/// conversations, its custom channel's accounts and messages, and the
/// contacts behind the conversations.
pub const SCOPES: &[&str] = &[
    "conversations.read",
    "conversations.write",
    "conversations.custom_channels.read",
    "conversations.custom_channels.write",
    "crm.objects.contacts.read",
    "crm.objects.contacts.write",
];

/// How long an admin has to approve an install before its `state` lapses.
pub const INSTALL_TIMEOUT: Duration = Duration::from_secs(10 * 60);

// ---------------------------------------------------------------------------
// The chat service (a toy, in memory)
// ---------------------------------------------------------------------------

/// A message on the chat service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatMessage {
    /// The chat service's id for it.
    pub id: String,
    /// Sender's address (a phone number).
    pub from: String,
    /// Sender's display name, if known.
    pub from_name: Option<String>,
    /// Sender's email address, if the chat service knows it.
    pub from_email: Option<String>,
    /// Recipient's address.
    pub to: String,
    /// The text.
    pub text: String,
}

#[derive(Debug, Default)]
struct ChatState {
    messages: Vec<ChatMessage>,
    unreachable: HashMap<String, String>,
    /// The email addresses known for addresses (a user's profile).
    emails: HashMap<String, String>,
    next_id: u64,
}

/// A toy SMS-like chat service: addresses are phone numbers, delivery to an
/// address marked unreachable fails.
#[derive(Debug, Clone, Default)]
pub struct ExternalChat {
    state: Arc<Mutex<ChatState>>,
}

impl ExternalChat {
    fn lock(&self) -> MutexGuard<'_, ChatState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn record(&self, from: &str, from_name: Option<&str>, to: &str, text: &str) -> ChatMessage {
        let mut state = self.lock();
        state.next_id += 1;
        let message = ChatMessage {
            id: format!("chat-{}", state.next_id),
            from: from.to_owned(),
            from_name: from_name.map(str::to_owned),
            from_email: state.emails.get(from).cloned(),
            to: to.to_owned(),
            text: text.to_owned(),
        };
        state.messages.push(message.clone());
        message
    }

    /// A visitor writes to `to` (a business line).
    pub fn visitor_says(&self, from: &str, name: &str, to: &str, text: &str) -> ChatMessage {
        self.record(from, Some(name), to, text)
    }

    /// Delivers `text` from `from` to `to`; the chat's message, or why it
    /// could not be delivered.
    pub fn deliver(&self, from: &str, to: &str, text: &str) -> Result<ChatMessage, String> {
        if let Some(reason) = self.lock().unreachable.get(to) {
            return Err(reason.clone());
        }
        Ok(self.record(from, None, to, text))
    }

    /// Records `email` in the profile of `address`: messages from it carry
    /// it from now on.
    pub fn set_email(&self, address: &str, email: &str) {
        self.lock()
            .emails
            .insert(address.to_owned(), email.to_owned());
    }

    /// Makes delivery to `address` fail with `reason`.
    pub fn make_unreachable(&self, address: &str, reason: &str) {
        self.lock()
            .unreachable
            .insert(address.to_owned(), reason.to_owned());
    }

    /// Makes delivery to `address` work again.
    pub fn make_reachable(&self, address: &str) {
        self.lock().unreachable.remove(address);
    }

    /// Every message, oldest first.
    pub fn messages(&self) -> Vec<ChatMessage> {
        self.lock().messages.clone()
    }

    /// The messages delivered to `address`, oldest first.
    pub fn inbox(&self, address: &str) -> Vec<ChatMessage> {
        self.lock()
            .messages
            .iter()
            .filter(|m| m.to == address)
            .cloned()
            .collect()
    }
}

// ---------------------------------------------------------------------------
// The bridge
// ---------------------------------------------------------------------------

/// Registers the app's custom channel, with its webhook URL, using the
/// client's developer API key (channels belong to the app, not to an
/// account); returns the channel's id. Done once per app, not per install.
///
/// # Errors
///
/// HubSpot's, e.g. [`Error::MissingCredentials`] when the client holds no
/// developer key, or [`ChannelError::BadId`].
pub async fn create_channel(
    client: &Client,
    name: &str,
    webhook_url: &str,
) -> Result<i32, ChannelError> {
    // HubSpot's specs type each capability as an object and describe none
    // of them; the channel starts with HubSpot's defaults (plain text).
    let capabilities = HashMap::new();
    let channel = CreateCustomChannel::builder()
        .name(name)
        .capabilities(capabilities)
        .webhook_url(webhook_url)
        .channel_description("Text your customers from HubSpot's inbox.")
        .send(client)
        .await
        .map_err(ChannelError::HubSpot)?;
    channel
        .id
        .parse()
        .map_err(|_| ChannelError::BadId(channel.id))
}

/// Why the channel could not be created.
#[derive(Debug)]
pub enum ChannelError {
    /// HubSpot's answer.
    HubSpot(Error),
    /// HubSpot answered an id that is not a 32-bit number.
    BadId(String),
}

impl std::fmt::Display for ChannelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChannelError::HubSpot(error) => write!(f, "creating the channel failed: {error}"),
            ChannelError::BadId(id) => write!(f, "the new channel's id {id:?} is not a number"),
        }
    }
}

impl std::error::Error for ChannelError {}

/// Which channel the bridge serves and where new lines' conversations land.
#[derive(Debug, Clone)]
pub struct BridgeConfig {
    /// The app's custom channel.
    pub channel_id: i32,
    /// The inbox each connected line's conversations land in; `None` for
    /// the account's first inbox.
    pub inbox_id: Option<String>,
}

/// A business line connected to one HubSpot account: the account that
/// installed the app, and the channel account its messages go through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The HubSpot account (hub id).
    pub hub_id: u64,
    /// The scopes the account granted.
    pub scopes: Vec<String>,
    /// The channel account the line is in that HubSpot account.
    pub channel_account_id: String,
    /// The line's phone number on the chat service.
    pub business_number: String,
}

/// What happened to a message HubSpot asked the bridge to deliver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Delivered, as this chat message.
    Delivered(String),
    /// Not deliverable, for this reason.
    Failed(String),
}

#[derive(Debug)]
struct Handled {
    outcome: Outcome,
    status_reported: bool,
}

/// What the bridge did with a webhook's event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handling {
    /// Delivered or failed, and the status reported now to the account.
    Reported {
        /// The HubSpot account the message is in.
        hub_id: u64,
        /// The HubSpot message.
        message_id: String,
        /// What happened to it.
        outcome: Outcome,
    },
    /// Already handled earlier (HubSpot retried): nothing done again.
    Duplicate {
        /// The HubSpot account the message is in.
        hub_id: u64,
        /// The HubSpot message.
        message_id: String,
    },
    /// An event the bridge has nothing to do for (or cannot act on, such
    /// as a message of an account with no line connected here).
    Ignored(String),
}

/// A step HubSpot should retry: the webhook is answered with a `5xx`.
#[derive(Debug)]
pub struct RetryLater(pub Error);

impl std::fmt::Display for RetryLater {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "reporting the status to HubSpot failed: {}", self.0)
    }
}

impl std::error::Error for RetryLater {}

/// Why a visitor's message could not be published.
#[derive(Debug)]
pub enum RelayError {
    /// No HubSpot account installed the app for this business line.
    NoLine(String),
    /// HubSpot's answer, e.g. a validation error or an outage; retrying is
    /// safe.
    HubSpot(Error),
}

impl std::fmt::Display for RelayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RelayError::NoLine(number) => {
                write!(f, "no HubSpot account is connected to the line {number}")
            }
            RelayError::HubSpot(error) => write!(f, "publishing to HubSpot failed: {error}"),
        }
    }
}

impl std::error::Error for RelayError {}

/// A visitor's message, published: the HubSpot message, and how the
/// visitor's contact was resolved.
#[derive(Debug)]
pub struct Relayed {
    /// The message as HubSpot stored it.
    pub message: PublicConversationsMessage,
    /// The visitor's contact, pre-resolved in the publish; or why the
    /// lookup failed, in which case the message was published without one
    /// (HubSpot then matches the visitor itself) and the lookup is tried
    /// again on the visitor's next message.
    pub contact: Result<VisitorContact, ContactError>,
}

/// The contact of a visitor in one HubSpot account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitorContact {
    /// The contact's id (its `vid`).
    pub contact_id: i64,
    /// The properties it matched the visitor on (`phone`, `email`, …), as
    /// the publish reports them.
    pub matched_on: Vec<ContactProperty>,
    /// How the bridge came by it this time.
    pub source: ContactSource,
}

/// How the bridge came by a visitor's contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactSource {
    /// Remembered from an earlier message: no CRM request.
    Cached,
    /// Found in the account's CRM.
    Found,
    /// Created, the account having none.
    Created,
}

/// Why a visitor's contact could not be resolved. The message is published
/// anyway, without a pre-resolved contact.
#[derive(Debug)]
pub enum ContactError {
    /// The message carries neither a phone number nor an email.
    NoIdentifier,
    /// Searching the account's contacts failed.
    Search(Error),
    /// Creating the contact failed.
    Create(Error),
    /// HubSpot answered a contact id that is not a number.
    BadId(String),
}

impl std::fmt::Display for ContactError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContactError::NoIdentifier => {
                f.write_str("the visitor has no phone number or email to look up")
            }
            ContactError::Search(error) => write!(f, "searching the contacts failed: {error}"),
            ContactError::Create(error) => write!(f, "creating the contact failed: {error}"),
            ContactError::BadId(id) => write!(f, "the contact id {id:?} is not a number"),
        }
    }
}

impl std::error::Error for ContactError {}

/// A visitor's contact as remembered: one async lock per (account,
/// visitor), so that two messages of one visitor do not both create a
/// contact; `None` until resolved.
type ContactSlot = Arc<tokio::sync::Mutex<Option<VisitorContact>>>;

/// Why an install through the callback did not complete.
#[derive(Debug)]
pub enum InstallError {
    /// The `state` is missing, was never handed out, was used already or
    /// lapsed: the redirect was not one this bridge started (or it is a
    /// replay). Nothing was sent to HubSpot.
    UnknownState,
    /// The admin declined, or HubSpot refused the scopes.
    Refused {
        /// OAuth's `error`, e.g. `access_denied`.
        error: String,
        /// HubSpot's explanation, if any.
        description: Option<String>,
    },
    /// The redirect carried no `code`.
    MissingCode,
    /// The code exchange failed (an invalid, expired or used code, or
    /// HubSpot unreachable).
    Exchange(Error),
    /// The app is installed, but connecting the line failed.
    Connect(Error),
    /// The app is installed, but the account has no inbox to connect the
    /// line to.
    NoInbox,
}

impl InstallError {
    /// The HTTP status the callback answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            InstallError::UnknownState
            | InstallError::Refused { .. }
            | InstallError::MissingCode
            | InstallError::Exchange(Error::Validation(_)) => StatusCode::BAD_REQUEST,
            InstallError::Exchange(_) | InstallError::Connect(_) => StatusCode::BAD_GATEWAY,
            InstallError::NoInbox => StatusCode::CONFLICT,
        }
    }
}

impl std::fmt::Display for InstallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InstallError::UnknownState => f.write_str(
                "this install was not started here, was finished already or lapsed: start again",
            ),
            InstallError::Refused { error, description } => {
                write!(f, "the install was refused: {error}")?;
                match description {
                    Some(description) => write!(f, " ({description})"),
                    None => Ok(()),
                }
            }
            InstallError::MissingCode => f.write_str("the redirect carried no code"),
            InstallError::Exchange(error) => write!(f, "exchanging the code failed: {error}"),
            InstallError::Connect(error) => {
                write!(
                    f,
                    "the app is installed, but connecting the line failed: {error}"
                )
            }
            InstallError::NoInbox => {
                f.write_str("the app is installed, but the account has no inbox for the line")
            }
        }
    }
}

impl std::error::Error for InstallError {}

/// An install the bridge started and HubSpot has not redirected back yet.
struct Pending {
    business_number: String,
    started: Instant,
}

struct Inner {
    /// The app-wide client: the OAuth app (for installs and account
    /// handles) and the developer key.
    client: Client,
    verifier: Verifier,
    chat: ExternalChat,
    config: BridgeConfig,
    /// Lines by HubSpot account.
    lines: Mutex<HashMap<u64, Line>>,
    /// Installs in progress, by `state`.
    pending: Mutex<HashMap<String, Pending>>,
    /// Keys of the `state` values handed out.
    state_keys: RandomState,
    state_counter: AtomicU64,
    /// Messages handled so far, by (account, HubSpot message id). An async
    /// mutex held for the whole of one event, so a retry racing the
    /// original waits for it instead of delivering twice.
    handled: tokio::sync::Mutex<HashMap<(u64, String), Handled>>,
    /// Delivers each message once across replicas (with Redis) or in
    /// this process (the default): claimed before the chat delivery,
    /// marked delivered after it.
    dedup: Arc<dyn WebhookDedup>,
    /// Visitors' contacts, by (account, visitor's address): each account
    /// has its own CRM.
    contacts: Mutex<HashMap<(u64, String), ContactSlot>>,
}

/// The bridge. Cloning is cheap; clones share state.
#[derive(Clone)]
pub struct Bridge {
    inner: Arc<Inner>,
}

impl FromRef<Bridge> for Verifier {
    fn from_ref(bridge: &Bridge) -> Verifier {
        bridge.inner.verifier.clone()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Bridge {
    /// A bridge for the public app `client` holds (its OAuth app, and its
    /// developer key if channels are to be administered), accepting
    /// webhooks that `verifier` accepts and delivering on `chat`.
    pub fn new(
        client: Client,
        verifier: Verifier,
        chat: ExternalChat,
        config: BridgeConfig,
    ) -> Self {
        Bridge::with_dedup(
            client,
            verifier,
            chat,
            config,
            Arc::new(InMemoryWebhookDedup::new()),
        )
    }

    /// [`Bridge::new`], de-duplicating webhooks with `dedup` (e.g. a
    /// `RedisWebhookDedup` shared by every replica of the bridge).
    pub fn with_dedup(
        client: Client,
        verifier: Verifier,
        chat: ExternalChat,
        config: BridgeConfig,
        dedup: Arc<dyn WebhookDedup>,
    ) -> Self {
        Bridge {
            inner: Arc::new(Inner {
                client,
                verifier,
                chat,
                config,
                lines: Mutex::new(HashMap::new()),
                pending: Mutex::new(HashMap::new()),
                state_keys: RandomState::new(),
                state_counter: AtomicU64::new(0),
                handled: tokio::sync::Mutex::new(HashMap::new()),
                dedup,
                contacts: Mutex::new(HashMap::new()),
            }),
        }
    }

    /// The chat service.
    pub fn chat(&self) -> &ExternalChat {
        &self.inner.chat
    }

    /// The custom channel served.
    pub fn channel_id(&self) -> i32 {
        self.inner.config.channel_id
    }

    /// The lines connected so far, by hub id.
    pub fn lines(&self) -> Vec<Line> {
        let mut lines: Vec<Line> = lock(&self.inner.lines).values().cloned().collect();
        lines.sort_by_key(|line| line.hub_id);
        lines
    }

    /// The line connected to HubSpot account `hub_id`, if any.
    pub fn line(&self, hub_id: u64) -> Option<Line> {
        lock(&self.inner.lines).get(&hub_id).cloned()
    }

    /// The contact remembered for the visitor at `address` in account
    /// `hub_id`, if resolved already (`None` too while it is being
    /// resolved).
    pub fn cached_contact(&self, hub_id: u64, address: &str) -> Option<i64> {
        let slot = lock(&self.inner.contacts)
            .get(&(hub_id, address.to_owned()))
            .cloned()?;
        slot.try_lock().ok()?.as_ref().map(|c| c.contact_id)
    }

    /// The HTTP service: `POST /hubspot/webhooks`, `GET /install` and
    /// `GET /oauth-callback`.
    pub fn router(&self) -> Router {
        Router::new()
            .route(WEBHOOK_PATH, post(webhook))
            .route(INSTALL_PATH, get(install_start))
            .route(CALLBACK_PATH, get(install_callback))
            .with_state(self.clone())
    }

    /// Starts installing the app for the chat line `business_number`: the
    /// URL of HubSpot's authorize page to send the business's HubSpot
    /// admin to, with a fresh single-use `state` that the callback will
    /// want back within [`INSTALL_TIMEOUT`].
    ///
    /// In a real service this sits behind the business's login on the chat
    /// service, and the `state` is also bound to that session.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when the client holds no OAuth app.
    pub fn begin_install(&self, business_number: &str) -> Result<String, Error> {
        let authorize = self.inner.client.authorization_url()?;
        let state = self.new_state();
        let mut pending = lock(&self.inner.pending);
        pending.retain(|_, p| p.started.elapsed() < INSTALL_TIMEOUT);
        pending.insert(
            state.clone(),
            Pending {
                business_number: business_number.to_owned(),
                started: Instant::now(),
            },
        );
        Ok(authorize
            .scopes(SCOPES.iter().copied())
            .state(state)
            .to_string())
    }

    /// 128 unguessable bits: SipHash, under keys the process drew from the
    /// OS's random source, of a counter. (A production service would take
    /// them from a CSPRNG crate.)
    fn new_state(&self) -> String {
        let n = self.inner.state_counter.fetch_add(1, Ordering::Relaxed);
        let keys = &self.inner.state_keys;
        format!(
            "{:016x}{:016x}",
            keys.hash_one((n, 0u8)),
            keys.hash_one((n, 1u8))
        )
    }

    /// Finishes an install HubSpot redirected back with: checks `state`
    /// (once: a replay is refused), exchanges `code` for the account's
    /// tokens and connects the business line to the channel in that
    /// account. An account that installs again gets its line connected
    /// again.
    ///
    /// # Errors
    ///
    /// See [`InstallError`]; with an unknown `state` nothing is sent to
    /// HubSpot.
    pub async fn finish_install(
        &self,
        state: Option<&str>,
        code: Option<&str>,
        error: Option<(&str, Option<&str>)>,
    ) -> Result<Line, InstallError> {
        let pending = state.and_then(|state| lock(&self.inner.pending).remove(state));
        let Some(pending) = pending.filter(|p| p.started.elapsed() < INSTALL_TIMEOUT) else {
            return Err(InstallError::UnknownState);
        };
        if let Some((error, description)) = error {
            return Err(InstallError::Refused {
                error: error.to_owned(),
                description: description.map(str::to_owned),
            });
        }
        let code = code
            .filter(|c| !c.is_empty())
            .ok_or(InstallError::MissingCode)?;
        let installation = self
            .inner
            .client
            .install(code)
            .await
            .map_err(InstallError::Exchange)?;
        let line = self
            .connect(
                installation.hub_id,
                installation.scopes,
                pending.business_number,
            )
            .await?;
        lock(&self.inner.lines).insert(line.hub_id, line.clone());
        Ok(line)
    }

    /// Connects `business_number` to the channel in account `hub_id`, as
    /// that account: a channel account in the configured inbox (or the
    /// account's first).
    async fn connect(
        &self,
        hub_id: u64,
        scopes: Vec<String>,
        business_number: String,
    ) -> Result<Line, InstallError> {
        let account = self.inner.client.account(hub_id);
        let inbox_id = match &self.inner.config.inbox_id {
            Some(inbox_id) => inbox_id.clone(),
            None => ListInboxes::builder()
                .limit(1)
                .send(&account)
                .await
                .map_err(InstallError::Connect)?
                .results
                .into_iter()
                .next()
                .map(|inbox| inbox.id)
                .ok_or(InstallError::NoInbox)?,
        };
        let channel_account = CreateChannelAccount::builder()
            .channel_id(self.inner.config.channel_id)
            .name(format!("SMS {business_number}"))
            .inbox_id(inbox_id)
            .authorized(true)
            .delivery_identifier(phone(&business_number))
            .send(&account)
            .await
            .map_err(InstallError::Connect)?;
        Ok(Line {
            hub_id,
            scopes,
            channel_account_id: channel_account.id,
            business_number,
        })
    }

    /// Handles one event: for an outgoing message, delivers it from the
    /// line of the account it names (once, however often HubSpot sends it)
    /// and reports the outcome to that account.
    ///
    /// # Errors
    ///
    /// [`RetryLater`] if the status could not be reported for a reason that
    /// may pass (HubSpot down, rate limit, network); the delivery itself is
    /// remembered and not repeated.
    pub async fn handle(&self, event: CustomChannelEvent) -> Result<Handling, RetryLater> {
        match event {
            CustomChannelEvent::OutgoingChannelMessageCreated(created) => {
                let hub_id = created
                    .portal_id
                    .as_ref()
                    .and_then(|id| id.as_i64())
                    .and_then(|id| u64::try_from(id).ok());
                let Some(hub_id) = hub_id else {
                    return Ok(Handling::Ignored(format!(
                        "message {} names no HubSpot account (portalId)",
                        created.message.id
                    )));
                };
                let Some(line) = self.line(hub_id) else {
                    return Ok(Handling::Ignored(format!(
                        "message {} is from account {hub_id}, which has no line connected here",
                        created.message.id
                    )));
                };
                self.deliver(line, created.message).await
            }
            CustomChannelEvent::ChannelAccountCreated(account) => Ok(Handling::Ignored(format!(
                "channel account {:?} connected",
                account.channel_account_id.map(String::from)
            ))),
            CustomChannelEvent::ChannelAccountUpdated(account) => Ok(Handling::Ignored(format!(
                "channel account {:?} updated",
                account.channel_account_id.map(String::from)
            ))),
            other => Ok(Handling::Ignored(format!(
                "event type {:?} not handled",
                other.tag().unwrap_or("unknown")
            ))),
        }
    }

    async fn deliver(
        &self,
        line: Line,
        message: OutgoingChannelMessage,
    ) -> Result<Handling, RetryLater> {
        let hub_id = line.hub_id;
        let message_id = message.id.to_string();
        let key = (hub_id, message_id.clone());
        let mut handled = self.inner.handled.lock().await;
        if handled.get(&key).is_some_and(|h| h.status_reported) {
            return Ok(Handling::Duplicate { hub_id, message_id });
        }
        let outcome = match handled.get(&key) {
            // Delivered on an earlier attempt whose status report failed.
            Some(earlier) => earlier.outcome.clone(),
            None => {
                // Another replica (or an earlier attempt here) may have
                // delivered it: claim it first.
                let id = format!("{hub_id}:{message_id}");
                let guard = match self.inner.dedup.claim(&id).await {
                    Ok(Claim::Deliver(guard)) => guard,
                    Ok(Claim::AlreadyDelivered) => {
                        return Ok(Handling::Duplicate { hub_id, message_id });
                    }
                    // Held elsewhere too long, or the shared state is down:
                    // HubSpot sends it again later.
                    Err(error) => return Err(RetryLater(Error::SharedState(Box::new(error)))),
                };
                let outcome = self.deliver_on_chat(&line, &message);
                // Delivered (or failed for good): marked only now, so a
                // crash before this line lets HubSpot's retry deliver.
                if let Err(error) = guard.delivered().await {
                    eprintln!("marking message {id} delivered failed: {error}");
                }
                handled.insert(
                    key.clone(),
                    Handled {
                        outcome: outcome.clone(),
                        status_reported: false,
                    },
                );
                outcome
            }
        };
        let channel_id = message
            .channel_id
            .as_i32()
            .unwrap_or(self.inner.config.channel_id);
        let update = UpdateMessageStatus::builder()
            .channel_id(channel_id)
            .message_id(message_id.clone());
        let update = match &outcome {
            Outcome::Delivered(_) => update.status_type(MessageStatusUpdate::Sent),
            Outcome::Failed(reason) => update
                .status_type(MessageStatusUpdate::Failed)
                .error_message(reason.clone()),
        };
        // As the account the message is in: another account's token would
        // not find it.
        match update.send(&self.inner.client.account(hub_id)).await {
            Ok(_) => {}
            // HubSpot will never accept this report (the message is gone or
            // the request is invalid): retrying cannot help.
            Err(Error::NotFound(_) | Error::Validation(_)) => {}
            Err(error) => return Err(RetryLater(error)),
        }
        if let Some(entry) = handled.get_mut(&key) {
            entry.status_reported = true;
        }
        Ok(Handling::Reported {
            hub_id,
            message_id,
            outcome,
        })
    }

    fn deliver_on_chat(&self, line: &Line, message: &OutgoingChannelMessage) -> Outcome {
        let Some(text) = message.text.as_deref() else {
            return Outcome::Failed("the message has no text".to_owned());
        };
        let recipient = message
            .recipients
            .as_deref()
            .and_then(|r| r.first())
            .map(|r| r.delivery_identifier.value.as_str());
        let Some(to) = recipient else {
            return Outcome::Failed("the message has no recipient".to_owned());
        };
        match self.inner.chat.deliver(&line.business_number, to, text) {
            Ok(chat_message) => Outcome::Delivered(chat_message.id),
            Err(reason) => Outcome::Failed(reason),
        }
    }

    /// Publishes what a visitor wrote to a business line on the chat
    /// service into the HubSpot account of that line, as an `INCOMING`
    /// message on the conversation with that visitor, with the visitor's
    /// contact in that account pre-resolved (found, or created; see
    /// [`Bridge::visitor_contact`]). A failed contact lookup does not stop
    /// the message: it is published without a contact, and
    /// [`Relayed::contact`] says why.
    ///
    /// # Errors
    ///
    /// [`RelayError::NoLine`] when no account connected the line;
    /// HubSpot's error for the publish otherwise (retrying is safe).
    pub async fn relay_incoming(&self, chat_message: &ChatMessage) -> Result<Relayed, RelayError> {
        let line = lock(&self.inner.lines)
            .values()
            .find(|line| line.business_number == chat_message.to)
            .cloned()
            .ok_or_else(|| RelayError::NoLine(chat_message.to.clone()))?;
        // As the account: its own CRM, its own token and rate-limit budget.
        let account = self.inner.client.account(line.hub_id);
        let contact = self
            .visitor_contact(&account, line.hub_id, chat_message)
            .await;
        let pre_resolved = match &contact {
            Ok(contact) => Some(
                PreResolvedContacts::builder()
                    .contacts(vec![
                        PreResolvedContact::builder()
                            .contact_vid(contact.contact_id)
                            .contact_properties_leading_to_match(contact.matched_on.clone())
                            .build(),
                    ])
                    .build(),
            ),
            Err(error) => {
                eprintln!(
                    "account {}: the contact of {} is not resolved ({error}); \
                     publishing message {} without it",
                    line.hub_id, chat_message.from, chat_message.id
                );
                None
            }
        };
        let visitor = ChannelIntegrationParticipant::builder()
            .delivery_identifier(phone(&chat_message.from))
            .maybe_name(chat_message.from_name.clone())
            .build();
        let business = ChannelIntegrationParticipant::builder()
            .delivery_identifier(phone(&line.business_number))
            .build();
        let message = PublishMessage::builder()
            .channel_id(self.inner.config.channel_id)
            .channel_account_id(line.channel_account_id.clone())
            .text(chat_message.text.clone())
            .message_direction(MessageDirection::Incoming)
            .senders(vec![visitor])
            .recipients(vec![business])
            .attachments(vec![])
            .timestamp(chrono::Utc::now())
            .integration_idempotency_id(chat_message.id.clone())
            .maybe_pre_resolved_contacts(pre_resolved)
            .send(&account)
            .await
            .map_err(RelayError::HubSpot)?;
        Ok(Relayed { message, contact })
    }

    /// The contact of the sender of `chat_message` in account `hub_id`
    /// (`account` is its handle): remembered from an earlier message, else
    /// searched for by phone number (`phone` or `mobilephone`) and email,
    /// else created with them and the sender's name. Not remembered when
    /// it fails, so the next message tries again.
    ///
    /// # Errors
    ///
    /// See [`ContactError`].
    pub async fn visitor_contact(
        &self,
        account: &Client,
        hub_id: u64,
        chat_message: &ChatMessage,
    ) -> Result<VisitorContact, ContactError> {
        let slot = lock(&self.inner.contacts)
            .entry((hub_id, chat_message.from.clone()))
            .or_default()
            .clone();
        let mut slot = slot.lock().await;
        if let Some(contact) = slot.as_ref() {
            return Ok(VisitorContact {
                source: ContactSource::Cached,
                ..contact.clone()
            });
        }
        let contact = find_or_create_contact(account, chat_message).await?;
        *slot = Some(contact.clone());
        Ok(contact)
    }
}

/// The visitor's identifiers: phone number and email, trimmed, if any.
fn identifiers(chat_message: &ChatMessage) -> (Option<&str>, Option<&str>) {
    let phone = Some(chat_message.from.trim()).filter(|p| !p.is_empty());
    let email = chat_message
        .from_email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    (phone, email)
}

/// The digits of a phone number, which is how numbers are compared.
fn digits(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

/// The properties of `contact` that match the visitor's identifiers.
fn matched_on(
    properties: &HashMap<String, String>,
    phone: Option<&str>,
    email: Option<&str>,
) -> Vec<ContactProperty> {
    let mut matched = Vec::new();
    if let (Some(email), Some(theirs)) = (email, properties.get("email"))
        && theirs.trim().eq_ignore_ascii_case(email)
    {
        matched.push(ContactProperty::Email);
    }
    if let Some(phone) = phone.map(digits).filter(|d| !d.is_empty()) {
        for (name, property) in [
            ("phone", ContactProperty::Phone),
            ("mobilephone", ContactProperty::Mobilephone),
        ] {
            if properties.get(name).is_some_and(|p| digits(p) == phone) {
                matched.push(property);
            }
        }
    }
    matched
}

/// Searches the account's contacts for the visitor (any of: `email`,
/// `phone`, `mobilephone` equal), preferring an email match, then the
/// oldest; creates the contact when there is none.
async fn find_or_create_contact(
    account: &Client,
    chat_message: &ChatMessage,
) -> Result<VisitorContact, ContactError> {
    let (phone, email) = identifiers(chat_message);
    if phone.is_none() && email.is_none() {
        return Err(ContactError::NoIdentifier);
    }
    let equals = |property: &str, value: &str| {
        FilterGroup::builder()
            .filters(vec![
                Filter::builder()
                    .property_name(property)
                    .operator(FilterOperator::Eq)
                    .value(value)
                    .build(),
            ])
            .build()
    };
    // Groups are ORed: a contact matching any of them.
    let mut groups = Vec::new();
    if let Some(email) = email {
        groups.push(equals("email", email));
    }
    if let Some(phone) = phone {
        groups.push(equals("phone", phone));
        groups.push(equals("mobilephone", phone));
    }
    let properties = ["email", "phone", "mobilephone"]
        .map(str::to_owned)
        .to_vec();
    let page = SearchContacts::builder()
        .filter_groups(groups)
        .properties(properties.clone())
        .sorts(vec![])
        .limit(10)
        .after("0")
        .send(account)
        .await
        .map_err(ContactError::Search)?;
    let best = page
        .results
        .iter()
        .map(|c| (matched_on(&c.properties, phone, email), c))
        .filter(|(matched, _)| !matched.is_empty())
        .min_by_key(|(matched, c)| {
            let by_email = matched.contains(&ContactProperty::Email);
            (!by_email, c.id.parse::<i64>().unwrap_or(i64::MAX))
        });
    if let Some((matched, contact)) = best {
        return Ok(VisitorContact {
            contact_id: contact_id(&contact.id)?,
            matched_on: matched,
            source: ContactSource::Found,
        });
    }

    let mut new = HashMap::new();
    if let Some(phone) = phone {
        new.insert("phone".to_owned(), phone.to_owned());
    }
    if let Some(email) = email {
        new.insert("email".to_owned(), email.to_owned());
    }
    if let Some(name) = chat_message.from_name.as_deref().map(str::trim)
        && !name.is_empty()
    {
        let (first, last) = name.split_once(' ').unwrap_or((name, ""));
        new.insert("firstname".to_owned(), first.to_owned());
        if !last.trim().is_empty() {
            new.insert("lastname".to_owned(), last.trim().to_owned());
        }
    }
    match CreateContact::builder()
        .properties(new.clone())
        .associations(vec![])
        .send(account)
        .await
    {
        Ok(created) => Ok(VisitorContact {
            contact_id: contact_id(&created.id)?,
            matched_on: matched_on(&new, phone, email),
            source: ContactSource::Created,
        }),
        // The email is taken, by a contact the search did not show yet
        // (HubSpot's search index lags behind its writes): read it by email.
        Err(Error::Conflict(conflict)) => {
            let Some(email) = email else {
                return Err(ContactError::Create(Error::Conflict(conflict)));
            };
            let existing = GetContact::builder()
                .contact_id(email)
                .id_property("email")
                .properties(properties)
                .send(account)
                .await
                .map_err(ContactError::Search)?;
            Ok(VisitorContact {
                contact_id: contact_id(&existing.id)?,
                matched_on: vec![ContactProperty::Email],
                source: ContactSource::Found,
            })
        }
        Err(error) => Err(ContactError::Create(error)),
    }
}

fn contact_id(id: &str) -> Result<i64, ContactError> {
    id.parse().map_err(|_| ContactError::BadId(id.to_owned()))
}

fn phone(number: &str) -> PublicDeliveryIdentifier {
    PublicDeliveryIdentifier::builder()
        .r#type(DeliveryIdentifierType::HsPhoneNumber)
        .value(number)
        .build()
}

/// `POST /hubspot/webhooks`: verified by the extractor before this runs.
async fn webhook(State(bridge): State<Bridge>, webhook: VerifiedWebhook) -> (StatusCode, String) {
    let events = match CustomChannelEvent::parse_batch(webhook.body()) {
        Ok(events) => events,
        // Signed by HubSpot but not understood: retrying will not help, and
        // a 4xx makes the problem visible in HubSpot's logs.
        Err(error) => return (StatusCode::UNPROCESSABLE_ENTITY, error.to_string()),
    };
    let mut report = Vec::new();
    for event in events {
        match bridge.handle(event).await {
            Ok(handling) => report.push(format!("{handling:?}")),
            Err(retry) => return (StatusCode::SERVICE_UNAVAILABLE, retry.to_string()),
        }
    }
    (StatusCode::OK, report.join("\n"))
}

/// `GET /install`'s query.
#[derive(Debug, Deserialize)]
struct InstallStart {
    /// The business line to connect, e.g. `%2B15550199`.
    line: String,
}

/// `GET /install?line=<number>`: `302` to HubSpot's authorize page.
async fn install_start(
    State(bridge): State<Bridge>,
    Query(query): Query<InstallStart>,
) -> Response {
    if query.line.trim().is_empty() {
        return (StatusCode::BAD_REQUEST, "line is empty").into_response();
    }
    match bridge.begin_install(query.line.trim()) {
        Ok(url) => (StatusCode::FOUND, [(header::LOCATION, url)]).into_response(),
        Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response(),
    }
}

/// The redirect's query: `code` and `state`, or OAuth's `error`.
#[derive(Deserialize)]
struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

/// `GET /oauth-callback?code=&state=`: finishes the install. Neither the
/// code nor any token is ever echoed.
async fn install_callback(
    State(bridge): State<Bridge>,
    Query(query): Query<Callback>,
) -> (StatusCode, String) {
    let error = query
        .error
        .as_deref()
        .map(|error| (error, query.error_description.as_deref()));
    match bridge
        .finish_install(query.state.as_deref(), query.code.as_deref(), error)
        .await
    {
        Ok(line) => (
            StatusCode::OK,
            format!(
                "Installed in HubSpot account {} (scopes: {}); line {} is channel account {}.",
                line.hub_id,
                line.scopes.join(" "),
                line.business_number,
                line.channel_account_id
            ),
        ),
        Err(error) => (error.status(), error.to_string()),
    }
}
