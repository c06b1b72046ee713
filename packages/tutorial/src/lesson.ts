/**
 * A lesson of the tutorial as data: where it starts, and its numbered steps (deploy with kubectl,
 * apply or delete a Calico policy with calicoctl, try a curl and see the outcome the tutorial
 * describes). The simulator, the printers and `--apply` all read this one description.
 */
import type { GlobalNetworkPolicy, KubernetesResource, ResourceSource } from '@calico-dsl/core';
import type { TutorialParams } from './params.js';

/**
 * A policy of the tutorial, built with the DSL.
 *
 * @example
 * ```ts
 * const p: PolicySource = preDnat('deny-nodeports').deny().tcp().ports('30000:32767');
 * ```
 */
export type PolicySource = ResourceSource<GlobalNetworkPolicy>;

/**
 * Who runs a curl: you (the cheat sheet's client IP) or another system (another public IP).
 *
 * @example
 * ```ts
 * const from: ClientRole = 'another system';
 * ```
 */
export type ClientRole = 'you' | 'another system';

/**
 * What a curl targets: the load balancer's `<loadbalancer_IP>:80` or a worker's `<worker_IP>:<NodePort>`.
 *
 * @example
 * ```ts
 * const target: CurlTarget = 'node port';
 * ```
 */
export type CurlTarget = 'load balancer' | 'node port';

/**
 * What the tutorial says a curl does.
 *
 * @example
 * ```ts
 * const expected: Outcome = 'timed out';
 * ```
 */
export type Outcome = 'reached' | 'timed out';

/** Fields every step has: its number in the tutorial and what the tutorial says to do. */
interface StepBase {
  /** The step number as the tutorial numbers it (`"3"`, `"5.3"`). */
  readonly step: string;
  /** The tutorial's instruction, shortened. */
  readonly text: string;
}

/**
 * `kubectl` creates Kubernetes objects (lesson 1): the simulator adds `resources` to the cluster;
 * `manifest`, when present, is written to `out/<file>` (the file the tutorial asks you to create).
 *
 * @example
 * ```ts
 * const s: DeployStep = { kind: 'deploy', step: '4', text: 'Deploy the load balancer.',
 *   command: 'kubectl apply -f webserver-lb.yaml', output: 'service/webserver-lb created', resources: [service],
 *   manifest: { file: 'webserver-lb.yaml', resource: webserverLoadBalancer() } };
 * ```
 */
export interface DeployStep extends StepBase {
  readonly kind: 'deploy';
  readonly command: string;
  /** What kubectl prints, e.g. `service/webserver-lb created`. */
  readonly output: string;
  readonly resources: readonly KubernetesResource[];
  readonly manifest?: { readonly file: string; readonly resource: KubernetesResource };
}

/**
 * `calicoctl apply -f <name>.yaml`: the policy is written to `out/<name>.yaml` and applied.
 *
 * @example
 * ```ts
 * const s: ApplyStep = { kind: 'apply', step: '2', text: 'Apply the policy.', policy: denyNodeports() };
 * ```
 */
export interface ApplyStep extends StepBase {
  readonly kind: 'apply';
  readonly policy: PolicySource;
}

/**
 * `calicoctl delete GlobalNetworkPolicy <name>`. A `cleanup` delete ends the lesson; with `--apply`
 * it runs only when asked (`--cleanup`), so that you can try the curls first.
 *
 * @example
 * ```ts
 * const s: DeleteStep = { kind: 'delete', step: '1', text: 'Clean up the whitelist.', policy: 'whitelist' };
 * ```
 */
export interface DeleteStep extends StepBase {
  readonly kind: 'delete';
  readonly policy: string;
  readonly cleanup?: boolean;
}

/**
 * `curl --connect-timeout 10 <ip>:<port>` from a client, with the outcome the tutorial describes
 * and, when the tutorial names one, the policy that decides it.
 *
 * @example
 * ```ts
 * const s: CurlStep = { kind: 'curl', step: '3', text: "Verify that you can't access the node port.",
 *   from: 'you', target: 'node port', expect: 'timed out', decidedBy: 'deny-nodeports' };
 * ```
 */
export interface CurlStep extends StepBase {
  readonly kind: 'curl';
  readonly from: ClientRole;
  readonly target: CurlTarget;
  readonly expect: Outcome;
  /** The policy whose rule decides the outcome; absent when no policy rule does (e.g. a profile). */
  readonly decidedBy?: string;
}

/**
 * One step of a lesson.
 *
 * @example
 * ```ts
 * const steps: LessonStep[] = lesson.steps.filter((s) => s.kind !== 'curl');
 * ```
 */
export type LessonStep = DeployStep | ApplyStep | DeleteStep | CurlStep;

/**
 * A lesson: its number and title as in the tutorial, what it is about, where it starts, its steps.
 *
 * @example
 * ```ts
 * const lesson: Lesson = { number: 2, title: 'Block all incoming traffic to all node ports',
 *   summary: '…', startsWith: { app: true, policies: [] }, steps: [...], conclusion: '…' };
 * ```
 */
export interface Lesson {
  readonly number: number;
  readonly title: string;
  /** The lesson's short description. */
  readonly summary: string;
  /** The state the lesson starts from: whether the webserver app runs, and earlier lessons' policies. */
  readonly startsWith: { readonly app: boolean; readonly policies: readonly PolicySource[] };
  readonly steps: readonly LessonStep[];
  /** The tutorial's "At this point, …" sentence. */
  readonly conclusion: string;
}

/**
 * A lesson as a function of the cheat sheet (client and load balancer IPs, node port, …).
 *
 * @example
 * ```ts
 * const define: LessonDefinition = (params) => ({ number: 2, title: '…', … });
 * ```
 */
export type LessonDefinition = (params: TutorialParams) => Lesson;

/**
 * The name of a policy (its `metadata.name`).
 *
 * @example
 * ```ts
 * policyName(preDnat('deny-nodeports')); // 'deny-nodeports'
 * ```
 */
export function policyName(policy: PolicySource): string {
  return policy.toResource().metadata.name;
}
