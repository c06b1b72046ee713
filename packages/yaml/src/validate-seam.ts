import type { CalicoResource, Result } from '@calico-dsl/core';
import * as core from '@calico-dsl/core';

type Validate = (resource: unknown) => Result<CalicoResource>;

// TEMPORARY until core exports `validate` (contract: validate(resource: unknown): Result<CalicoResource>):
// read it off the namespace so this package builds before it lands; replace with a named import then.
const coreValidate = (core as unknown as { readonly validate?: Validate }).validate;

/**
 * Core's `validate`, or an issue saying it is missing from the installed core.
 *
 * @example
 * ```ts
 * validate({ apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'a' }, spec: {} });
 * ```
 */
export const validate: Validate =
  coreValidate ??
  (() => ({
    ok: false,
    issues: [
      {
        code: 'internal_error',
        path: [],
        message: '@calico-dsl/core has no validate(); install a core that exports it',
      },
    ],
  }));
