//! `account` against a real 389 Directory Server (scripts/lab/ds389): the same scenarios
//! as on OpenLDAP and AD, proven with real binds over LDAPS.

use crate::util::{Run, deskhand, run_cmd};

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run the tests through scripts/test, which starts scripts/lab/ds389"))
}

struct Setup {
    dir: tempfile::TempDir,
    config: std::path::PathBuf,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.yaml");
        let base = var("DESKHAND_LAB_DS_BASE");
        let text = format!(
            "directories:\n  ds:\n    url: {}\n    ca_file: {}\n    base_dn: {base}\n    users: ou=people,{base}\n    groups: ou=groups,{base}\n    bind_dn: {}\n    password_file: {}\n",
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
