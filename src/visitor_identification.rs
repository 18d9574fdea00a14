//! Visitor identification: let HubSpot's chat widget know who your logged-in
//! visitor is.

use std::collections::HashMap;

use hubspot_runtime::hubspot_endpoint;

hubspot_endpoint! {
    /// Generates an identification token for a visitor your site has
    /// already authenticated; pass it to the chat widget
    /// (`window.hsConversationsSettings.identificationToken`).
    #[scopes("conversations.visitor_identification.tokens.create")]
    pub endpoint GenerateVisitorToken: POST {
        v3        => "/visitor-identification/v3/tokens/create",
        "2026-03" => "/visitor-identification/2026-03/tokens/create",
    } {
        required {
            /// The visitor's email address.
            email: String,
            /// Context for HubSpot's customer agent, by key.
            hs_customer_agent_context: HashMap<String, String>,
        }
        optional {
            /// The visitor's first name.
            first_name: String,
            /// The visitor's last name.
            last_name: String,
        }
    } -> 200 IdentificationTokenResponse;

    /// The token to hand to the chat widget.
    pub object IdentificationTokenResponse {
        required {
            /// The identification token.
            token: String,
        }
    }
}

/// `2025-09` and `2026-09`: the token request without
/// `hs_customer_agent_context`, which these versions do not take.
pub mod v2025_09 {
    use hubspot_runtime::hubspot_endpoint;

    pub use super::IdentificationTokenResponse;

    hubspot_endpoint! {
        /// Generates an identification token for a visitor your site has
        /// already authenticated (`2025-09`, `2026-09`); pass it to the chat
        /// widget (`window.hsConversationsSettings.identificationToken`).
        #[scopes("conversations.visitor_identification.tokens.create")]
        pub endpoint GenerateVisitorToken: POST {
            "2025-09" => "/visitor-identification/2025-09/tokens/create",
            "2026-09" => "/visitor-identification/2026-09/tokens/create",
        } {
            required {
                /// The visitor's email address.
                email: String,
            }
            optional {
                /// The visitor's first name.
                first_name: String,
                /// The visitor's last name.
                last_name: String,
            }
        } -> 200 IdentificationTokenResponse;
    }
}
