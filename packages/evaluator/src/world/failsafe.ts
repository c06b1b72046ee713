/** Felix failsafe ports (calico-semantics.md §4.6). */
import { parseCidr } from '../net/ip.js';
import { protocolNumber } from '../net/protocol.js';
import type { EndpointToHostAction, FailsafePortModel } from './model.js';
import type { ResourceIndex } from './read.js';

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

/** What the world takes from FelixConfiguration `default`. */
export interface FelixSettings {
  readonly failsafeInbound: readonly FailsafePortModel[];
  readonly failsafeOutbound: readonly FailsafePortModel[];
  readonly endpointToHostAction: EndpointToHostAction;
}

/**
 * Failsafe ports (§4.6) and DefaultEndpointToHostAction (§4.7) from FelixConfiguration `default`.
 *
 * @example
 * ```ts
 * felixSettings(index).failsafeInbound.length; // 9 by default
 * ```
 */
export function felixSettings(index: ResourceIndex, override?: EndpointToHostAction): FelixSettings {
  let failsafeInbound: readonly FailsafePortModel[] = DEFAULT_FAILSAFE_INBOUND;
  let failsafeOutbound: readonly FailsafePortModel[] = DEFAULT_FAILSAFE_OUTBOUND;
  // Standard manifests and the Helm chart set ACCEPT (§4.7); Felix's own default is DROP.
  let endpointToHostAction: EndpointToHostAction = 'Accept';
  for (const [r] of index.of('FelixConfiguration')) {
    if (r.metadata.name !== 'default') continue;
    const spec = r.spec ?? {};
    if (Array.isArray(spec.failsafeInboundHostPorts))
      failsafeInbound = failsafeFromConfig(spec.failsafeInboundHostPorts);
    if (Array.isArray(spec.failsafeOutboundHostPorts))
      failsafeOutbound = failsafeFromConfig(spec.failsafeOutboundHostPorts);
    const a = spec.defaultEndpointToHostAction;
    if (a === 'Drop' || a === 'Return' || a === 'Accept') endpointToHostAction = a;
  }
  return { failsafeInbound, failsafeOutbound, endpointToHostAction: override ?? endpointToHostAction };
}
