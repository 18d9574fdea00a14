//! An app that follows the README: it ran
//!
//! ```text
//! cargo run -p hubspot-declare -- ../shared/hubspot-specs/crm/contacts.v3.json --module contacts -o src/contacts.rs
//! ```
//!
//! and declares `mod contacts;`, with `hubspot-api` (default features) as
//! its only HubSpot dependency. (The module is regenerated from
//! `declare/modules.toml` and checked in CI like the others.)

pub mod contacts;
