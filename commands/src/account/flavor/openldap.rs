//! OpenLDAP with the ppolicy overlay: the lock is `pwdAccountLockedTime` (the special
//! value `000001010000Z` is a permanent administrative lock, which deskhand reports as
//! disabled), failures are `pwdFailureTime` values, must-change is `pwdReset`, expiry
//! is `pwdChangedTime` plus the policy's `pwdMaxAge`.

use super::{AccountState, Lock, Plan, Policy};
use crate::account::directory::{Change, Directory, DisableMethod, Entry, Profile, Scope};
use crate::error::Result;
use crate::util::{parse_generalized_time, rfc3339};

/// The value of `pwdAccountLockedTime` that means "locked until an administrator
/// unlocks, whatever the policy": deskhand's disabled.
pub const PERMANENT_LOCK: &str = "000001010000Z";

pub const STATUS_ATTRS: &[&str] = &[
    "uid",
    "cn",
    "displayName",
    "mail",
    "pwdAccountLockedTime",
    "pwdFailureTime",
    "pwdChangedTime",
    "pwdReset",
    "pwdGraceUseTime",
    "pwdPolicySubentry",
    "pwdEndTime",
    "pwdStartTime",
    "objectClass",
    "shadowExpire",
    "pwdLastSuccess",
];

fn policy_from(entry: &Entry) -> Policy {
    let num = |a: &str| entry.first(a).and_then(|v| v.parse::<i64>().ok());
    Policy {
        source: Some(entry.dn.clone()),
        max_age: num("pwdMaxAge").filter(|v| *v > 0),
        lockout: Some(entry.first("pwdLockout").is_some_and(|v| v.eq_ignore_ascii_case("TRUE"))),
        lockout_duration: if entry.first("pwdLockout").is_some_and(|v| v.eq_ignore_ascii_case("TRUE")) {
            num("pwdLockoutDuration").or(Some(0))
        } else {
            None
        },
        max_failure: num("pwdMaxFailure").and_then(|v| u32::try_from(v).ok()),
        grace_limit: num("pwdGraceAuthnLimit").and_then(|v| u32::try_from(v).ok()),
        min_length: num("pwdMinLength").and_then(|v| u32::try_from(v).ok()),
    }
}

const POLICY_ATTRS: &[&str] = &["pwdMaxAge", "pwdLockout", "pwdLockoutDuration", "pwdMaxFailure", "pwdGraceAuthnLimit", "pwdMinLength"];

/// The user's own policy (`pwdPolicySubentry`), else the profile's, else the one
/// policy entry under the base DN (`cn=default...` when there are several).
pub async fn policy<D: Directory>(dir: &D, profile: &Profile, entry: &Entry) -> Result<Policy> {
    let named = entry.first("pwdPolicySubentry").map(ToString::to_string).or_else(|| profile.password_policy.clone());
    if let Some(dn) = named {
        let found = dir.search(&dn, Scope::Base, "(objectClass=*)", POLICY_ATTRS).await?;
        return Ok(found.first().map(policy_from).unwrap_or_default());
    }
    let mut found = dir.search(&profile.base_dn, Scope::Subtree, "(objectClass=pwdPolicy)", POLICY_ATTRS).await?;
    found.sort_by_key(|e| !e.dn.to_ascii_lowercase().starts_with("cn=default"));
    Ok(found.first().map(policy_from).unwrap_or_default())
}

pub fn state(entry: &Entry, policy: &Policy, now: i64) -> AccountState {
    let mut s = AccountState::default();
    // With `pwdLockout: FALSE` slapd ignores pwdAccountLockedTime altogether.
    let locks_apply = policy.lockout != Some(false);
    if let Some(locked) = entry.first("pwdAccountLockedTime").filter(|_| locks_apply) {
        if locked == PERMANENT_LOCK {
            s.disabled = true;
        } else if let Some(t) = parse_generalized_time(locked) {
            let until = match policy.lockout_duration {
                Some(d) if d > 0 => Some(t.saturating_add(d)),
                _ => None,
            };
            if until.is_none_or(|u| now < u) {
                s.lock = Lock { locked: true, since: Some(rfc3339(t)), until: until.map(rfc3339) };
            }
        } else {
            // A lock whose time cannot be read: present, so taken as locked (since when,
            // unknown), and said below.
            s.lock = Lock { locked: true, since: None, until: None };
        }
    }
    let times = ["pwdAccountLockedTime", "pwdFailureTime", "pwdChangedTime", "pwdStartTime", "pwdEndTime", "pwdGraceUseTime"];
    super::check_syntax(
        entry,
        &times,
        |v| v == PERMANENT_LOCK || parse_generalized_time(v).is_some(),
        "a generalized time",
        &mut s.unreadable,
    );
    if let Some(start) = entry.first("pwdStartTime").and_then(parse_generalized_time) {
        s.valid_from = Some(rfc3339(start));
        s.not_valid_yet = now < start;
    }
    let failures: Vec<i64> = entry.all("pwdFailureTime").iter().filter_map(|v| parse_generalized_time(v)).collect();
    s.failures = failures.len() as u32;
    s.last_failure = failures.iter().max().map(|t| rfc3339(*t));
    s.must_change = entry.first("pwdReset").is_some_and(|v| v.eq_ignore_ascii_case("TRUE"));
    let changed = entry.first("pwdChangedTime").and_then(parse_generalized_time);
    s.password_changed = changed.map(rfc3339);
    if let (Some(c), Some(max)) = (changed, policy.max_age) {
        let expires = c.saturating_add(max);
        s.password_expires = Some(rfc3339(expires));
        s.password_expired = now >= expires;
    }
    if let Some(limit) = policy.grace_limit {
        let used = entry.all("pwdGraceUseTime").len() as u32;
        s.grace_logins_left = Some(limit.saturating_sub(used));
    }
    // pwdEndTime is slapd's own (binds fail after it); shadowExpire is the machines'.
    let end = entry.first("pwdEndTime").and_then(parse_generalized_time).map(|t| (t, "pwdEndTime"));
    if let Some((end, from)) = end.or_else(|| super::shadow_expire(entry).map(|t| (t, super::SHADOW_NOTE))) {
        s.account_expires = Some(rfc3339(end));
        s.account_expired = now >= end;
        s.account_expires_from = Some(from.to_string());
    }
    if let Some(t) = entry.first("pwdLastSuccess").and_then(parse_generalized_time) {
        s.last_logon = Some(rfc3339(t));
        s.last_logon_from = Some("pwdLastSuccess".into());
    }
    s
}

/// The account's end date: `pwdEndTime` (slapd refuses binds from then on), and
/// `shadowExpire` too where the entry has one, so the machines agree.
pub fn expire_plan(entry: &Entry, when: Option<i64>) -> Option<Plan> {
    let current = entry.first("pwdEndTime").and_then(parse_generalized_time);
    let mut changes = Vec::new();
    if current != when {
        changes.push(match when {
            Some(t) => Change::Replace { attr: "pwdEndTime".into(), values: vec![generalized(t)] },
            None => Change::Replace { attr: "pwdEndTime".into(), values: vec![] },
        });
    }
    if entry.first("shadowExpire").is_some()
        && super::shadow_expire(entry).map(|t| t.div_euclid(86_400)) != when.map(|t| t.div_euclid(86_400))
    {
        changes.extend(super::shadow_changes(entry, when));
    }
    (!changes.is_empty()).then_some(Plan { changes, relax: false, after: vec![] })
}

/// A time as GeneralizedTime (`20270131000000Z`).
pub fn generalized(t: i64) -> String {
    rfc3339(t).replace(['-', ':', 'T'], "")
}

/// Unlocking: deleting `pwdAccountLockedTime` (ppolicy then drops the failure count
/// itself); failures without a lock need the Relax Rules control to clear. A permanent
/// lock is a disable and is left alone (see `account enable`).
pub fn unlock_plan(entry: &Entry) -> Option<Plan> {
    match entry.first("pwdAccountLockedTime") {
        Some(PERMANENT_LOCK) => None,
        Some(_) => Some(Plan {
            changes: vec![Change::Delete { attr: "pwdAccountLockedTime".into(), values: vec![] }],
            relax: false,
            after: vec![],
        }),
        None if !entry.all("pwdFailureTime").is_empty() => {
            Some(Plan { changes: vec![Change::Delete { attr: "pwdFailureTime".into(), values: vec![] }], relax: true, after: vec![] })
        }
        None => None,
    }
}

/// Disabling: the permanent administrative lock (replacing any timed lock), which only
/// works where the account's policy turns locks on; or, as the profile chooses, an
/// account end time of now.
pub fn disable_plan(entry: &Entry, policy: &Policy, method: DisableMethod) -> std::result::Result<Option<Plan>, String> {
    if method == DisableMethod::EndTime {
        let now = crate::util::now_unix();
        if entry.first("pwdEndTime").and_then(parse_generalized_time).is_some_and(|t| t <= now) {
            return Ok(None);
        }
        let stamp = crate::util::rfc3339(now).replace(['-', ':', 'T'], "");
        return Ok(Some(Plan {
            changes: vec![Change::Replace { attr: "pwdEndTime".into(), values: vec![stamp] }],
            relax: false,
            after: vec![],
        }));
    }
    if policy.lockout == Some(false) {
        return Err("cannot disable: this account's password policy has pwdLockout FALSE, so slapd ignores locks (set disable_method: end_time in the profile)".into());
    }
    if entry.first("pwdAccountLockedTime") == Some(PERMANENT_LOCK) {
        return Ok(None);
    }
    Ok(Some(Plan {
        changes: vec![Change::Replace { attr: "pwdAccountLockedTime".into(), values: vec![PERMANENT_LOCK.into()] }],
        relax: false,
        after: vec![],
    }))
}

/// Enabling: removing the permanent lock and a past account end time (a timed lock is
/// left to `unlock`).
pub fn enable_plan(entry: &Entry) -> Option<Plan> {
    let mut changes = vec![];
    if entry.first("pwdAccountLockedTime") == Some(PERMANENT_LOCK) {
        changes.push(Change::Delete { attr: "pwdAccountLockedTime".into(), values: vec![] });
    }
    if entry.first("pwdEndTime").and_then(parse_generalized_time).is_some_and(|t| t <= crate::util::now_unix()) {
        changes.push(Change::Delete { attr: "pwdEndTime".into(), values: vec![] });
    }
    (!changes.is_empty()).then_some(Plan { changes, relax: false, after: vec![] })
}

/// A reset: `userPassword` and `pwdReset: TRUE` in the same modify (a later password
/// write would clear pwdReset), and the lock removed unless asked to keep it. A
/// permanent lock (disabled) stays: enabling is a decision of its own. ppolicy removes
/// `pwdAccountLockedTime` on every password change, so a kept lock is written back in
/// a second modify.
pub fn reset_plan(entry: &Entry, password: &str, keep_lock: bool) -> Plan {
    let mut changes =
        vec![Change::password("userPassword", password), Change::Replace { attr: "pwdReset".into(), values: vec!["TRUE".into()] }];
    let mut after = vec![];
    match (entry.first("pwdAccountLockedTime"), keep_lock) {
        // ppolicy lifts any lock whenever the password changes, the permanent one too: a
        // reset must not enable a disabled account, nor unlock with --keep-lock. Put it back.
        (Some(t), _) if t == PERMANENT_LOCK => {
            after.push(Change::Replace { attr: "pwdAccountLockedTime".into(), values: vec![t.to_string()] });
        }
        (Some(t), true) => after.push(Change::Replace { attr: "pwdAccountLockedTime".into(), values: vec![t.to_string()] }),
        (Some(_), false) => changes.push(Change::Delete { attr: "pwdAccountLockedTime".into(), values: vec![] }),
        (None, _) => {}
    }
    Plan { changes, relax: false, after }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(pairs: &[(&str, &[&str])]) -> Entry {
        Entry::of("uid=x,dc=t", pairs)
    }

    const NOW: i64 = 1_795_420_800; // 2026-11-23T08:00:00Z

    #[test]
    fn states() {
        let policy = Policy { max_age: Some(90 * 86_400), lockout_duration: Some(0), grace_limit: Some(2), ..Policy::default() };
        let locked = state(
            &entry(&[("pwdAccountLockedTime", &["20261123070000Z"]), ("pwdFailureTime", &["20261123065959Z", "20261123070000.5Z"])]),
            &policy,
            NOW,
        );
        assert!(locked.lock.locked && locked.lock.until.is_none());
        assert_eq!(locked.failures, 2);
        assert_eq!(locked.last_failure.as_deref(), Some("2026-11-23T07:00:00Z"));
        assert!(!locked.verdict().0);

        let timed = Policy { lockout_duration: Some(600), ..policy.clone() };
        let s = state(&entry(&[("pwdAccountLockedTime", &["20261123075500Z"])]), &timed, NOW);
        assert_eq!(s.lock.until.as_deref(), Some("2026-11-23T08:05:00Z"));
        let lapsed = state(&entry(&[("pwdAccountLockedTime", &["20261123070000Z"])]), &timed, NOW);
        assert!(!lapsed.lock.locked, "a timed lock lifts by itself");

        let disabled = state(&entry(&[("pwdAccountLockedTime", &[PERMANENT_LOCK])]), &policy, NOW);
        assert!(disabled.disabled && !disabled.lock.locked);

        let expired = state(&entry(&[("pwdChangedTime", &["20260501000000Z"]), ("pwdGraceUseTime", &["20261101000000Z"])]), &policy, NOW);
        assert!(expired.password_expired);
        assert_eq!(expired.grace_logins_left, Some(1));
        let (ok, why) = expired.verdict();
        assert!(ok && why[0].contains("grace"), "{why:?}");

        let must = state(&entry(&[("pwdReset", &["TRUE"]), ("pwdChangedTime", &["20261120000000Z"])]), &policy, NOW);
        assert!(must.must_change && !must.password_expired);
        assert_eq!(must.password_expires.as_deref(), Some("2027-02-18T00:00:00Z"));
        assert!(must.verdict().0);
    }

    #[test]
    fn values_of_the_wrong_syntax_are_said() {
        let on = Policy { lockout: Some(true), lockout_duration: Some(600), ..Policy::default() };
        let s = state(
            &entry(&[
                ("pwdAccountLockedTime", &["yesterday"]),
                ("pwdFailureTime", &["20261123070000Z", "x", "y"]),
                ("pwdReset", &["TRUE"]),
            ]),
            &on,
            NOW,
        );
        assert!(s.lock.locked && s.lock.since.is_none(), "a lock whose time cannot be read is a lock");
        assert_eq!(s.failures, 1, "only the failures that are times count");
        assert_eq!(
            s.unreadable,
            vec![
                "pwdAccountLockedTime: 'yesterday' is not a generalized time".to_string(),
                "pwdFailureTime: 'x' is not a generalized time (1 more values like it)".to_string(),
            ]
        );
        let clean = state(&entry(&[("pwdAccountLockedTime", &[PERMANENT_LOCK])]), &on, NOW);
        assert!(clean.unreadable.is_empty(), "the permanent lock is a value of its own");
    }

    #[test]
    fn lockout_off_and_start_time() {
        let off = Policy { lockout: Some(false), ..Policy::default() };
        let s = state(&entry(&[("pwdAccountLockedTime", &[PERMANENT_LOCK])]), &off, NOW);
        assert!(!s.disabled && !s.lock.locked, "slapd ignores locks without pwdLockout");
        assert!(disable_plan(&entry(&[]), &off, DisableMethod::Lock).is_err());
        let by_time = disable_plan(&entry(&[]), &off, DisableMethod::EndTime).unwrap().unwrap();
        assert!(matches!(&by_time.changes[0], Change::Replace { attr, .. } if attr == "pwdEndTime"));
        let on = Policy { lockout: Some(true), lockout_duration: Some(0), ..Policy::default() };
        assert!(disable_plan(&entry(&[]), &on, DisableMethod::Lock).unwrap().is_some());
        let later = state(&entry(&[("pwdStartTime", &["20300101000000Z"])]), &on, NOW);
        assert!(later.not_valid_yet);
        assert!(!later.verdict().0);
        let huge = Policy { max_age: Some(i64::MAX), ..Policy::default() };
        let s = state(&entry(&[("pwdChangedTime", &["20261120000000Z"])]), &huge, NOW);
        assert!(!s.password_expired, "no overflow");
    }

    #[test]
    fn unlock_plans() {
        assert_eq!(unlock_plan(&entry(&[])), None);
        assert_eq!(unlock_plan(&entry(&[("pwdAccountLockedTime", &[PERMANENT_LOCK])])), None);
        let p = unlock_plan(&entry(&[("pwdAccountLockedTime", &["20261123070000Z"]), ("pwdFailureTime", &["20261123070000Z"])])).unwrap();
        assert!(!p.relax);
        assert_eq!(p.changes.len(), 1);
        let p = unlock_plan(&entry(&[("pwdFailureTime", &["20261123070000Z"])])).unwrap();
        assert!(p.relax);
    }
}
