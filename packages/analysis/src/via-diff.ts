/**
 * `diff` for flows that name where they enter (`via`): a packet from outside the model may arrive
 * on an interface its destination address does not route it to (a node's public address reached
 * through its private interface), and meets that interface's host endpoint policy. Only where
 * the change differs from the same flows without `via` is it reported: the rest is in `changes`.
 */
import type { Via } from './entry.js';
import type { Flow, Topology, World } from './evaluator-seam.js';
import type { Box as FlowBox } from './lifted/boxes.js';
import { boxAnd } from './lifted/boxes.js';
import { liftClasses, type Overlaid, overlay, witnessOf } from './lifted/classes.js';
import type { LiftContext } from './lifted/pair.js';
import type { IpClass } from './partition.js';
import { type Box, regionBox } from './region.js';
import type { IpInterval } from './sets/ip.js';

/** A changed box of flows entering by `via`, with a witness both worlds evaluated. */
export interface ViaFound {
  readonly via: Via;
  readonly box: Box;
  readonly before: Overlaid['before'];
  readonly after: Overlaid['after'];
  readonly witness: Flow;
  /** Whether `world.evaluate` gave the witness those verdicts (else the change is left out). */
  readonly confirmed: boolean;
}

/**
 * The `via` changes of one class pair whose source is outside the model: per choice, the boxes
 * whose (before, after) verdicts differ from those of the same flows without `via` (`plain`,
 * the pair's overlay as routed), each with a witness evaluated in both worlds. A change a node
 * alone shows just as one of its interfaces does (the node's only host endpoint) is listed once,
 * for the interface.
 *
 * @example
 * ```ts
 * viaChangesOfPair(before, after, { ctxB, ctxA, vias, space0 }, s, sIvs, d, dIvs, main);
 * ```
 */
export function viaChangesOfPair(
  before: World,
  after: World,
  run: {
    readonly ctxB: LiftContext;
    readonly ctxA: LiftContext;
    readonly vias: readonly Via[];
    readonly space0: FlowBox[];
  },
  s: IpClass,
  sIvs: readonly IpInterval[],
  d: IpClass,
  dIvs: readonly IpInterval[],
  plain: { readonly src: bigint; readonly dst: bigint; readonly out: readonly Overlaid[] },
): ViaFound[] {
  const out: ViaFound[] = [];
  for (const via of run.vias) {
    const topologyVia: Topology['via'] = via;
    const [b] = liftClasses(run.ctxB, s, sIvs, d, dIvs, run.space0, topologyVia);
    const [a] = liftClasses(run.ctxA, s, sIvs, d, dIvs, run.space0, topologyVia);
    if (!b || !a) continue;
    for (const o of overlay(b.regions, a.regions)) {
      if (o.before === o.after) continue;
      for (const m of plain.out) {
        if (m.before === o.before && m.after === o.after) continue;
        const box = boxAnd(o.box, m.box);
        if (!box) continue;
        const witness: Flow = { ...witnessOf(box, s.family, plain.src, plain.dst), via };
        out.push({
          via,
          box: regionBox(box, sIvs, dIvs),
          before: o.before,
          after: o.after,
          witness,
          confirmed:
            before.evaluate(witness).verdict === o.before && after.evaluate(witness).verdict === o.after,
        });
      }
    }
  }
  // The same change on the same node, whichever way its `via` names the entry.
  const key = (f: ViaFound) =>
    JSON.stringify([f.via.node, f.before, f.after, f.box], (_k, v) =>
      typeof v === 'bigint' ? v.toString() : v,
    );
  const byInterface = new Set(out.filter((f) => f.via.interface !== undefined).map(key));
  return out.filter((f) => f.via.interface !== undefined || !byInterface.has(key(f)));
}
