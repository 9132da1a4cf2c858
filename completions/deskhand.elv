
use builtin;
use str;

set edit:completion:arg-completer[deskhand] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'deskhand'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'deskhand'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand account 'Directory accounts on OpenLDAP (ppolicy), Active Directory and 389-ds: status, search, unlock, reset, disable, groups, create, offboard'
            cand diagnose 'A ticket in one run: each user''s status card (every DC) and groups, each host''s triage; findings worst first with the command that fixes each, as a ticket note'
            cand net 'Network diagnostics: ping, DNS, TCP ports and TLS, and a one-shot triage'
            cand inventory 'Installed software and system facts: list, show, facts, baseline checks, snapshots and diffs'
            cand runbook 'YAML runbooks: checklists of deskhand commands, validated first, with a report for the ticket'
            cand fleet 'Many machines through Ansible: the fleet report of a playbook''s per-host results'
            cand generate 'Shell completions and the man page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;account'= {
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'The account''s status card: locked, disabled, expiry, must-change, failures, groups'
            cand find 'Search accounts by login, name or mail (substring)'
            cand locked 'Every account that is locked now (disabled and built-in ones only with --all)'
            cand expiring 'Accounts whose password expires within N days (disabled and built-in ones only with --all)'
            cand expired 'Accounts whose password has expired (disabled and built-in ones only with --all)'
            cand reset 'Set a temporary password (must change at next logon) and unlock'
            cand unlock 'Clear the lock and the failure count so the user can log in again (a disabled account needs enable)'
            cand disable 'Disable accounts (OpenLDAP: a permanent lock, or pwdEndTime with disable_method: end_time; AD: userAccountControl 0x2; 389-ds: nsAccountLock)'
            cand enable 'Enable disabled accounts'
            cand expire 'Set or remove the day an account stops working (contractors): AD accountExpires; OpenLDAP pwdEndTime; 389-ds shadowExpire'
            cand groups 'The groups an account belongs to: direct, and inherited through nested groups (with the path)'
            cand group 'Add an account to groups, or remove it'
            cand create 'Create an account from a template: a temporary password (must change), the template''s groups'
            cand onboard 'Create many accounts from a CSV file (header row: first,last[,login][,mail][,copy_from]...)'
            cand offboard 'Disable, leave every group (AD: not the primary one), describe, move to the profile''s disabled: OU, with an undo record'
            cand restore 'Put an offboarded account back from its undo record: DN, attributes, groups (not a password offboard reset)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;account;show'= {
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand --all-servers 'Also ask every server of the profile (`servers:`): lock state, failure count and last logon per server, side by side (AD counts them per domain controller)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;find'= {
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;locked'= {
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand --all 'Also list disabled accounts and the directory''s built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;expiring'= {
            cand --days 'Days ahead'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand --all 'Also list disabled accounts and the directory''s built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;expired'= {
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand --all 'Also list disabled accounts and the directory''s built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;reset'= {
            cand -f 'Read users from FILE, one per line (''-'' for standard input)'
            cand --file 'Read users from FILE, one per line (''-'' for standard input)'
            cand --password-file 'Set the password in FILE instead of a generated one (one user only)'
            cand --password-out 'Write a generated password to FILE (a new file, mode 0600) instead of the terminal; with several users, one "login<TAB>password" line each'
            cand --ticket 'Ticket number for the audit trail'
            cand --reason 'Why, for the audit trail (e.g. "left the company")'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand --ask 'Ask for the password on the terminal instead of generating one (one user only)'
            cand --keep-lock 'Leave a lock in place'
            cand -n 'Show the exact LDAP modifications; change nothing'
            cand --dry-run 'Show the exact LDAP modifications; change nothing'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;unlock'= {
            cand -f 'Read users from FILE, one per line (''-'' for standard input)'
            cand --file 'Read users from FILE, one per line (''-'' for standard input)'
            cand --ticket 'Ticket number for the audit trail'
            cand --reason 'Why, for the audit trail (e.g. "left the company")'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -n 'Show the exact LDAP modifications; change nothing'
            cand --dry-run 'Show the exact LDAP modifications; change nothing'
            cand --all-servers 'Unlock on every server of the profile (`servers:`), not only the first: AD counts failures per domain controller, and an unlock replicated from another DC leaves them'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;disable'= {
            cand -f 'Read users from FILE, one per line (''-'' for standard input)'
            cand --file 'Read users from FILE, one per line (''-'' for standard input)'
            cand --ticket 'Ticket number for the audit trail'
            cand --reason 'Why, for the audit trail (e.g. "left the company")'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -n 'Show the exact LDAP modifications; change nothing'
            cand --dry-run 'Show the exact LDAP modifications; change nothing'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;enable'= {
            cand -f 'Read users from FILE, one per line (''-'' for standard input)'
            cand --file 'Read users from FILE, one per line (''-'' for standard input)'
            cand --ticket 'Ticket number for the audit trail'
            cand --reason 'Why, for the audit trail (e.g. "left the company")'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -n 'Show the exact LDAP modifications; change nothing'
            cand --dry-run 'Show the exact LDAP modifications; change nothing'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;expire'= {
            cand --on 'When the account stops working: YYYY-MM-DD (00:00 UTC), YYYY-MM-DDTHH:MM:SSZ, or never'
            cand -f 'Read users from FILE, one per line (''-'' for standard input)'
            cand --file 'Read users from FILE, one per line (''-'' for standard input)'
            cand --ticket 'Ticket number for the audit trail'
            cand --reason 'Why, for the audit trail (e.g. "left the company")'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -n 'Show the exact LDAP modifications; change nothing'
            cand --dry-run 'Show the exact LDAP modifications; change nothing'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;groups'= {
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;group'= {
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add USER to each GROUP (groupOfNames, groupOfUniqueNames, posixGroup; AD: group)'
            cand remove 'Remove USER from each GROUP'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;account;group;add'= {
            cand -f 'Read the users from FILE, one per line (''-'' for standard input); every argument is then a group'
            cand --file 'Read the users from FILE, one per line (''-'' for standard input); every argument is then a group'
            cand --ticket 'Ticket number for the audit trail'
            cand --reason 'Why, for the audit trail (e.g. "left the company")'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -n 'Show the exact LDAP modifications; change nothing'
            cand --dry-run 'Show the exact LDAP modifications; change nothing'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;group;remove'= {
            cand -f 'Read the users from FILE, one per line (''-'' for standard input); every argument is then a group'
            cand --file 'Read the users from FILE, one per line (''-'' for standard input); every argument is then a group'
            cand --ticket 'Ticket number for the audit trail'
            cand --reason 'Why, for the audit trail (e.g. "left the company")'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -n 'Show the exact LDAP modifications; change nothing'
            cand --dry-run 'Show the exact LDAP modifications; change nothing'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;group;help'= {
            cand add 'Add USER to each GROUP (groupOfNames, groupOfUniqueNames, posixGroup; AD: group)'
            cand remove 'Remove USER from each GROUP'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;account;group;help;add'= {
        }
        &'deskhand;account;group;help;remove'= {
        }
        &'deskhand;account;group;help;help'= {
        }
        &'deskhand;account;create'= {
            cand --first 'First name'
            cand --last 'Last name'
            cand --mail 'Mail address'
            cand -t 'A template of the profile (templates: in the config), or a template YAML file'
            cand --template 'A template of the profile (templates: in the config), or a template YAML file'
            cand --copy-from 'Copy the groups of this colleague'
            cand --set 'A value for another placeholder of the template, e.g. --set dept=Sales'
            cand --password-out 'Write the temporary password to FILE (a new file, mode 0600) instead of the terminal'
            cand --ticket 'Ticket number for the audit trail'
            cand --reason 'Why, for the audit trail (e.g. "left the company")'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -n 'Show the exact LDAP modifications; change nothing'
            cand --dry-run 'Show the exact LDAP modifications; change nothing'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;onboard'= {
            cand -f 'The CSV file (''-'' for standard input)'
            cand --file 'The CSV file (''-'' for standard input)'
            cand -t 'A template of the profile, or a template YAML file'
            cand --template 'A template of the profile, or a template YAML file'
            cand --password-out 'Write the temporary passwords ("login<TAB>password" lines) to FILE (new, mode 0600)'
            cand --ticket 'Ticket number for the audit trail'
            cand --reason 'Why, for the audit trail (e.g. "left the company")'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -n 'Show the exact LDAP modifications; change nothing'
            cand --dry-run 'Show the exact LDAP modifications; change nothing'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;offboard'= {
            cand --ticket 'Ticket number for the audit trail'
            cand --reason 'Why, for the audit trail (e.g. "left the company")'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand --reset-password 'Also set a random password nobody knows'
            cand -y 'Do it without asking'
            cand --yes 'Do it without asking'
            cand -n 'Show the exact LDAP modifications; change nothing'
            cand --dry-run 'Show the exact LDAP modifications; change nothing'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;restore'= {
            cand --ticket 'Ticket number for the audit trail'
            cand --reason 'Why, for the audit trail (e.g. "left the company")'
            cand -D 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand --directory 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -n 'Show the exact LDAP modifications; change nothing'
            cand --dry-run 'Show the exact LDAP modifications; change nothing'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;account;help'= {
            cand show 'The account''s status card: locked, disabled, expiry, must-change, failures, groups'
            cand find 'Search accounts by login, name or mail (substring)'
            cand locked 'Every account that is locked now (disabled and built-in ones only with --all)'
            cand expiring 'Accounts whose password expires within N days (disabled and built-in ones only with --all)'
            cand expired 'Accounts whose password has expired (disabled and built-in ones only with --all)'
            cand reset 'Set a temporary password (must change at next logon) and unlock'
            cand unlock 'Clear the lock and the failure count so the user can log in again (a disabled account needs enable)'
            cand disable 'Disable accounts (OpenLDAP: a permanent lock, or pwdEndTime with disable_method: end_time; AD: userAccountControl 0x2; 389-ds: nsAccountLock)'
            cand enable 'Enable disabled accounts'
            cand expire 'Set or remove the day an account stops working (contractors): AD accountExpires; OpenLDAP pwdEndTime; 389-ds shadowExpire'
            cand groups 'The groups an account belongs to: direct, and inherited through nested groups (with the path)'
            cand group 'Add an account to groups, or remove it'
            cand create 'Create an account from a template: a temporary password (must change), the template''s groups'
            cand onboard 'Create many accounts from a CSV file (header row: first,last[,login][,mail][,copy_from]...)'
            cand offboard 'Disable, leave every group (AD: not the primary one), describe, move to the profile''s disabled: OU, with an undo record'
            cand restore 'Put an offboarded account back from its undo record: DN, attributes, groups (not a password offboard reset)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;account;help;show'= {
        }
        &'deskhand;account;help;find'= {
        }
        &'deskhand;account;help;locked'= {
        }
        &'deskhand;account;help;expiring'= {
        }
        &'deskhand;account;help;expired'= {
        }
        &'deskhand;account;help;reset'= {
        }
        &'deskhand;account;help;unlock'= {
        }
        &'deskhand;account;help;disable'= {
        }
        &'deskhand;account;help;enable'= {
        }
        &'deskhand;account;help;expire'= {
        }
        &'deskhand;account;help;groups'= {
        }
        &'deskhand;account;help;group'= {
            cand add 'Add USER to each GROUP (groupOfNames, groupOfUniqueNames, posixGroup; AD: group)'
            cand remove 'Remove USER from each GROUP'
        }
        &'deskhand;account;help;group;add'= {
        }
        &'deskhand;account;help;group;remove'= {
        }
        &'deskhand;account;help;create'= {
        }
        &'deskhand;account;help;onboard'= {
        }
        &'deskhand;account;help;offboard'= {
        }
        &'deskhand;account;help;restore'= {
        }
        &'deskhand;account;help;help'= {
        }
        &'deskhand;diagnose'= {
            cand -u 'A user of the ticket (login, user@domain or DN); repeat for several'
            cand --user 'A user of the ticket (login, user@domain or DN); repeat for several'
            cand --host 'A host of the ticket: HOST, HOST:PORT or a URL; repeat for several'
            cand --ca 'Trust the CA certificates in this PEM file instead of the system store (implies --tls)'
            cand --sni 'Server name to send (SNI) and check the certificate against (implies --tls) [default: the host as given]'
            cand --warn-days 'Fail when the certificate expires within N days (implies --tls) [default: 14, config net.warn_days]'
            cand --ticket 'Ticket number: the note''s heading, and the fix commands carry it'
            cand --directory 'Directory profile for the users (default: default_directory, or the only one)'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand --tls 'Inspect the TLS certificate on open ports: chain, name, expiry'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;net'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ping 'ICMP echo to many hosts at once, with loss and round-trip statistics'
            cand dns 'DNS lookups of any record type, against one or several servers'
            cand port 'TCP port checks and scans, with TLS certificate inspection'
            cand check 'Why can''t the user reach X? DNS -> ping -> TCP -> TLS, with a verdict'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;net;ping'= {
            cand -f 'Read targets from FILE, one per line (''-'' for standard input)'
            cand --file 'Read targets from FILE, one per line (''-'' for standard input)'
            cand -c 'Echo requests per target'
            cand --count 'Echo requests per target'
            cand -i 'Time between echoes to the same target'
            cand --interval 'Time between echoes to the same target'
            cand -W 'Time to wait for each reply [default: --timeout]'
            cand --wait 'Time to wait for each reply [default: --timeout]'
            cand -s 'Payload size in bytes'
            cand --size 'Payload size in bytes'
            cand --rate 'Packets per second across all targets, 0 for no limit [default: 5000, config net.ping_rate]'
            cand --min-alive 'Pass when at least N targets answer (default: all must)'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand --alive 'List only targets that answered'
            cand --dead 'List only targets that did not answer'
            cand -4 'Use IPv4 addresses of host names only'
            cand -6 'Use IPv6 addresses of host names only'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;net;dns'= {
            cand -f 'Read names from FILE, one per line (''-'' for standard input)'
            cand --file 'Read names from FILE, one per line (''-'' for standard input)'
            cand -t 'Record types: A, AAAA, CNAME, MX, NS, SOA, TXT, SRV, PTR, CAA, ... or ''all'' [default: A]'
            cand --type 'Record types: A, AAAA, CNAME, MX, NS, SOA, TXT, SRV, PTR, CAA, ... or ''all'' [default: A]'
            cand -s 'DNS server IP[:PORT]; repeat to compare servers [default: config net.dns_servers, else the system resolver: resolv.conf, hosts, search list]'
            cand --server 'DNS server IP[:PORT]; repeat to compare servers [default: config net.dns_servers, else the system resolver: resolv.conf, hosts, search list]'
            cand --concurrency 'Queries in flight at most: to each server, 128 at first, twice as many each round trip while no answer needs a second asking, half on one that does'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand --tcp 'Query over TCP instead of UDP'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;net;port'= {
            cand -f 'Read targets from FILE, one per line (''-'' for standard input)'
            cand --file 'Read targets from FILE, one per line (''-'' for standard input)'
            cand -p 'Ports for targets without one: 22,80,443 or 1-1024'
            cand --ports 'Ports for targets without one: 22,80,443 or 1-1024'
            cand --concurrency 'Connects in flight at once (capped below the open-file limit)'
            cand --ca 'Trust the CA certificates in this PEM file instead of the system store (implies --tls)'
            cand --sni 'Server name to send (SNI) and check the certificate against (implies --tls) [default: the host as given]'
            cand --warn-days 'Fail when the certificate expires within N days (implies --tls) [default: 14, config net.warn_days]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand --open 'Scan mode: list only open ports; pass when any port is open'
            cand --all 'List every closed port in the table and Markdown too (more than 5 closed on a host are one "not shown" line; JSON and CSV always have every port)'
            cand --tls 'Inspect the TLS certificate on open ports: chain, name, expiry'
            cand -4 'Use IPv4 addresses of host names only'
            cand -6 'Use IPv6 addresses of host names only'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;net;check'= {
            cand -s 'Ask this DNS server instead of the system resolver'
            cand --server 'Ask this DNS server instead of the system resolver'
            cand -c 'Echo requests to send'
            cand --count 'Echo requests to send'
            cand --ca 'Trust the CA certificates in this PEM file instead of the system store (implies --tls)'
            cand --sni 'Server name to send (SNI) and check the certificate against (implies --tls) [default: the host as given]'
            cand --warn-days 'Fail when the certificate expires within N days (implies --tls) [default: 14, config net.warn_days]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand --tls 'Inspect the TLS certificate on open ports: chain, name, expiry'
            cand -4 'Use IPv4 addresses of host names only'
            cand -6 'Use IPv6 addresses of host names only'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;net;help'= {
            cand ping 'ICMP echo to many hosts at once, with loss and round-trip statistics'
            cand dns 'DNS lookups of any record type, against one or several servers'
            cand port 'TCP port checks and scans, with TLS certificate inspection'
            cand check 'Why can''t the user reach X? DNS -> ping -> TCP -> TLS, with a verdict'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;net;help;ping'= {
        }
        &'deskhand;net;help;dns'= {
        }
        &'deskhand;net;help;port'= {
        }
        &'deskhand;net;help;check'= {
        }
        &'deskhand;net;help;help'= {
        }
        &'deskhand;inventory'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Installed packages of every package system found (dpkg, rpm, apk, pacman, flatpak, snap, brew)'
            cand show 'One package in every source that has it, with its details'
            cand facts 'This machine: host, OS, kernel, CPU, memory, disks, uptime, interfaces, logged-in users'
            cand check 'Check this machine against a baseline file: required and forbidden packages, free disk and memory'
            cand snapshot 'Save the package list to FILE (JSON) for a later `inventory diff`'
            cand diff 'What changed between two snapshots, or between a snapshot and now'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;inventory;list'= {
            cand -s 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]'
            cand --source 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;inventory;show'= {
            cand -s 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]'
            cand --source 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;inventory;facts'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;inventory;check'= {
            cand -s 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]'
            cand --source 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;inventory;snapshot'= {
            cand -s 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]'
            cand --source 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;inventory;diff'= {
            cand -s 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]'
            cand --source 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;inventory;help'= {
            cand list 'Installed packages of every package system found (dpkg, rpm, apk, pacman, flatpak, snap, brew)'
            cand show 'One package in every source that has it, with its details'
            cand facts 'This machine: host, OS, kernel, CPU, memory, disks, uptime, interfaces, logged-in users'
            cand check 'Check this machine against a baseline file: required and forbidden packages, free disk and memory'
            cand snapshot 'Save the package list to FILE (JSON) for a later `inventory diff`'
            cand diff 'What changed between two snapshots, or between a snapshot and now'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;inventory;help;list'= {
        }
        &'deskhand;inventory;help;show'= {
        }
        &'deskhand;inventory;help;facts'= {
        }
        &'deskhand;inventory;help;check'= {
        }
        &'deskhand;inventory;help;snapshot'= {
        }
        &'deskhand;inventory;help;diff'= {
        }
        &'deskhand;inventory;help;help'= {
        }
        &'deskhand;runbook'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'The runbooks in ./runbooks and ~/.config/deskhand/runbooks, with their descriptions'
            cand show 'A runbook''s parameters and steps, as documentation'
            cand validate 'Check runbooks without running anything: YAML shape, every step through the real parser, templates, references'
            cand run 'Validate, then run a runbook step by step, with a report to paste into the ticket'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;runbook;list'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;runbook;show'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;runbook;validate'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;runbook;run'= {
            cand -p 'A parameter value (repeat for more); lists are comma-separated. A secret param is never given here: it is asked for without echo, or read from DESKHAND_PARAM_<NAME>'
            cand --param 'A parameter value (repeat for more); lists are comma-separated. A secret param is never given here: it is asked for without echo, or read from DESKHAND_PARAM_<NAME>'
            cand --ticket 'Ticket number, passed to every changing step for the audit trail'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -n 'Run the read-only steps; show what the changing steps would change'
            cand --dry-run 'Run the read-only steps; show what the changing steps would change'
            cand -y 'Answer yes to the steps that ask for confirmation'
            cand --yes 'Answer yes to the steps that ask for confirmation'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;runbook;help'= {
            cand list 'The runbooks in ./runbooks and ~/.config/deskhand/runbooks, with their descriptions'
            cand show 'A runbook''s parameters and steps, as documentation'
            cand validate 'Check runbooks without running anything: YAML shape, every step through the real parser, templates, references'
            cand run 'Validate, then run a runbook step by step, with a report to paste into the ticket'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;runbook;help;list'= {
        }
        &'deskhand;runbook;help;show'= {
        }
        &'deskhand;runbook;help;validate'= {
        }
        &'deskhand;runbook;help;run'= {
        }
        &'deskhand;runbook;help;help'= {
        }
        &'deskhand;fleet'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand report 'One report from the per-host results a playbook of the deskhand.helpdesk collection saved'
            cand module 'What the Ansible module runs on each target (options as JSON on stdin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;fleet;report'= {
            cand --save 'Also write DIR/hosts/HOST.json (the results) and DIR/report.md, .json and .csv'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;fleet;module'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;fleet;help'= {
            cand report 'One report from the per-host results a playbook of the deskhand.helpdesk collection saved'
            cand module 'What the Ansible module runs on each target (options as JSON on stdin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;fleet;help;report'= {
        }
        &'deskhand;fleet;help;module'= {
        }
        &'deskhand;fleet;help;help'= {
        }
        &'deskhand;generate'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), or write one page per command into a directory'
            cand schemas 'Print the JSON Schema of every report (one object by schema name), or write NAME.json files into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;generate;completions'= {
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;generate;man'= {
            cand --dir 'Write deskhand.1, deskhand-net.1, deskhand-net-ping.1, ... into DIR'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;generate;schemas'= {
            cand --dir 'Write deskhand.net.ping.v1.json, ... into DIR'
            cand -o 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --output 'Output format [default: table; env: DESKHAND_OUTPUT]'
            cand --color 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]'
            cand --timeout 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)'
            cand -q 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand --quiet 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'deskhand;generate;help'= {
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), or write one page per command into a directory'
            cand schemas 'Print the JSON Schema of every report (one object by schema name), or write NAME.json files into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;generate;help;completions'= {
        }
        &'deskhand;generate;help;man'= {
        }
        &'deskhand;generate;help;schemas'= {
        }
        &'deskhand;generate;help;help'= {
        }
        &'deskhand;help'= {
            cand account 'Directory accounts on OpenLDAP (ppolicy), Active Directory and 389-ds: status, search, unlock, reset, disable, groups, create, offboard'
            cand diagnose 'A ticket in one run: each user''s status card (every DC) and groups, each host''s triage; findings worst first with the command that fixes each, as a ticket note'
            cand net 'Network diagnostics: ping, DNS, TCP ports and TLS, and a one-shot triage'
            cand inventory 'Installed software and system facts: list, show, facts, baseline checks, snapshots and diffs'
            cand runbook 'YAML runbooks: checklists of deskhand commands, validated first, with a report for the ticket'
            cand fleet 'Many machines through Ansible: the fleet report of a playbook''s per-host results'
            cand generate 'Shell completions and the man page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'deskhand;help;account'= {
            cand show 'The account''s status card: locked, disabled, expiry, must-change, failures, groups'
            cand find 'Search accounts by login, name or mail (substring)'
            cand locked 'Every account that is locked now (disabled and built-in ones only with --all)'
            cand expiring 'Accounts whose password expires within N days (disabled and built-in ones only with --all)'
            cand expired 'Accounts whose password has expired (disabled and built-in ones only with --all)'
            cand reset 'Set a temporary password (must change at next logon) and unlock'
            cand unlock 'Clear the lock and the failure count so the user can log in again (a disabled account needs enable)'
            cand disable 'Disable accounts (OpenLDAP: a permanent lock, or pwdEndTime with disable_method: end_time; AD: userAccountControl 0x2; 389-ds: nsAccountLock)'
            cand enable 'Enable disabled accounts'
            cand expire 'Set or remove the day an account stops working (contractors): AD accountExpires; OpenLDAP pwdEndTime; 389-ds shadowExpire'
            cand groups 'The groups an account belongs to: direct, and inherited through nested groups (with the path)'
            cand group 'Add an account to groups, or remove it'
            cand create 'Create an account from a template: a temporary password (must change), the template''s groups'
            cand onboard 'Create many accounts from a CSV file (header row: first,last[,login][,mail][,copy_from]...)'
            cand offboard 'Disable, leave every group (AD: not the primary one), describe, move to the profile''s disabled: OU, with an undo record'
            cand restore 'Put an offboarded account back from its undo record: DN, attributes, groups (not a password offboard reset)'
        }
        &'deskhand;help;account;show'= {
        }
        &'deskhand;help;account;find'= {
        }
        &'deskhand;help;account;locked'= {
        }
        &'deskhand;help;account;expiring'= {
        }
        &'deskhand;help;account;expired'= {
        }
        &'deskhand;help;account;reset'= {
        }
        &'deskhand;help;account;unlock'= {
        }
        &'deskhand;help;account;disable'= {
        }
        &'deskhand;help;account;enable'= {
        }
        &'deskhand;help;account;expire'= {
        }
        &'deskhand;help;account;groups'= {
        }
        &'deskhand;help;account;group'= {
            cand add 'Add USER to each GROUP (groupOfNames, groupOfUniqueNames, posixGroup; AD: group)'
            cand remove 'Remove USER from each GROUP'
        }
        &'deskhand;help;account;group;add'= {
        }
        &'deskhand;help;account;group;remove'= {
        }
        &'deskhand;help;account;create'= {
        }
        &'deskhand;help;account;onboard'= {
        }
        &'deskhand;help;account;offboard'= {
        }
        &'deskhand;help;account;restore'= {
        }
        &'deskhand;help;diagnose'= {
        }
        &'deskhand;help;net'= {
            cand ping 'ICMP echo to many hosts at once, with loss and round-trip statistics'
            cand dns 'DNS lookups of any record type, against one or several servers'
            cand port 'TCP port checks and scans, with TLS certificate inspection'
            cand check 'Why can''t the user reach X? DNS -> ping -> TCP -> TLS, with a verdict'
        }
        &'deskhand;help;net;ping'= {
        }
        &'deskhand;help;net;dns'= {
        }
        &'deskhand;help;net;port'= {
        }
        &'deskhand;help;net;check'= {
        }
        &'deskhand;help;inventory'= {
            cand list 'Installed packages of every package system found (dpkg, rpm, apk, pacman, flatpak, snap, brew)'
            cand show 'One package in every source that has it, with its details'
            cand facts 'This machine: host, OS, kernel, CPU, memory, disks, uptime, interfaces, logged-in users'
            cand check 'Check this machine against a baseline file: required and forbidden packages, free disk and memory'
            cand snapshot 'Save the package list to FILE (JSON) for a later `inventory diff`'
            cand diff 'What changed between two snapshots, or between a snapshot and now'
        }
        &'deskhand;help;inventory;list'= {
        }
        &'deskhand;help;inventory;show'= {
        }
        &'deskhand;help;inventory;facts'= {
        }
        &'deskhand;help;inventory;check'= {
        }
        &'deskhand;help;inventory;snapshot'= {
        }
        &'deskhand;help;inventory;diff'= {
        }
        &'deskhand;help;runbook'= {
            cand list 'The runbooks in ./runbooks and ~/.config/deskhand/runbooks, with their descriptions'
            cand show 'A runbook''s parameters and steps, as documentation'
            cand validate 'Check runbooks without running anything: YAML shape, every step through the real parser, templates, references'
            cand run 'Validate, then run a runbook step by step, with a report to paste into the ticket'
        }
        &'deskhand;help;runbook;list'= {
        }
        &'deskhand;help;runbook;show'= {
        }
        &'deskhand;help;runbook;validate'= {
        }
        &'deskhand;help;runbook;run'= {
        }
        &'deskhand;help;fleet'= {
            cand report 'One report from the per-host results a playbook of the deskhand.helpdesk collection saved'
            cand module 'What the Ansible module runs on each target (options as JSON on stdin)'
        }
        &'deskhand;help;fleet;report'= {
        }
        &'deskhand;help;fleet;module'= {
        }
        &'deskhand;help;generate'= {
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), or write one page per command into a directory'
            cand schemas 'Print the JSON Schema of every report (one object by schema name), or write NAME.json files into a directory'
        }
        &'deskhand;help;generate;completions'= {
        }
        &'deskhand;help;generate;man'= {
        }
        &'deskhand;help;generate;schemas'= {
        }
        &'deskhand;help;help'= {
        }
    ]
    $completions[$command]
}
