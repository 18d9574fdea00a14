//! `object` items: a struct with serde impls, a compile-time checked builder
//! and metadata.

use proc_macro2::TokenStream;
use quote::quote;

use super::builder::{Extra, Record};
use super::docs::type_text;
use super::{field_info, rt, serde_crate};
use crate::model::Object;

pub fn generate(object: &Object) -> TokenStream {
    let rt = rt();
    let name = &object.name;
    let vis = &object.header.vis;
    let user_docs = object
        .header
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"));

    let required = object.required.iter().map(|field| {
        let (docs, ident, ty, json) = (&field.docs, &field.name, &field.ty, &field.json_name);
        let role = format!("Required. JSON `{json}`.");
        quote! {
            #(#docs)*
            #[doc = ""]
            #[doc = #role]
            #[serde(rename = #json)]
            pub #ident: #ty,
        }
    });
    let optional = object.optional.iter().map(|field| {
        let (docs, ident, ty, json) = (&field.docs, &field.name, &field.ty, &field.json_name);
        let role = format!("Optional. JSON `{json}`.");
        quote! {
            #(#docs)*
            #[doc = ""]
            #[doc = #role]
            #[serde(rename = #json, default, skip_serializing_if = "::core::option::Option::is_none")]
            pub #ident: ::core::option::Option<#ty>,
        }
    });
    let field_names = object
        .required
        .iter()
        .chain(&object.optional)
        .map(|f| &f.name);
    let construct = quote!(#name { #(#field_names),* });

    let record = Record {
        owner: name,
        vis,
        required: object.required.iter().collect(),
        optional: object.optional.iter().collect(),
        extra: Extra::default(),
    };
    let required_list: Vec<String> = object
        .required
        .iter()
        .map(|f| format!("`{}` ({})", f.plain_name(), type_text(&f.ty)))
        .collect();
    let builder_docs = if required_list.is_empty() {
        format!("Builds a [`{name}`]; every field is optional.")
    } else {
        format!(
            "Builds a [`{name}`]. `.build()` compiles only once the required fields are set: {}.",
            required_list.join(", ")
        )
    };
    let marker_module = record.marker_module();
    let builder = record.builder(construct, &builder_docs);

    let serde_crate = serde_crate(name);
    let name_text = name.to_string();
    let infos = object
        .required
        .iter()
        .map(|f| field_info(f, true))
        .chain(object.optional.iter().map(|f| field_info(f, false)));

    let page = object.page.as_ref().map(|page| {
        let item = &page.item;
        let results = &page.results;
        quote! {
            impl #rt::Page for #name {
                type Item = #item;
                fn into_parts(self) -> (::std::vec::Vec<#item>, ::core::option::Option<::std::string::String>) {
                    let next = self.paging.and_then(|paging| paging.next).map(|next| next.after);
                    (self.#results, next)
                }
            }
        }
    });

    quote! {
        #(#user_docs)*
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, #rt::serde::Serialize, #rt::serde::Deserialize)]
        #[serde(crate = #serde_crate)]
        #[non_exhaustive]
        #vis struct #name {
            #(#required)*
            #(#optional)*
        }

        impl #name {
            /// This object's fields: JSON names, required flags and types.
            pub const METADATA: &'static #rt::ObjectInfo = &#rt::ObjectInfo {
                name: #name_text,
                fields: &[#(#infos),*],
            };
        }

        impl #rt::Schema for #name {
            fn schema() -> #rt::TypeInfo {
                #rt::TypeInfo::Object(#name::METADATA)
            }
        }

        #page

        #marker_module
        #builder
    }
}
