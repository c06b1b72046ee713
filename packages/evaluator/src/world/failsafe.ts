/** Felix failsafe ports (calico-semantics.md §4.6). */
import { parseCidr } from '../net/ip.js';
import type { FailsafePortModel } from './model.js';

const tcp = (port: number): FailsafePortModel => ({ protocol: 6, port, net: undefined });
const udp = (port: number): FailsafePortModel => ({ protocol: 17, port, net: undefined });

/** `FailsafeInboundHostPorts` default (§4.6, §12.49). */
export const DEFAULT_FAILSAFE_INBOUND: readonly FailsafePortModel[] = [
  tcp(22),
  udp(68),
  tcp(179),
  tcp(2379),
  tcp(2380),
  tcp(5473),
  tcp(6443),
  tcp(6666),
  tcp(6667),
];

/** `FailsafeOutboundHostPorts` default (§4.6, §12.50). */
export const DEFAULT_FAILSAFE_OUTBOUND: readonly FailsafePortModel[] = [
  udp(53),
  udp(67),
  tcp(179),
  tcp(2379),
  tcp(2380),
  tcp(5473),
  tcp(6443),
  tcp(6666),
  tcp(6667),
];

/**
 * A FelixConfiguration `failsafe*HostPorts` entry as given.
 *
 * @example
 * ```ts
 * const ssh: FailsafeEntry = { protocol: 'TCP', port: 22, net: '192.0.2.0/24' };
 * ```
 */
export interface FailsafeEntry {
  readonly protocol?: string;
  readonly port: number;
  readonly net?: string;
}

/**
 * Why Felix cannot parse a FelixConfiguration failsafe entry, or `undefined` when it can. The
 * entry reaches Felix as `<protocol>:<net>:<port>` with the protocol lower-cased
 * (`felixconfigprocessor.go` `protoPortSliceToString`), and `PortListParam.Parse`
 * (`felix/config/param_types.go`) takes only `tcp` and `udp`: an omitted protocol (`:22`) or
 * SCTP is an "unknown protocol", and a `net` must be an IP or CIDR (`cnet.ParseCIDROrIP`).
 * The parameter is `die-on-fail`: Felix refuses the whole configuration.
 *
 * @example
 * ```ts
 * failsafeEntryProblem({ protocol: 'TCP', port: 22 }); // undefined
 * failsafeEntryProblem({ port: 22 }); // 'no protocol …'
 * ```
 */
export function failsafeEntryProblem(e: FailsafeEntry): string | undefined {
  const protocol = typeof e.protocol === 'string' ? e.protocol.toLowerCase() : '';
  if (protocol === '')
    return 'no protocol (Felix reads it as ":<port>", an unknown protocol; the API\'s "defaults to tcp" holds only for Felix\'s own config file and environment)';
  if (protocol !== 'tcp' && protocol !== 'udp')
    return `protocol ${JSON.stringify(e.protocol)}: Felix's failsafe parser takes only tcp and udp`;
  if (typeof e.net === 'string' && e.net !== '' && parseCidr(e.net) === undefined)
    return `net ${JSON.stringify(e.net)} is not an IP or CIDR`;
  return undefined;
}

/**
 * Converts FelixConfiguration `failsafe*HostPorts` entries, leaving out those Felix cannot parse
 * ({@link failsafeEntryProblem}; `outOfScopeIssues` reports them).
 *
 * @example
 * ```ts
 * failsafeFromConfig([{ protocol: 'UDP', port: 68 }])[0]?.protocol; // 17
 * failsafeFromConfig([{ protocol: 'SCTP', port: 22 }]); // []
 * ```
 */
export function failsafeFromConfig(entries: readonly FailsafeEntry[]): FailsafePortModel[] {
  const out: FailsafePortModel[] = [];
  for (const e of entries) {
    if (failsafeEntryProblem(e) !== undefined) continue;
    const make = e.protocol?.toLowerCase() === 'udp' ? udp : tcp;
    out.push({ ...make(e.port), net: e.net ? parseCidr(e.net) : undefined });
  }
  return out;
}
