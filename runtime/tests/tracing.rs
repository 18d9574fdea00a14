//! What the client writes to `tracing`: a span per request with its method,
//! path template, version, attempt, status, correlation id and elapsed time;
//! never the token; message bodies only at `TRACE`.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::*;
use hubspot_fake::ScriptedResponse;
use serde_json::json;
use tracing::Level;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::format::FmtSpan;

/// Message text that must not reach logs below `TRACE`.
const TEXT: &str = "my card number is 4111 1111 1111 1111";

/// A `MakeWriter` appending everything to one shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

/// Publishes [`TEXT`] through a 503 and a retry, and fails a second
/// request with a 400, all with logs at `level` captured.
async fn logs_at(level: Level) -> String {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_max_level(level)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let fake = start_fake().await;
    let client = fast_retrying_client(&fake, 3);
    fake.push_response(
        ScriptedResponse::json(503, json!({ "status": "error", "message": "unavailable" }))
            .with_header("X-HubSpot-Correlation-Id", "corr-503"),
    );
    fake.push_response(
        ScriptedResponse::json(201, json!({ "id": "1000000001", "text": TEXT }))
            .with_header("X-HubSpot-Correlation-Id", "corr-201"),
    );
    client.send(&KeyedPublish::new("42", TEXT)).await.unwrap();
    fake.push_response(ScriptedResponse::json(
        400,
        json!({ "status": "error", "message": "invalid", "correlationId": "corr-400" }),
    ));
    client
        .send(&KeyedPublish::new("42", TEXT))
        .await
        .unwrap_err();
    assert_eq!(fake.requests().len(), 3);
    // The token did go out, in the header, where the fake saw it.
    assert!(
        fake.requests()[0]
            .header("authorization")
            .unwrap()
            .contains(TOKEN)
    );
    captured.text()
}

#[tokio::test]
async fn info_logs_describe_each_request_without_token_or_message_text() {
    let logs = logs_at(Level::INFO).await;
    assert!(!logs.contains(TOKEN), "the token leaked:\n{logs}");
    assert!(!logs.contains(TEXT), "message text at INFO:\n{logs}");

    // One span per request, closed with its fields.
    let spans: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("hubspot_request"))
        .collect();
    let closed: Vec<&&str> = spans.iter().filter(|l| l.contains("close")).collect();
    assert_eq!(closed.len(), 2, "{logs}");
    for field in [
        "method=\"POST\"",
        "path=\"/conversations/custom-channels/2026-03/{channelId}/messages\"",
        "version=2026-03",
        "endpoint=\"PublishMessage\"",
    ] {
        assert!(
            closed.iter().all(|l| l.contains(field)),
            "{field} in\n{logs}"
        );
    }
    assert!(closed[0].contains("attempt=2"), "{logs}");
    assert!(closed[0].contains("status=201"), "{logs}");
    assert!(closed[0].contains("correlation_id=\"corr-201\""), "{logs}");
    assert!(closed[0].contains("elapsed_ms="), "{logs}");
    assert!(closed[1].contains("attempt=1"), "{logs}");
    assert!(closed[1].contains("status=400"), "{logs}");
    assert!(closed[1].contains("correlation_id=\"corr-400\""), "{logs}");

    // The retry is a warning that says why, and nothing from the body.
    let retry = logs
        .lines()
        .find(|l| l.contains("retrying HubSpot request"))
        .unwrap_or_else(|| panic!("no retry warning in\n{logs}"));
    assert!(retry.contains("WARN"), "{retry}");
    assert!(retry.contains("service unavailable (503)"), "{retry}");
    assert!(!retry.contains("unavailable\""), "{retry}");
}

#[tokio::test]
async fn trace_logs_carry_bodies_but_never_the_token() {
    let logs = logs_at(Level::TRACE).await;
    assert!(!logs.contains(TOKEN), "the token leaked:\n{logs}");
    assert!(logs.contains("request body"), "{logs}");
    assert!(logs.contains(TEXT), "bodies are logged at TRACE:\n{logs}");
}
