//! Query-string parameters: parsing, checking them against the specs'
//! parameter schemas, and paging lists with `limit` and `after`.

use serde_json::{Map, Value, json};

use super::params::percent_decode;
use super::{CrmOp, Op};
use crate::errors::{ApiError, ErrorDetail};
use crate::time::is_rfc3339;
use crate::validate::{INVALID_ENUM, INVALID_FORMAT, INVALID_TYPE, INVALID_VALUE};

/// The type of a query parameter (of each value, for an array one).
#[derive(Debug, Clone, Copy)]
pub(crate) enum QTy {
    String,
    Boolean,
    Int32,
    Int64,
    DateTime,
    Enum(&'static [&'static str]),
}

impl QTy {
    /// How `spec_check` writes the spec's schema: `string`, `integer
    /// int32`, `date-time`, `enum [...]` (values sorted).
    #[cfg(test)]
    pub(crate) fn describe(self) -> String {
        match self {
            QTy::String => "string".to_owned(),
            QTy::Boolean => "boolean".to_owned(),
            QTy::Int32 => "integer int32".to_owned(),
            QTy::Int64 => "integer int64".to_owned(),
            QTy::DateTime => "date-time".to_owned(),
            QTy::Enum(values) => {
                let mut values = values.to_vec();
                values.sort_unstable();
                format!("enum {values:?}")
            }
        }
    }
}

/// One query parameter a spec operation takes. All are optional.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QParam {
    pub(crate) name: &'static str,
    pub(crate) ty: QTy,
    /// `type: array`: the key may repeat.
    pub(crate) array: bool,
}

const fn one(name: &'static str, ty: QTy) -> QParam {
    QParam {
        name,
        ty,
        array: false,
    }
}

const fn many(name: &'static str, ty: QTy) -> QParam {
    QParam {
        name,
        ty,
        array: true,
    }
}

const AFTER: QParam = one("after", QTy::String);
const ARCHIVED: QParam = one("archived", QTy::Boolean);
const DEFAULT_PAGE_LENGTH: QParam = one("defaultPageLength", QTy::Int32);
const LIMIT: QParam = one("limit", QTy::Int32);
const PROPERTY: QParam = one("property", QTy::String);
const SORT: QParam = many("sort", QTy::String);
const ASSOCIATION: QParam = many("association", QTy::Enum(&["TICKET"]));

const PAGED: &[QParam] = &[AFTER, DEFAULT_PAGE_LENGTH, LIMIT, SORT];
const CUSTOM_CHANNEL_ACCOUNTS: &[QParam] = &[
    AFTER,
    ARCHIVED,
    DEFAULT_PAGE_LENGTH,
    many(
        "deliveryIdentifierType",
        QTy::Enum(crate::schema::DELIVERY_IDENTIFIER_TYPES),
    ),
    many("deliveryIdentifierValue", QTy::String),
    LIMIT,
    SORT,
];
const ONLY_ARCHIVED: &[QParam] = &[ARCHIVED];
const ONLY_PROPERTY: &[QParam] = &[PROPERTY];
const CHANNEL_ACCOUNTS: &[QParam] = &[
    AFTER,
    ARCHIVED,
    many("channelId", QTy::Int32),
    DEFAULT_PAGE_LENGTH,
    many("inboxId", QTy::Int32),
    LIMIT,
    SORT,
];
const INBOXES: &[QParam] = &[AFTER, ARCHIVED, DEFAULT_PAGE_LENGTH, LIMIT, SORT];
const THREADS: &[QParam] = &[
    AFTER,
    ARCHIVED,
    one("associatedContactId", QTy::Int64),
    one("associatedTicketId", QTy::Int64),
    ASSOCIATION,
    many("inboxId", QTy::Int32),
    one("latestMessageTimestampAfter", QTy::DateTime),
    LIMIT,
    PROPERTY,
    SORT,
    one("threadStatus", QTy::Enum(crate::schema::THREAD_STATUSES)),
];
const THREAD: &[QParam] = &[ARCHIVED, ASSOCIATION, PROPERTY];
const THREAD_MESSAGES: &[QParam] = &[AFTER, ARCHIVED, LIMIT, PROPERTY, SORT];
const CRM_ASSOCIATIONS: QParam = many("associations", QTy::String);
const CRM_PROPERTIES: QParam = many("properties", QTy::String);
const CRM_HISTORY: QParam = many("propertiesWithHistory", QTy::String);
const CRM_ID_PROPERTY: QParam = one("idProperty", QTy::String);
const CRM_LIST: &[QParam] = &[
    AFTER,
    ARCHIVED,
    CRM_ASSOCIATIONS,
    LIMIT,
    CRM_PROPERTIES,
    CRM_HISTORY,
];
const CRM_GET: &[QParam] = &[
    ARCHIVED,
    CRM_ASSOCIATIONS,
    CRM_ID_PROPERTY,
    CRM_PROPERTIES,
    CRM_HISTORY,
];
const CRM_UPDATE: &[QParam] = &[CRM_ID_PROPERTY];

/// The query parameters of each operation, transcribed from the specs
/// (`spec_check` compares them).
pub(crate) fn params_for(op: Op) -> &'static [QParam] {
    match op {
        Op::ListCustomChannels | Op::ListChannels => PAGED,
        Op::ListCustomChannelAccounts => CUSTOM_CHANNEL_ACCOUNTS,
        Op::GetCustomChannelAccount | Op::GetChannelAccount | Op::GetInbox | Op::UpdateThread => {
            ONLY_ARCHIVED
        }
        Op::GetActor | Op::BatchReadActors | Op::GetThreadMessage | Op::GetOriginalContent => {
            ONLY_PROPERTY
        }
        Op::ListChannelAccounts => CHANNEL_ACCOUNTS,
        Op::ListInboxes => INBOXES,
        Op::ListThreads => THREADS,
        Op::GetThread => THREAD,
        Op::ListThreadMessages => THREAD_MESSAGES,
        Op::Crm(CrmOp::List, _) => CRM_LIST,
        Op::Crm(CrmOp::Get, _) => CRM_GET,
        Op::Crm(CrmOp::Update, _) => CRM_UPDATE,
        Op::Crm(CrmOp::BatchRead, _) => ONLY_ARCHIVED,
        _ => &[],
    }
}

/// A parsed query string.
#[derive(Debug, Default)]
pub(crate) struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Splits `a=1&b=2` (without the `?`), percent-decoding names and
    /// values (`+` is a space).
    pub(crate) fn parse(raw: &str) -> Query {
        let decode = |s: &str| percent_decode(&s.replace('+', " "));
        let pairs = raw
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| match pair.split_once('=') {
                Some((name, value)) => (decode(name), decode(value)),
                None => (decode(pair), String::new()),
            })
            .collect();
        Query { pairs }
    }

    /// Every value given for `name`.
    pub(crate) fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The first value given for `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.all(name).first().copied()
    }

    /// `name` as a boolean (after [`check`](Query::check) passed).
    pub(crate) fn flag(&self, name: &str) -> bool {
        self.get(name) == Some("true")
    }

    /// Checks every known parameter of `op` that is present, adding one
    /// problem per bad value. Unknown parameters are ignored, as HubSpot
    /// does.
    pub(crate) fn check(&self, op: Op, problems: &mut Vec<ErrorDetail>) {
        for param in params_for(op) {
            let values = self.all(param.name);
            if values.len() > 1 && !param.array {
                problems.push(ErrorDetail::new(
                    INVALID_VALUE,
                    param.name,
                    format!("Query parameter '{}' may be given once", param.name),
                ));
            }
            for value in values {
                if let Err(problem) = check_value(param, value) {
                    problems.push(problem);
                }
            }
        }
    }

    /// Checks the query, then answers one page of `items`: at most `limit`
    /// (else `defaultPageLength`, else 20) items from the cursor `after`
    /// (an offset the fake handed out), with `paging.next.after` unless
    /// this is the last page, and `total` for the `WithTotal` collections.
    pub(crate) fn page(
        &self,
        items: Vec<Value>,
        with_total: bool,
        next_link: &str,
    ) -> Result<Value, ApiError> {
        let total = items.len();
        let limit = self
            .get("limit")
            .or_else(|| self.get("defaultPageLength"))
            .map_or(Ok(20), |raw| match raw.parse::<usize>() {
                Ok(n) if (1..=500).contains(&n) => Ok(n),
                _ => Err(ApiError::validation(vec![ErrorDetail::new(
                    INVALID_VALUE,
                    "limit",
                    format!("Query parameter 'limit' must be between 1 and 500, got '{raw}'"),
                )])),
            })?;
        let start = match self.get("after") {
            None => 0,
            Some(raw) => raw
                .parse::<usize>()
                .ok()
                .filter(|offset| *offset <= total)
                .ok_or_else(|| {
                    ApiError::validation(vec![ErrorDetail::new(
                        INVALID_VALUE,
                        "after",
                        format!(
                            "Query parameter 'after' is not a cursor this list handed out: '{raw}'"
                        ),
                    )])
                })?,
        };
        let end = (start + limit).min(total);
        let results: Vec<Value> = items.into_iter().skip(start).take(end - start).collect();
        let mut page = Map::new();
        page.insert("results".into(), Value::Array(results));
        if with_total {
            page.insert("total".into(), json!(total));
        }
        if end < total {
            page.insert(
                "paging".into(),
                json!({ "next": { "after": end.to_string(), "link": format!("{next_link}?after={end}") } }),
            );
        }
        Ok(Value::Object(page))
    }
}

fn check_value(param: &QParam, value: &str) -> Result<(), ErrorDetail> {
    let name = param.name;
    let bad = |code: &'static str, what: String| {
        Err(ErrorDetail::new(
            code,
            name,
            format!("Query parameter '{name}' {what}, got '{value}'"),
        ))
    };
    match param.ty {
        QTy::String => Ok(()),
        QTy::Boolean if matches!(value, "true" | "false") => Ok(()),
        QTy::Boolean => bad(INVALID_TYPE, "must be true or false".into()),
        QTy::Int32 if value.parse::<i32>().is_ok() => Ok(()),
        QTy::Int32 => bad(INVALID_TYPE, "must be a 32-bit integer".into()),
        QTy::Int64 if value.parse::<i64>().is_ok() => Ok(()),
        QTy::Int64 => bad(INVALID_TYPE, "must be a 64-bit integer".into()),
        QTy::DateTime if is_rfc3339(value) => Ok(()),
        QTy::DateTime => bad(INVALID_FORMAT, "must be an RFC 3339 date-time".into()),
        QTy::Enum(allowed) if allowed.contains(&value) => Ok(()),
        QTy::Enum(allowed) => Err(ErrorDetail::new(
            INVALID_ENUM,
            name,
            format!(
                "Query parameter '{name}' has invalid value '{value}'; allowed values: {}",
                allowed.join(", ")
            ),
        )
        .with_context(
            "allowedValues",
            allowed.iter().map(|s| (*s).to_string()).collect(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_repeated_and_encoded_values() {
        let q = Query::parse("inboxId=1&inboxId=2&after=a%2Fb&sort=x+y&flag");
        assert_eq!(q.all("inboxId"), ["1", "2"]);
        assert_eq!(q.get("after"), Some("a/b"));
        assert_eq!(q.get("sort"), Some("x y"));
        assert_eq!(q.get("flag"), Some(""));
        assert_eq!(q.get("missing"), None);
    }

    #[test]
    fn reports_each_bad_value() {
        let q = Query::parse("limit=ten&archived=yes&threadStatus=PENDING&inboxId=1&inboxId=x");
        let mut problems = Vec::new();
        q.check(Op::ListThreads, &mut problems);
        let places: Vec<&str> = problems.iter().map(|p| p.location.as_str()).collect();
        assert_eq!(places, ["archived", "inboxId", "limit", "threadStatus"]);
    }

    #[test]
    fn pages_follow_the_cursor_to_the_end() {
        let items: Vec<Value> = (0..25).map(|i| json!(i)).collect();
        let first = Query::parse("limit=10")
            .page(items.clone(), true, "/x")
            .unwrap();
        assert_eq!(first["results"].as_array().unwrap().len(), 10);
        assert_eq!(first["total"], 25);
        assert_eq!(first["paging"]["next"]["after"], "10");
        let last = Query::parse("limit=10&after=20")
            .page(items.clone(), false, "/x")
            .unwrap();
        assert_eq!(last["results"], json!([20, 21, 22, 23, 24]));
        assert!(last.get("paging").is_none() && last.get("total").is_none());
        assert!(
            Query::parse("after=26")
                .page(items.clone(), true, "/x")
                .is_err()
        );
        assert!(Query::parse("limit=0").page(items, true, "/x").is_err());
    }
}
