//! Token stream → [`model`](crate::model). Syntax errors end the item they
//! occur in; everything else is recorded in the [`Ctxt`] and parsing goes on,
//! so one invocation reports all its mistakes at once.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{
    Attribute, Expr, ExprLit, Ident, Lit, LitInt, LitStr, Meta, Token, Type, Visibility, braced,
};

use crate::case::{camel_case, upper_camel_case};
use crate::ctxt::Ctxt;
use crate::model::*;
use crate::path::parse_template;

const ITEM_KINDS: &str = "expected `endpoint`, `object`, `enum` or `union`";
const SECTIONS: &str = "`path`, `query`, `required`, `optional` or `body`";

/// Parses a whole invocation. Each item is parsed on its own, so a syntax
/// error in one item still lets the others expand.
pub fn parse_input(tokens: TokenStream, cx: &Ctxt) -> Input {
    let mut input = Input {
        items: Vec::new(),
        broken: Vec::new(),
    };
    for chunk in split_items(tokens) {
        let parser = |stream: ParseStream| parse_item(stream, cx);
        match parser.parse2(chunk.clone()) {
            Ok(item) => input.items.push(item),
            Err(error) => {
                cx.syn_error(error);
                if let Some(name) = item_name(&chunk) {
                    input.broken.push(name);
                }
            }
        }
    }
    input
}

/// Cuts the invocation into items: an endpoint ends at its `;`, the other
/// items at the brace group that closes them.
fn split_items(tokens: TokenStream) -> Vec<TokenStream> {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut chunks = Vec::new();
    let mut current = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        current.push(token.clone());
        let ends_item = match token {
            TokenTree::Punct(p) => p.as_char() == ';',
            TokenTree::Group(g) => {
                g.delimiter() == Delimiter::Brace && tokens.get(i + 1).is_none_or(starts_item)
            }
            _ => false,
        };
        if ends_item {
            chunks.push(current.drain(..).collect());
        }
    }
    if !current.is_empty() {
        chunks.push(current.into_iter().collect());
    }
    chunks
}

fn starts_item(token: &TokenTree) -> bool {
    match token {
        TokenTree::Punct(p) => p.as_char() == '#',
        TokenTree::Ident(i) => matches!(
            i.to_string().as_str(),
            "pub" | "endpoint" | "object" | "enum" | "union"
        ),
        _ => false,
    }
}

/// The visibility and name of an item that failed to parse, when they can be
/// found, so that a stub type keeps other code from failing to resolve it.
fn item_name(chunk: &TokenStream) -> Option<(Visibility, Ident)> {
    let tokens: Vec<TokenTree> = chunk.clone().into_iter().collect();
    let at = tokens.iter().position(|t| {
        matches!(t, TokenTree::Ident(i) if matches!(i.to_string().as_str(), "endpoint" | "object" | "enum" | "union"))
    })?;
    let vis = if tokens[..at]
        .iter()
        .any(|t| matches!(t, TokenTree::Ident(i) if i == "pub"))
    {
        syn::parse_quote!(pub)
    } else {
        Visibility::Inherited
    };
    match tokens.get(at + 1) {
        Some(TokenTree::Ident(name)) => Some((vis, name.clone())),
        _ => None,
    }
}

fn parse_item(input: ParseStream, cx: &Ctxt) -> syn::Result<Item> {
    let attrs = input.call(Attribute::parse_outer)?;
    let vis: Visibility = input.parse()?;
    let kind = input
        .call(Ident::parse_any)
        .map_err(|e| syn::Error::new(e.span(), ITEM_KINDS))?;
    let name: Ident = input.parse()?;
    let header = Header {
        attrs,
        vis,
        name: name.clone(),
    };
    let item = match kind.to_string().as_str() {
        "endpoint" => Item::Endpoint(Box::new(parse_endpoint(input, header, cx)?)),
        "object" => Item::Object(parse_object(input, header, cx)?),
        "enum" => Item::Enum(parse_enum(input, header, cx)?),
        "union" => Item::Union(parse_union(input, header, cx)?),
        other => {
            return Err(syn::Error::new(
                kind.span(),
                format!("unknown item kind `{other}`: {ITEM_KINDS}"),
            ));
        }
    };
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the item"));
    }
    Ok(item)
}

/// The item attributes a kind accepts, besides doc comments.
struct ItemAttrs {
    scopes: Vec<LitStr>,
    tag: Option<LitStr>,
    idempotent: Option<Span>,
    idempotency_key: Option<Ident>,
    /// `#[paginated]` on an endpoint, `#[page]` on an object.
    paging: Option<Span>,
    auth: Option<AuthAttr>,
    form: Option<Span>,
}

fn item_attrs(header: &Header, kind: &str, cx: &Ctxt) -> ItemAttrs {
    let mut found = ItemAttrs {
        scopes: Vec::new(),
        tag: None,
        idempotent: None,
        idempotency_key: None,
        paging: None,
        auth: None,
        form: None,
    };
    for attr in &header.attrs {
        let path = attr.path();
        if path.is_ident("doc") {
            continue;
        }
        if path.is_ident("scopes") && kind == "endpoint" {
            match attr.parse_args_with(Punctuated::<LitStr, Token![,]>::parse_terminated) {
                Ok(scopes) => found.scopes.extend(scopes),
                Err(e) => cx.syn_error(e),
            }
        } else if path.is_ident("idempotent") && kind == "endpoint" {
            match &attr.meta {
                Meta::Path(_) if found.idempotent.is_none() => found.idempotent = Some(attr.span()),
                Meta::Path(_) => cx.error(attr.span(), "`#[idempotent]` is given twice"),
                _ => cx.error(attr.span(), "expected `#[idempotent]`, without arguments"),
            }
        } else if path.is_ident("idempotency_key") && kind == "endpoint" {
            match attr.parse_args::<Ident>() {
                Ok(_) if found.idempotency_key.is_some() => {
                    cx.error(attr.span(), "`#[idempotency_key(…)]` is given twice")
                }
                Ok(field) => found.idempotency_key = Some(field),
                Err(_) => cx.error(
                    attr.span(),
                    "expected `#[idempotency_key(field)]`, naming the body field HubSpot de-duplicates on",
                ),
            }
        } else if (path.is_ident("paginated") && kind == "endpoint")
            || (path.is_ident("page") && kind == "object")
        {
            match &attr.meta {
                Meta::Path(_) => found.paging = Some(attr.span()),
                _ => cx.error(
                    attr.span(),
                    format!(
                        "expected `#[{}]`, without arguments",
                        path.get_ident()
                            .map(ToString::to_string)
                            .unwrap_or_default()
                    ),
                ),
            }
        } else if path.is_ident("auth") && kind == "endpoint" {
            let name_span = path.span();
            let parsed = match &attr.meta {
                Meta::List(list) => list
                    .parse_args_with(Punctuated::<Ident, Token![,]>::parse_terminated)
                    .map(|schemes| AuthAttr {
                        parens: list.delimiter.span().join(),
                        schemes: schemes.into_iter().collect(),
                    })
                    .ok(),
                _ => None,
            };
            match parsed {
                Some(_) if found.auth.is_some() => {
                    cx.error(name_span, "`#[auth(…)]` is given twice")
                }
                Some(auth) => found.auth = Some(auth),
                None => cx.error(
                    name_span,
                    "expected `#[auth(…)]` listing `oauth`, `private_app` and/or `developer_key`, or `#[auth(none)]`",
                ),
            }
        } else if path.is_ident("form") && kind == "endpoint" {
            match &attr.meta {
                Meta::Path(_) if found.form.is_none() => found.form = Some(path.span()),
                Meta::Path(_) => cx.error(path.span(), "`#[form]` is given twice"),
                _ => cx.error(path.span(), "expected `#[form]`, without arguments"),
            }
        } else if path.is_ident("tag") && kind == "union" {
            match string_value(&attr.meta) {
                Some(tag) => found.tag = Some(tag),
                None => cx.error(attr.span(), "expected `#[tag = \"field\"]`"),
            }
        } else {
            let allowed = match kind {
                "endpoint" => {
                    "`#[scopes(\"…\")]`, `#[auth(…)]`, `#[form]`, `#[paginated]`, `#[idempotent]`, `#[idempotency_key(field)]` and doc comments"
                }
                "union" => "`#[tag = \"…\"]` and doc comments",
                "object" => "`#[page]` and doc comments",
                _ => "doc comments",
            };
            cx.error(
                attr.span(),
                format!(
                    "unsupported attribute on {kind} `{}`: only {allowed} are allowed here",
                    header.name
                ),
            );
        }
    }
    found
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

fn docs(attrs: Vec<Attribute>) -> Vec<Attribute> {
    attrs
        .into_iter()
        .filter(|a| a.path().is_ident("doc"))
        .collect()
}

fn parse_endpoint(input: ParseStream, header: Header, cx: &Ctxt) -> syn::Result<Endpoint> {
    let attrs = item_attrs(&header, "endpoint", cx);
    input.parse::<Token![:]>()?;
    let method_ident = input.call(Ident::parse_any)?;
    let method = match Method::ALL.iter().find(|(name, _)| method_ident == name) {
        Some((_, method)) => *method,
        None => {
            let upper = method_ident.to_string().to_uppercase();
            let hint = if Method::ALL.iter().any(|(name, _)| *name == upper) {
                format!("; methods are written in capitals: `{upper}`")
            } else {
                String::new()
            };
            cx.error(
                method_ident.span(),
                format!("unknown HTTP method `{method_ident}`: expected one of GET, POST, PUT, PATCH, DELETE{hint}"),
            );
            Method::Get
        }
    };

    let versions;
    braced!(versions in input);
    let declared_any = !versions.is_empty();
    let mut paths = parse_versions(&versions, cx)?;
    paths.sort_by_key(|p| p.version);
    if !declared_any {
        cx.error(
            header.name.span(),
            format!(
                "endpoint `{}` declares no path: add `v3 => \"/…\"`",
                header.name
            ),
        );
    }

    let sections;
    braced!(sections in input);
    let mut endpoint = Endpoint {
        name: header.name.clone(),
        header,
        method,
        paths,
        path_params: Vec::new(),
        query: Vec::new(),
        required: Vec::new(),
        optional: Vec::new(),
        body: None,
        status: 200,
        response: syn::parse_quote!(()),
        scopes: attrs.scopes,
        idempotent: attrs.idempotent,
        idempotency_key: attrs.idempotency_key,
        paginated: attrs.paging,
        auth_attr: attrs.auth,
        auth: Vec::new(),
        form: attrs.form,
        form_value_checks: Vec::new(),
    };
    parse_sections(&sections, cx, |kind, fields| {
        match kind {
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
            _ => return false,
        }
        true
    })?;

    input.parse::<Token![->]>()?;
    let status: LitInt = input.parse()?;
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
    endpoint.response = input.parse()?;
    input.parse::<Token![;]>()?;
    Ok(endpoint)
}

fn parse_versions(input: ParseStream, cx: &Ctxt) -> syn::Result<Vec<VersionedPath>> {
    let mut paths: Vec<VersionedPath> = Vec::new();
    while !input.is_empty() {
        let (text, span) = if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            (lit.value(), lit.span())
        } else {
            let ident = input.call(Ident::parse_any)?;
            (ident.to_string(), ident.span())
        };
        input.parse::<Token![=>]>()?;
        let template: LitStr = input.parse()?;
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
        let Some(version) = parse_version(&text) else {
            cx.error(
                span,
                format!("malformed API version `{text}`: expected `v<number>` (e.g. `v3`) or a date version in quotes (e.g. `\"2026-03\"`)"),
            );
            continue;
        };
        if paths.iter().any(|p| p.version == version) {
            cx.error(
                span,
                format!("version `{}` is declared twice", version.label()),
            );
            continue;
        }
        let pieces = match parse_template(&template.value()) {
            Ok(pieces) => pieces,
            Err(e) => {
                cx.error(template.span(), e);
                Vec::new()
            }
        };
        paths.push(VersionedPath {
            version,
            template,
            pieces,
        });
    }
    Ok(paths)
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

/// Parses `name { fields }` sections; `accept` takes a known section and
/// returns `false` for one this item does not have.
fn parse_sections(
    input: ParseStream,
    cx: &Ctxt,
    mut accept: impl FnMut(&str, Vec<Field>) -> bool,
) -> syn::Result<()> {
    while !input.is_empty() {
        let name = input.call(Ident::parse_any)?;
        let content;
        braced!(content in input);
        let fields = parse_fields(&content, cx)?;
        let kind = name.to_string();
        let known = matches!(
            kind.as_str(),
            "path" | "query" | "required" | "optional" | "body"
        );
        if !known {
            cx.error(
                name.span(),
                format!("unknown section `{kind}`: expected {SECTIONS}"),
            );
        } else if !accept(&kind, fields) {
            cx.error(
                name.span(),
                format!("an object has no `{kind}` section: it takes `required` and `optional`"),
            );
        }
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(())
}

fn parse_fields(input: ParseStream, cx: &Ctxt) -> syn::Result<Vec<Field>> {
    let mut fields = Vec::new();
    while !input.is_empty() {
        let attrs = input.call(Attribute::parse_outer)?;
        let name: Ident = input.parse()?;
        input.parse::<Token![:]>()?;
        let ty: Type = input.parse()?;
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
        let mut json_name = camel_case(&name.to_string());
        let mut renamed = false;
        let mut docs = Vec::new();
        for attr in attrs {
            if attr.path().is_ident("doc") {
                docs.push(attr);
            } else if attr.path().is_ident("json") {
                match string_value(&attr.meta) {
                    Some(lit) if !lit.value().is_empty() => {
                        json_name = lit.value();
                        renamed = true;
                    }
                    _ => cx.error(attr.span(), "expected `#[json = \"wireName\"]`"),
                }
            } else {
                cx.error(
                    attr.span(),
                    "unsupported attribute on a field: only `#[json = \"…\"]` and doc comments are allowed",
                );
            }
        }
        fields.push(Field {
            docs,
            name,
            json_name,
            renamed,
            ty,
            inner_ty: None,
        });
    }
    Ok(fields)
}

/// A query parameter declared as `Option<T>` is optional; remember `T`.
fn with_optional_inner(mut field: Field) -> Field {
    if let Type::Path(path) = &field.ty
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

fn parse_object(input: ParseStream, header: Header, cx: &Ctxt) -> syn::Result<Object> {
    let attrs = item_attrs(&header, "object", cx);
    let content;
    braced!(content in input);
    let mut object = Object {
        name: header.name.clone(),
        header,
        required: Vec::new(),
        optional: Vec::new(),
        page: attrs.paging,
    };
    parse_sections(&content, cx, |kind, fields| {
        match kind {
            "required" => object.required.extend(fields),
            "optional" => object.optional.extend(fields),
            _ => return false,
        }
        true
    })?;
    Ok(object)
}

/// `NAME` or `Name = "value"`; returns the Rust name, the wire value and
/// the span to report problems at.
fn parse_variant_name(input: ParseStream, cx: &Ctxt) -> syn::Result<(Ident, String, Span)> {
    let ident = input.call(Ident::parse_any)?;
    if input.peek(Token![=]) && !input.peek(Token![=>]) {
        input.parse::<Token![=]>()?;
        let value: LitStr = input.parse()?;
        return Ok((ident, value.value(), value.span()));
    }
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
    Ok((name, value, ident.span()))
}

fn parse_enum(input: ParseStream, header: Header, cx: &Ctxt) -> syn::Result<Enum> {
    item_attrs(&header, "enum", cx);
    let content;
    braced!(content in input);
    let mut variants = Vec::new();
    while !content.is_empty() {
        let attrs = content.call(Attribute::parse_outer)?;
        let (name, value, span) = parse_variant_name(&content, cx)?;
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
        variants.push(EnumVariant {
            docs: docs(attrs),
            name,
            value,
            span,
        });
    }
    Ok(Enum {
        name: header.name.clone(),
        header,
        variants,
    })
}

fn parse_union(input: ParseStream, header: Header, cx: &Ctxt) -> syn::Result<Union> {
    let attrs = item_attrs(&header, "union", cx);
    let content;
    braced!(content in input);
    let mut variants = Vec::new();
    while !content.is_empty() {
        let attrs = content.call(Attribute::parse_outer)?;
        let (name, tag_value, span) = parse_variant_name(&content, cx)?;
        content.parse::<Token![=>]>()?;
        let ty: Type = content.parse()?;
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
        variants.push(UnionVariant {
            docs: docs(attrs),
            name,
            tag_value,
            span,
            ty,
        });
    }
    Ok(Union {
        name: header.name.clone(),
        header,
        tag: attrs.tag.map_or_else(|| "type".to_owned(), |t| t.value()),
        variants,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn parse(tokens: TokenStream) -> (Input, Vec<String>) {
        let cx = Ctxt::default();
        let input = parse_input(tokens, &cx);
        let errors = cx
            .into_compile_errors()
            .to_string()
            .split("compile_error")
            .skip(1)
            .map(str::to_owned)
            .collect();
        (input, errors)
    }

    #[test]
    fn parses_every_item_kind() {
        let (input, errors) = parse(quote! {
            /// Publish.
            #[scopes("a.write")]
            pub endpoint Publish: POST {
                "2026-03" => "/c/2026-03/{channelId}/messages",
                v3 => "/c/v3/{channelId}/messages",
            } {
                path { channel_id: i32 }
                query { limit: Option<i32>, after: String }
                required { text: String }
                optional { #[json = "richText"] rich: String }
            } -> 201 Message;

            pub object Message { required { id: String } optional { r#type: String } }
            pub enum Direction { INCOMING, Outgoing = "OUT-GOING" }
            #[tag = "kind"]
            pub union Attachment { FILE => File, Geo = "LOCATION" => Location }
        });
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(input.items.len(), 4);
        let Item::Endpoint(endpoint) = &input.items[0] else {
            panic!()
        };
        assert_eq!(
            endpoint.paths[0].version,
            Version::Numbered(3),
            "sorted oldest first"
        );
        assert_eq!(endpoint.status, 201);
        assert_eq!(endpoint.scopes.len(), 1);
        assert!(endpoint.query[0].inner_ty.is_some());
        assert!(endpoint.query[1].inner_ty.is_none());
        assert_eq!(endpoint.optional[0].json_name, "richText");
        assert_eq!(endpoint.path_params[0].json_name, "channelId");
        let Item::Object(object) = &input.items[1] else {
            panic!()
        };
        assert_eq!(object.optional[0].json_name, "type");
        let Item::Enum(e) = &input.items[2] else {
            panic!()
        };
        assert_eq!(e.variants[0].name, "Incoming");
        assert_eq!(e.variants[1].value, "OUT-GOING");
        let Item::Union(u) = &input.items[3] else {
            panic!()
        };
        assert_eq!(u.tag, "kind");
        assert_eq!(u.variants[1].tag_value, "LOCATION");
    }

    #[test]
    fn a_broken_item_does_not_hide_the_others() {
        let (input, errors) = parse(quote! {
            pub endpoint Broken: GET { v3 => "/a" } { } -> ;
            pub enum Fine { A, B }
        });
        assert_eq!(errors.len(), 1);
        assert_eq!(input.items.len(), 1);
        assert_eq!(input.broken.len(), 1);
        assert_eq!(input.broken[0].1, "Broken");
    }

    #[test]
    fn reports_every_semantic_error_in_one_pass() {
        let (_, errors) = parse(quote! {
            pub endpoint A: FETCH { v3x => "/a", "2026-13" => "/b" } {
                headers { x: String }
            } -> 404 ();
        });
        assert_eq!(errors.len(), 5, "{errors:?}");
        for expected in [
            "unknown HTTP method `FETCH`",
            "`v3x`",
            "`2026-13`",
            "unknown section `headers`",
            "2xx",
        ] {
            assert!(
                errors.iter().any(|e| e.contains(expected)),
                "no error about {expected}: {errors:?}"
            );
        }
    }
}
