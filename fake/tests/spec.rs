//! The fake against HubSpot's OpenAPI specs: every response it gives
//! matches the operation's declared response schema, and every single-fault
//! variant of a valid request (generated from the spec) is rejected with
//! exactly the one error it should be. Skips when the specs are absent.

mod common;

use common::spec::{self, Spec};
use common::{Client, Response};
use hubspot_fake::FakeHubSpot;
use serde_json::{Value, json};

/// `(spec file, publish path template, update path template, concrete
/// publish path)` for each custom-channels version.
const CHANNEL_VERSIONS: &[(&str, &str, &str, &str)] = &[
    (
        "custom-channels.v3.json",
        "/conversations/v3/custom-channels/{channelId}/messages",
        "/conversations/v3/custom-channels/{channelId}/messages/{messageId}",
        "/conversations/v3/custom-channels/1000/messages",
    ),
    (
        "custom-channels.2026-03.json",
        "/conversations/custom-channels/2026-03/{channelId}/messages",
        "/conversations/custom-channels/2026-03/{channelId}/messages/{messageId}",
        "/conversations/custom-channels/2026-03/1000/messages",
    ),
    (
        "custom-channels.2025-09.json",
        "/conversations/custom-channels/2025-09/{channelId}/messages",
        "/conversations/custom-channels/2025-09/{channelId}/messages/{messageId}",
        "/conversations/custom-channels/2025-09/1000/messages",
    ),
    (
        "custom-channels.2026-09.json",
        "/conversations/custom-channels/2026-09/{channelId}/messages",
        "/conversations/custom-channels/2026-09/{channelId}/messages/{messageId}",
        "/conversations/custom-channels/2026-09/1000/messages",
    ),
];

/// `(spec file, path template, path prefix)` for each conversations
/// version.
const CONVERSATIONS_VERSIONS: &[(&str, &str, &str)] = &[
    (
        "conversations.v3.json",
        "/conversations/v3/conversations/threads/{threadId}/messages",
        "/conversations/v3/conversations/threads/",
    ),
    (
        "conversations.2026-09.json",
        "/conversations/conversations/2026-09/threads/{threadId}/messages",
        "/conversations/conversations/2026-09/threads/",
    ),
];

fn social_metadata() -> Value {
    json!({
        "description": "A photo",
        "id": "post-1",
        "mediaTitle": "Sunset",
        "mediaType": "PHOTO",
        "mediaUrl": "https://example.com/p.jpg",
        "mediaUrlString": "https://example.com/p.jpg",
        "thumbnailUrl": "https://example.com/t.jpg",
    })
}

fn quick_replies() -> Value {
    json!([{ "label": "Yes", "value": "yes", "valueType": "TEXT" }])
}

/// Whether a custom-channels spec's `ChannelIntegrationParticipant` has
/// `senderActorId`: v3 and 2026-03 do, 2025-09 and 2026-09 do not.
fn has_sender_actor_id(file: &str) -> bool {
    file.contains(".v3.") || file.contains(".2026-03.")
}

/// A `ChannelIntegrationMessageEgg` using every property the spec declares
/// (`senderActorId` is dropped for versions without it).
fn rich_channel_egg(with_sender_actor_id: bool, idempotency: &str) -> Value {
    let mut sender = json!({
        "deliveryIdentifier": { "type": "HS_EMAIL_ADDRESS", "value": "visitor@example.com" },
        "name": "Visitor",
        "senderActorId": "V-1",
    });
    let mut recipient = json!({
        "deliveryIdentifier": { "type": "CHANNEL_SPECIFIC_OPAQUE_ID", "value": "business-1" },
        "name": "Business",
        "senderActorId": "A-2",
    });
    if !with_sender_actor_id {
        for p in [&mut sender, &mut recipient] {
            p.as_object_mut().map(|m| m.remove("senderActorId"));
        }
    }
    json!({
        "text": "Hello there",
        "richText": "<p>Hello there</p>",
        "messageDirection": "INCOMING",
        "senders": [sender],
        "recipients": [recipient],
        "channelAccountId": "account-1",
        "timestamp": "2026-03-01T12:00:00.250+01:00",
        "inReplyToId": "1000000001",
        "integrationThreadId": "conversation-1",
        "integrationIdempotencyId": idempotency,
        "associateWithContactId": 42,
        "preResolvedContacts": {
            "contacts": [{ "contactVid": 7, "contactPropertiesLeadingToMatch": ["email"] }]
        },
        "attachments": [
            { "type": "FILE", "fileId": "file-1", "fileUsageType": "IMAGE" },
            {
                "type": "LOCATION", "latitude": 52.37, "longitude": 4.89,
                "address": "Dam 1", "name": "Dam Square", "url": "https://example.com/dam"
            },
            {
                "type": "CONTACT",
                "contactProfile": {
                    "addresses": [{
                        "city": "Amsterdam", "country": "Netherlands", "countryCode": "NL",
                        "state": "NH", "street": "Dam 1", "type": "HOME", "zip": "1012"
                    }],
                    "emails": [{ "email": "c@example.com", "type": "WORK" }],
                    "name": {
                        "firstName": "Ada", "lastName": "Lovelace", "middleName": "B",
                        "prefix": "Dr", "suffix": "II"
                    },
                    "org": { "company": "ACME", "department": "R&D", "title": "CTO" },
                    "phones": [{ "phone": "+31 20 000 0000", "type": "CELL" }],
                    "urls": [{ "url": "https://example.com", "type": "WORK" }]
                }
            },
            { "type": "UNSUPPORTED_CONTENT" },
            { "type": "MESSAGE_HEADER", "fileId": 5, "text": "Header" },
            { "type": "QUICK_REPLIES", "quickReplies": quick_replies() },
            { "type": "SOCIAL_MEDIA_METADATA", "socialMetadata": social_metadata() }
        ],
    })
}

fn egg_attachments() -> Value {
    json!([
        { "type": "FILE", "fileId": "file-2" },
        { "type": "QUICK_REPLIES", "quickReplies": quick_replies() },
        { "type": "SOCIAL_MEDIA_METADATA", "socialMetadata": social_metadata() }
    ])
}

/// A `PublicConversationsMessageEgg` using every property.
fn rich_message_egg() -> Value {
    json!({
        "type": "MESSAGE",
        "text": "Reply",
        "richText": "<p>Reply</p>",
        "subject": "Re: Hello",
        "channelId": "1000",
        "channelAccountId": "account-1",
        "senderActorId": "A-2",
        "recipients": [{
            "actorId": "V-1",
            "name": "Visitor",
            "recipientField": "TO",
            "deliveryIdentifier": { "type": "HS_EMAIL_ADDRESS", "value": "visitor@example.com" },
            "deliveryIdentifiers": [{ "type": "HS_EMAIL_ADDRESS", "value": "visitor@example.com" }]
        }],
        "attachments": egg_attachments(),
    })
}

/// A `PublicCommentEgg` using every property.
fn rich_comment_egg() -> Value {
    json!({
        "type": "COMMENT",
        "text": "Internal note",
        "richText": "<p>Internal note</p>",
        "attachments": egg_attachments(),
    })
}

fn load_all() -> Option<Vec<Spec>> {
    let files = [
        "custom-channels.v3.json",
        "custom-channels.2026-03.json",
        "custom-channels.2026-09.json",
        "custom-channels.2025-09.json",
        "conversations.v3.json",
        "conversations.2026-09.json",
    ];
    files.iter().map(|f| spec::load_conversations(f)).collect()
}

fn spec_for<'a>(specs: &'a [Spec], file: &str) -> &'a Spec {
    specs.iter().find(|s| s.file == file).expect("spec loaded")
}

async fn publish_one(client: &Client) -> Value {
    let response = client
        .post(CHANNEL_VERSIONS[0].3, &rich_channel_egg(true, "seed"))
        .await;
    assert_eq!(
        response.status,
        201,
        "{}",
        String::from_utf8_lossy(&response.body)
    );
    response.json()
}

#[tokio::test]
async fn responses_match_the_spec_schemas() {
    let Some(specs) = load_all() else { return };
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);

    for (i, (file, publish_template, update_template, path)) in CHANNEL_VERSIONS.iter().enumerate()
    {
        let spec = spec_for(&specs, file);
        let egg = rich_channel_egg(has_sender_actor_id(file), &format!("shape-{i}"));
        let published = client.post(path, &egg).await;
        assert_eq!(
            published.status,
            201,
            "{file}: {}",
            String::from_utf8_lossy(&published.body)
        );
        spec.assert_response(publish_template, "post", 201, &published.json());

        let id = published.json()["id"].as_str().unwrap().to_string();
        for status in [
            json!({ "statusType": "FAILED", "errorMessage": "Carrier rejected it" }),
            json!({ "statusType": "READ" }),
        ] {
            let updated = client.patch(&format!("{path}/{id}"), &status).await;
            assert_eq!(updated.status, 200);
            spec.assert_response(update_template, "patch", 200, &updated.json());
        }

        let missing = client
            .patch(&format!("{path}/nope"), &json!({ "statusType": "SENT" }))
            .await;
        assert_eq!(missing.status, 404);
        spec.assert_response(update_template, "patch", 404, &missing.json());

        let invalid = client.post(path, &json!({ "text": 1 })).await;
        assert_eq!(invalid.status, 400);
        spec.assert_response(publish_template, "post", 400, &invalid.json());
    }

    let thread = publish_one(&client).await["conversationsThreadId"]
        .as_str()
        .unwrap()
        .to_string();
    for (file, template, prefix) in CONVERSATIONS_VERSIONS {
        let spec = spec_for(&specs, file);
        let path = format!("{prefix}{thread}/messages");
        for egg in [rich_message_egg(), rich_comment_egg()] {
            let sent = client.post(&path, &egg).await;
            assert_eq!(
                sent.status,
                201,
                "{file}: {}",
                String::from_utf8_lossy(&sent.body)
            );
            spec.assert_response(template, "post", 201, &sent.json());
        }
        let unknown = client
            .post(&format!("{prefix}999/messages"), &rich_comment_egg())
            .await;
        assert_eq!(unknown.status, 404);
        spec.assert_response(template, "post", 404, &unknown.json());

        let unauthorized = common::send_raw(fake.addr(), "POST", &path, &[], b"{}").await;
        assert_eq!(unauthorized.status, 401);
        spec.assert_response(template, "post", 401, &unauthorized.json());
    }

    // What `messages()` returns is what was served.
    for message in fake.messages() {
        let spec = spec_for(&specs, "conversations.v3.json");
        let schema = json!({ "$ref": "#/components/schemas/PublicMessage" });
        let errors = spec.validate(&schema, &message);
        assert!(errors.is_empty(), "{errors:?}\n{message:#}");
    }
}

/// Sends every mutation and checks the fake reports exactly the expected
/// problem; returns how many were checked.
async fn check_mutations(
    client: &Client,
    spec: &Spec,
    (method, template): (&str, &str),
    path: &str,
    valid: &Value,
) -> usize {
    let schema = spec.request_schema(template, method);
    let (mutations, uncovered) = spec.mutations(&schema, valid);
    assert!(
        uncovered.is_empty(),
        "{}: the example body does not exercise {uncovered:?}",
        spec.file
    );
    let mut failures = Vec::new();
    for mutation in &mutations {
        let body = mutation.apply(valid);
        let response: Response = client.json(&method.to_uppercase(), path, &body).await;
        let json = response.json();
        let errors = json["errors"].as_array().cloned().unwrap_or_default();
        let ok = response.status == 400
            && errors.len() == 1
            && errors[0]["in"] == mutation.expect_in.as_str()
            && errors[0]["code"] == mutation.expect_code
            && mutation.allowed.as_ref().is_none_or(|allowed| {
                let got: std::collections::BTreeSet<String> = errors[0]["context"]["allowedValues"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                &got == allowed
            });
        if !ok {
            failures.push(format!(
                "{mutation:?}\n  -> {} {}",
                response.status,
                String::from_utf8_lossy(&response.body)
            ));
        } else {
            spec.assert_response(template, method, 400, &json);
        }
    }
    assert!(
        failures.is_empty(),
        "{}: {} of {} mutations not reported as expected:\n{}",
        spec.file,
        failures.len(),
        mutations.len(),
        failures.join("\n")
    );
    mutations.len()
}

#[tokio::test]
async fn every_spec_violation_is_reported_where_it_is() {
    let Some(specs) = load_all() else { return };
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let mut checked = 0;

    for (file, template, _, path) in CHANNEL_VERSIONS {
        let spec = spec_for(&specs, file);
        let valid = rich_channel_egg(has_sender_actor_id(file), "mutations");
        checked += check_mutations(&client, spec, ("post", template), path, &valid).await;
    }

    let seed = publish_one(&client).await;
    let thread = seed["conversationsThreadId"].as_str().unwrap().to_string();
    let message_id = seed["id"].as_str().unwrap();
    for (file, _, template, path) in CHANNEL_VERSIONS {
        let spec = spec_for(&specs, file);
        let valid = json!({ "statusType": "FAILED", "errorMessage": "Undeliverable" });
        let path = format!("{path}/{message_id}");
        checked += check_mutations(&client, spec, ("patch", template), &path, &valid).await;
    }
    for (file, template, prefix) in CONVERSATIONS_VERSIONS {
        let spec = spec_for(&specs, file);
        let path = format!("{prefix}{thread}/messages");
        for valid in [rich_message_egg(), rich_comment_egg()] {
            checked += check_mutations(&client, spec, ("post", template), &path, &valid).await;
        }
    }
    eprintln!("checked {checked} spec-derived invalid requests");
    assert!(checked > 500, "only {checked} mutations generated");
    // None of the invalid requests changed anything.
    assert_eq!(fake.messages().len(), 1);
    assert_eq!(fake.messages()[0], seed);
}
