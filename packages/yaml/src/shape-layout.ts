/**
 * The printer's layout vocabulary (`Shape`) and its constructors, shared by the Calico kinds'
 * layouts (`shapes.ts`) and the network-policy-api kinds' (`npa-shapes.ts`).
 */

/**
 * How the printer lays out one value: an object whose known keys come first in upstream order
 * (then unknown keys in input order), a list of one shape, a free-form string map (keys sorted,
 * as Go's encoder sorts map keys), or anything else (kept in input order all the way down).
 *
 * @example
 * ```ts
 * const labels: Shape = { type: 'map' };
 * ```
 */
export type Shape =
  | {
      readonly type: 'object';
      readonly keys: readonly string[];
      readonly known: ReadonlySet<string>;
      readonly fields: Readonly<Record<string, Shape>>;
    }
  | { readonly type: 'list'; readonly item: Shape }
  | { readonly type: 'map' }
  | { readonly type: 'any' };

/**
 * Anything (raw JSON, a kind without a layout): kept in input order all the way down.
 *
 * @example
 * ```ts
 * ANY.type; // 'any'
 * ```
 */
export const ANY: Shape = { type: 'any' };

/**
 * A free-form string map (labels, annotations): keys sorted, as Go's encoder sorts map keys.
 *
 * @example
 * ```ts
 * MAP.type; // 'map'
 * ```
 */
export const MAP: Shape = { type: 'map' };

/**
 * A list whose items share one shape.
 *
 * @example
 * ```ts
 * list(MAP); // { type: 'list', item: { type: 'map' } }
 * ```
 */
export const list = (item: Shape): Shape => ({ type: 'list', item });

/**
 * An object printed with `keys` first in that (upstream) order, `fields` giving nested layouts.
 *
 * @example
 * ```ts
 * object(['name', 'namespace']).type; // 'object'
 * ```
 */
export const object = (keys: readonly string[], fields: Readonly<Record<string, Shape>> = {}): Shape => ({
  type: 'object',
  keys,
  known: new Set(keys),
  fields,
});
