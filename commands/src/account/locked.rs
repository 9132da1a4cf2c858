//! `account locked`: every account that is locked now, with when and until when.

use super::directory::{Directory, Profile, Scope};
use super::flavor::Flavor;
use crate::Outcome;
use crate::error::Result;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LockedAccount {
    pub login: Option<String>,
    pub dn: String,
    pub since: Option<String>,
    pub until: Option<String>,
    pub failures: u32,
    /// Listed only with `--all`: disabled, or one of the directory's built-in accounts.
    pub disabled: bool,
    pub builtin: bool,
}

/// The report of `account locked`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LockedReport {
    pub directory: String,
    pub accounts: Vec<LockedAccount>,
    /// What the list leaves out (zero with `--all`).
    pub left_out: LeftOut,
}

/// The accounts a list leaves out by default: a disabled account cannot log in anyway,
/// and a built-in one is not a person's. A built-in account that is also disabled
/// (krbtgt) counts as built-in.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct LeftOut {
    pub disabled: usize,
    pub builtin: usize,
}

impl LeftOut {
    /// Whether the account is listed; counts it when it is not.
    fn keep(&mut self, all: bool, disabled: bool, builtin: bool) -> bool {
        if all {
            return true;
        }
        if builtin {
            self.builtin += 1;
        } else if disabled {
            self.disabled += 1;
        }
        !(builtin || disabled)
    }
}

/// The accounts a filter finds, each with its state now. Policies are read once each
/// (most accounts share one).
async fn states<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    filter: &str,
) -> Result<Vec<(crate::account::directory::Entry, super::flavor::AccountState)>> {
    let entries = dir.search(profile.users_base(), Scope::Subtree, filter, flavor.status_attributes()).await?;
    let now = crate::util::now_unix();
    let mut policies: std::collections::HashMap<Option<String>, super::flavor::Policy> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(entries.len());
    for mut e in entries {
        flavor.complete(dir, &mut e).await?;
        let key = e.first("pwdPolicySubentry").or_else(|| e.first("msDS-ResultantPSO")).map(ToString::to_string);
        if !policies.contains_key(&key) {
            let p = flavor.policy(dir, profile, &e).await?;
            policies.insert(key.clone(), p);
        }
        let state = flavor.state(&e, &policies[&key], now);
        out.push((e, state));
    }
    Ok(out)
}

/// Runs `account locked`. The check passes when nobody is locked (of the accounts
/// listed: disabled and built-in ones only count with `all`).
pub async fn run<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor, all: bool) -> Result<(LockedReport, Outcome)> {
    let mut accounts = Vec::new();
    let mut left_out = LeftOut::default();
    for (e, state) in states(dir, profile, flavor, flavor.maybe_locked_filter()).await? {
        let builtin = flavor.builtin(&e);
        if state.lock.locked && left_out.keep(all, state.disabled, builtin) {
            accounts.push(LockedAccount {
                disabled: state.disabled,
                builtin,
                login: e.first(&profile.login_attribute).map(ToString::to_string),
                dn: e.dn,
                since: state.lock.since,
                until: state.lock.until,
                failures: state.failures,
            });
        }
    }
    accounts.sort_by(|a, b| a.login.cmp(&b.login).then(a.dn.cmp(&b.dn)));
    let ok = accounts.is_empty();
    Ok((LockedReport { directory: dir.describe(), accounts, left_out }, Outcome::from_ok(ok)))
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExpiringAccount {
    pub login: Option<String>,
    pub dn: String,
    pub expires: Option<String>,
    /// Negative once expired.
    pub days_left: i64,
    pub grace_logins_left: Option<u32>,
    /// Listed only with `--all`: disabled, or one of the directory's built-in accounts.
    pub disabled: bool,
    pub builtin: bool,
}

/// The report of `account expiring` and `account expired`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExpiryReport {
    pub directory: String,
    /// `expiring`: within this many days; `None` for `expired`.
    pub within_days: Option<u32>,
    pub accounts: Vec<ExpiringAccount>,
    /// What the list leaves out (zero with `--all`).
    pub left_out: LeftOut,
}

/// Runs `account expiring --days N` (`Some(n)`) or `account expired` (`None`). The
/// check passes when the list is empty (disabled and built-in accounts only count with
/// `all`).
pub async fn expiry<D: Directory>(
    dir: &D,
    profile: &Profile,
    flavor: Flavor,
    within_days: Option<u32>,
    all: bool,
) -> Result<(ExpiryReport, Outcome)> {
    let now = crate::util::now_unix();
    let mut accounts = Vec::new();
    let mut left_out = LeftOut::default();
    for (e, state) in states(dir, profile, flavor, flavor.password_changed_filter()).await? {
        let Some(expires) = state.password_expires.as_deref().and_then(crate::util::parse_rfc3339) else { continue };
        let days_left = (expires - now).div_euclid(86_400);
        let wanted = match within_days {
            Some(n) => !state.password_expired && days_left < i64::from(n),
            None => state.password_expired,
        };
        let builtin = flavor.builtin(&e);
        if wanted && left_out.keep(all, state.disabled, builtin) {
            accounts.push(ExpiringAccount {
                disabled: state.disabled,
                builtin,
                login: e.first(&profile.login_attribute).map(ToString::to_string),
                dn: e.dn,
                expires: state.password_expires,
                days_left,
                grace_logins_left: state.grace_logins_left,
            });
        }
    }
    accounts.sort_by_key(|a| a.days_left);
    let ok = accounts.is_empty();
    Ok((ExpiryReport { directory: dir.describe(), within_days, accounts, left_out }, Outcome::from_ok(ok)))
}

#[cfg(test)]
mod tests {
    use super::LeftOut;
    use crate::account::directory::Entry;
    use crate::account::flavor::Flavor;

    fn entry(pairs: &[(&str, &[&str])]) -> Entry {
        Entry::of("cn=x,dc=t", pairs)
    }

    #[test]
    fn built_in_accounts_by_flavour() {
        assert!(Flavor::Ad.builtin(&entry(&[("isCriticalSystemObject", &["TRUE"])])));
        assert!(!Flavor::Ad.builtin(&entry(&[("isCriticalSystemObject", &["FALSE"])])));
        assert!(!Flavor::Ad.builtin(&entry(&[("objectClass", &["top", "user"])])), "a person on AD");
        for f in [Flavor::Openldap, Flavor::Ds389] {
            assert!(f.builtin(&entry(&[("objectClass", &["top", "applicationProcess", "simpleSecurityObject"])])));
            assert!(!f.builtin(&entry(&[("objectClass", &["top", "InetOrgPerson", "posixAccount"])])), "class names are case-blind");
            assert!(!f.builtin(&entry(&[("objectClass", &["person"])])));
            assert!(!f.builtin(&entry(&[])), "no classes read: nothing is left out on a guess");
        }
    }

    #[test]
    fn left_out_counts_each_account_once() {
        let mut l = LeftOut::default();
        assert!(l.keep(false, false, false));
        assert!(!l.keep(false, true, false));
        assert!(!l.keep(false, true, true), "krbtgt: disabled and built-in, counted as built-in");
        assert!(!l.keep(false, false, true));
        assert_eq!(l, LeftOut { disabled: 1, builtin: 2 });
        let mut all = LeftOut::default();
        assert!(all.keep(true, true, true));
        assert_eq!(all, LeftOut::default(), "--all leaves nothing out");
    }
}
