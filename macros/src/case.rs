//! Name conversions between Rust and HubSpot's JSON conventions.

/// `message_direction` → `messageDirection`; a raw identifier's `r#` is dropped.
pub fn camel_case(snake: &str) -> String {
    let snake = snake.strip_prefix("r#").unwrap_or(snake);
    let mut out = String::with_capacity(snake.len());
    let mut upper_next = false;
    for (i, ch) in snake.chars().enumerate() {
        if ch == '_' {
            upper_next = i > 0;
        } else if upper_next {
            out.extend(ch.to_uppercase());
            upper_next = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// `CHANNEL_SPECIFIC_OPAQUE_ID` → `ChannelSpecificOpaqueId`,
/// `hs_email_domain` → `HsEmailDomain`, `annualrevenue` → `Annualrevenue`.
/// Returns `None` when the result would not be a Rust identifier.
pub fn upper_camel_case(value: &str) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    for word in value.split(['_', '-', ' ']) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.extend(chars.flat_map(char::to_lowercase));
        }
    }
    let mut chars = out.chars();
    let first = chars.next()?;
    let valid = (first.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric());
    valid.then_some(out)
}

/// `PublishMessage` → `publish_message`.
pub fn snake_case(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    for (i, ch) in camel.chars().enumerate() {
        if ch.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(ch.to_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_follows_hubspot_json_names() {
        assert_eq!(camel_case("message_direction"), "messageDirection");
        assert_eq!(camel_case("in_reply_to_id"), "inReplyToId");
        assert_eq!(camel_case("text"), "text");
        assert_eq!(camel_case("r#type"), "type");
        assert_eq!(camel_case("channel_id"), "channelId");
    }

    #[test]
    fn upper_camel_case_makes_variant_names() {
        assert_eq!(upper_camel_case("INCOMING").as_deref(), Some("Incoming"));
        assert_eq!(
            upper_camel_case("CHANNEL_SPECIFIC_OPAQUE_ID").as_deref(),
            Some("ChannelSpecificOpaqueId")
        );
        assert_eq!(upper_camel_case("hs_v2_date").as_deref(), Some("HsV2Date"));
        assert_eq!(upper_camel_case("2026-03"), None);
        assert_eq!(upper_camel_case(""), None);
    }

    #[test]
    fn snake_case_splits_words() {
        assert_eq!(snake_case("PublishMessage"), "publish_message");
        assert_eq!(snake_case("Update"), "update");
    }
}
