//! How HubSpot's non-2xx answers map to `Error`, from real statuses and
//! bodies served by `hubspot-fake` over loopback.

mod common;

use std::time::Duration;

use common::*;
use hubspot_fake::{FakeHubSpot, ScriptedResponse};
use hubspot_runtime::{ApiError, Client, Error};
use serde_json::json;

/// Serves `response` to one `PublishMessage` (with retries off, so that the
/// error is the answer's own) and returns the error.
async fn error_for(fake: &FakeHubSpot, response: ScriptedResponse) -> Error {
    let client = client_without_retries(fake);
    fake.push_response(response);
    let error = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .expect_err("a non-2xx answer is an error");
    assert_token_absent(&error);
    error
}

fn hubspot_error(message: &str, category: &str) -> serde_json::Value {
    json!({
        "status": "error",
        "message": message,
        "correlationId": "aeb5f871-7f07-4993-9211-075dc63e7cbf",
        "category": category,
    })
}

#[tokio::test]
async fn validation_errors_carry_their_details() {
    let fake = start_fake().await;
    let body = json!({
        "status": "error",
        "message": "Invalid input JSON on line 1",
        "correlationId": "aeb5f871-7f07-4993-9211-075dc63e7cbf",
        "category": "VALIDATION_ERROR",
        "subCategory": "INVALID_INPUT",
        "errors": [{
            "message": "Text is too long",
            "in": "text",
            "code": "TOO_LONG",
            "subCategory": "LENGTH",
            "context": { "maxLength": ["65536"] }
        }],
        "context": { "channelId": ["42"] },
        "links": { "knowledge-base": "https://developers.hubspot.com/docs" }
    });
    let error = error_for(&fake, ScriptedResponse::json(400, body)).await;
    let Error::Validation(api) = &error else {
        panic!("expected Validation, got {error:?}");
    };
    assert_eq!(api.status, 400);
    assert_eq!(api.message, "Invalid input JSON on line 1");
    assert_eq!(api.category.as_deref(), Some("VALIDATION_ERROR"));
    assert_eq!(api.sub_category.as_deref(), Some("INVALID_INPUT"));
    assert_eq!(api.errors.len(), 1);
    let detail = &api.errors[0];
    assert_eq!(detail.message, "Text is too long");
    assert_eq!(detail.location.as_deref(), Some("text"));
    assert_eq!(detail.code.as_deref(), Some("TOO_LONG"));
    assert_eq!(detail.sub_category.as_deref(), Some("LENGTH"));
    assert_eq!(detail.context["maxLength"], ["65536"]);
    assert_eq!(api.context["channelId"], ["42"]);
    assert_eq!(
        api.links["knowledge-base"],
        "https://developers.hubspot.com/docs"
    );
    assert_eq!(api.body_excerpt, None);
    assert_eq!(error.status(), Some(400));
    assert_eq!(
        error.correlation_id(),
        Some("aeb5f871-7f07-4993-9211-075dc63e7cbf")
    );
    let text = error.to_string();
    assert!(text.contains("Invalid input JSON on line 1"), "{text}");
    assert!(text.contains("aeb5f871"), "{text}");
    assert!(text.contains("text: Text is too long"), "{text}");
}

#[tokio::test]
async fn unauthorized_is_401() {
    let fake = start_fake().await;
    let body = hubspot_error(
        "Authentication credentials not found.",
        "INVALID_AUTHENTICATION",
    );
    let error = error_for(&fake, ScriptedResponse::json(401, body)).await;
    assert!(
        matches!(&error, Error::Unauthorized(api) if api.status == 401),
        "{error:?}"
    );
    assert_eq!(error.status(), Some(401));
}

#[tokio::test]
async fn forbidden_lists_the_missing_scopes() {
    let fake = start_fake().await;
    let body = json!({
        "status": "error",
        "message": "This app hasn't been granted all required scopes to make this call.",
        "correlationId": "0f1e2d3c",
        "category": "MISSING_SCOPES",
        "errors": [{
            "message": "One or more of the following scopes are required.",
            "context": { "requiredGranularScopes": ["conversations.custom_channels.write", "conversations.read"] }
        }],
        "context": { "requiredScopes": ["conversations.read"] },
        "links": { "scopes": "https://developers.hubspot.com/scopes" }
    });
    let error = error_for(&fake, ScriptedResponse::json(403, body)).await;
    assert!(matches!(error, Error::MissingScopes(_)), "{error:?}");
    assert_eq!(
        error.required_scopes(),
        ["conversations.read", "conversations.custom_channels.write"]
    );
    assert_eq!(
        error.api_error().unwrap().required_scopes(),
        error.required_scopes()
    );
    let text = error.to_string();
    assert!(
        text.contains("conversations.custom_channels.write"),
        "{text}"
    );

    // A 403 that does not say which scopes still maps, with none listed.
    let body = hubspot_error("Forbidden", "MISSING_SCOPES");
    let error = error_for(&fake, ScriptedResponse::json(403, body)).await;
    assert!(matches!(error, Error::MissingScopes(_)), "{error:?}");
    assert!(error.required_scopes().is_empty());
}

#[tokio::test]
async fn not_found_and_conflict() {
    let fake = start_fake().await;
    let body = hubspot_error("resource not found", "OBJECT_NOT_FOUND");
    let error = error_for(&fake, ScriptedResponse::json(404, body)).await;
    assert!(matches!(error, Error::NotFound(_)), "{error:?}");
    assert_eq!(
        error.api_error().unwrap().category.as_deref(),
        Some("OBJECT_NOT_FOUND")
    );

    let body = hubspot_error("Message already exists", "CONFLICT");
    let error = error_for(&fake, ScriptedResponse::json(409, body)).await;
    assert!(matches!(error, Error::Conflict(_)), "{error:?}");
    assert_eq!(error.status(), Some(409));
    assert_eq!(error.required_scopes(), Vec::<&str>::new());
}

#[tokio::test]
async fn rate_limits_carry_retry_after_policy_and_headers() {
    let fake = start_fake().await;
    let body = json!({
        "status": "error",
        "message": "You have reached your ten_secondly_rolling limit.",
        "errorType": "RATE_LIMIT",
        "correlationId": "c0ffee00-1234",
        "policyName": "TEN_SECONDLY_ROLLING",
        "groupName": "publicapi:private-app:12345"
    });
    let response = ScriptedResponse::json(429, body)
        .with_header("Retry-After", "3")
        .with_header("X-HubSpot-RateLimit-Max", "190")
        .with_header("X-HubSpot-RateLimit-Remaining", "0")
        .with_header("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
        .with_header("X-HubSpot-RateLimit-Daily", "1000000")
        .with_header("X-HubSpot-RateLimit-Daily-Remaining", "999000");
    let error = error_for(&fake, response).await;
    let Error::RateLimited(limited) = &error else {
        panic!("expected RateLimited, got {error:?}");
    };
    let hubspot_runtime::RateLimitError {
        retry_after,
        policy_name,
        limits,
        error: api,
        ..
    } = limited.as_ref();
    assert_eq!(*retry_after, Some(Duration::from_secs(3)));
    assert_eq!(policy_name.as_deref(), Some("TEN_SECONDLY_ROLLING"));
    assert_eq!(limits.max, Some(190));
    assert_eq!(limits.remaining, Some(0));
    assert_eq!(limits.interval_milliseconds, Some(10_000));
    assert_eq!(limits.daily, Some(1_000_000));
    assert_eq!(limits.daily_remaining, Some(999_000));
    assert_eq!(limits.secondly, None);
    assert_eq!(api.status, 429);
    assert_eq!(
        api.message,
        "You have reached your ten_secondly_rolling limit."
    );
    assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
    assert_eq!(error.correlation_id(), Some("c0ffee00-1234"));
    let text = error.to_string();
    assert!(text.contains("TEN_SECONDLY_ROLLING"), "{text}");
    assert!(text.contains("3s"), "{text}");

    // Without the headers or a JSON body, it is still a rate limit.
    let error = error_for(&fake, ScriptedResponse::raw(429, "slow down")).await;
    let Error::RateLimited(limited) = &error else {
        panic!("expected RateLimited, got {error:?}");
    };
    let hubspot_runtime::RateLimitError {
        retry_after,
        policy_name,
        limits,
        error: api,
        ..
    } = limited.as_ref();
    assert_eq!(*retry_after, None);
    assert_eq!(*policy_name, None);
    assert!(limits.is_empty());
    assert_eq!(api.body_excerpt.as_deref(), Some("slow down"));
}

#[tokio::test]
async fn server_errors_are_5xx() {
    let fake = start_fake().await;
    for status in [500, 502, 503] {
        let body = hubspot_error("internal error", "INTERNAL_ERROR");
        let error = error_for(&fake, ScriptedResponse::json(status, body)).await;
        assert!(
            matches!(&error, Error::Server(api) if api.status == status),
            "{error:?}"
        );
        assert_eq!(error.status(), Some(status));
    }
}

#[tokio::test]
async fn other_statuses_map_to_status() {
    let fake = start_fake().await;
    let body = hubspot_error("I'm a teapot", "TEAPOT");
    let error = error_for(&fake, ScriptedResponse::json(418, body)).await;
    assert!(
        matches!(&error, Error::Status(api) if api.status == 418),
        "{error:?}"
    );
    assert_eq!(error.api_error().unwrap().message, "I'm a teapot");
}

#[tokio::test]
async fn unparseable_error_bodies_still_map_by_status() {
    let fake = start_fake().await;

    let html = "<html><body>502 Bad Gateway</body></html>";
    let error = error_for(&fake, ScriptedResponse::raw(503, html)).await;
    let api = error.api_error().expect("an ApiError");
    assert!(matches!(error, Error::Server(_)), "{error:?}");
    assert_eq!(api.status, 503);
    assert_eq!(api.message, "");
    assert_eq!(api.body_excerpt.as_deref(), Some(html));
    assert!(error.to_string().contains("502 Bad Gateway"), "{error}");

    // JSON that is not an object.
    let error = error_for(
        &fake,
        ScriptedResponse::raw(400, "[\"not\", \"an\", \"object\"]"),
    )
    .await;
    assert!(
        matches!(&error, Error::Validation(api) if api.body_excerpt.is_some()),
        "{error:?}"
    );

    // A huge, invalid-UTF-8 body: the excerpt stays bounded.
    let mut junk = vec![b'x'; 10_000];
    junk[511] = 0xE2;
    let error = error_for(&fake, ScriptedResponse::raw(409, junk)).await;
    let excerpt = error.api_error().unwrap().body_excerpt.as_deref().unwrap();
    assert!(matches!(error, Error::Conflict(_)), "{error:?}");
    assert!(excerpt.len() <= 512, "{} bytes", excerpt.len());

    // No body at all: nothing to keep, the correlation id comes from the header.
    let response =
        ScriptedResponse::raw(404, "").with_header("X-HubSpot-Correlation-Id", "hdr-123");
    let error = error_for(&fake, response).await;
    assert!(
        matches!(&error, Error::NotFound(api) if api.body_excerpt.is_none()),
        "{error:?}"
    );
    assert_eq!(error.correlation_id(), Some("hdr-123"));

    // Lenient about types: a wrong-typed field is dropped, not fatal.
    let body = json!({ "message": "odd", "errors": "not a list", "context": [], "links": null });
    let error = error_for(&fake, ScriptedResponse::json(400, body)).await;
    let api: &ApiError = error.api_error().unwrap();
    assert_eq!(api.message, "odd");
    assert!(api.errors.is_empty() && api.context.is_empty() && api.links.is_empty());
}

#[tokio::test]
async fn the_fakes_own_401_maps_to_unauthorized() {
    let fake = start_fake().await;
    let client = Client::builder()
        .token("pat-na1-wrong")
        .base_url(fake.base_url())
        .build()
        .unwrap();
    let error = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap_err();
    let Error::Unauthorized(api) = &error else {
        panic!("expected Unauthorized, got {error:?}");
    };
    assert_eq!(api.status, 401);
    assert!(!api.message.is_empty(), "{api:?}");
    assert!(api.correlation_id.is_some(), "{api:?}");
    assert!(!error.to_string().contains("pat-na1-wrong"));
    assert_eq!(fake.requests().len(), 1);
}

#[tokio::test]
async fn the_fakes_own_validation_error_maps_to_validation() {
    let fake = start_fake().await;
    let client = client_for(&fake);
    // The fake wants a full custom-channel message; `{"text": ...}` alone is
    // missing required fields.
    let error = client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap_err();
    let Error::Validation(api) = &error else {
        panic!("expected Validation, got {error:?}");
    };
    assert_eq!(api.category.as_deref(), Some("VALIDATION_ERROR"));
    assert!(!api.errors.is_empty(), "{api:?}");
    assert!(
        api.errors.iter().all(|detail| detail.location.is_some()),
        "{api:?}"
    );
    assert_token_absent(&error);
}
