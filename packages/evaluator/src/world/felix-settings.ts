/** What the packet path takes from FelixConfiguration `default` (the cluster-wide settings). */
import { DEFAULT_FAILSAFE_INBOUND, DEFAULT_FAILSAFE_OUTBOUND, failsafeFromConfig } from './failsafe.js';
import { readInterfaceExclude } from './interface-exclude.js';
import {
  ENDPOINT_TO_HOST_ACTIONS,
  type EndpointToHostAction,
  type FailsafePortModel,
  type IpForwarding,
  type WireguardPortModel,
  type WorldModel,
} from './model.js';
import type { Loose, ResourceIndex } from './read.js';

/**
 * The specs of FelixConfiguration `default`, the cluster-wide settings (Felix's per-node
 * `node.<name>` configurations are not read), each with its index in the input, in input order.
 *
 * @example
 * ```ts
 * // index: FelixConfiguration default with vxlanPort 8472, and node.node-1 with vxlanPort 4790
 * [...felixDefaults(index)].map(([spec]) => spec.vxlanPort); // [8472]
 * ```
 */
export function* felixDefaults(index: ResourceIndex): Generator<readonly [spec: Loose, index: number]> {
  for (const [r, i] of index.of('FelixConfiguration'))
    if (r.metadata.name === 'default') yield [r.spec ?? {}, i];
}

/**
 * Every FelixConfiguration field the evaluator reads from `default` (through
 * {@link felixDefaults}): the ones a per-node configuration would change on its nodes.
 *
 * @example
 * ```ts
 * FELIX_FIELDS_READ.includes('failsafeInboundHostPorts'); // true
 * ```
 */
export const FELIX_FIELDS_READ: readonly string[] = [
  'allowIPIPPacketsFromWorkloads',
  'allowVXLANPacketsFromWorkloads',
  'defaultEndpointToHostAction',
  'disableConntrackInvalidCheck',
  'externalNodesList',
  'failsafeInboundHostPorts',
  'failsafeOutboundHostPorts',
  'interfaceExclude',
  'ipForwarding',
  'ipipEnabled',
  'iptablesNATOutgoingInterfaceFilter',
  'natOutgoingAddress',
  'natOutgoingExclusions',
  'serviceLoopPrevention',
  'vxlanEnabled',
  'vxlanPort',
  'wireguardEnabled',
  'wireguardEnabledV6',
  'wireguardListeningPort',
  'wireguardListeningPortV6',
];

/**
 * A FelixConfiguration `oneof` value as Felix reads it: any case (`OneofListParam.Parse`
 * lowercases it, and the CRD pattern is `(?i)`), given back in its canonical spelling;
 * `undefined` when it is none of them.
 *
 * @example
 * ```ts
 * felixOption('DROP', ['Drop', 'Accept', 'Return']); // 'Drop'
 * ```
 */
export function felixOption<T extends string>(value: unknown, options: readonly T[]): T | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return options.find((o) => o.toLowerCase() === lower);
}

/** The FelixConfiguration fields the packet path reads (the world model documents each). */
export type FelixSettings = Pick<
  WorldModel,
  | 'failsafeInbound'
  | 'failsafeOutbound'
  | 'endpointToHostAction'
  | 'ipForwarding'
  | 'vxlanPort'
  | 'allowVXLANPacketsFromWorkloads'
  | 'allowIPIPPacketsFromWorkloads'
  | 'wireguardPorts'
  | 'conntrackInvalidDrop'
  | 'interfaceExclude'
>;

/**
 * Failsafe ports (§4.6), DefaultEndpointToHostAction (§4.7), IPForwarding, the VXLAN port
 * and encapsulation settings of workload egress, the WireGuard listening ports and the
 * conntrack INVALID check and the interfaces left out of host endpoint resolution from
 * FelixConfiguration `default`.
 *
 * @example
 * ```ts
 * felixSettings(index).failsafeInbound.length; // 9 by default
 * felixSettings(index).ipForwarding; // 'Enabled' (Felix's default)
 * felixSettings(index).vxlanPort; // 4789 (Felix's default)
 * felixSettings(index).allowVXLANPacketsFromWorkloads; // false (Felix's default)
 * felixSettings(index).wireguardPorts; // [] (WireGuard is off by default)
 * felixSettings(index).conntrackInvalidDrop; // true (disableConntrackInvalidCheck is false by default)
 * felixSettings(index).interfaceExclude.map(String); // ['/^kube-ipvs0$/'] (Felix's default)
 * ```
 */
export function felixSettings(index: ResourceIndex, override?: EndpointToHostAction): FelixSettings {
  let failsafeInbound: readonly FailsafePortModel[] = DEFAULT_FAILSAFE_INBOUND;
  let failsafeOutbound: readonly FailsafePortModel[] = DEFAULT_FAILSAFE_OUTBOUND;
  // Standard manifests and the Helm chart set ACCEPT (§4.7); Felix's own default is DROP.
  let endpointToHostAction: EndpointToHostAction = 'Accept';
  // config_params.go: `oneof(Enabled,Disabled);Enabled`.
  let ipForwarding: IpForwarding = 'Enabled';
  // config_params.go: `VXLANPort int;4789`, `Allow{VXLAN,IPIP}PacketsFromWorkloads bool;false`.
  let vxlanPort = 4789;
  let allowVXLANPacketsFromWorkloads = false;
  let allowIPIPPacketsFromWorkloads = false;
  // config_params.go: `WireguardEnabled{,V6} bool;false`, `WireguardListeningPort int;51820`,
  // `WireguardListeningPortV6 int;51821`.
  const wireguard = { v4: false, v6: false, port: 51820, portV6: 51821 };
  // config_params.go: `DisableConntrackInvalidCheck bool;false`.
  let conntrackInvalidDrop = true;
  let interfaceExclude = readInterfaceExclude(undefined).patterns;
  for (const [spec] of felixDefaults(index)) {
    if (Array.isArray(spec.failsafeInboundHostPorts))
      failsafeInbound = failsafeFromConfig(spec.failsafeInboundHostPorts);
    if (Array.isArray(spec.failsafeOutboundHostPorts))
      failsafeOutbound = failsafeFromConfig(spec.failsafeOutboundHostPorts);
    endpointToHostAction =
      felixOption(spec.defaultEndpointToHostAction, ENDPOINT_TO_HOST_ACTIONS) ?? endpointToHostAction;
    ipForwarding = felixOption(spec.ipForwarding, ['Enabled', 'Disabled'] as const) ?? ipForwarding;
    // endpoints.go matches `DestPorts(uint16(r.VXLANPort))`: the port is the low 16 bits.
    if (Number.isInteger(spec.vxlanPort)) vxlanPort = (spec.vxlanPort as number) & 0xffff;
    if (typeof spec.allowVXLANPacketsFromWorkloads === 'boolean')
      allowVXLANPacketsFromWorkloads = spec.allowVXLANPacketsFromWorkloads;
    if (typeof spec.allowIPIPPacketsFromWorkloads === 'boolean')
      allowIPIPPacketsFromWorkloads = spec.allowIPIPPacketsFromWorkloads;
    if (typeof spec.wireguardEnabled === 'boolean') wireguard.v4 = spec.wireguardEnabled;
    if (typeof spec.wireguardEnabledV6 === 'boolean') wireguard.v6 = spec.wireguardEnabledV6;
    // static.go matches `DestPorts(uint16(…))`, as for the VXLAN port.
    if (Number.isInteger(spec.wireguardListeningPort)) wireguard.port = spec.wireguardListeningPort & 0xffff;
    if (Number.isInteger(spec.wireguardListeningPortV6))
      wireguard.portV6 = spec.wireguardListeningPortV6 & 0xffff;
    if (typeof spec.disableConntrackInvalidCheck === 'boolean')
      conntrackInvalidDrop = !spec.disableConntrackInvalidCheck;
    if (spec.interfaceExclude !== undefined)
      interfaceExclude = readInterfaceExclude(spec.interfaceExclude).patterns;
  }
  const wireguardPorts: WireguardPortModel[] = [
    ...(wireguard.v4 ? [{ version: 4 as const, port: wireguard.port }] : []),
    ...(wireguard.v6 ? [{ version: 6 as const, port: wireguard.portV6 }] : []),
  ];
  return {
    failsafeInbound,
    failsafeOutbound,
    endpointToHostAction: override ?? endpointToHostAction,
    ipForwarding,
    vxlanPort,
    allowVXLANPacketsFromWorkloads,
    allowIPIPPacketsFromWorkloads,
    wireguardPorts,
    conntrackInvalidDrop,
    interfaceExclude,
  };
}
