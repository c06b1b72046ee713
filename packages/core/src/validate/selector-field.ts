import { formatPath, type Result } from '../result.js';
import { parseSelector } from '../selector/index.js';
import type { IssueCollector } from './issue-collector.js';
import type { Path } from './json.js';

/** The CRDs' `maxLength` on a selector field (policy, rule and IPPool selectors alike). */
export const SELECTOR_MAX_LENGTH = 1024;

/** How a selector field treats `global()` (calico-semantics.md §8.2). */
export type GlobalRule = 'forbid' | 'alone' | 'unchecked';

const GLOBAL_ALONE = /^[ \t]*global\([ \t]*\)[ \t]*$/;

/**
 * Checks one selector field: it must parse (Calico's `selector` tag), fit the CRD `maxLength`,
 * and follow the `global()` rule of its position.
 */
export function checkSelector(
  ctx: IssueCollector,
  text: string,
  path: Path,
  options: { readonly maxLength?: number | undefined; readonly global: GlobalRule },
): void {
  const length = [...text].length;
  if (options.maxLength !== undefined && length > options.maxLength) {
    ctx.report(
      'invalid_selector',
      path,
      `${formatPath(path)} is ${length} characters long; Calico allows at most ${options.maxLength}: simplify it or label the endpoints so that a shorter selector matches`,
    );
  }
  let parsed: Result<unknown>;
  try {
    parsed = parseSelector(text);
  } catch {
    parsed = {
      ok: false,
      issues: [{ code: 'invalid_selector', path: [], message: 'the selector parser failed' }],
    };
  }
  if (!parsed.ok) {
    // The parser's message already quotes the selector and points at the column; the issue's
    // path says which field it is.
    ctx.report('invalid_selector', path, parsed.issues.map((i) => i.message).join('; '));
    return;
  }
  if (!text.includes('global(')) return;
  if (options.global === 'forbid') {
    ctx.report(
      'global_selector_not_allowed',
      path,
      `global() can only be used in an EntityRule namespaceSelector: remove it from ${formatPath(path)} (use all() to match everything)`,
    );
  } else if (options.global === 'alone' && !GLOBAL_ALONE.test(text)) {
    ctx.report(
      'global_selector_not_alone',
      path,
      `global() cannot be combined with other selectors: make ${formatPath(path)} exactly "global()" and put other conditions in selector`,
    );
  }
}
