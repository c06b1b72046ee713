import { World } from '@calico-dsl/evaluator';
import { fromYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { AnalysisInputError, analyze, diff } from '../src/index.js';
import { inSpace } from './helpers/flows.js';
import { ONE_INTERFACE_NODE, TWO_INTERFACE_NODE } from './helpers/worlds.js';

const pods = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
    status: { podIP: '10.0.0.1' },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'db', namespace: 'prod', labels: { app: 'db' } },
    status: { podIP: '10.0.0.2' },
  },
];
const onlyWebToDb = {
  apiVersion: 'projectcalico.org/v3',
  kind: 'NetworkPolicy',
  metadata: { name: 'db-from-web', namespace: 'prod' },
  spec: {
    selector: "app == 'db'",
    types: ['Ingress'],
    ingress: [
      {
        action: 'Allow',
        protocol: 'TCP',
        source: { selector: "app == 'web'" },
        destination: { ports: [5432] },
      },
    ],
  },
};

describe('search witnesses lie inside the space', () => {
  it('source and destination restricted differently within one class: the witness keeps each to its side', () => {
    const r = analyze(World.from([])).search(
      { protocol: ['TCP'], srcIp: ['10.0.0.0/30'], dstIp: ['10.0.0.1'] },
      'Allow',
    );
    expect(r.found && r.witness.dstIp).toBe('10.0.0.1');
    expect(r.found && ['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3'].includes(r.witness.srcIp)).toBe(true);
  });
});

describe('search', () => {
  const world = World.from([...pods, onlyWebToDb]);
  it('proves that nothing on the internet reaches the database', () => {
    expect(
      analyze(world).search({ srcIp: ['0.0.0.0/1', '128.0.0.0/1'], dstIp: ['10.0.0.2'] }, 'Allow').found,
    ).toBe(
      true, // web (10.0.0.1) is inside 0.0.0.0/1: the space includes it
    );
    expect(analyze(world).search({ srcIp: ['198.51.100.0/24'], dstIp: ['10.0.0.2'] }, 'Allow')).toEqual({
      found: false,
    });
  });
  it('returns a witness inside the space with the verdict', () => {
    const r = analyze(world).search({ protocol: ['TCP'], dstIp: ['10.0.0.2'] }, 'Allow');
    expect(r.found).toBe(true);
    if (r.found) {
      expect(r.witness).toMatchObject({
        protocol: 'TCP',
        srcIp: '10.0.0.1',
        dstIp: '10.0.0.2',
        dstPort: 5432,
      });
      expect(world.evaluate(r.witness).verdict).toBe('Allow');
    }
  });
  it('refuses an inverted range, an empty list, a bad CIDR or protocol, naming the field', () => {
    const a = analyze(world);
    expect(() => a.search({ dstPort: [[90, 80]] }, 'Allow')).toThrow(AnalysisInputError);
    expect(() => a.search({ srcIp: [] }, 'Allow')).toThrow(/srcIp must be a non-empty list/);
    expect(() => a.search({ dstIp: ['10.0.0.0/33'] }, 'Allow')).toThrow(/not a CIDR/);
    try {
      a.search({ protocol: ['TPC'] }, 'Allow');
    } catch (e) {
      expect((e as AnalysisInputError).issues[0]?.path).toEqual(['protocol', 0]);
    }
  });
});

describe('an IPv4-mapped IPv6 CIDR in a space', () => {
  it('is the IPv4 CIDR (prefix less 96), as the evaluator reads it in rule nets and flows', () => {
    const a = analyze(World.from([...pods, onlyWebToDb]));
    expect(a.search({ srcIp: ['::ffff:10.0.0.0/127'], dstIp: ['::ffff:10.0.0.2'] }, 'Allow')).toEqual(
      a.search({ srcIp: ['10.0.0.0/31'], dstIp: ['10.0.0.2'] }, 'Allow'),
    );
    expect(a.search({ srcIp: ['::ffff:198.51.100.0/120'], dstIp: ['10.0.0.2'] }, 'Allow')).toEqual({
      found: false,
    });
    // A shorter prefix keeps the IPv6 network Go's ParseCIDR gives (no IPv4 address in it).
    const v6 = [
      a.search({ srcIp: ['::ffff:0.0.0.0/95'] }, 'Allow'),
      a.search({ srcIp: ['::ffff:0.0.0.0/95'] }, 'Deny'),
    ];
    expect(v6.flatMap((r) => (r.found ? [r.witness.srcIp] : []))).toContain('::fffe:0:1');
  });
});

describe('a host endpoint naming a profile that does not exist', () => {
  // Felix programs such a profile as one Deny each way (active_rules_calculator.go
  // DummyDropRules): the later default-allow profile is never reached, in search as in evaluate.
  const world = World.from([
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-1' },
      status: { addresses: [{ type: 'ExternalIP', address: '203.0.113.11' }] },
    },
    {
      apiVersion: 'projectcalico.org/v3',
      kind: 'HostEndpoint',
      metadata: { name: 'n1-eth1', labels: { role: 'public' } },
      spec: {
        node: 'node-1',
        interfaceName: 'eth1',
        expectedIPs: ['203.0.113.11'],
        profiles: ['no-such-profile', 'projectcalico-default-allow'],
      },
    },
  ]);
  it('finds no allowed flow to it off the failsafe ports, and a denied one', () => {
    const space = { protocol: ['TCP'], srcIp: ['198.51.100.0/24'], dstIp: ['203.0.113.11'], dstPort: [80] };
    expect(analyze(world).search(space, 'Allow')).toEqual({ found: false });
    const denied = analyze(world).search(space, 'Deny');
    expect(denied.found).toBe(true);
    if (denied.found) expect(world.evaluate(denied.witness).verdict).toBe('Deny');
  });
});

describe('spaces, verdicts and matrix options that cannot be read', () => {
  it('are AnalysisInputErrors at their field, never a crash or an empty answer', () => {
    const world = World.from(pods);
    const a = analyze(world);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const pathsOf = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        expect(e).toBeInstanceOf(AnalysisInputError);
        return (e as AnalysisInputError).issues.map((i) => [i.code, i.path]);
      }
      throw new Error('expected an AnalysisInputError');
    };
    expect(pathsOf(() => a.search({ dstPort: [[80, 90n]] } as never, 'Allow'))).toEqual([
      ['invalid_flow', ['dstPort', 0, 1]],
    ]);
    expect(pathsOf(() => diff(world, world, { srcIp: [cyclic] } as never))).toEqual([
      ['invalid_flow', ['srcIp', 0, 'self']],
    ]);
    expect(pathsOf(() => a.search({}, 'allow' as never))).toEqual([['invalid_value', ['verdict']]]);
    expect(pathsOf(() => a.matrix({ protocol: 'TCP' }))).toEqual([['required', ['port']]]);
    expect(pathsOf(() => a.matrix({ protocol: 'TCP', port: 80, endpoints: [{ name: 'nope' }] }))).toEqual([
      ['unknown_endpoint', ['endpoints', 0]],
    ]);
  });
});

describe('arguments that are not worlds', () => {
  it('analyze and diff name the argument, rather than failing deep in the model', () => {
    const world = World.from(pods);
    for (const bad of [undefined, pods, 'world']) {
      for (const run of [
        () => analyze(bad as never),
        () => diff(bad as never, world),
        () => diff(world, bad as never),
      ]) {
        expect(run).toThrow(AnalysisInputError);
      }
    }
    try {
      diff(world, pods as never);
    } catch (e) {
      expect((e as AnalysisInputError).issues.map((i) => [i.code, i.path])).toEqual([
        ['invalid_input', ['after']],
      ]);
    }
  });
});

describe('diff', () => {
  it('shows the database closing to web, as one readable region', () => {
    const before = World.from([...pods, onlyWebToDb]);
    const after = World.from(pods);
    const { changes } = diff(before, after, { protocol: ['TCP'], dstIp: ['10.0.0.2/32'] });
    // Without the policy every flow to db is allowed: everything else opens.
    expect(changes.every((c) => c.before === 'Deny' && c.after === 'Allow')).toBe(true);
    for (const c of changes) {
      expect(before.evaluate(c.witness).verdict).toBe('Deny');
      expect(after.evaluate(c.witness).verdict).toBe('Allow');
    }
    expect(changes.length).toBeLessThanOrEqual(3);
  });
  it('a change inside a class leaves no note about flows from an address to itself (loopback)', () => {
    // Two db replicas (one class): closing db to everyone changes db-1 → db-2, never db-1 → db-1.
    const replica = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'db-2', namespace: 'prod', labels: { app: 'db' } },
      status: { podIP: '10.0.0.3' },
    };
    const closed = { ...onlyWebToDb, spec: { ...onlyWebToDb.spec, ingress: [] } };
    const r = diff(World.from([...pods, replica]), World.from([...pods, replica, closed]), {
      protocol: ['TCP'],
      srcIp: ['10.0.0.2/32', '10.0.0.3/32'],
      dstIp: ['10.0.0.2/32', '10.0.0.3/32'],
    });
    expect(r.changes.length).toBeGreaterThan(0);
    expect(r.changes.every((c) => c.before === 'Allow' && c.after === 'Deny')).toBe(true);
    expect(r.unsupported.filter((u) => u.includes('to itself'))).toEqual([]);
    // Written per source address, each leaving itself out: no region holds db-1 → db-1.
    expect(r.changes.map((c) => `${c.region.srcIp} → ${c.region.dstIp}`).sort()).toEqual([
      '10.0.0.2/32 → 10.0.0.3/32',
      '10.0.0.3/32 → 10.0.0.2/32',
    ]);
  });
  it('sees a FelixConfiguration change alone (ipForwarding Disabled: nodes stop forwarding pod → pod)', () => {
    const before = World.from([...pods, onlyWebToDb]);
    const noForwarding = {
      apiVersion: 'projectcalico.org/v3',
      kind: 'FelixConfiguration',
      metadata: { name: 'default' },
      spec: { ipForwarding: 'Disabled' },
    };
    const after = World.from([...pods, onlyWebToDb, noForwarding]);
    const { changes } = diff(before, after, {
      protocol: ['TCP'],
      srcIp: ['10.0.0.1/32'],
      dstIp: ['10.0.0.2/32'],
    });
    expect(changes.map((c) => [c.region.dstPort, c.before, c.after])).toEqual([[[5432], 'Allow', 'Deny']]);
  });
  it('is empty for identical worlds', () => {
    const w = World.from([...pods, onlyWebToDb]);
    expect(diff(w, World.from([...pods, onlyWebToDb])).changes).toEqual([]);
  });
});

/** A world of one of the shared nodes and one untracked policy on its host endpoints. */
const untrackedWorld = (node: string, spec: Record<string, unknown>) => {
  const parsed = fromYaml(node);
  if (!parsed.ok) throw new Error('the shared test node does not parse');
  return World.from([
    ...parsed.value,
    {
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkPolicy',
      metadata: { name: 'raw' },
      spec: { doNotTrack: true, applyOnForward: true, ...spec },
    },
  ]);
};

describe('search with via: the reply of an untracked packet forwarded outside → outside', () => {
  it('enters where the request left (replyVia), as in the evaluator: its INVALID drop is found', () => {
    const world = untrackedWorld(ONE_INTERFACE_NODE, {
      selector: "role == 'public'",
      types: ['Ingress'],
      ingress: [{ action: 'Allow', protocol: 'TCP', source: { nets: ['8.8.8.0/24'] } }],
    });
    const space = { protocol: ['TCP'], srcIp: ['8.8.8.8'], dstIp: ['198.51.100.7'] };
    const found = analyze(world).search(space, 'Deny', { via: true });
    expect(found.found).toBe(true);
    if (found.found) expect(world.evaluate(found.witness).verdict).toBe('Deny');
  });
});

describe('typed ICMP and untracked policy', () => {
  it("an echo request's untracked reply is an echo reply: a rule on type 0 decides type 8 apart", () => {
    const world = untrackedWorld(TWO_INTERFACE_NODE, {
      selector: "role == 'private'",
      types: ['Ingress', 'Egress'],
      ingress: [{ action: 'Allow', protocol: 'ICMP', notICMP: { type: 0 } }],
      egress: [{ action: 'Allow', protocol: 'ICMP', icmp: { type: 0 } }],
    });
    const ping = { protocol: 'ICMP', srcIp: '198.51.100.7', dstIp: '10.0.0.11', icmp: { type: 8 } } as const;
    expect(world.evaluate(ping).verdict).toBe('Allow');
    const space = { protocol: ['ICMP'], srcIp: ['198.51.100.7'], dstIp: ['10.0.0.11'] };
    const found = analyze(world).search(space, 'Allow', { icmpTypes: true });
    expect(found.found && found.witness.icmp).toEqual({ type: 8 });
  });

  it("a timestamp request's untracked reply is a timestamp reply (13 → 14, the kernel's invmap): diff finds type 13's change", () => {
    const spec = (egress: unknown[]) => ({
      selector: "role == 'public'",
      types: ['Ingress', 'Egress'],
      ingress: [{ action: 'Allow', protocol: 'ICMP' }],
      egress,
    });
    const before = untrackedWorld(
      ONE_INTERFACE_NODE,
      spec([{ action: 'Allow', protocol: 'ICMP', icmp: { type: 14 } }]),
    );
    const after = untrackedWorld(ONE_INTERFACE_NODE, spec([]));
    const request = {
      protocol: 'ICMP',
      srcIp: '198.51.100.7',
      dstIp: '203.0.113.11',
      icmp: { type: 13 },
    } as const;
    expect([before.evaluate(request).verdict, after.evaluate(request).verdict]).toEqual(['Allow', 'Deny']);
    const { icmpChanges } = diff(before, after);
    const change = icmpChanges.find((c) => c.icmp.type === 13 && inSpace(request, c.region));
    expect(change && [change.before, change.after]).toEqual(['Allow', 'Deny']);
  });

  it('the reply of an untracked ICMPv6 type conntrack leaves untracked meets policy: search finds it allowed', () => {
    const world = untrackedWorld(
      `apiVersion: v1
kind: Node
metadata: {name: node-1}
status: {addresses: [{type: InternalIP, address: 'fd00::11'}]}
---
apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: n1-eth0, labels: {role: public}}
spec: {node: node-1, interfaceName: eth0, expectedIPs: ['fd00::11']}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: icmpv6-out}
spec: {selector: role == 'public', types: [Egress], egress: [{action: Allow, protocol: ICMPv6}]}
`,
      {
        selector: "role == 'public'",
        types: ['Ingress'],
        ingress: [{ action: 'Allow', protocol: 'ICMPv6' }],
      },
    );
    const space = { protocol: ['ICMPv6'], srcIp: ['fd00::99'], dstIp: ['fd00::11'] };
    // Typeless (and echo) requests' replies are INVALID on the way out (no untracked egress Allow).
    expect(analyze(world).search(space, 'Allow').found).toBe(false);
    const found = analyze(world).search(space, 'Allow', { icmpTypes: true });
    expect(found.found && world.evaluate(found.witness).verdict).toBe('Allow');
  });
});

describe('class matrix of a family-bound protocol', () => {
  it('ICMPv6 between dual-stack pods goes between their IPv6 addresses, as World.matrix', () => {
    const dualStack = (name: string, ips: string[]) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'prod', labels: { app: name } },
      status: { podIP: ips[0], podIPs: ips.map((ip) => ({ ip })) },
    });
    const world = World.from([
      pods[0],
      dualStack('web', ['10.0.0.1', 'fd00::1']),
      dualStack('db', ['10.0.0.2', 'fd00::2']),
      {
        apiVersion: 'projectcalico.org/v3',
        kind: 'GlobalNetworkPolicy',
        metadata: { name: 'no-ping6-to-db' },
        spec: {
          selector: "app == 'db'",
          types: ['Ingress'],
          ingress: [{ action: 'Deny', protocol: 'ICMPv6' }, { action: 'Allow' }],
        },
      },
    ]);
    expect(world.evaluate({ protocol: 'ICMPv6', srcIp: 'fd00::1', dstIp: 'fd00::2' }).verdict).toBe('Deny');
    const m = analyze(world).matrix({ protocol: 'ICMPv6' });
    expect(m.verdict(0, 1)).toBe('Deny');
    expect(m.verdict(1, 0)).toBe('Allow');
    expect(m.count('Deny')).toBe(1);
  });
});
