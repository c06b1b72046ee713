/**
 * @calico-dsl/tutorial (private): the IBM Cloud tutorial "Using Calico network policies to block
 * traffic" as a library: its cluster, its policies (one module per lesson), its outline, lessons as
 * data, the simulator on the evaluator and the text printer. Browser-safe (the playground bundles
 * it); the lesson apps' command line is in `@calico-dsl/tutorial/node`, their test suite in
 * `@calico-dsl/tutorial/testing`.
 *
 * @packageDocumentation
 */
export * from './cluster.js';
export * from './curl.js';
export * from './decision.js';
export * from './lesson.js';
export * from './out-files.js';
export * from './outline.js';
export * from './params.js';
export * from './policies/lesson-2.js';
export * from './policies/lesson-3.js';
export * from './policies/lesson-4.js';
export * from './render-text.js';
export * from './simulate.js';
export * from './webserver.js';
