//! Network diagnostics: `net ping`, `net dns`, `net port` and `net check`, plus the
//! target parsing and TLS inspection they share.

pub mod check;
pub mod dns;
pub mod listeners;
pub mod ping;
pub mod port;
pub mod targets;
pub mod tls;
mod udp_mux;
