import { existsSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const VIRTUAL_ANALYSIS = 'virtual:calico-analysis';

/** Whether `@calico-dsl/analysis` is installed in this workspace (it is optional). */
function hasAnalysis(): boolean {
  try {
    createRequire(join(here, 'package.json')).resolve('@calico-dsl/analysis/package.json');
    return true;
  } catch {
    return existsSync(join(here, '../../node_modules/@calico-dsl/analysis/package.json'));
  }
}

/**
 * `virtual:calico-analysis` is the analysis package when it exists, else an empty module: the
 * app builds and runs without it and shows lint and diff when it is there.
 */
function optionalAnalysis(): Plugin {
  const resolved = `\0${VIRTUAL_ANALYSIS}`;
  return {
    name: 'calico-analysis',
    resolveId: (id) => (id === VIRTUAL_ANALYSIS ? resolved : undefined),
    load: (id) =>
      id === resolved ? (hasAnalysis() ? "export * from '@calico-dsl/analysis';" : 'export {};') : undefined,
  };
}

/**
 * The page runs in a browser: a Node built-in reached from the app's imports (e.g. a library's
 * Node-only entry point imported by mistake) fails the build, naming the module that imports it,
 * instead of being swapped for Vite's empty browser stub.
 */
function browserOnly(): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: 'browser-only',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id.startsWith('node:') || builtins.has(id.split('/')[0] ?? ''))
        this.error(
          `${id} is a Node built-in, imported by ${importer ?? 'the entry'}; the playground bundles browser code only`,
        );
      return undefined;
    },
  };
}

/**
 * Chrome refuses module scripts (and crossorigin requests) from `file://`, so the bundle is one
 * classic script loaded with `defer`: the page works from any path, from a server or from disk.
 */
function classicScript(): Plugin {
  return {
    name: 'classic-script',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(/<script type="module" crossorigin/g, '<script defer').replace(/ crossorigin/g, ''),
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [browserOnly(), optionalAnalysis(), classicScript()],
  resolve: { conditions: ['@calico-dsl/source', 'browser', 'module', 'import', 'default'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      output: { format: 'iife' },
    },
  },
});
