// clusterNetworkPolicy(): the IR it yields, immutability (branching, frozen, arguments copied at
// call time) and validate's issues surfacing through build().
import { describe, expect, it } from 'vitest';
import { CalicoValidationError, clusterNetworkPolicy, type LabelSelector, validate } from '../src/index.js';

describe('clusterNetworkPolicy()', () => {
  it('yields the v1alpha2 resource in Go struct order', () => {
    const r = clusterNetworkPolicy('no-metadata-service')
      .admin(10)
      .namespaces()
      .egress((e) => e.named('deny-imds').deny().toNetworks('169.254.169.254/32'))
      .ingress((i) =>
        i
          .pass()
          .fromNamespaces({ matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } })
          .tcp(53, { start: 8000, end: 8080 })
          .namedPort('dns'),
      )
      .labels({ team: 'platform' })
      .toResource();
    expect(r).toEqual({
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'no-metadata-service', labels: { team: 'platform' } },
      spec: {
        tier: 'Admin',
        priority: 10,
        subject: { namespaces: {} },
        ingress: [
          {
            action: 'Pass',
            from: [{ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
            protocols: [
              { tcp: { destinationPort: { number: 53 } } },
              { tcp: { destinationPort: { range: { start: 8000, end: 8080 } } } },
              { destinationNamedPort: 'dns' },
            ],
          },
        ],
        egress: [{ name: 'deny-imds', action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }],
      },
    });
    expect(Object.keys(r.spec)).toEqual(['tier', 'priority', 'subject', 'ingress', 'egress']);
    expect(validate(r)).toEqual({ ok: true, value: r });
  });

  it('tcp() without ports matches every TCP port; pods subject and peers', () => {
    const r = clusterNetworkPolicy('b')
      .baseline(1000)
      .pods({ matchLabels: { env: 'prod' } }, { matchExpressions: [{ key: 'app', operator: 'Exists' }] })
      .egress((e) =>
        e
          .accept()
          .toPods({}, { matchLabels: { app: 'db' } })
          .tcp(),
      )
      .toResource();
    expect(r.spec.subject).toEqual({
      pods: {
        namespaceSelector: { matchLabels: { env: 'prod' } },
        podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] },
      },
    });
    expect(r.spec.egress).toEqual([
      {
        action: 'Accept',
        to: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'db' } } } }],
        protocols: [{ tcp: { destinationPort: { range: { start: 1, end: 65535 } } } }],
      },
    ]);
    expect(validate(r).ok).toBe(true);
  });

  it('is immutable: every step is a new frozen value, a shared base branches safely', () => {
    const base = clusterNetworkPolicy('base').admin(5).namespaces();
    const a = base.ingress((r) => r.deny().fromNamespaces());
    const b = base.egress((r) => r.deny().toNetworks('10.0.0.0/8'));
    expect(Object.isFrozen(base)).toBe(true);
    expect(base.toResource().spec).toEqual({ tier: 'Admin', priority: 5, subject: { namespaces: {} } });
    expect(a.toResource().spec.egress).toBeUndefined();
    expect(b.toResource().spec.ingress).toBeUndefined();
    const r = a.toResource();
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.spec.ingress?.[0]?.from)).toBe(true);
  });

  it('copies arguments when called: later changes to the caller objects do not leak in', () => {
    const sel: {
      matchLabels: Record<string, string>;
      matchExpressions: { key: string; operator: 'In'; values: string[] }[];
    } = {
      matchLabels: { team: 'a' },
      matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }],
    };
    const cidrs = ['10.0.0.0/8'];
    const p = clusterNetworkPolicy('copy')
      .admin(1)
      .namespaces(sel as LabelSelector)
      .egress((r) => r.deny().toNetworks(...cidrs));
    sel.matchLabels.team = 'b';
    sel.matchExpressions[0]?.values.push('dev');
    cidrs.push('192.168.0.0/16');
    const r = p.toResource();
    expect(r.spec.subject.namespaces).toEqual({
      matchLabels: { team: 'a' },
      matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }],
    });
    expect(r.spec.egress?.[0]?.to).toEqual([{ networks: ['10.0.0.0/8'] }]);
    expect(Object.isFrozen(sel)).toBe(false);
  });

  it('build() returns validate issues; toResource() throws them', () => {
    const bad = clusterNetworkPolicy('bad').admin(1001).namespaces();
    const r = bad.build();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'out_of_range', path: ['spec', 'priority'] });
    expect(() => bad.toResource()).toThrow(CalicoValidationError);
    const tooMany = Array.from({ length: 26 }, (_, i) => `10.${i}.0.0/16`);
    const cidrs = clusterNetworkPolicy('cidrs')
      .admin(1)
      .namespaces()
      .egress((e) => e.deny().toNetworks(...tooMany))
      .build();
    expect(cidrs.ok ? [] : cidrs.issues.map((i) => i.path)).toEqual([
      ['spec', 'egress', 0, 'to', 0, 'networks'],
    ]);
  });

  it('a callback that returns some other object is refused', () => {
    const p = clusterNetworkPolicy('x').admin(1).namespaces();
    expect(() => p.ingress(() => ({}) as never)).toThrow(TypeError);
  });
});
