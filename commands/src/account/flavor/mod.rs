//! What each kind of directory means by locked, disabled, expired and must-change, and
//! how to undo a lock. Everything flavour-specific lives in one module per flavour; the
//! verbs ask this layer and never look at a raw attribute themselves.

pub mod ad;
pub mod ds389;
pub mod openldap;

use super::directory::{Change, Directory, Entry, FlavorChoice, Profile, Scope};
use crate::error::{CommandError, Result};
use serde::Serialize;

/// The directory flavours deskhand knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Flavor {
    Openldap,
    /// Active Directory (tested on Samba AD).
    Ad,
    /// 389 Directory Server.
    #[serde(rename = "389ds")]
    Ds389,
}

/// The password policy that applies to an account, in seconds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Policy {
    /// Where it came from (a DN), if from the directory.
    pub source: Option<String>,
    pub max_age: Option<i64>,
    /// Whether locks take effect (OpenLDAP `pwdLockout`); `None` when no policy was found.
    pub lockout: Option<bool>,
    /// 0: locked until an administrator unlocks.
    pub lockout_duration: Option<i64>,
    pub max_failure: Option<u32>,
    pub grace_limit: Option<u32>,
    pub min_length: Option<u32>,
}

/// An account's lock.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Lock {
    pub locked: bool,
    /// When the lock was set (RFC 3339).
    pub since: Option<String>,
    /// When it lifts by itself; `None` while locked: only an administrator can unlock.
    pub until: Option<String>,
}

/// An account's state, the same shape for every flavour.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AccountState {
    pub lock: Lock,
    pub disabled: bool,
    pub must_change: bool,
    pub password_changed: Option<String>,
    pub password_expires: Option<String>,
    pub password_expired: bool,
    pub account_expires: Option<String>,
    pub account_expired: bool,
    /// Where the end date comes from (`accountExpires`, `pwdEndTime`, `shadowExpire`), and
    /// what enforces it when not the directory itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_expires_from: Option<String>,
    /// The last successful logon the server read knows of (AD without `--all-servers`:
    /// the replicated `lastLogonTimestamp`, which may be up to 14 days behind).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_logon: Option<String>,
    /// Which figure `last_logon` is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_logon_from: Option<String>,
    /// The account is valid only from this time (`pwdStartTime`).
    pub valid_from: Option<String>,
    pub not_valid_yet: bool,
    pub failures: u32,
    pub last_failure: Option<String>,
    pub grace_logins_left: Option<u32>,
    /// Status values that are not what their attribute's syntax says (a time that is not
    /// a time): what the card shows of them may be wrong, and says so.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<String>,
    /// AD: the hours a logon is allowed in (`logonHours`, in UTC), in words; absent when
    /// every hour is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logon_hours: Option<String>,
    /// AD: now is outside those hours: logons fail (data 530).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub outside_logon_hours: bool,
    /// AD: the only machines logons are allowed from (`userWorkstations`); from any
    /// other, and over LDAP, they fail (data 531).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub workstations: Vec<String>,
    /// AD: a smart card is required (userAccountControl 0x40000): the password is a
    /// random one AD set, so password sign-ins fail.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub smartcard_required: bool,
    /// AD: a member of Protected Users, directly or through other groups (by SID, from
    /// `tokenGroups`: no NTLM sign-ins where the DCs enforce it); `None`: not read (the
    /// status card reads it), or not AD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protected_users: Option<bool>,
}

/// Notes for the values of `attrs` that `ok` refuses: "ATTR: 'VALUE' is not WHAT".
pub(crate) fn check_syntax(entry: &Entry, attrs: &[&str], ok: impl Fn(&str) -> bool, what: &str, out: &mut Vec<String>) {
    for attr in attrs {
        let values = entry.all(attr);
        let mut bad = values.iter().filter(|v| !ok(v));
        if let Some(first) = bad.next() {
            let shown: String = crate::util::sanitize(first).chars().take(40).collect();
            let more = bad.count();
            let more = if more > 0 { format!(" ({more} more values like it)") } else { String::new() };
            out.push(format!("{attr}: '{shown}' is not {what}{more}"));
        }
    }
}

/// What enforces `shadowExpire`: the machines' PAM/SSSD, not the directory's binds.
pub const SHADOW_NOTE: &str = "shadowExpire: PAM/SSSD clients refuse logins after it, LDAP binds still work";

/// `shadowExpire` (days since 1970-01-01; -1 or absent: never) as the moment it starts.
pub fn shadow_expire(entry: &Entry) -> Option<i64> {
    let days: i64 = entry.first("shadowExpire")?.trim().parse().ok()?;
    (days >= 0).then(|| days.saturating_mul(86_400))
}

/// The `shadowExpire` changes for an end date: the day it falls in (a day's account
/// stops at its start), or the attribute gone for never; the class added when missing.
pub(crate) fn shadow_changes(entry: &Entry, when: Option<i64>) -> Vec<Change> {
    let mut changes = Vec::new();
    let has_class = entry.all("objectClass").iter().any(|c| c.eq_ignore_ascii_case("shadowAccount"));
    match when {
        Some(t) => {
            if !has_class {
                changes.push(Change::Add { attr: "objectClass".into(), values: vec!["shadowAccount".into()] });
            }
            changes.push(Change::Replace { attr: "shadowExpire".into(), values: vec![t.div_euclid(86_400).to_string()] });
        }
        None if entry.first("shadowExpire").is_some() => {
            changes.push(Change::Replace { attr: "shadowExpire".into(), values: vec![] });
        }
        None => {}
    }
    changes
}

impl AccountState {
    /// Whether the account can log in, and why (not).
    pub fn verdict(&self) -> (bool, Vec<String>) {
        let mut no = Vec::new();
        if self.disabled {
            no.push("the account is disabled".to_string());
        }
        if self.account_expired {
            no.push("the account has expired".to_string());
        }
        if self.not_valid_yet {
            no.push(format!("the account is not valid until {}", self.valid_from.as_deref().unwrap_or("later")));
        }
        if self.lock.locked {
            no.push(match &self.lock.until {
                Some(u) => format!("the account is locked until {u}"),
                None => "the account is locked until an administrator unlocks it".to_string(),
            });
        }
        if self.password_expired && self.grace_logins_left.unwrap_or(0) == 0 {
            no.push("the password has expired".to_string());
        }
        if self.outside_logon_hours {
            no.push(format!("now is outside the account's logon hours ({})", self.logon_hours.as_deref().unwrap_or("none")));
        }
        if !no.is_empty() {
            return (false, no);
        }
        let mut yes = Vec::new();
        if self.password_expired {
            yes.push(format!("the password has expired, {} grace login(s) left", self.grace_logins_left.unwrap_or(0)));
        }
        if self.must_change {
            yes.push("the password must be changed at the next logon".to_string());
        }
        if self.failures > 0 {
            yes.push(format!("{} failed login(s) since the last success", self.failures));
        }
        if let Some(hours) = &self.logon_hours {
            yes.push(format!("logons only at these hours: {hours}"));
        }
        if self.smartcard_required {
            yes.push("a smart card is required: password sign-ins fail".to_string());
        }
        if self.protected_users == Some(true) {
            yes.push("a member of Protected Users: NTLM sign-ins fail where the DCs enforce it".to_string());
        }
        if !self.workstations.is_empty() {
            yes.push(format!(
                "logons only from {} (userWorkstations): from other machines, and over LDAP, they fail",
                self.workstations.join(", ")
            ));
        }
        (true, yes)
    }
}

/// A planned change to one entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Plan {
    pub changes: Vec<Change>,
    /// Needs the Relax Rules control.
    pub relax: bool,
    /// A second modify, after the first (to undo what the server does on its own).
    pub after: Vec<Change>,
}

impl Flavor {
    /// The flavour the profile names, or the one the root DSE shows.
    pub async fn detect<D: Directory>(dir: &D, profile: &Profile) -> Result<Self> {
        match profile.flavor {
            FlavorChoice::Openldap => return Ok(Self::Openldap),
            FlavorChoice::Ad => return Ok(Self::Ad),
            FlavorChoice::Ds389 => return Ok(Self::Ds389),
            FlavorChoice::Auto => {}
        }
        let dse = dir.search("", Scope::Base, "(objectClass=*)", &["objectClass", "vendorName", "supportedCapabilities"]).await?;
        let root = dse.first().cloned().unwrap_or_default();
        let classes: Vec<String> = root.all("objectClass").iter().map(|c| c.to_ascii_lowercase()).collect();
        if classes.iter().any(|c| c == "openldaprootdse") {
            return Ok(Self::Openldap);
        }
        if root.all("supportedCapabilities").iter().any(|c| c == ad::CAPABILITY) {
            return Ok(Self::Ad);
        }
        if root.first("vendorName").is_some_and(|v| v.contains("389 Project")) {
            return Ok(Self::Ds389);
        }
        let what = root.first("vendorName").map_or_else(|| "an unknown directory".to_string(), ToString::to_string);
        Err(CommandError::usage(format!("directory '{}' is {what}, which deskhand does not support yet", profile.name))
            .with_hint("set flavor: in the profile if it is one of these: openldap (with ppolicy), ad, 389ds"))
    }

    /// Connections a bulk change spreads over when the profile says nothing. Measured
    /// here (scripts/bench-flavors, 500 modifies from 1, 2, 4, 8 connections): 389-ds
    /// commits one change at a time per connection and goes twice as fast on two; Samba
    /// AD is one transaction at a time whatever the connections; slapd already works on
    /// a connection's pipelined changes in parallel.
    pub fn bulk_connections(self) -> usize {
        match self {
            Self::Ds389 => 2,
            Self::Openldap | Self::Ad => 1,
        }
    }

    /// The login attribute when the profile names none.
    pub fn default_login_attribute(self) -> &'static str {
        match self {
            Self::Openldap | Self::Ds389 => "uid",
            Self::Ad => "sAMAccountName",
        }
    }

    /// Adds what a subtree search cannot return: AD's constructed attributes are only
    /// computed for a base-scope read.
    pub async fn complete<D: Directory>(self, dir: &D, entry: &mut Entry) -> Result<()> {
        self.complete_with(dir, entry, ad::COMPUTED_ATTRS).await
    }

    /// As [`Flavor::complete`], for the status card: on AD the groups by SID too
    /// (`ad::CARD_ATTRS`), in the same read.
    pub async fn complete_card<D: Directory>(self, dir: &D, entry: &mut Entry) -> Result<()> {
        self.complete_with(dir, entry, ad::CARD_ATTRS).await
    }

    async fn complete_with<D: Directory>(self, dir: &D, entry: &mut Entry, attrs: &[&str]) -> Result<()> {
        if self == Self::Ad {
            let found = dir.search(&entry.dn, Scope::Base, "(objectClass=*)", attrs).await?;
            if let Some(e) = found.into_iter().next() {
                entry.attrs.extend(e.attrs);
            }
        }
        Ok(())
    }

    /// The attributes `state` needs (operational ones must be named).
    pub fn status_attributes(self) -> &'static [&'static str] {
        match self {
            Self::Openldap => openldap::STATUS_ATTRS,
            Self::Ad => ad::STATUS_ATTRS,
            Self::Ds389 => ds389::STATUS_ATTRS,
        }
    }

    /// The password policy that applies to this entry.
    pub async fn policy<D: Directory>(self, dir: &D, profile: &Profile, entry: &Entry) -> Result<Policy> {
        match self {
            Self::Openldap => openldap::policy(dir, profile, entry).await,
            Self::Ad => ad::policy(dir, profile, entry).await,
            Self::Ds389 => ds389::policy(dir, profile, entry).await,
        }
    }

    /// The account's state at `now` (seconds since the epoch).
    pub fn state(self, entry: &Entry, policy: &Policy, now: i64) -> AccountState {
        match self {
            Self::Openldap => openldap::state(entry, policy, now),
            Self::Ad => ad::state(entry, policy, now),
            Self::Ds389 => ds389::state(entry, policy, now),
        }
    }

    /// What unlocking changes, or `None` when there is nothing to unlock.
    pub fn unlock_plan(self, entry: &Entry) -> Option<Plan> {
        match self {
            Self::Openldap => openldap::unlock_plan(entry),
            Self::Ad => ad::unlock_plan(entry),
            Self::Ds389 => ds389::unlock_plan(entry),
        }
    }

    /// What disabling changes, `Ok(None)` when it is disabled already, or why this
    /// directory cannot disable the account.
    pub fn disable_plan(
        self,
        entry: &Entry,
        policy: &Policy,
        method: super::directory::DisableMethod,
    ) -> std::result::Result<Option<Plan>, String> {
        match self {
            Self::Openldap => openldap::disable_plan(entry, policy, method),
            Self::Ad => Ok(ad::disable_plan(entry)),
            Self::Ds389 => Ok(ds389::disable_plan(entry)),
        }
    }

    /// What setting the account's end date to `when` (seconds since the epoch; `None`:
    /// never) changes, `Ok(None)` when it ends then already, or why it cannot.
    pub fn expire_plan(self, entry: &Entry, when: Option<i64>) -> std::result::Result<Option<Plan>, String> {
        match self {
            Self::Openldap => Ok(openldap::expire_plan(entry, when)),
            Self::Ad => Ok(ad::expire_plan(entry, when)),
            // shadowExpire holds a day: a time within a day would end the account at
            // the start of that day, hours early.
            Self::Ds389 if when.is_some_and(|t| t.rem_euclid(86_400) != 0) => {
                Err("389-ds keeps the end as a day (shadowExpire, which ends at the day's start): give a date, --on YYYY-MM-DD".into())
            }
            Self::Ds389 => Ok(ds389::expire_plan(entry, when)),
        }
    }

    /// What enabling changes, or `None` when it is not disabled.
    pub fn enable_plan(self, entry: &Entry) -> Option<Plan> {
        match self {
            Self::Openldap => openldap::enable_plan(entry),
            Self::Ad => ad::enable_plan(entry),
            Self::Ds389 => ds389::enable_plan(entry),
        }
    }

    /// What a password reset writes: the password, must-change, and (unless
    /// `keep_lock`) the end of a lock, in one modify.
    pub fn reset_plan(self, entry: &Entry, password: &str, keep_lock: bool) -> Plan {
        match self {
            Self::Openldap => openldap::reset_plan(entry, password, keep_lock),
            Self::Ad => ad::reset_plan(entry, password, keep_lock),
            Self::Ds389 => ds389::reset_plan(entry, password, keep_lock),
        }
    }

    /// Whether the entry is one of the directory's own accounts rather than a person's,
    /// whose lock or password age is not a help desk matter: on AD the critical system
    /// objects (Administrator, Guest, krbtgt, Samba's dns-DC account; isCriticalSystemObject),
    /// on OpenLDAP and 389-ds an entry that is not a person (a service or admin entry with
    /// a password: no person, organizationalPerson or inetOrgPerson class).
    pub fn builtin(self, entry: &Entry) -> bool {
        match self {
            Self::Ad => entry.first("isCriticalSystemObject").is_some_and(|v| v.eq_ignore_ascii_case("TRUE")),
            Self::Openldap | Self::Ds389 => {
                let classes = entry.all("objectClass");
                // Without the classes (not readable), nothing is left out on a guess.
                !classes.is_empty()
                    && !classes.iter().any(|c| {
                        ["person", "organizationalPerson", "inetOrgPerson", "residentialPerson"].iter().any(|p| c.eq_ignore_ascii_case(p))
                    })
            }
        }
    }

    /// A filter finding the entries whose password can expire.
    pub fn password_changed_filter(self) -> &'static str {
        match self {
            Self::Openldap => "(pwdChangedTime=*)",
            Self::Ad => "(&(objectCategory=person)(objectClass=user)(pwdLastSet>=1))",
            Self::Ds389 => "(passwordExpirationTime=*)",
        }
    }

    /// A filter finding the entries that may be locked (confirmed with `state`).
    pub fn maybe_locked_filter(self) -> &'static str {
        match self {
            Self::Openldap => "(pwdAccountLockedTime=*)",
            Self::Ad => "(&(objectCategory=person)(objectClass=user)(lockoutTime>=1))",
            Self::Ds389 => "(passwordRetryCount>=1)",
        }
    }
}
