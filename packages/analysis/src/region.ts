/** Boxes of flows as the contract prints them, and merging boxes into few readable regions. */
import { PROTOCOL_NAMES, PROTOCOL_NUMBERS } from '@calico-dsl/core';
import { isPorted, ivsOf, type Box as LiftedBox } from './lifted/boxes.js';
import { type IpInterval, intervalToCidrs } from './sets/ip.js';
import type { PortInterval } from './space.js';
import type { FlowRegion, PortRange } from './types.js';

const NAMES = new Map<number, string>(PROTOCOL_NAMES.map((n) => [PROTOCOL_NUMBERS[n], n]));

/**
 * A protocol's name when it has one, else its number.
 *
 * @example
 * ```ts
 * protocolLabel(6); // 'TCP'
 * protocolLabel(47); // 47
 * ```
 */
export function protocolLabel(p: number): string | number {
  return NAMES.get(p) ?? p;
}

/** A box with numeric fields, before printing. */
export interface Box {
  readonly protocols: readonly number[];
  readonly src: readonly IpInterval[];
  readonly srcPort: readonly PortInterval[];
  readonly dst: readonly IpInterval[];
  readonly dstPort: readonly PortInterval[];
}

const ALL_PORTS: readonly PortInterval[] = [[0, 65535]];
/** Ports of a portless cell: the whole line (the contract ignores ports for such protocols). */
export const anyPort = ALL_PORTS;

/**
 * A lifted box's flows between two address sets, as a printable box: its protocols listed, its
 * ports kept for ported protocols (the whole line otherwise).
 *
 * @example
 * ```ts
 * declare const b: LiftedBox;
 * regionBox(b, srcIvs, dstIvs).protocols; // e.g. [6]
 * ```
 */
export function regionBox(b: LiftedBox, src: readonly IpInterval[], dst: readonly IpInterval[]): Box {
  const protocols: number[] = [];
  for (const [lo, hi] of b.p) for (let x = lo; x <= hi; x++) protocols.push(x);
  const ported = isPorted(b);
  return { protocols, src, srcPort: ported ? b.s : anyPort, dst, dstPort: ported ? b.d : anyPort };
}

function unionIps(a: readonly IpInterval[]): IpInterval[] {
  const sorted = [...a].sort((x, y) => x.family - y.family || (x.lo < y.lo ? -1 : x.lo > y.lo ? 1 : 0));
  const out: IpInterval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === iv.family && iv.lo <= last.hi + 1n) {
      if (iv.hi > last.hi) out[out.length - 1] = { family: iv.family, lo: last.lo, hi: iv.hi };
    } else out.push(iv);
  }
  return out;
}

const unionPorts = (a: readonly PortInterval[]): readonly PortInterval[] => ivsOf(a);

const ipsKey = (a: readonly IpInterval[]) =>
  unionIps(a)
    .map((i) => `${i.family}:${i.lo}-${i.hi}`)
    .join(',');
const portsKey = (a: readonly PortInterval[]) =>
  unionPorts(a)
    .map(([l, h]) => `${l}-${h}`)
    .join(',');
const protoKey = (a: readonly number[]) => [...a].sort((x, y) => x - y).join(',');

type Field = 'protocols' | 'src' | 'srcPort' | 'dst' | 'dstPort';
const KEYS: Record<Field, (b: Box) => string> = {
  protocols: (b) => protoKey(b.protocols),
  src: (b) => ipsKey(b.src),
  srcPort: (b) => portsKey(b.srcPort),
  dst: (b) => ipsKey(b.dst),
  dstPort: (b) => portsKey(b.dstPort),
};

function mergeAlong<T extends { box: Box }>(items: readonly T[], field: Field): T[] {
  const others = (Object.keys(KEYS) as Field[]).filter((f) => f !== field);
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = others.map((f) => KEYS[f](it.box)).join('|');
    const g = groups.get(k);
    if (g) g.push(it);
    else groups.set(k, [it]);
  }
  const out: T[] = [];
  for (const g of groups.values()) {
    const first = g[0] as T;
    if (g.length === 1) {
      out.push(first);
      continue;
    }
    const box: Box =
      field === 'protocols'
        ? { ...first.box, protocols: [...new Set(g.flatMap((x) => x.box.protocols))].sort((a, b) => a - b) }
        : field === 'src' || field === 'dst'
          ? { ...first.box, [field]: unionIps(g.flatMap((x) => x.box[field])) }
          : { ...first.box, [field]: unionPorts(g.flatMap((x) => x.box[field])) };
    out.push({ ...first, box });
  }
  return out;
}

/**
 * Merges disjoint boxes of equal meaning into few: first along ports, then addresses, then
 * protocols, repeated while it still helps.
 *
 * @example
 * ```ts
 * declare const items: { box: Box }[];
 * mergeBoxes(items).length <= items.length; // true
 * ```
 */
export function mergeBoxes<T extends { box: Box }>(items: readonly T[]): T[] {
  let cur = [...items];
  for (let round = 0; round < 3; round++) {
    const before = cur.length;
    for (const f of ['dstPort', 'srcPort', 'dst', 'src', 'protocols'] as const) cur = mergeAlong(cur, f);
    if (cur.length === before) break;
  }
  return cur;
}

const portRange = ([lo, hi]: PortInterval): PortRange => (lo === hi ? lo : [lo, hi]);

/**
 * A box as the contract's `FlowRegion`.
 *
 * @example
 * ```ts
 * declare const box: Box;
 * toRegion(box).dstIp; // CIDRs
 * ```
 */
export function toRegion(b: Box): FlowRegion {
  return {
    protocol: b.protocols.map(protocolLabel),
    srcIp: unionIps(b.src).flatMap(intervalToCidrs),
    srcPort: unionPorts(b.srcPort).map(portRange),
    dstIp: unionIps(b.dst).flatMap(intervalToCidrs),
    dstPort: unionPorts(b.dstPort).map(portRange),
  };
}
