import type { ValidResource } from '../resources/kinds.js';
import { CalicoValidationError, fail, type Issue, ok, type Result } from '../result.js';
import { describeThrown } from '../shape/checks.js';
import { IssueCollector } from './issue-collector.js';
import { snapshot } from './json.js';
import { readResource } from './resource.js';

export { type GoRegexp, goRegexp, goRegexpProblem } from './felix/go-regexp.js';
export { plainCopy, type SnapshotProblem } from './json.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The walk builds its output only from fields it checked, in Calico's printed form: with no issue
 * found, that output is the resource.
 */
function isCheckedResource(out: object | undefined, issues: readonly Issue[]): out is ValidResource {
  return out !== undefined && issues.length === 0;
}

/**
 * Validates one `projectcalico.org/v3` resource the way Calico does with CRD validation on
 * (calicoctl, etcd mode, the API server): Go struct validation plus the CRD schema and CEL rules,
 * at Calico ≥ 3.32 behaviour. Decoding is strict like calicoctl's: unknown fields are issues.
 *
 * On success the value is a new, deeply frozen, plain copy in Calico's printed form: numeric
 * strings in `protocol` become numbers (`"6"` → `6`) and ports print as Calico marshals them
 * (`"80"` → `80`, `"80:80"` → `80`); everything else is kept as given (no CRD defaults are
 * filled in, `types` stays as written). Already-canonical input comes back deep-equal.
 * On failure every issue found is returned, each with a stable `code`, the `path` into the input
 * and a message that says how to fix it. Never throws, whatever the input.
 *
 * @example
 * ```ts
 * const r = validate({
 *   apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'deny-nodeports' },
 *   spec: { preDNAT: true, selector: "ibm.role == 'worker_public'",
 *     ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } }] },
 * });
 * // r.ok === false; r.issues[0]:
 * // { code: 'apply_on_forward_required', path: ['spec', 'applyOnForward'],
 * //   message: 'applyOnForward must be true if either preDNAT or doNotTrack is true: set spec.applyOnForward: true' }
 * ```
 */
export function validate(resource: unknown): Result<ValidResource> {
  try {
    const ctx = new IssueCollector();
    const { value, problems } = snapshot(resource);
    for (const p of problems) ctx.report(p.code, p.path, p.message);
    const out = readResource(ctx, value);
    if (ctx.issues.length > 0) return { ok: false, issues: ctx.issues }; // no spread: there may be very many
    if (!isCheckedResource(out, ctx.issues))
      return fail({ code: 'invalid_input', path: [], message: 'The input is not a Calico resource' });
    return ok(deepFreeze(out));
  } catch (e) {
    // Defensive: a bug here must still give a Result, never an exception.
    return fail({
      code: 'invalid_input',
      path: [],
      message: `Could not validate the input: ${describeThrown(e)}`,
    });
  }
}

/**
 * Like {@link validate}, but returns the resource or throws {@link CalicoValidationError} carrying
 * every issue.
 *
 * @example
 * ```ts
 * const gnp = validateOrThrow({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy',
 *   metadata: { name: 'allow-all' }, spec: { ingress: [{ action: 'Allow' }] } });
 * ```
 */
export function validateOrThrow(resource: unknown): ValidResource {
  const r = validate(resource);
  if (r.ok) return r.value;
  throw new CalicoValidationError(r.issues);
}
