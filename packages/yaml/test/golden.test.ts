import { describe, expect, it } from 'vitest';
import { toYaml } from '../src/index.js';
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
