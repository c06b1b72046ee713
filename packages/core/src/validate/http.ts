import { HTTP_MATCH_KEYS, HTTP_PATH_KEYS } from '../resources/field-order.js';
import { formatPath } from '../result.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import { readArray, readString, readStringList, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';
import { crdLimit, type RuleChecks } from './rule-checks.js';

const MAX_ITEMS = 20;
const MAX_PATH = 1024;

/**
 * Reads an `http` match: methods (unique) and paths (each exactly one of `exact` / `prefix`,
 * starting with `/`, without `?`, `#` or space), as `validateHTTPRule` checks them; the CRD allows
 * at most 20 of each and paths of at most 1024 characters.
 */
export function readHttp(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  checks: RuleChecks,
): CanonicalObject | undefined {
  const obj = readStruct(ctx, v, path, HTTP_MATCH_KEYS);
  if (obj === undefined) return undefined;
  const out: CanonicalObject = {};
  const maxPath = crdLimit(checks, MAX_PATH);
  const methods = readStringList(ctx, obj, 'methods', path, crdLimit(checks, MAX_ITEMS));
  if (methods !== undefined) {
    const seen = new Set<string>();
    methods.forEach((m, i) => {
      if (seen.has(m)) {
        ctx.report(
          'invalid_http_match',
          [...path, 'methods', i],
          `Invalid methods (duplicates): ${JSON.stringify(m)} is listed more than once; list each method once`,
        );
      }
      seen.add(m);
    });
    setOwn(out, 'methods', methods);
  }
  const paths = readArray(ctx, obj, 'paths', path, crdLimit(checks, MAX_ITEMS));
  if (paths !== undefined) {
    const pOut: CanonicalObject[] = [];
    paths.forEach((p, i) => {
      const at = [...path, 'paths', i];
      const po = readStruct(ctx, p, at, HTTP_PATH_KEYS);
      const entry: CanonicalObject = {};
      const exact = po ? readString(ctx, po, 'exact', at) : undefined;
      const prefix = po ? readString(ctx, po, 'prefix', at) : undefined;
      setOwn(entry, 'exact', exact);
      setOwn(entry, 'prefix', prefix);
      pOut.push(entry);
      for (const [k, s] of [
        ['exact', exact],
        ['prefix', prefix],
      ] as const) {
        if (s !== undefined && maxPath !== undefined && [...s].length > maxPath) {
          ctx.report(
            'too_long',
            [...at, k],
            `${formatPath([...at, k])} is longer than ${maxPath} characters`,
          );
        }
      }
      if (exact && prefix) {
        ctx.report(
          'invalid_http_match',
          at,
          "Invalid path match. Both 'exact' and 'prefix' are set: keep only one of them in each paths entry",
        );
        return;
      }
      const value = exact || prefix || '';
      if (value === '') {
        ctx.report(
          'invalid_http_match',
          at,
          "Invalid path match. Either 'exact' or 'prefix' must be set, e.g. { prefix: '/api' }",
        );
        return;
      }
      if (!value.startsWith('/') || /[? #]/.test(value)) {
        ctx.report(
          'invalid_http_match',
          [...at, exact ? 'exact' : 'prefix'],
          `Invalid path ${value}: it must start with "/" and must not contain "?", "#" or a space`,
        );
      }
    });
    setOwn(out, 'paths', pOut);
  }
  return out;
}
