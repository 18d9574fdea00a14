//! The whole API, consistently: every (version, operation) pair the specs
//! list is exercised in one story per version, each success response is
//! checked against the operation's response schema, and what one call
//! changes is what the next call sees. Schema checks skip (with a note)
//! when the specs are absent; the behaviour checks always run.

mod common;

use common::spec::{self, Spec};
use common::{Client, Response, simple_egg};
use hubspot_fake::FakeHubSpot;
use serde_json::{Value, json};

/// Checks `response` against `template`'s response schema in `spec` (when
/// the specs are present) and returns its JSON (`Null` for no content).
fn checked(
    spec: Option<&Spec>,
    template: &str,
    method: &str,
    response: &Response,
    status: u16,
) -> Value {
    assert_eq!(
        response.status,
        status,
        "{method} {template}: {}",
        String::from_utf8_lossy(&response.body)
    );
    if status == 204 {
        assert!(
            response.body.is_empty(),
            "{method} {template}: 204 with a body"
        );
        return Value::Null;
    }
    let body = response.json();
    if let Some(spec) = spec {
        spec.assert_response(template, &method.to_lowercase(), status, &body);
    }
    body
}

/// `(version, root path, channel path prefix)` of each custom-channels
/// version: the v3 list/create path differs from its per-channel paths.
const CHANNEL_VERSIONS: &[(&str, &str, &str)] = &[
    (
        "v3",
        "/conversations/custom-channels/v3",
        "/conversations/v3/custom-channels",
    ),
    (
        "2025-09",
        "/conversations/custom-channels/2025-09",
        "/conversations/custom-channels/2025-09",
    ),
    (
        "2026-03",
        "/conversations/custom-channels/2026-03",
        "/conversations/custom-channels/2026-03",
    ),
    (
        "2026-09",
        "/conversations/custom-channels/2026-09",
        "/conversations/custom-channels/2026-09",
    ),
];

#[tokio::test]
async fn custom_channels_can_be_created_listed_read_changed_and_archived() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    for (version, root, prefix) in CHANNEL_VERSIONS {
        let spec = spec::load_conversations(&format!("custom-channels.{version}.json"));
        let spec = spec.as_ref();
        let channel_t = format!("{prefix}/{{channelId}}");

        let created = checked(
            spec,
            root,
            "POST",
            &client
                .post(
                    root,
                    &json!({
                        "name": format!("SMS {version}"),
                        // The spec types each capability as an empty object.
                        "capabilities": {"richText": {}, "outgoingAttachments": {}},
                        "webhookUrl": "https://example.com/hook",
                    }),
                )
                .await,
            201,
        );
        let id = created["id"].as_str().unwrap().to_owned();
        let channel = format!("{prefix}/{id}");

        let page = checked(
            spec,
            root,
            "GET",
            &client.get(&format!("{root}?limit=100")).await,
            200,
        );
        assert!(
            page["results"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["id"] == id.as_str())
        );

        let read = checked(spec, &channel_t, "GET", &client.get(&channel).await, 200);
        assert_eq!(read, created);
        let renamed = checked(
            spec,
            &channel_t,
            "PATCH",
            &client.patch(&channel, &json!({"name": "Renamed"})).await,
            200,
        );
        assert_eq!(renamed["name"], "Renamed");
        assert_eq!(
            renamed["webhookUrl"], "https://example.com/hook",
            "untouched fields stay"
        );

        // Accounts of the channel.
        let accounts_t = format!("{channel_t}/channel-accounts");
        let account_t = format!("{accounts_t}/{{channelAccountId}}");
        let account = checked(
            spec,
            &accounts_t,
            "POST",
            &client
                .post(
                    &format!("{channel}/channel-accounts"),
                    &json!({
                        "name": "Support line",
                        "inboxId": "1002",
                        "authorized": true,
                        "deliveryIdentifier": {"type": "HS_PHONE_NUMBER", "value": "+15550100"},
                    }),
                )
                .await,
            201,
        );
        let account_id = account["id"].as_str().unwrap().to_owned();
        let listed = checked(
            spec,
            &accounts_t,
            "GET",
            &client
                .get(&format!(
                    "{channel}/channel-accounts?deliveryIdentifierType=HS_PHONE_NUMBER"
                ))
                .await,
            200,
        );
        assert_eq!(listed["results"], json!([account]));
        let account_path = format!("{channel}/channel-accounts/{account_id}");
        checked(
            spec,
            &account_t,
            "GET",
            &client.get(&account_path).await,
            200,
        );
        let paused = checked(
            spec,
            &account_t,
            "PATCH",
            &client
                .patch(&account_path, &json!({"authorized": false}))
                .await,
            200,
        );
        assert_eq!(paused["authorized"], false);

        let staged = checked(
            spec,
            &format!("{channel_t}/channel-account-staging-tokens/{{accountToken}}"),
            "PATCH",
            &client
                .patch(
                    &format!("{channel}/channel-account-staging-tokens/tok-1"),
                    &json!({
                        "accountName": "Sales line",
                        "deliveryIdentifier": {"type": "HS_PHONE_NUMBER", "value": "+15550199"},
                    }),
                )
                .await,
            200,
        );
        assert_eq!(staged["genericChannelId"].as_i64().unwrap().to_string(), id);

        // A message on the channel can be read back.
        let mut egg = simple_egg("hello", "ada@example.com");
        egg["channelAccountId"] = json!(account_id);
        let message = checked(
            spec,
            &format!("{channel_t}/messages"),
            "POST",
            &client.post(&format!("{channel}/messages"), &egg).await,
            201,
        );
        let message_path = format!("{channel}/messages/{}", message["id"].as_str().unwrap());
        let read = checked(
            spec,
            &format!("{channel_t}/messages/{{messageId}}"),
            "GET",
            &client.get(&message_path).await,
            200,
        );
        assert_eq!(read, message);

        // Archiving hides the channel.
        checked(
            spec,
            &channel_t,
            "DELETE",
            &client.bare("DELETE", &channel).await,
            204,
        );
        assert_eq!(client.get(&channel).await.status, 404);
        let page = checked(spec, root, "GET", &client.get(root).await, 200);
        assert!(
            page["results"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["id"] != id.as_str())
        );
    }
}

#[tokio::test]
async fn staging_tokens_need_name_and_address_in_2025_09_and_2026_09() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    for (version, root, prefix) in CHANNEL_VERSIONS {
        let created = client
            .post(root, &json!({"name": "SMS", "capabilities": {}}))
            .await
            .json();
        let path = format!(
            "{prefix}/{}/channel-account-staging-tokens/tok-1",
            created["id"].as_str().unwrap()
        );
        let response = client.patch(&path, &json!({})).await;
        if ["2025-09", "2026-09"].contains(version) {
            assert_eq!(response.status, 400, "{version}");
            let places: Vec<String> = response.json()["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["in"].as_str().unwrap().to_owned())
                .collect();
            assert_eq!(places, ["accountName", "deliveryIdentifier"]);
        } else {
            assert_eq!(response.status, 200, "{version}");
        }
    }
}

#[tokio::test]
async fn custom_channels_2025_09_publish_with_the_2026_09_shapes() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let mut egg = simple_egg("hello", "ada@example.com");
    egg["senders"][0]["senderActorId"] = json!("V-2001");
    // (version, whether senderActorId becomes the sender's actorId).
    for (version, has_actor_ids) in [("2025-09", false), ("2026-03", true), ("2026-09", false)] {
        let spec = spec::load_conversations(&format!("custom-channels.{version}.json"));
        let template = format!("/conversations/custom-channels/{version}/{{channelId}}/messages");
        let path = format!("/conversations/custom-channels/{version}/1000/messages");
        let published = client.post(&path, &egg).await;
        let location = published.header("location").map(str::to_owned);
        let message = checked(spec.as_ref(), &template, "POST", &published, 201);
        let actor = message["senders"][0].get("actorId");
        assert_eq!(actor.is_some(), has_actor_ids, "{version}: {message:#}");
        assert_eq!(
            message["createdBy"] == "V-2001",
            has_actor_ids,
            "{version}: {message:#}"
        );
        assert_eq!(
            location,
            Some(format!("{path}/{}", message["id"].as_str().unwrap())),
            "{version}"
        );

        // `contactVid` is int64 in 2026-03, int32 in 2025-09 and 2026-09.
        let mut big = egg.clone();
        big["preResolvedContacts"] = json!({"contacts": [{
            "contactVid": 1u64 << 40,
            "contactPropertiesLeadingToMatch": ["email"],
        }]});
        let response = client.post(&path, &big).await;
        if has_actor_ids {
            assert_eq!(response.status, 201, "{version}");
        } else {
            let body = checked(spec.as_ref(), &template, "POST", &response, 400);
            assert_eq!(
                body["errors"][0]["in"], "preResolvedContacts.contacts[0].contactVid",
                "{version}: {body:#}"
            );
        }
    }
}

/// `(version, prefix, assignee prefix)` of each conversations version.
const CONVERSATION_VERSIONS: &[(&str, &str, &str)] = &[
    (
        "v3",
        "/conversations/v3/conversations",
        "/conversations/conversations/v3",
    ),
    (
        "2026-09",
        "/conversations/conversations/2026-09",
        "/conversations/conversations/2026-09",
    ),
];

#[tokio::test]
async fn the_inbox_api_sees_what_custom_channels_did() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    // A channel, an account in the Help Desk inbox, and a published message.
    let channel = client
        .post(
            "/conversations/custom-channels/v3",
            &json!({"name": "SMS", "capabilities": {}}),
        )
        .await
        .json();
    let channel_id = channel["id"].as_str().unwrap().to_owned();
    let account = client
        .post(
            &format!("/conversations/v3/custom-channels/{channel_id}/channel-accounts"),
            &json!({"name": "Line", "inboxId": "1002", "authorized": true}),
        )
        .await
        .json();
    let account_id = account["id"].as_str().unwrap().to_owned();

    for (version, prefix, assignee_prefix) in CONVERSATION_VERSIONS {
        let spec = spec::load(&format!("conversations.{version}.json"));
        let spec = spec.as_ref();
        let t = |rest: &str| format!("{prefix}{rest}");

        let mut egg = simple_egg(
            &format!("hello {version}"),
            &format!("{version}@example.com"),
        );
        egg["channelAccountId"] = json!(account_id);
        let published = client
            .post(
                &format!("/conversations/v3/custom-channels/{channel_id}/messages"),
                &egg,
            )
            .await
            .json();
        let thread_id = published["conversationsThreadId"]
            .as_str()
            .unwrap()
            .to_owned();
        let thread = format!("{prefix}/threads/{thread_id}");

        // The thread is listed, in the account's inbox.
        let threads = checked(
            spec,
            &t("/threads"),
            "GET",
            &client.get(&t("/threads?inboxId=1002")).await,
            200,
        );
        let listed = threads["results"].as_array().unwrap();
        assert!(
            listed
                .iter()
                .any(|th| th["id"] == thread_id.as_str() && th["inboxId"] == "1002")
        );
        let read = checked(
            spec,
            &t("/threads/{threadId}"),
            "GET",
            &client.get(&thread).await,
            200,
        );
        assert_eq!(read["originalChannelAccountId"], account_id.as_str());

        // Its messages include the published one; send and read a comment.
        let messages_t = t("/threads/{threadId}/messages");
        let messages = checked(
            spec,
            &messages_t,
            "GET",
            &client.get(&format!("{thread}/messages")).await,
            200,
        );
        assert_eq!(messages["results"], json!([published]));
        let comment = checked(
            spec,
            &messages_t,
            "POST",
            &client
                .post(
                    &format!("{thread}/messages"),
                    &json!({"type": "COMMENT", "text": "VIP", "attachments": []}),
                )
                .await,
            201,
        );
        let comment_path = format!("{thread}/messages/{}", comment["id"].as_str().unwrap());
        let read = checked(
            spec,
            &t("/threads/{threadId}/messages/{messageId}"),
            "GET",
            &client.get(&comment_path).await,
            200,
        );
        assert_eq!(read, comment);
        let original = checked(
            spec,
            &t("/threads/{threadId}/messages/{messageId}/original-content"),
            "GET",
            &client
                .get(&format!("{comment_path}/original-content"))
                .await,
            200,
        );
        assert_eq!(original, json!({"text": "VIP", "richText": "VIP"}));

        // Close, assign, unassign.
        let closed = checked(
            spec,
            &t("/threads/{threadId}"),
            "PATCH",
            &client.patch(&thread, &json!({"status": "CLOSED"})).await,
            200,
        );
        assert_eq!(closed["status"], "CLOSED");
        assert!(closed["closedAt"].is_string());
        let assignee_t = format!("{assignee_prefix}/threads/{{threadId}}/assignee");
        let assignee = format!("{assignee_prefix}/threads/{thread_id}/assignee");
        let assigned = checked(
            spec,
            &assignee_t,
            "PUT",
            &client
                .json("PUT", &assignee, &json!({"actorId": "A-1001"}))
                .await,
            200,
        );
        assert_eq!(assigned["assignedTo"], "A-1001");
        assert_eq!(
            client
                .json("PUT", &assignee, &json!({"actorId": "V-2001"}))
                .await
                .status,
            400
        );
        checked(
            spec,
            &assignee_t,
            "DELETE",
            &client.bare("DELETE", &assignee).await,
            204,
        );
        assert!(client.get(&thread).await.json().get("assignedTo").is_none());

        // Actors, channels, channel accounts, inboxes.
        let agent = checked(
            spec,
            &t("/actors/{actorId}"),
            "GET",
            &client.get(&t("/actors/A-1001")).await,
            200,
        );
        assert_eq!(agent["type"], "AGENT");
        let batch_status = if *version == "v3" { 207 } else { 200 };
        let batch = checked(
            spec,
            &t("/actors/batch/read"),
            "POST",
            &client
                .post(
                    &t("/actors/batch/read"),
                    &json!({"inputs": ["A-1001", "B-1", "X-404"]}),
                )
                .await,
            batch_status,
        );
        assert_eq!(batch["results"].as_array().unwrap().len(), 2);
        assert_eq!(batch["numErrors"], 1);
        let all_found = checked(
            spec,
            &t("/actors/batch/read"),
            "POST",
            &client
                .post(&t("/actors/batch/read"), &json!({"inputs": ["S-hubspot"]}))
                .await,
            200,
        );
        assert!(all_found.get("errors").is_none());
        let channels = checked(
            spec,
            &t("/channels"),
            "GET",
            &client.get(&t("/channels")).await,
            200,
        );
        assert!(
            channels["results"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["id"] == channel_id.as_str())
        );
        checked(
            spec,
            &t("/channels/{channelId}"),
            "GET",
            &client.get(&t("/channels/1000")).await,
            200,
        );
        let accounts = checked(
            spec,
            &t("/channel-accounts"),
            "GET",
            &client
                .get(&t(&format!("/channel-accounts?channelId={channel_id}")))
                .await,
            200,
        );
        assert_eq!(accounts["results"], json!([account]));
        checked(
            spec,
            &t("/channel-accounts/{channelAccountId}"),
            "GET",
            &client
                .get(&t(&format!("/channel-accounts/{account_id}")))
                .await,
            200,
        );
        let inboxes = checked(
            spec,
            &t("/inboxes"),
            "GET",
            &client.get(&t("/inboxes")).await,
            200,
        );
        assert_eq!(inboxes["total"], 3);
        checked(
            spec,
            &t("/inboxes/{inboxId}"),
            "GET",
            &client.get(&t("/inboxes/1002")).await,
            200,
        );

        // Archiving hides the thread unless archived ones are asked for.
        checked(
            spec,
            &t("/threads/{threadId}"),
            "DELETE",
            &client.bare("DELETE", &thread).await,
            204,
        );
        assert_eq!(client.get(&thread).await.status, 404);
        let live = client.get(&t("/threads")).await.json();
        assert!(
            live["results"]
                .as_array()
                .unwrap()
                .iter()
                .all(|th| th["id"] != thread_id.as_str())
        );
        let archived = checked(
            spec,
            &t("/threads"),
            "GET",
            &client.get(&t("/threads?archived=true")).await,
            200,
        );
        assert!(
            archived["results"]
                .as_array()
                .unwrap()
                .iter()
                .any(|th| th["id"] == thread_id.as_str())
        );
        let restored = client
            .patch(
                &format!("{thread}?archived=true"),
                &json!({"archived": false}),
            )
            .await;
        assert_eq!(restored.status, 200);
        assert_eq!(client.get(&thread).await.status, 200);
    }
}

#[tokio::test]
async fn visitor_identification_returns_a_token() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    // `hsCustomerAgentContext` is required in v3 and 2026-03; 2025-09 and
    // 2026-09 do not have it.
    for (version, with_context) in [
        ("v3", true),
        ("2025-09", false),
        ("2026-03", true),
        ("2026-09", false),
    ] {
        let spec = spec::load_conversations(&format!("visitor-identification.{version}.json"));
        let path = format!("/visitor-identification/{version}/tokens/create");
        let mut request = json!({"email": "ada@example.com"});
        if with_context {
            request["hsCustomerAgentContext"] = json!({"plan": "pro"});
        }
        let token = checked(
            spec.as_ref(),
            &path,
            "POST",
            &client.post(&path, &request).await,
            200,
        );
        assert!(
            token["token"]
                .as_str()
                .unwrap()
                .starts_with("fake-visitor-token-")
        );
        let rejected = client.post(&path, &json!({"firstName": 7})).await;
        assert_eq!(rejected.status, 400);
        let places: Vec<String> = rejected.json()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["in"].as_str().unwrap().to_owned())
            .collect();
        let expected: &[&str] = if with_context {
            &["email", "firstName", "hsCustomerAgentContext"]
        } else {
            &["email", "firstName"]
        };
        assert_eq!(places, expected, "{version}");
    }
}

#[tokio::test]
async fn lists_page_with_limit_and_after_until_the_end() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    for i in 0..25 {
        let created = client
            .post(
                "/conversations/custom-channels/2026-09",
                &json!({"name": format!("c{i}"), "capabilities": {}}),
            )
            .await;
        assert_eq!(created.status, 201);
    }
    let mut seen = Vec::new();
    let mut path = "/conversations/custom-channels/2026-09?limit=10".to_owned();
    let mut pages = 0;
    loop {
        let page = client.get(&path).await.json();
        pages += 1;
        assert_eq!(page["total"], 25);
        seen.extend(
            page["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["name"].clone()),
        );
        match page["paging"]["next"]["after"].as_str() {
            Some(after) => {
                path = format!("/conversations/custom-channels/2026-09?limit=10&after={after}")
            }
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let expected: Vec<Value> = (0..25).map(|i| json!(format!("c{i}"))).collect();
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn bad_query_parameters_are_400s_listing_each() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let response = client
        .get("/conversations/v3/conversations/threads?limit=ten&threadStatus=SNOOZED&latestMessageTimestampAfter=yesterday")
        .await;
    assert_eq!(response.status, 400);
    let body = response.json();
    assert_eq!(body["category"], "VALIDATION_ERROR");
    let codes: Vec<(String, String)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["in"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            (
                "latestMessageTimestampAfter".to_owned(),
                "INVALID_FORMAT".to_owned()
            ),
            ("limit".to_owned(), "INVALID_TYPE".to_owned()),
            ("threadStatus".to_owned(), "INVALID_ENUM".to_owned()),
        ]
    );
    let response = client
        .get("/conversations/v3/conversations/threads?after=999")
        .await;
    assert_eq!(response.status, 400);
}
