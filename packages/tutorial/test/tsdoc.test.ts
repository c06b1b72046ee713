// `npm run docs:check` reads the API models of the public packages only; this private package keeps
// the same rule (architecture.md: every export has TSDoc with an @example) with this test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');
const EXPORT = /^export (?:async )?(?:function|const|interface|type|class) (\w+)/gm;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The exports of a module whose doc comment is missing or has no @example. */
function undocumented(text: string): string[] {
  return [...text.matchAll(EXPORT)].flatMap((m) => {
    const before = text.slice(0, m.index).trimEnd();
    const doc = before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : '';
    return doc.includes('@example') ? [] : [m[1] ?? ''];
  });
}

describe('TSDoc', () => {
  it('every export of src has an @example', () => {
    const files = sources(src);
    expect(files.length).toBeGreaterThan(10);
    const missing = files.flatMap((f) =>
      undocumented(readFileSync(f, 'utf8')).map((name) => `${relative(src, f)}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('finds an export without one (so the check above can fail)', () => {
    expect(
      undocumented('/** Doc. */\nexport const a = 1;\n/**\n * @example\n */\nexport function b() {}\n'),
    ).toEqual(['a']);
  });
});
