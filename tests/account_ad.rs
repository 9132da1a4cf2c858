//! `account` against a real Samba AD DC (scripts/lab/samba): the same scenarios as on
//! OpenLDAP, proven with real binds over LDAPS.

use crate::util::{Run, deskhand, run_cmd};
use std::fmt::Write as _;

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

    // Reset of a locked account: unicodePwd over LDAPS, must change at next logon (data
    // 773, not 775: the reset cleared the lock, and says so).
    lock("t-ad1");
    let out = s.dir.path().join("pw");
    let r = s.run(&["-o", "json", "account", "reset", "t-ad1", "--password-out", out.to_str().unwrap()]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["items"][0]["unlocked"], true, "{}", r.stdout);
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

/// Nested groups on AD: one `LDAP_MATCHING_RULE_IN_CHAIN` search, each group marked
/// direct or inherited with its path, through a cycle (AD allows them).
#[test]
fn ad_nested_groups() {
    let s = Setup::new("");
    let a = ad();
    add_user("t-adnest", "Ad-Test-Pass-2026!");
    let g = |cn: &str| format!("CN={cn},{}", a.users);
    let admin = ["-x", "-H", a.ldaps.as_str(), "-D", a.admin_dn.as_str(), "-y", a.admin_password_file.as_str()];
    let mut del = admin.to_vec();
    del.push("-c");
    let dns = [g("adnest-a"), g("adnest-b"), g("adnest-c")];
    del.extend(dns.iter().map(String::as_str));
    let _ = ldap_tool("ldapdelete", &del, None);
    let mut ldif = String::new();
    for cn in ["adnest-a", "adnest-b", "adnest-c"] {
        let _ = write!(ldif, "dn: {}\nobjectClass: group\nsAMAccountName: {cn}\n\n", g(cn));
    }
    let (ok, out) = ldap_tool("ldapadd", &admin, Some(&ldif));
    assert!(ok, "{out}");
    let links = format!(
        "dn: {a}\nchangetype: modify\nadd: member\nmember: CN=t-adnest,{users}\nmember: {c}\n\n\
         dn: {b}\nchangetype: modify\nadd: member\nmember: {a}\n\n\
         dn: {c}\nchangetype: modify\nadd: member\nmember: {b}\n",
        a = g("adnest-a"),
        b = g("adnest-b"),
        c = g("adnest-c"),
        users = a.users
    );
    let (ok, out) = ldap_tool("ldapmodify", &admin, Some(&links));
    assert!(ok, "{out}");
    let j = s.run(&["-o", "json", "account", "groups", "t-adnest"]).expect_code(0).json();
    assert_eq!(j["data"]["groups"], serde_json::json!(["adnest-a", "Domain Users (primary)"]));
    let inherited: Vec<(String, serde_json::Value)> =
        j["data"]["inherited"].as_array().unwrap().iter().map(|i| (i["name"].as_str().unwrap().to_string(), i["via"].clone())).collect();
    assert_eq!(
        inherited,
        [("adnest-b".to_string(), serde_json::json!(["adnest-a"])), ("adnest-c".to_string(), serde_json::json!(["adnest-a", "adnest-b"]))]
    );
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

/// The second domain controller of the lab pair (`scripts/lab/samba` with `LAB_SAMBA_PAIR=1`).
fn dc2() -> String {
    var("DESKHAND_LAB_AD2_LDAPS_URI")
}

fn bind_on(url: &str, login: &str, password: &str) -> (bool, String) {
    ldap_tool(
        "ldapsearch",
        &["-x", "-H", url, "-D", &format!("{login}@lab.test"), "-w", password, "-b", "", "-s", "base", "dnsHostName"],
        None,
    )
}

/// Polls `ready` (replication takes a moment) for up to 60 s.
fn wait_for(what: &str, ready: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !ready() {
        assert!(start.elapsed() < std::time::Duration::from_secs(60), "timed out waiting for {what}");
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
}

/// Lockout is per domain controller: three bad passwords on DC2 lock the account there
/// and DC2 alone counts them. `show --all-servers` puts the DCs side by side; `unlock
/// --all-servers` clears the lock and the count on each, proven by binds on both DCs.
#[test]
fn ad_all_servers_shows_and_unlocks_each_dc() {
    let lab = ad();
    let dc2 = dc2();
    let setup = Setup::new(&format!("servers: [{dc2}]"));
    let password = "Pair-Passw0rd-26";
    add_user("t-pair", password);
    wait_for("t-pair to replicate to DC2", || bind_on(&dc2, "t-pair", password).0);
    for _ in 0..3 {
        assert!(!bind_on(&dc2, "t-pair", "Wrong-Password-1").0);
    }
    let (ok, out) = bind_on(&dc2, "t-pair", password);
    assert!(!ok && out.contains("data 775"), "locked on DC2: {out}");

    let shown = setup.run(&["-o", "json", "account", "show", "t-pair", "--all-servers"]);
    shown.expect_code(1);
    let servers = shown.json()["data"]["servers"].as_array().cloned().unwrap_or_default();
    assert_eq!(servers.len(), 2, "{}", shown.stdout);
    assert_eq!(servers[0]["server"], lab.ldaps.as_str());
    assert_eq!(servers[1]["server"], dc2.as_str());
    // badPwdCount is never replicated: DC1 counts nothing.
    assert_eq!(servers[0]["failures"], 0, "{}", shown.stdout);
    assert_eq!((servers[1]["locked"].as_bool(), servers[1]["failures"].as_u64()), (Some(true), Some(3)), "{}", shown.stdout);
    // badPasswordTime is per DC too. (Samba does not update lastLogon on LDAP simple binds.)
    assert!(servers[1]["last_failure"].is_string() && servers[0]["last_failure"].is_null(), "{}", shown.stdout);
    let reasons = shown.json()["data"]["reasons"].to_string();
    assert!(reasons.contains(&format!("locked on {dc2}")), "{reasons}");
    let table = setup.run(&["account", "show", "t-pair", "--all-servers"]);
    assert!(table.stdout.contains(&dc2) && table.stdout.contains("last logon"), "{}", table.stdout);

    // A dry run on all servers changes nothing.
    let dry = setup.run(&["-o", "json", "account", "unlock", "t-pair", "--all-servers", "--dry-run"]);
    dry.expect_code(0);
    let items = dry.json()["data"]["items"].as_array().cloned().unwrap_or_default();
    assert!(items.iter().any(|i| i["server"] == dc2.as_str() && i["result"] == "would_change"), "{}", dry.stdout);
    assert!(!bind_on(&dc2, "t-pair", password).0, "a dry run unlocked");

    let unlock = setup.run(&["-o", "json", "account", "unlock", "t-pair", "--all-servers", "--ticket", "INC-9"]);
    unlock.expect_code(0);
    let items = unlock.json()["data"]["items"].as_array().cloned().unwrap_or_default();
    let servers_done: Vec<&str> = items.iter().filter_map(|i| i["server"].as_str()).collect();
    assert_eq!(servers_done, vec![lab.ldaps.as_str(), dc2.as_str()], "{}", unlock.stdout);
    assert!(items.iter().all(|i| i["result"] == "changed" || i["result"] == "unchanged"), "{}", unlock.stdout);
    // DC2's count is cleared too: one more bad password there does not lock again.
    assert!(!bind_on(&dc2, "t-pair", "Wrong-Password-1").0);
    let (ok, out) = bind_on(&dc2, "t-pair", password);
    assert!(ok, "DC2 after unlock and one bad password: {out}");
    wait_for("t-pair to log in on DC1", || bind("t-pair", password).0);
    let after = setup.run(&["-o", "json", "account", "show", "t-pair", "--all-servers"]);
    after.expect_code(0);
    let audit = std::fs::read_to_string(setup.dir.path().join("state/deskhand/audit.jsonl")).unwrap_or_default();
    assert!(audit.contains(&dc2) && audit.contains("INC-9"), "audit names the DC: {audit}");
}

/// The AD facts technicians ask for. Last logon: the replicated `lastLogonTimestamp`
/// without `--all-servers`, and with it the newest of the DCs' own `lastLogon` and which
/// DC. (Samba records lastLogon for Kerberos and NTLM logons, which the lab has no client
/// for, so the administrator writes each DC's own value as a logon there would.) Where
/// the bad passwords arrived. The account's end date: `account expire`, proven by binds
/// (data 701: account expired).
#[test]
fn ad_card_facts_and_account_expire() {
    let a = ad();
    let dc2 = dc2();
    let setup = Setup::new(&format!("servers: [{dc2}]"));
    let password = "Facts-Passw0rd-26";
    add_user("t-facts", password);
    let dn = format!("CN=t-facts,{}", a.users);
    // Replicated to DC2 (this run's entry, not a deleted one of an earlier run), seen by
    // the administrator: no logon, which would set lastLogonTimestamp on its own.
    let guid = |url: &str| {
        let args = ["-x", "-LLL", "-H", url, "-D", &a.admin_dn, "-y", &a.admin_password_file, "-b", &dn, "-s", "base", "objectGUID"];
        let (ok, out) = ldap_tool("ldapsearch", &args, None);
        out.lines().find(|l| l.starts_with("objectGUID")).filter(|_| ok).map(ToString::to_string)
    };
    let here = guid(&a.ldaps).expect("t-facts on DC1");
    wait_for("t-facts to replicate to DC2", || guid(&dc2).as_ref() == Some(&here));
    let write = |url: &str, attrs: &[(&str, &str)]| {
        let mut ldif = format!("dn: {dn}\nchangetype: modify\n");
        for (attr, value) in attrs {
            let _ = write!(ldif, "replace: {attr}\n{attr}: {value}\n-\n");
        }
        let (ok, out) = ldap_tool("ldapmodify", &["-x", "-H", url, "-D", &a.admin_dn, "-y", &a.admin_password_file], Some(&ldif));
        assert!(ok, "{out}");
    };
    // 2026-10-20T00:00Z replicated; DC1 saw a logon 2026-11-01T08:00Z, DC2 2026-12-01T09:14Z.
    write(&a.ldaps, &[("lastLogonTimestamp", "134369280000000000"), ("lastLogon", "134379936000000000")]);
    write(&dc2, &[("lastLogonTimestamp", "134369280000000000"), ("lastLogon", "134405900400000000")]);
    let one = setup.run(&["-o", "json", "account", "show", "t-facts"]).json();
    assert_eq!(one["data"]["state"]["last_logon"], "2026-10-20T00:00:00Z", "{one}");
    assert!(one["data"]["state"]["last_logon_from"].as_str().unwrap().contains("lastLogonTimestamp"), "{one}");
    let all = setup.run(&["-o", "json", "account", "show", "t-facts", "--all-servers"]).json();
    assert_eq!(all["data"]["state"]["last_logon"], "2026-12-01T09:14:00Z", "{all}");
    assert!(all["data"]["state"]["last_logon_from"].as_str().unwrap().ends_with(&format!("on {dc2}")), "{all}");

    // Two bad passwords on DC2: the card says they arrived there, and what LDAP cannot tell.
    for _ in 0..2 {
        assert!(!bind_on(&dc2, "t-facts", "Wrong-Password-1").0);
    }
    // DC1 counts none of them, so its card alone has nothing to say.
    let one = setup.run(&["-o", "json", "account", "show", "t-facts"]).json();
    assert_eq!(one["data"]["state"]["failures"], 0, "{one}");
    let all = setup.run(&["-o", "json", "account", "show", "t-facts", "--all-servers"]).json();
    let reasons = all["data"]["reasons"].to_string();
    assert!(reasons.contains(&format!("the bad passwords arrived at {dc2}")) && reasons.contains("event 4740"), "{reasons}");
    // DC1 holds the PDC emulator role (fSMORoleOwner), DC2 not.
    let pdc: Vec<&serde_json::Value> = all["data"]["servers"].as_array().unwrap().iter().map(|s| &s["pdc_emulator"]).collect();
    assert_eq!(pdc, [&serde_json::Value::Bool(true), &serde_json::Value::Bool(false)], "{all}");
    // The same with a profile rooted at an OU: the role is read at the domain head.
    let in_ou = Setup::new(&format!("servers: [{dc2}]\nbase_dn: {}", a.users));
    let all_ou = in_ou.run(&["-o", "json", "account", "show", "t-facts", "--all-servers"]).json();
    let pdc_ou: Vec<&serde_json::Value> = all_ou["data"]["servers"].as_array().unwrap().iter().map(|s| &s["pdc_emulator"]).collect();
    assert_eq!(pdc_ou, pdc, "{all_ou}");
    // A bad password at DC1 as well: on AD the PDC emulator also counts what other DCs
    // forward, so the card names DC2 as where they arrived and explains DC1's count.
    assert!(!bind("t-facts", "Wrong-Password-1").0);
    let all = setup.run(&["-o", "json", "account", "show", "t-facts", "--all-servers"]).json();
    let reasons = all["data"]["reasons"].to_string();
    assert!(
        reasons.contains(&format!("the bad passwords arrived at {dc2} (last at "))
            && reasons.contains(&format!("{}, the PDC emulator, counts 1 too", a.ldaps)),
        "{reasons}"
    );

    // A DC that cannot be asked: the replicated lastLogonTimestamp, newer than both asked
    // DCs' own figures (2026-12-02T00:00Z), is the last logon shown, and the card says why.
    write(&a.ldaps, &[("lastLogonTimestamp", "134406432000000000")]);
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let three = Setup::new(&format!("servers: [{dc2}, ldaps://127.0.0.1:{closed}]"));
    let card = three.run(&["-o", "json", "account", "show", "t-facts", "--all-servers"]);
    let state = &card.json()["data"]["state"];
    assert_eq!(state["last_logon"], "2026-12-02T00:00:00Z", "{state}");
    let from = state["last_logon_from"].as_str().unwrap();
    assert!(
        from.starts_with("the replicated lastLogonTimestamp, newer than the 2 asked DCs'")
            && from.contains("1 server(s) could not be asked"),
        "{from}"
    );

    // The end date: a dry run changes nothing; a date in the past stops binds (data 701).
    let dry = setup.run(&["-o", "json", "account", "expire", "t-facts", "--on", "2026-01-01", "--dry-run"]);
    dry.expect_code(0);
    let item = &dry.json()["data"]["items"][0];
    assert_eq!((item["result"].as_str(), item["changes"][0]["attr"].as_str()), (Some("would_change"), Some("accountExpires")), "{item}");
    assert!(bind("t-facts", password).0, "a dry run changed nothing");
    setup.run(&["account", "expire", "t-facts", "--on", "2026-01-01", "--ticket", "HR-80"]).expect_code(0);
    let (ok, said) = bind("t-facts", password);
    assert!(!ok && said.contains("data 701"), "expired: {said}");
    let card = setup.run(&["-o", "json", "account", "show", "t-facts"]);
    card.expect_code(1);
    let state = &card.json()["data"]["state"];
    assert_eq!((state["account_expires"].as_str(), state["account_expired"].as_bool()), (Some("2026-01-01T00:00:00Z"), Some(true)));
    assert_eq!(state["account_expires_from"], "accountExpires");
    let again = setup.run(&["-o", "json", "account", "expire", "t-facts", "--on", "2026-01-01"]);
    assert_eq!(again.json()["data"]["items"][0]["status"], "already ends then");
    // A date to come: the account works until then.
    setup.run(&["account", "expire", "t-facts", "--on", "2099-06-30T17:00:00Z"]).expect_code(0);
    assert!(bind("t-facts", password).0, "works until 2099");
    let card = setup.run(&["-o", "json", "account", "show", "t-facts"]).json();
    assert_eq!(card["data"]["state"]["account_expires"], "2099-06-30T17:00:00Z");
    setup.run(&["account", "expire", "t-facts", "--on", "never"]).expect_code(0);
    assert!(setup.run(&["-o", "json", "account", "show", "t-facts"]).json()["data"]["state"]["account_expires"].is_null());
    let bad = setup.run(&["account", "expire", "t-facts", "--on", "2027-02-30"]);
    bad.expect_code(2);
    assert!(bad.stderr.contains("is not a date"), "{}", bad.stderr);
    let audit = std::fs::read_to_string(setup.dir.path().join("state/deskhand/audit.jsonl")).unwrap_or_default();
    assert_eq!(audit.lines().filter(|l| l.contains("\"expire\"")).count(), 3, "{audit}");
    assert!(audit.contains("HR-80"), "{audit}");
}

/// AD logon restrictions, which Samba enforces on binds as Windows does: outside the
/// account's logon hours (UTC) the card says it cannot log in and diagnose says why
/// (bind: data 530); within them the hours are on the card; a workstation list is on the
/// card and a warning in diagnose (bind: data 531, an LDAP bind names no workstation).
#[test]
fn ad_logon_hours_and_workstations() {
    let a = ad();
    let setup = Setup::new("");
    let password = "Hours-Passw0rd-26";
    add_user("t-hours", password);
    let dn = format!("CN=t-hours,{}", a.users);
    let dir = tempfile::tempdir().unwrap();
    let modify = |change: &str| {
        let ldif = format!("dn: {dn}\nchangetype: modify\n{change}-\n");
        let (ok, out) = ldap_tool("ldapmodify", &["-x", "-H", &a.ldaps, "-D", &a.admin_dn, "-y", &a.admin_password_file], Some(&ldif));
        assert!(ok, "{out}");
    };
    // logonHours with every hour of the week allowed but those `not` names.
    let hours = |not: &[u64]| {
        let mut bits = [0xffu8; 21];
        for h in not {
            bits[(h / 8) as usize] &= !(1 << (h % 8));
        }
        let file = dir.path().join(format!("hours-{}", not.first().copied().unwrap_or(0)));
        std::fs::write(&file, bits).unwrap();
        modify(&format!("replace: logonHours\nlogonHours:< file://{}\n", file.display()));
    };
    // The hour of the week now (UTC, from Sunday 00:00; 1970-01-01 was a Thursday).
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 3600;
    let hour_of_week = ((now / 24 + 4) % 7) * 24 + now % 24;
    let json = |args: &[&str]| {
        let r = setup.run(args);
        (r.code, r.json())
    };

    // This hour and the next left out (the test may cross an hour): refused now.
    hours(&[hour_of_week, (hour_of_week + 1) % 168]);
    let (ok, said) = bind("t-hours", password);
    assert!(!ok && said.contains("data 530"), "{said}");
    let (code, card) = json(&["-o", "json", "account", "show", "t-hours"]);
    assert_eq!(code, 1, "{card}");
    let state = &card["data"]["state"];
    assert_eq!(state["outside_logon_hours"], true, "{card}");
    assert!(state["logon_hours"].as_str().unwrap().ends_with("(UTC)"), "{card}");
    let (code, diag) = json(&["-o", "json", "diagnose", "--user", "t-hours"]);
    assert_eq!(code, 1, "{diag}");
    assert_eq!(diag["data"]["findings"][0]["finding"], "now is outside the account's logon hours", "{diag}");

    // Half a week away left out: allowed now, the hours on the card.
    hours(&[(hour_of_week + 84) % 168]);
    assert!(bind("t-hours", password).0);
    let (code, card) = json(&["-o", "json", "account", "show", "t-hours"]);
    assert_eq!(code, 0, "{card}");
    assert!(card["data"]["state"]["outside_logon_hours"].is_null(), "{card}");
    assert!(card["data"]["state"]["logon_hours"].is_string(), "{card}");

    // Only from PC1 and PC2: LDAP binds fail (data 531); the card can log in, with the note.
    modify("delete: logonHours\n");
    modify("replace: userWorkstations\nuserWorkstations: PC1,PC2\n");
    let (ok, said) = bind("t-hours", password);
    assert!(!ok && said.contains("data 531"), "{said}");
    let (code, card) = json(&["-o", "json", "account", "show", "t-hours"]);
    assert_eq!(code, 0, "{card}");
    assert_eq!(card["data"]["state"]["workstations"], serde_json::json!(["PC1", "PC2"]), "{card}");
    assert!(card["data"]["state"]["logon_hours"].is_null(), "{card}");
    let (code, diag) = json(&["-o", "json", "diagnose", "--user", "t-hours"]);
    assert_eq!(code, 0, "{diag}");
    let f = &diag["data"]["findings"][0];
    assert_eq!((f["severity"].as_str(), f["finding"].as_str()), (Some("warning"), Some("logons only from PC1, PC2")), "{diag}");
    assert_eq!(diag["data"]["users"][0]["card"]["state"]["protected_users"], false, "read from tokenGroups: {diag}");
    let table = setup.run(&["account", "show", "t-hours"]);
    assert!(table.stdout.contains("logon workstations") && table.stdout.contains("PC1, PC2"), "{}", table.stdout);

    // A smart card required: AD gives the account a random password, so the old one
    // fails (data 52e); the card and diagnose say why. A member of Protected Users: NTLM
    // sign-ins fail (Samba 4.17 does not enforce it; the finding is AD's rule).
    modify("delete: userWorkstations\n");
    modify("replace: userAccountControl\nuserAccountControl: 262656\n");
    let (ok, said) = bind("t-hours", password);
    assert!(!ok && said.contains("data 52e"), "{said}");
    let protected = format!("CN=Protected Users,CN=Users,{}", a.base);
    let (ok, out) = ldap_tool(
        "ldapmodify",
        &["-x", "-H", &a.ldaps, "-D", &a.admin_dn, "-y", &a.admin_password_file],
        Some(&format!("dn: {protected}\nchangetype: modify\nadd: member\nmember: {dn}\n-\n")),
    );
    assert!(ok, "{out}");
    let (code, card) = json(&["-o", "json", "account", "show", "t-hours"]);
    assert_eq!((code, &card["data"]["state"]["smartcard_required"]), (0, &serde_json::Value::Bool(true)), "{card}");
    let (code, diag) = json(&["-o", "json", "diagnose", "--user", "t-hours"]);
    assert_eq!(code, 0, "{diag}");
    let found: Vec<&str> = diag["data"]["findings"].as_array().unwrap().iter().map(|f| f["finding"].as_str().unwrap()).collect();
    assert_eq!(
        found,
        [
            "a smart card is required: password sign-ins fail",
            "a member of Protected Users: NTLM sign-ins fail where the DCs enforce it",
            "1 bad password(s) since the last good one"
        ],
        "{diag}"
    );
    // Taken out again, so the lab's group stays as it was.
    let (ok, out) = ldap_tool(
        "ldapmodify",
        &["-x", "-H", &a.ldaps, "-D", &a.admin_dn, "-y", &a.admin_password_file],
        Some(&format!("dn: {protected}\nchangetype: modify\ndelete: member\nmember: {dn}\n-\n")),
    );
    assert!(ok, "{out}");
}

/// `diagnose` on the AD pair: a lock on DC2 alone is a finding naming DC2, whose fix
/// unlocks on every DC; a DC that does not answer is a finding of its own (unknown), and
/// the lock still decides the exit.
#[test]
fn ad_diagnose_names_the_dc() {
    let dc2 = dc2();
    let password = "Diag-Passw0rd-26";
    add_user("t-addiag", password);
    add_user("t-addiag2", password);
    wait_for("t-addiag to replicate to DC2", || bind_on(&dc2, "t-addiag", password).0);
    wait_for("t-addiag2 to replicate to DC2", || bind_on(&dc2, "t-addiag2", password).0);
    for _ in 0..3 {
        assert!(!bind_on(&dc2, "t-addiag", "Wrong-Password-1").0);
    }
    let setup = Setup::new(&format!("servers: [{dc2}]"));
    let r = setup.run(&["-o", "json", "diagnose", "--user", "t-addiag", "--ticket", "INC-42"]);
    r.expect_code(1);
    let j = r.json();
    let f = &j["data"]["findings"][0];
    assert!(f["finding"].as_str().unwrap().starts_with(&format!("locked on {dc2}")), "{j}");
    assert!(f["evidence"].as_str().unwrap().contains(&format!("{dc2} counts 3 bad password(s)")), "{j}");
    assert_eq!(f["fix"], "deskhand account unlock t-addiag --all-servers --directory ad --ticket INC-42");
    assert_eq!(j["data"]["users"][0]["card"]["servers"].as_array().map(Vec::len), Some(2), "{j}");
    // A third DC that is not there, and three users read at once over the same DC
    // connections: each gets its own card from both DCs that answer, in the order given.
    let gone = Setup::new(&format!("servers: [{dc2}, ldaps://127.0.0.9:636]"));
    let r = gone.run(&["-o", "json", "diagnose", "--user", "t-addiag", "--user", "t-addiag2", "--user", "nobody-here"]);
    r.expect_code(1);
    let j = r.json();
    let got: Vec<(String, String)> = j["data"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["severity"].as_str().unwrap().to_string(), f["subject"].as_str().unwrap().to_string()))
        .collect();
    let want = |s: &str, u: &str| (s.to_string(), format!("user {u}"));
    assert_eq!(
        got,
        [want("problem", "t-addiag"), want("problem", "nobody-here"), want("unknown", "t-addiag"), want("unknown", "t-addiag2")],
        "{}",
        r.stdout
    );
    let users = j["data"]["users"].as_array().unwrap();
    assert_eq!(users.iter().map(|u| u["login"].as_str().unwrap()).collect::<Vec<_>>(), ["t-addiag", "t-addiag2", "nobody-here"]);
    for u in &users[..2] {
        let servers = u["card"]["servers"].as_array().unwrap();
        assert_eq!(servers.iter().filter(|s| s["error"].is_null()).count(), 2, "{u}");
        assert!(u["card"]["dn"].as_str().unwrap().contains(u["login"].as_str().unwrap()), "{u}");
    }
    assert_eq!(users[0]["card"]["servers"][1]["locked"], true, "{j}");
    assert_eq!(users[1]["card"]["servers"][1]["locked"], false, "{j}");
}

/// The technician's own identity: `sasl: gssapi` binds with the ticket `kinit` put in a
/// cache of the test's own (a krb5.conf of its own names the lab's KDC), reads, unlocks
/// and resets; the audit trail records the principal. Samba by default refuses GSSAPI
/// over TLS without sign or seal, so the profile is ldap:// and Kerberos encrypts the
/// connection (a reset's unicodePwd is refused on a connection that is neither). No
/// ticket, an expired one: exit 3 and the kinit to run.
#[test]
fn ad_kerberos_bind_with_the_technicians_own_ticket() {
    let a = ad();
    let dir = tempfile::tempdir().unwrap();
    let addr = var("DESKHAND_LAB_AD_ADDR");
    let krb5 = dir.path().join("krb5.conf");
    std::fs::write(
        &krb5,
        format!(
            "[libdefaults]\n default_realm = LAB.TEST\n dns_lookup_realm = false\n dns_lookup_kdc = false\n rdns = false\n dns_canonicalize_hostname = false\n\n[realms]\n LAB.TEST = {{\n  kdc = {addr}\n }}\n"
        ),
    )
    .unwrap();
    let cache = format!("FILE:{}", dir.path().join("cc").display());
    let config = dir.path().join("config.yaml");
    let profile = |url: &str| {
        format!(
            "directories:\n  ad:\n    url: {url}\n    ca_file: {}\n    base_dn: {}\n    users: {}\n    sasl: gssapi\n    sasl_host: dc1.lab.test\n",
            a.ca, a.base, a.users
        )
    };
    std::fs::write(&config, profile(&format!("ldap://{addr}"))).unwrap();
    let state = dir.path().join("state");
    let deskhand_as = |args: &[&str]| {
        run_cmd(
            deskhand()
                .env("KRB5_CONFIG", &krb5)
                .env("KRB5CCNAME", &cache)
                .env("XDG_STATE_HOME", &state)
                .arg("--config")
                .arg(&config)
                .args(args),
        )
    };
    let kinit = |lifetime: &str| {
        let out = std::process::Command::new("kinit")
            .env("KRB5_CONFIG", &krb5)
            .env("KRB5CCNAME", &cache)
            .args(["-l", lifetime, "deskhand-svc@LAB.TEST"])
            .stdin(std::fs::File::open(&a.password_file).unwrap())
            .output()
            .expect("kinit runs (krb5-user)");
        assert!(out.status.success(), "kinit: {}", String::from_utf8_lossy(&out.stderr));
    };

    // No ticket yet: exit 3, and the kinit to run.
    let r = deskhand_as(&["account", "show", "alice"]);
    assert_eq!(r.code, 3, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("no Kerberos ticket") && r.stderr.contains("kinit"), "{}", r.stderr);

    kinit("10h");
    let r = deskhand_as(&["-o", "json", "account", "show", "alice"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.json()["data"]["login"], "alice");
    // Unlock and reset as the principal, proven by the user's own binds; the audit
    // trail names the principal next to the local operator.
    add_user("t-krb", "Krb-Passw0rd-26");
    lock("t-krb");
    deskhand_as(&["account", "unlock", "t-krb", "--ticket", "INC-77"]).expect_code(0);
    assert!(bind("t-krb", "Krb-Passw0rd-26").0, "unlocked over the Kerberos bind");
    let pw = dir.path().join("pw");
    deskhand_as(&["account", "reset", "t-krb", "--password-out", pw.to_str().unwrap()]).expect_code(0);
    let (ok, said) = bind("t-krb", std::fs::read_to_string(&pw).unwrap().trim());
    assert!(!ok && said.contains("data 773"), "reset over the sealed connection, must change: {said}");
    let audit = std::fs::read_to_string(state.join("deskhand/audit.jsonl")).unwrap();
    assert_eq!(audit.lines().filter(|l| l.contains("\"bind\":\"deskhand-svc@LAB.TEST (Kerberos)\"")).count(), 2, "{audit}");
    assert!(audit.contains("INC-77") && audit.contains("\"operator\":"), "{audit}");

    // Over LDAPS, Samba's default wants sign or seal: the error says what to change.
    std::fs::write(&config, profile(&a.ldaps)).unwrap();
    let r = deskhand_as(&["account", "show", "alice"]);
    assert_eq!(r.code, 3, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("sign or seal") && r.stderr.contains("ldap://"), "{}", r.stderr);
    std::fs::write(&config, profile(&format!("ldap://{addr}"))).unwrap();

    // Without sasl_host, an address over ldap:// is refused (usage, exit 2): the service's
    // DNS name never comes from the server unverified.
    std::fs::write(&config, profile(&format!("ldap://{addr}")).replace("    sasl_host: dc1.lab.test\n", "")).unwrap();
    let r = deskhand_as(&["account", "show", "alice"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("sasl_host"), "{}", r.stderr);
    std::fs::write(&config, profile(&format!("ldap://{addr}"))).unwrap();

    // An expired ticket: exit 3, said as expired.
    kinit("2s");
    std::thread::sleep(std::time::Duration::from_secs(3));
    let r = deskhand_as(&["account", "show", "alice"]);
    assert_eq!(r.code, 3, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("expired") && r.stderr.contains("kinit"), "{}", r.stderr);
    // bind_dn beside sasl: gssapi is a usage error.
    std::fs::write(&config, profile(&format!("ldap://{addr}")) + &format!("    bind_dn: {}\n", a.bind_dn)).unwrap();
    assert_eq!(deskhand_as(&["account", "show", "alice"]).code, 2);
}

/// A fine-grained password policy (PSO) wins over the domain's: the lab gives
/// Administrator and deskhand-svc one without lockout. An administrator may read it; the
/// service account falls back to the domain policy and says why.
#[test]
fn ad_fine_grained_policy_is_used() {
    let a = ad();
    let admin = Setup::new(&format!("bind_dn: {}\npassword_file: {}\nusers: {}", a.admin_dn, a.admin_password_file, a.base));
    let r = admin.run(&["-o", "json", "account", "show", "Administrator"]);
    let policy = &r.json()["data"]["policy"];
    assert!(policy["source"].as_str().is_some_and(|s| s.contains("deskhand-lab-service")), "{}", r.stdout);
    assert_eq!(policy["lockout"], false, "{}", r.stdout);
    // Other users keep the domain's policy: 3 failures.
    let r = admin.run(&["-o", "json", "account", "show", "alice"]);
    assert_eq!(r.json()["data"]["policy"]["max_failure"], 3, "{}", r.stdout);

    let svc = Setup::new(&format!("users: {}", a.base));
    let r = svc.run(&["-o", "json", "account", "show", "deskhand-svc"]);
    let source = r.json()["data"]["policy"]["source"].as_str().unwrap_or_default().to_string();
    assert!(source.contains("deskhand-lab-service"), "the PSO is named, read or not: {source}");
}

/// The same life cycle on AD, as Administrator (the lab's service account may not create
/// users): a user created disabled, given its password over LDAPS, must change it, then
/// enabled; offboarded to OU=Disabled and restored exactly.
#[test]
fn ad_create_onboard_offboard_restore() {
    let a = ad();
    let s = Setup::new(&format!("bind_dn: {}\npassword_file: {}\ndisabled: OU=Disabled,{}", a.admin_dn, a.admin_password_file, a.base));
    let mut text = std::fs::read_to_string(&s.config).unwrap();
    text.push_str("    templates:\n      staff:\n        groups: [staff]\n        attributes:\n          description: \"{dept}\"\n          department: \"{dept}\"\n");
    std::fs::write(&s.config, text).unwrap();
    let admin = ["-x", "-H", a.ldaps.as_str(), "-D", a.admin_dn.as_str(), "-y", a.admin_password_file.as_str()];
    let _ = ldap_tool("ldapadd", &admin, Some(&format!("dn: OU=Disabled,{}\nobjectClass: organizationalUnit\nou: Disabled\n", a.base)));
    let logins: Vec<String> = std::iter::once("adcreate".to_string()).chain((1..=50).map(|i| format!("adonb{i}"))).collect();
    for l in &logins {
        let hire = l.strip_prefix("adonb").map(|i| format!("CN=Hire{i} Onb,{}", a.users)).unwrap_or_default();
        for dn_ in [format!("CN={l},{}", a.users), format!("CN={l},OU=Disabled,{}", a.base), hire] {
            let mut del = admin.to_vec();
            del.push(&dn_);
            let _ = ldap_tool("ldapdelete", &del, None);
        }
    }
    let template_rdn = s.dir.path().join("t.yaml");
    std::fs::write(&template_rdn, "groups: [staff]\nattributes:\n  cn: \"{login}\"\n  description: \"{dept}\"\n").unwrap();
    let pw = s.dir.path().join("c.pw");
    let r = s.run(&[
        "-o",
        "json",
        "account",
        "create",
        "adcreate",
        "--first",
        "Ada",
        "--last",
        "Create",
        "--template",
        template_rdn.to_str().unwrap(),
        "--set",
        "dept=Ops",
        "--copy-from",
        "alice",
        "--password-out",
        pw.to_str().unwrap(),
    ]);
    r.expect_code(0);
    let d = &r.json()["data"];
    assert_eq!(d["result"], "created", "{}", r.stdout);
    assert_eq!(d["attributes"]["userPrincipalName"][0], "adcreate@lab.test");
    let temp = std::fs::read_to_string(&pw).unwrap().trim().to_string();
    let (ok, said) = bind("adcreate", &temp);
    assert!(!ok && said.contains("data 773"), "must change at the first logon: {said}");
    let shown = s.run(&["-o", "json", "account", "show", "adcreate"]);
    let st = &shown.json()["data"]["state"];
    assert_eq!((st["disabled"].as_bool(), st["must_change"].as_bool()), (Some(false), Some(true)), "{}", shown.stdout);
    let groups = s.run(&["-o", "json", "account", "groups", "adcreate"]).json()["data"]["groups"].to_string();
    assert!(groups.contains("staff") && groups.contains("vpn") && groups.contains("Domain Users"), "{groups}");

    // 50 hires from a CSV; a dry rerun finds them all.
    let (login, temp) = crate::util::onboard_batch(s.dir.path(), |a| s.run(a), "adonb", 50);
    let (ok, said) = bind(&login, &temp);
    assert!(!ok && said.contains("data 773"), "{login} must change: {said}");

    let state = |dn_: &str| {
        let mut args = admin.to_vec();
        args.extend(["-LLL", "-o", "ldif-wrap=no", "-b", dn_, "-s", "base"]);
        args.extend(["cn", "sn", "givenName", "description", "userAccountControl", "sAMAccountName", "userPrincipalName", "memberOf"]);
        let (_, out) = ldap_tool("ldapsearch", &args, None);
        let mut lines: Vec<String> =
            out.lines().filter(|l| !l.is_empty() && !l.starts_with("dn:") && !l.starts_with('#')).map(ToString::to_string).collect();
        lines.sort();
        lines
    };
    let home = format!("CN=adcreate,{}", a.users);
    let before = state(&home);
    assert!(before.iter().any(|l| l.starts_with("memberOf:")), "{before:?}");
    let off = s.run(&["-o", "json", "account", "offboard", "adcreate", "--yes", "--ticket", "HR-4"]);
    off.expect_code(0);
    let after = state(&format!("CN=adcreate,OU=Disabled,{}", a.base));
    assert!(!after.iter().any(|l| l.starts_with("memberOf:")) && after.contains(&"userAccountControl: 514".to_string()), "{after:?}");
    let record = off.json()["data"]["record"].as_str().unwrap().to_string();
    s.run(&["account", "restore", &record]).expect_code(0);
    assert_eq!(state(&home), before, "restore is not exact");
}

/// With the whole domain as the users base, lists leave out the built-in accounts
/// (krbtgt, Samba's dns-DC account) and the disabled ones unless `--all`, and say so
/// (issue 16).
#[test]
fn ad_lists_leave_out_disabled_and_builtin_accounts() {
    let s = Setup::new(&format!("users: {}", ad().base));
    let j = s.run(&["-o", "json", "account", "expiring", "--days", "4000"]).json();
    let logins = crate::util::logins(&j);
    assert!(logins.contains(&"alice".to_string()), "{logins:?}");
    for hidden in ["krbtgt", "dns-dc1", "Administrator", "Guest", "dave"] {
        assert!(!logins.contains(&hidden.to_string()), "{hidden} listed: {logins:?}");
    }
    assert!(j["data"]["left_out"]["builtin"].as_u64().unwrap() >= 2, "{j}");
    assert!(j["data"]["left_out"]["disabled"].as_u64().unwrap() >= 1, "{j}");
    let md = s.run(&["-o", "markdown", "account", "expiring", "--days", "4000"]);
    assert!(md.stdout.contains("built-in left out; --all lists them"), "{}", md.stdout);
    let all = s.run(&["-o", "json", "account", "expiring", "--days", "4000", "--all"]).json();
    assert_eq!(crate::util::account(&all, "krbtgt")["builtin"], true, "{all}");
    assert_eq!(crate::util::account(&all, "dns-dc1")["builtin"], true, "{all}");
    let dave = crate::util::account(&all, "dave");
    assert_eq!((dave["disabled"].as_bool(), dave["builtin"].as_bool()), (Some(true), Some(false)), "{all}");
    // The locked list follows the same rule, and says what it left out.
    let locked = s.run(&["-o", "json", "account", "locked"]).json();
    assert!(!crate::util::logins(&locked).iter().any(|l| l == "krbtgt" || l == "Guest"), "{locked}");
    assert!(locked["data"]["left_out"]["builtin"].is_u64(), "{locked}");
}
