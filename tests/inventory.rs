//! `inventory` on this machine: its real dpkg database (compared with dpkg-query), facts,
//! baseline checks, snapshots and diffs, with malformed input.

use crate::util::{Run, run, run_cmd};
use std::collections::BTreeSet;
use std::process::Command;

fn dpkg_query() -> BTreeSet<(String, String, String)> {
    let out = Command::new("dpkg-query")
        .args(["-W", "-f", "${db:Status-Status}\t${Package}\t${Architecture}\t${Version}\n"])
        .output()
        .expect("dpkg-query runs (scripts/test runs on Debian)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 4 && f[0] == "installed").then(|| (f[1].to_string(), f[2].to_string(), f[3].to_string()))
        })
        .collect()
}

#[test]
fn list_matches_dpkg_query() {
    let r = run(&["-o", "json", "inventory", "list", "--source", "dpkg"]);
    r.expect_code(0);
    let doc = r.json();
    assert_eq!(doc["schema"], "deskhand.inventory.list.v1");
    let ours: BTreeSet<(String, String, String)> = doc["data"]["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["arch"].as_str().unwrap_or("").to_string(),
                p["version"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let theirs = dpkg_query();
    assert!(theirs.len() > 50, "dpkg-query lists {} packages", theirs.len());
    assert_eq!(ours, theirs);
    // Every format draws it; a pattern narrows it.
    let t = run(&["inventory", "list", "--source", "dpkg", "dpkg*"]);
    t.expect_code(0);
    assert!(t.stdout.contains("dpkg") && !t.stdout.contains("coreutils"), "{}", t.stdout);
    let csv = run(&["-o", "csv", "inventory", "list", "--source", "dpkg", "coreutils"]);
    csv.expect_code(0);
    let mut lines = csv.stdout.lines();
    assert_eq!(lines.next(), Some("name,version,arch,source,summary"));
    assert!(lines.next().is_some_and(|l| l.starts_with("coreutils,")), "{}", csv.stdout);
    let md = run(&["-o", "markdown", "inventory", "list", "--source", "dpkg", "coreutils"]);
    assert!(md.stdout.contains("| coreutils |"), "{}", md.stdout);
}

#[test]
fn show_and_sources() {
    let r = run(&["-o", "json", "inventory", "show", "dpkg"]);
    r.expect_code(0);
    let p = &r.json()["data"]["packages"][0];
    assert_eq!((p["name"].as_str(), p["source"].as_str()), (Some("dpkg"), Some("dpkg")));
    assert!(p["size_kib"].as_u64().is_some_and(|k| k > 0) && p["installed"].as_i64().is_some(), "{p}");
    let none = run(&["inventory", "show", "no-such-package-deskhand"]);
    none.expect_code(1);
    assert!(none.stdout.contains("not installed"), "{}", none.stdout);
    let bad = run(&["inventory", "list", "--source", "dpkg,winget"]);
    bad.expect_code(2);
    assert!(bad.stderr.contains("winget") && bad.stderr.contains("dpkg, rpm"), "{}", bad.stderr);
}

#[test]
fn facts_of_this_machine() {
    let r = run(&["-o", "json", "inventory", "facts"]);
    r.expect_code(0);
    let f = &r.json()["data"];
    assert!(f["memory_total_bytes"].as_u64().is_some_and(|m| m > 0), "{f}");
    assert!(f["kernel"].as_str().is_some_and(|k| !k.is_empty()), "{f}");
    let uname = Command::new("uname").arg("-r").output().unwrap();
    assert_eq!(f["kernel"].as_str().unwrap_or_default(), String::from_utf8_lossy(&uname.stdout).trim());
    assert!(f["interfaces"].to_string().contains("127.0.0.1/8"), "{f}");
    let t = run(&["inventory", "facts"]);
    t.expect_code(0);
    assert!(t.stdout.contains("kernel") && t.stdout.contains("memory"), "{}", t.stdout);
}

fn in_temp(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn check(dir: &tempfile::TempDir, file: &str, extra: &[&str]) -> Run {
    let path = dir.path().join(file);
    run_cmd(crate::util::deskhand().args(extra).args(["inventory", "check"]).arg(&path))
}

#[test]
fn baseline_checks() {
    let dpkg_version = dpkg_query().into_iter().find(|(n, _, _)| n == "dpkg").map(|(_, _, v)| v).unwrap();
    let good = format!(
        "name: lab machine\nrequired:\n  - dpkg:dpkg >= 1.0\n  - coreutils\n  - dpkg = {dpkg_version}\nforbidden:\n  - transmission*\n  - no-such-package-deskhand\ndisk:\n  - path: /\n    min_free: 1 MiB\nmemory:\n  min_total: 64 MiB\n"
    );
    let bad =
        "required:\n  - dpkg >= 999:1\n  - no-such-package-deskhand\nforbidden:\n  - coreutil?\ndisk:\n  - path: /\n    min_free: 100%\n";
    let dir = in_temp(&[("good.yaml", &good), ("bad.yaml", bad)]);
    let r = check(&dir, "good.yaml", &["-o", "json"]);
    r.expect_code(0);
    assert_eq!(r.json()["data"]["passed"], 7, "{}", r.stdout);
    let r = check(&dir, "bad.yaml", &["-o", "json"]);
    r.expect_code(1);
    let rows = r.json()["data"]["rows"].as_array().cloned().unwrap();
    assert!(rows.iter().all(|row| row["pass"] == false), "{}", r.stdout);
    assert!(rows[0]["why"].as_str().unwrap().contains("needs >= 999:1"), "{}", r.stdout);
    assert!(rows[2]["why"].as_str().unwrap().contains("coreutils"), "{}", r.stdout);
    let t = check(&dir, "bad.yaml", &["-o", "markdown"]);
    assert!(t.stdout.contains("| fail |") && t.stdout.contains("0 passed, 4 failed"), "{}", t.stdout);
}

#[test]
fn malformed_baselines_point_at_the_place() {
    let cases: &[(&str, &str, &str)] = &[
        ("tabs.yaml", "required:\n\t- curl\n", "tabs.yaml"),
        ("unknown.yaml", "required: [curl]\nrequierd: [vim]\n", "requierd"),
        ("type.yaml", "required: curl\n", "type.yaml"),
        ("rule.yaml", "required:\n  - curl >=\n  - 'x:y'\n", "rule.yaml:2:5"),
        ("size.yaml", "disk:\n  - path: /\n    min_free: lots\n", "rule"),
        ("empty.yaml", "", "empty"),
        ("binary.yaml", "\u{0}\u{1}\u{2}", "binary.yaml"),
    ];
    let dir = in_temp(&cases.iter().map(|(f, t, _)| (*f, *t)).collect::<Vec<_>>());
    for (file, _, needle) in cases {
        let r = check(&dir, file, &[]);
        r.expect_code(2);
        let needle = if *needle == "rule" { "size.yaml:2:5" } else { needle };
        assert!(r.stderr.contains(needle), "{file}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{file}: {}", r.stderr);
    }
    let missing = check(&dir, "nope.yaml", &[]);
    missing.expect_code(2);
    assert!(missing.stderr.contains("nope.yaml"), "{}", missing.stderr);
}

#[test]
fn snapshot_then_diff() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("snap.json");
    let r = run_cmd(crate::util::deskhand().args(["-o", "json", "inventory", "snapshot"]).arg(&snap));
    r.expect_code(0);
    assert!(r.json()["data"]["packages"].as_u64().is_some_and(|n| n > 50), "{}", r.stdout);
    // Never over an existing file.
    let again = run_cmd(crate::util::deskhand().args(["inventory", "snapshot"]).arg(&snap));
    again.expect_code(2);
    // Nothing changed since.
    let same = run_cmd(crate::util::deskhand().args(["-o", "json", "inventory", "diff"]).arg(&snap));
    same.expect_code(0);
    assert_eq!(same.json()["data"]["changes"].as_array().map(Vec::len), Some(0), "{}", same.stdout);

    // An edited old snapshot: coreutils older (with a ~ that sorts first), dpkg gone,
    // an extra package that is not here any more.
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&snap).unwrap()).unwrap();
    let packages = doc["packages"].as_array_mut().unwrap();
    packages.retain(|p| p["name"] != "dpkg");
    for p in packages.iter_mut() {
        if p["name"] == "coreutils" {
            let v = format!("{}~old", p["version"].as_str().unwrap());
            p["version"] = serde_json::Value::String(v);
        }
    }
    let mut gone = packages[0].clone();
    gone["name"] = "removed-since-deskhand".into();
    packages.push(gone);
    let old = dir.path().join("old.json");
    std::fs::write(&old, doc.to_string()).unwrap();
    let d = run_cmd(crate::util::deskhand().args(["-o", "json", "inventory", "diff"]).arg(&old));
    d.expect_code(1);
    let changes: Vec<(String, String)> = d.json()["data"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["change"].as_str().unwrap().to_string(), c["name"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        changes,
        vec![
            ("added".to_string(), "dpkg".to_string()),
            ("removed".to_string(), "removed-since-deskhand".to_string()),
            ("upgraded".to_string(), "coreutils".to_string()),
        ]
    );
    // Two files, the other way round: a downgrade.
    let back = run_cmd(crate::util::deskhand().args(["inventory", "diff"]).arg(&snap).arg(&old));
    back.expect_code(1);
    assert!(back.stdout.contains("downgraded") && back.stdout.contains("coreutils"), "{}", back.stdout);
    // A source that could not be read when a snapshot was taken is left out of the
    // comparison (its packages are not "removed"), and the diff says so.
    doc["unreadable"] = serde_json::json!(["dpkg"]);
    let partial = dir.path().join("partial.json");
    std::fs::write(&partial, doc.to_string()).unwrap();
    let p = run_cmd(crate::util::deskhand().args(["-o", "json", "inventory", "diff"]).arg(&partial).arg(&snap));
    p.expect_code(0);
    assert_eq!(p.json()["data"]["changes"], serde_json::json!([]), "{}", p.stdout);
    assert!(p.json()["data"]["warnings"].to_string().contains("dpkg: not compared"), "{}", p.stdout);
    // Not a snapshot: named, exit 2.
    std::fs::write(dir.path().join("junk.json"), "{\"schema\": 1").unwrap();
    let junk = run_cmd(crate::util::deskhand().args(["inventory", "diff"]).arg(dir.path().join("junk.json")));
    junk.expect_code(2);
    assert!(junk.stderr.contains("junk.json"), "{}", junk.stderr);
}
