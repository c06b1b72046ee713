/** What the analysis does not model in a world, as sentences for `unsupported`. */
import type { World } from './evaluator-seam.js';

/** What a search space leaves out. */
const OUTSIDE_SPACE =
  'ICMP type/code, via (entry interface) and HTTP matches are outside the analysed flow space';

/** What `diff` leaves out: it compares typed ICMP and `via` flows apart (`icmpChanges`, `viaChanges`). */
export const OUTSIDE_DIFF =
  'HTTP matches are outside the compared flows; ICMP types and codes that rules name are compared in icmpChanges, and flows that name where they enter (via) in viaChanges when a world has host endpoints';

/**
 * Features the L3/L4 model does not evaluate, and world problems (e.g. unparsable selectors).
 *
 * @example
 * ```ts
 * declare const world: World;
 * worldUnsupported(world); // e.g. ['GlobalNetworkPolicy web ingress rule 0: http (not modelled)']
 * ```
 */
export function worldUnsupported(world: World, outside = OUTSIDE_SPACE): string[] {
  const out: string[] = [];
  for (const p of world.model.policies)
    for (const dir of ['ingress', 'egress'] as const)
      for (const r of p[dir])
        for (const f of r.unsupported)
          out.push(
            `${p.kind} ${p.namespace ? `${p.namespace}/` : ''}${p.name} ${dir} rule ${r.index}: ${f} (not modelled; treated as the evaluator treats it)`,
          );
  for (const i of world.issues) out.push(`world: ${i.message}`);
  out.push(outside);
  return out;
}
