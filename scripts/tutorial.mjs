#!/usr/bin/env node
// `npm run tutorial`: runs every lesson app (apps/lesson-*) in order on the embedded simulator.
// Extra arguments (e.g. --apply, --json) are passed to each lesson.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const lessons = existsSync('apps')
  ? readdirSync('apps')
      .filter((d) => /^lesson-\d+/.test(d) && existsSync(join('apps', d, 'package.json')))
      .sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]))
  : [];
if (lessons.length === 0) {
  console.error('npm run tutorial: no lesson apps found under apps/lesson-*; the tutorial apps are not written yet.');
  process.exit(1);
}
let failed = 0;
for (const lesson of lessons) {
  const run = spawnSync('npm', ['run', '--silent', 'start', '--', ...process.argv.slice(2)], {
    cwd: join('apps', lesson),
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
if (failed) console.error(`npm run tutorial: ${failed} of ${lessons.length} lessons did not reproduce the tutorial`);
process.exit(failed ? 1 : 0);
