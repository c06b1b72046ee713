import type { CalicoKind } from '@calico-dsl/core';
import type { ResourceRef } from '../errors.js';
import type { ChangeVerb, PAST_TENSE } from '../output/messages.js';

/**
 * How to read a change command's outcome (`apply`, `create`, `replace`, `delete`, `validate`):
 * the verb's success line, and which of the resources sent (`refs`, in order) were changed.
 *
 * @example
 * ```ts
 * // The command constructors say what to read from calicoctl's output:
 * unwrap(applyCommand([tier('security').order(100)])).expect; // { read: 'change', verb: 'apply', refs: [{ kind: 'Tier', name: 'security' }] }
 * ```
 */
export interface ChangeExpectation<V extends ChangeVerb = ChangeVerb> {
  readonly read: 'change';
  readonly verb: V;
  readonly refs: readonly ResourceRef[];
}

/**
 * How to read `get -o yaml`: a list of resources that must all be of `kind`.
 *
 * @example
 * ```ts
 * unwrap(getCommand('Tier', 'security')).expect; // { read: 'resources', kind: 'Tier' }
 * ```
 */
export interface ResourcesExpectation<K extends CalicoKind = CalicoKind> {
  readonly read: 'resources';
  readonly kind: K;
}

/**
 * How to read `calicoctl version`: the `Client Version:` / `Cluster Version:` lines.
 *
 * @example
 * ```ts
 * unwrap(versionCommand()).expect; // { read: 'version' }
 * ```
 */
export interface VersionExpectation {
  readonly read: 'version';
}

/**
 * How to read `calicoctl patch`: its `Successfully patched 1 'Kind' resource` line.
 *
 * @example
 * ```ts
 * unwrap(patchCommand('GlobalNetworkPolicy', 'allow-ping', { spec: { order: 10 } })).expect; // { read: 'patch' }
 * ```
 */
export interface PatchExpectation {
  readonly read: 'patch';
}

/**
 * How a command's outcome is interpreted, keyed on `read`.
 *
 * @example
 * ```ts
 * const describe = (e: Expectation) => (e.read === 'change' ? `${e.verb} ${e.refs.length}` : e.read);
 * ```
 */
export type Expectation = ChangeExpectation | ResourcesExpectation | VersionExpectation | PatchExpectation;

/**
 * One calicoctl command as plain, frozen data: the argument array (no binary, no environment:
 * those belong to the `Calicoctl` that runs it), the manifest text for stdin, and how to read the
 * outcome. Built by the pure constructors (`applyCommand`, `getCommand`, …) and run by
 * `executeCommand`; nothing runs until then, so a command can be logged, compared or tested as is.
 *
 * @example
 * ```ts
 * const built = getCommand('GlobalNetworkPolicy', 'allow-ping');
 * if (built.ok) built.value.args; // ['get', 'GlobalNetworkPolicy', 'allow-ping', '--output=yaml']
 * ```
 */
export interface Command<E extends Expectation = Expectation> {
  readonly args: readonly string[];
  readonly stdin?: string;
  readonly expect: E;
}

/**
 * What a change command reports: the count calicoctl printed (also under the verb's past tense,
 * e.g. `applied`), the kind (`''` when several kinds were sent, as calicoctl prints none), the
 * resources sent, and the exact arguments and output.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const r: ChangeResult<'apply'> = await ctl.apply([
 *   preDnat('deny-nodeports-tcp').deny().tcp().ports('30000:32767'),
 *   preDnat('deny-nodeports-udp').deny().udp().ports('30000:32767'),
 * ]);
 * r.applied; // 2
 * r.kind; // 'GlobalNetworkPolicy'
 * ```
 */
export type ChangeResult<V extends ChangeVerb> = {
  readonly verb: V;
  readonly count: number;
  readonly kind: string;
  readonly resources: readonly ResourceRef[];
  readonly args: readonly string[];
  readonly stdout: string;
  readonly stderr: string;
} & { readonly [P in (typeof PAST_TENSE)[V]]: number };

/**
 * The result of `Calicoctl.patch`.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const r: PatchResult = await ctl.patch('GlobalNetworkPolicy', 'allow-ping', { spec: { order: 10 } });
 * r.patched; // 1
 * ```
 */
export interface PatchResult {
  readonly patched: number;
  readonly kind: string;
  readonly args: readonly string[];
  readonly stdout: string;
}
