#!/usr/bin/env node
// Packaging checks for every public workspace package: publint (package.json and files) and
// @arethetypeswrong/cli (types resolve for ESM consumers). Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const packages = readdirSync('packages')
  .map((dir) => join('packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .filter((dir) => !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private);

let failures = 0;
for (const dir of packages) {
  for (const [tool, args] of [
    ['publint', ['publint', '--strict', dir]],
    ['attw', ['attw', '--pack', dir, '--profile', 'esm-only', '--format', 'ascii']],
  ]) {
    const run = spawnSync('npx', ['--no-install', ...args], { encoding: 'utf8' });
    const ok = run.status === 0;
    if (!ok) failures++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${tool} ${dir}`);
    if (!ok) console.log((run.stdout + run.stderr).trim().replace(/^/gm, '    '));
  }
}
console.log(`check-packages: ${packages.length} packages, ${failures} failing checks`);
process.exit(failures ? 1 : 0);
