//! Request URLs: the base URL checked once, then per request the base's
//! path prefix, the endpoint's path and the percent-encoded query.

use std::fmt::{self, Write as _};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::Client;
use crate::Error;
use crate::endpoint::Query;
use crate::schema::EndpointInfo;

impl Client {
    /// `base_url + path + ?query`, refusing paths a URL would rewrite.
    pub(super) fn url(
        &self,
        info: &EndpointInfo,
        path: &str,
        query: &Query,
    ) -> Result<reqwest::Url, Error> {
        if let Some(segment) = path.split('/').find(|segment| is_dot_segment(segment)) {
            return Err(Error::invalid_request(format!(
                "{}: the path {path:?} has a segment {segment:?}, which a URL cannot carry",
                info.name
            )));
        }
        let mut url = self.inner.base.clone();
        let prefix = url.path().trim_end_matches('/');
        let mut full_path = String::with_capacity(prefix.len() + path.len() + 1);
        full_path.push_str(prefix);
        if !path.starts_with('/') {
            full_path.push('/');
        }
        full_path.push_str(path);
        url.set_path(&full_path);
        if !query.pairs().is_empty() {
            let mut text = String::new();
            for (i, (name, value)) in query.pairs().iter().enumerate() {
                if i > 0 {
                    text.push('&');
                }
                percent_encode(name, &mut text);
                text.push('=');
                percent_encode(value, &mut text);
            }
            url.set_query(Some(&text));
        }
        Ok(url)
    }
}

/// Whether a URL parser would treat `segment` as `.` or `..` and rewrite the
/// path (WHATWG URLs also decode `%2e` for this).
fn is_dot_segment(segment: &str) -> bool {
    let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
    decoded == "." || decoded == ".."
}

/// The bytes a path parameter's value keeps as they are when it becomes
/// one path segment: RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`).
/// Everything else is percent-encoded, UTF-8 byte by byte: `/`, `?` and `#`
/// so that an id cannot change the request's path, `%` so that an id is
/// never decoded into something else, and also the sub-delimiters RFC 3986
/// would allow (`;`, `,`, `=`, ...), which some proxies and servers give
/// meanings of their own.
pub(crate) const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The bytes a query parameter's name or value keeps as they are: RFC 3986's
/// unreserved characters. Everything else is percent-encoded, UTF-8 byte by
/// byte: `&`, `=` and `#` so that a value cannot add parameters or end the
/// query, `+` so that it is not read as a space (form decoding), and `%` so
/// that a value is never decoded into something else.
pub(crate) const QUERY_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Appends `text` percent-encoded as a query component ([`QUERY_COMPONENT`]).
fn percent_encode(text: &str, out: &mut String) {
    out.extend(utf8_percent_encode(text, QUERY_COMPONENT));
}

/// A path parameter's value, percent-encoded as one path segment
/// (the `PATH_SEGMENT` set) when displayed, so that a `/` or `?` in an id cannot
/// change the request's path. Generated path code formats each parameter
/// through it.
pub struct PathSegment<'a, T: ?Sized>(pub &'a T);

impl<T: fmt::Display + ?Sized> fmt::Display for PathSegment<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// Encodes what the value writes, piece by piece, without buffering
        /// it (percent-encoding works byte by byte, so pieces need not be
        /// whole characters' worth of anything but `str`).
        struct Encoder<'a, 'b>(&'a mut fmt::Formatter<'b>);
        impl fmt::Write for Encoder<'_, '_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                utf8_percent_encode(s, PATH_SEGMENT).try_for_each(|piece| self.0.write_str(piece))
            }
        }
        write!(Encoder(f), "{}", self.0)
    }
}

/// Checks that `base_url` is an absolute `http(s)` URL without query,
/// fragment or credentials; returns it without a trailing `/`.
pub(super) fn validate_base_url(base_url: &str) -> Result<String, Error> {
    let invalid = |why: &str| Error::config(format!("the base URL {base_url:?} {why}"));
    let url = reqwest::Url::parse(base_url)
        .map_err(|error| invalid(&format!("is not a URL: {error}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("is not an http or https URL"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("has no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::config(
            "the base URL has credentials in it; use ClientBuilder::token instead".to_owned(),
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("has a query or fragment"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::testing::info;
    use crate::schema::VersionedPath;

    #[test]
    fn request_urls_keep_the_base_path_and_encode_path_and_query() {
        static NONE: [VersionedPath; 0] = [];
        let mut query = Query::default();
        query.push_str("after", "a b&c=d/é".to_owned());
        query.push("limit", &10_i32);
        for (base, expected) in [
            (
                "http://127.0.0.1:4010",
                "http://127.0.0.1:4010/conversations/v3/threads/7%20x?after=a%20b%26c%3Dd%2F%C3%A9&limit=10",
            ),
            (
                "https://proxy.example/hubspot/",
                "https://proxy.example/hubspot/conversations/v3/threads/7%20x?after=a%20b%26c%3Dd%2F%C3%A9&limit=10",
            ),
        ] {
            let client = Client::builder()
                .token("pat-na1-0123456789")
                .base_url(base)
                .build()
                .unwrap();
            let url = client
                .url(&info(&NONE), "/conversations/v3/threads/7 x", &query)
                .unwrap();
            assert_eq!(url.as_str(), expected);
            let url = client
                .url(&info(&NONE), "conversations/v3/threads", &Query::default())
                .unwrap();
            assert_eq!(url.query(), None);
            assert!(url.path().ends_with("/conversations/v3/threads"), "{url}");
        }
    }

    #[test]
    fn base_urls_are_validated_and_normalized() {
        assert_eq!(
            validate_base_url("https://api.hubapi.com/").unwrap(),
            "https://api.hubapi.com"
        );
        assert_eq!(
            validate_base_url("http://127.0.0.1:9/prefix/").unwrap(),
            "http://127.0.0.1:9/prefix"
        );
        for bad in [
            "",
            "api.hubapi.com",
            "ftp://x",
            "file:///tmp",
            "https://u:p@x",
            "https://x/?a=1",
            "https://x/#f",
        ] {
            assert!(
                matches!(validate_base_url(bad), Err(Error::Config(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn dot_segments_are_detected() {
        for dot in [".", "..", "%2e", "%2E%2e", ".%2E"] {
            assert!(is_dot_segment(dot), "{dot}");
        }
        for fine in ["", "a.b", "...", "%2e%2e%2e", "v3"] {
            assert!(!is_dot_segment(fine), "{fine}");
        }
    }

    #[test]
    fn query_components_are_percent_encoded() {
        let mut out = String::new();
        percent_encode("a b&c=d/é~", &mut out);
        assert_eq!(out, "a%20b%26c%3Dd%2F%C3%A9~");
        let mut out = String::new();
        percent_encode("+%#?;,", &mut out);
        assert_eq!(out, "%2B%25%23%3F%3B%2C");
    }

    #[test]
    fn path_segments_are_percent_encoded() {
        assert_eq!(PathSegment(&42).to_string(), "42");
        assert_eq!(PathSegment("a/b?c d").to_string(), "a%2Fb%3Fc%20d");
        assert_eq!(PathSegment("é").to_string(), "%C3%A9");
        assert_eq!(PathSegment("a-b.c_d~e").to_string(), "a-b.c_d~e");
        assert_eq!(PathSegment("%2e;=#").to_string(), "%252e%3B%3D%23");
    }
}
