//! Finding runbooks and describing them: `runbook list` (./runbooks and the config
//! directory's `runbooks/`), `runbook show` (params and steps, as documentation) and
//! `runbook validate` (every file's problems). Data only; rendering is `output`'s.

use super::error::Problem;
use super::model::{ParamType, ParamValue, Runbook};
use super::params::REDACTED;
use super::validate;
use deskhand_commands::CommandError;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Where runbooks are looked for, in order: `./runbooks`, then
/// `$XDG_CONFIG_HOME/deskhand/runbooks` (or `~/.config/deskhand/runbooks`).
pub fn search_dirs(env: &dyn Fn(&str) -> Option<String>) -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("runbooks")];
    let config = env("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty() && Path::new(v).is_absolute())
        .map(PathBuf::from)
        .or_else(|| env("HOME").filter(|v| !v.is_empty()).map(|h| Path::new(&h).join(".config")));
    if let Some(c) = config {
        dirs.push(c.join("deskhand").join("runbooks"));
    }
    dirs
}

/// A runbook named on the command line: a path to a file, or the name of one in the
/// search directories (`onboard` finds `runbooks/onboard.yaml`).
pub fn find(name: &str, dirs: &[PathBuf]) -> Result<PathBuf, CommandError> {
    let direct = Path::new(name);
    if direct.is_file() {
        return Ok(direct.to_path_buf());
    }
    let plain = !name.contains(['/', '\\']) && !name.is_empty();
    if plain {
        for dir in dirs {
            for ext in ["", ".yaml", ".yml"] {
                let p = dir.join(format!("{name}{ext}"));
                if p.is_file() {
                    return Ok(p);
                }
            }
        }
    }
    let looked: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    Err(CommandError::usage(format!("no runbook '{name}'"))
        .with_hint(format!("give a file, or the name of a runbook in {} (`deskhand runbook list`)", looked.join(" or "))))
}

/// One runbook found by `runbook list`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ListEntry {
    pub name: String,
    pub description: Option<String>,
    pub file: String,
    pub params: Vec<String>,
    pub steps: usize,
    /// Why it does not load (the first problem); the others load.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ListReport {
    pub dirs: Vec<String>,
    pub runbooks: Vec<ListEntry>,
}

/// The runbooks (`*.yaml`, `*.yml`) in the directories, by name; a name found twice is
/// listed where it is found first (that is the one `runbook run NAME` takes).
pub fn list(dirs: &[PathBuf]) -> ListReport {
    let mut runbooks: Vec<ListEntry> = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect();
        files.sort();
        for path in files {
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            if runbooks.iter().any(|r| Path::new(&r.file).file_stem().is_some_and(|s| s.to_string_lossy() == stem)) {
                continue;
            }
            runbooks.push(match validate::load(&path) {
                Ok(rb) => ListEntry {
                    name: rb.name.clone(),
                    description: rb.description.clone(),
                    file: path.display().to_string(),
                    params: rb.params.iter().map(|p| p.name.clone()).collect(),
                    steps: rb.steps.len(),
                    error: None,
                },
                Err(e) => ListEntry {
                    name: stem,
                    description: None,
                    file: path.display().to_string(),
                    params: Vec::new(),
                    steps: 0,
                    error: e.problems.first().map(|p| format!("{}: {}", e.at(p), p.message)),
                },
            });
        }
    }
    ListReport { dirs: dirs.iter().map(|d| d.display().to_string()).collect(), runbooks }
}

/// A param, for `runbook show`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ParamDoc {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: ParamType,
    pub required: bool,
    pub default: Option<ParamValue>,
    pub choices: Vec<String>,
    pub pattern: Option<String>,
    pub help: Option<String>,
    pub secret: bool,
}

/// A step, for `runbook show`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StepDoc {
    pub id: String,
    pub description: Option<String>,
    /// `run:` as written.
    pub run: String,
    /// The command, e.g. "account unlock".
    pub command: String,
    pub changing: bool,
    pub when: Option<String>,
    pub until: Option<String>,
    pub retries: u32,
    pub delay_ms: Option<u64>,
    pub timeout_ms: Option<u64>,
    pub confirm: bool,
    pub continue_on_error: bool,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ShowReport {
    pub name: String,
    pub description: Option<String>,
    pub file: String,
    pub params: Vec<ParamDoc>,
    pub steps: Vec<StepDoc>,
}

/// A runbook as documentation.
pub fn show(rb: &Runbook) -> ShowReport {
    ShowReport {
        name: rb.name.clone(),
        description: rb.description.clone(),
        file: rb.file(),
        params: rb
            .params
            .iter()
            .map(|p| ParamDoc {
                name: p.name.clone(),
                kind: p.kind,
                required: p.required,
                default: if p.secret { p.default.as_ref().map(|_| ParamValue::Str(REDACTED.into())) } else { p.default.clone() },
                choices: p.choices.clone(),
                pattern: p.pattern.clone(),
                help: p.help.clone(),
                secret: p.secret,
            })
            .collect(),
        steps: rb
            .steps
            .iter()
            .map(|s| StepDoc {
                id: s.id.clone(),
                description: s.description.clone(),
                run: s.run_text.clone(),
                command: s.command.join(" "),
                changing: s.changing,
                when: s.when.as_ref().map(|e| e.text.clone()),
                until: s.until.as_ref().map(|e| e.text.clone()),
                retries: s.retries,
                delay_ms: (s.retries > 0).then(|| u64::try_from(s.delay.as_millis()).unwrap_or(u64::MAX)),
                timeout_ms: s.timeout.map(|t| u64::try_from(t.as_millis()).unwrap_or(u64::MAX)),
                confirm: s.confirm,
                continue_on_error: s.continue_on_error,
            })
            .collect(),
    }
}

/// One file's result, for `runbook validate`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FileCheck {
    pub file: String,
    pub ok: bool,
    pub name: Option<String>,
    pub steps: usize,
    pub problems: Vec<ProblemDoc>,
}

/// A problem with its place spelt out.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProblemDoc {
    /// `file:line:col`.
    pub at: String,
    pub line: u64,
    pub col: u64,
    pub message: String,
    /// The line and a caret under the place, for people.
    pub snippet: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ValidateReport {
    pub files: Vec<FileCheck>,
    /// Every file is fine.
    pub ok: bool,
    pub problems: usize,
}

/// Checks each file; every problem of every file.
pub fn validate_files(paths: &[PathBuf]) -> ValidateReport {
    let files: Vec<FileCheck> = paths
        .iter()
        .map(|path| match validate::load(path) {
            Ok(rb) => FileCheck { file: rb.file(), ok: true, name: Some(rb.name.clone()), steps: rb.steps.len(), problems: Vec::new() },
            Err(e) => FileCheck {
                file: e.file.clone(),
                ok: false,
                name: None,
                steps: 0,
                problems: e
                    .problems
                    .iter()
                    .map(|p: &Problem| ProblemDoc {
                        at: e.at(p),
                        line: p.line,
                        col: p.col,
                        message: p.message.clone(),
                        snippet: p.snippet.clone(),
                    })
                    .collect(),
            },
        })
        .collect();
    let problems = files.iter().map(|f| f.problems.len()).sum();
    ValidateReport { ok: files.iter().all(|f| f.ok), problems, files }
}
