/**
 * Subjects, peers, ports and rules shared by the network-policy-api kinds (ClusterNetworkPolicy
 * v1alpha2, AdminNetworkPolicy / BaselineAdminNetworkPolicy v1alpha1): the CRD schema
 * (min/max items and properties, enums, ranges) and its CEL rules, with each kind's limits.
 */
import { NETWORK_POLICY_API_KEYS as K } from '../resources/network-policy-api.js';
import { formatPath } from '../result.js';
import { string } from '../shape/checks.js';
import { parseCidr } from '../values/cidr.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import { readArray, readInt, readItemStruct, readString, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, JsonObject, Path } from './json.js';
import { readLabelSelector } from './kubernetes-policy.js';

/** What differs between the kinds' rule dialects (limits from the CRDs' kubebuilder markers). */
export interface RuleDialect {
  /** Kind name for messages. */
  readonly kind: string;
  readonly actions: readonly string[];
  /** Max rules per direction, max peers per rule, max port entries per rule. */
  readonly maxRules: number;
  readonly maxPeers: number;
  readonly maxPorts: number;
  /** `protocols` (v1alpha2) or `ports` (v1alpha1). */
  readonly portsKey: 'protocols' | 'ports';
  /** Egress peer fields the installed CRD carries (experimental ones Calico's CRD lacks are rejected). */
  readonly egressPeerKeys: readonly string[];
  /** The experimental-channel CEL rule "no named ports with networks/nodes peers" is installed. */
  readonly namedPortPeerRule: boolean;
  /** Required fields of a `pods` selector (`NamespacedPod`). */
  readonly podsRequire: readonly string[];
}

/** Max CIDRs in one `networks` peer (both versions). */
export const MAX_NETWORKS = 25;
/** Max length of a rule name (both versions). */
export const MAX_RULE_NAME = 100;

function exactlyOne(
  ctx: IssueCollector,
  obj: JsonObject,
  keys: readonly string[],
  path: Path,
  what: string,
  split = 'split it into several entries',
): void {
  const set = keys.filter((k) => obj.get(k) !== undefined && obj.get(k) !== null);
  if (set.length === 1) return;
  ctx.report(
    'one_of_required',
    set.length === 0 ? path : [...path, set[1] as string],
    set.length === 0
      ? `${formatPath(path)} must set exactly one of ${keys.join(', ')} (${what})`
      : `${formatPath(path)} sets ${set.join(' and ')}: set exactly one of ${keys.join(', ')} (${what}); ${split}`,
  );
}

/**
 * `pods`: the v1alpha2 CRD requires only `podSelector` (a missing `namespaceSelector` decodes as
 * `{}`, every namespace); the v1alpha1 CRDs require both.
 */
function readNamespacedPod(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  required: readonly string[],
): CanonicalObject | undefined {
  const obj = readStruct(ctx, v, path, K.namespacedPod);
  if (obj === undefined) return undefined;
  const out: CanonicalObject = {};
  for (const key of K.namespacedPod) {
    const sel = readLabelSelector(ctx, obj.get(key), [...path, key]);
    if (sel === undefined && required.includes(key))
      ctx.report(
        'required',
        [...path, key],
        `${formatPath([...path, key])} is required: use {} to select all`,
      );
    setOwn(out, key, sel);
  }
  return out;
}

/**
 * Reads `subject` (exactly one of namespaces / pods).
 *
 * @example
 * ```ts
 * readSubject(ctx, snapshotOf({ namespaces: {} }), ['spec', 'subject'], CNP_DIALECT); // { namespaces: {} }
 * ```
 */
export function readSubject(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  d: RuleDialect,
): CanonicalObject {
  const obj = readStruct(ctx, v, path, K.subject);
  const out: CanonicalObject = {};
  if (obj === undefined) {
    ctx.report('required', path, `${formatPath(path)} is required: set namespaces: {} (every pod) or pods`);
    return out;
  }
  exactlyOne(ctx, obj, K.subject, path, 'the pods the policy applies to', 'write one policy per subject');
  setOwn(out, 'namespaces', readLabelSelector(ctx, obj.get('namespaces'), [...path, 'namespaces']));
  setOwn(out, 'pods', readNamespacedPod(ctx, obj.get('pods'), [...path, 'pods'], d.podsRequire));
  return out;
}

function readNetworks(ctx: IssueCollector, obj: JsonObject, path: Path): string[] | undefined {
  const list = readArray(ctx, obj, 'networks', path, MAX_NETWORKS);
  if (list === undefined) return undefined;
  const at = [...path, 'networks'];
  if (list.length === 0) ctx.report('required', at, `${formatPath(at)} needs at least one CIDR`);
  const out: string[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (!ctx.fits(string, item, [...at, i])) {
      return;
    }
    // CEL `isCIDR(self)` (host bits allowed; Calico masks them when it converts) and maxLength 43.
    if (item.length > 43)
      ctx.report('too_long', [...at, i], `${formatPath([...at, i])} is longer than 43 characters`);
    const r = parseCidr(item);
    if (!r.ok)
      ctx.report('invalid_cidr', [...at, i], `Invalid CIDR format provided: ${r.issues[0]?.message ?? item}`);
    // listType=set: entries are unique.
    if (seen.has(item))
      ctx.report('duplicate_value', [...at, i], `${JSON.stringify(item)} is listed twice in networks`);
    seen.add(item);
    out.push(item);
  });
  return out;
}

function readPeer(
  ctx: IssueCollector,
  v: Json,
  path: Path,
  keys: readonly string[],
  all: readonly string[],
  d: RuleDialect,
): CanonicalObject {
  const obj = readStruct(ctx, v, path, all);
  const out: CanonicalObject = {};
  if (obj === undefined) {
    ctx.report(
      'one_of_required',
      path,
      `${formatPath(path)} must be a mapping with one of ${keys.join(', ')}`,
    );
    return out;
  }
  for (const key of all) {
    if (keys.includes(key) || obj.get(key) === undefined || obj.get(key) === null) continue;
    ctx.report(
      'unsupported_field',
      [...path, key],
      `${formatPath([...path, key])}: "${key}" peers are an experimental network-policy-api field that the CRD Calico installs does not carry; use ${keys.filter((k) => k !== 'nodes').join(' or ')}`,
    );
  }
  exactlyOne(ctx, obj, keys, path, 'one kind of peer');
  setOwn(out, 'namespaces', readLabelSelector(ctx, obj.get('namespaces'), [...path, 'namespaces']));
  setOwn(out, 'pods', readNamespacedPod(ctx, obj.get('pods'), [...path, 'pods'], d.podsRequire));
  if (keys.includes('nodes'))
    setOwn(out, 'nodes', readLabelSelector(ctx, obj.get('nodes'), [...path, 'nodes']));
  setOwn(out, 'networks', readNetworks(ctx, obj, path));
  return out;
}

function readPortNumber(ctx: IssueCollector, obj: JsonObject, key: string, path: Path): number | undefined {
  const v = readInt(ctx, obj, key, path, 1, 65535);
  if (v === undefined && (obj.get(key) === undefined || obj.get(key) === null))
    ctx.report('required', [...path, key], `${formatPath([...path, key])} is required (1-65535)`);
  return v;
}

function checkRange(
  ctx: IssueCollector,
  start: number | undefined,
  end: number | undefined,
  path: Path,
): void {
  // CEL on the v1alpha2 range: `self.start < self.end`.
  if (start !== undefined && end !== undefined && !(start < end))
    ctx.report(
      'invalid_port',
      path,
      `Start port must be less than End port (start ${start}, end ${end}); for one port use number: ${start}`,
    );
}

function readV2Port(ctx: IssueCollector, v: Json | undefined, path: Path): CanonicalObject | undefined {
  const obj = readStruct(ctx, v, path, K.port);
  if (obj === undefined) return undefined;
  exactlyOne(ctx, obj, K.port, path, 'one port or one range');
  const out: CanonicalObject = {};
  setOwn(out, 'number', readInt(ctx, obj, 'number', path, 1, 65535));
  const range = readStruct(ctx, obj.get('range'), [...path, 'range'], K.portRange);
  if (range !== undefined) {
    const at = [...path, 'range'];
    const start = readPortNumber(ctx, range, 'start', at);
    const end = readPortNumber(ctx, range, 'end', at);
    checkRange(ctx, start, end, at);
    const r: CanonicalObject = {};
    setOwn(r, 'start', start);
    setOwn(r, 'end', end);
    setOwn(out, 'range', r);
  }
  return out;
}

function readV2Protocol(ctx: IssueCollector, v: Json, path: Path): CanonicalObject {
  const obj = readStruct(ctx, v, path, K.protocol);
  const out: CanonicalObject = {};
  if (obj === undefined) {
    ctx.report(
      'one_of_required',
      path,
      `${formatPath(path)} must be a mapping with one of ${K.protocol.join(', ')}`,
    );
    return out;
  }
  exactlyOne(ctx, obj, K.protocol, path, 'one protocol or one named port');
  for (const proto of ['tcp', 'udp', 'sctp'] as const) {
    const p = readStruct(ctx, obj.get(proto), [...path, proto], K.protocolPorts);
    if (p === undefined) continue;
    const at = [...path, proto];
    // minProperties: 1 on the protocol object.
    if (p.get('destinationPort') === undefined || p.get('destinationPort') === null)
      ctx.report(
        'required',
        [...at, 'destinationPort'],
        `${formatPath(at)} needs destinationPort (number or range)`,
      );
    const o: CanonicalObject = {};
    setOwn(o, 'destinationPort', readV2Port(ctx, p.get('destinationPort'), [...at, 'destinationPort']));
    setOwn(out, proto, o);
  }
  // The CRD puts no pattern on named ports; Calico's converter checks them (see the evaluator).
  setOwn(out, 'destinationNamedPort', readString(ctx, obj, 'destinationNamedPort', path));
  return out;
}

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

function readV1Port(ctx: IssueCollector, v: Json, path: Path): CanonicalObject {
  const obj = readStruct(ctx, v, path, K.anpPort);
  const out: CanonicalObject = {};
  if (obj === undefined) {
    ctx.report(
      'one_of_required',
      path,
      `${formatPath(path)} must be a mapping with one of ${K.anpPort.join(', ')}`,
    );
    return out;
  }
  exactlyOne(ctx, obj, K.anpPort, path, 'one port, one named port or one range');
  const protocolOf = (o: JsonObject, at: Path): string | undefined => {
    const p = readString(ctx, o, 'protocol', at);
    if (p !== undefined && !PROTOCOLS.includes(p))
      ctx.report(
        'invalid_protocol',
        [...at, 'protocol'],
        `Invalid protocol ${JSON.stringify(p)}: use TCP, UDP or SCTP`,
      );
    return p;
  };
  const num = readStruct(ctx, obj.get('portNumber'), [...path, 'portNumber'], K.anpPortNumber);
  if (num !== undefined) {
    const at = [...path, 'portNumber'];
    const o: CanonicalObject = {};
    setOwn(o, 'protocol', protocolOf(num, at));
    setOwn(o, 'port', readPortNumber(ctx, num, 'port', at));
    setOwn(out, 'portNumber', o);
  }
  setOwn(out, 'namedPort', readString(ctx, obj, 'namedPort', path));
  const range = readStruct(ctx, obj.get('portRange'), [...path, 'portRange'], K.anpPortRange);
  if (range !== undefined) {
    const at = [...path, 'portRange'];
    const o: CanonicalObject = {};
    setOwn(o, 'protocol', protocolOf(range, at));
    const start = readPortNumber(ctx, range, 'start', at);
    const end = readPortNumber(ctx, range, 'end', at);
    checkRange(ctx, start, end, at);
    setOwn(o, 'start', start);
    setOwn(o, 'end', end);
    setOwn(out, 'portRange', o);
  }
  return out;
}

function hasNamedPort(ports: readonly CanonicalObject[]): boolean {
  return ports.some((p) => p.destinationNamedPort !== undefined || p.namedPort !== undefined);
}

/**
 * Reads the required `priority` of an Admin or Baseline policy: an integer from 0 (first) to 1000.
 *
 * @example
 * ```ts
 * readPriority(ctx, spec, ['spec']); // 10, or undefined with an issue at spec.priority
 * ```
 */
export function readPriority(ctx: IssueCollector, spec: JsonObject, path: Path): number | undefined {
  if (spec.get('priority') === undefined || spec.get('priority') === null)
    ctx.report(
      'required',
      [...path, 'priority'],
      `${formatPath([...path, 'priority'])} is required: a number from 0 (first) to 1000`,
    );
  return readInt(ctx, spec, 'priority', path, 0, 1000);
}

/**
 * Reads one ingress or egress rule list of a network-policy-api spec.
 *
 * @example
 * ```ts
 * readRules(ctx, spec, 'egress', ['spec'], CNP_DIALECT);
 * ```
 */
export function readRules(
  ctx: IssueCollector,
  spec: JsonObject,
  direction: 'ingress' | 'egress',
  path: Path,
  d: RuleDialect,
): CanonicalObject[] | undefined {
  const list = readArray(ctx, spec, direction, path, d.maxRules);
  if (list === undefined) return undefined;
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  const peerKeys = direction === 'ingress' ? K.ingressPeer : d.egressPeerKeys;
  const ruleKeys = ['name', 'action', peersKey, d.portsKey];
  return list.map((v, i) => {
    const at = [...path, direction, i];
    const out: CanonicalObject = {};
    const obj = readItemStruct(ctx, v, at, ruleKeys, `a rule (a mapping with action and ${peersKey})`);
    if (obj === undefined) {
      return out;
    }
    const name = readString(ctx, obj, 'name', at);
    if (name !== undefined && name.length > MAX_RULE_NAME)
      ctx.report(
        'too_long',
        [...at, 'name'],
        `${formatPath([...at, 'name'])} is ${name.length} characters; the CRD allows ${MAX_RULE_NAME}`,
      );
    setOwn(out, 'name', name);
    const action = readString(ctx, obj, 'action', at);
    if (action === undefined) {
      if (obj.get('action') === undefined || obj.get('action') === null)
        ctx.report(
          'required',
          [...at, 'action'],
          `${formatPath([...at, 'action'])} is required: use ${d.actions.join(', ')}`,
        );
    } else if (!d.actions.includes(action)) {
      const hint =
        d.kind === 'ClusterNetworkPolicy' && action === 'Allow' ? ' (v1alpha2 renamed Allow to Accept)' : '';
      ctx.report(
        'invalid_action',
        [...at, 'action'],
        `${d.kind} rule action must be one of ${d.actions.join(', ')}, not ${JSON.stringify(action)}${hint}`,
      );
    }
    setOwn(out, 'action', action);
    const peers = readArray(ctx, obj, peersKey, at, d.maxPeers);
    if (peers === undefined || peers.length === 0) {
      ctx.report(
        'required',
        [...at, peersKey],
        `${formatPath([...at, peersKey])} needs at least one peer (e.g. namespaces: {} for every pod)`,
      );
    }
    setOwn(
      out,
      peersKey,
      (peers ?? []).map((p, j) => readPeer(ctx, p, [...at, peersKey, j], peerKeys, K.egressPeer, d)),
    );
    const portList = readArray(ctx, obj, d.portsKey, at, d.maxPorts);
    if (portList !== undefined) {
      const pat = [...at, d.portsKey];
      if (portList.length === 0)
        ctx.report(
          'required',
          pat,
          `${formatPath(pat)} needs at least one entry; leave it out to match every port`,
        );
      const ports = portList.map((p, j) =>
        d.portsKey === 'protocols' ? readV2Protocol(ctx, p, [...pat, j]) : readV1Port(ctx, p, [...pat, j]),
      );
      // CEL (egress): no named ports together with networks/nodes/domainNames peers.
      const peerOuts = (out[peersKey] ?? []) as readonly CanonicalObject[];
      if (
        d.namedPortPeerRule &&
        direction === 'egress' &&
        hasNamedPort(ports) &&
        peerOuts.some((p) => p.networks !== undefined || p.nodes !== undefined)
      )
        ctx.report(
          'invalid_port_name',
          pat,
          'networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames',
        );
      setOwn(out, d.portsKey, ports);
    }
    return out;
  });
}
