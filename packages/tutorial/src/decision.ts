/**
 * Turns the evaluator's answer for a curl into what the lesson prints: reached (which pod) or
 * timed out, the policy and rule that decided it, and the packet's way through Felix and kube-proxy.
 */
import {
  decidingStep,
  type EndpointRef,
  type EvaluationResult,
  type PathResult,
  type TraceStep,
} from '@calico-dsl/evaluator';
import type { Outcome } from './lesson.js';

/**
 * The rule (or default) that decided a path, in the lesson's words.
 *
 * @example
 * ```ts
 * const d: DecidingRule = { stage: 'preDnat', policy: 'deny-nodeports', kind: 'GlobalNetworkPolicy',
 *   rule: 0, action: 'Deny', endpoint: 'kube-wrk1-worker-public', reason: 'Deny by rule 0' };
 * ```
 */
export interface DecidingRule {
  readonly stage: string;
  /** The policy or profile name; absent for a default (e.g. forwarded traffic with no AoF policy). */
  readonly policy?: string;
  readonly kind?: string;
  readonly rule?: number;
  readonly action: 'Allow' | 'Deny';
  /** The host endpoint or pod where it applied. */
  readonly endpoint?: string;
  readonly reason: string;
}

/**
 * What a curl does in the simulated cluster.
 *
 * @example
 * ```ts
 * const c: CurlDecision = { verdict: 'Deny', outcome: 'timed out', decidedBy: rule,
 *   hops: ['pre-DNAT policy deny-nodeports rule 0: Deny'], paths: 3, agreeing: 3 };
 * ```
 */
export interface CurlDecision {
  readonly verdict: EvaluationResult['verdict'];
  /** `reached` when every path allows, `timed out` when every path denies, else `partly reached`. */
  readonly outcome: Outcome | 'partly reached';
  /** The pod the connection reaches (the backend kube-proxy would pick for this flow). */
  readonly pod?: string;
  /** What decided the shown path. */
  readonly decidedBy?: DecidingRule;
  /** The shown path, hop by hop: entry interface, pre-DNAT, DNAT, forward, pod. */
  readonly hops: readonly string[];
  /** How many entry point × backend paths the evaluator followed. */
  readonly paths: number;
  /** How many of them have the overall outcome. */
  readonly agreeing: number;
}

const STAGE_NAMES: Readonly<Record<string, string>> = {
  failsafe: 'failsafe',
  untracked: 'untracked policy',
  preDnat: 'pre-DNAT policy',
  forward: 'forward policy',
  hostIngress: 'host ingress policy',
  hostEgress: 'host egress policy',
  workloadEgress: 'pod egress policy',
  workloadIngress: 'pod ingress policy',
};

/**
 * Summarises an evaluation for a curl. Among the paths with the overall outcome, the one shown is
 * picked by hashing the flow's source (as kube-proxy spreads connections), so a run is reproducible.
 *
 * @example
 * ```ts
 * curlDecision(world.evaluate(flow), flow).outcome; // 'reached'
 * ```
 */
export function curlDecision(
  result: EvaluationResult,
  flow: { srcIp: string; srcPort: number },
): CurlDecision {
  const outcome =
    result.verdict === 'Allow' ? 'reached' : result.verdict === 'Deny' ? 'timed out' : 'partly reached';
  const wanted = result.verdict === 'Deny' ? 'Deny' : 'Allow';
  const candidates = result.paths.filter((p) => p.verdict === wanted);
  const shown = pick(candidates, `${flow.srcIp}:${flow.srcPort}`);
  const pod =
    shown?.verdict === 'Allow' && shown.backend?.kind === 'WorkloadEndpoint' ? shown.backend.name : undefined;
  return {
    verdict: result.verdict,
    outcome,
    ...(pod === undefined ? {} : { pod }),
    ...(shown === undefined ? {} : { decidedBy: decidingRule(shown) }),
    hops: shown === undefined ? [] : hops(shown),
    paths: result.paths.length,
    agreeing: candidates.length,
  };
}

/**
 * Whether `policy` decided the outcome on every path: one of its rules allowed or denied the packet.
 *
 * @example
 * ```ts
 * decidedByPolicy(world.evaluate(flow), 'deny-nodeports'); // true
 * ```
 */
export function decidedByPolicy(result: EvaluationResult, policy: string): boolean {
  return (
    result.paths.length > 0 &&
    result.paths.every((path) =>
      path.steps.some((s) => s.policy?.name === policy && (s.action === 'allow' || s.action === 'deny')),
    )
  );
}

function decidingRule(path: PathResult): DecidingRule {
  const decision = path.decidedBy;
  // The trace step of the deciding rule carries the endpoint; the decision itself does not.
  const step = path.steps[decidingStep(path)];
  return {
    stage: decision.stage,
    ...(decision.policy ? { policy: decision.policy.name, kind: decision.policy.kind } : {}),
    ...(decision.ruleIndex === undefined ? {} : { rule: decision.ruleIndex }),
    action: path.verdict,
    ...(step?.endpoint ? { endpoint: step.endpoint.name } : {}),
    reason: decision.reason,
  };
}

function hops(path: PathResult): string[] {
  const entry = path.entry ? [`in on ${endpointName(path.entry)}`] : [];
  return [...entry, ...path.steps.flatMap(hop)];
}

function hop(step: TraceStep): string[] {
  const stage = STAGE_NAMES[step.stage] ?? step.stage;
  const who = step.policy
    ? `${step.policy.kind === 'Profile' ? 'profile' : stage} ${step.policy.name}`
    : stage;
  const rule = step.ruleIndex === undefined ? '' : ` rule ${step.ruleIndex}`;
  switch (step.action) {
    case 'allow':
    case 'deny':
    case 'pass':
    case 'log':
      return [`${who}${rule}: ${step.action}`];
    case 'no-match':
      return [`${who}: no rule matched`];
    case 'nat':
      return [(step.reason ?? step.stage).replace(/^kube-proxy /, '')];
    case 'end-of-tier-pass':
    case 'staged':
      return [];
    case 'end-of-tier-drop':
    case 'no-profile-match':
    case 'default-allow':
    case 'continue':
      return [`${stage}${where(step)}: ${step.reason ?? step.action}`];
  }
}

/** Where a default applied (a path may meet one stage on several interfaces): ` at wrk2-public (eth1), ingress`. */
function where(step: TraceStep): string {
  const e = step.endpoint;
  if (e === undefined) return '';
  return ` at ${endpointName(e)}${step.direction ? `, ${step.direction}` : ''}`;
}

/** An endpoint's name, with its interface when it has one (host endpoints): `wrk2-public (eth1)`. */
function endpointName(e: EndpointRef): string {
  return e.interface ? `${e.name} (${e.interface})` : e.name;
}

/** A stable choice among paths: FNV-1a of the key, modulo the count. */
function pick<T>(items: readonly T[], key: string): T | undefined {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return items.length === 0 ? undefined : items[hash % items.length];
}
