/** Whether YAML text has comments, decided from the YAML tokens (a `#` inside a string is not one). */
import { Lexer } from 'yaml';

/**
 * `true` when the text holds at least one YAML comment token. Quoted and block scalars are
 * tokens of their own, so `note: "see #42"` has none.
 *
 * @example
 * ```ts
 * hasYamlComments('note: "see #42"\n'); // false
 * hasYamlComments('# owned by team-a\nkind: Tier\n'); // true
 * ```
 */
export function hasYamlComments(text: string): boolean {
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) return true;
  return false;
}
