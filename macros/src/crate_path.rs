//! The invocation's inner attributes: where generated code finds
//! `hubspot_runtime` (`#![crate = path]`), and whether it may use
//! `#[diagnostic::…]` (`#![no_implicit_prelude]`).
//!
//! The user-facing `hubspot_runtime::hubspot_endpoint!` is a `macro_rules!`
//! shim that calls this proc macro with `#![crate = $crate]` in front of the
//! user's tokens. `$crate` reaches a proc macro as an identifier that still
//! resolves to the runtime crate wherever the expansion lands: in a crate
//! that depends only on `hubspot-api` (which re-exports the macro), or one
//! that renamed the dependency in its `Cargo.toml`. A caller of the proc
//! macro itself can write the attribute by hand; when several are given,
//! the last wins, so a user's own `#![crate = …]` after the shim's takes
//! precedence.
//!
//! `#[diagnostic::on_unimplemented]` cannot be written under
//! `#![no_implicit_prelude]` at all (the `diagnostic` tool namespace comes
//! from the prelude, and no path reaches it), so such a module says so with
//! `#![no_implicit_prelude]` inside the invocation and the generated marker
//! traits go without their custom messages.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::quote;

use crate::ctxt::Ctxt;

/// What the inner attributes asked for.
pub struct Settings {
    /// The path of the runtime crate, by default `::hubspot_runtime`.
    pub runtime: TokenStream,
    /// Whether generated items carry `#[diagnostic::…]` attributes.
    pub diagnostics: bool,
    /// Each item's name and the span of the brace group holding its fields
    /// (see [`bodies`]).
    pub bodies: Vec<(String, Span)>,
}

/// The span of each item's field group: an object's `{ … }`, an
/// endpoint's second `{ … }` (its sections). Generated methods whose bounds
/// point at a field (`build`, `send`) are named with this location, so that
/// rustc's "required by a bound in this associated function" label, which
/// it leaves out when the function's span covers the bound's, stays out even
/// though the expansion's call site is the shim in the runtime.
pub fn bodies(tokens: &TokenStream) -> Vec<(String, Span)> {
    let tokens: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let TokenTree::Ident(kind) = token else {
            continue;
        };
        let nth = match kind.to_string().as_str() {
            "object" => 0,
            "endpoint" => 1,
            _ => continue,
        };
        let Some(TokenTree::Ident(name)) = tokens.get(i + 1) else {
            continue;
        };
        let body = tokens[i + 2..]
            .iter()
            .take_while(
                |t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ';' || p.as_char() == '#'),
            )
            .filter_map(|t| match t {
                TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => Some(g.span()),
                _ => None,
            })
            .nth(nth);
        if let Some(span) = body {
            out.push((name.to_string(), span));
        }
    }
    out
}

/// Splits the leading inner attributes off `tokens`: the settings they
/// give, and the declarations.
pub fn split(tokens: TokenStream, cx: &Ctxt) -> (Settings, TokenStream) {
    let mut settings = Settings {
        runtime: quote!(::hubspot_runtime),
        diagnostics: true,
        bodies: Vec::new(),
    };
    let mut rest: Vec<TokenTree> = tokens.into_iter().collect();
    loop {
        let is_inner_attr = matches!(
            rest.as_slice(),
            [TokenTree::Punct(hash), TokenTree::Punct(bang), TokenTree::Group(group), ..]
                if hash.as_char() == '#' && bang.as_char() == '!' && group.delimiter() == Delimiter::Bracket
        );
        if !is_inner_attr {
            break;
        }
        let TokenTree::Group(group) = rest.remove(2) else {
            unreachable!("checked above");
        };
        rest.drain(..2);
        let mut inner = group.stream().into_iter();
        let key = inner.next();
        let eq = inner.next();
        let path: TokenStream = inner.collect();
        match (&key, &eq) {
            (Some(TokenTree::Ident(key)), Some(TokenTree::Punct(eq)))
                if key == "crate" && eq.as_char() == '=' && !path.is_empty() =>
            {
                settings.runtime = path;
            }
            (Some(TokenTree::Ident(key)), None) if key == "no_implicit_prelude" => {
                settings.diagnostics = false;
            }
            _ => cx.error(
                group.span(),
                "expected `#![crate = path::to::hubspot_runtime]` or `#![no_implicit_prelude]`: the only inner attributes `hubspot_endpoint!` takes",
            ),
        }
    }
    let rest: TokenStream = rest.into_iter().collect();
    settings.bodies = bodies(&rest);
    (settings, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_text(input: &str) -> (String, bool, String, usize) {
        let cx = Ctxt::default();
        let (settings, rest) = split(input.parse().unwrap(), &cx);
        let errors = cx
            .into_compile_errors()
            .to_string()
            .matches("compile_error")
            .count();
        (
            settings.runtime.to_string(),
            settings.diagnostics,
            rest.to_string(),
            errors,
        )
    }

    #[test]
    fn defaults_to_the_runtime_by_name_with_diagnostics() {
        let (runtime, diagnostics, rest, errors) = split_text("pub enum E { A }");
        assert_eq!(runtime, ":: hubspot_runtime");
        assert!(diagnostics);
        assert_eq!(rest, "pub enum E { A }");
        assert_eq!(errors, 0);
    }

    #[test]
    fn the_last_crate_attribute_wins() {
        let (runtime, diagnostics, rest, errors) = split_text(
            "#![crate = ::first] #![no_implicit_prelude] #![crate = my::rt] pub enum E { A }",
        );
        assert_eq!(runtime, "my :: rt");
        assert!(!diagnostics);
        assert_eq!(rest, "pub enum E { A }");
        assert_eq!(errors, 0);
    }

    #[test]
    fn another_inner_attribute_is_an_error() {
        let (runtime, _, rest, errors) =
            split_text("#![serde = x] #![crate] #![no_implicit_prelude = 1] pub enum E { A }");
        assert_eq!(runtime, ":: hubspot_runtime");
        assert_eq!(rest, "pub enum E { A }");
        assert_eq!(errors, 3);
    }

    #[test]
    fn outer_attributes_stay_with_the_items() {
        let (_, _, rest, _) = split_text("#[doc = \"x\"] pub enum E { A }");
        assert_eq!(rest, "# [doc = \"x\"] pub enum E { A }");
    }
}
