# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_deskhand_global_optspecs
    string join \n o/output= color= q/quiet config= timeout= h/help V/version
end

function __fish_deskhand_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_deskhand_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_deskhand_using_subcommand
    set -l cmd (__fish_deskhand_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c deskhand -n "__fish_deskhand_needs_command" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_needs_command" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_needs_command" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_needs_command" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_needs_command" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_needs_command" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_needs_command" -f -a "account" -d 'Directory accounts on OpenLDAP (ppolicy), Active Directory and 389-ds: status, search, unlock, reset, disable, groups, create, offboard'
complete -c deskhand -n "__fish_deskhand_needs_command" -f -a "diagnose" -d 'A ticket in one run: each user\'s status card (every DC) and groups, each host\'s triage; findings worst first with the command that fixes each, as a ticket note'
complete -c deskhand -n "__fish_deskhand_needs_command" -f -a "net" -d 'Network diagnostics: ping, DNS, TCP ports and TLS, and a one-shot triage'
complete -c deskhand -n "__fish_deskhand_needs_command" -f -a "inventory" -d 'Installed software and system facts: list, show, facts, baseline checks, snapshots and diffs'
complete -c deskhand -n "__fish_deskhand_needs_command" -f -a "runbook" -d 'YAML runbooks: checklists of deskhand commands, validated first, with a report for the ticket'
complete -c deskhand -n "__fish_deskhand_needs_command" -f -a "fleet" -d 'Many machines through Ansible: the fleet report of a playbook\'s per-host results'
complete -c deskhand -n "__fish_deskhand_needs_command" -f -a "generate" -d 'Shell completions and the man page'
complete -c deskhand -n "__fish_deskhand_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "show" -d 'The account\'s status card: locked, disabled, expiry, must-change, failures, groups'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "find" -d 'Search accounts by login, name or mail (substring)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "locked" -d 'Every account that is locked now (disabled and built-in ones only with --all)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "expiring" -d 'Accounts whose password expires within N days (disabled and built-in ones only with --all)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "expired" -d 'Accounts whose password has expired (disabled and built-in ones only with --all)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "reset" -d 'Set a temporary password (must change at next logon) and unlock'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "unlock" -d 'Clear the lock and the failure count so the user can log in again (a disabled account needs enable)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "disable" -d 'Disable accounts (OpenLDAP: a permanent lock, or pwdEndTime with disable_method: end_time; AD: userAccountControl 0x2; 389-ds: nsAccountLock)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "enable" -d 'Enable disabled accounts'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "expire" -d 'Set or remove the day an account stops working (contractors): AD accountExpires; OpenLDAP pwdEndTime; 389-ds shadowExpire'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "groups" -d 'The groups an account belongs to: direct, and inherited through nested groups (with the path)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "group" -d 'Add an account to groups, or remove it'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "create" -d 'Create an account from a template: a temporary password (must change), the template\'s groups'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "onboard" -d 'Create many accounts from a CSV file (header row: first,last[,login][,mail][,copy_from]...)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "offboard" -d 'Disable, leave every group (AD: not the primary one), describe, move to the profile\'s disabled: OU, with an undo record'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "restore" -d 'Put an offboarded account back from its undo record: DN, attributes, groups (not a password offboard reset)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and not __fish_seen_subcommand_from show find locked expiring expired reset unlock disable enable expire groups group create onboard offboard restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from show" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from show" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from show" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from show" -l all-servers -d 'Also ask every server of the profile (`servers:`): lock state, failure count and last logon per server, side by side (AD counts them per domain controller)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from find" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from find" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from find" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from find" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from find" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from find" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from find" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from find" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from locked" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from locked" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from locked" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from locked" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from locked" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from locked" -l all -d 'Also list disabled accounts and the directory\'s built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from locked" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from locked" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from locked" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expiring" -l days -d 'Days ahead' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expiring" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expiring" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expiring" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expiring" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expiring" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expiring" -l all -d 'Also list disabled accounts and the directory\'s built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expiring" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expiring" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expiring" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expired" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expired" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expired" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expired" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expired" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expired" -l all -d 'Also list disabled accounts and the directory\'s built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expired" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expired" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expired" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -s f -l file -d 'Read users from FILE, one per line (\'-\' for standard input)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -l password-file -d 'Set the password in FILE instead of a generated one (one user only)' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -l password-out -d 'Write a generated password to FILE (a new file, mode 0600) instead of the terminal; with several users, one "login<TAB>password" line each' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -l ticket -d 'Ticket number for the audit trail' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -l reason -d 'Why, for the audit trail (e.g. "left the company")' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -l ask -d 'Ask for the password on the terminal instead of generating one (one user only)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -l keep-lock -d 'Leave a lock in place'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -s n -l dry-run -d 'Show the exact LDAP modifications; change nothing'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -s f -l file -d 'Read users from FILE, one per line (\'-\' for standard input)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -l ticket -d 'Ticket number for the audit trail' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -l reason -d 'Why, for the audit trail (e.g. "left the company")' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -s n -l dry-run -d 'Show the exact LDAP modifications; change nothing'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -l all-servers -d 'Unlock on every server of the profile (`servers:`), not only the first: AD counts failures per domain controller, and an unlock replicated from another DC leaves them'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from unlock" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -s f -l file -d 'Read users from FILE, one per line (\'-\' for standard input)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -l ticket -d 'Ticket number for the audit trail' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -l reason -d 'Why, for the audit trail (e.g. "left the company")' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -s n -l dry-run -d 'Show the exact LDAP modifications; change nothing'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -s f -l file -d 'Read users from FILE, one per line (\'-\' for standard input)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -l ticket -d 'Ticket number for the audit trail' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -l reason -d 'Why, for the audit trail (e.g. "left the company")' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -s n -l dry-run -d 'Show the exact LDAP modifications; change nothing'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -l on -d 'When the account stops working: YYYY-MM-DD (00:00 UTC), YYYY-MM-DDTHH:MM:SSZ, or never' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -s f -l file -d 'Read users from FILE, one per line (\'-\' for standard input)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -l ticket -d 'Ticket number for the audit trail' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -l reason -d 'Why, for the audit trail (e.g. "left the company")' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -s n -l dry-run -d 'Show the exact LDAP modifications; change nothing'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from expire" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from groups" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from groups" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from groups" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from groups" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from groups" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from groups" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from groups" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from groups" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from group" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from group" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from group" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from group" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from group" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from group" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from group" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from group" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from group" -f -a "add" -d 'Add USER to each GROUP (groupOfNames, groupOfUniqueNames, posixGroup; AD: group)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from group" -f -a "remove" -d 'Remove USER from each GROUP'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from group" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -l first -d 'First name' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -l last -d 'Last name' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -l mail -d 'Mail address' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -s t -l template -d 'A template of the profile (templates: in the config), or a template YAML file' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -l copy-from -d 'Copy the groups of this colleague' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -l set -d 'A value for another placeholder of the template, e.g. --set dept=Sales' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -l password-out -d 'Write the temporary password to FILE (a new file, mode 0600) instead of the terminal' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -l ticket -d 'Ticket number for the audit trail' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -l reason -d 'Why, for the audit trail (e.g. "left the company")' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -s n -l dry-run -d 'Show the exact LDAP modifications; change nothing'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -s f -l file -d 'The CSV file (\'-\' for standard input)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -s t -l template -d 'A template of the profile, or a template YAML file' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -l password-out -d 'Write the temporary passwords ("login<TAB>password" lines) to FILE (new, mode 0600)' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -l ticket -d 'Ticket number for the audit trail' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -l reason -d 'Why, for the audit trail (e.g. "left the company")' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -s n -l dry-run -d 'Show the exact LDAP modifications; change nothing'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from onboard" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -l ticket -d 'Ticket number for the audit trail' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -l reason -d 'Why, for the audit trail (e.g. "left the company")' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -l reset-password -d 'Also set a random password nobody knows'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -s y -l yes -d 'Do it without asking'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -s n -l dry-run -d 'Show the exact LDAP modifications; change nothing'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from offboard" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from restore" -l ticket -d 'Ticket number for the audit trail' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from restore" -l reason -d 'Why, for the audit trail (e.g. "left the company")' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from restore" -s D -l directory -d 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from restore" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from restore" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from restore" -s n -l dry-run -d 'Show the exact LDAP modifications; change nothing'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "show" -d 'The account\'s status card: locked, disabled, expiry, must-change, failures, groups'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "find" -d 'Search accounts by login, name or mail (substring)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "locked" -d 'Every account that is locked now (disabled and built-in ones only with --all)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "expiring" -d 'Accounts whose password expires within N days (disabled and built-in ones only with --all)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "expired" -d 'Accounts whose password has expired (disabled and built-in ones only with --all)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Set a temporary password (must change at next logon) and unlock'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Clear the lock and the failure count so the user can log in again (a disabled account needs enable)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Disable accounts (OpenLDAP: a permanent lock, or pwdEndTime with disable_method: end_time; AD: userAccountControl 0x2; 389-ds: nsAccountLock)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable disabled accounts'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "expire" -d 'Set or remove the day an account stops working (contractors): AD accountExpires; OpenLDAP pwdEndTime; 389-ds shadowExpire'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "groups" -d 'The groups an account belongs to: direct, and inherited through nested groups (with the path)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "group" -d 'Add an account to groups, or remove it'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an account from a template: a temporary password (must change), the template\'s groups'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "onboard" -d 'Create many accounts from a CSV file (header row: first,last[,login][,mail][,copy_from]...)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "offboard" -d 'Disable, leave every group (AD: not the primary one), describe, move to the profile\'s disabled: OU, with an undo record'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Put an offboarded account back from its undo record: DN, attributes, groups (not a password offboard reset)'
complete -c deskhand -n "__fish_deskhand_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -s u -l user -d 'A user of the ticket (login, user@domain or DN); repeat for several' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -l host -d 'A host of the ticket: HOST, HOST:PORT or a URL; repeat for several' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -l ca -d 'Trust the CA certificates in this PEM file instead of the system store (implies --tls)' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -l sni -d 'Server name to send (SNI) and check the certificate against (implies --tls) [default: the host as given]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -l warn-days -d 'Fail when the certificate expires within N days (implies --tls) [default: 14, config net.warn_days]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -l ticket -d 'Ticket number: the note\'s heading, and the fix commands carry it' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -l directory -d 'Directory profile for the users (default: default_directory, or the only one)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -l tls -d 'Inspect the TLS certificate on open ports: chain, name, expiry'
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand diagnose" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -f -a "ping" -d 'ICMP echo to many hosts at once, with loss and round-trip statistics'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -f -a "dns" -d 'DNS lookups of any record type, against one or several servers'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -f -a "port" -d 'TCP port checks and scans, with TLS certificate inspection'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -f -a "check" -d 'Why can\'t the user reach X? DNS -> ping -> TCP -> TLS, with a verdict'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and not __fish_seen_subcommand_from ping dns port check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -s f -l file -d 'Read targets from FILE, one per line (\'-\' for standard input)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -s c -l count -d 'Echo requests per target' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -s i -l interval -d 'Time between echoes to the same target' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -s W -l wait -d 'Time to wait for each reply [default: --timeout]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -s s -l size -d 'Payload size in bytes' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -l rate -d 'Packets per second across all targets, 0 for no limit [default: 5000, config net.ping_rate]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -l min-alive -d 'Pass when at least N targets answer (default: all must)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -l alive -d 'List only targets that answered'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -l dead -d 'List only targets that did not answer'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -s 4 -d 'Use IPv4 addresses of host names only'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -s 6 -d 'Use IPv6 addresses of host names only'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from ping" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -s f -l file -d 'Read names from FILE, one per line (\'-\' for standard input)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -s t -l type -d 'Record types: A, AAAA, CNAME, MX, NS, SOA, TXT, SRV, PTR, CAA, ... or \'all\' [default: A]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -s s -l server -d 'DNS server IP[:PORT]; repeat to compare servers [default: config net.dns_servers, else the system resolver: resolv.conf, hosts, search list]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -l concurrency -d 'Queries in flight at most: to each server, 128 at first, twice as many each round trip while no answer needs a second asking, half on one that does' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -l tcp -d 'Query over TCP instead of UDP'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from dns" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -s f -l file -d 'Read targets from FILE, one per line (\'-\' for standard input)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -s p -l ports -d 'Ports for targets without one: 22,80,443 or 1-1024' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -l concurrency -d 'Connects in flight at once (capped below the open-file limit)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -l ca -d 'Trust the CA certificates in this PEM file instead of the system store (implies --tls)' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -l sni -d 'Server name to send (SNI) and check the certificate against (implies --tls) [default: the host as given]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -l warn-days -d 'Fail when the certificate expires within N days (implies --tls) [default: 14, config net.warn_days]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -l open -d 'Scan mode: list only open ports; pass when any port is open'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -l all -d 'List every closed port in the table and Markdown too (more than 5 closed on a host are one "not shown" line; JSON and CSV always have every port)'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -l tls -d 'Inspect the TLS certificate on open ports: chain, name, expiry'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -s 4 -d 'Use IPv4 addresses of host names only'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -s 6 -d 'Use IPv6 addresses of host names only'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from port" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -s s -l server -d 'Ask this DNS server instead of the system resolver' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -s c -l count -d 'Echo requests to send' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -l ca -d 'Trust the CA certificates in this PEM file instead of the system store (implies --tls)' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -l sni -d 'Server name to send (SNI) and check the certificate against (implies --tls) [default: the host as given]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -l warn-days -d 'Fail when the certificate expires within N days (implies --tls) [default: 14, config net.warn_days]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -l tls -d 'Inspect the TLS certificate on open ports: chain, name, expiry'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -s 4 -d 'Use IPv4 addresses of host names only'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -s 6 -d 'Use IPv6 addresses of host names only'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from help" -f -a "ping" -d 'ICMP echo to many hosts at once, with loss and round-trip statistics'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from help" -f -a "dns" -d 'DNS lookups of any record type, against one or several servers'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from help" -f -a "port" -d 'TCP port checks and scans, with TLS certificate inspection'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from help" -f -a "check" -d 'Why can\'t the user reach X? DNS -> ping -> TCP -> TLS, with a verdict'
complete -c deskhand -n "__fish_deskhand_using_subcommand net; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -f -a "list" -d 'Installed packages of every package system found (dpkg, rpm, apk, pacman, flatpak, snap, brew)'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -f -a "show" -d 'One package in every source that has it, with its details'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -f -a "facts" -d 'This machine: host, OS, kernel, CPU, memory, disks, uptime, interfaces, logged-in users'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -f -a "check" -d 'Check this machine against a baseline file: required and forbidden packages, free disk and memory'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -f -a "snapshot" -d 'Save the package list to FILE (JSON) for a later `inventory diff`'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -f -a "diff" -d 'What changed between two snapshots, or between a snapshot and now'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and not __fish_seen_subcommand_from list show facts check snapshot diff help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from list" -s s -l source -d 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots\' sources]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from list" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from list" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from show" -s s -l source -d 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots\' sources]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from show" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from show" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from facts" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from facts" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from facts" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from facts" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from facts" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from facts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from facts" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from check" -s s -l source -d 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots\' sources]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from check" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from check" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from check" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from snapshot" -s s -l source -d 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots\' sources]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from snapshot" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from snapshot" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from snapshot" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from snapshot" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from snapshot" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from snapshot" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from snapshot" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from diff" -s s -l source -d 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots\' sources]' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from diff" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "list" -d 'Installed packages of every package system found (dpkg, rpm, apk, pacman, flatpak, snap, brew)'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "show" -d 'One package in every source that has it, with its details'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "facts" -d 'This machine: host, OS, kernel, CPU, memory, disks, uptime, interfaces, logged-in users'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check this machine against a baseline file: required and forbidden packages, free disk and memory'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "snapshot" -d 'Save the package list to FILE (JSON) for a later `inventory diff`'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "diff" -d 'What changed between two snapshots, or between a snapshot and now'
complete -c deskhand -n "__fish_deskhand_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -f -a "list" -d 'The runbooks in ./runbooks and ~/.config/deskhand/runbooks, with their descriptions'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -f -a "show" -d 'A runbook\'s parameters and steps, as documentation'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -f -a "validate" -d 'Check runbooks without running anything: YAML shape, every step through the real parser, templates, references'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -f -a "run" -d 'Validate, then run a runbook step by step, with a report to paste into the ticket'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from list" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from list" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from show" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from show" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from validate" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from validate" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from run" -s p -l param -d 'A parameter value (repeat for more); lists are comma-separated. A secret param is never given here: it is asked for without echo, or read from DESKHAND_PARAM_<NAME>' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from run" -l ticket -d 'Ticket number, passed to every changing step for the audit trail' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from run" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from run" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from run" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from run" -s n -l dry-run -d 'Run the read-only steps; show what the changing steps would change'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from run" -s y -l yes -d 'Answer yes to the steps that ask for confirmation'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from run" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "list" -d 'The runbooks in ./runbooks and ~/.config/deskhand/runbooks, with their descriptions'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "show" -d 'A runbook\'s parameters and steps, as documentation'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check runbooks without running anything: YAML shape, every step through the real parser, templates, references'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "run" -d 'Validate, then run a runbook step by step, with a report to paste into the ticket'
complete -c deskhand -n "__fish_deskhand_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and not __fish_seen_subcommand_from report module help" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and not __fish_seen_subcommand_from report module help" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and not __fish_seen_subcommand_from report module help" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and not __fish_seen_subcommand_from report module help" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and not __fish_seen_subcommand_from report module help" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and not __fish_seen_subcommand_from report module help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and not __fish_seen_subcommand_from report module help" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and not __fish_seen_subcommand_from report module help" -f -a "report" -d 'One report from the per-host results a playbook of the deskhand.helpdesk collection saved'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and not __fish_seen_subcommand_from report module help" -f -a "module" -d 'What the Ansible module runs on each target (options as JSON on stdin)'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and not __fish_seen_subcommand_from report module help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from report" -l save -d 'Also write DIR/hosts/HOST.json (the results) and DIR/report.md, .json and .csv' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from report" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from report" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from report" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from report" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from report" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from report" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from module" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from module" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from module" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from module" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from module" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from module" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from module" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from help" -f -a "report" -d 'One report from the per-host results a playbook of the deskhand.helpdesk collection saved'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from help" -f -a "module" -d 'What the Ansible module runs on each target (options as JSON on stdin)'
complete -c deskhand -n "__fish_deskhand_using_subcommand fleet; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and not __fish_seen_subcommand_from completions man schemas help" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and not __fish_seen_subcommand_from completions man schemas help" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and not __fish_seen_subcommand_from completions man schemas help" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and not __fish_seen_subcommand_from completions man schemas help" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and not __fish_seen_subcommand_from completions man schemas help" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and not __fish_seen_subcommand_from completions man schemas help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and not __fish_seen_subcommand_from completions man schemas help" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and not __fish_seen_subcommand_from completions man schemas help" -f -a "completions" -d 'Print a shell completion script'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and not __fish_seen_subcommand_from completions man schemas help" -f -a "man" -d 'Print the man page (roff), or write one page per command into a directory'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and not __fish_seen_subcommand_from completions man schemas help" -f -a "schemas" -d 'Print the JSON Schema of every report (one object by schema name), or write NAME.json files into a directory'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and not __fish_seen_subcommand_from completions man schemas help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from completions" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from completions" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from completions" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from completions" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from completions" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from completions" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from man" -l dir -d 'Write deskhand.1, deskhand-net.1, deskhand-net-ping.1, ... into DIR' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from man" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from man" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from man" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from man" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from man" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from man" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from schemas" -l dir -d 'Write deskhand.net.ping.v1.json, ... into DIR' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from schemas" -s o -l output -d 'Output format [default: table; env: DESKHAND_OUTPUT]' -r -f -a "table\t'A table for people'
json\t'One JSON document with a `schema` field'
markdown\t'Markdown, to paste into a ticket'
csv\t'CSV of the tables, for spreadsheets'"
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from schemas" -l color -d 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from schemas" -l config -d 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]' -r -F
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from schemas" -l timeout -d 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile\'s own timeout: wins)' -r
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from schemas" -s q -l quiet -d 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from schemas" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from schemas" -s V -l version -d 'Print version'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "completions" -d 'Print a shell completion script'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "man" -d 'Print the man page (roff), or write one page per command into a directory'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "schemas" -d 'Print the JSON Schema of every report (one object by schema name), or write NAME.json files into a directory'
complete -c deskhand -n "__fish_deskhand_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and not __fish_seen_subcommand_from account diagnose net inventory runbook fleet generate help" -f -a "account" -d 'Directory accounts on OpenLDAP (ppolicy), Active Directory and 389-ds: status, search, unlock, reset, disable, groups, create, offboard'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and not __fish_seen_subcommand_from account diagnose net inventory runbook fleet generate help" -f -a "diagnose" -d 'A ticket in one run: each user\'s status card (every DC) and groups, each host\'s triage; findings worst first with the command that fixes each, as a ticket note'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and not __fish_seen_subcommand_from account diagnose net inventory runbook fleet generate help" -f -a "net" -d 'Network diagnostics: ping, DNS, TCP ports and TLS, and a one-shot triage'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and not __fish_seen_subcommand_from account diagnose net inventory runbook fleet generate help" -f -a "inventory" -d 'Installed software and system facts: list, show, facts, baseline checks, snapshots and diffs'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and not __fish_seen_subcommand_from account diagnose net inventory runbook fleet generate help" -f -a "runbook" -d 'YAML runbooks: checklists of deskhand commands, validated first, with a report for the ticket'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and not __fish_seen_subcommand_from account diagnose net inventory runbook fleet generate help" -f -a "fleet" -d 'Many machines through Ansible: the fleet report of a playbook\'s per-host results'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and not __fish_seen_subcommand_from account diagnose net inventory runbook fleet generate help" -f -a "generate" -d 'Shell completions and the man page'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and not __fish_seen_subcommand_from account diagnose net inventory runbook fleet generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "show" -d 'The account\'s status card: locked, disabled, expiry, must-change, failures, groups'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "find" -d 'Search accounts by login, name or mail (substring)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "locked" -d 'Every account that is locked now (disabled and built-in ones only with --all)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "expiring" -d 'Accounts whose password expires within N days (disabled and built-in ones only with --all)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "expired" -d 'Accounts whose password has expired (disabled and built-in ones only with --all)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "reset" -d 'Set a temporary password (must change at next logon) and unlock'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "unlock" -d 'Clear the lock and the failure count so the user can log in again (a disabled account needs enable)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "disable" -d 'Disable accounts (OpenLDAP: a permanent lock, or pwdEndTime with disable_method: end_time; AD: userAccountControl 0x2; 389-ds: nsAccountLock)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "enable" -d 'Enable disabled accounts'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "expire" -d 'Set or remove the day an account stops working (contractors): AD accountExpires; OpenLDAP pwdEndTime; 389-ds shadowExpire'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "groups" -d 'The groups an account belongs to: direct, and inherited through nested groups (with the path)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "group" -d 'Add an account to groups, or remove it'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "create" -d 'Create an account from a template: a temporary password (must change), the template\'s groups'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "onboard" -d 'Create many accounts from a CSV file (header row: first,last[,login][,mail][,copy_from]...)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "offboard" -d 'Disable, leave every group (AD: not the primary one), describe, move to the profile\'s disabled: OU, with an undo record'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "restore" -d 'Put an offboarded account back from its undo record: DN, attributes, groups (not a password offboard reset)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from net" -f -a "ping" -d 'ICMP echo to many hosts at once, with loss and round-trip statistics'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from net" -f -a "dns" -d 'DNS lookups of any record type, against one or several servers'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from net" -f -a "port" -d 'TCP port checks and scans, with TLS certificate inspection'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from net" -f -a "check" -d 'Why can\'t the user reach X? DNS -> ping -> TCP -> TLS, with a verdict'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "list" -d 'Installed packages of every package system found (dpkg, rpm, apk, pacman, flatpak, snap, brew)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "show" -d 'One package in every source that has it, with its details'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "facts" -d 'This machine: host, OS, kernel, CPU, memory, disks, uptime, interfaces, logged-in users'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "check" -d 'Check this machine against a baseline file: required and forbidden packages, free disk and memory'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "snapshot" -d 'Save the package list to FILE (JSON) for a later `inventory diff`'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "diff" -d 'What changed between two snapshots, or between a snapshot and now'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "list" -d 'The runbooks in ./runbooks and ~/.config/deskhand/runbooks, with their descriptions'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "show" -d 'A runbook\'s parameters and steps, as documentation'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "validate" -d 'Check runbooks without running anything: YAML shape, every step through the real parser, templates, references'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "run" -d 'Validate, then run a runbook step by step, with a report to paste into the ticket'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from fleet" -f -a "report" -d 'One report from the per-host results a playbook of the deskhand.helpdesk collection saved'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from fleet" -f -a "module" -d 'What the Ansible module runs on each target (options as JSON on stdin)'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "completions" -d 'Print a shell completion script'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "man" -d 'Print the man page (roff), or write one page per command into a directory'
complete -c deskhand -n "__fish_deskhand_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "schemas" -d 'Print the JSON Schema of every report (one object by schema name), or write NAME.json files into a directory'
