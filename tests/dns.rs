//! `net dns` against the lab's two knot servers.

use crate::util::{dns1, dns2, run};
use serde_json::Value;

fn lookup(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["-o", "json", "net", "dns"];
    all.extend_from_slice(args);
    let r = run(&all);
    (r.code, r.json())
}

fn records(lookup: &Value) -> Vec<String> {
    lookup["answers"][0]["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r["type"].as_str().unwrap(), r["data"].as_str().unwrap()))
        .collect()
}

#[test]
fn every_record_type() {
    let s = dns1();
    let cases: &[(&str, &str, &[&str])] = &[
        ("www.lab.test", "A", &["A 127.0.0.10"]),
        ("www.lab.test", "AAAA", &["AAAA ::1"]),
        ("alias.lab.test", "CNAME", &["CNAME www.lab.test."]),
        ("lab.test", "MX", &["MX 10 mail.lab.test.", "MX 20 mail2.lab.test."]),
        ("lab.test", "NS", &["NS ns1.lab.test."]),
        ("lab.test", "TXT", &["TXT \"v=spf1 -all\""]),
        ("txt.lab.test", "TXT", &["TXT \"hello world\""]),
        ("_ldap._tcp.lab.test", "SRV", &["SRV 0 100 389 ldap.lab.test."]),
        ("lab.test", "CAA", &["CAA 0 issue \"ca.lab.test\""]),
    ];
    for (name, rtype, want) in cases {
        let (code, j) = lookup(&[name, "--type", rtype, "--server", &s]);
        assert_eq!(code, 0, "{name} {rtype}: {j}");
        let l = &j["data"]["lookups"][0];
        assert_eq!(l["type"], *rtype);
        assert_eq!(l["answers"][0]["status"], "ok");
        assert_eq!(l["answers"][0]["rcode"], "NOERROR");
        assert_eq!(l["answers"][0]["authoritative"], true);
        let mut got = records(l);
        got.sort();
        assert_eq!(got, *want, "{name} {rtype}");
        assert_eq!(l["answers"][0]["records"][0]["ttl"], 300);
    }
    let (_, soa) = lookup(&["lab.test", "-t", "soa", "-s", &s]);
    assert!(records(&soa["data"]["lookups"][0])[0].starts_with("SOA ns1.lab.test. hostmaster.lab.test. 2026112301"));
    // A query for A on an alias follows the CNAME chain.
    let (code, a) = lookup(&["alias.lab.test", "-s", &s]);
    assert_eq!(code, 0);
    assert_eq!(records(&a["data"]["lookups"][0]), ["CNAME www.lab.test.", "A 127.0.0.10"]);
}

#[test]
fn type_all_and_reverse_lookups() {
    let s = dns1();
    let (code, j) = lookup(&["lab.test", "--type", "all", "-s", &s]);
    assert_eq!(code, 0, "absent types are fine with --type all: {j}");
    let types: Vec<&str> =
        j["data"]["lookups"].as_array().unwrap().iter().filter(|l| l["resolved"] == true).map(|l| l["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["MX", "NS", "SOA", "TXT", "CAA"]);

    let (code, j) = lookup(&["127.0.0.10", "-s", &s]);
    assert_eq!(code, 0);
    let l = &j["data"]["lookups"][0];
    assert_eq!(l["type"], "PTR");
    assert_eq!(l["query"], "10.0.0.127.in-addr.arpa.");
    assert_eq!(records(l), ["PTR www.lab.test."]);
}

#[test]
fn failures_are_distinct() {
    let s = dns1();
    let (code, j) = lookup(&["gone.lab.test", "x.broken.test", "www.lab.test", "-s", &s]);
    assert_eq!(code, 1);
    let l = j["data"]["lookups"].as_array().unwrap();
    assert_eq!(l[0]["answers"][0]["status"], "nx_domain");
    assert_eq!(l[0]["answers"][0]["rcode"], "NXDOMAIN");
    assert_eq!(l[1]["answers"][0]["status"], "serv_fail");
    assert_eq!(l[2]["answers"][0]["status"], "ok");
    // NOERROR without records of the type.
    let (code, j) = lookup(&["www.lab.test", "-t", "MX", "-s", &s]);
    assert_eq!(code, 1);
    assert_eq!(j["data"]["lookups"][0]["answers"][0]["status"], "no_data");

    // A server that never answers: a socket that reads nothing.
    let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let silent_addr = silent.local_addr().unwrap().to_string();
    let r = run(&["-o", "json", "--timeout", "200ms", "net", "dns", "www.lab.test", "-s", &silent_addr]);
    r.expect_code(1);
    assert_eq!(r.json()["data"]["lookups"][0]["answers"][0]["status"], "timeout");
    drop(silent);
}

#[test]
fn tcp_and_comparing_servers() {
    let (s1, s2) = (dns1(), dns2());
    let (code, j) = lookup(&["www.lab.test", "-s", &s1, "--tcp"]);
    assert_eq!(code, 0);
    assert_eq!(j["data"]["lookups"][0]["answers"][0]["protocol"], "tcp");
    // An answer too large for UDP comes back truncated and is fetched again over TCP.
    let (code, j) = lookup(&["big.lab.test", "-t", "TXT", "-s", &s1]);
    assert_eq!(code, 0);
    let a = &j["data"]["lookups"][0]["answers"][0];
    assert_eq!(a["protocol"], "tcp", "{a}");
    assert_eq!(a["records"].as_array().unwrap().len(), 12);

    let (code, j) = lookup(&["www.lab.test", "split.lab.test", "-s", &s1, "-s", &s2]);
    assert_eq!(code, 1, "a disagreement fails the check");
    let l = j["data"]["lookups"].as_array().unwrap();
    assert_eq!(l[0]["agree"], true);
    assert_eq!(l[1]["agree"], false);
    assert_eq!(l[1]["answers"][0]["server"], s1.as_str());
    assert_eq!(l[1]["answers"][0]["records"][0]["data"], "127.0.0.50");
    assert_eq!(l[1]["answers"][1]["records"][0]["data"], "127.0.0.51");
    assert_eq!(j["data"]["summary"]["disagreements"], 1);
    assert!(l[1]["answers"][1]["time_ms"].as_f64().unwrap() > 0.0);

    let table = run(&["net", "dns", "split.lab.test", "-s", &s1, "-s", &s2]);
    assert!(table.stdout.contains("NO") && table.stdout.contains("127.0.0.50") && table.stdout.contains("127.0.0.51"), "{}", table.stdout);
}

#[test]
fn many_names_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("names.txt");
    let names = (0..500).map(|i| format!("h{i:05}.lab.test")).collect::<Vec<_>>().join("\n");
    std::fs::write(&f, names).unwrap();
    let (code, j) = lookup(&["-f", f.to_str().unwrap(), "-s", &dns1()]);
    assert_eq!(code, 0);
    let l = j["data"]["lookups"].as_array().unwrap();
    assert_eq!(l.len(), 500);
    assert_eq!(l[0]["name"], "h00000.lab.test");
    assert_eq!(l[499]["name"], "h00499.lab.test", "results keep the input order");
    assert!(l.iter().all(|x| x["resolved"] == true));
}

#[test]
fn bad_names_and_servers() {
    for args in [&["bad..name", "-s", "127.0.0.1"][..], &["a.test", "-s", "999.1.1.1"], &["a.test", "-t", "NOPE", "-s", "127.0.0.1"]] {
        let mut all = vec!["net", "dns"];
        all.extend_from_slice(args);
        let r = run(&all);
        r.expect_code(2);
        assert!(r.stderr.contains("hint:"), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn default_servers_come_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.yaml");
    std::fs::write(&cfg, format!("net:\n  dns_servers: [\"{}\"]\n", dns2())).unwrap();
    let r = run(&["-o", "json", "--config", cfg.to_str().unwrap(), "net", "dns", "split.lab.test"]);
    r.expect_code(0);
    let j = r.json();
    assert_eq!(j["data"]["servers"][0], dns2().as_str());
    assert_eq!(j["data"]["lookups"][0]["answers"][0]["records"][0]["data"], "127.0.0.51");
}

#[test]
fn the_system_resolver_reads_the_hosts_file() {
    // No --server: ask as this machine does, /etc/hosts first.
    let (code, j) = lookup(&["localhost"]);
    assert_eq!(code, 0, "{j}");
    let a = &j["data"]["lookups"][0]["answers"][0];
    assert_eq!(a["server"], "/etc/hosts");
    assert_eq!(a["records"][0]["data"], "127.0.0.1");
    assert!(j["data"]["servers"][0].as_str().unwrap().starts_with("system resolver"));
}

#[test]
fn type_all_on_an_address_is_a_reverse_lookup() {
    let (code, j) = lookup(&["127.0.0.25", "--type", "all", "-s", &dns1()]);
    assert_eq!(code, 0, "{j}");
    let l = j["data"]["lookups"].as_array().unwrap();
    assert_eq!(l.len(), 1);
    assert_eq!(records(&l[0]), ["PTR mail.lab.test."]);
}
