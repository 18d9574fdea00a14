//! Hand-written `Endpoint`s standing in for what `hubspot_endpoint!`
//! generates, and helpers shared by the integration tests.
#![allow(dead_code)] // Each test binary uses a different part of this module.

use std::error::Error as _;

use hubspot_fake::FakeHubSpot;
use hubspot_runtime::__private::PathSegment;
use hubspot_runtime::endpoint::Query;
use hubspot_runtime::schema::{BodyInfo, EndpointInfo, Method, TypeInfo, VersionedPath};
use hubspot_runtime::{ApiVersion, AuthScheme, Client, Endpoint};
use serde::Deserialize;

/// The token the fake accepts, distinctive enough that finding it in any
/// output is a leak.
pub const TOKEN: &str = FakeHubSpot::DEFAULT_TOKEN;

pub const V3: ApiVersion = ApiVersion::V3;
pub const MARCH: ApiVersion = ApiVersion::dated(2026, 3);
pub const SEPTEMBER: ApiVersion = ApiVersion::dated(2026, 9);

pub const V3_TEMPLATE: &str = "/conversations/v3/custom-channels/{channelId}/messages";
pub const MARCH_TEMPLATE: &str = "/conversations/custom-channels/2026-03/{channelId}/messages";

static PUBLISH_PATHS: [VersionedPath; 2] = [
    VersionedPath {
        version: V3,
        template: V3_TEMPLATE,
    },
    VersionedPath {
        version: MARCH,
        template: MARCH_TEMPLATE,
    },
];

static PUBLISH_INFO: EndpointInfo = EndpointInfo {
    name: "PublishMessage",
    method: Method::Post,
    paths: &PUBLISH_PATHS,
    path_params: &[],
    query_params: &[],
    body: BodyInfo::None,
    success_status: 200,
    response: || TypeInfo::Json,
    scopes: &["conversations.custom_channels.write"],
    auth: &[AuthScheme::OAuth, AuthScheme::PrivateApp],
};

/// `POST …/custom-channels/{channelId}/messages`, at `v3` or `2026-03`.
#[derive(Debug, Clone, Default)]
pub struct PublishMessage {
    pub channel_id: String,
    pub text: String,
    pub limit: Option<i32>,
    pub after: Option<String>,
    pub properties: Vec<String>,
    /// Makes `body()` fail, to exercise `Error::Encode`.
    pub fail_encoding: bool,
}

impl PublishMessage {
    pub fn new(channel_id: &str, text: &str) -> PublishMessage {
        PublishMessage {
            channel_id: channel_id.to_owned(),
            text: text.to_owned(),
            ..PublishMessage::default()
        }
    }
}

/// What the test endpoints decode a success into.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Published {
    pub id: String,
    pub text: String,
}

impl Endpoint for PublishMessage {
    type Response = Published;
    const INFO: &'static EndpointInfo = &PUBLISH_INFO;

    fn __path(&self, version_index: usize) -> String {
        let channel = PathSegment(self.channel_id.as_str());
        match version_index {
            0 => format!("/conversations/v3/custom-channels/{channel}/messages"),
            1 => format!("/conversations/custom-channels/2026-03/{channel}/messages"),
            other => panic!("no path at index {other}"),
        }
    }

    fn query(&self, query: &mut Query) {
        query.push("limit", &self.limit);
        query.push("after", &self.after);
        query.push("property", &self.properties);
    }

    fn body(&self) -> Result<Option<Vec<u8>>, serde_json::Error> {
        if self.fail_encoding {
            return Err(<serde_json::Error as serde::ser::Error>::custom(
                "this body cannot be encoded",
            ));
        }
        serde_json::to_vec(&serde_json::json!({ "text": self.text })).map(Some)
    }
}

static ARCHIVE_PATHS: [VersionedPath; 1] = [VersionedPath {
    version: V3,
    template: "/conversations/v3/custom-channels/{channelId}/messages/{messageId}",
}];

static ARCHIVE_INFO: EndpointInfo = EndpointInfo {
    name: "ArchiveMessage",
    method: Method::Delete,
    paths: &ARCHIVE_PATHS,
    path_params: &[],
    query_params: &[],
    body: BodyInfo::None,
    success_status: 204,
    response: || TypeInfo::Unit,
    scopes: &[],
    auth: &[AuthScheme::OAuth, AuthScheme::PrivateApp],
};

/// `DELETE …/messages/{messageId}`, `v3` only, answering `204` into `()`.
#[derive(Debug, Clone)]
pub struct ArchiveMessage {
    pub channel_id: String,
    pub message_id: String,
}

impl Endpoint for ArchiveMessage {
    type Response = ();
    const INFO: &'static EndpointInfo = &ARCHIVE_INFO;

    fn __path(&self, version_index: usize) -> String {
        assert_eq!(version_index, 0);
        format!(
            "/conversations/v3/custom-channels/{}/messages/{}",
            PathSegment(self.channel_id.as_str()),
            PathSegment(self.message_id.as_str())
        )
    }

    fn body(&self) -> Result<Option<Vec<u8>>, serde_json::Error> {
        Ok(None)
    }
}

/// `POST …/messages` like [`PublishMessage`], but de-duplicated by HubSpot
/// on `integrationIdempotencyId`, as `#[idempotency_key(…)]` declares.
#[derive(Debug, Clone, Default)]
pub struct KeyedPublish {
    pub channel_id: String,
    pub text: String,
    pub idempotency_id: Option<String>,
}

impl KeyedPublish {
    pub fn new(channel_id: &str, text: &str) -> KeyedPublish {
        KeyedPublish {
            channel_id: channel_id.to_owned(),
            text: text.to_owned(),
            idempotency_id: None,
        }
    }
}

impl Endpoint for KeyedPublish {
    type Response = Published;
    const INFO: &'static EndpointInfo = &PUBLISH_INFO;
    const IDEMPOTENCY_KEY: Option<&'static str> = Some("integrationIdempotencyId");

    fn __path(&self, version_index: usize) -> String {
        PublishMessage::new(&self.channel_id, &self.text).__path(version_index)
    }

    fn body(&self) -> Result<Option<Vec<u8>>, serde_json::Error> {
        let mut body = serde_json::json!({ "text": self.text });
        if let Some(id) = &self.idempotency_id {
            body["integrationIdempotencyId"] = id.clone().into();
        }
        serde_json::to_vec(&body).map(Some)
    }

    fn __body_with_idempotency_key(
        &self,
        new_key: fn() -> String,
    ) -> Result<Option<Vec<u8>>, serde_json::Error> {
        match &self.idempotency_id {
            Some(id) if !id.is_empty() => self.body(),
            _ => KeyedPublish {
                idempotency_id: Some(new_key()),
                ..self.clone()
            }
            .body(),
        }
    }
}

/// A client for `fake` whose retries wait at most a few tens of
/// milliseconds, so that tests of retries run fast.
pub fn fast_retrying_client(fake: &FakeHubSpot, attempts: u32) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .retry_policy(fast_retries(attempts))
        .build()
        .expect("build the client")
}

/// Backoff from 10 ms up to 50 ms, `attempts` attempts.
pub fn fast_retries(attempts: u32) -> hubspot_runtime::RetryPolicy {
    hubspot_runtime::RetryPolicy::default()
        .with_max_attempts(attempts)
        .with_initial_backoff(std::time::Duration::from_millis(10))
        .with_max_backoff(std::time::Duration::from_millis(50))
}

/// A TCP server that accepts connections and never answers; it counts the
/// connections.
pub struct SilentServer {
    pub addr: std::net::SocketAddr,
    accepted: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl SilentServer {
    pub async fn start() -> SilentServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let accepted = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = std::sync::Arc::clone(&accepted);
        let task = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((socket, _)) = listener.accept().await {
                counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                held.push(socket);
            }
        });
        SilentServer {
            addr,
            accepted,
            task,
        }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Connections accepted so far.
    pub fn accepted(&self) -> usize {
        self.accepted.load(std::sync::atomic::Ordering::SeqCst)
    }
}

impl Drop for SilentServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A fake that accepts [`TOKEN`].
pub async fn start_fake() -> FakeHubSpot {
    let fake = FakeHubSpot::start().await.expect("start the fake");
    assert_eq!(fake.token(), TOKEN);
    fake
}

/// A client for `fake` with [`TOKEN`].
pub fn client_for(fake: &FakeHubSpot) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .build()
        .expect("build the client")
}

/// A client for `fake` with [`TOKEN`] that makes one attempt per request,
/// for tests of what a single answer maps to.
pub fn client_without_retries(fake: &FakeHubSpot) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .retry_policy(hubspot_runtime::RetryPolicy::disabled())
        .build()
        .expect("build the client")
}

/// Panics if [`TOKEN`] shows up in `error`'s `Debug`, `Display` or any
/// `Display` down its source chain.
pub fn assert_token_absent(error: &hubspot_runtime::Error) {
    let mut printed = vec![
        format!("{error:?}"),
        format!("{error:#?}"),
        error.to_string(),
    ];
    let mut source = error.source();
    while let Some(cause) = source {
        printed.push(cause.to_string());
        printed.push(format!("{cause:?}"));
        source = cause.source();
    }
    for text in printed {
        assert!(!text.contains(TOKEN), "the token leaked: {text}");
    }
}
