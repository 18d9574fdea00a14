//! `enum` items: string enums whose unknown values decode into `Unknown`.

use proc_macro2::TokenStream;
use quote::quote;

use super::rt;
use crate::model::Enum;

pub fn generate(e: &Enum) -> TokenStream {
    let rt = rt();
    let name = &e.name;
    let vis = &e.header.vis;
    let user_docs = e.header.attrs.iter().filter(|a| a.path().is_ident("doc"));
    let variants: Vec<&syn::Ident> = e.variants.iter().map(|v| &v.name).collect();
    let values: Vec<&String> = e.variants.iter().map(|v| &v.value).collect();
    let declarations = e.variants.iter().map(|v| {
        let docs = &v.docs;
        let ident = &v.name;
        let wire = format!("`{}`", v.value);
        let separator = (!docs.is_empty()).then(|| quote!(#[doc = ""]));
        quote! {
            #(#docs)*
            #separator
            #[doc = #wire]
            #ident,
        }
    });
    let name_text = name.to_string();

    quote! {
        #(#user_docs)*
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
        #[non_exhaustive]
        #vis enum #name {
            #(#declarations)*
            /// A value this declaration does not list, kept as HubSpot sent it.
            Unknown(::std::string::String),
        }

        impl #name {
            /// The values on the wire, in declaration order.
            pub const VALUES: &'static [&'static ::core::primitive::str] = &[#(#values),*];

            /// This enum's values, for tests and docs.
            pub const METADATA: &'static #rt::EnumInfo = &#rt::EnumInfo {
                name: #name_text,
                values: #name::VALUES,
            };

            /// The value as HubSpot spells it.
            pub fn as_str(&self) -> &::core::primitive::str {
                match self {
                    #(#name::#variants => #values,)*
                    #name::Unknown(value) => value,
                }
            }

            fn __known(value: &::core::primitive::str) -> ::core::option::Option<Self> {
                ::core::option::Option::Some(match value {
                    #(#values => #name::#variants,)*
                    _ => return ::core::option::Option::None,
                })
            }
        }

        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::convert::From<&::core::primitive::str> for #name {
            fn from(value: &::core::primitive::str) -> Self {
                match #name::__known(value) {
                    ::core::option::Option::Some(known) => known,
                    ::core::option::Option::None => #name::Unknown(<::std::string::String as ::core::convert::From<&::core::primitive::str>>::from(value)),
                }
            }
        }

        impl #rt::serde::Serialize for #name {
            fn serialize<S: #rt::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> #rt::serde::Deserialize<'de> for #name {
            fn deserialize<D: #rt::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                #rt::deserialize_enum(deserializer, #name::__known, #name::Unknown)
            }
        }

        impl #rt::Schema for #name {
            fn schema() -> #rt::TypeInfo {
                #rt::TypeInfo::Enum(#name::METADATA)
            }
        }

        impl #rt::QueryValue for #name {
            fn append_to(&self, name: &'static ::core::primitive::str, query: &mut #rt::Query) {
                query.push_str(name, <::std::string::String as ::core::convert::From<&::core::primitive::str>>::from(self.as_str()));
            }
        }

        impl #rt::FormValue for #name {}
    }
}
