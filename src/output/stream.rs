//! A JSON report written while the work runs: the header first, then each item as its
//! chunk finishes, then the summary. A bulk change of any size then holds no per-item
//! results in memory, and stdout is still exactly one JSON document.

use deskhand_commands::Outcome;
use deskhand_commands::account::change::{ChangeItem, ChangeReport, ItemSink};
use serde::Serialize;
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Mutex;

struct State {
    out: BufWriter<Stdout>,
    first: bool,
    error: Option<io::Error>,
}

/// The streaming writer of a change report.
pub struct JsonStream {
    state: Mutex<State>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Header<'a> {
    action: &'a str,
    dry_run: bool,
    directory: &'a str,
}

impl JsonStream {
    /// Writes the opening: `{"schema": ..., "data": {"action": ..., "items": [`.
    pub fn start(schema: &str, action: &str, dry_run: bool, directory: &str) -> Self {
        let mut out = BufWriter::new(io::stdout());
        let mut header = serde_json::to_string(&Header { action, dry_run, directory }).unwrap_or_else(|_| "{".into());
        header.pop(); // the closing brace: items follow
        let error = write!(out, "{{\"schema\":{},\"data\":{header},\"items\":[", serde_json::Value::from(schema)).err();
        Self { state: Mutex::new(State { out, first: true, error }) }
    }

    /// Writes the closing: the summary, `ok` and `outcome`.
    pub fn finish(&self, report: &ChangeReport, outcome: Outcome) -> io::Result<()> {
        let mut s = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(e) = s.error.take() {
            return Err(e);
        }
        let summary = serde_json::to_string(&report.summary).map_err(io::Error::other)?;
        let outcome_text = serde_json::to_string(&outcome).map_err(io::Error::other)?;
        writeln!(s.out, "],\"summary\":{summary}}},\"ok\":{},\"outcome\":{outcome_text}}}", outcome.is_ok())?;
        s.out.flush()
    }
}

impl ItemSink for JsonStream {
    fn item(&self, item: &ChangeItem) {
        let mut s = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if s.error.is_some() {
            return;
        }
        let sep = if s.first { "\n" } else { ",\n" };
        s.first = false;
        let result = s.out.write_all(sep.as_bytes()).and_then(|()| serde_json::to_writer(&mut s.out, item).map_err(io::Error::other));
        if let Err(e) = result {
            s.error = Some(e);
        }
    }
}
