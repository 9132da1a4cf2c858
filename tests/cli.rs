//! The command line itself: help, version, exit codes, errors, config, completions.

use crate::util::{deskhand, run, run_cmd};

#[test]
fn help_documents_exit_codes_and_commands() {
    let r = run(&["--help"]);
    r.expect_code(0);
    for needle in [
        "account",
        "net",
        "inventory",
        "runbook",
        "generate",
        "--output",
        "--color",
        "--quiet",
        "--config",
        "--timeout",
        "Exit codes:",
        "130",
    ] {
        assert!(r.stdout.contains(needle), "--help lacks {needle}:\n{}", r.stdout);
    }
    assert!(run(&["--version"]).expect_code(0).stdout.starts_with("deskhand "));
}

/// Every command a user can reach, as `--help` lists them: `["account", "group", "add"]`...
fn verbs(path: &mut Vec<String>, out: &mut Vec<String>) {
    let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
    args.push("--help");
    let help = run(&args).expect_code(0).stdout.clone();
    let subs: Vec<String> = help
        .lines()
        .skip_while(|l| l.trim() != "Commands:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // A name stands two spaces in; a wrapped description further.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .filter(|name| name != "help")
        .collect();
    if subs.is_empty() {
        out.push(path.join(" "));
    }
    for name in subs {
        path.push(name);
        verbs(path, out);
        path.pop();
    }
}

/// The README's command tables name every command of the CLI (the worst drift of help
/// and documentation: a verb nobody can find), and the tables name no command that is
/// gone.
#[test]
fn every_command_is_in_the_readme_tables() {
    let mut all = Vec::new();
    verbs(&mut Vec::new(), &mut all);
    assert!(all.len() > 30 && all.contains(&"account group add".to_string()), "{all:?}");
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table_lines: Vec<&str> = readme.lines().filter(|l| l.starts_with('|')).collect();
    let missing: Vec<&String> = all
        .iter()
        .filter(|verb| !table_lines.iter().any(|l| l.contains(&format!("`{verb} ")) || l.contains(&format!("`{verb}`"))))
        .collect();
    assert!(missing.is_empty(), "commands no README table names (a row starting `COMMAND ...`): {missing:?}");
    // Each table row that starts with a command names one that exists.
    for line in &table_lines {
        let Some(first) = line.trim_start_matches('|').trim().strip_prefix('`') else { continue };
        let words: Vec<&str> = first.split(['`', ' ']).take_while(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-')).collect();
        let top = ["account", "net", "inventory", "runbook", "fleet", "generate"];
        if words.len() < 2 || !top.contains(&words[0]) {
            continue;
        }
        assert!(all.iter().any(|v| v.starts_with(&words[..2].join(" "))), "README names a command that is not there: {line}");
    }
}

#[test]
fn usage_errors_exit_2_with_a_hint() {
    let cases: &[&[&str]] = &[
        &["net", "ping", "10.0.0.0/33"],
        &["net", "ping", "127.0.0.1-127.0.0.0"],
        &["net", "ping", "not_a host"],
        &["net", "dns", "lab.test", "--type", "BOGUS", "-s", "127.0.0.1"],
        &["net", "port", "127.0.0.1", "-p", "0"],
        &["net", "port", "127.0.0.1:70000"],
        &["net", "port", "127.0.0.1", "-p", "10-1"],
        &["--timeout", "soon", "net", "ping", "127.0.0.1"],
    ];
    for args in cases {
        let r = run(args);
        r.expect_code(2);
        assert!(r.stderr.contains("error:"), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("hint:"), "{args:?} gives no hint: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{args:?} panicked");
        assert!(r.stdout.is_empty(), "{args:?} wrote to stdout");
    }
    // clap's own errors are usage errors too.
    run(&["net", "ping"]).expect_code(2);
    run(&["net", "frobnicate"]).expect_code(2);
}

/// One rule for a name that does not resolve, in every `net` command: the check says no
/// (exit 1), the report names it, and the other targets are still checked. Only a
/// target that is not a host name at all is a usage error.
#[test]
fn a_name_that_does_not_resolve_is_a_failed_check_everywhere() {
    let bad = "no-such-host.invalid";
    for args in [
        vec!["net", "ping", bad],
        vec!["net", "port", "127.0.0.1:1", &format!("{bad}:22")],
        vec!["net", "check", bad],
        vec!["net", "dns", bad],
    ] {
        let r = run(&args);
        r.expect_code(1);
        assert!(r.stdout.contains(bad), "{args:?} does not name it:\n{}", r.stdout);
    }
    let ping = run(&["-o", "json", "net", "ping", bad, "-c", "1"]);
    ping.expect_code(1);
    let j = ping.json();
    assert_eq!(j["data"]["unresolved"][0]["name"], bad, "{j}");
    assert!(j["data"]["unresolved"][0]["reason"].as_str().unwrap().starts_with("does not resolve"), "{j}");
    assert_eq!(j["data"]["summary"]["unresolved"], 1);
    assert_eq!(j["data"]["summary"]["targets"], 1);
    let port = run(&["-o", "json", "net", "port", "127.0.0.1:1", &format!("{bad}:22")]);
    port.expect_code(1);
    let j = port.json();
    assert_eq!(j["data"]["unresolved"][0]["name"], bad, "{j}");
    assert_eq!(j["data"]["hosts"][0]["ports"][0]["state"], "closed", "the other target is still checked: {j}");
    // --open: an open port elsewhere does not hide the name.
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let open = format!("127.0.0.1:{}", l.local_addr().unwrap().port());
    run(&["net", "port", "--open", &open, &format!("{bad}:22")]).expect_code(1);
    run(&["net", "port", "--open", &open]).expect_code(0);
    let check = run(&["-o", "json", "net", "check", bad]).json();
    assert_eq!(check["data"]["verdict"]["failed_layer"], "dns", "{check}");
    // Not a host name at all: usage.
    run(&["net", "ping", "not_a host"]).expect_code(2);
    run(&["net", "port", "bad..name:22"]).expect_code(2);
}

#[test]
fn empty_target_file_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "# nothing here\n\n").unwrap();
    let r = run(&["net", "ping", "-f", empty.to_str().unwrap()]);
    r.expect_code(2);
    assert!(r.stderr.contains("lists no targets"), "{}", r.stderr);
    run(&["net", "ping", "-f", dir.path().join("missing.txt").to_str().unwrap()]).expect_code(2);
}

#[test]
fn json_errors_are_json_on_stderr() {
    let r = run(&["--output", "json", "net", "port", "127.0.0.1", "-p", "70000"]);
    r.expect_code(2);
    assert!(r.stdout.is_empty());
    let e = r.json_error();
    assert_eq!(e["schema"], "deskhand.error.v1");
    assert_eq!(e["error"]["kind"], "usage");
    assert_eq!(e["error"]["exit_code"], 2);
    assert!(e["error"]["hint"].is_string());
    // Even clap's parse errors.
    let r = run(&["-o", "json", "net", "ping", "--bogus-flag"]);
    r.expect_code(2);
    assert_eq!(r.json_error()["error"]["kind"], "usage");
}

#[test]
fn config_file_layers_under_flags_and_env() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yaml");
    std::fs::write(&cfg, "output: json\n").unwrap();
    // The config chooses JSON...
    let r = run_cmd(deskhand().args(["--config", cfg.to_str().unwrap(), "net", "ping", "127.0.0.1", "-c", "1"]));
    r.expect_code(0);
    assert_eq!(r.json()["schema"], "deskhand.net.ping.v1");
    // ...the environment overrides the config...
    let r =
        run_cmd(deskhand().env("DESKHAND_OUTPUT", "markdown").env("DESKHAND_CONFIG", &cfg).args(["net", "ping", "127.0.0.1", "-c", "1"]));
    assert!(r.stdout.starts_with("### Ping"), "{}", r.stdout);
    // ...and the flag overrides both.
    let r = run_cmd(deskhand().env("DESKHAND_OUTPUT", "markdown").env("DESKHAND_CONFIG", &cfg).args([
        "-o",
        "table",
        "net",
        "ping",
        "127.0.0.1",
        "-c",
        "1",
    ]));
    assert!(r.stdout.contains("127.0.0.1") && !r.stdout.starts_with('{') && !r.stdout.starts_with("###"), "{}", r.stdout);
    // The XDG location is read by default.
    let xdg = dir.path().join("xdg");
    std::fs::create_dir_all(xdg.join("deskhand")).unwrap();
    std::fs::write(xdg.join("deskhand/config.yaml"), "output: json\n").unwrap();
    let r = run_cmd(deskhand().env("XDG_CONFIG_HOME", &xdg).args(["net", "ping", "127.0.0.1", "-c", "1"]));
    assert_eq!(r.json()["ok"], true);
}

#[test]
fn config_errors_point_at_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yaml");
    std::fs::write(&cfg, "output: table\nnet:\n  ping_rat: 10\n").unwrap();
    let r = run(&["--config", cfg.to_str().unwrap(), "net", "ping", "127.0.0.1"]);
    r.expect_code(2);
    assert!(r.stderr.contains("config.yaml") && r.stderr.contains("line 3"), "{}", r.stderr);
    assert!(r.stderr.contains("ping_rat"), "{}", r.stderr);
    std::fs::write(&cfg, "output: [json\n").unwrap();
    run(&["--config", cfg.to_str().unwrap(), "net", "ping", "127.0.0.1"]).expect_code(2);
    run(&["--config", dir.path().join("absent.yaml").to_str().unwrap(), "net", "ping", "127.0.0.1"]).expect_code(2);
}

#[test]
fn colour_follows_flag_and_no_color() {
    let coloured = run(&["--color", "always", "net", "ping", "127.0.0.1", "-c", "1"]);
    assert!(coloured.stdout.contains("\x1b["), "no colour with --color always");
    let plain = run_cmd(deskhand().env("NO_COLOR", "1").args(["net", "ping", "127.0.0.1", "-c", "1"]));
    assert!(!plain.stdout.contains("\x1b["), "colour despite NO_COLOR");
    // Not a terminal: no colour by default.
    assert!(!run(&["net", "ping", "127.0.0.1", "-c", "1"]).stdout.contains("\x1b["));
}

#[test]
fn broken_pipe_is_success() {
    use std::process::Stdio;
    let mut child =
        deskhand().args(["net", "ping", "127.0.0.1-127.0.0.200", "-c", "1"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // Close our end of stdout at once: the table write then hits a closed pipe.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

/// `generate schemas | head` is not an error either (the index is written through serde).
#[test]
fn broken_pipe_is_success_for_generated_output() {
    use std::process::Stdio;
    let mut child = deskhand().args(["generate", "schemas"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The published schemas (`schemas/`) are the ones the binary makes from its report
/// types: none missing, none stale, none left over. (Every report a test parses is
/// validated against them: `util::conforms`.)
#[test]
fn schemas_are_committed_and_fresh() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let dir = tempfile::tempdir().unwrap();
    run(&["generate", "schemas", "--dir", dir.path().to_str().unwrap()]).expect_code(0);
    let names = |d: &std::path::Path| {
        let mut v: Vec<String> = std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    };
    let made = names(dir.path());
    assert!(made.len() >= 30 && made.contains(&"deskhand.net.ping.v1.json".to_string()), "{made:?}");
    assert_eq!(names(&root), made, "schemas/ differs: run scripts/gen-completions and commit");
    for name in &made {
        let committed = std::fs::read_to_string(root.join(name)).unwrap();
        assert!(
            committed == std::fs::read_to_string(dir.path().join(name)).unwrap(),
            "schemas/{name} is stale: run scripts/gen-completions"
        );
        let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
        assert!(jsonschema::validator_for(&schema).is_ok(), "{name} is not a valid JSON Schema");
    }
    // The index form: one object by name.
    let index = run(&["generate", "schemas"]).json();
    assert_eq!(index.as_object().unwrap().len(), made.len());
    // The error document follows its schema too.
    crate::util::conforms(&run(&["-o", "json", "net", "ping", "10.0.0.0/33"]).json_error());
}

#[test]
fn completions_are_committed_and_fresh() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (shell, file) in [
        ("bash", "deskhand.bash"),
        ("zsh", "_deskhand"),
        ("fish", "deskhand.fish"),
        ("powershell", "_deskhand.ps1"),
        ("elvish", "deskhand.elv"),
    ] {
        let r = run(&["generate", "completions", shell]);
        r.expect_code(0);
        let committed = std::fs::read_to_string(root.join("completions").join(file)).unwrap_or_default();
        assert!(committed == r.stdout, "completions/{file} is stale: run scripts/gen-completions and commit");
    }
    let man = run(&["generate", "man"]);
    man.expect_code(0);
    assert!(man.stdout.contains(".TH deskhand"));
    // One page per command, every one committed and current.
    let dir = tempfile::tempdir().unwrap();
    run(&["generate", "man", "--dir", dir.path().to_str().unwrap()]).expect_code(0);
    let mut pages: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    pages.sort();
    assert!(pages.contains(&"deskhand-net-ping.1".to_string()), "{pages:?}");
    for page in &pages {
        let fresh = std::fs::read_to_string(dir.path().join(page)).unwrap();
        let committed = std::fs::read_to_string(root.join("completions/man").join(page)).unwrap_or_default();
        assert!(committed == fresh, "completions/man/{page} is stale: run scripts/gen-completions and commit");
    }
    let committed = std::fs::read_dir(root.join("completions/man")).map_or(0, Iterator::count);
    assert_eq!(committed, pages.len(), "completions/man/ holds pages of commands that are gone");
}

#[test]
fn ctrl_c_exits_130() {
    use std::process::Stdio;
    let child = deskhand()
        .args(["-o", "json", "net", "ping", "127.0.0.1", "-c", "100", "-i", "100ms"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let killed = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert!(out.stdout.is_empty(), "no half report on stdout");
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["kind"], "interrupted");
}

#[test]
fn errors_follow_the_effective_output_format() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yaml");
    std::fs::write(&cfg, "output: json\n").unwrap();
    // JSON chosen by the config file: errors are JSON too.
    let r = run(&["--config", cfg.to_str().unwrap(), "net", "ping", "bad..x"]);
    r.expect_code(2);
    assert_eq!(r.json_error()["error"]["kind"], "usage");
    // Empty variables count as unset, bad ones are named.
    run_cmd(deskhand().env("DESKHAND_OUTPUT", "").env("DESKHAND_CONFIG", "").args(["net", "ping", "127.0.0.1", "-c", "1"])).expect_code(0);
    let r = run_cmd(deskhand().env("DESKHAND_COLOR", "sometimes").args(["net", "ping", "127.0.0.1", "-c", "1"]));
    r.expect_code(2);
    assert!(r.stderr.contains("DESKHAND_COLOR"), "{}", r.stderr);
    // Config values are checked with the file named.
    std::fs::write(&cfg, "timeout: soon\n").unwrap();
    let r = run(&["--config", cfg.to_str().unwrap(), "net", "ping", "127.0.0.1"]);
    r.expect_code(2);
    assert!(r.stderr.contains("config.yaml") && r.stderr.contains("timeout"), "{}", r.stderr);
}

#[test]
fn untrusted_text_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("evil.txt");
    std::fs::write(&f, "\x1b]0;PWNED\x07\x1b[31mred\n").unwrap();
    let r = run(&["net", "ping", "-f", f.to_str().unwrap()]);
    r.expect_code(2);
    assert!(!r.stderr.contains('\x1b') && !r.stderr.contains('\x07'), "{:?}", r.stderr);
}

#[test]
fn more_bad_input() {
    let cases: &[&[&str]] = &[
        &["net", "ping", "999.1.1.1"],
        &["net", "ping", "127.0.0.1", "--min-alive", "5"],
        &["net", "dns", "", "-s", "127.0.0.1"],
        &["net", "dns", "a.test", "-t", "ANY", "-s", "127.0.0.1"],
        &["net", "check", "127.0.0.0/24:22"],
        &["net", "check", "gopher://x.test"],
        &["net", "port", "127.0.0.1:443", "--tls", "--sni", "bad name"],
        &["net", "port", "127.0.0.0/16", "-p", "1-65535", "--open"],
        &["net", "port", "127.0.0.0/24", "-p", "1-1024"],
    ];
    for args in cases {
        let r = run(args);
        r.expect_code(2);
        assert!(r.stderr.contains("hint:"), "{args:?}: {}", r.stderr);
    }
}

/// On a terminal, every table fits its width (long cells wrap inside the cell), whatever
/// the colour setting; when stdout is not a terminal, a table stays whole, one row per
/// line, for grep and for files. The terminal is a real pseudo-terminal (`script`).
#[test]
fn tables_fit_the_terminal_and_stay_whole_in_a_pipe() {
    let long = format!("{}.{}.invalid", "a".repeat(60), "b".repeat(60));
    let bin = env!("CARGO_BIN_EXE_deskhand");
    for color in ["never", "always"] {
        let inner = format!("stty cols 60 rows 40; exec {bin} --color {color} net check {long}");
        let mut cmd = std::process::Command::new("script");
        cmd.args(["-qec", &inner, "/dev/null"]).env_remove("NO_COLOR").env("HOME", std::env::temp_dir());
        let out = cmd.output().expect("script(1) from util-linux runs");
        let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
        let plain = strip_ansi(&text);
        let table: Vec<&str> = plain.lines().filter(|l| l.starts_with(['┌', '│', '╞', '└'])).collect();
        assert!(table.len() >= 6, "--color {color}: no table on the terminal:\n{plain}");
        for line in &table {
            assert!(line.chars().count() <= 60, "--color {color}: wider than the terminal ({}):\n{plain}", line.chars().count());
        }
        // The name is all there, wrapped over lines of its cell.
        let cells: String = table.iter().filter_map(|l| l.split('┆').nth(2)).map(str::trim).collect();
        assert!(cells.contains(&long), "--color {color}: {cells}");
    }
    let piped = run(&["net", "check", &long]);
    let row = piped.stdout.lines().find(|l| l.contains("│ dns")).unwrap_or_else(|| panic!("{}", piped.stdout));
    assert!(row.contains(&long) && row.chars().count() > 60, "a pipe gets the table whole: {row}");
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            for n in chars.by_ref() {
                if n.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
