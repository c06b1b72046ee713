/**
 * @calico-dsl/calicoctl/testing: helpers for tests only. `createFakeRunner` stands in for the
 * Node runner (no process is started) and `calicoctlSays` scripts calicoctl v3.30's exact output.
 *
 * @packageDocumentation
 */

export { calicoctlSays, createFakeRunner, type FakeReply, type FakeRunner } from './fake-runner.js';
