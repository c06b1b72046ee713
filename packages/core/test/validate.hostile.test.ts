// validate() must never throw and must never accept garbage, whatever it is given.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

interface ValidationRow {
  resource: Record<string, unknown>;
  valid: boolean;
}
const validRows = (
  JSON.parse(readFileSync(new URL('./fixtures/validation.json', import.meta.url), 'utf8')) as ValidationRow[]
).filter((r) => r.valid);

const isResult = (r: unknown): boolean =>
  r !== null &&
  typeof r === 'object' &&
  typeof (r as { ok?: unknown }).ok === 'boolean' &&
  ((r as { ok: boolean }).ok ? 'value' in r : Array.isArray((r as { issues?: unknown }).issues));

const gnp = (spec: unknown): Record<string, unknown> => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'GlobalNetworkPolicy',
  metadata: { name: 'a' },
  spec,
});

describe('hostile input', () => {
  // The list the acceptance check uses.
  const acceptanceList: unknown[] = [
    undefined,
    null,
    0,
    'x',
    [],
    {},
    { kind: 'GlobalNetworkPolicy' },
    { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: null, spec: 7 },
    { apiVersion: 'projectcalico.org/v3', kind: 'NoSuchKind', metadata: { name: 'a' }, spec: {} },
    JSON.parse('{"__proto__":{"x":1}}'),
    gnp({ ingress: [null, 1, 'x', { action: {} }] }),
  ];
  it.each(acceptanceList.map((h, i) => [i, h] as const))('acceptance hostile #%i is rejected', (_i, h) => {
    const r = validate(h);
    expect(isResult(r)).toBe(true);
    expect(r.ok).toBe(false);
  });

  it('rejects cyclic objects', () => {
    const spec: Record<string, unknown> = {};
    spec.self = spec;
    const res = gnp(spec);
    const r = validate(res);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain('cyclic');
  });

  it('rejects getters that throw and Proxies that throw', () => {
    const withGetter = gnp({});
    Object.defineProperty(withGetter, 'spec', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const r1 = validate(withGetter);
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.issues[0]?.code).toBe('unreadable');

    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    expect(validate(trap).ok).toBe(false);
    const { proxy, revoke } = Proxy.revocable(gnp({}), {});
    revoke();
    expect(validate(proxy).ok).toBe(false);
    expect(validate(gnp(proxy)).ok).toBe(false);
  });

  it('does not pollute prototypes through __proto__ keys', () => {
    const res = JSON.parse(
      '{"apiVersion":"projectcalico.org/v3","kind":"GlobalNetworkPolicy","metadata":{"name":"a","labels":{"__proto__":"x"}},"spec":{"__proto__":{"polluted":true}}}',
    );
    const r = validate(res);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (!r.ok)
      expect(r.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['invalid_label', 'unknown_field']));
  });

  it('handles huge arrays and non-JSON values', () => {
    const ports = Array.from({ length: 200_000 }, (_, i) => (i % 65535) + 1);
    const r = validate(gnp({ ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports } }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain('too_many_items');
    for (const bad of [
      () => 1,
      Symbol('s'),
      10n,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      new Date(0),
      new Map(),
    ]) {
      const res = validate(gnp({ order: bad }));
      expect(res.ok).toBe(false);
    }
  });

  it('rejects deeply nested input', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(validate(gnp(deep)).ok).toBe(false);
  });

  it('never throws on arbitrary values (fc.anything)', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true }),
        (v) => {
          const r = validate(v);
          expect(isResult(r)).toBe(true);
          expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary specs of every kind', () => {
    const kinds = [
      'GlobalNetworkPolicy',
      'NetworkPolicy',
      'StagedGlobalNetworkPolicy',
      'StagedNetworkPolicy',
      'StagedKubernetesNetworkPolicy',
      'Tier',
      'GlobalNetworkSet',
      'NetworkSet',
      'HostEndpoint',
      'Profile',
      'FelixConfiguration',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.anything(), fc.anything(), (kind, metadata, spec) => {
        const r = validate({ apiVersion: 'projectcalico.org/v3', kind, metadata, spec });
        expect(isResult(r)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutations of valid rows', () => {
    type Json = unknown;
    // Every path to a node of the resource, so a mutation can replace any of them.
    const paths = (v: Json, prefix: (string | number)[] = []): (string | number)[][] => {
      if (v === null || typeof v !== 'object') return [prefix];
      const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
      return [prefix, ...entries.flatMap(([k, x]) => paths(x, [...prefix, k]))];
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...validRows),
        fc.nat(),
        fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined)),
        (row, pick, replacement) => {
          const res = structuredClone(row.resource);
          const all = paths(res).filter((p) => p.length > 0);
          const path = all[pick % all.length]!;
          let parent: Record<string | number, unknown> = res;
          for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
          parent[path[path.length - 1]!] = replacement;
          const r = validate(res);
          expect(isResult(r)).toBe(true);
          if (r.ok) expect(Object.isFrozen(r.value)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('many issues', () => {
  it('returns every issue of a 300,000-entry invalid list', () => {
    const nets = Array.from({ length: 300_000 }, () => 'garbage');
    const r = validate({
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkSet',
      metadata: { name: 'x' },
      spec: { nets },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.filter((i) => i.code === 'invalid_cidr').length).toBe(300_000);
  });
});
