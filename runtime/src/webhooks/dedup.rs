//! Delivering each webhook once: the [`WebhookDedup`] trait, its
//! [`Claim`]s, and the in-process [`InMemoryWebhookDedup`].

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::shared::{SharedStateError, SharedStateErrorKind};

/// The future a [`WebhookDedup`] method (or a [`DeliveryGuard`] action)
/// returns.
pub type DedupFuture<'a, T> =
    Pin<Box<dyn Future<Output = Result<T, SharedStateError>> + Send + 'a>>;

/// Makes each webhook event reach its destination once, however often
/// HubSpot delivers it and to however many replicas.
///
/// A handler claims the event's id before acting on it:
///
/// - [`Claim::Deliver`]: act now, then call
///   [`DeliveryGuard::delivered`]. Until then the id is *claimed*, not
///   delivered: should the handler fail (or its process die), dropping the
///   guard (or the claim's lease running out) releases the claim, and a
///   redelivery is acted on.
/// - [`Claim::AlreadyDelivered`]: another delivery of the event was acted
///   on; answer HubSpot `2xx` and do nothing.
///
/// While another handler holds the claim, [`claim`](WebhookDedup::claim)
/// waits (a bounded time) for it to be delivered or released; past the
/// bound it fails, and the handler should answer `5xx` so that HubSpot
/// delivers the event again later.
///
/// ```
/// use hubspot_runtime::webhooks::{Claim, InMemoryWebhookDedup, WebhookDedup};
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let dedup = InMemoryWebhookDedup::new();
/// match dedup.claim("101:message-1").await.unwrap() {
///     Claim::Deliver(guard) => {
///         // ... deliver the message ...
///         guard.delivered().await.unwrap();
///     }
///     Claim::AlreadyDelivered => unreachable!("the first delivery"),
/// }
/// // HubSpot retries: nothing to do.
/// assert!(matches!(dedup.claim("101:message-1").await.unwrap(), Claim::AlreadyDelivered));
/// # }
/// ```
pub trait WebhookDedup: Send + Sync + 'static {
    /// Claims the event `id` (any text that identifies it, e.g. the
    /// account and the message id), waiting while another handler holds
    /// it.
    fn claim<'a>(&'a self, id: &'a str) -> DedupFuture<'a, Claim>;
}

/// What [`WebhookDedup::claim`] found.
#[derive(Debug)]
#[must_use = "a claim to deliver is released when dropped"]
pub enum Claim {
    /// The event is this handler's to deliver: deliver it, then call
    /// [`DeliveryGuard::delivered`].
    Deliver(DeliveryGuard),
    /// The event was delivered already: answer `2xx`, do nothing.
    AlreadyDelivered,
}

type Action = Box<dyn FnOnce() -> DedupFuture<'static, ()> + Send + Sync>;

/// A claim on a webhook event, held: what [`Claim::Deliver`] carries.
///
/// [`delivered`](DeliveryGuard::delivered) marks the event delivered;
/// [`release`](DeliveryGuard::release) gives the claim up, so that a
/// redelivery is acted on. Dropped without either (a failed or cancelled
/// handler), it spawns the release on the current tokio runtime if there
/// is one; with no runtime, the claim lapses at the end of its lease.
pub struct DeliveryGuard {
    actions: Option<(Action, Action)>,
}

impl DeliveryGuard {
    /// A held claim, marked delivered by `delivered` or released by
    /// `release` (one of the two, once). For implementors of
    /// [`WebhookDedup`].
    pub fn new(
        delivered: impl FnOnce() -> DedupFuture<'static, ()> + Send + Sync + 'static,
        release: impl FnOnce() -> DedupFuture<'static, ()> + Send + Sync + 'static,
    ) -> DeliveryGuard {
        DeliveryGuard {
            actions: Some((Box::new(delivered), Box::new(release))),
        }
    }

    /// Marks the event delivered: later claims of its id find
    /// [`Claim::AlreadyDelivered`]. Call it only once the delivery
    /// succeeded.
    pub async fn delivered(mut self) -> Result<(), SharedStateError> {
        match self.actions.take() {
            Some((delivered, _)) => delivered().await,
            None => Ok(()),
        }
    }

    /// Gives the claim up without delivering: the next claim of the id
    /// delivers.
    pub async fn release(mut self) -> Result<(), SharedStateError> {
        match self.actions.take() {
            Some((_, release)) => release().await,
            None => Ok(()),
        }
    }
}

impl Drop for DeliveryGuard {
    fn drop(&mut self) {
        if let Some((_, release)) = self.actions.take()
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            runtime.spawn(async move {
                if let Err(error) = release().await {
                    tracing::debug!(%error, "releasing a dropped webhook claim failed");
                }
            });
        }
    }
}

impl fmt::Debug for DeliveryGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeliveryGuard")
            .field("held", &self.actions.is_some())
            .finish()
    }
}

/// The time to wait between two looks at a claim another handler holds.
pub(crate) fn poll_pause() -> Duration {
    Duration::from_millis(20) + crate::random::jitter(Duration::from_millis(30))
}

/// The error of a claim that stayed held past the wait.
pub(crate) fn held_too_long() -> SharedStateError {
    SharedStateError::new(
        SharedStateErrorKind::Timeout,
        "webhook de-duplication",
        "another delivery of this webhook is still being handled; answer 5xx so that it is sent again",
    )
}

#[derive(Debug)]
enum Entry {
    /// Claimed by the guard with this token.
    Claimed(u64),
    /// Delivered; forgotten at this instant.
    Delivered(Instant),
}

#[derive(Debug, Default)]
struct Memory {
    entries: HashMap<String, Entry>,
    claims: u64,
}

/// The default [`WebhookDedup`]: a map in this process's memory. It
/// de-duplicates the deliveries one process sees, not those of other
/// replicas (use `RedisWebhookDedup`, with the `redis` feature, for that),
/// and forgets everything when the process exits.
///
/// A delivered id is remembered for
/// [`DEFAULT_DELIVERED_TTL`](InMemoryWebhookDedup::DEFAULT_DELIVERED_TTL);
/// a claim is waited for up to
/// [`DEFAULT_WAIT`](InMemoryWebhookDedup::DEFAULT_WAIT). A claim here has
/// no lease: the process that holds it is this one, and it releases the
/// claim when the guard drops.
#[derive(Debug, Clone)]
pub struct InMemoryWebhookDedup {
    memory: Arc<Mutex<Memory>>,
    delivered_ttl: Duration,
    wait: Duration,
}

impl Default for InMemoryWebhookDedup {
    fn default() -> Self {
        InMemoryWebhookDedup::new()
    }
}

impl InMemoryWebhookDedup {
    /// How long a delivered id is remembered: 24 hours, longer than
    /// HubSpot goes on retrying a webhook.
    pub const DEFAULT_DELIVERED_TTL: Duration = Duration::from_secs(24 * 60 * 60);

    /// How long [`claim`](WebhookDedup::claim) waits for a claim another
    /// handler holds.
    pub const DEFAULT_WAIT: Duration = Duration::from_secs(5);

    /// An empty map, with the default durations.
    pub fn new() -> InMemoryWebhookDedup {
        InMemoryWebhookDedup {
            memory: Arc::default(),
            delivered_ttl: InMemoryWebhookDedup::DEFAULT_DELIVERED_TTL,
            wait: InMemoryWebhookDedup::DEFAULT_WAIT,
        }
    }

    /// Sets how long a delivered id is remembered.
    pub fn with_delivered_ttl(mut self, ttl: Duration) -> InMemoryWebhookDedup {
        self.delivered_ttl = ttl;
        self
    }

    /// Sets how long a claim waits for another handler's.
    pub fn with_wait(mut self, wait: Duration) -> InMemoryWebhookDedup {
        self.wait = wait;
        self
    }

    fn memory(&self) -> MutexGuard<'_, Memory> {
        lock(&self.memory)
    }

    /// One look: `Ok(claim)`, or `Err(())` while another holds it.
    fn try_claim(&self, id: &str) -> Result<Claim, ()> {
        let now = Instant::now();
        let mut memory = self.memory();
        memory.claims += 1;
        if memory.claims.is_multiple_of(1024) {
            memory
                .entries
                .retain(|_, entry| !matches!(entry, Entry::Delivered(until) if *until <= now));
        }
        match memory.entries.get(id) {
            Some(Entry::Delivered(until)) if *until > now => return Ok(Claim::AlreadyDelivered),
            Some(Entry::Claimed(_)) => return Err(()),
            _ => {}
        }
        let token = crate::random::random_u64();
        memory.entries.insert(id.to_owned(), Entry::Claimed(token));
        drop(memory);
        let (for_delivered, for_release) = (Arc::clone(&self.memory), Arc::clone(&self.memory));
        let (id_delivered, id_release) = (id.to_owned(), id.to_owned());
        let ttl = self.delivered_ttl;
        Ok(Claim::Deliver(DeliveryGuard::new(
            move || {
                let mut memory = lock(&for_delivered);
                let until = Instant::now().checked_add(ttl).unwrap_or_else(Instant::now);
                memory.entries.insert(id_delivered, Entry::Delivered(until));
                Box::pin(async { Ok(()) })
            },
            move || {
                let mut memory = lock(&for_release);
                if matches!(memory.entries.get(&id_release), Some(Entry::Claimed(t)) if *t == token)
                {
                    memory.entries.remove(&id_release);
                }
                Box::pin(async { Ok(()) })
            },
        )))
    }
}

fn lock(memory: &Mutex<Memory>) -> MutexGuard<'_, Memory> {
    // A panic while holding the lock cannot leave the map half-written.
    memory
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl WebhookDedup for InMemoryWebhookDedup {
    fn claim<'a>(&'a self, id: &'a str) -> DedupFuture<'a, Claim> {
        Box::pin(async move {
            let deadline = Instant::now() + self.wait;
            loop {
                if let Ok(claim) = self.try_claim(id) {
                    return Ok(claim);
                }
                let pause = poll_pause();
                if Instant::now() + pause > deadline {
                    return Err(held_too_long());
                }
                tokio::time::sleep(pause).await;
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_claim_is_delivered_once_and_a_dropped_one_is_released() {
        let dedup = InMemoryWebhookDedup::new().with_wait(Duration::from_millis(200));
        let Claim::Deliver(first) = dedup.claim("a").await.unwrap() else {
            panic!("the first claim delivers");
        };
        // Held: a second claim waits, then gives up.
        assert_eq!(
            dedup.claim("a").await.unwrap_err().kind(),
            SharedStateErrorKind::Timeout
        );
        drop(first);
        tokio::task::yield_now().await;
        let Claim::Deliver(second) = dedup.claim("a").await.unwrap() else {
            panic!("a released claim delivers again");
        };
        // A waiter learns of the delivery.
        let waiter = {
            let dedup = dedup.clone();
            tokio::spawn(async move { dedup.claim("a").await })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        second.delivered().await.unwrap();
        assert!(matches!(
            waiter.await.unwrap().unwrap(),
            Claim::AlreadyDelivered
        ));
        assert!(matches!(dedup.claim("b").await.unwrap(), Claim::Deliver(_)));
    }
}
