//! Software inventory: which packages are installed, from every package manager found on the
//! machine (dpkg, rpm, apk, pacman, Flatpak, Snap, Homebrew, and pip on request), plus
//! version comparison under each manager's rules ([`version`]).
//!
//! Each source is detected: one that is missing is simply absent, never an error. A source
//! that is there but cannot be read (a database without read permission, a command that
//! fails) is reported as a warning in the [`Listing`], and the other sources still count.
//! Strings come straight from the package databases: sanitize them before they reach a
//! terminal.

pub mod apk;
pub mod baseline;
pub mod brew;
pub mod dpkg;
pub mod facts;
pub mod flatpak;
pub mod pacman;
pub mod pip;
pub mod query;
pub mod rpm;
pub mod snap;
pub mod snapshot;
pub mod version;

use crate::error::Result;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A package manager (or other source of installed software).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Dpkg,
    Rpm,
    Apk,
    Pacman,
    Flatpak,
    Snap,
    Brew,
    Pip,
}

impl Source {
    pub const ALL: [Self; 8] = [Self::Dpkg, Self::Rpm, Self::Apk, Self::Pacman, Self::Flatpak, Self::Snap, Self::Brew, Self::Pip];

    pub fn name(self) -> &'static str {
        match self {
            Self::Dpkg => "dpkg",
            Self::Rpm => "rpm",
            Self::Apk => "apk",
            Self::Pacman => "pacman",
            Self::Flatpak => "flatpak",
            Self::Snap => "snap",
            Self::Brew => "brew",
            Self::Pip => "pip",
        }
    }

    /// Parses a source name, case-insensitively; the front-end names are accepted too
    /// (`apt`, `deb`, `dnf`, `yum`, `zypper`, `alpine`, `arch`, `homebrew`, `python`).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_ascii_lowercase();
        Some(match text.as_str() {
            "dpkg" | "deb" | "apt" => Self::Dpkg,
            "rpm" | "dnf" | "yum" | "zypper" => Self::Rpm,
            "apk" | "alpine" => Self::Apk,
            "pacman" | "arch" | "alpm" => Self::Pacman,
            "flatpak" => Self::Flatpak,
            "snap" => Self::Snap,
            "brew" | "homebrew" => Self::Brew,
            "pip" | "python" | "pypi" => Self::Pip,
            _ => return None,
        })
    }

    /// Whether the source is searched when none is named: all but pip, whose site-packages
    /// duplicate the system packages and are slow to scan.
    pub fn default_enabled(self) -> bool {
        self != Self::Pip
    }

    /// The version scheme of the source's packages.
    pub fn scheme(self) -> version::Scheme {
        use version::Scheme;
        match self {
            Self::Dpkg => Scheme::Dpkg,
            Self::Rpm => Scheme::Rpm,
            Self::Apk => Scheme::Apk,
            Self::Pacman => Scheme::Pacman,
            Self::Flatpak | Self::Snap | Self::Brew => Scheme::Semver,
            Self::Pip => Scheme::Pep440,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One installed package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Package {
    pub source: Source,
    pub name: String,
    /// The full version as the manager writes it, epoch and release included
    /// (`1:2.3-4`, `2:1.2.3-4.fc40`), comparable with [`version::compare`] under
    /// [`Source::scheme`].
    pub version: String,
    pub arch: Option<String>,
    /// One line.
    pub summary: Option<String>,
    /// Installed size in KiB.
    pub size_kib: Option<u64>,
    /// When it was installed (or last upgraded), seconds since the Unix epoch.
    pub installed: Option<i64>,
    /// Where it came from: the source package (dpkg, rpm, pacman's base), the origin (apk),
    /// the remote (Flatpak), the publisher (Snap), the tap (Homebrew), the site-packages
    /// directory (pip).
    pub origin: Option<String>,
}

impl Package {
    /// A package with only a name and a version.
    pub fn new(source: Source, name: impl Into<String>, version: impl Into<String>) -> Self {
        Self {
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
}

/// Where the sources look. Every path can be overridden, so tests can use fixtures.
#[derive(Debug, Clone)]
pub struct Roots {
    /// dpkg's status database.
    pub dpkg_status: PathBuf,
    /// dpkg's `info` directory, whose `<pkg>.list` files date the installs.
    pub dpkg_info: PathBuf,
    /// apk's installed database.
    pub apk_installed: PathBuf,
    /// pacman's local database (one directory per package).
    pub pacman_local: PathBuf,
    /// Homebrew Cellar directories.
    pub brew_cellars: Vec<PathBuf>,
    /// site-packages / dist-packages directories to scan for pip; `None` finds the system
    /// Pythons' own.
    pub python_sites: Option<Vec<PathBuf>>,
    /// rpm's `--dbpath`; `None` uses rpm's default.
    pub rpm_dbpath: Option<PathBuf>,
    /// How long an external command (rpm, flatpak, snap) may run before it is killed.
    pub command_timeout: Duration,
}

impl Default for Roots {
    fn default() -> Self {
        Self {
            dpkg_status: PathBuf::from("/var/lib/dpkg/status"),
            dpkg_info: PathBuf::from("/var/lib/dpkg/info"),
            apk_installed: PathBuf::from("/lib/apk/db/installed"),
            pacman_local: PathBuf::from("/var/lib/pacman/local"),
            brew_cellars: ["/opt/homebrew/Cellar", "/usr/local/Cellar", "/home/linuxbrew/.linuxbrew/Cellar"].map(PathBuf::from).to_vec(),
            python_sites: None,
            rpm_dbpath: None,
            command_timeout: Duration::from_secs(60),
        }
    }
}

/// What one source yielded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// The source was found on this machine.
    pub present: bool,
    pub packages: Vec<Package>,
    /// What went wrong reading a source that is there.
    pub warnings: Vec<String>,
}

impl Scan {
    /// The source is not on this machine.
    pub fn absent() -> Self {
        Self::default()
    }

    pub fn found(packages: Vec<Package>) -> Self {
        Self { present: true, packages, warnings: Vec::new() }
    }

    /// The source is there but could not be read.
    pub fn failed(warning: impl Into<String>) -> Self {
        Self { present: true, packages: Vec::new(), warnings: vec![warning.into()] }
    }

    /// A file that cannot be opened: absent when it does not exist, failed otherwise.
    fn unreadable(source: Source, path: &Path, err: &io::Error) -> Self {
        if err.kind() == io::ErrorKind::NotFound {
            Self::absent()
        } else {
            Self::failed(format!("{source}: cannot read {}: {err}", path.display()))
        }
    }
}

/// The packages of the sources searched.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Listing {
    /// Sorted by name, then source, then architecture, then version.
    pub packages: Vec<Package>,
    /// The sources searched.
    pub searched: Vec<Source>,
    /// The sources found on this machine (a subset of `searched`).
    pub present: Vec<Source>,
    /// Sources that are there but could not be read (completely or in part).
    pub warnings: Vec<String>,
    /// The sources those warnings are about: what they list may be incomplete.
    pub unreadable: Vec<Source>,
}

/// Lists the packages of `sources`, or of every default source ([`Source::default_enabled`])
/// when `sources` is empty. The sources are read in parallel.
pub fn list(roots: &Roots, sources: &[Source]) -> Result<Listing> {
    let mut searched: Vec<Source> =
        if sources.is_empty() { Source::ALL.into_iter().filter(|s| s.default_enabled()).collect() } else { sources.to_vec() };
    searched.sort_unstable();
    searched.dedup();
    let scans: Vec<(Source, Scan)> = std::thread::scope(|scope| {
        let others: Vec<_> = searched.iter().skip(1).map(|&source| (source, scope.spawn(move || scan(roots, source)))).collect();
        let mut scans = Vec::with_capacity(searched.len());
        if let Some(&first) = searched.first() {
            scans.push((first, scan(roots, first)));
        }
        for (source, handle) in others {
            scans.push((source, handle.join().unwrap_or_else(|_| Scan::failed(format!("{source}: the scan failed unexpectedly")))));
        }
        scans
    });
    let mut listing = Listing { searched, ..Listing::default() };
    for (source, scan) in scans {
        if scan.present {
            listing.present.push(source);
        }
        listing.packages.extend(scan.packages);
        if !scan.warnings.is_empty() {
            listing.unreadable.push(source);
        }
        listing.warnings.extend(scan.warnings);
    }
    listing.packages.sort_by(|a, b| {
        a.name
            .cmp(&b.name)
            .then(a.source.cmp(&b.source))
            .then_with(|| a.arch.cmp(&b.arch))
            .then_with(|| version::compare(a.source.scheme(), &a.version, &b.version))
    });
    Ok(listing)
}

/// Reads one source.
pub fn scan(roots: &Roots, source: Source) -> Scan {
    match source {
        Source::Dpkg => dpkg::scan(&roots.dpkg_status, &roots.dpkg_info),
        Source::Rpm => rpm::scan(roots.rpm_dbpath.as_deref(), roots.command_timeout),
        Source::Apk => apk::scan(&roots.apk_installed),
        Source::Pacman => pacman::scan(&roots.pacman_local),
        Source::Flatpak => flatpak::scan(roots.command_timeout),
        Source::Snap => snap::scan(roots.command_timeout),
        Source::Brew => brew::scan(&roots.brew_cellars),
        Source::Pip => match &roots.python_sites {
            Some(sites) => pip::scan(sites),
            None => pip::scan(&pip::system_sites()),
        },
    }
}

/// Seconds since the Unix epoch of a file time.
fn unix_seconds(time: SystemTime) -> Option<i64> {
    match time.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).ok(),
        Err(e) => i64::try_from(e.duration().as_secs()).ok().map(|s| -s),
    }
}

/// The modification time of `path`, seconds since the Unix epoch.
fn mtime(path: &Path) -> Option<i64> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok().and_then(unix_seconds)
}

/// Bytes to KiB, rounded up (as dpkg's Installed-Size is).
fn kib(bytes: u64) -> u64 {
    bytes.div_ceil(1024)
}

/// Trims spaces and tabs (not other whitespace) from both ends of a field value.
fn trim_field(value: &[u8]) -> &[u8] {
    let start = value.iter().position(|&b| b != b' ' && b != b'\t').unwrap_or(value.len());
    let end = value.iter().rposition(|&b| b != b' ' && b != b'\t').map_or(start, |p| p + 1);
    &value[start..end]
}

/// A field value as text (invalid UTF-8 replaced), `None` when empty.
fn field_text(value: &[u8]) -> Option<String> {
    let value = trim_field(value);
    (!value.is_empty()).then(|| String::from_utf8_lossy(value).into_owned())
}

/// Calls `f` with each line of `reader`, without its line end (`\n`, and a `\r` before
/// it). Lines are borrowed from the reader's buffer: only a line that straddles two fills is
/// copied, so a large file costs no allocation per line.
fn for_each_line(mut reader: impl io::BufRead, mut f: impl FnMut(&[u8])) -> io::Result<()> {
    let mut emit = |line: &[u8]| f(line.strip_suffix(b"\r").unwrap_or(line));
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let buf = match reader.fill_buf() {
            Ok([]) => break,
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let mut rest = buf;
        while let Some(end) = find_byte(b'\n', rest) {
            if carry.is_empty() {
                emit(&rest[..end]);
            } else {
                carry.extend_from_slice(&rest[..end]);
                emit(&carry);
                carry.clear();
            }
            rest = &rest[end + 1..];
        }
        carry.extend_from_slice(rest);
        let used = buf.len();
        reader.consume(used);
    }
    if !carry.is_empty() {
        emit(&carry);
    }
    Ok(())
}

/// The position of the first `needle` in `haystack`, eight bytes at a time (a byte loop
/// was half of the time of parsing dpkg's status file).
fn find_byte(needle: u8, haystack: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES * u64::from(needle);
    let mut chunks = haystack.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ pattern;
        // A byte of `word` is zero where the needle is; the lowest flagged byte is exact
        // (false flags only appear above a true one).
        let zeros = word.wrapping_sub(ONES) & !word & HIGHS;
        if zeros != 0 {
            return Some(offset + (zeros.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    chunks.remainder().iter().position(|&b| b == needle).map(|p| offset + p)
}

/// What running an external tool gave.
#[derive(Debug)]
enum ToolRun {
    /// The program is not installed.
    Missing,
    /// It ran and succeeded: its standard output.
    Output(Vec<u8>),
    /// It ran and failed, or could not be started, or timed out.
    Failed(String),
}

/// Runs `program` with `args`, standard input closed, within `timeout`. With `c_locale`,
/// runs it under `LC_ALL=C` so that its column headers and messages are not translated.
fn run_tool(program: &str, args: &[&std::ffi::OsStr], c_locale: bool, timeout: Duration) -> ToolRun {
    let mut command = Command::new(program);
    command.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    if c_locale {
        command.env("LC_ALL", "C");
    }
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return ToolRun::Missing,
        Err(e) => return ToolRun::Failed(format!("{program}: cannot run: {e}")),
    };
    let (Some(mut stdout), Some(mut stderr)) = (child.stdout.take(), child.stderr.take()) else {
        return ToolRun::Failed(format!("{program}: no output pipe"));
    };
    std::thread::scope(|scope| {
        let out = scope.spawn(move || {
            let mut buf = Vec::new();
            stdout.read_to_end(&mut buf).map(|_| buf)
        });
        let err = scope.spawn(move || {
            let mut buf = Vec::new();
            let _ = stderr.read_to_end(&mut buf);
            buf
        });
        let deadline = Instant::now() + timeout;
        let mut pause = Duration::from_millis(1);
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if Instant::now() >= deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(format!("{program}: gave no answer within {} s, stopped", timeout.as_secs()));
                }
                Ok(None) => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(20));
                }
                Err(e) => break Err(format!("{program}: {e}")),
            }
        };
        let out = out.join();
        let err = err.join().unwrap_or_default();
        match (status, out) {
            (Err(message), _) => ToolRun::Failed(message),
            (Ok(status), Ok(Ok(out))) if status.success() => ToolRun::Output(out),
            (Ok(status), Ok(Err(e))) if status.success() => ToolRun::Failed(format!("{program}: cannot read its output: {e}")),
            (Ok(status), _) => {
                let err = String::from_utf8_lossy(&err);
                let first = err.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
                let first: String = first.chars().take(200).collect();
                ToolRun::Failed(format!("{program} failed ({status}): {first}"))
            }
        }
    })
}

#[cfg(test)]
pub(crate) mod testutil {
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicU32, Ordering};

    /// A directory under the system temporary directory, removed on drop.
    pub struct TempDir(PathBuf);

    impl TempDir {
        pub fn new(tag: &str) -> Self {
            static COUNTER: AtomicU32 = AtomicU32::new(0);
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = std::env::temp_dir().join(format!("deskhand-test-{tag}-{}-{n}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).unwrap();
            Self(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// A file or directory under `tests/fixtures/inventory/`.
    pub fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/inventory").join(name)
    }

    /// Writes `content` to `dir/relative`, creating the parent directories.
    pub fn write(dir: &Path, relative: &str, content: &str) -> PathBuf {
        let path = dir.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        path
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::{TempDir, fixture};
    use super::*;

    #[test]
    fn source_names_round_trip() {
        for source in Source::ALL {
            assert_eq!(Source::parse(source.name()), Some(source));
            assert_eq!(Source::parse(&source.name().to_uppercase()), Some(source));
            assert_eq!(serde_json::to_string(&source).unwrap(), format!("\"{}\"", source.name()));
        }
        assert_eq!(Source::parse("apt"), Some(Source::Dpkg));
        assert_eq!(Source::parse("dnf"), Some(Source::Rpm));
        assert_eq!(Source::parse("npm"), None);
        assert!(!Source::Pip.default_enabled());
        assert!(Source::ALL.iter().filter(|s| s.default_enabled()).count() == 7);
    }

    #[test]
    fn missing_sources_are_absent() {
        let dir = TempDir::new("absent");
        let nothing = dir.path().join("nothing");
        let roots = Roots {
            dpkg_status: nothing.join("status"),
            dpkg_info: nothing.join("info"),
            apk_installed: nothing.join("installed"),
            pacman_local: nothing.join("local"),
            brew_cellars: vec![nothing.join("Cellar")],
            python_sites: Some(vec![nothing.join("site-packages")]),
            rpm_dbpath: None,
            command_timeout: Duration::from_secs(30),
        };
        let sources = [Source::Dpkg, Source::Apk, Source::Pacman, Source::Brew, Source::Pip];
        let listing = list(&roots, &sources).unwrap();
        assert_eq!(listing, Listing { searched: sources.to_vec(), ..Listing::default() });
    }

    #[test]
    fn unreadable_source_is_a_warning() {
        let dir = TempDir::new("unreadable");
        // A directory where the status file should be: it exists, but cannot be read.
        let roots = Roots { dpkg_status: dir.path().to_path_buf(), dpkg_info: dir.path().to_path_buf(), ..Roots::default() };
        let listing = list(&roots, &[Source::Dpkg]).unwrap();
        assert_eq!(listing.present, vec![Source::Dpkg]);
        assert!(listing.packages.is_empty());
        assert_eq!(listing.warnings.len(), 1, "{:?}", listing.warnings);
        assert!(listing.warnings[0].starts_with("dpkg: "), "{:?}", listing.warnings);
    }

    #[test]
    fn list_merges_and_sorts_sources() {
        let roots = Roots {
            dpkg_status: fixture("dpkg-status"),
            dpkg_info: fixture("no-such-info"),
            apk_installed: fixture("apk-installed"),
            pacman_local: fixture("pacman-local"),
            brew_cellars: vec![fixture("Cellar")],
            python_sites: Some(vec![fixture("site-packages")]),
            rpm_dbpath: None,
            command_timeout: Duration::from_secs(30),
        };
        let sources = [Source::Pip, Source::Brew, Source::Pacman, Source::Apk, Source::Dpkg, Source::Dpkg];
        let listing = list(&roots, &sources).unwrap();
        let all = [Source::Dpkg, Source::Apk, Source::Pacman, Source::Brew, Source::Pip];
        assert_eq!(listing.searched, all);
        assert_eq!(listing.present, all);
        assert!(listing.warnings.is_empty(), "{:?}", listing.warnings);
        for source in all {
            assert!(listing.packages.iter().any(|p| p.source == source), "{source}");
        }
        let keys: Vec<_> = listing.packages.iter().map(|p| (p.name.clone(), p.source, p.arch.clone())).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        // `openssl` is in the apk, pacman and brew (two versions) fixtures: one entry each,
        // in source order, then version order.
        let openssl: Vec<_> = listing.packages.iter().filter(|p| p.name == "openssl").map(|p| (p.source, p.version.as_str())).collect();
        assert_eq!(openssl, [(Source::Apk, "3.1.4-r1"), (Source::Pacman, "3.2.0-1"), (Source::Brew, "3.1.4"), (Source::Brew, "3.2.0_1")]);
    }

    #[test]
    fn default_sources_do_not_fail() {
        // The real machine, every default source: whatever is there, no error.
        let listing = list(&Roots::default(), &[]).unwrap();
        assert_eq!(listing.searched, Source::ALL[..7]);
        assert!(listing.present.iter().all(|s| listing.searched.contains(s)));
        if Path::new("/var/lib/dpkg/status").exists() {
            assert!(listing.present.contains(&Source::Dpkg));
        }
        eprintln!("present here: {:?}, {} packages, warnings {:?}", listing.present, listing.packages.len(), listing.warnings);
    }

    #[test]
    fn tools_missing_failing_and_slow() {
        let t = Duration::from_secs(30);
        assert!(matches!(run_tool("deskhand-no-such-tool", &[], false, t), ToolRun::Missing));
        match run_tool("sh", &["-c".as_ref(), "echo oops >&2; exit 3".as_ref()], false, t) {
            ToolRun::Failed(message) => assert!(message.contains("oops"), "{message}"),
            other => panic!("{other:?}"),
        }
        match run_tool("sh", &["-c".as_ref(), "printf 'a\\tb'; echo $LC_ALL".as_ref()], true, t) {
            ToolRun::Output(out) => assert_eq!(out, b"a\tbC\n"),
            other => panic!("{other:?}"),
        }
        let start = Instant::now();
        match run_tool("sleep", &["10".as_ref()], false, Duration::from_millis(200)) {
            ToolRun::Failed(message) => assert!(message.contains("stopped"), "{message}"),
            other => panic!("{other:?}"),
        }
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn finds_bytes_like_position() {
        let text: Vec<u8> = (0..200u32).map(|i| if i % 37 == 5 || i % 11 == 0 { b'\n' } else { (i % 251) as u8 | 0x80 }).collect();
        for start in 0..text.len() {
            for len in 0..=(text.len() - start).min(40) {
                let hay = &text[start..start + len];
                assert_eq!(find_byte(b'\n', hay), hay.iter().position(|&b| b == b'\n'), "{start} {len}");
            }
        }
        assert_eq!(find_byte(0, &[1, 2, 0, 0]), Some(2));
        assert_eq!(find_byte(0xff, &[0xfe; 20]), None);
    }

    #[test]
    fn lines_across_buffer_fills() {
        let text = b"one\r\ntwo\n\nthree-is-longer-than-the-buffer\nlast";
        for capacity in [1, 2, 3, 7, 64] {
            let mut lines = Vec::new();
            for_each_line(io::BufReader::with_capacity(capacity, &text[..]), |l| lines.push(String::from_utf8(l.to_vec()).unwrap()))
                .unwrap();
            assert_eq!(lines, ["one", "two", "", "three-is-longer-than-the-buffer", "last"], "capacity {capacity}");
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(kib(0), 0);
        assert_eq!(kib(1), 1);
        assert_eq!(kib(1024), 1);
        assert_eq!(kib(1025), 2);
        assert_eq!(trim_field(b" \tx y\t "), b"x y");
        assert_eq!(trim_field(b"  "), b"");
        assert_eq!(field_text(b"  "), None);
        assert_eq!(unix_seconds(UNIX_EPOCH + Duration::from_secs(5)), Some(5));
        assert_eq!(unix_seconds(UNIX_EPOCH - Duration::from_secs(5)), Some(-5));
    }
}
