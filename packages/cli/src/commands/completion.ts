/** `calico-dsl completion bash|zsh|fish`: shell completion generated from the program itself. */
import { Argument, type Command } from 'commander';
import { EXIT, type ExitCode } from '../context.js';
import type { CliStream } from '../io.js';
import type { Register } from './register.js';

/**
 * What completion offers: each command with its options (long and short forms).
 *
 * @example
 * ```ts
 * const spec: CompletionSpec = [{ name: 'validate', description: 'Validate manifests', options: ['-f', '--filename', '-R'] }];
 * ```
 */
export type CompletionSpec = readonly {
  readonly name: string;
  readonly description: string;
  readonly options: readonly string[];
}[];

/**
 * The shells `completion` writes scripts for.
 *
 * @example
 * ```ts
 * const shell: Shell = 'zsh';
 * ```
 */
export type Shell = 'bash' | 'zsh' | 'fish';

/**
 * Reads commands and options off a commander program, so commands added later complete too.
 *
 * @example
 * ```ts
 * completionSpec(buildProgram(nodeIo(), { value: EXIT.ok })).map((c) => c.name);
 * ```
 */
export function completionSpec(program: Command): CompletionSpec {
  return program.commands.map((cmd) => ({
    name: cmd.name(),
    description: cmd.description(),
    options: [...cmd.options.flatMap((o) => [o.short, o.long]), '--help'].filter(
      (f): f is string => f !== undefined,
    ),
  }));
}

// Words are command names and flags: [a-z0-9-]; quote anyway so a script never breaks.
const shQuote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

function bash(spec: CompletionSpec): string {
  const cases = spec.map((c) => `    ${c.name}) opts=${shQuote(c.options.join(' '))} ;;`).join('\n');
  return `# bash completion for calico-dsl: source <(calico-dsl completion bash)
_calico_dsl() {
  local cur cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W ${shQuote(`${spec.map((c) => c.name).join(' ')} --help --version`)} -- "$cur") )
    return 0
  fi
  cmd="\${COMP_WORDS[1]}"
  case "$cmd" in
${cases}
    *) opts='' ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
  return 0
}
complete -o filenames -o bashdefault -F _calico_dsl calico-dsl
`;
}

function zsh(spec: CompletionSpec): string {
  const zq = (s: string) => s.replaceAll("'", "'\\''").replaceAll(':', '\\:');
  const commands = spec.map((c) => `    '${zq(c.name)}:${zq(c.description)}'`).join('\n');
  const cases = spec
    .map(
      (c) =>
        `      ${c.name}) _arguments ${c.options.map((o) => shQuote(`${o}[]`)).join(' ')} '*:file:_files' ;;`,
    )
    .join('\n');
  return `#compdef calico-dsl
# zsh completion for calico-dsl: calico-dsl completion zsh > "\${fpath[1]}/_calico-dsl"
_calico-dsl() {
  local -a commands
  commands=(
${commands}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case "$words[1]" in
${cases}
      *) _files ;;
  esac
}
compdef _calico-dsl calico-dsl
`;
}

function fish(spec: CompletionSpec): string {
  const lines = ['# fish completion for calico-dsl: calico-dsl completion fish | source'];
  lines.push(`complete -c calico-dsl -f -n __fish_use_subcommand -l help -d 'show help'`);
  for (const c of spec) {
    lines.push(
      `complete -c calico-dsl -n __fish_use_subcommand -a ${shQuote(c.name)} -d ${shQuote(c.description)}`,
    );
    for (const o of c.options) {
      const flag = o.startsWith('--') ? `-l ${shQuote(o.slice(2))}` : `-s ${shQuote(o.slice(1))}`;
      lines.push(`complete -c calico-dsl -n ${shQuote(`__fish_seen_subcommand_from ${c.name}`)} ${flag}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The completion script for one shell.
 *
 * @example
 * ```ts
 * completionScript('bash', [{ name: 'validate', description: 'Validate', options: ['-f'] }]).includes('complete -o filenames'); // true
 * ```
 */
export function completionScript(shell: Shell, spec: CompletionSpec): string {
  switch (shell) {
    case 'bash':
      return bash(spec);
    case 'zsh':
      return zsh(spec);
    case 'fish':
      return fish(spec);
    default:
      return assertNever(shell);
  }
}

/** Exhaustiveness: a new shell must get a case above. */
function assertNever(x: never): never {
  throw new Error(`unexpected shell: ${String(x)}`);
}

function runCompletion(shell: Shell, program: Command, out: CliStream): ExitCode {
  out.write(completionScript(shell, completionSpec(program)));
  return EXIT.ok;
}

/**
 * Adds `completion` to the program.
 *
 * @example
 * ```ts
 * registerCompletion(program, run);
 * ```
 */
export const registerCompletion: Register = (program, run) => {
  program
    .command('completion')
    .description('Print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(calico-dsl completion bash)                       # in ~/.bashrc
  $ calico-dsl completion zsh > "\${fpath[1]}/_calico-dsl"
  $ calico-dsl completion fish > ~/.config/fish/completions/calico-dsl.fish`,
    )
    .action(run(async ([shell]: [Shell], _opts, ctx) => runCompletion(shell, program, ctx.io.stdout)));
};
