//! Path parameters: percent-decoding and integer checks.

use crate::errors::ErrorDetail;
use crate::validate::{INVALID_FORMAT, INVALID_TYPE, REQUIRED_FIELD};

/// Decodes `%XX` escapes in a path segment; malformed escapes are kept as
/// they are and invalid UTF-8 is replaced, so this never fails.
pub(crate) fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|c| hex(*c)),
                bytes.get(i + 2).and_then(|c| hex(*c)),
            )
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(byte);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Parses an `integer` path parameter (`format: int32` or `int64`).
fn parse_integer(raw: &str, name: &str, bits: u32) -> Result<i64, ErrorDetail> {
    if raw.is_empty() {
        return Err(ErrorDetail::new(
            REQUIRED_FIELD,
            name,
            format!("Path parameter '{name}' is required"),
        ));
    }
    let looks_numeric = {
        let digits = raw.strip_prefix('-').unwrap_or(raw);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    };
    if !looks_numeric {
        return Err(ErrorDetail::new(
            INVALID_TYPE,
            name,
            format!("Path parameter '{name}' must be an integer ({bits}-bit), got '{raw}'"),
        ));
    }
    let parsed = raw
        .parse::<i64>()
        .ok()
        .filter(|n| bits == 64 || i32::try_from(*n).is_ok());
    parsed.ok_or_else(|| {
        ErrorDetail::new(
            INVALID_FORMAT,
            name,
            format!("Path parameter '{name}' must be a {bits}-bit signed integer, got '{raw}'"),
        )
    })
}

/// Parses a `format: int32` path parameter.
pub(crate) fn parse_int32(raw: &str, name: &str) -> Result<i32, ErrorDetail> {
    parse_integer(raw, name, 32).map(|n| i32::try_from(n).unwrap_or_default())
}

/// Parses a `format: int64` path parameter.
pub(crate) fn parse_int64(raw: &str, name: &str) -> Result<i64, ErrorDetail> {
    parse_integer(raw, name, 64)
}

/// Checks a `type: string` path parameter is present.
pub(crate) fn require_string(raw: &str, name: &str) -> Result<(), ErrorDetail> {
    if raw.is_empty() {
        Err(ErrorDetail::new(
            REQUIRED_FIELD,
            name,
            format!("Path parameter '{name}' is required"),
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        assert_eq!(percent_decode("a%2Fb%20c"), "a/b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%e2%82%ac"), "%zz€");
        assert_eq!(percent_decode("%ff"), "\u{fffd}");
    }

    #[test]
    fn integers() {
        assert_eq!(parse_int32("123", "c").ok(), Some(123));
        assert_eq!(parse_int32("-1", "c").ok(), Some(-1));
        assert_eq!(
            parse_int32("2147483648", "c").unwrap_err().code,
            INVALID_FORMAT
        );
        assert_eq!(parse_int32("12a", "c").unwrap_err().code, INVALID_TYPE);
        assert_eq!(parse_int32("", "c").unwrap_err().code, REQUIRED_FIELD);
        assert_eq!(parse_int64("9223372036854775807", "t").ok(), Some(i64::MAX));
        assert_eq!(
            parse_int64("9223372036854775808", "t").unwrap_err().code,
            INVALID_FORMAT
        );
        assert_eq!(parse_int64("-", "t").unwrap_err().code, INVALID_TYPE);
    }
}
