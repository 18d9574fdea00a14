//! The fake's public app: its OAuth settings ([`OAuthApp`]), the tokens it
//! hands out ([`IssuedTokens`]) and the authorize step's errors
//! ([`AuthorizeError`]). The token bookkeeping is in [`tokens`], the HTTP
//! endpoints in [`http`].

pub(crate) mod http;
pub(crate) mod tokens;

use std::fmt;
use std::time::Duration;

/// The scopes the fake's app may ask for by default: those of the APIs the
/// fake serves, and `oauth`.
pub const DEFAULT_SCOPES: &[&str] = &[
    "oauth",
    "conversations.read",
    "conversations.write",
    "conversations.custom_channels.read",
    "conversations.custom_channels.write",
    "conversations.visitor_identification.tokens.create",
];

/// The fake's public app: the one app every account installs. Its client
/// secret is [`FakeConfig::client_secret`](crate::FakeConfig::client_secret),
/// the same secret that signs webhooks (as at HubSpot).
///
/// ```
/// use std::time::Duration;
/// use hubspot_fake::OAuthApp;
///
/// let app = OAuthApp {
///     token_lifetime: Duration::from_secs(2),
///     rotate_refresh_tokens: true,
///     ..OAuthApp::default()
/// };
/// assert_eq!(app.redirect_uri, OAuthApp::DEFAULT_REDIRECT_URI);
/// // The developer API key is never shown by `Debug`.
/// assert!(!format!("{app:?}").contains(&app.developer_key));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct OAuthApp {
    /// The app id: `appId` on developer-key calls, `app_id` in token
    /// introspection, `integrationAppId` on the messages the app posts.
    pub app_id: i32,
    /// The OAuth client id.
    pub client_id: String,
    /// The one redirect URI the app registered; the authorize step and the
    /// code exchange must send exactly this.
    pub redirect_uri: String,
    /// The scopes the app may ask for (as `scope` or `optional_scope`).
    pub scopes: Vec<String>,
    /// The developer API key (`hapikey`) of the app's developer account.
    pub developer_key: String,
    /// How long an access token lives. `expires_in` is sent in whole
    /// seconds, rounded down; use whole seconds.
    pub token_lifetime: Duration,
    /// How long an authorization code can be exchanged.
    pub code_lifetime: Duration,
    /// When on, each refresh answers a new refresh token and the old one
    /// stops working (a replay of it is rejected and counted in
    /// [`AccountStats::rejected_replays`](crate::AccountStats::rejected_replays)).
    /// Off (HubSpot's behaviour), a refresh token stays the same until
    /// revoked.
    pub rotate_refresh_tokens: bool,
    /// When on, the custom-channel administration endpoints (create, list,
    /// get, update, archive a channel) accept only
    /// `hapikey=<developer_key>&appId=<app_id>` query parameters, as
    /// HubSpot's do, and answer a bearer token `401`. When off (the
    /// default), they accept those parameters or any valid bearer token.
    pub require_developer_key: bool,
}

impl OAuthApp {
    /// The client id [`OAuthApp::default`] uses.
    pub const DEFAULT_CLIENT_ID: &'static str = "fake-hubspot-client-id";
    /// The redirect URI [`OAuthApp::default`] uses.
    pub const DEFAULT_REDIRECT_URI: &'static str = "http://localhost:3000/oauth-callback";
    /// The developer API key [`OAuthApp::default`] uses.
    pub const DEFAULT_DEVELOPER_KEY: &'static str = "fake-hubspot-developer-key";
}

impl Default for OAuthApp {
    /// App [`FakeHubSpot::INTEGRATION_APP_ID`](crate::FakeHubSpot::INTEGRATION_APP_ID)
    /// with the `DEFAULT_*` client id, redirect URI and developer key,
    /// [`DEFAULT_SCOPES`], HubSpot's 30-minute access tokens, 5-minute
    /// codes, no refresh-token rotation, and bearer tokens accepted on the
    /// administration endpoints.
    fn default() -> Self {
        OAuthApp {
            app_id: crate::routes::INTEGRATION_APP_ID,
            client_id: OAuthApp::DEFAULT_CLIENT_ID.to_owned(),
            redirect_uri: OAuthApp::DEFAULT_REDIRECT_URI.to_owned(),
            scopes: DEFAULT_SCOPES.iter().map(|s| (*s).to_owned()).collect(),
            developer_key: OAuthApp::DEFAULT_DEVELOPER_KEY.to_owned(),
            token_lifetime: Duration::from_secs(30 * 60),
            code_lifetime: Duration::from_secs(5 * 60),
            rotate_refresh_tokens: false,
            require_developer_key: false,
        }
    }
}

impl fmt::Debug for OAuthApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthApp")
            .field("app_id", &self.app_id)
            .field("client_id", &self.client_id)
            .field("redirect_uri", &self.redirect_uri)
            .field("scopes", &self.scopes)
            .field("developer_key", &"<redacted>")
            .field("token_lifetime", &self.token_lifetime)
            .field("code_lifetime", &self.code_lifetime)
            .field("rotate_refresh_tokens", &self.rotate_refresh_tokens)
            .field("require_developer_key", &self.require_developer_key)
            .finish()
    }
}

/// Tokens handed out by [`FakeHubSpot::install`](crate::FakeHubSpot::install),
/// as the token endpoint would answer them. `Debug` shows neither token.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IssuedTokens {
    /// The bearer token for API calls.
    pub access_token: String,
    /// The token to refresh it with.
    pub refresh_token: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    /// The account the tokens are for.
    pub hub_id: i64,
    /// The scopes granted.
    pub scopes: Vec<String>,
}

impl fmt::Debug for IssuedTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IssuedTokens")
            .field("access_token", &"<redacted>")
            .field("refresh_token", &"<redacted>")
            .field("expires_in", &self.expires_in)
            .field("hub_id", &self.hub_id)
            .field("scopes", &self.scopes)
            .finish()
    }
}

/// Why the authorize step showed an error instead of redirecting: the
/// request cannot be trusted with a redirect (HubSpot shows an error page
/// then). Errors about scopes are redirected to the app with `error=`,
/// as OAuth says.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthorizeError {
    /// `client_id` is missing or not the app's.
    UnknownClient,
    /// `redirect_uri` is missing or not the one the app registered.
    RedirectUriMismatch,
    /// The account asked to install (`hub_id=`) is not one the fake has.
    UnknownAccount(String),
    /// The URL is not an authorize URL (no `/oauth/authorize` path).
    NotAnAuthorizeUrl,
}

impl fmt::Display for AuthorizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthorizeError::UnknownClient => {
                f.write_str("client_id is missing or does not match the app's")
            }
            AuthorizeError::RedirectUriMismatch => f.write_str(
                "redirect_uri is missing or does not match the app's registered redirect URI",
            ),
            AuthorizeError::UnknownAccount(hub) => {
                write!(f, "hub_id {hub} is not an account of this fake")
            }
            AuthorizeError::NotAnAuthorizeUrl => {
                f.write_str("the URL's path is not /oauth/authorize")
            }
        }
    }
}

impl std::error::Error for AuthorizeError {}
