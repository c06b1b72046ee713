/**
 * The tutorial's worlds and curls as presets: each lesson's cluster as that lesson leaves it,
 * from the tutorial library's outline (the same policies the lesson apps apply, whose tests check
 * that their steps end there), printed with `toYaml`, so the playground shows what the lessons
 * simulate.
 */
import { formatFlow } from '@calico-dsl/evaluator';
import {
  clusterAfterLesson,
  FIRST_CURL_SOURCE_PORT,
  TUTORIAL_DEFAULTS,
  TUTORIAL_LESSONS,
  type TutorialParams,
  tutorialWorkers,
} from '@calico-dsl/tutorial';
import { toYaml } from '@calico-dsl/yaml';

/**
 * A lesson's world, ready for the editor.
 *
 * @example
 * ```ts
 * const p: LessonPreset = lessonPresets()[1]!; // lesson 2: deny-nodeports in place
 * ```
 */
export interface LessonPreset {
  readonly lesson: number;
  readonly title: string;
  readonly manifests: string;
}

/**
 * A flow the tutorial sends with curl, labelled as the tutorial says it.
 *
 * @example
 * ```ts
 * const q: QuickPick = { label: 'you → LB:80', flow: 'tcp 198.51.100.7:51000 -> 169.46.10.20:80' };
 * ```
 */
export interface QuickPick {
  readonly label: string;
  readonly flow: string;
}

/**
 * Lessons 1–4, each as the lesson leaves the cluster (before any clean-up step).
 *
 * @example
 * ```ts
 * lessonPresets().map((p) => p.lesson); // [1, 2, 3, 4]
 * ```
 */
export function lessonPresets(params: TutorialParams = TUTORIAL_DEFAULTS): LessonPreset[] {
  return TUTORIAL_LESSONS.map(({ number, title }) => ({
    lesson: number,
    title,
    manifests: `# Lesson ${number}: ${title}\n${toYaml(clusterAfterLesson(number, params))}`,
  }));
}

/**
 * The tutorial's curls: from you and from another system to the load balancer on port 80, and
 * from you to the node port on each worker's public IP.
 *
 * @example
 * ```ts
 * tutorialQuickPicks()[0]?.flow; // 'tcp 198.51.100.7:51000 -> 169.46.10.20:80'
 * ```
 */
export function tutorialQuickPicks(params: TutorialParams = TUTORIAL_DEFAULTS): QuickPick[] {
  const tcp = (srcIp: string, dstIp: string, dstPort: number) =>
    formatFlow({ protocol: 'TCP', srcIp, srcPort: FIRST_CURL_SOURCE_PORT, dstIp, dstPort });
  return [
    { label: 'you → LB:80', flow: tcp(params.clientIp, params.loadBalancerIp, 80) },
    { label: 'other system → LB:80', flow: tcp(params.otherClientIp, params.loadBalancerIp, 80) },
    ...tutorialWorkers(params).map((w, i) => ({
      label: `you → worker ${i + 1} NodePort ${params.nodePort}`,
      flow: tcp(params.clientIp, w.publicIp, params.nodePort),
    })),
  ];
}

/**
 * The external clients of the tutorial (rows of the matrix besides the pods).
 *
 * @example
 * ```ts
 * tutorialClients(); // [{ label: 'you', ip: '198.51.100.7' }, { label: 'other system', ip: '203.0.113.50' }]
 * ```
 */
export function tutorialClients(
  params: TutorialParams = TUTORIAL_DEFAULTS,
): { readonly label: string; readonly ip: string }[] {
  return [
    { label: 'you', ip: params.clientIp },
    { label: 'other system', ip: params.otherClientIp },
  ];
}
