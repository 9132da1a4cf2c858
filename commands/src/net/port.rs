//! `net port`: TCP connect checks and scans over many hosts and ports at once. The number
//! of connects in flight is bounded below `RLIMIT_NOFILE` (raised to its hard limit first),
//! so a full 65535-port scan never fails with "too many open files" nor reports false
//! closed ports. `--tls` inspects the certificate on every open port.

use super::targets::{self, Family, Target, Unresolved};
use super::tls::{self, TlsContext, TlsOptions, TlsReport};
use crate::error::{CommandError, Result};
use crate::{Outcome, Progress};
use futures::StreamExt;
use serde::Serialize;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

/// What a connect attempt found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
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

/// Attempts one run may list row by row (without `--open`).
pub const MAX_LISTED_ATTEMPTS: usize = 1 << 17;
/// Attempts one scan (`--open`) may make: a /24 times every port.
pub const MAX_SCAN_ATTEMPTS: usize = 1 << 24;

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
    /// A connect from this host to one of its own addresses can complete with nothing
    /// listening: when the kernel picks the target port as the source port, the SYN
    /// meets its own socket (a TCP simultaneous open with itself), and when two
    /// connecting sockets of this host each hold the port the other aims at, they meet
    /// each other. Neither is a service, so neither is reported open: a socket connected
    /// to itself is tried again with a new one (the kernel never hands out a port that a
    /// listener holds, so meeting itself twice means nothing listens), and a connection
    /// to a local port without a listener is called closed.
    async fn connect(&self, addr: SocketAddr, timeout: Duration) -> std::result::Result<TcpStream, (PortState, String)> {
        for _ in 0..SELF_CONNECT_TRIES {
            let stream = connect_once(addr, timeout).await?;
            if stream.local_addr().is_ok_and(|local| local == addr) {
                continue;
            }
            if super::listeners::phantom(addr) {
                return Err((PortState::Closed, PHANTOM.into()));
            }
            return Ok(stream);
        }
        Err((PortState::Closed, SELF_CONNECT.into()))
    }
}

/// Attempts before a port whose connect keeps meeting itself is called closed.
const SELF_CONNECT_TRIES: usize = 3;
const SELF_CONNECT: &str = "nothing listens: the connect met its own socket (a TCP simultaneous open)";
const PHANTOM: &str = "nothing listens: the connect met another connecting socket of this host (a TCP simultaneous open)";

async fn connect_once(addr: SocketAddr, timeout: Duration) -> std::result::Result<TcpStream, (PortState, String)> {
    let sock = match quick_connect(addr) {
        Quick::Refused => return Err((PortState::Closed, "connection refused".into())),
        Quick::Failed(e) => return Err(classify(&e)),
        Quick::Pending(sock) => sock,
    };
    let stream = TcpStream::from_std(std::net::TcpStream::from(sock)).map_err(|e| classify(&e))?;
    match tokio::time::timeout(timeout, stream.writable()).await {
        Err(_) => Err((PortState::Filtered, format!("no answer within {timeout:?}"))),
        Ok(Err(e)) => Err(classify(&e)),
        Ok(Ok(())) => match stream.take_error() {
            Ok(Some(e)) | Err(e) => Err(classify(&e)),
            Ok(None) => match stream.peer_addr() {
                Ok(_) => Ok(stream),
                Err(e) => Err(classify(&e)),
            },
        },
    }
}

fn classify(e: &std::io::Error) -> (PortState, String) {
    match e.kind() {
        std::io::ErrorKind::ConnectionRefused => (PortState::Closed, "connection refused".to_string()),
        std::io::ErrorKind::TimedOut => (PortState::Filtered, e.to_string()),
        _ => (PortState::Error, e.to_string()),
    }
}

/// What the synchronous part of a connect found.
enum Quick {
    Refused,
    Failed(std::io::Error),
    /// Connected or still connecting: the socket goes on to the reactor.
    Pending(socket2::Socket),
}

thread_local! {
    /// Per thread, one spare socket per address family whose last connect was refused.
    static SPARE: std::cell::RefCell<[Option<socket2::Socket>; 2]> = const { std::cell::RefCell::new([None, None]) };
}

/// Starts a non-blocking connect and settles it at once when the answer is already
/// there, as it is for a reset from a nearby host. A second `connect()` on the same
/// socket reports the outcome: ECONNREFUSED (and Linux resets the socket, so the next
/// port reuses it: two system calls per closed port, no socket to create or close),
/// EISCONN (open), or EALREADY (still connecting: the reactor takes over).
fn quick_connect(addr: SocketAddr) -> Quick {
    let family = usize::from(addr.is_ipv6());
    let spare = SPARE.with(|s| s.borrow_mut()[family].take());
    let sock = if let Some(s) = spare {
        s
    } else {
        let domain = if addr.is_ipv4() { socket2::Domain::IPV4 } else { socket2::Domain::IPV6 };
        match socket2::Socket::new(domain, socket2::Type::STREAM.nonblocking().cloexec(), Some(socket2::Protocol::TCP)) {
            Ok(s) => s,
            Err(e) => return Quick::Failed(e),
        }
    };
    let target = addr.into();
    match sock.connect(&target) {
        Ok(()) => return Quick::Pending(sock),
        Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => {}
        Err(e) => return Quick::Failed(e),
    }
    match sock.connect(&target) {
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            if cfg!(target_os = "linux") {
                SPARE.with(|s| s.borrow_mut()[family] = Some(sock));
            }
            Quick::Refused
        }
        Err(e) if e.raw_os_error() == Some(libc::EALREADY) || e.raw_os_error() == Some(libc::EISCONN) => Quick::Pending(sock),
        Ok(()) => Quick::Pending(sock),
        Err(e) => Quick::Failed(e),
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
    /// People's renderings list every closed port (`--all`), not a count of them.
    pub list_closed: bool,
    /// The closed ports' rows kept per host: `None` keeps every one (JSON, CSV, `--all`).
    /// A table shows a host's closed ports only when they are at most
    /// [`CLOSED_ROWS_SHOWN`], so it needs one more than that to know, and a full scan
    /// then holds a few rows, not 65,535.
    pub closed_rows: Option<usize>,
    pub family: Family,
}

/// A host's closed ports that people's renderings list as rows; beyond it they are a count.
pub const CLOSED_ROWS_SHOWN: usize = 5;

#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct PortResult {
    pub port: u16,
    pub state: PortState,
    /// Time to connect (open) or to be refused (closed).
    pub time_ms: Option<f64>,
    pub error: Option<String>,
    pub tls: Option<Box<TlsReport>>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, schemars::JsonSchema)]
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

#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct HostPorts {
    pub target: String,
    pub address: std::net::IpAddr,
    /// Every port, or only the open ones in scan mode (`--open`).
    pub ports: Vec<PortResult>,
    pub counts: PortCounts,
}

/// The report of `net port`.
#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct PortReport {
    pub open_only: bool,
    /// Whether the table lists every closed port (`--all`); JSON always does.
    #[serde(skip)]
    pub list_closed: bool,
    pub hosts: Vec<HostPorts>,
    /// Names that gave no address: no port of theirs was tried.
    pub unresolved: Vec<Unresolved>,
    pub summary: PortCounts,
    /// Connects that were allowed in flight at once.
    pub concurrency: usize,
}

/// Parses `host:port`, `[v6]:port`, `host`, `10.0.0.0/28:443` against the ports of `-p`.
pub fn parse_specs(specs: &[String], ports: Option<&[u16]>) -> Result<Vec<HostSpec>> {
    let mut out = Vec::new();
    for s in specs {
        let s = s.trim();
        let Endpoint { host, port, .. } = parse_endpoint(s)?;
        let ports = match (port, ports) {
            (Some(p), _) => vec![p],
            (None, Some(list)) => list.to_vec(),
            (None, None) => {
                let example = if s.contains(':') { format!("[{s}]:PORT") } else { format!("{s}:PORT") };
                return Err(CommandError::usage(format!("no port given for '{s}'"))
                    .with_hint(format!("write {example}, or give ports with -p 22,80,443 or -p 1-1024")));
            }
        };
        out.push(HostSpec { host, ports });
    }
    if out.is_empty() {
        return Err(CommandError::usage("no host to check").with_hint("give HOST:PORT, or HOST with -p PORTS"));
    }
    Ok(out)
}

/// Well-known URL schemes: their port, and whether they speak TLS from the start.
const SCHEMES: &[(&str, u16, bool)] = &[
    ("https", 443, true),
    ("http", 80, false),
    ("ldaps", 636, true),
    ("ldap", 389, false),
    ("imaps", 993, true),
    ("smtps", 465, true),
    ("smtp", 25, false),
    ("ftp", 21, false),
    ("ssh", 22, false),
    ("rdp", 3389, false),
];

/// A host, an optional port, and whether a URL scheme asked for TLS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub host: String,
    pub port: Option<u16>,
    pub tls: bool,
}

/// Splits `host:port`, `[v6]:port`, or a pasted URL (`https://host/path`: the scheme gives
/// the port and TLS). A bare IPv6 address carries no port.
pub fn parse_endpoint(s: &str) -> Result<Endpoint> {
    let s = s.trim();
    if let Some((scheme, rest)) = s.split_once("://") {
        let Some(&(_, default_port, tls)) = SCHEMES.iter().find(|(name, _, _)| name.eq_ignore_ascii_case(scheme)) else {
            return Err(
                CommandError::usage(format!("unknown URL scheme '{scheme}' in '{s}'")).with_hint("drop the scheme and give HOST:PORT")
            );
        };
        // Drop the path, query and any user@ part.
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        let (host, port) = split_host_port(authority)?;
        return Ok(Endpoint { host, port: Some(port.unwrap_or(default_port)), tls });
    }
    let (host, port) = split_host_port(s)?;
    Ok(Endpoint { host, port, tls: false })
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
            if h.is_empty() {
                return Err(CommandError::usage(format!("'{s}' has no host")).with_hint("write HOST:PORT"));
            }
            Ok((h.to_string(), Some(crate::util::parse_port(p, s)?)))
        }
        // A bare IPv6 address (or range) carries no port.
        _ => Ok((s.to_string(), None)),
    }
}

/// Formats host and port for people: `[::1]:22` for IPv6.
pub fn host_port(host: &str, port: u16) -> String {
    if host.contains(':') { format!("[{host}]:{port}") } else { format!("{host}:{port}") }
}

/// Raises the soft open-file limit to the hard limit and returns how many connects may
/// be in flight, leaving room for the files the process already holds.
pub fn connect_window(wanted: usize) -> usize {
    let soft = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
    // Keep 64 descriptors for everything else; with a tiny limit, half of it.
    let room = if soft > 128 { soft - 64 } else { (soft / 2).max(1) };
    wanted.clamp(1, usize::try_from(room).unwrap_or(usize::MAX))
}

/// Runs `net port`. The attempts are split into one shard per runtime worker, so that
/// the kernel work of a large scan runs on every core.
pub async fn run<C: Connector + Clone + 'static>(
    req: &PortRequest,
    connector: &C,
    progress: &dyn Progress,
) -> Result<(PortReport, Outcome)> {
    // Certificates and names are checked before any packet leaves.
    let tls_ctx = match &req.tls {
        Some(opts) => Some(Arc::new((TlsContext::new(opts)?, opts.clone()))),
        None => None,
    };
    let mut hosts: Vec<(Target, Arc<[u16]>)> = Vec::new();
    let mut unresolved: Vec<Unresolved> = Vec::new();
    for spec in &req.specs {
        let ports: Arc<[u16]> = spec.ports.clone().into();
        let expanded = targets::expand(std::slice::from_ref(&spec.host), req.family).await?;
        for t in expanded.targets {
            hosts.push((t, ports.clone()));
        }
        for u in expanded.unresolved {
            if !unresolved.iter().any(|seen| seen.name == u.name) {
                unresolved.push(u);
            }
        }
    }
    let total: usize = hosts.iter().map(|(_, p)| p.len()).sum();
    let cap = if req.open_only { MAX_SCAN_ATTEMPTS } else { MAX_LISTED_ATTEMPTS };
    if total > cap {
        let hint = if req.open_only {
            "scan fewer hosts or ports at once (e.g. split a /16 into /24s)".to_string()
        } else {
            format!("add --open to list only open ports (scans up to {MAX_SCAN_ATTEMPTS} attempts), or check fewer hosts or ports")
        };
        return Err(CommandError::usage(format!("{total} host and port pairs are more than {cap} at once")).with_hint(hint));
    }
    progress.set_length(total as u64);
    let window = connect_window(req.concurrency);
    let mut out: Vec<HostPorts> = hosts
        .iter()
        .map(|(t, _)| HostPorts { target: t.name.clone(), address: t.addr, ports: Vec::new(), counts: PortCounts::default() })
        .collect();
    let hosts = Arc::new(hosts);
    let shards = tokio::runtime::Handle::current().metrics().num_workers().clamp(1, window);
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<(usize, PortResult)>>(64);
    for shard in 0..shards {
        let (hosts, tx, connector, tls, timeout) = (hosts.clone(), tx.clone(), connector.clone(), tls_ctx.clone(), req.timeout);
        tokio::spawn(run_shard(Shard { hosts, index: shard, shards, in_flight: (window / shards).max(1), timeout }, connector, tls, tx));
    }
    drop(tx);
    // Counts come from every attempt; scan mode keeps only the open ports' rows, and a
    // table only the closed rows it may show, so a full scan holds a few rows, not 65535.
    while let Some(batch) = rx.recv().await {
        progress.inc(batch.len() as u64);
        for (hi, r) in batch {
            let h = &mut out[hi];
            h.counts.add(&r);
            let closed_row_wanted = req.closed_rows.is_none_or(|n| h.counts.closed <= n);
            if r.state == PortState::Open || (!req.open_only && (r.state != PortState::Closed || closed_row_wanted)) {
                h.ports.push(r);
            }
        }
    }
    let mut summary = PortCounts::default();
    for h in &mut out {
        h.ports.sort_by_key(|r| r.port);
        summary.merge(&h.counts);
    }
    // A name that does not resolve fails the check, as in every `net` command.
    let ok = unresolved.is_empty() && if req.open_only { summary.open > 0 } else { summary.open == total && summary.tls_failed == 0 };
    Ok((
        PortReport { open_only: req.open_only, list_closed: req.list_closed, hosts: out, unresolved, summary, concurrency: window },
        Outcome::from_ok(ok),
    ))
}

/// Results a shard sends at most in one message to the collector.
const RESULTS_PER_MESSAGE: usize = 1024;

/// One worker's share of a scan: every `shards`-th attempt, starting at `index`.
struct Shard {
    hosts: Arc<Vec<(Target, Arc<[u16]>)>>,
    index: usize,
    shards: usize,
    in_flight: usize,
    timeout: Duration,
}

/// Walks the (host, port) pairs of a shard without materialising them: a /24 times
/// 65535 ports is sixteen million pairs.
struct Jobs {
    hosts: Arc<Vec<(Target, Arc<[u16]>)>>,
    host: usize,
    offset: usize,
    step: usize,
}

impl Iterator for Jobs {
    type Item = (usize, u16);

    fn next(&mut self) -> Option<(usize, u16)> {
        loop {
            let (_, ports) = self.hosts.get(self.host)?;
            if self.offset < ports.len() {
                let job = (self.host, ports[self.offset]);
                self.offset += self.step;
                return Some(job);
            }
            self.offset -= ports.len();
            self.host += 1;
        }
    }
}

async fn run_shard<C: Connector>(
    s: Shard,
    connector: C,
    tls: Option<Arc<(TlsContext, TlsOptions)>>,
    tx: tokio::sync::mpsc::Sender<Vec<(usize, PortResult)>>,
) {
    let jobs = Jobs { hosts: s.hosts.clone(), host: 0, offset: s.index, step: s.shards };
    let (hosts, connector, tls, timeout) = (&s.hosts, &connector, tls.as_deref(), s.timeout);
    let mut results = futures::stream::iter(jobs)
        .map(|(hi, port)| async move { (hi, check_one(connector, &hosts[hi].0, port, timeout, tls).await) })
        .buffer_unordered(s.in_flight)
        // Whatever is ready goes over in one message: on loopback most connects settle at
        // once, and a message per port costs a thread wake-up (a futex call) per port.
        .ready_chunks(RESULTS_PER_MESSAGE);
    while let Some(r) = results.next().await {
        // The receiver only goes away when the run is cancelled.
        if tx.send(r).await.is_err() {
            break;
        }
    }
}

async fn check_one<C: Connector>(
    connector: &C,
    t: &Target,
    port: u16,
    timeout: Duration,
    tls: Option<&(TlsContext, TlsOptions)>,
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
