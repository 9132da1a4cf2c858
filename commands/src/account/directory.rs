//! The directory seam ([`Directory`]) and its real implementation on ldap3: one
//! connection per invocation (TLS verified against the profile's CA, TCP_NODELAY set,
//! referrals never chased), bound as the profile's service account or by SASL EXTERNAL
//! over ldapi://. Operations clone the handle, so bulk work is pipelined.

use crate::error::{CommandError, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The Relax Rules control: lets an identity with `manage` rights change
/// NO-USER-MODIFICATION attributes such as `pwdFailureTime`.
pub const RELAX_OID: &str = "1.3.6.1.4.1.4203.666.5.12";

/// Which kind of directory this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FlavorChoice {
    /// Read it from the root DSE.
    #[default]
    Auto,
    /// OpenLDAP with the ppolicy overlay.
    Openldap,
    /// Active Directory (or Samba AD).
    Ad,
    /// 389 Directory Server.
    #[serde(rename = "389ds")]
    Ds389,
}

/// How `account disable` disables (OpenLDAP): the permanent administrative lock, or an
/// account end time (`pwdEndTime`, which works even where a policy turns locks off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisableMethod {
    #[default]
    Lock,
    EndTime,
}

/// A directory profile: where the directory is and how to bind. Plain data; the CLI
/// fills it from the config file.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub name: String,
    pub url: String,
    /// The directory's other servers (domain controllers, replicas), for `--all-servers`.
    pub servers: Vec<String>,
    pub starttls: bool,
    pub ca_file: Option<PathBuf>,
    pub base_dn: String,
    /// Where users live (search base); the base DN when unset.
    pub users_dn: Option<String>,
    pub groups_dn: Option<String>,
    pub disabled_dn: Option<String>,
    pub bind_dn: Option<String>,
    /// SASL EXTERNAL (ldapi:// peer credentials, or a TLS client certificate).
    pub sasl_external: bool,
    /// SASL GSSAPI: the technician's own Kerberos ticket (`kinit`), no password.
    pub sasl_gssapi: bool,
    /// The server's DNS name for the Kerberos service principal (`ldap/NAME`) when the
    /// URL names it by address.
    pub sasl_host: Option<String>,
    pub flavor: FlavorChoice,
    pub login_attribute: String,
    /// Allow a simple bind over a connection without TLS.
    pub allow_plaintext: bool,
    pub timeout: Duration,
    /// The password policy entry to use when a user names none.
    pub password_policy: Option<String>,
    pub disable_method: DisableMethod,
    /// Connections a bulk change may spread over (None: the flavour's own choice).
    pub connections: Option<usize>,
}

impl Profile {
    pub fn users_base(&self) -> &str {
        self.users_dn.as_deref().unwrap_or(&self.base_dn)
    }

    /// Every server of the directory: `url` first, then the others, each once.
    pub fn all_servers(&self) -> Vec<String> {
        let mut all = vec![self.url.clone()];
        for s in &self.servers {
            if !all.iter().any(|a| a.trim().eq_ignore_ascii_case(s.trim())) {
                all.push(s.clone());
            }
        }
        all
    }

    /// This profile, pointed at another of its servers.
    #[must_use]
    pub fn on_server(&self, url: &str) -> Self {
        Self { url: url.to_string(), ..self.clone() }
    }
}

/// A bind password. It never prints: Debug and Display show a placeholder.
#[derive(Clone, Default)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: String) -> Self {
        Self(s)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// One directory entry: its DN and attributes (names lower-cased).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Entry {
    pub dn: String,
    pub attrs: BTreeMap<String, Vec<String>>,
}

/// The binary attributes deskhand reads, whose values an [`Entry`] holds as lowercase
/// hex (names in lower case).
pub const HEX_ATTRS: &[&str] = &["logonhours", "objectsid", "tokengroups"];

/// An entry as deskhand holds it: attribute names in lower case, the binary attributes
/// of [`HEX_ATTRS`] as hex (ldap3 puts a value that happens to be UTF-8 with the text
/// ones, and the others apart), other binary values left out.
fn entry_from(se: ldap3::SearchEntry) -> Entry {
    let mut attrs: BTreeMap<String, Vec<String>> = se.attrs.into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect();
    for name in HEX_ATTRS {
        if let Some(v) = attrs.get_mut(*name) {
            *v = v.iter().map(|t| hex(t.as_bytes())).collect();
        }
    }
    for (k, v) in se.bin_attrs {
        let k = k.to_ascii_lowercase();
        if HEX_ATTRS.contains(&k.as_str()) {
            attrs.insert(k, v.iter().map(|b| hex(b)).collect());
        }
    }
    Entry { dn: se.dn, attrs }
}

/// Bytes as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

impl Entry {
    /// An entry for a unit test: its DN and (attribute, values) pairs.
    #[cfg(test)]
    pub(crate) fn of(dn: &str, pairs: &[(&str, &[&str])]) -> Self {
        Self {
            dn: dn.into(),
            attrs: pairs.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.iter().map(ToString::to_string).collect())).collect(),
        }
    }

    pub fn first(&self, attr: &str) -> Option<&str> {
        self.attrs.get(&attr.to_ascii_lowercase()).and_then(|v| v.first()).map(String::as_str)
    }

    pub fn all(&self, attr: &str) -> &[String] {
        self.attrs.get(&attr.to_ascii_lowercase()).map_or(&[], Vec::as_slice)
    }
}

/// A change to one attribute, as shown by `--dry-run` and sent to the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Change {
    Add {
        attr: String,
        values: Vec<String>,
    },
    /// Delete the given values, or the whole attribute when `values` is empty.
    Delete {
        attr: String,
        values: Vec<String>,
    },
    Replace {
        attr: String,
        values: Vec<String>,
    },
    /// Replace with a password (`userPassword`, AD's `unicodePwd`): shown, printed,
    /// serialized and debug-printed as `********`, wherever the change goes.
    ReplaceSecret {
        attr: String,
        value: SecretBytes,
    },
}

impl Change {
    /// The attribute the change writes.
    pub fn attr(&self) -> &str {
        match self {
            Self::Add { attr, .. } | Self::Delete { attr, .. } | Self::Replace { attr, .. } | Self::ReplaceSecret { attr, .. } => attr,
        }
    }
}

/// A password as the directory takes it; nothing prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretBytes(pub Vec<u8>);

impl std::fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("********")
    }
}

impl Serialize for SecretBytes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str("********")
    }
}

/// In a report, a secret is always the mask, never the value.
impl schemars::JsonSchema for SecretBytes {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Hidden".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"const": "********", "description": "a secret, never shown"})
    }
}

impl Change {
    /// A new password for `attr` (never shown).
    pub fn password(attr: &str, value: impl Into<Vec<u8>>) -> Self {
        Self::ReplaceSecret { attr: attr.to_string(), value: SecretBytes(value.into()) }
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (op, attr, values) = match self {
            Self::Add { attr, values } => ("add", attr, values),
            Self::Delete { attr, values } => ("delete", attr, values),
            Self::Replace { attr, values } => ("replace", attr, values),
            Self::ReplaceSecret { attr, .. } => return write!(f, "replace {attr}: ********"),
        };
        if values.is_empty() { write!(f, "{op} {attr}") } else { write!(f, "{op} {attr}: {}", values.join(", ")) }
    }
}

/// Search scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Base,
    Subtree,
}

/// The directory seam: what the account commands need from a directory.
pub trait Directory: Send + Sync {
    fn search(&self, base: &str, scope: Scope, filter: &str, attrs: &[&str]) -> impl Future<Output = Result<Vec<Entry>>> + Send;
    /// Applies the changes to one entry in one modify operation; `relax` sends the Relax
    /// Rules control.
    fn modify(&self, dn: &str, changes: &[Change], relax: bool) -> impl Future<Output = Result<()>> + Send;
    /// Adds an entry with these attributes (values as text).
    fn add(&self, dn: &str, attrs: &[(String, Vec<String>)]) -> impl Future<Output = Result<()>> + Send;
    /// Renames or moves an entry: `new_rdn` (escaped) under `new_superior` (its parent
    /// when `None`), the old RDN value removed.
    fn rename(&self, dn: &str, new_rdn: &str, new_superior: Option<&str>) -> impl Future<Output = Result<()>> + Send;
    /// Deletes an entry (to undo a creation that could not be finished).
    fn delete(&self, dn: &str) -> impl Future<Output = Result<()>> + Send;
    /// A short description of the directory for reports (its URL).
    fn describe(&self) -> String;
    /// Who the connection is bound as (bind DN, Kerberos principal), for the audit trail.
    fn bound_as(&self) -> Option<String> {
        None
    }
}

/// The real directory, over ldap3.
#[derive(Clone)]
pub struct LdapDirectory {
    ldap: ldap3::Ldap,
    url: String,
    timeout: Duration,
    /// Who the connection is bound as: the bind DN, `PRINCIPAL (Kerberos)`, `SASL
    /// EXTERNAL` or `anonymous`; the audit trail records it.
    identity: String,
}

fn ldap_error(what: &str, url: &str, e: &ldap3::LdapError) -> CommandError {
    let text = e.to_string();
    let hint = if text.contains("eof") || text.contains("EOF") || text.contains("handshake") || text.contains("InvalidContentType") {
        "the TLS handshake failed: is this port LDAPS (636)? For a plain LDAP port (389) use ldap:// with starttls: true"
    } else if text.contains("certificate") || text.contains("UnknownIssuer") || text.contains("tls") || text.contains("TLS") {
        "the server's certificate is not trusted or names another host: set ca_file in the directory profile, and use the name the certificate carries"
    } else if text.contains("refused") {
        "nothing listens there: check the port (389 ldap, 636 ldaps) and that the server runs"
    } else if text.contains("timed out") || text.contains("elapsed") {
        "no answer in time: check the network path, or raise the profile's timeout"
    } else {
        "check the profile's url, starttls and ca_file"
    };
    CommandError::environment(format!("{what} {url}: {text}")).with_hint(hint)
}

/// Splits an ldap:// or ldaps:// URL into host and port.
fn host_port(url: &str) -> Option<(String, u16, bool)> {
    let (scheme, rest) = url.split_once("://")?;
    let tls = match scheme.to_ascii_lowercase().as_str() {
        "ldap" => false,
        "ldaps" => true,
        _ => return None,
    };
    let authority = rest.split('/').next().unwrap_or("");
    let default = if tls { 636 } else { 389 };
    if let Some(v6) = authority.strip_prefix('[') {
        let (h, tail) = v6.split_once(']')?;
        let port = tail.strip_prefix(':').map_or(Some(default), |p| p.parse().ok())?;
        return Some((h.to_string(), port, tls));
    }
    match authority.rsplit_once(':') {
        Some((h, p)) => Some((h.to_string(), p.parse().ok()?, tls)),
        None => Some((if authority.is_empty() { "localhost".into() } else { authority.to_string() }, default, tls)),
    }
}

fn tls_config(profile: &Profile) -> Result<Arc<rustls::ClientConfig>> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    if let Some(path) = &profile.ca_file {
        use rustls::pki_types::pem::PemObject;
        let certs: Vec<rustls::pki_types::CertificateDer<'static>> =
            rustls::pki_types::CertificateDer::pem_file_iter(path).and_then(Iterator::collect).map_err(|e| {
                CommandError::usage(format!("directory '{}': cannot read ca_file {}: {e}", profile.name, path.display()))
                    .with_hint("give a PEM file with the CA certificate")
            })?;
        if certs.is_empty() {
            return Err(CommandError::usage(format!("directory '{}': ca_file {} holds no certificate", profile.name, path.display()))
                .with_hint("give a PEM file with BEGIN CERTIFICATE blocks"));
        }
        for c in certs {
            let _ = roots.add(c);
        }
    } else {
        for c in rustls_native_certs::load_native_certs().certs {
            let _ = roots.add(c);
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| CommandError::environment(format!("TLS setup failed: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

impl LdapDirectory {
    /// Connects and binds as the profile says.
    pub async fn connect(profile: &Profile, password: Option<&Secret>) -> Result<Self> {
        let url = profile.url.trim();
        let is_ldapi = url.to_ascii_lowercase().starts_with("ldapi://");
        let mut settings = ldap3::LdapConnSettings::new().set_conn_timeout(profile.timeout);
        let mut encrypted = is_ldapi;
        let mut server_host = String::new();
        if !is_ldapi {
            let (host, port, ldaps) = host_port(url).ok_or_else(|| {
                CommandError::usage(format!("directory '{}': '{url}' is not an ldap://, ldaps:// or ldapi:// URL", profile.name))
                    .with_hint("e.g. ldaps://dc1.example.test or ldap://ldap.example.test with starttls: true")
            })?;
            server_host.clone_from(&host);
            if ldaps || profile.starttls {
                settings = settings.set_config(tls_config(profile)?);
                encrypted = true;
            }
            if profile.starttls && !ldaps {
                settings = settings.set_starttls(true);
            }
            // Our own socket, with Nagle off: ldap3 leaves it on, which costs ~40 ms per
            // TLS round trip.
            let stream = tokio::time::timeout(profile.timeout, tokio::net::TcpStream::connect((host.as_str(), port)))
                .await
                .map_err(|_| {
                    CommandError::environment(format!("cannot connect to {url}: no answer within {:?}", profile.timeout))
                        .with_hint("check the host, the port and the network path")
                })?
                .map_err(|e| {
                    CommandError::environment(format!("cannot connect to {url}: {e}"))
                        .with_hint("check the port (389 ldap, 636 ldaps) and that the server runs")
                })?;
            stream.set_nodelay(true).ok();
            let std = stream.into_std().map_err(|e| CommandError::environment(format!("cannot connect to {url}: {e}")))?;
            settings = settings.set_std_stream(ldap3::StdStream::Tcp(std));
        }
        let (conn, mut ldap) =
            ldap3::LdapConnAsync::with_settings(settings, url).await.map_err(|e| ldap_error("cannot connect to", url, &e))?;
        ldap3::drive!(conn);
        ldap.with_timeout(profile.timeout);
        let mut identity = "anonymous".to_string();
        if profile.sasl_gssapi {
            // The ticket's principal binds; no password exists to refuse over plaintext
            // (without TLS, ldap3 seals the connection with Kerberos itself).
            let named = profile.sasl_host.as_deref().unwrap_or(&server_host);
            let principal = super::kerberos::bind(&mut ldap, url, named, encrypted).await?;
            identity = format!("{principal} (Kerberos)");
        } else if profile.sasl_external {
            identity = "SASL EXTERNAL".to_string();
            ldap.sasl_external_bind().await.and_then(ldap3::LdapResult::success).map_err(|e| {
                CommandError::environment(format!("SASL EXTERNAL bind to {url} failed: {e}"))
                    .with_hint("SASL EXTERNAL needs ldapi:// as a mapped user, or a TLS client certificate")
            })?;
        } else if let Some(dn) = &profile.bind_dn {
            if !encrypted && !profile.allow_plaintext {
                return Err(CommandError::usage(format!(
                    "directory '{}': refusing to send the bind password over plaintext {url}",
                    profile.name
                ))
                .with_hint("use ldaps://, or starttls: true; allow_plaintext: true in the profile only for a lab"));
            }
            let pw = password.ok_or_else(|| {
                CommandError::usage(format!("directory '{}': no bind password", profile.name))
                    .with_hint("set password_file, password_env or password_command in the profile, or run on a terminal to be asked")
            })?;
            identity.clone_from(dn);
            let result = ldap.simple_bind(dn, pw.expose()).await.map_err(|e| ldap_error("bind to", url, &e))?;
            if result.rc != 0 {
                let why = match (result.rc, ad_bind_reason(&result.text)) {
                    (_, Some(reason)) => reason.to_string(),
                    (49, None) => "invalid credentials".to_string(),
                    _ => format!("rc={} {}", result.rc, result.text),
                };
                return Err(CommandError::environment(format!("bind to {url} as {dn} failed: {why}"))
                    .with_hint("check bind_dn and the password source of the profile (a locked service account also gives this)"));
            }
        }
        Ok(Self { ldap, url: url.to_string(), timeout: profile.timeout, identity })
    }

    /// Whether a connection kept from an earlier step still answers: one read of the
    /// root DSE (a round trip, so a socket the server closed while it sat idle is found
    /// out here, not by the next step's first change).
    pub async fn alive(&self) -> bool {
        let mut ldap = self.ldap.clone();
        if ldap.is_closed() {
            return false;
        }
        ldap.with_timeout(self.timeout.min(Duration::from_secs(5)));
        matches!(ldap.search("", ldap3::Scope::Base, "(objectClass=*)", vec!["1.1"]).await.map(ldap3::SearchResult::success), Ok(Ok(_)))
    }
}

/// Active Directory's reason for a failed bind, from the `data NNN` in its message.
pub fn ad_bind_reason(text: &str) -> Option<&'static str> {
    let code = text.split("data ").nth(1)?.split([',', ' ']).next()?;
    Some(match code.to_ascii_lowercase().as_str() {
        "525" => "no such user",
        "52e" => "invalid credentials (wrong password)",
        "530" => "not permitted to log on at this time (logon hours)",
        "531" => "not permitted to log on from this workstation",
        "532" => "the password has expired",
        "533" => "the account is disabled",
        "701" => "the account has expired",
        "773" => "the password must be changed before the first logon",
        "775" => "the account is locked out",
        _ => return None,
    })
}

fn op_error(what: &str, e: &ldap3::LdapError) -> CommandError {
    // Refused before anything was sent: the filter deskhand was given cannot be encoded.
    if matches!(e, ldap3::LdapError::FilterParsing) {
        return CommandError::usage(format!("{what}: the search filter is invalid"))
            .with_hint("check the filter given, and login_attribute in the directory profile");
    }
    CommandError {
        kind: crate::ErrorKind::Connection,
        message: format!("{what}: {e}"),
        hint: Some("the connection to the directory broke or timed out; run the same command again to finish".into()),
        unresolved: false,
    }
}

/// A change that got no LDAP result. Handed to the connection and never answered (the
/// connection broke, or the time ran out), it may or may not have been applied: only a
/// change the connection refused to take (its task gone: `OpSend`) surely was not sent.
fn change_error(what: &str, e: &ldap3::LdapError) -> CommandError {
    if matches!(e, ldap3::LdapError::OpSend { .. }) {
        return op_error(what, e);
    }
    CommandError {
        kind: crate::ErrorKind::Unanswered,
        message: format!("{what}: sent, no answer ({e})"),
        hint: Some("the directory may or may not have applied it: run the same command again to settle it (it skips what is done)".into()),
        unresolved: false,
    }
}

/// An LDAP result code as an error: input mistakes are usage errors, the rest are the
/// directory's refusals (environment), never "the directory went away".
fn rc_error(what: &str, rc: u32, text: &str) -> CommandError {
    let (kind, hint) = match rc {
        34 => (crate::ErrorKind::Usage, "that is not a valid DN"),
        87 => (crate::ErrorKind::Usage, "the search filter is invalid: check login_attribute in the profile"),
        17 | 21 => (crate::ErrorKind::Usage, "an attribute name or value the schema does not know: check the profile"),
        4 => (
            crate::ErrorKind::Environment,
            "the directory's size limit was reached: narrow the search, or raise the service account's limit",
        ),
        50 => (crate::ErrorKind::Environment, "the service account lacks the right for this: give it read/write (or manage) access"),
        19 => (crate::ErrorKind::Environment, "the directory refused the values (a policy or schema rule)"),
        68 => (crate::ErrorKind::Usage, "an entry of that name exists already"),
        65 => (
            crate::ErrorKind::Usage,
            "the entry breaks the schema (object class rules): check the template's object_classes and attributes",
        ),
        _ => (crate::ErrorKind::Environment, "see the directory's log for details"),
    };
    CommandError { kind, message: format!("{what} failed: rc={rc} {text}"), hint: Some(hint.into()), unresolved: false }
}

impl Directory for LdapDirectory {
    async fn search(&self, base: &str, scope: Scope, filter: &str, attrs: &[&str]) -> Result<Vec<Entry>> {
        let mut ldap = self.ldap.clone();
        ldap.with_timeout(self.timeout);
        let scope = match scope {
            Scope::Base => ldap3::Scope::Base,
            Scope::Subtree => ldap3::Scope::Subtree,
        };
        let (entries, res) = if scope == ldap3::Scope::Subtree {
            // Paged (500 a page): a directory's size limit (AD: 1000) applies per page, not
            // to the whole answer. A server without the control gets a plain search.
            let adapters: Vec<Box<dyn ldap3::adapters::Adapter<'_, &str, Vec<&str>>>> =
                vec![Box::new(ldap3::adapters::EntriesOnly::new()), Box::new(ldap3::adapters::PagedResults::new(500))];
            let mut stream = ldap
                .streaming_search_with(adapters, base, scope, filter, attrs.to_vec())
                .await
                .map_err(|e| op_error(&format!("search under {base}"), &e))?;
            let mut entries = Vec::new();
            while let Some(entry) = stream.next().await.map_err(|e| op_error(&format!("search under {base}"), &e))? {
                entries.push(entry);
            }
            let res = stream.finish().await;
            if res.rc == 12 {
                let mut plain = self.ldap.clone();
                plain.with_timeout(self.timeout);
                let r =
                    plain.search(base, scope, filter, attrs.to_vec()).await.map_err(|e| op_error(&format!("search under {base}"), &e))?;
                (r.0, r.1)
            } else {
                (entries, res)
            }
        } else {
            let r = ldap.search(base, scope, filter, attrs.to_vec()).await.map_err(|e| op_error(&format!("search under {base}"), &e))?;
            (r.0, r.1)
        };
        // 32: no such object (the base is missing) means no entries here.
        if res.rc != 0 && res.rc != 32 {
            return Err(rc_error(&format!("search under {base}"), res.rc, &res.text));
        }
        Ok(entries.into_iter().filter(|e| !e.is_ref()).map(|re| entry_from(ldap3::SearchEntry::construct(re))).collect())
    }

    async fn modify(&self, dn: &str, changes: &[Change], relax: bool) -> Result<()> {
        use std::collections::HashSet;
        let mut ldap = self.ldap.clone();
        ldap.with_timeout(self.timeout);
        if relax {
            ldap.with_controls(ldap3::controls::RawControl { ctype: RELAX_OID.to_string(), crit: true, val: None });
        }
        let set = |values: &[String]| values.iter().map(|v| v.as_bytes().to_vec()).collect::<HashSet<Vec<u8>>>();
        let mods: Vec<ldap3::Mod<Vec<u8>>> = changes
            .iter()
            .map(|c| match c {
                Change::Add { attr, values } => ldap3::Mod::Add(attr.as_bytes().to_vec(), set(values)),
                Change::Delete { attr, values } => ldap3::Mod::Delete(attr.as_bytes().to_vec(), set(values)),
                Change::Replace { attr, values } => ldap3::Mod::Replace(attr.as_bytes().to_vec(), set(values)),
                Change::ReplaceSecret { attr, value } => ldap3::Mod::Replace(attr.as_bytes().to_vec(), HashSet::from([value.0.clone()])),
            })
            .collect();
        let res = ldap.modify(dn, mods).await.map_err(|e| change_error(&format!("modify {dn}"), &e))?;
        if res.rc != 0 {
            return Err(rc_error(&format!("modify {dn}"), res.rc, &res.text));
        }
        Ok(())
    }

    async fn add(&self, dn: &str, attrs: &[(String, Vec<String>)]) -> Result<()> {
        use std::collections::HashSet;
        let mut ldap = self.ldap.clone();
        ldap.with_timeout(self.timeout);
        let attrs: Vec<(Vec<u8>, HashSet<Vec<u8>>)> =
            attrs.iter().map(|(a, vs)| (a.as_bytes().to_vec(), vs.iter().map(|v| v.as_bytes().to_vec()).collect::<HashSet<_>>())).collect();
        let res = ldap.add(dn, attrs).await.map_err(|e| change_error(&format!("add {dn}"), &e))?;
        if res.rc != 0 {
            return Err(rc_error(&format!("add {dn}"), res.rc, &res.text));
        }
        Ok(())
    }

    async fn rename(&self, dn: &str, new_rdn: &str, new_superior: Option<&str>) -> Result<()> {
        let mut ldap = self.ldap.clone();
        ldap.with_timeout(self.timeout);
        let res = ldap.modifydn(dn, new_rdn, true, new_superior).await.map_err(|e| change_error(&format!("move {dn}"), &e))?;
        if res.rc != 0 {
            return Err(rc_error(&format!("move {dn}"), res.rc, &res.text));
        }
        Ok(())
    }

    async fn delete(&self, dn: &str) -> Result<()> {
        let mut ldap = self.ldap.clone();
        ldap.with_timeout(self.timeout);
        let res = ldap.delete(dn).await.map_err(|e| change_error(&format!("delete {dn}"), &e))?;
        if res.rc != 0 {
            return Err(rc_error(&format!("delete {dn}"), res.rc, &res.text));
        }
        Ok(())
    }

    fn bound_as(&self) -> Option<String> {
        Some(self.identity.clone())
    }

    fn describe(&self) -> String {
        self.url.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Binary attributes deskhand reads come out as hex whichever map ldap3 put them in
    /// (all-zero bytes are valid UTF-8, 0xff is not); names in lower case; other binary
    /// values are left out.
    #[test]
    fn binary_attributes_come_out_as_hex() {
        let se = ldap3::SearchEntry {
            dn: "CN=x".into(),
            attrs: [("logonHours".to_string(), vec!["\0\0\u{1}".to_string()]), ("cn".to_string(), vec!["x".to_string()])].into(),
            bin_attrs: [("objectSid".to_string(), vec![vec![1, 0xff]]), ("jpegPhoto".to_string(), vec![vec![0xff, 0xd8]])].into(),
        };
        let e = entry_from(se);
        assert_eq!(e.first("logonHours"), Some("000001"));
        assert_eq!(e.first("objectsid"), Some("01ff"));
        assert_eq!(e.first("cn"), Some("x"));
        assert_eq!(e.first("jpegPhoto"), None);
    }

    #[test]
    fn urls() {
        assert_eq!(host_port("ldaps://dc1.example.test"), Some(("dc1.example.test".into(), 636, true)));
        assert_eq!(host_port("ldap://127.0.0.1:3389/"), Some(("127.0.0.1".into(), 3389, false)));
        assert_eq!(host_port("ldaps://[::1]:1636"), Some(("::1".into(), 1636, true)));
        assert_eq!(host_port("http://x"), None);
        assert_eq!(format!("{:?}", Secret::new("hunter2".into())), "Secret(***)");
        let samba = "80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 775, v1db1";
        assert_eq!(ad_bind_reason(samba), Some("the account is locked out"));
        assert_eq!(ad_bind_reason("data 52e, v1db1"), Some("invalid credentials (wrong password)"));
        assert_eq!(ad_bind_reason("Invalid credentials"), None);
    }
}
