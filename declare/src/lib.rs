//! `hubspot-declare`: writes `hubspot_endpoint!` declarations from HubSpot's
//! OpenAPI specs.
//!
//! Given the spec files of one API (one per version), [`generate`] reads
//! every operation and every schema it reaches, merges the operations that
//! agree across versions into one declaration with a path per version, puts
//! those that differ into `vYYYY_MM` submodules, and writes one Rust module:
//! doc comments from the specs' descriptions, scopes and credentials from
//! `security`, enums, tagged unions, `allOf`s, pagination and idempotency
//! keys. What the DSL cannot say as the spec does is written as a comment
//! beside the declaration and listed in the [`Summary`]; nothing is left out
//! silently.
//!
//! The command (`src/main.rs`) is the usual way in:
//!
//! ```text
//! cargo run -p hubspot-declare -- crm/contacts.v3.json --module contacts > src/contacts.rs
//! ```
#![warn(missing_docs)]

pub mod docs;
mod emit;
pub mod manifest;
pub mod model;
pub mod names;
pub mod openapi;
mod place;
mod read;

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

pub use model::Version;

/// What to generate, beyond the specs themselves.
#[derive(Debug, Clone)]
pub struct Options {
    /// The module's path in the crate it goes into, e.g. `crm::contacts`
    /// (for its docs).
    pub module: String,
    /// The crate the declarations name for `hubspot_endpoint!`, `DateTime`
    /// and `JsonValue`: `hubspot_api` in an app, `hubspot_runtime` inside
    /// this project's own crates.
    pub runtime: String,
    /// Operations whose path starts with one of these are left out.
    pub skip: Vec<String>,
    /// When not empty, only operations whose path starts with one of these.
    pub only: Vec<String>,
    /// Names chosen by hand: `"GET /crm/v3/objects/contacts"` → `ListContacts`
    /// (the key is the method and any version's full path).
    pub names: BTreeMap<String, String>,
    /// Where the module's files come from, for its header (defaults to the
    /// file names).
    pub source: Option<String>,
}

impl Options {
    /// Options for `module`, naming `runtime`.
    pub fn new(module: impl Into<String>, runtime: impl Into<String>) -> Options {
        Options {
            module: module.into(),
            runtime: runtime.into(),
            skip: Vec::new(),
            only: Vec::new(),
            names: BTreeMap::new(),
            source: None,
        }
    }

    fn keeps(&self, path: &str) -> bool {
        !self.skip.iter().any(|p| path.starts_with(p.as_str()))
            && (self.only.is_empty() || self.only.iter().any(|p| path.starts_with(p.as_str())))
    }
}

/// One spec file: its name (which carries the version, as in
/// `contacts.2026-03.json`) and its JSON.
#[derive(Debug, Clone)]
pub struct SpecFile {
    /// The file name.
    pub name: String,
    /// The parsed document.
    pub doc: Value,
}

/// The generated module and what happened on the way.
#[derive(Debug, Clone)]
pub struct Output {
    /// The module's Rust source.
    pub source: String,
    /// Operations expressed, and what could not be said as the spec says it.
    pub summary: Summary,
}

/// What a generation run did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// (version, operation) pairs read.
    pub operations: usize,
    /// Pairs declared exactly as the spec says.
    pub exact: usize,
    /// Declarations written (one may carry several versions).
    pub declarations: usize,
    /// Objects, enums and unions written.
    pub items: usize,
    /// Each pair declared with a caveat: `(version, method and path, why)`.
    pub caveats: Vec<(String, String, String)>,
}

impl Summary {
    /// Adds another run's figures.
    pub fn add(&mut self, other: &Summary) {
        self.operations += other.operations;
        self.exact += other.exact;
        self.declarations += other.declarations;
        self.items += other.items;
        self.caveats.extend(other.caveats.iter().cloned());
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} of {} version-operations expressed exactly, {} with a caveat, 0 left out; {} declarations, {} objects/enums/unions",
            self.exact,
            self.operations,
            self.operations - self.exact,
            self.declarations,
            self.items
        )?;
        let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, _, why) in &self.caveats {
            *reasons.entry(why.as_str()).or_default() += 1;
        }
        for (why, count) in reasons {
            writeln!(f, "  {count} × {why}")?;
        }
        Ok(())
    }
}

/// Formats `source` with `rustfmt` (edition 2024), as `cargo fmt` would:
/// the generator lays out the macro invocations itself (rustfmt leaves
/// their insides alone) and rustfmt orders and wraps the rest.
fn rustfmt(source: String) -> Result<String, String> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let rustfmt = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let mut child = Command::new(&rustfmt)
        .args(["--edition", "2024", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!(
                "cannot run rustfmt ({e}): the generator formats its output with it; install it with `rustup component add rustfmt`"
            )
        })?;
    let mut stdin = child.stdin.take().ok_or("rustfmt has no stdin")?;
    let writer = std::thread::spawn(move || stdin.write_all(source.as_bytes()));
    let done = child.wait_with_output().map_err(|e| e.to_string())?;
    writer
        .join()
        .map_err(|_| "writing to rustfmt panicked".to_owned())?
        .map_err(|e| e.to_string())?;
    if !done.status.success() {
        return Err(format!(
            "rustfmt rejected the generated source (a generator bug):\n{}",
            String::from_utf8_lossy(&done.stderr)
        ));
    }
    String::from_utf8(done.stdout).map_err(|e| e.to_string())
}

/// Several files of one version are one API published in parts, or the
/// same operations published twice (HubSpot's CRM `{objectType}` endpoints
/// are in both the contacts and the companies specs, each with its own
/// scopes): their operations are read once, with the scopes of every copy
/// (the object type picks which one HubSpot asks for).
fn merge_same_version(models: Vec<model::VersionModel>) -> Vec<model::VersionModel> {
    let mut out: Vec<model::VersionModel> = Vec::new();
    for model in models {
        let Some(last) = out.last_mut().filter(|m| m.version == model.version) else {
            out.push(model);
            continue;
        };
        last.file = format!("{}, {}", last.file, model.file);
        for endpoint in model.endpoints {
            match last.endpoints.iter_mut().find(|e| e.key == endpoint.key) {
                Some(existing) => {
                    for scope in endpoint.scopes {
                        if !existing.scopes.contains(&scope) {
                            existing.scopes.push(scope);
                        }
                    }
                }
                None => last.endpoints.push(endpoint),
            }
        }
        for (name, item) in model.items {
            last.items.entry(name).or_insert(item);
        }
    }
    out
}

/// Generates one module from the spec files of one API.
///
/// # Errors
///
/// A file whose name carries no version, two files of one version, or a
/// spec too malformed to read (an operation without responses, a
/// parameter without a name).
pub fn generate(files: &[SpecFile], options: &Options) -> Result<Output, String> {
    if files.is_empty() {
        return Err("no spec files given".to_owned());
    }
    let mut models = Vec::new();
    for file in files {
        let base = file.name.rsplit('/').next().unwrap_or(&file.name);
        let version = openapi::version_from_file_name(base)
            .and_then(Version::parse)
            .map_err(|e| format!("{}: {e}", file.name))?;
        models.push(read::read(base, version, &file.doc, options)?);
    }
    models.retain(|m| !m.endpoints.is_empty());
    if models.is_empty() {
        return Err("no operation is left once --skip and --only are applied".to_owned());
    }
    models.sort_by(|a, b| a.version.cmp(&b.version));
    let models = merge_same_version(models);
    let mut models = models;
    let placed = place::place(&mut models)?;
    let source = rustfmt(emit::module(&models, &placed, options))?;
    Ok(Output {
        source,
        summary: placed.summary,
    })
}
