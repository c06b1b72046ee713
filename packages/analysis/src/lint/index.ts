/**
 * `lint()`: claims about every flow (shadowed rules, selectors that match nothing), plus the
 * configuration checks an operator wants; one file per check (`shadowed-rule.ts`,
 * `selector-matches-nothing.ts`, `configuration.ts`, `staged-would-deny.ts`, `dns.ts`) on the
 * shared context of `context.ts`.
 */

import type { World } from '../evaluator-seam.js';
import { icmpAtoms } from '../icmp-types.js';
import { stagedDenials } from '../lifted/staged.js';
import type { Partition } from '../partition.js';
import type { LintFinding } from '../types.js';
import { configChecks } from './configuration.js';
import { type Ctx, newReach, selected } from './context.js';
import { dnsChecks } from './dns.js';
import { matchesNothing } from './selector-matches-nothing.js';
import { shadowedRules } from './shadowed-rule.js';
import { stagedWouldDeny } from './staged-would-deny.js';

/**
 * Runs every lint check over a world.
 *
 * @example
 * ```ts
 * declare const world: World; declare const part: Partition;
 * lintWorld(world, part).map((f) => f.code);
 * ```
 */
export function lintWorld(world: World, part: Partition): LintFinding[] {
  const model = world.model;
  const ctx: Ctx = {
    world,
    model,
    part,
    // DNAT targets: Service backends, and pods behind their own hostPorts (CNI portmap).
    backends: new Set(
      [...model.servicePorts, ...model.hostPorts.map((h) => h.servicePort)].flatMap((sp) =>
        sp.backends.flatMap((b) => (b.endpoint ? [b.endpoint] : [])),
      ),
    ),
    staged: stagedDenials(model),
    typedIcmp: icmpAtoms([model]).size > 0,
    reach: newReach(model),
  };
  const out: LintFinding[] = [];
  for (const p of model.policies) {
    const eps = selected(model, p);
    out.push(...matchesNothing(ctx, p, eps), ...configChecks(ctx, p, eps));
    if (eps.length === 0) continue;
    if (p.staged) out.push(...stagedWouldDeny(ctx, p, eps));
    else out.push(...shadowedRules(ctx, p, eps));
  }
  out.push(...dnsChecks(ctx));
  return out;
}
