import { readdirSync, readFileSync } from 'node:fs';
import { comparableForm, type Resource } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../src/index.js';
import { ONE_OF_EVERY_KIND, TUTORIAL } from './fixtures/resources.js';
import { reverseKeys } from './helpers.js';

// Golden files: the exact YAML each resource prints as. Review a diff in test/fixtures/golden/ like code.
describe('toYaml golden output (IR)', () => {
  for (const [name, policy] of Object.entries(TUTORIAL)) {
    it(`tutorial policy ${name}`, async () => {
      const text = toYaml(policy);
      await expect(text).toMatchFileSnapshot(`./fixtures/golden/tutorial-${name}.yaml`);
      expect(toYaml(reverseKeys(policy))).toBe(text);
    });
  }
  for (const [kind, resource] of Object.entries(ONE_OF_EVERY_KIND)) {
    it(`one ${kind}`, async () => {
      const text = toYaml(resource);
      await expect(text).toMatchFileSnapshot(`./fixtures/golden/kind-${kind}.yaml`);
      expect(toYaml(reverseKeys(resource))).toBe(text);
    });
  }
  it('all kinds as one multi-document stream and as a v1 List', async () => {
    const all = Object.values(ONE_OF_EVERY_KIND);
    await expect(toYaml(all)).toMatchFileSnapshot('./fixtures/golden/all-kinds.yaml');
    await expect(toYaml(all, { list: true })).toMatchFileSnapshot('./fixtures/golden/all-kinds-list.yaml');
  });
  it('tutorial policies as a GlobalNetworkPolicyList', async () => {
    await expect(toYaml(Object.values(TUTORIAL), { list: true })).toMatchFileSnapshot(
      './fixtures/golden/tutorial-list.yaml',
    );
  });
});

// The tutorial goldens are not only what toYaml printed once: each must mean what the tutorial's
// own YAML means (the tutorial policies as written in the conformance eval worlds, `source: {}`,
// key order and all), compared as Calico reads them.
describe('tutorial goldens mean what the tutorial wrote', () => {
  const dir = new URL('./fixtures/eval/', import.meta.url);
  const written: Resource[] = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => {
      const r = fromYaml(readFileSync(new URL(f, dir), 'utf8'));
      return r.ok ? r.value : [];
    });
  it.each(Object.keys(TUTORIAL))('%s', (name) => {
    const golden = fromYaml(
      readFileSync(new URL(`./fixtures/golden/tutorial-${name}.yaml`, import.meta.url), 'utf8'),
    );
    expect(golden.ok).toBe(true);
    if (!golden.ok) return;
    const [policy] = golden.value;
    const tutorial = written.find((r) => r.kind === policy?.kind && r.metadata.name === name);
    expect(tutorial, `the eval worlds hold the tutorial's ${name}`).toBeDefined();
    if (policy && tutorial) expect(comparableForm(policy)).toEqual(comparableForm(tutorial));
  });
});
