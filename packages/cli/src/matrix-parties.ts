/**
 * What `matrix --endpoints` accepts: pods (`namespace/name`), host endpoints (`name`), IP
 * addresses, and services — each service port's ClusterIP, load balancer IPs, external IPs and
 * its NodePort on every node, per IP family, at the node's first address that serves node ports.
 * Anything else is an error, never a silently smaller table.
 */
import { isIP } from 'node:net';
import { isProtocolName, protocolNumber } from '@calico-dsl/core';
import type { EndpointRef, Flow, Verdict, World } from '@calico-dsl/evaluator';
import { matrixAddress, servesNodePorts } from '@calico-dsl/evaluator/model';

/**
 * One row or column of the table: who, and the address (and port, for service frontends) a
 * packet to it uses.
 *
 * @example
 * ```ts
 * const p: MatrixParty = { label: 'shop/web-lb lb 169.46.10.20:80', kind: 'Service', ip: '169.46.10.20', port: 80, source: false };
 * ```
 */
export interface MatrixParty {
  readonly label: string;
  readonly kind: EndpointRef['kind'] | 'Service' | 'IP';
  readonly ip: string;
  /** Destination port of a service frontend (its port or nodePort); else the table's port. */
  readonly port?: number;
  /** Whether the party sends too (a service frontend only receives). */
  readonly source: boolean;
  /** The endpoint, for pods and host endpoints. */
  readonly endpoint?: EndpointRef;
}

/**
 * A connectivity table: `cells[i][j]` is the verdict from `sources[i]` to `destinations[j]`.
 *
 * @example
 * ```ts
 * const t: MatrixTable = { protocol: 'TCP', port: 8080, sources: [], destinations: [], cells: [] };
 * ```
 */
export interface MatrixTable {
  readonly protocol: Flow['protocol'];
  readonly port: number | undefined;
  /** ICMP and ICMPv6: the type (and code) of every cell's flow. */
  readonly icmp?: Flow['icmp'];
  readonly sources: readonly MatrixParty[];
  readonly destinations: readonly MatrixParty[];
  readonly cells: readonly (readonly Verdict[])[];
}

const endpointLabel = (e: { namespace?: string | undefined; name: string }): string =>
  `${e.namespace !== undefined ? `${e.namespace}/` : ''}${e.name}`;

function serviceParties(
  world: World,
  namespace: string,
  name: string,
  protocol: Flow['protocol'],
  port: number | undefined,
): MatrixParty[] | undefined {
  const number =
    typeof protocol === 'number' || isProtocolName(protocol) ? protocolNumber(protocol) : undefined;
  const ports = world.model.servicePorts.filter(
    (sp) => sp.service.namespace === namespace && sp.service.name === name,
  );
  if (ports.length === 0) return undefined;
  const out: MatrixParty[] = [];
  const svc = `${namespace}/${name}`;
  const nodes = [...world.model.nodes.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const sp of ports) {
    if (sp.protocol !== number || (port !== undefined && sp.port !== port && sp.nodePort !== port)) continue;
    const add = (what: string, ip: string, p: number) =>
      out.push({
        label: `${svc} ${what} ${ip.includes(':') ? `[${ip}]` : ip}:${p}`,
        kind: 'Service',
        ip,
        port: p,
        source: false,
      });
    for (const ip of sp.clusterIPs) add('clusterIP', ip.text, sp.port);
    for (const ip of sp.loadBalancerIPs) add('lb', ip.text, sp.port);
    for (const ip of sp.externalIPs) add('externalIP', ip.text, sp.port);
    if (sp.nodePort !== undefined) {
      // kube-proxy serves the node port in each of the Service's IP families (one proxier each),
      // on the node addresses its nodePortAddresses admit.
      for (const n of nodes)
        for (const version of sp.families) {
          const ip = [...n.externalIPs, ...n.internalIPs].find(
            (a) => a.version === version && servesNodePorts(world.model, n.name, a),
          );
          if (ip !== undefined) add(`nodePort on ${n.name}`, ip.text, sp.nodePort);
        }
    }
  }
  return out;
}

/**
 * Resolves `--endpoints` entries in order. `unknown` holds each entry the world does not have,
 * with what it was looked up as.
 *
 * @example
 * ```ts
 * declare const world: World;
 * resolveParties(world, ['shop/web-1', '198.51.100.7', 'svc/shop/web-lb'], 'TCP', 80);
 * ```
 */
export function resolveParties(
  world: World,
  entries: readonly string[],
  protocol: Flow['protocol'],
  port: number | undefined,
): { parties: MatrixParty[]; unknown: string[] } {
  const parties: MatrixParty[] = [];
  const unknown: string[] = [];
  // A pod's or host endpoint's address as World.matrix takes it (ICMPv6: its first IPv6); a
  // protocol that is no name or number binds no IP version (0), so the first address.
  const number = typeof protocol === 'number' || isProtocolName(protocol) ? protocolNumber(protocol) : 0;
  for (const entry of entries) {
    if (isIP(entry) !== 0) {
      parties.push({ label: entry, kind: 'IP', ip: entry, source: true });
      continue;
    }
    const parts = entry.split('/');
    const explicitService = parts.length === 3 && (parts[0] === 'svc' || parts[0] === 'service');
    if (parts.length === 2 || explicitService) {
      const [namespace = '', name = ''] = explicitService ? parts.slice(1) : parts;
      const pod = explicitService
        ? undefined
        : world.model.workloads.find((w) => w.namespace === namespace && w.name === name);
      const ip = pod && matrixAddress(pod, number);
      if (pod !== undefined && ip !== undefined) {
        const endpoint: EndpointRef = {
          kind: 'WorkloadEndpoint',
          namespace,
          name,
          ...(pod.node !== undefined ? { node: pod.node } : {}),
        };
        parties.push({
          label: endpointLabel(pod),
          kind: 'WorkloadEndpoint',
          ip: ip.text,
          source: true,
          endpoint,
        });
        continue;
      }
      const frontends = serviceParties(world, namespace, name, protocol, port);
      if (frontends !== undefined && frontends.length > 0) {
        parties.push(...frontends);
        continue;
      }
      unknown.push(
        frontends !== undefined
          ? `${entry} (service ${namespace}/${name} has no ${String(protocol)} port${port !== undefined ? ` ${port}` : ''})`
          : `${entry} (no pod or service ${namespace}/${name})`,
      );
      continue;
    }
    const hep = parts.length === 1 ? world.model.hostEndpoints.find((h) => h.name === entry) : undefined;
    const hepIp = hep && matrixAddress(hep, number);
    if (hep !== undefined && hepIp !== undefined) {
      const endpoint: EndpointRef = {
        kind: 'HostEndpoint',
        name: hep.name,
        node: hep.node,
        ...(hep.interfaceName !== undefined ? { interface: hep.interfaceName } : {}),
      };
      parties.push({ label: hep.name, kind: 'HostEndpoint', ip: hepIp.text, source: true, endpoint });
      continue;
    }
    unknown.push(
      hep !== undefined
        ? `${entry} (host endpoint without expectedIPs)`
        : `${entry} (no host endpoint of that name)`,
    );
  }
  return { parties, unknown };
}

/**
 * Evaluates every source → destination pair with `world.evaluate`.
 *
 * @example
 * ```ts
 * declare const world: World;
 * const { parties } = resolveParties(world, ['198.51.100.7', 'svc/shop/web-lb'], 'TCP', 80);
 * tableOf(world, parties, 'TCP', 80).cells; // [['Allow', …]]
 * ```
 */
export function tableOf(
  world: World,
  parties: readonly MatrixParty[],
  protocol: Flow['protocol'],
  port: number | undefined,
  icmp?: Flow['icmp'],
): MatrixTable {
  const sources = parties.filter((p) => p.source);
  const cells = sources.map((src) =>
    parties.map((dst): Verdict => {
      if ((isIP(src.ip) === 6) !== (isIP(dst.ip) === 6)) return 'Deny';
      const dstPort = dst.port ?? port;
      return world.evaluate({
        protocol,
        srcIp: src.ip,
        dstIp: dst.ip,
        ...(dstPort !== undefined ? { dstPort } : {}),
        ...(icmp !== undefined ? { icmp } : {}),
      }).verdict;
    }),
  );
  return { protocol, port, ...(icmp !== undefined ? { icmp } : {}), sources, destinations: parties, cells };
}
