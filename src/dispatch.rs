//! The one `match` over [`Operation`]: each arm builds the real I/O seams and calls one
//! function of the commands crate. Returns the report; rendering happens in `lib.rs`.

use crate::cli::OutputFormat;
use crate::output::stream::JsonStream;
use crate::progress::Bar;
use crate::settings::AccountVerb;
use deskhand_commands::account::change::Keep;
use deskhand_commands::account::directory::Directory as _;

/// Batches longer than this keep (and list) only the items that need a look.
pub const LONG_BATCH: usize = 50;
use crate::settings::{Operation, OutputSettings};
use deskhand_commands::account::{self, audit::Audit, directory::LdapDirectory, flavor::Flavor};
use deskhand_commands::net::{check, dns, ping, port, targets};
use deskhand_commands::{CommandError, Outcome};

/// A finished command's report.
pub enum Report {
    Ping(ping::PingReport),
    Dns(dns::DnsReport),
    Port(port::PortReport),
    Check(check::CheckReport),
    AccountShow(Box<account::show::AccountStatus>),
    AccountFind(account::find::FindReport),
    AccountLocked(account::locked::LockedReport),
    AccountGroups(account::show::GroupsReport),
    AccountExpiry(account::locked::ExpiryReport),
    AccountReset(account::reset::ResetBatch),
    AccountChange(account::change::ChangeReport),
    /// Already written item by item (JSON); only the closing is left.
    AccountChangeStreamed(account::change::ChangeReport, std::sync::Arc<JsonStream>),
}

pub async fn dispatch(op: Operation, out: &OutputSettings) -> Result<(Report, Outcome), CommandError> {
    match op {
        Operation::Account { profile, secret, verb } => {
            let password = crate::secrets::obtain(&secret, &profile.name, profile.bind_dn.as_deref())?;
            let dir = LdapDirectory::connect(&profile, password.as_ref()).await?;
            let flavor = Flavor::detect(&dir, &profile).await?;
            let mut profile = profile;
            if profile.login_attribute.is_empty() {
                profile.login_attribute = flavor.default_login_attribute().to_string();
            }
            match verb {
                AccountVerb::Show(user) => {
                    let (r, o) = account::show::run(&dir, &profile, flavor, &user).await?;
                    Ok((Report::AccountShow(Box::new(r)), o))
                }
                AccountVerb::Find(q) => {
                    let (r, o) = account::find::run(&dir, &profile, &q).await?;
                    Ok((Report::AccountFind(r), o))
                }
                AccountVerb::Locked => {
                    let (r, o) = account::locked::run(&dir, &profile, flavor).await?;
                    Ok((Report::AccountLocked(r), o))
                }
                AccountVerb::Expiring(days) => {
                    let (r, o) = account::locked::expiry(&dir, &profile, flavor, Some(days)).await?;
                    Ok((Report::AccountExpiry(r), o))
                }
                AccountVerb::Expired => {
                    let (r, o) = account::locked::expiry(&dir, &profile, flavor, None).await?;
                    Ok((Report::AccountExpiry(r), o))
                }
                AccountVerb::Reset(plan) => {
                    let r = crate::deliver::reset(&dir, &profile, flavor, plan).await?;
                    Ok((Report::AccountReset(r.0), r.1))
                }
                AccountVerb::Groups(user) => {
                    let (r, o) = account::show::groups(&dir, &profile, flavor, &user).await?;
                    Ok((Report::AccountGroups(r), o))
                }
                AccountVerb::Change { actions, users, dry_run, ticket, reason } => {
                    let audit = Audit::new(Audit::default_path(), &profile.name, ticket, reason);
                    if !dry_run {
                        check_audit(&audit)?;
                    }
                    let bar = Bar::new(
                        out.progress && users.len() * actions.len() > 1,
                        actions.first().map_or("change", account::change::Action::name),
                    );
                    let total = users.len() * actions.len();
                    let mut batch = account::change::Batch { users: &users, actions: &actions, dry_run, keep: Keep::Nothing };
                    let result = if out.format == OutputFormat::Json {
                        let action = actions.first().map_or("change", account::change::Action::name);
                        let schema = format!("deskhand.account.{}.v1", action.replace(' ', "-"));
                        let stream = std::sync::Arc::new(JsonStream::start(&schema, action, dry_run, &dir.describe()));
                        let (r, o) = account::change::run(&dir, &profile, flavor, batch, &audit, &bar, &*stream).await;
                        Ok((Report::AccountChangeStreamed(r, stream), o))
                    } else {
                        batch.keep = if total <= LONG_BATCH { Keep::All } else { Keep::Exceptions };
                        let (r, o) = account::change::run(&dir, &profile, flavor, batch, &audit, &bar, &account::change::NoSink).await;
                        Ok((Report::AccountChange(r), o))
                    };
                    bar.finish();
                    result
                }
            }
        }
        Operation::Ping { specs, family, mut request } => {
            request.targets = targets::expand(&specs, family).await?;
            if let Some(n) = request.min_alive
                && n > request.targets.len()
            {
                return Err(CommandError::usage(format!("--min-alive {n} is more than the {} targets given", request.targets.len()))
                    .with_hint("give at most as many as there are targets"));
            }
            let pinger = ping::IcmpPinger::new(&request.targets)?;
            let bar = Bar::new(out.progress && request.targets.len() > 1, "ping");
            let (report, outcome) = ping::run(&request, &pinger, &bar).await;
            bar.finish();
            Ok((Report::Ping(report), outcome))
        }
        Operation::Dns(request) => {
            let bar = Bar::new(out.progress && request.names.len() > 1, "dns");
            let result = dns::run(&request, &dns::NetTransport::default(), &bar).await;
            bar.finish();
            let (report, outcome) = result?;
            Ok((Report::Dns(report), outcome))
        }
        Operation::Port(request) => {
            let bar = Bar::new(out.progress, "port");
            let result = port::run(&request, &port::TcpConnector, &bar).await;
            bar.finish();
            let (report, outcome) = result?;
            Ok((Report::Port(report), outcome))
        }
        Operation::Check(request) => {
            // Without ICMP privilege the ping layer is skipped, not the whole check.
            let pinger = ping::IcmpPinger::any_family().map_err(|e| format!("{} ({})", e.message, e.hint.unwrap_or_default()));
            let (report, outcome) =
                check::run(&request, &dns::NetTransport::default(), pinger.as_ref().map_err(Clone::clone), &port::TcpConnector).await?;
            Ok((Report::Check(report), outcome))
        }
    }
}

/// A change is made only where it can be audited: the trail must be writable first.
pub fn check_audit(audit: &Audit) -> Result<(), CommandError> {
    match &audit.path {
        None => Err(CommandError::environment("no place for the audit trail: neither XDG_STATE_HOME nor HOME is set")
            .with_hint("set XDG_STATE_HOME (or HOME) so that changes can be recorded")),
        Some(path) => audit.open().map_err(|e| {
            CommandError::environment(format!("cannot write the audit trail {}: {e}", path.display()))
                .with_hint("fix the permissions, or point XDG_STATE_HOME elsewhere")
        }),
    }
}
