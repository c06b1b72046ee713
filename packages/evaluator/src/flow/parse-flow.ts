/**
 * The flow text grammar (what `calico-dsl eval --flow` and the testkit matchers read):
 *
 * ```text
 * flow     = protocol source ("->" | "→") destination [icmp] [via]
 * protocol = tcp | udp | sctp | icmp | icmpv6 | udplite | 1-255     (any case)
 * address  = IPv4 [":" port] | "[" IPv6 "]" [":" port] | IPv6      (a bare IPv6 takes no port)
 * icmp     = "type" N ["code" M]                                     (icmp/icmpv6 only)
 * via      = "via" node ["/" interface]                              (where it enters the cluster)
 * ```
 *
 * The parser is syntactic only: whether the addresses are valid and of one IP version is
 * checked when the flow is evaluated (`toPacket`), so the two never disagree.
 */

import { describeValue, type Issue, type Result } from '@calico-dsl/core';
import { checkIcmp } from '../net/icmp.js';
import { flowProtocolNumber, hasPorts } from '../net/protocol.js';
import type { Flow } from '../path/flow.js';

const PROTOCOLS: Readonly<Record<string, Flow['protocol']>> = {
  tcp: 'TCP',
  udp: 'UDP',
  sctp: 'SCTP',
  icmp: 'ICMP',
  icmpv6: 'ICMPv6',
  udplite: 'UDPLite',
};

const EXAMPLE = "e.g. 'tcp 198.51.100.7:40000 -> 169.46.10.20:80'";
const SHAPE = `A flow is "protocol source -> destination [type N [code M]] [via node[/interface]]", ${EXAMPLE}`;

interface Address {
  readonly ip: string;
  readonly port?: number;
}

const fail = (path: string, message: string): { ok: false; issues: Issue[] } => ({
  ok: false,
  issues: [{ code: 'invalid_flow', path: [path], message }],
});

function parsePortText(text: string, where: string): Result<number> {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    return fail(where, `Port "${text}" is not a number 0-65535: write e.g. "169.46.10.20:80".`);
  }
  return { ok: true, value: Number(text) };
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

const looksIpv6 = (text: string): boolean => text.includes(':') && /^[0-9a-fA-F:.]+$/.test(text);

function parseAddress(text: string, where: 'source' | 'destination'): Result<Address> {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  if (bracketed) {
    const ip = bracketed[1] ?? '';
    if (!looksIpv6(ip)) {
      return fail(where, `"${ip}" in brackets is not an IPv6 address: write e.g. "[2001:db8::1]:443".`);
    }
    if (bracketed[2] === undefined) return { ok: true, value: { ip } };
    const port = parsePortText(bracketed[2], where);
    return port.ok ? { ok: true, value: { ip, port: port.value } } : port;
  }
  if (looksIpv6(text) && text.split(':').length > 2) {
    // A bare IPv6 address: its colons are not a port separator.
    return { ok: true, value: { ip: text } };
  }
  const [ip = '', portText, ...rest] = text.split(':');
  if (!isIpv4(ip) || rest.length > 0) {
    return fail(
      where,
      `The ${where} "${text}" is not an address: write IPv4[:port] or [IPv6]:port, ${EXAMPLE}.`,
    );
  }
  if (portText === undefined) return { ok: true, value: { ip } };
  const port = parsePortText(portText, where);
  return port.ok ? { ok: true, value: { ip, port: port.value } } : port;
}

function parseProtocol(text: string): Result<Flow['protocol']> {
  const named = PROTOCOLS[text.toLowerCase()];
  if (named !== undefined) return { ok: true, value: named };
  if (/^\d{1,3}$/.test(text) && Number(text) >= 1 && Number(text) <= 255) {
    return { ok: true, value: Number(text) };
  }
  return fail(
    'protocol',
    `Unknown protocol "${text}": use tcp, udp, sctp, icmp, icmpv6, udplite or a number 1-255, ${EXAMPLE}.`,
  );
}

function parseIcmp(words: readonly string[]): Result<Flow['icmp'] | undefined> {
  if (words.length === 0) return { ok: true, value: undefined };
  const [typeWord, type, codeWord, code, ...rest] = words;
  const digits = (t: string | undefined) => t !== undefined && /^\d{1,3}$/.test(t);
  if (
    typeWord !== 'type' ||
    !digits(type) ||
    rest.length > 0 ||
    (codeWord !== undefined && codeWord !== 'code')
  ) {
    return fail(
      'icmp',
      `After the destination only "type N [code M]" may follow (ICMP), e.g. 'icmp 10.0.0.1 -> 10.0.0.2 type 8 code 0'; got "${words.join(' ')}".`,
    );
  }
  if (codeWord !== undefined && !digits(code)) {
    return fail('icmp', `ICMP code "${code ?? ''}" is not a number 0-255: write e.g. "type 3 code 4".`);
  }
  // The same bounds as `evaluate` (one parser, net/icmp.ts).
  const checked = checkIcmp(
    code !== undefined ? { type: Number(type), code: Number(code) } : { type: Number(type) },
  );
  return checked.ok ? { ok: true, value: checked.icmp } : fail('icmp', checked.message);
}

/**
 * Parses a flow written as text into a {@link Flow}; never throws, and every issue shows the
 * expected form.
 *
 * @example
 * ```ts
 * parseFlow('tcp 198.51.100.7:40000 -> 169.46.10.20:80');
 * // { ok: true, value: { protocol: 'TCP', srcIp: '198.51.100.7', srcPort: 40000, dstIp: '169.46.10.20', dstPort: 80 } }
 * parseFlow('icmpv6 [2001:db8::1] -> 2001:db8::2 type 128');
 * parseFlow('tcp 198.51.100.7 -> 169.46.7.10:31024 via worker-1/eth1');
 * ```
 */
export function parseFlow(text: string): Result<Flow> {
  if (typeof text !== 'string') return fail('flow', `${SHAPE}; got ${describeValue(text)}.`);
  const [left = '', right, ...more] = text.trim().split(/\s*(?:->|→)\s*/);
  if (right === undefined || more.length > 0) return fail('flow', `${SHAPE}; got "${text}".`);
  const head = left.split(/\s+/);
  const tail = right.split(/\s+/);
  if (head.length !== 2 || tail[0] === undefined || tail[0] === '') {
    return fail('flow', `${SHAPE}; got "${text}".`);
  }
  const protocol = parseProtocol(head[0] ?? '');
  const src = parseAddress(head[1] ?? '', 'source');
  const dst = parseAddress(tail[0], 'destination');
  const viaAt = tail.indexOf('via');
  const via: Result<Flow['via'] | undefined> =
    viaAt < 0
      ? { ok: true, value: undefined }
      : viaAt !== tail.length - 2
        ? fail(
            'via',
            `"via node[/interface]" must come last in a flow, e.g. '… -> 169.46.7.10:31024 via worker-1/eth1'.`,
          )
        : parseVia(tail[viaAt + 1] ?? '');
  const icmp = parseIcmp(tail.slice(1, viaAt < 0 ? undefined : viaAt));
  const issues = [protocol, src, dst, icmp, via].flatMap((r) => (r.ok ? [] : r.issues));
  if (!protocol.ok || !src.ok || !dst.ok || !icmp.ok || !via.ok) return { ok: false, issues };
  const isIcmp = protocol.value === 'ICMP' || protocol.value === 'ICMPv6';
  if (icmp.value !== undefined && !isIcmp) {
    return fail(
      'icmp',
      '"type N" only applies to icmp and icmpv6 flows: write e.g. "icmp 10.0.0.1 -> 10.0.0.2 type 8".',
    );
  }
  // Evaluation ignores a port of such a flow (§6.3): written here, it would be read as checked.
  const number = flowProtocolNumber(protocol.value);
  const ported =
    src.value.port !== undefined ? 'source' : dst.value.port !== undefined ? 'destination' : undefined;
  if (ported !== undefined && number !== undefined && !hasPorts(number)) {
    const example = `${head[0]} 10.0.0.1 -> 10.0.0.2${isIcmp ? ' type 8' : ''}`;
    return fail(
      ported,
      `${head[0]} flows have no ports Calico can match (only tcp, udp and sctp do): drop the ":port", e.g. '${example}'.`,
    );
  }
  return {
    ok: true,
    value: {
      protocol: protocol.value,
      srcIp: src.value.ip,
      ...(src.value.port !== undefined ? { srcPort: src.value.port } : {}),
      dstIp: dst.value.ip,
      ...(dst.value.port !== undefined ? { dstPort: dst.value.port } : {}),
      ...(icmp.value !== undefined ? { icmp: icmp.value } : {}),
      ...(via.value !== undefined ? { via: via.value } : {}),
    },
  };
}

/**
 * Parses `node[/interface]` (the CLI's `--via`): where the packet enters the cluster.
 *
 * @example
 * ```ts
 * parseVia('worker-1/eth1'); // { ok: true, value: { node: 'worker-1', interface: 'eth1' } }
 * parseVia('worker-1'); // { ok: true, value: { node: 'worker-1' } }
 * ```
 */
export function parseVia(text: string): Result<NonNullable<Flow['via']>> {
  if (typeof text !== 'string')
    return fail(
      'via',
      `--via takes "node" or "node/interface", e.g. "worker-1/eth1"; got ${describeValue(text)}.`,
    );
  const [node = '', iface, ...rest] = text.split('/');
  if (node === '' || rest.length > 0 || iface === '') {
    return fail('via', `--via takes "node" or "node/interface", e.g. "worker-1/eth1"; got "${text}".`);
  }
  return { ok: true, value: iface !== undefined ? { node, interface: iface } : { node } };
}
