import type { IssueCode } from '../issue-codes.js';
import { formatPath, type Issue, issue } from '../result.js';
import type { ShapeCheck, ShapeGuard } from '../shape/checks.js';
import type { Path } from './json.js';

/**
 * Collects the issues found while a resource is walked (`validate`'s one mutable piece). Type
 * and shape problems come from the shared shape checks (core's `shape/`), so a wrong type reads
 * the same from `validate`, `fromYaml` and the evaluator; `validate` puts the field path in front,
 * as its Calico-worded messages do (`spec.order must be a number, not string "x"`).
 */
export class IssueCollector {
  readonly issues: Issue[] = [];

  /** Records one issue with a message written for it (Calico's rules, in Calico's words). */
  report(code: IssueCode, path: Path, message: string): void {
    this.issues.push(issue(code, [...path], message));
  }

  /**
   * Runs a shape check on `value` (found at `path`, then `key` if given) and records what it
   * finds; `true` when the value fits. The check runs at a relative root and its issues get the
   * full path only when there are some, so a value that fits costs no allocation.
   */
  shape(check: ShapeCheck, value: unknown, path: Path, key?: string | number): boolean {
    const found = this.#scratch;
    check(value, ROOT, found);
    if (found.length === 0) return true;
    const at = key === undefined ? path : [...path, key];
    for (const i of found) {
      const where = [...at, ...i.path];
      this.issues.push({ ...i, path: where, message: `${formatPath(where)} ${i.message}` });
    }
    found.length = 0;
    return false;
  }

  /** {@link IssueCollector.shape} for a check that also narrows `value` to what it accepts. */
  fits<T>(guard: ShapeGuard<T>, value: unknown, path: Path, key?: string | number): value is T {
    return this.shape(guard, value, path, key);
  }

  readonly #scratch: Issue[] = [];
}

const ROOT: Path = [];
