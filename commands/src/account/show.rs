//! `account show USER`: the status card, with a verdict: can the user log in, and why not.

use super::directory::{Directory, Profile, Scope};
use super::escape::filter_value;
use super::flavor::{AccountState, Flavor, Policy};
use super::resolve::{in_disabled_ou, resolve_or_offboarded};
use crate::Outcome;
use crate::error::Result;
use serde::Serialize;

/// The report of `account show`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AccountStatus {
    pub login: String,
    pub dn: String,
    pub name: Option<String>,
    pub mail: Option<String>,
    pub groups: Vec<String>,
    pub flavor: Flavor,
    pub state: AccountState,
    pub policy: Policy,
    pub can_log_in: bool,
    /// Why not, or what to know even so (must change, failures).
    pub reasons: Vec<String>,
    pub directory: String,
    /// It sits in the profile's `disabled:` OU, where offboarding puts leavers.
    pub offboarded: bool,
    /// With `--all-servers`: the account on each server of the profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub servers: Option<Vec<super::servers::ServerState>>,
}

/// Runs `account show`.
pub async fn run<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor, user: &str) -> Result<(AccountStatus, Outcome)> {
    let mut entry = resolve_or_offboarded(dir, profile, user, flavor.status_attributes()).await?.map_err(|u| u.into_error(user))?;
    let login = entry.first(&profile.login_attribute).unwrap_or(user).to_string();
    let dn = entry.dn.clone();
    // The groups while the card's own reads go on: one connection, requests in flight
    // together, so the card costs the round trips of its longest chain, not their sum.
    let (card, groups) = futures::join!(
        async {
            flavor.complete_card(dir, &mut entry).await?;
            flavor.policy(dir, profile, &entry).await
        },
        groups_of(dir, profile, flavor, &dn, &login)
    );
    let (policy, mut groups) = (card?, groups?);
    let state = flavor.state(&entry, &policy, crate::util::now_unix());
    if flavor == Flavor::Ad {
        groups.extend(super::flavor::ad::primary_group(&entry));
    }
    let (can_log_in, mut reasons) = state.verdict();
    let offboarded = in_disabled_ou(profile, &entry.dn);
    if offboarded {
        reasons.push(
            "note: it sits in the disabled accounts' OU, where offboarding puts leavers (account restore RECORD puts one back)".into(),
        );
    }
    let status = AccountStatus {
        login,
        dn: entry.dn.clone(),
        name: entry.first("displayName").or(entry.first("cn")).map(ToString::to_string),
        mail: entry.first("mail").map(ToString::to_string),
        groups,
        flavor,
        state,
        policy,
        can_log_in,
        reasons,
        directory: dir.describe(),
        offboarded,
        servers: None,
    };
    Ok((status, Outcome::from_ok(can_log_in)))
}

/// The filter for the groups `dn` (login `login`) is a member of: groupOfNames,
/// groupOfUniqueNames and posixGroup; on AD, `group` (its schema has no uniqueMember or
/// memberUid). The one place this filter is built, with every value escaped.
pub fn member_filter(flavor: Flavor, dn: &str, login: &str) -> String {
    match flavor {
        Flavor::Ad => format!("(&(objectClass=group)(member={}))", filter_value(dn)),
        Flavor::Openldap | Flavor::Ds389 => {
            format!("(|(member={dn})(uniqueMember={dn})(memberUid={uid}))", dn = filter_value(dn), uid = filter_value(login))
        }
    }
}

/// The groups an entry belongs to: groupOfNames, groupOfUniqueNames and posixGroup.
pub async fn groups_of<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor, dn: &str, login: &str) -> Result<Vec<String>> {
    let base = profile.groups_dn.as_deref().unwrap_or(&profile.base_dn);
    let filter = member_filter(flavor, dn, login);
    let mut names: Vec<String> = dir
        .search(base, Scope::Subtree, &filter, &["cn"])
        .await?
        .into_iter()
        .map(|g| g.first("cn").map_or(g.dn.clone(), ToString::to_string))
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::directory::{Change, Entry};
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A directory that records how many searches were in flight together, each one
    /// held over a few scheduler turns as a round trip would be.
    #[derive(Default)]
    struct Recording {
        in_flight: AtomicUsize,
        most: AtomicUsize,
        asked: Mutex<Vec<String>>,
    }

    impl Directory for Recording {
        async fn search(&self, base: &str, _: Scope, filter: &str, _: &[&str]) -> Result<Vec<Entry>> {
            let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            self.most.fetch_max(now, Ordering::SeqCst);
            self.asked.lock().unwrap().push(filter.to_string());
            for _ in 0..3 {
                tokio::task::yield_now().await;
            }
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
            Ok(if filter.contains("uid=alice") && !filter.contains("member") {
                vec![Entry::of(
                    "uid=alice,ou=people,dc=lab",
                    &[("uid", &["alice"]), ("pwdPolicySubentry", &["cn=default,ou=policies,dc=lab"])],
                )]
            } else if filter.contains("member") {
                vec![Entry::of("cn=staff,ou=groups,dc=lab", &[("cn", &["staff"])])]
            } else if base.starts_with("cn=default") {
                vec![Entry::of(base, &[("pwdMaxFailure", &["3"]), ("pwdLockout", &["TRUE"])])]
            } else {
                vec![]
            })
        }
        async fn modify(&self, _: &str, _: &[Change], _: bool) -> Result<()> {
            unreachable!("show changes nothing")
        }
        async fn add(&self, _: &str, _: &[(String, Vec<String>)]) -> Result<()> {
            unreachable!("show changes nothing")
        }
        async fn rename(&self, _: &str, _: &str, _: Option<&str>) -> Result<()> {
            unreachable!("show changes nothing")
        }
        async fn delete(&self, _: &str) -> Result<()> {
            unreachable!("show changes nothing")
        }
        fn describe(&self) -> String {
            "recording".into()
        }
    }

    /// The card's reads after the user's search go out together: the policy and the
    /// groups are in flight at once, so after the bind and the root DSE `show` costs two
    /// round trips (OpenLDAP, 389-ds) where it cost three one after another (AD: three
    /// where it cost four or five).
    #[tokio::test]
    async fn the_policy_and_the_groups_are_asked_together() {
        let dir = Recording::default();
        let profile = Profile { base_dn: "dc=lab".into(), login_attribute: "uid".into(), ..Profile::default() };
        let (card, _) = run(&dir, &profile, Flavor::Openldap, "alice").await.unwrap();
        assert_eq!(card.groups, ["staff"]);
        assert_eq!(card.policy.max_failure, Some(3), "{:?}", card.policy);
        assert_eq!(dir.asked.lock().unwrap().len(), 3, "user, policy, groups: {:?}", dir.asked.lock().unwrap());
        assert_eq!(dir.most.load(Ordering::SeqCst), 2, "the policy and the groups were in flight together");
    }
}
