//! Escaping for values placed into LDAP filters (RFC 4515) and DNs (RFC 4514). Every
//! user-supplied value goes through here: a login of `*)(uid=*` must match only itself.

use std::fmt::Write as _;

/// Escapes a value for an LDAP filter: `*`, `(`, `)`, `\` and NUL become `\XX`.
pub fn filter_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '*' | '(' | ')' | '\\' | '\0' => {
                let _ = write!(out, "\\{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes a value for one RDN of a DN: `, + " \ < > ; =`, a leading `#` or space, a
/// trailing space, and NUL.
pub fn dn_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 4);
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        match c {
            ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=' => {
                out.push('\\');
                out.push(c);
            }
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            '\0' => out.push_str("\\00"),
            c => out.push(c),
        }
    }
    out
}

/// Whether the text is written as a DN (`attr=value,...`) rather than a login name.
pub fn looks_like_dn(text: &str) -> bool {
    let Some((attr, _)) = text.split_once('=') else { return false };
    !attr.is_empty() && attr.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

/// A DN in a canonical form for comparisons: attribute types lower-cased, escapes
/// decoded to their characters where harmless (slapd answers `comma\2Cuser` for
/// `comma\,user`), spaces around separators dropped, values compared case-insensitively.
pub fn normalize_dn(dn: &str) -> String {
    let mut out = String::with_capacity(dn.len());
    let mut chars = dn.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            // \XX hex pair or \c.
            let a = chars.next();
            match a {
                Some(h1) if h1.is_ascii_hexdigit() && chars.peek().is_some_and(char::is_ascii_hexdigit) => {
                    let h2 = chars.next().unwrap_or('0');
                    let byte = u8::from_str_radix(&format!("{h1}{h2}"), 16).unwrap_or(b'?');
                    out.push('\\');
                    out.push(char::from(byte).to_ascii_lowercase());
                }
                Some(x) => {
                    out.push('\\');
                    out.push(x.to_ascii_lowercase());
                }
                None => {}
            }
        } else if c == ',' {
            while out.ends_with(' ') {
                out.pop();
            }
            out.push(',');
            while chars.peek() == Some(&' ') {
                chars.next();
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The parent of a DN: everything after its first unescaped comma.
pub fn parent_of(dn: &str) -> Option<&str> {
    // The first unescaped comma.
    let bytes = dn.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b',' => return Some(dn[i + 1..].trim_start()),
            _ => i += 1,
        }
    }
    None
}

/// The first RDN of a DN (`uid=a\\,b` of `uid=a\\,b,ou=people,dc=x`).
pub fn rdn_of(dn: &str) -> &str {
    match parent_of(dn) {
        Some(p) => dn[..dn.len() - p.len()].trim_end().trim_end_matches(','),
        None => dn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_escapes() {
        assert_eq!(filter_value("*)(uid=*"), "\\2a\\29\\28uid=\\2a");
        assert_eq!(filter_value("a\\b"), "a\\5cb");
        assert_eq!(filter_value("plain.user"), "plain.user");
        assert_eq!(filter_value("zoë*"), "zoë\\2a");
        assert_eq!(filter_value("nul\0"), "nul\\00");
    }

    #[test]
    fn dn_escapes() {
        assert_eq!(dn_value("comma,user"), "comma\\,user");
        assert_eq!(dn_value("#lead"), "\\#lead");
        assert_eq!(dn_value(" both "), "\\ both\\ ");
        assert_eq!(dn_value("a+b=c;d<e>\"f\\"), "a\\+b\\=c\\;d\\<e\\>\\\"f\\\\");
        assert_eq!(dn_value("mid#dle"), "mid#dle");
    }

    #[test]
    fn dn_detection_and_normalizing() {
        assert!(looks_like_dn("uid=alice,ou=people,dc=lab,dc=test"));
        assert!(!looks_like_dn("alice"));
        assert!(!looks_like_dn("comma,user"));
        assert_eq!(normalize_dn("UID=comma\\2Cuser, ou=People,dc=lab"), normalize_dn("uid=comma\\,user,ou=people,dc=lab"));
        assert_ne!(normalize_dn("uid=a,dc=x"), normalize_dn("uid=b,dc=x"));
    }
    #[test]
    fn dn_parts() {
        assert_eq!(parent_of("uid=a\\,b,ou=people,dc=x"), Some("ou=people,dc=x"));
        assert_eq!(rdn_of("uid=a\\,b,ou=people,dc=x"), "uid=a\\,b");
        assert_eq!(rdn_of("dc=x"), "dc=x");
        assert_eq!(format!("cn={}", dn_value("Doe, Jane")), "cn=Doe\\, Jane");
        assert_eq!(rdn_of("cn=Doe\\, Jane,ou=groups,dc=x"), "cn=Doe\\, Jane");
    }
}
