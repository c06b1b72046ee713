/**
 * Rule-level types of `projectcalico.org/v3`, field for field as upstream `policy_common.go`
 * declares them (and in the same order, which the YAML printer follows).
 */

/**
 * What a rule does when it matches. `Log` is not terminal; `Pass` skips to the next tier.
 *
 * @example
 * ```ts
 * const onMatch: Action = 'Pass'; // hand the packet to the next tier
 * ```
 */
export type Action = 'Allow' | 'Deny' | 'Log' | 'Pass';

/**
 * The action names in upstream order.
 *
 * @example
 * ```ts
 * ACTIONS[3]; // 'Pass'
 * ```
 */
export const ACTIONS = ['Allow', 'Deny', 'Log', 'Pass'] as const satisfies readonly Action[];

/**
 * IP protocol names Calico accepts (case-sensitive).
 *
 * @example
 * ```ts
 * const sctp: ProtocolName = 'SCTP';
 * parseProtocol('sctp').ok; // false: names are case-sensitive, write 'SCTP'
 * ```
 */
export type ProtocolName = 'TCP' | 'UDP' | 'ICMP' | 'ICMPv6' | 'SCTP' | 'UDPLite';

/**
 * A protocol: a Calico name or an IP protocol number 1–255.
 *
 * @example
 * ```ts
 * const protocols: Protocol[] = ['TCP', 'ICMPv6', 47]; // 47 is GRE
 * ```
 */
export type Protocol = ProtocolName | number;

/**
 * One entry of a `ports` / `notPorts` list: a port number, a `"min:max"` range string, a numeric
 * string, or a named port (resolved against endpoint port names).
 *
 * @example
 * ```ts
 * const ports: Port[] = [443, '30000:32767', 'metrics']; // number, range, named port
 * ```
 */
export type Port = number | string;

/**
 * ICMP type/code match. `code` requires `type`.
 *
 * @example
 * ```ts
 * const fragNeeded: IcmpFields = { type: 3, code: 4 }; // destination unreachable, fragmentation needed
 * ```
 */
export interface IcmpFields {
  readonly type?: number;
  readonly code?: number;
}

/**
 * Match on a Kubernetes Service's endpoints (egress destination or ingress source).
 *
 * @example
 * ```ts
 * const dns: ServiceMatch = { name: 'kube-dns', namespace: 'kube-system' };
 * ```
 */
export interface ServiceMatch {
  readonly name?: string;
  readonly namespace?: string;
}

/**
 * Match on the service account of a pod; `names` and `selector` are ANDed.
 *
 * @example
 * ```ts
 * const api: ServiceAccountMatch = { names: ['api'], selector: "team == 'payments'" };
 * ```
 */
export interface ServiceAccountMatch {
  readonly names?: readonly string[];
  readonly selector?: string;
}

/**
 * HTTP path match: exactly one of `exact` / `prefix`.
 *
 * @example
 * ```ts
 * const health: HttpPath = { exact: '/healthz' };
 * ```
 */
export interface HttpPath {
  readonly exact?: string;
  readonly prefix?: string;
}

/**
 * Application-layer match (needs ALP; the iptables dataplane ignores it).
 *
 * @example
 * ```ts
 * const readOnly: HttpMatch = { methods: ['GET', 'HEAD'], paths: [{ prefix: '/api/' }] };
 * ```
 */
export interface HttpMatch {
  readonly methods?: readonly string[];
  readonly paths?: readonly HttpPath[];
}

/**
 * The match criteria for one side (source or destination) of a rule.
 *
 * @example
 * ```ts
 * const db: EntityRule = { selector: "app == 'postgres'", namespaceSelector: "team == 'data'", ports: [5432] };
 * ```
 */
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

/**
 * Free-form annotations on a rule.
 *
 * @example
 * ```ts
 * const meta: RuleMetadata = { annotations: { owner: 'net-team', ticket: 'NET-1234' } };
 * ```
 */
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
