/**
 * Felix's WireGuard accept ahead of host endpoint policy (`felix/rules/static.go`
 * `FilterInputChainAllowWG`, `filterOutputChain`; the evaluator's `wireguard` hook): diff and the
 * cell fallback follow it like any other FelixConfiguration setting the packet path reads.
 */
import { World } from '@calico-dsl/evaluator';
import { describe, expect, it } from 'vitest';
import { felix, lockedHosts, node, ns } from '../../evaluator/test/helpers/world-kit.js';
import { changeText, diff } from '../src/index.js';
import { globalRelevance } from '../src/relevance.js';

const F0 = '172.17.0.3';
const F1 = '172.17.0.4';

/** Two hosts whose eth0 host endpoints deny everything, with FelixConfiguration `spec`. */
const worldWith = (spec: Record<string, unknown>): World =>
  World.from([
    ns('default'),
    node('felix-0', F0),
    node('felix-1', F1),
    ...lockedHosts([
      ['felix-0', F0],
      ['felix-1', F1],
    ]),
    felix(spec),
  ]);

describe('WireGuard accept in the analysis', () => {
  it('diff sees WireGuard turned on alone (no policy changed): UDP to the listening port opens', () => {
    const changes = diff(worldWith({}), worldWith({ wireguardEnabled: true })).changes;
    // Out of a host (filter OUTPUT, to any destination) and into one (filter INPUT, from any source).
    expect(changes.map(changeText).sort()).toEqual([
      'UDP 172.17.0.3 → any IPv4 except 172.17.0.3 port 51820: Deny → Allow',
      'UDP 172.17.0.4 → any IPv4 except 172.17.0.4 port 51820: Deny → Allow',
      'UDP any IPv4 except 172.17.0.3/32, 172.17.0.4/32 → 172.17.0.3/32, 172.17.0.4/32 port 51820: Deny → Allow',
    ]);
  });

  it('cells (the fallback) cut the UDP port line at each listening port', () => {
    const rel = globalRelevance(
      worldWith({ wireguardEnabled: true, wireguardEnabledV6: true, wireguardListeningPortV6: 40000 }).model,
    );
    expect([...(rel.dstBreaks.get(17) ?? [])]).toEqual(expect.arrayContaining([51820, 51821, 40000, 40001]));
    expect(globalRelevance(worldWith({}).model).dstBreaks.get(17)?.has(51820) ?? false).toBe(false);
  });
});
