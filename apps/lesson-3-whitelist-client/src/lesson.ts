/**
 * Lesson 3: Allow incoming traffic from a whitelisted IP to the load balancer. `deny-lb-port-80`
 * closes the load balancer, `whitelist` opens it again for your computer only.
 */
import {
  denyLbPort80,
  type LessonDefinition,
  policiesAfterLesson,
  tutorialLesson,
  whitelist,
} from '@calico-dsl/tutorial';

/**
 * Lesson 3 as data: starts where lesson 2 ends (`deny-nodeports` in place).
 *
 * @example
 * ```ts
 * simulateLesson(lesson3(TUTORIAL_DEFAULTS), TUTORIAL_DEFAULTS).ok; // true
 * ```
 */
export const lesson3: LessonDefinition = (params) => ({
  ...tutorialLesson(3),
  summary:
    "You now decide to completely lock down traffic to the PR firm's cluster and test access by " +
    "whitelisting only your own computer's IP address.",
  startsWith: { app: true, policies: policiesAfterLesson(2, params) },
  steps: [
    {
      kind: 'apply',
      step: '1-2',
      text: 'Create the high-order pre-DNAT policy deny-lb-port-80.yaml and apply it.',
      policy: denyLbPort80(params),
    },
    {
      kind: 'curl',
      step: '3',
      text: "Verify that you now can't access the public load balancer IP address.",
      from: 'you',
      target: 'load balancer',
      expect: 'timed out',
      decidedBy: 'deny-lb-port-80',
    },
    {
      kind: 'apply',
      step: '4-5',
      text: "Create the low-order pre-DNAT policy whitelist.yaml for your system's IP and apply it.",
      policy: whitelist(params),
    },
    {
      kind: 'curl',
      step: '6',
      text: 'Verify that you now can access the public load balancer IP address.',
      from: 'you',
      target: 'load balancer',
      expect: 'reached',
      decidedBy: 'whitelist',
    },
    {
      kind: 'curl',
      step: '7',
      text: 'Try to access the load balancer from another system with a different IP address.',
      from: 'another system',
      target: 'load balancer',
      expect: 'timed out',
      decidedBy: 'deny-lb-port-80',
    },
  ],
  conclusion:
    'At this point, all traffic to the public node ports and load balancer is blocked. ' +
    'Only traffic from your whitelisted system IP is allowed.',
});
