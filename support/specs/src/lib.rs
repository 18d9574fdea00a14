//! Test support for reading HubSpot's official OpenAPI specs: where they
//! are, loading them, following `$ref`s, enumerating operations, JSON Schema
//! validators built with the `jsonschema` crate, and instances generated
//! from a schema. Used by the root crate's spec tests
//! (`tests/spec_conformance.rs`, `tests/spec_schemas.rs`) and the fake's
//! (`fake/src/spec_check.rs`, `fake/tests/spec.rs`); never published.
//!
//! The specs are not in the repository. [`specs_dir`] says where they are
//! looked for; [`load`] and [`load_file`] apply the project's policy when
//! they are missing: under CI (`CI` set to anything but `false`/`0`) a
//! missing spec is a failure (they panic), on a developer machine the test
//! prints why it skips and gets `None`.

#![warn(missing_docs)]

pub use jsonschema;

/// Reading HubSpot's specs: shared with the generator, `hubspot-declare`,
/// so that the generator and the conformance test read a spec alike.
pub use hubspot_declare::openapi;
pub mod schema;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The top-level spec folder: the Conversations and Visitor Identification
/// specs (`custom-channels.v3.json`, …).
pub const TOP: &str = "";

/// Where the specs are: `$HUBSPOT_SPECS_DIR`, else `../shared/hubspot-specs`
/// beside the workspace root.
pub fn specs_dir() -> PathBuf {
    match std::env::var_os("HUBSPOT_SPECS_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/hubspot-specs"),
    }
}

/// Whether this is a CI run: `CI` set to anything but empty, `false` or `0`.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false" | "FALSE" | "False"))
}

/// What a spec test does when the specs cannot be read: panics under CI,
/// else prints `why` (to stdout and stderr, so it shows with and without
/// `--nocapture`) and returns, so the caller skips.
///
/// # Panics
///
/// Under CI ([`in_ci`]).
pub fn missing(why: &str) {
    if in_ci() {
        panic!(
            "{why}. CI must check against HubSpot's specs: put them at \
             ../shared/hubspot-specs beside the workspace or set HUBSPOT_SPECS_DIR"
        );
    }
    let message = format!("skipping: {why} (set HUBSPOT_SPECS_DIR to check against them)");
    println!("{message}");
    eprintln!("{message}");
}

/// One spec file, parsed.
#[derive(Debug, Clone)]
pub struct SpecFile {
    /// The folder it came from, relative to the specs directory ([`TOP`]
    /// for the top level, `oauth`, `crm`, …).
    pub folder: String,
    /// The file name, e.g. `custom-channels.v3.json`.
    pub name: String,
    /// The whole document.
    pub doc: Value,
}

impl SpecFile {
    /// The version the file name carries: `custom-channels.v3.json` → `v3`.
    pub fn version(&self) -> Result<&str, String> {
        openapi::version_from_file_name(&self.name)
    }
}

/// The spec files of some folders, plus what could not be read.
#[derive(Debug, Clone)]
pub struct LoadedSpecs {
    /// The specs directory they came from.
    pub dir: PathBuf,
    /// Every `*.json` file of the folders asked for, sorted by folder then
    /// name.
    pub files: Vec<SpecFile>,
    /// `(file or folder, problem)`: unreadable folders and files, files that
    /// are not JSON, folders without a spec.
    pub problems: Vec<(String, String)>,
}

impl LoadedSpecs {
    /// The file called `name` (in any of the loaded folders).
    pub fn file(&self, name: &str) -> Option<&SpecFile> {
        self.files.iter().find(|f| f.name == name)
    }
}

/// Reads every `*.json` file directly in each of `folders` of `dir`
/// ([`TOP`] for `dir` itself). Never panics: I/O and parse errors become
/// [`LoadedSpecs::problems`].
pub fn load_dir(dir: &Path, folders: &[&str]) -> LoadedSpecs {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for folder in folders {
        let path = dir.join(folder);
        let shown = path.display().to_string();
        let entries = match std::fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push((shown, format!("cannot list the spec directory: {e}")));
                continue;
            }
        };
        let mut found = Vec::new();
        for entry in entries {
            let file = match entry {
                Ok(entry) => entry.path(),
                Err(e) => {
                    problems.push((
                        shown.clone(),
                        format!("cannot list the spec directory: {e}"),
                    ));
                    continue;
                }
            };
            let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if !name.ends_with(".json") || !file.is_file() {
                continue;
            }
            match read_json(&file) {
                Ok(doc) => found.push(SpecFile {
                    folder: (*folder).to_owned(),
                    name: name.to_owned(),
                    doc,
                }),
                Err(e) => problems.push((name.to_owned(), e)),
            }
        }
        if found.is_empty() && !problems.iter().any(|(p, _)| *p == shown) {
            problems.push((
                shown,
                "no *.json spec files in the spec directory".to_owned(),
            ));
        }
        found.sort_by(|a, b| a.name.cmp(&b.name));
        files.extend(found);
    }
    LoadedSpecs {
        dir: dir.to_owned(),
        files,
        problems,
    }
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))
}

/// [`load_dir`] on [`specs_dir`], or `None` after [`missing`] when the
/// directory does not exist (a panic under CI).
pub fn load(folders: &[&str]) -> Option<LoadedSpecs> {
    let dir = specs_dir();
    if !dir.is_dir() {
        missing(&format!("HubSpot specs not found at {}", dir.display()));
        return None;
    }
    Some(load_dir(&dir, folders))
}

/// One spec file, `relative` to [`specs_dir`] (`custom-channels.v3.json`,
/// `oauth/oauth.v3.json`), or `None` after [`missing`] when it is absent
/// (a panic under CI).
///
/// # Panics
///
/// When the file exists but is not JSON, and under CI when it is absent.
pub fn load_file(relative: &str) -> Option<SpecFile> {
    let path = specs_dir().join(relative);
    if !path.is_file() {
        missing(&format!("HubSpot spec {} not found", path.display()));
        return None;
    }
    let doc = read_json(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (folder, name) = match relative.rsplit_once('/') {
        Some((folder, name)) => (folder, name),
        None => (TOP, relative),
    };
    Some(SpecFile {
        folder: folder.to_owned(),
        name: name.to_owned(),
        doc,
    })
}

/// [`load_file`] for each of `relative`, or `None` if any is absent.
pub fn load_files(relative: &[&str]) -> Option<Vec<SpecFile>> {
    relative.iter().map(|r| load_file(r)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_dir_reads_each_folder_asked_for_and_reports_problems() {
        let dir = std::env::temp_dir().join(format!("specs-support-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("oauth")).unwrap();
        std::fs::write(dir.join("a.v3.json"), r#"{"paths": {}}"#).unwrap();
        std::fs::write(dir.join("broken.v3.json"), "{").unwrap();
        std::fs::write(dir.join("notes.md"), "not a spec").unwrap();
        std::fs::write(dir.join("oauth/oauth.2026-03.json"), r#"{"paths": {}}"#).unwrap();

        let top = load_dir(&dir, &[TOP]);
        let names: Vec<&str> = top.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a.v3.json"]);
        assert_eq!(top.files[0].version(), Ok("v3"));
        assert_eq!(top.problems.len(), 1);
        assert!(top.problems[0].0 == "broken.v3.json" && top.problems[0].1.starts_with("not JSON"));

        let both = load_dir(&dir, &[TOP, "oauth", "crm"]);
        assert_eq!(both.file("oauth.2026-03.json").unwrap().folder, "oauth");
        assert!(
            both.problems
                .iter()
                .any(|(p, why)| p.ends_with("crm") && why.starts_with("cannot list")),
            "{:?}",
            both.problems
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
