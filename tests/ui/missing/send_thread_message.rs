//! Each required field of `SendThreadMessage` and of both kinds of body it
//! takes, left out.
use hubspot_api::conversations::threads::messages::{
    PublicCommentEgg, PublicConversationsMessageEgg, SendThreadMessage,
};

fn main() {
    let _ = SendThreadMessage::builder().build();

    // A message to the visitor with nothing set.
    let _ = PublicConversationsMessageEgg::builder().build();

    // A comment without its text.
    let _ = PublicCommentEgg::builder().attachments(vec![]).build();
}
