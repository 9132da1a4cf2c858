//! Account templates: what a new account of a kind looks like (object classes, where it
//! goes, attribute values with placeholders, groups to join), from the config file or a
//! `--template FILE`. Placeholders: `{first}`, `{last}`, `{login}`, `{mail}`,
//! `{next_uid}` (the next free uidNumber), `{domain}` (AD: the DNS domain of the base
//! DN), and for `account onboard` any CSV column by its header. `{first:1}` takes the
//! first character.

use crate::error::{CommandError, Result};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One attribute's value(s) in a template.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Values {
    One(String),
    Many(Vec<String>),
}

impl Values {
    pub fn all(&self) -> Vec<&str> {
        match self {
            Self::One(v) => vec![v.as_str()],
            Self::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// A template, as written in the config (`directories.NAME.templates.T`) or a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Where new accounts go (default: the profile's `users`).
    pub ou: Option<String>,
    /// Object classes (default per flavour: inetOrgPerson; AD: user).
    #[serde(default)]
    pub object_classes: Vec<String>,
    /// The naming attribute (default: the login attribute; AD: cn).
    pub rdn: Option<String>,
    #[serde(default)]
    pub attributes: BTreeMap<String, Values>,
    /// Groups every new account joins (names or DNs).
    #[serde(default)]
    pub groups: Vec<String>,
    /// How a login is made from the name when none is given (default `{first:1}{last}`).
    pub login: Option<String>,
    /// The lowest uidNumber `{next_uid}` hands out (default 10000).
    pub uid_start: Option<u32>,
    /// OpenLDAP: the password policy entry (`pwdPolicySubentry`) for new accounts.
    pub password_policy: Option<String>,
}

impl Template {
    /// Reads a template file (YAML).
    pub fn load(path: &std::path::Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            CommandError::usage(format!("cannot read template {}: {e}", path.display())).with_hint("give the path of a template YAML file")
        })?;
        serde_saphyr::from_str(&text).map_err(|e| {
            CommandError::usage(crate::util::yaml_error("template", &path.display().to_string(), &e))
                .with_hint("keys: ou, object_classes, rdn, attributes, groups, login, uid_start, password_policy")
        })
    }

    /// Every placeholder the template uses, for checking a CSV's columns up front.
    pub fn placeholders(&self) -> Vec<String> {
        let mut names = Vec::new();
        let texts = self.attributes.values().flat_map(Values::all).chain(self.login.as_deref()).chain(self.ou.as_deref());
        for text in texts {
            for name in placeholders_in(text) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    }
}

/// The placeholder names in one text (`{first:1}` gives `first`).
pub fn placeholders_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else { break };
        let inner = &rest[start + 1..start + len];
        out.push(inner.split(':').next().unwrap_or("").trim().to_string());
        rest = &rest[start + len + 1..];
    }
    out
}

/// Fills the placeholders of `text` from `values`; an unknown one is an error naming it.
pub fn fill(text: &str, values: &BTreeMap<String, String>) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('}') else {
            return Err(format!("'{text}' has a '{{' without its '}}'"));
        };
        let inner = &rest[start + 1..start + len];
        let (name, take) = match inner.split_once(':') {
            Some((n, t)) => (n.trim(), Some(t.trim().parse::<usize>().map_err(|_| format!("'{{{inner}}}': after ':' comes a count"))?)),
            None => (inner.trim(), None),
        };
        let value = values.get(name).ok_or_else(|| {
            format!("unknown placeholder {{{name}}} (known: {})", values.keys().map(|k| format!("{{{k}}}")).collect::<Vec<_>>().join(" "))
        })?;
        match take {
            Some(n) => out.extend(value.chars().take(n)),
            None => out.push_str(value),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A login from a name through the template's rule: lower case, ASCII letters and
/// digits only (accents folded: "Zoë Ünal" gives "zunal"), at most 20 characters
/// (AD's sAMAccountName limit).
pub fn derive_login(rule: Option<&str>, values: &BTreeMap<String, String>) -> std::result::Result<String, String> {
    let raw = fill(rule.unwrap_or("{first:1}{last}"), values)?;
    let login: String = raw.chars().filter_map(fold).filter(char::is_ascii_alphanumeric).take(20).collect::<String>().to_ascii_lowercase();
    if login.is_empty() || !login.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(format!("no usable login can be made from '{raw}': give one"));
    }
    Ok(login)
}

/// Folds the common Latin accented letters to ASCII.
fn fold(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'ç' => 'c',
        'Ç' => 'C',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'ß' => 's',
        c if c.is_ascii() => c,
        _ => return None,
    })
}

/// The checks every name part and free value meets: not empty, no control characters,
/// at most 64 characters (a CN's limit).
pub fn check_value(what: &str, value: &str) -> std::result::Result<(), String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(format!("{what} is empty"));
    }
    if v.chars().any(char::is_control) {
        return Err(format!("{what} has a control character"));
    }
    if v.chars().count() > 64 {
        return Err(format!("{what} is longer than 64 characters"));
    }
    Ok(())
}

/// A login given by the user: 1-20 of letters, digits, `.`, `-`, `_`, starting with a letter.
pub fn check_login(login: &str) -> std::result::Result<(), String> {
    let ok = !login.is_empty()
        && login.len() <= 20
        && login.starts_with(|c: char| c.is_ascii_alphabetic())
        && login.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if ok { Ok(()) } else { Err(format!("'{login}' is not a valid login: 1-20 letters, digits, '.', '-' or '_', starting with a letter")) }
}

/// A mail address, roughly: one '@', something on each side, no spaces.
pub fn check_mail(mail: &str) -> std::result::Result<(), String> {
    match mail.split_once('@') {
        Some((l, d))
            if !l.is_empty() && d.contains('.') && !mail.contains(char::is_whitespace) && !d.contains('@') && mail.len() <= 254 =>
        {
            Ok(())
        }
        _ => Err(format!("'{mail}' is not a mail address")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect()
    }

    #[test]
    fn placeholders_fill_and_logins_derive() {
        let v = vals(&[("first", "Jane"), ("last", "Doe"), ("login", "jdoe")]);
        assert_eq!(fill("{first} {last} <{login}>", &v).unwrap(), "Jane Doe <jdoe>");
        assert_eq!(fill("{first:1}.{last}", &v).unwrap(), "J.Doe");
        assert!(fill("{nope}", &v).unwrap_err().contains("{nope}"));
        assert!(fill("{first", &v).is_err());
        assert_eq!(derive_login(None, &v).unwrap(), "jdoe");
        assert_eq!(derive_login(None, &vals(&[("first", "Zoë"), ("last", "Ünal-O'Brien")])).unwrap(), "zunalobrien");
        assert!(derive_login(None, &vals(&[("first", "李"), ("last", "王")])).is_err());
        assert_eq!(placeholders_in("{first:1}{last}@{domain}"), vec!["first", "last", "domain"]);
        assert!(check_login("j.doe-2").is_ok() && check_login("2jdoe").is_err() && check_login("a b").is_err());
        assert!(check_mail("jane@example.test").is_ok() && check_mail("jane").is_err() && check_mail("a@b@c.d").is_err());
        assert!(check_value("first", "").is_err() && check_value("first", &"x".repeat(65)).is_err());
    }

    #[test]
    fn templates_parse_strictly() {
        let t: Template = serde_saphyr::from_str(
            "ou: ou=people,dc=lab,dc=test\nobject_classes: [inetOrgPerson, posixAccount]\nattributes:\n  cn: '{first} {last}'\n  objectClass2: [a, b]\ngroups: [staff]\n",
        )
        .unwrap();
        assert_eq!(t.attributes["objectClass2"], Values::Many(vec!["a".into(), "b".into()]));
        assert!(serde_saphyr::from_str::<Template>("groupz: [x]\n").is_err());
    }
}
