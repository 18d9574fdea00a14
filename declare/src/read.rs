//! Reading one spec file into a [`VersionModel`]: its operations as
//! endpoints, and every schema they reach as an object, enum or union.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::Options;
use crate::model::{Auth, Body, Endpoint, Field, Item, ItemKind, Ty, Version, VersionModel};
use crate::names;
use crate::openapi::{self, Shape};

/// Words that name what an operation does when they end its path
/// (`…/batch/read`, `…/search`), rather than a resource.
const ACTIONS: &[&str] = &[
    "batch",
    "read",
    "create",
    "update",
    "upsert",
    "archive",
    "search",
    "merge",
    "gdpr-delete",
    "purge",
];

/// Reads `doc`, the spec file `file` of `version`.
pub fn read(
    file: &str,
    version: Version,
    doc: &Value,
    options: &Options,
) -> Result<VersionModel, String> {
    let (ops, problems) = openapi::operations(doc);
    if let Some((path, problem)) = problems.first() {
        return Err(format!("{file}: {path}: {problem}"));
    }
    let ops: Vec<_> = ops
        .into_iter()
        .filter(|op| options.keeps(op.path))
        .collect();
    let version_text = version.to_string();
    let unversioned: Vec<Vec<&str>> = ops
        .iter()
        .map(|op| {
            op.path
                .split('/')
                .filter(|s| !s.is_empty() && *s != version_text)
                .collect()
        })
        .collect();
    let prefix = common_prefix(&unversioned);
    let mut reader = Reader {
        doc,
        items: BTreeMap::new(),
        notes: Vec::new(),
    };
    let mut endpoints = Vec::new();
    for (op, segments) in ops.iter().zip(&unversioned) {
        let rest = &segments[prefix.len()..];
        let method = op.method.to_ascii_uppercase();
        let key = format!("{method} /{}", rest.join("/"));
        let override_key = format!("{method} {}", op.path);
        let (name, long_name) = match options.names.get(&override_key) {
            Some(name) => (name.clone(), name.clone()),
            None => endpoint_name(op, &prefix, rest, doc),
        };
        reader.notes.clear();
        let mut endpoint = reader.endpoint(op, key, name)?;
        endpoint.long_name = long_name;
        endpoints.push(endpoint);
    }
    Ok(VersionModel {
        file: file.to_owned(),
        version,
        endpoints,
        items: reader.items,
        title: doc
            .pointer("/info/title")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    })
}

/// The literal segments every path starts with, keeping at least one
/// literal segment in each path (the resource a name is made from).
fn common_prefix<'a>(paths: &[Vec<&'a str>]) -> Vec<&'a str> {
    let Some(first) = paths.first() else {
        return Vec::new();
    };
    let literal = |s: &str| !s.starts_with('{');
    let min_literals = paths
        .iter()
        .map(|p| p.iter().filter(|s| literal(s)).count())
        .min()
        .unwrap_or(0);
    let mut prefix = Vec::new();
    for (i, segment) in first.iter().enumerate() {
        if !literal(segment)
            || prefix.len() + 1 >= min_literals
            || !paths.iter().all(|p| p.get(i) == Some(segment))
        {
            break;
        }
        prefix.push(*segment);
    }
    prefix
}

/// Names a person would give the operation: a verb, then the resource
/// (`GetChannelAccount`), and the same with every resource on its path
/// (`GetCustomChannelsChannelAccount`) for when the short one is taken.
fn endpoint_name(
    op: &openapi::Operation<'_>,
    prefix: &[&str],
    rest: &[&str],
    doc: &Value,
) -> (String, String) {
    let literals: Vec<&str> = rest
        .iter()
        .copied()
        .filter(|s| !s.starts_with('{'))
        .collect();
    let ends_with_param = rest.last().is_some_and(|s| s.starts_with('{'));
    let split = literals
        .iter()
        .rposition(|s| !ACTIONS.contains(s))
        .map_or(0, |i| i + 1);
    let (mut nouns, actions) = literals.split_at(split);
    let fallback;
    if nouns.is_empty() {
        fallback = prefix.last().copied().into_iter().collect::<Vec<_>>();
        nouns = &fallback;
    }
    let listing = op.method == "get" && lists(doc, op.op);
    let one = !listing && (ends_with_param || (actions.is_empty() && op.method != "get"));
    let mut noun = String::new();
    let mut last = String::new();
    for (i, word) in nouns.iter().enumerate() {
        last = if i + 1 == nouns.len() && one {
            names::upper_camel(&names::singular(word))
        } else {
            names::upper_camel(word)
        };
        noun.push_str(&last);
    }
    let suffix = op
        .op
        .get("operationId")
        .and_then(Value::as_str)
        .and_then(|id| id.rsplit_once('_'))
        .map(|(_, s)| s)
        .filter(|s| names::is_identifier(s));
    let verb = if !actions.is_empty() {
        actions.iter().map(|a| names::upper_camel(a)).collect()
    } else {
        match (op.method, suffix) {
            (_, Some("archive")) => "Archive".to_owned(),
            (_, Some("clear")) => "Clear".to_owned(),
            (_, Some("configure")) => "Configure".to_owned(),
            (_, Some("purge")) => "Purge".to_owned(),
            (_, Some("updateBatch")) => "BatchUpdate".to_owned(),
            ("get", _) if listing => "List".to_owned(),
            ("get", _) => "Get".to_owned(),
            ("post", _) => "Create".to_owned(),
            ("patch", _) => "Update".to_owned(),
            ("put", _) => "Replace".to_owned(),
            ("delete", _) => "Delete".to_owned(),
            (other, _) => names::upper_camel(other),
        }
    };
    (format!("{verb}{last}"), format!("{verb}{noun}"))
}

/// Whether a `GET` answers a list: its success body has `results`.
fn lists(doc: &Value, op: &Value) -> bool {
    let Some(Value::Object(responses)) = op.get("responses") else {
        return false;
    };
    responses
        .iter()
        .filter(|(code, _)| code.starts_with('2'))
        .filter_map(|(_, r)| openapi::response_schema(doc, r).ok().flatten())
        .any(|schema| match openapi::shape_of(doc, schema) {
            Ok(Shape::Object(object)) => object.property("results").is_some(),
            _ => false,
        })
}

struct Reader<'a> {
    doc: &'a Value,
    items: BTreeMap<String, Item>,
    notes: Vec<String>,
}

impl<'a> Reader<'a> {
    fn endpoint(
        &mut self,
        op: &openapi::Operation<'a>,
        key: String,
        name: String,
    ) -> Result<Endpoint, String> {
        let method = op.method.to_ascii_uppercase();
        let doc = operation_doc(op.op);
        let mut path_params = Vec::new();
        for param in openapi::parameters(self.doc, op.path_item, op.op, "path") {
            path_params.push(self.param(param, &name, true)?);
        }
        let mut query = Vec::new();
        for param in openapi::parameters(self.doc, op.path_item, op.op, "query") {
            let required = param.get("required").and_then(Value::as_bool) == Some(true);
            query.push(self.param(param, &name, required)?);
        }
        for place in ["header", "cookie"] {
            for param in openapi::parameters(self.doc, op.path_item, op.op, place) {
                let pname = param.get("name").and_then(Value::as_str).unwrap_or("?");
                self.notes.push(format!(
                    "the {place} parameter `{pname}` is left out: the DSL declares path and query parameters only"
                ));
            }
        }
        let (body, form) = self.body(op.op, &name)?;
        // A query parameter named like a body field (`archived` in both, on
        // a thread update): the parameter gets `_param` and its wire name.
        if let Body::Fields(fields) = &body {
            for param in query.iter_mut().chain(path_params.iter_mut()) {
                if fields.iter().any(|f| f.rust == param.rust) {
                    param.rust = format!("{}_param", param.rust.trim_start_matches("r#"));
                    param.rename = true;
                }
            }
        }
        let (status, response) = self.response(op.op, &name)?;
        let (scopes, auth) = security(self.doc, op.op);
        let idempotency_key = match &body {
            Body::Fields(fields) => fields
                .iter()
                .find(|f| f.ty == Ty::String && f.json.to_ascii_lowercase().contains("idempotency"))
                .map(|f| f.rust.clone()),
            _ => None,
        };
        let idempotent = match method.as_str() {
            "PATCH" => Some(
                "a PATCH sets the fields it carries, so sending it twice has the effect of sending it once",
            ),
            "POST"
                if op.path.ends_with("/search")
                    || op.path.ends_with("/read")
                    || op.path.ends_with("/introspect") =>
            {
                Some("this POST only reads")
            }
            _ => None,
        };
        let paginated = method == "GET"
            && query
                .iter()
                .any(|f| f.json == "after" && !f.required && f.ty == Ty::String)
            && self.is_page(&response);
        if paginated
            && let Ty::Named(page) = &response
            && let Some(Item {
                kind: ItemKind::Object { page, .. },
                ..
            }) = self.items.get_mut(page)
        {
            *page = true;
        }
        Ok(Endpoint {
            key,
            long_name: name.clone(),
            name,
            method,
            path: op.path.to_owned(),
            doc,
            scopes,
            auth,
            form,
            idempotent,
            idempotency_key,
            paginated,
            path_params,
            query,
            body,
            status,
            response,
            notes: std::mem::take(&mut self.notes),
        })
    }

    /// Whether `ty` is an object the DSL's `#[page]` accepts: a required
    /// `results: Vec<…>`, an optional `paging` with an optional `next` whose
    /// `after` is a required string.
    fn is_page(&self, ty: &Ty) -> bool {
        let object = |ty: &Ty| match ty {
            Ty::Named(name) => match self.items.get(name) {
                Some(Item {
                    kind: ItemKind::Object { fields, .. },
                    ..
                }) => Some(fields.clone()),
                _ => None,
            },
            _ => None,
        };
        let field = |fields: &[Field], json: &str| fields.iter().find(|f| f.json == json).cloned();
        let Some(fields) = object(ty) else {
            return false;
        };
        let results = field(&fields, "results")
            .is_some_and(|f| f.required && matches!(f.ty, Ty::Vec(_)) && f.rust == "results");
        let after = field(&fields, "paging")
            .filter(|f| !f.required && f.rust == "paging")
            .and_then(|f| object(&f.ty))
            .and_then(|paging| field(&paging, "next"))
            .filter(|f| !f.required && f.rust == "next")
            .and_then(|f| object(&f.ty))
            .and_then(|next| field(&next, "after"))
            .is_some_and(|f| f.required && f.ty == Ty::String && f.rust == "after");
        results && after
    }

    fn param(&mut self, param: &'a Value, endpoint: &str, required: bool) -> Result<Field, String> {
        let json = param
            .get("name")
            .and_then(Value::as_str)
            .ok_or("a parameter without a name")?;
        let (rust, matches) = names::field_name(json, false);
        let context = format!("{endpoint}{}", names::upper_camel(json));
        let ty = match param.get("schema") {
            Some(schema) => self.ty(schema, &context),
            None => {
                self.notes.push(format!(
                    "parameter `{json}` has no schema; declared as a string"
                ));
                Ty::String
            }
        };
        Ok(Field {
            json: json.to_owned(),
            rust,
            rename: !matches,
            ty,
            required,
            doc: param
                .get("description")
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
    }

    fn body(&mut self, op: &'a Value, endpoint: &str) -> Result<(Body, bool), String> {
        let Some(body) = op.get("requestBody") else {
            return Ok((Body::None, false));
        };
        let (body, _) = openapi::resolve(self.doc, body)?;
        let content = body.get("content").and_then(Value::as_object);
        let (schema, form) = match content {
            None => return Ok((Body::None, false)),
            Some(content) => {
                if let Some(json) = content.get("application/json") {
                    (json.get("schema"), false)
                } else if let Some(form) = content.get("application/x-www-form-urlencoded") {
                    (form.get("schema"), true)
                } else {
                    let kinds: Vec<&String> = content.keys().collect();
                    self.notes.push(format!(
                        "the request body is {kinds:?}, which the DSL cannot send; declared without a body"
                    ));
                    return Ok((Body::None, false));
                }
            }
        };
        let Some(schema) = schema else {
            return Ok((Body::None, form));
        };
        let (resolved, name) = openapi::resolve(self.doc, schema)?;
        match openapi::classify(self.doc, resolved, name, 0) {
            Ok(Shape::Object(object)) => {
                let context = name.map_or_else(|| format!("{endpoint}Body"), str::to_owned);
                let mut fields = Vec::new();
                for (json, schema) in &object.properties {
                    fields.push(self.field(
                        json,
                        schema,
                        object.required.contains(json),
                        &context,
                        form,
                    ));
                }
                if form
                    && let Some(bad) = fields
                        .iter()
                        .find(|f| !f.ty.is_scalar() && !matches!(f.ty, Ty::Named(_)))
                {
                    self.notes.push(format!(
                        "form field `{}` is not a scalar, which a form cannot carry",
                        bad.json
                    ));
                }
                Ok((Body::Fields(fields), form))
            }
            _ => {
                let ty = self.ty(schema, &format!("{endpoint}Body"));
                let required = body.get("required").and_then(Value::as_bool) == Some(true);
                if !required {
                    self.notes.push(
                        "the spec marks the body optional; the DSL's `body` section always sends one"
                            .to_owned(),
                    );
                }
                Ok((
                    Body::Whole(Field {
                        json: "body".into(),
                        rust: "body".into(),
                        rename: false,
                        ty,
                        required: true,
                        doc: body
                            .get("description")
                            .and_then(Value::as_str)
                            .map(str::to_owned),
                    }),
                    form,
                ))
            }
        }
    }

    fn response(&mut self, op: &'a Value, endpoint: &str) -> Result<(u16, Ty), String> {
        let responses = op
            .get("responses")
            .and_then(Value::as_object)
            .ok_or("an operation without responses")?;
        let mut success: Vec<(u16, Option<&'a Value>)> = Vec::new();
        for (code, response) in responses {
            let Ok(status) = code.parse::<u16>() else {
                continue;
            };
            if (200..300).contains(&status) {
                success.push((status, openapi::response_schema(self.doc, response)?));
            }
        }
        success.sort_by_key(|(code, _)| *code);
        let Some(&(status, _)) = success.first() else {
            self.notes.push(
                "the spec documents no success response (only `default`); declared as `200` with any JSON"
                    .to_owned(),
            );
            return Ok((200, Ty::Json));
        };
        let bodies: Vec<&Value> = success.iter().filter_map(|(_, s)| *s).collect();
        let Some(first) = bodies.first() else {
            return Ok((status, Ty::Unit));
        };
        // Several 2xx bodies (a batch's 200 and 207): the one whose
        // properties include every other's decodes them all.
        let mut chosen = *first;
        if bodies.len() > 1 {
            let props = |s: &Value| match openapi::shape_of(self.doc, s) {
                Ok(Shape::Object(o)) => o.properties.iter().map(|(n, _)| n.to_string()).collect(),
                _ => Vec::<String>::new(),
            };
            let superset = bodies.iter().find(|candidate| {
                let mine = props(candidate);
                bodies
                    .iter()
                    .all(|other| props(other).iter().all(|p| mine.contains(p)))
            });
            match superset {
                Some(s) => chosen = s,
                None => self.notes.push(
                    "the 2xx responses have different bodies and none holds every other's fields; declared as the first"
                        .to_owned(),
                ),
            }
        }
        let ty = self.ty(chosen, &format!("{endpoint}Response"));
        Ok((status, ty))
    }

    fn field(
        &mut self,
        json: &str,
        schema: &'a Value,
        required: bool,
        parent: &str,
        form: bool,
    ) -> Field {
        let (rust, matches) = names::field_name(json, form);
        let context = format!("{parent}{}", names::upper_camel(json));
        let ty = self.ty(schema, &context);
        let doc = openapi::resolve(self.doc, schema)
            .ok()
            .and_then(|(s, _)| s.get("description"))
            .or_else(|| schema.get("description"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        Field {
            json: json.to_owned(),
            rust,
            rename: !matches,
            ty,
            required,
            doc,
        }
    }

    /// The Rust type of a schema; `context` names an inline object or enum.
    fn ty(&mut self, schema: &'a Value, context: &str) -> Ty {
        let (resolved, name) = match openapi::resolve(self.doc, schema) {
            Ok(found) => found,
            Err(e) => {
                self.notes
                    .push(format!("{context}: {e}; declared as any JSON"));
                return Ty::Json;
            }
        };
        let shape = match openapi::classify(self.doc, resolved, name, 0) {
            Ok(shape) => shape,
            Err(e) => {
                self.notes
                    .push(format!("{context}: {e}; declared as any JSON"));
                return Ty::Json;
            }
        };
        let item_name = name.map_or_else(|| context.to_owned(), rust_type_name);
        match shape {
            Shape::String => Ty::String,
            Shape::DateTime => Ty::DateTime,
            Shape::Int32 => Ty::I32,
            Shape::Int64 => Ty::I64,
            Shape::Number => Ty::F64,
            Shape::Boolean => Ty::Bool,
            Shape::Any => Ty::Json,
            Shape::Map(None) => Ty::Map(Box::new(Ty::Json)),
            Shape::Map(Some(values)) => {
                Ty::Map(Box::new(self.ty(values, &format!("{context}Value"))))
            }
            Shape::Array(items) => Ty::Vec(Box::new(self.ty(items, &format!("{context}Item")))),
            Shape::Enum(values) => {
                if !self.items.contains_key(&item_name) {
                    self.items.insert(
                        item_name.clone(),
                        Item {
                            name: item_name.clone(),
                            doc: description(resolved),
                            kind: ItemKind::Enum {
                                values: values.iter().map(|v| v.to_string()).collect(),
                            },
                        },
                    );
                }
                Ty::Named(item_name)
            }
            Shape::Object(object) => {
                if self.items.contains_key(&item_name) {
                    return Ty::Named(item_name);
                }
                // Registered first, so that a recursive schema ends.
                self.items.insert(
                    item_name.clone(),
                    Item {
                        name: item_name.clone(),
                        doc: description(resolved),
                        kind: ItemKind::Object {
                            fields: Vec::new(),
                            drops_tag: None,
                            page: false,
                        },
                    },
                );
                let mut fields = Vec::new();
                for (json, schema) in &object.properties {
                    fields.push(self.field(
                        json,
                        schema,
                        object.required.contains(json),
                        &item_name,
                        false,
                    ));
                }
                if let Some(Item {
                    kind: ItemKind::Object { fields: slot, .. },
                    ..
                }) = self.items.get_mut(&item_name)
                {
                    *slot = fields;
                }
                Ty::Named(item_name)
            }
            Shape::Union(union) => {
                let tag = union_tag(self.doc, &union);
                let mut variants = Vec::new();
                for member in &union.members {
                    let Some(value) = openapi::variant_tag(self.doc, member, &tag) else {
                        self.notes.push(format!(
                            "{item_name}: a `oneOf` member has no one-value `{tag}` to tag it; the union is declared as any JSON"
                        ));
                        return Ty::Json;
                    };
                    let member_context = format!("{item_name}{}", names::upper_camel(value));
                    match self.ty(member, &member_context) {
                        Ty::Named(object) => variants.push((value.to_owned(), object)),
                        _ => {
                            self.notes.push(format!(
                                "{item_name}: the `{value}` member is no object; the union is declared as any JSON"
                            ));
                            return Ty::Json;
                        }
                    }
                }
                for (_, object) in &variants {
                    if let Some(Item {
                        kind: ItemKind::Object { drops_tag, .. },
                        ..
                    }) = self.items.get_mut(object)
                    {
                        *drops_tag = Some(tag.clone());
                    }
                }
                self.items.insert(
                    item_name.clone(),
                    Item {
                        name: item_name.clone(),
                        doc: description(resolved),
                        kind: ItemKind::Union { tag, variants },
                    },
                );
                Ty::Named(item_name)
            }
        }
    }
}

/// The property that tags a `oneOf`'s members: the spec's discriminator,
/// else `type`, else the first property that is a one-value enum with its
/// own value in every member (HubSpot's token unions use `token_use`, its
/// subscription unions `subscriptionType`).
fn union_tag(doc: &Value, union: &openapi::UnionShape<'_>) -> String {
    if let Some(tag) = union.discriminator {
        return tag.to_owned();
    }
    let tags_all = |property: &str| {
        let mut seen = std::collections::BTreeSet::new();
        union.members.iter().all(|member| {
            openapi::variant_tag(doc, member, property).is_some_and(|v| seen.insert(v))
                && matches!(
                    openapi::shape_of(doc, member),
                    Ok(Shape::Object(o)) if matches!(
                        o.property(property).map(|p| openapi::shape_of(doc, p)),
                        Some(Ok(Shape::Enum(values))) if values.len() == 1
                    )
                )
        })
    };
    if tags_all("type") {
        return "type".to_owned();
    }
    let Some(first) = union.members.first() else {
        return "type".to_owned();
    };
    let Ok(Shape::Object(object)) = openapi::shape_of(doc, first) else {
        return "type".to_owned();
    };
    object
        .properties
        .iter()
        .map(|(name, _)| *name)
        .find(|name| tags_all(name))
        .unwrap_or("type")
        .to_owned()
}

/// A components name as a Rust type name (`Error` stays, `public-thing` →
/// `PublicThing`).
fn rust_type_name(name: &str) -> String {
    if names::is_identifier(name)
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && !name.contains('_')
    {
        name.to_owned()
    } else {
        names::upper_camel(name)
    }
}

fn description(schema: &Value) -> Option<String> {
    schema
        .get("description")
        .and_then(Value::as_str)
        .filter(|d| !d.trim().is_empty())
        .map(str::to_owned)
}

fn operation_doc(op: &Value) -> Option<String> {
    let summary = op.get("summary").and_then(Value::as_str).map(str::trim);
    let description = op.get("description").and_then(Value::as_str).map(str::trim);
    match (summary, description) {
        (Some(s), Some(d))
            if !s.is_empty() && !d.is_empty() && !d.starts_with(s.trim_end_matches('.')) =>
        {
            Some(format!("{}.\n\n{d}", s.trim_end_matches('.')))
        }
        (_, Some(d)) if !d.is_empty() => Some(d.to_owned()),
        (Some(s), _) if !s.is_empty() => Some(s.to_owned()),
        _ => None,
    }
}

/// The scopes (every requirement's, in spec order) and the credentials.
fn security(doc: &Value, op: &Value) -> (Vec<String>, Auth) {
    let security = op.get("security").or_else(|| doc.get("security"));
    let mut scopes: Vec<String> = Vec::new();
    let (mut tokens, mut developer) = (false, false);
    for requirement in security.and_then(Value::as_array).into_iter().flatten() {
        for (scheme, list) in requirement.as_object().into_iter().flatten() {
            match scheme.as_str() {
                "developer_hapikey" => developer = true,
                _ => tokens = true,
            }
            for scope in list
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if !scopes.iter().any(|s| s == scope) {
                    scopes.push(scope.to_owned());
                }
            }
        }
    }
    let auth = match (tokens, developer) {
        (true, true) => Auth::TokensOrDeveloperKey,
        (true, false) => Auth::Tokens,
        (false, true) => Auth::DeveloperKey,
        (false, false) => Auth::Unstated,
    };
    (scopes, auth)
}
