/**
 * @calico-dsl/cli: the `calico-dsl` command line as a library — `main(argv, io)` runs it with an
 * injected {@link CliIo}. The `--flow` grammar (`parseFlow`, `parseVia`, `formatFlow`) lives in
 * @calico-dsl/evaluator and is re-exported here for existing callers.
 *
 * @packageDocumentation
 */
export { formatFlow, parseFlow, parseVia } from '@calico-dsl/evaluator';
export { type CommandContext, type CommonOptions, EXIT, type ExitCode } from './context.js';
export type { CliIo, CliStream } from './io.js';
export { buildProgram, main } from './main.js';
export { nodeIo } from './node-io.js';
export { type Palette, palette, useColor } from './output/colors.js';
