//! Version comparison, one scheme per package manager, each following the tool's own rules:
//! dpkg's `verrevcmp` (Debian policy 5.6.12), rpm's `rpmvercmp` with rpm ≥ 4.16's
//! epoch:version-release handling, libalpm's `alpm_pkg_vercmp`, apk-tools' token rules, and
//! two generic ones: semver 2.0 (falling back to a numeric-aware comparison for strings that
//! are not semver) and a simplified PEP 440.
//!
//! Every comparison is total and never panics, whatever the input: malformed versions are
//! compared the way the tool would (or as closely as a total order allows).

use std::cmp::Ordering;

/// A version-comparison scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// Debian/Ubuntu: `[epoch:]upstream[-revision]`, `~` sorts before everything.
    Dpkg,
    /// RHEL/Fedora/SUSE: `[epoch:]version[-release]`, rpmvercmp with `~` and `^`.
    Rpm,
    /// Alpine: `1.2.3a_rc1_p2~hash-r4`.
    Apk,
    /// Arch: `[epoch:]pkgver[-pkgrel]`, libalpm's vercmp.
    Pacman,
    /// Semantic versioning 2.0; strings that are not semver compare numeric-aware.
    Semver,
    /// Python packages, PEP 440 (simplified: no arbitrary-equality, no normalisation of
    /// every spelling).
    Pep440,
}

impl Scheme {
    pub const ALL: [Self; 6] = [Self::Dpkg, Self::Rpm, Self::Apk, Self::Pacman, Self::Semver, Self::Pep440];

    pub fn name(self) -> &'static str {
        match self {
            Self::Dpkg => "dpkg",
            Self::Rpm => "rpm",
            Self::Apk => "apk",
            Self::Pacman => "pacman",
            Self::Semver => "semver",
            Self::Pep440 => "pep440",
        }
    }

    /// Parses a scheme name (case-insensitive).
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name().eq_ignore_ascii_case(text.trim()))
    }
}

impl std::fmt::Display for Scheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Compares two versions under `scheme`.
pub fn compare(scheme: Scheme, a: &str, b: &str) -> Ordering {
    match scheme {
        Scheme::Dpkg => dpkg(a, b),
        Scheme::Rpm => rpm(a, b),
        Scheme::Apk => apk(a, b),
        Scheme::Pacman => pacman(a, b),
        Scheme::Semver => semver(a, b),
        Scheme::Pep440 => pep440(a, b),
    }
}

/// Whether `text` is acceptable as a version under `scheme`: lenient, it rejects only what is
/// obviously not a version (empty, whitespace or control characters inside, what the tool
/// itself refuses to parse).
pub fn valid(scheme: Scheme, text: &str) -> bool {
    if text.is_empty() || text.len() > 256 || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    match scheme {
        Scheme::Dpkg => dpkg_valid(text),
        Scheme::Rpm | Scheme::Pacman => true,
        Scheme::Apk => apk_valid(text),
        Scheme::Semver | Scheme::Pep440 => text.bytes().any(|b| b.is_ascii_digit()),
    }
}

/// Compares two runs of ASCII digits numerically, whatever their length.
fn cmp_digits(a: &[u8], b: &[u8]) -> Ordering {
    let a = strip_zeros(a);
    let b = strip_zeros(b);
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

fn strip_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    &digits[zeros..]
}

/// The end of the run starting at `from` whose bytes satisfy `pred`.
fn run_end(s: &[u8], from: usize, pred: impl Fn(u8) -> bool) -> usize {
    from + s[from..].iter().take_while(|&&c| pred(c)).count()
}

// ---------------------------------------------------------------------------------------
// dpkg

/// Splits a Debian version into (epoch, upstream, revision). A malformed epoch (not digits)
/// is left in the upstream part, as a total-order fallback.
fn dpkg_split(version: &str) -> (&str, &str, &str) {
    let version = version.trim();
    let (epoch, rest) = match version.split_once(':') {
        Some((e, rest)) if e.bytes().all(|b| b.is_ascii_digit()) => (e, rest),
        _ => ("", version),
    };
    match rest.rsplit_once('-') {
        Some((upstream, revision)) => (epoch, upstream, revision),
        None => (epoch, rest, ""),
    }
}

fn dpkg(a: &str, b: &str) -> Ordering {
    let (ea, ua, ra) = dpkg_split(a);
    let (eb, ub, rb) = dpkg_split(b);
    cmp_digits(ea.as_bytes(), eb.as_bytes())
        .then_with(|| verrevcmp(ua.as_bytes(), ub.as_bytes()))
        .then_with(|| verrevcmp(ra.as_bytes(), rb.as_bytes()))
}

/// The weight dpkg gives a non-digit character: `~` first (even before the end of the
/// string), then the end and digits, then letters, then everything else. Bytes are weighed
/// as C's signed `char`, as dpkg does on the common platforms.
fn dpkg_order(c: Option<u8>) -> i32 {
    match c {
        None => 0,
        Some(c) if c.is_ascii_digit() => 0,
        Some(c) if c.is_ascii_alphabetic() => i32::from(c),
        Some(b'~') => -1,
        Some(c) => i32::from(c as i8) + 256,
    }
}

/// dpkg's `verrevcmp`: alternating non-digit parts (compared character by character with
/// [`dpkg_order`]) and digit parts (compared numerically).
fn verrevcmp(a: &[u8], b: &[u8]) -> Ordering {
    let (mut ia, mut ib) = (0, 0);
    while ia < a.len() || ib < b.len() {
        while a.get(ia).is_some_and(|ch| !ch.is_ascii_digit()) || b.get(ib).is_some_and(|ch| !ch.is_ascii_digit()) {
            let (ac, bc) = (dpkg_order(a.get(ia).copied()), dpkg_order(b.get(ib).copied()));
            if ac != bc {
                return ac.cmp(&bc);
            }
            ia += 1;
            ib += 1;
        }
        let (ea, eb) = (run_end(a, ia, |ch| ch.is_ascii_digit()), run_end(b, ib, |ch| ch.is_ascii_digit()));
        let order = cmp_digits(&a[ia..ea], &b[ib..eb]);
        if order != Ordering::Equal {
            return order;
        }
        (ia, ib) = (ea, eb);
    }
    Ordering::Equal
}

/// What dpkg's `parseversion` refuses (its errors, not its warnings).
fn dpkg_valid(text: &str) -> bool {
    let rest = match text.split_once(':') {
        Some((epoch, rest)) => {
            if epoch.is_empty() || !epoch.bytes().all(|b| b.is_ascii_digit()) || epoch.parse::<i32>().is_err() {
                return false;
            }
            rest
        }
        None => text,
    };
    match rest.rsplit_once('-') {
        Some((upstream, revision)) => !upstream.is_empty() && !revision.is_empty(),
        None => !rest.is_empty(),
    }
}

// ---------------------------------------------------------------------------------------
// rpm

/// Splits `[epoch:]version[-release]` the way rpm's `parseEVR` does: the epoch is the leading
/// digits when a `:` follows them, the release whatever follows the last `-`.
fn rpm_split(evr: &str) -> (Option<&str>, &str, Option<&str>) {
    let digits = evr.bytes().take_while(u8::is_ascii_digit).count();
    let last_dash = evr[digits..].rfind('-').map(|p| p + digits);
    let version_end = last_dash.unwrap_or(evr.len());
    let release = last_dash.map(|p| &evr[p + 1..]);
    if evr[digits..].starts_with(':') {
        let epoch = if digits == 0 { "0" } else { &evr[..digits] };
        (Some(epoch), &evr[digits + 1..version_end], release)
    } else {
        (None, &evr[..version_end], release)
    }
}

/// rpm ≥ 4.16's `rpmverCmp` (what `rpm.vercmp()` answers): epochs (missing = 0), then
/// versions, then releases, where a missing release sorts before any release.
fn rpm(a: &str, b: &str) -> Ordering {
    let (ea, va, ra) = rpm_split(a);
    let (eb, vb, rb) = rpm_split(b);
    rpmvercmp(ea.unwrap_or("0"), eb.unwrap_or("0")).then_with(|| rpmvercmp(va, vb)).then_with(|| match (ra, rb) {
        (Some(ra), Some(rb)) => rpmvercmp(ra, rb),
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => Ordering::Equal,
    })
}

/// rpm's `rpmvercmp` on one part (no epoch or release splitting): alphanumeric segments,
/// numeric ones compared as numbers and newer than alphabetic ones; `~` sorts before
/// everything, even the end; `^` sorts after the end but before any other segment.
pub fn rpmvercmp(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let separator = |ch: u8| !ch.is_ascii_alphanumeric() && ch != b'~' && ch != b'^';
    let (mut ia, mut ib) = (0, 0);
    while ia < a.len() || ib < b.len() {
        ia = run_end(a, ia, separator);
        ib = run_end(b, ib, separator);
        let (ca, cb) = (a.get(ia).copied(), b.get(ib).copied());
        if ca == Some(b'~') || cb == Some(b'~') {
            if ca != Some(b'~') {
                return Ordering::Greater;
            }
            if cb != Some(b'~') {
                return Ordering::Less;
            }
            (ia, ib) = (ia + 1, ib + 1);
            continue;
        }
        if ca == Some(b'^') || cb == Some(b'^') {
            match (ca, cb) {
                (Some(b'^'), Some(b'^')) => (ia, ib) = (ia + 1, ib + 1),
                // The end (the base version) sorts before `^`, any other segment after.
                (None, _) | (Some(b'^'), Some(_)) => return Ordering::Less,
                _ => return Ordering::Greater,
            }
            continue;
        }
        let (Some(ca), Some(_)) = (ca, cb) else { break };
        match segment_cmp(a, b, &mut ia, &mut ib, ca.is_ascii_digit()) {
            Ordering::Equal => {}
            order => return order,
        }
    }
    leftover(a, ia, b, ib)
}

/// Compares the segment at `a[i..]` (numeric when `numeric`, else alphabetic) with the
/// segment of the same kind at `b[j..]`, advancing both; a missing segment on `b`'s side
/// makes the numeric side newer (rpm's rule, shared by libalpm).
fn segment_cmp(a: &[u8], b: &[u8], i: &mut usize, j: &mut usize, numeric: bool) -> Ordering {
    let pred = |c: u8| if numeric { c.is_ascii_digit() } else { c.is_ascii_alphabetic() };
    let (ei, ej) = (run_end(a, *i, pred), run_end(b, *j, pred));
    if ej == *j {
        return if numeric { Ordering::Greater } else { Ordering::Less };
    }
    let (sa, sb) = (&a[*i..ei], &b[*j..ej]);
    (*i, *j) = (ei, ej);
    if numeric { cmp_digits(sa, sb) } else { sa.cmp(sb) }
}

/// Whichever string has characters left over wins.
fn leftover(a: &[u8], i: usize, b: &[u8], j: usize) -> Ordering {
    match (i >= a.len(), j >= b.len()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, _) => Ordering::Greater,
    }
}

// ---------------------------------------------------------------------------------------
// pacman

/// libalpm's `parseEVR`: like rpm's, but a missing epoch is always 0.
fn pacman_split(evr: &str) -> (&str, &str, Option<&str>) {
    let (epoch, version, release) = rpm_split(evr);
    (epoch.unwrap_or("0"), version, release)
}

/// libalpm's `alpm_pkg_vercmp`: epoch, version, and the release only when both have one.
fn pacman(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (ea, va, ra) = pacman_split(a);
    let (eb, vb, rb) = pacman_split(b);
    alpm_rpmvercmp(ea, eb).then_with(|| alpm_rpmvercmp(va, vb)).then_with(|| match (ra, rb) {
        (Some(ra), Some(rb)) => alpm_rpmvercmp(ra, rb),
        _ => Ordering::Equal,
    })
}

/// libalpm's copy of the older rpmvercmp: no `~` or `^`, but separator runs of different
/// lengths decide (the longer is newer), and a trailing alphabetic part never beats the end
/// (`1.0rc` < `1.0`).
fn alpm_rpmvercmp(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let separator = |ch: u8| !ch.is_ascii_alphanumeric();
    let (mut ia, mut ib) = (0, 0);
    while ia < a.len() && ib < b.len() {
        let (sa, sb) = (ia, ib);
        ia = run_end(a, ia, separator);
        ib = run_end(b, ib, separator);
        if ia >= a.len() || ib >= b.len() {
            break;
        }
        if ia - sa != ib - sb {
            return (ia - sa).cmp(&(ib - sb));
        }
        let numeric = a[ia].is_ascii_digit();
        match segment_cmp(a, b, &mut ia, &mut ib, numeric) {
            Ordering::Equal => {}
            order => return order,
        }
    }
    match (a.get(ia), b.get(ib)) {
        (None, None) => Ordering::Equal,
        // One is empty and the other is not alphabetic: the other is newer; an alphabetic
        // remainder loses; otherwise the side with something left is newer.
        (None, Some(ch)) if !ch.is_ascii_alphabetic() => Ordering::Less,
        (Some(ch), _) if ch.is_ascii_alphabetic() => Ordering::Less,
        _ => Ordering::Greater,
    }
}

// ---------------------------------------------------------------------------------------
// apk

/// apk-tools' token kinds, in the order that decides which of two versions of equal prefix
/// is newer (a later kind means older, except pre-release suffixes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ApkToken {
    InitialDigit,
    Digit,
    Letter,
    Suffix,
    SuffixNo,
    CommitHash,
    RevisionNo,
    End,
    Invalid,
}

/// apk suffixes in their order; `_alpha`.. `_rc` are pre-releases (before no suffix), the
/// others post-releases.
const APK_SUFFIXES: [&str; 10] = ["alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"];
const APK_NO_SUFFIX: usize = 4;

struct ApkTokens<'a> {
    s: &'a [u8],
    pos: usize,
    token: ApkToken,
    value: &'a [u8],
    suffix: usize,
}

impl<'a> ApkTokens<'a> {
    fn new(version: &'a str) -> Self {
        let mut t = Self { s: version.as_bytes(), pos: 0, token: ApkToken::InitialDigit, value: &[], suffix: 0 };
        t.digits();
        t
    }

    fn digits(&mut self) {
        let end = run_end(self.s, self.pos, |c| c.is_ascii_digit());
        self.value = &self.s[self.pos..end];
        self.pos = end;
        if self.value.is_empty() {
            self.token = ApkToken::Invalid;
        }
    }

    fn advance(&mut self) {
        use ApkToken as T;
        let Some(&c) = self.s.get(self.pos) else {
            self.token = T::End;
            return;
        };
        let token = self.token;
        match c {
            b'a'..=b'z' if token <= T::Digit => {
                self.value = &self.s[self.pos..=self.pos];
                self.pos += 1;
                self.token = T::Letter;
            }
            b'.' if token <= T::Digit => {
                self.pos += 1;
                self.token = T::Digit;
                self.digits();
            }
            b'0'..=b'9' if token <= T::Digit || token == T::Suffix => {
                self.token = if token == T::Suffix { T::SuffixNo } else { T::Digit };
                self.digits();
            }
            b'_' if token <= T::SuffixNo => {
                let start = self.pos + 1;
                let end = run_end(self.s, start, |c| c.is_ascii_lowercase());
                self.value = &self.s[start..end];
                self.pos = end;
                match APK_SUFFIXES.iter().position(|s| !s.is_empty() && s.as_bytes() == self.value) {
                    Some(index) => {
                        self.suffix = index;
                        self.token = T::Suffix;
                    }
                    None => self.token = T::Invalid,
                }
            }
            b'~' if token < T::CommitHash => {
                let start = self.pos + 1;
                let end = run_end(self.s, start, |c| c.is_ascii_hexdigit());
                self.value = &self.s[start..end];
                self.pos = end;
                self.token = if end == start { T::Invalid } else { T::CommitHash };
            }
            b'-' if token < T::RevisionNo && self.s.get(self.pos + 1) == Some(&b'r') => {
                self.pos += 2;
                self.token = T::RevisionNo;
                self.digits();
            }
            _ => self.token = T::Invalid,
        }
    }

    /// Compares the current tokens of `self` and `other`, which are of the same kind.
    fn cmp_value(&self, other: &Self) -> Ordering {
        use ApkToken as T;
        match self.token {
            // A leading zero makes a fractional part compare as a string (Gentoo's rule).
            T::Digit if self.value.first() == Some(&b'0') || other.value.first() == Some(&b'0') => self.value.cmp(other.value),
            T::Digit | T::InitialDigit | T::SuffixNo | T::RevisionNo => cmp_digits(self.value, other.value),
            T::Suffix => self.suffix.cmp(&other.suffix),
            _ => self.value.cmp(other.value),
        }
    }
}

/// apk-tools' `apk_version_compare`.
fn apk(a: &str, b: &str) -> Ordering {
    use ApkToken as T;
    let (mut ta, mut tb) = (ApkTokens::new(a.trim()), ApkTokens::new(b.trim()));
    while ta.token == tb.token && ta.token < T::End {
        match ta.cmp_value(&tb) {
            Ordering::Equal => {}
            order => return order,
        }
        ta.advance();
        tb.advance();
    }
    if ta.token == tb.token {
        return Ordering::Equal;
    }
    // Equal so far: the one that goes on is newer, unless it goes on with a pre-release
    // suffix.
    if ta.token == T::Suffix && ta.suffix < APK_NO_SUFFIX {
        return Ordering::Less;
    }
    if tb.token == T::Suffix && tb.suffix < APK_NO_SUFFIX {
        return Ordering::Greater;
    }
    tb.token.cmp(&ta.token)
}

/// apk-tools' `apk_version_validate`.
fn apk_valid(text: &str) -> bool {
    let mut t = ApkTokens::new(text);
    while t.token < ApkToken::End {
        t.advance();
    }
    t.token == ApkToken::End
}

// ---------------------------------------------------------------------------------------
// semver and the generic fallback

struct SemVer<'a> {
    core: [&'a [u8]; 3],
    pre: Option<&'a str>,
}

/// Parses `[v]MAJOR[.MINOR[.PATCH]][-PRERELEASE][+BUILD]` (missing minor/patch = 0).
fn semver_parse(text: &str) -> Option<SemVer<'_>> {
    let text = text.trim();
    let text = text.strip_prefix(['v', 'V']).unwrap_or(text);
    let text = text.split_once('+').map_or(text, |(v, _build)| v);
    let (core, pre) = match text.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (text, None),
    };
    let mut parts = [&b"0"[..]; 3];
    for (index, part) in core.split('.').enumerate() {
        if index == 3 || part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        parts[index] = part.as_bytes();
    }
    if let Some(pre) = pre
        && (pre.is_empty() || pre.split('.').any(|id| id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')))
    {
        return None;
    }
    Some(SemVer { core: parts, pre })
}

fn semver(a: &str, b: &str) -> Ordering {
    let (Some(va), Some(vb)) = (semver_parse(a), semver_parse(b)) else {
        return generic(a, b);
    };
    for (pa, pb) in va.core.iter().zip(vb.core.iter()) {
        match cmp_digits(pa, pb) {
            Ordering::Equal => {}
            order => return order,
        }
    }
    match (va.pre, vb.pre) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(pa), Some(pb)) => {
            let mut ids_a = pa.split('.');
            let mut ids_b = pb.split('.');
            loop {
                match (ids_a.next(), ids_b.next()) {
                    (None, None) => return Ordering::Equal,
                    (None, Some(_)) => return Ordering::Less,
                    (Some(_), None) => return Ordering::Greater,
                    (Some(ida), Some(idb)) => {
                        let (num_a, num_b) = (ida.bytes().all(|ch| ch.is_ascii_digit()), idb.bytes().all(|ch| ch.is_ascii_digit()));
                        let order = match (num_a, num_b) {
                            (true, true) => cmp_digits(ida.as_bytes(), idb.as_bytes()),
                            (true, false) => Ordering::Less,
                            (false, true) => Ordering::Greater,
                            (false, false) => ida.cmp(idb),
                        };
                        if order != Ordering::Equal {
                            return order;
                        }
                    }
                }
            }
        }
    }
}

/// A numeric-aware comparison for versions that follow no known scheme: digit runs compare
/// as numbers, letter runs alphabetically (ignoring case), numbers are newer than letters,
/// other characters only separate; a trailing alphabetic part (`1.0-beta`) is older than
/// the end, a trailing numeric one (`1.0.1`) newer.
fn generic(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let separator = |ch: u8| !ch.is_ascii_alphanumeric();
    let (mut ia, mut ib) = (0, 0);
    loop {
        ia = run_end(a, ia, separator);
        ib = run_end(b, ib, separator);
        match (a.get(ia), b.get(ib)) {
            (None, None) => return Ordering::Equal,
            (Some(ch), None) => return if ch.is_ascii_digit() { Ordering::Greater } else { Ordering::Less },
            (None, Some(ch)) => return if ch.is_ascii_digit() { Ordering::Less } else { Ordering::Greater },
            (Some(xa), Some(yb)) => match (xa.is_ascii_digit(), yb.is_ascii_digit()) {
                (true, false) => return Ordering::Greater,
                (false, true) => return Ordering::Less,
                (true, true) => match segment_cmp(a, b, &mut ia, &mut ib, true) {
                    Ordering::Equal => {}
                    order => return order,
                },
                (false, false) => {
                    let (ea, eb) = (run_end(a, ia, |ch| ch.is_ascii_alphabetic()), run_end(b, ib, |ch| ch.is_ascii_alphabetic()));
                    let order = a[ia..ea].iter().map(u8::to_ascii_lowercase).cmp(b[ib..eb].iter().map(u8::to_ascii_lowercase));
                    if order != Ordering::Equal {
                        return order;
                    }
                    (ia, ib) = (ea, eb);
                }
            },
        }
    }
}

// ---------------------------------------------------------------------------------------
// PEP 440

/// A value with a lowest and a highest extreme, for PEP 440's "missing" markers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Bound<T> {
    Lowest,
    Value(T),
    Highest,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum LocalPart {
    /// Alphanumeric parts sort before numeric ones.
    Text(String),
    Number(u64),
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Pep440Key {
    epoch: u64,
    release: Vec<u64>,
    pre: Bound<(u8, u64)>,
    post: Bound<u64>,
    dev: Bound<u64>,
    local: Bound<Vec<LocalPart>>,
}

/// Takes an optional separator (`.`, `-`, `_`), one of `words`, an optional separator and an
/// optional number (0 when missing). Returns the index of the word and the number.
fn pep440_labelled(s: &mut &str, words: &[&str]) -> Option<(usize, u64)> {
    let rest = s.strip_prefix(['.', '-', '_']).unwrap_or(s);
    // Longest word first, so that `alpha` is not taken as `a` followed by `lpha`.
    let (index, word) = words.iter().enumerate().filter(|(_, w)| rest.starts_with(**w)).max_by_key(|(_, w)| w.len())?;
    let rest = &rest[word.len()..];
    let after_sep = rest.strip_prefix(['.', '-', '_']).unwrap_or(rest);
    let digits = after_sep.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        *s = rest;
        return Some((index, 0));
    }
    let number = after_sep[..digits].parse().ok()?;
    *s = &after_sep[digits..];
    Some((index, number))
}

/// PEP 440's pre-release spellings and their phase (alpha, beta, release candidate).
const PEP440_PRE: [&str; 8] = ["a", "alpha", "b", "beta", "c", "rc", "pre", "preview"];
const PEP440_PRE_PHASE: [u8; 8] = [0, 0, 1, 1, 2, 2, 2, 2];

fn pep440_parse(text: &str) -> Option<Pep440Key> {
    let lower = text.trim().to_ascii_lowercase();
    let mut s = lower.strip_prefix('v').unwrap_or(&lower);
    let mut epoch = 0;
    if let Some((e, rest)) = s.split_once('!') {
        epoch = e.parse().ok()?;
        s = rest;
    }
    let (public, local) = match s.split_once('+') {
        Some((public, local)) => (public, Some(local)),
        None => (s, None),
    };
    s = public;
    let mut release = Vec::new();
    loop {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        release.push(s[..digits].parse().ok()?);
        s = &s[digits..];
        match s.strip_prefix('.') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => s = rest,
            _ => break,
        }
    }
    while release.len() > 1 && release.last() == Some(&0) {
        release.pop();
    }
    let pre = pep440_labelled(&mut s, &PEP440_PRE).map(|(i, n)| (PEP440_PRE_PHASE[i], n));
    let mut post = pep440_labelled(&mut s, &["post", "rev", "r"]).map(|(_, n)| n);
    if post.is_none()
        && let Some(rest) = s.strip_prefix('-')
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        post = Some(rest[..digits].parse().ok()?);
        s = &rest[digits..];
    }
    let dev = pep440_labelled(&mut s, &["dev"]).map(|(_, n)| n);
    if !s.is_empty() {
        return None;
    }
    let local = match local {
        None => Bound::Lowest,
        Some(local) => {
            let mut parts = Vec::new();
            for part in local.split(['.', '-', '_']) {
                if part.is_empty() || !part.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return None;
                }
                parts.push(part.parse().map_or_else(|_| LocalPart::Text(part.to_owned()), LocalPart::Number));
            }
            Bound::Value(parts)
        }
    };
    let pre = match (pre, post, dev) {
        (Some(p), _, _) => Bound::Value(p),
        // A development release of the final version comes before its pre-releases.
        (None, None, Some(_)) => Bound::Lowest,
        (None, _, _) => Bound::Highest,
    };
    Some(Pep440Key {
        epoch,
        release,
        pre,
        post: post.map_or(Bound::Lowest, Bound::Value),
        dev: dev.map_or(Bound::Highest, Bound::Value),
        local,
    })
}

fn pep440(a: &str, b: &str) -> Ordering {
    match (pep440_parse(a), pep440_parse(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => generic(a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    fn sign(o: Ordering) -> i8 {
        match o {
            Ordering::Less => -1,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        }
    }

    /// Checks each case in both directions.
    fn check(scheme: Scheme, cases: &[(&str, &str, i8)]) {
        for &(a, b, want) in cases {
            assert_eq!(sign(compare(scheme, a, b)), want, "{scheme}: {a} vs {b}");
            assert_eq!(sign(compare(scheme, b, a)), -want, "{scheme}: {b} vs {a} (reversed)");
        }
    }

    #[test]
    fn dpkg_policy_cases() {
        check(
            Scheme::Dpkg,
            &[
                ("1.0", "1.0", 0),
                ("1.0~rc1", "1.0", -1),
                ("1.0~rc1", "1.0~rc2", -1),
                ("1.0~~", "1.0~", -1),
                ("1.0~~a", "1.0~", -1),
                ("1.0~", "1.0", -1),
                ("1.0", "1.0a", -1),
                ("1.0a", "1.0+", -1),
                ("1.0+", "1.0.", -1),
                ("1.0.", "1.0.1", -1),
                ("1:0.1", "2.0", 1),
                ("0:1.0", "1.0", 0),
                ("00:1.0", "0:1.0", 0),
                ("1.0-1", "1.0-1.1", -1),
                ("1.0-1", "1.0-2", -1),
                ("1.0-10", "1.0-9", 1),
                ("1.0", "1.0-0", 0),
                ("1.0-1", "1.0", 1),
                ("1.0.0", "1.0", 1),
                ("1.00", "1.0", 0),
                ("1.002", "1.2", 0),
                ("2.6.32-5", "2.6.32-5+b1", -1),
                ("1.2.3-4ubuntu1", "1.2.3-4", 1),
                ("1.2.3-4ubuntu1", "1.2.3-4build1", 1),
                ("1.2.3+dfsg-1", "1.2.3-1", 1),
                ("7.4.052-1", "7.4.52-1", 0),
                ("1:2.30-1", "2:1.0-1", -1),
                ("a", "b", -1),
                ("~", "", -1),
                ("1.2-3-4", "1.2-3-5", -1),
                ("1.2-3-4", "1.2-4", 1),
                ("9999999999999999999999999999999", "10000000000000000000000000000000", -1),
                ("1.99999999999999999999999999999999", "1.99999999999999999999999999999998", 1),
                (" 1.0 ", "1.0", 0),
            ],
        );
    }

    #[test]
    fn rpmvercmp_cases() {
        // From rpm's own test suite (tests/rpmvercmp.at).
        let cases: &[(&str, &str, i8)] = &[
            ("1.0", "1.0", 0),
            ("1.0", "2.0", -1),
            ("2.0.1", "2.0", 1),
            ("2.0.1a", "2.0.1", 1),
            ("5.5p1", "5.5p2", -1),
            ("5.5p1", "5.5p10", -1),
            ("10xyz", "10.1xyz", -1),
            ("xyz10", "xyz10.1", -1),
            ("xyz.4", "8", -1),
            ("xyz.4", "2", -1),
            ("5.5p2", "5.6p1", -1),
            ("5.6p1", "6.5p1", -1),
            ("6.0.rc1", "6.0", 1),
            ("10b2", "10a1", 1),
            ("1.0a", "1.0aa", -1),
            ("10.0001", "10.1", 0),
            ("10.0001", "10.0039", -1),
            ("4.999.9", "5.0", -1),
            ("20101121", "20101122", -1),
            ("2_0", "2.0", 0),
            ("a+", "a_", 0),
            ("+a", "_a", 0),
            ("_+", "+_", 0),
            ("+", "_", 0),
            ("1.0~rc1", "1.0", -1),
            ("1.0~rc1", "1.0~rc2", -1),
            ("1.0~rc1~git123", "1.0~rc1", -1),
            ("1.0^", "1.0", 1),
            ("1.0^git1", "1.0", 1),
            ("1.0^git1", "1.0^git2", -1),
            ("1.0^git1", "1.01", -1),
            ("1.0^20160101", "1.0.1", -1),
            ("1.0^20160102", "1.0^20160101^git1", 1),
            ("1.0~rc1^git1", "1.0~rc1", 1),
            ("1.0^git1~pre", "1.0^git1", -1),
        ];
        for &(a, b, want) in cases {
            assert_eq!(sign(rpmvercmp(a, b)), want, "{a} vs {b}");
            assert_eq!(sign(rpmvercmp(b, a)), -want, "{b} vs {a}");
        }
        // Through the EVR layer, as `rpm.vercmp()` answers (checked on rpm 4.18).
        check(
            Scheme::Rpm,
            &[
                ("1:1.0-1", "2.0-1", 1),
                ("0:1.0", "1.0", 0),
                (":1", "0:1", 0),
                ("1.0", "1.0-1", -1),
                ("1.0-", "1.0", 1),
                ("1.0-", "1.0-0", -1),
                ("1.0--1", "1.0-1", 0),
                ("-1", "0", -1),
                ("a:1.0", "1.0", -1),
                ("1:2:3", "1:2", 1),
                ("2.0~rc1-1", "2.0-1", -1),
                ("1.2.3-4.fc40", "1.2.3-4.fc41", -1),
                ("1.2.3-4.el9", "1.2.3-4.el9_1", -1),
            ],
        );
    }

    #[test]
    fn pacman_cases() {
        // From pacman's vercmp tests (test/util/vercmptest.sh).
        check(
            Scheme::Pacman,
            &[
                ("1.5.0", "1.5.0", 0),
                ("1.5.1", "1.5.0", 1),
                ("1.5.1", "1.5", 1),
                ("1.5.0-1", "1.5.0-2", -1),
                ("1.5.0-2", "1.5.1-1", -1),
                ("1.5-1", "1.5.1-1", -1),
                ("1.5", "1.5-1", 0),
                ("1.1-1", "1.1", 0),
                ("1.0-1", "1.1", -1),
                ("1.5b-1", "1.5-1", -1),
                ("1.5b", "1.5", -1),
                ("1.5b", "1.5.1", -1),
                ("1.0a", "1.0alpha", -1),
                ("1.0alpha", "1.0b", -1),
                ("1.0b", "1.0beta", -1),
                ("1.0beta", "1.0rc", -1),
                ("1.0rc", "1.0", -1),
                ("1.5.a", "1.5", 1),
                ("1.5.b", "1.5.a", 1),
                ("1.5.1", "1.5.b", 1),
                ("1.5.b-1", "1.5.b", 0),
                ("1.5-1", "1.5.b", -1),
                ("2.0", "2_0", 0),
                ("2.0_a", "2_0.a", 0),
                ("2.0a", "2.0.a", -1),
                ("2___a", "2_a", 1),
                ("0:1.0", "0:1.1", -1),
                ("1:1.0", "0:1.1", 1),
                ("1:1.0", "2:1.1", -1),
                ("1:1.0", "0:1.0-1", 1),
                ("0:1.0", "1.0", 0),
                ("1:1.0", "1.1", 1),
                ("1.0~rc1", "1.0", 1),
            ],
        );
    }

    #[test]
    fn apk_cases() {
        // Cases in the spirit of apk-tools' test/version.data, plus the 3.x additions
        // (commit hashes).
        check(
            Scheme::Apk,
            &[
                ("2.34", "0.1.0_alpha", 1),
                ("23_foo", "4_beta", 1),
                ("1.0", "1.0bc", -1),
                ("0.1.0_alpha", "0.1.0_alpha", 0),
                ("0.1.0_alpha2", "0.1.0_alpha", 1),
                ("1.0.4-r3", "1.0.4-r4", -1),
                ("1.1", "1.1_alpha1", 1),
                ("1.2.1", "1.2", 1),
                ("1.3_alpha2", "1.3_alpha3", -1),
                ("0.8_beta4", "0.8_rc1", -1),
                ("3.1_p16", "3.1_p17", -1),
                ("1.06-r6", "006", -1),
                ("1.2.2-r1", "1.2.2", 1),
                ("2.5.1-r8", "2.5.1a-r1", -1),
                ("1.02", "1.1", -1),
                ("1.2.07.8", "1.2.12.04", -1),
                ("3.0.20060720", "20060720", -1),
                ("1.1", "1.1", 0),
                ("0.1.0_alpha_pre2", "0.1.0_alpha", -1),
                ("1.0_p10-r0", "1.0_p9-r0", 1),
                ("1.3_pre1-r1", "1.3.2", -1),
                ("1.0_rc1", "1.0", -1),
                ("1.0", "1.0_p1", -1),
                ("1.0_cvs", "1.0_git", -1),
                ("1.0", "1.0_hg", -1),
                ("1.0a", "1.0", 1),
                ("1.0a", "1.0b", -1),
                ("1.0-r0", "1.0", 1),
                ("1.0~abc1-r0", "1.0-r0", 1),
                ("1.0~abc1", "1.0~abc2", -1),
                ("1.0.0_pre20191002222144-r0", "1.0.0_pre20210530193627-r0", -1),
                ("99999999999999999999999", "99999999999999999999998", 1),
            ],
        );
        for ok in ["1.0", "1.0a", "1.0_rc1-r2", "1.0_alpha_pre2", "2.0~cafe-r1", "0"] {
            assert!(valid(Scheme::Apk, ok), "{ok}");
        }
        for bad in ["", "a1", "1.0bc", "1.0_foo", "1.0-1", "1..0", "1.0~", "1.0 "] {
            assert!(!valid(Scheme::Apk, bad), "{bad}");
        }
    }

    #[test]
    fn semver_cases() {
        check(
            Scheme::Semver,
            &[
                ("1.0.0", "2.0.0", -1),
                ("2.0.0", "2.1.0", -1),
                ("2.1.0", "2.1.1", -1),
                ("1.0.0-alpha", "1.0.0", -1),
                // The precedence chain of semver.org, item 11.
                ("1.0.0-alpha", "1.0.0-alpha.1", -1),
                ("1.0.0-alpha.1", "1.0.0-alpha.beta", -1),
                ("1.0.0-alpha.beta", "1.0.0-beta", -1),
                ("1.0.0-beta", "1.0.0-beta.2", -1),
                ("1.0.0-beta.2", "1.0.0-beta.11", -1),
                ("1.0.0-beta.11", "1.0.0-rc.1", -1),
                ("1.0.0-rc.1", "1.0.0", -1),
                ("1.0.0+build.1", "1.0.0+build.2", 0),
                ("v1.2.3", "1.2.3", 0),
                ("1.2", "1.2.0", 0),
                ("1.10.0", "1.9.0", 1),
                // Not semver: the generic comparison.
                ("1.2.3.4", "1.2.3.10", -1),
                ("2024.01.15", "2024.1.16", -1),
                ("1.0-beta_2", "1.0", -1),
                ("1.0b", "1.0", -1),
                ("1.0.1.0", "1.0.1", 1),
                ("r1234", "r999", 1),
                ("5.0.2.1", "5.0.2", 1),
                ("1:1.0", "1:1.0", 0),
            ],
        );
    }

    #[test]
    fn pep440_cases() {
        check(
            Scheme::Pep440,
            &[
                ("1.0", "1.0.0", 0),
                ("1.0.dev1", "1.0a1", -1),
                ("1.0a1", "1.0a2", -1),
                ("1.0a2", "1.0b1", -1),
                ("1.0b1", "1.0rc1", -1),
                ("1.0rc1", "1.0c2", -1),
                ("1.0rc1", "1.0", -1),
                ("1.0", "1.0.post1", -1),
                ("1.0.post1.dev1", "1.0.post1", -1),
                ("1.0.post1", "1.0.post2", -1),
                ("1.0a1.dev1", "1.0a1", -1),
                ("1.0a1", "1.0a1.post1", -1),
                ("1.0", "1.0+local", -1),
                ("1.0+abc", "1.0+1", -1),
                ("1.0+1", "1.0+2", -1),
                ("1!0.1", "2.0", 1),
                ("1.0-1", "1.0.post1", 0),
                ("1.0alpha1", "1.0a1", 0),
                ("1.0-RC1", "1.0rc1", 0),
                ("v2.0", "2.0", 0),
                ("2.10", "2.9", 1),
                ("1.0.dev0", "1.0.dev1", -1),
                ("23.0", "22.3.1", 1),
                // Not PEP 440: generic.
                ("1.0-foo", "1.0", -1),
            ],
        );
    }

    #[test]
    fn validity() {
        for (scheme, ok) in [
            (Scheme::Dpkg, "1:2.3-4"),
            (Scheme::Dpkg, "2.3"),
            (Scheme::Dpkg, "1.0~rc1+dfsg-1"),
            (Scheme::Rpm, "2:1.0^git1-3.fc40"),
            (Scheme::Pacman, "1:6.1.1-1"),
            (Scheme::Semver, "1.2.3-rc.1"),
            (Scheme::Pep440, "2.0.post1"),
        ] {
            assert!(valid(scheme, ok), "{scheme} {ok}");
        }
        for (scheme, bad) in [
            (Scheme::Dpkg, ""),
            (Scheme::Dpkg, "1 .0"),
            (Scheme::Dpkg, "a:1.0"),
            (Scheme::Dpkg, ":1.0"),
            (Scheme::Dpkg, "1:"),
            (Scheme::Dpkg, "1.0-"),
            (Scheme::Dpkg, "-1"),
            (Scheme::Rpm, "1.0\n"),
            (Scheme::Semver, "latest"),
            (Scheme::Pep440, ""),
        ] {
            assert!(!valid(scheme, bad), "{scheme} {bad:?}");
        }
        assert_eq!(Scheme::parse("DPKG"), Some(Scheme::Dpkg));
        assert_eq!(Scheme::parse("nope"), None);
    }

    /// A small deterministic PRNG (xorshift64*), so the property tests need no crate and
    /// fail the same way every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick(&mut self, alphabet: &[u8]) -> char {
            char::from(alphabet[self.below(alphabet.len())])
        }

        fn string(&mut self, first: &[u8], rest: &[u8], max: usize) -> String {
            let mut s = String::from(self.pick(first));
            for _ in 0..self.below(max) {
                s.push(self.pick(rest));
            }
            s
        }
    }

    /// A random valid Debian version: optional epoch, upstream starting with a digit (with
    /// `:` only under an epoch and `-` only with a revision), optional revision.
    fn random_dpkg(rng: &mut Rng) -> String {
        const DIGITS: &[u8] = b"0123456789";
        const UPSTREAM: &[u8] = b"0123456789000111abzAZ..++~~";
        let epoch = rng.below(4) == 0;
        let revision = rng.below(2) == 0;
        let mut upstream_chars = UPSTREAM.to_vec();
        if epoch {
            upstream_chars.push(b':');
        }
        if revision {
            upstream_chars.push(b'-');
        }
        let mut v = String::new();
        if epoch {
            v.push_str(&rng.string(DIGITS, DIGITS, 2));
            v.push(':');
        }
        v.push_str(&rng.string(DIGITS, &upstream_chars, 8));
        if revision {
            v.push('-');
            v.push_str(&rng.string(b"0123456789abz~+.", b"0123456789abz~+.", 4));
        }
        v
    }

    /// A variant of `v` that often compares equal or nearly so, to exercise ties.
    fn mutate(rng: &mut Rng, v: &str, fresh: impl FnOnce(&mut Rng) -> String) -> String {
        match rng.below(6) {
            0 => v.to_owned(),
            1 => format!("{v}~"),
            2 => format!("{v}0"),
            3 => v.replacen('.', ".0", 1),
            4 => format!("{v}a"),
            _ => fresh(rng),
        }
    }

    fn run_batch(program: &str, args: &[&str], stdin: &str) -> Option<String> {
        let mut child = match Command::new(program).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn() {
            Ok(child) => child,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => panic!("{program}: {e}"),
        };
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{program} failed");
        Some(String::from_utf8(out.stdout).unwrap())
    }

    fn have(program: &str) -> bool {
        Command::new(program).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok()
    }

    #[test]
    fn dpkg_matches_dpkg_compare_versions() {
        if !have("dpkg") {
            eprintln!("SKIPPED dpkg_matches_dpkg_compare_versions: no dpkg on this machine");
            return;
        }
        let mut rng = Rng(0x5EED_D9C6);
        let mut pairs = Vec::new();
        while pairs.len() < 600 {
            let a = random_dpkg(&mut rng);
            let b = mutate(&mut rng, &a, random_dpkg);
            if valid(Scheme::Dpkg, &a) && valid(Scheme::Dpkg, &b) {
                pairs.push((a, b));
            }
        }
        let input = pairs.iter().fold(String::new(), |mut s, (a, b)| {
            let _ = writeln!(s, "{a} {b}");
            s
        });
        let script = r#"while read -r a b; do
            if dpkg --compare-versions "$a" lt "$b" 2>/dev/null; then echo '<'
            elif dpkg --compare-versions "$a" eq "$b" 2>/dev/null; then echo '='
            else echo '>'; fi
        done"#;
        let out = run_batch("sh", &["-c", script], &input).expect("sh");
        let answers: Vec<&str> = out.lines().collect();
        assert_eq!(answers.len(), pairs.len());
        let mut seen = [0; 3];
        for ((a, b), answer) in pairs.iter().zip(answers) {
            let want = match answer {
                "<" => Ordering::Less,
                "=" => Ordering::Equal,
                _ => Ordering::Greater,
            };
            seen[usize::try_from(sign(want) + 1).unwrap()] += 1;
            assert_eq!(compare(Scheme::Dpkg, a, b), want, "dpkg --compare-versions '{a}' vs '{b}'");
        }
        // The generator must exercise all three answers.
        eprintln!("dpkg --compare-versions agreed on {} pairs (<, =, >: {seen:?})", pairs.len());
        assert!(seen.iter().all(|&n| n > 30), "{seen:?}");
    }

    /// A random rpm EVR: optional epoch, version from rpm's interesting characters, optional
    /// release.
    fn random_rpm(rng: &mut Rng) -> String {
        const DIGITS: &[u8] = b"0123456789";
        const PART: &[u8] = b"0123456789001abzAZ..._+~~^^";
        let mut v = String::new();
        if rng.below(4) == 0 {
            v.push_str(&rng.string(DIGITS, DIGITS, 2));
            v.push(':');
        }
        v.push_str(&rng.string(PART, PART, 8));
        if rng.below(2) == 0 {
            v.push('-');
            v.push_str(&rng.string(PART, PART, 4));
        }
        v
    }

    #[test]
    fn rpm_matches_rpm_vercmp() {
        if !have("rpm") {
            eprintln!("SKIPPED rpm_matches_rpm_vercmp: no rpm on this machine");
            return;
        }
        let mut rng = Rng(0x00DD_BA11);
        let mut pairs = Vec::new();
        while pairs.len() < 1000 {
            let a = random_rpm(&mut rng);
            let b = mutate(&mut rng, &a, random_rpm);
            pairs.push((a, b));
        }
        // One rpm process: a Lua script that prints one answer per line.
        let mut script = String::from("local pairs = {\n");
        for (a, b) in &pairs {
            let _ = writeln!(script, "{{[[{a}]], [[{b}]]}},");
        }
        script.push_str("}\nfor _, p in ipairs(pairs) do print(rpm.vercmp(p[1], p[2]) .. \"\\n\") end\n");
        let dir = crate::inventory::testutil::TempDir::new("rpmvercmp");
        let path = dir.path().join("pairs.lua");
        std::fs::write(&path, script).unwrap();
        let eval = format!("%{{lua: dofile([[{}]])}}", path.display());
        let out = run_batch("rpm", &["--eval", &eval], "").expect("rpm");
        let answers: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(answers.len(), pairs.len(), "rpm printed {out}");
        let mut seen = [0; 3];
        for ((a, b), answer) in pairs.iter().zip(answers) {
            let want: i8 = answer.trim().parse().unwrap();
            seen[usize::try_from(want + 1).unwrap()] += 1;
            assert_eq!(sign(compare(Scheme::Rpm, a, b)), want, "rpm.vercmp('{a}', '{b}')");
        }
        eprintln!("rpm.vercmp agreed on {} pairs (<, =, >: {seen:?})", pairs.len());
        assert!(seen.iter().all(|&n| n > 50), "{seen:?}");
    }
}
