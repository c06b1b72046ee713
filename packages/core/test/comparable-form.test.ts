import { describe, expect, it } from 'vitest';
import { comparableForm, defaultPolicyTypes, type GlobalNetworkPolicy, policyTypesOf } from '../src/index.js';

describe('defaultPolicyTypes (§3.2)', () => {
  it('follows defaultPolicyTypesField', () => {
    expect(defaultPolicyTypes({ ingress: false, egress: false })).toEqual(['Ingress']);
    expect(defaultPolicyTypes({ ingress: true, egress: false })).toEqual(['Ingress']);
    expect(defaultPolicyTypes({ ingress: false, egress: true })).toEqual(['Egress']);
    expect(defaultPolicyTypes({ ingress: true, egress: true })).toEqual(['Ingress', 'Egress']);
  });

  it('keeps explicit types, and treats an empty list as unset', () => {
    expect(policyTypesOf({ types: ['Egress'], ingress: [{}] })).toEqual(['Egress']);
    expect(policyTypesOf({ types: [], egress: [{}] })).toEqual(['Egress']);
  });
});

describe('comparableForm', () => {
  const written: GlobalNetworkPolicy = {
    apiVersion: 'projectcalico.org/v3',
    kind: 'GlobalNetworkPolicy',
    metadata: { name: 'deny', resourceVersion: '42', uid: 'u-1' },
    spec: {
      selector: "role=='db'",
      ingress: [{ action: 'Deny', protocol: 'TCP', source: {}, destination: { ports: ['5432', '80:80'] } }],
    },
  };

  it("ignores the tier label Calico's client puts on every policy it returns, but not another value", () => {
    const labelled = (value: string) => ({
      ...written,
      metadata: { ...written.metadata, labels: { 'projectcalico.org/tier': value } },
    });
    expect(comparableForm(labelled('default'))).toEqual(comparableForm(written));
    expect(comparableForm(labelled('security'))).not.toEqual(comparableForm(written));
  });

  it('drops server-set metadata and empty fields, fills in server defaults, canonicalizes', () => {
    expect(comparableForm(written)).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkPolicy',
      metadata: { name: 'deny' },
      spec: {
        ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [5432, 80] } }],
        selector: 'role == "db"',
        tier: 'default',
        types: ['Ingress'],
      },
    });
  });

  it('is equal for resources Calico reads the same, and not for ones it does not', () => {
    const stored: GlobalNetworkPolicy = {
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkPolicy',
      metadata: { name: 'deny' },
      spec: {
        tier: 'default',
        types: ['Ingress'],
        selector: 'role == "db"',
        ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [5432, 80] } }],
      },
    };
    expect(comparableForm(stored)).toEqual(comparableForm(written));
    const other = { ...stored, spec: { ...stored.spec, types: ['Ingress', 'Egress'] as const } };
    expect(comparableForm(other)).not.toEqual(comparableForm(written));
  });

  it('gives a staged Delete no types, as Calico stores it (clientv3 clears them)', () => {
    const deleting = {
      apiVersion: 'projectcalico.org/v3',
      kind: 'StagedGlobalNetworkPolicy',
      metadata: { name: 'deny' },
      spec: { stagedAction: 'Delete' },
    } as const;
    expect(comparableForm(deleting)).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'StagedGlobalNetworkPolicy',
      metadata: { name: 'deny' },
      spec: { stagedAction: 'Delete', tier: 'default' },
    });
    const setting = { ...deleting, spec: { stagedAction: 'Set' } } as const;
    expect(comparableForm(setting)).toMatchObject({ spec: { types: ['Ingress'] } });
  });

  it('defaults a namespaced kind to namespace default and a Tier to defaultAction Deny', () => {
    expect(
      comparableForm({
        apiVersion: 'projectcalico.org/v3',
        kind: 'NetworkSet',
        metadata: { name: 'n' },
        spec: {},
      }),
    ).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'NetworkSet',
      metadata: { name: 'n', namespace: 'default' },
    });
    expect(
      comparableForm({
        apiVersion: 'projectcalico.org/v3',
        kind: 'Tier',
        metadata: { name: 't' },
        spec: { order: 1 },
      }),
    ).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'Tier',
      metadata: { name: 't' },
      spec: { defaultAction: 'Deny', order: 1 },
    });
  });
});
