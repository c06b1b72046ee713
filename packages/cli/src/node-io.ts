/** The real {@link CliIo}: Node's file system, process streams and tsx for TypeScript modules. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIo, CliStream } from './io.js';

const TS_EXTENSIONS = /\.(?:ts|mts|cts|tsx)$/;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function stream(s: NodeJS.WriteStream): CliStream {
  return { write: (text) => void s.write(text), isTTY: s.isTTY === true };
}

/**
 * Creates the Node {@link CliIo}. TypeScript modules load through tsx's `tsImport`, so users
 * run `calico-dsl synth policies.ts` with no build step.
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
    readFile: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
    async writeFile(path, text) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, 'utf8');
    },
    join,
    async importModule(path) {
      const url = pathToFileURL(resolve(path)).href;
      if (TS_EXTENSIONS.test(path)) {
        // Loaded lazily: tsx registers hooks, which plain .js modules never need.
        const { tsImport } = await import('tsx/esm/api');
        return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
      }
      return (await import(url)) as Record<string, unknown>;
    },
  };
}
