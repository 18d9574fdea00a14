//! Model → Rust. One file per kind of item; [`builder`] is shared by
//! endpoints and objects.

mod builder;
mod docs;
mod endpoint;
mod enums;
mod object;
mod union;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Ident;

use crate::model::{Field, Input, Item};

/// Everything generated code needs from the runtime goes through this path,
/// so that users add no serde or reqwest of their own.
fn rt() -> TokenStream {
    quote!(::hubspot_runtime::__private)
}

/// Expands every item, plus a stub for each item that failed to parse so that
/// code naming it does not fail on top of the real error.
pub fn generate(input: &Input) -> TokenStream {
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
    quote! {
        #rt::FieldInfo {
            name: #name,
            json_name: #json,
            required: #required,
            ty: <#ty as #rt::Schema>::schema,
        }
    }
}

/// The name of the hidden module holding an item's marker traits.
fn hidden_module(name: &Ident) -> Ident {
    format_ident!("__{}", name)
}
