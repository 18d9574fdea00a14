//! The request builder shared by endpoints and objects.
//!
//! Typestate covers required fields only: the builder has one generic slot
//! per required field, `Unset` until its setter moves a `Set<T>` in. Optional
//! fields are plain `Option`s with setters callable in any state, which keeps
//! the generated code and its compile time small.
//!
//! The optional fields (and an endpoint's pinned version) live in one inner
//! struct, `__<Builder>Rest`, so that a required setter moves the required
//! slots and that one value: its tokens grow with the number of required
//! fields only, not with every field.
//!
//! `build()` (and an endpoint's `send()`) bound each slot by a marker trait of
//! its own, carrying `#[diagnostic::on_unimplemented]` with the field's name
//! written into the text: a missing field is one error per field, naming the
//! field and the item.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::{Ident, Visibility};

use super::{at_fields, diagnostics, hidden_module, rt, rt_at, serde_reexport};
use crate::model::Field;

/// What the builder builds.
pub struct Record<'a> {
    pub owner: &'a Ident,
    pub vis: &'a Visibility,
    pub required: Vec<&'a Field>,
    pub optional: Vec<&'a Field>,
    /// Extra builder state, methods and finishing methods for endpoints.
    pub extra: Extra,
}

/// Endpoint-only parts of a builder.
#[derive(Default)]
pub struct Extra {
    /// Additional builder fields, e.g. the pinned API version.
    pub fields: Vec<(Ident, TokenStream, TokenStream)>,
    /// Methods valid in any state.
    pub methods: TokenStream,
    /// Methods that need every required field: their signature (without
    /// `where`) and body.
    pub finishers: Vec<(TokenStream, TokenStream)>,
}

impl Record<'_> {
    pub fn builder_name(&self) -> Ident {
        format_ident!("{}Builder", self.owner)
    }

    /// The inner struct holding the optional and extra fields.
    fn rest_name(&self) -> Ident {
        format_ident!("__{}BuilderRest", self.owner)
    }

    /// The generic slot names, one per required field.
    fn slots(&self) -> Vec<Ident> {
        (0..self.required.len())
            .map(|i| format_ident!("__S{}", i))
            .collect()
    }

    /// `where __S0: __Owner::field<T>, …` — what completeness means.
    fn completeness_bounds(&self) -> TokenStream {
        let module = hidden_module(self.owner);
        let bounds = self.required.iter().zip(self.slots()).map(|(field, slot)| {
            let ty = field.value_ty();
            let marker = marker_trait(field);
            // Spanned on the field's declaration: rustc's "required by this
            // bound" note then points at the field, not the whole macro.
            let span = field.name.span();
            let slot = Ident::new(&slot.to_string(), span);
            let module = Ident::new(&module.to_string(), span);
            quote_spanned!(span=> #slot: #module::#marker<#ty>)
        });
        quote!(where #(#bounds,)*)
    }

    /// The hidden module of per-field marker traits.
    pub fn marker_module(&self) -> TokenStream {
        let rt = rt();
        let vis = self.vis;
        let module = hidden_module(self.owner);
        let owner = self.owner.to_string();
        let traits = self.required.iter().map(|field| {
            let marker = marker_trait(field);
            let name = field.plain_name();
            let message = format!("missing required field `{name}` for `{owner}`");
            let label = format!("`{name}` was never set");
            let note = format!("set it with `.{name}(…)` before calling this method");
            let (on_unimplemented, do_not_recommend) = if diagnostics() {
                (
                    quote!(#[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]),
                    quote!(#[diagnostic::do_not_recommend]),
                )
            } else {
                (quote!(), quote!())
            };
            quote! {
                #on_unimplemented
                pub trait #marker<T>: #rt::Slot<T> {}
                #do_not_recommend
                impl<T> #marker<T> for #rt::Set<T> {}
            }
        });
        let serde_reexport = serde_reexport();
        quote! {
            #[doc(hidden)]
            #[allow(non_snake_case, non_camel_case_types)]
            #vis mod #module {
                #[allow(unused_imports)]
                #serde_reexport
                #(#traits)*
            }
        }
    }

    /// The builder struct, `Owner::builder()`, the setters and `build()`;
    /// `construct` is the expression building the owner from `__fields`.
    pub fn builder(&self, construct: TokenStream, builder_docs: &str) -> TokenStream {
        let rt = rt();
        let vis = self.vis;
        let owner = self.owner;
        let builder = self.builder_name();
        let slots = self.slots();

        let required_names: Vec<&Ident> = self.required.iter().map(|f| &f.name).collect();
        let optional_names: Vec<&Ident> = self.optional.iter().map(|f| &f.name).collect();
        let optional_tys = self.optional.iter().map(|f| f.value_ty());
        let extra_names: Vec<&Ident> = self.extra.fields.iter().map(|(n, _, _)| n).collect();
        let extra_tys = self.extra.fields.iter().map(|(_, ty, _)| ty);
        let extra_inits = self.extra.fields.iter().map(|(_, _, init)| init);

        let rest = self.rest_name();
        let start = quote! {
            #builder {
                #(#required_names: #rt::Unset,)*
                __rest: #rest {
                    #(#optional_names: ::core::option::Option::None,)*
                    #(#extra_names: #extra_inits,)*
                },
            }
        };

        // A builder with a required field is generic, hence inlinable
        // anyway: `#[inline]` would only add tokens.
        let inline = slots.is_empty().then(|| quote!(#[inline]));
        let inline = &inline;
        let required_setters = self.required.iter().enumerate().map(|(i, field)| {
            let name = &field.name;
            let ty = field.value_ty();
            let docs = &field.docs;
            let slot = &slots[i];
            let out_slots = slots.iter().enumerate().map(|(j, s)| {
                if i == j { quote!(#rt::Set<#ty>) } else { quote!(#s) }
            });
            let moved = required_names.iter().enumerate().map(|(j, n)| {
                if i == j { quote!(#n: #rt::set(value)) } else { quote!(#n: self.#n) }
            });
            let required_doc = format!("Required. Sent as `{}`.", field.json_name);
            let unset_bound = {
                let span = field.name.span();
                let slot = Ident::new(&slot.to_string(), span);
                let rt = rt_at(span);
                quote_spanned!(span=> #slot: #rt::IsUnset)
            };
            quote! {
                #(#docs)*
                #[doc = ""]
                #[doc = #required_doc]
                #inline
                pub fn #name(self, value: impl ::core::convert::Into<#ty>) -> #builder<#(#out_slots),*>
                where
                    #unset_bound,
                {
                    #builder {
                        #(#moved,)*
                        __rest: self.__rest,
                    }
                }
            }
        });

        let optional_setters = self.optional.iter().map(|field| {
            let name = &field.name;
            let maybe = format_ident!("maybe_{}", field.plain_name());
            let ty = field.value_ty();
            let docs = &field.docs;
            let optional_doc = format!("Optional. Sent as `{}`.", field.json_name);
            let maybe_doc = format!("Sets or clears [`{name}`](Self::{name}) from an `Option`.");
            quote! {
                #(#docs)*
                #[doc = ""]
                #[doc = #optional_doc]
                #inline
                pub fn #name(mut self, value: impl ::core::convert::Into<#ty>) -> Self {
                    self.__rest.#name = #rt::some(value);
                    self
                }
                #[doc = #maybe_doc]
                #inline
                pub fn #maybe(mut self, value: ::core::option::Option<#ty>) -> Self {
                    self.__rest.#name = value;
                    self
                }
            }
        });

        let bounds = self.completeness_bounds();
        let takes = self.required.iter().map(|field| {
            let name = &field.name;
            quote!(let #name = #rt::Slot::take(self.#name);)
        });
        let build_doc =
            format!("Builds the [`{owner}`]. Compiles only once every required field is set.");
        let finishers = self.extra.finishers.iter().map(|(signature, body)| {
            quote! {
                #signature
                #bounds
                #body
            }
        });
        let extra_methods = &self.extra.methods;
        let builder_link = format!("Starts a [`{builder}`].");
        let build = at_fields(owner, "build");

        // Debug shows every field by its Rust name: a required one's value
        // once set (else `Unset`), an optional one as its `Option`.
        let builder_text = builder.to_string();
        let debug_names = self
            .required
            .iter()
            .chain(&self.optional)
            .map(|f| f.plain_name())
            .chain(
                extra_names
                    .iter()
                    .map(|n| n.to_string().trim_start_matches('_').to_owned()),
            );
        let debug_fields = required_names.iter().map(|name| quote!(self.#name)).chain(
            optional_names
                .iter()
                .chain(&extra_names)
                .map(|name| quote!(self.__rest.#name)),
        );
        let debug_impl = quote! {
            impl<#(#slots: ::core::fmt::Debug),*> ::core::fmt::Debug for #builder<#(#slots),*> {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.debug_struct(#builder_text)
                        #(.field(#debug_names, &#debug_fields))*
                        .finish()
                }
            }
        };

        quote! {
            #[doc = #builder_docs]
            #[must_use = "a builder does nothing until it is built or sent"]
            #[derive(::core::clone::Clone)]
            #vis struct #builder<#(#slots = #rt::Unset),*> {
                #(#required_names: #slots,)*
                __rest: #rest,
            }

            #[doc(hidden)]
            #[derive(::core::clone::Clone)]
            struct #rest {
                #(#optional_names: ::core::option::Option<#optional_tys>,)*
                #(#extra_names: #extra_tys,)*
            }

            #debug_impl

            impl #owner {
                #[doc = #builder_link]
                #[inline]
                pub fn builder() -> #builder {
                    #start
                }
            }

            impl<#(#slots),*> #builder<#(#slots),*> {
                #(#required_setters)*
                #(#optional_setters)*
                #extra_methods

                #[doc = #build_doc]
                #inline
                pub fn #build(self) -> #owner
                #bounds
                {
                    #(#takes)*
                    #(let #optional_names = self.__rest.#optional_names;)*
                    #construct
                }

                #(#finishers)*
            }
        }
    }
}

/// The marker trait of one required field: named after the field itself
/// (a raw identifier such as `r#type` stays raw), so rustc's notes point at
/// the field's declaration.
fn marker_trait(field: &Field) -> Ident {
    field.name.clone()
}
