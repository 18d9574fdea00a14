//! Just enough date-time handling for the fake, without a date crate:
//! checking RFC 3339 strings and formatting "now".

use std::time::{SystemTime, UNIX_EPOCH};

/// Whether `s` is an RFC 3339 `date-time`, e.g. `2026-03-01T12:30:00Z` or
/// `2026-03-01T12:30:00.123+02:00` (the OpenAPI `format: date-time`).
pub(crate) fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    // YYYY-MM-DDTHH:MM:SS is 19 bytes, plus at least "Z".
    if b.len() < 20 || !b.is_ascii() {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let mut n = 0u32;
        for &c in b.get(range)? {
            if !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + u32::from(c - b'0');
        }
        Some(n)
    };
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        digits(0..4),
        digits(5..7),
        digits(8..10),
        digits(11..13),
        digits(14..16),
        digits(17..19),
    ) else {
        return false;
    };
    if b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't')
        || b[13] != b':'
        || b[16] != b':'
    {
        return false;
    }
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return false;
    }
    let mut rest = &b[19..];
    if let Some((&b'.', frac)) = rest.split_first() {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            let all_digits = [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit());
            all_digits
                && u32::from(*h1 - b'0') * 10 + u32::from(*h2 - b'0') <= 23
                && u32::from(*m1 - b'0') * 10 + u32::from(*m2 - b'0') <= 59
        }
        _ => false,
    }
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The current time as an RFC 3339 UTC string with milliseconds, the way
/// HubSpot formats timestamps (`2026-03-01T12:30:00.123Z`).
pub(crate) fn now_rfc3339() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format_unix_millis(since.as_millis())
}

/// Formats milliseconds since the Unix epoch as an RFC 3339 UTC string.
pub(crate) fn format_unix_millis(millis: u128) -> String {
    let secs = millis / 1000;
    let ms = millis % 1000;
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{ms:03}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a (year, month, day) civil date
/// (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    // `d` is in 1..=31 and `m` in 1..=12 by construction.
    (
        y,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_rfc3339() {
        for s in [
            "2026-03-01T12:30:00Z",
            "2026-03-01T12:30:00.123Z",
            "2026-03-01t12:30:00z",
            "2024-02-29T00:00:00+02:00",
            "2026-12-31T23:59:60-11:30",
        ] {
            assert!(is_rfc3339(s), "{s}");
        }
    }

    #[test]
    fn rejects_non_rfc3339() {
        for s in [
            "",
            "2026-03-01",
            "2026-03-01 12:30:00Z",
            "2026-03-01T12:30:00",
            "2026-13-01T12:30:00Z",
            "2025-02-29T12:30:00Z",
            "2026-03-01T24:30:00Z",
            "2026-03-01T12:30:00.Z",
            "2026-03-01T12:30:00+0200",
            "1700000000000",
            "2026-03-01T12:30:00Zé",
        ] {
            assert!(!is_rfc3339(s), "{s}");
        }
    }

    #[test]
    fn formats_epoch_millis() {
        assert_eq!(format_unix_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            format_unix_millis(1_709_251_200_123),
            "2024-03-01T00:00:00.123Z"
        );
        assert!(is_rfc3339(&now_rfc3339()));
    }
}
