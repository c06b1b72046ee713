// The network-policy-api kinds in testkit worlds: core's clusterNetworkPolicy() builder and the
// v1alpha1 helpers, with the matchers.
import { clusterNetworkPolicy, networkPolicy } from '@calico-dsl/core';
import '@calico-dsl/testkit/setup';
import { describe, expect, it } from 'vitest';
import {
  adminNetworkPolicy,
  baselineAdminNetworkPolicy,
  namespace,
  pod,
  world,
  worldWith,
} from '../src/index.js';

const base = [
  namespace('shop', { team: 'shop' }),
  namespace('kube-system'),
  pod('web', { namespace: 'shop', ip: '10.1.0.10', labels: { app: 'web' }, ports: [8080] }),
  pod('dns', { namespace: 'kube-system', ip: '10.1.0.53', labels: { app: 'dns' } }),
];

describe('network-policy-api kinds in a world', () => {
  it('a ClusterNetworkPolicy builder is a world part; Admin decides before the default tier', () => {
    const w = world(
      base,
      clusterNetworkPolicy('no-imds')
        .admin(10)
        .namespaces()
        .egress((r) => r.deny().toNetworks('169.254.169.254/32')),
      networkPolicy('allow-all-egress', 'shop').selector('all()').egress().allow(),
    );
    expect(w).toDeny('tcp 10.1.0.10:40000 -> 169.254.169.254:80', { by: 'no-imds' });
    expect(w).toAllow('tcp 10.1.0.10:40000 -> 10.1.0.53:53');
  });

  it('v1alpha1 helpers, evaluated as Calico 3.31 did', () => {
    const anp = adminNetworkPolicy('guard', {
      priority: 1,
      subject: { namespaces: { matchLabels: { team: 'shop' } } },
      egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }],
    });
    const banp = baselineAdminNetworkPolicy({
      subject: { namespaces: {} },
      ingress: [{ action: 'Deny', from: [{ namespaces: { matchLabels: { team: 'shop' } } }] }],
    });
    const w = worldWith({ calicoVersion: 'v3.31' }, base, anp, banp);
    expect(w).toDeny('tcp 10.1.0.10:40000 -> 169.254.169.254:80', {
      by: 'kanp.adminnetworkpolicy.guard',
    });
    expect(w).toDeny('tcp 10.1.0.10:40000 -> 10.1.0.53:53', {
      by: 'kbanp.baselineadminnetworkpolicy.default',
    });
    expect(banp.metadata.name).toBe('default');
  });
});
