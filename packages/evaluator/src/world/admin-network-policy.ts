/**
 * v1alpha1 AdminNetworkPolicy / BaselineAdminNetworkPolicy → Calico GlobalNetworkPolicy fields, as
 * Calico 3.29–3.31 converted them (`conversion/conversion.go` at v3.31.7): names
 * `kanp.adminnetworkpolicy.<name>` in tier `adminnetworkpolicy` (order = priority) and
 * `kbanp.baselineadminnetworkpolicy.<name>` in `baselineadminnetworkpolicy` (order 1000), keyed
 * by Felix as GlobalNetworkPolicy; actions kept; fail-closed for rules it cannot convert.
 */

import type {
  AdminNetworkPolicy,
  AdminNetworkPolicyEgressRule,
  AdminNetworkPolicyIngressRule,
  AdminNetworkPolicyPort,
  BaselineAdminNetworkPolicy,
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

function portEntry(p: AdminNetworkPolicyPort): PortEntry {
  if (p.portNumber !== undefined)
    return { protocol: p.portNumber.protocol ?? 'TCP', port: p.portNumber.port };
  if (p.portRange !== undefined) {
    if (p.portRange.start > p.portRange.end)
      throw new UnconvertibleRule(`port range ${p.portRange.start}-${p.portRange.end} is reversed`);
    return { protocol: p.portRange.protocol ?? 'TCP', port: `${p.portRange.start}:${p.portRange.end}` };
  }
  // v3.31 does not read namedPort: the entry counts as "every protocol and port".
  return { protocol: undefined, port: undefined };
}

type AnyRule = AdminNetworkPolicyIngressRule<string> | AdminNetworkPolicyEgressRule<string>;

/**
 * Says where a rule names a port by name, which Calico 3.29–3.31 do not read ("TODO: Add
 * support for NamedPorts", `conversion.go`): the entry becomes every protocol and port
 * ({@link portEntry}), so the rule matches more than it says (network-policy-api's NamedPorts
 * is an extended feature Calico did not claim).
 */
function ignoredNamedPorts(
  label: string,
  path: readonly (string | number)[],
  dir: 'ingress' | 'egress',
  rules: readonly AnyRule[],
  issues: Issue[],
): void {
  rules.forEach((rule, i) => {
    (rule.ports ?? []).forEach((p, j) => {
      if (p.namedPort === undefined) return;
      issues.push({
        code: 'ignored_field' satisfies EvaluatorIssueCode,
        path: [...path, 'spec', dir, i, 'ports', j, 'namedPort'],
        message: `${label}: Calico 3.29–3.31 do not read namedPort "${p.namedPort}" (${dir} rule ${i}): the rule matches every protocol and port.`,
      });
    });
  });
}

/**
 * The Calico policy a v1alpha1 admin policy became in Calico 3.29–3.31.
 *
 * @example
 * ```ts
 * rawAdminNetworkPolicy(anp, [2], issues)?.name; // 'kanp.adminnetworkpolicy.guard'
 * ```
 */
export function rawAdminNetworkPolicy(
  resource: AdminNetworkPolicy | BaselineAdminNetworkPolicy,
  path: readonly (string | number)[],
  issues: Issue[],
): RawPolicy {
  const baseline = resource.kind === 'BaselineAdminNetworkPolicy';
  const label = `${resource.kind} "${resource.metadata.name}"`;
  const failClosed: readonly string[] = baseline ? ['Deny'] : ['Deny', 'Pass'];
  // The action is checked before it is used: a rule with another one cannot be converted.
  const actionOf = (a: string): RuleInput['action'] => {
    if (a === 'Allow' || a === 'Deny' || (a === 'Pass' && !baseline)) return a;
    throw new UnconvertibleRule(`unsupported admin network policy action ${a}`);
  };
  const reader = (rule: AnyRule, peers: RuleInput['peers']) => (): RuleInput => ({
    name: rule.name,
    action: actionOf(rule.action),
    peers,
    ports: (rule.ports ?? []).map(portEntry),
  });
  const convert = (
    dir: 'ingress' | 'egress',
    rules: readonly AnyRule[],
    readers: readonly (() => RuleInput)[],
  ) =>
    convertRules(
      readers,
      dir === 'egress',
      (i) => failClosed.includes(rules[i]?.action ?? ''),
      (i, why, deny) =>
        issues.push({
          code: 'unconvertible_rule' satisfies EvaluatorIssueCode,
          path: [...path, 'spec', dir, i],
          message: `${label}: Calico cannot convert ${dir} rule ${i} (${why}); it ${deny ? 'replaces it with a rule that denies all traffic (fail closed)' : 'drops it'}.`,
        }),
    );
  const spec = resource.spec;
  const ingressRules: readonly AdminNetworkPolicyIngressRule<string>[] = spec.ingress ?? [];
  const egressRules: readonly AdminNetworkPolicyEgressRule<string>[] = spec.egress ?? [];
  ignoredNamedPorts(label, path, 'ingress', ingressRules, issues);
  ignoredNamedPorts(label, path, 'egress', egressRules, issues);
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
  const subject = spec.subject;
  const pods = subject.namespaces === undefined ? subject.pods : undefined;
  return {
    kind: 'GlobalNetworkPolicy',
    name: `${baseline ? 'kbanp.baselineadminnetworkpolicy.' : 'kanp.adminnetworkpolicy.'}${resource.metadata.name}`,
    namespace: undefined,
    tier: baseline ? 'baselineadminnetworkpolicy' : 'adminnetworkpolicy',
    order: resource.kind === 'BaselineAdminNetworkPolicy' ? 1000 : resource.spec.priority,
    selector: podSelector(pods?.podSelector),
    namespaceSelector: namespaceSelector(
      pods === undefined ? subject.namespaces : (pods.namespaceSelector ?? {}),
    ),
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
