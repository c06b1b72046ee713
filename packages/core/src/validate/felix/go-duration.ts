/**
 * Go's `time.Duration` text form, as `metav1.Duration` reads and writes it in JSON:
 * `UnmarshalJSON` is `time.ParseDuration`, `MarshalJSON` is `Duration.String()`. Calico checks a
 * FelixConfiguration's CRD patterns against the marshalled text (`Validate` round-trips the Go
 * struct through JSON), so both directions are needed. Nanoseconds are `bigint`: an int64 does
 * not fit a JS number.
 */

const MAX_INT64 = (1n << 63n) - 1n;
const OVERFLOW = 1n << 63n;

const NANOSECOND = 1n;
const MICROSECOND = 1000n * NANOSECOND;
const MILLISECOND = 1000n * MICROSECOND;
const SECOND = 1000n * MILLISECOND;
const MINUTE = 60n * SECOND;
const HOUR = 60n * MINUTE;

// time.unitMap: both micro signs are accepted (U+00B5 and U+03BC).
const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', NANOSECOND],
  ['us', MICROSECOND],
  ['\u00b5s', MICROSECOND],
  ['\u03bcs', MICROSECOND],
  ['ms', MILLISECOND],
  ['s', SECOND],
  ['m', MINUTE],
  ['h', HOUR],
]);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Parses a Go duration string exactly as `time.ParseDuration` does: an optional sign, then one
 * or more `<number><unit>` parts (`"1h30m"`, `"1.5s"`, `"500ms"`), or a bare `"0"`. Returns the
 * nanoseconds, or `undefined` when Go would fail to decode it.
 *
 * @example
 * ```ts
 * parseGoDuration('1m30s'); // 90_000_000_000n
 * parseGoDuration('0');     // 0n
 * parseGoDuration('90');    // undefined (a unit is required)
 * ```
 */
export function parseGoDuration(text: string): bigint | undefined {
  let s = text;
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return undefined;
  let total = 0n;
  let i = 0;
  while (i < s.length) {
    if (!(s[i] === '.' || isDigit(s[i]))) return undefined;
    // leadingInt: overflow past 1<<63 is an error.
    let whole = 0n;
    const intStart = i;
    while (isDigit(s[i])) {
      whole = whole * 10n + BigInt(s.charCodeAt(i) - 48);
      if (whole > OVERFLOW) return undefined;
      i++;
    }
    const pre = i > intStart;
    // leadingFraction: stops gaining precision on overflow instead of failing.
    let frac = 0n;
    let scale = 1;
    let post = false;
    if (s[i] === '.') {
      i++;
      const fracStart = i;
      let overflow = false;
      while (isDigit(s[i])) {
        if (!overflow) {
          const next = frac * 10n + BigInt(s.charCodeAt(i) - 48);
          if (frac > MAX_INT64 / 10n || next > OVERFLOW) overflow = true;
          else {
            frac = next;
            scale *= 10;
          }
        }
        i++;
      }
      post = i > fracStart;
    }
    if (!pre && !post) return undefined;
    const unitStart = i;
    while (i < s.length && s[i] !== '.' && !isDigit(s[i])) i++;
    const unit = UNITS.get(s.slice(unitStart, i));
    if (unit === undefined) return undefined;
    if (whole > OVERFLOW / unit) return undefined;
    let v = whole * unit;
    if (frac > 0n) {
      // Go computes the fraction in float64: uint64(float64(f) * (float64(unit) / scale)).
      v += BigInt(Math.trunc(Number(frac) * (Number(unit) / scale)));
      if (v > OVERFLOW) return undefined;
    }
    total += v;
    if (total > OVERFLOW) return undefined;
  }
  if (neg) return -total;
  return total > MAX_INT64 ? undefined : total;
}

/** fmtFrac: the fraction digits of v / 10^prec without trailing zeros, and v / 10^prec. */
function fraction(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let printing = false;
  let rest = v;
  for (let i = 0; i < prec; i++) {
    const digit = rest % 10n;
    printing ||= digit !== 0n;
    if (printing) digits = `${digit}${digits}`;
    rest /= 10n;
  }
  return [printing ? `.${digits}` : '', rest];
}

/**
 * Prints nanoseconds as Go's `Duration.String()` does (what `metav1.Duration` marshals):
 * `"1m30s"`, `"1h0m0s"`, `"1.5s"`, `"500ms"`, `"1µs"`, `"0s"`.
 *
 * @example
 * ```ts
 * formatGoDuration(90_000_000_000n); // '1m30s'
 * formatGoDuration(1_500_000n);      // '1.5ms'
 * ```
 */
export function formatGoDuration(nanoseconds: bigint): string {
  const sign = nanoseconds < 0n ? '-' : '';
  const u = nanoseconds < 0n ? -nanoseconds : nanoseconds;
  if (u === 0n) return '0s';
  if (u < SECOND) {
    const [unit, prec]: [string, number] =
      u < MICROSECOND ? ['ns', 0] : u < MILLISECOND ? ['\u00b5s', 3] : ['ms', 6];
    const [frac, whole] = fraction(u, prec);
    return `${sign}${whole}${frac}${unit}`;
  }
  const [frac, seconds] = fraction(u, 9);
  const minutes = seconds / 60n;
  const hours = minutes / 60n;
  const s = `${seconds % 60n}${frac}s`;
  if (minutes === 0n) return `${sign}${s}`;
  const m = `${minutes % 60n}m${s}`;
  return hours === 0n ? `${sign}${m}` : `${sign}${hours}h${m}`;
}
