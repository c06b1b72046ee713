// What a cluster writes (ownerReferences, managedFields, a Tier's status) prints in the Go struct
// order (metav1.OwnerReference, ManagedFieldsEntry, Condition) whatever order it was given in, and
// fromYaml refuses a field those structs do not have, with its line and column, as calicoctl's
// strict decoder (resourcemgr.go yaml.UnmarshalStrict) does.
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../src/index.js';
import { reverseKeys } from './helpers.js';

// What a controller writes: the same owner in every document here.
const OWNER_REFERENCES = `  ownerReferences:
  - apiVersion: v1
    kind: Namespace
    name: prod
    uid: 0c1d3c1e-8b4e-4a53-9b1d-2f5b7f4d7f10
    controller: true
`;

const EXPORTED = `apiVersion: projectcalico.org/v3
kind: Tier
metadata:
  name: security
${OWNER_REFERENCES}  managedFields:
  - manager: calicoctl
    operation: Update
    apiVersion: projectcalico.org/v3
    time: "2026-01-05T10:00:00Z"
    fieldsType: FieldsV1
    fieldsV1:
      f:spec:
        f:order: {}
spec:
  order: 100
status:
  conditions:
  - type: Ready
    status: "True"
    observedGeneration: 1
    lastTransitionTime: "2026-01-05T10:00:01Z"
    reason: OK
    message: Tier is ready
`;

describe('server-written fields', () => {
  it('print in struct order, whatever the order of the input', () => {
    const r = fromYaml(EXPORTED);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(toYaml(r.value)).toBe(EXPORTED);
    expect(toYaml(reverseKeys(r.value))).toBe(EXPORTED);
  });

  // A field the Go struct lacks, added after `after`: refused at its own line and column.
  for (const [struct, after, added, path, line, column] of [
    [
      'metav1.Condition',
      '    reason: OK\n',
      '    severity: Info\n',
      ['status', 'conditions', 0, 'severity'],
      29,
      15,
    ],
    [
      'OwnerReference',
      '    controller: true\n',
      '    namespace: prod\n',
      ['metadata', 'ownerReferences', 0, 'namespace'],
      11,
      16,
    ],
  ] as const) {
    it(`a field ${struct} lacks is refused at its line and column`, () => {
      const r = fromYaml(EXPORTED.replace(after, `${after}${added}`));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issues).toEqual([expect.objectContaining({ code: 'unknown_field', path, line, column })]);
      }
    });
  }

  it("a ClusterNetworkPolicy's metadata prints them in the same struct order (one ObjectMeta layout)", () => {
    const cnp = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: guardrail
${OWNER_REFERENCES}  managedFields:
  - manager: kubectl
    operation: Apply
    apiVersion: policy.networking.k8s.io/v1alpha2
    time: "2026-01-05T10:00:00Z"
    fieldsType: FieldsV1
    fieldsV1:
      f:spec: {}
spec:
  tier: Admin
  priority: 10
  subject:
    namespaces: {}
  egress:
  - action: Deny
    to:
    - networks:
      - 169.254.169.254/32
`;
    const r = fromYaml(cnp);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(toYaml(reverseKeys(r.value))).toBe(cnp);
  });
});
