/**
 * Felix's static filter rules for overlay tunnels (`felix/rules/static.go` `filterInputChain`,
 * `filterOutputChain`; which tunnels from `felix/calc/encapsulation_resolver.go`): with IPIP or
 * VXLAN on, tunnel packets from and to Calico hosts are accepted ahead of any host endpoint
 * policy, and going in, the same packets from anyone else are dropped, host endpoint or not.
 * Checked on both engines.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { felix, gnp, pool as ipPool, lockedHosts, node, ns, pod } from './helpers/world-kit.js';

type Obj = Record<string, unknown>;

const pool = (spec: Obj): Obj => ipPool('default-ipv4-ippool', '10.244.0.0/16', spec);

const NODES: Obj[] = [ns('prod'), node('node-1', '10.0.0.11'), node('node-2', '10.0.0.12')];
/** Both nodes' eth0 host endpoints deny everything. */
const LOCKED: Obj[] = [
  ...NODES,
  ...lockedHosts([
    ['node-1', '10.0.0.11'],
    ['node-2', '10.0.0.12'],
  ]),
];

const ipip = (srcIp: string) => ({ protocol: 4, srcIp, dstIp: '10.0.0.12' }) as const;
const vxlan = (srcIp: string, dstPort = 4789) =>
  ({ protocol: 'UDP', srcIp, srcPort: 40000, dstIp: '10.0.0.12', dstPort }) as const;

function verdicts(resources: Obj[], flow: Parameters<World['evaluate']>[0]): string[] {
  return (['compiled', 'reference'] as const).map(
    (engine) => World.from(resources, { engine }).evaluate(flow).verdict,
  );
}

const reasons = (resources: Obj[], flow: Parameters<World['evaluate']>[0]): string[] =>
  World.from(resources)
    .evaluate(flow)
    .paths.flatMap((p) => p.steps)
    .filter((s) => s.stage === 'hostIngress' || s.stage === 'hostEgress')
    .map((s) => `${s.stage} ${s.action}: ${s.reason ?? ''}`);

describe('IPIP on (an IPPool with ipipMode)', () => {
  const on = pool({ ipipMode: 'Always' });

  it('node → node IPIP passes host endpoints that deny everything; without IPIP it does not', () => {
    expect(verdicts(LOCKED, ipip('10.0.0.11'))).toEqual(['Deny', 'Deny']);
    expect(verdicts([...LOCKED, on], ipip('10.0.0.11'))).toEqual(['Allow', 'Allow']);
    expect(reasons([...LOCKED, on], ipip('10.0.0.11'))).toEqual([
      'hostEgress allow: IPIP packet (IP protocol 4) to a Calico host: Felix accepts it in filter OUTPUT before any host endpoint policy (IPIP on: FelixConfiguration ipipEnabled / an IPPool ipipMode)',
      'hostIngress allow: IPIP packet (IP protocol 4) from a Calico host: Felix accepts it in filter INPUT before any host endpoint policy (IPIP on: FelixConfiguration ipipEnabled / an IPPool ipipMode)',
    ]);
  });

  it('IPIP from outside is dropped, whatever the host endpoint allows, and with no host endpoint', () => {
    const allowAll = gnp('allow-all', {
      selector: "hep == 'yes'",
      order: 1,
      ingress: [{ action: 'Allow' }],
    });
    expect(verdicts([...LOCKED, allowAll], ipip('198.51.100.7'))).toEqual(['Allow', 'Allow']);
    expect(verdicts([...LOCKED, allowAll, on], ipip('198.51.100.7'))).toEqual(['Deny', 'Deny']);
    expect(verdicts([...NODES, on], ipip('198.51.100.7'))).toEqual(['Deny', 'Deny']);
    const r = World.from([...NODES, on]).evaluate(ipip('198.51.100.7'));
    expect(r.decidedBy).toMatchObject({ stage: 'hostIngress' });
    expect(r.decidedBy?.reason).toContain('from a host that is not a Calico node');
  });

  it('externalNodesList counts as Calico hosts; FelixConfiguration ipipEnabled false turns the rules off', () => {
    const external = felix({ externalNodesList: ['198.51.100.0/24'] });
    expect(verdicts([...NODES, on, external], ipip('198.51.100.7'))).toEqual(['Allow', 'Allow']);
    expect(verdicts([...NODES, on, felix({ ipipEnabled: false })], ipip('198.51.100.7'))).toEqual([
      'Allow',
      'Allow',
    ]);
  });

  it("a pod's IPIP packet to its own host is not from a Calico host (even when Felix lets pods send IPIP)", () => {
    const web = pod('prod', 'web', '10.244.1.5', { app: 'web' }, { node: 'node-2' });
    const flow = ipip('10.244.1.5');
    const lets = felix({ allowIPIPPacketsFromWorkloads: true });
    expect(verdicts([...NODES, web, lets], flow)).toEqual(['Allow', 'Allow']);
    expect(verdicts([...NODES, web, lets, on], flow)).toEqual(['Deny', 'Deny']);
  });
});

describe('VXLAN on (an IPPool with vxlanMode)', () => {
  const on = pool({ vxlanMode: 'Always' });

  it('node → node UDP to vxlanPort passes deny-all host endpoints; from outside it is dropped', () => {
    expect(verdicts([...LOCKED, on], vxlan('10.0.0.11'))).toEqual(['Allow', 'Allow']);
    expect(verdicts([...NODES, on], vxlan('198.51.100.7'))).toEqual(['Deny', 'Deny']);
    expect(verdicts([...NODES, on], vxlan('198.51.100.7', 4790))).toEqual(['Allow', 'Allow']);
    expect(verdicts([...NODES], vxlan('198.51.100.7'))).toEqual(['Allow', 'Allow']);
  });

  it('the port follows vxlanPort, and vxlanEnabled false turns the rules off', () => {
    expect(verdicts([...NODES, on, felix({ vxlanPort: 8472 })], vxlan('198.51.100.7', 8472))).toEqual([
      'Deny',
      'Deny',
    ]);
    expect(verdicts([...NODES, on, felix({ vxlanEnabled: false })], vxlan('198.51.100.7'))).toEqual([
      'Allow',
      'Allow',
    ]);
  });

  it('an IPv6 pool with vxlanMode turns on IPv6 VXLAN only', () => {
    const v6 = { ...pool({ vxlanMode: 'Always' }), spec: { cidr: 'fd00:10:244::/64', vxlanMode: 'Always' } };
    expect(World.from([...NODES, v6]).model.tunnels).toEqual({ ipip: false, vxlan: false, vxlanV6: true });
    expect(verdicts([...NODES, v6], vxlan('198.51.100.7'))).toEqual(['Allow', 'Allow']);
  });
});
