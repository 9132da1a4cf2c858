//! deskhand's command-line front end: clap args -> settings -> one dispatch match ->
//! output. [`run`] returns the exit code; only `main` exits.

pub mod cli;
pub mod config;
mod dispatch;
pub mod exit;
pub mod output;
mod progress;
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

/// Runs deskhand with the given arguments and returns the exit code.
pub fn run<I: IntoIterator<Item = OsString>>(args: I) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    let json = wants_json(&args);
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return clap_error(&e, json),
    };
    let exit = match run_cli(&cli) {
        Ok(exit) => exit,
        Err(e) => report_error(&e, cli.global.output.map_or(json, |f| f == OutputFormat::Json)),
    };
    ExitCode::from(exit.code())
}

/// Whether argv asks for JSON, looked at before clap so that even usage errors come out
/// as JSON. (The config file may also ask for JSON; that is known only later.)
fn wants_json(args: &[OsString]) -> bool {
    let env = std::env::var("DESKHAND_OUTPUT").is_ok_and(|v| v == "json");
    let mut it = args.iter().filter_map(|a| a.to_str());
    let mut found = env;
    while let Some(a) = it.next() {
        match a {
            "--output=json" | "-ojson" => found = true,
            "--output" | "-o" => found = it.next() == Some("json"),
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
        let message = text.lines().next().unwrap_or("").trim_start_matches("error: ").to_string();
        let err = CommandError::usage(message).with_hint("run with --help to see the usage");
        write_json_error(&err, Exit::Usage);
    } else {
        let _ = e.print();
    }
    ExitCode::from(Exit::Usage.code())
}

fn run_cli(cli: &Cli) -> Result<Exit, CommandError> {
    if let Some(special) = settings::special(cli) {
        return print_special(&special);
    }
    let config = config::load(cli.global.config.as_deref())?;
    let out = settings::output_settings(cli, &config);
    let op = settings::operation(cli, &config)?;
    // Two workers: a large scan's kernel work then runs on both cores of a small machine.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .map_err(|e| CommandError::environment(format!("cannot start the async runtime: {e}")))?;
    let result = runtime.block_on(async {
        tokio::select! {
            r = dispatch::dispatch(op, &out) => r,
            _ = tokio::signal::ctrl_c() => Err(CommandError { kind: ErrorKind::Interrupted, message: "interrupted".into(), hint: None }),
        }
    });
    let (report, outcome) = result.map_err(|e| {
        // Errors must render in the effective format, which the config may have chosen.
        CommandError { message: e.message, hint: e.hint, kind: e.kind }
    })?;
    match render(&report, outcome, out) {
        Ok(()) => {}
        // A closed pipe (`| head`) is not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(Exit::Ok),
        Err(e) => return Err(CommandError::environment(format!("cannot write the output: {e}"))),
    }
    // Runtime drop may wait on blocking tasks (name lookups); don't let it.
    runtime.shutdown_background();
    Ok(if outcome.is_ok() { Exit::Ok } else { Exit::CheckFailed })
}

fn render(report: &Report, outcome: Outcome, out: OutputSettings) -> io::Result<()> {
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    match report {
        Report::Ping(r) => output::write_report(&mut w, &out, "deskhand.net.ping.v1", r, outcome, output::net::ping)?,
        Report::Dns(r) => output::write_report(&mut w, &out, "deskhand.net.dns.v1", r, outcome, output::net::dns)?,
        Report::Port(r) => output::write_report(&mut w, &out, "deskhand.net.port.v1", r, outcome, output::net::port)?,
        Report::Check(r) => output::write_report(&mut w, &out, "deskhand.net.check.v1", r, outcome, output::net::check)?,
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
        Special::Man => clap_mangen::Man::new(cmd).render(&mut w),
    };
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CommandError::environment(format!("cannot write the output: {e}"))),
        _ => Ok(Exit::Ok),
    }
}

fn report_error(e: &CommandError, json: bool) -> Exit {
    let exit = Exit::from_kind(e.kind);
    if json {
        write_json_error(e, exit);
        return exit;
    }
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stderr().is_terminal();
    let (red, bold, reset) = if color { ("\x1b[1;31m", "\x1b[1m", "\x1b[0m") } else { ("", "", "") };
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{red}error:{reset} {}", e.message);
    if let Some(h) = &e.hint {
        let _ = writeln!(err, "  {bold}hint:{reset} {h}");
    }
    exit
}

fn write_json_error(e: &CommandError, exit: Exit) {
    let kind = match e.kind {
        ErrorKind::Usage => "usage",
        ErrorKind::Environment => "environment",
        ErrorKind::Interrupted => "interrupted",
    };
    let doc = serde_json::json!({
        "schema": "deskhand.error.v1",
        "ok": false,
        "error": { "kind": kind, "message": e.message, "hint": e.hint, "exit_code": exit.code() },
    });
    let _ = writeln!(io::stderr().lock(), "{doc}");
}
