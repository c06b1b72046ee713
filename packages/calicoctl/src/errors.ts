import type { Issue } from '@calico-dsl/core';

/**
 * Why a calicoctl call failed. One code per way a caller may want to react: install the binary,
 * read calicoctl's message, retry later, report a bug, inspect a partial apply, fix the input, or
 * report what an interrupted (`AbortSignal`) command had done.
 *
 * @example
 * ```ts
 * // interpretChange reads calicoctl's output into an outcome with a code (CalicoctlError carries the same codes):
 * interpretChange('apply', [{ kind: 'Tier', name: 'a' }, { kind: 'Tier', name: 'b' }, { kind: 'Tier', name: 'c' }], 1, "Partial success: applied the first 2 out of 3 'Tier' resources:\n", 'Hit error(s): [resource does not exist: Tier(c)]\n'); // { ok: false, code: 'PARTIAL_FAILURE', message: 'calicoctl apply exited with code 1: 2 of 3 resource(s) applied (Tier(a), Tier(b)); 1 failed: Tier(c): resource does not exist: Tier(c)', applied: [{ kind: 'Tier', name: 'a' }, { kind: 'Tier', name: 'b' }], failed: [{ kind: 'Tier', name: 'c', message: 'resource does not exist: Tier(c)', outcome: 'failed' }] }
 * ```
 */
export type CalicoctlErrorCode =
  | 'BINARY_NOT_FOUND'
  | 'EXIT_NONZERO'
  | 'TIMEOUT'
  | 'OUTPUT_PARSE'
  | 'PARTIAL_FAILURE'
  | 'INVALID_INPUT'
  | 'ABORTED';

/**
 * Identifies one resource sent to (or named on the command line of) calicoctl.
 *
 * @example
 * ```ts
 * // refOf names a resource the way calicoctl does:
 * refOf(networkPolicy('allow-web', 'shop').allow().toResource()); // { kind: 'NetworkPolicy', name: 'allow-web', namespace: 'shop' }
 * ```
 */
export interface ResourceRef {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/**
 * A resource calicoctl did not (or may not have) changed, with calicoctl's error text.
 * `outcome: 'unknown'` means calicoctl's output did not say whether this resource was changed
 * (it never claims success for such a resource): re-running the same command is safe.
 *
 * @example
 * ```ts
 * // interpretChange lists each resource calicoctl refused, with its own error:
 * const outcome = interpretChange('apply', [{ kind: 'Tier', name: 'a' }, { kind: 'Tier', name: 'b' }, { kind: 'Tier', name: 'c' }], 1, "Partial success: applied the first 2 out of 3 'Tier' resources:\n", 'Hit error(s): [resource does not exist: Tier(c)]\n');
 * const failed: readonly FailedResource[] = outcome.ok ? [] : outcome.failed;
 * // failed: [{ kind: 'Tier', name: 'c', message: 'resource does not exist: Tier(c)', outcome: 'failed' }]
 * ```
 */
export interface FailedResource extends ResourceRef {
  readonly message: string;
  readonly outcome: 'failed' | 'unknown';
}

/**
 * What `applyWithBackup` did to put the previous live state back after a failed apply.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * try {
 *   await ctl.applyWithBackup([tier('security').order(100)]);
 * } catch (e) {
 *   const rollback: RollbackReport | undefined = isCalicoctlError(e) ? e.rollback : undefined;
 *   if (rollback?.error) console.error('restore failed too:', rollback.error.message);
 * }
 * ```
 */
export interface RollbackReport {
  /** Resources that existed before and were re-applied from the backup. */
  readonly restored: readonly ResourceRef[];
  /** Resources that did not exist before and were deleted again (missing ones are skipped). */
  readonly removed: readonly ResourceRef[];
  /** Set when the restore itself failed; the backup is still on the error's `backup`. */
  readonly error?: CalicoctlError;
}

/**
 * Everything a {@link CalicoctlError} carries besides its code and message.
 *
 * @example
 * ```ts
 * new CalicoctlError('EXIT_NONZERO', 'calicoctl apply exited with code 1', { args: ['apply', '-f', '-'], exitCode: 1 });
 * ```
 */
export interface CalicoctlErrorDetails {
  readonly bin?: string;
  readonly args?: readonly string[];
  readonly exitCode?: number | null;
  readonly signal?: string | null;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly applied?: readonly ResourceRef[];
  readonly failed?: readonly FailedResource[];
  readonly issues?: readonly Issue[];
  readonly rollback?: RollbackReport;
  readonly backup?: string;
  readonly backupLocation?: string;
  readonly cause?: unknown;
}

/**
 * The one error class every `Calicoctl` method rejects with. `code` says what went wrong; `args`,
 * `exitCode`, `stdout` and `stderr` keep exactly what ran and what it printed. For changes
 * (`apply`, `create`, `replace`, `delete`, `validate`) `applied` and `failed` account for every
 * resource sent, so nothing is silently lost; `INVALID_INPUT` carries the validation `issues`.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const policies = [preDnat('deny-nodeports').deny().tcp().ports('30000:32767')];
 * try {
 *   await ctl.apply(policies);
 * } catch (e) {
 *   if (e instanceof CalicoctlError && e.code === 'PARTIAL_FAILURE') {
 *     console.log('applied', e.applied, 'failed', e.failed.map((f) => `${f.name}: ${f.message}`));
 *   }
 * }
 * ```
 */
export class CalicoctlError extends Error {
  override readonly name = 'CalicoctlError';
  readonly code: CalicoctlErrorCode;
  /** The binary that ran (or was looked for). */
  readonly bin: string;
  /** The argument array passed to the binary (never a shell string). */
  readonly args: readonly string[];
  /** The exit status, or `null` when the process never ran, was killed, or ended by a signal. */
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Resources calicoctl certainly changed. */
  readonly applied: readonly ResourceRef[];
  /** Resources calicoctl did not change, or may not have (`outcome: 'unknown'`). */
  readonly failed: readonly FailedResource[];
  /** The entries of `failed` whose outcome is unknown (e.g. after `TIMEOUT` or `ABORTED`): re-run to be sure. */
  readonly unknown: readonly FailedResource[];
  /** For `INVALID_INPUT` (and unparsable `get` output): what is wrong, with paths. */
  readonly issues: readonly Issue[];
  /** Set by `applyWithBackup` when it tried to restore the previous state. */
  readonly rollback: RollbackReport | undefined;
  /** Set by `applyWithBackup`: the YAML of the live state saved before the apply. */
  readonly backup: string | undefined;
  /** Set by `applyWithBackup` when `saveBackup` returned where it stored the backup (a path, a URL). */
  readonly backupLocation: string | undefined;

  constructor(code: CalicoctlErrorCode, message: string, details: CalicoctlErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.bin = details.bin ?? '';
    this.args = details.args ?? [];
    this.exitCode = details.exitCode ?? null;
    this.signal = details.signal ?? null;
    this.stdout = details.stdout ?? '';
    this.stderr = details.stderr ?? '';
    this.applied = details.applied ?? [];
    this.failed = details.failed ?? [];
    this.unknown = this.failed.filter((f) => f.outcome === 'unknown');
    this.issues = details.issues ?? [];
    this.rollback = details.rollback;
    this.backup = details.backup;
    this.backupLocation = details.backupLocation;
  }

  /**
   * A copy of this error with more details (used to attach rollback information).
   *
   * @example
   * ```ts
   * declare const err: CalicoctlError;
   * throw err.with({ rollback: { restored: [], removed: [] } });
   * ```
   */
  with(details: CalicoctlErrorDetails): CalicoctlError {
    const merged: CalicoctlErrorDetails = {
      bin: this.bin,
      args: this.args,
      exitCode: this.exitCode,
      signal: this.signal,
      stdout: this.stdout,
      stderr: this.stderr,
      applied: this.applied,
      failed: this.failed,
      issues: this.issues,
      ...(this.rollback === undefined ? {} : { rollback: this.rollback }),
      ...(this.backup === undefined ? {} : { backup: this.backup }),
      ...(this.backupLocation === undefined ? {} : { backupLocation: this.backupLocation }),
      ...(this.cause === undefined ? {} : { cause: this.cause }),
      ...details,
    };
    return new CalicoctlError(this.code, this.message, merged);
  }
}

/**
 * Whether `value` is a {@link CalicoctlError}, optionally with a given code.
 *
 * @example
 * ```ts
 * try {
 *   await createCalicoctl({ bin: 'calicoctl', timeoutMs: 5_000 }).version();
 * } catch (e) {
 *   if (isCalicoctlError(e, 'TIMEOUT')) console.error(`no answer within 5 s: calicoctl ${e.args.join(' ')}`);
 * }
 * ```
 */
export function isCalicoctlError(value: unknown, code?: CalicoctlErrorCode): value is CalicoctlError {
  return value instanceof CalicoctlError && (code === undefined || value.code === code);
}

/**
 * Formats a resource reference the way calicoctl names resources in its errors: `Kind(ns/name)`.
 *
 * @example
 * ```ts
 * formatRef({ kind: 'NetworkPolicy', name: 'web', namespace: 'shop' }); // 'NetworkPolicy(shop/web)'
 * ```
 */
export function formatRef(ref: ResourceRef): string {
  return `${ref.kind}(${ref.namespace === undefined ? '' : `${ref.namespace}/`}${ref.name})`;
}
