//! Errors of the state that replicas share (through Redis, with the `redis`
//! feature). Defined whatever the features, so that [`Error`](crate::Error)
//! is the same type with and without them.

use std::fmt;

/// What kind of failure a [`SharedStateError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SharedStateErrorKind {
    /// The server could not be reached, or the connection dropped.
    Unreachable,
    /// The server did not answer in time.
    Timeout,
    /// The server answered with an error (a script error, `NOAUTH`, a full
    /// memory, a read-only replica).
    Server,
    /// The connection settings are wrong (a malformed URL, a key prefix
    /// with a `{`).
    Config,
    /// What the server holds is not what this crate wrote there.
    BadData,
}

/// Shared state (Redis) could not be used. Its text says what failed and
/// how, never a URL, a password or a token.
#[derive(Clone, PartialEq, Eq)]
pub struct SharedStateError {
    kind: SharedStateErrorKind,
    operation: &'static str,
    detail: Box<str>,
}

impl SharedStateError {
    /// A failure of `kind` while doing `operation` (e.g. `"rate limit"`),
    /// described by `detail` (which must not carry a secret).
    pub fn new(
        kind: SharedStateErrorKind,
        operation: &'static str,
        detail: impl Into<Box<str>>,
    ) -> SharedStateError {
        SharedStateError {
            kind,
            operation,
            detail: detail.into(),
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> SharedStateErrorKind {
        self.kind
    }

    /// Whether the server could not be reached (or did not answer in
    /// time): a failure that reconnecting may cure.
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self.kind,
            SharedStateErrorKind::Unreachable | SharedStateErrorKind::Timeout
        )
    }

    /// What the client was doing: `"rate limit"`, `"token store"`,
    /// `"refresh lock"`, `"webhook de-duplication"`, `"connect"`.
    pub fn operation(&self) -> &'static str {
        self.operation
    }
}

impl fmt::Debug for SharedStateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedStateError")
            .field("kind", &self.kind)
            .field("operation", &self.operation)
            .field("detail", &self.detail)
            .finish()
    }
}

impl fmt::Display for SharedStateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            SharedStateErrorKind::Unreachable => "unreachable",
            SharedStateErrorKind::Timeout => "timed out",
            SharedStateErrorKind::Server => "answered with an error",
            SharedStateErrorKind::Config => "is misconfigured",
            SharedStateErrorKind::BadData => "holds data this client did not write",
        };
        write!(
            f,
            "shared state ({}): the server {what}: {}",
            self.operation, self.detail
        )
    }
}

impl std::error::Error for SharedStateError {}
