/**
 * `@calico-dsl/analysis` when the build found it: the Vite plugin in vite.config.ts maps
 * `virtual:calico-analysis` to the package or to an empty module, and the feature check below
 * decides at run time. (A static import: the page is one classic script, so it also runs from
 * `file://`, where Chrome refuses module scripts and their chunks.)
 */
import * as optional from 'virtual:calico-analysis';
import { type AnalysisPort, isAnalysisPort } from './port.js';

/**
 * The analysis package, or `undefined` when this build has none (or it lacks the expected API).
 *
 * @example
 * ```ts
 * const analysis = analysisPort();
 * if (analysis === undefined) lintPanel.textContent = 'lint needs @calico-dsl/analysis';
 * ```
 */
export function analysisPort(): AnalysisPort | undefined {
  const m: unknown = optional;
  return isAnalysisPort(m) ? m : undefined;
}
