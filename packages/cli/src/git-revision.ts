/**
 * The files of a git revision as the CLI reads inputs (`diff --base <ref>`): the revision's
 * directory listings and file contents, paths relative to the working directory. A path the
 * revision does not have reads as empty, so a policy file added since then counts as "no
 * resources before", and one deleted since then is still read from the revision. Any other git
 * failure is an error, never "no files before".
 */
import { execFile } from 'node:child_process';
import { isAbsolute, relative } from 'node:path';
import type { CliIo, DirectoryEntry } from './io.js';

function git(args: readonly string[]): Promise<{ ok: true; stdout: string } | { ok: false; stderr: string }> {
  return new Promise((resolve) => {
    execFile('git', [...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve(error ? { ok: false, stderr: String(stderr).trim() || error.message } : { ok: true, stdout }),
    );
  });
}

// git reads `<ref>:./<path>` relative to the working directory, so an absolute path is made relative.
const relativePath = (path: string) => (isAbsolute(path) ? relative(process.cwd(), path) || '.' : path);
const spec = (ref: string, path: string) =>
  `${ref}:./${relativePath(path).replace(/^\.\//, '').replace(/\/+$/, '')}`;

/**
 * Why `ref` cannot be read: a revision git does not know (`unknown-revision`, e.g. a typo or a
 * ref a shallow clone did not fetch) or git itself failing (`git-failed`: no git, not a
 * repository), with git's own message; `undefined` when `ref` names a commit.
 *
 * @example
 * ```ts
 * await revisionProblem('origin/main');
 * // { kind: 'unknown-revision', message: 'fatal: Not a valid object name origin/main^{commit}' } in a shallow clone
 * ```
 */
export async function revisionProblem(
  ref: string,
): Promise<{ readonly kind: 'unknown-revision' | 'git-failed'; readonly message: string } | undefined> {
  // No revision starts with '-'; git would take it for an option.
  if (ref.startsWith('-') || ref === '')
    return { kind: 'unknown-revision', message: `not a revision: '${ref}'` };
  const found = await git(['cat-file', '-t', `${ref}^{commit}`]);
  if (found.ok) return undefined;
  const repository = await git(['rev-parse', '--git-dir']);
  return repository.ok
    ? { kind: 'unknown-revision', message: found.stderr }
    : { kind: 'git-failed', message: repository.stderr };
}

// Only a path git lists nothing for at `ref` (exit 0, no entry) is absent; an error is not.
async function absentAt(ref: string, path: string): Promise<boolean> {
  const listed = await git(['ls-tree', ref, '--', relativePath(path)]);
  return listed.ok && listed.stdout.trim() === '';
}

/**
 * `io` reading files and directories as they are at `ref`.
 *
 * @example
 * ```ts
 * const before = atRevision(ctx.io, 'main');
 * await before.readFile('out/deny-nodeports.yaml'); // the file at main, or '' if main has none
 * ```
 *
 * Check the revision first with {@link revisionProblem}: a path is read as absent only when git
 * lists nothing for it at `ref`, and every other git failure rejects.
 */
export function atRevision(io: CliIo, ref: string): CliIo {
  const { realPath: _workingTree, ...rest } = io;
  return {
    ...rest,
    async readFile(path: string): Promise<string> {
      const type = await git(['cat-file', '-t', spec(ref, path)]);
      if (!type.ok) {
        if (await absentAt(ref, path)) return '';
        throw new Error(`git cat-file -t ${spec(ref, path)} failed: ${type.stderr}`);
      }
      if (type.stdout.trim() !== 'blob') return '';
      const shown = await git(['show', spec(ref, path)]);
      if (!shown.ok) throw new Error(`git show ${spec(ref, path)} failed: ${shown.stderr}`);
      return shown.stdout;
    },
    async listDirectory(path: string): Promise<readonly DirectoryEntry[] | undefined> {
      // A path the revision lacks (or git failing) is no directory: readFile tells which.
      const type = await git(['cat-file', '-t', spec(ref, path)]);
      if (!type.ok || type.stdout.trim() !== 'tree') return undefined;
      const listed = await git(['ls-tree', spec(ref, path)]);
      if (!listed.ok) return undefined;
      // `<mode> <type> <object>\t<name>` per entry.
      return listed.stdout
        .split('\n')
        .filter((line) => line.includes('\t'))
        .map((line) => {
          const [meta, name] = line.split('\t') as [string, string];
          return { name, directory: meta.split(' ')[1] === 'tree' };
        });
    },
  };
}
