//! Actors: who did something in a conversation (an agent, a bot, a visitor,
//! an integration, HubSpot itself), by actor id such as `A-12345`.

use std::collections::HashMap;

use hubspot_runtime::{DateTime, JsonValue, hubspot_endpoint};

hubspot_endpoint! {
    /// Reads one actor by id, e.g. a message's `createdBy`.
    #[scopes("conversations.read")]
    pub endpoint GetActor: GET {
        v3        => "/conversations/v3/conversations/actors/{actorId}",
        "2026-09" => "/conversations/conversations/2026-09/actors/{actorId}",
    } {
        path {
            /// The actor's id, e.g. `A-12345` or `V-67890`.
            actor_id: String,
        }
        query {
            /// A property to include.
            property: Option<String>,
        }
    } -> 200 PublicActor;

    /// Reads several actors at once. When some ids cannot be read, HubSpot
    /// still answers with the others and lists the failures in `errors`
    /// (`v3` says so with a `207 Multi-Status`). A read, though sent as a
    /// `POST`: the client retries it safely.
    #[scopes("conversations.read")]
    #[idempotent]
    pub endpoint BatchReadActors: POST {
        v3        => "/conversations/v3/conversations/actors/batch/read",
        "2026-09" => "/conversations/conversations/2026-09/actors/batch/read",
    } {
        query {
            /// A property to include.
            property: Option<String>,
        }
        required {
            /// The actor ids to read.
            inputs: Vec<String>,
        }
    } -> 200 BatchResponsePublicActor;

    /// An actor, by its `type`.
    pub union PublicActor {
        /// A HubSpot user.
        AGENT => AgentActor,
        /// A chatbot.
        BOT => BotActor,
        /// An app acting through an integration.
        INTEGRATOR => IntegratorActor,
        /// HubSpot itself.
        SYSTEM => SystemActor,
        /// A website visitor or contact.
        VISITOR => VisitorActor,
        /// An email address HubSpot knows nothing else about.
        EMAIL => EmailActor,
        /// An AI agent.
        LLM => LlmActor,
    }

    /// A HubSpot user.
    pub object AgentActor {
        required { id: String }
        optional { name: String, email: String, avatar: String }
    }

    /// A chatbot.
    pub object BotActor {
        required { id: String }
        optional { name: String, avatar: String }
    }

    /// An app acting through an integration.
    pub object IntegratorActor {
        required { id: String, name: String }
        optional { avatar: String }
    }

    /// HubSpot itself.
    pub object SystemActor {
        required { id: String }
    }

    /// A website visitor or contact.
    pub object VisitorActor {
        required { id: String }
        optional { name: String, email: String, avatar: String }
    }

    /// An email address HubSpot knows nothing else about.
    pub object EmailActor {
        required { id: String, email: String }
    }

    /// An AI agent.
    pub object LlmActor {
        required { id: String }
        optional { name: String, avatar: String }
    }

    /// Where a batch request stands.
    pub enum BatchStatus { CANCELED, COMPLETE, PENDING, PROCESSING }

    /// The actors a batch read found, and what went wrong for the others.
    pub object BatchResponsePublicActor {
        required {
            /// The actors read.
            results: Vec<PublicActor>,
            /// Where the batch stands.
            status: BatchStatus,
            /// When HubSpot started it.
            started_at: DateTime,
            /// When HubSpot finished it.
            completed_at: DateTime,
        }
        optional {
            /// When it was requested.
            requested_at: DateTime,
            /// Related links, by name.
            links: HashMap<String, String>,
            /// One entry per id that could not be read.
            errors: Vec<StandardError>,
            /// How many ids could not be read.
            num_errors: i32,
        }
    }

    /// Why one item of a batch failed.
    pub object StandardError {
        required {
            /// The HTTP status, as a string.
            status: String,
            /// The error's main category.
            category: String,
            /// What went wrong.
            message: String,
            /// Details, one per problem.
            errors: Vec<ErrorDetail>,
            /// Context, e.g. the ids concerned.
            context: HashMap<String, Vec<String>>,
            /// Links to documentation, by name.
            links: HashMap<String, String>,
        }
        optional {
            /// This error's id.
            id: String,
            /// A more specific category.
            sub_category: JsonValue,
        }
    }

    /// One problem within a [`StandardError`].
    pub object ErrorDetail {
        required {
            /// What went wrong.
            message: String,
        }
        optional {
            /// A machine-readable code.
            code: String,
            /// Context, e.g. the field concerned.
            context: HashMap<String, Vec<String>>,
            /// Where in the request the problem is.
            r#in: String,
            /// A more specific category.
            sub_category: String,
        }
    }
}
