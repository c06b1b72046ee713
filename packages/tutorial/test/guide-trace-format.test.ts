// docs/trace-format.md reads a trace of lesson 3's cluster: its explain() blocks are what the
// evaluator prints (up to a `Path N: …` that elides the rest), and its step list is the trace's.
import { readFileSync } from 'node:fs';
import { type Flow, World } from '@calico-dsl/evaluator';
import { describe, expect, it } from 'vitest';
import { clusterAfterLesson, TUTORIAL_DEFAULTS } from '../src/index.js';

const guide = readFileSync(new URL('../../../docs/trace-format.md', import.meta.url), 'utf8');
const world = World.from(clusterAfterLesson(3, TUTORIAL_DEFAULTS));
const request = (srcIp: string): Flow => ({
  protocol: 'TCP',
  srcIp,
  srcPort: 51000,
  dstIp: '169.46.10.20',
  dstPort: 80,
});

describe('docs/trace-format.md', () => {
  const blocks = [...guide.matchAll(/```text\n(Flow [\s\S]*?)```/g)].map((m) => m[1] ?? '');

  it('quotes explain() of the whitelisted client and of another system', () => {
    expect(blocks.map((b) => b.split('\n', 1)[0])).toEqual([
      'Flow TCP 198.51.100.7:51000 → 169.46.10.20:80',
      'Flow TCP 203.0.113.50:51000 → 169.46.10.20:80',
    ]);
  });

  it.each([
    ['198.51.100.7', 0],
    ['203.0.113.50', 1],
  ])('the block for %s is what explain() prints', (srcIp, i) => {
    const shown = blocks[i] ?? '';
    const elided = /^Path \d+: …\n/m.exec(shown);
    const printed = `${world.evaluate(request(srcIp)).explain()}\n`;
    if (elided === null) expect(printed.startsWith(shown)).toBe(true);
    else expect(printed.startsWith(shown.slice(0, elided.index))).toBe(true);
    expect(shown.length).toBeGreaterThan(0);
  });

  it("lists path 1's steps as the trace has them", () => {
    const steps = world
      .evaluate(request('198.51.100.7'))
      .paths[0]?.steps.map((s) => [s.stage, s.policy?.name, s.ruleIndex, s.action]);
    expect(steps).toEqual([
      ['preDnat', 'whitelist', 0, 'allow'],
      ['dnat', undefined, undefined, 'nat'],
      ['forward', undefined, undefined, 'continue'],
      ['workloadIngress', 'kns.default', 0, 'allow'],
    ]);
    expect(guide).toContain(
      "//   ['forward', undefined, undefined, 'continue'],          // skipped: already accepted by pre-DNAT policy",
    );
  });
});
