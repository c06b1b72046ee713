// Kubernetes' own NetworkPolicy (networking.k8s.io/v1): the builder, and `validate` as the
// kube-apiserver's `ValidateNetworkPolicySpec` (pkg/apis/networking/validation) checks it.
import { describe, expect, it } from 'vitest';
import {
  CalicoValidationError,
  isK8sNetworkPolicy,
  type K8sNetworkPolicy,
  kubernetesNetworkPolicy,
  networkPolicy,
  stagedKubernetesNetworkPolicy,
  validate,
} from '../src/index.js';

const WEB = { matchLabels: { app: 'web' } };

describe('kubernetesNetworkPolicy', () => {
  it('builds a networking.k8s.io/v1 NetworkPolicy in the Go struct field order, deep-frozen', () => {
    const r = kubernetesNetworkPolicy('api-from-web', 'shop')
      .labels({ team: 'shop' })
      .podSelector({ matchLabels: { app: 'api' } })
      .ingress({ from: [{ podSelector: WEB }], ports: [{ protocol: 'TCP', port: 8080 }] })
      .toResource();
    expect(r).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'api-from-web', namespace: 'shop', labels: { team: 'shop' } },
      spec: {
        podSelector: { matchLabels: { app: 'api' } },
        ingress: [{ ports: [{ protocol: 'TCP', port: 8080 }], from: [{ podSelector: WEB }] }],
        policyTypes: ['Ingress'],
      },
    });
    expect(Object.keys(r.spec)).toEqual(['podSelector', 'ingress', 'policyTypes']);
    expect(Object.isFrozen(r.spec.ingress?.[0]?.from)).toBe(true);
    expect(isK8sNetworkPolicy(r)).toBe(true);
  });

  it('writes policyTypes: the directions used (ingress alone by default), or as set', () => {
    const types = (p: { toResource(): K8sNetworkPolicy }) => p.toResource().spec.policyTypes;
    expect(types(kubernetesNetworkPolicy('a', 'shop'))).toEqual(['Ingress']);
    expect(types(kubernetesNetworkPolicy('a', 'shop').egress())).toEqual(['Egress']);
    // Call order does not matter; the kube-apiserver's order does.
    expect(types(kubernetesNetworkPolicy('a', 'shop').egress().ingress())).toEqual(['Ingress', 'Egress']);
    expect(types(kubernetesNetworkPolicy('a', 'shop').egress().policyTypes('Ingress'))).toEqual(['Ingress']);
    // `.egress()` with no rule isolates egress: default deny, no `egress` key.
    expect(kubernetesNetworkPolicy('deny', 'shop').ingress().egress().toResource().spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  it('is immutable: each step is a new builder, caller data is copied', () => {
    const base = kubernetesNetworkPolicy('a', 'shop');
    const rule = { from: [{ podSelector: { matchLabels: { app: 'web' } } }] };
    const withRule = base.ingress(rule);
    rule.from[0] = { podSelector: { matchLabels: { app: 'changed' } } };
    expect(base.toResource().spec.ingress).toBeUndefined();
    expect(withRule.toResource().spec.ingress?.[0]?.from?.[0]).toEqual({ podSelector: WEB });
  });

  it('without a name: an issue saying how to give one; toResource throws it', () => {
    expect(kubernetesNetworkPolicy().build()).toEqual({
      ok: false,
      issues: [
        {
          code: 'required',
          path: ['metadata', 'name'],
          message: "metadata.name is required: pass it to kubernetesNetworkPolicy('…') or call .name('…')",
        },
      ],
    });
    expect(() => kubernetesNetworkPolicy().toResource()).toThrow(CalicoValidationError);
    expect(kubernetesNetworkPolicy().name('b').toResource().metadata).toEqual({ name: 'b' });
  });

  it('refuses what the kube-apiserver refuses, at the path of each problem', () => {
    const r = kubernetesNetworkPolicy('bad', 'shop')
      .ingress({
        from: [
          {},
          { ipBlock: { cidr: '10.0.0.0/8', except: ['192.168.0.0/16', '10.0.0.0/8'] }, podSelector: {} },
        ],
        ports: [
          { protocol: 'TCP', port: 'http', endPort: 90 },
          { port: 100, endPort: 90 },
        ],
      })
      .build();
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid_port', 'spec.ingress.0.ports.0.endPort'],
      ['invalid_port', 'spec.ingress.0.ports.1.endPort'],
      ['required', 'spec.ingress.0.from.0'],
      ['invalid_value', 'spec.ingress.0.from.1'],
      ['invalid_cidr', 'spec.ingress.0.from.1.ipBlock.except.0'],
      ['invalid_cidr', 'spec.ingress.0.from.1.ipBlock.except.1'],
    ]);
  });
});

describe('validate: Kubernetes NetworkPolicy', () => {
  const policy = (spec: object, more: object = {}) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'web', namespace: 'shop' },
    spec,
    ...more,
  });

  it('accepts a policy as kubectl gets it back (server-written metadata, an empty status)', () => {
    const read = policy(
      {
        podSelector: {},
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }],
      },
      { status: {} },
    );
    const withMeta = {
      ...read,
      metadata: { ...read.metadata, uid: 'x', resourceVersion: '7', generation: 1 },
    };
    expect(validate(withMeta)).toEqual({ ok: true, value: withMeta });
  });

  it('a peer names one kind of thing, except lies strictly inside cidr, at most two policyTypes', () => {
    const issues = (spec: object) => {
      const r = validate(policy(spec));
      return r.ok ? [] : r.issues.map((i) => i.message);
    };
    expect(issues({ podSelector: {}, egress: [{ to: [{}] }] })).toEqual([
      'A peer must name what it matches: podSelector and/or namespaceSelector, or ipBlock ({} is not a peer; leave out from/to to match everything)',
    ]);
    expect(
      issues({
        podSelector: {},
        egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' }, namespaceSelector: {} }] }],
      }),
    ).toEqual(['A peer may not have both ipBlock and namespaceSelector: write them as two peers']);
    // podSelector with namespaceSelector is one peer: pods of those namespaces.
    expect(
      issues({ podSelector: {}, egress: [{ to: [{ podSelector: WEB, namespaceSelector: {} }] }] }),
    ).toEqual([]);
    expect(
      issues({
        podSelector: {},
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/8'] } }] }],
      }),
    ).toEqual([
      'except "10.0.0.0/8" must be a strict subset of cidr "10.0.0.0/8": a smaller block inside it',
    ]);
    // More than two: that alone is said (ValidateNetworkPolicySpec returns there).
    expect(issues({ podSelector: {}, policyTypes: ['Ingress', 'Egress', 'ingress'] })).toEqual([
      'policyTypes may not list more than two types: Ingress, Egress',
    ]);
    // The kube-apiserver counts them and lets a repeat pass (Calico's staged reader does not).
    expect(issues({ podSelector: {}, policyTypes: ['Ingress', 'Ingress'] })).toEqual([]);
  });

  it("keeps Calico's NetworkPolicy and the staged Kubernetes kind as they were", () => {
    expect(networkPolicy('web', 'shop').deny().toResource().apiVersion).toBe('projectcalico.org/v3');
    const staged = stagedKubernetesNetworkPolicy('web', 'shop')
      .egress({ to: [{}] })
      .build();
    expect(staged.ok).toBe(true);
    const repeated = validate({
      apiVersion: 'projectcalico.org/v3',
      kind: 'StagedKubernetesNetworkPolicy',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Ingress'] },
    });
    expect(repeated.ok).toBe(false);
  });
});
