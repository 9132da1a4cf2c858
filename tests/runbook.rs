//! `runbook`: the shipped examples validate; a runbook of real commands runs in one
//! process against the lab slapd and DNS, with conditions on earlier results, dry-run,
//! injection-proof parameters, `file:line:col` errors, and its audit line.

use crate::util::{Run, deskhand, dns1, run_cmd};
use std::path::{Path, PathBuf};

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run the tests through scripts/test"))
}

struct Setup {
    dir: tempfile::TempDir,
    config: PathBuf,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.yaml");
        let base = var("DESKHAND_LAB_LDAP_BASE");
        let text = format!(
            "default_directory: lab\ndirectories:\n  lab:\n    url: {}\n    ca_file: {}\n    base_dn: {base}\n    users: ou=people,{base}\n    bind_dn: {}\n    password_file: {}\n",
            var("DESKHAND_LAB_LDAPS_URI"),
            var("DESKHAND_LAB_LDAP_CA"),
            var("DESKHAND_LAB_LDAP_BIND_DN"),
            var("DESKHAND_LAB_LDAP_PASSWORD_FILE"),
        );
        std::fs::write(&config, text).unwrap();
        Self { dir, config }
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn run(&self, args: &[&str]) -> Run {
        run_cmd(
            deskhand()
                .current_dir(self.dir.path())
                .arg("--config")
                .arg(&self.config)
                .env("XDG_STATE_HOME", self.dir.path().join("state"))
                .args(args),
        )
    }
}

fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path).display().to_string()
}

#[test]
fn shipped_examples_validate() {
    let s = Setup::new();
    let files: Vec<String> = ["onboard", "offboard", "password-reset", "network-triage", "weekly-maintenance"]
        .iter()
        .map(|n| repo(&format!("runbooks/{n}.yaml")))
        .collect();
    let mut args = vec!["-o", "json", "runbook", "validate"];
    args.extend(files.iter().map(String::as_str));
    let r = s.run(&args);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["ok"], true, "{}", r.stdout);
    let show = s.run(&["runbook", "show", &repo("runbooks/password-reset.yaml")]);
    show.expect_code(0);
    assert!(show.stdout.contains("account reset") && show.stdout.contains("user"), "{}", show.stdout);
}

const CHECKS: &str = r#"name: checks
description: Local checks
params:
  user: { required: true }
  host: { default: "www.lab.test" }
  dns: { required: true }
steps:
  - id: name
    run: net dns {{ host }} --server {{ dns }}
  - id: who
    run: [account, show, "{{ user }}"]
    continue_on_error: true
  - id: locked_only
    when: not steps.who.ok
    run: account unlock {{ user }}
  - id: port
    when: steps.name.ok
    run: net port 127.0.0.1 -p 1
    continue_on_error: true
"#;

#[test]
fn runs_steps_with_conditions_and_dry_run() {
    let setup = Setup::new();
    let file = setup.write("checks.yaml", CHECKS);
    let f = file.to_str().unwrap();
    // alice can log in: the unlock step is skipped; the closed port says no, so the
    // run's exit is 1 (the worst step), and the report holds every step's JSON.
    let r = setup.run(&["-o", "json", "runbook", "run", f, "--param", "user=alice", "--param", &format!("dns={}", dns1())]);
    r.expect_code(1);
    let j = r.json();
    assert_eq!(j["schema"], "deskhand.runbook.run.v1");
    let steps = j["data"]["steps"].as_array().unwrap();
    let status: Vec<(&str, &str)> = steps.iter().map(|st| (st["id"].as_str().unwrap(), st["status"].as_str().unwrap())).collect();
    assert_eq!(status, vec![("name", "ok"), ("who", "ok"), ("locked_only", "skipped"), ("port", "check_failed")], "{}", r.stdout);
    assert_eq!(steps[1]["report"]["data"]["login"], "alice", "the step's own JSON: {}", r.stdout);
    // bob is locked: the unlock runs, but as a dry run it changes nothing.
    let d = setup.run(&[
        "-o",
        "json",
        "runbook",
        "run",
        f,
        "-p",
        "user=bob",
        "-p",
        &format!("dns={}", dns1()),
        "--dry-run",
        "--ticket",
        "INC-7",
    ]);
    let steps = d.json()["data"]["steps"].clone();
    assert_eq!(steps[2]["status"], "ok", "{}", d.stdout);
    assert_eq!(steps[2]["report"]["data"]["dry_run"], true, "{}", d.stdout);
    assert!(steps[2]["argv"].to_string().contains("--dry-run") && steps[2]["argv"].to_string().contains("--ticket=INC-7"), "{steps}");
    assert_eq!(
        setup.run(&["-o", "json", "account", "show", "bob"]).json()["data"]["state"]["lock"]["locked"],
        true,
        "the dry run unlocked bob"
    );
    // Markdown for the ticket.
    let md = setup.run(&["-o", "markdown", "runbook", "run", f, "-p", "user=alice", "-p", &format!("dns={}", dns1())]);
    assert!(md.stdout.contains("| who | ok |") && md.stdout.contains("| locked\\_only | skipped |"), "{}", md.stdout);
    // Every run is in the audit trail.
    let audit = std::fs::read_to_string(setup.dir.path().join("state/deskhand/audit.jsonl")).unwrap_or_default();
    assert!(audit.contains("runbook checks") && audit.contains("INC-7"), "{audit}");
}

#[test]
fn parameters_cannot_inject_and_errors_point_at_the_place() {
    let setup = Setup::new();
    let file = setup.write("checks.yaml", CHECKS);
    let f = file.to_str().unwrap();
    let dns = format!("dns={}", dns1());
    // A value with spaces is one argument (no such login); a leading dash is refused
    // before anything runs.
    let r = setup.run(&["-o", "json", "runbook", "run", f, "-p", "user=alice --all-servers", "-p", &dns]);
    let steps = r.json()["data"]["steps"].clone();
    assert_eq!(steps[1]["argv"], serde_json::json!(["account", "show", "alice --all-servers"]), "{steps}");
    assert_ne!(steps[1]["status"], "ok", "{steps}");
    let dash = setup.run(&["runbook", "run", f, "-p", "user=--all-servers", "-p", &dns]);
    dash.expect_code(2);
    assert!(dash.stderr.contains("would be read as an option") && dash.stderr.contains("nothing was run"), "{}", dash.stderr);
    // A required param missing, and no terminal to ask on.
    let missing = setup.run(&["runbook", "run", f, "-p", &dns]);
    missing.expect_code(2);
    assert!(missing.stderr.contains("user"), "{}", missing.stderr);

    // Every problem at once, each at file:line:col with a caret.
    let bad = setup.write(
        "bad.yaml",
        "name: bad\nparams:\n  x: { type: float }\nsteps:\n  - id: a\n    run: net pong 127.0.0.1\n  - id: a\n    run: account show {{ nope }}\n  - id: c\n    when: steps.later.ok\n    run: net ping 127.0.0.1\n  - id: later\n    run: net ping 127.0.0.1\n    retries: lots\n  - id: nested\n    run: runbook run other.yaml\n",
    );
    let v = setup.run(&["runbook", "validate", bad.to_str().unwrap()]);
    v.expect_code(2);
    for want in ["bad.yaml:3:", "bad.yaml:6:", "bad.yaml:7:", "bad.yaml:8:", "bad.yaml:10:", "bad.yaml:14:", "bad.yaml:16:"] {
        assert!(v.stdout.contains(want) || v.stderr.contains(want), "{want} missing:\n{}{}", v.stdout, v.stderr);
    }
    assert!(v.stdout.contains('^') || v.stderr.contains('^'), "{}", v.stdout);
    // Not YAML at all, and binary junk: a message, no panic.
    for (name, text) in [("junk.yaml", "steps: [\n  - {"), ("bin.yaml", "\u{0}\u{1}\u{fffd}")] {
        let p = setup.write(name, text);
        let r = setup.run(&["runbook", "run", p.to_str().unwrap()]);
        r.expect_code(2);
        assert!(r.stderr.contains(name) && !r.stderr.contains("panicked"), "{}", r.stderr);
    }
}

#[test]
fn a_hanging_step_times_out_and_the_list_finds_runbooks() {
    let s = Setup::new();
    std::fs::create_dir_all(s.dir.path().join("runbooks")).unwrap();
    s.write(
        "runbooks/slow.yaml",
        &format!(
            "description: waits on a dropped address\nsteps:\n  - id: wait\n    run: net port {} -p 9 --timeout 30s\n    timeout: 1s\n  - id: after\n    run: net dns www.lab.test --server {}\n",
            crate::util::drop_addr(),
            dns1()
        ),
    );
    let list = s.run(&["-o", "json", "runbook", "list"]);
    list.expect_code(0);
    assert!(list.stdout.contains("slow") && list.stdout.contains("waits on a dropped address"), "{}", list.stdout);
    // Without the step's timeout the check would wait 30 s and say "filtered" (exit 1).
    let r = s.run(&["-o", "json", "runbook", "run", "slow"]);
    r.expect_code(3);
    let steps = r.json()["data"]["steps"].clone();
    assert_eq!(steps[0]["status"], "failed", "{steps}");
    assert_eq!(steps[1]["status"], "not_run", "a failed step stops the run: {steps}");
}
