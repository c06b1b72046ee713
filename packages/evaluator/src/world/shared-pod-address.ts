/**
 * Pods that list the same address: usually a stale manifest (a deleted pod's IP handed to a new
 * one) or a live migration caught half-way. Felix programs both, but a packet to the address
 * reaches one of them, and which one the model cannot know: it takes the first, and says so.
 */
import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import type { WorkloadEndpointModel } from './model.js';

/**
 * One `shared_pod_address` issue per address two or more pods list.
 *
 * @example
 * ```ts
 * // pods prod/web and prod/web-old both at 10.1.0.10
 * sharedPodAddressIssues(world.model.workloads)[0]?.message; // 'Pods prod/web and prod/web-old both list 10.1.0.10: …'
 * ```
 */
export function sharedPodAddressIssues(workloads: readonly WorkloadEndpointModel[]): Issue[] {
  const byIp = new Map<string, { text: string; pods: string[] }>();
  for (const w of workloads)
    for (const ip of w.ips) {
      const entry = byIp.get(ip.key) ?? { text: ip.text, pods: [] };
      entry.pods.push(`${w.namespace}/${w.name}`);
      byIp.set(ip.key, entry);
    }
  const issues: Issue[] = [];
  for (const { text, pods } of byIp.values())
    if (pods.length > 1)
      issues.push({
        code: 'shared_pod_address' satisfies EvaluatorIssueCode,
        path: [],
        message: `Pods ${pods.slice(0, -1).join(', ')} and ${pods.at(-1)} both list ${text}: a packet to it reaches one of them, which the manifests do not tell; the evaluator takes ${pods[0]}. Remove the stale pod (or give each its own address).`,
      });
  return issues;
}
