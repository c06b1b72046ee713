/** A `Flow` written back as text in the flow grammar (for messages and JSON output). */
import { flowProtocolNumber, hasPorts } from '../net/protocol.js';
import { type Flow, invalidFlowText, readFlow } from '../path/flow.js';

/** IPv6 needs brackets only when a port follows, so `parseFlow` reads the colons right. */
function formatAddress(ip: string, port: number | undefined): string {
  const host = ip.includes(':') && port !== undefined ? `[${ip}]` : ip;
  return port !== undefined ? `${host}:${port}` : host;
}

const optional = (v: unknown, type: 'number' | 'string') => v === undefined || typeof v === type;

/** Whether plain flow fields have the types the flow grammar writes. */
function writable(f: Record<string, unknown>): f is Record<string, unknown> & Flow {
  const icmp = f.icmp as Record<string, unknown> | undefined;
  const via = f.via as Record<string, unknown> | undefined;
  return (
    (typeof f.protocol === 'string' || typeof f.protocol === 'number') &&
    typeof f.srcIp === 'string' &&
    typeof f.dstIp === 'string' &&
    optional(f.srcPort, 'number') &&
    optional(f.dstPort, 'number') &&
    (icmp === undefined ||
      (typeof icmp === 'object' &&
        icmp !== null &&
        typeof icmp.type === 'number' &&
        optional(icmp.code, 'number'))) &&
    (via === undefined ||
      (typeof via === 'object' &&
        via !== null &&
        typeof via.node === 'string' &&
        optional(via.interface, 'string')))
  );
}

/**
 * Writes a flow as text that `parseFlow` reads back to the same flow, less any port of a protocol
 * without ports (ICMP, raw protocols: evaluation ignores it, §6.3). A value whose fields do not
 * have a flow's types is written as `explain()` writes an invalid flow: `(invalid)` and the
 * fields as JSON.
 *
 * @example
 * ```ts
 * formatFlow({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 }); // 'tcp 10.0.0.1 -> 10.0.0.2:80'
 * formatFlow({ protocol: 'ICMP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', icmp: { type: 8 } }); // 'icmp 10.0.0.1 -> 10.0.0.2 type 8'
 * formatFlow({ protocol: 47, srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80 }); // '47 10.0.0.1 -> 10.0.0.2'
 * formatFlow({ protocol: 'TCP', srcIp: 10, dstIp: '10.0.0.2', dstPort: 80 } as unknown as Flow); // '(invalid) {"protocol":"TCP","srcIp":10,…}'
 * ```
 */
export function formatFlow(input: Flow): string {
  // A flow whose fields have the types the grammar writes has a text form (even one `evaluate`
  // refuses, such as TCP without a port); anything else is shown as `explain()` shows it.
  const read = readFlow(input);
  if (!read.ok || !writable(read.fields)) return `(invalid) ${invalidFlowText(input)}`;
  const flow = read.fields;
  // The grammar takes a type only after `icmp` / `icmpv6`, so protocols 1 and 58 go by name then.
  const named = flow.icmp !== undefined && (flow.protocol === 1 || flow.protocol === 58);
  const proto =
    typeof flow.protocol === 'number' && !named
      ? String(flow.protocol)
      : named
        ? flow.protocol === 1
          ? 'icmp'
          : 'icmpv6'
        : String(flow.protocol).toLowerCase();
  const icmp =
    flow.icmp !== undefined
      ? ` type ${flow.icmp.type}${flow.icmp.code !== undefined ? ` code ${flow.icmp.code}` : ''}`
      : '';
  // A port of a protocol without ports takes no part in evaluation (§6.3), and the grammar refuses it.
  const number = flowProtocolNumber(flow.protocol);
  const ported = number === undefined || hasPorts(number);
  const via =
    flow.via !== undefined
      ? ` via ${flow.via.node}${flow.via.interface !== undefined ? `/${flow.via.interface}` : ''}`
      : '';
  return `${proto} ${formatAddress(flow.srcIp, ported ? flow.srcPort : undefined)} -> ${formatAddress(flow.dstIp, ported ? flow.dstPort : undefined)}${icmp}${via}`;
}
