//! Sending webhooks, as HubSpot does to a custom channel's `webhookUrl`:
//! signed with v3, POSTed from a background task, retried with backoff.
//!
//! Deliveries go out one at a time, in the order they were queued, so an
//! integration sees a thread's messages in order; a failing endpoint delays
//! later deliveries by at most its bounded retries. As HubSpot does, the
//! fake retries after a connection failure, a timeout, a `5xx` or a `429`,
//! and takes any other `4xx` as a refusal that retrying cannot fix.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::http::{Request, Uri, header};
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use sha2::Sha256;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

/// How the fake retries a webhook that failed: no connection, no response
/// in time, a `5xx` or a `429`. (Other `4xx` answers are not retried.)
///
/// HubSpot retries failed webhooks for hours; the fake's defaults are
/// scaled down for local development, and tests scale them down further.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebhookRetry {
    /// Attempts in all, the first included; at least one is always made.
    pub max_attempts: u32,
    /// Wait before the second attempt; doubled after each failure.
    pub initial_backoff: Duration,
    /// The longest wait between attempts.
    pub max_backoff: Duration,
    /// How long one attempt may take (connect, send, response head).
    pub timeout: Duration,
}

impl Default for WebhookRetry {
    /// 5 attempts, waiting 1 s, 2 s, 4 s, 8 s in between, 5 s per attempt.
    fn default() -> Self {
        WebhookRetry {
            max_attempts: 5,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(30),
            timeout: Duration::from_secs(5),
        }
    }
}

impl WebhookRetry {
    /// The wait after failed attempt number `failed` (1-based).
    fn backoff(&self, failed: u32) -> Duration {
        let factor = 2u32.saturating_pow(failed.saturating_sub(1));
        self.initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff)
    }
}

/// Where a [`WebhookDelivery`] stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryOutcome {
    /// Queued or being retried.
    Pending,
    /// The receiver answered an attempt with a `2xx`.
    Delivered,
    /// The receiver answered with a `4xx` other than `429`, which is not
    /// retried.
    Rejected,
    /// Every attempt failed.
    GaveUp,
}

/// One attempt to deliver a webhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookAttempt {
    /// The response status, if a response came.
    pub status: Option<u16>,
    /// Why no response came (connection refused, timeout, ...).
    pub error: Option<String>,
    /// The headers sent: `Content-Type`, `X-HubSpot-Signature-v3` and
    /// `X-HubSpot-Request-Timestamp` (names lower-case).
    pub headers: Vec<(String, String)>,
}

impl WebhookAttempt {
    /// A header sent with this attempt, matched case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A webhook the fake sent (or is sending) to a channel's webhook URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookDelivery {
    /// The custom channel.
    pub channel_id: i32,
    /// Where it was POSTed.
    pub url: String,
    /// The event's `type`, e.g. `OUTGOING_CHANNEL_MESSAGE_CREATED`.
    pub event_type: String,
    /// The JSON body, exactly as sent.
    pub body: Vec<u8>,
    /// Every attempt so far, oldest first.
    pub attempts: Vec<WebhookAttempt>,
    /// Where it stands.
    pub outcome: DeliveryOutcome,
}

impl WebhookDelivery {
    /// The body as JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// A delivery waiting for the worker: its index in the log.
#[derive(Debug)]
struct Job {
    index: usize,
}

/// State shared by the fake's handlers, its handle and the worker.
#[derive(Debug)]
struct State {
    secret: String,
    channels: Mutex<HashMap<i32, String>>,
    log: Mutex<Vec<WebhookDelivery>>,
    /// Bumped whenever a delivery finishes, for waiters.
    finished: watch::Sender<usize>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// The fake's webhook sender: registered channels, the delivery log and the
/// queue to the worker task.
#[derive(Debug)]
pub(crate) struct Webhooks {
    state: Arc<State>,
    queue: mpsc::UnboundedSender<Job>,
}

impl Webhooks {
    /// A sender signing with `secret`, and its worker task (spawned on the
    /// current runtime).
    pub(crate) fn start(
        secret: String,
        channels: impl IntoIterator<Item = (i32, String)>,
        retry: WebhookRetry,
    ) -> (Webhooks, JoinHandle<()>) {
        let (finished, _) = watch::channel(0);
        let state = Arc::new(State {
            secret,
            channels: Mutex::new(channels.into_iter().collect()),
            log: Mutex::new(Vec::new()),
            finished,
        });
        let (queue, jobs) = mpsc::unbounded_channel();
        let worker = tokio::spawn(run(Arc::clone(&state), retry, jobs));
        (Webhooks { state, queue }, worker)
    }

    /// The client secret webhooks are signed with.
    pub(crate) fn secret(&self) -> &str {
        &self.state.secret
    }

    /// Registers (or replaces) a channel's webhook URL.
    pub(crate) fn register(&self, channel_id: i32, url: String) {
        lock(&self.state.channels).insert(channel_id, url);
    }

    /// Whether a channel has a webhook URL.
    pub(crate) fn is_registered(&self, channel_id: i32) -> bool {
        lock(&self.state.channels).contains_key(&channel_id)
    }

    /// Queues `event` for the channel's webhook URL; `false` if the channel
    /// has none.
    pub(crate) fn send(&self, channel_id: i32, event: &Value) -> bool {
        let Some(url) = lock(&self.state.channels).get(&channel_id).cloned() else {
            return false;
        };
        let index = {
            let mut log = lock(&self.state.log);
            log.push(WebhookDelivery {
                channel_id,
                url,
                event_type: event
                    .get("type")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                body: serde_json::to_vec(event).unwrap_or_default(),
                attempts: Vec::new(),
                outcome: DeliveryOutcome::Pending,
            });
            log.len() - 1
        };
        // The worker only stops when the fake does; a send after that is
        // recorded as pending forever, which is what a stopped HubSpot does.
        let _ = self.queue.send(Job { index });
        true
    }

    /// Every delivery so far, oldest first.
    pub(crate) fn deliveries(&self) -> Vec<WebhookDelivery> {
        lock(&self.state.log).clone()
    }

    /// Waits until no delivery is pending, or `timeout` passes; returns the
    /// deliveries either way.
    pub(crate) async fn settle(&self, timeout: Duration) -> Vec<WebhookDelivery> {
        let mut finished = self.state.finished.subscribe();
        let all_done = |state: &State| {
            lock(&state.log)
                .iter()
                .all(|d| d.outcome != DeliveryOutcome::Pending)
        };
        let _ = tokio::time::timeout(timeout, async {
            while !all_done(&self.state) {
                if finished.changed().await.is_err() {
                    break;
                }
            }
        })
        .await;
        self.deliveries()
    }
}

/// The worker: delivers queued webhooks one at a time, in order.
async fn run(state: Arc<State>, retry: WebhookRetry, mut jobs: mpsc::UnboundedReceiver<Job>) {
    while let Some(job) = jobs.recv().await {
        let Some((url, body)) = lock(&state.log)
            .get(job.index)
            .map(|d| (d.url.clone(), d.body.clone()))
        else {
            continue;
        };
        let attempts = retry.max_attempts.max(1);
        let mut outcome = DeliveryOutcome::GaveUp;
        for number in 1..=attempts {
            let attempt = attempt(&state.secret, &url, &body, retry.timeout).await;
            let status = attempt.status;
            if let Some(delivery) = lock(&state.log).get_mut(job.index) {
                delivery.attempts.push(attempt);
            }
            match status {
                Some(200..=299) => {
                    outcome = DeliveryOutcome::Delivered;
                    break;
                }
                Some(status @ 400..=499) if status != 429 => {
                    outcome = DeliveryOutcome::Rejected;
                    break;
                }
                _ => {}
            }
            if number < attempts {
                tokio::time::sleep(retry.backoff(number)).await;
            }
        }
        if let Some(delivery) = lock(&state.log).get_mut(job.index) {
            delivery.outcome = outcome;
        }
        state.finished.send_modify(|n| *n += 1);
    }
}

/// One signed POST of `body` to `url`.
async fn attempt(secret: &str, url: &str, body: &[u8], timeout: Duration) -> WebhookAttempt {
    let timestamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
        .to_string();
    let headers = vec![
        ("content-type".to_owned(), "application/json".to_owned()),
        (
            "x-hubspot-signature-v3".to_owned(),
            sign_v3(secret, "POST", url, body, &timestamp),
        ),
        ("x-hubspot-request-timestamp".to_owned(), timestamp),
    ];
    let result = match tokio::time::timeout(timeout, post(url, &headers, body)).await {
        Ok(result) => result,
        Err(_) => Err(format!("no response within {timeout:?}")),
    };
    let (status, error) = match result {
        Ok(status) => (Some(status), None),
        Err(error) => (None, Some(error)),
    };
    WebhookAttempt {
        status,
        error,
        headers,
    }
}

/// POSTs over plain HTTP/1.1 and returns the response status. The fake
/// talks to local services only, so `https` URLs are refused.
async fn post(url: &str, headers: &[(String, String)], body: &[u8]) -> Result<u16, String> {
    let uri: Uri = url
        .parse()
        .map_err(|e| format!("not a URL: {url:?}: {e}"))?;
    if uri.scheme_str() != Some("http") {
        return Err(format!(
            "hubspot-fake only sends webhooks over plain http, not to {url:?}"
        ));
    }
    let authority = uri
        .authority()
        .ok_or_else(|| format!("no host in {url:?}"))?
        .clone();
    let port = authority.port_u16().unwrap_or(80);
    let host = authority
        .host()
        .trim_start_matches('[')
        .trim_end_matches(']');
    let stream = tokio::net::TcpStream::connect((host, port))
        .await
        .map_err(|e| format!("cannot connect to {authority}: {e}"))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("HTTP handshake with {authority} failed: {e}"))?;
    let connection = tokio::spawn(connection);
    let path = uri.path_and_query().map_or("/", |pq| pq.as_str());
    let mut request = Request::post(path)
        .header(header::HOST, authority.as_str())
        .header(header::USER_AGENT, "hubspot-fake webhooks");
    for (name, value) in headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let request = request
        .body(Full::new(Bytes::copy_from_slice(body)))
        .map_err(|e| format!("cannot build the request: {e}"))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| format!("no response from {authority}: {e}"))?;
    let status = response.status().as_u16();
    // Read the body so the connection ends cleanly; its content is unused.
    let _ = response.into_body().collect().await;
    connection.abort();
    Ok(status)
}

/// HubSpot's v3 signature: base64 HMAC-SHA256 keyed with the client secret,
/// over `method + uri + body + timestamp`, where the URI has the escapes of
/// `: / ? @ ! $ ' ( ) * , ;` decoded.
pub(crate) fn sign_v3(
    secret: &str,
    method: &str,
    uri: &str,
    body: &[u8],
    timestamp: &str,
) -> String {
    let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(method.as_bytes());
    mac.update(&decode_signed_characters(uri));
    mac.update(body);
    mac.update(timestamp.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// `uri` with the percent-escapes HubSpot lists for v3 decoded.
fn decode_signed_characters(uri: &str) -> Vec<u8> {
    const DECODED: &[u8] = b":/?@!$'()*,;";
    let bytes = uri.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escape = bytes
            .get(i + 1..i + 3)
            .filter(|hex| bytes[i] == b'%' && hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            .filter(|c| DECODED.contains(c));
        match escape {
            Some(c) => {
                out.push(c);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_like_hubspot() {
        // The vector from HubSpot's Python SDK tests.
        assert_eq!(
            sign_v3(
                "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy",
                "POST",
                "https://www.example.com/webhook_uri",
                b"{'example_field':'example_value'}",
                "15000000"
            ),
            "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw="
        );
        // Computed with Python's hmac (see runtime/tests/webhook_signatures.rs).
        assert_eq!(
            sign_v3(
                "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy",
                "POST",
                "https://bridge.example.com/hook%3Fx/a%2Fb?q=%40you%21&r=%24%27%28%29%2A%2C%3B%3a&space=%20&eq=%3D",
                br#"{"type":"OUTGOING_CHANNEL_MESSAGE_CREATED"}"#,
                "1700000000000"
            ),
            "/c4W+62UQzlQsT+8Qtxy/ELGQr0BMOTZ3MG25P+8yPQ="
        );
    }

    #[test]
    fn decodes_only_the_listed_escapes() {
        assert_eq!(
            decode_signed_characters("/a%3Ab%3a%20%2B%2"),
            b"/a:b:%20%2B%2".to_vec()
        );
        // `%+1` is not an escape even though `+1` parses as a number.
        assert_eq!(decode_signed_characters("/%+1"), b"/%+1".to_vec());
    }

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let retry = WebhookRetry {
            max_attempts: 10,
            initial_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(35),
            timeout: Duration::from_secs(1),
        };
        let waits: Vec<u128> = (1..=5).map(|n| retry.backoff(n).as_millis()).collect();
        assert_eq!(waits, [10, 20, 35, 35, 35]);
        assert_eq!(retry.backoff(u32::MAX), Duration::from_millis(35));
    }
}
