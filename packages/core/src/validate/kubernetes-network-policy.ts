/**
 * Kubernetes' own NetworkPolicy (`networking.k8s.io/v1`), as the kube-apiserver validates it:
 * metadata as any namespaced object (a DNS-1123 subdomain name), the body as
 * `ValidateNetworkPolicySpec` (see `kubernetes-policy.ts`).
 */
import { K8S_NETWORKING_API_VERSION } from '../resources/kubernetes.js';
import { type CanonicalObject, jsonToCanonical, setOwn } from './canonical.js';
import { readMapping, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { JsonObject } from './json.js';
import { readKubernetesPolicySpec } from './kubernetes-policy.js';
import { readMetadata } from './metadata.js';

/**
 * Reads and checks a `networking.k8s.io/v1` NetworkPolicy.
 *
 * @example
 * ```ts
 * readKubernetesNetworkPolicy(ctx, snapshotOf(policy)); // { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', … }
 * ```
 */
export function readKubernetesNetworkPolicy(ctx: IssueCollector, root: JsonObject): CanonicalObject {
  // `status` (Kubernetes 1.24–1.26 had one, always empty) is server-written: kept as read.
  readStruct(ctx, root, [], ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const out: CanonicalObject = {};
  setOwn(out, 'apiVersion', K8S_NETWORKING_API_VERSION);
  setOwn(out, 'kind', 'NetworkPolicy');
  setOwn(
    out,
    'metadata',
    readMetadata(ctx, 'KubernetesNetworkPolicy', root.get('metadata'), ['metadata']) ?? {},
  );
  setOwn(out, 'spec', readKubernetesPolicySpec(ctx, root.get('spec'), ['spec']));
  const status = root.get('status');
  if (status !== undefined && status !== null) {
    const kept = readMapping(ctx, status, ['status']);
    if (kept !== undefined) setOwn(out, 'status', jsonToCanonical(kept));
  }
  return out;
}
