//! Snap: runs `snap list` (active revisions only) under the C locale, so that the header is
//! not translated, without Unicode or colour. A missing `snap` command means no snaps; a
//! `snap` that cannot reach snapd is a warning.

use super::{Package, Scan, Source, ToolRun, run_tool};
use std::ffi::OsStr;
use std::time::Duration;

/// Lists the installed snaps.
pub fn scan(timeout: Duration) -> Scan {
    let args = ["list", "--unicode=never", "--color=never"].map(OsStr::new);
    match run_tool("snap", &args, true, timeout) {
        ToolRun::Missing => Scan::absent(),
        ToolRun::Output(out) => Scan::found(parse(&out)),
        ToolRun::Failed(message) => Scan::failed(message),
    }
}

/// Parses `snap list`: a header (`Name Version Rev Tracking Publisher Notes`), then one snap
/// a line in space-aligned columns. The publisher, without its verification mark
/// (`canonical*`, `canonical✓`), is the origin; disabled revisions are skipped.
pub fn parse(output: &[u8]) -> Vec<Package> {
    let text = String::from_utf8_lossy(output);
    let mut packages = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if (index == 0 && fields.first() == Some(&"Name")) || fields.len() < 2 {
            continue;
        }
        if fields.get(5).is_some_and(|notes| notes.split(',').any(|n| n == "disabled")) {
            continue;
        }
        let publisher = fields.get(4).map(|p| p.trim_end_matches(['*', '✓', '✪'])).filter(|p| !p.is_empty() && *p != "-");
        packages.push(Package { origin: publisher.map(str::to_owned), ..Package::new(Source::Snap, fields[0], fields[1]) });
    }
    packages
}

#[cfg(test)]
mod tests {
    use super::super::testutil::fixture;
    use super::*;

    #[test]
    fn parses_recorded_output() {
        let out = std::fs::read(fixture("snap-list.out")).unwrap();
        let got: Vec<_> = parse(&out).into_iter().map(|p| (p.name, p.version, p.origin)).collect();
        let snap = |n: &str, v: &str, o: Option<&str>| (n.to_owned(), v.to_owned(), o.map(str::to_owned));
        assert_eq!(
            got,
            [
                snap("bare", "1.0", Some("canonical")),
                snap("core22", "20231123", Some("canonical")),
                snap("firefox", "120.0.1-1", Some("mozilla")),
                snap("hello-local", "2.10", None),
                snap("lxd", "5.19-8635f82", Some("canonical")),
                snap("snapd", "2.60.4", Some("canonical")),
            ]
        );
    }

    #[test]
    fn no_snaps() {
        // snapd says "No snaps are installed yet." on stderr and nothing on stdout.
        assert!(parse(b"").is_empty());
        assert!(parse(b"Name  Version  Rev  Tracking  Publisher  Notes\n").is_empty());
    }
}
