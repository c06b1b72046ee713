/**
 * Vitest matchers over the evaluator: `expect(world).toAllow(flow)`, `toDeny(flow)` and
 * `toHaveVerdict(flow, verdict)`. A failure prints the flow, the verdict, what decided it, and
 * the whole explain trace.
 */

import { analyze, complementSpaces, type FlowSpace } from '@calico-dsl/analysis';
import { hasMethod } from '@calico-dsl/core';
import {
  calicoctlPolicyName,
  type EvaluationResult,
  type Flow,
  formatDecision,
  formatFlow,
  parseFlow,
  type Verdict,
  World,
} from '@calico-dsl/evaluator';
import type { ExpectStatic, MatcherResult, MatcherState } from 'vitest';

/**
 * A flow as the evaluator takes it, or as text in the evaluator's flow grammar (`parseFlow`, the
 * same one `calico-dsl eval --flow` reads: `'tcp 198.51.100.7:40000 -> 169.46.10.20:80'`).
 *
 * @example
 * ```ts
 * const f: FlowInput = 'tcp 198.51.100.7 -> 169.46.7.10:31024 via worker-1/eth1';
 * ```
 */
export type FlowInput = Flow | string;

/**
 * Extra conditions on a verdict.
 *
 * @example
 * ```ts
 * import type { World } from '@calico-dsl/evaluator';
 * import { expect } from 'vitest';
 * declare const cluster: World; // world(node(…), hostEndpoint(…) from core, preDnat('deny-nodeports')…)
 * expect(cluster).toDeny('tcp 198.51.100.7:40000 -> 169.46.7.10:31024', { by: 'deny-nodeports' });
 * ```
 */
export interface VerdictOptions {
  /** The policy (or profile) name that must decide every path. */
  readonly by?: string;
}

/**
 * The matchers this package adds to vitest's `expect`.
 *
 * @example
 * ```ts
 * import { hostEndpoint, preDnat } from '@calico-dsl/core';
 * import { node, world } from '@calico-dsl/testkit';
 * import { expect } from 'vitest';
 * const w = world(
 *   node('worker-1', { externalIP: '169.46.7.10' }),
 *   hostEndpoint('worker-1-public').node('worker-1').interfaceName('eth1').expectedIPs('169.46.7.10'),
 *   preDnat('deny-nodeports').selector('all()').deny().tcp().ports('30000:32767'),
 * );
 * expect(w).toDeny('tcp 198.51.100.7:40000 -> 169.46.7.10:31024');
 * expect(w).not.toAllow('tcp 198.51.100.7:40000 -> 169.46.7.10:31024');
 * expect(w).toHaveVerdict('tcp 198.51.100.7:40000 -> 169.46.7.10:22', 'Allow'); // SSH is a failsafe port
 * expect(w).toNeverAllow({ protocol: ['TCP'], dstIp: ['169.46.7.10'], dstPort: [[30000, 32767]] }); // every flow
 * expect(w).toOnlyAllow({ srcIp: ['10.0.0.0/8'] }); // fails with a witness if anything else gets in
 * ```
 */
export interface CalicoMatchers<R = unknown> {
  /** Every path of the flow is allowed. */
  toAllow(flow: FlowInput, options?: VerdictOptions): R;
  /** Every path of the flow is denied. */
  toDeny(flow: FlowInput, options?: VerdictOptions): R;
  /** The flow's combined verdict is exactly `verdict` (`Mixed` when paths disagree). */
  toHaveVerdict(flow: FlowInput, verdict: Verdict, options?: VerdictOptions): R;
  /** No flow of the space is allowed on any path (proved over every flow by @calico-dsl/analysis). */
  toNeverAllow(space: FlowSpace): R;
  /** No flow outside the space is allowed on any path (proved over every flow). */
  toOnlyAllow(space: FlowSpace): R;
}

declare module 'vitest' {
  // The type parameter must repeat vitest's own declaration (`T = any`) for the interfaces to merge.
  // biome-ignore lint/suspicious/noExplicitAny: required by declaration merging with vitest's Assertion<T = any>
  interface Assertion<T = any> extends CalicoMatchers<T> {}
}

function toWorld(received: unknown): World | string {
  if (received instanceof World) return received;
  if (hasMethod(received, 'evaluate')) return received as World; // a World from another copy of the evaluator package
  if (Array.isArray(received)) {
    try {
      return World.from(received);
    } catch (error) {
      return `the resources do not build a world: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return 'expect(…) takes a World (World.from(resources) or world(…) from @calico-dsl/testkit) or an array of resources';
}

function toFlow(input: FlowInput): Flow | string {
  if (typeof input !== 'string') return input;
  const parsed = parseFlow(input);
  return parsed.ok ? parsed.value : parsed.issues.map((i) => i.message).join('; ');
}

/**
 * A matcher that could not run (no world, an invalid flow or space): a failure whether or not
 * the assertion is negated, so `expect(w).not.toAllow('tcp 10.0.0.1 -> 10.0.0.2')` (no port)
 * fails instead of passing on nothing.
 */
function cannot(state: MatcherState, what: 'evaluate' | 'analyse', problem: string): MatcherResult {
  return { pass: state.isNot, message: () => `cannot ${what}: ${problem}` };
}

function decidedBy(result: EvaluationResult): string {
  const decisions = [...new Set(result.paths.map((p) => formatDecision(p.decidedBy)))];
  return decisions.length === 0 ? 'no path was evaluated' : decisions.join('; ');
}

/** Whether every path was decided by the policy named `by`: its name, or the one calicoctl lists. */
function decidedByAll(result: EvaluationResult, by: string): boolean {
  return (
    result.paths.length > 0 &&
    result.paths.every((p) => {
      const policy = p.decidedBy.policy;
      return policy !== undefined && (policy.name === by || calicoctlPolicyName(policy) === by);
    })
  );
}

const VERDICTS: readonly unknown[] = ['Allow', 'Deny', 'Mixed'];

/** The options of a verdict matcher, or what is wrong with them (a typo must not pass silently). */
function verdictOptions(given: unknown): VerdictOptions | string {
  if (given === undefined) return {};
  const by = typeof given === 'object' && given !== null ? (given as { by?: unknown }).by : undefined;
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    return `options must be { by?: string }, not ${JSON.stringify(given)} (to name the deciding policy: { by: 'deny-nodeports' })`;
  if (by !== undefined && (typeof by !== 'string' || by === ''))
    return `options.by must be a policy name, not ${JSON.stringify(by)}`;
  return by === undefined ? {} : { by };
}

/**
 * The shared check behind the three matchers.
 *
 * @example
 * ```ts
 * checkVerdict.call(state, world, 'tcp 10.0.0.1 -> 10.0.0.2:80', 'Allow', {});
 * ```
 */
function checkVerdict(
  this: MatcherState,
  received: unknown,
  flowInput: FlowInput,
  want: Verdict,
  given: VerdictOptions | undefined,
): MatcherResult {
  const world = toWorld(received);
  const flow = toFlow(flowInput);
  if (typeof world === 'string') return cannot(this, 'evaluate', world);
  if (!VERDICTS.includes(want))
    return cannot(
      this,
      'evaluate',
      `the verdict must be 'Allow', 'Deny' or 'Mixed', not ${JSON.stringify(want)}`,
    );
  const options = verdictOptions(given);
  if (typeof options === 'string') return cannot(this, 'evaluate', options);
  // formatFlow never throws: a flow object that is not one shows as `(invalid) …`.
  const shown = typeof flowInput === 'string' ? flowInput : formatFlow(flowInput);
  if (typeof flow === 'string') return cannot(this, 'evaluate', `${shown}: the flow is not valid: ${flow}`);
  const result = world.evaluate(flow);
  if (result.issues.length > 0) {
    const issues = result.issues.map((i) => `${i.path.join('.') || 'flow'}: ${i.message}`).join('; ');
    // A refused flow is invalid; any other issue (a left-out srcPort or ICMP type, an address the
    // model cannot route) makes the answer one a test should not pass or fail on.
    const refused = result.issues.some((i) => i.code === 'invalid_flow' || i.code === 'unknown_via');
    const why = refused ? 'the flow is not valid' : 'the answer comes with issues, so it is not judged';
    return cannot(this, 'evaluate', `${shown}: ${why}: ${issues}`);
  }
  const byOk = options.by === undefined || decidedByAll(result, options.by);
  const pass = result.verdict === want && byOk;
  const wanted = `${want}${options.by !== undefined ? ` decided by ${options.by}` : ''}`;
  return {
    pass,
    actual: result.verdict,
    expected: want,
    message: () =>
      [
        this.isNot
          ? `expected ${shown} not to get ${wanted}, but it does`
          : `expected ${shown} to get ${wanted}, but the verdict is ${result.verdict} (decided by ${decidedBy(result)})`,
        '',
        result.explain(),
      ].join('\n'),
  };
}

/** A flow of one of the spaces that some path allows, or `undefined` (a proof that none is). */
function allowedIn(world: World, spaces: readonly FlowSpace[]): Flow | undefined {
  const a = analyze(world);
  for (const space of spaces)
    for (const v of ['Allow', 'Mixed'] as const) {
      // Typed pings too (a "never" is a proof). Flows that name where they enter (`via`) are not:
      // a packet from the internet arriving on a private interface would fail sound policies.
      const r = a.search(space, v, { icmpTypes: true });
      if (r.found) return r.witness;
    }
  return undefined;
}

/**
 * The shared check behind `toNeverAllow` and `toOnlyAllow`: exhaustive, with the witness and its
 * explain trace on failure.
 *
 * @example
 * ```ts
 * checkSpace.call(state, world, { dstPort: [22] }, 'never');
 * ```
 */
function checkSpace(
  this: MatcherState,
  received: unknown,
  space: FlowSpace,
  mode: 'never' | 'only',
): MatcherResult {
  const world = toWorld(received);
  if (typeof world === 'string') return cannot(this, 'analyse', world);
  if (typeof space !== 'object' || space === null || Array.isArray(space))
    return cannot(
      this,
      'analyse',
      `the space must be an object like { protocol: ['TCP'], dstPort: [80] }, not ${JSON.stringify(space)}`,
    );
  let witness: Flow | undefined;
  try {
    witness = allowedIn(world, mode === 'never' ? [space] : complementSpaces(space));
  } catch (error) {
    return cannot(this, 'analyse', error instanceof Error ? error.message : String(error));
  }
  const shown = JSON.stringify(space);
  const what = mode === 'never' ? `no flow of ${shown}` : `no flow outside ${shown}`;
  return {
    pass: witness === undefined,
    message: () =>
      witness === undefined
        ? `expected some allowed flow ${mode === 'never' ? 'in' : 'outside'} ${shown}, but ${what} is allowed (proved over every flow)`
        : [
            `expected ${what} to be allowed, but ${formatFlow(witness)} is (decided by ${decidedBy(world.evaluate(witness))})`,
            '',
            world.evaluate(witness).explain(),
          ].join('\n'),
  };
}

/**
 * The matcher implementations, for `expect.extend(calicoMatchers)`.
 *
 * @example
 * ```ts
 * import { calicoMatchers } from '@calico-dsl/testkit';
 * import { expect } from 'vitest';
 * expect.extend(calicoMatchers);
 * ```
 */
export const calicoMatchers = {
  toAllow(this: MatcherState, received: unknown, flow: FlowInput, options?: VerdictOptions): MatcherResult {
    return checkVerdict.call(this, received, flow, 'Allow', options);
  },
  toDeny(this: MatcherState, received: unknown, flow: FlowInput, options?: VerdictOptions): MatcherResult {
    return checkVerdict.call(this, received, flow, 'Deny', options);
  },
  toHaveVerdict(
    this: MatcherState,
    received: unknown,
    flow: FlowInput,
    verdict: Verdict,
    options?: VerdictOptions,
  ): MatcherResult {
    return checkVerdict.call(this, received, flow, verdict, options);
  },
  toNeverAllow(this: MatcherState, received: unknown, space: FlowSpace): MatcherResult {
    return checkSpace.call(this, received, space, 'never');
  },
  toOnlyAllow(this: MatcherState, received: unknown, space: FlowSpace): MatcherResult {
    return checkSpace.call(this, received, space, 'only');
  },
};

/**
 * Registers the matchers on a vitest `expect` (or import `@calico-dsl/testkit/setup` in
 * `setupFiles`, which does this).
 *
 * @example
 * ```ts
 * import { installCalicoMatchers } from '@calico-dsl/testkit';
 * import { expect } from 'vitest';
 * installCalicoMatchers(expect);
 * ```
 */
export function installCalicoMatchers(expect: Pick<ExpectStatic, 'extend'>): void {
  expect.extend(calicoMatchers);
}
