import {
  CALICO_API_VERSION,
  CALICO_KINDS,
  checkKubernetesResource,
  type Issue,
  isCalicoKind,
  isK8sNetworkPolicy,
  isNetworkPolicyApiKind,
  KUBERNETES_API_VERSIONS,
  NETWORK_POLICY_API_KINDS,
  type Resource,
  type Result,
  shapeChecks,
  type ValidResource,
  validate,
} from '@calico-dsl/core';

const { isObject, list } = shapeChecks;
const listOfResources = list('a list of resources');

import { YAML_ISSUE_CODES } from './codes.js';
import { closestKind } from './did-you-mean.js';

type Path = readonly (string | number)[];

/**
 * Where read resources and issues go while reading one document.
 *
 * @example
 * ```ts
 * const sink: Sink = { resources: [], issues: [], maxIssues: 100 };
 * ```
 */
export interface Sink {
  readonly resources: Resource[];
  /** Issues with paths from the document root. */
  readonly issues: Issue[];
  /** Reading stops once more issues than this were found (nothing more would be reported). */
  readonly maxIssues: number;
}

const CALICO_KIND_NAMES = Object.keys(CALICO_KINDS).join(', ');
const NPA_KIND_NAMES = Object.entries(NETWORK_POLICY_API_KINDS)
  .map(([kind, api]) => `${api} ${kind}`)
  .join(', ');
const KUBERNETES_KIND_NAMES = [...KUBERNETES_API_VERSIONS].map(([kind, api]) => `${api} ${kind}`).join(', ');
const KINDS_BY_API_VERSION = new Map<string, string[]>([[CALICO_API_VERSION, Object.keys(CALICO_KINDS)]]);
for (const [kind, api] of [...KUBERNETES_API_VERSIONS, ...Object.entries(NETWORK_POLICY_API_KINDS)])
  KINDS_BY_API_VERSION.set(api, [...(KINDS_BY_API_VERSION.get(api) ?? []), kind]);

/**
 * Reads one document body (already plain data): a resource, a `<Kind>List` / `v1 List`, or a
 * top-level list of resources (calicoctl accepts all three), flattened in order. Calico kinds
 * go through core's `validate`; the Kubernetes kinds the evaluator reads get shape checks.
 *
 * @example
 * ```ts
 * const sink: Sink = { resources: [], issues: [], maxIssues: 100 };
 * readDocument({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }, sink);
 * sink.resources; // [the Namespace]
 * ```
 */
export function readDocument(value: unknown, sink: Sink): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      readResource(item, [i], sink, true);
    });
    return;
  }
  readResource(value, [], sink, true);
}

/**
 * Whether a resource of `kind` is a list to flatten: `v1 List`, or a `<Kind>List` that holds
 * `items` (a kind such as `AllowList` without items is a resource of its own).
 *
 * @example
 * ```ts
 * isListKind('GlobalNetworkPolicyList', true); // true
 * isListKind('List', false); // true
 * ```
 */
export function isListKind(kind: string, hasItems: boolean): boolean {
  return kind === 'List' || (kind.endsWith('List') && hasItems);
}

function readResource(value: unknown, path: Path, sink: Sink, listAllowed: boolean): void {
  if (sink.issues.length > sink.maxIssues) return;
  if (!isObject(value)) {
    const what =
      value === null
        ? 'empty'
        : Array.isArray(value)
          ? 'a list'
          : `the ${typeof value} ${clip(JSON.stringify(value))}`;
    sink.issues.push({
      code: YAML_ISSUE_CODES.notAnObject,
      path,
      message: `expected a resource (a mapping with apiVersion, kind, metadata, spec), got ${what}`,
    });
    return;
  }
  const { apiVersion, kind } = value;
  if (typeof kind !== 'string' || kind === '' || typeof apiVersion !== 'string' || apiVersion === '') {
    const field = typeof apiVersion !== 'string' || apiVersion === '' ? 'apiVersion' : 'kind';
    sink.issues.push({
      code: YAML_ISSUE_CODES.missingKind,
      path: [...path, field],
      message: `every resource needs apiVersion and kind, e.g. apiVersion: ${CALICO_API_VERSION} and kind: GlobalNetworkPolicy`,
    });
    return;
  }
  if (apiVersion.startsWith('crd.projectcalico.org/')) {
    sink.issues.push({
      code: YAML_ISSUE_CODES.unknownApiVersion,
      path: [...path, 'apiVersion'],
      message: `apiVersion ${apiVersion} is Calico's internal CRD storage version; write apiVersion: ${CALICO_API_VERSION} (what calicoctl and the Calico API server accept)`,
    });
    return;
  }
  if (isListKind(kind, Object.hasOwn(value, 'items'))) {
    if (!listAllowed) {
      sink.issues.push({
        code: YAML_ISSUE_CODES.listItem,
        path: [...path, 'kind'],
        message: 'a list cannot hold another list; put its items in the outer list',
      });
      return;
    }
    readList(value, apiVersion, kind, path, sink);
    return;
  }
  // ClusterNetworkPolicy and the v1alpha1 admin policies: core's validate checks them as Calico's CRDs do.
  if (isNetworkPolicyApiKind(kind) && apiVersion.startsWith('policy.networking.k8s.io/')) {
    readCalico(value, path, sink);
    return;
  }
  // Kubernetes' own NetworkPolicy: core's validate checks it as the kube-apiserver does.
  if (isK8sNetworkPolicy({ apiVersion, kind })) {
    readCalico(value, path, sink);
    return;
  }
  if (apiVersion === CALICO_API_VERSION) {
    if (isCalicoKind(kind)) readCalico(value, path, sink);
    else sink.issues.push(unknownKind(kind, apiVersion, path));
    return;
  }
  const k8s = checkKubernetesResource(value);
  if (k8s !== undefined) {
    if (k8s.ok) sink.resources.push(k8s.value);
    else for (const issue of k8s.issues) sink.issues.push({ ...issue, path: [...path, ...issue.path] });
    return;
  }
  const wanted = isCalicoKind(kind)
    ? CALICO_API_VERSION
    : isNetworkPolicyApiKind(kind)
      ? NETWORK_POLICY_API_KINDS[kind]
      : KUBERNETES_API_VERSIONS.get(kind);
  if (wanted !== undefined) {
    sink.issues.push({
      code: YAML_ISSUE_CODES.unknownApiVersion,
      path: [...path, 'apiVersion'],
      message: `${kind} needs apiVersion: ${wanted}, not ${apiVersion}`,
    });
    return;
  }
  sink.issues.push(unknownKind(kind, apiVersion, path));
}

function readList(
  value: Record<string, unknown>,
  apiVersion: string,
  kind: string,
  path: Path,
  sink: Sink,
): void {
  const items = value.items;
  if (!listOfResources(items, [...path, 'items'], sink.issues)) return;
  // A `<Kind>List` names its items' kind; items may leave apiVersion/kind out (they inherit them).
  const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
  items.forEach((item, i) => {
    const at = [...path, 'items', i];
    if (itemKind !== undefined && isObject(item)) {
      const filled = { apiVersion, kind: itemKind, ...item };
      if (filled.kind !== itemKind) {
        sink.issues.push({
          code: YAML_ISSUE_CODES.listItem,
          path: [...at, 'kind'],
          message: `a ${kind} holds only ${itemKind} resources, not ${String(filled.kind)}; use a v1 List for mixed kinds`,
        });
        return;
      }
      readResource(filled, at, sink, false);
    } else readResource(item, at, sink, false);
  });
}

function readCalico(value: Record<string, unknown>, path: Path, sink: Sink): void {
  let result: Result<ValidResource>;
  try {
    result = validate(value);
  } catch (error) {
    // validate promises never to throw; if it does, the input still gets an issue, not a crash.
    sink.issues.push({
      code: YAML_ISSUE_CODES.internalError,
      path,
      message: `validate threw: ${String(error)}`,
    });
    return;
  }
  if (result.ok) sink.resources.push(result.value);
  else for (const issue of result.issues) sink.issues.push({ ...issue, path: [...path, ...issue.path] });
}

function unknownKind(kind: string, apiVersion: string, path: Path): Issue {
  const near = closestKind(kind, apiVersion, KINDS_BY_API_VERSION);
  const nearApi =
    near === undefined
      ? undefined
      : isCalicoKind(near)
        ? CALICO_API_VERSION
        : isNetworkPolicyApiKind(near)
          ? NETWORK_POLICY_API_KINDS[near]
          : KUBERNETES_API_VERSIONS.get(near);
  const hint =
    near === undefined
      ? ''
      : ` did you mean ${near}?${nearApi !== undefined && nearApi !== apiVersion ? ` (with apiVersion: ${nearApi})` : ''}`;
  return {
    code: YAML_ISSUE_CODES.unknownKind,
    path: [...path, 'kind'],
    message: `unknown kind ${kind} (apiVersion ${apiVersion});${hint} supported: ${CALICO_API_VERSION} ${CALICO_KIND_NAMES}, ${NPA_KIND_NAMES}, and ${KUBERNETES_KIND_NAMES}`,
  };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
