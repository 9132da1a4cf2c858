//! Small parsers shared by several commands: durations and port lists.

use crate::error::{CommandError, Result};
use std::time::Duration;

/// Parses a duration such as `1s`, `250ms`, `1.5` (seconds) or `2m`.
pub fn parse_duration(text: &str) -> Result<Duration> {
    let t = text.trim();
    let bad = || {
        CommandError::usage(format!("'{text}' is not a duration"))
            .with_hint("write a number with a unit: 500ms, 2s, 1.5s, 1m, 1h (a bare number means seconds)")
    };
    let (number, scale) = if let Some(n) = t.strip_suffix("ms") {
        (n, 0.001)
    } else if let Some(n) = t.strip_suffix('s') {
        (n, 1.0)
    } else if let Some(n) = t.strip_suffix('m') {
        (n, 60.0)
    } else if let Some(n) = t.strip_suffix('h') {
        (n, 3600.0)
    } else {
        (t, 1.0)
    };
    let value: f64 = number.trim().parse().map_err(|_| bad())?;
    if !value.is_finite() || value < 0.0 {
        return Err(bad());
    }
    if value * scale > 86_400.0 {
        return Err(CommandError::usage(format!("'{text}' is longer than a day")).with_hint("a duration is at most 24h"));
    }
    Ok(Duration::from_secs_f64(value * scale))
}

/// Parses a port list: `22`, `22,80,443`, `1-1024`, `22,8000-8100`. Keeps the order given,
/// drops duplicates.
pub fn parse_ports(text: &str) -> Result<Vec<u16>> {
    let mut ports = Vec::new();
    let mut seen = vec![false; 65536];
    for part in text.split(',').map(str::trim) {
        if part.is_empty() {
            return Err(CommandError::usage(format!("empty entry in port list '{text}'"))
                .with_hint("separate ports with commas: -p 22,80,443 or a range -p 1-1024"));
        }
        let (lo, hi) = if let Some((a, b)) = part.split_once('-') {
            (parse_port(a, text)?, parse_port(b, text)?)
        } else {
            let p = parse_port(part, text)?;
            (p, p)
        };
        if lo > hi {
            return Err(
                CommandError::usage(format!("port range '{part}' runs backwards")).with_hint(format!("write it low to high: {hi}-{lo}"))
            );
        }
        for p in lo..=hi {
            if !seen[usize::from(p)] {
                seen[usize::from(p)] = true;
                ports.push(p);
            }
        }
    }
    Ok(ports)
}

/// Parses one port number, 1..=65535.
pub fn parse_port(text: &str, whole: &str) -> Result<u16> {
    let t = text.trim();
    match t.parse::<u32>() {
        Ok(p) if (1..=65535).contains(&p) => Ok(p as u16),
        Ok(_) => Err(CommandError::usage(format!("port {t} is out of range in '{whole}'")).with_hint("ports run from 1 to 65535")),
        Err(_) => Err(CommandError::usage(format!("'{t}' is not a port number in '{whole}'"))
            .with_hint("ports are numbers from 1 to 65535: -p 22,80,443 or -p 1-1024")),
    }
}

/// Removes control characters from text that came from the network (certificate
/// subjects, TXT records) before it can reach a terminal.
pub fn sanitize(text: &str) -> String {
    text.chars().map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c }).collect()
}

/// Like [`sanitize`], but keeps line breaks (multi-line table cells).
pub fn sanitize_keep_newlines(text: &str) -> String {
    // One pass (a table of 10,000 rows cleans 50,000 cells).
    text.chars().map(|c| if c != '\n' && is_unsafe(c) { '\u{FFFD}' } else { c }).collect()
}

/// Control characters, and the invisible ones that reorder or hide text (bidi overrides,
/// zero-width characters, the byte-order mark).
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_stay_and_nothing_else_that_controls_a_terminal() {
        for text in ["", "a", "a\nb", "\n", "a\r\nb\x1b[31mred\u{202E}x\n", "\u{200B}\n\n\t", "tab\there\u{7}"] {
            let line_by_line = text.split('\n').map(sanitize).collect::<Vec<_>>().join("\n");
            assert_eq!(sanitize_keep_newlines(text), line_by_line, "{text:?}");
        }
        assert_eq!(sanitize_keep_newlines("a\x1b[2Jb\nc"), "a\u{FFFD}[2Jb\nc");
    }

    #[test]
    fn durations() {
        let cases: [(&str, Option<u128>); 8] = [
            ("1s", Some(1000)),
            ("250ms", Some(250)),
            ("1.5", Some(1500)),
            ("2m", Some(120_000)),
            ("-1", None),
            ("abc", None),
            ("", None),
            ("1e9", None),
        ];
        for (text, want) in cases {
            let got = parse_duration(text).ok().map(|d| d.as_millis());
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn ports() {
        assert_eq!(parse_ports("22,80,443").unwrap(), vec![22, 80, 443]);
        assert_eq!(parse_ports("1-3,2").unwrap(), vec![1, 2, 3]);
        assert_eq!(parse_ports("1-65535").unwrap().len(), 65535);
        for bad in ["0", "70000", "a", "5-1", "1,,2", "", "-5"] {
            let err = parse_ports(bad).unwrap_err();
            assert_eq!(err.kind, crate::ErrorKind::Usage, "{bad}");
            assert!(err.hint.is_some(), "{bad}");
        }
    }

    #[test]
    fn sanitize_strips_controls() {
        assert_eq!(sanitize("a\x1b[31mb\n"), "a\u{FFFD}[31mb\u{FFFD}");
        assert_eq!(sanitize("x\u{202E}y\u{200B}z"), "x\u{FFFD}y\u{FFFD}z");
    }
}

/// Formats seconds since the Unix epoch as an RFC 3339 UTC time.
pub fn rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod time_tests {
    #[test]
    fn rfc3339() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(1_795_420_800), "2026-11-23T08:00:00Z");
        assert_eq!(super::rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses an LDAP GeneralizedTime (`20261123065012Z`, `20261123065012.123456Z`,
/// `202611230650Z`, `20261123065012+0100`) into seconds since the Unix epoch.
pub fn parse_generalized_time(text: &str) -> Option<i64> {
    let text = text.trim();
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 10 || !digits.len().is_multiple_of(2) || digits.len() > 14 {
        return None;
    }
    let num = |a: usize, b: usize| digits.get(a..b).and_then(|s| s.parse::<i64>().ok());
    let (year, month, day, hour) = (num(0, 4)?, num(4, 6)?, num(6, 8)?, num(8, 10)?);
    let minute = num(10, 12).unwrap_or(0);
    let second = num(12, 14).unwrap_or(0);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &text[digits.len()..];
    if let Some(frac) = rest.strip_prefix(['.', ',']) {
        rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset = match rest {
        "Z" | "" => 0,
        r if (r.starts_with('+') || r.starts_with('-')) && r.len() == 5 => {
            let sign = if r.starts_with('-') { -1 } else { 1 };
            // By `get`: the five bytes may split a character (found by fuzzing).
            let hh: i64 = r.get(1..3)?.parse().ok()?;
            let mm: i64 = r.get(3..5)?.parse().ok()?;
            sign * (hh * 3600 + mm * 60)
        }
        _ => return None,
    };
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// Seconds since the Unix epoch, now.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod generalized_time_tests {
    use super::*;

    #[test]
    fn generalized_times() {
        assert_eq!(parse_generalized_time("19700101000000Z"), Some(0));
        assert_eq!(parse_generalized_time("20261123080000Z"), Some(1_795_420_800));
        assert_eq!(parse_generalized_time("20261123080000.536338Z"), Some(1_795_420_800));
        assert_eq!(parse_generalized_time("202611230800Z"), Some(1_795_420_800));
        assert_eq!(parse_generalized_time("20261123090000+0100"), Some(1_795_420_800));
        assert!(parse_generalized_time("000001010000Z").is_some_and(|t| t < 0));
        // The last ones were panics (a byte index inside a character), found by the
        // ldap_values fuzz target.
        for bad in ["", "2026", "20261323080000Z", "20261123080000X", "abc", "20261123090000+0\u{46c}0", "2026120409+0\u{46c}s"] {
            assert_eq!(parse_generalized_time(bad), None, "{bad}");
        }
        assert_eq!(rfc3339(parse_generalized_time("20000229123456Z").unwrap()), "2000-02-29T12:34:56Z");
        assert_eq!(parse_end_date("2027-01-31").map(|t| t.map(rfc3339)), Ok(Some("2027-01-31T00:00:00Z".into())));
        assert_eq!(parse_end_date("2027-01-31T17:30:00Z").map(|t| t.map(rfc3339)), Ok(Some("2027-01-31T17:30:00Z".into())));
        assert_eq!(parse_end_date("Never"), Ok(None));
        for bad in [
            "2027-02-30",
            "2027-13-01",
            "31/01/2027",
            "tomorrow",
            "",
            "2027-01-31T17:30:00+01:00",
            "2027-1-31",
            "2027-01-3é1T00:00:00Z",
            "é",
        ] {
            assert!(parse_end_date(bad).is_err(), "{bad}");
        }
    }
}

/// Parses the RFC 3339 UTC times this crate writes (`2026-11-23T08:00:00Z`).
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let compact: String = text.chars().filter(char::is_ascii_digit).collect();
    if compact.len() != 14 || !text.ends_with('Z') {
        return None;
    }
    parse_generalized_time(&format!("{compact}Z"))
}

/// The `--on` of `account expire`: `never`, a date (`2027-01-31`: the account stops at
/// 00:00 UTC that day) or an RFC 3339 UTC time (`2027-01-31T17:00:00Z`). A day that
/// does not exist (`2027-02-30`) is refused, not moved into the next month.
pub fn parse_end_date(text: &str) -> std::result::Result<Option<i64>, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("never") {
        return Ok(None);
    }
    let b = text.as_bytes();
    let t = if b.len() == 10 && b[4] == b'-' && b[7] == b'-' { parse_rfc3339(&format!("{text}T00:00:00Z")) } else { parse_rfc3339(text) };
    match t {
        Some(t) if text.get(..10).is_some_and(|day| rfc3339(t).starts_with(day)) => Ok(Some(t)),
        _ => Err(format!("'{}' is not a date: give YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or never", sanitize(text))),
    }
}

/// A YAML parse error (serde-saphyr) as one message naming the file: serde-saphyr says
/// "error: line L column C: ..." and draws the line with a caret under
/// "--> <input>:L:C"; this puts the file in place of `<input>`. `what` says what kind
/// of file it is ("config file", "baseline", "template").
pub fn yaml_error(what: &str, file: &str, e: &impl std::fmt::Display) -> String {
    let detail = e.to_string().replace("<input>", file);
    let detail = detail.trim_end();
    format!("{what} {file}, {}", detail.strip_prefix("error: ").unwrap_or(detail))
}

/// A new file with `mode`, never an existing one (nor one a symlink points at): the one
/// rule for everything deskhand writes (passwords, undo records, snapshots).
pub fn open_new(path: &std::path::Path, mode: u32) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new().write(true).create_new(true).mode(mode).open(path)
}

/// [`open_new`], with the error said for people: `what` names the file ("the password
/// file", "snapshot").
pub fn create_new(path: &std::path::Path, mode: u32, what: &str) -> Result<std::fs::File> {
    open_new(path, mode).map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::AlreadyExists {
            "deskhand never overwrites a file: give a new path"
        } else {
            "choose a path in a directory you can write"
        };
        CommandError::usage(format!("cannot create {what} {}: {e}", path.display())).with_hint(hint)
    })
}

/// One line of `text` with a caret under `col` (1-based), for error messages.
pub fn snippet(text: &str, line: u64, col: u64) -> String {
    let Some(src) = text.lines().nth(line.saturating_sub(1) as usize) else { return String::new() };
    let width = line.to_string().len();
    let pad = " ".repeat(width);
    let caret = " ".repeat(col.saturating_sub(1) as usize);
    format!("{pad} |\n{line} | {src}\n{pad} | {caret}^")
}

/// Sizes for people: "5.0 GiB".
pub fn human_bytes(b: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = b as f64;
    let mut i = 0;
    while v >= 1024.0 && i < UNITS.len() - 1 {
        v /= 1024.0;
        i += 1;
    }
    if i == 0 { format!("{b} B") } else { format!("{v:.1} {}", UNITS[i]) }
}

/// `*` and `?` globbing, ASCII case-insensitive.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.to_ascii_lowercase().chars().collect();
    let n: Vec<char> = name.to_ascii_lowercase().chars().collect();
    let (mut pi, mut ni, mut star, mut mark) = (0, 0, None, 0);
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ni;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ni = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}
