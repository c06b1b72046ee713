import { describe, expect, it } from 'vitest';
import { type FlowRegion, regionText } from '../src/index.js';

const region = (r: Partial<FlowRegion>): FlowRegion => ({
  protocol: ['TCP'],
  srcIp: ['0.0.0.0/0'],
  srcPort: [[0, 65535]],
  dstIp: ['10.0.0.11/32'],
  dstPort: [[0, 65535]],
  ...r,
});

describe('regionText', () => {
  it('says ports only where they are not every port, on either side', () => {
    expect(regionText(region({ dstPort: [22] }))).toBe('TCP any IPv4 → 10.0.0.11 port 22');
    expect(regionText(region({ srcPort: [[1024, 65535]] }))).toBe('TCP any IPv4 port 1024–65535 → 10.0.0.11');
    expect(regionText(region({ protocol: ['SCTP', 'ICMP'] }))).toBe('SCTP/ICMP any IPv4 → 10.0.0.11');
  });

  it('says no port for portless protocols', () => {
    expect(regionText(region({ protocol: ['ICMP'], dstPort: [80] }))).toBe('ICMP any IPv4 → 10.0.0.11');
  });
});
