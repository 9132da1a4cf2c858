//! deskhand on many machines, through Ansible. Ansible does the fan-out, the transport
//! and the retries; deskhand does the work. Two commands serve the collection
//! `deskhand.helpdesk` (under `ansible/`):
//!
//! - `fleet module` (hidden) is what the collection's module runs on each target: it
//!   reads the module's options as JSON on stdin, runs the deskhand command line they
//!   name exactly as the CLI would (in-process; a runbook in a child process), and prints
//!   Ansible's result: `rc`, `report` (deskhand's JSON document), `msg`, `changed`,
//!   `failed`, and `diff`, `skipped` and `ansible_facts` where they apply. Check mode adds
//!   `--dry-run` to a changing command; a changing command without one is skipped. So the
//!   Python side stays a thin wrapper and no deskhand logic is written twice.
//! - `fleet report DIR` renders the per-host results a playbook saved (one JSON file per
//!   host) as one report: hosts by failing rules or unreachable services, hosts that
//!   could not be reached listed apart, never dropped.

use crate::cli::FleetCommand;
use crate::cli::OutputFormat;
use crate::config::Config;
use crate::exit::Exit;
use crate::output::{self, Cell, Doc, Tone};
use crate::runbook::{self, StepOutput, StepRunner};
use crate::settings::OutputSettings;
use deskhand_commands::{CommandError, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

pub fn run(command: &FleetCommand, out: OutputSettings) -> Result<Exit, CommandError> {
    match command {
        FleetCommand::Module => {
            let mut input = String::new();
            io::stdin().read_to_string(&mut input).map_err(|e| CommandError::usage(format!("cannot read the module's options: {e}")))?;
            let result = module(&input);
            let mut w = io::stdout().lock();
            let _ = writeln!(w, "{result}");
            Ok(Exit::Ok)
        }
        FleetCommand::Report { input, save } => {
            let (source, results) = if input == "-" {
                ("standard input".to_string(), read_stdin_results()?)
            } else {
                (input.clone(), read_dir_results(Path::new(input))?)
            };
            let report = report(&source, results.clone());
            if let Some(dir) = save {
                save_report(dir, &report, &results)?;
            }
            let outcome = Outcome::from_ok(report.summary.pass == report.summary.hosts);
            let mut w = io::BufWriter::new(io::stdout().lock());
            match output::write_report(&mut w, &out, "deskhand.fleet.report.v1", &report, outcome, report_doc) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(Exit::Ok),
                Err(e) => return Err(CommandError::environment(format!("cannot write the output: {e}"))),
            }
            Ok(Exit::from_outcome(outcome))
        }
    }
}

// ------------------------------------------------------------------------- the module

/// `cmd`: a command line as one string (split like a runbook's `run:`) or as a list.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Cmd {
    Line(String),
    Words(Vec<String>),
}

/// The module's options, as the collection's Python module hands them over.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleArgs {
    pub cmd: Cmd,
    #[serde(default)]
    pub config: Option<PathBuf>,
    #[serde(default = "yes")]
    pub check_failure_fails: bool,
    #[serde(default)]
    pub check_mode: bool,
    #[serde(default)]
    pub diff: bool,
    /// Given to the command on standard input (a baseline for `inventory check -`, a CSV
    /// for `account onboard -f -`, results for `fleet report -`).
    #[serde(default)]
    pub stdin: Option<String>,
}

fn yes() -> bool {
    true
}

/// A failed result with a message (and the exit code deskhand would have had).
fn failed(rc: u8, msg: impl Into<String>) -> Value {
    json!({"failed": true, "changed": false, "rc": rc, "msg": msg.into(), "report": Value::Null})
}

/// Runs the module: options in, Ansible's result out. Never panics, never fails: every
/// problem is a result with `failed: true` and a message.
pub fn module(input: &str) -> Value {
    let opts: ModuleArgs = match serde_json::from_str(input) {
        Ok(a) => a,
        Err(e) => return failed(Exit::Usage.code(), format!("the module's options are not valid: {e}")),
    };
    let argv = match split_cmd(&opts.cmd) {
        Ok(a) => a,
        Err(msg) => return failed(Exit::Usage.code(), msg),
    };
    if let Some((msg, secrets)) = secret_in(&argv) {
        let mut r = failed(Exit::Usage.code(), msg);
        // The Python side hides these in what Ansible shows of the task's arguments.
        r["secrets"] = json!(secrets);
        return r;
    }
    let parsed = match runbook::command::parse(&argv) {
        Ok(p) => p,
        Err(e) => {
            return failed(
                Exit::Usage.code(),
                format!("`{}` is not a deskhand command line: {}", argv.join(" "), runbook::command::clap_message(&e)),
            );
        }
    };
    if parsed.path.first().is_some_and(|w| w == "fleet") && parsed.path.get(1).is_some_and(|w| w == "module") {
        return failed(Exit::Usage.code(), "`fleet module` is the module itself: give the command it should run");
    }
    if let Some(secret) = secret_param(&argv, &parsed.path) {
        let mut r = failed(
            Exit::Usage.code(),
            format!(
                "runbook param '{}' is secret and must not pass through the module's arguments: set {} in the task's environment instead",
                secret.0,
                runbook::params::env_name(&secret.0)
            ),
        );
        r["secrets"] = json!([secret.1]);
        return r;
    }
    let changing = parsed.changing();
    if opts.check_mode && changing && !parsed.takes_dry_run {
        return json!({
            "skipped": true,
            "changed": false,
            "msg": format!("check mode: `{}` changes things and has no --dry-run, so it did not run", parsed.path.join(" ")),
        });
    }
    let argv = if opts.check_mode && changing { runbook::command::rewrite(argv, &parsed, true, None, false) } else { argv };
    let config = match load_config(opts.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return failed(Exit::from_kind(e.kind).code(), with_hint(&e)),
    };
    let started = std::time::Instant::now();
    let out = if parsed.path.first().is_some_and(|w| w == "runbook" || w == "fleet") {
        run_child(&argv, opts.config.as_deref(), opts.stdin.as_deref())
    } else if let Some(text) = &opts.stdin {
        // In this process, standard input is the module's options: the text goes to a
        // file of its own in place of `-`, and its name back to `<stdin>` after.
        match StdinFile::new(text) {
            Ok(file) => {
                let argv: Vec<String> = argv.iter().map(|w| if w == "-" { file.path() } else { w.clone() }).collect();
                let mut out = run_in_process(&argv, &config);
                file.unname(&mut out);
                out
            }
            Err(e) => return failed(Exit::Environment.code(), format!("cannot keep the module's stdin text: {e}")),
        }
    } else {
        run_in_process(&argv, &config)
    };
    let mut result = assemble(&out, &opts, changing);
    // deskhand's own share of the task's time on the host.
    result["duration_ms"] = json!(started.elapsed().as_millis());
    result
}

/// The module's `stdin` text in a private file (mode 0600, removed when dropped).
struct StdinFile {
    dir: PathBuf,
}

impl StdinFile {
    fn new(text: &str) -> io::Result<Self> {
        let dir = std::env::temp_dir().join(format!("deskhand-module-{}-{}", std::process::id(), deskhand_commands::util::now_unix()));
        std::fs::create_dir(&dir)?;
        let file = Self { dir };
        let mut f = deskhand_commands::util::open_new(std::path::Path::new(&file.path()), 0o600)?;
        f.write_all(text.as_bytes())?;
        Ok(file)
    }

    fn path(&self) -> String {
        self.dir.join("stdin").display().to_string()
    }

    /// The file's name as the user knows it, in what the command said.
    fn unname(&self, out: &mut StepOutput) {
        let path = self.path();
        if let Some(e) = &mut out.error {
            *e = e.replace(&path, "<stdin>");
        }
        if let Some(s) = &mut out.summary {
            *s = s.replace(&path, "<stdin>");
        }
        if let Some(j) = &mut out.json
            && let Ok(text) = serde_json::to_string(j)
            && text.contains(&path)
            && let Ok(v) = serde_json::from_str(&text.replace(&path, "<stdin>"))
        {
            *j = v;
        }
    }
}

impl Drop for StdinFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The deskhand config the command runs with: the module's `config`, or the target's
/// usual one (`~/.config/deskhand/config.yaml`, `DESKHAND_CONFIG`).
fn load_config(path: Option<&Path>) -> Result<Config, CommandError> {
    let from_env = std::env::var_os("DESKHAND_CONFIG").map(PathBuf::from);
    crate::config::load(path.or(from_env.as_deref()), true)
}

fn with_hint(e: &CommandError) -> String {
    match &e.hint {
        Some(h) => format!("{}; hint: {h}", e.message),
        None => e.message.clone(),
    }
}

/// The words of `cmd`. A line splits like a runbook's `run:` (quotes group, `\` escapes);
/// a list is taken as it is. A leading `deskhand` is dropped.
pub fn split_cmd(cmd: &Cmd) -> Result<Vec<String>, String> {
    let mut words = match cmd {
        Cmd::Words(w) => w.clone(),
        Cmd::Line(line) => runbook::words::split(line)
            .map_err(|(at, msg)| format!("cmd: {msg} (at character {})", at + 1))?
            .into_iter()
            .map(|s| s.word.text)
            .collect(),
    };
    if words.first().is_some_and(|w| w == "deskhand") {
        words.remove(0);
    }
    if words.is_empty() {
        return Err("cmd is empty: give a deskhand command line, e.g. `inventory facts`".into());
    }
    Ok(words)
}

/// Flags that name a file or a choice, not a secret, though their names say "password".
const NOT_SECRETS: [&str; 4] = ["--password-file", "--password-out", "--reset-password", "--password-command-file"];

/// A word that carries a password on the command line (`--password X`,
/// `--bind-password=X`, `-w X`): the message, and the values to hide.
pub fn secret_in(argv: &[String]) -> Option<(String, Vec<String>)> {
    for (i, word) in argv.iter().enumerate() {
        if word == "--" {
            break;
        }
        let Some(flag) = word.strip_prefix('-') else { continue };
        let (name, value) = match flag.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (flag, None),
        };
        let name = name.trim_start_matches('-').to_ascii_lowercase();
        let full = format!("--{name}");
        if NOT_SECRETS.contains(&full.as_str()) {
            continue;
        }
        let secretish = ["pass", "pw", "secret", "token", "credential"].iter().any(|s| name.contains(s)) || name == "w";
        if secretish {
            let value = value.or_else(|| argv.get(i + 1).filter(|v| !v.starts_with('-')).cloned());
            let shown = word.split_once('=').map_or(word.as_str(), |(n, _)| n);
            return Some((
                format!(
                    "`{shown}` would put a secret in the module's arguments, where Ansible logs and shows them: deskhand takes a bind password from the target's config (password_file, password_env or password_command), a new password from a file (--password-file) or generates one"
                ),
                value.into_iter().collect(),
            ));
        }
    }
    None
}

/// A `--param NAME=VALUE` of `runbook run` whose param the runbook marks secret.
fn secret_param(argv: &[String], path: &[String]) -> Option<(String, String)> {
    if path != ["runbook", "run"] {
        return None;
    }
    // The runbook file is the first word after `run` that is not an option.
    let at = argv.iter().position(|w| w == "run")?;
    let file = argv[at + 1..].iter().find(|w| !w.starts_with('-'))?;
    let rb = runbook::load(&runbook::find(file, &runbook::search_dirs(&crate::settings::process_env)).ok()?).ok()?;
    let mut words = argv[at + 1..].iter();
    while let Some(w) = words.next() {
        let pair = match w.strip_prefix("--param=") {
            Some(p) => Some(p.to_string()),
            None if w == "--param" || w == "-p" => words.next().cloned(),
            None => None,
        };
        if let Some((k, v)) = pair.as_deref().and_then(|p| p.split_once('='))
            && rb.param(k).is_some_and(|p| p.secret)
        {
            return Some((k.to_string(), v.to_string()));
        }
    }
    None
}

/// A command run in this process through the same path as a runbook step.
fn run_in_process(argv: &[String], config: &Config) -> StepOutput {
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => return StepOutput { exit: 3, error: Some(format!("cannot start the async runtime: {e}")), ..StepOutput::default() },
    };
    let runner = crate::runbook_cli::CliRunner { config };
    let out = runtime.block_on(runner.run(argv));
    runtime.shutdown_background();
    out
}

/// A command run as a child deskhand (runbooks, which run commands of their own), its
/// JSON document read from stdout, or its JSON error from stderr.
fn run_child(argv: &[String], config: Option<&Path>, stdin: Option<&str>) -> StepOutput {
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => return StepOutput { exit: 3, error: Some(format!("cannot find deskhand itself: {e}")), ..StepOutput::default() },
    };
    let mut cmd = std::process::Command::new(exe);
    cmd.args(["--output", "json", "--quiet"]);
    if let Some(c) = config {
        cmd.arg("--config").arg(c);
    }
    cmd.args(argv).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    cmd.stdin(if stdin.is_some() { std::process::Stdio::piped() } else { std::process::Stdio::null() });
    let spawned = cmd.spawn().and_then(|mut child| {
        if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
            // A writer of its own: a large input must not wait for the output to be read.
            let text = text.to_string();
            std::thread::spawn(move || {
                let _ = pipe.write_all(text.as_bytes());
            });
        }
        child.wait_with_output()
    });
    let out = match spawned {
        Ok(o) => o,
        Err(e) => return StepOutput { exit: 3, error: Some(format!("cannot run deskhand: {e}")), ..StepOutput::default() },
    };
    let exit = out.status.code().unwrap_or(3);
    let json: Option<Value> = serde_json::from_slice(&out.stdout).ok();
    let error = if json.is_some() {
        None
    } else {
        let err: Option<Value> = serde_json::from_slice(&out.stderr).ok();
        Some(match err {
            Some(e) => {
                let m = e["error"]["message"].as_str().unwrap_or("failed").to_string();
                match e["error"]["hint"].as_str() {
                    Some(h) => format!("{m}\nhint: {h}"),
                    None => m,
                }
            }
            None => String::from_utf8_lossy(&out.stderr).trim().to_string(),
        })
    };
    // The one-line summary a report carries (a runbook's `summary`, the fleet's `verdict`).
    let summary = json.as_ref().and_then(|j| j["data"]["summary"].as_str().or(j["data"]["verdict"].as_str())).map(ToString::to_string);
    let unknown = json.as_ref().is_some_and(|j| j["outcome"] == "unknown");
    StepOutput { exit, json, error, summary, unknown }
}

/// Ansible's result from what the command did.
fn assemble(out: &StepOutput, args: &ModuleArgs, changing: bool) -> Value {
    let rc = out.exit;
    let is_failed = match rc {
        0 => false,
        1 => args.check_failure_fails,
        _ => true,
    };
    let msg = match (&out.error, &out.summary) {
        // The message's first line (a YAML error's snippet follows it in the report) and
        // the hint.
        (Some(e), _) => {
            let (message, hint) = e.split_once("\nhint: ").map_or((e.as_str(), None), |(m, h)| (m, Some(h)));
            let first = message.lines().next().unwrap_or_default();
            match hint {
                Some(h) => format!("{first}; hint: {}", h.replace('\n', " ")),
                None => first.to_string(),
            }
        }
        (None, Some(s)) => s.clone(),
        (None, None) => format!("exit {rc}"),
    };
    let report = match (&out.json, &out.error) {
        (Some(j), _) => j.clone(),
        (None, Some(e)) => {
            let (message, hint) = e.split_once("\nhint: ").map_or((e.as_str(), None), |(m, h)| (m, Some(h)));
            json!({"schema": "deskhand.error.v1", "ok": false, "error": {"message": message, "hint": hint, "exit_code": rc}})
        }
        (None, None) => Value::Null,
    };
    let changed = changing && out.json.as_ref().is_some_and(changed_of);
    let mut r = json!({"rc": rc, "report": report, "msg": msg, "changed": changed, "failed": is_failed});
    if args.diff
        && let Some(text) = out.json.as_ref().and_then(diff_of)
    {
        r["diff"] = json!({"prepared": text});
    }
    if let Some(facts) = out.json.as_ref().and_then(facts_of) {
        r["ansible_facts"] = json!({"deskhand": facts});
    }
    r
}

fn count(v: &Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or(0)
}

/// Whether a changing command's report says it changed something, or would have (a dry
/// run: Ansible's check mode reports what would change), or may have (sent, no answer).
pub fn changed_of(report: &Value) -> bool {
    let schema = report["schema"].as_str().unwrap_or_default();
    let data = &report["data"];
    let name = schema.strip_prefix("deskhand.").and_then(|s| s.strip_suffix(".v1")).unwrap_or_default();
    match name {
        "account.unlock" | "account.disable" | "account.enable" | "account.group-add" | "account.group-remove" => {
            let s = &data["summary"];
            count(s, "changed") + count(s, "unknown") > 0
        }
        "account.reset" => data["items"]
            .as_array()
            .is_some_and(|items| items.iter().any(|i| i["result"].as_str().is_some_and(|r| r.contains("reset") || r == "unknown"))),
        "account.create" => match data["result"].as_str() {
            Some("created" | "would create" | "unknown") => true,
            // Added, and left there without its password.
            Some("failed") => data["detail"].as_str().is_some_and(|d| d.contains("could NOT be removed")),
            _ => false,
        },
        "account.onboard" => {
            let s = &data["summary"];
            count(s, "created") + count(s, "unknown") > 0
        }
        "account.offboard" | "account.restore" => data["steps"]
            .as_array()
            .is_some_and(|steps| steps.iter().any(|s| matches!(s["result"].as_str(), Some("done" | "would do" | "unknown")))),
        // A snapshot file was written.
        "inventory.snapshot-taken" => true,
        "runbook.run" => data["steps"]
            .as_array()
            .is_some_and(|steps| steps.iter().any(|s| s["changing"] == true && s["report"].is_object() && changed_of(&s["report"]))),
        _ => false,
    }
}

/// The planned (dry run) or made changes in words, for `--diff`.
pub fn diff_of(report: &Value) -> Option<String> {
    let data = &report["data"];
    let mut lines: Vec<String> = Vec::new();
    let change_lines = |target: &str, changes: &Value, lines: &mut Vec<String>| {
        let list: Vec<String> = changes.as_array().map(|a| a.iter().map(change_text).collect()).unwrap_or_default();
        if !list.is_empty() {
            lines.push(format!("{target}:"));
            lines.extend(list.into_iter().map(|c| format!("  {c}")));
        }
    };
    if let Some(items) = data["items"].as_array() {
        for i in items {
            let target = i["dn"].as_str().or(i["user"].as_str()).unwrap_or_default();
            change_lines(target, &i["changes"], &mut lines);
        }
    }
    if let Some(steps) = data["steps"].as_array() {
        for s in steps {
            if let Some(report) = s.get("report").filter(|r| r.is_object()) {
                if let Some(text) = diff_of(report) {
                    lines.push(format!("# step {}", s["id"].as_str().unwrap_or_default()));
                    lines.push(text);
                }
            } else if let (Some(step), Some(result)) = (s["step"].as_str(), s["result"].as_str())
                && matches!(result, "would do" | "done" | "unknown")
            {
                lines.push(format!("{result}: {step}"));
            }
        }
    }
    if data["changes"].is_array() {
        change_lines(data["dn"].as_str().unwrap_or_default(), &data["changes"], &mut lines);
    }
    (!lines.is_empty()).then(|| lines.join("\n") + "\n")
}

/// One LDAP modification as it is shown: `replace pwdAccountLockedTime: ...`.
fn change_text(c: &Value) -> String {
    let op = match c["op"].as_str().unwrap_or("change") {
        "replacesecret" => "replace",
        other => other,
    };
    let attr = c["attr"].as_str().unwrap_or_default();
    let values: Vec<String> = c["values"]
        .as_array()
        .map(|v| v.iter().map(|x| x.as_str().map_or_else(|| x.to_string(), ToString::to_string)).collect())
        .or_else(|| c["value"].as_str().map(|v| vec![v.to_string()]))
        .unwrap_or_default();
    if values.is_empty() { format!("{op} {attr}") } else { format!("{op} {attr}: {}", values.join(", ")) }
}

/// `ansible_facts.deskhand` from `inventory facts` (`facts`) and `inventory list`
/// (`packages`).
pub fn facts_of(report: &Value) -> Option<Value> {
    match report["schema"].as_str()? {
        "deskhand.inventory.facts.v1" => Some(json!({"facts": report["data"]})),
        "deskhand.inventory.list.v1" => Some(json!({"packages": report["data"]})),
        _ => None,
    }
}

// ------------------------------------------------------------------------- the report

/// What became of one host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HostStatus {
    Pass,
    Fail,
    /// Ansible could not reach it (SSH down, no route).
    Unreachable,
    /// Reached, but deskhand could not do its work there (exit 2 or 3).
    Error,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FleetHost {
    pub host: String,
    pub status: HostStatus,
    /// The rules it fails (baseline), or the services it cannot reach (reach).
    pub failing: Vec<String>,
    /// Why it could not be reached or checked, or the summary of its check.
    pub detail: String,
}

#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct FleetSummary {
    pub hosts: usize,
    pub pass: usize,
    pub fail: usize,
    pub unreachable: usize,
    pub error: usize,
}

/// The report of `fleet report`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FleetReport {
    /// Where the results came from: a directory, or standard input.
    pub source: String,
    /// "baseline" (inventory check), "reach" (net check), or "command".
    pub kind: String,
    /// Every failing rule or unreachable service, most often failing first.
    pub columns: Vec<String>,
    pub hosts: Vec<FleetHost>,
    pub summary: FleetSummary,
    /// The summary in words: "4 hosts: 2 pass, 1 fail, 1 unreachable".
    pub verdict: String,
}

/// Reads DIR/hosts/HOST.json (or DIR/HOST.json): one file per host, the module's
/// registered result (a loop's result holds `results`).
pub fn read_dir_results(dir: &Path) -> Result<Vec<(String, Value)>, CommandError> {
    let dir = if dir.join("hosts").is_dir() { dir.join("hosts") } else { dir.to_path_buf() };
    let entries = std::fs::read_dir(&dir).map_err(|e| {
        CommandError::usage(format!("cannot read {}: {e}", dir.display()))
            .with_hint("give the directory the playbook saved its per-host results in")
    })?;
    let mut files: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    if files.is_empty() {
        return Err(CommandError::usage(format!("{} holds no per-host results (HOST.json)", dir.display()))
            .with_hint("run the playbook first; it saves one file per host there"));
    }
    let mut out = Vec::with_capacity(files.len());
    for path in &files {
        let host = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let text = std::fs::read_to_string(path).map_err(|e| CommandError::usage(format!("cannot read {}: {e}", path.display())))?;
        let result: Value = serde_json::from_str(&text)
            .map_err(|e| CommandError::usage(format!("{} is not JSON: line {} column {}: {e}", path.display(), e.line(), e.column())))?;
        out.push((host, result));
    }
    Ok(out)
}

/// One JSON object on standard input: `{"HOST": result, ...}`.
fn read_stdin_results() -> Result<Vec<(String, Value)>, CommandError> {
    let text = std::io::read_to_string(io::stdin()).map_err(|e| CommandError::usage(format!("cannot read standard input: {e}")))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        CommandError::usage(format!("standard input is not JSON: line {} column {}: {e}", e.line(), e.column()))
            .with_hint("give one object {\"HOST\": result, ...}")
    })?;
    let Value::Object(map) = value else {
        return Err(CommandError::usage("standard input is not a JSON object of host results").with_hint("give {\"HOST\": result, ...}"));
    };
    if map.is_empty() {
        return Err(CommandError::usage("no host results on standard input")
            .with_hint("give one object {\"HOST\": result, ...} with a host in it, or the directory the playbook saved"));
    }
    Ok(map.into_iter().collect())
}

/// Writes DIR/hosts/HOST.json (what the report was made of, to render again later) and
/// DIR/report.md, report.json and report.csv.
fn save_report(dir: &Path, report: &FleetReport, results: &[(String, Value)]) -> Result<(), CommandError> {
    let fail = |what: &Path, e: &dyn std::fmt::Display| CommandError::environment(format!("cannot write {}: {e}", what.display()));
    let hosts = dir.join("hosts");
    if hosts.is_dir() {
        for entry in std::fs::read_dir(&hosts).map_err(|e| fail(&hosts, &e))?.filter_map(Result::ok) {
            if entry.path().extension().is_some_and(|x| x == "json") {
                std::fs::remove_file(entry.path()).map_err(|e| fail(&entry.path(), &e))?;
            }
        }
    }
    std::fs::create_dir_all(&hosts).map_err(|e| fail(&hosts, &e))?;
    for (host, result) in results {
        // A host name as a file name: nothing that climbs out of the directory.
        let name: String = host.chars().map(|c| if c == '/' || c == '\\' || c.is_control() { '_' } else { c }).collect();
        let name = if name.starts_with('.') { format!("_{name}") } else { name };
        let path = hosts.join(format!("{name}.json"));
        let text = serde_json::to_string_pretty(result).unwrap_or_default();
        std::fs::write(&path, text + "\n").map_err(|e| fail(&path, &e))?;
    }
    let outcome = Outcome::from_ok(report.summary.pass == report.summary.hosts);
    for (file, format) in [("report.md", OutputFormat::Markdown), ("report.json", OutputFormat::Json), ("report.csv", OutputFormat::Csv)] {
        let path = dir.join(file);
        let mut buf = Vec::new();
        let settings = OutputSettings { format, color: false, progress: false, width: None, pretty: false };
        output::write_report(&mut buf, &settings, "deskhand.fleet.report.v1", report, outcome, report_doc).map_err(|e| fail(&path, &e))?;
        std::fs::write(&path, buf).map_err(|e| fail(&path, &e))?;
    }
    Ok(())
}

/// The fleet report from each host's result.
pub fn report(source: &str, results: Vec<(String, Value)>) -> FleetReport {
    let mut hosts = Vec::with_capacity(results.len());
    let mut kinds: Vec<&str> = Vec::new();
    let mut results = results;
    results.sort_by(|a, b| a.0.cmp(&b.0));
    for (host, result) in &results {
        let (h, kind) = judge(host.clone(), result);
        if let Some(k) = kind
            && !kinds.contains(&k)
        {
            kinds.push(k);
        }
        hosts.push(h);
    }
    let kind = match kinds.as_slice() {
        [one] => (*one).to_string(),
        _ => "command".to_string(),
    };
    let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
    for h in &hosts {
        for f in &h.failing {
            *tally.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut columns: Vec<(&str, usize)> = tally.into_iter().collect();
    columns.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let columns: Vec<String> = columns.into_iter().map(|(c, _)| c.to_string()).collect();
    let mut summary = FleetSummary { hosts: hosts.len(), ..FleetSummary::default() };
    for h in &hosts {
        match h.status {
            HostStatus::Pass => summary.pass += 1,
            HostStatus::Fail => summary.fail += 1,
            HostStatus::Unreachable => summary.unreachable += 1,
            HostStatus::Error => summary.error += 1,
        }
    }
    let verdict = verdict(&summary);
    FleetReport { source: source.to_string(), kind, columns, hosts, summary, verdict }
}

/// One host's status from its saved result.
fn judge(host: String, result: &Value) -> (FleetHost, Option<&'static str>) {
    let text = |v: &Value| v.as_str().unwrap_or_default().replace("\r\n", " ").replace(['\r', '\n'], " ");
    if result["unreachable"] == true {
        return (FleetHost { host, status: HostStatus::Unreachable, failing: vec![], detail: text(&result["msg"]) }, None);
    }
    // A loop (one task per service): every item counts.
    let items: Vec<&Value> = match result["results"].as_array() {
        Some(list) => list.iter().collect(),
        None => vec![result],
    };
    if items.iter().any(|i| i["unreachable"] == true) {
        let msg = items.iter().find(|i| i["unreachable"] == true).map(|i| text(&i["msg"])).unwrap_or_default();
        return (FleetHost { host, status: HostStatus::Unreachable, failing: vec![], detail: msg }, None);
    }
    let mut failing = Vec::new();
    let mut errors = Vec::new();
    let mut kind = None;
    let mut details = Vec::new();
    for item in &items {
        let report = &item["report"];
        let rc = item["rc"].as_i64();
        match report["schema"].as_str() {
            Some("deskhand.inventory.check.v1") => {
                kind = Some("baseline");
                for row in report["data"]["rows"].as_array().into_iter().flatten() {
                    if row["pass"] == false {
                        failing.push(text(&row["rule"]));
                    }
                }
            }
            Some("deskhand.net.check.v1") => {
                kind = Some("reach");
                if report["data"]["verdict"]["ok"] == false {
                    let d = &report["data"];
                    let service = match d["port"].as_u64() {
                        Some(p) => deskhand_commands::net::port::host_port(&text(&d["host"]), u16::try_from(p).unwrap_or(0)),
                        None => text(&d["host"]),
                    };
                    failing.push(service);
                }
            }
            _ => {}
        }
        match rc {
            Some(0 | 1) => {}
            Some(_) | None => errors.push(text(&item["msg"])),
        }
        if item["skipped"] == true {
            details.push(text(&item["msg"]));
        } else if rc == Some(1) && failing.is_empty() {
            // A check of another kind said no.
            failing.push(text(&item["msg"]));
        }
        let msg = text(&item["msg"]);
        if !msg.is_empty() && !details.contains(&msg) {
            details.push(msg);
        }
    }
    let status = if !errors.is_empty() {
        HostStatus::Error
    } else if failing.is_empty() {
        HostStatus::Pass
    } else {
        HostStatus::Fail
    };
    let detail = if errors.is_empty() { details.join("; ") } else { errors.join("; ") };
    (FleetHost { host, status, failing, detail }, kind)
}

fn report_doc(r: &FleetReport) -> Doc {
    let what = match r.kind.as_str() {
        "baseline" => "failing rules",
        "reach" => "unreachable services",
        _ => "results",
    };
    let mut doc = Doc::new(if r.source == "standard input" { format!("Fleet: {what}") } else { format!("Fleet: {what} ({})", r.source) });
    let failing: Vec<&FleetHost> = r.hosts.iter().filter(|h| matches!(h.status, HostStatus::Fail)).collect();
    if !failing.is_empty() && !r.columns.is_empty() {
        let mut headers: Vec<&str> = vec!["host"];
        headers.extend(r.columns.iter().map(String::as_str));
        let rows = failing
            .iter()
            .map(|h| {
                let mut row = vec![Cell::from(h.host.clone())];
                row.extend(
                    r.columns.iter().map(|c| if h.failing.contains(c) { Cell::new("FAIL", Tone::Bad) } else { Cell::new("ok", Tone::Dim) }),
                );
                row
            })
            .collect();
        doc.table(&headers, rows);
    }
    let apart: Vec<&FleetHost> = r.hosts.iter().filter(|h| matches!(h.status, HostStatus::Unreachable | HostStatus::Error)).collect();
    if !apart.is_empty() {
        doc.line("Not checked:", Tone::Plain);
        let rows = apart
            .iter()
            .map(|h| {
                let (text, tone) = match h.status {
                    HostStatus::Unreachable => ("unreachable", Tone::Bad),
                    _ => ("error", Tone::Bad),
                };
                vec![Cell::from(h.host.clone()), Cell::new(text, tone), Cell::from(h.detail.clone())]
            })
            .collect();
        doc.table(&["host", "status", "detail"], rows);
    }
    let s = &r.summary;
    doc.line(r.verdict.clone(), if s.pass == s.hosts { Tone::Good } else { Tone::Bad });
    doc
}

fn verdict(s: &FleetSummary) -> String {
    let mut line = format!("{} host{}: {} pass, {} fail", s.hosts, if s.hosts == 1 { "" } else { "s" }, s.pass, s.fail);
    if s.unreachable > 0 {
        let _ = write!(line, ", {} unreachable", s.unreachable);
    }
    if s.error > 0 {
        let _ = write!(line, ", {} error", s.error);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(v: &[&str]) -> Vec<String> {
        v.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn cmd_splits_like_a_runbook_line() {
        assert_eq!(split_cmd(&Cmd::Line("account unlock bob".into())).unwrap(), words(&["account", "unlock", "bob"]));
        assert_eq!(
            split_cmd(&Cmd::Line("deskhand net check 'intra net:443' --tls".into())).unwrap(),
            words(&["net", "check", "intra net:443", "--tls"])
        );
        assert_eq!(split_cmd(&Cmd::Words(words(&["inventory", "facts"]))).unwrap(), words(&["inventory", "facts"]));
        assert!(split_cmd(&Cmd::Line("  ".into())).is_err());
        assert!(split_cmd(&Cmd::Line("net check 'open".into())).unwrap_err().contains("never closed"));
    }

    #[test]
    fn password_flags_are_refused_and_their_values_hidden() {
        for (argv, value) in [
            (words(&["account", "reset", "bob", "--password", "S3cret!"]), Some("S3cret!")),
            (words(&["account", "show", "bob", "--bind-password=hunter2"]), Some("hunter2")),
            (words(&["account", "show", "bob", "-w", "pw"]), Some("pw")),
            (words(&["account", "show", "bob", "--token"]), None),
        ] {
            let (msg, secrets) = secret_in(&argv).unwrap_or_else(|| panic!("{argv:?} passes"));
            assert!(msg.contains("password_file"), "{msg}");
            if let Some(v) = value {
                assert!(!msg.contains(v), "the message never shows the value: {msg}");
                assert_eq!(secrets, vec![v.to_string()]);
            }
        }
        for ok in [
            words(&["account", "reset", "bob", "--password-file", "/root/pw"]),
            words(&["account", "reset", "bob", "--password-out=/root/pw"]),
            words(&["account", "offboard", "bob", "--reset-password", "--yes"]),
            words(&["net", "check", "passport.example.test:443"]),
        ] {
            assert!(secret_in(&ok).is_none(), "{ok:?}");
        }
    }

    #[test]
    fn changed_comes_from_the_reports_counts() {
        let unlock = |changed: u64, unknown: u64| json!({"schema": "deskhand.account.unlock.v1", "data": {"summary": {"changed": changed, "unknown": unknown}}});
        assert!(changed_of(&unlock(1, 0)));
        assert!(changed_of(&unlock(0, 2)), "sent without an answer: it may have changed");
        assert!(!changed_of(&unlock(0, 0)));
        assert!(!changed_of(&json!({"schema": "deskhand.net.check.v1", "data": {}})));
        let offboard = json!({"schema": "deskhand.account.offboard.v1", "data": {"steps": [{"step": "disable", "result": "unchanged"}]}});
        assert!(!changed_of(&offboard));
        let run = json!({"schema": "deskhand.runbook.run.v1", "data": {"steps": [
            {"id": "a", "changing": false, "report": unlock(3, 0)},
            {"id": "b", "changing": true, "report": unlock(0, 0)},
        ]}});
        assert!(!changed_of(&run), "only a changing step's changes count");
        let run = json!({"schema": "deskhand.runbook.run.v1", "data": {"steps": [{"id": "b", "changing": true, "report": unlock(1, 0)}]}});
        assert!(changed_of(&run));
        assert!(changed_of(&json!({"schema": "deskhand.account.onboard.v1", "data": {"summary": {"created": 2}}})));
    }

    #[test]
    fn diff_lists_the_modifications() {
        let r = json!({"schema": "deskhand.account.unlock.v1", "data": {"items": [
            {"user": "bob", "dn": "uid=bob,ou=people,dc=lab,dc=test", "changes": [{"op": "delete", "attr": "pwdAccountLockedTime", "values": []}]},
            {"user": "alice", "dn": "uid=alice,ou=people,dc=lab,dc=test", "changes": []},
        ]}});
        assert_eq!(diff_of(&r).unwrap(), "uid=bob,ou=people,dc=lab,dc=test:\n  delete pwdAccountLockedTime\n");
        assert!(diff_of(&json!({"schema": "deskhand.net.check.v1", "data": {}})).is_none());
    }

    #[test]
    fn module_refuses_before_running_anything() {
        let r = module(r#"{"cmd": "frobnicate now"}"#);
        assert_eq!((r["failed"].clone(), r["rc"].clone()), (json!(true), json!(2)));
        assert!(r["msg"].as_str().unwrap().contains("frobnicate"), "{r}");
        let r = module(r#"{"cmd": ["account", "reset", "bob", "--password", "Sekr1t"]}"#);
        assert_eq!(r["failed"], true);
        assert_eq!(r["secrets"], json!(["Sekr1t"]));
        assert!(!r["msg"].as_str().unwrap().contains("Sekr1t"));
        let r = module(r#"{"cmd": "fleet module"}"#);
        assert_eq!(r["failed"], true, "{r}");
        let r = module(r#"{"cmd": "inventory facts", "nonsense": 1}"#);
        assert!(r["msg"].as_str().unwrap().contains("nonsense"), "{r}");
        let r = module("not json");
        assert_eq!(r["failed"], true);
    }

    #[test]
    fn check_mode_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("snap.json");
        let input = json!({"cmd": ["inventory", "snapshot", file.to_str().unwrap()], "check_mode": true}).to_string();
        let r = module(&input);
        assert_eq!((r["skipped"].clone(), r["changed"].clone()), (json!(true), json!(false)), "{r}");
        assert!(r["msg"].as_str().unwrap().contains("has no --dry-run"), "{r}");
        assert!(!file.exists(), "check mode wrote nothing");
        // Read-only commands run as usual in check mode.
        let r = module(&json!({"cmd": "inventory facts", "check_mode": true}).to_string());
        assert_eq!((r["rc"].clone(), r["changed"].clone()), (json!(0), json!(false)), "{}", r["msg"]);
        assert!(r["ansible_facts"]["deskhand"]["facts"]["cpus"].as_u64().unwrap() > 0);
    }

    #[test]
    fn a_secret_runbook_param_never_passes_through() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("reset.yaml");
        std::fs::write(
            &file,
            "params:\n  user: { required: true }\n  code: { secret: true }\nsteps:\n  - id: one\n    run: account show {{ user }}\n",
        )
        .unwrap();
        let f = file.to_str().unwrap();
        let input = json!({"cmd": ["runbook", "run", f, "--param", "user=bob", "--param", "code=Hunter2"]}).to_string();
        let r = module(&input);
        assert_eq!(r["failed"], true, "{r}");
        assert_eq!(r["secrets"], json!(["Hunter2"]));
        let msg = r["msg"].as_str().unwrap();
        assert!(msg.contains("'code' is secret") && msg.contains("DESKHAND_PARAM_CODE") && !msg.contains("Hunter2"), "{msg}");
        // A param that is not secret goes through to the run (which fails later, on the
        // missing directory profile, not here).
        assert!(secret_param(&words(&["runbook", "run", f, "--param=user=bob"]), &words(&["runbook", "run"])).is_none());
    }

    #[test]
    fn hosts_are_judged_from_their_saved_results() {
        let check = |rows: Value, rc: i64| json!({"rc": rc, "msg": "x", "report": {"schema": "deskhand.inventory.check.v1", "data": {"rows": rows}}});
        let (h, kind) = judge("a".into(), &check(json!([{"rule": "openssh", "pass": true}]), 0));
        assert_eq!((h.status, kind), (HostStatus::Pass, Some("baseline")));
        let (h, _) = judge("b".into(), &check(json!([{"rule": "openssh", "pass": true}, {"rule": "no telnet", "pass": false}]), 1));
        assert_eq!((h.status, h.failing.clone()), (HostStatus::Fail, vec!["no telnet".to_string()]));
        let (h, _) = judge("c".into(), &json!({"unreachable": true, "msg": "ssh: connect to host c port 22: Connection refused"}));
        assert_eq!(h.status, HostStatus::Unreachable);
        assert!(h.detail.contains("Connection refused"));
        let (h, _) = judge("d".into(), &json!({"rc": 2, "msg": "cannot read /etc/deskhand/baseline.yaml", "report": null}));
        assert_eq!(h.status, HostStatus::Error);
        let reach = json!({"results": [
            {"rc": 0, "msg": "ok", "report": {"schema": "deskhand.net.check.v1", "data": {"host": "files", "port": 445, "verdict": {"ok": true}}}},
            {"rc": 1, "msg": "no", "report": {"schema": "deskhand.net.check.v1", "data": {"host": "intranet", "port": 443, "verdict": {"ok": false}}}},
        ]});
        let (h, kind) = judge("e".into(), &reach);
        assert_eq!((h.status, h.failing.clone(), kind), (HostStatus::Fail, vec!["intranet:443".to_string()], Some("reach")));
    }
}
