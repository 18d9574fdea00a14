//! `Client::from_env`. The process environment is global, so this binary has
//! exactly one test, which changes the variables in sequence.

mod common;

use common::*;
use hubspot_fake::ScriptedResponse;
use hubspot_runtime::{Client, Error};
use serde_json::json;

const TOKEN_VAR: &str = "HUBSPOT_ACCESS_TOKEN";
const BASE_URL_VAR: &str = "HUBSPOT_BASE_URL";

fn set(name: &str, value: Option<&str>) {
    // SAFETY: this binary's only test is the only code touching the
    // environment, and it runs one step at a time; the runtime's worker
    // threads do not read these variables.
    unsafe {
        match value {
            Some(value) => std::env::set_var(name, value),
            None => std::env::remove_var(name),
        }
    }
}

fn config_message(result: Result<Client, Error>) -> String {
    match result {
        Err(error @ Error::Config(_)) => {
            assert_token_absent(&error);
            error.to_string()
        }
        other => panic!("expected a Config error, got {other:?}"),
    }
}

#[tokio::test]
async fn from_env_reads_token_and_base_url() {
    set(TOKEN_VAR, None);
    set(BASE_URL_VAR, None);
    let message = config_message(Client::from_env());
    assert!(message.contains(TOKEN_VAR), "{message}");
    assert!(message.contains("not set"), "{message}");

    set(TOKEN_VAR, Some(""));
    let message = config_message(Client::from_env());
    assert!(
        message.contains(TOKEN_VAR) && message.contains("empty"),
        "{message}"
    );

    set(TOKEN_VAR, Some(TOKEN));
    let client = Client::from_env().unwrap();
    assert_eq!(client.base_url(), "https://api.hubapi.com");
    assert!(!format!("{client:?}").contains(TOKEN));

    set(BASE_URL_VAR, Some("not a url"));
    let message = config_message(Client::from_env());
    assert!(message.contains("not a url"), "{message}");

    let fake = start_fake().await;
    set(BASE_URL_VAR, Some(&fake.base_url()));
    let client = Client::from_env().unwrap();
    assert_eq!(client.base_url(), fake.base_url());
    fake.push_response(ScriptedResponse::json(
        200,
        json!({ "id": "1", "text": "hello" }),
    ));
    client
        .send(&PublishMessage::new("42", "hello"))
        .await
        .unwrap();
    let requests = fake.requests();
    assert_eq!(
        requests[0].header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );

    set(TOKEN_VAR, None);
    set(BASE_URL_VAR, None);
}
