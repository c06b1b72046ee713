/**
 * Sets of flows between two fixed addresses: boxes over (protocol, source port, destination
 * port), each dimension a sorted list of disjoint inclusive intervals. The lifted interpreter
 * splits lists of disjoint boxes by rule matches; a box minus a box is at most three boxes.
 */

/** Sorted, disjoint, inclusive intervals. */
export type Ivs = readonly (readonly [number, number])[];

/**
 * A product set: protocols × source ports × destination ports. For protocols without ports the
 * port dimensions are the whole line and never split (no port condition matches them).
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8080
 * liftPair(ctx, web, api, universe(new Set([6]), undefined, undefined)).map((r) => r.box);
 * // [{ p: [[6, 6]], s: [[0, 65535]], d: [[8080, 8080]] },                  (allowed)
 * //  { p: [[6, 6]], s: [[0, 65535]], d: [[0, 8079], [8081, 65535]] }]     (denied)
 * ```
 */
export interface Box {
  readonly p: Ivs;
  readonly s: Ivs;
  readonly d: Ivs;
}

/** Every port. */
export const ALL_PORTS: Ivs = [[0, 65535]];
/** Every protocol number. */
export const ALL_PROTOCOLS: Ivs = [[0, 255]];
/** The protocols with ports (TCP, UDP, SCTP), as the evaluator's `hasPorts`. */
export const PORTED: Ivs = [
  [6, 6],
  [17, 17],
  [132, 132],
];

/**
 * The intersection of two interval lists.
 *
 * @example
 * ```ts
 * ivsAnd([[0, 10]], [[5, 20]]); // [[5, 10]]
 * ```
 */
export function ivsAnd(a: Ivs, b: Ivs): Ivs {
  if (a === b || covers(a, b)) return b;
  if (covers(b, a)) return a;
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [al, ah] = a[i] as readonly [number, number];
    const [bl, bh] = b[j] as readonly [number, number];
    const lo = Math.max(al, bl);
    const hi = Math.min(ah, bh);
    if (lo <= hi) out.push([lo, hi]);
    if (ah < bh) i++;
    else j++;
  }
  return out;
}

/** Whether a single interval `a` holds every interval of `b` (the common "any port" case). */
function covers(a: Ivs, b: Ivs): boolean {
  if (a.length !== 1 || b.length === 0) return false;
  const [lo, hi] = a[0] as readonly [number, number];
  return (
    lo <= (b[0] as readonly [number, number])[0] && (b[b.length - 1] as readonly [number, number])[1] <= hi
  );
}

/**
 * `a` without `b`.
 *
 * @example
 * ```ts
 * ivsMinus([[0, 10]], [[5, 6]]); // [[0, 4], [7, 10]]
 * ```
 */
export function ivsMinus(a: Ivs, b: Ivs): Ivs {
  const out: [number, number][] = [];
  let j = 0;
  for (const [al, ah] of a) {
    let lo = al;
    while (j < b.length && (b[j] as readonly [number, number])[1] < lo) j++;
    let k = j;
    while (k < b.length && lo <= ah) {
      const [bl, bh] = b[k] as readonly [number, number];
      if (bl > ah) break;
      if (bl > lo) out.push([lo, bl - 1]);
      lo = bh + 1;
      k++;
    }
    if (lo <= ah) out.push([lo, ah]);
  }
  return out;
}

/**
 * The sorted, disjoint union of intervals (in any order, overlapping or not).
 *
 * @example
 * ```ts
 * ivsOf([[5, 9], [0, 5]]); // [[0, 9]]
 * ```
 */
export function ivsOf(list: readonly (readonly [number, number])[]): Ivs {
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/**
 * Whether a number lies in an interval list.
 *
 * @example
 * ```ts
 * ivsHas([[0, 10]], 3); // true
 * ```
 */
export function ivsHas(a: Ivs, x: number): boolean {
  for (const [lo, hi] of a) if (lo <= x && x <= hi) return true;
  return false;
}

/**
 * The intersection of two boxes, or undefined when empty.
 *
 * @example
 * ```ts
 * boxAnd({ p: [[6, 6]], s: ALL_PORTS, d: ALL_PORTS }, { p: ALL_PROTOCOLS, s: ALL_PORTS, d: [[80, 80]] });
 * ```
 */
export function boxAnd(a: Box, b: Box): Box | undefined {
  const p = a.p === b.p ? a.p : ivsAnd(a.p, b.p);
  if (p.length === 0) return undefined;
  const s = a.s === b.s ? a.s : ivsAnd(a.s, b.s);
  if (s.length === 0) return undefined;
  const d = a.d === b.d ? a.d : ivsAnd(a.d, b.d);
  if (d.length === 0) return undefined;
  return { p, s, d };
}

/**
 * `a` without `b`: at most three disjoint boxes (other protocols; other source ports; other
 * destination ports).
 *
 * @example
 * ```ts
 * boxMinus({ p: [[6, 6]], s: ALL_PORTS, d: ALL_PORTS }, { p: [[6, 6]], s: ALL_PORTS, d: [[80, 80]] }).length; // 1
 * ```
 */
export function boxMinus(a: Box, b: Box): Box[] {
  const pIn = ivsAnd(a.p, b.p);
  if (pIn.length === 0) return [a];
  const sIn = ivsAnd(a.s, b.s);
  if (sIn.length === 0) return [a];
  const dIn = ivsAnd(a.d, b.d);
  if (dIn.length === 0) return [a];
  const out: Box[] = [];
  const pOut = ivsMinus(a.p, b.p);
  if (pOut.length > 0) out.push({ p: pOut, s: a.s, d: a.d });
  const sOut = ivsMinus(a.s, b.s);
  if (sOut.length > 0) out.push({ p: pIn, s: sOut, d: a.d });
  const dOut = ivsMinus(a.d, b.d);
  if (dOut.length > 0) out.push({ p: pIn, s: sIn, d: dOut });
  return out;
}

/**
 * Splits disjoint boxes by a set (a union of boxes, possibly overlapping): the parts inside it
 * and the parts outside, each a list of disjoint boxes.
 *
 * @example
 * ```ts
 * const { hit, miss } = splitBoxes([{ p: [[6, 6]], s: ALL_PORTS, d: ALL_PORTS }], [{ p: ALL_PROTOCOLS, s: ALL_PORTS, d: [[80, 80]] }]);
 * ```
 */
export function splitBoxes(boxes: readonly Box[], by: readonly Box[]): { hit: Box[]; miss: Box[] } {
  const hit: Box[] = [];
  let miss: Box[] = [...boxes];
  for (const m of by) {
    if (miss.length === 0) break;
    const next: Box[] = [];
    for (const b of miss) {
      const x = boxAnd(b, m);
      if (x === undefined) {
        next.push(b);
        continue;
      }
      hit.push(x);
      for (const r of boxMinus(b, m)) next.push(r);
    }
    miss = next;
  }
  return { hit, miss };
}

/**
 * The intersection of two unions of boxes (pairwise).
 *
 * @example
 * ```ts
 * andAll([{ p: [[6, 6]], s: ALL_PORTS, d: ALL_PORTS }], [{ p: ALL_PROTOCOLS, s: ALL_PORTS, d: [[80, 80]] }]);
 * ```
 */
export function andAll(a: readonly Box[], b: readonly Box[]): Box[] {
  const out: Box[] = [];
  for (const x of a)
    for (const y of b) {
      const z = boxAnd(x, y);
      if (z) out.push(z);
    }
  return out;
}

/**
 * The flows of a space between two addresses: ported protocols with the space's ports, and
 * protocols without ports (whose port dimensions stay whole).
 *
 * @example
 * ```ts
 * universe(undefined, undefined, undefined).length; // 2
 * ```
 */
export function universe(
  protocols: ReadonlySet<number> | undefined,
  srcPort: Ivs | undefined,
  dstPort: Ivs | undefined,
): Box[] {
  const p = protocols ? ivsOf([...protocols].map((x) => [x, x] as const)) : [[1, 255] as const];
  const out: Box[] = [];
  const ported = ivsAnd(p, PORTED);
  const s = srcPort ? ivsOf(srcPort) : ALL_PORTS;
  const d = dstPort ? ivsOf(dstPort) : ALL_PORTS;
  if (ported.length > 0 && s.length > 0 && d.length > 0) out.push({ p: ported, s, d });
  const portless = ivsMinus(p, PORTED);
  if (portless.length > 0) out.push({ p: portless, s: ALL_PORTS, d: ALL_PORTS });
  return out;
}

/**
 * Whether a box holds protocols with ports (boxes never mix the two kinds).
 *
 * @example
 * ```ts
 * isPorted({ p: [[6, 6]], s: ALL_PORTS, d: ALL_PORTS }); // true
 * ```
 */
export function isPorted(b: Box): boolean {
  return ivsAnd(b.p, PORTED).length > 0;
}
