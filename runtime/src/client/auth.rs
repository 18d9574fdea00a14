//! Which credentials a request goes with, account handles, and installing
//! the app in an account.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use reqwest::header::HeaderValue;

use super::Client;
use crate::auth::{
    AccessToken, Account, AuthorizationUrl, DeveloperKey, Installation, OAuthApp, RefreshToken,
    TokenSet, TokenStore,
};
use crate::error::MissingCredentials;
use crate::oauth::{CreateToken, GrantType, IntrospectToken, TokenInfo};
use crate::rate_limit::{BudgetId, Limiter, Sharing};
use crate::schema::{AuthScheme, EndpointInfo};
use crate::{Error, RateLimit};

/// The credentials a client holds; any of them may be absent.
pub(crate) struct Credentials {
    pub(crate) private_app: Option<PrivateApp>,
    pub(crate) oauth: Option<OAuth>,
    pub(crate) developer: Option<Developer>,
}

/// A private app's static token.
pub(crate) struct PrivateApp {
    pub(crate) token: AccessToken,
    /// `Bearer <token>`, marked sensitive.
    pub(crate) header: HeaderValue,
}

/// A public app: its settings, where its accounts' tokens live, and the
/// accounts this client has served.
pub(crate) struct OAuth {
    pub(crate) app: OAuthApp,
    pub(crate) store: Arc<dyn TokenStore>,
    pub(crate) authorize_url: String,
    pub(crate) account_rate_limit: RateLimit,
    pub(crate) max_concurrent: usize,
    /// Whether the accounts' budgets are shared with other replicas.
    pub(crate) sharing: Sharing,
    pub(crate) accounts: Mutex<HashMap<u64, Arc<Account>>>,
}

impl OAuth {
    /// The state of account `hub_id`, made on first use.
    fn account(&self, hub_id: u64) -> Arc<Account> {
        let mut accounts = self.accounts.lock().unwrap_or_else(|p| p.into_inner());
        Arc::clone(accounts.entry(hub_id).or_insert_with(|| {
            Arc::new(Account::new(
                hub_id,
                Limiter::for_budget(
                    self.account_rate_limit,
                    self.max_concurrent,
                    &self.sharing,
                    BudgetId::Account(hub_id),
                ),
            ))
        }))
    }
}

/// The developer API key, with the budget of the developer account's
/// requests.
pub(crate) struct Developer {
    pub(crate) key: DeveloperKey,
    pub(crate) limiter: Limiter,
}

/// What one request authenticates with.
pub(crate) enum Auth<'a> {
    /// Nothing (HubSpot's OAuth endpoints).
    None,
    /// A private app's token.
    PrivateApp(&'a PrivateApp),
    /// An account's OAuth access token.
    Account(&'a Account, &'a OAuth),
    /// The developer API key, in the query string.
    DeveloperKey(&'a Developer),
}

impl Auth<'_> {
    pub(crate) fn scheme(&self) -> &'static str {
        match self {
            Auth::None => "none",
            Auth::PrivateApp(_) => AuthScheme::PrivateApp.as_str(),
            Auth::Account(..) => AuthScheme::OAuth.as_str(),
            Auth::DeveloperKey(_) => AuthScheme::DeveloperKey.as_str(),
        }
    }
}

impl Client {
    /// The credentials a request to `info` goes with: the first of an
    /// account's OAuth token (on an account handle), the private app's token
    /// and the developer key that the endpoint accepts and the client holds.
    pub(crate) fn auth_for(&self, info: &'static EndpointInfo) -> Result<Auth<'_>, Error> {
        if info.auth.is_empty() {
            return Ok(Auth::None);
        }
        let credentials = &self.inner.credentials;
        let accepts = |scheme| info.auth.contains(&scheme);
        if accepts(AuthScheme::OAuth)
            && let (Some(account), Some(oauth)) = (&self.account, &credentials.oauth)
        {
            return Ok(Auth::Account(account, oauth));
        }
        if accepts(AuthScheme::PrivateApp)
            && let Some(private_app) = &credentials.private_app
        {
            return Ok(Auth::PrivateApp(private_app));
        }
        if accepts(AuthScheme::DeveloperKey)
            && let Some(developer) = &credentials.developer
        {
            return Ok(Auth::DeveloperKey(developer));
        }
        let reason = if accepts(AuthScheme::OAuth) && credentials.oauth.is_some() {
            "the client holds an OAuth app, but OAuth tokens belong to an account: \
             send through client.account(hub_id)"
        } else {
            "the client holds none of them"
        };
        Err(Error::MissingCredentials(Box::new(MissingCredentials {
            endpoint: info.name,
            accepts: info.auth,
            reason,
        })))
    }

    /// The same client, sending as HubSpot account `hub_id` with the OAuth
    /// tokens the app got when that account installed it (see
    /// [`install`](Client::install)). Cheap: every handle shares the
    /// client's connection pool, and each account has one state (tokens,
    /// refresh, rate-limit budget) however many handles there are.
    ///
    /// Requests to endpoints that take OAuth tokens count against the
    /// account's own budget ([`ClientBuilder::account_rate_limit`]), so an
    /// account at its limit never delays another. Endpoints that take only
    /// the developer key still use it.
    ///
    /// Without an OAuth app the handle has no OAuth tokens to send: its
    /// requests use the client's other credentials, or fail with
    /// [`Error::MissingCredentials`].
    ///
    /// [`ClientBuilder::account_rate_limit`]: crate::ClientBuilder::account_rate_limit
    ///
    /// ```
    /// use hubspot_runtime::{Client, OAuthApp};
    ///
    /// let client = Client::builder()
    ///     .oauth_app(OAuthApp::new("client-id", "secret", "https://example.com/callback"))
    ///     .build()?;
    /// let account = client.account(101);
    /// assert_eq!(account.hub_id(), Some(101));
    /// assert_eq!(client.hub_id(), None);
    /// # Ok::<(), hubspot_runtime::Error>(())
    /// ```
    pub fn account(&self, hub_id: u64) -> Client {
        let account = self
            .inner
            .credentials
            .oauth
            .as_ref()
            .map(|oauth| oauth.account(hub_id))
            .unwrap_or_else(|| {
                Arc::new(Account::new(
                    hub_id,
                    Limiter::new(self.inner.rate_limit, self.inner.limiter.max_concurrent()),
                ))
            });
        Client {
            inner: Arc::clone(&self.inner),
            account: Some(account),
        }
    }

    /// The account this handle sends as, if it is one
    /// ([`account`](Client::account)).
    pub fn hub_id(&self) -> Option<u64> {
        self.account.as_ref().map(|account| account.hub_id())
    }

    /// The URL that starts installing the app in an account; add scopes and
    /// a `state`, and send the account's admin there.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when the client holds no OAuth app.
    pub fn authorization_url(&self) -> Result<AuthorizationUrl, Error> {
        let oauth = self.oauth("authorization_url")?;
        Ok(AuthorizationUrl::new(
            &oauth.authorize_url,
            oauth.app.client_id(),
            oauth.app.redirect_uri(),
        ))
    }

    /// Finishes installing the app in an account: exchanges the `code` that
    /// HubSpot's redirect brought to the app's redirect URI for the
    /// account's tokens, asks HubSpot which account and scopes they are for
    /// (introspection), and saves them in the token store. From then on
    /// `client.account(installation.hub_id)` sends as that account. An
    /// account that installs again replaces its tokens (and works again
    /// after [`Error::ReauthorizationRequired`]).
    ///
    /// # Errors
    ///
    /// [`Error::Config`] without an OAuth app; the token endpoint's error
    /// (e.g. [`Error::Validation`] for a code that is invalid, expired or
    /// used) or a transport error; [`Error::TokenStore`] when saving fails.
    pub async fn install(&self, code: &str) -> Result<Installation, Error> {
        let oauth = self.oauth("install")?;
        let app = &oauth.app;
        let exchange = CreateToken::builder()
            .grant_type(GrantType::AuthorizationCode)
            .client_id(app.client_id())
            .client_secret(app.client_secret().expose_secret())
            .code(code)
            .redirect_uri(app.redirect_uri())
            .build();
        let tokens = crate::auth::access_tokens(
            send_boxed(self, &exchange, crate::auth::TOKEN_VERSION).await?,
        )?;
        let expires_at = crate::auth::expires_at(tokens.expires_in);
        let introspect = IntrospectToken::builder()
            .client_id(app.client_id())
            .client_secret(app.client_secret().expose_secret())
            .token(tokens.access_token.as_str())
            .token_type_hint("access_token")
            .build();
        let info = match send_boxed(self, &introspect, crate::auth::TOKEN_VERSION).await? {
            TokenInfo::AccessToken(info) if info.active => info,
            _ => {
                return Err(Error::invalid_response(
                    "introspection did not describe the new access token as live",
                ));
            }
        };
        let hub_id = u64::try_from(info.hub_id)
            .map_err(|_| Error::invalid_response("introspection answered a negative hub id"))?;
        let set = TokenSet {
            hub_id,
            access_token: AccessToken::new(tokens.access_token),
            refresh_token: RefreshToken::new(tokens.refresh_token),
            expires_at,
            scopes: info.scopes.clone(),
            version: oauth
                .store
                .load(hub_id)
                .await
                .map_err(|error| Error::TokenStore(Box::new(error)))?
                .map_or(1, |previous| previous.version + 1),
        };
        oauth
            .store
            .save(&set, None)
            .await
            .map_err(|error| Error::TokenStore(Box::new(error)))?;
        oauth.account(hub_id).installed(set)?;
        tracing::info!(hub_id, "the app was installed in the account");
        Ok(Installation {
            hub_id,
            scopes: info.scopes,
        })
    }

    fn oauth(&self, what: &str) -> Result<&OAuth, Error> {
        self.inner.credentials.oauth.as_ref().ok_or_else(|| {
            Error::config(format!(
                "Client::{what} needs an OAuth app: call ClientBuilder::oauth_app"
            ))
        })
    }
}

/// Sends an OAuth request from inside a send (a refresh happens while a
/// request waits for its token): boxed, so that the future's type does not
/// contain itself.
pub(crate) fn send_boxed<'a, E: crate::Endpoint + Sync>(
    client: &'a Client,
    request: &'a E,
    version: crate::ApiVersion,
) -> Pin<Box<dyn Future<Output = Result<E::Response, Error>> + Send + 'a>>
where
    E::Response: Send,
{
    Box::pin(client.send_with_version(request, Some(version)))
}
