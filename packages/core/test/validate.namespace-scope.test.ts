// calicoctl refuses metadata.namespace on a cluster-scoped kind before it sends anything:
// handleNamespace (calicoctl/commands/common/resources.go) returns "namespace should not be
// specified for a non-namespaced resource". Namespaced kinds take any valid namespace, or none
// (calicoctl fills in "default").
import { describe, expect, it } from 'vitest';
import { CALICO_KINDS, validate } from '../src/index.js';

const SPECS: Partial<Record<string, unknown>> = {
  HostEndpoint: { node: 'node-1', interfaceName: 'eth0' },
  StagedKubernetesNetworkPolicy: { podSelector: {} },
  IPPool: { cidr: '10.0.0.0/16' },
};
const nameOf = (kind: string) =>
  kind === 'FelixConfiguration' || kind === 'BGPConfiguration' ? 'default' : 'x';
const resource = (kind: string, namespace?: string) => ({
  apiVersion: 'projectcalico.org/v3',
  kind,
  metadata: { name: nameOf(kind), ...(namespace === undefined ? {} : { namespace }) },
  spec: SPECS[kind] ?? {},
});

const clusterScoped = Object.entries(CALICO_KINDS)
  .filter(([, k]) => !k.namespaced)
  .map(([kind]) => kind);
const namespaced = Object.entries(CALICO_KINDS)
  .filter(([, k]) => k.namespaced)
  .map(([kind]) => kind);

describe('metadata.namespace by scope', () => {
  it.each(clusterScoped)('%s refuses a namespace', (kind) => {
    expect(validate(resource(kind)).ok).toBe(true);
    const r = validate(resource(kind, 'prod'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toEqual([
        expect.objectContaining({
          code: 'forbidden_field',
          path: ['metadata', 'namespace'],
          message: expect.stringMatching(/not namespaced.*remove metadata\.namespace/),
        }),
      ]);
    }
    // An empty namespace is no namespace (Go's GetNamespace() is "").
    expect(validate(resource(kind, '')).ok).toBe(true);
  });

  it.each(namespaced)('%s takes a namespace, or none', (kind) => {
    expect(validate(resource(kind, 'prod')).ok).toBe(true);
    expect(validate(resource(kind)).ok).toBe(true);
  });
});
