/**
 * The command line every lesson app shares: simulate (default), `--json`, `--apply`, `--cleanup`,
 * and the cheat-sheet flags. `main.ts` of each app is one call to {@link runLessonCli}.
 */
import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createCalicoctl } from '@calico-dsl/calicoctl';
import type { Lesson, LessonDefinition } from '../lesson.js';
import { lessonFiles, outDirFor } from '../out-files.js';
import { TUTORIAL_DEFAULTS, type TutorialParams } from '../params.js';
import { renderLesson } from '../render-text.js';
import { type LessonRun, simulateLesson } from '../simulate.js';
import { applyLesson } from './apply.js';
import { datastoreSource, missingFlagsHelp, noClusterHelp } from './cluster-access.js';
import { writeOutFiles } from './out-dir.js';
import { linePrinter } from './process-output.js';

/**
 * Where a lesson app runs and prints. Tests pass their own `print`/`env`.
 *
 * @example
 * ```ts
 * const options: LessonCliOptions = { argv: ['--json'], appDir: '/tmp/lesson', print: (t) => lines.push(t) };
 * ```
 */
export interface LessonCliOptions {
  readonly argv: readonly string[];
  /** The app's folder (its `out/` is written there). */
  readonly appDir: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly print?: (text: string) => void;
  readonly printError?: (text: string) => void;
  /** Replaces waiting for Enter on stdin under `--pause` (tests). */
  readonly pause?: (prompt: string) => Promise<void>;
  /** Replaces the real calicoctl (tests). */
  readonly calicoctl?: Parameters<typeof applyLesson>[2]['ctl'];
}

const USAGE = `Usage: npm start -- [options]

Runs the lesson on the embedded simulator (IBM Cloud cluster + evaluator), prints each step, and
exits 1 if an outcome differs from the tutorial. The lesson's YAML is written to out/.

  --json                  print the steps as JSON
  --apply                 apply the lesson's policies to a real cluster through calicoctl
  --cleanup               with --apply: run the lesson's clean-up steps only
  --pause                 with --apply: wait for Enter after each curl to try
  --config=<file>         calicoctl config file (otherwise KUBECONFIG / DATASTORE_TYPE …)
  --calicoctl=<path>      the calicoctl binary (default: calicoctl on PATH)
  --client-ip=<ip>        your computer's public IP        (default ${TUTORIAL_DEFAULTS.clientIp})
  --other-client-ip=<ip>  another system's public IP       (default ${TUTORIAL_DEFAULTS.otherClientIp})
  --lb-ip=<ip>            the load balancer's EXTERNAL-IP  (default ${TUTORIAL_DEFAULTS.loadBalancerIp})
  --worker-ip=<ip>        a worker's public IP             (default ${TUTORIAL_DEFAULTS.workerPublicIp})
  --node-port=<port>      webserver-lb's node port         (default ${TUTORIAL_DEFAULTS.nodePort})
  -h, --help              this text`;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * Runs a lesson app with its command-line arguments; resolves with the exit code (0 ok, 1 an
 * outcome differs or calicoctl failed, 2 usage or missing cluster settings).
 *
 * @example
 * ```ts
 * process.exitCode = await runLessonCli(lesson, { argv: process.argv.slice(2), appDir: '.' });
 * ```
 */
export async function runLessonCli(define: LessonDefinition, options: LessonCliOptions): Promise<number> {
  const env = options.env ?? process.env;
  const shown = fromUserCwd(options.appDir, env, existsSync);
  const printRaw = options.print ?? linePrinter(process.stdout);
  const print = (text: string) => printRaw(shown(text));
  const printError = options.printError ?? linePrinter(process.stderr);
  const parsed = parseCli(options.argv);
  if (typeof parsed === 'string') {
    printError(`${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    print(USAGE);
    return 0;
  }
  const { params } = parsed;
  const lesson = define(params);
  const outDir = join(options.appDir, outDirFor(params));
  const written = writeOutFiles(outDir, lessonFiles(lesson));

  if (parsed.apply) {
    const missing = parsed.missing;
    if (missing.length > 0) {
      printError(missingFlagsHelp(missing));
      return 2;
    }
    const source = datastoreSource(env, parsed.config, existsSync);
    if (options.calicoctl === undefined && source === undefined) {
      printError(noClusterHelp('npm start -- --apply'));
      return 2;
    }
    const ctl =
      options.calicoctl ??
      createCalicoctl({
        ...(parsed.calicoctl === undefined ? {} : { bin: parsed.calicoctl }),
        ...(parsed.config === undefined ? {} : { config: parsed.config }),
      });
    if (source !== undefined) print(`calicoctl datastore: ${source}`);
    const ok = await applyLesson(lesson, params, {
      ctl,
      print: (...lines: string[]) => print(lines.join('\n')),
      cleanup: parsed.cleanup,
      ...(parsed.pause ? { pause: options.pause ?? pauseOnStdin } : {}),
      rerun: `npm start -- ${options.argv.filter((a) => a !== '--cleanup').join(' ')} --cleanup (in apps/${basename(options.appDir)})`,
    });
    return ok ? 0 : 1;
  }

  const run = simulateLesson(lesson, params);
  if (parsed.json)
    print(JSON.stringify({ ...run, files: written.map((p) => relativeOut(p, options.appDir)) }, null, 2));
  else
    print(
      simulatedRunText(
        lesson,
        run,
        written.map((p) => relativeOut(p, options.appDir)),
      ),
    );
  return run.ok ? 0 : 1;
}

/**
 * Rewrites printed text for the folder the user ran npm in (`TUTORIAL_CWD`, `INIT_CWD`; `npm run tutorial` runs
 * each lesson inside its app folder): `-f out/…` and `YAML written: out/…` become paths from there,
 * and the evaluator's `(§4.5)` notes, which number sections of a page not in the repository,
 * point to docs/semantics.md (or are dropped when it is not there).
 *
 * @example
 * ```ts
 * fromUserCwd('apps/lesson-2-deny-nodeports', { TUTORIAL_CWD: '.' }, existsSync)('$ calicoctl apply -f out/x.yaml');
 * // '$ calicoctl apply -f apps/lesson-2-deny-nodeports/out/x.yaml'
 * ```
 */
export function fromUserCwd(
  appDir: string,
  env: Readonly<Record<string, string | undefined>>,
  exists: (path: string) => boolean,
): (text: string) => string {
  // scripts/tutorial.mjs passes its own folder: the nested `npm start` resets INIT_CWD.
  const userCwd = env.TUTORIAL_CWD ?? env.INIT_CWD ?? process.cwd();
  const app = relative(userCwd, resolve(appDir));
  const docs = resolve(appDir, '..', '..', 'docs', 'semantics.md');
  const cite = exists(docs) ? ` (see ${relative(userCwd, docs)})` : '';
  return (text) => {
    let out = text.replace(/ \(§\d+(?:\.\d+)*\)/g, cite);
    if (app !== '') out = out.replace(/(-f |YAML written: |, )out\//g, `$1${join(app, 'out')}/`);
    return out;
  };
}

/**
 * What the simulated run prints: the lesson, then the YAML files it wrote (as the app names them).
 *
 * @example
 * ```ts
 * simulatedRunText(lesson, simulateLesson(lesson, params), ['out/deny-nodeports.yaml']).endsWith('YAML written: out/deny-nodeports.yaml\n'); // true
 * ```
 */
export function simulatedRunText(lesson: Lesson, run: LessonRun, files: readonly string[]): string {
  return `${renderLesson(lesson, run)}YAML written: ${files.join(', ')}\n`;
}

function relativeOut(path: string, appDir: string): string {
  return path.startsWith(appDir) ? path.slice(appDir.length).replace(/^[/\\]/, '') : path;
}

interface ParsedCli {
  readonly help: boolean;
  readonly json: boolean;
  readonly apply: boolean;
  readonly cleanup: boolean;
  readonly pause: boolean;
  readonly config: string | undefined;
  readonly calicoctl: string | undefined;
  readonly params: TutorialParams;
  /** Cheat-sheet flags `--apply` needs that were not given. */
  readonly missing: readonly string[];
}

/** Parses the arguments; a string is a usage error. */
function parseCli(argv: readonly string[]): ParsedCli | string {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        apply: { type: 'boolean' },
        cleanup: { type: 'boolean' },
        pause: { type: 'boolean' },
        config: { type: 'string' },
        calicoctl: { type: 'string' },
        'client-ip': { type: 'string' },
        'other-client-ip': { type: 'string' },
        'lb-ip': { type: 'string' },
        'worker-ip': { type: 'string' },
        'node-port': { type: 'string' },
      },
    }).values;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const ips = {
    clientIp: values['client-ip'],
    otherClientIp: values['other-client-ip'],
    loadBalancerIp: values['lb-ip'],
    workerPublicIp: values['worker-ip'],
  };
  for (const [key, value] of Object.entries(ips)) {
    if (typeof value === 'string' && !IPV4.test(value))
      return `Invalid ${flagOf(key)} "${value}": give an IPv4 address such as 192.0.2.10`;
  }
  const nodePortText = values['node-port'];
  const nodePort = typeof nodePortText === 'string' ? Number(nodePortText) : TUTORIAL_DEFAULTS.nodePort;
  if (!Number.isInteger(nodePort) || nodePort < 30000 || nodePort > 32767)
    return `Invalid --node-port "${String(nodePortText)}": node ports are integers from 30000 to 32767`;
  const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
  const params: TutorialParams = {
    clientIp: str(ips.clientIp) ?? TUTORIAL_DEFAULTS.clientIp,
    otherClientIp: str(ips.otherClientIp) ?? TUTORIAL_DEFAULTS.otherClientIp,
    loadBalancerIp: str(ips.loadBalancerIp) ?? TUTORIAL_DEFAULTS.loadBalancerIp,
    workerPublicIp: str(ips.workerPublicIp) ?? TUTORIAL_DEFAULTS.workerPublicIp,
    nodePort,
  };
  if (values.cleanup === true && values.apply !== true) return '--cleanup only makes sense with --apply';
  if (values.pause === true && values.apply !== true) return '--pause only makes sense with --apply';
  return {
    help: values.help === true,
    json: values.json === true,
    apply: values.apply === true,
    cleanup: values.cleanup === true,
    pause: values.pause === true,
    config: str(values.config),
    calicoctl: str(values.calicoctl),
    params,
    missing: ['client-ip', 'lb-ip', 'worker-ip', 'node-port']
      .filter((f) => values[f] === undefined)
      .map((f) => `--${f}`),
  };
}

function flagOf(key: string): string {
  return `--${key
    .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
    .replace('load-balancer-ip', 'lb-ip')
    .replace('worker-public-ip', 'worker-ip')}`;
}

/** Prints the prompt and resolves on the next line of stdin. */
async function pauseOnStdin(prompt: string): Promise<void> {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  await readline.question(prompt);
  readline.close();
}
