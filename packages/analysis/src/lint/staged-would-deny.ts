/** `staged-would-deny`: a staged policy that would deny flows the enforced policies allow, with a witness. */
import type { EndpointModel, EvaluationResult, PolicyModel } from '../evaluator-seam.js';
import type { LintFinding } from '../types.js';
import { type Ctx, pairsFor, resourceOf, title } from './context.js';

/** The `staged-would-deny` findings of a staged policy, each with a witness flow. */
export function stagedWouldDeny(ctx: Ctx, p: PolicyModel, eps: EndpointModel[]): LintFinding[] {
  const epSet = new Set(eps);
  const own = new Set(ctx.part.classes.filter((c) => (c.members[0] ?? []).some((e) => epSet.has(e))));
  const out: LintFinding[] = [];
  for (const dir of ['ingress', 'egress'] as const) {
    if (dir === 'ingress' ? !p.ingressType : !p.egressType) continue;
    if (!p[dir].some((r) => r.action === 'Deny')) continue;
    const hit = (res: EvaluationResult) =>
      res.verdict === 'Allow' &&
      res.trace.some(
        (s) =>
          s.policy?.name === p.name &&
          s.policy.kind === p.kind &&
          s.direction === dir &&
          s.action === 'staged' &&
          /would deny$/i.test(s.reason ?? ''),
      );
    // Every pair when NAT rewrites what the policy's endpoints see (host endpoints, backends).
    const natted = eps.some((e) => e.kind === 'HostEndpoint' || ctx.backends.has(e));
    const witness = ctx.staged.find(
      p,
      dir,
      pairsFor(
        ctx,
        natted ? undefined : own,
        dir === 'ingress',
        () => true,
        () => true,
      ),
      (flow) => hit(ctx.world.evaluate(flow)),
    );
    if (!witness) continue;
    out.push({
      code: 'staged-would-deny',
      severity: 'info',
      message: `${title(p)} would deny ${dir} flows the enforced policies allow (e.g. ${witness.protocol} ${witness.srcIp} → ${witness.dstIp}${witness.dstPort !== undefined ? `:${witness.dstPort}` : ''}). Check them before enforcing it.`,
      resource: resourceOf(p),
      witness,
    });
  }
  return out;
}
