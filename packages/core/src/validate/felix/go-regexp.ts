/**
 * Go regular expressions (`regexp.Compile`, RE2 syntax) read once: whether Go accepts a pattern
 * (Calico's `regexp` validator, `validateRegexp`, and Felix's `RegexpPatternListParam` compile
 * interface patterns with it) and, when it does, a JavaScript RegExp with Go's meaning.
 * JavaScript's RegExp is not the same language: Go has `(?i)`, `[[:alpha:]]`, `\pL`, `\Q…\E`,
 * `(?P<name>…)`, a `]` first in a class and a `{` that starts no repeat count as literals; it has
 * no lookaround or backreferences. The parser is `go-regexp-parser.ts`, its tables
 * `go-regexp-syntax.ts`.
 */

import { GoRegexpParser, GoSyntaxError } from './go-regexp-parser.js';

/**
 * What Go's regexp makes of a pattern: Go's refusal (its own error text), or, when it compiles,
 * a JavaScript RegExp that matches the same interface names (`undefined` when the pattern uses Go
 * syntax with no JavaScript rewrite: `\pL`, a flag group after the start, …).
 *
 * @example
 * ```ts
 * const go: GoRegexp = goRegexp('(?i)^eth');
 * const excluded = go.ok && go.js !== undefined && go.js.test('ETH0'); // true
 * ```
 */
export type GoRegexp =
  | { readonly ok: false; readonly problem: string }
  | { readonly ok: true; readonly js: RegExp | undefined };

/**
 * Reads `pattern` as Go's `regexp.Compile` does: its refusal, or a JavaScript RegExp that matches
 * the names Go's `regexp.MustCompile(pattern).MatchString` matches (`undefined` when there is no
 * JavaScript rewrite, so a caller can say so instead of guessing). The names are interface names
 * (ASCII), so UTF-16 code units stand for Go's runes.
 *
 * @example
 * ```ts
 * goRegexp('(?i)^ETH[[:digit:]]\\z'); // { ok: true, js: /(?:^)ETH[0-9](?:(?![\s\S]))/i }
 * goRegexp('^eth1{01}$'); // { ok: true, js: /(?:^)eth1\{01}(?:$)/ } (Go reads `{01}` as text)
 * goRegexp('^\\pL+$'); // { ok: true, js: undefined } (no JavaScript rewrite)
 * goRegexp('^eth(?=1)'); // { ok: false, problem: 'invalid or unsupported Perl syntax: `(?=`' }
 * ```
 */
export function goRegexp(pattern: string): GoRegexp {
  try {
    return { ok: true, js: new GoRegexpParser(pattern).parse() };
  } catch (e) {
    if (e instanceof GoSyntaxError) return { ok: false, problem: e.message };
    throw e;
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
  const go = goRegexp(pattern);
  return go.ok ? undefined : go.problem;
}
