
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'deskhand' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'deskhand'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'deskhand' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Directory accounts on OpenLDAP (ppolicy), Active Directory and 389-ds: status, search, unlock, reset, disable, groups, create, offboard')
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'A ticket in one run: each user''s status card (every DC) and groups, each host''s triage; findings worst first with the command that fixes each, as a ticket note')
            [CompletionResult]::new('net', 'net', [CompletionResultType]::ParameterValue, 'Network diagnostics: ping, DNS, TCP ports and TLS, and a one-shot triage')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'Installed software and system facts: list, show, facts, baseline checks, snapshots and diffs')
            [CompletionResult]::new('runbook', 'runbook', [CompletionResultType]::ParameterValue, 'YAML runbooks: checklists of deskhand commands, validated first, with a report for the ticket')
            [CompletionResult]::new('fleet', 'fleet', [CompletionResultType]::ParameterValue, 'Many machines through Ansible: the fleet report of a playbook''s per-host results')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Shell completions and the man page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;account' {
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The account''s status card: locked, disabled, expiry, must-change, failures, groups')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Search accounts by login, name or mail (substring)')
            [CompletionResult]::new('locked', 'locked', [CompletionResultType]::ParameterValue, 'Every account that is locked now (disabled and built-in ones only with --all)')
            [CompletionResult]::new('expiring', 'expiring', [CompletionResultType]::ParameterValue, 'Accounts whose password expires within N days (disabled and built-in ones only with --all)')
            [CompletionResult]::new('expired', 'expired', [CompletionResultType]::ParameterValue, 'Accounts whose password has expired (disabled and built-in ones only with --all)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Set a temporary password (must change at next logon) and unlock')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Clear the lock and the failure count so the user can log in again (a disabled account needs enable)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable accounts (OpenLDAP: a permanent lock, or pwdEndTime with disable_method: end_time; AD: userAccountControl 0x2; 389-ds: nsAccountLock)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable disabled accounts')
            [CompletionResult]::new('expire', 'expire', [CompletionResultType]::ParameterValue, 'Set or remove the day an account stops working (contractors): AD accountExpires; OpenLDAP pwdEndTime; 389-ds shadowExpire')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'The groups an account belongs to: direct, and inherited through nested groups (with the path)')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Add an account to groups, or remove it')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an account from a template: a temporary password (must change), the template''s groups')
            [CompletionResult]::new('onboard', 'onboard', [CompletionResultType]::ParameterValue, 'Create many accounts from a CSV file (header row: first,last[,login][,mail][,copy_from]...)')
            [CompletionResult]::new('offboard', 'offboard', [CompletionResultType]::ParameterValue, 'Disable, leave every group (AD: not the primary one), describe, move to the profile''s disabled: OU, with an undo record')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put an offboarded account back from its undo record: DN, attributes, groups (not a password offboard reset)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;account;show' {
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('--all-servers', '--all-servers', [CompletionResultType]::ParameterName, 'Also ask every server of the profile (`servers:`): lock state, failure count and last logon per server, side by side (AD counts them per domain controller)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;find' {
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;locked' {
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also list disabled accounts and the directory''s built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;expiring' {
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Days ahead')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also list disabled accounts and the directory''s built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;expired' {
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also list disabled accounts and the directory''s built-in ones (AD: Administrator, krbtgt...; OpenLDAP/389: entries that are not a person)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;reset' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read users from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read users from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Set the password in FILE instead of a generated one (one user only)')
            [CompletionResult]::new('--password-out', '--password-out', [CompletionResultType]::ParameterName, 'Write a generated password to FILE (a new file, mode 0600) instead of the terminal; with several users, one "login<TAB>password" line each')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number for the audit trail')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the audit trail (e.g. "left the company")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('--ask', '--ask', [CompletionResultType]::ParameterName, 'Ask for the password on the terminal instead of generating one (one user only)')
            [CompletionResult]::new('--keep-lock', '--keep-lock', [CompletionResultType]::ParameterName, 'Leave a lock in place')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;unlock' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read users from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read users from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number for the audit trail')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the audit trail (e.g. "left the company")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--all-servers', '--all-servers', [CompletionResultType]::ParameterName, 'Unlock on every server of the profile (`servers:`), not only the first: AD counts failures per domain controller, and an unlock replicated from another DC leaves them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;disable' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read users from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read users from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number for the audit trail')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the audit trail (e.g. "left the company")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;enable' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read users from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read users from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number for the audit trail')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the audit trail (e.g. "left the company")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;expire' {
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'When the account stops working: YYYY-MM-DD (00:00 UTC), YYYY-MM-DDTHH:MM:SSZ, or never')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read users from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read users from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number for the audit trail')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the audit trail (e.g. "left the company")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;groups' {
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;group' {
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add USER to each GROUP (groupOfNames, groupOfUniqueNames, posixGroup; AD: group)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove USER from each GROUP')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;account;group;add' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read the users from FILE, one per line (''-'' for standard input); every argument is then a group')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the users from FILE, one per line (''-'' for standard input); every argument is then a group')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number for the audit trail')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the audit trail (e.g. "left the company")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;group;remove' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read the users from FILE, one per line (''-'' for standard input); every argument is then a group')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the users from FILE, one per line (''-'' for standard input); every argument is then a group')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number for the audit trail')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the audit trail (e.g. "left the company")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;group;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add USER to each GROUP (groupOfNames, groupOfUniqueNames, posixGroup; AD: group)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove USER from each GROUP')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;account;group;help;add' {
            break
        }
        'deskhand;account;group;help;remove' {
            break
        }
        'deskhand;account;group;help;help' {
            break
        }
        'deskhand;account;create' {
            [CompletionResult]::new('--first', '--first', [CompletionResultType]::ParameterName, 'First name')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Last name')
            [CompletionResult]::new('--mail', '--mail', [CompletionResultType]::ParameterName, 'Mail address')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A template of the profile (templates: in the config), or a template YAML file')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'A template of the profile (templates: in the config), or a template YAML file')
            [CompletionResult]::new('--copy-from', '--copy-from', [CompletionResultType]::ParameterName, 'Copy the groups of this colleague')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'A value for another placeholder of the template, e.g. --set dept=Sales')
            [CompletionResult]::new('--password-out', '--password-out', [CompletionResultType]::ParameterName, 'Write the temporary password to FILE (a new file, mode 0600) instead of the terminal')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number for the audit trail')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the audit trail (e.g. "left the company")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;onboard' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The CSV file (''-'' for standard input)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The CSV file (''-'' for standard input)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A template of the profile, or a template YAML file')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'A template of the profile, or a template YAML file')
            [CompletionResult]::new('--password-out', '--password-out', [CompletionResultType]::ParameterName, 'Write the temporary passwords ("login<TAB>password" lines) to FILE (new, mode 0600)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number for the audit trail')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the audit trail (e.g. "left the company")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;offboard' {
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number for the audit trail')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the audit trail (e.g. "left the company")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('--reset-password', '--reset-password', [CompletionResultType]::ParameterName, 'Also set a random password nobody knows')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do it without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do it without asking')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;restore' {
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number for the audit trail')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the audit trail (e.g. "left the company")')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile from the config file [default: default_directory, else the only profile; env: DESKHAND_DIRECTORY]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the exact LDAP modifications; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;account;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The account''s status card: locked, disabled, expiry, must-change, failures, groups')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Search accounts by login, name or mail (substring)')
            [CompletionResult]::new('locked', 'locked', [CompletionResultType]::ParameterValue, 'Every account that is locked now (disabled and built-in ones only with --all)')
            [CompletionResult]::new('expiring', 'expiring', [CompletionResultType]::ParameterValue, 'Accounts whose password expires within N days (disabled and built-in ones only with --all)')
            [CompletionResult]::new('expired', 'expired', [CompletionResultType]::ParameterValue, 'Accounts whose password has expired (disabled and built-in ones only with --all)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Set a temporary password (must change at next logon) and unlock')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Clear the lock and the failure count so the user can log in again (a disabled account needs enable)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable accounts (OpenLDAP: a permanent lock, or pwdEndTime with disable_method: end_time; AD: userAccountControl 0x2; 389-ds: nsAccountLock)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable disabled accounts')
            [CompletionResult]::new('expire', 'expire', [CompletionResultType]::ParameterValue, 'Set or remove the day an account stops working (contractors): AD accountExpires; OpenLDAP pwdEndTime; 389-ds shadowExpire')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'The groups an account belongs to: direct, and inherited through nested groups (with the path)')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Add an account to groups, or remove it')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an account from a template: a temporary password (must change), the template''s groups')
            [CompletionResult]::new('onboard', 'onboard', [CompletionResultType]::ParameterValue, 'Create many accounts from a CSV file (header row: first,last[,login][,mail][,copy_from]...)')
            [CompletionResult]::new('offboard', 'offboard', [CompletionResultType]::ParameterValue, 'Disable, leave every group (AD: not the primary one), describe, move to the profile''s disabled: OU, with an undo record')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put an offboarded account back from its undo record: DN, attributes, groups (not a password offboard reset)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;account;help;show' {
            break
        }
        'deskhand;account;help;find' {
            break
        }
        'deskhand;account;help;locked' {
            break
        }
        'deskhand;account;help;expiring' {
            break
        }
        'deskhand;account;help;expired' {
            break
        }
        'deskhand;account;help;reset' {
            break
        }
        'deskhand;account;help;unlock' {
            break
        }
        'deskhand;account;help;disable' {
            break
        }
        'deskhand;account;help;enable' {
            break
        }
        'deskhand;account;help;expire' {
            break
        }
        'deskhand;account;help;groups' {
            break
        }
        'deskhand;account;help;group' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add USER to each GROUP (groupOfNames, groupOfUniqueNames, posixGroup; AD: group)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove USER from each GROUP')
            break
        }
        'deskhand;account;help;group;add' {
            break
        }
        'deskhand;account;help;group;remove' {
            break
        }
        'deskhand;account;help;create' {
            break
        }
        'deskhand;account;help;onboard' {
            break
        }
        'deskhand;account;help;offboard' {
            break
        }
        'deskhand;account;help;restore' {
            break
        }
        'deskhand;account;help;help' {
            break
        }
        'deskhand;diagnose' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'A user of the ticket (login, user@domain or DN); repeat for several')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'A user of the ticket (login, user@domain or DN); repeat for several')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'A host of the ticket: HOST, HOST:PORT or a URL; repeat for several')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file instead of the system store (implies --tls)')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name to send (SNI) and check the certificate against (implies --tls) [default: the host as given]')
            [CompletionResult]::new('--warn-days', '--warn-days', [CompletionResultType]::ParameterName, 'Fail when the certificate expires within N days (implies --tls) [default: 14, config net.warn_days]')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number: the note''s heading, and the fix commands carry it')
            [CompletionResult]::new('--directory', '--directory', [CompletionResultType]::ParameterName, 'Directory profile for the users (default: default_directory, or the only one)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Inspect the TLS certificate on open ports: chain, name, expiry')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;net' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'ICMP echo to many hosts at once, with loss and round-trip statistics')
            [CompletionResult]::new('dns', 'dns', [CompletionResultType]::ParameterValue, 'DNS lookups of any record type, against one or several servers')
            [CompletionResult]::new('port', 'port', [CompletionResultType]::ParameterValue, 'TCP port checks and scans, with TLS certificate inspection')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Why can''t the user reach X? DNS -> ping -> TCP -> TLS, with a verdict')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;net;ping' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read targets from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read targets from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Echo requests per target')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Echo requests per target')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Time between echoes to the same target')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between echoes to the same target')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Time to wait for each reply [default: --timeout]')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Time to wait for each reply [default: --timeout]')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Payload size in bytes')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Payload size in bytes')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Packets per second across all targets, 0 for no limit [default: 5000, config net.ping_rate]')
            [CompletionResult]::new('--min-alive', '--min-alive', [CompletionResultType]::ParameterName, 'Pass when at least N targets answer (default: all must)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('--alive', '--alive', [CompletionResultType]::ParameterName, 'List only targets that answered')
            [CompletionResult]::new('--dead', '--dead', [CompletionResultType]::ParameterName, 'List only targets that did not answer')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 addresses of host names only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 addresses of host names only')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;net;dns' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read names from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read names from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Record types: A, AAAA, CNAME, MX, NS, SOA, TXT, SRV, PTR, CAA, ... or ''all'' [default: A]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Record types: A, AAAA, CNAME, MX, NS, SOA, TXT, SRV, PTR, CAA, ... or ''all'' [default: A]')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'DNS server IP[:PORT]; repeat to compare servers [default: config net.dns_servers, else the system resolver: resolv.conf, hosts, search list]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'DNS server IP[:PORT]; repeat to compare servers [default: config net.dns_servers, else the system resolver: resolv.conf, hosts, search list]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Queries in flight at most: to each server, 128 at first, twice as many each round trip while no answer needs a second asking, half on one that does')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('--tcp', '--tcp', [CompletionResultType]::ParameterName, 'Query over TCP instead of UDP')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;net;port' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read targets from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read targets from FILE, one per line (''-'' for standard input)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Ports for targets without one: 22,80,443 or 1-1024')
            [CompletionResult]::new('--ports', '--ports', [CompletionResultType]::ParameterName, 'Ports for targets without one: 22,80,443 or 1-1024')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Connects in flight at once (capped below the open-file limit)')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file instead of the system store (implies --tls)')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name to send (SNI) and check the certificate against (implies --tls) [default: the host as given]')
            [CompletionResult]::new('--warn-days', '--warn-days', [CompletionResultType]::ParameterName, 'Fail when the certificate expires within N days (implies --tls) [default: 14, config net.warn_days]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Scan mode: list only open ports; pass when any port is open')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'List every closed port in the table and Markdown too (more than 5 closed on a host are one "not shown" line; JSON and CSV always have every port)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Inspect the TLS certificate on open ports: chain, name, expiry')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 addresses of host names only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 addresses of host names only')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;net;check' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Ask this DNS server instead of the system resolver')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Ask this DNS server instead of the system resolver')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Echo requests to send')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Echo requests to send')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Trust the CA certificates in this PEM file instead of the system store (implies --tls)')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name to send (SNI) and check the certificate against (implies --tls) [default: the host as given]')
            [CompletionResult]::new('--warn-days', '--warn-days', [CompletionResultType]::ParameterName, 'Fail when the certificate expires within N days (implies --tls) [default: 14, config net.warn_days]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Inspect the TLS certificate on open ports: chain, name, expiry')
            [CompletionResult]::new('-4', '-4', [CompletionResultType]::ParameterName, 'Use IPv4 addresses of host names only')
            [CompletionResult]::new('-6', '-6', [CompletionResultType]::ParameterName, 'Use IPv6 addresses of host names only')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;net;help' {
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'ICMP echo to many hosts at once, with loss and round-trip statistics')
            [CompletionResult]::new('dns', 'dns', [CompletionResultType]::ParameterValue, 'DNS lookups of any record type, against one or several servers')
            [CompletionResult]::new('port', 'port', [CompletionResultType]::ParameterValue, 'TCP port checks and scans, with TLS certificate inspection')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Why can''t the user reach X? DNS -> ping -> TCP -> TLS, with a verdict')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;net;help;ping' {
            break
        }
        'deskhand;net;help;dns' {
            break
        }
        'deskhand;net;help;port' {
            break
        }
        'deskhand;net;help;check' {
            break
        }
        'deskhand;net;help;help' {
            break
        }
        'deskhand;inventory' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Installed packages of every package system found (dpkg, rpm, apk, pacman, flatpak, snap, brew)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One package in every source that has it, with its details')
            [CompletionResult]::new('facts', 'facts', [CompletionResultType]::ParameterValue, 'This machine: host, OS, kernel, CPU, memory, disks, uptime, interfaces, logged-in users')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check this machine against a baseline file: required and forbidden packages, free disk and memory')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Save the package list to FILE (JSON) for a later `inventory diff`')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two snapshots, or between a snapshot and now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;inventory;list' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;inventory;show' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;inventory;facts' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;inventory;check' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;inventory;snapshot' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;inventory;diff' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only these package sources (comma-separated): dpkg, rpm, apk, pacman, flatpak, snap, brew, pip [default: all found but pip; diff: the snapshots'' sources]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;inventory;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Installed packages of every package system found (dpkg, rpm, apk, pacman, flatpak, snap, brew)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One package in every source that has it, with its details')
            [CompletionResult]::new('facts', 'facts', [CompletionResultType]::ParameterValue, 'This machine: host, OS, kernel, CPU, memory, disks, uptime, interfaces, logged-in users')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check this machine against a baseline file: required and forbidden packages, free disk and memory')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Save the package list to FILE (JSON) for a later `inventory diff`')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two snapshots, or between a snapshot and now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;inventory;help;list' {
            break
        }
        'deskhand;inventory;help;show' {
            break
        }
        'deskhand;inventory;help;facts' {
            break
        }
        'deskhand;inventory;help;check' {
            break
        }
        'deskhand;inventory;help;snapshot' {
            break
        }
        'deskhand;inventory;help;diff' {
            break
        }
        'deskhand;inventory;help;help' {
            break
        }
        'deskhand;runbook' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The runbooks in ./runbooks and ~/.config/deskhand/runbooks, with their descriptions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A runbook''s parameters and steps, as documentation')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check runbooks without running anything: YAML shape, every step through the real parser, templates, references')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Validate, then run a runbook step by step, with a report to paste into the ticket')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;runbook;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;runbook;show' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;runbook;validate' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;runbook;run' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A parameter value (repeat for more); lists are comma-separated. A secret param is never given here: it is asked for without echo, or read from DESKHAND_PARAM_<NAME>')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A parameter value (repeat for more); lists are comma-separated. A secret param is never given here: it is asked for without echo, or read from DESKHAND_PARAM_<NAME>')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Ticket number, passed to every changing step for the audit trail')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Run the read-only steps; show what the changing steps would change')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Run the read-only steps; show what the changing steps would change')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to the steps that ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to the steps that ask for confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;runbook;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The runbooks in ./runbooks and ~/.config/deskhand/runbooks, with their descriptions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A runbook''s parameters and steps, as documentation')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check runbooks without running anything: YAML shape, every step through the real parser, templates, references')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Validate, then run a runbook step by step, with a report to paste into the ticket')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;runbook;help;list' {
            break
        }
        'deskhand;runbook;help;show' {
            break
        }
        'deskhand;runbook;help;validate' {
            break
        }
        'deskhand;runbook;help;run' {
            break
        }
        'deskhand;runbook;help;help' {
            break
        }
        'deskhand;fleet' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'One report from the per-host results a playbook of the deskhand.helpdesk collection saved')
            [CompletionResult]::new('module', 'module', [CompletionResultType]::ParameterValue, 'What the Ansible module runs on each target (options as JSON on stdin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;fleet;report' {
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Also write DIR/hosts/HOST.json (the results) and DIR/report.md, .json and .csv')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;fleet;module' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;fleet;help' {
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'One report from the per-host results a playbook of the deskhand.helpdesk collection saved')
            [CompletionResult]::new('module', 'module', [CompletionResultType]::ParameterValue, 'What the Ansible module runs on each target (options as JSON on stdin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;fleet;help;report' {
            break
        }
        'deskhand;fleet;help;module' {
            break
        }
        'deskhand;fleet;help;help' {
            break
        }
        'deskhand;generate' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one page per command into a directory')
            [CompletionResult]::new('schemas', 'schemas', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of every report (one object by schema name), or write NAME.json files into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;generate;completions' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;generate;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write deskhand.1, deskhand-net.1, deskhand-net-ping.1, ... into DIR')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;generate;schemas' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write deskhand.net.ping.v1.json, ... into DIR')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; env: DESKHAND_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour; NO_COLOR is honoured [default: auto; env: DESKHAND_COLOR]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME or ~/.config, then /deskhand/config.yaml; env: DESKHAND_CONFIG]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Default time to wait for a network answer, e.g. 500ms, 2s [default: 1s, directories 5s; env: DESKHAND_TIMEOUT] (a directory profile''s own timeout: wins)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars and no warnings on stderr (CSV still sends its warnings there: the file has no room for them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'deskhand;generate;help' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one page per command into a directory')
            [CompletionResult]::new('schemas', 'schemas', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of every report (one object by schema name), or write NAME.json files into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;generate;help;completions' {
            break
        }
        'deskhand;generate;help;man' {
            break
        }
        'deskhand;generate;help;schemas' {
            break
        }
        'deskhand;generate;help;help' {
            break
        }
        'deskhand;help' {
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Directory accounts on OpenLDAP (ppolicy), Active Directory and 389-ds: status, search, unlock, reset, disable, groups, create, offboard')
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'A ticket in one run: each user''s status card (every DC) and groups, each host''s triage; findings worst first with the command that fixes each, as a ticket note')
            [CompletionResult]::new('net', 'net', [CompletionResultType]::ParameterValue, 'Network diagnostics: ping, DNS, TCP ports and TLS, and a one-shot triage')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'Installed software and system facts: list, show, facts, baseline checks, snapshots and diffs')
            [CompletionResult]::new('runbook', 'runbook', [CompletionResultType]::ParameterValue, 'YAML runbooks: checklists of deskhand commands, validated first, with a report for the ticket')
            [CompletionResult]::new('fleet', 'fleet', [CompletionResultType]::ParameterValue, 'Many machines through Ansible: the fleet report of a playbook''s per-host results')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Shell completions and the man page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'deskhand;help;account' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The account''s status card: locked, disabled, expiry, must-change, failures, groups')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Search accounts by login, name or mail (substring)')
            [CompletionResult]::new('locked', 'locked', [CompletionResultType]::ParameterValue, 'Every account that is locked now (disabled and built-in ones only with --all)')
            [CompletionResult]::new('expiring', 'expiring', [CompletionResultType]::ParameterValue, 'Accounts whose password expires within N days (disabled and built-in ones only with --all)')
            [CompletionResult]::new('expired', 'expired', [CompletionResultType]::ParameterValue, 'Accounts whose password has expired (disabled and built-in ones only with --all)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Set a temporary password (must change at next logon) and unlock')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Clear the lock and the failure count so the user can log in again (a disabled account needs enable)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable accounts (OpenLDAP: a permanent lock, or pwdEndTime with disable_method: end_time; AD: userAccountControl 0x2; 389-ds: nsAccountLock)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable disabled accounts')
            [CompletionResult]::new('expire', 'expire', [CompletionResultType]::ParameterValue, 'Set or remove the day an account stops working (contractors): AD accountExpires; OpenLDAP pwdEndTime; 389-ds shadowExpire')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'The groups an account belongs to: direct, and inherited through nested groups (with the path)')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Add an account to groups, or remove it')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an account from a template: a temporary password (must change), the template''s groups')
            [CompletionResult]::new('onboard', 'onboard', [CompletionResultType]::ParameterValue, 'Create many accounts from a CSV file (header row: first,last[,login][,mail][,copy_from]...)')
            [CompletionResult]::new('offboard', 'offboard', [CompletionResultType]::ParameterValue, 'Disable, leave every group (AD: not the primary one), describe, move to the profile''s disabled: OU, with an undo record')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put an offboarded account back from its undo record: DN, attributes, groups (not a password offboard reset)')
            break
        }
        'deskhand;help;account;show' {
            break
        }
        'deskhand;help;account;find' {
            break
        }
        'deskhand;help;account;locked' {
            break
        }
        'deskhand;help;account;expiring' {
            break
        }
        'deskhand;help;account;expired' {
            break
        }
        'deskhand;help;account;reset' {
            break
        }
        'deskhand;help;account;unlock' {
            break
        }
        'deskhand;help;account;disable' {
            break
        }
        'deskhand;help;account;enable' {
            break
        }
        'deskhand;help;account;expire' {
            break
        }
        'deskhand;help;account;groups' {
            break
        }
        'deskhand;help;account;group' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add USER to each GROUP (groupOfNames, groupOfUniqueNames, posixGroup; AD: group)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove USER from each GROUP')
            break
        }
        'deskhand;help;account;group;add' {
            break
        }
        'deskhand;help;account;group;remove' {
            break
        }
        'deskhand;help;account;create' {
            break
        }
        'deskhand;help;account;onboard' {
            break
        }
        'deskhand;help;account;offboard' {
            break
        }
        'deskhand;help;account;restore' {
            break
        }
        'deskhand;help;diagnose' {
            break
        }
        'deskhand;help;net' {
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'ICMP echo to many hosts at once, with loss and round-trip statistics')
            [CompletionResult]::new('dns', 'dns', [CompletionResultType]::ParameterValue, 'DNS lookups of any record type, against one or several servers')
            [CompletionResult]::new('port', 'port', [CompletionResultType]::ParameterValue, 'TCP port checks and scans, with TLS certificate inspection')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Why can''t the user reach X? DNS -> ping -> TCP -> TLS, with a verdict')
            break
        }
        'deskhand;help;net;ping' {
            break
        }
        'deskhand;help;net;dns' {
            break
        }
        'deskhand;help;net;port' {
            break
        }
        'deskhand;help;net;check' {
            break
        }
        'deskhand;help;inventory' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Installed packages of every package system found (dpkg, rpm, apk, pacman, flatpak, snap, brew)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One package in every source that has it, with its details')
            [CompletionResult]::new('facts', 'facts', [CompletionResultType]::ParameterValue, 'This machine: host, OS, kernel, CPU, memory, disks, uptime, interfaces, logged-in users')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check this machine against a baseline file: required and forbidden packages, free disk and memory')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Save the package list to FILE (JSON) for a later `inventory diff`')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two snapshots, or between a snapshot and now')
            break
        }
        'deskhand;help;inventory;list' {
            break
        }
        'deskhand;help;inventory;show' {
            break
        }
        'deskhand;help;inventory;facts' {
            break
        }
        'deskhand;help;inventory;check' {
            break
        }
        'deskhand;help;inventory;snapshot' {
            break
        }
        'deskhand;help;inventory;diff' {
            break
        }
        'deskhand;help;runbook' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The runbooks in ./runbooks and ~/.config/deskhand/runbooks, with their descriptions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A runbook''s parameters and steps, as documentation')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check runbooks without running anything: YAML shape, every step through the real parser, templates, references')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Validate, then run a runbook step by step, with a report to paste into the ticket')
            break
        }
        'deskhand;help;runbook;list' {
            break
        }
        'deskhand;help;runbook;show' {
            break
        }
        'deskhand;help;runbook;validate' {
            break
        }
        'deskhand;help;runbook;run' {
            break
        }
        'deskhand;help;fleet' {
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'One report from the per-host results a playbook of the deskhand.helpdesk collection saved')
            [CompletionResult]::new('module', 'module', [CompletionResultType]::ParameterValue, 'What the Ansible module runs on each target (options as JSON on stdin)')
            break
        }
        'deskhand;help;fleet;report' {
            break
        }
        'deskhand;help;fleet;module' {
            break
        }
        'deskhand;help;generate' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one page per command into a directory')
            [CompletionResult]::new('schemas', 'schemas', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of every report (one object by schema name), or write NAME.json files into a directory')
            break
        }
        'deskhand;help;generate;completions' {
            break
        }
        'deskhand;help;generate;man' {
            break
        }
        'deskhand;help;generate;schemas' {
            break
        }
        'deskhand;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
