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

  /** Runs a shape check on `value` and records what it finds; `true` when the value fits. */
  shape(check: ShapeCheck, value: unknown, path: Path): boolean {
    const found: Issue[] = [];
    check(value, path, found);
    for (const i of found) this.issues.push({ ...i, message: `${formatPath(i.path)} ${i.message}` });
    return found.length === 0;
  }

  /** {@link IssueCollector.shape} for a check that also narrows `value` to what it accepts. */
  fits<T>(guard: ShapeGuard<T>, value: unknown, path: Path): value is T {
    return this.shape(guard, value, path);
  }
}
