//! 389 Directory Server: disabled is `nsAccountLock: true`; locked is
//! `passwordRetryCount` at the policy's maximum *and* `accountUnlockTime` set (in the
//! future, or `19700101000000Z`: until an administrator unlocks); must-change is
//! `pwdReset` or `passwordExpirationTime: 19700101000000Z`; expiry is
//! `passwordExpirationTime`. Policies live in cn=config, or per user through
//! `pwdpolicysubentry`.

use super::{AccountState, Lock, Plan, Policy};
use crate::account::directory::{Change, Directory, Entry, Profile, Scope};
use crate::error::Result;
use crate::util::{parse_generalized_time, rfc3339};

/// The time 389 writes for "until an administrator acts" and "already expired".
pub const EPOCH_MARK: &str = "19700101000000Z";

pub const STATUS_ATTRS: &[&str] = &[
    "uid",
    "cn",
    "displayName",
    "mail",
    "nsAccountLock",
    "passwordRetryCount",
    "accountUnlockTime",
    "retryCountResetTime",
    "passwordExpirationTime",
    "pwdReset",
    "passwordGraceUserTime",
    "pwdpolicysubentry",
    "objectClass",
    "shadowExpire",
    "lastLoginTime",
];

const POLICY_ATTRS: &[&str] = &[
    "passwordLockout",
    "passwordMaxFailure",
    "passwordLockoutDuration",
    "passwordUnlock",
    "passwordExp",
    "passwordMaxAge",
    "passwordMinLength",
    "passwordGraceLimit",
];

fn on(entry: &Entry, attr: &str) -> Option<bool> {
    entry.first(attr).map(|v| v.eq_ignore_ascii_case("on") || v.eq_ignore_ascii_case("true"))
}

fn policy_from(entry: &Entry) -> Policy {
    let num = |a: &str| entry.first(a).and_then(|v| v.parse::<i64>().ok());
    let lockout = on(entry, "passwordLockout");
    Policy {
        source: Some(entry.dn.clone()),
        max_age: if on(entry, "passwordExp") == Some(true) { num("passwordMaxAge").filter(|v| *v > 0) } else { None },
        lockout,
        // passwordUnlock off: locked until an administrator unlocks.
        lockout_duration: if on(entry, "passwordUnlock") == Some(false) { Some(0) } else { num("passwordLockoutDuration") },
        max_failure: num("passwordMaxFailure").and_then(|v| u32::try_from(v).ok()),
        grace_limit: num("passwordGraceLimit").and_then(|v| u32::try_from(v).ok()),
        min_length: num("passwordMinLength").and_then(|v| u32::try_from(v).ok()),
    }
}

/// The user's own policy (`pwdpolicysubentry`), else the global one in cn=config.
pub async fn policy<D: Directory>(dir: &D, _profile: &Profile, entry: &Entry) -> Result<Policy> {
    let base = entry.first("pwdpolicysubentry").unwrap_or("cn=config").to_string();
    let found = dir.search(&base, Scope::Base, "(objectClass=*)", POLICY_ATTRS).await?;
    Ok(found.first().map(policy_from).unwrap_or_default())
}

pub fn state(entry: &Entry, policy: &Policy, now: i64) -> AccountState {
    let retries: u32 = entry.first("passwordRetryCount").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut s = AccountState { disabled: on(entry, "nsAccountLock") == Some(true), failures: retries, ..AccountState::default() };
    // Both conditions: the count at the maximum and an unlock time set.
    let at_max = policy.max_failure.is_some_and(|m| m > 0 && retries >= m);
    if at_max
        && policy.lockout != Some(false)
        && let Some(unlock) = entry.first("accountUnlockTime")
    {
        if unlock == EPOCH_MARK {
            s.lock = Lock { locked: true, since: None, until: None };
        } else if let Some(t) = parse_generalized_time(unlock).filter(|t| now < *t) {
            let since = policy.lockout_duration.filter(|d| *d > 0).map(|d| rfc3339(t - d));
            s.lock = Lock { locked: true, since, until: Some(rfc3339(t)) };
        }
    }
    let expiry = entry.first("passwordExpirationTime");
    s.must_change = entry.first("pwdReset").is_some_and(|v| v.eq_ignore_ascii_case("TRUE")) || expiry == Some(EPOCH_MARK);
    if let Some(t) = expiry.filter(|v| *v != EPOCH_MARK).and_then(parse_generalized_time) {
        s.password_expires = Some(rfc3339(t));
        s.password_expired = now >= t;
    }
    if let Some(limit) = policy.grace_limit.filter(|l| *l > 0) {
        let used: u32 = entry.first("passwordGraceUserTime").and_then(|v| v.parse().ok()).unwrap_or(0);
        s.grace_logins_left = Some(limit.saturating_sub(used));
    }
    // 389-ds keeps no end date of its own (its account policy plugin works on inactivity).
    if let Some(end) = super::shadow_expire(entry) {
        s.account_expires = Some(rfc3339(end));
        s.account_expired = now >= end;
        s.account_expires_from = Some(super::SHADOW_NOTE.to_string());
    }
    if let Some(t) = entry.first("lastLoginTime").and_then(parse_generalized_time) {
        s.last_logon = Some(rfc3339(t));
        s.last_logon_from = Some("lastLoginTime".into());
    }
    s
}

/// The account's end date: 389-ds has none of its own, so `shadowExpire` (the
/// shadowAccount class added where missing), which PAM/SSSD on the machines enforce.
pub fn expire_plan(entry: &Entry, when: Option<i64>) -> Option<Plan> {
    let current = super::shadow_expire(entry).map(|t| t.div_euclid(86_400));
    if current == when.map(|t| t.div_euclid(86_400)) {
        return None;
    }
    Some(Plan { changes: super::shadow_changes(entry, when), relax: false, after: vec![] })
}

/// The retry state cleared: count to 0, unlock and reset times removed (a replace with
/// no value removes an attribute without failing when it is absent).
fn clear_retries() -> Vec<Change> {
    vec![
        Change::Replace { attr: "passwordRetryCount".into(), values: vec!["0".into()] },
        Change::Replace { attr: "accountUnlockTime".into(), values: vec![] },
        Change::Replace { attr: "retryCountResetTime".into(), values: vec![] },
    ]
}

pub fn unlock_plan(entry: &Entry) -> Option<Plan> {
    let retries: u32 = entry.first("passwordRetryCount").and_then(|v| v.parse().ok()).unwrap_or(0);
    (retries > 0 || entry.first("accountUnlockTime").is_some()).then(|| Plan { changes: clear_retries(), relax: false, after: vec![] })
}

pub fn disable_plan(entry: &Entry) -> Option<Plan> {
    (on(entry, "nsAccountLock") != Some(true)).then(|| Plan {
        changes: vec![Change::Replace { attr: "nsAccountLock".into(), values: vec!["true".into()] }],
        relax: false,
        after: vec![],
    })
}

pub fn enable_plan(entry: &Entry) -> Option<Plan> {
    (on(entry, "nsAccountLock") == Some(true)).then(|| Plan {
        changes: vec![Change::Replace { attr: "nsAccountLock".into(), values: vec![] }],
        relax: false,
        after: vec![],
    })
}

/// A reset: the password, expired at once (must change at next logon, whatever the
/// policy), and the retry state cleared unless the lock is to stay.
pub fn reset_plan(entry: &Entry, password: &str, keep_lock: bool) -> Plan {
    let mut changes = vec![
        Change::password("userPassword", password),
        Change::Replace { attr: "passwordExpirationTime".into(), values: vec![EPOCH_MARK.into()] },
    ];
    if !keep_lock && unlock_plan(entry).is_some() {
        changes.extend(clear_retries());
    }
    Plan { changes, relax: false, after: vec![] }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(pairs: &[(&str, &str)]) -> Entry {
        Entry { dn: "uid=x,dc=t".into(), attrs: pairs.iter().map(|(k, v)| (k.to_ascii_lowercase(), vec![(*v).to_string()])).collect() }
    }

    const NOW: i64 = 1_795_420_800;

    #[test]
    fn states() {
        let policy = Policy { lockout: Some(true), lockout_duration: Some(0), max_failure: Some(3), ..Policy::default() };
        let locked = state(&entry(&[("passwordRetryCount", "3"), ("accountUnlockTime", EPOCH_MARK)]), &policy, NOW);
        assert!(locked.lock.locked && locked.lock.until.is_none());
        // A stale unlock time without the count is not a lock (389 needs both).
        assert!(!state(&entry(&[("passwordRetryCount", "0"), ("accountUnlockTime", EPOCH_MARK)]), &policy, NOW).lock.locked);
        assert!(state(&entry(&[("nsAccountLock", "TRUE")]), &policy, NOW).disabled);
        let must = state(&entry(&[("passwordExpirationTime", EPOCH_MARK)]), &policy, NOW);
        assert!(must.must_change && !must.password_expired && must.verdict().0);
        let expired = state(&entry(&[("passwordExpirationTime", "20260801000000Z")]), &policy, NOW);
        assert!(expired.password_expired && !expired.verdict().0);
    }

    #[test]
    fn plans() {
        assert!(unlock_plan(&entry(&[])).is_none());
        assert_eq!(unlock_plan(&entry(&[("passwordRetryCount", "2")])).unwrap().changes.len(), 3);
        assert!(disable_plan(&entry(&[("nsAccountLock", "true")])).is_none());
        assert!(enable_plan(&entry(&[("nsAccountLock", "true")])).is_some());
        let r = reset_plan(&entry(&[("passwordRetryCount", "3"), ("accountUnlockTime", EPOCH_MARK)]), "pw", false);
        assert_eq!(r.changes.len(), 5);
        assert_eq!(reset_plan(&entry(&[("passwordRetryCount", "3")]), "pw", true).changes.len(), 2);
    }
}
