// A suite over Kubernetes' own NetworkPolicy, written with core's builder: `by` takes the policy's
// name or the one calicoctl lists it under (`knp.default.<name>`), as explain() shows both.
import '@calico-dsl/testkit/setup';
import { kubernetesNetworkPolicy } from '@calico-dsl/core';
import { namespace, pod, world } from '@calico-dsl/testkit';
import { describe, expect, it } from 'vitest';

const apiFromWeb = kubernetesNetworkPolicy('api-from-web', 'shop')
  .podSelector({ matchLabels: { app: 'api' } })
  .ingress({
    from: [{ podSelector: { matchLabels: { app: 'web' } } }],
    ports: [{ protocol: 'TCP', port: 8080 }],
  });
const shop = world(
  namespace('shop'),
  pod('api', { namespace: 'shop', ip: '10.0.0.2', labels: { app: 'api' } }),
  pod('web', { namespace: 'shop', ip: '10.0.0.1', labels: { app: 'web' } }),
  apiFromWeb,
);

describe('Kubernetes NetworkPolicy in a test suite', () => {
  it('allows what it names, by its name or the name calicoctl lists', () => {
    expect(shop).toAllow('tcp 10.0.0.1:40000 -> 10.0.0.2:8080', { by: 'api-from-web' });
    expect(shop).toAllow('tcp 10.0.0.1:40000 -> 10.0.0.2:8080', { by: 'knp.default.api-from-web' });
    expect(shop).not.toAllow('tcp 10.0.0.1:40000 -> 10.0.0.2:8080', { by: 'knp.default.other' });
  });

  it('isolates the pods it selects: anything else into them is denied at the end of the default tier', () => {
    expect(shop).toDeny('tcp 10.0.0.1:40000 -> 10.0.0.2:22');
    expect(shop).toAllow('tcp 10.0.0.2:40000 -> 10.0.0.1:80'); // web is not selected
  });
});
