//! `union` items: enums discriminated by a tag field, whose unknown tags
//! decode into `Unknown`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{hidden_module, rt, serde_crate, serde_reexport};
use crate::model::Union;

pub fn generate(u: &Union) -> TokenStream {
    let rt = rt();
    let name = &u.name;
    let vis = &u.header.vis;
    let tag = &u.tag;
    let user_docs = u.header.attrs.iter().filter(|a| a.path().is_ident("doc"));
    let declarations = u.variants.iter().map(|v| {
        let (docs, ident, ty, value) = (&v.docs, &v.name, &v.ty, &v.tag_value);
        let wire = format!("`{tag}: \"{value}\"`");
        let separator = (!docs.is_empty()).then(|| quote!(#[doc = ""]));
        quote! {
            #(#docs)*
            #separator
            #[doc = #wire]
            #[serde(rename = #value)]
            #ident(#ty),
        }
    });
    let arms = u.variants.iter().enumerate().map(|(index, v)| {
        let (ident, ty) = (&v.name, &v.ty);
        quote!(#index => <#ty as #rt::serde::Deserialize<'de>>::deserialize(deserializer).map(#name::#ident),)
    });
    let tag_values = u.variants.iter().map(|v| &v.tag_value);
    let tag_arms = u.variants.iter().map(|v| {
        let (ident, value) = (&v.name, &v.tag_value);
        quote!(#name::#ident(_) => ::core::option::Option::Some(#value),)
    });
    let froms = u.variants.iter().map(|v| {
        let (ident, ty) = (&v.name, &v.ty);
        quote! {
            impl ::core::convert::From<#ty> for #name {
                fn from(value: #ty) -> Self {
                    #name::#ident(value)
                }
            }
        }
    });
    let infos = u.variants.iter().map(|v| {
        let (ty, value) = (&v.ty, &v.tag_value);
        quote!(#rt::UnionVariantInfo { tag_value: #value, ty: <#ty as #rt::Schema>::schema })
    });
    let serde_crate = serde_crate(name);
    let module = hidden_module(name);
    let serde_reexport = serde_reexport();
    let name_text = name.to_string();
    let unknown_doc = format!(
        "A variant this declaration does not list, kept as the JSON HubSpot sent (its `{tag}` included)."
    );

    quote! {
        #[doc(hidden)]
        #[allow(non_snake_case)]
        mod #module {
            #serde_reexport
        }

        #(#user_docs)*
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, #rt::serde::Serialize)]
        #[serde(crate = #serde_crate, tag = #tag)]
        #[non_exhaustive]
        #vis enum #name {
            #(#declarations)*
            #[doc = #unknown_doc]
            #[serde(untagged)]
            Unknown(#rt::serde_json::Value),
        }

        impl #name {
            /// This union's tag field and variants, for tests and docs.
            pub const METADATA: &'static #rt::UnionInfo = &#rt::UnionInfo {
                name: #name_text,
                tag: #tag,
                variants: &[#(#infos),*],
            };

            /// The tag of a declared variant; `None` for `Unknown`.
            pub fn tag(&self) -> ::core::option::Option<&'static ::core::primitive::str> {
                match self {
                    #(#tag_arms)*
                    #name::Unknown(_) => ::core::option::Option::None,
                }
            }
        }

        impl #rt::TaggedUnion for #name {
            const NAME: &'static ::core::primitive::str = #name_text;
            const TAG: &'static ::core::primitive::str = #tag;
            const TAGS: &'static [&'static ::core::primitive::str] = &[#(#tag_values),*];

            fn decode_variant<'de, D: #rt::serde::Deserializer<'de>>(
                index: ::core::primitive::usize,
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                match index {
                    #(#arms)*
                    _ => ::core::result::Result::Err(<D::Error as #rt::serde::de::Error>::custom(
                        ::core::format_args!("{}: no variant {}", #name_text, index),
                    )),
                }
            }

            fn unknown(value: #rt::serde_json::Value) -> Self {
                #name::Unknown(value)
            }
        }

        impl<'de> #rt::serde::Deserialize<'de> for #name {
            fn deserialize<D: #rt::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                #rt::deserialize_union::<Self, D>(deserializer)
            }
        }

        #(#froms)*

        impl #rt::Schema for #name {
            fn schema() -> #rt::TypeInfo {
                #rt::TypeInfo::Union(#name::METADATA)
            }
        }
    }
}
