/**
 * The builder of Kubernetes' own NetworkPolicy (`networking.k8s.io/v1`), the kind `kubectl apply`
 * takes and Calico enforces in its default tier (after every Calico policy of lower order).
 */
import { K8S_NETWORK_POLICY_SPEC_KEYS, METADATA_KEYS } from '../resources/field-order.js';
import { K8S_NETWORKING_API_VERSION, type K8sNetworkPolicy } from '../resources/kubernetes.js';
import type { ObjectMeta } from '../resources/metadata.js';
import type {
  K8sNetworkPolicyEgressRule,
  K8sNetworkPolicyIngressRule,
  K8sNetworkPolicySpec,
  LabelSelector,
  PolicyType,
} from '../resources/policy.js';
import { type Result, unwrap } from '../result.js';
import { missingName, validatedK8sNetworkPolicy } from './build-checks.js';
import { mergeStringMap, type StringMap } from './inputs.js';
import { frozenCopy, inOrder, ordered } from './ir.js';
import type { MetaState } from './policy-impl.js';
import type { ResourceSource } from './resource-source.js';

/**
 * Builds a Kubernetes NetworkPolicy. Rules are the Kubernetes objects themselves (typed);
 * `.ingress()` / `.egress()` also say which directions the policy isolates, so `policyTypes` is
 * always written: the ones set with `.policyTypes()`, else the directions used (Ingress alone when
 * none, as the kube-apiserver defaults it).
 *
 * @example
 * ```ts
 * kubernetesNetworkPolicy('api-from-web', 'shop')
 *   .podSelector({ matchLabels: { app: 'api' } })
 *   .ingress({ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 8080 }] })
 *   .egress()
 *   .toResource();
 * // apiVersion: networking.k8s.io/v1
 * // kind: NetworkPolicy
 * // metadata:
 * //   name: api-from-web
 * //   namespace: shop
 * // spec:
 * //   podSelector:
 * //     matchLabels:
 * //       app: api
 * //   ingress:
 * //   - ports:
 * //     - protocol: TCP
 * //       port: 8080
 * //     from:
 * //     - podSelector:
 * //         matchLabels:
 * //           app: web
 * //   policyTypes:
 * //   - Ingress
 * //   - Egress
 * ```
 */
export interface KubernetesNetworkPolicyBuilder extends ResourceSource<K8sNetworkPolicy> {
  /** Sets `metadata.name`. */
  name(name: string): KubernetesNetworkPolicyBuilder;
  /** Sets `metadata.namespace` (absent: the namespace `kubectl apply` uses). */
  namespace(namespace: string): KubernetesNetworkPolicyBuilder;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): KubernetesNetworkPolicyBuilder;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): KubernetesNetworkPolicyBuilder;
  /** Sets `spec.podSelector` (defaults to `{}`, every pod of the namespace). */
  podSelector(selector: LabelSelector): KubernetesNetworkPolicyBuilder;
  /** Appends ingress rules; with none, isolates ingress (allows nothing in). */
  ingress(...rules: K8sNetworkPolicyIngressRule[]): KubernetesNetworkPolicyBuilder;
  /** Appends egress rules; with none, isolates egress (allows nothing out). */
  egress(...rules: K8sNetworkPolicyEgressRule[]): KubernetesNetworkPolicyBuilder;
  /** Sets `spec.policyTypes` (instead of the directions used). */
  policyTypes(type: PolicyType, ...more: PolicyType[]): KubernetesNetworkPolicyBuilder;
  /** The resource; throws `CalicoValidationError` (with every issue) if the kube-apiserver would reject it. */
  toResource(): K8sNetworkPolicy;
  /** The resource as a `Result`: `{ ok: true, value }` or `{ ok: false, issues }`; never throws. */
  build(): Result<K8sNetworkPolicy>;
}

interface State {
  readonly meta: MetaState;
  readonly spec: Readonly<Partial<K8sNetworkPolicySpec>>;
  /** Directions `.ingress()` / `.egress()` were called for, in call order. */
  readonly governs: readonly PolicyType[];
}

class KubernetesNetworkPolicyImpl implements KubernetesNetworkPolicyBuilder {
  readonly #state: State;

  constructor(state: State) {
    // Caller data is copied and frozen now, so a later change to it changes nothing here.
    this.#state = frozenCopy(state);
    Object.freeze(this);
  }

  #with(patch: Partial<State>): KubernetesNetworkPolicyImpl {
    return new KubernetesNetworkPolicyImpl({ ...this.#state, ...patch });
  }
  #meta(patch: MetaState): KubernetesNetworkPolicyImpl {
    return this.#with({ meta: { ...this.#state.meta, ...patch } });
  }
  #spec(patch: Partial<K8sNetworkPolicySpec>, governs?: PolicyType): KubernetesNetworkPolicyImpl {
    const s = this.#state;
    const directions =
      governs === undefined || s.governs.includes(governs) ? s.governs : [...s.governs, governs];
    return this.#with({ spec: { ...s.spec, ...patch }, governs: directions });
  }

  name(name: string): KubernetesNetworkPolicyImpl {
    return this.#meta({ name });
  }
  namespace(namespace: string): KubernetesNetworkPolicyImpl {
    return this.#meta({ namespace });
  }
  labels(labels: StringMap): KubernetesNetworkPolicyImpl {
    return this.#meta({ labels: mergeStringMap(this.#state.meta.labels, labels) });
  }
  annotations(annotations: StringMap): KubernetesNetworkPolicyImpl {
    return this.#meta({ annotations: mergeStringMap(this.#state.meta.annotations, annotations) });
  }
  podSelector(selector: LabelSelector): KubernetesNetworkPolicyImpl {
    return this.#spec({ podSelector: selector });
  }
  ingress(...rules: K8sNetworkPolicyIngressRule[]): KubernetesNetworkPolicyImpl {
    const all = [...(this.#state.spec.ingress ?? []), ...rules];
    return this.#spec(all.length > 0 ? { ingress: all } : {}, 'Ingress');
  }
  egress(...rules: K8sNetworkPolicyEgressRule[]): KubernetesNetworkPolicyImpl {
    const all = [...(this.#state.spec.egress ?? []), ...rules];
    return this.#spec(all.length > 0 ? { egress: all } : {}, 'Egress');
  }
  policyTypes(type: PolicyType, ...more: PolicyType[]): KubernetesNetworkPolicyImpl {
    return this.#spec({ policyTypes: [type, ...more] });
  }

  build(): Result<K8sNetworkPolicy> {
    const { meta, spec, governs } = this.#state;
    if (meta.name === undefined) return missingName('kubernetesNetworkPolicy');
    const order: readonly PolicyType[] = ['Ingress', 'Egress'];
    const policyTypes = spec.policyTypes ?? order.filter((t) => governs.includes(t));
    return validatedK8sNetworkPolicy({
      apiVersion: K8S_NETWORKING_API_VERSION,
      kind: 'NetworkPolicy',
      metadata: ordered<ObjectMeta>({ ...meta }, METADATA_KEYS),
      // `podSelector` is required, and `{}` (every pod of the namespace) is its default.
      spec: inOrder(
        {
          ...spec,
          podSelector: spec.podSelector ?? {},
          policyTypes: policyTypes.length > 0 ? policyTypes : ['Ingress'],
        },
        K8S_NETWORK_POLICY_SPEC_KEYS,
      ),
    });
  }

  toResource(): K8sNetworkPolicy {
    return unwrap(this.build());
  }
}

/**
 * Starts a Kubernetes NetworkPolicy (`networking.k8s.io/v1`); see
 * {@link KubernetesNetworkPolicyBuilder}.
 *
 * @example
 * ```ts
 * kubernetesNetworkPolicy('default-deny', 'shop').ingress().egress().toResource().spec;
 * // { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }
 * ```
 */
export function kubernetesNetworkPolicy(name?: string, namespace?: string): KubernetesNetworkPolicyBuilder {
  const meta: MetaState = {
    ...(name === undefined ? {} : { name }),
    ...(namespace === undefined ? {} : { namespace }),
  };
  return new KubernetesNetworkPolicyImpl({ meta, spec: {}, governs: [] });
}
