//! Custom Channels administration (channels, channel accounts, staging
//! tokens), reading a custom channel's message, and Visitor
//! Identification tokens.

use serde_json::{Map, Value, json};

use super::params::{parse_int32, parse_int64, require_string};
use super::query::Query;
use super::shapes::{delivery_identifier, str_field};
use super::{Op, Ver, checked_body, collect, seed};
use crate::errors::{ApiError, ErrorDetail};
use crate::reply::Reply;
use crate::schema::{
    CHANNEL_ACCOUNT_EGG, CHANNEL_ACCOUNT_UPDATE, CHANNEL_CREATE, CHANNEL_PATCH, Obj,
    STAGING_TOKEN_UPDATE_2026_09, STAGING_TOKEN_UPDATE_V3, TOKEN_REQUEST, TOKEN_REQUEST_2025_09,
};
use crate::state::{ChannelRecord, Scope};
use crate::time::now_rfc3339;
use crate::validate::{INVALID_VALUE, check_object};

/// The HubSpot user the fake pretends connects channel accounts.
use crate::oauth::tokens::USER_ID;

/// The optional string fields of a custom channel.
const CHANNEL_STRINGS: &[&str] = &[
    "webhookUrl",
    "channelDescription",
    "channelLogoUrl",
    "channelAccountConnectionRedirectUrl",
];

/// Validates a JSON object body against `schema`.
fn body_of(body: &[u8], schema: &Obj, problems: &mut Vec<ErrorDetail>) -> Option<Value> {
    checked_body(body, problems, |value, problems| {
        check_object(value, schema, problems)
    })
}

fn channel_not_found(channel_id: i32) -> ApiError {
    ApiError::not_found(
        "channelId",
        format!("Custom channel {channel_id} was not found"),
    )
}

/// `GET .../custom-channels/{channelId}/messages/{messageId}`.
pub(crate) fn get_message(
    shared: &Scope<'_>,
    raw_channel_id: &str,
    message_id: &str,
) -> Result<Reply, ApiError> {
    let mut problems = Vec::new();
    let channel_id = collect(parse_int32(raw_channel_id, "channelId"), &mut problems);
    collect(require_string(message_id, "messageId"), &mut problems);
    let (Some(channel_id), true) = (channel_id, problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };
    let message = shared.with_store(|store| {
        store
            .message(message_id)
            .filter(|m| {
                str_field(m, "type") == "MESSAGE"
                    && str_field(m, "channelId") == channel_id.to_string()
            })
            .cloned()
    });
    match message {
        Some(message) => Ok(Reply::ok_json(200, &message)),
        None => Err(ApiError::not_found(
            "messageId",
            format!("Message {message_id} was not found on channel {channel_id}"),
        )),
    }
}

/// `POST .../custom-channels`: registers a channel, 201.
pub(crate) fn create_channel(shared: &Scope<'_>, body: &[u8]) -> Result<Reply, ApiError> {
    let mut problems = Vec::new();
    let (Some(egg), true) = (
        body_of(body, &CHANNEL_CREATE, &mut problems),
        problems.is_empty(),
    ) else {
        return Err(ApiError::validation(problems));
    };
    let channel = shared.with_app(|app| {
        let id = app.new_channel_id();
        let mut channel = json!({
            "id": id.to_string(),
            "name": egg["name"],
            "capabilities": egg["capabilities"],
            "createdAt": now_rfc3339(),
        });
        copy_strings(&egg, &mut channel);
        app.channels.insert(
            id,
            ChannelRecord {
                value: channel.clone(),
                archived: false,
            },
        );
        channel
    });
    register_webhook(shared, &channel);
    Ok(Reply::ok_json(201, &channel))
}

/// A channel's `webhookUrl` is where the fake sends its webhooks, as HubSpot
/// does; `register_channel` is only the shortcut for tests that skip creating
/// the channel.
fn register_webhook(shared: &Scope<'_>, channel: &Value) {
    let id = channel["id"].as_str().and_then(|id| id.parse::<i32>().ok());
    if let (Some(id), Some(url)) = (id, channel["webhookUrl"].as_str()) {
        shared.webhooks.register(id, url.to_owned());
    }
}

/// Copies the optional string fields (and `name`, `capabilities`) present
/// in `from` onto `to`.
fn copy_strings(from: &Value, to: &mut Value) {
    let (Some(from), Some(to)) = (from.as_object(), to.as_object_mut()) else {
        return;
    };
    for name in CHANNEL_STRINGS.iter().chain(&["name", "capabilities"]) {
        if let Some(value) = from.get(*name).filter(|v| !v.is_null()) {
            to.insert((*name).to_owned(), value.clone());
        }
    }
}

/// `GET .../custom-channels`: one page of the live channels.
pub(crate) fn list_channels(
    shared: &Scope<'_>,
    version: Ver,
    q: &Query,
) -> Result<Reply, ApiError> {
    checked_query(q, Op::ListCustomChannels)?;
    let channels: Vec<Value> = shared.with_app(|app| {
        app.channels
            .values()
            .filter(|c| !c.archived)
            .map(|c| c.value.clone())
            .collect()
    });
    let link = format!("/conversations/custom-channels/{}", version.name());
    Ok(Reply::ok_json(200, &q.page(channels, true, &link)?))
}

/// Runs [`Query::check`] and turns problems into a 400.
pub(crate) fn checked_query(q: &Query, op: Op) -> Result<(), ApiError> {
    let mut problems = Vec::new();
    q.check(op, &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(problems))
    }
}

/// A live channel's id from a path parameter, or the error to answer.
fn live_channel(shared: &Scope<'_>, raw_channel_id: &str) -> Result<i32, ApiError> {
    let channel_id = parse_int32(raw_channel_id, "channelId")
        .map_err(|problem| ApiError::validation(vec![problem]))?;
    let live = shared.with_app(|app| app.channels.get(&channel_id).is_some_and(|c| !c.archived));
    if live {
        Ok(channel_id)
    } else {
        Err(channel_not_found(channel_id))
    }
}

/// `GET .../custom-channels/{channelId}`.
pub(crate) fn get_channel(shared: &Scope<'_>, raw_channel_id: &str) -> Result<Reply, ApiError> {
    let channel_id = live_channel(shared, raw_channel_id)?;
    let channel = shared.with_app(|app| app.channels[&channel_id].value.clone());
    Ok(Reply::ok_json(200, &channel))
}

/// `PATCH .../custom-channels/{channelId}`: changes the fields given.
pub(crate) fn update_channel(
    shared: &Scope<'_>,
    raw_channel_id: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let mut problems = Vec::new();
    let patch = body_of(body, &CHANNEL_PATCH, &mut problems);
    let channel_id = live_channel(shared, raw_channel_id)?;
    let (Some(patch), true) = (patch, problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };
    let channel = shared.with_app(|app| {
        let record = app.channels.get_mut(&channel_id).expect("live channel");
        copy_strings(&patch, &mut record.value);
        record.value.clone()
    });
    register_webhook(shared, &channel);
    Ok(Reply::ok_json(200, &channel))
}

/// `DELETE .../custom-channels/{channelId}`: archives it, 204.
pub(crate) fn archive_channel(shared: &Scope<'_>, raw_channel_id: &str) -> Result<Reply, ApiError> {
    let channel_id = live_channel(shared, raw_channel_id)?;
    shared.with_app(|app| {
        if let Some(record) = app.channels.get_mut(&channel_id) {
            record.archived = true;
        }
    });
    Ok(Reply::no_content())
}

/// `PATCH .../custom-channels/{channelId}/channel-account-staging-tokens/{accountToken}`.
pub(crate) fn update_staging_token(
    shared: &Scope<'_>,
    version: Ver,
    raw_channel_id: &str,
    account_token: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let schema = if version.channels().has_sender_actor_ids() {
        &STAGING_TOKEN_UPDATE_V3
    } else {
        // 2025-09 and 2026-09: `accountName` and `deliveryIdentifier`
        // are required.
        &STAGING_TOKEN_UPDATE_2026_09
    };
    let mut problems = Vec::new();
    collect(require_string(account_token, "accountToken"), &mut problems);
    let update = body_of(body, schema, &mut problems);
    let channel_id = live_channel(shared, raw_channel_id)?;
    let (Some(update), true) = (update, problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };
    let mut token = json!({
        "accountToken": account_token,
        "createdAt": now_rfc3339(),
        "genericChannelId": channel_id,
        "inboxId": seed::INBOXES[0].0.parse::<i32>().unwrap_or_default(),
        "userId": USER_ID,
    });
    if let Some(name) = update.get("accountName").filter(|v| v.is_string()) {
        token["accountName"] = name.clone();
    }
    if let Some(identifier) = update.get("deliveryIdentifier").filter(|v| v.is_object()) {
        token["deliveryIdentifier"] = delivery_identifier(identifier);
    }
    Ok(Reply::ok_json(200, &token))
}

/// `POST .../custom-channels/{channelId}/channel-accounts`, 201.
pub(crate) fn create_account(
    shared: &Scope<'_>,
    raw_channel_id: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let mut problems = Vec::new();
    let egg = body_of(body, &CHANNEL_ACCOUNT_EGG, &mut problems);
    if let Some(egg) = &egg
        && problems.is_empty()
        && seed::inbox(str_field(egg, "inboxId")).is_none()
    {
        problems.push(ErrorDetail::new(
            INVALID_VALUE,
            "inboxId",
            format!("Inbox '{}' does not exist", str_field(egg, "inboxId")),
        ));
    }
    let channel_id = live_channel(shared, raw_channel_id)?;
    let (Some(egg), true) = (egg, problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };
    let account = shared.with_store(|store| {
        let id = store.new_channel_account_id();
        let mut account = json!({
            "id": id.to_string(),
            "channelId": channel_id.to_string(),
            "inboxId": egg["inboxId"],
            "name": egg["name"],
            "authorized": egg["authorized"],
            "active": true,
            "archived": false,
            "createdAt": now_rfc3339(),
        });
        if let Some(identifier) = egg.get("deliveryIdentifier").filter(|v| v.is_object()) {
            account["deliveryIdentifier"] = delivery_identifier(identifier);
        }
        store.channel_accounts.insert(id, account.clone());
        account
    });
    Ok(Reply::ok_json(201, &account))
}

/// `GET .../custom-channels/{channelId}/channel-accounts`: one page.
pub(crate) fn list_accounts(
    shared: &Scope<'_>,
    version: Ver,
    raw_channel_id: &str,
    q: &Query,
) -> Result<Reply, ApiError> {
    checked_query(q, Op::ListCustomChannelAccounts)?;
    let channel_id = live_channel(shared, raw_channel_id)?;
    let archived = q.flag("archived");
    let types = q.all("deliveryIdentifierType");
    let values = q.all("deliveryIdentifierValue");
    let accounts: Vec<Value> = shared.with_store(|store| {
        store
            .channel_accounts
            .values()
            .filter(|a| str_field(a, "channelId") == channel_id.to_string())
            .filter(|a| a["archived"] == archived)
            .filter(|a| {
                types.is_empty() || types.contains(&str_field(&a["deliveryIdentifier"], "type"))
            })
            .filter(|a| {
                values.is_empty() || values.contains(&str_field(&a["deliveryIdentifier"], "value"))
            })
            .cloned()
            .collect()
    });
    let link = format!(
        "{}/channel-accounts",
        version.channels().channel_path(channel_id)
    );
    Ok(Reply::ok_json(200, &q.page(accounts, true, &link)?))
}

/// `GET .../channel-accounts/{channelAccountId}`, under a custom channel
/// (`raw_channel_id`) or in the inbox API (`None`).
pub(crate) fn get_account(
    shared: &Scope<'_>,
    raw_channel_id: Option<&str>,
    raw_account_id: &str,
    q: &Query,
) -> Result<Reply, ApiError> {
    let op = if raw_channel_id.is_some() {
        Op::GetCustomChannelAccount
    } else {
        Op::GetChannelAccount
    };
    checked_query(q, op)?;
    let account_id = parse_int64(raw_account_id, "channelAccountId")
        .map_err(|problem| ApiError::validation(vec![problem]))?;
    let channel_id = raw_channel_id
        .map(|raw| live_channel(shared, raw))
        .transpose()?;
    let archived = q.flag("archived");
    let account = shared.with_store(|store| store.channel_accounts.get(&account_id).cloned());
    match account.filter(|a| {
        channel_id.is_none_or(|c| str_field(a, "channelId") == c.to_string())
            && (archived || a["archived"] == false)
    }) {
        Some(account) => Ok(Reply::ok_json(200, &account)),
        None => Err(ApiError::not_found(
            "channelAccountId",
            format!("Channel account {account_id} was not found"),
        )),
    }
}

/// `PATCH .../custom-channels/{channelId}/channel-accounts/{channelAccountId}`.
pub(crate) fn update_account(
    shared: &Scope<'_>,
    raw_channel_id: &str,
    raw_account_id: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let mut problems = Vec::new();
    let account_id = collect(
        parse_int64(raw_account_id, "channelAccountId"),
        &mut problems,
    );
    let update = body_of(body, &CHANNEL_ACCOUNT_UPDATE, &mut problems);
    let channel_id = live_channel(shared, raw_channel_id)?;
    let (Some(account_id), Some(update), true) = (account_id, update, problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };
    let updated = shared.with_store(|store| {
        let account = store
            .channel_accounts
            .get_mut(&account_id)
            .filter(|a| str_field(a, "channelId") == channel_id.to_string())?;
        for name in ["name", "authorized"] {
            if let Some(value) = update.get(name).filter(|v| !v.is_null()) {
                account[name] = value.clone();
            }
        }
        Some(account.clone())
    });
    match updated {
        Some(account) => Ok(Reply::ok_json(200, &account)),
        None => Err(ApiError::not_found(
            "channelAccountId",
            format!("Channel account {account_id} was not found on channel {channel_id}"),
        )),
    }
}

/// `POST /visitor-identification/.../tokens/create`: a fresh token.
/// `hsCustomerAgentContext` is required in `v3` and `2026-03`; `2025-09`
/// and `2026-09` do not have it.
pub(crate) fn visitor_token(
    shared: &Scope<'_>,
    version: Ver,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let schema = match version {
        Ver::V3 | Ver::V2026_03 => &TOKEN_REQUEST,
        Ver::V2025_09 | Ver::V2026_09 => &TOKEN_REQUEST_2025_09,
    };
    let mut problems = Vec::new();
    let (Some(request), true) = (body_of(body, schema, &mut problems), problems.is_empty()) else {
        return Err(ApiError::validation(problems));
    };
    let serial = shared.with_store(|store| {
        store.tokens_issued += 1;
        store.tokens_issued
    });
    let email: String = str_field(&request, "email")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let mut token = Map::new();
    token.insert(
        "token".into(),
        Value::String(format!("fake-visitor-token-{serial}-{email}")),
    );
    Ok(Reply::ok_json(200, &Value::Object(token)))
}
