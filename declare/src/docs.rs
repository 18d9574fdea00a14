//! HubSpot's descriptions as rustdoc: wrapped, and cleaned of what rustdoc
//! would misread (bare URLs, brackets that look like links, HTML tags,
//! code fences that would become doctests).

/// `text` as doc-comment lines of at most `width` characters (a word longer
/// than that gets a line of its own).
pub fn lines(text: &str, width: usize) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace("```", "`");
    let mut out = Vec::new();
    for paragraph in text.split("\n\n") {
        let clean = clean(paragraph);
        let words = keep_links_whole(clean.split_whitespace());
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(String::new());
        }
        let mut line = String::new();
        for word in &words {
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if !line.is_empty() {
            out.push(line);
        }
    }
    out
}

/// Words, with a Markdown link's text (`[the guide](…)`) kept on one line.
fn keep_links_whole<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for word in words {
        if open && let Some(last) = out.last_mut() {
            last.push(' ');
            last.push_str(word);
        } else {
            out.push(word.to_owned());
        }
        let current = out.last().map(String::as_str).unwrap_or_default();
        let starts = current
            .match_indices('[')
            .any(|(i, _)| i == 0 || &current[i - 1..i] != "\\");
        open = starts && !current.contains("](");
    }
    out
}

/// One paragraph with rustdoc's traps removed; code spans stay verbatim.
fn clean(paragraph: &str) -> String {
    let mut text = strip_tags(paragraph);
    if text.matches('`').count() % 2 == 1
        && let Some(last) = text.rfind('`')
    {
        text.remove(last);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_code = false;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if ch == '`' {
            in_code = !in_code;
            out.push(ch);
            i += 1;
            continue;
        }
        if in_code {
            out.push(ch);
            i += 1;
            continue;
        }
        let rest: String = chars[i..].iter().take(8).collect();
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let end = chars[i..]
                .iter()
                .position(|c| c.is_whitespace() || matches!(c, ')' | '"' | '\'' | '<' | '>'))
                .map_or(chars.len(), |n| i + n);
            let mut url: String = chars[i..end].iter().collect();
            let mut trailing = String::new();
            while url.ends_with(['.', ',', ';', ':']) {
                trailing.insert(0, url.pop().unwrap_or_default());
            }
            out.push('<');
            out.push_str(&url);
            out.push('>');
            out.push_str(&trailing);
            i = end;
            continue;
        }
        if ch == '['
            && let Some(len) = markdown_link(&chars[i..])
        {
            out.extend(&chars[i..i + len]);
            i += len;
            continue;
        }
        match ch {
            '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
        i += 1;
    }
    out
}

/// The length of a Markdown link `[text](https://…)` at the start of
/// `chars`, which rustdoc renders as a link (not an intra-doc one).
fn markdown_link(chars: &[char]) -> Option<usize> {
    let close = chars.iter().position(|c| *c == ']')?;
    if chars[1..close].contains(&'[') || chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let target: String = chars[close + 2..].iter().take(8).collect();
    if !(target.starts_with("http://") || target.starts_with("https://")) {
        return None;
    }
    let end = chars[close + 2..]
        .iter()
        .position(|c| *c == ')' || c.is_whitespace())?;
    (chars[close + 2 + end] == ')').then_some(close + 3 + end)
}

/// Removes HTML tags (`<br>`, `<a href="…">`, `</p>`), keeping their text.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        match (is_tag, after.find('>')) {
            (true, Some(close)) if !after[..close].contains('<') => {
                out.push_str(&rest[..open]);
                out.push(' ');
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_escapes() {
        let text = "See https://developers.hubspot.com/docs. Use [contacts] and <b>bold</b> `a[0]_b`.\n\nNext paragraph";
        assert_eq!(
            lines(text, 45),
            [
                "See <https://developers.hubspot.com/docs>.",
                "Use \\[contacts\\] and bold `a[0]_b`.",
                "",
                "Next paragraph",
            ]
        );
    }

    #[test]
    fn markdown_links_stay_links() {
        assert_eq!(
            lines(
                "Define [property values](https://developers.hubspot.com/docs/x) here.",
                200
            ),
            ["Define [property values](https://developers.hubspot.com/docs/x) here."]
        );
    }

    #[test]
    fn fences_and_odd_backticks_cannot_make_doctests() {
        let text = "```json\n{\"a\": 1}\n``` and `x";
        let out = lines(text, 80).join("\n");
        assert!(!out.contains("```"), "{out}");
        assert_eq!(out.matches('`').count() % 2, 0, "{out}");
    }
}
