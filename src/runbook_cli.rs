//! The `runbook` commands: the engine in [`crate::runbook`] wired to the real CLI. Each
//! step runs in this process through the same settings and dispatch as a command typed
//! at the prompt; its report is the JSON that command prints.

use crate::cli::{Cli, OutputFormat, RunbookCommand};
use crate::config::Config;
use crate::exit::Exit;
use crate::output::{self, Block, Cell, Doc, Tone, count};
use crate::runbook::{self, StepOutput, StepRunner, StepStatus};
use crate::settings::{self, OutputSettings};
use clap::Parser;
use deskhand_commands::{CommandError, Outcome};
use std::future::Future;
use std::io::{self, Write};
use std::path::PathBuf;
use std::pin::Pin;

/// Runs one step's argv in-process and returns its JSON envelope and exit code.
pub struct CliRunner<'a> {
    pub config: &'a Config,
}

impl StepRunner for CliRunner<'_> {
    fn run<'a>(&'a self, argv: &'a [String]) -> Pin<Box<dyn Future<Output = StepOutput> + 'a>> {
        Box::pin(async move {
            let fail = |e: &CommandError| StepOutput {
                exit: i32::from(Exit::from_kind(e.kind).code()),
                unknown: e.kind == deskhand_commands::ErrorKind::Unanswered,
                error: Some(match &e.hint {
                    Some(h) => format!("{}\nhint: {h}", e.message),
                    None => e.message.clone(),
                }),
                ..StepOutput::default()
            };
            let cli = match Cli::try_parse_from(std::iter::once("deskhand".to_string()).chain(argv.iter().cloned())) {
                Ok(c) => c,
                Err(e) => return StepOutput { exit: 2, error: Some(runbook::command::clap_message(&e)), ..StepOutput::default() },
            };
            let globals = match settings::globals(&cli, &settings::process_env) {
                Ok(g) => g,
                Err(e) => return fail(&e),
            };
            let op = match settings::operation(&cli, &globals, self.config) {
                Ok(op) => op,
                Err(e) => return fail(&e),
            };
            // Rendered as a table inside dispatch: no JSON streamed to stdout, no bars.
            let quiet = OutputSettings { format: OutputFormat::Table, color: false, progress: false, width: None, pretty: false };
            match crate::dispatch::dispatch(op, &quiet).await {
                // A kept connection that broke is found and reopened (with the same
                // password) before the next step: see dispatch::session.
                Err(e) => fail(&e),
                Ok((report, outcome)) => {
                    let mut buf = Vec::new();
                    if let Err(e) = crate::render_to(&mut buf, &report, outcome, OutputSettings { format: OutputFormat::Json, ..quiet }) {
                        return fail(&CommandError::environment(format!("cannot render the step's report: {e}")));
                    }
                    let exit = i32::from(crate::exit::Exit::from_outcome(outcome).code());
                    // The one-line summary: the last line the command prints for people
                    // (its verdict or count).
                    let mut text = Vec::new();
                    let summary = crate::render_to(&mut text, &report, outcome, quiet).ok().and_then(|()| {
                        String::from_utf8_lossy(&text)
                            .lines()
                            .rev()
                            .map(str::trim)
                            // Not a line of a table, nor the advice after the verdict.
                            .find(|l| {
                                !l.is_empty() && !l.starts_with(['└', '┘', '─', '│', '┌', '╞', '├', '|', '+']) && !l.starts_with("Next: ")
                            })
                            .map(ToString::to_string)
                    });
                    StepOutput {
                        exit,
                        json: serde_json::from_slice(&buf).ok(),
                        error: None,
                        summary,
                        unknown: outcome == deskhand_commands::Outcome::Unknown,
                    }
                }
            }
        })
    }
}

/// The live view on stderr, when progress is shown: while a read-only step runs, a
/// spinner with "[2/5] id: deskhand ..." and the time it has taken; after each step, one
/// line with its status. A changing step gets a plain line and no spinner: it may show a
/// temporary password on the terminal, which a redrawn bar could wipe. A prompt during a
/// step (the bind password) hides the spinner first (`progress::suspend`).
struct Progress {
    on: bool,
}

/// Takes the live spinner off the terminal.
fn clear_live() {
    if let Some(bar) = crate::progress::take_live() {
        bar.finish_and_clear();
    }
}

impl runbook::Observer for Progress {
    fn step_started(&self, i: usize, total: usize, step: &runbook::Step, argv: &[String], changing: bool) {
        if !self.on {
            return;
        }
        clear_live();
        let line = format!("[{}/{total}] {}: deskhand {}", i + 1, step.id, deskhand_commands::util::sanitize(&argv.join(" ")));
        if changing {
            let _ = writeln!(io::stderr(), "{line}");
            return;
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {wide_msg} {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.set_message(line);
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        crate::progress::set_live(Some(bar));
    }

    fn retrying(&self, step: &runbook::Step, attempt: u32, delay: std::time::Duration) {
        if self.on {
            clear_live();
            let _ = writeln!(
                io::stderr(),
                "      {}: attempt {attempt} did not pass; again in {}",
                step.id,
                runbook::took(u64::try_from(delay.as_millis()).unwrap_or(u64::MAX))
            );
        }
    }

    fn step_finished(&self, i: usize, total: usize, report: &runbook::StepReport) {
        if self.on {
            clear_live();
            let status = report.status.name().replace('_', " ");
            let _ = writeln!(io::stderr(), "[{}/{total}] {}: {status} ({})", i + 1, report.id, runbook::took(report.duration_ms));
        }
    }
}

fn resolve(file: &str) -> Result<PathBuf, CommandError> {
    runbook::find(file, &runbook::search_dirs(&settings::process_env))
}

/// Runs a `runbook` command; returns the exit code.
pub fn run(command: &RunbookCommand, config: &Config, out: OutputSettings) -> Result<Exit, CommandError> {
    let mut w = io::BufWriter::new(io::stdout().lock());
    let written = match command {
        RunbookCommand::List => {
            let r = runbook::list(&runbook::search_dirs(&settings::process_env));
            output::write_report(&mut w, &out, "deskhand.runbook.list.v1", &r, Outcome::Ok, list_doc).map(|()| Exit::Ok)
        }
        RunbookCommand::Show { file } => {
            let rb = runbook::load(&resolve(file)?).map_err(CommandError::from)?;
            let r = runbook::show(&rb);
            output::write_report(&mut w, &out, "deskhand.runbook.show.v1", &r, Outcome::Ok, show_doc).map(|()| Exit::Ok)
        }
        RunbookCommand::Validate { files } => {
            let paths = files.iter().map(|f| resolve(f)).collect::<Result<Vec<_>, _>>()?;
            let r = runbook::validate_files(&paths);
            let outcome = if r.ok { Outcome::Ok } else { Outcome::CheckFailed };
            output::write_report(&mut w, &out, "deskhand.runbook.validate.v1", &r, outcome, validate_doc)
                .map(|()| if r.ok { Exit::Ok } else { Exit::Usage })
        }
        RunbookCommand::Run { file, params, dry_run, ticket, yes } => {
            let path = resolve(file)?;
            let rb = runbook::load(&path).map_err(CommandError::from)?;
            let prompter = runbook::TerminalPrompter;
            let given = runbook::with_env_secrets(&rb, params, &settings::process_env)?;
            let params = runbook::resolve_params(&rb, &given, &prompter)?;
            let interrupt = runbook::Interrupt::new();
            let observer = Progress { on: out.progress };
            let opts = runbook::RunOptions {
                dry_run: *dry_run,
                ticket: ticket.clone(),
                yes: *yes,
                prompter: &prompter,
                observer: &observer,
                interrupt: interrupt.clone(),
                default_timeout: None,
            };
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .map_err(|e| CommandError::environment(format!("cannot start the async runtime: {e}")))?;
            let runner = CliRunner { config };
            crate::dispatch::session::keep();
            let report = runtime.block_on(async {
                let i = interrupt.clone();
                tokio::spawn(async move {
                    if tokio::signal::ctrl_c().await.is_ok() {
                        i.trigger();
                        // A changing step stops between items and reports what it did.
                        deskhand_commands::account::change::INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                });
                runbook::run(&rb, &params, &opts, &runner).await
            });
            runtime.shutdown_background();
            clear_live();
            let report = report?;
            audit(&report);
            let exit = report.exit();
            output::write_report(&mut w, &out, runbook::SCHEMA, &report, report.outcome(), run_doc).map(|()| exit)
        }
    };
    let flushed = written.and_then(|exit| w.flush().map(|()| exit));
    match flushed {
        Ok(exit) => Ok(exit),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Exit::Ok),
        Err(e) => Err(CommandError::environment(format!("cannot write the output: {e}"))),
    }
}

/// One audit line per run: which runbook, how it ended (its steps write their own).
fn audit(report: &runbook::RunReport) {
    use deskhand_commands::account::audit::Audit;
    let a = Audit::new(Audit::default_path(), "runbook", report.ticket.clone(), None);
    let action = format!("runbook {}{}", report.name, if report.dry_run { " (dry run)" } else { "" });
    let _ = a.record(&report.file, &action, &format!("{}: {}", report.status.name(), report.summary));
}

fn status_cell(s: StepStatus) -> Cell {
    let (text, tone) = match s {
        StepStatus::Ok => ("ok", Tone::Good),
        StepStatus::Failed => ("failed", Tone::Bad),
        StepStatus::CheckFailed => ("check said no", Tone::Warn),
        StepStatus::Skipped => ("skipped", Tone::Dim),
        StepStatus::NotRun => ("not run", Tone::Dim),
        StepStatus::Unknown => ("sent, no answer", Tone::Bad),
        StepStatus::Interrupted => ("interrupted", Tone::Bad),
    };
    Cell::new(text, tone)
}

fn run_doc(r: &runbook::RunReport) -> Doc {
    let title = if r.dry_run { format!("Runbook {} (dry run)", r.name) } else { format!("Runbook {}", r.name) };
    let mut doc = Doc::new(title);
    let mut fields = vec![("file".to_string(), Cell::from(r.file.clone())), ("started".to_string(), Cell::from(r.started.clone()))];
    if let Some(t) = &r.ticket {
        fields.push(("ticket".to_string(), Cell::from(t.clone())));
    }
    for (k, v) in &r.params {
        let text = match v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => "(not set)".to_string(),
            other => other.to_string(),
        };
        fields.push((format!("param {k}"), Cell::from(text)));
    }
    doc.blocks.push(Block::Fields { title: r.description.clone().unwrap_or_else(|| r.name.clone()), fields });
    let rows = r
        .steps
        .iter()
        .map(|s| {
            vec![
                Cell::from(s.id.clone()),
                status_cell(s.status),
                Cell::from(runbook::took(s.duration_ms)),
                Cell::from(deskhand_commands::util::sanitize(&s.summary)),
            ]
        })
        .collect();
    doc.table(&["step", "status", "time", "summary"], rows);
    let tone = match r.status {
        StepStatus::Ok | StepStatus::Skipped | StepStatus::NotRun => Tone::Good,
        StepStatus::CheckFailed => Tone::Warn,
        _ => Tone::Bad,
    };
    doc.line(format!("{} in {}", deskhand_commands::util::sanitize(&r.summary), runbook::took(r.duration_ms)), tone);
    doc
}

fn list_doc(r: &runbook::ListReport) -> Doc {
    let mut doc = Doc::new("Runbooks");
    if r.runbooks.is_empty() {
        doc.line(format!("no runbook found in {}", r.dirs.join(", ")), Tone::Plain);
        return doc;
    }
    let rows = r
        .runbooks
        .iter()
        .map(|e| {
            vec![
                Cell::from(e.name.clone()),
                match &e.error {
                    Some(err) => Cell::new(format!("invalid: {}", err.lines().next().unwrap_or_default()), Tone::Bad),
                    None => Cell::from(e.description.clone().unwrap_or_default()),
                },
                Cell::from(e.params.join(", ")),
                Cell::from(e.file.clone()),
            ]
        })
        .collect();
    doc.table(&["name", "description", "params", "file"], rows);
    doc.line(count(r.runbooks.len(), "runbook"), Tone::Plain);
    doc
}

fn show_doc(r: &runbook::ShowReport) -> Doc {
    let mut doc = Doc::new(format!("Runbook {}", r.name));
    if let Some(d) = &r.description {
        doc.line(d.clone(), Tone::Plain);
    }
    let params = r
        .params
        .iter()
        .map(|p| {
            let mut notes = Vec::new();
            if p.required {
                notes.push("required".to_string());
            }
            if let Some(d) = &p.default {
                notes.push(format!("default {}", serde_json::to_string(d).unwrap_or_default()));
            }
            if !p.choices.is_empty() {
                notes.push(format!("one of {}", p.choices.join(", ")));
            }
            if p.secret {
                notes.push("secret".into());
            }
            vec![
                Cell::from(p.name.clone()),
                Cell::from(p.kind.name()),
                Cell::from(notes.join("; ")),
                Cell::from(p.help.clone().unwrap_or_default()),
            ]
        })
        .collect();
    doc.table(&["param", "type", "rules", "help"], params);
    let steps = r
        .steps
        .iter()
        .map(|s| {
            let mut notes = Vec::new();
            if let Some(w) = &s.when {
                notes.push(format!("when {w}"));
            }
            if let Some(u) = &s.until {
                notes.push(format!("until {u} ({} retries)", s.retries));
            }
            if s.confirm {
                notes.push("asks first".into());
            }
            if s.continue_on_error {
                notes.push("continues on error".into());
            }
            if s.changing {
                notes.push("changes".into());
            }
            vec![
                Cell::from(s.id.clone()),
                Cell::from(s.run.clone()),
                Cell::from(notes.join("; ")),
                Cell::from(s.description.clone().unwrap_or_default()),
            ]
        })
        .collect();
    doc.table(&["step", "run", "how", "description"], steps);
    doc
}

fn validate_doc(r: &runbook::ValidateReport) -> Doc {
    let mut doc = Doc::new("Runbook validation");
    for f in &r.files {
        if f.ok {
            doc.line(format!("{}: ok ({})", f.file, count(f.steps, "step")), Tone::Good);
        } else {
            for p in &f.problems {
                doc.line(format!("{}: {}\n{}", p.at, p.message, p.snippet), Tone::Bad);
            }
        }
    }
    let bad: usize = r.files.iter().map(|f| f.problems.len()).sum();
    doc.line(
        if r.ok { format!("{} valid", count(r.files.len(), "file")) } else { format!("{} found", count(bad, "problem")) },
        if r.ok { Tone::Good } else { Tone::Bad },
    );
    doc
}
