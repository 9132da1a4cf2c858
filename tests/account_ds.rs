//! `account` against a real 389 Directory Server (scripts/lab/ds389): the same scenarios
//! as on OpenLDAP and AD, proven with real binds over LDAPS.

use crate::util::{Run, deskhand, run_cmd};
use std::fmt::Write as _;

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run the tests through scripts/test, which starts scripts/lab/ds389"))
}

struct Setup {
    dir: tempfile::TempDir,
    config: std::path::PathBuf,
}

impl Setup {
    fn new() -> Self {
        Self::with_users("ou=people,")
    }

    /// Users under `PREFIX` + the base (`""`: the whole tree, services too).
    fn with_users(prefix: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.yaml");
        let base = var("DESKHAND_LAB_DS_BASE");
        let text = format!(
            "directories:\n  ds:\n    url: {}\n    ca_file: {}\n    base_dn: {base}\n    users: {prefix}{base}\n    groups: ou=groups,{base}\n    bind_dn: {}\n    password_file: {}\n",
            var("DESKHAND_LAB_DS_LDAPS_URI"),
            var("DESKHAND_LAB_DS_CA"),
            var("DESKHAND_LAB_DS_BIND_DN"),
            var("DESKHAND_LAB_DS_PASSWORD_FILE"),
        );
        std::fs::write(&config, text).unwrap();
        Self { dir, config }
    }

    fn run(&self, args: &[&str]) -> Run {
        run_cmd(deskhand().arg("--config").arg(&self.config).env("XDG_STATE_HOME", self.dir.path().join("state")).args(args))
    }
}

fn ldap_tool(tool: &str, args: &[&str], input: Option<&str>) -> (bool, String) {
    crate::util::ldap_tool(tool, args, input, &var("DESKHAND_LAB_DS_CA"))
}

fn dn(login: &str) -> String {
    format!("uid={login},ou=people,{}", var("DESKHAND_LAB_DS_BASE"))
}

/// A real bind and a search as the user: a must-change account binds but may do nothing else.
fn bind(login: &str, password: &str) -> (bool, String) {
    ldap_tool(
        "ldapsearch",
        &[
            "-x",
            "-e",
            "ppolicy",
            "-H",
            &var("DESKHAND_LAB_DS_LDAPS_URI"),
            "-D",
            &dn(login),
            "-w",
            password,
            "-b",
            &dn(login),
            "-s",
            "base",
            "dn",
        ],
        None,
    )
}

fn add_user(login: &str, password: &str) {
    let (uri, admin_dn, admin_pw) =
        (var("DESKHAND_LAB_DS_LDAPS_URI"), var("DESKHAND_LAB_DS_ADMIN_DN"), var("DESKHAND_LAB_DS_ADMIN_PASSWORD_FILE"));
    let admin = ["-x", "-H", uri.as_str(), "-D", admin_dn.as_str(), "-y", admin_pw.as_str()];
    let target = dn(login);
    let mut del = admin.to_vec();
    del.push(&target);
    let _ = ldap_tool("ldapdelete", &del, None);
    let ldif = format!("dn: {target}\nobjectClass: inetOrgPerson\nuid: {login}\ncn: T {login}\nsn: {login}\nuserPassword: {password}\n");
    let (ok, out) = ldap_tool("ldapadd", &admin, Some(&ldif));
    assert!(ok, "ldapadd {login}: {out}");
    // Directory Manager's password set means must-change: clear it for the test user.
    let fix = format!("dn: {target}\nchangetype: modify\nreplace: passwordExpirationTime\npasswordExpirationTime: 20380101000000Z\n");
    let (ok, out) = ldap_tool("ldapmodify", &admin, Some(&fix));
    assert!(ok, "ldapmodify {login}: {out}");
}

fn lock(login: &str) {
    for _ in 0..4 {
        assert!(!bind(login, "wrong-password").0);
    }
}

#[test]
fn ds389_show_gives_the_same_verdicts() {
    let s = Setup::new();
    for (user, code, can, reason) in [
        ("alice", 0, true, ""),
        ("bob", 1, false, "locked until an administrator"),
        ("carol", 1, false, "expired"),
        ("dave", 1, false, "disabled"),
        ("erin", 0, true, "must be changed"),
        ("grace", 0, true, "2 failed"),
    ] {
        let r = s.run(&["-o", "json", "account", "show", user]);
        r.expect_code(code);
        let j = r.json();
        assert_eq!(j["data"]["flavor"], "389ds", "{j}");
        assert_eq!(j["data"]["can_log_in"], can, "{user}: {j}");
        assert!(j["data"]["reasons"].to_string().contains(reason), "{user}: {j}");
    }
    let r = s.run(&["-o", "json", "account", "locked"]);
    assert!(r.json()["data"]["accounts"].to_string().contains("\"bob\""), "{}", r.stdout);
    s.run(&["account", "show", "*)(uid=*"]).expect_code(2);
}

#[test]
fn ds389_changes_proven_by_binds() {
    let s = Setup::new();
    add_user("t-ds1", "Ds-Test-Pass-2026");
    assert!(bind("t-ds1", "Ds-Test-Pass-2026").0, "fresh user binds");
    lock("t-ds1");
    let (_, said) = bind("t-ds1", "Ds-Test-Pass-2026");
    assert!(said.contains("retry limit"), "locked: {said}");
    s.run(&["account", "show", "t-ds1"]).expect_code(1);
    let dry = s.run(&["-o", "json", "account", "unlock", "t-ds1", "--dry-run"]);
    assert_eq!(dry.json()["data"]["items"][0]["changes"][0]["attr"], "passwordRetryCount");
    assert!(!bind("t-ds1", "Ds-Test-Pass-2026").0, "a dry run changes nothing");
    s.run(&["account", "unlock", "t-ds1"]).expect_code(0);
    assert!(bind("t-ds1", "Ds-Test-Pass-2026").0, "unlocked");

    s.run(&["account", "disable", "t-ds1"]).expect_code(0);
    let (_, said) = bind("t-ds1", "Ds-Test-Pass-2026");
    assert!(said.contains("inactivated"), "disabled: {said}");
    s.run(&["account", "enable", "t-ds1"]).expect_code(0);
    assert!(bind("t-ds1", "Ds-Test-Pass-2026").0, "enabled");

    let out = s.dir.path().join("pw");
    s.run(&["account", "reset", "t-ds1", "--password-out", out.to_str().unwrap()]).expect_code(0);
    let temp = std::fs::read_to_string(&out).unwrap().trim().to_string();
    let (_, said) = bind("t-ds1", &temp);
    assert!(
        said.contains("PasswordExpired") || said.contains("must be changed") || said.contains("changeAfterReset"),
        "must change: {said}"
    );
    assert_eq!(s.run(&["-o", "json", "account", "show", "t-ds1"]).json()["data"]["state"]["must_change"], true);

    s.run(&["account", "group", "add", "t-ds1", "vpn", "wifi", "developers"]).expect_code(0);
    assert_eq!(
        s.run(&["-o", "json", "account", "groups", "t-ds1"]).json()["data"]["groups"],
        serde_json::json!(["developers", "vpn", "wifi"])
    );
}

/// A profile that binds as Directory Manager (the lab's service account may not add
/// entries), with a template and the disabled OU.
fn admin_setup() -> Setup {
    let s = Setup::new();
    let base = var("DESKHAND_LAB_DS_BASE");
    let mut text = std::fs::read_to_string(&s.config).unwrap();
    text = text
        .replace(&var("DESKHAND_LAB_DS_BIND_DN"), &var("DESKHAND_LAB_DS_ADMIN_DN"))
        .replace(&var("DESKHAND_LAB_DS_PASSWORD_FILE"), &var("DESKHAND_LAB_DS_ADMIN_PASSWORD_FILE"));
    let _ = write!(
        text,
        "    disabled: ou=disabled,{base}\n    templates:\n      staff:\n        groups: [staff]\n        attributes:\n          description: \"{{dept}}\"\n"
    );
    std::fs::write(&s.config, text).unwrap();
    let admin = admin_args();
    let ldif = format!("dn: ou=disabled,{base}\nobjectClass: organizationalUnit\nou: disabled\n");
    let mut add = admin.clone();
    add.push("-c".into());
    let _ = ldap_tool("ldapadd", &add.iter().map(String::as_str).collect::<Vec<_>>(), Some(&ldif));
    s
}

fn admin_args() -> Vec<String> {
    [
        "-x",
        "-H",
        &var("DESKHAND_LAB_DS_LDAPS_URI"),
        "-D",
        &var("DESKHAND_LAB_DS_ADMIN_DN"),
        "-y",
        &var("DESKHAND_LAB_DS_ADMIN_PASSWORD_FILE"),
    ]
    .iter()
    .map(ToString::to_string)
    .collect()
}

fn admin_delete(dns: &[String]) {
    let mut args = admin_args();
    args.push("-c".into());
    args.extend(dns.iter().cloned());
    let _ = ldap_tool("ldapdelete", &args.iter().map(String::as_str).collect::<Vec<_>>(), None);
}

/// The entry's attributes and the groups holding it, as Directory Manager sees them.
fn entry_state(dn_: &str) -> (Vec<String>, Vec<String>) {
    let mut args = admin_args();
    args.extend(["-LLL", "-o", "ldif-wrap=no", "-b", dn_, "-s", "base", "*", "nsAccountLock"].map(String::from));
    let (ok, out) = ldap_tool("ldapsearch", &args.iter().map(String::as_str).collect::<Vec<_>>(), None);
    let mut attrs: Vec<String> = if ok { out.lines().filter(|l| !l.is_empty()).map(ToString::to_string).collect() } else { vec![] };
    attrs.sort();
    let mut args = admin_args();
    let filter = format!("(|(member={dn_})(uniqueMember={dn_}))");
    args.extend(["-LLL", "-b", &var("DESKHAND_LAB_DS_BASE"), &filter, "1.1"].map(String::from));
    let (_, out) = ldap_tool("ldapsearch", &args.iter().map(String::as_str).collect::<Vec<_>>(), None);
    let mut groups: Vec<String> = out.lines().filter(|l| l.starts_with("dn:")).map(ToString::to_string).collect();
    groups.sort();
    (attrs, groups)
}

/// Create (template, copied groups, must change at the first logon), onboard from CSV
/// (a rerun does nothing), offboard and restore exactly: on 389-ds.
#[test]
fn ds_create_onboard_offboard_restore() {
    let s = admin_setup();
    let base = var("DESKHAND_LAB_DS_BASE");
    let logins: Vec<String> = std::iter::once("dscreate".to_string()).chain((1..=50).map(|i| format!("dsonb{i}"))).collect();
    admin_delete(&logins.iter().map(|l| dn(l)).chain(logins.iter().map(|l| format!("uid={l},ou=disabled,{base}"))).collect::<Vec<_>>());
    let pw = s.dir.path().join("c.pw");
    let r = s.run(&[
        "-o",
        "json",
        "account",
        "create",
        "dscreate",
        "--first",
        "Dee",
        "--last",
        "Create",
        "--template",
        "staff",
        "--set",
        "dept=Ops",
        "--copy-from",
        "alice",
        "--password-out",
        pw.to_str().unwrap(),
    ]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["result"], "created", "{}", r.stdout);
    let temp = std::fs::read_to_string(&pw).unwrap().trim().to_string();
    let (_, said) = bind("dscreate", &temp);
    assert!(
        said.contains("PasswordExpired") || said.contains("must be changed") || said.contains("changeAfterReset"),
        "must change: {said}"
    );
    let alice = s.run(&["-o", "json", "account", "groups", "alice"]).json()["data"]["groups"].clone();
    let mine = s.run(&["-o", "json", "account", "groups", "dscreate"]).json()["data"]["groups"].clone();
    for g in alice.as_array().unwrap() {
        assert!(mine.as_array().unwrap().contains(g), "{g} missing from {mine}");
    }

    // 50 hires from a CSV; a dry rerun finds them all.
    let (login, temp) = crate::util::onboard_batch(s.dir.path(), |a| s.run(a), "dsonb", 50);
    let (_, said) = bind(&login, &temp);
    assert!(said.contains("PasswordExpired") || said.contains("must be changed") || said.contains("changeAfterReset"), "{login}: {said}");

    let before = entry_state(&dn("dscreate"));
    assert!(!before.1.is_empty(), "{before:?}");
    let off = s.run(&["-o", "json", "account", "offboard", "dscreate", "--yes", "--ticket", "HR-3"]);
    off.expect_code(0);
    let moved = format!("uid=dscreate,ou=disabled,{base}");
    let (attrs, groups) = entry_state(&moved);
    assert!(groups.is_empty() && attrs.iter().any(|a| a.eq_ignore_ascii_case("nsaccountlock: true")), "{attrs:?} {groups:?}");
    let record = off.json()["data"]["record"].as_str().unwrap().to_string();
    s.run(&["account", "restore", &record]).expect_code(0);
    assert_eq!(entry_state(&dn("dscreate")), before, "restore is not exact");
}

/// Lists leave out disabled accounts and entries that are not a person (a service's
/// account) unless `--all`, and say so (issue 16).
#[test]
fn ds389_lists_leave_out_disabled_and_service_accounts() {
    let s = Setup::with_users("");
    let r = s.run(&["-o", "json", "account", "expiring", "--days", "4000"]);
    let j = r.json();
    let logins = crate::util::logins(&j);
    assert!(logins.contains(&"alice".to_string()), "{logins:?}");
    assert!(!logins.contains(&"dave".to_string()) && !logins.contains(&"deskhand-svc".to_string()), "{logins:?}");
    assert!(j["data"]["left_out"]["disabled"].as_u64().unwrap() >= 1, "{j}");
    assert!(j["data"]["left_out"]["builtin"].as_u64().unwrap() >= 1, "{j}");
    let table = s.run(&["account", "expiring", "--days", "4000"]);
    assert!(table.stdout.contains("built-in left out; --all lists them"), "{}", table.stdout);
    let all = s.run(&["-o", "json", "account", "expiring", "--days", "4000", "--all"]).json();
    let svc = crate::util::account(&all, "deskhand-svc");
    assert_eq!((svc["builtin"].as_bool(), svc["disabled"].as_bool()), (Some(true), Some(false)), "{all}");
    assert_eq!(crate::util::account(&all, "dave")["disabled"], true, "{all}");
    assert_eq!(all["data"]["left_out"], serde_json::json!({"disabled": 0, "builtin": 0}), "{all}");
}

/// Nested groups on 389-ds: direct or inherited, with the path, through a cycle.
#[test]
fn ds389_nested_groups() {
    let s = Setup::new();
    add_user("t-dsnest", "Ds-Nest-Pass-2026");
    let base = var("DESKHAND_LAB_DS_BASE");
    let g = |cn: &str| format!("cn={cn},ou=groups,{base}");
    admin_delete(&[g("dsnest-a"), g("dsnest-b"), g("dsnest-c")]);
    let ldif = format!(
        "dn: {a}\nobjectClass: groupOfNames\ncn: dsnest-a\nmember: {user}\nmember: {c}\n\n\
         dn: {b}\nobjectClass: groupOfNames\ncn: dsnest-b\nmember: {a}\n\n\
         dn: {c}\nobjectClass: groupOfUniqueNames\ncn: dsnest-c\nuniqueMember: {b}\n",
        a = g("dsnest-a"),
        b = g("dsnest-b"),
        c = g("dsnest-c"),
        user = dn("t-dsnest")
    );
    let args = admin_args();
    let (ok, out) = ldap_tool("ldapadd", &args.iter().map(String::as_str).collect::<Vec<_>>(), Some(&ldif));
    assert!(ok, "{out}");
    let j = s.run(&["-o", "json", "account", "groups", "t-dsnest"]).expect_code(0).json();
    assert_eq!(j["data"]["groups"], serde_json::json!(["dsnest-a"]));
    let inherited: Vec<(String, serde_json::Value)> =
        j["data"]["inherited"].as_array().unwrap().iter().map(|i| (i["name"].as_str().unwrap().to_string(), i["via"].clone())).collect();
    assert_eq!(
        inherited,
        [("dsnest-b".to_string(), serde_json::json!(["dsnest-a"])), ("dsnest-c".to_string(), serde_json::json!(["dsnest-a", "dsnest-b"]))]
    );
}

/// `account expire` on 389-ds, which keeps no end date of its own: shadowExpire (with
/// the shadowAccount class added) for the machines' PAM/SSSD; the card says so, and
/// says the directory's binds still work.
#[test]
fn ds389_expire_writes_shadow_expire() {
    let s = Setup::new();
    add_user("t-dsexp", "Ds-Expire-Pass-2026");
    let r = s.run(&["-o", "json", "account", "expire", "t-dsexp", "--on", "2026-01-01"]);
    r.expect_code(0);
    let (attrs, _) = entry_state(&dn("t-dsexp"));
    assert!(attrs.iter().any(|a| a == "shadowExpire: 20454") && attrs.iter().any(|a| a == "objectClass: shadowAccount"), "{attrs:?}");
    let card = s.run(&["-o", "json", "account", "show", "t-dsexp"]);
    card.expect_code(1);
    let state = &card.json()["data"]["state"];
    assert_eq!(state["account_expires"], "2026-01-01T00:00:00Z");
    assert!(state["account_expires_from"].as_str().unwrap().contains("LDAP binds still work"), "{state}");
    assert!(bind("t-dsexp", "Ds-Expire-Pass-2026").0, "389-ds itself does not enforce shadowExpire");
    // A time of day would end it hours early: refused, nothing changed.
    let r = s.run(&["-o", "json", "account", "expire", "t-dsexp", "--on", "2027-01-31T17:00:00Z"]);
    r.expect_code(1);
    assert_eq!(r.json()["data"]["items"][0]["result"], "refused", "{}", r.stdout);
    s.run(&["account", "expire", "t-dsexp", "--on", "never"]).expect_code(0);
    let (attrs, _) = entry_state(&dn("t-dsexp"));
    assert!(!attrs.iter().any(|a| a.starts_with("shadowExpire")), "{attrs:?}");
    assert_eq!(
        s.run(&["-o", "json", "account", "expire", "t-dsexp", "--on", "never"]).json()["data"]["items"][0]["status"],
        "already never expires"
    );
}
