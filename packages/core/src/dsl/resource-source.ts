import type { CalicoResource, ValidResource } from '../resources/kinds.js';
import { CalicoValidationError } from '../result.js';
import { describeThrown, hasMethod } from '../shape/checks.js';
import { plainCopy, type SnapshotProblem } from '../validate/json.js';

/**
 * Anything that yields a Calico resource: every DSL builder implements it, and `toYaml`,
 * the calicoctl wrapper and the evaluator accept it wherever they accept a resource.
 *
 * @example
 * ```ts
 * const source: ResourceSource = preDnat().name('deny-nodeports').deny().tcp().ports('30000:32767');
 * source.toResource().kind; // 'GlobalNetworkPolicy'
 * ```
 */
export interface ResourceSource<R extends ValidResource = CalicoResource> {
  toResource(): R;
}

/**
 * Whether `value` is a {@link ResourceSource} (a builder) rather than a plain resource object.
 *
 * @example
 * ```ts
 * isResourceSource(preDnat()); // true
 * isResourceSource({ kind: 'Tier' }); // false
 * ```
 */
export function isResourceSource(value: unknown): value is ResourceSource {
  return hasMethod(value, 'toResource');
}

/**
 * Turns a resource or builder (or a list of them) into plain resources.
 *
 * @example
 * ```ts
 * const platform = tier('platform').order(100).toResource();
 * toResources([preDnat('deny-nodeports').deny(), platform]); // [GlobalNetworkPolicy, Tier]
 * ```
 */
export function toResources(
  input: CalicoResource | ResourceSource | readonly (CalicoResource | ResourceSource)[],
): CalicoResource[] {
  const list = resourceItems(input).items as readonly (CalicoResource | ResourceSource)[];
  return list.map((item) => (isResourceSource(item) ? item.toResource() : item));
}

/**
 * The items of what the printers and `toResources` take (one resource or builder, or a list of
 * them), read once; `many` says whether it was a list. A list that cannot be read (a Proxy that
 * throws) throws {@link CalicoValidationError} (`unreadable`).
 *
 * @example
 * ```ts
 * resourceItems([tier('a'), tier('b')]).items.length; // 2
 * resourceItems(tier('a')).many; // false
 * ```
 */
export function resourceItems(input: unknown): { items: readonly unknown[]; many: boolean } {
  try {
    return Array.isArray(input) ? { items: Array.from(input), many: true } : { items: [input], many: false };
  } catch (e) {
    throw new CalicoValidationError([
      { code: 'unreadable', path: [], message: `The input could not be read: ${describeThrown(e)}` },
    ]);
  }
}

/**
 * A resource, or a builder's `toResource()`, as plain data ({@link plainCopy}): what a printer or
 * the evaluator keeps of caller input. A builder that throws is an `unreadable` problem. Never
 * throws.
 *
 * @example
 * ```ts
 * plainResourceOf(tier('security').order(100)).value; // { apiVersion: 'projectcalico.org/v3', kind: 'Tier', … }
 * plainResourceOf({ toResource: () => { throw new Error('half-built'); } }).problems[0]?.code; // 'unreadable'
 * ```
 */
export function plainResourceOf(item: unknown): { value: unknown; problems: SnapshotProblem[] } {
  let source: unknown;
  try {
    source = isResourceSource(item) ? item.toResource() : item;
  } catch (e) {
    return {
      value: undefined,
      problems: [
        {
          code: 'unreadable',
          path: [],
          message: `The builder could not produce a resource: ${describeThrown(e)}`,
        },
      ],
    };
  }
  return plainCopy(source);
}
