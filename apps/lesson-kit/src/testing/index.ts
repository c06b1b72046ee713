/**
 * The test suite every lesson app runs (import from `@calico-dsl/lesson-kit/testing` in a vitest
 * file): goldens, the tutorial's own YAML, validation, the tutorial's outcomes, and the
 * conformance scenario of the lesson.
 *
 * @packageDocumentation
 */
export * from './lesson-suite.js';
