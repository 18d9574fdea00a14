//! Credentials the [`Client`](crate::Client) authenticates with.

use std::fmt;

/// A HubSpot access token: a private app's token or an OAuth access token.
///
/// The [`Client`](crate::Client) sends it as `Authorization: Bearer <token>`.
/// Its `Debug` and `Display` print a redaction, never the token, so a client,
/// builder or error can be logged without leaking it; read the token itself
/// with [`AccessToken::expose_secret`].
///
/// ```
/// use hubspot_runtime::AccessToken;
///
/// let token = AccessToken::new("pat-na1-0123456789");
/// assert_eq!(format!("{token:?}"), "AccessToken(****)");
/// assert_eq!(token.to_string(), "****");
/// assert_eq!(token.expose_secret(), "pat-na1-0123456789");
/// ```
#[derive(Clone)]
pub struct AccessToken(String);

impl AccessToken {
    /// Wraps `token`.
    ///
    /// ```
    /// # use hubspot_runtime::AccessToken;
    /// let token = AccessToken::new(String::from("pat-na1-0123456789"));
    /// assert!(!token.is_empty());
    /// ```
    pub fn new(token: impl Into<String>) -> AccessToken {
        AccessToken(token.into())
    }

    /// The token itself. Every use is a place where it could leak: do not log
    /// it or put it in an error message.
    ///
    /// ```
    /// # use hubspot_runtime::AccessToken;
    /// let token = AccessToken::new("pat-na1-0123456789");
    /// assert!(token.expose_secret().starts_with("pat-"));
    /// ```
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// Whether the token is empty or only whitespace, which HubSpot never
    /// accepts.
    ///
    /// ```
    /// # use hubspot_runtime::AccessToken;
    /// assert!(AccessToken::new("  ").is_empty());
    /// assert!(!AccessToken::new("pat-na1-0123456789").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(****)")
    }
}

impl fmt::Display for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("****")
    }
}

impl From<String> for AccessToken {
    fn from(token: String) -> AccessToken {
        AccessToken(token)
    }
}

impl From<&str> for AccessToken {
    fn from(token: &str) -> AccessToken {
        AccessToken(token.to_owned())
    }
}

impl From<&String> for AccessToken {
    fn from(token: &String) -> AccessToken {
        AccessToken(token.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_never_shows_the_token() {
        let token = AccessToken::from("secret-token-value");
        for printed in [
            format!("{token:?}"),
            format!("{token:#?}"),
            format!("{token}"),
            format!("{token:>40}"),
        ] {
            assert!(!printed.contains("secret"), "{printed}");
        }
    }
}
