/**
 * The editor's text as a world: `fromYaml` (which runs core's `validate` on every Calico
 * resource), then `World.from`. Every problem becomes an {@link IssueView} with a line, for the
 * inline diagnostics and the issues list.
 */
import type { Issue } from '@calico-dsl/core';
import { EvaluatorInputError, World } from '@calico-dsl/evaluator';
import { YAML_ISSUE_CODES } from '@calico-dsl/yaml';
import { DocumentCache } from './documents.js';
import type { LocatedResource } from './rule-lines.js';

/**
 * The longest manifests text the page reads (characters): far above any cluster's policy set,
 * low enough that a hostile link cannot make each keystroke slow.
 *
 * @example
 * ```ts
 * readManifests('#'.repeat(MAX_TEXT_LENGTH + 1)).issues[0]?.message; // 'the text is … over the … limit; …'
 * ```
 */
export const MAX_TEXT_LENGTH = 2 * 1024 * 1024;

const REFUSED: ReadonlySet<string> = new Set([YAML_ISSUE_CODES.tooDeep, YAML_ISSUE_CODES.tooLarge]);

/**
 * A manifest problem placed in the text (1-based line and column).
 *
 * @example
 * ```ts
 * const i: IssueView = { line: 6, column: 13, severity: 'error', where: 'spec.selector', message: 'Invalid selector …' };
 * ```
 */
export interface IssueView {
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  /** The path inside the resource, e.g. `spec.ingress[0].action`. */
  readonly where: string;
  readonly message: string;
}

/**
 * The manifests read: the world when it could be built, the problems, and where each resource is.
 *
 * @example
 * ```ts
 * const m: ManifestsView = readManifests(text);
 * if (m.world) m.world.evaluate(flow);
 * ```
 */
export interface ManifestsView {
  readonly world: World | undefined;
  readonly issues: readonly IssueView[];
  readonly located: readonly LocatedResource[];
}

/**
 * `spec.ingress[0].action` from `['spec', 'ingress', 0, 'action']`.
 *
 * @example
 * ```ts
 * pathText(['spec', 'ingress', 0, 'action']); // 'spec.ingress[0].action'
 * ```
 */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

// World issues name the resource (`NetworkPolicy "b" is in tier …`) but carry no position.
function lineOfNamed(issue: Issue, located: readonly LocatedResource[]): number {
  const hit = located.find((r) => issue.message.includes(`${r.kind} "${r.name}"`));
  return hit?.lines.from ?? 1;
}

function toView(
  issue: Issue,
  severity: IssueView['severity'],
  located: readonly LocatedResource[],
): IssueView {
  return {
    line: issue.line ?? lineOfNamed(issue, located),
    column: issue.column ?? 1,
    severity,
    where: pathText(issue.path),
    message: issue.message,
  };
}

/**
 * Reads manifests texts one after the other, re-reading only the YAML documents that changed
 * since the previous text (the editor's case: one edit touches one document).
 *
 * @example
 * ```ts
 * const reader = new ManifestsReader();
 * reader.read(text).world?.evaluate(flow);
 * ```
 */
export class ManifestsReader {
  readonly #documents = new DocumentCache(MAX_TEXT_LENGTH, REFUSED);

  /**
   * Reads the text. Never throws: bad YAML, invalid resources and worlds the evaluator cannot
   * build all come back as issues.
   */
  read(text: string): ManifestsView {
    const { result: parsed, located } = this.#documents.read(text);
    if (!parsed.ok) {
      return { world: undefined, issues: parsed.issues.map((i) => toView(i, 'error', located)), located };
    }
    try {
      const world = World.from(parsed.value);
      return { world, issues: world.issues.map((i) => toView(i, 'warning', located)), located };
    } catch (error) {
      const issues: readonly Issue[] =
        error instanceof EvaluatorInputError
          ? error.issues
          : [
              {
                code: 'internal_error',
                path: [],
                message: `The world could not be built: ${String(error)}`,
              },
            ];
      return { world: undefined, issues: issues.map((i) => toView(i, 'error', located)), located };
    }
  }
}

/**
 * Reads one manifests text (no cache).
 *
 * @example
 * ```ts
 * readManifests('kind: [').issues[0]?.line; // 1
 * ```
 */
export function readManifests(text: string): ManifestsView {
  return new ManifestsReader().read(text);
}
