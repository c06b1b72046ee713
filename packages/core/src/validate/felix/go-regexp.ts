/**
 * Whether Go's `regexp.Compile` accepts a pattern: Calico's `regexp` validator
 * (`validateRegexp`) compiles Felix's interface patterns with it. JavaScript's RegExp is not the
 * same language (Go has `(?i)`, `[[:alpha:]]`, `\pL`, `\Q…\E`, `(?P<name>…)`; it has no
 * lookaround or backreferences), so this is a port of the error paths of Go's
 * `regexp/syntax` parser (Perl flags, as `regexp.Compile` uses). It only tracks what decides an
 * error: which stack entries are operands and which are `(` or `|` markers, and how many copies
 * nested `{n,m}` repeats make.
 *
 * Not modelled: Go's limits on the compiled size (about 3 M instructions) and on nesting (1000
 * levels). A pattern that large is accepted here; nothing smaller differs.
 */

const POSIX_CLASSES = new Set(
  [
    'alnum',
    'alpha',
    'ascii',
    'blank',
    'cntrl',
    'digit',
    'graph',
    'lower',
    'print',
    'punct',
    'space',
    'upper',
    'word',
    'xdigit',
  ].flatMap((n) => [`[:${n}:]`, `[:^${n}:]`]),
);

const PERL_CLASSES = new Set(['d', 'D', 's', 'S', 'w', 'W']);

// unicode.Categories and unicode.Scripts (Unicode 16, a superset of what Go 1.26 ships), with
// the names and aliases Go 1.25 added (Any, ASCII, Assigned, Cn, LC, Letter for L, …). Go 1.25
// looks names up ignoring case, spaces, "_" and "-"; so does this set (keys are normalised).
const UNICODE_NAMES = new Set(
  [
    'Any ASCII Assigned C Cc Cf Cn Co Cs L LC Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi',
    'Po Ps S Sc Sk Sm So Z Zl Zp Zs Other Control Format Unassigned Private_Use Surrogate Letter',
    'Cased_Letter Lowercase_Letter Modifier_Letter Other_Letter Titlecase_Letter Uppercase_Letter',
    'Mark Combining_Mark Spacing_Mark Enclosing_Mark Nonspacing_Mark Number Decimal_Number digit',
    'Letter_Number Other_Number Punctuation punct Connector_Punctuation Dash_Punctuation',
    'Close_Punctuation Final_Punctuation Initial_Punctuation Other_Punctuation Open_Punctuation',
    'Symbol Currency_Symbol Modifier_Symbol Math_Symbol Other_Symbol Separator Line_Separator',
    'Paragraph_Separator Space_Separator cntrl',
    'Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali',
    'Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian',
    'Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret',
    'Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Garay',
    'Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Gurung_Khema Han',
    'Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inherited',
    'Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li',
    'Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Kirat_Rai Lao Latin Lepcha Limbu Linear_A',
    'Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi',
    'Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi',
    'Mongolian Mro Multani Myanmar Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nko Nushu',
    'Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Ol_Onal Old_Hungarian Old_Italic Old_North_Arabian',
    'Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage Osmanya',
    'Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan',
    'Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese',
    'Sunuwar Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangsa Tangut',
    'Telugu Thaana Thai Tibetan Tifinagh Tirhuta Todhri Toto Tulu_Tigalari Ugaritic Vai Vithkuqi',
    'Wancho Warang_Citi Yezidi Yi Zanabazar_Square',
  ]
    .join(' ')
    .split(' ')
    .map((n) => normaliseUnicodeName(n)),
);

function normaliseUnicodeName(name: string): string {
  return name.replace(/[ _-]/g, '').toLowerCase();
}

const isAlnum = (c: string): boolean => /^[0-9A-Za-z]$/.test(c);
const isOctal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
const hexValue = (c: string | undefined): number =>
  c !== undefined && /^[0-9A-Fa-f]$/.test(c) ? Number.parseInt(c, 16) : -1;

/** A parse-stack entry: an operand (with the copies its `{n,m}` repeats make), `(` or `|`. */
type Entry = { readonly op: 'operand'; readonly copies: number } | { readonly op: '(' | '|' };

const MAX_REPEAT = 1000;
// Sticky: matched in place at a `{`, so a long pattern is not copied for each brace.
const REPEAT_SPEC = /\{(0|[1-9][0-9]*)(?:(,)(0|[1-9][0-9]*)?)?\}/y;

class GoSyntaxError extends Error {}

/** A parser over `s` that throws {@link GoSyntaxError} with Go's error text. */
class GoRegexpParser {
  readonly #s: string;
  readonly #stack: Entry[] = [];
  #noPosixClose = false;

  constructor(s: string) {
    this.#s = s;
  }

  #fail(code: string, expr: string): never {
    throw new GoSyntaxError(`${code}: \`${expr}\``);
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

  parse(): void {
    const s = this.#s;
    let t = 0;
    let lastRepeat = -1;
    while (t < s.length) {
      let repeat = -1;
      const c = s[t]!;
      switch (c) {
        case '(':
          t = s[t + 1] === '?' ? this.#perlFlags(t) : this.#push('(', t + 1);
          break;
        case '|':
          this.#collapse();
          // The operand goes below the bar (swapVerticalBar), or a new bar is pushed.
          if (this.#stack.length >= 2 && this.#stack[this.#stack.length - 2]!.op === '|') {
            const top = this.#stack.pop()!;
            this.#stack.splice(this.#stack.length - 1, 0, top);
          } else this.#stack.push({ op: '|' });
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
        default:
          this.#operand();
          t += this.#rune(t).length;
      }
      lastRepeat = repeat;
    }
    this.#closeAlternation();
    if (this.#stack.length !== 1) this.#fail('missing closing )', s);
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
      return this.#push('(', end + 1);
    }
    let t = start + 2;
    let negated = false;
    let sawFlag = false;
    while (t < s.length) {
      const c = this.#rune(t);
      t += c.length;
      if (c === 'i' || c === 'm' || c === 's' || c === 'U') sawFlag = true;
      else if (c === '-' && !negated) {
        negated = true;
        sawFlag = false;
      } else if ((c === ':' || c === ')') && (!negated || sawFlag)) {
        return c === ':' ? this.#push('(', t) : t;
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
    return next;
  }

  /** A backslash outside a class; returns the index after the escape. */
  #escape(start: number): number {
    const s = this.#s;
    const c = s[start + 1];
    if (c === 'A' || c === 'b' || c === 'B' || c === 'z') {
      this.#operand();
      return start + 2;
    }
    if (c === 'C') this.#fail('invalid escape sequence', '\\C');
    if (c === 'Q') {
      // \Q…\E: literal text (an empty \Q\E pushes nothing).
      const end = s.indexOf('\\E', start + 2);
      const literal = s.slice(start + 2, end < 0 ? s.length : end);
      for (let i = 0; i < literal.length; i += this.#rune(start + 2 + i).length) this.#operand();
      return end < 0 ? s.length : end + 2;
    }
    const next = this.#classEscape(start) ?? this.#singleEscape(start)[1];
    this.#operand();
    return next;
  }

  /** `\pN`, `\p{Name}`, `\PN`, `\d`, …; the index after it, or undefined when not one. */
  #classEscape(start: number): number | undefined {
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
      return end;
    }
    return c !== undefined && PERL_CLASSES.has(c) ? start + 2 : undefined;
  }

  /** parseEscape: one escaped character; returns [its code point, the index after it]. */
  #singleEscape(start: number): [number, number] {
    const s = this.#s;
    let t = start + 1;
    if (t >= s.length) this.#fail('trailing backslash at end of expression', '');
    const c = this.#rune(t);
    t += c.length;
    const bad = (): never => this.#fail('invalid escape sequence', s.slice(start, t));
    if (c.length === 1 && c.charCodeAt(0) < 0x80 && !isAlnum(c)) return [c.charCodeAt(0), t];
    if (c >= '1' && c <= '7' && !isOctal(s[t])) return bad(); // a backreference: unsupported
    if (c >= '0' && c <= '7') {
      let r = c.charCodeAt(0) - 48;
      for (let i = 1; i < 3 && isOctal(s[t]); i++) r = r * 8 + (s.charCodeAt(t++) - 48);
      return [r, t];
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
        return digits === 0 ? bad() : [r, t];
      }
      const x = hexValue(this.#rune(t));
      t += this.#rune(t).length;
      const y = hexValue(s[t]);
      if (t < s.length) t += this.#rune(t).length;
      return x < 0 || y < 0 ? bad() : [x * 16 + y, t];
    }
    const controls: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    const control = controls[c];
    return control === undefined ? bad() : [control, t];
  }

  /** A `[...]` class at `start`; returns the index after its `]`. */
  #charClass(start: number): number {
    const s = this.#s;
    let t = start + 1;
    if (s[t] === '^') t++;
    let first = true;
    const missing = (): never => this.#fail('missing closing ]', s.slice(start));
    while (t >= s.length || s[t] !== ']' || first) {
      first = false;
      if (s.startsWith('[:', t) && t + 2 < s.length && !this.#noPosixClose) {
        const close = s.indexOf(':]', t + 2);
        // Once there is no ":]" ahead there never is again: do not scan the rest again.
        this.#noPosixClose = close < 0;
        if (close >= 0) {
          const name = s.slice(t, close + 2);
          if (!POSIX_CLASSES.has(name)) this.#fail('invalid character class range', name);
          t = close + 2;
          continue;
        }
      }
      if (s[t] === '\\') {
        const after = this.#classEscape(t);
        if (after !== undefined) {
          t = after;
          continue;
        }
      }
      const rangeStart = t;
      const [lo, afterLo] = this.#classChar(t, missing);
      t = afterLo;
      if (s[t] === '-' && t + 1 < s.length && s[t + 1] !== ']') {
        const [hi, afterHi] = this.#classChar(t + 1, missing);
        t = afterHi;
        if (hi < lo) this.#fail('invalid character class range', s.slice(rangeStart, t));
      }
    }
    return t + 1;
  }

  #classChar(t: number, missing: () => never): [number, number] {
    if (t >= this.#s.length) return missing();
    if (this.#s[t] === '\\') return this.#singleEscape(t);
    const r = this.#rune(t);
    return [r.codePointAt(0)!, t + r.length];
  }
}

/**
 * Why Go's `regexp.Compile` rejects `pattern` (Go's own error text), or `undefined` when it
 * compiles.
 *
 * @example
 * ```ts
 * goRegexpProblem('eth.*');          // undefined
 * goRegexpProblem('(?i)^(eth|ens)'); // undefined (JavaScript has no inline flags; Go does)
 * goRegexpProblem('*');              // 'missing argument to repetition operator: `*`'
 * ```
 */
export function goRegexpProblem(pattern: string): string | undefined {
  try {
    new GoRegexpParser(pattern).parse();
    return undefined;
  } catch (e) {
    if (e instanceof GoSyntaxError) return e.message;
    throw e;
  }
}
