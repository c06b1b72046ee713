/** `calico-dsl validate <files…>`: Calico-exact validation of YAML/JSON manifests. */
import type { Command } from 'commander';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { addInputOptions, type InputOptions } from '../inputs.js';
import { loadInputs, missingInputs } from '../manifests.js';
import { formatFileIssues, issueJson } from '../output/issues.js';
import { writeJson } from '../output/json.js';
import type { Register } from './register.js';

/**
 * Validates every file and reports each issue as `file:line:column`. Exit 1 on any issue.
 *
 * @example
 * ```ts
 * const code = await runValidate(['policy.yaml'], ctx); // 0 when every file is valid
 * ```
 */
export async function runValidate(
  files: readonly string[],
  ctx: CommandContext,
  opts: InputOptions = {},
): Promise<ExitCode> {
  const usage = missingInputs('validate', files, opts, ctx.io);
  if (usage !== undefined) return usage;
  const loaded = await loadInputs(files, opts, ctx.io);
  const ok = loaded.issues.length === 0;
  // Issues about a named path rather than a file read (an empty directory).
  const named = new Set(loaded.files.map((f) => f.file));
  const pathIssues = loaded.issues.filter((i) => !named.has(i.file));
  if (ctx.json) {
    writeJson(ctx.io.stdout, {
      ok,
      ...(pathIssues.length > 0 ? { issues: pathIssues.map(issueJson) } : {}),
      files: loaded.files.map((f) => ({
        file: f.file,
        ok: f.issues.length === 0,
        resources: f.resources.map((r) => ({
          kind: r.kind,
          name: r.metadata.name,
          ...(r.metadata.namespace !== undefined ? { namespace: r.metadata.namespace } : {}),
        })),
        issues: f.issues.map(issueJson),
      })),
    });
    return ok ? EXIT.ok : EXIT.finding;
  }
  const c = ctx.out;
  ctx.io.stdout.write(formatFileIssues(pathIssues, c));
  for (const f of loaded.files) {
    if (f.issues.length === 0) {
      ctx.io.stdout.write(
        `${c.green('✓')} ${f.file} ${c.dim(`(${f.resources.length} resource${f.resources.length === 1 ? '' : 's'})`)}\n`,
      );
    } else ctx.io.stdout.write(formatFileIssues(f.issues, c));
  }
  const bad = loaded.files.filter((f) => f.issues.length > 0).length;
  if (!ok) {
    ctx.io.stdout.write(
      c.red(`${loaded.issues.length} issue(s) in ${bad} of ${loaded.files.length} file(s)\n`),
    );
  }
  return ok ? EXIT.ok : EXIT.finding;
}

/**
 * Adds `validate` to the program.
 *
 * @example
 * ```ts
 * registerValidate(program, run);
 * ```
 */
export const registerValidate: Register = (program: Command, run) => {
  addInputOptions(
    program
      .command('validate')
      .description('Validate Calico v3 and Kubernetes manifests (YAML or JSON) the way Calico does')
      .argument('[files...]', 'manifest files or directories; - reads standard input'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl validate policies/*.yaml
  $ calico-dsl validate -f policies/ -R
  $ kubectl get gnp -o yaml | calico-dsl validate -f -
  $ calico-dsl validate --json policy.yaml | jq '.files[].issues'

Each issue prints as file:line:column. Exit status 1 when any file has an issue.`,
    )
    .action(run(([files]: [string[]], opts: InputOptions, ctx) => runValidate(files, ctx, opts)));
};
