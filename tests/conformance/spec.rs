//! The conformance checker's view of a spec file: the shared reading in
//! `hubspot_specs_support::openapi`, with versions and methods as the
//! runtime's types.

use hubspot_runtime::ApiVersion;
use hubspot_runtime::schema::Method;
use serde_json::Value;

pub use hubspot_specs_support::openapi::{
    ObjectShape, Shape, UnionShape, classify, erase_placeholders, placeholders, resolve, shape_of,
};

/// One spec file: its name, the version its name carries, and its JSON.
#[derive(Debug, Clone, Copy)]
pub struct Spec<'a> {
    /// The file name, e.g. `custom-channels.v3.json`.
    pub file: &'a str,
    /// The version from the file name.
    pub version: ApiVersion,
    /// The whole document.
    pub doc: &'a Value,
}

/// The version a spec file's name carries: `custom-channels.v3.json` → `v3`,
/// `custom-channels.2026-03.json` → `2026-03`.
pub fn version_from_file_name(file: &str) -> Result<ApiVersion, String> {
    hubspot_specs_support::openapi::version_from_file_name(file)?
        .parse()
        .map_err(|e| format!("`{file}`: bad version in file name: {e}"))
}

/// Checks the document's outline and pairs it with the version from `file`.
pub fn spec_from_json<'a>(file: &'a str, doc: &'a Value) -> Result<Spec<'a>, String> {
    let version = version_from_file_name(file)?;
    match doc.get("paths") {
        Some(Value::Object(_)) => Ok(Spec { file, version, doc }),
        Some(_) => Err(format!("`{file}`: `paths` is not an object")),
        None => Err(format!("`{file}`: no `paths`")),
    }
}

/// One (path, method) under `paths`.
#[derive(Debug, Clone, Copy)]
pub struct Operation<'a> {
    /// The HTTP method.
    pub method: Method,
    /// The path template as the spec writes it.
    pub path: &'a str,
    /// The operation object.
    pub op: &'a Value,
    /// The path item the operation sits in (for path-level `parameters`).
    pub path_item: &'a Value,
}

fn method_from_key(key: &str) -> Option<Method> {
    Some(match key {
        "get" => Method::Get,
        "post" => Method::Post,
        "put" => Method::Put,
        "patch" => Method::Patch,
        "delete" => Method::Delete,
        _ => return None,
    })
}

/// Every operation in `spec`, plus a description of whatever under `paths`
/// could not be read as one (as `(path, problem)`).
pub fn operations<'a>(spec: &Spec<'a>) -> (Vec<Operation<'a>>, Vec<(String, String)>) {
    let (all, mut problems) = hubspot_specs_support::openapi::operations(spec.doc);
    let mut ops = Vec::new();
    for op in all {
        match method_from_key(op.method) {
            Some(method) => ops.push(Operation {
                method,
                path: op.path,
                op: op.op,
                path_item: op.path_item,
            }),
            None => problems.push((
                op.path.to_owned(),
                format!(
                    "method `{}` cannot be declared (Method has no such variant)",
                    op.method
                ),
            )),
        }
    }
    (ops, problems)
}
