//! `account create` and the per-row work of `account onboard`: a new account from a
//! template, a login derived from the name when none is given (jdoe, jdoe2, ...), a
//! temporary password that must be changed at the first logon, and groups from the
//! template and from a colleague (`--copy-from`). Idempotent: an account that exists
//! already for the same person is "exists", not a duplicate. A creation that cannot be
//! finished (the password refused, say) is removed again and reported.

use super::audit::Audit;
use super::change::{Action, Batch, ItemResult, Keep, NoSink};
use super::directory::{Directory, Entry, Profile, Scope, Secret};
use super::escape::{dn_value, filter_value};
use super::flavor::{Flavor, ad};
use super::resolve::resolve;
use super::template::{Template, check_login, derive_login, fill};
use crate::error::{CommandError, ErrorKind, Result};
use serde::Serialize;
use std::collections::BTreeMap;

/// One account to create.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewAccount {
    pub login: Option<String>,
    pub first: String,
    pub last: String,
    pub mail: Option<String>,
    /// More placeholder values (CSV columns).
    pub extra: BTreeMap<String, String>,
    /// Copy this colleague's groups.
    pub copy_from: Option<String>,
}

/// What happened to one group of a new account.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GroupResult {
    pub group: String,
    pub result: ItemResult,
    pub detail: Option<String>,
}

/// The report of one creation.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CreateReport {
    pub login: String,
    pub dn: String,
    /// created, would create, exists, failed, not done.
    pub result: String,
    pub dry_run: bool,
    pub attributes: BTreeMap<String, Vec<String>>,
    pub groups: Vec<GroupResult>,
    pub must_change: bool,
    /// Where the temporary password went ("terminal", "file PATH"); never the password.
    pub delivered_to: Option<String>,
    pub detail: Option<String>,
}

impl CreateReport {
    pub fn failed(login: &str, result: &str, why: String) -> Self {
        Self {
            login: login.to_string(),
            dn: String::new(),
            result: result.to_string(),
            dry_run: false,
            attributes: BTreeMap::new(),
            groups: vec![],
            must_change: false,
            delivered_to: None,
            detail: Some(why),
        }
    }

    pub fn is_ok(&self) -> bool {
        matches!(self.result.as_str(), "created" | "would create" | "exists") && self.groups.iter().all(|g| g.result.is_ok())
    }
}

/// State shared by the rows of one run: the next free uidNumber, logins taken so far.
#[derive(Debug, Default)]
pub struct Session {
    next_uid: Option<u64>,
    taken: Vec<String>,
}

/// The DNS domain of a base DN (`DC=lab,DC=test` gives `lab.test`).
pub fn domain_of(base_dn: &str) -> String {
    base_dn
        .split(',')
        .filter_map(|rdn| {
            let (k, v) = rdn.split_once('=')?;
            k.trim().eq_ignore_ascii_case("dc").then(|| v.trim().to_ascii_lowercase())
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Whether an existing entry is this new account's person (same given name and surname).
pub fn same_person(entry: &Entry, new: &NewAccount) -> bool {
    let eq = |attr: &str, v: &str| entry.first(attr).is_some_and(|x| x.trim().eq_ignore_ascii_case(v.trim()));
    eq("givenName", &new.first) && eq("sn", &new.last)
}

/// The account a login names, if any (with its name attributes).
async fn existing<D: Directory>(dir: &D, profile: &Profile, login: &str) -> Result<Option<Entry>> {
    let filter = format!("({}={})", profile.login_attribute, filter_value(login));
    let found = dir.search(&profile.base_dn, Scope::Subtree, &filter, &["givenName", "sn", "cn"]).await?;
    Ok(found.into_iter().next())
}

/// The next free uidNumber: above every one in use and at least `start`.
pub async fn next_free_uid<D: Directory>(dir: &D, profile: &Profile, start: u64) -> Result<u64> {
    let found = dir.search(&profile.base_dn, Scope::Subtree, "(uidNumber=*)", &["uidNumber"]).await?;
    let max = found.iter().filter_map(|e| e.first("uidNumber")?.parse::<u64>().ok()).max();
    Ok(max.map_or(start, |m| (m + 1).max(start)))
}

/// The login to use: given, or derived with the collision rule. `Err(entry)` when the
/// account exists already for this person.
async fn pick_login<D: Directory>(
    dir: &D,
    profile: &Profile,
    template: &Template,
    new: &NewAccount,
    values: &BTreeMap<String, String>,
    session: &Session,
) -> Result<std::result::Result<String, (String, Entry)>> {
    if let Some(login) = &new.login {
        check_login(login).map_err(CommandError::usage)?;
        return match existing(dir, profile, login).await? {
            None => Ok(Ok(login.clone())),
            Some(e) if same_person(&e, new) => Ok(Err((login.clone(), e))),
            Some(e) => Err(CommandError::usage(format!("the login {login} is taken by {}", e.dn))
                .with_hint("choose another login, or leave it out to derive a free one")),
        };
    }
    let base = derive_login(template.login.as_deref(), values).map_err(CommandError::usage)?;
    for n in 1..=99 {
        let candidate = if n == 1 { base.clone() } else { format!("{base}{n}") };
        if session.taken.contains(&candidate) {
            continue;
        }
        match existing(dir, profile, &candidate).await? {
            None => return Ok(Ok(candidate)),
            Some(e) if same_person(&e, new) => return Ok(Err((candidate, e))),
            Some(_) => {}
        }
    }
    Err(CommandError::usage(format!("no free login from {base} to {base}99")).with_hint("give a login"))
}

/// The attributes of the new entry, from the flavour's defaults and the template.
fn attributes(
    profile: &Profile,
    flavor: Flavor,
    template: &Template,
    values: &BTreeMap<String, String>,
) -> std::result::Result<BTreeMap<String, Vec<String>>, String> {
    let mut attrs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut set = |k: &str, v: String| {
        attrs.insert(k.to_string(), vec![v]);
    };
    let login = values["login"].clone();
    let full = format!("{} {}", values["first"], values["last"]);
    set("cn", full.clone());
    set("sn", values["last"].clone());
    set("givenName", values["first"].clone());
    if let Some(mail) = values.get("mail").filter(|m| !m.is_empty()) {
        set("mail", mail.clone());
    }
    match flavor {
        Flavor::Ad => {
            set("displayName", full);
            set("sAMAccountName", login.clone());
            set("userPrincipalName", format!("{login}@{}", values["domain"]));
            // Disabled until the password is set; enabled as the last step.
            set("userAccountControl", (512 | ad::UAC_DISABLED).to_string());
        }
        Flavor::Openldap | Flavor::Ds389 => {
            set(&profile.login_attribute, login);
            if let Some(p) = &template.password_policy {
                set("pwdPolicySubentry", p.clone());
            }
        }
    }
    let classes: Vec<String> = if template.object_classes.is_empty() {
        match flavor {
            Flavor::Ad => vec!["top".into(), "person".into(), "organizationalPerson".into(), "user".into()],
            Flavor::Openldap | Flavor::Ds389 => vec!["inetOrgPerson".into()],
        }
    } else {
        template.object_classes.clone()
    };
    attrs.insert("objectClass".into(), classes);
    for (name, v) in &template.attributes {
        let filled = v.all().into_iter().map(|t| fill(t, values)).collect::<std::result::Result<Vec<_>, _>>()?;
        let filled: Vec<String> = filled.into_iter().filter(|s| !s.trim().is_empty()).collect();
        // Same attribute in another case: the template's wins.
        attrs.retain(|k, _| !k.eq_ignore_ascii_case(name));
        if !filled.is_empty() {
            attrs.insert(name.clone(), filled);
        }
    }
    Ok(attrs)
}

/// The placeholder values of one account before its login is known.
pub fn base_values(profile: &Profile, new: &NewAccount) -> BTreeMap<String, String> {
    let mut values = new.extra.clone();
    values.insert("first".into(), new.first.trim().to_string());
    values.insert("last".into(), new.last.trim().to_string());
    values.insert("domain".into(), domain_of(&profile.base_dn));
    values.entry("mail".into()).or_default();
    if let Some(m) = &new.mail {
        values.insert("mail".into(), m.trim().to_string());
    }
    values
}

/// An account ready to be added: its DN, attributes and the groups it joins.
#[derive(Debug, Clone)]
pub struct Planned {
    pub login: String,
    pub dn: String,
    pub attrs: BTreeMap<String, Vec<String>>,
    pub groups: Vec<String>,
}

/// Builds the entry of `login` from the template (`values` has the login, and
/// `next_uid` when the template uses it).
pub fn build(profile: &Profile, flavor: Flavor, template: &Template, values: &BTreeMap<String, String>) -> Result<Planned> {
    let login = values.get("login").cloned().unwrap_or_default();
    let attrs = attributes(profile, flavor, template, values)
        .map_err(|e| CommandError::usage(e).with_hint("give the value with --set NAME=VALUE (onboard: a CSV column of that name)"))?;
    let rdn_attr = template.rdn.clone().unwrap_or_else(|| if flavor == Flavor::Ad { "cn".into() } else { profile.login_attribute.clone() });
    let rdn_value = attrs
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(&rdn_attr))
        .and_then(|(_, v)| v.first().cloned())
        .ok_or_else(|| CommandError::usage(format!("the template names rdn {rdn_attr}, but gives the entry no {rdn_attr}")))?;
    let ou = match &template.ou {
        Some(ou) => fill(ou, values).map_err(CommandError::usage)?,
        None => profile.users_base().to_string(),
    };
    let dn = format!("{rdn_attr}={},{ou}", dn_value(&rdn_value));
    Ok(Planned { login, dn, attrs, groups: template.groups.clone() })
}

/// The report of a planned account before anything is done.
pub fn planned_report(p: &Planned, dry_run: bool) -> CreateReport {
    CreateReport {
        login: p.login.clone(),
        dn: p.dn.clone(),
        result: if dry_run { "would create".into() } else { "created".into() },
        dry_run,
        attributes: p.attrs.clone(),
        groups: if dry_run {
            p.groups
                .iter()
                .map(|g| GroupResult { group: g.clone(), result: ItemResult::WouldChange, detail: Some("would add".into()) })
                .collect()
        } else {
            vec![]
        },
        must_change: true,
        delivered_to: None,
        detail: None,
    }
}

/// The shortest password the policy for new accounts of this template allows.
pub async fn min_length<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor, p: &Planned) -> Result<usize> {
    let entry = Entry { dn: p.dn.clone(), attrs: p.attrs.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.clone())).collect() };
    let policy = flavor.policy(dir, profile, &entry).await?;
    Ok(policy.min_length.unwrap_or(8) as usize)
}

/// Adds the entry, sets the temporary password (must change) and, on AD, enables it;
/// undone (deleted) when the password part fails. Groups are not joined here.
pub async fn add<D: Directory>(dir: &D, flavor: Flavor, p: &Planned, min: usize, audit: &Audit) -> Result<(CreateReport, Option<Secret>)> {
    let mut report = planned_report(p, false);
    let list: Vec<(String, Vec<String>)> = p.attrs.clone().into_iter().collect();
    if let Err(e) = dir.add(&p.dn, &list).await {
        let _ = audit.record(&p.dn, "create", &format!("failed: {}", e.message));
        return Err(e);
    }
    let _ = audit.record(&p.dn, "create", "ok");
    let entry = Entry { dn: p.dn.clone(), attrs: list.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.clone())).collect() };
    let finish = async {
        let password = super::password::generate(min, &p.login);
        let plan = flavor.reset_plan(&entry, &password, true);
        dir.modify(&p.dn, &plan.changes, plan.relax).await?;
        if !plan.after.is_empty() {
            dir.modify(&p.dn, &plan.after, plan.relax).await?;
        }
        // AD: enabled only now, from the value it has (a template may set other flags).
        if flavor == Flavor::Ad
            && let Some(enable) = flavor.enable_plan(&entry)
        {
            dir.modify(&p.dn, &enable.changes, enable.relax).await?;
        }
        Ok::<_, CommandError>(Secret::new(password))
    };
    match finish.await {
        Ok(secret) => Ok((report, Some(secret))),
        Err(e) => {
            let undone = dir.delete(&p.dn).await;
            let _ = audit.record(&p.dn, "create: password", &format!("failed: {}", e.message));
            let removed = undone.is_ok();
            let what = match undone {
                Ok(()) => "the entry was removed again".to_string(),
                Err(d) => format!(
                    "the entry could NOT be removed ({}): give it a password with `deskhand account reset {}`, or delete it",
                    d.message, p.login
                ),
            };
            let _ = audit.record(&p.dn, "delete (undo create)", if removed { "ok" } else { "failed" });
            report.result = match e.kind {
                // The password (or the enable) was sent and got no answer.
                ErrorKind::Unanswered if !removed => "unknown".into(),
                // Removed again: nothing is left of it.
                ErrorKind::Connection | ErrorKind::Unanswered if removed => "not done".into(),
                // Added, and left without its password: a rerun would find it there.
                _ => "failed".into(),
            };
            report.detail = Some(format!("setting the password failed: {}; {what}", e.message));
            Ok((report, None))
        }
    }
}

/// Creates one account; the password is returned for delivery (`None` on a dry run or
/// when the account existed).
#[allow(clippy::too_many_arguments)]
pub async fn create<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    template: &Template,
    new: &NewAccount,
    dry_run: bool,
    audit: &Audit,
    session: &mut Session,
) -> Result<(CreateReport, Option<Secret>)> {
    let mut values = base_values(profile, new);
    let login = match pick_login(dir, profile, template, new, &values, session).await? {
        Ok(login) => login,
        Err((login, entry)) => {
            let mut r = CreateReport::failed(&login, "exists", "already there for this person: nothing done".into());
            r.dn = entry.dn;
            r.dry_run = dry_run;
            return Ok((r, None));
        }
    };
    values.insert("login".into(), login.clone());
    if template.placeholders().iter().any(|p| p == "next_uid") {
        let start = u64::from(template.uid_start.unwrap_or(10_000));
        let uid = match session.next_uid {
            Some(u) => u,
            None => next_free_uid(dir, profile, start).await?,
        };
        session.next_uid = Some(uid + 1);
        values.insert("next_uid".into(), uid.to_string());
    }
    let mut planned = build(profile, flavor, template, &values)?;
    session.taken.push(login.clone());
    if let Some(colleague) = &new.copy_from {
        let entry = resolve(dir, profile, colleague, flavor.status_attributes()).await?.map_err(|u| u.into_error(colleague))?;
        add_groups_of(dir, profile, flavor, &entry, &mut planned.groups).await?;
    }
    if dry_run {
        return Ok((planned_report(&planned, true), None));
    }
    let min = min_length(dir, profile, flavor, &planned).await?;
    let (mut report, secret) = add(dir, flavor, &planned, min, audit).await?;
    if secret.is_some() {
        report.groups = join_groups(dir, profile, flavor, std::slice::from_ref(&planned.dn), &planned.groups, audit).await;
    }
    Ok((report, secret))
}

/// Adds a colleague's groups to `groups`, once each: "staff" from a template and
/// "cn=staff,ou=groups,..." from the colleague are one group.
pub async fn add_groups_of<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    colleague: &Entry,
    groups: &mut Vec<String>,
) -> Result<()> {
    merge_groups(groups, group_dns_of(dir, profile, flavor, colleague).await?);
    Ok(())
}

/// Adds the group DNs `dns` to `groups`, except those already named (by DN or by the
/// value of their first RDN, as `staff` names `cn=staff,...`).
pub fn merge_groups(groups: &mut Vec<String>, dns: Vec<String>) {
    for g in dns {
        let first_value = super::escape::rdn_of(&g).split_once('=').map_or("", |(_, v)| v.trim());
        if !groups.iter().any(|n| n.eq_ignore_ascii_case(&g) || n.eq_ignore_ascii_case(first_value)) {
            groups.push(g);
        }
    }
}

/// The DNs of the groups an account is in (for `--copy-from`); AD's primary group is
/// not a `member` value and is left out.
pub async fn group_dns_of<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor, entry: &Entry) -> Result<Vec<String>> {
    let base = profile.groups_dn.as_deref().unwrap_or(&profile.base_dn);
    let login = entry.first(&profile.login_attribute).unwrap_or_default();
    let filter = super::show::member_filter(flavor, &entry.dn, login);
    let mut dns: Vec<String> = dir.search(base, Scope::Subtree, &filter, &["cn"]).await?.into_iter().map(|g| g.dn).collect();
    dns.sort();
    dns.dedup();
    Ok(dns)
}

/// Adds the new accounts to each group through the change engine (the same plans,
/// escaping and audit lines as `account group add`), pipelined; the results per group
/// of the first account (for one account: all of them).
pub async fn join_groups<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    dns: &[String],
    groups: &[String],
    audit: &Audit,
) -> Vec<GroupResult> {
    join_groups_each(dir, profile, flavor, dns, groups, audit).await.into_iter().next().map(|(_, g)| g).unwrap_or_default()
}

/// The same, with each account's results.
pub async fn join_groups_each<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    dns: &[String],
    groups: &[String],
    audit: &Audit,
) -> Vec<(String, Vec<GroupResult>)> {
    if groups.is_empty() || dns.is_empty() {
        return dns.iter().map(|d| (d.clone(), vec![])).collect();
    }
    let actions: Vec<Action> = groups.iter().map(|g| Action::GroupAdd(g.clone())).collect();
    let batch = Batch { users: dns, actions: &actions, dry_run: false, keep: Keep::All };
    let (report, _) = super::change::run(dir, profile, flavor, batch, audit, &crate::progress::NoProgress, &NoSink).await;
    let mut out: Vec<(String, Vec<GroupResult>)> = dns.iter().map(|d| (d.clone(), vec![])).collect();
    for item in report.items {
        if let Some((_, list)) = out.iter_mut().find(|(d, _)| *d == item.user) {
            list.push(GroupResult {
                group: item.group.unwrap_or_default(),
                result: item.result,
                detail: item.detail.or(Some(item.status.to_string())),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_and_attributes() {
        assert_eq!(domain_of("OU=x,DC=Lab,DC=Test"), "lab.test");
        let profile = Profile { login_attribute: "uid".into(), base_dn: "dc=lab,dc=test".into(), ..Profile::default() };
        let template: Template = serde_saphyr::from_str(
            "object_classes: [inetOrgPerson, posixAccount]\nattributes:\n  uidNumber: '{next_uid}'\n  homeDirectory: /home/{login}\n  cn: '{last}, {first}'\n  description: '{dept}'\n",
        )
        .unwrap();
        let values: BTreeMap<String, String> =
            [("first", "Jane"), ("last", "Doe"), ("login", "jdoe"), ("next_uid", "10001"), ("domain", "lab.test"), ("dept", "")]
                .iter()
                .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                .collect();
        let a = attributes(&profile, Flavor::Openldap, &template, &values).unwrap();
        assert_eq!(a["uid"], vec!["jdoe"]);
        assert_eq!(a["cn"], vec!["Doe, Jane"]);
        assert_eq!(a["homeDirectory"], vec!["/home/jdoe"]);
        assert_eq!(a["objectClass"], vec!["inetOrgPerson", "posixAccount"]);
        assert!(!a.contains_key("description"), "an empty value is left out");
        let ad = attributes(&profile, Flavor::Ad, &Template::default(), &values).unwrap();
        assert_eq!(ad["userPrincipalName"], vec!["jdoe@lab.test"]);
        assert_eq!(ad["userAccountControl"], vec!["514"]);
    }
}
