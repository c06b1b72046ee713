/**
 * Felix's natOutgoing masquerade (the evaluator's `snat` hook rules, `felix/rules/nat.go`
 * `cali-nat-outgoing`): search and diff over every flow follow it as the evaluator does flow by
 * flow.
 */
import { World } from '@calico-dsl/evaluator';
import { describe, expect, it } from 'vitest';
import { EXPORTER_CLUSTER, NAT_POOL } from '../../evaluator/test/helpers/exporter-cluster.js';
import { analyze, changeText, diff } from '../src/index.js';

const POOL = NAT_POOL;
const CLUSTER = EXPORTER_CLUSTER;

// Port 9100 only: failsafe ports (22, …) stay open either way.
const webToExporter = {
  protocol: ['TCP'],
  srcIp: ['10.244.1.5'],
  dstIp: ['10.0.0.12'],
  dstPort: [9100],
};

describe('natOutgoing in the analysis', () => {
  it("search: web no longer reaches node-2's TCP 9100 once it is masqueraded, and the evaluator agrees", () => {
    expect(analyze(World.from(CLUSTER)).search(webToExporter, 'Allow')).toMatchObject({
      found: true,
      witness: { dstPort: 9100 },
    });
    const masqueraded = World.from([...CLUSTER, POOL]);
    expect(analyze(masqueraded).search(webToExporter, 'Allow')).toEqual({ found: false });
    expect(
      masqueraded.evaluate({ protocol: 'TCP', srcIp: '10.244.1.5', dstIp: '10.0.0.12', dstPort: 9100 })
        .verdict,
    ).toBe('Deny');
  });

  it('diff: adding the natOutgoing pool closes exactly web → node-2 TCP 9100', () => {
    const changes = diff(World.from(CLUSTER), World.from([...CLUSTER, POOL])).changes;
    expect(changes.map(changeText)).toEqual(['TCP 10.244.1.5 → 10.0.0.12 port 9100: Allow → Deny']);
    for (const c of changes) expect(World.from([...CLUSTER, POOL]).evaluate(c.witness).verdict).toBe(c.after);
  });

  it('lint: a host endpoint rule that selects masqueraded pods never matches, and says why', () => {
    expect(analyze(World.from(CLUSTER)).lint()).toEqual([]);
    const findings = analyze(World.from([...CLUSTER, POOL])).lint();
    expect(findings.map((f) => [f.code, f.resource.name, f.rule])).toEqual([
      ['shadowed-rule', 'exporter-from-web', { direction: 'ingress', index: 0 }],
    ]);
    expect(findings[0]?.message).toBe(
      "GlobalNetworkPolicy exporter-from-web ingress rule 0 (Allow) never decides: no flow to or from the endpoints it selects reaches it: its source selects pods, but natOutgoing (IPPool default-ipv4-ippool) masquerades a pod's packet to another node's host endpoint to its node's address, and a pod's packet to its own host meets no host endpoint ingress policy. Match the nodes' addresses instead (a GlobalNetworkSet of them), or exempt host addresses with FelixConfiguration natOutgoingExclusions: IPPoolsAndHostIPs.",
    );
  });
});
