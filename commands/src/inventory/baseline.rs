//! `inventory check BASELINE.yaml`: what this machine must have (packages, with version
//! constraints compared by each ecosystem's own rules), must not have, and the free disk
//! and memory it needs. One row per rule, pass or fail with why.
//!
//! ```yaml
//! name: office laptop
//! required:
//!   - openssh-server >= 1:9.2      # [source:]NAME [OP VERSION], OP: >= > <= < = !=
//!   - dpkg:curl
//! forbidden:
//!   - transmission*                # a glob (* and ?)
//!   - snap:spotify
//! disk:
//!   - path: /
//!     min_free: 5 GiB              # or a share of the disk: 10%
//! memory:
//!   min_total: 4 GiB
//!   min_available: 512 MiB
//! ```

use super::version::compare;
use super::{Package, Source};
use crate::error::{CommandError, Result};
use crate::util::{glob_match, human_bytes, snippet};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileShape {
    name: Option<String>,
    description: Option<String>,
    #[serde(default)]
    required: Vec<Spanned<String>>,
    #[serde(default)]
    forbidden: Vec<Spanned<String>>,
    #[serde(default)]
    disk: Vec<Spanned<DiskShape>>,
    memory: Option<Spanned<MemoryShape>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DiskShape {
    path: String,
    min_free: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MemoryShape {
    min_total: Option<String>,
    min_available: Option<String>,
}

/// A version comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
    Ne,
}

impl Op {
    fn text(self) -> &'static str {
        match self {
            Self::Ge => ">=",
            Self::Gt => ">",
            Self::Le => "<=",
            Self::Lt => "<",
            Self::Eq => "=",
            Self::Ne => "!=",
        }
    }

    fn holds(self, ord: Ordering) -> bool {
        match self {
            Self::Ge => ord != Ordering::Less,
            Self::Gt => ord == Ordering::Greater,
            Self::Le => ord != Ordering::Greater,
            Self::Lt => ord == Ordering::Less,
            Self::Eq => ord == Ordering::Equal,
            Self::Ne => ord != Ordering::Equal,
        }
    }
}

/// A package rule: `[source:]NAME [OP VERSION]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageRule {
    pub source: Option<Source>,
    /// A name, or for forbidden rules a glob.
    pub name: String,
    pub constraint: Option<(Op, String)>,
}

/// An amount of bytes, or a share of the whole.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Bytes(u64),
    Percent(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub enum RuleKind {
    Required(PackageRule),
    Forbidden(PackageRule),
    DiskFree { path: PathBuf, min: Amount },
    MemoryTotal(u64),
    MemoryAvailable(u64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The rule as written (`openssh-server >= 1:9.2`, `free space on / >= 5 GiB`).
    pub text: String,
    /// `file:line:col`.
    pub at: String,
    pub kind: RuleKind,
}

#[derive(Debug, Clone)]
pub struct Baseline {
    pub name: Option<String>,
    pub description: Option<String>,
    pub rules: Vec<Rule>,
}

/// Reads and checks a baseline file (`-`: standard input); every error names
/// `file:line:col`, all at once.
pub fn load(path: &Path) -> Result<Baseline> {
    if path == Path::new("-") {
        let text = std::io::read_to_string(std::io::stdin())
            .map_err(|e| CommandError::usage(format!("cannot read the baseline from standard input: {e}")))?;
        return parse(&text, Path::new("<stdin>"));
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        CommandError::usage(format!("cannot read baseline {}: {e}", path.display())).with_hint("give the path of a baseline YAML file")
    })?;
    parse(&text, path)
}

/// Parses baseline text (see the module docs).
pub fn parse(text: &str, path: &Path) -> Result<Baseline> {
    let file = path.display().to_string();
    let shape: FileShape = if text.trim().is_empty() {
        return Err(
            CommandError::usage(format!("baseline {file} is empty")).with_hint("see `deskhand inventory check --help` for the format")
        );
    } else {
        serde_saphyr::from_str(text).map_err(|e| {
            CommandError::usage(crate::util::yaml_error("baseline", &file, &e))
                .with_hint("known keys: name, description, required, forbidden, disk (path, min_free), memory (min_total, min_available)")
        })?
    };
    let mut errors: Vec<String> = Vec::new();
    let mut rules = Vec::new();
    let at = |loc: serde_saphyr::Location| format!("{file}:{}:{}", loc.line(), loc.column());
    let mut fail = |loc: serde_saphyr::Location, msg: String| {
        errors.push(format!("{file}:{}:{}: {msg}\n{}", loc.line(), loc.column(), snippet(text, loc.line(), loc.column())));
    };
    for (list, forbidden) in [(&shape.required, false), (&shape.forbidden, true)] {
        for item in list {
            match parse_package_rule(&item.value, forbidden) {
                Ok(r) => rules.push(Rule {
                    text: item.value.trim().to_string(),
                    at: at(item.referenced),
                    kind: if forbidden { RuleKind::Forbidden(r) } else { RuleKind::Required(r) },
                }),
                Err(msg) => fail(item.referenced, msg),
            }
        }
    }
    for d in &shape.disk {
        match parse_amount(&d.value.min_free, true) {
            Ok(min) if d.value.path.starts_with('/') => rules.push(Rule {
                text: format!("free space on {} >= {}", d.value.path, d.value.min_free.trim()),
                at: at(d.referenced),
                kind: RuleKind::DiskFree { path: PathBuf::from(&d.value.path), min },
            }),
            Ok(_) => fail(d.referenced, format!("disk path '{}' is not absolute", d.value.path)),
            Err(msg) => fail(d.referenced, format!("min_free: {msg}")),
        }
    }
    if let Some(m) = &shape.memory {
        for (value, total) in [(&m.value.min_total, true), (&m.value.min_available, false)] {
            let Some(value) = value else { continue };
            match parse_amount(value, false) {
                Ok(Amount::Bytes(b)) => rules.push(Rule {
                    text: format!("memory {} >= {}", if total { "total" } else { "available" }, value.trim()),
                    at: at(m.referenced),
                    kind: if total { RuleKind::MemoryTotal(b) } else { RuleKind::MemoryAvailable(b) },
                }),
                Ok(Amount::Percent(_)) => unreachable!("percent refused"),
                Err(msg) => fail(m.referenced, format!("{}: {msg}", if total { "min_total" } else { "min_available" })),
            }
        }
    }
    if !errors.is_empty() {
        let n = errors.len();
        return Err(CommandError::usage(format!("baseline {file} has {n} error(s):\n{}", errors.join("\n"))).with_hint(
            "rules read [source:]NAME [OP VERSION], e.g. 'dpkg:openssh-server >= 1:9.2'; sizes read '5 GiB', '500 MB' or (disks) '10%'",
        ));
    }
    if rules.is_empty() {
        return Err(
            CommandError::usage(format!("baseline {file} has no rules")).with_hint("add required:, forbidden:, disk: or memory: rules")
        );
    }
    Ok(Baseline { name: shape.name, description: shape.description, rules })
}

/// `[source:]NAME [OP VERSION]`; the operator may touch the name ("curl>=7").
pub fn parse_package_rule(text: &str, glob: bool) -> std::result::Result<PackageRule, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("empty rule".into());
    }
    let op_at = t.find(['<', '>', '=', '!']);
    let (head, constraint) = match op_at {
        None => (t, None),
        Some(i) => {
            let rest = &t[i..];
            let (op, len) = [(">=", Op::Ge), ("<=", Op::Le), ("!=", Op::Ne), ("==", Op::Eq), (">", Op::Gt), ("<", Op::Lt), ("=", Op::Eq)]
                .iter()
                .find(|(s, _)| rest.starts_with(s))
                .map(|(s, o)| (*o, s.len()))
                .ok_or_else(|| format!("'{rest}' is not a comparison: use >=, >, <=, <, = or !="))?;
            let version = rest[len..].trim();
            if version.is_empty() {
                return Err(format!("'{}' has no version after it", op.text()));
            }
            if version.chars().any(|c| c.is_whitespace() || c.is_control()) || version.contains(['<', '>', '=', '!']) {
                return Err(format!("'{version}' is not one version"));
            }
            (t[..i].trim(), Some((op, version.to_string())))
        }
    };
    let (source, name) = match head.split_once(':') {
        Some((s, n)) => {
            let source = Source::parse(s).ok_or_else(|| {
                format!("unknown source '{s}': use one of {}", Source::ALL.iter().map(|s| s.name()).collect::<Vec<_>>().join(", "))
            })?;
            (Some(source), n.trim())
        }
        None => (None, head),
    };
    if name.is_empty() {
        return Err("no package name".into());
    }
    if let Some(c) = name.chars().find(|c| c.is_whitespace() || c.is_control() || (!glob && matches!(c, '*' | '?'))) {
        return Err(format!("'{name}' is not a package name ({c:?} in it)"));
    }
    if name.len() > 256 {
        return Err("the package name is over 256 characters".into());
    }
    Ok(PackageRule { source, name: name.to_string(), constraint })
}

/// "5 GiB", "500MB", "1.5 T", "1073741824", and with `percent` "10%".
pub fn parse_amount(text: &str, percent: bool) -> std::result::Result<Amount, String> {
    let t = text.trim();
    if let Some(p) = t.strip_suffix('%') {
        let v: f64 = p.trim().parse().map_err(|_| format!("'{t}' is not a percentage"))?;
        if !percent {
            return Err("a percentage makes no sense here: give a size like '2 GiB'".into());
        }
        if !(0.0..=100.0).contains(&v) {
            return Err(format!("'{t}' is not between 0% and 100%"));
        }
        return Ok(Amount::Percent(v));
    }
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (num, unit) = (&t[..split], t[split..].trim());
    let v: f64 = num.parse().map_err(|_| format!("'{t}' is not a size: write it like '5 GiB' or '500 MB'"))?;
    let mult: f64 = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kib" => 1024.0,
        "kb" => 1e3,
        "m" | "mib" => 1024.0 * 1024.0,
        "mb" => 1e6,
        "g" | "gib" => 1024.0 * 1024.0 * 1024.0,
        "gb" => 1e9,
        "t" | "tib" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        "tb" => 1e12,
        _ => return Err(format!("unknown unit '{unit}': use B, KiB, MiB, GiB, TiB (or kB, MB, GB, TB)")),
    };
    let bytes = v * mult;
    if !bytes.is_finite() || bytes > 1e18 {
        return Err(format!("'{t}' is too large"));
    }
    Ok(Amount::Bytes(bytes as u64))
}

/// What the machine's resources are, behind a seam for tests.
pub trait Probe {
    /// (total, available) bytes of memory.
    fn memory(&self) -> (u64, u64);
    /// (available, total) bytes of the file system holding `path`; `None` if no such path.
    fn disk(&self, path: &Path) -> Option<(u64, u64)>;
}

/// The real machine.
pub struct SystemProbe;

impl Probe for SystemProbe {
    fn memory(&self) -> (u64, u64) {
        let sys = sysinfo::System::new_with_specifics(
            sysinfo::RefreshKind::nothing().with_memory(sysinfo::MemoryRefreshKind::nothing().with_ram()),
        );
        (sys.total_memory(), sys.available_memory())
    }

    fn disk(&self, path: &Path) -> Option<(u64, u64)> {
        if !path.exists() {
            return None;
        }
        let disks = sysinfo::Disks::new_with_refreshed_list();
        disks
            .list()
            .iter()
            .filter(|d| path.starts_with(d.mount_point()))
            .max_by_key(|d| d.mount_point().as_os_str().len())
            .map(|d| (d.available_space(), d.total_space()))
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CheckRow {
    pub rule: String,
    /// required, forbidden, disk, memory.
    pub kind: &'static str,
    pub pass: bool,
    pub why: String,
    /// Where the rule is written (`file:line:col`).
    pub at: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CheckReport {
    pub baseline: String,
    pub name: Option<String>,
    pub rows: Vec<CheckRow>,
    pub passed: usize,
    pub failed: usize,
    /// Package sources that could not be read: a package rule may be wrong about them.
    pub warnings: Vec<String>,
}

fn describe(p: &Package) -> String {
    match &p.arch {
        Some(a) => format!("{} {} ({}, {a})", p.name, p.version, p.source.name()),
        None => format!("{} {} ({})", p.name, p.version, p.source.name()),
    }
}

fn satisfies(p: &Package, constraint: Option<&(Op, String)>) -> bool {
    constraint.is_none_or(|(op, v)| op.holds(compare(p.source.scheme(), &p.version, v)))
}

/// Checks every rule of the baseline against the packages and the machine.
pub fn evaluate(baseline: &Baseline, file: &str, packages: &[Package], probe: &dyn Probe) -> CheckReport {
    let mut rows = Vec::with_capacity(baseline.rules.len());
    for rule in &baseline.rules {
        let (kind, pass, why) = match &rule.kind {
            RuleKind::Required(r) => {
                let found: Vec<&Package> =
                    packages.iter().filter(|p| r.source.is_none_or(|s| s == p.source) && p.name.eq_ignore_ascii_case(&r.name)).collect();
                let good: Vec<&&Package> = found.iter().filter(|p| satisfies(p, r.constraint.as_ref())).collect();
                if let Some(p) = good.first() {
                    ("required", true, format!("installed: {}", describe(p)))
                } else if found.is_empty() {
                    ("required", false, "not installed".to_string())
                } else {
                    let (op, v) = r.constraint.as_ref().map_or(("", ""), |(o, v)| (o.text(), v.as_str()));
                    let have: Vec<String> = found.iter().map(|p| describe(p)).collect();
                    ("required", false, format!("installed {}, needs {op} {v}", have.join(", ")))
                }
            }
            RuleKind::Forbidden(r) => {
                let bad: Vec<String> = packages
                    .iter()
                    .filter(|p| r.source.is_none_or(|s| s == p.source) && glob_match(&r.name, &p.name))
                    .filter(|p| satisfies(p, r.constraint.as_ref()))
                    .map(describe)
                    .collect();
                if bad.is_empty() {
                    ("forbidden", true, "not installed".to_string())
                } else {
                    ("forbidden", false, format!("installed: {}", bad.join(", ")))
                }
            }
            RuleKind::DiskFree { path, min } => match probe.disk(path) {
                None => ("disk", false, format!("{} does not exist here", path.display())),
                Some((avail, total)) => {
                    let need = match *min {
                        Amount::Bytes(b) => b,
                        Amount::Percent(p) => (total as f64 * p / 100.0) as u64,
                    };
                    let share = if total > 0 { avail as f64 * 100.0 / total as f64 } else { 0.0 };
                    (
                        "disk",
                        avail >= need,
                        format!("{} free of {} ({share:.0}%), needs {}", human_bytes(avail), human_bytes(total), human_bytes(need)),
                    )
                }
            },
            RuleKind::MemoryTotal(min) => {
                let (total, _) = probe.memory();
                ("memory", total >= *min, format!("{} in total, needs {}", human_bytes(total), human_bytes(*min)))
            }
            RuleKind::MemoryAvailable(min) => {
                let (_, avail) = probe.memory();
                ("memory", avail >= *min, format!("{} available, needs {}", human_bytes(avail), human_bytes(*min)))
            }
        };
        rows.push(CheckRow { rule: rule.text.clone(), kind, pass, why, at: rule.at.clone() });
    }
    let failed = rows.iter().filter(|r| !r.pass).count();
    CheckReport { baseline: file.to_string(), name: baseline.name.clone(), passed: rows.len() - failed, failed, rows, warnings: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pkg(source: Source, name: &str, version: &str) -> Package {
        Package {
            source,
            name: name.into(),
            version: version.into(),
            arch: None,
            summary: None,
            size_kib: None,
            installed: None,
            origin: None,
        }
    }

    struct Fake;
    impl Probe for Fake {
        fn memory(&self) -> (u64, u64) {
            (8 << 30, 1 << 30)
        }
        fn disk(&self, path: &Path) -> Option<(u64, u64)> {
            (path == Path::new("/")).then_some((10 << 30, 100 << 30))
        }
    }

    #[test]
    fn rules_parse() {
        assert_eq!(
            parse_package_rule("dpkg:openssh-server >= 1:9.2p1-2", false).unwrap(),
            PackageRule { source: Some(Source::Dpkg), name: "openssh-server".into(), constraint: Some((Op::Ge, "1:9.2p1-2".into())) }
        );
        assert_eq!(parse_package_rule("curl<8", false).unwrap().constraint, Some((Op::Lt, "8".into())));
        assert_eq!(parse_package_rule("torrent*", true).unwrap().name, "torrent*");
        for bad in ["", "curl >=", "curl => 1", "nope:curl", "a b", "curl >= 1 2", "x*"] {
            assert!(parse_package_rule(bad, false).is_err(), "{bad}");
        }
        assert_eq!(parse_amount("5 GiB", true), Ok(Amount::Bytes(5 << 30)));
        assert_eq!(parse_amount("500MB", true), Ok(Amount::Bytes(500_000_000)));
        assert_eq!(parse_amount("10%", true), Ok(Amount::Percent(10.0)));
        assert!(parse_amount("10%", false).is_err());
        assert!(parse_amount("5 parsecs", true).is_err());
        assert!(parse_amount("1e300", true).is_err());
        assert!(glob_match("transmission*", "Transmission-GTK") && glob_match("?url", "curl") && !glob_match("curl", "curly"));
    }

    #[test]
    fn errors_point_at_the_line_all_at_once() {
        let text = "required:\n  - curl >= 7\n  - nope:thing\nforbidden:\n  - bad name\ndisk:\n  - path: /\n    min_free: 5 lightyears\n";
        let err = parse(text, Path::new("b.yaml")).unwrap_err();
        assert!(err.message.contains("3 error(s)"), "{}", err.message);
        assert!(err.message.contains("b.yaml:3:5: unknown source 'nope'"), "{}", err.message);
        assert!(err.message.contains("b.yaml:5:5"), "{}", err.message);
        assert!(err.message.contains("b.yaml:7:5: min_free"), "{}", err.message);
        assert!(err.message.contains("3 |   - nope:thing\n  |     ^"), "{}", err.message);
        let shape = parse("required: [curl]\nextra: 1\n", Path::new("b.yaml")).unwrap_err();
        assert!(shape.message.contains("b.yaml") && shape.message.contains("extra"), "{}", shape.message);
        assert!(parse("required: curl\n", Path::new("b.yaml")).is_err());
        assert!(parse("", Path::new("b.yaml")).is_err());
        assert!(parse("name: x\n", Path::new("b.yaml")).is_err());
    }

    #[test]
    fn evaluates_with_each_ecosystems_rules() {
        let text = "required:\n  - openssh-server >= 1:9.2\n  - curl >= 8\n  - vim\n  - rpm:bash >= 5.1\nforbidden:\n  - transmission*\n  - telnet\n\
                    disk:\n  - path: /\n    min_free: 5 GiB\n  - path: /\n    min_free: 20%\n  - path: /nowhere\n    min_free: 1\n\
                    memory:\n  min_total: 4 GiB\n  min_available: 2 GiB\n";
        let b = parse(text, Path::new("b.yaml")).unwrap();
        let packages = vec![
            pkg(Source::Dpkg, "openssh-server", "1:9.2p1-2+deb12u3"),
            pkg(Source::Dpkg, "curl", "7.88.1-10"),
            pkg(Source::Rpm, "bash", "5.2.15-3.fc38"),
            pkg(Source::Dpkg, "transmission-gtk", "3.00-2"),
        ];
        let r = evaluate(&b, "b.yaml", &packages, &Fake);
        let got: Vec<(&str, bool)> = r.rows.iter().map(|r| (r.rule.as_str(), r.pass)).collect();
        assert_eq!(
            got,
            vec![
                ("openssh-server >= 1:9.2", true),
                ("curl >= 8", false),
                ("vim", false),
                ("rpm:bash >= 5.1", true),
                ("transmission*", false),
                ("telnet", true),
                ("free space on / >= 5 GiB", true),
                ("free space on / >= 20%", false),
                ("free space on /nowhere >= 1", false),
                ("memory total >= 4 GiB", true),
                ("memory available >= 2 GiB", false),
            ]
        );
        assert_eq!((r.passed, r.failed), (5, 6));
        assert_eq!(r.rows[1].why, "installed curl 7.88.1-10 (dpkg), needs >= 8");
        assert_eq!(r.rows[1].at, "b.yaml:3:5");
        assert_eq!(r.rows[4].why, "installed: transmission-gtk 3.00-2 (dpkg)");
    }
}
