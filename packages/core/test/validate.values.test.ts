// The port, protocol and CIDR value helpers.
import { describe, expect, it } from 'vitest';
import {
  formatPort,
  ipFamily,
  ipInCidr,
  isCatchAllCidr,
  isValidPortName,
  parseCidr,
  parseCidrOrIp,
  parseIp,
  parseMaskedCidr,
  parsePort,
  parseProtocol,
  protocolNumber,
  protocolSupportsPorts,
} from '../src/index.js';

describe('protocol', () => {
  it.each([
    ['TCP', 'TCP'],
    ['ICMPv6', 'ICMPv6'],
    [6, 6],
    ['6', 6],
    ['255', 255],
    [255, 255],
  ] as const)('parses %j', (input, want) => {
    expect(parseProtocol(input)).toEqual({ ok: true, value: want });
  });
  it.each([0, '0', 256, '256', -1, 1.5, 'tcp', 'Tcp', 'ICMPV6', '', null, true])('rejects %j', (input) => {
    const r = parseProtocol(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe('invalid_protocol');
  });
  it('maps names to numbers and knows which carry ports', () => {
    expect([
      protocolNumber('TCP'),
      protocolNumber('UDP'),
      protocolNumber('ICMP'),
      protocolNumber('ICMPv6'),
    ]).toEqual([6, 17, 1, 58]);
    expect([protocolNumber('SCTP'), protocolNumber('UDPLite'), protocolNumber(99)]).toEqual([132, 136, 99]);
    expect(['TCP', 'UDP', 'SCTP', 6, 17, 132].every((p) => protocolSupportsPorts(p as 6))).toBe(true);
    expect(['UDPLite', 'ICMP', 136, 1].some((p) => protocolSupportsPorts(p as 1))).toBe(false);
  });
});

describe('ports', () => {
  it('formats as Calico marshals', () => {
    expect(formatPort({ min: 80, max: 80 })).toBe(80);
    expect(formatPort({ min: 1, max: 2 })).toBe('1:2');
    expect(formatPort({ name: 'http' })).toBe('http');
  });
  it('decodes like numorstring', () => {
    expect(parsePort('0080:0090')).toEqual({ ok: true, value: { min: 80, max: 90 } });
    expect(parsePort(80.5).ok).toBe(false);
    expect(parsePort(-1).ok).toBe(false);
    expect(parsePort('').ok).toBe(false);
  });
  it('checks IANA names', () => {
    expect(['http', 'h2c', 'a-b', 'x1'].every(isValidPortName)).toBe(true);
    expect(['', 'HTTP', 'a--b', '-a', 'a-', '123', 'abcdefghijklmnop', 'a_b'].some(isValidPortName)).toBe(
      false,
    );
  });
});

describe('IPs and CIDRs', () => {
  it('parses IPs strictly', () => {
    expect(parseIp('10.0.0.1')).toMatchObject({ ok: true, value: { family: 4 } });
    expect(parseIp('fd00::1')).toMatchObject({ ok: true, value: { family: 6, text: 'fd00::1' } });
    for (const bad of ['010.0.0.1', '10.1', '0x0a.0.0.1', 'fe80::1%eth0', '1.2.3.4.5', ' 1.2.3.4', '']) {
      expect(parseIp(bad).ok, bad).toBe(false);
    }
  });
  it('parses CIDRs with a prefix length and reports masking', () => {
    expect(parseCidr('10.0.0.0/8')).toMatchObject({
      ok: true,
      value: { family: 4, prefixLength: 8, masked: true },
    });
    expect(parseCidr('10.0.0.1/8')).toMatchObject({ ok: true, value: { masked: false, text: '10.0.0.0/8' } });
    expect(parseCidr('fd00::1/8')).toMatchObject({
      ok: true,
      value: { family: 6, masked: false, text: 'fd00::/8' },
    });
    expect(parseCidr('10.0.0.0/33').ok).toBe(false);
    expect(parseCidr('::/129').ok).toBe(false);
    const bare = parseCidr('10.0.0.1');
    expect(bare.ok).toBe(false);
    if (!bare.ok) {
      expect(bare.issues[0]).toMatchObject({
        code: 'invalid_cidr',
        message: 'Invalid CIDR "10.0.0.1": rules need a prefix length, e.g. "10.0.0.1/32"',
      });
    }
    const bare6 = parseCidr('fd00::1');
    expect(!bare6.ok && bare6.issues[0]?.message).toContain('"fd00::1/128"');
  });
  it('accepts IPs and unmasked CIDRs for network sets', () => {
    expect(parseCidrOrIp('10.0.0.1')).toMatchObject({ ok: true, value: { prefixLength: 32 } });
    expect(parseCidrOrIp('10.0.0.1/24').ok).toBe(true);
    expect(parseCidrOrIp('garbage').ok).toBe(false);
  });
  it('knows families, containment and catch-alls', () => {
    expect(ipFamily('10.0.0.0/8')).toBe(4);
    expect(ipFamily('::1')).toBe(6);
    expect(ipFamily('nope')).toBeUndefined();
    expect(ipInCidr('10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(ipInCidr('11.1.2.3', '10.0.0.0/8')).toBe(false);
    expect(ipInCidr('fd00::5', 'fd00::/8')).toBe(true);
    expect(ipInCidr('10.1.2.3', 'fd00::/8')).toBe(false);
    expect(ipInCidr('10.1.2.3', '0.0.0.0/0')).toBe(true);
    const c = parseCidr('0:0::/0');
    expect(c.ok && isCatchAllCidr(c.value)).toBe(true);
  });
});

describe('strictly masked CIDRs', () => {
  it('accepts networks and names the network address otherwise', () => {
    expect(parseMaskedCidr('10.0.0.0/8').ok).toBe(true);
    expect(parseMaskedCidr('::/0').ok).toBe(true);
    const r = parseMaskedCidr('10.0.0.1/8');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({
        code: 'cidr_not_masked',
        message: expect.stringContaining('"10.0.0.0/8"'),
      });
    expect(parseMaskedCidr('10.0.0.1').ok).toBe(false);
  });
});
