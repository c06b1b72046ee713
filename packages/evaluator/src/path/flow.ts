/** The flow a user asks about, and its normalisation into a {@link Packet}. */
import { describeThrown, type Issue, plainCopy } from '@calico-dsl/core';
import type { Packet } from '../match/packet.js';
import { checkIcmp } from '../net/icmp.js';
import { type Ip, parseIp } from '../net/ip.js';
import { flowProtocolNumber, hasPorts, protocolName } from '../net/protocol.js';

/**
 * One connection attempt (its first packet), as in the contract.
 *
 * @example
 * ```ts
 * // What World.evaluate takes; a flow the world cannot read is an issue, not a throw:
 * World.from([]).evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.10.20', dstPort: 80 }).verdict; // 'Allow' (no policy, no endpoint: nothing polices it)
 * World.from([]).evaluate({ protocol: 'TCP', srcIp: 'nope', dstIp: '169.46.10.20', dstPort: 80 }).issues[0]?.path; // ['srcIp']
 * ```
 */
export interface Flow {
  readonly protocol: 'TCP' | 'UDP' | 'SCTP' | 'ICMP' | 'ICMPv6' | (string & {}) | number;
  readonly srcIp: string;
  readonly srcPort?: number;
  readonly dstIp: string;
  readonly dstPort?: number;
  /** Where the packet enters the cluster (pins the entry host endpoint). */
  readonly via?: { readonly node: string; readonly interface?: string };
  readonly icmp?: { readonly type: number; readonly code?: number };
}

/**
 * The flow as one line (`TCP 10.0.0.1:40000 → 10.0.0.2:80 via node-1/eth1`), for `explain()`.
 *
 * @example
 * ```ts
 * flowText({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 }); // 'TCP 10.0.0.1 → 10.0.0.2:80'
 * flowText({ protocol: 'ICMP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', icmp: { type: 8 } }); // 'ICMP 10.0.0.1 → 10.0.0.2 type 8'
 * ```
 */
export function flowText(f: Flow): string {
  const proto = typeof f.protocol === 'number' ? protocolName(f.protocol) : f.protocol;
  const src = `${f.srcIp}${f.srcPort !== undefined ? `:${f.srcPort}` : ''}`;
  const dst = `${f.dstIp}${f.dstPort !== undefined ? `:${f.dstPort}` : ''}`;
  const icmp = f.icmp ? ` type ${f.icmp.type}${f.icmp.code !== undefined ? ` code ${f.icmp.code}` : ''}` : '';
  const via = f.via ? ` via ${f.via.node}${f.via.interface !== undefined ? `/${f.via.interface}` : ''}` : '';
  return `${String(proto)} ${src} → ${dst}${icmp}${via}`;
}

/**
 * The flow a packet was made from, as {@link flowText} writes it when the caller's flow object
 * no longer reads as that packet (changed, or a getter that answers differently each time).
 *
 * @example
 * ```ts
 * flowTextOf(flow, packet); // flowText(flow) while flow still reads as packet
 * ```
 */
export function flowTextOf(flow: Flow, packet: Packet): string {
  try {
    const src = parseIp(flow.srcIp);
    const dst = parseIp(flow.dstIp);
    const same =
      flowProtocolNumber(flow.protocol) === packet.protocol &&
      src?.key === packet.src.key &&
      dst?.key === packet.dst.key &&
      (!hasPorts(packet.protocol) || (flow.srcPort === packet.srcPort && flow.dstPort === packet.dstPort));
    if (same) return flowText(flow);
  } catch {
    // A getter that throws now: the packet says what was evaluated.
  }
  return flowText({
    protocol: protocolName(packet.protocol),
    srcIp: packet.src.text,
    ...(packet.srcPort !== undefined ? { srcPort: packet.srcPort } : {}),
    dstIp: packet.dst.text,
    ...(packet.dstPort !== undefined ? { dstPort: packet.dstPort } : {}),
    ...(packet.icmp !== undefined ? { icmp: packet.icmp } : {}),
  });
}

/** `010.0.0.1` or `fe80::1%eth0`: say why it is refused (octal elsewhere; a zone is no address). */
const zeroHint = (t: unknown): string =>
  typeof t === 'string' && t.includes('%')
    ? ` (write it without its zone: ${t.slice(0, t.indexOf('%'))})`
    : typeof t === 'string' && /(^|\.)0\d/.test(t)
      ? ` (leading zeros are ambiguous: write ${t
          .split('.')
          .map((o) => String(Number(o)))
          .join('.')})`
      : '';

// An integer 0-65535: exactly the numbers that survive a 16-bit mask (fractions, negatives,
// larger numbers and NaN do not), one step where the per-flow path checks two ports.
export const isPort = (p: unknown): p is number => typeof p === 'number' && (p & 0xffff) === p;

/**
 * Checks a flow and turns it into the packet the first stage sees.
 *
 * @example
 * ```ts
 * const r = toPacket({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 });
 * r.ok; // true
 * ```
 */
export function toPacket(
  flow: unknown,
  parse: (text: string) => Ip | undefined = parseIp,
): { ok: true; packet: Packet; flow: Flow } | { ok: false; issues: Issue[] } {
  const packet = plainPacket(flow, { address: parse });
  return packet !== undefined ? { ok: true, packet, flow: flow as Flow } : checkedPacket(flow, parse);
}

/**
 * Where a flow's address texts are read (`parseIp`, or a cache of it): an object with a method,
 * so that the per-flow call has one target for every world's cache.
 *
 * @example
 * ```ts
 * const seen: string[] = [];
 * const book: AddressBook = { address: (text) => (seen.push(text), parseIp(text)) };
 * plainPacket({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 }, book)?.dst.key; // '4:167772162'
 * seen; // ['10.0.0.1', '10.0.0.2']: each address text is read once, through the book
 * ```
 */
export interface AddressBook {
  address(text: string): Ip | undefined;
}

/**
 * The packet of a common flow, in few steps (no `via`, no `icmp`, every field valid);
 * `undefined` sends the flow through {@link checkedPacket}, which gives the same packet or says
 * what is wrong. Returns the packet alone: the per-flow path allocates nothing else here.
 *
 * @example
 * ```ts
 * plainPacket({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 }, { address: parseIp })?.dstPort; // 80
 * ```
 */
export function plainPacket(flow: unknown, addresses: AddressBook): Packet | undefined {
  if (typeof flow !== 'object' || flow === null) return undefined;
  const f = flow as Record<string, unknown>;
  if (f.via !== undefined || f.icmp !== undefined) return undefined;
  // Each field is read once (baseline code pays an inline-cache call per read).
  const p = f.protocol;
  const srcIp = f.srcIp;
  const dstIp = f.dstIp;
  const protocol = typeof p === 'string' || typeof p === 'number' ? flowProtocolNumber(p) : undefined;
  if (protocol === undefined || typeof srcIp !== 'string' || typeof dstIp !== 'string') return undefined;
  const src = addresses.address(srcIp);
  const dst = addresses.address(dstIp);
  if (!src || !dst || src.version !== dst.version) return undefined;
  const srcPort = f.srcPort;
  const dstPort = f.dstPort;
  if (srcPort !== undefined && !isPort(srcPort)) return undefined;
  const ported = hasPorts(protocol);
  if (dstPort === undefined ? ported : !isPort(dstPort)) return undefined;
  return {
    protocol,
    src,
    srcPort: ported ? (srcPort as number | undefined) : undefined,
    dst,
    dstPort: ported ? (dstPort as number | undefined) : undefined,
    icmp: undefined,
  };
}

/**
 * Checks every field of a flow: its packet, or issues saying what to fix.
 *
 * @example
 * ```ts
 * checkedPacket({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: 'nope', dstPort: 80 }, parseIp).ok; // false
 * ```
 */
export function checkedPacket(
  flow: unknown,
  parse: (text: string) => Ip | undefined,
): { ok: true; packet: Packet; flow: Flow } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const issue = (path: string, message: string) =>
    issues.push({ code: 'invalid_flow', path: [path], message });
  const read = readFlow(flow);
  if (!read.ok) return read;
  const f = read.fields;
  const protocol =
    typeof f.protocol === 'string' || typeof f.protocol === 'number'
      ? flowProtocolNumber(f.protocol)
      : undefined;
  if (protocol === undefined)
    issue(
      'protocol',
      `Unknown protocol ${JSON.stringify(f.protocol)}: use TCP, UDP, SCTP, ICMP, ICMPv6, UDPLite or a number 1-255.`,
    );
  const src = typeof f.srcIp === 'string' ? parse(f.srcIp) : undefined;
  const dst = typeof f.dstIp === 'string' ? parse(f.dstIp) : undefined;
  if (!src)
    issue('srcIp', `srcIp ${JSON.stringify(f.srcIp)} is not an IPv4 or IPv6 address${zeroHint(f.srcIp)}.`);
  if (!dst)
    issue('dstIp', `dstIp ${JSON.stringify(f.dstIp)} is not an IPv4 or IPv6 address${zeroHint(f.dstIp)}.`);
  if (src && dst && src.version !== dst.version)
    issue('dstIp', 'srcIp and dstIp must be the same IP version.');
  if (f.srcPort !== undefined && !isPort(f.srcPort)) issue('srcPort', 'srcPort must be an integer 0-65535.');
  if (f.dstPort !== undefined && !isPort(f.dstPort)) issue('dstPort', 'dstPort must be an integer 0-65535.');
  if (protocol !== undefined && hasPorts(protocol) && f.dstPort === undefined) {
    issue('dstPort', 'dstPort is required for TCP, UDP and SCTP flows.');
  }
  const via = f.via as { node?: unknown; interface?: unknown } | undefined;
  if (via !== undefined && (typeof via !== 'object' || via === null || typeof via.node !== 'string')) {
    issue('via', 'via must be { node: string, interface?: string }.');
  }
  const checkedIcmp = f.icmp === undefined ? undefined : checkIcmp(f.icmp);
  if (checkedIcmp !== undefined && !checkedIcmp.ok) issue('icmp', checkedIcmp.message);
  else if (checkedIcmp !== undefined && protocol !== undefined && protocol !== 1 && protocol !== 58)
    issue(
      'icmp',
      'icmp (type and code) is for ICMP and ICMPv6 flows only; leave it out or set protocol ICMP.',
    );
  const icmp = checkedIcmp?.ok ? checkedIcmp.icmp : undefined;
  if (issues.length > 0 || protocol === undefined || !src || !dst) return { ok: false, issues };
  const packet: Packet = {
    protocol,
    src,
    srcPort: hasPorts(protocol) ? (f.srcPort as number | undefined) : undefined,
    dst,
    dstPort: hasPorts(protocol) ? (f.dstPort as number | undefined) : undefined,
    // An ICMP message always has a code; echo request/reply and most types use 0.
    icmp: icmp ? { type: icmp.type, code: icmp.code ?? 0 } : undefined,
  };
  return { ok: true, packet, flow: f as unknown as Flow };
}

const FLOW_FIELDS = ['protocol', 'srcIp', 'srcPort', 'dstIp', 'dstPort', 'via', 'icmp'] as const;

/**
 * A flow's fields as plain data, each read once: a getter or Proxy that throws, a bigint, a
 * cycle are issues at their field, and nothing read later can change or throw.
 *
 * @example
 * ```ts
 * readFlow({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80n });
 * // { ok: false, issues: [{ code: 'invalid_flow', path: ['dstPort'], message: 'A bigint is not plain data: …' }] }
 * ```
 */
export function readFlow(
  flow: unknown,
): { ok: true; fields: Record<string, unknown> } | { ok: false; issues: Issue[] } {
  const refuse = (path: (string | number)[], message: string) => ({
    ok: false as const,
    issues: [{ code: 'invalid_flow' as const, path, message }],
  });
  if (typeof flow === 'string')
    return refuse(
      [],
      'The flow must be an object like { protocol: "TCP", srcIp, dstIp, dstPort }, not a string: for flow text such as "tcp 10.0.0.1 -> 10.0.0.2:80", pass parseFlow(text).value.',
    );
  if (typeof flow !== 'object' || flow === null)
    return refuse([], 'The flow must be an object like { protocol: "TCP", srcIp, dstIp, dstPort }.');
  if (isResult(flow))
    return refuse([], "This is parseFlow's result, not a flow: pass its .value (when .ok is true).");
  const picked: Record<string, unknown> = {};
  for (const key of FLOW_FIELDS) {
    try {
      picked[key] = (flow as Record<string, unknown>)[key];
    } catch (e) {
      return refuse([key], `${key} could not be read: ${describeThrown(e)}`);
    }
  }
  const { value, problems } = plainCopy(picked);
  if (problems.length > 0)
    return {
      ok: false,
      issues: problems.map((p) => ({ code: 'invalid_flow' as const, path: [...p.path], message: p.message })),
    };
  return { ok: true, fields: value as Record<string, unknown> };
}

/** A `Result` (what `parseFlow` returns) given where its flow belongs: a common slip. */
function isResult(value: object): boolean {
  try {
    return 'ok' in value && ('value' in value || 'issues' in value) && !('protocol' in value);
  } catch {
    return false; // A Proxy that throws: the field reads below name it.
  }
}

/**
 * The text of a flow that is not one, for its evaluation's `explain()`: the fields it has as
 * JSON, never a throw.
 *
 * @example
 * ```ts
 * invalidFlowText({ protocol: 'TCP', srcIp: 'nope' }); // '{"protocol":"TCP","srcIp":"nope"}'
 * invalidFlowText(42n); // '42'
 * invalidFlowText({ protocol: 'TCP', dstPort: 80n }); // '(dstPort: A bigint is not plain data: …)'
 * ```
 */
export function invalidFlowText(flow: unknown): string {
  if (typeof flow !== 'object' || flow === null) return String(flow);
  const read = readFlow(flow);
  if (read.ok) return JSON.stringify(read.fields);
  // Not plain data: say which field and why (its value may not print).
  return `(${read.issues.map((i) => `${i.path.join('.') || 'flow'}: ${i.message}`).join('; ')})`;
}
