//! Whether a connect that completed reached a service. A TCP connect from this host to
//! one of its own addresses can complete with nothing listening: two connecting
//! sockets of this host that each hold the port the other aims at meet in a TCP
//! simultaneous open (any process's sockets, not only ours). Such a pair needs the
//! target port to be one the kernel hands out as a source port, so on this host, for a
//! port in the ephemeral range, the kernel's own table of listening sockets
//! (`/proc/net/tcp`, `/proc/net/tcp6`, what `ss -ltn` reads) decides. Other hosts,
//! other ports and other systems are taken as the connect says.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// True when `addr` is on this host, its port is in the ephemeral range, and no socket
/// listens there: the connect met another connecting socket, not a service.
pub fn phantom(addr: SocketAddr) -> bool {
    if !cfg!(target_os = "linux") || !ephemeral().contains(&addr.port()) || !is_local(addr.ip()) {
        return false;
    }
    let mut tables = Vec::new();
    for (path, v6) in [("/proc/net/tcp", false), ("/proc/net/tcp6", true)] {
        match std::fs::read_to_string(path) {
            Ok(text) => tables.push((text, v6)),
            // IPv6 may be off; without the IPv4 table there is nothing to decide by.
            Err(_) if v6 => {}
            Err(_) => return false,
        }
    }
    !tables.iter().any(|(text, v6)| listening(text, *v6).any(|(ip, port)| port == addr.port() && accepts(ip, addr.ip())))
}

/// The kernel's ephemeral port range (`net.ipv4.ip_local_port_range`, which IPv6 shares).
fn ephemeral() -> std::ops::RangeInclusive<u16> {
    static RANGE: std::sync::OnceLock<std::ops::RangeInclusive<u16>> = std::sync::OnceLock::new();
    RANGE
        .get_or_init(|| {
            std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
                .ok()
                .and_then(|t| {
                    let mut it = t.split_whitespace().map(str::parse::<u16>);
                    Some(it.next()?.ok()?..=it.next()?.ok()?)
                })
                .unwrap_or(32768..=60999)
        })
        .clone()
}

/// Whether `ip` is an address of this host: loopback, unspecified, or one a socket can
/// be bound to.
fn is_local(ip: IpAddr) -> bool {
    ip.is_loopback() || ip.is_unspecified() || std::net::UdpSocket::bind(SocketAddr::new(ip, 0)).is_ok()
}

/// Whether a socket listening on `listener` takes connects to `target`: the same
/// address, the v4-mapped form of it, or a wildcard of either family (a dual-stack
/// `::` listener takes IPv4 too).
fn accepts(listener: IpAddr, target: IpAddr) -> bool {
    if listener.is_unspecified() || listener == target {
        return true;
    }
    match (listener, target) {
        (IpAddr::V6(l), IpAddr::V4(t)) => l.to_ipv4_mapped() == Some(t),
        _ => false,
    }
}

/// The listening sockets of one `/proc/net/tcp{,6}` table: (address, port).
fn listening(table: &str, v6: bool) -> impl Iterator<Item = (IpAddr, u16)> + '_ {
    table.lines().skip(1).filter_map(move |line| {
        let mut fields = line.split_whitespace();
        let local = fields.nth(1)?;
        // The state is the fourth field; 0A is LISTEN.
        if fields.nth(1)? != "0A" {
            return None;
        }
        let (ip, port) = local.split_once(':')?;
        let port = u16::from_str_radix(port, 16).ok()?;
        // Each 32-bit word is printed as the host reads the address's bytes.
        let word = |hex: &str| u32::from_str_radix(hex, 16).ok().map(u32::to_ne_bytes);
        let ip = if v6 {
            if ip.len() != 32 || !ip.is_ascii() {
                return None;
            }
            let mut bytes = [0u8; 16];
            for (i, chunk) in bytes.chunks_mut(4).enumerate() {
                chunk.copy_from_slice(&word(&ip[i * 8..i * 8 + 8])?);
            }
            IpAddr::V6(Ipv6Addr::from(bytes))
        } else {
            if ip.len() != 8 {
                return None;
            }
            IpAddr::V4(Ipv4Addr::from(word(ip)?))
        };
        Some((ip, port))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_kernels_tables() {
        let v4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   0: 0100007F:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0\n   1: 0100007F:9C40 0100007F:07E8 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0\n   2: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3 1 0 100 0 0 10 0\n";
        let (lo, any) = if cfg!(target_endian = "little") { ("127.0.0.1", "0.0.0.0") } else { ("1.0.0.127", "0.0.0.0") };
        let found: Vec<(IpAddr, u16)> = listening(v4, false).collect();
        assert_eq!(found, vec![(lo.parse().unwrap(), 2024), (any.parse().unwrap(), 22)], "the established row is not a listener");
        let v6 = "  sl  local_address                         remote_address                        st\n   0: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 0\n   1: 00000000000000000000000000000000:01BB 00000000000000000000000000000000:0000 0A 0\n   2: garbage\n";
        let found: Vec<(IpAddr, u16)> = listening(v6, true).collect();
        if cfg!(target_endian = "little") {
            assert_eq!(found, vec![("::1".parse().unwrap(), 80), ("::".parse().unwrap(), 443)]);
        }
    }

    #[test]
    fn which_listeners_take_a_connect() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert!(accepts(ip("0.0.0.0"), ip("127.0.0.1")));
        assert!(accepts(ip("::"), ip("127.0.0.1")), "a dual-stack wildcard");
        assert!(accepts(ip("::ffff:127.0.0.1"), ip("127.0.0.1")));
        assert!(accepts(ip("127.0.0.1"), ip("127.0.0.1")));
        assert!(!accepts(ip("127.0.0.2"), ip("127.0.0.1")));
        assert!(!accepts(ip("::1"), ip("127.0.0.1")));
    }

    #[test]
    fn a_port_with_a_listener_is_no_phantom() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap();
        assert!(!phantom(addr));
        // Remote hosts are taken as the connect says.
        assert!(!phantom("192.0.2.1:40000".parse().unwrap()));
        if cfg!(target_os = "linux") && ephemeral().contains(&addr.port()) {
            drop(l);
            assert!(phantom(addr), "nothing listens on {addr} any more");
        }
    }
}
