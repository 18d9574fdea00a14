//! The runtime for HubSpot APIs declared with [`hubspot_endpoint!`]: a
//! [`Client`] with auth, transport, error mapping, safe retries, a shared
//! rate limiter and timeouts, the metadata types every declared endpoint
//! carries, and [`webhooks`]: verifying that a request really comes from
//! HubSpot.
#![warn(missing_docs)]

extern crate self as hubspot_runtime;

pub mod endpoint;
pub mod oauth;
pub mod pagination;
pub mod schema;
mod version;
pub mod webhooks;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use endpoint::Endpoint;
pub use schema::AuthScheme;

/// Declares HubSpot endpoints, objects, enums and unions: request builders
/// whose missing required fields are compile errors.
///
#[doc = include_str!("../DSL.md")]
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
mod shared;

#[cfg(feature = "redis")]
pub mod redis;

pub use auth::{
    AccessToken, AuthorizationUrl, DeveloperApiKey, DeveloperKey, InMemoryTokenStore, Installation,
    OAuthApp, RefreshLock, RefreshToken, ReleaseFuture, StoreError, StoreFuture, TokenSet,
    TokenStore,
};
pub use client::{Client, ClientBuilder};
pub use error::{
    ApiError, DecodeError, Error, ErrorDetail, MissingCredentials, RateLimitError,
    RateLimitHeaders, RepeatedCursorError, TransportError, UnsupportedVersionError,
};
pub use rate_limit::RateLimit;
pub use retry::RetryPolicy;
pub use shared::{SharedStateError, SharedStateErrorKind};
