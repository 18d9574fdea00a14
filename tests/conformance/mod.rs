//! Checks declared endpoints against HubSpot's official OpenAPI specs.
//!
//! - [`check_json`] is the pure core: spec documents as `(file name, JSON)`
//!   plus declared `EndpointInfo`s in, a [`Report`] out.
//! - [`load_specs`] reads the spec directory (`$HUBSPOT_SPECS_DIR`, else
//!   `<workspace>/../shared/hubspot-specs`) with `hubspot-specs-support`,
//!   or says it is skipping (fails under CI).
//! - [`assert_conforms`] does both, prints the report and panics on
//!   mismatches: what a test calls.

pub mod compare;
pub mod spec;

use std::path::PathBuf;

use hubspot_runtime::schema::EndpointInfo;
use serde_json::Value;

pub use compare::{Allowance, Coverage, Mismatch, Report};

/// The spec files of a directory, parsed, plus what could not be read.
pub struct LoadedSpecs {
    /// The directory they came from.
    pub dir: PathBuf,
    /// `(file name, document)`, sorted by name.
    pub files: Vec<(String, Value)>,
    /// Unreadable or unparsable files.
    pub problems: Vec<Mismatch>,
}

impl LoadedSpecs {
    /// [`check_json`] over these files.
    pub fn check(
        &self,
        endpoints: &[&EndpointInfo],
        allowed: &[Allowance],
        mode: Coverage,
    ) -> Report {
        let files: Vec<(&str, &Value)> = self.files.iter().map(|(f, v)| (f.as_str(), v)).collect();
        check_with_problems(&files, self.problems.clone(), endpoints, allowed, mode)
    }
}

/// The spec folders declared endpoints are checked against.
pub const FOLDERS: &[&str] = &[
    hubspot_specs_support::TOP,
    "conversations-other-versions",
    "oauth",
    "webhooks",
    "crm",
];

/// Reads the spec files of [`FOLDERS`] in the specs directory. `None`
/// (after printing why) when the directory is absent; a panic instead
/// under CI.
pub fn load_specs() -> Option<LoadedSpecs> {
    load_folders(FOLDERS)
}

/// Reads the spec files of `folders` (as [`load_specs`] does for
/// [`FOLDERS`]).
pub fn load_folders(folders: &[&str]) -> Option<LoadedSpecs> {
    hubspot_specs_support::load(folders).map(from_support)
}

fn from_support(loaded: hubspot_specs_support::LoadedSpecs) -> LoadedSpecs {
    LoadedSpecs {
        dir: loaded.dir,
        files: loaded.files.into_iter().map(|f| (f.name, f.doc)).collect(),
        problems: loaded
            .problems
            .into_iter()
            .map(|(file, problem)| compare::file_problem(&file, problem))
            .collect(),
    }
}

/// The pure check: spec documents named like `custom-channels.v3.json`
/// (the name carries the version) against declared endpoints.
pub fn check_json(
    files: &[(&str, &Value)],
    endpoints: &[&EndpointInfo],
    allowed: &[Allowance],
    mode: Coverage,
) -> Report {
    check_with_problems(files, Vec::new(), endpoints, allowed, mode)
}

/// [`check_json`], with problems found while loading (which go through the
/// allow-list like any other mismatch).
fn check_with_problems(
    files: &[(&str, &Value)],
    mut problems: Vec<Mismatch>,
    endpoints: &[&EndpointInfo],
    allowed: &[Allowance],
    mode: Coverage,
) -> Report {
    let mut specs = Vec::new();
    for (file, doc) in files {
        match spec::spec_from_json(file, doc) {
            Ok(spec) => specs.push(spec),
            Err(e) => problems.push(compare::file_problem(file, e)),
        }
    }
    compare::check(&specs, problems, endpoints, allowed, mode)
}

/// Checks `endpoints` against the specs (skipping, with a message, when
/// they are absent; failing under CI), prints the coverage table and every
/// mismatch to stdout and stderr, and panics when a mismatch is outside
/// `allowed`.
pub fn assert_conforms(endpoints: &[&EndpointInfo], allowed: &[Allowance], mode: Coverage) {
    assert_conforms_in(FOLDERS, endpoints, allowed, mode);
}

/// [`assert_conforms`] against the spec files of `folders` only; returns
/// the report (when the specs are there).
pub fn assert_conforms_in(
    folders: &[&str],
    endpoints: &[&EndpointInfo],
    allowed: &[Allowance],
    mode: Coverage,
) -> Option<Report> {
    let specs = load_folders(folders)?;
    let report = specs.check(endpoints, allowed, mode);
    let text = format!(
        "HubSpot spec conformance: {} declared endpoint(s) against {}\n{}",
        endpoints.len(),
        specs.dir.display(),
        report.render()
    );
    println!("{text}");
    eprintln!("{text}");
    if !report.is_ok() {
        panic!(
            "{} mismatch(es) between declared endpoints and HubSpot's specs \
             (fix the declaration, or add a commented entry to ALLOWED):\n{}",
            report.mismatches.len(),
            report.mismatch_lines().join("\n")
        );
    }
    Some(report)
}
