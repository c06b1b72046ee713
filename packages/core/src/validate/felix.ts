import { PROTO_PORT_KEYS, SPEC_KEYS } from '../resources/field-order.js';
import { formatPath } from '../result.js';
import { parseCidrOrIp } from '../values/cidr.js';
import { type CanonicalObject, jsonToCanonical, setOwn } from './canonical.js';
import { readArray, readInt, readItemStruct, readString, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';

const FAILSAFE_FIELDS = ['failsafeInboundHostPorts', 'failsafeOutboundHostPorts'] as const;
// validateProtoPort accepts exactly these; Felix's own defaults spell them in lower case
// ("tcp:22"), which Felix reads too, so both spellings are accepted here.
const PROTO_PORT_PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'tcp', 'udp', 'sctp'] as const;

function readProtoPort(ctx: IssueCollector, v: Json, path: Path): CanonicalObject {
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

/**
 * Reads a `FelixConfiguration.spec`. The failsafe port lists and `defaultEndpointToHostAction`
 * (which the evaluator uses) are typed and checked; every other field of the Go struct is kept
 * verbatim, and a name the struct does not have is an issue (calicoctl decodes strictly). The
 * result lists the fields in struct order.
 */
export function readFelixSpec(ctx: IssueCollector, v: Json | undefined, path: Path): CanonicalObject {
  const out: CanonicalObject = {};
  const spec = readStruct(ctx, v, path, SPEC_KEYS.FelixConfiguration);
  if (spec === undefined) return out;
  for (const key of SPEC_KEYS.FelixConfiguration) {
    const value = spec.get(key);
    if (value === undefined || value === null) continue;
    if ((FAILSAFE_FIELDS as readonly string[]).includes(key)) {
      const list = readArray(ctx, spec, key, path);
      if (list !== undefined)
        setOwn(
          out,
          key,
          list.map((p, i) => readProtoPort(ctx, p, [...path, key, i])),
        );
    } else if (key === 'defaultEndpointToHostAction') {
      const action = readString(ctx, spec, key, path);
      if (action !== undefined && !/^(drop|accept|return)?$/i.test(action)) {
        ctx.report(
          'invalid_value',
          [...path, key],
          `Invalid defaultEndpointToHostAction ${JSON.stringify(action)}: use Drop, Accept or Return`,
        );
      }
      setOwn(out, key, action);
    } else {
      setOwn(out, key, jsonToCanonical(value));
    }
  }
  return out;
}
