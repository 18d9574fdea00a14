//! Conversations Visitor Identification, declared from HubSpot's OpenAPI specs.
//!
//! Versions `v3`, `2025-09`, `2026-03`, `2026-09`. Written by `hubspot-declare` from
//! `visitor-identification.v3.json`,
//! `conversations-other-versions/visitor-identification.2025-09.json`,
//! `visitor-identification.2026-03.json`,
//! `conversations-other-versions/visitor-identification.2026-09.json`: regenerate it rather
//! than edit it. Declarations that differ between versions are in the `vYYYY_MM` submodules.

use std::collections::HashMap;

use hubspot_runtime::hubspot_endpoint;

hubspot_endpoint! {
    /// Generate visitor token.
    ///
    /// Generate an identification token for a website visitor who has been authenticated using
    /// your own system. An identification token returned from this API can be used to pass
    /// information about your already-authenticated visitor to the chat widget, so that it
    /// treats the visitor as a known contact. This allows support agents to recognize and
    /// assist the visitor more effectively.
    #[scopes("conversations.visitor_identification.tokens.create")]
    pub endpoint CreateTokens: POST {
        v3        => "/visitor-identification/v3/tokens/create",
        "2026-03" => "/visitor-identification/2026-03/tokens/create",
    } {
        required {
            /// The email of the visitor that you wish to identify
            email: String,
            hs_customer_agent_context: HashMap<String, String>,
        }
        optional {
            /// The first name of the visitor that you wish to identify. This value will only be
            /// set in HubSpot for new contacts and existing contacts where first name is
            /// unknown. Optional.
            first_name: String,
            /// The last name of the visitor that you wish to identify. This value will only be
            /// set in HubSpot for new contacts and existing contacts where last name is
            /// unknown. Optional.
            last_name: String,
        }
    } -> 200 IdentificationTokenResponse;

    /// The `IdentificationTokenResponse` object.
    pub object IdentificationTokenResponse {
        required {
            /// An identification token that allows the visitor to be treated as a known
            /// contact.
            token: String,
        }
    }
}

/// What differs from `2025-09` on: the declarations and types of these versions.
pub mod v2025_09 {
    pub use super::IdentificationTokenResponse;
    use hubspot_runtime::hubspot_endpoint;

    hubspot_endpoint! {
        /// `POST /visitor-identification/2026-09/tokens/create`.
        #[scopes("conversations.visitor_identification.tokens.create")]
        pub endpoint CreateTokens: POST {
            "2025-09" => "/visitor-identification/2025-09/tokens/create",
            "2026-09" => "/visitor-identification/2026-09/tokens/create",
        } {
            required {
                /// The email of the visitor that you wish to identify
                email: String,
            }
            optional {
                /// The first name of the visitor that you wish to identify. This value will
                /// only be set in HubSpot for new contacts and existing contacts where first
                /// name is unknown. Optional.
                first_name: String,
                /// The last name of the visitor that you wish to identify. This value will only
                /// be set in HubSpot for new contacts and existing contacts where last name is
                /// unknown. Optional.
                last_name: String,
            }
        } -> 200 IdentificationTokenResponse;
    }
}

/// Every endpoint this module declares, with each version's path: for tests and tooling.
pub const ENDPOINTS: &[&hubspot_runtime::schema::EndpointInfo] =
    &[CreateTokens::METADATA, v2025_09::CreateTokens::METADATA];
