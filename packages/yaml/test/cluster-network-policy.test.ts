// ClusterNetworkPolicy (and the v1alpha1 admin policies) in yaml: the printed field order (Go struct
// order of sigs.k8s.io/network-policy-api), List forms, line/column issues, and a round-trip property.
import { type ClusterNetworkPolicy, clusterNetworkPolicy, validate } from '@calico-dsl/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../src/index.js';
import { reverseKeys } from './helpers.js';

const GUARDRAIL = clusterNetworkPolicy('no-metadata-service')
  .admin(10)
  .namespaces()
  .egress((r) => r.named('deny-imds').deny().toNetworks('169.254.169.254/32'))
  .ingress((r) =>
    r
      .accept()
      .fromPods({ matchLabels: { team: 'ops' } }, { matchLabels: { app: 'prom' } })
      .tcp(9100)
      .namedPort('metrics'),
  );

const GUARDRAIL_YAML = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: no-metadata-service
spec:
  tier: Admin
  priority: 10
  subject:
    namespaces: {}
  ingress:
  - action: Accept
    from:
    - pods:
        namespaceSelector:
          matchLabels:
            team: ops
        podSelector:
          matchLabels:
            app: prom
    protocols:
    - tcp:
        destinationPort:
          number: 9100
    - destinationNamedPort: metrics
  egress:
  - name: deny-imds
    action: Deny
    to:
    - networks:
      - 169.254.169.254/32
`;

describe('ClusterNetworkPolicy YAML', () => {
  it('prints the builder in Go struct order (golden)', () => {
    expect(toYaml(GUARDRAIL)).toBe(GUARDRAIL_YAML);
  });

  it('prints a resource with keys in any order the same way', () => {
    expect(toYaml(reverseKeys(GUARDRAIL.toResource()))).toBe(GUARDRAIL_YAML);
  });

  it('reads it back to the same resource', () => {
    expect(fromYaml(GUARDRAIL_YAML)).toEqual({ ok: true, value: [GUARDRAIL.toResource()] });
  });

  it('reads ClusterNetworkPolicyList and v1 List forms, and prints a list of CNPs as ClusterNetworkPolicyList', () => {
    const other = clusterNetworkPolicy('baseline-deny')
      .baseline(1000)
      .namespaces()
      .ingress((r) => r.deny().fromNamespaces())
      .toResource();
    const both = [GUARDRAIL.toResource(), other];
    const listed = toYaml(both, { list: true });
    expect(listed.split('\n').slice(0, 3)).toEqual([
      'apiVersion: policy.networking.k8s.io/v1alpha2',
      'kind: ClusterNetworkPolicyList',
      'items:',
    ]);
    expect(fromYaml(listed)).toEqual({ ok: true, value: both });
    const v1 = `apiVersion: v1\nkind: List\nitems:\n${toYaml(other)
      .split('\n')
      .filter((l) => l !== '')
      .map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`))
      .join('\n')}\n`;
    expect(fromYaml(v1)).toEqual({ ok: true, value: [other] });
  });

  it('reads AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1)', () => {
    const text = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: guard
spec:
  egress:
  - to:
    - networks: [169.254.169.254/32]
    action: Deny
  subject: {namespaces: {}}
  priority: 3
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress: [{action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 80}}]}]
`;
    const r = fromYaml(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((x) => x.kind)).toEqual(['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);
    // Printed in struct order: priority, subject, ingress, egress; rule name, action, to, ports.
    expect(toYaml(r.value[0] as ClusterNetworkPolicy)).toContain(
      'spec:\n  priority: 3\n  subject:\n    namespaces: {}\n  egress:\n  - action: Deny\n    to:\n',
    );
  });

  it('gives line and column for bad input: both subjects, an unknown action, priority, too many CIDRs', () => {
    const nets = Array.from({ length: 26 }, (_, i) => `      - 10.${i}.0.0/16`).join('\n');
    const text = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: bad
spec:
  tier: Admin
  priority: 1001
  subject:
    namespaces: {}
    pods: {namespaceSelector: {}, podSelector: {}}
  ingress:
  - action: Allow
    from: [{namespaces: {}}]
  egress:
  - action: Deny
    to:
    - networks:
${nets}
`;
    const r = fromYaml(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = (code: string) => r.issues.find((i) => i.code === code);
    expect(at('out_of_range')).toMatchObject({ path: ['spec', 'priority'], line: 7 });
    expect(at('one_of_required')).toMatchObject({ path: ['spec', 'subject', 'pods'], line: 10 });
    expect(at('invalid_action')).toMatchObject({
      path: ['spec', 'ingress', 0, 'action'],
      line: 12,
      column: 13,
    });
    expect(at('too_many_items')).toMatchObject({
      path: ['spec', 'egress', 0, 'to', 0, 'networks'],
      line: 17,
    });
    for (const i of r.issues) expect(typeof i.column).toBe('number');
  });

  it('suggests the kind for a misspelt one', () => {
    const r = fromYaml(
      'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolcy\nmetadata: {name: x}\nspec: {}\n',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toContain('did you mean ClusterNetworkPolicy?');
  });

  it('names the apiVersion a kind needs', () => {
    const r = fromYaml(
      'apiVersion: projectcalico.org/v3\nkind: ClusterNetworkPolicy\nmetadata: {name: x}\nspec: {}\n',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toContain('policy.networking.k8s.io/v1alpha2');
  });
});

// Generators of ClusterNetworkPolicies the CRD accepts.
const selector = fc.oneof(
  fc.constant({}),
  fc.record({
    matchLabels: fc.dictionary(
      fc.constantFrom('app', 'team', 'kubernetes.io/metadata.name'),
      fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
      { minKeys: 1, maxKeys: 2 },
    ),
  }),
  fc.record({
    matchExpressions: fc.array(
      fc.oneof(
        fc.record({
          key: fc.constantFrom('app', 'env'),
          operator: fc.constantFrom('In' as const, 'NotIn' as const),
          values: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 2 }),
        }),
        fc.record({
          key: fc.constantFrom('app', 'env'),
          operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const),
        }),
      ),
      { minLength: 1, maxLength: 2 },
    ),
  }),
);
const pods = fc.record({ namespaceSelector: selector, podSelector: selector });
const port = fc.integer({ min: 1, max: 65535 });
const destinationPort = fc.oneof(
  port.map((number) => ({ number })),
  fc
    .tuple(port, port)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({ range: { start: Math.min(a, b), end: Math.max(a, b) } })),
);
const protocol = fc.oneof(
  fc.record({ tcp: fc.record({ destinationPort }) }),
  fc.record({ udp: fc.record({ destinationPort }) }),
  fc.record({ sctp: fc.record({ destinationPort }) }),
  fc.record({ destinationNamedPort: fc.constantFrom('http', 'metrics', 'dns-tcp') }),
);
const action = fc.constantFrom('Accept', 'Deny', 'Pass');
const ruleName = fc.option(fc.stringMatching(/^[a-z][a-z0-9 -]{0,20}$/), { nil: undefined });
const withName = <T extends object>(name: string | undefined, rule: T) =>
  name === undefined ? rule : { name, ...rule };
const ingressRule = fc
  .tuple(
    ruleName,
    action,
    fc.array(fc.oneof(fc.record({ namespaces: selector }), fc.record({ pods })), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.option(fc.array(protocol, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  )
  .map(([n, a, from, protocols]) => withName(n, { action: a, from, ...(protocols ? { protocols } : {}) }));
const cidr = fc.constantFrom('10.0.0.0/8', '169.254.169.254/32', '192.168.1.0/24', 'fd00::/8');
const egressRule = fc
  .tuple(
    ruleName,
    action,
    fc.array(
      fc.oneof(
        fc.record({ namespaces: selector }),
        fc.record({ pods }),
        fc.uniqueArray(cidr, { minLength: 1, maxLength: 3 }).map((networks) => ({ networks })),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fc.option(fc.array(protocol, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  )
  .map(([n, a, to, protocols]) => withName(n, { action: a, to, ...(protocols ? { protocols } : {}) }));
const cnp = fc
  .tuple(
    fc.stringMatching(/^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$/),
    fc.constantFrom('Admin', 'Baseline'),
    fc.integer({ min: 0, max: 1000 }),
    fc.oneof(fc.record({ namespaces: selector }), fc.record({ pods })),
    fc.array(ingressRule, { maxLength: 3 }),
    fc.array(egressRule, { maxLength: 3 }),
  )
  .map(([name, tier, priority, subject, ingress, egress]) => ({
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name },
    spec: {
      tier,
      priority,
      subject,
      ...(ingress.length ? { ingress } : {}),
      ...(egress.length ? { egress } : {}),
    },
  }));

describe('round trip', () => {
  it('property: fromYaml(toYaml(x)) = x for ClusterNetworkPolicies the CRD accepts', () => {
    fc.assert(
      fc.property(fc.array(cnp, { minLength: 1, maxLength: 3 }), (resources) => {
        const xs = resources.map((r) => {
          const v = validate(r);
          if (!v.ok) throw new Error(`generator made an invalid CNP: ${JSON.stringify(v.issues[0])}`);
          return v.value;
        });
        expect(fromYaml(toYaml(xs))).toEqual({ ok: true, value: xs });
        expect(fromYaml(toYaml(xs, { list: true }))).toEqual({ ok: true, value: xs });
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
