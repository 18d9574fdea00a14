//! Conversations: sending a message or comment to a thread. A message sent
//! over a channel with a registered webhook URL is also POSTed there as an
//! `OUTGOING_CHANNEL_MESSAGE_CREATED` event, for the integration to deliver.

use serde_json::{Map, Value, json};

use super::params::parse_int64;
use super::shapes::{
    attachment, delivery_identifier, insert_opt, integration_actor_id, integration_client, items,
    opt_str, str_field,
};
use super::{ConversationsVersion, checked_body, collect};
use crate::errors::{ApiError, ErrorDetail};
use crate::reply::Reply;
use crate::schema::{EGG_ATTACHMENT, MESSAGE_EGG};
use crate::state::Scope;
use crate::time::now_rfc3339;
use crate::validate::{INVALID_VALUE, check_union};

/// `POST .../conversations/threads/{threadId}/messages`: validates a
/// `PublicMessageEgg` (MESSAGE or COMMENT), appends it to the thread and
/// answers 201 with the stored `PublicConversationsMessage` /
/// `PublicComment`.
pub(crate) fn send(
    shared: &Scope<'_>,
    version: ConversationsVersion,
    raw_thread_id: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let mut problems = Vec::new();
    let thread_id = collect(parse_int64(raw_thread_id, "threadId"), &mut problems);
    let egg = checked_body(body, &mut problems, |egg, problems| {
        check_union(egg, &MESSAGE_EGG, problems);
        if problems.is_empty() {
            check_recipients_reachable(egg, problems);
        }
    });
    let (Some(thread_id), Some(egg), true) = (thread_id, egg, problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };

    // A message on a channel with a webhook URL is the integration's to
    // deliver: it has no status until the integration reports one.
    let webhook_channel = (str_field(&egg, "type") != "COMMENT")
        .then(|| str_field(&egg, "channelId").parse::<i32>().ok())
        .flatten()
        .filter(|channel| shared.webhooks.is_registered(*channel));
    let stored = shared.with_store(|store| {
        let key = u64::try_from(thread_id)
            .ok()
            .filter(|t| store.has_thread(*t))?;
        let id = store.new_message_id();
        let mut message = thread_message(&egg, &id, thread_id, shared.app_id);
        if webhook_channel.is_some()
            && let Some(map) = message.as_object_mut()
        {
            map.remove("status");
        }
        store.insert_message(key, id, message.clone());
        let integration_thread_id = store
            .thread(key)
            .and_then(|thread| thread.integration_thread_id.clone());
        Some((message, integration_thread_id))
    });
    let Some((message, integration_thread_id)) = stored else {
        return Err(ApiError::not_found(
            "threadId",
            format!("Thread {thread_id} was not found"),
        ));
    };
    if let Some(channel) = webhook_channel {
        shared.webhooks.send(
            channel,
            &json!({
                "type": "OUTGOING_CHANNEL_MESSAGE_CREATED",
                "portalId": shared.hub_id.to_string(),
                "channelId": channel.to_string(),
                "channelIntegrationThreadIds": integration_thread_id.into_iter().collect::<Vec<_>>(),
                "message": message,
            }),
        );
    }
    let location = format!(
        "{}/messages/{}",
        version.thread_path(thread_id),
        str_field(&message, "id")
    );
    Ok(Reply::ok_json(201, &message).with_header("location", location))
}

/// A `PublicRecipient` needs a delivery identifier, so each
/// `PublicRecipientEgg` must give one (in `deliveryIdentifier` or as the
/// first of `deliveryIdentifiers`): HubSpot cannot send a message to a
/// recipient it cannot address.
fn check_recipients_reachable(egg: &Value, problems: &mut Vec<ErrorDetail>) {
    for (i, recipient) in items(egg, "recipients").iter().enumerate() {
        let has_single = recipient
            .get("deliveryIdentifier")
            .is_some_and(Value::is_object);
        if !has_single && items(recipient, "deliveryIdentifiers").is_empty() {
            let location = format!("recipients[{i}].deliveryIdentifiers");
            problems.push(ErrorDetail::new(
                INVALID_VALUE,
                location.clone(),
                format!("Field '{location}' must contain at least one delivery identifier"),
            ));
        }
    }
}

/// The stored message for a validated `PublicMessageEgg`.
fn thread_message(egg: &Value, id: &str, thread_id: i64, app_id: i32) -> Value {
    let now = now_rfc3339();
    let text = str_field(egg, "text");
    let attachments: Vec<Value> = items(egg, "attachments")
        .iter()
        .map(|a| attachment(a, &EGG_ATTACHMENT))
        .collect();
    let mut message = if str_field(egg, "type") == "COMMENT" {
        let actor = integration_actor_id(app_id);
        json!({
            "type": "COMMENT",
            "id": id,
            "conversationsThreadId": thread_id.to_string(),
            "createdAt": now,
            "updatedAt": now,
            "createdBy": actor,
            "client": integration_client(app_id),
            "senders": [{ "actorId": actor }],
            "recipients": [],
            "archived": false,
            "text": text,
            "richText": opt_str(egg, "richText").unwrap_or(text),
            "attachments": attachments,
        })
    } else {
        let sender = str_field(egg, "senderActorId");
        let recipients: Vec<Value> = items(egg, "recipients").iter().map(recipient).collect();
        json!({
            "type": "MESSAGE",
            "id": id,
            "conversationsThreadId": thread_id.to_string(),
            "createdAt": now,
            "updatedAt": now,
            "createdBy": sender,
            "client": integration_client(app_id),
            "senders": [{ "actorId": sender }],
            "recipients": recipients,
            "archived": false,
            "text": text,
            "richText": opt_str(egg, "richText").unwrap_or(text),
            "attachments": attachments,
            "truncationStatus": "NOT_TRUNCATED",
            "direction": "OUTGOING",
            "channelId": str_field(egg, "channelId"),
            "channelAccountId": str_field(egg, "channelAccountId"),
            "status": { "statusType": "SENT" },
        })
    };
    if let Some(map) = message.as_object_mut()
        && map.get("type").and_then(Value::as_str) == Some("MESSAGE")
    {
        insert_opt(map, "subject", opt_str(egg, "subject"));
    }
    message
}

/// A `PublicRecipientEgg` as a `PublicRecipient`.
fn recipient(egg: &Value) -> Value {
    let identifier = egg
        .get("deliveryIdentifier")
        .filter(|d| d.is_object())
        .or_else(|| items(egg, "deliveryIdentifiers").first())
        .map(delivery_identifier)
        .unwrap_or(Value::Null);
    let mut out = Map::new();
    insert_opt(&mut out, "actorId", opt_str(egg, "actorId"));
    out.insert("deliveryIdentifier".into(), identifier);
    insert_opt(&mut out, "name", opt_str(egg, "name"));
    insert_opt(&mut out, "recipientField", opt_str(egg, "recipientField"));
    Value::Object(out)
}
