//! deskhand's command-line front end: clap args -> settings -> one dispatch match ->
//! output. [`run`] returns the exit code; only `main` exits.

pub mod cli;
pub mod config;
mod deliver;
mod dispatch;
pub mod exit;
mod fleet;
mod lifecycle;
pub mod output;
mod progress;
pub mod runbook;
mod runbook_cli;
mod schemas;
mod secrets;
pub mod settings;

use crate::cli::{Cli, OutputFormat};
use crate::dispatch::Report;
use crate::exit::Exit;
use crate::settings::{OutputSettings, Special};
use clap::{CommandFactory, Parser};
use deskhand_commands::{CommandError, ErrorKind, Outcome};
use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// How errors are shown; settled step by step as the flags, environment and config are read.
struct ErrorStyle {
    json: bool,
    color: bool,
}

/// Runs deskhand with the given arguments and returns the exit code.
pub fn run<I: IntoIterator<Item = OsString>>(args: I) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    let mut style = ErrorStyle { json: wants_json(&args), color: default_error_color() };
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return clap_error(&e, style.json),
    };
    let exit = match run_cli(&cli, &mut style) {
        Ok(exit) => exit,
        Err(e) => report_error(&e, &style),
    };
    ExitCode::from(exit.code())
}

fn default_error_color() -> bool {
    settings::decide_color(crate::cli::ColorChoice::Auto, std::env::var_os("NO_COLOR").as_deref(), io::stderr().is_terminal())
}

/// Whether argv asks for JSON, looked at before clap so that even usage errors come out
/// as JSON. (The config file may also ask for JSON; that is known only later.)
fn wants_json(args: &[OsString]) -> bool {
    let mut found = std::env::var("DESKHAND_OUTPUT").is_ok_and(|v| v.trim() == "json");
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        match a {
            "--output=json" | "-ojson" | "-o=json" => found = true,
            "--output" | "-o" => found = it.next() == Some("json"),
            a if a.starts_with("--output=") || a.starts_with("-o") && a.len() > 2 => found = false,
            "--" => break,
            _ => {}
        }
    }
    found
}

fn clap_error(e: &clap::Error, json: bool) -> ExitCode {
    use clap::error::ErrorKind as K;
    if matches!(e.kind(), K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand) {
        let _ = e.print();
        return ExitCode::from(if e.kind() == K::DisplayHelpOnMissingArgumentOrSubcommand { Exit::Usage.code() } else { Exit::Ok.code() });
    }
    if json {
        let text = e.render().to_string();
        // The message is every line before the usage block, joined.
        let message = text
            .lines()
            .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .trim_start_matches("error: ")
            .to_string();
        let err = CommandError::usage(message).with_hint("run with --help to see the usage");
        write_json_error(&err, Exit::Usage);
    } else {
        let _ = e.print();
    }
    ExitCode::from(Exit::Usage.code())
}

fn run_cli(cli: &Cli, style: &mut ErrorStyle) -> Result<Exit, CommandError> {
    if let Some(special) = settings::special(cli) {
        return print_special(&special);
    }
    let globals = settings::globals(cli, &settings::process_env)?;
    style.json = globals.output == Some(OutputFormat::Json);
    let config = config::load(globals.config.as_deref(), globals.quiet)?;
    let out = settings::output_settings(&globals, &config);
    // From here on, errors take the effective format and colour (the config may set them).
    style.json = out.format == OutputFormat::Json;
    style.color = settings::color_for(&globals, &config, io::stderr().is_terminal());
    if let cli::Command::Runbook(command) = &cli.command {
        return runbook_cli::run(command, &config, out);
    }
    if let cli::Command::Fleet(command) = &cli.command {
        return fleet::run(command, out);
    }
    let op = settings::operation(cli, &globals, &config)?;
    // Two workers: a large scan's kernel work then runs on both cores of a small machine.
    // DNS questions are the opposite: each answer is little work handed between tasks, and
    // waking another thread for each cost more than the work (10,000 names: 77 ms on two
    // workers, 64 ms on one thread), while the server wants the other core.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
    let runtime = if matches!(op, settings::Operation::Dns(_)) {
        tokio::runtime::Builder::new_current_thread().enable_all().build()
    } else {
        tokio::runtime::Builder::new_multi_thread().worker_threads(workers).enable_all().build()
    }
    .map_err(|e| CommandError::environment(format!("cannot start the async runtime: {e}")))?;
    // A directory change is not cut off by Ctrl-C: a bulk one stops starting new items
    // and reports which were done (exit 130), with the temporary passwords of the
    // accounts already created (onboard); a single one finishes. Everything else stops
    // at once.
    let bulk = matches!(
        &op,
        settings::Operation::Account {
            verb: settings::AccountVerb::Change { .. }
                | settings::AccountVerb::Create { .. }
                | settings::AccountVerb::Onboard { .. }
                | settings::AccountVerb::Offboard { .. }
                | settings::AccountVerb::Restore { .. },
            ..
        }
    );
    let result = runtime.block_on(async {
        if bulk {
            tokio::spawn(async {
                if tokio::signal::ctrl_c().await.is_ok() {
                    deskhand_commands::account::change::INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            });
            return dispatch::dispatch(op, &out).await;
        }
        tokio::select! {
            r = dispatch::dispatch(op, &out) => r,
            _ = tokio::signal::ctrl_c() => Err(CommandError { kind: ErrorKind::Interrupted, message: "interrupted".into(), hint: None, unresolved: false }),
        }
    });
    // Runtime drop may wait on blocking tasks (name lookups); don't let it.
    runtime.shutdown_background();
    let (report, outcome) = result?;
    match render(&report, outcome, out) {
        Ok(()) => {}
        // A closed pipe (`| head`) is not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(Exit::Ok),
        Err(e) => return Err(CommandError::environment(format!("cannot write the output: {e}"))),
    }
    Ok(Exit::from_outcome(outcome))
}

fn render(report: &Report, outcome: Outcome, out: OutputSettings) -> io::Result<()> {
    let stdout = io::stdout();
    let mut w = io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    render_to(&mut w, report, outcome, out)
}

/// Writes a report in the chosen format to any writer (a runbook step's JSON goes to a buffer).
pub(crate) fn render_to<W: Write>(mut w: &mut W, report: &Report, outcome: Outcome, out: OutputSettings) -> io::Result<()> {
    match report {
        Report::Ping(r) => output::write_report(&mut w, &out, "deskhand.net.ping.v1", r, outcome, output::net::ping)?,
        Report::Dns(r) => output::write_report(&mut w, &out, "deskhand.net.dns.v1", r, outcome, output::net::dns)?,
        Report::Port(r) => output::write_report(&mut w, &out, "deskhand.net.port.v1", r, outcome, output::net::port)?,
        Report::Check(r) => output::write_report(&mut w, &out, "deskhand.net.check.v1", r, outcome, output::net::check)?,
        Report::Diagnose(r) => output::write_report(&mut w, &out, "deskhand.diagnose.v1", &**r, outcome, output::diagnose::diagnose)?,
        Report::AccountShow(r) => output::write_report(&mut w, &out, "deskhand.account.show.v1", &**r, outcome, output::account::show)?,
        Report::AccountFind(r) => output::write_report(&mut w, &out, "deskhand.account.find.v1", r, outcome, output::account::find)?,
        Report::AccountLocked(r) => output::write_report(&mut w, &out, "deskhand.account.locked.v1", r, outcome, output::account::locked)?,
        Report::AccountExpiry(r) => {
            let schema = if r.within_days.is_some() { "deskhand.account.expiring.v1" } else { "deskhand.account.expired.v1" };
            output::write_report(&mut w, &out, schema, r, outcome, output::account::expiry)?;
        }
        Report::AccountReset(r) => output::write_report(&mut w, &out, "deskhand.account.reset.v1", r, outcome, output::account::reset)?,
        Report::AccountGroups(r) => output::write_report(&mut w, &out, "deskhand.account.groups.v1", r, outcome, output::account::groups)?,
        Report::AccountChangeStreamed(r, stream) => stream.finish(r, outcome)?,
        Report::AccountCreate(r) => {
            output::write_report(&mut w, &out, "deskhand.account.create.v1", &**r, outcome, output::account::create)?;
        }
        Report::AccountOnboard(r) => {
            output::write_report(&mut w, &out, "deskhand.account.onboard.v1", r, outcome, output::account::onboard)?;
        }
        Report::AccountOffboard(r) => {
            output::write_report(&mut w, &out, "deskhand.account.offboard.v1", r, outcome, output::account::offboard)?;
        }
        Report::AccountRestore(r) => {
            output::write_report(&mut w, &out, "deskhand.account.restore.v1", r, outcome, output::account::offboard)?;
        }
        Report::InventoryList(r) => output::write_report(&mut w, &out, "deskhand.inventory.list.v1", r, outcome, output::inventory::list)?,
        Report::InventoryShow(r) => output::write_report(&mut w, &out, "deskhand.inventory.show.v1", r, outcome, output::inventory::show)?,
        Report::InventoryFacts(r) => {
            output::write_report(&mut w, &out, "deskhand.inventory.facts.v1", &**r, outcome, output::inventory::facts)?;
        }
        Report::InventoryCheck(r) => {
            output::write_report(&mut w, &out, "deskhand.inventory.check.v1", r, outcome, output::inventory::check)?;
        }
        Report::InventorySnapshot(r) => {
            output::write_report(&mut w, &out, "deskhand.inventory.snapshot-taken.v1", r, outcome, output::inventory::snapshot)?;
        }
        Report::InventoryDiff(r) => output::write_report(&mut w, &out, "deskhand.inventory.diff.v1", r, outcome, output::inventory::diff)?,
        Report::AccountChange(r) => {
            let schema = format!("deskhand.account.{}.v1", r.action.replace(' ', "-"));
            output::write_report(&mut w, &out, &schema, r, outcome, output::account::change)?;
        }
    }
    w.flush()
}

fn print_special(special: &Special) -> Result<Exit, CommandError> {
    let mut cmd = Cli::command();
    let stdout = io::stdout();
    let mut w = stdout.lock();
    let result = match special {
        Special::Completions(shell) => {
            clap_complete::generate(*shell, &mut cmd, "deskhand", &mut w);
            Ok(())
        }
        Special::Man(None) => clap_mangen::Man::new(cmd).render(&mut w),
        Special::Schemas(None) => {
            let index: serde_json::Map<String, serde_json::Value> = schemas::all().into_iter().collect();
            serde_json::to_writer_pretty(&mut w, &index).map_err(io::Error::from).and_then(|()| writeln!(w))
        }
        Special::Schemas(Some(dir)) => {
            write_schemas(dir).map_err(|e| CommandError::environment(format!("cannot write schemas to {}: {e}", dir.display())))?;
            Ok(())
        }
        Special::Man(Some(dir)) => {
            cmd.build();
            write_man_pages(&cmd, dir, "")
                .map_err(|e| CommandError::environment(format!("cannot write man pages to {}: {e}", dir.display())))?;
            Ok(())
        }
    };
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CommandError::environment(format!("cannot write the output: {e}"))),
        _ => Ok(Exit::Ok),
    }
}

/// Writes one man page per command: `deskhand.1`, `deskhand-net.1`, `deskhand-net-ping.1`...
fn write_man_pages(cmd: &clap::Command, dir: &std::path::Path, prefix: &str) -> io::Result<()> {
    let name = if prefix.is_empty() { cmd.get_name().to_string() } else { format!("{prefix}-{}", cmd.get_name()) };
    std::fs::create_dir_all(dir)?;
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone().name(name.clone())).render(&mut page)?;
    std::fs::write(dir.join(format!("{name}.1")), page)?;
    // Hidden commands (what the Ansible module runs) are not for people: no page.
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help" && !s.is_hide_set()) {
        write_man_pages(sub, dir, &name)?;
    }
    Ok(())
}

fn report_error(e: &CommandError, style: &ErrorStyle) -> Exit {
    let exit = Exit::from_kind(e.kind);
    if style.json {
        write_json_error(e, exit);
        return exit;
    }
    let (red, bold, reset) = if style.color { ("\x1b[1;31m", "\x1b[1m", "\x1b[0m") } else { ("", "", "") };
    let mut err = io::stderr().lock();
    // Messages quote user input (file lines, names): no terminal controls get through.
    let _ = writeln!(err, "{red}error:{reset} {}", sanitize_lines(&e.message));
    if let Some(h) = &e.hint {
        let _ = writeln!(err, "  {bold}hint:{reset} {}", sanitize_lines(h));
    }
    exit
}

/// Sanitizes each line of a (possibly multi-line) message, keeping the line breaks.
fn sanitize_lines(text: &str) -> String {
    text.lines().map(deskhand_commands::util::sanitize).collect::<Vec<_>>().join("\n")
}

fn write_json_error(e: &CommandError, exit: Exit) {
    let kind = match e.kind {
        ErrorKind::Usage => "usage",
        ErrorKind::Environment => "environment",
        ErrorKind::Connection => "connection",
        ErrorKind::Unanswered => "unanswered",
        ErrorKind::Interrupted => "interrupted",
    };
    let doc = serde_json::json!({
        "schema": "deskhand.error.v1",
        "ok": false,
        "error": { "kind": kind, "message": e.message, "hint": e.hint, "exit_code": exit.code() },
    });
    let _ = writeln!(io::stderr().lock(), "{doc}");
}

/// Writes `DIR/NAME.json` for each schema, and removes schema files no longer made.
fn write_schemas(dir: &std::path::Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let all = schemas::all();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let json = path.extension().is_some_and(|e| e == "json");
        let stale = json
            && path
                .file_stem()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("deskhand.") && !all.iter().any(|(name, _)| name == n));
        if stale {
            std::fs::remove_file(&path)?;
        }
    }
    for (name, schema) in all {
        let mut text = serde_json::to_string_pretty(&schema).map_err(io::Error::other)?;
        text.push('\n');
        std::fs::write(dir.join(format!("{name}.json")), text)?;
    }
    Ok(())
}
