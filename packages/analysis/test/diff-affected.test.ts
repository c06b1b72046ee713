/**
 * `diff`'s shortcut for changes that touch policies alone (`affected.ts`): it revisits only the
 * classes a changed policy selects, so anything else a verdict depends on must make it revisit
 * every class. Found by comparing `diff` with `World.evaluate` on random worlds.
 */
import { type Flow, World } from '@calico-dsl/evaluator';
import { describe, expect, it } from 'vitest';
import { diff } from '../src/index.js';

const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-1' },
  status: { addresses: [{ type: 'InternalIP', address: '10.0.0.11' }] },
};
const web = (hostPort: number) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
  spec: { nodeName: 'node-1', containers: [{ name: 'main', ports: [{ containerPort: 8080, hostPort }] }] },
  status: { podIP: '10.1.0.2' },
});
const denyWeb = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'deny-web', namespace: 'prod' },
  spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] },
};
const tcp = (dstIp: string, dstPort: number): Flow => ({
  protocol: 'TCP',
  srcIp: '198.51.100.7',
  srcPort: 40000,
  dstIp,
  dstPort,
});

/** An IPv4 address inside a CIDR. */
function inCidr(ip: string, cidr: string): boolean {
  const num = (a: string) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const [base, bits] = cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  return Math.floor(num(ip) / size) === Math.floor(num(base) / size);
}

/** Whether some change of `diff` holds `flow` with the verdicts `evaluate` gives it. */
function covered(before: World, after: World, flow: Flow): boolean {
  const [b, a] = [before.evaluate(flow).verdict, after.evaluate(flow).verdict];
  expect(b).not.toBe(a);
  return diff(before, after).changes.some(
    (c) =>
      c.before === b &&
      c.after === a &&
      c.region.srcIp.some((cidr) => inCidr(flow.srcIp, cidr)) &&
      c.region.dstIp.some((cidr) => inCidr(flow.dstIp, cidr)) &&
      c.region.dstPort.some((p) =>
        typeof p === 'number'
          ? p === flow.dstPort
          : p[0] <= (flow.dstPort ?? -1) && (flow.dstPort ?? -1) <= p[1],
      ),
  );
}

describe('diff: what else a policy-only change reaches', () => {
  it("a policy on a hostPort pod changes the node address's hostPort flows (portmap DNAT)", () => {
    const before = World.from([node, web(9000)]);
    const after = World.from([node, web(9000), denyWeb]);
    expect(covered(before, after, tcp('10.0.0.11', 9000))).toBe(true);
  });

  it('a moved hostPort changes both ports', () => {
    const before = World.from([node, web(9000), denyWeb]);
    const after = World.from([node, web(9001), denyWeb]);
    expect(covered(before, after, tcp('10.0.0.11', 9000))).toBe(true);
    expect(covered(before, after, tcp('10.0.0.11', 9001))).toBe(true);
  });

  it('FelixConfiguration disableConntrackInvalidCheck changes untracked connections', () => {
    const C = 'projectcalico.org/v3';
    const base = [
      node,
      {
        apiVersion: C,
        kind: 'HostEndpoint',
        metadata: { name: 'node-1-eth0', labels: { host: 'yes' } },
        spec: {
          node: 'node-1',
          interfaceName: 'eth0',
          expectedIPs: ['10.0.0.11'],
          profiles: ['projectcalico-default-allow'],
        },
      },
      {
        apiVersion: C,
        kind: 'GlobalNetworkPolicy',
        metadata: { name: 'untracked-web' },
        spec: {
          selector: "host == 'yes'",
          doNotTrack: true,
          applyOnForward: true,
          types: ['Ingress'],
          ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [80] } }],
        },
      },
    ];
    const felix = {
      apiVersion: C,
      kind: 'FelixConfiguration',
      metadata: { name: 'default' },
      spec: { disableConntrackInvalidCheck: true },
    };
    expect(covered(World.from(base), World.from([...base, felix]), tcp('10.0.0.11', 80))).toBe(true);
  });

  it('FelixConfiguration interfaceExclude changes which host endpoint governs an interface', () => {
    const C = 'projectcalico.org/v3';
    const hostEndpoint = (name: string, interfaceName: string, role: string) => ({
      apiVersion: C,
      kind: 'HostEndpoint',
      metadata: { name, labels: { role } },
      spec: { node: 'node-1', interfaceName, expectedIPs: ['10.0.0.11'] },
    });
    const base = [
      node,
      hostEndpoint('node-1-eth0', 'eth0', 'eth0'),
      hostEndpoint('node-1-all', '*', 'all'),
      {
        apiVersion: C,
        kind: 'GlobalNetworkPolicy',
        metadata: { name: 'allow-eth0' },
        spec: { selector: "role == 'eth0'", ingress: [{ action: 'Allow' }] },
      },
    ];
    const felix = {
      apiVersion: C,
      kind: 'FelixConfiguration',
      metadata: { name: 'default' },
      spec: { interfaceExclude: 'eth0' },
    };
    expect(covered(World.from(base), World.from([...base, felix]), tcp('10.0.0.11', 80))).toBe(true);
  });
});

describe("a policy's types and flags are part of what changed (they were not compared)", () => {
  const pod = (name: string, ip: string, labels: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'prod', labels },
    spec: { nodeName: 'node-1', containers: [{ name: 'c' }] },
    status: { podIP: ip },
  });
  const policy = (spec: Record<string, unknown>) => ({
    apiVersion: 'projectcalico.org/v3',
    kind: 'GlobalNetworkPolicy',
    metadata: { name: 'p' },
    spec: { selector: "app == 'web'", ingress: [{ action: 'Allow' }], ...spec },
  });
  const world = (spec: Record<string, unknown>) =>
    World.from([
      node,
      pod('web', '10.1.0.1', { app: 'web' }),
      pod('db', '10.1.0.2', { app: 'db' }),
      policy(spec),
    ]);
  const flow: Flow = { protocol: 'TCP', srcIp: '10.1.0.1', srcPort: 40000, dstIp: '10.1.0.2', dstPort: 80 };

  it('types [Ingress] → [Ingress, Egress] isolates web egress: the change is reported with a witness', () => {
    const before = world({ types: ['Ingress'] });
    const after = world({ types: ['Ingress', 'Egress'] });
    expect([before.evaluate(flow).verdict, after.evaluate(flow).verdict]).toEqual(['Allow', 'Deny']);
    const d = diff(before, after);
    expect(d.changes.length).toBeGreaterThan(0);
    for (const c of d.changes)
      expect([before.evaluate(c.witness).verdict, after.evaluate(c.witness).verdict]).toEqual([
        c.before,
        c.after,
      ]);
  });
});
