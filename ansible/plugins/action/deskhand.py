# -*- coding: utf-8 -*-

# Copyright: deskhand contributors
# SPDX-License-Identifier: MIT OR Apache-2.0

# Delivers deskhand to the target before the module runs: the binary this collection
# ships for the target's system (binaries/manifest.json), copied once into
# ~/.cache/deskhand/deskhand-<sha256 prefix> and reused while its checksum matches.
# A target no shipped binary runs on gets a clear failure, never an exec error.

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os

from ansible.module_utils.common.text.converters import to_text
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

display = Display()

# `uname -m` spellings of one architecture.
MACHINES = {
    'x86_64': 'x86_64', 'amd64': 'x86_64',
    'aarch64': 'aarch64', 'arm64': 'aarch64',
}


def shell_quote(text):
    return "'" + text.replace("'", "'\"'\"'") + "'"


def bin_dir():
    """Where the shipped binaries are: the collection's binaries/, or DESKHAND_COLLECTION_BIN."""
    override = os.environ.get('DESKHAND_COLLECTION_BIN')
    if override:
        return override
    return os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'binaries')


class ActionModule(ActionBase):

    TRANSFERS_FILES = True
    _VALID_ARGS = frozenset(('cmd', 'config', 'check_failure_fails', 'stdin', 'binary'))

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        result = super(ActionModule, self).run(tmp, task_vars)
        del tmp
        args = dict(self._task.args)
        if not args.get('binary'):
            binary, problem = self._deliver()
            if problem:
                result.update(failed=True, changed=False, msg=problem)
                return result
            args['binary'] = binary
        result.update(self._execute_module(module_name='deskhand.helpdesk.deskhand', module_args=args, task_vars=task_vars))
        # ansible_facts.deskhand gathers: `inventory facts` adds .facts, `inventory list`
        # adds .packages, each keeping what the other set (facts merge only at the top).
        new = result.get('ansible_facts', {}).get('deskhand')
        if isinstance(new, dict):
            known = (task_vars.get('ansible_facts') or {}).get('deskhand')
            merged = dict(known) if isinstance(known, dict) else {}
            merged.update(new)
            result['ansible_facts']['deskhand'] = merged
        return result

    def _run(self, command):
        res = self._low_level_execute_command(command, sudoable=True)
        return res.get('rc'), to_text(res.get('stdout', '')).strip(), to_text(res.get('stderr', '')).strip()

    def _deliver(self):
        """The path of deskhand on the target, copied there if needed; or (None, why not)."""
        rc, out, err = self._run('uname -s -m')
        if rc != 0 or len(out.split()) < 2:
            return None, 'cannot tell what system this host runs (uname -s -m: {0})'.format(err or out or 'exit %s' % rc)
        system, machine = out.split()[:2]
        key = '{0}-{1}'.format(system.lower(), MACHINES.get(machine.lower(), machine.lower()))
        directory = bin_dir()
        try:
            with open(os.path.join(directory, 'manifest.json')) as f:
                manifest = json.load(f)
        except (IOError, OSError, ValueError) as e:
            return None, ('this copy of the deskhand.helpdesk collection holds no deskhand binary ({0}): build it with '
                          'scripts/ansible-collection, or give the path of an installed deskhand in binary'.format(e))
        entry = manifest.get('binaries', {}).get(key)
        if not entry:
            shipped = ', '.join(sorted(manifest.get('binaries', {}))) or 'none'
            return None, ('deskhand ships binaries for {0}; this host is {1} {2}: install deskhand there and give its '
                          'path in binary'.format(shipped, system, machine))
        local = os.path.join(directory, entry['file'])
        sha = entry['sha256']
        cache = self._remote_expand_user('~/.cache/deskhand')
        remote = '{0}/deskhand-{1}'.format(cache, sha[:16])
        rc, out, err = self._run('sha256sum {0} 2>/dev/null'.format(shell_quote(remote)))
        if rc == 0 and out.split()[:1] == [sha]:
            return remote, None
        display.vvv('deskhand: copying {0} to {1}'.format(local, remote), host=self._play_context.remote_addr)
        rc, out, err = self._run('mkdir -p {0} && chmod 700 {0}'.format(shell_quote(cache)))
        if rc != 0:
            return None, 'cannot make {0} on this host: {1}'.format(cache, err or out)
        tmpdir = self._connection._shell.tmpdir or self._make_tmp_path()
        staged = self._connection._shell.join_path(tmpdir, 'deskhand')
        self._transfer_file(local, staged)
        # Renamed into place whole: a task on this host never sees half a binary.
        partial = '{0}.{1}'.format(remote, os.getpid())
        rc, out, err = self._run('cp {0} {1} && chmod 0755 {1} && mv -f {1} {2} && rm -f {0}'.format(
            shell_quote(staged), shell_quote(partial), shell_quote(remote)))
        if rc != 0:
            return None, 'cannot put deskhand at {0} on this host: {1}'.format(remote, err or out)
        return remote, None
