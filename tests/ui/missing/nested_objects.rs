//! Request objects nested in a body are checked the same way.
use hubspot_api::conversations::custom_channels::messages::ChannelIntegrationParticipant;
use hubspot_api::conversations::models::{DeliveryIdentifierType, PublicDeliveryIdentifier};

fn main() {
    let _ = ChannelIntegrationParticipant::builder().name("Ada").build();
    let _ = PublicDeliveryIdentifier::builder()
        .r#type(DeliveryIdentifierType::HsPhoneNumber)
        .build();
}
