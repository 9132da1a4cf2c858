//! `account` against the lab's real slapd (ppolicy, TLS, a service account): every
//! change is proven with a real bind as the user.

use crate::util::{Run, deskhand, run_cmd};
use std::fmt::Write as _;
use std::os::unix::fs::PermissionsExt as _;
use std::path::PathBuf;
use std::process::Command;

struct Lab {
    ldaps: String,
    ldap: String,
    ldapi: String,
    ca: String,
    base: String,
    bind_dn: String,
    password_file: String,
    admin_dn: String,
    admin_password_file: String,
}

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run the tests through scripts/test, which starts scripts/lab/slapd"))
}

fn lab() -> Lab {
    Lab {
        ldaps: var("DESKHAND_LAB_LDAPS_URI"),
        ldap: var("DESKHAND_LAB_LDAP_URI"),
        ldapi: var("DESKHAND_LAB_LDAPI_URI"),
        ca: var("DESKHAND_LAB_LDAP_CA"),
        base: var("DESKHAND_LAB_LDAP_BASE"),
        bind_dn: var("DESKHAND_LAB_LDAP_BIND_DN"),
        password_file: var("DESKHAND_LAB_LDAP_PASSWORD_FILE"),
        admin_dn: var("DESKHAND_LAB_LDAP_ADMIN_DN"),
        admin_password_file: var("DESKHAND_LAB_LDAP_ADMIN_PASSWORD_FILE"),
    }
}

/// A config file with the lab profile (plus `extra` lines inside it), and a state dir
/// for the audit trail.
struct Setup {
    dir: tempfile::TempDir,
    config: PathBuf,
}

impl Setup {
    fn new(extra: &str) -> Self {
        let l = lab();
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.yaml");
        let mut lines: Vec<String> = vec![
            format!("url: {}", l.ldaps),
            format!("ca_file: {}", l.ca),
            format!("base_dn: {}", l.base),
            format!("bind_dn: {}", l.bind_dn),
            format!("password_file: {}", l.password_file),
            format!("users: ou=people,{}", l.base),
        ];
        for line in extra.lines() {
            // An indented line continues the key above it (templates: ...).
            if line.starts_with(' ') {
                lines.push(line.trim_end().to_string());
                continue;
            }
            // An extra key replaces the default one.
            let key = format!("{}:", line.trim().split(':').next().unwrap_or(""));
            lines.retain(|l| !l.starts_with(&key));
            lines.push(line.trim().to_string());
        }
        let mut text = String::from("default_directory: lab\ndirectories:\n  lab:\n");
        for line in lines {
            text.push_str("    ");
            text.push_str(&line);
            text.push('\n');
        }
        std::fs::write(&config, text).unwrap();
        Self { dir, config }
    }

    fn cmd(&self) -> Command {
        let mut c = deskhand();
        c.arg("--config").arg(&self.config).env("XDG_STATE_HOME", self.dir.path().join("state"));
        c
    }

    fn run(&self, args: &[&str]) -> Run {
        run_cmd(self.cmd().args(args))
    }

    fn audit(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("state/deskhand/audit.jsonl")).unwrap_or_default()
    }
}

fn ldap_tool(tool: &str, args: &[&str], input: Option<&str>) -> (bool, String) {
    crate::util::ldap_tool(tool, args, input, &lab().ca)
}

fn dn(login: &str) -> String {
    format!("uid={login},ou=people,{}", lab().base)
}

/// Adds a user of our own (as the lab's admin), so tests never share mutable state.
fn add_user(login: &str, password: &str) {
    let l = lab();
    let ldif = format!(
        "dn: {}\nobjectClass: inetOrgPerson\nuid: {login}\ncn: Test {login}\nsn: {login}\nmail: {login}@lab.test\nuserPassword: {password}\n",
        dn(login)
    );
    // A rerun against the same lab starts from a clean entry.
    let _ = ldap_tool("ldapdelete", &["-x", "-H", &l.ldaps, "-D", &l.admin_dn, "-y", &l.admin_password_file, &dn(login)], None);
    let (ok, out) = ldap_tool("ldapadd", &["-x", "-H", &l.ldaps, "-D", &l.admin_dn, "-y", &l.admin_password_file], Some(&ldif));
    assert!(ok, "ldapadd {login}: {out}");
}

/// A real bind as the user; returns whether it worked and what ldapwhoami said.
fn bind(login: &str, password: &str) -> (bool, String) {
    ldap_tool("ldapwhoami", &["-x", "-e", "ppolicy", "-H", &lab().ldaps, "-D", &dn(login), "-w", password], None)
}

/// Locks the user the way users lock themselves: three bad passwords.
/// A new user of the lab slapd, locked by three real bad binds (for other test modules).
pub(crate) fn add_locked_user(login: &str, password: &str) {
    add_user(login, password);
    lock(login);
}

/// A new user of the lab slapd, with no copy left in the disabled OU by an earlier run's
/// offboarding (for other test modules).
pub(crate) fn add_fresh_user(login: &str, password: &str) {
    admin_delete(&[format!("uid={login},ou=disabled,{}", lab().base)]);
    add_user(login, password);
}

/// Whether `login` binds with `password` on the lab slapd.
pub(crate) fn binds(login: &str, password: &str) -> bool {
    bind(login, password).0
}

/// Whether the entry `dn` binds with `password` on the lab slapd.
pub(crate) fn binds_at(dn: &str, password: &str) -> bool {
    ldap_tool("ldapwhoami", &["-x", "-H", &lab().ldaps, "-D", dn, "-w", password], None).0
}

fn lock(login: &str) {
    for _ in 0..3 {
        assert!(!bind(login, "wrong-password").0);
    }
}

#[test]
fn show_gives_the_verdict_for_each_state() {
    let s = Setup::new("");
    let cases = [
        ("alice", 0, true, ""),
        ("bob", 1, false, "locked until an administrator unlocks"),
        ("dave", 1, false, "disabled"),
        ("erin", 0, true, "must be changed"),
        ("carol", 0, true, "grace"),
    ];
    for (user, code, can, reason) in cases {
        let r = s.run(&["-o", "json", "account", "show", user]);
        r.expect_code(code);
        let j = r.json();
        assert_eq!(j["schema"], "deskhand.account.show.v1");
        assert_eq!(j["data"]["can_log_in"], can, "{user}: {j}");
        assert!(j["data"]["reasons"].to_string().contains(reason), "{user}: {j}");
        assert_eq!(j["data"]["flavor"], "openldap");
    }
    let bob = s.run(&["-o", "json", "account", "show", "bob"]).json();
    assert_eq!(bob["data"]["state"]["lock"]["locked"], true);
    assert_eq!(bob["data"]["state"]["failures"], 3);
    assert!(bob["data"]["groups"].to_string().contains("staff"));
    let frank = s.run(&["-o", "json", "account", "show", "frank"]).json();
    assert_eq!(frank["data"]["state"]["password_expired"], false);
    assert!(frank["data"]["state"]["password_expires"].is_string());
    let alice = s.run(&["account", "show", "alice"]);
    assert!(alice.stdout.contains("can log in: yes") && alice.stdout.contains("vpn"), "{}", alice.stdout);
    let md = s.run(&["-o", "markdown", "account", "show", "dave"]);
    assert!(md.stdout.contains("**can log in: no, because the account is disabled**"), "{}", md.stdout);
}

#[test]
fn unlock_lets_the_user_log_in_again() {
    let s = Setup::new("");
    add_user("t-unlock", "Unlock-Pass-2026");
    lock("t-unlock");
    let (ok, out) = bind("t-unlock", "Unlock-Pass-2026");
    assert!(!ok && out.contains("locked"), "locked: {out}");
    s.run(&["account", "show", "t-unlock"]).expect_code(1);

    // A dry run changes nothing.
    let r = s.run(&["-o", "json", "account", "unlock", "t-unlock", "--dry-run"]);
    r.expect_code(0);
    let item = &r.json()["data"]["items"][0];
    assert_eq!(item["result"], "would_change");
    assert_eq!(item["status"], "would unlock");
    assert_eq!(item["changes"][0]["attr"], "pwdAccountLockedTime");
    assert!(!bind("t-unlock", "Unlock-Pass-2026").0, "dry run must not unlock");
    assert!(s.audit().is_empty(), "a dry run writes no audit line");

    let r = s.run(&["-o", "json", "account", "unlock", "t-unlock", "--ticket", "INC-42"]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["items"][0]["result"], "changed");
    let (ok, out) = bind("t-unlock", "Unlock-Pass-2026");
    assert!(ok, "after unlock the user binds: {out}");
    let show = s.run(&["-o", "json", "account", "show", "t-unlock"]).json();
    assert_eq!(show["data"]["state"]["failures"], 0);

    // Idempotent.
    let again = s.run(&["-o", "json", "account", "unlock", "t-unlock"]);
    again.expect_code(0);
    assert_eq!(again.json()["data"]["items"][0]["result"], "unchanged");
    assert_eq!(again.json()["data"]["items"][0]["status"], "already unlocked");

    let audit = s.audit();
    assert_eq!(audit.lines().count(), 1, "{audit}");
    let line: serde_json::Value = serde_json::from_str(audit.lines().next().unwrap()).unwrap();
    assert_eq!(line["action"], "unlock");
    assert_eq!(line["ticket"], "INC-42");
    let operator = line["operator"].as_str().unwrap();
    assert!(!operator.is_empty() && operator != "unknown", "{line}");
    assert_eq!(line["target"], dn("t-unlock"));
    assert!(!audit.contains("Pass"), "no secret in the audit trail");
}

#[test]
fn bulk_unlock_reports_each_account() {
    let s = Setup::new("");
    for u in ["t-bulk1", "t-bulk2"] {
        add_user(u, "Bulk-Pass-2026");
        lock(u);
    }
    // Two bad binds: not locked, but the failure count is cleared too.
    add_user("t-bulk3", "Bulk-Pass-2026");
    assert!(!bind("t-bulk3", "nope").0);
    let list = s.dir.path().join("users.txt");
    std::fs::write(&list, "t-bulk1\nt-bulk2\n# a comment\nt-bulk3\nno-such-user\ndave\n").unwrap();
    let r = s.run(&["-o", "json", "account", "unlock", "-f", list.to_str().unwrap()]);
    r.expect_code(1);
    let j = r.json();
    let results: Vec<&str> = j["data"]["items"].as_array().unwrap().iter().map(|i| i["result"].as_str().unwrap()).collect();
    assert_eq!(results, ["changed", "changed", "changed", "not_found", "refused"]);
    assert_eq!(j["data"]["items"][2]["relax"], true);
    for u in ["t-bulk1", "t-bulk2"] {
        assert!(bind(u, "Bulk-Pass-2026").0, "{u} binds after the bulk unlock");
    }
    let show = s.run(&["-o", "json", "account", "show", "t-bulk3"]).json();
    assert_eq!(show["data"]["state"]["failures"], 0);
}

#[test]
fn locked_and_find() {
    let s = Setup::new("");
    add_user("t-listed", "Listed-Pass-2026");
    lock("t-listed");
    let r = s.run(&["-o", "json", "account", "locked"]);
    r.expect_code(1);
    let logins: Vec<String> =
        r.json()["data"]["accounts"].as_array().unwrap().iter().map(|a| a["login"].as_str().unwrap_or("").to_string()).collect();
    assert!(logins.contains(&"bob".to_string()) && logins.contains(&"t-listed".to_string()), "{logins:?}");
    assert!(!logins.contains(&"dave".to_string()), "disabled is not locked");

    let r = s.run(&["-o", "json", "account", "find", "Lab"]);
    r.expect_code(0);
    assert!(r.json()["data"]["users"].as_array().unwrap().len() >= 5);
    s.run(&["account", "find", "zzz-nobody"]).expect_code(1);
}

#[test]
fn injection_and_ambiguity() {
    let s = Setup::new("");
    // A filter metacharacter matches only itself.
    let r = s.run(&["-o", "json", "account", "show", "star*"]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["dn"], dn("star*"));
    for evil in ["*", "*)(uid=*", "alice)(|(uid=*"] {
        let r = s.run(&["account", "show", evil]);
        r.expect_code(2);
        assert!(r.stderr.contains("no account"), "{evil}: {}", r.stderr);
    }
    s.run(&["account", "find", "*)(uid=*"]).expect_code(1);
    // A comma in a login is a login, not a DN.
    let r = s.run(&["-o", "json", "account", "show", "comma,user"]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["login"], "comma,user");

    // Searching the whole tree, `dup` is in two places: an error naming both.
    let wide = Setup::new(&format!("users: {}", lab().base));
    let r = wide.run(&["account", "show", "dup"]);
    r.expect_code(2);
    assert!(r.stderr.contains("matches 2 accounts") && r.stderr.contains("ou=contractors"), "{}", r.stderr);
    let r = wide.run(&["-o", "json", "account", "unlock", "dup"]);
    assert_eq!(r.json()["data"]["items"][0]["result"], "ambiguous");
}

#[test]
fn connections_are_safe() {
    let l = lab();
    // A simple bind over plaintext is refused...
    let plain = Setup::new(&format!("url: {}", l.ldap));
    let r = plain.run(&["account", "show", "alice"]);
    r.expect_code(2);
    assert!(r.stderr.contains("plaintext") && r.stderr.contains("hint:"), "{}", r.stderr);
    // ...StartTLS on the same port works...
    let starttls = Setup::new(&format!("url: {}\nstarttls: true", l.ldap));
    starttls.run(&["account", "show", "alice"]).expect_code(0);
    // ...and a certificate we do not trust is an environment error with a hint.
    let untrusted = Setup::new("ca_file: /etc/ssl/certs/ca-certificates.crt");
    let r = untrusted.run(&["account", "show", "alice"]);
    r.expect_code(3);
    assert!(r.stderr.contains("hint:"), "{}", r.stderr);
    // A wrong service password is exit 3, and the password is never echoed.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("pw");
    std::fs::write(&bad, "not-the-password").unwrap();
    let wrong = Setup::new(&format!("password_file: {}", bad.display()));
    let r = wrong.run(&["-o", "json", "account", "show", "alice"]);
    r.expect_code(3);
    assert!(!r.stderr.contains("not-the-password") && !r.stdout.contains("not-the-password"));
}

#[test]
fn sasl_external_over_ldapi() {
    let l = lab();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("c.yaml");
    std::fs::write(
        &config,
        format!(
            "directories:\n  local:\n    url: {}\n    base_dn: {}\n    users: ou=people,{}\n    sasl_external: true\n",
            l.ldapi, l.base, l.base
        ),
    )
    .unwrap();
    // No password anywhere: the socket's peer credentials are the identity.
    let r = run_cmd(deskhand().args(["--config", config.to_str().unwrap(), "-o", "json", "account", "show", "alice"]));
    r.expect_code(0);
    assert_eq!(r.json()["data"]["login"], "alice");
}

#[test]
fn password_sources() {
    let l = lab();
    let pw = std::fs::read_to_string(&l.password_file).unwrap();
    let env = Setup::new("password_env: DH_TEST_BIND_PW");
    // password_file is replaced by password_env: drop the file key.
    let text =
        std::fs::read_to_string(&env.config).unwrap().lines().filter(|x| !x.contains("password_file")).collect::<Vec<_>>().join("\n");
    std::fs::write(&env.config, text).unwrap();
    let r = run_cmd(env.cmd().env("DH_TEST_BIND_PW", &pw).args(["-o", "json", "account", "show", "alice"]));
    r.expect_code(0);
    assert!(!r.stdout.contains(&pw), "the bind password never reaches the output");

    let cmd = Setup::new(&format!("password_command: cat {}", l.password_file));
    let text =
        std::fs::read_to_string(&cmd.config).unwrap().lines().filter(|x| !x.contains("password_file")).collect::<Vec<_>>().join("\n");
    std::fs::write(&cmd.config, text).unwrap();
    cmd.run(&["account", "show", "alice"]).expect_code(0);

    // No source and no terminal to ask on: a usage error saying what to set.
    let none = Setup::new("");
    let text =
        std::fs::read_to_string(&none.config).unwrap().lines().filter(|x| !x.contains("password_file")).collect::<Vec<_>>().join("\n");
    std::fs::write(&none.config, text).unwrap();
    let r = run_cmd(none.cmd().args(["account", "show", "alice"]).stdin(std::process::Stdio::null()));
    r.expect_code(2);
    assert!(r.stderr.contains("password_file"), "{}", r.stderr);
}

#[test]
fn profiles_are_checked() {
    let s = Setup::new("");
    let r = s.run(&["account", "--directory", "nope", "show", "alice"]);
    r.expect_code(2);
    assert!(r.stderr.contains("known profiles: lab"), "{}", r.stderr);
    // DESKHAND_DIRECTORY picks the profile too.
    run_cmd(s.cmd().env("DESKHAND_DIRECTORY", "lab").args(["account", "show", "alice"])).expect_code(0);
    // The flag also goes after the verb.
    s.run(&["account", "show", "alice", "-D", "lab"]).expect_code(0);
}

#[test]
fn disable_and_enable() {
    let s = Setup::new("");
    add_user("t-disable", "Disable-Pass-2026");
    assert!(bind("t-disable", "Disable-Pass-2026").0);
    let r = s.run(&["-o", "json", "account", "disable", "t-disable", "--ticket", "INC-7", "--reason", "left the company"]);
    r.expect_code(0);
    assert_eq!(r.json()["schema"], "deskhand.account.disable.v1");
    assert!(!bind("t-disable", "Disable-Pass-2026").0, "a disabled account cannot bind");
    let show = s.run(&["-o", "json", "account", "show", "t-disable"]);
    show.expect_code(1);
    assert_eq!(show.json()["data"]["state"]["disabled"], true);
    // A password reset does not enable it either (ppolicy clears every lock on a
    // password change; deskhand puts the disable back).
    let pw = s.dir.path().join("pw");
    s.run(&["account", "reset", "t-disable", "--password-out", pw.to_str().unwrap()]).expect_code(0);
    assert_eq!(s.run(&["-o", "json", "account", "show", "t-disable"]).json()["data"]["state"]["disabled"], true);
    assert!(!bind("t-disable", std::fs::read_to_string(&pw).unwrap().trim()).0, "still disabled after a reset");
    // Unlock does not undo a disable; enable does.
    assert_eq!(s.run(&["-o", "json", "account", "unlock", "t-disable"]).json()["data"]["items"][0]["result"], "refused");
    assert_eq!(s.run(&["-o", "json", "account", "disable", "t-disable"]).json()["data"]["items"][0]["status"], "already disabled");
    s.run(&["account", "enable", "t-disable"]).expect_code(0);
    assert!(bind("t-disable", std::fs::read_to_string(&pw).unwrap().trim()).0, "enabled again");
    assert_eq!(s.run(&["-o", "json", "account", "enable", "t-disable"]).json()["data"]["items"][0]["status"], "already enabled");
    assert_eq!(s.audit().lines().count(), 3, "disable, reset, enable");
    // Who the directory saw: the bind DN, beside the local operator.
    assert!(s.audit().lines().all(|l| l.contains(&format!("\"bind\":\"{}\"", lab().bind_dn))), "{}", s.audit());
    assert!(s.audit().lines().next().unwrap().contains("\"reason\":\"left the company\""), "{}", s.audit());
}

#[test]
fn groups_of_every_kind() {
    let s = Setup::new("");
    add_user("t-groups", "Groups-Pass-2026");
    // groupOfNames (vpn), groupOfUniqueNames (wifi), posixGroup (developers).
    let r = s.run(&["-o", "json", "account", "group", "add", "t-groups", "vpn", "wifi", "developers", "--dry-run"]);
    r.expect_code(0);
    let attrs: Vec<String> =
        r.json()["data"]["items"].as_array().unwrap().iter().map(|i| i["changes"][0]["attr"].as_str().unwrap().to_string()).collect();
    assert_eq!(attrs, ["member", "uniquemember", "memberuid"]);
    assert!(
        s.run(&["-o", "json", "account", "groups", "t-groups"]).json()["data"]["groups"].as_array().unwrap().is_empty(),
        "dry run changed nothing"
    );

    s.run(&["account", "group", "add", "t-groups", "vpn", "wifi", "developers"]).expect_code(0);
    let groups = s.run(&["-o", "json", "account", "groups", "t-groups"]).json();
    assert_eq!(groups["data"]["groups"], serde_json::json!(["developers", "vpn", "wifi"]));
    let again = s.run(&["-o", "json", "account", "group", "add", "t-groups", "vpn"]);
    again.expect_code(0);
    assert_eq!(again.json()["data"]["items"][0]["status"], "already a member");

    let r = s.run(&["-o", "json", "account", "group", "remove", "t-groups", "wifi", "developers", "no-such-group"]);
    r.expect_code(1);
    let j = r.json();
    let statuses: Vec<&str> = j["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .map(|x| if x.starts_with("no group") { "no group" } else { x })
        .collect();
    assert_eq!(statuses, ["removed", "removed", "no group"]);
    let groups = s.run(&["-o", "json", "account", "groups", "t-groups"]).json();
    assert_eq!(groups["data"]["groups"], serde_json::json!(["vpn"]));
}

/// Nested groups, each marked direct or inherited with its path, and a cycle
/// (nest-c holds nest-a, which leads to nest-c) that ends the walk.
#[test]
fn nested_groups_are_marked_with_their_path() {
    let s = Setup::new("");
    let lab = lab();
    add_user("t-nest", "Nest-Pass-2026");
    let group = |cn: &str, class: &str, attr: &str, members: &[String]| {
        let dn = format!("cn={cn},ou=groups,{}", lab.base);
        let _ = ldap_tool("ldapdelete", &["-x", "-H", &lab.ldaps, "-D", &lab.admin_dn, "-y", &lab.admin_password_file, &dn], None);
        let mut ldif = format!("dn: {dn}\nobjectClass: {class}\ncn: {cn}\n");
        for m in members {
            let _ = writeln!(ldif, "{attr}: {m}");
        }
        let (ok, out) = ldap_tool("ldapadd", &["-x", "-H", &lab.ldaps, "-D", &lab.admin_dn, "-y", &lab.admin_password_file], Some(&ldif));
        assert!(ok, "ldapadd {cn}: {out}");
        dn
    };
    let gdn = |cn: &str| format!("cn={cn},ou=groups,{}", lab.base);
    group("nest-a", "groupOfNames", "member", &[dn("t-nest"), gdn("nest-c")]);
    group("nest-b", "groupOfNames", "member", &[gdn("nest-a")]);
    group("nest-c", "groupOfUniqueNames", "uniqueMember", &[gdn("nest-b")]);
    let r = s.run(&["-o", "json", "account", "groups", "t-nest"]);
    r.expect_code(0);
    let j = r.json();
    assert_eq!(j["data"]["groups"], serde_json::json!(["nest-a"]));
    assert_eq!(
        j["data"]["inherited"],
        serde_json::json!([
            {"name": "nest-b", "dn": gdn("nest-b"), "via": ["nest-a"]},
            {"name": "nest-c", "dn": gdn("nest-c"), "via": ["nest-a", "nest-b"]},
        ])
    );
    let table = s.run(&["account", "groups", "t-nest"]);
    assert!(table.stdout.contains("inherited via nest-a > nest-b"), "{}", table.stdout);
}

/// `account expire`: pwdEndTime, which slapd enforces at bind; `never` removes it.
#[test]
fn expire_sets_the_end_date_slapd_enforces() {
    let s = Setup::new("");
    add_user("t-expire", "Expire-Pass-2026");
    let dry = s.run(&["-o", "json", "account", "expire", "t-expire", "--on", "2026-01-01", "--dry-run"]);
    assert_eq!(dry.json()["data"]["items"][0]["changes"][0]["values"][0], "20260101000000Z", "{}", dry.stdout);
    assert!(bind("t-expire", "Expire-Pass-2026").0, "a dry run changed nothing");
    s.run(&["account", "expire", "t-expire", "--on", "2026-01-01", "--ticket", "HR-81"]).expect_code(0);
    assert!(!bind("t-expire", "Expire-Pass-2026").0, "slapd refuses a bind after pwdEndTime");
    let card = s.run(&["-o", "json", "account", "show", "t-expire"]);
    card.expect_code(1);
    let state = &card.json()["data"]["state"];
    assert_eq!((state["account_expired"].as_bool(), state["account_expires_from"].as_str()), (Some(true), Some("pwdEndTime")), "{state}");
    assert_eq!(
        s.run(&["-o", "json", "account", "expire", "t-expire", "--on", "2026-01-01"]).json()["data"]["items"][0]["status"],
        "already ends then"
    );
    s.run(&["account", "expire", "t-expire", "--on", "never"]).expect_code(0);
    assert!(bind("t-expire", "Expire-Pass-2026").0, "no end date: binds again");
    assert!(s.run(&["-o", "json", "account", "show", "t-expire"]).expect_code(0).json()["data"]["state"]["account_expires"].is_null());
    assert_eq!(s.audit().lines().filter(|l| l.contains("\"expire\"")).count(), 2, "{}", s.audit());
}

#[test]
fn reset_sets_a_temporary_password_that_must_be_changed() {
    let s = Setup::new("");
    add_user("t-reset", "Reset-Pass-2026");
    lock("t-reset");
    // No terminal and no --password-out: refused before anything changes.
    let r = run_cmd(s.cmd().args(["account", "reset", "t-reset"]).stderr(std::process::Stdio::piped()));
    r.expect_code(2);
    assert!(r.stderr.contains("--password-out"), "{}", r.stderr);
    assert!(!bind("t-reset", "Reset-Pass-2026").0, "still locked, unchanged");

    let out = s.dir.path().join("t-reset.pw");
    let r = s.run(&["-o", "json", "account", "reset", "t-reset", "--password-out", out.to_str().unwrap(), "--ticket", "INC-9"]);
    r.expect_code(0);
    let temp = std::fs::read_to_string(&out).unwrap().trim().to_string();
    assert!(temp.len() >= 16, "{temp}");
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&out).unwrap().permissions()) & 0o777, 0o600);
    let j = r.json();
    assert_eq!(j["data"]["items"][0]["unlocked"], true);
    assert_eq!(j["data"]["items"][0]["must_change"], true);
    assert!(!r.stdout.contains(&temp) && !r.stderr.contains(&temp), "the password is never in the output");
    assert!(!s.audit().contains(&temp), "nor in the audit trail");
    // The user can bind with it, and the directory says it must be changed.
    let (ok, said) = bind("t-reset", &temp);
    assert!(ok && said.contains("Password must be changed"), "{said}");
    assert!(!bind("t-reset", "Reset-Pass-2026").0, "the old password is gone");
    assert_eq!(s.run(&["-o", "json", "account", "show", "t-reset"]).json()["data"]["state"]["must_change"], true);
}

#[test]
fn reset_options() {
    let s = Setup::new("");
    add_user("t-reset2", "Reset2-Pass-2026");
    lock("t-reset2");
    let dir = tempfile::tempdir().unwrap();
    let weak = dir.path().join("weak");
    std::fs::write(&weak, "abc\n").unwrap();
    let r = s.run(&["account", "reset", "t-reset2", "--password-file", weak.to_str().unwrap()]);
    r.expect_code(2);
    assert!(r.stderr.contains("too weak"), "{}", r.stderr);
    let given = dir.path().join("given");
    std::fs::write(&given, "Chosen-By-Tech-77\n").unwrap();
    let r = s.run(&["-o", "json", "account", "reset", "t-reset2", "--password-file", given.to_str().unwrap(), "--keep-lock"]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["items"][0]["unlocked"], false);
    assert!(!bind("t-reset2", "Chosen-By-Tech-77").0, "--keep-lock keeps the lock");
    s.run(&["account", "unlock", "t-reset2"]).expect_code(0);
    assert!(bind("t-reset2", "Chosen-By-Tech-77").0);
    // A dry run shows the plan, hides the password, changes nothing.
    let r = s.run(&["-o", "json", "account", "reset", "t-reset2", "--dry-run"]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["items"][0]["changes"][0]["values"][0], "********");
    assert!(bind("t-reset2", "Chosen-By-Tech-77").0);
}

#[test]
fn expiring_and_expired() {
    let s = Setup::new("");
    let r = s.run(&["-o", "json", "account", "expiring", "--days", "14"]);
    r.expect_code(1);
    let logins: Vec<String> =
        r.json()["data"]["accounts"].as_array().unwrap().iter().map(|a| a["login"].as_str().unwrap().to_string()).collect();
    assert!(logins.contains(&"frank".to_string()) && !logins.contains(&"carol".to_string()), "{logins:?}");
    let r = s.run(&["-o", "json", "account", "expired"]);
    r.expect_code(1);
    let logins: Vec<String> =
        r.json()["data"]["accounts"].as_array().unwrap().iter().map(|a| a["login"].as_str().unwrap().to_string()).collect();
    assert!(logins.contains(&"carol".to_string()) && !logins.contains(&"frank".to_string()), "{logins:?}");
    s.run(&["account", "expiring", "--days", "1"]).expect_code(0);
    // Disabled accounts (dave) are left out unless --all, and the list says so.
    let j = s.run(&["-o", "json", "account", "expiring", "--days", "4000"]).json();
    assert!(!crate::util::logins(&j).contains(&"dave".to_string()), "{j}");
    assert!(j["data"]["left_out"]["disabled"].as_u64().unwrap() >= 1, "{j}");
    let table = s.run(&["account", "expiring", "--days", "4000"]);
    assert!(table.stdout.contains("disabled left out; --all lists them"), "{}", table.stdout);
    let all = s.run(&["-o", "json", "account", "expiring", "--days", "4000", "--all"]).json();
    assert_eq!(crate::util::account(&all, "dave")["disabled"], true, "{all}");
}

/// A slapd of the test's own (the shared one must not vanish under other tests),
/// stopped when dropped.
struct OwnLab {
    dir: tempfile::TempDir,
    env: std::collections::HashMap<String, String>,
}

impl OwnLab {
    fn start(bulk: usize) -> Self {
        let dir = tempfile::Builder::new().prefix("dh-own").tempdir_in("/tmp").unwrap();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/lab/slapd");
        let out = Command::new(script).arg("start").arg(dir.path()).env("LAB_BULK_USERS", bulk.to_string()).output().unwrap();
        assert!(out.status.success(), "own lab: {}", String::from_utf8_lossy(&out.stderr));
        let text = std::fs::read_to_string(dir.path().join("env")).unwrap();
        let env = text
            .lines()
            .filter_map(|l| l.strip_prefix("export ")?.split_once('='))
            .map(|(k, v)| (k.to_string(), v.trim_matches(['"', '\'']).to_string()))
            .collect();
        Self { dir, env }
    }

    fn restart(&self) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/lab/slapd");
        let out = Command::new(script).arg("restart").arg(self.dir.path()).output().unwrap();
        assert!(out.status.success(), "restart: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn kill(&self) {
        let pid = std::fs::read_to_string(self.dir.path().join("slapd.pid")).unwrap();
        Command::new("kill").args(["-KILL", pid.trim()]).status().unwrap();
    }

    fn config(&self, state: &std::path::Path) -> PathBuf {
        self.config_with(state, "")
    }

    /// The profile with `extra` (indented profile keys, each line ending in a newline).
    fn config_with(&self, state: &std::path::Path, extra: &str) -> PathBuf {
        let path = state.join("own.yaml");
        std::fs::write(
            &path,
            format!(
                "directories:\n  own:\n    url: {}\n    ca_file: {}\n    base_dn: {}\n    users: ou=people,{}\n    bind_dn: {}\n    password_file: {}\n    timeout: 2s\n{}",
                self.env["DESKHAND_LAB_LDAPS_URI"],
                self.env["DESKHAND_LAB_LDAP_CA"],
                self.env["DESKHAND_LAB_LDAP_BASE"],
                self.env["DESKHAND_LAB_LDAP_BASE"],
                self.env["DESKHAND_LAB_LDAP_BIND_DN"],
                self.env["DESKHAND_LAB_LDAP_PASSWORD_FILE"],
                extra
            ),
        )
        .unwrap();
        path
    }
}

impl Drop for OwnLab {
    fn drop(&mut self) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/lab/slapd");
        let _ = Command::new(script).arg("stop").arg(self.dir.path()).output();
    }
}

/// Starts `cmd` with stdout to the file `stdout` (a pipe would fill and stall a long
/// streamed report), and returns once the audit trail holds `done` lines (or 30 s).
fn start_until_audited(cmd: &mut Command, stdout: &std::path::Path, audit: &std::path::Path, done: usize) -> std::process::Child {
    let child = cmd.stdout(std::fs::File::create(stdout).unwrap()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    let started = std::time::Instant::now();
    while std::fs::read_to_string(audit).map_or(0, |t| t.lines().count()) < done && started.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child
}

/// `account unlock -f LIST --output json` with the config and state directory given.
fn unlock_list(state: &std::path::Path, config: &std::path::Path, list: &std::path::Path) -> Command {
    let mut cmd = deskhand();
    cmd.env("XDG_STATE_HOME", state).args([
        "--config",
        config.to_str().unwrap(),
        "-o",
        "json",
        "account",
        "unlock",
        "-f",
        list.to_str().unwrap(),
    ]);
    cmd
}

/// `account unlock -f` of the lab's bulk users, running, with some accounts done.
struct BulkRun {
    state: tempfile::TempDir,
    config: PathBuf,
    list: PathBuf,
    audit: PathBuf,
    /// Where its stdout goes: a file, not a pipe, which would fill and stall a long
    /// streamed report until the test reads it.
    stdout: PathBuf,
    child: std::process::Child,
}

impl BulkRun {
    /// Waits for the run to end: its exit status, stdout and stderr.
    fn finish(child: std::process::Child, stdout: &std::path::Path) -> std::process::Output {
        let mut out = child.wait_with_output().unwrap();
        out.stdout = std::fs::read(stdout).unwrap();
        out
    }

    fn start(lab: &OwnLab, users: usize) -> Self {
        Self::start_after(lab, users, 20, 1)
    }

    /// Started over `connections` connections, and returned once `done` accounts are
    /// unlocked (audited).
    fn start_after(lab: &OwnLab, users: usize, done: usize, connections: usize) -> Self {
        let state = tempfile::tempdir().unwrap();
        let config = lab.config_with(state.path(), &format!("    connections: {connections}\n"));
        let list = state.path().join("users.txt");
        std::fs::write(&list, (1..=users).map(|i| format!("bulk{i:05}")).collect::<Vec<_>>().join("\n")).unwrap();
        let audit = state.path().join("deskhand/audit.jsonl");
        let stdout = state.path().join("stdout.json");
        let child = start_until_audited(&mut unlock_list(state.path(), &config, &list), &stdout, &audit, done);
        Self { state, config, list, audit, stdout, child }
    }
}

#[test]
fn a_directory_that_goes_away_mid_run() {
    const USERS: usize = 5000;
    let lab = OwnLab::start(USERS);
    let run = BulkRun::start(&lab, USERS);
    // Pull the plug once some accounts are done.
    lab.kill();
    let (state, config, list, audit, child) = (&run.state, &run.config, &run.list, &run.audit, run.child);
    let out = BulkRun::finish(child, &run.stdout);
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let s = &j["data"]["summary"];
    let (changed, not_done) = (s["changed"].as_u64().unwrap(), s["not_done"].as_u64().unwrap());
    assert!(changed >= 20 && not_done > 0, "{s}");
    assert_eq!(s["failed"], 0, "nothing is reported failed that merely was not done: {s}");
    assert_eq!(changed + not_done + s["unchanged"].as_u64().unwrap() + s["unknown"].as_u64().unwrap(), USERS as u64);
    // Every account reported done is done: the audit trail agrees.
    let audited = std::fs::read_to_string(audit).unwrap().lines().filter(|l| l.contains("\"result\":\"ok\"")).count() as u64;
    assert_eq!(audited, changed, "one audit line per change");

    // The directory comes back; the same command finishes the job.
    lab.restart();
    let again = run_cmd(&mut unlock_list(state.path(), config, list));
    again.expect_code(0);
    let s2 = &again.json()["data"]["summary"];
    assert_eq!(s2["changed"].as_u64().unwrap() + s2["unchanged"].as_u64().unwrap(), USERS as u64, "{s2}");
    assert!(s2["unchanged"].as_u64().unwrap() >= changed, "{s2}");
}

/// The uids of the entries under ou=people that match `filter`, asked as the rootdn of
/// `lab`.
fn uids_where(lab: &OwnLab, filter: &str) -> std::collections::HashSet<String> {
    let env = &lab.env;
    let base = format!("ou=people,{}", env["DESKHAND_LAB_LDAP_BASE"]);
    let args = [
        "-x",
        "-LLL",
        "-o",
        "ldif-wrap=no",
        "-H",
        env["DESKHAND_LAB_LDAPS_URI"].as_str(),
        "-D",
        env["DESKHAND_LAB_LDAP_ADMIN_DN"].as_str(),
        "-y",
        env["DESKHAND_LAB_LDAP_ADMIN_PASSWORD_FILE"].as_str(),
        "-b",
        base.as_str(),
        filter,
        "uid",
    ];
    let (ok, out) = crate::util::ldap_tool("ldapsearch", &args, None, &env["DESKHAND_LAB_LDAP_CA"]);
    assert!(ok, "{out}");
    out.lines().filter_map(|l| l.strip_prefix("uid: ")).map(ToString::to_string).collect()
}

/// The bulk users the directory holds locked.
fn locked_now(lab: &OwnLab) -> std::collections::HashSet<String> {
    uids_where(lab, "(&(uid=bulk*)(pwdAccountLockedTime=*))")
}

/// The directory is killed while unlocks are in flight, at different moments of the
/// run, on one connection and spread over a pool of three; every item's reported result
/// is then compared with what the directory holds: changed => unlocked, not done =>
/// still locked, unknown (sent, no answer) => either. The audit trail says the same of
/// each, and a rerun finishes the job.
#[test]
fn after_a_kill_every_item_says_what_the_directory_holds() {
    const USERS: usize = 3000;
    let mut unknown_seen = 0;
    for (at, connections) in [(20, 1), (300, 3), (1200, 1), (2500, 3), (700, 2)] {
        let lab = OwnLab::start(USERS);
        let run = BulkRun::start_after(&lab, USERS, at, connections);
        // How the messages below name this moment.
        let done = format!("{at} on {connections} connection(s)");
        lab.kill();
        let (state, config, list, audit) = (&run.state, &run.config, &run.list, &run.audit);
        let out = BulkRun::finish(run.child, &run.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        let j: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
        let s = &j["data"]["summary"];
        let n = |k: &str| s[k].as_u64().unwrap_or_else(|| panic!("summary.{k}: {s}"));
        assert_eq!(n("failed"), 0, "after {done}: nothing that merely got no answer is called failed: {s}");
        assert_eq!(n("changed") + n("unchanged") + n("not_done") + n("unknown"), USERS as u64, "after {done}: {s}");
        let want = if n("unknown") > 0 { "unknown" } else { "incomplete" };
        assert_eq!(j["outcome"], want, "after {done}: {s}");
        assert_eq!(out.status.code(), Some(3), "after {done}: {stderr}");
        unknown_seen += n("unknown");
        eprintln!("killed after {done}: {s}");

        lab.restart();
        let locked = locked_now(&lab);
        let audit_text = std::fs::read_to_string(audit).unwrap();
        let audited = |dn: &str, result: &str| {
            audit_text.lines().any(|l| l.contains(&format!("\"target\":\"{dn}\"")) && l.contains(&format!("\"result\":\"{result}")))
        };
        let items = j["data"]["items"].as_array().unwrap();
        assert_eq!(items.len(), USERS);
        for item in items {
            let user = item["user"].as_str().unwrap();
            let dn = item["dn"].as_str().unwrap_or_default();
            match item["result"].as_str().unwrap() {
                "changed" => {
                    assert!(!locked.contains(user), "after {done}: {user} is reported unlocked but is locked");
                    assert!(audited(dn, "ok"), "after {done}: {user}'s unlock is audited");
                }
                "not_done" => {
                    assert!(locked.contains(user), "after {done}: {user} is reported not done but is unlocked");
                    let dn = format!("uid={user},");
                    let sent = audit_text.lines().any(|l| l.contains(&dn) && !l.contains("\"result\":\"not done"));
                    assert!(!sent, "after {done}: {user} was never sent, and the audit trail says so");
                }
                "unknown" => {
                    assert_eq!(item["status"], "sent, no answer: the rerun will settle it");
                    assert!(audited(dn, "unknown"), "after {done}: {user}'s unknown outcome is audited");
                }
                other => panic!("after {done}: {user}: {other}"),
            }
        }

        // The rerun settles every unknown and finishes the job.
        let again = run_cmd(&mut unlock_list(state.path(), config, list));
        again.expect_code(0);
        assert!(locked_now(&lab).is_empty(), "after {done}: the rerun unlocked everyone");
    }
    assert!(unknown_seen > 0, "some kill landed while unlocks were in flight");
}

/// The same for onboarding: the directory is killed while new accounts are being
/// added, at different moments; a row reported created exists, one not done does not,
/// an unknown one may; the rerun (with a new password file) finishes the job.
#[test]
fn after_a_kill_every_onboarded_row_says_what_the_directory_holds() {
    const ROWS: usize = 1000;
    let mut unknown_seen = 0;
    for done in [5, 300, 700] {
        let lab = OwnLab::start(0);
        let state = tempfile::tempdir().unwrap();
        let config = lab.config(state.path());
        let text = std::fs::read_to_string(&config).unwrap()
            + "    templates:\n      plain:\n        object_classes: [inetOrgPerson, posixAccount]\n        attributes:\n          uidNumber: \"{next_uid}\"\n          gidNumber: \"10000\"\n          homeDirectory: /home/{login}\n";
        std::fs::write(&config, text).unwrap();
        let csv = state.path().join("hires.csv");
        let rows: String = (1..=ROWS).map(|i| format!("Hire{i},Kill,hire{i:04}")).collect::<Vec<_>>().join("\n");
        std::fs::write(&csv, format!("first,last,login\n{rows}\n")).unwrap();
        let audit = state.path().join("deskhand/audit.jsonl");
        let stdout = state.path().join("stdout.json");
        let onboard = |passwords: &str| {
            let mut cmd = deskhand();
            cmd.env("XDG_STATE_HOME", state.path()).args([
                "--config",
                config.to_str().unwrap(),
                "-o",
                "json",
                "account",
                "onboard",
                "-f",
                csv.to_str().unwrap(),
                "--template",
                "plain",
                "--password-out",
                state.path().join(passwords).to_str().unwrap(),
            ]);
            cmd
        };
        let child = start_until_audited(&mut onboard("first.pw"), &stdout, &audit, done);
        lab.kill();
        let out = BulkRun::finish(child, &stdout);
        assert_eq!(out.status.code(), Some(3), "after {done}: {}", String::from_utf8_lossy(&out.stderr));
        let j: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
        let s = &j["data"]["summary"];
        eprintln!("onboard killed after {done}: {s}");
        let n = |k: &str| s[k].as_u64().unwrap_or_else(|| panic!("summary.{k}: {s}"));
        assert_eq!(n("created") + n("not_done") + n("unknown") + n("failed"), ROWS as u64, "after {done}: {s}");
        unknown_seen += n("unknown");

        lab.restart();
        let there = uids_where(&lab, "(uid=hire*)");
        let passwords = std::fs::read_to_string(state.path().join("first.pw")).unwrap_or_default();
        for item in j["data"]["items"].as_array().unwrap() {
            let login = item["login"].as_str().unwrap();
            match item["result"].as_str().unwrap() {
                "created" => {
                    assert!(there.contains(login), "after {done}: {login} reported created, not there");
                    assert!(passwords.contains(&format!("{login}\t")), "after {done}: {login}'s password was handed over");
                }
                "not done" => assert!(!there.contains(login), "after {done}: {login} reported not done, but there"),
                "unknown" => {}
                // Added, then the directory went before its password could be sent: it
                // is there, and the row says so and what to do.
                "failed" => {
                    assert!(there.contains(login), "after {done}: {login}: {item}");
                    assert!(item["detail"].as_str().unwrap().contains("account reset"), "after {done}: {item}");
                }
                other => panic!("after {done}: {login}: {other}: {item}"),
            }
        }
        let again = run_cmd(&mut onboard("second.pw"));
        again.expect_code(0);
        assert_eq!(uids_where(&lab, "(uid=hire*)").len(), ROWS, "after {done}: the rerun created the rest");
    }
    assert!(unknown_seen > 0, "some kill landed while adds were in flight");
}

/// The same for password resets, one account after another: a reset reported done is
/// set (pwdReset) and its password handed over; one not done is untouched and has no
/// password line; an unknown one has its password handed over all the same (it may be
/// the one set).
#[test]
fn after_a_kill_every_reset_says_what_the_directory_holds() {
    const USERS: usize = 600;
    for done in [10, 250] {
        let lab = OwnLab::start(USERS);
        let state = tempfile::tempdir().unwrap();
        let config = lab.config(state.path());
        let list = state.path().join("users.txt");
        std::fs::write(&list, (1..=USERS).map(|i| format!("bulk{i:05}")).collect::<Vec<_>>().join("\n")).unwrap();
        let (audit, stdout) = (state.path().join("deskhand/audit.jsonl"), state.path().join("stdout.json"));
        let reset = |passwords: &str| {
            let mut cmd = deskhand();
            cmd.env("XDG_STATE_HOME", state.path()).args([
                "--config",
                config.to_str().unwrap(),
                "-o",
                "json",
                "account",
                "reset",
                "-f",
                list.to_str().unwrap(),
                "--password-out",
                state.path().join(passwords).to_str().unwrap(),
            ]);
            cmd
        };
        let child = start_until_audited(&mut reset("first.pw"), &stdout, &audit, done);
        lab.kill();
        let out = BulkRun::finish(child, &stdout);
        assert_eq!(out.status.code(), Some(3), "after {done}: {}", String::from_utf8_lossy(&out.stderr));
        let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        lab.restart();
        let set = uids_where(&lab, "(&(uid=bulk*)(pwdReset=TRUE))");
        let passwords = std::fs::read_to_string(state.path().join("first.pw")).unwrap();
        let mut counts = std::collections::BTreeMap::<String, usize>::new();
        for item in j["data"]["items"].as_array().unwrap() {
            let user = item["user"].as_str().unwrap();
            let result = item["result"].as_str().unwrap();
            *counts.entry(result.to_string()).or_default() += 1;
            let handed = passwords.contains(&format!("{user}\t"));
            match result {
                "reset" => assert!(set.contains(user) && handed, "after {done}: {user}: {item}"),
                "not done" => assert!(!set.contains(user) && !handed, "after {done}: {user}: {item}"),
                "unknown" => assert!(handed, "after {done}: {user}'s password is handed over: {item}"),
                other => panic!("after {done}: {user}: {other}: {item}"),
            }
        }
        eprintln!("reset killed after {done}: {counts:?}");
        assert_eq!(counts.values().sum::<usize>(), USERS);
        run_cmd(&mut reset("second.pw")).expect_code(0);
        assert_eq!(uids_where(&lab, "(&(uid=bulk*)(pwdReset=TRUE))").len(), USERS, "after {done}: the rerun reset everyone");
    }
}

/// Offboarding too: a leaver in 400 groups, the directory killed while the leave steps
/// run, at different moments; each step's result is compared with the directory (done
/// => no longer a member, not done => still one, unknown => either), and the rerun
/// finishes the job.
#[test]
fn after_a_kill_every_offboard_step_says_what_the_directory_holds() {
    const GROUPS: usize = 400;
    for done in [3, 150] {
        let lab = OwnLab::start(0);
        let env = &lab.env;
        let base = env["DESKHAND_LAB_LDAP_BASE"].clone();
        let leaver = format!("uid=leaver,ou=people,{base}");
        let mut ldif =
            format!("dn: {leaver}\nobjectClass: inetOrgPerson\nuid: leaver\ncn: Leaver\nsn: Leaver\nuserPassword: Leaver-Pass-2026\n\n");
        for g in 0..GROUPS {
            let _ = write!(
                ldif,
                "dn: cn=team{g:03},ou=groups,{base}\nobjectClass: groupOfNames\ncn: team{g:03}\nmember: {leaver}\nmember: uid=alice,ou=people,{base}\n\n"
            );
        }
        let admin = [
            "-x",
            "-H",
            env["DESKHAND_LAB_LDAPS_URI"].as_str(),
            "-D",
            env["DESKHAND_LAB_LDAP_ADMIN_DN"].as_str(),
            "-y",
            env["DESKHAND_LAB_LDAP_ADMIN_PASSWORD_FILE"].as_str(),
        ];
        let (ok, out) = crate::util::ldap_tool("ldapadd", &admin, Some(&ldif), &env["DESKHAND_LAB_LDAP_CA"]);
        assert!(ok, "{out}");
        let state = tempfile::tempdir().unwrap();
        let config = lab.config(state.path());
        let text = std::fs::read_to_string(&config).unwrap() + &format!("    disabled: ou=disabled,{base}\n");
        std::fs::write(&config, text).unwrap();
        let (audit, stdout) = (state.path().join("deskhand/audit.jsonl"), state.path().join("stdout.json"));
        let offboard = || {
            let mut cmd = deskhand();
            cmd.env("XDG_STATE_HOME", state.path()).args([
                "--config",
                config.to_str().unwrap(),
                "-o",
                "json",
                "account",
                "offboard",
                "leaver",
                "--yes",
            ]);
            cmd
        };
        let child = start_until_audited(&mut offboard(), &stdout, &audit, done);
        lab.kill();
        let out = BulkRun::finish(child, &stdout);
        assert_eq!(out.status.code(), Some(3), "after {done}: {}", String::from_utf8_lossy(&out.stderr));
        let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        lab.restart();
        // The groups that still have the leaver, asked as the rootdn.
        let (groups_base, filter) = (format!("ou=groups,{base}"), format!("(member={leaver})"));
        let search = [&admin[..], &["-LLL", "-b", groups_base.as_str(), filter.as_str(), "cn"]].concat();
        let (ok, listing) = crate::util::ldap_tool("ldapsearch", &search, None, &env["DESKHAND_LAB_LDAP_CA"]);
        assert!(ok, "{listing}");
        let still: std::collections::HashSet<String> =
            listing.lines().filter_map(|l| l.strip_prefix("cn: ")).map(ToString::to_string).collect();
        let mut counts = std::collections::BTreeMap::<String, usize>::new();
        for step in j["data"]["steps"].as_array().unwrap() {
            let name = step["step"].as_str().unwrap();
            let result = step["result"].as_str().unwrap();
            *counts.entry(result.to_string()).or_default() += 1;
            let Some(group) = name.strip_prefix("leave cn=").and_then(|g| g.split(',').next()) else { continue };
            match result {
                "done" => assert!(!still.contains(group), "after {done}: left {group}, but still a member"),
                "not done" => assert!(still.contains(group), "after {done}: {group} not done, but no longer a member"),
                "unknown" => {}
                other => panic!("after {done}: {name}: {other}: {step}"),
            }
        }
        eprintln!("offboard killed after {done}: {counts:?}");
        assert_eq!(j["outcome"], if counts.contains_key("unknown") { "unknown" } else { "incomplete" });
        let again = run_cmd(&mut offboard());
        again.expect_code(0);
        let (_, listing) = crate::util::ldap_tool("ldapsearch", &search, None, &env["DESKHAND_LAB_LDAP_CA"]);
        assert!(!listing.contains("cn: team"), "after {done}: the rerun left every group: {listing}");
    }
}

#[test]
fn review_fixes_keep_holding() {
    let s = Setup::new("");
    let l = lab();
    // A DN must name a user account, never the service account or a group.
    let r = s.run(&["account", "reset", &l.bind_dn, "--dry-run"]);
    r.expect_code(2);
    assert!(r.stderr.contains("service account"), "{}", r.stderr);
    let group = format!("cn=vpn,ou=groups,{}", l.base);
    let r = s.run(&["-o", "json", "account", "disable", &group, "--dry-run"]);
    r.expect_code(1);
    assert_eq!(r.json()["data"]["items"][0]["result"], "refused");

    // A bad line fails alone; the rest of the batch goes on (exit 1, not 3).
    let list = s.dir.path().join("mixed.txt");
    std::fs::write(&list, "a=b\nalice\ncn=John Smith,ou=people,dc=lab,dc=test\n").unwrap();
    let r = s.run(&["-o", "json", "account", "unlock", "-f", list.to_str().unwrap(), "--dry-run"]);
    r.expect_code(1);
    let j = r.json();
    let items = j["data"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "a DN with a space is one entry");
    assert_eq!(items[1]["result"], "unchanged");
    assert_eq!(j["data"]["summary"]["not_done"], 0);

    // --password-out never overwrites, never follows a symlink.
    let existing = s.dir.path().join("existing.txt");
    std::fs::write(&existing, "keep me").unwrap();
    let r = s.run(&["account", "reset", "alice", "--password-out", existing.to_str().unwrap()]);
    r.expect_code(2);
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
    let link = s.dir.path().join("link.pw");
    std::os::unix::fs::symlink(&existing, &link).unwrap();
    s.run(&["account", "reset", "alice", "--password-out", link.to_str().unwrap()]).expect_code(2);
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
    assert!(bind("alice", "Alice-Lab-2026").0, "alice's password is unchanged");

    // No audit trail, no change.
    add_user("t-noaudit", "NoAudit-Pass-2026");
    lock("t-noaudit");
    let blocked = s.dir.path().join("not-a-dir");
    std::fs::write(&blocked, "").unwrap();
    let r = run_cmd(s.cmd().env("XDG_STATE_HOME", &blocked).args(["account", "unlock", "t-noaudit"]));
    r.expect_code(3);
    assert!(r.stderr.contains("audit trail"), "{}", r.stderr);
    assert!(!bind("t-noaudit", "NoAudit-Pass-2026").0, "still locked: nothing changed without an audit trail");
}

#[test]
fn ctrl_c_in_a_bulk_change_reports_what_was_done() {
    const USERS: usize = 4000;
    let lab = OwnLab::start(USERS);
    let run = BulkRun::start(&lab, USERS);
    let (audit, child) = (&run.audit, run.child);
    let stdout = run.stdout.clone();
    Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let out = BulkRun::finish(child, &stdout);
    assert_eq!(out.status.code(), Some(130), "{}", String::from_utf8_lossy(&out.stderr));
    // Still one JSON document, saying what was done.
    let j: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    assert_eq!(j["outcome"], "interrupted");
    let s = &j["data"]["summary"];
    let (changed, not_done) = (s["changed"].as_u64().unwrap(), s["not_done"].as_u64().unwrap());
    assert!(changed >= 20 && not_done > 0, "{s}");
    assert_eq!(j["data"]["items"].as_array().unwrap().len(), USERS);
    let audited = std::fs::read_to_string(audit).unwrap().lines().filter(|l| l.contains("\"result\":\"ok\"")).count() as u64;
    assert_eq!(audited, changed);
}

#[test]
fn many_users_at_once_for_reset_and_groups() {
    let s = Setup::new("");
    for u in ["t-many1", "t-many2"] {
        add_user(u, "Many-Pass-2026");
        lock(u);
        // A rerun on the same lab: posixGroup's memberUid outlives the entry.
        s.run(&["account", "group", "remove", u, "developers"]);
    }
    let out = s.dir.path().join("passwords.tsv");
    let r = s.run(&["-o", "json", "account", "reset", "t-many1", "t-many2", "no-such-user", "--password-out", out.to_str().unwrap()]);
    r.expect_code(1);
    let j = r.json();
    let results: Vec<&str> = j["data"]["items"].as_array().unwrap().iter().map(|i| i["result"].as_str().unwrap()).collect();
    assert_eq!(results, ["reset", "reset", "failed"]);
    // One "login<TAB>password" line per account, and each works (must change).
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    for line in text.lines() {
        let (login, pw) = line.split_once('\t').unwrap();
        let (ok, said) = bind(login, pw);
        assert!(ok && said.contains("must be changed"), "{login}: {said}");
    }
    assert!(!r.stdout.contains(text.lines().next().unwrap().split('\t').nth(1).unwrap()));

    // group add -f: every argument is a group.
    let users = s.dir.path().join("users.txt");
    std::fs::write(&users, "t-many1\nt-many2\n").unwrap();
    let r = s.run(&["-o", "json", "account", "group", "add", "-f", users.to_str().unwrap(), "vpn", "developers"]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["summary"]["changed"], 4, "{}", r.stdout);
    assert_eq!(s.run(&["-o", "json", "account", "groups", "t-many2"]).json()["data"]["groups"], serde_json::json!(["developers", "vpn"]));
    s.run(&["account", "group", "add", "t-many1"]).expect_code(2);
}

#[test]
fn disable_by_end_time_when_the_profile_says_so() {
    let s = Setup::new("disable_method: end_time");
    add_user("t-endtime", "EndTime-Pass-2026");
    let r = s.run(&["-o", "json", "account", "disable", "t-endtime"]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["items"][0]["changes"][0]["attr"], "pwdEndTime");
    assert!(!bind("t-endtime", "EndTime-Pass-2026").0, "past its end time, the account cannot bind");
    let show = s.run(&["-o", "json", "account", "show", "t-endtime"]);
    show.expect_code(1);
    assert_eq!(show.json()["data"]["state"]["account_expired"], true);
    assert_eq!(s.run(&["-o", "json", "account", "disable", "t-endtime"]).json()["data"]["items"][0]["status"], "already disabled");
    s.run(&["account", "enable", "t-endtime"]).expect_code(0);
    assert!(bind("t-endtime", "EndTime-Pass-2026").0, "enabled again");
}

/// `--all-servers` against a profile whose second server is down: the reachable server
/// still answers, the other is a row with its error, and the exit says incomplete (3).
/// A profile without other servers is a usage error, not a silent single-server answer.
#[test]
fn all_servers_reports_an_unreachable_server_as_such() {
    // Port 1 on loopback refuses at once.
    let setup = Setup::new("servers: [ldaps://127.0.0.1:1]");
    let shown = setup.run(&["-o", "json", "account", "show", "alice", "--all-servers"]);
    shown.expect_code(3);
    let servers = shown.json()["data"]["servers"].as_array().cloned().unwrap_or_default();
    assert_eq!(servers.len(), 2, "{}", shown.stdout);
    assert_eq!((servers[0]["locked"].as_bool(), servers[0]["error"].is_null()), (Some(false), true), "{}", shown.stdout);
    assert_eq!(servers[1]["server"], "ldaps://127.0.0.1:1");
    assert!(servers[1]["error"].as_str().is_some_and(|e| !e.is_empty()), "{}", shown.stdout);
    let table = setup.run(&["account", "show", "alice", "--all-servers"]);
    assert!(table.stdout.contains("could not be asked"), "{}", table.stdout);

    // Unlock on all servers: per-item results for each server, the dead one not done.
    let unlock = setup.run(&["-o", "json", "account", "unlock", "alice", "--all-servers", "--dry-run"]);
    unlock.expect_code(3);
    let items = unlock.json()["data"]["items"].as_array().cloned().unwrap_or_default();
    let per: Vec<(String, String)> =
        items.iter().map(|i| (i["server"].as_str().unwrap_or("").to_string(), i["result"].as_str().unwrap_or("").to_string())).collect();
    assert_eq!(per, vec![(lab().ldaps, "unchanged".to_string()), ("ldaps://127.0.0.1:1".to_string(), "not_done".to_string())]);

    let none = Setup::new("");
    let err = none.run(&["account", "show", "alice", "--all-servers"]);
    err.expect_code(2);
    assert!(err.stderr.contains("servers:"), "{}", err.stderr);
}

/// The lab profile with a `staff` template (posix account, next free uidNumber, the
/// staff group) and the disabled OU for offboarding.
fn lifecycle_setup() -> Setup {
    Setup::new(&format!(
        "disabled: ou=disabled,{base}\ntemplates:\n  staff:\n    object_classes: [inetOrgPerson, posixAccount]\n    attributes:\n      uidNumber: \"{{next_uid}}\"\n      gidNumber: \"10000\"\n      homeDirectory: /home/{{login}}\n      description: \"{{dept}}\"\n    groups: [staff]\n",
        base = lab().base
    ))
}

fn admin_delete(dns: &[String]) {
    let l = lab();
    let mut args = vec!["-x", "-c", "-H", &l.ldaps, "-D", &l.admin_dn, "-y", &l.admin_password_file];
    args.extend(dns.iter().map(String::as_str));
    let _ = ldap_tool("ldapdelete", &args, None);
}

/// The entry's user attributes (and the lock) as sorted LDIF lines, and the groups that
/// hold it, as the administrator sees them: what "restored exactly" compares.
fn entry_state(dn_: &str, login: &str) -> (Vec<String>, Vec<String>) {
    let l = lab();
    let (ok, out) = ldap_tool(
        "ldapsearch",
        &[
            "-x",
            "-LLL",
            "-o",
            "ldif-wrap=no",
            "-H",
            &l.ldaps,
            "-D",
            &l.admin_dn,
            "-y",
            &l.admin_password_file,
            "-b",
            dn_,
            "-s",
            "base",
            "*",
            "pwdAccountLockedTime",
            "pwdPolicySubentry",
        ],
        None,
    );
    let mut attrs: Vec<String> = if ok { out.lines().map(ToString::to_string).filter(|l| !l.is_empty()).collect() } else { vec![] };
    attrs.sort();
    let filter = format!("(|(member={dn_})(uniqueMember={dn_})(memberUid={login}))");
    let (_, groups) = ldap_tool(
        "ldapsearch",
        &["-x", "-LLL", "-H", &l.ldaps, "-D", &l.admin_dn, "-y", &l.admin_password_file, "-b", &l.base, &filter, "1.1"],
        None,
    );
    let mut groups: Vec<String> = groups.lines().filter(|l| l.starts_with("dn:")).map(ToString::to_string).collect();
    groups.sort();
    (attrs, groups)
}

#[test]
fn create_from_a_template_copies_groups_and_must_change() {
    let s = lifecycle_setup();
    admin_delete(&[dn("tcreate"), dn("tcreate2")]);
    // A dry run shows the entry and changes nothing.
    let dry = s.run(&[
        "-o",
        "json",
        "account",
        "create",
        "--first",
        "Tessa",
        "--last",
        "Create",
        "--template",
        "staff",
        "--set",
        "dept=Sales",
        "--dry-run",
    ]);
    dry.expect_code(0);
    let d = &dry.json()["data"];
    assert_eq!((d["result"].as_str(), d["login"].as_str()), (Some("would create"), Some("tcreate")), "{}", dry.stdout);
    assert_eq!(d["attributes"]["homeDirectory"][0], "/home/tcreate");
    assert!(d["attributes"]["uidNumber"][0].as_str().unwrap().parse::<u32>().unwrap() >= 10_000);
    assert!(entry_state(&dn("tcreate"), "tcreate").0.is_empty(), "a dry run created the entry");

    let pw = s.dir.path().join("tcreate.pw");
    let r = s.run(&[
        "-o",
        "json",
        "account",
        "create",
        "--first",
        "Tessa",
        "--last",
        "Create",
        "--mail",
        "tessa@lab.test",
        "--template",
        "staff",
        "--set",
        "dept=Sales",
        "--copy-from",
        "alice",
        "--password-out",
        pw.to_str().unwrap(),
        "--ticket",
        "HR-1",
    ]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["result"], "created", "{}", r.stdout);
    assert!(!r.stdout.contains(std::fs::read_to_string(&pw).unwrap().trim()), "the password is in the JSON");
    let password = std::fs::read_to_string(&pw).unwrap().trim().to_string();
    assert_eq!(std::fs::metadata(&pw).unwrap().permissions().mode() & 0o777, 0o600);
    // The new user logs in with the temporary password and is told to change it.
    let (ok, said) = bind("tcreate", &password);
    assert!(ok && said.contains("must be changed"), "{said}");
    // The template's group and every group of the colleague.
    let alice = s.run(&["-o", "json", "account", "groups", "alice"]).json()["data"]["groups"].clone();
    let mine = s.run(&["-o", "json", "account", "groups", "tcreate"]).json()["data"]["groups"].clone();
    for g in alice.as_array().unwrap() {
        assert!(mine.as_array().unwrap().contains(g), "{g} missing from {mine}");
    }
    assert!(mine.to_string().contains("staff"), "{mine}");
    assert!(s.audit().contains("\"action\":\"create\"") && s.audit().contains("HR-1"), "{}", s.audit());

    // Again: the same person exists already; a different person gets the next login.
    let again = s.run(&[
        "-o",
        "json",
        "account",
        "create",
        "--first",
        "Tessa",
        "--last",
        "Create",
        "--template",
        "staff",
        "--set",
        "dept=Sales",
        "--dry-run",
    ]);
    again.expect_code(0);
    assert_eq!(again.json()["data"]["result"], "exists", "{}", again.stdout);
    let other = s.run(&[
        "-o",
        "json",
        "account",
        "create",
        "--first",
        "Tom",
        "--last",
        "Create",
        "--template",
        "staff",
        "--set",
        "dept=Sales",
        "--dry-run",
    ]);
    assert_eq!(other.json()["data"]["login"], "tcreate2", "{}", other.stdout);
    // Bad input: named, exit 2, nothing made.
    for args in [
        &["account", "create", "--first", "", "--last", "X", "--template", "staff"][..],
        &["account", "create", "2bad", "--first", "A", "--last", "B", "--template", "staff"],
        &["account", "create", "--first", "A", "--last", "B", "--template", "nosuch"],
        &["account", "create", "--first", "A", "--last", "B", "--mail", "nomail", "--template", "staff"],
    ] {
        let e = s.run(args);
        e.expect_code(2);
        assert!(e.stderr.contains("hint:") || e.stderr.contains("error:"), "{}", e.stderr);
    }
}

#[test]
fn onboard_fifty_from_csv_then_a_rerun_does_nothing() {
    let s = lifecycle_setup();
    let logins: Vec<String> = (1..=50).map(|i| format!("onb{i:03}")).collect();
    admin_delete(&logins.iter().map(|l| dn(l)).collect::<Vec<_>>());
    let mut csv = String::from("First Name,Last Name,login,email,dept\n");
    for (i, l) in logins.iter().enumerate() {
        let _ = writeln!(csv, "Onb{i},\"Batch, {i}\",{l},{l}@lab.test,IT");
    }
    let file = s.dir.path().join("hires.csv");
    std::fs::write(&file, &csv).unwrap();
    // A file with bad rows creates nothing, and names every bad line.
    let bad = s.dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "first,last,login,dept\nGood,Row,onbgood,IT\n,Nofirst,onbx,IT\nDup,Row,onbgood,IT\nLong,Row,onby,".to_string()
            + &"x".repeat(300)
            + "\n",
    )
    .unwrap();
    let e = s.run(&["account", "onboard", "-f", bad.to_str().unwrap(), "--template", "staff"]);
    e.expect_code(2);
    for want in ["line 3", "line 4", "line 5"] {
        assert!(e.stderr.contains(want), "{want}: {}", e.stderr);
    }
    assert!(entry_state(&dn("onbgood"), "onbgood").0.is_empty(), "a bad file created a row");

    let onboard = |out: &std::path::Path| {
        s.run(&[
            "-o",
            "json",
            "account",
            "onboard",
            "-f",
            file.to_str().unwrap(),
            "--template",
            "staff",
            "--password-out",
            out.to_str().unwrap(),
        ])
    };
    let pw = s.dir.path().join("hires.pw");
    let r = onboard(&pw);
    r.expect_code(0);
    let summary = &r.json()["data"]["summary"];
    assert_eq!((summary["created"].as_u64(), summary["failed"].as_u64()), (Some(50), Some(0)), "{}", r.stdout);
    let lines: Vec<String> = std::fs::read_to_string(&pw).unwrap().lines().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 50);
    for line in [&lines[0], &lines[49]] {
        let (login, password) = line.split_once('\t').unwrap();
        let (ok, said) = bind(login, password);
        assert!(ok && said.contains("must be changed"), "{login}: {said}");
    }
    let (attrs, groups) = entry_state(&dn("onb007"), "onb007");
    assert!(attrs.iter().any(|a| a == "description: IT") && attrs.iter().any(|a| a == "sn: Batch, 6"), "{attrs:?}");
    assert!(groups.iter().any(|g| g.contains("cn=staff")), "{groups:?}");
    // A rerun: every row exists, nothing is created, no password file is left.
    let pw2 = s.dir.path().join("hires2.pw");
    let again = onboard(&pw2);
    again.expect_code(0);
    let summary = &again.json()["data"]["summary"];
    assert_eq!((summary["created"].as_u64(), summary["existed"].as_u64()), (Some(0), Some(50)), "{}", again.stdout);
    assert!(!pw2.exists(), "an empty password file was left");
}

#[test]
fn offboard_then_restore_puts_everything_back() {
    let s = lifecycle_setup();
    admin_delete(&[dn("t-leaver"), format!("uid=t-leaver,ou=disabled,{}", lab().base)]);
    add_user("t-leaver", "Leaver-Pass-2026");
    s.run(&["account", "group", "add", "t-leaver", "staff", "vpn", "developers"]).expect_code(0);
    let before = entry_state(&dn("t-leaver"), "t-leaver");
    assert_eq!(before.1.len(), 3, "{before:?}");

    // A dry run shows the plan and changes nothing; without --yes and a terminal: refused.
    let dry = s.run(&["account", "offboard", "t-leaver", "--dry-run"]);
    dry.expect_code(0);
    assert!(dry.stdout.contains("leave") && dry.stdout.contains("move to"), "{}", dry.stdout);
    s.run(&["account", "offboard", "t-leaver"]).expect_code(2);
    assert_eq!(entry_state(&dn("t-leaver"), "t-leaver"), before);

    let r = s.run(&["-o", "json", "account", "offboard", "t-leaver", "--ticket", "HR-9", "--yes"]);
    r.expect_code(0);
    let record = r.json()["data"]["record"].as_str().unwrap().to_string();
    assert_eq!(std::fs::metadata(&record).unwrap().permissions().mode() & 0o777, 0o600);
    let moved = format!("uid=t-leaver,ou=disabled,{}", lab().base);
    let (attrs, groups) = entry_state(&moved, "t-leaver");
    assert!(groups.is_empty(), "still in {groups:?}");
    assert!(attrs.iter().any(|a| a.starts_with("description: offboarded") && a.contains("HR-9")), "{attrs:?}");
    let (ok, _) = ldap_tool("ldapwhoami", &["-x", "-H", &lab().ldaps, "-D", &moved, "-w", "Leaver-Pass-2026"], None);
    assert!(!ok, "an offboarded account can still log in");
    // Twice is harmless; a second random password does not enable it again (ppolicy
    // lifts every lock, the disabling one too, when a password changes).
    s.run(&["account", "offboard", "t-leaver", "--yes"]).expect_code(0);
    let shown = s.run(&["-o", "json", "account", "show", "t-leaver"]);
    shown.expect_code(1);
    assert_eq!(shown.json()["data"]["dn"], moved.as_str(), "show finds it in the disabled OU: {}", shown.stdout);

    let back = s.run(&["-o", "json", "account", "restore", &record]);
    back.expect_code(0);
    assert_eq!(entry_state(&dn("t-leaver"), "t-leaver"), before, "restore is not exact");
    assert!(bind("t-leaver", "Leaver-Pass-2026").0);
    // Restoring again changes nothing; a junk record is named.
    s.run(&["account", "restore", &record]).expect_code(0);
    assert_eq!(entry_state(&dn("t-leaver"), "t-leaver"), before);
    let junk = s.dir.path().join("junk.json");
    std::fs::write(&junk, "{\"schema\":\"x\"}").unwrap();
    let e = s.run(&["account", "restore", junk.to_str().unwrap()]);
    e.expect_code(2);
    assert!(e.stderr.contains("junk.json"), "{}", e.stderr);

    // Offboarded twice with a random password, the first time while locked out by bad
    // passwords: neither password change enables it again (ppolicy lifts a lock the
    // entry had before the change, the disabling one too).
    lock("t-leaver");
    for _ in 0..2 {
        s.run(&["account", "offboard", "t-leaver", "--yes", "--reset-password"]).expect_code(0);
        let shown = s.run(&["-o", "json", "account", "show", "t-leaver"]);
        shown.expect_code(1);
        assert_eq!(shown.json()["data"]["state"]["disabled"], true, "{}", shown.stdout);
    }
}

#[test]
fn offboard_holds_back_a_group_it_is_the_last_member_of() {
    let s = lifecycle_setup();
    let l = lab();
    let solo = format!("cn=t-solo,ou=groups,{}", l.base);
    let moved = format!("uid=t-solo,ou=disabled,{}", l.base);
    admin_delete(&[solo.clone(), dn("t-solo"), moved.clone()]);
    add_user("t-solo", "Solo-Pass-2026");
    let admin = ["-x", "-H", l.ldaps.as_str(), "-D", l.admin_dn.as_str(), "-y", l.admin_password_file.as_str()];
    let group = format!("dn: {solo}\nobjectClass: groupOfUniqueNames\ncn: t-solo\nuniqueMember: {}\n", dn("t-solo"));
    let (ok, out) = ldap_tool("ldapadd", &admin, Some(&group));
    assert!(ok, "{out}");
    s.run(&["account", "group", "add", "t-solo", "staff"]).expect_code(0);
    let before = entry_state(&dn("t-solo"), "t-solo");

    // `group remove` refuses to empty the group, up front, and says what to do.
    let refused = s.run(&["-o", "json", "account", "group", "remove", "t-solo", "t-solo"]);
    refused.expect_code(1);
    assert!(refused.stdout.contains("last member") && refused.stdout.contains("add another member"), "{}", refused.stdout);

    // The plan shows it held back, and the move with it.
    let dry = s.run(&["account", "offboard", "t-solo", "--dry-run"]);
    dry.expect_code(0);
    assert!(dry.stdout.contains("held back") && dry.stdout.contains("leave cn=staff"), "{}", dry.stdout);
    // The rest is done: disabled, out of staff; it stays where it is (no stale DN in
    // t-solo), and the exit says not everything was.
    let r = s.run(&["-o", "json", "account", "offboard", "t-solo", "--yes"]);
    r.expect_code(1);
    let first_record = r.json()["data"]["record"].as_str().unwrap().to_string();
    let steps = r.json()["data"]["steps"].clone();
    let result = |prefix: &str| {
        steps.as_array().unwrap().iter().find(|st| st["step"].as_str().unwrap().starts_with(prefix)).map(|st| st["result"].clone())
    };
    assert_eq!(result("disable"), Some("done".into()), "{steps}");
    assert_eq!(result("leave cn=staff"), Some("done".into()), "{steps}");
    assert_eq!(result("leave cn=t-solo"), Some("held back".into()), "{steps}");
    assert_eq!(result("move to"), Some("held back".into()), "{steps}");
    let (_, groups) = entry_state(&dn("t-solo"), "t-solo");
    assert_eq!(groups, vec![format!("dn: {solo}")]);
    assert!(!bind("t-solo", "Solo-Pass-2026").0, "a held-back offboarding left the account able to log in");
    // A rerun with the group unchanged does nothing more and still says no.
    let again = s.run(&["account", "offboard", "t-solo", "--yes"]);
    again.expect_code(1);
    assert!(again.stdout.contains("held back"), "{}", again.stdout);
    // Once the group has another member (a DN of this test's own: other tests copy
    // the lab users' groups), a rerun finishes the job.
    let keeper = format!("uid=t-solo-keeper,ou=people,{}", l.base);
    let add = format!("dn: {solo}\nchangetype: modify\nadd: uniqueMember\nuniqueMember: {keeper}\n");
    let (ok, out) = ldap_tool("ldapmodify", &admin, Some(&add));
    assert!(ok, "{out}");
    let done = s.run(&["-o", "json", "account", "offboard", "t-solo", "--yes"]);
    done.expect_code(0);
    let second_record = done.json()["data"]["record"].as_str().unwrap().to_string();
    let (attrs, groups) = entry_state(&moved, "t-solo");
    assert!(!attrs.is_empty() && groups.is_empty(), "{attrs:?} {groups:?}");
    // Undone newest first, the two records put everything back.
    s.run(&["account", "restore", &second_record]).expect_code(0);
    s.run(&["account", "restore", &first_record]).expect_code(0);
    assert_eq!(entry_state(&dn("t-solo"), "t-solo"), before, "the two restores are not exact");
    admin_delete(&[solo, dn("t-solo")]);
}

#[test]
fn onboard_copies_a_colleagues_groups_per_row() {
    let s = lifecycle_setup();
    admin_delete(&[dn("t-cpy1"), dn("t-cpy2"), dn("t-cpy3")]);
    let file = s.dir.path().join("team.csv");
    std::fs::write(
        &file,
        "first,last,login,dept,copy_from\nCo,Py,t-cpy1,IT,alice\nCo,Pz,t-cpy2,IT,alice\nNo,Body,t-cpy3,IT,nosuchperson\n",
    )
    .unwrap();
    let pw = s.dir.path().join("team.pw");
    let r = s.run(&[
        "-o",
        "json",
        "account",
        "onboard",
        "-f",
        file.to_str().unwrap(),
        "--template",
        "staff",
        "--password-out",
        pw.to_str().unwrap(),
    ]);
    // The row whose colleague does not exist fails alone, and says why.
    r.expect_code(1);
    let j = r.json();
    assert_eq!((j["data"]["summary"]["created"].as_u64(), j["data"]["summary"]["failed"].as_u64()), (Some(2), Some(1)), "{}", r.stdout);
    assert!(j["data"]["items"][2]["detail"].as_str().unwrap_or_default().contains("copy_from"), "{}", r.stdout);
    let alice = s.run(&["-o", "json", "account", "groups", "alice"]).json()["data"]["groups"].clone();
    for login in ["t-cpy1", "t-cpy2"] {
        let mine = s.run(&["-o", "json", "account", "groups", login]).json()["data"]["groups"].clone();
        for g in alice.as_array().unwrap() {
            assert!(mine.as_array().unwrap().contains(g), "{login}: {g} missing from {mine}");
        }
    }
    admin_delete(&[dn("t-cpy1"), dn("t-cpy2")]);
}
