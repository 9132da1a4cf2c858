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
use std::time::Duration;
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
    waiting: Mutex<HashMap<u16, Waiter, IdHash>>,
}

/// Query IDs are random already: the hash of one is the ID itself (`SipHash` over two
/// bytes cost more than the lookup).
type IdHash = std::hash::BuildHasherDefault<IdHasher>;

#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u16(&mut self, n: u16) {
        self.0 = u64::from(n);
    }
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

    /// Ends every question waiting on this lane with `error`.
    fn fail_all(&self, error: &QueryError) {
        let waiting: Vec<Waiter> = lock(&self.waiting).drain().map(|(_, w)| w).collect();
        for w in waiting {
            let _ = w.tx.send(Err(error.clone()));
        }
    }
}

/// A server's lanes, and whether it refused us.
struct Lanes {
    all: Vec<Lane>,
    /// Set once the server's port refused a datagram (ICMP "port unreachable", which a
    /// connected socket reports once, as ECONNREFUSED on one later call): nothing listens
    /// there, so every question to it, waiting or still to come, ends with that at once,
    /// not some of them with a timeout (whichever calls missed the one report).
    refused: Mutex<Option<QueryError>>,
}

impl Lanes {
    /// A socket error on lane `i`: a refusal ends every question to the server, now and
    /// later; anything else the questions waiting on that lane.
    fn failed(&self, i: usize, e: &std::io::Error) -> QueryError {
        let error = super::dns::io_error(e);
        if matches!(error, QueryError::Unreachable(_)) {
            *lock(&self.refused) = Some(error.clone());
            for lane in &self.all {
                lane.fail_all(&error);
            }
        } else {
            self.all[i].fail_all(&error);
        }
        error
    }

    async fn read(self: Arc<Self>, i: usize) {
        let lane = &self.all[i];
        let mut buf = vec![0u8; 65_535];
        loop {
            if lane.sock.readable().await.is_err() {
                return;
            }
            // Everything that is ready, at one wake-up.
            loop {
                match lane.sock.try_recv(&mut buf) {
                    Ok(n) => lane.deliver(&buf[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                    Err(e) => {
                        self.failed(i, &e);
                        break;
                    }
                }
            }
        }
    }
}

/// Questions in flight to one server, like TCP's congestion window: it starts at what a
/// server's socket buffer takes and doubles each round trip (slow start) where the user
/// allows more, so a big `--concurrency` cannot overflow the buffer with its first burst;
/// it halves (at most once a retransmit period) when an answer
/// came only after the question was sent again, proof that a live server or a buffer on
/// the way dropped one; then it grows by one for each window of clean answers. A question
/// that got no answer at all says nothing (a dead server, or one that ignores the name),
/// so a silent server never shrinks it. `--concurrency` stays the upper bound.
#[derive(Debug)]
struct Window {
    state: Mutex<WindowState>,
    room: tokio::sync::Notify,
}

#[derive(Debug)]
struct WindowState {
    size: f64,
    /// Below it the window grows by one per clean answer (doubling each round trip);
    /// above it by one per window of answers. A loss sets it to half the window.
    threshold: f64,
    in_flight: usize,
    last_cut: Option<tokio::time::Instant>,
}

/// 128 in flight never overflowed the lab server's socket buffer (Linux's default 208 KiB
/// holds some 270 small datagrams; 256 did, in 4 of 40 runs): from there the window
/// doubles only when the user allows more, and a silent server costs no extra rounds.
const WINDOW_START: f64 = 128.0;
const WINDOW_MIN: f64 = 8.0;
const WINDOW_MAX: f64 = 65_536.0;

impl Default for Window {
    fn default() -> Self {
        Self {
            state: Mutex::new(WindowState { size: WINDOW_START, threshold: WINDOW_MAX, in_flight: 0, last_cut: None }),
            room: tokio::sync::Notify::new(),
        }
    }
}

impl Window {
    /// Waits for room in the window and takes a place, given back when the returned
    /// guard is dropped (answered, given up or cancelled alike).
    async fn enter(&self) -> Place<'_> {
        loop {
            let room = self.room.notified();
            tokio::pin!(room);
            room.as_mut().enable();
            {
                let mut s = lock(&self.state);
                if (s.in_flight as f64) < s.size {
                    s.in_flight += 1;
                    return Place { window: self, lost: false, rto: Duration::ZERO };
                }
            }
            room.await;
        }
    }

    #[cfg(test)]
    fn size(&self) -> f64 {
        lock(&self.state).size
    }
}

/// A question's place in the window.
struct Place<'a> {
    window: &'a Window,
    /// Answered, but only after it was sent again.
    lost: bool,
    /// The retransmit timer it started with (a cut is made at most once per such period).
    rto: Duration,
}

impl Drop for Place<'_> {
    fn drop(&mut self) {
        let room = {
            let mut s = lock(&self.window.state);
            s.in_flight = s.in_flight.saturating_sub(1);
            if self.lost {
                let now = tokio::time::Instant::now();
                if s.last_cut.is_none_or(|t| now.duration_since(t) >= self.rto) {
                    s.size = (s.size / 2.0).max(WINDOW_MIN);
                    s.threshold = s.size;
                    s.last_cut = Some(now);
                }
            } else if s.size < s.threshold {
                s.size = (s.size + 1.0).min(WINDOW_MAX);
            } else {
                s.size = (s.size + 1.0 / s.size).min(WINDOW_MAX);
            }
            (s.size as usize).saturating_sub(s.in_flight)
        };
        // One place given back may make room for two (slow start): wake as many.
        for _ in 0..room.min(2) {
            self.window.room.notify_one();
        }
    }
}

/// The first wait before asking again, before any round trip to the server is measured.
const INITIAL_RTO: Duration = Duration::from_millis(250);
/// The shortest wait before asking again: a server busy with a burst answers late, not
/// never, and a resolver's uncached answer takes tens of milliseconds more than a cached one.
const MIN_RTO: Duration = Duration::from_millis(100);

/// A server's round-trip time (RFC 6298's smoothed estimator), so that a lost datagram is
/// asked again after a few round trips, not after the user's whole timeout. Only answers
/// to a question sent once are measured (Karn): a retransmitted one's answer may be to
/// either copy.
#[derive(Debug, Default)]
struct Rtt(Mutex<Option<Smoothed>>);

#[derive(Debug, Clone, Copy)]
struct Smoothed {
    /// Smoothed round-trip time and its variation, in seconds.
    srtt: f64,
    rttvar: f64,
}

impl Rtt {
    fn rto(&self) -> Duration {
        lock(&self.0).map_or(INITIAL_RTO, |r| Duration::from_secs_f64(r.srtt + 4.0 * r.rttvar).max(MIN_RTO))
    }

    fn sample(&self, took: Duration) {
        let r = took.as_secs_f64();
        let mut s = lock(&self.0);
        *s = Some(match *s {
            Some(e) => Smoothed { rttvar: 0.75 * e.rttvar + 0.25 * (e.srtt - r).abs(), srtt: 0.875 * e.srtt + 0.125 * r },
            None => Smoothed { srtt: r, rttvar: r / 2.0 },
        });
    }
}

/// One server's lanes, round-trip timer and window.
pub struct Mux {
    rtt: Rtt,
    window: Window,
    lanes: Arc<Lanes>,
    readers: Vec<tokio::task::AbortHandle>,
    next: AtomicUsize,
    tickets: std::sync::atomic::AtomicU64,
}

impl std::fmt::Debug for Mux {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mux").field("lanes", &self.lanes.all.len()).finish_non_exhaustive()
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
    lane_no: usize,
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
        let mut all = Vec::with_capacity(LANES);
        for _ in 0..LANES {
            let bind: SocketAddr = if server.is_ipv4() { (Ipv4Addr::UNSPECIFIED, 0).into() } else { (Ipv6Addr::UNSPECIFIED, 0).into() };
            let std_sock = std::net::UdpSocket::bind(bind)?;
            std_sock.connect(server)?;
            std_sock.set_nonblocking(true)?;
            all.push(Lane { sock: UdpSocket::from_std(std_sock)?, waiting: Mutex::default() });
        }
        let lanes = Arc::new(Lanes { all, refused: Mutex::new(None) });
        let readers = (0..LANES).map(|i| tokio::spawn(lanes.clone().read(i)).abort_handle()).collect();
        Ok(Self {
            rtt: Rtt::default(),
            window: Window::default(),
            lanes,
            readers,
            next: AtomicUsize::new(0),
            tickets: std::sync::atomic::AtomicU64::new(0),
        })
    }

    /// Registers a question under a query ID free on its lane and returns its place and
    /// the answer's receiver.
    fn register(&self, query: &Query) -> (Registered<'_>, oneshot::Receiver<Answer>) {
        let lane_no = self.next.fetch_add(1, Ordering::Relaxed) % LANES;
        let lane = &self.lanes.all[lane_no];
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
        (Registered { lane, lane_no, id, ticket }, rx)
    }

    /// One question until `timeout`, once the window has room for it: sent, and sent
    /// again (the same bytes, so an answer to either copy counts) each time the wait runs
    /// out, the wait starting at the server's retransmit timer as it stands when the
    /// question goes out, and doubling. Returns the answer and the time to it (from the
    /// first send).
    pub async fn ask(&self, query: &Query, timeout: Duration) -> (Answer, Duration) {
        let mut place = self.window.enter().await;
        place.rto = self.rtt.rto();
        let (answer, sent, took) = self.ask_in_window(query, timeout, place.rto).await;
        if sent == 1 && answer.is_ok() {
            // Only an answer to a question sent once is a round trip (Karn).
            self.rtt.sample(took);
        }
        place.lost = sent > 1 && answer.is_ok();
        (answer, took)
    }

    async fn ask_in_window(&self, query: &Query, timeout: Duration, first_wait: Duration) -> (Answer, u32, Duration) {
        let (reg, mut rx) = self.register(query);
        // Checked once registered: a refusal reported from now on reaches this question
        // through its lane, one reported before is seen here.
        if let Some(refused) = lock(&self.lanes.refused).clone() {
            return (Err(refused), 0, Duration::ZERO);
        }
        let bytes = super::dns::query_bytes(reg.id, query);
        let started = tokio::time::Instant::now();
        let deadline = started + timeout;
        if let Err(e) = reg.lane.sock.send(&bytes).await {
            return (Err(self.lanes.failed(reg.lane_no, &e)), 1, started.elapsed());
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
                        return (Err(self.lanes.failed(reg.lane_no, &e)), sent, started.elapsed());
                    }
                    sent += 1;
                    wait = wait.saturating_mul(2);
                    resend_at = tokio::time::Instant::now() + wait;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A closed port: the first refusal ends every question to the server with it, those
    /// waiting on other lanes and those still to come, none of them with a timeout.
    #[tokio::test]
    async fn a_refusing_server_refuses_every_question() {
        let closed = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let addr = closed.local_addr().unwrap();
        drop(closed);
        let mux = Mux::new(addr).unwrap();
        let q = Query::query(hickory_proto::rr::Name::from_ascii("a.test.").unwrap(), hickory_proto::rr::RecordType::A);
        for round in 0..3 {
            let results = futures::future::join_all((0..300).map(|_| mux.ask(&q, Duration::from_secs(5)))).await;
            for (answer, _) in &results {
                assert!(matches!(answer, Err(QueryError::Unreachable(_))), "round {round}: {answer:?}");
            }
        }
    }

    #[test]
    fn the_retransmit_timer_follows_the_round_trips() {
        let near = Rtt::default();
        assert_eq!(near.rto(), INITIAL_RTO, "nothing measured yet");
        near.sample(Duration::from_micros(300));
        assert_eq!(near.rto(), MIN_RTO, "a loopback round trip: the floor");
        let far = Rtt::default();
        for _ in 0..20 {
            far.sample(Duration::from_millis(100));
        }
        let rto = far.rto();
        assert!(rto > Duration::from_millis(100) && rto < Duration::from_millis(150), "{rto:?}");
        far.sample(Duration::from_millis(400));
        assert!(far.rto() > rto, "a late answer widens the wait");
    }

    fn place(w: &Window, lost: bool) {
        let mut p = futures::executor::block_on(w.enter());
        p.lost = lost;
        p.rto = Duration::from_secs(60);
    }

    #[test]
    fn the_window_grows_halves_on_loss_and_grows_back() {
        // Before any loss: slow start, one more per clean answer.
        let w = Window::default();
        for _ in 0..100 {
            place(&w, false);
        }
        let grown = WINDOW_START + 100.0;
        assert_eq!(w.size(), grown);
        // An answer that needed a resend halves it, once per retransmit period.
        place(&w, true);
        assert_eq!(w.size(), grown * 0.5);
        place(&w, true);
        assert_eq!(w.size(), grown * 0.5, "one cut per retransmit period");
        // After a loss: one more per window of clean answers (some 114 a window here).
        let before = w.size();
        for _ in 0..300 {
            place(&w, false);
        }
        assert!(w.size() > before + 1.0 && w.size() < before + 3.0, "{}", w.size());
    }

    #[tokio::test]
    async fn a_full_window_makes_the_next_question_wait() {
        let w = Window::default();
        lock(&w.state).size = 2.0;
        let (a, b) = (w.enter().await, w.enter().await);
        let third = w.enter();
        tokio::pin!(third);
        assert!(futures::poll!(third.as_mut()).is_pending(), "no room: it waits");
        drop(a);
        assert!(futures::poll!(third.as_mut()).is_ready(), "a place given back lets it in");
        drop(b);
    }

    /// A server that never answers: every question runs out without an answer, which
    /// says nothing of loss, so the window keeps growing and a batch to a dead server is
    /// not slowed down (it was, ~30x, when every unanswered question counted as a loss).
    #[tokio::test]
    async fn a_silent_server_does_not_shrink_the_window() {
        let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let mux = Mux::new(silent.local_addr().unwrap()).unwrap();
        // What the silent server receives, counted as it comes (never answered).
        silent.set_read_timeout(Some(Duration::from_millis(500))).unwrap();
        let heard = std::thread::spawn(move || {
            let mut buf = [0u8; 512];
            std::iter::from_fn(|| silent.recv(&mut buf).ok()).count()
        });
        let q = Query::query(hickory_proto::rr::Name::from_ascii("a.test.").unwrap(), hickory_proto::rr::RecordType::A);
        let started = std::time::Instant::now();
        let asks = (0..200).map(|_| mux.ask(&q, Duration::from_millis(300)));
        let results = futures::future::join_all(asks).await;
        assert!(results.iter().all(|(a, _)| matches!(a, Err(QueryError::Timeout))));
        assert!(mux.window.size() >= WINDOW_START, "{}", mux.window.size());
        // 200 questions in a window that grows by one per question given up: a few
        // timeouts' worth, not 200 / 8 of them.
        assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
        // Each was asked again when its first wait (250 ms) ran out, before the 300 ms.
        assert!(heard.join().unwrap() >= 400, "every question was sent at least twice");
    }
}
