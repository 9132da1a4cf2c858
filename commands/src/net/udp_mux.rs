//! Many DNS questions over a few UDP sockets: one socket per question in flight cost a
//! socket, a registration and a wake-up each (10,000 names: 56% of the time in the
//! kernel). A server gets a few connected sockets ("lanes", each on a random source port);
//! one task per lane drains every datagram that is ready at each wake-up and hands each
//! answer to the question waiting for it, matched by query ID and question. A datagram
//! that can only have been meant for one question but is not a usable answer is noted on
//! it, so that question can say what came instead.

use hickory_proto::op::{Message, Query};
use std::collections::HashMap;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::net::UdpSocket;
use tokio::sync::oneshot;

use super::dns::QueryError;

/// Sockets per server.
const LANES: usize = 4;

type Answer = std::result::Result<Message, QueryError>;

struct Waiter {
    query: Query,
    tx: oneshot::Sender<Answer>,
    /// Which registration this is: an ID is reused once free, and a question that ends
    /// must remove its own entry, never a later question's under the same ID.
    ticket: u64,
    /// What came that could only have been meant for this question but was not a usable
    /// answer (its ID with another question, or anything while it was the lane's only one).
    stray: Option<&'static str>,
}

struct Lane {
    sock: UdpSocket,
    waiting: Mutex<HashMap<u16, Waiter>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Lane {
    /// Hands a datagram to the question it answers, or counts it as a stray.
    fn deliver(&self, bytes: &[u8]) {
        let parsed = Message::from_vec(bytes);
        let mut waiting = lock(&self.waiting);
        let (stray, own) = match &parsed {
            Ok(msg) => {
                let id = msg.metadata.id;
                match waiting.get(&id) {
                    Some(w) if super::dns::matches(msg, id, &w.query) => {
                        if let (Some(w), Ok(msg)) = (waiting.remove(&id), parsed) {
                            let _ = w.tx.send(Ok(msg));
                        }
                        return;
                    }
                    Some(_) => ("a reply to another question", Some(id)),
                    None => ("a reply with another query ID", None),
                }
            }
            Err(_) => ("a malformed message", None),
        };
        // Blame a question only when the datagram can only have been meant for it: its own
        // ID, or it was the only question waiting. A late copy of another question's
        // answer in a busy lane must not turn a plain timeout into an error.
        let only = if waiting.len() == 1 { waiting.keys().next().copied() } else { None };
        if let Some(w) = own.or(only).and_then(|id| waiting.get_mut(&id)) {
            w.stray = Some(stray);
        }
    }

    /// A socket error (an ICMP "port unreachable" comes back as ECONNREFUSED on a
    /// connected socket) ends every question waiting on this lane with it.
    fn fail_all(&self, e: &std::io::Error) {
        let waiting: Vec<Waiter> = lock(&self.waiting).drain().map(|(_, w)| w).collect();
        for w in waiting {
            let _ = w.tx.send(Err(super::dns::io_error(e)));
        }
    }

    async fn read(self: Arc<Self>) {
        let mut buf = vec![0u8; 65_535];
        loop {
            if self.sock.readable().await.is_err() {
                return;
            }
            // Everything that is ready, at one wake-up.
            loop {
                match self.sock.try_recv(&mut buf) {
                    Ok(n) => self.deliver(&buf[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                    Err(e) => {
                        self.fail_all(&e);
                        break;
                    }
                }
            }
        }
    }
}

/// One server's lanes.
pub struct Mux {
    lanes: Vec<Arc<Lane>>,
    readers: Vec<tokio::task::AbortHandle>,
    next: AtomicUsize,
    tickets: std::sync::atomic::AtomicU64,
}

impl std::fmt::Debug for Mux {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mux").field("lanes", &self.lanes.len()).finish_non_exhaustive()
    }
}

impl Drop for Mux {
    fn drop(&mut self) {
        for r in &self.readers {
            r.abort();
        }
    }
}

/// A question's place among the waiting ones, removed however the asking ends.
struct Registered<'a> {
    lane: &'a Lane,
    id: u16,
    ticket: u64,
}

impl Drop for Registered<'_> {
    fn drop(&mut self) {
        let mut waiting = lock(&self.lane.waiting);
        if waiting.get(&self.id).is_some_and(|w| w.ticket == self.ticket) {
            waiting.remove(&self.id);
        }
    }
}

impl Mux {
    /// Connected sockets to `server`, each with its reader task (on the current runtime).
    pub fn new(server: SocketAddr) -> std::io::Result<Self> {
        let mut lanes = Vec::with_capacity(LANES);
        let mut readers = Vec::with_capacity(LANES);
        for _ in 0..LANES {
            let bind: SocketAddr = if server.is_ipv4() { (Ipv4Addr::UNSPECIFIED, 0).into() } else { (Ipv6Addr::UNSPECIFIED, 0).into() };
            let std_sock = std::net::UdpSocket::bind(bind)?;
            std_sock.connect(server)?;
            std_sock.set_nonblocking(true)?;
            let lane = Arc::new(Lane { sock: UdpSocket::from_std(std_sock)?, waiting: Mutex::default() });
            readers.push(tokio::spawn(lane.clone().read()).abort_handle());
            lanes.push(lane);
        }
        Ok(Self { lanes, readers, next: AtomicUsize::new(0), tickets: std::sync::atomic::AtomicU64::new(0) })
    }

    /// Registers a question under a query ID free on its lane and returns its place and
    /// the answer's receiver.
    fn register(&self, query: &Query) -> (Registered<'_>, oneshot::Receiver<Answer>) {
        let lane = &self.lanes[self.next.fetch_add(1, Ordering::Relaxed) % self.lanes.len()];
        let (tx, rx) = oneshot::channel();
        let mut waiting = lock(&lane.waiting);
        let id = loop {
            let id: u16 = rand::random();
            if !waiting.contains_key(&id) {
                break id;
            }
        };
        let ticket = self.tickets.fetch_add(1, Ordering::Relaxed);
        waiting.insert(id, Waiter { query: query.clone(), tx, ticket, stray: None });
        drop(waiting);
        (Registered { lane, id, ticket }, rx)
    }

    /// One question until `timeout`: sent, and sent again (the same bytes, so an answer to
    /// either copy counts) each time the wait runs out, the wait starting at `first_wait`
    /// (the server's retransmit timer) and doubling. Returns the answer, the copies sent
    /// and the time to the answer.
    pub async fn ask(
        &self,
        query: &Query,
        timeout: std::time::Duration,
        first_wait: std::time::Duration,
    ) -> (Answer, u32, std::time::Duration) {
        let (reg, mut rx) = self.register(query);
        let bytes = super::dns::query_bytes(reg.id, query);
        let started = tokio::time::Instant::now();
        let deadline = started + timeout;
        if let Err(e) = reg.lane.sock.send(&bytes).await {
            return (Err(super::dns::io_error(&e)), 1, started.elapsed());
        }
        let mut wait = first_wait;
        let mut resend_at = started + wait;
        let mut sent = 1u32;
        loop {
            match tokio::time::timeout_at(resend_at.min(deadline), &mut rx).await {
                Ok(Ok(answer)) => return (answer, sent, started.elapsed()),
                Ok(Err(_)) => return (Err(QueryError::Other("the socket's reader stopped".into())), sent, started.elapsed()),
                Err(_) if tokio::time::Instant::now() >= deadline => {
                    // An answer delivered just as the deadline passed still counts.
                    if let Ok(answer) = rx.try_recv() {
                        return (answer, sent, started.elapsed());
                    }
                    let stray = lock(&reg.lane.waiting).get(&reg.id).filter(|w| w.ticket == reg.ticket).and_then(|w| w.stray);
                    let answer = match stray {
                        Some(what) => Err(QueryError::Other(format!("no usable answer within {timeout:?}: the server sent {what}"))),
                        None => Err(QueryError::Timeout),
                    };
                    return (answer, sent, started.elapsed());
                }
                Err(_) => {
                    if let Err(e) = reg.lane.sock.send(&bytes).await {
                        return (Err(super::dns::io_error(&e)), sent, started.elapsed());
                    }
                    sent += 1;
                    wait = wait.saturating_mul(2);
                    resend_at = tokio::time::Instant::now() + wait;
                }
            }
        }
    }
}
