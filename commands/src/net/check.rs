//! `net check`: the "why can't the user reach X" triage. It walks the layers in order,
//! DNS -> ping -> TCP -> TLS, and ends with a verdict naming the first layer that failed
//! and what to try next. Ping is advisory when a port is given: many hosts drop ICMP
//! while serving TCP, so a failed ping only decides the verdict when nothing else can.

use super::dns::{self, Protocol, Transport};
use super::ping::{Echo, Pinger};
use super::port::{Connector, PortState};
use super::targets::Family;
use super::tls::{self, TlsContext, TlsOptions};
use crate::Outcome;
use crate::error::Result;
use hickory_proto::rr::RecordType;
use serde::Serialize;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

/// What `net check` is asked.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    pub host: String,
    pub port: Option<u16>,
    pub tls: Option<TlsOptions>,
    /// Ask this DNS server instead of the system resolver.
    pub dns_server: Option<SocketAddr>,
    pub timeout: Duration,
    pub pings: u16,
    pub family: Family,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LayerStatus {
    Ok,
    Failed,
    /// Failed, but not decisive (ping when TCP answers).
    Warning,
    Skipped,
}

#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct Layer {
    pub layer: &'static str,
    pub status: LayerStatus,
    pub detail: String,
    /// Absent for layers that did not run.
    pub time_ms: Option<f64>,
}

#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct Verdict {
    pub ok: bool,
    /// The first layer that failed, if any.
    pub failed_layer: Option<&'static str>,
    pub message: String,
    pub next_step: Option<String>,
}

/// The report of `net check`.
#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct CheckReport {
    pub host: String,
    pub port: Option<u16>,
    pub address: Option<IpAddr>,
    pub layers: Vec<Layer>,
    pub verdict: Verdict,
}

struct Timer(Instant);

impl Timer {
    fn ms(&self) -> f64 {
        (self.0.elapsed().as_secs_f64() * 1_000_000.0).round() / 1000.0
    }
}

fn layer(layer: &'static str, status: LayerStatus, detail: impl Into<String>, t: &Timer) -> Layer {
    Layer { layer, status, detail: detail.into(), time_ms: Some(t.ms()) }
}

fn skipped(name: &'static str, why: &str) -> Layer {
    Layer { layer: name, status: LayerStatus::Skipped, detail: why.to_string(), time_ms: None }
}

/// The pinger, or why there is none (no privilege: the ping layer is then skipped).
pub type PingerOrWhy<'a, P> = std::result::Result<&'a P, String>;

/// Runs `net check`.
pub async fn run<T: Transport, P: Pinger, C: Connector>(
    req: &CheckRequest,
    transport: &T,
    pinger: PingerOrWhy<'_, P>,
    connector: &C,
) -> Result<(CheckReport, Outcome)> {
    let host = req.host.trim_start_matches('[').trim_end_matches(']').to_string();
    let mut layers = Vec::new();
    let mut report = CheckReport {
        host: req.host.clone(),
        port: req.port,
        address: None,
        layers: Vec::new(),
        verdict: Verdict { ok: true, failed_layer: None, message: String::new(), next_step: None },
    };

    if let (None, Err(why)) = (req.port, &pinger) {
        // Without a port, ping is the only test: its absence is the environment's doing.
        return Err(crate::error::CommandError::environment(format!("cannot check {host} without a port: {why}"))
            .with_hint("give a port (HOST:PORT) to check a service over TCP, or allow ping as the hint of `deskhand net ping` says"));
    }
    // Certificate options are checked before anything leaves the machine.
    let tls_ctx = match &req.tls {
        Some(opts) => Some(TlsContext::new(opts)?),
        None => None,
    };
    let target = match req.port {
        Some(p) => super::port::host_port(&host, p),
        None => host.clone(),
    };

    // 1. DNS
    let t = Timer(Instant::now());
    let mut dns_failure = None;
    let address = if let Ok(ip) = host.parse::<IpAddr>() {
        layers.push(skipped("dns", &format!("{ip} is an address: no lookup needed")));
        Some(ip)
    } else {
        match resolve(&host, req, transport).await {
            Ok((addrs, via)) => {
                layers.push(layer("dns", LayerStatus::Ok, format!("{host} -> {} ({via})", join(&addrs)), &t));
                addrs.first().copied()
            }
            Err(failure) => {
                layers.push(layer("dns", LayerStatus::Failed, failure.detail.clone(), &t));
                dns_failure = Some(failure);
                None
            }
        }
    };
    report.address = address;
    let Some(addr) = address else {
        for l in ["ping", "tcp", "tls"] {
            layers.push(skipped(l, "no address"));
        }
        report.layers = layers;
        let (message, next) = dns_failure.map_or((String::new(), String::new()), |f| f.kind.verdict(&host));
        report.verdict = Verdict { ok: false, failed_layer: Some("dns"), message, next_step: Some(next) };
        return Ok((report, Outcome::CheckFailed));
    };

    // 2. ping
    let t = Timer(Instant::now());
    let ping_ok = match pinger {
        Err(why) => {
            layers.push(layer("ping", LayerStatus::Skipped, why, &t));
            None
        }
        Ok(p) => {
            let ident: u16 = rand::random();
            let mut rtts = Vec::new();
            let mut last_err = None;
            for seq in 0..req.pings.max(1) {
                match p.echo(addr, ident, seq, &[0x5a; 56], req.timeout).await {
                    Echo::Reply(d) => rtts.push(d),
                    Echo::Timeout => {}
                    Echo::Error(e) => last_err = Some(e),
                }
            }
            let sent = req.pings.max(1);
            if let Some(rtt) = super::ping::rtt_stats(&rtts) {
                layers.push(layer("ping", LayerStatus::Ok, format!("{}/{sent} replies, avg {:.3} ms", rtts.len(), rtt.avg_ms), &t));
                Some(true)
            } else {
                let why = last_err.unwrap_or_else(|| {
                    if sent == 1 { "no reply to the echo request".to_string() } else { format!("no reply to {sent} echo requests") }
                });
                let status = if req.port.is_some() { LayerStatus::Warning } else { LayerStatus::Failed };
                layers.push(layer("ping", status, why, &t));
                Some(false)
            }
        }
    };

    // 3. TCP and 4. TLS
    let Some(port) = req.port else {
        layers.push(skipped("tcp", "no port given (HOST:PORT)"));
        layers.push(skipped("tls", "no port given"));
        report.layers = layers;
        report.verdict = match ping_ok {
            Some(false) => Verdict {
                ok: false,
                failed_layer: Some("ping"),
                message: format!("{} does not answer ping", named(&host, addr)),
                next_step: Some("the host may be down or ICMP blocked; check a service port: `deskhand net check HOST:PORT`".into()),
            },
            _ => Verdict {
                ok: true,
                failed_layer: None,
                message: format!("{} answers ping", named(&host, addr)),
                next_step: Some("give a port (HOST:PORT) to check the service itself".into()),
            },
        };
        let ok = report.verdict.ok;
        return Ok((report, Outcome::from_ok(ok)));
    };
    let t = Timer(Instant::now());
    let sa = SocketAddr::new(addr, port);
    let stream = match connector.connect(sa, req.timeout).await {
        Ok(s) => {
            layers.push(layer("tcp", LayerStatus::Ok, format!("port {port} open"), &t));
            s
        }
        Err((state, e)) => {
            layers.push(layer("tcp", LayerStatus::Failed, format!("port {port} {}: {e}", state.as_str()), &t));
            layers.push(skipped("tls", "no connection"));
            report.layers = layers;
            let (message, next) = match state {
                PortState::Closed => (
                    format!("{host} is up but nothing listens on port {port}"),
                    "the service is stopped or listens on another port: check the service on the server".to_string(),
                ),
                PortState::Filtered => (
                    format!("port {port} on {host} gets no answer"),
                    if ping_ok == Some(true) {
                        "the host answers ping, so a firewall drops this port: check firewall rules".to_string()
                    } else {
                        "the host is down or a firewall drops everything: check the host and the path".to_string()
                    },
                ),
                PortState::Error | PortState::Open => {
                    (format!("cannot connect to {host} port {port}: {e}"), "check the network path (route, VPN)".to_string())
                }
            };
            report.verdict = Verdict { ok: false, failed_layer: Some("tcp"), message, next_step: Some(next) };
            return Ok((report, Outcome::CheckFailed));
        }
    };
    if let Some(opts) = &req.tls {
        let t = Timer(Instant::now());
        let Some(ctx) = &tls_ctx else { unreachable!("built above when TLS is asked") };
        let name = opts.sni.clone().unwrap_or_else(|| host.clone());
        let r = tls::inspect(ctx, stream, &name, opts.warn_days, req.timeout.max(Duration::from_secs(3))).await;
        if r.ok {
            layers.push(layer(
                "tls",
                LayerStatus::Ok,
                format!(
                    "{} certificate for {} valid {} more days",
                    r.protocol.clone().unwrap_or_default(),
                    r.sans.join(", "),
                    r.days_left.unwrap_or(0)
                ),
                &t,
            ));
        } else {
            layers.push(layer("tls", LayerStatus::Failed, r.problems.join("; "), &t));
            report.layers = layers;
            report.verdict = Verdict {
                ok: false,
                failed_layer: Some("tls"),
                message: format!("{target} answers, but its TLS certificate fails: {}", r.problems.first().cloned().unwrap_or_default()),
                next_step: Some("renew or fix the certificate on the server; if the CA is private, check with --ca FILE".into()),
            };
            return Ok((report, Outcome::CheckFailed));
        }
    } else {
        layers.push(skipped("tls", "not asked (--tls)"));
    }
    report.layers = layers;
    let note = if ping_ok == Some(false) { " (ping gets no answer: ICMP is probably filtered, which is harmless)" } else { "" };
    report.verdict = Verdict { ok: true, failed_layer: None, message: format!("{target} is reachable{note}"), next_step: None };
    Ok((report, Outcome::Ok))
}

fn join(addrs: &[IpAddr]) -> String {
    addrs.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

/// Why a name did not resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DnsFailureKind {
    /// NXDOMAIN: the name does not exist.
    NoSuchName,
    /// The name exists but has no address record.
    NoAddress,
    /// SERVFAIL or REFUSED: the server could not or would not answer.
    ServerFailed,
    /// No answer at all: timeout, unreachable server, no resolver.
    NoAnswer,
}

impl DnsFailureKind {
    fn verdict(self, host: &str) -> (String, String) {
        match self {
            Self::NoSuchName => (
                format!("{host} does not exist in DNS, so nothing can reach it"),
                "check the spelling; compare DNS servers with `deskhand net dns NAME --server A --server B` (VPN split DNS?)".into(),
            ),
            Self::NoAddress => (
                format!("{host} exists in DNS but has no address record"),
                "the A/AAAA record is missing: see `deskhand net dns NAME --type all`, then ask the DNS admins".into(),
            ),
            Self::ServerFailed => (
                format!("the DNS server failed to answer for {host}"),
                "a server-side problem (broken zone, DNSSEC, upstream down): try another server with --server, and tell the DNS admins"
                    .into(),
            ),
            Self::NoAnswer => (
                format!("no DNS answer for {host}: the DNS server does not respond"),
                "check the network path to the DNS server (VPN up? firewall?) and that the server runs: `deskhand net check DNS-SERVER:53`"
                    .into(),
            ),
        }
    }
}

struct DnsFailure {
    kind: DnsFailureKind,
    detail: String,
}

async fn resolve<T: Transport>(host: &str, req: &CheckRequest, transport: &T) -> std::result::Result<(Vec<IpAddr>, String), DnsFailure> {
    let Some(server) = req.dns_server else {
        return match tokio::net::lookup_host((host, 0)).await {
            Ok(found) => {
                let mut addrs: Vec<IpAddr> = Vec::new();
                for ip in found.map(|sa| sa.ip().to_canonical()) {
                    let wanted = match req.family {
                        Family::Any => true,
                        Family::V4 => ip.is_ipv4(),
                        Family::V6 => ip.is_ipv6(),
                    };
                    if wanted && !addrs.contains(&ip) {
                        addrs.push(ip);
                    }
                }
                addrs.sort_by_key(IpAddr::is_ipv6);
                if addrs.is_empty() {
                    Err(DnsFailure {
                        kind: DnsFailureKind::NoAddress,
                        detail: format!("{host} has no address of the requested family (system resolver)"),
                    })
                } else {
                    Ok((addrs, "system resolver".into()))
                }
            }
            Err(e) => {
                // getaddrinfo's words are all we get: EAI_NONAME vs EAI_AGAIN.
                let text = e.to_string();
                let text = text.strip_prefix("failed to lookup address information: ").unwrap_or(&text).to_string();
                let kind = if text.contains("Temporary failure") || text.contains("try again") {
                    DnsFailureKind::NoAnswer
                } else if text.contains("no address associated") || text.contains("No address associated") {
                    DnsFailureKind::NoAddress
                } else {
                    DnsFailureKind::NoSuchName
                };
                Err(DnsFailure { kind, detail: format!("{host}: {text} (system resolver)") })
            }
        };
    };
    let types = match req.family {
        Family::V4 => vec![RecordType::A],
        Family::V6 => vec![RecordType::AAAA],
        Family::Any => vec![RecordType::A, RecordType::AAAA],
    };
    let dreq = dns::DnsRequest {
        names: vec![host.to_string()],
        types,
        servers: vec![server],
        protocol: Protocol::Udp,
        timeout: req.timeout,
        concurrency: 2,
        all_types: true,
        system: None,
    };
    let (report, _) = dns::run(&dreq, transport, &crate::progress::NoProgress)
        .await
        .map_err(|e| DnsFailure { kind: DnsFailureKind::NoAnswer, detail: e.message })?;
    let mut addrs = Vec::new();
    let mut statuses = Vec::new();
    let mut kind = DnsFailureKind::NoAddress;
    for l in &report.lookups {
        for a in &l.answers {
            statuses.push(format!("{} {}", l.rtype, a.status.as_str()));
            kind = match a.status {
                dns::Status::NxDomain => DnsFailureKind::NoSuchName,
                dns::Status::ServFail | dns::Status::Refused | dns::Status::Error => DnsFailureKind::ServerFailed,
                dns::Status::Timeout | dns::Status::Unreachable => DnsFailureKind::NoAnswer,
                dns::Status::Ok | dns::Status::NoData => kind,
            };
            for r in &a.records {
                if (r.rtype == "A" || r.rtype == "AAAA")
                    && let Ok(ip) = r.data.parse()
                {
                    addrs.push(ip);
                }
            }
        }
    }
    if addrs.is_empty() {
        Err(DnsFailure { kind, detail: format!("{host}: {} at {server}", statuses.join(", ")) })
    } else {
        Ok((addrs, format!("DNS server {server}")))
    }
}

/// `name (address)`, or the address alone when the name is the address.
fn named(host: &str, addr: IpAddr) -> String {
    if host == addr.to_string() { host.to_string() } else { format!("{host} ({addr})") }
}
