/**
 * Felix's service loop prevention in the packet path: the hook the planner places at the end of
 * filter FORWARD for packets leaving the model, and the packet test both interpreters run.
 */
import { cidrContains, type Ip } from '../net/ip.js';
import type { WorldModel } from '../world/model.js';
import type { PacketView, ServiceLoopHook } from './hooks.js';

/**
 * The service loop hook of `node`'s filter FORWARD, as a list to splice after the forward policy
 * hooks: empty when the world advertises no service CIDR (or the setting is `Disabled`).
 *
 * @example
 * ```ts
 * serviceLoopHook(World.from([]).model, 'node-1', 'original'); // []
 * // world: BGPConfiguration default with serviceClusterIPs [{ cidr: 10.96.0.0/12 }]
 * serviceLoopHook(world.model, 'node-1', 'original')[0]?.reason; // 'the destination is in a service CIDR … dropped …'
 * ```
 */
export function serviceLoopHook(
  world: WorldModel,
  node: string | undefined,
  view: PacketView,
): ServiceLoopHook[] {
  const loop = world.serviceLoop;
  if (loop === undefined || node === undefined) return [];
  const cidrs = loop.cidrs;
  const done = loop.action === 'Reject' ? 'rejected' : 'dropped';
  const reason = `the destination is in a service CIDR BGPConfiguration default advertises (${cidrs.map((c) => c.text).join(', ')}) and kube-proxy took no service for it: Felix's service loop prevention ${done} it at the end of filter FORWARD (FelixConfiguration serviceLoopPrevention ${loop.action})`;
  return [{ kind: 'serviceLoop', node, view, cidrs, reason }];
}

/**
 * Whether a service loop hook drops a packet to `dst`.
 *
 * @example
 * ```ts
 * // hook: serviceLoopHook(world.model, 'node-1', 'original')[0], serviceClusterIPs 10.96.0.0/12
 * serviceLoopDrops(hook, parseIp('10.96.0.99')!); // true
 * serviceLoopDrops(hook, parseIp('198.51.100.7')!); // false
 * ```
 */
export function serviceLoopDrops(hook: ServiceLoopHook, dst: Ip): boolean {
  return hook.cidrs.some((c) => cidrContains(c, dst));
}
