//! Path templates such as `/conversations/v3/custom-channels/{channelId}/messages`.

/// One piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text sent as is.
    Literal(String),
    /// A `{name}` placeholder.
    Param(String),
}

/// Why a template is malformed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// It does not start with `/`.
    NotAbsolute,
    /// A `{` without its `}`, a `}` without its `{`, or a nested `{`.
    UnbalancedBrace,
    /// `{}` or a name that is not `[A-Za-z_][A-Za-z0-9_]*`.
    BadPlaceholder(String),
    /// A `?` or `#`: query parameters are declared in `query { … }`.
    QueryInPath,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::NotAbsolute => f.write_str("a path must start with `/`"),
            TemplateError::UnbalancedBrace => f.write_str("unbalanced `{` or `}` in path"),
            TemplateError::BadPlaceholder(name) => {
                write!(
                    f,
                    "`{{{name}}}` is not a valid placeholder: expected `{{camelCaseName}}`"
                )
            }
            TemplateError::QueryInPath => f.write_str(
                "a path cannot contain `?` or `#`: declare query parameters in `query { … }`",
            ),
        }
    }
}

/// Splits a template into literal text and placeholders.
pub fn parse_template(template: &str) -> Result<Vec<Piece>, TemplateError> {
    if !template.starts_with('/') {
        return Err(TemplateError::NotAbsolute);
    }
    if template.contains(['?', '#']) {
        return Err(TemplateError::QueryInPath);
    }
    let mut pieces = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        match rest.find(['{', '}']) {
            None => {
                pieces.push(Piece::Literal(rest.to_owned()));
                break;
            }
            Some(at) if rest.as_bytes()[at] == b'}' => return Err(TemplateError::UnbalancedBrace),
            Some(at) => {
                if at > 0 {
                    pieces.push(Piece::Literal(rest[..at].to_owned()));
                }
                let after = &rest[at + 1..];
                let close = after.find('}').ok_or(TemplateError::UnbalancedBrace)?;
                let name = &after[..close];
                if name.contains('{') {
                    return Err(TemplateError::UnbalancedBrace);
                }
                if !is_identifier(name) {
                    return Err(TemplateError::BadPlaceholder(name.to_owned()));
                }
                pieces.push(Piece::Param(name.to_owned()));
                rest = &after[close + 1..];
            }
        }
    }
    Ok(pieces)
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The `format!` string for a parsed template: placeholders become `{}`.
pub fn format_string(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Literal(text) => out.push_str(text),
            Piece::Param(_) => out.push_str("{}"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_placeholders_from_text() {
        let pieces =
            parse_template("/conversations/v3/custom-channels/{channelId}/messages/{messageId}")
                .unwrap();
        assert_eq!(
            pieces,
            vec![
                Piece::Literal("/conversations/v3/custom-channels/".into()),
                Piece::Param("channelId".into()),
                Piece::Literal("/messages/".into()),
                Piece::Param("messageId".into()),
            ]
        );
        assert_eq!(
            format_string(&pieces),
            "/conversations/v3/custom-channels/{}/messages/{}"
        );
    }

    #[test]
    fn rejects_malformed_templates() {
        assert_eq!(parse_template("a/{b}"), Err(TemplateError::NotAbsolute));
        assert_eq!(parse_template("/a/{b"), Err(TemplateError::UnbalancedBrace));
        assert_eq!(parse_template("/a/b}"), Err(TemplateError::UnbalancedBrace));
        assert_eq!(
            parse_template("/a/{{b}}"),
            Err(TemplateError::UnbalancedBrace)
        );
        assert_eq!(
            parse_template("/a/{}"),
            Err(TemplateError::BadPlaceholder(String::new()))
        );
        assert_eq!(
            parse_template("/a/{b-c}"),
            Err(TemplateError::BadPlaceholder("b-c".into()))
        );
        assert_eq!(parse_template("/a?x=1"), Err(TemplateError::QueryInPath));
    }

    #[test]
    fn a_template_without_placeholders_is_one_literal() {
        assert_eq!(
            parse_template("/a/b").unwrap(),
            vec![Piece::Literal("/a/b".into())]
        );
    }
}
