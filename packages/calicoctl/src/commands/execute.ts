import { type CalicoResourceOf, formatIssues, type Issue } from '@calico-dsl/core';
import { fromYaml } from '@calico-dsl/yaml';
import { CalicoctlError, type FailedResource, formatRef, type ResourceRef } from '../errors.js';
import { howItEnded, interpretChange } from '../output/change-outcome.js';
import { type ChangeVerb, PAST_TENSE, parseCommandFailure, parseSuccessLine } from '../output/messages.js';
import { type CalicoctlVersion, parseVersion } from '../output/version.js';
import type { RunLimits, Runner, RunOutcome } from '../runner.js';
import type {
  ChangeExpectation,
  ChangeResult,
  Command,
  Expectation,
  PatchExpectation,
  PatchResult,
  ResourcesExpectation,
  VersionExpectation,
} from './command.js';

/**
 * What a command resolves with, by how its outcome is read.
 *
 * @example
 * ```ts
 * type Listed = ResultOf<ResourcesExpectation<'Tier'>>; // Tier[]
 * type Applied = ResultOf<ChangeExpectation<'apply'>>; // ChangeResult<'apply'>
 * ```
 */
export type ResultOf<E extends Expectation> =
  E extends ChangeExpectation<infer V>
    ? ChangeResult<V>
    : E extends ResourcesExpectation<infer K>
      ? CalicoResourceOf<K>[]
      : E extends VersionExpectation
        ? CalicoctlVersion
        : E extends PatchExpectation
          ? PatchResult
          : never;

/**
 * Where and how commands run: the binary, the child's complete environment, the runner and the
 * limits (time, output, `AbortSignal`) of this one run.
 *
 * @example
 * ```ts
 * const context: ExecutionContext = {
 *   bin: 'calicoctl',
 *   env: { PATH: '/usr/bin', KUBECONFIG: '/home/me/.kube/config' },
 *   runner: createNodeRunner(),
 *   limits: { timeoutMs: 30_000, maxOutputBytes: 16 * 1024 * 1024 },
 * };
 * ```
 */
export interface ExecutionContext {
  readonly bin: string;
  readonly env: Readonly<Record<string, string>>;
  readonly runner: Runner;
  readonly limits: RunLimits;
}

/**
 * Where to get calicoctl (Calico's install guide), named in the `BINARY_NOT_FOUND` message.
 *
 * @example
 * ```ts
 * console.error(`calicoctl is missing: install it from ${CALICOCTL_INSTALL_URL}`);
 * ```
 */
export const CALICOCTL_INSTALL_URL = 'https://docs.tigera.io/calico/latest/operations/calicoctl/install';

/** A process that ended by itself, with what it printed. */
interface Exited {
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Refuses invalid input: the one way every entry point reports `INVALID_INPUT` (nothing ran).
 *
 * @example
 * ```ts
 * throw invalidInput([{ code: 'no_names', path: ['name'], message: 'Name at least one resource to delete.' }], 'calicoctl');
 * ```
 */
export function invalidInput(
  issues: readonly Issue[],
  bin: string,
  args: readonly string[] = [],
): CalicoctlError {
  return new CalicoctlError(
    'INVALID_INPUT',
    `Invalid input, calicoctl was not run:\n${formatIssues(issues)}`,
    {
      bin,
      args,
      issues,
    },
  );
}

/**
 * Runs one {@link Command} through the context's runner and reads the outcome: resolves with the
 * command's result, or rejects with the `CalicoctlError` that says what happened — binary missing,
 * non-zero exit, timeout, aborted, unreadable output, or a partial change with every resource
 * sent accounted for (`applied`, `failed`, `unknown`).
 *
 * @example
 * ```ts
 * const context: ExecutionContext = {
 *   bin: 'calicoctl', env: { PATH: '/usr/bin' }, runner: createNodeRunner(),
 *   limits: { timeoutMs: 30_000, maxOutputBytes: 1 << 24 },
 * };
 * const policies = await executeCommand(unwrap(getCommand('GlobalNetworkPolicy')), context);
 * ```
 */
export async function executeCommand<E extends Expectation>(
  command: Command<E>,
  context: ExecutionContext,
): Promise<ResultOf<E>> {
  const exited = await run(command, context);
  // TypeScript does not narrow the generic E through `read`; each branch returns ResultOf of its own case.
  return interpret(command.expect, exited, context.bin) as ResultOf<E>;
}

async function run(command: Command, context: ExecutionContext): Promise<Exited> {
  const { bin, limits } = context;
  const { args } = command;
  const refs = command.expect.read === 'change' ? command.expect.refs : [];
  if (limits.signal?.aborted === true) {
    throw aborted(command, bin, { stdout: '', stderr: '' }, notStarted(refs));
  }
  const outcome: RunOutcome = await context.runner.run(
    {
      bin,
      args,
      env: context.env,
      ...(command.stdin === undefined ? {} : { stdin: command.stdin }),
    },
    limits,
  );
  const unknownAll = (why: string): FailedResource[] =>
    refs.map((r) => ({ ...r, message: why, outcome: 'unknown' }));
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
        `calicoctl binary not found (${outcome.message}). Give its path with \`--calicoctl <path>\` or the CALICOCTL_BIN variable (library: the \`bin\` option), or install calicoctl: ${CALICOCTL_INSTALL_URL}`,
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
    case 'timeout':
      throw new CalicoctlError(
        'TIMEOUT',
        `calicoctl ${args[0] ?? ''} timed out after ${limits.timeoutMs} ms and was stopped`,
        {
          bin,
          args,
          stdout: outcome.stdout,
          stderr: outcome.stderr,
          failed: unknownAll(
            `calicoctl was stopped after ${limits.timeoutMs} ms; it may or may not have changed this resource`,
          ),
        },
      );
    case 'output-limit':
      throw new CalicoctlError(
        'OUTPUT_PARSE',
        `calicoctl printed more than ${limits.maxOutputBytes} bytes and was stopped; raise maxOutputBytes to read this much`,
        {
          bin,
          args,
          stdout: outcome.stdout,
          stderr: outcome.stderr,
          failed: unknownAll('calicoctl was stopped for printing too much; outcome unknown'),
        },
      );
    case 'aborted':
      throw aborted(command, bin, outcome, knownAfterAbort(command.expect, outcome.stdout, outcome.stderr));
    default:
      return assertNever(outcome);
  }
}

function interpret(expect: Expectation, run: Exited, bin: string): unknown {
  switch (expect.read) {
    case 'change':
      return changeResult(expect, run, bin);
    case 'resources':
      return resources(expect, run, bin);
    case 'version': {
      if (run.exitCode !== 0) throw nonZeroExit(run, bin);
      const parsed = parseVersion(run.stdout);
      if (parsed === undefined)
        throw outputParse('calicoctl version printed no "Client Version:" line', run, bin);
      return parsed;
    }
    case 'patch': {
      if (run.exitCode !== 0) throw nonZeroExit(run, bin);
      const success = parseSuccessLine(run.stdout);
      if (success === undefined || success.past !== 'patched')
        throw outputParse('calicoctl patch exited 0 but printed no "Successfully patched" line', run, bin);
      return {
        patched: success.count,
        kind: success.kind,
        args: run.args,
        stdout: run.stdout,
      } satisfies PatchResult;
    }
    default:
      return assertNever(expect);
  }
}

function changeResult<V extends ChangeVerb>(
  expect: ChangeExpectation<V>,
  run: Exited,
  bin: string,
): ChangeResult<V> {
  const { verb, refs } = expect;
  const seen = interpretChange(verb, refs, run.exitCode, run.stdout, run.stderr, run.signal);
  if (!seen.ok) {
    throw new CalicoctlError(seen.code, seen.message, {
      bin,
      ...run,
      applied: seen.applied,
      failed: seen.failed,
    });
  }
  const common = {
    verb,
    count: seen.count,
    kind: seen.kind,
    resources: refs,
    args: run.args,
    stdout: run.stdout,
    stderr: run.stderr,
  };
  // The count's second name is the verb's past tense (`applied`, `deleted`, …); TypeScript cannot
  // type a computed key from a generic verb, so the mapped part is asserted here, once.
  return { ...common, [PAST_TENSE[verb]]: seen.count } as ChangeResult<V>;
}

function resources<K extends ResourcesExpectation['kind']>(
  expect: ResourcesExpectation<K>,
  run: Exited,
  bin: string,
): CalicoResourceOf<K>[] {
  const { kind } = expect;
  if (run.exitCode !== 0) throw nonZeroExit(run, bin);
  if (run.stdout.trim() === '')
    throw outputParse(`calicoctl get ${kind} printed nothing; expected YAML`, run, bin);
  const parsed = fromYaml(run.stdout);
  if (!parsed.ok) {
    throw new CalicoctlError(
      'OUTPUT_PARSE',
      `calicoctl get ${kind} printed YAML that does not parse as ${kind}:\n${formatIssues(parsed.issues)}`,
      { bin, ...run, issues: parsed.issues },
    );
  }
  const list: CalicoResourceOf<K>[] = [];
  for (const r of parsed.value) {
    if (r.kind !== kind) throw outputParse(`calicoctl get ${kind} returned a ${r.kind}`, run, bin);
    list.push(r as CalicoResourceOf<K>);
  }
  return list;
}

/** The one constructor of `EXIT_NONZERO` for commands that change nothing (get, version, patch). */
function nonZeroExit(run: Exited, bin: string): CalicoctlError {
  const said =
    parseCommandFailure(`${run.stderr}\n${run.stdout}`)?.message ??
    (run.stderr.trim() || run.stdout.trim() || '(no output)');
  const how = howItEnded(run.exitCode, run.signal);
  return new CalicoctlError('EXIT_NONZERO', `calicoctl ${run.args.slice(0, 2).join(' ')} ${how}: ${said}`, {
    bin,
    ...run,
  });
}

const outputParse = (message: string, run: Exited, bin: string) =>
  new CalicoctlError('OUTPUT_PARSE', message, { bin, ...run });

/** What is known of an aborted command's resources. */
interface Known {
  readonly applied: readonly ResourceRef[];
  readonly failed: readonly FailedResource[];
}

const notStarted = (refs: readonly ResourceRef[]): Known => ({
  applied: [],
  failed: refs.map((r) => ({
    ...r,
    message: 'not sent: the command was aborted before calicoctl started',
    outcome: 'failed',
  })),
});

const sameRef = (a: ResourceRef, b: ResourceRef) =>
  a.kind === b.kind && a.name === b.name && a.namespace === b.namespace;

/**
 * Reads what calicoctl printed before it was stopped: a complete success line, or per-resource
 * errors; every resource the output does not account for has outcome `unknown`.
 */
function knownAfterAbort(expect: Expectation, stdout: string, stderr: string): Known {
  if (expect.read !== 'change') return { applied: [], failed: [] };
  const { verb, refs } = expect;
  const success = parseSuccessLine(stdout);
  if (stderr.trim() === '' && success?.past === PAST_TENSE[verb] && success.count === refs.length) {
    return { applied: refs, failed: [] };
  }
  const seen = interpretChange(verb, refs, 1, stdout, stderr);
  const applied = seen.ok ? [] : seen.applied;
  const failed = seen.ok ? [] : seen.failed.filter((f) => f.outcome === 'failed');
  const unknown: FailedResource[] = refs
    .filter((r) => !applied.some((a) => sameRef(a, r)) && !failed.some((f) => sameRef(f, r)))
    .map((r) => ({
      ...r,
      message: `calicoctl was stopped before it said whether ${formatRef(r)} was ${PAST_TENSE[verb]}; re-run to be sure`,
      outcome: 'unknown',
    }));
  return { applied, failed: [...failed, ...unknown] };
}

function aborted(
  command: Command,
  bin: string,
  output: { readonly stdout: string; readonly stderr: string },
  known: Known,
): CalicoctlError {
  const unknown = known.failed.filter((f) => f.outcome === 'unknown').length;
  const counts =
    command.expect.read === 'change'
      ? `: ${known.applied.length} ${PAST_TENSE[command.expect.verb]}, ${known.failed.length - unknown} failed, ${unknown} unknown`
      : '';
  return new CalicoctlError('ABORTED', `calicoctl ${command.args[0] ?? ''} was aborted${counts}`, {
    bin,
    args: command.args,
    stdout: output.stdout,
    stderr: output.stderr,
    applied: known.applied,
    failed: known.failed,
  });
}

function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
