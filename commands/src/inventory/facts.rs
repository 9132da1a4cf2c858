//! `inventory facts`: what a technician writes at the top of a ticket: host, OS, kernel,
//! CPU, memory, disks, uptime, interfaces and who is logged in.

use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Facts {
    pub hostname: Option<String>,
    /// "Debian GNU/Linux 12 (bookworm)".
    pub os: Option<String>,
    /// `ID` of os-release ("debian").
    pub os_id: String,
    pub os_version: Option<String>,
    pub kernel: Option<String>,
    pub arch: String,
    pub cpu_model: Option<String>,
    /// Logical CPUs.
    pub cpus: usize,
    pub cpu_cores: Option<usize>,
    pub memory_total_bytes: u64,
    pub memory_available_bytes: u64,
    pub swap_total_bytes: u64,
    pub uptime_seconds: u64,
    /// RFC 3339.
    pub boot_time: String,
    pub disks: Vec<DiskFact>,
    pub interfaces: Vec<InterfaceFact>,
    pub users: Vec<LoginFact>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DiskFact {
    pub mount_point: String,
    pub device: String,
    pub file_system: String,
    pub total_bytes: u64,
    pub available_bytes: u64,
    pub removable: bool,
    pub read_only: bool,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct InterfaceFact {
    pub name: String,
    pub mac: Option<String>,
    /// "192.0.2.10/24".
    pub addresses: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LoginFact {
    pub user: String,
    /// The terminal ("pts/0", "tty1", ":0").
    pub line: String,
    /// Where from (remote host or display), if any.
    pub host: Option<String>,
    /// RFC 3339.
    pub since: Option<String>,
}

/// Pseudo file systems that are not disks a technician cares about.
const PSEUDO_FS: &[&str] = &["tmpfs", "devtmpfs", "overlay", "squashfs", "proc", "sysfs", "cgroup2", "ramfs", "efivarfs", "nsfs"];

/// Gathers the facts of this machine.
pub fn gather() -> Facts {
    use sysinfo::{CpuRefreshKind, Disks, MemoryRefreshKind, Networks, RefreshKind, System};
    let sys =
        System::new_with_specifics(RefreshKind::nothing().with_memory(MemoryRefreshKind::everything()).with_cpu(CpuRefreshKind::nothing()));
    let cpu_model = sys.cpus().first().map(|c| c.brand().trim().to_string()).filter(|b| !b.is_empty());
    let mut disks: Vec<DiskFact> = Disks::new_with_refreshed_list()
        .list()
        .iter()
        // A container's root is an overlay: keep "/" whatever it is.
        .filter(|d| d.mount_point() == Path::new("/") || !PSEUDO_FS.contains(&d.file_system().to_string_lossy().as_ref()))
        .map(|d| DiskFact {
            mount_point: d.mount_point().display().to_string(),
            device: d.name().to_string_lossy().into_owned(),
            file_system: d.file_system().to_string_lossy().into_owned(),
            total_bytes: d.total_space(),
            available_bytes: d.available_space(),
            removable: d.is_removable(),
            read_only: d.is_read_only(),
        })
        .collect();
    disks.sort_by(|a, b| a.mount_point.cmp(&b.mount_point));
    let mut interfaces: Vec<InterfaceFact> = Networks::new_with_refreshed_list()
        .list()
        .iter()
        .map(|(name, data)| {
            let mac = data.mac_address();
            let mut addresses: Vec<String> = data.ip_networks().iter().map(|n| format!("{}/{}", n.addr, n.prefix)).collect();
            addresses.sort();
            InterfaceFact { name: name.clone(), mac: (!mac.is_unspecified()).then(|| mac.to_string()), addresses }
        })
        .collect();
    interfaces.sort_by(|a, b| a.name.cmp(&b.name));
    Facts {
        hostname: System::host_name(),
        os: System::long_os_version(),
        os_id: System::distribution_id(),
        os_version: System::os_version(),
        kernel: System::kernel_version(),
        arch: System::cpu_arch(),
        cpu_model,
        cpus: sys.cpus().len().max(std::thread::available_parallelism().map_or(1, std::num::NonZero::get)),
        cpu_cores: System::physical_core_count(),
        memory_total_bytes: sys.total_memory(),
        memory_available_bytes: sys.available_memory(),
        swap_total_bytes: sys.total_swap(),
        uptime_seconds: System::uptime(),
        boot_time: crate::util::rfc3339(System::boot_time() as i64),
        disks,
        interfaces,
        users: logged_in(Path::new("/run/utmp")),
    }
}

/// glibc's `struct utmpx` on Linux (`x86_64` and `aarch64`): 384 bytes.
const UTMP_SIZE: usize = 384;
const USER_PROCESS: i32 = 7;

/// Who is logged in, from the utmp file (what `who` reads). Unreadable or odd: nobody.
pub fn logged_in(path: &Path) -> Vec<LoginFact> {
    let Ok(bytes) = std::fs::read(path) else { return vec![] };
    parse_utmp(&bytes)
}

fn c_string(bytes: &[u8]) -> String {
    let end = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
    crate::util::sanitize(&String::from_utf8_lossy(&bytes[..end]))
}

fn parse_utmp(bytes: &[u8]) -> Vec<LoginFact> {
    let mut users = Vec::new();
    for rec in bytes.chunks_exact(UTMP_SIZE) {
        let int = |at: usize| i32::from_ne_bytes([rec[at], rec[at + 1], rec[at + 2], rec[at + 3]]);
        if int(0) != USER_PROCESS {
            continue;
        }
        let user = c_string(&rec[44..76]);
        if user.is_empty() {
            continue;
        }
        let host = c_string(&rec[76..332]);
        let secs = int(340);
        users.push(LoginFact {
            user,
            line: c_string(&rec[8..40]),
            host: (!host.is_empty()).then_some(host),
            since: (secs > 0).then(|| crate::util::rfc3339(i64::from(secs))),
        });
    }
    users
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: i32, line: &str, user: &str, host: &str, secs: i32) -> Vec<u8> {
        let mut r = vec![0u8; UTMP_SIZE];
        r[0..4].copy_from_slice(&kind.to_ne_bytes());
        r[8..8 + line.len()].copy_from_slice(line.as_bytes());
        r[44..44 + user.len()].copy_from_slice(user.as_bytes());
        r[76..76 + host.len()].copy_from_slice(host.as_bytes());
        r[340..344].copy_from_slice(&secs.to_ne_bytes());
        r
    }

    #[test]
    fn utmp_user_processes_only() {
        let mut bytes = record(2, "~", "reboot", "6.1.0", 1_700_000_000);
        bytes.extend(record(USER_PROCESS, "pts/0", "alice", "192.0.2.7", 1_795_420_800));
        bytes.extend(record(8, "pts/1", "", "", 0));
        bytes.extend(record(USER_PROCESS, "tty1", "bob", "", 0));
        bytes.extend([1, 2, 3]); // a torn last record is ignored
        let users = parse_utmp(&bytes);
        assert_eq!(
            users,
            vec![
                LoginFact {
                    user: "alice".into(),
                    line: "pts/0".into(),
                    host: Some("192.0.2.7".into()),
                    since: Some("2026-11-23T08:00:00Z".into())
                },
                LoginFact { user: "bob".into(), line: "tty1".into(), host: None, since: None },
            ]
        );
    }

    #[test]
    fn gathers_this_machine() {
        let f = gather();
        assert!(f.memory_total_bytes > 0 && f.cpus > 0 && !f.arch.is_empty());
        assert!(f.interfaces.iter().any(|i| i.addresses.iter().any(|a| a.starts_with("127.0.0.1/"))), "{:?}", f.interfaces);
        assert!(f.disks.iter().any(|d| d.total_bytes > 0), "{:?}", f.disks);
    }
}
