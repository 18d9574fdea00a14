//! Reading and decoding an answer's body.

use serde::de::DeserializeOwned;

use crate::error::excerpt;
use crate::{DecodeError, Endpoint, Error};

/// Decodes an answer to a request for endpoint `E`: a `2xx` body into
/// `E::Response` (an empty body as JSON `null`, so `()` takes a `204`), any
/// other status into its [`Error`] variant. This is what
/// [`Client::send`] does with each answer; it never panics, whatever the
/// bytes.
///
/// ```
/// use hubspot_runtime::Error;
/// use hubspot_runtime::__private::decode_response;
/// # use hubspot_runtime::{Endpoint, schema::*};
/// # struct Probe;
/// # impl Endpoint for Probe {
/// #     type Response = Vec<u32>;
/// #     const INFO: &'static EndpointInfo = &EndpointInfo {
/// #         name: "Probe", method: Method::Get, paths: &[], path_params: &[], query_params: &[],
/// #         body: BodyInfo::None, success_status: 200, response: || TypeInfo::Json, scopes: &[],
/// #     };
/// #     fn __path(&self, _: usize) -> String { String::new() }
/// #     fn body(&self) -> Result<Option<Vec<u8>>, serde_json::Error> { Ok(None) }
/// # }
/// let headers = http::HeaderMap::new();
/// assert_eq!(decode_response::<Probe>(200, &headers, b"[1, 2]").unwrap(), [1, 2]);
/// assert!(matches!(decode_response::<Probe>(200, &headers, b"[1, "), Err(Error::Decode(_))));
/// assert!(matches!(decode_response::<Probe>(503, &headers, b""), Err(Error::Server(_))));
/// ```
///
/// # Errors
///
/// [`Error::Decode`] for a `2xx` body that does not decode; the status
/// variant for any other status.
pub fn decode_response<E: Endpoint>(
    status: u16,
    headers: &http::HeaderMap,
    body: &[u8],
) -> Result<E::Response, Error> {
    decode_parts(status, headers, body)
}

pub(super) fn decode_parts<T: DeserializeOwned>(
    status: u16,
    headers: &http::HeaderMap,
    body: &[u8],
) -> Result<T, Error> {
    if !(200..300).contains(&status) {
        return Err(Error::from_response(status, headers, body));
    }
    let json: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        body
    };
    serde_json::from_slice(json).map_err(|source| {
        Error::Decode(Box::new(DecodeError {
            status,
            excerpt: excerpt(body),
            source,
        }))
    })
}
