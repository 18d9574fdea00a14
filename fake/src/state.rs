//! The fake's in-memory state: the app (its custom channels and the tokens
//! it issued), each account's messages and threads, recorded requests and
//! queued scripted responses.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use serde_json::Value;

use crate::accounts::AccountStats;
use crate::crm::CrmStore;
use crate::faults::{Chaos, Fault};
use crate::oauth::OAuthApp;
use crate::oauth::tokens::{AccessCheck, Tokens};
use crate::recording::{RecordedRequest, ScriptedResponse};
use crate::time::now_rfc3339;
use crate::webhooks::Webhooks;

/// First thread id handed out (thread ids are int64s, sent as strings).
const FIRST_THREAD_ID: u64 = 5_000_001;
/// First message id handed out; a different range from thread ids so that
/// mixing the two up gives a 404 rather than a silent match.
const FIRST_MESSAGE_ID: u64 = 1_000_000_001;

/// Everything shared between the server task and the [`FakeHubSpot`]
/// handle.
///
/// [`FakeHubSpot`]: crate::FakeHubSpot
#[derive(Debug)]
pub(crate) struct Shared {
    /// The default account's private-app token.
    pub(crate) token: String,
    /// The default account: the first configured.
    pub(crate) default_hub: i64,
    /// The app every account installs.
    pub(crate) app: OAuthApp,
    /// Registered channel webhook URLs and the deliveries made to them.
    pub(crate) webhooks: Webhooks,
    inner: Mutex<Inner>,
    /// Requests being handled now.
    in_flight: AtomicU32,
}

#[derive(Debug)]
struct Inner {
    requests: Vec<RecordedRequest>,
    scripted: VecDeque<Scripted>,
    /// The app's custom channels, usable by every account.
    app: AppStore,
    /// Codes and tokens of every account.
    tokens: Tokens,
    accounts: BTreeMap<i64, Account>,
    chaos: Chaos,
}

/// One HubSpot account: its own data and what it saw.
#[derive(Debug)]
pub(crate) struct Account {
    pub(crate) store: Store,
    pub(crate) stats: AccountStats,
}

/// What the app owns, whichever account uses it.
#[derive(Debug, Default)]
pub(crate) struct AppStore {
    /// Custom channels by id.
    pub(crate) channels: BTreeMap<i32, ChannelRecord>,
    next_channel: i32,
}

impl AppStore {
    /// A fresh custom channel id.
    pub(crate) fn new_channel_id(&mut self) -> i32 {
        let id = FIRST_CHANNEL_ID + self.next_channel;
        self.next_channel += 1;
        id
    }
}

/// Id counters shared by every account's store, so that an id names one
/// object across the fake and another account's id is a plain 404.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    message: AtomicU64,
    thread: AtomicU64,
    channel_account: AtomicU64,
    crm_object: AtomicU64,
}

impl Ids {
    fn next(counter: &AtomicU64) -> u64 {
        counter.fetch_add(1, Ordering::Relaxed)
    }

    /// A fresh CRM object id (contacts and companies share the range, as
    /// an id names one object).
    pub(crate) fn next_crm_id(&self) -> u64 {
        FIRST_CRM_OBJECT_ID + Ids::next(&self.crm_object)
    }
}

/// What a request's credentials say about who sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Caller {
    /// No `Authorization: Bearer` header (or an empty token).
    Anonymous,
    /// A bearer token, checked.
    Bearer(AccessCheck),
}

impl Caller {
    /// The account the credentials belong to, if any.
    pub(crate) fn hub_id(&self) -> Option<i64> {
        match self {
            Caller::Anonymous => None,
            Caller::Bearer(check) => check.hub_id(),
        }
    }
}

/// What a queued item makes of the next request.
#[derive(Debug, Clone)]
pub(crate) enum Scripted {
    /// Answer with this instead of handling the request.
    Response(ScriptedResponse),
    /// Handle the request with this fault.
    Fault(Fault),
}

/// Counts a request as being handled until dropped.
pub(crate) struct InFlight<'a>(&'a AtomicU32);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// One account's view of the fake, for the operations of one request: its
/// store, and the app's channels and webhooks.
pub(crate) struct Scope<'a> {
    shared: &'a Shared,
    /// The account the request is for.
    pub(crate) hub_id: i64,
    /// Registered channel webhook URLs.
    pub(crate) webhooks: &'a Webhooks,
    /// The app's id (`integrationAppId` on the messages it posts).
    pub(crate) app_id: i32,
}

impl Scope<'_> {
    /// Runs `f` with exclusive access to the account's store.
    pub(crate) fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> T) -> T {
        self.shared.with_account_store(self.hub_id, f)
    }

    /// Runs `f` with exclusive access to the app's custom channels.
    pub(crate) fn with_app<T>(&self, f: impl FnOnce(&mut AppStore) -> T) -> T {
        f(&mut self.shared.lock().app)
    }
}

impl Shared {
    /// Fresh state: the accounts `hub_ids` (the first is the default, whose
    /// private-app token is `token`), each with an empty store.
    pub(crate) fn new(token: String, hub_ids: &[i64], app: OAuthApp, webhooks: Webhooks) -> Self {
        let ids = Arc::new(Ids::default());
        let default_hub = hub_ids.first().copied().unwrap_or(crate::routes::PORTAL_ID);
        let mut accounts = BTreeMap::new();
        for &hub_id in hub_ids.iter().chain([&default_hub]) {
            accounts.entry(hub_id).or_insert_with(|| Account {
                store: Store::new(Arc::clone(&ids)),
                stats: AccountStats {
                    hub_id,
                    ..AccountStats::default()
                },
            });
        }
        let mut tokens = Tokens::default();
        tokens.add_private(token.clone(), default_hub);
        Shared {
            token,
            default_hub,
            app,
            webhooks,
            inner: Mutex::new(Inner {
                requests: Vec::new(),
                scripted: VecDeque::new(),
                app: AppStore::default(),
                tokens,
                accounts,
                chaos: Chaos::default(),
            }),
            in_flight: AtomicU32::new(0),
        }
    }

    /// Counts a request as being handled (until the guard is dropped) and
    /// keeps the peak.
    pub(crate) fn enter(&self) -> InFlight<'_> {
        let now = self.in_flight.fetch_add(1, Ordering::AcqRel) + 1;
        let mut inner = self.lock();
        inner.chaos.stats.requests += 1;
        inner.chaos.stats.peak_concurrency = inner.chaos.stats.peak_concurrency.max(now);
        InFlight(&self.in_flight)
    }

    /// Runs `f` with exclusive access to the rate limit and fault state.
    pub(crate) fn with_chaos<T>(&self, f: impl FnOnce(&mut Chaos) -> T) -> T {
        f(&mut self.lock().chaos)
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the data half-written
        // in a way that matters to a test fake, so poisoning is ignored.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records a request and takes the next scripted item, if any, in one
    /// step so that concurrent requests each get their own.
    pub(crate) fn record(&self, request: RecordedRequest) -> Option<Scripted> {
        let mut inner = self.lock();
        inner.requests.push(request);
        inner.scripted.pop_front()
    }

    /// All recorded requests, oldest first.
    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        self.lock().requests.clone()
    }

    /// Queues a scripted response or fault.
    pub(crate) fn push_scripted(&self, scripted: Scripted) {
        self.lock().scripted.push_back(scripted);
    }

    /// Whether `hub_id` is one of the fake's accounts.
    pub(crate) fn has_account(&self, hub_id: i64) -> bool {
        self.lock().accounts.contains_key(&hub_id)
    }

    /// The accounts' hub ids, ascending.
    pub(crate) fn hub_ids(&self) -> Vec<i64> {
        self.lock().accounts.keys().copied().collect()
    }

    /// An account's view for one request.
    pub(crate) fn scope(&self, hub_id: i64) -> Scope<'_> {
        Scope {
            shared: self,
            hub_id,
            webhooks: &self.webhooks,
            app_id: self.app.app_id,
        }
    }

    /// Runs `f` on an account's store (the default account's if `hub_id`
    /// is not an account, which the callers rule out).
    pub(crate) fn with_account_store<T>(&self, hub_id: i64, f: impl FnOnce(&mut Store) -> T) -> T {
        let mut inner = self.lock();
        let hub = if inner.accounts.contains_key(&hub_id) {
            hub_id
        } else {
            self.default_hub
        };
        let account = inner
            .accounts
            .get_mut(&hub)
            .expect("the default account exists");
        f(&mut account.store)
    }

    /// Runs `f` on every account's store, by hub id, until it answers.
    pub(crate) fn find_in_stores<T>(
        &self,
        mut f: impl FnMut(&mut Store) -> Option<T>,
    ) -> Option<T> {
        let mut inner = self.lock();
        inner.accounts.values_mut().find_map(|a| f(&mut a.store))
    }

    /// Runs `f` with the tokens and the accounts, in one step.
    pub(crate) fn with_oauth<T>(
        &self,
        f: impl FnOnce(&mut Tokens, &mut BTreeMap<i64, Account>) -> T,
    ) -> T {
        let inner = &mut *self.lock();
        f(&mut inner.tokens, &mut inner.accounts)
    }

    /// Who sent a request arriving `at`; an API request (`count`) with an
    /// account's token is counted in that account's stats.
    pub(crate) fn identify(&self, request: &RecordedRequest, at: Instant, count: bool) -> Caller {
        let token = request
            .header("authorization")
            .and_then(|header| {
                header
                    .trim()
                    .split_once(' ')
                    .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
                    .map(|(_, token)| token.trim())
            })
            .filter(|token| !token.is_empty());
        let Some(token) = token else {
            return Caller::Anonymous;
        };
        let inner = &mut *self.lock();
        let check = inner.tokens.check(token, at);
        if count && let Some(account) = check.hub_id().and_then(|hub| inner.accounts.get_mut(&hub))
        {
            account.stats.requests += 1;
            account.stats.arrivals.push(at);
            match check {
                AccessCheck::Expired { .. } => account.stats.expired_token_requests += 1,
                AccessCheck::Revoked { .. } => account.stats.revoked_token_requests += 1,
                _ => {}
            }
        }
        Caller::Bearer(check)
    }

    /// An account's stats with its rate-limit window's counts, or `None`
    /// if there is no such account.
    pub(crate) fn account_stats(&self, hub_id: i64) -> Option<AccountStats> {
        let inner = self.lock();
        let mut stats = inner.accounts.get(&hub_id)?.stats.clone();
        let (limited, peak) = inner.chaos.window_counts(Some(hub_id));
        stats.rate_limited = limited;
        stats.peak_in_window = peak;
        Some(stats)
    }
}

/// Which conversation a published message belongs to, within a channel
/// account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum ConversationKey {
    /// The integration named the thread (`integrationThreadId`).
    IntegrationThread(String),
    /// No thread named: the conversation with this delivery identifier
    /// value (the visitor's side).
    Participant(String),
}

/// The inbox a thread lands in when its channel account is not one the
/// fake knows (the first seeded inbox).
pub(crate) const DEFAULT_INBOX_ID: &str = "1001";
/// The contact a thread names when its visitor has no delivery identifier
/// to make a contact of (no contact has this id).
const NO_CONTACT_ID: &str = "9000001";
/// First CRM object (contact, company) id handed out.
const FIRST_CRM_OBJECT_ID: u64 = 7_000_001;
/// First custom channel id handed out.
const FIRST_CHANNEL_ID: i32 = 2001;
/// First channel account id handed out.
const FIRST_CHANNEL_ACCOUNT_ID: i64 = 3_000_001;

/// A conversation thread.
#[derive(Debug, Clone)]
pub(crate) struct Thread {
    /// Ids of the thread's messages, oldest first.
    pub(crate) message_ids: Vec<String>,
    /// The `integrationThreadId` it was published under, if any.
    pub(crate) integration_thread_id: Option<String>,
    /// The inbox it is in.
    pub(crate) inbox_id: String,
    /// The channel and channel account of its first message.
    pub(crate) channel_id: String,
    pub(crate) channel_account_id: String,
    /// `OPEN` or `CLOSED`.
    pub(crate) status: String,
    /// In the trash.
    pub(crate) archived: bool,
    /// The assigned agent's actor id.
    pub(crate) assigned_to: Option<String>,
    pub(crate) created_at: String,
    pub(crate) closed_at: Option<String>,
    /// `createdAt` of the newest message.
    pub(crate) latest_message_at: Option<String>,
    /// The contact of its visitor (`associatedContactId`), once known.
    pub(crate) contact_id: Option<String>,
}

impl Thread {
    /// The thread as a `PublicThread`.
    pub(crate) fn to_json(&self, id: u64) -> Value {
        let mut thread = serde_json::json!({
            "id": id.to_string(),
            "inboxId": self.inbox_id,
            "status": self.status,
            "associatedContactId": self.contact_id.as_deref().unwrap_or(NO_CONTACT_ID),
            "originalChannelId": self.channel_id,
            "originalChannelAccountId": self.channel_account_id,
            "spam": false,
            "archived": self.archived,
            "createdAt": self.created_at,
        });
        let map = thread.as_object_mut().expect("an object");
        let mut put = |name: &str, value: &Option<String>| {
            if let Some(value) = value {
                map.insert(name.to_owned(), Value::String(value.clone()));
            }
        };
        put("assignedTo", &self.assigned_to);
        put("closedAt", &self.closed_at);
        put("latestMessageTimestamp", &self.latest_message_at);
        put("latestMessageReceivedTimestamp", &self.latest_message_at);
        thread
    }
}

/// A custom channel registered through the API.
#[derive(Debug, Clone)]
pub(crate) struct ChannelRecord {
    /// The `PublicChannelIntegrationChannel`.
    pub(crate) value: Value,
    pub(crate) archived: bool,
}

/// One account's messages, threads and channel accounts.
#[derive(Debug)]
pub(crate) struct Store {
    messages: Vec<Value>,
    message_index: HashMap<String, usize>,
    threads: HashMap<u64, Thread>,
    thread_keys: HashMap<(i32, String, ConversationKey), u64>,
    idempotency: HashMap<(i32, String), String>,
    /// Id counters, shared with the other accounts' stores.
    ids: Arc<Ids>,
    /// Channel accounts (`PublicChannelAccount`) by id.
    pub(crate) channel_accounts: BTreeMap<i64, Value>,
    /// Tokens handed out so far, for unique values.
    pub(crate) tokens_issued: u64,
    /// Contacts and companies.
    pub(crate) crm: CrmStore,
}

impl Store {
    /// An empty store drawing ids from `ids`.
    fn new(ids: Arc<Ids>) -> Store {
        Store {
            messages: Vec::new(),
            message_index: HashMap::new(),
            threads: HashMap::new(),
            thread_keys: HashMap::new(),
            idempotency: HashMap::new(),
            crm: CrmStore::new(Arc::clone(&ids)),
            ids,
            channel_accounts: BTreeMap::new(),
            tokens_issued: 0,
        }
    }

    /// All stored messages, oldest first.
    pub(crate) fn messages(&self) -> &[Value] {
        &self.messages
    }

    /// A fresh message id.
    pub(crate) fn new_message_id(&mut self) -> String {
        (FIRST_MESSAGE_ID + Ids::next(&self.ids.message)).to_string()
    }

    /// The thread for a conversation on a channel account, created if new.
    pub(crate) fn thread_for(
        &mut self,
        channel_id: i32,
        channel_account_id: &str,
        key: ConversationKey,
    ) -> u64 {
        let integration_thread_id = match &key {
            ConversationKey::IntegrationThread(thread) => Some(thread.clone()),
            ConversationKey::Participant(_) => None,
        };
        let full_key = (channel_id, channel_account_id.to_string(), key);
        if let Some(id) = self.thread_keys.get(&full_key) {
            return *id;
        }
        let id = FIRST_THREAD_ID + Ids::next(&self.ids.thread);
        let inbox_id = channel_account_id
            .parse::<i64>()
            .ok()
            .and_then(|account| self.channel_accounts.get(&account))
            .and_then(|account| account.get("inboxId"))
            .and_then(Value::as_str)
            .unwrap_or(DEFAULT_INBOX_ID)
            .to_owned();
        self.threads.insert(
            id,
            Thread {
                message_ids: Vec::new(),
                integration_thread_id,
                inbox_id,
                channel_id: channel_id.to_string(),
                channel_account_id: channel_account_id.to_owned(),
                status: "OPEN".to_owned(),
                archived: false,
                assigned_to: None,
                created_at: now_rfc3339(),
                closed_at: None,
                latest_message_at: None,
                contact_id: None,
            },
        );
        self.thread_keys.insert(full_key, id);
        id
    }

    /// The messages of a thread, oldest first; `None` if there is no such
    /// thread.
    pub(crate) fn thread_messages(&self, thread_id: u64) -> Option<Vec<Value>> {
        let thread = self.threads.get(&thread_id)?;
        Some(
            thread
                .message_ids
                .iter()
                .filter_map(|id| self.message(id).cloned())
                .collect(),
        )
    }

    /// Whether a thread exists.
    pub(crate) fn has_thread(&self, thread_id: u64) -> bool {
        self.threads.contains_key(&thread_id)
    }

    /// A thread by id.
    pub(crate) fn thread(&self, thread_id: u64) -> Option<&Thread> {
        self.threads.get(&thread_id)
    }

    /// Stores a message (which must carry `id`) and appends it to its
    /// thread.
    pub(crate) fn insert_message(&mut self, thread_id: u64, id: String, message: Value) {
        let created_at = message
            .get("createdAt")
            .and_then(Value::as_str)
            .map(str::to_owned);
        self.message_index.insert(id.clone(), self.messages.len());
        self.messages.push(message);
        if let Some(thread) = self.threads.get_mut(&thread_id) {
            thread.message_ids.push(id);
            if created_at.is_some() {
                thread.latest_message_at = created_at;
            }
        }
    }

    /// A thread by id, for updating in place.
    pub(crate) fn thread_mut(&mut self, thread_id: u64) -> Option<&mut Thread> {
        self.threads.get_mut(&thread_id)
    }

    /// Every thread, by id (ascending: oldest first).
    pub(crate) fn threads(&self) -> Vec<(u64, &Thread)> {
        let mut all: Vec<(u64, &Thread)> = self.threads.iter().map(|(id, t)| (*id, t)).collect();
        all.sort_by_key(|(id, _)| *id);
        all
    }

    /// A fresh channel account id.
    pub(crate) fn new_channel_account_id(&mut self) -> i64 {
        FIRST_CHANNEL_ACCOUNT_ID + Ids::next(&self.ids.channel_account) as i64
    }

    /// A stored message by id.
    pub(crate) fn message(&self, id: &str) -> Option<&Value> {
        self.message_index
            .get(id)
            .and_then(|i| self.messages.get(*i))
    }

    /// A stored message by id, for updating in place.
    pub(crate) fn message_mut(&mut self, id: &str) -> Option<&mut Value> {
        let index = *self.message_index.get(id)?;
        self.messages.get_mut(index)
    }

    /// The message earlier published on `channel_id` with this
    /// `integrationIdempotencyId`, if any.
    pub(crate) fn idempotent(&self, channel_id: i32, key: &str) -> Option<&Value> {
        self.idempotency
            .get(&(channel_id, key.to_string()))
            .and_then(|id| self.message(id))
    }

    /// Remembers which message an idempotency id produced.
    pub(crate) fn remember_idempotency(&mut self, channel_id: i32, key: &str, message_id: String) {
        self.idempotency
            .insert((channel_id, key.to_string()), message_id);
    }
}
