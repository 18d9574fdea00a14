//! `endpoint` items: the request struct, its builder, its `Endpoint` impl
//! and its metadata.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::builder::{Extra, Record};
use super::{at_fields, docs, field_info, rt};
use crate::model::{Endpoint, Field, Version};
use crate::path::{Piece, format_string};

pub fn generate(endpoint: &Endpoint) -> TokenStream {
    let rt = rt();
    let name = &endpoint.name;
    let vis = &endpoint.header.vis;
    let user_docs = endpoint
        .header
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"));
    let generated_docs = docs::endpoint_docs(endpoint);
    let response = &endpoint.response;

    let field_body =
        endpoint.body.is_none() && !(endpoint.required.is_empty() && endpoint.optional.is_empty());

    let mut struct_fields = Vec::new();
    let mut field_doc = |field: &Field, role: String, optional: bool| {
        let docs = &field.docs;
        let ident = &field.name;
        let ty = field.value_ty();
        let ty = if optional {
            quote!(::core::option::Option<#ty>)
        } else {
            quote!(#ty)
        };
        struct_fields.push(quote! {
            #(#docs)*
            #[doc = ""]
            #[doc = #role]
            pub #ident: #ty,
        });
    };
    for field in &endpoint.path_params {
        field_doc(
            field,
            format!("Path parameter `{{{}}}`.", field.json_name),
            false,
        );
    }
    for field in &endpoint.query {
        let optional = field.inner_ty.is_some();
        field_doc(
            field,
            format!("Query parameter `{}`.", field.json_name),
            optional,
        );
    }
    if let Some(field) = &endpoint.body {
        field_doc(field, "The whole request body.".to_owned(), false);
    }
    for field in &endpoint.required {
        field_doc(field, format!("Body field `{}`.", field.json_name), false);
    }
    for field in &endpoint.optional {
        field_doc(field, format!("Body field `{}`.", field.json_name), true);
    }

    let serialize = field_body.then(|| serialize_impl(endpoint));

    let all_fields: Vec<&syn::Ident> = endpoint
        .path_params
        .iter()
        .chain(&endpoint.query)
        .chain(&endpoint.body)
        .chain(&endpoint.required)
        .chain(&endpoint.optional)
        .map(|f| &f.name)
        .collect();
    let construct = quote!(#name { #(#all_fields),* });

    let record = Record {
        owner: name,
        vis,
        required: endpoint.required_fields(),
        optional: endpoint.optional_fields(),
        extra: extra(endpoint),
    };
    let builder_docs = format!(
        "Builds a [`{name}`] request. Required fields are checked at compile time: `.build()` and `.send(…)` exist only once each is set."
    );
    let marker_module = record.marker_module();
    let builder = record.builder(construct, &builder_docs);

    let metadata = metadata(endpoint);
    let path_fn = path_fn(endpoint);
    let query_pushes = endpoint.query.iter().map(|field| {
        let json = &field.json_name;
        let ident = &field.name;
        quote!(query.push(#json, &self.#ident);)
    });
    let body_fn = if let Some(body) = &endpoint.body {
        let ident = &body.name;
        quote!(#rt::serde_json::to_vec(&self.#ident).map(::core::option::Option::Some))
    } else if field_body && endpoint.form.is_some() {
        quote!(#rt::form_body(self).map(::core::option::Option::Some))
    } else if field_body {
        quote!(#rt::serde_json::to_vec(self).map(::core::option::Option::Some))
    } else {
        quote!(::core::result::Result::Ok(::core::option::Option::None))
    };
    let form_const = endpoint.form.is_some().then(|| {
        quote!(
            const FORM: ::core::primitive::bool = true;
        )
    });
    // Each form field's type must be one form value; the bound is checked
    // at the type the user wrote.
    let form_checks = (!endpoint.form_value_checks.is_empty()).then(|| {
        let checks = endpoint.form_value_checks.iter().map(|ty| {
            let rt = super::rt_at(syn::spanned::Spanned::span(ty));
            quote!(#rt::assert_form_value::<#ty>();)
        });
        quote!(const _: () = { #(#checks)* };)
    });
    let idempotent_const = endpoint.idempotent.is_some().then(|| {
        quote!(
            const IDEMPOTENT: ::core::primitive::bool = true;
        )
    });
    let idempotency = endpoint.idempotency_key.as_ref().map(|key| {
        let json = &key.json;
        let ident = &key.field;
        let (is_set, fill) = if key.optional {
            (
                quote!(self.#ident.as_deref().is_some_and(|value| !value.is_empty())),
                quote!(::core::option::Option::Some(new_key())),
            )
        } else {
            (
                quote!(!self.#ident.is_empty()),
                quote!(new_key()),
            )
        };
        quote! {
            const IDEMPOTENCY_KEY: ::core::option::Option<&'static ::core::primitive::str> = ::core::option::Option::Some(#json);
            fn __body_with_idempotency_key(&self, new_key: fn() -> ::std::string::String) -> ::core::result::Result<::core::option::Option<::std::vec::Vec<::core::primitive::u8>>, #rt::serde_json::Error> {
                if #is_set {
                    return <Self as #rt::Endpoint>::body(self);
                }
                let mut request = ::core::clone::Clone::clone(self);
                request.#ident = #fill;
                <Self as #rt::Endpoint>::body(&request)
            }
        }
    });
    let paginated = endpoint.cursor.as_ref().map(|after| {
        quote! {
            impl #rt::Paginated for #name {
                fn set_after(&mut self, after: ::std::string::String) {
                    self.#after = ::core::option::Option::Some(::core::convert::From::from(after));
                }
            }
        }
    });
    let query_fn = (!endpoint.query.is_empty()).then(|| {
        quote! {
            fn query(&self, query: &mut #rt::Query) {
                #(#query_pushes)*
            }
        }
    });

    quote! {
        #(#user_docs)*
        #generated_docs
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
        #[non_exhaustive]
        #vis struct #name {
            #(#struct_fields)*
        }

        impl #name {
            /// What this endpoint is: method, path per version, parameters,
            /// fields with their JSON names, success status, response type and
            /// scopes.
            pub const METADATA: &'static #rt::EndpointInfo = &#metadata;
        }

        impl #rt::Endpoint for #name {
            type Response = #response;
            const INFO: &'static #rt::EndpointInfo = #name::METADATA;
            #idempotent_const
            #form_const
            #idempotency
            #path_fn
            #query_fn
            #[inline]
            fn body(&self) -> ::core::result::Result<::core::option::Option<::std::vec::Vec<::core::primitive::u8>>, #rt::serde_json::Error> {
                #body_fn
            }
        }

        #serialize
        #paginated
        #form_checks

        #marker_module
        #builder
    }
}

/// `Serialize` for an endpoint whose body is its fields: the body fields in
/// declaration order under their JSON names, an optional one skipped when
/// `None`; path and query parameters are not part of it. It makes the calls
/// serde's derive would make (`serialize_struct` with the count of fields
/// written, `serialize_field`, `skip_field`), in fewer tokens and without a
/// second proc macro.
fn serialize_impl(endpoint: &Endpoint) -> TokenStream {
    let rt = rt();
    let name = &endpoint.name;
    let name_text = name.to_string();
    let required = endpoint.required.iter().map(|field| {
        let (json, ident) = (&field.json_name, &field.name);
        quote!(#rt::required_field(&mut fields, #json, &self.#ident)?;)
    });
    let optional = endpoint.optional.iter().map(|field| {
        let (json, ident) = (&field.json_name, &field.name);
        quote!(#rt::optional_field(&mut fields, #json, &self.#ident)?;)
    });
    let required_count = endpoint.required.len();
    let present = endpoint.optional.iter().map(|field| {
        let ident = &field.name;
        quote!(+ (self.#ident.is_some() as ::core::primitive::usize))
    });
    quote! {
        impl #rt::serde::Serialize for #name {
            fn serialize<S: #rt::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                let mut fields = serializer.serialize_struct(#name_text, #required_count #(#present)*)?;
                #(#required)*
                #(#optional)*
                #rt::serde::ser::SerializeStruct::end(fields)
            }
        }
    }
}

/// The pinned-version slot, the version methods and `send`.
fn extra(endpoint: &Endpoint) -> Extra {
    let rt = rt();
    let name = &endpoint.name;
    let response = &endpoint.response;
    let version_methods = endpoint.paths.iter().map(|path| {
        let method = format_ident!("version_{}", path.version.method_suffix());
        let version = version_tokens(path.version);
        let doc = format!(
            "Sends this request to the `{}` path, `{} {}`. Only the versions this endpoint has are methods, so another one does not compile.",
            path.version.label(),
            endpoint.method.as_str(),
            path.template.value()
        );
        quote! {
            #[doc = #doc]
            #[inline]
            pub fn #method(mut self) -> Self {
                self.__rest.__version = ::core::option::Option::Some(#version);
                self
            }
        }
    });
    let methods = quote! {
        #(#version_methods)*

        /// Sends this request at `version`, chosen at run time. A version this
        /// endpoint lacks fails in `send`, before any network I/O; prefer the
        /// `version_…` methods, which check at compile time.
        #[inline]
        pub fn api_version(mut self, version: #rt::ApiVersion) -> Self {
            self.__rest.__version = ::core::option::Option::Some(version);
            self
        }
    };
    let send_doc = format!(
        "Builds the [`{name}`] and sends it with `client`: at the pinned version if one was set, else the client's version when this endpoint has it, else the endpoint's newest."
    );
    let send_ident = at_fields(name, "send");
    let send = (
        quote! {
            #[doc = #send_doc]
            pub fn #send_ident<'client>(self, client: &'client #rt::Client) -> impl ::core::future::Future<Output = ::core::result::Result<#response, #rt::Error>> + 'client
        },
        // Not an `async fn`: the future is the runtime's own, one generic
        // function, so that no endpoint has a state machine of its own.
        quote! {
            {
                let version = self.__rest.__version;
                #rt::send_request(client, self.build(), version)
            }
        },
    );
    let mut finishers = vec![send];
    let stream_ident = at_fields(name, "stream");
    if endpoint.cursor.is_some() {
        let stream_doc = format!(
            "Builds the [`{name}`] and returns a stream of every item on every page: it sends the request, yields the page's items, then asks for the next page with `after` set to `paging.next.after`, until a page has no next cursor. `limit` stays the page size. An error is the stream's last item. Versions are picked as for `send`."
        );
        finishers.push((
            quote! {
                #[doc = #stream_doc]
                pub fn #stream_ident(self, client: &#rt::Client) -> #rt::PageStream<#name>
            },
            quote! {
                {
                    let version = self.__rest.__version;
                    #rt::PageStream::new(::core::clone::Clone::clone(client), self.build(), version)
                }
            },
        ));
    }
    Extra {
        fields: vec![(
            format_ident!("__version"),
            quote!(::core::option::Option<#rt::ApiVersion>),
            quote!(::core::option::Option::None),
        )],
        methods,
        finishers,
    }
}

pub fn version_tokens(version: Version) -> TokenStream {
    let rt = rt();
    match version {
        Version::Numbered(n) => quote!(#rt::ApiVersion::Numbered(#n)),
        Version::Dated { year, month } => {
            quote!(#rt::ApiVersion::Dated { year: #year, month: #month })
        }
    }
}

fn metadata(endpoint: &Endpoint) -> TokenStream {
    let rt = rt();
    let name = endpoint.name.to_string();
    let method = format_ident!("{}", endpoint.method.variant());
    let paths = endpoint.paths.iter().map(|path| {
        let version = version_tokens(path.version);
        let template = &path.template;
        quote!(#rt::VersionedPath { version: #version, template: #template })
    });
    let path_params = endpoint.path_params.iter().map(|f| field_info(f, true));
    let query = endpoint
        .query
        .iter()
        .map(|f| field_info(f, f.inner_ty.is_none()));
    let body = if let Some(body) = &endpoint.body {
        let info = field_info(body, true);
        quote!(#rt::BodyInfo::Whole(#info))
    } else if endpoint.required.is_empty() && endpoint.optional.is_empty() {
        quote!(#rt::BodyInfo::None)
    } else {
        let fields = endpoint
            .required
            .iter()
            .map(|f| field_info(f, true))
            .chain(endpoint.optional.iter().map(|f| field_info(f, false)));
        if endpoint.form.is_some() {
            quote!(#rt::BodyInfo::Form(&[#(#fields),*]))
        } else {
            quote!(#rt::BodyInfo::Fields(&[#(#fields),*]))
        }
    };
    let auth = endpoint.auth.iter().map(|scheme| {
        let variant = format_ident!("{}", scheme.variant());
        quote!(#rt::AuthScheme::#variant)
    });
    let status = endpoint.status;
    let response = &endpoint.response;
    let scopes = &endpoint.scopes;
    quote! {
        #rt::EndpointInfo {
            name: #name,
            method: #rt::Method::#method,
            paths: &[#(#paths),*],
            path_params: &[#(#path_params),*],
            query_params: &[#(#query),*],
            body: #body,
            success_status: #status,
            response: <#response as #rt::Schema>::schema,
            scopes: &[#(#scopes),*],
            auth: &[#(#auth),*],
        }
    }
}

/// `fn __path`: one `format!` per version, each placeholder filled with its
/// percent-encoded parameter.
fn path_fn(endpoint: &Endpoint) -> TokenStream {
    let rt = rt();
    let formats: Vec<TokenStream> = endpoint
        .paths
        .iter()
        .map(|path| {
            let mut pieces = path.pieces.clone();
            // A placeholder without a parameter was reported; send it as text.
            for piece in &mut pieces {
                if let Piece::Param(name) = piece
                    && !endpoint.path_params.iter().any(|p| &p.json_name == name)
                {
                    *piece = Piece::Literal(String::new());
                }
            }
            let format = format_string(&pieces);
            let args = pieces.iter().filter_map(|piece| match piece {
                Piece::Param(name) => endpoint
                    .path_params
                    .iter()
                    .find(|p| &p.json_name == name)
                    .map(|p| {
                        let ident = &p.name;
                        quote!(#rt::PathSegment(&self.#ident))
                    }),
                Piece::Literal(_) => None,
            });
            quote!(::std::format!(#format #(, #args)*))
        })
        .collect();
    let body = match formats.as_slice() {
        [] => quote!(::std::string::String::new()),
        [only] => quote!(#only),
        [init @ .., last] => {
            let indices = 0..init.len();
            quote! {
                match version_index {
                    #(#indices => #init,)*
                    _ => #last,
                }
            }
        }
    };
    let unused = (formats.len() < 2).then(|| quote!(let _ = version_index;));
    quote! {
        #[inline]
        fn __path(&self, version_index: ::core::primitive::usize) -> ::std::string::String {
            #unused
            #body
        }
    }
}
