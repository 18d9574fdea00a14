//! Beyond names: every declared endpoint, fully populated, serializes to a
//! body HubSpot's own JSON schema accepts, with every optional field and
//! every union variant exercised; and a maximal instance of every success
//! response the spec describes decodes into the declared response type.
//!
//! Instances are generated from the spec: every property present, one
//! element per array (one per variant for an array of a union), the first
//! enum value, each variant of a union. The spec's `#/components/schemas`
//! are embedded into the schema handed to the validator, so its `$ref`s
//! resolve. Two readings are applied to the spec first, both documented in
//! `hubspot_specs_support::schema::fixed_components`. Skips, with a
//! message, when the specs are absent (fails under CI).

#[allow(dead_code)]
mod conformance;

use std::fmt::Debug;

use hubspot_api::conversations::custom_channels::{
    channel_accounts as cc_accounts, channels as cc_channels, messages as cc_messages,
};
use hubspot_api::conversations::models::{DeliveryIdentifierType, ThreadStatus};
use hubspot_api::conversations::threads::ThreadAssociation;
use hubspot_api::conversations::{actors, channel_accounts, channels, inboxes, threads};
use hubspot_api::{Endpoint, oauth, visitor_identification};
use hubspot_runtime::endpoint::Query;
use hubspot_specs_support::schema::{
    DATE_TIME, assert_valid, fixed_components, instances, resolve,
};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// The spec operation `version METHOD path`: its document and operation.
fn operation<'a>(
    specs: &'a conformance::LoadedSpecs,
    version: hubspot_api::ApiVersion,
    method: &str,
    path: &str,
) -> (&'a Value, &'a Value) {
    for (file, doc) in &specs.files {
        if conformance::spec::version_from_file_name(file).ok() != Some(version) {
            continue;
        }
        if let Some(op) = doc["paths"]
            .get(path)
            .and_then(|item| item.get(method.to_lowercase()))
        {
            return (doc, op);
        }
    }
    panic!("no spec operation {version} {method} {path}")
}

fn json_schema(content_holder: &Value) -> Option<&Value> {
    content_holder
        .get("content")?
        .get("application/json")?
        .get("schema")
}

/// The `application/x-www-form-urlencoded` schema of a request body.
fn form_schema(content_holder: &Value) -> Option<&Value> {
    content_holder
        .get("content")?
        .get("application/x-www-form-urlencoded")?
        .get("schema")
}

/// A form body as the JSON object of strings its schema describes.
fn form_json(bytes: &[u8]) -> Value {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(bytes).expect("the form body decodes");
    Value::Object(
        pairs
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect(),
    )
}

/// `m[key]` decoded as `T`: a body field taken from the maximal instance.
fn take<T: DeserializeOwned>(m: &Value, key: &str) -> T {
    serde_json::from_value(m[key].clone())
        .unwrap_or_else(|e| panic!("the spec's `{key}` ({}) does not decode: {e}", m[key]))
}

/// The whole instance `m` decoded as `T`: a body that is one value.
fn whole<T: DeserializeOwned>(m: &Value) -> T {
    serde_json::from_value(m.clone())
        .unwrap_or_else(|e| panic!("the spec's body ({m}) does not decode: {e}"))
}

/// A query-string value as the JSON the parameter's schema describes.
fn query_json(components: &Value, schema: &Value, raw: &str) -> Value {
    let schema = resolve(components, schema);
    match schema.get("type").and_then(Value::as_str) {
        Some("integer") => json!(raw.parse::<i64>().expect("an integer")),
        Some("number") => json!(raw.parse::<f64>().expect("a number")),
        Some("boolean") => json!(raw.parse::<bool>().expect("a boolean")),
        _ => json!(raw),
    }
}

/// Checks one endpoint at every version it declares: `build` makes a fully
/// populated request from the maximal body instance (or `null`).
fn check<E>(specs: &conformance::LoadedSpecs, build: impl Fn(&Value) -> E)
where
    E: Endpoint,
    E::Response: Debug,
{
    let info = E::INFO;
    for path in info.paths {
        let label = format!(
            "{} {} {} {}",
            info.name, path.version, info.method, path.template
        );
        let (doc, op) = operation(specs, path.version, info.method.as_str(), path.template);
        let components = fixed_components(doc);

        // Requests: body equal to the maximal instance, and valid.
        let body_schema = if E::FORM {
            op.get("requestBody").and_then(form_schema)
        } else {
            op.get("requestBody").and_then(json_schema)
        };
        let bodies = match body_schema {
            Some(schema) => instances(&components, schema),
            None => vec![Value::Null],
        };
        for m in &bodies {
            let request = build(m);
            let body = request.body().expect("the body serializes");
            match (body_schema, body) {
                (None, None) => {}
                (Some(schema), Some(bytes)) => {
                    let sent: Value = if E::FORM {
                        form_json(&bytes)
                    } else {
                        serde_json::from_slice(&bytes).unwrap()
                    };
                    assert_eq!(
                        &sent, m,
                        "{label}: the body must carry every field of the maximal instance"
                    );
                    assert_valid(&components, schema, &sent, &format!("{label} request body"));
                }
                (spec, ours) => panic!("{label}: spec body {spec:?}, sent {ours:?}"),
            }

            // Query: every spec parameter set, each value valid.
            let mut query = Query::default();
            request.query(&mut query);
            for param in op["parameters"].as_array().into_iter().flatten() {
                if param["in"] != "query" {
                    continue;
                }
                let name = param["name"].as_str().unwrap();
                let values: Vec<&String> = query
                    .pairs()
                    .iter()
                    .filter(|(n, _)| *n == name)
                    .map(|(_, v)| v)
                    .collect();
                assert!(
                    !values.is_empty(),
                    "{label}: the fully populated request lacks query `{name}`"
                );
                let schema = &param["schema"];
                let value = if schema["type"] == "array" {
                    Value::Array(
                        values
                            .iter()
                            .map(|v| query_json(&components, &schema["items"], v))
                            .collect(),
                    )
                } else {
                    assert_eq!(values.len(), 1, "{label}: query `{name}` repeated");
                    query_json(&components, schema, values[0])
                };
                assert_valid(
                    &components,
                    schema,
                    &value,
                    &format!("{label} query `{name}`"),
                );
            }
        }

        // Responses: every 2xx body decodes, each union variant included.
        let mut decoded_any = false;
        for (status, response) in op["responses"].as_object().unwrap() {
            if !status.starts_with('2') {
                continue;
            }
            decoded_any = true;
            let response = resolve(&components, response);
            let Some(schema) = json_schema(response) else {
                serde_json::from_value::<E::Response>(Value::Null).unwrap_or_else(|e| {
                    panic!("{label}: a {status} without content does not decode: {e}")
                });
                continue;
            };
            for instance in instances(&components, schema) {
                assert_valid(
                    &components,
                    schema,
                    &instance,
                    &format!("{label} generated {status} instance"),
                );
                let decoded: E::Response =
                    serde_json::from_value(instance.clone()).unwrap_or_else(|e| {
                        panic!(
                            "{label}: the spec's {status} body does not decode: {e}\n{instance:#}"
                        )
                    });
                let debug = format!("{decoded:?}");
                assert!(
                    !debug.contains("Unknown("),
                    "{label}: a value the spec lists decoded as Unknown: {debug}"
                );
            }
        }
        // HubSpot's OAuth specs document some operations with only a
        // `default` answer (the conformance test's allow-list says which);
        // every other operation documents a success.
        assert!(
            decoded_any || path.template.starts_with("/oauth/"),
            "{label}: the spec has no 2xx response"
        );
    }
}

#[test]
fn every_endpoint_serializes_and_decodes_what_the_spec_describes() {
    let Some(specs) = conformance::load_specs() else {
        return;
    };
    let s = &specs;
    let after = || "cursor-1".to_owned();
    let sort = || vec!["createdAt".to_owned()];

    // Custom channels: channels.
    check(s, |m| {
        cc_channels::CreateCustomChannel::builder()
            .name(take::<String>(m, "name"))
            .capabilities(take::<std::collections::HashMap<_, _>>(m, "capabilities"))
            .webhook_url(take::<String>(m, "webhookUrl"))
            .channel_description(take::<String>(m, "channelDescription"))
            .channel_logo_url(take::<String>(m, "channelLogoUrl"))
            .channel_account_connection_redirect_url(take::<String>(
                m,
                "channelAccountConnectionRedirectUrl",
            ))
            .build()
    });
    check(s, |_| {
        cc_channels::ListCustomChannels::builder()
            .after(after())
            .default_page_length(20)
            .limit(10)
            .sort(sort())
            .build()
    });
    check(s, |_| {
        cc_channels::GetCustomChannel::builder()
            .channel_id(1)
            .build()
    });
    check(s, |m| {
        cc_channels::UpdateCustomChannel::builder()
            .channel_id(1)
            .name(take::<String>(m, "name"))
            .capabilities(take::<std::collections::HashMap<_, _>>(m, "capabilities"))
            .webhook_url(take::<String>(m, "webhookUrl"))
            .channel_description(take::<String>(m, "channelDescription"))
            .channel_logo_url(take::<String>(m, "channelLogoUrl"))
            .channel_account_connection_redirect_url(take::<String>(
                m,
                "channelAccountConnectionRedirectUrl",
            ))
            .build()
    });
    check(s, |_| {
        cc_channels::ArchiveCustomChannel::builder()
            .channel_id(1)
            .build()
    });

    // Custom channels: accounts and staging tokens.
    check(s, |m| {
        cc_accounts::CreateChannelAccount::builder()
            .channel_id(1)
            .name(take::<String>(m, "name"))
            .inbox_id(take::<String>(m, "inboxId"))
            .authorized(take::<bool>(m, "authorized"))
            .delivery_identifier(take::<
                hubspot_api::conversations::models::PublicDeliveryIdentifier,
            >(m, "deliveryIdentifier"))
            .build()
    });
    check(s, |_| {
        cc_accounts::ListCustomChannelAccounts::builder()
            .channel_id(1)
            .after(after())
            .archived(false)
            .default_page_length(20)
            .delivery_identifier_type(vec![DeliveryIdentifierType::HsPhoneNumber])
            .delivery_identifier_value(vec!["+15550100".to_owned()])
            .limit(10)
            .sort(sort())
            .build()
    });
    check(s, |_| {
        cc_accounts::GetCustomChannelAccount::builder()
            .channel_id(1)
            .channel_account_id(2)
            .archived(false)
            .build()
    });
    check(s, |m| {
        cc_accounts::UpdateChannelAccount::builder()
            .channel_id(1)
            .channel_account_id(2)
            .name(take::<String>(m, "name"))
            .authorized(take::<bool>(m, "authorized"))
            .build()
    });
    check(s, |m| {
        cc_accounts::UpdateChannelAccountStagingToken::builder()
            .channel_id(1)
            .account_token("token")
            .account_name(take::<String>(m, "accountName"))
            .delivery_identifier(take::<
                hubspot_api::conversations::models::PublicDeliveryIdentifier,
            >(m, "deliveryIdentifier"))
            .build()
    });
    check(s, |m| {
        cc_accounts::v2026_09::UpdateChannelAccountStagingToken::builder()
            .channel_id(1)
            .account_token("token")
            .account_name(take::<String>(m, "accountName"))
            .delivery_identifier(take::<
                hubspot_api::conversations::models::PublicDeliveryIdentifier,
            >(m, "deliveryIdentifier"))
            .build()
    });

    // Custom channels: messages.
    check(s, |m| {
        cc_messages::PublishMessage::builder()
            .channel_id(1)
            .text(take::<String>(m, "text"))
            .message_direction(take::<cc_messages::MessageDirection>(m, "messageDirection"))
            .channel_account_id(take::<String>(m, "channelAccountId"))
            .senders(take::<Vec<cc_messages::ChannelIntegrationParticipant>>(
                m, "senders",
            ))
            .recipients(take::<Vec<cc_messages::ChannelIntegrationParticipant>>(
                m,
                "recipients",
            ))
            .attachments(take::<Vec<cc_messages::IntegrationAttachment>>(
                m,
                "attachments",
            ))
            .timestamp(take::<hubspot_runtime::DateTime>(m, "timestamp"))
            .rich_text(take::<String>(m, "richText"))
            .integration_idempotency_id(take::<String>(m, "integrationIdempotencyId"))
            .integration_thread_id(take::<String>(m, "integrationThreadId"))
            .in_reply_to_id(take::<String>(m, "inReplyToId"))
            .associate_with_contact_id(take::<i64>(m, "associateWithContactId"))
            .pre_resolved_contacts(take::<cc_messages::PreResolvedContacts>(
                m,
                "preResolvedContacts",
            ))
            .build()
    });
    check(s, |m| {
        cc_messages::v2026_09::PublishMessage::builder()
            .channel_id(1)
            .text(take::<String>(m, "text"))
            .message_direction(take::<cc_messages::MessageDirection>(m, "messageDirection"))
            .channel_account_id(take::<String>(m, "channelAccountId"))
            .senders(take::<
                Vec<cc_messages::v2026_09::ChannelIntegrationParticipant>,
            >(m, "senders"))
            .recipients(take::<
                Vec<cc_messages::v2026_09::ChannelIntegrationParticipant>,
            >(m, "recipients"))
            .attachments(take::<Vec<cc_messages::IntegrationAttachment>>(
                m,
                "attachments",
            ))
            .timestamp(take::<hubspot_runtime::DateTime>(m, "timestamp"))
            .rich_text(take::<String>(m, "richText"))
            .integration_idempotency_id(take::<String>(m, "integrationIdempotencyId"))
            .integration_thread_id(take::<String>(m, "integrationThreadId"))
            .in_reply_to_id(take::<String>(m, "inReplyToId"))
            .associate_with_contact_id(take::<i64>(m, "associateWithContactId"))
            .pre_resolved_contacts(take::<cc_messages::v2026_09::PreResolvedContacts>(
                m,
                "preResolvedContacts",
            ))
            .build()
    });
    check(s, |_| {
        cc_messages::GetCustomChannelMessage::builder()
            .channel_id(1)
            .message_id("m-1")
            .build()
    });
    check(s, |m| {
        cc_messages::UpdateMessageStatus::builder()
            .channel_id(1)
            .message_id("m-1")
            .status_type(take::<cc_messages::MessageStatusUpdate>(m, "statusType"))
            .error_message(take::<String>(m, "errorMessage"))
            .build()
    });
    check(s, |m| {
        cc_messages::v2026_09::UpdateMessageStatus::builder()
            .channel_id(1)
            .message_id("m-1")
            .status_type(take::<cc_messages::MessageStatusUpdate>(m, "statusType"))
            .error_message(take::<String>(m, "errorMessage"))
            .build()
    });

    // Inbox: actors, channels, channel accounts, inboxes.
    check(s, |_| {
        actors::GetActor::builder()
            .actor_id("A-1")
            .property("name")
            .build()
    });
    check(s, |m| {
        actors::BatchReadActors::builder()
            .inputs(take::<Vec<String>>(m, "inputs"))
            .property("name")
            .build()
    });
    check(s, |_| {
        channels::ListChannels::builder()
            .after(after())
            .default_page_length(20)
            .limit(10)
            .sort(sort())
            .build()
    });
    check(s, |_| channels::GetChannel::builder().channel_id(1).build());
    check(s, |_| {
        channel_accounts::ListChannelAccounts::builder()
            .after(after())
            .archived(false)
            .channel_id(vec![1, 2])
            .default_page_length(20)
            .inbox_id(vec![3])
            .limit(10)
            .sort(sort())
            .build()
    });
    check(s, |_| {
        channel_accounts::GetChannelAccount::builder()
            .channel_account_id(2)
            .archived(false)
            .build()
    });
    check(s, |_| {
        inboxes::ListInboxes::builder()
            .after(after())
            .archived(false)
            .default_page_length(20)
            .limit(10)
            .sort(sort())
            .build()
    });
    check(s, |_| {
        inboxes::GetInbox::builder()
            .inbox_id(3)
            .archived(false)
            .build()
    });

    // Inbox: threads and their messages.
    check(s, |_| {
        threads::ListThreads::builder()
            .after(after())
            .archived(false)
            .associated_contact_id(9)
            .associated_ticket_id(8)
            .association(vec![ThreadAssociation::Ticket])
            .inbox_id(vec![3])
            .latest_message_timestamp_after(DATE_TIME.parse::<hubspot_runtime::DateTime>().unwrap())
            .limit(10)
            .property("status")
            .sort(sort())
            .thread_status(ThreadStatus::Open)
            .build()
    });
    check(s, |_| {
        threads::GetThread::builder()
            .thread_id(5)
            .archived(false)
            .association(vec![ThreadAssociation::Ticket])
            .property("status")
            .build()
    });
    check(s, |m| {
        threads::UpdateThread::builder()
            .thread_id(5)
            .in_archive(false)
            .archived(take::<bool>(m, "archived"))
            .status(take::<ThreadStatus>(m, "status"))
            .build()
    });
    check(s, |_| {
        threads::ArchiveThread::builder().thread_id(5).build()
    });
    check(s, |m| {
        threads::AssignThread::builder()
            .thread_id(5)
            .actor_id(take::<String>(m, "actorId"))
            .build()
    });
    check(s, |_| {
        threads::UnassignThread::builder().thread_id(5).build()
    });
    check(s, |_| {
        threads::messages::ListThreadMessages::builder()
            .thread_id(5)
            .after(after())
            .archived(false)
            .limit(10)
            .property("text")
            .sort(sort())
            .build()
    });
    // The body is a union: one request per variant (message and comment).
    check(s, |m| {
        threads::messages::SendThreadMessage::builder()
            .thread_id(5)
            .message(whole::<threads::messages::PublicMessageEgg>(m))
            .build()
    });
    check(s, |_| {
        threads::messages::GetThreadMessage::builder()
            .thread_id(5)
            .message_id("m-1")
            .property("text")
            .build()
    });
    check(s, |_| {
        threads::messages::GetOriginalMessageContent::builder()
            .thread_id(5)
            .message_id("m-1")
            .property("text")
            .build()
    });

    // Visitor identification.
    check(s, |m| {
        visitor_identification::GenerateVisitorToken::builder()
            .email(take::<String>(m, "email"))
            .hs_customer_agent_context(take::<std::collections::HashMap<_, _>>(
                m,
                "hsCustomerAgentContext",
            ))
            .first_name(take::<String>(m, "firstName"))
            .last_name(take::<String>(m, "lastName"))
            .build()
    });
    check(s, |m| {
        visitor_identification::v2025_09::GenerateVisitorToken::builder()
            .email(take::<String>(m, "email"))
            .first_name(take::<String>(m, "firstName"))
            .last_name(take::<String>(m, "lastName"))
            .build()
    });

    // OAuth: tokens, introspection, revocation (form bodies).
    check(s, |m| {
        oauth::CreateToken::builder()
            .grant_type(take::<oauth::GrantType>(m, "grant_type"))
            .client_id(take::<String>(m, "client_id"))
            .client_secret(take::<String>(m, "client_secret"))
            .code(take::<String>(m, "code"))
            .redirect_uri(take::<String>(m, "redirect_uri"))
            .refresh_token(take::<String>(m, "refresh_token"))
            .code_verifier(take::<String>(m, "code_verifier"))
            .scope(take::<String>(m, "scope"))
            .client_assertion(take::<String>(m, "client_assertion"))
            .client_assertion_type(take::<String>(m, "client_assertion_type"))
            .build()
    });
    check(s, |m| {
        oauth::v2026_09::CreateToken::builder()
            .grant_type(take::<oauth::v2026_09::GrantType>(m, "grant_type"))
            .client_id(take::<String>(m, "client_id"))
            .client_secret(take::<String>(m, "client_secret"))
            .code(take::<String>(m, "code"))
            .redirect_uri(take::<String>(m, "redirect_uri"))
            .refresh_token(take::<String>(m, "refresh_token"))
            .code_verifier(take::<String>(m, "code_verifier"))
            .scope(take::<String>(m, "scope"))
            .build()
    });
    check(s, |m| {
        oauth::IntrospectToken::builder()
            .client_id(take::<String>(m, "client_id"))
            .client_secret(take::<String>(m, "client_secret"))
            .token(take::<String>(m, "token"))
            .token_type_hint(take::<String>(m, "token_type_hint"))
            .build()
    });
    check(s, |m| {
        oauth::v2026_09::IntrospectToken::builder()
            .client_id(take::<String>(m, "client_id"))
            .client_secret(take::<String>(m, "client_secret"))
            .token(take::<String>(m, "token"))
            .token_type_hint(take::<String>(m, "token_type_hint"))
            .build()
    });
    check(s, |m| {
        oauth::RevokeToken::builder()
            .client_id(take::<String>(m, "client_id"))
            .client_secret(take::<String>(m, "client_secret"))
            .token(take::<String>(m, "token"))
            .token_type_hint(take::<String>(m, "token_type_hint"))
            .build()
    });

    assert_eq!(
        hubspot_api::ENDPOINTS.len(),
        41,
        "a new endpoint needs a check above"
    );
}
