//! What a runbook is once loaded and checked: its parameters and steps. Nothing here
//! runs anything; `validate` builds these, `exec` runs them.

use super::words::Word;
use super::yaml::Loc;
use serde::Serialize;
use std::path::PathBuf;
use std::time::Duration;

/// A loaded runbook that passed every check.
#[derive(Debug, Clone)]
pub struct Runbook {
    pub path: PathBuf,
    pub name: String,
    pub description: Option<String>,
    pub params: Vec<Param>,
    pub steps: Vec<Step>,
    /// The file's text, for error snippets.
    pub source: String,
}

impl Runbook {
    /// The file as given, for messages.
    pub fn file(&self) -> String {
        self.path.display().to_string()
    }

    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// A parameter's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ParamType {
    String,
    Int,
    Bool,
    List,
}

impl ParamType {
    pub fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Int => "int",
            Self::Bool => "bool",
            Self::List => "list",
        }
    }
}

/// A parameter's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum ParamValue {
    Str(String),
    Int(i64),
    Bool(bool),
    List(Vec<String>),
}

impl ParamValue {
    /// As it would be typed on the command line (a list: comma-separated).
    pub fn text(&self) -> String {
        match self {
            Self::Str(s) => s.clone(),
            Self::Int(i) => i.to_string(),
            Self::Bool(b) => b.to_string(),
            Self::List(v) => v.join(","),
        }
    }

    /// The single texts to check against `choices` and `pattern`.
    pub fn items(&self) -> Vec<String> {
        match self {
            Self::List(v) => v.clone(),
            other => vec![other.text()],
        }
    }

    pub fn to_template(&self) -> minijinja::Value {
        match self {
            Self::Str(s) => minijinja::Value::from(s.clone()),
            Self::Int(i) => minijinja::Value::from(*i),
            Self::Bool(b) => minijinja::Value::from(*b),
            Self::List(v) => minijinja::Value::from(v.clone()),
        }
    }
}

/// A parameter of the runbook.
#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub kind: ParamType,
    pub required: bool,
    pub default: Option<ParamValue>,
    pub choices: Vec<String>,
    /// A regular expression the whole value (each element of a list) must match.
    pub pattern: Option<String>,
    pub help: Option<String>,
    /// Never shown: prompted without echo, `***` in reports and messages.
    pub secret: bool,
    pub at: Loc,
    pub(crate) regex: Option<regex::Regex>,
}

/// A `when:` or `until:` expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr {
    pub text: String,
    pub at: Loc,
}

/// One step: a deskhand command line.
#[derive(Debug, Clone)]
pub struct Step {
    pub id: String,
    pub description: Option<String>,
    /// The words of the command line, before templates are filled in.
    pub run: Vec<Word>,
    /// `run:` as written, for `runbook show`.
    pub run_text: String,
    pub when: Option<Expr>,
    pub continue_on_error: bool,
    /// Attempts after the first.
    pub retries: u32,
    /// Between attempts.
    pub delay: Duration,
    /// Retry until this holds (default: until the step is ok).
    pub until: Option<Expr>,
    /// Ask on the terminal before running (not in a dry run).
    pub confirm: bool,
    pub timeout: Option<Duration>,
    pub at: Loc,
    /// The command, e.g. `["account", "unlock"]`.
    pub command: Vec<String>,
    /// The command changes something (it takes `--dry-run`, or is known to change).
    pub changing: bool,
    /// `run:` reads earlier steps' results, so it can only be filled in when it runs.
    pub uses_steps: bool,
}

/// The delay between attempts when `retries:` has no `delay:`.
pub const DEFAULT_DELAY: Duration = Duration::from_secs(2);
