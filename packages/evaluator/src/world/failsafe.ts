/** Felix failsafe ports (calico-semantics.md §4.6). */
import { parseCidr } from '../net/ip.js';
import { protocolNumber } from '../net/protocol.js';
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
 * Converts FelixConfiguration `failsafe*HostPorts` entries (protocol defaults to TCP).
 *
 * @example
 * ```ts
 * failsafeFromConfig([{ port: 22 }])[0]?.protocol; // 6
 * ```
 */
export function failsafeFromConfig(
  entries: readonly { readonly protocol?: string; readonly port: number; readonly net?: string }[],
): FailsafePortModel[] {
  const out: FailsafePortModel[] = [];
  for (const e of entries) {
    const name = (e.protocol ?? 'TCP').toUpperCase();
    const protocol = protocolNumber(name === 'ICMPV6' ? 'ICMPv6' : name === 'UDPLITE' ? 'UDPLite' : name);
    if (protocol === undefined) continue;
    out.push({ protocol, port: e.port, net: e.net ? parseCidr(e.net) : undefined });
  }
  return out;
}
