/**
 * @calico-dsl/tutorial/node: the Node-only part of the tutorial, what a lesson app's `main.ts`
 * runs: argument parsing, writing `out/`, and `--apply` through calicoctl.
 *
 * @packageDocumentation
 */
export * from './apply.js';
export * from './cli.js';
export * from './cluster-access.js';
export * from './out-dir.js';
