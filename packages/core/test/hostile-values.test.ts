// Every entry point that reads caller values copies them as plain data or refuses them with an
// issue at a path: never a crash (RangeError, TypeError), never a getter or Proxy run twice.
import { describe, expect, it } from 'vitest';
import {
  CalicoValidationError,
  comparableForm,
  describeValue,
  globalNetworkPolicy,
  isResourceSource,
  parseASNumber,
  parseCidr,
  parseCidrOrIp,
  parseIp,
  parseMaskedCidr,
  parsePort,
  plainCopy,
  plainResourceOf,
  tier,
  toResources,
} from '../src/index.js';
import { issuesThrownBy, revokedProxy, throwingProxy } from './helpers/hostile.js';

const revoked = revokedProxy();
const NOT_TEXT: unknown[] = [
  undefined,
  null,
  10n,
  Symbol('s'),
  {},
  [],
  Object.create(null),
  throwingProxy,
  revoked,
];

describe('plainCopy', () => {
  it('copies plain data, keeping __proto__ as data', () => {
    const input = JSON.parse('{"__proto__":{"x":1},"a":[1,"b",true,null]}') as Record<string, unknown>;
    const { value, problems } = plainCopy(input);
    expect(problems).toEqual([]);
    expect(value).toEqual(input);
    expect(value).not.toBe(input);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__', 'a']);
    expect((value as { x?: unknown }).x).toBeUndefined();
  });

  it('reads a Date and a class instance as JSON does (js-yaml timestamps, Kubernetes client objects)', () => {
    expect(plainCopy({ creationTimestamp: new Date(Date.UTC(2024, 0, 1)) })).toEqual({
      value: { creationTimestamp: '2024-01-01T00:00:00.000Z' },
      problems: [],
    });
    class V1ObjectMeta {
      name = 'web';
      namespace = 'prod';
    }
    const { value, problems } = plainCopy({ metadata: new V1ObjectMeta() });
    expect(problems).toEqual([]);
    expect(value).toEqual({ metadata: { name: 'web', namespace: 'prod' } });
    expect(Object.getPrototypeOf((value as { metadata: object }).metadata)).toBe(Object.prototype);
  });

  it('reports what is not plain data at its path', () => {
    const cyclic: Record<string, unknown> = { spec: {} };
    (cyclic.spec as Record<string, unknown>).self = cyclic;
    const getter = {
      get spec() {
        throw new Error('boom');
      },
    };
    const cases: [unknown, string, (string | number)[]][] = [
      [cyclic, 'cyclic', ['spec', 'self']],
      [getter, 'unreadable', ['spec']],
      [{ ports: [80, 8080n] }, 'invalid_type', ['ports', 1]],
      [{ order: Number.NaN }, 'invalid_type', ['order']],
      [{ at: new Date(Number.NaN) }, 'invalid_type', ['at']],
      [{ at: new Map() }, 'invalid_type', ['at']],
      [{ at: /re/ }, 'invalid_type', ['at']],
      [{ f: () => 1 }, 'invalid_type', ['f']],
      [throwingProxy, 'unreadable', []],
    ];
    for (const [input, code, path] of cases) {
      const { problems } = plainCopy(input);
      expect(problems.map((p) => [p.code, p.path])).toEqual([[code, path]]);
    }
  });
});

describe('parsers given something that is not text', () => {
  it.each(NOT_TEXT.map((v) => [describeValue(v), v] as const))('%s: an invalid_type issue', (_name, v) => {
    for (const parse of [parseIp, parseCidr, parseMaskedCidr, parseCidrOrIp, parsePort, parseASNumber]) {
      const r = parse(v as string);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]?.code).toBe('invalid_type');
    }
  });
});

describe('describeValue', () => {
  it('names any value without throwing or printing a function body', () => {
    expect(NOT_TEXT.map(describeValue)).toEqual([
      'nothing',
      'null',
      'bigint 10',
      'symbol Symbol(s)',
      'a mapping',
      'a list',
      'a mapping',
      'a mapping',
      'a revoked Proxy',
    ]);
    expect(describeValue(() => 'secret')).toBe('a function');
  });
});

describe('comparableForm, toResources, isResourceSource', () => {
  it('comparableForm refuses what is not a resource with CalicoValidationError', () => {
    const cyclic: Record<string, unknown> = { apiVersion: 'v1', kind: 'Pod' };
    cyclic.self = cyclic;
    for (const bad of [undefined, 42, cyclic, throwingProxy, revoked]) {
      expect(() => comparableForm(bad as never)).toThrow(CalicoValidationError);
    }
  });

  it("plainResourceOf copies a builder's resource, and a builder that throws is a problem", () => {
    expect(plainResourceOf(tier('security').order(100)).value).toEqual(
      tier('security').order(100).toResource(),
    );
    const broken = {
      toResource: () => {
        throw new Error('half-built');
      },
    };
    expect(plainResourceOf(broken).problems.map((p) => [p.code, p.path])).toEqual([['unreadable', []]]);
  });

  it('a Proxy that throws is not a builder, and an unreadable list is an error', () => {
    expect(isResourceSource(throwingProxy)).toBe(false);
    expect(() => toResources(revoked as never)).toThrow(CalicoValidationError);
  });
});

describe('DSL builders given values that cannot be copied', () => {
  const codesOf = (run: () => unknown) => issuesThrownBy(CalicoValidationError, run);

  it('throw CalicoValidationError at the call, with the path in the argument, never overflow the stack', () => {
    const cyclicRule: Record<string, unknown> = { action: 'Allow', source: {} };
    (cyclicRule.source as Record<string, unknown>).back = cyclicRule;
    expect(codesOf(() => globalNetworkPolicy('a').ingress(cyclicRule as never))).toEqual([
      ['cyclic', ['source', 'back']],
    ]);
    expect(codesOf(() => globalNetworkPolicy('a').ingress(42 as never))).toEqual([['invalid_type', []]]);
    expect(codesOf(() => globalNetworkPolicy('a').labels(throwingProxy as never))).toEqual([
      ['unreadable', []],
    ]);
    expect(codesOf(() => globalNetworkPolicy('a').labels('app' as never))).toEqual([['invalid_type', []]]);
    expect(codesOf(() => tier(throwingProxy as never))).toEqual([['unreadable', ['name']]]);
  });

  it('copy what they are given: later changes to the caller objects do not reach the resource', () => {
    const labels = { app: 'web' };
    const policy = globalNetworkPolicy('a')
      .labels(labels)
      .labels(undefined as never);
    labels.app = 'db';
    expect(policy.toResource().metadata.labels).toEqual({ app: 'web' });
    expect(Object.isFrozen(labels)).toBe(false);
  });
});
