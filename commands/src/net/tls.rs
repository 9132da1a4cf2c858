//! TLS inspection for `net port --tls` and `net check --tls`: one handshake that records
//! the server's chain whatever it is, then a separate verification of that chain against
//! the trusted roots (the system's, or `--ca`), so that an expired, self-signed or
//! wrong-name certificate is described instead of merely refused.

use crate::error::{CommandError, Result};
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use serde::Serialize;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use tokio::net::TcpStream;

/// How to check certificates.
#[derive(Debug, Clone, Default)]
pub struct TlsOptions {
    /// A PEM file of trusted CA certificates; the system store when `None`.
    pub ca_file: Option<PathBuf>,
    /// The name to send as SNI and to check the certificate against; the target's host
    /// name (or address) when `None`.
    pub sni: Option<String>,
    /// A certificate expiring within this many days fails the check.
    pub warn_days: u32,
}

/// What the TLS handshake and the certificate check found.
#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct TlsReport {
    /// Handshake done, chain trusted, name matches, not expired, not expiring soon.
    pub ok: bool,
    /// The name checked against the certificate (and sent as SNI unless an address).
    pub server_name: String,
    pub protocol: Option<String>,
    pub cipher: Option<String>,
    pub subject: Option<String>,
    pub issuer: Option<String>,
    pub sans: Vec<String>,
    pub not_before: Option<String>,
    pub not_after: Option<String>,
    pub days_left: Option<i64>,
    pub name_matches: bool,
    pub chain_verified: bool,
    /// Each reason the check failed, in words.
    pub problems: Vec<String>,
}

/// Trusted roots plus the crypto provider, loaded once per run.
pub struct TlsContext {
    provider: Arc<CryptoProvider>,
    roots: Arc<RootCertStore>,
}

impl TlsContext {
    /// Loads the roots from `--ca` or from the system store.
    pub fn new(opts: &TlsOptions) -> Result<Self> {
        if let Some(sni) = &opts.sni
            && server_name_of(sni).is_none()
        {
            return Err(CommandError::usage(format!("'{sni}' is not a server name for --sni"))
                .with_hint("give a DNS name such as www.example.test, or an address"));
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut roots = RootCertStore::empty();
        if let Some(path) = &opts.ca_file {
            let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path).and_then(Iterator::collect).map_err(|e| {
                CommandError::usage(format!("cannot read CA file '{}': {e}", path.display()))
                    .with_hint("give a PEM file holding one or more CA certificates")
            })?;
            if certs.is_empty() {
                return Err(CommandError::usage(format!("CA file '{}' holds no certificate", path.display()))
                    .with_hint("give a PEM file with BEGIN CERTIFICATE blocks"));
            }
            for c in certs {
                roots.add(c).map_err(|e| CommandError::usage(format!("CA file '{}': {e}", path.display())))?;
            }
        } else {
            let found = rustls_native_certs::load_native_certs();
            for c in found.certs {
                let _ = roots.add(c);
            }
        }
        Ok(Self { provider, roots: Arc::new(roots) })
    }
}

/// Records the chain the server sends and accepts it; signatures are still checked.
#[derive(Debug)]
struct Recorder {
    chain: Mutex<Vec<CertificateDer<'static>>>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        let mut chain = self.chain.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        chain.push(end_entity.clone().into_owned());
        chain.extend(intermediates.iter().map(|c| c.clone().into_owned()));
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

fn server_name_of(name: &str) -> Option<ServerName<'static>> {
    if name.trim().is_empty() {
        return None;
    }
    let bare = name.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Some(ServerName::IpAddress(ip.into()));
    }
    ServerName::try_from(bare.to_string()).ok()
}

/// Runs a TLS handshake over `stream` and checks the certificate against `name`.
pub async fn inspect(ctx: &TlsContext, stream: TcpStream, name: &str, warn_days: u32, timeout: Duration) -> TlsReport {
    let mut report = TlsReport {
        ok: false,
        server_name: name.to_string(),
        protocol: None,
        cipher: None,
        subject: None,
        issuer: None,
        sans: Vec::new(),
        not_before: None,
        not_after: None,
        days_left: None,
        name_matches: false,
        chain_verified: false,
        problems: Vec::new(),
    };
    let Some(server_name) = server_name_of(name) else {
        report.problems.push(format!("'{name}' cannot be used as a TLS server name"));
        return report;
    };
    let recorder = Arc::new(Recorder { chain: Mutex::new(Vec::new()), algorithms: ctx.provider.signature_verification_algorithms });
    let config = match rustls::ClientConfig::builder_with_provider(ctx.provider.clone()).with_safe_default_protocol_versions() {
        Ok(b) => b.dangerous().with_custom_certificate_verifier(recorder.clone()).with_no_client_auth(),
        Err(e) => {
            report.problems.push(format!("TLS setup failed: {e}"));
            return report;
        }
    };
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let handshake = tokio::time::timeout(timeout, connector.connect(server_name.clone(), stream)).await;
    match handshake {
        Err(_) => {
            report.problems.push(format!("TLS handshake timed out after {timeout:?} (is this port really TLS? try without --tls)"));
            return report;
        }
        Ok(Err(e)) => {
            report.problems.push(format!("TLS handshake failed: {e} (is this port really TLS?)"));
            return report;
        }
        Ok(Ok(tls)) => {
            let (_, conn) = tls.get_ref();
            report.protocol = conn.protocol_version().and_then(|v| v.as_str()).map(|s| s.replace("TLSv", "TLS ").replace('_', "."));
            report.cipher = conn.negotiated_cipher_suite().and_then(|s| s.suite().as_str()).map(str::to_string);
        }
    }
    let chain = std::mem::take(&mut *recorder.chain.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    let Some(end_entity) = chain.first() else {
        report.problems.push("the server sent no certificate".into());
        return report;
    };
    let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default().as_secs() as i64;
    let (not_before, not_after) = match x509_parser::parse_x509_certificate(end_entity) {
        Ok((_, cert)) => {
            report.subject = Some(crate::util::sanitize(&cert.subject().to_string()));
            report.issuer = Some(crate::util::sanitize(&cert.issuer().to_string()));
            if let Ok(Some(san)) = cert.subject_alternative_name() {
                for g in &san.value.general_names {
                    match g {
                        x509_parser::extensions::GeneralName::DNSName(d) => report.sans.push(crate::util::sanitize(d)),
                        x509_parser::extensions::GeneralName::IPAddress(b) => {
                            let ip = match b.len() {
                                4 => <[u8; 4]>::try_from(*b).ok().map(IpAddr::from),
                                16 => <[u8; 16]>::try_from(*b).ok().map(IpAddr::from),
                                _ => None,
                            };
                            if let Some(ip) = ip {
                                report.sans.push(ip.to_string());
                            }
                        }
                        _ => {}
                    }
                }
            }
            let v = cert.validity();
            (v.not_before.timestamp(), v.not_after.timestamp())
        }
        Err(e) => {
            report.problems.push(format!("the server's certificate does not parse: {e}"));
            return report;
        }
    };
    report.not_before = Some(crate::util::rfc3339(not_before));
    report.not_after = Some(crate::util::rfc3339(not_after));
    let days_left = (not_after - now).div_euclid(86_400);
    report.days_left = Some(days_left);
    report.name_matches = name_matches(&report.sans, name);

    // Trust is judged at a moment inside the validity period, so that expiry is reported
    // on its own instead of masking whether the issuer is trusted.
    let verifier = WebPkiServerVerifier::builder_with_provider(ctx.roots.clone(), ctx.provider.clone()).build();
    match verifier {
        Err(e) => report.problems.push(format!("cannot verify the chain: {e} (no trusted roots? give --ca FILE)")),
        Ok(verifier) => {
            let at = UnixTime::since_unix_epoch(Duration::from_secs(i64::midpoint(not_before, not_after).max(0) as u64));
            match verifier.verify_server_cert(end_entity, &chain[1..], &server_name, &[], at) {
                Ok(_) => report.chain_verified = true,
                Err(rustls::Error::InvalidCertificate(
                    CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
                )) => report.chain_verified = true,
                Err(rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer)) => {
                    report.problems.push("the chain does not lead to a trusted CA (self-signed, or a private CA: give --ca FILE)".into());
                }
                Err(e) if format!("{e:?}").contains("CaUsedAsEndEntity") => {
                    report.problems.push("the server presents a CA certificate as its own (a self-signed CA certificate): replace it with a server certificate issued by a CA".into());
                }
                Err(e) => report.problems.push(format!("the chain does not verify: {e}")),
            }
        }
    }
    if !report.name_matches {
        report.problems.push(format!(
            "the certificate does not name '{name}' (it names: {})",
            if report.sans.is_empty() { "no subjectAltName".to_string() } else { report.sans.join(", ") }
        ));
    }
    if now > not_after {
        report.problems.push(format!("the certificate expired {} days ago", (now - not_after) / 86_400));
    } else if now < not_before {
        report.problems.push("the certificate is not valid yet".into());
    } else if days_left < i64::from(warn_days) {
        report.problems.push(format!("the certificate expires in {days_left} days (warning threshold {warn_days})"));
    }
    report.ok = report.problems.is_empty();
    report
}

/// Whether one of the certificate's subjectAltNames covers `name` (a host name, with
/// single-label wildcards, or an address).
pub fn name_matches(sans: &[String], name: &str) -> bool {
    let name = name.trim_start_matches('[').trim_end_matches(']').trim_end_matches('.').to_ascii_lowercase();
    if let Ok(ip) = name.parse::<IpAddr>() {
        return sans.iter().any(|s| s.parse::<IpAddr>().ok() == Some(ip));
    }
    sans.iter().any(|san| {
        let san = san.trim_end_matches('.').to_ascii_lowercase();
        if let Some(rest) = san.strip_prefix("*.") {
            name.split_once('.').is_some_and(|(first, tail)| !first.is_empty() && tail == rest)
        } else {
            san == name
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let sans = vec!["www.example.test".to_string(), "*.lab.test".to_string(), "127.0.0.1".to_string()];
        assert!(name_matches(&sans, "www.example.test"));
        assert!(name_matches(&sans, "WWW.example.test."));
        assert!(name_matches(&sans, "a.lab.test"));
        assert!(!name_matches(&sans, "a.b.lab.test"));
        assert!(!name_matches(&sans, "lab.test"));
        assert!(name_matches(&sans, "127.0.0.1"));
        assert!(!name_matches(&sans, "127.0.0.2"));
        assert!(!name_matches(&sans, "other.test"));
    }
}
