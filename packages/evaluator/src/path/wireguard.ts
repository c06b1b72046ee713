/**
 * Felix's accept of WireGuard packets ahead of host endpoint policy (`felix/rules/static.go`
 * `FilterInputChainAllowWG`, `filterOutputChain`): the hook the planner places at the top of the
 * filter INPUT and OUTPUT chains, and the packet test the interpreters run.
 */
import type { Packet } from '../match/packet.js';
import { protocolName } from '../net/protocol.js';
import type { WorldModel } from '../world/model.js';
import type { PacketView, WireguardHook } from './hooks.js';

const UDP = 17;

/**
 * The WireGuard accept of `node`'s filter INPUT (`hostIngress`) or OUTPUT (`hostEgress`) chain,
 * as a list to splice before the `skips` hooks it passes over on a hit: empty when WireGuard is
 * off. OUTPUT accepts only after `acceptAlreadyAccepted` (`ifMarked: 'skip'`); INPUT accepts
 * first.
 *
 * @example
 * ```ts
 * wireguardHook(World.from([]).model, 'node-1', 'hostIngress', 'original', 2); // []: WireGuard is off
 * // world: FelixConfiguration default with wireguardEnabled: true
 * wireguardHook(world.model, 'node-1', 'hostIngress', 'original', 2)[0]?.ports; // [{ version: 4, port: 51820 }]
 * ```
 */
export function wireguardHook(
  world: WorldModel,
  node: string,
  stage: WireguardHook['stage'],
  view: PacketView,
  skips: number,
): WireguardHook[] {
  const ports = world.wireguardPorts;
  if (ports.length === 0) return [];
  const ifMarked = stage === 'hostEgress' ? 'skip' : 'run';
  return [{ kind: 'wireguard', stage, node, view, ifMarked, ports, skips }];
}

/**
 * Why a packet is accepted at a WireGuard hook, or undefined when it goes on: UDP to the
 * listening port of its IP version.
 *
 * @example
 * ```ts
 * // hook: wireguardHook(world.model, 'node-1', 'hostIngress', 'original', 2)[0] with WireGuard on
 * wireguardAccepts(hook, udp10_0_0_11To51820); // 'WireGuard packet (UDP:51820, wireguardListeningPort): …'
 * wireguardAccepts(hook, tcpTo51820); // undefined
 * ```
 */
export function wireguardAccepts(hook: WireguardHook, packet: Packet): string | undefined {
  if (packet.protocol !== UDP) return undefined;
  for (const p of hook.ports)
    if (p.version === packet.dst.version && p.port === packet.dstPort)
      return `WireGuard packet (${protocolName(UDP)}:${p.port}, FelixConfiguration wireguardListeningPort${p.version === 6 ? 'V6' : ''}): Felix accepts it ${hook.stage === 'hostIngress' ? 'in filter INPUT' : 'in filter OUTPUT'} before any host endpoint policy`;
  return undefined;
}
