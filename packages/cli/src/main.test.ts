import { calicoctlSays, createFakeRunner, type FakeRunner } from '@calico-dsl/calicoctl/testing';
import { describe, expect, it } from 'vitest';
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
    const m = memoryIo({});
    expect(await main(argv('synth', 'policies.ts', '-o', 'out'), m.io)).toBe(0);
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
