//! Shared test helpers: a tiny HTTP/1.1 client over `TcpStream`, and
//! checking responses against HubSpot's specs (through
//! `hubspot-specs-support`).
#![allow(dead_code)]

pub mod spec;

use std::net::SocketAddr;

use hubspot_fake::FakeHubSpot;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A response as read off the wire.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The body as JSON; panics with the body text if it is not JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "response body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// A header value, matched case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one request on a fresh connection (`Connection: close`) and reads
/// the whole response. `headers` are sent as given, after `Host`,
/// `Connection` and `Content-Length`.
pub async fn send_raw(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(addr).await.expect("connect to the fake");
    let mut head = format!(
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await.expect("write head");
    stream.write_all(body).await.expect("write body");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("read response");
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no complete response: {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(line_end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("0").trim(), 16)
            .expect("chunk size");
        if size == 0 {
            return out;
        }
        let start = line_end + 2;
        out.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
}

/// A client bound to one fake, sending its token.
#[derive(Debug, Clone)]
pub struct Client {
    pub addr: SocketAddr,
    pub token: String,
}

impl Client {
    pub fn new(fake: &FakeHubSpot) -> Self {
        Client {
            addr: fake.addr(),
            token: fake.token().to_string(),
        }
    }

    /// Sends JSON with `Authorization: Bearer <token>`.
    pub async fn json(&self, method: &str, path: &str, body: &Value) -> Response {
        let auth = format!("Bearer {}", self.token);
        send_raw(
            self.addr,
            method,
            path,
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
            ],
            &serde_json::to_vec(body).expect("serialize"),
        )
        .await
    }

    /// Sends a body-less request (GET, DELETE) with the token.
    pub async fn bare(&self, method: &str, path: &str) -> Response {
        let auth = format!("Bearer {}", self.token);
        send_raw(self.addr, method, path, &[("Authorization", &auth)], &[]).await
    }

    pub async fn get(&self, path: &str) -> Response {
        self.bare("GET", path).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.json("POST", path, body).await
    }

    pub async fn patch(&self, path: &str, body: &Value) -> Response {
        self.json("PATCH", path, body).await
    }
}

/// A minimal valid `ChannelIntegrationMessageEgg`.
pub fn simple_egg(text: &str, visitor: &str) -> Value {
    serde_json::json!({
        "text": text,
        "messageDirection": "INCOMING",
        "senders": [{
            "deliveryIdentifier": {"type": "HS_EMAIL_ADDRESS", "value": visitor},
            "name": "Visitor",
        }],
        "recipients": [{
            "deliveryIdentifier": {"type": "CHANNEL_SPECIFIC_OPAQUE_ID", "value": "business"},
        }],
        "channelAccountId": "account-1",
        "timestamp": "2026-03-01T12:00:00Z",
        "attachments": [],
    })
}

/// Publish path for a channel in custom-channels v3.
pub fn publish_path(channel_id: i64) -> String {
    format!("/conversations/v3/custom-channels/{channel_id}/messages")
}

/// Thread messages path in conversations v3.
pub fn thread_path(thread_id: &str) -> String {
    format!("/conversations/v3/conversations/threads/{thread_id}/messages")
}
