/** Runs the lesson: `npm start` (simulated), `npm start -- --json`, `npm start -- --apply …`. */
import { fileURLToPath } from 'node:url';
import { runLessonCli } from '@calico-dsl/tutorial/node';
import { lesson2 } from './lesson.js';

// A lost line of output (a full disk) has set 1 already: a lesson that ran fine does not clear it.
process.exitCode =
  (await runLessonCli(lesson2, {
    argv: process.argv.slice(2),
    appDir: fileURLToPath(new URL('..', import.meta.url)),
  })) || process.exitCode;
