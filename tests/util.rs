//! The test harness: runs the real `deskhand` binary with a clean environment and reads
//! the lab servers' addresses that `scripts/test` exports.

use serde_json::Value;
use std::collections::HashMap;
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};

/// Checks a document with a `schema` field against `schemas/NAME.json`: the schema must
/// exist and the document must conform. Documents without a `schema` field (a module's
/// result) are not reports.
#[track_caller]
pub fn conforms(doc: &Value) {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<jsonschema::Validator>>>> = OnceLock::new();
    let Some(name) = doc.get("schema").and_then(Value::as_str) else { return };
    let validator = {
        let mut cache = CACHE.get_or_init(Default::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .entry(name.to_string())
            .or_insert_with(|| {
                let path = format!("{}/schemas/{name}.json", env!("CARGO_MANIFEST_DIR"));
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("no published schema {path} ({e}) for:\n{doc}"));
                let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
                Arc::new(jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{path} is not a valid schema: {e}")))
            })
            .clone()
    };
    let errors: Vec<String> = validator.iter_errors(doc).take(10).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "the {name} document does not follow its schema:\n{}\n{doc:#}", errors.join("\n"));
}

/// The result of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout parsed as the one JSON document it must be.
    /// Every report is checked against its published schema (`schemas/NAME.json`).
    #[track_caller]
    pub fn json(&self) -> Value {
        let doc = serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{}\nstderr:\n{}", self.stdout, self.stderr));
        conforms(&doc);
        doc
    }

    /// stderr parsed as a JSON error document (checked against its schema too).
    #[track_caller]
    pub fn json_error(&self) -> Value {
        let doc = serde_json::from_str(self.stderr.trim()).unwrap_or_else(|e| panic!("stderr is not JSON ({e}):\n{}", self.stderr));
        conforms(&doc);
        doc
    }

    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "exit code\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        self
    }
}

/// A deskhand command with none of the caller's DESKHAND_* settings, no colour
/// variables and a home directory of its own (so no user config is read).
pub fn deskhand() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_deskhand"));
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().to_string();
        // KRB5CCNAME, KRB5_CONFIG: a developer's own Kerberos ticket never reaches a test.
        if k.starts_with("DESKHAND_") || k.starts_with("KRB5") || k == "NO_COLOR" || k == "XDG_CONFIG_HOME" || k == "CLICOLOR_FORCE" {
            cmd.env_remove(&k);
        }
    }
    cmd.env("HOME", std::env::temp_dir().join("deskhand-test-home-that-does-not-exist"));
    cmd
}

/// Runs deskhand with `args`.
pub fn run(args: &[&str]) -> Run {
    run_cmd(deskhand().args(args))
}

pub fn run_cmd(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("the deskhand binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn lab(var: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| {
        panic!("{var} is not set: run the tests through scripts/test, which starts the lab servers (scripts/lab/dns, scripts/lab/drop)")
    })
}

/// The first lab DNS server, `127.0.0.1:PORT`.
pub fn dns1() -> String {
    lab("DESKHAND_LAB_DNS1")
}

/// The second lab DNS server; it answers `split.lab.test` differently.
pub fn dns2() -> String {
    lab("DESKHAND_LAB_DNS2")
}

/// A loopback address that silently drops every packet.
pub fn drop_addr() -> String {
    lab("DESKHAND_LAB_DROP")
}

/// Runs an ldap-utils tool (ldapadd, ldapmodify, ldapwhoami...) trusting `ca`, with
/// `input` on stdin; returns whether it succeeded and everything it printed.
pub fn ldap_tool(tool: &str, args: &[&str], input: Option<&str>, ca: &str) -> (bool, String) {
    use std::io::Write;
    let mut child = Command::new(tool)
        .args(args)
        .env("LDAPTLS_CACERT", ca)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{tool}: {e} (ldap-utils is installed by the scripts/lab directory scripts)"));
    if let Some(text) = input {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

/// Onboards `{prefix}1..={n}` from a CSV (columns first,last,login,dept) with the
/// profile's `staff` template, through `run` (a test module's configured deskhand);
/// checks that all were created and that a dry rerun finds every one existing. Returns
/// the first hire's login and temporary password, for the caller's flavour-specific
/// bind check.
pub fn onboard_batch(dir: &std::path::Path, run: impl Fn(&[&str]) -> Run, prefix: &str, n: usize) -> (String, String) {
    use std::fmt::Write as _;
    let csv = dir.join(format!("{prefix}.csv"));
    let rows = (1..=n).fold(String::new(), |mut acc, i| {
        let _ = writeln!(acc, "Hire{i},Onb,{prefix}{i},IT");
        acc
    });
    std::fs::write(&csv, format!("first,last,login,dept\n{rows}")).unwrap();
    let out = dir.join(format!("{prefix}.pw"));
    let (csv, out) = (csv.to_str().unwrap(), out.to_str().unwrap());
    let r = run(&["-o", "json", "account", "onboard", "-f", csv, "--template", "staff", "--password-out", out]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["summary"]["created"], n, "{}", r.stdout);
    let again = run(&["-o", "json", "account", "onboard", "-f", csv, "--template", "staff", "--dry-run"]);
    assert_eq!(again.json()["data"]["summary"]["existed"], n, "{}", again.stdout);
    let first = std::fs::read_to_string(out).unwrap().lines().next().unwrap().to_string();
    let (login, temp) = first.split_once('\t').unwrap();
    (login.to_string(), temp.to_string())
}

/// The logins of a list report (`account locked`, `expiring`, `expired`).
pub fn logins(report: &serde_json::Value) -> Vec<String> {
    report["data"]["accounts"]
        .as_array()
        .map_or_else(Vec::new, |a| a.iter().filter_map(|x| x["login"].as_str().map(String::from)).collect())
}

/// The account of a list report with this login (panics with the report when absent).
pub fn account<'a>(report: &'a serde_json::Value, login: &str) -> &'a serde_json::Value {
    report["data"]["accounts"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["login"] == login))
        .unwrap_or_else(|| panic!("{login} is not listed: {report}"))
}
