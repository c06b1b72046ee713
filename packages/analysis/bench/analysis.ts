/**
 * `npm run bench` in packages/analysis: prints figures and ratios, asserts nothing.
 * - class matrix of N x N pods vs evaluating each cell (per-cell cost measured in the same run),
 *   exactness on sampled cells;
 * - diff (one policy removed) and lint on P policies x N pods, and how they grow.
 */
import { World } from '@calico-dsl/evaluator';
import { syntheticWorld } from '../../evaluator/bench/synthetic-world.js';
import { analyze, diff } from '../src/index.js';

let seed = 4242;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
// The acceptance benchmark's world (the evaluator bench's generator), with 8080 in every Allow.
const resources = (policies: number, pods: number) => syntheticWorld(policies, pods, { alsoAllow: 8080 });

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
};

function matrixBench(policies: number, pods: number): void {
  const { res, ips } = resources(policies, pods);
  const w = World.from(res);
  const sample = Array.from({ length: 20000 }, () => [rnd(pods), rnd(pods)] as const);
  const flow = (i: number, j: number) => ({
    protocol: 'TCP',
    srcIp: ips[i] as string,
    srcPort: 40000,
    dstIp: ips[j] as string,
    dstPort: 8080,
  });
  const [, tEval] = time(() => {
    for (const [i, j] of sample) w.evaluate(flow(i, j));
  });
  const perCell = tEval / sample.length;
  const [m, tMatrix] = time(() => analyze(w).matrix({ protocol: 'TCP', port: 8080 }));
  let wrong = 0;
  for (let k = 0; k < 5000; k++) {
    const i = rnd(pods);
    const j = rnd(pods);
    if (m.verdict(i, j) !== w.evaluate(flow(i, j)).verdict) wrong++;
  }
  const [, tCount] = time(() => m.count('Allow'));
  const ratio = (perCell * pods * pods) / tMatrix;
  console.log(
    `matrix ${pods} x ${pods}, ${policies} policies: ${tMatrix.toFixed(0)} ms, ${m.classes} classes, every cell counted in ${tCount.toFixed(0)} ms; one by one ~${((perCell * pods * pods) / 1000).toFixed(0)} s (${(perCell * 1000).toFixed(2)} us/cell) -> ${ratio.toFixed(0)}x (goal >= 100x); ${wrong}/5000 sampled cells disagree`,
  );
}

function diffLintBench(policies: number, pods: number): void {
  const { res } = resources(policies, pods);
  const w = World.from(res);
  const after = World.from(res.filter((r) => (r.metadata as { name?: string }).name !== 'gnp-7'));
  const [d, tDiff] = time(() => diff(w, after));
  const [l, tLint] = time(() => analyze(w).lint());
  console.log(
    `${String(policies).padStart(5)} policies x ${String(pods).padStart(5)} pods: diff ${tDiff.toFixed(0).padStart(6)} ms (${d.changes.length} regions), lint ${tLint.toFixed(0).padStart(6)} ms (${l.length} findings)`,
  );
}

matrixBench(1000, 10000);
console.log('\ndiff (one policy removed) and lint, growth (goal at 1k x 1k: <= 2 s each):');
for (const [p, n] of [
  [250, 1000],
  [500, 1000],
  [1000, 1000],
  [1000, 2000],
  [1000, 4000],
] as const)
  diffLintBench(p, n);
