// toYaml and toJson take resources and builders that can make one: a policy builder without a
// name or an IP pool without a CIDR does not compile (it would throw when printed).
import { globalNetworkPolicy, ipPool, networkPolicy, preDnat, tier } from '@calico-dsl/core';
import { describe, it } from 'vitest';
import { toJson, toYaml } from '../src/index.js';

describe('toYaml input', () => {
  it('takes named builders and ready pools', () => {
    toYaml(preDnat('deny-nodeports').deny().tcp().ports('30000:32767'));
    toYaml([globalNetworkPolicy('a'), tier('platform'), ipPool('pods').cidr('10.244.0.0/16')]);
    toJson(networkPolicy().name('a').namespace('prod').allow());
  });

  it('refuses builders that cannot make their resource yet', () => {
    // @ts-expect-error this policy has no name yet
    toYaml(preDnat().deny().tcp().ports('30000:32767'));
    // @ts-expect-error this policy has no name yet (in a list too)
    toYaml([tier('platform'), globalNetworkPolicy().allow()]);
    // @ts-expect-error this IP pool has no CIDR yet
    toJson(ipPool('pods').natOutgoing());
  });
});
