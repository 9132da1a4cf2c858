//! Turns what a technician types (`gw.example.test`, `10.0.0.0/28`,
//! `10.0.0.1-10.0.0.20`, `10.0.0.1-20`, `[::1]`) into a list of addresses, resolving
//! host names through the system resolver. Input errors are usage errors with a hint.

use crate::error::{CommandError, Result};
use ipnet::IpNet;
use serde::Serialize;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Sweeps larger than this are refused: a typo such as `/8` would otherwise send
/// sixteen million packets.
pub const MAX_TARGETS: usize = 65_536;

/// One address to probe, with the name the user gave for it (if any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Target {
    /// What the user typed for this target (a host name), or the address itself.
    pub name: String,
    pub addr: IpAddr,
}

/// A parsed target specification, before name resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spec {
    Addr(IpAddr),
    /// Every address in the list, in order.
    Many(Vec<IpAddr>),
    Host(String),
}

/// Which address family to prefer when a host name has both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Family {
    #[default]
    Any,
    V4,
    V6,
}

/// Parses one target specification without touching the network.
pub fn parse_spec(text: &str) -> Result<Spec> {
    let t = text.trim();
    if t.is_empty() {
        return Err(CommandError::usage("empty target")
            .with_hint("give a host name, an address, a CIDR range (10.0.0.0/28) or a range (10.0.0.1-10.0.0.20)"));
    }
    let unbracketed = t.strip_prefix('[').and_then(|s| s.strip_suffix(']')).unwrap_or(t);
    if let Ok(ip) = unbracketed.parse::<IpAddr>() {
        // ::ffff:192.0.2.1 is the IPv4 host: ping and connect to it as such.
        return Ok(Spec::Addr(ip.to_canonical()));
    }
    if unbracketed.contains('%') {
        return Err(CommandError::usage(format!("'{t}': addresses with a zone index (%eth0) are not supported"))
            .with_hint("use a global or unique-local address, or the host's name"));
    }
    if !t.contains(['/', '-']) && t.split('.').count() == 4 && t.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(
            CommandError::usage(format!("'{t}' is not a valid IPv4 address")).with_hint("each of the four numbers runs from 0 to 255")
        );
    }
    if t.contains('/') {
        let net: IpNet = t.parse().map_err(|_| {
            CommandError::usage(format!("'{t}' is not a valid CIDR range"))
                .with_hint("write an address and a prefix length, e.g. 192.0.2.0/28 or 2001:db8::/120")
        })?;
        return Ok(Spec::Many(expand_net(net, t)?));
    }
    if let Some((a, b)) = t.split_once('-')
        && let Ok(start) = a.parse::<IpAddr>()
    {
        return Ok(Spec::Many(expand_range(start, b, t)?));
    }
    if is_hostname(t) {
        return Ok(Spec::Host(t.to_string()));
    }
    // An internationalised name goes to the resolver in its ASCII (punycode) form.
    if !t.is_ascii()
        && let Ok(name) = hickory_proto::rr::Name::from_utf8(t)
    {
        let ascii = name.to_ascii();
        let ascii = ascii.trim_end_matches('.');
        if is_hostname(ascii) {
            return Ok(Spec::Host(ascii.to_string()));
        }
    }
    Err(CommandError::usage(format!("'{t}' is not a host name, address or range"))
        .with_hint("host names use letters, digits, '-' and '.'; ranges look like 10.0.0.0/28 or 10.0.0.1-10.0.0.20"))
}

fn expand_net(net: IpNet, text: &str) -> Result<Vec<IpAddr>> {
    let too_big = || {
        CommandError::usage(format!("'{text}' holds more than {MAX_TARGETS} addresses"))
            .with_hint("narrow the range (a longer prefix), or split it into several runs")
    };
    let host_bits = u32::from(net.max_prefix_len() - net.prefix_len());
    if host_bits > 16 {
        return Err(too_big());
    }
    // Like fping -g: skip the network and broadcast addresses of IPv4 nets larger than /31.
    let addrs: Vec<IpAddr> = match net {
        IpNet::V4(n) if n.prefix_len() < 31 => n.hosts().map(IpAddr::V4).collect(),
        IpNet::V4(n) => n.subnets(32).map(|s| s.map(|x| IpAddr::V4(x.addr())).collect()).unwrap_or_default(),
        IpNet::V6(n) => {
            let base = u128::from(n.network());
            (0..(1u128 << host_bits)).map(|i| IpAddr::V6(Ipv6Addr::from(base + i))).collect()
        }
    };
    Ok(addrs)
}

fn expand_range(start: IpAddr, end_text: &str, text: &str) -> Result<Vec<IpAddr>> {
    let bad = || {
        CommandError::usage(format!("'{text}' is not a valid address range"))
            .with_hint("write start-end with both ends in one family: 10.0.0.1-10.0.0.20 or 10.0.0.1-20")
    };
    let end: IpAddr = match (start, end_text.parse::<IpAddr>()) {
        (_, Ok(e)) => e,
        (IpAddr::V4(s), Err(_)) => {
            // `10.0.0.1-20`: the end replaces the last octet.
            let last: u8 = end_text.parse().map_err(|_| bad())?;
            let o = s.octets();
            IpAddr::V4(Ipv4Addr::new(o[0], o[1], o[2], last))
        }
        (IpAddr::V6(_), Err(_)) => return Err(bad()),
    };
    let (lo, hi) = match (start, end) {
        (IpAddr::V4(a), IpAddr::V4(b)) => (u128::from(u32::from(a)), u128::from(u32::from(b))),
        (IpAddr::V6(a), IpAddr::V6(b)) => (u128::from(a), u128::from(b)),
        _ => return Err(bad()),
    };
    if lo > hi {
        return Err(bad());
    }
    if hi - lo >= MAX_TARGETS as u128 {
        return Err(CommandError::usage(format!("'{text}' holds more than {MAX_TARGETS} addresses"))
            .with_hint("narrow the range, or split it into several runs"));
    }
    Ok((lo..=hi)
        .map(|v| match start {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::from(v as u32)),
            IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::from(v)),
        })
        .collect())
}

/// Whether `s` is shaped like a DNS host name (RFC 1123 labels, underscores tolerated).
pub fn is_hostname(s: &str) -> bool {
    let s = s.strip_suffix('.').unwrap_or(s);
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

/// Resolves a host name through the system resolver (getaddrinfo: /etc/hosts, then DNS),
/// returning the addresses of the wanted family, or why there are none.
pub async fn resolve_host(name: &str, family: Family) -> std::result::Result<Vec<IpAddr>, String> {
    let found = tokio::net::lookup_host((name, 0)).await.map_err(|e| {
        let text = e.to_string();
        let text = text.strip_prefix("failed to lookup address information: ").unwrap_or(&text);
        format!("does not resolve: {text}")
    })?;
    let mut addrs: Vec<IpAddr> = Vec::new();
    for sa in found {
        let ip = sa.ip().to_canonical();
        let wanted = match family {
            Family::Any => true,
            Family::V4 => ip.is_ipv4(),
            Family::V6 => ip.is_ipv6(),
        };
        if wanted && !addrs.contains(&ip) {
            addrs.push(ip);
        }
    }
    if addrs.is_empty() {
        return Err(match family {
            Family::Any => "has no address".into(),
            Family::V4 => "has no IPv4 address (without -4, IPv6 would do)".into(),
            Family::V6 => "has no IPv6 address (without -6, IPv4 would do)".into(),
        });
    }
    // Prefer IPv4 first for Family::Any, as ping does, keeping the resolver's order within a family.
    addrs.sort_by_key(IpAddr::is_ipv6);
    Ok(addrs)
}

/// A host name that gave no address, and what the resolver said.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct Unresolved {
    /// The name as the user wrote it.
    pub name: String,
    /// Why: the resolver's words, or that the name has no address of the family asked.
    pub reason: String,
}

/// The targets of a run, and the names that did not resolve. A name that does not
/// resolve is a finding about that target (the check says no, exit 1), not a usage
/// error, and the other targets are still checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expanded {
    pub targets: Vec<Target>,
    pub unresolved: Vec<Unresolved>,
}

/// Parses and resolves every specification (host names concurrently). A host name
/// yields its first address of the chosen family; ranges yield every address. The same
/// name and address twice is one target; a name and its address are two. A
/// specification that is not a name, address or range is a usage error; a name that
/// does not resolve is listed in [`Expanded::unresolved`].
pub async fn expand(specs: &[String], family: Family) -> Result<Expanded> {
    let parsed = specs.iter().map(|s| parse_spec(s)).collect::<Result<Vec<_>>>()?;
    let lookups = parsed.iter().map(|spec| async move {
        match spec {
            Spec::Host(h) => Some(resolve_host(h, family).await.map(|a| a[0])),
            _ => None,
        }
    });
    let resolved = futures::future::join_all(lookups).await;
    let mut out = Expanded::default();
    let mut seen = std::collections::HashSet::new();
    for (spec, addr) in parsed.into_iter().zip(resolved) {
        let items: Vec<Target> = match (spec, addr) {
            (Spec::Addr(addr), _) => vec![Target { name: addr.to_string(), addr }],
            (Spec::Many(list), _) => list.into_iter().map(|addr| Target { name: addr.to_string(), addr }).collect(),
            (Spec::Host(h), Some(Ok(addr))) => vec![Target { name: h, addr }],
            (Spec::Host(_), None) => continue, // every host spec was looked up
            (Spec::Host(h), Some(Err(reason))) => {
                if !out.unresolved.iter().any(|u| u.name == h) {
                    out.unresolved.push(Unresolved { name: h, reason });
                }
                continue;
            }
        };
        for t in items {
            if seen.insert((t.name.clone(), t.addr)) {
                out.targets.push(t);
            }
        }
        if out.targets.len() > MAX_TARGETS {
            return Err(CommandError::usage(format!("more than {MAX_TARGETS} targets")).with_hint("split the sweep into several runs"));
        }
    }
    Ok(out)
}

/// One entry of a list file and the line it stands on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    pub line: usize,
    pub text: String,
}

/// Reads entries from a file (or `-` for stdin): whitespace-separated, `#` comments and
/// blank lines skipped. Windows files (BOM, CRLF) are fine; UTF-16 and other encodings
/// are refused with the fix.
pub fn read_list(path: &str) -> Result<Vec<ListItem>> {
    read_entries(path, false, "targets", "put one host, address or range per line")
}

/// Reads one entry per line (a DN may hold spaces), `#` comments and blank lines
/// skipped.
pub fn read_lines(path: &str, what: &str, hint: &str) -> Result<Vec<ListItem>> {
    read_entries(path, true, what, hint)
}

fn read_entries(path: &str, whole_lines: bool, what: &str, hint: &str) -> Result<Vec<ListItem>> {
    let (bytes, source) = if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| CommandError::usage(format!("cannot read standard input: {e}")))?;
        (buf, "standard input".to_string())
    } else {
        let buf = std::fs::read(path).map_err(|e| {
            CommandError::usage(format!("cannot read file '{path}': {e}")).with_hint("check the path; use - to read from standard input")
        })?;
        (buf, format!("'{path}'"))
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            CommandError::usage(format!("{source} is UTF-16 text")).with_hint("save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)")
        );
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        CommandError::usage(format!("{source} is not UTF-8 text (at byte {})", e.utf8_error().valid_up_to()))
            .with_hint("save it as UTF-8 text, one entry per line")
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let items: Vec<ListItem> = text
        .lines()
        .enumerate()
        .flat_map(|(i, l)| {
            // A comment starts a line, or follows white space (a DN may hold a '#').
            let l = if l.trim_start().starts_with('#') { "" } else { l.split(" #").next().unwrap_or("") };
            if whole_lines {
                let t = l.trim();
                if t.is_empty() { vec![] } else { vec![ListItem { line: i + 1, text: t.to_string() }] }
            } else {
                l.split_whitespace().map(|w| ListItem { line: i + 1, text: w.to_string() }).collect::<Vec<_>>()
            }
        })
        .collect();
    if items.is_empty() {
        return Err(CommandError::usage(format!("{source} lists no {what}")).with_hint(hint.to_string()));
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        assert_eq!(parse_spec("127.0.0.1").unwrap(), Spec::Addr("127.0.0.1".parse().unwrap()));
        assert_eq!(parse_spec("[::1]").unwrap(), Spec::Addr("::1".parse().unwrap()));
        let Spec::Many(v) = parse_spec("10.0.0.0/28").unwrap() else { panic!() };
        assert_eq!(v.len(), 14);
        let Spec::Many(v) = parse_spec("10.0.0.0/31").unwrap() else { panic!() };
        assert_eq!(v.len(), 2);
        let Spec::Many(v) = parse_spec("127.0.0.1-127.0.0.254").unwrap() else { panic!() };
        assert_eq!(v.len(), 254);
        let Spec::Many(v) = parse_spec("127.0.0.1-10").unwrap() else { panic!() };
        assert_eq!(v.len(), 10);
        let Spec::Many(v) = parse_spec("::1/126").unwrap() else { panic!() };
        assert_eq!(v.len(), 4);
        assert_eq!(parse_spec("gw.example.test").unwrap(), Spec::Host("gw.example.test".into()));
        for bad in ["10.0.0.0/33", "10.0.0/8x", "10.0.0.0/8", "10.0.0.5-10.0.0.1", "10.0.0.1-::1", "bad_host!", "", "-x", "a..b", "::1-zz"]
        {
            let err = parse_spec(bad).unwrap_err();
            assert_eq!(err.kind, crate::ErrorKind::Usage, "{bad}");
            assert!(err.hint.is_some(), "{bad}");
        }
    }
}
