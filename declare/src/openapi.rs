//! Reading HubSpot's OpenAPI 3 specs: versions from file names, operations,
//! parameters and bodies, `$ref`s, and the shape of a schema once HubSpot's
//! quirks are taken out.
//!
//! Everything here takes `&serde_json::Value` and returns errors as strings,
//! so an odd spec becomes a reported mismatch instead of a panic.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

/// How many `$ref` hops or nested `allOf`s we follow before calling it a cycle.
const MAX_HOPS: usize = 32;

/// The version a spec file's name carries: `custom-channels.v3.json` → `v3`,
/// `custom-channels.2026-03.json` → `2026-03`.
pub fn version_from_file_name(file: &str) -> Result<&str, String> {
    let stem = file
        .strip_suffix(".json")
        .ok_or_else(|| format!("`{file}` is not a .json file"))?;
    let (_, version) = stem
        .rsplit_once('.')
        .ok_or_else(|| format!("`{file}` is not named `<api>.<version>.json`"))?;
    Ok(version)
}

/// The HTTP methods an OpenAPI path item can hold, as its keys spell them.
pub const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// One (path, method) under `paths`.
#[derive(Debug, Clone, Copy)]
pub struct Operation<'a> {
    /// The HTTP method, lowercase as the spec's key (`get`, `post`, …).
    pub method: &'a str,
    /// The path template as the spec writes it.
    pub path: &'a str,
    /// The operation object.
    pub op: &'a Value,
    /// The path item the operation sits in (for path-level `parameters`).
    pub path_item: &'a Value,
}

/// Every operation in `doc`, in spec order, plus a description of whatever
/// under `paths` could not be read as one (as `(path, problem)`).
pub fn operations(doc: &Value) -> (Vec<Operation<'_>>, Vec<(String, String)>) {
    let mut ops = Vec::new();
    let mut problems = Vec::new();
    let Some(Value::Object(paths)) = doc.get("paths") else {
        problems.push(("paths".to_owned(), "`paths` is not an object".to_owned()));
        return (ops, problems);
    };
    for (path, item) in paths {
        let Value::Object(item_map) = item else {
            problems.push((path.clone(), "path item is not an object".to_owned()));
            continue;
        };
        for (key, op) in item_map {
            let Some(method) = METHODS.iter().find(|m| **m == key) else {
                // `parameters`, `summary`, `description`, `servers`, `x-…`.
                continue;
            };
            if op.is_object() {
                ops.push(Operation {
                    method,
                    path,
                    op,
                    path_item: item,
                });
            } else {
                problems.push((path.clone(), format!("`{key}` is not an object")));
            }
        }
    }
    (ops, problems)
}

/// The operation `method path` of `doc` (`method` in any case), if any.
pub fn operation<'a>(doc: &'a Value, method: &str, path: &str) -> Option<&'a Value> {
    doc.get("paths")?
        .get(path)?
        .get(method.to_ascii_lowercase())
}

/// The JSON request body schema of an operation, unresolved.
pub fn request_schema(op: &Value) -> Option<&Value> {
    op.pointer("/requestBody/content/application~1json/schema")
}

/// The JSON schema of a response object (`application/json`, else `*/*`),
/// after following a `$ref` to `#/components/responses/…`.
pub fn response_schema<'a>(
    doc: &'a Value,
    response: &'a Value,
) -> Result<Option<&'a Value>, String> {
    let (response, _) = resolve(doc, response)?;
    let Some(content) = response.get("content") else {
        return Ok(None);
    };
    Ok(content
        .get("application/json")
        .or_else(|| content.get("*/*"))
        .and_then(|c| c.get("schema")))
}

/// The parameters of an operation `in` a place (`path`, `query`, `header`),
/// path-item parameters first, each resolved.
pub fn parameters<'a>(
    doc: &'a Value,
    path_item: &'a Value,
    op: &'a Value,
    place: &str,
) -> Vec<&'a Value> {
    let mut out = Vec::new();
    for holder in [path_item, op] {
        for entry in holder
            .get("parameters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Ok((param, _)) = resolve(doc, entry)
                && param.get("in").and_then(Value::as_str) == Some(place)
            {
                out.push(param);
            }
        }
    }
    out
}

/// The `#/components/schemas/{name}` of `doc`.
pub fn component<'a>(doc: &'a Value, name: &str) -> Option<&'a Value> {
    doc.get("components")?.get("schemas")?.get(name)
}

/// The name `X` of a schema that is `{"$ref": "#/components/schemas/X"}`.
pub fn ref_name(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
}

/// Follows `$ref`s (same document only). Returns the target and, when the
/// last hop pointed at `#/components/schemas/X`, the name `X`.
pub fn resolve<'a>(
    doc: &'a Value,
    mut value: &'a Value,
) -> Result<(&'a Value, Option<&'a str>), String> {
    let mut name = None;
    for _ in 0..MAX_HOPS {
        let Some(reference) = value.get("$ref") else {
            return Ok((value, name));
        };
        let Some(reference) = reference.as_str() else {
            return Err("`$ref` is not a string".to_owned());
        };
        let Some(pointer) = reference.strip_prefix('#') else {
            return Err(format!("`$ref` `{reference}` points outside this file"));
        };
        value = doc
            .pointer(pointer)
            .ok_or_else(|| format!("`$ref` `{reference}` points at nothing"))?;
        name = reference.strip_prefix("#/components/schemas/");
    }
    Err(format!(
        "`$ref` chain longer than {MAX_HOPS} hops (a cycle?)"
    ))
}

/// The `{placeholders}` of a path template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// A path template with every placeholder name erased, for "same path but
/// differently named placeholders" hints.
pub fn erase_placeholders(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..=open]);
        match rest[open..].find('}') {
            Some(close) => rest = &rest[open + close..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a spec schema is, once `$ref`s, `allOf`s and empty `properties` are
/// out of the way.
#[derive(Debug, Clone)]
pub enum Shape<'a> {
    /// `type: string` (any format but `date-time`).
    String,
    /// `type: string, format: date-time`.
    DateTime,
    /// `type: integer, format: int32`.
    Int32,
    /// `type: integer`, `int64` or no format.
    Int64,
    /// `type: number`.
    Number,
    /// `type: boolean`.
    Boolean,
    /// A string `enum`.
    Enum(Vec<&'a str>),
    /// `type: array`; the item schema, unresolved.
    Array(&'a Value),
    /// An object with no properties but `additionalProperties`: the value
    /// schema, or `None` for any value (`true`, or a free-form object).
    Map(Option<&'a Value>),
    /// An object with properties (possibly merged from an `allOf`).
    Object(ObjectShape<'a>),
    /// A `oneOf`.
    Union(UnionShape<'a>),
    /// No type at all: any JSON value.
    Any,
}

/// The properties of an object schema.
#[derive(Debug, Clone)]
pub struct ObjectShape<'a> {
    /// The schema name, when it came from `#/components/schemas/X`.
    pub name: Option<&'a str>,
    /// Properties in spec order (later `allOf` members override earlier ones).
    pub properties: Vec<(&'a str, &'a Value)>,
    /// The `required` list.
    pub required: BTreeSet<&'a str>,
}

impl<'a> ObjectShape<'a> {
    fn merge(&mut self, other: ObjectShape<'a>) {
        for (name, schema) in other.properties {
            match self.properties.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = schema,
                None => self.properties.push((name, schema)),
            }
        }
        self.required.extend(other.required);
    }

    /// The property called `name`, if any.
    pub fn property(&self, name: &str) -> Option<&'a Value> {
        self.properties
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, schema)| *schema)
    }
}

/// The members of a `oneOf`.
#[derive(Debug, Clone)]
pub struct UnionShape<'a> {
    /// The schema name, when it came from `#/components/schemas/X`.
    pub name: Option<&'a str>,
    /// The member schemas, unresolved.
    pub members: Vec<&'a Value>,
    /// `discriminator.propertyName`, if the spec has one.
    pub discriminator: Option<&'a str>,
}

impl Shape<'_> {
    /// How the spec side reads in a message, e.g. `int32` or `object PublicClient`.
    pub fn describe(&self) -> String {
        let named = |kind: &str, name: Option<&str>| match name {
            Some(name) => format!("{kind} {name}"),
            None => kind.to_owned(),
        };
        match self {
            Shape::String => "string".to_owned(),
            Shape::DateTime => "date-time".to_owned(),
            Shape::Int32 => "int32".to_owned(),
            Shape::Int64 => "int64".to_owned(),
            Shape::Number => "number".to_owned(),
            Shape::Boolean => "boolean".to_owned(),
            Shape::Enum(values) => format!("enum [{}]", values.join(", ")),
            Shape::Array(_) => "array".to_owned(),
            Shape::Map(Some(_)) => "map".to_owned(),
            Shape::Map(None) => "free-form object".to_owned(),
            Shape::Object(object) => named("object", object.name),
            Shape::Union(union) => named("oneOf", union.name),
            Shape::Any => "any JSON (no type)".to_owned(),
        }
    }
}

fn non_empty_properties(schema: &Map<String, Value>) -> Result<bool, String> {
    match schema.get("properties") {
        None => Ok(false),
        Some(Value::Object(props)) => Ok(!props.is_empty()),
        Some(_) => Err("`properties` is not an object".to_owned()),
    }
}

fn object_shape<'a>(
    name: Option<&'a str>,
    schema: &'a Map<String, Value>,
) -> Result<ObjectShape<'a>, String> {
    let mut shape = ObjectShape {
        name,
        properties: Vec::new(),
        required: BTreeSet::new(),
    };
    match schema.get("properties") {
        None => {}
        Some(Value::Object(props)) => {
            shape.properties = props.iter().map(|(k, v)| (k.as_str(), v)).collect()
        }
        Some(_) => return Err("`properties` is not an object".to_owned()),
    }
    match schema.get("required") {
        None => {}
        Some(Value::Array(names)) => {
            for entry in names {
                let name = entry
                    .as_str()
                    .ok_or_else(|| format!("`required` holds a non-string: {entry}"))?;
                shape.required.insert(name);
            }
        }
        Some(_) => return Err("`required` is not an array".to_owned()),
    }
    Ok(shape)
}

/// Whether `schema` is a `oneOf` that lists `#/components/schemas/{child}`:
/// the parent union an `allOf` member names as a sub-type marker.
fn is_parent_union(schema: &Value, child: Option<&str>) -> bool {
    let (Some(child), Some(Value::Array(members))) = (child, schema.get("oneOf")) else {
        return false;
    };
    let wanted = format!("#/components/schemas/{child}");
    members
        .iter()
        .any(|m| m.get("$ref").and_then(Value::as_str) == Some(wanted.as_str()))
}

/// Resolves `schema` and says what it is.
pub fn shape_of<'a>(doc: &'a Value, schema: &'a Value) -> Result<Shape<'a>, String> {
    let (schema, name) = resolve(doc, schema)?;
    classify(doc, schema, name, 0)
}

/// Says what an already resolved schema is; `name` is its components name.
pub fn classify<'a>(
    doc: &'a Value,
    schema: &'a Value,
    name: Option<&'a str>,
    depth: usize,
) -> Result<Shape<'a>, String> {
    if depth > MAX_HOPS {
        return Err(format!("`allOf` nested deeper than {MAX_HOPS} (a cycle?)"));
    }
    let Value::Object(map) = schema else {
        return Err(format!("schema is not an object: {schema}"));
    };
    for unsupported in ["anyOf", "not"] {
        if map.contains_key(unsupported) {
            return Err(format!("`{unsupported}` is not supported by the checker"));
        }
    }
    if let Some(one_of) = map.get("oneOf") {
        let Value::Array(members) = one_of else {
            return Err("`oneOf` is not an array".to_owned());
        };
        if map.contains_key("allOf") || non_empty_properties(map)? {
            return Err(
                "`oneOf` alongside `allOf` or non-empty `properties` is not supported".to_owned(),
            );
        }
        let discriminator = map
            .get("discriminator")
            .and_then(|d| d.get("propertyName"))
            .and_then(Value::as_str);
        return Ok(Shape::Union(UnionShape {
            name,
            members: members.iter().collect(),
            discriminator,
        }));
    }
    if let Some(all_of) = map.get("allOf") {
        let Value::Array(members) = all_of else {
            return Err("`allOf` is not an array".to_owned());
        };
        let mut merged = object_shape(name, map)?;
        for (i, member) in members.iter().enumerate() {
            let (member, member_name) =
                resolve(doc, member).map_err(|e| format!("`allOf` member #{i}: {e}"))?;
            if is_parent_union(member, name) {
                continue; // a sub-type marker: `X allOf [ParentUnion, {…}]`
            }
            match classify(doc, member, member_name, depth + 1) {
                Ok(Shape::Object(part)) => merged.merge(part),
                Ok(Shape::Map(None)) => {} // `{type: object}` adds nothing
                Ok(other) => {
                    return Err(format!(
                        "`allOf` member #{i} is {}, not an object",
                        other.describe()
                    ));
                }
                Err(e) => return Err(format!("`allOf` member #{i}: {e}")),
            }
        }
        return Ok(Shape::Object(merged));
    }
    if let Some(values) = map.get("enum") {
        let Value::Array(values) = values else {
            return Err("`enum` is not an array".to_owned());
        };
        if let Some(ty) = map.get("type").filter(|t| t.as_str() != Some("string")) {
            return Err(format!(
                "`enum` of type {ty} is not supported (only strings)"
            ));
        }
        let values = values
            .iter()
            .map(|v| {
                v.as_str()
                    .ok_or_else(|| format!("`enum` holds a non-string: {v}"))
            })
            .collect::<Result<_, _>>()?;
        return Ok(Shape::Enum(values));
    }
    let format = map.get("format").and_then(Value::as_str);
    match map.get("type") {
        Some(Value::String(ty)) => match (ty.as_str(), format) {
            ("string", Some("date-time")) => Ok(Shape::DateTime),
            ("string", _) => Ok(Shape::String),
            ("integer", Some("int32")) => Ok(Shape::Int32),
            ("integer", Some("int64") | None) => Ok(Shape::Int64),
            ("integer", Some(other)) => Err(format!("integer format `{other}` is not supported")),
            ("number", _) => Ok(Shape::Number),
            ("boolean", _) => Ok(Shape::Boolean),
            ("array", _) => map
                .get("items")
                .map(Shape::Array)
                .ok_or_else(|| "array without `items`".to_owned()),
            ("object", _) => object_or_map(name, map),
            (other, _) => Err(format!("type `{other}` is not supported")),
        },
        Some(other) => Err(format!("`type` is not a string: {other}")),
        None if map.contains_key("properties") || map.contains_key("additionalProperties") => {
            object_or_map(name, map)
        }
        None => Ok(Shape::Any),
    }
}

fn object_or_map<'a>(
    name: Option<&'a str>,
    map: &'a Map<String, Value>,
) -> Result<Shape<'a>, String> {
    if non_empty_properties(map)? {
        return object_shape(name, map).map(Shape::Object);
    }
    match map.get("additionalProperties") {
        None | Some(Value::Bool(true)) => Ok(Shape::Map(None)),
        // No properties and nothing else allowed: an empty object.
        Some(Value::Bool(false)) => object_shape(name, map).map(Shape::Object),
        Some(value @ Value::Object(_)) => Ok(Shape::Map(Some(value))),
        Some(other) => Err(format!(
            "`additionalProperties` is neither a schema nor a bool: {other}"
        )),
    }
}

/// The tag of a `oneOf` member: the first `enum` value of its `property`
/// (`type` in HubSpot's unions), following `$ref`s and `allOf`s.
pub fn variant_tag<'a>(doc: &'a Value, member: &'a Value, property: &str) -> Option<&'a str> {
    let Ok(Shape::Object(object)) = shape_of(doc, member) else {
        return None;
    };
    match shape_of(doc, object.property(property)?) {
        Ok(Shape::Enum(values)) => values.first().copied(),
        _ => None,
    }
}
