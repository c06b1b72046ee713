/**
 * Engine benchmark: builds the acceptance benchmark's synthetic worlds and prints per-flow
 * costs and ratios (compiled vs reference; 10× policies). Prints figures, asserts nothing.
 * Run: npm run bench -w @calico-dsl/evaluator
 */
import { performance } from 'node:perf_hooks';
import { type Flow, World } from '../src/index.js';

let seed = 12345;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};

function world(policies: number, pods: number): { res: unknown[]; ips: string[] } {
  const res: unknown[] = [];
  for (let i = 0; i < 20; i++)
    res.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: `ns-${i}`, labels: { team: `t${i % 5}` } },
    });
  const ips: string[] = [];
  for (let j = 0; j < pods; j++) {
    const ip = `10.${1 + (j >> 16)}.${(j >> 8) & 255}.${j & 255}`;
    ips.push(ip);
    res.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `p-${j}`,
        namespace: `ns-${j % 20}`,
        labels: { app: `app${j % 100}`, tier: ['web', 'api', 'db'][j % 3] },
      },
      spec: { nodeName: `node-${j % 20}`, containers: [{ name: 'c', ports: [{ containerPort: 8080 }] }] },
      status: { podIP: ip },
    });
  }
  for (let k = 0; k < policies; k++) {
    const port = 8000 + (k % 200);
    res.push({
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkPolicy',
      metadata: { name: `gnp-${k}` },
      spec: {
        order: k % 1000,
        selector: `app == "app${k % 100}"`,
        types: ['Ingress', 'Egress'],
        ingress: [
          { action: 'Deny', protocol: 'TCP', source: { nets: [`10.9.${k % 256}.0/24`] } },
          {
            action: 'Allow',
            protocol: 'TCP',
            source: { selector: `tier == "${['web', 'api', 'db'][k % 3]}"` },
            destination: { ports: [port, `${port + 1000}:${port + 1010}`] },
          },
        ],
        egress: [{ action: 'Allow' }],
      },
    });
  }
  return { res, ips };
}

function flows(ips: string[], n: number): Flow[] {
  return Array.from({ length: n }, () => ({
    protocol: 'TCP',
    srcIp: ips[rnd(ips.length)] as string,
    srcPort: 40000,
    dstIp: ips[rnd(ips.length)] as string,
    dstPort: rnd(2) ? 8000 + rnd(200) : 9000 + rnd(220),
  }));
}

function perFlow(w: World, fs: Flow[]): number {
  const t0 = performance.now();
  for (const f of fs) w.evaluate(f);
  return ((performance.now() - t0) * 1000) / fs.length;
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

const small = world(1000, 1000);
const big = world(10000, 1000);
const fs = flows(small.ips, 3000);
const [compiled, buildMs] = timed(() => World.from(small.res));
const reference = World.from(small.res, { engine: 'reference' });
const [compiledBig, buildBigMs] = timed(() => World.from(big.res));
perFlow(compiled, fs.slice(0, 300));
perFlow(compiledBig, fs.slice(0, 300));
const c = perFlow(compiled, fs);
const r = perFlow(reference, fs.slice(0, 300));
const cb = perFlow(compiledBig, flows(big.ips, 3000));
console.log(`build: 1k policies x 1k pods ${buildMs.toFixed(0)} ms; 10k x 1k ${buildBigMs.toFixed(0)} ms`);
console.log(
  `compiled ${c.toFixed(1)} us/flow, reference ${r.toFixed(1)} us/flow -> ${(r / c).toFixed(1)}x (acceptance goal >= 20x)`,
);
console.log(
  `10x policies: ${cb.toFixed(1)} us/flow -> ${(cb / c).toFixed(2)}x per flow (acceptance goal <= 2x)`,
);
