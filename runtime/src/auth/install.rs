//! Installing a public app in an account: the authorize URL an account's
//! admin is sent to, and what the code exchange learns.

use std::fmt;

/// HubSpot's authorize step.
pub(crate) const DEFAULT_AUTHORIZE_URL: &str = "https://app.hubspot.com/oauth/authorize";

/// The URL that starts installing the app in an account: send the
/// account's admin there; HubSpot asks them to grant the scopes, then
/// redirects to the app's redirect URI with `code` and `state`, and the app
/// calls [`Client::install`](crate::Client::install) with the code.
///
/// Made by [`Client::authorization_url`](crate::Client::authorization_url);
/// `Display` writes the URL.
///
/// ```
/// # fn run() -> Result<(), hubspot_runtime::Error> {
/// use hubspot_runtime::{Client, OAuthApp};
///
/// let client = Client::builder()
///     .oauth_app(OAuthApp::new("my-client-id", "my-secret", "https://example.com/oauth-callback"))
///     .build()?;
/// let url = client
///     .authorization_url()?
///     .scopes(["conversations.read", "conversations.write"])
///     .optional_scope("conversations.custom_channels.read")
///     .state("csrf-7f3a")
///     .to_string();
/// assert_eq!(
///     url,
///     "https://app.hubspot.com/oauth/authorize?client_id=my-client-id\
///      &redirect_uri=https%3A%2F%2Fexample.com%2Foauth-callback\
///      &scope=conversations.read%20conversations.write\
///      &optional_scope=conversations.custom_channels.read&state=csrf-7f3a"
/// );
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthorizationUrl {
    base: String,
    client_id: String,
    redirect_uri: String,
    scopes: Vec<String>,
    optional_scopes: Vec<String>,
    state: Option<String>,
}

impl AuthorizationUrl {
    pub(crate) fn new(base: &str, client_id: &str, redirect_uri: &str) -> AuthorizationUrl {
        AuthorizationUrl {
            base: base.to_owned(),
            client_id: client_id.to_owned(),
            redirect_uri: redirect_uri.to_owned(),
            scopes: Vec::new(),
            optional_scopes: Vec::new(),
            state: None,
        }
    }

    /// Asks for `scope`; the install fails unless the account grants it.
    pub fn scope(mut self, scope: impl Into<String>) -> AuthorizationUrl {
        self.scopes.push(scope.into());
        self
    }

    /// Asks for each of `scopes`, as [`scope`](AuthorizationUrl::scope).
    pub fn scopes<S: Into<String>>(
        mut self,
        scopes: impl IntoIterator<Item = S>,
    ) -> AuthorizationUrl {
        self.scopes.extend(scopes.into_iter().map(Into::into));
        self
    }

    /// Asks for `scope` if the account has it; an account without it still
    /// installs the app, without the scope.
    pub fn optional_scope(mut self, scope: impl Into<String>) -> AuthorizationUrl {
        self.optional_scopes.push(scope.into());
        self
    }

    /// Asks for each of `scopes` optionally.
    pub fn optional_scopes<S: Into<String>>(
        mut self,
        scopes: impl IntoIterator<Item = S>,
    ) -> AuthorizationUrl {
        self.optional_scopes
            .extend(scopes.into_iter().map(Into::into));
        self
    }

    /// A value HubSpot hands back unchanged on the redirect: bind it to the
    /// admin's session and check it in the callback, against cross-site
    /// request forgery.
    pub fn state(mut self, state: impl Into<String>) -> AuthorizationUrl {
        self.state = Some(state.into());
        self
    }
}

impl fmt::Display for AuthorizationUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut separator = if self.base.contains('?') { '&' } else { '?' };
        f.write_str(&self.base)?;
        let mut pair = |f: &mut fmt::Formatter<'_>, name: &str, value: &str| {
            let encoded =
                percent_encoding::utf8_percent_encode(value, crate::client::QUERY_COMPONENT);
            let result = write!(f, "{separator}{name}={encoded}");
            separator = '&';
            result
        };
        pair(f, "client_id", &self.client_id)?;
        pair(f, "redirect_uri", &self.redirect_uri)?;
        if !self.scopes.is_empty() {
            pair(f, "scope", &self.scopes.join(" "))?;
        }
        if !self.optional_scopes.is_empty() {
            pair(f, "optional_scope", &self.optional_scopes.join(" "))?;
        }
        if let Some(state) = &self.state {
            pair(f, "state", state)?;
        }
        Ok(())
    }
}

/// What [`Client::install`](crate::Client::install) learned about the
/// account that installed the app. Its tokens are in the client's
/// [`TokenStore`](crate::TokenStore).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Installation {
    /// The account (hub id): pass it to [`Client::account`](crate::Client::account).
    pub hub_id: u64,
    /// The scopes the account granted.
    pub scopes: Vec<String>,
}
