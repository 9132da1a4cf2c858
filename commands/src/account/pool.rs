//! A few connections to one directory server, seen as one [`Directory`]: some servers
//! (389-ds) commit one change at a time per connection but several connections at once,
//! so a bulk change spread over two goes about twice as fast there.
//!
//! Every change to an entry goes over the same connection (chosen by its DN), so changes
//! to one entry still reach the server in the order they were sent, as on one connection.
//! Searches take turns. Each item's result, and what a broken connection means for it
//! (sent and unanswered: unknown), are the member connection's own, unchanged.

use super::directory::{Change, Directory, Entry, LdapDirectory, Profile, Scope, Secret};
use super::flavor::Flavor;
use crate::error::Result;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many connections a bulk change may use at most.
pub const MAX_CONNECTIONS: usize = 8;

/// Below this many changes a bulk change keeps to its one connection: another bind costs
/// more than it saves.
const WORTH_IT: usize = 32;

pub struct Pool<D> {
    /// Never empty: the connection already in use comes first.
    members: Vec<D>,
    next: AtomicUsize,
}

impl<D: Directory> Pool<D> {
    fn new(first: D, more: impl IntoIterator<Item = D>) -> Self {
        Self { members: std::iter::once(first).chain(more).collect(), next: AtomicUsize::new(0) }
    }

    /// The connection for changes to this entry: the same one for the same DN (compared
    /// without case, as LDAP compares attribute types and most naming values).
    fn for_entry(&self, dn: &str) -> &D {
        if self.members.len() == 1 {
            return &self.members[0];
        }
        // FNV-1a over the lower-cased DN: stable, and spreads uid=bulk00001.. evenly.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in dn.bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        &self.members[(h % self.members.len() as u64) as usize]
    }

    fn any(&self) -> &D {
        &self.members[self.next.fetch_add(1, Ordering::Relaxed) % self.members.len()]
    }
}

impl Pool<LdapDirectory> {
    /// The connection in use for a change of `changes` items and, when that is big
    /// enough to be worth another bind, more to the same server with the same bind, made
    /// at once: the profile's `connections`, else the flavour's choice. One that cannot
    /// be made is done without: `dir` does the work. (A dry run changes nothing: 0.)
    pub async fn for_change(dir: &LdapDirectory, profile: &Profile, flavor: Flavor, password: Option<&Secret>, changes: usize) -> Self {
        let want = if changes >= WORTH_IT { profile.connections.unwrap_or(flavor.bulk_connections()).min(MAX_CONNECTIONS) } else { 1 };
        let more = futures::future::join_all((1..want).map(|_| LdapDirectory::connect(profile, password))).await;
        Self::new(dir.clone(), more.into_iter().flatten())
    }
}

impl<D: Directory> Directory for Pool<D> {
    fn search(&self, base: &str, scope: Scope, filter: &str, attrs: &[&str]) -> impl Future<Output = Result<Vec<Entry>>> + Send {
        self.any().search(base, scope, filter, attrs)
    }

    fn modify(&self, dn: &str, changes: &[Change], relax: bool) -> impl Future<Output = Result<()>> + Send {
        self.for_entry(dn).modify(dn, changes, relax)
    }

    fn add(&self, dn: &str, attrs: &[(String, Vec<String>)]) -> impl Future<Output = Result<()>> + Send {
        self.for_entry(dn).add(dn, attrs)
    }

    fn rename(&self, dn: &str, new_rdn: &str, new_superior: Option<&str>) -> impl Future<Output = Result<()>> + Send {
        self.for_entry(dn).rename(dn, new_rdn, new_superior)
    }

    fn delete(&self, dn: &str) -> impl Future<Output = Result<()>> + Send {
        self.for_entry(dn).delete(dn)
    }

    fn bound_as(&self) -> Option<String> {
        self.members.first().and_then(Directory::bound_as)
    }

    fn describe(&self) -> String {
        self.members[0].describe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Records which member got which change.
    struct Member {
        id: usize,
        log: std::sync::Arc<Mutex<Vec<(usize, String)>>>,
    }

    impl Directory for Member {
        async fn search(&self, _: &str, _: Scope, _: &str, _: &[&str]) -> Result<Vec<Entry>> {
            self.log.lock().unwrap().push((self.id, "search".into()));
            Ok(Vec::new())
        }
        async fn modify(&self, dn: &str, _: &[Change], _: bool) -> Result<()> {
            self.log.lock().unwrap().push((self.id, dn.to_string()));
            Ok(())
        }
        async fn add(&self, dn: &str, _: &[(String, Vec<String>)]) -> Result<()> {
            self.log.lock().unwrap().push((self.id, dn.to_string()));
            Ok(())
        }
        async fn rename(&self, dn: &str, _: &str, _: Option<&str>) -> Result<()> {
            self.log.lock().unwrap().push((self.id, dn.to_string()));
            Ok(())
        }
        async fn delete(&self, dn: &str) -> Result<()> {
            self.log.lock().unwrap().push((self.id, dn.to_string()));
            Ok(())
        }
        fn describe(&self) -> String {
            format!("member {}", self.id)
        }
    }

    #[tokio::test]
    async fn one_entry_always_goes_over_one_connection_and_the_entries_spread() {
        let log = std::sync::Arc::new(Mutex::new(Vec::new()));
        let pool = Pool::new(Member { id: 0, log: log.clone() }, (1..3).map(|id| Member { id, log: log.clone() }));
        assert_eq!(pool.describe(), "member 0");
        for round in 0..3 {
            for i in 0..300 {
                let dn = if round == 1 { format!("UID=Bulk{i:05},ou=people,dc=lab") } else { format!("uid=bulk{i:05},ou=people,dc=lab") };
                match round {
                    0 => pool.modify(&dn, &[], false).await.unwrap(),
                    1 => pool.add(&dn, &[]).await.unwrap(),
                    _ => pool.delete(&dn).await.unwrap(),
                }
            }
        }
        pool.search("", Scope::Base, "(objectClass=*)", &[]).await.unwrap();
        pool.search("", Scope::Base, "(objectClass=*)", &[]).await.unwrap();
        let log = log.lock().unwrap();
        let mut by_dn: std::collections::HashMap<String, std::collections::HashSet<usize>> = std::collections::HashMap::new();
        let mut per_member = [0usize; 3];
        for (id, dn) in log.iter().filter(|(_, d)| d != "search") {
            by_dn.entry(dn.to_ascii_lowercase()).or_default().insert(*id);
            per_member[*id] += 1;
        }
        assert_eq!(by_dn.len(), 300);
        assert!(by_dn.values().all(|m| m.len() == 1), "every entry's changes went over one connection, whatever its case");
        assert!(per_member.iter().all(|&n| n > 200), "the entries spread over the connections: {per_member:?}");
        let searches: Vec<usize> = log.iter().filter(|(_, d)| d == "search").map(|(id, _)| *id).collect();
        assert_eq!(searches, [0, 1], "searches take turns");
    }
}
