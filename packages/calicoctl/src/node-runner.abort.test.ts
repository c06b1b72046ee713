// Aborting through the real Node runner: calicoctl's whole process group is gone (checked with
// kill -0) before the command settles, with or without a grandchild that ignores SIGTERM.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alive, FAKE_CALICOCTL, tempDir } from '../test/helpers.js';
import { abortRunningCommands, createNodeRunner } from './node-runner.js';
import type { RunLimits } from './runner.js';

const runner = createNodeRunner();
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const env = (mode: string) => ({
  PATH: process.env.PATH ?? '',
  FAKE_CALICOCTL_MODE: mode,
  FAKE_CALICOCTL_LOG: join(dir, 'log.jsonl'),
});
const log = (): { pid?: number; grandchild?: number }[] =>
  existsSync(join(dir, 'log.jsonl'))
    ? readFileSync(join(dir, 'log.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
/** Waits (generously: the machine may be loaded) until the fake has logged its own and its grandchild's pid. */
async function pidsOfTree(): Promise<{ pid: number; grandchild: number }> {
  for (let i = 0; i < 600; i++) {
    const entries = log();
    const pid = entries.find((e) => e.pid !== undefined)?.pid;
    const grandchild = entries.find((e) => e.grandchild !== undefined)?.grandchild;
    if (pid !== undefined && grandchild !== undefined) return { pid, grandchild };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the fake calicoctl never started its grandchild');
}
const command = (mode: string) => ({
  bin: FAKE_CALICOCTL,
  args: ['apply', '-f', '-'],
  stdin: '',
  env: env(mode),
});
const limitsWith = (signal: AbortSignal): RunLimits => ({
  timeoutMs: 600_000,
  maxOutputBytes: 1 << 20,
  signal,
});

describe('createNodeRunner: abort', () => {
  it('an aborted signal ends calicoctl and its grandchild before the run settles', {
    timeout: 60_000,
  }, async () => {
    const controller = new AbortController();
    const run = runner.run(command('hang-tree'), limitsWith(controller.signal));
    const { pid, grandchild } = await pidsOfTree();
    expect(alive(pid)).toBe(true);
    controller.abort();
    expect((await run).status).toBe('aborted');
    expect(alive(pid)).toBe(false);
    expect(alive(grandchild)).toBe(false);
  });

  it('SIGKILL follows when the group ignores SIGTERM', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    const run = runner.run(command('ignore-term'), limitsWith(controller.signal));
    const { pid, grandchild } = await pidsOfTree();
    controller.abort();
    expect((await run).status).toBe('aborted');
    expect(alive(pid)).toBe(false);
    expect(alive(grandchild)).toBe(false);
  });

  it('a signal aborted before the run starts nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await runner.run(command('hang-tree'), limitsWith(controller.signal))).toEqual({
      status: 'aborted',
      stdout: '',
      stderr: '',
    });
    expect(log()).toEqual([]);
  });

  it('abortRunningCommands ends every running command and resolves once all are gone', {
    timeout: 60_000,
  }, async () => {
    const run = runner.run(command('hang-tree'), { timeoutMs: 600_000, maxOutputBytes: 1 << 20 });
    const { pid, grandchild } = await pidsOfTree();
    await abortRunningCommands();
    expect(alive(pid)).toBe(false);
    expect(alive(grandchild)).toBe(false);
    expect((await run).status).toBe('aborted');
    await abortRunningCommands(); // nothing left: resolves at once
  });
});
