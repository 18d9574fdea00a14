//! Reading HubSpot's OpenAPI specs in the fake's tests, with
//! `hubspot-specs-support`: responses validated with the `jsonschema`
//! crate, and a generator of invalid variants of a valid request body.
//!
//! The specs are looked up in `HUBSPOT_SPECS_DIR`, else in
//! `../shared/hubspot-specs` beside the workspace; tests skip (with a note)
//! when they are absent, and fail under CI.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use hubspot_specs_support::openapi::{self, ObjectShape, Shape};
use hubspot_specs_support::schema::{self, Unknown};
use serde_json::{Value, json};

/// One parsed spec file.
pub struct Spec {
    pub file: String,
    pub doc: Value,
    /// The components with the project's readings, for validators.
    components: Value,
    /// Validators already built, by `method path status`.
    validators: Mutex<HashMap<String, Arc<hubspot_specs_support::jsonschema::Validator>>>,
}

/// The folder of the Conversations versions HubSpot's collection keeps
/// apart from the top level.
pub const OTHER_VERSIONS: &str = "conversations-other-versions";

/// The spec files in [`OTHER_VERSIONS`].
const IN_OTHER_VERSIONS: &[&str] = &[
    "custom-channels.2025-09.json",
    "visitor-identification.2025-09.json",
    "visitor-identification.2026-09.json",
];

/// Where a Conversations spec file is, relative to the specs directory:
/// `custom-channels.v3.json` at the top level,
/// `conversations-other-versions/custom-channels.2025-09.json`.
pub fn conversations_file(name: &str) -> String {
    if IN_OTHER_VERSIONS.contains(&name) {
        format!("{OTHER_VERSIONS}/{name}")
    } else {
        name.to_owned()
    }
}

/// [`load`] of a Conversations spec file by name, wherever it is.
pub fn load_conversations(name: &str) -> Option<Spec> {
    load(&conversations_file(name))
}

/// Loads a spec file, or `None` (with a note on stderr) if the specs are
/// not available; panics instead under CI.
pub fn load(file: &str) -> Option<Spec> {
    let spec = hubspot_specs_support::load_file(file)?;
    Some(Spec {
        components: schema::fixed_components(&spec.doc),
        file: spec.name,
        doc: spec.doc,
        validators: Mutex::default(),
    })
}

impl Spec {
    fn shape<'a>(&'a self, schema: &'a Value) -> Shape<'a> {
        openapi::shape_of(&self.doc, schema)
            .unwrap_or_else(|e| panic!("{}: unreadable schema {schema}: {e}", self.file))
    }

    /// The member of a `oneOf` selected by `value["type"]`.
    fn pick_variant<'a>(&'a self, members: &[&'a Value], value: &Value) -> Option<&'a Value> {
        let tag = value.get("type").and_then(Value::as_str)?;
        members
            .iter()
            .copied()
            .find(|m| openapi::variant_tag(&self.doc, m, "type") == Some(tag))
    }

    /// Every problem with `value` against `schema`. Unlike the fake, this
    /// is strict about unknown properties: responses must not carry
    /// properties the spec does not declare.
    pub fn validate(&self, schema: &Value, value: &Value) -> Vec<String> {
        let validator = schema::validator(&self.components, schema, Unknown::Rejected);
        schema::errors(&validator, value)
    }

    /// The operation object for a path template and method.
    pub fn operation(&self, path: &str, method: &str) -> &Value {
        openapi::operation(&self.doc, method, path)
            .unwrap_or_else(|| panic!("{}: no operation {method} {path}", self.file))
    }

    /// The response schema an operation declares for a status (falling back
    /// to `default`).
    pub fn response_schema(&self, path: &str, method: &str, status: u16) -> Value {
        let responses = self
            .operation(path, method)
            .get("responses")
            .expect("responses");
        let response = responses
            .get(status.to_string())
            .or_else(|| responses.get("default"))
            .unwrap_or_else(|| panic!("{}: {method} {path} declares no {status}", self.file));
        openapi::response_schema(&self.doc, response)
            .unwrap_or_else(|e| panic!("{}: {method} {path} {status}: {e}", self.file))
            .cloned()
            .expect("response schema")
    }

    /// The request body schema of an operation.
    pub fn request_schema(&self, path: &str, method: &str) -> Value {
        openapi::request_schema(self.operation(path, method))
            .cloned()
            .expect("request body schema")
    }

    /// Panics, listing the problems, unless `body` is valid for the
    /// response `status` of the operation.
    pub fn assert_response(&self, path: &str, method: &str, status: u16, body: &Value) {
        let key = format!("{method} {path} {status}");
        let validator = self
            .validators
            .lock()
            .unwrap()
            .entry(key)
            .or_insert_with(|| {
                let schema = self.response_schema(path, method, status);
                Arc::new(schema::validator(
                    &self.components,
                    &schema,
                    Unknown::Rejected,
                ))
            })
            .clone();
        let mut body = body.clone();
        if status >= 400 {
            // HubSpot's real error bodies carry `"status": "error"`, which
            // the spec's `Error` schema does not declare.
            let removed = body.as_object_mut().and_then(|m| m.remove("status"));
            assert_eq!(
                removed,
                Some(Value::from("error")),
                "error body without status"
            );
        }
        let body = &body;
        let errors = schema::errors(&validator, body);
        assert!(
            errors.is_empty(),
            "{}: {method} {path} {status} response does not match the spec:\n{}\nbody: {body:#}",
            self.file,
            errors.join("\n")
        );
    }
}

/// An invalid variant of a valid body, and the one error the fake must
/// report for it.
#[derive(Debug, Clone)]
pub struct Mutation {
    /// JSON pointer of the value changed (or removed).
    pub pointer: String,
    /// The new value; `None` removes the property.
    pub new: Option<Value>,
    /// Expected `errors[0].in`.
    pub expect_in: String,
    /// Expected `errors[0].code`.
    pub expect_code: &'static str,
    /// Expected `errors[0].context.allowedValues`, for enums.
    pub allowed: Option<BTreeSet<String>>,
}

impl Mutation {
    /// `body` with this mutation applied.
    pub fn apply(&self, body: &Value) -> Value {
        let mut out = body.clone();
        match &self.new {
            Some(v) => *out.pointer_mut(&self.pointer).expect("pointer exists") = v.clone(),
            None => {
                let (parent, key) = self.pointer.rsplit_once('/').expect("pointer");
                out.pointer_mut(parent)
                    .and_then(Value::as_object_mut)
                    .expect("parent object")
                    .remove(key);
            }
        }
        out
    }
}

/// Properties whose spec enum the fake deliberately does not check (an
/// enum of several hundred CRM property names).
const RELAXED_ENUM: &str = "contactPropertiesLeadingToMatch";

impl Spec {
    /// Every single-fault mutation of `value` the spec says must be
    /// rejected: each required property removed, each value given a wrong
    /// JSON type, each enum given an unknown value, each date-time and
    /// int32 given a bad format. Also returns the spec properties that
    /// `value` does not exercise (so tests can insist on full coverage).
    pub fn mutations(&self, schema: &Value, value: &Value) -> (Vec<Mutation>, Vec<String>) {
        let mut out = Vec::new();
        let mut uncovered = Vec::new();
        self.walk(schema, value, "", "", None, &mut out, &mut uncovered);
        (out, uncovered)
    }

    #[allow(clippy::too_many_arguments)]
    fn walk(
        &self,
        schema: &Value,
        value: &Value,
        pointer: &str,
        path: &str,
        union_tags: Option<&BTreeSet<String>>,
        out: &mut Vec<Mutation>,
        uncovered: &mut Vec<String>,
    ) {
        let name = path.rsplit(['.', '[']).next().unwrap_or_default();
        let string_like = |out: &mut Vec<Mutation>| {
            out.push(type_mutation(pointer, path, json!(12345)));
        };
        match self.shape(schema) {
            Shape::Union(union) => {
                let tags: BTreeSet<String> = union
                    .members
                    .iter()
                    .filter_map(|m| openapi::variant_tag(&self.doc, m, "type"))
                    .map(str::to_owned)
                    .collect();
                if !pointer.is_empty() {
                    out.push(type_mutation(pointer, path, "x".into()));
                }
                let variant = self
                    .pick_variant(&union.members, value)
                    .unwrap_or_else(|| panic!("{}: example {value} matches no variant", self.file));
                let Shape::Object(object) = self.shape(variant) else {
                    panic!(
                        "{}: {path}: a union member that is not an object",
                        self.file
                    )
                };
                self.walk_object(&object, value, pointer, path, Some(&tags), out, uncovered);
            }
            Shape::Object(object) => {
                if !pointer.is_empty() {
                    out.push(type_mutation(pointer, path, "x".into()));
                }
                self.walk_object(&object, value, pointer, path, union_tags, out, uncovered);
            }
            Shape::Map(_) => {
                if !pointer.is_empty() {
                    out.push(type_mutation(pointer, path, "x".into()));
                }
            }
            Shape::Array(item) => {
                out.push(type_mutation(pointer, path, json!({})));
                let items = value.as_array().expect("example array");
                if items.is_empty() {
                    uncovered.push(format!("{path}[]"));
                }
                for (i, v) in items.iter().enumerate() {
                    self.walk(
                        item,
                        v,
                        &format!("{pointer}/{i}"),
                        &format!("{path}[{i}]"),
                        None,
                        out,
                        uncovered,
                    );
                }
            }
            Shape::String => string_like(out),
            Shape::Enum(values) => {
                string_like(out);
                if !path.contains(RELAXED_ENUM) {
                    let allowed: BTreeSet<String> = match union_tags {
                        Some(tags) if name == "type" => tags.clone(),
                        _ => values.iter().map(|v| (*v).to_owned()).collect(),
                    };
                    out.push(Mutation {
                        pointer: pointer.to_string(),
                        new: Some(json!("NOT_A_VALID_VALUE")),
                        expect_in: path.to_string(),
                        expect_code: "INVALID_ENUM",
                        allowed: Some(allowed),
                    });
                }
            }
            Shape::DateTime => {
                string_like(out);
                out.push(Mutation {
                    pointer: pointer.to_string(),
                    new: Some(json!("2026-02-30 25:00")),
                    expect_in: path.to_string(),
                    expect_code: "INVALID_FORMAT",
                    allowed: None,
                });
            }
            shape @ (Shape::Int32 | Shape::Int64) => {
                out.push(type_mutation(pointer, path, json!("12")));
                out.push(type_mutation(pointer, path, json!(1.5)));
                let too_big = if matches!(shape, Shape::Int32) {
                    json!(1u64 << 40)
                } else {
                    json!(u64::MAX)
                };
                out.push(Mutation {
                    pointer: pointer.to_string(),
                    new: Some(too_big),
                    expect_in: path.to_string(),
                    expect_code: "INVALID_FORMAT",
                    allowed: None,
                });
            }
            Shape::Number => out.push(type_mutation(pointer, path, json!("1.5"))),
            Shape::Boolean => out.push(type_mutation(pointer, path, json!("true"))),
            Shape::Any => panic!("{}: {path}: a schema without a type", self.file),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn walk_object(
        &self,
        object: &ObjectShape<'_>,
        value: &Value,
        pointer: &str,
        path: &str,
        union_tags: Option<&BTreeSet<String>>,
        out: &mut Vec<Mutation>,
        uncovered: &mut Vec<String>,
    ) {
        let map = value.as_object().expect("example object");
        for (name, prop) in &object.properties {
            let child_path = if path.is_empty() {
                (*name).to_owned()
            } else {
                format!("{path}.{name}")
            };
            let child_pointer = format!("{pointer}/{name}");
            let Some(child) = map.get(*name) else {
                uncovered.push(child_path);
                continue;
            };
            if object.required.contains(name) {
                out.push(Mutation {
                    pointer: child_pointer.clone(),
                    new: None,
                    expect_in: child_path.clone(),
                    expect_code: "REQUIRED_FIELD",
                    allowed: (*name == "type").then(|| union_tags.cloned()).flatten(),
                });
            }
            let tags = if *name == "type" { union_tags } else { None };
            self.walk(
                prop,
                child,
                &child_pointer,
                &child_path,
                tags,
                out,
                uncovered,
            );
        }
    }
}

fn type_mutation(pointer: &str, path: &str, new: Value) -> Mutation {
    Mutation {
        pointer: pointer.to_string(),
        new: Some(new),
        expect_in: path.to_string(),
        expect_code: "INVALID_TYPE",
        allowed: None,
    }
}
