import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../src/index.js';

// The world manifests of shared/conformance/eval (copied into test/fixtures/eval), and those of
// every Felix FV conversion the evaluator's tests run (its test/fixtures other than eval): real
// mixes of Calico and Kubernetes kinds (FelixConfiguration, HostEndpoints, tiers, staged and
// Kubernetes policy kinds, EndpointSlices). Each must read cleanly and survive a round trip.
const evalDir = new URL('./fixtures/eval/', import.meta.url);
const evalWorlds = readdirSync(evalDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => new URL(f, evalDir));
const fvRoot = new URL('../../evaluator/test/fixtures/', import.meta.url);
const fvWorlds = readdirSync(fvRoot, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('world.yaml') && !f.startsWith('eval/'))
  .sort()
  .map((f) => new URL(f, fvRoot));

describe('conformance eval and Felix FV worlds', () => {
  it('finds the worlds', () => {
    expect(evalWorlds.length).toBeGreaterThan(10);
    expect(fvWorlds.length).toBeGreaterThan(90);
  });
  it.each([...evalWorlds, ...fvWorlds].map((u) => [u.pathname.split('/fixtures/')[1], u] as const))(
    '%s reads and round-trips',
    (_name, url) => {
      const first = fromYaml(readFileSync(url, 'utf8'));
      expect(first.ok && first.value.length).toBeGreaterThan(0);
      if (!first.ok) return;
      expect(fromYaml(toYaml(first.value))).toEqual(first);
      expect(fromYaml(toYaml(first.value, { list: true }))).toEqual(first);
    },
  );
});
