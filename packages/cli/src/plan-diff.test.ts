import type { PlanStep } from '@calico-dsl/calicoctl';
import { globalNetworkPolicy } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { fieldChanges, showValue } from './plan-diff.js';

const gnp = (order: number, labels: Record<string, string>, withWebPort: boolean) => {
  const rule = globalNetworkPolicy('p').order(order).labels(labels).deny().tcp();
  return (withWebPort ? rule.ports('30000:32767', '8080') : rule.ports('30000:32767')).toResource();
};

describe('fieldChanges', () => {
  it('old → new per changed field; label keys with dots stay one path element', () => {
    const step: PlanStep = {
      action: 'update',
      ref: { kind: 'GlobalNetworkPolicy', name: 'p' },
      live: gnp(1000, { 'ibm.role': 'a' }, false),
      desired: gnp(1100, { 'ibm.role': 'b' }, true),
      changes: [],
    };
    expect(fieldChanges(step)).toEqual([
      { path: 'metadata.labels["ibm.role"]', before: 'a', after: 'b' },
      { path: 'spec.ingress[0].destination.ports', before: ['30000:32767'], after: ['30000:32767', 8080] },
      { path: 'spec.order', before: 1000, after: 1100 },
    ]);
  });

  it('absent values and long values read well', () => {
    expect(showValue(undefined)).toBe('(absent)');
    expect(showValue('x'.repeat(200))).toHaveLength(80);
  });
});
