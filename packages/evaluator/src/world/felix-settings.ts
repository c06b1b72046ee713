/** What the packet path takes from FelixConfiguration `default` (the cluster-wide settings). */
import { DEFAULT_FAILSAFE_INBOUND, DEFAULT_FAILSAFE_OUTBOUND, failsafeFromConfig } from './failsafe.js';
import type { EndpointToHostAction, FailsafePortModel, IpForwarding } from './model.js';
import type { ResourceIndex } from './read.js';

/** The FelixConfiguration fields the packet path reads. */
export interface FelixSettings {
  readonly failsafeInbound: readonly FailsafePortModel[];
  readonly failsafeOutbound: readonly FailsafePortModel[];
  readonly endpointToHostAction: EndpointToHostAction;
  readonly ipForwarding: IpForwarding;
}

/**
 * Failsafe ports (§4.6), DefaultEndpointToHostAction (§4.7) and IPForwarding from
 * FelixConfiguration `default`.
 *
 * @example
 * ```ts
 * felixSettings(index).failsafeInbound.length; // 9 by default
 * felixSettings(index).ipForwarding; // 'Enabled' (Felix's default)
 * ```
 */
export function felixSettings(index: ResourceIndex, override?: EndpointToHostAction): FelixSettings {
  let failsafeInbound: readonly FailsafePortModel[] = DEFAULT_FAILSAFE_INBOUND;
  let failsafeOutbound: readonly FailsafePortModel[] = DEFAULT_FAILSAFE_OUTBOUND;
  // Standard manifests and the Helm chart set ACCEPT (§4.7); Felix's own default is DROP.
  let endpointToHostAction: EndpointToHostAction = 'Accept';
  // config_params.go: `oneof(Enabled,Disabled);Enabled`.
  let ipForwarding: IpForwarding = 'Enabled';
  for (const [r] of index.of('FelixConfiguration')) {
    if (r.metadata.name !== 'default') continue;
    const spec = r.spec ?? {};
    if (Array.isArray(spec.failsafeInboundHostPorts))
      failsafeInbound = failsafeFromConfig(spec.failsafeInboundHostPorts);
    if (Array.isArray(spec.failsafeOutboundHostPorts))
      failsafeOutbound = failsafeFromConfig(spec.failsafeOutboundHostPorts);
    const a = spec.defaultEndpointToHostAction;
    if (a === 'Drop' || a === 'Return' || a === 'Accept') endpointToHostAction = a;
    if (spec.ipForwarding === 'Disabled' || spec.ipForwarding === 'Enabled') ipForwarding = spec.ipForwarding;
  }
  return {
    failsafeInbound,
    failsafeOutbound,
    endpointToHostAction: override ?? endpointToHostAction,
    ipForwarding,
  };
}
