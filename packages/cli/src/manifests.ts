/** Reading manifest files (YAML or JSON) into resources, with every problem tied to its file. */
import type { Resource } from '@calico-dsl/core';
import { fromYaml } from '@calico-dsl/yaml';
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
 * Reads one manifest file through the injected file access and parses it with `fromYaml`
 * (JSON is YAML, so `.json` files work too). Never throws.
 *
 * @example
 * ```ts
 * const loaded = await loadFile('policy.yaml', io);
 * loaded.issues; // [] when valid
 * ```
 */
export async function loadFile(file: string, io: CliIo): Promise<LoadedFile> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      file,
      text: undefined,
      resources: [],
      issues: [
        { file, issue: { code: 'file_unreadable', path: [], message: `Cannot read the file: ${reason}` } },
      ],
    };
  }
  const parsed = fromYaml(text);
  return parsed.ok
    ? { file, text, resources: parsed.value, issues: [] }
    : { file, text, resources: [], issues: parsed.issues.map((issue) => ({ file, issue })) };
}

/**
 * Reads several files in order; `resources` is every valid file's resources concatenated.
 *
 * @example
 * ```ts
 * const { resources, issues } = await loadFiles(['world.yaml', 'policies.yaml'], io);
 * ```
 */
export async function loadFiles(
  files: readonly string[],
  io: CliIo,
): Promise<{ files: LoadedFile[]; resources: Resource[]; issues: FileIssue[] }> {
  const loaded = await Promise.all(files.map((f) => loadFile(f, io)));
  return {
    files: loaded,
    resources: loaded.flatMap((l) => l.resources),
    issues: loaded.flatMap((l) => l.issues),
  };
}
