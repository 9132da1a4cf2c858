//! Running a runbook, step by step, in one process. How one step's command line is
//! executed is behind [`StepRunner`]: the CLI's runner calls `dispatch` in-process and
//! hands back the command's JSON report; tests use a fake.
//!
//! Before the first step runs, every step whose command line reads only parameters is
//! filled in and parsed (`preflight`), so a bad value fails the run before anything
//! changed. Steps that read earlier steps' results are filled in when their turn comes.

use super::command::{self, Parsed};
use super::model::{Runbook, Step};
use super::params::{Params, Prompter, redact_with};
use super::report::{RunReport, StepReport, StepStatus};
use super::template::Engine;
use deskhand_commands::CommandError;
use minijinja::Value;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Runs one step's command line (argv without the program name).
///
/// The CLI's runner parses argv with `Cli`, builds the operation with `settings` and calls
/// `dispatch` in the same process, then serializes the report as the command's JSON
/// envelope. It does not apply the step's timeout, nor watch Ctrl-C for read-only
/// commands: the engine does both around the future.
pub trait StepRunner {
    fn run<'a>(&'a self, argv: &'a [String]) -> Pin<Box<dyn Future<Output = StepOutput> + 'a>>;
}

/// What a command gave back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepOutput {
    /// The exit code the command would have had on its own: 0, 1, 2, 3 or 130.
    pub exit: i32,
    /// Its JSON envelope `{schema, ok, outcome, data}`, when it produced a report.
    pub json: Option<serde_json::Value>,
    /// The error message (and hint), when it failed.
    pub error: Option<String>,
    /// A one-line summary for the run report, if the runner has a better one than the
    /// engine's generic "account show: ok".
    pub summary: Option<String>,
    /// A change went out and got no answer (the command's outcome was `unknown`, or it
    /// failed with an unanswered change): the step's status is `unknown`.
    pub unknown: bool,
}

/// Hears about a run's progress (for a progress line on stderr).
pub trait Observer {
    /// `changing`: this attempt may change something (decided on the filled-in argv).
    fn step_started(&self, _index: usize, _total: usize, _step: &Step, _argv: &[String], _changing: bool) {}
    fn retrying(&self, _step: &Step, _attempt: u32, _delay: Duration) {}
    fn step_finished(&self, _index: usize, _total: usize, _report: &StepReport) {}
}

/// Hears nothing.
pub struct Quiet;

impl Observer for Quiet {}

/// Ctrl-C, as the run sees it: set once, wakes every waiter.
#[derive(Debug, Clone, Default)]
pub struct Interrupt {
    inner: Arc<(AtomicBool, tokio::sync::Notify)>,
}

impl Interrupt {
    pub fn new() -> Self {
        Self::default()
    }

    /// Marks the run interrupted (call it from the Ctrl-C handler).
    pub fn trigger(&self) {
        self.inner.0.store(true, Ordering::SeqCst);
        self.inner.1.notify_waiters();
    }

    pub fn is_set(&self) -> bool {
        self.inner.0.load(Ordering::SeqCst)
    }

    /// Returns once the run is interrupted.
    pub async fn wait(&self) {
        loop {
            let notified = self.inner.1.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.is_set() {
                return;
            }
            notified.await;
        }
    }
}

/// How to run.
pub struct RunOptions<'a> {
    /// Read-only steps run; changing ones get `--dry-run` (or are skipped if they have none).
    pub dry_run: bool,
    /// Passed as `--ticket=ID` to every step whose command takes `--ticket`.
    pub ticket: Option<String>,
    /// Answer yes to every `confirm:` (for runs without a terminal).
    pub yes: bool,
    pub prompter: &'a dyn Prompter,
    pub observer: &'a dyn Observer,
    pub interrupt: Interrupt,
    /// For steps without a `timeout:`.
    pub default_timeout: Option<Duration>,
}

/// A step's command line, filled in and checked.
struct Planned {
    argv: Vec<String>,
    parsed: Parsed,
    changing: bool,
}

/// Fills in and checks a step's command line.
fn plan(step: &Step, engine: &Engine, ctx: &Value, opts: &RunOptions) -> Result<Planned, String> {
    let filled = command::fill(&step.run, engine, ctx).map_err(|e| {
        let word = step.run.get(e.word).map(|w| w.text.as_str()).unwrap_or_default();
        if e.error.message.starts_with('`') { e.error.message } else { format!("`{word}`: {}", e.error.message) }
    })?;
    let texts: Vec<String> = filled.into_iter().map(|(_, t)| t).collect();
    let parsed = command::parse(&texts).map_err(|e| command::clap_message(&e))?;
    let changing = parsed.changing();
    // Validation lets a command that asks run only in a step with `confirm: true`, and
    // such a step runs only once confirmed.
    let argv = command::rewrite(texts, &parsed, opts.dry_run, opts.ticket.as_deref(), step.confirm);
    Ok(Planned { argv, parsed, changing })
}

/// The template context: params by name and under `params`, earlier steps under
/// `steps`, `dry_run`, `ticket`, and in `until:` the attempt just made as `result`.
fn context(params: &Params, steps: &BTreeMap<String, Value>, opts: &RunOptions, result: Option<(&str, Value)>) -> Value {
    let values = params.template_values();
    let mut ctx: BTreeMap<String, Value> = values.clone();
    ctx.insert("params".into(), Value::from(values));
    let mut steps = steps.clone();
    if let Some((id, r)) = &result {
        steps.insert((*id).to_string(), r.clone());
    }
    ctx.insert("steps".into(), Value::from(steps));
    ctx.insert("dry_run".into(), Value::from(opts.dry_run));
    ctx.insert("ticket".into(), opts.ticket.clone().map_or(Value::from(()), Value::from));
    if let Some((_, r)) = result {
        ctx.insert("result".into(), r);
    }
    Value::from(ctx)
}

/// Checks before anything runs: every step that reads only params (and whose `when:`
/// does not rule it out) is filled in and parsed with the real values.
fn preflight(rb: &Runbook, params: &Params, opts: &RunOptions, engine: &Engine) -> Result<(), CommandError> {
    let ctx = context(params, &BTreeMap::new(), opts, None);
    let mut problems = Vec::new();
    for step in rb.steps.iter().filter(|s| !s.uses_steps) {
        if let Some(w) = &step.when {
            // A `when:` that reads steps (an error here) is decided at run time.
            if !matches!(engine.truth(&w.text, &ctx), Ok(true)) {
                continue;
            }
        }
        if let Err(msg) = plan(step, engine, &ctx, opts) {
            let caret = deskhand_commands::util::snippet(&rb.source, step.at.line, step.at.col);
            problems.push(format!("{}:{}:{}: step `{}`: {msg}\n{caret}", rb.file(), step.at.line, step.at.col, step.id));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(CommandError::usage(params.redact(&format!("runbook {} cannot start:\n{}", rb.file(), problems.join("\n"))))
        .with_hint("nothing was run; check the --param values"))
}

/// Runs the runbook. `Err` only when the run cannot start (nothing ran); otherwise the
/// report, whatever became of the steps.
pub async fn run(rb: &Runbook, params: &Params, opts: &RunOptions<'_>, runner: &dyn StepRunner) -> Result<RunReport, CommandError> {
    let engine = Engine::new();
    preflight(rb, params, opts, &engine)?;
    let started = Instant::now();
    let mut report = RunReport {
        name: rb.name.clone(),
        file: rb.file(),
        description: rb.description.clone(),
        params: params.redacted(rb),
        dry_run: opts.dry_run,
        ticket: opts.ticket.clone(),
        status: StepStatus::Ok,
        exit_code: 0,
        started: deskhand_commands::util::rfc3339(deskhand_commands::util::now_unix()),
        duration_ms: 0,
        summary: String::new(),
        steps: Vec::new(),
    };
    let mut results: BTreeMap<String, Value> = BTreeMap::new();
    let mut stopped: Option<String> = None;
    let total = rb.steps.len();
    for (index, step) in rb.steps.iter().enumerate() {
        if stopped.is_none() && opts.interrupt.is_set() {
            // Ctrl-C between steps (during a changing step that ran to its end, or at a
            // prompt): this step is the one interrupted, so the run says so (exit 130).
            stopped = Some("interrupted".into());
            let r = bare(step, StepStatus::Interrupted, "interrupted before it ran".into());
            results.insert(step.id.clone(), result_value(&r, None));
            report.steps.push(r);
            continue;
        }
        if let Some(why) = &stopped {
            let r = bare(step, StepStatus::NotRun, format!("not run: {why}"));
            results.insert(step.id.clone(), result_value(&r, None));
            report.steps.push(r);
            continue;
        }
        let (r, full, stop) = run_step(step, index, total, params, &results, opts, runner, &engine).await;
        let r = redact_report(r, params.secrets());
        opts.observer.step_finished(index, total, &r);
        results.insert(step.id.clone(), result_value(&r, full.as_ref()));
        if stop {
            stopped = Some(match r.status {
                StepStatus::Interrupted => "interrupted".to_string(),
                StepStatus::Skipped => format!("step `{}` was declined", step.id),
                StepStatus::Unknown => format!("step `{}` sent changes that got no answer (a rerun settles them)", step.id),
                _ => format!("step `{}` {}", step.id, if r.status == StepStatus::CheckFailed { "said no" } else { "failed" }),
            });
        }
        report.steps.push(r);
    }
    report.duration_ms = ms(started.elapsed());
    report.finish();
    Ok(report)
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// A report for a step that did not run its command.
fn bare(step: &Step, status: StepStatus, summary: String) -> StepReport {
    StepReport {
        id: step.id.clone(),
        description: step.description.clone(),
        status,
        exit_code: None,
        duration_ms: 0,
        summary,
        argv: Vec::new(),
        changing: step.changing,
        dry_run: false,
        attempts: 0,
        continue_on_error: step.continue_on_error,
        report: None,
        error: None,
    }
}

/// `steps.<id>` for later steps: `{ok, status, exit, outcome, schema, data, error, attempts}`.
fn result_value(r: &StepReport, json: Option<&serde_json::Value>) -> Value {
    let field = |k: &str| json.and_then(|j| j.get(k)).cloned().unwrap_or(serde_json::Value::Null);
    Value::from_serialize(serde_json::json!({
        "ok": r.status == StepStatus::Ok,
        "status": r.status.name(),
        "exit": r.exit_code,
        "outcome": field("outcome"),
        "schema": field("schema"),
        "data": field("data"),
        "error": r.error,
        "attempts": r.attempts,
    }))
}

enum Exec {
    Done(StepOutput),
    TimedOut(Duration),
    Interrupted,
}

/// One attempt: the runner's future under the timeout, and (for read-only commands)
/// raced against Ctrl-C. A changing command is not cut off mid-change: the runner's
/// command sees Ctrl-C itself and stops between items (exit 130).
async fn attempt(runner: &dyn StepRunner, argv: &[String], timeout: Option<Duration>, interrupt: &Interrupt, race: bool) -> Exec {
    // Neither a timeout nor Ctrl-C cuts a change off halfway (validation refuses a
    // `timeout` on a changing step; this holds for one that changes only at run time).
    let timeout = timeout.filter(|_| race);
    let work = async {
        match timeout {
            Some(t) => match tokio::time::timeout(t, runner.run(argv)).await {
                Ok(out) => Exec::Done(out),
                Err(_) => Exec::TimedOut(t),
            },
            None => Exec::Done(runner.run(argv).await),
        }
    };
    if !race {
        return work.await;
    }
    tokio::select! {
        r = work => r,
        () = interrupt.wait() => Exec::Interrupted,
    }
}

fn status_of(exit: i32) -> StepStatus {
    match exit {
        0 => StepStatus::Ok,
        1 => StepStatus::CheckFailed,
        130 => StepStatus::Interrupted,
        _ => StepStatus::Failed,
    }
}

/// "account show" from "deskhand.account.show.v1".
fn command_name(json: Option<&serde_json::Value>, parsed: &Parsed) -> String {
    json.and_then(|j| j.get("schema")).and_then(serde_json::Value::as_str).and_then(|s| s.strip_prefix("deskhand.")).map_or_else(
        || parsed.path.join(" "),
        |s| {
            let s = s.rsplit_once(".v").map_or(s, |(a, _)| a);
            s.replace('.', " ")
        },
    )
}

fn human(d: Duration) -> String {
    super::report::took(ms(d))
}

/// Runs one step; returns its report, the command's full JSON (for `steps.<id>`), and
/// whether the run stops here.
#[allow(clippy::too_many_arguments)]
async fn run_step(
    step: &Step,
    index: usize,
    total: usize,
    params: &Params,
    results: &BTreeMap<String, Value>,
    opts: &RunOptions<'_>,
    runner: &dyn StepRunner,
    engine: &Engine,
) -> (StepReport, Option<serde_json::Value>, bool) {
    let t0 = Instant::now();
    let ctx = context(params, results, opts, None);
    let fail = |msg: String, exit: i32| {
        let mut r = bare(step, StepStatus::Failed, msg.clone());
        r.exit_code = Some(exit);
        r.error = Some(msg);
        r.duration_ms = ms(t0.elapsed());
        (r, None, !step.continue_on_error)
    };
    if let Some(w) = &step.when {
        match engine.truth(&w.text, &ctx) {
            Ok(true) => {}
            Ok(false) => return (bare(step, StepStatus::Skipped, format!("skipped: `{}` is false", w.text)), None, false),
            Err(e) => return fail(format!("when `{}`: {}", w.text, e.message), 2),
        }
    }
    let planned = match plan(step, engine, &ctx, opts) {
        Ok(p) => p,
        Err(msg) => return fail(msg, 2),
    };
    let shown: Vec<String> = planned.argv.iter().map(|a| redact_with(params.secrets(), a)).collect();
    let line = format!("deskhand {}", shown.join(" "));
    if opts.dry_run && planned.changing && !planned.parsed.takes_dry_run {
        let mut r = bare(step, StepStatus::Skipped, format!("dry run: would run `{line}` (it has no --dry-run)"));
        r.argv = shown;
        r.changing = true;
        return (r, None, false);
    }
    let dry = opts.dry_run && planned.parsed.takes_dry_run && !planned.parsed.dry_run_set;
    if step.confirm && !dry && !opts.yes {
        match opts.prompter.confirm(&format!("Run step `{}`: {line}?", step.id)) {
            Some(true) => {}
            Some(false) => {
                let mut r = bare(step, StepStatus::Skipped, "declined at the prompt".into());
                r.argv = shown;
                return (r, None, true);
            }
            None => {
                let mut failed = fail(
                    format!("step `{}` asks for confirmation and there is no terminal to ask on (give --yes to answer yes)", step.id),
                    2,
                );
                failed.0.argv = shown;
                return failed;
            }
        }
    }
    let timeout = step.timeout.or(opts.default_timeout);
    let race = !planned.changing || dry;
    let mut attempts = 0u32;
    let (status, out, mut summary) = loop {
        attempts += 1;
        opts.observer.step_started(index, total, step, &shown, !race);
        if opts.interrupt.is_set() {
            break (StepStatus::Interrupted, None, "interrupted before it ran".to_string());
        }
        let (mut status, out, summary) = match attempt(runner, &planned.argv, timeout, &opts.interrupt, race).await {
            Exec::Done(out) => {
                let status = if out.unknown { StepStatus::Unknown } else { status_of(out.exit) };
                let summary = out.summary.clone().unwrap_or_else(|| {
                    let name = command_name(out.json.as_ref(), &planned.parsed);
                    match (status, &out.error) {
                        (StepStatus::Ok, _) => format!("{name}: ok"),
                        (StepStatus::CheckFailed, _) => format!("{name}: the check said no"),
                        (StepStatus::Interrupted, _) => format!("{name}: interrupted"),
                        (_, Some(e)) => e.lines().next().unwrap_or_default().to_string(),
                        (_, None) => format!("{name}: failed (exit {})", out.exit),
                    }
                });
                (status, Some(out), summary)
            }
            Exec::TimedOut(t) => {
                let out = StepOutput { exit: 3, json: None, error: Some(format!("timed out after {}", human(t))), ..StepOutput::default() };
                (StepStatus::Failed, Some(out), format!("timed out after {}", human(t)))
            }
            Exec::Interrupted => (StepStatus::Interrupted, None, "interrupted".to_string()),
        };
        if status == StepStatus::Interrupted {
            break (status, out, summary);
        }
        let done = match &step.until {
            None => status == StepStatus::Ok,
            Some(u) => {
                let partial = StepReport {
                    status,
                    exit_code: out.as_ref().map(|o| o.exit),
                    attempts,
                    error: out.as_ref().and_then(|o| o.error.clone()),
                    ..bare(step, status, String::new())
                };
                let result = result_value(&partial, out.as_ref().and_then(|o| o.json.as_ref()));
                match engine.truth(&u.text, &context(params, results, opts, Some((&step.id, result)))) {
                    Ok(true) => {
                        status = StepStatus::Ok;
                        true
                    }
                    Ok(false) if attempts > step.retries => {
                        if status == StepStatus::Ok {
                            status = StepStatus::CheckFailed;
                        }
                        break (status, out, format!("`{}` still false after {attempts} attempts ({summary})", u.text));
                    }
                    Ok(false) => false,
                    Err(e) => {
                        // The expression is at fault, not the command: a usage error (exit 2).
                        let msg = format!("until `{}`: {}", u.text, e.message);
                        let json = out.and_then(|o| o.json);
                        break (
                            StepStatus::Failed,
                            Some(StepOutput { exit: 2, json, error: Some(msg.clone()), ..StepOutput::default() }),
                            msg,
                        );
                    }
                }
            }
        };
        if done || attempts > step.retries {
            break (status, out, summary);
        }
        opts.observer.retrying(step, attempts, step.delay);
        tokio::select! {
            () = tokio::time::sleep(step.delay) => {}
            () = opts.interrupt.wait() => break (StepStatus::Interrupted, out, "interrupted while waiting to retry".to_string()),
        }
    };
    if attempts > 1 && !summary.contains("attempts") {
        summary = format!("{summary} (attempt {attempts} of {})", step.retries + 1);
    }
    let (exit_code, json, error) = match out {
        Some(o) => (Some(o.exit), o.json, o.error),
        None => (None, None, None),
    };
    let error = error.or_else(|| (status == StepStatus::Failed).then(|| summary.clone()));
    let exit_code = match status {
        StepStatus::Interrupted => Some(130),
        // `until` decided: the exit code stays the command's own.
        _ => exit_code,
    };
    let r = StepReport {
        id: step.id.clone(),
        description: step.description.clone(),
        status,
        exit_code,
        duration_ms: ms(t0.elapsed()),
        summary,
        argv: shown,
        changing: planned.changing,
        dry_run: dry,
        attempts,
        continue_on_error: step.continue_on_error,
        report: json.clone(),
        error,
    };
    let halt = status == StepStatus::Interrupted || (status.is_failure() && !step.continue_on_error);
    (r, json, halt)
}

/// Blanks secret values out of everything a report shows.
fn redact_report(mut r: StepReport, secrets: &[String]) -> StepReport {
    if secrets.is_empty() {
        return r;
    }
    r.summary = redact_with(secrets, &r.summary);
    r.error = r.error.map(|e| redact_with(secrets, &e));
    r.argv = r.argv.iter().map(|a| redact_with(secrets, a)).collect();
    if let Some(j) = r.report.as_mut() {
        redact_json(j, secrets);
    }
    r
}

fn redact_json(v: &mut serde_json::Value, secrets: &[String]) {
    match v {
        serde_json::Value::String(s) => *s = redact_with(secrets, s),
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| redact_json(x, secrets)),
        serde_json::Value::Object(m) => m.values_mut().for_each(|x| redact_json(x, secrets)),
        _ => {}
    }
}
