/**
 * One network-policy-api resource (ClusterNetworkPolicy, AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy): apiVersion, metadata, spec; `status` is server-written and kept.
 */
import { NETWORK_POLICY_API_KINDS, type NetworkPolicyApiKind } from '../resources/network-policy-api.js';
import { describeValue } from '../shape/checks.js';
import { readAdminNetworkPolicySpec } from './admin-network-policy.js';
import { type CanonicalObject, jsonToCanonical, setOwn } from './canonical.js';
import { readClusterNetworkPolicySpec } from './cluster-network-policy.js';
import { readMapping, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { JsonObject } from './json.js';
import { readMetadata } from './metadata.js';

/**
 * Reads a resource whose `kind` is a network-policy-api kind.
 *
 * @example
 * ```ts
 * readNetworkPolicyApiResource(ctx, snapshotOf(cnp), 'ClusterNetworkPolicy');
 * ```
 */
export function readNetworkPolicyApiResource(
  ctx: IssueCollector,
  root: JsonObject,
  kind: NetworkPolicyApiKind,
): CanonicalObject {
  const apiVersion = NETWORK_POLICY_API_KINDS[kind];
  const given = root.get('apiVersion');
  if (given !== apiVersion) {
    ctx.report(
      'invalid_api_version',
      ['apiVersion'],
      given === undefined || given === null
        ? `apiVersion is required: ${kind} needs apiVersion: ${apiVersion}`
        : `${kind} needs apiVersion: ${apiVersion}, not ${describeValue(given)}`,
    );
  }
  readStruct(ctx, root, [], ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const out: CanonicalObject = {};
  setOwn(out, 'apiVersion', apiVersion);
  setOwn(out, 'kind', kind);
  const metadata = readMetadata(ctx, kind, root.get('metadata'), ['metadata']);
  setOwn(out, 'metadata', metadata ?? {});
  if (kind === 'BaselineAdminNetworkPolicy' && metadata !== undefined && metadata.name !== 'default') {
    ctx.report(
      'invalid_name',
      ['metadata', 'name'],
      'Only one baseline admin network policy with metadata.name="default" can be created in the cluster: name it default',
    );
  }
  const spec = root.get('spec');
  setOwn(
    out,
    'spec',
    kind === 'ClusterNetworkPolicy'
      ? readClusterNetworkPolicySpec(ctx, spec, ['spec'])
      : readAdminNetworkPolicySpec(ctx, spec, ['spec'], kind === 'BaselineAdminNetworkPolicy'),
  );
  const status = root.get('status');
  if (status !== undefined && status !== null) {
    const kept = readMapping(ctx, status, ['status']);
    if (kept !== undefined) setOwn(out, 'status', jsonToCanonical(kept));
  }
  return out;
}
