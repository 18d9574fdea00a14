//! What `hubspot-declare` writes for HubSpot's Conversations and OAuth
//! specs, untouched, so that the conformance test can check the generator
//! on the APIs this project also declares by hand
//! (`tests/spec_conformance.rs`, `generated_declarations_conform`). The
//! modules are regenerated from `declare/modules.toml`, and CI fails when a
//! committed one differs from what the generator writes.
//!
//! The hand-written declarations in `hubspot-api` stay the public API: they
//! carry names, documentation and a few types chosen by a person (the
//! attachments of a message, its status) that the generator derives from
//! the spec alone.
#![allow(missing_docs)]

pub mod custom_channels;
pub mod inbox;
pub mod oauth;
pub mod visitor_identification;

use hubspot_runtime::schema::EndpointInfo;

/// Every generated endpoint.
pub fn endpoints() -> Vec<&'static EndpointInfo> {
    [
        custom_channels::ENDPOINTS,
        inbox::ENDPOINTS,
        oauth::ENDPOINTS,
        visitor_identification::ENDPOINTS,
    ]
    .into_iter()
    .flatten()
    .copied()
    .collect()
}
