/** A `Flow` written back as text in the flow grammar (for messages and JSON output). */
import type { Flow } from '../path/flow.js';

/** IPv6 needs brackets only when a port follows, so `parseFlow` reads the colons right. */
function formatAddress(ip: string, port: number | undefined): string {
  const host = ip.includes(':') && port !== undefined ? `[${ip}]` : ip;
  return port !== undefined ? `${host}:${port}` : host;
}

/**
 * Writes a flow as text that `parseFlow` reads back to the same flow.
 *
 * @example
 * ```ts
 * formatFlow({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 }); // 'tcp 10.0.0.1 -> 10.0.0.2:80'
 * formatFlow({ protocol: 'ICMP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', icmp: { type: 8 } }); // 'icmp 10.0.0.1 -> 10.0.0.2 type 8'
 * ```
 */
export function formatFlow(flow: Flow): string {
  const proto = typeof flow.protocol === 'number' ? String(flow.protocol) : flow.protocol.toLowerCase();
  const icmp =
    flow.icmp !== undefined
      ? ` type ${flow.icmp.type}${flow.icmp.code !== undefined ? ` code ${flow.icmp.code}` : ''}`
      : '';
  const via =
    flow.via !== undefined
      ? ` via ${flow.via.node}${flow.via.interface !== undefined ? `/${flow.via.interface}` : ''}`
      : '';
  return `${proto} ${formatAddress(flow.srcIp, flow.srcPort)} -> ${formatAddress(flow.dstIp, flow.dstPort)}${icmp}${via}`;
}
