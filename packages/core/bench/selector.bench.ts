// Selector throughput over a synthetic cluster: 5,000 policy selectors (the shapes Calico
// policies use) parsed, printed and matched against 1,000 endpoint label maps, with the
// reference interpreter (matchSelector) versus the compiled closures (compileSelector).
import {
  compileSelector,
  matchSelector,
  parseSelector,
  printSelector,
  type SelectorNode,
} from '../src/selector/index.js';
import { fmt, measure, rng } from './measure.js';

const POLICIES = 5_000;
const ENDPOINTS = 1_000;

function makeSelectors(random: () => number): string[] {
  const pick = (n: number) => Math.floor(random() * n);
  const shapes: ((i: number) => string)[] = [
    () => `app == 'app-${pick(200)}'`,
    (i) => `projectcalico.org/namespace == 'ns-${pick(50)}' && app == 'app-${i % 200}'`,
    () => `role in {'frontend', 'backend', 'db-${pick(20)}'} && !has(quarantine)`,
    () => `ibm.role in {'worker_public', 'worker_private'}`,
    () => `has(app) && env != 'prod' && tier not in {'t${pick(5)}', 't${pick(5)}'}`,
    () => `(pcns.env == 'prod' || pcns.env == 'staging') && k8s-app starts with 'calico-${pick(3)}'`,
    () => `!(team contains 'x${pick(9)}' || version ends with '-rc')`,
    () => 'all()',
  ];
  return Array.from({ length: POLICIES }, (_, i) => shapes[pick(shapes.length)]!(i));
}

function makeEndpoints(random: () => number): Record<string, string>[] {
  const pick = (n: number) => Math.floor(random() * n);
  return Array.from({ length: ENDPOINTS }, () => {
    const labels: Record<string, string> = Object.create(null);
    labels['projectcalico.org/namespace'] = `ns-${pick(50)}`;
    labels.app = `app-${pick(200)}`;
    labels.role = ['frontend', 'backend', `db-${pick(20)}`][pick(3)]!;
    if (random() < 0.3) labels.env = ['prod', 'staging', 'dev'][pick(3)]!;
    if (random() < 0.2) labels.tier = `t${pick(5)}`;
    if (random() < 0.5) labels['pcns.env'] = ['prod', 'staging', 'dev'][pick(3)]!;
    if (random() < 0.2) labels['k8s-app'] = `calico-${pick(3)}-node`;
    if (random() < 0.1) labels.quarantine = '';
    return labels;
  });
}

export function run(): void {
  const random = rng(42);
  const texts = makeSelectors(random);
  const endpoints = makeEndpoints(random);
  const bytes = texts.reduce((n, t) => n + t.length, 0);

  const nodes: SelectorNode[] = texts.map((t) => {
    const r = parseSelector(t);
    if (!r.ok) throw new Error(r.issues[0]?.message);
    return r.value;
  });

  const parse = measure(texts.length, () => {
    let n = 0;
    for (const t of texts) if (parseSelector(t).ok) n++;
    return n;
  });
  const print = measure(nodes.length, () => {
    let n = 0;
    for (const node of nodes) n += printSelector(node).length;
    return n;
  });
  const compile = measure(nodes.length, () => {
    let n = 0;
    for (const node of nodes) if (compileSelector(node)) n++;
    return n;
  });

  const pairs = nodes.length * endpoints.length;
  const interpreted = measure(pairs, () => {
    let n = 0;
    for (const node of nodes) for (const labels of endpoints) if (matchSelector(node, labels)) n++;
    return n;
  });
  const compiledFns = nodes.map((node) => compileSelector(node));
  const compiled = measure(pairs, () => {
    let n = 0;
    for (const f of compiledFns) for (const labels of endpoints) if (f(labels)) n++;
    return n;
  });
  const plain = endpoints.map((l) => ({ ...l }));
  const compiledPlain = measure(pairs, () => {
    let n = 0;
    for (const f of compiledFns) for (const labels of plain) if (f(labels)) n++;
    return n;
  });
  const maps = endpoints.map((l) => new Map(Object.entries(l)));
  const compiledMaps = measure(pairs, () => {
    let n = 0;
    for (const f of compiledFns) for (const labels of maps) if (f(labels)) n++;
    return n;
  });
  let matched = 0;
  for (const f of compiledFns) for (const labels of endpoints) if (f(labels)) matched++;

  console.log(
    `${POLICIES} selectors (${(bytes / 1024).toFixed(0)} KiB of text), ${ENDPOINTS} endpoints, ${matched} of ${pairs} pairs match`,
  );
  console.log(
    `parseSelector          ${fmt(parse.rate)} selectors/s  (${((parse.rate * bytes) / texts.length / 1e6).toFixed(1)} MB/s)`,
  );
  console.log(`printSelector          ${fmt(print.rate)} selectors/s`);
  console.log(`compileSelector        ${fmt(compile.rate)} selectors/s`);
  console.log(`matchSelector          ${fmt(interpreted.rate)} evaluations/s`);
  console.log(
    `compiled (null-proto)  ${fmt(compiled.rate)} evaluations/s  (${(compiled.rate / interpreted.rate).toFixed(1)}x the interpreter)`,
  );
  console.log(
    `compiled (plain {})    ${fmt(compiledPlain.rate)} evaluations/s  (${(compiledPlain.rate / interpreted.rate).toFixed(1)}x the interpreter)`,
  );
  console.log(
    `compiled (Maps)        ${fmt(compiledMaps.rate)} evaluations/s  (${(compiledMaps.rate / interpreted.rate).toFixed(1)}x the interpreter)`,
  );
  console.log(
    `all ${POLICIES} policies against one endpoint: ${((POLICIES / compiled.rate) * 1e6).toFixed(0)} µs compiled, ${((POLICIES / interpreted.rate) * 1e6).toFixed(0)} µs interpreted`,
  );
}
