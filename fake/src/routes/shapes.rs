//! Building the response shapes (`PublicConversationsMessage`,
//! `PublicComment` and their parts) from validated request bodies.

use serde_json::{Map, Value, json};

use crate::schema::{Obj, Union};

/// `integrationAppId` of the (single, imaginary) app that owns every
/// channel and posts every integration message on the fake, unless
/// configured otherwise ([`OAuthApp::app_id`](crate::OAuthApp::app_id)).
pub(crate) const INTEGRATION_APP_ID: i32 = 1_234_567;

/// The HubSpot account (portal) id the fake pretends to be.
pub(crate) const PORTAL_ID: i64 = 62_515;

/// The `client` of messages the app `app_id` creates through the APIs the
/// fake serves.
pub(crate) fn integration_client(app_id: i32) -> Value {
    json!({ "clientType": "INTEGRATION", "integrationAppId": app_id })
}

/// The actor id of the integration (app) `app_id` itself.
pub(crate) fn integration_actor_id(app_id: i32) -> String {
    format!("I-{app_id}")
}

/// A string property of a validated body (empty if absent).
pub(crate) fn str_field<'a>(value: &'a Value, name: &str) -> &'a str {
    value.get(name).and_then(Value::as_str).unwrap_or_default()
}

/// An optional string property (absent or `null` gives `None`).
pub(crate) fn opt_str<'a>(value: &'a Value, name: &str) -> Option<&'a str> {
    value.get(name).and_then(Value::as_str)
}

/// The items of an array property (empty if absent).
pub(crate) fn items<'a>(value: &'a Value, name: &str) -> &'a [Value] {
    value
        .get(name)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// Inserts `value` under `name` if it is `Some`.
pub(crate) fn insert_opt(map: &mut Map<String, Value>, name: &str, value: Option<&str>) {
    if let Some(v) = value {
        map.insert(name.to_string(), Value::String(v.to_string()));
    }
}

/// A `PublicDeliveryIdentifier` with just its two properties.
pub(crate) fn delivery_identifier(value: &Value) -> Value {
    json!({ "type": str_field(value, "type"), "value": str_field(value, "value") })
}

/// A `ChannelIntegrationParticipant` as a `PublicSender` /
/// `PublicRecipient`: `deliveryIdentifier`, `name`, and `actorId` (from
/// `senderActorId`, in the versions whose schema has it) when given.
pub(crate) fn participant(value: &Value, has_sender_actor_id: bool) -> Value {
    let mut out = Map::new();
    if let Some(actor) = opt_str(value, "senderActorId").filter(|_| has_sender_actor_id) {
        out.insert("actorId".into(), Value::String(actor.to_string()));
    }
    out.insert(
        "deliveryIdentifier".into(),
        delivery_identifier(value.get("deliveryIdentifier").unwrap_or(&Value::Null)),
    );
    insert_opt(&mut out, "name", opt_str(value, "name"));
    Value::Object(out)
}

/// A validated attachment egg as the matching response attachment: its
/// known, non-null properties, plus the properties the response shape
/// requires and the egg lacks (`fileUsageType` `OTHER` on files,
/// `allowMultiSelect` / `allowUserInput` `false` on quick replies).
pub(crate) fn attachment(value: &Value, union: &Union) -> Value {
    let tag = str_field(value, "type");
    let mut out = union
        .variant(tag)
        .map(|obj| known_properties(value, obj))
        .unwrap_or_default();
    match tag {
        "FILE" => {
            out.entry("fileUsageType")
                .or_insert_with(|| Value::String("OTHER".into()));
        }
        "QUICK_REPLIES" => {
            out.entry("allowMultiSelect").or_insert(Value::Bool(false));
            out.entry("allowUserInput").or_insert(Value::Bool(false));
        }
        _ => {}
    }
    Value::Object(out)
}

/// The schema's properties present (and not `null`) in `value`.
fn known_properties(value: &Value, obj: &Obj) -> Map<String, Value> {
    obj.fields
        .iter()
        .filter_map(|field| {
            value
                .get(field.name)
                .filter(|v| !v.is_null())
                .map(|v| (field.name.to_string(), v.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{CHANNEL_ATTACHMENT, EGG_ATTACHMENT};

    #[test]
    fn attachments_get_required_defaults() {
        let file = attachment(
            &json!({"type": "FILE", "fileId": "1", "junk": 1}),
            &EGG_ATTACHMENT,
        );
        assert_eq!(
            file,
            json!({"type": "FILE", "fileId": "1", "fileUsageType": "OTHER"})
        );
        let file = attachment(
            &json!({"type": "FILE", "fileId": "1", "fileUsageType": "IMAGE"}),
            &CHANNEL_ATTACHMENT,
        );
        assert_eq!(file["fileUsageType"], "IMAGE");
        let quick = attachment(
            &json!({"type": "QUICK_REPLIES", "quickReplies": []}),
            &CHANNEL_ATTACHMENT,
        );
        assert_eq!(quick["allowMultiSelect"], false);
        assert_eq!(quick["allowUserInput"], false);
    }

    #[test]
    fn participants_map_sender_actor_id() {
        let egg = json!({
            "deliveryIdentifier": {"type": "HS_EMAIL_ADDRESS", "value": "a@b.c"},
            "name": "A",
            "senderActorId": "V-1",
        });
        assert!(participant(&egg, false).get("actorId").is_none());
        let p = participant(&egg, true);
        assert_eq!(
            p,
            json!({
                "actorId": "V-1",
                "deliveryIdentifier": {"type": "HS_EMAIL_ADDRESS", "value": "a@b.c"},
                "name": "A",
            })
        );
    }
}
