//! The technician's own identity: a SASL GSSAPI bind with the Kerberos ticket `kinit`
//! left in the credential cache (`sasl: gssapi` in the profile). No password is stored,
//! asked or sent. The ticket is looked at first, so a missing or expired one is said
//! plainly, with the `kinit` to run, instead of as a GSSAPI status code mid-bind.
//!
//! Built with the `kerberos` feature (on by default): it links the system's GSSAPI
//! library (Debian: libkrb5-dev; bindgen needs clang and libclang-dev to build).

use crate::error::{CommandError, Result};

/// The hint for every "no usable ticket" error.
pub const KINIT_HINT: &str = "run `kinit you@REALM` first (klist shows the ticket you have; KRB5CCNAME picks another cache)";

/// Why there is no usable ticket, from the GSSAPI library's words.
fn no_ticket(why: &str) -> CommandError {
    let why = crate::util::sanitize(why);
    let what = if why.to_ascii_lowercase().contains("expired") {
        format!("your Kerberos ticket has expired ({why})")
    } else {
        format!("no Kerberos ticket to bind with ({why})")
    };
    CommandError::environment(what).with_hint(KINIT_HINT)
}

/// The principal of the default credential cache's ticket, or why there is no usable one.
#[cfg(feature = "kerberos")]
pub fn principal() -> Result<String> {
    use libgssapi::credential::{Cred, CredUsage};
    let cred = Cred::acquire(None, None, CredUsage::Initiate, None).map_err(|e| no_ticket(&e.to_string()))?;
    let info = cred.info().map_err(|e| no_ticket(&e.to_string()))?;
    if info.lifetime.is_zero() {
        return Err(no_ticket(&format!("the ticket of {} has expired", info.name)));
    }
    Ok(info.name.to_string())
}

/// Binds `ldap` (connected to `url`, whose host is `host`) with the ticket; returns the
/// principal. The service principal is `ldap/<the server's DNS name>`: `host` when it is
/// a name (the URL's, or the profile's `sasl_host`), else the server's own `dnsHostName`
/// from its root DSE, but only over TLS (`tls`), where the certificate vouches for the
/// server: on a plain connection anyone in the path could name a principal of their own.
#[cfg(feature = "kerberos")]
pub async fn bind(ldap: &mut ldap3::Ldap, url: &str, host: &str, tls: bool) -> Result<String> {
    let principal = tokio::task::spawn_blocking(principal)
        .await
        .map_err(|e| CommandError::environment(format!("reading the Kerberos ticket failed: {e}")))??;
    let by_address = host.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_ok();
    if by_address && !tls {
        return Err(CommandError::usage(format!(
            "{url} names the server by address over a plain connection: the Kerberos service name cannot be taken from the server unverified"
        ))
        .with_hint("give its DNS name: sasl_host: dc1.example.test in the profile (or in the url), or use ldaps://"));
    }
    let server = if by_address {
        let dse = ldap
            .search("", ldap3::Scope::Base, "(objectClass=*)", vec!["dnsHostName"])
            .await
            .and_then(ldap3::SearchResult::success)
            .map_err(|e| CommandError::environment(format!("cannot read the root DSE of {url}: {e}")))?;
        dse.0.into_iter().find_map(|e| ldap3::SearchEntry::construct(e).attrs.remove("dnsHostName").and_then(|mut v| v.pop())).ok_or_else(
            || {
                CommandError::usage(format!("{url} is an address and its root DSE gives no dnsHostName for the Kerberos service name"))
                    .with_hint("name the server by its DNS name in the url (ldaps://dc1.example.test), as the KDC knows it")
            },
        )?
    } else {
        host.to_string()
    };
    let result = ldap.sasl_gssapi_bind(&server).await.map_err(|e| {
        let text = crate::util::sanitize(&e.to_string());
        let lower = text.to_ascii_lowercase();
        if lower.contains("expired") || lower.contains("no credentials") || lower.contains("credential cache") {
            no_ticket(&text)
        } else if lower.contains("not found in kerberos database") {
            CommandError::environment(format!("Kerberos bind to {url} as {principal} failed: the KDC knows no ldap/{server} ({text})"))
                .with_hint("the url must name the server as the KDC knows it (its DNS name; dns_canonicalize_hostname and rdns off in krb5.conf for addresses)")
        } else {
            CommandError::environment(format!("Kerberos bind to {url} as {principal} failed: {text}"))
                .with_hint("check krb5.conf (realm, KDC) and that the ticket's realm trusts the server's")
        }
    })?;
    if result.rc != 0 && result.text.to_ascii_lowercase().contains("sign or seal") {
        return Err(CommandError::environment(format!(
            "Kerberos bind to {url} as {principal} refused: the server wants Kerberos to sign or seal the connection, not TLS ({})",
            crate::util::sanitize(&result.text)
        ))
        .with_hint("use an ldap:// url for sasl: gssapi (Kerberos then encrypts the connection), or let the server take SASL over TLS (Samba: ldap server require strong auth = allow_sasl_over_tls)"));
    }
    if result.rc != 0 {
        return Err(CommandError::environment(format!(
            "Kerberos bind to {url} as {principal} failed: rc={} {}",
            result.rc,
            crate::util::sanitize(&result.text)
        ))
        .with_hint(
            "the server refused the ticket's principal: is the account locked or disabled, or is GSSAPI refused over this connection?",
        ));
    }
    Ok(principal)
}

/// Without the `kerberos` feature, `sasl: gssapi` says how to get it.
#[cfg(not(feature = "kerberos"))]
#[allow(clippy::unused_async)] // the same signature as the real one
pub async fn bind(_: &mut ldap3::Ldap, _: &str, _: &str, _: bool) -> Result<String> {
    let _ = no_ticket;
    Err(CommandError::usage("this deskhand was built without Kerberos, so `sasl: gssapi` cannot bind")
        .with_hint("build it with the default features: `cargo install --path .` (Debian: apt-get install libkrb5-dev clang libclang-dev)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_or_expired_ticket_says_kinit() {
        let e = no_ticket("No Kerberos credentials available (default cache: FILE:/tmp/krb5cc_0)");
        assert!(e.message.starts_with("no Kerberos ticket"), "{}", e.message);
        assert_eq!((e.kind, e.hint.as_deref()), (crate::ErrorKind::Environment, Some(KINIT_HINT)));
        assert!(no_ticket("The referenced credential has expired").message.starts_with("your Kerberos ticket has expired"));
    }
}
