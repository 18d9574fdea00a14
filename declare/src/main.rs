//! `hubspot-declare`: the command.
//!
//! ```text
//! hubspot-declare SPEC.json… --module PATH [--runtime CRATE] [--skip PREFIX]…
//!                 [--only PREFIX]… [--name "METHOD PATH=Name"]… [-o FILE]
//! hubspot-declare --manifest FILE [--specs DIR] [--check]
//! hubspot-declare --summary [--specs DIR]
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use hubspot_declare::manifest::{self, Manifest};
use hubspot_declare::{Options, generate};

const USAGE: &str = "\
usage:
  hubspot-declare SPEC.json... --module PATH [options]   write one module
      --module PATH      the module's path in your crate, e.g. crm::contacts
      --runtime CRATE    the crate to name for the macro and types (default hubspot_api)
      --skip PREFIX      leave out operations whose path starts with PREFIX (repeatable)
      --only PREFIX      keep only operations whose path starts with PREFIX (repeatable)
      --name 'METHOD PATH=Name'  name an operation by hand (repeatable)
      -o, --out FILE     write to FILE instead of standard output
  hubspot-declare --manifest FILE [--specs DIR] [--check]
      regenerate every module FILE lists; --check writes nothing and fails on a difference
  hubspot-declare --summary [--specs DIR]
      generate every spec under DIR (and its folders) and print what was expressed

The specs folder is --specs, else $HUBSPOT_SPECS_DIR, else ../shared/hubspot-specs.
A summary of what the DSL could not say as the spec does goes to standard error.";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn specs_dir(given: Option<PathBuf>) -> PathBuf {
    given
        .or_else(|| std::env::var_os("HUBSPOT_SPECS_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("../shared/hubspot-specs"))
}

fn run(args: Vec<String>) -> Result<ExitCode, String> {
    let mut options = Options::new("", "hubspot_api");
    let mut files = Vec::new();
    let (mut out, mut manifest, mut specs, mut check, mut summary) =
        (None, None, None, false, false);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |what: &str| args.next().ok_or(format!("{arg} needs {what}"));
        match arg.as_str() {
            "--module" => options.module = value("a module path")?,
            "--runtime" => options.runtime = value("a crate name")?,
            "--skip" => options.skip.push(value("a path prefix")?),
            "--only" => options.only.push(value("a path prefix")?),
            "--name" => {
                let given = value("'METHOD PATH=Name'")?;
                let (key, name) = given
                    .rsplit_once('=')
                    .ok_or(format!("--name `{given}`: expected 'METHOD PATH=Name'"))?;
                options
                    .names
                    .insert(key.trim().to_owned(), name.trim().to_owned());
            }
            "-o" | "--out" => out = Some(PathBuf::from(value("a file")?)),
            "--manifest" => manifest = Some(PathBuf::from(value("a file")?)),
            "--specs" => specs = Some(PathBuf::from(value("a folder")?)),
            "--check" => check = true,
            "--summary" => summary = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other if other.starts_with('-') => return Err(format!("unknown option `{other}`")),
            file => files.push(PathBuf::from(file)),
        }
    }
    if summary {
        let dir = specs_dir(specs);
        let (each, total) = manifest::summary_of_all(&dir)?;
        for (api, s) in &each {
            println!(
                "{api}: {} of {} version-operations exact, {} declarations",
                s.exact, s.operations, s.declarations
            );
        }
        println!("\nall of {}:\n{total}", dir.display());
        for (version, op, why) in &total.caveats {
            println!("  {version} {op}: {why}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(path) = manifest {
        let dir = specs_dir(specs);
        let list = Manifest::read(&path)?;
        let base = path.parent().unwrap_or(Path::new("."));
        let mut stale = 0;
        for module in list.regenerate(base, &dir)? {
            eprint!("{}: {}", module.module, module.output.summary);
            if module.up_to_date {
                continue;
            }
            stale += 1;
            if check {
                eprintln!(
                    "{} is not what `hubspot-declare --manifest {}` writes: regenerate it",
                    module.out.display(),
                    path.display()
                );
            } else {
                if let Some(parent) = module.out.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
                }
                std::fs::write(&module.out, &module.output.source)
                    .map_err(|e| format!("{}: {e}", module.out.display()))?;
                eprintln!("wrote {}", module.out.display());
            }
        }
        return Ok(if check && stale > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        });
    }
    if files.is_empty() {
        return Err("no spec files given".to_owned());
    }
    if options.module.is_empty() {
        return Err("--module is required".to_owned());
    }
    let mut specs_read = Vec::new();
    for file in &files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        specs_read.push(manifest::load(file, &name)?);
    }
    let output = generate(&specs_read, &options)?;
    eprint!("{}", output.summary);
    for (version, op, why) in &output.summary.caveats {
        eprintln!("  {version} {op}: {why}");
    }
    match out {
        Some(path) => {
            std::fs::write(&path, &output.source).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => print!("{}", output.source),
    }
    Ok(ExitCode::SUCCESS)
}
