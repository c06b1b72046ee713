/**
 * Lesson 4: Deny incoming traffic from blacklisted IPs to the load balancer. The whitelist setup
 * of lesson 3 is removed and `blacklist` blocks only your computer.
 */
import { blacklist, type LessonDefinition, policiesAfterLesson, tutorialLesson } from '@calico-dsl/tutorial';

/**
 * Lesson 4 as data: starts where lesson 3 ends (`deny-nodeports`, `deny-lb-port-80`, `whitelist`).
 *
 * @example
 * ```ts
 * simulateLesson(lesson4(TUTORIAL_DEFAULTS), TUTORIAL_DEFAULTS).ok; // true
 * ```
 */
export const lesson4: LessonDefinition = (params) => ({
  ...tutorialLesson(4),
  summary:
    'The PR firm has apps that need to be widely available to the public: permit all traffic except ' +
    'the unusual traffic from a few IP addresses. Test it by blacklisting your own system.',
  startsWith: { app: true, policies: policiesAfterLesson(3, params) },
  steps: [
    {
      kind: 'delete',
      step: '1',
      text: 'Clean up the whitelist policies you created in the previous lesson: deny-lb-port-80 ...',
      policy: 'deny-lb-port-80',
    },
    { kind: 'delete', step: '1', text: '... and whitelist.', policy: 'whitelist' },
    {
      kind: 'apply',
      step: '2-3',
      text: "Create the low-order pre-DNAT policy blacklist.yaml for your system's IP and apply it.",
      policy: blacklist(params),
    },
    {
      kind: 'curl',
      step: '4',
      text: "Verify that you can't access the load balancer IP because your system's IP is blacklisted.",
      from: 'you',
      target: 'load balancer',
      expect: 'timed out',
      decidedBy: 'blacklist',
    },
    {
      kind: 'curl',
      step: '4',
      text: 'All other traffic to the public load balancer is allowed: try it from another system.',
      from: 'another system',
      target: 'load balancer',
      expect: 'reached',
    },
    { kind: 'delete', step: '5', text: 'Clean up the blacklist policy.', policy: 'blacklist', cleanup: true },
  ],
  conclusion:
    'At this point, all traffic to the public node ports is blocked, and all traffic to the public ' +
    'load balancer is allowed. Only traffic from your blacklisted system IP to the load balancer is blocked.',
});
