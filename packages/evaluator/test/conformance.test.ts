import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { parseWorld, scenarios } from './helpers/scenarios.js';

// Every scenario of shared/conformance/eval, on both engines (README of that folder).
for (const sc of scenarios()) {
  describe(sc.name, () => {
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
