import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Flow, World } from '../src/index.js';
import { arbitraryFlow, arbitraryWorld, POD_IPS } from './helpers/arbitrary-world.js';

/** The generator's flows, ICMP ones with a type and code too (the generator's rules match on them). */
const flowOrTypedIcmp: fc.Arbitrary<Flow> = fc
  .tuple(arbitraryFlow, fc.constantFrom(undefined, { type: 8 }, { type: 3, code: 1 }, { type: 3, code: 2 }))
  .map(([f, icmp]) => (f.protocol === 'ICMP' && icmp !== undefined ? { ...f, icmp } : f));

describe('compiled engine = reference engine (random worlds)', () => {
  it('gives identical paths, verdicts and traces', () => {
    fc.assert(
      fc.property(
        arbitraryWorld,
        fc.array(flowOrTypedIcmp, { minLength: 1, maxLength: 12 }),
        (resources, flows) => {
          const compiled = World.from(resources);
          const reference = World.from(resources, { engine: 'reference' });
          for (const flow of flows) {
            const a = compiled.evaluate(flow);
            const b = reference.evaluate(flow);
            expect(a.verdict).toBe(b.verdict);
            expect(a.paths).toEqual(b.paths);
            expect(a.unsupported).toEqual(b.unsupported);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it("a flow's result does not depend on the flows evaluated before it (plans are cached per topology)", () => {
    // Every pod to the Service's cluster and load balancer IPs (where kube-proxy may tell pods
    // apart), and random flows, in a random order.
    const toService = POD_IPS.flatMap((srcIp) =>
      ['10.96.0.10', '192.0.2.80'].map(
        (dstIp): Flow => ({ protocol: 'TCP', srcIp, srcPort: 40000, dstIp, dstPort: 80 }),
      ),
    );
    const flows = fc
      .tuple(
        fc.shuffledSubarray(toService, { minLength: toService.length }),
        fc.array(arbitraryFlow, { maxLength: 6 }),
      )
      .chain(([a, b]) => fc.shuffledSubarray([...a, ...b], { minLength: a.length + b.length }));
    fc.assert(
      fc.property(arbitraryWorld, flows, (resources, list) => {
        const shared = World.from(resources);
        for (const flow of list)
          expect(shared.evaluate(flow).paths, JSON.stringify(flow)).toEqual(
            World.from(resources).evaluate(flow).paths,
          );
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('random worlds exercise both verdicts', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryWorld, arbitraryFlow, (resources, flow) => {
        seen.add(World.from(resources).evaluate(flow).verdict);
      }),
      { numRuns: 200 },
    );
    expect(seen.has('Allow') && seen.has('Deny')).toBe(true);
  }, 120_000);
});
