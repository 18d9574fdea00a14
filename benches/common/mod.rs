//! The workloads both benchmark binaries share: a publish request with every
//! field set (ours, and a hand-written `#[derive(Serialize)]` baseline), a full
//! `PublicConversationsMessage` document (ours, and a hand-written
//! `#[derive(Deserialize)]` baseline), and a loopback server answering a canned
//! `201`.

#![allow(dead_code)]

use std::collections::HashMap;
use std::hint::black_box;
use std::net::SocketAddr;
use std::sync::Arc;

use hubspot_api::Client;

use hubspot_api::conversations::contact_property::ContactProperty;
use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, FileAttachment, LocationAttachment, MessageDirection,
    PreResolvedContact, PreResolvedContacts, PublishMessage, QuickRepliesAttachment,
};
use hubspot_api::conversations::models::{
    DeliveryIdentifierType, FileUsageType, PublicDeliveryIdentifier, QuickReply,
    QuickReplyValueType,
};
use hubspot_runtime::DateTime;
use serde::{Deserialize, Serialize};

pub const SENDS: usize = 64;
pub const CONCURRENCY: usize = 8;

pub fn timestamp() -> DateTime {
    "2026-11-21T09:30:00Z".parse().expect("a valid timestamp")
}

// ---------------------------------------------------------------- ours

pub fn participant(number: &str, name: &str) -> ChannelIntegrationParticipant {
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

pub fn ours_publish() -> PublishMessage {
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
pub struct BaseDeliveryIdentifier {
    r#type: String,
    value: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BaseParticipant {
    delivery_identifier: BaseDeliveryIdentifier,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sender_actor_id: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BaseQuickReply {
    value: String,
    value_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
pub enum BaseAttachmentEgg {
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
pub struct BasePreResolvedContact {
    contact_vid: i64,
    contact_properties_leading_to_match: Vec<String>,
}

#[derive(Serialize)]
pub struct BasePreResolvedContacts {
    contacts: Vec<BasePreResolvedContact>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BasePublish {
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

pub fn base_participant(number: &str, name: &str) -> BaseParticipant {
    BaseParticipant {
        delivery_identifier: BaseDeliveryIdentifier {
            r#type: "HS_PHONE_NUMBER".to_owned(),
            value: number.to_owned(),
        },
        name: Some(name.to_owned()),
        sender_actor_id: None,
    }
}

pub fn base_publish() -> BasePublish {
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
pub struct BaseClient {
    client_type: String,
    integration_app_id: Option<i32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct BaseSender {
    actor_id: Option<String>,
    delivery_identifier: Option<BaseDeliveryIdentifier>,
    name: Option<String>,
    sender_field: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct BaseRecipient {
    actor_id: Option<String>,
    delivery_identifier: BaseDeliveryIdentifier,
    name: Option<String>,
    recipient_field: Option<String>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
#[allow(dead_code)]
pub enum BaseAttachment {
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
pub struct BaseFailureDetails {
    error_message: Option<String>,
    error_message_tokens: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct BaseStatus {
    status_type: String,
    failure_details: Option<BaseFailureDetails>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct BaseMessage {
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
pub const FULL_MESSAGE: &str = r#"{
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

/// A loopback server answering every POST with the same 201 message.
pub async fn canned_server() -> SocketAddr {
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

pub fn bytes_of(request: &PublishMessage) -> Vec<u8> {
    use hubspot_api::Endpoint;
    request
        .body()
        .expect("serializes")
        .expect("a publish has a body")
}

// ------------------------------------------------------------ sends

/// One loopback server and the two clients that post to it.
pub struct Fixture {
    client: Client,
    /// The same client set-up as a public app, sending through an account
    /// handle: the credential look-up (account state, token freshness) is
    /// the only difference from `client`.
    account: Client,
    raw: reqwest::Client,
    request: Arc<PublishMessage>,
    body: bytes::Bytes,
    url: String,
}

impl Fixture {
    pub async fn new() -> Fixture {
        let addr = canned_server().await;
        let base_url = format!("http://{addr}");
        // Unlimited: the budget would hold the run to 100 requests per 10 s.
        let client = Client::builder()
            .base_url(&base_url)
            .token("bench-token")
            .rate_limit(hubspot_runtime::RateLimit::Unlimited)
            .max_concurrent_requests(CONCURRENCY)
            .build()
            .expect("our client");
        let store = hubspot_runtime::InMemoryTokenStore::new();
        let tokens = hubspot_runtime::TokenSet {
            hub_id: 101,
            access_token: "bench-token".into(),
            refresh_token: "bench-refresh".into(),
            // Far from expiry: no refresh happens during the bench.
            expires_at: std::time::SystemTime::now() + std::time::Duration::from_secs(86_400),
            scopes: vec!["conversations.custom_channels.write".to_owned()],
            version: 1,
        };
        use hubspot_runtime::TokenStore;
        store.save(&tokens, None).await.expect("an in-memory save");
        let account = Client::builder()
            .base_url(&base_url)
            .oauth_app(hubspot_runtime::OAuthApp::new(
                "bench-client",
                "bench-secret",
                "http://127.0.0.1/callback",
            ))
            .token_store(store)
            .account_rate_limit(hubspot_runtime::RateLimit::Unlimited)
            .max_concurrent_requests(CONCURRENCY)
            .build()
            .expect("our public-app client")
            .account(101);
        let request = Arc::new(ours_publish());
        let body = bytes_of(&request);
        assert_eq!(
            body,
            serde_json::to_vec(&base_publish()).expect("serializes"),
            "both sides must post the same bytes"
        );
        let body = body.into();
        // The same headers as ours, so both put the same request on the
        // wire: `User-Agent` here, `Accept` per request.
        let raw = reqwest::Client::builder()
            .user_agent(client.user_agent())
            .build()
            .expect("a raw reqwest client");
        Fixture {
            client,
            account,
            raw,
            request,
            body,
            url: format!("{base_url}/conversations/custom-channels/2026-03/1234/messages"),
        }
    }

    pub async fn send(&self, contender: Contender) {
        match contender {
            Contender::Ours => {
                let message = self
                    .client
                    .send(&*self.request)
                    .await
                    .expect("the canned server answers");
                black_box(message);
            }
            Contender::OursAccount => {
                let message = self
                    .account
                    .send(&*self.request)
                    .await
                    .expect("the canned server answers");
                black_box(message);
            }
            Contender::Baseline => {
                let body = serde_json::to_vec(&base_publish()).expect("serializes");
                let bytes = self.raw_post(body.into()).await;
                black_box(serde_json::from_slice::<BaseMessage>(&bytes).expect("decodes"));
            }
            Contender::RawBytes => {
                black_box(self.raw_post(self.body.clone()).await);
            }
        }
    }

    async fn raw_post(&self, body: bytes::Bytes) -> bytes::Bytes {
        self.raw
            .post(&self.url)
            .bearer_auth("bench-token")
            .header("accept", "application/json")
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("the canned server answers")
            .bytes()
            .await
            .expect("a body")
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Contender {
    /// `client.send(&PublishMessage)`: serialize, send, decode
    /// `PublicConversationsMessage`.
    Ours,
    /// A hand-written client: serialize the `#[derive(Serialize)]` struct
    /// (the same bytes), post them with raw reqwest, decode the answer into
    /// the `#[derive(Deserialize)]` struct.
    Baseline,
    /// Raw reqwest posting bytes serialized once, beforehand, and reading the
    /// answer's bytes without decoding them: the floor no client gets under.
    RawBytes,
    /// `Ours` through a public app's account handle (`client.account(101)`)
    /// instead of a private-app token: what the per-account credential
    /// look-up costs.
    OursAccount,
}

pub const CONTENDERS: [Contender; 3] = [Contender::Ours, Contender::Baseline, Contender::RawBytes];

impl Contender {
    pub fn name(self) -> &'static str {
        match self {
            Contender::Ours => "ours",
            Contender::Baseline => "baseline",
            Contender::RawBytes => "raw_bytes",
            Contender::OursAccount => "ours_account",
        }
    }
}

pub async fn sequential(fixture: &Fixture, contender: Contender) {
    for _ in 0..SENDS {
        fixture.send(contender).await;
    }
}

pub async fn concurrent(fixture: &Arc<Fixture>, contender: Contender) {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..CONCURRENCY {
        let fixture = fixture.clone();
        tasks.spawn(async move {
            for _ in 0..SENDS / CONCURRENCY {
                fixture.send(contender).await;
            }
        });
    }
    while let Some(joined) = tasks.join_next().await {
        joined.expect("a send task");
    }
}
