/** The package version, read once from package.json. */
import { createRequire } from 'node:module';

/**
 * This package's version (the calico-dsl packages share one version).
 *
 * @example
 * ```ts
 * console.log(`calico-dsl ${CLI_VERSION}`);
 * ```
 */
// dist/ and src/ both sit one level below package.json.
export const CLI_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;
