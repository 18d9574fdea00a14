//! Declared endpoints against HubSpot's official OpenAPI specs.
//!
//! The specs live outside the repository (`../shared/hubspot-specs`, or
//! `$HUBSPOT_SPECS_DIR`); without them the spec-reading tests print a
//! "skipping" line and pass. The self-tests below use small inline fixtures
//! and always run: they prove the checker accepts a correct declaration and
//! reports each deliberate mistake in a wrong one.

mod conformance;

use std::collections::BTreeSet;

use conformance::{Allowance, Coverage, Report};
use hubspot_runtime::ApiVersion;
use hubspot_runtime::schema::{
    AuthScheme, BodyInfo, EndpointInfo, EnumInfo, FieldInfo, Method, ObjectInfo, Schema, TypeInfo,
    UnionInfo, UnionVariantInfo, VersionedPath,
};
use serde_json::{Value, json};

/// `Allowance`s for many (version, method, path, field)s sharing a reason.
macro_rules! allowances {
    ($($reason:literal => {
        $($version:literal $method:literal $path:literal : [$($field:literal),* $(,)?]),* $(,)?
    }),* $(,)?) => {
        &[$($($(Allowance {
            version: $version,
            method: $method,
            path: $path,
            field: $field,
            reason: $reason,
        },)*)*)*]
    };
}

/// Mismatches the project accepts. Each entry matches one
/// `(version, method, path, json path)` exactly and says why; stale entries
/// are printed as warnings.
const ALLOWED: &[Allowance] = allowances![
    // `PublicConversationsMessage` is one Rust type for two spec uses: the
    // MESSAGE variant of the `PublicMessage` union (whose tag `type` the
    // union reads and writes, so the object leaves it out) and the
    // custom-channels publish/update/get response, where the spec lists the
    // same constant `type: "MESSAGE"` as a plain required property. The
    // response decodes fine without it (unknown fields are ignored), so the
    // project keeps one type instead of a tag-carrying copy.
    "constant `type: MESSAGE` of the shared PublicConversationsMessage (union tag elsewhere)" => {
        "v3" "POST" "/conversations/v3/custom-channels/{channelId}/messages": ["response.type"],
        "2025-09" "POST" "/conversations/custom-channels/2025-09/{channelId}/messages": ["response.type"],
        "2026-03" "POST" "/conversations/custom-channels/2026-03/{channelId}/messages": ["response.type"],
        "2026-09" "POST" "/conversations/custom-channels/2026-09/{channelId}/messages": ["response.type"],
        "v3" "PATCH" "/conversations/v3/custom-channels/{channelId}/messages/{messageId}": ["response.type"],
        "2025-09" "PATCH" "/conversations/custom-channels/2025-09/{channelId}/messages/{messageId}": ["response.type"],
        "2026-03" "PATCH" "/conversations/custom-channels/2026-03/{channelId}/messages/{messageId}": ["response.type"],
        "2026-09" "PATCH" "/conversations/custom-channels/2026-09/{channelId}/messages/{messageId}": ["response.type"],
        "v3" "GET" "/conversations/v3/custom-channels/{channelId}/messages/{messageId}": ["response.type"],
        "2025-09" "GET" "/conversations/custom-channels/2025-09/{channelId}/messages/{messageId}": ["response.type"],
        "2026-03" "GET" "/conversations/custom-channels/2026-03/{channelId}/messages/{messageId}": ["response.type"],
        "2026-09" "GET" "/conversations/custom-channels/2026-09/{channelId}/messages/{messageId}": ["response.type"],
    },
    // The spec contradicts itself on `PublicChannelIntegrationChannelPatch`:
    // every field is "required" and typed as an empty object
    // (`{type: object, properties: {}}`), while the same fields are plain
    // strings (and optional) in `PublicChannelIntegrationChannel` and
    // `...ChannelCreate`. That is what a Java `Optional<String>` looks like
    // through HubSpot's schema generator: on the wire each field is an
    // optional string, and a PATCH that had to resend every field would not
    // be a patch. Decision: declare them as optional strings (and
    // `capabilities` as an optional map), as the channel itself has them.
    // The schema-validation test applies the same reading to the spec.
    "PublicChannelIntegrationChannelPatch: the spec's all-required empty objects are Optional<String>s; declared as optional strings" => {
        "v3" "PATCH" "/conversations/v3/custom-channels/{channelId}": [
            "body.capabilities", "body.channelAccountConnectionRedirectUrl", "body.channelDescription",
            "body.channelLogoUrl", "body.name", "body.webhookUrl",
        ],
        "2025-09" "PATCH" "/conversations/custom-channels/2025-09/{channelId}": [
            "body.capabilities", "body.channelAccountConnectionRedirectUrl", "body.channelDescription",
            "body.channelLogoUrl", "body.name", "body.webhookUrl",
        ],
        "2026-03" "PATCH" "/conversations/custom-channels/2026-03/{channelId}": [
            "body.capabilities", "body.channelAccountConnectionRedirectUrl", "body.channelDescription",
            "body.channelLogoUrl", "body.name", "body.webhookUrl",
        ],
        "2026-09" "PATCH" "/conversations/custom-channels/2026-09/{channelId}": [
            "body.capabilities", "body.channelAccountConnectionRedirectUrl", "body.channelDescription",
            "body.channelLogoUrl", "body.name", "body.webhookUrl",
        ],
    },
    // HubSpot's OAuth specs mark no form field required, yet the token,
    // introspection and revocation endpoints refuse a request without the
    // app's credentials, the grant type or the token (RFC 6749 sections
    // 4.1.3 and 6, RFC 7662 section 2.1, RFC 7009 section 2.1, and the
    // fake's `invalid_request` answers). Declared required, so that the
    // compiler asks for them; the grant-specific fields (`code`,
    // `redirect_uri`, `refresh_token`) stay optional.
    "OAuth form fields HubSpot requires although the spec marks none required" => {
        "v3" "POST" "/oauth/v3/token": ["body.client_id", "body.client_secret", "body.grant_type"],
        "2026-03" "POST" "/oauth/2026-03/token": ["body.client_id", "body.client_secret", "body.grant_type"],
        "2026-09" "POST" "/oauth/2026-09/token": ["body.client_id", "body.client_secret", "body.grant_type"],
        "v3" "POST" "/oauth/v3/token/introspect": ["body.client_id", "body.client_secret", "body.token"],
        "2026-03" "POST" "/oauth/2026-03/token/introspect": ["body.client_id", "body.client_secret", "body.token"],
        "2026-09" "POST" "/oauth/2026-09/token/introspect": ["body.client_id", "body.client_secret", "body.token"],
        "v3" "POST" "/oauth/v3/token/revoke": ["body.client_id", "body.client_secret", "body.token"],
        "2026-03" "POST" "/oauth/2026-03/token/revoke": ["body.client_id", "body.client_secret", "body.token"],
        "2026-09" "POST" "/oauth/2026-09/token/revoke": ["body.client_id", "body.client_secret", "body.token"],
    },
    // These operations document only a `default` (error) response. A
    // revocation succeeds with `200` and an empty body (RFC 7009 section
    // 2.2); the 2026-09 token endpoint answers as the earlier versions do.
    "OAuth success responses the spec leaves undocumented" => {
        "v3" "POST" "/oauth/v3/token/revoke": ["status"],
        "2026-03" "POST" "/oauth/2026-03/token/revoke": ["status"],
        "2026-09" "POST" "/oauth/2026-09/token/revoke": ["status"],
        "2026-09" "POST" "/oauth/2026-09/token": ["status"],
    },
    // The webhooks journal's "earliest", "latest" and "next" reads document
    // only a `default` (error) response. `hubspot-declare` declares them
    // `-> 200 JsonValue` and says so in a comment: any JSON HubSpot
    // answers decodes, and nothing is typed that the spec does not say.
    "webhooks journal reads whose success response the spec leaves undocumented" => {
        "2026-03" "GET" "/webhooks-journal/journal-local/2026-03/earliest": ["status"],
        "2026-03" "GET" "/webhooks-journal/journal-local/2026-03/latest": ["status"],
        "2026-03" "GET" "/webhooks-journal/journal-local/2026-03/offset/{offset}/next": ["status"],
        "2026-03" "GET" "/webhooks-journal/journal/2026-03/earliest": ["status"],
        "2026-03" "GET" "/webhooks-journal/journal/2026-03/latest": ["status"],
        "2026-03" "GET" "/webhooks-journal/journal/2026-03/offset/{offset}/next": ["status"],
    },
];

#[test]
fn declared_endpoints_conform_to_hubspot_specs() {
    conformance::assert_conforms(&hubspot_api::all_endpoints(), ALLOWED, Coverage::RequireAll);
}

/// `hubspot-declare`'s own output for the Conversations and OAuth specs
/// (the `hubspot-generated-check` crate, regenerated from
/// `declare/modules.toml`) passes the same check with the same allow-list
/// or a shorter one: every allowance it needs is one the hand-written
/// declarations need too.
#[test]
fn generated_declarations_conform_with_no_allowance_of_their_own() {
    let folders = [
        hubspot_specs_support::TOP,
        "conversations-other-versions",
        "oauth",
    ];
    let generated = hubspot_generated_check::endpoints();
    let Some(report) =
        conformance::assert_conforms_in(&folders, &generated, ALLOWED, Coverage::RequireAll)
    else {
        return;
    };
    let used: BTreeSet<&str> = report.allowed.iter().map(|(_, why)| *why).collect();
    let hand: Vec<&EndpointInfo> = hubspot_api::all_endpoints()
        .into_iter()
        .filter(|e| {
            e.paths.iter().any(|p| {
                !p.template.starts_with("/crm/")
                    && !p.template.starts_with("/webhooks")
                    && !p.template.starts_with("/app-webhooks")
            })
        })
        .collect();
    let hand_report = conformance::load_folders(&folders)
        .expect("loaded above")
        .check(&hand, ALLOWED, Coverage::RequireAll);
    let hand_used: BTreeSet<&str> = hand_report.allowed.iter().map(|(_, why)| *why).collect();
    println!(
        "generated: {} endpoints, {} allowed mismatches under {} reasons; hand-written: {} endpoints, {} allowed mismatches under {} reasons",
        generated.len(),
        report.allowed.len(),
        used.len(),
        hand.len(),
        hand_report.allowed.len(),
        hand_used.len()
    );
    assert!(
        used.is_subset(&hand_used),
        "the generated declarations need allowances the hand-written ones do not: {:?}",
        used.difference(&hand_used).collect::<Vec<_>>()
    );
    assert!(report.allowed.len() <= hand_report.allowed.len());
}

// ---------------------------------------------------------------------------
// Self-test: the publish endpoint, right and wrong, against a trimmed
// fixture of its v3 spec operation.
// ---------------------------------------------------------------------------

const PUBLISH_PATH: &str = "/conversations/v3/custom-channels/{channelId}/messages";

/// A hand-trimmed excerpt of `custom-channels.v3.json`: the publish
/// operation with fewer properties, plus one more operation for coverage.
fn publish_fixture() -> Value {
    let string = json!({"type": "string"});
    json!({
        "openapi": "3.0.1",
        "paths": {
            PUBLISH_PATH: {
                "post": {
                    "parameters": [
                        {"name": "channelId", "in": "path", "required": true,
                         "schema": {"type": "integer", "format": "int32"}}
                    ],
                    "requestBody": {"required": true, "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/ChannelIntegrationMessageEgg"}}}},
                    "responses": {
                        "201": {"description": "successful operation", "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/PublicConversationsMessage"}}}},
                        "default": {"$ref": "#/components/responses/Error"}
                    },
                    "security": [{"oauth2": ["conversations.custom_channels.write"]}]
                }
            },
            "/conversations/v3/custom-channels/{channelId}/messages/{messageId}": {
                "get": {
                    "parameters": [
                        {"name": "channelId", "in": "path", "required": true,
                         "schema": {"type": "integer", "format": "int32"}},
                        {"name": "messageId", "in": "path", "required": true, "schema": string}
                    ],
                    "responses": {"200": {"description": "", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/PublicConversationsMessage"}}}}},
                    "security": [{"oauth2": ["conversations.custom_channels.read"]}]
                }
            }
        },
        "components": {
            "responses": {"Error": {"description": "An error occurred."}},
            "schemas": {
                "ChannelIntegrationMessageEgg": {
                    "type": "object",
                    "required": ["attachments", "channelAccountId", "messageDirection", "senders", "text", "timestamp"],
                    "properties": {
                        "associateWithContactId": {"type": "integer", "format": "int64"},
                        "attachments": {"type": "array", "items": {"oneOf": [
                            {"$ref": "#/components/schemas/FileAttachment"},
                            {"$ref": "#/components/schemas/LocationAttachment"}
                        ]}},
                        "channelAccountId": string,
                        "integrationThreadId": string,
                        "messageDirection": {"type": "string", "enum": ["INCOMING", "OUTGOING"]},
                        "senders": {"type": "array", "items": {"$ref": "#/components/schemas/ChannelIntegrationParticipant"}},
                        "text": string,
                        "timestamp": {"type": "string", "format": "date-time"}
                    }
                },
                "FileAttachment": {
                    "title": "FILE", "type": "object", "required": ["fileId", "type"],
                    "properties": {
                        "fileId": string,
                        "fileUsageType": {"type": "string", "enum": ["AUDIO", "IMAGE", "OTHER", "STICKER", "VOICE_RECORDING"]},
                        "type": {"type": "string", "default": "FILE", "enum": ["FILE"]}
                    },
                    "x-hubspot-sub-type-impl": true
                },
                "LocationAttachment": {
                    "title": "LOCATION", "type": "object", "required": ["latitude", "longitude", "type"],
                    "properties": {
                        "latitude": {"type": "number"},
                        "longitude": {"type": "number"},
                        "name": string,
                        "type": {"type": "string", "default": "LOCATION", "enum": ["LOCATION"]}
                    },
                    "x-hubspot-sub-type-impl": true
                },
                "ChannelIntegrationParticipant": {
                    "type": "object", "required": ["deliveryIdentifier"],
                    "properties": {
                        "deliveryIdentifier": {"$ref": "#/components/schemas/PublicDeliveryIdentifier"},
                        "name": string
                    }
                },
                "PublicDeliveryIdentifier": {
                    "type": "object", "required": ["type", "value"],
                    "properties": {
                        "type": {"type": "string", "enum": [
                            "CHANNEL_SPECIFIC_OPAQUE_ID", "HS_EMAIL_ADDRESS", "HS_PHONE_NUMBER", "HS_SHORT_CODE"]},
                        "value": string
                    }
                },
                "PublicConversationsMessage": {
                    "type": "object", "required": ["archived", "client", "createdAt", "id", "type"],
                    "properties": {
                        "archived": {"type": "boolean"},
                        "client": {"$ref": "#/components/schemas/PublicClient"},
                        "createdAt": {"type": "string", "format": "date-time"},
                        "id": string,
                        "status": {"$ref": "#/components/schemas/PublicMessageStatus"},
                        "type": {"type": "string", "default": "MESSAGE", "enum": ["MESSAGE"]}
                    }
                },
                "PublicClient": {
                    "type": "object", "required": ["clientType"],
                    "properties": {
                        "clientType": {"type": "string", "enum": ["HUBSPOT", "INTEGRATION", "SYSTEM", "UNKNOWN"]},
                        "integrationAppId": {"type": "integer", "format": "int32"}
                    }
                },
                "PublicMessageStatus": {
                    "type": "object", "required": ["statusType"],
                    "properties": {
                        "failureDetails": {"$ref": "#/components/schemas/PublicMessageFailureDetails"},
                        "statusType": {"type": "string", "enum": ["FAILED", "READ", "RECEIVED", "SENT"]}
                    }
                },
                "PublicMessageFailureDetails": {
                    "type": "object", "required": ["errorMessageTokens"],
                    "properties": {
                        "errorMessage": string,
                        "errorMessageTokens": {"type": "object", "additionalProperties": string}
                    }
                }
            }
        }
    })
}

const fn field(
    name: &'static str,
    json_name: &'static str,
    required: bool,
    ty: fn() -> TypeInfo,
) -> FieldInfo {
    FieldInfo {
        name,
        json_name,
        required,
        ty,
    }
}

fn string() -> TypeInfo {
    String::schema()
}
fn int32() -> TypeInfo {
    i32::schema()
}
fn int64() -> TypeInfo {
    i64::schema()
}
fn number() -> TypeInfo {
    f64::schema()
}
fn boolean() -> TypeInfo {
    bool::schema()
}
fn date_time() -> TypeInfo {
    hubspot_runtime::DateTime::schema()
}

// -- the correct declaration ------------------------------------------------

static MESSAGE_DIRECTION: EnumInfo = EnumInfo {
    name: "MessageDirection",
    values: &["INCOMING", "OUTGOING"],
};
static FILE_USAGE_TYPE: EnumInfo = EnumInfo {
    name: "FileUsageType",
    values: &["AUDIO", "IMAGE", "OTHER", "STICKER", "VOICE_RECORDING"],
};
static DELIVERY_IDENTIFIER_TYPE: EnumInfo = EnumInfo {
    name: "DeliveryIdentifierType",
    values: &[
        "CHANNEL_SPECIFIC_OPAQUE_ID",
        "HS_EMAIL_ADDRESS",
        "HS_PHONE_NUMBER",
        "HS_SHORT_CODE",
    ],
};
static CLIENT_TYPE: EnumInfo = EnumInfo {
    name: "ClientType",
    values: &["HUBSPOT", "INTEGRATION", "SYSTEM", "UNKNOWN"],
};
static STATUS_TYPE: EnumInfo = EnumInfo {
    name: "StatusType",
    values: &["FAILED", "READ", "RECEIVED", "SENT"],
};
static MESSAGE_TYPE: EnumInfo = EnumInfo {
    name: "MessageType",
    values: &["MESSAGE"],
};

static FILE_ATTACHMENT: ObjectInfo = ObjectInfo {
    name: "FileAttachment",
    fields: &[
        field("file_id", "fileId", true, string),
        field("file_usage_type", "fileUsageType", false, || {
            TypeInfo::Enum(&FILE_USAGE_TYPE)
        }),
    ],
};
static LOCATION_ATTACHMENT: ObjectInfo = ObjectInfo {
    name: "LocationAttachment",
    fields: &[
        field("latitude", "latitude", true, number),
        field("longitude", "longitude", true, number),
        field("name", "name", false, string),
    ],
};
static ATTACHMENT: UnionInfo = UnionInfo {
    name: "Attachment",
    tag: "type",
    variants: &[
        UnionVariantInfo {
            tag_value: "FILE",
            ty: || TypeInfo::Object(&FILE_ATTACHMENT),
        },
        UnionVariantInfo {
            tag_value: "LOCATION",
            ty: || TypeInfo::Object(&LOCATION_ATTACHMENT),
        },
    ],
};
static DELIVERY_IDENTIFIER: ObjectInfo = ObjectInfo {
    name: "DeliveryIdentifier",
    fields: &[
        field("type_", "type", true, || {
            TypeInfo::Enum(&DELIVERY_IDENTIFIER_TYPE)
        }),
        field("value", "value", true, string),
    ],
};
static PARTICIPANT: ObjectInfo = ObjectInfo {
    name: "ChannelIntegrationParticipant",
    fields: &[
        field("delivery_identifier", "deliveryIdentifier", true, || {
            TypeInfo::Object(&DELIVERY_IDENTIFIER)
        }),
        field("name", "name", false, string),
    ],
};
static FAILURE_DETAILS: ObjectInfo = ObjectInfo {
    name: "MessageFailureDetails",
    fields: &[
        field("error_message", "errorMessage", false, string),
        field("error_message_tokens", "errorMessageTokens", true, || {
            TypeInfo::Map(string)
        }),
    ],
};
static MESSAGE_STATUS: ObjectInfo = ObjectInfo {
    name: "MessageStatus",
    fields: &[
        field("failure_details", "failureDetails", false, || {
            TypeInfo::Object(&FAILURE_DETAILS)
        }),
        field("status_type", "statusType", true, || {
            TypeInfo::Enum(&STATUS_TYPE)
        }),
    ],
};
static CLIENT: ObjectInfo = ObjectInfo {
    name: "Client",
    fields: &[
        field("client_type", "clientType", true, || {
            TypeInfo::Enum(&CLIENT_TYPE)
        }),
        field("integration_app_id", "integrationAppId", false, int32),
    ],
};
static MESSAGE: ObjectInfo = ObjectInfo {
    name: "ConversationsMessage",
    fields: &[
        field("archived", "archived", true, boolean),
        field("client", "client", true, || TypeInfo::Object(&CLIENT)),
        field("created_at", "createdAt", true, date_time),
        field("id", "id", true, string),
        field("status", "status", false, || {
            TypeInfo::Object(&MESSAGE_STATUS)
        }),
        field("type_", "type", true, || TypeInfo::Enum(&MESSAGE_TYPE)),
    ],
};

static PUBLISH_MESSAGE: EndpointInfo = EndpointInfo {
    name: "PublishMessage",
    method: Method::Post,
    paths: &[VersionedPath {
        version: ApiVersion::V3,
        template: PUBLISH_PATH,
    }],
    path_params: &[field("channel_id", "channelId", true, int32)],
    query_params: &[],
    body: BodyInfo::Fields(&[
        field(
            "associate_with_contact_id",
            "associateWithContactId",
            false,
            int64,
        ),
        field("attachments", "attachments", true, || {
            TypeInfo::Array(|| TypeInfo::Union(&ATTACHMENT))
        }),
        field("channel_account_id", "channelAccountId", true, string),
        field(
            "integration_thread_id",
            "integrationThreadId",
            false,
            string,
        ),
        field("message_direction", "messageDirection", true, || {
            TypeInfo::Enum(&MESSAGE_DIRECTION)
        }),
        field("senders", "senders", true, || {
            TypeInfo::Array(|| TypeInfo::Object(&PARTICIPANT))
        }),
        field("text", "text", true, string),
        field("timestamp", "timestamp", true, date_time),
    ]),
    success_status: 201,
    response: || TypeInfo::Object(&MESSAGE),
    scopes: &["conversations.custom_channels.write"],
    auth: &[AuthScheme::OAuth, AuthScheme::PrivateApp],
};

// -- the wrong declaration: every deviation is listed in the test -----------

static WRONG_FILE_ATTACHMENT: ObjectInfo = ObjectInfo {
    name: "WrongFileAttachment",
    fields: &[
        field("file_id", "fileId", true, string),
        field("file_usage_type", "fileUsageType", false, || {
            TypeInfo::Enum(&FILE_USAGE_TYPE)
        }),
        // The union writes the tag; a variant must not declare it.
        field("type_", "type", true, string),
    ],
};
static WRONG_ATTACHMENT: UnionInfo = UnionInfo {
    name: "WrongAttachment",
    tag: "type",
    variants: &[
        UnionVariantInfo {
            tag_value: "FILE",
            ty: || TypeInfo::Object(&WRONG_FILE_ATTACHMENT),
        },
        // LOCATION is missing; STICKER is not a variant in the spec.
        UnionVariantInfo {
            tag_value: "STICKER",
            ty: || TypeInfo::Object(&LOCATION_ATTACHMENT),
        },
    ],
};
static WRONG_DELIVERY_IDENTIFIER_TYPE: EnumInfo = EnumInfo {
    name: "WrongDeliveryIdentifierType",
    values: &[
        "CHANNEL_SPECIFIC_OPAQUE_ID",
        "HS_EMAIL_ADDRESS",
        "HS_PHONE_NUMBER",
        "HS_SHORTCODE",
    ],
};
static WRONG_DELIVERY_IDENTIFIER: ObjectInfo = ObjectInfo {
    name: "WrongDeliveryIdentifier",
    fields: &[
        field("type_", "type", true, || {
            TypeInfo::Enum(&WRONG_DELIVERY_IDENTIFIER_TYPE)
        }),
        field("value", "value", true, string),
    ],
};
static WRONG_PARTICIPANT: ObjectInfo = ObjectInfo {
    name: "WrongParticipant",
    fields: &[
        field("delivery_identifier", "deliveryIdentifier", true, || {
            TypeInfo::Object(&WRONG_DELIVERY_IDENTIFIER)
        }),
        field("name", "name", false, string),
    ],
};
static WRONG_FAILURE_DETAILS: ObjectInfo = ObjectInfo {
    name: "WrongFailureDetails",
    fields: &[
        field("error_message", "errorMessage", false, string),
        field("error_message_tokens", "errorMessageTokens", true, || {
            TypeInfo::Map(int32)
        }),
    ],
};
static WRONG_MESSAGE_STATUS: ObjectInfo = ObjectInfo {
    name: "WrongMessageStatus",
    fields: &[
        field("failure_details", "failureDetails", false, || {
            TypeInfo::Object(&WRONG_FAILURE_DETAILS)
        }),
        field("status_type", "statusType", true, || {
            TypeInfo::Enum(&STATUS_TYPE)
        }),
    ],
};
static WRONG_MESSAGE: ObjectInfo = ObjectInfo {
    name: "WrongMessage",
    fields: &[
        // `archived` is missing.
        field("client", "client", true, || TypeInfo::Object(&CLIENT)),
        field("created_at", "createdAt", true, string),
        field("id", "id", true, string),
        field("status", "status", false, || {
            TypeInfo::Object(&WRONG_MESSAGE_STATUS)
        }),
        field("type_", "type", true, || TypeInfo::Enum(&MESSAGE_TYPE)),
    ],
};

static WRONG_PUBLISH_MESSAGE: EndpointInfo = EndpointInfo {
    name: "WrongPublishMessage",
    method: Method::Post,
    paths: &[
        VersionedPath {
            version: ApiVersion::V3,
            template: PUBLISH_PATH,
        },
        VersionedPath {
            version: ApiVersion::dated(2026, 3),
            template: "/conversations/custom-channels/2026-03/{channelId}/messages",
        },
    ],
    path_params: &[field("channel_id", "channelId", true, int64)],
    query_params: &[field("limit", "limit", false, int32)],
    body: BodyInfo::Fields(&[
        field(
            "associate_with_contact_id",
            "associateWithContactId",
            false,
            int64,
        ),
        field("attachments", "attachments", true, || {
            TypeInfo::Array(|| TypeInfo::Union(&WRONG_ATTACHMENT))
        }),
        field("channel_account_id", "channelAccountId", true, string),
        field("channel_id", "channelId", false, string),
        field("message_direction", "messageDirection", false, || {
            TypeInfo::Enum(&MESSAGE_DIRECTION)
        }),
        field("senders", "senders", true, || {
            TypeInfo::Array(|| TypeInfo::Object(&WRONG_PARTICIPANT))
        }),
        field("text", "text", true, string),
        field("timestamp", "timestamp", true, date_time),
    ]),
    success_status: 200,
    response: || TypeInfo::Object(&WRONG_MESSAGE),
    scopes: &["conversations.custom_channels.read"],
    auth: &[AuthScheme::DeveloperKey],
};

fn check_fixture(endpoints: &[&EndpointInfo], allowed: &[Allowance], mode: Coverage) -> Report {
    let fixture = publish_fixture();
    conformance::check_json(
        &[("custom-channels.v3.json", &fixture)],
        endpoints,
        allowed,
        mode,
    )
}

/// The credentials rule: the spec's schemes, plus a private app's token
/// where OAuth is accepted; nothing else.
#[test]
fn checker_compares_declared_credentials_with_the_specs_security() {
    for (auth, expected) in [
        (&[AuthScheme::OAuth][..], None),
        (&[AuthScheme::OAuth, AuthScheme::PrivateApp][..], None),
        (
            &[AuthScheme::PrivateApp][..],
            Some("spec security means [oauth] (or also [private_app]), declared [private_app]"),
        ),
        (
            &[AuthScheme::OAuth, AuthScheme::DeveloperKey][..],
            Some(
                "spec security means [oauth] (or also [private_app]), declared [oauth, developer_key]",
            ),
        ),
        (
            &[][..],
            Some("spec security means [oauth] (or also [private_app]), declared []"),
        ),
    ] {
        let info: &'static EndpointInfo = Box::leak(Box::new(EndpointInfo {
            auth,
            ..PUBLISH_MESSAGE
        }));
        let lines: Vec<String> = check_fixture(&[info], &[], Coverage::Report)
            .mismatch_lines()
            .into_iter()
            .filter(|line| line.contains(": auth: "))
            .collect();
        let expected: Vec<String> = expected
            .into_iter()
            .map(|m| {
                format!(
                    "v3 POST /conversations/v3/custom-channels/{{channelId}}/messages: auth: {m}"
                )
            })
            .collect();
        assert_eq!(lines, expected, "{auth:?}");
    }
}

#[test]
fn checker_accepts_the_right_publish_endpoint_and_pinpoints_a_wrong_one() {
    // Right: nothing to report; the other fixture operation is only coverage.
    let report = check_fixture(&[&PUBLISH_MESSAGE], &[], Coverage::Report);
    println!("{}", report.render());
    assert_eq!(report.mismatch_lines(), Vec::<String>::new());
    assert_eq!(report.coverage.len(), 1);
    assert_eq!(report.coverage[0].file, "custom-channels.v3.json");
    assert_eq!(
        (report.coverage[0].declared, report.coverage[0].operations),
        (1, 2)
    );
    let undeclared: Vec<String> = report.undeclared.iter().map(ToString::to_string).collect();
    assert_eq!(
        undeclared,
        ["v3 GET /conversations/v3/custom-channels/{channelId}/messages/{messageId}"]
    );
    assert!(report.is_ok());

    // Wrong: one line per deliberate mistake, nothing else.
    let report = check_fixture(&[&WRONG_PUBLISH_MESSAGE], &[], Coverage::Report);
    println!("{}", report.render());
    let at = format!("v3 POST {PUBLISH_PATH}");
    let mut expected = vec![
        "2026-03 POST /conversations/custom-channels/2026-03/{channelId}/messages: operation: \
         WrongPublishMessage declares it, but no spec operation has this version, method and path \
         (no spec file is for 2026-03)"
            .to_owned(),
        format!("{at}: path.channelId: spec says int32, declared Int64"),
        format!("{at}: query.limit: declared query param `limit` is not in the spec"),
        format!("{at}: body.messageDirection: spec says required, declared optional"),
        format!("{at}: body.channelId: declared field `channel_id` is not in the spec"),
        format!("{at}: body.integrationThreadId: spec has optional string, not declared"),
        format!(
            "{at}: body.attachments[]<FILE>.type: declared variant object has the tag field `type` \
             (Rust `type_`); the union writes the tag, leave it out"
        ),
        format!(
            "{at}: body.attachments[]<LOCATION>: spec variant `LOCATION` (LocationAttachment) \
             is not declared in WrongAttachment"
        ),
        format!(
            "{at}: body.attachments[]<STICKER>: declared variant `STICKER` of WrongAttachment is not in the spec"
        ),
        format!(
            "{at}: body.senders[].deliveryIdentifier.type: spec values missing from \
             WrongDeliveryIdentifierType: [HS_SHORT_CODE]; WrongDeliveryIdentifierType values not in spec: \
             [HS_SHORTCODE]"
        ),
        format!("{at}: status: spec says 201, declared 200"),
        format!("{at}: response.archived: spec has required boolean, not declared"),
        format!("{at}: response.createdAt: spec says date-time, declared String"),
        format!(
            "{at}: response.status.failureDetails.errorMessageTokens{{}}: spec says string, declared Int32"
        ),
        format!(
            "{at}: security: spec says scopes [conversations.custom_channels.write], \
             declared [conversations.custom_channels.read]"
        ),
        format!(
            "{at}: auth: spec security means [oauth] (or also [private_app]), declared [developer_key]"
        ),
    ];
    expected.sort();
    let mut actual = report.mismatch_lines();
    actual.sort();
    assert_eq!(actual, expected);
    assert!(!report.is_ok());

    // An allowance moves exactly its mismatch out of the failures; one that
    // matches nothing is reported as stale.
    let allowed = [
        Allowance {
            version: "v3",
            method: "POST",
            path: PUBLISH_PATH,
            field: "status",
            reason: "self-test: pretend the project decided on 200",
        },
        Allowance {
            version: "v3",
            method: "POST",
            path: PUBLISH_PATH,
            field: "body.nothingHere",
            reason: "self-test: stale entry",
        },
    ];
    let report = check_fixture(&[&WRONG_PUBLISH_MESSAGE], &allowed, Coverage::Report);
    assert_eq!(report.mismatches.len(), expected.len() - 1);
    assert_eq!(report.allowed.len(), 1);
    assert_eq!(report.allowed[0].0.field, "status");
    assert_eq!(report.unused_allowances.len(), 1);
    assert_eq!(report.unused_allowances[0].field, "body.nothingHere");

    // RequireAll turns undeclared operations into failures.
    let report = check_fixture(&[&PUBLISH_MESSAGE], &[], Coverage::RequireAll);
    assert_eq!(
        report.mismatch_lines(),
        [
            "v3 GET /conversations/v3/custom-channels/{channelId}/messages/{messageId}: operation: \
          in the spec, but no endpoint declares it"
        ]
    );
}

// ---------------------------------------------------------------------------
// Self-test against the real specs: `GET …/actors/{actorId}` answers a union
// that is plain objects in v3 and `allOf` sub-types of their own parent
// union in 2026-09.
// ---------------------------------------------------------------------------

const fn actor_variant(tag_value: &'static str, ty: fn() -> TypeInfo) -> UnionVariantInfo {
    UnionVariantInfo { tag_value, ty }
}

static AGENT_ACTOR: ObjectInfo = ObjectInfo {
    name: "AgentActor",
    fields: &[
        field("id", "id", true, string),
        field("name", "name", false, string),
        field("email", "email", false, string),
        field("avatar", "avatar", false, string),
    ],
};
static BOT_ACTOR: ObjectInfo = ObjectInfo {
    name: "BotActor",
    fields: &[
        field("id", "id", true, string),
        field("name", "name", false, string),
        field("avatar", "avatar", false, string),
    ],
};
static INTEGRATOR_ACTOR: ObjectInfo = ObjectInfo {
    name: "IntegratorActor",
    fields: &[
        field("id", "id", true, string),
        field("name", "name", true, string),
        field("avatar", "avatar", false, string),
    ],
};
static SYSTEM_ACTOR: ObjectInfo = ObjectInfo {
    name: "SystemActor",
    fields: &[field("id", "id", true, string)],
};
static EMAIL_ACTOR: ObjectInfo = ObjectInfo {
    name: "EmailActor",
    fields: &[
        field("id", "id", true, string),
        field("email", "email", true, string),
    ],
};
static ACTOR: UnionInfo = UnionInfo {
    name: "Actor",
    tag: "type",
    variants: &[
        actor_variant("AGENT", || TypeInfo::Object(&AGENT_ACTOR)),
        actor_variant("BOT", || TypeInfo::Object(&BOT_ACTOR)),
        actor_variant("INTEGRATOR", || TypeInfo::Object(&INTEGRATOR_ACTOR)),
        actor_variant("SYSTEM", || TypeInfo::Object(&SYSTEM_ACTOR)),
        // Visitors carry the same fields as agents; LLM actors as bots.
        actor_variant("VISITOR", || TypeInfo::Object(&AGENT_ACTOR)),
        actor_variant("EMAIL", || TypeInfo::Object(&EMAIL_ACTOR)),
        actor_variant("LLM", || TypeInfo::Object(&BOT_ACTOR)),
    ],
};
static GET_ACTOR: EndpointInfo = EndpointInfo {
    name: "GetActor",
    method: Method::Get,
    paths: &[
        VersionedPath {
            version: ApiVersion::V3,
            template: "/conversations/v3/conversations/actors/{actorId}",
        },
        VersionedPath {
            version: ApiVersion::dated(2026, 9),
            template: "/conversations/conversations/2026-09/actors/{actorId}",
        },
    ],
    path_params: &[field("actor_id", "actorId", true, string)],
    query_params: &[field("property", "property", false, string)],
    body: BodyInfo::None,
    success_status: 200,
    response: || TypeInfo::Union(&ACTOR),
    scopes: &["conversations.read"],
    auth: &[AuthScheme::OAuth, AuthScheme::PrivateApp],
};

/// Like [`ACTOR`], but LLM actors wrongly get an `email` and SYSTEM is missing.
static WRONG_ACTOR: UnionInfo = UnionInfo {
    name: "WrongActor",
    tag: "type",
    variants: &[
        actor_variant("AGENT", || TypeInfo::Object(&AGENT_ACTOR)),
        actor_variant("BOT", || TypeInfo::Object(&BOT_ACTOR)),
        actor_variant("INTEGRATOR", || TypeInfo::Object(&INTEGRATOR_ACTOR)),
        actor_variant("VISITOR", || TypeInfo::Object(&AGENT_ACTOR)),
        actor_variant("EMAIL", || TypeInfo::Object(&EMAIL_ACTOR)),
        actor_variant("LLM", || TypeInfo::Object(&AGENT_ACTOR)),
    ],
};
static WRONG_GET_ACTOR: EndpointInfo = EndpointInfo {
    name: "WrongGetActor",
    response: || TypeInfo::Union(&WRONG_ACTOR),
    ..GET_ACTOR
};

#[test]
fn checker_reads_real_unions_and_all_of_sub_types_without_false_alarms() {
    let Some(specs) = conformance::load_specs() else {
        return;
    };
    let report = specs.check(&[&GET_ACTOR], &[], Coverage::Report);
    println!("{}", report.render());
    assert_eq!(report.mismatch_lines(), Vec::<String>::new());
    let declared: usize = report.coverage.iter().map(|row| row.declared).sum();
    let total: usize = report.coverage.iter().map(|row| row.operations).sum();
    // 235 (version, operation) pairs in the spec files, 15 of them
    // published twice (the CRM's association and `{objectType}` endpoints,
    // in both the contacts and the companies specs) and counted once.
    assert_eq!((declared, total), (2, 220));

    // The variants really are compared, in both spellings of the union.
    let report = specs.check(&[&WRONG_GET_ACTOR], &[], Coverage::Report);
    let mut expected = Vec::new();
    for path in GET_ACTOR.paths {
        let at = format!("{} GET {}", path.version, path.template);
        expected.push(format!(
            "{at}: response<LLM>.email: declared field `email` is not in the spec"
        ));
        expected.push(format!(
            "{at}: response<SYSTEM>: spec variant `SYSTEM` (SystemActor) is not declared in WrongActor"
        ));
    }
    expected.sort();
    assert_eq!(report.mismatch_lines(), expected);
}

/// Every schema and parameter in the real specs is one the checker can read,
/// and the `oneOf` members share a single-valued tag property: a spec update
/// with a new quirk fails here first, before any declaration meets it.
#[test]
fn checker_understands_every_schema_in_the_real_specs() {
    use conformance::spec::{Shape, classify, resolve, shape_of};
    let Some(specs) = conformance::load_specs() else {
        return;
    };
    assert_eq!(specs.problems, Vec::new());
    let mut problems = Vec::new();
    for (file, doc) in &specs.files {
        // (where, schema, its components name when walked from there)
        let mut pending: Vec<(String, &Value, Option<&str>)> = Vec::new();
        if let Some(Value::Object(schemas)) = doc.pointer("/components/schemas") {
            pending.extend(
                schemas
                    .iter()
                    .map(|(name, s)| (format!("{file} {name}"), s, Some(name.as_str()))),
            );
        }
        if let Some(Value::Object(paths)) = doc.get("paths") {
            for (path, item) in paths {
                for (method, op) in item.as_object().into_iter().flatten() {
                    let at = format!("{file} {method} {path}");
                    for p in op
                        .get("parameters")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        pending.push((format!("{at} param"), &p["schema"], None));
                    }
                    for media in ["application~1json", "application~1x-www-form-urlencoded"] {
                        if let Some(s) = op.pointer(&format!("/requestBody/content/{media}/schema"))
                        {
                            pending.push((format!("{at} body"), s, None));
                        }
                    }
                    for (code, r) in op["responses"].as_object().into_iter().flatten() {
                        if let Some(s) = r.pointer("/content/application~1json/schema") {
                            pending.push((format!("{at} {code}"), s, None));
                        }
                    }
                }
            }
        }
        let mut seen = 0;
        while let Some((at, schema, name)) = pending.pop() {
            seen += 1;
            let (resolved, via_ref) = match resolve(doc, schema) {
                Ok(found) => found,
                Err(e) => {
                    problems.push(format!("{at}: {e}"));
                    continue;
                }
            };
            match classify(doc, resolved, via_ref.or(name), 0) {
                Err(e) => problems.push(format!("{at}: {e}")),
                Ok(Shape::Array(items)) => pending.push((format!("{at}[]"), items, None)),
                Ok(Shape::Map(Some(values))) => pending.push((format!("{at}{{}}"), values, None)),
                // A `$ref`'d object is walked from components/schemas; going
                // into it again here could loop on recursive schemas.
                Ok(Shape::Object(_)) if via_ref.is_some() => {}
                Ok(Shape::Object(object)) => {
                    pending.extend(
                        object
                            .properties
                            .iter()
                            .map(|(n, s)| (format!("{at}.{n}"), *s, None)),
                    );
                }
                Ok(Shape::Union(union)) => {
                    // The properties of each member that hold one constant:
                    // the tag is one all members share (`type` in the
                    // Conversations specs, `token_use` in OAuth's).
                    let mut common: Option<BTreeSet<String>> = None;
                    for member in union.members {
                        let constants: BTreeSet<String> = match shape_of(doc, member) {
                            Ok(Shape::Object(object)) => object
                                .properties
                                .iter()
                                .filter(|(_, p)| {
                                    matches!(shape_of(doc, p), Ok(Shape::Enum(ref v)) if v.len() == 1)
                                })
                                .map(|(n, _)| (*n).to_owned())
                                .collect(),
                            _ => BTreeSet::new(),
                        };
                        if constants.is_empty() {
                            problems.push(format!(
                                "{at}: oneOf member {member} has no single-valued tag property"
                            ));
                        }
                        common = Some(match common {
                            None => constants,
                            Some(c) => c.intersection(&constants).cloned().collect(),
                        });
                    }
                    if common.is_some_and(|c| c.is_empty()) {
                        problems.push(format!(
                            "{at}: the oneOf members share no single-valued tag property"
                        ));
                    }
                }
                Ok(_) => {}
            }
        }
        assert!(seen > 0, "{file}: nothing checked");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------
// Odd spec shapes are reported, never panicked on.
// ---------------------------------------------------------------------------

static ODD: EndpointInfo = EndpointInfo {
    name: "Odd",
    method: Method::Post,
    paths: &[VersionedPath {
        version: ApiVersion::V3,
        template: "/odd/{id}",
    }],
    path_params: &[field("id", "id", true, string)],
    query_params: &[],
    body: BodyInfo::Whole(field("body", "body", true, string)),
    success_status: 200,
    response: || TypeInfo::Map(string),
    scopes: &[],
    auth: &[],
};

/// `ODD` with its placeholder renamed: the spec path differs only in that.
static ODD_RENAMED: EndpointInfo = EndpointInfo {
    name: "OddRenamed",
    paths: &[VersionedPath {
        version: ApiVersion::V3,
        template: "/odd/{key}",
    }],
    path_params: &[field("key", "key", true, string)],
    ..ODD
};

#[test]
fn checker_reports_odd_spec_shapes_instead_of_panicking() {
    let odd = json!({
        "paths": {
            "/odd/{id}": {
                "parameters": "not a list",
                "post": {
                    "parameters": [{"$ref": "#/components/parameters/Missing"}, 7],
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Loop"}}}},
                    "responses": {"200": {"content": {"application/json": {"schema": {"type": "object"}}}}},
                    "security": {"oauth2": []}
                },
                "options": {}
            },
            "/broken": 3
        },
        "components": {"schemas": {"Loop": {"$ref": "#/components/schemas/Loop"}}}
    });
    let no_version = json!({"paths": {}});
    let no_paths = json!([]);
    let report = conformance::check_json(
        &[
            ("odd.v3.json", &odd),
            ("no-version.json", &no_version),
            ("no-paths.v4.json", &no_paths),
        ],
        &[&ODD, &ODD_RENAMED],
        &[],
        Coverage::Report,
    );
    let lines = report.mismatch_lines();
    println!("{}", lines.join("\n"));
    let expect = [
        "? * no-version.json: spec: `no-version.json` is not named `<api>.<version>.json`",
        "v4 * no-paths.v4.json: spec: `no-paths.v4.json`: no `paths`",
        "v3 * /broken: operation: path item is not an object (in odd.v3.json)",
        "v3 * /odd/{id}: operation: method `options` cannot be declared (Method has no such variant) (in odd.v3.json)",
        "v3 POST /odd/{id}: parameters: path item `parameters` is not an array",
        "v3 POST /odd/{id}: parameters: operation parameter #0: `$ref` `#/components/parameters/Missing` points at nothing",
        "v3 POST /odd/{id}: parameters: operation parameter #1 lacks a string `name` or `in`",
        "v3 POST /odd/{id}: path.id: declared path param `id` is not in the spec",
        "v3 POST /odd/{id}: body: spec says optional, declared required",
        "v3 POST /odd/{id}: body: spec schema: `$ref` chain longer than 32 hops (a cycle?)",
        "v3 POST /odd/{id}: response{}: spec says any value, declared String",
        "v3 POST /odd/{id}: security: spec `security` is not an array: {\"oauth2\":[]}",
        "v3 POST /odd/{key}: operation: OddRenamed declares it, but no spec operation has this \
         version, method and path (spec path `/odd/{id}` differs only in placeholder names)",
    ];
    for line in expect {
        assert!(
            lines.iter().any(|l| l == line),
            "missing: {line}\ngot:\n{}",
            lines.join("\n")
        );
    }
    assert_eq!(lines.len(), expect.len(), "got:\n{}", lines.join("\n"));
}

// ---------------------------------------------------------------------------
// Self-test: a batch endpoint answering 200, or 207 Multi-Status with the
// failures added, is compared with both.
// ---------------------------------------------------------------------------

const BATCH_PATH: &str = "/conversations/v3/conversations/actors/batch/read";

/// A batch read whose `207` adds `errors` to the `200` body; `with_errors`
/// false leaves `errors` out of the `207` too.
fn batch_fixture(with_errors: bool) -> Value {
    let results = json!({"type": "array", "items": {"type": "string"}});
    let mut multi =
        json!({"type": "object", "required": ["results"], "properties": {"results": results}});
    if with_errors {
        multi["properties"]["errors"] = json!({"type": "array", "items": {"type": "string"}});
    }
    json!({
        "openapi": "3.0.1",
        "paths": {BATCH_PATH: {"post": {
            "requestBody": {"required": true, "content": {"application/json": {"schema": {
                "type": "object", "required": ["inputs"],
                "properties": {"inputs": {"type": "array", "items": {"type": "string"}}}}}}},
            "responses": {
                "200": {"description": "", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["results"], "properties": {"results": results}}}}},
                "207": {"description": "", "content": {"application/json": {"schema": multi}}},
                "default": {"$ref": "#/components/responses/Error"}
            },
            "security": [{"oauth2": ["conversations.read"]}]
        }}},
        "components": {"responses": {"Error": {"description": "An error occurred."}}}
    })
}

fn strings() -> TypeInfo {
    TypeInfo::Array(string)
}

static BATCH_RESULT: ObjectInfo = ObjectInfo {
    name: "BatchResult",
    fields: &[
        field("results", "results", true, strings),
        field("errors", "errors", false, strings),
    ],
};

static BATCH_READ: EndpointInfo = EndpointInfo {
    name: "BatchRead",
    method: Method::Post,
    paths: &[VersionedPath {
        version: ApiVersion::V3,
        template: BATCH_PATH,
    }],
    path_params: &[],
    query_params: &[],
    body: BodyInfo::Fields(&[field("inputs", "inputs", true, strings)]),
    success_status: 200,
    response: || TypeInfo::Object(&BATCH_RESULT),
    scopes: &["conversations.read"],
    auth: &[AuthScheme::OAuth, AuthScheme::PrivateApp],
};

#[test]
fn checker_compares_a_multi_status_response_with_every_2xx_body() {
    let check = |with_errors: bool| {
        let fixture = batch_fixture(with_errors);
        conformance::check_json(
            &[("conversations.v3.json", &fixture)],
            &[&BATCH_READ],
            &[],
            Coverage::RequireAll,
        )
    };
    // `errors` is only in the 207 body: fine, the type decodes both.
    let report = check(true);
    assert!(report.is_ok(), "{}", report.render());
    // In no 2xx body at all: reported once, at the field.
    let report = check(false);
    let lines = report.mismatch_lines();
    assert_eq!(
        lines,
        [format!(
            "v3 POST {BATCH_PATH}: response.errors: declared optional field is in none of the 2xx responses (200, 207)"
        )],
        "{}",
        report.render()
    );
}
