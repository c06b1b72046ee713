/** `calico-dsl fmt <files…>`: rewrite manifests in calicoctl's canonical field order. */
import { findComments, toJson, toYaml } from '@calico-dsl/yaml';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { addInputOptions, type InputOptions } from '../inputs.js';
import { type LoadedFile, loadInputs, missingInputs } from '../manifests.js';
import { formatFileIssues, issueJson } from '../output/issues.js';
import { writeJson } from '../output/json.js';
import type { Register } from './register.js';

/**
 * Options of {@link runFmt}.
 *
 * @example
 * ```ts
 * const opts: FmtOptions = { check: true };
 * ```
 */
export interface FmtOptions extends InputOptions {
  /** Only report files that are not canonical (exit 1); write nothing. */
  readonly check?: boolean;
  /** Rewrite files even though their comments will be lost. */
  readonly dropComments?: boolean;
}

/** What happened to one file. */
type FmtStatus = 'unchanged' | 'formatted' | 'would-format' | 'has-comments' | 'invalid' | 'write-failed';

/**
 * The canonical text of a file: `toJson` for `.json` files (one object stays one object), else
 * multi-document `toYaml`.
 *
 * @example
 * ```ts
 * canonicalText({ file: 'a.yaml', text, resources, issues: [] }); // calicoctl-ordered YAML
 * ```
 */
export function canonicalText(file: LoadedFile): string {
  if (!file.file.endsWith('.json')) return toYaml(file.resources);
  const [only] = file.resources;
  const single = file.resources.length === 1 && only !== undefined && file.text?.trimStart().startsWith('{');
  return toJson(single ? only : file.resources);
}

function statusOf(file: LoadedFile, opts: FmtOptions): { status: FmtStatus; canonical?: string } {
  if (file.issues.length > 0 || file.text === undefined) return { status: 'invalid' };
  const canonical = canonicalText(file);
  if (canonical === file.text) return { status: 'unchanged' };
  if (opts.check) return { status: 'would-format' };
  if (!opts.dropComments && findComments(file.text).length > 0) return { status: 'has-comments' };
  return { status: 'formatted', canonical };
}

/**
 * Formats files in place (or checks them with `check`). Exit 1 when a file is invalid, is not
 * canonical under `--check`, or has comments that formatting would drop.
 *
 * @example
 * ```ts
 * await runFmt(['policy.yaml'], { check: true }, ctx); // 1 when policy.yaml needs formatting
 * ```
 */
export async function runFmt(
  files: readonly string[],
  opts: FmtOptions,
  ctx: CommandContext,
): Promise<ExitCode> {
  const usage = missingInputs('fmt', files, opts, ctx.io);
  if (usage !== undefined) return usage;
  // Each file is formatted on its own: the same resource in two files (per-environment copies) is fine.
  const loaded = await loadInputs(files, opts, ctx.io, { eachFileAlone: true });
  const results: { file: LoadedFile; status: FmtStatus; error?: string }[] = [];
  for (const file of loaded.files) {
    const { status, canonical } = statusOf(file, opts);
    // Standard input has no file to rewrite: its text, formatted or already canonical, goes to
    // stdout (`fmt -f - < a.yaml > b.yaml` must never leave b.yaml with a status line instead).
    if (file.file === '-') {
      const text = status === 'unchanged' && !opts.check ? file.text : canonical;
      if (!ctx.json && text !== undefined) ctx.io.stdout.write(text);
      results.push({ file, status });
      continue;
    }
    if (canonical === undefined) {
      results.push({ file, status });
      continue;
    }
    // One file that cannot be written (read-only, full disk) must not stop the others.
    try {
      await ctx.io.writeFile(file.file, canonical);
      results.push({ file, status });
    } catch (error) {
      results.push({ file, status: 'write-failed', error: errorMessage(error) });
    }
  }
  const named = new Set(loaded.files.map((f) => f.file));
  const pathIssues = loaded.issues.filter((i) => !named.has(i.file));
  const failed =
    pathIssues.length > 0 || results.some((r) => r.status !== 'unchanged' && r.status !== 'formatted');
  if (ctx.json) {
    writeJson(ctx.io.stdout, {
      ok: !failed,
      ...(pathIssues.length > 0 ? { issues: pathIssues.map(issueJson) } : {}),
      files: results.map((r) => ({
        file: r.file.file,
        status: r.status,
        ...(r.error !== undefined ? { error: r.error } : {}),
        issues: r.file.issues.map(issueJson),
      })),
    });
    return failed ? EXIT.finding : EXIT.ok;
  }
  // With standard input among the inputs stdout holds its YAML, so status lines go to stderr.
  const toStderr = loaded.files.some((f) => f.file === '-');
  const status = toStderr ? ctx.io.stderr : ctx.io.stdout;
  const c = toStderr ? ctx.err : ctx.out;
  status.write(formatFileIssues(pathIssues, c));
  const line: Record<Exclude<FmtStatus, 'write-failed'>, (f: string) => string> = {
    unchanged: (f) => `${c.dim('unchanged')}  ${f}\n`,
    formatted: (f) => `${c.green('formatted')}  ${f}\n`,
    'would-format': (f) => `${c.yellow('would reformat')}  ${f}\n`,
    'has-comments': (f) =>
      `${c.yellow('skipped')}  ${f}: it has comments, which formatting drops; pass --drop-comments to rewrite anyway\n`,
    invalid: () => '',
  };
  for (const r of results) {
    status.write(
      r.status === 'invalid'
        ? formatFileIssues(r.file.issues, c)
        : r.status === 'write-failed'
          ? `${c.red('not written')}  ${r.file.file}: ${r.error ?? 'unknown error'}\n`
          : line[r.status](r.file.file),
    );
  }
  return failed ? EXIT.finding : EXIT.ok;
}

/**
 * Adds `fmt` to the program.
 *
 * @example
 * ```ts
 * registerFmt(program, run);
 * ```
 */
export const registerFmt: Register = (program, run) => {
  addInputOptions(
    program
      .command('fmt')
      .description("Rewrite manifests in calicoctl's canonical field order (YAML, or JSON for .json files)")
      .argument('[files...]', 'manifest files or directories to format in place'),
  )
    .option('--check', 'write nothing; exit 1 when a file is not canonical (for CI)')
    .option('--drop-comments', 'rewrite files that contain comments (comments are not kept)')
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl fmt policies/*.yaml
  $ calico-dsl fmt --check policies/*.yaml     # in CI
  $ calico-dsl fmt -f policies/ -R`,
    )
    .action(run(([files]: [string[]], opts: FmtOptions, ctx) => runFmt(files, opts, ctx)));
};

function errorMessage(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const reason = error instanceof Error ? error.message : String(error);
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
    ? `cannot write the file (${reason}); check its permissions`
    : `cannot write the file (${reason})`;
}
