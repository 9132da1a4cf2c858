//! The Ansible collection `deskhand.helpdesk` against real hosts: test hosts in network
//! namespaces, each with its own sshd (scripts/lab/fleet, started by scripts/test), plus
//! the controller itself (`ansible_connection=local`), driven by ansible-core from `PyPI`
//! in the virtual environment scripts/test makes. The collection is the one
//! scripts/ansible-collection builds (the shipped static binary) when scripts/test gave
//! it, else one built here around the test binary.
//!
//! The fleet tests take turns (one lock): one of them stops a host's sshd for a while.

use crate::util::run_cmd;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

static TURN: Mutex<()> = Mutex::new(());

fn var(name: &str) -> String {
    std::env::var(name)
        .unwrap_or_else(|_| panic!("{name} is not set: run the tests through scripts/test, which makes the Ansible venv and the fleet lab"))
}

/// The collection, installed once for the whole test run.
struct Installed {
    /// The collections path (holds `ansible_collections/deskhand/helpdesk`).
    path: PathBuf,
    venv: PathBuf,
}

fn installed() -> &'static Installed {
    static ONCE: OnceLock<Installed> = OnceLock::new();
    ONCE.get_or_init(|| {
        let venv = PathBuf::from(var("DESKHAND_ANSIBLE_VENV"));
        let path = std::env::temp_dir().join(format!("deskhand-test-collections-{}", std::process::id()));
        let tarball = if let Ok(t) = std::env::var("DESKHAND_FLEET_TARBALL") {
            t
        } else {
            {
                let out = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/ansible-collection"))
                    .args(["--binary", env!("CARGO_BIN_EXE_deskhand"), "--out"])
                    .arg(path.join("dist"))
                    .env("ANSIBLE_VENV", &venv)
                    .output()
                    .unwrap();
                assert!(out.status.success(), "collection build: {}", String::from_utf8_lossy(&out.stderr));
                String::from_utf8_lossy(&out.stdout).trim().to_string()
            }
        };
        let out = Command::new(venv.join("bin/ansible-galaxy"))
            .args(["collection", "install", &tarball, "-p"])
            .arg(&path)
            .arg("--force")
            .output()
            .unwrap();
        assert!(out.status.success(), "collection install: {}", String::from_utf8_lossy(&out.stderr));
        Installed { path, venv }
    })
}

/// An ansible or ansible-playbook command with the collection and a quiet, plain setup.
fn ansible(tool: &str, work: &Path) -> Command {
    let i = installed();
    let mut cmd = Command::new(i.venv.join("bin").join(tool));
    // The playbooks put their report under $PWD, which a changed directory does not set.
    cmd.current_dir(work)
        .env("PWD", work)
        .env("ANSIBLE_COLLECTIONS_PATH", &i.path)
        .env("ANSIBLE_HOST_KEY_CHECKING", "False")
        .env("ANSIBLE_NOCOLOR", "1")
        .env("ANSIBLE_RETRY_FILES_ENABLED", "False")
        .env("ANSIBLE_LOCAL_TEMP", work.join("ansible-tmp"))
        .env("ANSIBLE_TIMEOUT", "5")
        .env("ANSIBLE_PYTHON_INTERPRETER", "/usr/bin/python3")
        .env_remove("DESKHAND_COLLECTION_BIN");
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().to_string();
        if k.starts_with("DESKHAND_") && !k.starts_with("DESKHAND_LAB_") {
            cmd.env_remove(&k);
        }
    }
    cmd
}

/// The lab's hosts (h1..hN over SSH) and the controller as `local`, with `extra` lines
/// (host vars) added.
fn inventory(work: &Path, extra: &str) -> PathBuf {
    let lab = std::fs::read_to_string(var("DESKHAND_LAB_FLEET_INVENTORY")).unwrap();
    let text = format!("{lab}\n[controller]\nlocal ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n\n{extra}\n");
    let path = work.join("hosts.ini");
    std::fs::write(&path, text).unwrap();
    path
}

/// Each host's one-line result of an ad-hoc run (`ansible -o`): host -> (status, JSON).
fn oneline(stdout: &str) -> std::collections::BTreeMap<String, (String, Value)> {
    stdout
        .lines()
        .filter_map(|l| {
            let (host, rest) = l.split_once(" | ")?;
            let (status, json) = rest.split_once(" => ")?;
            Some((host.to_string(), (status.trim().to_string(), serde_json::from_str(json).ok()?)))
        })
        .collect()
}

fn fleet_lab() -> PathBuf {
    PathBuf::from(var("DESKHAND_LAB_FLEET_DIR"))
}

/// Stops one test host's sshd for the guard's life.
struct HostDown(usize);

impl HostDown {
    fn new(n: usize) -> Self {
        let out = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/lab/fleet"))
            .arg("host-down")
            .arg(fleet_lab())
            .arg(n.to_string())
            .output()
            .unwrap();
        assert!(out.status.success(), "host-down: {}", String::from_utf8_lossy(&out.stderr));
        Self(n)
    }
}

impl Drop for HostDown {
    fn drop(&mut self) {
        let _ = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/lab/fleet"))
            .arg("host-up")
            .arg(fleet_lab())
            .arg(self.0.to_string())
            .output();
    }
}

#[test]
fn the_baseline_playbook_reports_pass_fail_and_unreachable() {
    let _turn = TURN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let work = tempfile::tempdir().unwrap();
    let good = work.path().join("baseline.yaml");
    std::fs::write(&good, "name: every machine\nrequired:\n  - bash\nforbidden:\n  - telnetd\n").unwrap();
    let strict = work.path().join("strict.yaml");
    std::fs::write(&strict, "name: the VPN client\nrequired:\n  - deskhand-test-vpn-client\n").unwrap();
    let inv = inventory(
        work.path(),
        &format!("[lab:vars]\ndeskhand_baseline={}\n[controller:vars]\ndeskhand_baseline={}\n", good.display(), good.display()),
    );
    // h2 has another baseline (host var); h3's sshd is stopped.
    let text = std::fs::read_to_string(&inv).unwrap().replacen(
        "h2 ansible_host",
        &format!("h2 deskhand_baseline={} ansible_host", strict.display()),
        1,
    );
    std::fs::write(&inv, text).unwrap();
    let down = HostDown::new(3);
    let out = run_cmd(ansible("ansible-playbook", work.path()).arg("-i").arg(&inv).arg("deskhand.helpdesk.baseline"));
    drop(down);
    assert_eq!(out.code, 0, "the playbook runs to its end (a failing host is a result)\n{}\n{}", out.stdout, out.stderr);
    assert!(!out.stdout.contains("Traceback") && !out.stderr.contains("Traceback"), "{}", out.stdout);

    let dir = work.path().join("deskhand-report/baseline");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["schema"], "deskhand.fleet.report.v1");
    let d = &report["data"];
    assert_eq!(d["kind"], "baseline");
    assert_eq!(d["summary"], serde_json::json!({"hosts": 4, "pass": 2, "fail": 1, "unreachable": 1, "error": 0}), "{d}");
    let status: std::collections::BTreeMap<&str, &str> =
        d["hosts"].as_array().unwrap().iter().map(|h| (h["host"].as_str().unwrap(), h["status"].as_str().unwrap())).collect();
    assert_eq!(status["h1"], "pass");
    assert_eq!(status["local"], "pass");
    assert_eq!(status["h2"], "fail");
    assert_eq!(status["h3"], "unreachable", "never dropped: {d}");
    let h2 = d["hosts"].as_array().unwrap().iter().find(|h| h["host"] == "h2").unwrap();
    assert!(h2["failing"][0].as_str().unwrap().contains("deskhand-test-vpn-client"), "{h2}");
    let md = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(md.contains("4 hosts: 2 pass, 1 fail, 1 unreachable"), "{md}");
    assert!(md.contains("| h2 |") && md.contains("h3"), "{md}");
    let csv = std::fs::read_to_string(dir.join("report.csv")).unwrap();
    assert!(csv.lines().any(|l| l.starts_with("h2,")), "{csv}");
    // The saved results render again the same.
    let again = crate::util::run(&["-o", "json", "fleet", "report", dir.to_str().unwrap()]);
    again.expect_code(1);
    assert_eq!(again.json()["data"]["summary"], d["summary"]);
    // The playbook shows the report.
    assert!(out.stdout.contains("4 hosts: 2 pass, 1 fail, 1 unreachable"), "{}", out.stdout);
}

#[test]
fn the_reach_playbook_reports_unreachable_services() {
    let _turn = TURN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let work = tempfile::tempdir().unwrap();
    // A service every host reaches: a listener on each namespace's gateway address (the
    // root end of its veth) and on the controller's loopback; and a closed port.
    let listener = std::net::TcpListener::bind("0.0.0.0:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    std::thread::spawn(move || for _ in listener.incoming() {});
    let net = var("DESKHAND_LAB_FLEET_NET");
    let hosts: usize = var("DESKHAND_LAB_FLEET_HOSTS").parse().unwrap();
    let lab = std::fs::read_to_string(var("DESKHAND_LAB_FLEET_INVENTORY")).unwrap();
    let mut lines: Vec<String> = lab
        .lines()
        .map(|line| {
            let host = line.split_whitespace().next().unwrap_or_default();
            match host.strip_prefix('h').and_then(|n| n.parse::<usize>().ok()).filter(|n| (1..=hosts).contains(n)) {
                Some(n) => format!("{line} deskhand_services='[\"{net}.{n}.1:{port}\", \"{net}.{n}.1:{closed}\"]'"),
                None => line.to_string(),
            }
        })
        .collect();
    lines.push(format!(
        "\n[controller]\nlocal ansible_connection=local ansible_python_interpreter=/usr/bin/python3 deskhand_services='[\"127.0.0.1:{port}\", \"127.0.0.1:{closed}\"]'\n"
    ));
    let text = lines.join("\n");
    let inv = work.path().join("hosts.ini");
    std::fs::write(&inv, text).unwrap();
    let out = run_cmd(ansible("ansible-playbook", work.path()).arg("-i").arg(&inv).arg("deskhand.helpdesk.reach"));
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(work.path().join("deskhand-report/reach/report.json")).unwrap()).unwrap();
    let d = &report["data"];
    assert_eq!(d["kind"], "reach", "{d}");
    assert_eq!(d["summary"]["hosts"].as_u64().unwrap() as usize, hosts + 1);
    assert_eq!(d["summary"]["fail"].as_u64().unwrap() as usize, hosts + 1, "every host fails the closed port: {d}");
    for h in d["hosts"].as_array().unwrap() {
        let failing: Vec<&str> = h["failing"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
        assert_eq!(failing.len(), 1, "{h}");
        assert!(failing[0].ends_with(&format!(":{closed}")), "only the closed port fails: {h}");
    }
}

#[test]
fn unlock_through_ansible_with_check_mode_and_diff() {
    let _turn = TURN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let work = tempfile::tempdir().unwrap();
    // The target's own deskhand config (the controller here): the lab slapd's profile,
    // the bind password from a file.
    let config = work.path().join("config.yaml");
    std::fs::write(
        &config,
        format!(
            "default_directory: lab\ndirectories:\n  lab:\n    url: {}\n    ca_file: {}\n    base_dn: {}\n    bind_dn: {}\n    password_file: {}\n    users: ou=people,{}\n",
            var("DESKHAND_LAB_LDAPS_URI"),
            var("DESKHAND_LAB_LDAP_CA"),
            var("DESKHAND_LAB_LDAP_BASE"),
            var("DESKHAND_LAB_LDAP_BIND_DN"),
            var("DESKHAND_LAB_LDAP_PASSWORD_FILE"),
            var("DESKHAND_LAB_LDAP_BASE")
        ),
    )
    .unwrap();
    let user = &format!("t-ansible-{}", std::process::id());
    crate::account::add_locked_user(user, "Ansible-Pass-2026");
    let inv = inventory(work.path(), "");
    let unlock = |extra: &[&str]| {
        let mut cmd = ansible("ansible", work.path());
        cmd.args(["-i"]).arg(&inv).args(["local", "-m", "deskhand.helpdesk.deskhand", "-a"]);
        cmd.arg(format!("cmd='account unlock {user}' config={}", config.display())).args(extra).env("XDG_STATE_HOME", work.path());
        // One line per host, except with --diff, which the one-line output does not show.
        if !extra.contains(&"--diff") {
            cmd.arg("-o");
        }
        let out = run_cmd(&mut cmd);
        if extra.contains(&"--diff") {
            let status = if out.stdout.contains("local | CHANGED") { "CHANGED" } else { "other" };
            return (status.to_string(), Value::Null, out.stdout);
        }
        let results = oneline(&out.stdout);
        let (status, r) = results.get("local").cloned().unwrap_or_else(|| panic!("no result for local\n{}\n{}", out.stdout, out.stderr));
        (status, r, out.stdout)
    };
    let (status, r, _) = unlock(&["--check"]);
    assert_eq!(status, "CHANGED", "{status}: {r}");
    assert_eq!(r["changed"], true);
    assert_eq!(r["report"]["data"]["dry_run"], true, "check mode ran it with --dry-run: {r}");
    // --diff: Ansible shows the planned modification apart from the result.
    let (status, _, shown) = unlock(&["--check", "--diff"]);
    assert_eq!(status, "CHANGED", "{shown}");
    assert!(shown.contains(&format!("uid={user},ou=people")) && shown.contains("delete pwdAccountLockedTime"), "{shown}");
    assert!(!crate::account::binds(user, "Ansible-Pass-2026"), "check mode changed nothing");
    let (status, r, _) = unlock(&[]);
    assert_eq!((status.as_str(), r["changed"].clone(), r["rc"].clone()), ("CHANGED", Value::Bool(true), serde_json::json!(0)), "{r}");
    assert!(crate::account::binds(user, "Ansible-Pass-2026"), "unlocked for real");
    let (status, r, _) = unlock(&[]);
    assert_eq!((status.as_str(), r["changed"].clone()), ("SUCCESS", Value::Bool(false)), "a second run changes nothing: {r}");
}

#[test]
fn bad_input_is_a_clear_failure_never_a_traceback() {
    let _turn = TURN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let work = tempfile::tempdir().unwrap();
    let inv = inventory(work.path(), "");
    let adhoc = |hosts: &str, args: &str, env: &[(&str, &str)]| {
        let mut cmd = ansible("ansible", work.path());
        cmd.args(["-i"]).arg(&inv).args([hosts, "-o", "-m", "deskhand.helpdesk.deskhand", "-a", args]);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = run_cmd(&mut cmd);
        assert!(!out.stdout.contains("Traceback") && !out.stdout.contains("MODULE FAILURE"), "{}\n{}", out.stdout, out.stderr);
        oneline(&out.stdout)
    };
    let msg = |r: &std::collections::BTreeMap<String, (String, Value)>, host: &str| {
        let (status, v) = r.get(host).unwrap_or_else(|| panic!("no result for {host}: {r:?}"));
        assert_eq!(status, "FAILED!", "{v}");
        v["msg"].as_str().unwrap().to_string()
    };
    // An unknown deskhand subcommand, on a test host over SSH.
    let r = adhoc("h1", "cmd='frobnicate everything'", &[]);
    assert!(msg(&r, "h1").contains("frobnicate"), "{r:?}");
    // A config file that cannot be read.
    let r = adhoc("h1", "cmd='inventory facts' config=/nonexistent/deskhand.yaml", &[]);
    assert!(msg(&r, "h1").contains("/nonexistent/deskhand.yaml"), "{r:?}");
    // A password on the command line: refused, and the value never shown.
    let r = adhoc("local", "cmd='account reset bob --password Hunter2-Secret'", &[]);
    let m = msg(&r, "local");
    assert!(m.contains("password_file"), "{m}");
    assert!(!format!("{r:?}").contains("Hunter2-Secret"), "the secret is blanked everywhere: {r:?}");
    // A binary that cannot run here.
    let junk = work.path().join("not-deskhand");
    std::fs::write(&junk, [0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0xb7, 0]).unwrap();
    std::os::unix::fs::PermissionsExt::set_mode(&mut std::fs::metadata(&junk).unwrap().permissions(), 0o755);
    std::fs::set_permissions(&junk, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let r = adhoc("local", &format!("cmd='inventory facts' binary={}", junk.display()), &[]);
    assert!(msg(&r, "local").contains("cannot run on this host"), "{r:?}");
    // A target the shipped binaries do not cover.
    let other = work.path().join("bin");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("manifest.json"), r#"{"binaries": {"linux-aarch64": {"file": "deskhand-linux-aarch64", "sha256": "00"}}}"#)
        .unwrap();
    let r = adhoc("h1", "cmd='inventory facts'", &[("DESKHAND_COLLECTION_BIN", other.to_str().unwrap())]);
    let m = msg(&r, "h1");
    assert!(m.contains("linux-aarch64") && m.contains("x86_64"), "{m}");
}

#[test]
fn facts_for_later_tasks() {
    let _turn = TURN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let work = tempfile::tempdir().unwrap();
    let inv = inventory(work.path(), "");
    let play = work.path().join("facts.yml");
    std::fs::write(
        &play,
        "- hosts: h1:local\n  gather_facts: false\n  tasks:\n    - deskhand.helpdesk.deskhand: { cmd: inventory facts }\n    - deskhand.helpdesk.deskhand: { cmd: inventory list }\n    - ansible.builtin.debug:\n        msg: \"FACTS {{ inventory_hostname }} {{ ansible_facts.deskhand.facts.cpus > 0 }} {{ ansible_facts.deskhand.packages.packages | selectattr('name', 'equalto', 'bash') | list | length > 0 }}\"\n",
    )
    .unwrap();
    let out = run_cmd(ansible("ansible-playbook", work.path()).arg("-i").arg(&inv).arg(&play));
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    for host in ["h1", "local"] {
        assert!(out.stdout.contains(&format!("FACTS {host} True True")), "{}", out.stdout);
    }
}

#[test]
fn ansible_doc_shows_the_module() {
    let work = tempfile::tempdir().unwrap();
    let out = run_cmd(ansible("ansible-doc", work.path()).arg("deskhand.helpdesk.deskhand"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    for want in ["cmd", "check_failure_fails", "config", "EXAMPLES", "RETURN VALUES", "check_mode"] {
        assert!(out.stdout.contains(want), "{want}: {}", out.stdout);
    }
}
