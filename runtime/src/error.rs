//! STUB
/// Errors.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// stub
    #[error("stub")]
    Stub,
}
