//! `--all-servers`: one account as each server of a directory sees it. Active Directory
//! keeps the lockout and failure counters per domain controller (`badPwdCount` and
//! `lastLogon` are never replicated, `lockoutTime` is, a moment later), so a user can be
//! locked on one DC and not on another, or "unlocked" yet one bad password away from a
//! new lock on the DC that counted the failures. Replicated OpenLDAP and 389-ds keep
//! their failure counters per server too, unless the replicas forward them.

use super::directory::{Directory, Entry, LdapDirectory, Profile, Scope, Secret};
use super::flavor::{Flavor, Policy, ad};
use super::show::AccountStatus;
use crate::Outcome;
use crate::error::{CommandError, Result};
use crate::util::{parse_generalized_time, rfc3339, sanitize};
use serde::Serialize;

/// The account on one server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ServerState {
    pub server: String,
    /// Why this server could not be asked; the fields below are then empty.
    pub error: Option<String>,
    pub locked: Option<bool>,
    /// When the lock was set, as this server has it.
    pub locked_since: Option<String>,
    /// Failed logins this server counts.
    pub failures: Option<u32>,
    pub last_failure: Option<String>,
    /// The last successful login this server saw (AD `lastLogon`, OpenLDAP
    /// `pwdLastSuccess`, 389 `lastLoginTime`); `None`: never, or not recorded.
    pub last_logon: Option<String>,
    /// AD: whether this DC holds the PDC emulator role. Other DCs forward a failed logon
    /// to it, so its count may hold failures that arrived elsewhere. `None`: not AD, or
    /// not known.
    pub pdc_emulator: Option<bool>,
    /// AD: this DC's NTDS Settings DN (root DSE `dsServiceName`), to match the domain's
    /// PDC emulator role owner.
    #[serde(skip)]
    #[schemars(skip)]
    pub ds_service: Option<String>,
}

/// The per-server attributes beyond the flavour's status attributes.
fn extra_attributes(flavor: Flavor) -> &'static [&'static str] {
    match flavor {
        Flavor::Ad => &["lastLogon"],
        Flavor::Openldap => &["pwdLastSuccess"],
        Flavor::Ds389 => &["lastLoginTime"],
    }
}

fn last_logon(flavor: Flavor, entry: &Entry) -> Option<String> {
    match flavor {
        Flavor::Ad => entry.first("lastLogon").and_then(ad::filetime).map(rfc3339),
        Flavor::Openldap => entry.first("pwdLastSuccess").and_then(parse_generalized_time).map(rfc3339),
        Flavor::Ds389 => entry.first("lastLoginTime").and_then(parse_generalized_time).map(rfc3339),
    }
}

/// Connects to the profile's other servers at once (same credentials); a server that
/// cannot be reached is an entry with its error.
pub async fn connect_others(profile: &Profile, password: Option<&Secret>) -> Result<Vec<(String, Result<LdapDirectory>)>> {
    let all = profile.all_servers();
    if all.len() < 2 {
        return Err(CommandError::usage(format!("directory '{}' lists no other servers to ask", profile.name))
            .with_hint("list them in the profile: servers: [ldaps://dc2.example.test, ...]"));
    }
    let connects = all[1..].iter().map(|url| async move {
        let result = LdapDirectory::connect(&profile.on_server(url), password).await;
        (url.clone(), result)
    });
    Ok(futures::future::join_all(connects).await)
}

/// The status card of `account show`: from the profile's server, or with `all_servers`
/// from every server of the profile, side by side. On AD without it, a lock or failures
/// say that the other DCs were not asked.
pub async fn card(
    dir: &LdapDirectory,
    profile: &Profile,
    password: Option<&Secret>,
    flavor: Flavor,
    user: &str,
    all_servers: bool,
) -> Result<(AccountStatus, Outcome)> {
    if !all_servers {
        let (mut status, outcome) = super::show::run(dir, profile, flavor, user).await?;
        if flavor == Flavor::Ad && (status.state.lock.locked || status.state.failures > 0) && profile.all_servers().len() > 1 {
            status.reasons.push("each DC counts bad passwords itself: --all-servers shows which one counted them".into());
        }
        return Ok((status, outcome));
    }
    // The other servers are connected to while the first one reads the account.
    let (shown, others) = futures::join!(super::show::run(dir, profile, flavor, user), connect_others(profile, password));
    let (status, others) = (shown?.0, others?);
    Ok(fold_servers(status, dir, &others, profile, flavor).await)
}

/// The card from every server of the profile, over connections to the other servers
/// already made (`connect_others`): a run that reads many accounts connects once.
pub async fn card_across(
    dir: &LdapDirectory,
    others: &[(String, Result<LdapDirectory>)],
    profile: &Profile,
    flavor: Flavor,
    user: &str,
) -> Result<(AccountStatus, Outcome)> {
    let (status, _) = super::show::run(dir, profile, flavor, user).await?;
    Ok(fold_servers(status, dir, others, profile, flavor).await)
}

/// The card of the profile's server, with every server's view of the account folded in.
async fn fold_servers(
    mut status: AccountStatus,
    dir: &LdapDirectory,
    others: &[(String, Result<LdapDirectory>)],
    profile: &Profile,
    flavor: Flavor,
) -> (AccountStatus, Outcome) {
    let mut servers: Vec<(String, std::result::Result<&LdapDirectory, CommandError>)> = vec![(profile.url.clone(), Ok(dir))];
    servers.extend(others.iter().map(|(url, d)| (url.clone(), d.as_ref().map_err(Clone::clone))));
    let (mut per_server, pdc) = futures::join!(across(&servers, flavor, &status.policy, &status.dn), async {
        if flavor == Flavor::Ad { pdc_emulator(dir).await } else { None }
    });
    if let Some(pdc) = pdc {
        let pdc = super::escape::normalize_dn(&pdc);
        for s in per_server.iter_mut().filter(|s| s.error.is_none()) {
            s.pdc_emulator = s.ds_service.as_deref().map(|d| super::escape::normalize_dn(d) == pdc);
        }
    }
    let outcome = judge(&mut status, per_server);
    (status, outcome)
}

/// Reads the account `dn` on one server.
pub async fn state_on<D: Directory>(dir: &D, flavor: Flavor, policy: &Policy, dn: &str, now: i64) -> Result<ServerState> {
    let mut attrs: Vec<&str> = flavor.status_attributes().to_vec();
    attrs.extend_from_slice(extra_attributes(flavor));
    if flavor == Flavor::Ad {
        attrs.extend_from_slice(ad::COMPUTED_ATTRS);
    }
    // On AD, which DC this is (its NTDS Settings), asked together with the account.
    let (found, dse) = futures::join!(dir.search(dn, Scope::Base, "(objectClass=*)", &attrs), async {
        if flavor == Flavor::Ad { dir.search("", Scope::Base, "(objectClass=*)", &["dsServiceName"]).await.ok() } else { None }
    });
    let ds_service = dse.and_then(|d| d.into_iter().next()).and_then(|e| e.first("dsServiceName").map(ToString::to_string));
    let Some(entry) = found?.into_iter().next() else {
        return Err(CommandError::usage(format!("{} has no entry {dn} (not replicated yet?)", dir.describe()))
            .with_hint("wait for replication, or check the server's replication status"));
    };
    let state = flavor.state(&entry, policy, now);
    Ok(ServerState {
        server: dir.describe(),
        error: None,
        locked: Some(state.lock.locked),
        locked_since: state.lock.since,
        failures: Some(state.failures),
        last_failure: state.last_failure,
        last_logon: last_logon(flavor, &entry),
        pdc_emulator: None,
        ds_service,
    })
}

/// AD: the domain's PDC emulator role owner (`fSMORoleOwner` of the domain head, the
/// root DSE's `defaultNamingContext`: the profile's base DN may be an OU), or `None`
/// when it cannot be read.
pub async fn pdc_emulator<D: Directory>(dir: &D) -> Option<String> {
    let dse = dir.search("", Scope::Base, "(objectClass=*)", &["defaultNamingContext"]).await.ok()?;
    let head = dse.into_iter().next()?.first("defaultNamingContext")?.to_string();
    let found = dir.search(&head, Scope::Base, "(objectClass=*)", &["fSMORoleOwner"]).await.ok()?;
    found.into_iter().next()?.first("fSMORoleOwner").map(ToString::to_string)
}

/// Reads the account on every server at once; a server that cannot be reached or read
/// is a row with its error, not a failure of the whole command.
pub async fn across<D: Directory>(
    servers: &[(String, std::result::Result<&D, CommandError>)],
    flavor: Flavor,
    policy: &Policy,
    dn: &str,
) -> Vec<ServerState> {
    let now = crate::util::now_unix();
    let reads = servers.iter().map(|(name, dir)| async move {
        let failed = |e: &CommandError| ServerState { server: name.clone(), error: Some(sanitize(&e.message)), ..ServerState::default() };
        match dir {
            Err(e) => failed(e),
            Ok(d) => match state_on(*d, flavor, policy, dn, now).await {
                Ok(mut s) => {
                    s.server.clone_from(name);
                    s
                }
                Err(e) => failed(&e),
            },
        }
    });
    futures::future::join_all(reads).await
}

/// Folds the per-server view into the status card: a lock on any server means the user
/// cannot log in there; failures counted on a server are one bad password nearer a lock
/// there; a server that could not be asked is said, and makes the outcome incomplete.
pub fn judge(status: &mut AccountStatus, servers: Vec<ServerState>) -> Outcome {
    let threshold = status.policy.max_failure.filter(|m| *m > 0 && status.policy.lockout != Some(false));
    for s in &servers {
        // The card itself already tells the profile's own server's view.
        if s.server == status.directory && s.error.is_none() {
            continue;
        }
        if let Some(e) = &s.error {
            status.reasons.push(format!("{} could not be asked: {e}", s.server));
            continue;
        }
        if s.locked == Some(true) {
            if status.can_log_in {
                status.reasons.clear();
            }
            status.can_log_in = false;
            status.reasons.push(format!("the account is locked on {}", s.server));
        } else if let Some(n) = s.failures.filter(|n| *n > 0) {
            status.reasons.push(match threshold {
                Some(max) if n + 1 >= max => {
                    format!("{} counts {n} failed login(s) of {max}: one more bad password there locks the account", s.server)
                }
                Some(max) => format!("{} counts {n} failed login(s) of {max}", s.server),
                None => format!("{} counts {n} failed login(s)", s.server),
            });
        }
    }
    // The true last logon: each server's own figure, the newest of them; on AD the
    // replicated lastLogonTimestamp the card read counts too (a DC that could not be
    // asked, or a logon that sets only it, as S4U does, can make it the newest).
    let asked = servers.iter().filter(|s| s.error.is_none()).count();
    let unasked = servers.len() - asked;
    let replicated = if status.flavor == Flavor::Ad { status.state.last_logon.clone() } else { None };
    let newest = servers
        .iter()
        .filter_map(|s| Some((s.server.as_str(), s.last_logon.as_deref()?)))
        .max_by_key(|(_, when)| crate::util::parse_rfc3339(when));
    let after = |a: &str, b: &str| crate::util::parse_rfc3339(a) > crate::util::parse_rfc3339(b);
    let not_asked =
        if unasked > 0 { format!("; {unasked} server(s) could not be asked: a later logon there is not seen") } else { String::new() };
    match (newest, replicated) {
        (Some((_, when)), Some(r)) if after(&r, when) => {
            status.state.last_logon_from = Some(format!(
                "the replicated lastLogonTimestamp, newer than the {asked} asked DCs' own lastLogon (the logon was at a DC not asked, or set only it){not_asked}"
            ));
        }
        (Some((server, when)), _) => {
            status.state.last_logon = Some(when.to_string());
            let whose = if asked == 1 { "server's" } else { "servers'" };
            status.state.last_logon_from = Some(format!("newest of {asked} {whose} own figures, on {server}{not_asked}"));
        }
        (None, Some(_)) => {
            status.state.last_logon_from =
                Some(format!("the replicated lastLogonTimestamp: none of the {asked} asked DCs has its own lastLogon{not_asked}"));
        }
        (None, None) if asked > 0 => {
            status.state.last_logon = None;
            status.state.last_logon_from = Some(format!("no server asked has seen a logon{not_asked}"));
        }
        (None, None) => {}
    }
    // Where the bad passwords arrived: the DCs holding a count (AD counts per DC), the
    // latest first. The PDC emulator also counts what other DCs forward to it: where
    // another DC counts too, that one is named, and the PDC's count said to be possibly
    // theirs (LDAP cannot tell a forwarded failure from one that arrived there).
    if status.flavor == Flavor::Ad {
        let mut counting: Vec<&ServerState> =
            servers.iter().filter(|s| s.failures.unwrap_or(0) > 0 || s.locked == Some(true) && s.last_failure.is_some()).collect();
        counting.sort_by_key(|s| std::cmp::Reverse(s.last_failure.as_deref().and_then(crate::util::parse_rfc3339)));
        let (pdc, others): (Vec<&ServerState>, Vec<&ServerState>) = counting.iter().partition(|s| s.pdc_emulator == Some(true));
        let arrived = if others.is_empty() { &pdc } else { &others };
        if !arrived.is_empty() {
            let at: Vec<String> = arrived
                .iter()
                .map(|s| {
                    let role = if s.pdc_emulator == Some(true) { ", the PDC emulator" } else { "" };
                    format!("{}{role} (last at {})", s.server, s.last_failure.as_deref().unwrap_or("an unrecorded time"))
                })
                .collect();
            let forwarded = match (others.is_empty(), pdc.first()) {
                (false, Some(p)) => format!(
                    "; {}, the PDC emulator, counts {} too (last at {}): other DCs forward failed logons to it, so some or all of these may have arrived elsewhere",
                    p.server,
                    p.failures.unwrap_or(0),
                    p.last_failure.as_deref().unwrap_or("an unrecorded time")
                ),
                (true, _) if unasked > 0 => "; or at a DC that could not be asked, which forwards them to the PDC emulator".to_string(),
                _ => String::new(),
            };
            status.reasons.push(format!(
                "the bad passwords arrived at {}{forwarded}; which machine sent them is in that DC's security log (event 4740 for the lockout, 4625/4771 for each failure), which LDAP cannot read",
                at.join(" and ")
            ));
        }
    }
    status.reasons.dedup();
    status.servers = Some(servers);
    // A server that could not be asked leaves the answer incomplete (exit 3), unless
    // another server already said no.
    let outcome = Outcome::from_ok(status.can_log_in);
    if unasked > 0 && outcome.is_ok() { Outcome::Incomplete } else { outcome }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::flavor::AccountState;

    fn status() -> AccountStatus {
        AccountStatus {
            login: "alice".into(),
            dn: "CN=alice,DC=lab,DC=test".into(),
            name: None,
            mail: None,
            groups: vec![],
            flavor: Flavor::Openldap,
            state: AccountState::default(),
            policy: Policy { lockout: Some(true), max_failure: Some(3), ..Policy::default() },
            can_log_in: true,
            reasons: vec![],
            directory: "dc1".into(),
            offboarded: false,
            servers: None,
        }
    }

    fn on(server: &str, locked: bool, failures: u32) -> ServerState {
        ServerState { server: server.into(), locked: Some(locked), failures: Some(failures), ..ServerState::default() }
    }

    #[test]
    fn a_lock_or_near_lock_on_any_server_is_told() {
        let mut s = status();
        assert_eq!(judge(&mut s, vec![on("dc1", false, 0), on("dc2", false, 2)]), Outcome::Ok);
        assert_eq!(s.reasons, vec!["dc2 counts 2 failed login(s) of 3: one more bad password there locks the account"]);
        let mut s = status();
        assert_eq!(judge(&mut s, vec![on("dc1", false, 0), on("dc2", true, 3)]), Outcome::CheckFailed);
        assert_eq!(s.reasons, vec!["the account is locked on dc2"]);
        let mut s = status();
        let down = ServerState { server: "dc3".into(), error: Some("timed out".into()), ..ServerState::default() };
        assert_eq!(judge(&mut s, vec![on("dc1", false, 1), down]), Outcome::Incomplete);
        assert_eq!(s.reasons, vec!["dc3 could not be asked: timed out"]);
        let mut s = status();
        assert_eq!(judge(&mut s, vec![on("dc1", false, 0), on("dc2", false, 1)]), Outcome::Ok);
        assert_eq!(s.reasons, vec!["dc2 counts 1 failed login(s) of 3"]);
    }

    /// On AD the card says where the bad passwords arrived (the DC holding the count,
    /// the latest failure) and what LDAP cannot tell; the true last logon is the newest
    /// of the DCs' own figures, with its DC.
    #[test]
    fn ad_says_where_the_bad_passwords_arrived_and_the_true_last_logon() {
        let mut s = AccountStatus { flavor: Flavor::Ad, ..status() };
        let dc1 = ServerState { last_logon: Some("2026-11-01T08:00:00Z".into()), ..on("dc1", false, 0) };
        let dc2 = ServerState {
            last_failure: Some("2026-12-04T09:14:00Z".into()),
            last_logon: Some("2026-12-01T09:14:00Z".into()),
            ..on("dc2", false, 1)
        };
        let dc3 = ServerState { last_failure: Some("2026-12-04T08:00:00Z".into()), ..on("dc3", false, 1) };
        assert_eq!(judge(&mut s, vec![dc3, dc1, dc2]), Outcome::Ok);
        assert!(
            s.reasons.last().unwrap().starts_with("the bad passwords arrived at dc2 (last at 2026-12-04T09:14:00Z)"),
            "{:?}",
            s.reasons
        );
        assert_eq!(s.state.last_logon.as_deref(), Some("2026-12-01T09:14:00Z"));
        assert_eq!(s.state.last_logon_from.as_deref(), Some("newest of 3 servers' own figures, on dc2"));
        assert!(s.reasons.last().unwrap().contains(" and dc3 (last at 2026-12-04T08:00:00Z)"), "{:?}", s.reasons);
    }

    /// The PDC emulator counts the failures other DCs forward to it: where another DC
    /// counts too, that one is where they arrived, and the PDC's count is explained.
    #[test]
    fn the_pdc_emulators_forwarded_count_is_not_where_they_arrived() {
        let pdc = |s: ServerState| ServerState { pdc_emulator: Some(true), ..s };
        let other = |s: ServerState| ServerState { pdc_emulator: Some(false), ..s };
        let at = |t: &str| Some(format!("2026-12-04T{t}:00Z"));
        let mut s = AccountStatus { flavor: Flavor::Ad, ..status() };
        let dc1 = pdc(ServerState { last_failure: at("09:15"), ..on("dc1", false, 2) });
        let dc2 = other(ServerState { last_failure: at("09:14"), ..on("dc2", false, 2) });
        judge(&mut s, vec![dc1, dc2]);
        let said = s.reasons.last().unwrap();
        assert!(
            said.starts_with(
                "the bad passwords arrived at dc2 (last at 2026-12-04T09:14:00Z); dc1, the PDC emulator, counts 2 too (last at 2026-12-04T09:15:00Z): other DCs forward failed logons to it, so some or all of these may have arrived elsewhere;"
            ),
            "{said}"
        );
        // Only the PDC emulator counts: they arrived there.
        let mut s = AccountStatus { flavor: Flavor::Ad, ..status() };
        judge(&mut s, vec![pdc(ServerState { last_failure: at("09:15"), ..on("dc1", false, 1) }), other(on("dc2", false, 0))]);
        assert!(s.reasons.last().unwrap().starts_with("the bad passwords arrived at dc1, the PDC emulator (last at"), "{:?}", s.reasons);
        // ... unless a DC could not be asked: it may have forwarded them.
        let mut s = AccountStatus { flavor: Flavor::Ad, ..status() };
        let down = ServerState { server: "dc3".into(), error: Some("timed out".into()), ..ServerState::default() };
        judge(&mut s, vec![pdc(ServerState { last_failure: at("09:15"), ..on("dc1", false, 1) }), down]);
        let said = s.reasons.iter().find(|r| r.starts_with("the bad passwords")).unwrap();
        assert!(said.contains("(last at 2026-12-04T09:15:00Z); or at a DC that could not be asked"), "{said}");
    }

    /// With a DC that could not be asked, the replicated lastLogonTimestamp still counts:
    /// newer than every asked DC's own figure, it is the one shown, and said so.
    #[test]
    fn the_replicated_last_logon_counts_when_a_dc_is_not_asked() {
        let mut s = AccountStatus { flavor: Flavor::Ad, ..status() };
        s.state.last_logon = Some("2026-12-01T00:00:00Z".into());
        let down = ServerState { server: "dc3".into(), error: Some("timed out".into()), ..ServerState::default() };
        let dc1 = ServerState { last_logon: Some("2026-11-20T00:00:00Z".into()), ..on("dc1", false, 0) };
        assert_eq!(judge(&mut s, vec![dc1.clone(), on("dc2", false, 0), down.clone()]), Outcome::Incomplete);
        assert_eq!(s.state.last_logon.as_deref(), Some("2026-12-01T00:00:00Z"));
        let from = s.state.last_logon_from.clone().unwrap();
        assert!(from.starts_with("the replicated lastLogonTimestamp, newer than the 2 asked DCs' own lastLogon"), "{from}");
        assert!(from.ends_with("1 server(s) could not be asked: a later logon there is not seen"), "{from}");
        // Older than a DC's own figure: the DC's figure, and still the unasked one said.
        let mut s = AccountStatus { flavor: Flavor::Ad, ..status() };
        s.state.last_logon = Some("2026-11-01T00:00:00Z".into());
        judge(&mut s, vec![dc1, down]);
        assert_eq!(s.state.last_logon.as_deref(), Some("2026-11-20T00:00:00Z"));
        assert_eq!(
            s.state.last_logon_from.as_deref(),
            Some("newest of 1 server's own figures, on dc1; 1 server(s) could not be asked: a later logon there is not seen")
        );
    }
}
