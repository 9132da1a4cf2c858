//! From what a technician types (`alice`, `uid=alice,ou=people,...`) to exactly one
//! entry. The value is escaped into the filter; more than one match is an error listing
//! the candidates, never "the first one".

use super::directory::{Directory, Entry, Profile, Scope};
use super::escape::{filter_value, looks_like_dn};
use crate::error::{CommandError, Result};

/// Why a user could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    NotFound(String),
    Ambiguous(Vec<String>),
}

impl Unresolved {
    pub fn message(&self, user: &str) -> String {
        match self {
            Self::NotFound(base) => format!("no account '{user}' under {base}"),
            Self::Ambiguous(dns) => format!("'{user}' matches {} accounts: {}", dns.len(), dns.join("; ")),
        }
    }

    pub fn into_error(self, user: &str) -> CommandError {
        let hint = match &self {
            Self::NotFound(_) => "check the login; `deskhand account find PART` searches by login, name and mail",
            Self::Ambiguous(_) => "name the account by its DN",
        };
        CommandError::usage(self.message(user)).with_hint(hint)
    }
}

/// Finds the one entry for `user`, with `attrs`.
pub async fn resolve<D: Directory>(
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
        dir.search(user, Scope::Base, "(objectClass=*)", attrs).await?
    } else {
        let filter = format!("({}={})", profile.login_attribute, filter_value(user));
        dir.search(profile.users_base(), Scope::Subtree, &filter, attrs).await?
    };
    Ok(match found.len() {
        0 => Err(Unresolved::NotFound(profile.users_base().to_string())),
        1 => Ok(found.into_iter().next().unwrap_or_default()),
        _ => Err(Unresolved::Ambiguous(found.into_iter().map(|e| e.dn).collect())),
    })
}
