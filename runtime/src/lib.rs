//! The runtime for HubSpot APIs declared with [`hubspot_endpoint!`]: a
//! [`Client`] with auth, transport, error mapping, safe retries, a shared
//! rate limiter and timeouts, the metadata types every declared endpoint
//! carries, and [`webhooks`]: verifying that a request really comes from
//! HubSpot.
#![warn(missing_docs)]

extern crate self as hubspot_runtime;

pub mod endpoint;
pub mod pagination;
pub mod schema;
mod version;
pub mod webhooks;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use endpoint::Endpoint;

/// Declares HubSpot endpoints, objects, enums and unions: request builders
/// whose missing required fields are compile errors. See the README of the
/// `hubspot-api` project for the grammar.
///
/// Call it as `hubspot_runtime::hubspot_endpoint!` or, from a crate that
/// depends only on `hubspot-api`, as `hubspot_api::hubspot_endpoint!`; a
/// renamed dependency works too. The expansion names everything it needs by
/// absolute path through this crate, so it also compiles under
/// `#![no_implicit_prelude]` and beside local types called `Option`,
/// `Result`, `String`, `Vec` or `Box`. The types you write in a
/// declaration are yours and resolve where you wrote them.
///
/// ```
/// hubspot_runtime::hubspot_endpoint! {
///     /// A note on a contact.
///     pub object Note {
///         required { body: String }
///         optional { pinned: bool }
///     }
/// }
///
/// let note = Note::builder().body("Call back on Monday").build();
/// assert_eq!(note.body, "Call back on Monday");
/// assert_eq!(Note::METADATA.fields[0].json_name, "body");
/// ```
#[macro_export]
macro_rules! hubspot_endpoint {
    ($($declarations:tt)*) => {
        $crate::__private::hubspot_endpoint! {
            #![crate = $crate]
            $($declarations)*
        }
    };
}
pub use version::{ApiVersion, ParseVersionError};

/// A UTC date-time, as HubSpot's `date-time` fields carry it.
pub type DateTime = chrono::DateTime<chrono::Utc>;

/// Any JSON value, for fields HubSpot leaves free-form (e.g. a custom
/// channel's `capabilities`).
pub type JsonValue = serde_json::Value;

mod auth;
mod client;
mod error;
mod random;
mod rate_limit;
mod retry;

pub use auth::AccessToken;
pub use client::{
    Client, ClientBuilder, DEFAULT_BASE_URL, DEFAULT_MAX_CONCURRENT_REQUESTS, DEFAULT_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT, DEFAULT_USER_AGENT, decode_response,
};
pub use error::{ApiError, Error, ErrorDetail, RateLimitHeaders};
pub use rate_limit::RateLimit;
pub use retry::RetryPolicy;
