import { describe, expect, it } from 'vitest';
import { gnp, np } from '../../test/helpers.js';
import {
  applyCommand,
  createCommand,
  deleteCommand,
  deleteNamedCommand,
  getCommand,
  patchCommand,
  replaceCommand,
  validateCommand,
  versionCommand,
} from './constructors.js';

const value = <T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues)}`);
  return r.value;
};
const flags = { config: '/etc/calico/ctl.cfg', context: 'prod', allowVersionMismatch: true } as const;
const conn = ['--config=/etc/calico/ctl.cfg', '--context=prod', '--allow-version-mismatch'];

describe('command constructors (pure data)', () => {
  it('change verbs: `<verb> -f -`, the validated YAML on stdin, and the refs to read the outcome', () => {
    const c = value(applyCommand([gnp('a'), np('b', 'shop')], flags));
    expect(c.args).toEqual(['apply', '-f', '-', ...conn]);
    expect(c.stdin).toMatch(
      /^apiVersion: projectcalico\.org\/v3\nkind: GlobalNetworkPolicy\nmetadata:\n {2}name: a\n/,
    );
    expect(c.expect).toEqual({
      read: 'change',
      verb: 'apply',
      refs: [
        { kind: 'GlobalNetworkPolicy', name: 'a' },
        { kind: 'NetworkPolicy', name: 'b', namespace: 'shop' },
      ],
    });
    expect(value(createCommand(gnp('a'), { skipExists: true })).args).toEqual([
      'create',
      '-f',
      '-',
      '--skip-exists',
    ]);
    expect(value(replaceCommand(gnp('a'))).args).toEqual(['replace', '-f', '-']);
    expect(value(deleteCommand(gnp('a'), { skipNotExists: true })).args).toEqual([
      'delete',
      '-f',
      '-',
      '--skip-not-exists',
    ]);
    expect(value(validateCommand(gnp('a'), { allowVersionMismatch: true })).args).toEqual([
      'validate',
      '-f',
      '-',
      '--allow-version-mismatch',
    ]);
  });

  it('named and read-only commands', () => {
    const del = value(
      deleteNamedCommand('NetworkPolicy', ['a', 'b'], { namespace: 'shop', skipNotExists: true }),
    );
    expect(del.args).toEqual(['delete', 'NetworkPolicy', 'a', 'b', '--namespace=shop', '--skip-not-exists']);
    expect(del.stdin).toBeUndefined();
    expect(del.expect).toMatchObject({
      read: 'change',
      verb: 'delete',
      refs: [{ namespace: 'shop' }, { namespace: 'shop' }],
    });
    expect(value(deleteNamedCommand('NetworkPolicy', 'a')).expect).toMatchObject({
      refs: [{ namespace: 'default' }],
    });
    expect(value(getCommand('NetworkPolicy', undefined, { allNamespaces: true, ...flags })).args).toEqual([
      'get',
      'NetworkPolicy',
      '--output=yaml',
      '--all-namespaces',
      ...conn,
    ]);
    expect(value(getCommand('Tier', 'security')).expect).toEqual({ read: 'resources', kind: 'Tier' });
    expect(value(versionCommand({ clientOnly: true, config: '/c' })).args).toEqual([
      'version',
      '--config=/c',
      '--client',
    ]);
    expect(value(patchCommand('GlobalNetworkPolicy', 'a', { spec: { order: 10 } })).args).toEqual([
      'patch',
      'GlobalNetworkPolicy',
      'a',
      '--patch={"spec":{"order":10}}',
    ]);
  });

  it('commands are frozen: a caller cannot change what will run', () => {
    const c = value(applyCommand(gnp('a')));
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.args)).toBe(true);
    expect(Object.isFrozen(c.expect)).toBe(true);
    expect(() => (c.args as string[]).push('--evil')).toThrow(TypeError);
    const refs = c.expect.refs;
    expect(() => {
      (refs[0] as { name: string }).name = 'b';
    }).toThrow(TypeError);
    expect(c.args).toEqual(['apply', '-f', '-']);
  });

  it('building twice gives equal commands (no hidden state)', () => {
    expect(value(applyCommand([gnp('a')], flags))).toEqual(value(applyCommand([gnp('a')], flags)));
  });

  it('invalid input is a Result with issues, never a throw', () => {
    const bad = [
      applyCommand([]),
      applyCommand(gnp('a'), { context: '--kubeconfig=/x' }),
      deleteNamedCommand('GlobalNetworkPolicy', []),
      deleteNamedCommand('GlobalNetworkPolicy', 'a', { namespace: 'shop' }),
      getCommand('Pod' as 'Tier'),
      getCommand('NetworkPolicy', undefined, { namespace: 'a', allNamespaces: true }),
      patchCommand('Tier', '-x', {}),
      versionCommand({ config: '' }),
    ];
    for (const r of bad) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
    }
  });
});
