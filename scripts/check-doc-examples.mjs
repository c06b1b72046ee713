#!/usr/bin/env node
// Type-checks every TSDoc `@example` in the public packages' sources. Each example becomes a
// module that imports every export of every public package by name (values and types, from the
// API models that `npm run docs` writes), so an example may use any public name without imports.
// Run after `npm run docs` (the npm script `docs:check` does both).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.cwd();
const models = join(root, 'node_modules', '.cache', 'api-docs', 'models');
if (!existsSync(models)) {
  console.error('check-doc-examples: no API models; run `npm run docs` first');
  process.exit(2);
}

// Every exported name per package (api-extractor models list members with their kind), and
// the exports whose TSDoc has no @example (architecture.md: every export has one).
const exportsOf = new Map();
const undocumented = [];
for (const file of readdirSync(models)) {
  const model = JSON.parse(readFileSync(join(models, file), 'utf8'));
  const entry = model.members?.[0];
  for (const m of entry?.members ?? []) {
    if (!(m.docComment ?? '').includes('@example'))
      undocumented.push(`${model.name}: ${m.name.replace(/_\d+$/, '')}`);
  }
  // api-extractor renames exports that clash with global names (Node -> Node_2).
  exportsOf.set(model.name, new Set((entry?.members ?? []).map((m) => m.name.replace(/_\d+$/, ''))));
}
// Import each public name once (the first package that exports it wins).
const seen = new Set();
const prelude = [];
for (const [pkg, names] of exportsOf) {
  const fresh = [...names].filter((n) => !seen.has(n));
  for (const n of fresh) seen.add(n);
  if (fresh.length) prelude.push(`import { ${fresh.join(', ')} } from '${pkg}';`);
}
const preludeText = prelude.join('\n');

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name)) yield path;
  }
}

// The examples of one file, each with the name of the declaration its doc comment belongs to.
function examplesIn(text) {
  const out = [];
  const re = /@example[^\n]*\n((?:\s*\*[^\n]*\n)*?)\s*\*\s*```(?:ts|typescript)\n([\s\S]*?)\n\s*\*\s*```/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = text.slice(text.indexOf('*/', m.index) + 2);
    const declared =
      /^\s*export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type)\s+(\w+)/.exec(
        after,
      );
    // A member of an exported class (indented method, getter or static) counts as the class.
    const member = declared
      ? undefined
      : /^\s*\n?[ \t]+(?:static\s+|async\s+|get\s+|readonly\s+)*#?\w+\s*[(<:]/.test(after)
        ? [...text.slice(0, m.index).matchAll(/^export\s+(?:abstract\s+)?class\s+(\w+)/gm)].pop()
        : undefined;
    const code = m[2]
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n');
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ code, line, name: declared?.[1] ?? member?.[1] });
  }
  return out;
}

const dir = join(root, 'node_modules', '.cache', 'doc-examples');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const index = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  const src = join(root, 'packages', pkg, 'src');
  if (!existsSync(src)) continue;
  const published = exportsOf.get(
    JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8')).name,
  );
  for (const file of sourceFiles(src)) {
    // Only the public API's examples: internal helpers may document module-private context.
    for (const ex of examplesIn(readFileSync(file, 'utf8')).filter((e) => e.name && published?.has(e.name))) {
      const name = `ex${index.length}.ts`;
      // `import` and `declare` lines belong at module level; the rest runs inside an async function.
      const lines = ex.code.split('\n');
      const imports = lines.filter((l) => /^import /.test(l));
      const declares = lines.filter((l) => /^declare /.test(l));
      const body = lines.filter((l) => !/^(import|declare) /.test(l));
      const header = [
        imports.length ? imports.join('\n') : preludeText,
        ...declares,
        'export {};',
        'export async function example(): Promise<void> {',
      ].join('\n');
      writeFileSync(join(dir, name), `${header}\n${body.join('\n')}\n}\n`);
      index.push({ name, where: `${relative(root, file)}:${ex.line}`, offset: header.split('\n').length });
    }
  }
}
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    extends: '../../../tsconfig.base.json',
    compilerOptions: {
      noEmit: true,
      verbatimModuleSyntax: false,
      noUnusedLocals: false,
      noUnusedParameters: false,
      types: ['node'],
      allowUnreachableCode: true,
    },
    include: ['*.ts'],
  }),
);
const run = spawnSync('npx', ['--no-install', 'tsc', '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], {
  encoding: 'utf8',
});
const byFile = new Map(index.map((e) => [e.name, e]));
const errors = (run.stdout + run.stderr)
  .split('\n')
  .filter((l) => /error TS/.test(l))
  .map((l) => {
    const m = /([^/\\]+\.ts)\((\d+),\d+\): (.*)$/.exec(l);
    const ex = m && byFile.get(m[1]);
    return ex ? `${ex.where} (example line ${Number(m[2]) - ex.offset}): ${m[3]}` : l;
  });
for (const e of errors) console.log(e);
const failing = new Set(errors.map((e) => e.split(' (')[0]));
for (const u of undocumented) console.log(`no @example: ${u}`);
console.log(
  `doc examples: ${index.length} type-checked, ${failing.size} failing; ${undocumented.length} exports without an example`,
);
process.exit(failing.size || undocumented.length ? 1 : 0);
