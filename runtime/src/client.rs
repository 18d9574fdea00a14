//! STUB — being replaced by the client/error work.
use crate::{ApiVersion, Endpoint, Error};

/// A HubSpot API client.
#[derive(Clone, Debug)]
pub struct Client {}

impl Client {
    /// Sends `request`, at `version` if given, else the client's default.
    pub async fn send_with_version<E: Endpoint>(
        &self,
        request: &E,
        version: Option<ApiVersion>,
    ) -> Result<E::Response, Error> {
        let _ = (request, version);
        Err(Error::Stub)
    }
}
