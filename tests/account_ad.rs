//! `account` against a real Samba AD DC (scripts/lab/samba): the same scenarios as on
//! OpenLDAP, proven with real binds over LDAPS.

use crate::util::{Run, deskhand, run_cmd};

struct Ad {
    ldaps: String,
    ca: String,
    base: String,
    users: String,
    bind_dn: String,
    password_file: String,
    admin_dn: String,
    admin_password_file: String,
}

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run the tests through scripts/test, which starts scripts/lab/samba"))
}

fn ad() -> Ad {
    Ad {
        ldaps: var("DESKHAND_LAB_AD_LDAPS_URI"),
        ca: var("DESKHAND_LAB_AD_CA"),
        base: var("DESKHAND_LAB_AD_BASE"),
        users: var("DESKHAND_LAB_AD_USERS_DN"),
        bind_dn: var("DESKHAND_LAB_AD_BIND_DN"),
        password_file: var("DESKHAND_LAB_AD_PASSWORD_FILE"),
        admin_dn: var("DESKHAND_LAB_AD_ADMIN_DN"),
        admin_password_file: var("DESKHAND_LAB_AD_ADMIN_PASSWORD_FILE"),
    }
}

struct Setup {
    dir: tempfile::TempDir,
    config: std::path::PathBuf,
}

impl Setup {
    fn new(extra: &str) -> Self {
        let a = ad();
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.yaml");
        let mut text = format!(
            "directories:\n  ad:\n    url: {}\n    ca_file: {}\n    base_dn: {}\n    users: {}\n    groups: {}\n    bind_dn: {}\n    password_file: {}\n",
            a.ldaps, a.ca, a.base, a.users, a.users, a.bind_dn, a.password_file
        );
        for line in extra.lines() {
            let key = format!("{}:", line.trim().split(':').next().unwrap_or(""));
            text = text.lines().filter(|l| !l.trim_start().starts_with(&key)).collect::<Vec<_>>().join("\n");
            text.push('\n');
            text.push_str("    ");
            text.push_str(line.trim());
            text.push('\n');
        }
        std::fs::write(&config, text).unwrap();
        Self { dir, config }
    }

    fn run(&self, args: &[&str]) -> Run {
        run_cmd(deskhand().arg("--config").arg(&self.config).env("XDG_STATE_HOME", self.dir.path().join("state")).args(args))
    }
}

fn ldap_tool(tool: &str, args: &[&str], input: Option<&str>) -> (bool, String) {
    crate::util::ldap_tool(tool, args, input, &ad().ca)
}

/// A real bind as the user (by UPN); AD's "data NNN" code tells why it failed.
fn bind(login: &str, password: &str) -> (bool, String) {
    ldap_tool(
        "ldapsearch",
        &["-x", "-H", &ad().ldaps, "-D", &format!("{login}@lab.test"), "-w", password, "-b", "", "-s", "base", "dnsHostName"],
        None,
    )
}

fn lock(login: &str) {
    for _ in 0..3 {
        assert!(!bind(login, "Wrong-Password-1").0);
    }
}

/// A user of the test's own, added by the administrator.
fn add_user(login: &str, password: &str) {
    let a = ad();
    let dn = format!("CN={login},{}", a.users);
    let _ = ldap_tool("ldapdelete", &["-x", "-H", &a.ldaps, "-D", &a.admin_dn, "-y", &a.admin_password_file, &dn], None);
    let utf16: Vec<u8> = format!("\"{password}\"").encode_utf16().flat_map(u16::to_le_bytes).collect();
    let ldif = format!(
        "dn: {dn}\nobjectClass: user\nsAMAccountName: {login}\nuserPrincipalName: {login}@lab.test\nunicodePwd:: {}\nuserAccountControl: 512\n",
        base64(&utf16)
    );
    let (ok, out) = ldap_tool("ldapadd", &["-x", "-H", &a.ldaps, "-D", &a.admin_dn, "-y", &a.admin_password_file], Some(&ldif));
    assert!(ok, "ldapadd {login}: {out}");
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(T[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn ad_show_gives_the_same_verdicts() {
    let s = Setup::new("");
    let cases = [
        ("alice", 0, true, ""),
        ("bob", 1, false, "locked until"),
        ("carol", 1, false, "expired"),
        ("dave", 1, false, "disabled"),
        ("erin", 0, true, "must be changed"),
        ("grace", 0, true, "2 failed"),
    ];
    for (user, code, can, reason) in cases {
        let r = s.run(&["-o", "json", "account", "show", user]);
        r.expect_code(code);
        let j = r.json();
        assert_eq!(j["data"]["flavor"], "ad", "{j}");
        assert_eq!(j["data"]["can_log_in"], can, "{user}: {j}");
        assert!(j["data"]["reasons"].to_string().contains(reason), "{user}: {j}");
    }
    // A user principal name works as a login.
    let r = s.run(&["-o", "json", "account", "show", "alice@lab.test"]);
    r.expect_code(0);
    assert!(r.json()["data"]["groups"].to_string().contains("vpn"));
    assert!(r.json()["data"]["groups"].to_string().contains("Domain Users (primary)"), "{}", r.stdout);
    let r = s.run(&["-o", "json", "account", "locked"]);
    assert!(r.json()["data"]["accounts"].to_string().contains("\"bob\""), "{}", r.stdout);
    let r = s.run(&["-o", "json", "account", "expired"]);
    assert!(r.json()["data"]["accounts"].to_string().contains("\"carol\""), "{}", r.stdout);
}

#[test]
fn ad_unlock_reset_disable_groups_proven_by_binds() {
    let s = Setup::new("");
    add_user("t-ad1", "Ad-Test-Pass-2026!");
    lock("t-ad1");
    let (_, said) = bind("t-ad1", "Ad-Test-Pass-2026!");
    assert!(said.contains("data 775"), "locked: {said}");
    let r = s.run(&["-o", "json", "account", "unlock", "t-ad1", "--dry-run"]);
    assert_eq!(r.json()["data"]["items"][0]["changes"][0]["attr"], "lockoutTime");
    assert!(bind("t-ad1", "Ad-Test-Pass-2026!").1.contains("data 775"), "a dry run changes nothing");
    s.run(&["account", "unlock", "t-ad1"]).expect_code(0);
    assert!(bind("t-ad1", "Ad-Test-Pass-2026!").0, "unlocked");
    assert_eq!(s.run(&["-o", "json", "account", "unlock", "t-ad1"]).json()["data"]["items"][0]["status"], "already unlocked");

    // Reset: unicodePwd over LDAPS, must change at next logon (data 773).
    let out = s.dir.path().join("pw");
    let r = s.run(&["-o", "json", "account", "reset", "t-ad1", "--password-out", out.to_str().unwrap()]);
    r.expect_code(0);
    assert!(r.stdout.contains("********") && !r.stdout.contains("unicodePwd\":\"\\\""), "{}", r.stdout);
    let temp = std::fs::read_to_string(&out).unwrap().trim().to_string();
    let (ok, said) = bind("t-ad1", &temp);
    assert!(!ok && said.contains("data 773"), "must change: {said}");

    // Disable (userAccountControl bit 0x2, other bits kept) and enable.
    add_user("t-ad2", "Ad-Test-Pass-2026!");
    s.run(&["account", "disable", "t-ad2"]).expect_code(0);
    let (_, said) = bind("t-ad2", "Ad-Test-Pass-2026!");
    assert!(said.contains("data 533"), "disabled: {said}");
    s.run(&["account", "enable", "t-ad2"]).expect_code(0);
    assert!(bind("t-ad2", "Ad-Test-Pass-2026!").0);

    // Groups: member on the group object.
    s.run(&["account", "group", "add", "t-ad2", "vpn", "wifi"]).expect_code(0);
    assert_eq!(
        s.run(&["-o", "json", "account", "groups", "t-ad2"]).json()["data"]["groups"],
        serde_json::json!(["vpn", "wifi", "Domain Users (primary)"])
    );
    s.run(&["account", "group", "remove", "t-ad2", "wifi"]).expect_code(0);
    assert_eq!(
        s.run(&["-o", "json", "account", "groups", "t-ad2"]).json()["data"]["groups"],
        serde_json::json!(["vpn", "Domain Users (primary)"])
    );
    assert_eq!(s.run(&["-o", "json", "account", "group", "remove", "t-ad2", "wifi"]).json()["data"]["items"][0]["status"], "not a member");
}

#[test]
fn ad_safety() {
    let s = Setup::new("");
    for evil in ["*", "*)(sAMAccountName=*", "o'brien)(|(cn=*"] {
        s.run(&["account", "show", evil]).expect_code(2);
    }
    s.run(&["account", "show", "o'brien"]).expect_code(0);
    // The service account itself is out of bounds.
    let r = s.run(&["account", "reset", &ad().bind_dn, "--dry-run"]);
    r.expect_code(2);
    // Plaintext is refused before any password is sent.
    let plain = Setup::new(&format!("url: ldap://{}:389", var("DESKHAND_LAB_AD_ADDR")));
    let r = plain.run(&["account", "show", "alice"]);
    r.expect_code(2);
    assert!(r.stderr.contains("plaintext"), "{}", r.stderr);
    // StartTLS on 389 works.
    Setup::new(&format!("url: ldap://{}:389\nstarttls: true", var("DESKHAND_LAB_AD_ADDR")))
        .run(&["account", "show", "alice"])
        .expect_code(0);
}
