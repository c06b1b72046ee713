/**
 * The tutorial's outline: its four lessons by number and title, and the policies each one leaves in
 * place. A lesson starts where the previous one ends, and the playground opens the cluster as a
 * lesson leaves it, so both read this one list; each lesson app's tests check that its steps end
 * here.
 */
import type { Resource } from '@calico-dsl/core';
import { resolveResources, tutorialCluster } from './cluster.js';
import type { PolicySource } from './lesson.js';
import type { TutorialParams } from './params.js';
import { denyNodeports } from './policies/lesson-2.js';
import { denyLbPort80, whitelist } from './policies/lesson-3.js';
import { blacklist } from './policies/lesson-4.js';

/**
 * The number of a lesson of the tutorial.
 *
 * @example
 * ```ts
 * const last: LessonNumber = 4;
 * ```
 */
export type LessonNumber = 1 | 2 | 3 | 4;

/**
 * A lesson's number and title, as the tutorial names it.
 *
 * @example
 * ```ts
 * const l: LessonOutline = { number: 2, title: 'Block all incoming traffic to all node ports' };
 * ```
 */
export interface LessonOutline {
  readonly number: LessonNumber;
  readonly title: string;
}

/** Each lesson's title, as the tutorial writes it. */
const TITLES: Readonly<Record<LessonNumber, string>> = Object.freeze({
  1: 'Deploy an app and expose it by using a load balancer',
  2: 'Block all incoming traffic to all node ports',
  3: 'Allow incoming traffic from a whitelisted IP to the load balancer',
  4: 'Deny incoming traffic from blacklisted IPs to the load balancer',
});

/**
 * A lesson's number and title, for the lesson script to start with.
 *
 * @example
 * ```ts
 * tutorialLesson(2); // { number: 2, title: 'Block all incoming traffic to all node ports' }
 * ```
 */
export function tutorialLesson(number: LessonNumber): LessonOutline {
  return { number, title: TITLES[number] };
}

/**
 * The tutorial's lessons in order.
 *
 * @example
 * ```ts
 * TUTORIAL_LESSONS.map((l) => l.number); // [1, 2, 3, 4]
 * ```
 */
export const TUTORIAL_LESSONS: readonly LessonOutline[] = Object.freeze(
  ([1, 2, 3, 4] as const).map(tutorialLesson),
);

/**
 * The tutorial's policies in place once lesson `number` is done (before its clean-up step);
 * `0` is before the first lesson.
 *
 * @example
 * ```ts
 * policiesAfterLesson(4, TUTORIAL_DEFAULTS).map(policyName); // ['deny-nodeports', 'blacklist']
 * ```
 */
export function policiesAfterLesson(number: LessonNumber | 0, params: TutorialParams): PolicySource[] {
  switch (number) {
    case 0:
    case 1:
      return [];
    case 2:
      return [denyNodeports()];
    case 3:
      return [denyNodeports(), denyLbPort80(params), whitelist(params)];
    case 4:
      // Lesson 4 deletes lesson 3's two policies before it applies the blacklist.
      return [denyNodeports(), blacklist(params)];
  }
}

/**
 * The tutorial's cluster as lesson `number` leaves it: the IBM Cloud cluster, the webserver app
 * (deployed in lesson 1) and the policies in place.
 *
 * @example
 * ```ts
 * World.from(clusterAfterLesson(3, TUTORIAL_DEFAULTS))
 *   .evaluate({ protocol: 'TCP', srcIp: '203.0.113.50', dstIp: '169.46.10.20', dstPort: 80 }).verdict; // 'Deny'
 * ```
 */
export function clusterAfterLesson(number: LessonNumber, params: TutorialParams): Resource[] {
  return resolveResources([...tutorialCluster(params), ...policiesAfterLesson(number, params)]);
}
