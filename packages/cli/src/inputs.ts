/** kubectl's way of naming manifests: positional paths, `-f <file|dir|->` (repeatable) and `-R`. */
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import type { FileIssue } from './output/issues.js';

/**
 * The options {@link addInputOptions} adds.
 *
 * @example
 * ```ts
 * const o: InputOptions = { filename: ['policies/', 'extra.yaml'], recursive: true };
 * ```
 */
export interface InputOptions {
  /** `-f, --filename`: files, directories or `-` (standard input). */
  readonly filename?: readonly string[];
  /** `-R, --recursive`: read directories' subdirectories too. */
  readonly recursive?: boolean;
}

/** What a directory contributes, as kubectl reads it. */
const MANIFEST_EXTENSIONS = /\.(?:ya?ml|json)$/i;

const collect = (value: string, previous: readonly string[] = []): string[] => [...previous, value];

/**
 * Adds `-f, --filename <path>` (repeatable) and `-R, --recursive` to a command that reads manifests.
 *
 * @example
 * ```ts
 * addInputOptions(program.command('validate').argument('[files...]'));
 * ```
 */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .option(
      '-f, --filename <path>',
      'a manifest file, a directory of them, or - for standard input (repeatable)',
      collect,
    )
    .option('-R, --recursive', 'with -f <dir>: read subdirectories too');
}

/**
 * Every manifest file named by positional paths and `-f`, in order: a directory contributes its
 * `.yaml`, `.yml` and `.json` files sorted by name (its subdirectories too with `-R`); a file named
 * twice is read once; `-` (standard input) stays as it is. An empty directory is an issue.
 *
 * @example
 * ```ts
 * const { files, issues } = await expandInputs(['world.yaml'], { filename: ['policies/'], recursive: true }, io);
 * ```
 */
export async function expandInputs(
  positional: readonly string[],
  opts: InputOptions,
  io: CliIo,
): Promise<{ files: string[]; issues: FileIssue[] }> {
  const files: string[] = [];
  const issues: FileIssue[] = [];
  const seen = new Set<string>();
  const add = async (file: string) => {
    const key = file === '-' ? '-' : ((await io.realPath?.(file)) ?? file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  const walk = async (dir: string, top: boolean): Promise<number> => {
    const entries = await io.listDirectory?.(dir);
    if (entries === undefined) return -1;
    let found = 0;
    const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of sorted) {
      const path = io.join(dir, e.name);
      if (e.directory) {
        if (opts.recursive === true) found += Math.max(0, await walk(path, false));
      } else if (MANIFEST_EXTENSIONS.test(e.name)) {
        await add(path);
        found += 1;
      }
    }
    if (top && found === 0) {
      const hint = opts.recursive === true ? '' : ' (add -R to read its subdirectories)';
      issues.push({
        file: dir,
        issue: {
          code: 'empty_manifest',
          path: [],
          message: `the directory has no .yaml, .yml or .json files${hint}`,
        },
      });
    }
    return found;
  };
  for (const path of [...positional, ...(opts.filename ?? [])]) {
    if (path === '-' || (await walk(path, true)) < 0) await add(path);
  }
  return { files, issues };
}
