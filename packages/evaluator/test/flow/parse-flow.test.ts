import { describe, expect, it } from 'vitest';
import { parseFlow, parseVia } from '../../src/index.js';
import { toPacket } from '../../src/path/flow.js';

describe('parseFlow', () => {
  it.each([
    [
      'tcp 198.51.100.7:40000 -> 169.46.10.20:80',
      { protocol: 'TCP', srcIp: '198.51.100.7', srcPort: 40000, dstIp: '169.46.10.20', dstPort: 80 },
    ],
    [
      'TCP 198.51.100.7 -> 169.46.10.20:80',
      { protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.10.20', dstPort: 80 },
    ],
    ['udp 10.0.0.1 → 10.0.0.2:53', { protocol: 'UDP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 53 }],
    ['sctp 10.0.0.1->10.0.0.2:9', { protocol: 'SCTP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 9 }],
    ['icmp 10.0.0.1 -> 10.0.0.2', { protocol: 'ICMP', srcIp: '10.0.0.1', dstIp: '10.0.0.2' }],
    [
      'icmp 10.0.0.1 -> 10.0.0.2 type 8 code 0',
      { protocol: 'ICMP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', icmp: { type: 8, code: 0 } },
    ],
    [
      'icmpv6 [2001:db8::1] -> 2001:db8::2 type 128',
      { protocol: 'ICMPv6', srcIp: '2001:db8::1', dstIp: '2001:db8::2', icmp: { type: 128 } },
    ],
    [
      'tcp [2001:db8::1]:40000 -> [2001:db8::2]:443',
      { protocol: 'TCP', srcIp: '2001:db8::1', srcPort: 40000, dstIp: '2001:db8::2', dstPort: 443 },
    ],
    ['47 10.0.0.1 -> 10.0.0.2', { protocol: 47, srcIp: '10.0.0.1', dstIp: '10.0.0.2' }],
    [
      'tcp 198.51.100.7 -> 169.46.7.10:31024 via worker-1/eth1',
      {
        protocol: 'TCP',
        srcIp: '198.51.100.7',
        dstIp: '169.46.7.10',
        dstPort: 31024,
        via: { node: 'worker-1', interface: 'eth1' },
      },
    ],
  ])('%s', (text, flow) => {
    expect(parseFlow(text)).toEqual({ ok: true, value: flow });
  });

  it.each([
    ['tcp 198.51.100.7 => 169.46.10.20:80', 'protocol source -> destination'],
    ['198.51.100.7 -> 169.46.10.20:80', 'protocol source -> destination'],
    ['tcpx 10.0.0.1 -> 10.0.0.2:80', 'Unknown protocol "tcpx"'],
    ['0 10.0.0.1 -> 10.0.0.2', 'Unknown protocol "0"'],
    ['tcp 10.0.0.1 -> 10.0.0.2:70000', 'Port "70000"'],
    ['tcp 10.0.0.256 -> 10.0.0.2:80', 'The source "10.0.0.256" is not an address'],
    ['tcp 10.0.0.1 -> example.com:80', 'The destination "example.com:80" is not an address'],
    ['tcp [10.0.0.1]:5 -> 10.0.0.2:80', 'is not an IPv6 address'],
    ['tcp 10.0.0.1 -> 10.0.0.2:80 type 8', 'only applies to icmp'],
    ['icmp 10.0.0.1 -> 10.0.0.2 code 8', 'type N [code M]'],
    ['tcp 10.0.0.1 -> 10.0.0.2:80 via a/b/c', '--via takes'],
    ['tcp 10.0.0.1 -> 10.0.0.2:80 via', 'must come last'],
    [
      'icmp 10.0.0.1 -> 10.0.0.2:80',
      `icmp flows have no ports Calico can match (only tcp, udp and sctp do): drop the ":port", e.g. 'icmp 10.0.0.1 -> 10.0.0.2 type 8'`,
    ],
    [
      '47 10.0.0.1:5 -> 10.0.0.2',
      `47 flows have no ports Calico can match (only tcp, udp and sctp do): drop the ":port", e.g. '47 10.0.0.1 -> 10.0.0.2'`,
    ],
  ])('rejects %s', (text, message) => {
    const r = parseFlow(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message).join('\n')).toContain(message);
  });

  it('every issue names its part, carries the invalid_flow code and shows the expected form', () => {
    for (const text of [
      'tcp 10.0.0.1 => 10.0.0.2:80',
      'tcpx 10.0.0.1 -> 10.0.0.2:80',
      'tcp 10.0.0.1 -> host:80',
      'icmpv6 [2001:db8::1]:7 -> 2001:db8::2',
    ]) {
      const r = parseFlow(text);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      for (const issue of r.issues) {
        expect(issue.code).toBe('invalid_flow');
        expect(issue.path.length).toBe(1);
        expect(issue.message).toMatch(/e\.g\./);
      }
    }
  });

  it('reports every broken part at once', () => {
    const r = parseFlow('tcpx 10.0.0.256 -> 10.0.0.2:70000');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path[0])).toEqual(['protocol', 'source', 'destination']);
  });

  it('what it parses the evaluator accepts', () => {
    for (const text of [
      'tcp 198.51.100.7:40000 -> 169.46.10.20:80',
      'icmpv6 [2001:db8::1] -> 2001:db8::2 type 128 code 0',
      'udp [2001:db8::1]:5353 -> [2001:db8::2]:53 via node-1/eth0',
      '47 10.0.0.1 -> 10.0.0.2',
    ]) {
      const r = parseFlow(text);
      expect(r.ok && toPacket(r.value).ok).toBe(true);
    }
  });
});

describe('parseVia', () => {
  it('node or node/interface', () => {
    expect(parseVia('worker-1')).toEqual({ ok: true, value: { node: 'worker-1' } });
    expect(parseVia('worker-1/eth1')).toEqual({ ok: true, value: { node: 'worker-1', interface: 'eth1' } });
    expect(parseVia('/eth1').ok).toBe(false);
    expect(parseVia('worker-1/').ok).toBe(false);
    expect(parseVia('a/b/c').ok).toBe(false);
  });
});
