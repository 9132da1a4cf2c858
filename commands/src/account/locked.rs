//! `account locked`: every account that is locked now, with when and until when.

use super::directory::{Directory, Profile, Scope};
use super::flavor::Flavor;
use crate::Outcome;
use crate::error::Result;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct LockedAccount {
    pub login: Option<String>,
    pub dn: String,
    pub since: Option<String>,
    pub until: Option<String>,
    pub failures: u32,
}

/// The report of `account locked`.
#[derive(Debug, Clone, Serialize)]
pub struct LockedReport {
    pub directory: String,
    pub accounts: Vec<LockedAccount>,
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

/// Runs `account locked`. The check passes when nobody is locked.
pub async fn run<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor) -> Result<(LockedReport, Outcome)> {
    let mut accounts = Vec::new();
    for (e, state) in states(dir, profile, flavor, flavor.maybe_locked_filter()).await? {
        if state.lock.locked {
            accounts.push(LockedAccount {
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
    Ok((LockedReport { directory: dir.describe(), accounts }, Outcome::from_ok(ok)))
}

#[derive(Debug, Clone, Serialize)]
pub struct ExpiringAccount {
    pub login: Option<String>,
    pub dn: String,
    pub expires: Option<String>,
    /// Negative once expired.
    pub days_left: i64,
    pub grace_logins_left: Option<u32>,
}

/// The report of `account expiring` and `account expired`.
#[derive(Debug, Clone, Serialize)]
pub struct ExpiryReport {
    pub directory: String,
    /// `expiring`: within this many days; `None` for `expired`.
    pub within_days: Option<u32>,
    pub accounts: Vec<ExpiringAccount>,
}

/// Runs `account expiring --days N` (`Some(n)`) or `account expired` (`None`). The
/// check passes when the list is empty.
pub async fn expiry<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor, within_days: Option<u32>) -> Result<(ExpiryReport, Outcome)> {
    let now = crate::util::now_unix();
    let mut accounts = Vec::new();
    for (e, state) in states(dir, profile, flavor, flavor.password_changed_filter()).await? {
        let Some(expires) = state.password_expires.as_deref().and_then(crate::util::parse_rfc3339) else { continue };
        let days_left = (expires - now).div_euclid(86_400);
        let wanted = match within_days {
            Some(n) => !state.password_expired && days_left < i64::from(n),
            None => state.password_expired,
        };
        if wanted {
            accounts.push(ExpiringAccount {
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
    Ok((ExpiryReport { directory: dir.describe(), within_days, accounts }, Outcome::from_ok(ok)))
}
