//! Token stream → [`model`](crate::model), as written. Parsing only reads
//! tokens: a syntax error ends the item it occurs in (the others still
//! expand), and every other judgement (which method, which version, which
//! section, which attribute) is left to [`validate`](crate::validate).

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, LitInt, LitStr, Token, Type, Visibility, braced};

use crate::ctxt::Ctxt;
use crate::model::*;

const ITEM_KINDS: &str = "expected `endpoint`, `object`, `enum` or `union`";

/// Parses a whole invocation. Each item is parsed on its own, so a syntax
/// error in one item still lets the others expand.
pub fn parse_input(tokens: TokenStream, cx: &Ctxt) -> Input {
    let mut input = Input {
        items: Vec::new(),
        broken: Vec::new(),
    };
    for chunk in split_items(tokens) {
        let parser = |stream: ParseStream| parse_item(stream);
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

fn parse_item(input: ParseStream) -> syn::Result<Item> {
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
        "endpoint" => Item::Endpoint(Box::new(parse_endpoint(input, header)?)),
        "object" => Item::Object(Box::new(parse_object(input, header)?)),
        "enum" => Item::Enum(parse_enum(input, header)?),
        "union" => Item::Union(parse_union(input, header)?),
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

fn parse_endpoint(input: ParseStream, header: Header) -> syn::Result<Endpoint> {
    input.parse::<Token![:]>()?;
    let written_method = input.call(Ident::parse_any)?;
    let versions;
    braced!(versions in input);
    let written_paths = parse_versions(&versions)?;
    let content;
    braced!(content in input);
    let sections = parse_sections(&content)?;
    input.parse::<Token![->]>()?;
    let written_status: LitInt = input.parse()?;
    let response: Type = input.parse()?;
    input.parse::<Token![;]>()?;
    Ok(Endpoint {
        name: header.name.clone(),
        header,
        written_method,
        written_paths,
        sections,
        written_status,
        method: Method::Get,
        paths: Vec::new(),
        path_params: Vec::new(),
        query: Vec::new(),
        required: Vec::new(),
        optional: Vec::new(),
        body: None,
        status: 200,
        response,
        scopes: Vec::new(),
        idempotent: None,
        idempotency_key: None,
        cursor: None,
        auth: Vec::new(),
        form: None,
        form_value_checks: Vec::new(),
    })
}

/// `VERSION => "path"` pairs, as written.
fn parse_versions(input: ParseStream) -> syn::Result<Vec<WrittenPath>> {
    let mut paths = Vec::new();
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
        paths.push(WrittenPath {
            text,
            span,
            template,
        });
    }
    Ok(paths)
}

/// `name { fields }` sections, whatever their names.
fn parse_sections(input: ParseStream) -> syn::Result<Vec<Section>> {
    let mut sections = Vec::new();
    while !input.is_empty() {
        let kind = input.call(Ident::parse_any)?;
        let content;
        braced!(content in input);
        let fields = parse_fields(&content)?;
        sections.push(Section { kind, fields });
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(sections)
}

fn parse_fields(input: ParseStream) -> syn::Result<Vec<Field>> {
    let mut fields = Vec::new();
    while !input.is_empty() {
        let (docs, attrs) = split_docs(input.call(Attribute::parse_outer)?);
        let name: Ident = input.parse()?;
        input.parse::<Token![:]>()?;
        let ty: Type = input.parse()?;
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
        fields.push(Field {
            docs,
            attrs,
            name,
            json_name: String::new(),
            renamed: false,
            ty,
            inner_ty: None,
        });
    }
    Ok(fields)
}

/// Doc comments, and the other attributes.
fn split_docs(attrs: Vec<Attribute>) -> (Vec<Attribute>, Vec<Attribute>) {
    attrs.into_iter().partition(|a| a.path().is_ident("doc"))
}

fn parse_object(input: ParseStream, header: Header) -> syn::Result<Object> {
    let content;
    braced!(content in input);
    let sections = parse_sections(&content)?;
    Ok(Object {
        name: header.name.clone(),
        header,
        sections,
        required: Vec::new(),
        optional: Vec::new(),
        page: None,
    })
}

/// `NAME` or `Name = "value"`.
fn parse_variant_name(input: ParseStream) -> syn::Result<WrittenVariant> {
    let ident = input.call(Ident::parse_any)?;
    let value = if input.peek(Token![=]) && !input.peek(Token![=>]) {
        input.parse::<Token![=]>()?;
        Some(input.parse::<LitStr>()?)
    } else {
        None
    };
    Ok(WrittenVariant { ident, value })
}

fn parse_enum(input: ParseStream, header: Header) -> syn::Result<Enum> {
    let content;
    braced!(content in input);
    let mut variants = Vec::new();
    while !content.is_empty() {
        let (docs, _) = split_docs(content.call(Attribute::parse_outer)?);
        let written = parse_variant_name(&content)?;
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
        variants.push(EnumVariant {
            docs,
            name: written.ident.clone(),
            span: written.ident.span(),
            value: String::new(),
            written,
        });
    }
    Ok(Enum {
        name: header.name.clone(),
        header,
        variants,
    })
}

fn parse_union(input: ParseStream, header: Header) -> syn::Result<Union> {
    let content;
    braced!(content in input);
    let mut variants = Vec::new();
    while !content.is_empty() {
        let (docs, _) = split_docs(content.call(Attribute::parse_outer)?);
        let written = parse_variant_name(&content)?;
        content.parse::<Token![=>]>()?;
        let ty: Type = content.parse()?;
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
        variants.push(UnionVariant {
            docs,
            name: written.ident.clone(),
            span: written.ident.span(),
            tag_value: String::new(),
            written,
            ty,
        });
    }
    Ok(Union {
        name: header.name.clone(),
        header,
        tag: "type".to_owned(),
        variants,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    /// Parses and validates, since parsing alone decides nothing.
    fn parse(tokens: TokenStream) -> (Input, Vec<String>) {
        let cx = Ctxt::default();
        let mut input = parse_input(tokens, &cx);
        crate::validate::validate(&mut input, &cx);
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
                v3 => "/c/v3/{channelId}/messages",
                "2026-03" => "/c/2026-03/{channelId}/messages",
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
        assert_eq!(endpoint.paths[0].version, Version::Numbered(3));
        assert_eq!(
            endpoint.paths[1].version,
            Version::Dated {
                year: 2026,
                month: 3
            }
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
