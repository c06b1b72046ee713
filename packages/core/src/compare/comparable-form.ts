import { canonicalPort } from '../dsl/inputs.js';
import { CALICO_KINDS, type Resource } from '../resources/kinds.js';
import { CALICO_API_VERSION } from '../resources/metadata.js';
import { policyTypesOf } from '../resources/policy-types-default.js';
import { CalicoValidationError } from '../result.js';
import { parseSelector } from '../selector/parser.js';
import { printSelector } from '../selector/print.js';
import { describeValue } from '../shape/checks.js';
import { plainCopy } from '../validate/json.js';

/**
 * A resource reduced to what it means: plain JSON data whose mappings have sorted keys and no
 * prototype.
 *
 * @example
 * ```ts
 * // What comparableForm returns: defaults explicit, selectors canonical, keys sorted:
 * comparableForm(tier('security').order(100).toResource()); // { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'security' }, spec: { defaultAction: 'Deny', order: 100 } }
 * ```
 */
export type ComparableValue =
  | null
  | boolean
  | number
  | string
  | readonly ComparableValue[]
  | { readonly [key: string]: ComparableValue };

/**
 * Metadata the API server sets; never part of what a user declares.
 *
 * @example
 * ```ts
 * SERVER_SET_METADATA.includes('resourceVersion'); // true
 * ```
 */
export const SERVER_SET_METADATA = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
] as const;

const SELECTOR_KEYS: ReadonlySet<string> = new Set([
  'selector',
  'notSelector',
  'namespaceSelector',
  'serviceAccountSelector',
]);
const PORT_KEYS: ReadonlySet<string> = new Set(['ports', 'notPorts']);
const SERVER_SET: ReadonlySet<string> = new Set(SERVER_SET_METADATA);

/**
 * The form in which two resources are equal exactly when Calico reads them the same: server-set
 * metadata removed; what the API server fills in made explicit (namespace `default`, policy
 * `tier: default`, `types` by {@link policyTypesOf} (§3.2) except on a staged Delete, Tier
 * `defaultAction: Deny`);
 * selectors in canonical form (`a=='b'` is `a == "b"`); ports as Calico prints them (`"80"` is
 * `80`); empty strings, lists and mappings dropped (Go's `omitempty` prints them as absent); keys
 * sorted. The one comparison the calicoctl wrapper, the lesson tests and the IBM Cloud tests use.
 *
 * @example
 * ```ts
 * comparableForm({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy',
 *   metadata: { name: 'deny', resourceVersion: '42' },
 *   spec: { selector: "role=='db'", ingress: [{ action: 'Deny', source: {}, destination: { ports: ['5432'] } }] } });
 * // { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'deny' },
 * //   spec: { ingress: [{ action: 'Deny', destination: { ports: [5432] } }], selector: 'role == "db"',
 * //           tier: 'default', types: ['Ingress'] } }
 * ```
 */
export function comparableForm(resource: Resource): ComparableValue {
  // Compared as plain data: a cycle, a getter that throws or a non-object is an error that says
  // where, not a crash deep in the walk.
  const { value, problems } = plainCopy(resource);
  if (problems.length > 0) throw new CalicoValidationError(problems.map((p) => ({ ...p })));
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new CalicoValidationError([
      {
        code: 'invalid_input',
        path: [],
        message: `A resource must be a mapping, not ${describeValue(value)}`,
      },
    ]);
  return clean(withServerDefaults(value as Resource), '', true) ?? null;
}

/** The label Calico's client puts on every policy it returns (`apiv3.LabelTier`). */
const TIER_LABEL = 'projectcalico.org/tier';

/** The resource with the fields the API server defaults made explicit. */
function withServerDefaults(resource: Resource): object {
  if (resource.apiVersion !== CALICO_API_VERSION) return resource;
  const namespaced = CALICO_KINDS[resource.kind].namespaced;
  const metadata = namespaced
    ? { ...resource.metadata, namespace: resource.metadata.namespace || 'default' }
    : resource.metadata;
  if (resource.kind === 'Tier')
    return {
      ...resource,
      metadata,
      spec: { ...resource.spec, defaultAction: resource.spec.defaultAction ?? 'Deny' },
    };
  if (
    resource.kind === 'GlobalNetworkPolicy' ||
    resource.kind === 'NetworkPolicy' ||
    resource.kind === 'StagedGlobalNetworkPolicy' ||
    resource.kind === 'StagedNetworkPolicy'
  ) {
    // Calico's client clears `types` on a staged Delete after defaulting them (clientv3
    // stagedGlobalNetworkPolicies.Create/Update), so it stores none.
    const deleting =
      (resource.kind === 'StagedGlobalNetworkPolicy' || resource.kind === 'StagedNetworkPolicy') &&
      resource.spec.stagedAction === 'Delete';
    const tier = resource.spec.tier || 'default';
    const spec = { ...resource.spec, tier, types: deleting ? undefined : policyTypesOf(resource.spec) };
    // Calico's client labels every policy it returns with its tier (clientv3
    // `defaultTierLabelIfMissing`): a live policy's label says nothing the spec does not.
    const { [TIER_LABEL]: label, ...labels } = metadata.labels ?? {};
    const own = label === undefined || label === tier || label === 'default';
    return { ...resource, metadata: own ? { ...metadata, labels } : metadata, spec };
  }
  return { ...resource, metadata };
}

function clean(value: unknown, key: string, atRoot = false): ComparableValue | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    if (SELECTOR_KEYS.has(key)) {
      const parsed = parseSelector(value);
      return parsed.ok ? printSelector(parsed.value) : value;
    }
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items: ComparableValue[] = [];
    for (const item of value) {
      const v =
        PORT_KEYS.has(key) && (typeof item === 'string' || typeof item === 'number')
          ? canonicalPort(item)
          : clean(item, key);
      if (v !== undefined) items.push(v);
    }
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object') {
    const out: { [key: string]: ComparableValue } = Object.create(null);
    for (const [k, v] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (key === 'metadata' && SERVER_SET.has(k)) continue;
      const c = clean(v, k);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length === 0 && !atRoot ? undefined : out;
  }
  return undefined;
}
