//! The fake's in-memory state: stored messages and threads, recorded
//! requests and queued scripted responses.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, MutexGuard};

use serde_json::Value;

use crate::faults::{Chaos, Fault};
use crate::recording::{RecordedRequest, ScriptedResponse};
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
    /// The bearer token requests must carry.
    pub(crate) token: String,
    /// Registered channel webhook URLs and the deliveries made to them.
    pub(crate) webhooks: Webhooks,
    inner: Mutex<Inner>,
    /// Requests being handled now.
    in_flight: AtomicU32,
}

#[derive(Debug, Default)]
struct Inner {
    requests: Vec<RecordedRequest>,
    scripted: VecDeque<Scripted>,
    store: Store,
    chaos: Chaos,
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

impl Shared {
    /// Fresh, empty state.
    pub(crate) fn new(token: String, webhooks: Webhooks) -> Self {
        Shared {
            token,
            webhooks,
            inner: Mutex::new(Inner::default()),
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

    /// All stored messages, oldest first.
    pub(crate) fn messages(&self) -> Vec<Value> {
        self.lock().store.messages.clone()
    }

    /// Runs `f` with exclusive access to the store.
    pub(crate) fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> T) -> T {
        f(&mut self.lock().store)
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

/// A conversation thread.
#[derive(Debug, Clone)]
pub(crate) struct Thread {
    /// Ids of the thread's messages, oldest first.
    pub(crate) message_ids: Vec<String>,
    /// The `integrationThreadId` it was published under, if any.
    pub(crate) integration_thread_id: Option<String>,
}

/// Messages and threads.
#[derive(Debug, Default)]
pub(crate) struct Store {
    messages: Vec<Value>,
    message_index: HashMap<String, usize>,
    threads: HashMap<u64, Thread>,
    thread_keys: HashMap<(i32, String, ConversationKey), u64>,
    idempotency: HashMap<(i32, String), String>,
    next_message: u64,
    next_thread: u64,
}

impl Store {
    /// A fresh message id.
    pub(crate) fn new_message_id(&mut self) -> String {
        let id = FIRST_MESSAGE_ID + self.next_message;
        self.next_message += 1;
        id.to_string()
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
        let id = FIRST_THREAD_ID + self.next_thread;
        self.next_thread += 1;
        self.threads.insert(
            id,
            Thread {
                message_ids: Vec::new(),
                integration_thread_id,
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
        self.message_index.insert(id.clone(), self.messages.len());
        self.messages.push(message);
        if let Some(thread) = self.threads.get_mut(&thread_id) {
            thread.message_ids.push(id);
        }
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
