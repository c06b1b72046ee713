/** Which step of a path's trace its `decidedBy` names: what explain views mark. */
import type { PathResult, PolicyRef, StepAction, TraceStep } from './types.js';

/**
 * Whether a step with this action can be the one that decides: it allows or drops the packet.
 * Exhaustive, so a new action is placed here on purpose.
 */
function decides(action: StepAction): boolean {
  switch (action) {
    case 'allow':
    case 'deny':
    case 'end-of-tier-drop':
    case 'no-profile-match':
    case 'default-allow':
      return true;
    case 'pass':
    case 'log':
    case 'no-match':
    case 'staged':
    case 'end-of-tier-pass':
    case 'continue':
    case 'nat':
      return false;
  }
}

const samePolicy = (a: PolicyRef | undefined, b: PolicyRef | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.namespace === b.namespace);

/**
 * The index in `path.steps` of the step that decided the path: the last step that allows or
 * drops the packet as its `decidedBy` says (a path's decision is its last of that kind: the drop
 * of a dropped path, the last policy decision of an allowed one). A stage that also continued
 * (an inbound failsafe port passes pre-DNAT, then accepts in filter) is marked where it decides.
 * Without such a step, the path's last step of the decision's stage; -1 when there is none.
 *
 * @example
 * ```ts
 * declare const cluster: World; // a node with a `*` host endpoint, FelixConfiguration defaults
 * const path = cluster.evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '203.0.113.11', dstPort: 22 }).paths[0];
 * if (path) path.steps[decidingStep(path)]?.action; // 'allow': the failsafe accept, not its pre-DNAT bypass
 * ```
 */
export function decidingStep(path: PathResult): number {
  const d = path.decidedBy;
  const steps: readonly TraceStep[] = path.steps;
  let stageLast = -1;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i] as TraceStep;
    if (s.stage !== d.stage) continue;
    if (stageLast < 0) stageLast = i;
    if (
      decides(s.action) &&
      samePolicy(s.policy, d.policy) &&
      s.ruleIndex === d.ruleIndex &&
      (d.direction === undefined || s.direction === d.direction)
    )
      return i;
  }
  return stageLast;
}
