/**
 * `spec` of the v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy, as the
 * experimental-channel CRDs Calico 3.29–3.31 installed (bundle v0.1.1) define them.
 */
import { NETWORK_POLICY_API_KEYS as K } from '../resources/network-policy-api.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import { readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';
import { type RuleDialect, readPriority, readRules, readSubject } from './network-policy-api-rules.js';

const V1_EGRESS_PEERS = ['namespaces', 'pods', 'nodes', 'networks'];

/**
 * The AdminNetworkPolicy dialect: ≤ 100 rules, peers and ports; actions Allow / Deny / Pass.
 *
 * @example
 * ```ts
 * ANP_DIALECT.actions; // ['Allow', 'Deny', 'Pass']
 * ```
 */
export const ANP_DIALECT: RuleDialect = {
  kind: 'AdminNetworkPolicy',
  actions: ['Allow', 'Deny', 'Pass'],
  maxRules: 100,
  maxPeers: 100,
  maxPorts: 100,
  portsKey: 'ports',
  egressPeerKeys: V1_EGRESS_PEERS,
  namedPortPeerRule: true,
  podsRequire: ['namespaceSelector', 'podSelector'],
};

/**
 * The BaselineAdminNetworkPolicy dialect: like {@link ANP_DIALECT} but actions Allow / Deny only.
 *
 * @example
 * ```ts
 * BANP_DIALECT.actions; // ['Allow', 'Deny']
 * ```
 */
export const BANP_DIALECT: RuleDialect = {
  ...ANP_DIALECT,
  kind: 'BaselineAdminNetworkPolicy',
  actions: ['Allow', 'Deny'],
};

/**
 * Reads and checks an AdminNetworkPolicy (`baseline` false) or BaselineAdminNetworkPolicy spec.
 *
 * @example
 * ```ts
 * readAdminNetworkPolicySpec(ctx, snapshotOf({ priority: 5, subject: { namespaces: {} } }), ['spec'], false);
 * ```
 */
export function readAdminNetworkPolicySpec(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  baseline: boolean,
): CanonicalObject {
  const out: CanonicalObject = {};
  const keys = baseline ? K.anpSpec.filter((k) => k !== 'priority') : K.anpSpec;
  const spec = readStruct(ctx, v, path, keys);
  if (spec === undefined) {
    ctx.report('required', path, `spec is required: set ${baseline ? '' : 'priority and '}subject`);
    return out;
  }
  if (!baseline) {
    setOwn(out, 'priority', readPriority(ctx, spec, path));
  }
  const d = baseline ? BANP_DIALECT : ANP_DIALECT;
  setOwn(out, 'subject', readSubject(ctx, spec.get('subject'), [...path, 'subject'], d));
  setOwn(out, 'ingress', readRules(ctx, spec, 'ingress', path, d));
  setOwn(out, 'egress', readRules(ctx, spec, 'egress', path, d));
  return out;
}
