//! From what a technician types (`alice`, `uid=alice,ou=people,...`) to exactly one
//! entry. The value is escaped into the filter; more than one match is an error listing
//! the candidates, never "the first one".

use super::directory::{Directory, Entry, Profile, Scope};
use super::escape::{filter_value, looks_like_dn};
use crate::error::{CommandError, Result};
use std::fmt::Write as _;

/// Why a user could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    NotFound(String),
    Ambiguous(Vec<String>),
    /// Found, but not an account deskhand may act on (the service account, a group...).
    Refused(String),
}

impl Unresolved {
    pub fn message(&self, user: &str) -> String {
        match self {
            Self::NotFound(base) => format!("no account '{user}' under {base}"),
            Self::Ambiguous(dns) => format!("'{user}' matches {} accounts: {}", dns.len(), dns.join("; ")),
            Self::Refused(why) => format!("'{user}': {why}"),
        }
    }

    pub fn into_error(self, user: &str) -> CommandError {
        let hint = match &self {
            Self::NotFound(_) => "check the login; `deskhand account find PART` searches by login, name and mail",
            Self::Ambiguous(_) => "name the account by its DN",
            Self::Refused(_) => "give the login or DN of a user account under the profile's base DN",
        };
        CommandError { unresolved: true, ..CommandError::usage(self.message(user)).with_hint(hint) }
    }
}

/// The object classes of user accounts in the directories deskhand knows.
pub const ACCOUNT_FILTER: &str =
    "(|(objectClass=person)(objectClass=inetOrgPerson)(objectClass=posixAccount)(objectClass=account)(objectClass=user))";

/// Finds the one entry for `user`, with `attrs`. Found nowhere, the users' base itself
/// is looked at: a base that does not exist (a typo in the profile) is a usage error
/// about the profile, not "no such account".
pub async fn resolve<D: Directory>(
    dir: &D,
    profile: &Profile,
    user: &str,
    attrs: &[&str],
) -> Result<std::result::Result<Entry, Unresolved>> {
    let found = resolve_here(dir, profile, user, attrs).await?;
    if matches!(found, Err(Unresolved::NotFound(_))) && !looks_like_dn(user.trim()) {
        check_users_base(dir, profile).await?;
    }
    Ok(found)
}

/// A usage error when the profile's users' base is not in the directory (or the service
/// account cannot see it): every login would read as "no such account".
pub async fn check_users_base<D: Directory>(dir: &D, profile: &Profile) -> Result<()> {
    let base = profile.users_base();
    if dir.search(base, Scope::Base, "(objectClass=*)", &["1.1"]).await?.is_empty() {
        return Err(CommandError::usage(format!(
            "the users' base {base} is not in the directory (or the account deskhand binds as cannot see it)"
        ))
        .with_hint("check `users:` and `base_dn:` in the directory profile"));
    }
    Ok(())
}

async fn resolve_here<D: Directory>(
    dir: &D,
    profile: &Profile,
    user: &str,
    attrs: &[&str],
) -> Result<std::result::Result<Entry, Unresolved>> {
    let user = user.trim();
    if user.is_empty() {
        return Err(CommandError::usage("empty user name").with_hint("give a login or a DN"));
    }
    let found = if looks_like_dn(user) {
        // A DN must name a user account inside the profile's tree, and never the
        // identity deskhand binds as.
        let norm = super::escape::normalize_dn(user);
        if profile.bind_dn.as_deref().is_some_and(|b| super::escape::normalize_dn(b) == norm) {
            return Ok(Err(Unresolved::Refused("that is the service account deskhand binds as".into())));
        }
        let base = super::escape::normalize_dn(&profile.base_dn);
        if !(norm == base || norm.ends_with(&format!(",{base}"))) {
            return Ok(Err(Unresolved::Refused(format!("not under the profile's base DN {}", profile.base_dn))));
        }
        let found = dir.search(user, Scope::Base, ACCOUNT_FILTER, attrs).await?;
        if found.is_empty() && !dir.search(user, Scope::Base, "(objectClass=*)", &["1.1"]).await?.is_empty() {
            return Ok(Err(Unresolved::Refused("that entry is not a user account".into())));
        }
        found
    } else {
        let filter = format!("({}={})", login_attribute_for(profile, user), filter_value(user));
        dir.search(profile.users_base(), Scope::Subtree, &filter, attrs).await?
    };
    Ok(match found.len() {
        0 => Err(Unresolved::NotFound(profile.users_base().to_string())),
        1 => Ok(found.into_iter().next().unwrap_or_default()),
        _ => Err(Unresolved::Ambiguous(found.into_iter().map(|e| e.dn).collect())),
    })
}

/// As [`resolve`], and when the login is not under the users' base, in the profile's
/// `disabled:` OU too, where offboarding moves accounts: `show` and `groups` of a leaver
/// answer, and a second `offboard` finds the one it moved.
pub async fn resolve_or_offboarded<D: Directory>(
    dir: &D,
    profile: &Profile,
    user: &str,
    attrs: &[&str],
) -> Result<std::result::Result<Entry, Unresolved>> {
    let first = resolve(dir, profile, user, attrs).await?;
    match (&first, &profile.disabled_dn) {
        (Err(Unresolved::NotFound(_)), Some(ou)) if !looks_like_dn(user.trim()) => {
            let there = Profile { users_dn: Some(ou.clone()), ..profile.clone() };
            // (That OU may not exist yet: nothing has been offboarded.)
            Ok(match resolve_here(dir, &there, user, attrs).await? {
                Ok(e) => Ok(e),
                Err(Unresolved::NotFound(_)) => first,
                Err(other) => Err(other),
            })
        }
        _ => Ok(first),
    }
}

/// Whether `dn` lies in the profile's `disabled:` OU.
pub fn in_disabled_ou(profile: &Profile, dn: &str) -> bool {
    profile.disabled_dn.as_deref().is_some_and(|ou| {
        let (dn, ou) = (super::escape::normalize_dn(dn), super::escape::normalize_dn(ou));
        dn.ends_with(&format!(",{ou}"))
    })
}

/// The attribute a login is looked up by: AD takes `user@domain` as a
/// userPrincipalName when logins are sAMAccountNames.
fn login_attribute_for<'a>(profile: &'a Profile, user: &str) -> &'a str {
    if user.contains('@') && profile.login_attribute.eq_ignore_ascii_case("sAMAccountName") {
        "userPrincipalName"
    } else {
        &profile.login_attribute
    }
}

/// Logins resolved per search in bulk work: one `(|(uid=a)(uid=b)...)` instead of one
/// search per account.
pub const CHUNK: usize = 200;

/// Resolves many users with as few searches as possible (logins in OR-filters of up to
/// [`CHUNK`], DNs one by one), each to exactly one entry or to why not.
pub async fn resolve_many<D: Directory>(
    dir: &D,
    profile: &Profile,
    users: &[String],
    attrs: &[&str],
) -> Result<Vec<std::result::Result<Entry, Unresolved>>> {
    let mut out: Vec<Option<std::result::Result<Entry, Unresolved>>> = vec![None; users.len()];
    let mut logins: Vec<(usize, String)> = Vec::new();
    for (i, user) in users.iter().enumerate() {
        let u = user.trim();
        if u.is_empty() {
            out[i] = Some(Err(Unresolved::NotFound(profile.users_base().to_string())));
        } else if looks_like_dn(u) || login_attribute_for(profile, u) != profile.login_attribute {
            out[i] = Some(resolve_here(dir, profile, u, attrs).await?);
        } else {
            logins.push((i, u.to_string()));
        }
    }
    let login_attr = profile.login_attribute.to_ascii_lowercase();
    let mut wanted: Vec<&str> = attrs.to_vec();
    if !wanted.iter().any(|a| a.eq_ignore_ascii_case(&login_attr)) {
        wanted.push(&profile.login_attribute);
    }
    for chunk in logins.chunks(CHUNK) {
        let mut terms = String::new();
        for (_, l) in chunk {
            let _ = write!(terms, "({}={})", profile.login_attribute, filter_value(l));
        }
        let filter = if chunk.len() == 1 { terms } else { format!("(|{terms})") };
        let found = dir.search(profile.users_base(), Scope::Subtree, &filter, &wanted).await?;
        // Login values compare without regard to case, as the directory matched them.
        let mut by_login: std::collections::HashMap<String, Vec<&Entry>> = std::collections::HashMap::new();
        for e in &found {
            for v in e.all(&login_attr) {
                by_login.entry(v.to_lowercase()).or_default().push(e);
            }
        }
        for (i, login) in chunk {
            let matches = by_login.get(&login.to_lowercase()).map_or(&[][..], Vec::as_slice);
            out[*i] = Some(match matches {
                [] => Err(Unresolved::NotFound(profile.users_base().to_string())),
                [one] => Ok((*one).clone()),
                many => Err(Unresolved::Ambiguous(many.iter().map(|e| e.dn.clone()).collect())),
            });
        }
    }
    let out: Vec<_> = out.into_iter().map(|r| r.unwrap_or_else(|| Err(Unresolved::NotFound(profile.users_base().to_string())))).collect();
    // A login (not a DN, not empty) found nowhere: is the users' base there at all? Once.
    let missing_login = users.iter().zip(&out).any(|(u, r)| {
        let u = u.trim();
        !u.is_empty() && !looks_like_dn(u) && matches!(r, Err(Unresolved::NotFound(_)))
    });
    if missing_login {
        check_users_base(dir, profile).await?;
    }
    Ok(out)
}
