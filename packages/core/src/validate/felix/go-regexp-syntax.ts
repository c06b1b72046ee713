/**
 * The tables of Go's regexp syntax (`regexp/syntax` parse.go, perl_groups.go) that
 * `go-regexp-parser.ts` reads a pattern with, each with the JavaScript RegExp text (no `u` flag)
 * that has Go's meaning where the two languages differ: Go's `.`, `\s`, `^` and `$` take fewer
 * characters than JavaScript's, and Go has `\A`, `\z` and POSIX classes.
 */

// Go's `\s` (`[\t\n\f\r ]`, no `\v`) and its complement.
const SPACE = '\\t\\n\\f\\r ';
const NOT_SPACE = '\\x00-\\x08\\x0B\\x0E-\\x1F!-\\uFFFF';

/** perl_groups.go: the POSIX class names (`[:alpha:]`, negated `[:^alpha:]`), ASCII, as JavaScript class items. */
export const POSIX_CLASSES: ReadonlyMap<string, string> = new Map([
  ['alnum', '0-9A-Za-z'],
  ['alpha', 'A-Za-z'],
  ['ascii', '\\x00-\\x7F'],
  ['blank', '\\t '],
  ['cntrl', '\\x00-\\x1F\\x7F'],
  ['digit', '0-9'],
  ['graph', '!-~'],
  ['lower', 'a-z'],
  ['print', ' -~'],
  ['punct', '!-/:-@[-`{-~'],
  ['space', '\\t\\n\\v\\f\\r '],
  ['upper', 'A-Z'],
  ['word', '0-9A-Za-z_'],
  ['xdigit', '0-9A-Fa-f'],
]);

/** perl_groups.go: `\d`, `\s`, `\w` and their complements, as JavaScript class items. */
export const PERL_CLASSES: ReadonlyMap<string, string> = new Map([
  ['d', '\\d'],
  ['D', '\\D'],
  ['s', SPACE],
  ['S', NOT_SPACE],
  ['w', '\\w'],
  ['W', '\\W'],
]);

/** `\A`, `\z`, `\b`, `\B` outside a class (grouped: Go lets them take a repeat operator). */
export const ASSERTIONS: ReadonlyMap<string, string> = new Map([
  ['A', '(?:(?<![\\s\\S]))'],
  ['z', '(?:(?![\\s\\S]))'],
  ['b', '(?:\\b)'],
  ['B', '(?:\\B)'],
]);

/** parseEscape's letter escapes: the code point and the JavaScript text. */
export const CONTROL_ESCAPES: ReadonlyMap<string, readonly [number, string]> = new Map([
  ['a', [7, '\\x07']],
  ['f', [12, '\\f']],
  ['n', [10, '\\n']],
  ['r', [13, '\\r']],
  ['t', [9, '\\t']],
  ['v', [11, '\\v']],
]);

/**
 * `.`, `^` and `$` outside a class, as JavaScript without and with the Go flag that changes them:
 * Go's `.` takes no `\n` unless `s`; `^` and `$` are the text's ends, or with `m` also a line's
 * (only `\n` ends a line in Go).
 */
export const FLAGGED: ReadonlyMap<
  string,
  { readonly flag: string; readonly off: string; readonly on: string }
> = new Map([
  ['.', { flag: 's', off: '[^\\n]', on: '[\\s\\S]' }],
  ['^', { flag: 'm', off: '(?:^)', on: '(?:(?<![\\s\\S])|(?<=\\n))' }],
  ['$', { flag: 'm', off: '(?:$)', on: '(?:(?=\\n)|(?![\\s\\S]))' }],
]);

export const MAX_REPEAT = 1000;
/** parse.go parseRepeat: a repeat count has no leading zeros; any other `{` is a literal. Sticky:
 * matched in place at a `{`, so a long pattern is not copied for each brace. */
export const REPEAT_SPEC = /\{(0|[1-9][0-9]*)(?:(,)(0|[1-9][0-9]*)?)?\}/y;

// unicode.Categories and unicode.Scripts (Unicode 16, a superset of what Go 1.26 ships), with
// the names and aliases Go 1.25 added (Any, ASCII, Assigned, Cn, LC, Letter for L, …). Go 1.25
// looks names up ignoring case, spaces, "_" and "-"; so does this set (keys are normalised).
export const UNICODE_NAMES: ReadonlySet<string> = new Set(
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

export function normaliseUnicodeName(name: string): string {
  return name.replace(/[ _-]/g, '').toLowerCase();
}

/**
 * Whether a character in `lo`..`hi` folds to an ASCII letter in Go but not in JavaScript: Go folds
 * case by Unicode simple folding, where K (Kelvin sign) is k and ſ (long s) is s (parse.go
 * `literal`/`minFoldRune`, `appendFoldedRange`); JavaScript without the u flag folds no non-ASCII
 * character to an ASCII one.
 */
export const foldsToAscii = (lo: number, hi = lo): boolean =>
  (lo <= 0x17f && hi >= 0x17f) || (lo <= 0x212a && hi >= 0x212a);

export const isAlnum = (c: string): boolean => /^[0-9A-Za-z]$/.test(c);
export const isOctal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
export const hexValue = (c: string | undefined): number =>
  c !== undefined && /^[0-9A-Fa-f]$/.test(c) ? Number.parseInt(c, 16) : -1;

/** A code unit as a JavaScript escape (`\u0074`). */
export const unit = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;

/** A character Go reads as itself, escaped where JavaScript would read it as syntax. */
export const literal = (c: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c);

/**
 * Code point `cp` as JavaScript: `text` (its JavaScript form) when it is one UTF-16 unit; one
 * outside the BMP is two units, a group outside a class and `undefined` (no rewrite) inside one.
 */
export function jsRune(cp: number, text: string, inClass: boolean): string | undefined {
  if (cp <= 0xffff) return text;
  return inClass ? undefined : `(?:${String.fromCodePoint(cp)})`;
}
