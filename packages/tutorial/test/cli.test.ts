import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createCalicoctl } from '@calico-dsl/calicoctl';
import { calicoctlSays, createFakeRunner } from '@calico-dsl/calicoctl/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datastoreSource, runLessonCli } from '../src/node/index.js';
import { blockClientLesson, wrongLesson } from './fixture-lesson.js';

const APPLY_FLAGS = [
  '--client-ip=192.0.2.44',
  '--lb-ip=169.46.10.99',
  '--worker-ip=198.51.100.20',
  '--node-port=30080',
];

describe('runLessonCli', () => {
  let appDir: string;
  let out: string[];
  let err: string[];
  const run = (argv: string[], extra: Partial<Parameters<typeof runLessonCli>[1]> = {}) =>
    runLessonCli(blockClientLesson, {
      argv,
      appDir,
      // As `npm start` in the app folder: printed paths are relative to it.
      env: { INIT_CWD: appDir },
      print: (t) => out.push(t),
      printError: (t) => err.push(t),
      ...extra,
    });

  beforeEach(() => {
    appDir = mkdtempSync(join(tmpdir(), 'tutorial-cli-'));
    out = [];
    err = [];
  });
  afterEach(() => rmSync(appDir, { recursive: true, force: true }));

  it('simulates the lesson, prints it and writes the YAML to out/', async () => {
    expect(await run([])).toBe(0);
    expect(out.join('\n')).toContain('== Lesson 9: Block one client ==');
    expect(out.join('\n')).toContain('YAML written: out/block-client.yaml');
    expect(readFileSync(join(appDir, 'out', 'block-client.yaml'), 'utf8')).toContain('name: block-client');
  });

  it('prints paths from where the user ran npm (npm run tutorial runs each lesson in its folder)', async () => {
    expect(await run([], { env: { TUTORIAL_CWD: join(appDir, '..') } })).toBe(0);
    const shown = join(basename(appDir), 'out', 'block-client.yaml');
    expect(out.join('\n')).toContain(`calicoctl apply -f ${shown}`);
    expect(out.join('\n')).toContain(`YAML written: ${shown}`);
    expect(out.join('\n')).not.toMatch(/§\d/);
  });

  it('exits 1 when an outcome differs from the expected one', async () => {
    expect(await runLessonCli(wrongLesson, { argv: [], appDir, print: (t) => out.push(t) })).toBe(1);
  });

  it('prints the same steps as JSON with --json', async () => {
    expect(await run(['--json'])).toBe(0);
    const data = JSON.parse(out.join('\n'));
    expect(data).toMatchObject({ lesson: 9, ok: true, files: ['out/block-client.yaml'] });
    expect(
      data.steps.map((s: { kind: string; result?: { outcome: string } }) => s.result?.outcome ?? s.kind),
    ).toEqual(['reached', 'apply', 'timed out', 'reached', 'delete']);
    expect(data.steps[2].flow).toEqual({
      protocol: 'TCP',
      srcIp: '198.51.100.7',
      srcPort: 51001,
      dstIp: '169.46.10.20',
      dstPort: 80,
    });
  });

  it('uses other cheat-sheet values and writes their YAML beside the goldens, in out/custom/', async () => {
    expect(await run(['--client-ip', '192.0.2.44', '--lb-ip=169.46.10.99'])).toBe(0);
    expect(readFileSync(join(appDir, 'out', 'custom', 'block-client.yaml'), 'utf8')).toContain(
      '192.0.2.44/32',
    );
  });

  it.each([
    [['--client-ip=1.2.3'], 'Invalid --client-ip "1.2.3"'],
    [['--node-port=80'], 'Invalid --node-port "80"'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--cleanup'], '--cleanup only makes sense with --apply'],
    [['--pause'], '--pause only makes sense with --apply'],
  ])('refuses %j with a usage error (exit 2)', async (argv, message) => {
    expect(await run(argv)).toBe(2);
    expect(err.join('\n')).toContain(message);
    expect(err.join('\n')).toContain('Usage: npm start');
  });

  it('prints help', async () => {
    expect(await run(['--help'])).toBe(0);
    expect(out.join('\n')).toContain('--apply');
  });

  it('--apply explains which values it needs', async () => {
    expect(await run(['--apply'])).toBe(2);
    expect(err.join('\n')).toContain('--lb-ip: the EXTERNAL-IP of webserver-lb');
  });

  it('--apply without a cluster explains what it needs', async () => {
    expect(await run(['--apply', ...APPLY_FLAGS])).toBe(2);
    expect(err.join('\n')).toContain('--apply needs a cluster');
    expect(err.join('\n')).toContain('KUBECONFIG');
  });

  it('--apply runs calicoctl in the lesson order and prints the curls to try, deferring clean-up', async () => {
    const runner = createFakeRunner([calicoctlSays.success('apply', 1, 'GlobalNetworkPolicy')]);
    const calicoctl = createCalicoctl({ runner, parentEnv: { KUBECONFIG: '/k' } });
    expect(await run(['--apply', ...APPLY_FLAGS], { calicoctl, env: { KUBECONFIG: '/k' } })).toBe(0);
    expect(runner.commands.map((c) => c.args)).toEqual([['apply', '-f', '-']]);
    expect(runner.commands[0]?.stdin).toContain('- 192.0.2.44/32');
    const text = out.join('\n');
    expect(text).toContain('calicoctl datastore: KUBECONFIG=/k');
    expect(text).toContain('$ curl --connect-timeout 10 169.46.10.99:80    # try it from your computer');
    expect(text).toContain("Successfully applied 1 'GlobalNetworkPolicy' resource(s)");
    expect(text).toContain('--cleanup');
  });

  it('--apply --pause waits after each curl, before the next calicoctl step', async () => {
    const events: string[] = [];
    const runner = createFakeRunner([], (command) => {
      events.push(`calicoctl ${command.args[0]}`);
      return calicoctlSays.success('apply', 1, 'GlobalNetworkPolicy');
    });
    const calicoctl = createCalicoctl({ runner });
    const pause = async () => {
      events.push('pause');
    };
    expect(
      await run(['--apply', '--pause', ...APPLY_FLAGS], { calicoctl, pause, env: { KUBECONFIG: '/k' } }),
    ).toBe(0);
    expect(events).toEqual(['pause', 'calicoctl apply', 'pause', 'pause']);
  });

  it('--apply --cleanup runs only the clean-up steps', async () => {
    const runner = createFakeRunner([calicoctlSays.deleted(1, 'GlobalNetworkPolicy')]);
    const calicoctl = createCalicoctl({ runner });
    expect(await run(['--apply', '--cleanup', ...APPLY_FLAGS], { calicoctl })).toBe(0);
    expect(runner.commands.map((c) => c.args)).toEqual([
      ['delete', 'GlobalNetworkPolicy', 'block-client', '--skip-not-exists'],
    ]);
  });

  it('--apply stops at a calicoctl failure and says what to do', async () => {
    const runner = createFakeRunner([calicoctlSays.notFound()]);
    const calicoctl = createCalicoctl({ runner });
    expect(await run(['--apply', ...APPLY_FLAGS], { calicoctl })).toBe(1);
    expect(out.join('\n')).toContain('install calicoctl');
  });
});

describe('datastoreSource', () => {
  const cases: [Record<string, string>, string | undefined, boolean, string | undefined][] = [
    [{}, undefined, false, undefined],
    [{ KUBECONFIG: '/k' }, undefined, false, 'KUBECONFIG=/k'],
    [{ CALICO_DATASTORE_TYPE: 'kubernetes' }, undefined, false, 'CALICO_DATASTORE_TYPE=kubernetes'],
    [{ KUBECONFIG: '' }, undefined, false, undefined],
    [{}, '/c.cfg', false, '--config=/c.cfg'],
    [{}, undefined, true, '/etc/calico/calicoctl.cfg'],
  ];
  it.each(cases)('env %j, config %s, default config file %s', (env, config, exists, expected) => {
    expect(datastoreSource(env, config, () => exists)).toBe(expected);
  });
});
