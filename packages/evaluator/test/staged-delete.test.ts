// A staged Delete (§2.5) previews removing the enforced policy of the same name; it never changes
// a verdict. Felix does not even receive one: libcalico-go's staged*policyprocessor.go return nil
// for stagedAction Delete ("so the resource is not sent to felix").
import {
  stagedGlobalNetworkPolicy,
  stagedKubernetesNetworkPolicy,
  stagedNetworkPolicy,
} from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { BASE, gnp, np, tier } from './helpers/world-kit.js';

const toWeb = { protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '10.1.0.10', dstPort: 8080 } as const;

describe('staged Delete (§2.5)', () => {
  it('leaves the enforced policy it previews removing in force', () => {
    const allow = gnp('security.allow-web', {
      tier: 'security',
      selector: "app == 'web'",
      ingress: [{ action: 'Allow' }],
    });
    const deny = gnp('security.deny-web', {
      tier: 'security',
      selector: "app == 'web'",
      ingress: [{ action: 'Deny' }],
    });
    const deleting = (name: string) =>
      stagedGlobalNetworkPolicy(name).stagedAction('Delete').tier('security');

    const allowed = World.from([
      ...BASE,
      tier('security', 10),
      allow,
      deleting('security.allow-web'),
    ]).evaluate(toWeb);
    expect(allowed.verdict).toBe('Allow');
    expect(allowed.paths[0]?.decidedBy.policy).toEqual({
      kind: 'GlobalNetworkPolicy',
      name: 'security.allow-web',
    });

    const denied = World.from([...BASE, tier('security', 10), deny, deleting('security.deny-web')]).evaluate(
      toWeb,
    );
    expect(denied.verdict).toBe('Deny');
    expect(denied.paths[0]?.decidedBy.policy).toEqual({
      kind: 'GlobalNetworkPolicy',
      name: 'security.deny-web',
    });
  });

  it('alone in a tier, neither drops at the end of the tier nor hides the later tiers', () => {
    const laterDeny = np('prod', 'deny-web', { selector: "app == 'web'", ingress: [{ action: 'Deny' }] });
    const world = World.from([
      ...BASE,
      tier('security', 10),
      stagedGlobalNetworkPolicy('security.gone').stagedAction('Delete').tier('security'),
      stagedNetworkPolicy('default.gone', 'prod').stagedAction('Delete'),
      laterDeny,
    ]);
    const r = world.evaluate(toWeb);
    expect(r.verdict).toBe('Deny');
    expect(r.paths[0]?.decidedBy.policy).toEqual({
      kind: 'NetworkPolicy',
      namespace: 'prod',
      name: 'deny-web',
    });
    // With nothing enforced after it, the workload's namespace profile decides, as with no policy.
    const open = World.from([
      ...BASE,
      tier('security', 10),
      stagedGlobalNetworkPolicy('security.gone').stagedAction('Delete').tier('security'),
    ]).evaluate(toWeb);
    expect(open.verdict).toBe(World.from(BASE).evaluate(toWeb).verdict);
  });

  it('is no policy of any tier: Felix never receives it', () => {
    const world = World.from([
      ...BASE,
      tier('security', 10),
      stagedGlobalNetworkPolicy('security.gone').stagedAction('Delete').tier('security'),
      stagedNetworkPolicy('gone', 'prod').stagedAction('Delete'),
      stagedKubernetesNetworkPolicy('gone', 'prod').stagedAction('Delete'),
    ]);
    expect(world.policiesFor({ namespace: 'prod', name: 'web' })).toEqual(
      World.from([...BASE, tier('security', 10)]).policiesFor({ namespace: 'prod', name: 'web' }),
    );
    const r = world.evaluate(toWeb);
    expect(r.trace.filter((s) => s.action === 'staged' || s.tier === 'security')).toEqual([]);
  });
});
