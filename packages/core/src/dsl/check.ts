import type { ValidResource } from '../resources/kinds.js';
import { fail, ok, type Result } from '../result.js';
import { validate } from '../validate/index.js';
import { deepFreeze } from './ir.js';

/**
 * The last step of every builder's `build()`: the IR is deep-frozen and run through `validate`, so
 * a builder never yields a resource Calico would reject. Issues are returned unchanged (their paths
 * point into the resource the builder would have produced).
 */
export function checked<R extends ValidResource>(resource: R): Result<R> {
  const frozen = deepFreeze(resource);
  const result = validate(frozen);
  return result.ok ? ok(frozen) : fail(...result.issues);
}

/** The issue a builder reports when it was never given a `metadata.name`. */
export function missingName<R>(factory: string): Result<R> {
  return fail({
    code: 'required',
    path: ['metadata', 'name'],
    message: `metadata.name is required: pass it to ${factory}('…') or call .name('…')`,
  });
}
