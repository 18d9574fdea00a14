//! Following HubSpot's cursor pagination: a list endpoint answers one page
//! of `results` and, unless it is the last page, `paging.next.after`, the
//! cursor to send as the next request's `after` query parameter.
//!
//! `hubspot_endpoint!` implements [`Paginated`] for an endpoint marked
//! `#[paginated]` and [`Page`] for an object marked `#[page]`; the endpoint's
//! builder then has `.stream(&client)`, which returns a [`PageStream`]: every
//! item of every page, in order, as a [`futures_core::Stream`].
//!
//! ```no_run
//! use futures_util::StreamExt as _;
//! use hubspot_runtime::{Client, hubspot_endpoint};
//!
//! hubspot_endpoint! {
//!     /// Lists inboxes.
//!     #[paginated]
//!     pub endpoint ListInboxes: GET {
//!         v3 => "/conversations/v3/conversations/inboxes",
//!     } {
//!         query { after: Option<String>, limit: Option<i32> }
//!     } -> 200 Inboxes;
//!
//!     /// One page of inboxes.
//!     #[page]
//!     pub object Inboxes {
//!         required { results: Vec<Inbox> }
//!         optional { paging: Paging }
//!     }
//!     /// An inbox.
//!     pub object Inbox { required { id: String, name: String } }
//!     /// Paging.
//!     pub object Paging { optional { next: NextPage } }
//!     /// The next page's cursor.
//!     pub object NextPage { required { after: String } }
//! }
//!
//! # async fn run() -> Result<(), hubspot_runtime::Error> {
//! let client = Client::from_env()?;
//! // 10 per request; the stream asks for pages until there is no next one.
//! let mut inboxes = ListInboxes::builder().limit(10).stream(&client);
//! while let Some(inbox) = inboxes.next().await {
//!     let inbox = inbox?; // an error ends the stream
//!     println!("{} {}", inbox.id, inbox.name);
//! }
//! # Ok(())
//! # }
//! ```

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use serde::de::DeserializeOwned;

use crate::{ApiVersion, Client, Endpoint, Error, RepeatedCursorError};

/// A response that is one page of a list.
pub trait Page: DeserializeOwned {
    /// What the list holds.
    type Item;

    /// This page's items, and the cursor of the next page (`None` on the
    /// last page).
    fn into_parts(self) -> (Vec<Self::Item>, Option<String>);
}

/// A list endpoint whose response is a [`Page`] and whose request takes the
/// next page's cursor.
pub trait Paginated: Endpoint<Response: Page> + Clone + Send + Sync + 'static {
    /// Sets the `after` query parameter.
    fn set_after(&mut self, after: String);
}

/// The item type of `E`'s pages.
pub type ItemOf<E> = <<E as Endpoint>::Response as Page>::Item;

type PageFuture<E> = Pin<Box<dyn Future<Output = Result<<E as Endpoint>::Response, Error>> + Send>>;

/// Every item of every page of a [`Paginated`] request, in order.
///
/// It sends one request at a time, only when the items it already has are
/// used up, and ends after the page without a next cursor. An error (from
/// any page) is yielded once and ends the stream, as does a next cursor it
/// has already followed, whether just before (`A → A`) or pages earlier
/// (`A → B → A`), which would otherwise go round the same pages forever
/// ([`Error::RepeatedCursor`], after that page's items). To know, it keeps
/// every cursor it has sent: a few dozen bytes per page.
#[must_use = "a stream does nothing until polled"]
pub struct PageStream<E: Paginated> {
    client: Client,
    request: E,
    version: Option<ApiVersion>,
    buffered: VecDeque<ItemOf<E>>,
    in_flight: Option<PageFuture<E>>,
    /// Every cursor a request has been sent with, the in-flight one's too.
    seen: HashSet<String>,
    next: Next,
    pending_error: Option<Error>,
    done: bool,
}

/// What to ask for once the buffered items are used up.
#[derive(Debug)]
enum Next {
    /// The first page: the request as given.
    First,
    /// The page after this cursor.
    After(String),
    /// Nothing: the last page arrived.
    End,
}

impl<E: Paginated> PageStream<E> {
    /// A stream starting with `request` as it is (its own `after`, if set,
    /// is the first cursor), sent at `version` as [`Client::send_with_version`]
    /// would.
    pub fn new(client: Client, request: E, version: Option<ApiVersion>) -> Self {
        PageStream {
            client,
            request,
            version,
            buffered: VecDeque::new(),
            in_flight: None,
            seen: HashSet::new(),
            next: Next::First,
            pending_error: None,
            done: false,
        }
    }

    fn start(&mut self, after: Option<String>) {
        let mut request = self.request.clone();
        if let Some(after) = after {
            request.set_after(after.clone());
            self.seen.insert(after);
        }
        let client = self.client.clone();
        let version = self.version;
        self.in_flight = Some(Box::pin(async move {
            client.send_with_version(&request, version).await
        }));
    }
}

// No field is structurally pinned: the in-flight future is boxed.
impl<E: Paginated> Unpin for PageStream<E> {}

impl<E: Paginated> Stream for PageStream<E> {
    type Item = Result<ItemOf<E>, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(item) = this.buffered.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            if let Some(error) = this.pending_error.take() {
                this.done = true;
                return Poll::Ready(Some(Err(error)));
            }
            if this.done {
                return Poll::Ready(None);
            }
            if let Some(future) = &mut this.in_flight {
                let response = match future.as_mut().poll(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(response) => response,
                };
                this.in_flight = None;
                let (items, next) = match response {
                    Ok(page) => page.into_parts(),
                    Err(error) => {
                        this.done = true;
                        return Poll::Ready(Some(Err(error)));
                    }
                };
                this.buffered.extend(items);
                this.next = match next {
                    None => Next::End,
                    Some(next) if this.seen.contains(&next) => {
                        this.pending_error =
                            Some(Error::RepeatedCursor(Box::new(RepeatedCursorError {
                                endpoint: E::INFO.name,
                                after: next,
                            })));
                        Next::End
                    }
                    Some(next) => Next::After(next),
                };
                continue;
            }
            match std::mem::replace(&mut this.next, Next::End) {
                Next::First => this.start(None),
                Next::After(after) => this.start(Some(after)),
                Next::End => this.done = true,
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let upper = (self.done && self.pending_error.is_none()).then_some(self.buffered.len());
        (self.buffered.len(), upper)
    }
}

impl<E: Paginated + fmt::Debug> fmt::Debug for PageStream<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PageStream")
            .field("request", &self.request)
            .field("version", &self.version)
            .field("buffered", &self.buffered.len())
            .field("in_flight", &self.in_flight.is_some())
            .field("cursors_seen", &self.seen.len())
            .field("next", &self.next)
            .field("done", &self.done)
            .finish()
    }
}
