/**
 * Queries that name endpoints (`World.policiesFor`, `World.matrix`, the analysis' class matrix):
 * finding the endpoint a reference names, and checking a matrix's options before any cell is
 * evaluated — an unknown protocol, a missing port or an endpoint the world does not have is an
 * input error, never a matrix of `Deny` cells or a silently shorter one.
 */

import { describeValue, type Issue, plainCopy } from '@calico-dsl/core';
import { EvaluatorInputError, QUERY } from './errors.js';
import { checkIcmp } from './net/icmp.js';
import type { Ip } from './net/ip.js';
import { flowProtocolNumber, hasPorts } from './net/protocol.js';
import { type Flow, isPort } from './path/flow.js';
import type { EndpointModel, WorldModel } from './world/model.js';
import type { EndpointSelectorRef } from './world-api.js';

/**
 * The endpoint a reference names: a pod by namespace (when given) and name, or a host endpoint by
 * name; `kind` narrows to one of them.
 *
 * @example
 * ```ts
 * findEndpoint(world.model, { namespace: 'prod', name: 'web' })?.kind; // 'WorkloadEndpoint'
 * ```
 */
export function findEndpoint(model: WorldModel, ref: EndpointSelectorRef): EndpointModel | undefined {
  return model.endpoints.find(
    (e) =>
      e.name === ref.name &&
      (ref.kind === undefined || e.kind === ref.kind) &&
      (e.kind === 'HostEndpoint' || ref.namespace === undefined || e.namespace === ref.namespace),
  );
}

/** The IP version whose packets carry a protocol: ICMP is IPv4's, ICMPv6 IPv6's (RFC 4443). */
const PROTOCOL_VERSION: ReadonlyMap<number, 4 | 6> = new Map([
  [1, 4],
  [58, 6],
]);

/**
 * The address a matrix cell uses for an endpoint (pod IP or host endpoint expectedIP): its first
 * address of the IP version the protocol belongs to (ICMP: IPv4, ICMPv6: IPv6, as Felix renders
 * `protocol: ICMP` rules for IPv4 and `ICMPv6` rules for IPv6 only, `felix/calc/rule_convert.go`
 * `ipVersionToProtoIPVersion`), else its first address. A dual-stack pod's ICMPv6 goes between
 * its IPv6 addresses, never its (first) IPv4 ones.
 *
 * @example
 * ```ts
 * // pod web: podIPs 10.1.0.5, fd00:1::5
 * matrixAddress(web, 6)?.text; // '10.1.0.5'
 * matrixAddress(web, 58)?.text; // 'fd00:1::5'
 * ```
 */
export function matrixAddress(endpoint: EndpointModel, protocol: number): Ip | undefined {
  const ips = endpoint.kind === 'WorkloadEndpoint' ? endpoint.ips : endpoint.expectedIPs;
  const version = PROTOCOL_VERSION.get(protocol);
  return version === undefined ? ips[0] : ips.find((ip) => ip.version === version);
}

/** The checked options: the protocol as given, its number, the port and the endpoints found. */
export interface MatrixQuery {
  readonly protocol: Flow['protocol'];
  readonly protocolNumber: number;
  readonly port: number | undefined;
  /** The ICMP type (and code) of the flows, for ICMP and ICMPv6 only; none: typeless. */
  readonly icmp: { readonly type: number; readonly code?: number } | undefined;
  readonly endpoints: readonly EndpointModel[] | undefined;
}

/**
 * Checks a matrix's options (`{ protocol, port?, icmp?, endpoints? }`) against a world. Throws
 * {@link EvaluatorInputError} with an issue per problem.
 *
 * @example
 * ```ts
 * matrixQuery({ protocol: 'TCP', port: 8080 }, world.model).protocolNumber; // 6
 * matrixQuery({ protocol: 'TCP' }, world.model); // throws: port is required for TCP, UDP and SCTP
 * ```
 */
export function matrixQuery(options: unknown, model: WorldModel): MatrixQuery {
  const { value, problems } = plainCopy(options);
  const issues: Issue[] = [...problems];
  const o = value as { protocol?: unknown; port?: unknown; icmp?: unknown; endpoints?: unknown } | undefined;
  if (issues.length === 0 && (typeof o !== 'object' || o === null || Array.isArray(o)))
    issues.push({
      code: 'invalid_input',
      path: [],
      message: `matrix takes { protocol, port?, icmp?, endpoints? }, not ${describeValue(o)}.`,
    });
  if (issues.length > 0 || o === undefined) throw new EvaluatorInputError(issues, QUERY);
  const protocol = o.protocol;
  const number =
    typeof protocol === 'string' || typeof protocol === 'number' ? flowProtocolNumber(protocol) : undefined;
  if (number === undefined)
    issues.push({
      code: 'invalid_protocol',
      path: ['protocol'],
      message: `protocol ${describeValue(protocol)} is not one: use TCP, UDP, SCTP, ICMP, ICMPv6, UDPLite or a number 1-255.`,
    });
  const port = o.port;
  if (port !== undefined && !isPort(port))
    issues.push({ code: 'invalid_port', path: ['port'], message: 'port must be an integer 0-65535.' });
  if (number !== undefined && hasPorts(number) && port === undefined)
    issues.push({ code: 'required', path: ['port'], message: 'port is required for TCP, UDP and SCTP.' });
  let icmp: MatrixQuery['icmp'];
  if (o.icmp !== undefined) {
    const checked = checkIcmp(o.icmp);
    if (number !== 1 && number !== 58)
      issues.push({
        code: 'invalid_value',
        path: ['icmp'],
        message: 'icmp only applies to ICMP and ICMPv6.',
      });
    else if (!checked.ok) issues.push({ code: 'invalid_value', path: ['icmp'], message: checked.message });
    else icmp = checked.icmp;
  }
  let endpoints: EndpointModel[] | undefined;
  if (o.endpoints !== undefined) {
    if (!Array.isArray(o.endpoints))
      issues.push({ code: 'invalid_type', path: ['endpoints'], message: 'endpoints must be a list.' });
    else
      endpoints = o.endpoints.flatMap((ref: unknown, i): EndpointModel[] => {
        const found =
          typeof ref === 'object' && ref !== null && typeof (ref as EndpointSelectorRef).name === 'string'
            ? findEndpoint(model, ref as EndpointSelectorRef)
            : undefined;
        if (found === undefined)
          issues.push({
            code: 'unknown_endpoint',
            path: ['endpoints', i],
            message: `endpoints[${i}] (${JSON.stringify(ref)}) names no pod or host endpoint of the world.`,
          });
        return found === undefined ? [] : [found];
      });
  }
  if (issues.length > 0) throw new EvaluatorInputError(issues, QUERY);
  return {
    protocol: protocol as Flow['protocol'],
    protocolNumber: number as number,
    port: port as number | undefined,
    icmp,
    endpoints,
  };
}
