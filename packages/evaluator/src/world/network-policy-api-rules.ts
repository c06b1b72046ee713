/**
 * Rule conversion shared by ClusterNetworkPolicy (Calico ≥ 3.32, `conversion/clusternetworkpolicy.go`)
 * and the v1alpha1 AdminNetworkPolicy / BaselineAdminNetworkPolicy (Calico 3.29–3.31,
 * `conversion/conversion.go` at v3.31.7): ports grouped per protocol, one Calico rule per protocol
 * and peer, and the fail-closed replacement of a rule that cannot be converted.
 */
import type { EntityRule, LabelSelector, PolicyType, Rule } from '@calico-dsl/core';
import { parseCidr, portNameProblem } from '@calico-dsl/core';
import { namespaceSelector, podSelector } from './k8s-network-policy.js';

/** A peer as the converter reads it (either API version). */
export interface PeerInput {
  readonly namespaces?: LabelSelector;
  readonly pods?: { readonly namespaceSelector?: LabelSelector; readonly podSelector?: LabelSelector };
  readonly networks?: readonly string[];
}

/** One port entry reduced to protocol + Calico port (`undefined` port = every port). */
export interface PortEntry {
  readonly protocol: 'TCP' | 'UDP' | 'SCTP' | undefined;
  readonly port: number | string | undefined;
}

/** A rule of either API version, with its action already mapped to Calico's. */
export interface RuleInput {
  readonly name: string | undefined;
  readonly action: 'Allow' | 'Deny' | 'Pass';
  readonly peers: readonly PeerInput[];
  /** `undefined` entry list = every protocol and port. */
  readonly ports: readonly PortEntry[];
}

/** Thrown inside conversion for a rule Calico cannot convert (caught per rule). */
export class UnconvertibleRule extends Error {}

/** `unpackCNPProtocols` / `unpackANPPorts`: ports per protocol, protocols sorted ("" first). */
type ProtocolKey = NonNullable<PortEntry['protocol']> | '';

function portsByProtocol(entries: readonly PortEntry[]): [ProtocolKey, (number | string)[] | null][] {
  let groups = new Map<ProtocolKey, (number | string)[] | null>();
  const list = entries.length > 0 ? entries : [{ protocol: undefined, port: undefined }];
  for (const e of list) {
    if (e.protocol === undefined && e.port === undefined) {
      // An entry with neither matches everything: keep only that rule.
      groups = new Map<ProtocolKey, (number | string)[] | null>([['', null]]);
      break;
    }
    const key = e.protocol ?? '';
    if (e.port === undefined) groups.set(key, null);
    else {
      const have = groups.get(key);
      // Never overwrite "all ports" (null) with a narrower list.
      if (have === undefined) groups.set(key, [e.port]);
      else if (have !== null) have.push(e.port);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

// numorstring.NamedPort: a name outside this pattern makes the whole rule unconvertible.
const NAMED_PORT = /^[a-zA-Z0-9_.-]{1,128}$/;

/**
 * The ports of one protocol group as Calico matches them. A named port Calico accepts but no pod
 * can carry (Kubernetes port names are IANA service names: `8080`, `Web`) matches nothing, so it
 * is left out; `undefined` when every port of the group was such a name (the rule matches nothing).
 */
function matchablePorts(ports: readonly (number | string)[]): (number | string)[] | undefined {
  const out: (number | string)[] = [];
  for (const p of ports) {
    if (typeof p === 'number' || /^[0-9]+:[0-9]+$/.test(p)) out.push(p);
    else if (!NAMED_PORT.test(p)) throw new UnconvertibleRule(`invalid name for named port (${p})`);
    else if (portNameProblem(p) === undefined) out.push(p);
  }
  return out.length > 0 ? out : undefined;
}

function ruleMetadata(name: string | undefined): Pick<Rule, 'metadata'> {
  return name === undefined || name === '' ? {} : { metadata: { annotations: { name } } };
}

function peerEntity(peer: PeerInput, egress: boolean): EntityRule {
  let selector = '';
  let nsSelector = '';
  let nets: string[] = [];
  let found = false;
  if (peer.namespaces !== undefined) {
    nsSelector = namespaceSelector(peer.namespaces);
    found = true;
  }
  if (peer.pods !== undefined) {
    selector = podSelector(peer.pods.podSelector);
    nsSelector = namespaceSelector(peer.pods.namespaceSelector ?? {});
    found = true;
  }
  if (egress && peer.networks !== undefined && peer.networks.length > 0) {
    nets = peer.networks.map((n) => {
      const c = parseCidr(n);
      if (!c.ok) throw new UnconvertibleRule(`invalid CIDR in rule: ${n}`);
      return c.value.text;
    });
    found = true;
  }
  if (!found) throw new UnconvertibleRule(`none of supported fields in '${egress ? 'To' : 'From'}' is set.`);
  return {
    ...(nets.length > 0 ? { nets } : {}),
    ...(selector !== '' ? { selector } : {}),
    ...(nsSelector !== '' ? { namespaceSelector: nsSelector } : {}),
  };
}

/**
 * The Calico rules of one rule (one per protocol × peer); throws {@link UnconvertibleRule}.
 *
 * @example
 * ```ts
 * convertRule({ name: 'dns', action: 'Allow', peers: [{ namespaces: {} }], ports: [] }, false);
 * // [{ metadata: { annotations: { name: 'dns' } }, action: 'Allow', source: { namespaceSelector: 'all()' }, destination: {} }]
 * ```
 */
export function convertRule(rule: RuleInput, egress: boolean): Rule[] {
  const rules: Rule[] = [];
  for (const [protocol, listed] of portsByProtocol(rule.ports)) {
    const ports = listed === null ? null : matchablePorts(listed);
    for (const peer of rule.peers) {
      const entity = peerEntity(peer, egress);
      // Calico still writes this rule; with only unmatchable named ports it can never match.
      if (ports === undefined) continue;
      const portField = ports !== null && ports.length > 0 ? { ports } : {};
      rules.push({
        ...ruleMetadata(rule.name),
        action: rule.action,
        ...(protocol !== '' ? { protocol } : {}),
        ...(egress ? {} : { source: entity }),
        destination: egress ? { ...portField, ...entity } : portField,
      });
    }
  }
  return rules;
}

/**
 * Converts a rule list; a rule that fails becomes a bare Deny when its action was Deny or Pass
 * (`failClosed`), and is dropped otherwise. `onFailure` hears each failure.
 *
 * @example
 * ```ts
 * convertRules(rules, true, (action) => action !== 'Allow', (i, why) => console.log(i, why));
 * ```
 */
export function convertRules(
  rules: readonly (() => RuleInput)[],
  egress: boolean,
  failClosed: (index: number) => boolean,
  onFailure: (index: number, why: string, replacedByDeny: boolean) => void,
): Rule[] {
  const out: Rule[] = [];
  rules.forEach((read, i) => {
    try {
      out.push(...convertRule(read(), egress));
    } catch (e) {
      if (!(e instanceof UnconvertibleRule)) throw e;
      const deny = failClosed(i);
      if (deny) out.push({ action: 'Deny' });
      onFailure(i, e.message, deny);
    }
  });
  return out;
}

/**
 * `clusterNetPolicyTypes` / `calculateANPPolicyTypes`: a direction is a type when it has rules.
 * With no rules at all the converter leaves `Types` empty, and nothing on the syncer path defaults
 * it; Felix then reads "no Types" as both directions (`felix/calc/policy_sorter.go`, "Back
 * compatibility: no Types means Ingress and Egress").
 *
 * @example
 * ```ts
 * convertedTypes([{ action: 'Deny' }], []); // ['Ingress']
 * convertedTypes([], []); // ['Ingress', 'Egress']
 * ```
 */
export function convertedTypes(ingress: readonly Rule[], egress: readonly Rule[]): PolicyType[] {
  const types: PolicyType[] = [];
  if (ingress.length > 0) types.push('Ingress');
  if (egress.length > 0) types.push('Egress');
  return types.length > 0 ? types : ['Ingress', 'Egress'];
}
