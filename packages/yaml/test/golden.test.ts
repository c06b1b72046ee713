import { readdirSync, readFileSync } from 'node:fs';
import { comparableForm, type Resource } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../src/index.js';
import {
  EXPECTED_KIND_YAML,
  EXPECTED_TUTORIAL_YAML,
  yamlList,
  yamlStream,
} from './fixtures/expected-yaml.js';
import { ONE_OF_EVERY_KIND, TUTORIAL } from './fixtures/resources.js';
import { reverseKeys } from './helpers.js';

// The exact YAML each resource prints as, against expectations written by hand in
// fixtures/expected-yaml.ts (Calico's field order, cited there); the input's own key order never
// matters (reverseKeys).
describe('toYaml golden output (IR)', () => {
  for (const [name, policy] of Object.entries(TUTORIAL)) {
    it(`tutorial policy ${name}`, () => {
      expect(toYaml(policy)).toBe(EXPECTED_TUTORIAL_YAML[name]);
      expect(toYaml(reverseKeys(policy))).toBe(EXPECTED_TUTORIAL_YAML[name]);
    });
  }
  for (const [kind, resource] of Object.entries(ONE_OF_EVERY_KIND)) {
    it(`one ${kind}`, () => {
      const expected = EXPECTED_KIND_YAML[resource.kind];
      expect(toYaml(resource)).toBe(expected);
      expect(toYaml(reverseKeys(resource))).toBe(expected);
    });
  }
  it('every kind has a hand-written expectation', () => {
    expect(Object.keys(ONE_OF_EVERY_KIND).sort()).toEqual(Object.keys(EXPECTED_KIND_YAML).sort());
    expect(Object.keys(TUTORIAL).sort()).toEqual(Object.keys(EXPECTED_TUTORIAL_YAML).sort());
  });
  it('all kinds as one multi-document stream and as a v1 List', () => {
    const all = Object.values(ONE_OF_EVERY_KIND);
    const docs = all.map((r) => EXPECTED_KIND_YAML[r.kind]);
    expect(toYaml(all)).toBe(yamlStream(docs));
    expect(toYaml(all, { list: true })).toBe(yamlList('v1', 'List', docs));
  });
  it('tutorial policies as a GlobalNetworkPolicyList', () => {
    const docs = Object.keys(TUTORIAL).map((name) => EXPECTED_TUTORIAL_YAML[name] ?? '');
    expect(toYaml(Object.values(TUTORIAL), { list: true })).toBe(
      yamlList('projectcalico.org/v3', 'GlobalNetworkPolicyList', docs),
    );
  });
  it('the list layout, written out for two small resources', () => {
    const { Tier, GlobalNetworkSet } = ONE_OF_EVERY_KIND;
    expect(toYaml([Tier, GlobalNetworkSet], { list: true })).toBe(`apiVersion: v1
kind: List
items:
- apiVersion: projectcalico.org/v3
  kind: Tier
  metadata:
    name: security
  spec:
    order: 100
    defaultAction: Pass
- apiVersion: projectcalico.org/v3
  kind: GlobalNetworkSet
  metadata:
    name: partners
    labels:
      role: partner
  spec:
    nets:
    - 198.51.100.0/24
    - 2001:db8::/32
`);
    expect(toYaml([Tier, GlobalNetworkSet])).toBe(`apiVersion: projectcalico.org/v3
kind: Tier
metadata:
  name: security
spec:
  order: 100
  defaultAction: Pass
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkSet
metadata:
  name: partners
  labels:
    role: partner
spec:
  nets:
  - 198.51.100.0/24
  - 2001:db8::/32
`);
  });
});

// The tutorial expectations are not only what someone wrote: each must mean what the tutorial's
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
    const golden = fromYaml(EXPECTED_TUTORIAL_YAML[name] ?? '');
    expect(golden.ok).toBe(true);
    if (!golden.ok) return;
    const [policy] = golden.value;
    const tutorial = written.find((r) => r.kind === policy?.kind && r.metadata.name === name);
    expect(tutorial, `the eval worlds hold the tutorial's ${name}`).toBeDefined();
    if (policy && tutorial) expect(comparableForm(policy)).toEqual(comparableForm(tutorial));
  });
});
