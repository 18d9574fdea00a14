//! Reading and decoding an answer's body.

use bytes::Bytes;
use serde::de::DeserializeOwned;

use super::send::transport_error;

use crate::error::excerpt;
use crate::{DecodeError, Endpoint, Error};

/// Reads `response`'s body, at most `limit` bytes of it: a `Content-Length`
/// above the limit fails before anything is read, and a body without one is
/// read chunk by chunk and abandoned (closing the connection) as soon as it
/// passes the limit. Memory stays bounded by `limit` whatever the server
/// sends.
pub(super) async fn read_body(mut response: reqwest::Response, limit: u64) -> Result<Bytes, Error> {
    let too_large = || Error::ResponseTooLarge { limit };
    if response
        .content_length()
        .is_some_and(|length| length > limit)
    {
        return Err(too_large());
    }
    let fits = |length: usize| u64::try_from(length).is_ok_and(|length| length <= limit);
    // Most answers arrive in one chunk: keep it as it is, without a copy.
    let Some(first) = response.chunk().await.map_err(transport_error)? else {
        return Ok(Bytes::new());
    };
    if !fits(first.len()) {
        return Err(too_large());
    }
    let Some(second) = response.chunk().await.map_err(transport_error)? else {
        return Ok(first);
    };
    let expected = response
        .content_length()
        .and_then(|length| usize::try_from(length).ok())
        .unwrap_or(first.len() + second.len());
    let mut body = Vec::with_capacity(expected);
    body.extend_from_slice(&first);
    drop(first);
    let mut chunk = Some(second);
    while let Some(next) = chunk {
        if !fits(body.len() + next.len()) {
            return Err(too_large());
        }
        body.extend_from_slice(&next);
        chunk = response.chunk().await.map_err(transport_error)?;
    }
    Ok(Bytes::from(body))
}

/// Decodes an answer to a request for endpoint `E`: a `2xx` body into
/// `E::Response` (an empty body as JSON `null`, so `()` takes a `204`), any
/// other status into its [`Error`] variant. This is what
/// [`Client::send`](crate::Client::send) does with each answer; it never panics, whatever the
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
/// #         body: BodyInfo::None, success_status: 200, response: || TypeInfo::Json, scopes: &[], auth: &[],
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
    check_status(status, headers, body)?;
    decode_success(status, body)
}

/// A non-`2xx` answer as its [`Error`] variant; `Ok` for a `2xx`. Not
/// generic, so that the send loop calling it is compiled once.
pub(super) fn check_status(
    status: u16,
    headers: &http::HeaderMap,
    body: &[u8],
) -> Result<(), Error> {
    if (200..300).contains(&status) {
        Ok(())
    } else {
        Err(Error::from_response(status, headers, body))
    }
}

/// Decodes a `2xx` answer's body (an empty one as JSON `null`): the only
/// part of a send that depends on the response type.
pub(super) fn decode_success<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, Error> {
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
