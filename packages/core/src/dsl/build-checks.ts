import type { ValidKind, ValidResource, ValidResourceOf } from '../resources/kinds.js';
import { isK8sNetworkPolicy, type K8sNetworkPolicy } from '../resources/kubernetes.js';
import { fail, ok, type Result } from '../result.js';
import { validate } from '../validate/index.js';

function hasKind<K extends ValidKind>(resource: ValidResource, kind: K): resource is ValidResourceOf<K> {
  return resource.kind === kind && !isK8sNetworkPolicy(resource);
}

/**
 * The last step of every builder's `build()`: the built object goes through `validate`, so a
 * builder never yields a resource Calico would reject; the value is `validate`'s deep-frozen copy.
 * Issues are returned unchanged (their paths point into the resource the builder would have produced).
 * Calico v3 kinds and the network-policy-api kinds (ClusterNetworkPolicy, …) alike.
 */
export function validated<K extends ValidKind>(built: object, kind: K): Result<ValidResourceOf<K>> {
  return validatedAs(built, (r): r is ValidResourceOf<K> => hasKind(r, kind), kind);
}

/** {@link validated} for Kubernetes' own NetworkPolicy (`networking.k8s.io/v1`). */
export function validatedK8sNetworkPolicy(built: object): Result<K8sNetworkPolicy> {
  return validatedAs(built, isK8sNetworkPolicy, 'Kubernetes NetworkPolicy');
}

function validatedAs<R extends ValidResource>(
  built: object,
  is: (resource: ValidResource) => resource is R,
  what: string,
): Result<R> {
  const result = validate(built);
  if (!result.ok) return fail(...result.issues);
  if (is(result.value)) return ok(result.value);
  return fail({
    code: 'internal_error',
    path: ['kind'],
    message: `a ${what} builder produced a ${result.value.kind}`,
  });
}

/** The issue a builder reports when it was never given a `metadata.name`. */
export function missingName<R>(factory: string): Result<R> {
  return fail({
    code: 'required',
    path: ['metadata', 'name'],
    message: `metadata.name is required: pass it to ${factory}('…') or call .name('…')`,
  });
}
