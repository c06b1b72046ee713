/** The real {@link CliIo}: Node's file system, process streams, signals and a TypeScript loader. */
import { spawn } from 'node:child_process';
import { mkdir, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readBounded } from './bounded-read.js';
import { EXIT } from './context.js';
import type { CliIo, CliStream, DirectoryEntry, Interrupt, TypeCheckOutcome } from './io.js';
import { sourceExports } from './module-exports.js';

const TS_EXTENSIONS = /\.(?:ts|mts|cts|tsx)$/;

const errorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null ? (e as { code?: string }).code : undefined;

// One CliStream per process stream, however many times nodeIo() is called: one error listener each.
const streams = new Map<NodeJS.WriteStream, CliStream>();

/**
 * The CLI's writer on a process stream. A reader that leaves early (`calico-dsl … | head`) closes
 * the pipe (EPIPE): later output has no reader, so it is dropped and the command still finishes
 * (an apply is never cut short). Any other failed write (`> out.yaml` on a full disk) loses
 * output: stderr says so and the exit status becomes 1, which bin.ts keeps.
 */
function stream(s: NodeJS.WriteStream): CliStream {
  const known = streams.get(s);
  if (known !== undefined) return known;
  let open = true;
  s.on('error', (error) => {
    if (!open) return; // writes queued before the first failure fail too: it was said once
    open = false;
    if (errorCode(error) === 'EPIPE') return;
    process.exitCode = EXIT.finding;
    if (s !== process.stderr) process.stderr.write(`calico-dsl: output lost: ${error.message}\n`);
  });
  const out: CliStream = {
    write: (text) => {
      if (open) s.write(text);
    },
    isTTY: s.isTTY === true,
  };
  streams.set(s, out);
  return out;
}

// tsx is an optional peer dependency: only `synth` of a .ts module on a Node without type
// stripping needs it, so the CLI does not carry a bundler for every other command.
async function importTypeScript(url: string): Promise<Record<string, unknown>> {
  let api: { tsImport(url: string, parent: string): Promise<unknown> };
  try {
    api = (await import('tsx/esm/api')) as typeof api;
  } catch (error) {
    if (errorCode(error) !== 'ERR_MODULE_NOT_FOUND') throw error;
    if ((process.features as { typescript?: unknown }).typescript)
      return (await import(url)) as Record<string, unknown>;
    throw new Error(
      'loading a TypeScript module needs tsx (npm install --save-dev tsx) or Node >= 22.18, which strips types itself; or synthesize from a built .js module',
    );
  }
  return (await api.tsImport(url, import.meta.url)) as Record<string, unknown>;
}

function interrupt(handler: (signal: Interrupt) => number | undefined): () => void {
  const on = (signal: Interrupt) => () => {
    const code = handler(signal);
    // process.exit runs @calico-dsl/calicoctl's exit hook, which kills each running calicoctl's
    // process group (the child leads its own group, so the terminal's SIGINT never reached it).
    if (code !== undefined) process.exit(code);
  };
  const onInt = on('SIGINT');
  const onTerm = on('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return () => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  };
}

// The user's TypeScript, resolved from the module's folder as their editor would find it.
function findTsc(modulePath: string): { tsc: string; major: number } | undefined {
  try {
    const require = createRequire(resolve(modulePath));
    const pkgPath = require.resolve('typescript/package.json');
    const pkg = require(pkgPath) as { bin?: Record<string, string> | string; version?: string };
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.tsc;
    const major = Number.parseInt(pkg.version ?? '0', 10);
    return bin === undefined ? undefined : { tsc: join(dirname(pkgPath), bin), major };
  } catch {
    return undefined;
  }
}

function typeCheck(modulePath: string): Promise<TypeCheckOutcome> {
  const found = findTsc(modulePath);
  if (found === undefined) return Promise.resolve({ status: 'no-typescript' });
  // Strict, Node-style resolution: the settings the DSL's types are written for. TypeScript 6+
  // refuses a file argument next to a tsconfig.json unless told to ignore it.
  const args = [
    found.tsc,
    ...(found.major >= 6 ? ['--ignoreConfig'] : []),
    '--noEmit',
    '--pretty',
    'false',
    '--strict',
    '--skipLibCheck',
    '--target',
    'es2022',
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    resolve(modulePath),
  ];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString('utf8');
    });
    child.on('error', (e) => done({ status: 'failed', output: e.message }));
    child.on('close', (code) => done(code === 0 ? { status: 'ok' } : { status: 'failed', output }));
  });
}

/**
 * Creates the Node {@link CliIo}. TypeScript modules load through tsx's `tsImport` when tsx is
 * installed, so users run `calico-dsl synth policies.ts` with no build step.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv, nodeIo());
 * ```
 */
export function nodeIo(): CliIo {
  return {
    stdout: stream(process.stdout),
    stderr: stream(process.stderr),
    env: process.env,
    readFile: (path) => readBounded(path),
    async writeFile(path, text) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, 'utf8');
    },
    async removeFile(path) {
      await rm(path);
    },
    async listDirectory(path) {
      let info: Awaited<ReturnType<typeof stat>>;
      try {
        info = await stat(path);
      } catch {
        return undefined; // reading it will report why
      }
      if (!info.isDirectory()) return undefined;
      const entries: DirectoryEntry[] = [];
      for (const e of await readdir(path, { withFileTypes: true })) {
        let directory = e.isDirectory();
        // Follow symbolic links the way kubectl does.
        if (e.isSymbolicLink())
          directory = (await stat(join(path, e.name)).catch(() => undefined))?.isDirectory() ?? false;
        entries.push({ name: e.name, directory });
      }
      return entries;
    },
    realPath: (path) => realpath(path).catch(() => resolve(path)),
    join,
    async importModule(path) {
      const url = pathToFileURL(resolve(path)).href;
      // A .ts file outside a "type": "module" package loads as CommonJS: unwrap the interop
      // shape, or its `export default` is silently missed (and `synth --prune` deletes its files).
      return sourceExports(TS_EXTENSIONS.test(path) ? await importTypeScript(url) : await import(url));
    },
    typeCheck,
    onInterrupt: interrupt,
  };
}
