//! `account groups USER`: the groups an account is in, each marked direct or inherited
//! (and through which groups). Active Directory answers the whole nesting in one search
//! (`LDAP_MATCHING_RULE_IN_CHAIN`, 1.2.840.113556.1.4.1941) whose groups carry their own
//! `memberOf`, from which the path is rebuilt; OpenLDAP and 389-ds are walked a level at a
//! time, every group of a level asked at once, to at most [`MAX_DEPTH`] levels. A group
//! is visited once, so a cycle (A in B in A) ends the walk instead of looping.

use super::directory::{Directory, Entry, Profile, Scope};
use super::escape::filter_value;
use super::flavor::Flavor;
use super::resolve::resolve_or_offboarded;
use super::show::member_filter;
use crate::Outcome;
use crate::error::Result;
use serde::Serialize;
use std::collections::{HashMap, HashSet, VecDeque};

/// Levels of nesting walked on OpenLDAP and 389-ds before the walk stops and says so.
pub const MAX_DEPTH: usize = 16;

/// The AD matching rule that follows `member` through every level.
pub const IN_CHAIN: &str = "1.2.840.113556.1.4.1941";

/// AD's group whose members may not use NTLM (well-known RID 525), by its English name.
pub const PROTECTED_USERS: &str = "Protected Users";

/// A group the account is in through other groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct InheritedGroup {
    pub name: String,
    pub dn: String,
    /// The groups it comes through, from the one the account is directly in to the one
    /// that is a member of this group (a shortest such path).
    pub via: Vec<String>,
}

/// The report of `account groups`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GroupsReport {
    pub login: String,
    pub dn: String,
    /// The groups the account is a member of itself (AD: with its primary group).
    pub groups: Vec<String>,
    /// The groups it is in through those, with the path.
    pub inherited: Vec<InheritedGroup>,
    /// What limits the answer (a walk cut at its depth limit).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A group as found: its DN and the name to show.
#[derive(Debug, Clone)]
struct Found {
    dn: String,
    name: String,
}

impl Found {
    fn of(e: &Entry) -> Self {
        Self { dn: e.dn.clone(), name: e.first("cn").map_or_else(|| e.dn.clone(), ToString::to_string) }
    }
}

fn key(dn: &str) -> String {
    dn.to_ascii_lowercase()
}

/// Runs `account groups`.
pub async fn run<D: Directory>(dir: &D, profile: &Profile, flavor: Flavor, user: &str) -> Result<(GroupsReport, Outcome)> {
    let entry = resolve_or_offboarded(dir, profile, user, flavor.status_attributes()).await?.map_err(|u| u.into_error(user))?;
    let login = entry.first(&profile.login_attribute).unwrap_or(user).to_string();
    let base = profile.groups_dn.as_deref().unwrap_or(&profile.base_dn);
    let direct_filter = member_filter(flavor, &entry.dn, &login);
    let direct = dir.search(base, Scope::Subtree, &direct_filter, &["cn"]);
    let (direct, inherited, notes) = if flavor == Flavor::Ad {
        let filter = format!("(&(objectClass=group)(member:{IN_CHAIN}:={}))", filter_value(&entry.dn));
        let (direct, chain) = futures::join!(direct, dir.search(base, Scope::Subtree, &filter, &["cn", "memberOf"]));
        let direct: Vec<Found> = direct?.iter().map(Found::of).collect();
        let inherited = from_chain(&direct, &chain?);
        (direct, inherited, vec![])
    } else {
        let direct: Vec<Found> = direct.await?.iter().map(Found::of).collect();
        let (inherited, notes) = walk(dir, base, &direct).await?;
        (direct, inherited, notes)
    };
    let mut groups: Vec<String> = direct.into_iter().map(|g| g.name).collect();
    groups.sort();
    groups.dedup();
    if flavor == Flavor::Ad {
        groups.extend(super::flavor::ad::primary_group(&entry));
    }
    Ok((GroupsReport { login, dn: entry.dn, groups, inherited, notes }, Outcome::Ok))
}

/// Rebuilds the paths of AD's chain answer: the chain holds every group the account is
/// in at any depth, each with its own `memberOf` (its direct parents); a breadth-first
/// walk from the direct groups over those edges, inside the chain, gives each inherited
/// group a shortest path. A chain group the walk cannot reach (a parent link the binding
/// identity may not read) is still listed, with no path.
fn from_chain(direct: &[Found], chain: &[Entry]) -> Vec<InheritedGroup> {
    let by_key: HashMap<String, &Entry> = chain.iter().map(|e| (key(&e.dn), e)).collect();
    let mut seen: HashSet<String> = direct.iter().map(|g| key(&g.dn)).collect();
    let mut queue: VecDeque<(String, Vec<String>)> = direct.iter().map(|g| (key(&g.dn), vec![g.name.clone()])).collect();
    let mut out = Vec::new();
    while let Some((at, path)) = queue.pop_front() {
        let Some(entry) = by_key.get(&at) else { continue };
        for parent in entry.all("memberOf") {
            let k = key(parent);
            let Some(p) = by_key.get(&k) else { continue };
            if seen.insert(k.clone()) {
                let found = Found::of(p);
                out.push(InheritedGroup { name: found.name.clone(), dn: found.dn, via: path.clone() });
                let mut next = path.clone();
                next.push(found.name);
                queue.push_back((k, next));
            }
        }
    }
    for e in chain {
        if seen.insert(key(&e.dn)) {
            let found = Found::of(e);
            out.push(InheritedGroup { name: found.name, dn: found.dn, via: vec![] });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.dn.cmp(&b.dn)));
    out
}

/// Walks the nesting a level at a time: every group of the level is asked at once for
/// the groups that hold it as a `member` or `uniqueMember` (posixGroup's `memberUid`
/// names accounts, not groups, so it does not nest).
async fn walk<D: Directory>(dir: &D, base: &str, direct: &[Found]) -> Result<(Vec<InheritedGroup>, Vec<String>)> {
    let mut seen: HashSet<String> = direct.iter().map(|g| key(&g.dn)).collect();
    let mut level: Vec<(String, Vec<String>)> = direct.iter().map(|g| (g.dn.clone(), vec![g.name.clone()])).collect();
    let mut out = Vec::new();
    let mut depth = 0;
    let mut notes = Vec::new();
    while !level.is_empty() {
        let asks = level.iter().map(|(dn, _)| {
            let filter = format!("(|(member={v})(uniqueMember={v}))", v = filter_value(dn));
            async move { dir.search(base, Scope::Subtree, &filter, &["cn"]).await }
        });
        let answers = futures::future::join_all(asks).await;
        let mut found = Vec::new();
        let mut next = Vec::new();
        for ((_, path), parents) in level.iter().zip(answers) {
            let mut parents: Vec<Found> = parents?.iter().map(Found::of).collect();
            parents.sort_by(|a, b| a.name.cmp(&b.name));
            for p in parents {
                if seen.insert(key(&p.dn)) {
                    found.push(InheritedGroup { name: p.name.clone(), dn: p.dn.clone(), via: path.clone() });
                    let mut longer = path.clone();
                    longer.push(p.name);
                    next.push((p.dn, longer));
                }
            }
        }
        // The level past the limit is asked only to know whether there is one: a nesting
        // exactly MAX_DEPTH deep is whole, and said to be so.
        if depth == MAX_DEPTH {
            if let Some(first) = found.first() {
                notes.push(format!(
                    "the nesting goes deeper than {MAX_DEPTH} levels; groups beyond that are not listed (the next level starts at {})",
                    first.name
                ));
            }
            break;
        }
        out.extend(found);
        level = next;
        depth += 1;
    }
    out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.dn.cmp(&b.dn)));
    Ok((out, notes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::directory::Change;

    /// Groups as (dn, cn, members); answers `member=` and `uniqueMember=` filters.
    struct Groups(Vec<(&'static str, &'static str, Vec<&'static str>)>, std::sync::atomic::AtomicUsize);

    impl Directory for Groups {
        async fn search(&self, _: &str, _: Scope, filter: &str, _: &[&str]) -> Result<Vec<Entry>> {
            self.1.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let wanted = filter.split("member=").nth(1).and_then(|r| r.split(')').next()).unwrap_or_default().to_string();
            Ok(self.0.iter().filter(|(_, _, m)| m.contains(&wanted.as_str())).map(|(dn, cn, _)| Entry::of(dn, &[("cn", &[cn])])).collect())
        }
        async fn modify(&self, _: &str, _: &[Change], _: bool) -> Result<()> {
            unreachable!()
        }
        async fn add(&self, _: &str, _: &[(String, Vec<String>)]) -> Result<()> {
            unreachable!()
        }
        async fn rename(&self, _: &str, _: &str, _: Option<&str>) -> Result<()> {
            unreachable!()
        }
        async fn delete(&self, _: &str) -> Result<()> {
            unreachable!()
        }
        fn describe(&self) -> String {
            "groups".into()
        }
    }

    fn found(dn: &str, name: &str) -> Found {
        Found { dn: dn.into(), name: name.into() }
    }

    #[tokio::test]
    async fn a_cycle_ends_the_walk_and_each_group_has_a_shortest_path() {
        // staff in all-staff in everyone in staff (a cycle); vpn-users in everyone too.
        let dir = Groups(
            vec![
                ("cn=all-staff", "all-staff", vec!["cn=staff"]),
                ("cn=everyone", "everyone", vec!["cn=all-staff", "cn=vpn-users"]),
                ("cn=staff", "staff", vec!["cn=everyone", "uid=bob"]),
                ("cn=vpn-users", "vpn-users", vec!["uid=bob"]),
            ],
            0.into(),
        );
        let direct = [found("cn=staff", "staff"), found("cn=vpn-users", "vpn-users")];
        let (inherited, notes) = walk(&dir, "dc=lab", &direct).await.unwrap();
        assert!(notes.is_empty());
        let shown: Vec<(&str, Vec<&str>)> =
            inherited.iter().map(|g| (g.name.as_str(), g.via.iter().map(String::as_str).collect())).collect();
        assert_eq!(shown, [("all-staff", vec!["staff"]), ("everyone", vec!["vpn-users"])]);
        // The direct level, then a level that finds only groups already seen: the end.
        assert_eq!(dir.1.load(std::sync::atomic::Ordering::SeqCst), 2 + 2);
    }

    #[tokio::test]
    async fn a_chain_deeper_than_the_limit_is_cut_and_said() {
        let names: Vec<&'static str> = (0..=MAX_DEPTH + 2).map(|i| &*Box::leak(format!("g{i:02}").into_boxed_str())).collect();
        let dns: Vec<&'static str> = names.iter().map(|n| &*Box::leak(format!("cn={n}").into_boxed_str())).collect();
        let groups = (1..names.len()).map(|i| (dns[i], names[i], vec![dns[i - 1]])).collect();
        let dir = Groups(groups, 0.into());
        let (inherited, notes) = walk(&dir, "dc=lab", &[found(dns[0], names[0])]).await.unwrap();
        assert_eq!(inherited.len(), MAX_DEPTH);
        assert_eq!(inherited.last().unwrap().via.len(), MAX_DEPTH);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].ends_with(&format!("(the next level starts at {})", names[MAX_DEPTH + 1])), "{notes:?}");
        // Exactly MAX_DEPTH levels above the direct group: all listed, nothing cut.
        let groups = (1..=MAX_DEPTH).map(|i| (dns[i], names[i], vec![dns[i - 1]])).collect();
        let dir = Groups(groups, 0.into());
        let (inherited, notes) = walk(&dir, "dc=lab", &[found(dns[0], names[0])]).await.unwrap();
        assert_eq!((inherited.len(), notes), (MAX_DEPTH, vec![]));
    }

    #[test]
    fn the_chain_answer_gets_its_paths_back() {
        let chain = [
            Entry::of("CN=Staff,DC=lab", &[("cn", &["Staff"]), ("memberOf", &["CN=All,DC=lab"])]),
            Entry::of("CN=All,DC=lab", &[("cn", &["All"]), ("memberOf", &["CN=Staff,DC=lab", "CN=Outside,DC=other"])]),
            Entry::of("CN=Hidden,DC=lab", &[("cn", &["Hidden"])]),
        ];
        let got = from_chain(&[found("cn=staff,dc=lab", "Staff")], &chain);
        assert_eq!(
            got,
            [
                InheritedGroup { name: "All".into(), dn: "CN=All,DC=lab".into(), via: vec!["Staff".into()] },
                InheritedGroup { name: "Hidden".into(), dn: "CN=Hidden,DC=lab".into(), via: vec![] },
            ]
        );
    }
}
