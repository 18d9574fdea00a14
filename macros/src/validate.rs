//! Everything that decides what a declaration means. Parsing keeps the
//! tokens as written; this module resolves them (method, versions, status,
//! sections, attributes, wire names, variant names), reports each mistake
//! once at the token it concerns, and repairs the model (a duplicate is
//! dropped, a wrong attribute ignored), so that generation emits one
//! consistent expansion and the user sees only the real mistakes. What it
//! resolves (cursor field, page item, idempotency key, credentials) is stored
//! in the model, so that generation does not decide it again.

use std::collections::{HashMap, HashSet};

use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitStr, Meta, Token};

use crate::case::{camel_case, upper_camel_case};
use crate::ctxt::Ctxt;
use crate::model::*;
use crate::path::{Piece, parse_template};

/// Builder methods that a field of the same name would collide with.
const RESERVED_FIELDS: &[&str] = &["builder", "build", "send", "stream", "api_version"];

const SECTIONS: &str = "`path`, `query`, `required`, `optional` or `body`";

pub fn validate(input: &mut Input, cx: &Ctxt) {
    validate_names(input, cx);
    for item in &mut input.items {
        match item {
            Item::Endpoint(endpoint) => validate_endpoint(endpoint, cx),
            Item::Object(object) => validate_object(object, cx),
            Item::Enum(e) => validate_enum(e, cx),
            Item::Union(u) => validate_union(u, cx),
        }
    }
}

/// The names an item's expansion defines besides its own.
fn generated_names(item: &Item) -> Vec<(String, &'static str)> {
    let name = item.name();
    let mut names = vec![(format!("__{name}"), "hidden module")];
    if matches!(item, Item::Endpoint(_) | Item::Object(_)) {
        names.push((format!("{name}Builder"), "builder"));
    }
    names
}

/// Each item name once, and none that an expansion generates: the second
/// declaration (or the colliding item) is reported and dropped, so rustc
/// does not add its own errors about conflicting definitions.
fn validate_names(input: &mut Input, cx: &Ctxt) {
    let mut generated: HashMap<String, (&'static str, String)> = HashMap::new();
    for item in &input.items {
        for (name, what) in generated_names(item) {
            generated.insert(name, (what, item.name().to_string()));
        }
    }
    let mut names = HashSet::new();
    input.items.retain(|item| {
        let name = item.name();
        if !names.insert(name.to_string()) {
            cx.error(
                name.span(),
                format!("`{name}` is declared twice in this invocation"),
            );
            return false;
        }
        if let Some((what, owner)) = generated.get(&name.to_string()) {
            cx.error(
                name.span(),
                format!("`{name}` is the name of the {what} generated for `{owner}`: name this item otherwise"),
            );
            return false;
        }
        true
    });
    // A stub stands in for an item that did not parse, unless an item (or
    // an earlier stub) already has its name.
    input.broken.retain(|(_, name)| {
        names.insert(name.to_string()) && !generated.contains_key(&name.to_string())
    });
}

/// What an item's attributes say, besides doc comments.
#[derive(Default)]
struct ItemAttrs {
    scopes: Vec<LitStr>,
    tag: Option<LitStr>,
    idempotent: Option<Span>,
    idempotency_key: Option<Ident>,
    /// `#[paginated]` on an endpoint, `#[page]` on an object.
    paging: Option<Span>,
    /// `#[auth(…)]`: the parentheses' span and the names in them.
    auth: Option<(Span, Vec<Ident>)>,
    form: Option<Span>,
}

/// An attribute's name as written (`scopes`, `serde::rename`).
fn attr_name(attr: &Attribute) -> String {
    let segments: Vec<String> = attr
        .path()
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    segments.join("::")
}

/// Where to report a problem with an attribute: its name, not its `#`.
fn attr_span(attr: &Attribute) -> Span {
    attr.path()
        .segments
        .first()
        .map_or_else(|| attr.span(), |s| s.ident.span())
}

/// Reads an item's attributes: each known one once, with its arguments;
/// a repeated, misplaced or malformed one is reported and ignored.
fn item_attrs(header: &Header, kind: &str, cx: &Ctxt) -> ItemAttrs {
    let allowed: &[&str] = match kind {
        "endpoint" => &[
            "scopes",
            "auth",
            "form",
            "paginated",
            "idempotent",
            "idempotency_key",
        ],
        "object" => &["page"],
        "union" => &["tag"],
        _ => &[],
    };
    let mut found = ItemAttrs::default();
    let mut given = HashSet::new();
    for attr in &header.attrs {
        let name = attr_name(attr);
        let span = attr_span(attr);
        if name == "doc" {
            continue;
        }
        if !allowed.contains(&name.as_str()) {
            let allowed = match kind {
                "endpoint" => {
                    "`#[scopes(\"…\")]`, `#[auth(…)]`, `#[form]`, `#[paginated]`, `#[idempotent]`, `#[idempotency_key(field)]` and doc comments"
                }
                "union" => "`#[tag = \"…\"]` and doc comments",
                "object" => "`#[page]` and doc comments",
                _ => "doc comments",
            };
            cx.error(
                span,
                format!(
                    "unsupported attribute on {kind} `{}`: only {allowed} are allowed here",
                    header.name
                ),
            );
            continue;
        }
        if !given.insert(name.clone()) {
            cx.error(span, twice(&name));
            continue;
        }
        match name.as_str() {
            "scopes" => match attr.parse_args_with(Punctuated::<LitStr, Token![,]>::parse_terminated) {
                Ok(scopes) => found.scopes.extend(scopes),
                Err(_) => cx.error(span, "expected `#[scopes(\"scope\", …)]`, listing the OAuth scopes as strings"),
            },
            "idempotency_key" => match attr.parse_args::<Ident>() {
                Ok(field) => found.idempotency_key = Some(field),
                Err(_) => cx.error(
                    span,
                    "expected `#[idempotency_key(field)]`, naming the body field HubSpot de-duplicates on",
                ),
            },
            "auth" => {
                let parsed = match &attr.meta {
                    Meta::List(list) => list
                        .parse_args_with(Punctuated::<Ident, Token![,]>::parse_terminated)
                        .ok()
                        .map(|schemes| (list.delimiter.span().join(), schemes.into_iter().collect())),
                    _ => None,
                };
                match parsed {
                    Some(auth) => found.auth = Some(auth),
                    None => cx.error(
                        span,
                        "expected `#[auth(…)]` listing `oauth`, `private_app` and/or `developer_key`, or `#[auth(none)]`",
                    ),
                }
            }
            "tag" => match string_value(&attr.meta) {
                Some(tag) => found.tag = Some(tag),
                None => cx.error(span, "expected `#[tag = \"field\"]`"),
            },
            flag => {
                if !matches!(attr.meta, Meta::Path(_)) {
                    cx.error(span, format!("expected `#[{flag}]`, without arguments"));
                    continue;
                }
                let slot = match flag {
                    "idempotent" => &mut found.idempotent,
                    "form" => &mut found.form,
                    _ => &mut found.paging,
                };
                *slot = Some(span);
            }
        }
    }
    found
}

/// The one message for an attribute given twice.
fn twice(name: &str) -> String {
    format!("`#[{name}]` is given twice: each attribute is given once")
}

fn string_value(meta: &Meta) -> Option<LitStr> {
    match meta {
        Meta::NameValue(nv) => match &nv.value {
            Expr::Lit(ExprLit {
                lit: Lit::Str(s), ..
            }) => Some(s.clone()),
            _ => None,
        },
        Meta::List(list) => list.parse_args::<LitStr>().ok(),
        Meta::Path(_) => None,
    }
}

/// A field's wire name: `#[json = "…"]` if given, else its camelCase name.
fn resolve_field(field: &mut Field, cx: &Ctxt) {
    field.json_name = camel_case(&field.name.to_string());
    let mut given = false;
    for attr in &field.attrs {
        let name = attr_name(attr);
        let span = attr_span(attr);
        if name != "json" {
            cx.error(
                span,
                "unsupported attribute on a field: only `#[json = \"…\"]` and doc comments are allowed",
            );
        } else if given {
            cx.error(span, twice("json"));
        } else {
            given = true;
            match string_value(&attr.meta) {
                Some(lit) if !lit.value().is_empty() => {
                    field.json_name = lit.value();
                    field.renamed = true;
                }
                _ => cx.error(span, "expected `#[json = \"wireName\"]`"),
            }
        }
    }
}

/// A query parameter declared as `Option<T>` is optional; remember `T`.
fn with_optional_inner(mut field: Field) -> Field {
    if let syn::Type::Path(path) = &field.ty
        && path.qself.is_none()
        && let Some(last) = path.path.segments.last()
        && last.ident == "Option"
        && let syn::PathArguments::AngleBracketed(args) = &last.arguments
        && args.args.len() == 1
        && let Some(syn::GenericArgument::Type(inner)) = args.args.first()
    {
        field.inner_ty = Some(inner.clone());
    }
    field
}

/// `v3` or `2026-03`; the runtime's `ApiVersion` parses the same grammar.
fn parse_version(text: &str) -> Option<Version> {
    if let Some(number) = text.strip_prefix('v') {
        let valid =
            !number.is_empty() && number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit());
        return valid
            .then(|| number.parse().ok().map(Version::Numbered))
            .flatten();
    }
    let (year, month) = text.split_once('-')?;
    let digits = year.len() == 4
        && month.len() == 2
        && year
            .bytes()
            .chain(month.bytes())
            .all(|b| b.is_ascii_digit());
    if !digits {
        return None;
    }
    let month: u8 = month.parse().ok()?;
    (1..=12)
        .contains(&month)
        .then(|| year.parse().ok().map(|year| Version::Dated { year, month }))
        .flatten()
}

/// The versions as written → [`Endpoint::paths`], oldest first. A malformed
/// version, a version or path given twice and a version written after a
/// newer one are each reported at their token; the paths kept are sorted.
fn resolve_versions(endpoint: &mut Endpoint, cx: &Ctxt) {
    if endpoint.written_paths.is_empty() {
        cx.error(
            endpoint.name.span(),
            format!(
                "endpoint `{}` declares no path: add `v3 => \"/…\"`",
                endpoint.name
            ),
        );
    }
    let mut newest: Option<Version> = None;
    for written in &endpoint.written_paths {
        let text = &written.text;
        let Some(version) = parse_version(text) else {
            cx.error(
                written.span,
                format!("malformed API version `{text}`: expected `v<number>` (e.g. `v3`) or a date version in quotes (e.g. `\"2026-03\"`)"),
            );
            continue;
        };
        if endpoint.paths.iter().any(|p| p.version == version) {
            cx.error(
                written.span,
                format!("version `{}` is declared twice", version.label()),
            );
            continue;
        }
        if let Some(newer) = newest
            && newer > version
        {
            cx.error(
                written.span,
                format!(
                    "version `{}` is written after the newer `{}`: write versions oldest first, numbered ones before dated ones",
                    version.label(),
                    newer.label()
                ),
            );
        }
        newest = newest.max(Some(version));
        let template = written.template.value();
        if let Some(same) = endpoint
            .paths
            .iter()
            .find(|p| p.template.value() == template)
        {
            cx.error(
                written.template.span(),
                format!(
                    "version `{}` has the same path as `{}`: a version needs its own path",
                    version.label(),
                    same.version.label()
                ),
            );
            continue;
        }
        let pieces = match parse_template(&template) {
            Ok(pieces) => pieces,
            Err(e) => {
                cx.error(written.template.span(), e);
                Vec::new()
            }
        };
        endpoint.paths.push(VersionedPath {
            version,
            template: written.template.clone(),
            pieces,
        });
    }
    endpoint.paths.sort_by_key(|p| p.version);
}

fn resolve_method(endpoint: &mut Endpoint, cx: &Ctxt) {
    let ident = &endpoint.written_method;
    endpoint.method = match Method::ALL.iter().find(|(name, _)| ident == name) {
        Some((_, method)) => *method,
        None => {
            let upper = ident.to_string().to_uppercase();
            let hint = if Method::ALL.iter().any(|(name, _)| *name == upper) {
                format!("; methods are written in capitals: `{upper}`")
            } else {
                String::new()
            };
            cx.error(
                ident.span(),
                format!("unknown HTTP method `{ident}`: expected one of GET, POST, PUT, PATCH, DELETE{hint}"),
            );
            // The method that allows everything, so that no check about
            // the method adds an error to this one.
            Method::Post
        }
    };
}

fn resolve_status(endpoint: &mut Endpoint, cx: &Ctxt) {
    let status = &endpoint.written_status;
    endpoint.status = match status.base10_parse::<u16>() {
        Ok(code @ 200..=299) => code,
        _ => {
            cx.error(
                status.span(),
                "the success status must be a 2xx code, such as `200`, `201` or `204`",
            );
            200
        }
    };
}

/// Sorts the sections' fields into the endpoint's parameters and body;
/// returns the first body section's keyword, for errors about the body.
fn resolve_sections(endpoint: &mut Endpoint, cx: &Ctxt) -> Option<Ident> {
    let mut first_body = None;
    for section in std::mem::take(&mut endpoint.sections) {
        let kind = section.kind.to_string();
        let mut fields = section.fields;
        for field in &mut fields {
            resolve_field(field, cx);
        }
        if matches!(kind.as_str(), "required" | "optional" | "body") && first_body.is_none() {
            first_body = Some(section.kind.clone());
        }
        match kind.as_str() {
            "path" => endpoint.path_params.extend(fields),
            "query" => endpoint
                .query
                .extend(fields.into_iter().map(with_optional_inner)),
            "required" => endpoint.required.extend(fields),
            "optional" => endpoint.optional.extend(fields),
            "body" => {
                let mut fields = fields.into_iter();
                match (fields.next(), fields.next()) {
                    (Some(body), None) if endpoint.body.is_none() => endpoint.body = Some(body),
                    (Some(_), Some(extra)) => cx.error(
                        extra.name.span(),
                        "`body` takes exactly one field: the value sent as the whole request body",
                    ),
                    (Some(again), None) => {
                        cx.error(again.name.span(), "only one `body` section is allowed")
                    }
                    (None, _) => {}
                }
            }
            _ => cx.error(
                section.kind.span(),
                format!("unknown section `{kind}`: expected {SECTIONS}"),
            ),
        }
    }
    first_body
}

fn validate_object(object: &mut Object, cx: &Ctxt) {
    let attrs = item_attrs(&object.header, "object", cx);
    for section in std::mem::take(&mut object.sections) {
        let kind = section.kind.to_string();
        let mut fields = section.fields;
        for field in &mut fields {
            resolve_field(field, cx);
        }
        match kind.as_str() {
            "required" => object.required.extend(fields),
            "optional" => object.optional.extend(fields),
            "path" | "query" | "body" => cx.error(
                section.kind.span(),
                format!("an object has no `{kind}` section: it takes `required` and `optional`"),
            ),
            _ => cx.error(
                section.kind.span(),
                format!("unknown section `{kind}`: expected {SECTIONS}"),
            ),
        }
    }
    let mut seen = Seen::default();
    seen.section(&mut object.required, "required", cx);
    seen.section(&mut object.optional, "optional", cx);
    if let Some(span) = attrs.paging {
        object.page = page_items(object, span, cx);
    }
}

/// Field names and JSON names already declared on one item.
#[derive(Default)]
struct Seen {
    names: HashMap<String, &'static str>,
    body_json: HashSet<String>,
}

impl Seen {
    /// Keeps the first declaration of each name; reports and drops the rest.
    fn section(&mut self, fields: &mut Vec<Field>, section: &'static str, cx: &Ctxt) {
        let is_body = matches!(section, "required" | "optional");
        fields.retain(|field| {
            let name = field.plain_name();
            if RESERVED_FIELDS.contains(&name.as_str()) || name.starts_with("version_") || name.starts_with("__") {
                cx.error(
                    field.name.span(),
                    format!("`{name}` cannot be a field name: the builder has a method of that name; name the field otherwise and keep the wire name with `#[json = \"{}\"]`", field.json_name),
                );
                return false;
            }
            if let Some(first) = self.names.get(&name) {
                let message = match (*first, section) {
                    ("required", "optional") | ("optional", "required") => {
                        format!("field `{name}` is declared both required and optional")
                    }
                    (first, second) if first == second => format!("duplicate field `{name}` in `{section}`"),
                    (first, _) => format!("duplicate field `{name}`: already declared in `{first}`"),
                };
                cx.error(field.name.span(), message);
                return false;
            }
            if is_body && !self.body_json.insert(field.json_name.clone()) {
                cx.error(
                    field.name.span(),
                    format!("two body fields are sent as `{}`", field.json_name),
                );
                return false;
            }
            self.names.insert(name, section);
            true
        });
    }
}

/// `#[page]`: a required `results: Vec<T>` and an optional `paging`.
fn page_items(object: &Object, span: Span, cx: &Ctxt) -> Option<PageItems> {
    let results = object
        .required
        .iter()
        .find(|f| f.plain_name() == "results")
        .and_then(|f| Some((f, vec_item(&f.ty)?)));
    if results.is_none() {
        cx.error(
            span,
            format!(
                "`#[page]` object `{}` needs a required field `results: Vec<…>` holding the page's items",
                object.name
            ),
        );
    }
    let paging = object.optional.iter().any(|f| f.plain_name() == "paging");
    if !paging {
        cx.error(
            span,
            format!(
                "`#[page]` object `{}` needs an optional field `paging` whose `next.after` is the next page's cursor",
                object.name
            ),
        );
    }
    let (results, item) = results.filter(|_| paging)?;
    Some(PageItems {
        results: results.name.clone(),
        item: item.clone(),
    })
}

/// `T` of a type written `Vec<T>`.
pub fn vec_item(ty: &syn::Type) -> Option<&syn::Type> {
    if let syn::Type::Path(path) = ty
        && path.qself.is_none()
        && let Some(last) = path.path.segments.last()
        && last.ident == "Vec"
        && let syn::PathArguments::AngleBracketed(args) = &last.arguments
        && args.args.len() == 1
        && let Some(syn::GenericArgument::Type(inner)) = args.args.first()
    {
        return Some(inner);
    }
    None
}

fn validate_endpoint(endpoint: &mut Endpoint, cx: &Ctxt) {
    resolve_method(endpoint, cx);
    resolve_versions(endpoint, cx);
    resolve_status(endpoint, cx);
    let attrs = item_attrs(&endpoint.header, "endpoint", cx);
    endpoint.scopes = attrs.scopes;
    endpoint.idempotent = attrs.idempotent;
    endpoint.form = attrs.form;
    let first_body = resolve_sections(endpoint, cx);
    validate_auth(endpoint, attrs.auth, cx);
    let has_body =
        endpoint.body.is_some() || !endpoint.required.is_empty() || !endpoint.optional.is_empty();
    if let Some(section) = &first_body
        && matches!(endpoint.method, Method::Get | Method::Delete)
    {
        cx.error(
            section.span(),
            format!(
                "`{}` requests take no body: declare these fields in `query`, or use `POST`, `PUT` or `PATCH`",
                endpoint.method.as_str()
            ),
        );
        // Reported once: `#[form]` would say the same.
        endpoint.form = None;
    }
    validate_form(endpoint, has_body, cx);
    let mut seen = Seen::default();
    seen.section(&mut endpoint.path_params, "path", cx);
    seen.section(&mut endpoint.query, "query", cx);
    let mut body: Vec<Field> = endpoint.body.take().into_iter().collect();
    seen.section(&mut body, "body", cx);
    endpoint.body = body.pop();
    seen.section(&mut endpoint.required, "required", cx);
    seen.section(&mut endpoint.optional, "optional", cx);

    if let Some(span) = attrs.paging {
        endpoint.cursor = endpoint
            .query
            .iter()
            .find(|f| f.json_name == "after" && f.inner_ty.is_some())
            .map(|f| f.name.clone());
        if endpoint.cursor.is_none() {
            cx.error(
                span,
                format!(
                    "`#[paginated]` endpoint `{}` needs an optional query parameter `after: Option<String>` to carry the next page's cursor",
                    endpoint.name
                ),
            );
        }
    }

    if let Some(body) = &endpoint.body
        && let Some(field) = endpoint.required.first().or(endpoint.optional.first())
    {
        cx.error(
            field.name.span(),
            format!(
                "`{}` is a body field, but the body is already the whole value `{}`: use either `body` or `required`/`optional`",
                field.plain_name(),
                body.plain_name()
            ),
        );
    }

    validate_idempotency(endpoint, attrs.idempotency_key, cx);

    let params: HashSet<&str> = endpoint
        .path_params
        .iter()
        .map(|p| p.json_name.as_str())
        .collect();
    for path in &endpoint.paths {
        let placeholders: HashSet<&str> = path
            .pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Param(name) => Some(name.as_str()),
                Piece::Literal(_) => None,
            })
            .collect();
        let mut reported = HashSet::new();
        for piece in &path.pieces {
            if let Piece::Param(name) = piece
                && !params.contains(name.as_str())
                && reported.insert(name)
            {
                cx.error(
                    path.template.span(),
                    format!(
                        "path placeholder `{{{name}}}` has no parameter: declare it in `path {{ {}: … }}`",
                        crate::case::snake_case(name)
                    ),
                );
            }
        }
        if path.pieces.is_empty() {
            continue; // malformed template, already reported
        }
        for param in &endpoint.path_params {
            if !placeholders.contains(param.json_name.as_str()) {
                cx.error(
                    param.name.span(),
                    format!(
                        "path parameter `{}` has no `{{{}}}` placeholder in the `{}` path",
                        param.plain_name(),
                        param.json_name,
                        path.version.label()
                    ),
                );
            }
        }
    }
}

/// Resolves `#[auth(…)]` into [`Endpoint::auth`]: the default when it is
/// absent, the listed schemes (or none) when it is given. A scheme that is
/// unknown or listed twice, `none` beside others and an empty list are
/// reported at their token; what remains is used.
fn validate_auth(endpoint: &mut Endpoint, written: Option<(Span, Vec<Ident>)>, cx: &Ctxt) {
    let Some((parens, schemes)) = written else {
        endpoint.auth = Credential::DEFAULT.to_vec();
        return;
    };
    if schemes.is_empty() {
        cx.error(
            parens,
            "`#[auth()]` lists no credential: name `oauth`, `private_app` and/or `developer_key`, or write `#[auth(none)]` for an endpoint that takes none",
        );
        endpoint.auth = Credential::DEFAULT.to_vec();
        return;
    }
    let mut auth = Vec::new();
    let mut none = None;
    let mut seen = HashSet::new();
    for ident in &schemes {
        let text = ident.to_string();
        if !seen.insert(text.clone()) {
            cx.error(
                ident.span(),
                format!("`{text}` is listed twice in `#[auth(…)]`"),
            );
            continue;
        }
        if text == "none" {
            none = Some(ident);
            continue;
        }
        match Credential::ALL.iter().find(|(name, _)| *name == text) {
            Some((_, scheme)) => auth.push(*scheme),
            None => cx.error(
                ident.span(),
                format!("unknown credential `{text}`: expected `oauth`, `private_app`, `developer_key` or `none`"),
            ),
        }
    }
    if let Some(none) = none
        && seen.len() > 1
    {
        cx.error(
            none.span(),
            "`none` cannot be combined with other credentials: an endpoint takes either no credentials or some",
        );
    }
    endpoint.auth = auth;
}

/// `#[form]`: body fields (not a whole body), on a method that has a body,
/// each a scalar. Form fields are sent under their Rust names unless
/// `#[json = "…"]` says otherwise, as HubSpot's form bodies are snake_case.
fn validate_form(endpoint: &mut Endpoint, has_body: bool, cx: &Ctxt) {
    let Some(span) = endpoint.form else { return };
    let mut problem = None;
    if matches!(endpoint.method, Method::Get | Method::Delete) {
        problem = Some(format!(
            "`{}` requests take no body: `#[form]` is for `POST`, `PUT` and `PATCH` endpoints",
            endpoint.method.as_str()
        ));
    } else if let Some(body) = &endpoint.body {
        problem = Some(format!(
            "`#[form]` sends the fields of `required` and `optional` as a form, not a whole body: declare the fields of `{}` there",
            body.plain_name()
        ));
    } else if !has_body {
        problem = Some(format!(
            "`#[form]` endpoint `{}` declares no body field: add them in `required` or `optional`",
            endpoint.name
        ));
    }
    if let Some(problem) = problem {
        cx.error(span, problem);
        endpoint.form = None;
        return;
    }
    for field in endpoint.required.iter_mut().chain(&mut endpoint.optional) {
        if !field.renamed {
            field.json_name = field.plain_name();
        }
        let Some(kind) = non_scalar(&field.ty) else {
            endpoint.form_value_checks.push(field.ty.clone());
            continue;
        };
        cx.error(
            syn::spanned::Spanned::span(&field.ty),
            format!(
                "`{}` is {kind}, which a form cannot carry: a `#[form]` body's fields are strings, numbers, booleans, date-times or enums",
                field.plain_name()
            ),
        );
    }
}

/// What a type visibly is when it cannot be one form value.
fn non_scalar(ty: &syn::Type) -> Option<&'static str> {
    match ty {
        syn::Type::Array(_) | syn::Type::Slice(_) => Some("a list"),
        syn::Type::Tuple(t) if !t.elems.is_empty() => Some("a tuple"),
        syn::Type::Tuple(_) => Some("`()`"),
        syn::Type::Reference(r) => non_scalar(&r.elem),
        syn::Type::Paren(p) => non_scalar(&p.elem),
        syn::Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            match last.ident.to_string().as_str() {
                "Vec" | "VecDeque" | "HashSet" | "BTreeSet" => Some("a list"),
                "HashMap" | "BTreeMap" => Some("a map"),
                "JsonValue" | "Value" => Some("a JSON value"),
                "Option" | "Box" => match &last.arguments {
                    syn::PathArguments::AngleBracketed(args) => {
                        args.args.iter().find_map(|arg| match arg {
                            syn::GenericArgument::Type(inner) => non_scalar(inner),
                            _ => None,
                        })
                    }
                    _ => None,
                },
                _ => None,
            }
        }
        _ => None,
    }
}

/// `#[idempotent]` only where the method is not idempotent already, and
/// `#[idempotency_key(field)]` only on a `String` body field, which is then
/// stored with its wire name. A wrong one is reported and dropped.
fn validate_idempotency(endpoint: &mut Endpoint, key: Option<Ident>, cx: &Ctxt) {
    if let Some(span) = endpoint.idempotent
        && matches!(endpoint.method, Method::Get | Method::Put | Method::Delete)
    {
        cx.error(
            span,
            format!(
                "`{}` requests are idempotent already: `#[idempotent]` is for `POST` and `PATCH` endpoints",
                endpoint.method.as_str()
            ),
        );
        endpoint.idempotent = None;
    }
    let Some(key) = key else {
        return;
    };
    let field = endpoint
        .required
        .iter()
        .map(|f| (f, false))
        .chain(endpoint.optional.iter().map(|f| (f, true)))
        .find(|(field, _)| field.name == key);
    match field {
        None => cx.error(
            key.span(),
            format!(
                "`#[idempotency_key({key})]` names no body field: declare `{key}: String` in `optional` (or `required`)"
            ),
        ),
        Some((field, _)) if !is_string(&field.ty) => cx.error(
            key.span(),
            format!(
                "the idempotency key `{key}` must be a `String`, so that the client can fill in a fresh id"
            ),
        ),
        Some((field, optional)) => {
            endpoint.idempotency_key = Some(IdempotencyKey {
                field: field.name.clone(),
                json: field.json_name.clone(),
                optional,
            })
        }
    }
}

/// Whether `ty` is written `String` (or a path ending in it).
fn is_string(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(path)
        if path.qself.is_none()
            && path.path.segments.last().is_some_and(|last| last.ident == "String" && last.arguments.is_none()))
}

/// A variant's Rust name and wire value: `Name = "value"` as written, or
/// the value's UpperCamelCase; and the span to report problems at.
fn resolve_variant(written: &WrittenVariant, cx: &Ctxt) -> (Ident, String, Span) {
    if let Some(value) = &written.value {
        return (written.ident.clone(), value.value(), value.span());
    }
    let ident = &written.ident;
    let value = ident.to_string();
    let value = value.strip_prefix("r#").map(str::to_owned).unwrap_or(value);
    let name = match upper_camel_case(&value) {
        Some(name) => Ident::new(&name, ident.span()),
        None => {
            cx.error(
                ident.span(),
                format!("`{value}` does not make a Rust variant name: write `Name = \"{value}\"`"),
            );
            ident.clone()
        }
    };
    (name, value, ident.span())
}

fn validate_enum(e: &mut Enum, cx: &Ctxt) {
    item_attrs(&e.header, "enum", cx);
    for variant in &mut e.variants {
        (variant.name, variant.value, variant.span) = resolve_variant(&variant.written, cx);
    }
    if e.variants.is_empty() {
        cx.error(
            e.name.span(),
            format!("enum `{}` declares no value", e.name),
        );
    }
    let mut names = HashSet::new();
    let mut values = HashSet::new();
    e.variants.retain(|variant| {
        if variant.name == "Unknown" {
            cx.error(
                variant.span,
                format!("`Unknown` is reserved for the values a declaration does not list: name this one explicitly, e.g. `Unknown{} = \"{}\"`", e.name, variant.value),
            );
            return false;
        }
        if !values.insert(variant.value.clone()) {
            cx.error(variant.span, format!("value `{}` is listed twice", variant.value));
            return false;
        }
        if !names.insert(variant.name.to_string()) {
            cx.error(variant.span, format!("two values are named `{}`", variant.name));
            return false;
        }
        true
    });
}

/// What a type visibly is when it cannot carry a union's tag: not an object.
fn not_an_object(ty: &syn::Type) -> Option<&'static str> {
    match ty {
        syn::Type::Array(_) | syn::Type::Slice(_) => Some("a list"),
        syn::Type::Tuple(_) => Some("a tuple"),
        syn::Type::Reference(r) => not_an_object(&r.elem),
        syn::Type::Paren(p) => not_an_object(&p.elem),
        syn::Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            match last.ident.to_string().as_str() {
                "String" | "str" | "char" | "bool" | "i8" | "i16" | "i32" | "i64" | "i128"
                | "isize" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "f32" | "f64"
                | "DateTime" => Some("a scalar"),
                "Vec" | "VecDeque" | "HashSet" | "BTreeSet" => Some("a list"),
                "HashMap" | "BTreeMap" => Some("a map"),
                "Option" => Some("an `Option`"),
                "JsonValue" | "Value" => Some("any JSON value"),
                _ => None,
            }
        }
        _ => None,
    }
}

fn validate_union(u: &mut Union, cx: &Ctxt) {
    let attrs = item_attrs(&u.header, "union", cx);
    if let Some(tag) = attrs.tag {
        u.tag = tag.value();
    }
    for variant in &mut u.variants {
        (variant.name, variant.tag_value, variant.span) = resolve_variant(&variant.written, cx);
    }
    if u.variants.is_empty() {
        cx.error(
            u.name.span(),
            format!("union `{}` declares no variant", u.name),
        );
    }
    let mut names = HashSet::new();
    let mut tags = HashSet::new();
    let mut types: HashMap<String, String> = HashMap::new();
    let tag = &u.tag;
    u.variants.retain(|variant| {
        if variant.name == "Unknown" {
            cx.error(
                variant.span,
                "`Unknown` is reserved: it holds the variants a declaration does not list",
            );
            return false;
        }
        if !tags.insert(variant.tag_value.clone()) {
            cx.error(
                variant.span,
                format!("tag `{}` is listed twice", variant.tag_value),
            );
            return false;
        }
        if !names.insert(variant.name.to_string()) {
            cx.error(
                variant.span,
                format!("two variants are named `{}`", variant.name),
            );
            return false;
        }
        let ty = crate::generate::type_text(&variant.ty);
        if let Some(kind) = not_an_object(&variant.ty) {
            cx.error(
                variant.ty.span(),
                format!(
                    "`{ty}` is {kind}, which cannot carry the `{tag}` tag: a union's variant is an object"
                ),
            );
            return false;
        }
        if let Some(first) = types.get(&ty) {
            cx.error(
                variant.ty.span(),
                format!(
                    "`{ty}` is already the type of tag `{first}`: each tag needs its own type, or `From<{ty}>` would be ambiguous"
                ),
            );
            return false;
        }
        types.insert(ty, variant.tag_value.clone());
        true
    });
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use crate::ctxt::Ctxt;
    use crate::parse::parse_input;

    fn errors(tokens: proc_macro2::TokenStream) -> Vec<String> {
        let cx = Ctxt::default();
        let mut input = parse_input(tokens, &cx);
        super::validate(&mut input, &cx);
        cx.into_compile_errors()
            .to_string()
            .split("compile_error")
            .skip(1)
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn paginated_endpoints_and_pages_are_checked() {
        let ok = errors(quote! {
            #[paginated]
            pub endpoint List: GET { v3 => "/l" } {
                query { after: Option<String>, limit: Option<i32> }
            } -> 200 Items;
            #[page]
            pub object Items {
                required { results: Vec<String> }
                optional { paging: Paging }
            }
        });
        assert!(ok.is_empty(), "{ok:?}");

        let wrong = errors(quote! {
            #[paginated]
            pub endpoint NoCursor: GET { v3 => "/l" } {
                query { after: String }
            } -> 200 Items;
            #[page]
            pub object NoResults {
                required { items: Vec<String> }
            }
            #[paginated(x)]
            pub endpoint WithArgs: GET { v3 => "/m" } { query { after: Option<String> } } -> 200 Items;
            #[page]
            pub enum NotAnObject { A }
        });
        for expected in [
            "`#[paginated]` endpoint `NoCursor` needs an optional query parameter `after: Option<String>`",
            "`#[page]` object `NoResults` needs a required field `results: Vec<…>`",
            "`#[page]` object `NoResults` needs an optional field `paging`",
            "expected `#[paginated]`, without arguments",
            "unsupported attribute on enum `NotAnObject`",
        ] {
            assert!(
                wrong.iter().any(|e| e.contains(expected)),
                "no error about {expected}: {wrong:?}"
            );
        }
        assert_eq!(wrong.len(), 5, "{wrong:?}");
    }

    #[test]
    fn auth_lists_are_checked_at_each_scheme() {
        let ok = errors(quote! {
            #[auth(developer_key)]
            pub endpoint A: GET { v3 => "/a" } {} -> 200 ();
            #[auth(none)]
            pub endpoint B: GET { v3 => "/b" } {} -> 200 ();
            #[auth(oauth, private_app, developer_key)]
            pub endpoint C: GET { v3 => "/c" } {} -> 200 ();
        });
        assert!(ok.is_empty(), "{ok:?}");

        let wrong = errors(quote! {
            #[auth(oauth, hapikey)]
            pub endpoint A: GET { v3 => "/a" } {} -> 200 ();
            #[auth(none, oauth)]
            pub endpoint B: GET { v3 => "/b" } {} -> 200 ();
            #[auth(oauth, oauth)]
            pub endpoint C: GET { v3 => "/c" } {} -> 200 ();
            #[auth()]
            pub endpoint D: GET { v3 => "/d" } {} -> 200 ();
            #[auth]
            pub endpoint E: GET { v3 => "/e" } {} -> 200 ();
        });
        for expected in [
            "unknown credential `hapikey`: expected `oauth`, `private_app`, `developer_key` or `none`",
            "`none` cannot be combined with other credentials",
            "`oauth` is listed twice",
            "`#[auth()]` lists no credential",
            "expected `#[auth(…)]`",
        ] {
            assert!(
                wrong.iter().any(|e| e.contains(expected)),
                "no error about {expected}: {wrong:?}"
            );
        }
        assert_eq!(wrong.len(), 5, "{wrong:?}");
    }

    #[test]
    fn auth_resolves_to_the_listed_schemes_or_the_default() {
        use crate::model::{Credential, Item};
        let cx = Ctxt::default();
        let mut input = parse_input(
            quote! {
                pub endpoint Default: GET { v3 => "/a" } {} -> 200 ();
                #[auth(none)]
                pub endpoint Nothing: GET { v3 => "/b" } {} -> 200 ();
                #[auth(developer_key, oauth)]
                pub endpoint Two: GET { v3 => "/c" } {} -> 200 ();
            },
            &cx,
        );
        super::validate(&mut input, &cx);
        let auth: Vec<Vec<Credential>> = input
            .items
            .iter()
            .map(|item| match item {
                Item::Endpoint(e) => e.auth.clone(),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            auth,
            [
                vec![Credential::OAuth, Credential::PrivateApp],
                vec![],
                vec![Credential::DeveloperKey, Credential::OAuth]
            ]
        );
    }

    #[test]
    fn form_bodies_are_checked() {
        let ok = errors(quote! {
            #[auth(none)]
            #[form]
            pub endpoint Token: POST { v1 => "/oauth/v1/token" } {
                required { grant_type: String, client_id: String }
                optional { #[json = "scope"] scopes: String, expires_in: i64 }
            } -> 200 ();
        });
        assert!(ok.is_empty(), "{ok:?}");

        let wrong = errors(quote! {
            #[form]
            pub endpoint OnGet: GET { v1 => "/a" } { query { a: Option<String> } } -> 200 ();
            #[form]
            pub endpoint Whole: POST { v1 => "/b" } { body { value: Thing } } -> 200 ();
            #[form]
            pub endpoint Empty: POST { v1 => "/c" } {} -> 200 ();
            #[form]
            pub endpoint Lists: POST { v1 => "/d" } {
                required { ids: Vec<String>, extra: HashMap<String, String> }
            } -> 200 ();
            #[form(yes)]
            pub endpoint Args: POST { v1 => "/e" } { required { a: String } } -> 200 ();
        });
        for expected in [
            "`GET` requests take no body: `#[form]` is for `POST`, `PUT` and `PATCH` endpoints",
            "`#[form]` sends the fields of `required` and `optional` as a form, not a whole body",
            "`#[form]` endpoint `Empty` declares no body field",
            "`ids` is a list, which a form cannot carry",
            "`extra` is a map, which a form cannot carry",
            "expected `#[form]`, without arguments",
        ] {
            assert!(
                wrong.iter().any(|e| e.contains(expected)),
                "no error about {expected}: {wrong:?}"
            );
        }
        assert_eq!(wrong.len(), 6, "{wrong:?}");
    }

    #[test]
    fn form_fields_keep_their_rust_names_unless_renamed() {
        use crate::model::Item;
        let cx = Ctxt::default();
        let mut input = parse_input(
            quote! {
                #[form]
                pub endpoint Token: POST { v1 => "/t" } {
                    required { grant_type: String }
                    optional { #[json = "scope"] scopes: String }
                } -> 200 ();
                pub endpoint Json: POST { v1 => "/j" } {
                    required { grant_type: String }
                } -> 200 ();
            },
            &cx,
        );
        super::validate(&mut input, &cx);
        let names: Vec<&str> = input
            .items
            .iter()
            .flat_map(|item| match item {
                Item::Endpoint(e) => e.required.iter().chain(&e.optional),
                _ => unreachable!(),
            })
            .map(|f| f.json_name.as_str())
            .collect();
        assert_eq!(names, ["grant_type", "scope", "grantType"]);
    }

    #[test]
    fn nonsense_declarations_are_each_one_error() {
        let cases: &[(proc_macro2::TokenStream, &str)] = &[
            (
                quote! {
                    pub enum Direction { A }
                    pub enum Direction { B }
                },
                "`Direction` is declared twice",
            ),
            (
                quote! {
                    pub endpoint Fetch: GET { v3 => "/a" } { required { text: String } } -> 200 ();
                },
                "`GET` requests take no body",
            ),
            (
                quote! {
                    pub endpoint Drop: DELETE { v3 => "/a" } { body { thing: Thing } } -> 204 ();
                },
                "`DELETE` requests take no body",
            ),
            (
                quote! { pub union U { STRING => String, FILE => File } },
                "`String` is a scalar, which cannot carry the `type` tag",
            ),
            (
                quote! { pub union U { FILE => File, IMAGE => File } },
                "`File` is already the type of tag `FILE`",
            ),
            (
                quote! {
                    pub endpoint A: GET { v3 => "/a", "2026-03" => "/a" } {} -> 200 ();
                },
                "version `2026-03` has the same path as `v3`",
            ),
            (
                quote! {
                    pub endpoint A: GET { "2026-03" => "/b", v3 => "/a" } {} -> 200 ();
                },
                "version `v3` is written after the newer `2026-03`",
            ),
            (
                quote! {
                    pub endpoint A: GET { v3 => "/a", v3 => "/b" } {} -> 200 ();
                },
                "version `v3` is declared twice",
            ),
            (
                quote! {
                    #[paginated]
                    #[paginated]
                    pub endpoint A: GET { v3 => "/a" } { query { after: Option<String> } } -> 200 P;
                },
                "`#[paginated]` is given twice",
            ),
            (
                quote! {
                    #[tag = "kind"]
                    #[tag = "type"]
                    pub union U { FILE => File }
                },
                "`#[tag]` is given twice",
            ),
            (
                quote! {
                    #[scopes("a")]
                    #[scopes("b")]
                    pub endpoint A: GET { v3 => "/a" } {} -> 200 ();
                },
                "`#[scopes]` is given twice",
            ),
            (
                quote! {
                    pub object O { required { #[json = "a"] #[json = "b"] x: String } }
                },
                "`#[json]` is given twice",
            ),
            (
                quote! {
                    pub object Note { required { id: String } }
                    pub object NoteBuilder { required { id: String } }
                },
                "`NoteBuilder` is the name of the builder generated for `Note`",
            ),
            (
                quote! {
                    pub enum Note { A }
                    pub enum __Note { B }
                },
                "`__Note` is the name of the hidden module generated for `Note`",
            ),
        ];
        for (tokens, expected) in cases {
            let found = errors(tokens.clone());
            assert_eq!(found.len(), 1, "{expected}: {found:?}");
            assert!(found[0].contains(expected), "{expected}: {found:?}");
        }
    }

    #[test]
    fn validation_stores_what_generation_reads() {
        use crate::model::Item;
        let cx = Ctxt::default();
        let mut input = parse_input(
            quote! {
                #[paginated]
                pub endpoint List: GET { v3 => "/l" } {
                    query { limit: Option<i32>, r#after: Option<String> }
                } -> 200 Items;
                #[page]
                pub object Items {
                    required { results: Vec<Item> }
                    optional { paging: Paging }
                }
                #[idempotency_key(request_id)]
                pub endpoint Publish: POST { v3 => "/p" } {
                    optional { #[json = "rid"] request_id: String }
                } -> 201 ();
                pub enum E { Unknown }
            },
            &cx,
        );
        super::validate(&mut input, &cx);
        let Item::Endpoint(list) = &input.items[0] else {
            panic!()
        };
        assert_eq!(list.cursor.as_ref().unwrap(), "r#after");
        let Item::Object(items) = &input.items[1] else {
            panic!()
        };
        let page = items.page.as_ref().unwrap();
        assert_eq!(page.results, "results");
        assert_eq!(crate::generate::type_text(&page.item), "Item");
        let Item::Endpoint(publish) = &input.items[2] else {
            panic!()
        };
        let key = publish.idempotency_key.as_ref().unwrap();
        assert_eq!(
            (key.field.to_string(), key.json.as_str(), key.optional),
            ("request_id".to_owned(), "rid", true)
        );
        let Item::Enum(e) = &input.items[3] else {
            panic!()
        };
        assert!(e.variants.is_empty(), "`Unknown` is reported and dropped");
    }
}
