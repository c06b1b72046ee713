/** What the analysis does not model in a world, as sentences for `unsupported`. */
import type { World } from './evaluator-seam.js';

/**
 * Features the L3/L4 model does not evaluate, and world problems (e.g. unparsable selectors).
 *
 * @example
 * ```ts
 * declare const world: World;
 * worldUnsupported(world); // e.g. ['GlobalNetworkPolicy web ingress rule 0: http (not modelled)']
 * ```
 */
export function worldUnsupported(world: World): string[] {
  const out: string[] = [];
  for (const p of world.model.policies)
    for (const dir of ['ingress', 'egress'] as const)
      for (const r of p[dir])
        for (const f of r.unsupported)
          out.push(
            `${p.kind} ${p.namespace ? `${p.namespace}/` : ''}${p.name} ${dir} rule ${r.index}: ${f} (not modelled; treated as the evaluator treats it)`,
          );
  for (const i of world.issues) out.push(`world: ${i.message}`);
  out.push('ICMP type/code, via (entry interface) and HTTP matches are outside the analysed flow space');
  return out;
}
