//! Test-only: checks the transcribed [`schema`](crate::schema) and the
//! served routes against HubSpot's OpenAPI specs, read with
//! `hubspot-specs-support` (`HUBSPOT_SPECS_DIR`, else
//! `../shared/hubspot-specs` beside the workspace). Without them the tests
//! print a note and pass on a developer machine, and fail under CI.

use std::collections::BTreeSet;

use hubspot_specs_support::LoadedSpecs;
use hubspot_specs_support::openapi::{self, Shape};
use serde_json::Value;

use crate::routes::{CONVERSATIONS_ROUTES, CRM_ROUTES, ROUTES, query_params_for};
use crate::schema::{
    BATCH_INPUT, CHANNEL_ACCOUNT_EGG, CHANNEL_ACCOUNT_UPDATE, CHANNEL_CREATE,
    CHANNEL_MESSAGE_EGG_2026_09, CHANNEL_MESSAGE_EGG_V3, CRM_BATCH_CREATE, CRM_BATCH_READ,
    CRM_CREATE, CRM_SEARCH, CRM_UPDATE, MESSAGE_EGG, MESSAGE_UPDATE_REQUEST, Obj,
    STAGING_TOKEN_UPDATE_2026_09, STAGING_TOKEN_UPDATE_V3, THREAD_ASSIGN, THREAD_UPDATE,
    TOKEN_REQUEST, TOKEN_REQUEST_2025_09, Ty, Union,
};

/// Places where the fake checks less than the spec, on purpose:
/// `(schema, property)`.
const RELAXED: &[(&str, &str)] = &[
    // An enum of several hundred CRM property names; checked as strings.
    ("PreResolvedContact", "contactPropertiesLeadingToMatch"),
];

/// Properties the specs require and the fake (like HubSpot) takes as
/// optional: `(schema, property)`. HubSpot's own examples create objects
/// without `associations`, search with only `filterGroups`, and batch-read
/// without `propertiesWithHistory`.
const RELAXED_REQUIRED: &[(&str, &str)] = &[
    ("SimplePublicObjectInputForCreate", "associations"),
    ("SimplePublicObjectBatchInputForCreate", "associations"),
    ("PublicObjectSearchRequest", "after"),
    ("PublicObjectSearchRequest", "filterGroups"),
    ("PublicObjectSearchRequest", "limit"),
    ("PublicObjectSearchRequest", "properties"),
    ("PublicObjectSearchRequest", "sorts"),
    ("BatchReadInputSimplePublicObjectId", "properties"),
    (
        "BatchReadInputSimplePublicObjectId",
        "propertiesWithHistory",
    ),
];

/// The spec folder of the Conversations versions that are not at the top
/// level: custom channels `2025-09`, visitor identification `2025-09` and
/// `2026-09`.
const OTHER_VERSIONS: &str = "conversations-other-versions";

/// The top-level specs, the other Conversations versions and the CRM ones,
/// or `None` when they are absent (a panic under CI).
fn specs() -> Option<LoadedSpecs> {
    let specs = hubspot_specs_support::load(&[hubspot_specs_support::TOP, OTHER_VERSIONS, "crm"])?;
    assert!(
        specs.problems.is_empty(),
        "unreadable specs: {:?}",
        specs.problems
    );
    Some(specs)
}

fn spec<'a>(specs: &'a LoadedSpecs, file: &str) -> &'a Value {
    &specs
        .file(file)
        .unwrap_or_else(|| panic!("no spec file {file} in {}", specs.dir.display()))
        .doc
}

struct Checker<'a> {
    spec: &'a Value,
    file: &'a str,
    mismatches: Vec<String>,
}

impl Checker<'_> {
    fn fail(&mut self, at: &str, what: String) {
        self.mismatches.push(format!("{}: {at}: {what}", self.file));
    }

    fn shape<'s>(&mut self, schema: &'s Value, at: &str) -> Option<Shape<'s>>
    where
        Self: 's,
    {
        match openapi::shape_of(self.spec, schema) {
            Ok(shape) => Some(shape),
            Err(e) => {
                self.fail(at, format!("unreadable spec schema: {e}"));
                None
            }
        }
    }

    fn check_obj(&mut self, obj: &Obj, spec_schema: &Value, at: &str) {
        let spec = self.spec;
        let object = match openapi::shape_of(spec, spec_schema) {
            Ok(Shape::Object(object)) => object,
            Ok(other) => {
                self.fail(
                    at,
                    format!("fake says object, spec says {}", other.describe()),
                );
                return;
            }
            Err(e) => {
                self.fail(at, format!("unreadable spec schema: {e}"));
                return;
            }
        };
        let ours: BTreeSet<&str> = obj.fields.iter().map(|f| f.name).collect();
        let theirs: BTreeSet<&str> = object.properties.iter().map(|(n, _)| *n).collect();
        if ours != theirs {
            self.fail(
                at,
                format!("properties differ: fake {ours:?}, spec {theirs:?}"),
            );
        }
        let ours_required: BTreeSet<&str> = obj
            .fields
            .iter()
            .filter(|f| f.required || RELAXED_REQUIRED.contains(&(obj.name, f.name)))
            .map(|f| f.name)
            .collect();
        if ours_required != object.required {
            self.fail(
                at,
                format!(
                    "required differ: fake {ours_required:?}, spec {:?}",
                    object.required
                ),
            );
        }
        for field in obj.fields {
            if let Some(p) = object.property(field.name) {
                let relaxed = RELAXED.contains(&(obj.name, field.name));
                self.check_ty(&field.ty, p, &format!("{at}.{}", field.name), relaxed);
            }
        }
    }

    fn check_union(&mut self, union: &Union, spec_schema: &Value, at: &str) {
        let spec = self.spec;
        let Ok(Shape::Union(spec_union)) = openapi::shape_of(spec, spec_schema) else {
            self.fail(at, "spec has no oneOf".into());
            return;
        };
        if spec_union.members.len() != union.variants.len() {
            self.fail(
                at,
                format!(
                    "{} variants in the fake, {} in the spec",
                    union.variants.len(),
                    spec_union.members.len()
                ),
            );
        }
        for member in spec_union.members {
            let name = openapi::ref_name(member).unwrap_or_default();
            let tag = openapi::variant_tag(spec, member, "type").unwrap_or_default();
            match union.variant(tag) {
                Some(obj) => {
                    if obj.name != name {
                        self.fail(
                            at,
                            format!(
                                "variant {tag} is {} in the fake, {name} in the spec",
                                obj.name
                            ),
                        );
                    }
                    self.check_obj(obj, member, &format!("{at}<{tag}>"));
                }
                None => self.fail(
                    at,
                    format!("spec variant {name} (type {tag}) missing from the fake"),
                ),
            }
        }
    }

    fn check_ty(&mut self, ty: &Ty, p: &Value, at: &str, relaxed: bool) {
        let spec = self.spec;
        let Some(shape) = self.shape(p, at) else {
            return;
        };
        let theirs = shape.describe();
        let differ = |checker: &mut Self, ours: &str| {
            checker.fail(at, format!("fake says {ours}, spec says {theirs}"));
        };
        match (ty, shape) {
            (Ty::String, Shape::String) | (Ty::String, Shape::Enum(_)) if relaxed => {}
            (Ty::String, Shape::String) => {}
            (Ty::String, _) => differ(self, "string"),
            (Ty::DateTime, Shape::DateTime) => {}
            (Ty::DateTime, _) => differ(self, "date-time"),
            (Ty::Int32, Shape::Int32) => {}
            (Ty::Int32, _) => differ(self, "int32"),
            // `Shape::Int64` also covers an integer without a format; the
            // fake's int64 fields are written `int64` in the spec.
            (Ty::Int64, Shape::Int64)
                if openapi::resolve(spec, p).is_ok_and(|(t, _)| {
                    t.get("format").and_then(Value::as_str) == Some("int64")
                }) => {}
            (Ty::Int64, _) => differ(self, "int64"),
            (Ty::Number, Shape::Number) => {}
            (Ty::Number, _) => differ(self, "number"),
            (Ty::Boolean, Shape::Boolean) => {}
            (Ty::Boolean, _) => differ(self, "boolean"),
            (Ty::Map(values), Shape::Map(Some(inner))) => {
                self.check_ty(values, inner, &format!("{at}{{}}"), relaxed)
            }
            (Ty::Map(_), _) => differ(self, "map"),
            (Ty::FreeObject, Shape::Map(None)) => {}
            (Ty::FreeObject, _) => differ(self, "free-form object"),
            (Ty::Enum(values), Shape::Enum(spec_values)) => {
                let ours: BTreeSet<&str> = values.iter().copied().collect();
                let spec_values: BTreeSet<&str> = spec_values.into_iter().collect();
                if ours != spec_values {
                    self.fail(at, format!("fake enum {ours:?}, spec {spec_values:?}"));
                }
            }
            (Ty::Enum(_), _) => differ(self, "enum"),
            (Ty::Array(item), Shape::Array(items)) => {
                self.check_ty(item, items, &format!("{at}[]"), relaxed)
            }
            (Ty::Array(_), _) => differ(self, "array"),
            (Ty::Object(obj), _) => {
                let name = openapi::ref_name(p).unwrap_or_default();
                if name != obj.name {
                    self.fail(at, format!("fake says {}, spec refers to {p}", obj.name));
                }
                self.check_obj(obj, p, at);
            }
            (Ty::Union(union), _) => self.check_union(union, p, at),
        }
    }
}

/// The body schema the fake uses for an operation.
enum Body {
    Obj(&'static Obj),
    Union(&'static Union),
}

/// `(spec file, path, method, path parameters with their formats, body)`.
type OperationRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, Option<&'static str>)],
    Body,
);

fn operations() -> Vec<OperationRow> {
    const PUBLISH_PARAMS: &[(&str, Option<&str>)] = &[("channelId", Some("int32"))];
    const UPDATE_PARAMS: &[(&str, Option<&str>)] =
        &[("channelId", Some("int32")), ("messageId", None)];
    const SEND_PARAMS: &[(&str, Option<&str>)] = &[("threadId", Some("int64"))];
    vec![
        (
            "custom-channels.v3.json",
            "/conversations/v3/custom-channels/{channelId}/messages",
            "post",
            PUBLISH_PARAMS,
            Body::Obj(&CHANNEL_MESSAGE_EGG_V3),
        ),
        (
            "custom-channels.2026-03.json",
            "/conversations/custom-channels/2026-03/{channelId}/messages",
            "post",
            PUBLISH_PARAMS,
            Body::Obj(&CHANNEL_MESSAGE_EGG_V3),
        ),
        (
            "custom-channels.2026-09.json",
            "/conversations/custom-channels/2026-09/{channelId}/messages",
            "post",
            PUBLISH_PARAMS,
            Body::Obj(&CHANNEL_MESSAGE_EGG_2026_09),
        ),
        (
            "custom-channels.2025-09.json",
            "/conversations/custom-channels/2025-09/{channelId}/messages",
            "post",
            PUBLISH_PARAMS,
            Body::Obj(&CHANNEL_MESSAGE_EGG_2026_09),
        ),
        (
            "custom-channels.v3.json",
            "/conversations/v3/custom-channels/{channelId}/messages/{messageId}",
            "patch",
            UPDATE_PARAMS,
            Body::Obj(&MESSAGE_UPDATE_REQUEST),
        ),
        (
            "custom-channels.2026-03.json",
            "/conversations/custom-channels/2026-03/{channelId}/messages/{messageId}",
            "patch",
            UPDATE_PARAMS,
            Body::Obj(&MESSAGE_UPDATE_REQUEST),
        ),
        (
            "custom-channels.2026-09.json",
            "/conversations/custom-channels/2026-09/{channelId}/messages/{messageId}",
            "patch",
            UPDATE_PARAMS,
            Body::Obj(&MESSAGE_UPDATE_REQUEST),
        ),
        (
            "custom-channels.2025-09.json",
            "/conversations/custom-channels/2025-09/{channelId}/messages/{messageId}",
            "patch",
            UPDATE_PARAMS,
            Body::Obj(&MESSAGE_UPDATE_REQUEST),
        ),
        (
            "conversations.v3.json",
            "/conversations/v3/conversations/threads/{threadId}/messages",
            "post",
            SEND_PARAMS,
            Body::Union(&MESSAGE_EGG),
        ),
        (
            "conversations.2026-09.json",
            "/conversations/conversations/2026-09/threads/{threadId}/messages",
            "post",
            SEND_PARAMS,
            Body::Union(&MESSAGE_EGG),
        ),
        // `PublicChannelIntegrationChannelPatch` is left out on purpose: the
        // spec types its fields as required empty objects, which the
        // project reads as optional strings (see `schema::CHANNEL_PATCH`).
        (
            "custom-channels.v3.json",
            "/conversations/custom-channels/v3",
            "post",
            &[],
            Body::Obj(&CHANNEL_CREATE),
        ),
        (
            "custom-channels.v3.json",
            "/conversations/v3/custom-channels/{channelId}/channel-account-staging-tokens/{accountToken}",
            "patch",
            &[("accountToken", None), ("channelId", Some("int32"))],
            Body::Obj(&STAGING_TOKEN_UPDATE_V3),
        ),
        (
            "custom-channels.v3.json",
            "/conversations/v3/custom-channels/{channelId}/channel-accounts",
            "post",
            &[("channelId", Some("int32"))],
            Body::Obj(&CHANNEL_ACCOUNT_EGG),
        ),
        (
            "custom-channels.v3.json",
            "/conversations/v3/custom-channels/{channelId}/channel-accounts/{channelAccountId}",
            "patch",
            &[
                ("channelAccountId", Some("int64")),
                ("channelId", Some("int32")),
            ],
            Body::Obj(&CHANNEL_ACCOUNT_UPDATE),
        ),
        (
            "custom-channels.2026-03.json",
            "/conversations/custom-channels/2026-03",
            "post",
            &[],
            Body::Obj(&CHANNEL_CREATE),
        ),
        (
            "custom-channels.2026-03.json",
            "/conversations/custom-channels/2026-03/{channelId}/channel-account-staging-tokens/{accountToken}",
            "patch",
            &[("accountToken", None), ("channelId", Some("int32"))],
            Body::Obj(&STAGING_TOKEN_UPDATE_V3),
        ),
        (
            "custom-channels.2026-03.json",
            "/conversations/custom-channels/2026-03/{channelId}/channel-accounts",
            "post",
            &[("channelId", Some("int32"))],
            Body::Obj(&CHANNEL_ACCOUNT_EGG),
        ),
        (
            "custom-channels.2026-03.json",
            "/conversations/custom-channels/2026-03/{channelId}/channel-accounts/{channelAccountId}",
            "patch",
            &[
                ("channelAccountId", Some("int64")),
                ("channelId", Some("int32")),
            ],
            Body::Obj(&CHANNEL_ACCOUNT_UPDATE),
        ),
        (
            "custom-channels.2026-09.json",
            "/conversations/custom-channels/2026-09",
            "post",
            &[],
            Body::Obj(&CHANNEL_CREATE),
        ),
        (
            "custom-channels.2026-09.json",
            "/conversations/custom-channels/2026-09/{channelId}/channel-account-staging-tokens/{accountToken}",
            "patch",
            &[("accountToken", None), ("channelId", Some("int32"))],
            Body::Obj(&STAGING_TOKEN_UPDATE_2026_09),
        ),
        (
            "custom-channels.2026-09.json",
            "/conversations/custom-channels/2026-09/{channelId}/channel-accounts",
            "post",
            &[("channelId", Some("int32"))],
            Body::Obj(&CHANNEL_ACCOUNT_EGG),
        ),
        (
            "custom-channels.2026-09.json",
            "/conversations/custom-channels/2026-09/{channelId}/channel-accounts/{channelAccountId}",
            "patch",
            &[
                ("channelAccountId", Some("int64")),
                ("channelId", Some("int32")),
            ],
            Body::Obj(&CHANNEL_ACCOUNT_UPDATE),
        ),
        (
            "custom-channels.2025-09.json",
            "/conversations/custom-channels/2025-09",
            "post",
            &[],
            Body::Obj(&CHANNEL_CREATE),
        ),
        (
            "custom-channels.2025-09.json",
            "/conversations/custom-channels/2025-09/{channelId}/channel-account-staging-tokens/{accountToken}",
            "patch",
            &[("accountToken", None), ("channelId", Some("int32"))],
            Body::Obj(&STAGING_TOKEN_UPDATE_2026_09),
        ),
        (
            "custom-channels.2025-09.json",
            "/conversations/custom-channels/2025-09/{channelId}/channel-accounts",
            "post",
            &[("channelId", Some("int32"))],
            Body::Obj(&CHANNEL_ACCOUNT_EGG),
        ),
        (
            "custom-channels.2025-09.json",
            "/conversations/custom-channels/2025-09/{channelId}/channel-accounts/{channelAccountId}",
            "patch",
            &[
                ("channelAccountId", Some("int64")),
                ("channelId", Some("int32")),
            ],
            Body::Obj(&CHANNEL_ACCOUNT_UPDATE),
        ),
        (
            "conversations.v3.json",
            "/conversations/conversations/v3/threads/{threadId}/assignee",
            "put",
            &[("threadId", Some("int64"))],
            Body::Obj(&THREAD_ASSIGN),
        ),
        (
            "conversations.v3.json",
            "/conversations/v3/conversations/actors/batch/read",
            "post",
            &[],
            Body::Obj(&BATCH_INPUT),
        ),
        (
            "conversations.v3.json",
            "/conversations/v3/conversations/threads/{threadId}",
            "patch",
            &[("threadId", Some("int64"))],
            Body::Obj(&THREAD_UPDATE),
        ),
        (
            "conversations.2026-09.json",
            "/conversations/conversations/2026-09/actors/batch/read",
            "post",
            &[],
            Body::Obj(&BATCH_INPUT),
        ),
        (
            "conversations.2026-09.json",
            "/conversations/conversations/2026-09/threads/{threadId}",
            "patch",
            &[("threadId", Some("int64"))],
            Body::Obj(&THREAD_UPDATE),
        ),
        (
            "conversations.2026-09.json",
            "/conversations/conversations/2026-09/threads/{threadId}/assignee",
            "put",
            &[("threadId", Some("int64"))],
            Body::Obj(&THREAD_ASSIGN),
        ),
        (
            "visitor-identification.v3.json",
            "/visitor-identification/v3/tokens/create",
            "post",
            &[],
            Body::Obj(&TOKEN_REQUEST),
        ),
        (
            "visitor-identification.2026-03.json",
            "/visitor-identification/2026-03/tokens/create",
            "post",
            &[],
            Body::Obj(&TOKEN_REQUEST),
        ),
        (
            "visitor-identification.2025-09.json",
            "/visitor-identification/2025-09/tokens/create",
            "post",
            &[],
            Body::Obj(&TOKEN_REQUEST_2025_09),
        ),
        (
            "visitor-identification.2026-09.json",
            "/visitor-identification/2026-09/tokens/create",
            "post",
            &[],
            Body::Obj(&TOKEN_REQUEST_2025_09),
        ),
    ]
    .into_iter()
    .chain(crm_operations())
    .collect()
}

/// The CRM request bodies, in each file and version.
fn crm_operations() -> Vec<OperationRow> {
    const CONTACT_ID: &[(&str, Option<&str>)] = &[("contactId", None)];
    const COMPANY_ID: &[(&str, Option<&str>)] = &[("companyId", None)];
    const OBJECT_TYPE: &[(&str, Option<&str>)] = &[("objectType", None)];
    const OBJECT_ID: &[(&str, Option<&str>)] = &[("objectId", None), ("objectType", None)];
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let mut rows = Vec::new();
    for api in ["contacts", "companies"] {
        for version in ["v3", "2026-03", "2026-09"] {
            let file = leak(format!("{api}.{version}.json"));
            let (root, type_params, id_path, id_params) = match (version, api) {
                ("2026-09", _) => (
                    "/crm/objects/2026-09/{objectType}".to_owned(),
                    OBJECT_TYPE,
                    "{objectId}",
                    OBJECT_ID,
                ),
                ("v3", "contacts") => (
                    format!("/crm/v3/objects/{api}"),
                    &[][..],
                    "{contactId}",
                    CONTACT_ID,
                ),
                ("v3", _) => (
                    format!("/crm/v3/objects/{api}"),
                    &[][..],
                    "{companyId}",
                    COMPANY_ID,
                ),
                (_, "contacts") => (
                    format!("/crm/objects/{version}/{api}"),
                    &[][..],
                    "{contactId}",
                    CONTACT_ID,
                ),
                _ => (
                    format!("/crm/objects/{version}/{api}"),
                    &[][..],
                    "{companyId}",
                    COMPANY_ID,
                ),
            };
            let at = |suffix: &str| leak(format!("{root}{suffix}"));
            rows.push((file, at(""), "post", type_params, Body::Obj(&CRM_CREATE)));
            rows.push((
                file,
                at(&format!("/{id_path}")),
                "patch",
                id_params,
                Body::Obj(&CRM_UPDATE),
            ));
            rows.push((
                file,
                at("/search"),
                "post",
                type_params,
                Body::Obj(&CRM_SEARCH),
            ));
            rows.push((
                file,
                at("/batch/read"),
                "post",
                type_params,
                Body::Obj(&CRM_BATCH_READ),
            ));
            rows.push((
                file,
                at("/batch/create"),
                "post",
                type_params,
                Body::Obj(&CRM_BATCH_CREATE),
            ));
        }
    }
    rows
}

/// The spec files of a route, from its path and version: the generic
/// `2026-09` CRM paths are in both the contacts and the companies spec.
fn spec_files(pattern: &str, version: &str) -> Vec<String> {
    let apis: &[&str] = if pattern.starts_with("/visitor-identification") {
        &["visitor-identification"]
    } else if pattern.contains("custom-channels") {
        &["custom-channels"]
    } else if pattern.starts_with("/crm/") && pattern.contains("/contacts") {
        &["contacts"]
    } else if pattern.starts_with("/crm/") && pattern.contains("/companies") {
        &["companies"]
    } else if pattern.starts_with("/crm/") {
        &["contacts", "companies"]
    } else {
        &["conversations"]
    };
    apis.iter()
        .map(|api| format!("{api}.{version}.json"))
        .collect()
}

#[test]
fn every_route_is_a_spec_operation_with_the_same_query_parameters() {
    let Some(specs) = specs() else { return };
    let mut mismatches = Vec::new();
    let mut seen = 0;
    for (method, pattern, op, version) in ROUTES {
        for file in spec_files(pattern, version.name()) {
            let doc = spec(&specs, &file);
            let (operations, _) = openapi::operations(doc);
            let found = operations.into_iter().find(|o| {
                o.method.eq_ignore_ascii_case(method)
                    && crate::routes::erase_placeholders(o.path) == *pattern
            });
            let Some(operation) = found else {
                mismatches.push(format!("{file}: {method} {pattern}: not in the spec"));
                continue;
            };
            seen += 1;
            let theirs: BTreeSet<(String, String, bool)> =
                openapi::parameters(doc, operation.path_item, operation.op, "query")
                    .into_iter()
                    .map(|p| {
                        let schema = &p["schema"];
                        let array = schema["type"] == "array";
                        let item = if array { &schema["items"] } else { schema };
                        let ty = match (item["type"].as_str(), item["format"].as_str()) {
                            (Some("string"), _) if item.get("enum").is_some() => {
                                let mut values: Vec<&str> = item["enum"]
                                    .as_array()
                                    .into_iter()
                                    .flatten()
                                    .filter_map(Value::as_str)
                                    .collect();
                                values.sort_unstable();
                                format!("enum {values:?}")
                            }
                            (Some("string"), Some("date-time")) => "date-time".to_owned(),
                            (Some(kind), Some(format)) => format!("{kind} {format}"),
                            (Some(kind), None) => kind.to_owned(),
                            _ => "?".to_owned(),
                        };
                        (p["name"].as_str().unwrap_or_default().to_owned(), ty, array)
                    })
                    .collect();
            let ours: BTreeSet<(String, String, bool)> = query_params_for(*op)
                .iter()
                .map(|p| (p.name.to_owned(), p.ty.describe(), p.array))
                .collect();
            if ours != theirs {
                mismatches.push(format!(
                    "{file}: {method} {pattern}: query parameters: fake {ours:?}, spec {theirs:?}"
                ));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "the fake's routes differ from the specs:\n{}",
        mismatches.join("\n")
    );
    // The generic 2026-09 CRM routes are checked in two files.
    assert_eq!(
        seen,
        CONVERSATIONS_ROUTES + CRM_ROUTES + 8,
        "every served (version, operation) pair is in its spec"
    );
}

#[test]
fn transcribed_schemas_match_the_specs() {
    let Some(specs) = specs() else { return };
    let mut mismatches = Vec::new();
    for (file, path, method, params, body) in operations() {
        let doc = spec(&specs, file);
        let mut checker = Checker {
            spec: doc,
            file,
            mismatches: Vec::new(),
        };
        let at = format!("{method} {path}");
        let Some(op) = openapi::operation(doc, method, path) else {
            checker.fail(&at, "operation not in the spec".into());
            mismatches.extend(checker.mismatches);
            continue;
        };
        let path_item = &doc["paths"][path];
        let spec_params: Vec<(String, Option<String>)> =
            openapi::parameters(doc, path_item, op, "path")
                .into_iter()
                .map(|p| {
                    let name = p.get("name").and_then(Value::as_str).unwrap_or_default();
                    let format = p.pointer("/schema/format").and_then(Value::as_str);
                    (name.to_string(), format.map(str::to_string))
                })
                .collect();
        let ours: Vec<(String, Option<String>)> = params
            .iter()
            .map(|(n, f)| ((*n).to_string(), f.map(str::to_string)))
            .collect();
        if ours != spec_params {
            checker.fail(
                &at,
                format!("path params: fake {ours:?}, spec {spec_params:?}"),
            );
        }
        let Some(body_schema) = openapi::request_schema(op) else {
            checker.fail(&at, "no JSON request body in the spec".into());
            mismatches.extend(checker.mismatches);
            continue;
        };
        match body {
            Body::Obj(obj) => {
                if openapi::ref_name(body_schema) != Some(obj.name) {
                    checker.fail(
                        &at,
                        format!("body is {body_schema}, fake uses {}", obj.name),
                    );
                }
                checker.check_obj(obj, body_schema, obj.name);
            }
            Body::Union(union) => {
                if openapi::ref_name(body_schema) != Some(union.name) {
                    checker.fail(
                        &at,
                        format!("body is {body_schema}, fake uses {}", union.name),
                    );
                }
                checker.check_union(union, body_schema, union.name);
            }
        }
        mismatches.extend(checker.mismatches);
    }
    assert!(
        mismatches.is_empty(),
        "the fake's schemas differ from the specs:\n{}",
        mismatches.join("\n")
    );
}

/// The Conversations spec files: the top level and [`OTHER_VERSIONS`].
fn conversations_files(specs: &LoadedSpecs) -> Vec<&hubspot_specs_support::SpecFile> {
    specs
        .files
        .iter()
        .filter(|f| f.folder == hubspot_specs_support::TOP || f.folder == OTHER_VERSIONS)
        .collect()
}

/// `path` with each `{name}` replaced by `1`.
fn concrete(path: &str) -> String {
    crate::routes::erase_placeholders(path).replace("{}", "1")
}

#[test]
fn every_conversations_spec_operation_is_served_in_its_version() {
    use crate::routes::{RouteMatch, match_route};
    let Some(specs) = specs() else { return };
    let mut missing = Vec::new();
    let mut served = 0;
    let files = conversations_files(&specs);
    for file in &files {
        let version = file.version().expect("a versioned spec file name");
        let (operations, _) = openapi::operations(&file.doc);
        for operation in operations {
            let method = operation.method.to_uppercase();
            match match_route(&method, &concrete(operation.path)) {
                RouteMatch::Found(found) if found.version.name() == version => served += 1,
                other => missing.push(format!(
                    "{}: {method} {}: {other:?}",
                    file.name, operation.path
                )),
            }
        }
    }
    assert!(
        missing.is_empty(),
        "spec operations the fake does not serve:\n{}",
        missing.join("\n")
    );
    // 7 top-level files and the 3 of `conversations-other-versions/`.
    assert_eq!(files.len(), 10, "{:?}", specs.dir);
    assert_eq!(served, CONVERSATIONS_ROUTES);
}

/// Whether an operation's `security` names the developer API key.
fn wants_developer_key(op: &Value) -> bool {
    op["security"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|requirement| requirement.get("developer_hapikey").is_some())
}

#[test]
fn credentials_are_the_ones_the_spec_security_names() {
    use crate::routes::{RouteMatch, match_route};
    let Some(specs) = specs() else { return };
    let mut mismatches = Vec::new();
    for file in conversations_files(&specs) {
        let (operations, _) = openapi::operations(&file.doc);
        for operation in operations {
            let method = operation.method.to_uppercase();
            let RouteMatch::Found(found) = match_route(&method, &concrete(operation.path)) else {
                continue; // reported by the test above
            };
            let ours = crate::server::needs_developer_key(found.op);
            let security_empty = operation.op["security"]
                .as_array()
                .is_none_or(|requirements| requirements.is_empty());
            // v3 and 2026-03 leave the administration operations'
            // `security` empty, yet take the developer key (see the specs'
            // README); every other operation must agree with its spec.
            let theirs = wants_developer_key(operation.op);
            if !(ours == theirs || (ours && security_empty)) {
                mismatches.push(format!(
                    "{}: {method} {}: fake wants the developer key: {ours}, spec: {theirs}",
                    file.name, operation.path
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
