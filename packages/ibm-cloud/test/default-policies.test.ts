import { readFileSync } from 'node:fs';
import { comparableForm, type Resource, validate } from '@calico-dsl/core';
import { fromYaml, toYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import {
  allowSysMgmt,
  IBM_DEFAULT_POD_CIDR,
  ibmDefaultPolicies,
  ibmWorkers,
  privateHostEndpoint,
  publicHostEndpoint,
} from '../src/index.js';

// The IKS reference world of the lesson-1 conformance scenario (calico-semantics.md §10.1, §10.2).
const reference = ((): Resource[] => {
  const parsed = fromYaml(
    readFileSync(new URL('fixtures/iks-reference-world.yaml', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
})();
const referenceOf = (kind: string, name: string) =>
  reference.find((r) => r.kind === kind && r.metadata.name === name);

describe('ibmDefaultPolicies (§10.2)', () => {
  const policies = ibmDefaultPolicies().map((p) => p.toResource());

  it('are the seven policies IKS installs, in calicoctl get order', () => {
    expect(policies.map((p) => [p.metadata.name, p.spec.order])).toEqual([
      ['allow-all-outbound', 1900],
      ['allow-bigfix-port', 1900],
      ['allow-icmp', 1500],
      ['allow-node-port-dnat', 1500],
      ['allow-sys-mgmt', 1950],
      ['allow-vrrp', 1500],
      ['allow-all-private-default', 100000],
    ]);
  });

  it.each(policies.map((p) => [p.metadata.name, p] as const))(
    '%s equals the reference dump',
    (name, policy) => {
      const expected = referenceOf('GlobalNetworkPolicy', name);
      expect(expected, `reference world has ${name}`).toBeDefined();
      expect(comparableForm(policy)).toEqual(expected && comparableForm(expected));
    },
  );

  it.each(policies.map((p) => [p.metadata.name, p] as const))('%s passes validate', (_name, policy) => {
    expect(validate(policy)).toMatchObject({ ok: true });
  });

  it('are normal policies: no pre-DNAT, doNotTrack or applyOnForward', () => {
    for (const p of policies) {
      expect(p.spec.preDNAT).toBeUndefined();
      expect(p.spec.doNotTrack).toBeUndefined();
      expect(p.spec.applyOnForward).toBeUndefined();
    }
  });

  it('take the cluster pod network and IBM infrastructure networks as options', () => {
    const [, , , nodePortDnat, sysMgmt] = ibmDefaultPolicies({
      podCidr: '172.17.0.0/18',
      sysMgmtNets: ['10.0.0.0/8'],
    }).map((p) => p.toResource());
    expect(nodePortDnat?.spec.ingress?.[0]?.destination?.nets).toEqual(['172.17.0.0/18']);
    expect(sysMgmt?.spec.ingress?.[0]?.source?.nets).toEqual(['10.0.0.0/8']);
    expect(IBM_DEFAULT_POD_CIDR).toBe('172.30.0.0/16');
  });

  it('refuse an invalid CIDR with validation issues naming the field', () => {
    const result = allowSysMgmt(['10.0.0.1']).build();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toEqual(['spec', 'ingress', 0, 'source', 'nets', 0]);
  });

  it('print as calicoctl prints them', () => {
    expect(toYaml(ibmDefaultPolicies()[2]!)).toBe(
      [
        'apiVersion: projectcalico.org/v3',
        'kind: GlobalNetworkPolicy',
        'metadata:',
        '  name: allow-icmp',
        'spec:',
        '  order: 1500',
        '  ingress:',
        '  - action: Allow',
        '    protocol: ICMP',
        "  selector: ibm.role in { 'worker_public', 'master_public' }",
        '  types:',
        '  - Ingress',
        '',
      ].join('\n'),
    );
  });
});

describe('worker host endpoints (§10.1)', () => {
  const worker = ibmWorkers(1)[0]!;

  it.each([
    ['kube-wrk1-worker-public', publicHostEndpoint(worker)],
    ['kube-wrk1-worker-private', privateHostEndpoint(worker)],
  ] as const)('%s equals the reference host endpoint, plus the node labels IKS copies', (name, builder) => {
    const hep = builder.toResource();
    const expected = referenceOf('HostEndpoint', name);
    expect(expected).toBeDefined();
    expect(hep.spec).toEqual(expected?.kind === 'HostEndpoint' ? expected.spec : undefined);
    expect(hep.metadata.labels).toMatchObject(expected?.metadata.labels ?? {});
    expect(validate(hep)).toMatchObject({ ok: true });
  });
});
