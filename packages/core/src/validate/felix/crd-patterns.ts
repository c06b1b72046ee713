/**
 * The `pattern`s of the FelixConfiguration CRD (`projectcalico.org_felixconfigurations.yaml`),
 * and the log level one the BGPConfiguration CRD shares, each with the value test and what to
 * write instead. Kubernetes runs them with Go's RE2, which never backtracks; JavaScript does, so
 * a pattern whose nested repeats could take exponential time on hostile input is tested by an
 * equivalent written not to (and the tests compare the two on short strings).
 */
import { LOG_SEVERITIES } from '../../resources/bgp-configuration.js';

/** A CRD `pattern` and how to tell a user what matches it. */
export interface CrdPattern {
  /** The pattern as the CRD spells it (quoted in messages). */
  readonly source: string;
  /** Whether a value matches. */
  readonly test: (value: string) => boolean;
  /** What to write instead, for messages. */
  readonly hint: string;
}

/** `a`, `a or b`, `a, b or c`. */
function orList(values: readonly string[]): string {
  return values.length <= 1
    ? (values[0] ?? '')
    : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/**
 * The CRD's case-insensitive enum pattern `^(?i)(A|B)?$` (kubebuilder `Pattern` on a plain
 * string). Go's `(?i)` folds case by Unicode simple folding, as JavaScript's `iu` flags do.
 *
 * @example
 * ```ts
 * anyCase('Drop', 'Accept', 'Return').test('accept'); // true
 * anyCase('Drop', 'Accept', 'Return').source;         // '^(?i)(Drop|Accept|Return)?$'
 * ```
 */
export function anyCase(...values: readonly string[]): CrdPattern {
  const regex = new RegExp(`^(?:${values.join('|')})?$`, 'iu');
  return {
    source: `^(?i)(${values.join('|')})?$`,
    test: (value) => regex.test(value),
    hint: `use ${orList(values)} (any case)`,
  };
}

/**
 * The CRD pattern of a `logSeverity*` field (BGPConfiguration's and FelixConfiguration's):
 * one of Calico's log levels, in any case.
 *
 * @example
 * ```ts
 * LOG_SEVERITY.test('warning'); // true
 * LOG_SEVERITY.test('Critical'); // false
 * ```
 */
export const LOG_SEVERITY = anyCase(...LOG_SEVERITIES);

function regexPattern(source: string, regex: RegExp, hint: string): CrdPattern {
  return { source, test: (value) => regex.test(value), hint };
}

/** felixconfig.go:274 FeatureDetectOverride. */
export const FEATURE_DETECT_OVERRIDE = regexPattern(
  '^([a-zA-Z0-9-_]+=(true|false|),)*([a-zA-Z0-9-_]+=(true|false|))?$',
  // Keys cannot hold "=" or ",", so this backtracks at most one step per character.
  /^(?:[a-zA-Z0-9_-]+=(?:true|false|),)*(?:[a-zA-Z0-9_-]+=(?:true|false|))?$/,
  'write comma-separated Name=true, Name=false or Name= entries, e.g. "SNATFullyRandom=true,MASQFullyRandom=false"',
);

const FEATURE_NAME = /^[a-zA-Z0-9_-]+$/;

/**
 * felixconfig.go:281 FeatureGates, `^([a-zA-Z0-9-_]+=([^=]+),)*([a-zA-Z0-9-_]+=([^=]+))?$`.
 * A value may hold commas, so the regex splits a text many ways; between two `=` the split can
 * only fall at the last comma (a name holds no comma), which this checks directly.
 */
function isFeatureGates(value: string): boolean {
  if (value === '') return true;
  const parts = value.split('=');
  if (parts.length < 2 || !FEATURE_NAME.test(parts[0]!)) return false;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const comma = part.lastIndexOf(',');
    if (comma < 1 || !FEATURE_NAME.test(part.slice(comma + 1))) return false;
  }
  return parts[parts.length - 1] !== '';
}

/** felixconfig.go:281 FeatureGates. */
export const FEATURE_GATES: CrdPattern = {
  source: '^([a-zA-Z0-9-_]+=([^=]+),)*([a-zA-Z0-9-_]+=([^=]+))?$',
  test: isFeatureGates,
  hint: 'write comma-separated Name=value entries, e.g. "BPFConnectTimeLoadBalancingWorkaround=enabled"',
};

/** felixconfig.go:389 LogPrefix. */
export const LOG_PREFIX = regexPattern(
  '^([a-zA-Z0-9%: /_-])*$',
  /^[a-zA-Z0-9%: /_-]*$/,
  'use letters, digits, spaces and %:/_- only, e.g. "calico-packet %t/%n"',
);

/** felixconfig.go:395 LogActionRateLimit. */
export const LOG_ACTION_RATE_LIMIT = regexPattern(
  '^[1-9]\\d{0,3}/(?:second|minute|hour|day)$',
  /^[1-9][0-9]{0,3}\/(?:second|minute|hour|day)$/,
  'write a count of 1-9999 per second, minute, hour or day, e.g. "10/second"',
);

/**
 * felixconfig.go:1300 BPFConntrackTimeout, `^(([0-9]*(\.[0-9]*)?(ms|s|h|m|us)+)+|Auto)$`. Its
 * nested `+`s split a run of unit letters in exponentially many ways; a run of `m`, `s`, `h` and
 * `us` taken whole (the lookahead) is the same language without the blow-up.
 */
export const BPF_CONNTRACK_TIMEOUT = regexPattern(
  '^(([0-9]*(\\.[0-9]*)?(ms|s|h|m|us)+)+|Auto)$',
  /^(?:Auto|(?:[0-9]*(?:\.[0-9]*)?(?:[msh]|us)+(?![msh]|u))+)$/,
  'write a duration in h, m, s, ms or us such as "30s" or "1h", or "Auto"',
);

/**
 * The CRD pattern of most `*metav1.Duration` fields (kubebuilder `Pattern` written with `\\.` in
 * a Go raw string, so the regex wants a backslash where a fraction's dot would be). It is tested
 * on the text Go marshals (`1m30s`, `1.5s`, `500ms`), so a duration Go prints with a fraction, a
 * sign or a unit below milliseconds (`µs`, `ns`) fails it.
 */
export const GO_DURATION = regexPattern(
  '^([0-9]+(\\\\.[0-9]+)?(ms|s|m|h))*$',
  /^(?:[0-9]+(?:\\.[0-9]+)?(?:ms|s|m|h))*$/,
  'round it to whole seconds, or to whole milliseconds below one second (e.g. "2s", "1m30s", "500ms")',
);

/** felixconfig.go:1113 LiveMigrationRouteConvergenceTime: the same pattern, with `\.` this time. */
export const GO_DURATION_WITH_FRACTION = regexPattern(
  '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))*$',
  /^(?:[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h))*$/,
  'write a positive duration in h, m, s or ms (e.g. "30s", "1.5s", "500ms")',
);
