/**
 * Runs a lesson on the evaluator: starts from the lesson's cluster state, carries out each step
 * (kubectl deploys add objects, calicoctl applies and deletes change the policies) and evaluates
 * every curl against the cluster as it is at that step.
 */
import type { Resource } from '@calico-dsl/core';
import { World } from '@calico-dsl/evaluator';
import { ibmTutorialCluster, resolveResources, type TutorialResource, webserverApp } from './cluster.js';
import { clientIp, curlCommand, curlFlow, type TcpFlow } from './curl.js';
import { type CurlDecision, curlDecision, decidedByPolicy } from './decision.js';
import { type CurlStep, type Lesson, type LessonStep, type PolicySource, policyName } from './lesson.js';
import { outDirFor } from './out-files.js';
import type { TutorialParams } from './params.js';

/**
 * A curl step with what happened: the packet, the outcome and whether it is the tutorial's.
 *
 * @example
 * ```ts
 * if (!result.asInTutorial) console.error(result.mismatch);
 * ```
 */
export interface CurlResult {
  readonly kind: 'curl';
  readonly step: string;
  readonly text: string;
  readonly command: string;
  readonly from: CurlStep['from'];
  readonly clientIp: string;
  readonly flow: TcpFlow;
  readonly expected: { readonly outcome: CurlStep['expect']; readonly decidedBy?: string };
  readonly result: CurlDecision;
  readonly asInTutorial: boolean;
  /** Why the outcome differs from the tutorial's, when it does. */
  readonly mismatch?: string;
}

/**
 * A kubectl or calicoctl step with the command it stands for.
 *
 * @example
 * ```ts
 * const r: CommandResult = { kind: 'apply', step: '2', text: 'Apply the policy.',
 *   command: 'calicoctl apply -f deny-nodeports.yaml', resource: 'deny-nodeports',
 *   message: "Successfully applied 1 'GlobalNetworkPolicy' resource(s)" };
 * ```
 */
export interface CommandResult {
  readonly kind: 'deploy' | 'apply' | 'delete';
  readonly step: string;
  readonly text: string;
  readonly command: string;
  /** What the step creates or removes. */
  readonly resource: string;
  /** What kubectl/calicoctl prints on success. */
  readonly message: string;
}

/**
 * One step of a simulated lesson.
 *
 * @example
 * ```ts
 * run.steps.filter((s: StepResult) => s.kind === 'curl');
 * ```
 */
export type StepResult = CommandResult | CurlResult;

/**
 * A simulated lesson: every step's result and whether all outcomes match the tutorial.
 *
 * @example
 * ```ts
 * const run = simulateLesson(lesson2(TUTORIAL_DEFAULTS), TUTORIAL_DEFAULTS);
 * run.ok; // true
 * ```
 */
export interface LessonRun {
  readonly lesson: number;
  readonly title: string;
  readonly params: TutorialParams;
  readonly steps: readonly StepResult[];
  readonly ok: boolean;
}

/** The cluster state the simulator carries from step to step. */
interface ClusterState {
  readonly base: readonly TutorialResource[];
  readonly policies: ReadonlyMap<string, PolicySource>;
}

/**
 * Simulates a lesson step by step on the evaluator.
 *
 * @example
 * ```ts
 * simulateLesson(lesson, TUTORIAL_DEFAULTS).steps.filter((s) => s.kind === 'curl').map((s) => s.result.outcome);
 * // ['timed out', 'reached']
 * ```
 */
export function simulateLesson(lesson: Lesson, params: TutorialParams): LessonRun {
  let state = startingState(lesson, params);
  const steps: StepResult[] = [];
  let curls = 0;
  for (const step of lesson.steps) {
    if (step.kind === 'curl') {
      steps.push(runCurl(state, params, step, curls++));
      continue;
    }
    const [next, result] = runCommand(state, step, params);
    state = next;
    steps.push(result);
  }
  return {
    lesson: lesson.number,
    title: lesson.title,
    params,
    steps,
    ok: steps.every((s) => s.kind !== 'curl' || s.asInTutorial),
  };
}

/**
 * The cluster as the lesson leaves it, before its clean-up steps (lesson 4's `delete blacklist`):
 * the state the tutorial's "At this point, …" describes.
 *
 * @example
 * ```ts
 * World.from(lessonEndState(lesson3(TUTORIAL_DEFAULTS), TUTORIAL_DEFAULTS)); // deny-nodeports, deny-lb-port-80, whitelist
 * ```
 */
export function lessonEndState(lesson: Lesson, params: TutorialParams): Resource[] {
  let state = startingState(lesson, params);
  for (const step of lesson.steps) {
    if (step.kind === 'curl' || (step.kind === 'delete' && step.cleanup === true)) continue;
    state = runCommand(state, step, params)[0];
  }
  return resolveResources([...state.base, ...state.policies.values()]);
}

function startingState(lesson: Lesson, params: TutorialParams): ClusterState {
  return {
    base: [...ibmTutorialCluster(params), ...(lesson.startsWith.app ? webserverApp(params) : [])],
    policies: new Map(lesson.startsWith.policies.map((p) => [policyName(p), p])),
  };
}

function runCommand(
  state: ClusterState,
  step: Exclude<LessonStep, CurlStep>,
  params: TutorialParams,
): [ClusterState, CommandResult] {
  const base = { step: step.step, text: step.text };
  switch (step.kind) {
    case 'deploy':
      return [
        { ...state, base: [...state.base, ...step.resources] },
        {
          ...base,
          kind: 'deploy',
          command: step.command,
          resource: step.resources.map((r) => `${r.kind} ${r.metadata.name}`).join(', '),
          message: step.output,
        },
      ];
    case 'apply': {
      const name = policyName(step.policy);
      return [
        { ...state, policies: new Map([...state.policies, [name, step.policy]]) },
        {
          ...base,
          kind: 'apply',
          command: `calicoctl apply -f ${outDirFor(params)}/${name}.yaml`,
          resource: name,
          message: "Successfully applied 1 'GlobalNetworkPolicy' resource(s)",
        },
      ];
    }
    case 'delete': {
      const policies = new Map(state.policies);
      const existed = policies.delete(step.policy);
      return [
        { ...state, policies },
        {
          ...base,
          kind: 'delete',
          command: `calicoctl delete GlobalNetworkPolicy ${step.policy}`,
          resource: step.policy,
          message: existed
            ? "Successfully deleted 1 'GlobalNetworkPolicy' resource(s)"
            : `resource does not exist: GlobalNetworkPolicy(${step.policy})`,
        },
      ];
    }
  }
}

function runCurl(state: ClusterState, params: TutorialParams, step: CurlStep, index: number): CurlResult {
  const flow = curlFlow(params, step, index);
  const world = World.from(resolveResources([...state.base, ...state.policies.values()]));
  const evaluation = world.evaluate(flow);
  const result = curlDecision(evaluation, flow);
  const mismatch =
    result.outcome !== step.expect
      ? `the tutorial says "${step.expect}", the simulated cluster gives "${result.outcome}"`
      : step.decidedBy !== undefined && !decidedByPolicy(evaluation, step.decidedBy)
        ? `the tutorial's outcome is decided by ${step.decidedBy}, but the evaluator's trace does not name it`
        : undefined;
  return {
    kind: 'curl',
    step: step.step,
    text: step.text,
    command: curlCommand(params, step.target),
    from: step.from,
    clientIp: clientIp(params, step.from),
    flow,
    expected: {
      outcome: step.expect,
      ...(step.decidedBy === undefined ? {} : { decidedBy: step.decidedBy }),
    },
    result,
    asInTutorial: mismatch === undefined,
    ...(mismatch === undefined ? {} : { mismatch }),
  };
}
