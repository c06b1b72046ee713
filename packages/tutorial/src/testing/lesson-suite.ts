import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { comparableForm, validate } from '@calico-dsl/core';
import { World } from '@calico-dsl/evaluator';
import { fromYaml, toYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { type LessonDefinition, policyName } from '../lesson.js';
import { fromUserCwd, simulatedRunText } from '../node/cli.js';
import { lessonFiles } from '../out-files.js';
import { clusterAfterLesson, TUTORIAL_LESSONS } from '../outline.js';
import { TUTORIAL_DEFAULTS, type TutorialParams } from '../params.js';
import { type CurlResult, lessonEndState, simulateLesson } from '../simulate.js';
import { goldenDiffs } from './golden.js';
import { fillPlaceholders } from './placeholders.js';

/**
 * What the tutorial says about a lesson, for {@link describeLessonApp}.
 *
 * @example
 * ```ts
 * const spec: LessonAppSpec = { define: lesson2, appUrl: new URL('..', import.meta.url),
 *   tutorialFiles: ['deny-nodeports'], outcomes: [['3', 'timed out', 'deny-nodeports'], ['4', 'reached', undefined]] };
 * ```
 */
export interface LessonAppSpec {
  readonly define: LessonDefinition;
  /** The app folder (`new URL('..', import.meta.url)` from `test/`). */
  readonly appUrl: URL;
  /** Names of `test/fixtures/<name>.tutorial.yaml`: the tutorial's YAML the lesson must reproduce. */
  readonly tutorialFiles: readonly string[];
  /** Each curl's step, outcome and deciding policy (`undefined` when a profile or default decides). */
  readonly outcomes: readonly (readonly [
    step: string,
    outcome: 'reached' | 'timed out',
    policy: string | undefined,
  ])[];
  /** Overrides of {@link OTHER_PARAMS} for this lesson (e.g. a node port at the range's edge). */
  readonly otherParams?: Partial<TutorialParams>;
}

/** Cheat-sheet values unlike the tutorial's: every lesson must give the same outcomes with them. */
const OTHER_PARAMS: TutorialParams = {
  clientIp: '192.0.2.44',
  otherClientIp: '192.0.2.45',
  loadBalancerIp: '169.46.10.99',
  workerPublicIp: '198.51.100.20',
  nodePort: 30080,
};

interface ConformanceFlows {
  readonly flows: readonly {
    readonly flow: Parameters<World['evaluate']>[0];
    readonly verdict: string;
    readonly decidedBy: string | null;
    readonly why: string;
  }[];
}

/**
 * Declares the shared tests of a lesson app.
 *
 * @example
 * ```ts
 * describeLessonApp({ define: lesson2, appUrl: new URL('..', import.meta.url), tutorialFiles: ['deny-nodeports'],
 *   outcomes: [['3', 'timed out', 'deny-nodeports'], ['4', 'reached', undefined]] });
 * ```
 */
export function describeLessonApp(spec: LessonAppSpec): void {
  const appDir = fileURLToPath(spec.appUrl);
  const fixture = (name: string) => readFileSync(new URL(`test/fixtures/${name}`, spec.appUrl), 'utf8');
  const lesson = spec.define(TUTORIAL_DEFAULTS);

  describe(`lesson ${lesson.number}: ${lesson.title}`, () => {
    it('out/ holds exactly the YAML the lesson emits (run npm start to regenerate)', () => {
      expect(goldenDiffs(lesson, `${appDir}out`)).toEqual([]);
    });

    it('depends on library packages only, never on another app', () => {
      const manifest = JSON.parse(readFileSync(new URL('package.json', spec.appUrl), 'utf8')) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
      expect(names).toContain('@calico-dsl/tutorial');
      expect(names.filter((n) => /^@calico-dsl\/(lesson-|playground)/.test(n))).toEqual([]);
    });

    it('README.md shows the YAML the lesson emits, byte for byte', () => {
      const readme = readFileSync(new URL('README.md', spec.appUrl), 'utf8');
      const shown = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
      for (const { file, yaml } of lessonFiles(lesson)) expect(shown, file).toContain(yaml);
    });

    it('README.md and docs/tutorial.md show what npm start prints, line for line', () => {
      const run = simulateLesson(lesson, TUTORIAL_DEFAULTS);
      const files = lessonFiles(lesson).map((f) => `out/${f.file}`);
      const printed = fromUserCwd(
        appDir,
        { TUTORIAL_CWD: appDir },
        existsSync,
      )(simulatedRunText(lesson, run, files));
      const readme = readFileSync(new URL('README.md', spec.appUrl), 'utf8');
      expect(/## What `npm start` prints\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1]).toBe(printed);
      // The guide may quote a lesson's run too: any text block that starts with its header.
      const guide = readFileSync(new URL('../../docs/tutorial.md', spec.appUrl), 'utf8');
      const header = `== Lesson ${lesson.number}:`;
      for (const m of guide.matchAll(/```text\n([\s\S]*?)```/g))
        if (m[1]?.startsWith(header)) expect(m[1]).toBe(printed);
    });

    it.each(spec.tutorialFiles.map((name) => [name]))(
      '%s equals the tutorial YAML, IPs filled in',
      (name) => {
        const tutorial = fromYaml(fillPlaceholders(fixture(`${name}.tutorial.yaml`), TUTORIAL_DEFAULTS));
        expect(tutorial.ok, JSON.stringify(tutorial)).toBe(true);
        const emitted = lessonFiles(lesson).find((f) => f.file === `${name}.yaml`);
        expect(emitted, `the lesson emits ${name}.yaml`).toBeDefined();
        const ours = fromYaml(emitted?.yaml ?? '');
        expect(ours.ok).toBe(true);
        if (tutorial.ok && ours.ok)
          expect(ours.value.map(comparableForm)).toEqual(tutorial.value.map(comparableForm));
      },
    );

    it('every policy it applies passes validate and prints as it parses', () => {
      for (const step of lesson.steps) {
        if (step.kind !== 'apply') continue;
        const resource = step.policy.toResource();
        expect(validate(resource), policyName(step.policy)).toMatchObject({ ok: true });
        expect(fromYaml(toYaml(resource))).toEqual({ ok: true, value: [resource] });
      }
    });

    it("reproduces the tutorial's outcomes on the simulated cluster", () => {
      const run = simulateLesson(lesson, TUTORIAL_DEFAULTS);
      const curls = run.steps.filter((s): s is CurlResult => s.kind === 'curl');
      expect(curls.map((c) => [c.step, c.result.outcome, deciding(c)])).toEqual(spec.outcomes);
      expect(curls.filter((c) => !c.asInTutorial).map((c) => c.mismatch)).toEqual([]);
      expect(run.ok).toBe(true);
      for (const c of curls) if (c.result.outcome === 'reached') expect(c.result.pod).toMatch(/^webserver-/);
    });

    it("is the tutorial's lesson and ends as the outline says (where the next lesson and the playground start)", () => {
      const outline = TUTORIAL_LESSONS.find((l) => l.number === lesson.number);
      expect(outline, `lesson ${lesson.number} is in TUTORIAL_LESSONS`).toBeDefined();
      if (outline === undefined) return;
      expect(lesson.title).toBe(outline.title);
      for (const params of [TUTORIAL_DEFAULTS, { ...OTHER_PARAMS, ...spec.otherParams }]) {
        expect(lessonEndState(spec.define(params), params)).toEqual(
          clusterAfterLesson(outline.number, params),
        );
      }
    });

    it('gives the same outcomes with other cheat-sheet values', () => {
      const params: TutorialParams = { ...OTHER_PARAMS, ...spec.otherParams };
      const run = simulateLesson(spec.define(params), params);
      const curls = run.steps.filter((s): s is CurlResult => s.kind === 'curl');
      expect(curls.map((c) => [c.step, c.result.outcome, deciding(c)])).toEqual(spec.outcomes);
    });

    it('npm start runs the lesson from source and exits 0 (--json)', () => {
      // The app's own start script, so the tsx source-condition wiring is tested too. Another client
      // IP sends the YAML to out/custom/, so this test never rewrites the goldens it checks.
      const run = spawnSync('npm', ['run', '--silent', 'start', '--', '--json', '--client-ip=192.0.2.44'], {
        cwd: appDir,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ lesson: lesson.number, ok: true });
    }, 90_000);

    const conformance = JSON.parse(fixture('conformance-flows.json')) as ConformanceFlows;
    const world = World.from(lessonEndState(lesson, TUTORIAL_DEFAULTS));
    it.each(conformance.flows.map((f) => [f.why, f] as const))('conformance: %s', (_why, row) => {
      const result = world.evaluate(row.flow);
      expect(result.verdict).toBe(row.verdict);
      if (row.decidedBy !== null) expect(result.explain()).toContain(row.decidedBy);
    });
  });
}

/** The policy (not profile) whose rule decided a curl, as the tutorial would name it. */
function deciding(curl: CurlResult): string | undefined {
  const rule = curl.result.decidedBy;
  return rule?.kind === 'Profile' ? undefined : rule?.policy;
}
