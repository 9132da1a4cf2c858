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
            "default_directory: lab\ndirectories:\n  lab:\n    url: {}\n    ca_file: {}\n    base_dn: {base}\n    users: ou=people,{base}\n    bind_dn: {}\n    password_file: {}\n    disabled: ou=disabled,{base}\n    templates:\n      staff:\n        object_classes: [inetOrgPerson, posixAccount]\n        attributes: {{ uidNumber: \"{{next_uid}}\", gidNumber: \"10000\", homeDirectory: \"/home/{{login}}\" }}\n        groups: [staff]\n",
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
    assert!(md.stdout.contains("| who | ok |") && md.stdout.contains("| locked_only | skipped |"), "{}", md.stdout);
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

/// As the lab's administrator: `ldapadd`, `ldapdelete`... with `input` on stdin.
fn admin(tool: &str, extra: &[&str], input: Option<&str>) -> (bool, String) {
    let (uri, dn, pw) = (var("DESKHAND_LAB_LDAPS_URI"), var("DESKHAND_LAB_LDAP_ADMIN_DN"), var("DESKHAND_LAB_LDAP_ADMIN_PASSWORD_FILE"));
    let mut args = vec!["-x", "-H", &uri, "-D", &dn, "-y", &pw];
    args.extend(extra);
    crate::util::ldap_tool(tool, &args, input, &var("DESKHAND_LAB_LDAP_CA"))
}

fn people(login: &str) -> String {
    format!("uid={login},ou=people,{}", var("DESKHAND_LAB_LDAP_BASE"))
}

fn statuses(r: &Run) -> Vec<(String, String)> {
    r.json()["data"]["steps"]
        .as_array()
        .unwrap_or_else(|| panic!("no steps: {}{}", r.stdout, r.stderr))
        .iter()
        .map(|st| (st["id"].as_str().unwrap().to_string(), st["status"].as_str().unwrap().to_string()))
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| ((*a).to_string(), (*b).to_string())).collect()
}

/// The five shipped runbooks, run for real against the lab: a hire is created from the
/// template with a colleague's groups, a locked user gets a temporary password, the hire
/// leaves again, the network is triaged and the Monday checks run.
#[test]
fn the_shipped_examples_run_against_the_lab() {
    let s = Setup::new();
    let base = var("DESKHAND_LAB_LDAP_BASE");
    let (hire, reset) = ("t-rb-hire", "t-rb-reset");
    let moved = format!("uid={hire},ou=disabled,{base}");
    let _ = admin("ldapdelete", &["-c", &people(hire), &moved, &people(reset)], None);
    let ldaps = var("DESKHAND_LAB_LDAPS_URI");
    let port = ldaps.rsplit(':').next().unwrap().to_string();
    let ca = var("DESKHAND_LAB_LDAP_CA");
    let pw = s.dir.path().join("hire.pw");
    let book = |name: &str| repo(&format!("runbooks/{name}.yaml"));

    // onboard: created from the template (staff) with alice's groups, told to change
    // the password, the VPN gateway (the lab's LDAPS port, its own CA) answers.
    let onboard = book("onboard");
    let gateway = format!("vpn_gateway=127.0.0.1:{port}");
    let vpn_ca = format!("vpn_ca={ca}");
    let pw_out = format!("password_out={}", pw.display());
    let args = [
        "-o",
        "json",
        "runbook",
        "run",
        &onboard,
        "-p",
        "user=t-rb-hire",
        "-p",
        "first=Rita",
        "-p",
        "last=Book",
        "-p",
        "copy_from=alice",
        "-p",
        &gateway,
        "-p",
        &vpn_ca,
        "-p",
        &pw_out,
        "--yes",
        "--ticket",
        "INC-42",
    ];
    let r = s.run(&args);
    r.expect_code(0);
    assert_eq!(
        statuses(&r),
        pairs(&[("create", "ok"), ("groups", "ok"), ("verify", "ok"), ("vpn", "ok"), ("vpn_triage", "skipped")]),
        "{}",
        r.stdout
    );
    let password = std::fs::read_to_string(&pw).unwrap();
    assert!(password.trim().len() >= 12 && !r.stdout.contains(password.trim()), "the password is in the report");
    assert_eq!(r.json()["data"]["steps"][2]["report"]["data"]["state"]["must_change"], true, "{}", r.stdout);
    let groups = s.run(&["-o", "json", "account", "groups", hire]).json()["data"]["groups"].to_string();
    for g in ["staff", "vpn", "developers"] {
        assert!(groups.contains(g), "{g} missing from {groups}");
    }
    // A rerun creates nothing (the hire exists) and does not say it failed.
    let _ = std::fs::remove_file(&pw);
    let again = s.run(&args);
    again.expect_code(0);
    assert!(again.stdout.contains("exists"), "{}", again.stdout);

    // password-reset: a locked user; the first look says no, then a temporary password
    // (must change) that really binds.
    let ldif =
        format!("dn: {}\nobjectClass: inetOrgPerson\nuid: {reset}\ncn: Reset Me\nsn: Me\nuserPassword: Old-Pass-2026\n", people(reset));
    let (ok, out) = admin("ldapadd", &[], Some(&ldif));
    assert!(ok, "{out}");
    for _ in 0..3 {
        let _ = crate::util::ldap_tool("ldapwhoami", &["-x", "-H", &ldaps, "-D", &people(reset), "-w", "wrong"], None, &ca);
    }
    let reset_pw = s.dir.path().join("reset.pw");
    let out_arg = format!("password_out={}", reset_pw.display());
    let r = s.run(&["-o", "json", "runbook", "run", &book("password-reset"), "-p", "user=t-rb-reset", "-p", &out_arg, "--yes"]);
    assert_eq!(statuses(&r), pairs(&[("before", "check_failed"), ("reset", "ok"), ("verify", "ok")]), "{}", r.stdout);
    r.expect_code(1);
    let new_pw = std::fs::read_to_string(&reset_pw).unwrap();
    let (ok, out) = crate::util::ldap_tool("ldapwhoami", &["-x", "-H", &ldaps, "-D", &people(reset), "-w", new_pw.trim()], None, &ca);
    assert!(ok, "the temporary password does not bind: {out}");

    // offboard: without --yes and no terminal, the confirming step is refused and nothing
    // changes; with it, the hire is disabled, out of every group, moved aside, and the
    // last step sees that it cannot log in.
    let offboard = book("offboard");
    let refused = s.run(&["-o", "json", "runbook", "run", &offboard, "-p", "user=t-rb-hire"]);
    refused.expect_code(2);
    assert_eq!(s.run(&["-o", "json", "account", "show", hire]).json()["data"]["dn"], people(hire).as_str());
    let r = s.run(&["-o", "json", "runbook", "run", &offboard, "-p", "user=t-rb-hire", "--yes", "--ticket", "HR-42"]);
    r.expect_code(0);
    assert_eq!(statuses(&r), pairs(&[("before", "ok"), ("groups", "ok"), ("offboard", "ok"), ("verify", "ok")]), "{}", r.stdout);
    let offboard_argv = r.json()["data"]["steps"][2]["argv"].to_string();
    assert!(offboard_argv.contains("--yes") && offboard_argv.contains("--ticket=HR-42"), "{offboard_argv}");
    let after = s.run(&["-o", "json", "account", "show", hire]);
    let after = after.json();
    assert_eq!((after["data"]["dn"].as_str(), after["data"]["state"]["disabled"].as_bool()), (Some(moved.as_str()), Some(true)));
    assert_eq!(after["data"]["groups"], serde_json::json!([]), "{after}");
    let record = r.json()["data"]["steps"][2]["report"]["data"]["record"].as_str().unwrap().to_string();
    assert!(Path::new(&record).exists(), "no undo record at {record}");

    // network-triage: the gateway pings, a host found through the lab DNS answers on
    // the LDAPS port, a closed port says no.
    let hosts = format!("hosts=ns1.lab.test:{port},127.0.0.1:1");
    let dns = format!("dns={}", dns1());
    let r = s.run(&["-o", "json", "runbook", "run", &book("network-triage"), "-p", &hosts, "-p", "gateway=127.0.0.1", "-p", &dns]);
    r.expect_code(1);
    assert_eq!(
        statuses(&r),
        pairs(&[("gateway", "ok"), ("host1", "ok"), ("host2", "check_failed"), ("host3", "skipped"), ("host4", "skipped")]),
        "{}",
        r.stdout
    );

    // weekly-maintenance: locked accounts, expiring passwords and a baseline, each with
    // its own report; the Markdown is ready for the ticket.
    for _ in 0..3 {
        let _ = crate::util::ldap_tool("ldapwhoami", &["-x", "-H", &ldaps, "-D", &people(reset), "-w", "wrong"], None, &ca);
    }
    let baseline = s.write("baseline.yaml", "disk:\n  - path: /\n    min_free: 1 MiB\n");
    let b = format!("baseline={}", baseline.display());
    let r = s.run(&["-o", "json", "runbook", "run", &book("weekly-maintenance"), "-p", &b]);
    let steps = r.json()["data"]["steps"].clone();
    for (i, schema) in ["deskhand.account.locked", "deskhand.account.expiring", "deskhand.inventory.check"].iter().enumerate() {
        assert!(steps[i]["report"]["schema"].as_str().is_some_and(|x| x.starts_with(schema)), "{i}: {steps}");
    }
    assert!(steps[0]["report"]["data"].to_string().contains(reset), "{reset} is locked again: {steps}");
    assert_eq!(steps[2]["status"], "ok", "{steps}");
    let md = s.run(&["-o", "markdown", "runbook", "run", &book("weekly-maintenance"), "-p", &b]);
    assert!(md.stdout.contains("| baseline | ok |"), "{}", md.stdout);
    let _ = admin("ldapdelete", &["-c", &moved, &people(reset)], None);
}

/// A TCP relay to the lab slapd that the test can cut (close the connections it
/// carries, as a server's idle timeout does) or stop (nothing listens any more).
struct Relay {
    port: u16,
    conns: std::sync::Arc<std::sync::Mutex<Vec<std::net::TcpStream>>>,
    stopped: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Relay {
    fn start(upstream: String) -> Self {
        use std::net::{TcpListener, TcpStream};
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let conns: std::sync::Arc<std::sync::Mutex<Vec<TcpStream>>> = std::sync::Arc::default();
        let stopped: std::sync::Arc<std::sync::atomic::AtomicBool> = std::sync::Arc::default();
        let (c, st) = (conns.clone(), stopped.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if st.load(std::sync::atomic::Ordering::SeqCst) {
                    return; // the listener goes with this thread
                }
                let (Ok(client), Ok(server)) = (client, TcpStream::connect(&upstream)) else { continue };
                let mut list = c.lock().unwrap();
                list.push(client.try_clone().unwrap());
                list.push(server.try_clone().unwrap());
                for (mut from, mut to) in [(client.try_clone().unwrap(), server.try_clone().unwrap()), (server, client)] {
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut from, &mut to);
                        let _ = to.shutdown(std::net::Shutdown::Both);
                    });
                }
            }
        });
        Self { port, conns, stopped }
    }

    /// Closes every connection it carries; new ones are still relayed.
    fn cut(&self) {
        for s in self.conns.lock().unwrap().drain(..) {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }

    /// Cuts, and stops listening.
    fn stop(&self) {
        self.stopped.store(true, std::sync::atomic::Ordering::SeqCst);
        let _ = std::net::TcpStream::connect(("127.0.0.1", self.port));
        self.cut();
    }
}

/// A port that, when a step connects to it, does `then` first and closes the connection
/// after: the step (`net port --tls`) returns only once `then` is done.
fn trigger(then: impl FnOnce() + Send + 'static) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        if let Ok((conn, _)) = listener.accept() {
            then();
            // Give the cut a moment to reach the client's socket before this step ends.
            std::thread::sleep(std::time::Duration::from_millis(100));
            drop(conn);
        }
    });
    port
}

#[test]
fn a_directory_that_goes_away_mid_run() {
    let s = Setup::new();
    let ldaps = var("DESKHAND_LAB_LDAPS_URI");
    let upstream = ldaps.trim_start_matches("ldaps://").to_string();
    let relay = std::sync::Arc::new(Relay::start(upstream));
    let text = std::fs::read_to_string(&s.config).unwrap().replace(&ldaps, &format!("ldaps://127.0.0.1:{}", relay.port));
    std::fs::write(&s.config, text).unwrap();
    let (r1, r2) = (relay.clone(), relay.clone());
    let cut = trigger(move || r1.cut());
    let stop = trigger(move || r2.stop());
    let file = s.write(
        "away.yaml",
        &format!(
            "steps:\n  - id: first\n    run: account show alice\n  - id: idle_close\n    run: net port 127.0.0.1:{cut} --tls --timeout 5s\n    continue_on_error: true\n  - id: again\n    run: account show alice\n  - id: server_gone\n    run: net port 127.0.0.1:{stop} --tls --timeout 5s\n    continue_on_error: true\n  - id: gone\n    run: account show alice\n  - id: after\n    run: net dns www.lab.test --server {}\n",
            dns1()
        ),
    );
    let r = s.run(&["-o", "json", "runbook", "run", file.to_str().unwrap()]);
    // The connection closed while idle: the next step connects again and answers. The
    // server gone: that step fails with what and where, the run stops there (exit 3),
    // and the report so far is whole.
    r.expect_code(3);
    let st = statuses(&r);
    assert!(["ok", "check_failed"].contains(&st[0].1.as_str()) && ["ok", "check_failed"].contains(&st[2].1.as_str()), "{st:?}");
    assert_eq!((st[4].1.as_str(), st[5].1.as_str()), ("failed", "not_run"), "{st:?}");
    let gone = r.json()["data"]["steps"][4].clone();
    let error = gone["error"].as_str().unwrap_or_default();
    assert!(error.contains(&format!("127.0.0.1:{}", relay.port)) && !r.stderr.contains("panicked"), "{gone}\n{}", r.stderr);
    assert_eq!(gone["exit_code"], 3, "{gone}");
}

#[test]
fn ctrl_c_mid_run_prints_the_report_so_far() {
    let s = Setup::new();
    // The step connects here and waits for a TLS answer that never comes; once it has
    // connected, the run is surely under way and Ctrl-C is sent.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let file = s.write(
        "long.yaml",
        &format!(
            "steps:\n  - id: first\n    run: net dns www.lab.test --server {}\n  - id: waits\n    run: net port 127.0.0.1:{port} --tls --timeout 30s\n  - id: later\n    run: net dns www.lab.test --server {}\n",
            dns1(),
            dns1()
        ),
    );
    let child = crate::util::deskhand()
        .current_dir(s.dir.path())
        .arg("--config")
        .arg(&s.config)
        .env("XDG_STATE_HOME", s.dir.path().join("state"))
        .args(["-o", "json", "runbook", "run", file.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Waits for the step to connect, but not for a run that ended before it.
    listener.set_nonblocking(true).unwrap();
    let mut child = child;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let conn = loop {
        match listener.accept() {
            Ok((conn, _)) => break conn,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                let ended = child.try_wait().unwrap();
                assert!(ended.is_none() && std::time::Instant::now() < deadline, "the run never reached the waiting step: {ended:?}");
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("accept: {e}"),
        }
    };
    let kill = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    drop(conn);
    let r = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    r.expect_code(130);
    assert_eq!(statuses(&r), pairs(&[("first", "ok"), ("waits", "interrupted"), ("later", "not_run")]), "{}", r.stdout);
    let audit = std::fs::read_to_string(s.dir.path().join("state/deskhand/audit.jsonl")).unwrap_or_default();
    assert!(audit.contains("runbook") && audit.contains("interrupted"), "{audit}");
}
