//! The signatures themselves: what HubSpot hashes for each version, as pure
//! functions over bytes.
//!
//! - v1: hex SHA-256 of `client secret + body`.
//! - v2: hex SHA-256 of `client secret + method + URI + body`.
//! - v3: base64 HMAC-SHA256, keyed with the client secret, of
//!   `method + URI + body + timestamp`, where the URI has the characters
//!   HubSpot lists percent-decoded (see [`v3_uri`]).

use std::borrow::Cow;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

/// Length of a SHA-256 digest, in bytes.
pub(crate) const DIGEST_LEN: usize = 32;

/// The characters whose percent-escapes HubSpot decodes in the request URI
/// before computing a v3 signature (its docs list exactly these twelve).
const V3_DECODED: &[u8] = b":/?@!$'()*,;";

/// The request URI as HubSpot hashes it for v3: every `%XX` escape (either
/// hex case) of a character in `: / ? @ ! $ ' ( ) * , ;` decoded, everything
/// else (other escapes included) left as it is.
pub(crate) fn v3_uri(uri: &str) -> Cow<'_, [u8]> {
    let bytes = uri.as_bytes();
    if !bytes.contains(&b'%') {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).and_then(|b| hex_value(*b)),
                bytes.get(i + 2).and_then(|b| hex_value(*b)),
            )
        {
            let decoded = (hi << 4) | lo;
            if V3_DECODED.contains(&decoded) {
                out.push(decoded);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Cow::Owned(out)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// A keyed HMAC-SHA256 over the v3 source string, ready to finalize or
/// verify. `None` only if the HMAC implementation refused the key, which it
/// never does (HMAC takes keys of any length).
fn v3_mac(
    secret: &[u8],
    method: &str,
    uri: &str,
    body: &[u8],
    timestamp: &str,
) -> Option<HmacSha256> {
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(secret).ok()?;
    mac.update(method.as_bytes());
    mac.update(&v3_uri(uri));
    mac.update(body);
    mac.update(timestamp.as_bytes());
    Some(mac)
}

/// The v3 signature, base64-encoded as HubSpot sends it.
pub(crate) fn v3(secret: &[u8], method: &str, uri: &str, body: &[u8], timestamp: &str) -> String {
    match v3_mac(secret, method, uri, body, timestamp) {
        Some(mac) => STANDARD.encode(mac.finalize().into_bytes()),
        None => String::new(),
    }
}

/// Whether `tag` (decoded from base64) is the v3 signature; constant-time.
pub(crate) fn v3_matches(
    secret: &[u8],
    method: &str,
    uri: &str,
    body: &[u8],
    timestamp: &str,
    tag: &[u8],
) -> bool {
    v3_mac(secret, method, uri, body, timestamp).is_some_and(|mac| mac.verify_slice(tag).is_ok())
}

/// The v1 digest: SHA-256 of `secret + body`.
pub(crate) fn v1_digest(secret: &[u8], body: &[u8]) -> [u8; DIGEST_LEN] {
    let mut hash = Sha256::new();
    hash.update(secret);
    hash.update(body);
    hash.finalize().into()
}

/// The v2 digest: SHA-256 of `secret + method + uri + body`.
pub(crate) fn v2_digest(secret: &[u8], method: &str, uri: &str, body: &[u8]) -> [u8; DIGEST_LEN] {
    let mut hash = Sha256::new();
    hash.update(secret);
    hash.update(method.as_bytes());
    hash.update(uri.as_bytes());
    hash.update(body);
    hash.finalize().into()
}

/// Constant-time equality of a computed digest and one read from a header.
pub(crate) fn digest_matches(expected: &[u8; DIGEST_LEN], given: &[u8; DIGEST_LEN]) -> bool {
    expected.ct_eq(given).into()
}

/// Lower-case hex, as HubSpot sends v1 and v2 signatures.
pub(crate) fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// A 64-digit hex string (either case) as a digest; `None` otherwise.
pub(crate) fn from_hex(text: &str) -> Option<[u8; DIGEST_LEN]> {
    let bytes = text.as_bytes();
    if bytes.len() != DIGEST_LEN * 2 {
        return None;
    }
    let mut out = [0u8; DIGEST_LEN];
    for (slot, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        *slot = (hex_value(pair[0])? << 4) | hex_value(pair[1])?;
    }
    Some(out)
}

/// Standard base64 (padding optional) as bytes; `None` if it is not base64.
pub(crate) fn from_base64(text: &str) -> Option<Vec<u8>> {
    let trimmed = text.trim_end_matches('=');
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(trimmed)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v3_uri_decodes_exactly_the_listed_characters() {
        assert_eq!(
            &*v3_uri("https://example.com/a%3Ab%2fc?x=%40%21%24%27%28%29%2A%2c%3B%3f"),
            b"https://example.com/a:b/c?x=@!$'()*,;?"
        );
        // Not in HubSpot's list: left encoded.
        assert_eq!(
            &*v3_uri("https://example.com/a%20b?q=%3D%26%25%2B%23"),
            b"https://example.com/a%20b?q=%3D%26%25%2B%23"
        );
        // Truncated or non-hex escapes are not escapes.
        assert_eq!(&*v3_uri("/x%3"), b"/x%3");
        assert_eq!(&*v3_uri("/x%G1%"), b"/x%G1%");
        // Decoding is a single pass: `%253A` is `%25` then `3A`.
        assert_eq!(&*v3_uri("/%253A"), b"/%253A");
        assert!(matches!(v3_uri("/plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn hex_round_trips_and_rejects_bad_input() {
        let digest = v1_digest(b"s", b"body");
        assert_eq!(from_hex(&to_hex(&digest)), Some(digest));
        assert_eq!(from_hex(&to_hex(&digest).to_uppercase()), Some(digest));
        assert_eq!(from_hex("abc"), None);
        assert_eq!(from_hex(&"g".repeat(64)), None);
        // Multi-byte characters never index mid-character.
        assert_eq!(from_hex(&"é".repeat(32)), None);
    }

    #[test]
    fn base64_accepts_padding_or_not() {
        assert_eq!(from_base64("AAEC"), Some(vec![0, 1, 2]));
        assert_eq!(from_base64("AAE="), Some(vec![0, 1]));
        assert_eq!(from_base64("AAE"), Some(vec![0, 1]));
        assert_eq!(from_base64("not base64!"), None);
    }
}
