import { describe, expect, it } from 'vitest';
import { PlaygroundState } from '../src/app-state.js';
import { changeText, findingViews } from '../src/model/analysis-view.js';
import { MAX_TEXT_LENGTH, readManifests } from '../src/model/manifests.js';
import { clientRowsNote, formatClients, matrixView, parseClients } from '../src/model/matrix.js';
import { lessonPresets, tutorialClients, tutorialQuickPicks } from '../src/model/presets.js';
import { evaluateFlowText } from '../src/model/result.js';

const presets = lessonPresets();
const picks = tutorialQuickPicks();
const pick = (label: string): string => {
  const p = picks.find((x) => x.label === label);
  if (p === undefined) throw new Error(`no quick pick ${label}`);
  return p.flow;
};
const lesson = (n: number) => {
  const p = presets.find((x) => x.lesson === n);
  if (p === undefined) throw new Error(`no lesson ${n}`);
  return new PlaygroundState(p.manifests);
};

describe('presets', () => {
  it("builds lessons 1-4 from the tutorial library's outline, as valid manifests", () => {
    expect(presets.map((p) => p.lesson)).toEqual([1, 2, 3, 4]);
    for (const p of presets) {
      const m = readManifests(p.manifests);
      expect(m.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(m.world).toBeDefined();
    }
    expect(presets[0]?.manifests).not.toContain('GlobalNetworkPolicy\nmetadata:\n  name: deny-nodeports');
    expect(presets[1]?.manifests).toContain('name: deny-nodeports');
    expect(presets[3]?.manifests).toContain('name: blacklist');
  });

  it('has the tutorial curls: LB:80 from both clients and the node port on each worker', () => {
    expect(picks.map((p) => p.label)).toEqual([
      'you → LB:80',
      'other system → LB:80',
      'you → worker 1 NodePort 31024',
      'you → worker 2 NodePort 31024',
      'you → worker 3 NodePort 31024',
    ]);
    expect(pick('you → LB:80')).toBe('tcp 198.51.100.7:51000 -> 169.46.10.20:80');
    expect(new Set(picks.map((p) => p.flow)).size).toBe(picks.length);
    expect(tutorialClients().map((c) => c.ip)).toEqual(['198.51.100.7', '203.0.113.50']);
  });
});

describe('evaluation view model', () => {
  it('lesson 2: the node port is denied by deny-nodeports, rule highlighted', () => {
    const state = lesson(2);
    const { result } = state.evaluate(pick('you → worker 1 NodePort 31024'));
    expect(result?.verdict).toBe('Deny');
    expect(result?.decidedBy).toBe('GlobalNetworkPolicy deny-nodeports (tier default), ingress rule 0: Deny');
    const lines = state.text.split('\n');
    const [range] = result?.highlights ?? [];
    expect(range).toBeDefined();
    expect(lines[(range?.from ?? 0) - 1]).toMatch(/- action: Deny/);
    expect(lines.slice((range?.from ?? 1) - 1, range?.to).join('\n')).toContain('protocol: TCP');
    // Denied before DNAT: one lane, one box, the deciding one.
    expect(result?.lanes).toHaveLength(1);
    expect(result?.lanes[0]?.boxes.map((b) => [b.stage, b.decides])).toEqual([['preDnat', true]]);
  });

  it('lesson 1: the LB flow enters on three workers; identical lanes are grouped, NAT shown', () => {
    const { result } = lesson(1).evaluate(pick('you → LB:80'));
    expect(result?.verdict).toBe('Allow');
    expect(result?.decidedBy).toContain('kns.default');
    expect(result?.highlights).toEqual([]); // a profile is not in the text
    const lanes = result?.lanes ?? [];
    expect(lanes.reduce((n, l) => n + l.count, 0)).toBe(9);
    expect(lanes.length).toBeLessThan(9);
    for (const lane of lanes) {
      const dnat = lane.boxes.find((b) => b.stage === 'dnat');
      expect(dnat?.nat).toMatch(/^dst → 172\.30\.152\.\d+:8080/);
      expect(lane.boxes.filter((b) => b.decides)).toHaveLength(1);
    }
    const snat = lanes.flatMap((l) => l.boxes).find((b) => b.stage === 'snat');
    expect(snat?.nat).toMatch(/^src → 10\.176\.48\.\d+(, 10\.176\.48\.\d+)?$/);
  });

  it('lesson 3: the whitelist does not match the other system, deny-lb-port-80 decides', () => {
    const { result } = lesson(3).evaluate(pick('other system → LB:80'));
    expect(result?.verdict).toBe('Deny');
    expect(result?.decidedBy).toContain('deny-lb-port-80');
    expect(result?.lanes[0]?.boxes.map((b) => [b.stage, b.action, b.detail])).toEqual([
      ['preDnat', 'no-match', 'GNP whitelist'],
      ['preDnat', 'deny', 'GNP deny-lb-port-80'],
    ]);
  });

  it('paths that disagree: Mixed, each decision named with its path count', () => {
    const onlyWorker1 = `---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata:
  name: close-wrk1
spec:
  order: 10
  preDNAT: true
  applyOnForward: true
  selector: ibm-cloud.kubernetes.io/worker-id == 'kube-wrk1' && ibm.role == 'worker_public'
  types:
  - Ingress
  ingress:
  - action: Deny
    protocol: TCP
`;
    const state = new PlaygroundState(`${presets[0]?.manifests ?? ''}${onlyWorker1}`);
    const { result } = state.evaluate(pick('you → LB:80'));
    expect(result?.verdict).toBe('Mixed');
    expect(result?.decidedBy).toMatch(
      /^\d+ of \d+ paths: GlobalNetworkPolicy close-wrk1 .*; \d+ of \d+ paths: Profile kns.default/,
    );
    expect(result?.decisions.map((d) => d.verdict).sort()).toEqual(['Allow', 'Deny']);
    expect(result?.highlights).toHaveLength(1);
    expect(result?.lanes.map((l) => l.verdict)).toContain('Deny');
  });

  it('lesson 4: the blacklist denies you, not the other system', () => {
    const state = lesson(4);
    expect(state.evaluate(pick('you → LB:80')).result?.decidedBy).toContain('blacklist');
    expect(state.evaluate(pick('other system → LB:80')).result?.verdict).toBe('Allow');
  });

  it('a flow that does not parse says how to write one; one the evaluator refuses gets no verdict, only its issue', () => {
    const state = lesson(2);
    expect(state.evaluate('tcp 1.2.3.4 ->').flowError).toMatch(/protocol source -> destination/);
    // No port for TCP: the evaluator's placeholder Deny is no verdict to show.
    const bad = state.evaluate('tcp 1.2.3.4 -> 10.0.0.1');
    expect(bad.result).toBeUndefined();
    expect(bad.flowError).toMatch(/^This flow cannot be evaluated: .*dstPort/);
    const badVia = state.evaluate('tcp 198.51.100.7 -> 10.176.48.78:80 via kube-wrk1');
    expect([badVia.result, badVia.flowError?.startsWith('This flow cannot be evaluated')]).toEqual([
      undefined,
      true,
    ]);
  });

  it('manifest problems come with lines and block evaluation', () => {
    const text = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata:
  name: a
spec:
  selector: has(x
`;
    const state = new PlaygroundState(text);
    expect(state.manifests.issues).toMatchObject([
      { line: 6, column: 13, severity: 'error', where: 'spec.selector' },
    ]);
    expect(state.evaluate('tcp 1.2.3.4 -> 5.6.7.8:80')).toMatchObject({
      result: undefined,
      flowError: 'Fix the 1 manifest problem first.',
    });
    expect(readManifests('kind: [').issues[0]?.line).toBe(1);
  });

  it('world problems (no position) are placed on the resource they name', () => {
    const text = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata:
  name: first
spec:
  selector: all()
---
apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata:
  name: b
  namespace: x
spec:
  tier: nosuch
  selector: all()
`;
    const m = readManifests(text);
    expect(m.world).toBeDefined();
    expect(m.issues).toMatchObject([{ line: 8, severity: 'warning' }]);
  });

  it('rebuilds the world only when the text changes, and diffs against the loaded text', () => {
    const state = lesson(2);
    const first = state.manifests.world;
    state.setText(state.text);
    expect(state.manifests.world).toBe(first);
    expect(state.changedFrom).toBeUndefined();
    state.setText(`${state.text}\n# edited\n`);
    expect(state.manifests.world).not.toBe(first);
    expect(state.changedFrom).toBe(first);
  });

  it('evaluateFlowText works on any world', () => {
    const m = readManifests(presets[0]?.manifests ?? '');
    const r = m.world
      ? evaluateFlowText(m.world, pick('you → worker 2 NodePort 31024'), m.located)
      : undefined;
    expect(r?.ok && r.value.verdict).toBe('Allow');
  });
});

describe('hostile manifests (they come from links)', () => {
  const cases: [string, string][] = [
    [
      'alias bomb',
      `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    ],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['__proto__ keys', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  __proto__: {polluted: yes}\n'],
    ['binary garbage', String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 7919) % 256))],
    ['unknown tag', 'apiVersion: v1\nkind: !!js/function x\n'],
    ['too long', '#'.repeat(MAX_TEXT_LENGTH + 1)],
  ];
  for (const [name, text] of cases) {
    it(`${name}: problems with lines, no exception, no pollution`, () => {
      const m = readManifests(text);
      expect(m.issues.length + (m.world ? 1 : 0)).toBeGreaterThan(0);
      for (const i of m.issues) expect(i.line).toBeGreaterThanOrEqual(1);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe('matrix', () => {
  it('pods and external clients to pods, one protocol and port', () => {
    const m = readManifests(presets[3]?.manifests ?? '');
    if (m.world === undefined) throw new Error('no world');
    const view = matrixView(m.world, { protocol: 'TCP', port: 8080 }, tutorialClients());
    expect(view.columns).toHaveLength(3);
    expect(view.rows).toHaveLength(5);
    expect(view.rows.slice(3)).toEqual(['you (198.51.100.7)', 'other system (203.0.113.50)']);
    expect(view.cells).toHaveLength(5);
    for (const row of view.cells) expect(row).toHaveLength(3);
    // Pod IPs directly: no pre-DNAT policy matches 8080 on a pod IP, pods have no policy.
    expect(view.cells.flat().every((v) => v === 'Allow' || v === 'Deny' || v === 'Mixed')).toBe(true);
    expect(view.cells[0]).toEqual(['Allow', 'Allow', 'Allow']);
    // The caption says what the client rows measure (pod IPs, not the Service).
    expect(view.clients).toBe(2);
    expect(clientRowsNote(view)).toContain("straight to each pod's IP, not through a Service");
    expect(clientRowsNote(matrixView(m.world, { protocol: 'TCP', port: 8080 }, []))).toBe('');
  });
});

describe('matrix clients', () => {
  it('reads label=ip or bare IPs and says how to fix the rest', () => {
    expect(parseClients('you=198.51.100.7, 203.0.113.50  lab=2001:db8::1')).toEqual({
      clients: [
        { label: 'you', ip: '198.51.100.7' },
        { label: '203.0.113.50', ip: '203.0.113.50' },
        { label: 'lab', ip: '2001:db8::1' },
      ],
      problems: [],
    });
    expect(parseClients('x=300.1.1.1, hello').problems).toEqual([
      '"x=300.1.1.1" is not an IP address: write label=IP, e.g. you=198.51.100.7',
      '"hello" is not an IP address: write label=IP, e.g. you=198.51.100.7',
    ]);
    expect(parseClients('')).toEqual({ clients: [], problems: [] });
  });

  it('formats what it parses', () => {
    const text = formatClients(tutorialClients());
    expect(text).toBe('you=198.51.100.7, other-system=203.0.113.50');
    expect(parseClients(text).clients.map((c) => c.ip)).toEqual(['198.51.100.7', '203.0.113.50']);
  });
});

describe('analysis views', () => {
  it('places lint findings on their rule line and writes changes as text', () => {
    const state = lesson(2);
    const [f] = findingViews(
      [
        {
          code: 'shadowed-rule',
          severity: 'warning',
          message: 'GlobalNetworkPolicy deny-nodeports ingress rule 1 (Deny) never decides a flow',
          resource: { kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' },
          rule: { direction: 'ingress', index: 1 },
          witness: { protocol: 'UDP', srcIp: '198.51.100.7', dstIp: '203.0.113.11', dstPort: 31024 },
        },
      ],
      state.manifests.located,
    );
    expect(f?.line).toBeGreaterThan(1);
    expect(state.text.split('\n')[(f?.line ?? 1) - 1]).toMatch(/- action: Deny/);
    expect(f?.text).toBe(
      // The analysis package's message names its policy and rule: shown once.
      'GlobalNetworkPolicy deny-nodeports ingress rule 1 (Deny) never decides a flow (e.g. udp 198.51.100.7 -> 203.0.113.11:31024)',
    );
    expect(
      changeText({
        region: {
          protocol: ['TCP'],
          srcIp: ['198.51.100.7/32'],
          srcPort: [[0, 65535]],
          dstIp: ['203.0.113.11/32'],
          dstPort: [31024],
        },
        before: 'Allow',
        after: 'Deny',
        witness: { protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '203.0.113.11', dstPort: 31024 },
      }),
    ).toBe('Allow → Deny, e.g. tcp 198.51.100.7 -> 203.0.113.11:31024');
  });
});
