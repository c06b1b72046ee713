/**
 * The labels and addresses Felix sees for workloads, host endpoints and network sets, as
 * libcalico-go's update processors and k8s conversion hand them over (found by an audit against
 * Calico's source; each case was a wrong verdict before).
 */
import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { gnp, hep, node, np, ns, pod, profile } from './helpers/world-kit.js';

const ENGINES = ['compiled', 'reference'] as const;
const tcp = (srcIp: string, dstIp: string) =>
  ({ protocol: 'TCP', srcIp, srcPort: 40000, dstIp, dstPort: 80 }) as const;

describe.each(ENGINES)('%s engine', (engine) => {
  it("a pod's own pcns./pcsa. labels are stripped: it cannot pretend to be in another namespace (workloadendpointprocessor.go)", () => {
    const world = (rule: object) =>
      World.from(
        [
          node('node-1', '10.0.0.1'),
          ns('dev', { env: 'dev' }),
          ns('prod', { env: 'prod' }),
          pod('dev', 'spoofer', '10.1.0.5', {
            'pcns.env': 'prod',
            'pcns.projectcalico.org/name': 'prod',
            'pcsa.role': 'admin',
          }),
          pod('prod', 'db', '10.1.0.9', { app: 'db' }),
          np('prod', 'db-ingress', {
            selector: "app == 'db'",
            types: ['Ingress'],
            ingress: [{ action: 'Allow', source: rule }],
          }),
        ],
        { engine },
      );
    for (const rule of [
      { namespaceSelector: "env == 'prod'" },
      { namespaceSelector: "projectcalico.org/name == 'prod'" },
      { namespaceSelector: 'all()', serviceAccounts: { selector: "role == 'admin'" } },
    ])
      expect(world(rule).evaluate(tcp('10.1.0.5', '10.1.0.9')).verdict, JSON.stringify(rule)).toBe('Deny');
    // The pod's real namespace still matches.
    expect(world({ namespaceSelector: "env == 'dev'" }).evaluate(tcp('10.1.0.5', '10.1.0.9')).verdict).toBe(
      'Allow',
    );
  });

  it("a host endpoint's label from several profiles is the first profile's (label_inheritance_index.go)", () => {
    const world = (profiles: string[]) =>
      World.from(
        [
          node('node-1', '10.0.0.1'),
          node('node-2', '10.0.0.2'),
          ns('prod'),
          profile('p-untrusted', { labelsToApply: { role: 'untrusted' } }),
          profile('p-trusted', { labelsToApply: { role: 'trusted' } }),
          hep('node-1-eth0', 'node-1', 'eth0', ['10.0.0.1'], {}, profiles),
          // The host may send; what db admits is the question.
          gnp('host-out', { selector: 'has(role)', types: ['Egress'], egress: [{ action: 'Allow' }] }),
          pod('prod', 'db', '10.1.0.9', { app: 'db' }, { node: 'node-2' }),
          gnp('db', {
            selector: "app == 'db'",
            types: ['Ingress'],
            ingress: [{ action: 'Allow', source: { selector: "role == 'trusted'" } }],
          }),
        ],
        { engine },
      );
    expect(world(['p-untrusted', 'p-trusted']).evaluate(tcp('10.0.0.1', '10.1.0.9')).verdict).toBe('Deny');
    expect(world(['p-trusted', 'p-untrusted']).evaluate(tcp('10.0.0.1', '10.1.0.9')).verdict).toBe('Allow');
  });

  it("a finished pod has no address, and a pod's address may come from Calico's CNI annotation (conversion.go)", () => {
    const trusted = (extra: { metadata?: object; status?: object }) => {
      const p = pod('prod', 'old', '10.1.0.5', { role: 'trusted' });
      return {
        ...p,
        metadata: { ...(p.metadata as object), ...(extra.metadata ?? {}) },
        status: { ...(p.status as object), ...(extra.status ?? {}) },
      };
    };
    const world = (src: object) =>
      World.from(
        [
          node('node-1', '10.0.0.1'),
          ns('prod'),
          src,
          pod('prod', 'db', '10.1.0.9', { app: 'db' }),
          gnp('p', {
            selector: "app == 'db'",
            types: ['Ingress'],
            ingress: [{ action: 'Allow', source: { selector: "role == 'trusted'" } }],
          }),
        ],
        { engine },
      );
    const from = (src: object) => world(src).evaluate(tcp('10.1.0.5', '10.1.0.9')).verdict;
    expect(from(trusted({}))).toBe('Allow');
    // Terminating, its IP released by Calico CNI: the address is no longer the pod's.
    expect(
      from(
        trusted({
          metadata: {
            deletionTimestamp: '2026-12-07T09:00:00Z',
            annotations: { 'cni.projectcalico.org/podIP': '' },
          },
        }),
      ),
    ).toBe('Deny');
    expect(from(trusted({ status: { phase: 'Completed' } }))).toBe('Deny');
    // No status IPs yet: Calico reads the CNI annotation.
    expect(
      from(
        trusted({
          metadata: { annotations: { 'cni.projectcalico.org/podIP': '10.1.0.5/32' } },
          status: { podIP: undefined, podIPs: undefined },
        }),
      ),
    ).toBe('Allow');
  });

  it("a NetworkSet's namespace exists even without its manifest: the set carries its name label (networksetprocessor.go)", () => {
    const world = (namespaceSelector: string) =>
      World.from(
        [
          node('node-1', '10.0.0.1'),
          ns('prod'),
          pod('prod', 'db', '10.1.0.9', { app: 'db' }),
          {
            apiVersion: 'projectcalico.org/v3',
            kind: 'NetworkSet',
            metadata: { name: 'blocked', namespace: 'c' },
            spec: { nets: ['198.51.100.0/24'] },
          },
          gnp('db', {
            selector: "app == 'db'",
            types: ['Ingress'],
            ingress: [{ action: 'Allow', source: { namespaceSelector, selector: 'all()' } }],
          }),
        ],
        { engine },
      );
    expect(world("projectcalico.org/name == 'c'").evaluate(tcp('198.51.100.7', '10.1.0.9')).verdict).toBe(
      'Allow',
    );
    expect(world("projectcalico.org/name != 'c'").evaluate(tcp('198.51.100.7', '10.1.0.9')).verdict).toBe(
      'Deny',
    );
  });

  it('two pods listing one address are a world issue naming both (the first is the one evaluated)', () => {
    const world = World.from(
      [
        node('node-1', '10.0.0.1'),
        ns('prod'),
        pod('prod', 'web', '10.1.0.10', {}),
        pod('prod', 'web-old', '10.1.0.10', {}),
      ],
      { engine },
    );
    expect(world.issues.map((i) => [i.code, i.message.slice(0, 58)])).toEqual([
      ['shared_pod_address', 'Pods prod/web and prod/web-old both list 10.1.0.10: a pack'],
    ]);
  });
});
