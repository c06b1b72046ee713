import type { FailedResource, ResourceRef } from '../errors.js';
import { formatRef } from '../errors.js';
import { splitErrorList } from './error-list.js';
import {
  type ChangeVerb,
  PAST_TENSE,
  parseCommandFailure,
  parseDeleteFailures,
  parseFailedAll,
  parseHitError,
  parsePartialLine,
  parseSuccessLine,
} from './messages.js';

/**
 * What one change command did, read from calicoctl's exit code and output.
 * `ok: true` only when calicoctl reported every resource sent as done.
 *
 * @example
 * ```ts
 * const refs: ResourceRef[] = [{ kind: 'Tier', name: 'security' }];
 * const seen: ChangeInterpretation = interpretChange('apply', refs, 0, "Successfully applied 1 'Tier' resource(s)\n", '');
 * if (seen.ok) seen.count; // 1
 * ```
 */
export type ChangeInterpretation =
  | { readonly ok: true; readonly count: number; readonly kind: string }
  | {
      readonly ok: false;
      readonly code: 'EXIT_NONZERO' | 'PARTIAL_FAILURE' | 'OUTPUT_PARSE';
      readonly message: string;
      readonly applied: readonly ResourceRef[];
      readonly failed: readonly FailedResource[];
    };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether an error text names this resource. calicoctl's errors quote names as `Kind(name)`,
 * `Kind(ns/name)`, `"name"` or `default.name` (tiered names), so the name must stand alone,
 * optionally behind a `tier.` prefix — but not as the namespace of `ns/name` or of
 * `in the namespace "prod"`, nor as the tail of another resource's dotted name
 * (`security.allow-dns` names that policy, not `allow-dns`).
 */
function mentions(text: string, ref: ResourceRef, names: ReadonlySet<string>): boolean {
  const name = new RegExp(
    `(?<![A-Za-z0-9_-])${escapeRegExp(ref.name)}(?![A-Za-z0-9_/-]|\\.[A-Za-z0-9])`,
    'g',
  );
  for (const m of text.matchAll(name)) {
    const before = text.slice(0, m.index);
    if (/namespace\s+["']?$/.test(before)) continue;
    const prefix = /([A-Za-z0-9_-][A-Za-z0-9_.-]*)\.$/.exec(before);
    if (prefix && names.has(`${prefix[1]}.${ref.name}`)) continue;
    return true;
  }
  return false;
}

/**
 * Which resources the error texts name. A name shared by several resources (same name in two
 * namespaces or kinds) only counts when the text also has the namespace or kind next to it.
 */
function attribute(refs: readonly ResourceRef[], segments: readonly string[]): Map<number, string> {
  const named = new Map<number, string>();
  const nameCount = new Map<string, number>();
  for (const r of refs) nameCount.set(r.name, (nameCount.get(r.name) ?? 0) + 1);
  const names = new Set(nameCount.keys());
  refs.forEach((ref, i) => {
    for (const segment of segments) {
      if (!mentions(segment, ref, names)) continue;
      if ((nameCount.get(ref.name) ?? 0) > 1) {
        const qualified =
          ref.namespace !== undefined
            ? segment.includes(`${ref.namespace}/${ref.name}`)
            : segment.includes(formatRef(ref));
        if (!qualified) continue;
      }
      named.set(i, segment);
      return;
    }
  });
  return named;
}

/**
 * How a calicoctl process ended, for messages.
 *
 * @example
 * ```ts
 * howItEnded(1, null); // 'exited with code 1'
 * howItEnded(null, 'SIGKILL'); // 'was ended by signal SIGKILL'
 * ```
 */
export function howItEnded(exitCode: number | null, signal: string | null): string {
  if (exitCode !== null) return `exited with code ${exitCode}`;
  return signal === null ? 'was ended by a signal' : `was ended by signal ${signal}`;
}

/**
 * Interprets a change command (`apply`, `create`, `replace`, `delete`, `validate`) given the
 * resources sent, in order. On partial failure it works out which resources were changed using
 * the counts calicoctl prints and the names in its errors, and never claims success for a
 * resource it cannot account for: those are listed as failed with `outcome: 'unknown'`.
 *
 * @example
 * ```ts
 * const refs = ['a', 'b', 'c'].map((name) => ({ kind: 'GlobalNetworkPolicy', name }));
 * interpretChange('apply', refs, 1,
 *   "Partial success: applied the first 2 out of 3 'GlobalNetworkPolicy' resources:\n",
 *   'Hit error(s): [resource does not exist: GlobalNetworkPolicy(c)]\n');
 * // { ok: false, code: 'PARTIAL_FAILURE', message: '…',
 * //   applied: [{ kind: 'GlobalNetworkPolicy', name: 'a' }, { kind: 'GlobalNetworkPolicy', name: 'b' }],
 * //   failed: [{ kind: 'GlobalNetworkPolicy', name: 'c', outcome: 'failed', message: 'resource does not exist: GlobalNetworkPolicy(c)' }] }
 * ```
 */
export function interpretChange(
  verb: ChangeVerb,
  refs: readonly ResourceRef[],
  exitCode: number | null,
  stdout: string,
  stderr: string,
  signal: string | null = null,
): ChangeInterpretation {
  const past = PAST_TENSE[verb];
  const total = refs.length;
  if (exitCode === 0) {
    const success = parseSuccessLine(stdout);
    if (success === undefined || success.past !== past) {
      return parseError(
        `calicoctl ${verb} exited 0 but printed no "Successfully ${past} N resource(s)" line`,
        refs,
      );
    }
    if (success.count !== total) {
      return parseError(
        `calicoctl reported ${success.count} resource(s) ${past} but ${total} were sent`,
        refs,
      );
    }
    return { ok: true, count: success.count, kind: success.kind };
  }

  const text = `${stderr}\n${stdout}`;
  const exitText = howItEnded(exitCode, signal);
  const allFailed = (message: string, outcome: FailedResource['outcome']): FailedResource[] =>
    refs.map((r) => ({ ...r, message, outcome }));

  const whole = parseCommandFailure(text);
  if (whole !== undefined) {
    return {
      ok: false,
      code: 'EXIT_NONZERO',
      message: `calicoctl ${verb} ${exitText}: ${whole.message}`,
      applied: [],
      failed: allFailed(whole.message, 'failed'),
    };
  }

  // Per-resource errors go to stderr (main prints the returned error there).
  const errors = stderr.trim() === '' ? stdout : stderr;
  const failedAll = parseFailedAll(errors);
  if (failedAll !== undefined && failedAll.verb === verb && verb !== 'delete') {
    return {
      ok: false,
      code: 'EXIT_NONZERO',
      message: `calicoctl ${verb} ${exitText}: no resource was ${past}: ${failedAll.errors}`,
      applied: [],
      failed: describeFailures(refs, splitErrorList(failedAll.errors), failedAll.errors),
    };
  }

  const split = splitOutcome(verb, refs, stdout, errors);
  if (split === undefined) {
    const said = stderr.trim() || stdout.trim() || '(no output)';
    return {
      ok: false,
      code: 'EXIT_NONZERO',
      message: `calicoctl ${verb} ${exitText}: ${said}`,
      applied: [],
      failed: allFailed(
        `calicoctl ${exitText} without saying which resources were ${past}: ${said}`,
        'unknown',
      ),
    };
  }
  const { applied, failed } = split;
  const unknown = failed.filter((f) => f.outcome === 'unknown').length;
  const code = applied.length === 0 && unknown === 0 ? 'EXIT_NONZERO' : 'PARTIAL_FAILURE';
  const summary =
    `${applied.length} of ${total} resource(s) ${past}` +
    (applied.length > 0 ? ` (${applied.map(formatRef).join(', ')})` : '') +
    `; ${failed.length - unknown} failed` +
    (unknown > 0 ? `, ${unknown} with unknown outcome` : '') +
    `: ${failed.map((f) => `${formatRef(f)}: ${f.message}`).join('; ')}`;
  return { ok: false, code, message: `calicoctl ${verb} ${exitText}: ${summary}`, applied, failed };
}

/** Output that proves nothing: every resource sent has an unknown outcome (none is lost). */
function parseError(message: string, refs: readonly ResourceRef[]): ChangeInterpretation {
  const failed = refs.map((r) => ({ ...r, message, outcome: 'unknown' as const }));
  return { ok: false, code: 'OUTPUT_PARSE', message, applied: [], failed };
}

/** Every resource failed for sure; each gets the error text that names it, or the whole text. */
function describeFailures(refs: readonly ResourceRef[], segments: string[], whole: string): FailedResource[] {
  const named = attribute(refs, segments);
  return refs.map((r, i) => ({ ...r, message: named.get(i) ?? whole, outcome: 'failed' }));
}

/**
 * Splits the resources of a partly failed command into applied and failed. `undefined` when the
 * output shows no sign of a per-resource failure at all.
 */
function splitOutcome(
  verb: ChangeVerb,
  refs: readonly ResourceRef[],
  stdout: string,
  text: string,
): { applied: ResourceRef[]; failed: FailedResource[] } | undefined {
  const total = refs.length;
  const past = PAST_TENSE[verb];
  let segments: string[];
  let whole: string;
  // Exactly how many failed, when the output tells; else the proof that all but the named ones succeeded.
  let provenFailures: number | undefined;

  if (verb === 'delete') {
    const lines = parseDeleteFailures(text);
    const hit = parseHitError(text);
    if (lines.length === 0 && hit === undefined) return undefined;
    segments = hit === undefined ? lines : [...lines, ...splitErrorList(hit)];
    whole = segments.join('; ');
    const success = parseSuccessLine(stdout);
    const done = success !== undefined && success.past === past ? success.count : 0;
    // delete collects one error line per failed resource and counts the rest as deleted.
    if (hit === undefined && done + lines.length === total) provenFailures = lines.length;
  } else {
    const hit = parseHitError(text);
    if (hit === undefined) return undefined;
    // One message per error, so each failed resource carries its own (not the joined list).
    segments = splitErrorList(hit);
    whole = hit;
    const partial = parsePartialLine(stdout);
    if (verb === 'replace') {
      // replace counts a failed resource as handled and only reports the last error (≤3.33 quirk),
      // so its counts prove nothing; only a single resource is certain.
      if (total === 1) provenFailures = 1;
    } else if (partial !== undefined && partial.total === total) {
      provenFailures = total - partial.handled;
    } else if (partial === undefined) {
      // "Hit error(s)" without the Partial line: at least one succeeded and errors >= successes,
      // so naming total - 1 failures proves the remaining one succeeded.
      provenFailures = total === 1 ? 1 : undefined;
    }
  }

  const named = attribute(refs, segments);
  const allFailed = provenFailures === total;
  const restSucceeded =
    (provenFailures !== undefined && named.size === provenFailures) ||
    (verb !== 'delete' &&
      verb !== 'replace' &&
      total >= 2 &&
      parsePartialLine(stdout) === undefined &&
      named.size === total - 1);
  const applied: ResourceRef[] = [];
  const failed: FailedResource[] = [];
  refs.forEach((ref, i) => {
    const message = named.get(i);
    if (message !== undefined) failed.push({ ...ref, message, outcome: 'failed' });
    else if (allFailed) failed.push({ ...ref, message: whole, outcome: 'failed' });
    else if (restSucceeded) applied.push(ref);
    else
      failed.push({
        ...ref,
        message: `calicoctl did not say whether this resource was ${past}; errors: ${whole}`,
        outcome: 'unknown',
      });
  });
  return { applied, failed };
}
