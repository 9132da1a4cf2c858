//! Turns a parsed command line into settings: CLI > environment (`DESKHAND_*`, handled
//! by clap) > config file > default, merged by [`layer`]. Environment probes (is stdout
//! a terminal? is `NO_COLOR` set?) happen here, once.

use crate::cli::{AccountArgs, AccountCommand, DiagnoseArgs, GroupArgs, GroupCommand, InventoryCommand, SourceArgs, UsersArgs};
use crate::cli::{
    CheckArgs, Cli, ColorChoice, Command, DnsArgs, FamilyArgs, GenerateCommand, NetCommand, OutputFormat, PingArgs, PortArgs, TlsArgs,
};
use crate::config::Config;
use deskhand_commands::CommandError;
use deskhand_commands::account::change::Action;
use deskhand_commands::account::create::NewAccount;
use deskhand_commands::account::directory::Profile;
use deskhand_commands::inventory::Source;
use deskhand_commands::net::check::CheckRequest;
use deskhand_commands::net::dns::{self, DnsRequest, Protocol};
use deskhand_commands::net::ping::{PingRequest, Show};
use deskhand_commands::net::port::{self, PortRequest};
use deskhand_commands::net::targets::{self, Family};
use deskhand_commands::net::tls::TlsOptions;
use deskhand_commands::util::{parse_duration, parse_ports};
use std::io::IsTerminal;
use std::time::Duration;

/// The default network timeout when neither flag, environment nor config sets one.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);
pub const DEFAULT_PING_RATE: u32 = 5000;
pub const DEFAULT_WARN_DAYS: u32 = 14;

/// How results are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputSettings {
    pub format: OutputFormat,
    pub color: bool,
    /// Progress bars on stderr.
    pub progress: bool,
    /// The terminal's width when stdout is one: tables wrap inside their cells to fit it.
    /// `None` (a pipe, a file): tables keep their natural width, whole.
    pub width: Option<u16>,
    /// JSON indented for a person reading a terminal; on one line for a program (a pipe,
    /// a file: half the bytes, and what jq and friends take anyway).
    pub pretty: bool,
}

/// Where the bind password comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSource {
    None,
    File(std::path::PathBuf),
    Env(String),
    Command(String),
    /// Ask on the terminal (no echo).
    Prompt,
}

/// What `account reset` was asked, before any secret is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResetPlan {
    pub users: Vec<String>,
    pub password: PasswordChoice,
    pub out: Option<std::path::PathBuf>,
    pub keep_lock: bool,
    pub dry_run: bool,
    pub ticket: Option<String>,
    pub reason: Option<String>,
}

/// Where a reset's new password comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordChoice {
    Generate,
    File(std::path::PathBuf),
    Ask,
}

/// An `account` verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountVerb {
    Show {
        user: String,
        all_servers: bool,
    },
    Find(String),
    /// `all`: also the disabled and built-in accounts.
    Locked {
        all: bool,
    },
    Groups(String),
    Expiring {
        days: u32,
        all: bool,
    },
    Expired {
        all: bool,
    },
    Reset(ResetPlan),
    Create {
        account: Box<NewAccount>,
        template: Box<deskhand_commands::account::template::Template>,
        password_out: Option<std::path::PathBuf>,
        change: ChangeOptions,
    },
    Onboard {
        /// The CSV file, or `-`.
        file: String,
        template: Box<deskhand_commands::account::template::Template>,
        password_out: Option<std::path::PathBuf>,
        change: ChangeOptions,
    },
    Offboard {
        user: String,
        reset_password: bool,
        yes: bool,
        change: ChangeOptions,
    },
    Restore {
        record: std::path::PathBuf,
        change: ChangeOptions,
    },
    Change {
        actions: Vec<Action>,
        users: Vec<String>,
        dry_run: bool,
        ticket: Option<String>,
        reason: Option<String>,
        /// On every server of the profile.
        all_servers: bool,
    },
}

/// What to do, fully resolved except for work that needs the network (name resolution).
#[derive(Debug)]
pub enum Operation {
    Account {
        profile: Box<Profile>,
        secret: SecretSource,
        verb: AccountVerb,
    },
    /// Ping: target specifications still to be expanded.
    Ping {
        specs: Vec<String>,
        family: Family,
        request: PingRequest,
    },
    Dns(DnsRequest),
    Port(PortRequest),
    Check(CheckRequest),
    Diagnose(Box<DiagnoseRequest>),
    Inventory {
        verb: InventoryVerb,
        /// The sources asked for; empty: every one found (pip only when named).
        sources: Vec<Source>,
    },
}

/// What `diagnose` is asked.
#[derive(Debug)]
pub struct DiagnoseRequest {
    pub users: Vec<String>,
    /// The directory for the users, or why there is none (a finding, not an abort).
    pub directory: Option<Result<(Box<Profile>, SecretSource), CommandError>>,
    pub hosts: Vec<CheckRequest>,
    /// The config's DNS servers, asked side by side for each host name.
    pub dns_servers: Vec<std::net::SocketAddr>,
    pub ticket: Option<String>,
    pub timeout: Duration,
}

/// An `inventory` verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InventoryVerb {
    /// Packages whose name matches the glob (all when `None`).
    List(Option<String>),
    Show(String),
    Facts,
    Check(std::path::PathBuf),
    Snapshot(std::path::PathBuf),
    Diff {
        old: std::path::PathBuf,
        new: Option<std::path::PathBuf>,
    },
}

/// Special modes that read no config and touch no network.
#[derive(Debug)]
pub enum Special {
    Completions(clap_complete::Shell),
    Man(Option<std::path::PathBuf>),
    Schemas(Option<std::path::PathBuf>),
}

/// The first of the layers that is set.
pub fn layer<T>(cli: Option<T>, config: Option<T>, default: T) -> T {
    cli.or(config).unwrap_or(default)
}

/// Decides colour once: `--color` > non-empty `NO_COLOR` > whether stdout is a terminal.
pub fn decide_color(choice: ColorChoice, no_color: Option<&std::ffi::OsStr>, stdout_tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => no_color.is_none_or(std::ffi::OsStr::is_empty) && stdout_tty,
    }
}

/// The global options from the command line and the `DESKHAND_*` environment, before
/// the config file is read (it may be named here).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Globals {
    pub output: Option<OutputFormat>,
    pub color: Option<ColorChoice>,
    pub config: Option<std::path::PathBuf>,
    pub timeout: Option<String>,
    pub quiet: bool,
    /// `DESKHAND_DIRECTORY` (the flag is the account group's own).
    pub directory: Option<String>,
}

/// Flags over environment variables; an empty variable counts as unset.
pub fn globals(cli: &Cli, env: &dyn Fn(&str) -> Option<String>) -> Result<Globals, CommandError> {
    fn var(env: &dyn Fn(&str) -> Option<String>, name: &str) -> Option<String> {
        env(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
    }
    fn choice<T: clap::ValueEnum>(env: &dyn Fn(&str) -> Option<String>, name: &str) -> Result<Option<T>, CommandError> {
        let Some(v) = var(env, name) else { return Ok(None) };
        T::from_str(&v, true).map(Some).map_err(|_| {
            let names: Vec<String> =
                T::value_variants().iter().filter_map(clap::ValueEnum::to_possible_value).map(|p| p.get_name().to_string()).collect();
            CommandError::usage(format!("{name}='{v}' is not a valid value")).with_hint(format!("use one of: {}", names.join(", ")))
        })
    }
    let g = &cli.global;
    Ok(Globals {
        output: match g.output {
            Some(o) => Some(o),
            None => choice(env, "DESKHAND_OUTPUT")?,
        },
        color: match g.color {
            Some(c) => Some(c),
            None => choice(env, "DESKHAND_COLOR")?,
        },
        config: g.config.clone().or_else(|| var(env, "DESKHAND_CONFIG").map(Into::into)),
        timeout: g.timeout.clone().or_else(|| var(env, "DESKHAND_TIMEOUT")),
        quiet: g.quiet,
        directory: var(env, "DESKHAND_DIRECTORY"),
    })
}

/// The process environment, as [`globals`] reads it.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Output settings from the global options and the config.
pub fn output_settings(g: &Globals, config: &Config) -> OutputSettings {
    let format = layer(g.output, config.output, OutputFormat::Table);
    let tty = std::io::stdout().is_terminal();
    let color = color_for(g, config, tty);
    let progress = !g.quiet && std::io::stderr().is_terminal();
    // A terminal that reports no usable width (0 columns, a serial console) gets tables
    // at natural width rather than cells squeezed to a character.
    let width = if tty { comfy_table::Table::new().width().filter(|w| *w >= 20) } else { None };
    OutputSettings { format, color, progress, width, pretty: tty }
}

/// Whether to colour a stream that is (or is not) a terminal.
pub fn color_for(g: &Globals, config: &Config, tty: bool) -> bool {
    let choice = layer(g.color, config.color, ColorChoice::Auto);
    decide_color(choice, std::env::var_os("NO_COLOR").as_deref(), tty)
}

/// Splits off the special modes.
pub fn special(cli: &Cli) -> Option<Special> {
    match &cli.command {
        Command::Generate(GenerateCommand::Completions { shell }) => Some(Special::Completions(*shell)),
        Command::Generate(GenerateCommand::Man { dir }) => Some(Special::Man(dir.clone())),
        Command::Generate(GenerateCommand::Schemas { dir }) => Some(Special::Schemas(dir.clone())),
        Command::Net(_) | Command::Diagnose(_) | Command::Account(_) | Command::Inventory(_) | Command::Runbook(_) | Command::Fleet(_) => {
            None
        }
    }
}

/// Builds the operation from the command line and the config.
pub fn operation(cli: &Cli, g: &Globals, config: &Config) -> Result<Operation, CommandError> {
    let timeout = match g.timeout.as_deref().or(config.timeout.as_deref()) {
        Some(t) => positive(parse_duration(t)?, "--timeout")?,
        None => DEFAULT_TIMEOUT,
    };
    match &cli.command {
        Command::Net(NetCommand::Ping(a)) => ping(a, config, timeout),
        Command::Net(NetCommand::Dns(a)) => dns_op(a, config, timeout),
        Command::Net(NetCommand::Port(a)) => port_op(a, config, timeout),
        Command::Net(NetCommand::Check(a)) => check(a, config, timeout),
        Command::Diagnose(a) => diagnose(a, g, config, timeout),
        Command::Account(a) => account(a, g, config, timeout),
        Command::Inventory(c) => inventory(c),
        Command::Runbook(_) => Err(CommandError::usage("runbook is handled before settings")),
        Command::Fleet(_) => Err(CommandError::usage("fleet is handled before settings")),
        Command::Generate(_) => Err(CommandError::usage("generate is handled before settings")),
    }
}

fn inventory(c: &InventoryCommand) -> Result<Operation, CommandError> {
    let (verb, sources) = match c {
        InventoryCommand::List(a) => (InventoryVerb::List(a.pattern.clone()), &a.sources),
        InventoryCommand::Show { name, sources } => (InventoryVerb::Show(name.clone()), sources),
        InventoryCommand::Facts => (InventoryVerb::Facts, &SourceArgs { source: vec![] }),
        InventoryCommand::Check { baseline, sources } => (InventoryVerb::Check(baseline.clone()), sources),
        InventoryCommand::Snapshot { file, sources } => (InventoryVerb::Snapshot(file.clone()), sources),
        InventoryCommand::Diff { old, new, sources } => (InventoryVerb::Diff { old: old.clone(), new: new.clone() }, sources),
    };
    let mut chosen = Vec::new();
    for name in sources.source.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let source = Source::parse(name).ok_or_else(|| {
            CommandError::usage(format!("unknown package source '{name}'"))
                .with_hint(format!("use one of: {}", Source::ALL.iter().map(|s| s.name()).collect::<Vec<_>>().join(", ")))
        })?;
        if !chosen.contains(&source) {
            chosen.push(source);
        }
    }
    Ok(Operation::Inventory { verb, sources: chosen })
}

fn positive(d: Duration, what: &str) -> Result<Duration, CommandError> {
    if d.is_zero() { Err(CommandError::usage(format!("{what} must be longer than zero")).with_hint("e.g. 500ms or 2s")) } else { Ok(d) }
}

fn family(f: &FamilyArgs) -> Family {
    match (f.ipv4, f.ipv6) {
        (true, _) => Family::V4,
        (_, true) => Family::V6,
        _ => Family::Any,
    }
}

/// The arguments plus the entries of `-f FILE`; `check` validates each entry, and an
/// error in the file names its line.
fn with_file(items: &[String], file: Option<&str>, check: impl Fn(&str) -> Result<(), CommandError>) -> Result<Vec<String>, CommandError> {
    with_entries(items, file.map(|f| (f, targets::read_list(f))), check)
}

/// Like [`with_file`], for account lists: one user per line.
fn with_user_file(items: &[String], file: Option<&str>) -> Result<Vec<String>, CommandError> {
    let list = file.map(|f| (f, targets::read_lines(f, "users", "put one login or DN per line")));
    let mut users = with_entries(items, list, |s| if s.trim().is_empty() { Err(CommandError::usage("empty user name")) } else { Ok(()) })?;
    // The same account twice is one item.
    let mut seen = std::collections::HashSet::new();
    users.retain(|u| seen.insert(u.to_lowercase()));
    Ok(users)
}

fn with_entries(
    items: &[String],
    file: Option<(&str, Result<Vec<targets::ListItem>, CommandError>)>,
    check: impl Fn(&str) -> Result<(), CommandError>,
) -> Result<Vec<String>, CommandError> {
    let mut out = items.to_vec();
    for item in &out {
        check(item)?;
    }
    if let Some((f, list)) = file {
        for item in list? {
            check(&item.text).map_err(|e| {
                let place = if f == "-" { format!("standard input, line {}", item.line) } else { format!("{f}:{}", item.line) };
                CommandError { message: format!("{place}: {}", e.message), ..e }
            })?;
            out.push(item.text);
        }
    }
    Ok(out)
}

fn ping(a: &PingArgs, config: &Config, timeout: Duration) -> Result<Operation, CommandError> {
    // Every specification is parsed now, so a typo fails before any packet leaves.
    let specs = with_file(&a.targets, a.file.as_deref(), |s| targets::parse_spec(s).map(|_| ()))?;
    let wait = match &a.wait {
        Some(w) => positive(parse_duration(w)?, "--wait")?,
        None => timeout,
    };
    let request = PingRequest {
        targets: Vec::new(),
        unresolved: Vec::new(),
        count: a.count,
        interval: parse_duration(&a.interval)?,
        timeout: wait,
        size: usize::from(a.size),
        rate: layer(a.rate, config.net.ping_rate, DEFAULT_PING_RATE),
        show: if a.alive {
            Show::Alive
        } else if a.dead {
            Show::Dead
        } else {
            Show::All
        },
        min_alive: a.min_alive,
    };
    Ok(Operation::Ping { specs, family: family(&a.family), request })
}

fn dns_op(a: &DnsArgs, config: &Config, timeout: Duration) -> Result<Operation, CommandError> {
    let names = with_file(&a.names, a.file.as_deref(), |_| Ok(()))?;
    let server_texts: Vec<String> =
        if a.servers.is_empty() { config.net.dns_servers.clone().unwrap_or_default() } else { a.servers.clone() };
    let mut servers: Vec<std::net::SocketAddr> = Vec::new();
    for text in &server_texts {
        let server = dns::parse_server(text)?;
        if !servers.contains(&server) {
            servers.push(server);
        }
    }
    // No server named: ask as this machine's resolver does (hosts file, search list).
    let system = if servers.is_empty() {
        let (found, sys) = dns::system_resolver();
        servers = found;
        Some(sys)
    } else {
        None
    };
    Ok(Operation::Dns(DnsRequest {
        names,
        types: dns::parse_types(&a.types)?,
        servers,
        protocol: if a.tcp { Protocol::Tcp } else { Protocol::Udp },
        timeout,
        concurrency: a.concurrency as usize,
        all_types: dns::wants_all(&a.types),
        system,
    }))
}

fn tls_options(a: &TlsArgs, config: &Config) -> Option<TlsOptions> {
    // Any certificate option asks for the check.
    let wanted = a.tls || a.ca.is_some() || a.sni.is_some() || a.warn_days.is_some();
    wanted.then(|| TlsOptions {
        ca_file: a.ca.clone(),
        sni: a.sni.clone(),
        warn_days: layer(a.warn_days, config.net.warn_days, DEFAULT_WARN_DAYS),
    })
}

fn port_op(a: &PortArgs, config: &Config, timeout: Duration) -> Result<Operation, CommandError> {
    let ports = a.ports.as_deref().map(parse_ports).transpose()?;
    let texts = with_file(&a.targets, a.file.as_deref(), |s| {
        let spec = port::parse_specs(&[s.to_string()], ports.as_deref())?;
        targets::parse_spec(&spec[0].host).map(|_| ())
    })?;
    let specs = port::parse_specs(&texts, ports.as_deref())?;
    Ok(Operation::Port(PortRequest {
        specs,
        timeout,
        concurrency: a.concurrency as usize,
        tls: tls_options(&a.tls, config),
        open_only: a.open,
        list_closed: a.all,
        closed_rows: None,
        family: family(&a.family),
    }))
}

fn check(a: &CheckArgs, config: &Config, timeout: Duration) -> Result<Operation, CommandError> {
    let endpoint = port::parse_endpoint(&a.target)?;
    let host = endpoint.host;
    if !matches!(targets::parse_spec(&host)?, targets::Spec::Addr(_) | targets::Spec::Host(_)) {
        return Err(CommandError::usage(format!("net check takes one host, not the range '{host}'"))
            .with_hint("use `deskhand net ping RANGE` or `deskhand net port RANGE -p PORTS` for many hosts"));
    }
    let mut tls_args = a.tls.clone();
    // A pasted https:// (or ldaps://...) URL asks for the TLS check.
    tls_args.tls |= endpoint.tls;
    let tls = tls_options(&tls_args, config);
    // --tls without a port means HTTPS.
    let port = endpoint.port.or(tls.as_ref().map(|_| 443));
    let dns_server = match &a.server {
        Some(s) => Some(dns::parse_server(s)?),
        None => None,
    };
    Ok(Operation::Check(CheckRequest { host, port, tls, dns_server, timeout, pings: a.count, family: family(&a.family) }))
}

/// An attribute description as RFC 4512 has it: a name (a letter, then letters, digits
/// and hyphens) or a numeric OID. Anything else would break every filter built with it.
/// (Empty: the flavour's own, as when the key is left out.)
fn is_attribute_description(a: &str) -> bool {
    let name = a.starts_with(|c: char| c.is_ascii_alphabetic()) && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let oid = a.starts_with(|c: char| c.is_ascii_digit()) && a.chars().all(|c| c.is_ascii_digit() || c == '.');
    a.is_empty() || name || oid
}

/// The directory profile chosen (`--directory` of the command, the global one, the
/// config's default, or the only one) and where its password comes from.
fn directory_profile(
    chosen: Option<&String>,
    g: &Globals,
    config: &Config,
    timeout: Duration,
) -> Result<(Profile, SecretSource, String), CommandError> {
    let name = chosen
        .cloned()
        .or_else(|| g.directory.clone())
        .or_else(|| config.default_directory.clone())
        .or_else(|| (config.directories.len() == 1).then(|| config.directories.keys().next().cloned()).flatten())
        .ok_or_else(|| {
            CommandError::usage("no directory profile chosen")
                .with_hint("add one under `directories:` in the config file and pick it with --directory NAME or default_directory")
        })?;
    let profile_config = config.directories.get(&name).ok_or_else(|| {
        let known: Vec<&String> = config.directories.keys().collect();
        CommandError::usage(format!("no directory profile '{name}' in the config file")).with_hint(if known.is_empty() {
            "add it under `directories:` in the config file".to_string()
        } else {
            format!("known profiles: {}", known.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", "))
        })
    })?;
    let profile = Profile {
        name: name.clone(),
        url: profile_config.url.clone(),
        servers: profile_config.servers.clone().unwrap_or_default(),
        starttls: profile_config.starttls.unwrap_or(false),
        ca_file: profile_config.ca_file.clone(),
        base_dn: profile_config.base_dn.clone(),
        users_dn: profile_config.users.clone(),
        groups_dn: profile_config.groups.clone(),
        disabled_dn: profile_config.disabled.clone(),
        bind_dn: profile_config.bind_dn.clone(),
        sasl_external: profile_config.sasl_external.unwrap_or(false) || profile_config.sasl == Some(crate::config::SaslMechanism::External),
        sasl_gssapi: profile_config.sasl == Some(crate::config::SaslMechanism::Gssapi),
        sasl_host: profile_config.sasl_host.clone(),
        flavor: profile_config.flavor.unwrap_or_default(),
        // Empty: the flavour's own (uid, sAMAccountName), settled once it is known.
        login_attribute: match &profile_config.login_attribute {
            Some(a) if !is_attribute_description(a) => {
                return Err(CommandError::usage(format!("directory '{name}': login_attribute '{a}' is not an attribute name"))
                    .with_hint("give the attribute logins are stored in: uid, sAMAccountName, mail..."));
            }
            Some(a) => a.clone(),
            None => String::new(),
        },
        allow_plaintext: profile_config.allow_plaintext.unwrap_or(false),
        timeout: match &profile_config.timeout {
            Some(t) => positive(parse_duration(t)?, "the profile's timeout")?,
            // An explicit --timeout / DESKHAND_TIMEOUT / config timeout holds; the
            // network default (1s) is too short for a directory over TLS.
            None if g.timeout.is_some() || config.timeout.is_some() => timeout,
            None => Duration::from_secs(5),
        },
        password_policy: profile_config.password_policy.clone(),
        disable_method: profile_config.disable_method.unwrap_or_default(),
        connections: match profile_config.connections {
            Some(n @ 1..=deskhand_commands::account::pool::MAX_CONNECTIONS) => Some(n),
            Some(n) => {
                return Err(CommandError::usage(format!("directory '{name}': connections: {n} is out of range"))
                    .with_hint(format!("give 1 to {}", deskhand_commands::account::pool::MAX_CONNECTIONS)));
            }
            None => None,
        },
    };
    let sources =
        [profile_config.password_file.is_some(), profile_config.password_env.is_some(), profile_config.password_command.is_some()];
    if sources.iter().filter(|s| **s).count() > 1 {
        return Err(CommandError::usage(format!("directory '{name}' names more than one password source"))
            .with_hint("keep one of password_file, password_env, password_command"));
    }
    if profile.sasl_gssapi && profile.bind_dn.is_some() {
        return Err(CommandError::usage(format!("directory '{name}' has both sasl: gssapi and bind_dn"))
            .with_hint("with sasl: gssapi the ticket's principal binds (kinit): remove bind_dn and the password source"));
    }
    let secret = if profile.sasl_external || profile.sasl_gssapi || profile.bind_dn.is_none() {
        SecretSource::None
    } else if let Some(f) = &profile_config.password_file {
        SecretSource::File(f.clone())
    } else if let Some(v) = &profile_config.password_env {
        SecretSource::Env(v.clone())
    } else if let Some(c) = &profile_config.password_command {
        SecretSource::Command(c.clone())
    } else {
        SecretSource::Prompt
    };
    Ok((profile, secret, name))
}

fn diagnose(a: &DiagnoseArgs, g: &Globals, config: &Config, timeout: Duration) -> Result<Operation, CommandError> {
    // Hosts are the user's input: a bad one is a usage error before anything runs.
    let hosts = a
        .hosts
        .iter()
        .map(|h| {
            let args = CheckArgs {
                target: h.clone(),
                server: None,
                count: 2,
                tls: a.tls.clone(),
                family: FamilyArgs { ipv4: false, ipv6: false },
            };
            match check(&args, config, timeout)? {
                Operation::Check(c) => Ok(c),
                _ => unreachable!("check builds a check"),
            }
        })
        .collect::<Result<Vec<_>, CommandError>>()?;
    let directory =
        (!a.users.is_empty()).then(|| directory_profile(a.directory.as_ref(), g, config, timeout).map(|(p, s, _)| (Box::new(p), s)));
    let dns_servers = config.net.dns_servers.iter().flatten().map(|s| dns::parse_server(s)).collect::<Result<Vec<_>, _>>()?;
    // The organisation's DNS when the config names it (as `net dns` asks it), not
    // whatever resolver the technician's own machine has.
    let hosts = hosts.into_iter().map(|h| CheckRequest { dns_server: dns_servers.first().copied(), ..h }).collect();
    Ok(Operation::Diagnose(Box::new(DiagnoseRequest {
        users: a.users.clone(),
        directory,
        hosts,
        dns_servers,
        ticket: a.ticket.clone(),
        timeout,
    })))
}

fn account(args: &AccountArgs, g: &Globals, config: &Config, timeout: Duration) -> Result<Operation, CommandError> {
    let (profile, secret, name) = directory_profile(args.directory.as_ref(), g, config, timeout)?;
    let profile_config = &config.directories[&name];
    let verb = match &args.command {
        AccountCommand::Show { user, all_servers } => AccountVerb::Show { user: user.clone(), all_servers: *all_servers },
        AccountCommand::Find { query } => AccountVerb::Find(query.clone()),
        AccountCommand::Locked { all } => AccountVerb::Locked { all: *all },
        AccountCommand::Unlock(u) => {
            let mut verb = users_change(&u.users, Action::Unlock)?;
            if let AccountVerb::Change { all_servers, .. } = &mut verb {
                *all_servers = u.all_servers;
            }
            verb
        }
        AccountCommand::Disable(u) => users_change(u, Action::Disable)?,
        AccountCommand::Enable(u) => users_change(u, Action::Enable)?,
        AccountCommand::Expire(e) => {
            let when = deskhand_commands::util::parse_end_date(&e.on).map_err(|m| {
                CommandError::usage(format!("--on: {m}")).with_hint("e.g. --on 2027-01-31, or --on never to remove the end date")
            })?;
            users_change(&e.users, Action::Expire(when))?
        }
        AccountCommand::Groups { user } => AccountVerb::Groups(user.clone()),
        AccountCommand::Expiring { days, all } => AccountVerb::Expiring { days: *days, all: *all },
        AccountCommand::Expired { all } => AccountVerb::Expired { all: *all },
        AccountCommand::Reset(reset) => AccountVerb::Reset(ResetPlan {
            users: with_user_file(&reset.users, reset.file.as_deref())?,
            password: match (&reset.password_file, reset.ask) {
                (Some(file), _) => PasswordChoice::File(file.clone()),
                (None, true) => PasswordChoice::Ask,
                (None, false) => PasswordChoice::Generate,
            },
            out: reset.password_out.clone(),
            keep_lock: reset.keep_lock,
            dry_run: reset.change.dry_run,
            ticket: reset.change.ticket.clone(),
            reason: reset.change.reason.clone(),
        }),
        AccountCommand::Create(c) => {
            let template = template(&c.template, &profile_config.templates, &name)?;
            for (what, v) in [("--first", &c.first), ("--last", &c.last)] {
                deskhand_commands::account::template::check_value(what, v).map_err(CommandError::usage)?;
            }
            if let Some(l) = &c.login {
                deskhand_commands::account::template::check_login(l).map_err(CommandError::usage)?;
            }
            if let Some(m) = &c.mail {
                deskhand_commands::account::template::check_mail(m).map_err(CommandError::usage)?;
            }
            AccountVerb::Create {
                account: Box::new(NewAccount {
                    login: c.login.clone(),
                    first: c.first.trim().to_string(),
                    last: c.last.trim().to_string(),
                    mail: c.mail.clone(),
                    extra: {
                        let mut extra = std::collections::BTreeMap::new();
                        for kv in &c.set {
                            let (k, v) = kv.split_once('=').ok_or_else(|| {
                                CommandError::usage(format!("--set {kv}: give NAME=VALUE")).with_hint("e.g. --set dept=Sales")
                            })?;
                            deskhand_commands::account::template::check_value(k, v).map_err(CommandError::usage)?;
                            extra.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                        }
                        extra
                    },
                    copy_from: c.copy_from.clone(),
                }),
                template: Box::new(template),
                password_out: c.password_out.clone(),
                change: change_of(&c.change),
            }
        }
        AccountCommand::Onboard(o) => AccountVerb::Onboard {
            file: o.file.clone(),
            template: Box::new(template(&o.template, &profile_config.templates, &name)?),
            password_out: o.password_out.clone(),
            change: change_of(&o.change),
        },
        AccountCommand::Offboard(o) => {
            AccountVerb::Offboard { user: o.user.clone(), reset_password: o.reset_password, yes: o.yes, change: change_of(&o.change) }
        }
        AccountCommand::Restore(r) => AccountVerb::Restore { record: r.record.clone(), change: change_of(&r.change) },
        AccountCommand::Group(GroupCommand::Add(g)) => group_change(g, true)?,
        AccountCommand::Group(GroupCommand::Remove(g)) => group_change(g, false)?,
    };
    Ok(Operation::Account { profile: Box::new(profile), secret, verb })
}

/// The dry-run, ticket and reason of a changing verb.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChangeOptions {
    pub dry_run: bool,
    pub ticket: Option<String>,
    pub reason: Option<String>,
}

fn change_of(c: &crate::cli::ChangeArgs) -> ChangeOptions {
    ChangeOptions { dry_run: c.dry_run, ticket: c.ticket.clone(), reason: c.reason.clone() }
}

/// A template by name from the profile, or from a YAML file.
fn template(
    which: &str,
    known: &std::collections::BTreeMap<String, deskhand_commands::account::template::Template>,
    profile: &str,
) -> Result<deskhand_commands::account::template::Template, CommandError> {
    if let Some(t) = known.get(which) {
        return Ok(t.clone());
    }
    let path = std::path::Path::new(which);
    if which.contains('/') || path.extension().is_some_and(|e| e == "yaml" || e == "yml") || path.is_file() {
        return deskhand_commands::account::template::Template::load(path);
    }
    Err(CommandError::usage(format!("no template '{which}' in directory '{profile}'")).with_hint(if known.is_empty() {
        "add one under templates: in the profile, or give a template file (--template ./staff.yaml)".to_string()
    } else {
        format!("known templates: {}", known.keys().cloned().collect::<Vec<_>>().join(", "))
    }))
}

/// `group add USER GROUP...`, or `group add -f USERS GROUP...`.
fn group_change(g: &GroupArgs, adding: bool) -> Result<AccountVerb, CommandError> {
    let (users, groups) = if g.file.is_some() {
        (with_user_file(&[], g.file.as_deref())?, g.args.clone())
    } else {
        match g.args.split_first() {
            Some((user, groups)) if !groups.is_empty() => (vec![user.clone()], groups.to_vec()),
            _ => {
                return Err(CommandError::usage("give a user and at least one group")
                    .with_hint("deskhand account group add alice vpn wifi (or -f users.txt vpn)"));
            }
        }
    };
    let actions = groups.into_iter().map(|n| if adding { Action::GroupAdd(n) } else { Action::GroupRemove(n) }).collect();
    Ok(AccountVerb::Change {
        actions,
        users,
        dry_run: g.change.dry_run,
        ticket: g.change.ticket.clone(),
        reason: g.change.reason.clone(),
        all_servers: false,
    })
}

fn users_change(u: &UsersArgs, action: Action) -> Result<AccountVerb, CommandError> {
    let users = with_user_file(&u.users, u.file.as_deref())?;
    Ok(AccountVerb::Change {
        actions: vec![action],
        users,
        dry_run: u.change.dry_run,
        ticket: u.change.ticket.clone(),
        reason: u.change.reason.clone(),
        all_servers: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn op(args: &[&str]) -> Result<Operation, CommandError> {
        let cli = Cli::try_parse_from(std::iter::once("deskhand").chain(args.iter().copied())).expect("clap accepts");
        let g = globals(&cli, &|_| None).unwrap();
        operation(&cli, &g, &Config::default())
    }

    #[test]
    fn environment_under_flags() {
        let cli = Cli::try_parse_from(["deskhand", "-o", "markdown", "net", "ping", "::1"]).unwrap();
        let env = |name: &str| match name {
            "DESKHAND_OUTPUT" => Some("json".to_string()),
            "DESKHAND_COLOR" => Some("never".to_string()),
            "DESKHAND_CONFIG" => Some(String::new()),
            "DESKHAND_TIMEOUT" => Some("3s".to_string()),
            _ => None,
        };
        let g = globals(&cli, &env).unwrap();
        assert_eq!(g.output, Some(OutputFormat::Markdown), "the flag wins");
        assert_eq!(g.color, Some(ColorChoice::Never));
        assert_eq!(g.config, None, "an empty variable is unset");
        assert_eq!(g.timeout.as_deref(), Some("3s"));
        let bad = |name: &str| (name == "DESKHAND_OUTPUT").then(|| "yaml".to_string());
        let err = globals(&cli, &bad);
        assert!(err.is_ok(), "the flag hides the bad variable");
        let cli = Cli::try_parse_from(["deskhand", "net", "ping", "::1"]).unwrap();
        let err = globals(&cli, &bad).unwrap_err();
        assert!(err.message.contains("DESKHAND_OUTPUT") && err.hint.unwrap().contains("json"));
    }

    #[test]
    fn layers() {
        assert_eq!(layer(Some(1), Some(2), 3), 1);
        assert_eq!(layer(None, Some(2), 3), 2);
        assert_eq!(layer(None, None, 3), 3);
    }

    #[test]
    fn colour() {
        let empty = std::ffi::OsStr::new("");
        let set = std::ffi::OsStr::new("1");
        let cases = [
            (ColorChoice::Auto, None, true, true),
            (ColorChoice::Auto, None, false, false),
            (ColorChoice::Auto, Some(set), true, false),
            (ColorChoice::Auto, Some(empty), true, true),
            (ColorChoice::Always, Some(set), false, true),
            (ColorChoice::Never, None, true, false),
        ];
        for (choice, nc, tty, want) in cases {
            assert_eq!(decide_color(choice, nc, tty), want, "{choice:?} {nc:?} {tty}");
        }
    }

    #[test]
    fn argv_to_settings() {
        let Operation::Ping { specs, request, .. } = op(&["net", "ping", "127.0.0.1", "-c", "2", "-W", "250ms", "--alive"]).unwrap() else {
            panic!()
        };
        assert_eq!(specs, ["127.0.0.1"]);
        assert_eq!(
            (request.count, request.timeout, request.show, request.rate),
            (2, Duration::from_millis(250), Show::Alive, DEFAULT_PING_RATE)
        );
        let Operation::Ping { request, .. } = op(&["--timeout", "3s", "net", "ping", "::1"]).unwrap() else { panic!() };
        assert_eq!(request.timeout, Duration::from_secs(3));
        let Operation::Port(p) = op(&["net", "port", "127.0.0.1:22", "localhost", "-p", "80,443", "--open"]).unwrap() else { panic!() };
        assert_eq!(p.specs.iter().map(|s| s.ports.clone()).collect::<Vec<_>>(), [vec![22], vec![80, 443]]);
        assert!(p.open_only && p.tls.is_none());
        let Operation::Dns(d) = op(&["net", "dns", "a.test", "-t", "mx", "-s", "127.0.0.1:5353", "--tcp"]).unwrap() else { panic!() };
        assert_eq!((d.servers[0].port(), d.protocol, d.types.len()), (5353, Protocol::Tcp, 1));
        let Operation::Check(c) = op(&["net", "check", "example.test", "--tls"]).unwrap() else { panic!() };
        assert_eq!((c.host.as_str(), c.port, c.tls.unwrap().warn_days), ("example.test", Some(443), DEFAULT_WARN_DAYS));
    }

    #[test]
    fn bad_input_is_usage() {
        for args in [
            &["net", "ping", "10.0.0.0/33"][..],
            &["net", "ping", "127.0.0.1", "-i", "soon"],
            &["--timeout", "0s", "net", "ping", "127.0.0.1"],
            &["net", "port", "127.0.0.1", "-p", "0"],
            &["net", "port", "127.0.0.1:70000"],
            &["net", "port", "127.0.0.1"],
            &["net", "dns", "a.test", "-t", "BOGUS"],
            &["net", "dns", "a.test", "-s", "not-an-ip"],
            &["net", "check", "bad host"],
        ] {
            let err = op(args).unwrap_err();
            assert_eq!(err.kind, deskhand_commands::ErrorKind::Usage, "{args:?}");
            assert!(err.hint.is_some(), "{args:?} has no hint");
        }
    }
}
