// ipPool(): every IPPoolSpec field in upstream order, selectors as text or `sel`, immutability,
// and validate's rules reached through build() and toResource().
import { describe, expect, it } from 'vitest';
import { CalicoValidationError, ipPool, sel } from '../src/index.js';

describe('ipPool', () => {
  it('sets every field, printed in IPPoolSpec order whatever the call order', () => {
    const r = ipPool('pods-v4')
      .assignmentMode('Automatic')
      .allowedUses('Workload')
      .namespaceSelector("tenant == 'a'")
      .nodeSelector("kubernetes.io/os == 'linux'")
      .blockSize(24)
      .disableBGPExport()
      .disabled()
      .natOutgoing()
      .ipipMode('Never')
      .vxlanMode('CrossSubnet')
      .cidr('10.244.0.0/16')
      .labels({ team: 'net' })
      .annotations({ owner: 'platform' })
      .toResource();
    expect(JSON.stringify(r)).toBe(
      JSON.stringify({
        apiVersion: 'projectcalico.org/v3',
        kind: 'IPPool',
        metadata: { name: 'pods-v4', labels: { team: 'net' }, annotations: { owner: 'platform' } },
        spec: {
          cidr: '10.244.0.0/16',
          vxlanMode: 'CrossSubnet',
          ipipMode: 'Never',
          natOutgoing: true,
          disabled: true,
          disableBGPExport: true,
          blockSize: 24,
          nodeSelector: "kubernetes.io/os == 'linux'",
          namespaceSelector: "tenant == 'a'",
          allowedUses: ['Workload'],
          assignmentMode: 'Automatic',
        },
      }),
    );
  });

  it('a pool with only its CIDR; flags take an explicit false; allowedUses replaces', () => {
    expect(ipPool('p').cidr('10.0.0.0/16').toResource().spec).toEqual({ cidr: '10.0.0.0/16' });
    const pool = ipPool('p').cidr('10.0.0.0/16').natOutgoing().natOutgoing(false).disabled(false);
    expect(pool.toResource().spec).toEqual({ cidr: '10.0.0.0/16', natOutgoing: false, disabled: false });
    const uses = ipPool('p').cidr('10.0.0.0/16').allowedUses('Tunnel').allowedUses('Workload', 'Tunnel');
    expect(uses.toResource().spec.allowedUses).toEqual(['Workload', 'Tunnel']);
  });

  it('selectors may be sel builders, printed in canonical form', () => {
    const r = ipPool('p')
      .cidr('10.0.0.0/16')
      .nodeSelector(sel.label('zone').eq('a'))
      .namespaceSelector(sel.has('tenant'))
      .toResource();
    expect(r.spec.nodeSelector).toBe(String(sel.label('zone').eq('a')));
    expect(r.spec.namespaceSelector).toBe(String(sel.has('tenant')));
  });

  it('an invalid sel builder is reported at its field by build(), never thrown by the method', () => {
    const r = ipPool('p').cidr('10.0.0.0/16').nodeSelector(sel.raw('a ===')).build();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path.join('.'))).toEqual(['spec.nodeSelector']);
  });

  it('each method returns a new frozen builder; branches do not leak', () => {
    const base = ipPool('p').cidr('10.0.0.0/16');
    const nat = base.natOutgoing();
    expect(Object.isFrozen(base)).toBe(true);
    expect(Object.isFrozen(nat)).toBe(true);
    expect(base.toResource().spec).toEqual({ cidr: '10.0.0.0/16' });
    expect(nat.toResource().spec.natOutgoing).toBe(true);
    expect(Object.isFrozen(nat.toResource().spec)).toBe(true);
  });

  it("Calico's rules across fields come from validate: build() returns them, toResource() throws", () => {
    const both = ipPool('p').cidr('10.0.0.0/16').ipipMode('Always').vxlanMode('Always');
    expect(both.build()).toMatchObject({
      ok: false,
      issues: [{ code: 'forbidden_field', path: ['spec', 'ipipMode'] }],
    });
    expect(() => both.toResource()).toThrow(CalicoValidationError);
    expect(ipPool('p').cidr('fd00::/120').ipipMode('Always').build().ok).toBe(false);
    expect(ipPool('p').cidr('10.0.0.0/28').build()).toMatchObject({
      ok: false,
      issues: [{ code: 'ip_pool_too_small', path: ['spec', 'cidr'] }],
    });
    expect(ipPool('lb').cidr('192.0.2.0/24').allowedUses('LoadBalancer').build().ok).toBe(true);
  });

  it('without a CIDR, build() reports it (toResource() does not compile)', () => {
    expect(ipPool('p').natOutgoing().build()).toMatchObject({
      ok: false,
      issues: [{ code: 'required', path: ['spec', 'cidr'] }],
    });
  });
});
