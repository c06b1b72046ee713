import { describe, expect, it } from 'vitest';
import { findRuleLines, locateResources } from '../src/model/rule-lines.js';

const TEXT = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata:
  name: deny-nodeports
spec:
  preDNAT: true
  ingress:
  - action: Deny
    protocol: TCP
  - action: Deny
    protocol: UDP
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: prod
spec:
  podSelector: {}
  egress:
  - to: []
`;

describe('rule lines', () => {
  const located = locateResources(TEXT);

  it('finds every resource and the lines of each rule', () => {
    expect(located.map((r) => [r.kind, r.name, r.namespace])).toEqual([
      ['GlobalNetworkPolicy', 'deny-nodeports', undefined],
      ['NetworkPolicy', 'web', 'prod'],
    ]);
    expect(located[0]?.rules.ingress).toEqual([
      { from: 8, to: 9 },
      { from: 10, to: 11 },
    ]);
    expect(located[0]?.lines).toEqual({ from: 1, to: 11 });
    expect(located[1]?.rules.egress).toEqual([{ from: 21, to: 21 }]);
  });

  it('maps a trace decision to the rule lines', () => {
    const q = {
      kind: 'GlobalNetworkPolicy',
      name: 'deny-nodeports',
      direction: 'ingress',
      ruleIndex: 1,
    } as const;
    expect(findRuleLines(located, q)).toEqual({ from: 10, to: 11 });
    // Without a rule (e.g. an end-of-tier drop) the whole policy.
    expect(findRuleLines(located, { kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' })).toEqual({
      from: 1,
      to: 11,
    });
  });

  it('maps converted Kubernetes policies (knp.default.<name>) back to their document', () => {
    const q = {
      kind: 'KubernetesNetworkPolicy',
      namespace: 'prod',
      name: 'knp.default.web',
      direction: 'egress',
      ruleIndex: 0,
    } as const;
    expect(findRuleLines(located, q)).toEqual({ from: 21, to: 21 });
  });

  it('maps a converted rule index to the Kubernetes rule it came from (one per protocol and peer)', () => {
    const knp = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: prod}
spec:
  podSelector: {}
  ingress:
  - from: [{podSelector: {}}, {ipBlock: {cidr: 198.51.100.0/24}}]
    ports: [{port: 8080}, {protocol: UDP, port: 53}]
  - from: [{podSelector: {matchLabels: {app: b}}}]
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata: {name: web, namespace: prod}
spec:
  ingress:
  - action: Deny
`;
    const docs = locateResources(knp);
    const k8s = (ruleIndex: number) =>
      findRuleLines(docs, {
        kind: 'KubernetesNetworkPolicy',
        namespace: 'prod',
        name: 'knp.default.web',
        direction: 'ingress',
        ruleIndex,
      });
    // 2 protocols × 2 peers = rules 0-3 from the first rule, rule 4 from the second.
    expect([0, 1, 2, 3].map(k8s)).toEqual(Array(4).fill({ from: 7, to: 8 }));
    expect(k8s(4)).toEqual({ from: 9, to: 9 });
    // Calico's NetworkPolicy of the same name is its own document.
    expect(
      findRuleLines(docs, {
        kind: 'NetworkPolicy',
        namespace: 'prod',
        name: 'web',
        direction: 'ingress',
        ruleIndex: 0,
      }),
    ).toEqual({ from: 16, to: 16 });
  });

  it('highlights a ClusterNetworkPolicy as a whole (its rule indexes are of the converted rules)', () => {
    const cnp =
      'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: block-bad}\nspec:\n  tier: Admin\n  ingress:\n  - action: Deny\n';
    expect(
      findRuleLines(locateResources(cnp), {
        kind: 'KubernetesClusterNetworkPolicy',
        name: 'block-bad',
        direction: 'ingress',
        ruleIndex: 1,
      }),
    ).toEqual({ from: 1, to: 7 });
  });

  it('finds nothing for profiles and other namespaces', () => {
    expect(findRuleLines(located, { kind: 'Profile', name: 'kns.default' })).toBeUndefined();
    expect(
      findRuleLines(located, { kind: 'KubernetesNetworkPolicy', namespace: 'dev', name: 'knp.default.web' }),
    ).toBeUndefined();
  });

  it('reads List kinds and survives broken text', () => {
    const list =
      'apiVersion: v1\nkind: List\nitems:\n- kind: GlobalNetworkPolicy\n  metadata: {name: a}\n  spec:\n    egress:\n    - action: Allow\n';
    expect(locateResources(list).map((r) => [r.name, r.rules.egress])).toEqual([['a', [{ from: 8, to: 8 }]]]);
    expect(locateResources('kind: [\n::: {')).toEqual([]);
    expect(locateResources('')).toEqual([]);
  });
});
