//! The report of a run: per step its status, duration, a one-line summary and the
//! command's own JSON report. Plain serde types; rendering is `output`'s business.

use crate::exit::Exit;
use deskhand_commands::Outcome;
use serde::Serialize;
use std::collections::BTreeMap;

/// What became of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// It ran and was ok (or its `until:` held).
    Ok,
    /// It could not do its work: a usage or environment error, a timeout, a template
    /// that could not be filled, no terminal for `confirm:`.
    Failed,
    /// It ran and the check said no (exit 1), or `until:` never held.
    CheckFailed,
    /// `when:` was false, the person declined at the prompt, or (dry run) a changing
    /// command that cannot show what it would do.
    Skipped,
    /// An earlier step stopped the run.
    NotRun,
    /// It changed the directory, and some change went out and got no answer (the
    /// directory went away or timed out): applied or not, a rerun settles it. Its report
    /// says which items.
    Unknown,
    /// Ctrl-C while it ran.
    Interrupted,
}

impl StepStatus {
    pub fn name(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Failed => "failed",
            Self::CheckFailed => "check_failed",
            Self::Skipped => "skipped",
            Self::NotRun => "not_run",
            Self::Unknown => "unknown",
            Self::Interrupted => "interrupted",
        }
    }

    /// How bad: skipped and not-run steps are not failures of their own.
    pub fn rank(self) -> u8 {
        match self {
            Self::Ok | Self::Skipped | Self::NotRun => 0,
            Self::CheckFailed => 1,
            Self::Failed => 2,
            Self::Unknown => 3,
            Self::Interrupted => 4,
        }
    }

    /// Stops the run unless the step has `continue_on_error`.
    pub fn is_failure(self) -> bool {
        matches!(self, Self::Failed | Self::CheckFailed | Self::Unknown | Self::Interrupted)
    }
}

/// One step of the run.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StepReport {
    pub id: String,
    pub description: Option<String>,
    pub status: StepStatus,
    /// The command's exit code (0, 1, 2, 3, 130), when it ran.
    pub exit_code: Option<i32>,
    pub duration_ms: u64,
    /// One line for people.
    pub summary: String,
    /// The command line as run (secrets `***`); empty when it was never filled in.
    pub argv: Vec<String>,
    /// The command changes something.
    pub changing: bool,
    /// The command ran with `--dry-run` added by the run's `--dry-run`.
    pub dry_run: bool,
    pub attempts: u32,
    pub continue_on_error: bool,
    /// The command's own JSON report (`{schema, ok, outcome, data}`), secrets `***`.
    pub report: Option<serde_json::Value>,
    pub error: Option<String>,
}

/// A whole run.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RunReport {
    pub name: String,
    pub file: String,
    pub description: Option<String>,
    /// The values the run used; secret ones `***`.
    pub params: BTreeMap<String, serde_json::Value>,
    pub dry_run: bool,
    pub ticket: Option<String>,
    /// The worst step status.
    pub status: StepStatus,
    pub exit_code: u8,
    /// When the run started (RFC 3339, UTC).
    pub started: String,
    pub duration_ms: u64,
    /// "5 steps: 3 ok, 1 skipped, 1 failed".
    pub summary: String,
    pub steps: Vec<StepReport>,
}

/// The JSON schema name for a run report.
pub const SCHEMA: &str = "deskhand.runbook.run.v1";

impl RunReport {
    /// The exit code: the worst step's (interrupted 130, a failed step's own 2 or 3, a
    /// check that said no 1, else 0).
    pub fn exit(&self) -> Exit {
        match self.status {
            StepStatus::Interrupted => Exit::Interrupted,
            StepStatus::Failed => {
                let usage_only = self.steps.iter().filter(|s| s.status == StepStatus::Failed).all(|s| s.exit_code == Some(2));
                if usage_only { Exit::Usage } else { Exit::Environment }
            }
            StepStatus::CheckFailed => Exit::CheckFailed,
            StepStatus::Unknown => Exit::Environment,
            StepStatus::Ok | StepStatus::Skipped | StepStatus::NotRun => Exit::Ok,
        }
    }

    /// For the JSON envelope (`outcome`).
    pub fn outcome(&self) -> Outcome {
        match self.status {
            StepStatus::Ok | StepStatus::Skipped | StepStatus::NotRun => Outcome::Ok,
            StepStatus::CheckFailed => Outcome::CheckFailed,
            StepStatus::Failed => Outcome::Incomplete,
            StepStatus::Unknown => Outcome::Unknown,
            StepStatus::Interrupted => Outcome::Interrupted,
        }
    }

    pub(crate) fn finish(&mut self) {
        self.status = self.steps.iter().map(|s| s.status).max_by_key(|s| s.rank()).filter(|s| s.rank() > 0).unwrap_or(StepStatus::Ok);
        self.exit_code = self.exit().code();
        let mut counts: Vec<(StepStatus, usize)> = Vec::new();
        for s in &self.steps {
            match counts.iter_mut().find(|(st, _)| *st == s.status) {
                Some((_, n)) => *n += 1,
                None => counts.push((s.status, 1)),
            }
        }
        counts.sort_by_key(|(s, _)| order(*s));
        let parts: Vec<String> = counts.iter().map(|(s, n)| format!("{n} {}", s.name().replace('_', " "))).collect();
        let n = self.steps.len();
        self.summary = format!("{n} step{}: {}", if n == 1 { "" } else { "s" }, parts.join(", "));
    }
}

fn order(s: StepStatus) -> u8 {
    match s {
        StepStatus::Ok => 0,
        StepStatus::Skipped => 1,
        StepStatus::CheckFailed => 2,
        StepStatus::Failed => 3,
        StepStatus::Unknown => 4,
        StepStatus::Interrupted => 5,
        StepStatus::NotRun => 6,
    }
}

/// "7 ms" under a second, "2.0 s" above: step times, timeouts and delays.
pub fn took(ms: u64) -> String {
    if ms < 1000 { format!("{ms} ms") } else { format!("{:.1} s", ms as f64 / 1000.0) }
}
