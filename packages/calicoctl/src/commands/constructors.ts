import { CALICO_KINDS, type CalicoKind, type Issue, issue, type Result } from '@calico-dsl/core';
import type { ResourceRef } from '../errors.js';
import { checkArgument, checkKind, type ManifestInput, prepareManifest } from '../input.js';
import type { ChangeVerb } from '../output/messages.js';
import type {
  ChangeExpectation,
  Command,
  Expectation,
  PatchExpectation,
  ResourcesExpectation,
  VersionExpectation,
} from './command.js';

/**
 * Flags that pick the datastore and the version check, shared by every datastore command.
 *
 * @example
 * ```ts
 * const flags: ConnectionFlags = { context: 'prod', allowVersionMismatch: true };
 * applyCommand(tier('security').order(100), flags);
 * ```
 */
export interface ConnectionFlags {
  /** `--config`: a calicoctl config file (CalicoAPIConfig). When it exists calicoctl ignores the environment. */
  readonly config?: string;
  /** `--context`: the kubeconfig context. */
  readonly context?: string;
  /** `--allow-version-mismatch`: run even when the client and cluster versions differ. */
  readonly allowVersionMismatch?: boolean;
}

/**
 * Checks the connection flags (a `config` or `context` calicoctl would read as a flag is refused).
 *
 * @example
 * ```ts
 * checkConnectionFlags({ context: '--all' }); // [{ code: 'invalid_argument', path: ['context'], … }]
 * ```
 */
export function checkConnectionFlags(flags: ConnectionFlags): Issue[] {
  return [
    ...(flags.config === undefined ? [] : checkArgument(flags.config, ['config'])),
    ...(flags.context === undefined ? [] : checkArgument(flags.context, ['context'])),
  ];
}

const mismatchArgs = (flags: { readonly allowVersionMismatch?: boolean }) =>
  flags.allowVersionMismatch === true ? ['--allow-version-mismatch'] : [];
const connectionArgs = (flags: ConnectionFlags) => [
  ...(flags.config === undefined ? [] : [`--config=${flags.config}`]),
  ...(flags.context === undefined ? [] : [`--context=${flags.context}`]),
  ...mismatchArgs(flags),
];

/** Freezes a command and everything in it, so a caller can share it but not change it. */
function frozen<E extends Expectation>(args: readonly string[], expect: E, stdin?: string): Command<E> {
  const command: Command<E> = {
    args: Object.freeze([...args]),
    ...(stdin === undefined ? {} : { stdin }),
    expect: Object.freeze(expect),
  };
  return Object.freeze(command);
}

const failed = (issues: Issue[]): { ok: false; issues: Issue[] } => ({ ok: false, issues });

/** The `-f -` form every change verb shares: validated manifest on stdin, one ref per resource. */
function changeCommand<V extends ChangeVerb>(
  verb: V,
  input: ManifestInput,
  flagIssues: Issue[],
  flags: readonly string[],
): Result<Command<ChangeExpectation<V>>> {
  const manifest = prepareManifest(input);
  const issues = [...flagIssues, ...(manifest.ok ? [] : manifest.issues)];
  if (!manifest.ok || issues.length > 0) return failed(issues);
  const refs = Object.freeze(manifest.value.refs.map((r) => Object.freeze({ ...r })));
  return {
    ok: true,
    value: frozen([verb, '-f', '-', ...flags], { read: 'change', verb, refs }, manifest.value.yaml),
  };
}

/**
 * `calicoctl apply -f -`: create or replace each resource. Validates the input (resources, DSL
 * builders or YAML text) and renders it as calicoctl-ready YAML for stdin.
 *
 * @example
 * ```ts
 * const built = applyCommand([preDnat('deny-nodeports').deny().tcp().ports('30000:32767')]);
 * if (built.ok) built.value.args; // ['apply', '-f', '-']
 * ```
 */
export function applyCommand(
  input: ManifestInput,
  flags: ConnectionFlags = {},
): Result<Command<ChangeExpectation<'apply'>>> {
  return changeCommand('apply', input, checkConnectionFlags(flags), connectionArgs(flags));
}

/**
 * `calicoctl create -f -`: fails for resources that exist, unless `skipExists` (`--skip-exists`).
 *
 * @example
 * ```ts
 * createCommand(tier('security').order(100), { skipExists: true }); // args: ['create', '-f', '-', '--skip-exists']
 * ```
 */
export function createCommand(
  input: ManifestInput,
  flags: ConnectionFlags & { readonly skipExists?: boolean } = {},
): Result<Command<ChangeExpectation<'create'>>> {
  const skip = flags.skipExists === true ? ['--skip-exists'] : [];
  return changeCommand('create', input, checkConnectionFlags(flags), [...connectionArgs(flags), ...skip]);
}

/**
 * `calicoctl replace -f -`: fails for resources that do not exist.
 *
 * @example
 * ```ts
 * replaceCommand(tier('security').order(200)); // args: ['replace', '-f', '-']
 * ```
 */
export function replaceCommand(
  input: ManifestInput,
  flags: ConnectionFlags = {},
): Result<Command<ChangeExpectation<'replace'>>> {
  return changeCommand('replace', input, checkConnectionFlags(flags), connectionArgs(flags));
}

/**
 * `calicoctl delete -f -`: deletes the resources given (namespaces come from their metadata).
 *
 * @example
 * ```ts
 * deleteCommand(preDnat('deny-nodeports').deny(), { skipNotExists: true }); // args: ['delete', '-f', '-', '--skip-not-exists']
 * ```
 */
export function deleteCommand(
  input: ManifestInput,
  flags: ConnectionFlags & { readonly skipNotExists?: boolean } = {},
): Result<Command<ChangeExpectation<'delete'>>> {
  const skip = flags.skipNotExists === true ? ['--skip-not-exists'] : [];
  return changeCommand('delete', input, checkConnectionFlags(flags), [...connectionArgs(flags), ...skip]);
}

/**
 * `calicoctl delete <KIND> <NAME>...`: deletes resources by kind and name (namespaced kinds: in
 * `namespace`, calicoctl's default `default`).
 *
 * @example
 * ```ts
 * deleteNamedCommand('NetworkPolicy', ['a', 'b'], { namespace: 'shop' });
 * // args: ['delete', 'NetworkPolicy', 'a', 'b', '--namespace=shop']
 * ```
 */
export function deleteNamedCommand(
  kind: CalicoKind,
  name: string | readonly string[],
  flags: ConnectionFlags & { readonly namespace?: string; readonly skipNotExists?: boolean } = {},
): Result<Command<ChangeExpectation<'delete'>>> {
  const names = typeof name === 'string' ? [name] : [...name];
  const issues: Issue[] = [
    ...checkKind(kind),
    ...namesIssues(names),
    ...(names.length === 0 ? [issue('no_names', ['name'], 'Name at least one resource to delete.')] : []),
    ...checkConnectionFlags(flags),
  ];
  if (issues.length > 0) return failed(issues);
  const ns = namespaceFlags(kind, flags.namespace, undefined);
  if (!ns.ok) return ns;
  const namespace = CALICO_KINDS[kind].namespaced ? (flags.namespace ?? 'default') : undefined;
  const refs = Object.freeze(
    names.map(
      (n): ResourceRef =>
        Object.freeze(namespace === undefined ? { kind, name: n } : { kind, name: n, namespace }),
    ),
  );
  const skip = flags.skipNotExists === true ? ['--skip-not-exists'] : [];
  return {
    ok: true,
    value: frozen(['delete', kind, ...names, ...ns.value, ...connectionArgs(flags), ...skip], {
      read: 'change',
      verb: 'delete',
      refs,
    }),
  };
}

/**
 * `calicoctl get <KIND> [<NAME>...] --output=yaml`, read back as resources of `kind`.
 *
 * @example
 * ```ts
 * getCommand('NetworkPolicy', undefined, { allNamespaces: true });
 * // args: ['get', 'NetworkPolicy', '--output=yaml', '--all-namespaces']
 * ```
 */
export function getCommand<K extends CalicoKind>(
  kind: K,
  name?: string | readonly string[],
  flags: ConnectionFlags & { readonly namespace?: string; readonly allNamespaces?: boolean } = {},
): Result<Command<ResourcesExpectation<K>>> {
  const names = name === undefined ? [] : typeof name === 'string' ? [name] : [...name];
  const issues = [...checkKind(kind), ...namesIssues(names), ...checkConnectionFlags(flags)];
  if (issues.length > 0) return failed(issues);
  const ns = namespaceFlags(kind, flags.namespace, flags.allNamespaces);
  if (!ns.ok) return ns;
  return {
    ok: true,
    value: frozen(['get', kind, ...names, '--output=yaml', ...ns.value, ...connectionArgs(flags)], {
      read: 'resources',
      kind,
    }),
  };
}

/**
 * `calicoctl validate -f -` (calicoctl v3.31+): Calico's own offline validation. It reads no
 * datastore, so only `--allow-version-mismatch` applies.
 *
 * @example
 * ```ts
 * validateCommand(tier('security').order(100)); // args: ['validate', '-f', '-']
 * ```
 */
export function validateCommand(
  input: ManifestInput,
  flags: { readonly allowVersionMismatch?: boolean } = {},
): Result<Command<ChangeExpectation<'validate'>>> {
  return changeCommand('validate', input, [], mismatchArgs(flags));
}

/**
 * `calicoctl version`: client and (unless `clientOnly`, `--client`) cluster versions.
 *
 * @example
 * ```ts
 * versionCommand({ clientOnly: true }); // args: ['version', '--client']
 * ```
 */
export function versionCommand(
  flags: Omit<ConnectionFlags, 'context'> & { readonly clientOnly?: boolean } = {},
): Result<Command<VersionExpectation>> {
  const issues = checkConnectionFlags(flags);
  if (issues.length > 0) return failed(issues);
  const config = flags.config === undefined ? [] : [`--config=${flags.config}`];
  const client = flags.clientOnly === true ? ['--client'] : [];
  return {
    ok: true,
    value: frozen(['version', ...config, ...mismatchArgs(flags), ...client], { read: 'version' }),
  };
}

/**
 * `calicoctl patch <KIND> <NAME> --patch=<JSON>` (strategic merge); the JSON is one argument.
 *
 * @example
 * ```ts
 * patchCommand('GlobalNetworkPolicy', 'allow-ping', { spec: { order: 10 } });
 * // args: ['patch', 'GlobalNetworkPolicy', 'allow-ping', '--patch={"spec":{"order":10}}']
 * ```
 */
export function patchCommand(
  kind: CalicoKind,
  name: string,
  patch: Readonly<Record<string, unknown>>,
  flags: ConnectionFlags & { readonly namespace?: string } = {},
): Result<Command<PatchExpectation>> {
  const issues = [...checkKind(kind), ...namesIssues([name]), ...checkConnectionFlags(flags)];
  if (issues.length > 0) return failed(issues);
  const ns = namespaceFlags(kind, flags.namespace, undefined);
  if (!ns.ok) return ns;
  const args = [
    'patch',
    kind,
    name,
    `--patch=${JSON.stringify(patch)}`,
    ...ns.value,
    ...connectionArgs(flags),
  ];
  return { ok: true, value: frozen(args, { read: 'patch' }) };
}

function namesIssues(names: readonly string[]): Issue[] {
  return names.flatMap((n, i) => checkArgument(n, ['name', i]));
}

/** `--namespace` / `--all-namespaces`, refused where calicoctl would refuse them. */
function namespaceFlags(
  kind: CalicoKind,
  namespace: string | undefined,
  all: boolean | undefined,
): Result<string[]> {
  const issues: Issue[] = [];
  if (namespace !== undefined) issues.push(...checkArgument(namespace, ['namespace']));
  if ((namespace !== undefined || all === true) && !CALICO_KINDS[kind].namespaced)
    issues.push({
      code: 'not_namespaced',
      path: ['namespace'],
      message: `${kind} is not namespaced: drop the namespace options.`,
    });
  if (namespace !== undefined && all === true)
    issues.push({
      code: 'namespace_conflict',
      path: ['allNamespaces'],
      message: 'Use either namespace or allNamespaces, not both (calicoctl rejects the combination).',
    });
  if (issues.length > 0) return failed(issues);
  return {
    ok: true,
    value: [
      ...(namespace === undefined ? [] : [`--namespace=${namespace}`]),
      ...(all === true ? ['--all-namespaces'] : []),
    ],
  };
}
