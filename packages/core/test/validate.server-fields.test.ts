// The fields a cluster writes (metadata.ownerReferences, metadata.managedFields, a Tier's or
// IPPool's status) are kept for round trips, but read as calicoctl reads them: yaml.UnmarshalStrict
// into metav1.OwnerReference / ManagedFieldsEntry / Condition (calicoctl resourcemgr.go), so an
// unknown field or a wrong type is refused, and the fields come back in struct order.
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

const tier = (extra: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'Tier',
  metadata: { name: 'security', ...metadata },
  spec: { order: 100 },
  ...extra,
});

const ready = {
  type: 'Ready',
  status: 'True',
  observedGeneration: 2,
  lastTransitionTime: '2026-01-05T10:00:01Z',
  reason: 'OK',
  message: 'Tier is ready',
};

function issuesOf(input: unknown) {
  const r = validate(input);
  return r.ok ? [] : r.issues.map((i) => ({ code: i.code, path: i.path }));
}

describe('status', () => {
  it('keeps conditions, in metav1.Condition field order', () => {
    const shuffled = Object.fromEntries(Object.entries(ready).reverse());
    const r = validate(tier({ status: { conditions: [shuffled] } }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      const status = (r.value as { status?: { conditions: Record<string, unknown>[] } }).status;
      expect(status).toEqual({ conditions: [ready] });
      expect(Object.keys(status?.conditions[0] ?? {})).toEqual(Object.keys(ready));
    }
  });

  it('refuses a field TierStatus does not have', () => {
    expect(issuesOf(tier({ status: { phase: 'Ready' } }))).toEqual([
      { code: 'unknown_field', path: ['status', 'phase'] },
    ]);
  });

  it('refuses a field metav1.Condition does not have', () => {
    expect(issuesOf(tier({ status: { conditions: [{ ...ready, severity: 'Info' }] } }))).toEqual([
      { code: 'unknown_field', path: ['status', 'conditions', 0, 'severity'] },
    ]);
  });

  it('refuses a condition field of the wrong type', () => {
    expect(issuesOf(tier({ status: { conditions: [{ ...ready, observedGeneration: '2' }] } }))).toEqual([
      { code: 'invalid_type', path: ['status', 'conditions', 0, 'observedGeneration'] },
    ]);
    expect(issuesOf(tier({ status: { conditions: 'Ready' } }))).toEqual([
      { code: 'invalid_type', path: ['status', 'conditions'] },
    ]);
  });
});

describe('metadata written by the cluster', () => {
  const owner = { apiVersion: 'v1', kind: 'Namespace', name: 'prod', uid: 'u-1', controller: true };

  it('keeps ownerReferences and managedFields in struct order, fieldsV1 as written', () => {
    const entry = {
      manager: 'calicoctl',
      operation: 'Update',
      apiVersion: 'projectcalico.org/v3',
      time: '2026-01-05T10:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:order': {} } },
    };
    const r = validate(
      tier(
        {},
        {
          ownerReferences: [Object.fromEntries(Object.entries(owner).reverse())],
          managedFields: [Object.fromEntries(Object.entries(entry).reverse())],
        },
      ),
    );
    expect(r.ok, r.ok ? '' : JSON.stringify(r.issues)).toBe(true);
    if (r.ok) {
      const meta = r.value.metadata as Record<string, Record<string, unknown>[]>;
      expect(Object.keys(meta.ownerReferences?.[0] ?? {})).toEqual(Object.keys(owner));
      expect(meta.managedFields).toEqual([entry]);
      expect(Object.keys(meta.managedFields?.[0] ?? {})).toEqual(Object.keys(entry));
    }
  });

  it('refuses a field OwnerReference does not have, and a string where a boolean belongs', () => {
    expect(issuesOf(tier({}, { ownerReferences: [{ ...owner, namespace: 'prod' }] }))).toEqual([
      { code: 'unknown_field', path: ['metadata', 'ownerReferences', 0, 'namespace'] },
    ]);
    expect(issuesOf(tier({}, { ownerReferences: [{ ...owner, controller: 'true' }] }))).toEqual([
      { code: 'invalid_type', path: ['metadata', 'ownerReferences', 0, 'controller'] },
    ]);
  });

  it('refuses a field ManagedFieldsEntry does not have', () => {
    expect(issuesOf(tier({}, { managedFields: [{ manager: 'kubectl', fields: {} }] }))).toEqual([
      { code: 'unknown_field', path: ['metadata', 'managedFields', 0, 'fields'] },
    ]);
  });
});
