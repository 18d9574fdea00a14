//! HubSpot API versions: numbered (`v3`) and date-based (`2026-03`).

use std::fmt;
use std::str::FromStr;

/// One version of a HubSpot API.
///
/// HubSpot names versions two ways: the older numbered ones (`v3`, `v4`) and
/// the date-based ones that replace them (`2026-03`, `2026-09`). Versions are
/// ordered oldest first: every numbered version sorts before every dated one,
/// numbered versions by number and dated versions by date.
///
/// # Which version a request uses, and what a release may change
///
/// Each declared endpoint lists the versions it has. A request is sent at:
///
/// 1. the version given to [`Client::send_with_version`](crate::Client::send_with_version),
///    exactly (or [`Error::UnsupportedVersion`](crate::Error::UnsupportedVersion));
/// 2. else, when the client is pinned with
///    [`ClientBuilder::api_version`](crate::ClientBuilder::api_version), the
///    endpoint's newest version **not after** the pin (an endpoint whose
///    versions all come later, i.e. one that is new, uses its oldest);
/// 3. else, unpinned, the endpoint's **newest** version.
///
/// An unpinned caller therefore moves to a newer version as soon as a
/// release declares one, and a newer HubSpot version can change fields,
/// behaviour and errors. So adding a newer version to an existing endpoint
/// is a **breaking (major) release** of these crates, never a minor one.
/// A caller who wants to take new versions on their own schedule pins an
/// upper bound: `Client::builder().api_version(ApiVersion::dated(2026, 3))`
/// keeps every endpoint at `2026-03` or older, whatever later releases add.
///
/// ```
/// use hubspot_runtime::ApiVersion;
///
/// let v3: ApiVersion = "v3".parse().unwrap();
/// let march: ApiVersion = "2026-03".parse().unwrap();
/// assert!(v3 < march);
/// assert_eq!(march.to_string(), "2026-03");
/// assert!("2026-13".parse::<ApiVersion>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ApiVersion {
    /// A numbered version such as `v3`.
    Numbered(u16),
    /// A date version such as `2026-03`.
    Dated {
        /// The year, e.g. `2026`.
        year: u16,
        /// The month, `1..=12`.
        month: u8,
    },
}

impl ApiVersion {
    /// `v3`, the numbered version most HubSpot APIs still serve.
    pub const V3: ApiVersion = ApiVersion::Numbered(3);

    /// A date version, `year-month`.
    pub const fn dated(year: u16, month: u8) -> ApiVersion {
        ApiVersion::Dated { year, month }
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiVersion::Numbered(n) => write!(f, "v{n}"),
            ApiVersion::Dated { year, month } => write!(f, "{year:04}-{month:02}"),
        }
    }
}

/// The error returned when a string is not a HubSpot API version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{input}` is not a HubSpot API version: expected `v<number>` (e.g. `v3`) or `YYYY-MM` (e.g. `2026-03`)"
)]
pub struct ParseVersionError {
    input: String,
}

impl FromStr for ApiVersion {
    type Err = ParseVersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_version(s).ok_or_else(|| ParseVersionError {
            input: s.to_owned(),
        })
    }
}

fn parse_version(s: &str) -> Option<ApiVersion> {
    if let Some(number) = s.strip_prefix('v') {
        if number.is_empty() || number.len() > 4 || !number.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return number.parse().ok().map(ApiVersion::Numbered);
    }
    let (year, month) = s.split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    if !year
        .bytes()
        .chain(month.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let year: u16 = year.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    (1..=12)
        .contains(&month)
        .then_some(ApiVersion::Dated { year, month })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_both_kinds() {
        for text in ["v3", "v4", "2026-03", "2026-09", "1999-12"] {
            let version: ApiVersion = text.parse().unwrap();
            assert_eq!(version.to_string(), text);
        }
    }

    #[test]
    fn rejects_malformed_versions() {
        for text in [
            "",
            "v",
            "3",
            "vx",
            "v3.1",
            "2026-3",
            "2026-00",
            "2026-13",
            "26-03",
            "2026_03",
            "2026-03-01",
        ] {
            assert!(text.parse::<ApiVersion>().is_err(), "{text} parsed");
        }
    }

    #[test]
    fn numbered_versions_are_older_than_dated_ones() {
        let mut versions: Vec<ApiVersion> = ["2026-09", "v3", "2026-03", "v4"]
            .iter()
            .map(|v| v.parse().unwrap())
            .collect();
        versions.sort();
        let printed: Vec<String> = versions.iter().map(ToString::to_string).collect();
        assert_eq!(printed, ["v3", "v4", "2026-03", "2026-09"]);
    }
}
