/** `diff` over ICMP types and codes the rules name (outside the lifted space: typed pings). */
import { World } from '@calico-dsl/evaluator';
import { fromYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { changeText, diff } from '../src/index.js';

const world = (text: string) => {
  const parsed = fromYaml(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return World.from(parsed.value);
};

const BASE = `apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: prod, labels: {app: web}}
spec: {nodeName: n1}
status: {podIP: 10.1.0.5}
`;
const NO_PING = `${BASE}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: no-ping}
spec:
  selector: app == 'web'
  types: [Ingress]
  ingress:
  - {action: Deny, protocol: ICMP, icmp: {type: 8}}
  - {action: Deny, protocol: ICMP, icmp: {type: 3, code: 4}}
  - {action: Allow}
`;

describe('diff and ICMP types', () => {
  it('a rule on an ICMP type changes typed pings only: icmpChanges says so, changes stays empty', () => {
    const d = diff(world(BASE), world(NO_PING));
    expect(d.changes).toEqual([]);
    expect(d.icmpChanges.map(changeText)).toEqual([
      'ICMP any IPv4 except 10.1.0.5 → 10.1.0.5 type 8: Allow → Deny',
      'ICMP any IPv4 except 10.1.0.5 → 10.1.0.5 type 3 code 4: Allow → Deny',
    ]);
    for (const c of d.icmpChanges) {
      expect(world(NO_PING).evaluate(c.witness).verdict).toBe('Deny');
      expect(world(BASE).evaluate(c.witness).verdict).toBe('Allow');
    }
    // Type 3 with another code, and a type no rule names, do not change.
    const other = { protocol: 'ICMP', srcIp: '198.51.100.7', dstIp: '10.1.0.5' } as const;
    expect(world(NO_PING).evaluate({ ...other, icmp: { type: 3, code: 1 } }).verdict).toBe('Allow');
    expect(world(NO_PING).evaluate({ ...other, icmp: { type: 0 } }).verdict).toBe('Allow');
  });

  it('says what it leaves out: via and HTTP matches, not ICMP types', () => {
    expect(diff(world(BASE), world(NO_PING)).unsupported).toEqual([
      'via (entry interface) and HTTP matches are outside the compared flows; ICMP types and codes that rules name are compared in icmpChanges',
    ]);
  });

  it('worlds whose rules name no ICMP type have no icmpChanges', () => {
    expect(
      diff(
        world(BASE),
        world(`${BASE}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: no-icmp}
spec: {selector: app == 'web', types: [Ingress], ingress: [{action: Deny, protocol: ICMP}]}
`),
      ).icmpChanges,
    ).toEqual([]);
  });
});
