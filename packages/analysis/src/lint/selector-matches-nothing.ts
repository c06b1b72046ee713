/** `selector-matches-nothing`: a policy that selects no endpoint, or a rule whose peer selector matches nothing. */
import type { EndpointModel, PolicyModel } from '../evaluator-seam.js';
import type { LintFinding } from '../types.js';
import { type Ctx, resourceOf, title } from './context.js';

/** The `selector-matches-nothing` findings of a policy (`eps`: the endpoints it selects). */
export function matchesNothing(ctx: Ctx, p: PolicyModel, eps: EndpointModel[]): LintFinding[] {
  const out: LintFinding[] = [];
  if (eps.length === 0) {
    out.push({
      code: 'selector-matches-nothing',
      severity: 'warning',
      message: `${title(p)} selects no endpoint (selector ${JSON.stringify(p.selectorText)}): it never applies. Check the labels it expects.`,
      resource: resourceOf(p),
    });
  }
  const entities = [...ctx.model.endpoints, ...ctx.model.networkSets];
  for (const dir of ['ingress', 'egress'] as const)
    for (const r of p[dir])
      for (const [name, side] of [
        ['source', r.source],
        ['destination', r.destination],
      ] as const) {
        const sel = side.selector;
        if (!sel || entities.some((e) => sel(e.labels))) continue;
        out.push({
          code: 'selector-matches-nothing',
          severity: 'warning',
          message: `${title(p)} ${dir} rule ${r.index}: the ${name} selector ${JSON.stringify(side.selectorText)} matches no endpoint or network set, so the rule never matches.`,
          resource: resourceOf(p),
          rule: { direction: dir, index: r.index },
        });
      }
  return out;
}
