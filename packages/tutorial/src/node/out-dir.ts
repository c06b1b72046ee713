/** Writing a lesson's files to disk (the only file the tutorial writes; the lesson apps' `out/`). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutFile } from '../out-files.js';

/**
 * Writes the files into `dir` (created if missing); a file whose content is unchanged is not
 * rewritten. Returns the paths written or checked.
 *
 * @example
 * ```ts
 * writeOutFiles('apps/lesson-2-deny-nodeports/out', lessonFiles(lesson));
 * ```
 */
export function writeOutFiles(dir: string, files: readonly OutFile[]): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map(({ file, yaml }) => {
    const path = join(dir, file);
    if (readIfExists(path) !== yaml) writeFileSync(path, yaml);
    return path;
  });
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
