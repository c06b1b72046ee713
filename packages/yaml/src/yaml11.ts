/**
 * What calicoctl and the Kubernetes API make of a plain (unquoted) scalar. Both read YAML with
 * sigs.k8s.io/yaml on go-yaml v2, a YAML 1.1 reader; this mirrors go-yaml v2's `resolve.go`:
 * `y`/`yes`/`on`/`n`/`no`/`off` (three spellings each) are booleans, integers are read by Go's
 * `strconv.ParseInt(s, 0, 64)` after removing every `_` (so `017` is octal 15, `0x1F`, `0o17`,
 * `0b101`, `1_000` and `+0x1F` are numbers), then `ParseUint`, then YAML-style floats.
 * Timestamps stay strings when decoded into untyped data, and go-yaml v2 purposely does not
 * read sexagesimal `1:20` as a number, so both are strings here too.
 *
 * @example
 * ```ts
 * const value: GoYamlValue = { type: 'int', value: 15 };
 * ```
 */
export type GoYamlValue =
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'null'; readonly value: null }
  | { readonly type: 'int' | 'float'; readonly value: number }
  | { readonly type: 'string'; readonly value: string };

const GO_YAML_MAP = new Map<string, GoYamlValue>();
for (const [value, spellings] of [
  [true, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']],
  [false, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']],
] as const) {
  for (const s of spellings) GO_YAML_MAP.set(s, { type: 'bool', value });
}
for (const s of ['', '~', 'null', 'Null', 'NULL']) GO_YAML_MAP.set(s, { type: 'null', value: null });
for (const s of ['.nan', '.NaN', '.NAN']) GO_YAML_MAP.set(s, { type: 'float', value: Number.NaN });
for (const sign of ['', '+', '-']) {
  for (const s of ['.inf', '.Inf', '.INF']) {
    GO_YAML_MAP.set(sign + s, { type: 'float', value: sign === '-' ? -Infinity : Infinity });
  }
}

// The first characters go-yaml's resolve table sends past "it is a string".
const HINTED = /^[-+0-9yYnNtTfFoO~.]/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Resolves a plain scalar the way go-yaml v2 does (calicoctl's and kubectl's reader).
 *
 * @example
 * ```ts
 * goYamlResolve('017'); // { type: 'int', value: 15 }
 * goYamlResolve('on'); // { type: 'bool', value: true }
 * goYamlResolve('30000:32767'); // { type: 'string', value: '30000:32767' }
 * ```
 */
export function goYamlResolve(plain: string): GoYamlValue {
  const string: GoYamlValue = { type: 'string', value: plain };
  if (plain !== '' && !HINTED.test(plain)) return string;
  const mapped = GO_YAML_MAP.get(plain);
  if (mapped !== undefined) return mapped;
  const first = plain.charAt(0);
  if (first === '.') return DOT_FLOAT.test(plain) ? { type: 'float', value: Number(plain) } : string;
  if (!/^[-+0-9]/.test(first)) return string;
  const digits = plain.replaceAll('_', '');
  const int = parseGoInt(digits);
  if (int !== undefined) return { type: 'int', value: Number(int) };
  if (YAML_STYLE_FLOAT.test(digits)) return { type: 'float', value: Number(digits) };
  return string;
}

/** Go's `ParseInt(s, 0, 64)`, falling back to `ParseUint(s, 0, 64)`; `undefined` when both fail. */
function parseGoInt(s: string): bigint | undefined {
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (match === null) return undefined;
  const [, sign = '', body = ''] = match;
  let magnitude: bigint;
  if (/^0[0-7]+$/.test(body)) magnitude = BigInt(`0o${body.slice(1)}`);
  else magnitude = BigInt(body.replace(/^0([XBO])/, (_m, p: string) => `0${p.toLowerCase()}`));
  const value = sign === '-' ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return value;
  return sign === '' && value <= UINT64_MAX ? value : undefined;
}

/**
 * Why calicoctl would read this plain scalar differently from `fromYaml` (which reads YAML 1.2),
 * with the fix, or `undefined` when both read the same value. `value` is what YAML 1.2 made of
 * `plain`.
 *
 * @example
 * ```ts
 * yaml11Difference('017', 17); // '017 is 17 in YAML 1.2 but 15 for calicoctl and kubectl …'
 * yaml11Difference('TCP', 'TCP'); // undefined
 * ```
 */
export function yaml11Difference(plain: string, value: unknown): string | undefined {
  const go = goYamlResolve(plain);
  if (sameValue(go, value)) return undefined;
  const shown = plain.length > 40 ? `${plain.slice(0, 37)}...` : plain;
  const readers = 'calicoctl and kubectl (which read YAML 1.1)';
  const here = typeof value === 'string' ? `the string "${shown}"` : `${String(value)}`;
  switch (go.type) {
    case 'bool':
      return `${shown} is ${here} in YAML 1.2 but the boolean ${go.value} for ${readers}: an ambiguous scalar; quote it ("${shown}") for the string, or write ${go.value}`;
    case 'int':
    case 'float': {
      const octal = /^[-+]?0[0-9]/.test(plain) && go.type === 'int' ? ', a leading 0 means octal there' : '';
      const fix =
        typeof value === 'number'
          ? `write ${String(value)} without the leading zeros (or ${String(go.value)} if that was meant), or quote it ("${shown}") for the string`
          : `quote it ("${shown}") for the string, or write ${String(go.value)}`;
      return `${shown} is ${here} in YAML 1.2 but the number ${String(go.value)} for ${readers}${octal}: an ambiguous scalar; ${fix}`;
    }
    case 'null':
    case 'string':
      return `${shown} is ${here} in YAML 1.2 but ${go.type === 'null' ? 'null' : `the string "${shown}"`} for ${readers}: an ambiguous scalar; quote it or write it the YAML 1.1 way`;
    default:
      return assertNever(go);
  }
}

/**
 * True when a YAML 1.1 reader (go-yaml v2, as used by calicoctl and kubectl) would read this
 * string, written plain, as something other than the same string: `toYaml` quotes those.
 *
 * @example
 * ```ts
 * goYamlMisreads('0X1F'); // true
 * goYamlMisreads('allow-dns'); // false
 * ```
 */
export function goYamlMisreads(value: string): boolean {
  if (value !== '' && !HINTED.test(value)) return false;
  return goYamlResolve(value).type !== 'string';
}

function sameValue(go: GoYamlValue, value: unknown): boolean {
  switch (go.type) {
    case 'bool':
    case 'string':
      return go.value === value;
    case 'null':
      return value === null || value === undefined;
    case 'int':
    case 'float':
      return (
        typeof value === 'number' && (go.value === value || (Number.isNaN(go.value) && Number.isNaN(value)))
      );
    default:
      return assertNever(go);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${String(value)}`);
}
