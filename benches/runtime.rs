//! Run-time cost of the generated code against hand-written baselines, in one
//! run: `cargo bench --bench runtime`, then `python3 benches/ratios.py` for
//! the ours/baseline table (BENCHMARKS.md explains each pair).
//!
//! Each pair does the same work on the same data:
//! - `serialize/*`: build a publish request with every field set and
//!   serialize it to JSON; the baseline is a `#[derive(Serialize)]` struct.
//! - `decode/*`: decode a full `PublicConversationsMessage`; the baseline is a
//!   `#[derive(Deserialize)]` struct of the same shape.
//! - `send_sequential/*`, `send_concurrent/*`: N publishes to a loopback
//!   server that answers a canned 201. Ours serializes the request and decodes
//!   the answer into `PublicConversationsMessage`; `baseline` posts identical,
//!   pre-serialized bytes with raw reqwest and decodes the answer into the
//!   hand-written struct; `raw_bytes` only reads the answer's bytes (the floor).

use std::collections::HashMap;
use std::hint::black_box;
use std::net::SocketAddr;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use hubspot_api::Client;
use hubspot_api::conversations::contact_property::ContactProperty;
use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, FileAttachment, LocationAttachment, MessageDirection,
    PreResolvedContact, PreResolvedContacts, PublishMessage, QuickRepliesAttachment,
};
use hubspot_api::conversations::models::{
    DeliveryIdentifierType, FileUsageType, PublicConversationsMessage, PublicDeliveryIdentifier,
    QuickReply, QuickReplyValueType,
};
use hubspot_runtime::DateTime;
use serde::{Deserialize, Serialize};

const SENDS: usize = 64;
const CONCURRENCY: usize = 8;

fn timestamp() -> DateTime {
    "2026-11-21T09:30:00Z".parse().expect("a valid timestamp")
}

// ---------------------------------------------------------------- ours

fn participant(number: &str, name: &str) -> ChannelIntegrationParticipant {
    ChannelIntegrationParticipant::builder()
        .delivery_identifier(
            PublicDeliveryIdentifier::builder()
                .r#type(DeliveryIdentifierType::HsPhoneNumber)
                .value(number)
                .build(),
        )
        .name(name)
        .build()
}

fn ours_publish() -> PublishMessage {
    PublishMessage::builder()
        .channel_id(1234)
        .text("Hello from SMS")
        .message_direction(MessageDirection::Incoming)
        .channel_account_id("5678")
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
        .in_reply_to_id("1000000001")
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
        .build()
}

// ------------------------------------------------------------ baseline

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BaseDeliveryIdentifier {
    r#type: String,
    value: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BaseParticipant {
    delivery_identifier: BaseDeliveryIdentifier,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sender_actor_id: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BaseQuickReply {
    value: String,
    value_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum BaseAttachmentEgg {
    #[serde(rename = "FILE", rename_all = "camelCase")]
    File {
        file_id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        file_usage_type: Option<String>,
    },
    #[serde(rename = "LOCATION")]
    Location {
        latitude: f64,
        longitude: f64,
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    #[serde(rename = "QUICK_REPLIES", rename_all = "camelCase")]
    QuickReplies { quick_replies: Vec<BaseQuickReply> },
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BasePreResolvedContact {
    contact_vid: i64,
    contact_properties_leading_to_match: Vec<String>,
}

#[derive(Serialize)]
struct BasePreResolvedContacts {
    contacts: Vec<BasePreResolvedContact>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BasePublish {
    text: String,
    message_direction: String,
    channel_account_id: String,
    senders: Vec<BaseParticipant>,
    recipients: Vec<BaseParticipant>,
    attachments: Vec<BaseAttachmentEgg>,
    timestamp: DateTime,
    #[serde(skip_serializing_if = "Option::is_none")]
    rich_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    integration_idempotency_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    integration_thread_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_reply_to_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    associate_with_contact_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pre_resolved_contacts: Option<BasePreResolvedContacts>,
}

fn base_participant(number: &str, name: &str) -> BaseParticipant {
    BaseParticipant {
        delivery_identifier: BaseDeliveryIdentifier {
            r#type: "HS_PHONE_NUMBER".to_owned(),
            value: number.to_owned(),
        },
        name: Some(name.to_owned()),
        sender_actor_id: None,
    }
}

fn base_publish() -> BasePublish {
    BasePublish {
        text: "Hello from SMS".to_owned(),
        message_direction: "INCOMING".to_owned(),
        channel_account_id: "5678".to_owned(),
        senders: vec![base_participant("+15550100", "Ada")],
        recipients: vec![base_participant("+15550199", "Support line")],
        attachments: vec![
            BaseAttachmentEgg::File {
                file_id: "991".to_owned(),
                file_usage_type: Some("IMAGE".to_owned()),
            },
            BaseAttachmentEgg::Location {
                latitude: 48.85,
                longitude: 2.35,
                name: Some("Office".to_owned()),
            },
            BaseAttachmentEgg::QuickReplies {
                quick_replies: vec![BaseQuickReply {
                    value: "yes".to_owned(),
                    value_type: "TEXT".to_owned(),
                    label: Some("Yes".to_owned()),
                }],
            },
        ],
        timestamp: timestamp(),
        rich_text: Some("<p>Hello from SMS</p>".to_owned()),
        integration_idempotency_id: Some("sms-1".to_owned()),
        integration_thread_id: Some("conversation-7".to_owned()),
        in_reply_to_id: Some("1000000001".to_owned()),
        associate_with_contact_id: Some(42),
        pre_resolved_contacts: Some(BasePreResolvedContacts {
            contacts: vec![BasePreResolvedContact {
                contact_vid: 42,
                contact_properties_leading_to_match: vec!["phone".to_owned()],
            }],
        }),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct BaseClient {
    client_type: String,
    integration_app_id: Option<i32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct BaseSender {
    actor_id: Option<String>,
    delivery_identifier: Option<BaseDeliveryIdentifier>,
    name: Option<String>,
    sender_field: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct BaseRecipient {
    actor_id: Option<String>,
    delivery_identifier: BaseDeliveryIdentifier,
    name: Option<String>,
    recipient_field: Option<String>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
#[allow(dead_code)]
enum BaseAttachment {
    #[serde(rename = "FILE", rename_all = "camelCase")]
    File {
        file_id: String,
        file_usage_type: String,
        name: Option<String>,
        url: Option<String>,
    },
    #[serde(rename = "LOCATION")]
    Location {
        latitude: f64,
        longitude: f64,
        address: Option<String>,
        name: Option<String>,
        url: Option<String>,
    },
    #[serde(rename = "QUICK_REPLIES", rename_all = "camelCase")]
    QuickReplies {
        allow_multi_select: bool,
        allow_user_input: bool,
        quick_replies: Vec<BaseQuickReply>,
    },
    #[serde(other)]
    Other,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct BaseFailureDetails {
    error_message: Option<String>,
    error_message_tokens: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct BaseStatus {
    status_type: String,
    failure_details: Option<BaseFailureDetails>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct BaseMessage {
    id: String,
    conversations_thread_id: String,
    created_at: DateTime,
    created_by: String,
    client: BaseClient,
    senders: Vec<BaseSender>,
    recipients: Vec<BaseRecipient>,
    archived: bool,
    text: String,
    attachments: Vec<BaseAttachment>,
    truncation_status: String,
    direction: String,
    channel_id: String,
    channel_account_id: String,
    updated_at: Option<DateTime>,
    rich_text: Option<String>,
    subject: Option<String>,
    in_reply_to_id: Option<String>,
    status: Option<BaseStatus>,
}

/// A `PublicConversationsMessage` with every field HubSpot documents set.
const FULL_MESSAGE: &str = r#"{
  "id": "1000000001", "conversationsThreadId": "5000001", "type": "MESSAGE",
  "createdAt": "2026-11-21T09:30:00.123Z", "updatedAt": "2026-11-21T09:31:00Z", "createdBy": "I-123",
  "client": {"clientType": "INTEGRATION", "integrationAppId": 77},
  "senders": [{"actorId": "V-1", "name": "Ada", "senderField": "FROM",
               "deliveryIdentifier": {"type": "HS_PHONE_NUMBER", "value": "+15550100"}}],
  "recipients": [{"actorId": "I-2", "name": "Support line", "recipientField": "TO",
                  "deliveryIdentifier": {"type": "HS_PHONE_NUMBER", "value": "+15550199"}}],
  "archived": false, "text": "Hello from SMS", "richText": "<p>Hello from SMS</p>", "subject": "Order",
  "attachments": [
    {"type": "FILE", "fileId": "991", "fileUsageType": "IMAGE", "name": "photo.jpg", "url": "https://f.example/991"},
    {"type": "LOCATION", "latitude": 48.85, "longitude": 2.35, "address": "1 Rue", "name": "Office", "url": "https://m.example"},
    {"type": "QUICK_REPLIES", "allowMultiSelect": false, "allowUserInput": true,
     "quickReplies": [{"value": "yes", "valueType": "TEXT", "label": "Yes"}]}
  ],
  "truncationStatus": "NOT_TRUNCATED", "inReplyToId": "999",
  "status": {"statusType": "FAILED", "failureDetails": {"errorMessage": "off", "errorMessageTokens": {"code": "42"}}},
  "direction": "INCOMING", "channelId": "1234", "channelAccountId": "5678"
}"#;

fn serialize(c: &mut Criterion) {
    let mut group = c.benchmark_group("serialize");
    group.bench_function("ours", |b| {
        b.iter(|| {
            let request = ours_publish();
            black_box(serde_json::to_vec(black_box(&request)).expect("serializes"))
        })
    });
    group.bench_function("baseline", |b| {
        b.iter(|| {
            let request = base_publish();
            black_box(serde_json::to_vec(black_box(&request)).expect("serializes"))
        })
    });
    group.finish();
}

fn decode(c: &mut Criterion) {
    // Both sides must read the same document completely.
    serde_json::from_str::<PublicConversationsMessage>(FULL_MESSAGE).expect("ours decodes");
    serde_json::from_str::<BaseMessage>(FULL_MESSAGE).expect("baseline decodes");
    let mut group = c.benchmark_group("decode");
    group.bench_function("ours", |b| {
        b.iter(|| {
            black_box(serde_json::from_str::<PublicConversationsMessage>(
                black_box(FULL_MESSAGE),
            ))
        })
    });
    group.bench_function("baseline", |b| {
        b.iter(|| black_box(serde_json::from_str::<BaseMessage>(black_box(FULL_MESSAGE))))
    });
    group.finish();
}

/// A loopback server answering every POST with the same 201 message.
async fn canned_server() -> SocketAddr {
    use axum::Router;
    use axum::http::{StatusCode, header};
    use axum::routing::post;
    let app = Router::new().fallback(post(|| async {
        (
            StatusCode::CREATED,
            [(header::CONTENT_TYPE, "application/json")],
            FULL_MESSAGE,
        )
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("loopback bind");
    let addr = listener.local_addr().expect("bound address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

fn sends(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let addr = runtime.block_on(canned_server());
    let base_url = format!("http://{addr}");
    // The limiter would hold the bench to HubSpot's 100 requests per 10 s,
    // and the concurrent run to its default concurrency; measure the path.
    let client = Client::builder()
        .base_url(&base_url)
        .token("bench-token")
        .rate_limit(hubspot_runtime::RateLimit::Unlimited)
        .max_concurrent_requests(CONCURRENCY)
        .build()
        .expect("our client");
    let raw = reqwest::Client::builder()
        .build()
        .expect("a raw reqwest client");
    let request = Arc::new(ours_publish());
    let body = bytes_of(&request);
    let url = format!("{base_url}/conversations/custom-channels/2026-03/1234/messages");

    let ours_once = {
        let (client, request) = (client.clone(), request.clone());
        move || {
            let (client, request) = (client.clone(), request.clone());
            async move {
                let message = client
                    .send(&*request)
                    .await
                    .expect("the canned server answers");
                black_box(message);
            }
        }
    };
    let raw_post = {
        let (raw, url, body) = (raw.clone(), url.clone(), body.clone());
        move || {
            let (raw, url, body) = (raw.clone(), url.clone(), body.clone());
            async move {
                let response = raw
                    .post(&url)
                    .bearer_auth("bench-token")
                    .header("content-type", "application/json")
                    .body(body)
                    .send()
                    .await
                    .expect("the canned server answers");
                response.bytes().await.expect("a body")
            }
        }
    };
    let raw_once = {
        let post = raw_post.clone();
        move || {
            let post = post.clone();
            async move {
                let bytes = post().await;
                black_box(serde_json::from_slice::<BaseMessage>(&bytes).expect("decodes"));
            }
        }
    };
    let raw_bytes_once = move || {
        let post = raw_post.clone();
        async move {
            black_box(post().await);
        }
    };

    let mut group = c.benchmark_group("send_sequential");
    group.bench_function("ours", |b| {
        b.to_async(&runtime).iter(|| {
            let once = ours_once.clone();
            async move {
                for _ in 0..SENDS {
                    once().await;
                }
            }
        })
    });
    group.bench_function("baseline", |b| {
        b.to_async(&runtime).iter(|| {
            let once = raw_once.clone();
            async move {
                for _ in 0..SENDS {
                    once().await;
                }
            }
        })
    });
    group.bench_function("raw_bytes", |b| {
        b.to_async(&runtime).iter(|| {
            let once = raw_bytes_once.clone();
            async move {
                for _ in 0..SENDS {
                    once().await;
                }
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("send_concurrent");
    group.bench_function("ours", |b| {
        b.to_async(&runtime)
            .iter(|| concurrently(ours_once.clone()))
    });
    group.bench_function("baseline", |b| {
        b.to_async(&runtime).iter(|| concurrently(raw_once.clone()))
    });
    group.bench_function("raw_bytes", |b| {
        b.to_async(&runtime)
            .iter(|| concurrently(raw_bytes_once.clone()))
    });
    group.finish();
}

/// `SENDS` sends, `CONCURRENCY` at a time.
async fn concurrently<F, Fut>(once: F)
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..CONCURRENCY {
        let once = once.clone();
        tasks.spawn(async move {
            for _ in 0..SENDS / CONCURRENCY {
                once().await;
            }
        });
    }
    while tasks.join_next().await.is_some() {}
}

fn bytes_of(request: &PublishMessage) -> Vec<u8> {
    use hubspot_api::Endpoint;
    request
        .body()
        .expect("serializes")
        .expect("a publish has a body")
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).warm_up_time(std::time::Duration::from_secs(1));
    targets = serialize, decode, sends
}
criterion_main!(benches);
