/**
 * ICMP types and codes in `diff`: flows the lifted space leaves out (its ICMP flows carry no
 * type), compared by evaluating each class pair once per type and code the worlds' rules name.
 * A type no rule names matches every rule as a typeless flow does, so the lifted changes cover it
 * when conntrack takes its first packet as a typeless one (a request that opens a connection, or
 * an ICMPv6 type it leaves untracked); the types it calls INVALID (an echo reply, an error: the
 * evaluator's `icmpFirstPacket`) that no rule names are one more atom, which stands for them all.
 */
import { addressPairs } from './cells.js';
import {
  type Flow,
  ICMP_REQUEST_REPLY,
  ICMPV6_UNTRACKED_TYPES,
  icmpFirstPacket,
  namedIcmpTypes,
  type RuleModel,
  type Verdict,
  WORKLOAD_TO_HOST_ICMPV6_TYPES,
  type World,
  type WorldModel,
} from './evaluator-seam.js';
import type { IpClass } from './partition.js';
import { addressesOf, formatIp, type IpInterval, ivsContain, without } from './sets/ip.js';

/** An ICMP type, with a code when a rule names one. */
export type IcmpAtom = { readonly type: number; readonly code?: number };

/**
 * The ICMP protocol of a family's addresses: ICMP (1) for IPv4, ICMPv6 (58) for IPv6.
 *
 * @example
 * ```ts
 * icmpProtocol(6); // 58
 * ```
 */
export const icmpProtocol = (family: 4 | 6): 1 | 58 => (family === 4 ? 1 : 58);

/** The ping of one type (and code) from `x` to `y`, addresses of a `family` class. */
function icmpFlow(family: 4 | 6, icmp: IcmpAtom, x: bigint, y: bigint): Flow & { readonly icmp: IcmpAtom } {
  return {
    protocol: family === 4 ? 'ICMP' : 'ICMPv6',
    srcIp: formatIp(family, x),
    dstIp: formatIp(family, y),
    icmp,
  };
}

/**
 * The types (and type/code pairs) the worlds' rules match on (`icmp`, `notICMP`), per protocol,
 * with both types of a request and its reply when one is named and untracked policy answers
 * requests with replies; with `felix`, also the ICMPv6 types Felix accepts from a pod to its host whatever its
 * policy, when a world has an IPv6 pod (so that a typed flow stands for each type that decides apart),
 * the ICMPv6 types conntrack leaves untracked when a world has untracked policy (their reply legs
 * meet policy), and, when a world drops conntrack's INVALID packets (`conntrackInvalidDrop`), per protocol one
 * type conntrack cannot open a connection with that no rule names ({@link isInvalidStandIn}): its
 * first packet is INVALID, dropped at the first tracked chain, unlike a typeless flow.
 *
 * @example
 * ```ts
 * declare const model: WorldModel;
 * icmpAtoms([model]).get(1); // e.g. [{ type: 8 }, { type: 3 }, { type: 3, code: 1 }]
 * ```
 */
export function icmpAtoms(models: readonly WorldModel[], felix = false): Map<number, IcmpAtom[]> {
  const out = new Map<number, Map<string, IcmpAtom>>();
  const add = (protocol: number | undefined, m: RuleModel['icmp']) => {
    if (m?.type === undefined || (protocol !== 1 && protocol !== 58)) return;
    let atoms = out.get(protocol);
    if (!atoms) {
      atoms = new Map();
      out.set(protocol, atoms);
    }
    atoms.set(`${m.type}`, { type: m.type });
    if (m.code !== undefined) atoms.set(`${m.type}/${m.code}`, { type: m.type, code: m.code });
  };
  for (const model of models) {
    for (const [protocol, named] of namedIcmpTypes(model)) for (const m of named) add(protocol, m);
    if (felix && model.workloads.some((w) => w.ips.some((ip) => ip.version === 6)))
      for (const type of WORKLOAD_TO_HOST_ICMPV6_TYPES) add(58, { type });
    if (!model.policies.some((p) => p.doNotTrack)) continue;
    // An untracked request's reply leg has its reply type (the evaluator's `icmpReplyType`: 8 → 0,
    // 13 → 14, 128 → 129, …): a rule on either type decides the request's type apart.
    for (const [protocol, request, reply] of ICMP_REQUEST_REPLY) {
      const atoms = out.get(protocol);
      if (atoms?.has(`${reply}`) || atoms?.has(`${request}`)) {
        add(protocol, { type: request });
        add(protocol, { type: reply });
      }
    }
    // The reply of an ICMPv6 type conntrack leaves untracked meets policy where a typeless reply
    // is INVALID (the evaluator's `replyInvalid`).
    if (felix) for (const type of ICMPV6_UNTRACKED_TYPES) add(58, { type });
  }
  if (felix && models.some((m) => m.conntrackInvalidDrop))
    for (const protocol of [1, 58] as const) {
      const named = out.get(protocol);
      const type = INVALID_FIRST[protocol].find((t) => !named?.has(`${t}`));
      if (type === undefined) continue;
      const atoms = named ?? new Map<string, IcmpAtom>();
      const atom: IcmpAtom = { type };
      STAND_INS.add(atom);
      atoms.set(`${type}`, atom);
      out.set(protocol, atoms);
    }
  return new Map([...out].map(([p, atoms]) => [p, [...atoms.values()]]));
}

/**
 * The types conntrack calls INVALID as a first packet (the evaluator's `icmpFirstPacket`), the
 * readable ones first (echo reply, destination unreachable, time exceeded).
 */
const INVALID_FIRST = {
  1: invalidTypes(1, [0, 3, 11]),
  58: invalidTypes(58, [129, 1, 3]),
} as const;

function invalidTypes(protocol: 1 | 58, first: readonly number[]): readonly number[] {
  const all = Array.from({ length: 256 }, (_, t) => t).filter((t) => !first.includes(t));
  return [...first, ...all].filter((t) => icmpFirstPacket(protocol, t) === 'invalid');
}

const STAND_INS = new WeakSet<IcmpAtom>();

/**
 * Whether an atom of {@link icmpAtoms} stands for every type conntrack calls INVALID that no rule
 * names (its changes hold for each of them), not for its own type alone.
 *
 * @example
 * ```ts
 * const atoms = icmpAtoms([model], true).get(1) ?? [];
 * atoms.filter(isInvalidStandIn).map((a) => a.type); // [0] when no rule names type 0
 * ```
 */
export function isInvalidStandIn(atom: IcmpAtom): boolean {
  return STAND_INS.has(atom);
}

/** A typed ICMP flow of one class pair whose verdict differs between the worlds. */
export interface IcmpFound {
  readonly protocol: number;
  readonly icmp: IcmpAtom;
  readonly src: readonly IpInterval[];
  readonly dst: readonly IpInterval[];
  readonly before: Verdict;
  readonly after: Verdict;
  readonly witness: Flow;
}

/**
 * The typed ICMP flows of one class pair, with their addresses: each representative address pair
 * (a class with itself: two addresses, and one address to itself) with each atom of its family.
 *
 * @example
 * ```ts
 * typedIcmpFlows(s, s.intervals, d, d.intervals, icmpAtoms([model])).map(({ flow }) => flow.icmp);
 * ```
 */
export function typedIcmpFlows(
  s: IpClass,
  sIvs: readonly IpInterval[],
  d: IpClass,
  dIvs: readonly IpInterval[],
  atoms: ReadonlyMap<number, readonly IcmpAtom[]>,
): { readonly flow: Flow & { readonly icmp: IcmpAtom }; readonly src: bigint; readonly dst: bigint }[] {
  return (atoms.get(icmpProtocol(s.family)) ?? []).flatMap((icmp) =>
    addressPairs(s, sIvs, d, dIvs).map(([x, y]) => ({
      flow: icmpFlow(s.family, icmp, x, y),
      src: x,
      dst: y,
    })),
  );
}

/**
 * The typed ICMP changes of one class pair, per atom of its family, evaluated in both worlds on
 * its representative address pairs. A class with itself has two: two of its addresses, and one
 * address to itself (a pod's own address is loopback). When those change alike, the change holds
 * for the whole pair; else each source address is written apart (up to `limit` addresses; past
 * that `notes` says the region also covers the self flows) and the self flows per address.
 *
 * @example
 * ```ts
 * icmpChangesOfPair(before, after, s, s.intervals, d, d.intervals, icmpAtoms([before.model, after.model]), 16, []);
 * ```
 */
export function icmpChangesOfPair(
  before: World,
  after: World,
  s: IpClass,
  sIvs: readonly IpInterval[],
  d: IpClass,
  dIvs: readonly IpInterval[],
  atoms: ReadonlyMap<number, readonly IcmpAtom[]>,
  limit: number,
  notes: string[],
): IcmpFound[] {
  const protocol = icmpProtocol(s.family);
  const out: IcmpFound[] = [];
  const push = (
    icmp: IcmpAtom,
    src: readonly IpInterval[],
    dst: readonly IpInterval[],
    witness: Flow,
    b: Verdict,
    a: Verdict,
  ) => out.push({ protocol, icmp, src, dst, before: b, after: a, witness });
  const one = (x: bigint) => [{ family: s.family, lo: x, hi: x }];
  const byAtom = new Map<IcmpAtom, { x: bigint; y: bigint; b: Verdict; a: Verdict; witness: Flow }[]>();
  for (const { flow: witness, src: x, dst: y } of typedIcmpFlows(s, sIvs, d, dIvs, atoms)) {
    const list = byAtom.get(witness.icmp) ?? [];
    list.push({ x, y, b: before.evaluate(witness).verdict, a: after.evaluate(witness).verdict, witness });
    byAtom.set(witness.icmp, list);
  }
  for (const [icmp, results] of byAtom) {
    const pair = results.find((r) => r.x !== r.y);
    const self = results.find((r) => r.x === r.y);
    if (!pair) {
      // A single address with itself.
      if (self && self.b !== self.a) push(icmp, one(self.x), one(self.x), self.witness, self.b, self.a);
      continue;
    }
    const alike = !self || (self.b === pair.b && self.a === pair.a);
    if (alike) {
      if (pair.b !== pair.a) push(icmp, sIvs, dIvs, pair.witness, pair.b, pair.a);
      continue;
    }
    const xs = addressesOf(sIvs, limit);
    if (xs === undefined) {
      if (pair.b !== pair.a) push(icmp, sIvs, dIvs, pair.witness, pair.b, pair.a);
      notes.push(
        `the ICMP type ${icmp.type} changes between the addresses of one class (${pair.witness.srcIp}, …) are reported as one region, which also covers each address's flows to itself; those differ (a pod's own address is loopback)`,
      );
      continue;
    }
    for (const x of xs) {
      const others = without(dIvs, x);
      const y = others[0]?.lo;
      if (pair.b !== pair.a && y !== undefined)
        push(icmp, one(x), others, icmpFlow(s.family, icmp, x, y), pair.b, pair.a);
      if (self && self.b !== self.a && ivsContain(dIvs, x))
        push(icmp, one(x), one(x), icmpFlow(s.family, icmp, x, x), self.b, self.a);
    }
  }
  return out;
}
