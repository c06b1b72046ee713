import { hostEndpoint } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { namespace, node, pod, service, worldWith } from '../src/index.js';

describe('world builders', () => {
  it('pod: a running pod with IP, node, labels and ports', () => {
    expect(
      pod('web-1', { namespace: 'shop', ip: '10.1.0.10', node: 'n1', labels: { app: 'web' }, ports: [8080] }),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' } },
      spec: { nodeName: 'n1', containers: [{ name: 'main', ports: [{ containerPort: 8080 }] }] },
      status: { phase: 'Running', podIP: '10.1.0.10' },
    });
    expect(pod('dual', { ip: ['10.1.0.11', 'fd00::11'] }).status).toEqual({
      phase: 'Running',
      podIP: '10.1.0.11',
      podIPs: [{ ip: '10.1.0.11' }, { ip: 'fd00::11' }],
    });
  });

  it('service: type follows the options', () => {
    expect(service('a', { selector: { app: 'a' }, ports: [{ port: 80 }] }).spec.type).toBe('ClusterIP');
    expect(service('a', { selector: { app: 'a' }, ports: [{ port: 80, nodePort: 30080 }] }).spec.type).toBe(
      'NodePort',
    );
    const lb = service('a', {
      selector: { app: 'a' },
      loadBalancerIP: '169.46.10.20',
      ports: [{ port: 80 }],
    });
    expect(lb.spec.type).toBe('LoadBalancer');
    expect(lb.status).toEqual({ loadBalancer: { ingress: [{ ip: '169.46.10.20' }] } });
    expect(lb.spec.ports).toEqual([{ protocol: 'TCP', port: 80 }]);
  });

  it('node and namespace', () => {
    expect(node('w1', { internalIP: '10.0.0.1', externalIP: '169.46.7.10' })).toEqual({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'w1', labels: { 'kubernetes.io/hostname': 'w1' } },
      status: {
        addresses: [
          { type: 'InternalIP', address: '10.0.0.1' },
          { type: 'ExternalIP', address: '169.46.7.10' },
        ],
      },
    });
    expect(namespace('shop', { env: 'prod' })).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop', labels: { env: 'prod' } },
    });
  });

  it('label keys such as __proto__ stay plain keys', () => {
    const labels = JSON.parse('{"__proto__": "x", "app": "web"}') as Record<string, string>;
    const p = pod('p', { ip: '10.0.0.1', labels });
    expect(Object.getPrototypeOf(p.metadata.labels)).toBe(Object.prototype);
    expect(Object.keys(p.metadata.labels ?? {})).toEqual(['__proto__', 'app']);
  });

  it('worldWith passes evaluator options and nested lists', () => {
    const w = worldWith(
      { engine: 'reference' },
      [namespace('default'), [pod('a', { ip: '10.0.0.1' })]],
      hostEndpoint('h').node('n').expectedIPs('10.9.0.1'),
    );
    expect(w.engine).toBe('reference');
    expect(w.model.endpoints.map((e) => e.name).sort()).toEqual(['a', 'h']);
  });
});
