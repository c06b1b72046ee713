import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runInProcess, tempDir } from './run-cli.js';

const WORLD = ['world.yaml', 'deny-nodeports.yaml'];
const LB = 'tcp 198.51.100.7:40000 -> 169.46.10.20:80';
const NODEPORT = 'tcp 198.51.100.7:40000 -> 169.46.7.10:31024';

describe('eval', () => {
  it('allows the load balancer: a summary by default, every step with --trace', async () => {
    const r = await runInProcess(['eval', ...WORLD, '--flow', LB, '--expect', 'allow']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Allow\s+tcp 198\.51\.100\.7:40000 -> 169\.46\.10\.20:80 {2}✓ expected Allow$/m,
    );
    expect(r.stdout).toContain(
      '1 path (via HostEndpoint worker-1-public (worker-1, eth1) to WorkloadEndpoint default/webserver-1 (worker-1)) — Allow: decided by Profile kns.default, ingress rule 0: Allow',
    );
    expect(r.stdout).not.toContain('loadBalancer of service default/webserver-lb');
    const traced = await runInProcess(['eval', ...WORLD, '--flow', LB, '--trace']);
    expect(traced.stdout).toContain('loadBalancer of service default/webserver-lb');
  });

  it('--json gives each path the deciding rule source', async () => {
    const r = await runInProcess(['eval', ...WORLD, '--flow', NODEPORT, '--json']);
    const [res] = JSON.parse(r.stdout).results;
    expect(res.decidedAt[0]).toMatchObject({ file: 'deny-nodeports.yaml', line: 9 });
    expect(res.decidedAt[0].text).toContain('action: Deny');
  });

  it('the summary shows the deciding rule as written, with file:line', async () => {
    const r = await runInProcess(['eval', ...WORLD, '--flow', NODEPORT]);
    expect(r.stdout).toContain('      deny-nodeports.yaml:9\n        action: Deny\n');
    expect(r.stdout).toContain('          - 30000:32767\n');
  });

  it('denies the nodePort and names the pre-DNAT policy', async () => {
    const r = await runInProcess(['eval', ...WORLD, '--flow', NODEPORT, '--expect', 'deny']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'decided by GlobalNetworkPolicy deny-nodeports (tier default), ingress rule 0: Deny',
    );
  });

  it('an ICMP flow without a type, where a rule names types, is a finding that asks for the type', async () => {
    const dir = tempDir();
    const noPing = join(dir, 'no-ping.yaml');
    writeFileSync(
      noPing,
      [
        'apiVersion: projectcalico.org/v3',
        'kind: GlobalNetworkPolicy',
        'metadata: {name: no-ping}',
        'spec:',
        '  selector: all()',
        '  ingress:',
        '  - {action: Deny, protocol: ICMP, icmp: {type: 8}}',
        '  - {action: Allow}',
        '',
      ].join('\n'),
    );
    const icmp = 'icmp 198.51.100.7 -> 172.30.10.5';
    const r = await runInProcess(['eval', ...WORLD, noPing, '--flow', icmp, '--expect', 'allow']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'issue: icmp: The flow gives no ICMP type: Allow is the verdict of a packet whose type no rule names; types the rules name get another: Deny for type 8.',
    );
    const ping = await runInProcess([
      'eval',
      ...WORLD,
      noPing,
      '--flow',
      `${icmp} type 8`,
      '--expect',
      'deny',
    ]);
    expect([ping.code, ping.stdout]).toEqual([
      0,
      expect.stringMatching(/^Deny\s+icmp 198\.51\.100\.7 -> 172\.30\.10\.5 type 8/),
    ]);
  });

  it('a wrong --expect exits 1 and says what happened', async () => {
    const r = await runInProcess(['eval', ...WORLD, '--flow', NODEPORT, '--expect', 'allow']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ expected Allow, got Deny');
  });

  it('--expect takes a verdict in any case, as a flows-file line does (search --verdict too)', async () => {
    for (const word of ['Deny', 'DENY', 'deny']) {
      const r = await runInProcess(['eval', ...WORLD, '--flow', NODEPORT, '--expect', word]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain('✓ expected Deny');
    }
    expect((await runInProcess(['eval', ...WORLD, '--flow', NODEPORT, '--expect', 'Allow'])).code).toBe(1);
    const search = await runInProcess([
      'search',
      ...WORLD,
      '--verdict',
      'Deny',
      '--dst',
      '169.46.7.10',
      '--json',
    ]);
    expect([search.code, JSON.parse(search.stdout).found]).toEqual([1, true]);
  });

  it('without --expect a Deny is an answer, not a failure', async () => {
    expect((await runInProcess(['eval', ...WORLD, '--flow', NODEPORT])).code).toBe(0);
  });

  it('--json: verdict, expectation, deciding policy and the full trace', async () => {
    const r = await runInProcess(['eval', ...WORLD, '--flow', NODEPORT, '--expect', 'deny', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(true);
    expect(j.results).toHaveLength(1);
    const [res] = j.results;
    expect(res).toMatchObject({
      flow: NODEPORT,
      input: { protocol: 'TCP', srcIp: '198.51.100.7', srcPort: 40000, dstIp: '169.46.7.10', dstPort: 31024 },
      verdict: 'Deny',
      expected: 'Deny',
      matches: true,
    });
    expect(res.decidedBy[0]).toMatchObject({
      stage: 'preDnat',
      policy: { kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' },
      ruleIndex: 0,
    });
    expect(res.paths[0].steps.length).toBeGreaterThan(0);
    expect(res.explain).toContain('Verdict: Deny');
  });

  it('--flows file: per-line expectations, comments, a summary', async () => {
    const r = await runInProcess(['eval', ...WORLD, '--flows', 'flows.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('flows.txt:2');
    expect(r.stdout).toContain('3 flows, 2/2 as expected');
  });

  it('--flows file with a line whose expectation fails: exit 1', async () => {
    const r = await runInProcess(['eval', ...WORLD, '--flows', 'flows.txt', '--expect', 'deny', '--json']);
    const j = JSON.parse(r.stdout);
    // The line expectations win over --expect; the unannotated udp line takes --expect deny.
    expect(j.results.map((x: { expected: string }) => x.expected)).toEqual(['Allow', 'Deny', 'Deny']);
    expect(r.code).toBe(0);
    const wrong = await runInProcess(['eval', ...WORLD, '--flows', 'flows.txt', '--expect', 'allow']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('3 flows, 2/3 as expected');
  });

  it('--flows .json file', async () => {
    const r = await runInProcess(['eval', ...WORLD, '--flows', 'flows.json', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results.map((x: { verdict: string }) => x.verdict)).toEqual([
      'Allow',
      'Deny',
    ]);
  });

  it('a --flows file with no flows (empty, comments only, []) is a finding, never a pass: exit 1', async () => {
    const dir = tempDir();
    for (const [name, text] of [
      ['empty.txt', ''],
      ['comments.txt', '# the flows go here\n\n'],
      ['none.json', '[]'],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const r = await runInProcess(['eval', ...WORLD, '--flows', file, '--expect', 'allow']);
      expect(r.code, name).toBe(1);
      expect(r.stderr).toContain(`${file}: error the file has no flows: one per line`);
    }
  });

  it('an invalid line of a --flows file never meets its expectation: an error line, matches false, exit 1', async () => {
    const dir = tempDir();
    const file = join(dir, 'flows.txt');
    writeFileSync(file, `udp 198.51.100.7 -> 169.46.7.10 deny\n${NODEPORT} deny\n`);
    const r = await runInProcess(['eval', ...WORLD, '--flows', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `error  udp 198.51.100.7 -> 169.46.7.10  ✗ invalid flow, not evaluated (expected Deny)  ${file}:1\n`,
    );
    expect(r.stdout).not.toContain(`✓ expected Deny  ${file}:1`);
    expect(r.stdout).toContain('issue: dstPort: ');
    expect(r.stdout).toContain('2 flows, 1/2 as expected, 1 invalid');
    const json = await runInProcess(['eval', ...WORLD, '--flows', file, '--json']);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.results.map((x: { invalid?: boolean; matches?: boolean }) => [x.invalid, x.matches])).toEqual([
      [true, false],
      [undefined, true],
    ]);
  });

  it('--via pins the entry host endpoint', async () => {
    const r = await runInProcess(['eval', ...WORLD, '--flow', NODEPORT, '--via', 'worker-1/eth1', '--json']);
    const [res] = JSON.parse(r.stdout).results;
    expect(res.input.via).toEqual({ node: 'worker-1', interface: 'eth1' });
    expect(res.paths[0].entry).toMatchObject({ kind: 'HostEndpoint', node: 'worker-1', interface: 'eth1' });
  });

  it('a malformed flow is a usage error reported with the expected form: exit 2', async () => {
    const r = await runInProcess(['eval', ...WORLD, '--flow', 'tcp 198.51.100.7 => 169.46.10.20:80']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("e.g. 'tcp 198.51.100.7:40000 -> 169.46.10.20:80'");
  });

  it('invalid manifests stop evaluation with file:line:column: exit 1', async () => {
    const r = await runInProcess(['eval', 'world.yaml', 'invalid.yaml', '--flow', LB, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(false);
    expect(j.issues).toContainEqual(expect.objectContaining({ file: 'invalid.yaml', line: 12, column: 9 }));
  });

  it('both engines give the same answer', async () => {
    const a = JSON.parse(
      (await runInProcess(['eval', ...WORLD, '--flow', NODEPORT, '--json', '--engine', 'reference'])).stdout,
    );
    const b = JSON.parse(
      (await runInProcess(['eval', ...WORLD, '--flow', NODEPORT, '--json', '--engine', 'compiled'])).stdout,
    );
    expect(a.results[0].paths).toEqual(b.results[0].paths);
  });
});

describe('explain', () => {
  it('prints every step and marks the deciding one', async () => {
    const r = await runInProcess(['explain', ...WORLD, '--flow', LB]);
    expect(r.code).toBe(0);
    const marked = r.stdout.split('\n').filter((l) => l.startsWith('  ▶ '));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatch(/workloadIngress .*Profile kns\.default ingress rule 0 → allow/);
    expect(r.stdout).toMatch(/^ {4}preDnat .*deny-nodeports → no-match/m);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it("marks the failsafe accept that decides, not the same stage's pre-DNAT bypass before it", async () => {
    const r = await runInProcess(['explain', ...WORLD, '--flow', 'tcp 198.51.100.7:40000 -> 169.46.7.10:22']);
    const marked = r.stdout.split('\n').filter((l) => l.startsWith('  ▶ '));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatch(/^ {2}▶ failsafe .* → allow \(inbound failsafe TCP:22/);
  });

  it('highlights with colors on a forced-color terminal', () => {
    const r = runCli(['explain', ...WORLD, '--flow', NODEPORT], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[31mDeny\u001b[39m');
    expect(r.stdout).toContain('\u001b[1mpreDnat');
  });
});

describe('matrix', () => {
  it('text: ✓/✗ per pair', async () => {
    const r = await runInProcess(['matrix', 'matrix-world.yaml', '--port', '8080']);
    expect(r.code).toBe(0);
    // The diagonal is each pod's own address: loopback, which no policy sees.
    expect(r.stdout).toMatch(/1 {2}shop\/web-1 +✓ {2}✓ {2}✓/);
    expect(r.stdout).toMatch(/3 {2}shop\/db-1 +✗ {2}✓ {2}✓/);
  });

  it('csv', async () => {
    const r = await runInProcess(['matrix', 'matrix-world.yaml', '--port', '8080', '--format', 'csv']);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'from\\to,shop/web-1,shop/client-1,shop/db-1',
      'shop/web-1,Allow,Allow,Allow',
    ]);
  });

  it('mermaid: only allowed edges', async () => {
    const r = await runInProcess(['matrix', 'matrix-world.yaml', '--port', '8080', '-o', 'mermaid']);
    expect(r.stdout).toContain('flowchart LR');
    expect(r.stdout).toContain('e1 -->|tcp/8080| e0');
    expect(r.stdout).not.toContain('e2 -->|tcp/8080| e0');
  });

  it('--json and --endpoints', async () => {
    const r = await runInProcess([
      'matrix',
      'matrix-world.yaml',
      '--port',
      '8080',
      '--endpoints',
      'shop/client-1,shop/web-1',
      '--json',
    ]);
    const j = JSON.parse(r.stdout);
    expect(j.endpoints.map((e: { name: string }) => e.name)).toEqual(['client-1', 'web-1']);
    expect(j.cells).toEqual([
      ['Allow', 'Allow'],
      ['Allow', 'Allow'],
    ]);
  });
});
