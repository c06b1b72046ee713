// ABORTED through createCalicoctl with a fake runner: what is known of each resource is reported.
import { toYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { gnp } from '../test/helpers.js';
import { createCalicoctl } from './calicoctl.js';
import { CalicoctlError } from './errors.js';
import { calicoctlSays, createFakeRunner } from './testing/fake-runner.js';

const rejection = async (p: Promise<unknown>): Promise<CalicoctlError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof CalicoctlError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
};
const names = (refs: readonly { name: string }[]) => refs.map((r) => r.name);

describe('ABORTED', () => {
  it('an abort during apply: every resource sent is unknown, none claimed', async () => {
    const runner = createFakeRunner([calicoctlSays.hangUntilAborted()]);
    const controller = new AbortController();
    const pending = rejection(
      createCalicoctl({ runner, parentEnv: {} }).apply([gnp('a'), gnp('b')], { signal: controller.signal }),
    );
    controller.abort();
    const e = await pending;
    expect(e.code).toBe('ABORTED');
    expect(e.applied).toEqual([]);
    expect(names(e.unknown)).toEqual(['a', 'b']);
    expect(e.failed.every((f) => f.outcome === 'unknown')).toBe(true);
    expect(e.message).toBe('calicoctl apply was aborted: 0 applied, 0 failed, 2 unknown');
    expect(runner.limits[0]?.signal).toBe(controller.signal);
  });

  it('what calicoctl printed before it was stopped is used: applied, failed, the rest unknown', async () => {
    const runner = createFakeRunner([
      calicoctlSays.aborted(
        "Partial success: applied the first 2 out of 3 'GlobalNetworkPolicy' resources:\n",
        'Hit error(s): [resource does not exist: GlobalNetworkPolicy(c) with error: not found]\n',
      ),
    ]);
    const e = await rejection(
      createCalicoctl({ runner, parentEnv: {} }).apply([gnp('a'), gnp('b'), gnp('c')]),
    );
    expect(e.code).toBe('ABORTED');
    expect(names(e.applied)).toEqual(['a', 'b']);
    expect(e.failed).toMatchObject([{ name: 'c', outcome: 'failed' }]);
    expect(e.unknown).toEqual([]);
  });

  it('a signal aborted before the call: nothing runs, nothing was sent', async () => {
    const runner = createFakeRunner();
    const e = await rejection(
      createCalicoctl({ runner, parentEnv: {} }).apply([gnp('a')], { signal: AbortSignal.abort() }),
    );
    expect(e.code).toBe('ABORTED');
    expect(runner.commands).toHaveLength(0);
    expect(e.failed).toMatchObject([
      { name: 'a', outcome: 'failed', message: expect.stringContaining('not sent') },
    ]);
  });

  it("the Calicoctl's own signal aborts its calls too", async () => {
    const controller = new AbortController();
    const runner = createFakeRunner([calicoctlSays.hangUntilAborted()]);
    const pending = rejection(
      createCalicoctl({ runner, parentEnv: {}, signal: controller.signal }).version(),
    );
    controller.abort();
    const e = await pending;
    expect(e.code).toBe('ABORTED');
    expect(e.args).toEqual(['version']);
  });

  it('applyWithBackup: an aborted apply is not restored; the error says where the backup is', async () => {
    const live = { ...gnp('a'), metadata: { name: 'a', resourceVersion: '7' } };
    const runner = createFakeRunner([calicoctlSays.yaml(toYaml([live])), calicoctlSays.hangUntilAborted()]);
    const controller = new AbortController();
    const pending = rejection(
      createCalicoctl({ runner, parentEnv: {} }).applyWithBackup(
        [{ ...gnp('a'), spec: { selector: 'all()' } }, gnp('b')],
        {
          signal: controller.signal,
          saveBackup: async () => {
            setTimeout(() => controller.abort(), 0);
            return '/var/backups/calico-1.yaml';
          },
        },
      ),
    );
    const e = await pending;
    expect(e.code).toBe('ABORTED');
    expect(e.backupLocation).toBe('/var/backups/calico-1.yaml');
    expect(e.backup).toContain('name: a');
    expect(e.rollback).toBeUndefined();
    expect(runner.commands.map((c) => c.args[0])).toEqual(['get', 'apply']);
    expect(names(e.unknown)).toEqual(['a', 'b']);
  });
});
