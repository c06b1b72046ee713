/** Reading manifest files (YAML or JSON) into resources, with every problem tied to its file. */
import type { Issue, Resource } from '@calico-dsl/core';
import { type AliasBudget, createAliasBudget, fromYaml } from '@calico-dsl/yaml';
import { NotUtf8Error } from './bounded-read.js';
import { EXIT, type ExitCode } from './context.js';
import { duplicateIssues } from './duplicate-resources.js';
import { expandInputs, type InputOptions } from './inputs.js';
import type { CliIo } from './io.js';
import type { FileIssue } from './output/issues.js';

/**
 * The resources of one file, or its issues.
 *
 * @example
 * ```ts
 * const f: LoadedFile = { file: 'policy.yaml', text: '…', resources: [gnp], issues: [] };
 * ```
 */
export interface LoadedFile {
  readonly file: string;
  /** The file's text; `undefined` when it could not be read. */
  readonly text: string | undefined;
  readonly resources: readonly Resource[];
  readonly issues: readonly FileIssue[];
}

/**
 * Reads one manifest file through the injected file access and parses it with `fromYaml`,
 * spending `budget` (shared by every file of a command) on alias expansion
 * (JSON is YAML, so `.json` files work too). Never throws.
 *
 * @example
 * ```ts
 * const loaded = await loadFile('policy.yaml', io);
 * loaded.issues; // [] when valid
 * ```
 */
export async function loadFile(file: string, io: CliIo, budget?: AliasBudget): Promise<LoadedFile> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const issue: Issue =
      error instanceof NotUtf8Error
        ? {
            code: 'invalid_encoding',
            path: [],
            message: error.reason,
            line: error.line,
            column: error.column,
          }
        : { code: 'file_unreadable', path: [], message: `Cannot read the file: ${reason}` };
    return { file, text: undefined, resources: [], issues: [{ file, issue }] };
  }
  const parsed = fromYaml(text, budget !== undefined ? { budget } : {});
  return parsed.ok
    ? { file, text, resources: parsed.value, issues: [] }
    : { file, text, resources: [], issues: parsed.issues.map((issue) => ({ file, issue })) };
}

/**
 * How a command reads its manifests together.
 *
 * @example
 * ```ts
 * const o: LoadOptions = { eachFileAlone: true }; // fmt
 * ```
 */
export interface LoadOptions {
  /**
   * The files are not one set of resources (`fmt` rewrites each on its own), so the same
   * resource in two of them is no issue.
   */
  readonly eachFileAlone?: boolean;
}

/**
 * Reads several files in order; `resources` is every valid file's resources concatenated. The
 * same resource (kind, namespace, name) defined twice is an issue at the second definition
 * naming the first's `file:line`, unless `eachFileAlone`.
 *
 * @example
 * ```ts
 * const { resources, issues } = await loadFiles(['world.yaml', 'policies.yaml'], io);
 * ```
 */
export async function loadFiles(
  files: readonly string[],
  io: CliIo,
  options: LoadOptions = {},
): Promise<{ files: LoadedFile[]; resources: Resource[]; issues: FileIssue[] }> {
  // One alias budget for every file of the command: a bomb split over many files is still refused.
  const budget = createAliasBudget();
  const read = await Promise.all(files.map((f) => loadFile(f, io, budget)));
  // Two definitions of one resource: which one counts would depend on the order of the files.
  const repeats = options.eachFileAlone === true ? [] : duplicateIssues(read);
  const loaded = read.map((l) => {
    const more = repeats.filter((r) => r.file === l.file);
    return more.length === 0 ? l : { ...l, issues: [...l.issues, ...more] };
  });
  return {
    files: loaded,
    resources: loaded.flatMap((l) => l.resources),
    issues: loaded.flatMap((l) => l.issues),
  };
}

/**
 * Expands positional paths and `-f`/`-R` ({@link expandInputs}) and reads every file
 * ({@link loadFiles}); problems naming a path (an empty directory) come first among the issues.
 *
 * @example
 * ```ts
 * const { files, resources, issues } = await loadInputs([], { filename: ['policies/'], recursive: true }, io);
 * ```
 */
export async function loadInputs(
  positional: readonly string[],
  opts: InputOptions,
  io: CliIo,
  options: LoadOptions = {},
): Promise<{ files: LoadedFile[]; resources: Resource[]; issues: FileIssue[] }> {
  const expanded = await expandInputs(positional, opts, io);
  const loaded = await loadFiles(expanded.files, io, options);
  return { ...loaded, issues: [...expanded.issues, ...loaded.issues] };
}

/**
 * The usage error for a command given no manifest at all (neither paths nor `-f`); `undefined`
 * when there is something to read.
 *
 * @example
 * ```ts
 * const usage = missingInputs('validate', files, opts, ctx.io);
 * if (usage !== undefined) return usage;
 * ```
 */
export function missingInputs(
  command: string,
  positional: readonly string[],
  opts: InputOptions,
  io: CliIo,
): ExitCode | undefined {
  if (positional.length > 0 || (opts.filename ?? []).length > 0) return undefined;
  io.stderr.write(
    `error: ${command} needs manifests: name files, or -f <file|dir|-> (repeatable, -R for subdirectories)\n(add --help for usage)\n`,
  );
  return EXIT.usage;
}
