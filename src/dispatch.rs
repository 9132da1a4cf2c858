//! The one `match` over [`Operation`]: each arm builds the real I/O seams and calls one
//! function of the commands crate. Returns the report; rendering happens in `lib.rs`.

use crate::cli::OutputFormat;
use crate::output::stream::JsonStream;
use crate::progress::Bar;
use crate::settings::AccountVerb;
use deskhand_commands::account::change::Keep;
use deskhand_commands::account::directory::Directory as _;
use deskhand_commands::account::pool::Pool;
use futures::StreamExt as _;

/// Batches longer than this keep (and list) only the items that need a look.
pub const LONG_BATCH: usize = 50;
use crate::settings::{DiagnoseRequest, Operation, OutputSettings, SecretSource};
use deskhand_commands::account::directory::{Profile, Secret};
use deskhand_commands::account::{self, audit::Audit, directory::LdapDirectory, flavor::Flavor};
use deskhand_commands::diagnose as diag;
use deskhand_commands::inventory;
use deskhand_commands::net::{check, dns, ping, port, targets};
use deskhand_commands::{CommandError, Outcome};

/// A finished command's report.
pub enum Report {
    Ping(ping::PingReport),
    Dns(dns::DnsReport),
    Port(port::PortReport),
    Check(check::CheckReport),
    Diagnose(Box<diag::DiagnoseReport>),
    AccountShow(Box<account::show::AccountStatus>),
    AccountFind(account::find::FindReport),
    AccountLocked(account::locked::LockedReport),
    AccountGroups(account::groups::GroupsReport),
    AccountExpiry(account::locked::ExpiryReport),
    AccountReset(account::reset::ResetBatch),
    AccountChange(account::change::ChangeReport),
    /// Already written item by item (JSON); only the closing is left.
    AccountChangeStreamed(account::change::ChangeReport, std::sync::Arc<JsonStream>),
    AccountCreate(Box<account::create::CreateReport>),
    AccountOnboard(account::onboard::OnboardReport),
    AccountOffboard(account::offboard::OffboardReport),
    AccountRestore(account::offboard::OffboardReport),
    InventoryList(inventory::query::ListReport),
    InventoryShow(inventory::query::ListReport),
    InventoryFacts(Box<inventory::facts::Facts>),
    InventoryCheck(inventory::baseline::CheckReport),
    InventorySnapshot(inventory::query::SnapshotReport),
    InventoryDiff(inventory::snapshot::DiffReport),
}

pub async fn dispatch(op: Operation, out: &OutputSettings) -> Result<(Report, Outcome), CommandError> {
    match op {
        Operation::Account { profile, secret, verb } => {
            let (dir, flavor, password) = open(&profile, &secret).await?;
            let mut profile = profile;
            if profile.login_attribute.is_empty() {
                profile.login_attribute = flavor.default_login_attribute().to_string();
            }
            match verb {
                AccountVerb::Show { user, all_servers } => {
                    let (r, o) = account::servers::card(&dir, &profile, password.as_ref(), flavor, &user, all_servers).await?;
                    Ok((Report::AccountShow(Box::new(r)), o))
                }
                AccountVerb::Find(q) => {
                    let (r, o) = account::find::run(&dir, &profile, &q).await?;
                    Ok((Report::AccountFind(r), o))
                }
                AccountVerb::Locked { all } => {
                    let (r, o) = account::locked::run(&dir, &profile, flavor, all).await?;
                    Ok((Report::AccountLocked(r), o))
                }
                AccountVerb::Expiring { days, all } => {
                    let (r, o) = account::locked::expiry(&dir, &profile, flavor, Some(days), all).await?;
                    Ok((Report::AccountExpiry(r), o))
                }
                AccountVerb::Expired { all } => {
                    let (r, o) = account::locked::expiry(&dir, &profile, flavor, None, all).await?;
                    Ok((Report::AccountExpiry(r), o))
                }
                AccountVerb::Reset(plan) => {
                    let r = crate::deliver::reset(&dir, &profile, flavor, plan).await?;
                    Ok((Report::AccountReset(r.0), r.1))
                }
                AccountVerb::Create { account, template, password_out, change } => {
                    let (r, o) =
                        crate::lifecycle::create(&dir, &profile, flavor, &account, &template, password_out.as_deref(), &change).await?;
                    Ok((Report::AccountCreate(Box::new(r)), o))
                }
                AccountVerb::Onboard { file, template, password_out, change } => {
                    let (r, o) =
                        crate::lifecycle::onboard(&dir, &profile, flavor, &file, &template, password_out.as_deref(), &change, out.progress)
                            .await?;
                    Ok((Report::AccountOnboard(r), o))
                }
                AccountVerb::Offboard { user, reset_password, yes, change } => {
                    let (r, o) = crate::lifecycle::offboard(&dir, &profile, flavor, &user, reset_password, yes, &change).await?;
                    Ok((Report::AccountOffboard(r), o))
                }
                AccountVerb::Restore { record, change } => {
                    let (r, o) = crate::lifecycle::restore(&dir, &profile, &record, &change).await?;
                    Ok((Report::AccountRestore(r), o))
                }
                AccountVerb::Groups(user) => {
                    let (r, o) = account::groups::run(&dir, &profile, flavor, &user).await?;
                    Ok((Report::AccountGroups(r), o))
                }
                AccountVerb::Change { actions, users, dry_run, ticket, reason, all_servers: true } => {
                    let others = account::servers::connect_others(&profile, password.as_ref()).await?;
                    let mut servers: Vec<(String, Result<&LdapDirectory, CommandError>)> = vec![(profile.url.clone(), Ok(&dir))];
                    servers.extend(others.iter().map(|(url, d)| (url.clone(), d.as_ref().map_err(Clone::clone))));
                    let audit_path = Audit::default_path();
                    if !dry_run {
                        check_audit(&Audit::new(audit_path.clone(), &profile.name, None, None))?;
                    }
                    let bar = Bar::new(out.progress && users.len() * actions.len() * servers.len() > 1, "unlock");
                    let batch = account::change::Batch { users: &users, actions: &actions, dry_run, keep: Keep::All };
                    let (r, o) = account::change::run_on_servers(
                        &servers,
                        &profile,
                        flavor,
                        batch,
                        &|url: &str| {
                            Audit::new(audit_path.clone(), &format!("{} ({url})", profile.name), ticket.clone(), reason.clone())
                                .bound_as(dir.bound_as())
                        },
                        &bar,
                    )
                    .await;
                    bar.finish();
                    Ok((Report::AccountChange(r), o))
                }
                AccountVerb::Change { actions, users, dry_run, ticket, reason, all_servers: false } => {
                    let audit = Audit::new(Audit::default_path(), &profile.name, ticket, reason).bound_as(dir.bound_as());
                    if !dry_run {
                        check_audit(&audit)?;
                    }
                    let total = users.len() * actions.len();
                    let bar = Bar::new(out.progress && total > 1, actions.first().map_or("change", account::change::Action::name));
                    let changes = if dry_run { 0 } else { total };
                    let pool = Pool::for_change(&dir, &profile, flavor, password.as_ref(), changes).await;
                    let mut batch = account::change::Batch { users: &users, actions: &actions, dry_run, keep: Keep::Nothing };
                    let result = if out.format == OutputFormat::Json {
                        let action = actions.first().map_or("change", account::change::Action::name);
                        let schema = format!("deskhand.account.{}.v1", action.replace(' ', "-"));
                        let stream = std::sync::Arc::new(JsonStream::start(&schema, action, dry_run, &dir.describe()));
                        let (r, o) = account::change::run(&pool, &profile, flavor, batch, &audit, &bar, &*stream).await;
                        Ok((Report::AccountChangeStreamed(r, stream), o))
                    } else {
                        batch.keep = if total <= LONG_BATCH { Keep::All } else { Keep::Exceptions };
                        let (r, o) = account::change::run(&pool, &profile, flavor, batch, &audit, &bar, &account::change::NoSink).await;
                        Ok((Report::AccountChange(r), o))
                    };
                    bar.finish();
                    result
                }
            }
        }
        Operation::Inventory { verb, sources } => {
            use crate::settings::InventoryVerb;
            // File and process work: off the async workers.
            tokio::task::spawn_blocking(move || {
                let roots = inventory::Roots::default();
                let s = &sources;
                Ok(match verb {
                    InventoryVerb::List(pattern) => {
                        let (r, o) = inventory::query::list(&roots, s, pattern.as_deref())?;
                        (Report::InventoryList(r), o)
                    }
                    InventoryVerb::Show(name) => {
                        let (r, o) = inventory::query::show(&roots, s, &name)?;
                        (Report::InventoryShow(r), o)
                    }
                    InventoryVerb::Facts => (Report::InventoryFacts(Box::new(inventory::facts::gather())), Outcome::Ok),
                    InventoryVerb::Check(path) => {
                        let (r, o) = inventory::query::check(&roots, s, &path, &inventory::baseline::SystemProbe)?;
                        (Report::InventoryCheck(r), o)
                    }
                    InventoryVerb::Snapshot(file) => {
                        let (r, o) = inventory::query::take_snapshot(&roots, s, &file)?;
                        (Report::InventorySnapshot(r), o)
                    }
                    InventoryVerb::Diff { old, new } => {
                        let (r, o) = inventory::query::diff(&roots, s, &old, new.as_deref())?;
                        (Report::InventoryDiff(r), o)
                    }
                })
            })
            .await
            .map_err(|e| CommandError::environment(format!("the inventory task failed: {e}")))?
        }
        Operation::Ping { specs, family, mut request } => {
            let expanded = targets::expand(&specs, family).await?;
            (request.targets, request.unresolved) = (expanded.targets, expanded.unresolved);
            let given = request.targets.len() + request.unresolved.len();
            if let Some(n) = request.min_alive
                && n > given
            {
                return Err(CommandError::usage(format!("--min-alive {n} is more than the {given} targets given"))
                    .with_hint("give at most as many as there are targets"));
            }
            let bar = Bar::new(out.progress && request.targets.len() > 1, "ping");
            let (report, outcome) = if request.targets.is_empty() {
                // Only names that do not resolve: nothing to send, so no socket (and no
                // privilege) is needed to say so.
                ping::run(&request, &ping::Unreachable, &bar).await
            } else {
                ping::run(&request, &ping::IcmpPinger::new(&request.targets)?, &bar).await
            };
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
        Operation::Port(mut request) => {
            // CSV is data (it has no place for a "not shown" line): every port, like JSON.
            // A table or Markdown holds only the closed rows it may show.
            match out.format {
                OutputFormat::Csv => request.list_closed = true,
                OutputFormat::Table | OutputFormat::Markdown if !request.list_closed => {
                    request.closed_rows = Some(port::CLOSED_ROWS_SHOWN + 1);
                }
                _ => {}
            }
            let bar = Bar::new(out.progress, "port");
            let result = port::run(&request, &port::TcpConnector, &bar).await;
            bar.finish();
            let (report, outcome) = result?;
            Ok((Report::Port(report), outcome))
        }
        Operation::Diagnose(request) => {
            let (r, o) = diagnose(*request).await;
            Ok((Report::Diagnose(Box::new(r)), o))
        }
        Operation::Check(request) => {
            // Without ICMP privilege the ping layer is skipped, not the whole check.
            let pinger = pinger_or_why();
            let (report, outcome) =
                check::run(&request, &dns::NetTransport::default(), pinger.as_ref().map_err(Clone::clone), &port::TcpConnector).await?;
            Ok((Report::Check(report), outcome))
        }
    }
}

/// The directory connection for a profile: the runbook's kept one while it lives, else a
/// new one (the password obtained once), with the flavour detected.
async fn open(profile: &Profile, secret: &SecretSource) -> Result<(LdapDirectory, Flavor, Option<Secret>), CommandError> {
    let key = session::key(profile);
    let kept = match session::get(&key) {
        // A kept connection the server has closed since (idle timeout, restart):
        // connect again with the same password, never asking twice.
        Some(k) if !k.0.alive().await => {
            let dir = LdapDirectory::connect(profile, k.2.as_ref()).await?;
            session::put(&key, &dir, k.1, k.2.as_ref());
            Some((dir, k.1, k.2))
        }
        other => other,
    };
    let (dir, flavor, password) = if let Some(kept) = kept {
        kept
    } else {
        let password = crate::progress::suspend(|| crate::secrets::obtain(secret, &profile.name, profile.bind_dn.as_deref()))?;
        let dir = LdapDirectory::connect(profile, password.as_ref()).await?;
        let flavor = Flavor::detect(&dir, profile).await?;
        session::put(&key, &dir, flavor, password.as_ref());
        (dir, flavor, password)
    };
    Ok((dir, flavor, password))
}

/// `diagnose`: every part runs, none aborts the others; the findings come from the
/// parts' own reports (`deskhand_commands::diagnose`).
async fn diagnose(req: DiagnoseRequest) -> (diag::DiagnoseReport, Outcome) {
    let mut extra = Vec::new();
    // One ICMP socket for every host, as `net ping` shares one over its targets.
    let pinger = pinger_or_why();
    let hosts = futures::future::join_all(req.hosts.iter().map(|h| host_part(h, &pinger, &req.dns_servers, req.timeout)));
    let users = async {
        let mut parts = Vec::new();
        match &req.directory {
            None => {}
            Some(Err(e)) => extra.push(diag::Finding {
                severity: diag::Severity::Unknown,
                subject: "directory".into(),
                finding: "no directory to ask: the users were not checked".into(),
                evidence: e.message.clone(),
                fix: None,
                next_step: e.hint.clone(),
            }),
            // diagnose asks nothing: a profile whose password would be asked for is a
            // finding, not a prompt.
            Some(Ok((profile, SecretSource::Prompt))) => extra.push(diag::Finding {
                severity: diag::Severity::Unknown,
                subject: format!("directory {}", profile.name),
                finding: format!(
                    "directory '{}' has no password source and diagnose asks nothing: the users were not checked",
                    profile.name
                ),
                evidence: "no password_file, password_env, password_command or sasl in the profile".into(),
                fix: None,
                next_step: Some("give the profile a password source, or bind with your own ticket (sasl: gssapi)".into()),
            }),
            Some(Ok((profile, secret))) => match open(profile, secret).await {
                Err(e) => extra.push(diag::Finding {
                    severity: diag::Severity::Unknown,
                    subject: format!("directory {}", profile.name),
                    finding: format!("cannot use directory '{}': the users were not checked", profile.name),
                    evidence: e.message.clone(),
                    fix: None,
                    next_step: e.hint.clone(),
                }),
                Ok((dir, flavor, password)) => {
                    let mut profile = (**profile).clone();
                    if profile.login_attribute.is_empty() {
                        profile.login_attribute = flavor.default_login_attribute().to_string();
                    }
                    // Every server of the profile when it lists several, each connected
                    // to once for the whole run; the users are read together.
                    let others = if profile.all_servers().len() > 1 {
                        account::servers::connect_others(&profile, password.as_ref()).await.ok()
                    } else {
                        None
                    };
                    let (dir, profile) = (&dir, &profile);
                    let reads = req.users.iter().map(|user| {
                        let others = others.as_deref();
                        async move {
                            let card = async {
                                match others {
                                    Some(others) => account::servers::card_across(dir, others, profile, flavor, user).await,
                                    None => account::servers::card(dir, profile, None, flavor, user, false).await,
                                }
                            };
                            let (card, groups) = futures::join!(card, account::groups::run(dir, profile, flavor, user));
                            match (card, groups) {
                                (Ok((card, _)), groups) => {
                                    let (offboarding, records_searched) = offboarding_of(profile, &card);
                                    diag::UserPart {
                                        login: card.login.clone(),
                                        found: true,
                                        offboarding,
                                        records_searched,
                                        card: Some(card),
                                        error: groups.as_ref().err().map(CommandError::one_line),
                                        groups: groups.ok().map(|g| g.0),
                                    }
                                }
                                (Err(e), _) => diag::UserPart {
                                    login: user.clone(),
                                    found: !e.unresolved,
                                    card: None,
                                    groups: None,
                                    error: Some(e.one_line()),
                                    offboarding: None,
                                    records_searched: None,
                                },
                            }
                        }
                    });
                    // Four users at a time, in the order given: a long list (a runbook's)
                    // does not crowd the shared connections into their timeouts.
                    parts.extend(futures::stream::iter(reads).buffered(4).collect::<Vec<_>>().await);
                }
            },
        }
        parts
    };
    let (hosts, users) = futures::join!(hosts, users);
    let directory = match &req.directory {
        Some(Ok((profile, _))) => Some(profile.name.clone()),
        _ => None,
    };
    diag::report(req.ticket, directory.as_deref(), users, hosts, extra)
}

/// A leaver's (or a disabled account's) offboarding, from the undo records this machine
/// wrote, and where they were looked for.
fn offboarding_of(profile: &Profile, card: &account::show::AccountStatus) -> (Option<diag::OffboardingRecord>, Option<String>) {
    if !(card.offboarded || card.state.disabled) {
        return (None, None);
    }
    let Some(dir) = account::offboard::record_dir() else { return (None, None) };
    let found = account::offboard::find_records(&dir, profile, &card.login, &card.dn);
    let records: Vec<String> = found.iter().map(|(p, _)| p.display().to_string()).collect();
    let first = found.into_iter().next().map(|(path, r)| diag::OffboardingRecord {
        record: path.display().to_string(),
        created: r.created,
        operator: r.operator,
        ticket: r.ticket,
        password_reset: r.password_reset,
        records,
    });
    (first, Some(dir.display().to_string()))
}

/// The ICMP pinger, or why there is none (`net check` then skips its ping layer).
fn pinger_or_why() -> Result<ping::IcmpPinger, String> {
    ping::IcmpPinger::any_family().map_err(|e| format!("{} ({})", e.message, e.hint.unwrap_or_default()))
}

/// One host of `diagnose`: `net check`, and the config's DNS servers side by side.
async fn host_part(
    req: &check::CheckRequest,
    pinger: &Result<ping::IcmpPinger, String>,
    dns_servers: &[std::net::SocketAddr],
    timeout: std::time::Duration,
) -> diag::HostPart {
    let target = match req.port {
        Some(p) => port::host_port(&req.host, p),
        None => req.host.clone(),
    };
    let transport = dns::NetTransport::default();
    let checked = check::run(req, &transport, pinger.as_ref().map_err(Clone::clone), &port::TcpConnector);
    let is_name = req.host.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_err();
    let compared = async {
        if dns_servers.is_empty() || !is_name {
            return None;
        }
        let ask = dns::DnsRequest {
            names: vec![req.host.clone()],
            types: vec![],
            servers: dns_servers.to_vec(),
            protocol: dns::Protocol::Udp,
            timeout,
            concurrency: 16,
            all_types: false,
            system: None,
        };
        Some(dns::run(&ask, &transport, &deskhand_commands::progress::NoProgress).await)
    };
    let (checked, compared) = futures::join!(checked, compared);
    let mut part = diag::HostPart { target, check: None, dns: None, error: None };
    match checked {
        Ok((r, _)) => part.check = Some(r),
        Err(e) => part.error = Some(e.message),
    }
    match compared {
        Some(Ok((r, _))) => part.dns = Some(r),
        Some(Err(e)) => part.error = Some(part.error.map_or(e.message.clone(), |x| format!("{x}; {}", e.message))),
        None => {}
    }
    part
}

/// Directory connections kept across the steps of a runbook: step 7 reuses the LDAPS
/// connection (and the bind, and the detected flavour) that step 1 opened. Off unless
/// [`session::keep`] is called; a lost connection is dropped and the next step reconnects.
pub(crate) mod session {
    use deskhand_commands::account::directory::{LdapDirectory, Profile, Secret};
    use deskhand_commands::account::flavor::Flavor;
    use std::collections::HashMap;
    use std::sync::Mutex;

    type Kept = (LdapDirectory, Flavor, Option<Secret>);
    static SESSION: Mutex<Option<HashMap<String, Kept>>> = Mutex::new(None);

    /// Keep connections from now on (a runbook run).
    pub fn keep() {
        if let Ok(mut s) = SESSION.lock() {
            s.get_or_insert_with(HashMap::new);
        }
    }

    pub fn key(p: &Profile) -> String {
        format!("{}\u{0}{}\u{0}{}", p.name, p.url, p.bind_dn.as_deref().unwrap_or_default())
    }

    pub fn get(key: &str) -> Option<Kept> {
        SESSION.lock().ok()?.as_ref()?.get(key).cloned()
    }

    pub fn put(key: &str, dir: &LdapDirectory, flavor: Flavor, password: Option<&Secret>) {
        if let Ok(mut s) = SESSION.lock()
            && let Some(map) = s.as_mut()
        {
            map.insert(key.to_string(), (dir.clone(), flavor, password.cloned()));
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
