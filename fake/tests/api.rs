//! Behaviour of the fake over real HTTP: storing and threading messages,
//! status updates, thread sends, HubSpot-shaped errors, auth, scripted
//! responses and robustness against malformed input.

mod common;

use common::{Client, publish_path, send_raw, simple_egg, thread_path};
use hubspot_fake::{FakeConfig, FakeHubSpot, ScriptedResponse};
use serde_json::{Value, json};

fn is_numeric_id(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
}

fn error_entries(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .expect("errors array")
        .iter()
        .map(|e| {
            (
                e["in"].as_str().unwrap_or_default().to_string(),
                e["code"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn assert_hubspot_error(body: &Value, category: &str) {
    assert_eq!(body["status"], "error", "{body:#}");
    assert_eq!(body["category"], category, "{body:#}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    let id = body["correlationId"].as_str().expect("correlationId");
    assert_eq!(
        id.split('-').map(str::len).collect::<Vec<_>>(),
        [8, 4, 4, 4, 12]
    );
    for entry in body["errors"].as_array().expect("errors") {
        assert!(
            entry["message"].is_string() && entry["in"].is_string() && entry["code"].is_string()
        );
    }
}

#[tokio::test]
async fn publish_stores_and_returns_the_message() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let mut egg = simple_egg("Hi!", "visitor@example.com");
    egg["senders"][0]["senderActorId"] = json!("V-77");
    egg["attachments"] = json!([{ "type": "FILE", "fileId": "f-1" }]);
    egg["inReplyToId"] = json!("123");

    let response = client.post(&publish_path(1000), &egg).await;
    assert_eq!(
        response.status,
        201,
        "{}",
        String::from_utf8_lossy(&response.body)
    );
    let message = response.json();
    assert!(is_numeric_id(&message["id"]), "{message:#}");
    assert!(is_numeric_id(&message["conversationsThreadId"]));
    assert_eq!(message["type"], "MESSAGE");
    assert_eq!(message["text"], "Hi!");
    assert_eq!(message["richText"], "Hi!");
    assert_eq!(message["direction"], "INCOMING");
    assert_eq!(message["channelId"], "1000");
    assert_eq!(message["channelAccountId"], "account-1");
    assert_eq!(message["createdAt"], "2026-03-01T12:00:00Z");
    assert_eq!(message["createdBy"], "V-77");
    assert_eq!(message["archived"], false);
    assert_eq!(message["truncationStatus"], "NOT_TRUNCATED");
    assert_eq!(message["inReplyToId"], "123");
    assert_eq!(message["status"], json!({ "statusType": "SENT" }));
    assert_eq!(message["client"]["clientType"], "INTEGRATION");
    assert_eq!(
        message["client"]["integrationAppId"],
        FakeHubSpot::INTEGRATION_APP_ID
    );
    assert_eq!(
        message["senders"],
        json!([{
            "actorId": "V-77",
            "deliveryIdentifier": { "type": "HS_EMAIL_ADDRESS", "value": "visitor@example.com" },
            "name": "Visitor",
        }])
    );
    assert_eq!(
        message["recipients"][0]["deliveryIdentifier"]["value"],
        "business"
    );
    assert_eq!(
        message["attachments"],
        json!([{ "type": "FILE", "fileId": "f-1", "fileUsageType": "OTHER" }])
    );
    let id = message["id"].as_str().unwrap();
    assert_eq!(
        response.header("location"),
        Some(format!("/conversations/v3/custom-channels/1000/messages/{id}").as_str())
    );
    assert!(response.header("x-hubspot-correlation-id").is_some());
    assert_eq!(fake.messages(), vec![message.clone()]);

    // The request was recorded as sent.
    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].method, "POST");
    assert_eq!(requests[0].path, publish_path(1000));
    assert_eq!(requests[0].query, None);
    assert_eq!(requests[0].json(), Some(egg));
    assert_eq!(
        requests[0].header("AUTHORIZATION"),
        Some("Bearer fake-hubspot-token")
    );
}

#[tokio::test]
async fn messages_of_one_conversation_share_a_thread() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let publish = |egg: Value| {
        let client = client.clone();
        async move {
            let r = client.post(&publish_path(1000), &egg).await;
            assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
            r.json()
        }
    };
    let thread_of = |m: &Value| m["conversationsThreadId"].as_str().unwrap().to_string();

    // Named threads.
    let mut a1 = simple_egg("one", "a@example.com");
    a1["integrationThreadId"] = json!("conv-A");
    let mut a2 = simple_egg("two", "someone-else@example.com");
    a2["integrationThreadId"] = json!("conv-A");
    let mut b = simple_egg("three", "a@example.com");
    b["integrationThreadId"] = json!("conv-B");
    let (a1, a2, b) = (publish(a1).await, publish(a2).await, publish(b).await);
    assert_eq!(thread_of(&a1), thread_of(&a2));
    assert_ne!(thread_of(&a1), thread_of(&b));
    assert_ne!(a1["id"], a2["id"]);

    // Unnamed: the visitor's delivery identifier decides, both directions.
    let v1 = publish(simple_egg("hello", "v@example.com")).await;
    let v2 = publish(simple_egg("again", "v@example.com")).await;
    let mut reply = simple_egg("answer", "business");
    reply["messageDirection"] = json!("OUTGOING");
    reply["senders"][0]["deliveryIdentifier"] =
        json!({ "type": "CHANNEL_SPECIFIC_OPAQUE_ID", "value": "business" });
    reply["recipients"][0]["deliveryIdentifier"] =
        json!({ "type": "HS_EMAIL_ADDRESS", "value": "v@example.com" });
    let reply = publish(reply).await;
    let other = publish(simple_egg("hi", "w@example.com")).await;
    assert_eq!(thread_of(&v1), thread_of(&v2));
    assert_eq!(thread_of(&v1), thread_of(&reply));
    assert_eq!(reply["direction"], "OUTGOING");
    assert_ne!(thread_of(&v1), thread_of(&other));
    assert_ne!(thread_of(&v1), thread_of(&a1));

    // Another channel account is another conversation.
    let mut elsewhere = simple_egg("hello", "v@example.com");
    elsewhere["channelAccountId"] = json!("account-2");
    assert_ne!(thread_of(&publish(elsewhere).await), thread_of(&v1));

    let thread = fake.thread_messages(&thread_of(&v1)).unwrap();
    let texts: Vec<&str> = thread.iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["hello", "again", "answer"]);
    assert_eq!(fake.messages().len(), 8);
    assert!(fake.thread_messages("42").is_none());
}

#[tokio::test]
async fn idempotency_id_returns_the_earlier_message() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let mut egg = simple_egg("once", "v@example.com");
    egg["integrationIdempotencyId"] = json!("key-1");
    let first = client.post(&publish_path(7), &egg).await.json();
    let second = client.post(&publish_path(7), &egg).await;
    assert_eq!(second.status, 201);
    assert_eq!(second.json()["id"], first["id"]);
    // Same key on another channel is another message.
    let third = client.post(&publish_path(8), &egg).await.json();
    assert_ne!(third["id"], first["id"]);
    assert_eq!(fake.messages().len(), 2);
}

#[tokio::test]
async fn status_updates_change_the_stored_message() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let message = client
        .post(&publish_path(1000), &simple_egg("x", "v@example.com"))
        .await
        .json();
    let id = message["id"].as_str().unwrap();
    let path = format!("{}/{id}", publish_path(1000));

    let read = client.patch(&path, &json!({ "statusType": "READ" })).await;
    assert_eq!(read.status, 200);
    assert_eq!(read.json()["status"], json!({ "statusType": "READ" }));
    assert_eq!(read.json()["id"], message["id"]);

    let failed = client
        .patch(
            &path,
            &json!({ "statusType": "FAILED", "errorMessage": "Number blocked" }),
        )
        .await;
    assert_eq!(failed.status, 200);
    let expected_status = json!({
        "statusType": "FAILED",
        "failureDetails": { "errorMessage": "Number blocked", "errorMessageTokens": {} },
    });
    assert_eq!(failed.json()["status"], expected_status);
    assert_eq!(fake.messages()[0]["status"], expected_status);

    // 2026-03 path, same message.
    let sent = client
        .patch(
            &format!("/conversations/custom-channels/2026-03/1000/messages/{id}"),
            &json!({ "statusType": "SENT" }),
        )
        .await;
    assert_eq!(sent.status, 200);
    assert_eq!(sent.json()["status"], json!({ "statusType": "SENT" }));

    // Unknown message, or a message of another channel: 404.
    for path in [
        format!("{}/999", publish_path(1000)),
        format!("{}/{id}", publish_path(1001)),
    ] {
        let missing = client.patch(&path, &json!({ "statusType": "READ" })).await;
        assert_eq!(missing.status, 404, "{path}");
        let body = missing.json();
        assert_hubspot_error(&body, "OBJECT_NOT_FOUND");
        assert_eq!(
            error_entries(&body),
            [("messageId".into(), "OBJECT_NOT_FOUND".into())]
        );
    }

    // Bad status: 400 naming the allowed values.
    let bad = client
        .patch(&path, &json!({ "statusType": "DELIVERED" }))
        .await;
    assert_eq!(bad.status, 400);
    let body = bad.json();
    assert_eq!(
        error_entries(&body),
        [("statusType".into(), "INVALID_ENUM".into())]
    );
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("FAILED, READ, SENT"), "{message}");
}

#[tokio::test]
async fn thread_sends_append_messages_and_comments() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let seed = client
        .post(&publish_path(1000), &simple_egg("hi", "v@example.com"))
        .await
        .json();
    let thread = seed["conversationsThreadId"].as_str().unwrap().to_string();

    let message_egg = json!({
        "type": "MESSAGE",
        "text": "How can I help?",
        "channelId": "1000",
        "channelAccountId": "account-1",
        "senderActorId": "A-5",
        "recipients": [{
            "deliveryIdentifiers": [{ "type": "HS_EMAIL_ADDRESS", "value": "v@example.com" }]
        }],
        "attachments": [{ "type": "QUICK_REPLIES", "quickReplies": [{ "value": "ok", "valueType": "TEXT" }] }],
    });
    let sent = client.post(&thread_path(&thread), &message_egg).await;
    assert_eq!(sent.status, 201, "{}", String::from_utf8_lossy(&sent.body));
    let sent = sent.json();
    assert!(is_numeric_id(&sent["id"]));
    assert_eq!(sent["type"], "MESSAGE");
    assert_eq!(sent["conversationsThreadId"], thread.as_str());
    assert_eq!(sent["direction"], "OUTGOING");
    assert_eq!(sent["senders"], json!([{ "actorId": "A-5" }]));
    assert_eq!(sent["createdBy"], "A-5");
    assert_eq!(sent["client"]["clientType"], "INTEGRATION");
    assert_eq!(
        sent["recipients"],
        json!([{ "deliveryIdentifier": { "type": "HS_EMAIL_ADDRESS", "value": "v@example.com" } }])
    );
    assert_eq!(sent["attachments"][0]["allowMultiSelect"], false);
    assert_eq!(sent["attachments"][0]["allowUserInput"], false);

    let comment = client
        .post(
            &format!("/conversations/conversations/2026-09/threads/{thread}/messages"),
            &json!({ "type": "COMMENT", "text": "VIP customer", "attachments": [] }),
        )
        .await;
    assert_eq!(comment.status, 201);
    let comment = comment.json();
    assert_eq!(comment["type"], "COMMENT");
    assert_eq!(comment["text"], "VIP customer");
    assert_eq!(comment["richText"], "VIP customer");
    assert_eq!(comment["recipients"], json!([]));
    assert_eq!(comment["attachments"], json!([]));
    assert_eq!(comment["archived"], false);
    assert!(comment.get("direction").is_none());

    let thread_messages = fake.thread_messages(&thread).unwrap();
    assert_eq!(thread_messages, vec![seed, sent.clone(), comment]);

    // The integration then reports delivery of the HubSpot-sent message.
    let id = sent["id"].as_str().unwrap();
    let delivered = client
        .patch(
            &format!("{}/{id}", publish_path(1000)),
            &json!({ "statusType": "READ" }),
        )
        .await;
    assert_eq!(delivered.status, 200);

    // Unknown thread: 404; not an int64: 400.
    let unknown = client.post(&thread_path("123"), &message_egg).await;
    assert_eq!(unknown.status, 404);
    assert_hubspot_error(&unknown.json(), "OBJECT_NOT_FOUND");
    assert_eq!(
        error_entries(&unknown.json()),
        [("threadId".into(), "OBJECT_NOT_FOUND".into())]
    );
    let bad_id = client.post(&thread_path("abc"), &message_egg).await;
    assert_eq!(bad_id.status, 400);
    assert_eq!(
        error_entries(&bad_id.json()),
        [("threadId".into(), "INVALID_TYPE".into())]
    );

    // A recipient without any delivery identifier cannot be addressed.
    let mut unaddressed = message_egg.clone();
    unaddressed["recipients"][0]["deliveryIdentifiers"] = json!([]);
    let response = client.post(&thread_path(&thread), &unaddressed).await;
    assert_eq!(response.status, 400);
    assert_eq!(
        error_entries(&response.json()),
        [(
            "recipients[0].deliveryIdentifiers".into(),
            "INVALID_VALUE".into()
        )]
    );
    assert_eq!(fake.messages().len(), 3);
}

#[tokio::test]
async fn validation_errors_list_every_problem_with_its_location() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let mut egg = simple_egg("x", "v@example.com");
    egg.as_object_mut().unwrap().remove("text");
    egg.as_object_mut().unwrap().remove("timestamp");
    egg["senders"][0]["deliveryIdentifier"]
        .as_object_mut()
        .unwrap()
        .remove("type");
    egg["messageDirection"] = json!("SIDEWAYS");
    egg["recipients"][0]["deliveryIdentifier"]["type"] = json!("CARRIER_PIGEON");
    egg["attachments"] = json!([{ "type": "STICKER" }]);

    let response = client
        .post("/conversations/v3/custom-channels/abc/messages", &egg)
        .await;
    assert_eq!(response.status, 400);
    let body = response.json();
    assert_hubspot_error(&body, "VALIDATION_ERROR");
    let entries = error_entries(&body);
    let expected = [
        ("channelId", "INVALID_TYPE"),
        ("attachments[0].type", "INVALID_ENUM"),
        ("messageDirection", "INVALID_ENUM"),
        ("recipients[0].deliveryIdentifier.type", "INVALID_ENUM"),
        ("senders[0].deliveryIdentifier.type", "REQUIRED_FIELD"),
        ("text", "REQUIRED_FIELD"),
        ("timestamp", "REQUIRED_FIELD"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(entries, expected, "{body:#}");

    let errors = body["errors"].as_array().unwrap();
    let direction = &errors[2];
    assert!(
        direction["message"]
            .as_str()
            .unwrap()
            .contains("messageDirection")
    );
    assert!(
        direction["message"]
            .as_str()
            .unwrap()
            .contains("INCOMING, OUTGOING")
    );
    assert_eq!(
        direction["context"]["allowedValues"],
        json!(["INCOMING", "OUTGOING"])
    );
    let identifier = &errors[3];
    assert_eq!(
        identifier["context"]["allowedValues"],
        json!([
            "CHANNEL_SPECIFIC_OPAQUE_ID",
            "HS_EMAIL_ADDRESS",
            "HS_PHONE_NUMBER",
            "HS_SHORT_CODE"
        ])
    );
    let missing = &errors[4];
    assert!(
        missing["message"]
            .as_str()
            .unwrap()
            .contains("senders[0].deliveryIdentifier.type")
    );
    assert!(body["message"].as_str().unwrap().contains("7 problems"));
    assert!(fake.messages().is_empty());
}

#[tokio::test]
async fn malformed_bodies_are_rejected_with_hubspot_errors() {
    let fake = FakeHubSpot::start().await.unwrap();
    let auth = format!("Bearer {}", fake.token());
    let json_headers = [
        ("Authorization", auth.as_str()),
        ("Content-Type", "application/json"),
    ];
    let path = publish_path(1);
    let cases: [(&[u8], &str, &str); 5] = [
        (b"", "body", "REQUIRED_FIELD"),
        (b"{\"text\": ", "body", "INVALID_JSON"),
        (b"[1, 2]", "body", "INVALID_TYPE"),
        (b"\"text\"", "body", "INVALID_TYPE"),
        (b"\xff\xfe", "body", "INVALID_JSON"),
    ];
    for (body, location, code) in cases {
        let response = send_raw(fake.addr(), "POST", &path, &json_headers, body).await;
        assert_eq!(response.status, 400, "{body:?}");
        let json = response.json();
        assert_hubspot_error(&json, "VALIDATION_ERROR");
        assert_eq!(
            error_entries(&json),
            [(location.to_string(), code.to_string())]
        );
    }

    // A JSON body must say so.
    let response = send_raw(
        fake.addr(),
        "POST",
        &path,
        &[
            ("Authorization", auth.as_str()),
            ("Content-Type", "text/plain"),
        ],
        b"{}",
    )
    .await;
    assert_eq!(response.status, 415);
    assert_hubspot_error(&response.json(), "VALIDATION_ERROR");
    let with_charset = send_raw(
        fake.addr(),
        "POST",
        &path,
        &[
            ("Authorization", auth.as_str()),
            ("Content-Type", "Application/JSON; charset=UTF-8"),
        ],
        b"{}",
    )
    .await;
    assert_eq!(with_charset.status, 400, "charset parameter is fine");
}

#[tokio::test]
async fn wrong_or_missing_token_is_401_without_echoing_it() {
    let fake = FakeHubSpot::start_with(FakeConfig {
        token: "right-token".into(),
        ..FakeConfig::default()
    })
    .await
    .unwrap();
    assert_eq!(fake.token(), "right-token");
    let body = serde_json::to_vec(&simple_egg("x", "v@example.com")).unwrap();
    let path = publish_path(1000);
    let cases: [&[(&str, &str)]; 4] = [
        &[("Content-Type", "application/json")],
        &[
            ("Authorization", "Bearer wrong-token-123"),
            ("Content-Type", "application/json"),
        ],
        &[
            ("Authorization", "Basic right-token"),
            ("Content-Type", "application/json"),
        ],
        &[
            ("Authorization", "right-token"),
            ("Content-Type", "application/json"),
        ],
    ];
    for headers in cases {
        let response = send_raw(fake.addr(), "POST", &path, headers, &body).await;
        assert_eq!(response.status, 401, "{headers:?}");
        let json = response.json();
        assert_hubspot_error(&json, "INVALID_AUTHENTICATION");
        let text = String::from_utf8_lossy(&response.body);
        assert!(
            !text.contains("wrong-token-123") && !text.contains("right-token"),
            "{text}"
        );
    }
    let missing = send_raw(fake.addr(), "POST", &path, cases[0], &body)
        .await
        .json();
    assert!(
        missing["message"]
            .as_str()
            .unwrap()
            .starts_with("Authentication credentials not found")
    );
    // Scheme is case-insensitive.
    let ok = send_raw(
        fake.addr(),
        "POST",
        &path,
        &[
            ("authorization", "bearer right-token"),
            ("content-type", "application/json"),
        ],
        &body,
    )
    .await;
    assert_eq!(ok.status, 201);
    // Rejected requests are recorded too, header as received.
    let requests = fake.requests();
    assert_eq!(requests.len(), 6);
    assert_eq!(
        requests[1].header("authorization"),
        Some("Bearer wrong-token-123")
    );
    assert_eq!(fake.messages().len(), 1);
}

#[tokio::test]
async fn scripted_responses_are_served_in_order_and_recorded() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    fake.push_response(
        ScriptedResponse::json(429, json!({ "status": "error", "category": "RATE_LIMITS" }))
            .with_header("Retry-After", "2"),
    );
    fake.push_response(ScriptedResponse::raw(502, "bad gateway"));

    let egg = simple_egg("x", "v@example.com");
    let first = client.post(&publish_path(1000), &egg).await;
    assert_eq!(first.status, 429);
    assert_eq!(first.header("retry-after"), Some("2"));
    assert_eq!(first.json()["category"], "RATE_LIMITS");
    assert!(
        first
            .header("content-type")
            .unwrap()
            .starts_with("application/json")
    );

    // Scripted responses bypass auth and routing.
    let second = send_raw(fake.addr(), "GET", "/anything?x=1", &[], b"").await;
    assert_eq!(second.status, 502);
    assert_eq!(second.body, b"bad gateway");

    let third = client.post(&publish_path(1000), &egg).await;
    assert_eq!(third.status, 201);

    let requests = fake.requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(requests[0].path, publish_path(1000));
    assert_eq!(requests[0].json(), Some(egg.clone()));
    assert_eq!(requests[1].method, "GET");
    assert_eq!(requests[1].path, "/anything");
    assert_eq!(requests[1].query.as_deref(), Some("x=1"));
    assert_eq!(requests[1].json(), None);
    assert_eq!(requests[2].json(), Some(egg));
    // Only the normally handled request stored a message.
    assert_eq!(fake.messages().len(), 1);
}

#[tokio::test]
async fn unknown_routes_are_404_and_wrong_methods_405() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    for path in [
        "/",
        "/conversations/v3/conversations/threadz",
        "/conversations/custom-channels/2024-01/1/messages",
        "/crm/v3/objects/deals",
    ] {
        let response = client.post(path, &json!({})).await;
        assert_eq!(response.status, 404, "{path}");
        assert_hubspot_error(&response.json(), "OBJECT_NOT_FOUND");
    }
    // A trailing slash is not an empty path parameter: HubSpot answers 404
    // there, as for any unknown route (and not 400 for a bad id, or 405).
    for (method, path) in [
        ("GET", "/conversations/v3/custom-channels/".to_owned()),
        ("DELETE", "/conversations/v3/custom-channels/".to_owned()),
        (
            "PATCH",
            "/conversations/custom-channels/2026-09/".to_owned(),
        ),
        ("GET", format!("{}/", publish_path(1000))),
        ("PATCH", format!("{}/", publish_path(1000))),
        ("GET", "/conversations/v3/conversations/threads/".to_owned()),
        (
            "GET",
            "/conversations/v3/conversations/threads//messages".to_owned(),
        ),
    ] {
        let response = client.json(method, &path, &json!({})).await;
        assert_eq!(response.status, 404, "{method} {path}");
        assert_hubspot_error(&response.json(), "OBJECT_NOT_FOUND");
    }
    let response = client.json("PUT", &thread_path("1"), &json!({})).await;
    assert_eq!(response.status, 405);
    assert_eq!(response.header("allow"), Some("GET, POST"));
    assert_hubspot_error(&response.json(), "VALIDATION_ERROR");
    let response = client
        .post(&format!("{}/1", publish_path(1)), &json!({}))
        .await;
    assert_eq!(response.status, 405);
    assert_eq!(response.header("allow"), Some("GET, PATCH"));
    let response = client
        .post("/conversations/v3/conversations/threads", &json!({}))
        .await;
    assert_eq!(response.status, 405);
    assert_eq!(response.header("allow"), Some("GET"));
}

#[tokio::test]
async fn hostile_input_never_breaks_the_server() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let huge_number = format!("{{\"associateWithContactId\": 1{}}}", "0".repeat(400));
    let bodies: Vec<Vec<u8>> = vec![
        deep.into_bytes(),
        huge_number.into_bytes(),
        b"{\"attachments\": [null, [], {\"type\": null}, {\"type\": {}}]}".to_vec(),
        b"{\"senders\": [{\"deliveryIdentifier\": []}], \"text\": {}}".to_vec(),
        (0..=255u8).collect(),
        b"\0\0\0".to_vec(),
    ];
    let auth = format!("Bearer {}", fake.token());
    for path in [
        publish_path(1),
        format!("{}/%FF%FE", publish_path(1)),
        thread_path("-1"),
        thread_path("99999999999999999999999"),
        "/conversations/v3/custom-channels/%E2%82%AC/messages".to_string(),
    ] {
        for body in &bodies {
            for method in ["POST", "PATCH"] {
                let response = send_raw(
                    fake.addr(),
                    method,
                    &path,
                    &[
                        ("Authorization", &auth),
                        ("Content-Type", "application/json"),
                    ],
                    body,
                )
                .await;
                assert!(
                    [400, 404, 405].contains(&response.status),
                    "{method} {path}: {}",
                    response.status
                );
                assert_eq!(response.json()["status"], "error");
            }
        }
    }
    // Still serving.
    let ok = client
        .post(&publish_path(1), &simple_egg("x", "v@example.com"))
        .await;
    assert_eq!(ok.status, 201);
}

#[tokio::test]
async fn start_with_binds_where_asked_and_shutdown_frees_the_port() {
    let fake = FakeHubSpot::start().await.unwrap();
    assert_eq!(fake.base_url(), format!("http://{}", fake.addr()));
    assert!(fake.base_url().starts_with("http://127.0.0.1:"));
    assert_eq!(fake.token(), FakeHubSpot::DEFAULT_TOKEN);
    let addr = fake.addr();
    fake.shutdown().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());

    // Rebinding the same port works once it is free.
    let again = FakeHubSpot::start_with(FakeConfig {
        bind: addr,
        ..FakeConfig::default()
    })
    .await
    .unwrap();
    assert_eq!(again.addr(), addr);
    let response = Client::new(&again)
        .post(&publish_path(1), &simple_egg("x", "v@example.com"))
        .await;
    assert_eq!(response.status, 201);
    drop(again);
}
