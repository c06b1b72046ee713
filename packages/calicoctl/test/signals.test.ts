// A Node process killed by a signal while calicoctl runs leaves nothing behind: the runner's own
// listeners end calicoctl's process group, then Node dies of the signal as it would have.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alive, FAKE_CALICOCTL, tempDir } from './helpers.js';

const runnerSource = fileURLToPath(new URL('../src/node-runner.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

type How = 'signal' | 'own-handler' | 'exit';
const prelude: Record<How, string> = {
  signal: '',
  'own-handler':
    "process.once('SIGTERM', () => { void abortRunningCommands().then(() => { console.log('reported'); process.exit(143); }); });",
  // A normal exit while calicoctl runs (e.g. a fatal error elsewhere in the program).
  exit: "process.once('SIGTERM', () => process.exit(3));",
};
const script = (how: How) => `
import { abortRunningCommands, createNodeRunner } from ${JSON.stringify(runnerSource)};
${prelude[how]}
const outcome = await createNodeRunner().run(
  { bin: ${JSON.stringify(FAKE_CALICOCTL)}, args: ['apply', '-f', '-'], stdin: '', env: { PATH: process.env.PATH ?? '', FAKE_CALICOCTL_MODE: 'hang-tree', FAKE_CALICOCTL_LOG: ${JSON.stringify(join(dir, 'log.jsonl'))} } },
  { timeoutMs: 600000, maxOutputBytes: 1 << 20 },
);
console.log('settled', outcome.status);
`;
async function pids(): Promise<{ pid: number; grandchild: number }> {
  for (let i = 0; i < 600; i++) {
    const file = join(dir, 'log.jsonl');
    const entries: { pid?: number; grandchild?: number }[] = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
      : [];
    const pid = entries.find((e) => e.pid !== undefined)?.pid;
    const grandchild = entries.find((e) => e.grandchild !== undefined)?.grandchild;
    if (pid !== undefined && grandchild !== undefined) return { pid, grandchild };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('calicoctl never started');
}
async function killDuringRun(how: How) {
  const file = join(dir, 'app.mts');
  writeFileSync(file, script(how));
  const node = spawn(process.execPath, ['--import', tsx, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  node.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  node.stderr.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    node.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const tree = await pids();
  node.kill('SIGTERM');
  return { ...(await ended), out, ...tree };
}

describe('Node killed by a signal while calicoctl runs', () => {
  it('with no handler of its own: calicoctl and its grandchild are ended, Node dies of the signal', {
    timeout: 120_000,
  }, async () => {
    const r = await killDuringRun('signal');
    expect(r.signal).toBe('SIGTERM');
    expect(r.out).not.toContain('settled');
    expect(alive(r.pid)).toBe(false);
    expect(alive(r.grandchild)).toBe(false);
  });

  it('with its own handler: the handler decides how to exit, nothing is left running', {
    timeout: 120_000,
  }, async () => {
    const r = await killDuringRun('own-handler');
    expect(r.code).toBe(143);
    expect(r.out).toContain('reported');
    expect(alive(r.pid)).toBe(false);
    expect(alive(r.grandchild)).toBe(false);
  });

  it('process.exit while calicoctl runs: the exit hook kills the group', { timeout: 120_000 }, async () => {
    const r = await killDuringRun('exit');
    expect(r.code).toBe(3);
    for (let i = 0; i < 100 && (alive(r.pid) || alive(r.grandchild)); i++)
      await new Promise((res) => setTimeout(res, 50));
    expect(alive(r.pid)).toBe(false);
    expect(alive(r.grandchild)).toBe(false);
  });
});
