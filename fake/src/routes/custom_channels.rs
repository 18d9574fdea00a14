//! Custom Channels: publishing messages and updating their status.

use serde_json::{Map, Value, json};

use super::params::{parse_int32, require_string};
use super::shapes::{
    attachment, insert_opt, integration_actor_id, integration_client, items, opt_str, participant,
    str_field,
};
use super::{ChannelsVersion, checked_body, collect};
use crate::crm::CrmObjectType;
use crate::errors::ApiError;
use crate::reply::Reply;
use crate::schema::{
    CHANNEL_ATTACHMENT, CHANNEL_MESSAGE_EGG_2026_09, CHANNEL_MESSAGE_EGG_V3, MESSAGE_UPDATE_REQUEST,
};
use crate::state::{ConversationKey, Scope};
use crate::time::now_rfc3339;
use crate::validate::check_object;

/// `POST .../custom-channels/{channelId}/messages`: validates a
/// `ChannelIntegrationMessageEgg`, stores the message in its thread and
/// answers 201 with the `PublicConversationsMessage`.
pub(crate) fn publish(
    shared: &Scope<'_>,
    version: ChannelsVersion,
    raw_channel_id: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let schema = if version.has_sender_actor_ids() {
        &CHANNEL_MESSAGE_EGG_V3
    } else {
        &CHANNEL_MESSAGE_EGG_2026_09
    };
    let mut problems = Vec::new();
    let channel_id = collect(parse_int32(raw_channel_id, "channelId"), &mut problems);
    let egg = checked_body(body, &mut problems, |egg, problems| {
        check_object(egg, schema, problems);
    });
    let (Some(channel_id), Some(egg), true) = (channel_id, egg, problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };

    let message = shared.with_store(|store| {
        let idempotency_id = opt_str(&egg, "integrationIdempotencyId");
        if let Some(existing) = idempotency_id.and_then(|key| store.idempotent(channel_id, key)) {
            return existing.clone();
        }
        let channel_account_id = str_field(&egg, "channelAccountId");
        let thread_id = store.thread_for(channel_id, channel_account_id, conversation_key(&egg));
        let needs_contact = store
            .thread(thread_id)
            .is_some_and(|thread| thread.contact_id.is_none());
        if needs_contact {
            // The contact the integration named, if it is a live contact
            // of this account; else the visitor's, found or created.
            let named = named_contacts(&egg).find(|id| {
                store
                    .crm
                    .get(CrmObjectType::Contacts, *id)
                    .is_some_and(|r| !r.archived())
            });
            let contact = named.or_else(|| {
                let (kind, value, name) = visitor(&egg)?;
                store
                    .crm
                    .contact_for_visitor(kind, value, name, &now_rfc3339())
            });
            if let (Some(contact), Some(thread)) = (contact, store.thread_mut(thread_id)) {
                thread.contact_id = Some(contact.to_string());
            }
        }
        let id = store.new_message_id();
        let message = published_message(&egg, version, channel_id, &id, thread_id, shared.app_id);
        store.insert_message(thread_id, id.clone(), message.clone());
        if let Some(key) = idempotency_id {
            store.remember_idempotency(channel_id, key, id);
        }
        message
    });
    let location = format!(
        "{}/messages/{}",
        version.channel_path(channel_id),
        str_field(&message, "id")
    );
    Ok(Reply::ok_json(201, &message).with_header("location", location))
}

/// The thread a published message belongs to: the one the integration
/// named, else the conversation with the visitor's delivery identifier (the
/// first sender of an INCOMING message, the first recipient of an OUTGOING
/// one, falling back to the other side).
fn conversation_key(egg: &Value) -> ConversationKey {
    if let Some(thread) = opt_str(egg, "integrationThreadId") {
        return ConversationKey::IntegrationThread(thread.to_string());
    }
    let first_value = |list: &str| {
        items(egg, list)
            .first()
            .and_then(|p| p.get("deliveryIdentifier"))
            .and_then(|d| d.get("value"))
            .and_then(Value::as_str)
    };
    let (theirs, ours) = if str_field(egg, "messageDirection") == "OUTGOING" {
        ("recipients", "senders")
    } else {
        ("senders", "recipients")
    };
    let value = first_value(theirs)
        .or_else(|| first_value(ours))
        .unwrap_or_default();
    ConversationKey::Participant(value.to_string())
}

/// The contacts a published message names for its thread, in order:
/// `associateWithContactId`, then each `preResolvedContacts` contact.
fn named_contacts(egg: &Value) -> impl Iterator<Item = u64> + '_ {
    let associate = egg.get("associateWithContactId").and_then(Value::as_u64);
    let pre_resolved = egg
        .get("preResolvedContacts")
        .map(|p| items(p, "contacts"))
        .unwrap_or_default()
        .iter()
        .filter_map(|c| c.get("contactVid").and_then(Value::as_u64));
    associate.into_iter().chain(pre_resolved)
}

/// The visitor of a published message, whose contact its thread is
/// associated with: the first sender of an INCOMING message, the first
/// recipient of an OUTGOING one, as `(delivery identifier type, value,
/// name)`.
fn visitor(egg: &Value) -> Option<(&str, &str, Option<&str>)> {
    let side = if str_field(egg, "messageDirection") == "OUTGOING" {
        "recipients"
    } else {
        "senders"
    };
    let participant = items(egg, side).first()?;
    let identifier = participant.get("deliveryIdentifier")?;
    Some((
        str_field(identifier, "type"),
        str_field(identifier, "value"),
        opt_str(participant, "name"),
    ))
}

/// The stored `PublicConversationsMessage` for a validated egg.
fn published_message(
    egg: &Value,
    version: ChannelsVersion,
    channel_id: i32,
    id: &str,
    thread_id: u64,
    app_id: i32,
) -> Value {
    let has_actor_ids = version.has_sender_actor_ids();
    let senders: Vec<Value> = items(egg, "senders")
        .iter()
        .map(|p| participant(p, has_actor_ids))
        .collect();
    let recipients: Vec<Value> = items(egg, "recipients")
        .iter()
        .map(|p| participant(p, has_actor_ids))
        .collect();
    let created_by = senders
        .first()
        .and_then(|s| s.get("actorId"))
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| integration_actor_id(app_id));
    let attachments: Vec<Value> = items(egg, "attachments")
        .iter()
        .map(|a| attachment(a, &CHANNEL_ATTACHMENT))
        .collect();
    let text = str_field(egg, "text");
    let mut message = json!({
        "type": "MESSAGE",
        "id": id,
        "conversationsThreadId": thread_id.to_string(),
        "createdAt": str_field(egg, "timestamp"),
        "updatedAt": now_rfc3339(),
        "createdBy": created_by,
        "client": integration_client(app_id),
        "senders": senders,
        "recipients": recipients,
        "archived": false,
        "text": text,
        "richText": opt_str(egg, "richText").unwrap_or(text),
        "attachments": attachments,
        "truncationStatus": "NOT_TRUNCATED",
        "direction": str_field(egg, "messageDirection"),
        "channelId": channel_id.to_string(),
        "channelAccountId": str_field(egg, "channelAccountId"),
        "status": { "statusType": "SENT" },
    });
    if let Some(map) = message.as_object_mut() {
        insert_opt(map, "inReplyToId", opt_str(egg, "inReplyToId"));
    }
    message
}

/// `PATCH .../custom-channels/{channelId}/messages/{messageId}`: validates a
/// `PublicChannelIntegrationMessageUpdateRequest`, updates the message's
/// status and answers 200 with the updated message.
pub(crate) fn update(
    shared: &Scope<'_>,
    _version: ChannelsVersion,
    raw_channel_id: &str,
    message_id: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let mut problems = Vec::new();
    let channel_id = collect(parse_int32(raw_channel_id, "channelId"), &mut problems);
    collect(require_string(message_id, "messageId"), &mut problems);
    let request = checked_body(body, &mut problems, |request, problems| {
        check_object(request, &MESSAGE_UPDATE_REQUEST, problems);
    });
    let (Some(channel_id), Some(request), true) = (channel_id, request, problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };

    let updated = shared.with_store(|store| {
        let message = store.message_mut(message_id).filter(|m| {
            str_field(m, "type") == "MESSAGE" && str_field(m, "channelId") == channel_id.to_string()
        })?;
        let status_type = str_field(&request, "statusType");
        let mut status = Map::new();
        status.insert("statusType".into(), Value::String(status_type.to_string()));
        if status_type == "FAILED" {
            let mut failure = Map::new();
            insert_opt(
                &mut failure,
                "errorMessage",
                opt_str(&request, "errorMessage"),
            );
            failure.insert("errorMessageTokens".into(), json!({}));
            status.insert("failureDetails".into(), Value::Object(failure));
        }
        let map = message.as_object_mut()?;
        map.insert("status".into(), Value::Object(status));
        map.insert("updatedAt".into(), Value::String(now_rfc3339()));
        Some(message.clone())
    });
    match updated {
        Some(message) => Ok(Reply::ok_json(200, &message)),
        None => Err(ApiError::not_found(
            "messageId",
            format!("Message {message_id} was not found on channel {channel_id}"),
        )),
    }
}
