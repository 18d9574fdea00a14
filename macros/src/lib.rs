//! placeholder
use proc_macro::TokenStream;
/// placeholder
#[proc_macro]
pub fn hubspot_endpoint(input: TokenStream) -> TokenStream { let _ = input; TokenStream::new() }
