import type { Runner } from '@calico-dsl/calicoctl';
import { calicoctlSays, createFakeRunner, type FakeRunner } from '@calico-dsl/calicoctl/testing';
import { describe, expect, it, vi } from 'vitest';
import type { CliIo } from './io.js';
import { main } from './main.js';

// In-process runs with an in-memory CliIo: the CLI does no I/O of its own.
function memoryIo(files: Record<string, string>, runner?: FakeRunner) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const io: CliIo = {
    stdout: { write: (t) => void out.push(t), isTTY: false },
    stderr: { write: (t) => void err.push(t), isTTY: false },
    env: {},
    async readFile(path) {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    async writeFile(path, text) {
      written.set(path, text);
    },
    join: (dir, name) => `${dir}/${name}`,
    async importModule(path) {
      if (path !== 'policies.ts') throw new Error(`cannot import ${path}`);
      return {
        tier: {
          apiVersion: 'projectcalico.org/v3',
          kind: 'Tier',
          metadata: { name: 'security' },
          spec: { order: 100 },
        },
      };
    },
    ...(runner ? { runner } : {}),
  };
  return { io, out: () => out.join(''), err: () => err.join(''), written };
}

const TIER =
  'apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: security\nspec:\n  order: 100\n';
const argv = (...args: string[]) => ['node', 'calico-dsl', ...args];

describe('main with an injected CliIo', () => {
  it('validate reads through the injected file access', async () => {
    const m = memoryIo({ 'tier.yaml': TIER });
    expect(await main(argv('validate', 'tier.yaml'), m.io)).toBe(0);
    expect(m.out()).toContain('✓ tier.yaml (1 resource)');
  });

  it('synth -o writes through the injected file access', async () => {
    const m = memoryIo({ 'policies.ts': 'export const tier = {};' });
    expect(await main(argv('synth', 'policies.ts', '-o', 'out', '--no-typecheck'), m.io)).toBe(0);
    expect([...m.written.keys()]).toEqual(['out/tier-security.yaml']);
    expect(m.written.get('out/tier-security.yaml')).toBe(TIER);
  });

  it('apply runs calicoctl through the injected Runner', async () => {
    const runner = createFakeRunner([calicoctlSays.success('apply', 1, 'Tier')]);
    const m = memoryIo({ 'tier.yaml': TIER }, runner);
    expect(await main(argv('apply', 'tier.yaml', '--datastore-type', 'kubernetes'), m.io)).toBe(0);
    expect(runner.commands[0]?.args).toEqual(['apply', '-f', '-']);
    expect(runner.commands[0]?.stdin).toBe(TIER);
    expect(runner.commands[0]?.env.DATASTORE_TYPE).toBe('kubernetes');
    expect(m.out()).toContain('applied 1 resource(s) (Tier)');
  });

  it('a partial apply lists what was and was not applied', async () => {
    const runner = createFakeRunner([
      calicoctlSays.partial('apply', 1, 2, 'Tier', 'resource does not exist: Tier(other)'),
    ]);
    const two = `${TIER}---\n${TIER.replace('security', 'other')}`;
    const m = memoryIo({ 'tiers.yaml': two }, runner);
    expect(await main(argv('apply', 'tiers.yaml'), m.io)).toBe(1);
    expect(m.err()).toContain('PARTIAL_FAILURE');
    expect(m.err()).toContain('applied: Tier(security)');
  });

  it('usage errors return 2 and print to the injected stderr', async () => {
    const m = memoryIo({});
    expect(await main(argv('eval', '--no-such-flag'), m.io)).toBe(2);
    expect(m.err()).toContain("unknown option '--no-such-flag'");
  });
});

describe('signals and messages (injected CliIo)', () => {
  // A calicoctl that runs until it is aborted, as the Node runner ends its process group then.
  const untilAborted: Runner = {
    run: (_command, limits) =>
      new Promise((resolve) => {
        limits.signal?.addEventListener('abort', () =>
          resolve({ status: 'aborted', stdout: '', stderr: '' }),
        );
      }),
  };

  it('Ctrl-C during apply aborts calicoctl, reports applied/failed/unknown (--json), exit 130', async () => {
    let interrupt: ((signal: 'SIGINT' | 'SIGTERM') => number | undefined) | undefined;
    let stopped = false;
    const m = memoryIo({ 'tier.yaml': TIER });
    const io: CliIo = {
      ...m.io,
      runner: untilAborted,
      onInterrupt(handler) {
        interrupt = handler;
        return () => {
          stopped = true;
        };
      },
    };
    const done = main(argv('apply', 'tier.yaml', '--json'), io);
    await vi.waitFor(() => expect(interrupt).toBeDefined());
    expect(interrupt?.('SIGINT')).toBeUndefined(); // the command finishes the report itself
    expect(await done).toBe(130);
    const doc = JSON.parse(m.out());
    expect(doc).toMatchObject({ ok: false, interrupted: 'SIGINT', applied: [], failed: [] });
    expect(doc.unknown).toMatchObject([{ kind: 'Tier', name: 'security', outcome: 'unknown' }]);
    expect(stopped).toBe(true);
  });

  it('SIGTERM: exit 143, said on stderr; a second signal asks to end at once', async () => {
    let interrupt: ((signal: 'SIGINT' | 'SIGTERM') => number | undefined) | undefined;
    const m = memoryIo({ 'tier.yaml': TIER });
    const never: Runner = { run: () => new Promise(() => {}) };
    const io: CliIo = {
      ...m.io,
      runner: never,
      onInterrupt(h) {
        interrupt = h;
        return () => {};
      },
    };
    void main(argv('apply', 'tier.yaml'), io);
    await vi.waitFor(() => expect(interrupt).toBeDefined());
    expect(interrupt?.('SIGTERM')).toBeUndefined();
    expect(interrupt?.('SIGINT')).toBe(143);
  });

  it('SIGTERM after calicoctl was aborted: exit 143 and the report on stderr', async () => {
    let interrupt: ((signal: 'SIGINT' | 'SIGTERM') => number | undefined) | undefined;
    const m = memoryIo({ 'tier.yaml': TIER });
    const io: CliIo = {
      ...m.io,
      runner: untilAborted,
      onInterrupt(h) {
        interrupt = h;
        return () => {};
      },
    };
    const done = main(argv('apply', 'tier.yaml'), io);
    await vi.waitFor(() => expect(interrupt).toBeDefined());
    interrupt?.('SIGTERM');
    expect(await done).toBe(143);
    expect(m.err()).toContain('interrupted (SIGTERM)');
    expect(m.err()).toContain('unknown (1): Tier(security)');
  });

  it('a missing calicoctl names --calicoctl, CALICOCTL_BIN and where to get it', async () => {
    const m = memoryIo({});
    expect(await main(argv('get', 'gnp', '--calicoctl', '/no/such/calicoctl'), m.io)).toBe(1);
    expect(m.err()).toContain('--calicoctl <path> or CALICOCTL_BIN=<path>');
    expect(m.err()).toContain('https://docs.tigera.io/calico/latest/operations/calicoctl/install');
  });
});
