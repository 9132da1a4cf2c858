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

/// A DNS server written for the test that answers each name with something hostile:
/// a CNAME loop, 4,000 records (over TCP: a message holds at most 64 KB), a 60 KB TXT,
/// a truncated or malformed message, another query ID. UDP and TCP on one port.
mod hostile {
    use std::io::{Read, Write};
    use std::net::{TcpListener, UdpSocket};

    fn name(n: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for label in n.trim_end_matches('.').split('.') {
            out.push(u8::try_from(label.len()).unwrap());
            out.extend_from_slice(label.as_bytes());
        }
        out.push(0);
        out
    }

    /// The query's ID, name, and the question section's bytes.
    fn question(q: &[u8]) -> Option<(u16, String, Vec<u8>)> {
        let id = u16::from_be_bytes([*q.first()?, *q.get(1)?]);
        let mut at = 12;
        let mut labels = Vec::new();
        loop {
            let len = usize::from(*q.get(at)?);
            at += 1;
            if len == 0 {
                break;
            }
            labels.push(String::from_utf8_lossy(q.get(at..at + len)?).to_string());
            at += len;
        }
        Some((id, labels.join(".").to_ascii_lowercase(), q.get(12..at + 4)?.to_vec()))
    }

    fn rr(owner: &[u8], rtype: u16, data: &[u8]) -> Vec<u8> {
        let mut out = owner.to_vec();
        out.extend_from_slice(&rtype.to_be_bytes());
        out.extend_from_slice(&1u16.to_be_bytes());
        out.extend_from_slice(&300u32.to_be_bytes());
        out.extend_from_slice(&u16::try_from(data.len()).unwrap().to_be_bytes());
        out.extend_from_slice(data);
        out
    }

    /// The reply to a query, or `None` for no reply at all.
    fn reply(q: &[u8], tcp: bool) -> Option<Vec<u8>> {
        let (id, qname, question) = question(q)?;
        // Owner names as a pointer to the question's name (offset 12).
        let at_q = [0xc0, 12];
        let (id, flags, answers): (u16, u16, Vec<Vec<u8>>) = match qname.split('.').next()? {
            "loop" => {
                let other = name("loop2.hostile.test");
                (id, 0x8180, vec![rr(&at_q, 5, &other), rr(&other, 5, &name("loop.hostile.test"))])
            }
            "many" if tcp => (id, 0x8180, (0..4000u32).map(|i| rr(&at_q, 1, &(0x0a00_0000 + i).to_be_bytes())).collect()),
            "many" | "bigtxt" if !tcp => (id, 0x8380, vec![]),
            "bigtxt" => {
                // 60 KB of TXT strings of 250 bytes, over four records of 15 KB.
                let chunk: Vec<u8> = std::iter::once(250u8).chain(std::iter::repeat_n(b'x', 250)).collect();
                let data: Vec<u8> = chunk.iter().copied().cycle().take(chunk.len() * 60).collect();
                (id, 0x8180, (0..4).map(|_| rr(&at_q, 16, &data)).collect())
            }
            "badid" => (id.wrapping_add(1), 0x8180, vec![rr(&at_q, 1, &[192, 0, 2, 1])]),
            "trunc" => {
                let mut whole = reply_bytes(id, 0x8180, &question, &[rr(&at_q, 1, &[192, 0, 2, 1])]);
                whole.truncate(whole.len() - 3);
                return Some(whole);
            }
            "garbage" => return Some(vec![0xff; 7]),
            _ => (id, 0x8183, vec![]),
        };
        Some(reply_bytes(id, flags, &question, &answers))
    }

    fn reply_bytes(id: u16, flags: u16, question: &[u8], answers: &[Vec<u8>]) -> Vec<u8> {
        let mut out = Vec::new();
        for v in [id, flags, 1, u16::try_from(answers.len()).unwrap(), 0, 0] {
            out.extend_from_slice(&v.to_be_bytes());
        }
        out.extend_from_slice(question);
        for a in answers {
            out.extend_from_slice(a);
        }
        out
    }

    /// A server that answers `nN.lossy.test` with 127.0.0.1 but drops the first copy of
    /// every tenth question (N a multiple of 10), as a busy server's full socket buffer
    /// does. Returns its address and how many copies of each name it got.
    pub fn start_lossy() -> (String, std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, u32>>>) {
        let udp = UdpSocket::bind("127.0.0.1:0").unwrap();
        let addr = format!("127.0.0.1:{}", udp.local_addr().unwrap().port());
        let seen = std::sync::Arc::new(std::sync::Mutex::new(std::collections::HashMap::<String, u32>::new()));
        let counts = seen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 512];
            while let Ok((n, from)) = udp.recv_from(&mut buf) {
                let Some((id, qname, question)) = question(&buf[..n]) else { continue };
                let copies = {
                    let mut seen = counts.lock().unwrap();
                    let c = seen.entry(qname.clone()).or_insert(0);
                    *c += 1;
                    *c
                };
                let number: u32 = qname.split('.').next().and_then(|l| l.strip_prefix('n')).and_then(|d| d.parse().ok()).unwrap_or(1);
                if number.is_multiple_of(10) && copies == 1 {
                    continue; // lost
                }
                let r = reply_bytes(id, 0x8580, &question, &[rr(&[0xc0, 12], 1, &[127, 0, 0, 1])]);
                let _ = udp.send_to(&r, from);
            }
        });
        (addr, seen)
    }

    /// Starts the server; returns its address.
    pub fn start() -> String {
        let udp = UdpSocket::bind("127.0.0.1:0").unwrap();
        let port = udp.local_addr().unwrap().port();
        let tcp = TcpListener::bind(("127.0.0.1", port)).unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 512];
            while let Ok((n, from)) = udp.recv_from(&mut buf) {
                if let Some(r) = reply(&buf[..n], false) {
                    let _ = udp.send_to(&r, from);
                }
            }
        });
        std::thread::spawn(move || {
            for mut s in tcp.incoming().flatten() {
                let mut len = [0u8; 2];
                if s.read_exact(&mut len).is_err() {
                    continue;
                }
                let mut q = vec![0u8; usize::from(u16::from_be_bytes(len))];
                if s.read_exact(&mut q).is_err() {
                    continue;
                }
                if let Some(r) = reply(&q, true) {
                    let _ = s.write_all(&u16::try_from(r.len()).unwrap().to_be_bytes());
                    let _ = s.write_all(&r);
                }
            }
        });
        format!("127.0.0.1:{port}")
    }
}

#[test]
fn hostile_servers_get_a_clear_result() {
    let server = hostile::start();
    let ask = |name: &str, rtype: &str| {
        let started = std::time::Instant::now();
        let (code, j) = lookup(&[name, "--type", rtype, "--server", &server, "--timeout", "300ms"]);
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{name}: no hang");
        (code, j["data"]["lookups"][0]["answers"][0].clone())
    };
    let (code, a) = ask("loop.hostile.test", "A");
    assert_eq!(code, 1, "{a}");
    assert_eq!(a["status"], "error");
    assert_eq!(a["error"], "CNAME loop: loop.hostile.test. -> loop2.hostile.test. -> loop.hostile.test.", "{a}");

    let (code, a) = ask("many.hostile.test", "A");
    assert_eq!((code, a["status"].as_str()), (0, Some("ok")), "{a}");
    assert_eq!(a["protocol"], "tcp", "truncated over UDP, then TCP: {a}");
    assert_eq!(a["records"].as_array().unwrap().len(), 4000);

    let (code, a) = ask("bigtxt.hostile.test", "TXT");
    assert_eq!(code, 0, "{a}");
    let total: usize = a["records"].as_array().unwrap().iter().map(|r| r["data"].as_str().unwrap().len()).sum();
    assert!(total > 60_000, "{total}");

    for (name, why) in [
        ("trunc.hostile.test", "a malformed message"),
        ("garbage.hostile.test", "a malformed message"),
        ("badid.hostile.test", "a reply with another query ID"),
    ] {
        let (code, a) = ask(name, "A");
        assert_eq!(code, 1, "{name}: {a}");
        assert_eq!(a["status"], "error", "{name}: {a}");
        let error = a["error"].as_str().unwrap();
        assert!(error.contains(why) && error.contains("no usable answer"), "{name}: {error}");
    }
}

/// A lost datagram is asked again after a few round trips (the server's measured RTO,
/// doubling), not after the user's whole `--timeout`, which stays the limit for giving up:
/// with a 20 s timeout, the names whose first question was dropped are answered in well
/// under that, each asked twice, and every name resolves.
#[test]
fn a_lost_question_is_asked_again_on_an_adaptive_timer() {
    let (server, seen) = hostile::start_lossy();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("names.txt");
    let names: Vec<String> = (0..300).map(|i| format!("n{i}.lossy.test")).collect();
    std::fs::write(&file, names.join("\n")).unwrap();
    let r = run(&["-o", "json", "net", "dns", "-f", file.to_str().unwrap(), "--server", &server, "--timeout", "20s"]);
    r.expect_code(0);
    let j = r.json();
    assert_eq!(j["data"]["summary"]["resolved"], 300, "{}", j["data"]["summary"]);
    let seen = seen.lock().unwrap();
    for l in j["data"]["lookups"].as_array().unwrap() {
        let name = l["name"].as_str().unwrap();
        let number: u32 = name[1..name.find('.').unwrap()].parse().unwrap();
        if number.is_multiple_of(10) {
            let took = l["answers"][0]["time_ms"].as_f64().unwrap();
            assert!(took < 5000.0, "{name}: answered after {took} ms: asked again only at the timeout?");
            assert!(seen[name] >= 2, "{name}: the server saw it {} times", seen[name]);
        }
    }
}
