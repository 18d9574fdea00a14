//! `.stream(&client)` on list endpoints, over real loopback HTTP against
//! `hubspot-fake`: it follows `paging.next.after` page by page, keeps the
//! page size, stops after the last page, never repeats an item, and hands
//! an error over as the stream's last item.

use std::collections::HashMap;

use futures_util::StreamExt as _;
use hubspot_api::conversations::custom_channels::channels::{
    CreateCustomChannel, ListCustomChannels,
};
use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, MessageDirection, PublishMessage,
};
use hubspot_api::conversations::inboxes::ListInboxes;
use hubspot_api::conversations::models::{
    DeliveryIdentifierType, PublicDeliveryIdentifier, PublicMessage,
};
use hubspot_api::conversations::threads::ListThreads;
use hubspot_api::conversations::threads::messages::ListThreadMessages;
use hubspot_api::{ApiVersion, Client, Error};
use hubspot_fake::{FakeHubSpot, ScriptedResponse};
use serde_json::json;

async fn fake_and_client() -> (FakeHubSpot, Client) {
    let fake = FakeHubSpot::start().await.expect("the fake starts");
    let client = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .developer_key(hubspot_api::DeveloperKey::new(
            &fake.oauth_app().developer_key,
            fake.oauth_app().app_id as u64,
        ))
        .build()
        .expect("a client for the fake");
    (fake, client)
}

/// Registers `n` custom channels named `c0`, `c1`, …
async fn create_channels(client: &Client, n: usize) {
    for i in 0..n {
        CreateCustomChannel::builder()
            .name(format!("c{i}"))
            .capabilities(HashMap::new())
            .send(client)
            .await
            .expect("the channel is created");
    }
}

/// The `after` query values of the recorded GETs to `path_end`.
fn cursors(fake: &FakeHubSpot, path_end: &str) -> Vec<Option<String>> {
    fake.requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path.ends_with(path_end))
        .map(|r| {
            let query = r.query.unwrap_or_default();
            assert!(
                query.contains("limit=10"),
                "every page asks for 10: {query}"
            );
            query
                .split('&')
                .find_map(|pair| pair.strip_prefix("after="))
                .map(str::to_owned)
        })
        .collect()
}

#[tokio::test]
async fn twenty_five_channels_come_in_three_pages_of_at_most_ten() {
    let (fake, client) = fake_and_client().await;
    create_channels(&client, 25).await;

    let names: Vec<String> = ListCustomChannels::builder()
        .limit(10)
        .version_2026_03()
        .stream(&client)
        .map(|channel| channel.expect("every page arrives").name)
        .collect()
        .await;

    let expected: Vec<String> = (0..25).map(|i| format!("c{i}")).collect();
    assert_eq!(names, expected, "all 25, in order, none twice");
    assert_eq!(
        cursors(&fake, "/custom-channels/2026-03"),
        [None, Some("10".to_owned()), Some("20".to_owned())],
        "three requests: the first without a cursor, then each page's next.after"
    );
}

#[tokio::test]
async fn a_single_page_list_makes_one_request() {
    let (fake, client) = fake_and_client().await;
    let inboxes: Vec<_> = ListInboxes::builder()
        .limit(10)
        .stream(&client)
        .collect()
        .await;
    assert_eq!(inboxes.len(), 3);
    assert!(inboxes.iter().all(Result::is_ok));
    assert_eq!(cursors(&fake, "/inboxes"), [None]);
}

#[tokio::test]
async fn an_error_on_a_later_page_is_the_last_item() {
    let (fake, _) = fake_and_client().await;
    // One attempt per request: the client would retry a GET's 500 away.
    let client = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .developer_key(hubspot_api::DeveloperKey::new(
            &fake.oauth_app().developer_key,
            fake.oauth_app().app_id as u64,
        ))
        .retry_policy(hubspot_runtime::RetryPolicy::disabled())
        .build()
        .expect("a client for the fake");
    create_channels(&client, 25).await;
    let mut stream = ListCustomChannels::builder().limit(10).stream(&client);
    for i in 0..10 {
        let channel = stream.next().await.expect("an item").expect("first page");
        assert_eq!(channel.name, format!("c{i}"));
    }
    // The second page fails.
    fake.push_response(ScriptedResponse::json(
        500,
        json!({"status": "error", "message": "boom", "category": "INTERNAL_ERROR", "correlationId": "c-1"}),
    ));
    match stream.next().await {
        Some(Err(Error::Server(error))) => assert_eq!(error.message, "boom"),
        other => panic!("expected the 500 as an error item, got {other:?}"),
    }
    assert!(
        stream.next().await.is_none(),
        "the stream ends after an error"
    );
    assert!(stream.next().await.is_none(), "and stays ended");
}

#[tokio::test]
async fn a_cursor_that_repeats_ends_the_stream_with_an_error() {
    let (fake, client) = fake_and_client().await;
    let page = |after: &str| {
        ScriptedResponse::json(
            200,
            json!({
                "results": [{"id": "1", "name": "x", "capabilities": {}, "createdAt": "2026-11-21T09:30:00Z"}],
                "total": 2,
                "paging": {"next": {"after": after}},
            }),
        )
    };
    fake.push_response(page("A"));
    fake.push_response(page("A"));
    let items: Vec<_> = ListCustomChannels::builder()
        .stream(&client)
        .collect()
        .await;
    assert_eq!(
        items.len(),
        3,
        "two pages' items, then the error: {items:?}"
    );
    assert!(items[0].is_ok() && items[1].is_ok());
    assert!(
        matches!(&items[2], Err(Error::RepeatedCursor(repeated)) if repeated.after == "A"),
        "{:?}",
        items[2]
    );
    assert_eq!(fake.requests().len(), 2, "no third request");
}

#[tokio::test]
async fn a_cursor_that_comes_back_pages_later_ends_the_stream_too() {
    let (fake, client) = fake_and_client().await;
    let page = |id: &str, after: &str| {
        ScriptedResponse::json(
            200,
            json!({
                "results": [{"id": id, "name": "x", "capabilities": {}, "createdAt": "2026-11-21T09:30:00Z"}],
                "total": 3,
                "paging": {"next": {"after": after}},
            }),
        )
    };
    // A → B → A: each cursor differs from the one just sent, so only a
    // memory of every cursor followed stops the loop.
    fake.push_response(page("1", "A"));
    fake.push_response(page("2", "B"));
    fake.push_response(page("3", "A"));
    fake.push_response(page("4", "B"));
    let items: Vec<_> = ListCustomChannels::builder()
        .stream(&client)
        .collect()
        .await;
    assert_eq!(
        items.len(),
        4,
        "three pages' items, then the error: {items:?}"
    );
    let ids: Vec<&str> = items[..3]
        .iter()
        .map(|item| item.as_ref().expect("an item").id.as_str())
        .collect();
    assert_eq!(ids, ["1", "2", "3"]);
    match &items[3] {
        Err(Error::RepeatedCursor(repeated)) => {
            assert_eq!(repeated.after, "A");
            assert!(repeated.to_string().contains("`A`"), "{repeated}");
        }
        other => panic!("expected RepeatedCursor, got {other:?}"),
    }
    let sent: Vec<Option<String>> = fake
        .requests()
        .into_iter()
        .map(|request| {
            request
                .query
                .unwrap_or_default()
                .split('&')
                .find_map(|pair| pair.strip_prefix("after="))
                .map(str::to_owned)
        })
        .collect();
    assert_eq!(
        sent,
        [None, Some("A".to_owned()), Some("B".to_owned())],
        "no fourth request"
    );
}

#[tokio::test]
async fn a_thread_streams_every_published_message_once() {
    let (_fake, client) = fake_and_client().await;
    let visitor = ChannelIntegrationParticipant::builder()
        .delivery_identifier(
            PublicDeliveryIdentifier::builder()
                .r#type(DeliveryIdentifierType::HsPhoneNumber)
                .value("+15550100")
                .build(),
        )
        .build();
    let mut thread_id = String::new();
    for i in 0..23 {
        let message = PublishMessage::builder()
            .channel_id(1234)
            .channel_account_id("5678")
            .text(format!("m{i}"))
            .message_direction(MessageDirection::Incoming)
            .senders(vec![visitor.clone()])
            .recipients(vec![])
            .attachments(vec![])
            .timestamp(chrono::Utc::now())
            .send(&client)
            .await
            .expect("published");
        thread_id = message.conversations_thread_id;
    }

    let threads: Vec<_> = ListThreads::builder()
        .limit(10)
        .stream(&client)
        .collect()
        .await;
    assert_eq!(threads.len(), 1, "one visitor, one thread");

    for version in [ApiVersion::V3, ApiVersion::dated(2026, 9)] {
        let texts: Vec<String> = ListThreadMessages::builder()
            .thread_id(thread_id.parse::<i64>().unwrap())
            .limit(10)
            .api_version(version)
            .stream(&client)
            .map(|item| match item.expect("a page") {
                PublicMessage::Message(message) => message.text,
                other => panic!("only messages were published: {other:?}"),
            })
            .collect()
            .await;
        let expected: Vec<String> = (0..23).map(|i| format!("m{i}")).collect();
        assert_eq!(texts, expected, "{version}");
    }
}
