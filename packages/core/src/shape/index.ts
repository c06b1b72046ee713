import {
  boolean,
  either,
  integer,
  isObject,
  knownFields,
  list,
  listOf,
  mapping,
  number,
  object,
  oneOf,
  string,
  stringMap,
} from './checks.js';

export type { ShapeCheck, ShapeGuard } from './checks.js';
export { describeThrown, describeValue, hasMethod } from './checks.js';
export {
  checkKubernetesResource,
  KUBERNETES_API_VERSIONS,
  KUBERNETES_NETWORK_POLICY_SPEC,
  KUBERNETES_SHAPES,
  type KubernetesKindKey,
  kubernetesKind,
} from './kubernetes.js';

/**
 * The shape-check combinators, for checking JSON-shaped input the way `fromYaml` and the
 * evaluator do (and `validate` reads every field through): each appends issues (codes
 * `invalid_type`, `invalid_value`, `out_of_range`, `required`, `unknown_field`) with the path of
 * the value at fault.
 *
 * @example
 * ```ts
 * const { object, integer, oneOf } = shapeChecks;
 * const port = object({ port: integer(1, 65535), protocol: oneOf('TCP', 'UDP', 'SCTP') }, ['port']);
 * const issues: Issue[] = [];
 * port({ port: 70000, protocol: 'TCP' }, ['spec', 'ports', 0], issues);
 * // issues: [{ code: 'out_of_range', path: ['spec', 'ports', 0, 'port'], message: 'must be from 1 to 65535, not 70000' }]
 * ```
 */
export const shapeChecks = Object.freeze({
  boolean,
  either,
  integer,
  isObject,
  knownFields,
  list,
  listOf,
  mapping,
  number,
  object,
  oneOf,
  string,
  stringMap,
});
