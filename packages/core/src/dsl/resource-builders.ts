import { METADATA_KEYS, RESOURCE_KEYS, SPEC_KEYS } from '../resources/field-order.js';
import type { CalicoResourceOf } from '../resources/kinds.js';
import { CALICO_API_VERSION, type ObjectMeta } from '../resources/metadata.js';
import type { Result } from '../result.js';
import { unwrap } from '../result.js';
import { checked, missingName } from './check.js';
import { copyStringMap, type StringMap } from './inputs.js';
import { ordered } from './ir.js';
import type { MetaState } from './policy-impl.js';

/** Kinds whose spec is a flat set of fields (no rule chains). */
export type SpecBuilderKind =
  | 'Tier'
  | 'GlobalNetworkSet'
  | 'NetworkSet'
  | 'HostEndpoint'
  | 'StagedKubernetesNetworkPolicy';

interface SpecState<K extends SpecBuilderKind> {
  readonly kind: K;
  readonly factory: string;
  readonly meta: MetaState;
  readonly spec: Readonly<Record<string, unknown>>;
}

/**
 * The one implementation behind the Tier, network set, HostEndpoint and staged Kubernetes policy
 * builder interfaces: each method sets or appends one spec field and returns a new frozen instance.
 */
export class SpecBuilderImpl<K extends SpecBuilderKind> {
  readonly #state: SpecState<K>;

  constructor(state: SpecState<K>) {
    this.#state = Object.freeze(state);
    Object.freeze(this);
  }

  static start<K extends SpecBuilderKind>(kind: K, factory: string, meta: MetaState): SpecBuilderImpl<K> {
    return new SpecBuilderImpl({ kind, factory, meta: Object.freeze(meta), spec: Object.freeze({}) });
  }

  #meta(patch: MetaState): SpecBuilderImpl<K> {
    return new SpecBuilderImpl({ ...this.#state, meta: Object.freeze({ ...this.#state.meta, ...patch }) });
  }
  #set(field: string, value: unknown): SpecBuilderImpl<K> {
    return new SpecBuilderImpl({
      ...this.#state,
      spec: Object.freeze({ ...this.#state.spec, [field]: value }),
    });
  }
  #append(field: string, values: readonly unknown[]): SpecBuilderImpl<K> {
    const current = (this.#state.spec[field] as readonly unknown[] | undefined) ?? [];
    return this.#set(field, Object.freeze([...current, ...values]));
  }

  name(name: string): SpecBuilderImpl<K> {
    return this.#meta({ name });
  }
  namespace(namespace: string): SpecBuilderImpl<K> {
    return this.#meta({ namespace });
  }
  labels(labels: StringMap): SpecBuilderImpl<K> {
    return this.#meta({ labels: copyStringMap({ ...this.#state.meta.labels, ...labels }) });
  }
  annotations(annotations: StringMap): SpecBuilderImpl<K> {
    return this.#meta({ annotations: copyStringMap({ ...this.#state.meta.annotations, ...annotations }) });
  }

  // Tier
  order(order: number): SpecBuilderImpl<K> {
    return this.#set('order', order);
  }
  defaultAction(action: 'Deny' | 'Pass'): SpecBuilderImpl<K> {
    return this.#set('defaultAction', action);
  }
  // (Global)NetworkSet
  nets(...nets: string[]): SpecBuilderImpl<K> {
    return this.#append('nets', nets);
  }
  // HostEndpoint
  node(node: string): SpecBuilderImpl<K> {
    return this.#set('node', node);
  }
  interfaceName(name: string): SpecBuilderImpl<K> {
    return this.#set('interfaceName', name);
  }
  expectedIPs(...ips: string[]): SpecBuilderImpl<K> {
    return this.#append('expectedIPs', ips);
  }
  profiles(...profiles: string[]): SpecBuilderImpl<K> {
    return this.#append('profiles', profiles);
  }
  port(name: string, protocol: unknown, port: number): SpecBuilderImpl<K> {
    return this.#append('ports', [Object.freeze({ name, protocol, port })]);
  }
  // StagedKubernetesNetworkPolicy
  podSelector(selector: unknown): SpecBuilderImpl<K> {
    return this.#set('podSelector', selector);
  }
  ingress(...rules: unknown[]): SpecBuilderImpl<K> {
    return this.#append('ingress', rules);
  }
  egress(...rules: unknown[]): SpecBuilderImpl<K> {
    return this.#append('egress', rules);
  }
  policyTypes(...types: string[]): SpecBuilderImpl<K> {
    return this.#set('policyTypes', Object.freeze([...types]));
  }
  stagedAction(action: string): SpecBuilderImpl<K> {
    return this.#set('stagedAction', action);
  }

  build(): Result<CalicoResourceOf<K>> {
    const s = this.#state;
    if (s.meta.name === undefined) return missingName(s.factory);
    const metadata = ordered<ObjectMeta>(
      {
        ...s.meta,
        labels: s.meta.labels && { ...s.meta.labels },
        annotations: s.meta.annotations && { ...s.meta.annotations },
      },
      METADATA_KEYS,
    );
    const spec = structuredCopy(ordered<Record<string, unknown>>(s.spec, SPEC_KEYS[s.kind]));
    // StagedKubernetesNetworkPolicy requires `podSelector`; `{}` selects every pod of the namespace.
    const withRequired =
      s.kind === 'StagedKubernetesNetworkPolicy' ? { ...spec, podSelector: spec.podSelector ?? {} } : spec;
    const body = ordered<Record<string, unknown>>(
      { apiVersion: CALICO_API_VERSION, kind: s.kind, metadata },
      RESOURCE_KEYS,
    );
    return checked({
      ...body,
      spec: reorder(withRequired, SPEC_KEYS[s.kind]),
    } as unknown as CalicoResourceOf<K>);
  }

  toResource(): CalicoResourceOf<K> {
    return unwrap(this.build());
  }
}

/** A fresh copy of plain JSON-shaped data (so freezing the output never freezes caller objects). */
function structuredCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(structuredCopy) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCopy(v)])) as T;
  }
  return value;
}

/** Puts keys in `order`, keeping empty objects that `ordered` would drop (a required `podSelector: {}`). */
function reorder(
  value: Readonly<Record<string, unknown>>,
  order: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
