//! Reading HubSpot's OpenAPI specs in tests: a validator for the subset of
//! JSON Schema they use, and a generator of invalid variants of a valid
//! request body.
//!
//! The specs are looked up in `HUBSPOT_SPECS_DIR`, else in
//! `../shared/hubspot-specs` beside the workspace; tests skip (with a note)
//! when they are absent.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{Map, Value, json};

/// One parsed spec file.
pub struct Spec {
    pub file: String,
    pub doc: Value,
}

/// Loads a spec file, or `None` (with a note on stderr) if the specs are
/// not available.
pub fn load(file: &str) -> Option<Spec> {
    let dir = std::env::var_os("HUBSPOT_SPECS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/hubspot-specs")
        });
    let path = dir.join(file);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(Spec {
            file: file.to_string(),
            doc: serde_json::from_str(&text).expect("spec is JSON"),
        }),
        Err(_) => {
            eprintln!(
                "note: {} not found; skipping this spec check (set HUBSPOT_SPECS_DIR)",
                path.display()
            );
            None
        }
    }
}

fn ref_name(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
}

/// A schema with `$ref`s followed and `allOf` parts merged. `allOf` parts
/// that are `oneOf` unions (a variant referring back to its parent union,
/// a quirk of the 2026-09 specs) are skipped.
#[derive(Debug, Clone, Default)]
pub struct Flat {
    pub kind: Option<String>,
    pub format: Option<String>,
    pub enumeration: Option<Vec<String>>,
    pub properties: Map<String, Value>,
    pub required: BTreeSet<String>,
    pub items: Option<Value>,
    pub additional: Option<Value>,
    pub one_of: Option<Vec<Value>>,
}

impl Spec {
    pub fn schema(&self, name: &str) -> &Value {
        self.doc
            .pointer(&format!("/components/schemas/{name}"))
            .unwrap_or_else(|| panic!("{}: no schema {name}", self.file))
    }

    pub fn flatten(&self, schema: &Value) -> Flat {
        if let Some(name) = ref_name(schema) {
            return self.flatten(self.schema(name));
        }
        let mut flat = Flat::default();
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            for part in parts {
                let sub = self.flatten(part);
                if sub.one_of.is_some() {
                    continue;
                }
                flat.kind = flat.kind.or(sub.kind);
                flat.properties.extend(sub.properties);
                flat.required.extend(sub.required);
            }
        }
        let s = |k: &str| schema.get(k).and_then(Value::as_str).map(str::to_string);
        flat.kind = s("type").or(flat.kind);
        flat.format = s("format");
        flat.enumeration = schema.get("enum").and_then(Value::as_array).map(|e| {
            e.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        });
        if let Some(p) = schema.get("properties").and_then(Value::as_object) {
            flat.properties.extend(p.clone());
        }
        if let Some(r) = schema.get("required").and_then(Value::as_array) {
            flat.required
                .extend(r.iter().filter_map(Value::as_str).map(str::to_string));
        }
        flat.items = schema.get("items").cloned();
        flat.additional = schema.get("additionalProperties").cloned();
        flat.one_of = schema.get("oneOf").and_then(Value::as_array).cloned();
        if flat.kind.is_none() && !flat.properties.is_empty() {
            flat.kind = Some("object".into());
        }
        flat
    }

    /// The `type` tag of a `oneOf` variant (its `type` property's single
    /// enum value).
    pub fn variant_tag(&self, variant: &Value) -> Option<String> {
        let flat = self.flatten(variant);
        let t = self.flatten(flat.properties.get("type")?);
        t.enumeration?.first().cloned()
    }

    /// The variant of a `oneOf` selected by `value["type"]`.
    pub fn pick_variant<'a>(&self, variants: &'a [Value], value: &Value) -> Option<&'a Value> {
        let tag = value.get("type").and_then(Value::as_str)?;
        variants
            .iter()
            .find(|v| self.variant_tag(v).as_deref() == Some(tag))
    }

    /// Every problem with `value` against `schema`, as `path: message`.
    /// Unlike the fake, this is strict about unknown properties: responses
    /// must not carry properties the spec does not declare.
    pub fn validate(&self, schema: &Value, value: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(schema, value, "$", &mut errors);
        errors
    }

    fn check(&self, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
        let flat = self.flatten(schema);
        if let Some(variants) = &flat.one_of {
            match self.pick_variant(variants, value) {
                Some(variant) => self.check(variant, value, path, errors),
                None => errors.push(format!("{path}: no oneOf variant for {value}")),
            }
            return;
        }
        match flat.kind.as_deref() {
            Some("object") => {
                let Some(map) = value.as_object() else {
                    errors.push(format!("{path}: expected object, got {value}"));
                    return;
                };
                for name in &flat.required {
                    if map.get(name).is_none_or(Value::is_null) {
                        errors.push(format!("{path}.{name}: required, missing"));
                    }
                }
                for (name, v) in map {
                    let child = format!("{path}.{name}");
                    match (flat.properties.get(name), &flat.additional) {
                        (Some(p), _) => self.check(p, v, &child, errors),
                        (None, Some(Value::Object(a))) => {
                            self.check(&Value::Object(a.clone()), v, &child, errors)
                        }
                        (None, Some(Value::Bool(true))) => {}
                        _ => errors.push(format!("{child}: not declared in the spec")),
                    }
                }
            }
            Some("array") => {
                let Some(items) = value.as_array() else {
                    errors.push(format!("{path}: expected array, got {value}"));
                    return;
                };
                if let Some(item) = &flat.items {
                    for (i, v) in items.iter().enumerate() {
                        self.check(item, v, &format!("{path}[{i}]"), errors);
                    }
                }
            }
            Some("string") => {
                let Some(s) = value.as_str() else {
                    errors.push(format!("{path}: expected string, got {value}"));
                    return;
                };
                if let Some(allowed) = &flat.enumeration
                    && !allowed.iter().any(|a| a == s)
                {
                    errors.push(format!("{path}: {s:?} not in {allowed:?}"));
                }
                if flat.format.as_deref() == Some("date-time") && !looks_like_date_time(s) {
                    errors.push(format!("{path}: {s:?} is not a date-time"));
                }
            }
            Some("integer") => {
                let ok = match flat.format.as_deref() {
                    Some("int32") => value.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
                    _ => value.is_i64(),
                };
                if !ok {
                    errors.push(format!(
                        "{path}: expected {:?} integer, got {value}",
                        flat.format
                    ));
                }
            }
            Some("number") if !value.is_number() => {
                errors.push(format!("{path}: expected number, got {value}"));
            }
            Some("boolean") if !value.is_boolean() => {
                errors.push(format!("{path}: expected boolean, got {value}"));
            }
            _ => {}
        }
    }

    /// The operation object for a path template and method.
    pub fn operation(&self, path: &str, method: &str) -> &Value {
        self.doc
            .get("paths")
            .and_then(|p| p.get(path))
            .and_then(|p| p.get(method))
            .unwrap_or_else(|| panic!("{}: no operation {method} {path}", self.file))
    }

    /// The response schema an operation declares for a status (falling back
    /// to `default`).
    pub fn response_schema(&self, path: &str, method: &str, status: u16) -> Value {
        let responses = self
            .operation(path, method)
            .get("responses")
            .expect("responses");
        let mut response = responses
            .get(status.to_string())
            .or_else(|| responses.get("default"))
            .unwrap_or_else(|| panic!("{}: {method} {path} declares no {status}", self.file));
        if let Some(name) = ref_name(response) {
            response = self
                .doc
                .pointer(&format!("/components/responses/{name}"))
                .expect("response ref");
        }
        let content = response.get("content").expect("response content");
        content
            .get("application/json")
            .or_else(|| content.get("*/*"))
            .and_then(|c| c.get("schema"))
            .cloned()
            .expect("response schema")
    }

    /// The request body schema of an operation.
    pub fn request_schema(&self, path: &str, method: &str) -> Value {
        self.operation(path, method)
            .pointer("/requestBody/content/application~1json/schema")
            .cloned()
            .expect("request body schema")
    }

    /// Panics, listing the problems, unless `body` is valid for the
    /// response `status` of the operation.
    pub fn assert_response(&self, path: &str, method: &str, status: u16, body: &Value) {
        let schema = self.response_schema(path, method, status);
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
        let errors = self.validate(&schema, body);
        assert!(
            errors.is_empty(),
            "{}: {method} {path} {status} response does not match the spec:\n{}\nbody: {body:#}",
            self.file,
            errors.join("\n")
        );
    }
}

fn looks_like_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && (s.ends_with('Z') || s[19..].contains(['+', '-']))
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
        let flat = self.flatten(schema);
        if let Some(variants) = &flat.one_of {
            let tags: BTreeSet<String> = variants
                .iter()
                .filter_map(|v| self.variant_tag(v))
                .collect();
            if !pointer.is_empty() {
                out.push(type_mutation(pointer, path, "x".into()));
            }
            let variant = self
                .pick_variant(variants, value)
                .unwrap_or_else(|| panic!("{}: example {value} matches no variant", self.file));
            self.walk_object(
                &self.flatten(variant),
                value,
                pointer,
                path,
                Some(&tags),
                out,
                uncovered,
            );
            return;
        }
        let name = path.rsplit(['.', '[']).next().unwrap_or_default();
        match flat.kind.as_deref() {
            Some("object") => {
                if !pointer.is_empty() {
                    out.push(type_mutation(pointer, path, "x".into()));
                }
                self.walk_object(&flat, value, pointer, path, union_tags, out, uncovered);
            }
            Some("array") => {
                out.push(type_mutation(pointer, path, json!({})));
                let items = value.as_array().expect("example array");
                if items.is_empty() {
                    uncovered.push(format!("{path}[]"));
                }
                if let Some(item) = &flat.items {
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
            }
            Some("string") => {
                out.push(type_mutation(pointer, path, json!(12345)));
                if let Some(allowed) = &flat.enumeration
                    && !path.contains(RELAXED_ENUM)
                {
                    let allowed: BTreeSet<String> = match union_tags {
                        Some(tags) if name == "type" => tags.clone(),
                        _ => allowed.iter().cloned().collect(),
                    };
                    out.push(Mutation {
                        pointer: pointer.to_string(),
                        new: Some(json!("NOT_A_VALID_VALUE")),
                        expect_in: path.to_string(),
                        expect_code: "INVALID_ENUM",
                        allowed: Some(allowed),
                    });
                }
                if flat.format.as_deref() == Some("date-time") {
                    out.push(Mutation {
                        pointer: pointer.to_string(),
                        new: Some(json!("2026-02-30 25:00")),
                        expect_in: path.to_string(),
                        expect_code: "INVALID_FORMAT",
                        allowed: None,
                    });
                }
            }
            Some("integer") => {
                out.push(type_mutation(pointer, path, json!("12")));
                out.push(type_mutation(pointer, path, json!(1.5)));
                let too_big = if flat.format.as_deref() == Some("int32") {
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
            Some("number") => out.push(type_mutation(pointer, path, json!("1.5"))),
            Some("boolean") => out.push(type_mutation(pointer, path, json!("true"))),
            other => panic!("{}: {path}: unexpected schema type {other:?}", self.file),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn walk_object(
        &self,
        flat: &Flat,
        value: &Value,
        pointer: &str,
        path: &str,
        union_tags: Option<&BTreeSet<String>>,
        out: &mut Vec<Mutation>,
        uncovered: &mut Vec<String>,
    ) {
        let map = value.as_object().expect("example object");
        for (name, prop) in &flat.properties {
            let child_path = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}.{name}")
            };
            let child_pointer = format!("{pointer}/{name}");
            let Some(child) = map.get(name) else {
                uncovered.push(child_path);
                continue;
            };
            if flat.required.contains(name) {
                out.push(Mutation {
                    pointer: child_pointer.clone(),
                    new: None,
                    expect_in: child_path.clone(),
                    expect_code: "REQUIRED_FIELD",
                    allowed: (name == "type").then(|| union_tags.cloned()).flatten(),
                });
            }
            let tags = if name == "type" { union_tags } else { None };
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
