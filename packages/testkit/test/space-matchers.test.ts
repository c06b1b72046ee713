// toNeverAllow / toOnlyAllow: claims about every flow of a space, proved by @calico-dsl/analysis.
import '@calico-dsl/testkit/setup';
import { globalNetworkPolicy, hostEndpoint, preDnat } from '@calico-dsl/core';
import { namespace, node, pod, service, world } from '@calico-dsl/testkit';
import { describe, expect, it } from 'vitest';

const denyNodeports = preDnat('deny-nodeports')
  .selector("ibm.role=='worker_public'")
  .order(1100)
  .deny()
  .tcp()
  .ports('30000:32767');

const cluster = [
  node('worker-1', { internalIP: '10.176.48.78', externalIP: '169.46.7.10' }),
  hostEndpoint('worker-1-public')
    .node('worker-1')
    .interfaceName('eth1')
    .expectedIPs('169.46.7.10')
    .labels({ 'ibm.role': 'worker_public' }),
  namespace('default'),
  pod('webserver-1', { ip: '172.30.10.5', node: 'worker-1', labels: { run: 'webserver' }, ports: [8080] }),
  service('webserver-lb', {
    selector: { run: 'webserver' },
    clusterIP: '172.21.10.10',
    loadBalancerIP: '169.46.10.20',
    ports: [{ port: 80, targetPort: 8080, nodePort: 31024 }],
  }),
];
const fromInternet = {
  protocol: ['TCP'],
  srcIp: ['198.51.100.0/24'],
  dstIp: ['169.46.7.10'],
  dstPort: [[30000, 32767]] as [number, number][],
};

describe('toNeverAllow', () => {
  it('holds for the NodePort range once deny-nodeports is in place', () => {
    expect(world(cluster, denyNodeports)).toNeverAllow(fromInternet);
  });

  it('fails without it, with the witness and its trace', () => {
    let message = '';
    try {
      expect(world(cluster)).toNeverAllow(fromInternet);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/but tcp 198\.51\.100\.\d+:\d+ -> 169\.46\.7\.10:31024 is/);
    expect(message).toContain('Verdict: Allow');
  });
});

describe('toNeverAllow and ICMP types', () => {
  it('fails when only a ping of a type a rule names is allowed (typeless ICMP is denied)', () => {
    const pingOnly = globalNetworkPolicy('ping-only')
      .selector("run == 'webserver'")
      .ingress()
      .allow()
      .icmp(8);
    const w = world(cluster, pingOnly);
    const toPod = { protocol: ['ICMP'], srcIp: ['198.51.100.0/24'], dstIp: ['172.30.10.5'] };
    let message = '';
    try {
      expect(w).toNeverAllow(toPod);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/but icmp 198\.51\.100\.\d+ -> 172\.30\.10\.5 type 8 is/);
    expect(w).toNeverAllow({ ...toPod, protocol: ['UDP'] });
  });
});

describe('toOnlyAllow', () => {
  it('fails with a witness when a flow outside the space is allowed', () => {
    const w = world(cluster, denyNodeports);
    expect(w).not.toOnlyAllow({ dstIp: ['169.46.10.20'] });
    let message = '';
    try {
      expect(w).toOnlyAllow({ dstIp: ['169.46.10.20'] });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('expected no flow outside');
  });

  it('holds when the space covers every allowed flow', () => {
    expect(world(cluster, denyNodeports)).toOnlyAllow({ srcIp: ['0.0.0.0/0', '::/0'] });
  });
});

describe('matchers given values that are not plain data', () => {
  it('fail with a message that names the problem, never a crash while printing it', () => {
    const w = world(cluster);
    const bigintFlow = { protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.7.10', dstPort: 31024n };
    expect(() => expect(w).toAllow(bigintFlow as never)).toThrow(/\(invalid\) .*dstPort/);
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    );
    expect(() => expect(trap).toAllow('tcp 198.51.100.7 -> 169.46.7.10:31024')).toThrow(/cannot evaluate/);
    expect(() => expect(w).toNeverAllow({ dstPort: [[80, 90n]] } as never)).toThrow(/cannot analyse/);
  });

  it('a misspelt space key, a verdict or options that are not ones fail in both forms, never pass on nothing', () => {
    const w = world(cluster);
    const flow = 'tcp 198.51.100.7 -> 169.46.7.10:31024';
    for (const check of [
      () => expect(w).toOnlyAllow({ srcIP: ['10.0.0.0/8'] } as never),
      () => expect(w).not.toNeverAllow({ dstport: [80] } as never),
      () => expect(w).toNeverAllow(null as never),
      () => expect(w).not.toHaveVerdict(flow, 'allow' as never),
      () => expect(w).toDeny(flow, null as never),
      () => expect(w).toDeny(flow, 'deny-nodeports' as never),
      () => expect(w).not.toDeny(flow, { by: 5 } as never),
      () => expect(w).not.toDeny(flow, { by: '' }),
    ])
      expect(check).toThrow(/cannot (evaluate|analyse)/);
    expect(() => expect(w).toOnlyAllow({ srcIP: ['10.0.0.0/8'] } as never)).toThrow(/did you mean srcIp/);
  });
});
