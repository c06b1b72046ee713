#!/usr/bin/env node
// `npm run tutorial`: runs every lesson app (apps/lesson-*) in order on the embedded simulator.
// Extra arguments (e.g. --json, --apply …) are passed to each lesson; with --json the lessons'
// JSON documents are printed as one array.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
// A reader that leaves early (`npm run tutorial | head`) closes the pipe: the rest is dropped and
// every lesson still runs. Any other failed write (a full disk) is said at the end and fails the
// run (the script is synchronous: it reads `errored`, as no 'error' event is delivered before exit).
process.stdout.on('error', () => {});
const json = args.includes('--json');
const lessons = existsSync('apps')
  ? readdirSync('apps')
      .filter((d) => /^lesson-\d+/.test(d) && existsSync(join('apps', d, 'package.json')))
      .sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]))
  : [];
if (lessons.length === 0) {
  console.error(
    'npm run tutorial: no lesson apps found under apps/lesson-*; the tutorial apps are not written yet.',
  );
  process.exit(1);
}
if (!json) {
  const where = args.includes('--apply') ? 'your cluster, through calicoctl' : 'the embedded simulator';
  console.log(
    `IBM Cloud tutorial "Using Calico network policies to block traffic", lessons 1-${lessons.length} on ${where}\n`,
  );
}
let failed = 0;
const documents = [];
for (const lesson of lessons) {
  const run = spawnSync('npm', ['run', '--silent', 'start', '--', ...args], {
    cwd: join('apps', lesson),
    // The lessons print paths (calicoctl apply -f …) relative to where the user ran npm.
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: npm sets it; this script is not a turbo task
    env: { ...process.env, TUTORIAL_CWD: process.env.INIT_CWD ?? process.cwd() },
    stdio: json ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  });
  if (run.status !== 0) failed++;
  // On a real cluster each lesson builds on the previous one: stop at the first that failed.
  if (run.status !== 0 && args.includes('--apply')) break;
  if (json) {
    try {
      documents.push(JSON.parse(run.stdout));
    } catch {
      failed += run.status === 0 ? 1 : 0;
      documents.push({ lesson, ok: false, error: `no JSON from ${lesson}`, output: run.stdout });
    }
  }
}
const outputError = process.stdout.errored;
const lost = outputError != null && outputError.code !== 'EPIPE';
if (lost)
  console.error(
    `npm run tutorial: output lost (${outputError.message}); the lessons' outcomes were not all printed`,
  );
else if (json) console.log(JSON.stringify(documents, null, 2));
else if (!failed)
  console.log(
    args.includes('--apply')
      ? `All ${lessons.length} lessons applied; try the curl commands above.`
      : `All ${lessons.length} lessons reproduce the tutorial.`,
  );
if (lost) process.exit(1);
if (failed && args.includes('--apply'))
  console.error('npm run tutorial: stopped at the first lesson that failed');
else if (failed)
  console.error(`npm run tutorial: ${failed} of ${lessons.length} lessons did not reproduce the tutorial`);
process.exit(failed ? 1 : 0);
