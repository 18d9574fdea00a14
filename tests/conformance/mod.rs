//! Checks declared endpoints against HubSpot's official OpenAPI specs.
//!
//! - [`check_json`] is the pure core: spec documents as `(file name, JSON)`
//!   plus declared `EndpointInfo`s in, a [`Report`] out.
//! - [`load_specs`] reads the spec directory (`$HUBSPOT_SPECS_DIR`, else
//!   `<workspace>/../shared/hubspot-specs`), or says it is skipping.
//! - [`assert_conforms`] does both, prints the report and panics on
//!   mismatches: what a test calls.

pub mod compare;
pub mod spec;

use std::path::{Path, PathBuf};

use hubspot_runtime::schema::EndpointInfo;
use serde_json::Value;

pub use compare::{Allowance, Coverage, Mismatch, Report};

/// Where the specs are: `$HUBSPOT_SPECS_DIR`, else `../shared/hubspot-specs`
/// next to the workspace root.
pub fn specs_dir() -> PathBuf {
    match std::env::var_os("HUBSPOT_SPECS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/hubspot-specs"),
    }
}

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

/// Reads every `*.json` in [`specs_dir`]. `None` (after printing why) when
/// the directory is absent: callers skip.
pub fn load_specs() -> Option<LoadedSpecs> {
    let dir = specs_dir();
    if !dir.is_dir() {
        let message = format!(
            "HubSpot specs not found at {}, skipping (set HUBSPOT_SPECS_DIR to check against them)",
            dir.display()
        );
        println!("{message}");
        eprintln!("{message}");
        return None;
    }
    Some(load_dir(&dir))
}

/// Reads every `*.json` in `dir`; I/O and parse errors become problems.
pub fn load_dir(dir: &Path) -> LoadedSpecs {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let dir_problem = |problem: String| compare::file_problem(&dir.display().to_string(), problem);
    match std::fs::read_dir(dir) {
        Err(e) => problems.push(dir_problem(format!("cannot list the spec directory: {e}"))),
        Ok(entries) => {
            for entry in entries {
                let path = match entry {
                    Ok(entry) => entry.path(),
                    Err(e) => {
                        problems.push(dir_problem(format!("cannot list the spec directory: {e}")));
                        continue;
                    }
                };
                let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                    continue;
                };
                if !name.ends_with(".json") {
                    continue;
                }
                let parsed = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read: {e}"))
                    .and_then(|text| {
                        serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))
                    });
                match parsed {
                    Ok(doc) => files.push((name.to_owned(), doc)),
                    Err(e) => problems.push(compare::file_problem(name, e)),
                }
            }
        }
    }
    if files.is_empty() && problems.is_empty() {
        problems.push(dir_problem(
            "no *.json spec files in the spec directory".to_owned(),
        ));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    LoadedSpecs {
        dir: dir.to_owned(),
        files,
        problems,
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

/// Checks `endpoints` against the specs in [`specs_dir`] (skipping, with a
/// message, when it is absent), prints the coverage table and every
/// mismatch to stdout and stderr, and panics when a mismatch is outside
/// `allowed`.
pub fn assert_conforms(endpoints: &[&EndpointInfo], allowed: &[Allowance], mode: Coverage) {
    let Some(specs) = load_specs() else { return };
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
}
