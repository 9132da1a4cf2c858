//! `net port` against real listeners on loopback, including TLS servers whose
//! certificates the test makes (valid, expired, wrong name, untrusted).

use crate::util::{drop_addr, run};
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

/// A test CA, written to a PEM file.
pub struct Ca {
    issuer: CertifiedIssuer<'static, KeyPair>,
    pub dir: tempfile::TempDir,
}

impl Ca {
    pub fn new() -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(rcgen::DnType::CommonName, "deskhand test CA");
        let issuer = CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("ca.pem"), issuer.pem()).unwrap();
        Self { issuer, dir }
    }

    pub fn pem_path(&self) -> String {
        self.dir.path().join("ca.pem").to_string_lossy().into_owned()
    }

    /// Starts a TLS server on 127.0.0.1 with a certificate for `names`, valid from
    /// `from` to `until` days relative to now. Returns its port.
    pub fn serve(&self, names: &[&str], from: i64, until: i64) -> u16 {
        let mut params = CertificateParams::new(names.iter().map(ToString::to_string).collect::<Vec<_>>()).unwrap();
        params.distinguished_name.push(rcgen::DnType::CommonName, names.first().copied().unwrap_or("none"));
        let now = OffsetDateTime::now_utc();
        params.not_before = now + Duration::days(from);
        params.not_after = now + Duration::days(until);
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.issuer).unwrap();
        serve_tls(cert.der().clone(), key.serialize_der())
    }
}

fn serve_tls(cert: rustls::pki_types::CertificateDer<'static>, key: Vec<u8>) -> u16 {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![cert], rustls::pki_types::PrivateKeyDer::Pkcs8(key.into()))
        .unwrap();
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let config = config.clone();
            std::thread::spawn(move || {
                let Ok(conn) = rustls::ServerConnection::new(config) else { return };
                let mut tls = rustls::StreamOwned::new(conn, stream);
                let _ = tls.write_all(b"hello\n");
                let mut buf = [0u8; 64];
                let _ = tls.read(&mut buf);
            });
        }
    });
    port
}

/// A plain TCP listener that accepts and holds connections; returns its port.
pub fn listen() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in listener.incoming().flatten() {
            held.push(s);
        }
    });
    port
}

/// A port with nothing listening on it (bound, then released).
pub fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[test]
fn open_closed_and_filtered() {
    let (open, closed) = (listen(), closed_port());
    let dead = drop_addr();
    let r = run(&[
        "-o",
        "json",
        "--timeout",
        "300ms",
        "net",
        "port",
        &format!("127.0.0.1:{open}"),
        &format!("localhost:{closed}"),
        &format!("{dead}:80"),
    ]);
    r.expect_code(1);
    let j = r.json();
    assert_eq!(j["schema"], "deskhand.net.port.v1");
    let hosts = j["data"]["hosts"].as_array().unwrap();
    assert_eq!(hosts[0]["ports"][0]["state"], "open");
    assert!(hosts[0]["ports"][0]["time_ms"].as_f64().unwrap() >= 0.0);
    assert_eq!(hosts[1]["target"], "localhost");
    assert_eq!(hosts[1]["ports"][0]["state"], "closed");
    assert_eq!(hosts[2]["ports"][0]["state"], "filtered");
    assert_eq!(j["data"]["summary"]["open"], 1);
    assert_eq!(j["data"]["summary"]["closed"], 1);
    assert_eq!(j["data"]["summary"]["filtered"], 1);

    // Only open ports asked: the check passes.
    run(&["net", "port", "127.0.0.1", "-p", &open.to_string()]).expect_code(0);
}

#[test]
fn scan_mode_lists_open_ports_only() {
    let (first, second) = (listen(), listen());
    let (lo, hi) = (first.min(second), first.max(second));
    let r = run(&["-o", "json", "net", "port", "127.0.0.1", "-p", &format!("{lo}-{hi}"), "--open"]);
    r.expect_code(0);
    let j = r.json();
    let ports: Vec<u64> = j["data"]["hosts"][0]["ports"].as_array().unwrap().iter().map(|p| p["port"].as_u64().unwrap()).collect();
    assert!(ports.contains(&u64::from(first)) && ports.contains(&u64::from(second)), "{ports:?}");
    let counts = &j["data"]["hosts"][0]["counts"];
    let total = counts["open"].as_u64().unwrap() + counts["closed"].as_u64().unwrap() + counts["filtered"].as_u64().unwrap();
    assert_eq!(total, u64::from(hi - lo) + 1, "every port is counted, listed or not");
    // No open port: the scan says no.
    let closed = closed_port();
    run(&["net", "port", "127.0.0.1", "-p", &closed.to_string(), "--open"]).expect_code(1);
}

#[test]
fn a_low_open_file_limit_never_gives_false_results() {
    let open = listen();
    // With 256 descriptors and no way to raise them, thousands of connects must still
    // all be answered, none lost to EMFILE.
    let bin = env!("CARGO_BIN_EXE_deskhand");
    let cmd = format!("ulimit -n 256 && exec {bin} -o json net port 127.0.0.1 -p 1-6000,{open} --open");
    let out = std::process::Command::new("sh").args(["-c", &cmd]).env_remove("DESKHAND_OUTPUT").output().unwrap();
    let j: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(j["data"]["summary"]["error"], 0, "{j}");
    assert!(j["data"]["concurrency"].as_u64().unwrap() < 256);
    let ports: Vec<u64> = j["data"]["hosts"][0]["ports"].as_array().unwrap().iter().map(|p| p["port"].as_u64().unwrap()).collect();
    assert!(ports.contains(&u64::from(open)), "{ports:?}");
}

#[test]
fn tls_certificates() {
    let ca = Ca::new();
    let good = ca.serve(&["localhost", "127.0.0.1"], -1, 90);
    let expired = ca.serve(&["localhost"], -400, -10);
    let wrong = ca.serve(&["other.test"], -1, 90);
    let soon = ca.serve(&["localhost"], -1, 10);
    let caf = ca.pem_path();

    let r = run(&["-o", "json", "net", "port", &format!("localhost:{good}"), "--tls", "--ca", &caf]);
    r.expect_code(0);
    let t = &r.json()["data"]["hosts"][0]["ports"][0]["tls"];
    assert_eq!(t["ok"], true, "{t}");
    assert_eq!(t["name_matches"], true);
    assert_eq!(t["chain_verified"], true);
    assert!(t["protocol"].as_str().unwrap().starts_with("TLS 1."), "{t}");
    assert!(t["issuer"].as_str().unwrap().contains("deskhand test CA"));
    assert_eq!(t["sans"], serde_json::json!(["localhost", "127.0.0.1"]));
    let days = t["days_left"].as_i64().unwrap();
    assert!((88..=90).contains(&days), "{days}");
    // By address: the IP SAN matches.
    run(&["net", "port", &format!("127.0.0.1:{good}"), "--tls", "--ca", &caf]).expect_code(0);

    let tls_of = |port: u16, extra: &[&str]| {
        let spec = format!("localhost:{port}");
        let mut args = vec!["-o", "json", "net", "port", spec.as_str(), "--tls"];
        args.extend_from_slice(extra);
        let r = run(&args);
        (r.code, r.json()["data"]["hosts"][0]["ports"][0]["tls"].clone())
    };
    let (code, t) = tls_of(expired, &["--ca", &caf]);
    assert_eq!(code, 1);
    assert_eq!(t["chain_verified"], true, "trust is judged apart from expiry: {t}");
    assert!(t["days_left"].as_i64().unwrap() < 0);
    assert!(t["problems"].to_string().contains("expired"), "{t}");

    let (code, t) = tls_of(wrong, &["--ca", &caf]);
    assert_eq!(code, 1);
    assert_eq!(t["name_matches"], false);
    assert_eq!(t["chain_verified"], true);
    assert!(t["problems"].to_string().contains("other.test"), "{t}");
    // --sni names what to check.
    let (code, t) = tls_of(wrong, &["--ca", &caf, "--sni", "other.test"]);
    assert_eq!((code, t["name_matches"].clone()), (0, serde_json::json!(true)), "{t}");

    // Without our CA, the chain is not trusted.
    let (code, t) = tls_of(good, &[]);
    assert_eq!(code, 1);
    assert_eq!(t["chain_verified"], false);
    assert!(t["problems"].to_string().contains("trusted"), "{t}");

    // Expiring within the warning window.
    let (code, t) = tls_of(soon, &["--ca", &caf]);
    assert_eq!(code, 1, "10 days left is inside the default 14: {t}");
    assert_eq!(tls_of(soon, &["--ca", &caf, "--warn-days", "5"]).0, 0);

    // Not TLS at all.
    let plain = listen();
    let (code, t) = tls_of(plain, &["--ca", &caf]);
    assert_eq!(code, 1);
    assert!(t["problems"].to_string().contains("TLS"), "{t}");

    // The table shows the certificate's details.
    let table = run(&["net", "port", &format!("localhost:{expired}"), "--tls", "--ca", &caf]);
    assert!(table.stdout.contains("Certificate on localhost") && table.stdout.contains("expired"), "{}", table.stdout);
    let bad_ca = run(&["net", "port", &format!("localhost:{good}"), "--tls", "--ca", "/nonexistent/ca.pem"]);
    bad_ca.expect_code(2);
}

/// Full scans of this host, many times, find exactly the listeners the test opened: no
/// port open that nothing listens on (a connect that met its own socket, or another
/// connecting socket of this host, in a TCP simultaneous open), none missed. They run in
/// a network namespace of the test's own, where nothing else listens, with listeners in
/// the ephemeral range where such phantoms appear; some scans run two at once, so that
/// their connects can meet each other.
#[test]
fn full_scans_find_exactly_the_listeners() {
    const V4: [u16; 6] = [22, 2024, 33000, 40000, 50001, 60999];
    const V6: [u16; 2] = [2024, 45000];
    let dir = tempfile::tempdir().unwrap();
    let script = r#"
set -e
bin=$1 out=$2
ip link set lo up
python3 -c '
import socket, sys, time
held = []
for fam, host, ports in ((socket.AF_INET, "127.0.0.1", (22, 2024, 33000, 40000, 50001, 60999)), (socket.AF_INET6, "::1", (2024, 45000))):
    for p in ports:
        s = socket.socket(fam)
        s.bind((host, p))
        s.listen(128)
        held.append(s)
print("ready", flush=True)
time.sleep(300)
' > "$out/ready" &
for _ in $(seq 100); do grep -q ready "$out/ready" 2>/dev/null && break; sleep 0.05; done
scan() { "$bin" -o json net port "$@"; }
for i in $(seq 1 12); do scan 127.0.0.1 -p 1-65535 --open > "$out/open-$i.json" || true; done
for i in $(seq 1 3); do scan 127.0.0.1 -p 1-65535 > "$out/all-$i.json" || true; done
for i in $(seq 1 4); do
    scan 127.0.0.1 -p 1-65535 --open > "$out/pair-a-$i.json" &
    scan 127.0.0.1 -p 1-65535 --open > "$out/pair-b-$i.json" || true
    wait $! || true
done
for i in $(seq 1 3); do scan ::1 -p 1-65535 --open > "$out/v6-$i.json" || true; done
kill %1
"#;
    let out = std::process::Command::new("unshare")
        .args(["-n", "bash", "-c", script, "scan", env!("CARGO_BIN_EXE_deskhand"), dir.path().to_str().unwrap()])
        .env_remove("DESKHAND_OUTPUT")
        .output()
        .expect("unshare (util-linux) runs; scripts/test installs it");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut scans = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let j: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}: {text}"));
        let host = &j["data"]["hosts"][0];
        let open: Vec<u16> = host["ports"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["state"] == "open")
            .map(|p| u16::try_from(p["port"].as_u64().unwrap()).unwrap())
            .collect();
        let want: &[u16] = if name.starts_with("v6") { &V6 } else { &V4 };
        assert_eq!(open, want, "{name}: open ports against the listeners");
        let c = &host["counts"];
        assert_eq!(c["open"].as_u64().unwrap() as usize, want.len(), "{name}: {c}");
        assert_eq!(c["closed"].as_u64().unwrap() as usize, 65535 - want.len(), "{name}: every other port is closed: {c}");
        if name.starts_with("all") {
            assert_eq!(host["ports"].as_array().unwrap().len(), 65535, "{name}: every port listed");
        }
        scans += 1;
    }
    assert_eq!(scans, 12 + 3 + 8 + 3);
}

/// Like nmap: in the table and Markdown, a host's closed ports beyond a handful are one
/// "not shown" line (`--all` lists them); JSON always has every port.
#[test]
fn closed_ports_beyond_a_handful_are_a_count() {
    let open = listen();
    let spec = format!("{open},1-100");
    let table = run(&["net", "port", "127.0.0.1", "-p", &spec]);
    table.expect_code(1);
    let rows = table.stdout.lines().filter(|l| l.starts_with('│') && l.contains("127.0.0.1")).count();
    assert_eq!(rows, 1, "only the open port is a row:\n{}", table.stdout);
    assert!(table.stdout.contains("Not shown: 100 closed ports on 127.0.0.1 (--all lists them)"), "{}", table.stdout);
    assert!(table.stdout.contains("101 ports: 1 open, 100 closed"), "{}", table.stdout);
    let md = run(&["-o", "markdown", "net", "port", "127.0.0.1", "-p", &spec]);
    assert!(md.stdout.contains("Not shown: 100 closed ports"), "{}", md.stdout);
    let all = run(&["net", "port", "127.0.0.1", "-p", &spec, "--all"]);
    assert_eq!(all.stdout.lines().filter(|l| l.contains(" closed ")).count(), 100, "{}", all.stdout);
    assert!(!all.stdout.contains("Not shown"));
    let j = run(&["-o", "json", "net", "port", "127.0.0.1", "-p", &spec]).json();
    assert_eq!(j["data"]["hosts"][0]["ports"].as_array().unwrap().len(), 101, "JSON has every port");
    // A few closed ports stay rows.
    let few = run(&["net", "port", "127.0.0.1", "-p", "1-3"]);
    assert_eq!(few.stdout.lines().filter(|l| l.contains(" closed ")).count(), 3, "{}", few.stdout);
    // The edge: five closed ports are rows, six are a count (the table keeps six rows at
    // most while scanning, so the count must still be all of them).
    let five = run(&["net", "port", "127.0.0.1", "-p", "1-5"]);
    assert_eq!(five.stdout.lines().filter(|l| l.contains(" closed ")).count(), 5, "{}", five.stdout);
    let six = run(&["-o", "markdown", "net", "port", "127.0.0.1", "-p", "1-6"]);
    assert!(six.stdout.contains("Not shown: 6 closed ports on 127.0.0.1"), "{}", six.stdout);
    // CSV is for machines too: every port.
    let csv = run(&["-o", "csv", "net", "port", "127.0.0.1", "-p", &spec]);
    assert_eq!(csv.stdout.lines().filter(|l| l.contains(",closed,")).count(), 100, "{}", csv.stdout);
}
