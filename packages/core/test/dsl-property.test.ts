/**
 * Property: whatever chain of builder calls the types allow, with values Calico accepts, the
 * builder's output passes `validate` (so `toResource()` never throws on such chains) and is
 * deep-frozen. Chains are random sequences of policy and rule steps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  doNotTrack,
  globalNetworkPolicy,
  networkPolicy,
  preDnat,
  profile,
  stagedGlobalNetworkPolicy,
  stagedNetworkPolicy,
  validate,
} from '../src/index.js';

/** The builders' runtime surface, untyped: the chains below only call what the types would allow. */
type Loose = { readonly [method: string]: (...args: unknown[]) => Loose } & { build(): { ok: boolean } };
const loose = (b: unknown) => b as Loose;

type Step = { readonly method: string; readonly args: readonly unknown[] };
const step = (method: string, ...args: unknown[]): Step => ({ method, args });

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);
const selector = fc.constantFrom("app == 'web'", 'all()', "has(role) && tier != 'db'", "env in { 'a', 'b' }");
const cidr = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 8, max: 32 }))
  .map(([a, b, len]) => {
    const ip = ((a << 24) | (b << 16)) >>> 0;
    const masked = len === 0 ? 0 : (ip & (0xffffffff << (32 - len))) >>> 0;
    return `${masked >>> 24}.${(masked >>> 16) & 255}.${(masked >>> 8) & 255}.${masked & 255}/${len}`;
  });
const port = fc.oneof(
  fc.integer({ min: 1, max: 65535 }),
  fc.integer({ min: 1, max: 65535 }).map(String),
  fc
    .tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 }))
    .map(([a, b]) => `${Math.min(a, b)}:${Math.max(a, b)}`),
  fc.constantFrom('http', 'metrics', 'web-8080'),
);
const ports = fc.array(port, { minLength: 1, maxLength: 3 });

/** Steps valid on any rule, whatever its protocol. */
const anyRuleStep = fc.oneof(
  fc.array(cidr, { minLength: 1, maxLength: 2 }).map((n) => step('fromNets', ...n)),
  fc.array(cidr, { minLength: 1, maxLength: 2 }).map((n) => step('toNets', ...n)),
  selector.map((s) => step('fromSelector', s)),
  selector.map((s) => step('toSelector', s)),
  fc
    .record({ notNets: fc.array(cidr, { minLength: 1, maxLength: 2 }), notSelector: selector })
    .map((e) => step('from', e)),
  fc.record({ namespaceSelector: selector }).map((e) => step('to', e)),
  fc.constantFrom('TCP', 'UDP', 'SCTP', 'UDPLite', 'ICMP').map((p) => step('notProtocol', p)),
  fc.constant(step('metadata', { annotations: { why: 'test' } })),
);

/** One rule: an action, maybe a protocol, then steps the protocol allows. */
const ruleSteps: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.constantFrom('allow', 'deny', 'pass', 'log'),
    fc.constantFrom('none', 'tcp', 'udp', 'sctp', 'icmp', 'icmpv6', 'udplite'),
    fc.array(anyRuleStep, { maxLength: 3 }),
    ports,
    fc.option(ports),
    fc.integer({ min: 0, max: 254 }),
    fc.option(fc.integer({ min: 0, max: 255 })),
  )
  .map(([action, proto, extra, dstPorts, srcPorts, icmpType, icmpCode]) => {
    const out: Step[] = [step(action)];
    switch (proto) {
      case 'none':
        break;
      case 'tcp':
      case 'udp':
      case 'sctp':
        out.push(step(proto), step('ports', ...dstPorts));
        if (srcPorts) out.push(step('fromPorts', ...srcPorts));
        break;
      case 'icmp':
      case 'icmpv6':
        out.push(icmpCode === null ? step(proto, icmpType) : step(proto, icmpType, icmpCode));
        out.push(step('notIcmp', (icmpType + 1) % 255));
        break;
      case 'udplite':
        out.push(step('protocol', 'UDPLite'));
        break;
    }
    return [...out, ...extra];
  });

const policySteps = (egress: boolean): fc.Arbitrary<(readonly Step[])[]> =>
  fc.array(
    fc.oneof(
      fc.integer({ min: -1000, max: 100000 }).map((n): readonly Step[] => [step('order', n)]),
      selector.map((s) => [step('selector', s)]),
      fc.constant([step('labels', { team: 'net', 'example.com/owner': 'a' })]),
      fc.constant([step('annotations', { note: 'generated' })]),
      ruleSteps,
      ...(egress ? [fc.constant([step('egress')]), fc.constant([step('ingress')])] : []),
    ),
    { maxLength: 8 },
  );

const starts = [
  { label: 'globalNetworkPolicy', make: () => globalNetworkPolicy(), egress: true },
  { label: 'preDnat', make: () => preDnat(), egress: false },
  { label: 'doNotTrack', make: () => doNotTrack(), egress: true },
  { label: 'networkPolicy', make: () => networkPolicy('x', 'prod'), egress: true },
  {
    label: 'stagedGlobalNetworkPolicy',
    make: () => stagedGlobalNetworkPolicy('x').stagedAction('Set'),
    egress: true,
  },
  {
    label: 'stagedNetworkPolicy',
    make: () => stagedNetworkPolicy('x', 'prod').stagedAction('Learn'),
    egress: true,
  },
  { label: 'profile', make: () => profile('p'), egress: true },
] as const;

describe('random builder chains', () => {
  for (const start of starts) {
    it(`${start.label}: every output validates`, () => {
      fc.assert(
        fc.property(name, policySteps(start.egress), (n, chains) => {
          let b = loose(start.make()).name?.(n) ?? loose(start.make());
          for (const s of chains.flat()) {
            if (start.label === 'profile' && ['order', 'selector'].includes(s.method)) continue;
            // A policy step after a rule: the types ask for .end() first, back to the policy.
            if (typeof b[s.method] !== 'function' && typeof b.end === 'function') b = b.end();
            const method = b[s.method];
            if (typeof method !== 'function') throw new Error(`no method ${s.method}`);
            b = method.apply(b, [...s.args]);
          }
          const r = b.build() as { ok: boolean; value?: unknown; issues?: unknown };
          expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
          expect(Object.isFrozen(r.value)).toBe(true);
          expect(validate(r.value).ok).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  }
});
