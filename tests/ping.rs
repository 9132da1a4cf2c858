//! `net ping` against loopback: 127.0.0.1, `::1`, a /24 sweep, and the lab's dropping address.

use crate::util::{drop_addr, run};
use std::io::Write;

#[test]
fn loopback_v4_and_v6_answer() {
    let r = run(&["-o", "json", "net", "ping", "127.0.0.1", "::1", "-c", "3", "-i", "50ms"]);
    r.expect_code(0);
    let j = r.json();
    assert_eq!(j["schema"], "deskhand.net.ping.v1");
    assert_eq!(j["ok"], true);
    let hosts = j["data"]["hosts"].as_array().unwrap();
    assert_eq!(hosts.len(), 2);
    for (h, addr) in hosts.iter().zip(["127.0.0.1", "::1"]) {
        assert_eq!(h["address"], addr);
        assert_eq!(h["sent"], 3);
        assert_eq!(h["received"], 3);
        assert_eq!(h["loss_percent"], 0.0);
        let rtt = &h["rtt"];
        let (min, avg, max) = (rtt["min_ms"].as_f64().unwrap(), rtt["avg_ms"].as_f64().unwrap(), rtt["max_ms"].as_f64().unwrap());
        assert!(min > 0.0 && min <= avg && avg <= max && max < 1000.0, "{rtt}");
        assert!(rtt["mdev_ms"].as_f64().unwrap() >= 0.0 && rtt["jitter_ms"].as_f64().unwrap() >= 0.0);
    }
}

#[test]
fn sweep_a_slash_24() {
    // 127.0.1.0/24: the lab's dropping address lives in 127.0.0.0/24.
    let r = run(&["-o", "json", "net", "ping", "127.0.1.0/24", "-c", "1"]);
    r.expect_code(0);
    let j = r.json();
    let s = &j["data"]["summary"];
    assert_eq!(s["targets"], 254, "network and broadcast addresses are skipped");
    assert_eq!(s["alive"], 254);
    assert_eq!(j["data"]["hosts"][0]["address"], "127.0.1.1");
    assert_eq!(j["data"]["hosts"][253]["address"], "127.0.1.254");
}

#[test]
fn a_dropping_host_is_dead_and_fails_the_check() {
    let dead = drop_addr();
    let r = run(&["-o", "json", "net", "ping", "127.0.0.1", &dead, "-c", "2", "-i", "100ms", "-W", "300ms"]);
    r.expect_code(1);
    let j = r.json();
    assert_eq!(j["ok"], false);
    let hosts = j["data"]["hosts"].as_array().unwrap();
    assert_eq!(hosts[1]["address"], dead.as_str());
    assert_eq!(hosts[1]["alive"], false);
    assert_eq!(hosts[1]["received"], 0);
    assert_eq!(hosts[1]["loss_percent"], 100.0);
    assert!(hosts[1]["rtt"].is_null());

    // Filters, like fping's -a / -u.
    let alive = run(&["-o", "json", "net", "ping", "127.0.0.1", &dead, "-c", "1", "-W", "300ms", "--alive"]).json();
    assert_eq!(alive["data"]["hosts"].as_array().unwrap().len(), 1);
    assert_eq!(alive["data"]["hosts"][0]["address"], "127.0.0.1");
    let deadonly = run(&["-o", "json", "net", "ping", "127.0.0.1", &dead, "-c", "1", "-W", "300ms", "--dead"]).json();
    assert_eq!(deadonly["data"]["hosts"][0]["address"], dead.as_str());

    // A quorum: one of two is enough.
    run(&["net", "ping", "127.0.0.1", &dead, "-c", "1", "-W", "300ms", "--min-alive", "1"]).expect_code(0);
    run(&["net", "ping", &dead, "-c", "1", "-W", "300ms", "--min-alive", "1"]).expect_code(1);
}

#[test]
fn targets_from_a_file_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("hosts.txt");
    std::fs::write(&f, "# office\n127.0.0.1\n127.0.0.2-3  # range\n\nlocalhost\n").unwrap();
    let j = run(&["-o", "json", "net", "ping", "-f", f.to_str().unwrap(), "-c", "1"]).json();
    let addrs: Vec<&str> = j["data"]["hosts"].as_array().unwrap().iter().map(|h| h["address"].as_str().unwrap()).collect();
    // localhost is 127.0.0.1 under another name: a target of its own, as the user listed it.
    assert_eq!(addrs, ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.1"]);
    assert_eq!(j["data"]["hosts"][3]["target"], "localhost");
    // A file saved on Windows (BOM, CRLF) reads the same; a bad line is named.
    std::fs::write(&f, "\u{feff}127.0.0.1\r\n127.0.0.2\r\n").unwrap();
    let j = run(&["-o", "json", "net", "ping", "-f", f.to_str().unwrap(), "-c", "1"]).json();
    assert_eq!(j["data"]["summary"]["targets"], 2);
    std::fs::write(&f, "127.0.0.1\n\n10.0.0.0/33\n").unwrap();
    let r = run(&["net", "ping", "-f", f.to_str().unwrap(), "-c", "1"]);
    r.expect_code(2);
    assert!(r.stderr.contains(&format!("{}:3:", f.display())), "{}", r.stderr);
    std::fs::write(&f, b"\xff\xfe1\x002\x007\x00").unwrap();
    let r = run(&["net", "ping", "-f", f.to_str().unwrap()]);
    r.expect_code(2);
    assert!(r.stderr.contains("UTF-16"), "{}", r.stderr);

    let mut child = crate::util::deskhand()
        .args(["-o", "json", "net", "ping", "-f", "-", "-c", "1"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"127.0.0.9\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["data"]["hosts"][0]["address"], "127.0.0.9");
}

#[test]
fn markdown_and_table_views() {
    let md = run(&["-o", "markdown", "net", "ping", "127.0.0.1", "-c", "1"]);
    md.expect_code(0);
    assert!(md.stdout.starts_with("### Ping: 1 target, 1 echo"), "{}", md.stdout);
    assert!(md.stdout.contains("| 127.0.0.1 | alive | 1/1 | 0% |"), "{}", md.stdout);
    let table = run(&["net", "ping", "127.0.0.1", "-c", "1"]);
    assert!(table.stdout.contains("alive") && table.stdout.contains("1 target: 1 alive, 0 dead"), "{}", table.stdout);
}

/// Runs deskhand as the unprivileged user `nobody`, in a network namespace of its own
/// whose `ping_group_range` is `range` (the machine's own setting is left alone).
fn as_nobody(range: &str, args: &str) -> crate::util::Run {
    let uid = std::process::Command::new("id").arg("-u").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&uid.stdout).trim(),
        "0",
        "this test drops privileges with setpriv and needs root (scripts/test runs as root)"
    );
    let bin = env!("CARGO_BIN_EXE_deskhand");
    let home = tempfile::tempdir().unwrap();
    let script = format!(
        "ip link set lo up && sysctl -qw net.ipv4.ping_group_range='{range}' && HOME={} exec setpriv --reuid=65534 --regid=65534 --clear-groups {bin} {args}",
        home.path().display()
    );
    crate::util::run_cmd(std::process::Command::new("unshare").args(["-n", "sh", "-c", &script]))
}

#[test]
fn unprivileged_ping_where_the_system_allows_it() {
    // ping_group_range open to every group: a datagram ICMP socket, no privilege needed.
    let r = as_nobody("0 2147483647", "-o json net ping 127.0.0.1 ::1 -c 1");
    r.expect_code(0);
    assert_eq!(r.json()["data"]["summary"]["alive"], 2);
}

#[test]
fn no_privilege_is_an_environment_error_with_the_fix() {
    // ping_group_range closed (the default "1 0") and no CAP_NET_RAW.
    let r = as_nobody("1 0", "net ping 127.0.0.1 -c 1");
    r.expect_code(3);
    assert!(r.stderr.contains("ping_group_range") && r.stderr.contains("setcap cap_net_raw+ep"), "{}", r.stderr);
    // net check carries on without the ping layer.
    let port = crate::port::listen();
    let r = as_nobody("1 0", &format!("-o json net check 127.0.0.1:{port} -c 1"));
    assert_eq!(r.json()["data"]["layers"][1]["status"], "skipped", "{}", r.stdout);
    // Without a port, ping is the only test: not being allowed to run it is exit 3.
    let r = as_nobody("1 0", "net check 127.0.0.1 -c 1");
    r.expect_code(3);
    assert!(r.stderr.contains("without a port"), "{}", r.stderr);
}
