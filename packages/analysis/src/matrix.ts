/**
 * The connectivity matrix on classes: one evaluation per (source class, destination class) —
 * plus one for an endpoint paired with itself — expanded lazily into cells.
 */
import { AnalysisInputError } from './errors.js';
import {
  type EndpointModel,
  type EndpointRef,
  EvaluatorInputError,
  type MatrixQuery,
  matrixAddress,
  matrixQuery,
  type Verdict,
  type World,
} from './evaluator-seam.js';
import type { Partition } from './partition.js';
import type { ClassMatrix, EndpointQuery } from './types.js';

const refOf = (e: EndpointModel): EndpointRef =>
  e.kind === 'WorkloadEndpoint'
    ? {
        kind: e.kind,
        name: e.name,
        namespace: e.namespace,
        ...(e.node !== undefined ? { node: e.node } : {}),
      }
    : { kind: e.kind, name: e.name, node: e.node };

/** The evaluator's check of matrix options (the same as `World.matrix`'s), as an analysis error. */
function checkedQuery(opts: unknown, world: World): MatrixQuery {
  try {
    return matrixQuery(opts, world.model);
  } catch (e) {
    if (e instanceof EvaluatorInputError) throw new AnalysisInputError(e.issues);
    throw e;
  }
}

/**
 * Builds the lazy class matrix (same cells as `World.matrix`: each endpoint's first address, of
 * the protocol's IP version for ICMP and ICMPv6).
 *
 * @example
 * ```ts
 * declare const world: World; declare const part: Partition;
 * classMatrix(world, part, { protocol: 'TCP', port: 8080 }).verdict(0, 1);
 * ```
 */
export function classMatrix(
  world: World,
  part: Partition,
  opts: {
    readonly protocol: string | number;
    readonly port?: number;
    readonly icmp?: { readonly type: number; readonly code?: number };
    readonly endpoints?: readonly EndpointQuery[];
  },
): ClassMatrix {
  const query = checkedQuery(opts, world);
  const eps = query.endpoints ?? world.model.workloads;
  const ipOf = (e: EndpointModel) => matrixAddress(e, query.protocolNumber);
  const classByKey = new Map<string, number>();
  for (const c of part.classes)
    for (const iv of c.intervals)
      if (iv.lo === iv.hi) classByKey.set(`${iv.family}:${iv.lo.toString()}`, c.id);
  const classOf = new Int32Array(eps.length).fill(-1);
  for (const [i, e] of eps.entries()) {
    const ip = ipOf(e);
    if (ip) classOf[i] = classByKey.get(`${ip.version}:${BigInt(ip.value).toString()}`) ?? -1;
  }
  const cache = new Map<number, Verdict>();
  const n = part.classes.length + 1;
  const verdict = (i: number, j: number): Verdict => {
    const a = eps[i];
    const b = eps[j];
    if (!a || !b) throw new RangeError(`No cell (${i}, ${j}): the matrix has ${eps.length} endpoints.`);
    const s = ipOf(a);
    const d = ipOf(b);
    if (!s || !d || s.version !== d.version) return 'Deny';
    const ci = classOf[i] as number;
    const cj = classOf[j] as number;
    // An endpoint with itself is its own case; the class answers for every other pair.
    const key = ci < 0 || cj < 0 ? -1 : (ci * n + cj) * 2 + (i === j ? 1 : 0);
    const hit = key >= 0 ? cache.get(key) : undefined;
    if (hit) return hit;
    const v = world.evaluate({
      protocol: query.protocol,
      srcIp: s.text,
      dstIp: d.text,
      ...(query.port !== undefined ? { dstPort: query.port } : {}),
      ...(query.icmp !== undefined ? { icmp: query.icmp } : {}),
    }).verdict;
    if (key >= 0) cache.set(key, v);
    return v;
  };
  const members = new Map<number, number[]>();
  for (let i = 0; i < eps.length; i++) {
    const c = classOf[i] as number;
    const list = members.get(c);
    if (list) list.push(i);
    else members.set(c, [i]);
  }
  let counts: Map<Verdict, number> | undefined;
  const count = (v: Verdict): number => {
    if (!counts) {
      counts = new Map();
      const add = (x: Verdict, k: number) => counts?.set(x, (counts.get(x) ?? 0) + k);
      for (const [ci, is] of members)
        for (const [cj, js] of members) {
          if (ci < 0 || cj < 0) {
            for (const i of is) for (const j of js) add(verdict(i, j), 1);
            continue;
          }
          const i0 = is[0] as number;
          if (ci !== cj) {
            add(verdict(i0, js[0] as number), is.length * js.length);
            continue;
          }
          add(verdict(i0, i0), is.length);
          if (is.length > 1) add(verdict(i0, is[1] as number), is.length * (is.length - 1));
        }
    }
    return counts.get(v) ?? 0;
  };
  return { endpoints: eps.map(refOf), verdict, count, classes: members.size };
}
