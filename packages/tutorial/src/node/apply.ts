/**
 * `--apply`: carries out a lesson's calicoctl steps on a real cluster, in the tutorial's order,
 * and prints the curl commands to try with the outcome the tutorial expects.
 */
import type { Calicoctl } from '@calico-dsl/calicoctl';
import { CalicoctlError } from '@calico-dsl/calicoctl';
import { curlCommand } from '../curl.js';
import { type Lesson, policyName } from '../lesson.js';
import { outDirFor } from '../out-files.js';
import type { TutorialParams } from '../params.js';
import { lessonHeading } from '../render-text.js';

/**
 * What {@link applyLesson} needs: a calicoctl, somewhere to print, and which part to run.
 *
 * @example
 * ```ts
 * const options: ApplyOptions = { ctl: createCalicoctl(), print: console.log, cleanup: false, rerun: 'npm start --' };
 * ```
 */
export interface ApplyOptions {
  readonly ctl: Pick<Calicoctl, 'apply' | 'deleteNamed'>;
  readonly print: (...lines: string[]) => void;
  /** Run only the lesson's cleanup steps (`--cleanup`), e.g. lesson 4's `delete blacklist`. */
  readonly cleanup: boolean;
  /** Waits for you after each curl (`--pause`), so that you see each outcome in the tutorial's order. */
  readonly pause?: (prompt: string) => Promise<void>;
  /** The command that runs this lesson's clean-up, for the hint at the end. */
  readonly rerun: string;
}

/**
 * Applies (and deletes) the lesson's policies through calicoctl, step by step; stops at the first
 * failure. Resolves with `true` when every calicoctl step succeeded.
 *
 * @example
 * ```ts
 * const ok = await applyLesson(lesson, params, { ctl: createCalicoctl(), print: console.log, cleanup: false,
 *   rerun: 'npm start --' });
 * ```
 */
export async function applyLesson(
  lesson: Lesson,
  params: TutorialParams,
  options: ApplyOptions,
): Promise<boolean> {
  const { ctl, print } = options;
  print(`${lessonHeading(lesson)}${options.cleanup ? ' (clean up)' : ''}`);
  const deferred: string[] = [];
  for (const step of lesson.steps) {
    const label = `  ${step.step}. ${step.text}`;
    switch (step.kind) {
      case 'deploy':
        if (options.cleanup) break;
        print(label, `     $ ${step.command}    # run this yourself; --apply only runs calicoctl`);
        break;
      case 'apply': {
        if (options.cleanup) break;
        print(label, `     $ calicoctl apply -f ${outDirFor(params)}/${policyName(step.policy)}.yaml`);
        if (!(await run(print, () => ctl.apply(step.policy)))) return false;
        break;
      }
      case 'delete': {
        if (step.cleanup !== true && options.cleanup) break;
        if (step.cleanup === true && !options.cleanup) {
          deferred.push(step.policy);
          break;
        }
        print(label, `     $ calicoctl delete GlobalNetworkPolicy ${step.policy}`);
        const deleted = () => ctl.deleteNamed('GlobalNetworkPolicy', step.policy, { skipNotExists: true });
        if (!(await run(print, deleted))) return false;
        break;
      }
      case 'curl':
        if (options.cleanup) break;
        print(
          label,
          `     $ ${curlCommand(params, step.target)}    # try it from ${step.from === 'you' ? 'your computer' : 'another system'}`,
          `     the tutorial expects: ${step.expect === 'reached' ? 'a reply from a webserver pod' : 'curl: (28) Connection timed out'}`,
        );
        // With --pause, the next calicoctl step waits until you have tried this curl.
        if (options.pause) await options.pause('     Press Enter when you have tried it ');
        break;
    }
  }
  if (deferred.length > 0)
    print(
      `When you are done, clean up (calicoctl delete GlobalNetworkPolicy ${deferred.join(', ')}): ${options.rerun}`,
    );
  print('');
  return true;
}

/** Runs one calicoctl call, printing calicoctl's own output or the error in words. */
async function run(
  print: (...lines: string[]) => void,
  call: () => Promise<{ stdout: string }>,
): Promise<boolean> {
  try {
    const result = await call();
    print(`     ${result.stdout.trim()}`);
    return true;
  } catch (error) {
    print(`     calicoctl failed: ${describeError(error)}`);
    return false;
  }
}

/**
 * A calicoctl failure in words, with what to do about it.
 *
 * @example
 * ```ts
 * describeError(new CalicoctlError('BINARY_NOT_FOUND', 'calicoctl: not found'));
 * // 'calicoctl: not found - install calicoctl …'
 * ```
 */
export function describeError(error: unknown): string {
  if (!(error instanceof CalicoctlError)) return error instanceof Error ? error.message : String(error);
  const output = error.stderr.trim() || error.stdout.trim();
  switch (error.code) {
    case 'BINARY_NOT_FOUND':
      return `${error.message} - install calicoctl (https://docs.tigera.io/calico/latest/operations/calicoctl/install) or pass --calicoctl=<path>`;
    case 'TIMEOUT':
      return `${error.message} - is the cluster reachable from here?`;
    case 'ABORTED':
      return `${error.message} - re-run to be sure of the resources whose outcome is unknown`;
    case 'INVALID_INPUT':
      return `${error.message}`;
    case 'EXIT_NONZERO':
    case 'PARTIAL_FAILURE':
    case 'OUTPUT_PARSE':
      return output === '' ? error.message : `${error.message}\n${output}`;
  }
}
