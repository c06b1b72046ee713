/**
 * The traced run of a flow's plans: every path with its steps (materialised when read) and the
 * decision that ended it; equivalent paths folded above {@link FOLD_THRESHOLD}.
 */
import type { Engine } from '../engine.js';
import type { Packet } from '../match/packet.js';
import type { Decision, UnsupportedUse } from '../result/types.js';
import type { BackendModel } from '../world/model.js';
import { boundEndpoint, decisionOfPath } from './decided-by.js';
import type { Hook, PathPlan, RoleBinding } from './hooks.js';
import { NO_DECISION, NOTE, type ReplyPlanner, runPath, type Sink } from './interpret.js';
import { backendRef, endpointRef, type PathDraft, PathRecorder } from './recorder.js';

/**
 * All paths of one flow (as drafts: the public `PathResult`s are built when read).
 *
 * @example
 * ```ts
 * const set: PathSet = tracePlans(engine, plans, packet);
 * set.paths.map((p) => p.verdict);
 * ```
 */
export interface PathSet {
  readonly paths: PathDraft[];
  readonly unsupported: UnsupportedUse[];
}

/** Whether a run that ended at `end` (see {@link runHooks}) stopped before the plan's DNAT. */
function beforeDnat(plan: PathPlan, end: number): boolean {
  if (end >= 0 || plan.backends.length === 0) return false;
  const at = -1 - end;
  for (let i = 0; i < at && i < plan.hooks.length; i++)
    if ((plan.hooks[i] as Hook).kind === 'dnat') return false;
  return true;
}

/** Above this many paths, equivalent paths are folded into one (issue #17 item 9). */
export const FOLD_THRESHOLD = 64;

function decisionKey(d: Decision): string {
  const p = d.policy;
  return `${d.stage}|${p ? `${p.kind}/${p.namespace ?? ''}/${p.name}` : ''}|${d.tier ?? ''}|${d.ruleIndex ?? ''}|${d.direction ?? ''}|${d.reason}`;
}

const SHAPES = new WeakMap<PathPlan, string>();

/** The hook sequence of a plan without endpoint identities (for folding equivalent paths). */
function shapeOf(plan: PathPlan): string {
  let shape = SHAPES.get(plan);
  if (shape === undefined) {
    shape = plan.hooks.map((h) => (h.kind === 'chain' ? `${h.stage}.${h.direction}` : h.kind)).join(',');
    SHAPES.set(plan, shape);
  }
  return shape;
}

function decidedByOf(end: number, decisions: readonly (Decision | undefined)[]): Decision {
  return decisionOfPath(end >= 0, decisions, NO_DECISION);
}

/**
 * Runs every plan of a flow (each backend of each plan) with the trace recorded (steps are
 * materialised when read). Paths dropped before kube-proxy picks a backend are one path per
 * entry; above {@link FOLD_THRESHOLD} paths, paths with the same hooks and outcomes (other
 * entries or backends) are folded into one whose `folded` counts the others.
 *
 * @example
 * ```ts
 * tracePlans(engine, planPaths(engine.world, topology), packet).paths[0]?.verdict;
 * ```
 */
export function tracePlans(
  engine: Engine,
  plans: readonly PathPlan[],
  packet: Packet,
  bind: RoleBinding,
  replyPlans?: ReplyPlanner,
): PathSet {
  const world = engine.world;
  let total = 0;
  for (const p of plans) total += Math.max(1, p.backends.length);
  const fold = total > FOLD_THRESHOLD;
  const paths: PathDraft[] = [];
  const unsupported: UnsupportedUse[] = [];
  const seen = new Set<string>();
  // Folding: the first path of each signature is traced; the others only counted.
  const groups = new Map<string, { plan: PathPlan; backend: BackendModel | undefined; count: number }>();
  const decisionSink: Sink = {
    chain: (h, endpoint, pkt, decisions) => {
      const out = engine.evaluateChain({
        endpoint,
        chain: h.chain,
        direction: h.direction,
        packet: pkt,
        trace: { path: 0, stage: h.stage, endpoint: endpointRef(endpoint) },
      });
      decisions?.push(out.decision ? { stage: h.stage, ...out.decision } : undefined);
      return out.verdict;
    },
    note: NOTE,
  };
  // `dedupeEarly`: a path dropped before DNAT is the same for every backend of its entry.
  const trace = (plan: PathPlan, backend: BackendModel | undefined, folded: number, dedupeEarly: boolean) => {
    const own: UnsupportedUse[] = [];
    const rec = new PathRecorder(engine, paths.length, own);
    const sink: Sink = {
      chain: (h, endpoint, pkt, decisions) => {
        const out = rec.chain(h.stage, endpoint, h.chain, h.direction, pkt);
        decisions?.push(out.decision);
        return out.verdict;
      },
      note: (stage, action, reason, endpoint) => rec.note(stage, action, reason, endpoint),
    };
    const decisions: (Decision | undefined)[] = [];
    const end = runPath(world, plan, backend, packet, sink, decisions, bind, replyPlans);
    const early = beforeDnat(plan, end);
    if (early && dedupeEarly) {
      const key = `${plan.entryNode ?? ''}|${plan.entryHep?.id ?? ''}|${end}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    for (const u of own) unsupported.push(u);
    const ref = backend && !early ? backendRef(backend) : undefined;
    const entry = plan.entry === 'source' ? endpointRef(boundEndpoint('source', backend, bind)) : plan.entry;
    paths.push(rec.done(end >= 0 ? 'Allow' : 'Deny', decidedByOf(end, decisions), entry, ref, folded));
  };
  for (const plan of plans) {
    for (const backend of plan.backends.length === 0 ? [undefined] : plan.backends) {
      if (!fold) {
        trace(plan, backend, 0, true);
        continue;
      }
      const decisions: (Decision | undefined)[] = [];
      const end = runPath(world, plan, backend, packet, decisionSink, decisions, bind, replyPlans);
      const key = `${shapeOf(plan)}|${end}|${decisionKey(decidedByOf(end, decisions))}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { plan, backend, count: 1 });
    }
  }
  for (const g of groups.values()) trace(g.plan, g.backend, g.count - 1, false);
  return { paths, unsupported };
}
