/**
 * fast-check generators aimed at the compiled engine's indexes: port interval edges, named
 * ports, notPorts, nets/notNets over IPv4 and IPv6 (interval sets, source-address tables),
 * selectors with namespace scoping (selector index, memo), Pass/Log/staged, tiers and profiles.
 */
import fc from 'fast-check';
import type { Flow } from '../../src/index.js';
import { gnp, gns, np, ns, profile, sgnp, tier } from './world-kit.js';

/** Dual-stack pods: [v4, v6]. */
export const DUAL_PODS: readonly (readonly [string, string])[] = [
  ['10.1.0.1', 'fd00::1'],
  ['10.1.0.2', 'fd00::2'],
  ['10.1.1.3', 'fd00:1::3'],
  ['10.2.0.4', 'fd00:1::4'],
];
const OUTSIDE = ['198.51.100.7', '2001:db8::7'];

const ports = fc.constantFrom(
  undefined,
  [80],
  [79, 81],
  ['80:90'],
  ['90:80'],
  ['1:79', 81],
  ['http'],
  [8080, 'http'],
  ['metrics', '1000:65535'],
);
const nets = fc.constantFrom(
  undefined,
  ['10.1.0.0/24'],
  ['10.1.0.1/32', '10.2.0.0/16'],
  ['fd00::/64'],
  ['fd00:1::/32', '10.1.1.0/24'],
  ['0.0.0.0/0'],
  ['::/0'],
  ['10.1.0.0/23'],
  // Pods at the last address of a range, and host routes.
  ['10.1.1.2/31', 'fd00::2/128'],
  ['fd00:1::2/127', '10.1.0.1/32'],
);
const selector = fc.constantFrom(
  undefined,
  "app == 'web'",
  "app in {'web', 'db'}",
  "app != 'db'",
  'has(app)',
  'all()',
);
// At most two criteria per side, so that rules match often enough to decide flows.
const entity = fc
  .tuple(
    fc.record({
      selector,
      notSelector: fc.constantFrom(undefined, "app == 'db'"),
      namespaceSelector: fc.constantFrom(undefined, "env == 'dev'", 'all()', 'global()'),
      nets,
      notNets: nets,
      ports,
      notPorts: ports,
    }),
    fc.subarray(['selector', 'notSelector', 'namespaceSelector', 'nets', 'notNets', 'ports', 'notPorts'], {
      maxLength: 2,
    }),
  )
  .map(([all, keys]) => Object.fromEntries(keys.map((k) => [k, all[k as keyof typeof all]])));
const rule = fc
  .record({
    action: fc.constantFrom('Allow', 'Deny', 'Pass', 'Log'),
    protocol: fc.constantFrom(undefined, 'TCP', 'UDP', 'ICMP', 'ICMPv6', 6),
    ipVersion: fc.constantFrom(undefined, 4, 6),
    source: fc.option(entity, { nil: undefined }),
    destination: fc.option(entity, { nil: undefined }),
  })
  .map((r) => {
    const clean = (e: Record<string, unknown> | undefined) =>
      e === undefined ? undefined : Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined));
    const out: Record<string, unknown> = { action: r.action };
    const usesPorts = [r.source, r.destination].some(
      (e) => e?.ports !== undefined || e?.notPorts !== undefined,
    );
    // Calico requires a port protocol for ports; keep the rule valid.
    const protocol = usesPorts ? 'TCP' : r.protocol;
    if (protocol !== undefined) out.protocol = protocol;
    if (r.ipVersion !== undefined) out.ipVersion = r.ipVersion;
    if (r.source) out.source = clean(r.source);
    if (r.destination) out.destination = clean(r.destination);
    return out;
  });
const policy = fc.record({
  kind: fc.constantFrom('gnp', 'np', 'staged'),
  tier: fc.constantFrom(undefined, 'security'),
  order: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  selector: fc.constantFrom(
    '',
    "app == 'web'",
    "app in {'web', 'api'}",
    "app == 'db' && has(app)",
    '!has(app)',
    'all()',
  ),
  ingress: fc.array(rule, { maxLength: 4 }),
  egress: fc.array(rule, { maxLength: 3 }),
});

/** A random world of dual-stack pods, network sets, tiers, profiles and indexed-rule policies. */
export const arbitraryIndexWorld = fc
  .record({
    apps: fc.array(fc.constantFrom('web', 'db', 'api'), {
      minLength: DUAL_PODS.length,
      maxLength: DUAL_PODS.length,
    }),
    namespaces: fc.array(fc.constantFrom('prod', 'dev'), {
      minLength: DUAL_PODS.length,
      maxLength: DUAL_PODS.length,
    }),
    policies: fc.array(policy, { maxLength: 8 }),
    tierPass: fc.boolean(),
    profileRules: fc.array(rule, { maxLength: 3 }),
  })
  .map((w) => {
    const res: Record<string, unknown>[] = [
      ns('prod', { env: 'prod' }),
      ns('dev', { env: 'dev' }),
      tier('security', 10, w.tierPass ? 'Pass' : 'Deny'),
      gns('outside', ['198.51.100.0/24', '2001:db8::/32'], { app: 'web' }),
      profile('extra', { ingress: w.profileRules, egress: w.profileRules }),
    ];
    DUAL_PODS.forEach(([v4, v6], i) => {
      const namespace = w.namespaces[i] as string;
      res.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `p${i}`, namespace, labels: { app: w.apps[i] as string } },
        spec: {
          nodeName: 'node-1',
          containers: [
            {
              name: 'main',
              ports: [
                { name: 'http', containerPort: 80 + i },
                { name: 'metrics', containerPort: 9090, protocol: i % 2 === 0 ? 'TCP' : 'UDP' },
              ],
            },
          ],
        },
        status: { podIP: v4, podIPs: [{ ip: v4 }, { ip: v6 }] },
      });
    });
    w.policies.forEach((p, i) => {
      const spec: Record<string, unknown> = { selector: p.selector, ingress: p.ingress, egress: p.egress };
      if (p.order !== undefined) spec.order = p.order;
      if (p.tier !== undefined) spec.tier = p.tier;
      if (p.kind === 'np') res.push(np('prod', `np-${i}`, spec));
      else if (p.kind === 'staged') res.push(sgnp(`staged-${i}`, spec));
      else res.push(gnp(`gnp-${i}`, spec));
    });
    return res;
  });

/** A random flow between the world's addresses (both families), at port edges. */
export const arbitraryIndexFlow: fc.Arbitrary<Flow> = fc
  .record({
    v6: fc.boolean(),
    // DUAL_PODS.length stands for an address outside the cluster.
    src: fc.integer({ min: 0, max: DUAL_PODS.length }),
    dst: fc.integer({ min: 0, max: DUAL_PODS.length - 1 }),
    protocol: fc.constantFrom('TCP', 'TCP', 'TCP', 'UDP', 'ICMP'),
    // Range edges of the generated rules, and a few ports inside/outside them.
    port: fc.constantFrom(79, 80, 80, 81, 82, 90, 91, 1000, 9090, 65535),
    srcPort: fc.constantFrom(undefined, 80, 40000),
  })
  .map((f): Flow => {
    const family = f.v6 ? 1 : 0;
    const addr = (i: number) =>
      (i < DUAL_PODS.length ? (DUAL_PODS[i] as readonly string[])[family] : OUTSIDE[family]) as string;
    const protocol = f.protocol === 'ICMP' && f.v6 ? 'ICMPv6' : f.protocol;
    if (protocol === 'ICMP' || protocol === 'ICMPv6')
      return { protocol, srcIp: addr(f.src), dstIp: addr(f.dst), icmp: { type: 8 } };
    return {
      protocol,
      srcIp: addr(f.src),
      dstIp: addr(f.dst),
      dstPort: f.port,
      ...(f.srcPort !== undefined ? { srcPort: f.srcPort } : {}),
    };
  });
