import { describe, expect, it } from 'vitest';
import { TWO_INTERFACE_NODE } from '../../../analysis/test/helpers/worlds.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

function memoryIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (t) => void out.push(t), isTTY: false },
    stderr: { write: (t) => void err.push(t), isTTY: false },
    env: {},
    async readFile(path) {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    async writeFile() {},
    join: (dir, name) => `${dir}/${name}`,
    async importModule() {
      return {};
    },
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
const argv = (...args: string[]) => ['node', 'calico-dsl', ...args];

const WORLD = `apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: prod, labels: {app: web}}
spec: {nodeName: node-1}
status: {podIP: 10.1.0.5}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: prod, labels: {app: db}}
spec: {nodeName: node-1}
status: {podIP: 10.1.0.7}
`;
const POLICY = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: db-only-web}
spec:
  selector: app == 'db'
  types: [Ingress]
  ingress:
  - {action: Allow, protocol: TCP, source: {selector: app == 'web'}, destination: {ports: [5432]}}
  - {action: Allow, protocol: TCP, source: {selector: app == 'web'}, destination: {ports: [5432]}}
`;

describe('lint, diff and search commands', () => {
  it('lint prints findings, SARIF 2.1.0 and JSON', async () => {
    const m = memoryIo({ 'w.yaml': WORLD, 'p.yaml': POLICY });
    expect(await main(argv('lint', 'w.yaml', 'p.yaml'), m.io)).toBe(0);
    // The message names its policy and rule: the line does not say them twice.
    expect(m.out().split('\n')[0]).toBe(
      'warning shadowed-rule: GlobalNetworkPolicy db-only-web ingress rule 1 (Allow) never decides: no flow to or from the endpoints it selects reaches it: rule 0 of this policy (Allow) matches every packet this rule matches and decides first on every endpoint the policy selects. Remove it or move it before that rule.',
    );
    const s = memoryIo({ 'w.yaml': WORLD, 'p.yaml': POLICY });
    await main(argv('lint', 'w.yaml', 'p.yaml', '--format', 'sarif'), s.io);
    const sarif = JSON.parse(s.out());
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].ruleId).toBe('shadowed-rule');
    expect(sarif.runs[0].results[0].message.text).toMatch(
      /^GlobalNetworkPolicy db-only-web ingress rule 1 \(Allow\) never decides: /,
    );
    const j = memoryIo({ 'w.yaml': WORLD, 'p.yaml': POLICY });
    await main(argv('lint', 'w.yaml', 'p.yaml', '--json'), j.io);
    expect(JSON.parse(j.out()).findings[0].rule).toEqual({ direction: 'ingress', index: 1 });
  });

  it('diff shows typed pings a rule on an ICMP type closes, and --fail-on closed counts them', async () => {
    const noPing = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: no-ping}
spec:
  selector: app == 'db'
  types: [Ingress]
  ingress:
  - {action: Deny, protocol: ICMP, icmp: {type: 8}}
  - {action: Allow}
`;
    const m = memoryIo({ 'w.yaml': WORLD, 'p.yaml': noPing });
    expect(
      await main(argv('diff', 'w.yaml', '--after', 'w.yaml', 'p.yaml', '--fail-on', 'closed'), m.io),
    ).toBe(1);
    expect(m.out()).toBe(
      'ICMP any IPv4 except 10.1.0.7 → 10.1.0.7 type 8: Allow → Deny\n    e.g. icmp 198.51.100.7 -> 10.1.0.7 type 8\n1 region changed\n',
    );
    const j = memoryIo({ 'w.yaml': WORLD, 'p.yaml': noPing });
    await main(argv('diff', 'w.yaml', '--after', 'w.yaml', 'p.yaml', '--json'), j.io);
    const doc = JSON.parse(j.out());
    expect([doc.changes, doc.icmpChanges.map((c: { icmp: unknown }) => c.icmp)]).toEqual([[], [{ type: 8 }]]);
  });

  it('diff shows closed flows, markdown names them as outage, --fail-on closed exits 1', async () => {
    const m = memoryIo({ 'w.yaml': WORLD, 'p.yaml': POLICY });
    expect(await main(argv('diff', 'w.yaml', '--after', 'w.yaml', 'p.yaml'), m.io)).toBe(0);
    expect(m.out()).toMatch(/→ 10\.1\.0\.7 .*Allow → Deny/);
    const md = memoryIo({ 'w.yaml': WORLD, 'p.yaml': POLICY });
    expect(
      await main(
        argv('diff', 'w.yaml', '--after', 'w.yaml', 'p.yaml', '--format', 'markdown', '--fail-on', 'closed'),
        md.io,
      ),
    ).toBe(1);
    expect(md.out()).toContain('Closed flows (outage)');
    const j = memoryIo({ 'w.yaml': WORLD, 'p.yaml': POLICY });
    expect(
      await main(
        argv('diff', 'w.yaml', '--after', 'w.yaml', 'p.yaml', '--json', '--fail-on', 'opened'),
        j.io,
      ),
    ).toBe(0);
    expect(JSON.parse(j.out()).changes.length).toBeGreaterThan(0);
  });

  it('diff counts the changes of flows entering by another interface, lists them with --via, fails on them', async () => {
    // The private interface stops taking packets for the public address: only such flows change.
    const privateIn = (rules: string) => `${TWO_INTERFACE_NODE}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: private-in}
spec: {selector: role == 'private', types: [Ingress], ingress: [${rules}]}
`;
    const files = {
      'before.yaml': privateIn('{action: Allow}'),
      'after.yaml': privateIn(
        '{action: Deny, protocol: TCP, destination: {nets: [203.0.113.11/32]}}, {action: Allow}',
      ),
    };
    const m = memoryIo(files);
    expect(
      await main(argv('diff', 'before.yaml', '--after', 'after.yaml', '--fail-on', 'closed'), m.io),
    ).toBe(1);
    expect(m.out()).toBe(
      '1 more region changes for flows that enter a node by another interface than their address routes them to (1 closed); --via lists them\n',
    );
    const v = memoryIo(files);
    expect(await main(argv('diff', 'before.yaml', '--after', 'after.yaml', '--via'), v.io)).toBe(0);
    expect(v.out()).toMatch(
      /→ 203\.0\.113\.11 port .* via node-1\/eth0: Allow → Deny\n {4}e\.g\. tcp .* via node-1\/eth0\n1 region changed\n$/,
    );
    const md = memoryIo(files);
    await main(argv('diff', 'before.yaml', '--after', 'after.yaml', '--format', 'markdown'), md.io);
    expect(md.out()).toBe(
      '### calico-dsl diff\n\n1 more region changes for flows that enter a node by another interface than their address routes them to (1 closed); --via lists them\n\n',
    );
  });

  it('diff without --after or --base is a usage error', async () => {
    const m = memoryIo({ 'w.yaml': WORLD });
    expect(await main(argv('diff', 'w.yaml'), m.io)).toBe(2);
  });

  it('search proves no flow or prints a witness', async () => {
    const none = memoryIo({ 'w.yaml': WORLD, 'p.yaml': POLICY });
    expect(
      await main(
        argv(
          'search',
          'w.yaml',
          'p.yaml',
          '--src',
          '198.51.100.0/24',
          '--dst',
          '10.1.0.7',
          '--verdict',
          'allow',
        ),
        none.io,
      ),
    ).toBe(0);
    expect(none.out()).toContain('none:');
    const some = memoryIo({ 'w.yaml': WORLD, 'p.yaml': POLICY });
    expect(
      await main(argv('search', 'w.yaml', 'p.yaml', '--dst', '10.1.0.7', '--port', '5432'), some.io),
    ).toBe(1);
    expect(some.out()).toContain('found: tcp 10.1.0.5');
    const bad = memoryIo({ 'w.yaml': WORLD });
    expect(await main(argv('search', 'w.yaml', '--port', '90-80'), bad.io)).toBe(2);
    expect(bad.err()).toContain('inverted');
  });

  it('search --port (or --src-port) searches only protocols with ports; a port-less one with it is a usage error', async () => {
    for (const port of ['--port', '--src-port']) {
      const m = memoryIo({ 'w.yaml': WORLD, 'p.yaml': POLICY });
      expect(
        await main(argv('search', 'w.yaml', 'p.yaml', '--verdict', 'deny', port, '5432', '--json'), m.io),
      ).toBe(1);
      expect(['TCP', 'UDP', 'SCTP']).toContain(JSON.parse(m.out()).witness.protocol);
    }
    for (const protocol of ['icmp', 'TCP,ICMPv6', '1', 'udplite']) {
      const bad = memoryIo({ 'w.yaml': WORLD });
      expect(await main(argv('search', 'w.yaml', '--port', '80', '--protocol', protocol), bad.io)).toBe(2);
      expect(bad.err()).toMatch(
        /^error: \S+ has no ports: drop --port or the protocol \(ports are for tcp, udp and sctp\)\n$/,
      );
    }
  });

  it('matrix of a world without pods or host endpoints: said on stderr, exit 2, never an empty table', async () => {
    for (const json of [[], ['--json']]) {
      const m = memoryIo({ 'p.yaml': POLICY });
      expect(await main(argv('matrix', 'p.yaml', '-p', '80', ...json), m.io)).toBe(2);
      expect(m.out()).toBe('');
      expect(m.err()).toContain('error: the world has no pods or host endpoints to put in the table');
    }
  });

  it('matrix --icmp-type: pings of one type, headed with it; the option is for ICMP only', async () => {
    const pingOnly = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: db-ping-only}
spec: {selector: app == 'db', types: [Ingress], ingress: [{action: Allow, protocol: ICMP, icmp: {type: 8}}]}
`;
    const m = memoryIo({ 'w.yaml': WORLD, 'p.yaml': pingOnly });
    expect(
      await main(
        argv('matrix', 'w.yaml', 'p.yaml', '--protocol', 'icmp', '--icmp-type', '8', '--json'),
        m.io,
      ),
    ).toBe(0);
    const doc = JSON.parse(m.out());
    expect([doc.icmp, doc.cells]).toEqual([
      { type: 8 },
      [
        ['Allow', 'Allow'],
        ['Allow', 'Allow'],
      ],
    ]);
    const typeless = memoryIo({ 'w.yaml': WORLD, 'p.yaml': pingOnly });
    await main(argv('matrix', 'w.yaml', 'p.yaml', '--protocol', 'icmp', '--json'), typeless.io);
    const typelessDoc = JSON.parse(typeless.out());
    expect(typelessDoc.cells).toEqual([
      ['Allow', 'Deny'],
      ['Allow', 'Allow'],
    ]);
    // The typeless table is not the pings' one: the note names the type and how many cells differ.
    const note =
      'ICMP of no type: a packet of a type no rule names. Types the rules name get another verdict in some cells: type 8 (1 cell). --icmp-type shows one type.';
    expect(typelessDoc.notes).toEqual([note]);
    const typelessText = memoryIo({ 'w.yaml': WORLD, 'p.yaml': pingOnly });
    await main(argv('matrix', 'w.yaml', 'p.yaml', '--protocol', 'icmp'), typelessText.io);
    expect(typelessText.out()).toContain(`\nnote: ${note}\n`);
    const typelessCsv = memoryIo({ 'w.yaml': WORLD, 'p.yaml': pingOnly });
    await main(argv('matrix', 'w.yaml', 'p.yaml', '--protocol', 'icmp', '-o', 'csv'), typelessCsv.io);
    expect([typelessCsv.out().includes('note:'), typelessCsv.err()]).toEqual([false, `note: ${note}\n`]);
    expect(doc.notes).toBeUndefined();
    const text = memoryIo({ 'w.yaml': WORLD, 'p.yaml': pingOnly });
    await main(
      argv('matrix', 'w.yaml', 'p.yaml', '--protocol', 'icmp', '--icmp-type', '3', '--icmp-code', '1'),
      text.io,
    );
    expect(text.out()).toContain('ICMP type 3 code 1:');
    const bad = memoryIo({ 'w.yaml': WORLD });
    expect(await main(argv('matrix', 'w.yaml', '--port', '80', '--icmp-type', '8'), bad.io)).toBe(2);
    expect(bad.err()).toBe('error: --icmp-type and --icmp-code are for --protocol icmp or icmpv6\n');
  });

  it('search counts pings of the ICMP types the rules name among the flows of the space', async () => {
    const pingOnly = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: db-ping-only}
spec:
  selector: app == 'db'
  types: [Ingress]
  ingress: [{action: Allow, protocol: ICMP, icmp: {type: 8}}]
`;
    const m = memoryIo({ 'w.yaml': WORLD, 'p.yaml': pingOnly });
    const args = [
      'search',
      'w.yaml',
      'p.yaml',
      '--protocol',
      'icmp',
      '--src',
      '198.51.100.0/24',
      '--dst',
      '10.1.0.7',
    ];
    expect(await main(argv(...args), m.io)).toBe(1);
    expect(m.out()).toMatch(/^found: icmp 198\.51\.100\.\d+ -> 10\.1\.0\.7 type 8 gets Allow/);
  });
});
