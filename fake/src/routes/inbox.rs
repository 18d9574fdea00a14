//! The Conversations Inbox & Messages API, besides sending messages:
//! actors, channels, channel accounts, inboxes, threads and their
//! messages.

use serde_json::{Value, json};

use super::admin::checked_query;
use super::params::{parse_int32, parse_int64, require_string};
use super::query::Query;
use super::shapes::str_field;
use super::{Op, Ver, checked_body, collect, seed};
use crate::errors::{ApiError, ErrorDetail, OBJECT_NOT_FOUND};
use crate::reply::Reply;
use crate::schema::{BATCH_INPUT, THREAD_ASSIGN, THREAD_UPDATE};
use crate::state::{Scope, Thread};
use crate::time::now_rfc3339;
use crate::validate::{INVALID_VALUE, check_object};

/// The path prefix of a conversations version, for `paging.next.link`.
fn prefix(version: Ver) -> &'static str {
    match version {
        Ver::V3 => "/conversations/v3/conversations",
        _ => "/conversations/conversations/2026-09",
    }
}

fn bad(problem: ErrorDetail) -> ApiError {
    ApiError::validation(vec![problem])
}

// ---- actors ----------------------------------------------------------------

/// `GET .../actors/{actorId}`.
pub(crate) fn get_actor(actor_id: &str, q: &Query) -> Result<Reply, ApiError> {
    checked_query(q, Op::GetActor)?;
    require_string(actor_id, "actorId").map_err(bad)?;
    match seed::actor(actor_id) {
        Some(actor) => Ok(Reply::ok_json(200, &actor)),
        None => Err(ApiError::not_found(
            "actorId",
            format!("Actor {actor_id} was not found"),
        )),
    }
}

/// `POST .../actors/batch/read`: the actors found; the others as
/// `errors`. `v3` answers `207 Multi-Status` when some were not found.
pub(crate) fn batch_read_actors(version: Ver, q: &Query, body: &[u8]) -> Result<Reply, ApiError> {
    checked_query(q, Op::BatchReadActors)?;
    let mut problems = Vec::new();
    let input = checked_body(body, &mut problems, |value, problems| {
        check_object(value, &BATCH_INPUT, problems)
    });
    let (Some(input), true) = (input, problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };
    let started = now_rfc3339();
    let mut results = Vec::new();
    let mut errors = Vec::new();
    for id in input["inputs"].as_array().into_iter().flatten() {
        let id = id.as_str().unwrap_or_default();
        match seed::actor(id) {
            Some(actor) => results.push(actor),
            None => errors.push(json!({
                "status": "404",
                "category": OBJECT_NOT_FOUND,
                "message": format!("Actor {id} was not found"),
                "errors": [{ "message": format!("Actor {id} was not found"), "in": "inputs" }],
                "context": { "ids": [id] },
                "links": {},
            })),
        }
    }
    let mut response = json!({
        "status": "COMPLETE",
        "results": results,
        "requestedAt": started,
        "startedAt": started,
        "completedAt": now_rfc3339(),
    });
    let status = if errors.is_empty() {
        200
    } else {
        response["numErrors"] = json!(errors.len());
        response["errors"] = Value::Array(errors);
        if version == Ver::V3 { 207 } else { 200 }
    };
    Ok(Reply::ok_json(status, &response))
}

// ---- channels, channel accounts, inboxes -----------------------------------

/// Every channel: HubSpot's own, then the live custom channels.
fn all_channels(shared: &Scope<'_>) -> Vec<Value> {
    let mut channels: Vec<Value> = seed::CHANNELS
        .iter()
        .map(|(id, name)| json!({ "id": id, "name": name }))
        .collect();
    shared.with_app(|app| {
        channels.extend(
            app.channels
                .values()
                .filter(|c| !c.archived)
                .map(|c| json!({ "id": c.value["id"], "name": c.value["name"] })),
        );
    });
    channels
}

/// `GET .../channels`.
pub(crate) fn list_channels(
    shared: &Scope<'_>,
    version: Ver,
    q: &Query,
) -> Result<Reply, ApiError> {
    checked_query(q, Op::ListChannels)?;
    let link = format!("{}/channels", prefix(version));
    Ok(Reply::ok_json(
        200,
        &q.page(all_channels(shared), true, &link)?,
    ))
}

/// `GET .../channels/{channelId}`.
pub(crate) fn get_channel(shared: &Scope<'_>, raw_channel_id: &str) -> Result<Reply, ApiError> {
    let channel_id = parse_int32(raw_channel_id, "channelId").map_err(bad)?;
    all_channels(shared)
        .into_iter()
        .find(|c| c["id"].as_str() == Some(channel_id.to_string().as_str()))
        .map(|c| Reply::ok_json(200, &c))
        .ok_or_else(|| {
            ApiError::not_found("channelId", format!("Channel {channel_id} was not found"))
        })
}

/// `GET .../channel-accounts`: every channel's accounts, filtered.
pub(crate) fn list_channel_accounts(
    shared: &Scope<'_>,
    version: Ver,
    q: &Query,
) -> Result<Reply, ApiError> {
    checked_query(q, Op::ListChannelAccounts)?;
    let archived = q.flag("archived");
    let channels = q.all("channelId");
    let inboxes = q.all("inboxId");
    let accounts: Vec<Value> = shared.with_store(|store| {
        store
            .channel_accounts
            .values()
            .filter(|a| a["archived"] == archived)
            .filter(|a| channels.is_empty() || channels.contains(&str_field(a, "channelId")))
            .filter(|a| inboxes.is_empty() || inboxes.contains(&str_field(a, "inboxId")))
            .cloned()
            .collect()
    });
    let link = format!("{}/channel-accounts", prefix(version));
    Ok(Reply::ok_json(200, &q.page(accounts, true, &link)?))
}

/// `GET .../inboxes`. The seeded inboxes are never archived.
pub(crate) fn list_inboxes(version: Ver, q: &Query) -> Result<Reply, ApiError> {
    checked_query(q, Op::ListInboxes)?;
    let inboxes: Vec<Value> = if q.flag("archived") {
        Vec::new()
    } else {
        seed::INBOXES
            .iter()
            .filter_map(|(id, _, _)| seed::inbox(id))
            .collect()
    };
    let link = format!("{}/inboxes", prefix(version));
    Ok(Reply::ok_json(200, &q.page(inboxes, true, &link)?))
}

/// `GET .../inboxes/{inboxId}`.
pub(crate) fn get_inbox(raw_inbox_id: &str, q: &Query) -> Result<Reply, ApiError> {
    checked_query(q, Op::GetInbox)?;
    let inbox_id = parse_int32(raw_inbox_id, "inboxId").map_err(bad)?;
    seed::inbox(&inbox_id.to_string())
        .filter(|_| !q.flag("archived"))
        .map(|inbox| Reply::ok_json(200, &inbox))
        .ok_or_else(|| ApiError::not_found("inboxId", format!("Inbox {inbox_id} was not found")))
}

// ---- threads ----------------------------------------------------------------

/// A thread id from a path parameter.
fn thread_id(raw: &str) -> Result<u64, ApiError> {
    let id = parse_int64(raw, "threadId").map_err(bad)?;
    Ok(u64::try_from(id).unwrap_or(0))
}

fn thread_not_found(id: u64) -> ApiError {
    ApiError::not_found("threadId", format!("Thread {id} was not found"))
}

/// The thread as served, with `threadAssociations` when asked for.
fn thread_json(id: u64, thread: &Thread, q: &Query) -> Value {
    let mut json = thread.to_json(id);
    if q.all("association").contains(&"TICKET") {
        json["threadAssociations"] = json!({});
    }
    json
}

/// `GET .../threads`: live threads, or only archived ones with
/// `archived=true`, filtered, oldest first.
pub(crate) fn list_threads(shared: &Scope<'_>, version: Ver, q: &Query) -> Result<Reply, ApiError> {
    checked_query(q, Op::ListThreads)?;
    let archived = q.flag("archived");
    let inboxes = q.all("inboxId");
    let status = q.get("threadStatus");
    let contact = q.get("associatedContactId");
    let after = q.get("latestMessageTimestampAfter");
    let ticket = q.get("associatedTicketId");
    let threads: Vec<Value> = shared.with_store(|store| {
        store
            .threads()
            .into_iter()
            .filter(|(_, t)| t.archived == archived)
            .filter(|(_, t)| inboxes.is_empty() || inboxes.contains(&t.inbox_id.as_str()))
            .filter(|(_, t)| status.is_none_or(|s| t.status == s))
            .filter(|(_, t)| {
                after
                    .is_none_or(|after| t.latest_message_at.as_deref().is_some_and(|at| at > after))
            })
            // The fake's threads have no tickets.
            .filter(|_| ticket.is_none())
            .map(|(id, t)| thread_json(id, t, q))
            .filter(|t| contact.is_none_or(|c| t["associatedContactId"] == c))
            .collect()
    });
    let link = format!("{}/threads", prefix(version));
    Ok(Reply::ok_json(200, &q.page(threads, false, &link)?))
}

/// `GET .../threads/{threadId}`: an archived thread only with
/// `archived=true`.
pub(crate) fn get_thread(shared: &Scope<'_>, raw_id: &str, q: &Query) -> Result<Reply, ApiError> {
    checked_query(q, Op::GetThread)?;
    let id = thread_id(raw_id)?;
    let archived = q.flag("archived");
    shared
        .with_store(|store| {
            store
                .thread(id)
                .filter(|t| !t.archived || archived)
                .map(|t| thread_json(id, t, q))
        })
        .map(|t| Reply::ok_json(200, &t))
        .ok_or_else(|| thread_not_found(id))
}

/// `PATCH .../threads/{threadId}`: open or close it, or restore an
/// archived one (`archived: false`, found with `?archived=true`).
pub(crate) fn update_thread(
    shared: &Scope<'_>,
    raw_id: &str,
    q: &Query,
    body: &[u8],
) -> Result<Reply, ApiError> {
    checked_query(q, Op::UpdateThread)?;
    let mut problems = Vec::new();
    let id = collect(
        parse_int64(raw_id, "threadId").map(|id| u64::try_from(id).unwrap_or(0)),
        &mut problems,
    );
    let update = checked_body(body, &mut problems, |value, problems| {
        check_object(value, &THREAD_UPDATE, problems)
    });
    let (Some(id), Some(update), true) = (id, update, problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };
    let archived = q.flag("archived");
    let updated = shared.with_store(|store| {
        let thread = store.thread_mut(id).filter(|t| !t.archived || archived)?;
        if let Some(status) = update.get("status").and_then(Value::as_str) {
            thread.status = status.to_owned();
            thread.closed_at = (status == "CLOSED").then(now_rfc3339);
        }
        if let Some(flag) = update.get("archived").and_then(Value::as_bool) {
            thread.archived = flag;
        }
        Some(thread.to_json(id))
    });
    updated
        .map(|t| Reply::ok_json(200, &t))
        .ok_or_else(|| thread_not_found(id))
}

/// `DELETE .../threads/{threadId}`: moves it to the trash, 204.
pub(crate) fn archive_thread(shared: &Scope<'_>, raw_id: &str) -> Result<Reply, ApiError> {
    let id = thread_id(raw_id)?;
    let found = shared.with_store(|store| {
        store
            .thread_mut(id)
            .filter(|t| !t.archived)
            .map(|t| t.archived = true)
            .is_some()
    });
    if found {
        Ok(Reply::no_content())
    } else {
        Err(thread_not_found(id))
    }
}

/// `PUT .../threads/{threadId}/assignee`: assigns it to an agent.
pub(crate) fn assign_thread(
    shared: &Scope<'_>,
    raw_id: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let mut problems = Vec::new();
    let id = collect(
        parse_int64(raw_id, "threadId").map(|id| u64::try_from(id).unwrap_or(0)),
        &mut problems,
    );
    let request = checked_body(body, &mut problems, |value, problems| {
        check_object(value, &THREAD_ASSIGN, problems);
        let actor = str_field(value, "actorId");
        if problems.is_empty() && seed::actor(actor).is_none_or(|a| a["type"] != "AGENT") {
            problems.push(ErrorDetail::new(
                INVALID_VALUE,
                "actorId",
                format!(
                    "Field 'actorId' must name an agent (e.g. {}), got '{actor}'",
                    seed::AGENT_ID
                ),
            ));
        }
    });
    let (Some(id), Some(request), true) = (id, request, problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };
    let actor = str_field(&request, "actorId").to_owned();
    shared
        .with_store(|store| {
            let thread = store.thread_mut(id).filter(|t| !t.archived)?;
            thread.assigned_to = Some(actor);
            Some(thread.to_json(id))
        })
        .map(|t| Reply::ok_json(200, &t))
        .ok_or_else(|| thread_not_found(id))
}

/// `DELETE .../threads/{threadId}/assignee`, 204.
pub(crate) fn unassign_thread(shared: &Scope<'_>, raw_id: &str) -> Result<Reply, ApiError> {
    let id = thread_id(raw_id)?;
    let found = shared.with_store(|store| {
        store
            .thread_mut(id)
            .filter(|t| !t.archived)
            .map(|t| t.assigned_to = None)
            .is_some()
    });
    if found {
        Ok(Reply::no_content())
    } else {
        Err(thread_not_found(id))
    }
}

// ---- thread messages -------------------------------------------------------

/// `GET .../threads/{threadId}/messages`: oldest first.
pub(crate) fn list_thread_messages(
    shared: &Scope<'_>,
    version: Ver,
    raw_id: &str,
    q: &Query,
) -> Result<Reply, ApiError> {
    checked_query(q, Op::ListThreadMessages)?;
    let id = thread_id(raw_id)?;
    let messages = shared
        .with_store(|store| store.thread_messages(id))
        .ok_or_else(|| thread_not_found(id))?;
    let link = format!("{}/threads/{id}/messages", prefix(version));
    Ok(Reply::ok_json(200, &q.page(messages, false, &link)?))
}

/// `GET .../threads/{threadId}/messages/{messageId}` (or its
/// `original-content`).
pub(crate) fn get_thread_message(
    shared: &Scope<'_>,
    raw_id: &str,
    message_id: &str,
    q: &Query,
    original: bool,
) -> Result<Reply, ApiError> {
    checked_query(q, Op::GetThreadMessage)?;
    let id = thread_id(raw_id)?;
    require_string(message_id, "messageId").map_err(bad)?;
    let message = shared.with_store(|store| {
        store
            .message(message_id)
            .filter(|m| str_field(m, "conversationsThreadId") == id.to_string())
            .cloned()
    });
    let Some(message) = message else {
        return Err(ApiError::not_found(
            "messageId",
            format!("Message {message_id} was not found in thread {id}"),
        ));
    };
    if original {
        let mut content = serde_json::Map::new();
        for name in ["text", "richText"] {
            if let Some(value) = message.get(name).filter(|v| v.is_string()) {
                content.insert(name.to_owned(), value.clone());
            }
        }
        Ok(Reply::ok_json(200, &Value::Object(content)))
    } else {
        Ok(Reply::ok_json(200, &message))
    }
}
