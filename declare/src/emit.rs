//! Writing a placed layout as Rust source, formatted as rustfmt leaves it
//! and as the hand-written declarations read.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::Options;
use crate::docs;
use crate::model::{Auth, Body, Endpoint, Field, Item, ItemKind, Ty, Version, VersionModel};
use crate::names;
use crate::place::{Content, Layout, Placed};

/// Doc comments are wrapped to this width (the `///` included).
const WIDTH: usize = 96;

/// The whole module file.
pub fn module(models: &[VersionModel], layout: &Layout, options: &Options) -> String {
    let mut out = String::new();
    let newest = models.last().expect("at least one spec");
    let files: Vec<String> = models.iter().map(|m| format!("`{}`", m.file)).collect();
    let source = options.source.clone().unwrap_or_else(|| files.join(", "));
    let title = if newest.title.is_empty() {
        options.module.clone()
    } else {
        newest.title.clone()
    };
    writeln!(out, "//! {title}, declared from HubSpot's OpenAPI specs.").unwrap();
    writeln!(out, "//!").unwrap();
    let versions: Vec<String> = models.iter().map(|m| format!("`{}`", m.version)).collect();
    for line in docs::lines(
        &format!(
            "Versions {}. Written by `hubspot-declare` from {source}: regenerate it rather than edit it. Declarations that differ between versions are in the `vYYYY_MM` submodules.",
            versions.join(", ")
        ),
        WIDTH - 4,
    ) {
        writeln!(out, "//! {line}").unwrap();
    }
    let top = &layout.modules[""];
    body(&mut out, top, layout, options, 0, "");
    for (name, content) in layout.modules.iter().filter(|(n, _)| !n.is_empty()) {
        writeln!(out).unwrap();
        let version = content
            .endpoints
            .first()
            .map(|e| e.versions[0].0.to_string())
            .or_else(|| {
                content
                    .items
                    .values()
                    .next()
                    .map(|i| i.versions[0].0.to_string())
            })
            .unwrap_or_default();
        writeln!(
            out,
            "/// What differs from `{version}` on: the declarations and types of these versions."
        )
        .unwrap();
        writeln!(out, "pub mod {name} {{").unwrap();
        body(&mut out, content, layout, options, 1, name);
        writeln!(out, "}}").unwrap();
    }
    writeln!(out).unwrap();
    writeln!(
        out,
        "/// Every endpoint this module declares, with each version's path: for tests and tooling."
    )
    .unwrap();
    writeln!(
        out,
        "pub const ENDPOINTS: &[&{}::schema::EndpointInfo] = &[",
        options.runtime
    )
    .unwrap();
    for (name, content) in &layout.modules {
        for endpoint in &content.endpoints {
            let path = if name.is_empty() {
                endpoint.newest().name.clone()
            } else {
                format!("{name}::{}", endpoint.newest().name)
            };
            writeln!(out, "    {path}::METADATA,").unwrap();
        }
    }
    writeln!(out, "];").unwrap();
    out
}

fn body(
    out: &mut String,
    content: &Content,
    _layout: &Layout,
    options: &Options,
    depth: usize,
    here: &str,
) {
    let pad = "    ".repeat(depth);
    let mut types: Vec<&Ty> = Vec::new();
    let mut fields: Vec<&Field> = Vec::new();
    for e in &content.endpoints {
        let e = e.newest();
        fields.extend(e.path_params.iter().chain(&e.query));
        match &e.body {
            Body::None => {}
            Body::Fields(f) => fields.extend(f),
            Body::Whole(f) => fields.push(f),
        }
        types.push(&e.response);
    }
    for item in content.items.values() {
        if let ItemKind::Object { fields: f, .. } = &item.newest().kind {
            fields.extend(f);
        }
    }
    types.extend(fields.iter().map(|f| &f.ty));
    let uses = |what: &str| types.iter().any(|t| t.uses(what));
    if depth == 0 {
        writeln!(out).unwrap();
    }
    if uses("HashMap") {
        writeln!(out, "{pad}use std::collections::HashMap;").unwrap();
        writeln!(out).unwrap();
    }
    let mut runtime: Vec<&str> = Vec::new();
    if uses("DateTime") {
        runtime.push("DateTime");
    }
    if uses("JsonValue") {
        runtime.push("JsonValue");
    }
    runtime.push("hubspot_endpoint");
    if runtime.len() == 1 {
        writeln!(out, "{pad}use {}::hubspot_endpoint;", options.runtime).unwrap();
    } else {
        writeln!(
            out,
            "{pad}use {}::{{{}}};",
            options.runtime,
            runtime.join(", ")
        )
        .unwrap();
    }
    for (module, names) in &content.imports {
        let from = match (here.is_empty(), module.is_empty()) {
            (false, true) => "super".to_owned(),
            (false, false) => format!("super::{module}"),
            (true, _) => module.clone(),
        };
        let list: Vec<&str> = names.iter().map(String::as_str).collect();
        let line = if list.len() == 1 {
            format!("{pad}pub use {from}::{};", list[0])
        } else {
            format!("{pad}pub use {from}::{{{}}};", list.join(", "))
        };
        if line.len() <= 100 {
            writeln!(out, "{line}").unwrap();
        } else {
            writeln!(out, "{pad}pub use {from}::{{").unwrap();
            for name in list {
                writeln!(out, "{pad}    {name},").unwrap();
            }
            writeln!(out, "{pad}}};").unwrap();
        }
    }
    writeln!(out).unwrap();
    writeln!(out, "{pad}hubspot_endpoint! {{").unwrap();
    let inner = depth + 1;
    let mut first = true;
    for endpoint in &content.endpoints {
        if !first {
            writeln!(out).unwrap();
        }
        first = false;
        write_endpoint(out, endpoint, inner);
    }
    for item in content.items.values() {
        if !first {
            writeln!(out).unwrap();
        }
        first = false;
        write_item(out, item, inner);
    }
    writeln!(out, "{pad}}}").unwrap();
}

fn doc(out: &mut String, text: Option<&str>, fallback: &str, depth: usize) {
    let pad = "    ".repeat(depth);
    let text = text.filter(|t| !t.trim().is_empty()).unwrap_or(fallback);
    let width = WIDTH.saturating_sub(pad.len() + 4).max(40);
    for line in docs::lines(text, width) {
        if line.is_empty() {
            writeln!(out, "{pad}///").unwrap();
        } else {
            writeln!(out, "{pad}/// {line}").unwrap();
        }
    }
}

fn comment(out: &mut String, text: &str, depth: usize) {
    let pad = "    ".repeat(depth);
    let width = WIDTH.saturating_sub(pad.len() + 3).max(40);
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            writeln!(out, "{pad}// {line}").unwrap();
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        writeln!(out, "{pad}// {line}").unwrap();
    }
}

fn write_endpoint(out: &mut String, placed: &Placed<Endpoint>, depth: usize) {
    let pad = "    ".repeat(depth);
    let e = placed.newest();
    let all: Vec<&Version> = placed.versions.iter().map(|(v, _)| v).collect();
    let mut notes: Vec<(String, Vec<&Version>)> = Vec::new();
    for (version, copy) in &placed.versions {
        for note in &copy.notes {
            match notes.iter_mut().find(|(n, _)| n == note) {
                Some((_, versions)) => versions.push(version),
                None => notes.push((note.clone(), vec![version])),
            }
        }
    }
    for (note, versions) in &notes {
        let which = if versions.len() == all.len() {
            String::new()
        } else {
            let list: Vec<String> = versions.iter().map(|v| v.to_string()).collect();
            format!(" ({})", list.join(", "))
        };
        comment(out, &format!("Note{which}: {note}."), depth);
    }
    doc(
        out,
        e.doc.as_deref(),
        &format!("`{} {}`.", e.method, e.path),
        depth,
    );
    if !e.scopes.is_empty() {
        let list: Vec<String> = e.scopes.iter().map(|s| format!("\"{s}\"")).collect();
        let line = format!("{pad}#[scopes({})]", list.join(", "));
        if line.len() <= 100 {
            writeln!(out, "{line}").unwrap();
        } else {
            writeln!(out, "{pad}#[scopes(").unwrap();
            for scope in list {
                writeln!(out, "{pad}    {scope},").unwrap();
            }
            writeln!(out, "{pad})]").unwrap();
        }
    }
    match e.auth {
        Auth::Tokens => {}
        Auth::DeveloperKey => writeln!(out, "{pad}#[auth(developer_key)]").unwrap(),
        Auth::TokensOrDeveloperKey => {
            writeln!(out, "{pad}#[auth(oauth, private_app, developer_key)]").unwrap()
        }
        Auth::None | Auth::Unstated => writeln!(out, "{pad}#[auth(none)]").unwrap(),
    }
    if e.form {
        writeln!(out, "{pad}#[form]").unwrap();
    }
    if e.paginated {
        writeln!(out, "{pad}#[paginated]").unwrap();
    }
    if let Some(why) = e.idempotent {
        writeln!(out, "{pad}// Idempotent: {why}.").unwrap();
        writeln!(out, "{pad}#[idempotent]").unwrap();
    }
    if let Some(key) = &e.idempotency_key {
        writeln!(out, "{pad}#[idempotency_key({key})]").unwrap();
    }
    writeln!(out, "{pad}pub endpoint {}: {} {{", e.name, e.method).unwrap();
    let width = placed
        .versions
        .iter()
        .map(|(v, _)| v.dsl().len())
        .max()
        .unwrap_or(0);
    for (version, copy) in &placed.versions {
        writeln!(
            out,
            "{pad}    {:width$} => \"{}\",",
            version.dsl(),
            copy.path
        )
        .unwrap();
    }
    writeln!(out, "{pad}}} {{").unwrap();
    section(
        out,
        "path",
        &e.path_params.iter().collect::<Vec<_>>(),
        depth + 1,
        false,
    );
    let query: Vec<&Field> = e.query.iter().collect();
    section(out, "query", &query, depth + 1, true);
    match &e.body {
        Body::None => {}
        Body::Fields(fields) => {
            let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
            let optional: Vec<&Field> = fields.iter().filter(|f| !f.required).collect();
            section(out, "required", &required, depth + 1, false);
            section(out, "optional", &optional, depth + 1, false);
        }
        Body::Whole(field) => section(out, "body", &[field], depth + 1, false),
    }
    writeln!(out, "{pad}}} -> {} {};", e.status, e.response.render()).unwrap();
}

/// A section; `query` writes optional fields as `Option<T>`.
fn section(out: &mut String, name: &str, fields: &[&Field], depth: usize, query: bool) {
    if fields.is_empty() {
        return;
    }
    let pad = "    ".repeat(depth);
    writeln!(out, "{pad}{name} {{").unwrap();
    for field in fields {
        write_field(out, field, depth + 1, query && !field.required);
    }
    writeln!(out, "{pad}}}").unwrap();
}

fn write_field(out: &mut String, field: &Field, depth: usize, option: bool) {
    let pad = "    ".repeat(depth);
    if let Some(text) = field.doc.as_deref().filter(|t| !t.trim().is_empty()) {
        doc(out, Some(text), "", depth);
    }
    if field.rename {
        writeln!(out, "{pad}#[json = \"{}\"]", field.json).unwrap();
    }
    let ty = if option {
        format!("Option<{}>", field.ty.render())
    } else {
        field.ty.render()
    };
    writeln!(out, "{pad}{}: {ty},", field.rust).unwrap();
}

fn write_item(out: &mut String, placed: &Placed<Item>, depth: usize) {
    let pad = "    ".repeat(depth);
    let item = placed.newest();
    match &item.kind {
        ItemKind::Object {
            fields,
            drops_tag,
            page,
        } => {
            doc(
                out,
                item.doc.as_deref(),
                &format!("The `{}` object.", item.name),
                depth,
            );
            if *page {
                writeln!(out, "{pad}#[page]").unwrap();
            }
            let kept: Vec<&Field> = fields
                .iter()
                .filter(|f| Some(&f.json) != drops_tag.as_ref())
                .collect();
            if let Some(tag) = drops_tag {
                writeln!(
                    out,
                    "{pad}// `{tag}` is left out: the union that holds this object writes it."
                )
                .unwrap();
            }
            if kept.is_empty() {
                writeln!(out, "{pad}pub object {} {{}}", item.name).unwrap();
                return;
            }
            writeln!(out, "{pad}pub object {} {{", item.name).unwrap();
            let required: Vec<&Field> = kept.iter().copied().filter(|f| f.required).collect();
            let optional: Vec<&Field> = kept.iter().copied().filter(|f| !f.required).collect();
            section(out, "required", &required, depth + 1, false);
            section(out, "optional", &optional, depth + 1, false);
            writeln!(out, "{pad}}}").unwrap();
        }
        ItemKind::Enum { values } => {
            doc(
                out,
                item.doc.as_deref(),
                &format!("The values of `{}`.", item.name),
                depth,
            );
            writeln!(out, "{pad}pub enum {} {{", item.name).unwrap();
            for (value, name) in values.iter().zip(variant_names(values)) {
                match name {
                    None => writeln!(out, "{pad}    {value},").unwrap(),
                    Some(name) => writeln!(out, "{pad}    {name} = {value:?},").unwrap(),
                }
            }
            writeln!(out, "{pad}}}").unwrap();
        }
        ItemKind::Union { tag, variants } => {
            doc(
                out,
                item.doc.as_deref(),
                &format!("One of the `{}` kinds, by `{tag}`.", item.name),
                depth,
            );
            if tag != "type" {
                writeln!(out, "{pad}#[tag = \"{tag}\"]").unwrap();
            }
            writeln!(out, "{pad}pub union {} {{", item.name).unwrap();
            let values: Vec<String> = variants.iter().map(|(v, _)| v.clone()).collect();
            for ((value, ty), name) in variants.iter().zip(variant_names(&values)) {
                match name {
                    None => writeln!(out, "{pad}    {value} => {ty},").unwrap(),
                    Some(name) => writeln!(out, "{pad}    {name} = {value:?} => {ty},").unwrap(),
                }
            }
            writeln!(out, "{pad}}}").unwrap();
        }
    }
}

/// For each value, `None` when the macro's own variant name for it works,
/// else the name to write as `Name = "value"`.
fn variant_names(values: &[String]) -> Vec<Option<String>> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for value in values {
        let own = names::variant_case(value).filter(|n| n != "Unknown");
        let bare_ok =
            names::is_identifier(value) && own.as_ref().is_some_and(|n| !taken.contains(n));
        if bare_ok {
            let own = own.expect("checked");
            taken.insert(own);
            out.push(None);
            continue;
        }
        let base = match own {
            Some(n) if n != "Unknown" => n,
            _ => {
                let camel = names::upper_camel(value);
                if camel.is_empty() || camel.starts_with(|c: char| c.is_ascii_digit()) {
                    format!("V{camel}")
                } else {
                    camel
                }
            }
        };
        let mut name = if base == "Unknown" {
            "UnknownValue".to_owned()
        } else {
            base
        };
        let mut n = 2;
        while taken.contains(&name) {
            name = format!("{name}{n}");
            n += 1;
        }
        taken.insert(name.clone());
        out.push(Some(name));
    }
    out
}
