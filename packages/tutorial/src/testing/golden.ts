/** Checking a lesson's committed `out/` goldens against what the lesson emits now. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lesson } from '../lesson.js';
import { lessonFiles } from '../out-files.js';

/**
 * The differences between `outDir` and the lesson's files: missing, stale or extra YAML files.
 * Empty when the goldens are up to date.
 *
 * @example
 * ```ts
 * goldenDiffs(lesson2(TUTORIAL_DEFAULTS), 'apps/lesson-2-deny-nodeports/out'); // []
 * ```
 */
export function goldenDiffs(lesson: Lesson, outDir: string): string[] {
  const expected = lessonFiles(lesson);
  const present = new Set(listYaml(outDir));
  const diffs: string[] = [];
  for (const { file, yaml } of expected) {
    if (!present.has(file)) diffs.push(`${file} is missing from ${outDir} (run npm start to write it)`);
    else if (readFileSync(join(outDir, file), 'utf8') !== yaml)
      diffs.push(`${file} differs from what the lesson emits (run npm start and review the diff)`);
    present.delete(file);
  }
  for (const extra of present) diffs.push(`${extra} is in ${outDir} but the lesson does not emit it`);
  return diffs;
}

function listYaml(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  } catch {
    return [];
  }
}
