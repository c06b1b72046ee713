import {
  CALICO_KINDS,
  type CalicoKind,
  type CalicoResource,
  type CalicoResourceOf,
  formatIssues,
  type Issue,
} from '@calico-dsl/core';
import { fromYaml } from '@calico-dsl/yaml';
import {
  type Calicoctl,
  type CalicoctlOptions,
  type CallOptions,
  type ChangeResult,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
  type DeleteOptions,
  type GetOptions,
} from './api.js';
import { applyWithBackup } from './backup.js';
import { resolveEnvironment } from './environment.js';
import { CalicoctlError, type ResourceRef } from './errors.js';
import { checkArgument, checkKind, type Manifest, type ManifestInput, prepareManifest } from './input.js';
import { createNodeRunner } from './node-runner.js';
import { interpretChange } from './output/change-outcome.js';
import { type ChangeVerb, PAST_TENSE, parseCommandFailure, parseSuccessLine } from './output/messages.js';
import { parseVersion } from './output/version.js';
import { planChanges } from './plan.js';
import type { CalicoctlCommand } from './runner.js';

interface Exited {
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Creates a {@link Calicoctl}. Nothing runs until a method is called.
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
  const bin = options.bin ?? 'calicoctl';
  const runner = options.runner ?? createNodeRunner();
  const env = resolveEnvironment(options.parentEnv ?? process.env, {
    ...(options.inheritEnv === undefined ? {} : { inherit: options.inheritEnv }),
    ...(options.env === undefined ? {} : { env: options.env }),
    datastore: options,
    ...(options.context === undefined ? {} : { context: options.context }),
  });
  const limitsFor = (call?: CallOptions) => ({
    timeoutMs: call?.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
  });

  const positive = (value: number | undefined, name: string): Issue[] =>
    value === undefined || (Number.isFinite(value) && value > 0)
      ? []
      : [
          {
            code: 'invalid_option',
            path: [name],
            message: `${name} must be a positive number of ${name === 'timeoutMs' ? 'milliseconds' : 'bytes'}, got ${value}.`,
          },
        ];
  const optionIssues = [
    ...(options.config === undefined ? [] : checkArgument(options.config, ['config'])),
    ...(options.context === undefined ? [] : checkArgument(options.context, ['context'])),
    ...positive(options.timeoutMs, 'timeoutMs'),
    ...positive(options.maxOutputBytes, 'maxOutputBytes'),
  ];
  const mismatch = options.allowVersionMismatch === true ? ['--allow-version-mismatch'] : [];
  const config = options.config === undefined ? [] : [`--config=${options.config}`];
  const context = options.context === undefined ? [] : [`--context=${options.context}`];
  /** Flags every datastore command (create/apply/replace/delete/get/patch) accepts. */
  const datastoreFlags = [...config, ...context, ...mismatch];

  const invalid = (issues: readonly Issue[], args: readonly string[] = []): CalicoctlError =>
    new CalicoctlError('INVALID_INPUT', `Invalid input, calicoctl was not run:\n${formatIssues(issues)}`, {
      bin,
      args,
      issues,
    });

  /** Runs one command; rejects for everything except a process that exited by itself. */
  async function execute(
    args: readonly string[],
    call: CallOptions | undefined,
    stdin?: string,
    refs?: readonly ResourceRef[],
  ): Promise<Exited> {
    const limits = limitsFor(call);
    const issues = [
      ...optionIssues,
      ...(call?.timeoutMs === undefined ? [] : positive(call.timeoutMs, 'timeoutMs')),
    ];
    if (issues.length > 0) throw invalid(issues, args);
    const command: CalicoctlCommand = stdin === undefined ? { bin, args, env } : { bin, args, stdin, env };
    // Runners report outcomes and never reject; a rejection is a bug in the runner and propagates as is.
    const outcome = await runner.run(command, limits);
    const unknownFor = (why: string) =>
      (refs ?? []).map((r) => ({ ...r, message: why, outcome: 'unknown' as const }));
    switch (outcome.status) {
      case 'exited':
        return {
          args,
          exitCode: outcome.exitCode,
          signal: outcome.signal,
          stdout: outcome.stdout,
          stderr: outcome.stderr,
        };
      case 'not-found':
        throw new CalicoctlError(
          'BINARY_NOT_FOUND',
          `calicoctl binary not found: ${outcome.message}. Install calicoctl or pass its path as the \`bin\` option.`,
          { bin, args },
        );
      case 'spawn-failed':
        throw new CalicoctlError(
          'BINARY_NOT_FOUND',
          outcome.errno === 'EACCES'
            ? `calicoctl binary is not executable (EACCES): ${outcome.message}. Run \`chmod +x ${bin}\`.`
            : `calicoctl could not be started (${outcome.errno}): ${outcome.message}`,
          { bin, args },
        );
      case 'timeout': {
        const why = `calicoctl was killed after ${limits.timeoutMs} ms; it may or may not have changed this resource`;
        throw new CalicoctlError(
          'TIMEOUT',
          `calicoctl ${args[0] ?? ''} timed out after ${limits.timeoutMs} ms and was killed`,
          {
            bin,
            args,
            stdout: outcome.stdout,
            stderr: outcome.stderr,
            failed: unknownFor(why),
          },
        );
      }
      case 'output-limit':
        throw new CalicoctlError(
          'OUTPUT_PARSE',
          `calicoctl printed more than ${limits.maxOutputBytes} bytes and was killed; raise maxOutputBytes to read this much`,
          {
            bin,
            args,
            stdout: outcome.stdout,
            stderr: outcome.stderr,
            failed: unknownFor('calicoctl was killed for printing too much; outcome unknown'),
          },
        );
      default:
        return assertNever(outcome);
    }
  }

  async function change<V extends ChangeVerb>(
    verb: V,
    manifest: Manifest,
    flags: readonly string[],
    call: CallOptions | undefined,
  ): Promise<ChangeResult<V>> {
    const args = [verb, '-f', '-', ...flags];
    const run = await execute(args, call, manifest.yaml, manifest.refs);
    return interpretRun(verb, manifest.refs, run);
  }

  function interpretRun<V extends ChangeVerb>(
    verb: V,
    refs: readonly ResourceRef[],
    run: Exited,
  ): ChangeResult<V> {
    const seen = interpretChange(verb, refs, run.exitCode, run.stdout, run.stderr);
    if (!seen.ok) {
      throw new CalicoctlError(seen.code, seen.message, {
        bin,
        ...run,
        applied: seen.applied,
        failed: seen.failed,
      });
    }
    return {
      verb,
      count: seen.count,
      kind: seen.kind,
      resources: refs,
      args: run.args,
      stdout: run.stdout,
      stderr: run.stderr,
      [PAST_TENSE[verb]]: seen.count,
    } as ChangeResult<V>;
  }

  const manifestOf = (input: ManifestInput): Manifest => {
    const prepared = prepareManifest(input);
    if (!prepared.ok) throw invalid(prepared.issues);
    return prepared.value;
  };

  function namespaceFlags(
    kind: CalicoKind,
    namespace: string | undefined,
    all: boolean | undefined,
  ): string[] {
    const issues: Issue[] = [];
    const namespaced = CALICO_KINDS[kind].namespaced;
    if (namespace !== undefined) issues.push(...checkArgument(namespace, ['namespace']));
    if ((namespace !== undefined || all === true) && !namespaced)
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
    if (issues.length > 0) throw invalid(issues);
    return [
      ...(namespace === undefined ? [] : [`--namespace=${namespace}`]),
      ...(all === true ? ['--all-namespaces'] : []),
    ];
  }

  function namesOf(name: string | readonly string[] | undefined): string[] {
    const names = name === undefined ? [] : typeof name === 'string' ? [name] : [...name];
    const issues = names.flatMap((n, i) => checkArgument(n, ['name', i]));
    if (issues.length > 0) throw invalid(issues);
    return names;
  }

  const checkedKind = (kind: unknown): CalicoKind => {
    const issues = checkKind(kind);
    if (issues.length > 0) throw invalid(issues);
    return kind as CalicoKind;
  };

  async function get<K extends CalicoKind>(
    kind: K,
    name?: string | readonly string[],
    call?: GetOptions,
  ): Promise<CalicoResourceOf<K>[]> {
    checkedKind(kind);
    const names = namesOf(name);
    const args = [
      'get',
      kind,
      ...names,
      '--output=yaml',
      ...namespaceFlags(kind, call?.namespace, call?.allNamespaces),
      ...datastoreFlags,
    ];
    const run = await execute(args, call);
    if (run.exitCode !== 0) {
      const whole = parseCommandFailure(`${run.stderr}\n${run.stdout}`);
      const said = whole?.message ?? (run.stderr.trim() || run.stdout.trim() || '(no output)');
      throw new CalicoctlError(
        'EXIT_NONZERO',
        `calicoctl get ${kind} exited with code ${run.exitCode}: ${said}`,
        { bin, ...run },
      );
    }
    if (run.stdout.trim() === '') {
      throw new CalicoctlError('OUTPUT_PARSE', `calicoctl get ${kind} printed nothing; expected YAML`, {
        bin,
        ...run,
      });
    }
    const parsed = fromYaml(run.stdout);
    if (!parsed.ok) {
      throw new CalicoctlError(
        'OUTPUT_PARSE',
        `calicoctl get ${kind} printed YAML that does not parse as ${kind}:\n${formatIssues(parsed.issues)}`,
        {
          bin,
          ...run,
          issues: parsed.issues,
        },
      );
    }
    const other = parsed.value.find((r) => r.kind !== kind);
    if (other !== undefined) {
      throw new CalicoctlError('OUTPUT_PARSE', `calicoctl get ${kind} returned a ${other.kind}`, {
        bin,
        ...run,
      });
    }
    return parsed.value as CalicoResourceOf<K>[];
  }

  const ctl: Calicoctl = {
    apply: async (input, call) => change('apply', manifestOf(input), datastoreFlags, call),
    create: async (input, call) =>
      change(
        'create',
        manifestOf(input),
        [...datastoreFlags, ...(call?.skipExists === true ? ['--skip-exists'] : [])],
        call,
      ),
    replace: async (input, call) => change('replace', manifestOf(input), datastoreFlags, call),
    delete: (async (
      target: ManifestInput | CalicoKind,
      nameOrOptions?: string | readonly string[] | DeleteOptions,
      maybeOptions?: DeleteOptions,
    ) => {
      const byName =
        typeof target === 'string' && (typeof nameOrOptions === 'string' || Array.isArray(nameOrOptions));
      if (!byName) {
        const call = nameOrOptions as DeleteOptions | undefined;
        if (call?.namespace !== undefined)
          throw invalid([
            {
              code: 'namespace_with_manifest',
              path: ['namespace'],
              message: 'Set metadata.namespace on the resources instead of the namespace option.',
            },
          ]);
        const skip = call?.skipNotExists === true ? ['--skip-not-exists'] : [];
        return change('delete', manifestOf(target), [...datastoreFlags, ...skip], call);
      }
      const kind = checkedKind(target);
      const names = namesOf(nameOrOptions as string | readonly string[]);
      if (names.length === 0)
        throw invalid([
          { code: 'no_names', path: ['name'], message: 'Name at least one resource to delete.' },
        ]);
      const call = maybeOptions;
      const ns = namespaceFlags(kind, call?.namespace, undefined);
      const skip = call?.skipNotExists === true ? ['--skip-not-exists'] : [];
      const args = ['delete', kind, ...names, ...ns, ...datastoreFlags, ...skip];
      const namespace = CALICO_KINDS[kind].namespaced ? (call?.namespace ?? 'default') : undefined;
      const refs: ResourceRef[] = names.map((name) =>
        namespace === undefined ? { kind, name } : { kind, name, namespace },
      );
      return interpretRun('delete', refs, await execute(args, call, undefined, refs));
    }) as Calicoctl['delete'],
    get,
    validate: async (input, call) => change('validate', manifestOf(input), mismatch, call),
    async version(call) {
      const args = ['version', ...config, ...mismatch, ...(call?.clientOnly === true ? ['--client'] : [])];
      const run = await execute(args, call);
      if (run.exitCode !== 0) {
        throw new CalicoctlError(
          'EXIT_NONZERO',
          `calicoctl version exited with code ${run.exitCode}: ${run.stderr.trim() || run.stdout.trim()}`,
          {
            bin,
            ...run,
          },
        );
      }
      const parsed = parseVersion(run.stdout);
      if (parsed === undefined) {
        throw new CalicoctlError('OUTPUT_PARSE', 'calicoctl version printed no "Client Version:" line', {
          bin,
          ...run,
        });
      }
      return parsed;
    },
    async patch(kind, name, patch, call) {
      checkedKind(kind);
      namesOf(name);
      const args = [
        'patch',
        kind,
        name,
        `--patch=${JSON.stringify(patch)}`,
        ...namespaceFlags(kind, call?.namespace, undefined),
        ...datastoreFlags,
      ];
      const run = await execute(args, call);
      const success = run.exitCode === 0 ? parseSuccessLine(run.stdout) : undefined;
      if (run.exitCode !== 0) {
        throw new CalicoctlError(
          'EXIT_NONZERO',
          `calicoctl patch exited with code ${run.exitCode}: ${run.stderr.trim() || run.stdout.trim()}`,
          {
            bin,
            ...run,
          },
        );
      }
      if (success === undefined || success.past !== 'patched') {
        throw new CalicoctlError(
          'OUTPUT_PARSE',
          'calicoctl patch exited 0 but printed no "Successfully patched" line',
          { bin, ...run },
        );
      }
      return { patched: success.count, kind: success.kind, args: run.args, stdout: run.stdout };
    },
    plan: async (input, call) =>
      planChanges(manifestOf(input).resources, (kind, namespace) => listFor(kind, namespace, call)),
    applyWithBackup: async (input, backupOptions) =>
      applyWithBackup(
        ctl,
        manifestOf(input),
        (kind, namespace) => listFor(kind, namespace, backupOptions),
        backupOptions,
      ),
  };

  const listFor = (
    kind: CalicoKind,
    namespace: string | undefined,
    call?: CallOptions,
  ): Promise<CalicoResource[]> =>
    get(kind, undefined, {
      ...(namespace === undefined ? {} : { namespace }),
      ...(call?.timeoutMs === undefined ? {} : { timeoutMs: call.timeoutMs }),
    });

  return ctl;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled runner outcome: ${JSON.stringify(value)}`);
}
