/** A module's exports as its author wrote them, whatever module system loaded it. */

/**
 * The exports of an imported module as written in its source. Importing a CommonJS module — a
 * `.ts` file in a folder without `"type": "module"`, which tsx compiles to CommonJS, or tsc's
 * CommonJS output — gives `{ default: module.exports, …named }`, so `export default` sits at
 * `default.default`. When `module.exports` carries the `__esModule` marker compilers set for
 * ES-module source, its properties are the real exports; any other namespace is returned as is.
 *
 * @example
 * ```ts
 * const cjs = { default: Object.defineProperty({ default: [gnp], tier }, '__esModule', { value: true }), tier };
 * sourceExports(cjs); // { default: [gnp], tier }
 * sourceExports({ default: [gnp], tier }); // the same object: an ES module needs no unwrapping
 * ```
 */
export function sourceExports(namespace: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const exported = namespace.default;
  const compiledEsm =
    typeof exported === 'object' &&
    exported !== null &&
    (exported as { __esModule?: unknown }).__esModule === true;
  return compiledEsm ? (exported as Record<string, unknown>) : { ...namespace };
}
