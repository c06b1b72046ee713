/** Shared by `eval`, `explain` and `matrix`: build a World from files, collect and run flows. */
import type { Issue } from '@calico-dsl/core';
import {
  type EvaluationResult,
  EvaluatorInputError,
  type Flow,
  formatFlow,
  parseFlow,
  parseVia,
  type Verdict,
  World,
} from '@calico-dsl/evaluator';
import type { CommandContext } from './context.js';
import type { InputOptions } from './inputs.js';
import { type LoadedFile, loadInputs } from './manifests.js';
import type { FileIssue } from './output/issues.js';
import { progress } from './output/progress.js';

/**
 * Options shared by `eval` and `explain`.
 *
 * @example
 * ```ts
 * const o: FlowOptions = { flow: ['tcp 198.51.100.7 -> 169.46.10.20:80'], expect: 'allow' };
 * ```
 */
export interface FlowOptions extends InputOptions {
  readonly flow?: readonly string[];
  readonly flows?: string;
  readonly via?: string;
  readonly expect?: 'allow' | 'deny' | 'mixed';
  readonly engine?: 'compiled' | 'reference';
}

/**
 * One flow to evaluate, where it came from and the verdict it should get.
 *
 * @example
 * ```ts
 * const c: FlowCase = { source: '--flow', flow, expect: 'Deny' };
 * ```
 */
export interface FlowCase {
  /** `--flow` or `file:line`. */
  readonly source: string;
  readonly flow: Flow;
  readonly expect?: Verdict;
}

/**
 * A flow's result and whether it met its expectation.
 *
 * @example
 * ```ts
 * outcome.matches; // false when --expect allow was given and the verdict is Deny
 * ```
 */
export interface FlowOutcome {
  readonly case: FlowCase;
  readonly result: EvaluationResult;
  /**
   * The evaluator refused the flow (an `invalid_flow` issue, e.g. udp without a port): its
   * verdict is a placeholder, so it never meets an expectation.
   */
  readonly invalid: boolean;
  /** `undefined` when nothing was expected; `false` for an invalid flow. */
  readonly matches: boolean | undefined;
}

const VERDICTS: Readonly<Record<string, Verdict>> = { allow: 'Allow', deny: 'Deny', mixed: 'Mixed' };
// A flows-file line may end with the verdict it expects.
const TRAILING_EXPECT = /\s+(?:=>\s*)?(allow|deny|mixed)\s*$/i;

/**
 * Reads manifests and builds the World. Every problem comes back as a file issue.
 *
 * @example
 * ```ts
 * const { world, issues } = await loadWorld(['world.yaml', 'policy.yaml'], ctx, 'compiled');
 * ```
 */
export async function loadWorld(
  files: readonly string[],
  ctx: CommandContext,
  engine: 'compiled' | 'reference' | undefined,
  inputs: InputOptions = {},
): Promise<{ world: World | undefined; issues: FileIssue[]; files: LoadedFile[] }> {
  const loaded = await loadInputs(files, inputs, ctx.io);
  if (loaded.issues.length > 0) return { world: undefined, issues: loaded.issues, files: loaded.files };
  try {
    return {
      world: World.from(loaded.resources, engine !== undefined ? { engine } : {}),
      issues: [],
      files: loaded.files,
    };
  } catch (error) {
    if (!(error instanceof EvaluatorInputError)) throw error;
    const where = loaded.files.map((f) => f.file).join(', ');
    return {
      world: undefined,
      issues: error.issues.map((issue) => ({ file: where, issue })),
      files: loaded.files,
    };
  }
}

function flowsFromJson(file: string, text: string): { cases: FlowCase[]; issues: FileIssue[] } {
  const issue = (path: (string | number)[], message: string): FileIssue => ({
    file,
    issue: { code: 'invalid_flow', path, message },
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { cases: [], issues: [issue([], `Not JSON: ${String(error)}`)] };
  }
  if (!Array.isArray(data)) {
    return { cases: [], issues: [issue([], 'A JSON flows file is an array of flows (strings or objects).')] };
  }
  const cases: FlowCase[] = [];
  const issues: FileIssue[] = [];
  data.forEach((entry: unknown, i) => {
    const source = `${file}[${i}]`;
    if (typeof entry === 'string') {
      const parsed = parseFlow(entry);
      if (parsed.ok) cases.push({ source, flow: parsed.value });
      else issues.push(...parsed.issues.map((x) => ({ file, issue: { ...x, path: [i, ...x.path] } })));
      return;
    }
    if (typeof entry !== 'object' || entry === null) {
      issues.push(
        issue(
          [i],
          'Each flow is a string or an object like { "protocol": "TCP", "srcIp", "dstIp", "dstPort" }.',
        ),
      );
      return;
    }
    const { expect, ...flow } = entry as { expect?: unknown };
    const verdict = typeof expect === 'string' ? VERDICTS[expect.toLowerCase()] : undefined;
    if (expect !== undefined && verdict === undefined) {
      issues.push(issue([i, 'expect'], 'expect is "allow", "deny" or "mixed".'));
      return;
    }
    cases.push({ source, flow: flow as Flow, ...(verdict !== undefined ? { expect: verdict } : {}) });
  });
  return { cases, issues };
}

function flowsFromText(file: string, text: string): { cases: FlowCase[]; issues: FileIssue[] } {
  const cases: FlowCase[] = [];
  const issues: FileIssue[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const expectMatch = TRAILING_EXPECT.exec(line);
    const expect = expectMatch?.[1] !== undefined ? VERDICTS[expectMatch[1].toLowerCase()] : undefined;
    const parsed = parseFlow(expectMatch ? line.slice(0, expectMatch.index) : line);
    if (parsed.ok) {
      cases.push({
        source: `${file}:${i + 1}`,
        flow: parsed.value,
        ...(expect !== undefined ? { expect } : {}),
      });
    } else issues.push(...parsed.issues.map((issue) => ({ file, issue: { ...issue, line: i + 1 } })));
  });
  return { cases, issues };
}

/**
 * Collects the flows of `--flow` (repeatable) and `--flows <file>` (one flow per line, `#`
 * comments, an optional trailing `allow|deny|mixed`; or a `.json` array), applying `--via` and
 * `--expect` to flows that do not say otherwise.
 *
 * @example
 * ```ts
 * const { cases, issues } = await collectFlows({ flow: ['tcp 10.0.0.1 -> 10.0.0.2:80'] }, ctx);
 * ```
 */
export async function collectFlows(
  opts: FlowOptions,
  ctx: CommandContext,
): Promise<{ cases: FlowCase[]; issues: FileIssue[] }> {
  const cases: FlowCase[] = [];
  const issues: FileIssue[] = [];
  for (const text of opts.flow ?? []) {
    const parsed = parseFlow(text);
    if (parsed.ok) cases.push({ source: '--flow', flow: parsed.value });
    else issues.push(...parsed.issues.map((issue) => ({ file: '--flow', issue })));
  }
  if (opts.flows !== undefined) {
    const file = opts.flows;
    try {
      const text = await ctx.io.readFile(file);
      const read = file.endsWith('.json') ? flowsFromJson(file, text) : flowsFromText(file, text);
      cases.push(...read.cases);
      issues.push(...read.issues);
      // A CI check over an empty (or truncated to nothing) file would otherwise pass on no flows.
      if (read.cases.length === 0 && read.issues.length === 0) {
        const message = `the file has no flows: one per line (e.g. "tcp 198.51.100.7 -> 169.46.10.20:80 allow") or a .json array`;
        issues.push({ file, issue: { code: 'invalid_flow', path: [], message } });
      }
    } catch (error) {
      const message = `Cannot read the flows file: ${error instanceof Error ? error.message : String(error)}`;
      issues.push({ file, issue: { code: 'file_unreadable', path: [], message } });
    }
  }
  let via: Flow['via'];
  if (opts.via !== undefined) {
    const parsed = parseVia(opts.via);
    if (parsed.ok) via = parsed.value;
    else issues.push(...parsed.issues.map((issue: Issue) => ({ file: '--via', issue })));
  }
  const expect = opts.expect !== undefined ? VERDICTS[opts.expect] : undefined;
  return {
    cases: cases.map((c) => ({
      source: c.source,
      flow: c.flow.via === undefined && via !== undefined ? { ...c.flow, via } : c.flow,
      ...(c.expect !== undefined ? { expect: c.expect } : expect !== undefined ? { expect } : {}),
    })),
    issues,
  };
}

/**
 * Evaluates each case, showing a progress line on a terminal for long runs.
 *
 * @example
 * ```ts
 * const outcomes = evaluateCases(world, cases, ctx);
 * ```
 */
export function evaluateCases(world: World, cases: readonly FlowCase[], ctx: CommandContext): FlowOutcome[] {
  const bar = progress(ctx.io.stderr, 'evaluating flows', cases.length);
  const outcomes = cases.map((c, i) => {
    const result = world.evaluate(c.flow);
    bar.tick(i + 1);
    // An invalid flow gets a placeholder Deny: compared with "deny" it would pass a CI check.
    const invalid = result.issues.some((issue) => issue.code === 'invalid_flow');
    const matches = c.expect === undefined ? undefined : !invalid && result.verdict === c.expect;
    return { case: c, result, invalid, matches };
  });
  bar.done();
  return outcomes;
}

/**
 * The JSON form of one outcome: the flow (as text and as given), verdict, `invalid: true` for a
 * flow the evaluator refused, expectation, the decision of every path, the full trace, and the
 * explain text.
 *
 * @example
 * ```ts
 * writeJson(io.stdout, { results: outcomes.map(outcomeJson) });
 * ```
 */
export function outcomeJson(o: FlowOutcome): Record<string, unknown> {
  return {
    source: o.case.source,
    flow: formatFlow(o.case.flow),
    input: o.case.flow,
    verdict: o.result.verdict,
    ...(o.invalid ? { invalid: true } : {}),
    ...(o.case.expect !== undefined ? { expected: o.case.expect, matches: o.matches } : {}),
    decidedBy: o.result.paths.map((p) => p.decidedBy),
    paths: o.result.paths,
    issues: o.result.issues,
    unsupported: o.result.unsupported,
    explain: o.result.explain(),
  };
}
