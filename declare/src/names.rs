//! Names: HubSpot's JSON and path spellings turned into the Rust names a
//! declaration uses, with the same conversions the macro applies.

/// Rust's keywords (2024 edition, strict and reserved), which a field name
/// must spell as a raw identifier and a variant name must avoid.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

/// Keywords that cannot be raw identifiers either.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// Whether `word` is a Rust keyword.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// Whether `word` is a plain Rust identifier (ASCII, not a keyword).
pub fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && word != "_"
        && !is_keyword(word)
}

/// The macro's wire name for a Rust field name: `message_direction` →
/// `messageDirection` (`r#` dropped).
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

/// The macro's variant name for an enum value or union tag:
/// `CHANNEL_SPECIFIC_OPAQUE_ID` → `ChannelSpecificOpaqueId`; `None` when
/// that would not be an identifier.
pub fn variant_case(value: &str) -> Option<String> {
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
    let valid = first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric());
    valid.then_some(out)
}

/// Splits any spelling into lowercase words: `createdAt`, `created_at`,
/// `gdpr-delete`, `HS_OBJECT_ID`, `objectType` → `["created", "at"]`, ….
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        if !ch.is_ascii_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let boundary = ch.is_ascii_uppercase()
            && !current.is_empty()
            && (chars[i - 1].is_ascii_lowercase()
                || chars[i - 1].is_ascii_digit()
                || chars.get(i + 1).is_some_and(|c| c.is_ascii_lowercase()));
        if boundary {
            out.push(std::mem::take(&mut current));
        }
        current.push(ch.to_ascii_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// `gdpr-delete`, `contactId` → `GdprDelete`, `ContactId`.
pub fn upper_camel(text: &str) -> String {
    words(text)
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// A Rust field name for a JSON name, and whether the macro's camelCase of
/// it gives the JSON name back (if not, the field needs `#[json = "…"]`).
/// `form` fields keep their name as written (the macro does not convert
/// them), so only their spelling is fixed.
pub fn field_name(json: &str, form: bool) -> (String, bool) {
    let snake = if form && is_identifier(json) {
        json.to_owned()
    } else {
        let joined = words(json).join("_");
        if joined.is_empty() {
            "field".to_owned()
        } else if joined.starts_with(|c: char| c.is_ascii_digit()) {
            format!("n{joined}")
        } else {
            joined
        }
    };
    let name = if is_keyword(&snake) && !NOT_RAW.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else if NOT_RAW.contains(&snake.as_str()) {
        format!("{snake}_")
    } else {
        snake
    };
    let wire = if form {
        name.strip_prefix("r#").unwrap_or(&name).to_owned()
    } else {
        camel_case(&name)
    };
    let matches = wire == json;
    (name, matches)
}

/// A resource noun in the singular: `contacts` → `contact`, `companies` →
/// `company`, `inboxes` → `inbox`; words that are not plurals stay.
pub fn singular(word: &str) -> String {
    const SAME: &[&str] = &[
        "settings",
        "status",
        "news",
        "details",
        "analytics",
        "access",
    ];
    if SAME.contains(&word) || word.len() < 3 {
        return word.to_owned();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["sses", "xes", "ches", "shes"] {
        if let Some(stem) = word.strip_suffix(ending) {
            return format!("{stem}{}", &ending[..ending.len() - 2]);
        }
    }
    if word.ends_with("ss") || word.ends_with("us") {
        return word.to_owned();
    }
    word.strip_suffix('s').unwrap_or(word).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_get_snake_names_that_map_back() {
        assert_eq!(field_name("createdAt", false), ("created_at".into(), true));
        assert_eq!(
            field_name("hs_object_id", false),
            ("hs_object_id".into(), false)
        );
        assert_eq!(field_name("type", false), ("r#type".into(), true));
        assert_eq!(field_name("grant_type", true), ("grant_type".into(), true));
        assert_eq!(field_name("self", false), ("self_".into(), true));
        assert_eq!(field_name("2xx", false), ("n2xx".into(), false));
        assert_eq!(field_name("objectID", false), ("object_id".into(), false));
    }

    #[test]
    fn words_split_every_spelling() {
        assert_eq!(words("createdAt"), ["created", "at"]);
        assert_eq!(words("gdpr-delete"), ["gdpr", "delete"]);
        assert_eq!(words("HS_OBJECT_ID"), ["hs", "object", "id"]);
        assert_eq!(words("objectID"), ["object", "id"]);
        assert_eq!(
            upper_camel("channel-account-staging-tokens"),
            "ChannelAccountStagingTokens"
        );
    }

    #[test]
    fn singulars() {
        for (plural, one) in [
            ("contacts", "contact"),
            ("companies", "company"),
            ("inboxes", "inbox"),
            ("settings", "settings"),
            ("subscriptions", "subscription"),
            ("status", "status"),
            ("batches", "batch"),
        ] {
            assert_eq!(singular(plural), one);
        }
    }

    #[test]
    fn variants_follow_the_macro() {
        assert_eq!(variant_case("HS_EMAIL").as_deref(), Some("HsEmail"));
        assert_eq!(variant_case("2026-03"), None);
    }
}
