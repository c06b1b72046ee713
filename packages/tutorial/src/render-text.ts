/** The human-readable printout of a simulated lesson. */
import type { DecidingRule } from './decision.js';
import { type Lesson, policyName } from './lesson.js';
import type { CommandResult, CurlResult, LessonRun, StepResult } from './simulate.js';

const STAGE_NAMES: Readonly<Record<string, string>> = {
  failsafe: 'failsafe rule',
  untracked: 'untracked policy',
  preDnat: 'pre-DNAT policy',
  forward: 'forward (applyOnForward) policy',
  hostIngress: 'host endpoint ingress policy',
  hostEgress: 'host endpoint egress policy',
  workloadEgress: 'pod egress policy',
  workloadIngress: 'pod ingress policy',
};

const INDENT = '       ';

/**
 * The lesson's heading: `== Lesson 2: Block all incoming traffic to all node ports ==`.
 *
 * @example
 * ```ts
 * lessonHeading(lesson); // '== Lesson 2: Block all incoming traffic to all node ports =='
 * ```
 */
export function lessonHeading(lesson: Pick<Lesson, 'number' | 'title'>): string {
  return `== Lesson ${lesson.number}: ${lesson.title} ==`;
}

/**
 * Prints a simulated lesson: heading, summary, each step with its command and, for curls, the
 * outcome, the policy and rule that decided it, and whether it is the tutorial's outcome.
 *
 * @example
 * ```ts
 * console.log(renderLesson(lesson, simulateLesson(lesson, TUTORIAL_DEFAULTS)));
 * ```
 */
export function renderLesson(lesson: Lesson, run: LessonRun): string {
  const curls = run.steps.filter((s): s is CurlResult => s.kind === 'curl');
  const matching = curls.filter((c) => c.asInTutorial).length;
  const lines = [
    lessonHeading(lesson),
    lesson.summary,
    `Cheat sheet: you ${run.params.clientIp}, another system ${run.params.otherClientIp}, ` +
      `load balancer ${run.params.loadBalancerIp}, worker ${run.params.workerPublicIp}, node port ${run.params.nodePort}`,
    `In place: ${startingPoint(lesson)}`,
    '',
    ...run.steps.flatMap(renderStep),
    lesson.conclusion,
    `Lesson ${lesson.number}: ${matching} of ${curls.length} curl outcomes as in the tutorial` +
      (matching === curls.length ? '.' : ' - the simulated cluster DIFFERS from the tutorial.'),
    '',
  ];
  return lines.join('\n');
}

function renderStep(step: StepResult): string[] {
  return step.kind === 'curl' ? renderCurl(step) : renderCommand(step);
}

function renderCommand(step: CommandResult): string[] {
  return [`${label(step.step)}${step.text}`, `${INDENT}$ ${step.command}`, `${INDENT}${step.message}`];
}

function renderCurl(step: CurlResult): string[] {
  const { result } = step;
  const outcome =
    result.outcome === 'reached' ? `reached pod ${result.pod ?? '(not a pod)'}` : result.outcome;
  const verdict = step.asInTutorial ? 'as in the tutorial' : `DIFFERS: ${step.mismatch}`;
  const from = step.from === 'you' ? 'your computer' : 'another system';
  return [
    `${label(step.step)}${step.text}`,
    `${INDENT}$ ${step.command}    # from ${from}, ${step.clientIp}`,
    `${INDENT}-> ${outcome}  [${verdict}]`,
    ...(result.decidedBy ? [`${INDENT}   decided by: ${describeRule(result.decidedBy)}`] : []),
    `${INDENT}   path (${pathCount(result.agreeing, result.paths, result.verdict)}):`,
    ...result.hops.map((hop) => `${INDENT}     ${hop}`),
  ];
}

function label(step: string): string {
  return `  ${`${step}.`.padEnd(INDENT.length - 1)}`;
}

/**
 * One deciding rule in words: stage, policy, rule index, action and where it applied.
 *
 * @example
 * ```ts
 * describeRule({ stage: 'preDnat', policy: 'deny-nodeports', rule: 0, action: 'Deny', endpoint: 'kube-wrk1-worker-public' });
 * // 'pre-DNAT policy deny-nodeports, ingress rule 0 (Deny) on host endpoint kube-wrk1-worker-public'
 * ```
 */
export function describeRule(rule: DecidingRule): string {
  const where = rule.endpoint
    ? ` on ${rule.stage.startsWith('workload') ? 'pod' : 'host endpoint'} ${rule.endpoint}`
    : '';
  if (rule.kind === 'Profile') return `profile ${rule.policy} (${rule.action})${where}`;
  if (rule.policy === undefined) return `${rule.action}: ${rule.reason ?? rule.stage}`;
  const stage = STAGE_NAMES[rule.stage] ?? `${rule.stage} policy`;
  const ruleText = rule.rule === undefined ? '' : `, ${direction(rule.stage)} rule ${rule.rule}`;
  return `${stage} ${rule.policy}${ruleText} (${rule.action})${where}`;
}

function direction(stage: string): string {
  return stage.endsWith('Egress') ? 'egress' : 'ingress';
}

function startingPoint(lesson: Lesson): string {
  const policies = lesson.startsWith.policies.map(policyName);
  return [
    'IBM Cloud classic cluster (3 workers with public eth1 and private eth0 host endpoints, IBM default policies)',
    ...(lesson.startsWith.app ? ['webserver (3 pods) behind webserver-lb'] : []),
    ...(policies.length > 0 ? [`earlier lessons' ${policies.join(', ')}`] : []),
  ].join('; ');
}

/** How many of the evaluator's paths (entry worker × backend pod) agree with the one shown. */
function pathCount(agreeing: number, paths: number, verdict: string): string {
  const action = verdict === 'Deny' ? 'deny' : 'allow';
  if (paths === 1) return `the only path; it ${action === 'deny' ? 'denies' : 'allows'}`;
  return `${agreeing === paths ? 'all' : `${agreeing} of`} ${paths} paths ${action}`;
}
