//! `net check`: the "why can't the user reach X" triage. It walks the layers in order,
//! DNS -> ping -> TCP -> TLS, and ends with a verdict naming the first layer that failed
//! and what to try next. Ping is advisory when a port is given: many hosts drop ICMP
//! while serving TCP, so a failed ping only decides the verdict when nothing else can.

use super::dns::{self, Protocol, Transport};
use super::ping::{Echo, Pinger};
use super::port::{Connector, PortState};
use super::targets::{self, Family};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerStatus {
    Ok,
    Failed,
    /// Failed, but not decisive (ping when TCP answers).
    Warning,
    Skipped,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Layer {
    pub layer: &'static str,
    pub status: LayerStatus,
    pub detail: String,
    pub time_ms: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Verdict {
    pub ok: bool,
    /// The first layer that failed, if any.
    pub failed_layer: Option<&'static str>,
    pub message: String,
    pub next_step: Option<String>,
}

/// The report of `net check`.
#[derive(Debug, Clone, Serialize, PartialEq)]
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
    Layer { layer, status, detail: detail.into(), time_ms: t.ms() }
}

fn skipped(name: &'static str, why: &str) -> Layer {
    Layer { layer: name, status: LayerStatus::Skipped, detail: why.to_string(), time_ms: 0.0 }
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

    // 1. DNS
    let t = Timer(Instant::now());
    let address = if let Ok(ip) = host.parse::<IpAddr>() {
        layers.push(layer("dns", LayerStatus::Skipped, format!("{ip} is an address: no lookup needed"), &t));
        Some(ip)
    } else {
        // Reject malformed names before any lookup.
        targets::parse_spec(&host)?;
        match resolve(&host, req, transport).await {
            Ok((addrs, via)) => {
                layers.push(layer("dns", LayerStatus::Ok, format!("{host} -> {} ({via})", join(&addrs)), &t));
                addrs.first().copied()
            }
            Err(why) => {
                layers.push(layer("dns", LayerStatus::Failed, why, &t));
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
        report.verdict = Verdict {
            ok: false,
            failed_layer: Some("dns"),
            message: format!("{host} does not resolve, so nothing can reach it"),
            next_step: Some("check the spelling; compare DNS servers with `deskhand net dns NAME --server A --server B`; on the user's machine check the DNS server it uses (VPN split DNS?)".into()),
        };
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
                let why = last_err.unwrap_or_else(|| format!("no reply to {sent} echo requests"));
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
                message: format!("{host} ({addr}) does not answer ping"),
                next_step: Some("the host may be down or ICMP blocked; check a service port: `deskhand net check HOST:PORT`".into()),
            },
            None => Verdict {
                ok: false,
                failed_layer: Some("ping"),
                message: format!("{host} ({addr}) resolves, but whether it answers is unknown: ping needs a privilege this process lacks"),
                next_step: Some(
                    "give a port (HOST:PORT) to check a service over TCP, or allow ping (see the hint of `deskhand net ping`)".into(),
                ),
            },
            Some(true) => Verdict {
                ok: true,
                failed_layer: None,
                message: format!("{host} ({addr}) resolves and answers ping"),
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
        let ctx = TlsContext::new(opts)?;
        let name = opts.sni.clone().unwrap_or_else(|| host.clone());
        let r = tls::inspect(&ctx, stream, &name, opts.warn_days, req.timeout.max(Duration::from_secs(3))).await;
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
                message: format!(
                    "{host}:{port} answers, but its TLS certificate fails: {}",
                    r.problems.first().cloned().unwrap_or_default()
                ),
                next_step: Some("renew or fix the certificate on the server; if the CA is private, check with --ca FILE".into()),
            };
            return Ok((report, Outcome::CheckFailed));
        }
    } else {
        layers.push(skipped("tls", "not asked (--tls)"));
    }
    report.layers = layers;
    let note = if ping_ok == Some(false) { " (ping gets no answer: ICMP is probably filtered, which is harmless)" } else { "" };
    report.verdict = Verdict { ok: true, failed_layer: None, message: format!("{host}:{port} is reachable{note}"), next_step: None };
    Ok((report, Outcome::Ok))
}

fn join(addrs: &[IpAddr]) -> String {
    addrs.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

async fn resolve<T: Transport>(host: &str, req: &CheckRequest, transport: &T) -> std::result::Result<(Vec<IpAddr>, String), String> {
    let Some(server) = req.dns_server else {
        return targets::resolve_host(host, req.family).await.map(|a| (a, "system resolver".into())).map_err(|e| e.message);
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
    };
    let (report, _) = dns::run(&dreq, transport, &crate::progress::NoProgress).await.map_err(|e| e.message)?;
    let mut addrs = Vec::new();
    let mut statuses = Vec::new();
    for l in &report.lookups {
        for a in &l.answers {
            statuses.push(format!("{} {}", l.rtype, a.status.as_str()));
            for r in &a.records {
                if (r.rtype == "A" || r.rtype == "AAAA")
                    && let Ok(ip) = r.data.parse()
                {
                    addrs.push(ip);
                }
            }
        }
    }
    if addrs.is_empty() { Err(format!("{host}: {} at {server}", statuses.join(", "))) } else { Ok((addrs, format!("DNS server {server}"))) }
}
