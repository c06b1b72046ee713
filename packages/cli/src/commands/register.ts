/** How command modules plug into the program without knowing about exit handling. */
import type { Command } from 'commander';
import type { CommandContext, CommonOptions, ExitCode } from '../context.js';

/**
 * A command body: its positional arguments (as a tuple, in declaration order), its options and
 * the context; resolves with the exit status.
 *
 * @example
 * ```ts
 * const body: CommandBody<[string[]], { check?: boolean }> = async ([files], opts, ctx) => EXIT.ok;
 * ```
 */
export type CommandBody<A extends readonly unknown[], O> = (
  args: A,
  opts: O & CommonOptions,
  ctx: CommandContext,
) => Promise<ExitCode>;

/**
 * Wraps a body into a commander action that records the exit status.
 *
 * @example
 * ```ts
 * cmd.action(run(([files]: [string[]], _opts, ctx) => runValidate(files, ctx)));
 * ```
 */
export type RunWrapper = <A extends readonly unknown[], O>(
  body: CommandBody<A, O>,
) => (...args: unknown[]) => Promise<void>;

/**
 * Adds one command (with its options, help and examples) to the program.
 *
 * @example
 * ```ts
 * const registerFmt: Register = (program) => { program.command('fmt').description('Rewrite manifests in calicoctl order'); };
 * ```
 */
export type Register = (program: Command, run: RunWrapper) => void;
