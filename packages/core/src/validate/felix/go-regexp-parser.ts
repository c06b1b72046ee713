/**
 * A port of the error paths of Go's `regexp/syntax` parser (Perl flags, as `regexp.Compile` uses)
 * that also writes, as it reads, a JavaScript RegExp source with Go's meaning. For the errors it
 * only tracks what decides one: which stack entries are operands and which are `(` or `|`
 * markers, and how many copies nested `{n,m}` repeats make. The rewrite reads the flags of the
 * flag groups at the start only, and has none for what JavaScript (without the `u` flag) cannot
 * say (`\pL`, a flag group later on, a character outside the BMP in a class, …).
 *
 * Not modelled: Go's limits on the compiled size (about 3 M instructions) and on nesting (1000
 * levels). A pattern that large is accepted here; nothing smaller differs.
 */

import {
  ASSERTIONS,
  CONTROL_ESCAPES,
  FLAGGED,
  foldsToAscii,
  hexValue,
  isAlnum,
  isOctal,
  jsRune,
  literal,
  MAX_REPEAT,
  normaliseUnicodeName,
  PERL_CLASSES,
  POSIX_CLASSES,
  REPEAT_SPEC,
  UNICODE_NAMES,
  unit,
} from './go-regexp-syntax.js';

/** A parse-stack entry: an operand (with the copies its `{n,m}` repeats make), `(` or `|`. */
type Entry = { readonly op: 'operand'; readonly copies: number } | { readonly op: '(' | '|' };

/** Go's refusal, with Go's error text. */
export class GoSyntaxError extends Error {}

/** A parser over `s` that throws {@link GoSyntaxError} with Go's error text. */
export class GoRegexpParser {
  readonly #s: string;
  readonly #stack: Entry[] = [];
  #noPosixClose = false;
  /** The JavaScript source so far; `undefined` once a part has no rewrite. */
  #js: string | undefined = '';
  /** The flags of the flag groups at the start (`(?i)(?s)…`). */
  readonly #flags = new Set<string>();
  /** Where a flag group still counts as one at the start. */
  #leadingEnd = 0;
  /** Whether a character JavaScript does not fold as Go does (K, ſ) appears. */
  #foldsToAscii = false;

  constructor(s: string) {
    this.#s = s;
  }

  #fail(code: string, expr: string): never {
    throw new GoSyntaxError(`${code}: \`${expr}\``);
  }

  /** Appends to the JavaScript source; `undefined`: this part has no rewrite, so the whole has none. */
  #write(text: string | undefined): void {
    this.#js = text === undefined || this.#js === undefined ? undefined : this.#js + text;
  }

  /** The code point at `i` as a string (one or two UTF-16 units). */
  #rune(i: number): string {
    const cp = this.#s.codePointAt(i);
    return cp === undefined ? '' : String.fromCodePoint(cp);
  }

  #operand(copies = 1): void {
    this.#stack.push({ op: 'operand', copies });
  }

  /** Go's concat/alternate: the operands above the last marker collapse into one. */
  #collapse(): void {
    let copies = 1;
    while (this.#stack.length > 0) {
      const top = this.#stack[this.#stack.length - 1]!;
      if (top.op !== 'operand') break;
      copies = Math.max(copies, top.copies);
      this.#stack.pop();
    }
    this.#operand(copies);
  }

  /** Go's swapVerticalBar followed by dropping the bar (at `)` and at the end). */
  #closeAlternation(): void {
    this.#collapse();
    const n = this.#stack.length;
    if (n >= 2 && this.#stack[n - 2]!.op === '|') this.#stack.splice(n - 2, 1);
    this.#collapse();
  }

  /**
   * Reads the whole pattern: throws {@link GoSyntaxError} when Go refuses it, else returns a
   * JavaScript RegExp with Go's meaning, or `undefined` when there is no rewrite.
   */
  parse(): RegExp | undefined {
    const s = this.#s;
    let t = 0;
    let lastRepeat = -1;
    while (t < s.length) {
      let repeat = -1;
      const c = s[t]!;
      switch (c) {
        case '(':
          if (s[t + 1] === '?') t = this.#perlFlags(t);
          else {
            this.#write('(');
            t = this.#push('(', t + 1);
          }
          break;
        case '|':
          this.#collapse();
          // The operand goes below the bar (swapVerticalBar), or a new bar is pushed.
          if (this.#stack.length >= 2 && this.#stack[this.#stack.length - 2]!.op === '|') {
            const top = this.#stack.pop()!;
            this.#stack.splice(this.#stack.length - 1, 0, top);
          } else this.#stack.push({ op: '|' });
          this.#write('|');
          t++;
          break;
        case ')':
          this.#closeAlternation();
          if (this.#stack.length < 2 || this.#stack[this.#stack.length - 2]!.op !== '(') {
            this.#fail('unexpected )', s);
          }
          {
            const inner = this.#stack.pop()!;
            this.#stack.pop();
            this.#stack.push(inner);
          }
          this.#write(')');
          t++;
          break;
        case '[':
          t = this.#charClass(t);
          this.#operand();
          break;
        case '*':
        case '+':
        case '?':
          repeat = t;
          t = this.#repeat(t, t + 1, lastRepeat, undefined);
          break;
        case '{': {
          const parsed = this.#repeatCount(t);
          if (parsed === undefined) {
            // Not a repeat spec: `{` is a literal.
            this.#operand();
            this.#write('\\{');
            t++;
            break;
          }
          const [min, max, after] = parsed;
          if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
            this.#fail('invalid repeat count', s.slice(t, after));
          }
          repeat = t;
          t = this.#repeat(t, after, lastRepeat, [min, max]);
          break;
        }
        case '\\':
          t = this.#escape(t);
          break;
        default: {
          this.#operand();
          const r = this.#rune(t);
          const flagged = FLAGGED.get(r);
          if (flagged !== undefined) this.#write(this.#flags.has(flagged.flag) ? flagged.on : flagged.off);
          else {
            this.#foldsToAscii ||= foldsToAscii(r.codePointAt(0)!);
            this.#write(jsRune(r.codePointAt(0)!, r, false));
          }
          t += r.length;
        }
      }
      lastRepeat = repeat;
    }
    this.#closeAlternation();
    if (this.#stack.length !== 1) this.#fail('missing closing )', s);
    const ignoreCase = this.#flags.has('i');
    if (this.#js === undefined || (ignoreCase && this.#foldsToAscii)) return undefined;
    try {
      return new RegExp(this.#js, ignoreCase ? 'i' : '');
    } catch {
      return undefined; // Go syntax JavaScript refuses
    }
  }

  #push(op: '(' | '|', next: number): number {
    this.#stack.push({ op });
    return next;
  }

  /** `(?flags)`, `(?flags:`, `(?P<name>` and `(?<name>`; returns the index after them. */
  #perlFlags(start: number): number {
    const s = this.#s;
    const named = s.startsWith('(?P<', start) ? 4 : s.startsWith('(?<', start) ? 3 : 0;
    if (named > 0) {
      const end = s.indexOf('>', start);
      if (end < 0) this.#fail('invalid named capture', s.slice(start));
      if (!/^[A-Za-z0-9_]+$/.test(s.slice(start + named, end))) {
        this.#fail('invalid named capture', s.slice(start, end + 1));
      }
      // Names do not change what matches; JavaScript's rules for them differ from Go's.
      this.#write('(');
      return this.#push('(', end + 1);
    }
    let t = start + 2;
    let negated = false;
    let sawFlag = false;
    const set: string[] = [];
    const cleared: string[] = [];
    while (t < s.length) {
      const c = this.#rune(t);
      t += c.length;
      if (c === 'i' || c === 'm' || c === 's' || c === 'U') {
        sawFlag = true;
        (negated ? cleared : set).push(c);
      } else if (c === '-' && !negated) {
        negated = true;
        sawFlag = false;
      } else if ((c === ':' || c === ')') && (!negated || sawFlag)) {
        if (c === ':') {
          // A group with flags would change how `.`, `^` and `$` read inside it: no rewrite.
          this.#write(t === start + 3 ? '(?:' : undefined);
          return this.#push('(', t);
        }
        if (start !== this.#leadingEnd)
          this.#write(undefined); // flags from here on: no rewrite
        else {
          for (const f of set) this.#flags.add(f);
          for (const f of cleared) this.#flags.delete(f);
          this.#leadingEnd = t;
        }
        return t;
      } else break;
    }
    return this.#fail('invalid or unsupported Perl syntax', s.slice(start, t));
  }

  /** `{n}`, `{n,}` or `{n,m}` at `start` (Go's parseRepeat: no leading zeros): [min, max (-1:
   * unbounded), index after], or `undefined` when `{` starts no repeat. */
  #repeatCount(start: number): [number, number, number] | undefined {
    REPEAT_SPEC.lastIndex = start;
    const m = REPEAT_SPEC.exec(this.#s);
    if (m === null) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === undefined ? -1 : Number(m[3]);
    return [min, max, start + m[0].length];
  }

  /** Applies `*`, `+`, `?` or `{min,max}` to the top operand; returns the index after it. */
  #repeat(before: number, after: number, lastRepeat: number, count: [number, number] | undefined): number {
    const s = this.#s;
    let next = after;
    if (s[next] === '?') next++; // non-greedy
    // In Perl, repetitions do not stack: a** is an error.
    if (lastRepeat >= 0) this.#fail('invalid nested repetition operator', s.slice(lastRepeat, next));
    const top = this.#stack[this.#stack.length - 1];
    if (top === undefined || top.op !== 'operand') {
      this.#fail('missing argument to repetition operator', s.slice(before, next));
    }
    if (count !== undefined) {
      const [min, max] = count;
      // repeatIsValid: nested {n,m} repeats may make at most 1000 copies; {0} ends the count.
      const m = max < 0 ? min : max;
      const copies = max === 0 ? 1 : m === 0 ? top.copies : m * top.copies;
      if ((min >= 2 || max >= 2) && copies > MAX_REPEAT)
        this.#fail('invalid repeat count', s.slice(before, next));
      this.#stack[this.#stack.length - 1] = { op: 'operand', copies };
    }
    // JavaScript writes the operator as Go does (greediness does not change whether a name matches).
    this.#write(s.slice(before, next));
    return next;
  }

  /** A backslash outside a class; returns the index after the escape. */
  #escape(start: number): number {
    const s = this.#s;
    const c = s[start + 1];
    const assertion = c === undefined ? undefined : ASSERTIONS.get(c);
    if (assertion !== undefined) {
      this.#operand();
      this.#write(assertion);
      return start + 2;
    }
    if (c === 'C') this.#fail('invalid escape sequence', '\\C');
    if (c === 'Q') {
      // \Q…\E: literal text (an empty \Q\E pushes nothing).
      const end = s.indexOf('\\E', start + 2);
      const text = s.slice(start + 2, end < 0 ? s.length : end);
      for (let i = 0; i < text.length; ) {
        const r = this.#rune(start + 2 + i);
        this.#operand();
        this.#foldsToAscii ||= foldsToAscii(r.codePointAt(0)!);
        this.#write(jsRune(r.codePointAt(0)!, literal(r), false));
        i += r.length;
      }
      return end < 0 ? s.length : end + 2;
    }
    const perl = this.#classEscape(start);
    if (perl !== undefined) {
      this.#write(perl[1] === undefined ? undefined : `[${perl[1]}]`);
      this.#operand();
      return perl[0];
    }
    const [cp, next, text] = this.#singleEscape(start);
    this.#foldsToAscii ||= foldsToAscii(cp);
    this.#write(jsRune(cp, text, false));
    this.#operand();
    return next;
  }

  /** `\pN`, `\p{Name}`, `\PN`, `\d`, …: [the index after it, its JavaScript class items
   * (`undefined`: no rewrite)], or undefined when not one. */
  #classEscape(start: number): [number, string | undefined] | undefined {
    const s = this.#s;
    const c = s[start + 1];
    if (c === 'p' || c === 'P') {
      let name: string;
      let end: number;
      if (s[start + 2] === '{') {
        const close = s.indexOf('}', start);
        if (close < 0) this.#fail('invalid character class range', s.slice(start));
        name = s.slice(start + 3, close);
        end = close + 1;
      } else {
        name = this.#rune(start + 2);
        end = start + 2 + name.length;
      }
      if (name.startsWith('^')) name = name.slice(1);
      if (!UNICODE_NAMES.has(normaliseUnicodeName(name)) || name === '') {
        this.#fail('invalid character class range', s.slice(start, end));
      }
      // Unicode classes need JavaScript's u flag, which changes other syntax: no rewrite.
      return [end, undefined];
    }
    const items = c === undefined ? undefined : PERL_CLASSES.get(c);
    return items === undefined ? undefined : [start + 2, items];
  }

  /** parseEscape: one escaped character; returns [its code point, the index after it, its
   * JavaScript text when the code point is one UTF-16 unit]. */
  #singleEscape(start: number): [number, number, string] {
    const s = this.#s;
    let t = start + 1;
    if (t >= s.length) this.#fail('trailing backslash at end of expression', '');
    const c = this.#rune(t);
    t += c.length;
    const bad = (): never => this.#fail('invalid escape sequence', s.slice(start, t));
    // Go takes `\` before ASCII punctuation only: the character itself.
    if (c.length === 1 && c.charCodeAt(0) < 0x80 && !isAlnum(c)) return [c.charCodeAt(0), t, literal(c)];
    if (c >= '1' && c <= '7' && !isOctal(s[t])) return bad(); // a backreference: unsupported
    if (c >= '0' && c <= '7') {
      let r = c.charCodeAt(0) - 48;
      for (let i = 1; i < 3 && isOctal(s[t]); i++) r = r * 8 + (s.charCodeAt(t++) - 48);
      return [r, t, unit(r)];
    }
    if (c === 'x') {
      if (t >= s.length) return bad();
      if (s[t] === '{') {
        t++;
        let r = 0;
        let digits = 0;
        for (;;) {
          if (t >= s.length) return bad();
          const h = this.#rune(t);
          t += h.length;
          if (h === '}') break;
          const v = hexValue(h);
          if (v < 0) return bad();
          r = r * 16 + v;
          if (r > 0x10ffff) return bad();
          digits++;
        }
        return digits === 0 ? bad() : [r, t, unit(r)];
      }
      const x = hexValue(this.#rune(t));
      t += this.#rune(t).length;
      const y = hexValue(s[t]);
      if (t < s.length) t += this.#rune(t).length;
      return x < 0 || y < 0 ? bad() : [x * 16 + y, t, unit(x * 16 + y)];
    }
    const control = CONTROL_ESCAPES.get(c);
    return control === undefined ? bad() : [control[0], t, control[1]];
  }

  /** A `[...]` class at `start`; returns the index after its `]`. */
  #charClass(start: number): number {
    const s = this.#s;
    let t = start + 1;
    this.#write('[');
    if (s[t] === '^') {
      this.#write('^');
      t++;
    }
    // A `]` first in the class is a literal in Go; JavaScript would close an empty class.
    let first = true;
    const missing = (): never => this.#fail('missing closing ]', s.slice(start));
    while (t >= s.length || s[t] !== ']' || first) {
      first = false;
      if (s.startsWith('[:', t) && t + 2 < s.length && !this.#noPosixClose) {
        const close = s.indexOf(':]', t + 2);
        // Once there is no ":]" ahead there never is again: do not scan the rest again.
        this.#noPosixClose = close < 0;
        if (close >= 0) {
          const name = s.slice(t + 2, close);
          const items = POSIX_CLASSES.get(name.startsWith('^') ? name.slice(1) : name);
          if (items === undefined) this.#fail('invalid character class range', s.slice(t, close + 2));
          // A negated POSIX class inside a class is a union with a complement: no rewrite.
          this.#write(name.startsWith('^') ? undefined : items);
          t = close + 2;
          continue;
        }
      }
      if (s[t] === '\\') {
        const perl = this.#classEscape(t);
        if (perl !== undefined) {
          this.#write(perl[1]);
          t = perl[0];
          continue;
        }
      }
      const rangeStart = t;
      const [lo, afterLo, loText] = this.#classChar(t, missing);
      t = afterLo;
      if (s[t] === '-' && t + 1 < s.length && s[t + 1] !== ']') {
        const [hi, afterHi, hiText] = this.#classChar(t + 1, missing);
        t = afterHi;
        if (hi < lo) this.#fail('invalid character class range', s.slice(rangeStart, t));
        this.#foldsToAscii ||= foldsToAscii(lo, hi);
        this.#write(loText === undefined || hiText === undefined ? undefined : `${loText}-${hiText}`);
      } else {
        this.#foldsToAscii ||= foldsToAscii(lo);
        this.#write(loText);
      }
    }
    this.#write(']');
    return t + 1;
  }

  /** One class character: [its code point, the index after it, its JavaScript text]. */
  #classChar(t: number, missing: () => never): [number, number, string | undefined] {
    if (t >= this.#s.length) return missing();
    if (this.#s[t] === '\\') {
      const [cp, next, text] = this.#singleEscape(t);
      return [cp, next, jsRune(cp, text, true)];
    }
    const r = this.#rune(t);
    const cp = r.codePointAt(0)!;
    return [cp, t + r.length, jsRune(cp, literal(r), true)];
  }
}
