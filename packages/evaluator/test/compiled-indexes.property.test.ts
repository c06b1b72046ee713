import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { arbitraryIndexFlow, arbitraryIndexWorld } from './helpers/arbitrary-index-world.js';

describe('compiled engine indexes = reference engine (random worlds)', () => {
  it('agree on verdicts, paths, traces and unsupported uses', () => {
    fc.assert(
      fc.property(
        arbitraryIndexWorld,
        fc.array(arbitraryIndexFlow, { minLength: 1, maxLength: 16 }),
        (res, flows) => {
          const compiled = World.from(res);
          const reference = World.from(res, { engine: 'reference' });
          for (const flow of flows) {
            const a = compiled.evaluate(flow);
            const b = reference.evaluate(flow);
            expect(a.verdict).toBe(b.verdict);
            expect(a.paths).toEqual(b.paths);
            expect(a.trace).toEqual(b.trace);
            expect(a.unsupported).toEqual(b.unsupported);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);

  it('applicable policies from the selector index equal the reference scan', () => {
    fc.assert(
      fc.property(arbitraryIndexWorld, (res) => {
        const compiled = World.from(res);
        const reference = World.from(res, { engine: 'reference' });
        for (const w of compiled.model.workloads) {
          const ref = { kind: 'WorkloadEndpoint' as const, namespace: w.namespace, name: w.name };
          expect(compiled.policiesFor(ref)).toEqual(reference.policiesFor(ref));
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('the matrix fast path gives evaluate()’s verdicts', () => {
    fc.assert(
      fc.property(
        arbitraryIndexWorld,
        fc.constantFrom('TCP', 'UDP', 'ICMP'),
        fc.constantFrom(80, 81, 9090),
        (res, protocol, port) => {
          const world = World.from(res);
          const reference = World.from(res, { engine: 'reference' });
          const opts = protocol === 'ICMP' ? { protocol } : { protocol, port };
          expect(world.matrix(opts).cells).toEqual(reference.matrix(opts).cells);
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('random index worlds exercise both verdicts', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryIndexWorld, arbitraryIndexFlow, (res, flow) => {
        seen.add(World.from(res).evaluate(flow).verdict);
      }),
      { numRuns: 200 },
    );
    expect(seen.has('Allow') && seen.has('Deny')).toBe(true);
  }, 120_000);
});
