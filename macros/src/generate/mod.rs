//! Model → Rust. One file per kind of item; [`builder`] is shared by
//! endpoints and objects.

mod builder;
mod docs;
mod endpoint;
mod enums;
mod object;
mod union;

pub use docs::type_text;

use std::cell::RefCell;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

use crate::crate_path::Settings;
use crate::model::{Field, Input, Item};

thread_local! {
    /// The settings of the expansion under way on this thread: the runtime's
    /// path (`$crate` when called through the shim) and whether
    /// `#[diagnostic::…]` may be used; see [`crate::crate_path`]. A
    /// thread-local, so that every generator reaches them through [`rt`]
    /// and [`diagnostics`] without threading them through each call.
    static SETTINGS: RefCell<Settings> = RefCell::new(Settings {
        runtime: quote!(::hubspot_runtime),
        diagnostics: true,
        bodies: ::std::vec::Vec::new(),
    });
}

/// Everything generated code needs from the runtime goes through this path,
/// so that users add no serde or reqwest of their own, and the expansion
/// works wherever the runtime is (re-exported, renamed).
fn rt() -> TokenStream {
    let runtime = SETTINGS.with(|s| s.borrow().runtime.clone());
    quote!(#runtime::__private)
}

/// `name`, located at `owner`'s field group (see [`crate::crate_path::bodies`]).
fn at_fields(owner: &Ident, name: &str) -> Ident {
    let owner = owner.to_string();
    let span = SETTINGS.with(|s| {
        s.borrow()
            .bodies
            .iter()
            .find(|(item, _)| *item == owner)
            .map(|(_, span)| Span::call_site().located_at(*span))
    });
    Ident::new(name, span.unwrap_or_else(Span::call_site))
}

/// [`rt`], located at `span` (its name resolution unchanged), for a bound
/// that rustc reports at the user's token.
fn rt_at(span: Span) -> TokenStream {
    rt().into_iter()
        .map(|mut token| {
            token.set_span(token.span().located_at(span));
            token
        })
        .collect()
}

/// Whether generated items may carry `#[diagnostic::…]` attributes (not
/// under `#![no_implicit_prelude]`).
fn diagnostics() -> bool {
    SETTINGS.with(|s| s.borrow().diagnostics)
}

/// The name serde's derives are told to use (`#[serde(crate = "…")]`).
/// serde takes a path written in a string, and `$crate` cannot be written
/// in one, so every item that derives serde traits re-exports serde in its
/// hidden module (see [`serde_reexport`]) and names it through that module.
fn serde_crate(owner: &Ident) -> String {
    format!("{}::serde", hidden_module(owner))
}

/// The `use` that [`serde_crate`] names, for an item's hidden module.
fn serde_reexport() -> TokenStream {
    let rt = rt();
    quote!(pub(super) use #rt::serde;)
}

/// Expands every item, plus a stub for each item that failed to parse so that
/// code naming it does not fail on top of the real error. `runtime` is the
/// runtime crate's path as the caller sees it, and what it allows.
pub fn generate(input: &Input, settings: Settings) -> TokenStream {
    let previous = SETTINGS.with(|s| s.replace(settings));
    let out = generate_items(input);
    SETTINGS.with(|s| s.replace(previous));
    out
}

fn generate_items(input: &Input) -> TokenStream {
    let mut out = TokenStream::new();
    for item in &input.items {
        out.extend(match item {
            Item::Endpoint(e) => endpoint::generate(e),
            Item::Object(o) => object::generate(o),
            Item::Enum(e) => enums::generate(e),
            Item::Union(u) => union::generate(u),
        });
    }
    for (vis, name) in &input.broken {
        out.extend(quote! {
            #[allow(dead_code)]
            #vis struct #name;
        });
    }
    out
}

/// The `FieldInfo` literal describing `field`.
fn field_info(field: &Field, required: bool) -> TokenStream {
    let rt = rt();
    let name = field.plain_name();
    let json = &field.json_name;
    let ty = field.value_ty();
    quote!(#rt::field_info::<#ty>(#name, #json, #required))
}

/// The name of the hidden module holding an item's marker traits.
fn hidden_module(name: &Ident) -> Ident {
    format_ident!("__{}", name)
}
