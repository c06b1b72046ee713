/**
 * Reading manifests: builders → resources, minimum shape checks, and small helpers for loosely
 * typed manifest fields. Full validation is `validate`'s job (core).
 */
import type { Issue } from '@calico-dsl/core';
import {
  CALICO_API_VERSION,
  describeThrown,
  describeValue,
  isCalicoKind,
  isNetworkPolicyApiKind,
  KUBERNETES_API_VERSIONS,
  plainResourceOf,
} from '@calico-dsl/core';
import { EvaluatorInputError } from '../errors.js';
import { type Ip, ipKey, parseIp } from '../net/ip.js';
import { protocolNumber } from '../net/protocol.js';
import type { NamedPortModel, ProfileModel, RuleModel } from './model.js';
import { NETWORK_POLICY_API_WORLD_KINDS, networkPolicyApiIssues } from './network-policy-api.js';
import { compileRule } from './rules.js';
import { type LabelMap, SelectorCache } from './selector.js';
import { shapeIssues } from './shape.js';
import { withoutNulls } from './without-nulls.js';

// biome-ignore lint/suspicious/noExplicitAny: manifests are read loosely; fields are checked where used.
export type Loose = any;

/** A null-prototype label map merged left to right (later sources win); non-string values dropped. */
export function labelMap(
  ...sources: (Readonly<Record<string, string>> | undefined)[]
): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const s of sources) {
    if (!s || typeof s !== 'object') continue;
    for (const [k, v] of Object.entries(s)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** Label keys with a prefix (`env` → `pcns.env`). */
export function prefixed(labels: LabelMap | undefined, prefix: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(labels ?? {})) out[prefix + k] = v;
  return out;
}

/** Parsed, de-duplicated IPs from a loose list (non-IPs dropped). */
export function ips(list: readonly unknown[] | undefined): Ip[] {
  const out: Ip[] = [];
  for (const t of list ?? []) {
    const ip = typeof t === 'string' ? parseIp(t) : undefined;
    if (ip && !out.some((o) => ipKey(o) === ipKey(ip))) out.push(ip);
  }
  return out;
}

/** A profile whose ingress and egress rules are one bare Allow (kns.*, projectcalico-default-allow). */
export function allowAllProfile(name: string, labelsToApply: LabelMap): ProfileModel {
  return { name, ingress: ALLOW_ALL, egress: ALLOW_ALL, labelsToApply };
}

// One bare Allow rule shared by every allow-all profile: it holds nothing per profile, and
// compiling it once here keeps `compileRule`'s optimised code from meeting it mid-build.
const ALLOW_ALL: readonly RuleModel[] = Object.freeze([
  compileRule({ action: 'Allow' }, 0, undefined, new SelectorCache(), []),
]);

/** Calico policy kinds (the K8s NetworkPolicy is told apart by apiVersion). */
export const POLICY_KINDS = new Set([
  'GlobalNetworkPolicy',
  'NetworkPolicy',
  'StagedGlobalNetworkPolicy',
  'StagedNetworkPolicy',
  'StagedKubernetesNetworkPolicy',
]);

const KNOWN_KINDS = new Set([
  ...POLICY_KINDS,
  'Tier',
  'GlobalNetworkSet',
  'NetworkSet',
  'HostEndpoint',
  'Profile',
  'FelixConfiguration',
  'IPPool',
  'BGPConfiguration',
  'Pod',
  'Namespace',
  'ServiceAccount',
  'Service',
  'Node',
  'EndpointSlice',
  'ConfigMap',
  'Endpoints',
  ...NETWORK_POLICY_API_WORLD_KINDS,
]);

/**
 * The resources `World.from` was given, as a list: a list, a `fromYaml` result (its value, or
 * {@link EvaluatorInputError} with its issues) or one resource or builder. Input that cannot be
 * read (a Proxy that throws) is an {@link EvaluatorInputError} too.
 *
 * @example
 * ```ts
 * resourceList(fromYaml(text)); // the parsed resources
 * resourceList(pod).length; // 1
 * ```
 */
export function resourceList(input: unknown): readonly unknown[] {
  try {
    if (Array.isArray(input)) return Array.from(input);
    if (typeof input !== 'object' || input === null) {
      // `World.from()` or a value in place of the list: "resource 0 is not an object" would mislead.
      throw new EvaluatorInputError([
        {
          code: 'invalid_input',
          path: [],
          message: `World.from takes resources (a list of manifests, a fromYaml result, DSL builders, or one of them); got ${describeValue(input)}.`,
        },
      ]);
    }
    if (!('ok' in input)) return [input];
    const r = input as { ok: unknown; value?: unknown; issues?: Issue[] };
    if (r.ok !== true) throw new EvaluatorInputError(r.issues ?? []);
    return Array.isArray(r.value) ? Array.from(r.value) : [r.value];
  } catch (e) {
    if (e instanceof EvaluatorInputError) throw e;
    throw new EvaluatorInputError([
      { code: 'unreadable', path: [], message: `World.from could not read its input: ${describeThrown(e)}` },
    ]);
  }
}

/**
 * A resource as plain data (a builder's `toResource()`): nothing in the copy runs code or
 * refers to itself, and later changes to the input do not reach the world. `undefined` with
 * issues when it cannot be copied.
 */
function plainResource(item: unknown, i: number, issues: Issue[]): Loose {
  const { value, problems } = plainResourceOf(item);
  for (const p of problems)
    issues.push({ ...p, path: [i, ...p.path], message: `resource ${i}: ${p.message}` });
  return problems.length > 0 ? undefined : value;
}

/** Turns builders into resources and checks the minimum shape; throws {@link EvaluatorInputError}. */
export function readResources(input: readonly unknown[]): Loose[] {
  const issues: Issue[] = [];
  const out: Loose[] = [];
  input.forEach((item, i) => {
    const before = issues.length;
    const r: Loose = plainResource(item, i, issues);
    if (issues.length > before) return;
    const where = `resource ${i}`;
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      issues.push({
        code: 'invalid_input',
        path: [i],
        message: `${where} is not an object; pass parsed manifests (fromYaml) or DSL builders.`,
      });
      return;
    }
    const kind = r.kind;
    const name = r.metadata?.name;
    const label = `${typeof kind === 'string' ? kind : where}${typeof name === 'string' ? ` "${name}"` : ''}`;
    if (typeof kind !== 'string' || !KNOWN_KINDS.has(kind)) {
      issues.push({
        code: 'unknown_kind',
        path: [i, 'kind'],
        message: `${label}: kind ${JSON.stringify(kind)} is not one the evaluator reads (Calico v3 kinds, Pod, Namespace, ServiceAccount, Service, EndpointSlice, Endpoints, Node, ConfigMap, NetworkPolicy).`,
      });
      return;
    }
    if (typeof name !== 'string' || name === '') {
      issues.push({
        code: 'required',
        path: [i, 'metadata', 'name'],
        message: `${label}: metadata.name is required.`,
      });
      return;
    }
    if (r.spec !== undefined && (typeof r.spec !== 'object' || r.spec === null)) {
      issues.push({
        code: 'invalid_type',
        path: [i, 'spec'],
        message: `${label}: spec must be an object.`,
      });
      return;
    }
    const wrongApi = apiVersionIssue(kind, r.apiVersion, label);
    if (wrongApi !== undefined) {
      issues.push({ code: 'unknown_api_version', path: [i, 'apiVersion'], message: wrongApi });
      return;
    }
    const shape = isNetworkPolicyApiKind(kind) ? networkPolicyApiIssues(r, i) : shapeIssues(r, i);
    if (shape.length > 0) {
      issues.push(...shape);
      return;
    }
    out.push(withoutNulls(r));
  });
  if (issues.length > 0) throw new EvaluatorInputError(issues);
  return out;
}

/**
 * Why `apiVersion` does not go with `kind`, or `undefined` when it does: each kind is read in its
 * own apiVersion only (NetworkPolicy in Calico's and Kubernetes'). An absent apiVersion reads as the
 * kind's own, except for an EndpointSlice (its shape is checked in discovery.k8s.io/v1 only).
 * Calico's own `projectcalico.org/v3` Node (what `calicoctl get nodes` prints) is not read: read as
 * a Kubernetes Node it would have no addresses.
 *
 * @example
 * ```ts
 * apiVersionIssue('Node', 'projectcalico.org/v3', 'Node "n1"'); // 'Node "n1": apiVersion "projectcalico.org/v3" … use v1'
 * apiVersionIssue('Pod', 'v1', 'Pod "web"'); // undefined
 * ```
 */
function apiVersionIssue(kind: string, apiVersion: unknown, label: string): string | undefined {
  if (isNetworkPolicyApiKind(kind)) return undefined; // networkPolicyApiIssues checks these
  const own = [
    ...(isCalicoKind(kind) ? [CALICO_API_VERSION] : []),
    ...(KUBERNETES_API_VERSIONS.has(kind) ? [KUBERNETES_API_VERSIONS.get(kind) as string] : []),
  ];
  if (apiVersion === undefined ? kind !== 'EndpointSlice' : own.includes(apiVersion as string))
    return undefined;
  const calicoNode =
    kind === 'Node' && apiVersion === CALICO_API_VERSION
      ? " (Calico's own Node resource, as calicoctl prints it, is not read: give the Kubernetes Node, kubectl get nodes -o yaml)"
      : '';
  return `${label}: apiVersion ${JSON.stringify(apiVersion)} does not go with ${kind}${calicoNode}; use ${own.join(' or ')}.`;
}

/**
 * §1.3: named container ports (protocol default TCP), of the containers and then the init
 * containers: all of them for Calico's workload endpoint (`workload_endpoint_default.go`), only
 * sidecars (`restartPolicy: Always`) for a Service's `targetPort` (Kubernetes `podutil.FindPort`).
 */
export function containerPorts(pod: Loose, init: 'all' | 'sidecars' = 'all'): NamedPortModel[] {
  const out: NamedPortModel[] = [];
  const inits = ((pod.spec?.initContainers ?? []) as Loose[]).filter(
    (c) => init === 'all' || c?.restartPolicy === 'Always',
  );
  for (const c of [...(pod.spec?.containers ?? []), ...inits]) {
    for (const p of c?.ports ?? []) {
      if (typeof p?.name !== 'string' || !p.containerPort) continue;
      out.push({ name: p.name, protocol: protocolNumber(p.protocol ?? 'TCP') ?? 6, port: p.containerPort });
    }
  }
  return out;
}

/**
 * A pod's IPs as Calico's workload endpoint has them (`conversion.go` `getPodIPs`):
 * `status.podIPs` / `status.podIP`, else the CNI annotations (`cni.projectcalico.org/podIPs`,
 * `cni.projectcalico.org/podIP`, AWS's `vpc.amazonaws.com/pod-ips`), which may carry a prefix
 * length. None for a finished pod (`IsFinished`): phase Failed, Succeeded or Completed, or being
 * deleted after its CNI removed its network (the annotation set to "").
 *
 * @example
 * ```ts
 * workloadIps({ metadata: { annotations: { 'cni.projectcalico.org/podIP': '10.244.1.5/32' } }, status: {} }).map((ip) => ip.text); // ['10.244.1.5']
 * workloadIps({ metadata: {}, status: { phase: 'Succeeded', podIP: '10.244.1.5' } }); // []
 * ```
 */
export function workloadIps(pod: Loose): Ip[] {
  const annotations: Record<string, unknown> = pod.metadata?.annotations ?? {};
  const phase = pod.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded' || phase === 'Completed') return [];
  if (
    pod.metadata?.deletionTimestamp != null &&
    (annotations['cni.projectcalico.org/podIP'] === '' || annotations['vpc.amazonaws.com/pod-ips'] === '')
  )
    return [];
  const fromStatus = podIps(pod);
  if (fromStatus.length > 0) return fromStatus;
  for (const key of [
    'cni.projectcalico.org/podIPs',
    'cni.projectcalico.org/podIP',
    'vpc.amazonaws.com/pod-ips',
  ]) {
    const v = annotations[key];
    if (typeof v === 'string' && v !== '') return ips(v.split(',').map((t) => t.trim().split('/')[0]));
  }
  return [];
}

/** A pod's IPs from `status.podIP` and `status.podIPs`. */
export function podIps(pod: Loose): Ip[] {
  const list: unknown[] = [];
  if (typeof pod.status?.podIP === 'string') list.push(pod.status.podIP);
  for (const p of pod.status?.podIPs ?? []) list.push(p?.ip);
  return ips(list);
}

/** Resources with their input index, grouped by kind. */
export class ResourceIndex {
  readonly all: readonly [Loose, number][];
  readonly #byKind = new Map<string, [Loose, number][]>();

  constructor(resources: readonly Loose[]) {
    this.all = resources.map((r, i) => [r, i] as [Loose, number]);
    for (const entry of this.all) {
      const list = this.#byKind.get(entry[0].kind);
      if (list) list.push(entry);
      else this.#byKind.set(entry[0].kind, [entry]);
    }
  }

  /** Every resource of `kind` with its index. */
  of(kind: string): readonly [Loose, number][] {
    return this.#byKind.get(kind) ?? [];
  }
}
