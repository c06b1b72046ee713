/**
 * Felix's static filter rules for overlay tunnels (the evaluator's `hostStatic` hook:
 * `felix/rules/static.go` `filterInputChain`): diff over every flow finds what turning a tunnel on
 * changes, and the evaluator agrees on each witness.
 */
import { World } from '@calico-dsl/evaluator';
import { describe, expect, it } from 'vitest';
import { pool as ipPool, node, ns } from '../../evaluator/test/helpers/world-kit.js';
import { changeText, diff } from '../src/index.js';

const NODES = [ns('prod'), node('node-1', '10.0.0.11'), node('node-2', '10.0.0.12')];
const pool = (spec: Record<string, unknown>) => ipPool('default-ipv4-ippool', '10.244.0.0/16', spec);

describe('tunnels in the analysis', () => {
  it.each([
    [
      'IPIP',
      { ipipMode: 'Always' },
      '4 any IPv4 except 10.0.0.11/32, 10.0.0.12/32 → 10.0.0.11/32, 10.0.0.12/32: Allow → Deny',
    ],
    [
      'VXLAN',
      { vxlanMode: 'Always' },
      'UDP any IPv4 except 10.0.0.11/32, 10.0.0.12/32 → 10.0.0.11/32, 10.0.0.12/32 port 4789: Allow → Deny',
    ],
  ])('turning %s on closes the nodes to tunnel packets from anything but a node', (_name, spec, change) => {
    const after = World.from([...NODES, pool(spec)]);
    const changes = diff(World.from(NODES), after).changes;
    expect(changes.map(changeText)).toEqual([change]);
    for (const c of changes) expect(after.evaluate(c.witness).verdict).toBe(c.after);
  });
});
