/**
 * Rule-level types of `projectcalico.org/v3`, field for field as upstream `policy_common.go`
 * declares them (and in the same order, which the YAML printer follows).
 */

/**
 * What a rule does when it matches. `Log` is not terminal; `Pass` skips to the next tier.
 *
 * @example
 * ```ts
 * // Each rule starts with its action: .allow(), .deny(), .log() or .pass():
 * rule.pass().toRule().action; // 'Pass'
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
 * // .tcp(), .udp(), .icmp() … write the name; .protocol() also takes a number (47 is GRE):
 * rule.allow().protocol(47).toRule(); // { action: 'Allow', protocol: 47 }
 * ```
 */
export type Protocol = ProtocolName | number;

/**
 * One entry of a `ports` / `notPorts` list: a port number, a `"min:max"` range string, a numeric
 * string, or a named port (resolved against endpoint port names).
 *
 * @example
 * ```ts
 * // .ports() takes numbers, "min:max" ranges and port names, and keeps them as given:
 * rule.allow().tcp().ports(443, '30000:32767', 'metrics').toRule(); // { action: 'Allow', protocol: 'TCP', destination: { ports: [443, '30000:32767', 'metrics'] } }
 * ```
 */
export type Port = number | string;

/**
 * ICMP type/code match. `code` requires `type`.
 *
 * @example
 * ```ts
 * // .icmp(type, code) (destination unreachable, fragmentation needed):
 * rule.allow().icmp(3, 4).toRule(); // { action: 'Allow', protocol: 'ICMP', icmp: { type: 3, code: 4 } }
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
 * rule.allow().tcp().to({ services: { name: 'kube-dns', namespace: 'kube-system' } }).toRule(); // { action: 'Allow', protocol: 'TCP', destination: { services: { name: 'kube-dns', namespace: 'kube-system' } } }
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
 * rule.allow().from({ serviceAccounts: { names: ['api'], selector: "team == 'payments'" } }).toRule(); // { action: 'Allow', source: { serviceAccounts: { names: ['api'], selector: "team == 'payments'" } } }
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
 * rule.allow().tcp().http({ paths: [{ exact: '/healthz' }] }).toRule().http; // { paths: [{ exact: '/healthz' }] }
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
 * globalNetworkPolicy('read-only').allow().tcp().http({ methods: ['GET', 'HEAD'], paths: [{ prefix: '/api/' }] }).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkPolicy
 * // metadata:
 * //   name: read-only
 * // spec:
 * //   ingress:
 * //   - action: Allow
 * //     protocol: TCP
 * //     http:
 * //       methods:
 * //       - GET
 * //       - HEAD
 * //       paths:
 * //       - prefix: /api/
 * //   types:
 * //   - Ingress
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
 * // .from() / .to() take one; .fromNets(), .toNets() and .ports() add to it:
 * globalNetworkPolicy('to-postgres').egress().allow().tcp()
 *   .to({ selector: "app == 'postgres'", namespaceSelector: "team == 'data'" }).ports(5432).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkPolicy
 * // metadata:
 * //   name: to-postgres
 * // spec:
 * //   egress:
 * //   - action: Allow
 * //     protocol: TCP
 * //     destination:
 * //       selector: app == 'postgres'
 * //       namespaceSelector: team == 'data'
 * //       ports:
 * //       - 5432
 * //   types:
 * //   - Egress
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
 * rule.log().metadata({ annotations: { owner: 'net-team', ticket: 'NET-1234' } }).toRule(); // { action: 'Log', metadata: { annotations: { owner: 'net-team', ticket: 'NET-1234' } } }
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
 * // A policy's rule steps (or the standalone `rule`) build one:
 * globalNetworkPolicy('deny-nodeports').deny().tcp().ports('30000:32767').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkPolicy
 * // metadata:
 * //   name: deny-nodeports
 * // spec:
 * //   ingress:
 * //   - action: Deny
 * //     protocol: TCP
 * //     destination:
 * //       ports:
 * //       - 30000:32767
 * //   types:
 * //   - Ingress
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
