//! CRM objects over HTTP: contacts and companies (`/crm/v3/objects/…`,
//! `/crm/objects/2026-03/…`, and the generic `/crm/objects/2026-09/{objectType}/…`):
//! create, read (by id or a unique property), update, archive, list,
//! search, batch read and batch create.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::admin::checked_query;
use super::query::Query;
use super::shapes::{items, opt_str, str_field};
use super::{Op, Ver, checked_body};
use crate::crm::{CrmObjectType, Filter, Record, SOURCE_API, View, search_matches, sort_records};
use crate::errors::{ApiError, ErrorDetail, OBJECT_NOT_FOUND};
use crate::reply::Reply;
use crate::schema::{CRM_BATCH_CREATE, CRM_BATCH_READ, CRM_CREATE, CRM_SEARCH, CRM_UPDATE, Obj};
use crate::state::{Scope, Store};
use crate::time::now_rfc3339;
use crate::validate::{INVALID_VALUE, REQUIRED_FIELD, check_object};

/// `category` of HubSpot's `409` for a unique value already taken.
const CONFLICT: &str = "CONFLICT";
/// Most inputs a batch takes, as at HubSpot.
const MAX_BATCH: usize = 100;
/// Most filter groups a search takes (the spec: "up to 6 groups").
const MAX_FILTER_GROUPS: usize = 6;

/// A CRM operation (the same in every version).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CrmOp {
    /// `GET …/{type}`.
    List,
    /// `POST …/{type}`.
    Create,
    /// `GET …/{type}/{id}`.
    Get,
    /// `PATCH …/{type}/{id}`.
    Update,
    /// `DELETE …/{type}/{id}`.
    Archive,
    /// `POST …/{type}/search`.
    Search,
    /// `POST …/{type}/batch/read`.
    BatchRead,
    /// `POST …/{type}/batch/create`.
    BatchCreate,
}

/// Which object type a CRM route is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CrmPath {
    /// The path names it (`/crm/v3/objects/contacts/…`).
    Fixed(CrmObjectType),
    /// The first path parameter names it (`/crm/objects/2026-09/{objectType}/…`).
    Param,
}

/// HubSpot's standard object types that the fake does not store: `404`
/// rather than the `400` of a name HubSpot does not know.
const UNSERVED_TYPES: &[&str] = &[
    "deals",
    "deal",
    "0-3",
    "tickets",
    "ticket",
    "0-5",
    "products",
    "product",
    "0-7",
    "line_items",
    "line_item",
    "0-8",
    "quotes",
    "quote",
    "0-14",
    "tasks",
    "task",
    "0-27",
    "notes",
    "note",
    "0-46",
    "meetings",
    "meeting",
    "0-47",
    "calls",
    "call",
    "0-48",
    "emails",
    "email",
    "0-49",
];

/// The object type an `{objectType}` path parameter names.
fn object_type(raw: &str) -> Result<CrmObjectType, ApiError> {
    if let Some(object_type) = CrmObjectType::parse(raw) {
        return Ok(object_type);
    }
    let lower = raw.to_ascii_lowercase();
    if UNSERVED_TYPES.contains(&lower.as_str())
        || lower.starts_with("2-")
        || lower.starts_with("p_")
    {
        return Err(ApiError::not_found(
            "objectType",
            format!(
                "Object type {raw} is not served by hubspot-fake, which stores contacts (0-1) and \
                 companies (0-2)"
            ),
        ));
    }
    Err(ApiError::validation(vec![ErrorDetail::new(
        INVALID_VALUE,
        "objectType",
        format!("Unable to infer object type from: {raw}"),
    )]))
}

/// Runs a CRM operation. `params` are the raw path parameters: the object
/// type first for [`CrmPath::Param`], then the object id if the path has one.
pub(crate) fn run(
    shared: &Scope<'_>,
    version: Ver,
    (op, path): (CrmOp, CrmPath),
    params: &[String],
    q: &Query,
    body: &[u8],
) -> Result<Reply, ApiError> {
    checked_query(q, Op::Crm(op, path))?;
    let (object_type, rest) = match path {
        CrmPath::Fixed(object_type) => (object_type, params),
        CrmPath::Param => (
            object_type(params.first().map(String::as_str).unwrap_or_default())?,
            params.get(1..).unwrap_or_default(),
        ),
    };
    let ctx = Ctx {
        object_type,
        version,
        id_param: match (path, object_type) {
            (CrmPath::Param, _) => "objectId",
            (_, CrmObjectType::Contacts) => "contactId",
            (_, CrmObjectType::Companies) => "companyId",
        },
    };
    let id = rest.first().map(String::as_str).unwrap_or_default();
    match op {
        CrmOp::List => list(shared, &ctx, q),
        CrmOp::Create => create(shared, &ctx, body),
        CrmOp::Get => get(shared, &ctx, id, q),
        CrmOp::Update => update(shared, &ctx, id, q, body),
        CrmOp::Archive => archive(shared, &ctx, id),
        CrmOp::Search => search(shared, &ctx, body),
        CrmOp::BatchRead => batch_read(shared, &ctx, q, body),
        CrmOp::BatchCreate => batch_create(shared, &ctx, body),
    }
}

/// What every operation needs to know about its route.
struct Ctx {
    object_type: CrmObjectType,
    version: Ver,
    /// The id's path parameter name, for `404`s.
    id_param: &'static str,
}

impl Ctx {
    fn not_found(&self, id: &str) -> ApiError {
        ApiError::not_found(
            self.id_param,
            format!("{} {id} was not found", self.object_type.label()),
        )
    }

    fn conflict(&self, existing: u64) -> ApiError {
        ApiError::bare(
            409,
            CONFLICT,
            format!(
                "{} already exists. Existing ID: {existing}",
                self.object_type.label()
            ),
        )
    }

    /// The collection path, for `paging.next.link`.
    fn collection_path(&self) -> String {
        match self.version {
            Ver::V3 => format!("/crm/v3/objects/{}", self.object_type.name()),
            dated => format!("/crm/objects/{}/{}", dated.name(), self.object_type.name()),
        }
    }
}

// ---- inputs ----------------------------------------------------------------

fn bad(location: impl Into<String>, code: &'static str, message: impl Into<String>) -> ApiError {
    ApiError::validation(vec![ErrorDetail::new(code, location, message)])
}

/// A body checked against `schema`, or the `400` listing its problems.
fn body_of(body: &[u8], schema: &Obj) -> Result<Value, ApiError> {
    let mut problems = Vec::new();
    let value = checked_body(body, &mut problems, |value, problems| {
        check_object(value, schema, problems)
    });
    match (value, problems.is_empty()) {
        (Some(value), true) => Ok(value),
        _ => Err(ApiError::validation(problems)),
    }
}

/// A validated `properties` map, with the values HubSpot would refuse
/// (an email address that is not one) reported at `at`.
fn properties_of(
    ctx: &Ctx,
    value: &Value,
    at: &str,
    problems: &mut Vec<ErrorDetail>,
) -> BTreeMap<String, String> {
    let properties: BTreeMap<String, String> = value
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_owned())))
        .collect();
    if ctx.object_type == CrmObjectType::Contacts
        && let Some(email) = properties.get("email").filter(|e| !e.is_empty())
        && !is_email(email)
    {
        problems.push(ErrorDetail::new(
            "INVALID_EMAIL",
            format!("{at}properties.email"),
            format!("Property values were not valid: Email address {email} is invalid"),
        ));
    }
    properties
}

/// Just enough of an email check: one `@` with something on both sides
/// and a dot in the domain, no spaces.
fn is_email(value: &str) -> bool {
    let value = value.trim();
    match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !value.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// The `associations` of a create input: ids of live objects of the
/// account, each checked.
fn associations_of(
    store: &Store,
    value: &Value,
    at: &str,
    problems: &mut Vec<ErrorDetail>,
) -> Vec<u64> {
    let mut ids = Vec::new();
    for (i, association) in items(value, "associations").iter().enumerate() {
        let to = association
            .get("to")
            .map(|to| str_field(to, "id"))
            .unwrap_or_default();
        match to
            .parse::<u64>()
            .ok()
            .filter(|id| store.crm.live_type(*id).is_some())
        {
            Some(id) => ids.push(id),
            None => problems.push(ErrorDetail::new(
                INVALID_VALUE,
                format!("{at}associations[{i}].to.id"),
                format!("Cannot associate with object {to}: it does not exist in this account"),
            )),
        }
    }
    ids
}

/// Comma-separated and repeated values of a query parameter.
fn list_param(q: &Query, name: &str) -> Vec<String> {
    q.all(name)
        .into_iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A string array of a body (empty if absent).
fn strings(value: &Value, name: &str) -> Vec<String> {
    items(value, name)
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// What a read shows: `properties` (defaults when none are named),
/// `propertiesWithHistory`, and the `associations` asked for.
fn read_view(properties: Vec<String>, with_history: Vec<String>, associations: &[String]) -> View {
    View {
        properties: (!properties.is_empty()).then_some(properties),
        with_history,
        associations: associations
            .iter()
            .filter_map(|a| CrmObjectType::parse(a))
            .collect(),
    }
}

/// What a write answers: the properties it set plus the ones the fake
/// sets itself.
fn write_view(ctx: &Ctx, properties: &BTreeMap<String, String>) -> View {
    let mut names: Vec<String> = properties.keys().cloned().collect();
    for name in ctx.object_type.system_properties() {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    View {
        properties: Some(names),
        ..View::default()
    }
}

/// The limit of a list or search: `default` when absent, else within
/// `1..=max`.
fn limit(raw: Option<i64>, default: usize, max: usize) -> Result<usize, ApiError> {
    match raw {
        None => Ok(default),
        Some(n) => usize::try_from(n)
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| {
                bad(
                    "limit",
                    INVALID_VALUE,
                    format!("'limit' must be between 1 and {max}, got {n}"),
                )
            }),
    }
}

/// The `idProperty` an object is looked up by: `hs_object_id` (the id)
/// when absent; contacts also take `email`.
fn id_property(ctx: &Ctx, raw: Option<&str>) -> Result<Option<&'static str>, ApiError> {
    match raw.filter(|p| !p.is_empty()) {
        None | Some("hs_object_id") => Ok(None),
        Some("email") if ctx.object_type == CrmObjectType::Contacts => Ok(Some("email")),
        Some(other) => Err(bad(
            "idProperty",
            INVALID_VALUE,
            format!(
                "Property '{other}' is not a unique-value property of {} on hubspot-fake \
                 (use hs_object_id{})",
                ctx.object_type.name(),
                if ctx.object_type == CrmObjectType::Contacts {
                    " or email"
                } else {
                    ""
                }
            ),
        )),
    }
}

/// The object `raw` names (by id, or by `id_property`), live or (with
/// `archived`) archived.
fn find<'s>(
    store: &'s Store,
    ctx: &Ctx,
    raw: &str,
    id_property: Option<&str>,
    archived: bool,
) -> Option<&'s Record> {
    let id = match id_property {
        Some("email") => {
            if archived {
                return store.crm.all(ctx.object_type, true).into_iter().find(|r| {
                    r.get("email")
                        .is_some_and(|e| crate::crm::same_email(e, raw))
                });
            }
            store.crm.contact_by_email(raw)?
        }
        _ => raw.parse::<u64>().ok()?,
    };
    store
        .crm
        .get(ctx.object_type, id)
        .filter(|r| r.archived() == archived)
}

// ---- operations --------------------------------------------------------------

/// `POST …/{type}`: `201` with the new `SimplePublicObject`; `409` when
/// a contact's email is taken.
fn create(shared: &Scope<'_>, ctx: &Ctx, body: &[u8]) -> Result<Reply, ApiError> {
    let input = body_of(body, &CRM_CREATE)?;
    let mut problems = Vec::new();
    let properties = properties_of(ctx, &input, "", &mut problems);
    shared.with_store(|store| {
        let associations = associations_of(store, &input, "", &mut problems);
        if !problems.is_empty() {
            return Err(ApiError::validation(problems));
        }
        if let Some(existing) = store.crm.conflict(ctx.object_type, &properties, None) {
            return Err(ctx.conflict(existing));
        }
        let now = now_rfc3339();
        let id = store
            .crm
            .create(ctx.object_type, &properties, &now, SOURCE_API);
        for other in associations {
            store.crm.associate(id, other);
        }
        let record = store.crm.get(ctx.object_type, id).expect("just created");
        Ok(Reply::ok_json(
            201,
            &record.to_json(&write_view(ctx, &properties)),
        ))
    })
}

/// `GET …/{type}/{id}` (`?idProperty=email` looks a contact up by email).
fn get(shared: &Scope<'_>, ctx: &Ctx, raw_id: &str, q: &Query) -> Result<Reply, ApiError> {
    let id_property = id_property(ctx, q.get("idProperty"))?;
    let view = read_view(
        list_param(q, "properties"),
        list_param(q, "propertiesWithHistory"),
        &list_param(q, "associations"),
    );
    shared.with_store(|store| {
        find(store, ctx, raw_id, id_property, q.flag("archived"))
            .map(|r| Reply::ok_json(200, &r.to_json(&view)))
            .ok_or_else(|| ctx.not_found(raw_id))
    })
}

/// `PATCH …/{type}/{id}`: merges the properties (`""` clears one).
fn update(
    shared: &Scope<'_>,
    ctx: &Ctx,
    raw_id: &str,
    q: &Query,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let id_property = id_property(ctx, q.get("idProperty"))?;
    let input = body_of(body, &CRM_UPDATE)?;
    let mut problems = Vec::new();
    let properties = properties_of(ctx, &input, "", &mut problems);
    if !problems.is_empty() {
        return Err(ApiError::validation(problems));
    }
    shared.with_store(|store| {
        let id = find(store, ctx, raw_id, id_property, false)
            .map(|r| r.id)
            .ok_or_else(|| ctx.not_found(raw_id))?;
        if let Some(existing) = store.crm.conflict(ctx.object_type, &properties, Some(id)) {
            return Err(ctx.conflict(existing));
        }
        let record = store
            .crm
            .update(ctx.object_type, id, &properties, &now_rfc3339())
            .expect("found above");
        Ok(Reply::ok_json(
            200,
            &record.to_json(&write_view(ctx, &properties)),
        ))
    })
}

/// `DELETE …/{type}/{id}`: moves it to the recycling bin, `204` (again
/// for an object already archived).
fn archive(shared: &Scope<'_>, ctx: &Ctx, raw_id: &str) -> Result<Reply, ApiError> {
    let archived = shared.with_store(|store| {
        raw_id
            .parse::<u64>()
            .is_ok_and(|id| store.crm.archive(ctx.object_type, id, &now_rfc3339()))
    });
    if archived {
        Ok(Reply::no_content())
    } else {
        Err(ctx.not_found(raw_id))
    }
}

/// `GET …/{type}`: by id, `limit` (default 10, at most 100) at a time from
/// the cursor `after` (the id to start at).
fn list(shared: &Scope<'_>, ctx: &Ctx, q: &Query) -> Result<Reply, ApiError> {
    let limit = limit(q.get("limit").and_then(|l| l.parse::<i64>().ok()), 10, 100)?;
    let after = match q.get("after").filter(|a| !a.is_empty()) {
        None => 0,
        Some(raw) => raw.parse::<u64>().map_err(|_| {
            bad(
                "after",
                INVALID_VALUE,
                format!("Query parameter 'after' is not a cursor this list handed out: '{raw}'"),
            )
        })?,
    };
    let view = read_view(
        list_param(q, "properties"),
        list_param(q, "propertiesWithHistory"),
        &list_param(q, "associations"),
    );
    let page = shared.with_store(|store| {
        let mut rest = store
            .crm
            .all(ctx.object_type, q.flag("archived"))
            .into_iter()
            .filter(|r| r.id >= after);
        let results: Vec<Value> = rest
            .by_ref()
            .take(limit)
            .map(|r| r.to_json(&view))
            .collect();
        let mut page = json!({ "results": results });
        if let Some(next) = rest.next() {
            page["paging"] = json!({ "next": {
                "after": next.id.to_string(),
                "link": format!("{}?after={}", ctx.collection_path(), next.id),
            }});
        }
        page
    });
    Ok(Reply::ok_json(200, &page))
}

/// The search's filter groups, checked: each operator's operands given.
fn filter_groups(request: &Value) -> Result<Vec<Vec<Filter>>, ApiError> {
    let groups = items(request, "filterGroups");
    if groups.len() > MAX_FILTER_GROUPS {
        return Err(bad(
            "filterGroups",
            INVALID_VALUE,
            format!(
                "A search takes at most {MAX_FILTER_GROUPS} filter groups, got {}",
                groups.len()
            ),
        ));
    }
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let mut filters = Vec::new();
        for (f, filter) in items(group, "filters").iter().enumerate() {
            let at = format!("filterGroups[{g}].filters[{f}]");
            let filter = Filter {
                property: str_field(filter, "propertyName").to_owned(),
                operator: str_field(filter, "operator").to_owned(),
                value: opt_str(filter, "value").map(str::to_owned),
                high_value: opt_str(filter, "highValue").map(str::to_owned),
                values: strings(filter, "values"),
            };
            let mut missing = |field: &str| {
                problems.push(ErrorDetail::new(
                    REQUIRED_FIELD,
                    format!("{at}.{field}"),
                    format!(
                        "Field '{at}.{field}' is required with operator {}",
                        filter.operator
                    ),
                ))
            };
            match filter.operator.as_str() {
                "HAS_PROPERTY" | "NOT_HAS_PROPERTY" => {}
                "IN" | "NOT_IN" if filter.values.is_empty() => missing("values"),
                "IN" | "NOT_IN" => {}
                "BETWEEN" if filter.value.is_none() => missing("value"),
                "BETWEEN" if filter.high_value.is_none() => missing("highValue"),
                _ if filter.value.is_none() => missing("value"),
                _ => {}
            }
            filters.push(filter);
        }
        out.push(filters);
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(ApiError::validation(problems))
    }
}

/// `POST …/{type}/search`: live objects matching any filter group (every
/// filter of it) and the `query`, sorted by `sorts` (`name`, `-name`) then
/// id, `limit` (default 10, at most 200) from the offset `after`.
fn search(shared: &Scope<'_>, ctx: &Ctx, body: &[u8]) -> Result<Reply, ApiError> {
    let request = body_of(body, &CRM_SEARCH)?;
    let groups = filter_groups(&request)?;
    let limit = limit(request.get("limit").and_then(Value::as_i64), 10, 200)?;
    let sorts = strings(&request, "sorts");
    let view = read_view(strings(&request, "properties"), Vec::new(), &[]);
    let query = opt_str(&request, "query");
    let after = opt_str(&request, "after").filter(|a| !a.is_empty());
    let page = shared.with_store(|store| {
        let mut matching: Vec<&Record> = store
            .crm
            .all(ctx.object_type, false)
            .into_iter()
            .filter(|r| search_matches(r, &groups, query))
            .collect();
        sort_records(&mut matching, &sorts);
        let total = matching.len();
        let start = match after {
            None => 0,
            Some(raw) => raw
                .parse::<usize>()
                .ok()
                .filter(|offset| *offset <= total)
                .ok_or_else(|| {
                    bad(
                        "after",
                        INVALID_VALUE,
                        format!("Field 'after' is not a cursor this search handed out: '{raw}'"),
                    )
                })?,
        };
        let end = (start + limit).min(total);
        let results: Vec<Value> = matching[start..end]
            .iter()
            .map(|r| r.to_json(&view))
            .collect();
        let mut page = json!({ "total": total, "results": results });
        if end < total {
            page["paging"] = json!({ "next": { "after": end.to_string() } });
        }
        Ok::<_, ApiError>(page)
    })?;
    Ok(Reply::ok_json(200, &page))
}

/// `POST …/{type}/batch/read`: the objects found, by id or by the body's
/// `idProperty`; the others as one `OBJECT_NOT_FOUND` error (`207` in
/// `v3` and `2026-03`, whose `200` schema has no `errors`).
fn batch_read(shared: &Scope<'_>, ctx: &Ctx, q: &Query, body: &[u8]) -> Result<Reply, ApiError> {
    let input = body_of(body, &CRM_BATCH_READ)?;
    let id_property = id_property(ctx, opt_str(&input, "idProperty"))?;
    let inputs = items(&input, "inputs");
    if inputs.len() > MAX_BATCH {
        return Err(bad(
            "inputs",
            INVALID_VALUE,
            format!(
                "A batch takes at most {MAX_BATCH} inputs, got {}",
                inputs.len()
            ),
        ));
    }
    let view = read_view(
        strings(&input, "properties"),
        strings(&input, "propertiesWithHistory"),
        &[],
    );
    let started = now_rfc3339();
    let (results, missing) = shared.with_store(|store| {
        let mut results: Vec<Value> = Vec::new();
        let mut seen = Vec::new();
        let mut missing: Vec<String> = Vec::new();
        for raw in inputs.iter().map(|i| str_field(i, "id")) {
            match find(store, ctx, raw, id_property, q.flag("archived")) {
                Some(record) if !seen.contains(&record.id) => {
                    seen.push(record.id);
                    results.push(record.to_json(&view));
                }
                Some(_) => {}
                None if !missing.iter().any(|m| m == raw) => missing.push(raw.to_owned()),
                None => {}
            }
        }
        (results, missing)
    });
    let mut response = json!({
        "status": "COMPLETE",
        "results": results,
        "requestedAt": started,
        "startedAt": started,
        "completedAt": now_rfc3339(),
    });
    if missing.is_empty() {
        return Ok(Reply::ok_json(200, &response));
    }
    let message = format!(
        "Could not get some {} objects, they may be deleted or not exist. Check that ids are valid.",
        ctx.object_type.singular().to_uppercase()
    );
    response["numErrors"] = json!(1);
    response["errors"] = json!([{
        "status": "error",
        "category": OBJECT_NOT_FOUND,
        "message": message,
        "context": { "ids": missing },
        "errors": [],
        "links": {},
    }]);
    let status = if ctx.version == Ver::V2026_09 {
        200
    } else {
        207
    };
    Ok(Reply::ok_json(status, &response))
}

/// `POST …/{type}/batch/create`: all or nothing. A bad input is a `400`,
/// an email already taken (or given twice) a `409`, and nothing is
/// created; else `201` with every new object, in input order.
fn batch_create(shared: &Scope<'_>, ctx: &Ctx, body: &[u8]) -> Result<Reply, ApiError> {
    let input = body_of(body, &CRM_BATCH_CREATE)?;
    let inputs = items(&input, "inputs");
    if inputs.len() > MAX_BATCH {
        return Err(bad(
            "inputs",
            INVALID_VALUE,
            format!(
                "A batch takes at most {MAX_BATCH} inputs, got {}",
                inputs.len()
            ),
        ));
    }
    let started = now_rfc3339();
    let results = shared.with_store(|store| {
        let mut problems = Vec::new();
        let mut planned = Vec::new();
        for (i, item) in inputs.iter().enumerate() {
            let at = format!("inputs[{i}].");
            let properties = properties_of(ctx, item, &at, &mut problems);
            let associations = associations_of(store, item, &at, &mut problems);
            let trace = opt_str(item, "objectWriteTraceId").map(str::to_owned);
            planned.push((properties, associations, trace));
        }
        if !problems.is_empty() {
            return Err(ApiError::validation(problems));
        }
        for (i, (properties, _, _)) in planned.iter().enumerate() {
            if let Some(existing) = store.crm.conflict(ctx.object_type, properties, None) {
                return Err(ctx.conflict(existing));
            }
            let twice = ctx.object_type == CrmObjectType::Contacts
                && properties.get("email").is_some_and(|email| {
                    planned[..i].iter().any(|(other, _, _)| {
                        other
                            .get("email")
                            .is_some_and(|e| crate::crm::same_email(e, email))
                    })
                });
            if twice {
                return Err(ApiError::single(
                    409,
                    CONFLICT,
                    ErrorDetail::new(
                        "DUPLICATE_VALUE",
                        format!("inputs[{i}].properties.email"),
                        format!(
                            "Duplicate email in the batch: {}",
                            properties
                                .get("email")
                                .map(String::as_str)
                                .unwrap_or_default()
                        ),
                    ),
                ));
            }
        }
        let now = now_rfc3339();
        let mut results = Vec::new();
        for (properties, associations, trace) in planned {
            let id = store
                .crm
                .create(ctx.object_type, &properties, &now, SOURCE_API);
            for other in associations {
                store.crm.associate(id, other);
            }
            let record = store.crm.get(ctx.object_type, id).expect("just created");
            let mut object = record.to_json(&write_view(ctx, &properties));
            if let (Some(trace), Some(map)) = (trace, object.as_object_mut()) {
                map.insert("objectWriteTraceId".into(), Value::String(trace));
            }
            results.push(object);
        }
        Ok(results)
    })?;
    let response = json!({
        "status": "COMPLETE",
        "results": results,
        "requestedAt": started,
        "startedAt": started,
        "completedAt": now_rfc3339(),
    });
    Ok(Reply::ok_json(201, &response))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errors::VALIDATION_ERROR;

    #[test]
    fn object_types_resolve_like_hubspot() {
        assert_eq!(object_type("contacts").ok(), Some(CrmObjectType::Contacts));
        assert_eq!(object_type("0-1").ok(), Some(CrmObjectType::Contacts));
        assert_eq!(object_type("COMPANY").ok(), Some(CrmObjectType::Companies));
        assert_eq!(object_type("deals").unwrap_err().status, 404);
        assert_eq!(object_type("2-12345").unwrap_err().status, 404);
        let unknown = object_type("widgets").unwrap_err();
        assert_eq!((unknown.status, unknown.category), (400, VALIDATION_ERROR));
    }

    #[test]
    fn emails() {
        for ok in ["ada@example.com", "a.b+c@sub.example.org"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "ada",
            "@example.com",
            "ada@example",
            "ada @example.com",
            "a@b@c.d",
            "a@.com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
