//! HubSpot's OAuth 2.0 API, declared with [`hubspot_endpoint!`](crate::hubspot_endpoint):
//! the token endpoint (authorization-code and refresh-token grants),
//! introspection and revocation, in every version HubSpot documents (`v3`,
//! `2026-03`, `2026-09`).
//!
//! The [`Client`](crate::Client) calls them itself when it holds an
//! [`OAuthApp`](crate::OAuthApp): [`Client::install`](crate::Client::install)
//! exchanges a code and introspects the token, and every account's access
//! token is refreshed before it expires. They are public so that an app can
//! also call them directly (to revoke a refresh token when an account
//! uninstalls, say). They take no credentials of the client's
//! (`#[auth(none)]`): the app authenticates with its client id and secret in
//! the form body, which is `application/x-www-form-urlencoded`.
//!
//! HubSpot's older `/oauth/v1/*` endpoints are deprecated on 2027-02-16 and
//! are not declared.

use crate::hubspot_endpoint;

hubspot_endpoint! {
    /// Exchanges an authorization code for an account's first tokens, or a
    /// refresh token for a new access token.
    ///
    /// The response is a [`TokenResponse`]: with the authorization-code and
    /// refresh-token grants, an [`AccessTokenResponse`].
    #[auth(none)]
    #[form]
    pub endpoint CreateToken: POST {
        v3        => "/oauth/v3/token",
        "2026-03" => "/oauth/2026-03/token",
    } {
        required {
            /// Which grant: `authorization_code` to install,
            /// `refresh_token` to refresh.
            #[json = "grant_type"]
            grant_type: GrantType,
            /// The app's client id.
            #[json = "client_id"]
            client_id: String,
            /// The app's client secret.
            #[json = "client_secret"]
            client_secret: String,
        }
        optional {
            /// The code the authorize step redirected with
            /// (`authorization_code` grant).
            code: String,
            /// The redirect URI the authorize step was given
            /// (`authorization_code` grant): the app's registered one.
            #[json = "redirect_uri"]
            redirect_uri: String,
            /// The refresh token (`refresh_token` grant).
            #[json = "refresh_token"]
            refresh_token: String,
            /// The PKCE code verifier, when the authorize step was given a
            /// code challenge.
            #[json = "code_verifier"]
            code_verifier: String,
            /// Space-separated scopes (`client_credentials` grant).
            scope: String,
            /// A signed JWT assertion, instead of the client secret.
            #[json = "client_assertion"]
            client_assertion: String,
            /// The assertion's type.
            #[json = "client_assertion_type"]
            client_assertion_type: String,
        }
    } -> 200 TokenResponse;

    /// Describes a token: which account and app it belongs to, its scopes
    /// and, for an access token, how long it lives.
    #[auth(none)]
    #[form]
    pub endpoint IntrospectToken: POST {
        v3        => "/oauth/v3/token/introspect",
        "2026-03" => "/oauth/2026-03/token/introspect",
    } {
        required {
            /// The app's client id.
            #[json = "client_id"]
            client_id: String,
            /// The app's client secret.
            #[json = "client_secret"]
            client_secret: String,
            /// The access or refresh token to describe.
            token: String,
        }
        optional {
            /// `access_token` or `refresh_token`, to spare HubSpot a guess.
            #[json = "token_type_hint"]
            token_type_hint: String,
        }
    } -> 200 TokenInfo;

    /// Revokes a token (a refresh token revokes the account's install). HubSpot
    /// answers `200` whether or not it knew the token.
    #[auth(none)]
    #[form]
    pub endpoint RevokeToken: POST {
        v3        => "/oauth/v3/token/revoke",
        "2026-03" => "/oauth/2026-03/token/revoke",
        "2026-09" => "/oauth/2026-09/token/revoke",
    } {
        required {
            /// The app's client id.
            #[json = "client_id"]
            client_id: String,
            /// The app's client secret.
            #[json = "client_secret"]
            client_secret: String,
            /// The token to revoke.
            token: String,
        }
        optional {
            /// `access_token` or `refresh_token`.
            #[json = "token_type_hint"]
            token_type_hint: String,
        }
    } -> 200 ();

    /// An OAuth grant type.
    pub enum GrantType {
        /// Exchange an authorization code (installing the app).
        AuthorizationCode = "authorization_code",
        /// Tokens for the app itself, without an account.
        ClientCredentials = "client_credentials",
        /// Exchange a refresh token for a new access token.
        RefreshToken = "refresh_token",
    }

    /// What the token endpoint answers, by `token_use`.
    #[tag = "token_use"]
    pub union TokenResponse {
        /// An account's access and refresh tokens.
        AccessToken = "access_token" => AccessTokenResponse,
        /// An app token from the `client_credentials` grant.
        ClientCredentials = "client_credentials" => ClientCredentialsTokenResponse,
    }

    /// An account's tokens, from the authorization-code or refresh-token
    /// grant.
    pub object AccessTokenResponse {
        required {
            /// The bearer token for API calls.
            #[json = "access_token"]
            access_token: String,
            /// Seconds until the access token expires.
            #[json = "expires_in"]
            expires_in: i64,
            /// The token to refresh it with.
            #[json = "refresh_token"]
            refresh_token: String,
            /// `bearer`.
            #[json = "token_type"]
            token_type: String,
        }
        optional {
            /// The account the tokens are for.
            #[json = "hub_id"]
            hub_id: i32,
            /// An OpenID Connect id token, when asked for.
            #[json = "id_token"]
            id_token: String,
            /// The scopes granted.
            scopes: Vec<String>,
            /// The user who installed the app.
            #[json = "user_id"]
            user_id: i32,
        }
    }

    /// An app token from the `client_credentials` grant.
    pub object ClientCredentialsTokenResponse {
        required {
            /// The bearer token.
            #[json = "access_token"]
            access_token: String,
            /// Seconds until it expires.
            #[json = "expires_in"]
            expires_in: i64,
            /// `bearer`.
            #[json = "token_type"]
            token_type: String,
        }
        optional {
            /// The account, if any.
            #[json = "hub_id"]
            hub_id: i32,
            /// An OpenID Connect id token, when asked for.
            #[json = "id_token"]
            id_token: String,
            /// The scopes granted.
            scopes: Vec<String>,
            /// The user, if any.
            #[json = "user_id"]
            user_id: i32,
        }
    }

    /// What introspection answers, by `token_use`.
    #[tag = "token_use"]
    pub union TokenInfo {
        /// An access token.
        AccessToken = "access_token" => AccessTokenInfo,
        /// A refresh token.
        RefreshToken = "refresh_token" => RefreshTokenInfo,
    }

    /// A live access token, described.
    pub object AccessTokenInfo {
        required {
            /// Whether the token is live.
            active: bool,
            /// The app it was issued to.
            #[json = "app_id"]
            app_id: i32,
            /// The app's client id.
            #[json = "client_id"]
            client_id: String,
            /// Seconds until it expires.
            #[json = "expires_in"]
            expires_in: i64,
            /// The account it is for.
            #[json = "hub_id"]
            hub_id: i32,
            /// Whether the app is privately distributed.
            #[json = "is_private_distribution"]
            is_private_distribution: bool,
            /// The scopes it carries.
            scopes: Vec<String>,
            /// HubSpot's signed description of it.
            #[json = "signed_access_token"]
            signed_access_token: SignedAccessToken,
            /// The token itself.
            token: String,
            /// `bearer`.
            #[json = "token_type"]
            token_type: String,
            /// The user who installed the app.
            #[json = "user_id"]
            user_id: i32,
        }
        optional {
            /// The account's domain.
            #[json = "hub_domain"]
            hub_domain: String,
            /// The installing user's email address.
            user: String,
        }
    }

    /// A live refresh token, described.
    pub object RefreshTokenInfo {
        required {
            /// Whether the token is live.
            active: bool,
            /// The app it was issued to.
            #[json = "app_id"]
            app_id: i32,
            /// The app's client id.
            #[json = "client_id"]
            client_id: String,
            /// The account it is for.
            #[json = "hub_id"]
            hub_id: i32,
            /// The scopes it grants.
            scopes: Vec<String>,
            /// The token itself.
            token: String,
            /// `bearer`.
            #[json = "token_type"]
            token_type: String,
            /// The user who installed the app.
            #[json = "user_id"]
            user_id: i32,
        }
        optional {
            /// The account's domain.
            #[json = "hub_domain"]
            hub_domain: String,
            /// The installing user's email address.
            user: String,
        }
    }

    /// HubSpot's signed description of an access token.
    pub object SignedAccessToken {
        required {
            /// The app.
            app_id: i32,
            /// The app's install in the account.
            app_install_id: String,
            /// Who the token is for.
            audience: String,
            /// When it expires, in milliseconds since the Unix epoch.
            expires_at: i64,
            /// The account.
            hub_id: i32,
            /// The account's data centre.
            hublet: String,
            /// The user who installed the app.
            installing_user_id: i32,
            /// Whether the app is privately distributed.
            is_private_distribution: bool,
            /// Whether the installer is a service account.
            is_service_account: bool,
            /// Whether the token is user-level.
            is_user_level: bool,
            /// A signature.
            new_signature: String,
            /// Scope groups.
            scope_to_scope_group_pks: String,
            /// Space-separated scopes.
            scopes: String,
            /// A signature.
            signature: String,
            /// Trial scope groups.
            trial_scope_to_scope_group_pks: String,
            /// Trial scopes.
            trial_scopes: String,
            /// The user.
            user_id: i32,
        }
    }
}

/// The `2026-09` token and introspection endpoints, which differ from the
/// earlier versions: the token endpoint drops the `client_credentials`
/// grant, and introspection documents only `active`.
pub mod v2026_09 {
    use crate::hubspot_endpoint;

    use super::TokenResponse;

    hubspot_endpoint! {
        /// Exchanges an authorization code or a refresh token for tokens.
        /// HubSpot documents no success response for this version; it answers
        /// as the earlier versions do, a [`TokenResponse`].
        #[auth(none)]
        #[form]
        pub endpoint CreateToken: POST {
            "2026-09" => "/oauth/2026-09/token",
        } {
            required {
                /// Which grant.
                #[json = "grant_type"]
                grant_type: GrantType,
                /// The app's client id.
                #[json = "client_id"]
                client_id: String,
                /// The app's client secret.
                #[json = "client_secret"]
                client_secret: String,
            }
            optional {
                /// The code the authorize step redirected with.
                code: String,
                /// The app's registered redirect URI.
                #[json = "redirect_uri"]
                redirect_uri: String,
                /// The refresh token.
                #[json = "refresh_token"]
                refresh_token: String,
                /// The PKCE code verifier.
                #[json = "code_verifier"]
                code_verifier: String,
                /// Space-separated scopes.
                scope: String,
            }
        } -> 200 TokenResponse;

        /// Tells whether a token is live.
        #[auth(none)]
        #[form]
        pub endpoint IntrospectToken: POST {
            "2026-09" => "/oauth/2026-09/token/introspect",
        } {
            required {
                /// The app's client id.
                #[json = "client_id"]
                client_id: String,
                /// The app's client secret.
                #[json = "client_secret"]
                client_secret: String,
                /// The token.
                token: String,
            }
            optional {
                /// `access_token` or `refresh_token`.
                #[json = "token_type_hint"]
                token_type_hint: String,
            }
        } -> 200 TokenActivity;

        /// An OAuth grant type, as `2026-09` lists them.
        pub enum GrantType {
            /// Exchange an authorization code.
            AuthorizationCode = "authorization_code",
            /// Exchange a refresh token.
            RefreshToken = "refresh_token",
        }

        /// Whether a token is live.
        pub object TokenActivity {
            required {
                /// Whether the token is live.
                active: bool,
            }
        }
    }
}
