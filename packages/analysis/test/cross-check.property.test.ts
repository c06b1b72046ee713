/**
 * Proof by cross-check: every answer of the analysis is compared with the concrete evaluator on
 * random worlds (witnesses evaluated, flows inside and outside regions, lint claims sampled).
 */
import { World } from '@calico-dsl/evaluator';
import { icmpFirstPacket, viaChoices } from '@calico-dsl/evaluator/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbitraryFlow,
  arbitraryWorld,
  OTHER_IPS,
  POD_IPS,
} from '../../evaluator/test/helpers/arbitrary-world.js';
import { icmpAtoms, isInvalidStandIn } from '../src/icmp-types.js';
import { analyze, diff } from '../src/index.js';
import { boxAround, inSpace } from './helpers/flows.js';

const VERDICTS = ['Allow', 'Deny', 'Mixed'] as const;
const TIMEOUT = 240_000;

/** Every flow between the world's addresses on the ports its generator uses. */
function sampleFlows() {
  const out = [];
  for (const s of [...POD_IPS, ...OTHER_IPS])
    for (const d of [...POD_IPS, ...OTHER_IPS]) {
      out.push({ protocol: 'ICMP', srcIp: s, dstIp: d });
      // Typed ICMP (outside the search spaces, inside every lint claim): the generator's rules match these.
      // Type 11 (time exceeded), which no rule names, is conntrack INVALID as type 0 is.
      for (const icmp of [{ type: 8 }, { type: 0 }, { type: 3, code: 1 }, { type: 3, code: 2 }, { type: 11 }])
        out.push({ protocol: 'ICMP', srcIp: s, dstIp: d, icmp });
      for (const p of [22, 53, 80, 443, 8080, 8081, 8500, 9001, 30080])
        for (const protocol of ['TCP', 'UDP'])
          out.push({ protocol, srcIp: s, srcPort: 40000, dstIp: d, dstPort: p });
    }
  return out;
}

/** Flows from outside that name where they enter: every choice the world accepts. */
function enteringFlows(world: World) {
  return viaChoices(world.model).flatMap((via) =>
    OTHER_IPS.flatMap((s) =>
      [...POD_IPS, ...OTHER_IPS].flatMap((d) => [
        { protocol: 'ICMP', srcIp: s, dstIp: d, via },
        ...[22, 80, 30080].map((p) => ({
          protocol: 'TCP',
          srcIp: s,
          srcPort: 40000,
          dstIp: d,
          dstPort: p,
          via,
        })),
      ]),
    ),
  );
}

describe('search = brute force', () => {
  it(
    'finds a witness exactly when a flow of the box has the verdict',
    () => {
      fc.assert(
        fc.property(
          arbitraryWorld,
          fc.array(arbitraryFlow, { minLength: 1, maxLength: 3 }),
          (resources, flows) => {
            const world = World.from(resources);
            const a = analyze(world);
            for (const f of flows) {
              const { space, flows: all } = boxAround(f);
              const truth = all.map((g) => world.evaluate(g).verdict);
              for (const v of VERDICTS) {
                const r = a.search(space, v);
                expect(r.found).toBe(truth.includes(v));
                if (r.found) {
                  expect(inSpace(r.witness, space)).toBe(true);
                  expect(world.evaluate(r.witness).verdict).toBe(v);
                }
              }
            }
          },
        ),
        { numRuns: 40 },
      );
    },
    TIMEOUT,
  );

  it(
    'over every flow: each sampled verdict is found, each witness has it',
    () => {
      fc.assert(
        fc.property(
          arbitraryWorld,
          fc.array(arbitraryFlow, { minLength: 1, maxLength: 4 }),
          (resources, flows) => {
            const world = World.from(resources);
            const a = analyze(world);
            const seen = new Set(flows.map((f) => world.evaluate(f).verdict));
            for (const v of VERDICTS) {
              const r = a.search({}, v);
              if (seen.has(v)) expect(r.found).toBe(true);
              if (r.found) expect(world.evaluate(r.witness).verdict).toBe(v);
            }
          },
        ),
        { numRuns: 6 },
      );
    },
    TIMEOUT,
  );
});

describe('diff = brute force', () => {
  it(
    'regions hold exactly the flows that change, with their verdicts',
    () => {
      fc.assert(
        fc.property(arbitraryWorld, fc.nat(), (resources, pick) => {
          const policies = resources.filter((r) => /NetworkPolicy$/.test(String(r.kind)));
          if (policies.length === 0) return;
          const gone = policies[pick % policies.length];
          const before = World.from(resources);
          const after = World.from(resources.filter((r) => r !== gone));
          const { changes, icmpChanges, viaChanges } = diff(before, after);
          for (const c of [...changes, ...icmpChanges, ...viaChanges]) {
            expect(inSpace(c.witness, c.region)).toBe(true);
            expect(before.evaluate(c.witness).verdict).toBe(c.before);
            expect(after.evaluate(c.witness).verdict).toBe(c.after);
          }
          // A typed ping falls in icmpChanges when the rules name its type (and code), or under
          // the stand-in type when conntrack calls it INVALID as a first packet (Linux
          // nf_conntrack_icmp_packet valid_new), else it behaves as a typeless one and falls in
          // changes.
          const named = icmpAtoms([before.model, after.model], true).get(1) ?? [];
          const atomOf = (icmp: { type: number; code?: number }) =>
            named.find((x) => x.type === icmp.type && x.code === icmp.code) ??
            named.find((x) => x.type === icmp.type && x.code === undefined) ??
            (icmpFirstPacket(1, icmp.type) === 'invalid' ? named.find(isInvalidStandIn) : undefined);
          for (const f of sampleFlows()) {
            const b = before.evaluate(f).verdict;
            const a = after.evaluate(f).verdict;
            const atom = f.icmp ? atomOf(f.icmp) : undefined;
            const hits = (
              atom
                ? icmpChanges.filter((c) => c.icmp.type === atom.type && c.icmp.code === atom.code)
                : changes
            ).filter((c) => inSpace(f, c.region));
            if (b !== a) expect(hits.some((h) => h.before === b && h.after === a)).toBe(true);
            for (const h of hits) expect([h.before, h.after], JSON.stringify(f)).toEqual([b, a]);
          }
          // A flow that names where it enters changes as the same flow without `via` (in changes)
          // or is in viaChanges for that via (or, naming only its node, for one of its interfaces); nothing in viaChanges says otherwise. viaChanges are
          // computed where host endpoints make the entry matter to policy: without any, a flow
          // entering elsewhere differs only by the path (externalTrafficPolicy Local), and the
          // change it shows is the one routed flows to that node's own address show.
          const withHeps = before.model.hostEndpoints.length > 0 || after.model.hostEndpoints.length > 0;
          const key = (v: { node: string; interface?: string }) => `${v.node}/${v.interface ?? ''}`;
          for (const f of enteringFlows(before)) {
            const { via, ...routed } = f;
            const b = before.evaluate(f).verdict;
            const a = after.evaluate(f).verdict;
            const hits = viaChanges.filter((c) => key(c.via) === key(via) && inSpace(f, c.region));
            for (const h of hits) expect([h.before, h.after]).toEqual([b, a]);
            if (b === a) continue;
            const asRouted = [before.evaluate(routed).verdict, after.evaluate(routed).verdict];
            if (asRouted[0] === b && asRouted[1] === a) continue;
            // A change a flow naming only the node shows just as one naming an interface does is
            // listed once, for the interface.
            const asInterface = viaChanges.filter(
              (c) =>
                via.interface === undefined &&
                c.via.node === via.node &&
                c.via.interface !== undefined &&
                inSpace(f, c.region) &&
                c.before === b &&
                c.after === a,
            );
            if (withHeps)
              expect(hits.length + asInterface.length, `${JSON.stringify(f)} ${b} → ${a}`).toBeGreaterThan(0);
          }
        }),
        { numRuns: 60 },
      );
    },
    TIMEOUT,
  );
});

describe('diff of any resource = brute force', () => {
  it(
    'removing a node, pod, service, host endpoint or setting: the changed flows are the regions',
    () => {
      fc.assert(
        fc.property(arbitraryWorld, fc.nat(), (resources, pick) => {
          // Not policies (the test above): what the affected-classes shortcut must notice.
          const others = resources.filter((r) => !/NetworkPolicy$/.test(String(r.kind)));
          const gone = others[pick % others.length];
          const before = World.from(resources);
          const after = World.from(resources.filter((r) => r !== gone));
          const { changes } = diff(before, after);
          for (const f of sampleFlows()) {
            if (f.icmp) continue;
            const b = before.evaluate(f).verdict;
            const a = after.evaluate(f).verdict;
            const hits = changes.filter((c) => inSpace(f, c.region));
            const what = `${String(gone?.kind)} ${JSON.stringify(f)}`;
            if (b !== a)
              expect(
                hits.some((h) => h.before === b && h.after === a),
                what,
              ).toBe(true);
            for (const h of hits) expect([h.before, h.after], what).toEqual([b, a]);
          }
        }),
        { numRuns: 20 },
      );
    },
    TIMEOUT,
  );
});

describe('lint claims hold for every sampled flow', () => {
  it(
    'no sampled flow reaches a rule reported shadowed or a policy reported matching nothing',
    () => {
      let claims = 0;
      fc.assert(
        fc.property(arbitraryWorld, (resources) => {
          const world = World.from(resources);
          const findings = analyze(world).lint();
          const checked = findings.filter(
            (f) => f.code === 'shadowed-rule' || f.code === 'selector-matches-nothing',
          );
          if (checked.length === 0) return;
          claims += checked.length;
          for (const f of [...sampleFlows(), ...enteringFlows(world)]) {
            const r = world.evaluate(f);
            for (const c of checked) {
              const hit = r.trace.find(
                (s) =>
                  s.policy?.name === c.resource.name &&
                  s.policy.kind === c.resource.kind &&
                  (!c.rule ||
                    (s.direction === c.rule.direction &&
                      s.ruleIndex === c.rule.index &&
                      s.action !== 'no-match')),
              );
              expect(
                hit,
                `${c.code} ${c.resource.name} ${JSON.stringify(c.rule)} reached by ${JSON.stringify(f)}`,
              ).toBeUndefined();
            }
          }
          for (const w of findings.filter((x) => x.witness))
            expect(world.evaluate(w.witness as never).verdict).toBeDefined();
        }),
        { numRuns: 60 },
      );
      expect(claims).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});

describe('class matrix = cell by cell', () => {
  it(
    'every cell and count agree with World.matrix',
    () => {
      fc.assert(
        fc.property(arbitraryWorld, fc.constantFrom(80, 8080, 22), (resources, port) => {
          const world = World.from(resources);
          const m = analyze(world).matrix({ protocol: 'TCP', port });
          const ref = world.matrix({ protocol: 'TCP', port });
          expect(m.endpoints).toEqual(ref.endpoints);
          const counts = new Map<string, number>();
          for (const [i, row] of ref.cells.entries())
            for (const [j, v] of row.entries()) {
              expect(m.verdict(i, j)).toBe(v);
              counts.set(v, (counts.get(v) ?? 0) + 1);
            }
          for (const v of VERDICTS) expect(m.count(v)).toBe(counts.get(v) ?? 0);
          expect(m.classes).toBeLessThanOrEqual(m.endpoints.length);
        }),
        { numRuns: 40 },
      );
    },
    TIMEOUT,
  );
});
