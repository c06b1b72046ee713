/**
 * Selector compilation for the world model. Calico combines policy and rule selectors as
 * *strings* (prefixing label keys, textual `all()` rewrites — calico-semantics.md §6.7, §6.8);
 * we mirror that and compile each distinct string once per world.
 */
import {
  compileSelector,
  type Issue,
  parseSelector,
  prefixSelectorLabels,
  printSelector,
} from '@calico-dsl/core';

/** Labels of an endpoint or entity (own labels plus inherited profile labels). */
export type LabelMap = Readonly<Record<string, string>>;

/** A compiled selector. */
export type Matcher = (labels: LabelMap) => boolean;

/** Matches every label set (the empty selector). */
export const MATCH_ALL: Matcher = () => true;

/** Matches nothing (used for selectors that failed to parse, which Calico also never matches). */
export const MATCH_NONE: Matcher = () => false;

/**
 * Compiles selector strings once per world and remembers parse failures as issues.
 *
 * @example
 * ```ts
 * const sc = new SelectorCache();
 * sc.compile("app == 'web'", ['spec', 'selector'])({ app: 'web' }); // true
 * ```
 */
export class SelectorCache {
  readonly #compiled = new Map<string, Matcher>();
  readonly issues: Issue[] = [];
  /**
   * Normalised rules and rule sides by canonical key, so identical ones are one object per
   * world (policies repeat the same selectors, nets and ports; see `compileRule`).
   */
  readonly interned = new Map<string, object>();

  /** Compiles `text` (blank = `all()`); a parse failure is recorded and matches nothing. */
  compile(text: string, path: readonly (string | number)[] = []): Matcher {
    const cached = this.#compiled.get(text);
    if (cached) return cached;
    let matcher: Matcher;
    if (text.trim() === '' || text.trim() === 'all()') matcher = MATCH_ALL;
    else {
      const parsed = parseSelector(text);
      if (parsed.ok) {
        matcher = compileSelector(parsed.value);
      } else {
        this.issues.push({
          code: 'invalid_selector',
          path: [...path],
          message: `Selector ${JSON.stringify(text)} does not parse (${parsed.issues[0]?.message ?? 'invalid'}); it matches nothing here. Fix it with calico-dsl validate.`,
        });
        matcher = MATCH_NONE;
      }
    }
    this.#compiled.set(text, matcher);
    return matcher;
  }

  /**
   * The first of `terms` (selector text and where it is) that does not parse, each one that does
   * not reported as {@link compile} does; `undefined` when every one parses or is absent.
   *
   * @example
   * ```ts
   * new SelectorCache().firstInvalid([["env = 'prod'", ['spec', 'namespaceSelector']]]); // "env = 'prod'"
   * ```
   */
  firstInvalid(
    terms: readonly (readonly [string | undefined, readonly (string | number)[]])[],
  ): string | undefined {
    let first: string | undefined;
    for (const [text, path] of terms) {
      if (text && this.compile(text, path) === MATCH_NONE) first ??= text;
    }
    return first;
  }
}

/**
 * Prefixes every label key of a selector (`k == 'v'` → `pcns.k == 'v'`), returning Calico's
 * canonical text, like upstream `parseSelectorAttachPrefix`; `""` when the selector is invalid.
 *
 * @example
 * ```ts
 * prefixSelector("env == 'prod'", 'pcns.'); // 'pcns.env == "prod"'
 * ```
 */
export function prefixSelector(text: string, prefix: string): string {
  const parsed = parseSelector(text);
  if (!parsed.ok) return '';
  return printSelector(prefixSelectorLabels(parsed.value, prefix));
}
