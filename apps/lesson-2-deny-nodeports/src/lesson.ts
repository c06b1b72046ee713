/**
 * Lesson 2: Block all incoming traffic to all node ports. One pre-DNAT policy, `deny-nodeports`;
 * the load balancer stays reachable.
 */
import {
  denyNodeports,
  type LessonDefinition,
  policiesAfterLesson,
  tutorialLesson,
} from '@calico-dsl/tutorial';

/**
 * Lesson 2 as data: apply `deny-nodeports`; the node port times out, the load balancer answers.
 *
 * @example
 * ```ts
 * simulateLesson(lesson2(TUTORIAL_DEFAULTS), TUTORIAL_DEFAULTS).ok; // true
 * ```
 */
export const lesson2: LessonDefinition = (params) => ({
  ...tutorialLesson(2),
  summary:
    "To secure the PR firm's cluster, you must block public access to both the load balancer service " +
    'and node ports that are exposing your app. Start by blocking access to node ports.',
  startsWith: { app: true, policies: policiesAfterLesson(1, params) },
  steps: [
    {
      kind: 'apply',
      step: '1-2',
      text: 'Create the high-order pre-DNAT policy deny-nodeports.yaml and apply it.',
      policy: denyNodeports(),
    },
    {
      kind: 'curl',
      step: '3',
      text: "Verify that you can't publicly access the worker node public IP address and node port.",
      from: 'you',
      target: 'node port',
      expect: 'timed out',
      decidedBy: 'deny-nodeports',
    },
    {
      kind: 'curl',
      step: '4',
      text: 'Verify that you can still publicly access the load balancer external IP address.',
      from: 'you',
      target: 'load balancer',
      expect: 'reached',
    },
  ],
  conclusion:
    'At this point, your app is exposed to the public internet from the public load balancer port only. ' +
    'Traffic to the public node ports is blocked.',
});
