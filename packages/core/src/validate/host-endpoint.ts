import { ENDPOINT_PORT_KEYS, SPEC_KEYS } from '../resources/field-order.js';
import { formatPath } from '../result.js';
import { parseIp } from '../values/cidr.js';
import { portNameProblem } from '../values/port.js';
import { parseProtocol, protocolSupportsPorts } from '../values/protocol.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import {
  readArray,
  readInt,
  readItemStruct,
  readString,
  readStringList,
  readStruct,
} from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';
import { checkNameRef } from './names.js';

const INTERFACE_NAME = /^[a-zA-Z0-9_.-]{1,15}$/;

function readEndpointPort(ctx: IssueCollector, v: Json, path: Path): CanonicalObject {
  const obj = readItemStruct(
    ctx,
    v,
    path,
    ENDPOINT_PORT_KEYS,
    'a port like { name: http, protocol: TCP, port: 80 }',
  );
  const out: CanonicalObject = {};
  if (obj === undefined) {
    return out;
  }
  const name = readString(ctx, obj, 'name', path) ?? '';
  const problem = portNameProblem(name);
  if (problem !== undefined) {
    ctx.report(
      'invalid_port_name',
      [...path, 'name'],
      `Invalid port name ${JSON.stringify(name)}: a port name ${problem}`,
    );
  }
  setOwn(out, 'name', name);
  const rawProtocol = obj.get('protocol');
  if (rawProtocol === undefined || rawProtocol === null) {
    ctx.report(
      'required',
      [...path, 'protocol'],
      `${formatPath([...path, 'protocol'])} is required: set TCP, UDP or SCTP`,
    );
  } else {
    const p = parseProtocol(rawProtocol);
    if (!p.ok) for (const i of p.issues) ctx.report('invalid_protocol', [...path, 'protocol'], i.message);
    else {
      if (!protocolSupportsPorts(p.value)) {
        ctx.report(
          'invalid_protocol',
          [...path, 'protocol'],
          `EndpointPort protocol does not support ports: ${JSON.stringify(p.value)} has no ports; use TCP, UDP or SCTP`,
        );
      }
      setOwn(out, 'protocol', p.value);
    }
  }
  if (obj.get('port') == null) {
    ctx.report(
      'required',
      [...path, 'port'],
      `${formatPath([...path, 'port'])} is required: set a port number 1-65535`,
    );
  } else {
    const port = readInt(ctx, obj, 'port', path, 0, 65535);
    if (port === 0) ctx.report('port_out_of_range', [...path, 'port'], 'port must be from 1 to 65535, not 0');
    setOwn(out, 'port', port);
  }
  return out;
}

/**
 * Reads and checks a `HostEndpoint.spec`: node (required), interfaceName or expectedIPs
 * (one required), profiles, and named ports.
 */
export function readHostEndpointSpec(ctx: IssueCollector, v: Json | undefined, path: Path): CanonicalObject {
  const spec = readStruct(ctx, v, path, SPEC_KEYS.HostEndpoint) ?? new Map<string, Json>();
  const out: CanonicalObject = {};
  const node = readString(ctx, spec, 'node', path);
  if (node === undefined || node === '') {
    ctx.report(
      'host_endpoint_incomplete',
      [...path, 'node'],
      'node must be specified: set spec.node to the Calico node name',
    );
  } else {
    if ([...node].length > 253)
      ctx.report('too_long', [...path, 'node'], 'spec.node is longer than 253 characters');
    checkNameRef(ctx, node, [...path, 'node'], 'spec.node');
  }
  setOwn(out, 'node', node);

  const iface = readString(ctx, spec, 'interfaceName', path);
  if (iface !== undefined && iface !== '' && iface !== '*' && !INTERFACE_NAME.test(iface)) {
    ctx.report(
      'invalid_interface_name',
      [...path, 'interfaceName'],
      `Invalid interfaceName ${JSON.stringify(iface)}: use "*" or an interface name of 1-15 letters, digits, "_", "." or "-"`,
    );
  }
  setOwn(out, 'interfaceName', iface);

  const ips = readStringList(ctx, spec, 'expectedIPs', path);
  ips?.forEach((ip, i) => {
    if (!parseIp(ip).ok) {
      ctx.report(
        'invalid_ip',
        [...path, 'expectedIPs', i],
        `Invalid IP address ${JSON.stringify(ip)} in expectedIPs: list plain addresses like "10.0.0.1" (no prefix length)`,
      );
    }
  });
  setOwn(out, 'expectedIPs', ips);
  if ((iface ?? '') === '' && (ips?.length ?? 0) === 0) {
    ctx.report(
      'host_endpoint_incomplete',
      [...path, 'interfaceName'],
      'at least one of interfaceName or expectedIPs must be specified: set spec.interfaceName (e.g. eth0) or spec.expectedIPs',
    );
  }

  const profiles = readStringList(ctx, spec, 'profiles', path);
  profiles?.forEach((p, i) => {
    checkNameRef(ctx, p, [...path, 'profiles', i], 'profile name');
  });
  setOwn(out, 'profiles', profiles);

  const ports = readArray(ctx, spec, 'ports', path);
  if (ports !== undefined)
    setOwn(
      out,
      'ports',
      ports.map((p, i) => readEndpointPort(ctx, p, [...path, 'ports', i])),
    );
  return out;
}
