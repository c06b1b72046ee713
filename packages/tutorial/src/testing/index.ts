/**
 * @calico-dsl/tutorial/testing: the test suite every lesson app runs (import it in a vitest file):
 * goldens, the tutorial's own YAML, validation, the tutorial's outcomes, the outline, and the
 * conformance scenario of the lesson.
 *
 * @packageDocumentation
 */
export * from './golden.js';
export * from './lesson-suite.js';
export * from './placeholders.js';
