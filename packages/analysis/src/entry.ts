/**
 * Where flows from outside the model enter: the `via` choices that can matter in a world, and
 * whether a class of addresses is outside the model (the only sources `via` applies to). Lint's
 * claims and `diff` cover these flows as well as the flows routed by address.
 */
import { sourceOwner, viaChoices, type WorldModel } from './evaluator-seam.js';
import { ipOf } from './lifted/classes.js';
import { type IpClass, representatives } from './partition.js';

/** A flow's `via`: the node, and the interface, it enters by. */
export type Via = { readonly node: string; readonly interface?: string };

/**
 * The `via` choices that can matter in a world: every one it accepts when it has a host
 * endpoint; none without (where a packet enters then decides no policy).
 *
 * @example
 * ```ts
 * entryChoices(world.model); // e.g. [{ node: 'node-1' }, { node: 'node-1', interface: 'eth0' }, …]
 * ```
 */
export function entryChoices(model: WorldModel): Via[] {
  return model.hostEndpoints.length === 0 ? [] : viaChoices(model);
}

/**
 * The choices that can matter in either of two worlds and that both accept.
 *
 * @example
 * ```ts
 * sharedEntryChoices(before.model, after.model).length;
 * ```
 */
export function sharedEntryChoices(before: WorldModel, after: WorldModel): Via[] {
  if (before.hostEndpoints.length === 0 && after.hostEndpoints.length === 0) return [];
  const key = (v: Via) => `${v.node}/${v.interface ?? ''}`;
  const inAfter = new Set(viaChoices(after).map(key));
  return viaChoices(before).filter((v) => inAfter.has(key(v)));
}

const outside = new WeakMap<IpClass, boolean>();
/**
 * Whether a class's addresses are outside the model (no pod or node owns them).
 *
 * @example
 * ```ts
 * fromOutside(world.model, someClass); // true for the internet's addresses
 * ```
 */
export function fromOutside(model: WorldModel, c: IpClass): boolean {
  let v = outside.get(c);
  if (v === undefined) {
    v = sourceOwner(model, ipOf(c.family, representatives(c.intervals)[0])).kind === 'external';
    outside.set(c, v);
  }
  return v;
}
