// No {@link} in the package comment: api-documenter renders it as empty text ("an injected .").
/**
 * @calico-dsl/cli: the `calico-dsl` command line as a library — `main(argv, io)` runs it with an
 * injected `CliIo`. The `--flow` grammar (`parseFlow`, `parseVia`, `formatFlow`) lives in
 * @calico-dsl/evaluator.
 *
 * @packageDocumentation
 */
export { EXIT, type ExitCode } from './context.js';
export type { CliIo, CliStream, DirectoryEntry, Interrupt, TypeCheckOutcome } from './io.js';
export { buildProgram, main } from './main.js';
export { nodeIo } from './node-io.js';
