//! Publish a message on a custom channel, look up the contact behind its
//! thread, update the message's status, and answer in the thread.
//!
//! ```text
//! cargo run --example quickstart --features crm
//! ```
//!
//! With no `HUBSPOT_ACCESS_TOKEN` set, it starts the in-memory HubSpot fake on
//! loopback and runs against that. With a token set it talks to HubSpot, and
//! also needs `HUBSPOT_CHANNEL_ID` and `HUBSPOT_CHANNEL_ACCOUNT_ID` (a custom
//! channel and one of its accounts, which your app created) and
//! `HUBSPOT_ACTOR_ID` (the agent replying, e.g. `A-12345`); the token needs
//! the `crm.objects.contacts.read` and `.write` scopes for the contact step.

use std::collections::HashMap;
use std::error::Error;

use hubspot_api::Client;
use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, MessageDirection, MessageStatusUpdate, PublishMessage,
    UpdateMessageStatus,
};
use hubspot_api::conversations::models::{
    DeliveryIdentifierType, PublicDeliveryIdentifier, PublicMessage,
};
use hubspot_api::conversations::threads::GetThread;
use hubspot_api::conversations::threads::messages::{
    PublicCommentEgg, PublicConversationsMessageEgg, PublicRecipientEgg, SendThreadMessage,
};
use hubspot_api::crm::contacts::{GetContact, UpdateContact};
use hubspot_fake::FakeHubSpot;

struct Setup {
    client: Client,
    channel_id: i32,
    channel_account_id: String,
    actor_id: String,
    /// Kept alive for the run when the fake is used.
    _fake: Option<FakeHubSpot>,
}

async fn setup() -> Result<Setup, Box<dyn Error>> {
    if std::env::var_os("HUBSPOT_ACCESS_TOKEN").is_some() {
        println!("HUBSPOT_ACCESS_TOKEN is set: talking to HubSpot.");
        let var = |name: &str| {
            std::env::var(name).map_err(|_| format!("{name} must be set to run against HubSpot"))
        };
        return Ok(Setup {
            client: Client::from_env()?,
            channel_id: var("HUBSPOT_CHANNEL_ID")?.parse()?,
            channel_account_id: var("HUBSPOT_CHANNEL_ACCOUNT_ID")?,
            actor_id: var("HUBSPOT_ACTOR_ID")?,
            _fake: None,
        });
    }
    let fake = FakeHubSpot::start().await?;
    println!(
        "No HUBSPOT_ACCESS_TOKEN set: started the in-memory HubSpot fake at {}",
        fake.base_url()
    );
    let client = Client::builder()
        .base_url(fake.base_url())
        .token(fake.token())
        .build()?;
    Ok(Setup {
        client,
        channel_id: 1001,
        channel_account_id: "2002".to_owned(),
        actor_id: "A-3003".to_owned(),
        _fake: Some(fake),
    })
}

fn phone(number: &str) -> PublicDeliveryIdentifier {
    PublicDeliveryIdentifier::builder()
        .r#type(DeliveryIdentifierType::HsPhoneNumber)
        .value(number)
        .build()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let setup = setup().await?;
    let client = &setup.client;

    // 1. A visitor texted your SMS service: publish it into HubSpot's inbox.
    let visitor = ChannelIntegrationParticipant::builder()
        .delivery_identifier(phone("+15550100"))
        .name("Ada Lovelace")
        .build();
    let inbox_line = ChannelIntegrationParticipant::builder()
        .delivery_identifier(phone("+15550199"))
        .build();
    let message = PublishMessage::builder()
        .channel_id(setup.channel_id)
        .channel_account_id(setup.channel_account_id.clone())
        .text("Hi! My order hasn't arrived yet.")
        .message_direction(MessageDirection::Incoming)
        .senders(vec![visitor])
        .recipients(vec![inbox_line])
        .attachments(vec![])
        .timestamp(chrono::Utc::now())
        .integration_idempotency_id(format!("sms-{}", chrono::Utc::now().timestamp_millis()))
        .send(client)
        .await?;
    println!(
        "1. Published message {} from {} into thread {}",
        message.id,
        message
            .senders
            .first()
            .and_then(|s| s.name.as_deref())
            .unwrap_or("the visitor"),
        message.conversations_thread_id
    );

    // 2. Who wrote? HubSpot associates the thread with the contact it found
    //    (or made) for the visitor's phone number: read it, and record what
    //    your service knows about them (she has an order: a customer).
    let thread_id: i64 = message.conversations_thread_id.parse()?;
    let thread = GetThread::builder()
        .thread_id(thread_id)
        .send(client)
        .await?;
    let contact = GetContact::builder()
        .contact_id(thread.associated_contact_id.clone())
        .properties(vec!["firstname".to_owned(), "phone".to_owned()])
        .send(client)
        .await?;
    let name = contact
        .properties
        .get("firstname")
        .cloned()
        .unwrap_or_default();
    let contact = UpdateContact::builder()
        .contact_id(contact.id.clone())
        .properties(HashMap::from([(
            "lifecyclestage".to_owned(),
            "customer".to_owned(),
        )]))
        .send(client)
        .await?;
    println!(
        "2. Thread {thread_id} belongs to contact {} ({name}), now a {}",
        contact.id,
        contact
            .properties
            .get("lifecyclestage")
            .map_or("-", String::as_str)
    );

    // 3. Report what happened to it on your side.
    let updated = UpdateMessageStatus::builder()
        .channel_id(setup.channel_id)
        .message_id(message.id.clone())
        .status_type(MessageStatusUpdate::Read)
        .send(client)
        .await?;
    let status = updated
        .status
        .map(|s| s.status_type.to_string())
        .unwrap_or_default();
    println!("3. Updated message {} to status {status}", updated.id);

    // 4. An agent answers in the thread, and leaves a note for colleagues.
    let reply = PublicConversationsMessageEgg::builder()
        .text("Sorry about that, Ada! It ships tomorrow.")
        .sender_actor_id(setup.actor_id.clone())
        .channel_id(message.channel_id.clone())
        .channel_account_id(message.channel_account_id.clone())
        .recipients(vec![
            PublicRecipientEgg::builder()
                .delivery_identifiers(vec![phone("+15550100")])
                .build(),
        ])
        .attachments(vec![])
        .build();
    let sent = SendThreadMessage::builder()
        .thread_id(thread_id)
        .message(reply)
        .send(client)
        .await?;
    if let PublicMessage::Message(reply) = &sent {
        println!(
            "4. Sent reply {} ({:?}) to thread {thread_id}",
            reply.id, reply.text
        );
    }
    let note = PublicCommentEgg::builder()
        .text("Carrier delay; offered a discount.")
        .attachments(vec![])
        .build();
    let sent = SendThreadMessage::builder()
        .thread_id(thread_id)
        .message(note)
        .send(client)
        .await?;
    if let PublicMessage::Comment(comment) = &sent {
        println!("5. Left comment {} for the team", comment.id);
    }
    println!("Done.");
    Ok(())
}
