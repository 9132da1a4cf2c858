//! `net ping`: ICMP echo to many targets at once. One socket per address family is
//! shared by every target (surge-ping dispatches replies by address, identifier and
//! sequence); sends are paced by a global rate so a sweep does not flood a network.

use super::targets::{Target, Unresolved};
use crate::error::{CommandError, Result};
use crate::{Outcome, Progress};
use futures::StreamExt;
use serde::Serialize;
use std::future::Future;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The answer to one echo request.
#[derive(Debug, Clone, PartialEq)]
pub enum Echo {
    Reply(Duration),
    Timeout,
    /// Sending failed or an ICMP error came back (network unreachable...).
    Error(String),
}

/// The ICMP seam: the real implementation sends packets, tests substitute a fake.
pub trait Pinger: Send + Sync {
    /// Sends one echo request and waits up to `timeout` for its reply.
    fn echo(&self, addr: IpAddr, ident: u16, seq: u16, payload: &[u8], timeout: Duration) -> impl Future<Output = Echo> + Send;
}

/// A pinger for a run with no target to send to (every name failed to resolve): it is
/// never asked, and would say nothing came back.
pub struct Unreachable;

impl Pinger for Unreachable {
    async fn echo(&self, _: IpAddr, _: u16, _: u16, _: &[u8], _: Duration) -> Echo {
        Echo::Timeout
    }
}

/// Which targets the report lists (the summary always counts all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Show {
    #[default]
    All,
    Alive,
    Dead,
}

/// Everything `net ping` needs to know.
#[derive(Debug, Clone)]
pub struct PingRequest {
    pub targets: Vec<Target>,
    /// Names that gave no address: each is a target that fails the check.
    pub unresolved: Vec<Unresolved>,
    pub count: u16,
    /// Time between two echoes to the same target.
    pub interval: Duration,
    /// How long to wait for each reply.
    pub timeout: Duration,
    /// Payload bytes (like ping -s).
    pub size: usize,
    /// Packets per second across all targets; 0 means no pacing.
    pub rate: u32,
    pub show: Show,
    /// With `Some(n)`, the check passes when at least n targets answer; otherwise all must.
    pub min_alive: Option<usize>,
}

/// Round-trip statistics for one target, in milliseconds.
#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct Rtt {
    pub min_ms: f64,
    pub avg_ms: f64,
    pub max_ms: f64,
    /// Standard deviation, as ping's mdev.
    pub mdev_ms: f64,
    /// Mean difference between consecutive round trips.
    pub jitter_ms: f64,
}

/// The result for one target.
#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct HostResult {
    pub target: String,
    pub address: IpAddr,
    pub alive: bool,
    pub sent: u16,
    pub received: u16,
    pub loss_percent: f64,
    pub rtt: Option<Rtt>,
    /// The last error seen (e.g. "network unreachable"), when not a plain timeout.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct PingSummary {
    /// Every target asked for: alive, dead and unresolved.
    pub targets: usize,
    pub alive: usize,
    pub dead: usize,
    /// Names that gave no address, so nothing was sent.
    pub unresolved: usize,
    /// The least number of answering targets for the check to pass.
    pub min_alive: usize,
}

/// The report of `net ping`.
#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct PingReport {
    pub count: u16,
    pub show: Show,
    pub hosts: Vec<HostResult>,
    /// Names that gave no address (always listed, whatever `show` says).
    pub unresolved: Vec<Unresolved>,
    pub summary: PingSummary,
}

/// How far behind schedule the pacer may catch up at once.
const BURST: Duration = Duration::from_millis(5);

/// Spaces sends out so that at most `rate` packets per second leave, across all targets.
struct Pacer {
    next: Mutex<Instant>,
    gap: Duration,
}

impl Pacer {
    fn new(rate: u32) -> Self {
        let gap = if rate == 0 { Duration::ZERO } else { Duration::from_secs(1) / rate };
        Self { next: Mutex::new(Instant::now()), gap }
    }

    async fn wait(&self) {
        if self.gap.is_zero() {
            return;
        }
        let now = Instant::now();
        let slot = {
            let mut next = self.next.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            // Slots missed while a timer overslept (timers tick in milliseconds) may be
            // caught up, up to a small burst, so the average rate holds.
            let slot = (*next).max(now.checked_sub(BURST).unwrap_or(now));
            *next = slot + self.gap;
            slot
        };
        if slot > now + Duration::from_micros(500) {
            tokio::time::sleep_until(slot.into()).await;
        }
    }
}

/// How many targets are probed at once; the pacer limits the packet rate, this bounds memory.
const IN_FLIGHT: usize = 2048;

/// Runs `net ping`.
pub async fn run<P: Pinger>(req: &PingRequest, pinger: &P, progress: &dyn Progress) -> (PingReport, Outcome) {
    progress.set_length(req.targets.len() as u64 * u64::from(req.count));
    let pacer = Pacer::new(req.rate);
    let payload = vec![0x5au8; req.size];
    let base_ident: u16 = rand::random();
    // Targets are admitted at the pacing rate, so only probes with a packet out exist at
    // any time: memory stays flat however large the sweep.
    let pacer_ref = &pacer;
    let admitted = futures::stream::iter(req.targets.iter().enumerate()).then(|job| async move {
        pacer_ref.wait().await;
        job
    });
    let mut results: Vec<(usize, HostResult)> = admitted
        .map(|(i, t)| {
            let ident = base_ident.wrapping_add(i as u16);
            let (pacer, payload) = (&pacer, &payload);
            async move { (i, probe(req, pinger, t, ident, pacer, payload, progress).await) }
        })
        .buffer_unordered(IN_FLIGHT)
        .collect()
        .await;
    results.sort_by_key(|(i, _)| *i);
    let alive = results.iter().filter(|(_, h)| h.alive).count();
    let dead = results.len() - alive;
    let total = results.len() + req.unresolved.len();
    let min_alive = req.min_alive.unwrap_or(total);
    let hosts = results
        .into_iter()
        .map(|(_, h)| h)
        .filter(|h| match req.show {
            Show::All => true,
            Show::Alive => h.alive,
            Show::Dead => !h.alive,
        })
        .collect();
    let summary = PingSummary { targets: total, alive, dead, unresolved: req.unresolved.len(), min_alive };
    let outcome = Outcome::from_ok(alive >= min_alive);
    (PingReport { count: req.count, show: req.show, hosts, unresolved: req.unresolved.clone(), summary }, outcome)
}

async fn probe<P: Pinger>(
    req: &PingRequest,
    pinger: &P,
    target: &Target,
    ident: u16,
    pacer: &Pacer,
    payload: &[u8],
    progress: &dyn Progress,
) -> HostResult {
    let mut rtts: Vec<Duration> = Vec::with_capacity(usize::from(req.count));
    let mut error = None;
    for seq in 0..req.count {
        // The first echo was paced when the target was admitted.
        if seq > 0 {
            pacer.wait().await;
        }
        let started = Instant::now();
        match pinger.echo(target.addr, ident, seq, payload, req.timeout).await {
            Echo::Reply(d) => rtts.push(d),
            Echo::Timeout => {}
            Echo::Error(e) => error = Some(e),
        }
        progress.inc(1);
        if seq + 1 < req.count {
            tokio::time::sleep_until((started + req.interval).into()).await;
        }
    }
    let received = rtts.len() as u16;
    HostResult {
        target: target.name.clone(),
        address: target.addr,
        alive: received > 0,
        sent: req.count,
        received,
        loss_percent: if req.count == 0 { 0.0 } else { 100.0 * f64::from(req.count - received) / f64::from(req.count) },
        rtt: rtt_stats(&rtts),
        error,
    }
}

/// Computes min/avg/max/mdev/jitter over the round trips, in milliseconds.
pub fn rtt_stats(rtts: &[Duration]) -> Option<Rtt> {
    if rtts.is_empty() {
        return None;
    }
    let ms: Vec<f64> = rtts.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    let n = ms.len() as f64;
    let avg = ms.iter().sum::<f64>() / n;
    let var = (ms.iter().map(|x| x * x).sum::<f64>() / n - avg * avg).max(0.0);
    let jitter = if ms.len() < 2 { 0.0 } else { ms.windows(2).map(|w| (w[1] - w[0]).abs()).sum::<f64>() / (n - 1.0) };
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    Some(Rtt {
        min_ms: round(ms.iter().copied().fold(f64::INFINITY, f64::min)),
        avg_ms: round(avg),
        max_ms: round(ms.iter().copied().fold(0.0, f64::max)),
        mdev_ms: round(var.sqrt()),
        jitter_ms: round(jitter),
    })
}

/// The real ICMP pinger, on surge-ping. It asks for an unprivileged datagram socket first
/// and falls back to a raw socket.
pub struct IcmpPinger {
    v4: Option<surge_ping::Client>,
    v6: Option<surge_ping::Client>,
}

impl IcmpPinger {
    /// Opens the sockets the targets need. Fails with an environment error (and the exact
    /// fix) when the system allows neither kind of ICMP socket.
    pub fn new(targets: &[Target]) -> Result<Self> {
        let v4 = if targets.iter().any(|t| t.addr.is_ipv4()) { Some(open(surge_ping::ICMP::V4)?) } else { None };
        let v6 = if targets.iter().any(|t| t.addr.is_ipv6()) { Some(open(surge_ping::ICMP::V6)?) } else { None };
        Ok(Self { v4, v6 })
    }

    /// Both families where the system allows them (`net check` does not know the
    /// address family before its DNS layer); an error only when neither opens.
    pub fn any_family() -> Result<Self> {
        let v4 = open(surge_ping::ICMP::V4);
        let v6 = open(surge_ping::ICMP::V6);
        match (v4, v6) {
            (Err(e), Err(_)) => Err(e),
            (v4, v6) => Ok(Self { v4: v4.ok(), v6: v6.ok() }),
        }
    }
}

fn privilege_error(e: &std::io::Error) -> CommandError {
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        CommandError::environment("not allowed to open an ICMP socket (no privilege for ping)").with_hint(
            "allow unprivileged ping for your group: sudo sysctl -w net.ipv4.ping_group_range=\"0 2147483647\"; \
             or give the binary the capability: sudo setcap cap_net_raw+ep $(command -v deskhand)",
        )
    } else {
        CommandError::environment(format!("cannot open an ICMP socket: {}", e.to_string().lines().last().unwrap_or("")))
            .with_hint("check that the kernel supports ICMP sockets and that the address family is configured")
    }
}

fn open(kind: surge_ping::ICMP) -> Result<surge_ping::Client> {
    let config = surge_ping::Config::builder().kind(kind).sock_type_hint(socket2::Type::DGRAM).build();
    surge_ping::Client::new(&config).map_err(|e| privilege_error(&e))
}

impl Pinger for IcmpPinger {
    async fn echo(&self, addr: IpAddr, ident: u16, seq: u16, payload: &[u8], timeout: Duration) -> Echo {
        let client = match addr {
            IpAddr::V4(_) => self.v4.as_ref(),
            IpAddr::V6(_) => self.v6.as_ref(),
        };
        let Some(client) = client else {
            return Echo::Error("no socket for this address family".into());
        };
        let mut pinger = client.pinger(addr, surge_ping::PingIdentifier(ident)).await;
        pinger.timeout(timeout);
        // surge-ping starts its clock after the send returns, and its receive task may
        // stamp a loopback reply before that (a zero round trip): time it here instead.
        let started = Instant::now();
        match pinger.ping(surge_ping::PingSequence(seq), payload).await {
            Ok(_) => Echo::Reply(started.elapsed()),
            Err(surge_ping::SurgeError::Timeout { .. }) => Echo::Timeout,
            Err(surge_ping::SurgeError::IOError(e)) => Echo::Error(e.to_string()),
            Err(e) => Echo::Error(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::NoProgress;

    /// Answers for addresses ending in an even octet, drops the rest.
    struct EvenAnswers;

    impl Pinger for EvenAnswers {
        async fn echo(&self, addr: IpAddr, _: u16, seq: u16, _: &[u8], _: Duration) -> Echo {
            let IpAddr::V4(a) = addr else { return Echo::Error("v6".into()) };
            if a.octets()[3] % 2 == 0 { Echo::Reply(Duration::from_millis(u64::from(seq) + 1)) } else { Echo::Timeout }
        }
    }

    fn request(n: u8, count: u16) -> PingRequest {
        PingRequest {
            targets: (1..=n)
                .map(|i| {
                    let addr = IpAddr::from([10, 0, 0, i]);
                    Target { name: addr.to_string(), addr }
                })
                .collect(),
            unresolved: Vec::new(),
            count,
            interval: Duration::ZERO,
            timeout: Duration::from_millis(10),
            size: 56,
            rate: 0,
            show: Show::All,
            min_alive: None,
        }
    }

    #[tokio::test]
    async fn statistics_and_outcome() {
        let (report, outcome) = run(&request(4, 3), &EvenAnswers, &NoProgress).await;
        assert_eq!(outcome, Outcome::CheckFailed);
        assert_eq!(report.summary, PingSummary { targets: 4, alive: 2, dead: 2, unresolved: 0, min_alive: 4 });
        let h2 = &report.hosts[1];
        assert_eq!((h2.sent, h2.received, h2.loss_percent), (3, 3, 0.0));
        let rtt = h2.rtt.as_ref().unwrap();
        assert_eq!((rtt.min_ms, rtt.avg_ms, rtt.max_ms, rtt.jitter_ms), (1.0, 2.0, 3.0, 1.0));
        assert!((rtt.mdev_ms - 0.816).abs() < 0.001);
        assert_eq!(report.hosts[0].loss_percent, 100.0);
        assert!(report.hosts[0].rtt.is_none());
    }

    #[tokio::test]
    async fn quorum_and_filters() {
        let mut req = request(4, 1);
        req.min_alive = Some(2);
        req.show = Show::Dead;
        let (report, outcome) = run(&req, &EvenAnswers, &NoProgress).await;
        assert_eq!(outcome, Outcome::Ok);
        let shown: Vec<String> = report.hosts.iter().map(|h| h.target.clone()).collect();
        assert_eq!(shown, ["10.0.0.1", "10.0.0.3"]);
    }
}
