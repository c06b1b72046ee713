// IPPool in yaml: the builder printed in IPPoolSpec order (ippool.go), a pool exported from a
// cluster read and printed back unchanged, IPPoolList, and line/column issues.
import { ipPool } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../src/index.js';
import { reverseKeys } from './helpers.js';

const PODS = ipPool('default-ipv4-ippool')
  .natOutgoing()
  .vxlanMode('CrossSubnet')
  .ipipMode('Never')
  .cidr('192.168.0.0/16')
  .blockSize(26)
  .nodeSelector('all()')
  .allowedUses('Workload', 'Tunnel');

const PODS_YAML = `apiVersion: projectcalico.org/v3
kind: IPPool
metadata:
  name: default-ipv4-ippool
spec:
  cidr: 192.168.0.0/16
  vxlanMode: CrossSubnet
  ipipMode: Never
  natOutgoing: true
  blockSize: 26
  nodeSelector: all()
  allowedUses:
  - Workload
  - Tunnel
`;

// What `calicoctl get ippool -o yaml` gives for a pool the cluster has defaulted and the pool
// controller marked allocatable: server metadata, every defaulted field, the status condition.
const EXPORTED = `apiVersion: projectcalico.org/v3
kind: IPPool
metadata:
  name: default-ipv4-ippool
  uid: 0c1d3c1e-8b4e-4a53-9b1d-2f5b7f4d7f10
  resourceVersion: "1042"
  creationTimestamp: "2026-01-05T10:00:00Z"
  finalizers:
  - projectcalico.org/ippool-finalizer
spec:
  cidr: 192.168.0.0/16
  vxlanMode: Never
  ipipMode: Always
  natOutgoing: true
  blockSize: 26
  nodeSelector: all()
  allowedUses:
  - Workload
  - Tunnel
  assignmentMode: Automatic
status:
  conditions:
  - type: Allocatable
    status: "True"
    lastTransitionTime: "2026-01-05T10:00:01Z"
    reason: OK
    message: IPPool is available for IP allocation.
`;

describe('IPPool YAML', () => {
  it('prints the builder in IPPoolSpec order (golden)', () => {
    expect(toYaml(PODS)).toBe(PODS_YAML);
    expect(toYaml(reverseKeys(PODS.toResource()))).toBe(PODS_YAML);
  });

  it('reads it back to the same resource', () => {
    expect(fromYaml(PODS_YAML)).toEqual({ ok: true, value: [PODS.toResource()] });
  });

  it('reads a pool exported from a cluster and prints it back unchanged (fromYaml, then toYaml)', () => {
    const r = fromYaml(EXPORTED);
    expect(r.ok, r.ok ? '' : JSON.stringify(r.issues)).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]).toMatchObject({ kind: 'IPPool', status: { conditions: [{ type: 'Allocatable' }] } });
    expect(toYaml(r.value)).toBe(EXPORTED);
  });

  it('reads an IPPoolList and prints pools as one', () => {
    const v6 = ipPool('default-ipv6-ippool').cidr('fd00:10:244::/64').vxlanMode('Always').toResource();
    const listed = toYaml([PODS.toResource(), v6], { list: true });
    expect(listed.split('\n').slice(0, 3)).toEqual([
      'apiVersion: projectcalico.org/v3',
      'kind: IPPoolList',
      'items:',
    ]);
    expect(fromYaml(listed)).toEqual({ ok: true, value: [PODS.toResource(), v6] });
  });

  it('gives line and column for what Calico rejects', () => {
    const text = `apiVersion: projectcalico.org/v3
kind: IPPool
metadata:
  name: pods
spec:
  cidr: 10.244.0.1/16
  ipipMode: always
  blockSize: "26"
  allowedUses: [Workload, Workload]
  ipip:
    enabled: true
`;
    const r = fromYaml(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = (code: string) => r.issues.find((i) => i.code === code);
    expect(at('unknown_field')).toMatchObject({ path: ['spec', 'ipip'], line: 10, column: 3 });
    expect(at('cidr_not_masked')).toMatchObject({
      path: ['spec', 'cidr'],
      line: 6,
      column: 9,
      message: 'IP pool CIDR is not strictly masked: write "10.244.0.0/16"',
    });
    expect(at('invalid_value')).toMatchObject({
      path: ['spec', 'ipipMode'],
      line: 7,
      message: 'Invalid spec.ipipMode "always": values are case-sensitive, write "Always"',
    });
    expect(at('invalid_type')).toMatchObject({ path: ['spec', 'blockSize'], line: 8 });
    expect(at('duplicate_value')).toMatchObject({ path: ['spec', 'allowedUses', 1], line: 9 });
    for (const i of r.issues) expect(typeof i.column).toBe('number');
  });

  it('places the CEL rules at the field they name, and a missing cidr at spec', () => {
    const r = fromYaml(`apiVersion: projectcalico.org/v3
kind: IPPool
metadata: {name: v6}
spec:
  cidr: fd00::/120
  ipipMode: Always
---
apiVersion: projectcalico.org/v3
kind: IPPool
metadata: {name: empty}
spec:
  natOutgoing: true
`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map(({ code, path, line }) => ({ code, path, line }))).toEqual([
      { code: 'forbidden_field', path: ['spec', 'ipipMode'], line: 6 },
      { code: 'required', path: ['spec', 'cidr'], line: 11 },
    ]);
  });
});
