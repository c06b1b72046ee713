import { ISSUE_CODES } from '@calico-dsl/core';
import { fromYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';

describe('one shape check whatever the entry point', () => {
  it('a bad Pod gets the same codes and paths from fromYaml and World.from', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels: { tier: 1 } },
      spec: { containers: [{ name: 'c', ports: [{ containerPort: 70000 }] }] },
      status: { podIP: 7 },
    };
    const viaYaml = fromYaml(JSON.stringify(pod));
    let viaWorld: readonly { code: string; path: readonly (string | number)[] }[] = [];
    try {
      World.from([pod]);
    } catch (error) {
      viaWorld = (error as { issues?: typeof viaWorld }).issues ?? [];
    }
    expect(viaYaml.ok).toBe(false);
    const fromText = viaYaml.ok ? [] : viaYaml.issues.map((i) => [i.code, i.path]);
    expect(fromText).toEqual([
      ['invalid_type', ['metadata', 'labels', 'tier']],
      ['out_of_range', ['spec', 'containers', 0, 'ports', 0, 'containerPort']],
      ['invalid_type', ['status', 'podIP']],
    ]);
    // The world's paths start with the resource's index in its input list.
    expect(viaWorld.map((i) => [i.code, i.path.slice(1)])).toEqual(fromText);
    for (const i of viaWorld) expect(Object.keys(ISSUE_CODES)).toContain(i.code);
  });
});
