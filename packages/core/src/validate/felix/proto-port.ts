/** The failsafe port entries of FelixConfiguration (`ProtoPort`), which the evaluator reads. */
import { PROTO_PORT_KEYS } from '../../resources/field-order.js';
import { formatPath } from '../../result.js';
import { parseCidrOrIp } from '../../values/cidr.js';
import { type CanonicalObject, setOwn } from '../canonical.js';
import { readInt, readItemStruct, readString } from '../field-readers.js';
import type { IssueCollector } from '../issue-collector.js';
import type { Json, Path } from '../json.js';

// validator.go validateProtoPort accepts exactly these, case-sensitively, and nothing for a
// missing protocol: the CRD's "defaults to tcp" holds only for Felix's own `tcp:22` strings
// (env and config file); from a FelixConfiguration Felix reads `:22` and refuses it.
const PROTO_PORT_PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

/**
 * Reads one `failsafeInboundHostPorts` / `failsafeOutboundHostPorts` entry: a required `protocol`
 * (`TCP`, `UDP` or `SCTP`, as written), a required `port` 0-65535 and an optional `net` (an IP or
 * CIDR). Returns it with its fields in Go order.
 *
 * @example
 * ```ts
 * const ctx = new IssueCollector();
 * readProtoPort(ctx, new Map([['port', 22], ['protocol', 'TCP']]), ['spec', 'failsafeInboundHostPorts', 0]);
 * // { protocol: 'TCP', port: 22 }, ctx.issues: []
 * ```
 */
export function readProtoPort(ctx: IssueCollector, v: Json, path: Path): CanonicalObject {
  const obj = readItemStruct(ctx, v, path, PROTO_PORT_KEYS, 'a port like { protocol: TCP, port: 22 }');
  const out: CanonicalObject = {};
  if (obj === undefined) {
    return out;
  }
  const protocol = readString(ctx, obj, 'protocol', path);
  if (obj.get('protocol') == null || protocol === '') {
    ctx.report(
      'required',
      [...path, 'protocol'],
      `${formatPath([...path, 'protocol'])} is required: write TCP or UDP (Calico's validator refuses an entry without one, and Felix cannot read it)`,
    );
  } else if (protocol !== undefined && !(PROTO_PORT_PROTOCOLS as readonly string[]).includes(protocol)) {
    const upper = protocol.toUpperCase();
    ctx.report(
      'invalid_protocol',
      [...path, 'protocol'],
      `protocol must be 'TCP' or 'UDP' or 'SCTP', not ${JSON.stringify(protocol)}${(PROTO_PORT_PROTOCOLS as readonly string[]).includes(upper) ? ` (the check is case-sensitive: write ${upper})` : ''}`,
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
