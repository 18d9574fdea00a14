//! `#[form]` bodies are form-encoded under snake_case names, and `#[auth]`
//! reaches the metadata and the docs' credentials line.

use hubspot_api::conversations::custom_channels::channels::{
    ArchiveCustomChannel, CreateCustomChannel, GetCustomChannel, ListCustomChannels,
    UpdateCustomChannel,
};
use hubspot_api::conversations::custom_channels::messages::PublishMessage;
use hubspot_api::{AuthScheme, Endpoint, hubspot_endpoint};
use hubspot_runtime::schema::BodyInfo;

hubspot_endpoint! {
    /// Trades an authorization code for tokens.
    #[auth(none)]
    #[form]
    pub endpoint CreateToken: POST { v1 => "/oauth/v1/token" } {
        required { grant_type: GrantType, client_id: String, client_secret: String }
        optional { redirect_uri: String, code: String, #[json = "refresh_token"] refresh: String, expires_in: i64 }
    } -> 200 ();

    /// How tokens are granted.
    pub enum GrantType { authorization_code, refresh_token }
}

/// Whether the client is told to send `E`'s body as a form.
fn is_form<E: Endpoint>(_: &E) -> bool {
    E::FORM
}

fn body(request: &impl Endpoint) -> String {
    String::from_utf8(request.body().unwrap().unwrap()).unwrap()
}

#[test]
fn a_form_body_is_url_encoded_under_snake_case_names() {
    let request = CreateToken::builder()
        .grant_type(GrantType::AuthorizationCode)
        .client_id("app id")
        .client_secret("s&cret=")
        .code("abc")
        .expires_in(1800)
        .build();
    assert!(is_form(&request));
    assert_eq!(
        body(&request),
        "grant_type=authorization_code&client_id=app+id&client_secret=s%26cret%3D&code=abc&expires_in=1800"
    );
    let refresh = CreateToken::builder()
        .grant_type(GrantType::RefreshToken)
        .client_id("a")
        .client_secret("b")
        .refresh("r-1")
        .build();
    assert_eq!(
        body(&refresh),
        "grant_type=refresh_token&client_id=a&client_secret=b&refresh_token=r-1"
    );
    let json = PublishMessage::builder()
        .channel_id(1)
        .channel_account_id("2")
        .text("hi")
        .message_direction(
            hubspot_api::conversations::custom_channels::messages::MessageDirection::Incoming,
        )
        .senders(vec![])
        .recipients(vec![])
        .attachments(vec![])
        .timestamp(hubspot_api::DateTime::default())
        .build();
    assert!(!is_form(&json), "JSON endpoints stay JSON");
    assert!(body(&json).starts_with('{'));
}

#[test]
fn form_metadata_names_the_wire_fields_and_no_credentials() {
    let info = CreateToken::METADATA;
    let BodyInfo::Form(fields) = info.body else {
        panic!("not a form body: {:?}", info.body);
    };
    let names: Vec<&str> = fields.iter().map(|f| f.json_name).collect();
    assert_eq!(
        names,
        [
            "grant_type",
            "client_id",
            "client_secret",
            "redirect_uri",
            "code",
            "refresh_token",
            "expires_in"
        ]
    );
    assert!(info.auth.is_empty());
}

#[test]
fn custom_channel_administration_takes_the_developer_key_and_the_rest_the_default() {
    for info in [
        CreateCustomChannel::METADATA,
        ListCustomChannels::METADATA,
        GetCustomChannel::METADATA,
        UpdateCustomChannel::METADATA,
        ArchiveCustomChannel::METADATA,
    ] {
        assert_eq!(info.auth, [AuthScheme::DeveloperKey], "{}", info.name);
    }
    let administration = [
        "CreateCustomChannel",
        "ListCustomChannels",
        "GetCustomChannel",
        "UpdateCustomChannel",
        "ArchiveCustomChannel",
    ];
    for info in hubspot_api::ENDPOINTS {
        // HubSpot's OAuth API takes no credentials of the client's.
        if info.paths.iter().all(|p| p.template.starts_with("/oauth/")) {
            assert_eq!(info.auth, [], "{}", info.name);
        } else if !administration.contains(&info.name) {
            assert_eq!(
                info.auth,
                [AuthScheme::OAuth, AuthScheme::PrivateApp],
                "{}",
                info.name
            );
        }
    }
    assert_eq!(AuthScheme::PrivateApp.to_string(), "private_app");
}
