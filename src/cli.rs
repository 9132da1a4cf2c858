//! The command line, as clap derive types. Nothing here has effects; `settings` turns a
//! parsed [`Cli`] into what the commands need. Doc comments here are the user's help
//! text, so they are written for people, not rustdoc.
#![allow(clippy::doc_markdown)]

use crate::exit::EXIT_CODES_HELP;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "deskhand",
    version,
    about = "A toolkit for help desk technicians: directory accounts, network diagnostics, software inventory and runbooks.",
    long_about = None,
    after_help = EXIT_CODES_HELP,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Output format [default: table; env: DESKHAND_OUTPUT]
    #[arg(long, short = 'o', global = true, value_enum)]
    pub output: Option<OutputFormat>,
    /// When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]
    #[arg(long, global = true, value_enum)]
    pub color: Option<ColorChoice>,
    /// No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile's own timeout: wins)
    #[arg(long, global = true, value_name = "DURATION")]
    pub timeout: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// A table for people
    Table,
    /// One JSON document with a `schema` field
    Json,
    /// Markdown, to paste into a ticket
    Markdown,
    /// CSV of the tables, for spreadsheets
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Directory accounts on OpenLDAP (ppolicy), Active Directory and 389-ds: status, search, unlock, reset, disable, groups, create, offboard
    Account(AccountArgs),
    /// A ticket in one run: each user's status card (every DC) and groups, each host's triage; findings worst first with the command that fixes each, as a ticket note
    #[command(
        after_help = "It changes nothing and asks nothing: the fixes are printed, never run. A part that cannot\nrun (no directory profile, no ping privilege, a DC that does not answer) is a finding of its\nown, and what it leaves open is reported as unknown, never guessed. When the config names DNS\nservers (net.dns_servers), the triage asks the first, and each host name is asked of every\none: a disagreement among those that answer is a finding, a server that does not is unknown.\nExit: 1 when a finding stands in the way, else 3 when a part could not run, else 0.\n\nExamples:\n  deskhand diagnose --user bob --host vpn.example.test:443 --tls --ticket INC-42\n  deskhand diagnose --user bob --user alice -o markdown > note.md"
    )]
    Diagnose(DiagnoseArgs),
    /// Network diagnostics: ping, DNS, TCP ports and TLS, and a one-shot triage
    #[command(subcommand)]
    Net(NetCommand),
    /// Installed software and system facts: list, show, facts, baseline checks, snapshots and diffs
    #[command(subcommand)]
    Inventory(InventoryCommand),
    /// YAML runbooks: checklists of deskhand commands, validated first, with a report for the ticket
    #[command(subcommand)]
    Runbook(RunbookCommand),
    /// Many machines through Ansible: the fleet report of a playbook's per-host results
    #[command(subcommand)]
    Fleet(FleetCommand),
    /// Shell completions and the man page
    #[command(subcommand)]
    Generate(GenerateCommand),
}

#[derive(Debug, Subcommand)]
pub enum FleetCommand {
    /// One report from the per-host results a playbook of the deskhand.helpdesk collection saved
    #[command(
        after_help = "Each host's result is the deskhand module's result as the playbook registered it. Hosts Ansible could not reach are listed apart, never dropped.\nExit 0 when every host passes, 1 otherwise.\n\nExample:\n  ansible-playbook -i hosts.ini ~/.ansible/collections/ansible_collections/deskhand/helpdesk/playbooks/baseline.yml\n  deskhand fleet report deskhand-report/baseline -o markdown"
    )]
    Report {
        /// The directory of per-host results (HOST.json, or hosts/HOST.json), or '-' for one
        /// JSON object {"HOST": result, ...} on standard input
        input: String,
        /// Also write DIR/hosts/HOST.json (the results) and DIR/report.md, .json and .csv
        #[arg(long, value_name = "DIR")]
        save: Option<PathBuf>,
    },
    /// What the Ansible module runs on each target (options as JSON on stdin)
    #[command(hide = true)]
    Module,
}

#[derive(Debug, Subcommand)]
pub enum RunbookCommand {
    /// The runbooks in ./runbooks and ~/.config/deskhand/runbooks, with their descriptions
    List,
    /// A runbook's parameters and steps, as documentation
    Show {
        /// A runbook file, or the name of one in the runbook folders
        file: String,
    },
    /// Check runbooks without running anything: YAML shape, every step through the real parser, templates, references
    #[command(after_help = "Exit 2 when any file has a problem; every problem is listed as FILE:LINE:COL with the line.")]
    Validate {
        /// Runbook files (or names)
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Validate, then run a runbook step by step, with a report to paste into the ticket
    #[command(
        after_help = "Exit status: the worst step's (0 ok, 1 a check said no, 2 usage, 3 environment, 130 interrupted).\n\nExamples:\n  deskhand runbook run password-reset --param user=alice --ticket INC-1234\n  deskhand runbook run runbooks/network-triage.yaml --param hosts=gw.example.test,dc1.example.test\n  deskhand runbook run offboard --param user=jdoe --dry-run -o markdown"
    )]
    Run {
        /// A runbook file, or the name of one in the runbook folders
        file: String,
        /// A parameter value (repeat for more); lists are comma-separated. A secret param is
        /// never given here: it is asked for without echo, or read from DESKHAND_PARAM_<NAME>
        #[arg(long = "param", short = 'p', value_name = "NAME=VALUE", value_parser = crate::runbook::parse_param_arg)]
        params: Vec<(String, String)>,
        /// Run the read-only steps; show what the changing steps would change
        #[arg(long, short = 'n')]
        dry_run: bool,
        /// Ticket number, passed to every changing step for the audit trail
        #[arg(long, value_name = "ID")]
        ticket: Option<String>,
        /// Answer yes to the steps that ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum InventoryCommand {
    /// Installed packages of every package system found (dpkg, rpm, apk, pacman, flatpak, snap, brew)
    #[command(
        after_help = "Examples:\n  deskhand inventory list\n  deskhand inventory list 'openssh*'\n  deskhand inventory list --source dpkg,snap -o csv > software.csv\n  deskhand inventory list --source pip"
    )]
    List(InventoryListArgs),
    /// One package in every source that has it, with its details
    #[command(after_help = "Exit 1 when no source has it.\n\nExample:\n  deskhand inventory show openvpn")]
    Show {
        /// Package name (a glob: * and ?)
        name: String,
        #[command(flatten)]
        sources: SourceArgs,
    },
    /// This machine: host, OS, kernel, CPU, memory, disks, uptime, interfaces, logged-in users
    Facts,
    /// Check this machine against a baseline file: required and forbidden packages, free disk and memory
    #[command(
        after_help = "Exit 1 when any rule fails.\n\nBaseline file (YAML):\n  name: office laptop\n  required:\n    - openssh-server >= 1:9.2      # [source:]NAME [OP VERSION]; OP: >= > <= < = !=\n    - dpkg:curl\n  forbidden:\n    - transmission*                # a glob\n  disk:\n    - path: /\n      min_free: 5 GiB              # or 10%\n  memory:\n    min_total: 4 GiB\n    min_available: 512 MiB\n\nVersions compare by each package system's rules (dpkg epochs and ~, rpm EVR, ...).\n\nExample:\n  deskhand inventory check baseline.yaml -o markdown"
    )]
    Check {
        /// The baseline YAML file ('-' for standard input)
        baseline: PathBuf,
        #[command(flatten)]
        sources: SourceArgs,
    },
    /// Save the package list to FILE (JSON) for a later `inventory diff`
    #[command(
        after_help = "(-o is the output format everywhere, so the file is a plain argument.)\n\nExample:\n  deskhand inventory snapshot /var/tmp/software-2026-11.json"
    )]
    Snapshot {
        /// The snapshot file to create (never overwritten)
        file: PathBuf,
        #[command(flatten)]
        sources: SourceArgs,
    },
    /// What changed between two snapshots, or between a snapshot and now
    #[command(
        after_help = "Exit 1 when anything changed.\n\nExamples:\n  deskhand inventory diff last-month.json\n  deskhand inventory diff old.json new.json -o markdown"
    )]
    Diff {
        /// The older snapshot
        old: PathBuf,
        /// The newer snapshot [default: this machine now]
        new: Option<PathBuf>,
        #[command(flatten)]
        sources: SourceArgs,
    },
}

#[derive(Debug, Clone, Args)]
pub struct SourceArgs {
    /// Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots' sources]
    #[arg(long, short = 's', value_name = "SOURCES", value_delimiter = ',')]
    pub source: Vec<String>,
}

#[derive(Debug, Args)]
pub struct InventoryListArgs {
    /// Only packages whose name matches (a glob: * and ?; plain text matches as a substring)
    pub pattern: Option<String>,
    #[command(flatten)]
    pub sources: SourceArgs,
}

#[derive(Debug, Args)]
pub struct AccountArgs {
    /// Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]
    #[arg(long, short = 'D', global = true, value_name = "NAME")]
    pub directory: Option<String>,
    #[command(subcommand)]
    pub command: AccountCommand,
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// The account's status card: locked, disabled, expiry, must-change, failures, groups
    #[command(
        after_help = "Exit 1 when the account cannot log in (with --all-servers: on any server); exit 3 when a server\ncould not be asked and none said no.\n\nExamples:\n  deskhand account show alice\n  deskhand account show alice --all-servers\n  deskhand account show 'uid=alice,ou=people,dc=example,dc=test' -o markdown"
    )]
    Show {
        /// Login name (AD: also user@domain) or DN
        user: String,
        /// Also ask every server of the profile (`servers:`): lock state, failure count and
        /// last logon per server, side by side (AD counts them per domain controller)
        #[arg(long)]
        all_servers: bool,
    },
    /// Search accounts by login, name or mail (substring)
    #[command(after_help = "Exit 1 when nothing matches.")]
    Find {
        /// Part of a login, name or mail
        query: String,
    },
    /// Every account that is locked now (disabled and built-in ones only with --all)
    #[command(after_help = "Exit 1 when any account is listed.")]
    Locked {
        /// Also list disabled accounts and the directory's built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)
        #[arg(long)]
        all: bool,
    },
    /// Accounts whose password expires within N days (disabled and built-in ones only with --all)
    #[command(after_help = "Exit 1 when any account is listed.")]
    Expiring {
        /// Days ahead
        #[arg(long, default_value_t = 14)]
        days: u32,
        /// Also list disabled accounts and the directory's built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)
        #[arg(long)]
        all: bool,
    },
    /// Accounts whose password has expired (disabled and built-in ones only with --all)
    #[command(after_help = "Exit 1 when any account is listed.")]
    Expired {
        /// Also list disabled accounts and the directory's built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)
        #[arg(long)]
        all: bool,
    },
    /// Set a temporary password (must change at next logon) and unlock
    #[command(
        after_help = "The temporary password is shown once on the terminal (stderr), or written to\n--password-out FILE (mode 0600); never on stdout, in JSON or in the audit trail.\n\nExamples:\n  deskhand account reset alice --ticket INC-1234\n  deskhand account reset alice --password-out /root/alice.txt\n  deskhand account reset alice --dry-run"
    )]
    Reset(ResetArgs),
    /// Clear the lock and the failure count so the user can log in again (a disabled account needs enable)
    #[command(
        after_help = "Examples:\n  deskhand account unlock alice\n  deskhand account unlock alice bob --ticket INC-1234\n  deskhand account unlock alice --all-servers\n  deskhand account unlock -f locked.txt --dry-run"
    )]
    Unlock(UnlockArgs),
    /// Disable accounts (OpenLDAP: a permanent lock, or pwdEndTime with disable_method: end_time; AD: userAccountControl 0x2; 389-ds: nsAccountLock)
    Disable(UsersArgs),
    /// Enable disabled accounts
    Enable(UsersArgs),
    /// Set or remove the day an account stops working (contractors): AD accountExpires; OpenLDAP pwdEndTime; 389-ds shadowExpire
    #[command(
        after_help = "A date means the account stops at 00:00 UTC that day; give a time for another moment.\nOn 389-ds, which keeps no end date of its own, shadowExpire is written: PAM/SSSD on the\nmachines refuse logins after it, LDAP binds still work.\n\nExamples:\n  deskhand account expire jdoe --on 2027-01-31 --ticket HR-80 --dry-run\n  deskhand account expire jdoe --on 2027-01-31T17:00:00Z\n  deskhand account expire jdoe --on never"
    )]
    Expire(ExpireArgs),
    /// The groups an account belongs to: direct, and inherited through nested groups (with the path)
    Groups {
        /// Login name (AD: also user@domain) or DN
        user: String,
    },
    /// Add an account to groups, or remove it
    #[command(subcommand)]
    Group(GroupCommand),
    /// Create an account from a template: a temporary password (must change), the template's groups
    #[command(
        after_help = "The login is made from the name when not given (jdoe, then jdoe2...). An account that\nexists already for the same person is reported as \"exists\", never duplicated.\n\nExamples:\n  deskhand account create --first Jane --last Doe --template staff\n  deskhand account create jdoe --first Jane --last Doe --mail jane.doe@example.test --template staff --copy-from alice\n  deskhand account create --first Jane --last Doe --template staff --dry-run"
    )]
    Create(CreateArgs),
    /// Create many accounts from a CSV file (header row: first,last[,login][,mail][,copy_from]...)
    #[command(
        after_help = "Every row is checked before anything is created. Rows created already are skipped, so a\nrerun completes the batch. The temporary passwords go to a new file (mode 0600):\n--password-out FILE, or one under ~/.local/state/deskhand/ whose path is printed.\n\nExample:\n  deskhand account onboard -f hires.csv --template staff --ticket HR-77"
    )]
    Onboard(OnboardArgs),
    /// Disable, leave every group (AD: not the primary one), describe, move to the profile's disabled: OU, with an undo record
    #[command(
        after_help = "Before anything changes, an undo record (JSON, mode 0600) with the prior values of every\nattribute and membership is written under ~/.local/state/deskhand/offboard/ and its path\nprinted; `account restore RECORD` puts the account back. Without --yes a terminal asks\nfirst, showing what will be removed; with no terminal and no --yes, exit 2.\n\nExamples:\n  deskhand account offboard jdoe --ticket HR-78 --dry-run\n  deskhand account offboard jdoe --ticket HR-78 --yes"
    )]
    Offboard(OffboardArgs),
    /// Put an offboarded account back from its undo record: DN, attributes, groups (not a password offboard reset)
    #[command(after_help = "Example:\n  deskhand account restore ~/.local/state/deskhand/offboard/jdoe-20261123T101500Z.json")]
    Restore(RestoreArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The login [default: made from the name by the template's rule, {first:1}{last}]
    pub login: Option<String>,
    /// First name
    #[arg(long, value_name = "NAME")]
    pub first: String,
    /// Last name
    #[arg(long, value_name = "NAME")]
    pub last: String,
    /// Mail address
    #[arg(long, value_name = "ADDRESS")]
    pub mail: Option<String>,
    /// A template of the profile (templates: in the config), or a template YAML file
    #[arg(long, short = 't', value_name = "NAME|FILE")]
    pub template: String,
    /// Copy the groups of this colleague
    #[arg(long, value_name = "USER")]
    pub copy_from: Option<String>,
    /// A value for another placeholder of the template, e.g. --set dept=Sales
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub set: Vec<String>,
    /// Write the temporary password to FILE (a new file, mode 0600) instead of the terminal
    #[arg(long, value_name = "FILE")]
    pub password_out: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct OnboardArgs {
    /// The CSV file ('-' for standard input)
    #[arg(short = 'f', long, value_name = "FILE")]
    pub file: String,
    /// A template of the profile, or a template YAML file
    #[arg(long, short = 't', value_name = "NAME|FILE")]
    pub template: String,
    /// Write the temporary passwords ("login<TAB>password" lines) to FILE (new, mode 0600)
    #[arg(long, value_name = "FILE")]
    pub password_out: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct OffboardArgs {
    /// Login name or DN
    pub user: String,
    /// Also set a random password nobody knows
    #[arg(long)]
    pub reset_password: bool,
    /// Do it without asking
    #[arg(long, short = 'y')]
    pub yes: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The undo record that offboard wrote
    pub record: std::path::PathBuf,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// Login names (AD: also user@domain) or DNs
    #[arg(value_name = "USER", required_unless_present = "file")]
    pub users: Vec<String>,
    /// Read users from FILE, one per line ('-' for standard input)
    #[arg(short = 'f', long, value_name = "FILE")]
    pub file: Option<String>,
    /// Set the password in FILE instead of a generated one (one user only)
    #[arg(long, value_name = "FILE", conflicts_with = "ask")]
    pub password_file: Option<std::path::PathBuf>,
    /// Ask for the password on the terminal instead of generating one (one user only)
    #[arg(long)]
    pub ask: bool,
    /// Write a generated password to FILE (a new file, mode 0600) instead of the terminal;
    /// with several users, one "login<TAB>password" line each
    #[arg(long, value_name = "FILE")]
    pub password_out: Option<std::path::PathBuf>,
    /// Leave a lock in place
    #[arg(long)]
    pub keep_lock: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Add USER to each GROUP (groupOfNames, groupOfUniqueNames, posixGroup; AD: group)
    #[command(after_help = "Example:\n  deskhand account group add alice vpn wifi --ticket INC-1234")]
    Add(GroupArgs),
    /// Remove USER from each GROUP
    Remove(GroupArgs),
}

#[derive(Debug, Args)]
pub struct GroupArgs {
    /// USER GROUP... (or, with -f, GROUP...): the login or DN, then group names (cn) or DNs
    #[arg(value_name = "USER GROUP", required = true)]
    pub args: Vec<String>,
    /// Read the users from FILE, one per line ('-' for standard input); every argument is then a group
    #[arg(short = 'f', long, value_name = "FILE")]
    pub file: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct UnlockArgs {
    #[command(flatten)]
    pub users: UsersArgs,
    /// Unlock on every server of the profile (`servers:`), not only the first: AD counts
    /// failures per domain controller, and an unlock replicated from another DC leaves them
    #[arg(long)]
    pub all_servers: bool,
}

#[derive(Debug, Args)]
pub struct UsersArgs {
    /// Login names (AD: also user@domain) or DNs
    #[arg(value_name = "USER", required_unless_present = "file")]
    pub users: Vec<String>,
    /// Read users from FILE, one per line ('-' for standard input)
    #[arg(short = 'f', long, value_name = "FILE")]
    pub file: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct ExpireArgs {
    /// When the account stops working: YYYY-MM-DD (00:00 UTC), YYYY-MM-DDTHH:MM:SSZ, or never
    #[arg(long, value_name = "DATE|never")]
    pub on: String,
    #[command(flatten)]
    pub users: UsersArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ChangeArgs {
    /// Show the exact LDAP modifications; change nothing
    #[arg(long, short = 'n')]
    pub dry_run: bool,
    /// Ticket number for the audit trail
    #[arg(long, value_name = "ID")]
    pub ticket: Option<String>,
    /// Why, for the audit trail (e.g. "left the company")
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum NetCommand {
    /// ICMP echo to many hosts at once, with loss and round-trip statistics
    #[command(
        after_help = "Examples:\n  deskhand net ping gw.example.test -c 5\n  deskhand net ping 192.0.2.0/28 -c 1 --alive\n  deskhand net ping -f hosts.txt --min-alive 3"
    )]
    Ping(PingArgs),
    /// DNS lookups of any record type, against one or several servers
    #[command(
        after_help = "Examples:\n  deskhand net dns www.example.test --type all\n  deskhand net dns 192.0.2.10                      (reverse lookup)\n  deskhand net dns intranet.example.test -s 192.0.2.53 -s 198.51.100.53\n  deskhand net dns -f names.txt --server 192.0.2.53"
    )]
    Dns(DnsArgs),
    /// TCP port checks and scans, with TLS certificate inspection
    #[command(
        after_help = "Examples:\n  deskhand net port mail.example.test:443 --tls\n  deskhand net port 192.0.2.10 -p 22,80,443\n  deskhand net port 192.0.2.0/28 -p 1-1024 --open"
    )]
    Port(PortArgs),
    /// Why can't the user reach X? DNS -> ping -> TCP -> TLS, with a verdict
    #[command(
        after_help = "Examples:\n  deskhand net check intranet.example.test:443 --tls\n  deskhand net check fileserver.example.test:445 --output markdown"
    )]
    Check(CheckArgs),
}

#[derive(Debug, Clone, Args)]
pub struct FamilyArgs {
    /// Use IPv4 addresses of host names only
    #[arg(short = '4', conflicts_with = "ipv6")]
    pub ipv4: bool,
    /// Use IPv6 addresses of host names only
    #[arg(short = '6')]
    pub ipv6: bool,
}

#[derive(Debug, Clone, Args)]
pub struct PingArgs {
    /// Hosts, addresses, CIDR ranges (192.0.2.0/28) or address ranges (192.0.2.1-20)
    #[arg(value_name = "TARGET", required_unless_present = "file")]
    pub targets: Vec<String>,
    /// Read targets from FILE, one per line ('-' for standard input)
    #[arg(short = 'f', long, value_name = "FILE")]
    pub file: Option<String>,
    /// Echo requests per target
    #[arg(short = 'c', long, default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=10000))]
    pub count: u16,
    /// Time between echoes to the same target
    #[arg(short = 'i', long, value_name = "DURATION", default_value = "1s")]
    pub interval: String,
    /// Time to wait for each reply [default: --timeout]
    #[arg(short = 'W', long, value_name = "DURATION")]
    pub wait: Option<String>,
    /// Payload size in bytes
    #[arg(short = 's', long, default_value_t = 56, value_parser = clap::value_parser!(u16).range(0..=65000))]
    pub size: u16,
    /// Packets per second across all targets, 0 for no limit [default: 5000, config net.ping_rate]
    #[arg(long, value_name = "PPS")]
    pub rate: Option<u32>,
    /// List only targets that answered
    #[arg(long, conflicts_with = "dead")]
    pub alive: bool,
    /// List only targets that did not answer
    #[arg(long)]
    pub dead: bool,
    /// Pass when at least N targets answer (default: all must)
    #[arg(long, value_name = "N")]
    pub min_alive: Option<usize>,
    #[command(flatten)]
    pub family: FamilyArgs,
}

#[derive(Debug, Clone, Args)]
pub struct DnsArgs {
    /// Names to look up; an IP address means a reverse (PTR) lookup
    #[arg(value_name = "NAME", required_unless_present = "file")]
    pub names: Vec<String>,
    /// Read names from FILE, one per line ('-' for standard input)
    #[arg(short = 'f', long, value_name = "FILE")]
    pub file: Option<String>,
    /// Record types: A, AAAA, CNAME, MX, NS, SOA, TXT, SRV, PTR, CAA, ... or 'all' [default: A]
    #[arg(short = 't', long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// DNS server IP[:PORT]; repeat to compare servers [default: config net.dns_servers, else the system resolver: resolv.conf, hosts, search list]
    #[arg(short = 's', long = "server", value_name = "SERVER")]
    pub servers: Vec<String>,
    /// Query over TCP instead of UDP
    #[arg(long)]
    pub tcp: bool,
    /// Queries in flight at most: to each server, 128 at first, twice as many each round trip while no answer needs a second asking, half on one that does
    #[arg(long, default_value_t = 128, value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub concurrency: u32,
}

#[derive(Debug, Clone, Args)]
pub struct TlsArgs {
    /// Inspect the TLS certificate on open ports: chain, name, expiry
    #[arg(long)]
    pub tls: bool,
    /// Trust the CA certificates in this PEM file instead of the system store (implies --tls)
    #[arg(long, value_name = "FILE")]
    pub ca: Option<PathBuf>,
    /// Server name to send (SNI) and check the certificate against (implies --tls) [default: the host as given]
    #[arg(long, value_name = "NAME")]
    pub sni: Option<String>,
    /// Fail when the certificate expires within N days (implies --tls) [default: 14, config net.warn_days]
    #[arg(long, value_name = "DAYS")]
    pub warn_days: Option<u32>,
}

#[derive(Debug, Clone, Args)]
#[command(group = clap::ArgGroup::new("subjects").required(true).multiple(true).args(["users", "hosts"]))]
pub struct DiagnoseArgs {
    /// A user of the ticket (login, user@domain or DN); repeat for several
    #[arg(long = "user", short = 'u', value_name = "LOGIN")]
    pub users: Vec<String>,
    /// A host of the ticket: HOST, HOST:PORT or a URL; repeat for several
    #[arg(long = "host", value_name = "HOST[:PORT]")]
    pub hosts: Vec<String>,
    #[command(flatten)]
    pub tls: TlsArgs,
    /// Ticket number: the note's heading, and the fix commands carry it
    #[arg(long, value_name = "ID")]
    pub ticket: Option<String>,
    /// Directory profile for the users (default: default_directory, or the only one)
    #[arg(long, value_name = "NAME")]
    pub directory: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct PortArgs {
    /// HOST:PORT, [IPv6]:PORT, a URL (its scheme's port), or HOST / CIDR / range with -p
    #[arg(value_name = "TARGET", required_unless_present = "file")]
    pub targets: Vec<String>,
    /// Read targets from FILE, one per line ('-' for standard input)
    #[arg(short = 'f', long, value_name = "FILE")]
    pub file: Option<String>,
    /// Ports for targets without one: 22,80,443 or 1-1024
    #[arg(short = 'p', long, value_name = "PORTS")]
    pub ports: Option<String>,
    /// Scan mode: list only open ports; pass when any port is open
    #[arg(long)]
    pub open: bool,
    /// List every closed port in the table and Markdown too (more than 5 closed on a host
    /// are one "not shown" line; JSON and CSV always have every port)
    #[arg(long)]
    pub all: bool,
    /// Connects in flight at once (capped below the open-file limit)
    #[arg(long, default_value_t = 4096, value_parser = clap::value_parser!(u32).range(1..=65536))]
    pub concurrency: u32,
    #[command(flatten)]
    pub tls: TlsArgs,
    #[command(flatten)]
    pub family: FamilyArgs,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// HOST, HOST:PORT, [IPv6]:PORT or a URL (https://...: its port, with TLS); --tls alone checks 443
    #[arg(value_name = "HOST[:PORT]")]
    pub target: String,
    /// Ask this DNS server instead of the system resolver
    #[arg(short = 's', long = "server", value_name = "SERVER")]
    pub server: Option<String>,
    /// Echo requests to send
    #[arg(short = 'c', long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=100))]
    pub count: u16,
    #[command(flatten)]
    pub tls: TlsArgs,
    #[command(flatten)]
    pub family: FamilyArgs,
}

#[derive(Debug, Subcommand)]
pub enum GenerateCommand {
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into a directory
    Man {
        /// Write deskhand.1, deskhand-net.1, deskhand-net-ping.1, ... into DIR
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
    /// Print the JSON Schema of every report (one object by schema name), or write NAME.json files into a directory
    #[command(after_help = "The same files are committed under schemas/ in the source tree.")]
    Schemas {
        /// Write deskhand.net.ping.v1.json, ... into DIR
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
}
