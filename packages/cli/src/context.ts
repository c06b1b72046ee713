/** What every command receives: the injected I/O, output mode and palettes. */
import type { CliIo } from './io.js';
import { type Palette, palette, useColor } from './output/colors.js';

/**
 * The options every command accepts.
 *
 * @example
 * ```ts
 * const opts: CommonOptions = { json: true, color: false };
 * ```
 */
export interface CommonOptions {
  readonly json?: boolean;
  /** `false` after `--no-color`. */
  readonly color?: boolean;
}

/**
 * A command's view of the world.
 *
 * @example
 * ```ts
 * declare const ctx: CommandContext;
 * if (ctx.json) ctx.io.stdout.write(`${JSON.stringify({ ok: true })}\n`);
 * else ctx.io.stdout.write(`${ctx.out.green('ok')}\n`);
 * ```
 */
export interface CommandContext {
  readonly io: CliIo;
  readonly json: boolean;
  /** Styles for stdout. */
  readonly out: Palette;
  /** Styles for stderr. */
  readonly err: Palette;
}

/**
 * Builds the {@link CommandContext} from the common options.
 *
 * @example
 * ```ts
 * commandContext(nodeIo(), { json: true }).json; // true
 * ```
 */
export function commandContext(io: CliIo, opts: CommonOptions): CommandContext {
  return {
    io,
    json: opts.json === true,
    out: palette(useColor(io.stdout, io.env, opts.color)),
    err: palette(useColor(io.stderr, io.env, opts.color)),
  };
}

/**
 * Exit statuses: 0 ok, 1 a finding (invalid input, unexpected verdict, calicoctl failure), 2 usage;
 * 130 / 143 after Ctrl-C (SIGINT) / SIGTERM, as a shell reports a process those signals ended.
 *
 * @example
 * ```ts
 * const code = await main(['node', 'calico-dsl', 'validate', 'policy.yaml']);
 * if (code === EXIT.finding) console.error('policy.yaml has issues');
 * ```
 */
export const EXIT = { ok: 0, finding: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

/**
 * One of {@link EXIT}'s values.
 *
 * @example
 * ```ts
 * const code: ExitCode = EXIT.usage;
 * ```
 */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
