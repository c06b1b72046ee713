import type { ScalarTag } from 'yaml';
import { stringifyString, stringTag } from 'yaml/util';
import { goYamlMisreads } from './yaml11.js';

/** A line break followed by a blank, or a multi-line string that starts with one. */
const BLANK_LINE_START = /\n[ \t]|^[ \t][\s\S]*\n/;

/**
 * yaml's `!!str` tag with two output rules on top: a string a YAML 1.1 reader (calicoctl's
 * go-yaml v2) would read as a boolean, number or null is double-quoted even where yaml's own
 * 1.1 compatibility check does not see it (`0X1F`, `0O17`), and a string with characters a strict
 * reader rejects or changes is written in double quotes with those characters escaped.
 *
 * @example
 * ```ts
 * new Document({ a: 'on\u2028' }, { customTags: (tags) => tags.map((t) => (t === stringTag ? OUTPUT_STRING_TAG : t)) });
 * ```
 */
export const OUTPUT_STRING_TAG: ScalarTag = {
  ...stringTag,
  stringify(item, ctx, onComment, onChompKeep) {
    const value = String(item.value);
    // A block scalar cannot keep a line that starts with (or is only) blanks without an
    // indentation indicator, which yaml does not always write: such text goes on one quoted line.
    if (needsEscape(value) || BLANK_LINE_START.test(value)) return escapedDoubleQuoted(value);
    const forced = goYamlMisreads(value) ? Object.assign({}, item, { value, type: 'QUOTE_DOUBLE' }) : item;
    // `actualString` is how yaml's own string tag asks for the YAML 1.1 (`compat`) check.
    return stringifyString(forced, { actualString: true, ...ctx }, onComment, onChompKeep);
  },
};

/**
 * True when `value` holds a character a strict YAML reader rejects (C0 controls but tab and line
 * feed, DEL, C1 controls, U+FFFE/U+FFFF, unpaired surrogates) or changes (NEL, U+2028 and U+2029
 * are line breaks in YAML 1.1; a BOM inside a document): such strings are written escaped.
 *
 * @example
 * ```ts
 * needsEscape('a\u2028b'); // true
 * needsEscape('tab\tand\nnewline'); // false
 * ```
 */
export function needsEscape(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    if (escapeOf(value, i) !== undefined) return true;
  }
  return false;
}

/**
 * A one-line double-quoted YAML string: `\` and `"` escaped, and every character outside
 * printable ASCII, tab and ordinary Unicode written as `\xXX`/`\uXXXX` (valid in YAML 1.1 and 1.2).
 *
 * @example
 * ```ts
 * escapedDoubleQuoted('a\u0085b'); // '"a\\u0085b"'
 * ```
 */
export function escapedDoubleQuoted(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const char = value.charAt(i);
    const escaped = escapeOf(value, i);
    if (escaped !== undefined) out += escaped;
    else if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else out += char;
  }
  return `${out}"`;
}

/** The escape for the character at `i` when it must not be written raw; `undefined` otherwise. */
function escapeOf(value: string, i: number): string | undefined {
  const code = value.charCodeAt(i);
  if (code === 0x09 || code === 0x0a) return undefined;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `\\x${hex(code, 2)}`;
  if (code === 0x2028 || code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff) {
    return `\\u${hex(code, 4)}`;
  }
  if (code < 0xd800 || code > 0xdfff) return undefined;
  const paired =
    code <= 0xdbff ? isLowSurrogate(value.charCodeAt(i + 1)) : isHighSurrogate(value.charCodeAt(i - 1));
  return paired ? undefined : `\\u${hex(code, 4)}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}
