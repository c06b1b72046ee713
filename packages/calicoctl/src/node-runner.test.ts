import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alive, FAKE_CALICOCTL, tempDir } from '../test/helpers.js';
import { createNodeRunner } from './node-runner.js';

const runner = createNodeRunner();
const limits = { timeoutMs: 10_000, maxOutputBytes: 1 << 20 };
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const env = (mode: string, extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  FAKE_CALICOCTL_MODE: mode,
  FAKE_CALICOCTL_LOG: join(dir, 'log.jsonl'),
  FAKE_CALICOCTL_STATE: join(dir, 'state.json'),
  ...extra,
});
const log = () =>
  readFileSync(join(dir, 'log.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const manifest =
  'apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: security\nspec:\n  order: 100\n';

describe('createNodeRunner against the fake calicoctl', () => {
  it('passes arguments, stdin and exactly the given environment; collects stdout and exit code', async () => {
    const outcome = await runner.run(
      {
        bin: FAKE_CALICOCTL,
        args: ['apply', '-f', '-'],
        stdin: manifest,
        env: env('state', { ONLY_THIS: 'yes' }),
      },
      limits,
    );
    expect(outcome).toEqual({
      status: 'exited',
      exitCode: 0,
      signal: null,
      stdout: "Successfully applied 1 'Tier' resource(s)\n",
      stderr: '',
    });
    const [entry] = log();
    expect(entry.argv).toEqual(['apply', '-f', '-']);
    expect(entry.stdin).toBe(manifest);
    expect(entry.env.ONLY_THIS).toBe('yes');
    expect(entry.env.HOME).toBeUndefined();
  });

  it('reports calicoctl failures as exited with code 1 and stderr', async () => {
    const outcome = await runner.run(
      { bin: FAKE_CALICOCTL, args: ['apply', '-f', '-'], stdin: manifest, env: env('mismatch') },
      limits,
    );
    expect(outcome).toMatchObject({
      status: 'exited',
      exitCode: 1,
      stderr: expect.stringContaining('Version mismatch.'),
    });
  });

  it('passes shell metacharacters verbatim: nothing is interpreted', async () => {
    const mark = join(dir, 'pwned');
    const tricky = [
      `x;touch ${mark}`,
      `$(touch ${mark})`,
      `\`touch ${mark}\``,
      `a|touch ${mark}`,
      'it\'s "quoted" & <redirected>',
    ];
    const outcome = await runner.run(
      { bin: FAKE_CALICOCTL, args: ['get', ...tricky], env: env('echo') },
      limits,
    );
    expect(outcome.status === 'exited' && JSON.parse(outcome.stdout)).toEqual(['get', ...tricky]);
    expect(existsSync(mark)).toBe(false);
  });

  it('reports a missing binary as not-found', async () => {
    const outcome = await runner.run(
      { bin: join(dir, 'no-such-calicoctl'), args: ['version'], env: env('ok') },
      limits,
    );
    expect(outcome.status).toBe('not-found');
  });

  it('reports a non-executable binary as spawn-failed EACCES', async () => {
    const file = join(dir, 'calicoctl');
    writeFileSync(file, '#!/bin/sh\necho hi\n');
    chmodSync(file, 0o644);
    const outcome = await runner.run({ bin: file, args: ['version'], env: env('ok') }, limits);
    expect(outcome).toMatchObject({ status: 'spawn-failed', errno: 'EACCES' });
  });

  it('kills a hanging binary and everything it started on timeout', async () => {
    const outcome = await runner.run(
      { bin: FAKE_CALICOCTL, args: ['apply', '-f', '-'], stdin: manifest, env: env('hang-tree') },
      { timeoutMs: 800, maxOutputBytes: 1 << 20 },
    );
    expect(outcome.status).toBe('timeout');
    const entries = log();
    const pid = entries.find((e) => e.pid !== undefined)?.pid as number;
    const grandchild = entries.find((e) => e.grandchild !== undefined)?.grandchild as number;
    expect(pid).toBeTypeOf('number');
    expect(grandchild).toBeTypeOf('number');
    // SIGKILL is asynchronous; poll briefly instead of asserting on time.
    for (let i = 0; i < 50 && (alive(pid) || alive(grandchild)); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(alive(pid)).toBe(false);
    expect(alive(grandchild)).toBe(false);
  });

  it('kills a binary that prints more than maxOutputBytes', async () => {
    const outcome = await runner.run(
      { bin: FAKE_CALICOCTL, args: ['get', 'gnp'], env: env('flood') },
      { timeoutMs: 10_000, maxOutputBytes: 64 * 1024 },
    );
    expect(outcome.status).toBe('output-limit');
  });

  it('tolerates a binary that exits without reading a large stdin (EPIPE)', async () => {
    const big = `${manifest}# ${'x'.repeat(4 * 1024 * 1024)}\n`;
    const outcome = await runner.run(
      { bin: FAKE_CALICOCTL, args: ['version'], stdin: big, env: env('state') },
      limits,
    );
    expect(outcome).toMatchObject({ status: 'exited', exitCode: 0 });
  });

  it('rejects arguments with NUL bytes without throwing', async () => {
    const outcome = await runner.run(
      { bin: FAKE_CALICOCTL, args: ['get', 'a\0b'], env: env('echo') },
      limits,
    );
    expect(outcome.status).toBe('spawn-failed');
  });
});
