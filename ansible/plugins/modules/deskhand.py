#!/usr/bin/python
# -*- coding: utf-8 -*-

# Copyright: deskhand contributors
# SPDX-License-Identifier: MIT OR Apache-2.0

# This module is thin on purpose: deskhand itself (`deskhand fleet module`) runs the
# command, decides check mode, `changed`, `failed`, the diff and the facts, and refuses
# secrets. Here: the options, the binary, and Ansible's exit.

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
---
module: deskhand
short_description: Run a deskhand command on the target and return its report
version_added: "0.1.0"
description:
  - Runs one deskhand command line on the target, exactly as the C(deskhand) command line
    would, and returns deskhand's JSON report with Ansible's C(changed) and C(failed).
  - The same verbs as the CLI, for example C(inventory check /etc/deskhand/baseline.yaml),
    C(net check intranet:443 --tls), C(account unlock bob), C(runbook run FILE --param k=v).
  - The collection delivers deskhand to the target (its action plugin copies the binary
    once per host into C(~/.cache/deskhand/), keyed by its checksum); nothing needs to be
    installed there beforehand. The shipped binary is static (musl) for Linux x86_64; on
    any other system the task fails with a message saying so, unless O(binary) names a
    deskhand installed there.
  - In check mode a command that changes something runs with C(--dry-run) (and reports
    C(changed) for what it would change); one without C(--dry-run) is skipped. Read-only
    commands run as usual.
  - With C(--diff), the LDAP modifications planned (check mode) or made are shown.
  - Secrets never pass through the module's arguments. A bind password comes from the
    target's deskhand config (C(password_file), C(password_env), C(password_command)); a
    O(cmd) carrying a password option or a secret runbook param value is refused.
options:
  cmd:
    description:
      - The deskhand command line, without C(deskhand).
      - A string is split like a runbook's C(run:) (whitespace separates words, quotes
        group them); a list is taken word for word.
    type: raw
    required: true
  config:
    description:
      - Path of a deskhand config file on the target (directory profiles, defaults).
      - Default is the target's usual one (C(~/.config/deskhand/config.yaml), or
        E(DESKHAND_CONFIG)).
    type: path
  check_failure_fails:
    description:
      - Whether deskhand's exit 1 (the check said no, for example a baseline rule fails,
        a host is down, an account is locked) makes the task failed.
      - Exit 2 (usage), 3 (environment) and 130 (interrupted) always fail the task.
    type: bool
    default: true
  stdin:
    description:
      - Text given to the command on standard input, for the commands that read C(-)
        there, for example a baseline from the controller for C(inventory check -)
        (C(lookup('file', 'baseline.yaml'))), a CSV for C(account onboard -f -), or the
        hosts' results for C(fleet report -).
    type: str
  binary:
    description:
      - Path of a deskhand binary on the target to use instead of the one the collection
        delivers.
    type: path
attributes:
  check_mode:
    support: full
    description: Changing commands run with C(--dry-run); one without it is skipped.
  diff_mode:
    support: full
    description: The planned or made LDAP modifications.
seealso:
  - name: deskhand README
    description: Every command, its options and its report.
    link: https://example.invalid/deskhand
author:
  - deskhand contributors (@deskhand)
'''

EXAMPLES = r'''
- name: Check every host against the baseline (a failing rule is a result, not an error)
  deskhand.helpdesk.deskhand:
    cmd: inventory check /etc/deskhand/baseline.yaml
    check_failure_fails: false
  register: baseline

- name: The same with the baseline kept on the controller
  deskhand.helpdesk.deskhand:
    cmd: inventory check -
    stdin: "{{ lookup('ansible.builtin.file', 'baseline.yaml') }}"
    check_failure_fails: false

- name: Can this host reach the intranet over TLS?
  deskhand.helpdesk.deskhand:
    cmd: [net, check, "intranet.example.test:443", --tls]

- name: Unlock an account (check mode shows what would change; --diff the LDAP modifications)
  deskhand.helpdesk.deskhand:
    cmd: account unlock bob --ticket INC-42
    config: /etc/deskhand/config.yaml
  delegate_to: localhost

- name: Installed software and system facts as ansible_facts.deskhand
  deskhand.helpdesk.deskhand:
    cmd: inventory list
- ansible.builtin.debug:
    msg: "{{ ansible_facts.deskhand.packages.packages | selectattr('name', 'equalto', 'openssh-server') | list }}"
'''

RETURN = r'''
rc:
  description: deskhand's exit code (0 ok, 1 the check said no, 2 usage, 3 environment, 130 interrupted).
  returned: when deskhand ran
  type: int
  sample: 0
report:
  description:
    - deskhand's JSON document, C(schema), C(ok), C(outcome) and C(data), as
      C(deskhand ... --output json) prints it; for an error, a C(deskhand.error.v1)
      document with the message and hint.
  returned: when deskhand ran
  type: dict
  sample: {"schema": "deskhand.inventory.check.v1", "ok": true, "outcome": "ok", "data": {"passed": 3, "failed": 0}}
msg:
  description: The one-line summary people see at the end of the table, or the error with its hint.
  returned: always
  type: str
  sample: "3 rules: 3 pass, 0 fail"
changed:
  description:
    - True only when a changing command changed something (or, in check mode, would),
      from the report's own counts; read-only commands are never changed.
  returned: always
  type: bool
duration_ms:
  description: How long deskhand took on the host, in milliseconds (its share of the task's time).
  returned: when deskhand ran
  type: int
  sample: 42
ansible_facts:
  description: C(deskhand.facts) from C(inventory facts), C(deskhand.packages) from C(inventory list).
  returned: for inventory facts and inventory list
  type: dict
  contains:
    deskhand:
      description: The report's data.
      type: dict
'''

import json
import platform

from ansible.module_utils.basic import AnsibleModule


def main():
    module = AnsibleModule(
        argument_spec=dict(
            cmd=dict(type='raw', required=True),
            config=dict(type='path'),
            check_failure_fails=dict(type='bool', default=True),
            stdin=dict(type='str'),
            binary=dict(type='path'),
        ),
        supports_check_mode=True,
    )
    cmd = module.params['cmd']
    if isinstance(cmd, list):
        if not all(isinstance(w, (str, int, float)) for w in cmd):
            module.fail_json(msg='cmd: every word of the list must be a string')
        cmd = [str(w) for w in cmd]
    elif not isinstance(cmd, str):
        module.fail_json(msg='cmd must be a command line (string) or a list of words')

    binary = module.params['binary'] or module.get_bin_path('deskhand')
    if not binary:
        module.fail_json(msg='no deskhand binary on this host: run the task through the deskhand.helpdesk.deskhand '
                             'action (it delivers one), or install deskhand and give its path in binary')

    request = dict(
        cmd=cmd,
        config=module.params['config'],
        check_failure_fails=module.params['check_failure_fails'],
        check_mode=module.check_mode,
        diff=module._diff,
        stdin=module.params['stdin'],
    )
    try:
        rc, out, err = module.run_command([binary, 'fleet', 'module'], data=json.dumps(request), binary_data=True,
                                          handle_exceptions=False)
    except OSError as e:
        module.fail_json(msg='deskhand ({0}) cannot run on this host ({1} {2}): {3}. The collection ships a static '
                             'Linux x86_64 binary; elsewhere, install deskhand and give its path in binary.'
                             .format(binary, platform.system(), platform.machine(), e.strerror or e))
    try:
        result = json.loads(out)
    except ValueError:
        detail = (err or '').strip()[-500:] or 'no output'
        module.fail_json(msg='deskhand ({0}) cannot run on this host ({1} {2}): exit {3}: {4}'
                             .format(binary, platform.system(), platform.machine(), rc, detail))
    if not isinstance(result, dict):
        module.fail_json(msg='deskhand ({0}) answered with something other than a result'.format(binary))

    # Values deskhand found to be secrets: Ansible blanks them wherever it shows the task.
    for secret in result.pop('secrets', None) or []:
        module.no_log_values.add(secret)
    if result.get('failed'):
        result.setdefault('msg', 'deskhand failed')
        module.fail_json(**result)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
