/**
 * calicoctl's own output lines (calicoctl/commands/*.go at v3.30; the 3.34-dev cobra build prints
 * the same sentences with lower-case error prefixes). Every pattern is case-insensitive.
 */

/**
 * The change verbs whose output reports `Successfully <past> N …`.
 *
 * @example
 * ```ts
 * // The verbs calicoctl reports as changes, with the word its messages use:
 * PAST_TENSE; // { apply: 'applied', create: 'created', replace: 'replaced', delete: 'deleted', validate: 'validated' }
 * ```
 */
export type ChangeVerb = 'apply' | 'create' | 'replace' | 'delete' | 'validate';

/**
 * The past tense calicoctl prints for each verb (also the count's name on change results).
 *
 * @example
 * ```ts
 * PAST_TENSE.delete; // 'deleted'
 * ```
 */
export const PAST_TENSE = {
  apply: 'applied',
  create: 'created',
  replace: 'replaced',
  delete: 'deleted',
  validate: 'validated',
} as const satisfies Record<ChangeVerb, string>;

/**
 * `Successfully applied 2 'GlobalNetworkPolicy' resource(s)` → count and kind ('' when mixed).
 *
 * @example
 * ```ts
 * parseSuccessLine("Successfully applied 2 'GlobalNetworkPolicy' resource(s)\n"); // { past: 'applied', count: 2, kind: 'GlobalNetworkPolicy' }
 * ```
 */
export interface SuccessLine {
  readonly past: string;
  readonly count: number;
  readonly kind: string;
}

/**
 * `Partial success: applied the first 2 out of 3 'GlobalNetworkPolicy' resources:`
 *
 * @example
 * ```ts
 * parsePartialLine("Partial success: applied the first 2 out of 3 'GlobalNetworkPolicy' resources:\n"); // { past: 'applied', handled: 2, total: 3, kind: 'GlobalNetworkPolicy' }
 * ```
 */
export interface PartialLine {
  readonly past: string;
  readonly handled: number;
  readonly total: number;
  readonly kind: string;
}

const SUCCESS = /^Successfully (\w+) (\d+) (?:'([^'\n]*)' )?resources?(?:\(s\))?\s*$/im;
const PARTIAL = /^Partial success: (\w+) the first (\d+) out of (\d+) (?:'([^'\n]*)' )?resources:?\s*$/im;
const HIT_ERROR = /^hit error(?:\(s\))?: ([\s\S]*)$/im;
const FAILED_ALL = /^failed to (\w+) (?:any )?(?:'([^'\n]*)' )?resources?: ([\s\S]*)$/im;
const FAILED_DELETE_LINE = /^failed to delete (?:'[^'\n]*' )?resource: (.*)$/gim;

/**
 * Finds calicoctl's success line.
 *
 * @example
 * ```ts
 * parseSuccessLine("Successfully applied 2 'GlobalNetworkPolicy' resource(s)\n");
 * // { past: 'applied', count: 2, kind: 'GlobalNetworkPolicy' }
 * ```
 */
export function parseSuccessLine(text: string): SuccessLine | undefined {
  const m = SUCCESS.exec(text);
  if (!m) return undefined;
  return { past: m[1]!.toLowerCase(), count: Number(m[2]), kind: m[3] ?? '' };
}

/**
 * Finds the `Partial success: …` line (printed only when successes outnumber errors, a quirk).
 *
 * @example
 * ```ts
 * parsePartialLine("Partial success: applied the first 2 out of 3 'GlobalNetworkPolicy' resources:\n");
 * // { past: 'applied', handled: 2, total: 3, kind: 'GlobalNetworkPolicy' }
 * ```
 */
export function parsePartialLine(text: string): PartialLine | undefined {
  const m = PARTIAL.exec(text);
  if (!m) return undefined;
  return { past: m[1]!.toLowerCase(), handled: Number(m[2]), total: Number(m[3]), kind: m[4] ?? '' };
}

/**
 * The error list after `Hit error(s): ` / `hit error: ` (calicoctl prints Go's `[err1 err2]`).
 *
 * @example
 * ```ts
 * parseHitError('Hit error(s): [resource already exists: Tier(security)]'); // 'resource already exists: Tier(security)'
 * ```
 */
export function parseHitError(text: string): string | undefined {
  const m = HIT_ERROR.exec(text);
  return m ? unbracket(m[1]!) : undefined;
}

/** Go prints an error slice as `[err1 err2]`; the brackets are noise in a message. */
function unbracket(text: string): string {
  const t = text.trim();
  return t.startsWith('[') && t.endsWith(']') ? t.slice(1, -1).trim() : t;
}

/**
 * `Failed to apply 'Tier' resource: [...]` / `failed to apply any resources: [...]`: nothing was
 * changed. Returns the verb and the error text.
 *
 * @example
 * ```ts
 * parseFailedAll("Failed to create 'Tier' resource: [resource already exists: Tier(security)]");
 * // { verb: 'create', kind: 'Tier', errors: 'resource already exists: Tier(security)' }
 * ```
 */
export function parseFailedAll(text: string): { verb: string; kind: string; errors: string } | undefined {
  const m = FAILED_ALL.exec(text);
  if (!m) return undefined;
  return { verb: m[1]!.toLowerCase(), kind: m[2] ?? '', errors: unbracket(m[3]!) };
}

/**
 * The per-resource error lines `calicoctl delete` prints after its success line.
 *
 * @example
 * ```ts
 * parseDeleteFailures("Failed to delete 'Tier' resource: resource does not exist: Tier(x) with error: ...\n");
 * // ['resource does not exist: Tier(x) with error: ...']
 * ```
 */
export function parseDeleteFailures(text: string): string[] {
  return [...text.matchAll(FAILED_DELETE_LINE)].map((m) => m[1]!.trim());
}

/**
 * A failure of the whole command (nothing was changed), with advice for the user.
 *
 * @example
 * ```ts
 * const f: CommandFailure = { reason: 'version-mismatch', message: 'Version mismatch. … (pass allowVersionMismatch: true)' };
 * ```
 */
export interface CommandFailure {
  readonly reason:
    | 'client'
    | 'version-mismatch'
    | 'config-file'
    | 'file-invalid'
    | 'usage'
    | 'unsupported-kind'
    | 'no-resources';
  readonly message: string;
}

const COMMAND_FAILURES: readonly [RegExp, CommandFailure['reason'], string][] = [
  [
    /^Failed to create Calico API client: .*$/im,
    'client',
    'check the datastore settings (DATASTORE_TYPE, KUBECONFIG, ETCD_ENDPOINTS or --config)',
  ],
  [
    /^Version mismatch\.[\s\S]*$/im,
    'version-mismatch',
    'use a calicoctl that matches the cluster, or pass allowVersionMismatch: true',
  ],
  [
    // The version check itself failed (before any change): `version_mismatch.go`.
    /^Unable to get Cluster Information to verify version mismatch: .*$/im,
    'version-mismatch',
    'check the connection to the cluster, or pass allowVersionMismatch: true',
  ],
  [/^Error reading config file: .*$/im, 'config-file', 'the --config file could not be read'],
  [/^Failed to execute command: .*$/im, 'file-invalid', 'calicoctl could not read the manifest'],
  [
    // docopt (≤3.30): `Unknown command: "validate"` or `Invalid option: …`; cobra (3.31+, errors
    // printed bare): `unknown command "x" for "calicoctl"`, `unknown flag: --x`.
    /^(?:Invalid option: .*|Unknown command: .*|(?:Error: )?unknown (?:command|flag|shorthand flag)\b.*)$/im,
    'usage',
    'this calicoctl does not support the command or flag (validate needs v3.31+)',
  ],
  [
    /^.*resource type '[^']*' is not supported.*$/im,
    'unsupported-kind',
    'this calicoctl does not know the kind',
  ],
  [/^No resources specified.*$/im, 'no-resources', 'calicoctl received no resources'],
];

/**
 * Recognises calicoctl's whole-command failures (client, version mismatch, config, usage…).
 *
 * @example
 * ```ts
 * parseCommandFailure('Failed to create Calico API client: no configuration has been provided');
 * // { reason: 'client', message: 'Failed to create Calico API client: no configuration has been provided (check the datastore settings …)' }
 * ```
 */
export function parseCommandFailure(text: string): CommandFailure | undefined {
  for (const [pattern, reason, advice] of COMMAND_FAILURES) {
    const m = pattern.exec(text);
    if (m) return { reason, message: `${m[0].trim().replace(/\s*\n\s*/g, ' ')} (${advice})` };
  }
  return undefined;
}
