#!/usr/bin/env node
// Runs the whole vitest suite (every package and app project, type tests included), then the
// playground's browser tests (Chromium; skipped loudly when it is missing, unless
// PLAYGROUND_BROWSER_TESTS=required), and ends with the plain line `N passed, N failed` so that CI
// can tell a run with no tests from a green one.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';

const report = 'test-results.json';
rmSync(report, { force: true });
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
// No colour codes in a log file or a pipe (vitest would print them for any terminal type).
const env = { ...process.env };
if (!process.stdout.isTTY && env.FORCE_COLOR === undefined) env.NO_COLOR = '1';
// vitest warns once per project with type tests (12 times): pass its stderr through, that
// warning once.
const child = spawn('npx', ['--no-install', ...args], { stdio: ['inherit', 'inherit', 'pipe'], env });
const once = /experimental feature|Breaking changes might not follow SemVer/;
const seen = new Set();
createInterface({ input: child.stderr }).on('line', (line) => {
  const plain = line.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  if (once.test(plain)) {
    if (seen.has(plain)) return;
    seen.add(plain);
  }
  process.stderr.write(`${line}\n`);
});
const run = await new Promise((done) => child.on('close', (status) => done({ status })));

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numFailedTestSuites ?? 0);
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
} catch (error) {
  console.error(`could not read ${report}: ${error.message}`);
  failed = Math.max(failed, 1);
}

// Browser tests of apps/playground (its dist/ is built by `turbo run build` before this script).
const browserReport = 'test-results.browser.json';
rmSync(browserReport, { force: true });
const browser = spawnSync('node', ['apps/playground/e2e/run.mjs', '--report', browserReport], {
  stdio: 'inherit',
  env: process.env,
});
try {
  const b = JSON.parse(readFileSync(browserReport, 'utf8'));
  passed += b.passed;
  failed += b.failed;
  skipped += b.skipped;
} catch (error) {
  console.error(`could not read ${browserReport}: ${error.message}`);
  failed += 1;
}
rmSync(browserReport, { force: true });
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status === 0 && browser.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
