import { createCalicoctl } from '@calico-dsl/calicoctl';
import { describe, expect, it } from 'vitest';
import { calicoctlSays, createFakeRunner } from '../src/index.js';

describe('fake Runner re-export', () => {
  it('scripts calicoctl and records the commands', async () => {
    const runner = createFakeRunner([calicoctlSays.success('apply', 1, 'Tier')]);
    const ctl = createCalicoctl({ runner });
    const r = await ctl.apply({
      apiVersion: 'projectcalico.org/v3',
      kind: 'Tier',
      metadata: { name: 'security' },
      spec: { order: 100 },
    });
    expect(r.applied).toBe(1);
    expect(runner.commands[0]?.args).toEqual(['apply', '-f', '-']);
  });
});
