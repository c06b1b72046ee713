import type { IssueCollector } from './issue-collector.js';
import type { Path } from './json.js';

/**
 * Checks a list of enum strings that the CRD declares a set (`x-kubernetes-list-type: set`, or a
 * Go check for repeats): every item in `allowed` (case-sensitive, as the CRD enum), none repeated.
 * `what` names one item for the message (`policy type`), `duplicate` words a repeat.
 */
export function checkEnumSet(
  ctx: IssueCollector,
  items: readonly string[],
  at: Path,
  allowed: readonly string[],
  what: string,
  duplicate: (v: string) => string,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!allowed.includes(item)) {
      const fixed = allowed.find((a) => a.toLowerCase() === item.toLowerCase());
      ctx.report(
        'invalid_value',
        [...at, i],
        `Invalid ${what} ${JSON.stringify(item)}: ${fixed !== undefined ? `values are case-sensitive, write "${fixed}"` : `use one of ${allowed.join(', ')}`}`,
      );
    } else if (seen.has(item)) {
      ctx.report('duplicate_value', [...at, i], duplicate(item));
    }
    seen.add(item);
  });
}
