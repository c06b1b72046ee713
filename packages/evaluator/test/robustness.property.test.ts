import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesThrownBy, revokedProxy, throwingProxy as throwing } from '../../core/test/helpers/hostile.js';
import { EvaluatorInputError, formatFlow, parseFlow, parseVia, World } from '../src/index.js';
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

describe('values that are not plain data (getters, Proxies, cycles, bigints)', () => {
  const pod = (name: string, ip: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName: 'n1', containers: [{ name: 'c' }] },
    status: { podIP: ip },
  });
  const revoked = revokedProxy([]);
  const issuesOf = (run: () => unknown) => issuesThrownBy(EvaluatorInputError, run);

  it('World.from names the resource and field of each, and keeps a copy of the rest', () => {
    const cyclic: Record<string, unknown> = pod('a', '10.0.0.1');
    (cyclic.metadata as Record<string, unknown>).self = cyclic;
    const getter = pod('b', '10.0.0.2');
    Object.defineProperty(getter, 'spec', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const big = {
      ...pod('c', '10.0.0.3'),
      spec: { nodeName: 'n1', containers: [{ name: 'c', ports: [{ containerPort: 80n }] }] },
    };
    const builder = {
      toResource: () => {
        throw new Error('half-built');
      },
    };
    expect(issuesOf(() => World.from([cyclic, getter, big, throwing, builder]))).toEqual([
      ['cyclic', [0, 'metadata', 'self']],
      ['unreadable', [1, 'spec']],
      ['invalid_type', [2, 'spec', 'containers', 0, 'ports', 0, 'containerPort']],
      ['unreadable', [3]],
      ['unreadable', [4]],
    ]);
    expect(issuesOf(() => World.from(revoked))).toEqual([['unreadable', []]]);
    // The world keeps its own copy: changing the input afterwards changes nothing.
    const input = [pod('d', '10.0.0.4')];
    const world = World.from(input);
    (input[0] as { status: { podIP: string } }).status.podIP = '10.9.9.9';
    expect(world.model.workloads[0]?.ips.map((ip) => ip.text)).toEqual(['10.0.0.4']);
  });

  it('World.from options: a typo or an unknown value is an input error, not a silent default', () => {
    expect(issuesOf(() => World.from([], { engnie: 'reference' } as never))).toEqual([
      ['invalid_option', ['options', 'engnie']],
    ]);
    expect(issuesOf(() => World.from([], { engine: 'fast' } as never))).toEqual([
      ['invalid_option', ['options', 'engine']],
    ]);
    expect(
      issuesOf(() => World.from([], { calicoVersion: 'v9', defaultEndpointToHostAction: 'Maybe' } as never)),
    ).toEqual([
      ['invalid_option', ['options', 'calicoVersion']],
      ['invalid_option', ['options', 'defaultEndpointToHostAction']],
    ]);
    expect(issuesOf(() => World.from([], null as never))).toEqual([['invalid_input', ['options']]]);
    expect(World.from([], { engine: 'reference', calicoVersion: 'v3.28' }).engine).toBe('reference');
  });

  it('evaluate never throws: the field that cannot be read is an issue, and explain() works', () => {
    const world = World.from([pod('a', '10.0.0.1'), pod('b', '10.0.0.2')]);
    const ok = { protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 };
    const getter = { ...ok };
    Object.defineProperty(getter, 'dstPort', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const cyclicVia: Record<string, unknown> = { node: 'n1' };
    cyclicVia.self = cyclicVia;
    const cases: [unknown, (string | number)[]][] = [
      [{ ...ok, dstPort: 80n }, ['dstPort']],
      [getter, ['dstPort']],
      [{ ...ok, via: cyclicVia }, ['via', 'self']],
      [{ ...ok, protocol: Symbol('tcp') }, ['protocol']],
      [throwing, ['protocol']],
      [revoked, ['protocol']],
    ];
    for (const [flow, path] of cases) {
      const r = world.evaluate(flow as never);
      expect(r.verdict).toBe('Deny');
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([['invalid_flow', path]]);
      expect(r.explain()).toContain('(invalid)');
      expect(() => JSON.stringify(r)).not.toThrow();
    }
    expect(world.evaluate(ok).verdict).toBe('Allow');
  });

  it('evaluateMany and matrix refuse what they cannot read; the text helpers never throw', () => {
    const world = World.from([pod('a', '10.0.0.1')]);
    for (const bad of ['tcp', undefined, revoked])
      expect(issuesOf(() => world.evaluateMany(bad as never))).toEqual([['invalid_input', []]]);
    expect(issuesOf(() => world.matrix(undefined as never))).toEqual([['invalid_input', []]]);
    expect(issuesOf(() => world.matrix({ protocol: 'TPC', port: 80 } as never))).toEqual([
      ['invalid_protocol', ['protocol']],
    ]);
    expect(issuesOf(() => world.matrix({ protocol: 'TCP' }))).toEqual([['required', ['port']]]);
    expect(
      issuesOf(() =>
        world.matrix({ protocol: 'TCP', port: 80, endpoints: [{ namespace: 'default', name: 'nope' }] }),
      ),
    ).toEqual([['unknown_endpoint', ['endpoints', 0]]]);
    for (const bad of [42, undefined, throwing]) {
      expect(parseFlow(bad as never).ok).toBe(false);
      expect(parseVia(bad as never).ok).toBe(false);
      expect(formatFlow(bad as never)).toMatch(/^\(invalid\) /);
    }
  });
});
