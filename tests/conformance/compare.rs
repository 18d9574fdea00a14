//! Comparing declared endpoints (`EndpointInfo`) with spec operations.
//!
//! [`check`] is the whole comparison: pure, no files, no printing, no panics.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

use hubspot_runtime::ApiVersion;
use hubspot_runtime::schema::{
    AuthScheme, BodyInfo, EndpointInfo, FieldInfo, Method, ObjectInfo, TypeInfo, UnionInfo,
};
use serde_json::Value;

use super::spec::{self, ObjectShape, Operation, Shape, Spec, UnionShape};

/// How deep declared types may nest before we suspect a recursive `fn`.
const MAX_DEPTH: usize = 64;

/// Whether spec operations nobody declared fail the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// List them in the coverage report only.
    Report,
    /// Every spec operation must be declared: undeclared ones are mismatches.
    RequireAll,
}

/// A mismatch the project accepts, with the reason why.
///
/// Matches a mismatch exactly on `(version, method, path, field)`, where
/// `field` is the json path printed in the mismatch line (`body.text`,
/// `response.attachments[]<FILE>.fileId`, `query.limit`, `status`, …).
#[derive(Debug, Clone, Copy)]
pub struct Allowance {
    /// e.g. `"v3"` or `"2026-09"`.
    pub version: &'static str,
    /// e.g. `"POST"`.
    pub method: &'static str,
    /// The spec's path template.
    pub path: &'static str,
    /// The json path of the field, as printed.
    pub field: &'static str,
    /// Why this is fine.
    pub reason: &'static str,
}

impl Allowance {
    fn covers(&self, m: &Mismatch) -> bool {
        self.version == m.version
            && self.method == m.method
            && self.path == m.path
            && self.field == m.field
    }
}

/// One difference between a declaration and the specs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mismatch {
    /// The API version (or `?` when a spec file's name has none).
    pub version: String,
    /// The HTTP method (or `*` for a whole spec file).
    pub method: String,
    /// The path template (or the spec file name).
    pub path: String,
    /// Where: `operation`, `path.channelId`, `query.limit`, `body.text`,
    /// `status`, `response.attachments[]<FILE>.fileId`, `security`.
    pub field: String,
    /// What differs.
    pub message: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}: {}: {}",
            self.version, self.method, self.path, self.field, self.message
        )
    }
}

/// Declared / total operations of one spec file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageRow {
    /// The spec file name.
    pub file: String,
    /// Operations a declared endpoint matched.
    pub declared: usize,
    /// All operations in the file.
    pub operations: usize,
}

/// A spec operation: `version METHOD path`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OperationId {
    /// The version.
    pub version: ApiVersion,
    /// The method.
    pub method: &'static str,
    /// The spec's path template.
    pub path: String,
}

impl fmt::Display for OperationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.version, self.method, self.path)
    }
}

/// Everything [`check`] found.
#[derive(Debug, Clone)]
pub struct Report {
    /// Mismatches no allowance covers: these fail the check.
    pub mismatches: Vec<Mismatch>,
    /// Mismatches an allowance covers, with its reason.
    pub allowed: Vec<(Mismatch, &'static str)>,
    /// Allowances that covered nothing (stale entries worth deleting).
    pub unused_allowances: Vec<Allowance>,
    /// One row per spec file.
    pub coverage: Vec<CoverageRow>,
    /// Spec operations no endpoint declares.
    pub undeclared: Vec<OperationId>,
    /// The coverage mode the check ran with.
    pub mode: Coverage,
}

impl Report {
    /// No mismatch outside the allow-list.
    pub fn is_ok(&self) -> bool {
        self.mismatches.is_empty()
    }

    /// The mismatch lines, as printed.
    pub fn mismatch_lines(&self) -> Vec<String> {
        self.mismatches.iter().map(ToString::to_string).collect()
    }

    /// The coverage table, undeclared operations, allowed and failing
    /// mismatches, as text.
    pub fn render(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let _ = writeln!(out, "spec coverage:");
        let _ = writeln!(out, "  file | declared/operations");
        let (mut declared, mut total) = (0, 0);
        for row in &self.coverage {
            let _ = writeln!(out, "  {} | {}/{}", row.file, row.declared, row.operations);
            declared += row.declared;
            total += row.operations;
        }
        let _ = writeln!(out, "  total | {declared}/{total}");
        if !self.undeclared.is_empty() {
            let consequence = match self.mode {
                Coverage::Report => "reported only (Coverage::Report)",
                Coverage::RequireAll => "failing (Coverage::RequireAll)",
            };
            let _ = writeln!(
                out,
                "undeclared spec operations ({}, {consequence}):",
                self.undeclared.len()
            );
            for op in &self.undeclared {
                let _ = writeln!(out, "  {op}");
            }
        }
        if !self.allowed.is_empty() {
            let _ = writeln!(out, "allowed mismatches ({}):", self.allowed.len());
            for (m, reason) in &self.allowed {
                let _ = writeln!(out, "  {m}\n      allowed because: {reason}");
            }
        }
        for a in &self.unused_allowances {
            let _ = writeln!(
                out,
                "warning: allowance matches nothing, delete it: {} {} {}: {}",
                a.version, a.method, a.path, a.field
            );
        }
        if self.mismatches.is_empty() {
            let _ = writeln!(out, "no mismatches");
        } else {
            let _ = writeln!(out, "mismatches ({}):", self.mismatches.len());
            for m in &self.mismatches {
                let _ = writeln!(out, "  {m}");
            }
        }
        out
    }
}

/// A problem found before comparing anything (unreadable file, bad name…),
/// as a mismatch line for that file.
pub fn file_problem(file: &str, problem: impl Into<String>) -> Mismatch {
    let version = spec::version_from_file_name(file)
        .map(|v| v.to_string())
        .unwrap_or_else(|_| "?".to_owned());
    Mismatch {
        version,
        method: "*".to_owned(),
        path: file.to_owned(),
        field: "spec".to_owned(),
        message: problem.into(),
    }
}

type OpKey<'a> = (ApiVersion, &'static str, &'a str);

/// Compares every declared endpoint with `specs`.
///
/// `problems` are mismatches found while loading (they go through the
/// allow-list like any other). Declared `(version, path)`s must each match a
/// spec operation; with [`Coverage::RequireAll`] every spec operation must
/// also be declared.
pub fn check(
    specs: &[Spec<'_>],
    problems: Vec<Mismatch>,
    endpoints: &[&EndpointInfo],
    allowed: &[Allowance],
    mode: Coverage,
) -> Report {
    let mut found = problems;

    // Index every spec operation by (version, method, path).
    let mut index: HashMap<OpKey<'_>, (usize, Operation<'_>)> = HashMap::new();
    for (i, spec) in specs.iter().enumerate() {
        let (ops, op_problems) = spec::operations(spec);
        for (path, problem) in op_problems {
            found.push(Mismatch {
                version: spec.version.to_string(),
                method: "*".to_owned(),
                path,
                field: "operation".to_owned(),
                message: format!("{problem} (in {})", spec.file),
            });
        }
        for op in ops {
            let key = (spec.version, op.method.as_str(), op.path);
            if let Some((other, previous)) = index.insert(key, (i, op)) {
                // HubSpot publishes some operations in several specs of
                // one version (the CRM's association and `{objectType}`
                // endpoints are in both the contacts and the companies
                // specs): the same operation, checked once.
                // Their scopes differ (`crm.objects.contacts.read` in one,
                // `…companies.read` in the other: the object type picks
                // one), so the operation takes either: the union.
                if let Some(merged) = same_operation(&previous, &op) {
                    index.insert(key, (other, merged));
                    continue;
                }
                found.push(Mismatch {
                    version: spec.version.to_string(),
                    method: op.method.to_string(),
                    path: op.path.to_owned(),
                    field: "operation".to_owned(),
                    message: format!(
                        "in two spec files of the same version: {} and {}",
                        specs[other].file, spec.file
                    ),
                });
            }
        }
    }

    // Match declarations to operations and compare.
    let mut matched: HashMap<OpKey<'_>, &str> = HashMap::new();
    for endpoint in endpoints {
        let method = endpoint.method.as_str();
        if endpoint.paths.is_empty() {
            found.push(Mismatch {
                version: "?".to_owned(),
                method: method.to_owned(),
                path: format!("({})", endpoint.name),
                field: "operation".to_owned(),
                message: format!("endpoint {} declares no paths", endpoint.name),
            });
        }
        for declared in endpoint.paths {
            let at = |field: &str, message: String| Mismatch {
                version: declared.version.to_string(),
                method: method.to_owned(),
                path: declared.template.to_owned(),
                field: field.to_owned(),
                message,
            };
            check_placeholders(
                declared.template,
                endpoint.path_params,
                &mut |field, msg| found.push(at(field, msg)),
            );
            let key = (declared.version, method, declared.template);
            match index.get(&key) {
                None => found.push(at(
                    "operation",
                    format!(
                        "{} declares it, but no spec operation has this version, method and path{}",
                        endpoint.name,
                        hint(
                            specs,
                            &index,
                            declared.version,
                            endpoint.method,
                            declared.template
                        )
                    ),
                )),
                Some((i, op)) => {
                    if let Some(previous) = matched.insert(key, endpoint.name) {
                        found.push(at(
                            "operation",
                            format!("declared twice: by {previous} and by {}", endpoint.name),
                        ));
                        continue;
                    }
                    let mut cmp = Comparer::new(specs[*i].doc);
                    cmp.operation(op, endpoint);
                    found.extend(cmp.findings.into_iter().map(|(field, msg)| at(&field, msg)));
                }
            }
        }
    }

    // Coverage.
    let mut coverage: Vec<CoverageRow> = specs
        .iter()
        .map(|s| CoverageRow {
            file: s.file.to_owned(),
            declared: 0,
            operations: 0,
        })
        .collect();
    let mut undeclared = Vec::new();
    for (key, (i, op)) in &index {
        coverage[*i].operations += 1;
        if matched.contains_key(key) {
            coverage[*i].declared += 1;
        } else {
            undeclared.push(OperationId {
                version: key.0,
                method: op.method.as_str(),
                path: op.path.to_owned(),
            });
        }
    }
    coverage.sort_by(|a, b| a.file.cmp(&b.file));
    undeclared.sort();
    if mode == Coverage::RequireAll {
        found.extend(undeclared.iter().map(|op| Mismatch {
            version: op.version.to_string(),
            method: op.method.to_owned(),
            path: op.path.clone(),
            field: "operation".to_owned(),
            message: "in the spec, but no endpoint declares it".to_owned(),
        }));
    }

    // Allow-list.
    found.sort();
    found.dedup();
    let mut used = vec![false; allowed.len()];
    let mut mismatches = Vec::new();
    let mut allowed_found = Vec::new();
    for m in found {
        match allowed.iter().position(|a| a.covers(&m)) {
            Some(i) => {
                used[i] = true;
                allowed_found.push((m, allowed[i].reason));
            }
            None => mismatches.push(m),
        }
    }
    let unused_allowances = allowed
        .iter()
        .zip(used)
        .filter(|(_, used)| !used)
        .map(|(a, _)| *a)
        .collect();

    Report {
        mismatches,
        allowed: allowed_found,
        unused_allowances,
        coverage,
        undeclared,
        mode,
    }
}

/// Two copies of one operation, from two spec files of one version: the
/// operation with both copies' security requirements when they agree on
/// everything but descriptions and scopes, else `None`.
fn same_operation<'a>(a: &Operation<'a>, b: &Operation<'a>) -> Option<Operation<'a>> {
    fn strip(value: &Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.iter()
                    .filter(|(k, _)| {
                        !matches!(
                            k.as_str(),
                            "summary" | "description" | "security" | "operationId" | "tags"
                        )
                    })
                    .map(|(k, v)| (k.clone(), strip(v)))
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.iter().map(strip).collect()),
            other => other.clone(),
        }
    }
    if strip(a.op) != strip(b.op) || strip(a.path_item) != strip(b.path_item) {
        return None;
    }
    let security = |op: &Operation<'_>| {
        op.op
            .get("security")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut merged = a.op.clone();
    let mut requirements = security(a);
    for requirement in security(b) {
        if !requirements.contains(&requirement) {
            requirements.push(requirement);
        }
    }
    merged["security"] = Value::Array(requirements);
    // Test code, run once: the merged operation lives as long as the specs.
    let op: &'a Value = Box::leak(Box::new(merged));
    Some(Operation { op, ..*a })
}

/// Why a declared path matched nothing, when we can tell.
fn hint(
    specs: &[Spec<'_>],
    index: &HashMap<OpKey<'_>, (usize, Operation<'_>)>,
    version: ApiVersion,
    method: Method,
    template: &str,
) -> String {
    if !specs.iter().any(|s| s.version == version) {
        return format!(" (no spec file is for {version})");
    }
    let erased = spec::erase_placeholders(template);
    let mut similar: Vec<String> = index
        .keys()
        .filter(|(v, m, p)| {
            *v == version
                && *m == method.as_str()
                && *p != template
                && spec::erase_placeholders(p) == erased
        })
        .map(|(_, _, p)| format!("spec path `{p}` differs only in placeholder names"))
        .collect();
    let mut methods: Vec<&str> = index
        .keys()
        .filter(|(v, m, p)| *v == version && *p == template && *m != method.as_str())
        .map(|(_, m, _)| *m)
        .collect();
    methods.sort_unstable();
    if !methods.is_empty() {
        similar.push(format!("spec has this path only as {}", methods.join(", ")));
    }
    similar.sort();
    if similar.is_empty() {
        String::new()
    } else {
        format!(" ({})", similar.join("; "))
    }
}

/// Every `{placeholder}` has a declared path param and vice versa.
fn check_placeholders(template: &str, params: &[FieldInfo], report: &mut dyn FnMut(&str, String)) {
    let holes = spec::placeholders(template);
    for hole in &holes {
        if !params.iter().any(|p| p.json_name == *hole) {
            report(
                &format!("path.{hole}"),
                format!("placeholder {{{hole}}} has no declared path param"),
            );
        }
    }
    for param in params {
        if !holes.contains(&param.json_name) {
            report(
                &format!("path.{}", param.json_name),
                format!(
                    "declared path param `{}` has no {{{}}} placeholder in the template",
                    param.name, param.json_name
                ),
            );
        }
    }
}

/// How a declared type reads in a message.
fn describe(ty: &TypeInfo) -> String {
    match ty {
        TypeInfo::String => "String".to_owned(),
        TypeInfo::Int32 => "Int32".to_owned(),
        TypeInfo::Int64 => "Int64".to_owned(),
        TypeInfo::Number => "Number".to_owned(),
        TypeInfo::Boolean => "Boolean".to_owned(),
        TypeInfo::DateTime => "DateTime".to_owned(),
        TypeInfo::Json => "Json".to_owned(),
        TypeInfo::Unit => "Unit (no content)".to_owned(),
        TypeInfo::Array(_) => "Array".to_owned(),
        TypeInfo::Map(_) => "Map".to_owned(),
        TypeInfo::Enum(e) => format!("Enum {} [{}]", e.name, e.values.join(", ")),
        TypeInfo::Object(o) => format!("Object {}", o.name),
        TypeInfo::Union(u) => format!("Union {}", u.name),
    }
}

fn required_word(required: bool) -> &'static str {
    if required { "required" } else { "optional" }
}

/// A spec parameter, resolved.
struct Param<'a> {
    name: &'a str,
    location: &'a str,
    required: bool,
    schema: Option<&'a Value>,
}

/// Compares one operation with one declaration; collects `(field, message)`.
struct Comparer<'a> {
    doc: &'a Value,
    findings: Vec<(String, String)>,
    /// (schema name, Rust type name, dropped tag): compared already.
    visited: HashSet<(&'a str, &'static str, Option<&'static str>)>,
    depth: usize,
    /// When set, a declared *optional* field the spec lacks is collected
    /// here (by json path) instead of reported: used when one declared type
    /// must decode several 2xx responses, each of which may lack it.
    optional_extras: Option<BTreeSet<String>>,
}

impl<'a> Comparer<'a> {
    fn new(doc: &'a Value) -> Self {
        Comparer {
            doc,
            findings: Vec::new(),
            visited: HashSet::new(),
            depth: 0,
            optional_extras: None,
        }
    }

    fn find(&mut self, at: &str, message: impl Into<String>) {
        self.findings.push((at.to_owned(), message.into()));
    }

    fn operation(&mut self, op: &Operation<'a>, endpoint: &EndpointInfo) {
        self.parameters(op, endpoint);
        self.body(op.op.get("requestBody"), &endpoint.body);
        self.responses(op.op.get("responses"), endpoint);
        // Operation-level `security` overrides the document's.
        let security = op.op.get("security").or_else(|| self.doc.get("security"));
        self.scopes(security, endpoint.scopes);
        self.credentials(security, endpoint.auth);
    }

    // ---- parameters -------------------------------------------------------

    fn spec_params(&mut self, op: &Operation<'a>) -> Vec<Param<'a>> {
        let mut params: Vec<Param<'a>> = Vec::new();
        // Path-level first; operation-level ones override by (name, in).
        for (source, list) in [
            ("path item", op.path_item.get("parameters")),
            ("operation", op.op.get("parameters")),
        ] {
            let entries = match list {
                None => continue,
                Some(Value::Array(entries)) => entries,
                Some(_) => {
                    self.find(
                        "parameters",
                        format!("{source} `parameters` is not an array"),
                    );
                    continue;
                }
            };
            for (i, entry) in entries.iter().enumerate() {
                let param = match spec::resolve(self.doc, entry) {
                    Ok((param, _)) => param,
                    Err(e) => {
                        self.find("parameters", format!("{source} parameter #{i}: {e}"));
                        continue;
                    }
                };
                let (Some(name), Some(location)) = (
                    param.get("name").and_then(Value::as_str),
                    param.get("in").and_then(Value::as_str),
                ) else {
                    self.find(
                        "parameters",
                        format!("{source} parameter #{i} lacks a string `name` or `in`"),
                    );
                    continue;
                };
                let required = match param.get("required") {
                    None => false,
                    Some(Value::Bool(b)) => *b,
                    Some(other) => {
                        self.find(
                            &format!("{location}.{name}"),
                            format!("spec `required` is not a bool: {other}"),
                        );
                        false
                    }
                };
                params.retain(|p| !(p.name == name && p.location == location));
                params.push(Param {
                    name,
                    location,
                    required,
                    schema: param.get("schema"),
                });
            }
        }
        params
    }

    fn parameters(&mut self, op: &Operation<'a>, endpoint: &EndpointInfo) {
        let params = self.spec_params(op);
        for p in &params {
            if !matches!(p.location, "path" | "query") {
                self.find(
                    &format!("{}.{}", p.location, p.name),
                    format!(
                        "spec has a {} {} parameter; EndpointInfo cannot declare {} parameters",
                        required_word(p.required),
                        p.location,
                        p.location
                    ),
                );
            }
        }
        for (location, declared) in [
            ("path", endpoint.path_params),
            ("query", endpoint.query_params),
        ] {
            let spec_side: Vec<&Param<'a>> =
                params.iter().filter(|p| p.location == location).collect();
            self.duplicates(location, declared);
            for p in &spec_side {
                let at = format!("{location}.{}", p.name);
                let Some(field) = declared.iter().find(|f| f.json_name == p.name) else {
                    self.find(
                        &at,
                        format!(
                            "spec has a {} {location} param, not declared",
                            required_word(p.required)
                        ),
                    );
                    continue;
                };
                self.required(&at, p.required, field.required);
                match p.schema {
                    Some(schema) => self.schema(&at, schema, (field.ty)()),
                    None => self.find(
                        &at,
                        "spec parameter has no `schema` (only `content`?); not comparable",
                    ),
                }
            }
            for field in declared {
                if !spec_side.iter().any(|p| p.name == field.json_name) {
                    self.find(
                        &format!("{location}.{}", field.json_name),
                        format!(
                            "declared {location} param `{}` is not in the spec",
                            field.name
                        ),
                    );
                }
            }
        }
    }

    fn duplicates(&mut self, at: &str, fields: &[FieldInfo]) {
        let mut seen = BTreeSet::new();
        for f in fields {
            if !seen.insert(f.json_name) {
                self.find(&format!("{at}.{}", f.json_name), "declared twice");
            }
        }
    }

    fn required(&mut self, at: &str, spec: bool, declared: bool) {
        if spec != declared {
            self.find(
                at,
                format!(
                    "spec says {}, declared {}",
                    required_word(spec),
                    required_word(declared)
                ),
            );
        }
    }

    // ---- body -------------------------------------------------------------

    fn body(&mut self, request_body: Option<&'a Value>, declared: &BodyInfo) {
        let at = "body";
        let spec_body = match request_body.map(|b| spec::resolve(self.doc, b)) {
            None => None,
            Some(Ok((body, _))) => Some(body),
            Some(Err(e)) => return self.find(at, format!("spec requestBody: {e}")),
        };
        let Some(spec_body) = spec_body else {
            if !matches!(declared, BodyInfo::None) {
                self.find(at, "spec says no request body, declared one");
            }
            return;
        };
        let spec_required = spec_body
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let media = match declared {
            BodyInfo::Form(_) => "application/x-www-form-urlencoded",
            _ => "application/json",
        };
        let Some(schema) = self.media_schema(at, spec_body.get("content"), "requestBody", media)
        else {
            if !matches!(declared, BodyInfo::None) {
                self.find(at, "spec request body has no content, declared one");
            }
            return;
        };
        match declared {
            BodyInfo::None => {
                let shape = spec::shape_of(self.doc, schema)
                    .map(|s| s.describe())
                    .unwrap_or_default();
                self.find(at, format!("spec says {shape} request body, declared none"));
            }
            BodyInfo::Whole(field) => {
                self.required(at, spec_required, field.required);
                self.schema(at, schema, (field.ty)());
            }
            BodyInfo::Fields(fields) | BodyInfo::Form(fields) => {
                match spec::resolve(self.doc, schema) {
                    Err(e) => self.find(at, e),
                    Ok((resolved, name)) => match spec::classify(self.doc, resolved, name, 0) {
                        Ok(Shape::Object(object)) => self.fields(at, &object, fields, None),
                        Ok(other) => self.find(
                            at,
                            format!(
                                "spec says {} body, declared Fields (an object)",
                                other.describe()
                            ),
                        ),
                        Err(e) => self.find(at, e),
                    },
                }
            }
        }
    }

    /// The `application/json` schema of a `content` map; reports other media
    /// types. `None` when there is no content at all.
    fn json_schema(
        &mut self,
        at: &str,
        content: Option<&'a Value>,
        what: &str,
    ) -> Option<&'a Value> {
        self.media_schema(at, content, what, "application/json")
    }

    /// The `media` schema of a `content` map (`application/json`, or
    /// `application/x-www-form-urlencoded` for a form body); reports other
    /// media types. `None` when there is no content at all.
    fn media_schema(
        &mut self,
        at: &str,
        content: Option<&'a Value>,
        what: &str,
        media_type: &str,
    ) -> Option<&'a Value> {
        let content = match content {
            None => return None,
            Some(Value::Object(content)) if content.is_empty() => return None,
            Some(Value::Object(content)) => content,
            Some(_) => {
                self.find(at, format!("spec {what} `content` is not an object"));
                return None;
            }
        };
        let json = content.iter().find(|(media, _)| {
            *media == media_type
                || media
                    .strip_prefix(media_type)
                    .is_some_and(|rest| rest.starts_with(';'))
        });
        match json {
            Some((_, media)) => match media.get("schema") {
                Some(schema) => Some(schema),
                None => {
                    self.find(at, format!("spec {what} {media_type} has no `schema`"));
                    None
                }
            },
            None => {
                let types: Vec<&str> = content.keys().map(String::as_str).collect();
                self.find(
                    at,
                    format!(
                        "spec {what} has no {media_type} content (has {})",
                        types.join(", ")
                    ),
                );
                None
            }
        }
    }

    // ---- responses --------------------------------------------------------

    fn responses(&mut self, responses: Option<&'a Value>, endpoint: &EndpointInfo) {
        let Some(Value::Object(responses)) = responses else {
            return self.find("status", "spec operation has no `responses` object");
        };
        let success: Vec<&str> = responses
            .keys()
            .map(String::as_str)
            .filter(|code| code.len() == 3 && code.starts_with('2'))
            .collect();
        let declared = endpoint.success_status.to_string();
        let chosen = if let Some(exact) = success.iter().find(|c| **c == declared) {
            Some(*exact)
        } else {
            let wildcard = success.iter().find(|c| c.eq_ignore_ascii_case("2XX"));
            if wildcard.is_none() || !(200..300).contains(&endpoint.success_status) {
                let spec_says = if success.is_empty() {
                    "no 2xx response".to_owned()
                } else {
                    success.join(" or ")
                };
                self.find(
                    "status",
                    format!("spec says {spec_says}, declared {declared}"),
                );
            }
            wildcard.copied().or(if success.len() == 1 {
                Some(success[0])
            } else {
                None
            })
        };
        let Some(code) = chosen else { return };
        let at = "response";
        let declared_ty = (endpoint.response)();
        let response = match spec::resolve(self.doc, &responses[code]) {
            Ok((response, _)) => response,
            Err(e) => return self.find(at, format!("spec response {code}: {e}")),
        };
        match self.json_schema(at, response.get("content"), &format!("response {code}")) {
            None => {
                if !matches!(declared_ty, TypeInfo::Unit) {
                    self.find(
                        at,
                        format!(
                            "spec says no content ({code}), declared {}",
                            describe(&declared_ty)
                        ),
                    );
                }
            }
            Some(schema) => {
                if matches!(declared_ty, TypeInfo::Unit) {
                    let shape = spec::shape_of(self.doc, schema)
                        .map(|s| s.describe())
                        .unwrap_or_default();
                    self.find(
                        at,
                        format!("spec says {shape} ({code}), declared Unit (no content)"),
                    );
                } else if success.len() > 1 {
                    self.multi_status(responses, &success, code, declared_ty);
                } else {
                    self.schema(at, schema, declared_ty);
                }
            }
        }
    }

    /// Several 2xx answers with a body (a batch's `200`, and `207
    /// Multi-Status` when some inputs failed): the declared type must decode
    /// each. It is compared with every one; a declared optional field is
    /// reported only when no 2xx schema has it (one status may leave out
    /// what another adds, e.g. `errors`). Findings for a status other than
    /// the declared one say which status they concern.
    fn multi_status(
        &mut self,
        responses: &'a serde_json::Map<String, Value>,
        success: &[&str],
        declared_code: &str,
        declared_ty: TypeInfo,
    ) {
        let at = "response";
        let mut extras_per_status: Vec<BTreeSet<String>> = Vec::new();
        for code in success {
            let Ok((response, _)) = spec::resolve(self.doc, &responses[*code]) else {
                self.find(at, format!("spec response {code} does not resolve"));
                continue;
            };
            let mut sub = Comparer::new(self.doc);
            sub.optional_extras = Some(BTreeSet::new());
            match sub.json_schema(at, response.get("content"), &format!("response {code}")) {
                // A 2xx without content cannot be what a typed body decodes.
                None => sub.find(
                    at,
                    format!("spec says no content, declared {}", describe(&declared_ty)),
                ),
                Some(schema) => sub.schema(at, schema, declared_ty),
            }
            let tag = if *code == declared_code {
                String::new()
            } else {
                format!("({code}) ")
            };
            self.findings.extend(
                sub.findings
                    .into_iter()
                    .map(|(field, message)| (field, format!("{tag}{message}"))),
            );
            extras_per_status.extend(sub.optional_extras);
        }
        let mut everywhere = extras_per_status.first().cloned().unwrap_or_default();
        for extras in &extras_per_status[1..] {
            everywhere.retain(|path| extras.contains(path));
        }
        for path in everywhere {
            self.find(
                &path,
                format!(
                    "declared optional field is in none of the 2xx responses ({})",
                    success.join(", ")
                ),
            );
        }
    }

    // ---- scopes -----------------------------------------------------------

    /// Compares the scopes; returns the names of the spec's security
    /// schemes, or `None` when the spec's `security` could not be read
    /// (already reported).
    fn scopes(
        &mut self,
        security: Option<&'a Value>,
        declared: &[&str],
    ) -> Option<BTreeSet<&'a str>> {
        let at = "security";
        let mut spec_scopes = BTreeSet::new();
        let mut spec_schemes = BTreeSet::new();
        match security {
            None => {}
            Some(Value::Array(requirements)) => {
                for requirement in requirements {
                    let Value::Object(schemes) = requirement else {
                        self.find(
                            at,
                            format!("spec security requirement is not an object: {requirement}"),
                        );
                        return None;
                    };
                    // Every scheme's scope list counts: oauth2 and private_apps
                    // carry scopes, API-key schemes carry `[]`.
                    for (scheme, scopes) in schemes {
                        spec_schemes.insert(scheme.as_str());
                        let Value::Array(scopes) = scopes else {
                            self.find(at, format!("spec scopes of `{scheme}` are not an array"));
                            return None;
                        };
                        for scope in scopes {
                            match scope.as_str() {
                                Some(scope) => {
                                    spec_scopes.insert(scope);
                                }
                                None => {
                                    self.find(at, format!("spec scope is not a string: {scope}"));
                                    return None;
                                }
                            }
                        }
                    }
                }
            }
            Some(other) => {
                self.find(at, format!("spec `security` is not an array: {other}"));
                return None;
            }
        }
        let declared: BTreeSet<&str> = declared.iter().copied().collect();
        if spec_scopes != declared {
            let list = |set: &BTreeSet<&str>| {
                format!("[{}]", set.iter().copied().collect::<Vec<_>>().join(", "))
            };
            self.find(
                at,
                format!(
                    "spec says scopes {}, declared {}",
                    list(&spec_scopes),
                    list(&declared)
                ),
            );
        }
        Some(spec_schemes)
    }

    // ---- credentials ------------------------------------------------------

    /// Compares the declared credentials (`#[auth(...)]`) with the spec's
    /// `security`, under one rule:
    ///
    /// - where the spec lists schemes, the declaration accepts each of them
    ///   and nothing else, except that an endpoint taking OAuth tokens may
    ///   also take a private app's token (HubSpot accepts one wherever an
    ///   OAuth token goes, and the v3 specs list only `oauth2`);
    /// - where `security` is empty or absent, the custom-channel
    ///   administration operations (the "Conversations Custom Channels"
    ///   specs) take the developer API key, as their `2026-09` version
    ///   says, and every other operation (HubSpot's OAuth API) takes no
    ///   credentials at all.
    fn credentials(&mut self, security: Option<&'a Value>, declared: &[AuthScheme]) {
        let at = "auth";
        let mut spec_schemes = BTreeSet::new();
        if let Some(Value::Array(requirements)) = security {
            for requirement in requirements {
                let Some(schemes) = requirement.as_object() else {
                    continue; // reported by `scopes`
                };
                for scheme in schemes.keys() {
                    match scheme.as_str() {
                        "oauth2" => spec_schemes.insert(AuthScheme::OAuth),
                        "private_apps" | "private_apps_legacy" => {
                            spec_schemes.insert(AuthScheme::PrivateApp)
                        }
                        "developer_hapikey" => spec_schemes.insert(AuthScheme::DeveloperKey),
                        other => {
                            self.find(at, format!("spec security scheme `{other}` is unknown"));
                            continue;
                        }
                    };
                }
            }
        }
        let declared_set: BTreeSet<AuthScheme> = declared.iter().copied().collect();
        let (least, most) = if spec_schemes.is_empty() {
            let title = self
                .doc
                .pointer("/info/title")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let expected: BTreeSet<AuthScheme> = if title.contains("Custom Channels") {
                [AuthScheme::DeveloperKey].into()
            } else {
                BTreeSet::new()
            };
            (expected.clone(), expected)
        } else {
            let mut most = spec_schemes.clone();
            if most.contains(&AuthScheme::OAuth) {
                most.insert(AuthScheme::PrivateApp);
            }
            (spec_schemes, most)
        };
        if !(least.is_subset(&declared_set) && declared_set.is_subset(&most)) {
            let list = |set: &BTreeSet<AuthScheme>| {
                let names: Vec<&str> = set.iter().map(|s| s.as_str()).collect();
                format!("[{}]", names.join(", "))
            };
            let expected = if least == most {
                list(&least)
            } else {
                format!("{} (or also {})", list(&least), list(&(&most - &least)))
            };
            self.find(
                at,
                format!(
                    "spec security means {expected}, declared {}",
                    list(&declared_set)
                ),
            );
        }
    }

    // ---- types ------------------------------------------------------------

    /// Compares a (possibly `$ref`) spec schema with a declared type.
    fn schema(&mut self, at: &str, schema: &'a Value, declared: TypeInfo) {
        if self.depth >= MAX_DEPTH {
            return self.find(
                at,
                format!("nested deeper than {MAX_DEPTH} levels; recursive declared type?"),
            );
        }
        self.depth += 1;
        match spec::shape_of(self.doc, schema) {
            Ok(shape) => self.shape(at, shape, declared),
            Err(e) => self.find(at, format!("spec schema: {e}")),
        }
        self.depth -= 1;
    }

    fn shape(&mut self, at: &str, shape: Shape<'a>, declared: TypeInfo) {
        match (shape, declared) {
            (Shape::String, TypeInfo::String)
            | (Shape::DateTime, TypeInfo::DateTime)
            | (Shape::Int32, TypeInfo::Int32)
            | (Shape::Int64, TypeInfo::Int64)
            | (Shape::Number, TypeInfo::Number)
            | (Shape::Boolean, TypeInfo::Boolean)
            | (Shape::Any, TypeInfo::Json)
            | (Shape::Map(None), TypeInfo::Json) => {}
            (Shape::Enum(values), TypeInfo::Enum(info)) => {
                let spec: BTreeSet<&str> = values.iter().copied().collect();
                let declared: BTreeSet<&str> = info.values.iter().copied().collect();
                let missing: Vec<&str> = spec.difference(&declared).copied().collect();
                let extra: Vec<&str> = declared.difference(&spec).copied().collect();
                let mut parts = Vec::new();
                if !missing.is_empty() {
                    parts.push(format!(
                        "spec values missing from {}: [{}]",
                        info.name,
                        missing.join(", ")
                    ));
                }
                if !extra.is_empty() {
                    parts.push(format!(
                        "{} values not in spec: [{}]",
                        info.name,
                        extra.join(", ")
                    ));
                }
                if info.values.len() != declared.len() {
                    parts.push(format!("{} lists a value twice", info.name));
                }
                if !parts.is_empty() {
                    self.find(at, parts.join("; "));
                }
            }
            (Shape::Array(items), TypeInfo::Array(inner)) => {
                self.schema(&format!("{at}[]"), items, inner())
            }
            (Shape::Map(Some(values)), TypeInfo::Map(inner)) => {
                self.schema(&format!("{at}{{}}"), values, inner())
            }
            (Shape::Map(None), TypeInfo::Map(inner)) => {
                let inner = inner();
                if !matches!(inner, TypeInfo::Json) {
                    self.find(
                        &format!("{at}{{}}"),
                        format!("spec says any value, declared {}", describe(&inner)),
                    );
                }
            }
            (Shape::Object(object), TypeInfo::Object(info)) => self.object(at, &object, info, None),
            (Shape::Union(union), TypeInfo::Union(info)) => self.union(at, &union, info),
            (shape, declared) => self.find(
                at,
                format!(
                    "spec says {}, declared {}",
                    shape.describe(),
                    describe(&declared)
                ),
            ),
        }
    }

    /// Compares an object, once per (schema, Rust type, dropped tag).
    fn object(
        &mut self,
        at: &str,
        object: &ObjectShape<'a>,
        info: &'static ObjectInfo,
        drop_tag: Option<&'static str>,
    ) {
        if let Some(name) = object.name
            && !self.visited.insert((name, info.name, drop_tag))
        {
            return;
        }
        self.fields(at, object, info.fields, drop_tag);
    }

    /// Compares an object's properties with declared fields. `drop_tag` is a
    /// union's tag property, which the variant's object leaves out.
    fn fields(
        &mut self,
        at: &str,
        object: &ObjectShape<'a>,
        fields: &'static [FieldInfo],
        drop_tag: Option<&'static str>,
    ) {
        self.duplicates(at, fields);
        let kept = |name: &str| Some(name) != drop_tag;
        for (name, schema) in object.properties.iter().filter(|(n, _)| kept(n)) {
            let here = format!("{at}.{name}");
            let spec_required = object.required.contains(name);
            match fields.iter().find(|f| f.json_name == *name) {
                None => {
                    let shape = spec::shape_of(self.doc, schema)
                        .map(|s| s.describe())
                        .unwrap_or_else(|e| format!("(unreadable: {e})"));
                    self.find(
                        &here,
                        format!(
                            "spec has {} {shape}, not declared",
                            required_word(spec_required)
                        ),
                    );
                }
                Some(field) => {
                    self.required(&here, spec_required, field.required);
                    self.schema(&here, schema, (field.ty)());
                }
            }
        }
        for name in object.required.iter().filter(|n| kept(n)) {
            if object.property(name).is_none() {
                self.find(
                    &format!("{at}.{name}"),
                    "spec lists it as required but defines no such property",
                );
            }
        }
        for field in fields {
            if object.property(field.json_name).is_none() || !kept(field.json_name) {
                let message = if Some(field.json_name) == drop_tag {
                    format!(
                        "declared variant object has the tag field `{}` (Rust `{}`); the union writes the tag, leave it out",
                        field.json_name, field.name
                    )
                } else {
                    if !field.required
                        && let Some(extras) = &mut self.optional_extras
                    {
                        extras.insert(format!("{at}.{}", field.json_name));
                        continue;
                    }
                    format!("declared field `{}` is not in the spec", field.name)
                };
                self.find(&format!("{at}.{}", field.json_name), message);
            }
        }
    }

    fn union(&mut self, at: &str, union: &UnionShape<'a>, info: &'static UnionInfo) {
        if let Some(name) = union.name
            && !self.visited.insert((name, info.name, None))
        {
            return;
        }
        if let Some(discriminator) = union.discriminator
            && discriminator != info.tag
        {
            self.find(
                at,
                format!(
                    "spec discriminator is `{discriminator}`, declared tag `{}`",
                    info.tag
                ),
            );
        }
        // Spec variants by tag value.
        let mut spec_variants: BTreeMap<&'a str, (ObjectShape<'a>, String)> = BTreeMap::new();
        for (i, member) in union.members.iter().enumerate() {
            let (resolved, name) = match spec::resolve(self.doc, member) {
                Ok(found) => found,
                Err(e) => {
                    self.find(&format!("{at}<#{i}>"), format!("spec oneOf member: {e}"));
                    continue;
                }
            };
            let label = name.map_or_else(|| format!("#{i}"), str::to_owned);
            let object = match spec::classify(self.doc, resolved, name, 0) {
                Ok(Shape::Object(object)) => object,
                Ok(other) => {
                    self.find(
                        &format!("{at}<{label}>"),
                        format!(
                            "spec oneOf member is {}, not an object with a tag",
                            other.describe()
                        ),
                    );
                    continue;
                }
                Err(e) => {
                    self.find(&format!("{at}<{label}>"), format!("spec oneOf member: {e}"));
                    continue;
                }
            };
            let tag = object
                .property(info.tag)
                .map(|t| spec::shape_of(self.doc, t));
            let tag_value = match tag {
                Some(Ok(Shape::Enum(values))) if values.len() == 1 => values[0],
                _ => {
                    self.find(
                        &format!("{at}<{label}>"),
                        format!(
                            "spec oneOf member has no `{}` property with a single enum value to tag it",
                            info.tag
                        ),
                    );
                    continue;
                }
            };
            if spec_variants.insert(tag_value, (object, label)).is_some() {
                self.find(
                    &format!("{at}<{tag_value}>"),
                    "two spec oneOf members share this tag value",
                );
            }
        }
        let mut declared_tags = BTreeSet::new();
        for variant in info.variants {
            let here = format!("{at}<{}>", variant.tag_value);
            if !declared_tags.insert(variant.tag_value) {
                self.find(&here, format!("{} declares this variant twice", info.name));
                continue;
            }
            let Some((object, _)) = spec_variants.get(variant.tag_value) else {
                self.find(
                    &here,
                    format!(
                        "declared variant `{}` of {} is not in the spec",
                        variant.tag_value, info.name
                    ),
                );
                continue;
            };
            match (variant.ty)() {
                TypeInfo::Object(object_info) => {
                    self.object(&here, object, object_info, Some(info.tag))
                }
                TypeInfo::Unit if object.properties.iter().all(|(n, _)| *n == info.tag) => {}
                other => self.find(
                    &here,
                    format!(
                        "spec says object {}, declared {}",
                        object.name.unwrap_or("(inline)"),
                        describe(&other)
                    ),
                ),
            }
        }
        for (tag, (_, label)) in &spec_variants {
            if !declared_tags.contains(tag) {
                self.find(
                    &format!("{at}<{tag}>"),
                    format!(
                        "spec variant `{tag}` ({label}) is not declared in {}",
                        info.name
                    ),
                );
            }
        }
    }
}
