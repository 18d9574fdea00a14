//! JSON Schema validation of values against a spec's schemas, with the
//! `jsonschema` crate, and instances generated from a schema.
//!
//! The spec's `#/components/schemas` are embedded into the schema handed to
//! the validator, so its `$ref`s resolve. [`fixed_components`] applies the
//! project's readings of HubSpot's quirks first.

use serde_json::{Map, Value, json};

/// How deep `$ref`s may nest while generating an instance.
pub const MAX_DEPTH: usize = 24;

/// The date-time every `date-time` field of a generated instance gets, in
/// the form chrono writes it.
pub const DATE_TIME: &str = "2026-11-21T09:30:00Z";

/// The spec's component schemas, as `{"schemas": {…}}`, with two readings
/// applied:
///
/// - In `2026-09`, sub-types are written `X allOf [ParentUnion, {…}]`
///   where `ParentUnion` is the `oneOf` that lists `X`: a marker of the
///   hierarchy, not a constraint (taken literally it would make `X` contain
///   itself). The marker member is dropped, as
///   [`classify`](crate::openapi::classify) does.
/// - `PublicChannelIntegrationChannelPatch` types every field as an empty
///   object and requires all of them; the decision recorded in
///   `tests/spec_conformance.rs`'s `ALLOWED` is to read them as the optional
///   strings (and `capabilities` map) of the channel itself.
///
/// # Panics
///
/// When `doc` has no `components.schemas` object.
pub fn fixed_components(doc: &Value) -> Value {
    let mut schemas = doc["components"]["schemas"].clone();
    let original = schemas.clone();
    let Value::Object(map) = &mut schemas else {
        panic!("spec has no components.schemas")
    };
    for (name, schema) in map.iter_mut() {
        if let Some(Value::Array(members)) = schema.get_mut("allOf") {
            members.retain(|member| {
                let Some(target) = crate::openapi::ref_name(member) else {
                    return true;
                };
                let lists_me = original[target]["oneOf"]
                    .as_array()
                    .is_some_and(|variants| {
                        variants.iter().any(|v| {
                            v["$ref"].as_str() == Some(&format!("#/components/schemas/{name}"))
                        })
                    });
                !lists_me
            });
        }
    }
    if let Some(patch) = map.get_mut("PublicChannelIntegrationChannelPatch") {
        let channel = &original["PublicChannelIntegrationChannel"]["properties"];
        if let Some(properties) = patch["properties"].as_object_mut() {
            for (field, property) in properties {
                *property = channel[field.as_str()].clone();
            }
        }
        patch["required"] = json!([]);
    }
    json!({ "schemas": schemas })
}

/// What a validator does with object properties the spec does not declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// Accept them, as JSON Schema does (what a client reading a response
    /// must do).
    Allowed,
    /// Reject them: for checking what we produce (the fake's responses)
    /// carries nothing the spec does not declare. An object with declared
    /// properties and no `additionalProperties` gets
    /// `additionalProperties: false`, after its `allOf` members are merged
    /// into it.
    Rejected,
}

/// A validator for `schema` (a schema of the document `components` came
/// from, via [`fixed_components`]), validating formats (`date-time`, …),
/// with `int32`/`int64` read as ranges.
///
/// # Panics
///
/// When the schema does not compile.
pub fn validator(components: &Value, schema: &Value, unknown: Unknown) -> jsonschema::Validator {
    let mut components = components.clone();
    let mut schema = schema.clone();
    let originals = components["schemas"].clone();
    if let Some(Value::Object(schemas)) = components.get_mut("schemas") {
        for schema in schemas.values_mut() {
            prepare(schema, &originals, unknown);
        }
    }
    prepare(&mut schema, &originals, unknown);
    let root = json!({ "allOf": [schema], "components": components });
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("spec schema does not compile: {e}"))
}

/// Every problem with `instance`, as `message at /instance/path`.
pub fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// Panics, listing the problems and the instance, unless `instance` is
/// valid for `schema` (allowing unknown properties).
pub fn assert_valid(components: &Value, schema: &Value, instance: &Value, what: &str) {
    let problems = errors(&validator(components, schema, Unknown::Allowed), instance);
    assert!(
        problems.is_empty(),
        "{what} does not validate against the spec:\n  {}\ninstance: {instance:#}",
        problems.join("\n  ")
    );
}

/// Rewrites one schema (recursively) for the validator: integer formats as
/// ranges and, with [`Unknown::Rejected`], `allOf`s merged and undeclared
/// properties refused. `schemas` is the components' `schemas` map, for
/// `allOf` members that are `$ref`s.
fn prepare(schema: &mut Value, schemas: &Value, unknown: Unknown) {
    let Value::Object(map) = schema else { return };
    let range = match map.get("format").and_then(Value::as_str) {
        Some("int32") => Some((i64::from(i32::MIN), i64::from(i32::MAX))),
        Some("int64") => Some((i64::MIN, i64::MAX)),
        _ => None,
    };
    if let Some((min, max)) = range
        && map.get("type").and_then(Value::as_str) == Some("integer")
    {
        map.entry("minimum").or_insert(json!(min));
        map.entry("maximum").or_insert(json!(max));
    }
    if unknown == Unknown::Rejected
        && let Some(Value::Array(members)) = map.remove("allOf")
    {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for member in members {
            let member = match crate::openapi::ref_name(&member) {
                Some(name) => schemas[name].clone(),
                None => member,
            };
            if let Some(Value::Object(p)) = member.get("properties") {
                properties.extend(p.clone());
            }
            if let Some(Value::Array(r)) = member.get("required") {
                required.extend(r.iter().cloned());
            }
        }
        if let Some(Value::Object(own)) = map.get("properties") {
            properties.extend(own.clone());
        }
        if let Some(Value::Array(own)) = map.get("required") {
            required.extend(own.iter().cloned());
        }
        map.insert("type".to_owned(), json!("object"));
        map.insert("properties".to_owned(), Value::Object(properties));
        map.insert("required".to_owned(), Value::Array(required));
    }
    if let Some(Value::Object(properties)) = map.get_mut("properties") {
        for property in properties.values_mut() {
            prepare(property, schemas, unknown);
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(inner) = map.get_mut(key) {
            prepare(inner, schemas, unknown);
        }
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(members)) = map.get_mut(key) {
            for member in members {
                prepare(member, schemas, unknown);
            }
        }
    }
    if unknown == Unknown::Rejected
        && map
            .get("properties")
            .and_then(Value::as_object)
            .is_some_and(|p| !p.is_empty())
        && !map.contains_key("additionalProperties")
    {
        map.insert("additionalProperties".to_owned(), json!(false));
    }
}

/// `$ref` → the schema it names, in `components` from [`fixed_components`].
///
/// # Panics
///
/// On a `$ref` outside `#/components/schemas`, or a chain longer than
/// [`MAX_DEPTH`].
pub fn resolve<'a>(components: &'a Value, mut schema: &'a Value) -> &'a Value {
    for _ in 0..MAX_DEPTH {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r
                    .strip_prefix("#/components/schemas/")
                    .unwrap_or_else(|| panic!("unexpected $ref {r}"));
                schema = &components["schemas"][name];
            }
            None => return schema,
        }
    }
    panic!("$ref chain too long")
}

/// Maximal instances of `schema`: one per variant when it is a union,
/// else one, with every property present, one element per array (one per
/// variant for an array of a union), the first enum value, [`DATE_TIME`]
/// for date-times.
///
/// # Panics
///
/// When `$ref`s nest deeper than [`MAX_DEPTH`].
pub fn instances(components: &Value, schema: &Value) -> Vec<Value> {
    instances_at(components, schema, 0)
}

fn instances_at(components: &Value, schema: &Value, depth: usize) -> Vec<Value> {
    assert!(depth < MAX_DEPTH, "schema nests too deep: {schema}");
    let schema = resolve(components, schema);
    if let Some(Value::Array(variants)) = schema.get("oneOf") {
        return variants
            .iter()
            .flat_map(|v| instances_at(components, v, depth + 1))
            .collect();
    }
    if let Some(Value::Array(parts)) = schema.get("allOf") {
        let mut merged = Map::new();
        for part in parts {
            if let Some(Value::Object(fields)) = instances_at(components, part, depth + 1).pop() {
                merged.extend(fields);
            }
        }
        if schema.get("properties").is_some()
            && let Value::Object(own) = &instances_of_object(components, schema, depth)[0]
        {
            merged.extend(own.clone());
        }
        return vec![Value::Object(merged)];
    }
    if let Some(Value::Array(values)) = schema.get("enum") {
        return vec![values[0].clone()];
    }
    let one = match schema.get("type").and_then(Value::as_str) {
        Some("string") => match schema.get("format").and_then(Value::as_str) {
            Some("date-time") => json!(DATE_TIME),
            _ => json!("text"),
        },
        Some("integer") => json!(7),
        Some("number") => json!(1.5),
        Some("boolean") => json!(true),
        Some("array") => Value::Array(instances_at(components, &schema["items"], depth + 1)),
        Some("object") | None
            if schema.get("properties").is_some()
                || schema.get("additionalProperties").is_some() =>
        {
            return instances_of_object(components, schema, depth);
        }
        Some("object") => json!({ "key": "value" }),
        _ => json!("any"),
    };
    vec![one]
}

fn instances_of_object(components: &Value, schema: &Value, depth: usize) -> Vec<Value> {
    let mut object = Map::new();
    if let Some(Value::Object(properties)) = schema.get("properties") {
        for (name, property) in properties {
            let mut values = instances_at(components, property, depth + 1);
            object.insert(name.clone(), values.swap_remove(0));
        }
    }
    if object.is_empty() {
        match schema.get("additionalProperties") {
            Some(values @ Value::Object(_)) => {
                let mut value = instances_at(components, values, depth + 1);
                object.insert("key".to_owned(), value.swap_remove(0));
            }
            Some(Value::Bool(false)) => {}
            _ if schema.get("properties").is_none() => {
                object.insert("key".to_owned(), json!("value"));
            }
            _ => {}
        }
    }
    vec![Value::Object(object)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn components() -> Value {
        fixed_components(&json!({
            "components": { "schemas": {
                "Parent": { "oneOf": [
                    { "$ref": "#/components/schemas/Child" },
                    { "$ref": "#/components/schemas/Other" }
                ]},
                "Child": { "allOf": [
                    { "$ref": "#/components/schemas/Parent" },
                    { "type": "object", "required": ["type", "n"], "properties": {
                        "type": { "type": "string", "enum": ["CHILD"] },
                        "n": { "type": "integer", "format": "int32" },
                        "at": { "type": "string", "format": "date-time" }
                    }}
                ]},
                "Other": { "type": "object", "required": ["type"], "properties": {
                    "type": { "type": "string", "enum": ["OTHER"] }
                }}
            }}
        }))
    }

    fn problems(instance: Value, unknown: Unknown) -> Vec<String> {
        let schema = json!({ "$ref": "#/components/schemas/Parent" });
        errors(&validator(&components(), &schema, unknown), &instance)
    }

    #[test]
    fn a_valid_instance_passes_in_both_modes() {
        let ok = json!({ "type": "CHILD", "n": 3, "at": DATE_TIME });
        assert_eq!(problems(ok.clone(), Unknown::Allowed), Vec::<String>::new());
        assert_eq!(problems(ok, Unknown::Rejected), Vec::<String>::new());
    }

    #[test]
    fn undeclared_properties_fail_only_when_rejected() {
        let extra = json!({ "type": "CHILD", "n": 3, "surprise": true });
        assert!(problems(extra.clone(), Unknown::Allowed).is_empty());
        assert!(!problems(extra, Unknown::Rejected).is_empty());
    }

    #[test]
    fn int32_is_a_range_and_date_time_a_format() {
        for unknown in [Unknown::Allowed, Unknown::Rejected] {
            assert!(!problems(json!({ "type": "CHILD", "n": 1u64 << 40 }), unknown).is_empty());
            assert!(
                !problems(
                    json!({ "type": "CHILD", "n": 1, "at": "tomorrow" }),
                    unknown
                )
                .is_empty()
            );
            assert!(
                !problems(json!({ "type": "CHILD" }), unknown).is_empty(),
                "n is required"
            );
            assert!(!problems(json!({ "type": "NEITHER", "n": 1 }), unknown).is_empty());
        }
    }

    #[test]
    fn instances_cover_every_variant_and_validate() {
        let components = components();
        let schema = json!({ "$ref": "#/components/schemas/Parent" });
        let all = instances(&components, &schema);
        assert_eq!(
            all,
            vec![
                json!({ "type": "CHILD", "n": 7, "at": DATE_TIME }),
                json!({ "type": "OTHER" })
            ]
        );
        for instance in &all {
            assert_valid(&components, &schema, instance, "generated instance");
        }
    }
}
