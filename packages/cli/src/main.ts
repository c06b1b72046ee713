/** The `calico-dsl` program: commander wiring, exit statuses and the injected I/O. */
import { Command, CommanderError } from 'commander';
import { registerApply } from './commands/apply.js';
import { registerCompletion } from './commands/completion.js';
import { registerDelete } from './commands/delete.js';
import { registerDiff } from './commands/diff.js';
import { registerEval } from './commands/eval.js';
import { registerExplain } from './commands/explain.js';
import { registerFmt } from './commands/fmt.js';
import { registerGet } from './commands/get.js';
import { registerInit } from './commands/init.js';
import { registerLint } from './commands/lint.js';
import { registerMatrix } from './commands/matrix.js';
import { registerPlan } from './commands/plan.js';
import type { Register, RunWrapper } from './commands/register.js';
import { registerSearch } from './commands/search.js';
import { registerSynth } from './commands/synth.js';
import { registerValidate } from './commands/validate.js';
import { type CommonOptions, commandContext, EXIT, type ExitCode } from './context.js';
import type { CliIo } from './io.js';
import { nodeIo } from './node-io.js';
import { CLI_VERSION } from './version.js';

// One line per command: new commands (lint, diff, …) are added here and nowhere else.
const COMMANDS: readonly Register[] = [
  registerSynth,
  registerValidate,
  registerFmt,
  registerEval,
  registerExplain,
  registerMatrix,
  registerLint,
  registerDiff,
  registerSearch,
  registerPlan,
  registerApply,
  registerDelete,
  registerGet,
  registerInit,
  registerCompletion,
];

const EXAMPLES = `
Examples:
  $ calico-dsl synth policies.ts -o out/          # DSL module → one YAML file per resource
  $ calico-dsl validate out/*.yaml                # Calico-exact validation, file:line:column issues
  $ calico-dsl fmt --check out/*.yaml             # CI: fail when a file is not in calicoctl order
  $ calico-dsl eval cluster.yaml out/*.yaml \\
      --flow 'tcp 198.51.100.7:40000 -> 169.46.10.20:80' --expect allow
  $ calico-dsl explain cluster.yaml out/*.yaml --flow 'tcp 198.51.100.7 -> 169.46.7.10:31024'
  $ calico-dsl matrix cluster.yaml out/*.yaml --port 8080 --format mermaid
  $ calico-dsl plan out/*.yaml && calico-dsl apply out/*.yaml

Every command takes --json. Exit status: 0 ok, 1 a finding (invalid input, unexpected verdict,
calicoctl failure), 2 usage error.`;

/**
 * Builds the commander program. `exitCode.value` receives the status of the command that ran.
 *
 * @example
 * ```ts
 * const state: { value: ExitCode } = { value: EXIT.ok };
 * await buildProgram(nodeIo(), state).parseAsync(['node', 'calico-dsl', 'validate', 'a.yaml']);
 * process.exitCode = state.value;
 * ```
 */
export function buildProgram(io: CliIo, exitCode: { value: ExitCode }): Command {
  const program = new Command('calico-dsl')
    .description('Calico network policy as code: synthesize, validate, format, evaluate and apply policies.')
    .version(CLI_VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .addHelpText('after', EXAMPLES);
  const run: RunWrapper =
    (body) =>
    async (...args) => {
      // commander passes the positional arguments, then the options, then the command.
      const cmd = args[args.length - 1] as Command;
      const opts = cmd.opts<CommonOptions>();
      exitCode.value = await body(args.slice(0, -2) as never, opts as never, commandContext(io, opts));
    };
  for (const register of COMMANDS) register(program, run);
  for (const cmd of program.commands) {
    cmd.option('--json', 'print one JSON document on stdout instead of text');
    cmd.option('--no-color', 'never color the output (colors are used only on a terminal anyway)');
  }
  return program;
}

/**
 * Runs the CLI with `argv` as Node passes it (`[node, script, ...args]`) and resolves with the
 * exit status; nothing calls `process.exit`, so tests run it in-process with a fake {@link CliIo}.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv);
 * ```
 */
export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<ExitCode> {
  const exitCode: { value: ExitCode } = { value: EXIT.ok };
  const program = buildProgram(io, exitCode);
  try {
    await program.parseAsync([...argv]);
    return exitCode.value;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    // A bug or an environment failure, not a finding about the input: say so plainly.
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`calico-dsl: unexpected error: ${message}\n`);
    return EXIT.finding;
  }
}
