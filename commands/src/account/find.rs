//! `account find QUERY`: users whose login, name or mail contains the text.

use super::directory::{Directory, Profile, Scope};
use super::escape::filter_value;
use crate::Outcome;
use crate::error::{CommandError, Result};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Found {
    pub login: Option<String>,
    pub name: Option<String>,
    pub mail: Option<String>,
    pub dn: String,
}

/// The report of `account find`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FindReport {
    pub query: String,
    pub users: Vec<Found>,
}

/// Runs `account find`.
pub async fn run<D: Directory>(dir: &D, profile: &Profile, query: &str) -> Result<(FindReport, Outcome)> {
    let q = query.trim();
    if q.is_empty() {
        return Err(CommandError::usage("empty search").with_hint("give part of a login, name or mail"));
    }
    let v = filter_value(q);
    let login = &profile.login_attribute;
    let filter = format!(
        "(&(|(objectClass=person)(objectClass=inetOrgPerson)(objectClass=posixAccount))(|({login}=*{v}*)(cn=*{v}*)(displayName=*{v}*)(mail=*{v}*)))"
    );
    let mut users: Vec<Found> = dir
        .search(profile.users_base(), Scope::Subtree, &filter, &[login.as_str(), "cn", "displayName", "mail"])
        .await?
        .into_iter()
        .map(|e| Found {
            login: e.first(login).map(ToString::to_string),
            name: e.first("displayName").or(e.first("cn")).map(ToString::to_string),
            mail: e.first("mail").map(ToString::to_string),
            dn: e.dn,
        })
        .collect();
    users.sort_by(|a, b| a.login.cmp(&b.login).then(a.dn.cmp(&b.dn)));
    let ok = !users.is_empty();
    Ok((FindReport { query: q.to_string(), users }, Outcome::from_ok(ok)))
}
