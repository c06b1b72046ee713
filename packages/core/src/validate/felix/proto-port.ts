/** The failsafe port entries of FelixConfiguration (`ProtoPort`), which the evaluator reads. */
import { PROTO_PORT_KEYS } from '../../resources/field-order.js';
import { formatPath } from '../../result.js';
import { parseCidrOrIp } from '../../values/cidr.js';
import { type CanonicalObject, setOwn } from '../canonical.js';
import { readInt, readItemStruct, readString } from '../field-readers.js';
import type { IssueCollector } from '../issue-collector.js';
import type { Json, Path } from '../json.js';

// validateProtoPort accepts exactly these; Felix's own defaults spell them in lower case
// ("tcp:22"), which Felix reads too, so both spellings are accepted here.
const PROTO_PORT_PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'tcp', 'udp', 'sctp'] as const;

/**
 * Reads one `failsafeInboundHostPorts` / `failsafeOutboundHostPorts` entry: `protocol` (omitted
 * means tcp), a required `port` 0-65535 and an optional `net` (an IP or CIDR). Returns it with its
 * fields in Go order.
 *
 * @example
 * ```ts
 * const ctx = new IssueCollector();
 * readProtoPort(ctx, new Map([['port', 22], ['protocol', 'tcp']]), ['spec', 'failsafeInboundHostPorts', 0]);
 * // { protocol: 'tcp', port: 22 }, ctx.issues: []
 * ```
 */
export function readProtoPort(ctx: IssueCollector, v: Json, path: Path): CanonicalObject {
  const obj = readItemStruct(ctx, v, path, PROTO_PORT_KEYS, 'a port like { protocol: TCP, port: 22 }');
  const out: CanonicalObject = {};
  if (obj === undefined) {
    return out;
  }
  const protocol = readString(ctx, obj, 'protocol', path);
  if (protocol !== undefined && !(PROTO_PORT_PROTOCOLS as readonly string[]).includes(protocol)) {
    ctx.report(
      'invalid_protocol',
      [...path, 'protocol'],
      `protocol must be 'TCP' or 'UDP' or 'SCTP', not ${JSON.stringify(protocol)} (omit it for TCP)`,
    );
  }
  setOwn(out, 'protocol', protocol);
  if (obj.get('port') == null) {
    ctx.report(
      'required',
      [...path, 'port'],
      `${formatPath([...path, 'port'])} is required: set the port number`,
    );
  } else {
    setOwn(out, 'port', readInt(ctx, obj, 'port', path, 0, 65535));
  }
  const net = readString(ctx, obj, 'net', path);
  if (net !== undefined && net !== '' && !parseCidrOrIp(net).ok) {
    ctx.report(
      'invalid_cidr',
      [...path, 'net'],
      `Invalid CIDR ${JSON.stringify(net)} in ${formatPath([...path, 'net'])}: write a CIDR like "10.0.0.0/8" or omit it for any address`,
    );
  }
  setOwn(out, 'net', net);
  return out;
}
