/**
 * @calico-dsl/cli: the `calico-dsl` command line as a library — `main(argv, io)` runs it with an
 * injected {@link CliIo}, and the flow grammar is reusable (`parseFlow`).
 *
 * @packageDocumentation
 */
export { type CommandContext, type CommonOptions, EXIT, type ExitCode } from './context.js';
export { formatFlow, parseFlow, parseVia } from './flow-parse.js';
export type { CliIo, CliStream } from './io.js';
export { buildProgram, main } from './main.js';
export { nodeIo } from './node-io.js';
export { type Palette, palette, useColor } from './output/colors.js';
