//! A runbook's problems, each at `file:line:col` with the line and a caret under the
//! place, all of them at once (like a compiler).

use super::yaml::Loc;
use deskhand_commands::CommandError;
use serde::Serialize;
use std::fmt;

/// One problem of a runbook file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Problem {
    /// 1-based; 0 when the problem is the file as a whole (cannot read it).
    pub line: u64,
    pub col: u64,
    pub message: String,
    /// The line and a caret, ready to print.
    #[serde(skip)]
    pub snippet: String,
}

/// Every problem of one runbook file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunbookErrors {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl RunbookErrors {
    /// `file:line:col` of a problem.
    pub fn at(&self, p: &Problem) -> String {
        if p.line == 0 { self.file.clone() } else { format!("{}:{}:{}", self.file, p.line, p.col) }
    }

    /// As the usage error the CLI prints (exit 2).
    pub fn to_command_error(&self) -> CommandError {
        let n = self.problems.len();
        let head = if n == 1 { format!("runbook {} has an error:", self.file) } else { format!("runbook {} has {n} errors:", self.file) };
        CommandError::usage(format!("{head}\n{self}"))
            .with_hint("nothing was run; fix the runbook and check it with `deskhand runbook validate FILE`")
    }
}

impl From<RunbookErrors> for CommandError {
    fn from(e: RunbookErrors) -> Self {
        e.to_command_error()
    }
}

impl fmt::Display for RunbookErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {}", self.at(p), p.message)?;
            if !p.snippet.is_empty() {
                write!(f, "\n{}", p.snippet)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for RunbookErrors {}

/// Collects problems while a file is checked.
pub struct Diag<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl<'a> Diag<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Self { file, text, problems: Vec::new() }
    }

    pub fn at(&mut self, loc: Loc, message: impl Into<String>) {
        let message = message.into();
        let snippet = if loc.line == 0 { String::new() } else { deskhand_commands::util::snippet(self.text, loc.line, loc.col) };
        let p = Problem { line: loc.line, col: loc.col, message, snippet };
        // The same problem found twice (an alias used twice) is told once.
        if !self.problems.contains(&p) {
            self.problems.push(p);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// How many problems so far: a check compares before and after to know whether it added any.
    pub fn len(&self) -> usize {
        self.problems.len()
    }

    pub fn finish(mut self) -> RunbookErrors {
        self.problems.sort_by_key(|p| (p.line, p.col));
        RunbookErrors { file: self.file.to_string(), problems: self.problems }
    }
}
