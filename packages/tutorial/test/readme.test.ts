// The README's example shows what the library emits: its YAML block is toYaml(denyNodeports()), and
// the verdict it states is the evaluator's.
import { readFileSync } from 'node:fs';
import { World } from '@calico-dsl/evaluator';
import { fromYaml, toYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { clusterAfterLesson, denyNodeports, TUTORIAL_DEFAULTS } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the YAML of denyNodeports()', () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(fromYaml(block)).toEqual(fromYaml(toYaml(denyNodeports())));
    expect(fromYaml(block).ok).toBe(true);
  });

  it("states the evaluator's verdict for the node port after lesson 2", () => {
    expect(readme).toContain("// 'Deny': the node port is closed by deny-nodeports");
    const world = World.from(clusterAfterLesson(2, TUTORIAL_DEFAULTS));
    const result = world.evaluate({
      protocol: 'TCP',
      srcIp: '198.51.100.7',
      dstIp: '203.0.113.11',
      dstPort: 31024,
    });
    expect(result.verdict).toBe('Deny');
    expect(result.explain()).toContain('deny-nodeports');
  });
});
