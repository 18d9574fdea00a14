//! Auth Oauth, declared from HubSpot's OpenAPI specs.
//!
//! Versions `v3`, `2026-03`, `2026-09`. Written by `hubspot-declare` from
//! `oauth/oauth.v3.json`, `oauth/oauth.2026-03.json`, `oauth/oauth.2026-09.json`: regenerate it
//! rather than edit it. Declarations that differ between versions are in the `vYYYY_MM`
//! submodules.

use hubspot_runtime::{JsonValue, hubspot_endpoint};

hubspot_endpoint! {
    /// OAuth token endpoint.
    ///
    /// Authenticates a client and returns access and refresh tokens.
    #[auth(none)]
    #[form]
    pub endpoint CreateToken: POST {
        v3        => "/oauth/v3/token",
        "2026-03" => "/oauth/2026-03/token",
    } {
        optional {
            client_assertion: String,
            client_assertion_type: String,
            client_id: String,
            client_secret: String,
            code: String,
            code_verifier: String,
            grant_type: CreateTokenBodyGrantType,
            redirect_uri: String,
            refresh_token: String,
            scope: String,
        }
    } -> 200 TokenResponseIF;

    /// Token introspection endpoint.
    ///
    /// Returns validity and metadata for access and refresh tokens.
    #[auth(none)]
    #[form]
    // Idempotent: this POST only reads.
    #[idempotent]
    pub endpoint CreateIntrospect: POST {
        v3        => "/oauth/v3/token/introspect",
        "2026-03" => "/oauth/2026-03/token/introspect",
    } {
        optional {
            client_id: String,
            client_secret: String,
            token: String,
            token_type_hint: String,
        }
    } -> 200 TokenInfoResponseBaseIF;

    // Note: the spec documents no success response (only `default`); declared as `200` with any
    // JSON.
    /// `POST /oauth/2026-09/token/revoke`.
    #[auth(none)]
    #[form]
    pub endpoint CreateRevoke: POST {
        v3        => "/oauth/v3/token/revoke",
        "2026-03" => "/oauth/2026-03/token/revoke",
        "2026-09" => "/oauth/2026-09/token/revoke",
    } {
        optional {
            client_id: String,
            client_secret: String,
            token: String,
            token_type_hint: String,
        }
    } -> 200 JsonValue;

    /// The `AccessTokenResponse` object.
    // `token_use` is left out: the union that holds this object writes it.
    pub object AccessTokenResponse {
        required {
            #[json = "access_token"]
            access_token: String,
            #[json = "expires_in"]
            expires_in: i64,
            #[json = "refresh_token"]
            refresh_token: String,
            #[json = "token_type"]
            token_type: String,
        }
        optional {
            #[json = "hub_id"]
            hub_id: i32,
            #[json = "id_token"]
            id_token: String,
            scopes: Vec<String>,
            #[json = "user_id"]
            user_id: i32,
        }
    }

    /// The `ClientCredentialsTokenResponse` object.
    // `token_use` is left out: the union that holds this object writes it.
    pub object ClientCredentialsTokenResponse {
        required {
            #[json = "access_token"]
            access_token: String,
            #[json = "expires_in"]
            expires_in: i64,
            #[json = "token_type"]
            token_type: String,
        }
        optional {
            #[json = "hub_id"]
            hub_id: i32,
            #[json = "id_token"]
            id_token: String,
            scopes: Vec<String>,
            #[json = "user_id"]
            user_id: i32,
        }
    }

    /// The values of `CreateTokenBodyGrantType`.
    pub enum CreateTokenBodyGrantType {
        authorization_code,
        client_credentials,
        refresh_token,
    }

    /// The `PublicAccessTokenInfoResponse` object.
    // `token_use` is left out: the union that holds this object writes it.
    pub object PublicAccessTokenInfoResponse {
        required {
            active: bool,
            #[json = "app_id"]
            app_id: i32,
            #[json = "client_id"]
            client_id: String,
            #[json = "expires_in"]
            expires_in: i64,
            #[json = "hub_id"]
            hub_id: i32,
            #[json = "is_private_distribution"]
            is_private_distribution: bool,
            scopes: Vec<String>,
            #[json = "signed_access_token"]
            signed_access_token: SignedAccessToken,
            token: String,
            #[json = "token_type"]
            token_type: String,
            #[json = "user_id"]
            user_id: i32,
        }
        optional {
            #[json = "hub_domain"]
            hub_domain: String,
            user: String,
        }
    }

    /// The `PublicRefreshTokenInfoResponse` object.
    // `token_use` is left out: the union that holds this object writes it.
    pub object PublicRefreshTokenInfoResponse {
        required {
            active: bool,
            #[json = "app_id"]
            app_id: i32,
            #[json = "client_id"]
            client_id: String,
            #[json = "hub_id"]
            hub_id: i32,
            scopes: Vec<String>,
            token: String,
            #[json = "token_type"]
            token_type: String,
            #[json = "user_id"]
            user_id: i32,
        }
        optional {
            #[json = "hub_domain"]
            hub_domain: String,
            user: String,
        }
    }

    /// The `SignedAccessToken` object.
    pub object SignedAccessToken {
        required {
            app_id: i32,
            app_install_id: String,
            audience: String,
            expires_at: i64,
            hub_id: i32,
            hublet: String,
            installing_user_id: i32,
            is_private_distribution: bool,
            is_service_account: bool,
            is_user_level: bool,
            new_signature: String,
            scope_to_scope_group_pks: String,
            scopes: String,
            signature: String,
            trial_scope_to_scope_group_pks: String,
            trial_scopes: String,
            user_id: i32,
        }
    }

    /// One of the `TokenInfoResponseBaseIF` kinds, by `token_use`.
    #[tag = "token_use"]
    pub union TokenInfoResponseBaseIF {
        access_token => PublicAccessTokenInfoResponse,
        refresh_token => PublicRefreshTokenInfoResponse,
    }

    /// One of the `TokenResponseIF` kinds, by `token_use`.
    #[tag = "token_use"]
    pub union TokenResponseIF {
        access_token => AccessTokenResponse,
        client_credentials => ClientCredentialsTokenResponse,
    }
}

/// What differs from `2026-09` on: the declarations and types of these versions.
pub mod v2026_09 {
    use hubspot_runtime::{JsonValue, hubspot_endpoint};

    hubspot_endpoint! {
        // Note: the spec documents no success response (only `default`); declared as `200` with
        // any JSON.
        /// `POST /oauth/2026-09/token`.
        #[auth(none)]
        #[form]
        pub endpoint CreateToken: POST {
            "2026-09" => "/oauth/2026-09/token",
        } {
            optional {
                client_id: String,
                client_secret: String,
                code: String,
                code_verifier: String,
                grant_type: CreateTokenBodyGrantType,
                redirect_uri: String,
                refresh_token: String,
                scope: String,
            }
        } -> 200 JsonValue;

        /// `POST /oauth/2026-09/token/introspect`.
        #[auth(none)]
        #[form]
        // Idempotent: this POST only reads.
        #[idempotent]
        pub endpoint CreateIntrospect: POST {
            "2026-09" => "/oauth/2026-09/token/introspect",
        } {
            optional {
                client_id: String,
                client_secret: String,
                token: String,
                token_type_hint: String,
            }
        } -> 200 TokenInfoResponseBaseIF;

        /// The values of `CreateTokenBodyGrantType`.
        pub enum CreateTokenBodyGrantType {
            authorization_code,
            refresh_token,
        }

        /// The `TokenInfoResponseBaseIF` object.
        pub object TokenInfoResponseBaseIF {
            required {
                active: bool,
            }
        }
    }
}

/// Every endpoint this module declares, with each version's path: for tests and tooling.
pub const ENDPOINTS: &[&hubspot_runtime::schema::EndpointInfo] = &[
    CreateToken::METADATA,
    CreateIntrospect::METADATA,
    CreateRevoke::METADATA,
    v2026_09::CreateToken::METADATA,
    v2026_09::CreateIntrospect::METADATA,
];
