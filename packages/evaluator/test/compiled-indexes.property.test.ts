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

  it('a chain whose first rule matches every packet decides as that rule, like the reference walk', () => {
    const pod = (name: string, ip: string, app: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'prod', labels: { app } },
      status: { podIP: ip },
    });
    const gnp = (name: string, order: number, ingress: unknown[], egress: unknown[]) => ({
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkPolicy',
      metadata: { name },
      spec: { order, selector: 'all()', types: ['Ingress', 'Egress'], ingress, egress },
    });
    const cases: unknown[][] = [
      // Egress: allow everything first; ingress: deny everything first, then an allow it shadows.
      [
        gnp('first', 1, [{ action: 'Deny' }], [{ action: 'Allow' }]),
        gnp('later', 2, [{ action: 'Allow' }], []),
      ],
      // A first rule with a criterion, or a Log / Pass first rule, is not a decided chain.
      [gnp('first', 1, [{ action: 'Log' }, { action: 'Allow', protocol: 'UDP' }], [{ action: 'Pass' }])],
      [
        gnp(
          'first',
          1,
          [{ action: 'Allow', destination: { ports: [80] }, protocol: 'TCP' }],
          [{ action: 'Allow' }],
        ),
      ],
    ];
    const flows = [
      { protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 },
      { protocol: 'UDP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 53 },
      { protocol: 'ICMP', srcIp: '10.0.0.2', dstIp: '10.0.0.1' },
    ];
    const verdicts = new Set<string>();
    for (const policies of cases) {
      const res = [pod('web', '10.0.0.1', 'web'), pod('api', '10.0.0.2', 'api'), ...policies];
      const compiled = World.from(res);
      const reference = World.from(res, { engine: 'reference' });
      for (const flow of flows) {
        const a = compiled.evaluate(flow);
        const b = reference.evaluate(flow);
        verdicts.add(a.verdict);
        expect(a.verdict).toBe(b.verdict);
        expect(a.decidedBy).toEqual(b.decidedBy);
        expect(a.trace).toEqual(b.trace);
      }
    }
    expect([...verdicts].sort()).toEqual(['Allow', 'Deny']);
  });

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
