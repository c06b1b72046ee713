// Finds the value claims of TSDoc examples: lines of the form `expression; // value` (optionally
// `const name: Type = expression; // value`) whose expression runs alone over a package's exports
// and whose value is a literal. Shared by the packages' example tests (core, yaml, calicoctl).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

export interface Claim {
  readonly where: string;
  readonly expression: string;
  readonly value: string;
}

/** A claimed value is a literal (not prose such as `// ok` or `// issues stays []`). */
const LITERAL = /^(?:[[{'"\d-]|true\b|false\b|null\b|undefined\b)/;
/** A note in parentheses after the value: `// false (uppercase)`. */
const NOTE = /\s+\([^()]*\)\s*$/;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.includes('.test')) yield path;
  }
}

/** Evaluates example code over `scope` (a package's exports), or `undefined` when it is not plain JavaScript. */
export function compileOver(
  scope: Readonly<Record<string, unknown>>,
  source: string,
): (() => unknown) | undefined {
  const names = Object.keys(scope);
  try {
    const run = new Function(...names, `return (${source});`) as (...args: unknown[]) => unknown;
    return () => run(...names.map((n) => scope[n]));
  } catch {
    return undefined;
  }
}

/** Every claim in the examples under `srcDir` that can run alone over `scope`. */
export function runnableClaims(srcDir: string, scope: Readonly<Record<string, unknown>>): Claim[] {
  const out: Claim[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/@example[^\n]*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
      const lines = (m[1] ?? '').split('\n').map((raw) => raw.replace(/^\s*\* ?/, ''));
      // Names the example declares: a line that uses one needs the lines before it.
      const declared = [...lines.join('\n').matchAll(/\b(?:const|let|var|function|class)\s+(\w+)/g)].map(
        (d) => d[1],
      );
      for (const line of lines) {
        const parts = /^(?:const \w+(?::[^=]+)? = )?(.*?);\s*\/\/\s*(.+)$/.exec(line);
        if (!parts) continue;
        const [, expression = '', claimed = ''] = parts;
        const value = claimed.replace(NOTE, '');
        if (!LITERAL.test(value)) continue;
        if (declared.some((name) => new RegExp(`(?<![.\\w$])${name}\\b`).test(expression))) continue;
        out.push({ where: `${file.slice(srcDir.length)}: ${expression}`, expression, value });
      }
    }
  }
  // Lines whose expression needs the lines before it (a variable of the example) cannot run alone.
  return out.filter((c) => {
    const run = compileOver(scope, c.expression);
    if (run === undefined || compileOver(scope, c.value) === undefined) return false;
    try {
      run();
      return true;
    } catch (e) {
      return !(e instanceof ReferenceError);
    }
  });
}

/**
 * The suite each package runs: the examples under `srcDir` (a `file:` URL) show the values the
 * code returns over `scope`, and there are at least `atLeast` of them (so a broken finder fails).
 */
export function describeExampleClaims(
  title: string,
  srcDir: URL,
  scope: Readonly<Record<string, unknown>>,
  atLeast: number,
): void {
  const claims = runnableClaims(fileURLToPath(srcDir), scope);
  describe(title, () => {
    it(`finds the examples (at least ${atLeast})`, () => {
      expect(claims.length).toBeGreaterThanOrEqual(atLeast);
    });

    it.each(claims.map((c) => [c.where, c] as const))('%s', (_where, claim) => {
      expect(compileOver(scope, claim.expression)?.()).toEqual(compileOver(scope, claim.value)?.());
    });
  });
}
