//! Generated rustdoc: the request per version, the fields, the scopes and an
//! example, appended to the user's own doc comment.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::Type;

use crate::model::{Endpoint, Field};

/// Renders a type as a user wrote it: `Vec<Participant>`, not `Vec < Participant >`.
pub fn type_text(ty: &Type) -> String {
    let raw = ty.to_token_stream().to_string();
    raw.replace(" < ", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" ,", ",")
        .replace("& ", "&")
}

fn lines(text: String) -> TokenStream {
    let lines = text.lines().map(|line| quote!(#[doc = #line]));
    quote!(#(#lines)*)
}

pub fn endpoint_docs(endpoint: &Endpoint) -> TokenStream {
    let name = &endpoint.name;
    let method = endpoint.method.as_str();
    let mut doc = String::from("\n# Request\n\n| Version | Request |\n| --- | --- |\n");
    for path in &endpoint.paths {
        doc += &format!(
            "| `{}` | `{method} {}` |\n",
            path.version.label(),
            path.template.value()
        );
    }
    let response = type_text(&endpoint.response);
    let response_link = if response == "()" {
        "no content".to_owned()
    } else {
        format!("[`{response}`]")
    };
    doc += &format!("\nSucceeds with `{}`: {response_link}.\n", endpoint.status);
    if !endpoint.scopes.is_empty() {
        let scopes: Vec<String> = endpoint
            .scopes
            .iter()
            .map(|s| format!("`{}`", s.value()))
            .collect();
        doc += &format!("\n**Scopes:** {}\n", scopes.join(", "));
    }

    let credentials: Vec<&str> = endpoint.auth.iter().map(|scheme| scheme.prose()).collect();
    doc += &match credentials.as_slice() {
        [] => "\n**Credentials:** none: HubSpot takes no token on this request.\n".to_owned(),
        [only] => format!("\n**Credentials:** {only}.\n"),
        [init @ .., last] => format!("\n**Credentials:** {} or {last}.\n", init.join(", ")),
    };
    if endpoint.form.is_some() {
        doc += "\n**Body:** an `application/x-www-form-urlencoded` form of the body fields.\n";
    }

    if let Some(key) = &endpoint.idempotency_key {
        doc += &format!(
            "\n**Retries:** HubSpot de-duplicates this request on `{json}`. When you leave `{name}` unset, the client fills it with a fresh id and sends that same id on every retry, so a retry never stores the request twice. Set it yourself (e.g. to your chat service's message id) to make retries of your own safe too.\n",
            json = key.json,
            name = key.field.to_string().trim_start_matches("r#"),
        );
    } else if endpoint.idempotent.is_some() {
        doc += "\n**Retries:** declared idempotent: sending it twice has the effect of sending it once, so the client retries it after failures that may have reached HubSpot.\n";
    }

    doc += "\n# Fields\n\n| Field | Sent as | Type | |\n| --- | --- | --- | --- |\n";
    let mut row = |field: &Field, place: String, required: bool| {
        doc += &format!(
            "| `{}` | {place} | `{}` | {} |\n",
            field.plain_name(),
            type_text(field.value_ty()),
            if required { "**required**" } else { "optional" }
        );
    };
    for field in &endpoint.path_params {
        row(field, format!("path `{{{}}}`", field.json_name), true);
    }
    for field in &endpoint.query {
        row(
            field,
            format!("query `{}`", field.json_name),
            field.inner_ty.is_none(),
        );
    }
    if let Some(field) = &endpoint.body {
        row(field, "the whole body".to_owned(), true);
    }
    let body_kind = if endpoint.form.is_some() {
        "form"
    } else {
        "body"
    };
    for field in &endpoint.required {
        row(field, format!("{body_kind} `{}`", field.json_name), true);
    }
    for field in &endpoint.optional {
        row(field, format!("{body_kind} `{}`", field.json_name), false);
    }

    doc += "\nLeaving out a required field is a compile error that names it.\n\n# Example\n\n```rust,ignore\n";
    doc += &format!("let response = {name}::builder()\n");
    for field in endpoint.required_fields() {
        doc += &format!(
            "    .{}(/* {} */)\n",
            field.plain_name(),
            type_text(field.value_ty())
        );
    }
    doc += "    .send(&client)\n    .await?;\n```\n";
    lines(doc)
}
