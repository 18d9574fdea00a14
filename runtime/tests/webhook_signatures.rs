//! HubSpot request signatures: known-answer vectors for v1, v2 and v3,
//! tampering, timestamps, header handling, and a property test that
//! verification never panics.
//!
//! The expected signatures were computed independently of this crate, with
//! Python's `hmac`/`hashlib` (the script is below), and two are HubSpot's own:
//! the v1 example in HubSpot's docs ("Validating requests", v1:
//! <https://developers.hubspot.com/docs/faq/v1-request-validation>) and the
//! vectors in HubSpot's Python SDK tests (`tests/spec/utils/test_signature.py`).
//!
//! ```python
//! import base64, hashlib, hmac, re
//! DECODE = {"3A": ":", "2F": "/", "3F": "?", "40": "@", "21": "!", "24": "$",
//!           "27": "'", "28": "(", "29": ")", "2A": "*", "2C": ",", "3B": ";"}
//! def v3_uri(uri):
//!     return re.sub(r"%([0-9A-Fa-f]{2})",
//!                   lambda m: DECODE.get(m.group(1).upper(), m.group(0)), uri)
//! def v1(secret, body):
//!     return hashlib.sha256(secret.encode() + body).hexdigest()
//! def v2(secret, method, uri, body):
//!     return hashlib.sha256((secret + method + uri).encode() + body).hexdigest()
//! def v3(secret, method, uri, body, ts):
//!     msg = (method + v3_uri(uri)).encode() + body + ts.encode()
//!     return base64.b64encode(hmac.new(secret.encode(), msg, hashlib.sha256).digest()).decode()
//! ```

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::{HeaderMap, HeaderValue, Method};
use hubspot_runtime::webhooks::{ClientSecret, SignatureVersion, Verifier, VerifyError};
use proptest::prelude::*;

const DOCS_SECRET: &str = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";

/// A v3 vector: inputs and the expected `X-HubSpot-Signature-v3`.
struct V3Vector {
    secret: &'static str,
    method: Method,
    url: &'static str,
    body: &'static [u8],
    timestamp: u64,
    expected: &'static str,
}

fn v3_vectors() -> Vec<V3Vector> {
    vec![
        // HubSpot's Python SDK test vector.
        V3Vector {
            secret: DOCS_SECRET,
            method: Method::POST,
            url: "https://www.example.com/webhook_uri",
            body: b"{'example_field':'example_value'}",
            timestamp: 15_000_000,
            expected: "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=",
        },
        // Every escape HubSpot decodes (both hex cases), next to ones it
        // does not (`%20`, `%3D`).
        V3Vector {
            secret: DOCS_SECRET,
            method: Method::POST,
            url: "https://bridge.example.com/hook%3Fx/a%2Fb?q=%40you%21&r=%24%27%28%29%2A%2C%3B%3a&space=%20&eq=%3D",
            body: br#"{"type":"OUTGOING_CHANNEL_MESSAGE_CREATED"}"#,
            timestamp: 1_700_000_000_000,
            expected: "/c4W+62UQzlQsT+8Qtxy/ELGQr0BMOTZ3MG25P+8yPQ=",
        },
        // Non-ASCII secret and body: hashed as UTF-8.
        V3Vector {
            secret: "s3cr\u{e9}t",
            method: Method::POST,
            url: "https://example.com/w",
            body: "{\"text\":\"Grüße 👋\"}".as_bytes(),
            timestamp: 1_700_000_123_456,
            expected: "d/Ig1UqbxEGWSrn+otXkSpmpilPVKC+CoBRv0md5gYY=",
        },
        // A GET with no body (CRM cards are signed this way).
        V3Vector {
            secret: "another-secret",
            method: Method::GET,
            url: "https://example.com/cards?userId=1&portalId=2",
            body: b"",
            timestamp: 1_699_999_999_999,
            expected: "5/TiI3g4cEefLDWt/j2rQgSrqngHM6up7QQXUIxrR04=",
        },
    ]
}

fn at_ms(ms: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(ms)
}

fn header(value: &str) -> HeaderValue {
    HeaderValue::from_str(value).expect("a valid header value")
}

fn v3_headers(signature: &str, timestamp: u64) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert("x-hubspot-signature-v3", header(signature));
    headers.insert("x-hubspot-request-timestamp", timestamp.into());
    headers
}

fn legacy_headers(signature: &str, version: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert("x-hubspot-signature", header(signature));
    headers.insert("x-hubspot-signature-version", header(version));
    headers
}

fn verifier(secret: &str) -> Verifier {
    Verifier::new(ClientSecret::new(secret))
}

#[test]
fn v3_known_answers_sign_and_verify() {
    for v in v3_vectors() {
        let secret = ClientSecret::new(v.secret);
        assert_eq!(
            secret.sign_v3(&v.method, v.url, v.body, v.timestamp),
            v.expected,
            "signing {}",
            v.url
        );
        let headers = v3_headers(v.expected, v.timestamp);
        assert_eq!(
            verifier(v.secret).verify_at(&v.method, v.url, &headers, v.body, at_ms(v.timestamp)),
            Ok(SignatureVersion::V3),
            "verifying {}",
            v.url
        );
    }
}

#[test]
fn v3_signs_the_decoded_uri_but_keeps_other_escapes() {
    // The same request with the listed characters written out verifies
    // against the same signature; with `%20` decoded it does not.
    let v = &v3_vectors()[1];
    let headers = v3_headers(v.expected, v.timestamp);
    let now = at_ms(v.timestamp);
    let decoded = "https://bridge.example.com/hook?x/a/b?q=@you!&r=$'()*,;:&space=%20&eq=%3D";
    assert_eq!(
        verifier(v.secret).verify_at(&v.method, decoded, &headers, v.body, now),
        Ok(SignatureVersion::V3)
    );
    let over_decoded = "https://bridge.example.com/hook?x/a/b?q=@you!&r=$'()*,;:&space= &eq=%3D";
    assert_eq!(
        verifier(v.secret).verify_at(&v.method, over_decoded, &headers, v.body, now),
        Err(VerifyError::Mismatch {
            version: SignatureVersion::V3
        })
    );
}

#[test]
fn v1_known_answers() {
    // HubSpot's documented v1 example.
    let docs_body = br#"[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]"#;
    let cases: [(&str, &[u8], &str); 3] = [
        (
            DOCS_SECRET,
            docs_body,
            "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de",
        ),
        (
            DOCS_SECRET,
            b"{'example_field':'example_value'}",
            "69fc6631a867edd4f9e9e627fc5c1148e3fbdd8b21837b6d2b8901c1fa57f750",
        ),
        (
            "another-secret",
            b"",
            "ce1807e913c97047dafef68295a8968c894cc8d1d8cc2c38fa84e06e7d5c0f06",
        ),
    ];
    for (secret, body, expected) in cases {
        assert_eq!(ClientSecret::new(secret).sign_v1(body), expected);
        let verifier = verifier(secret).allow_legacy_signatures(true);
        let headers = legacy_headers(expected, "v1");
        // v1 ignores method and URL.
        assert_eq!(
            verifier.verify(&Method::PUT, "https://anything.example", &headers, body),
            Ok(SignatureVersion::V1)
        );
        // Upper-case hex is the same digest.
        let upper = legacy_headers(&expected.to_uppercase(), "v1");
        assert_eq!(
            verifier.verify(&Method::POST, "https://x.example", &upper, body),
            Ok(SignatureVersion::V1)
        );
    }
}

#[test]
fn v2_known_answers() {
    let cases: [(Method, &str, &[u8], &str); 3] = [
        (
            Method::POST,
            "https://www.example.com/webhook_uri",
            b"{'example_field':'example_value'}",
            "4fe4e3a7d3cf09db53be39d0a58130e2aaba074ec123a9e355b876a689a1c383",
        ),
        (
            Method::GET,
            "https://www.example.com/webhook_uri",
            b"",
            "eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e",
        ),
        // v2 hashes the URI as sent: `%3A` is not decoded.
        (
            Method::POST,
            "https://example.com/w?portalId=62515&x=%3A",
            br#"[{"eventId":1}]"#,
            "c0e508cf8a02df861f1aaa15501ff19c803614292a8db703af7ae373f9066130",
        ),
    ];
    let secret = ClientSecret::new(DOCS_SECRET);
    let verifier = verifier(DOCS_SECRET).allow_legacy_signatures(true);
    for (method, url, body, expected) in cases {
        assert_eq!(secret.sign_v2(&method, url, body), expected);
        let headers = legacy_headers(expected, "v2");
        assert_eq!(
            verifier.verify(&method, url, &headers, body),
            Ok(SignatureVersion::V2)
        );
    }
}

fn mismatch(version: SignatureVersion) -> Result<SignatureVersion, VerifyError> {
    Err(VerifyError::Mismatch { version })
}

#[test]
fn v3_rejects_any_tampering() {
    let v = &v3_vectors()[1];
    let good = verifier(v.secret);
    let headers = v3_headers(v.expected, v.timestamp);
    let now = at_ms(v.timestamp);
    let check = |verifier: &Verifier, method: &Method, url: &str, headers: &HeaderMap, body| {
        verifier.verify_at(method, url, headers, body, now)
    };

    assert_eq!(
        check(&good, &Method::PUT, v.url, &headers, v.body),
        mismatch(SignatureVersion::V3),
        "method"
    );
    let other_url = v.url.replace("bridge.example.com", "bridge.example.org");
    assert_eq!(
        check(&good, &v.method, &other_url, &headers, v.body),
        mismatch(SignatureVersion::V3),
        "host"
    );
    let http_url = v.url.replacen("https", "http", 1);
    assert_eq!(
        check(&good, &v.method, &http_url, &headers, v.body),
        mismatch(SignatureVersion::V3),
        "scheme"
    );
    assert_eq!(
        check(
            &good,
            &v.method,
            &format!("{}&extra=1", v.url),
            &headers,
            v.body
        ),
        mismatch(SignatureVersion::V3),
        "query"
    );
    let mut body = v.body.to_vec();
    body[10] ^= 0x20;
    assert_eq!(
        check(&good, &v.method, v.url, &headers, &body),
        mismatch(SignatureVersion::V3),
        "body"
    );
    let mut longer = v.body.to_vec();
    longer.push(b' ');
    assert_eq!(
        check(&good, &v.method, v.url, &headers, &longer),
        mismatch(SignatureVersion::V3),
        "body with trailing space"
    );
    let shifted = v3_headers(v.expected, v.timestamp + 1);
    assert_eq!(
        check(&good, &v.method, v.url, &shifted, v.body),
        mismatch(SignatureVersion::V3),
        "timestamp"
    );
    assert_eq!(
        check(
            &verifier("wrong-secret"),
            &v.method,
            v.url,
            &headers,
            v.body
        ),
        mismatch(SignatureVersion::V3),
        "secret"
    );
    let mut flipped = v.expected.to_owned().into_bytes();
    flipped[0] = if flipped[0] == b'A' { b'B' } else { b'A' };
    let flipped = v3_headers(std::str::from_utf8(&flipped).unwrap(), v.timestamp);
    assert_eq!(
        check(&good, &v.method, v.url, &flipped, v.body),
        mismatch(SignatureVersion::V3),
        "signature"
    );
    let truncated = v3_headers(&v.expected[..20], v.timestamp);
    assert!(
        matches!(
            check(&good, &v.method, v.url, &truncated, v.body),
            Err(VerifyError::Mismatch { .. } | VerifyError::BadEncoding { .. })
        ),
        "truncated signature"
    );
}

#[test]
fn legacy_signatures_reject_tampering() {
    let secret = ClientSecret::new(DOCS_SECRET);
    let url = "https://example.com/w";
    let body = br#"[{"eventId":7}]"#;
    let verifier = verifier(DOCS_SECRET).allow_legacy_signatures(true);

    let v2 = legacy_headers(&secret.sign_v2(&Method::POST, url, body), "v2");
    assert_eq!(
        verifier.verify(&Method::POST, url, &v2, body),
        Ok(SignatureVersion::V2)
    );
    assert_eq!(
        verifier.verify(&Method::PATCH, url, &v2, body),
        mismatch(SignatureVersion::V2)
    );
    assert_eq!(
        verifier.verify(&Method::POST, "https://example.com/x", &v2, body),
        mismatch(SignatureVersion::V2)
    );
    assert_eq!(
        verifier.verify(&Method::POST, url, &v2, b"[]"),
        mismatch(SignatureVersion::V2)
    );
    let other = Verifier::new(ClientSecret::new("nope")).allow_legacy_signatures(true);
    assert_eq!(
        other.verify(&Method::POST, url, &v2, body),
        mismatch(SignatureVersion::V2)
    );

    let v1 = legacy_headers(&secret.sign_v1(body), "v1");
    assert_eq!(
        verifier.verify(&Method::POST, url, &v1, b"[{}]"),
        mismatch(SignatureVersion::V1)
    );
    // A v2 signature presented as v1 is not a v1 signature.
    let relabelled = legacy_headers(&secret.sign_v2(&Method::POST, url, body), "v1");
    assert_eq!(
        verifier.verify(&Method::POST, url, &relabelled, body),
        mismatch(SignatureVersion::V1)
    );
}

#[test]
fn stale_and_future_timestamps_are_rejected() {
    let secret = ClientSecret::new("s");
    let url = "https://example.com/w";
    let body = b"{}";
    let now_ms = 1_700_000_000_000u64;
    let now = at_ms(now_ms);
    let verifier = verifier("s");
    let signed_at = |ts: u64| v3_headers(&secret.sign_v3(&Method::POST, url, body, ts), ts);
    let max_age = Verifier::DEFAULT_MAX_AGE.as_millis() as u64;
    let max_skew = Verifier::DEFAULT_MAX_FUTURE_SKEW.as_millis() as u64;

    // Exactly at the limits: accepted.
    for ts in [now_ms, now_ms - max_age, now_ms + max_skew] {
        assert_eq!(
            verifier.verify_at(&Method::POST, url, &signed_at(ts), body, now),
            Ok(SignatureVersion::V3),
            "{ts}"
        );
    }
    // One millisecond past them: rejected, with how far off it is.
    assert_eq!(
        verifier.verify_at(
            &Method::POST,
            url,
            &signed_at(now_ms - max_age - 1),
            body,
            now
        ),
        Err(VerifyError::StaleTimestamp {
            age: Verifier::DEFAULT_MAX_AGE + Duration::from_millis(1),
            max_age: Verifier::DEFAULT_MAX_AGE,
        })
    );
    assert_eq!(
        verifier.verify_at(
            &Method::POST,
            url,
            &signed_at(now_ms + max_skew + 1),
            body,
            now
        ),
        Err(VerifyError::FutureTimestamp {
            ahead: Verifier::DEFAULT_MAX_FUTURE_SKEW + Duration::from_millis(1),
            max_skew: Verifier::DEFAULT_MAX_FUTURE_SKEW,
        })
    );
    // Ancient and absurdly far-future ones too.
    assert!(matches!(
        verifier.verify_at(&Method::POST, url, &signed_at(0), body, now),
        Err(VerifyError::StaleTimestamp { .. })
    ));
    assert!(matches!(
        verifier.verify_at(&Method::POST, url, &signed_at(u64::MAX), body, now),
        Err(VerifyError::FutureTimestamp { .. })
    ));
    // A tighter window is honoured.
    let strict = Verifier::new(secret.clone())
        .max_age(Duration::from_secs(1))
        .max_future_skew(Duration::ZERO);
    assert!(matches!(
        strict.verify_at(&Method::POST, url, &signed_at(now_ms - 1_001), body, now),
        Err(VerifyError::StaleTimestamp { .. })
    ));
    assert!(matches!(
        strict.verify_at(&Method::POST, url, &signed_at(now_ms + 1), body, now),
        Err(VerifyError::FutureTimestamp { .. })
    ));
    // And the real clock is used by `verify`.
    let fresh = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    assert_eq!(
        verifier.verify(&Method::POST, url, &signed_at(fresh), body),
        Ok(SignatureVersion::V3)
    );
    assert!(matches!(
        verifier.verify(&Method::POST, url, &signed_at(fresh - 10 * 60 * 1000), body),
        Err(VerifyError::StaleTimestamp { .. })
    ));
}

#[test]
fn header_problems_are_typed() {
    let verifier = verifier("s").allow_legacy_signatures(true);
    let url = "https://example.com/w";
    let now = at_ms(1_700_000_000_000);
    let verify = |headers: &HeaderMap| verifier.verify_at(&Method::POST, url, headers, b"{}", now);

    assert_eq!(
        verify(&HeaderMap::new()),
        Err(VerifyError::MissingHeader {
            header: "X-HubSpot-Signature-v3"
        })
    );
    let mut no_timestamp = HeaderMap::new();
    no_timestamp.insert("x-hubspot-signature-v3", header("AAAA"));
    assert_eq!(
        verify(&no_timestamp),
        Err(VerifyError::MissingHeader {
            header: "X-HubSpot-Request-Timestamp"
        })
    );
    for bad in ["soon", "-5", "1.0e12", ""] {
        let mut headers = v3_headers("AAAA", 0);
        headers.insert("x-hubspot-request-timestamp", header(bad));
        assert_eq!(
            verify(&headers),
            Err(VerifyError::BadEncoding {
                header: "X-HubSpot-Request-Timestamp",
                expected: "milliseconds since the Unix epoch"
            }),
            "{bad:?}"
        );
    }
    assert_eq!(
        verify(&v3_headers("not base64!", 1_700_000_000_000)),
        Err(VerifyError::BadEncoding {
            header: "X-HubSpot-Signature-v3",
            expected: "base64"
        })
    );
    let mut twice = v3_headers("AAAA", 1_700_000_000_000);
    twice.append("x-hubspot-signature-v3", header("BBBB"));
    assert_eq!(
        verify(&twice),
        Err(VerifyError::DuplicateHeader {
            header: "X-HubSpot-Signature-v3"
        })
    );
    let mut non_ascii = HeaderMap::new();
    non_ascii.insert(
        "x-hubspot-signature-v3",
        HeaderValue::from_bytes(b"\xff\xfe").unwrap(),
    );
    non_ascii.insert("x-hubspot-request-timestamp", 1_700_000_000_000u64.into());
    assert_eq!(
        verify(&non_ascii),
        Err(VerifyError::BadEncoding {
            header: "X-HubSpot-Signature-v3",
            expected: "visible ASCII"
        })
    );

    let mut no_version = HeaderMap::new();
    no_version.insert("x-hubspot-signature", header(&"0".repeat(64)));
    assert_eq!(
        verify(&no_version),
        Err(VerifyError::MissingHeader {
            header: "X-HubSpot-Signature-Version"
        })
    );
    assert_eq!(
        verify(&legacy_headers(&"0".repeat(64), "v4\tbeta")),
        Err(VerifyError::UnsupportedVersion {
            version: "v4?beta".to_owned()
        })
    );
    assert_eq!(
        verify(&legacy_headers("abc", "v1")),
        Err(VerifyError::BadEncoding {
            header: "X-HubSpot-Signature",
            expected: "a hex SHA-256 digest"
        })
    );
}

#[test]
fn legacy_signatures_need_opting_in() {
    let secret = ClientSecret::new("s");
    let body = b"[]";
    let headers = legacy_headers(&secret.sign_v1(body), "v1");
    let strict = Verifier::new(secret.clone());
    assert_eq!(
        strict.verify(&Method::POST, "https://e.example/", &headers, body),
        Err(VerifyError::LegacyNotAllowed {
            version: SignatureVersion::V1
        })
    );
    let lenient = strict.allow_legacy_signatures(true);
    assert_eq!(
        lenient.verify(&Method::POST, "https://e.example/", &headers, body),
        Ok(SignatureVersion::V1)
    );
}

#[test]
fn a_failing_v3_signature_is_not_rescued_by_a_legacy_one() {
    let secret = ClientSecret::new("s");
    let url = "https://example.com/w";
    let body = b"{}";
    let now_ms = 1_700_000_000_000;
    let mut headers = v3_headers("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", now_ms);
    headers.insert("x-hubspot-signature", header(&secret.sign_v1(body)));
    headers.insert("x-hubspot-signature-version", header("v1"));
    let verifier = Verifier::new(secret).allow_legacy_signatures(true);
    assert_eq!(
        verifier.verify_at(&Method::POST, url, &headers, body, at_ms(now_ms)),
        mismatch(SignatureVersion::V3)
    );
}

#[test]
fn nothing_reveals_the_secret() {
    let secret_text = "super-secret-client-secret-1234";
    let secret = ClientSecret::new(secret_text);
    let verifier = Verifier::new(secret.clone())
        .public_url("https://example.com")
        .unwrap();
    let url = "https://example.com/w";
    let body = secret_text.as_bytes();
    let now_ms = 1_700_000_000_000;
    let good = secret.sign_v3(&Method::POST, url, body, now_ms);
    let errors = [
        verifier.verify_at(
            &Method::PUT,
            url,
            &v3_headers(&good, now_ms),
            body,
            at_ms(now_ms),
        ),
        verifier.verify_at(
            &Method::POST,
            url,
            &v3_headers(&good, now_ms),
            body,
            at_ms(0),
        ),
        verifier.verify_at(
            &Method::POST,
            url,
            &v3_headers(&good, now_ms),
            body,
            at_ms(now_ms * 2),
        ),
        verifier.verify(
            &Method::POST,
            url,
            &legacy_headers(&secret.sign_v1(body), "v1"),
            body,
        ),
    ];
    for error in errors {
        let error = error.expect_err("each case fails");
        for text in [format!("{error}"), format!("{error:?}")] {
            assert!(!text.contains(secret_text), "{text}");
            assert!(!text.contains(&good), "{text}");
        }
    }
    for text in [format!("{secret:?}"), format!("{verifier:?}")] {
        assert!(!text.contains(secret_text), "{text}");
    }
}

/// Header names the verifier reads, plus noise.
fn header_name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "x-hubspot-signature-v3",
        "x-hubspot-request-timestamp",
        "x-hubspot-signature",
        "x-hubspot-signature-version",
        "content-type",
    ])
}

/// Header values: arbitrary bytes, or plausible ones.
fn header_value() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..80),
        Just(b"v1".to_vec()),
        Just(b"v2".to_vec()),
        Just(b"1700000000000".to_vec()),
        "[0-9a-fA-F]{0,70}".prop_map(String::into_bytes),
        "[A-Za-z0-9+/=]{0,60}".prop_map(String::into_bytes),
    ]
}

proptest! {
    #[test]
    fn verification_never_panics(
        headers in prop::collection::vec((header_name(), header_value()), 0..8),
        body in prop::collection::vec(any::<u8>(), 0..256),
        url in ".{0,80}",
        method in prop::sample::select(vec![Method::GET, Method::POST, Method::PATCH]),
        now_ms in any::<u64>(),
        allow_legacy in any::<bool>(),
    ) {
        let mut map = HeaderMap::new();
        for (name, value) in &headers {
            if let Ok(value) = HeaderValue::from_bytes(value) {
                map.append(*name, value);
            }
        }
        let verifier = Verifier::new(ClientSecret::new("s")).allow_legacy_signatures(allow_legacy);
        // Random headers essentially never carry a valid signature.
        let result = verifier.verify_at(&method, &url, &map, &body, at_ms(now_ms));
        prop_assert!(result.is_err());
    }

    #[test]
    fn signed_requests_verify_and_altered_bodies_do_not(
        secret in ".{1,40}",
        url in "https://[a-z]{1,10}\\.example/[ -~]{0,40}",
        body in prop::collection::vec(any::<u8>(), 0..256),
        flip in any::<prop::sample::Index>(),
        timestamp in 1u64..=4_102_444_800_000,
    ) {
        let secret = ClientSecret::new(secret);
        let verifier = Verifier::new(secret.clone());
        let headers = v3_headers(&secret.sign_v3(&Method::POST, &url, &body, timestamp), timestamp);
        let now = at_ms(timestamp);
        prop_assert_eq!(
            verifier.verify_at(&Method::POST, &url, &headers, &body, now),
            Ok(SignatureVersion::V3)
        );
        if !body.is_empty() {
            let mut altered = body.clone();
            let i = flip.index(altered.len());
            altered[i] ^= 0x01;
            prop_assert_eq!(
                verifier.verify_at(&Method::POST, &url, &headers, &altered, now),
                mismatch(SignatureVersion::V3)
            );
        }
    }
}
