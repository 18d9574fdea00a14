//! The CRM endpoints `hubspot-declare` wrote (`crm::contacts`,
//! `crm::objects`), over real loopback HTTP against the fake: what the
//! README's contacts walkthrough does, and looking up the contact behind a
//! conversation.
#![cfg(feature = "crm")]

use std::collections::HashMap;

use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, MessageDirection, PublishMessage,
};
use hubspot_api::conversations::models::{DeliveryIdentifierType, PublicDeliveryIdentifier};
use hubspot_api::conversations::threads::GetThread;
use hubspot_api::crm::contacts::{
    CreateContact, Filter, FilterGroup, FilterOperator, GetContact, SearchContacts, UpdateContact,
};
use hubspot_api::crm::objects::GetObject;
use hubspot_api::{ApiVersion, Client, Error};
use hubspot_fake::FakeHubSpot;

async fn fake_and_client() -> (FakeHubSpot, Client) {
    let fake = FakeHubSpot::start().await.expect("the fake starts");
    let client = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .build()
        .expect("a client for the fake");
    (fake, client)
}

fn props(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test]
async fn a_contact_is_created_found_by_email_searched_and_updated_in_both_versions() {
    let (fake, client) = fake_and_client().await;
    for (version, email) in [
        (ApiVersion::V3, "grace@example.com"),
        (ApiVersion::dated(2026, 3), "alan@example.com"),
    ] {
        let created = CreateContact::builder()
            .properties(props(&[("email", email), ("firstname", "Grace")]))
            .associations(vec![])
            .api_version(version)
            .send(&client)
            .await
            .expect("created");
        assert_eq!(created.properties["email"], email);

        let found = GetContact::builder()
            .contact_id(email)
            .id_property("email")
            .properties(vec!["email".to_owned(), "firstname".to_owned()])
            .api_version(version)
            .send(&client)
            .await
            .expect("found by email");
        assert_eq!(found.id, created.id);
        assert_eq!(found.properties["firstname"], "Grace");

        let by_email = FilterGroup::builder()
            .filters(vec![
                Filter::builder()
                    .property_name("email")
                    .operator(FilterOperator::Eq)
                    .value(email)
                    .build(),
            ])
            .build();
        let page = SearchContacts::builder()
            .filter_groups(vec![by_email])
            .properties(vec!["email".to_owned()])
            .sorts(vec![])
            .limit(10)
            .after("0")
            .api_version(version)
            .send(&client)
            .await
            .expect("searched");
        assert_eq!(page.total, 1);
        assert_eq!(page.results[0].id, created.id);

        let updated = UpdateContact::builder()
            .contact_id(created.id.clone())
            .properties(props(&[("lastname", "Hopper")]))
            .api_version(version)
            .send(&client)
            .await
            .expect("updated");
        assert_eq!(updated.properties["lastname"], "Hopper");
    }
    // Each request went to its version's own path.
    let paths: Vec<String> = fake.requests().iter().map(|r| r.path.clone()).collect();
    assert!(
        paths.contains(&"/crm/v3/objects/contacts".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"/crm/objects/2026-03/contacts/search".to_owned()),
        "{paths:?}"
    );
}

#[tokio::test]
async fn a_duplicate_email_is_a_typed_conflict_and_nothing_is_stored_twice() {
    let (fake, client) = fake_and_client().await;
    let create = || {
        CreateContact::builder()
            .properties(props(&[("email", "Dup@Example.com")]))
            .associations(vec![])
            .build()
    };
    client.send(&create()).await.expect("first create");
    match client.send(&create()).await {
        Err(Error::Conflict(api)) => {
            assert_eq!(api.status, 409);
            assert!(api.message.contains("already exists"), "{}", api.message);
            assert_eq!(api.category.as_deref(), Some("CONFLICT"));
        }
        other => panic!("expected a 409 conflict, got {other:?}"),
    }
    let hub = fake.default_hub_id();
    let stored = fake
        .crm_objects(hub, hubspot_fake::CrmObjectType::Contacts)
        .expect("the account exists");
    let dups = stored
        .iter()
        .filter(|c| {
            c["properties"]["email"]
                .as_str()
                .is_some_and(|e| e.eq_ignore_ascii_case("dup@example.com"))
        })
        .count();
    assert_eq!(dups, 1);
}

/// What the quickstart and the bridge do: a visitor writes in over a custom
/// channel, HubSpot threads the message and associates the thread with a
/// contact, and the app reads that contact, with the `2026-09` endpoint
/// that takes any object type.
#[tokio::test]
async fn the_contact_behind_a_conversation_is_looked_up() {
    let (_fake, client) = fake_and_client().await;
    let visitor = ChannelIntegrationParticipant::builder()
        .delivery_identifier(
            PublicDeliveryIdentifier::builder()
                .r#type(DeliveryIdentifierType::HsEmailAddress)
                .value("ada@example.com")
                .build(),
        )
        .name("Ada Lovelace")
        .build();
    let message = PublishMessage::builder()
        .channel_id(1234)
        .channel_account_id("5678")
        .text("Where is my order?")
        .message_direction(MessageDirection::Incoming)
        .senders(vec![visitor])
        .recipients(vec![])
        .attachments(vec![])
        .timestamp(chrono::Utc::now())
        .send(&client)
        .await
        .expect("published");
    let thread = GetThread::builder()
        .thread_id(
            message
                .conversations_thread_id
                .parse::<i64>()
                .expect("a numeric thread id"),
        )
        .send(&client)
        .await
        .expect("the thread");
    let contact_id = thread.associated_contact_id.to_string();
    let contact = GetObject::builder()
        .object_type("contacts")
        .object_id(contact_id.clone())
        .properties(vec!["email".to_owned(), "firstname".to_owned()])
        .send(&client)
        .await
        .expect("the contact behind the thread");
    assert_eq!(contact.id, contact_id);
    assert_eq!(contact.properties["email"], "ada@example.com");
}
