//! Checks that span several parts of a declaration. Each check reports at the
//! offending token and then repairs the model (a duplicate is dropped), so
//! that generation emits one consistent expansion and the user sees only the
//! real mistakes.

use std::collections::{HashMap, HashSet};

use crate::ctxt::Ctxt;
use crate::model::*;
use crate::path::Piece;

/// Builder methods that a field of the same name would collide with.
const RESERVED_FIELDS: &[&str] = &["builder", "build", "send", "stream", "api_version"];

pub fn validate(input: &mut Input, cx: &Ctxt) {
    let mut names = HashSet::new();
    for item in &input.items {
        let name = item.name();
        if !names.insert(name.to_string()) {
            cx.error(
                name.span(),
                format!("`{name}` is declared twice in this invocation"),
            );
        }
    }
    for item in &mut input.items {
        match item {
            Item::Endpoint(endpoint) => validate_endpoint(endpoint, cx),
            Item::Object(object) => {
                let mut seen = Seen::default();
                seen.section(&mut object.required, "required", cx);
                seen.section(&mut object.optional, "optional", cx);
                validate_page(object, cx);
            }
            Item::Enum(e) => validate_enum(e, cx),
            Item::Union(u) => validate_union(u, cx),
        }
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
fn validate_page(object: &mut Object, cx: &Ctxt) {
    let Some(span) = object.page else { return };
    let results = object.required.iter().find(|f| f.plain_name() == "results");
    if results.and_then(|f| vec_item(&f.ty)).is_none() {
        cx.error(
            span,
            format!(
                "`#[page]` object `{}` needs a required field `results: Vec<…>` holding the page's items",
                object.name
            ),
        );
        object.page = None;
    }
    if !object.optional.iter().any(|f| f.plain_name() == "paging") {
        cx.error(
            span,
            format!(
                "`#[page]` object `{}` needs an optional field `paging` whose `next.after` is the next page's cursor",
                object.name
            ),
        );
        object.page = None;
    }
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
    validate_auth(endpoint, cx);
    validate_form(endpoint, cx);
    let mut seen = Seen::default();
    seen.section(&mut endpoint.path_params, "path", cx);
    seen.section(&mut endpoint.query, "query", cx);
    let mut body: Vec<Field> = endpoint.body.take().into_iter().collect();
    seen.section(&mut body, "body", cx);
    endpoint.body = body.pop();
    seen.section(&mut endpoint.required, "required", cx);
    seen.section(&mut endpoint.optional, "optional", cx);

    if let Some(span) = endpoint.paginated
        && !endpoint
            .query
            .iter()
            .any(|f| f.json_name == "after" && f.inner_ty.is_some())
    {
        cx.error(
            span,
            format!(
                "`#[paginated]` endpoint `{}` needs an optional query parameter `after: Option<String>` to carry the next page's cursor",
                endpoint.name
            ),
        );
        endpoint.paginated = None;
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

    validate_idempotency(endpoint, cx);

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
fn validate_auth(endpoint: &mut Endpoint, cx: &Ctxt) {
    let Some(attr) = &endpoint.auth_attr else {
        endpoint.auth = Credential::DEFAULT.to_vec();
        return;
    };
    if attr.schemes.is_empty() {
        cx.error(
            attr.parens,
            "`#[auth()]` lists no credential: name `oauth`, `private_app` and/or `developer_key`, or write `#[auth(none)]` for an endpoint that takes none",
        );
        endpoint.auth = Credential::DEFAULT.to_vec();
        return;
    }
    let mut auth = Vec::new();
    let mut none = None;
    let mut seen = HashSet::new();
    for ident in &attr.schemes {
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
fn validate_form(endpoint: &mut Endpoint, cx: &Ctxt) {
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
    } else if endpoint.required.is_empty() && endpoint.optional.is_empty() {
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
/// `#[idempotency_key(field)]` only on a `String` body field. A wrong one is
/// reported and dropped.
fn validate_idempotency(endpoint: &mut Endpoint, cx: &Ctxt) {
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
    let Some(key) = &endpoint.idempotency_key else {
        return;
    };
    let field = endpoint
        .required
        .iter()
        .chain(&endpoint.optional)
        .find(|field| field.name == *key);
    let problem = match field {
        None => Some(format!(
            "`#[idempotency_key({key})]` names no body field: declare `{key}: String` in `optional` (or `required`)"
        )),
        Some(field) if !is_string(&field.ty) => Some(format!(
            "the idempotency key `{key}` must be a `String`, so that the client can fill in a fresh id"
        )),
        Some(_) => None,
    };
    if let Some(problem) = problem {
        cx.error(key.span(), problem);
        endpoint.idempotency_key = None;
    }
}

/// Whether `ty` is written `String` (or a path ending in it).
fn is_string(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(path)
        if path.qself.is_none()
            && path.path.segments.last().is_some_and(|last| last.ident == "String" && last.arguments.is_none()))
}

fn validate_enum(e: &mut Enum, cx: &Ctxt) {
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

fn validate_union(u: &mut Union, cx: &Ctxt) {
    if u.variants.is_empty() {
        cx.error(
            u.name.span(),
            format!("union `{}` declares no variant", u.name),
        );
    }
    let mut names = HashSet::new();
    let mut tags = HashSet::new();
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
}
