// The real Node runner against test/fixtures/fake-calicoctl, a stateful stand-in that prints
// calicoctl v3.30's messages and exit codes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GlobalNetworkPolicy } from '@calico-dsl/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalicoctlOptions } from '../src/api.js';
import { createCalicoctl } from '../src/calicoctl.js';
import { CalicoctlError } from '../src/errors.js';
import { alive, FAKE_CALICOCTL, gnp, np, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const ctlFor = (mode = 'state', extra: Partial<CalicoctlOptions> = {}) =>
  createCalicoctl({
    bin: FAKE_CALICOCTL,
    parentEnv: {},
    env: {
      PATH: process.env.PATH,
      FAKE_CALICOCTL_MODE: mode,
      FAKE_CALICOCTL_STATE: join(dir, 'state.json'),
      FAKE_CALICOCTL_LOG: join(dir, 'log.jsonl'),
    },
    timeoutMs: 10_000,
    ...extra,
  });
const log = (): { argv?: string[]; pid?: number; env?: Record<string, string> }[] =>
  existsSync(join(dir, 'log.jsonl'))
    ? readFileSync(join(dir, 'log.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
const rejection = async (p: Promise<unknown>): Promise<CalicoctlError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof CalicoctlError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
};
const withOrder = (p: GlobalNetworkPolicy, order: number): GlobalNetworkPolicy => ({
  ...p,
  spec: { ...p.spec, order },
});

describe('fake calicoctl through the Node runner', () => {
  it('apply, get (with server fields and defaults), delete', async () => {
    const ctl = ctlFor();
    expect(await ctl.apply([gnp('web-a'), gnp('web-b')])).toMatchObject({
      applied: 2,
      kind: 'GlobalNetworkPolicy',
    });
    const live = await ctl.get('GlobalNetworkPolicy');
    expect(live.map((p) => p.metadata.name)).toEqual(['web-a', 'web-b']);
    expect(live[0]?.metadata.resourceVersion).toBeDefined();
    expect(live[0]?.spec.tier).toBe('default');
    const one = await ctl.get('GlobalNetworkPolicy', 'web-a');
    expect(one.map((p) => p.metadata.name)).toEqual(['web-a']);
    expect(await ctl.deleteNamed('GlobalNetworkPolicy', ['web-a', 'web-b'])).toMatchObject({ deleted: 2 });
    expect(await ctl.get('GlobalNetworkPolicy')).toEqual([]);
  });

  it('namespaced resources: -n and -A', async () => {
    const ctl = ctlFor();
    await ctl.apply([np('web', 'shop'), np('web', 'blog')]);
    expect(
      (await ctl.get('NetworkPolicy', undefined, { namespace: 'shop' })).map((p) => p.metadata.namespace),
    ).toEqual(['shop']);
    expect(await ctl.get('NetworkPolicy', undefined, { allNamespaces: true })).toHaveLength(2);
    expect(await ctl.get('NetworkPolicy')).toHaveLength(0); // calicoctl's default namespace
  });

  it('partial apply: calicoctl continues past the failing document; applied and failed are exact', async () => {
    const ctl = ctlFor();
    const e = await rejection(ctl.apply([gnp('a'), gnp('forbidden-b'), gnp('c')]));
    expect(e.code).toBe('PARTIAL_FAILURE');
    expect(e.stdout).toContain('Partial success: applied the first 2 out of 3');
    expect(e.applied.map((r) => r.name)).toEqual(['a', 'c']);
    expect(e.failed).toMatchObject([
      { name: 'forbidden-b', outcome: 'failed', message: expect.stringContaining('is forbidden') },
    ]);
    expect((await ctl.get('GlobalNetworkPolicy')).map((p) => p.metadata.name)).toEqual(['a', 'c']);
  });

  it('partial apply without the Partial line (the quirk) and with 3.34-dev lower-case errors', async () => {
    for (const style of ['docopt', 'cobra']) {
      const ctl = createCalicoctl({
        bin: FAKE_CALICOCTL,
        parentEnv: {},
        env: {
          PATH: process.env.PATH,
          FAKE_CALICOCTL_STATE: join(dir, `${style}.json`),
          FAKE_CALICOCTL_STYLE: style,
        },
      });
      const e = await rejection(ctl.apply([gnp('forbidden-a'), gnp('b')]));
      expect(e.stdout).toBe('');
      expect(e.code).toBe('PARTIAL_FAILURE');
      expect(e.applied.map((r) => r.name)).toEqual(['b']);
      expect(e.failed.map((r) => [r.name, r.outcome])).toEqual([['forbidden-a', 'failed']]);
    }
  });

  it('create of an existing resource, delete of a missing one', async () => {
    const ctl = ctlFor();
    await ctl.create(gnp('a'));
    const one = await rejection(ctl.create(gnp('a')));
    expect(one).toMatchObject({ code: 'EXIT_NONZERO', exitCode: 1 });
    expect(one.failed[0]?.message).toBe('resource already exists: GlobalNetworkPolicy(a)');
    expect(await ctl.create(gnp('a'), { skipExists: true })).toMatchObject({ created: 1 });
    const mixed = await rejection(ctl.create([gnp('a'), gnp('n1'), gnp('n2')]));
    expect(mixed.code).toBe('PARTIAL_FAILURE');
    expect(mixed.applied.map((r) => r.name)).toEqual(['n1', 'n2']);

    const gone = await rejection(ctl.deleteNamed('GlobalNetworkPolicy', ['n1', 'missing']));
    expect(gone.code).toBe('PARTIAL_FAILURE');
    expect(gone.applied.map((r) => r.name)).toEqual(['n1']);
    expect(gone.failed[0]).toMatchObject({
      name: 'missing',
      message: expect.stringContaining('resource does not exist'),
    });
    expect(await ctl.deleteNamed('GlobalNetworkPolicy', 'missing', { skipNotExists: true })).toMatchObject({
      deleted: 1,
    });
  });

  it('replace: a failing replace is never reported as success (≤3.33 quirk)', async () => {
    const ctl = ctlFor();
    await ctl.apply(gnp('a'));
    const e = await rejection(ctl.replace([gnp('a'), gnp('missing')]));
    expect(e.code).toBe('PARTIAL_FAILURE');
    expect(e.stdout).toContain('replaced the first 2 out of 2');
    expect(e.applied).toEqual([]);
    expect(e.failed.map((f) => [f.name, f.outcome])).toEqual([
      ['a', 'unknown'],
      ['missing', 'failed'],
    ]);
  });

  it('whole-command failures: client, version mismatch, unknown output', async () => {
    const client = await rejection(ctlFor('fail').apply(gnp('a')));
    expect(client).toMatchObject({ code: 'EXIT_NONZERO', exitCode: 1 });
    expect(client.stdout).toContain('Failed to create Calico API client');
    expect(client.failed).toMatchObject([{ name: 'a', outcome: 'failed' }]);
    const mismatch = await rejection(ctlFor('mismatch').apply(gnp('a')));
    expect(mismatch.message).toContain('allowVersionMismatch');
    const garbage = await rejection(ctlFor('garbage').apply(gnp('a')));
    expect(garbage.code).toBe('OUTPUT_PARSE');
    expect(garbage.stdout).toContain('something calicoctl never prints');
  });

  it('version through the binary', async () => {
    expect(await ctlFor().version()).toMatchObject({ client: 'v3.30.0', cluster: { version: 'v3.30.0' } });
    expect(await ctlFor().version({ clientOnly: true })).toEqual({
      client: 'v3.30.0',
      gitCommit: 'b2c1e0b2a',
    });
  });

  it('a hanging binary → TIMEOUT, the child is gone, resources are outcome unknown', async () => {
    const e = await rejection(ctlFor('sleep', { timeoutMs: 300 }).apply(gnp('a')));
    expect(e.code).toBe('TIMEOUT');
    expect(e.failed).toMatchObject([{ name: 'a', outcome: 'unknown' }]);
    const pid = log()[0]?.pid as number;
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive(pid)).toBe(false);
  });

  it('a missing binary → BINARY_NOT_FOUND naming --calicoctl, CALICOCTL_BIN and where to get calicoctl', async () => {
    const e = await rejection(createCalicoctl({ bin: join(dir, 'calicoctl'), parentEnv: {} }).version());
    expect(e.code).toBe('BINARY_NOT_FOUND');
    expect(e.bin).toBe(join(dir, 'calicoctl'));
    expect(e.message).toContain('--calicoctl <path>');
    expect(e.message).toContain('CALICOCTL_BIN');
    expect(e.message).toContain('https://docs.tigera.io/calico/latest/operations/calicoctl/install');
  });

  it('an aborted apply → ABORTED, resources unknown, calicoctl and its grandchild gone (kill -0)', {
    timeout: 60_000,
  }, async () => {
    const controller = new AbortController();
    const pending = rejection(ctlFor('hang-tree').apply([gnp('a'), gnp('b')], { signal: controller.signal }));
    let entries = log();
    for (let i = 0; i < 600 && !entries.some((l) => 'grandchild' in l); i++) {
      await new Promise((r) => setTimeout(r, 50));
      entries = log();
    }
    const pid = entries.find((l) => l.pid !== undefined)?.pid as number;
    const grandchild = (entries.find((l) => 'grandchild' in l) as { grandchild?: number } | undefined)
      ?.grandchild as number;
    expect(alive(pid) && alive(grandchild)).toBe(true);
    controller.abort();
    const e = await pending;
    expect(e.code).toBe('ABORTED');
    expect(e.unknown.map((r) => r.name)).toEqual(['a', 'b']);
    expect(alive(pid)).toBe(false);
    expect(alive(grandchild)).toBe(false);
  });

  it('calicoctl gets the whole environment by default, the filtered one with cleanEnv', async () => {
    const parentEnv = { PATH: process.env.PATH, AWS_PROFILE: 'prod-eks', IC_API_KEY: 'k', KUBECONFIG: '/u' };
    const env = { FAKE_CALICOCTL_MODE: 'version', FAKE_CALICOCTL_LOG: join(dir, 'log.jsonl') };
    await createCalicoctl({ bin: FAKE_CALICOCTL, parentEnv, env }).version();
    await createCalicoctl({ bin: FAKE_CALICOCTL, parentEnv, env, cleanEnv: true }).version();
    const [all, clean] = log().map((l) => l.env ?? {});
    expect(all).toMatchObject({ AWS_PROFILE: 'prod-eks', IC_API_KEY: 'k', KUBECONFIG: '/u' });
    expect(clean).toMatchObject({ KUBECONFIG: '/u', FAKE_CALICOCTL_MODE: 'version' });
    expect(clean?.AWS_PROFILE).toBeUndefined();
    expect(clean?.IC_API_KEY).toBeUndefined();
  });

  it('several failed resources each carry their own calicoctl message', async () => {
    const e = await rejection(
      ctlFor().apply(['a', 'forbidden-b', 'c', 'forbidden-d', 'e', 'f'].map((n) => gnp(n))),
    );
    expect(e.code).toBe('PARTIAL_FAILURE');
    expect(e.applied.map((r) => r.name)).toEqual(['a', 'c', 'e', 'f']);
    expect(e.failed.map((f) => f.name)).toEqual(['forbidden-b', 'forbidden-d']);
    for (const f of e.failed) {
      expect(f.message).toContain(`"${f.name}" is forbidden`);
      expect(f.message).not.toContain(f.name === 'forbidden-b' ? 'forbidden-d' : 'forbidden-b');
    }
  });

  it('names with shell metacharacters reach calicoctl verbatim and run nothing', async () => {
    const mark = join(dir, 'pwned');
    const ctl = ctlFor();
    const names = [`x;touch ${mark}`, `$(touch ${mark})`, `\`touch ${mark}\``];
    for (const name of names) await rejection(ctl.get('GlobalNetworkPolicy', name));
    await rejection(ctl.get('NetworkPolicy', 'web', { namespace: `$(touch ${mark})` }));
    await rejection(ctl.deleteNamed('GlobalNetworkPolicy', `a|touch ${mark}`));
    expect(existsSync(mark)).toBe(false);
    const argvs = log().map((l) => l.argv ?? []);
    expect(argvs[0]).toContain(names[0]);
    expect(argvs[3]).toContain(`--namespace=$(touch ${mark})`);
  });

  it('plan: create / update / unchanged, ignoring server-set metadata and defaults', async () => {
    const ctl = ctlFor();
    await ctl.apply([gnp('same'), withOrder(gnp('changed'), 10)]);
    const plan = await ctl.plan([gnp('same'), withOrder(gnp('changed'), 20), gnp('new')]);
    expect(plan.steps.map((s) => [s.ref.name, s.action])).toEqual([
      ['same', 'unchanged'],
      ['changed', 'update'],
      ['new', 'create'],
    ]);
    const changed = plan.steps[1];
    expect(changed?.action === 'update' && changed.changes).toEqual(['spec.order']);
    expect(plan).toMatchObject({ create: 1, update: 1, unchanged: 1, hasChanges: true });
    // plan only reads: one get per kind
    expect(log().filter((l) => l.argv?.[0] === 'get')).toHaveLength(1);
  });

  it('applyWithBackup: saves the live state and restores it when the apply fails part way', async () => {
    const ctl = ctlFor();
    await ctl.apply(withOrder(gnp('existing'), 10));
    const saved: string[] = [];
    const e = await rejection(
      ctl.applyWithBackup([withOrder(gnp('existing'), 99), gnp('forbidden-x'), gnp('brand-new')], {
        saveBackup: (b) => {
          saved.push(b.yaml);
        },
      }),
    );
    expect(e.code).toBe('PARTIAL_FAILURE');
    expect(saved[0]).toContain('name: existing');
    expect(saved[0]).not.toContain('resourceVersion');
    expect(e.backup).toBe(saved[0]);
    expect(e.rollback).toEqual({
      restored: [{ kind: 'GlobalNetworkPolicy', name: 'existing' }],
      removed: [{ kind: 'GlobalNetworkPolicy', name: 'brand-new' }],
    });
    const live = await ctl.get('GlobalNetworkPolicy');
    expect(live.map((p) => [p.metadata.name, p.spec.order])).toEqual([['existing', 10]]);
  });

  it('applyWithBackup: success returns the plan and the backup', async () => {
    const ctl = ctlFor();
    await ctl.apply(withOrder(gnp('existing'), 10));
    const r = await ctl.applyWithBackup([withOrder(gnp('existing'), 11), gnp('other')]);
    expect(r).toMatchObject({ applied: 2, plan: { create: 1, update: 1 } });
    expect(r.backup.absent).toEqual([{ kind: 'GlobalNetworkPolicy', name: 'other' }]);
    expect(r.backup.previous.map((p) => p.metadata.name)).toEqual(['existing']);
  });
});
