/** Verdicts and traces as text, with the deciding rule highlighted for `explain`. */
import {
  decidingStep,
  type EvaluationResult,
  formatDecision,
  formatEndpoint,
  formatPolicy,
  formatStep,
  type PathResult,
} from '@calico-dsl/evaluator';
import { type Palette, verdictText } from './colors.js';

/**
 * How much of a result to print.
 *
 * @example
 * ```ts
 * const o: TraceTextOptions = { steps: true, highlight: true };
 * ```
 */
export interface TraceTextOptions {
  /** Print every step of every path (else only what decided each path). */
  readonly steps: boolean;
  /** Mark the step that decided each path (`explain`). */
  readonly highlight: boolean;
}

function pathHeader(p: PathResult, i: number, c: Palette): string {
  const via = [
    p.entry ? `entry ${formatEndpoint(p.entry)}` : undefined,
    p.backend
      ? `backend ${formatEndpoint(p.backend)} ${p.backend.ip}${p.backend.port !== undefined ? `:${p.backend.port}` : ''}`
      : undefined,
  ].filter((x) => x !== undefined);
  return `path ${i + 1}${via.length > 0 ? `: ${via.join(' → ')}` : ''} — ${verdictText(c, p.verdict)}`;
}

/**
 * Renders the paths, decisions and (optionally) steps of a result, indented under a header line
 * the caller prints.
 *
 * @example
 * ```ts
 * io.stdout.write(traceText(result, palette(false), { steps: true, highlight: true }));
 * ```
 */
export function traceText(result: EvaluationResult, c: Palette, opts: TraceTextOptions): string {
  const lines: string[] = [];
  result.paths.forEach((p, i) => {
    lines.push(`  ${pathHeader(p, i, c)}`);
    const decision = `decided by ${formatDecision(p.decidedBy)}`;
    lines.push(`    ${opts.highlight ? c.bold(decision) : decision}`);
    if (!opts.steps) return;
    const deciding = opts.highlight ? decidingStep(p) : -1;
    p.steps.forEach((s, j) => {
      const text = formatStep(s);
      lines.push(
        j === deciding ? `  ${c.yellow('▶')} ${c.bold(text)}` : `    ${opts.highlight ? c.dim(text) : text}`,
      );
    });
  });
  lines.push(...resultNotes(result, c));
  return `${lines.join('\n')}\n`;
}

/**
 * The lines every view of a result ends with: no path, features evaluated on L3/L4 only, issues.
 *
 * @example
 * ```ts
 * declare const result: EvaluationResult;
 * declare const c: Palette;
 * resultNotes(result, c); // e.g. ['  issue: via.node: no node "worker-9" …']
 * ```
 */
export function resultNotes(result: EvaluationResult, c: Palette): string[] {
  const lines: string[] = [];
  if (result.paths.length === 0) lines.push('  (no path: the flow was not evaluated)');
  for (const u of result.unsupported) {
    lines.push(
      `  ${c.yellow('note')}: ${formatPolicy(u.policy)} ${u.direction} rule ${u.ruleIndex} uses ${u.feature}; evaluated on its L3/L4 fields only`,
    );
  }
  for (const issue of result.issues) {
    lines.push(
      `  ${c.red('issue')}: ${issue.path.join('.')}${issue.path.length > 0 ? ': ' : ''}${issue.message}`,
    );
  }
  return lines;
}
