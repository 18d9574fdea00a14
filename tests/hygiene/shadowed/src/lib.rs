//! Declares endpoints beside local types that shadow the prelude's names:
//! generated code must not pick them up.

#![allow(dead_code)]

/// Shadows `core::option::Option`.
pub struct Option;
/// Shadows `core::result::Result`.
pub struct Result;
/// Shadows `std::string::String`.
pub struct String;
/// Shadows `std::vec::Vec`.
pub struct Vec;
/// Shadows `std::boxed::Box`.
pub struct Box;
/// Shadows `Option::Some`.
pub struct Some;
/// Shadows `Option::None`.
pub struct None;
/// Shadows `Result::Ok`.
pub struct Ok;
/// Shadows `Result::Err`.
pub struct Err;
/// Shadows the `Clone` trait's name.
pub trait Clone {}
/// Shadows the `Into` trait's name.
pub trait Into {}
/// Shadows the `ToOwned` trait's name.
pub trait ToOwned {}

hubspot_runtime::hubspot_endpoint! {
    /// Someone taking part in a conversation.
    pub object Participant {
        required { name: ::std::string::String }
        optional { tags: ::std::vec::Vec<::std::string::String> }
    }

    /// Which way a message travels.
    pub enum Direction { INCOMING, OUTGOING }

    /// A file attachment.
    pub object File { required { file_id: ::std::string::String } }

    /// A place.
    pub object Location { required { latitude: f64 } }

    /// What a message may carry.
    pub union Attachment { FILE => File, LOCATION => Location }

    /// Sends a message.
    #[scopes("conversations.write")]
    #[idempotency_key(key)]
    pub endpoint Publish: POST {
        v3        => "/channels/{channelId}/messages",
        "2026-03" => "/channels/2026-03/{channelId}/messages",
    } {
        path     { channel_id: i64 }
        query    { direction: Direction, limit: ::core::option::Option<i32> }
        required { text: ::std::string::String, attachments: ::std::vec::Vec<Attachment>, sender: Participant }
        optional { key: ::std::string::String, subject: ::std::string::String }
    } -> 201 Participant;

    /// Replaces a participant: the whole body is one object.
    pub endpoint Replace: PUT { v3 => "/participants/{id}" } {
        path { id: ::std::string::String }
        body { participant: Participant }
    } -> 204 ();

    /// Lists participants, page by page.
    #[paginated]
    pub endpoint ListParticipants: GET { v3 => "/participants" } {
        query { after: ::core::option::Option<::std::string::String>, limit: ::core::option::Option<i32> }
    } -> 200 ParticipantPage;

    /// One page of participants.
    #[page]
    pub object ParticipantPage {
        required { results: ::std::vec::Vec<Participant> }
        optional { paging: Paging }
    }

    /// Where the next page starts.
    pub object Paging { optional { next: NextPage } }

    /// The next page's cursor.
    pub object NextPage { required { after: ::std::string::String } }

    /// Trades a code for a token: no credentials, a form body.
    #[auth(none)]
    #[form]
    pub endpoint CreateToken: POST { v1 => "/oauth/v1/token" } {
        required { grant_type: Direction, client_id: ::std::string::String }
        optional { expires_in: i64 }
    } -> 200 ();

    /// Registers a channel with the developer key.
    #[auth(developer_key)]
    pub endpoint CreateChannel: POST { v3 => "/channels" } {
        required { name: ::std::string::String }
    } -> 201 ();
}

#[cfg(test)]
mod tests {
    use ::std::prelude::rust_2024::*;

    use hubspot_runtime::Endpoint as _;

    use crate::{
        Attachment, CreateChannel, CreateToken, Direction, File, ListParticipants, Participant,
        ParticipantPage, Publish, Replace,
    };

    fn publish() -> Publish {
        Publish::builder()
            .channel_id(42)
            .direction(Direction::Incoming)
            .text("hi")
            .attachments(vec![File::builder().file_id("f-1").build().into()])
            .sender(
                Participant::builder()
                    .name("Ada")
                    .tags(vec!["vip".to_owned()])
                    .build(),
            )
            .subject("Hello")
            .build()
    }

    #[test]
    fn the_request_is_built_and_serialized() {
        let request = publish();
        assert_eq!(request.__path(0), "/channels/42/messages");
        assert_eq!(request.__path(1), "/channels/2026-03/42/messages");
        let body: ::serde_json::Value =
            ::serde_json::from_slice(&request.body().unwrap().unwrap()).unwrap();
        assert_eq!(
            body,
            ::serde_json::json!({
                "text": "hi",
                "attachments": [{"type": "FILE", "fileId": "f-1"}],
                "sender": {"name": "Ada", "tags": ["vip"]},
                "subject": "Hello",
            })
        );
        // The idempotency key is filled in when left unset.
        let keyed: ::serde_json::Value = ::serde_json::from_slice(
            &request
                .__body_with_idempotency_key(|| "k-1".to_owned())
                .unwrap()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(keyed["key"], "k-1");
        assert_eq!(request.direction, Direction::Incoming);
        assert_eq!(request.limit, None);
    }

    #[test]
    fn metadata_names_the_declared_types() {
        let info = Publish::METADATA;
        assert_eq!(info.name, "Publish");
        assert_eq!(info.success_status, 201);
        assert_eq!(info.scopes, ["conversations.write"]);
        assert_eq!(Publish::IDEMPOTENCY_KEY, Some("key"));
        let text = format!("{info:?}");
        assert!(!text.contains("0x"), "{text}");
        assert!(text.contains("response: Object(Participant)"), "{text}");
        assert!(
            text.contains("name: \"attachments\", json_name: \"attachments\", required: true, ty: Array(Union(Attachment))"),
            "{text}"
        );
        assert_eq!(Attachment::METADATA.variants.len(), 2);
        assert_eq!(Direction::VALUES, ["INCOMING", "OUTGOING"]);
        assert_eq!(
            ListParticipants::METADATA.query_params[0].json_name,
            "after"
        );
    }

    #[test]
    fn decoding_and_the_other_items_work() {
        let page: ParticipantPage = ::serde_json::from_value(::serde_json::json!({
            "results": [{"name": "Ada"}],
            "paging": {"next": {"after": "c-2"}},
        }))
        .unwrap();
        assert_eq!(page.results[0].name, "Ada");
        assert_eq!(page.paging.unwrap().next.unwrap().after, "c-2");
        let attachment: Attachment =
            ::serde_json::from_value(::serde_json::json!({"type": "LOCATION", "latitude": 1.5}))
                .unwrap();
        assert_eq!(attachment.tag(), Some("LOCATION"));
        assert_eq!(
            Direction::from("SIDEWAYS"),
            Direction::Unknown("SIDEWAYS".to_owned())
        );
        let replace = Replace::builder()
            .id("a/b")
            .participant(Participant::builder().name("Bo").build())
            .build();
        assert_eq!(replace.__path(0), "/participants/a%2Fb");
        assert_eq!(replace.body().unwrap().unwrap(), br#"{"name":"Bo"}"#);
    }

    #[test]
    fn builders_are_clone_and_debug() {
        let builder = Publish::builder().channel_id(7).subject("s");
        let copy = builder.clone();
        assert_eq!(
            format!("{copy:?}"),
            "PublishBuilder { channel_id: 7, direction: Unset, text: Unset, attachments: Unset, \
             sender: Unset, limit: None, key: None, subject: Some(\"s\"), version: None }"
        );
        drop(builder);
    }

    #[test]
    fn form_bodies_and_credentials_expand() {
        let token = CreateToken::builder()
            .grant_type(Direction::Outgoing)
            .client_id("a b")
            .build();
        assert_eq!(
            token.body().unwrap().unwrap(),
            b"grant_type=OUTGOING&client_id=a+b"
        );
        assert!(CreateToken::METADATA.auth.is_empty());
        assert_eq!(
            CreateChannel::METADATA.auth,
            [::hubspot_runtime::AuthScheme::DeveloperKey]
        );
    }
}
