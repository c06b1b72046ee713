import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { FELIX_FV, FIXTURES, parseWorld, scenarios } from './helpers/scenarios.js';

// Every scenario of shared/conformance/eval and of the Felix FV conversions (felix-fv, its
// ClusterNetworkPolicy cases in felix-fv/cnp), on both engines: the READMEs and NOTICE.md of
// those folders say where each expectation comes from.
const sets = { eval: FIXTURES, 'felix-fv': FELIX_FV, 'felix-fv/cnp': join(FELIX_FV, 'cnp') };

for (const [set, dir] of Object.entries(sets)) {
  for (const sc of scenarios(dir)) {
    describe(`${set}/${sc.name}`, () => {
      const resources = parseWorld(sc.worldText);
      for (const engine of ['compiled', 'reference'] as const) {
        const world = World.from(resources, { engine });
        sc.flows.forEach((c, i) => {
          it(`${engine} #${i}: ${c.verdict} — ${c.why}`, () => {
            const result = world.evaluate(c.flow);
            expect(result.verdict, result.explain()).toBe(c.verdict);
            if (c.decidedBy !== null) expect(result.explain()).toContain(c.decidedBy);
          });
        });
      }
      it('engines agree step for step', () => {
        const a = World.from(resources);
        const b = World.from(resources, { engine: 'reference' });
        for (const c of sc.flows) expect(a.evaluate(c.flow).paths).toEqual(b.evaluate(c.flow).paths);
      });
    });
  }
}
