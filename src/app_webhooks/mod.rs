//! Your app's webhooks, managed through HubSpot's Webhooks API (feature
//! `app-webhooks`): settings (the target URL, throttling), event
//! subscriptions, and the webhooks journal.
//!
//! Receiving webhooks (verifying a request's signature) is
//! [`crate::webhooks`]; this module configures what HubSpot sends.
//!
//! Written by `hubspot-declare` from HubSpot's webhooks specs (see
//! `declare/modules.toml`).

pub mod journal;
pub mod subscriptions;

use hubspot_runtime::schema::EndpointInfo;

/// Every webhooks-API endpoint declared here, for tests and tooling.
pub fn endpoints() -> impl Iterator<Item = &'static EndpointInfo> {
    [subscriptions::ENDPOINTS, journal::ENDPOINTS]
        .into_iter()
        .flatten()
        .copied()
}
