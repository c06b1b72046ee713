import { describe, expect, it } from 'vitest';
import { ibmWorkers, workerNode } from '../src/index.js';

describe('ibmWorkers', () => {
  it('numbers generated workers and counts their IPs up from the first ones', () => {
    expect(ibmWorkers(3).map((w) => [w.id, w.privateIp, w.publicIp, w.zone])).toEqual([
      ['kube-wrk1', '10.176.48.78', '203.0.113.11', 'dal10'],
      ['kube-wrk2', '10.176.48.79', '203.0.113.12', 'dal10'],
      ['kube-wrk3', '10.176.48.80', '203.0.113.13', 'dal10'],
    ]);
  });

  it('carries into the next octet', () => {
    const [, second] = ibmWorkers(2, {
      firstPrivateIp: '10.0.0.255',
      firstPublicIp: '192.0.2.1',
      zone: 'fra02',
    });
    expect(second).toMatchObject({ privateIp: '10.0.1.0', publicIp: '192.0.2.2', zone: 'fra02' });
  });

  it('completes worker specs with defaults', () => {
    expect(
      ibmWorkers([{ privateIp: '10.1.1.1', publicIp: '198.51.100.1', labels: { pool: 'edge' } }]),
    ).toEqual([
      {
        id: 'kube-wrk1',
        privateIp: '10.1.1.1',
        publicIp: '198.51.100.1',
        zone: 'dal10',
        labels: { pool: 'edge' },
      },
    ]);
  });

  it('makes no workers for a count that is not a positive integer', () => {
    expect(ibmWorkers(0)).toEqual([]);
    expect(ibmWorkers(-2)).toEqual([]);
    expect(ibmWorkers(1.5)).toEqual([]);
  });
});

describe('workerNode', () => {
  it('is named by the private IP, with InternalIP and ExternalIP addresses (§10.1)', () => {
    const node = workerNode(ibmWorkers(1)[0]!);
    expect(node.metadata.name).toBe('10.176.48.78');
    expect(node.metadata.labels).toMatchObject({
      'kubernetes.io/hostname': '10.176.48.78',
      'ibm-cloud.kubernetes.io/worker-id': 'kube-wrk1',
    });
    expect(node.status?.addresses).toContainEqual({ type: 'ExternalIP', address: '203.0.113.11' });
    expect(node.status?.addresses).toContainEqual({ type: 'InternalIP', address: '10.176.48.78' });
  });
});
