/**
 * ClusterNetworkPolicy (v1alpha2) → Calico GlobalNetworkPolicy fields, exactly as Calico ≥ 3.32
 * converts it (`libcalico-go/lib/backend/k8s/conversion/clusternetworkpolicy.go`): Admin →
 * tier `kube-admin`, Baseline → `kube-baseline`, order = priority, Accept → Allow, selectors as
 * `k8sSelectorToCalico` writes them, types from the rules, fail-closed for rules it cannot convert.
 */

import type {
  ClusterNetworkPolicyEgressRule,
  ClusterNetworkPolicyIngressRule,
  ClusterNetworkPolicyProtocol,
  ClusterNetworkPolicySpec,
  Issue,
} from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import { namespaceSelector, podSelector } from './k8s-network-policy.js';
import {
  convertedTypes,
  convertRules,
  type PortEntry,
  type RuleInput,
  UnconvertibleRule,
} from './network-policy-api-rules.js';
import type { RawPolicy } from './policies.js';

/** Felix's key kind for converted CNPs (`model.KindKubernetesClusterNetworkPolicy`). */
export const CNP_POLICY_KIND = 'KubernetesClusterNetworkPolicy';

const TIERS = { Admin: 'kube-admin', Baseline: 'kube-baseline' } as const;

function protocolEntry(p: ClusterNetworkPolicyProtocol): PortEntry {
  for (const [key, protocol] of [
    ['tcp', 'TCP'],
    ['udp', 'UDP'],
    ['sctp', 'SCTP'],
  ] as const) {
    const proto = p[key];
    if (proto === undefined) continue;
    const dst = proto.destinationPort;
    if (dst === undefined) return { protocol, port: undefined };
    if (dst.number !== undefined && dst.number !== 0) return { protocol, port: dst.number };
    if (dst.range !== undefined) {
      if (dst.range.start > dst.range.end)
        throw new UnconvertibleRule(`port range ${dst.range.start}-${dst.range.end} is reversed`);
      return { protocol, port: `${dst.range.start}:${dst.range.end}` };
    }
    return { protocol, port: undefined };
  }
  // A named port has no protocol in Calico's rule.
  if (p.destinationNamedPort !== undefined && p.destinationNamedPort !== '')
    return { protocol: undefined, port: p.destinationNamedPort };
  return { protocol: undefined, port: undefined };
}

function action(a: string): RuleInput['action'] {
  switch (a) {
    case 'Accept':
      return 'Allow';
    case 'Deny':
    case 'Pass':
      return a;
    default:
      throw new UnconvertibleRule(`unsupported cluster network policy action ${a}`);
  }
}

type AnyRule = ClusterNetworkPolicyIngressRule | ClusterNetworkPolicyEgressRule;

/** A rule with its peers (`from` or `to`), read lazily so that a failure is caught per rule. */
function reader(rule: AnyRule, peers: RuleInput['peers']): () => RuleInput {
  return () => ({
    name: rule.name,
    action: action(rule.action),
    peers,
    ports: (rule.protocols ?? []).map(protocolEntry),
  });
}

/**
 * The Calico policy a ClusterNetworkPolicy becomes, or `undefined` when Calico skips it (a tier
 * it does not know, no subject): `issues` says why, and names every rule replaced or dropped.
 *
 * @example
 * ```ts
 * const raw = rawClusterNetworkPolicy('deny-metadata', spec, [3], issues);
 * raw?.tier; // 'kube-admin'
 * ```
 */
export function rawClusterNetworkPolicy(
  name: string,
  spec: ClusterNetworkPolicySpec,
  path: readonly (string | number)[],
  issues: Issue[],
): RawPolicy | undefined {
  const label = `ClusterNetworkPolicy "${name}"`;
  const tier = Object.hasOwn(TIERS, spec.tier) ? TIERS[spec.tier] : undefined;
  if (tier === undefined) {
    issues.push({
      code: 'not_enforced' satisfies EvaluatorIssueCode,
      path: [...path, 'spec', 'tier'],
      message: `${label}: Calico skips it (invalid cluster network policy tier ${String(spec.tier)}); use Admin or Baseline.`,
    });
    return undefined;
  }
  let nsSel: string;
  let podSel: string;
  if (spec.subject?.namespaces !== undefined) {
    nsSel = namespaceSelector(spec.subject.namespaces);
    podSel = podSelector(undefined);
  } else if (spec.subject?.pods !== undefined) {
    nsSel = namespaceSelector(spec.subject.pods.namespaceSelector ?? {});
    podSel = podSelector(spec.subject.pods.podSelector);
  } else {
    issues.push({
      code: 'not_enforced' satisfies EvaluatorIssueCode,
      path: [...path, 'spec', 'subject'],
      message: `${label}: Calico skips it (no subject selector specified); set subject.namespaces or subject.pods.`,
    });
    return undefined;
  }
  const convert = (
    dir: 'ingress' | 'egress',
    rules: readonly AnyRule[],
    readers: readonly (() => RuleInput)[],
  ) =>
    convertRules(
      readers,
      dir === 'egress',
      (i) => rules[i]?.action === 'Deny' || rules[i]?.action === 'Pass',
      (i, why, deny) =>
        issues.push({
          code: 'unconvertible_rule' satisfies EvaluatorIssueCode,
          path: [...path, 'spec', dir, i],
          message: `${label}: Calico cannot convert ${dir} rule ${i} (${why}); it ${deny ? 'replaces it with a rule that denies all traffic (fail closed)' : 'drops it'}.`,
        }),
    );
  const ingressRules = spec.ingress ?? [];
  const egressRules = spec.egress ?? [];
  const ingress = convert(
    'ingress',
    ingressRules,
    ingressRules.map((r) => reader(r, r.from)),
  );
  const egress = convert(
    'egress',
    egressRules,
    egressRules.map((r) => reader(r, r.to)),
  );
  const types = convertedTypes(ingress, egress);
  return {
    kind: CNP_POLICY_KIND,
    name,
    namespace: undefined,
    tier,
    order: spec.priority,
    selector: podSel,
    namespaceSelector: nsSel,
    serviceAccountSelector: undefined,
    types,
    ingress,
    egress,
    preDNAT: false,
    doNotTrack: false,
    applyOnForward: false,
    path,
  };
}
