/** `selector-matches-nothing`: a policy that selects no endpoint, or a rule whose peer selector matches nothing. */
import type { EndpointModel, PolicyModel, RuleModel, WorldModel } from '../evaluator-seam.js';
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
  for (const dir of ['ingress', 'egress'] as const)
    for (const r of p[dir])
      for (const dead of deadSelectors(ctx.model, r)) {
        out.push({
          code: 'selector-matches-nothing',
          severity: 'warning',
          message: `${title(p)} ${dir} rule ${r.index}: ${dead}, so the rule never matches.`,
          resource: resourceOf(p),
          rule: { direction: dir, index: r.index },
        });
      }
  return out;
}

/**
 * A rule's peer selectors that match no endpoint or network set, in words (`the source selector
 * "app == 'x'" matches no endpoint or network set`): a rule with one matches no flow at all.
 */
export function deadSelectors(model: WorldModel, r: RuleModel): string[] {
  const entities = [...model.endpoints, ...model.networkSets];
  return (['source', 'destination'] as const).flatMap((name) => {
    const side = r[name];
    const sel = side.selector;
    if (!sel || entities.some((e) => sel(e.labels))) return [];
    return [`the ${name} selector ${JSON.stringify(side.selectorText)} matches no endpoint or network set`];
  });
}
