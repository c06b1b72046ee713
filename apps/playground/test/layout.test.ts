import { describe, expect, it } from 'vitest';
import type { Lane } from '../src/model/lanes.js';
import { BOX_HEIGHT, BOX_WIDTH, clip, GAP, layoutLanes, PAD } from '../src/model/layout.js';

const lane = (count: number, stages: string[], decides: number): Lane => ({
  verdict: 'Deny',
  count,
  paths: Array.from({ length: count }, (_, i) => i),
  entries:
    count > 1 ? ['HostEndpoint a (n1, eth1)', 'HostEndpoint b (n2, eth1)'] : ['HostEndpoint a (n1, eth1)'],
  backends: [],
  boxes: stages.map((stage, i) => ({
    stage,
    title: stage,
    detail: `policy ${i}`,
    ...(i === decides ? { rule: 'ingress rule 0' } : {}),
    action: i === decides ? 'deny' : 'no-match',
    decides: i === decides,
  })),
});

describe('diagram layout', () => {
  it('places boxes left to right and lanes top to bottom, without overlap', () => {
    const d = layoutLanes([lane(3, ['preDnat', 'preDnat'], 1), lane(1, ['failsafe', 'futureStage', 'x'], 0)]);
    expect(d.lanes).toHaveLength(2);
    const [a, b] = d.lanes;
    expect(a?.boxes.map((x) => x.x)).toEqual([PAD, PAD + BOX_WIDTH + GAP]);
    expect((b?.y ?? 0) >= (a?.boxes[0]?.y ?? 0) + BOX_HEIGHT).toBe(true);
    for (const l of d.lanes)
      for (const box of l.boxes) expect(box.x + box.width).toBeLessThanOrEqual(d.width);
    expect(d.height).toBeGreaterThanOrEqual((b?.boxes[0]?.y ?? 0) + BOX_HEIGHT);
  });

  it('keeps "+N more" in a heading of long names, and every box line within its box', () => {
    const long = 'WorkloadEndpoint kube-system/calico-kube-controllers-5d4b8c6f7-abcde (kube-worker-node-1)';
    const base = lane(3, ['workloadIngress', 'preDnat'], 1);
    const wide: Lane = {
      ...base,
      entries: [long, long, long],
      backends: [long, long],
      boxes: base.boxes.map((b, i) =>
        i === 1 ? { ...b, action: 'end-of-tier-drop', detail: 'no applyOnForward policy applies here' } : b,
      ),
    };
    const d = layoutLanes([wide]);
    expect(d.lanes[0]?.heading).toMatch(/entry .*… \+2 more · backend .*… \+1 more$/);
    const box = d.lanes[0]?.boxes[1];
    // 22 characters for the 12 px name, 24 for the 11 px detail lines: 160 px of text in the box.
    expect(box?.lines.map((l) => l.length <= 24)).toEqual([true, true, true, true]);
    expect(box?.lines[3]).toBe('end-of-tier-drop ◀');
  });

  it('says how many paths a lane stands for and marks the deciding box', () => {
    const d = layoutLanes([lane(3, ['preDnat', 'preDnat'], 1)]);
    expect(d.lanes[0]?.heading).toBe('3 identical paths · Deny · entry HostEndpoint a (n1, eth1) +1 more');
    expect(d.lanes[0]?.boxes.map((x) => x.decides)).toEqual([false, true]);
    expect(d.lanes[0]?.boxes[1]?.lines).toEqual(['preDnat', 'policy 1', 'ingress rule 0', 'deny ◀ decides']);
  });

  it('shows the first NAT address of a grouped lane and counts the others', () => {
    const base = lane(3, ['dnat'], -1);
    const box = { ...base.boxes[0], stage: 'dnat', title: 'dnat', detail: '', action: 'nat', decides: false };
    const d = layoutLanes([
      { ...base, boxes: [{ ...box, nat: 'dst → 10.0.0.1:8080, 10.0.0.2:8080, 10.0.0.3:8080' }] },
    ]);
    expect(d.lanes[0]?.boxes[0]?.lines).toEqual(['dnat', 'dst → 10.0.0.1:8080', '+2 more', 'nat']);
    expect(d.lanes[0]?.boxes[0]?.tooltip).toContain('10.0.0.3:8080');
  });

  it('draws unknown stages like any other', () => {
    const d = layoutLanes([lane(1, ['someNewStage'], 0)]);
    expect(d.lanes[0]?.boxes[0]?.stage).toBe('someNewStage');
    expect(d.lanes[0]?.boxes[0]?.lines[0]).toBe('someNewStage');
  });

  it('grows to fit long headings and clips long box text', () => {
    const long = lane(1, ['preDnat'], 0);
    const wide = layoutLanes([{ ...long, entries: ['HostEndpoint '.repeat(8)] }]);
    expect(wide.width).toBeGreaterThan(layoutLanes([long]).width);
    expect(clip('GlobalNetworkPolicy whitelist', 10)).toBe('GlobalNet…');
    expect(clip('short', 10)).toBe('short');
    expect(layoutLanes([]).lanes).toEqual([]);
  });
});
