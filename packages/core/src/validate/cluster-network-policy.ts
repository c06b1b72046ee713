/**
 * `spec` of a ClusterNetworkPolicy (v1alpha2): the standard-channel CRD Calico installs
 * (`libcalico-go/config/crd/policy.networking.k8s.io_clusternetworkpolicies.yaml`, bundle v0.2.0).
 */
import { NETWORK_POLICY_API_KEYS as K } from '../resources/network-policy-api.js';
import { formatPath } from '../result.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import { readString, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';
import { type RuleDialect, readPriority, readRules, readSubject } from './network-policy-api-rules.js';

/**
 * The v1alpha2 rule dialect: ≤ 25 rules per direction, ≤ 25 peers and protocols per rule,
 * actions Accept / Deny / Pass in both tiers, egress peers namespaces / pods / networks.
 *
 * @example
 * ```ts
 * CNP_DIALECT.maxRules; // 25
 * ```
 */
export const CNP_DIALECT: RuleDialect = {
  kind: 'ClusterNetworkPolicy',
  actions: ['Accept', 'Deny', 'Pass'],
  maxRules: 25,
  maxPeers: 25,
  maxPorts: 25,
  portsKey: 'protocols',
  egressPeerKeys: ['namespaces', 'pods', 'networks'],
  namedPortPeerRule: false,
  podsRequire: ['podSelector'],
};

const TIERS = ['Admin', 'Baseline'];

/**
 * Reads and checks a ClusterNetworkPolicy `spec`.
 *
 * @example
 * ```ts
 * readClusterNetworkPolicySpec(ctx, snapshotOf({ tier: 'Admin', priority: 5, subject: { namespaces: {} } }), ['spec']);
 * ```
 */
export function readClusterNetworkPolicySpec(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
): CanonicalObject {
  const out: CanonicalObject = {};
  const spec = readStruct(ctx, v, path, K.cnpSpec);
  if (spec === undefined) {
    ctx.report('required', path, 'spec is required: set tier, priority and subject');
    return out;
  }
  const tier = readString(ctx, spec, 'tier', path);
  if (tier === undefined) {
    if (spec.get('tier') === undefined || spec.get('tier') === null)
      ctx.report(
        'required',
        [...path, 'tier'],
        `${formatPath([...path, 'tier'])} is required: Admin or Baseline`,
      );
  } else if (!TIERS.includes(tier)) {
    ctx.report(
      'invalid_value',
      [...path, 'tier'],
      `tier must be Admin or Baseline, not ${JSON.stringify(tier)}`,
    );
  }
  setOwn(out, 'tier', tier);
  setOwn(out, 'priority', readPriority(ctx, spec, path));
  setOwn(out, 'subject', readSubject(ctx, spec.get('subject'), [...path, 'subject'], CNP_DIALECT));
  setOwn(out, 'ingress', readRules(ctx, spec, 'ingress', path, CNP_DIALECT));
  setOwn(out, 'egress', readRules(ctx, spec, 'egress', path, CNP_DIALECT));
  return out;
}
