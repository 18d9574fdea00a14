//! Checks JSON values against the [`schema`](crate::schema) definitions,
//! collecting every problem (not just the first) as an [`ErrorDetail`].

use serde_json::Value;

use crate::errors::ErrorDetail;
use crate::schema::{Obj, Ty, Union};
use crate::time::is_rfc3339;

/// Problem code: a required property is missing (or `null`).
pub(crate) const REQUIRED_FIELD: &str = "REQUIRED_FIELD";
/// Problem code: a value has the wrong JSON type.
pub(crate) const INVALID_TYPE: &str = "INVALID_TYPE";
/// Problem code: a string is not one of the allowed values.
pub(crate) const INVALID_ENUM: &str = "INVALID_ENUM";
/// Problem code: a value has the right type but the wrong format (a
/// date-time that is not RFC 3339, an integer out of range).
pub(crate) const INVALID_FORMAT: &str = "INVALID_FORMAT";
/// Problem code: a value is well-typed but not acceptable.
pub(crate) const INVALID_VALUE: &str = "INVALID_VALUE";
/// Problem code: the body is not JSON.
pub(crate) const INVALID_JSON: &str = "INVALID_JSON";

/// Where the request body's problems are reported when they concern the
/// body as a whole.
pub(crate) const BODY: &str = "body";

/// Parses a request body as JSON and checks it is an object.
pub(crate) fn parse_object(body: &[u8]) -> Result<Value, ErrorDetail> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ErrorDetail::new(
            REQUIRED_FIELD,
            BODY,
            "The request body is required: send a JSON object",
        ));
    }
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        ErrorDetail::new(
            INVALID_JSON,
            BODY,
            format!("The request body is not valid JSON: {e}"),
        )
    })?;
    if value.is_object() {
        Ok(value)
    } else {
        Err(ErrorDetail::new(
            INVALID_TYPE,
            BODY,
            format!(
                "The request body must be a JSON object, got {}",
                json_type(&value)
            ),
        ))
    }
}

/// Checks `value` (the whole body) against an object schema.
pub(crate) fn check_object(value: &Value, obj: &Obj, problems: &mut Vec<ErrorDetail>) {
    check_fields(value, obj, "", problems);
}

/// Checks `value` (the whole body) against a tagged union.
pub(crate) fn check_union(value: &Value, union: &Union, problems: &mut Vec<ErrorDetail>) {
    check_tagged(value, union, "", problems);
}

/// The JSON type name of a value, for messages.
pub(crate) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

fn shown(path: &str) -> &str {
    if path.is_empty() { BODY } else { path }
}

fn type_problem(path: &str, expected: &str, value: &Value) -> ErrorDetail {
    ErrorDetail::new(
        INVALID_TYPE,
        shown(path),
        format!(
            "Field '{}' must be {expected}, got {}",
            shown(path),
            json_type(value)
        ),
    )
}

fn enum_problem(path: &str, got: &str, allowed: &[&str]) -> ErrorDetail {
    ErrorDetail::new(
        INVALID_ENUM,
        shown(path),
        format!(
            "Field '{}' has invalid value '{got}'; allowed values: {}",
            shown(path),
            allowed.join(", ")
        ),
    )
    .with_context(
        "allowedValues",
        allowed.iter().map(|s| (*s).to_string()).collect(),
    )
}

fn check(value: &Value, ty: &Ty, path: &str, problems: &mut Vec<ErrorDetail>) {
    match ty {
        Ty::String => {
            if !value.is_string() {
                problems.push(type_problem(path, "a string", value));
            }
        }
        Ty::DateTime => match value.as_str() {
            None => problems.push(type_problem(
                path,
                "a string holding an RFC 3339 date-time",
                value,
            )),
            Some(s) if !is_rfc3339(s) => problems.push(ErrorDetail::new(
                INVALID_FORMAT,
                shown(path),
                format!(
                    "Field '{}' must be an RFC 3339 date-time such as 2026-03-01T12:30:00Z, got '{s}'",
                    shown(path)
                ),
            )),
            Some(_) => {}
        },
        Ty::Int32 => check_integer(value, 32, path, problems),
        Ty::Int64 => check_integer(value, 64, path, problems),
        Ty::Number => {
            if !value.is_number() {
                problems.push(type_problem(path, "a number", value));
            }
        }
        Ty::Boolean => {
            if !value.is_boolean() {
                problems.push(type_problem(path, "a boolean", value));
            }
        }
        Ty::Map(values) => match value.as_object() {
            None => problems.push(type_problem(path, "an object", value)),
            Some(map) => {
                for (key, v) in map {
                    check(v, values, &join(path, key), problems);
                }
            }
        },
        Ty::FreeObject => {
            if !value.is_object() {
                problems.push(type_problem(path, "an object", value));
            }
        }
        Ty::Enum(allowed) => match value.as_str() {
            None => problems.push(type_problem(
                path,
                &format!("a string (one of {})", allowed.join(", ")),
                value,
            )),
            Some(s) if !allowed.contains(&s) => problems.push(enum_problem(path, s, allowed)),
            Some(_) => {}
        },
        Ty::Array(item) => match value.as_array() {
            None => problems.push(type_problem(path, "an array", value)),
            Some(items) => {
                for (i, v) in items.iter().enumerate() {
                    check(v, item, &format!("{}[{i}]", path), problems);
                }
            }
        },
        Ty::Object(obj) => check_fields(value, obj, path, problems),
        Ty::Union(union) => check_tagged(value, union, path, problems),
    }
}

fn check_integer(value: &Value, bits: u32, path: &str, problems: &mut Vec<ErrorDetail>) {
    let Value::Number(n) = value else {
        problems.push(type_problem(
            path,
            &format!("an integer ({bits}-bit)"),
            value,
        ));
        return;
    };
    if n.is_f64() {
        problems.push(type_problem(
            path,
            &format!("an integer ({bits}-bit)"),
            value,
        ));
        return;
    }
    let in_range = n
        .as_i64()
        .is_some_and(|i| bits == 64 || i32::try_from(i).is_ok());
    if !in_range {
        problems.push(ErrorDetail::new(
            INVALID_FORMAT,
            shown(path),
            format!(
                "Field '{}' must be a {bits}-bit signed integer, got {n}",
                shown(path)
            ),
        ));
    }
}

fn check_fields(value: &Value, obj: &Obj, path: &str, problems: &mut Vec<ErrorDetail>) {
    let Some(map) = value.as_object() else {
        problems.push(type_problem(path, "an object", value));
        return;
    };
    for field in obj.fields {
        let field_path = join(path, field.name);
        match map.get(field.name) {
            None | Some(Value::Null) if field.required => problems.push(ErrorDetail::new(
                REQUIRED_FIELD,
                field_path.clone(),
                format!("Required field '{field_path}' is missing"),
            )),
            None | Some(Value::Null) => {}
            Some(v) => check(v, &field.ty, &field_path, problems),
        }
    }
}

fn check_tagged(value: &Value, union: &Union, path: &str, problems: &mut Vec<ErrorDetail>) {
    let Some(map) = value.as_object() else {
        problems.push(type_problem(path, "an object", value));
        return;
    };
    let tags = union.tags();
    let type_path = join(path, "type");
    match map.get("type") {
        None | Some(Value::Null) => problems.push(
            ErrorDetail::new(
                REQUIRED_FIELD,
                type_path.clone(),
                format!(
                    "Required field '{type_path}' is missing; allowed values: {}",
                    tags.join(", ")
                ),
            )
            .with_context(
                "allowedValues",
                tags.iter().map(|s| (*s).to_string()).collect(),
            ),
        ),
        Some(Value::String(tag)) => match union.variant(tag) {
            Some(obj) => check_fields(value, obj, path, problems),
            None => problems.push(enum_problem(&type_path, tag, &tags)),
        },
        Some(other) => problems.push(type_problem(
            &type_path,
            &format!("a string (one of {})", tags.join(", ")),
            other,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{CHANNEL_MESSAGE_EGG_V3, MESSAGE_EGG};
    use serde_json::json;

    fn problems_for(value: Value) -> Vec<(String, &'static str)> {
        let mut problems = Vec::new();
        check_object(&value, &CHANNEL_MESSAGE_EGG_V3, &mut problems);
        problems.into_iter().map(|p| (p.location, p.code)).collect()
    }

    fn valid_egg() -> Value {
        json!({
            "text": "hi",
            "messageDirection": "INCOMING",
            "senders": [{"deliveryIdentifier": {"type": "HS_EMAIL_ADDRESS", "value": "a@b.c"}}],
            "recipients": [],
            "channelAccountId": "1",
            "timestamp": "2026-03-01T12:00:00Z",
            "attachments": [{"type": "FILE", "fileId": "9"}],
        })
    }

    #[test]
    fn valid_egg_has_no_problems() {
        assert!(problems_for(valid_egg()).is_empty());
    }

    #[test]
    fn collects_every_problem_with_paths() {
        let mut egg = valid_egg();
        egg["senders"][0]["deliveryIdentifier"]["type"] = json!("PIGEON");
        egg["text"] = Value::Null;
        egg["timestamp"] = json!("yesterday");
        egg["attachments"] = json!([{"type": "FILE"}, {"fileId": "1"}, {"type": "GIF"}, 3]);
        egg["associateWithContactId"] = json!(1.5);
        egg["recipients"] = json!("nobody");
        let got = problems_for(egg);
        let expected = [
            ("associateWithContactId", INVALID_TYPE),
            ("attachments[0].fileId", REQUIRED_FIELD),
            ("attachments[1].type", REQUIRED_FIELD),
            ("attachments[2].type", INVALID_ENUM),
            ("attachments[3]", INVALID_TYPE),
            ("recipients", INVALID_TYPE),
            ("senders[0].deliveryIdentifier.type", INVALID_ENUM),
            ("text", REQUIRED_FIELD),
            ("timestamp", INVALID_FORMAT),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(p, c)| (p.as_str(), *c)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn integer_ranges() {
        let mut problems = Vec::new();
        check(&json!(i64::MIN), &Ty::Int64, "x", &mut problems);
        check(&json!(u64::MAX), &Ty::Int64, "y", &mut problems);
        check(&json!(2.0), &Ty::Int64, "z", &mut problems);
        check(&json!("3"), &Ty::Int64, "w", &mut problems);
        check(&json!(1u64 << 40), &Ty::Int32, "v", &mut problems);
        check(&json!(-5), &Ty::Int32, "u", &mut problems);
        let codes: Vec<_> = problems
            .iter()
            .map(|p| (p.location.as_str(), p.code))
            .collect();
        assert_eq!(
            codes,
            [
                ("y", INVALID_FORMAT),
                ("z", INVALID_TYPE),
                ("w", INVALID_TYPE),
                ("v", INVALID_FORMAT)
            ]
        );
    }

    #[test]
    fn union_root() {
        let mut problems = Vec::new();
        check_union(&json!({"type": "NOTE"}), &MESSAGE_EGG, &mut problems);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].location, "type");
        assert!(problems[0].message.contains("MESSAGE, COMMENT"));
    }

    #[test]
    fn parse_object_errors() {
        assert_eq!(parse_object(b"").unwrap_err().code, REQUIRED_FIELD);
        assert_eq!(parse_object(b"{").unwrap_err().code, INVALID_JSON);
        assert_eq!(parse_object(b"[1]").unwrap_err().code, INVALID_TYPE);
        assert!(parse_object(b" {} ").is_ok());
    }
}
