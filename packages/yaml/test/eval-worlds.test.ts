import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../src/index.js';

// The world manifests of shared/conformance/eval (copied into test/fixtures/eval): real mixes of
// Calico and Kubernetes kinds the evaluator reads. Each must read cleanly and survive a round trip.
const dir = new URL('./fixtures/eval/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('conformance eval worlds', () => {
  it.each(files)('%s reads and round-trips', (file) => {
    const first = fromYaml(readFileSync(new URL(file, dir), 'utf8'));
    expect(first.ok && first.value.length).toBeGreaterThan(0);
    if (!first.ok) return;
    expect(fromYaml(toYaml(first.value))).toEqual(first);
    expect(fromYaml(toYaml(first.value, { list: true }))).toEqual(first);
  });
});
