/**
 * `@calico-dsl/evaluator/model` (unstable): the path as data for the analysis package. The
 * topologies of a world are enumerable, and every flow's plans are those of its topology.
 */

import {
  enumerateTopologies,
  frontendRegions,
  type Hook,
  ownerRegions,
  planPaths,
  topologyOf,
} from '@calico-dsl/evaluator/model';
import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { parseIp } from '../src/net/ip.js';
import { gnp, hep, node, ns, pod, service } from './helpers/world-kit.js';

const resources = [
  ns('default'),
  node('n0', '10.0.0.1'),
  node('n1', '10.0.0.2'),
  pod('default', 'a', '10.1.0.1', { app: 'a' }, { node: 'n0' }),
  pod('default', 'b', '10.1.0.2', { app: 'b' }, { node: 'n0' }),
  pod('default', 'c', '10.1.1.1', { app: 'c' }, { node: 'n1' }),
  hep('n0-all', 'n0', '*', ['10.0.0.1'], { hep: 'yes' }),
  service('default', 'svc', { selector: { app: 'c' }, clusterIP: '10.96.0.1', port: 80, targetPort: 8080 }),
  gnp('aof', {
    selector: 'has(hep)',
    applyOnForward: true,
    types: ['Ingress'],
    ingress: [{ action: 'Allow' }],
  }),
];

describe('@calico-dsl/evaluator/model', () => {
  const world = World.from(resources);
  const model = world.model;

  it('enumerates owner and frontend regions, and topologies over them', () => {
    expect(ownerRegions(model).map((r) => r.owner.kind)).toEqual([
      'pod',
      'pod',
      'pod',
      'node',
      'node',
      'external',
    ]);
    expect(
      frontendRegions(model).map((f) => `${f.frontend.kind} ${f.ips.map((i) => i.text)}:${f.port}`),
    ).toEqual(['clusterIP 10.96.0.1:80']);
    const keys = new Set([...enumerateTopologies(model)].map((t) => t.key));
    // Pods count by node: a, b (n0) and c (n1) give two source keys, not three.
    expect([...keys].filter((k) => k.startsWith('p@n0>')).length).toBeGreaterThan(0);
    expect([...keys].some((k) => k.startsWith('p@n1>'))).toBe(true);
  });

  it('plans are plain data: a pod on the `*` node starts with the `*` HEP pre-DNAT, roles name the pods', () => {
    const packet = {
      protocol: 6,
      src: parseIp('10.1.0.1') as NonNullable<ReturnType<typeof parseIp>>,
      srcPort: 40000,
      dst: parseIp('10.1.0.2') as NonNullable<ReturnType<typeof parseIp>>,
      dstPort: 80,
      icmp: undefined,
    };
    const t = topologyOf(model, packet, undefined);
    const [plan] = planPaths(model, t);
    const label = (h: Hook) =>
      h.kind === 'chain'
        ? `${h.stage}:${typeof h.endpoint === 'string' ? h.endpoint : h.endpoint.name}`
        : h.kind;
    expect(plan?.hooks.map(label)).toEqual([
      'failsafe',
      'preDnat:n0-all',
      'forward:n0-all',
      'encap',
      'workloadEgress:source',
      'workloadIngress:destination',
      'forward:n0-all',
    ]);
    expect(JSON.parse(JSON.stringify(plan?.hooks.map((h) => h.kind)))).toEqual(
      plan?.hooks.map((h) => h.kind),
    );
  });

  it('pods of nodes without host endpoints get one plan whatever their nodes (what PlanCache shares)', () => {
    const plain = World.from([
      ns('default'),
      node('m0', '10.0.0.1'),
      node('m1', '10.0.0.2'),
      pod('default', 'a', '10.1.0.1', { app: 'a' }, { node: 'm0' }),
      pod('default', 'b', '10.1.0.2', { app: 'b' }, { node: 'm0' }),
      pod('default', 'c', '10.1.1.1', { app: 'c' }, { node: 'm1' }),
    ]).model;
    const ip = (t: string) => parseIp(t) as NonNullable<ReturnType<typeof parseIp>>;
    const plans = (src: string, dst: string) =>
      planPaths(
        plain,
        topologyOf(
          plain,
          { protocol: 6, src: ip(src), srcPort: 1, dst: ip(dst), dstPort: 80, icmp: undefined },
          undefined,
        ),
      );
    expect(plans('10.1.0.1', '10.1.1.1')).toEqual(plans('10.1.0.1', '10.1.0.2'));
    expect(plans('10.1.1.1', '10.1.0.2')).toEqual(plans('10.1.0.1', '10.1.0.2'));
  });
});
