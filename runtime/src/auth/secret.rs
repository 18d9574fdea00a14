//! Secrets: values whose `Debug` and `Display` print a redaction, compared
//! in constant time, and read only through `expose_secret`.

use std::fmt;

use subtle::ConstantTimeEq;

/// Declares a secret newtype over a `Box<str>`.
macro_rules! secret {
    ($(#[$doc:meta])* $name:ident, $example:literal) => {
        $(#[$doc])*
        ///
        /// Its `Debug` and `Display` print a redaction, never the value, so
        /// whatever holds it can be logged without leaking it; equality runs
        /// in constant time. Read the value with `expose_secret`.
        ///
        /// ```
        #[doc = concat!("use hubspot_runtime::", stringify!($name), ";")]
        ///
        #[doc = concat!("let secret = ", stringify!($name), "::new(\"", $example, "\");")]
        #[doc = concat!("assert_eq!(format!(\"{secret:?}\"), \"", stringify!($name), "(****)\");")]
        /// assert_eq!(secret.to_string(), "****");
        #[doc = concat!("assert_eq!(secret.expose_secret(), \"", $example, "\");")]
        /// ```
        #[derive(Clone)]
        pub struct $name(Box<str>);

        impl $name {
            /// Wraps `value`.
            pub fn new(value: impl Into<String>) -> $name {
                $name(value.into().into_boxed_str())
            }

            /// The value itself. Every use is a place where it could leak:
            /// do not log it or put it in an error message.
            pub fn expose_secret(&self) -> &str {
                &self.0
            }

            /// Whether the value is empty or only whitespace, which HubSpot
            /// never accepts.
            pub fn is_empty(&self) -> bool {
                self.0.trim().is_empty()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "(****)"))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("****")
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &$name) -> bool {
                self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
            }
        }

        impl Eq for $name {}

        impl From<String> for $name {
            fn from(value: String) -> $name {
                $name::new(value)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> $name {
                $name::new(value)
            }
        }

        impl From<&String> for $name {
            fn from(value: &String) -> $name {
                $name::new(value.as_str())
            }
        }
    };
}

secret!(
    /// A HubSpot access token: a private app's token or an account's OAuth
    /// access token, sent as `Authorization: Bearer <token>`.
    AccessToken,
    "pat-na1-0123456789"
);

secret!(
    /// An account's OAuth refresh token, which the client exchanges for new
    /// access tokens.
    RefreshToken,
    "na1-refresh-0123"
);

secret!(
    /// A developer account's API key, sent as the `hapikey` query parameter
    /// on the custom-channel administration endpoints.
    DeveloperApiKey,
    "dev-key-0123"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_never_shows_the_value() {
        let values = [
            format!("{:?}", AccessToken::from("secret-access")),
            format!("{:#?}", RefreshToken::from("secret-refresh")),
            format!("{:>40}", DeveloperApiKey::from("secret-dev")),
        ];
        for printed in values {
            assert!(!printed.contains("secret"), "{printed}");
        }
    }

    #[test]
    fn equality_compares_the_values() {
        assert_eq!(AccessToken::new("a"), AccessToken::new("a"));
        assert_ne!(AccessToken::new("a"), AccessToken::new("ab"));
        assert!(RefreshToken::new(" ").is_empty());
    }
}
