import {
  CALICO_API_VERSION,
  CalicoValidationError,
  describeValue,
  type Issue,
  isCalicoKind,
  isNetworkPolicyApiKind,
  NETWORK_POLICY_API_KINDS,
  plainResourceOf,
  type Resource,
  type ResourceSource,
  resourceItems,
  type ValidResource,
} from '@calico-dsl/core';
import { canonicalize, type KeyOrder } from './canonical.js';
import { shapeOf } from './shapes.js';

/**
 * What the printers accept: resources (Calico or Kubernetes), DSL builders, or a list mixing both.
 *
 * @example
 * ```ts
 * const input: PrintInput = [tier('platform').order(100), preDnat('deny-nodeports').deny().tcp().ports('30000:32767')];
 * toYaml(input);
 * ```
 */
export type PrintInput =
  | Resource
  | ResourceSource<ValidResource>
  | readonly (Resource | ResourceSource<ValidResource>)[];

/**
 * Options shared by `toYaml` and `toJson`.
 *
 * @example
 * ```ts
 * toYaml([globalNetworkPolicy('allow-dns'), globalNetworkPolicy('allow-ping')], { list: true });
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkPolicyList
 * // items:
 * // - apiVersion: projectcalico.org/v3
 * //   kind: GlobalNetworkPolicy
 * // …
 * ```
 */
export interface PrintOptions {
  /**
   * Wrap the resources in one list object instead of printing them one by one:
   * `<Kind>List` when they all share a Calico kind, else `v1 List`.
   */
  readonly list?: boolean;
}

/**
 * Resolves builders and lays every resource out in calicoctl's field order. A Calico resource
 * (a Calico kind with a `projectcalico.org` apiVersion, or none) always gets
 * `apiVersion: projectcalico.org/v3`, so the printers can never emit `crd.projectcalico.org/v1`;
 * a `networking.k8s.io/v1` NetworkPolicy stays what it is.
 *
 * @example
 * ```ts
 * canonicalResources(preDnat().name('deny-nodeports').deny().tcp().ports('30000:32767'));
 * // [{ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: {…}, spec: {…} }]
 * ```
 */
export function canonicalResources(input: PrintInput, mapOrder?: KeyOrder): Record<string, unknown>[] {
  const issues: Issue[] = [];
  const out: Record<string, unknown>[] = [];
  const { items, many } = resourceItems(input);
  items.forEach((item, i) => {
    const at = many ? [i] : [];
    const before = issues.length;
    const resource = plainResource(item, at, issues);
    if (issues.length > before) return;
    if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
      // Printing nothing for it would lose it without a word (`toYaml([a, maybeB])`).
      const message = `Not a resource: toYaml and toJson print resources (mappings with apiVersion, kind, metadata and spec) or DSL builders; got ${describeValue(resource)}`;
      issues.push({ code: 'invalid_input', path: at, message });
      return;
    }
    const { kind, apiVersion } = resource as { kind?: unknown; apiVersion?: unknown };
    // A Calico kind is one with a Calico (or no) apiVersion: `networking.k8s.io/v1` NetworkPolicy
    // shares its kind name with Calico's and must stay a Kubernetes resource.
    const calico =
      isCalicoKind(kind) &&
      (apiVersion === undefined ||
        (typeof apiVersion === 'string' && apiVersion.includes('projectcalico.org')));
    const laid = canonicalize(resource, shapeOf(kind, calico), mapOrder) as Record<string, unknown>;
    if (calico && laid.apiVersion !== CALICO_API_VERSION) {
      // apiVersion is the first key, so the corrected one goes in front of the rest.
      const { apiVersion: _wrong, ...rest } = laid;
      out.push({ apiVersion: CALICO_API_VERSION, ...rest });
    } else out.push(laid);
  });
  if (issues.length > 0) throw new CalicoValidationError(issues);
  return out;
}

/**
 * A resource (a builder's `toResource()`) as plain data to print: a cycle, a getter that throws,
 * a bigint or a Map is an issue at its path (and `undefined` comes back) rather than
 * a crash or a half-printed document.
 */
function plainResource(item: unknown, at: readonly number[], issues: Issue[]): unknown {
  const { value, problems } = plainResourceOf(item);
  for (const p of problems) issues.push({ code: p.code, path: [...at, ...p.path], message: p.message });
  return problems.length > 0 ? undefined : value;
}

/**
 * Wraps laid-out resources in a list object: `<Kind>List` (`projectcalico.org/v3`) when every
 * item is the same Calico kind, else a Kubernetes `v1 List`.
 *
 * @example
 * ```ts
 * listOf([gnpA, gnpB]); // { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicyList', items: [...] }
 * ```
 */
export function listOf(items: readonly Record<string, unknown>[]): Record<string, unknown> {
  const first = items[0]?.kind;
  const sameCalicoKind =
    isCalicoKind(first) &&
    items.every((item) => item.kind === first && item.apiVersion === CALICO_API_VERSION);
  // Keys in the order kubectl prints lists: apiVersion, kind, items.
  if (sameCalicoKind) return { apiVersion: CALICO_API_VERSION, kind: `${first}List`, items };
  // A list of one network-policy-api kind is that kind's List (e.g. ClusterNetworkPolicyList).
  if (isNetworkPolicyApiKind(first) && items.every((item) => item.kind === first)) {
    return { apiVersion: NETWORK_POLICY_API_KINDS[first], kind: `${first}List`, items };
  }
  return { apiVersion: 'v1', kind: 'List', items };
}
