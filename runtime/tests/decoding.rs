//! Property tests: whatever bytes, JSON or headers an answer carries, turning
//! it into an `Error` (and `ApiError`) or a decoded response gives a value,
//! never a panic.

mod common;

use common::{PublishMessage, Published};
use hubspot_runtime::__private::decode_response;
use hubspot_runtime::{ApiError, Error, RateLimitHeaders};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{Map, Value};

/// Names HubSpot's error bodies use, so that generated objects reach the
/// lenient parsing of each field, not just the "unknown key" path.
const KEYS: &[&str] = &[
    "status",
    "message",
    "correlationId",
    "category",
    "subCategory",
    "errors",
    "context",
    "links",
    "in",
    "code",
    "policyName",
    "requiredGranularScopes",
    "requiredScopes",
    "id",
    "text",
];

fn config() -> Config {
    Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Any JSON value, with object keys mostly from [`KEYS`].
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,24}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            4 => proptest::sample::select(KEYS).prop_map(str::to_owned),
            1 => ".{0,8}",
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((key, inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Answers' header values, well-formed or not.
fn headers() -> impl Strategy<Value = http::HeaderMap> {
    let name = proptest::sample::select(
        &[
            "retry-after",
            "x-hubspot-correlation-id",
            "x-hubspot-ratelimit-max",
            "x-hubspot-ratelimit-remaining",
            "x-hubspot-ratelimit-interval-milliseconds",
            "x-hubspot-ratelimit-daily-remaining",
        ][..],
    );
    let value = prop_oneof![
        any::<u64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| n.to_string()),
        "[ -~]{0,20}",
    ];
    proptest::collection::vec((name, value), 0..6).prop_map(|pairs| {
        let mut map = http::HeaderMap::new();
        for (name, value) in pairs {
            if let Ok(value) = http::HeaderValue::from_str(&value) {
                map.append(name, value);
            }
        }
        map
    })
}

fn check_error(status: u16, headers: &http::HeaderMap, body: &[u8]) {
    let error = Error::from_response(status, headers, body);
    assert_eq!(error.status(), Some(status));
    let api = error.api_error().expect("a status error carries the body");
    assert!(api.body_excerpt.as_ref().is_none_or(|e| e.len() <= 512));
    let _ = (
        error.to_string(),
        format!("{error:?}"),
        error.correlation_id(),
    );
    let _ = (error.retry_after(), error.required_scopes());
    let parsed = ApiError::parse(status, body);
    assert_eq!(parsed.status, status);
    let _ = parsed.to_string();
    let _ = RateLimitHeaders::from_headers(headers);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn error_bodies_of_arbitrary_bytes_never_panic(
        status in 100u16..=999,
        headers in headers(),
        body in proptest::collection::vec(any::<u8>(), 0..600),
    ) {
        check_error(status, &headers, &body);
    }

    #[test]
    fn error_bodies_of_arbitrary_json_never_panic(
        status in 100u16..=999,
        headers in headers(),
        body in json(),
    ) {
        check_error(status, &headers, &serde_json::to_vec(&body).unwrap());
    }

    #[test]
    fn responses_of_arbitrary_bytes_or_json_decode_or_fail_cleanly(
        status in 100u16..=599,
        bytes in proptest::collection::vec(any::<u8>(), 0..300),
        body in json(),
    ) {
        let headers = http::HeaderMap::new();
        for body in [bytes, serde_json::to_vec(&body).unwrap()] {
            match decode_response::<PublishMessage>(status, &headers, &body) {
                Ok(Published { .. }) => prop_assert!((200..300).contains(&status)),
                Err(Error::Decode(decode)) => {
                    prop_assert_eq!(decode.status, status);
                    prop_assert!(decode.excerpt.len() <= 512);
                }
                Err(error) => prop_assert_eq!(error.status(), Some(status)),
            }
        }
    }
}
