//! Flatpak: runs `flatpak list --app` with explicit columns. Not on a terminal, flatpak
//! separates columns with tabs and prints no header. Both the system and the user
//! installations are listed. A missing `flatpak` command means no Flatpak applications.

use super::{Package, Scan, Source, ToolRun, field_text, run_tool};
use std::ffi::OsStr;
use std::time::Duration;

/// The columns asked for, in this order.
pub const COLUMNS: &str = "--columns=application,version,branch,arch,origin,name";

/// Lists the installed Flatpak applications.
pub fn scan(timeout: Duration) -> Scan {
    let args = ["list", "--app", COLUMNS].map(OsStr::new);
    match run_tool("flatpak", &args, true, timeout) {
        ToolRun::Missing => Scan::absent(),
        ToolRun::Output(out) => Scan::found(parse(&out)),
        ToolRun::Failed(message) => Scan::failed(message),
    }
}

/// Parses `flatpak list --app --columns=application,version,branch,arch,origin,name`. An
/// application without a version gets its branch (`stable`) as version; its display name
/// becomes the summary, its remote the origin. Lines whose first column is not an
/// application ID (a header, if one is printed) are skipped.
pub fn parse(output: &[u8]) -> Vec<Package> {
    let mut packages = Vec::new();
    for line in output.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let fields: Vec<&[u8]> = if line.contains(&b'\t') {
            line.split(|&b| b == b'\t').collect()
        } else {
            line.split(u8::is_ascii_whitespace).filter(|f| !f.is_empty()).collect()
        };
        let field = |i: usize| fields.get(i).and_then(|f| field_text(f));
        let Some(app) = field(0) else { continue };
        if !app.contains('.') || app.contains(char::is_whitespace) {
            continue;
        }
        let Some(version) = field(1).or_else(|| field(2)) else { continue };
        packages.push(Package { arch: field(3), origin: field(4), summary: field(5), ..Package::new(Source::Flatpak, app, version) });
    }
    packages
}

#[cfg(test)]
mod tests {
    use super::super::testutil::fixture;
    use super::*;

    #[test]
    fn parses_recorded_output() {
        let out = std::fs::read(fixture("flatpak-list.out")).unwrap();
        let got = parse(&out);
        let app = |id: &str, version: &str, origin: &str, name: &str| Package {
            arch: Some("x86_64".into()),
            origin: Some(origin.into()),
            summary: Some(name.into()),
            ..Package::new(Source::Flatpak, id, version)
        };
        assert_eq!(
            got,
            [
                app("com.github.tchx84.Flatseal", "2.1.1", "flathub", "Flatseal"),
                app("org.gimp.GIMP", "2.10.36", "flathub", "GNU Image Manipulation Program"),
                app("org.mozilla.firefox", "120.0.1", "flathub", "Firefox"),
                app("org.example.NoVersion", "stable", "my-repo", "No Version"),
            ]
        );
    }

    #[test]
    fn skips_headers_and_blank_lines() {
        let out = b"Application ID\tVersion\tBranch\tArch\tOrigin\tName\n\n\t\t\t\n";
        assert!(parse(out).is_empty());
        let spaces = parse(b"org.example.App  1.0  stable  aarch64  flathub  App\n");
        assert_eq!(spaces[0].arch.as_deref(), Some("aarch64"));
    }
}
