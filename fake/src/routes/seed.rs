//! What the fake's account has from the start: inboxes, the standard
//! channels and a cast of actors. Threads, custom channels and channel
//! accounts are created through the API.

use serde_json::{Value, json};

use super::shapes::INTEGRATION_APP_ID;

/// When the seeded objects were created.
const SEEDED_AT: &str = "2026-01-05T09:00:00Z";

/// `(id, name, type)` of each inbox.
pub(crate) const INBOXES: &[(&str, &str, &str)] = &[
    ("1001", "Support", "INBOX"),
    ("1002", "Help Desk", "HELP_DESK"),
    ("1003", "Sales", "INBOX"),
];

/// `(id, name)` of HubSpot's own channels.
pub(crate) const CHANNELS: &[(&str, &str)] = &[
    ("1000", "Live chat"),
    ("1001", "Facebook Messenger"),
    ("1002", "Email"),
    ("1007", "WhatsApp"),
];

/// The seeded agent that threads can be assigned to.
pub(crate) const AGENT_ID: &str = "A-1001";

/// An inbox as a `PublicInbox`.
pub(crate) fn inbox(id: &str) -> Option<Value> {
    let (id, name, kind) = INBOXES.iter().find(|(i, _, _)| *i == id)?;
    Some(json!({
        "id": id,
        "name": name,
        "type": kind,
        "archived": false,
        "createdAt": SEEDED_AT,
        "updatedAt": SEEDED_AT,
    }))
}

/// Every actor the fake knows, as `PublicActor`s.
pub(crate) fn actors() -> Vec<Value> {
    vec![
        json!({"type": "AGENT", "id": AGENT_ID, "name": "Grace Hopper",
               "email": "grace@example.com", "avatar": "https://example.com/grace.png"}),
        json!({"type": "AGENT", "id": "A-1002", "name": "Alan Turing", "email": "alan@example.com"}),
        json!({"type": "BOT", "id": "B-1", "name": "Welcome bot", "avatar": "https://example.com/bot.png"}),
        json!({"type": "INTEGRATOR", "id": format!("I-{INTEGRATION_APP_ID}"), "name": "hubspot-fake integration"}),
        json!({"type": "SYSTEM", "id": "S-hubspot"}),
        json!({"type": "VISITOR", "id": "V-2001", "name": "Ada Lovelace", "email": "ada@example.com"}),
        json!({"type": "EMAIL", "id": "E-ada@example.com", "email": "ada@example.com"}),
        json!({"type": "LLM", "id": "L-1", "name": "Breeze"}),
    ]
}

/// An actor by id.
pub(crate) fn actor(id: &str) -> Option<Value> {
    actors().into_iter().find(|a| a["id"] == id)
}
