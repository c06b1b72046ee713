import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { FIXTURE_ROOT, parseWorld, SCENARIO_SETS, scenarios } from './helpers/scenarios.js';

// Every scenario of every set, on both engines.
for (const set of SCENARIO_SETS) {
  for (const sc of scenarios(join(FIXTURE_ROOT, set))) {
    describe(`${set}/${sc.name}`, () => {
      const resources = parseWorld(sc.worldText);
      for (const engine of ['compiled', 'reference'] as const) {
        const world = World.from(resources, { ...sc.options, engine });
        sc.flows.forEach((c, i) => {
          it(`${engine} #${i}: ${c.verdict} — ${c.why}`, () => {
            const result = world.evaluate(c.flow);
            expect(result.verdict, result.explain()).toBe(c.verdict);
            if (c.decidedBy !== null) expect(result.explain()).toContain(c.decidedBy);
          });
        });
      }
      it('engines agree step for step', () => {
        const a = World.from(resources, sc.options);
        const b = World.from(resources, { ...sc.options, engine: 'reference' });
        for (const c of sc.flows) expect(a.evaluate(c.flow).paths).toEqual(b.evaluate(c.flow).paths);
      });
    });
  }
}
