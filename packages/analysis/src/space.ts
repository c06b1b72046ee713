/** A `FlowSpace` read into numbers: protocol set, address intervals, port intervals. */
import type { Issue } from '@calico-dsl/core';
import { PROTOCOL_NAMES, PROTOCOL_NUMBERS, plainCopy } from '@calico-dsl/core';
import { AnalysisInputError } from './errors.js';
import { type IpInterval, parseCidrInterval } from './sets/ip.js';
import type { FlowSpace, PortRange } from './types.js';

/** An inclusive port range. */
export type PortInterval = readonly [number, number];

/** A space with every field read; `undefined` = anything. */
export interface NormSpace {
  readonly protocols: ReadonlySet<number> | undefined;
  readonly src: readonly IpInterval[] | undefined;
  readonly dst: readonly IpInterval[] | undefined;
  readonly srcPort: readonly PortInterval[] | undefined;
  readonly dstPort: readonly PortInterval[] | undefined;
}

const BY_NAME: ReadonlyMap<string, number> = new Map(
  PROTOCOL_NAMES.map((n) => [n.toUpperCase(), PROTOCOL_NUMBERS[n]]),
);

/**
 * A protocol as a flow may name it (any case, or a number 1–255); `undefined` when unknown.
 *
 * @example
 * ```ts
 * protocolOf('tcp'); // 6
 * ```
 */
export function protocolOf(p: string | number): number | undefined {
  if (typeof p === 'number') return Number.isInteger(p) && p >= 1 && p <= 255 ? p : undefined;
  if (/^\d{1,3}$/.test(p)) return protocolOf(Number(p));
  return BY_NAME.get(p.toUpperCase());
}

/** The keys of a {@link FlowSpace}. */
const SPACE_KEYS = [
  'protocol',
  'srcIp',
  'dstIp',
  'srcPort',
  'dstPort',
] as const satisfies readonly (keyof FlowSpace)[];

/**
 * Reads a space; throws {@link AnalysisInputError} listing every bad field.
 *
 * @example
 * ```ts
 * readSpace({ dstPort: [[30000, 32767]] }).dstPort; // [[30000, 32767]]
 * ```
 */
export function readSpace(space: FlowSpace | undefined): NormSpace {
  const issues: Issue[] = [];
  const bad = (path: (string | number)[], message: string) =>
    issues.push({ code: 'invalid_flow', path, message });
  // Read as plain data: a getter or Proxy that throws, a bigint, a cycle is an issue at its field.
  const copy = plainCopy(space === undefined ? {} : space);
  if (copy.problems.length > 0)
    throw new AnalysisInputError(
      copy.problems.map((p) => ({ code: 'invalid_flow' as const, path: [...p.path], message: p.message })),
    );
  const s = copy.value as FlowSpace;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) {
    throw new AnalysisInputError([
      {
        code: 'invalid_flow',
        path: [],
        message: 'The space must be an object like { protocol: ["TCP"], dstPort: [80] }.',
      },
    ]);
  }
  // A misspelt key would otherwise widen the space to every flow without a word.
  for (const key of Object.keys(s))
    if (!(SPACE_KEYS as readonly string[]).includes(key)) {
      const meant = SPACE_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
      bad(
        [key],
        `Unknown key ${JSON.stringify(key)}${meant !== undefined ? ` (did you mean ${meant}?)` : ''}: a space has ${SPACE_KEYS.join(', ')}.`,
      );
    }
  const list = <T>(key: keyof FlowSpace): readonly T[] | undefined => {
    const v = s[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.length === 0) {
      bad([key], `${key} must be a non-empty list (leave it out to mean anything).`);
      return undefined;
    }
    return v as readonly T[];
  };
  let protocols: Set<number> | undefined;
  const protoList = list<string | number>('protocol');
  if (protoList) {
    protocols = new Set();
    for (const [i, p] of protoList.entries()) {
      const n = typeof p === 'string' || typeof p === 'number' ? protocolOf(p) : undefined;
      if (n === undefined)
        bad(
          ['protocol', i],
          `Unknown protocol ${JSON.stringify(p)}: use TCP, UDP, SCTP, ICMP, ICMPv6, UDPLite or a number 1-255.`,
        );
      else protocols.add(n);
    }
  }
  const cidrs = (key: 'srcIp' | 'dstIp'): IpInterval[] | undefined => {
    const l = list<string>(key);
    if (!l) return undefined;
    const out: IpInterval[] = [];
    for (const [i, c] of l.entries()) {
      const iv = typeof c === 'string' ? parseCidrInterval(c) : undefined;
      if (!iv)
        bad(
          [key, i],
          `${JSON.stringify(c)} is not a CIDR or an IP address (e.g. 10.0.0.0/8, 2001:db8::/32).`,
        );
      else out.push(iv);
    }
    return out;
  };
  const ports = (key: 'srcPort' | 'dstPort'): PortInterval[] | undefined => {
    const l = list<PortRange>(key);
    if (!l) return undefined;
    const out: PortInterval[] = [];
    const isPort = (n: unknown): n is number =>
      typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 65535;
    for (const [i, p] of l.entries()) {
      const [lo, hi] = Array.isArray(p) ? p : [p, p];
      if (!isPort(lo) || !isPort(hi))
        bad([key, i], `${JSON.stringify(p)} is not a port 0-65535 or a range [from, to].`);
      else if (lo > hi) bad([key, i], `The range ${JSON.stringify(p)} is inverted: write [${hi}, ${lo}].`);
      else out.push([lo, hi]);
    }
    return out;
  };
  const norm: NormSpace = {
    protocols,
    src: cidrs('srcIp'),
    dst: cidrs('dstIp'),
    srcPort: ports('srcPort'),
    dstPort: ports('dstPort'),
  };
  if (issues.length > 0) throw new AnalysisInputError(issues);
  return norm;
}
