//! `net port`: TCP connect checks and scans over many hosts and ports at once. The number
//! of connects in flight is bounded below `RLIMIT_NOFILE` (raised to its hard limit first),
//! so a full 65535-port scan never fails with "too many open files" nor reports false
//! closed ports. `--tls` inspects the certificate on every open port.

use super::targets::{self, Family, Target};
use super::tls::{self, TlsContext, TlsOptions, TlsReport};
use crate::error::{CommandError, Result};
use crate::{Outcome, Progress};
use futures::StreamExt;
use serde::Serialize;
use std::future::Future;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

/// What a connect attempt found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PortState {
    Open,
    /// The host answered with a reset: it is up, nothing listens.
    Closed,
    /// No answer before the timeout: a firewall drops the packets, or the host is down.
    Filtered,
    /// The connect failed otherwise (network unreachable...).
    Error,
}

impl PortState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Filtered => "filtered",
            Self::Error => "error",
        }
    }
}

/// The TCP seam.
pub trait Connector: Send + Sync {
    fn connect(
        &self,
        addr: SocketAddr,
        timeout: Duration,
    ) -> impl Future<Output = std::result::Result<TcpStream, (PortState, String)>> + Send;
}

/// Real TCP connects.
#[derive(Debug, Default, Clone, Copy)]
pub struct TcpConnector;

impl Connector for TcpConnector {
    async fn connect(&self, addr: SocketAddr, timeout: Duration) -> std::result::Result<TcpStream, (PortState, String)> {
        match tokio::time::timeout(timeout, TcpStream::connect(addr)).await {
            Err(_) => Err((PortState::Filtered, format!("no answer within {timeout:?}"))),
            Ok(Ok(s)) => Ok(s),
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => Err((PortState::Closed, "connection refused".into())),
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::TimedOut => Err((PortState::Filtered, e.to_string())),
            Ok(Err(e)) => Err((PortState::Error, e.to_string())),
        }
    }
}

/// One host and the ports to try on it, as the user wrote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostSpec {
    pub host: String,
    pub ports: Vec<u16>,
}

/// What `net port` is asked.
#[derive(Debug, Clone)]
pub struct PortRequest {
    pub specs: Vec<HostSpec>,
    pub timeout: Duration,
    /// Connects in flight at most (further capped by the open-file limit).
    pub concurrency: usize,
    pub tls: Option<TlsOptions>,
    /// Scan mode: list only open ports; the check passes when any port is open.
    pub open_only: bool,
    pub family: Family,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PortResult {
    pub port: u16,
    pub state: PortState,
    /// Time to connect (open) or to be refused (closed).
    pub time_ms: Option<f64>,
    pub error: Option<String>,
    pub tls: Option<Box<TlsReport>>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct PortCounts {
    pub open: usize,
    pub closed: usize,
    pub filtered: usize,
    pub error: usize,
    pub tls_failed: usize,
}

impl PortCounts {
    fn add(&mut self, r: &PortResult) {
        match r.state {
            PortState::Open => self.open += 1,
            PortState::Closed => self.closed += 1,
            PortState::Filtered => self.filtered += 1,
            PortState::Error => self.error += 1,
        }
        if r.tls.as_ref().is_some_and(|t| !t.ok) {
            self.tls_failed += 1;
        }
    }

    fn merge(&mut self, o: &PortCounts) {
        self.open += o.open;
        self.closed += o.closed;
        self.filtered += o.filtered;
        self.error += o.error;
        self.tls_failed += o.tls_failed;
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct HostPorts {
    pub target: String,
    pub address: std::net::IpAddr,
    /// Every port, or only the open ones in scan mode (`--open`).
    pub ports: Vec<PortResult>,
    pub counts: PortCounts,
}

/// The report of `net port`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PortReport {
    pub open_only: bool,
    pub hosts: Vec<HostPorts>,
    pub summary: PortCounts,
    /// Connects that were allowed in flight at once.
    pub concurrency: usize,
}

/// Parses `host:port`, `[v6]:port`, `host`, `10.0.0.0/28:443` against the ports of `-p`.
pub fn parse_specs(specs: &[String], ports: Option<&[u16]>) -> Result<Vec<HostSpec>> {
    let mut out = Vec::new();
    for s in specs {
        let s = s.trim();
        let (host, port) = split_host_port(s)?;
        let ports = match (port, ports) {
            (Some(p), _) => vec![p],
            (None, Some(list)) => list.to_vec(),
            (None, None) => {
                return Err(CommandError::usage(format!("no port given for '{s}'"))
                    .with_hint(format!("write {s}:PORT, or give ports with -p 22,80,443 or -p 1-1024")));
            }
        };
        out.push(HostSpec { host, ports });
    }
    if out.is_empty() {
        return Err(CommandError::usage("no host to check").with_hint("give HOST:PORT, or HOST with -p PORTS"));
    }
    Ok(out)
}

/// Splits `host:port` (IPv6 addresses need brackets to carry a port).
pub fn split_host_port(s: &str) -> Result<(String, Option<u16>)> {
    if let Some(rest) = s.strip_prefix('[')
        && let Some((h, tail)) = rest.split_once(']')
    {
        return match tail.strip_prefix(':') {
            Some(p) => Ok((h.to_string(), Some(crate::util::parse_port(p, s)?))),
            None if tail.is_empty() => Ok((h.to_string(), None)),
            None => Err(CommandError::usage(format!("'{s}' is not HOST:PORT")).with_hint("write [2001:db8::1]:443")),
        };
    }
    match s.matches(':').count() {
        0 => Ok((s.to_string(), None)),
        1 => {
            let (h, p) = s.split_once(':').unwrap_or((s, ""));
            Ok((h.to_string(), Some(crate::util::parse_port(p, s)?)))
        }
        // A bare IPv6 address (or range) carries no port.
        _ => Ok((s.to_string(), None)),
    }
}

/// Raises the soft open-file limit to the hard limit and returns how many connects may
/// be in flight, leaving room for the files the process already holds.
pub fn connect_window(wanted: usize) -> usize {
    let soft = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
    let room = soft.saturating_sub(64).max(16);
    wanted.clamp(1, usize::try_from(room).unwrap_or(usize::MAX))
}

/// Runs `net port`.
pub async fn run<C: Connector>(req: &PortRequest, connector: &C, progress: &dyn Progress) -> Result<(PortReport, Outcome)> {
    let mut hosts: Vec<(Target, Vec<u16>)> = Vec::new();
    for spec in &req.specs {
        for t in targets::expand(std::slice::from_ref(&spec.host), req.family).await? {
            hosts.push((t, spec.ports.clone()));
        }
    }
    let tls_ctx = match &req.tls {
        Some(opts) => Some((TlsContext::new(opts)?, opts)),
        None => None,
    };
    let total: usize = hosts.iter().map(|(_, p)| p.len()).sum();
    progress.set_length(total as u64);
    let window = connect_window(req.concurrency);
    let jobs = hosts.iter().enumerate().flat_map(|(hi, (t, ports))| ports.iter().map(move |p| (hi, t, *p)));
    let tls_ref = tls_ctx.as_ref();
    let mut out: Vec<HostPorts> = hosts
        .iter()
        .map(|(t, _)| HostPorts { target: t.name.clone(), address: t.addr, ports: Vec::new(), counts: PortCounts::default() })
        .collect();
    // Counts come from every attempt; scan mode keeps only the open ports' rows, so a
    // full scan holds a few rows, not 65535.
    futures::stream::iter(jobs)
        .map(|(hi, t, port)| async move {
            let r = check_one(connector, t, port, req.timeout, tls_ref).await;
            progress.inc(1);
            (hi, r)
        })
        .buffer_unordered(window)
        .for_each(|(hi, r)| {
            let h = &mut out[hi];
            h.counts.add(&r);
            if !req.open_only || r.state == PortState::Open {
                h.ports.push(r);
            }
            std::future::ready(())
        })
        .await;
    let mut summary = PortCounts::default();
    for h in &mut out {
        h.ports.sort_by_key(|r| r.port);
        summary.merge(&h.counts);
    }
    let ok = if req.open_only { summary.open > 0 } else { summary.open == total && summary.tls_failed == 0 };
    Ok((PortReport { open_only: req.open_only, hosts: out, summary, concurrency: window }, Outcome::from_ok(ok)))
}

async fn check_one<C: Connector>(
    connector: &C,
    t: &Target,
    port: u16,
    timeout: Duration,
    tls: Option<&(TlsContext, &TlsOptions)>,
) -> PortResult {
    let started = Instant::now();
    let attempt = connector.connect(SocketAddr::new(t.addr, port), timeout).await;
    let time_ms = Some((started.elapsed().as_secs_f64() * 1_000_000.0).round() / 1000.0);
    match attempt {
        Ok(stream) => {
            let tls = match tls {
                Some((ctx, opts)) => {
                    let name = opts.sni.clone().unwrap_or_else(|| t.name.clone());
                    Some(Box::new(tls::inspect(ctx, stream, &name, opts.warn_days, timeout.max(Duration::from_secs(3))).await))
                }
                None => None,
            };
            PortResult { port, state: PortState::Open, time_ms, error: None, tls }
        }
        Err((state, e)) => {
            PortResult { port, state, time_ms: (state == PortState::Closed).then_some(time_ms).flatten(), error: Some(e), tls: None }
        }
    }
}
