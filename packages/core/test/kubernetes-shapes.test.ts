/**
 * The Kubernetes kinds the SDK reads, checked by KUBERNETES_SHAPES: the EndpointSlice fields
 * kube-proxy reads (`pkg/proxy/endpointslicecache.go`: addresses, conditions, nodeName, ports by
 * name/protocol/port) and the Pod Ready condition the EndpointSlice controller copies.
 */
import { describe, expect, it } from 'vitest';
import { checkKubernetesResource, KUBERNETES_API_VERSIONS } from '../src/index.js';

const slice = (fields: Record<string, unknown>) => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'web-x1', namespace: 'prod', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4',
  ...fields,
});

describe('EndpointSlice shape', () => {
  it('accepts a slice as the controller writes it', () => {
    const ok = checkKubernetesResource(
      slice({
        endpoints: [
          {
            addresses: ['10.244.1.7'],
            conditions: { ready: true, serving: true, terminating: false },
            nodeName: 'worker-1',
            targetRef: { kind: 'Pod', name: 'web-0', namespace: 'prod' },
          },
        ],
        ports: [{ name: 'http', protocol: 'TCP', port: 8080, appProtocol: 'http' }],
      }),
    );
    expect(ok?.ok).toBe(true);
    expect(KUBERNETES_API_VERSIONS.get('EndpointSlice')).toBe('discovery.k8s.io/v1');
  });

  it('names the field of each wrong shape', () => {
    const r = checkKubernetesResource(
      slice({
        addressType: 'IPv5',
        endpoints: [{ addresses: '10.0.0.1', conditions: { ready: 'yes' } }, {}],
        ports: [{ protocol: 'ICMP', port: 70000 }],
      }),
    );
    expect(r?.ok).toBe(false);
    expect(r && !r.ok ? r.issues.map((i) => [i.code, i.path.join('.')]) : []).toEqual([
      ['invalid_value', 'addressType'],
      ['invalid_type', 'endpoints.0.addresses'],
      ['invalid_type', 'endpoints.0.conditions.ready'],
      ['required', 'endpoints.1.addresses'],
      ['invalid_value', 'ports.0.protocol'],
      ['out_of_range', 'ports.0.port'],
    ]);
    const noType = checkKubernetesResource({ ...slice({}), addressType: undefined });
    expect(noType && !noType.ok ? noType.issues.map((i) => i.code) : []).toEqual(['required']);
  });
});

describe('Pod readiness and Service publishNotReadyAddresses shapes', () => {
  it('checks the Ready condition list and the flag', () => {
    const pod = checkKubernetesResource({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-0' },
      status: { conditions: [{ type: 'Ready' }] },
    });
    expect(pod && !pod.ok ? pod.issues.map((i) => [i.code, i.path.join('.')]) : []).toEqual([
      ['required', 'status.conditions.0.status'],
    ]);
    const svc = checkKubernetesResource({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { publishNotReadyAddresses: 'true' },
    });
    expect(svc && !svc.ok ? svc.issues.map((i) => [i.code, i.path.join('.')]) : []).toEqual([
      ['invalid_type', 'spec.publishNotReadyAddresses'],
    ]);
  });
});

describe('ConfigMap shape (read for kube-proxy configuration)', () => {
  it('data is a map of strings', () => {
    const ok = checkKubernetesResource({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-proxy', namespace: 'kube-system' },
      data: { 'config.conf': 'kind: KubeProxyConfiguration\nmode: ipvs\n' },
    });
    expect(ok?.ok).toBe(true);
    const bad = checkKubernetesResource({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-proxy' },
      data: { replicas: 3 },
    });
    expect(bad && !bad.ok ? bad.issues.map((i) => [i.code, i.path.join('.')]) : []).toEqual([
      ['invalid_type', 'data.replicas'],
    ]);
  });
});
