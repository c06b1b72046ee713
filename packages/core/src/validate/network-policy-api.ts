/**
 * One network-policy-api resource (ClusterNetworkPolicy, AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy): apiVersion, metadata, spec; `status` is server-written and kept.
 */
import { NETWORK_POLICY_API_KINDS, type NetworkPolicyApiKind } from '../resources/network-policy-api.js';
import { readAdminNetworkPolicySpec } from './admin-network-policy.js';
import { readClusterNetworkPolicySpec } from './cluster-network-policy.js';
import { type CanonicalObject, type IssueCollector, jsonToCanonical, readStruct, setOwn } from './context.js';
import { describeJson, isJsonObject, type JsonObject } from './json.js';
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
        : `${kind} needs apiVersion: ${apiVersion}, not ${describeJson(given)}`,
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
    if (!isJsonObject(status)) ctx.report('invalid_type', ['status'], 'status must be a mapping (object)');
    else setOwn(out, 'status', jsonToCanonical(status));
  }
  return out;
}
