//! `net dns`: looks names up against one or several DNS servers, any record type, many
//! names at once. It speaks DNS itself (hickory-proto messages over UDP with TCP
//! fallback) rather than going through a caching resolver, so that every answer is the
//! server's own: its response code, its TTLs, its timing. With several servers the
//! answers are compared (a propagation / split-horizon check).

use crate::error::{CommandError, Result};
use crate::{Outcome, Progress};
use futures::StreamExt;
use hickory_proto::op::{Message, MessageType, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, RecordType};
use serde::Serialize;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The record types `--type all` asks for.
pub const ALL_TYPES: [RecordType; 9] = [
    RecordType::A,
    RecordType::AAAA,
    RecordType::CNAME,
    RecordType::MX,
    RecordType::NS,
    RecordType::SOA,
    RecordType::TXT,
    RecordType::CAA,
    RecordType::SRV,
];

/// How queries travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Protocol {
    /// UDP, retried over TCP when the answer is truncated.
    Udp,
    Tcp,
}

/// Why a query got no DNS answer at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    Timeout,
    /// The server's port refused us (ICMP port unreachable, or TCP RST).
    Unreachable(String),
    /// Anything else: a malformed reply, an I/O error.
    Other(String),
}

/// A reply and the protocol that finally carried it.
#[derive(Debug, Clone)]
pub struct Reply {
    pub message: Message,
    pub protocol: Protocol,
}

/// The DNS seam: sends one query to one server. Returns the outcome and the time from
/// the first datagram sent to it (a question waiting its turn is not yet on its way).
pub trait Transport: Send + Sync {
    fn query(
        &self,
        server: SocketAddr,
        query: &Query,
        protocol: Protocol,
        timeout: Duration,
    ) -> impl Future<Output = (std::result::Result<Reply, QueryError>, Duration)> + Send;
}

/// What `net dns` is asked.
#[derive(Debug, Clone)]
pub struct DnsRequest {
    pub names: Vec<String>,
    /// Record types; empty means A (or PTR for an address).
    pub types: Vec<RecordType>,
    pub servers: Vec<SocketAddr>,
    pub protocol: Protocol,
    pub timeout: Duration,
    /// Queries in flight at once.
    pub concurrency: usize,
    /// `--type all`: a name passes when any of its types has records.
    pub all_types: bool,
    /// Ask as the system resolver does (hosts file, search domains, first answering
    /// server) instead of every server side by side.
    pub system: Option<SystemResolver>,
}

/// What the system resolver adds to plain DNS: /etc/hosts, the search list and ndots.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SystemResolver {
    pub search: Vec<String>,
    pub ndots: usize,
    /// Address and name pairs from the hosts file.
    pub hosts: Vec<(IpAddr, String)>,
}

/// The system resolver's servers and settings, from /etc/resolv.conf and /etc/hosts.
pub fn system_resolver() -> (Vec<SocketAddr>, SystemResolver) {
    let conf = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let hosts = std::fs::read_to_string("/etc/hosts").unwrap_or_default();
    let (search, ndots) = parse_search(&conf);
    (parse_resolv_conf(&conf), SystemResolver { search, ndots, hosts: parse_hosts(&hosts) })
}

/// The search list (`search` or `domain`, the last one wins) and `options ndots:N`.
pub fn parse_search(text: &str) -> (Vec<String>, usize) {
    let mut search = Vec::new();
    let mut ndots = 1;
    for line in text.lines() {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("search" | "domain") => search = words.map(|w| w.trim_end_matches('.').to_string()).collect(),
            Some("options") => {
                for w in words {
                    if let Some(n) = w.strip_prefix("ndots:").and_then(|n| n.parse().ok()) {
                        ndots = n;
                    }
                }
            }
            _ => {}
        }
    }
    (search, ndots)
}

/// The address and name pairs of a hosts file.
pub fn parse_hosts(text: &str) -> Vec<(IpAddr, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut words = line.split_whitespace();
        let Some(ip) = words.next().and_then(|w| w.parse::<IpAddr>().ok()) else { continue };
        out.extend(words.map(|name| (ip, name.to_ascii_lowercase())));
    }
    out
}

/// How one server answered one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// NOERROR with records of the asked type (or a CNAME leading to them).
    Ok,
    /// NOERROR, but no record of this type.
    NoData,
    NxDomain,
    ServFail,
    Refused,
    /// Another response code (FORMERR, NOTIMP...): see `rcode`.
    Error,
    Timeout,
    /// Nothing listens at the server's address and port.
    Unreachable,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::NoData => "no data",
            Self::NxDomain => "NXDOMAIN",
            Self::ServFail => "SERVFAIL",
            Self::Refused => "REFUSED",
            Self::Error => "error",
            Self::Timeout => "timeout",
            Self::Unreachable => "unreachable",
        }
    }
}

/// One resource record of an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, PartialOrd, Ord, schemars::JsonSchema)]
pub struct Record {
    pub name: String,
    #[serde(rename = "type")]
    pub rtype: String,
    pub ttl: u32,
    pub data: String,
}

/// One server's answer to one (name, type) question.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ServerAnswer {
    pub server: String,
    pub status: Status,
    /// The response code as the server sent it, when a reply came.
    pub rcode: Option<String>,
    pub authoritative: bool,
    pub protocol: Option<Protocol>,
    pub time_ms: f64,
    pub records: Vec<Record>,
    pub error: Option<String>,
}

/// One question (name and type) and every server's answer.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Lookup {
    /// The name as asked (for a reverse lookup, the address given).
    pub name: String,
    /// The name queried (the in-addr.arpa name for a reverse lookup).
    pub query: String,
    #[serde(rename = "type")]
    pub rtype: String,
    pub answers: Vec<ServerAnswer>,
    /// Every server answered with records.
    pub resolved: bool,
    /// All servers gave the same status and the same records (TTLs aside).
    pub agree: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DnsSummary {
    pub lookups: usize,
    pub resolved: usize,
    /// The name exists, but has no record of the asked type (NOERROR, empty).
    pub no_data: usize,
    /// No answer: NXDOMAIN, SERVFAIL, REFUSED, timeout, unreachable server.
    pub failed: usize,
    pub disagreements: usize,
}

/// The report of `net dns`.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DnsReport {
    pub servers: Vec<String>,
    pub lookups: Vec<Lookup>,
    pub summary: DnsSummary,
}

/// Whether the type list asks for `all`.
pub fn wants_all(names: &[String]) -> bool {
    names.iter().flat_map(|n| n.split(',')).any(|p| p.trim().eq_ignore_ascii_case("all"))
}

/// Parses record type names (`A`, `mx`, `all`); an unknown type is a usage error.
pub fn parse_types(names: &[String]) -> Result<Vec<RecordType>> {
    let mut out = Vec::new();
    for n in names {
        for part in n.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if part.eq_ignore_ascii_case("all") {
                out.extend(ALL_TYPES);
                continue;
            }
            let upper = part.to_ascii_uppercase();
            let t: RecordType = upper.parse().map_err(|_| unknown_type(part))?;
            if t == RecordType::ANY {
                return Err(CommandError::usage("ANY queries are not answered in full by today's servers (RFC 8482)")
                    .with_hint("use --type all, which asks for each common type in turn"));
            }
            if matches!(t, RecordType::Unknown(_) | RecordType::ZERO | RecordType::OPT | RecordType::AXFR | RecordType::IXFR) {
                return Err(unknown_type(part));
            }
            out.push(t);
        }
    }
    let mut seen = Vec::new();
    out.retain(|t| {
        if seen.contains(t) {
            false
        } else {
            seen.push(*t);
            true
        }
    });
    Ok(out)
}

fn unknown_type(t: &str) -> CommandError {
    CommandError::usage(format!("unknown record type '{t}'"))
        .with_hint("use A, AAAA, CNAME, MX, NS, SOA, TXT, SRV, PTR, CAA (or another standard type), or 'all'")
}

/// Parses a server given as `IP`, `IP:PORT` or `[IPv6]:PORT` (port 53 by default).
pub fn parse_server(text: &str) -> Result<SocketAddr> {
    let t = text.trim();
    if let Ok(sa) = t.parse::<SocketAddr>() {
        if sa.port() == 0 {
            return Err(bad_server(t));
        }
        return Ok(sa);
    }
    let bare = t.strip_prefix('[').and_then(|s| s.strip_suffix(']')).unwrap_or(t);
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, 53));
    }
    Err(bad_server(t))
}

fn bad_server(t: &str) -> CommandError {
    CommandError::usage(format!("'{t}' is not a DNS server address"))
        .with_hint("give an IP address with an optional port: 192.0.2.53, 192.0.2.53:5353, [2001:db8::53]:53")
}

/// The `nameserver` lines of resolv.conf text (zone indexes such as `%eth0` dropped).
pub fn parse_resolv_conf(text: &str) -> Vec<SocketAddr> {
    let mut servers: Vec<SocketAddr> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("nameserver"))
        .filter_map(|rest| rest.trim().split('%').next()?.parse::<IpAddr>().ok())
        .map(|ip| SocketAddr::new(ip, 53))
        .collect();
    if servers.is_empty() {
        servers.push(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 53));
    }
    servers
}

/// One question to ask every server.
struct Question {
    asked: String,
    name: Name,
    rtype: RecordType,
}

fn questions(req: &DnsRequest) -> Result<Vec<Question>> {
    let mut out = Vec::new();
    for asked in &req.names {
        let t = asked.trim();
        if let Ok(ip) = t.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
            // An address asks for its name: PTR, whatever `--type all` would mean for a name.
            let types = if req.types.is_empty() || req.all_types { vec![RecordType::PTR] } else { req.types.clone() };
            for rtype in types {
                out.push(Question { asked: t.to_string(), name: Name::from(ip), rtype });
            }
            continue;
        }
        if t.is_empty() || t == "." {
            return Err(bad_name(t));
        }
        let mut name = Name::from_utf8(t).map_err(|_| bad_name(t))?;
        name.set_fqdn(true);
        let types = if req.types.is_empty() { vec![RecordType::A] } else { req.types.clone() };
        for rtype in types {
            out.push(Question { asked: t.to_string(), name: name.clone(), rtype });
        }
    }
    Ok(out)
}

fn bad_name(t: &str) -> CommandError {
    CommandError::usage(format!("'{t}' is not a valid DNS name"))
        .with_hint("labels are at most 63 characters, names at most 253; use letters, digits and '-'")
}

/// Runs `net dns`.
pub async fn run<T: Transport>(req: &DnsRequest, transport: &T, progress: &dyn Progress) -> Result<(DnsReport, Outcome)> {
    let questions = questions(req)?;
    if req.servers.is_empty() {
        return Err(CommandError::usage("no DNS server to ask").with_hint("give --server IP[:PORT]"));
    }
    let mut lookups = Vec::with_capacity(questions.len());
    if let Some(sys) = &req.system {
        progress.set_length(questions.len() as u64);
        let answers = in_order_of_asking(questions.iter(), req.concurrency, |q| async move {
            let a = ask_system(transport, q, req, sys).await;
            progress.inc(1);
            a
        })
        .await;
        for (q, (answer, queried)) in questions.iter().zip(answers) {
            let resolved = answer.status == Status::Ok;
            lookups.push(Lookup {
                name: q.asked.clone(),
                query: queried.to_ascii(),
                rtype: q.rtype.to_string(),
                answers: vec![answer],
                resolved,
                agree: true,
            });
        }
    } else {
        progress.set_length((questions.len() * req.servers.len()) as u64);
        let pairs = questions.iter().flat_map(|q| req.servers.iter().map(move |s| (q, *s)));
        let answers = in_order_of_asking(pairs, req.concurrency, |(q, server)| async move {
            let a = ask(transport, server, &q.name, q.rtype, req).await;
            progress.inc(1);
            a
        })
        .await;
        let mut it = answers.into_iter();
        for q in &questions {
            let answers: Vec<ServerAnswer> = it.by_ref().take(req.servers.len()).collect();
            let resolved = answers.iter().all(|a| a.status == Status::Ok);
            let agree = answers.windows(2).all(|w| same_answer(&w[0], &w[1]));
            lookups.push(Lookup { name: q.asked.clone(), query: q.name.to_ascii(), rtype: q.rtype.to_string(), answers, resolved, agree });
        }
    }
    let resolved = lookups.iter().filter(|l| l.resolved).count();
    let no_data = lookups.iter().filter(|l| !l.resolved && l.answers.iter().all(|a| a.status == Status::NoData)).count();
    let disagreements = lookups.iter().filter(|l| !l.agree).count();
    let summary = DnsSummary { lookups: lookups.len(), resolved, no_data, failed: lookups.len() - resolved - no_data, disagreements };
    let passed = if req.all_types {
        // Absent types are expected with `all`: each name needs one answered type.
        req.names.iter().all(|n| lookups.iter().any(|l| l.name == n.trim() && l.resolved))
    } else {
        resolved == lookups.len()
    };
    let outcome = Outcome::from_ok(passed && disagreements == 0);
    let servers = match &req.system {
        Some(_) => vec![format!("system resolver ({})", req.servers.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))],
        None => req.servers.iter().map(ToString::to_string).collect(),
    };
    Ok((DnsReport { servers, lookups, summary }, outcome))
}

/// Runs `work` on every item, at most `concurrency` at once and in any order of finishing
/// (so a slow answer never holds the others back), and returns the results in the order
/// the items came.
async fn in_order_of_asking<I, F, Fut, R>(items: I, concurrency: usize, work: F) -> Vec<R>
where
    I: Iterator,
    F: Fn(I::Item) -> Fut,
    Fut: Future<Output = R>,
{
    let mut done: Vec<(usize, R)> = futures::stream::iter(items.enumerate())
        .map(|(i, item)| {
            // Boxed: a question's future is large, and would otherwise be moved (copied)
            // several times on its way into the set of those in flight.
            let fut = Box::pin(work(item));
            async move { (i, fut.await) }
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Whether two servers gave the same answer: the same status and records (TTLs aside).
pub fn same_answer(a: &ServerAnswer, b: &ServerAnswer) -> bool {
    let key = |x: &ServerAnswer| {
        let mut v: Vec<(String, String)> = x.records.iter().map(|r| (r.rtype.clone(), r.data.to_ascii_lowercase())).collect();
        v.sort();
        (x.status, v)
    };
    key(a) == key(b)
}

/// Asks as the system resolver would: the hosts file first, then each name of the search
/// list in resolv.conf's order, each against the servers in turn until one answers.
async fn ask_system<T: Transport>(transport: &T, q: &Question, req: &DnsRequest, sys: &SystemResolver) -> (ServerAnswer, Name) {
    if let Some(answer) = from_hosts(q, sys) {
        return (answer, q.name.clone());
    }
    let mut candidates = Vec::new();
    let dotted = q.asked.trim_end_matches('.').matches('.').count();
    if q.rtype != RecordType::PTR && !q.asked.ends_with('.') {
        for domain in &sys.search {
            if let Ok(mut n) = Name::from_utf8(format!("{}.{domain}", q.asked.trim_end_matches('.'))) {
                n.set_fqdn(true);
                candidates.push(n);
            }
        }
    }
    if dotted >= sys.ndots || q.asked.ends_with('.') {
        candidates.insert(0, q.name.clone());
    } else {
        candidates.push(q.name.clone());
    }
    let mut last = None;
    for name in candidates {
        let mut answer = None;
        for server in &req.servers {
            let a = ask(transport, *server, &name, q.rtype, req).await;
            let reached = !matches!(a.status, Status::Timeout | Status::Unreachable);
            answer = Some(a);
            if reached {
                break;
            }
        }
        let Some(a) = answer else { break };
        if a.status != Status::NxDomain {
            return (a, name);
        }
        last = Some((a, name));
    }
    last.unwrap_or_else(|| (ask_nothing(q), q.name.clone()))
}

fn ask_nothing(q: &Question) -> ServerAnswer {
    ServerAnswer {
        server: String::new(),
        status: Status::Unreachable,
        rcode: None,
        authoritative: false,
        protocol: None,
        time_ms: 0.0,
        records: Vec::new(),
        error: Some(format!("no DNS server to ask for {}", q.asked)),
    }
}

/// The hosts file's answer to an A, AAAA or PTR question, if it has one.
fn from_hosts(q: &Question, sys: &SystemResolver) -> Option<ServerAnswer> {
    let wanted = q.asked.trim_end_matches('.').to_ascii_lowercase();
    let records: Vec<Record> = match q.rtype {
        RecordType::A | RecordType::AAAA => sys
            .hosts
            .iter()
            .filter(|(ip, name)| *name == wanted && (ip.is_ipv4() == (q.rtype == RecordType::A)))
            .map(|(ip, name)| Record { name: format!("{name}."), rtype: q.rtype.to_string(), ttl: 0, data: ip.to_string() })
            .collect(),
        RecordType::PTR => {
            let ip: IpAddr = q.asked.trim_start_matches('[').trim_end_matches(']').parse().ok()?;
            sys.hosts
                .iter()
                .filter(|(a, _)| *a == ip)
                .map(|(_, name)| Record { name: q.name.to_ascii(), rtype: "PTR".into(), ttl: 0, data: format!("{name}.") })
                .take(1)
                .collect()
        }
        _ => Vec::new(),
    };
    (!records.is_empty()).then(|| ServerAnswer {
        server: "/etc/hosts".into(),
        status: Status::Ok,
        rcode: None,
        authoritative: false,
        protocol: None,
        time_ms: 0.0,
        records,
        error: None,
    })
}

async fn ask<T: Transport>(transport: &T, server: SocketAddr, name: &Name, rtype: RecordType, req: &DnsRequest) -> ServerAnswer {
    let query = Query::query(name.clone(), rtype);
    let (result, took) = transport.query(server, &query, req.protocol, req.timeout).await;
    let time_ms = (took.as_secs_f64() * 1_000_000.0).round() / 1000.0;
    let mut ans = ServerAnswer {
        server: server.to_string(),
        status: Status::Error,
        rcode: None,
        authoritative: false,
        protocol: None,
        time_ms,
        records: Vec::new(),
        error: None,
    };
    match result {
        Err(QueryError::Timeout) => {
            ans.status = Status::Timeout;
            ans.error = Some(if req.protocol == Protocol::Udp {
                format!("no answer within {:?} (asked again as each wait ran out)", req.timeout)
            } else {
                format!("no answer within {:?}", req.timeout)
            });
        }
        Err(QueryError::Unreachable(e)) => {
            ans.status = Status::Unreachable;
            ans.error = Some(e);
        }
        Err(QueryError::Other(e)) => ans.error = Some(e),
        Ok(reply) => {
            ans.protocol = Some(reply.protocol);
            fill(&mut ans, &reply.message, rtype);
        }
    }
    ans
}

/// An answer from a reply: its code, records (sanitized text) and status.
fn fill(ans: &mut ServerAnswer, m: &Message, rtype: RecordType) {
    let rcode = m.metadata.response_code;
    ans.rcode = Some(rcode_name(rcode));
    ans.authoritative = m.metadata.authoritative;
    let answered = m.answers.iter().any(|r| r.record_type() == rtype);
    ans.records = m
        .answers
        .iter()
        .map(|r| Record {
            name: crate::util::sanitize(&r.name.to_ascii()),
            rtype: r.record_type().to_string(),
            ttl: r.ttl,
            data: crate::util::sanitize(&rdata_text(&r.data)),
        })
        .collect();
    if let Some(chain) = cname_loop(m) {
        ans.status = Status::Error;
        ans.error = Some(format!("CNAME loop: {chain}"));
        return;
    }
    ans.status = match rcode {
        ResponseCode::NoError if answered => Status::Ok,
        // A CNAME answer to a CNAME question, or a chain ending elsewhere, still answers.
        ResponseCode::NoError if !ans.records.is_empty() && rtype == RecordType::CNAME => Status::Ok,
        ResponseCode::NoError => Status::NoData,
        ResponseCode::NXDomain => Status::NxDomain,
        ResponseCode::ServFail => Status::ServFail,
        ResponseCode::Refused => Status::Refused,
        _ => Status::Error,
    };
}

/// A chain of CNAMEs in the answer that comes back to a name it passed (`a -> b -> a`),
/// from the question's name.
fn cname_loop(m: &Message) -> Option<String> {
    if !m.answers.iter().any(|r| matches!(r.data, RData::CNAME(_))) {
        return None;
    }
    let start = m.queries.first()?.name().to_ascii().to_ascii_lowercase();
    let targets: std::collections::HashMap<String, String> = m
        .answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::CNAME(c) => Some((r.name.to_ascii().to_ascii_lowercase(), c.0.to_ascii().to_ascii_lowercase())),
            _ => None,
        })
        .collect();
    let mut seen = vec![start.clone()];
    let mut at = start;
    while let Some(next) = targets.get(&at) {
        if seen.contains(next) {
            seen.push(next.clone());
            return Some(crate::util::sanitize(&seen.join(" -> ")));
        }
        seen.push(next.clone());
        at = next.clone();
    }
    None
}

/// What deskhand makes of a server's reply bytes, as the query path does: parsed, held
/// to its own question, turned into an answer. `None` when they are not a reply. For
/// the fuzz target of hostile servers; never panics.
#[doc(hidden)]
pub fn reply_answer(bytes: &[u8]) -> Option<ServerAnswer> {
    let msg = Message::from_vec(bytes).ok()?;
    let question = msg.queries.first()?.clone();
    if !matches(&msg, msg.metadata.id, &question) {
        return None;
    }
    let mut ans = ServerAnswer {
        server: "fuzz".into(),
        status: Status::Error,
        rcode: None,
        authoritative: false,
        protocol: None,
        time_ms: 0.0,
        records: Vec::new(),
        error: None,
    };
    fill(&mut ans, &msg, question.query_type());
    Some(ans)
}

/// The RFC mnemonic of a response code (NOERROR, NXDOMAIN...).
fn rcode_name(code: ResponseCode) -> String {
    match code {
        ResponseCode::NoError => "NOERROR".into(),
        ResponseCode::FormErr => "FORMERR".into(),
        ResponseCode::ServFail => "SERVFAIL".into(),
        ResponseCode::NXDomain => "NXDOMAIN".into(),
        ResponseCode::NotImp => "NOTIMP".into(),
        ResponseCode::Refused => "REFUSED".into(),
        other => format!("RCODE{}", u16::from(other)),
    }
}

/// Presents record data as zone-file text; TXT strings are quoted.
fn rdata_text(data: &RData) -> String {
    match data {
        RData::TXT(txt) => txt
            .txt_data
            .iter()
            .map(|s| format!("\"{}\"", String::from_utf8_lossy(s).replace('\\', "\\\\").replace('"', "\\\"")))
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    }
}

/// The real transport: UDP, a lost question sent again on an adaptive timer, with TCP
/// fallback on truncation; or TCP alone.
#[derive(Debug, Default)]
pub struct NetTransport {
    /// Each server's UDP lanes (a few sockets shared by every question to it), with its
    /// round-trip timer and window of questions in flight.
    muxes: std::sync::Mutex<std::collections::HashMap<SocketAddr, std::sync::Arc<super::udp_mux::Mux>>>,
}

impl NetTransport {
    fn mux(&self, server: SocketAddr) -> std::result::Result<std::sync::Arc<super::udp_mux::Mux>, QueryError> {
        let mut muxes = self.muxes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(m) = muxes.get(&server) {
            return Ok(m.clone());
        }
        let m = std::sync::Arc::new(super::udp_mux::Mux::new(server).map_err(|e| io_error(&e))?);
        muxes.insert(server, m.clone());
        Ok(m)
    }
}

fn build_query(query: &Query) -> (u16, Vec<u8>) {
    let id: u16 = rand::random();
    (id, query_bytes(id, query))
}

/// A recursive question with this ID (EDNS, 1232-byte payload), written straight into
/// its bytes (RFC 1035 4.1, RFC 6891 6.1.2): the same bytes as hickory's message
/// encoder gives (a test holds them equal), without building a message for each.
pub(crate) fn query_bytes(id: u16, query: &Query) -> Vec<u8> {
    let name = query.name();
    let mut b = Vec::with_capacity(12 + 2 + name.len() + 4 + 11);
    b.extend_from_slice(&id.to_be_bytes());
    // QR=0 (a query), opcode QUERY, RD=1; one question, one additional record (OPT).
    b.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1]);
    for label in name {
        b.push(label.len() as u8);
        b.extend_from_slice(label);
    }
    b.push(0);
    b.extend_from_slice(&u16::from(query.query_type()).to_be_bytes());
    b.extend_from_slice(&u16::from(query.query_class()).to_be_bytes());
    // OPT: root name, type 41, the payload size as its class, TTL 0 (no extended rcode,
    // version 0, DO clear), no options.
    b.extend_from_slice(&[0, 0, 41]);
    b.extend_from_slice(&1232u16.to_be_bytes());
    b.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    b
}

pub(crate) fn io_error(e: &std::io::Error) -> QueryError {
    match e.kind() {
        std::io::ErrorKind::ConnectionRefused => {
            QueryError::Unreachable("connection refused: nothing answers DNS at that address and port".into())
        }
        std::io::ErrorKind::TimedOut => QueryError::Timeout,
        _ => QueryError::Other(e.to_string()),
    }
}

/// Whether `reply` answers this question: its ID, a response, and the question repeated.
/// A reply without the question is taken only as an error (FORMERR, REFUSED... some
/// servers leave it out then): with records and no question, anyone who guessed the ID
/// could answer every question at once.
pub(crate) fn matches(reply: &Message, id: u16, query: &Query) -> bool {
    reply.metadata.id == id
        && reply.metadata.message_type == MessageType::Response
        && match reply.queries.first() {
            Some(q) => q.name() == query.name() && q.query_type() == query.query_type(),
            None => reply.metadata.response_code != ResponseCode::NoError && reply.answers.is_empty(),
        }
}

async fn tcp_once(server: SocketAddr, query: &Query, timeout: Duration) -> std::result::Result<Message, QueryError> {
    let work = async {
        let mut stream = TcpStream::connect(server).await.map_err(|e| io_error(&e))?;
        stream.set_nodelay(true).ok();
        let (id, bytes) = build_query(query);
        let mut framed = Vec::with_capacity(bytes.len() + 2);
        framed.extend_from_slice(&(bytes.len() as u16).to_be_bytes());
        framed.extend_from_slice(&bytes);
        stream.write_all(&framed).await.map_err(|e| io_error(&e))?;
        let len = stream.read_u16().await.map_err(|e| io_error(&e))?;
        let mut buf = vec![0u8; usize::from(len)];
        stream.read_exact(&mut buf).await.map_err(|e| io_error(&e))?;
        let msg = Message::from_vec(&buf).map_err(|e| QueryError::Other(format!("malformed reply over TCP: {e}")))?;
        if matches(&msg, id, query) { Ok(msg) } else { Err(QueryError::Other("reply over TCP does not match the question".into())) }
    };
    tokio::time::timeout(timeout, work).await.unwrap_or(Err(QueryError::Timeout))
}

impl Transport for NetTransport {
    async fn query(
        &self,
        server: SocketAddr,
        query: &Query,
        protocol: Protocol,
        timeout: Duration,
    ) -> (std::result::Result<Reply, QueryError>, Duration) {
        if protocol == Protocol::Tcp {
            let started = Instant::now();
            let result = tcp_once(server, query, timeout).await.map(|message| Reply { message, protocol });
            return (result, started.elapsed());
        }
        let mux = match self.mux(server) {
            Ok(m) => m,
            Err(e) => return (Err(e), Duration::ZERO),
        };
        let (result, took) = mux.ask(query, timeout).await;
        match result {
            Ok(m) if m.metadata.truncation => {
                // Over TCP within what is left of the name's time.
                let started = Instant::now();
                let result = match timeout.checked_sub(took).filter(|left| !left.is_zero()) {
                    Some(left) => tcp_once(server, query, left).await.map(|message| Reply { message, protocol: Protocol::Tcp }),
                    None => Err(QueryError::Timeout),
                };
                (result, took + started.elapsed())
            }
            other => (other.map(|message| Reply { message, protocol: Protocol::Udp }), took),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::NoProgress;
    use hickory_proto::op::{Edns, OpCode};
    use hickory_proto::rr::Record as HRecord;
    use hickory_proto::rr::rdata::A;

    /// Server 1 answers 10.0.0.1 for every A question, server 2 answers 10.0.0.2 for
    /// `split.` and NXDOMAIN for `gone.`; port 9 never answers.
    struct Fake;

    impl Transport for Fake {
        async fn query(
            &self,
            server: SocketAddr,
            query: &Query,
            protocol: Protocol,
            _: Duration,
        ) -> (std::result::Result<Reply, QueryError>, Duration) {
            if server.port() == 9 {
                return (Err(QueryError::Timeout), Duration::from_millis(50));
            }
            let mut m = Message::new(1, MessageType::Response, OpCode::Query);
            m.add_query(query.clone());
            let name = query.name().to_ascii();
            if server.port() == 2 && name == "gone.test." {
                m.metadata.response_code = ResponseCode::NXDomain;
            } else if query.query_type() == RecordType::A {
                let last = if server.port() == 2 && name == "split.test." { 2 } else { 1 };
                m.add_answer(HRecord::from_rdata(query.name().clone(), 60, RData::A(A::new(10, 0, 0, last))));
            }
            (Ok(Reply { message: m, protocol }), Duration::from_micros(300))
        }
    }

    fn req(names: &[&str], ports: &[u16]) -> DnsRequest {
        DnsRequest {
            names: names.iter().map(ToString::to_string).collect(),
            types: vec![],
            servers: ports.iter().map(|p| SocketAddr::from(([127, 0, 0, 1], *p))).collect(),
            protocol: Protocol::Udp,
            timeout: Duration::from_millis(50),
            concurrency: 4,
            all_types: false,
            system: None,
        }
    }

    #[tokio::test]
    async fn compares_servers() {
        let (report, outcome) = run(&req(&["same.test", "split.test", "gone.test"], &[1, 2]), &Fake, &NoProgress).await.unwrap();
        assert_eq!(outcome, Outcome::CheckFailed);
        let l = &report.lookups;
        assert!(l[0].resolved && l[0].agree);
        assert!(l[1].resolved && !l[1].agree);
        assert_eq!(l[1].answers[1].records[0].data, "10.0.0.2");
        assert!(!l[2].resolved && !l[2].agree);
        assert_eq!(l[2].answers[1].status, Status::NxDomain);
        assert_eq!(report.summary, DnsSummary { lookups: 3, resolved: 2, no_data: 0, failed: 1, disagreements: 2 });
    }

    #[tokio::test]
    async fn statuses() {
        let mut r = req(&["same.test"], &[9]);
        r.types = parse_types(&["MX".into()]).unwrap();
        let (report, _) = run(&r, &Fake, &NoProgress).await.unwrap();
        assert_eq!(report.lookups[0].answers[0].status, Status::Timeout);
        let (report, outcome) = run(
            &{
                let mut r = req(&["same.test"], &[1]);
                r.types = vec![RecordType::MX];
                r
            },
            &Fake,
            &NoProgress,
        )
        .await
        .unwrap();
        assert_eq!(report.lookups[0].answers[0].status, Status::NoData);
        assert_eq!(outcome, Outcome::CheckFailed);
        let (report, _) = run(&req(&["127.0.0.10"], &[1]), &Fake, &NoProgress).await.unwrap();
        assert_eq!(report.lookups[0].query, "10.0.0.127.in-addr.arpa.");
        assert_eq!(report.lookups[0].rtype, "PTR");
    }

    #[tokio::test]
    async fn system_mode_uses_hosts_and_search_list() {
        let sys = SystemResolver {
            search: vec!["corp.test".into(), "same.test".into()],
            ndots: 1,
            hosts: parse_hosts("127.0.0.1 localhost\n::1 localhost ip6-localhost\n10.9.9.9 printer # office\n"),
        };
        let mut r = req(&["localhost", "printer", "fileserver", "gone.test"], &[2]);
        r.system = Some(sys);
        let (report, _) = run(&r, &Fake, &NoProgress).await.unwrap();
        let l = &report.lookups;
        assert_eq!(l[0].answers[0].server, "/etc/hosts");
        assert_eq!(l[0].answers[0].records[0].data, "127.0.0.1");
        assert_eq!(l[1].answers[0].records[0].data, "10.9.9.9");
        // `fileserver` has no dot: the search list comes first.
        assert_eq!(l[2].query, "fileserver.corp.test.");
        assert!(l[2].resolved);
        // A dotted name is tried as it is first; NXDOMAIN moves on to the search list.
        assert_eq!(l[3].query, "gone.test.corp.test.");
        assert_eq!(report.servers, ["system resolver (127.0.0.1:2)"]);
    }

    #[test]
    fn a_question_is_the_bytes_hickory_would_write() {
        for (name, rtype) in [
            ("h00001.lab.test.", RecordType::A),
            ("www.example.com", RecordType::AAAA),
            (".", RecordType::NS),
            ("a-b.c-d.example", RecordType::TXT),
            ("_ldap._tcp.dc._msdcs.lab.test.", RecordType::SRV),
            ("1.0.0.127.in-addr.arpa.", RecordType::PTR),
        ] {
            let query = Query::query(Name::from_utf8(name).unwrap(), rtype);
            let mut msg = Message::new(0xBEEF, MessageType::Query, OpCode::Query);
            msg.metadata.recursion_desired = true;
            msg.add_query(query.clone());
            let mut edns = Edns::new();
            edns.set_max_payload(1232);
            msg.set_edns(edns);
            assert_eq!(query_bytes(0xBEEF, &query), msg.to_vec().unwrap(), "{name} {rtype}");
        }
    }

    #[test]
    fn a_reply_without_the_question_is_taken_only_as_an_error() {
        let query = Query::query(Name::from_ascii("a.test.").unwrap(), RecordType::A);
        let reply = |rcode: ResponseCode, with_question: bool, with_record: bool| {
            let mut m = Message::new(7, MessageType::Response, OpCode::Query);
            m.metadata.response_code = rcode;
            if with_question {
                m.add_query(query.clone());
            }
            if with_record {
                m.add_answer(HRecord::from_rdata(query.name().clone(), 60, RData::A(A::new(10, 0, 0, 1))));
            }
            m
        };
        assert!(matches(&reply(ResponseCode::NoError, true, true), 7, &query));
        assert!(!matches(&reply(ResponseCode::NoError, true, true), 8, &query), "another ID");
        assert!(!matches(&reply(ResponseCode::NoError, false, true), 7, &query), "records for no question");
        assert!(!matches(&reply(ResponseCode::NoError, false, false), 7, &query), "an empty NOERROR for no question");
        assert!(matches(&reply(ResponseCode::FormErr, false, false), 7, &query), "FORMERR may leave the question out");
        assert!(matches(&reply(ResponseCode::Refused, false, false), 7, &query));
        let other = Query::query(Name::from_ascii("b.test.").unwrap(), RecordType::A);
        assert!(!matches(&reply(ResponseCode::NoError, true, true), 7, &other), "another question");
    }

    #[test]
    fn resolv_conf() {
        assert_eq!(
            parse_search("domain a.test\nsearch b.test c.test.\noptions rotate ndots:2\n"),
            (vec!["b.test".to_string(), "c.test".to_string()], 2)
        );
        let text = "# comment\nsearch corp.example\nnameserver 192.0.2.53\nnameserver fe80::1%eth0\nnameserver bogus\noptions ndots:2\n";
        let got: Vec<String> = parse_resolv_conf(text).iter().map(ToString::to_string).collect();
        assert_eq!(got, ["192.0.2.53:53", "[fe80::1]:53"]);
        assert_eq!(parse_resolv_conf("").len(), 1, "glibc falls back to 127.0.0.1");
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_types(&["mx,txt".into(), "A".into()]).unwrap(), vec![RecordType::MX, RecordType::TXT, RecordType::A]);
        assert_eq!(parse_types(&["all".into()]).unwrap().len(), ALL_TYPES.len());
        assert!(parse_types(&["BOGUS".into()]).is_err());
        assert_eq!(parse_server("127.0.0.1:5353").unwrap().port(), 5353);
        assert_eq!(parse_server("[::1]").unwrap().port(), 53);
        assert!(parse_server("dns.example").is_err());
        assert!(parse_server("127.0.0.1:0").is_err());
        assert!(questions(&req(&["bad name!"], &[1])).is_err());
    }
}
