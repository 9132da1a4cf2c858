//! `account offboard` and `account restore`. Offboarding is planned in full first
//! (disable, leave every group but AD's primary one, a description saying who and why,
//! a move to the profile's disabled OU, optionally a random password); before anything
//! changes, an undo record with the exact prior values of everything the plan touches
//! is written (0600, never overwritten). `restore` puts the account back from that
//! record: same DN, same attribute values, same memberships. Both are idempotent: a
//! rerun after a failure finishes the job.

use super::audit::Audit;
use super::directory::{Change, Directory, Entry, Profile, Scope};
use super::escape::{filter_value, normalize_dn, parent_of, rdn_of};
use super::flavor::Flavor;
use super::resolve::resolve_or_offboarded;
use crate::error::{CommandError, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const RECORD_SCHEMA: &str = "deskhand.offboard-record.v1";

/// One group membership: the value `value` of attribute `attr` on group `group`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Membership {
    pub group: String,
    pub attr: String,
    pub value: String,
    /// The group's only member, in a class that must have one (OpenLDAP's
    /// groupOfNames and groupOfUniqueNames): it cannot be left.
    #[serde(skip)]
    pub last: bool,
}

/// Whether the group's object class makes `attr` mandatory (RFC 4519: groupOfNames
/// MUST member, groupOfUniqueNames MUST uniqueMember). 389-ds relaxes both to MAY;
/// the callers ask this on OpenLDAP only.
pub fn must_have_member(group: &Entry, attr: &str) -> bool {
    let class = if attr.eq_ignore_ascii_case("member") {
        "groupOfNames"
    } else if attr.eq_ignore_ascii_case("uniqueMember") {
        "groupOfUniqueNames"
    } else {
        return false;
    };
    group.all("objectClass").iter().any(|c| c.eq_ignore_ascii_case(class))
}

/// The undo record.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UndoRecord {
    pub schema: String,
    pub created: String,
    pub operator: String,
    /// The profile name.
    pub directory: String,
    pub server: String,
    pub login: String,
    /// Where the account was.
    pub dn: String,
    /// Where offboarding moves it (`None`: it stays).
    pub moved_to: Option<String>,
    /// The prior values of every attribute the offboarding changes (empty: absent).
    pub attributes: BTreeMap<String, Vec<String>>,
    pub memberships: Vec<Membership>,
    pub password_reset: bool,
    pub ticket: Option<String>,
}

/// The full plan of an offboarding.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct OffboardPlan {
    pub login: String,
    pub dn: String,
    /// The changes to the account itself (disable, description, password).
    #[serde(skip)]
    pub changes: Vec<Change>,
    /// A second modify after `changes`: what the flavour puts back after a password
    /// change (ppolicy lifts any lock, the disabling one too, when a password changes).
    #[serde(skip)]
    pub after: Vec<Change>,
    pub relax: bool,
    pub leave_groups: Vec<Membership>,
    /// Groups it is the last member of, which must keep one (see [`Membership::last`]):
    /// it stays in them, and is not moved while it does (a move would leave its old DN
    /// as a member, ready for whoever gets that name next).
    pub held: Vec<Membership>,
    /// AD's primary group, which stays.
    pub keeps: Option<String>,
    pub move_to: Option<String>,
    #[serde(skip)]
    pub record: UndoRecord,
}

/// One step's result.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StepResult {
    pub step: String,
    /// done, would do, unchanged, held back, failed, not done, or unknown (sent, no
    /// answer: the rerun will settle it).
    pub result: String,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct OffboardReport {
    pub login: String,
    pub dn: String,
    pub dry_run: bool,
    /// Where the undo record is (`None` on a dry run).
    pub record: Option<String>,
    pub steps: Vec<StepResult>,
    pub ok: bool,
}

fn now_text() -> String {
    crate::util::rfc3339(crate::util::now_unix())
}

/// The group memberships of an account, with the attribute holding each.
pub async fn memberships<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor, entry: &Entry) -> Result<Vec<Membership>> {
    let base = profile.groups_dn.as_deref().unwrap_or(&profile.base_dn);
    let login = entry.first(&profile.login_attribute).unwrap_or_default().to_string();
    let dn_key = normalize_dn(&entry.dn);
    let filter = super::show::member_filter(flavor, &entry.dn, &login);
    let attrs: &[&str] = match flavor {
        Flavor::Ad => &["member"],
        Flavor::Openldap | Flavor::Ds389 => &["member", "uniqueMember", "memberUid"],
    };
    let mut wanted = attrs.to_vec();
    wanted.push("objectClass");
    let mut out = Vec::new();
    // Ranged values: AD returns large `member` lists in ranges; the base-scope probe
    // below decides membership, the values only say which spelling to delete.
    for g in dir.search(base, Scope::Subtree, &filter, &wanted).await? {
        for attr in attrs {
            let values = g.all(attr);
            let hit =
                if *attr == "memberUid" { values.iter().find(|v| **v == login) } else { values.iter().find(|v| normalize_dn(v) == dn_key) };
            if let Some(v) = hit {
                let last = flavor == Flavor::Openldap && values.len() == 1 && must_have_member(&g, attr);
                out.push(Membership { group: g.dn.clone(), attr: (*attr).to_string(), value: v.clone(), last });
            } else if values.is_empty() && *attr == "member" && flavor == Flavor::Ad {
                out.push(Membership { group: g.dn.clone(), attr: "member".into(), value: entry.dn.clone(), last: false });
            }
        }
    }
    out.sort_by(|a, b| (&a.group, &a.attr).cmp(&(&b.group, &b.attr)));
    out.dedup();
    Ok(out)
}

fn changed_attr(c: &Change) -> &str {
    match c {
        Change::Add { attr, .. } | Change::Delete { attr, .. } | Change::Replace { attr, .. } | Change::ReplaceSecret { attr, .. } => attr,
    }
}

/// Plans an offboarding; changes nothing.
#[allow(clippy::too_many_arguments)]
pub async fn plan<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    user: &str,
    ticket: Option<&str>,
    operator: &str,
    reset_password: bool,
) -> Result<OffboardPlan> {
    let mut attrs: Vec<&str> = flavor.status_attributes().to_vec();
    attrs.extend(["description", "objectClass"]);
    // An account offboarded before lives in the disabled OU: look there too.
    let entry = resolve_or_offboarded(dir, profile, user, &attrs).await?.map_err(|u| u.into_error(user))?;
    let login = entry.first(&profile.login_attribute).unwrap_or(user).to_string();
    let policy = flavor.policy(dir, profile, &entry).await?;
    let mut changes = Vec::new();
    let mut after = Vec::new();
    let mut relax = false;
    let mut disable = Vec::new();
    match flavor.disable_plan(&entry, &policy, profile.disable_method) {
        Ok(Some(p)) => {
            relax |= p.relax;
            disable.clone_from(&p.changes);
            changes.extend(p.changes);
        }
        Ok(None) => {}
        Err(why) => {
            return Err(CommandError::usage(format!("{login} cannot be disabled here: {why}"))
                .with_hint("set disable_method: end_time in the profile, or fix the password policy"));
        }
    }
    let mut text = format!("offboarded {} by {operator}", &now_text()[..10]);
    if let Some(t) = ticket {
        text.push(' ');
        text.push_str(t);
    }
    let described = entry.first("description").is_some_and(|d| d.starts_with("offboarded "));
    if !(described && changes.is_empty()) {
        changes.push(Change::Replace { attr: "description".into(), values: vec![text] });
    }
    if reset_password {
        let password = super::password::generate(24, &login);
        let p = flavor.reset_plan(&entry, &password, true);
        relax |= p.relax;
        changes.extend(p.changes);
        // The password change may lift what disables the account (ppolicy drops a
        // lock the entry had before this modify, a timed lockout too): the disabling
        // changes again, then whatever the flavour puts back of the rest.
        after = disable;
        for c in p.after {
            if !after.iter().any(|d| changed_attr(d).eq_ignore_ascii_case(changed_attr(&c))) {
                after.push(c);
            }
        }
    }
    // Every attribute touched, with its value now. The password itself is never kept.
    let mut prior = BTreeMap::new();
    for c in &changes {
        let attr = match c {
            Change::Add { attr, .. } | Change::Delete { attr, .. } | Change::Replace { attr, .. } => attr,
            Change::ReplaceSecret { .. } => continue,
        };
        prior.entry(attr.clone()).or_insert_with(|| entry.all(attr).to_vec());
    }
    let (held, leave_groups): (Vec<Membership>, Vec<Membership>) =
        memberships(dir, profile, flavor, &entry).await?.into_iter().partition(|m| m.last);
    let keeps = if flavor == Flavor::Ad { super::flavor::ad::primary_group(&entry) } else { None };
    let move_to = profile.disabled_dn.as_ref().and_then(|ou| {
        let here = parent_of(&entry.dn).map(normalize_dn);
        (here.as_deref() != Some(&normalize_dn(ou))).then(|| format!("{},{ou}", rdn_of(&entry.dn)))
    });
    let record = UndoRecord {
        schema: RECORD_SCHEMA.into(),
        created: now_text(),
        operator: operator.to_string(),
        directory: profile.name.clone(),
        server: dir.describe(),
        login: login.clone(),
        dn: entry.dn.clone(),
        // Where it goes, even while held back: the rerun that moves it writes a record
        // of its own, and this one must still find it there.
        moved_to: move_to.clone(),
        attributes: prior,
        memberships: leave_groups.clone(),
        password_reset: reset_password,
        ticket: ticket.map(ToString::to_string),
    };
    Ok(OffboardPlan { login, dn: entry.dn, changes, after, relax, leave_groups, held, keeps, move_to, record })
}

impl OffboardPlan {
    /// Nothing left that can be done now: offboarded already, or only held back.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.leave_groups.is_empty() && self.moves().is_none()
    }

    /// Where it moves now: nowhere while it is held in a group.
    pub fn moves(&self) -> Option<&str> {
        self.move_to.as_deref().filter(|_| self.held.is_empty())
    }

    /// The steps held back, each with what to do.
    fn held_steps(&self) -> Vec<StepResult> {
        let mut steps: Vec<StepResult> = self
            .held
            .iter()
            .map(|m| {
                step(
                    format!("leave {}", m.group),
                    "held back",
                    Some(
                        "the group's last member, and its class must keep one: give it another member (or delete the group), then run offboard again to finish"
                            .into(),
                    ),
                )
            })
            .collect();
        if let (Some(to), false) = (&self.move_to, self.held.is_empty()) {
            steps.push(step(
                format!("move to {to}"),
                "held back",
                Some("moving now would leave the old DN in the group above: it moves once it has left every group".into()),
            ));
        }
        steps
    }
}

/// Where undo records go: `$XDG_STATE_HOME/deskhand/offboard/` (else
/// `~/.local/state/deskhand/offboard/`).
pub fn record_dir() -> Option<PathBuf> {
    Audit::default_path().and_then(|p| p.parent().map(|d| d.join("offboard")))
}

/// Writes the record to a new 0600 file in `dir`; returns its path.
pub fn write_record(record: &UndoRecord, dir: &Path) -> Result<PathBuf> {
    use std::io::Write as _;
    use std::os::unix::fs::DirBuilderExt as _;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(|e| {
        CommandError::environment(format!("cannot create {}: {e}", dir.display())).with_hint("set XDG_STATE_HOME to a writable place")
    })?;
    let stamp = record.created.replace([':', '-'], "");
    let safe = file_safe(&record.login);
    for n in 0..100 {
        let name = if n == 0 { format!("{safe}-{stamp}.json") } else { format!("{safe}-{stamp}-{n}.json") };
        let path = dir.join(name);
        match crate::util::open_new(&path, 0o600) {
            Ok(mut f) => {
                let text = serde_json::to_string_pretty(record).map_err(|e| CommandError::environment(e.to_string()))?;
                f.write_all(text.as_bytes()).and_then(|()| f.write_all(b"\n")).and_then(|()| f.sync_all()).map_err(|e| {
                    CommandError::environment(format!("cannot write the undo record {}: {e}", path.display()))
                        .with_hint("nothing was changed; free some space and run it again")
                })?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(CommandError::environment(format!("cannot write the undo record {}: {e}", path.display()))
                    .with_hint("nothing was changed; fix the permissions or set XDG_STATE_HOME"));
            }
        }
    }
    Err(CommandError::environment(format!("cannot find a free name for the undo record in {}", dir.display()))
        .with_hint("nothing was changed; move the old records of this account elsewhere, then run it again"))
}

/// A login as it starts a record's file name.
fn file_safe(login: &str) -> String {
    login.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect()
}

/// The undo records of the offboarding that put the account (now at `dn_now`) where it
/// is, among those in `dir` written for the profile's directory, oldest first: records
/// of this login whose account was moved to (or, when nothing moved, stayed at)
/// `dn_now`, not yet restored (see [`mark_restored`]). An offboarding held back or failed
/// and run again has several, one a run: restored newest first, the first last, as it
/// holds the account as it was before. Files that are not records are passed over.
pub fn find_records(dir: &Path, profile: &Profile, login: &str, dn_now: &str) -> Vec<(PathBuf, UndoRecord)> {
    let prefix = format!("{}-", file_safe(login)).to_ascii_lowercase();
    let Ok(files) = std::fs::read_dir(dir) else { return vec![] };
    let here = normalize_dn(dn_now);
    let mut found: Vec<(PathBuf, UndoRecord)> = files
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.to_ascii_lowercase().starts_with(&prefix))
                && !restored_marker(p).exists()
        })
        .filter_map(|p| read_record(&p).ok().map(|r| (p, r)))
        .filter(|(_, r)| {
            r.directory == profile.name
                && r.login.eq_ignore_ascii_case(login)
                && normalize_dn(r.moved_to.as_deref().unwrap_or(&r.dn)) == here
        })
        .collect();
    // By time, then by the -N a second record of the same second gets.
    let nth = |p: &Path, r: &UndoRecord| -> u32 {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let base = format!("{}-{}", file_safe(&r.login), r.created.replace([':', '-'], ""));
        stem.strip_prefix(base.as_str()).and_then(|rest| rest.strip_prefix('-')).and_then(|n| n.parse().ok()).unwrap_or(0)
    };
    found.sort_by(|a, b| a.1.created.cmp(&b.1.created).then_with(|| nth(&a.0, &a.1).cmp(&nth(&b.0, &b.1))));
    found
}

/// Where a record says it has been restored: the record's path with `.restored`.
fn restored_marker(record: &Path) -> PathBuf {
    let mut name = record.as_os_str().to_owned();
    name.push(".restored");
    PathBuf::from(name)
}

/// Notes that `record` has been restored (a file beside it, the record itself left as it
/// is, so restoring again still works): it no longer names the account's offboarding.
pub fn mark_restored(record: &Path) -> std::io::Result<()> {
    std::fs::write(restored_marker(record), format!("{}\n", crate::util::rfc3339(crate::util::now_unix())))
}

/// Reads an undo record.
pub fn read_record(path: &Path) -> Result<UndoRecord> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CommandError::usage(format!("cannot read the undo record {}: {e}", path.display()))
            .with_hint("offboard prints the record's path; they live under ~/.local/state/deskhand/offboard/")
    })?;
    let record: UndoRecord = serde_json::from_str(&text).map_err(|e| {
        CommandError::usage(format!("{} is not an offboarding record: line {} column {}: {e}", path.display(), e.line(), e.column()))
            .with_hint("give the file offboard printed")
    })?;
    if record.schema != RECORD_SCHEMA {
        return Err(CommandError::usage(format!("{} is not an offboarding record (schema {})", path.display(), record.schema)));
    }
    Ok(record)
}

/// The changes in words (a password is `********`: see [`Change::password`]): the step
/// names go to the terminal, JSON and runbook reports.
fn describe(changes: &[Change]) -> String {
    changes.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// What failed and what to do (the hint), for a step's detail.
fn detail_of(e: &CommandError) -> String {
    match &e.hint {
        Some(h) => format!("{} ({h})", e.message),
        None => e.message.clone(),
    }
}

fn step(step: impl Into<String>, result: &str, detail: Option<String>) -> StepResult {
    StepResult { step: step.into(), result: result.to_string(), detail }
}

/// Records one change step: its audit line and its row ("done", "failed", "not done"
/// when it could not be sent, "unknown" when it was sent and got no answer). True when
/// the directory went away.
fn record_step(audit: &Audit, steps: &mut Vec<StepResult>, name: String, result: Result<()>, target: &str, what: &str) -> bool {
    match result {
        Ok(()) => {
            let _ = audit.record(target, what, "ok");
            steps.push(step(name, "done", None));
            false
        }
        Err(e) => {
            let result = match e.kind {
                ErrorKind::Unanswered => "unknown",
                // Never sent: the connection was gone first.
                ErrorKind::Connection => "not done",
                _ => "failed",
            };
            let _ = audit.record(target, what, &format!("{result}: {}", e.message));
            steps.push(step(name, result, Some(detail_of(&e))));
            e.is_lost()
        }
    }
}

/// The outcome of an offboarding or a restore that ran: a step sent without answer
/// makes it unknown, one never reached incomplete.
pub fn outcome(report: &OffboardReport) -> crate::Outcome {
    if report.ok {
        crate::Outcome::Ok
    } else if report.steps.iter().any(|s| s.result == "unknown") {
        crate::Outcome::Unknown
    } else if report.steps.iter().any(|s| s.result == "not done") {
        crate::Outcome::Incomplete
    } else {
        crate::Outcome::CheckFailed
    }
}

/// Carries out a plan whose record is already written. Each step is reported; a
/// connection lost stops the rest ("not done": run it again, or restore).
pub async fn apply<D: Directory>(dir: &D, plan: &OffboardPlan, record_path: &Path, audit: &Audit) -> OffboardReport {
    let mut steps = Vec::new();
    let mut gone = false;
    let run = |name: String, result: Result<()>, steps: &mut Vec<StepResult>, target: &str, what: &str| -> bool {
        record_step(audit, steps, name, result, target, what)
    };
    let mut r = dir.modify(&plan.dn, &plan.changes, plan.relax).await;
    if r.is_ok() && !plan.after.is_empty() {
        r = dir.modify(&plan.dn, &plan.after, plan.relax).await;
    }
    gone |= run(format!("disable and describe: {}", describe(&plan.changes)), r, &mut steps, &plan.dn, "offboard: disable");
    for m in &plan.leave_groups {
        if gone {
            steps.push(step(format!("leave {}", m.group), "not done", Some("the directory went away".into())));
            continue;
        }
        let change = [Change::Delete { attr: m.attr.clone(), values: vec![m.value.clone()] }];
        let r = match dir.modify(&m.group, &change, false).await {
            // 16: no such attribute: not a member any more.
            Err(e) if e.message.contains("rc=16 ") => Ok(()),
            // 65: the group's object class needs a member, and this was the last one.
            Err(e) if e.message.contains("rc=65 ") => Err(CommandError {
                message: format!("{} would have no member left, which its object class does not allow", m.group),
                hint: Some("give the group another member (or delete it), then run the offboarding again".into()),
                ..e
            }),
            other => other,
        };
        gone |= run(format!("leave {}", m.group), r, &mut steps, &m.group, &format!("offboard: remove {} {}", m.attr, plan.dn));
    }
    steps.extend(plan.held_steps());
    if let Some(to) = plan.moves() {
        if gone {
            steps.push(step(format!("move to {to}"), "not done", Some("the directory went away".into())));
        } else {
            let (rdn, parent) = (rdn_of(to).to_string(), parent_of(to).map(ToString::to_string));
            let r = dir.rename(&plan.dn, &rdn, parent.as_deref()).await;
            let _ = run(format!("move to {to}"), r, &mut steps, &plan.dn, &format!("offboard: move to {to}"));
        }
    }
    let ok = steps.iter().all(|s| s.result == "done");
    let moved = steps.iter().any(|s| s.step.starts_with("move to ") && s.result == "done");
    OffboardReport {
        login: plan.login.clone(),
        dn: if moved { plan.move_to.clone().unwrap_or_else(|| plan.dn.clone()) } else { plan.dn.clone() },
        dry_run: false,
        record: Some(record_path.display().to_string()),
        steps,
        ok,
    }
}

/// The plan as a report, for `--dry-run` and the confirmation.
pub fn dry_report(plan: &OffboardPlan) -> OffboardReport {
    if plan.is_empty() {
        let steps = if plan.held.is_empty() {
            vec![step("offboard", "unchanged", Some("offboarded already: disabled, in no group, moved".into()))]
        } else {
            let mut steps = vec![step("disable and describe", "unchanged", Some("done already".into()))];
            steps.extend(plan.held_steps());
            steps
        };
        return OffboardReport {
            login: plan.login.clone(),
            dn: plan.dn.clone(),
            dry_run: true,
            record: None,
            ok: plan.held.is_empty(),
            steps,
        };
    }
    let mut steps = vec![step(format!("disable and describe: {}", describe(&plan.changes)), "would do", None)];
    for m in &plan.leave_groups {
        steps.push(step(format!("leave {}", m.group), "would do", Some(format!("delete {}: {}", m.attr, m.value))));
    }
    if let Some(k) = &plan.keeps {
        steps.push(step(format!("stay in {k}"), "unchanged", Some("the primary group cannot be left".into())));
    }
    steps.extend(plan.held_steps());
    if let Some(to) = plan.moves() {
        steps.push(step(format!("move to {to}"), "would do", None));
    }
    OffboardReport { login: plan.login.clone(), dn: plan.dn.clone(), dry_run: true, record: None, steps, ok: plan.held.is_empty() }
}

/// Puts an offboarded account back as the record says. Idempotent.
pub async fn restore<D: Directory>(dir: &D, record: &UndoRecord, record_path: &Path, dry_run: bool, audit: &Audit) -> OffboardReport {
    let mut steps = Vec::new();
    let exists = |dn: String| async move {
        dir.search(&dn, Scope::Base, "(objectClass=*)", &["1.1"]).await.map(|found| found.into_iter().next().map(|e| e.dn))
    };
    let mut ok = true;
    // The directory went away: the steps after are not done.
    let mut gone = false;
    let verb = if dry_run { "would do" } else { "done" };
    // Where is it now?
    let here = match exists(record.dn.clone()).await {
        Ok(Some(_)) => Some(record.dn.clone()),
        Ok(None) => match &record.moved_to {
            Some(to) => match exists(to.clone()).await {
                Ok(Some(_)) => {
                    if dry_run {
                        steps.push(step(format!("move back to {}", record.dn), verb, None));
                    } else {
                        let (rdn, parent) = (rdn_of(&record.dn).to_string(), parent_of(&record.dn).map(ToString::to_string));
                        let r = dir.rename(to, &rdn, parent.as_deref()).await;
                        ok &= r.is_ok();
                        gone |= record_step(
                            audit,
                            &mut steps,
                            format!("move back to {}", record.dn),
                            r,
                            &record.dn,
                            &format!("restore: move back from {to}"),
                        );
                    }
                    Some(if dry_run { to.clone() } else { record.dn.clone() })
                }
                Ok(None) => None,
                Err(e) => {
                    steps.push(step("find the account", "failed", Some(detail_of(&e))));
                    ok = false;
                    None
                }
            },
            None => None,
        },
        Err(e) => {
            steps.push(step("find the account", "failed", Some(detail_of(&e))));
            ok = false;
            None
        }
    };
    let Some(here) = here.filter(|_| !gone) else {
        if ok {
            steps.push(step("find the account", "failed", Some(format!("neither {} nor where it was moved exists", record.dn))));
        }
        return OffboardReport {
            login: record.login.clone(),
            dn: record.dn.clone(),
            dry_run,
            record: Some(record_path.display().to_string()),
            steps,
            ok: false,
        };
    };
    // The attributes, exactly as they were (an empty list removes one that was absent).
    let changes: Vec<Change> =
        record.attributes.iter().map(|(attr, values)| Change::Replace { attr: attr.clone(), values: values.clone() }).collect();
    if !changes.is_empty() {
        let name = format!("put back {}", record.attributes.keys().cloned().collect::<Vec<_>>().join(", "));
        if dry_run {
            steps.push(step(name, verb, Some(changes.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))));
        } else {
            let r = dir.modify(&here, &changes, false).await;
            ok &= r.is_ok();
            gone |= record_step(audit, &mut steps, name, r, &here, "restore: attributes");
        }
    }
    for m in &record.memberships {
        let name = format!("rejoin {}", m.group);
        if gone {
            steps.push(step(name, "not done", Some("the directory went away".into())));
            continue;
        }
        let probe = format!("({}={})", m.attr, filter_value(&m.value));
        match dir.search(&m.group, Scope::Base, &probe, &["1.1"]).await {
            Ok(found) if !found.is_empty() => steps.push(step(name, "unchanged", Some("already a member".into()))),
            Ok(_) if dry_run => steps.push(step(name, verb, Some(format!("add {}: {}", m.attr, m.value)))),
            Ok(_) => {
                let r = dir.modify(&m.group, &[Change::Add { attr: m.attr.clone(), values: vec![m.value.clone()] }], false).await;
                ok &= r.is_ok();
                gone |= record_step(audit, &mut steps, name, r, &m.group, &format!("restore: add {} {}", m.attr, m.value));
            }
            Err(e) => {
                // Only a read: nothing was sent.
                let result = if e.is_lost() { "not done" } else { "failed" };
                gone |= e.is_lost();
                steps.push(step(name, result, Some(detail_of(&e))));
                ok = false;
            }
        }
    }
    if record.password_reset {
        steps.push(step(
            "password",
            "unchanged",
            Some("offboarding set a random password, which cannot be put back: give a new one with account reset".into()),
        ));
    }
    OffboardReport {
        login: record.login.clone(),
        dn: record.dn.clone(),
        dry_run,
        record: Some(record_path.display().to_string()),
        steps,
        ok,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records of the offboarding that put the account where it is, oldest first (a
    /// failed run and its rerun; two in the same second by their -N); not a restored
    /// one, not one of another account's place, directory or login; a login's case
    /// aside.
    #[test]
    fn the_records_of_an_offboarding_are_found_oldest_first() {
        let dir = std::env::temp_dir().join(format!("dh-records-{}-{}", std::process::id(), crate::util::now_unix()));
        let profile = Profile { name: "lab".into(), disabled_dn: Some("ou=disabled,dc=lab".into()), ..Profile::default() };
        let record = |created: &str, dn: &str, moved_to: Option<&str>| UndoRecord {
            schema: RECORD_SCHEMA.into(),
            created: created.into(),
            operator: "tech".into(),
            directory: "lab".into(),
            server: "ldaps://x".into(),
            login: "Bob".into(),
            dn: dn.into(),
            moved_to: moved_to.map(Into::into),
            attributes: BTreeMap::new(),
            memberships: vec![],
            password_reset: false,
            ticket: None,
        };
        let (people, gone) = ("uid=bob,ou=people,dc=lab", Some("uid=bob,ou=disabled,dc=lab"));
        let write = |r: &UndoRecord| write_record(r, &dir).unwrap();
        let restored = write(&record("2026-12-01T10:00:00Z", people, gone));
        mark_restored(&restored).unwrap();
        let rerun_a = write(&record("2026-12-04T10:00:00Z", people, gone));
        let rerun_b = write(&record("2026-12-04T10:00:00Z", people, gone));
        let first = write(&record("2026-12-04T09:59:00Z", people, gone));
        // -2 to -10 in the same second: by number, not by name (-10 last).
        for _ in 2..=10 {
            write(&record("2026-12-04T10:00:00Z", people, gone));
        }
        write(&record("2026-12-04T11:00:00Z", "uid=bob,ou=elsewhere,dc=lab", Some("uid=bob,ou=disabled,dc=elsewhere")));
        write(&UndoRecord { directory: "other".into(), ..record("2026-12-04T08:00:00Z", people, gone) });
        std::fs::write(dir.join("bob-junk.json"), "{").unwrap();
        let found = find_records(&dir, &profile, "bob", "UID=bob,ou=disabled,dc=lab");
        let paths: Vec<&Path> = found.iter().map(|(p, _)| p.as_path()).collect();
        assert_eq!(paths.len(), 12, "{paths:?}");
        assert_eq!(&paths[..3], [first.as_path(), rerun_a.as_path(), rerun_b.as_path()]);
        let names: Vec<String> = paths[1..].iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names.last().map(String::as_str), Some("Bob-20261204T100000Z-10.json"), "{names:?}");
        // Where nothing moved (no disabled OU), the record of the same place counts.
        let stayed = write(&record("2026-12-05T10:00:00Z", "uid=carl,ou=people,dc=lab", None));
        let carl = find_records(&dir, &profile, "bob", "uid=carl,ou=people,dc=lab");
        assert_eq!(carl.iter().map(|(p, _)| p.as_path()).collect::<Vec<_>>(), [stayed.as_path()]);
        assert!(find_records(&dir.join("none"), &profile, "bob", people).is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn passwords_never_in_step_names() {
        let text = describe(&[
            crate::account::flavor::Flavor::Openldap.reset_plan(&Entry::default(), "Secret-123", true).changes[0].clone(),
            Change::Replace { attr: "pwdReset".into(), values: vec!["TRUE".into()] },
        ]);
        assert_eq!(text, "replace userPassword: ********; replace pwdReset: TRUE");
        // Nor in a debug print or JSON of the plan, on any flavour.
        for flavor in [Flavor::Openldap, Flavor::Ds389, Flavor::Ad] {
            let plan = flavor.reset_plan(&Entry::default(), "Secret-123", true);
            let shown = format!("{:?} {}", plan.changes, serde_json::to_string(&plan.changes).unwrap());
            assert!(!shown.contains("Secret-123") && shown.contains("********"), "{shown}");
        }
    }
}
