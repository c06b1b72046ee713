/**
 * The files of a git revision as the CLI reads inputs (`diff --base <ref>`): the revision's
 * directory listings and file contents, paths relative to the working directory. A path the
 * revision does not have reads as empty, so a policy file added since then counts as "no
 * resources before", and one deleted since then is still read from the revision.
 */
import { execFile } from 'node:child_process';
import type { CliIo, DirectoryEntry } from './io.js';

function git(args: readonly string[]): Promise<{ ok: true; stdout: string } | { ok: false; stderr: string }> {
  return new Promise((resolve) => {
    execFile('git', [...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve(error ? { ok: false, stderr: String(stderr).trim() || error.message } : { ok: true, stdout }),
    );
  });
}

const spec = (ref: string, path: string) => `${ref}:./${path.replace(/^\.\//, '').replace(/\/+$/, '')}`;

/**
 * `io` reading files and directories as they are at `ref`.
 *
 * @example
 * ```ts
 * const before = atRevision(ctx.io, 'main');
 * await before.readFile('out/deny-nodeports.yaml'); // the file at main, or '' if main has none
 * ```
 */
export function atRevision(io: CliIo, ref: string): CliIo {
  const { realPath: _workingTree, ...rest } = io;
  return {
    ...rest,
    async readFile(path: string): Promise<string> {
      const type = await git(['cat-file', '-t', spec(ref, path)]);
      if (!type.ok || type.stdout.trim() !== 'blob') return '';
      const shown = await git(['show', spec(ref, path)]);
      if (!shown.ok) throw new Error(`git show ${spec(ref, path)} failed: ${shown.stderr}`);
      return shown.stdout;
    },
    async listDirectory(path: string): Promise<readonly DirectoryEntry[] | undefined> {
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
