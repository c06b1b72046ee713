/** `calico-dsl init [dir]`: scaffold a policies-as-code repository. */
import { basename } from 'node:path';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { scaffoldFiles } from '../init/templates.js';
import { writeJson } from '../output/json.js';
import { CLI_VERSION } from '../version.js';
import type { Register } from './register.js';

/**
 * Options of `init`.
 *
 * @example
 * ```ts
 * const o: InitOptions = { name: 'network-policies', force: false };
 * ```
 */
export interface InitOptions {
  /** The package name (default: the folder's name). */
  readonly name?: string;
  /** Overwrite files that already exist. */
  readonly force?: boolean;
}

const exists = async (ctx: CommandContext, path: string): Promise<boolean> =>
  ctx.io.readFile(path).then(
    () => true,
    () => false,
  );

const NPM_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/**
 * Writes the scaffold into `dir`; refuses (exit 1, nothing written) when a file would be
 * overwritten, unless `--force`.
 *
 * @example
 * ```ts
 * const code = await runInit('network-policies', {}, ctx);
 * ```
 */
export async function runInit(dir: string, opts: InitOptions, ctx: CommandContext): Promise<ExitCode> {
  const folder = dir === '.' ? ((await ctx.io.realPath?.('.')) ?? 'policies') : dir;
  const name =
    opts.name ??
    basename(folder)
      .toLowerCase()
      .replace(/[^a-z0-9-._~]/g, '-')
      .replace(/^[._]+/, '');
  if (!NPM_NAME.test(name)) {
    ctx.io.stderr.write(`error: "${name}" is not an npm package name: pass --name <name>\n`);
    return EXIT.usage;
  }
  const files = scaffoldFiles(name, { calicoDsl: CLI_VERSION }).map((f) => ({
    ...f,
    path: ctx.io.join(dir, f.path),
  }));
  if (opts.force !== true) {
    const present: string[] = [];
    for (const f of files) if (await exists(ctx, f.path)) present.push(f.path);
    if (present.length > 0) {
      const message = `these files exist already: ${present.join(', ')}; nothing was written (pass --force to overwrite them)`;
      if (ctx.json) writeJson(ctx.io.stdout, { ok: false, error: message, existing: present });
      else ctx.io.stderr.write(`${ctx.err.red('error')}: ${message}\n`);
      return EXIT.finding;
    }
  }
  const written: string[] = [];
  const failed: { file: string; error: string }[] = [];
  for (const f of files) {
    try {
      await ctx.io.writeFile(f.path, f.text);
      written.push(f.path);
    } catch (error) {
      failed.push({
        file: f.path,
        error: `cannot write the file (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  }
  const ok = failed.length === 0;
  if (ctx.json) writeJson(ctx.io.stdout, { ok, files: written, ...(ok ? {} : { failed }) });
  else {
    for (const f of written) ctx.io.stdout.write(`${ctx.out.green('wrote')} ${f}\n`);
    for (const f of failed) ctx.io.stderr.write(`${ctx.err.red('not written')} ${f.file}: ${f.error}\n`);
    if (ok) {
      const cd = dir === '.' ? '' : `cd ${dir} && `;
      ctx.io.stdout.write(`\nNext: ${cd}npm install && npm run synth && npm test\n`);
    }
  }
  return ok ? EXIT.ok : EXIT.finding;
}

/**
 * Adds `init` to the program.
 *
 * @example
 * ```ts
 * registerInit(program, run);
 * ```
 */
export const registerInit: Register = (program, run) => {
  program
    .command('init')
    .description('Scaffold a policies-as-code repository: policies.ts, tests, CI workflow, README')
    .argument('[dir]', 'the folder to write into (created when missing)', '.')
    .option('--name <name>', "the package name (default: the folder's name)")
    .option('--force', 'overwrite files that exist already')
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl init network-policies && cd network-policies && npm install && npm test
  $ calico-dsl init . --name platform-policies

Writes package.json, tsconfig.json, policies.ts (the DSL), policies.test.ts (testkit matchers),
.github/workflows/policies.yml (synth, validate, fmt --check, tests, lint/diff) and README.md.`,
    )
    .action(run(([dir]: [string], opts: InitOptions, ctx) => runInit(dir, opts, ctx)));
};
