/**
 * Configuration checks: `prednat-without-apply-on-forward`, `tier-without-resource` and
 * `pass-into-unselected-tier`.
 */
import { type EndpointModel, type PolicyModel, policyInChain } from '../evaluator-seam.js';
import type { LintFinding } from '../types.js';
import { type Ctx, resourceOf, title } from './context.js';

// Where flows a Pass hands on go when no later tier takes them: an untracked or pre-DNAT chain
// that decides nothing lets the packet on to the next stage (§4.8); a normal chain ends in profiles.
const PASSED_ON = {
  untracked: 'those flows leave untracked policy undecided and go on to pre-DNAT and normal policy',
  preDnat: 'those flows leave pre-DNAT policy undecided and go on to normal policy',
  normal: 'those flows fall through to profiles (Kubernetes default: allow)',
} as const;

/** The configuration findings of a policy (`eps`: the endpoints it selects). */
export function configChecks(ctx: Ctx, p: PolicyModel, eps: EndpointModel[]): LintFinding[] {
  const out: LintFinding[] = [];
  if (p.preDNAT && !p.applyOnForward) {
    out.push({
      code: 'prednat-without-apply-on-forward',
      severity: 'error',
      message: `${title(p)} is preDNAT without applyOnForward: Calico rejects it (pre-DNAT policy acts on forwarded traffic). Add applyOnForward: true.`,
      resource: resourceOf(p),
    });
  }
  const tier = ctx.model.tiers.find((t) => t.name === p.tier);
  // The release's built-in tiers count as having a resource (`builtinTiers`).
  if (tier && !tier.hasResource) {
    out.push({
      code: 'tier-without-resource',
      severity: 'error',
      message: `${title(p)} is in tier ${JSON.stringify(p.tier)}, which has no Tier resource: Calico refuses policies in a missing tier. Create the Tier (with its order) or move the policy.`,
      resource: resourceOf(p),
    });
  }
  // Pass hands the packet to the next tier; if no later tier selects the endpoint it ends in profiles.
  // Selecting means as the evaluator's chains do (`policyInChain`, §4.2): an enforced policy of
  // p's chain class; staged ones decide nothing, so a tier of them alone passes too (§2.5).
  const chain: keyof typeof PASSED_ON = p.doNotTrack ? 'untracked' : p.preDNAT ? 'preDnat' : 'normal';
  const tierIndex = ctx.model.tiers.findIndex((t) => t.name === p.tier);
  const later = ctx.model.tiers
    .slice(tierIndex + 1)
    .flatMap((t) => ctx.model.policiesByTier.get(t.name) ?? []);
  for (const dir of ['ingress', 'egress'] as const) {
    const r = p[dir].find((x) => x.action === 'Pass');
    if (!r || eps.length === 0) continue;
    const selects = (q: PolicyModel, e: EndpointModel) =>
      !q.staged && policyInChain(q, chain, dir) && q.selector(e.labels);
    const orphan = eps.filter((e) => !later.some((q) => selects(q, e)));
    if (orphan.length === 0) continue;
    out.push({
      code: 'pass-into-unselected-tier',
      severity: 'info',
      message: `${title(p)} ${dir} rule ${r.index} passes traffic on, but no later tier has an ${dir} policy for ${
        orphan.length === eps.length
          ? 'any endpoint it selects'
          : `${orphan
              .map((e) => e.name)
              .slice(0, 3)
              .join(', ')}`
      }: ${PASSED_ON[chain]}.`,
      resource: resourceOf(p),
      rule: { direction: dir, index: r.index },
    });
  }
  return out;
}
