// A user's own policy test, written the way the README tells users to: setup import, builders
// for the cluster, DSL policies, and toAllow/toDeny.
import '@calico-dsl/testkit/setup';
import { globalNetworkPolicy, hostEndpoint, preDnat, rule } from '@calico-dsl/core';
import { namespace, node, pod, service, world } from '@calico-dsl/testkit';
import { describe, expect, it } from 'vitest';

const LB = 'tcp 198.51.100.7:40000 -> 169.46.10.20:80';
const NODEPORT = 'tcp 198.51.100.7:40000 -> 169.46.7.10:31024';

const denyNodeports = preDnat('deny-nodeports')
  .selector("ibm.role=='worker_public'")
  .order(1100)
  .deny()
  .tcp()
  .ports('30000:32767');

const cluster = [
  node('worker-1', { internalIP: '10.176.48.78', externalIP: '169.46.7.10' }),
  hostEndpoint('worker-1-public')
    .node('worker-1')
    .interfaceName('eth1')
    .expectedIPs('169.46.7.10')
    .labels({ 'ibm.role': 'worker_public' }),
  namespace('default'),
  pod('webserver-1', { ip: '172.30.10.5', node: 'worker-1', labels: { run: 'webserver' }, ports: [8080] }),
  service('webserver-lb', {
    selector: { run: 'webserver' },
    clusterIP: '172.21.10.10',
    loadBalancerIP: '169.46.10.20',
    ports: [{ port: 80, targetPort: 8080, nodePort: 31024 }],
  }),
];

describe('deny-nodeports (lesson 2)', () => {
  const w = world(cluster, denyNodeports);

  it('keeps the load balancer reachable', () => {
    expect(w).toAllow(LB);
  });

  it('blocks the nodePort, decided by deny-nodeports', () => {
    expect(w).toDeny(NODEPORT, { by: 'deny-nodeports' });
    expect(w).not.toAllow(NODEPORT);
    expect(w).toHaveVerdict(NODEPORT, 'Deny');
  });

  it('takes Flow objects too', () => {
    expect(w).toDeny({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.7.10', dstPort: 31024 });
  });

  it('without the policy the nodePort is open', () => {
    expect(world(cluster)).toAllow(NODEPORT);
    expect(cluster).toAllow(NODEPORT); // an array of resources works as the world too
  });
});

describe('Mixed verdicts (paths disagree)', () => {
  // Two backends behind the service; a policy admits only one of them.
  const twoBackends = [
    ...cluster,
    pod('webserver-2', { ip: '172.30.10.6', node: 'worker-1', labels: { run: 'webserver', tier: 'canary' } }),
  ];
  const canaryOnly = {
    apiVersion: 'projectcalico.org/v3',
    kind: 'GlobalNetworkPolicy',
    metadata: { name: 'canary-only' },
    spec: { selector: "run == 'webserver' && tier != 'canary'", types: ['Ingress'], ingress: [] },
  } as const;

  it('toHaveVerdict sees Mixed; toAllow and toDeny both fail', () => {
    const w = world(twoBackends, canaryOnly);
    expect(w).toHaveVerdict(LB, 'Mixed');
    expect(w).not.toAllow(LB);
    expect(w).not.toDeny(LB);
    expect(() => expect(w).toAllow(LB)).toThrowError(/but the verdict is Mixed[\s\S]*Path 2/);
  });
});

describe('failure messages carry the explain trace', () => {
  const w = world(cluster, denyNodeports);

  it('toAllow on a denied flow names the verdict, the deciding policy and prints the trace', () => {
    let message = '';
    try {
      expect(w).toAllow(NODEPORT);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`expected ${NODEPORT} to get Allow, but the verdict is Deny`);
    expect(message).toContain(
      'decided by GlobalNetworkPolicy deny-nodeports (tier default), ingress rule 0: Deny',
    );
    expect(message).toContain('Verdict: Deny');
    expect(message).toMatch(/preDnat .*deny-nodeports ingress rule 0 → deny/);
  });

  it('.not failures say so', () => {
    expect(() => expect(w).not.toAllow(LB)).toThrowError(`expected ${LB} not to get Allow, but it does`);
  });

  it('a wrong `by` fails even when the verdict matches', () => {
    expect(() => expect(w).toDeny(NODEPORT, { by: 'some-other-policy' })).toThrowError(
      /to get Deny decided by some-other-policy, but the verdict is Deny/,
    );
  });

  it('a malformed flow fails with the grammar', () => {
    expect(() => expect(w).toAllow('tcp 1.2.3.4 => 5.6.7.8:80')).toThrowError(/the flow is not valid/);
  });

  it('a received value that is not a world fails clearly', () => {
    expect(() => expect(42).toAllow(LB)).toThrowError(/takes a World/);
  });

  it('a flow evaluation refuses fails with its issues, never as a Deny that toDeny would accept', () => {
    expect(() => expect(w).toDeny('tcp 198.51.100.7 -> 169.46.10.20')).toThrowError(
      'cannot evaluate: tcp 198.51.100.7 -> 169.46.10.20: the flow is not valid: dstPort: dstPort is required for TCP, UDP and SCTP flows.',
    );
  });

  it('an ICMP flow without a type, where a rule names types, is not judged: the answer names the types', () => {
    const noPing = globalNetworkPolicy('no-ping')
      .selector('all()')
      .ingress(rule.deny().icmp(8), rule.allow());
    const pinged = world(cluster, noPing);
    const icmp = 'icmp 198.51.100.7 -> 172.30.10.5';
    expect(() => expect(pinged).toAllow(icmp)).toThrowError(
      /^cannot evaluate: icmp 198\.51\.100\.7 -> 172\.30\.10\.5: the answer comes with issues, so it is not judged: icmp: The flow gives no ICMP type: Allow .* Deny for type 8\./,
    );
    expect(pinged).toDeny(`${icmp} type 8`);
    expect(w).toAllow(icmp); // no rule names a type: a packet of no type is the question
  });

  it('.not cannot pass on what could not run: no world, a malformed flow, a refused flow, a bad space', () => {
    expect(() => expect(42).not.toAllow(LB)).toThrowError(/cannot evaluate: .*takes a World/);
    expect(() => expect(w).not.toAllow('tcp 1.2.3.4 => 5.6.7.8:80')).toThrowError(/the flow is not valid/);
    expect(() => expect(w).not.toAllow('tcp 198.51.100.7 -> 169.46.10.20')).toThrowError(
      /the flow is not valid: dstPort/,
    );
    expect(() => expect(w).not.toNeverAllow({ protocol: ['FOO'] })).toThrowError(
      /cannot analyse: [\s\S]*"FOO"/,
    );
  });
});
