//! The config file: `~/.config/deskhand/config.yaml` (`XDG_CONFIG_HOME` honoured),
//! `--config FILE` or `DESKHAND_CONFIG`. YAML, parsed with serde-saphyr so that errors,
//! unknown keys included, point at a line and column.

use crate::cli::{ColorChoice, OutputFormat};
use deskhand_commands::CommandError;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub output: Option<OutputFormat>,
    pub color: Option<ColorChoice>,
    /// Default network timeout, e.g. "2s".
    pub timeout: Option<String>,
    #[serde(default)]
    pub net: NetConfig,
    /// The profile `account` uses without --directory.
    pub default_directory: Option<String>,
    #[serde(default)]
    pub directories: std::collections::BTreeMap<String, DirectoryConfig>,
}

/// A SASL mechanism a profile may bind with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SaslMechanism {
    Gssapi,
    External,
}

/// One directory profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectoryConfig {
    /// `ldaps://host[:port]`, `ldap://host[:port]` (with starttls), or `ldapi://socket`
    pub url: String,
    /// The directory's other servers (AD domain controllers, replicas), asked by
    /// `--all-servers`; same credentials and TLS settings as `url`.
    pub servers: Option<Vec<String>>,
    pub starttls: Option<bool>,
    pub ca_file: Option<PathBuf>,
    pub base_dn: String,
    /// Where users live (default: `base_dn`).
    pub users: Option<String>,
    pub groups: Option<String>,
    pub disabled: Option<String>,
    pub bind_dn: Option<String>,
    pub password_file: Option<PathBuf>,
    pub password_env: Option<String>,
    pub password_command: Option<String>,
    pub sasl_external: Option<bool>,
    /// `gssapi`: bind with the technician's own Kerberos ticket (kinit); `external`:
    /// the same as `sasl_external: true`.
    pub sasl: Option<SaslMechanism>,
    /// With `sasl: gssapi` and a URL by address: the server's DNS name for the Kerberos
    /// service principal (`ldap/NAME`).
    pub sasl_host: Option<String>,
    pub flavor: Option<deskhand_commands::account::directory::FlavorChoice>,
    pub login_attribute: Option<String>,
    pub allow_plaintext: Option<bool>,
    pub timeout: Option<String>,
    pub password_policy: Option<String>,
    /// `lock` (default) or `end_time`.
    pub disable_method: Option<deskhand_commands::account::directory::DisableMethod>,
    /// Connections a bulk change may spread over (1-8; default: 2 on 389-ds, else 1).
    pub connections: Option<usize>,
    /// Account templates for `account create` and `account onboard`.
    #[serde(default)]
    pub templates: std::collections::BTreeMap<String, deskhand_commands::account::template::Template>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetConfig {
    /// Servers `net dns` asks when none is given (IP[:PORT]).
    pub dns_servers: Option<Vec<String>>,
    /// Packets per second for `net ping`.
    pub ping_rate: Option<u32>,
    /// Days before expiry at which a certificate check fails.
    pub warn_days: Option<u32>,
}

/// Where the config lives when no flag or variable names one.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("deskhand").join("config.yaml"))
}

/// Loads the config. An explicitly named file must exist; the default one may be absent.
pub fn load(explicit: Option<&Path>, quiet: bool) -> Result<Config, CommandError> {
    let (path, required) = match explicit {
        Some(p) => (p.to_path_buf(), true),
        None => match default_path() {
            Some(p) => (p, false),
            None => return Ok(Config::default()),
        },
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => return Ok(Config::default()),
        // Someone else's home (sudo, setpriv): the default file is not ours to read.
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied && !required => {
            if !quiet {
                eprintln!("warning: cannot read {}: {e}; using the defaults", path.display());
            }
            return Ok(Config::default());
        }
        Err(e) => {
            return Err(CommandError::usage(format!("cannot read config file {}: {e}", path.display()))
                .with_hint("check the path given with --config or DESKHAND_CONFIG"));
        }
    };
    parse(&text, &path)
}

/// Parses config text; errors name the file, line and column.
pub fn parse(text: &str, path: &Path) -> Result<Config, CommandError> {
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    let config = serde_saphyr::from_str::<Config>(text).map_err(|e| {
        CommandError::usage(deskhand_commands::util::yaml_error("config file", &path.display().to_string(), &e))
            .with_hint("known keys: output, color, timeout, net.{dns_servers, ping_rate, warn_days}, default_directory, directories.NAME.{url, servers, starttls, ca_file, base_dn, users, groups, disabled, bind_dn, password_file, password_env, password_command, sasl, sasl_host, sasl_external, flavor, login_attribute, allow_plaintext, timeout, password_policy, disable_method, connections, templates.NAME.{ou, object_classes, rdn, attributes, groups, login, uid_start, password_policy}}")
    })?;
    // Values whose syntax is ours are checked now, so the error names the file.
    let in_file =
        |key: &str, e: CommandError| CommandError { message: format!("config file {}, {key}: {}", path.display(), e.message), ..e };
    if let Some(t) = &config.timeout {
        deskhand_commands::util::parse_duration(t).map_err(|e| in_file("timeout", e))?;
    }
    for server in config.net.dns_servers.iter().flatten() {
        deskhand_commands::net::dns::parse_server(server).map_err(|e| in_file("net.dns_servers", e))?;
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_points_at_errors() {
        let c = parse("output: json\nnet:\n  dns_servers: [127.0.0.1]\n  ping_rate: 100\n", Path::new("c.yaml")).unwrap();
        assert_eq!(c.output, Some(OutputFormat::Json));
        assert_eq!(c.net.ping_rate, Some(100));
        let err = parse("output: json\nnet:\n  dns_server: [127.0.0.1]\n", Path::new("c.yaml")).unwrap_err();
        assert!(err.message.contains("c.yaml"), "{}", err.message);
        assert!(err.message.contains("line 3"), "{}", err.message);
        assert!(err.message.contains("dns_server"), "{}", err.message);
        let err = parse("output: [\n", Path::new("c.yaml")).unwrap_err();
        assert!(err.message.contains("line"), "{}", err.message);
    }
}
