/**
 * `services` matches (ServiceMatch) that Felix resolves to no Service (calico-semantics.md §6.9).
 */
import type { Issue } from '@calico-dsl/core';
import type { RawPolicy } from './policies.js';

/**
 * One issue per rule side whose `services` names no namespace: Felix keys its IP set
 * `<namespace>/<name>` as written (`rule_scanner.go` ruleToParsedRule), so an empty namespace is
 * `/<name>`, which no EndpointSlice fills (`serviceindex.go` serviceName), and the side matches
 * nothing. The API comment promises the policy's namespace; nothing in Calico fills it in
 * (`updateprocessors/rules.go` RuleAPIV3ToBackend passes it through), and the validator requires
 * a namespace only in global policies.
 *
 * @example
 * ```ts
 * // NetworkPolicy default/to-web: egress [{ action: Allow, destination: { services: { name: web } } }]
 * serviceMatchIssues(raw)[0]?.path; // [8, 'spec', 'egress', 0, 'destination', 'services', 'namespace']
 * ```
 */
export function serviceMatchIssues(raw: RawPolicy): Issue[] {
  const issues: Issue[] = [];
  for (const dir of ['ingress', 'egress'] as const) {
    raw[dir].forEach((rule, i) => {
      for (const side of ['source', 'destination'] as const) {
        const svc = rule[side]?.services;
        if (!svc?.name || svc.namespace) continue;
        const where = raw.namespace ? `${raw.namespace}/${raw.name}` : raw.name;
        issues.push({
          code: 'services_need_name',
          path: [...raw.path, 'spec', dir, i, side, 'services', 'namespace'],
          message: `${raw.kind} "${where}" ${dir} rule ${i}: ${side}.services "${svc.name}" has no namespace, so it matches nothing: Felix looks the Service up as "/${svc.name}" (rule_scanner.go), not in the policy's namespace as the API comment says. Write namespace: ${raw.namespace ?? '<the Service namespace>'}.`,
        });
      }
    });
  }
  return issues;
}
