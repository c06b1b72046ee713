/**
 * FelixConfiguration `interfaceExclude`: the interfaces Felix leaves out when it resolves host
 * endpoints. Its interface monitor reports no addresses for them
 * (`felix/ifacemonitor/iface_monitor.go` `isExcludedInterface`), and `endpoint_mgr.go`
 * `resolveHostEndpoints` only binds host endpoints to interfaces whose addresses it was told:
 * a HEP naming an excluded interface, or listing one of its addresses, never governs it, and
 * the packet meets the `*` HEP's chains (or none).
 */

/** `config_params.go`: `InterfaceExclude … config:"iface-list-regexp;kube-ipvs0"`. */
const DEFAULT = 'kube-ipvs0';
// config_params.go RegexpIfaceElemRegexp and NonRegexpIfaceElemRegexp.
const REGEXP_ELEM = /^\/[^\s]+\/$/;
const NAME_ELEM = /^[a-zA-Z0-9_-]{1,15}$/;

/**
 * What {@link readInterfaceExclude} makes of a value.
 *
 * @example
 * ```ts
 * const { patterns, unreadable }: InterfaceExclude = readInterfaceExclude('/(?i)^eth/,eth9');
 * // patterns: [/^eth9$/]; unreadable: ['/(?i)^eth/'] (Go syntax JavaScript cannot compile)
 * ```
 */
export interface InterfaceExclude {
  /** The patterns, each matched against the whole interface name as Go's `MatchString` does. */
  readonly patterns: readonly RegExp[];
  /** A `/regex/` element Felix may take that JavaScript cannot compile (so it is not applied). */
  readonly unreadable: readonly string[];
}

function parse(raw: string): InterfaceExclude | undefined {
  const patterns: RegExp[] = [];
  const unreadable: string[] = [];
  // config_params.go resolve(): "none" (any case) sets a field to its zero value, here no pattern.
  if (raw.toLowerCase() === 'none') return { patterns, unreadable };
  // RegexpPatternListParam.Parse: split on ",", no trimming; any bad element fails the whole value.
  for (const t of raw.split(',')) {
    if (REGEXP_ELEM.test(t)) {
      try {
        patterns.push(new RegExp(t.slice(1, -1)));
      } catch {
        unreadable.push(t);
      }
    } else if (NAME_ELEM.test(t)) patterns.push(new RegExp(`^${t}$`));
    else return undefined;
  }
  return { patterns, unreadable };
}

/**
 * FelixConfiguration `interfaceExclude` as Felix parses it (`param_types.go`
 * `RegexpPatternListParam.Parse`): comma-separated interface names (exact) and `/regex/`
 * elements (unanchored, as Go's `MatchString`). A value Felix cannot parse is replaced with the
 * default `kube-ipvs0` (the parameter is not `die-on-fail`).
 *
 * @example
 * ```ts
 * readInterfaceExclude(undefined).patterns.map(String); // ['/^kube-ipvs0$/']
 * readInterfaceExclude('kube-ipvs0,/^veth/').patterns.some((p) => p.test('veth12')); // true
 * readInterfaceExclude('eth1.100').patterns.map(String); // ['/^kube-ipvs0$/']: not a valid element
 * readInterfaceExclude('none').patterns; // []: Felix's "none" is the zero value
 * ```
 */
export function readInterfaceExclude(value: unknown): InterfaceExclude {
  const parsed = typeof value === 'string' ? parse(value) : undefined;
  return parsed ?? (parse(DEFAULT) as InterfaceExclude);
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
