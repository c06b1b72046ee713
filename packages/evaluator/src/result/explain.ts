/** Readable text for a result (`result.explain()`). */
import type { Issue } from '@calico-dsl/core';
import { calicoctlPolicyName } from '../world/policies.js';
import type {
  Decision,
  EndpointRef,
  PathResult,
  PolicyRef,
  TraceStep,
  UnsupportedUse,
  Verdict,
} from './types.js';

/**
 * `GlobalNetworkPolicy deny-nodeports`, `NetworkPolicy prod/allow`, `Profile kns.default`.
 *
 * @example
 * ```ts
 * formatPolicy({ kind: 'NetworkPolicy', namespace: 'prod', name: 'allow' }); // 'NetworkPolicy prod/allow'
 * ```
 */
export function formatPolicy(p: PolicyRef): string {
  const text = `${p.kind} ${p.namespace !== undefined ? `${p.namespace}/` : ''}${p.name}`;
  const listed = calicoctlPolicyName(p);
  return listed === p.name ? text : `${text} (${listed})`;
}

/**
 * `WorkloadEndpoint prod/web-1 (node-1)`, `HostEndpoint node-1-eth1 (node-1, eth1)`.
 *
 * @example
 * ```ts
 * formatEndpoint({ kind: 'Host', name: 'node-1', node: 'node-1' }); // 'Host node-1'
 * ```
 */
export function formatEndpoint(e: EndpointRef): string {
  const name = `${e.namespace !== undefined ? `${e.namespace}/` : ''}${e.name}`;
  const where = [e.kind === 'Host' ? undefined : e.node, e.interface].filter((x) => x !== undefined);
  return `${e.kind} ${name}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
}

/**
 * One trace step as a line: stage, endpoint, tier, policy, rule, action and reason.
 *
 * @example
 * ```ts
 * formatStep({ path: 0, stage: 'preDnat', tier: 'default', policy: { kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' },
 *   ruleIndex: 0, direction: 'ingress', action: 'deny' });
 * // 'preDnat         tier default GlobalNetworkPolicy deny-nodeports ingress rule 0 → deny'
 * ```
 */
export function formatStep(s: TraceStep): string {
  const parts: string[] = [s.stage.padEnd(15)];
  if (s.endpoint) parts.push(`[${formatEndpoint(s.endpoint)}]`);
  if (s.tier !== undefined) parts.push(`tier ${s.tier}`);
  if (s.policy) parts.push(formatPolicy(s.policy));
  if (s.ruleIndex !== undefined) parts.push(`${s.direction ?? ''} rule ${s.ruleIndex}`.trim());
  parts.push(`→ ${s.action}`);
  if (s.reason !== undefined) parts.push(`(${s.reason})`);
  return parts.join(' ');
}

/**
 * One line naming what decided a path.
 *
 * @example
 * ```ts
 * formatDecision({
 *   stage: 'workloadIngress',
 *   policy: { kind: 'NetworkPolicy', namespace: 'prod', name: 'allow-web' },
 *   tier: 'default',
 *   ruleIndex: 0,
 *   direction: 'ingress',
 *   reason: 'Allow',
 * }); // 'NetworkPolicy prod/allow-web (tier default), ingress rule 0: Allow'
 * ```
 */
export function formatDecision(d: Decision): string {
  const who = d.policy
    ? `${formatPolicy(d.policy)}${d.tier !== undefined ? ` (tier ${d.tier})` : ''}`
    : undefined;
  const rule =
    d.ruleIndex !== undefined ? `, ${d.direction ?? ''} rule ${d.ruleIndex}`.replace(',  ', ', ') : '';
  return who ? `${who}${rule}: ${d.reason}` : `${d.stage}: ${d.reason}`;
}

/** `explain()` prints at most this many paths (the rest are in `paths`). */
const EXPLAIN_PATHS = 20;

/**
 * Renders a whole result as text.
 *
 * @example
 * ```ts
 * // What `EvaluationResult.explain()` prints; here for a hand-made result with one path.
 * const decidedBy: Decision = {
 *   stage: 'workloadIngress',
 *   policy: { kind: 'NetworkPolicy', namespace: 'prod', name: 'allow-web' },
 *   tier: 'default',
 *   ruleIndex: 0,
 *   direction: 'ingress',
 *   reason: 'Allow',
 * };
 * explainText({
 *   flowText: 'TCP 10.0.0.1 → 10.0.0.2:8080',
 *   verdict: 'Allow',
 *   paths: [{ verdict: 'Allow', decidedBy, steps: [] }],
 *   issues: [],
 *   unsupported: [],
 * });
 * // Flow TCP 10.0.0.1 → 10.0.0.2:8080
 * // Verdict: Allow
 * // Path 1 — Allow
 * //   decided by NetworkPolicy prod/allow-web (tier default), ingress rule 0: Allow
 * ```
 */
export function explainText(input: {
  readonly flowText: string;
  readonly verdict: Verdict;
  readonly paths: readonly PathResult[];
  readonly issues: readonly Issue[];
  readonly unsupported: readonly UnsupportedUse[];
}): string {
  const lines: string[] = [`Flow ${input.flowText}`];
  const folded = input.paths.reduce((n, p) => n + (p.folded ?? 0), 0);
  const count = input.paths.length + folded;
  lines.push(
    `Verdict: ${input.verdict}${count > 1 ? ` (${count} paths${folded > 0 ? `, ${folded} folded into ${input.paths.length}` : ''})` : ''}`,
  );
  input.paths.forEach((p, i) => {
    if (i === EXPLAIN_PATHS) lines.push(`… ${input.paths.length - i} more paths not shown (see \`paths\`)`);
    if (i >= EXPLAIN_PATHS) return;
    const via = [
      p.entry ? `entry ${formatEndpoint(p.entry)}` : undefined,
      p.backend ? `backend ${formatEndpoint(p.backend)} ${p.backend.ip}:${p.backend.port ?? ''}` : undefined,
    ]
      .filter((x) => x !== undefined)
      .join(' → ');
    const more = p.folded ? ` (and ${p.folded} equivalent paths)` : '';
    lines.push(`Path ${i + 1}${via ? `: ${via}` : ''} — ${p.verdict}${more}`);
    lines.push(`  decided by ${formatDecision(p.decidedBy)}`);
    for (const s of p.steps) lines.push(`  ${formatStep(s)}`);
  });
  for (const u of input.unsupported) {
    lines.push(
      `Unsupported: ${formatPolicy(u.policy)} ${u.direction} rule ${u.ruleIndex} uses ${u.feature}; evaluated on its L3/L4 fields only.`,
    );
  }
  for (const issue of input.issues)
    lines.push(`Issue: ${issue.path.join('.')}${issue.path.length > 0 ? ': ' : ''}${issue.message}`);
  return lines.join('\n');
}
