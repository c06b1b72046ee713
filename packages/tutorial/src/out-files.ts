/**
 * The files a lesson writes to `out/`: one YAML file per policy it applies (named after the
 * policy, as the tutorial names them: `deny-nodeports.yaml`) and the manifests it deploys.
 * They are committed goldens; the app tests regenerate them in memory and compare.
 */
import { toYaml } from '@calico-dsl/yaml';
import { type Lesson, policyName } from './lesson.js';
import { isDefaultParams, type TutorialParams } from './params.js';

/**
 * One output file: its name in `out/` and its YAML text.
 *
 * @example
 * ```ts
 * const f: OutFile = { file: 'deny-nodeports.yaml', yaml: 'apiVersion: projectcalico.org/v3\n…' };
 * ```
 */
export interface OutFile {
  readonly file: string;
  readonly yaml: string;
}

/**
 * The files of a lesson, in step order, each printed by `toYaml` (calicoctl's field order).
 *
 * @example
 * ```ts
 * lessonFiles(lesson2(TUTORIAL_DEFAULTS)).map((f) => f.file); // ['deny-nodeports.yaml']
 * ```
 */
export function lessonFiles(lesson: Lesson): OutFile[] {
  const files: OutFile[] = [];
  for (const step of lesson.steps) {
    if (step.kind === 'apply')
      files.push({ file: `${policyName(step.policy)}.yaml`, yaml: toYaml(step.policy) });
    if (step.kind === 'deploy' && step.manifest)
      files.push({ file: step.manifest.file, yaml: toYaml(step.manifest.resource) });
  }
  return files;
}

/**
 * Where a lesson's YAML goes, relative to the app: `out` (the committed goldens) for the tutorial's
 * default values, `out/custom` for your own.
 *
 * @example
 * ```ts
 * outDirFor(TUTORIAL_DEFAULTS); // 'out'
 * outDirFor({ ...TUTORIAL_DEFAULTS, clientIp: '192.0.2.44' }); // 'out/custom'
 * ```
 */
export function outDirFor(params: TutorialParams): string {
  return isDefaultParams(params) ? 'out' : 'out/custom';
}
