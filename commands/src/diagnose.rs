//! `deskhand diagnose`: a ticket's users and hosts in one run, ending in findings, worst
//! first, each with its evidence and the deskhand command that would fix it (never run
//! by itself). It changes nothing and asks nothing; a part that cannot run is a finding
//! of its own, not an abort. This module holds the report and the rules that turn each
//! part's own report into findings; the parts are the `account show`, `account groups`,
//! `net check` and `net dns` of the other modules.

use crate::Outcome;
use crate::account::groups::{GroupsReport, PROTECTED_USERS};
use crate::account::show::AccountStatus;
use crate::net::check::{CheckReport, LayerStatus};
use crate::net::dns::{DnsReport, ServerAnswer, Status as DnsStatus};
use crate::util::{now_unix, parse_rfc3339, sanitize};
use serde::Serialize;

/// How bad a finding is, from the worst down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Stands in the way: the user cannot log in, the host cannot be reached.
    Problem,
    /// A part could not run or a server could not be asked: the answer is incomplete.
    Unknown,
    /// Works now, but is about to break or may explain the ticket.
    Warning,
    /// Worth knowing.
    Info,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Finding {
    pub severity: Severity,
    /// What it is about: `user bob`, `host vpn.example.test:443`, `directory lab`.
    pub subject: String,
    pub finding: String,
    /// The facts behind it.
    pub evidence: String,
    /// The deskhand command that would fix it, where one exists; never run by diagnose.
    pub fix: Option<String>,
    /// What to do when no command fixes it.
    pub next_step: Option<String>,
}

/// One user's part: the status card (every server of the profile when it lists
/// several) and the groups, or why they could not be read.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct UserPart {
    pub login: String,
    /// False when the login does not name one user account: none, several, or an entry deskhand does
    /// not act on. (Any other failure to read it leaves this true, with `card` empty.)
    pub found: bool,
    pub card: Option<AccountStatus>,
    pub groups: Option<GroupsReport>,
    pub error: Option<String>,
    /// For an account that is disabled or offboarded: the undo record of its offboarding
    /// on this machine, when there is one.
    pub offboarding: Option<OffboardingRecord>,
    /// Where undo records were looked for (`None`: nowhere, no state folder).
    #[serde(skip)]
    #[schemars(skip)]
    pub records_searched: Option<String>,
}

/// The undo record an offboarding wrote (`account restore RECORD` puts the account back).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct OffboardingRecord {
    pub record: String,
    /// When the offboarding ran (RFC 3339).
    pub created: String,
    pub operator: String,
    pub ticket: Option<String>,
    /// The offboarding set a random password, which a restore does not undo.
    pub password_reset: bool,
    /// Every undo record this offboarding left, oldest first (a held-back or failed run
    /// and the one that finished leave one each; `record` is the first). They are
    /// restored newest first.
    pub records: Vec<String>,
}

/// One host's part: the `net check` triage, the DNS servers' answers side by side when
/// the config names them, or why it could not run.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct HostPart {
    pub target: String,
    pub check: Option<CheckReport>,
    pub dns: Option<DnsReport>,
    pub error: Option<String>,
}

/// The report of `diagnose`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DiagnoseReport {
    pub ticket: Option<String>,
    /// When it ran (RFC 3339).
    pub at: String,
    /// Worst first.
    pub findings: Vec<Finding>,
    pub users: Vec<UserPart>,
    pub hosts: Vec<HostPart>,
}

/// Days ahead within which an end date or a password expiry is a warning.
pub const SOON_DAYS: i64 = 7;

/// The options every fix command ends with: the directory diagnose asked (so a pasted
/// command acts on the same one) and the ticket.
fn tail_args(directory: Option<&str>, ticket: Option<&str>) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if let Some(d) = directory {
        let _ = write!(out, " --directory {}", shell_word(d));
    }
    if let Some(t) = ticket {
        let _ = write!(out, " --ticket {}", shell_word(t));
    }
    out
}

/// A value as one shell word (quoted when it needs to be; `=` or `-` first is quoted too,
/// though a login starting with `-` still reads as an option: `account find` shows it).
fn shell_word(text: &str) -> String {
    if !text.is_empty() && !text.starts_with(['-', '=']) && text.chars().all(|c| c.is_ascii_alphanumeric() || "-_.@=/:+,".contains(c)) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

fn within(when: Option<&str>, now: i64, days: i64) -> bool {
    when.and_then(parse_rfc3339).is_some_and(|t| t > now && t - now <= days * 86_400)
}

/// The findings of one user's card and groups.
pub fn user_findings(part: &UserPart, directory: Option<&str>, ticket: Option<&str>, now: i64) -> Vec<Finding> {
    let subject = format!("user {}", part.login);
    let mut out = Vec::new();
    let finding = |severity, what: String, evidence: String, fix: Option<String>, next: Option<&str>| Finding {
        severity,
        subject: subject.clone(),
        finding: what,
        evidence,
        fix,
        next_step: next.map(ToString::to_string),
    };
    let Some(card) = &part.card else {
        if !part.found {
            out.push(finding(
                Severity::Problem,
                "the login does not name one user account".into(),
                part.error.clone().unwrap_or_default(),
                Some(format!("deskhand account find {}{}", shell_word(&part.login), tail_args(directory, None))),
                Some("check the login the user gave"),
            ));
            return out;
        }
        let why = part.error.clone().unwrap_or_else(|| "not read".into());
        out.push(finding(Severity::Unknown, "the account could not be read".into(), why, None, Some("see the evidence; rerun when fixed")));
        return out;
    };
    let login = shell_word(&card.login);
    let t = tail_args(directory, ticket);
    let s = &card.state;
    let several = card.servers.as_ref().is_some_and(|v| v.len() > 1);
    let all = if several { " --all-servers" } else { "" };
    // Locks: per server when every server was asked, else the card's own.
    let locked_on: Vec<String> = card
        .servers
        .iter()
        .flatten()
        .filter(|v| v.locked == Some(true))
        .map(|v| match &v.locked_since {
            Some(since) => format!("{} since {since}", v.server),
            None => v.server.clone(),
        })
        .collect();
    if s.lock.locked || !locked_on.is_empty() {
        let where_ = if locked_on.is_empty() { card.directory.clone() } else { locked_on.join(", ") };
        let mut evidence = match (&s.lock.since, &s.lock.until) {
            (Some(since), Some(until)) => format!("locked since {since}, lifts by itself at {until}"),
            (Some(since), None) => format!("locked since {since}, until an administrator unlocks"),
            _ => "locked".to_string(),
        };
        let failures: Vec<String> = card
            .servers
            .iter()
            .flatten()
            .filter(|v| v.failures.unwrap_or(0) > 0)
            .map(|v| {
                format!(
                    "{}{} counts {} bad password(s), last {}",
                    v.server,
                    if v.pdc_emulator == Some(true) {
                        " (the PDC emulator: its count may include failures other DCs forwarded)"
                    } else {
                        ""
                    },
                    v.failures.unwrap_or(0),
                    v.last_failure.as_deref().unwrap_or("?")
                )
            })
            .collect();
        if !failures.is_empty() {
            evidence = format!("{evidence}; {}", failures.join("; "));
        } else if s.failures > 0 {
            evidence = format!("{evidence}; {} bad password(s), last {}", s.failures, s.last_failure.as_deref().unwrap_or("?"));
        }
        out.push(finding(
            Severity::Problem,
            format!("locked on {where_}"),
            evidence,
            Some(format!("deskhand account unlock {login}{all}{t}")),
            None,
        ));
    } else {
        for v in card.servers.iter().flatten().filter(|v| v.failures.unwrap_or(0) > 0) {
            let n = v.failures.unwrap_or(0);
            let near = card.policy.lockout != Some(false) && card.policy.max_failure.is_some_and(|m| m > 0 && n + 1 >= m);
            out.push(finding(
                if near { Severity::Warning } else { Severity::Info },
                format!("{} counts {n} bad password(s){}", v.server, if near { ": one more locks the account there" } else { "" }),
                format!(
                    "last at {}; the machine that sent them is in that server's security log (event 4740/4625), which LDAP cannot read",
                    v.last_failure.as_deref().unwrap_or("?")
                ),
                near.then(|| format!("deskhand account unlock {login}{all}{t}")),
                None,
            ));
        }
        if card.servers.is_none() && s.failures > 0 {
            out.push(finding(
                Severity::Info,
                format!("{} bad password(s) since the last good one", s.failures),
                format!("last at {}", s.last_failure.as_deref().unwrap_or("?")),
                None,
                None,
            ));
        }
    }
    if card.offboarded || s.disabled && part.offboarding.is_some() {
        // Offboarded: `account enable` alone would leave it in the disabled OU without its
        // groups; the offboarding's undo record puts everything back.
        let place = if card.offboarded { format!("it sits in the disabled accounts' OU ({})", card.dn) } else { card.dn.clone() };
        match &part.offboarding {
            Some(r) => {
                let more = if r.records.len() > 1 {
                    format!(" and {} more of its later runs, restored newest first", r.records.len() - 1)
                } else {
                    String::new()
                };
                let fix: Vec<String> = r
                    .records
                    .iter()
                    .rev()
                    .map(|p| format!("deskhand account restore {}{t}", shell_word(p)))
                    .collect();
                let next = if r.password_reset {
                    format!(
                        "restore only if the offboarding was a mistake (check with whoever asked for it); it also set a random password, which a restore does not undo: then `deskhand account reset {login}`"
                    )
                } else {
                    "restore only if the offboarding was a mistake: check with whoever asked for it".to_string()
                };
                out.push(Finding {
                    next_step: Some(next),
                    ..finding(
                        Severity::Problem,
                        format!(
                            "the account was offboarded on {}{}",
                            r.created,
                            r.ticket.as_ref().map_or(String::new(), |t| format!(" (ticket {t})"))
                        ),
                        format!("{place}; undo record {} written by {}{more}", r.record, r.operator),
                        Some(fix.join(" && ")),
                        None,
                    )
                });
            }
            None => out.push(finding(
                Severity::Problem,
                "the account was offboarded".into(),
                match &part.records_searched {
                    Some(d) => format!("{place}; no undo record of it (not restored yet) under {d}"),
                    None => format!("{place}; no undo records looked for (neither XDG_STATE_HOME nor HOME is set)"),
                },
                None,
                Some(
                    "if it was a mistake: `deskhand account restore RECORD` with the record its offboarding wrote (deskhand/offboard/ under the state folder of the machine that ran it)",
                ),
            )),
        }
    } else if s.disabled {
        out.push(finding(
            Severity::Problem,
            "the account is disabled".into(),
            format!("{} ({})", card.dn, card.directory),
            Some(format!("deskhand account enable {login}{t}")),
            Some("enable only if the disable was not meant (an offboarding, a security hold)"),
        ));
    }
    if s.account_expired {
        out.push(finding(
            Severity::Problem,
            format!("the account expired on {}", s.account_expires.as_deref().unwrap_or("?")),
            s.account_expires_from.clone().unwrap_or_default(),
            Some(format!("deskhand account expire {login} --on never{t}")),
            Some("or a new end date: --on YYYY-MM-DD"),
        ));
    } else if within(s.account_expires.as_deref(), now, SOON_DAYS) {
        out.push(finding(
            Severity::Warning,
            format!("the account expires on {}", s.account_expires.as_deref().unwrap_or("?")),
            s.account_expires_from.clone().unwrap_or_default(),
            Some(format!("deskhand account expire {login} --on YYYY-MM-DD{t}")),
            None,
        ));
    }
    if s.not_valid_yet {
        out.push(finding(
            Severity::Problem,
            format!("the account is not valid until {}", s.valid_from.as_deref().unwrap_or("later")),
            "pwdStartTime".into(),
            None,
            Some("wait, or ask whoever set the start date"),
        ));
    }
    if s.password_expired {
        let grace = s.grace_logins_left.unwrap_or(0);
        out.push(finding(
            if grace == 0 { Severity::Problem } else { Severity::Warning },
            format!("the password expired on {}", s.password_expires.as_deref().unwrap_or("?")),
            if grace == 0 { "no grace logins left".into() } else { format!("{grace} grace login(s) left") },
            Some(format!("deskhand account reset {login}{t}")),
            Some("or the user changes it at a workstation logon"),
        ));
    } else if within(s.password_expires.as_deref(), now, SOON_DAYS) {
        out.push(finding(
            Severity::Warning,
            format!("the password expires on {}", s.password_expires.as_deref().unwrap_or("?")),
            format!("changed {}", s.password_changed.as_deref().unwrap_or("?")),
            None,
            Some("the user changes it before then"),
        ));
    }
    if s.outside_logon_hours {
        out.push(finding(
            Severity::Problem,
            "now is outside the account's logon hours".into(),
            format!("allowed: {} (logonHours)", s.logon_hours.as_deref().unwrap_or("none")),
            None,
            Some("wait for the allowed hours, or widen them (Active Directory Users and Computers: Account, Logon Hours)"),
        ));
    } else if let Some(hours) = &s.logon_hours {
        out.push(finding(Severity::Info, format!("logons only at {hours}"), "logonHours".into(), None, None));
    }
    if s.smartcard_required {
        out.push(finding(
            Severity::Warning,
            "a smart card is required: password sign-ins fail".into(),
            "userAccountControl 0x40000 (SMARTCARD_REQUIRED): AD gave the account a random password".into(),
            None,
            Some("sign in with the smart card; if the requirement is a mistake, clear it (Active Directory Users and Computers: Account options), then reset the password, as clearing leaves the random one"),
        ));
    }
    if card.flavor == crate::account::flavor::Flavor::Ad && s.protected_users.is_none() {
        out.push(finding(
            Severity::Unknown,
            format!("whether it is in {PROTECTED_USERS} could not be read"),
            "objectSid and tokenGroups of the account".into(),
            None,
            Some("the service account needs to read them (Authenticated Users may by default)"),
        ));
    }
    if s.protected_users == Some(true) {
        // The path, when the groups' walk saw the group by its English name.
        let via = part.groups.as_ref().and_then(|g| g.inherited.iter().find(|i| i.name.eq_ignore_ascii_case(PROTECTED_USERS)));
        let how = via.map_or(String::new(), |i| format!(" (via {})", i.via.join(" > ")));
        out.push(finding(
            Severity::Warning,
            format!("a member of {PROTECTED_USERS}{how}: NTLM sign-ins fail where the DCs enforce it"),
            "Windows DCs (2012 R2 and later) refuse NTLM, Digest and CredSSP for its members and keep their Kerberos tickets to 4 hours: MSCHAPv2 VPN and Wi-Fi sign-ins, and older apps, fail (group found by its SID, RID 525)".into(),
            None,
            Some("use Kerberos or certificate sign-in for them, or take the account out of the group if it does not need the protection"),
        ));
    }
    if !s.workstations.is_empty() {
        out.push(finding(
            Severity::Warning,
            format!("logons only from {}", s.workstations.join(", ")),
            "userWorkstations: from any other machine, and over LDAP binds (VPN and web sign-ins that use them), logons fail (data 531)"
                .into(),
            None,
            Some("if the user signs in elsewhere, add that machine (Active Directory Users and Computers: Account, Log On To)"),
        ));
    }
    if s.must_change {
        out.push(finding(
            Severity::Warning,
            "the password must be changed at the next logon".into(),
            "VPN, mail and web logins often cannot change it and fail".into(),
            None,
            Some("the user logs on at a workstation once to set a new password"),
        ));
    }
    for v in card.servers.iter().flatten().filter(|v| v.error.is_some()) {
        out.push(finding(
            Severity::Unknown,
            format!("{} could not be asked", v.server),
            sanitize(v.error.as_deref().unwrap_or_default()),
            None,
            Some("the card lacks that server's view (its lock and failure count)"),
        ));
    }
    for note in &s.unreadable {
        out.push(finding(Severity::Warning, "a status value is unreadable".into(), note.clone(), None, None));
    }
    if let Some(e) = &part.error {
        out.push(finding(Severity::Unknown, "the groups could not be read".into(), e.clone(), None, None));
    }
    if let Some(g) = &part.groups {
        for note in &g.notes {
            out.push(finding(Severity::Info, "the group nesting was cut".into(), note.clone(), None, None));
        }
    }
    out
}

/// The findings of one host's triage and DNS comparison.
pub fn host_findings(part: &HostPart) -> Vec<Finding> {
    let subject = format!("host {}", part.target);
    let mut out = Vec::new();
    if let Some(e) = &part.error {
        out.push(Finding {
            severity: Severity::Unknown,
            subject: subject.clone(),
            finding: "the check could not run".into(),
            evidence: e.clone(),
            fix: None,
            next_step: None,
        });
    }
    if let Some(c) = &part.check {
        let evidence: Vec<String> = c
            .layers
            .iter()
            .filter(|l| l.status != LayerStatus::Skipped || c.verdict.failed_layer == Some(l.layer))
            .map(|l| format!("{}: {}", l.layer, l.detail))
            .collect();
        if c.verdict.ok {
            for l in c.layers.iter().filter(|l| l.status == LayerStatus::Warning || l.layer == "ping" && l.status == LayerStatus::Skipped) {
                out.push(Finding {
                    severity: if l.status == LayerStatus::Warning { Severity::Warning } else { Severity::Info },
                    subject: subject.clone(),
                    finding: if l.status == LayerStatus::Warning { format!("{} warns", l.layer) } else { "ping did not run".into() },
                    evidence: l.detail.clone(),
                    fix: None,
                    next_step: None,
                });
            }
        } else {
            out.push(Finding {
                severity: Severity::Problem,
                subject: subject.clone(),
                finding: c.verdict.message.clone(),
                evidence: evidence.join("; "),
                fix: None,
                next_step: c.verdict.next_step.clone(),
            });
        }
    }
    if let Some(d) = &part.dns {
        // A server that sent no reply (timeout, nothing listening, no route, a reply that
        // could not be read: an error without a response code) says nothing about the
        // name: it is unknown there, and the others are compared among themselves.
        let silent = |a: &ServerAnswer| {
            matches!(a.status, DnsStatus::Timeout | DnsStatus::Unreachable) || a.status == DnsStatus::Error && a.rcode.is_none()
        };
        let mut unanswered: Vec<(String, Vec<String>)> = Vec::new();
        for l in &d.lookups {
            for a in l.answers.iter().filter(|a| silent(a)) {
                let what = format!("{} {}", l.name, l.rtype);
                let why = a.error.clone().unwrap_or_else(|| a.status.as_str().into());
                match unanswered.iter_mut().find(|(s, _)| *s == a.server) {
                    Some((_, v)) => v.push(format!("{what}: {why}")),
                    None => unanswered.push((a.server.clone(), vec![format!("{what}: {why}")])),
                }
            }
        }
        for (server, what) in unanswered {
            out.push(Finding {
                severity: Severity::Unknown,
                subject: subject.clone(),
                finding: format!("DNS server {server} did not answer"),
                evidence: what.join("; "),
                fix: None,
                next_step: Some("its view of the name is unknown: check that server (up, reachable, port 53 open)".into()),
            });
        }
        for l in &d.lookups {
            let heard: Vec<&ServerAnswer> = l.answers.iter().filter(|a| !silent(a)).collect();
            if l.agree || heard.windows(2).all(|w| crate::net::dns::same_answer(w[0], w[1])) {
                continue;
            }
            let said: Vec<String> = heard
                .iter()
                .map(|a| {
                    let data: Vec<&str> = a.records.iter().map(|r| r.data.as_str()).collect();
                    let what = if data.is_empty() {
                        a.rcode.clone().or(a.error.clone()).unwrap_or_else(|| "nothing".into())
                    } else {
                        data.join(", ")
                    };
                    format!("{} says {what}", a.server)
                })
                .collect();
            out.push(Finding {
                severity: Severity::Warning,
                subject: subject.clone(),
                finding: format!("the DNS servers disagree on {} {}", l.name, l.rtype),
                evidence: said.join("; "),
                fix: None,
                next_step: Some(
                    "users on different servers reach different addresses: check the zone on each server (replication, a stale record)"
                        .into(),
                ),
            });
        }
    }
    out
}

/// Puts the findings worst first (stable: within a severity, the order of the ticket).
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by_key(|f| f.severity);
}

/// The exit status of the whole run: a problem says no (1) even where another part is
/// unknown; otherwise an unknown part leaves the answer incomplete (3).
pub fn outcome(findings: &[Finding]) -> Outcome {
    if findings.iter().any(|f| f.severity == Severity::Problem) {
        Outcome::CheckFailed
    } else if findings.iter().any(|f| f.severity == Severity::Unknown) {
        Outcome::Incomplete
    } else {
        Outcome::Ok
    }
}

/// The report from its parts.
pub fn report(
    ticket: Option<String>,
    directory: Option<&str>,
    users: Vec<UserPart>,
    hosts: Vec<HostPart>,
    mut extra: Vec<Finding>,
) -> (DiagnoseReport, Outcome) {
    let now = now_unix();
    for u in &users {
        extra.extend(user_findings(u, directory, ticket.as_deref(), now));
    }
    for h in &hosts {
        extra.extend(host_findings(h));
    }
    sort(&mut extra);
    let outcome = outcome(&extra);
    (DiagnoseReport { ticket, at: crate::util::rfc3339(now), findings: extra, users, hosts }, outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::flavor::{AccountState, Flavor, Lock, Policy};
    use crate::account::servers::ServerState;

    /// An AD user's part (Protected Users read: not a member, unless `state` says).
    fn card(mut state: AccountState, servers: Option<Vec<ServerState>>) -> UserPart {
        state.protected_users.get_or_insert(false);
        UserPart {
            login: "bob".into(),
            found: true,
            card: Some(AccountStatus {
                login: "bob".into(),
                dn: "CN=bob,DC=lab".into(),
                name: None,
                mail: None,
                groups: vec![],
                flavor: Flavor::Ad,
                state,
                policy: Policy { max_failure: Some(3), lockout: Some(true), ..Policy::default() },
                can_log_in: true,
                reasons: vec![],
                directory: "dc1".into(),
                offboarded: false,
                servers,
            }),
            groups: None,
            error: None,
            offboarding: None,
            records_searched: None,
        }
    }

    #[test]
    fn a_lock_on_one_dc_is_a_problem_with_the_unlock_command() {
        let dc2 = ServerState {
            server: "dc2".into(),
            locked: Some(true),
            locked_since: Some("2026-12-04T09:14:00Z".into()),
            failures: Some(3),
            last_failure: Some("2026-12-04T09:14:00Z".into()),
            ..ServerState::default()
        };
        let dc1 = ServerState { server: "dc1".into(), locked: Some(false), failures: Some(0), ..ServerState::default() };
        let f = user_findings(&card(AccountState::default(), Some(vec![dc1, dc2])), None, Some("INC-42"), 0);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Problem);
        assert_eq!(f[0].finding, "locked on dc2 since 2026-12-04T09:14:00Z");
        assert!(f[0].evidence.contains("dc2 counts 3 bad password(s)"), "{}", f[0].evidence);
        assert_eq!(f[0].fix.as_deref(), Some("deskhand account unlock bob --all-servers --ticket INC-42"));
    }

    /// AD sign-in rules that are not locks: a smart card required, Protected Users (with
    /// the path when the groups' walk saw it), logon hours, workstations.
    #[test]
    fn ad_sign_in_rules_are_warnings_with_their_reason() {
        let state = AccountState {
            smartcard_required: true,
            protected_users: Some(true),
            logon_hours: Some("Mon-Fri 08:00-18:00 (UTC)".into()),
            workstations: vec!["PC1".into()],
            ..AccountState::default()
        };
        let mut part = card(state, None);
        part.groups = Some(GroupsReport {
            login: "bob".into(),
            dn: "CN=bob,DC=lab".into(),
            groups: vec!["Admins".into()],
            inherited: vec![crate::account::groups::InheritedGroup {
                name: "Protected Users".into(),
                dn: "CN=Protected Users,CN=Users,DC=lab".into(),
                via: vec!["Admins".into()],
            }],
            notes: vec![],
        });
        let got: Vec<(Severity, String)> = user_findings(&part, None, None, 0).into_iter().map(|f| (f.severity, f.finding)).collect();
        assert_eq!(
            got,
            [
                (Severity::Info, "logons only at Mon-Fri 08:00-18:00 (UTC)".to_string()),
                (Severity::Warning, "a smart card is required: password sign-ins fail".to_string()),
                (Severity::Warning, "a member of Protected Users (via Admins): NTLM sign-ins fail where the DCs enforce it".to_string()),
                (Severity::Warning, "logons only from PC1".to_string()),
            ]
        );
        // Outside the hours: a problem.
        let state = AccountState { logon_hours: Some("none".into()), outside_logon_hours: true, ..AccountState::default() };
        let f = user_findings(&card(state, None), None, None, 0);
        assert_eq!((f[0].severity, f[0].finding.as_str()), (Severity::Problem, "now is outside the account's logon hours"));
        assert_eq!(outcome(&f), Outcome::CheckFailed);
    }

    /// An offboarding run twice (held back, then finished) left two records: the fix
    /// restores them newest first, one pasted line; a reset password is said.
    #[test]
    fn an_offboarding_of_several_runs_is_restored_newest_first() {
        let mut part = card(AccountState { disabled: true, ..AccountState::default() }, None);
        part.offboarding = Some(OffboardingRecord {
            record: "/s/bob-1.json".into(),
            created: "2026-12-01T10:00:00Z".into(),
            operator: "tech".into(),
            ticket: Some("HR-1".into()),
            password_reset: true,
            records: vec!["/s/bob-1.json".into(), "/s/bob 2.json".into()],
        });
        let f = user_findings(&part, Some("lab"), None, 0);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].finding, "the account was offboarded on 2026-12-01T10:00:00Z (ticket HR-1)");
        assert_eq!(
            f[0].fix.as_deref(),
            Some("deskhand account restore '/s/bob 2.json' --directory lab && deskhand account restore /s/bob-1.json --directory lab")
        );
        assert!(f[0].evidence.ends_with("and 1 more of its later runs, restored newest first"), "{}", f[0].evidence);
        assert!(f[0].next_step.as_deref().unwrap().ends_with("then `deskhand account reset bob`"), "{:?}", f[0].next_step);
    }

    fn answer(server: &str, status: DnsStatus, rcode: Option<&str>, data: &[&str]) -> ServerAnswer {
        ServerAnswer {
            server: server.into(),
            status,
            rcode: rcode.map(Into::into),
            authoritative: false,
            protocol: None,
            time_ms: 0.0,
            records: data
                .iter()
                .map(|d| crate::net::dns::Record { name: "x.test.".into(), rtype: "A".into(), ttl: 60, data: (*d).into() })
                .collect(),
            error: (rcode.is_none() && status != DnsStatus::Ok).then(|| "no reply".into()),
        }
    }

    fn dns_part(answers: Vec<ServerAnswer>) -> HostPart {
        let lookup = crate::net::dns::Lookup {
            name: "x.test".into(),
            query: "x.test.".into(),
            rtype: "A".into(),
            agree: answers.windows(2).all(|w| crate::net::dns::same_answer(&w[0], &w[1])),
            resolved: answers.iter().all(|a| a.status == DnsStatus::Ok),
            answers,
        };
        let summary = crate::net::dns::DnsSummary { lookups: 1, resolved: 0, no_data: 0, failed: 0, disagreements: 0 };
        HostPart {
            target: "x.test:443".into(),
            check: None,
            dns: Some(DnsReport { servers: vec![], lookups: vec![lookup], summary }),
            error: None,
        }
    }

    /// A server with no reply (timeout, unreachable, an error without a response code) is
    /// unknown there, never a disagreement; those that answered are compared.
    #[test]
    fn a_dns_server_without_a_reply_is_unknown_not_a_disagreement() {
        let what = |p: &HostPart| host_findings(p).into_iter().map(|f| (f.severity, f.finding)).collect::<Vec<_>>();
        let ok = |s: &str, ip: &str| answer(s, DnsStatus::Ok, Some("NOERROR"), &[ip]);
        // One answers, one times out, one cannot be reached, one's reply is unreadable.
        let got = what(&dns_part(vec![
            ok("a", "10.0.0.1"),
            answer("b", DnsStatus::Timeout, None, &[]),
            answer("c", DnsStatus::Unreachable, None, &[]),
            answer("d", DnsStatus::Error, None, &[]),
        ]));
        let silent = |s: &str| (Severity::Unknown, format!("DNS server {s} did not answer"));
        assert_eq!(got, [silent("b"), silent("c"), silent("d")]);
        // None answers: each is unknown, nothing is compared.
        let got = what(&dns_part(vec![answer("a", DnsStatus::Timeout, None, &[]), answer("b", DnsStatus::Timeout, None, &[])]));
        assert_eq!(got, [silent("a"), silent("b")]);
        // Two that answer disagree (an address, a refusal with its code): said, and the
        // silent one is not in the evidence.
        let part = dns_part(vec![
            ok("a", "10.0.0.1"),
            answer("b", DnsStatus::Timeout, None, &[]),
            answer("c", DnsStatus::Refused, Some("REFUSED"), &[]),
        ]);
        let f = host_findings(&part);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[1].severity, f[1].finding.as_str()), (Severity::Warning, "the DNS servers disagree on x.test A"));
        assert_eq!(f[1].evidence, "a says 10.0.0.1; c says REFUSED");
        // Agreeing servers and a silent one: only the silent one.
        let got = what(&dns_part(vec![ok("a", "10.0.0.1"), ok("b", "10.0.0.1"), answer("c", DnsStatus::Timeout, None, &[])]));
        assert_eq!(got, [silent("c")]);
    }

    #[test]
    fn findings_sort_worst_first_and_set_the_exit() {
        let state = AccountState {
            disabled: true,
            must_change: true,
            lock: Lock::default(),
            account_expires: Some("2026-12-06T00:00:00Z".into()),
            ..AccountState::default()
        };
        let now = parse_rfc3339("2026-12-04T00:00:00Z").unwrap();
        let mut f = user_findings(&card(state, None), Some("lab"), Some("it's 1"), now);
        f.push(Finding {
            severity: Severity::Unknown,
            subject: "host x".into(),
            finding: "could not run".into(),
            evidence: String::new(),
            fix: None,
            next_step: None,
        });
        sort(&mut f);
        let kinds: Vec<Severity> = f.iter().map(|f| f.severity).collect();
        assert_eq!(kinds, [Severity::Problem, Severity::Unknown, Severity::Warning, Severity::Warning]);
        assert_eq!(f[0].fix.as_deref(), Some("deskhand account enable bob --directory lab --ticket 'it'\\''s 1'"));
        assert_eq!(outcome(&f), Outcome::CheckFailed);
        assert_eq!(outcome(&f[1..]), Outcome::Incomplete);
        assert_eq!(outcome(&f[2..]), Outcome::Ok);
    }
}
