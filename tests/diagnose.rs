//! `deskhand diagnose` against the lab's slapd (its seeded users in every state) and
//! DNS servers (which disagree on split.lab.test): a test per finding kind, the exit
//! status of the worst, the ticket note, and a runbook calling it.

use crate::util::{Run, deskhand, dns1, dns2, run_cmd};
use serde_json::Value;
use std::fmt::Write as _;

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run the tests through scripts/test"))
}

/// A config with the lab slapd profile and the two lab DNS servers.
struct Setup {
    dir: tempfile::TempDir,
    config: std::path::PathBuf,
}

impl Setup {
    fn new(with_directory: bool) -> Self {
        Self::with_users(with_directory, &format!("ou=people,{}", var("DESKHAND_LAB_LDAP_BASE")))
    }

    /// The lab profile with `users:` set to `users`.
    fn with_users(with_directory: bool, users: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.yaml");
        let mut text = format!("net:\n  dns_servers: [{}, {}]\n", dns1(), dns2());
        if with_directory {
            let _ = write!(
                text,
                "directories:\n  lab:\n    url: {}\n    ca_file: {}\n    base_dn: {base}\n    users: '{users}'\n    bind_dn: {}\n    password_file: {}\n",
                var("DESKHAND_LAB_LDAPS_URI"),
                var("DESKHAND_LAB_LDAP_CA"),
                var("DESKHAND_LAB_LDAP_BIND_DN"),
                var("DESKHAND_LAB_LDAP_PASSWORD_FILE"),
                base = var("DESKHAND_LAB_LDAP_BASE"),
            );
        }
        std::fs::write(&config, text).unwrap();
        Self { dir, config }
    }

    fn run(&self, args: &[&str]) -> Run {
        run_cmd(deskhand().arg("--config").arg(&self.config).env("XDG_STATE_HOME", self.dir.path().join("state")).args(args))
    }

    fn json(&self, args: &[&str]) -> (i32, Value) {
        let mut all = vec!["-o", "json", "diagnose"];
        all.extend_from_slice(args);
        let r = self.run(&all);
        (r.code, r.json())
    }
}

/// The findings as (severity, subject, finding) triples.
fn findings(j: &Value) -> Vec<(String, String, String)> {
    j["data"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["severity"].as_str().unwrap().into(), f["subject"].as_str().unwrap().into(), f["finding"].as_str().unwrap().into()))
        .collect()
}

fn ldaps_port() -> String {
    var("DESKHAND_LAB_LDAPS_URI").rsplit(':').next().unwrap().to_string()
}

#[test]
fn each_user_state_is_its_finding_with_the_fix() {
    let s = Setup::new(true);
    // alice can log in: no finding, exit 0.
    let (code, j) = s.json(&["--user", "alice"]);
    assert_eq!((code, findings(&j)), (0, vec![]), "{j}");
    assert_eq!(j["data"]["users"][0]["card"]["can_log_in"], true);
    assert!(j["data"]["users"][0]["groups"]["groups"].is_array(), "{j}");
    // bob is locked (until an administrator unlocks), dave disabled, erin must change.
    let (code, j) = s.json(&["--user", "bob", "--user", "dave", "--user", "erin", "--user", "nobody-here", "--ticket", "INC-42"]);
    assert_eq!(code, 1, "{j}");
    let f = findings(&j);
    let kinds: Vec<(&str, &str)> = f.iter().map(|(s, u, _)| (s.as_str(), u.as_str())).collect();
    assert_eq!(
        kinds,
        [("problem", "user bob"), ("problem", "user dave"), ("problem", "user nobody-here"), ("warning", "user erin")],
        "{f:?}"
    );
    let fixes: Vec<&str> = j["data"]["findings"].as_array().unwrap().iter().map(|f| f["fix"].as_str().unwrap_or("")).collect();
    assert_eq!(
        fixes,
        [
            "deskhand account unlock bob --directory lab --ticket INC-42",
            "deskhand account enable dave --directory lab --ticket INC-42",
            "deskhand account find nobody-here --directory lab",
            ""
        ]
    );
    assert!(f[0].2.starts_with("locked on"), "{f:?}");
    // carol's password expired (grace logins left), frank's expires within days, grace
    // has two bad passwords: warnings and a note, exit 0.
    let (code, j) = s.json(&["--user", "carol", "--user", "frank", "--user", "grace"]);
    assert_eq!(code, 0, "{j}");
    let f = findings(&j);
    let got: Vec<(&str, &str, &str)> = f.iter().map(|(s, u, w)| (s.as_str(), u.as_str(), w.split(" on ").next().unwrap())).collect();
    assert_eq!(
        got,
        [
            ("warning", "user carol", "the password expired"),
            ("warning", "user frank", "the password expires"),
            ("info", "user grace", "2 bad password(s) since the last good one")
        ],
        "{f:?}"
    );
    assert_eq!(j["data"]["findings"][0]["fix"], "deskhand account reset carol --directory lab");
    // It changed nothing: bob is still locked.
    assert!(!crate::account::binds("bob", "Bob-Lab-2026"), "diagnose unlocked bob");
}

/// A users' base that is not in the directory (a typo in the profile) is not "no such
/// account": diagnose says the account could not be read (unknown, exit 3) and the
/// commands say what is wrong with the profile (exit 2), a bulk change per item.
#[test]
fn a_users_base_not_in_the_directory_is_not_a_missing_account() {
    let base = var("DESKHAND_LAB_LDAP_BASE");
    let s = Setup::with_users(true, &format!("ou=nowhere,{base}"));
    let (code, j) = s.json(&["--user", "alice"]);
    assert_eq!(code, 3, "{j}");
    assert_eq!(findings(&j), [("unknown".into(), "user alice".into(), "the account could not be read".into())], "{j}");
    assert_eq!(j["data"]["users"][0]["found"], true, "{j}");
    let evidence = j["data"]["findings"][0]["evidence"].as_str().unwrap();
    assert!(evidence.contains(&format!("the users' base ou=nowhere,{base} is not in the directory")), "{evidence}");
    let r = s.run(&["account", "show", "alice"]);
    r.expect_code(2);
    assert!(r.stderr.contains("check `users:` and `base_dn:`"), "{}", r.stderr);
    let r = s.run(&["-o", "json", "account", "unlock", "alice", "bob", "--dry-run"]);
    let j = r.json();
    for item in j["data"]["items"].as_array().unwrap() {
        assert_eq!(item["result"], "failed", "{j}");
        assert!(item["detail"].as_str().unwrap().contains("is not in the directory"), "{j}");
    }
    // The same profile with the right base: alice is there, a made-up login is not.
    let s = Setup::with_users(true, &format!("ou=people,{base}"));
    let (code, j) = s.json(&["--user", "alice", "--user", "nobody-here"]);
    assert_eq!(code, 1, "{j}");
    assert_eq!(findings(&j), [("problem".into(), "user nobody-here".into(), "the login does not name one user account".into())]);
    assert_eq!(j["data"]["users"][1]["found"], false, "{j}");
    // A login attribute that is no attribute name would break every filter: refused at
    // the profile, before any search.
    std::fs::write(&s.config, std::fs::read_to_string(&s.config).unwrap() + "    login_attribute: 'ui d'\n").unwrap();
    let r = s.run(&["account", "show", "alice"]);
    r.expect_code(2);
    assert!(r.stderr.contains("login_attribute 'ui d' is not an attribute name"), "{}", r.stderr);
}

/// An offboarded account is not "disabled, enable it": diagnose names the offboarding
/// (when, which ticket) and its undo record, and the fix it prints, pasted as is, puts
/// the account back. A restored record is not named again: offboarded anew, the new
/// record is. On a machine without the record, diagnose says where it looked.
#[test]
fn an_offboarded_account_points_at_its_undo_record() {
    let s = Setup::new(true);
    let base = var("DESKHAND_LAB_LDAP_BASE");
    std::fs::write(&s.config, std::fs::read_to_string(&s.config).unwrap() + &format!("    disabled: ou=disabled,{base}\n")).unwrap();
    crate::account::add_fresh_user("t-diag-off", "Off-Pass-2026");
    let off = s.run(&["-o", "json", "account", "offboard", "t-diag-off", "--ticket", "HR-12", "--yes"]);
    off.expect_code(0);
    let record = off.json()["data"]["record"].as_str().unwrap().to_string();
    // Run again on the finished leaver: nothing to do, no record.
    let again = s.run(&["-o", "json", "account", "offboard", "t-diag-off", "--yes"]);
    again.expect_code(0);
    assert!(again.json()["data"]["record"].is_null(), "{}", again.stdout);
    assert!(!crate::account::binds_at(&format!("uid=t-diag-off,ou=disabled,{base}"), "Off-Pass-2026"));

    let (code, j) = s.json(&["--user", "t-diag-off", "--ticket", "INC-5"]);
    assert_eq!(code, 1, "{j}");
    let f = &j["data"]["findings"];
    assert_eq!(f.as_array().unwrap().len(), 1, "one finding, not also 'disabled': {j}");
    assert!(f[0]["finding"].as_str().unwrap().starts_with("the account was offboarded on "), "{j}");
    assert!(f[0]["finding"].as_str().unwrap().ends_with("(ticket HR-12)"), "{j}");
    let fix = f[0]["fix"].as_str().unwrap();
    assert_eq!(fix, format!("deskhand account restore {record} --directory lab --ticket INC-5"));
    assert_eq!(j["data"]["users"][0]["offboarding"]["record"], record.as_str(), "{j}");
    // The fix as printed puts the account back.
    let words: Vec<&str> = fix.split_whitespace().skip(1).collect();
    s.run(&words).expect_code(0);
    assert!(crate::account::binds("t-diag-off", "Off-Pass-2026"), "restored");
    let (code, j) = s.json(&["--user", "t-diag-off"]);
    assert_eq!((code, j["data"]["findings"].as_array().unwrap().len()), (0, 0), "{j}");

    assert!(std::path::Path::new(&format!("{record}.restored")).exists(), "the restore is noted beside the record");

    // Offboarded anew: the new record is named, not the restored one.
    let off = s.run(&["-o", "json", "account", "offboard", "t-diag-off", "--reset-password", "--yes"]);
    off.expect_code(0);
    let second = off.json()["data"]["record"].as_str().unwrap().to_string();
    assert_ne!(second, record);
    let (code, j) = s.json(&["--user", "t-diag-off"]);
    assert_eq!(code, 1, "{j}");
    let f = &j["data"]["findings"][0];
    assert_eq!(f["fix"], format!("deskhand account restore {second} --directory lab"), "{j}");
    assert!(f["next_step"].as_str().unwrap().contains("then `deskhand account reset t-diag-off`"), "{j}");

    // Asked from a machine without the record: no fix, and where it looked.
    let elsewhere = s.dir.path().join("elsewhere");
    let r = run_cmd(deskhand().arg("--config").arg(&s.config).env("XDG_STATE_HOME", &elsewhere).args([
        "-o",
        "json",
        "diagnose",
        "--user",
        "t-diag-off",
    ]));
    assert_eq!(r.code, 1, "{}", r.stdout);
    let f = &r.json()["data"]["findings"][0];
    assert_eq!(f["finding"], "the account was offboarded", "{f}");
    assert!(f["fix"].is_null() && f["next_step"].as_str().unwrap().contains("account restore RECORD"), "{f}");
    assert!(f["evidence"].as_str().unwrap().contains(&format!("under {}", elsewhere.join("deskhand/offboard").display())), "{f}");
    s.run(&["account", "restore", &second]).expect_code(0);
}

#[test]
fn an_expired_account_is_a_problem_with_the_expire_fix() {
    let s = Setup::new(true);
    crate::account::add_locked_user("t-diag", "Diag-Pass-2026");
    s.run(&["account", "unlock", "t-diag"]).expect_code(0);
    s.run(&["account", "expire", "t-diag", "--on", "2026-01-01"]).expect_code(0);
    let (code, j) = s.json(&["--user", "t-diag"]);
    assert_eq!(code, 1);
    let f = &j["data"]["findings"][0];
    assert_eq!(f["finding"], "the account expired on 2026-01-01T00:00:00Z", "{j}");
    assert_eq!(f["fix"], "deskhand account expire t-diag --on never --directory lab");
}

#[test]
fn each_host_failure_is_its_finding() {
    let s = Setup::new(false);
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let ldaps = format!("127.0.0.1:{}", ldaps_port());
    let nope = format!("nope.lab.test:{}", ldaps_port());
    let split = format!("split.lab.test:{closed}");
    let tcp = format!("127.0.0.1:{closed}");
    let (code, j) = s.json(&["--host", &nope, "--host", &split, "--host", &tcp]);
    assert_eq!(code, 1, "{j}");
    let f = findings(&j);
    let got: Vec<(&str, &str)> = f.iter().map(|(s, h, _)| (s.as_str(), h.as_str())).collect();
    let host = |h: &str| format!("host {h}");
    assert_eq!(
        got,
        [
            ("problem", host(&nope).as_str()),
            ("problem", host(&split).as_str()),
            ("problem", host(&tcp).as_str()),
            ("warning", host(&split).as_str())
        ],
        "{f:?}"
    );
    assert!(f[0].2.contains("does not exist"), "{f:?}");
    assert!(f[3].2.contains("disagree"), "{f:?}");
    assert!(j["data"]["findings"][3]["evidence"].as_str().unwrap().contains("127.0.0.50"), "{j}");
    // TLS against the lab CA: fails without it, passes with it.
    let (code, j) = s.json(&["--host", &ldaps, "--tls"]);
    assert_eq!(code, 1);
    assert!(findings(&j)[0].2.contains("TLS certificate fails"), "{j}");
    let (code, j) = s.json(&["--host", &ldaps, "--ca", &var("DESKHAND_LAB_LDAP_CA")]);
    assert_eq!((code, findings(&j)), (0, vec![]), "{j}");
}

/// A DNS server that sends no reply says nothing about the name: it is an unknown of its
/// own (exit 3), not a disagreement, and the servers that answered are still compared.
#[test]
fn a_dns_server_that_does_not_answer_is_unknown_not_a_disagreement() {
    // Bound and never read: queries to it time out.
    let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let silent = silent.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("c.yaml");
    std::fs::write(&config, format!("timeout: 500ms\nnet:\n  dns_servers: [{}, {silent}]\n", dns1())).unwrap();
    let ldap = format!("ldap.lab.test:{}", ldaps_port());
    let r = run_cmd(deskhand().arg("--config").arg(&config).args(["-o", "json", "diagnose", "--host", &ldap]));
    let j = r.json();
    assert_eq!(r.code, 3, "{j}");
    assert_eq!(findings(&j), [("unknown".into(), format!("host {ldap}"), format!("DNS server {silent} did not answer"))], "{j}");
    assert_eq!(j["data"]["hosts"][0]["check"]["verdict"]["ok"], true, "{j}");
    // Three servers, the two that answer disagree on split.lab.test: that is still said.
    std::fs::write(&config, format!("timeout: 500ms\nnet:\n  dns_servers: [{}, {silent}, {}]\n", dns1(), dns2())).unwrap();
    let split = format!("split.lab.test:{}", ldaps_port());
    let r = run_cmd(deskhand().arg("--config").arg(&config).args(["-o", "json", "diagnose", "--host", &split]));
    let j = r.json();
    let f = findings(&j);
    let kinds: Vec<(&str, &str)> = f.iter().map(|(s, _, w)| (s.as_str(), w.as_str())).collect();
    assert!(kinds.contains(&("unknown", format!("DNS server {silent} did not answer").as_str())), "{f:?}");
    assert!(kinds.contains(&("warning", "the DNS servers disagree on split.lab.test A")), "{f:?}");
    let disagree = j["data"]["findings"].as_array().unwrap().iter().find(|f| f["severity"] == "warning").unwrap();
    assert!(!disagree["evidence"].as_str().unwrap().contains(&silent), "{disagree}");
}

#[test]
fn a_part_that_cannot_run_is_a_finding_not_an_abort() {
    // No directory profile: the users are unknown (exit 3), the host still checked.
    let s = Setup::new(false);
    let ldaps = format!("127.0.0.1:{}", ldaps_port());
    let (code, j) = s.json(&["--user", "bob", "--host", &ldaps]);
    assert_eq!(code, 3, "{j}");
    assert_eq!(findings(&j)[0].0, "unknown");
    assert_eq!(j["data"]["hosts"][0]["check"]["verdict"]["ok"], true, "{j}");
    // A directory that does not answer: the same, with what failed.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("c.yaml");
    std::fs::write(
        &config,
        format!("directories:\n  gone:\n    url: ldaps://127.0.0.1:{}\n    base_dn: dc=x\n    bind_dn: cn=x\n    password_env: NO_SUCH_PASSWORD_VAR\n", {
            std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
        }),
    )
    .unwrap();
    let r = run_cmd(deskhand().arg("--config").arg(&config).args(["-o", "json", "diagnose", "--user", "bob"]));
    assert_eq!(r.code, 3, "{}", r.stdout);
    assert!(r.json()["data"]["findings"][0]["finding"].as_str().unwrap().contains("cannot use directory 'gone'"), "{}", r.stdout);
    // A profile whose password would be asked for: diagnose asks nothing, says so.
    let asks = dir.path().join("asks.yaml");
    std::fs::write(
        &asks,
        format!("directories:\n  asks:\n    url: {}\n    base_dn: dc=x\n    bind_dn: cn=x\n", var("DESKHAND_LAB_LDAPS_URI")),
    )
    .unwrap();
    let r =
        run_cmd(deskhand().arg("--config").arg(&asks).args(["-o", "json", "diagnose", "--user", "bob"]).stdin(std::process::Stdio::null()));
    assert_eq!(r.code, 3, "{}", r.stdout);
    assert!(r.json()["data"]["findings"][0]["finding"].as_str().unwrap().contains("asks nothing"), "{}", r.stdout);
    // A usage error is still one: a bad host, or nothing to diagnose.
    assert_eq!(s.run(&["diagnose", "--host", "bad host"]).code, 2);
    assert_eq!(s.run(&["diagnose", "--ticket", "X"]).code, 2);
}

#[test]
fn the_markdown_is_one_ticket_note_and_a_runbook_can_call_it() {
    let s = Setup::new(true);
    let r = s.run(&[
        "-o",
        "markdown",
        "diagnose",
        "--user",
        "bob",
        "--host",
        &format!("127.0.0.1:{}", ldaps_port()),
        "--tls",
        "--ticket",
        "INC-7",
    ]);
    r.expect_code(1);
    assert!(r.stdout.starts_with("### Ticket INC-7: diagnose at "), "{}", r.stdout);
    assert!(r.stdout.contains("| PROBLEM | user bob | locked on"), "{}", r.stdout);
    assert!(r.stdout.contains("#### User bob") && r.stdout.contains("#### Host 127.0.0.1:"), "{}", r.stdout);
    assert!(r.stdout.contains("deskhand account unlock bob --directory lab --ticket INC-7"), "{}", r.stdout);
    let book = s.dir.path().join("book.yaml");
    std::fs::write(
        &book,
        "name: vpn ticket\nparams:\n  user: { required: true }\nsteps:\n  - id: look\n    run: diagnose --user {{ user }} --ticket INC-8\n",
    )
    .unwrap();
    let r = s.run(&["-o", "json", "runbook", "run", book.to_str().unwrap(), "--param", "user=alice"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("deskhand.diagnose.v1"), "{}", r.stdout);
}
