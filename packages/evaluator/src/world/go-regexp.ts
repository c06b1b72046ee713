/**
 * Go regular expressions (RE2 syntax, `regexp.Compile`) as JavaScript RegExps that match the same
 * interface names. The two languages share most syntax but not all of it: Go has leading flags
 * (`(?i)`), `\A`, `\z`, `\Q…\E`, POSIX classes, `\x{…}`, a `]` first in a class as a literal and
 * `{` that starts no repeat count as a literal, and Go's `.`, `\s`, `^` and `$` take fewer
 * characters than JavaScript's. Each is rewritten here to JavaScript with Go's meaning; what has
 * no such rewrite gives `undefined`, so the caller can say so instead of guessing.
 *
 * The pattern must be one Go compiles (core's `goRegexpProblem` says so): this only rewrites.
 * The names matched are interface names (ASCII), so UTF-16 code units stand for Go's runes.
 */

// Go's `\s` (`[\t\n\f\r ]`, no `\v`) and its complement.
const SPACE = '\\t\\n\\f\\r ';
const NOT_SPACE = '\\x00-\\x08\\x0B\\x0E-\\x1F!-\\uFFFF';

// regexp/syntax perl_groups.go: the POSIX classes are ASCII.
const POSIX: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-/:-@[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

// parse.go parseRepeat: a repeat count has no leading zeros; any other `{` is a literal.
const REPEAT = /\{(?:0|[1-9][0-9]*)(?:,(?:0|[1-9][0-9]*)?)?\}/y;
const LEADING_FLAGS = /\(\?([imsU]*)(?:-([imsU]*))?\)/y;
const NAMED_GROUP = /\(\?P?<[A-Za-z0-9_]+>/y;
const OCTAL = /[0-7]{1,3}/y;
const HEX_BRACED = /x\{([0-9A-Fa-f]+)\}/y;

// `\A`, `\z`, `\b`, `\B` outside a class (grouped: Go lets them take a repeat operator).
const ASSERTIONS: Readonly<Record<string, string>> = {
  A: '(?:(?<![\\s\\S]))',
  z: '(?:(?![\\s\\S]))',
  b: '(?:\\b)',
  B: '(?:\\B)',
};

const unit = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
const literal = (c: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c);

class NotExpressible extends Error {}

/** A Perl class escape (`\d`, `\s`, …) at `s[t]`, as JavaScript class items; `undefined` if none. */
function classEscape(s: string, t: number): string | undefined {
  const c = s[t + 1]!;
  if (s[t] !== '\\' || !'dDwWsSpP'.includes(c)) return undefined;
  // \pN, \p{Name}: Unicode classes need JavaScript's u flag, which changes other syntax.
  if (c === 'p' || c === 'P') throw new NotExpressible();
  return c === 's' ? SPACE : c === 'S' ? NOT_SPACE : `\\${c}`;
}

/** One character (plain or escaped, parse.go parseEscape) at `s[t]`: [JavaScript text, index after it]. */
function oneChar(s: string, t: number, inClass: boolean): [string, number] {
  const ch = String.fromCodePoint(s.codePointAt(t)!);
  if (ch !== '\\') {
    if (ch.length === 1) return [literal(ch), t + 1];
    // A character outside the BMP is two code units in JavaScript.
    if (inClass) throw new NotExpressible();
    return [`(?:${ch})`, t + ch.length];
  }
  const c = s[t + 1]!;
  if ('fnrtv'.includes(c)) return [`\\${c}`, t + 2];
  if (c === 'a') return ['\\x07', t + 2];
  if (c >= '0' && c <= '7') {
    OCTAL.lastIndex = t + 1;
    const digits = OCTAL.exec(s)![0];
    return [unit(Number.parseInt(digits, 8)), t + 1 + digits.length];
  }
  if (c === 'x') {
    HEX_BRACED.lastIndex = t + 1;
    const braced = HEX_BRACED.exec(s);
    const code = Number.parseInt(braced?.[1] ?? s.slice(t + 2, t + 4), 16);
    const after = braced === null ? t + 4 : t + 1 + braced[0].length;
    if (code <= 0xffff) return [unit(code), after];
    if (inClass) throw new NotExpressible();
    return [`(?:${String.fromCodePoint(code)})`, after];
  }
  // Go takes `\` before punctuation only (it refused any other letter here): the character.
  return [literal(c), t + 2];
}

/** A class at `s[start]` (`[`), read as parse.go parseClass does: [JavaScript text, index after its `]`]. */
function charClass(s: string, start: number): [string, number] {
  let t = start + 1;
  let out = '[';
  if (s[t] === '^') {
    out += '^';
    t++;
  }
  // A `]` first in the class is a literal in Go; JavaScript would close an empty class.
  let first = true;
  while (first || s[t] !== ']') {
    first = false;
    const close = s.startsWith('[:', t) ? s.indexOf(':]', t + 2) : -1;
    if (close >= 0) {
      const name = s.slice(t + 2, close);
      // A negated POSIX class inside a class is a union with a complement: not written here.
      if (name.startsWith('^')) throw new NotExpressible();
      out += POSIX[name]!;
      t = close + 2;
      continue;
    }
    const perl = classEscape(s, t);
    if (perl !== undefined) {
      out += perl;
      t += 2;
      continue;
    }
    const [lo, afterLo] = oneChar(s, t, true);
    t = afterLo;
    if (s[t] === '-' && t + 1 < s.length && s[t + 1] !== ']') {
      const [hi, afterHi] = oneChar(s, t + 1, true);
      out += `${lo}-${hi}`;
      t = afterHi;
    } else out += lo;
  }
  return [`${out}]`, t + 1];
}

/**
 * A JavaScript RegExp that matches the interface names Go's `regexp.MustCompile(pattern)
 * .MatchString` matches, or `undefined` when the pattern uses Go syntax with no JavaScript
 * rewrite here (`\pL`, a flag group after the start, …). `pattern` must be one Go compiles.
 *
 * @example
 * ```ts
 * goRegexpToJs('(?i)^ETH[[:digit:]]+\\z')?.test('eth0'); // true
 * goRegexpToJs('^eth1{01}$')?.test('eth1'); // false: Go reads `{01}` as text
 * goRegexpToJs('^\\pL+$'); // undefined
 * ```
 */
export function goRegexpToJs(pattern: string): RegExp | undefined {
  let t = 0;
  const flags = new Set<string>();
  for (let m = LEADING_FLAGS.exec(pattern); m !== null; m = LEADING_FLAGS.exec(pattern)) {
    for (const f of m[1]!) flags.add(f);
    for (const f of m[2] ?? '') flags.delete(f);
    t = LEADING_FLAGS.lastIndex;
  }
  LEADING_FLAGS.lastIndex = 0;
  // Go folds case by Unicode simple folding: K (Kelvin) and ſ fold to ASCII letters; JavaScript
  // without the u flag does not fold them.
  if (flags.has('i') && /[\u017F\u212A]/.test(pattern)) return undefined;
  let out = '';
  try {
    while (t < pattern.length) {
      const c = pattern[t]!;
      if (c === '\\' && pattern[t + 1] === 'Q') {
        const end = pattern.indexOf('\\E', t + 2);
        const text = pattern.slice(t + 2, end < 0 ? pattern.length : end);
        for (const ch of text) out += ch.length > 1 ? `(?:${ch})` : literal(ch);
        t = end < 0 ? pattern.length : end + 2;
      } else if (c === '\\') {
        const perl = classEscape(pattern, t);
        const assertion = ASSERTIONS[pattern[t + 1]!];
        if (perl !== undefined || assertion !== undefined) {
          out += assertion ?? `[${perl}]`;
          t += 2;
        } else {
          const [text, after] = oneChar(pattern, t, false);
          out += text;
          t = after;
        }
      } else if (c === '[') {
        const [text, after] = charClass(pattern, t);
        out += text;
        t = after;
      } else if (c === '{') {
        REPEAT.lastIndex = t;
        const m = REPEAT.exec(pattern);
        out += m === null ? '\\{' : m[0];
        t += m === null ? 1 : m[0].length;
      } else if (c === '(') {
        NAMED_GROUP.lastIndex = t;
        const m = NAMED_GROUP.exec(pattern);
        // A flag group after the start: its flags would change how `.`, `^` and `$` read here.
        if (m === null && pattern[t + 1] === '?' && pattern[t + 2] !== ':') return undefined;
        // Names do not change what matches; JavaScript's rules for them differ from Go's.
        out += '(';
        t += m === null ? 1 : m[0].length;
      } else {
        const ch = String.fromCodePoint(pattern.codePointAt(t)!);
        if (ch === '.') out += flags.has('s') ? '[\\s\\S]' : '[^\\n]';
        else if (ch === '^') out += flags.has('m') ? '(?:(?<![\\s\\S])|(?<=\\n))' : '(?:^)';
        else if (ch === '$') out += flags.has('m') ? '(?:(?=\\n)|(?![\\s\\S]))' : '(?:$)';
        else out += ch.length > 1 ? `(?:${ch})` : ch;
        t += ch.length;
      }
    }
    return new RegExp(out, flags.has('i') ? 'i' : '');
  } catch {
    // NotExpressible, or Go syntax JavaScript refuses (a flag group after the start).
    return undefined;
  }
}
