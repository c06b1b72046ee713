/**
 * The packet paths of an evaluation as lanes of boxes, one box per trace step: what the diagram
 * draws. Lanes whose steps are the same (a LoadBalancer flow entering through every worker, or
 * DNAT to each replica) are grouped and counted, so three workers give one lane "× 3".
 */
import {
  decidingStep,
  type EvaluationResult,
  formatEndpoint,
  type PathResult,
  type TraceStep,
} from '@calico-dsl/evaluator';

/**
 * One stage box: the stage name, what decided or happened there, and whether it decided the path.
 *
 * @example
 * ```ts
 * const b: StageBox = { stage: 'preDnat', title: 'preDnat', detail: 'GNP whitelist', rule: 'ingress rule 0', action: 'allow', decides: true };
 * ```
 */
export interface StageBox {
  /** The trace's stage name; unknown stages are drawn like any other. */
  readonly stage: string;
  readonly title: string;
  /** The policy (kind and name) of a policy step, else what the step did. */
  readonly detail: string;
  /** `ingress rule 0` when a rule matched. */
  readonly rule?: string;
  readonly action: string;
  /** The step that decided this path's verdict. */
  readonly decides: boolean;
  /** For NAT steps: what was rewritten to what, e.g. `dst → 172.30.152.10:8080, 172.30.152.11:8080`. */
  readonly nat?: string;
}

/**
 * Identical paths drawn as one lane.
 *
 * @example
 * ```ts
 * lanes.map((l) => `${l.count}× ${l.verdict}`); // ['3× Deny']
 * ```
 */
export interface Lane {
  readonly verdict: 'Allow' | 'Deny';
  /** How many paths this lane stands for. */
  readonly count: number;
  /** The path indexes (0-based) of `result.paths`. */
  readonly paths: readonly number[];
  readonly entries: readonly string[];
  readonly backends: readonly string[];
  readonly boxes: readonly StageBox[];
}

const SHORT_KIND: Readonly<Record<string, string>> = {
  GlobalNetworkPolicy: 'GNP',
  NetworkPolicy: 'NP',
  KubernetesNetworkPolicy: 'K8s NP',
  StagedGlobalNetworkPolicy: 'staged GNP',
  StagedNetworkPolicy: 'staged NP',
  StagedKubernetesNetworkPolicy: 'staged K8s NP',
  Profile: 'profile',
};

/**
 * What a NAT step rewrote, from its reason: `dst → 172.30.152.10:8080` for kube-proxy's DNAT
 * (the text after the reason's arrow, else the backend), `src → 10.176.48.79` for SNAT.
 *
 * @example
 * ```ts
 * natTarget(dnatStep, path); // 'dst → 172.30.152.10:8080'
 * ```
 */
export function natTarget(step: TraceStep, path: PathResult): string | undefined {
  if (step.action !== 'nat') return undefined;
  const reason = step.reason ?? '';
  const source = /source becomes ([^\s()]+)/.exec(reason);
  if (source?.[1] !== undefined) return `src → ${source[1]}`;
  const arrow = /→\s*([^\s()]+)\s*\)?\s*$/.exec(reason);
  if (arrow?.[1] !== undefined) return `dst → ${arrow[1]}`;
  const b = path.backend;
  return b ? `dst → ${b.ip}${b.port !== undefined ? `:${b.port}` : ''}` : undefined;
}

function detailOf(step: TraceStep): string {
  if (step.policy !== undefined) {
    const kind = SHORT_KIND[step.policy.kind] ?? step.policy.kind;
    const ns = step.policy.namespace !== undefined ? `${step.policy.namespace}/` : '';
    return `${kind} ${ns}${step.policy.name}`;
  }
  return step.reason ?? '';
}

function boxesOf(path: PathResult): StageBox[] {
  const decider = decidingStep(path);
  return path.steps.map((step, i) => {
    const nat = natTarget(step, path);
    const rule =
      step.ruleIndex !== undefined
        ? `${step.direction !== undefined ? `${step.direction} ` : ''}rule ${step.ruleIndex}`
        : undefined;
    return {
      stage: step.stage,
      title: step.tier !== undefined && step.tier !== 'default' ? `${step.stage} (${step.tier})` : step.stage,
      detail: detailOf(step),
      action: step.action,
      decides: i === decider,
      ...(rule !== undefined ? { rule } : {}),
      ...(nat !== undefined ? { nat } : {}),
    };
  });
}

// Two paths share a lane when every step decides alike; entry, backend and NAT targets may differ.
function laneKey(path: PathResult, boxes: readonly StageBox[]): string {
  return JSON.stringify([
    path.verdict,
    boxes.map((b) => [b.stage, b.title, b.action, b.decides, b.rule, b.nat === undefined ? b.detail : 'nat']),
  ]);
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

// `dst → a`, `dst → b` → `dst → a, b` (the diagram shows the first and counts the rest).
function mergeNat(targets: readonly string[]): string {
  const [first = ''] = targets;
  const prefix = /^\w+ → /.exec(first)?.[0] ?? '';
  return targets.every((t) => t.startsWith(prefix))
    ? `${prefix}${targets.map((t) => t.slice(prefix.length)).join(', ')}`
    : targets.join(', ');
}

/**
 * Groups the paths of a result into lanes, in the order their first path appears.
 *
 * @example
 * ```ts
 * const lanes = lanesOf(world.evaluate(flow));
 * lanes[0]?.count; // 3: the LB IP is carried by all three workers
 * ```
 */
export function lanesOf(result: EvaluationResult): Lane[] {
  const groups = new Map<string, { paths: number[]; boxes: StageBox[][]; path: PathResult }>();
  result.paths.forEach((path, i) => {
    const boxes = boxesOf(path);
    const key = laneKey(path, boxes);
    const group = groups.get(key);
    if (group) {
      group.paths.push(i);
      group.boxes.push(boxes);
    } else groups.set(key, { paths: [i], boxes: [boxes], path });
  });
  return [...groups.values()].map(({ paths, boxes, path }) => {
    const first = boxes[0] ?? [];
    const merged = first.map((box, b) => {
      if (box.nat === undefined) return box;
      return { ...box, nat: mergeNat(unique(boxes.map((bs) => bs[b]?.nat ?? ''))) };
    });
    const ps = paths.map((i) => result.paths[i]).filter((p): p is PathResult => p !== undefined);
    return {
      verdict: path.verdict,
      count: paths.length,
      paths,
      entries: unique(ps.flatMap((p) => (p.entry ? [formatEndpoint(p.entry)] : []))),
      backends: unique(
        ps.flatMap((p) => (p.backend ? [`${formatEndpoint(p.backend)} ${p.backend.ip}`] : [])),
      ),
      boxes: merged,
    };
  });
}
