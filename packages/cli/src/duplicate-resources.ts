/**
 * The same resource (apiVersion, kind, namespace, name — synth's rule) defined twice among a
 * command's manifests: an issue at the second definition that names where the first one is.
 */

import { nodeLine, resourceNodes } from '@calico-dsl/yaml';
import type { FileIssue } from './output/issues.js';
import { firstDefinitions, type ResourceIdentity, resourceKey, resourceLabel } from './resource-identity.js';

/** The files a duplicate check reads: each file's name, text, resources and whether it was read. */
interface ReadFile {
  readonly file: string;
  readonly text: string | undefined;
  readonly resources: readonly ResourceIdentity[];
  readonly issues: readonly FileIssue[];
}

/** One definition: the file's index and the how-manieth resource of that key in it. */
interface Definition {
  readonly file: number;
  readonly nth: number;
}

const stringAt = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * One issue per resource defined again after its first definition (in the same file or a later
 * one), at the file and line of the repeat, naming the first's `file:line`. Files that could not
 * be read (with issues) take no part. Lines are looked up only when there is a duplicate.
 *
 * @example
 * ```ts
 * duplicateIssues(loaded.files);
 * // [{ file: 'b.yaml', issue: { code: 'duplicate_resource', line: 1, message: 'GlobalNetworkPolicy "deny-nodeports" is also defined at a.yaml:1: …' } }]
 * ```
 */
export function duplicateIssues(files: readonly ReadFile[]): FileIssue[] {
  const definedAt = firstDefinitions<Definition>();
  const repeats: { resource: ResourceIdentity; earlier: Definition; later: Definition }[] = [];
  files.forEach((f, file) => {
    if (f.issues.length > 0) return;
    const counts = new Map<string, number>();
    for (const resource of f.resources) {
      const key = resourceKey(resource);
      const nth = counts.get(key) ?? 0;
      counts.set(key, nth + 1);
      const earlier = definedAt(resource, { file, nth });
      if (earlier !== undefined) repeats.push({ resource, earlier, later: { file, nth } });
    }
  });
  if (repeats.length === 0) return [];
  const lineOf = lineFinder(files);
  return repeats.map(({ resource, earlier, later }): FileIssue => {
    const first = files[earlier.file]?.file ?? '';
    const firstLine = lineOf(earlier, resource);
    const line = lineOf(later, resource);
    return {
      file: files[later.file]?.file ?? '',
      issue: {
        code: 'duplicate_resource',
        path: ['metadata', 'name'],
        message: `${resourceLabel(resource)} is also defined at ${firstLine === undefined ? first : `${first}:${firstLine}`}: define each resource once (with two, which one counts would depend on the order of the inputs)`,
        ...(line !== undefined ? { line } : {}),
      },
    };
  });
}

// The line of the nth resource of a key in a file, from its YAML nodes (parsed once per file).
function lineFinder(files: readonly ReadFile[]): (d: Definition, r: ResourceIdentity) => number | undefined {
  const byFile = new Map<number, Map<string, number[]>>();
  return ({ file, nth }, r) => {
    let lines = byFile.get(file);
    if (lines === undefined) {
      lines = new Map();
      const text = files[file]?.text;
      const parsed = text !== undefined ? resourceNodes(text) : undefined;
      for (const node of parsed?.nodes ?? []) {
        const apiVersion = stringAt(node.get('apiVersion'));
        const kind = stringAt(node.get('kind'));
        const name = stringAt(node.getIn(['metadata', 'name']));
        if (apiVersion === undefined || kind === undefined || name === undefined || parsed === undefined)
          continue;
        const namespace = stringAt(node.getIn(['metadata', 'namespace']));
        const key = resourceKey({ apiVersion, kind, metadata: { name, namespace } });
        lines.set(key, [...(lines.get(key) ?? []), nodeLine(node, parsed.lines)]);
      }
      byFile.set(file, lines);
    }
    return lines.get(resourceKey(r))?.[nth];
  };
}
