/**
 * Felix's drop of VXLAN and IPIP packets from workloads (`felix/rules/endpoints.go`
 * `endpointIptablesChain`): the hook the planner places before a source pod's egress chain,
 * and the packet test the interpreter and the pod → pod route run.
 */
import type { Packet } from '../match/packet.js';
import type { WorldModel } from '../world/model.js';
import type { EncapDrop, EncapHook, PacketView } from './hooks.js';

// endpoints.go: "the encapsulation can be used to bypass restrictive egress policies".
const WHY = 'encapsulation could bypass egress policy';

/**
 * The drops FelixConfiguration asks for, in Felix's rule order (VXLAN, then IPIP): none when
 * both `allowVXLANPacketsFromWorkloads` and `allowIPIPPacketsFromWorkloads` are true.
 *
 * @example
 * ```ts
 * encapDrops(World.from([]).model).map((d) => `${d.encap} ${d.protocol}:${d.dstPort ?? '*'}`); // ['VXLAN 17:4789', 'IPIP 4:*']
 * // world: FelixConfiguration default with vxlanPort 8472 and allowIPIPPacketsFromWorkloads true
 * encapDrops(world.model).map((d) => `${d.encap} ${d.protocol}:${d.dstPort ?? '*'}`); // ['VXLAN 17:8472']
 * ```
 */
export function encapDrops(world: WorldModel): EncapDrop[] {
  const drops: EncapDrop[] = [];
  if (!world.allowVXLANPacketsFromWorkloads) {
    const port = world.vxlanPort;
    drops.push({
      encap: 'VXLAN',
      protocol: 17,
      dstPort: port,
      reason: `VXLAN packet (UDP to vxlanPort ${port}) from a workload is dropped before its egress policy: FelixConfiguration allowVXLANPacketsFromWorkloads is false (${WHY})`,
    });
  }
  if (!world.allowIPIPPacketsFromWorkloads)
    drops.push({
      encap: 'IPIP',
      protocol: 4,
      dstPort: undefined,
      reason: `IPIP packet (IP protocol 4) from a workload is dropped before its egress policy: FelixConfiguration allowIPIPPacketsFromWorkloads is false (${WHY})`,
    });
  return drops;
}

/**
 * The hook of the source pod's encapsulation drop for a packet `view`, as a list to splice
 * before its `workloadEgress` chain hook: empty when the world allows both encapsulations.
 *
 * @example
 * ```ts
 * encapHook(World.from([]).model, 'postDnat').map((h) => [h.view, h.drops.length]); // [['postDnat', 2]]
 * // world: FelixConfiguration default with allowVXLANPacketsFromWorkloads and allowIPIPPacketsFromWorkloads true
 * encapHook(world.model, 'original'); // []
 * ```
 */
export function encapHook(world: WorldModel, view: PacketView): EncapHook[] {
  const drops = encapDrops(world);
  if (drops.length === 0) return [];
  return [{ kind: 'encap', stage: 'workloadEgress', endpoint: 'source', view, drops }];
}

/**
 * The drop a packet meets at an encapsulation hook, or undefined when it goes on: the protocol,
 * and for VXLAN the destination port (a packet without one never matches, as Felix's port match).
 *
 * @example
 * ```ts
 * // hook: encapHook(World.from([]).model, 'original')[0]; packets from a pod
 * encapDropOf(hook, udpTo4789)?.encap; // 'VXLAN'
 * encapDropOf(hook, udpTo53); // undefined
 * ```
 */
export function encapDropOf(hook: EncapHook, packet: Packet): EncapDrop | undefined {
  const drops = hook.drops;
  for (let i = 0; i < drops.length; i++) {
    const d = drops[i] as EncapDrop;
    if (packet.protocol === d.protocol && (d.dstPort === undefined || packet.dstPort === d.dstPort)) return d;
  }
  return undefined;
}
