//! `hubspot_endpoint!`: a compact DSL that declares HubSpot endpoints and the
//! models they carry, and expands into typed request builders whose missing
//! required fields are compile errors.
//!
//! Use it through `hubspot_runtime::hubspot_endpoint!` (or the same macro
//! re-exported as `hubspot_api::hubspot_endpoint!`), which documents the
//! grammar. That `macro_rules!` shim passes `#![crate = $crate]` first, so
//! every generated path names the runtime through `$crate` and the expansion
//! works whatever the caller's crate calls the runtime (see the private `crate_path` module).
//! The expansion runs parse → validate → generate, one module each; every error is collected and reported at once, each at the
//! token it concerns, and the macro never panics (an internal bug becomes a
//! `compile_error!`).

mod case;
mod crate_path;
mod ctxt;
mod generate;
mod model;
mod parse;
mod path;
mod validate;

#[cfg(test)]
mod expand_tests;

use proc_macro::TokenStream;

/// Declares HubSpot endpoints, objects, enums and unions.
///
/// Call it as `hubspot_runtime::hubspot_endpoint!` (or
/// `hubspot_api::hubspot_endpoint!`), whose documentation is the DSL
/// reference. Called directly, the input may start with
/// `#![crate = path::to::hubspot_runtime]` to say where the runtime is;
/// without it, generated code names `::hubspot_runtime`.
#[proc_macro]
pub fn hubspot_endpoint(input: TokenStream) -> TokenStream {
    let input = proc_macro2::TokenStream::from(input);
    let expanded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| expand(input)));
    match expanded {
        Ok(tokens) => tokens.into(),
        Err(panic) => {
            let detail = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let message = format!(
                "hubspot_endpoint! failed unexpectedly; this is a bug in the macro: {detail}"
            );
            quote::quote!(::core::compile_error!(#message);).into()
        }
    }
}

fn expand(tokens: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::default();
    let (settings, tokens) = crate_path::split(tokens, &cx);
    let mut input = parse::parse_input(tokens, &cx);
    validate::validate(&mut input, &cx);
    let mut out = generate::generate(&input, settings);
    out.extend(cx.into_compile_errors());
    out
}
