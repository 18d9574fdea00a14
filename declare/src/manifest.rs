//! The list of modules a crate generates (`declare/modules.toml` for this
//! project), so that they can be regenerated, and checked in CI, with one
//! command.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::{Options, Output, SpecFile, Summary};

/// A manifest file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The modules, in order.
    #[serde(rename = "module")]
    pub modules: Vec<ModuleEntry>,
}

/// One generated module.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleEntry {
    /// Its path in the crate, e.g. `crm::contacts`.
    pub module: String,
    /// The file it is written to, relative to the manifest's folder.
    pub out: String,
    /// The crate the declarations name (default `hubspot_api`).
    #[serde(default = "default_runtime")]
    pub runtime: String,
    /// Its spec files, relative to the specs folder.
    pub specs: Vec<String>,
    /// Paths to leave out (prefixes).
    #[serde(default)]
    pub skip: Vec<String>,
    /// Paths to keep only (prefixes).
    #[serde(default)]
    pub only: Vec<String>,
    /// Names chosen by hand: `"METHOD full-path"` → name.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
}

fn default_runtime() -> String {
    "hubspot_api".to_owned()
}

/// What regenerating one module found.
#[derive(Debug)]
pub struct Regenerated {
    /// The module.
    pub module: String,
    /// Its file.
    pub out: PathBuf,
    /// The generated output.
    pub output: Output,
    /// Whether the file on disk already holds exactly this.
    pub up_to_date: bool,
}

impl Manifest {
    /// Reads a manifest.
    ///
    /// # Errors
    ///
    /// An unreadable file or bad TOML, as a message.
    pub fn read(path: &Path) -> Result<Manifest, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Generates every module (without writing anything).
    ///
    /// # Errors
    ///
    /// A spec that cannot be read, or a generation error, naming the module.
    pub fn regenerate(
        &self,
        manifest_dir: &Path,
        specs_dir: &Path,
    ) -> Result<Vec<Regenerated>, String> {
        let mut out = Vec::new();
        for entry in &self.modules {
            let mut files = Vec::new();
            for spec in &entry.specs {
                files.push(load(&specs_dir.join(spec), spec)?);
            }
            let mut options = Options::new(entry.module.clone(), entry.runtime.clone());
            options.skip = entry.skip.clone();
            options.only = entry.only.clone();
            options.names = entry.names.clone();
            let specs: Vec<String> = entry.specs.iter().map(|s| format!("`{s}`")).collect();
            options.source = Some(specs.join(", "));
            let output =
                crate::generate(&files, &options).map_err(|e| format!("{}: {e}", entry.module))?;
            let path = manifest_dir.join(&entry.out);
            let up_to_date = std::fs::read_to_string(&path).is_ok_and(|text| text == output.source);
            out.push(Regenerated {
                module: entry.module.clone(),
                out: path,
                output,
                up_to_date,
            });
        }
        Ok(out)
    }
}

/// Reads one spec file, naming it `name`.
///
/// # Errors
///
/// An unreadable file or bad JSON, as a message.
pub fn load(path: &Path, name: &str) -> Result<SpecFile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let doc = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(SpecFile {
        name: name.to_owned(),
        doc,
    })
}

/// Every spec file under `dir` (the top level and its folders), grouped by
/// API: files named `<api>.<version>.json` in one folder are one API.
///
/// # Errors
///
/// An unreadable folder, as a message.
pub fn apis(dir: &Path) -> Result<BTreeMap<String, Vec<String>>, String> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut folders = vec![PathBuf::new()];
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.path().is_dir() {
            folders.push(PathBuf::from(entry.file_name()));
        }
    }
    for folder in folders {
        let here = dir.join(&folder);
        for entry in std::fs::read_dir(&here).map_err(|e| format!("{}: {e}", here.display()))? {
            let entry = entry.map_err(|e| e.to_string())?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".json") else {
                continue;
            };
            let Some((api, _)) = stem.rsplit_once('.') else {
                continue;
            };
            let relative = folder.join(&name).to_string_lossy().into_owned();
            let key = folder.join(api).to_string_lossy().into_owned();
            out.entry(key).or_default().push(relative);
        }
    }
    for files in out.values_mut() {
        files.sort();
    }
    Ok(out)
}

/// Generates every API under `dir` and adds up the figures: the summary
/// over all of HubSpot's specs the project holds.
///
/// # Errors
///
/// As for [`apis`] and [`crate::generate`].
pub fn summary_of_all(dir: &Path) -> Result<(Vec<(String, Summary)>, Summary), String> {
    let mut each = Vec::new();
    let mut total = Summary::default();
    for (api, specs) in apis(dir)? {
        let mut files = Vec::new();
        for spec in &specs {
            files.push(load(&dir.join(spec), spec)?);
        }
        let output = crate::generate(&files, &Options::new(api.replace('/', "::"), "hubspot_api"))
            .map_err(|e| format!("{api}: {e}"))?;
        total.add(&output.summary);
        each.push((api, output.summary));
    }
    Ok((each, total))
}
