/** Verdicts and trace steps (the evaluator never returns a bare boolean). */
import type { Issue } from '@calico-dsl/core';
import type { PolicyKind } from '../world/model.js';

/**
 * The overall answer: every path allows, every path denies, or some of each.
 *
 * @example
 * ```ts
 * const pod = (name: string, ip: string, labels: Record<string, string>) =>
 *   ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'prod', labels }, status: { podIP: ip } });
 * const cluster = World.from([
 *   pod('web', '10.0.0.1', { app: 'web' }),
 *   pod('api-1', '10.0.0.2', { app: 'api', v: '1' }),
 *   pod('api-2', '10.0.0.3', { app: 'api', v: '2' }),
 *   { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'prod' },
 *     spec: { selector: { app: 'api' }, clusterIP: '10.96.0.10', ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }] } },
 *   networkPolicy('lock-v2', 'prod').selector("v == '2'").deny(),
 * ]);
 * const r = cluster.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.96.0.10', dstPort: 80 });
 * const v: Verdict = r.verdict; // 'Mixed': one backend allows, the other denies
 * r.paths.map((p) => `${p.backend?.name}: ${p.verdict}`); // ['api-1: Allow', 'api-2: Deny']
 * ```
 */
export type Verdict = 'Allow' | 'Deny' | 'Mixed';

/**
 * Where in Felix/kube-proxy a step happens (calico-semantics.md §4.8, §5).
 *
 * @example
 * ```ts
 * // cluster: pods web (10.0.0.1) and api (10.0.0.2) in prod, and NetworkPolicy allow-web (api accepts TCP 8080 from web)
 * declare const cluster: World;
 * cluster.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 8080 }).trace.map((s) => s.stage);
 * // ['workloadEgress', 'workloadIngress']
 * ```
 */
export type Stage =
  | 'failsafe'
  | 'untracked'
  | 'preDnat'
  | 'dnat'
  | 'snat'
  | 'forward'
  | 'hostIngress'
  | 'hostEgress'
  | 'workloadEgress'
  | 'workloadIngress'
  | 'hostToWorkload'
  | 'loopback'
  | 'endpointToHost'
  | 'interface'
  | 'reply'
  | 'exit';

/**
 * What a step did.
 *
 * @example
 * ```ts
 * // cluster: pods web (10.0.0.1) and api (10.0.0.2) in prod, and NetworkPolicy allow-web (api accepts TCP 8080 from web)
 * declare const cluster: World;
 * cluster.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 9090 }).trace.map((s) => s.action);
 * // ['allow', 'no-match', 'end-of-tier-drop']: the namespace profile allows web's egress; allow-web does not match port 9090
 * ```
 */
export type StepAction =
  | 'allow'
  | 'deny'
  | 'pass'
  | 'log'
  | 'no-match'
  | 'staged'
  | 'end-of-tier-drop'
  | 'end-of-tier-pass'
  | 'no-profile-match'
  | 'default-allow'
  | 'continue'
  | 'nat';

/**
 * The endpoint a step concerns.
 *
 * @example
 * ```ts
 * // cluster: pods web (10.0.0.1) and api (10.0.0.2) on node-1 in prod, and NetworkPolicy allow-web
 * declare const cluster: World;
 * cluster.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 8080 }).trace.map((s) => s.endpoint);
 * // [{ kind: 'WorkloadEndpoint', name: 'web', namespace: 'prod', node: 'node-1' },
 * //  { kind: 'WorkloadEndpoint', name: 'api', namespace: 'prod', node: 'node-1' }]
 * ```
 */
export interface EndpointRef {
  readonly kind: 'WorkloadEndpoint' | 'HostEndpoint' | 'Host' | 'External';
  readonly name: string;
  readonly namespace?: string;
  readonly node?: string;
  readonly interface?: string;
}

/**
 * The policy (or profile) a step concerns.
 *
 * @example
 * ```ts
 * // cluster: pods web (10.0.0.1) and api (10.0.0.2) in prod, and NetworkPolicy allow-web (api accepts TCP 8080 from web)
 * declare const cluster: World;
 * cluster.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 8080 }).trace.map((s) => s.policy);
 * // [{ kind: 'Profile', name: 'kns.prod' }, { kind: 'NetworkPolicy', namespace: 'prod', name: 'allow-web' }]
 * ```
 */
export interface PolicyRef {
  readonly kind: PolicyKind | 'Profile';
  readonly namespace?: string;
  readonly name: string;
}

/**
 * One line of the trace.
 *
 * @example
 * ```ts
 * const cluster = World.from([
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
 *     spec: { nodeName: 'node-1' }, status: { podIP: '10.0.0.1' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' } },
 *     spec: { nodeName: 'node-1' }, status: { podIP: '10.0.0.2' } },
 *   networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080),
 * ]);
 * const step: TraceStep | undefined = cluster.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 8080 }).trace[1];
 * // { path: 0, stage: 'workloadIngress', endpoint: { kind: 'WorkloadEndpoint', name: 'api', namespace: 'prod', node: 'node-1' },
 * //   direction: 'ingress', tier: 'default', policy: { kind: 'NetworkPolicy', namespace: 'prod', name: 'allow-web' },
 * //   ruleIndex: 0, action: 'allow' }
 * ```
 */
export interface TraceStep {
  /** Index into {@link EvaluationResult.paths}. */
  readonly path: number;
  readonly stage: Stage;
  readonly endpoint?: EndpointRef | undefined;
  readonly direction?: 'ingress' | 'egress' | undefined;
  readonly tier?: string | undefined;
  readonly policy?: PolicyRef | undefined;
  readonly ruleIndex?: number | undefined;
  readonly action: StepAction;
  /** Why a policy did not decide, or what a non-policy step did. */
  readonly reason?: string | undefined;
}

/**
 * The rule (or default) that decided one path.
 *
 * @example
 * ```ts
 * const world = World.from([
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
 *     status: { podIP: '10.0.0.1' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' } },
 *     status: { podIP: '10.0.0.2' } },
 *   networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080),
 * ]);
 * const d: Decision | undefined = world.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 22 }).decidedBy;
 * // { stage: 'workloadIngress', tier: 'default', direction: 'ingress',
 * //   reason: 'end of tier default: no policy allowed or passed the packet' }
 * if (d) formatDecision(d); // 'workloadIngress: end of tier default: no policy allowed or passed the packet'
 * ```
 */
export interface Decision {
  readonly stage: Stage;
  readonly policy?: PolicyRef;
  readonly tier?: string;
  readonly ruleIndex?: number;
  readonly direction?: 'ingress' | 'egress';
  readonly reason: string;
}

/**
 * One way the packet can go: one entry point × one backend.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const lb = { protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.10.20', dstPort: 80 } as const; // a load balancer IP
 * const paths: readonly PathResult[] = cluster.evaluate(lb).paths;
 * paths.map((p) => `${p.backend?.name}: ${p.verdict}`); // one entry per (entry point × service backend)
 * ```
 */
export interface PathResult {
  readonly verdict: 'Allow' | 'Deny';
  readonly entry?: EndpointRef;
  readonly backend?: EndpointRef & { readonly ip: string; readonly port?: number };
  readonly decidedBy: Decision;
  readonly steps: readonly TraceStep[];
  /**
   * How many other paths (other entry nodes or backends, same hooks and outcomes) this path
   * stands for; set only when a flow has more paths than `explain()` and `paths` keep apart.
   */
  readonly folded?: number;
}

/**
 * A rule feature the L3/L4 model reached but does not evaluate.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const unsupported: readonly UnsupportedUse[] = cluster.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 8080 }).unsupported;
 * unsupported.map((u) => `${u.policy.name} ${u.direction} rule ${u.ruleIndex}: ${u.feature}`);
 * ```
 */
export interface UnsupportedUse {
  readonly policy: PolicyRef;
  readonly direction: 'ingress' | 'egress';
  readonly ruleIndex: number;
  readonly feature: string;
}

/**
 * The answer to "would this packet get through, and which rule decides?".
 *
 * @example
 * ```ts
 * const world = World.from([
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
 *     status: { podIP: '10.0.0.1' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' } },
 *     status: { podIP: '10.0.0.2' } },
 *   networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080),
 * ]);
 * const r: EvaluationResult = world.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 22 });
 * if (r.verdict !== 'Allow') console.log(r.explain());
 * // Flow TCP 10.0.0.1 → 10.0.0.2:22
 * // Verdict: Deny
 * // Path 1: entry WorkloadEndpoint prod/web — Deny
 * //   decided by workloadIngress: end of tier default: no policy allowed or passed the packet
 * //   workloadEgress  [WorkloadEndpoint prod/web] Profile kns.prod egress rule 0 → allow
 * //   workloadIngress [WorkloadEndpoint prod/api] tier default NetworkPolicy prod/allow-web → no-match (no rule matched)
 * //   workloadIngress [WorkloadEndpoint prod/api] tier default → end-of-tier-drop (end of tier default: no policy allowed or passed the packet)
 * ```
 */
export interface EvaluationResult {
  readonly verdict: Verdict;
  readonly paths: readonly PathResult[];
  /** Every step of every path, in order (`step.path` says which). */
  readonly trace: readonly TraceStep[];
  /** Problems with the flow or the world that affect this answer. */
  readonly issues: readonly Issue[];
  readonly unsupported: readonly UnsupportedUse[];
  /** What decided every path, when all paths were decided the same way (else `undefined`). */
  readonly decidedBy: Decision | undefined;
  /** The same as readable text. */
  explain(): string;
}
