/**
 * @calico-dsl/lesson-kit (private): what the four tutorial lesson apps share: the tutorial's
 * cluster, lessons as data, the simulator, the printers, `--json` and `--apply`.
 *
 * @packageDocumentation
 */
export * from './apply.js';
export * from './cli.js';
export * from './cluster.js';
export * from './cluster-access.js';
export * from './comparable.js';
export * from './curl.js';
export * from './decision.js';
export * from './golden.js';
export * from './lesson.js';
export * from './out-dir.js';
export * from './out-files.js';
export * from './params.js';
export * from './render-text.js';
export * from './simulate.js';
export * from './webserver.js';
