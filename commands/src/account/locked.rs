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

/// Runs `account locked`. The check passes when nobody is locked.
pub async fn run<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor) -> Result<(LockedReport, Outcome)> {
    let entries = dir.search(profile.users_base(), Scope::Subtree, flavor.maybe_locked_filter(), flavor.status_attributes()).await?;
    let now = crate::util::now_unix();
    let mut policy_cache: std::collections::HashMap<Option<String>, super::flavor::Policy> = std::collections::HashMap::new();
    let mut accounts = Vec::new();
    for e in entries {
        let key = e.first("pwdPolicySubentry").map(ToString::to_string);
        if !policy_cache.contains_key(&key) {
            let p = flavor.policy(dir, profile, &e).await?;
            policy_cache.insert(key.clone(), p);
        }
        let state = flavor.state(&e, &policy_cache[&key], now);
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
