//! `net check`: the layered triage and its verdicts.

use crate::port::{Ca, closed_port, listen};
use crate::util::{dns1, drop_addr, run};
use serde_json::Value;

fn check(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["-o", "json", "--timeout", "500ms", "net", "check"];
    all.extend_from_slice(args);
    let r = run(&all);
    (r.code, r.json())
}

fn layer<'a>(j: &'a Value, name: &str) -> &'a Value {
    j["data"]["layers"].as_array().unwrap().iter().find(|l| l["layer"] == name).unwrap()
}

#[test]
fn a_reachable_service() {
    let port = listen();
    let (code, j) = check(&[&format!("localhost:{port}")]);
    assert_eq!(code, 0, "{j}");
    assert_eq!(j["schema"], "deskhand.net.check.v1");
    assert_eq!(layer(&j, "dns")["status"], "ok");
    assert_eq!(layer(&j, "ping")["status"], "ok");
    assert_eq!(layer(&j, "tcp")["status"], "ok");
    assert_eq!(layer(&j, "tls")["status"], "skipped");
    assert_eq!(j["data"]["verdict"]["ok"], true);
    assert!(j["data"]["verdict"]["failed_layer"].is_null());
}

#[test]
fn verdicts_name_the_failing_layer() {
    let (code, j) = check(&["nosuch.lab.test:443", "--server", &dns1()]);
    assert_eq!(code, 1);
    assert_eq!(j["data"]["verdict"]["failed_layer"], "dns");
    assert!(j["data"]["verdict"]["next_step"].is_string());
    assert_eq!(layer(&j, "tcp")["status"], "skipped");

    // The lab DNS names the host; nothing listens on the port.
    let closed = closed_port();
    let (code, j) = check(&[&format!("ns1.lab.test:{closed}"), "--server", &dns1()]);
    assert_eq!(code, 1);
    assert_eq!(layer(&j, "dns")["status"], "ok");
    assert_eq!(j["data"]["address"], "127.0.0.1");
    assert_eq!(j["data"]["verdict"]["failed_layer"], "tcp");
    assert!(j["data"]["verdict"]["message"].as_str().unwrap().contains("nothing listens"), "{j}");

    // A host that drops everything: ping is a warning, TCP decides.
    let dead = drop_addr();
    let (code, j) = check(&[&format!("{dead}:443"), "-c", "1"]);
    assert_eq!(code, 1);
    assert_eq!(layer(&j, "ping")["status"], "warning");
    assert_eq!(j["data"]["verdict"]["failed_layer"], "tcp");
    assert!(j["data"]["verdict"]["message"].as_str().unwrap().contains("no answer"), "{j}");

    // No port: ping decides.
    let (code, j) = check(&[&dead, "-c", "1"]);
    assert_eq!(code, 1);
    assert_eq!(j["data"]["verdict"]["failed_layer"], "ping");
}

#[test]
fn tls_layer_and_markdown_report() {
    let ca = Ca::new();
    let expired = ca.serve(&["localhost"], -400, -10);
    let (code, j) = check(&[&format!("localhost:{expired}"), "--tls", "--ca", &ca.pem_path()]);
    assert_eq!(code, 1);
    assert_eq!(j["data"]["verdict"]["failed_layer"], "tls");
    assert!(layer(&j, "tls")["detail"].as_str().unwrap().contains("expired"));

    let good = ca.serve(&["localhost"], -1, 90);
    let r = run(&["-o", "markdown", "net", "check", &format!("localhost:{good}"), "--tls", "--ca", &ca.pem_path()]);
    r.expect_code(0);
    assert!(r.stdout.starts_with(&format!("### Reachability of localhost:{good}")), "{}", r.stdout);
    assert!(r.stdout.contains("| tls | ok |"), "{}", r.stdout);
    assert!(r.stdout.contains("**Verdict:"), "{}", r.stdout);
}

#[test]
fn urls_and_dns_failure_kinds() {
    let port = listen();
    // A pasted URL: the scheme gives the port.
    let (code, j) = check(&[&format!("http://localhost:{port}/some/path")]);
    assert_eq!(code, 0, "{j}");
    assert_eq!(j["data"]["port"], port);
    // https:// asks for the TLS check.
    let ca = Ca::new();
    let good = ca.serve(&["localhost"], -1, 90);
    let (code, j) = check(&[&format!("https://localhost:{good}"), "--ca", &ca.pem_path()]);
    assert_eq!(code, 0, "{j}");
    assert_eq!(layer(&j, "tls")["status"], "ok");

    // SERVFAIL is the server's fault, not a typo.
    let (code, j) = check(&["x.broken.test:443", "--server", &dns1()]);
    assert_eq!(code, 1);
    let v = &j["data"]["verdict"];
    assert!(v["message"].as_str().unwrap().contains("failed to answer"), "{v}");
    assert!(!v["next_step"].as_str().unwrap().contains("spelling"), "{v}");
    // A DNS server that does not answer.
    let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let (code, j) = check(&["www.lab.test:443", "--server", &silent.local_addr().unwrap().to_string()]);
    assert_eq!(code, 1);
    assert!(j["data"]["verdict"]["message"].as_str().unwrap().contains("does not respond"), "{j}");
}
