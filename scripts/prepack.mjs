#!/usr/bin/env node
// `prepack` of every public package: build it (and what it depends on) with turbo, then refuse to
// pack when a file its package.json points at (main, types, exports, bin) is missing — so `npm
// pack` / `npm publish` on a fresh clone never ships a package without dist/.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const build = spawnSync(
  'npx',
  ['--no-install', 'turbo', 'run', 'build', `--filter=${pkg.name}...`, '--output-logs=errors-only'],
  {
    stdio: 'inherit',
  },
);
if (build.status !== 0) {
  console.error(
    `prepack ${pkg.name}: the build failed (run npm ci, then npm run build at the repository root)`,
  );
  process.exit(1);
}

// Every file path named by main, types, bin and exports (conditions other than source ones).
const targets = new Set();
const walk = (value, condition) => {
  if (typeof value === 'string') {
    if (condition !== '@calico-dsl/source' && value.startsWith('./')) targets.add(value);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) walk(inner, key);
  }
};
walk({ main: pkg.main, types: pkg.types, bin: pkg.bin, exports: pkg.exports }, undefined);
const missing = [...targets].filter((t) => !t.includes('*') && !existsSync(join('.', t)));
if (missing.length > 0) {
  console.error(`prepack ${pkg.name}: missing after the build: ${missing.join(', ')}`);
  process.exit(1);
}
