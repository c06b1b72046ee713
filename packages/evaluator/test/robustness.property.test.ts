import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluatorInputError, World } from '../src/index.js';
import { arbitraryFlow, arbitraryWorld } from './helpers/arbitrary-world.js';
import { mutate } from './helpers/mutate.js';

describe('malformed input', () => {
  it('World.from throws only EvaluatorInputError; evaluate never throws', () => {
    fc.assert(
      fc.property(
        arbitraryWorld,
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(arbitraryFlow, { maxLength: 4 }),
        (resources, choices, value, flows) => {
          const broken = mutate(resources, choices, value) as unknown[];
          let world: World;
          try {
            world = World.from(broken);
          } catch (e) {
            expect(e).toBeInstanceOf(EvaluatorInputError);
            expect((e as EvaluatorInputError).issues.length).toBeGreaterThan(0);
            return;
          }
          for (const f of flows) expect(['Allow', 'Deny', 'Mixed']).toContain(world.evaluate(f).verdict);
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);

  it('names the resource and the field', () => {
    expect(() =>
      World.from([
        {
          apiVersion: 'projectcalico.org/v3',
          kind: 'GlobalNetworkPolicy',
          metadata: { name: 'x' },
          spec: { ingress: [{ action: 'allow' }] },
        },
      ]),
    ).toThrow(
      'GlobalNetworkPolicy "x": spec.ingress[0].action must be one of Allow, Deny, Log, Pass, not string "allow"',
    );
  }, 120_000);
});

describe('shapes the property test once found', () => {
  it('a Tier whose order is not a number is an input error, not a TypeError while sorting tiers', () => {
    expect(() =>
      World.from([
        {
          apiVersion: 'projectcalico.org/v3',
          kind: 'Tier',
          metadata: { name: 't' },
          spec: { order: { toString: 0 } },
        },
        { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'u' }, spec: { order: 5 } },
      ]),
    ).toThrow(EvaluatorInputError);
  });

  it('a rule with `source: null` reads as a rule without source (as Go decodes null)', () => {
    const world = World.from([
      {
        apiVersion: 'projectcalico.org/v3',
        kind: 'GlobalNetworkPolicy',
        metadata: { name: 'p' },
        spec: { selector: 'all()', ingress: [{ action: 'Deny', source: null }] },
      },
    ]);
    expect(world.issues).toEqual([]);
  });

  it('null fields anywhere read as absent (fast-check seed -151661811: `selector: null` in a rule side)', () => {
    const world = World.from([
      {
        apiVersion: 'projectcalico.org/v3',
        kind: 'GlobalNetworkPolicy',
        metadata: { name: 'p', labels: null },
        spec: {
          selector: 'all()',
          order: null,
          ingress: [{ action: 'Deny', source: { selector: null, nets: null } }],
        },
      },
    ]);
    expect(world.issues).toEqual([]);
    expect(
      world.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 }).verdict,
    ).toBe('Allow');
  });
});
