import { type CalicoResource, describeValue, type Issue, type Result } from '@calico-dsl/core';
import {
  type Calicoctl,
  type CalicoctlOptions,
  type CallOptions,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
} from './api.js';
import { applyWithBackup } from './backup.js';
import type { Command, Expectation } from './commands/command.js';
import {
  applyCommand,
  type ConnectionFlags,
  checkConnectionFlags,
  createCommand,
  deleteCommand,
  deleteNamedCommand,
  getCommand,
  patchCommand,
  replaceCommand,
  validateCommand,
  versionCommand,
} from './commands/constructors.js';
import { executeCommand, invalidInput, type ResultOf } from './commands/execute.js';
import { resolveEnvironment } from './environment.js';
import { type ManifestInput, prepareManifest } from './input.js';
import { createNodeRunner } from './node-runner.js';
import { planChanges } from './plan.js';
import { checkTimeoutMs } from './timeout.js';

/**
 * Creates a {@link Calicoctl}: the options are checked now (an invalid `timeoutMs`, `config` or
 * `context` throws `INVALID_INPUT` at once), nothing runs until a method is called. Each method
 * builds a command with the pure constructors and runs it with `executeCommand`.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { createCalicoctl } from '@calico-dsl/calicoctl';
 *
 * const ctl = createCalicoctl({ bin: 'calicoctl', env: { KUBECONFIG: '/home/me/.kube/config' }, timeoutMs: 30_000 });
 * const { applied } = await ctl.apply(await readFile('policies.yaml', 'utf8'));
 * ```
 */
export function createCalicoctl(options: CalicoctlOptions = {}): Calicoctl {
  if (typeof options !== 'object' || options === null)
    throw invalidInput(
      [
        {
          code: 'invalid_option',
          path: [],
          message: `The options must be an object, not ${describeValue(options)}`,
        },
      ],
      'calicoctl',
    );
  const bin = options.bin ?? 'calicoctl';
  const timeout = options.timeoutMs === undefined ? undefined : checkTimeoutMs(options.timeoutMs);
  const issues: Issue[] = [
    ...(typeof bin === 'string' && bin !== ''
      ? []
      : [
          {
            code: 'invalid_option' as const,
            path: ['bin'],
            message: `bin is a path or a command name, not ${describeValue(bin)}`,
          },
        ]),
    ...checkConnectionFlags(options),
    ...(timeout === undefined || timeout.ok ? [] : timeout.issues),
    ...checkMaxOutputBytes(options.maxOutputBytes),
  ];
  if (issues.length > 0) throw invalidInput(issues, bin);

  const runner = options.runner ?? createNodeRunner();
  const env = resolveEnvironment(options.parentEnv ?? process.env, {
    inherit: options.cleanEnv === true ? 'standard' : 'all',
    ...(options.env === undefined ? {} : { env: options.env }),
    datastore: options,
    ...(options.context === undefined ? {} : { context: options.context }),
  });
  const connection: ConnectionFlags = {
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.context === undefined ? {} : { context: options.context }),
    ...(options.allowVersionMismatch === true ? { allowVersionMismatch: true } : {}),
  };
  const timeoutMs = timeout?.ok === true ? timeout.value : DEFAULT_TIMEOUT_MS;
  const maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;

  /** Runs a built command with this calicoctl's binary, environment, runner and limits. */
  async function run<E extends Expectation>(
    built: Result<Command<E>>,
    call?: CallOptions,
  ): Promise<ResultOf<E>> {
    if (!built.ok) throw invalidInput(built.issues, bin);
    const callTimeout = call?.timeoutMs === undefined ? undefined : checkTimeoutMs(call.timeoutMs);
    if (callTimeout !== undefined && !callTimeout.ok)
      throw invalidInput(callTimeout.issues, bin, built.value.args);
    const signal = eitherSignal(options.signal, call?.signal);
    return executeCommand(built.value, {
      bin,
      env,
      runner,
      limits: {
        timeoutMs: callTimeout?.value ?? timeoutMs,
        maxOutputBytes,
        ...(signal === undefined ? {} : { signal }),
      },
    });
  }
  const listLive =
    (call?: CallOptions) =>
    (kind: CalicoResource['kind'], namespace: string | undefined): Promise<CalicoResource[]> =>
      run(
        getCommand(kind, undefined, { ...connection, ...(namespace === undefined ? {} : { namespace }) }),
        call,
      );
  const manifestOf = (input: ManifestInput) => {
    const prepared = prepareManifest(input);
    if (!prepared.ok) throw invalidInput(prepared.issues, bin);
    return prepared.value;
  };

  return {
    apply: (input, call) => run(applyCommand(input, connection), call),
    create: (input, call) =>
      run(
        createCommand(input, { ...connection, ...(call?.skipExists === true ? { skipExists: true } : {}) }),
        call,
      ),
    replace: (input, call) => run(replaceCommand(input, connection), call),
    delete: (input, call) =>
      run(
        deleteCommand(input, {
          ...connection,
          ...(call?.skipNotExists === true ? { skipNotExists: true } : {}),
        }),
        call,
      ),
    deleteNamed: (kind, name, call) =>
      run(
        deleteNamedCommand(kind, name, {
          ...connection,
          ...(call?.namespace === undefined ? {} : { namespace: call.namespace }),
          ...(call?.skipNotExists === true ? { skipNotExists: true } : {}),
        }),
        call,
      ),
    get: (kind, name, call) =>
      run(
        getCommand(kind, name, {
          ...connection,
          ...(call?.namespace === undefined ? {} : { namespace: call.namespace }),
          ...(call?.allNamespaces === true ? { allNamespaces: true } : {}),
        }),
        call,
      ),
    validate: (input, call) =>
      run(
        validateCommand(input, options.allowVersionMismatch === true ? { allowVersionMismatch: true } : {}),
        call,
      ),
    version: (call) =>
      run(
        versionCommand({
          ...(options.config === undefined ? {} : { config: options.config }),
          ...(options.allowVersionMismatch === true ? { allowVersionMismatch: true } : {}),
          ...(call?.clientOnly === true ? { clientOnly: true } : {}),
        }),
        call,
      ),
    patch: (kind, name, patch, call) =>
      run(
        patchCommand(kind, name, patch, {
          ...connection,
          ...(call?.namespace === undefined ? {} : { namespace: call.namespace }),
        }),
        call,
      ),
    plan: async (input, call) => planChanges(manifestOf(input).resources, listLive(call)),
    applyWithBackup: async (input, backupOptions = {}) =>
      applyWithBackup(
        manifestOf(input),
        { run, listLive: listLive(backupOptions), connection },
        backupOptions,
      ),
  };
}

function checkMaxOutputBytes(value: number | undefined): Issue[] {
  if (value === undefined || (Number.isSafeInteger(value) && value > 0)) return [];
  return [
    {
      code: 'invalid_option',
      path: ['maxOutputBytes'],
      message: `maxOutputBytes must be a positive whole number of bytes, got ${value}.`,
    },
  ];
}

/** One signal that aborts when either does (the Calicoctl's own or the call's). */
function eitherSignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return AbortSignal.any([a, b]);
}
