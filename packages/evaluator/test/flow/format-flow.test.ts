import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Flow, formatFlow, parseFlow } from '../../src/index.js';

const port = fc.integer({ min: 0, max: 65535 });
const ipv4 = fc.ipV4();
// fast-check's ipV6 may write an embedded IPv4 tail, which the grammar also reads.
const ipv6 = fc.ipV6();
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const via = fc.record({ node: name, interface: name }, { requiredKeys: ['node'] });
const icmpField = fc.record(
  { type: fc.integer({ min: 0, max: 255 }), code: fc.integer({ min: 0, max: 255 }) },
  { requiredKeys: ['type'] },
);

/** Flows the grammar can write: named protocols in canonical case, numbers 1-255. */
const flow: fc.Arbitrary<Flow> = fc
  .record(
    {
      protocol: fc.constantFrom<Flow['protocol']>('TCP', 'UDP', 'SCTP', 'ICMP', 'ICMPv6', 'UDPLite', 47, 1),
      v6: fc.boolean(),
      src: fc.tuple(ipv4, ipv6),
      dst: fc.tuple(ipv4, ipv6),
      srcPort: fc.option(port, { nil: undefined }),
      dstPort: fc.option(port, { nil: undefined }),
      icmp: fc.option(icmpField, { nil: undefined }),
      via: fc.option(via, { nil: undefined }),
    },
    { requiredKeys: ['protocol', 'v6', 'src', 'dst'] },
  )
  .map((r) => {
    const isIcmp = r.protocol === 'ICMP' || r.protocol === 'ICMPv6';
    return {
      protocol: r.protocol,
      srcIp: r.v6 ? r.src[1] : r.src[0],
      ...(r.srcPort !== undefined ? { srcPort: r.srcPort } : {}),
      dstIp: r.v6 ? r.dst[1] : r.dst[0],
      ...(r.dstPort !== undefined ? { dstPort: r.dstPort } : {}),
      ...(isIcmp && r.icmp !== undefined ? { icmp: r.icmp } : {}),
      ...(r.via !== undefined ? { via: r.via } : {}),
    };
  });

describe('formatFlow', () => {
  it.each([
    [{ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 }, 'tcp 10.0.0.1 -> 10.0.0.2:80'],
    [
      { protocol: 'ICMPv6', srcIp: '2001:db8::1', dstIp: '2001:db8::2', icmp: { type: 128, code: 0 } },
      'icmpv6 2001:db8::1 -> 2001:db8::2 type 128 code 0',
    ],
    [
      {
        protocol: 'UDP',
        srcIp: '2001:db8::1',
        srcPort: 5353,
        dstIp: '2001:db8::2',
        dstPort: 53,
        via: { node: 'node-1', interface: 'eth0' },
      },
      'udp [2001:db8::1]:5353 -> [2001:db8::2]:53 via node-1/eth0',
    ],
    [{ protocol: 47, srcIp: '10.0.0.1', dstIp: '10.0.0.2' }, '47 10.0.0.1 -> 10.0.0.2'],
  ] satisfies [Flow, string][])('%o → %s', (f, text) => {
    expect(formatFlow(f)).toBe(text);
    expect(parseFlow(text)).toEqual({ ok: true, value: f });
  });

  it('parseFlow reads back what formatFlow writes (any flow; ports only where the protocol has them)', () => {
    fc.assert(
      fc.property(flow, (f) => {
        const { srcPort, dstPort, ...portless } = f;
        const ported = f.protocol === 'TCP' || f.protocol === 'UDP' || f.protocol === 'SCTP';
        expect(parseFlow(formatFlow(f))).toEqual({ ok: true, value: ported ? f : portless });
      }),
    );
  });

  it('never throws on null icmp or via, and writes protocols 1 and 58 by name when a type follows', () => {
    expect(
      formatFlow({ protocol: 'ICMP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', icmp: null } as never),
    ).toMatch(/^\(invalid\) /);
    expect(
      formatFlow({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80, via: null } as never),
    ).toMatch(/^\(invalid\) /);
    const text = formatFlow({ protocol: 1, srcIp: '10.0.0.1', dstIp: '10.0.0.2', icmp: { type: 8 } });
    expect(text).toBe('icmp 10.0.0.1 -> 10.0.0.2 type 8');
    expect(parseFlow(text).ok).toBe(true);
  });

  it('leaves out a port the protocol does not have (evaluation ignores it; the grammar refuses it)', () => {
    expect(formatFlow({ protocol: 'ICMP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 })).toBe(
      'icmp 10.0.0.1 -> 10.0.0.2',
    );
    expect(formatFlow({ protocol: 47, srcIp: '10.0.0.1', srcPort: 5, dstIp: '10.0.0.2' })).toBe(
      '47 10.0.0.1 -> 10.0.0.2',
    );
  });
});
