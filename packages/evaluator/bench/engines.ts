/**
 * Engine benchmark on the acceptance benchmark's synthetic worlds. Prints figures and ratios,
 * asserts nothing: per-flow cost of the compiled and reference engines at 1k policies × 1k
 * pods, growth at 10k policies, the per-flow cost over one hash lookup of the flow key (the
 * acceptance floor), build of 5k policies × 10k pods, a 1k × 1k `world.matrix`, and heap bytes per
 * rule (needs `--expose-gc`; the `bench` script passes it).
 * Run: npm run bench -w @calico-dsl/evaluator
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type Flow, World } from '../src/index.js';
import { syntheticWorld } from './synthetic-world.js';

let seed = 12345;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};

const world = (policies: number, pods: number) => syntheticWorld(policies, pods);

function flows(ips: string[], n: number): Flow[] {
  return Array.from({ length: n }, () => ({
    protocol: 'TCP',
    srcIp: ips[rnd(ips.length)] as string,
    srcPort: 40000,
    dstIp: ips[rnd(ips.length)] as string,
    dstPort: rnd(2) ? 8000 + rnd(200) : 9000 + rnd(220),
  }));
}

function perFlow(w: World, fs: readonly Flow[]): { us: number; verdicts: string[] } {
  const verdicts: string[] = [];
  const t0 = performance.now();
  for (const f of fs) verdicts.push(w.evaluate(f).verdict);
  return { us: ((performance.now() - t0) * 1000) / fs.length, verdicts };
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

/**
 * Run and run-queue wait, in nanoseconds, of this thread and of the process's other threads
 * together (Linux `schedstat`: run time, then wait); `undefined` where the files do not exist.
 * On a 2-vCPU machine the other threads' run time in the window is V8's optimising compiles,
 * and this thread's wait is the time they took the CPU from the flow loop.
 */
function threadTimesNs(): { wait: number; othersRun: number } | undefined {
  try {
    const self = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    let othersRun = 0;
    for (const task of readdirSync('/proc/self/task')) {
      const [run] = readFileSync(`/proc/self/task/${task}/schedstat`, 'utf8').split(' ').map(Number);
      othersRun += run ?? 0;
    }
    return { wait: self[1] ?? 0, othersRun: othersRun - (self[0] ?? 0) };
  } catch {
    return undefined;
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

const small = world(1000, 1000);
const big = world(10000, 1000);
const fsSmall = flows(small.ips, 3000);
const fsBig = flows(big.ips, 3000);

// Same order as the acceptance check: 300 warm-up flows, then 3000 measured (first touch of
// endpoints and JIT warm-up included), the reference on 300.
const [compiled, buildMs] = timed(() => World.from(small.res));
const reference = World.from(small.res, { engine: 'reference' });
perFlow(compiled, fsSmall.slice(0, 300));
const timesBefore = threadTimesNs();
const c = perFlow(compiled, fsSmall);
const timesAfter = threadTimesNs();
const flowWindow =
  timesBefore === undefined || timesAfter === undefined
    ? undefined
    : {
        waitedMs: (timesAfter.wait - timesBefore.wait) / 1e6,
        compileMs: (timesAfter.othersRun - timesBefore.othersRun) / 1e6,
      };
const r = perFlow(reference, fsSmall.slice(0, 300));
const [compiledBig, buildBigMs] = timed(() => World.from(big.res));
perFlow(compiledBig, fsBig.slice(0, 300));
const cb = perFlow(compiledBig, fsBig);
// Steady state: the same flows again, everything built and optimised; the median of five
// rounds (one round of 3000 flows is ~1 ms, so a single GC or late compile moves it 2-5x).
function steady(w: World, fs: readonly Flow[]): { us: number } {
  const rounds = Array.from({ length: 5 }, () => perFlow(w, fs).us).sort((a, b) => a - b);
  return { us: rounds[2] as number };
}
const cWarm = steady(compiled, fsSmall);
const cbWarm = steady(compiledBig, fsBig);
const disagree = r.verdicts.filter((v, i) => v !== c.verdicts[i]).length;

const huge = world(5000, 10000);
const [, hugeMs] = timed(() => World.from(huge.res));

const [matrix, matrixMs] = timed(() => compiled.matrix({ protocol: 'TCP', port: 8000 }));
const allowed = matrix.cells.flat().filter((v) => v === 'Allow').length;

// Heap per rule: a world with 5k policies (15k rules) minus the same world without policies.
// The pods-only world is released before the other is built: that one builds its own 1k pods,
// and keeping both would count those pods (~100 bytes per rule here) as policy cost.
const rules = 5000 * 3;
const pods = world(0, 1000).res;
const withPolicies = world(5000, 1000).res;
const base = heapUsed();
const held: { world: World | undefined } = { world: World.from(pods) };
const podsOnly = heapUsed() - base;
held.world = undefined;
const keepAll = World.from(withPolicies);
const all = heapUsed() - base - podsOnly;
keepAll.evaluate({ protocol: 'TCP', srcIp: '10.1.0.1', dstIp: '10.1.0.2', dstPort: 8001 });
for (const f of flows(world(0, 1000).ips, 3000)) keepAll.evaluate(f);
const afterFlows = heapUsed() - base - podsOnly;

// The acceptance check's floor: one hash lookup of a flow's 5-tuple key, measured in this run
// (the key built inline, as there).
const table = new Map(
  fsSmall.map((f, i) => [`${f.protocol}|${f.srcIp}|${f.srcPort}|${f.dstIp}|${f.dstPort}`, i]),
);
let sink = 0;
const [, floorMs] = timed(() => {
  for (let round = 0; round < 20; round++)
    for (const f of fsSmall)
      sink += table.get(`${f.protocol}|${f.srcIp}|${f.srcPort}|${f.dstIp}|${f.dstPort}`) ?? 0;
});
const floorUs = (floorMs * 1000) / (20 * fsSmall.length);

const f1 = (n: number) => n.toFixed(1);
console.log(`reference/compiled disagreements: ${disagree}/${r.verdicts.length}`);
console.log(
  `1k policies x 1k pods: compiled ${f1(c.us)} us/flow (steady ${f1(cWarm.us)}), reference ${f1(r.us)} us/flow -> compiled ${f1(r.us / c.us)}x faster (steady ${f1(r.us / cWarm.us)}x; goal >= 20x)`,
);
console.log(
  `10k policies x 1k pods: compiled ${f1(cb.us)} us/flow (steady ${f1(cbWarm.us)}) -> 10x policies costs ${(cb.us / c.us).toFixed(2)}x per flow (steady ${(cbWarm.us / cWarm.us).toFixed(2)}x; goal <= 2x)`,
);
console.log(
  `floor: one hash lookup of the flow key ${floorUs.toFixed(3)} us (sink ${sink % 7}): first 3000 flows ${f1(c.us / floorUs)}x the floor, steady ${f1(cWarm.us / floorUs)}x (goal <= 5x)`,
);
// The first 3000 flows run mostly in baseline code while V8 compiles the per-flow functions on
// its worker threads; with two vCPUs the flow loop then waits for a CPU (evaluator README,
// "Third round" to "Fifth round"). What the figure would be without that wait:
if (flowWindow !== undefined) {
  const ownUs = c.us - (flowWindow.waitedMs * 1000) / fsSmall.length;
  console.log(
    `first 3000 flows: the flow loop waited ${flowWindow.waitedMs.toFixed(1)} ms for a CPU (run-queue wait) while the other threads ran ${flowWindow.compileMs.toFixed(1)} ms; without the wait ${f1(ownUs)} us/flow, ${f1(ownUs / floorUs)}x the floor`,
  );
}
console.log(
  `build: 1k x 1k ${buildMs.toFixed(0)} ms, 10k x 1k ${buildBigMs.toFixed(0)} ms, 5k policies x 10k pods ${hugeMs.toFixed(0)} ms (goal <= 1000 ms)`,
);
console.log(
  `matrix 1k x 1k (TCP 8000, ${matrix.cells.length ** 2} cells, ${allowed} Allow): ${matrixMs.toFixed(0)} ms (goal <= 1000 ms)`,
);
if (gc) {
  console.log(
    `heap: ${f1(all / rules)} bytes per rule after build, ${f1(afterFlows / rules)} after 3000 flows (5k policies, ${rules} rules; goal <= 200)`,
  );
} else console.log('heap: run with --expose-gc for bytes per rule');
