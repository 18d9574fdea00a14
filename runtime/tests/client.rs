//! The client against `hubspot-fake` over loopback: what it sends, which
//! version it picks, and how it decodes successes.

mod common;

use std::time::{Duration, Instant};

use common::*;
use hubspot_fake::ScriptedResponse;
use hubspot_runtime::{Client, Error};
use serde_json::json;

fn published() -> ScriptedResponse {
    ScriptedResponse::json(
        200,
        json!({ "id": "1000000001", "text": "hello", "extra": [1, 2] }),
    )
}

#[tokio::test]
async fn sends_auth_user_agent_and_json_body_and_decodes_the_answer() {
    let fake = start_fake().await;
    let client = client_for(&fake);
    fake.push_response(published());

    let response = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap();
    assert_eq!(
        response,
        Published {
            id: "1000000001".to_owned(),
            text: "hello".to_owned()
        }
    );

    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.path,
        "/conversations/custom-channels/2026-03/42/messages"
    );
    assert_eq!(request.query, None);
    assert_eq!(
        request.header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert_eq!(
        request.header("user-agent"),
        Some(Client::DEFAULT_USER_AGENT)
    );
    assert!(Client::DEFAULT_USER_AGENT.starts_with("hubspot-runtime/0."));
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(request.header("accept"), Some("application/json"));
    assert_eq!(request.json(), Some(json!({ "text": "hello" })));
}

#[tokio::test]
async fn sends_a_custom_user_agent() {
    let fake = start_fake().await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .user_agent("inbox-sync/2.1 (+https://example.com)")
        .build()
        .unwrap();
    fake.push_response(published());
    client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap();
    assert_eq!(
        fake.requests()[0].header("user-agent"),
        Some("inbox-sync/2.1 (+https://example.com)")
    );
}

#[tokio::test]
async fn a_request_without_body_sends_no_content_type() {
    let fake = start_fake().await;
    let client = client_for(&fake);
    fake.push_response(ScriptedResponse::raw(204, ""));
    let request = ArchiveMessage {
        channel_id: "42".to_owned(),
        message_id: "7".to_owned(),
    };
    client.send(&request).await.unwrap();
    let recorded = &fake.requests()[0];
    assert_eq!(recorded.method, "DELETE");
    assert_eq!(
        recorded.path,
        "/conversations/v3/custom-channels/42/messages/7"
    );
    assert_eq!(recorded.header("content-type"), None);
    assert!(recorded.body.is_empty());
}

#[tokio::test]
async fn query_strings_and_path_segments_are_percent_encoded() {
    let fake = start_fake().await;
    let client = client_for(&fake);
    fake.push_response(published());
    let request = PublishMessage {
        limit: Some(10),
        after: Some("a b&c=d/é+~".to_owned()),
        properties: vec!["text".to_owned(), "created at".to_owned()],
        ..PublishMessage::new("chan/1?x", "hello")
    };
    client.send(&request).await.unwrap();
    let recorded = &fake.requests()[0];
    assert_eq!(
        recorded.path,
        "/conversations/custom-channels/2026-03/chan%2F1%3Fx/messages"
    );
    assert_eq!(
        recorded.query.as_deref(),
        Some("limit=10&after=a%20b%26c%3Dd%2F%C3%A9%2B~&property=text&property=created%20at")
    );
}

#[tokio::test]
async fn a_dot_segment_path_parameter_is_refused_before_sending() {
    let fake = start_fake().await;
    let client = client_for(&fake);
    for id in ["..", "."] {
        let error = client
            .send(&PublishMessage::new(id, "hello"))
            .await
            .unwrap_err();
        assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
        assert_token_absent(&error);
    }
    assert!(fake.requests().is_empty());
}

#[tokio::test]
async fn a_base_url_path_prefix_is_kept() {
    let fake = start_fake().await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(format!("{}/hubspot/", fake.base_url()))
        .build()
        .unwrap();
    fake.push_response(published());
    client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap();
    assert_eq!(
        fake.requests()[0].path,
        "/hubspot/conversations/custom-channels/2026-03/42/messages"
    );
}

#[tokio::test]
async fn version_selection_prefers_request_then_client_then_newest() {
    let fake = start_fake().await;
    let request = PublishMessage::new("42", "hello");
    let pinned = |version| {
        Client::builder()
            .token(TOKEN)
            .base_url(fake.base_url())
            .api_version(version)
            .build()
            .unwrap()
    };
    let v3_path = "/conversations/v3/custom-channels/42/messages";
    let march_path = "/conversations/custom-channels/2026-03/42/messages";

    // (client pin, request pin, expected path)
    let cases = [
        (None, None, march_path),
        (Some(V3), None, v3_path),
        (Some(MARCH), None, march_path),
        (Some(SEPTEMBER), None, march_path),
        (Some(MARCH), Some(V3), v3_path),
        (None, Some(V3), v3_path),
        (Some(V3), Some(MARCH), march_path),
    ];
    for (i, (client_pin, request_pin, expected)) in cases.into_iter().enumerate() {
        let client = match client_pin {
            Some(version) => pinned(version),
            None => client_for(&fake),
        };
        assert_eq!(client.api_version(), client_pin);
        fake.push_response(published());
        client
            .send_with_version(&request, request_pin)
            .await
            .unwrap();
        assert_eq!(
            fake.requests()[i].path,
            expected,
            "client {client_pin:?}, request {request_pin:?}"
        );
    }
}

#[tokio::test]
async fn an_unsupported_pinned_version_fails_without_sending() {
    let fake = start_fake().await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .api_version(V3)
        .build()
        .unwrap();
    let error = client
        .send_with_version(&PublishMessage::new("42", "hello"), Some(SEPTEMBER))
        .await
        .unwrap_err();
    match &error {
        Error::UnsupportedVersion(unsupported) => {
            assert_eq!(unsupported.endpoint, "PublishMessage");
            assert_eq!(unsupported.requested, SEPTEMBER);
            assert_eq!(unsupported.available, [V3, MARCH]);
        }
        other => panic!("expected UnsupportedVersion, got {other:?}"),
    }
    assert_eq!(
        error.to_string(),
        "PublishMessage has no API version 2026-09; it has v3, 2026-03"
    );
    assert_eq!(error.status(), None);
    assert_token_absent(&error);
    assert!(fake.requests().is_empty());
}

#[tokio::test]
async fn an_unencodable_body_fails_without_sending() {
    let fake = start_fake().await;
    let client = client_for(&fake);
    let request = PublishMessage {
        fail_encoding: true,
        ..PublishMessage::new("42", "hello")
    };
    let error = client.send(&request).await.unwrap_err();
    assert!(matches!(error, Error::Encode(_)), "{error:?}");
    assert!(fake.requests().is_empty());
}

#[tokio::test]
async fn an_empty_204_decodes_into_unit() {
    let fake = start_fake().await;
    let client = client_for(&fake);
    let request = ArchiveMessage {
        channel_id: "42".to_owned(),
        message_id: "7".to_owned(),
    };
    fake.push_response(ScriptedResponse::raw(204, ""));
    client.send(&request).await.unwrap();
    // A 200 with an empty body is no different.
    fake.push_response(ScriptedResponse::raw(200, ""));
    client.send(&request).await.unwrap();
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn malformed_json_on_success_is_a_decode_error_with_a_bounded_excerpt() {
    let fake = start_fake().await;
    let client = client_for(&fake);

    let long = format!("{{\"id\": \"1\", \"text\": {}", "é".repeat(2000));
    fake.push_response(ScriptedResponse::raw(201, long.clone()));
    let error = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap_err();
    match &error {
        Error::Decode(decode) => {
            let excerpt = &decode.excerpt;
            assert_eq!(decode.status, 201);
            assert!(excerpt.len() <= 512, "{} bytes", excerpt.len());
            assert!(excerpt.len() >= 500, "{} bytes", excerpt.len());
            assert!(long.starts_with(excerpt.as_str()));
        }
        other => panic!("expected Decode, got {other:?}"),
    }
    assert_eq!(error.status(), Some(201));
    assert!(std::error::Error::source(&error).is_some());
    assert_token_absent(&error);

    // Valid JSON of the wrong shape is a decode error too.
    fake.push_response(ScriptedResponse::json(200, json!({ "id": 1 })));
    let error = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap_err();
    match &error {
        Error::Decode(decode) => assert_eq!(decode.excerpt, r#"{"id":1}"#),
        other => panic!("expected Decode, got {other:?}"),
    }

    // An empty body is `null`, which a struct does not accept.
    fake.push_response(ScriptedResponse::raw(200, ""));
    let error = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Decode(decode) if decode.excerpt.is_empty()),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_request_that_never_gets_an_answer_times_out() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let silent = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });

    let client = Client::builder()
        .token(TOKEN)
        .base_url(format!("http://{addr}"))
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    assert_eq!(client.timeout(), Duration::from_millis(300));
    let started = Instant::now();
    let error = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(error, Error::Timeout), "{error:?}");
    assert!(error.is_timeout());
    assert_eq!(error.status(), None);
    assert!(elapsed >= Duration::from_millis(250), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
    assert_token_absent(&error);
    silent.abort();
}

#[tokio::test]
async fn a_closed_port_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);

    let client = Client::builder()
        .token(TOKEN)
        .base_url(format!("http://{addr}"))
        .retry_policy(hubspot_runtime::RetryPolicy::disabled())
        .build()
        .unwrap();
    // A query string can carry a key (`hapikey=`): the error must not quote
    // the URL.
    let request = PublishMessage {
        after: Some("hapikey-0a1b2c3d".to_owned()),
        ..PublishMessage::new("42", "hello")
    };
    let error = client.send(&request).await.unwrap_err();
    let Error::Transport(transport) = &error else {
        panic!("expected Transport, got {error:?}");
    };
    assert!(transport.is_connect(), "{transport:?}");
    assert!(!transport.is_body() && !transport.is_request());
    assert!(!error.is_timeout());
    assert_eq!(error.status(), None);
    assert!(error.api_error().is_none());
    assert!(std::error::Error::source(&error).is_some());
    assert_token_absent(&error);
    let mut printed = vec![
        format!("{error:?}"),
        format!("{error:#?}"),
        error.to_string(),
    ];
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        printed.push(cause.to_string());
        printed.push(format!("{cause:?}"));
        source = cause.source();
    }
    for text in printed {
        assert!(!text.contains("hapikey-0a1b2c3d"), "{text}");
        assert!(!text.contains("/conversations/"), "{text}");
    }
}

#[tokio::test]
async fn an_answer_over_the_size_limit_is_refused() {
    let fake = start_fake().await;
    let body = r#"{"id":"1000000001","text":"hello"}"#;
    let limit = body.len() as u64;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(fake.base_url())
        .max_response_bytes(limit)
        .build()
        .unwrap();
    // Exactly at the limit is fine.
    fake.push_response(ScriptedResponse::raw(200, body));
    let response = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap();
    assert_eq!(response.id, "1000000001");
    // One byte more is not, and is not retried.
    fake.push_response(ScriptedResponse::raw(200, format!("{body} ")));
    let error = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::ResponseTooLarge { limit: got } if got == limit),
        "{error:?}"
    );
    assert_eq!(fake.requests().len(), 2);
    assert!(matches!(
        Client::builder().token(TOKEN).max_response_bytes(0).build(),
        Err(Error::Config(_))
    ));
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let fake = start_fake().await;
    let client = client_for(&fake);
    let elsewhere = format!("{}/elsewhere", fake.base_url());
    fake.push_response(ScriptedResponse::raw(302, "").with_header("Location", elsewhere));
    let error = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Status(api) if api.status == 302),
        "{error:?}"
    );
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn the_token_never_shows_in_debug_output() {
    let builder = Client::builder()
        .token(TOKEN)
        .base_url("http://127.0.0.1:9");
    let builder_debug = format!("{builder:?} {builder:#?}");
    assert!(!builder_debug.contains(TOKEN), "{builder_debug}");
    assert!(
        builder_debug.contains("AccessToken(****)"),
        "{builder_debug}"
    );

    let client = builder.build().unwrap();
    let client_debug = format!("{client:?} {client:#?} {:?}", client.clone());
    assert!(!client_debug.contains(TOKEN), "{client_debug}");
    assert!(
        client_debug.contains("http://127.0.0.1:9"),
        "{client_debug}"
    );

    // Errors about a bad token describe it without quoting it.
    let bad = format!("{TOKEN}\n");
    let error = Client::new(bad.as_str()).unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    assert_token_absent(&error);
}

#[tokio::test]
async fn builder_validates_its_configuration() {
    let config_error = |result: Result<Client, Error>| match result {
        Err(Error::Config(message)) => message,
        other => panic!("expected a Config error, got {other:?}"),
    };
    let message = config_error(Client::builder().build());
    assert!(message.contains("HUBSPOT_ACCESS_TOKEN"), "{message}");
    config_error(Client::new(""));
    config_error(Client::new("   "));
    for base_url in [
        "api.hubapi.com",
        "ftp://api.hubapi.com",
        "https://",
        "https://x.test/?q=1",
        "http://user:pw@x.test",
    ] {
        config_error(Client::builder().token(TOKEN).base_url(base_url).build());
    }
    config_error(
        Client::builder()
            .token(TOKEN)
            .timeout(Duration::ZERO)
            .build(),
    );
    config_error(
        Client::builder()
            .token(TOKEN)
            .user_agent("bad\nagent")
            .build(),
    );

    let client = Client::new(TOKEN).unwrap();
    assert_eq!(client.base_url(), "https://api.hubapi.com");
    assert_eq!(client.timeout(), Duration::from_secs(30));
    assert_eq!(client.api_version(), None);
    assert_eq!(client.user_agent(), Client::DEFAULT_USER_AGENT);
}

#[tokio::test]
async fn clients_are_shared_across_tasks() {
    fn assert_send_sync<T: Send + Sync + Clone + 'static>(_: &T) {}
    let fake = start_fake().await;
    let client = client_for(&fake);
    assert_send_sync(&client);
    let mut tasks = Vec::new();
    for _ in 0..4 {
        fake.push_response(published());
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            client.send(&PublishMessage::new("42", "hello")).await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(fake.requests().len(), 4);
}
