import type { GlobalNetworkPolicy, Tier } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { gnp } from '../test/helpers.js';
import { comparableForm, differences, withoutServerMetadata } from './compare.js';
import { formatPlan, planChanges } from './plan.js';

const live: GlobalNetworkPolicy = {
  ...gnp('web'),
  metadata: { name: 'web', resourceVersion: '12', uid: 'u-1', creationTimestamp: '2026-08-20T10:11:12Z' },
  spec: { ...gnp('web').spec, tier: 'default', types: ['Ingress'] },
};

describe('comparableForm / differences', () => {
  it('ignores server-set metadata and server defaults', () => {
    expect(differences(comparableForm(live), comparableForm(gnp('web')))).toEqual([]);
  });

  it('treats "80" and 80 as the same port, and empty lists as absent', () => {
    const a: GlobalNetworkPolicy = {
      ...gnp('web'),
      spec: {
        selector: 'role == "web"',
        egress: [],
        ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: ['80'] } }],
      },
    };
    expect(differences(comparableForm(a), comparableForm(gnp('web')))).toEqual([]);
  });

  it('defaults types from the rules (§3.2) and names what differs', () => {
    const egressOnly: GlobalNetworkPolicy = { ...gnp('web'), spec: { egress: [{ action: 'Allow' }] } };
    expect(comparableForm(egressOnly)).toMatchObject({ spec: { types: ['Egress'] } });
    const moved = { ...gnp('web'), spec: { ...gnp('web').spec, order: 5 } };
    expect(differences(comparableForm(live), comparableForm(moved))).toEqual(['spec.order']);
    const tier: Tier = {
      apiVersion: 'projectcalico.org/v3',
      kind: 'Tier',
      metadata: { name: 't' },
      spec: { order: 1 },
    };
    expect(comparableForm(tier)).toMatchObject({ spec: { defaultAction: 'Deny' } });
  });

  it('withoutServerMetadata keeps what the user declares', () => {
    expect(withoutServerMetadata(live).metadata).toEqual({ name: 'web' });
  });
});

describe('planChanges', () => {
  it('lists each kind once and classifies every resource', async () => {
    const asked: string[] = [];
    const plan = await planChanges([gnp('web'), gnp('new')], async (kind, ns) => {
      asked.push(`${kind}/${ns ?? ''}`);
      return [live];
    });
    expect(asked).toEqual(['GlobalNetworkPolicy/']);
    expect(formatPlan(plan)).toBe(
      '= GlobalNetworkPolicy web (unchanged)\n+ GlobalNetworkPolicy new (create)',
    );
    expect(plan.hasChanges).toBe(true);
  });
});
