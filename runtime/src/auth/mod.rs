//! The credentials a [`Client`](crate::Client) authenticates with, and the
//! OAuth machinery behind them.
//!
//! HubSpot takes three kinds of credentials, and each endpoint declares the
//! ones it accepts ([`AuthScheme`](crate::schema::AuthScheme)):
//!
//! - a **private app's access token**, one static bearer token for one
//!   account ([`ClientBuilder::token`](crate::ClientBuilder::token));
//! - a **public app's OAuth tokens**, one access and refresh token pair per
//!   HubSpot account that installed the app
//!   ([`ClientBuilder::oauth_app`](crate::ClientBuilder::oauth_app)). Access
//!   tokens expire (30 minutes today); the client refreshes them ahead of
//!   expiry, once per account however many requests wait, and keeps them in
//!   a [`TokenStore`];
//! - the app's **developer API key** and app id, for the custom-channel
//!   administration endpoints
//!   ([`ClientBuilder::developer_key`](crate::ClientBuilder::developer_key)).
//!
//! Every secret here is a newtype whose `Debug` and `Display` print `****`.

mod account;
mod install;
mod secret;
mod store;

pub(crate) use account::{Account, Bearer, TOKEN_VERSION, access_tokens, expires_at};
pub(crate) use install::DEFAULT_AUTHORIZE_URL;
pub use install::{AuthorizationUrl, Installation};
pub use secret::{AccessToken, DeveloperApiKey, RefreshToken};

use crate::webhooks::ClientSecret;
pub use store::{
    InMemoryTokenStore, RefreshLock, ReleaseFuture, StoreError, StoreFuture, TokenSet, TokenStore,
};

/// A public app's OAuth settings, from its page in HubSpot's developer
/// account: the client id, the client secret and the redirect URI the app
/// registered.
///
/// ```
/// use hubspot_runtime::OAuthApp;
///
/// let app = OAuthApp::new("client-id", "client-secret", "https://example.com/oauth-callback");
/// assert_eq!(app.client_id(), "client-id");
/// assert!(!format!("{app:?}").contains("client-secret"));
/// ```
#[derive(Clone, Debug)]
pub struct OAuthApp {
    client_id: String,
    client_secret: ClientSecret,
    redirect_uri: String,
}

impl OAuthApp {
    /// The app with `client_id`, `client_secret` and the `redirect_uri` it
    /// registered (the authorize step and the code exchange must send
    /// exactly that URI).
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<ClientSecret>,
        redirect_uri: impl Into<String>,
    ) -> OAuthApp {
        OAuthApp {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            redirect_uri: redirect_uri.into(),
        }
    }

    /// The client id.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The client secret.
    pub fn client_secret(&self) -> &ClientSecret {
        &self.client_secret
    }

    /// The registered redirect URI.
    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }
}

/// A developer account's API key and the id of the app it administers: the
/// `hapikey` and `appId` query parameters of the custom-channel
/// administration endpoints.
///
/// ```
/// use hubspot_runtime::DeveloperKey;
///
/// let key = DeveloperKey::new("dev-key-0123", 123456);
/// assert_eq!(key.app_id(), 123456);
/// assert!(!format!("{key:?}").contains("dev-key"));
/// ```
#[derive(Clone, Debug)]
pub struct DeveloperKey {
    api_key: DeveloperApiKey,
    app_id: u64,
}

impl DeveloperKey {
    /// The key `api_key` for the app `app_id`.
    pub fn new(api_key: impl Into<DeveloperApiKey>, app_id: u64) -> DeveloperKey {
        DeveloperKey {
            api_key: api_key.into(),
            app_id,
        }
    }

    /// The API key.
    pub fn api_key(&self) -> &DeveloperApiKey {
        &self.api_key
    }

    /// The app id.
    pub fn app_id(&self) -> u64 {
        self.app_id
    }
}
