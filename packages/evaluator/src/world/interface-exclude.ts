/**
 * FelixConfiguration `interfaceExclude`: the interfaces Felix leaves out when it resolves host
 * endpoints. Its interface monitor reports no addresses for them
 * (`felix/ifacemonitor/iface_monitor.go` `isExcludedInterface`), and `endpoint_mgr.go`
 * `resolveHostEndpoints` only binds host endpoints to interfaces whose addresses it was told:
 * a HEP naming an excluded interface, or listing one of its addresses, never governs it, and
 * the packet meets the `*` HEP's chains (or none).
 */

import { goRegexp } from '@calico-dsl/core';

/** `config_params.go`: `InterfaceExclude … config:"iface-list-regexp;kube-ipvs0"`. */
const DEFAULT = 'kube-ipvs0';
// config_params.go RegexpIfaceElemRegexp (`^/[^\s]+/$`; Go's `\s` is `[\t\n\f\r ]`) and
// NonRegexpIfaceElemRegexp.
const REGEXP_ELEM = /^\/[^\t\n\f\r ]+\/$/;
const NAME_ELEM = /^[a-zA-Z0-9_-]{1,15}$/;

/**
 * What {@link readInterfaceExclude} makes of a value.
 *
 * @example
 * ```ts
 * const { patterns, unreadable }: InterfaceExclude = readInterfaceExclude('/^\\pL+0$/,eth9');
 * // patterns: [/^eth9$/]; unreadable: ['/^\\pL+0$/'] (Go syntax with no JavaScript rewrite)
 * readInterfaceExclude('eth1,/^eth(?=1)/').refused; // why Felix cannot parse it (Go has no lookahead)
 * ```
 */
export interface InterfaceExclude {
  /** The patterns, each matched against the whole interface name as Go's `MatchString` does. */
  readonly patterns: readonly RegExp[];
  /** A `/regex/` element Felix takes that has no JavaScript rewrite (so it is not applied). */
  readonly unreadable: readonly string[];
  /** Why Felix cannot parse the value given, when it cannot: it then uses `kube-ipvs0`. */
  readonly refused?: string;
}

/** The value's patterns, or why Felix cannot parse it. */
function parse(raw: string): InterfaceExclude | string {
  const patterns: RegExp[] = [];
  const unreadable: string[] = [];
  // config_params.go resolve(): "none" (any case) sets a field to its zero value, here no pattern.
  if (raw.toLowerCase() === 'none') return { patterns, unreadable };
  // RegexpPatternListParam.Parse: split on ",", no trimming; any bad element fails the whole value.
  for (const t of raw.split(',')) {
    if (REGEXP_ELEM.test(t)) {
      const body = t.slice(1, -1);
      // Parse compiles the element with Go's regexp.Compile: an error fails the whole value.
      const go = goRegexp(body);
      if (!go.ok) return `${t} is not a Go regular expression (${go.problem})`;
      if (go.js === undefined) unreadable.push(t);
      else patterns.push(go.js);
    } else if (NAME_ELEM.test(t)) patterns.push(new RegExp(`^${t}$`));
    else
      return `${JSON.stringify(t)} is neither an interface name (1-15 letters, digits, "_" or "-") nor a /regex/`;
  }
  return { patterns, unreadable };
}

/**
 * FelixConfiguration `interfaceExclude` as Felix parses it (`param_types.go`
 * `RegexpPatternListParam.Parse`): comma-separated interface names (exact) and `/regex/`
 * elements (Go's regexp, unanchored, as Go's `MatchString`). A value Felix cannot parse (an
 * element that is neither, or that Go's `regexp.Compile` refuses) is replaced with the default
 * `kube-ipvs0` (the parameter is not `die-on-fail`); so is an empty one, which the syncer never
 * sends (`configurationprocessor.go`).
 *
 * @example
 * ```ts
 * readInterfaceExclude(undefined).patterns.map(String); // ['/^kube-ipvs0$/']
 * readInterfaceExclude('kube-ipvs0,/^veth/').patterns.some((p) => p.test('veth12')); // true
 * readInterfaceExclude('/(?i)^ETH/').patterns.some((p) => p.test('eth0')); // true (Go's flags)
 * readInterfaceExclude('eth1.100').patterns.map(String); // ['/^kube-ipvs0$/']: not a valid element
 * readInterfaceExclude('/^eth(?=1)/').refused; // '/^eth(?=1)/ is not a Go regular expression (…)'
 * readInterfaceExclude('none').patterns; // []: Felix's "none" is the zero value
 * ```
 */
export function readInterfaceExclude(value: unknown): InterfaceExclude {
  const parsed = typeof value === 'string' && value !== '' ? parse(value) : undefined;
  if (typeof parsed === 'object') return parsed;
  const fallback = parse(DEFAULT) as InterfaceExclude;
  return parsed === undefined ? fallback : { ...fallback, refused: parsed };
}

/**
 * Whether Felix leaves interface `name` out of host endpoint resolution.
 *
 * @example
 * ```ts
 * isExcludedInterface(readInterfaceExclude(undefined).patterns, 'kube-ipvs0'); // true
 * isExcludedInterface(readInterfaceExclude(undefined).patterns, 'eth0'); // false
 * ```
 */
export function isExcludedInterface(patterns: readonly RegExp[], name: string): boolean {
  return patterns.some((p) => p.test(name));
}
