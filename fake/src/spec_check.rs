//! Test-only: checks the transcribed [`schema`](crate::schema) and the
//! served routes against HubSpot's OpenAPI specs, when they are present
//! (`HUBSPOT_SPECS_DIR`, else `../shared/hubspot-specs` beside the
//! workspace). Without them the tests print a note and pass.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{Map, Value};

use crate::routes::{ROUTES, query_params_for};
use crate::schema::{
    BATCH_INPUT, CHANNEL_ACCOUNT_EGG, CHANNEL_ACCOUNT_UPDATE, CHANNEL_CREATE,
    CHANNEL_MESSAGE_EGG_2026_09, CHANNEL_MESSAGE_EGG_V3, MESSAGE_EGG, MESSAGE_UPDATE_REQUEST, Obj,
    STAGING_TOKEN_UPDATE_2026_09, STAGING_TOKEN_UPDATE_V3, THREAD_ASSIGN, THREAD_UPDATE,
    TOKEN_REQUEST, Ty, Union,
};

/// Places where the fake checks less than the spec, on purpose:
/// `(schema, property)`.
const RELAXED: &[(&str, &str)] = &[
    // An enum of several hundred CRM property names; checked as strings.
    ("PreResolvedContact", "contactPropertiesLeadingToMatch"),
];

fn specs_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("HUBSPOT_SPECS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/hubspot-specs")
        });
    if dir.join("custom-channels.v3.json").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "note: HubSpot specs not found at {}; skipping spec conformance checks \
             (set HUBSPOT_SPECS_DIR)",
            dir.display()
        );
        None
    }
}

fn load(dir: &std::path::Path, file: &str) -> Value {
    let text = std::fs::read_to_string(dir.join(file)).expect("spec file readable");
    serde_json::from_str(&text).expect("spec file is JSON")
}

struct Checker<'a> {
    spec: &'a Value,
    file: &'a str,
    mismatches: Vec<String>,
}

impl Checker<'_> {
    fn schema(&self, name: &str) -> Option<&Value> {
        self.spec.pointer(&format!("/components/schemas/{name}"))
    }

    fn fail(&mut self, at: &str, what: String) {
        self.mismatches.push(format!("{}: {at}: {what}", self.file));
    }

    /// Properties and required names of a (possibly `allOf`) object
    /// schema; `allOf` parts that are unions (the parent `oneOf` a variant
    /// refers back to) are skipped.
    fn flatten(&self, schema: &Value) -> (Map<String, Value>, BTreeSet<String>) {
        let mut props = Map::new();
        let mut required = BTreeSet::new();
        let schema = &self.deref(schema);
        if schema.get("oneOf").is_some() {
            return (props, required);
        }
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            for part in parts {
                let (p, r) = self.flatten(part);
                props.extend(p);
                required.extend(r);
            }
        }
        if let Some(p) = schema.get("properties").and_then(Value::as_object) {
            props.extend(p.clone());
        }
        if let Some(r) = schema.get("required").and_then(Value::as_array) {
            required.extend(r.iter().filter_map(Value::as_str).map(str::to_string));
        }
        (props, required)
    }

    fn deref(&self, schema: &Value) -> Value {
        match ref_name(schema).and_then(|n| self.schema(n)) {
            Some(target) => self.deref(target),
            None => schema.clone(),
        }
    }

    fn check_obj(&mut self, obj: &Obj, spec_schema: &Value, at: &str) {
        let (props, required) = self.flatten(spec_schema);
        let ours: BTreeSet<String> = obj.fields.iter().map(|f| f.name.to_string()).collect();
        let theirs: BTreeSet<String> = props.keys().cloned().collect();
        if ours != theirs {
            self.fail(
                at,
                format!("properties differ: fake {ours:?}, spec {theirs:?}"),
            );
        }
        let ours_required: BTreeSet<String> = obj
            .fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.name.to_string())
            .collect();
        if ours_required != required {
            self.fail(
                at,
                format!("required differ: fake {ours_required:?}, spec {required:?}"),
            );
        }
        for field in obj.fields {
            if let Some(p) = props.get(field.name) {
                let relaxed = RELAXED.contains(&(obj.name, field.name));
                self.check_ty(&field.ty, p, &format!("{at}.{}", field.name), relaxed);
            }
        }
    }

    fn check_union(&mut self, union: &Union, spec_schema: &Value, at: &str) {
        let spec_schema = self.deref(spec_schema);
        let Some(refs) = spec_schema.get("oneOf").and_then(Value::as_array) else {
            self.fail(at, "spec has no oneOf".into());
            return;
        };
        if refs.len() != union.variants.len() {
            self.fail(
                at,
                format!(
                    "{} variants in the fake, {} in the spec",
                    union.variants.len(),
                    refs.len()
                ),
            );
        }
        for r in refs {
            let name = ref_name(r).unwrap_or_default().to_string();
            let (props, _) = self.flatten(r);
            let tag = props
                .get("type")
                .and_then(|t| t.get("enum"))
                .and_then(Value::as_array)
                .and_then(|e| e.first())
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            match union.variant(&tag) {
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
                    self.check_obj(obj, r, &format!("{at}<{tag}>"));
                }
                None => self.fail(
                    at,
                    format!("spec variant {name} (type {tag}) missing from the fake"),
                ),
            }
        }
    }

    fn check_ty(&mut self, ty: &Ty, p: &Value, at: &str, relaxed: bool) {
        let target = self.deref(p);
        let kind = target.get("type").and_then(Value::as_str);
        let format = target.get("format").and_then(Value::as_str);
        let has_enum = target.get("enum").is_some();
        match ty {
            Ty::String => {
                if kind != Some("string") || (has_enum && !relaxed) || format == Some("date-time") {
                    self.fail(at, format!("fake says string, spec says {target}"));
                }
            }
            Ty::DateTime => {
                if kind != Some("string") || format != Some("date-time") {
                    self.fail(at, format!("fake says date-time, spec says {target}"));
                }
            }
            Ty::Int32 | Ty::Int64 => {
                let ours = if matches!(ty, Ty::Int32) {
                    "int32"
                } else {
                    "int64"
                };
                if kind != Some("integer") || format != Some(ours) {
                    self.fail(at, format!("fake says {ours}, spec says {target}"));
                }
            }
            Ty::Number => {
                if kind != Some("number") {
                    self.fail(at, format!("fake says number, spec says {target}"));
                }
            }
            Ty::Boolean => {
                if kind != Some("boolean") {
                    self.fail(at, format!("fake says boolean, spec says {target}"));
                }
            }
            Ty::Map(values) => match target.get("additionalProperties") {
                Some(inner)
                    if kind == Some("object")
                        && target
                            .get("properties")
                            .is_none_or(|p| p.as_object().is_some_and(|p| p.is_empty())) =>
                {
                    self.check_ty(values, inner, &format!("{at}{{}}"), relaxed)
                }
                _ => self.fail(at, format!("fake says map, spec says {target}")),
            },
            Ty::FreeObject => {
                let free_form = kind == Some("object")
                    && target
                        .get("properties")
                        .is_none_or(|p| p.as_object().is_some_and(|p| p.is_empty()))
                    && target.get("additionalProperties").is_none();
                if !free_form {
                    self.fail(
                        at,
                        format!("fake says free-form object, spec says {target}"),
                    );
                }
            }
            Ty::Enum(values) => {
                let ours: BTreeSet<&str> = values.iter().copied().collect();
                let theirs: BTreeSet<&str> = target
                    .get("enum")
                    .and_then(Value::as_array)
                    .map(|e| e.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                if kind != Some("string") || ours != theirs {
                    self.fail(at, format!("fake enum {ours:?}, spec {target}"));
                }
            }
            Ty::Array(item) => match target.get("items") {
                Some(items) if kind == Some("array") => {
                    self.check_ty(item, items, &format!("{at}[]"), relaxed)
                }
                _ => self.fail(at, format!("fake says array, spec says {target}")),
            },
            Ty::Object(obj) => {
                let name = ref_name(p).unwrap_or_default();
                if name != obj.name {
                    self.fail(at, format!("fake says {}, spec refers to {p}", obj.name));
                }
                self.check_obj(obj, p, at);
            }
            Ty::Union(union) => self.check_union(union, p, at),
        }
    }
}

fn ref_name(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
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
    ]
}

/// The spec file of a route, from its path and version.
fn spec_file(pattern: &str, version: &str) -> String {
    let api = if pattern.starts_with("/visitor-identification") {
        "visitor-identification"
    } else if pattern.contains("custom-channels") {
        "custom-channels"
    } else {
        "conversations"
    };
    format!("{api}.{version}.json")
}

#[test]
fn every_route_is_a_spec_operation_with_the_same_query_parameters() {
    let Some(dir) = specs_dir() else { return };
    let mut mismatches = Vec::new();
    let mut seen = 0;
    for (method, pattern, op, version) in ROUTES {
        let version = match version {
            crate::routes::Ver::V3 => "v3",
            crate::routes::Ver::V2026_03 => "2026-03",
            crate::routes::Ver::V2026_09 => "2026-09",
        };
        let file = spec_file(pattern, version);
        let spec = load(&dir, &file);
        let found = spec["paths"]
            .as_object()
            .into_iter()
            .flatten()
            .find_map(|(path, item)| {
                let erased = crate::routes::erase_placeholders(path);
                (erased == *pattern)
                    .then(|| item.get(method.to_lowercase()))
                    .flatten()
            });
        let Some(operation) = found else {
            mismatches.push(format!("{file}: {method} {pattern}: not in the spec"));
            continue;
        };
        seen += 1;
        let theirs: BTreeSet<(String, String, bool)> = operation["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["in"] == "query")
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
    assert!(
        mismatches.is_empty(),
        "the fake's routes differ from the specs:\n{}",
        mismatches.join("\n")
    );
    assert_eq!(seen, 77, "every (version, operation) pair is served");
}

#[test]
fn transcribed_schemas_match_the_specs() {
    let Some(dir) = specs_dir() else { return };
    let mut mismatches = Vec::new();
    for (file, path, method, params, body) in operations() {
        let spec = load(&dir, file);
        let mut checker = Checker {
            spec: &spec,
            file,
            mismatches: Vec::new(),
        };
        let at = format!("{method} {path}");
        let Some(op) = spec
            .get("paths")
            .and_then(|p| p.get(path))
            .and_then(|p| p.get(method))
        else {
            checker.fail(&at, "operation not in the spec".into());
            mismatches.extend(checker.mismatches);
            continue;
        };
        let spec_params: Vec<(String, Option<String>)> = op
            .get("parameters")
            .and_then(Value::as_array)
            .map(|ps| {
                ps.iter()
                    .filter(|p| p.get("in").and_then(Value::as_str) == Some("path"))
                    .map(|p| {
                        let name = p.get("name").and_then(Value::as_str).unwrap_or_default();
                        let format = p.pointer("/schema/format").and_then(Value::as_str);
                        (name.to_string(), format.map(str::to_string))
                    })
                    .collect()
            })
            .unwrap_or_default();
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
        let Some(body_schema) = op
            .pointer("/requestBody/content/application~1json/schema")
            .cloned()
        else {
            checker.fail(&at, "no JSON request body in the spec".into());
            mismatches.extend(checker.mismatches);
            continue;
        };
        match body {
            Body::Obj(obj) => {
                if ref_name(&body_schema) != Some(obj.name) {
                    checker.fail(
                        &at,
                        format!("body is {body_schema}, fake uses {}", obj.name),
                    );
                }
                checker.check_obj(obj, &body_schema, obj.name);
            }
            Body::Union(union) => {
                if ref_name(&body_schema) != Some(union.name) {
                    checker.fail(
                        &at,
                        format!("body is {body_schema}, fake uses {}", union.name),
                    );
                }
                checker.check_union(union, &body_schema, union.name);
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
