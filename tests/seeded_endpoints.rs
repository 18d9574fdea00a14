//! The seeded endpoints end to end, over real loopback HTTP against
//! `hubspot-fake`: the exact path and JSON each sends for each version, the
//! typed responses, and how HubSpot's errors surface.

use hubspot_api::conversations::contact_property::ContactProperty;
use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, FileAttachment, LocationAttachment, MessageDirection,
    MessageStatusUpdate, PreResolvedContact, PreResolvedContacts, PublishMessage,
    QuickRepliesAttachment, UpdateMessageStatus,
};
use hubspot_api::conversations::models::{
    DeliveryIdentifierType, FileUsageType, MessageAttachment, MessageStatusType,
    PublicConversationsMessage, PublicDeliveryIdentifier, PublicMessage, QuickReply,
    QuickReplyValueType, TruncationStatus,
};
use hubspot_api::conversations::threads::messages::{
    PublicCommentEgg, PublicConversationsMessageEgg, PublicFileEgg, PublicRecipientEgg,
    SendThreadMessage,
};
use hubspot_api::{ApiVersion, Client, Error};
use hubspot_fake::{FakeHubSpot, ScriptedResponse};
use serde_json::{Value, json};

const CHANNEL: i32 = 1234;
const ACCOUNT: &str = "5678";

async fn fake_and_client() -> (FakeHubSpot, Client) {
    let fake = FakeHubSpot::start()
        .await
        .expect("the fake starts on loopback");
    let client = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .build()
        .expect("a client for the fake");
    (fake, client)
}

/// Like [`fake_and_client`], but each request gets one attempt: for tests of
/// what a single (spoiled or failed) answer maps to, which the client would
/// otherwise retry away.
async fn fake_and_client_without_retries() -> (FakeHubSpot, Client) {
    let fake = FakeHubSpot::start()
        .await
        .expect("the fake starts on loopback");
    let client = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .retry_policy(hubspot_runtime::RetryPolicy::disabled())
        .build()
        .expect("a client for the fake");
    (fake, client)
}

fn phone(number: &str) -> PublicDeliveryIdentifier {
    PublicDeliveryIdentifier::builder()
        .r#type(DeliveryIdentifierType::HsPhoneNumber)
        .value(number)
        .build()
}

fn participant(number: &str, name: &str) -> ChannelIntegrationParticipant {
    ChannelIntegrationParticipant::builder()
        .delivery_identifier(phone(number))
        .name(name)
        .build()
}

fn timestamp() -> hubspot_runtime::DateTime {
    "2026-11-21T09:30:00Z".parse().expect("a valid timestamp")
}

/// A publish with every field set, and the JSON HubSpot's spec says it is.
fn full_publish() -> (PublishMessage, Value) {
    let request = PublishMessage::builder()
        .channel_id(CHANNEL)
        .text("Hello from SMS")
        .message_direction(MessageDirection::Incoming)
        .channel_account_id(ACCOUNT)
        .senders(vec![participant("+15550100", "Ada")])
        .recipients(vec![participant("+15550199", "Support line")])
        .attachments(vec![
            FileAttachment::builder()
                .file_id("991")
                .file_usage_type(FileUsageType::Image)
                .build()
                .into(),
            LocationAttachment::builder()
                .latitude(48.85)
                .longitude(2.35)
                .name("Office")
                .build()
                .into(),
            QuickRepliesAttachment::builder()
                .quick_replies(vec![
                    QuickReply::builder()
                        .value("yes")
                        .value_type(QuickReplyValueType::Text)
                        .label("Yes")
                        .build(),
                ])
                .build()
                .into(),
        ])
        .timestamp(timestamp())
        .rich_text("<p>Hello from SMS</p>")
        .integration_idempotency_id("sms-1")
        .integration_thread_id("conversation-7")
        .associate_with_contact_id(42_i64)
        .pre_resolved_contacts(
            PreResolvedContacts::builder()
                .contacts(vec![
                    PreResolvedContact::builder()
                        .contact_vid(42_i64)
                        .contact_properties_leading_to_match(vec![ContactProperty::Phone])
                        .build(),
                ])
                .build(),
        )
        .build();
    let body = json!({
        "text": "Hello from SMS",
        "messageDirection": "INCOMING",
        "channelAccountId": ACCOUNT,
        "senders": [{"deliveryIdentifier": {"type": "HS_PHONE_NUMBER", "value": "+15550100"}, "name": "Ada"}],
        "recipients": [{"deliveryIdentifier": {"type": "HS_PHONE_NUMBER", "value": "+15550199"}, "name": "Support line"}],
        "attachments": [
            {"type": "FILE", "fileId": "991", "fileUsageType": "IMAGE"},
            {"type": "LOCATION", "latitude": 48.85, "longitude": 2.35, "name": "Office"},
            {"type": "QUICK_REPLIES", "quickReplies": [{"value": "yes", "valueType": "TEXT", "label": "Yes"}]},
        ],
        "timestamp": "2026-11-21T09:30:00Z",
        "richText": "<p>Hello from SMS</p>",
        "integrationIdempotencyId": "sms-1",
        "integrationThreadId": "conversation-7",
        "associateWithContactId": 42,
        "preResolvedContacts": {"contacts": [{"contactVid": 42, "contactPropertiesLeadingToMatch": ["phone"]}]},
    });
    (request, body)
}

async fn publish(client: &Client) -> PublicConversationsMessage {
    let (request, _) = full_publish();
    client
        .send(&request)
        .await
        .expect("the fake accepts a full publish")
}

#[tokio::test]
async fn publish_sends_the_spec_json_to_each_version_path() {
    let (fake, client) = fake_and_client().await;
    let (request, expected) = full_publish();
    for (version, path) in [
        (
            ApiVersion::V3,
            "/conversations/v3/custom-channels/1234/messages",
        ),
        (
            ApiVersion::dated(2026, 3),
            "/conversations/custom-channels/2026-03/1234/messages",
        ),
    ] {
        let message = client
            .send_with_version(&request, Some(version))
            .await
            .unwrap_or_else(|e| panic!("publish at {version}: {e}"));
        let sent = fake.requests().pop().expect("a request reached the fake");
        assert_eq!(sent.method, "POST");
        assert_eq!(sent.path, path);
        assert_eq!(
            sent.json(),
            Some(expected.clone()),
            "body sent at {version}"
        );
        assert_eq!(
            sent.header("authorization"),
            Some(format!("Bearer {}", FakeHubSpot::DEFAULT_TOKEN).as_str())
        );
        assert_eq!(sent.header("content-type"), Some("application/json"));

        assert!(!message.id.is_empty());
        assert!(!message.conversations_thread_id.is_empty());
        assert_eq!(message.direction, MessageDirection::Incoming);
        assert_eq!(message.text, "Hello from SMS");
        assert_eq!(message.channel_id, CHANNEL.to_string());
        assert_eq!(message.truncation_status, TruncationStatus::NotTruncated);
        assert_eq!(message.attachments.len(), 3);
        assert!(
            matches!(&message.attachments[0], MessageAttachment::File(file) if file.file_id == "991")
        );
    }
}

#[tokio::test]
async fn builder_version_methods_pick_the_path() {
    let (fake, client) = fake_and_client().await;
    let builder = || {
        UpdateMessageStatus::builder()
            .channel_id(CHANNEL)
            .message_id("no-such-message")
            .status_type(MessageStatusUpdate::Read)
    };
    // The fake answers 404 for an unknown message; the path is what matters here.
    let _ = builder().version_v3().send(&client).await;
    let _ = builder().version_2026_03().send(&client).await;
    let _ = builder().send(&client).await;
    let paths: Vec<String> = fake.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            "/conversations/v3/custom-channels/1234/messages/no-such-message",
            "/conversations/custom-channels/2026-03/1234/messages/no-such-message",
            // Unpinned, on a client without a version: the endpoint's newest.
            "/conversations/custom-channels/2026-03/1234/messages/no-such-message",
        ]
    );
}

#[tokio::test]
async fn the_client_version_applies_where_the_endpoint_has_it() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .api_version(ApiVersion::V3)
        .build()
        .unwrap();
    publish(&client).await;
    assert_eq!(
        fake.requests()[0].path,
        "/conversations/v3/custom-channels/1234/messages"
    );

    // A client pinned to a version this endpoint lacks falls back to its newest.
    let client = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .api_version(ApiVersion::dated(2026, 9))
        .build()
        .unwrap();
    publish(&client).await;
    assert_eq!(
        fake.requests()[1].path,
        "/conversations/custom-channels/2026-03/1234/messages"
    );
}

#[tokio::test]
async fn pinning_an_undeclared_version_fails_before_any_request() {
    let (fake, client) = fake_and_client().await;
    let (request, _) = full_publish();
    let error = client
        .send_with_version(&request, Some(ApiVersion::dated(2026, 9)))
        .await
        .expect_err("PublishMessage has no 2026-09 path");
    assert!(matches!(error, Error::UnsupportedVersion(_)), "{error:?}");
    assert!(error.to_string().contains("2026-09"), "{error}");
    assert!(fake.requests().is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn status_updates_change_the_stored_message() {
    let (fake, client) = fake_and_client().await;
    for version in [ApiVersion::V3, ApiVersion::dated(2026, 3)] {
        let message = publish(&client).await;
        let updated = UpdateMessageStatus::builder()
            .channel_id(CHANNEL)
            .message_id(message.id.clone())
            .status_type(MessageStatusUpdate::Failed)
            .error_message("the handset is off")
            .api_version(version)
            .send(&client)
            .await
            .unwrap_or_else(|e| panic!("status update at {version}: {e}"));
        let sent = fake.requests().pop().unwrap();
        assert_eq!(sent.method, "PATCH");
        assert!(
            sent.path
                .ends_with(&format!("/1234/messages/{}", message.id)),
            "{}",
            sent.path
        );
        assert_eq!(
            sent.json(),
            Some(json!({"statusType": "FAILED", "errorMessage": "the handset is off"}))
        );
        let status = updated.status.expect("an updated message has a status");
        assert_eq!(status.status_type, MessageStatusType::Failed);
        let details = status.failure_details.expect("a failed message says why");
        assert_eq!(details.error_message.as_deref(), Some("the handset is off"));
        assert_eq!(updated.id, message.id);
    }
}

#[tokio::test]
async fn thread_messages_and_comments_are_appended() {
    let (fake, client) = fake_and_client().await;
    let published = publish(&client).await;
    let thread_id: i64 = published
        .conversations_thread_id
        .parse()
        .expect("numeric thread ids");

    let reply = PublicConversationsMessageEgg::builder()
        .text("We're on it")
        .sender_actor_id("A-1")
        .channel_id(published.channel_id.clone())
        .channel_account_id(published.channel_account_id.clone())
        .recipients(vec![
            PublicRecipientEgg::builder()
                .delivery_identifiers(vec![phone("+15550100")])
                .build(),
        ])
        .attachments(vec![PublicFileEgg::builder().file_id("77").build().into()])
        .build();
    let sent = SendThreadMessage::builder()
        .thread_id(thread_id)
        .message(reply)
        .version_v3()
        .send(&client)
        .await
        .expect("the fake accepts a reply");
    let request = fake.requests().pop().unwrap();
    assert_eq!(
        request.path,
        format!("/conversations/v3/conversations/threads/{thread_id}/messages")
    );
    assert_eq!(
        request.json(),
        Some(json!({
            "type": "MESSAGE",
            "text": "We're on it",
            "senderActorId": "A-1",
            "channelId": published.channel_id,
            "channelAccountId": ACCOUNT,
            "recipients": [{"deliveryIdentifiers": [{"type": "HS_PHONE_NUMBER", "value": "+15550100"}]}],
            "attachments": [{"type": "FILE", "fileId": "77"}],
        }))
    );
    let PublicMessage::Message(reply) = sent else {
        panic!("a MESSAGE comes back as one: {sent:?}")
    };
    assert_eq!(reply.direction, MessageDirection::Outgoing);
    assert_eq!(
        reply.conversations_thread_id,
        published.conversations_thread_id
    );

    let note = PublicCommentEgg::builder()
        .text("Customer called twice")
        .attachments(vec![])
        .build();
    let sent = SendThreadMessage::builder()
        .thread_id(thread_id)
        .message(note)
        .version_2026_09()
        .send(&client)
        .await
        .expect("the fake accepts a comment");
    let request = fake.requests().pop().unwrap();
    assert_eq!(
        request.path,
        format!("/conversations/conversations/2026-09/threads/{thread_id}/messages")
    );
    assert_eq!(
        request.json(),
        Some(json!({"type": "COMMENT", "text": "Customer called twice", "attachments": []}))
    );
    assert!(
        matches!(sent, PublicMessage::Comment(ref c) if c.text == "Customer called twice"),
        "{sent:?}"
    );

    let thread = fake
        .thread_messages(&published.conversations_thread_id)
        .expect("the thread exists");
    assert_eq!(
        thread.len(),
        3,
        "published message, reply and comment: {thread:#?}"
    );
}

#[tokio::test]
async fn an_unknown_thread_is_not_found() {
    let (_fake, client) = fake_and_client().await;
    let error = SendThreadMessage::builder()
        .thread_id(999_999_i64)
        .message(
            PublicCommentEgg::builder()
                .text("hi")
                .attachments(vec![])
                .build(),
        )
        .send(&client)
        .await
        .expect_err("no such thread");
    let Error::NotFound(body) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(body.status, 404);
    assert!(body.correlation_id.is_some());
}

#[tokio::test]
async fn a_wrong_token_is_unauthorized() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::builder()
        .base_url(fake.base_url())
        .token("not-the-token")
        .build()
        .unwrap();
    let (request, _) = full_publish();
    let error = client
        .send(&request)
        .await
        .expect_err("a wrong token is refused");
    let Error::Unauthorized(body) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(body.category.as_deref(), Some("INVALID_AUTHENTICATION"));
    assert!(
        !format!("{error:?}{error}").contains("not-the-token"),
        "the token leaked into the error"
    );
}

#[tokio::test]
async fn an_enum_value_hubspot_does_not_know_is_a_validation_error() {
    let (_fake, client) = fake_and_client().await;
    let (request, _) = full_publish();
    let mut request = request;
    request.message_direction = MessageDirection::Unknown("SIDEWAYS".to_owned());
    let error = client
        .send(&request)
        .await
        .expect_err("HubSpot rejects the value");
    let Error::Validation(body) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(body.category.as_deref(), Some("VALIDATION_ERROR"));
    let detail = body
        .errors
        .iter()
        .find(|d| d.location.as_deref() == Some("messageDirection"))
        .unwrap_or_else(|| panic!("no error about messageDirection: {body:#?}"));
    assert!(detail.message.contains("INCOMING"), "{}", detail.message);
}

/// A complete response with values this declaration has never heard of.
fn message_with_new_values() -> Value {
    json!({
        "id": "1", "conversationsThreadId": "2", "createdAt": "2026-11-21T09:30:00.123Z",
        "createdBy": "I-1", "client": {"clientType": "SOME_NEW_CLIENT"},
        "senders": [], "recipients": [], "archived": false, "text": "hi",
        "attachments": [{"type": "HOLOGRAM", "frames": 3}, {"type": "FILE", "fileId": "9", "fileUsageType": "SMELL"}],
        "truncationStatus": "NOT_TRUNCATED", "direction": "SIDEWAYS", "channelId": "1234",
        "channelAccountId": "5678", "type": "MESSAGE", "somethingAddedLater": {"x": 1},
    })
}

#[tokio::test]
async fn values_hubspot_adds_later_decode_as_unknown() {
    let (fake, client) = fake_and_client().await;
    fake.push_response(ScriptedResponse::json(201, message_with_new_values()));
    let (request, _) = full_publish();
    let message = client
        .send(&request)
        .await
        .expect("new values never fail decoding");
    assert_eq!(
        message.direction,
        MessageDirection::Unknown("SIDEWAYS".into())
    );
    assert_eq!(message.client.client_type.as_str(), "SOME_NEW_CLIENT");
    let MessageAttachment::Unknown(hologram) = &message.attachments[0] else {
        panic!("{:?}", message.attachments[0])
    };
    assert_eq!(hologram["frames"], 3);
    let MessageAttachment::File(file) = &message.attachments[1] else {
        panic!()
    };
    assert_eq!(file.file_usage_type, FileUsageType::Unknown("SMELL".into()));
}

#[tokio::test]
async fn malformed_json_is_a_decode_error_with_an_excerpt() {
    let (fake, client) = fake_and_client_without_retries().await;
    let (request, _) = full_publish();
    let truncated = &message_with_new_values().to_string()[..60];
    fake.push_response(
        ScriptedResponse::raw(201, truncated.to_owned())
            .with_header("content-type", "application/json"),
    );
    let error = client
        .send(&request)
        .await
        .expect_err("truncated JSON cannot decode");
    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(decode.status, 201);
    assert_eq!(decode.excerpt, truncated);

    // Valid JSON of the wrong shape is a decode error too, never a panic.
    fake.push_response(ScriptedResponse::json(201, json!({"id": 5})));
    let error = client
        .send(&request)
        .await
        .expect_err("a number is not an id");
    assert!(
        matches!(&error, Error::Decode(decode) if decode.status == 201),
        "{error:?}"
    );
}

#[tokio::test]
async fn each_error_status_maps_to_its_class() {
    let (fake, client) = fake_and_client_without_retries().await;
    let (request, _) = full_publish();
    let body = |category: &str| json!({"status": "error", "message": "it failed", "correlationId": "c0ffee00-0000-4000-8000-000000000000", "category": category});
    fake.push_response(ScriptedResponse::json(400, body("VALIDATION_ERROR")));
    fake.push_response(ScriptedResponse::json(
        403,
        json!({"status": "error", "message": "missing scopes", "correlationId": "c1", "category": "MISSING_SCOPES",
               "errors": [{"message": "scope", "context": {"requiredGranularScopes": ["conversations.custom_channels.write"]}}]}),
    ));
    fake.push_response(ScriptedResponse::json(404, body("OBJECT_NOT_FOUND")));
    fake.push_response(ScriptedResponse::json(409, body("CONFLICT")));
    fake.push_response(ScriptedResponse::raw(502, "<html>Bad gateway</html>"));
    // Last: the client holds every request back for a 429's Retry-After.
    fake.push_response(
        ScriptedResponse::json(
            429,
            json!({"status": "error", "message": "You have reached your ten_secondly_rolling limit.",
                   "errorType": "RATE_LIMIT", "correlationId": "c2", "policyName": "TEN_SECONDLY_ROLLING"}),
        )
        .with_header("Retry-After", "2"),
    );

    let mut errors = Vec::new();
    for _ in 0..6 {
        errors.push(client.send(&request).await.expect_err("a scripted failure"));
    }
    assert!(
        matches!(&errors[0], Error::Validation(e) if e.correlation_id.as_deref() == Some("c0ffee00-0000-4000-8000-000000000000"))
    );
    assert!(matches!(&errors[1], Error::MissingScopes(_)));
    assert_eq!(
        errors[1].required_scopes(),
        ["conversations.custom_channels.write"]
    );
    assert!(matches!(&errors[2], Error::NotFound(_)));
    assert!(matches!(&errors[3], Error::Conflict(_)));
    let Error::RateLimited(limited) = &errors[5] else {
        panic!("{:?}", errors[5])
    };
    assert_eq!(limited.retry_after, Some(std::time::Duration::from_secs(2)));
    assert_eq!(limited.policy_name.as_deref(), Some("TEN_SECONDLY_ROLLING"));
    let Error::Server(bad_gateway) = &errors[4] else {
        panic!("{:?}", errors[4])
    };
    assert_eq!(bad_gateway.status, 502);
    assert_eq!(
        bad_gateway.body_excerpt.as_deref(),
        Some("<html>Bad gateway</html>")
    );
}

#[test]
fn unions_decode_from_text_readers_and_values_alike() {
    let json = message_with_new_values();
    let text = json.to_string();
    let from_text: PublicConversationsMessage = serde_json::from_str(&text).unwrap();
    let from_reader: PublicConversationsMessage = serde_json::from_reader(text.as_bytes()).unwrap();
    let from_value: PublicConversationsMessage = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(from_text, from_reader);
    assert_eq!(from_text, from_value);
    assert!(matches!(&from_text.attachments[1], MessageAttachment::File(f) if f.file_id == "9"));

    // A union member without its tag, with a tag that is not a string, or
    // that is not an object at all is an error, never `Unknown`.
    for bad in [
        json!({"fileId": "9"}),
        json!({"type": 7, "fileId": "9"}),
        json!(["FILE"]),
        json!("FILE"),
    ] {
        let mut message = json.clone();
        message["attachments"] = json!([bad]);
        let error = serde_json::from_str::<PublicConversationsMessage>(&message.to_string())
            .expect_err("a malformed union member is an error");
        assert!(!error.to_string().is_empty());
        assert!(serde_json::from_value::<PublicConversationsMessage>(message).is_err());
    }

    // A known tag whose body does not decode is an error too.
    let mut message = json.clone();
    message["attachments"] = json!([{"type": "LOCATION", "latitude": "north"}]);
    assert!(serde_json::from_str::<PublicConversationsMessage>(&message.to_string()).is_err());
}

#[test]
fn unions_decode_alike_whether_the_tag_comes_first_or_later() {
    type Attachments = Vec<MessageAttachment>;
    // HubSpot writes the tag first (one pass); any other order is buffered.
    let first = r#"[
        {"type": "FILE", "fileId": "9", "fileUsageType": "IMAGE", "name": "a.png"},
        {"type": "LOCATION", "latitude": 48.85, "longitude": 2.35},
        {"type": "HOLOGRAM", "frames": [1, 2], "label": "x"}
    ]"#;
    let later = r#"[
        {"fileId": "9", "fileUsageType": "IMAGE", "type": "FILE", "name": "a.png"},
        {"latitude": 48.85, "longitude": 2.35, "type": "LOCATION"},
        {"frames": [1, 2], "label": "x", "type": "HOLOGRAM"}
    ]"#;
    let a: Attachments = serde_json::from_str(first).unwrap();
    let b: Attachments = serde_json::from_str(later).unwrap();
    let c: Attachments = serde_json::from_reader(first.as_bytes()).unwrap();
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert!(
        matches!(&a[0], MessageAttachment::File(f) if f.file_id == "9" && f.name.as_deref() == Some("a.png"))
    );
    assert!(matches!(&a[1], MessageAttachment::Location(l) if l.latitude == 48.85));
    // An unknown tag keeps the whole object, tag included, in either order.
    let MessageAttachment::Unknown(hologram) = &a[2] else {
        panic!("{:?}", a[2])
    };
    assert_eq!(
        *hologram,
        json!({"type": "HOLOGRAM", "frames": [1, 2], "label": "x"})
    );

    // The first of two tags decides, as the first of two keys does anywhere.
    let twice: MessageAttachment = serde_json::from_str(
        r#"{"type": "FILE", "fileId": "1", "fileUsageType": "IMAGE", "type": "LOCATION"}"#,
    )
    .unwrap();
    assert!(matches!(twice, MessageAttachment::File(_)), "{twice:?}");

    // Errors inside a variant say what is wrong, in either order; a
    // variant's missing required field is one.
    for text in [
        r#"{"type": "LOCATION", "latitude": "north", "longitude": 2}"#,
        r#"{"latitude": "north", "longitude": 2, "type": "LOCATION"}"#,
        r#"{"type": "LOCATION", "longitude": 2}"#,
        r#"{"longitude": 2, "type": "LOCATION"}"#,
        r#"{"type": "FILE", "fileId": "1", "fileUsageType": "IMAGE""#,
    ] {
        let error = serde_json::from_str::<MessageAttachment>(text).expect_err(text);
        let message = error.to_string();
        assert!(
            ["\"north\"", "`latitude`", "EOF"]
                .iter()
                .any(|what| message.contains(what)),
            "{text}: {message}"
        );
    }
    let error = serde_json::from_str::<MessageAttachment>(r#"{"type": null}"#).unwrap_err();
    assert!(error.to_string().contains("`type` field"), "{error}");
    let error = serde_json::from_str::<MessageAttachment>(r#"{"fileId": "1"}"#).unwrap_err();
    assert!(
        error.to_string().contains("missing field `type`"),
        "{error}"
    );
    let error = serde_json::from_str::<MessageAttachment>(r#""FILE""#).unwrap_err();
    assert!(error.to_string().contains("MessageAttachment"), "{error}");
}
