/**
 * The fake calicoctl Runner from @calico-dsl/calicoctl, re-exported so a test suite needs one
 * import: script calicoctl's replies, then assert on the commands it received.
 *
 * @example
 * ```ts
 * const runner = createFakeRunner([calicoctlSays.success('apply', 1, 'GlobalNetworkPolicy')]);
 * await createCalicoctl({ runner }).apply(policy);
 * runner.commands[0]?.args; // ['apply', '-f', '-']
 * ```
 */
export {
  calicoctlSays,
  createFakeRunner,
  type FakeReply,
  type FakeRunner,
} from '@calico-dsl/calicoctl/testing';
