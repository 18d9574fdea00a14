//! HubSpot's CRM: contacts and companies (feature `crm`).
//!
//! Written by `hubspot-declare` from HubSpot's CRM specs (see
//! `declare/modules.toml`):
//!
//! - [`contacts`] and [`companies`]: `v3` and `2026-03`, one declaration
//!   for both versions where they agree;
//! - [`objects`]: the endpoints that take any object type (`object_type`
//!   is `contacts`, `companies`, or a type id such as `0-1`): the `2026-03`
//!   associations and every `2026-09` endpoint, where HubSpot publishes the
//!   contacts and companies APIs as one.

pub mod companies;
pub mod contacts;
pub mod objects;

use hubspot_runtime::schema::EndpointInfo;

/// Every CRM endpoint declared here, for tests and tooling.
pub fn endpoints() -> impl Iterator<Item = &'static EndpointInfo> {
    [
        contacts::ENDPOINTS,
        companies::ENDPOINTS,
        objects::ENDPOINTS,
    ]
    .into_iter()
    .flatten()
    .copied()
}
