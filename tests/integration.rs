//! deskhand's integration tests: one test binary that runs the real `deskhand` binary
//! against real servers on loopback, with a clean environment.
//!
//! Modules:
//! - `util`: the command builder and the lab handles (DNS servers from `scripts/lab/dns`).
//! - `cli`: help, version, exit codes, errors, config file, completions.
//! - `ping`: ICMP against 127.0.0.1, `::1`, a /24 sweep and a dropped address.
//! - `dns`: every record type, reverse lookups, NXDOMAIN/SERVFAIL/timeout, comparing servers.
//! - `port`: open/closed ports, scans, TLS certificates (valid, expired, wrong name).
//! - `check`: the layered triage and its verdicts.
//! - `account`: every account command against a real slapd with ppolicy, proven by real binds.
//! - `account_ad`: the same scenarios against a real Samba AD DC.
//! - `account_ds`: the same scenarios against a real 389 Directory Server.
//! - `runbook`: validation, runs of real commands in one process, injection, errors.
//! - `inventory`: this machine's dpkg database (beside dpkg-query), facts, baselines, diffs.
//! - `fleet`: the Ansible collection against test hosts in network namespaces (sshd each).
//! - `ldap_hostile`: a hostile LDAP server written for the test (100,000 values, bad syntax).

mod util;

mod account;
mod account_ad;
mod account_ds;
mod check;
mod cli;
mod diagnose;
mod dns;
mod fleet;
mod inventory;
mod ldap_hostile;
mod ping;
mod port;
mod runbook;
