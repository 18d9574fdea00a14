//! Decoding the webhook events HubSpot sends: custom-channel events and
//! conversation subscription events, including the shapes HubSpot may vary
//! (ids as numbers or strings, one event or a batch) and ones this crate
//! does not know.

use hubspot_api::conversations::custom_channels::webhooks::{
    ChannelAccountCreated, ChannelAccountUpdated, CustomChannelEvent,
};
use hubspot_api::conversations::models::{
    DeliveryIdentifierType, MessageAttachment, MessageDirection,
};
use hubspot_api::conversations::webhooks::{ConversationEvent, NewMessageType, WebhookId};
use serde_json::json;

fn outgoing(message: serde_json::Value) -> serde_json::Value {
    json!({
        "type": "OUTGOING_CHANNEL_MESSAGE_CREATED",
        "portalId": "62515",
        "channelId": "1001",
        "channelIntegrationThreadIds": ["thread-a"],
        "message": message,
    })
}

fn full_message() -> serde_json::Value {
    json!({
        "type": "MESSAGE",
        "id": "1000000002",
        "conversationsThreadId": "5000001",
        "createdAt": "2026-03-01T10:00:00Z",
        "updatedAt": "2026-03-01T10:00:01Z",
        "createdBy": "A-3003",
        "client": {"clientType": "HUBSPOT"},
        "senders": [{"actorId": "A-3003", "name": "Grace"}],
        "recipients": [{
            "deliveryIdentifier": {"type": "HS_PHONE_NUMBER", "value": "+15550100"},
            "name": "Ada"
        }],
        "archived": false,
        "text": "It ships tomorrow.",
        "richText": "<p>It ships tomorrow.</p>",
        "attachments": [{"type": "HOLOGRAM", "depth": 3}],
        "truncationStatus": "NOT_TRUNCATED",
        "direction": "OUTGOING",
        "channelId": "1001",
        "channelAccountId": "2002",
        "inReplyToId": "1000000001",
    })
}

fn parse(value: &serde_json::Value) -> Vec<CustomChannelEvent> {
    CustomChannelEvent::parse_batch(value.to_string().as_bytes()).expect("decodes")
}

#[test]
fn outgoing_message_decodes_every_field() {
    let events = parse(&outgoing(full_message()));
    let [CustomChannelEvent::OutgoingChannelMessageCreated(created)] = events.as_slice() else {
        panic!("{events:?}");
    };
    assert_eq!(
        created.portal_id.as_ref().map(WebhookId::as_str),
        Some("62515")
    );
    assert_eq!(
        created.channel_id.as_ref().and_then(WebhookId::as_i32),
        Some(1001)
    );
    assert_eq!(
        created.channel_integration_thread_ids.as_deref(),
        Some(&["thread-a".to_owned()][..])
    );
    let message = &created.message;
    assert_eq!(message.id, "1000000002");
    assert_eq!(message.conversations_thread_id.as_i64(), Some(5_000_001));
    assert_eq!(message.channel_account_id, "2002");
    assert_eq!(message.text.as_deref(), Some("It ships tomorrow."));
    assert_eq!(message.direction, Some(MessageDirection::Outgoing));
    let recipient = &message.recipients.as_ref().unwrap()[0];
    assert_eq!(
        recipient.delivery_identifier.r#type,
        DeliveryIdentifierType::HsPhoneNumber
    );
    assert_eq!(recipient.delivery_identifier.value, "+15550100");
    assert_eq!(
        message.senders.as_ref().unwrap()[0].actor_id.as_deref(),
        Some("A-3003")
    );
    // An attachment type this crate does not know is kept, not an error.
    assert!(matches!(
        &message.attachments.as_ref().unwrap()[0],
        MessageAttachment::Unknown(raw) if raw["depth"] == 3
    ));
    assert_eq!(message.in_reply_to_id.as_deref(), Some("1000000001"));
}

#[test]
fn outgoing_message_needs_only_its_ids() {
    let minimal = json!({
        "id": 77, "conversationsThreadId": 5000001, "channelId": 1001, "channelAccountId": 2002
    });
    let events = parse(&json!({"type": "OUTGOING_CHANNEL_MESSAGE_CREATED", "message": minimal}));
    let CustomChannelEvent::OutgoingChannelMessageCreated(created) = &events[0] else {
        panic!("{events:?}");
    };
    // Numeric ids are read as their decimal text.
    assert_eq!(created.message.id, "77");
    assert_eq!(created.message.channel_id.as_i32(), Some(1001));
    assert_eq!(created.message.text, None);
    assert_eq!(created.portal_id, None);

    // Without a message id there is nothing to report a status for: an
    // error, not a silently empty event.
    let no_id = json!({
        "type": "OUTGOING_CHANNEL_MESSAGE_CREATED",
        "message": {"conversationsThreadId": "1", "channelId": "1", "channelAccountId": "1"}
    });
    let error = CustomChannelEvent::parse_batch(no_id.to_string().as_bytes()).unwrap_err();
    assert!(error.to_string().contains("`id`"), "{error}");
}

#[test]
fn channel_account_events_and_unknown_types() {
    let body = json!([
        {"type": "CHANNEL_ACCOUNT_CREATED", "portalId": 62515, "channelId": 1001,
         "channelAccountId": "2002", "somethingElse": {"x": 1}},
        {"type": "CHANNEL_ACCOUNT_UPDATED", "channelAccountId": 2002},
        {"type": "CHANNEL_TYPING_STARTED", "who": "A-1"},
    ]);
    let events = parse(&body);
    assert_eq!(events.len(), 3);
    let CustomChannelEvent::ChannelAccountCreated(ChannelAccountCreated {
        portal_id,
        channel_account_id,
        ..
    }) = &events[0]
    else {
        panic!("{events:?}");
    };
    assert_eq!(
        portal_id.as_ref().map(ToString::to_string).as_deref(),
        Some("62515")
    );
    assert_eq!(
        channel_account_id.as_ref().map(WebhookId::as_str),
        Some("2002")
    );
    let CustomChannelEvent::ChannelAccountUpdated(ChannelAccountUpdated {
        channel_account_id: Some(updated),
        ..
    }) = &events[1]
    else {
        panic!("{events:?}");
    };
    assert_eq!(updated, "2002");
    let CustomChannelEvent::Unknown(raw) = &events[2] else {
        panic!("{events:?}");
    };
    assert_eq!(
        raw,
        &json!({"type": "CHANNEL_TYPING_STARTED", "who": "A-1"})
    );
    assert_eq!(events[2].tag(), None);
    assert_eq!(events[0].tag(), Some("CHANNEL_ACCOUNT_CREATED"));
}

#[test]
fn malformed_bodies_are_errors_not_panics() {
    for body in [
        &b""[..],
        b"not json",
        b"42",
        b"[1, 2]",
        b"{\"no\": \"type\"}",
        b"{\"type\": 7}",
        b"[{\"type\": \"OUTGOING_CHANNEL_MESSAGE_CREATED\", \"message\": \"text\"}]",
    ] {
        assert!(
            CustomChannelEvent::parse_batch(body).is_err(),
            "{}",
            String::from_utf8_lossy(body)
        );
        assert!(
            ConversationEvent::parse_batch(body).is_err(),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    assert_eq!(CustomChannelEvent::parse_batch(b"[]").unwrap(), vec![]);
}

#[test]
fn events_round_trip_through_json() {
    let events = parse(&outgoing(full_message()));
    let json = serde_json::to_value(&events[0]).unwrap();
    assert_eq!(json["type"], "OUTGOING_CHANNEL_MESSAGE_CREATED");
    assert_eq!(json["message"]["id"], "1000000002");
    let again = parse(&json);
    assert_eq!(again, events);
}

#[test]
fn conversation_events_decode_by_subscription_type() {
    let common = |kind: &str| {
        json!({
            "eventId": 4_000_000_001_i64, "subscriptionId": 12, "portalId": 62515,
            "appId": 54321, "occurredAt": 1_700_000_000_000_i64, "attemptNumber": 1,
            "objectId": 5_000_001, "changeSource": "CONVERSATIONS", "subscriptionType": kind,
        })
    };
    let mut new_message = common("conversation.newMessage");
    new_message["messageId"] = json!("1000000002");
    new_message["messageType"] = json!("COMMENT");
    new_message["changeFlag"] = json!("NEW_MESSAGE");
    let mut property = common("conversation.propertyChange");
    property["propertyName"] = json!("assignedTo");
    property["propertyValue"] = json!("A-3003");
    let body = json!([
        common("conversation.creation"),
        common("conversation.deletion"),
        common("conversation.privacyDeletion"),
        property,
        new_message,
        common("conversation.mood"),
    ]);
    let events = ConversationEvent::parse_batch(body.to_string().as_bytes()).unwrap();
    let tags: Vec<_> = events.iter().map(ConversationEvent::tag).collect();
    assert_eq!(
        tags,
        [
            Some("conversation.creation"),
            Some("conversation.deletion"),
            Some("conversation.privacyDeletion"),
            Some("conversation.propertyChange"),
            Some("conversation.newMessage"),
            None,
        ]
    );
    let ConversationEvent::Creation(creation) = &events[0] else {
        panic!()
    };
    assert_eq!(creation.object_id.as_i64(), Some(5_000_001));
    assert_eq!(creation.event_id.as_ref().unwrap(), "4000000001");
    assert_eq!(creation.occurred_at, Some(1_700_000_000_000));
    assert_eq!(creation.attempt_number, Some(1));
    let ConversationEvent::PropertyChange(change) = &events[3] else {
        panic!()
    };
    assert_eq!(change.property_name.as_deref(), Some("assignedTo"));
    assert_eq!(change.property_value.as_deref(), Some("A-3003"));
    let ConversationEvent::NewMessage(message) = &events[4] else {
        panic!()
    };
    assert_eq!(message.message_type, Some(NewMessageType::Comment));
    assert_eq!(message.message_id.as_deref(), Some("1000000002"));
    // One event on its own (not in an array) decodes too.
    let one =
        ConversationEvent::parse_batch(common("conversation.creation").to_string().as_bytes())
            .unwrap();
    assert_eq!(one.len(), 1);
}
