/**
 * Rule-level types of `projectcalico.org/v3`, field for field as upstream `policy_common.go`
 * declares them (and in the same order, which the YAML printer follows).
 */

/** What a rule does when it matches. `Log` is not terminal; `Pass` skips to the next tier. */
export type Action = 'Allow' | 'Deny' | 'Log' | 'Pass';

/** The action names in upstream order. */
export const ACTIONS = ['Allow', 'Deny', 'Log', 'Pass'] as const satisfies readonly Action[];

/** IP protocol names Calico accepts (case-sensitive). */
export type ProtocolName = 'TCP' | 'UDP' | 'ICMP' | 'ICMPv6' | 'SCTP' | 'UDPLite';

/** A protocol: a Calico name or an IP protocol number 1–255. */
export type Protocol = ProtocolName | number;

/**
 * One entry of a `ports` / `notPorts` list: a port number, a `"min:max"` range string, a numeric
 * string, or a named port (resolved against endpoint port names).
 */
export type Port = number | string;

/** ICMP type/code match. `code` requires `type`. */
export interface IcmpFields {
  readonly type?: number;
  readonly code?: number;
}

/** Match on a Kubernetes Service's endpoints (egress destination or ingress source). */
export interface ServiceMatch {
  readonly name?: string;
  readonly namespace?: string;
}

/** Match on the service account of a pod; `names` and `selector` are ANDed. */
export interface ServiceAccountMatch {
  readonly names?: readonly string[];
  readonly selector?: string;
}

/** HTTP path match: exactly one of `exact` / `prefix`. */
export interface HttpPath {
  readonly exact?: string;
  readonly prefix?: string;
}

/** Application-layer match (needs ALP; the iptables dataplane ignores it). */
export interface HttpMatch {
  readonly methods?: readonly string[];
  readonly paths?: readonly HttpPath[];
}

/** The match criteria for one side (source or destination) of a rule. */
export interface EntityRule {
  readonly nets?: readonly string[];
  readonly selector?: string;
  readonly namespaceSelector?: string;
  readonly services?: ServiceMatch;
  readonly ports?: readonly Port[];
  readonly notNets?: readonly string[];
  readonly notSelector?: string;
  readonly notPorts?: readonly Port[];
  readonly serviceAccounts?: ServiceAccountMatch;
}

/** Free-form annotations on a rule. */
export interface RuleMetadata {
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * A policy rule: an action and the criteria a packet must meet (all ANDed).
 *
 * @example
 * ```ts
 * const rule: Rule = { action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } };
 * ```
 */
export interface Rule {
  readonly action: Action;
  readonly ipVersion?: 4 | 6;
  readonly protocol?: Protocol;
  readonly icmp?: IcmpFields;
  readonly notProtocol?: Protocol;
  readonly notICMP?: IcmpFields;
  readonly source?: EntityRule;
  readonly destination?: EntityRule;
  readonly http?: HttpMatch;
  readonly metadata?: RuleMetadata;
}
