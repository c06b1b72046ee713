/**
 * Service backends as kube-proxy sees them (issue #12, rest): EndpointSlices, hostNetwork pods as
 * backends, and kube-proxy's proxy mode. Sources: kubernetes `pkg/proxy/endpointslicecache.go`
 * (slice ports by name/protocol, first address, conditions), `pkg/proxy/topology.go`
 * `CategorizeEndpoints` (ready, else serving terminating; Local per node),
 * `pkg/controller/endpointslice` (what the controller writes for a pod), and Felix
 * (projectcalico/calico at 87c15906) for where a DNAT'd packet to a host address is policed:
 * `felix/rules/static.go` filterInputChain (`cali-from-host-endpoint` for a local destination)
 * and `felix/fv/hostendpoints_test.go`, whose host-networked listeners `hostW` are reached only
 * when host endpoint ingress allows it ("should block all traffic except pod-to-pod and
 * host-to-own-pod traffic": `expectDenyHostToHostTraffic`).
 * Every case runs on both engines.
 */
import { fromYaml } from '@calico-dsl/yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluatorInputError, type Flow, World } from '../src/index.js';
import { mutate } from './helpers/mutate.js';
import { felix, gnp, hep, knp, node, ns, pod } from './helpers/world-kit.js';

type Obj = Record<string, unknown>;

const F0 = '172.17.0.3';
const F1 = '172.17.0.4';
const W0 = '10.65.0.2';
const W1 = '10.65.1.2';
const W1B = '10.65.1.3';
const CLIENT = '198.51.100.7';
const DB = '192.0.2.10';
const SVC = '10.101.0.30';

const engines = ['compiled', 'reference'] as const;

function both(resources: Obj[], flow: Flow) {
  const [a, b] = engines.map((engine) => World.from(resources, { engine }).evaluate(flow));
  if (!a || !b) throw new Error('unreachable');
  expect(a.verdict).toBe(b.verdict);
  expect(a.paths).toEqual(b.paths);
  return a;
}

const tcp = (srcIp: string, dstIp: string, dstPort: number): Flow => ({
  protocol: 'TCP',
  srcIp,
  srcPort: 40000,
  dstIp,
  dstPort,
});

/** The endpoint of the step that decided path `path` (the last step of a denied path). */
const decidingEndpoint = (r: ReturnType<typeof both>, path = 0) =>
  r.paths[path]?.steps.at(-1)?.endpoint?.name;

const stages = (r: ReturnType<typeof both>, path = 0) =>
  (r.paths[path]?.steps ?? [])
    .filter((s) => s.action !== 'no-match')
    .map((s) => `${s.stage}:${s.endpoint?.name ?? '-'}`);

/** Named eth0 HEPs carrying each felix's address, allowed by default (the FV "named host endpoints"). */
const heps: Obj[] = [
  hep('felix-0-eth0', 'felix-0', 'eth0', [F0], { 'host-endpoint': 'true' }, ['projectcalico-default-allow']),
  hep('felix-1-eth0', 'felix-1', 'eth0', [F1], { 'host-endpoint': 'true' }, ['projectcalico-default-allow']),
];

const base = (extra: Obj[] = [], endpointToHost = 'Accept'): Obj[] => [
  ns('default'),
  node('felix-0', F0),
  node('felix-1', F1),
  pod('default', 'w0', W0, { name: 'w0' }, { node: 'felix-0' }),
  pod(
    'default',
    'w1',
    W1,
    { app: 'web' },
    { node: 'felix-1', ports: [{ name: 'http', containerPort: 8080 }] },
  ),
  pod(
    'default',
    'w1b',
    W1B,
    { app: 'other' },
    { node: 'felix-1', ports: [{ name: 'http', containerPort: 8080 }] },
  ),
  felix({ defaultEndpointToHostAction: endpointToHost }),
  ...extra,
];

/** A Service with named ports (the shape kubectl dumps). */
function svc(
  name: string,
  spec: {
    selector?: Record<string, string>;
    ports: Obj[];
    type?: string;
    etp?: 'Local';
    publishNotReady?: boolean;
  },
): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      type: spec.type ?? 'ClusterIP',
      clusterIP: SVC,
      ...(spec.selector ? { selector: spec.selector } : {}),
      ports: spec.ports,
      ...(spec.etp ? { externalTrafficPolicy: spec.etp } : {}),
      ...(spec.publishNotReady ? { publishNotReadyAddresses: true } : {}),
    },
  };
}

/** An EndpointSlice of `service` (label kubernetes.io/service-name). */
function slice(name: string, service: string | undefined, endpoints: Obj[], ports: Obj[]): Obj {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name,
      namespace: 'default',
      labels: service === undefined ? {} : { 'kubernetes.io/service-name': service },
    },
    addressType: 'IPv4',
    endpoints,
    ports,
  };
}

const ep = (address: string, conditions: Obj = {}, more: Obj = {}): Obj => ({
  addresses: [address],
  conditions,
  ...more,
});

const httpPort = [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' }];
const sliceHttp = [{ name: 'http', protocol: 'TCP', port: 8080 }];

/** Service web as a NodePort 30080 with externalTrafficPolicy Local. */
const webNodePortLocal = () =>
  svc('web', {
    type: 'NodePort',
    etp: 'Local',
    ports: [{ name: 'http', protocol: 'TCP', port: 80, nodePort: 30080 }],
  });

const backendIps = (r: ReturnType<typeof both>) =>
  r.paths.map((p) => p.backend?.ip).filter((x): x is string => x !== undefined);

describe('EndpointSlices: backends are the slice endpoints (endpointslicecache.go)', () => {
  it('a selectorless Service gets its backends from its slices (no longer rejected)', () => {
    const world = base([svc('web', { ports: httpPort }), slice('web-1', 'web', [ep(W1)], sliceHttp)]);
    const r = both(world, tcp(W0, SVC, 80));
    expect(r.verdict).toBe('Allow');
    expect(r.paths[0]?.backend).toMatchObject({ kind: 'WorkloadEndpoint', name: 'w1', ip: W1, port: 8080 });
    expect(World.from(world).issues.filter((i) => i.code === 'service_without_selector')).toEqual([]);
    // Without the slice, the selectorless Service has no backends: rejected, and said so.
    const bare = World.from(base([svc('web', { ports: httpPort })]));
    expect(bare.evaluate(tcp(W0, SVC, 80)).decidedBy?.reason).toMatch(
      /\(no selector and no EndpointSlices\): kube-proxy rejects/,
    );
    expect(bare.issues.map((i) => i.code)).toContain('service_without_selector');
  });

  it('slices win over the selector: the selector says w1, the slice says w1b', () => {
    const world = base([
      svc('web', { selector: { app: 'web' }, ports: httpPort }),
      slice('web-1', 'web', [ep(W1B)], sliceHttp),
    ]);
    expect(backendIps(both(world, tcp(W0, SVC, 80)))).toEqual([W1B]);
    // No slice for the Service: the selector (what the controller would write) gives w1.
    expect(
      backendIps(both(base([svc('web', { selector: { app: 'web' }, ports: httpPort })]), tcp(W0, SVC, 80))),
    ).toEqual([W1]);
  });

  it("kube-proxy does not read a slice labelled for another proxy or headless (server.go informers' label selector)", () => {
    for (const label of ['service.kubernetes.io/service-proxy-name', 'service.kubernetes.io/headless']) {
      const other = slice('web-2', 'web', [ep(W1B)], sliceHttp);
      const labelled = {
        ...other,
        metadata: {
          ...(other.metadata as Obj),
          labels: { ...((other.metadata as Obj).labels as Obj), [label]: 'x' },
        },
      };
      const world = base([
        svc('web', { ports: httpPort }),
        slice('web-1', 'web', [ep(W1)], sliceHttp),
        labelled,
      ]);
      expect(backendIps(both(world, tcp(W0, SVC, 80)))).toEqual([W1]);
      const issue = World.from(world).issues.find((i) => i.code === 'endpoint_slice_unmatched');
      expect(issue?.path).toEqual([world.indexOf(labelled), 'metadata', 'labels', label]);
      expect(issue?.message).toContain('kube-proxy does not read it');
      // Its endpoints are still the Service's members for `services` rules (Felix reads every slice).
      expect(
        World.from(world)
          .model.serviceMembers.get('default/web')
          ?.addresses.map((a) => a.text),
      ).toEqual([W1, W1B]);
      // With only that slice the Service has no endpoints for kube-proxy: rejected.
      const only = base([svc('web', { selector: { app: 'web' }, ports: httpPort }), labelled]);
      expect(both(only, tcp(W0, SVC, 80)).decidedBy?.reason).toMatch(/kube-proxy rejects/);
    }
  });

  it('policy applies to the pod a slice address belongs to (workload ingress of w1)', () => {
    const deny = knp('default', 'deny-web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [] });
    const r = both(
      base([svc('web', { ports: httpPort }), slice('web-1', 'web', [ep(W1)], sliceHttp), deny]),
      tcp(W0, SVC, 80),
    );
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.stage).toBe('workloadIngress');
  });

  it('ready: false is not a backend; absent conditions read as ready (newEndpointSliceInfo)', () => {
    const world = base([
      svc('web', { ports: httpPort }),
      slice('web-1', 'web', [ep(W1, { ready: false }), ep(W1B, {})], sliceHttp),
    ]);
    expect(backendIps(both(world, tcp(W0, SVC, 80)))).toEqual([W1B]);
    const none = both(
      base([
        svc('web', { ports: httpPort }),
        slice('web-1', 'web', [ep(W1, { ready: false, serving: false })], sliceHttp),
      ]),
      tcp(W0, SVC, 80),
    );
    expect(none.verdict).toBe('Deny');
    expect(none.decidedBy?.reason).toMatch(
      /no ready backend for default\/web:80 \(no ready or serving-terminating endpoint in its EndpointSlices/,
    );
  });

  it('no ready endpoint: serving terminating endpoints are used (topology.go CategorizeEndpoints fallback)', () => {
    const world = base([
      svc('web', { ports: httpPort }),
      slice(
        'web-1',
        'web',
        [
          ep(W1, { ready: false, serving: true, terminating: true }),
          ep(W1B, { ready: false, serving: false, terminating: true }),
        ],
        sliceHttp,
      ),
    ]);
    expect(backendIps(both(world, tcp(W0, SVC, 80)))).toEqual([W1]);
    // A ready endpoint anywhere takes precedence over terminating ones.
    const mixed = base([
      svc('web', { ports: httpPort }),
      slice('web-1', 'web', [ep(W1, { ready: false, serving: true, terminating: true }), ep(W1B)], sliceHttp),
    ]);
    expect(backendIps(both(mixed, tcp(W0, SVC, 80)))).toEqual([W1B]);
  });

  it('externalTrafficPolicy Local: local ready, else local serving terminating (per node)', () => {
    const world = base([
      ...heps,
      webNodePortLocal(),
      slice(
        'web-1',
        'web',
        [
          ep(W1, { ready: false, serving: true, terminating: true }, { nodeName: 'felix-1' }),
          ep(W0, {}, { nodeName: 'felix-0' }),
        ],
        sliceHttp,
      ),
    ]);
    // felix-1 has no ready local endpoint, so its terminating w1 serves; felix-0 serves w0.
    expect(backendIps(both(world, tcp(CLIENT, F1, 30080)))).toEqual([W1]);
    expect(backendIps(both(world, tcp(CLIENT, F0, 30080)))).toEqual([W0]);
    // In-cluster clients use the cluster endpoints: only the ready one.
    expect(backendIps(both(world, tcp(W1B, SVC, 80)))).toEqual([W0]);
  });

  it("internalTrafficPolicy Local: in-cluster clients of the ClusterIP use their node's endpoints only (topology.go)", () => {
    const local = { ...svc('web', { selector: { app: 'web' }, ports: httpPort }) };
    const spec = { ...(local.spec as Obj), internalTrafficPolicy: 'Local' };
    const world = base([{ ...local, spec }]);
    const far = both(world, tcp(W0, SVC, 80));
    expect(far.verdict).toBe('Deny');
    expect(far.decidedBy?.reason).toMatch(/internalTrafficPolicy Local and no backend on felix-0/);
    expect(backendIps(both(world, tcp(W1B, SVC, 80)))).toEqual([W1]);
    // A host client on felix-1 too; without the field every client reaches w1.
    expect(backendIps(both(world, tcp(F1, SVC, 80)))).toEqual([W1]);
    expect(backendIps(both(base([local]), tcp(W0, SVC, 80)))).toEqual([W1]);
  });

  it("Local policies go by the slice endpoint's nodeName, not where its address lives (endpointslicecache.go isLocal)", () => {
    const local = { ...svc('web', { ports: httpPort }) };
    const spec = { ...(local.spec as Obj), internalTrafficPolicy: 'Local' };
    const world = (more: Obj) =>
      base([{ ...local, spec }, slice('web-1', 'web', [ep(W1, {}, more)], sliceHttp)]);
    // W1 lives on felix-1: its slice entry is local there only when it says so.
    expect(backendIps(both(world({ nodeName: 'felix-1' }), tcp(W1B, SVC, 80)))).toEqual([W1]);
    expect(both(world({}), tcp(W1B, SVC, 80)).decidedBy?.reason).toMatch(/no backend on felix-1/);
    expect(both(world({ nodeName: 'felix-0' }), tcp(W1B, SVC, 80)).verdict).toBe('Deny');
    expect(backendIps(both(world({ nodeName: 'felix-0' }), tcp(W0, SVC, 80)))).toEqual([W1]);
  });

  it('slice ports match Service ports by name and protocol; only the first address counts', () => {
    const world = base([
      svc('web', {
        ports: [
          { name: 'http', protocol: 'TCP', port: 80 },
          { name: 'dns', protocol: 'UDP', port: 53 },
        ],
      }),
      slice(
        'web-1',
        'web',
        [{ addresses: [W1, W1B], conditions: {} }],
        [
          { name: 'http', protocol: 'TCP', port: 8080 },
          { name: 'dns', protocol: 'UDP', port: 5353 },
        ],
      ),
    ]);
    const http = both(world, tcp(W0, SVC, 80));
    expect(http.paths.map((p) => `${p.backend?.ip}:${p.backend?.port}`)).toEqual([`${W1}:8080`]);
    const dns = both(world, { protocol: 'UDP', srcIp: W0, srcPort: 40000, dstIp: SVC, dstPort: 53 });
    expect(dns.paths.map((p) => `${p.backend?.ip}:${p.backend?.port}`)).toEqual([`${W1}:5353`]);
  });

  it('an address that is no pod nor node is a backend outside the cluster: the pod egress sees it post-DNAT', () => {
    const world = (egressTo: string) =>
      base([
        svc('db', { ports: [{ name: 'pg', protocol: 'TCP', port: 5432 }] }),
        slice('db-1', 'db', [ep(DB)], [{ name: 'pg', protocol: 'TCP', port: 5432 }]),
        gnp('egress-only', {
          selector: "name == 'w0'",
          types: ['Egress'],
          egress: [{ action: 'Allow', protocol: 'TCP', destination: { nets: [`${egressTo}/32`] } }],
        }),
      ]);
    const allowed = both(world(DB), tcp(W0, SVC, 5432));
    expect(allowed.verdict).toBe('Allow');
    expect(allowed.paths[0]?.backend).toEqual({ kind: 'External', name: 'outside', ip: DB, port: 5432 });
    expect(allowed.explain()).toContain(`backend External outside ${DB}:5432`);
    expect(stages(allowed)).toContain('exit:outside');
    expect(both(world('192.0.2.99'), tcp(W0, SVC, 5432)).verdict).toBe('Deny');
  });

  it('`services` rules match every slice address and port, ready or not (§6.9, serviceindex.go membersFromEndpointSlice)', () => {
    const world = base([
      svc('web', { ports: httpPort }),
      slice('web-1', 'web', [ep(W1, { ready: false, serving: false })], sliceHttp),
      gnp('to-web-service', {
        selector: "name == 'w0'",
        types: ['Egress'],
        egress: [
          {
            action: 'Allow',
            protocol: 'TCP',
            destination: { services: { name: 'web', namespace: 'default' } },
          },
        ],
      }),
    ]);
    // Not a backend (kube-proxy skips it), but still a member of the Service's slices.
    expect(both(world, tcp(W0, W1, 8080)).verdict).toBe('Allow');
    expect(both(world, tcp(W0, W1, 8081)).verdict).toBe('Deny');
    expect(both(world, tcp(W0, W1B, 8080)).verdict).toBe('Deny');
  });

  it('a NetworkPolicy `services` match without a namespace matches nothing, as in Felix (rule_scanner.go keys the set "/<name>")', () => {
    // updateprocessors/rules.go passes `services.namespace` through as written, rule_scanner.go
    // ruleToParsedRule keys the IP set `<namespace>/<name>` and serviceindex.go fills it from the
    // slices of `<slice namespace>/<service-name label>`: "/web" has no slice, so neither the
    // Allow nor the Deny below ever matches (the API comment's "this policy's namespace" is not
    // implemented at 87c15906).
    const world = (action: 'Allow' | 'Deny', namespace?: string) =>
      base([
        svc('web', { selector: { app: 'web' }, ports: httpPort }),
        slice('web-1', 'web', [ep(W1)], sliceHttp),
        {
          apiVersion: 'projectcalico.org/v3',
          kind: 'NetworkPolicy',
          metadata: { name: 'to-web', namespace: 'default' },
          spec: {
            order: 10,
            selector: "name == 'w0'",
            types: ['Egress'],
            egress: [
              {
                action,
                protocol: 'TCP',
                destination: { services: { name: 'web', ...(namespace ? { namespace } : {}) } },
              },
            ],
          },
        },
        gnp('w0-egress-isolated', { order: 20, selector: "name == 'w0'", types: ['Egress'], egress: [] }),
      ]);
    // With the namespace written out the rule matches the slice's (address, port) …
    expect(both(world('Allow', 'default'), tcp(W0, W1, 8080)).verdict).toBe('Allow');
    expect(both(world('Deny', 'default'), tcp(W0, W1, 8080)).verdict).toBe('Deny');
    // … without it nothing: the Allow allows nothing (end of tier: Deny) and the Deny denies nothing.
    expect(both(world('Allow'), tcp(W0, W1, 8080)).verdict).toBe('Deny');
    const denyRule = both(world('Deny'), tcp(W0, W1, 8080));
    expect(denyRule.paths[0]?.steps.some((s) => s.policy?.name === 'to-web' && s.action === 'no-match')).toBe(
      true,
    );
    // Said out loud, where the rule is.
    const issue = World.from(world('Allow')).issues.find((i) => i.code === 'services_need_name');
    expect(issue?.path).toEqual([9, 'spec', 'egress', 0, 'destination', 'services', 'namespace']);
    expect(issue?.message).toContain('matches nothing');
    expect(World.from(world('Allow', 'default')).issues.map((i) => i.code)).not.toContain(
      'services_need_name',
    );
  });

  it('service_policy_test.go "should allow egress to a service": a slice without a Service still feeds `services` rules', () => {
    // "A service isn't required, as Felix is driven entirely off of endpoint slices." Slice port
    // without a name, as the FV creates it; default-deny egress plus allow-to-w1 (order 1000).
    const world = (addresses: string[]) => [
      ns('default'),
      node('felix-0', F0),
      node('felix-1', F1),
      felix({ defaultEndpointToHostAction: 'Drop' }),
      pod('default', 'w0', W0, { name: 'w0' }, { node: 'felix-0' }),
      pod('default', 'w1', W1, { name: 'w1' }, { node: 'felix-1' }),
      slice(
        'w1-eps',
        'w1-service',
        addresses.map((a) => ({ addresses: [a] })),
        [{ port: 80, protocol: 'TCP' }],
      ),
      {
        apiVersion: 'projectcalico.org/v3',
        kind: 'NetworkPolicy',
        metadata: { name: 'knp.default.default-deny', namespace: 'default' },
        spec: { order: 1000, selector: 'all()', types: ['Egress'] },
      },
      {
        apiVersion: 'projectcalico.org/v3',
        kind: 'NetworkPolicy',
        metadata: { name: 'allow-to-w1', namespace: 'default' },
        spec: {
          order: 1000,
          selector: 'all()',
          types: ['Egress'],
          egress: [
            { action: 'Allow', destination: { services: { name: 'w1-service', namespace: 'default' } } },
          ],
        },
      },
    ];
    const one = world([W1]);
    expect(both(one, tcp(W0, W1, 80)).verdict).toBe('Allow'); // cc.ExpectSome(w[0], w[1].Port(80))
    expect(both(one, tcp(W0, W1, 81)).verdict).toBe('Deny'); // cc.ExpectNone(w[0], w[1].Port(81))
    expect(both(one, tcp(W1, W0, 80)).verdict).toBe('Deny'); // cc.ExpectNone(w[1], w[0].Port(80))
    const two = world([W1, W0]); // "Update the endpoint slice to include the address of w0"
    expect(both(two, tcp(W1, W0, 80)).verdict).toBe('Allow'); // cc.ExpectSome(w[1], w[0].Port(80))
    expect(both(two, tcp(W1, W0, 81)).verdict).toBe('Deny'); // cc.ExpectNone(w[1], w[0].Port(81))
    expect(World.from(one).issues.map((i) => i.code)).toEqual(['endpoint_slice_unmatched']);
  });

  it("a selectorless Service with v1 Endpoints: the mirroring controller's slices (endpointslicemirroring)", () => {
    const endpoints = (labels: Record<string, string> = {}, ip = W1): Obj => ({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default', labels },
      subsets: [
        {
          addresses: [{ ip }],
          notReadyAddresses: [{ ip: W1B }],
          ports: [
            { name: 'http', port: 8080, protocol: 'TCP' },
            { name: 'admin', port: 9000, protocol: 'TCP' },
          ],
        },
      ],
    });
    const world = base([svc('web', { ports: httpPort }), endpoints()]);
    // addresses are ready, notReadyAddresses are not: only w1 is a backend.
    expect(backendIps(both(world, tcp(W0, SVC, 80)))).toEqual([W1]);
    // The port no Service port has is reported at its place in the Endpoints object.
    const unmatched = World.from(world).issues.filter((i) => i.code === 'endpoint_slice_unmatched');
    expect(unmatched.map((i) => i.path)).toEqual([[8, 'subsets', 0, 'ports', 1, 'name']]);
    expect(unmatched[0]?.message).toMatch(
      /^Endpoints \(mirrored to an EndpointSlice\) default\/web: port "admin"/,
    );
    // skip-mirror: not copied, so no backends; a Service with a selector ignores Endpoints.
    const skipped = World.from(
      base([
        svc('web', { ports: httpPort }),
        endpoints({ 'endpointslice.kubernetes.io/skip-mirror': 'true' }),
      ]),
    );
    expect(skipped.evaluate(tcp(W0, SVC, 80)).verdict).toBe('Deny');
    expect(skipped.issues.map((i) => i.code)).toContain('service_without_selector');
    const selected = base([svc('web', { selector: { app: 'other' }, ports: httpPort }), endpoints()]);
    expect(backendIps(both(selected, tcp(W0, SVC, 80)))).toEqual([W1B]);
    // Mirrored next to the Service's own slices (the controller's slices carry its managed-by
    // label; a world that has them already is not mirrored again), not for a leader-election lock.
    const own = slice('web-own', 'web', [ep(W1B)], sliceHttp);
    expect(
      backendIps(both(base([svc('web', { ports: httpPort }), own, endpoints()]), tcp(W0, SVC, 80))),
    ).toEqual([W1B, W1]);
    const mirrored = {
      ...own,
      metadata: {
        ...(own.metadata as Obj),
        labels: {
          ...((own.metadata as Obj).labels as Obj),
          'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
        },
      },
    };
    expect(
      backendIps(both(base([svc('web', { ports: httpPort }), mirrored, endpoints()]), tcp(W0, SVC, 80))),
    ).toEqual([W1B]);
    const lock = {
      ...endpoints(),
      metadata: {
        name: 'web',
        namespace: 'default',
        annotations: { 'control-plane.alpha.kubernetes.io/leader': '{}' },
      },
    };
    expect(both(base([svc('web', { ports: httpPort }), lock]), tcp(W0, SVC, 80)).verdict).toBe('Deny');
    // An empty selector is none (the API server stores none, so the controllers see nil): mirrored.
    const empty = base([svc('web', { selector: {}, ports: httpPort }), endpoints()]);
    expect(backendIps(both(empty, tcp(W0, SVC, 80)))).toEqual([W1]);
    // An address that is not an IP: an issue at the Endpoints field.
    const bad = World.from(base([svc('web', { ports: httpPort }), endpoints({}, '10.65.1')]));
    expect(bad.issues.find((i) => i.code === 'invalid_ip')?.path).toEqual([
      8,
      'subsets',
      0,
      'addresses',
      0,
      'ip',
    ]);
  });

  it('references are checked: unknown port names, unlabelled slices and missing Services are world issues', () => {
    const world = World.from(
      base([
        svc('web', { ports: httpPort }),
        slice('web-1', 'web', [ep(W1)], [...sliceHttp, { name: 'metrics', protocol: 'TCP', port: 9090 }]),
        slice('orphan', undefined, [ep(W1)], sliceHttp),
        slice('ghost-1', 'ghost', [ep(W1)], sliceHttp),
      ]),
    );
    const found = world.issues.filter((i) => i.code === 'endpoint_slice_unmatched');
    expect(found.map((i) => i.path)).toEqual([
      [9, 'metadata', 'labels', 'kubernetes.io/service-name'],
      [8, 'ports', 1, 'name'],
      [10, 'metadata', 'labels', 'kubernetes.io/service-name'],
    ]);
    expect(found[1]?.message).toMatch(
      /port "metrics" \(TCP\) matches no port of Service default\/web \(ports by name: "http"\)/,
    );
    expect(found[0]?.message).toMatch(/no kubernetes\.io\/service-name label/);
    expect(found[2]?.message).toMatch(
      /Service default\/ghost, which the world does not have.*Felix still matches them/,
    );
  });

  it('bad slices fail with the resource and field (core KUBERNETES_SHAPES)', () => {
    const bad = { ...slice('web-1', 'web', [], sliceHttp), endpoints: [{ addresses: W1 }] };
    expect(() => World.from(base([bad]))).toThrow(EvaluatorInputError);
    try {
      World.from(base([bad]));
    } catch (e) {
      const issues = (e as EvaluatorInputError).issues;
      expect(issues[0]?.path).toEqual([7, 'endpoints', 0, 'addresses']);
      expect(issues[0]?.code).toBe('invalid_type');
    }
    const v1beta1 = { ...slice('web-1', 'web', [ep(W1)], sliceHttp), apiVersion: 'discovery.k8s.io/v1beta1' };
    expect(() => World.from(base([v1beta1]))).toThrow(
      /apiVersion "discovery.k8s.io\/v1beta1" does not go with EndpointSlice; use discovery.k8s.io\/v1\./,
    );
    const notIp = World.from(
      base([svc('web', { ports: httpPort }), slice('web-1', 'web', [ep('10.65.1')], sliceHttp)]),
    );
    expect(notIp.issues.find((i) => i.code === 'invalid_ip')?.path).toEqual([
      8,
      'endpoints',
      0,
      'addresses',
      0,
    ]);
  });

  it('fromYaml reads EndpointSlice and EndpointSliceList; the World takes them as read', () => {
    const text = `
apiVersion: discovery.k8s.io/v1
kind: EndpointSliceList
items:
  - metadata:
      name: web-1
      namespace: default
      labels: { kubernetes.io/service-name: web }
    addressType: IPv4
    endpoints:
      - addresses: ["${W1}"]
        conditions: { ready: true }
        nodeName: felix-1
    ports:
      - { name: http, protocol: TCP, port: 8080 }
`;
    const parsed = fromYaml(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value[0]).toMatchObject({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' });
    const r = both(
      [...base([svc('web', { ports: httpPort })]), ...(parsed.value as unknown as Obj[])],
      tcp(W0, SVC, 80),
    );
    expect(backendIps(r)).toEqual([W1]);
    const bad = fromYaml(
      'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: { name: x }\naddressType: IPv5\n',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ code: 'invalid_value', path: ['addressType'] });
  });

  it('selector-derived backends follow the controller: Ready=False and terminating pods are not ready', () => {
    const withStatus = (p: Obj, status: Obj, meta: Obj = {}): Obj => ({
      ...p,
      metadata: { ...(p.metadata as Obj), ...meta },
      status: { ...(p.status as Obj), ...status },
    });
    const w1 = pod(
      'default',
      'w1',
      W1,
      { app: 'web' },
      { node: 'felix-1', ports: [{ name: 'http', containerPort: 8080 }] },
    );
    const w1b = pod(
      'default',
      'w1b',
      W1B,
      { app: 'web' },
      { node: 'felix-1', ports: [{ name: 'http', containerPort: 8080 }] },
    );
    const world = (publishNotReady: boolean) => [
      ns('default'),
      node('felix-0', F0),
      node('felix-1', F1),
      pod('default', 'w0', W0, { name: 'w0' }, { node: 'felix-0' }),
      withStatus(w1, { conditions: [{ type: 'Ready', status: 'False' }] }),
      withStatus(
        w1b,
        { conditions: [{ type: 'Ready', status: 'True' }] },
        { deletionTimestamp: '2026-12-06T10:00:00Z' },
      ),
      svc('web', { selector: { app: 'web' }, ports: httpPort, publishNotReady }),
    ];
    // w1 not ready; w1b terminating but serving: the fallback picks w1b.
    expect(backendIps(both(world(false), tcp(W0, SVC, 80)))).toEqual([W1B]);
    // publishNotReadyAddresses: every pod is ready.
    expect(backendIps(both(world(true), tcp(W0, SVC, 80)))).toEqual([W1, W1B]);
  });
});

describe('pods without a Ready condition (controller: podutil.IsPodReady)', () => {
  const web = (status: Obj): Obj => {
    const p = pod(
      'default',
      'w1',
      W1,
      { app: 'web' },
      { node: 'felix-1', ports: [{ name: 'http', containerPort: 8080 }] },
    );
    return { ...p, status: { ...(p.status as Obj), ...status } };
  };
  const world = (status: Obj) => [
    ns('default'),
    node('felix-0', F0),
    node('felix-1', F1),
    pod('default', 'w0', W0, { name: 'w0' }, { node: 'felix-0' }),
    web(status),
    svc('web', { selector: { app: 'web' }, ports: httpPort }),
  ];

  it('a status with conditions but no Ready one is not ready (a live export; kubelet always writes Ready)', () => {
    const r = both(world({ conditions: [{ type: 'PodScheduled', status: 'True' }] }), tcp(W0, SVC, 80));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.reason).toMatch(
      /its selector picks no ready pod with this port\): kube-proxy rejects/,
    );
  });

  it('a status without conditions (a hand-written manifest) stays ready, as the tutorial worlds need', () => {
    expect(backendIps(both(world({}), tcp(W0, SVC, 80)))).toEqual([W1]);
  });
});

describe('one endpoint in two slices: kube-proxy keeps one copy, in Go map order (endpointslicecache.go addEndpoints)', () => {
  const dupIssues = (world: Obj[]) => World.from(world).issues.filter((i) => i.code === 'duplicate_endpoint');

  it('copies with different conditions: every pick is evaluated (a pick with no backend rejects) and reported', () => {
    // A slice rollover: web-a still says ready, web-b (newer) says neither ready nor serving.
    const a = slice('web-a', 'web', [ep(W1)], sliceHttp);
    const b = slice('web-b', 'web', [ep(W1, { ready: false, serving: false })], sliceHttp);
    for (const world of [
      base([svc('web', { ports: httpPort }), a, b]),
      base([svc('web', { ports: httpPort }), b, a]),
    ]) {
      const r = both(world, tcp(W0, SVC, 80));
      // Keeping web-a's copy sends to w1 (allowed); keeping web-b's leaves no endpoint (rejected).
      expect(r.verdict).toBe('Mixed');
      expect(r.paths.map((p) => p.verdict).sort()).toEqual(['Allow', 'Deny']);
      expect(r.paths.find((p) => p.verdict === 'Deny')?.decidedBy.reason).toMatch(/kube-proxy rejects/);
      const [issue, more] = dupIssues(world);
      expect(more).toBeUndefined();
      expect(issue?.message).toMatch(/10\.65\.1\.2:8080/);
      expect(issue?.message).toMatch(/web-a/);
      expect(issue?.message).toMatch(/web-b/);
      expect(issue?.path).toEqual([
        world.indexOf(world.includes(a) && world.indexOf(a) > world.indexOf(b) ? a : b),
        'endpoints',
        0,
        'conditions',
      ]);
    }
  });

  it('copies that agree are one endpoint, not reported; other ready endpoints keep the Service served', () => {
    const same = base([
      svc('web', { ports: httpPort }),
      slice('web-a', 'web', [ep(W1, { ready: true })], sliceHttp),
      slice('web-b', 'web', [ep(W1, { ready: true })], sliceHttp),
    ]);
    expect(backendIps(both(same, tcp(W0, SVC, 80)))).toEqual([W1]);
    expect(dupIssues(same)).toEqual([]);
    // W1B ready in both picks: no pick is unserved, the union of picks is w1 and w1b.
    const served = base([
      svc('web', { ports: httpPort }),
      slice('web-a', 'web', [ep(W1), ep(W1B)], sliceHttp),
      slice('web-b', 'web', [ep(W1, { ready: false })], sliceHttp),
    ]);
    const r = both(served, tcp(W0, SVC, 80));
    expect(r.verdict).toBe('Allow');
    expect(backendIps(r).sort()).toEqual([W1, W1B]);
    expect(dupIssues(served)).toHaveLength(1);
  });

  it('a pick that denies is never hidden behind an Allow (policy on w1 denies; the other pick has w1b)', () => {
    const deny = knp('default', 'deny-web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [] });
    // web-a: w1 ready, w1b not; web-b: w1 not ready, w1b ready. Picks: {w1}, {w1b}, {w1, w1b} or none.
    const world = base([
      svc('web', { ports: httpPort }),
      slice('web-a', 'web', [ep(W1), ep(W1B, { ready: false, serving: false })], sliceHttp),
      slice('web-b', 'web', [ep(W1, { ready: false, serving: false }), ep(W1B)], sliceHttp),
      deny,
    ]);
    const r = both(world, tcp(W0, SVC, 80));
    expect(r.verdict).toBe('Mixed');
    expect(backendIps(r).sort()).toEqual([W1, W1B]);
    expect(r.paths.some((p) => p.verdict === 'Deny' && p.backend === undefined)).toBe(true);
    expect(dupIssues(world)).toHaveLength(2);
  });

  it('externalTrafficPolicy Local and a host client: the unserved pick is a path of its own (drop, reject)', () => {
    const world = base([
      ...heps,
      webNodePortLocal(),
      slice('web-a', 'web', [ep(W1, {}, { nodeName: 'felix-1' })], sliceHttp),
      slice('web-b', 'web', [ep(W1, { ready: false, serving: false }, { nodeName: 'felix-1' })], sliceHttp),
    ]);
    const outside = both(world, tcp(CLIENT, F1, 30080));
    expect(outside.verdict).toBe('Mixed');
    expect(outside.paths.find((p) => p.verdict === 'Deny')?.decidedBy.reason).toMatch(
      /^with one pick of the copies of its duplicate endpoints kube-proxy may keep .*externalTrafficPolicy Local and no backend on felix-1: kube-proxy drops/,
    );
    const host = both(world, tcp(F0, SVC, 80));
    expect(host.verdict).toBe('Mixed');
    expect(host.paths.find((p) => p.verdict === 'Deny')?.decidedBy.reason).toMatch(/kube-proxy rejects/);
  });

  it('more than 64 picks are not enumerated: every usable copy is a backend, and no backend is a path too', () => {
    // Seven endpoints outside the model, each ready in web-a and neither ready nor serving in web-b: 128 picks.
    const ips = Array.from({ length: 7 }, (_, k) => `192.0.2.${20 + k}`);
    const world = base([
      svc('web', { ports: httpPort }),
      slice(
        'web-a',
        'web',
        ips.map((ip) => ep(ip)),
        sliceHttp,
      ),
      slice(
        'web-b',
        'web',
        ips.map((ip) => ep(ip, { ready: false, serving: false })),
        sliceHttp,
      ),
    ]);
    const r = both(world, tcp(W0, SVC, 80));
    expect(r.verdict).toBe('Mixed');
    expect(backendIps(r).sort()).toEqual(ips);
    expect(r.paths.filter((p) => p.verdict === 'Deny')).toHaveLength(1);
    expect(dupIssues(world)).toHaveLength(7);
  });

  it('selector-derived endpoints too: two pods with one IP, one terminating, are two endpoints the controller writes', () => {
    const w1 = pod(
      'default',
      'w1',
      W1,
      { app: 'web' },
      { node: 'felix-1', ports: [{ name: 'http', containerPort: 8080 }] },
    );
    const ghost = {
      ...pod(
        'default',
        'w1-old',
        W1,
        { app: 'web' },
        { node: 'felix-0', ports: [{ name: 'http', containerPort: 8080 }] },
      ),
    };
    const old = {
      ...ghost,
      metadata: { ...(ghost.metadata as Obj), deletionTimestamp: '2026-12-06T10:00:00Z' },
    };
    const world = [
      ns('default'),
      node('felix-0', F0),
      node('felix-1', F1),
      pod('default', 'w0', W0, { name: 'w0' }, { node: 'felix-0' }),
      w1,
      old,
      svc('web', { selector: { app: 'web' }, ports: httpPort }),
    ];
    // The ghost's copy is not ready but serving-terminating: either pick has W1 as a backend.
    expect(both(world, tcp(W0, SVC, 80)).verdict).toBe('Allow');
    expect(dupIssues(world)).toHaveLength(1);
  });
});

describe('two Services claiming one frontend (proxier.go syncProxyRules: KUBE-SERVICES in svcPortMap order)', () => {
  const EXT = '203.0.113.50';
  /** A Service on cluster IP `clusterIP` that also claims `EXT`:80 and, if given, a node port. */
  const claim = (name: string, clusterIP: string, selector: Obj, nodePort?: number): Obj => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      type: nodePort === undefined ? 'ClusterIP' : 'NodePort',
      clusterIP,
      selector,
      externalIPs: [EXT],
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, ...(nodePort ? { nodePort } : {}) },
      ],
    },
  });
  const conflicts = (world: Obj[]) =>
    World.from(world).issues.filter((i) => i.code === 'service_frontend_conflict');

  it('both with endpoints: which rule comes first is Go map order, so the conflict is reported', () => {
    const world = base([
      claim('a', '10.101.0.31', { app: 'web' }),
      claim('b', '10.101.0.32', { app: 'other' }),
    ]);
    const [issue, more] = conflicts(world);
    expect(more).toBeUndefined();
    expect(issue?.message).toMatch(/203\.0\.113\.50:80/);
    expect(issue?.message).toMatch(/default\/a/);
    expect(issue?.message).toMatch(/default\/b/);
    expect(issue?.message).toMatch(/Go map order/);
    // Either Service may get the packet: both are evaluated, so a policy denying one of them shows.
    const deny = knp('default', 'deny-other', {
      podSelector: { matchLabels: { app: 'other' } },
      ingress: [],
    });
    const r = both([...world, deny], tcp(W0, EXT, 80));
    expect(r.verdict).toBe('Mixed');
    expect(backendIps(r)).toEqual([W1, W1B]);
  });

  it('only one with endpoints: its nat rule wins (the other has only a filter REJECT, met after DNAT)', () => {
    // a selects no pod (no endpoints: no nat rule), b selects w1b.
    const world = base([
      claim('a', '10.101.0.31', { app: 'none' }),
      claim('b', '10.101.0.32', { app: 'other' }),
    ]);
    expect(backendIps(both(world, tcp(W0, EXT, 80)))).toEqual([W1B]);
    expect(conflicts(world)[0]?.message).toMatch(
      /only default\/b may have endpoints, so kube-proxy DNATs to it/,
    );
  });

  it('one cluster IP in two Services cannot exist either (the API server allocates cluster IPs): said so', () => {
    const world = base([
      claim('a', '10.101.0.31', { app: 'web' }),
      claim('b', '10.101.0.31', { app: 'other' }),
    ]);
    const issue = conflicts(world).find((i) => i.message.includes('10.101.0.31:80'));
    expect(issue?.message).toMatch(/allocates cluster IPs cluster-wide\), so this world cannot exist/);
    expect(conflicts(world).find((i) => i.message.includes('203.0.113.50:80'))?.message).not.toMatch(
      /cannot exist/,
    );
  });

  it('one node port in two Services cannot exist (the API server allocates node ports cluster-wide): reported', () => {
    const world = base([
      claim('a', '10.101.0.31', { app: 'web' }, 30080),
      {
        ...claim('b', '10.101.0.32', { app: 'other' }, 30080),
        spec: { ...(claim('b', '10.101.0.32', { app: 'other' }, 30080).spec as Obj), externalIPs: [] },
      },
    ]);
    const [issue] = conflicts(world);
    expect(issue?.message).toMatch(/node port 30080/);
    expect(issue?.message).toMatch(/API server/);
  });
});

/** hostNetwork pod `hn1` on felix-1 (its address is F1), selected by Service `hn`. */
const hostNet = (extra: Obj[] = [], endpointToHost = 'Accept', hostEndpoints: Obj[] = heps): Obj[] =>
  base(
    [
      ...hostEndpoints,
      {
        ...pod(
          'kube-system',
          'hn1',
          F1,
          { app: 'hn' },
          { node: 'felix-1', ports: [{ name: 'metrics', containerPort: 9100 }] },
        ),
        spec: {
          nodeName: 'felix-1',
          hostNetwork: true,
          containers: [{ name: 'main', ports: [{ name: 'metrics', containerPort: 9100 }] }],
        },
      },
      ns('kube-system'),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'hn', namespace: 'kube-system' },
        spec: {
          type: 'NodePort',
          selector: { app: 'hn' },
          clusterIP: SVC,
          ports: [{ name: 'metrics', protocol: 'TCP', port: 80, targetPort: 'metrics', nodePort: 30100 }],
        },
      },
      ...extra,
    ],
    endpointToHost,
  );

/** Normal (not AoF) HEP ingress policy: Felix applies it in filter INPUT to host-bound traffic. */
const hepDeny = (port: number) =>
  gnp('hep-deny', {
    order: 10,
    selector: 'has(host-endpoint)',
    types: ['Ingress'],
    ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [port] } }, { action: 'Allow' }],
  });

describe('hostNetwork pods as Service backends: host endpoint policy, not a workload chain', () => {
  it('the backend is the node host (kind Host), its port resolved from the pod', () => {
    const r = both(hostNet(), tcp(W0, SVC, 80));
    expect(r.verdict).toBe('Allow');
    expect(r.paths[0]?.backend).toEqual({
      kind: 'Host',
      name: 'felix-1',
      node: 'felix-1',
      ip: F1,
      port: 9100,
    });
    expect(stages(r).some((s) => s.startsWith('workloadIngress'))).toBe(false);
  });

  it("pod → ClusterIP → hostNetwork backend on another node: that node's HEP ingress decides (hostendpoints_test.go hostW)", () => {
    const r = both(hostNet([hepDeny(9100)]), tcp(W0, SVC, 80));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy).toMatchObject({ stage: 'hostIngress', policy: { name: 'hep-deny' } });
    expect(decidingEndpoint(r)).toBe('felix-1-eth0');
    expect(stages(r)).toContain('dnat:-');
  });

  it('hostendpoints_test.go "should deny felixes[0] => felixes[1] traffic if policy denies ingress on felixes[1]", through a Service', () => {
    // The FV: a GNP denying all ingress on felix-1's HEP blocks felix-0 → hostW[1] (a host-networked
    // listener) but not felix-0 → w[1] (forwarded to a pod). Here both sit behind a ClusterIP.
    const hostLabelled: Obj[] = [
      hep('felix-0-eth0', 'felix-0', 'eth0', [F0], { hostname: 'felix-0' }, ['projectcalico-default-allow']),
      hep('felix-1-eth0', 'felix-1', 'eth0', [F1], { hostname: 'felix-1' }, ['projectcalico-default-allow']),
    ];
    const f1Ingress = gnp('f1-ingress', { selector: "hostname == 'felix-1'", ingress: [{ action: 'Deny' }] });
    const toHostW1 = hostNet([f1Ingress], 'Accept', hostLabelled);
    const denied = both(toHostW1, tcp(F0, SVC, 80));
    expect(denied.verdict).toBe('Deny');
    expect(denied.decidedBy).toMatchObject({ stage: 'hostIngress', policy: { name: 'f1-ingress' } });
    const toW1 = base([
      ...hostLabelled,
      f1Ingress,
      svc('web', { selector: { app: 'web' }, ports: httpPort }),
    ]);
    expect(both(toW1, tcp(F0, SVC, 80)).verdict).toBe('Allow');
  });

  it('pod → ClusterIP → hostNetwork backend on its own node: DefaultEndpointToHostAction (ep_to_host_action_test.go)', () => {
    const own = (action: string) =>
      hostNet([pod('default', 'w1c', '10.65.1.4', { name: 'w1c' }, { node: 'felix-1' })], action);
    const drop = both(own('Drop'), tcp('10.65.1.4', SVC, 80));
    expect(drop.verdict).toBe('Deny');
    expect(drop.decidedBy?.stage).toBe('endpointToHost');
    expect(stages(drop).map((s) => s.split(':')[0])).toEqual(['dnat', 'workloadEgress', 'endpointToHost']);
    expect(both(own('Accept'), tcp('10.65.1.4', SVC, 80)).verdict).toBe('Allow');
  });

  it("external → nodePort on the backend's node: filter INPUT of the entry HEP on the post-DNAT packet", () => {
    // A normal HEP policy on the backend port denies (INPUT sees 9100), one on the nodePort does not.
    const denied = both(hostNet([hepDeny(9100)]), tcp(CLIENT, F1, 30100));
    expect(denied.verdict).toBe('Deny');
    expect(denied.decidedBy).toMatchObject({ stage: 'hostIngress', policy: { name: 'hep-deny' } });
    expect(both(hostNet([hepDeny(30100)]), tcp(CLIENT, F1, 30100)).verdict).toBe('Allow');
  });

  it("external → nodePort on another node: forwarded (AoF), SNAT, then the backend node's INPUT", () => {
    const r = both(hostNet([hepDeny(9100)]), tcp(CLIENT, F0, 30100));
    expect(r.verdict).toBe('Deny');
    const s = stages(r).map((x) => x.split(':')[0]);
    expect(s.indexOf('snat')).toBeGreaterThan(s.indexOf('forward'));
    expect(s.at(-1)).toBe('hostIngress');
    expect(decidingEndpoint(r)).toBe('felix-1-eth0');
  });

  it("a hostNetwork pod's IP is its node's address even without a Node resource", () => {
    const world = hostNet().filter(
      (o) => !['felix-1', 'felix-1-eth0'].includes(String((o.metadata as Obj).name)) || o.kind === 'Pod',
    );
    const model = World.from(world).model;
    expect(model.nodes.get('felix-1')?.internalIPs.map((ip) => ip.text)).toEqual([F1]);
    expect(both(world, tcp(W0, SVC, 80)).paths[0]?.backend?.kind).toBe('Host');
  });

  it('an EndpointSlice address that is a node address is a host backend too', () => {
    const world = base([
      ...heps,
      hepDeny(10250),
      svc('kubelet', { ports: [{ name: 'https', protocol: 'TCP', port: 443 }] }),
      slice('kubelet-1', 'kubelet', [ep(F1)], [{ name: 'https', protocol: 'TCP', port: 10250 }]),
    ]);
    const r = both(world, tcp(W0, SVC, 443));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy).toMatchObject({ stage: 'hostIngress', policy: { name: 'hep-deny' } });
  });
});

describe('in-cluster clients of node ports, load balancers and external IPs (kube-proxy proxier.go)', () => {
  // web (w1, felix-1) admits only w0; the Service's node port is 30080.
  const webOnlyFromW0 = knp('default', 'web-from-w0', {
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { name: 'w0' } } }] }],
  });
  const nodePortSvc = (etp?: 'Local') =>
    svc('web', {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 30080 }],
      ...(etp ? { etp } : {}),
    });

  it('own node port, eTP Cluster: DNAT here, then masquerade to this node for a backend elsewhere', () => {
    const r = both(base([nodePortSvc(), webOnlyFromW0]), tcp(W0, F0, 30080));
    expect(r.verdict).toBe('Deny');
    expect(stages(r)).toContain('snat:-');
    expect(r.decidedBy?.stage).toBe('workloadIngress');
  });

  it('own node port, eTP Local: pod traffic goes to the cluster endpoints unmasqueraded', () => {
    expect(both(base([nodePortSvc('Local'), webOnlyFromW0]), tcp(W0, F0, 30080)).verdict).toBe('Allow');
  });

  it("another node's node port is DNAT'd there: the pod's egress sees the node port", () => {
    // w0 may send only to web pods on 8080: the node port is not a web pod, so egress denies.
    const w0ToWebOnly = knp('default', 'w0-to-web', {
      podSelector: { matchLabels: { name: 'w0' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080 }] }],
    });
    const r = both(base([nodePortSvc(), w0ToWebOnly]), tcp(W0, F1, 30080));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.stage).toBe('workloadEgress');
    // Without that policy it reaches felix-1, which DNATs to its local backend (no masquerade
    // effect: web's ingress runs before nat POSTROUTING) and web admits w0.
    const open = both(base([nodePortSvc(), webOnlyFromW0]), tcp(W0, F1, 30080));
    expect(open.verdict).toBe('Allow');
    expect(open.paths[0]?.steps.find((s) => s.stage === 'dnat')?.reason).toContain(`${F1}:30080`);
  });

  it("a host to another node's node port counts as outside traffic there (eTP Local: that node's backends)", () => {
    // felix-1 has the only backend: from felix-0's host, felix-0's node port has none with eTP
    // Local there… but the host reaches felix-1's node port, DNAT'd on felix-1 to its local w1.
    expect(both(base([nodePortSvc('Local')]), tcp(F0, F1, 30080)).verdict).toBe('Allow');
    const r = both(base([nodePortSvc('Local')]), tcp(F1, F0, 30080));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.reason).toContain('externalTrafficPolicy Local and no backend on felix-0');
  });
});

describe("kube-proxy's nodePortAddresses: which node addresses serve node ports (proxier.go)", () => {
  // felix-1 at F1 with the ExternalIP 203.0.113.21; w1 (felix-1) behind node port 30080, and web
  // admits nothing: a DNAT'd packet is denied there, one that stays addressed to the host is
  // policed by the host endpoints (allowed by default here).
  const config = (nodePortAddresses: string): Obj => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-proxy', namespace: 'kube-system' },
    data: {
      'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ""\nnodePortAddresses:${nodePortAddresses}\noomScoreAdj: -999\n`,
    },
  });
  const denyWeb = knp('default', 'deny-web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [] });
  const world = (extra: Obj[]) =>
    base([
      ...heps,
      svc('web', {
        type: 'NodePort',
        selector: { app: 'web' },
        ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 30080 }],
      }),
      denyWeb,
      ...extra,
    ]).map((r) =>
      r.kind === 'Node' && (r.metadata as Obj).name === 'felix-1' ? node('felix-1', F1, '203.0.113.21') : r,
    );
  const dnatted = (r: ReturnType<typeof both>) =>
    r.paths.some((p) => p.steps.some((s) => s.stage === 'dnat'));

  it('by default every node address does (DNAT to web, denied there)', () => {
    for (const extra of [[], [config(' null')], [config(' []')]])
      for (const ip of [F1, '203.0.113.21'])
        expect(dnatted(both(world(extra), tcp(CLIENT, ip, 30080)))).toBe(true);
  });

  it('a CIDR list keeps the others out of KUBE-NODEPORTS: the packet stays addressed to the host', () => {
    for (const list of ['\n- 172.17.0.0/16', ' ["172.17.0.0/16"]', '\n  - "172.17.0.0/16"']) {
      const w = world([config(list)]);
      expect(World.from(w).model.kubeProxyNodePortAddresses).toEqual([
        expect.objectContaining({ text: '172.17.0.0/16' }),
      ]);
      expect(dnatted(both(w, tcp(CLIENT, F1, 30080)))).toBe(true);
      const r = both(w, tcp(CLIENT, '203.0.113.21', 30080));
      expect(dnatted(r)).toBe(false);
      expect(r.verdict).toBe('Allow');
    }
  });

  it("primary: the node's first InternalIP only", () => {
    const w = world([config('\n- primary')]);
    expect(World.from(w).model.kubeProxyNodePortAddresses).toBe('primary');
    expect(dnatted(both(w, tcp(CLIENT, F1, 30080)))).toBe(true);
    expect(dnatted(both(w, tcp(CLIENT, '203.0.113.21', 30080)))).toBe(false);
  });
});

describe('kube-proxy mode: only iptables is modelled, IPVS and nftables are refused loudly', () => {
  it('kubeProxyMode ipvs is the world issue unsupported_kube_proxy_mode naming IPVS', () => {
    const world = World.from(hostNet(), { kubeProxyMode: 'ipvs' });
    const issue = world.issues.find((i) => i.code === 'unsupported_kube_proxy_mode');
    expect(issue?.message).toMatch(/IPVS mode is not modelled.*kube-ipvs0.*INPUT/);
    expect(World.from(hostNet(), { kubeProxyMode: 'nftables' }).issues.map((i) => i.code)).toContain(
      'unsupported_kube_proxy_mode',
    );
    for (const opts of [{}, { kubeProxyMode: 'iptables' as const }])
      expect(World.from(hostNet(), opts).issues.map((i) => i.code)).not.toContain(
        'unsupported_kube_proxy_mode',
      );
  });

  it("kubeadm's kube-system/kube-proxy ConfigMap declares the mode (config.conf, a KubeProxyConfiguration)", () => {
    const text = (mode: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-proxy
  namespace: kube-system
data:
  config.conf: |-
    apiVersion: kubeproxy.config.k8s.io/v1alpha1
    kind: KubeProxyConfiguration
    ipvs:
      scheduler: ""
    mode: ${mode}
  kubeconfig.conf: |-
    apiVersion: v1
    kind: Config
`;
    const read = (mode: string) => {
      const parsed = fromYaml(text(mode));
      if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
      return parsed.value as unknown as Obj[];
    };
    const world = [...hostNet(), ...read('"ipvs"')];
    const issue = World.from(world).issues.find((i) => i.code === 'unsupported_kube_proxy_mode');
    expect(issue?.path).toEqual([world.length - 1, 'data', 'config.conf']);
    expect(issue?.message).toMatch(/IPVS mode is not modelled/);
    // kubeadm's default (empty mode) is iptables; the World option wins over the ConfigMap.
    const codes = (resources: Obj[], opts = {}) => World.from(resources, opts).issues.map((i) => i.code);
    expect(codes([...hostNet(), ...read('""')])).not.toContain('unsupported_kube_proxy_mode');
    expect(codes(world, { kubeProxyMode: 'iptables' })).not.toContain('unsupported_kube_proxy_mode');
    expect(World.from([...hostNet(), ...read('kernelspace')]).issues.at(-1)?.message).toMatch(
      /"kernelspace" is not one/,
    );
    // Another namespace's ConfigMap is not kube-proxy's.
    const other = { ...(read('ipvs')[0] as Obj), metadata: { name: 'kube-proxy', namespace: 'default' } };
    expect(codes([...hostNet(), other])).not.toContain('unsupported_kube_proxy_mode');
  });
});

describe('malformed slices, Services and hostNetwork pods', () => {
  it('World.from throws only EvaluatorInputError and evaluate never throws', () => {
    const world = hostNet([
      svc('web', { ports: httpPort, etp: 'Local', type: 'NodePort' }),
      slice(
        'web-1',
        'web',
        [ep(W1, { ready: false, serving: true, terminating: true }, { nodeName: 'felix-1' }), ep(DB)],
        sliceHttp,
      ),
      {
        ...svc('db', { ports: [{ name: 'pg', protocol: 'TCP', port: 5432 }] }),
        spec: { clusterIP: '10.101.0.31', ports: [{ name: 'pg', port: 5432 }] },
      },
      {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: 'db', namespace: 'default' },
        subsets: [
          { addresses: [{ ip: DB }], notReadyAddresses: [{ ip: F1 }], ports: [{ name: 'pg', port: 5432 }] },
        ],
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'kube-proxy', namespace: 'kube-system' },
        data: { 'config.conf': 'kind: KubeProxyConfiguration\nmode: ipvs\n' },
      },
    ]);
    // Mutate only the parts this change reads: Services, slices, Endpoints, the ConfigMap, pods.
    const targets = world.flatMap((r, i) =>
      ['Service', 'EndpointSlice', 'Endpoints', 'ConfigMap', 'Pod'].includes(String(r.kind)) ? [i] : [],
    );
    const flows: Flow[] = [
      tcp(W0, SVC, 80),
      tcp(CLIENT, F1, 30100),
      tcp(F0, SVC, 80),
      tcp(W1B, F1, 9100),
      tcp(W0, '10.101.0.31', 5432),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...targets),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        fc.jsonValue({ maxDepth: 2 }),
        (at, choices, value) => {
          const broken = world.map((r, i) => (i === at ? mutate(r, choices, value) : r));
          let w: World;
          try {
            w = World.from(broken);
          } catch (e) {
            expect(e).toBeInstanceOf(EvaluatorInputError);
            return;
          }
          for (const f of flows) expect(['Allow', 'Deny', 'Mixed']).toContain(w.evaluate(f).verdict);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('kube-proxy load balancer IPs: loadBalancerSourceRanges and ipMode (serviceport.go)', () => {
  const lb = (ranges: unknown, ingress: Record<string, unknown> = { ip: '203.0.113.50' }) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'prod' },
    spec: {
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports: [{ port: 80 }],
      loadBalancerSourceRanges: ranges,
    },
    status: { loadBalancer: { ingress: [ingress] } },
  });
  const model = (ranges: unknown, ingress?: Record<string, unknown>) => World.from([lb(ranges, ingress)]);

  it('trims entries, reports those that are not CIDRs (a bare address included) and leaves them out', () => {
    const w = model([' 10.0.0.0/8 ', 'nope', 7, '10.1.2.3']);
    expect(w.model.servicePorts[0]?.loadBalancerSourceRanges.map((c) => c.text)).toEqual(['10.0.0.0/8']);
    expect(w.issues.map((i) => [i.code, i.path.slice(1)])).toEqual([
      ['invalid_cidr', ['spec', 'loadBalancerSourceRanges', 1]],
      ['invalid_cidr', ['spec', 'loadBalancerSourceRanges', 2]],
      ['invalid_cidr', ['spec', 'loadBalancerSourceRanges', 3]],
    ]);
    expect(model('10.0.0.0/8').issues.map((i) => i.path.slice(1))).toEqual([
      ['spec', 'loadBalancerSourceRanges'],
    ]);
    expect(model(null).issues).toEqual([]);
  });

  it("an address that is both the Service's external IP and its load balancer IP is the external IP (proxier.go writes that rule first: no KUBE-FW)", () => {
    const both = {
      ...lb(['10.0.0.0/8']),
      spec: { ...lb(['10.0.0.0/8']).spec, externalIPs: ['203.0.113.50'] },
    };
    const kinds = [...World.from([both]).model.frontends.values()].map((f) => f.kind);
    expect(kinds).toEqual(['externalIP']);
  });

  it('a Proxy-mode ingress is not a kube-proxy frontend; VIP mode (or none) is', () => {
    const kinds = (ingress: Record<string, unknown>) =>
      [...model(undefined, ingress).model.frontends.values()].map((f) => f.kind);
    expect(kinds({ ip: '203.0.113.50' })).toContain('loadBalancer');
    expect(kinds({ ip: '203.0.113.50', ipMode: 'VIP' })).toContain('loadBalancer');
    expect(kinds({ ip: '203.0.113.50', ipMode: 'Proxy' })).not.toContain('loadBalancer');
  });

  it('spec.loadBalancerIP is a frontend only for a Service written without status.loadBalancer', () => {
    // The suite's load balancer, asking for 203.0.113.60, with the given status or none.
    const service = (status: Record<string, unknown> | undefined) => {
      const { status: _granted, ...asked } = lb(undefined);
      return {
        ...asked,
        spec: { ...asked.spec, loadBalancerIP: '203.0.113.60' },
        ...(status ? { status } : {}),
      };
    };
    const lbIps = (status?: Record<string, unknown>) =>
      World.from([service(status)]).model.servicePorts[0]?.loadBalancerIPs.map((ip) => ip.text);
    expect(lbIps()).toEqual(['203.0.113.60']); // hand-written: taken as granted
    expect(lbIps({ loadBalancer: {} })).toEqual([]); // pending: kube-proxy has no VIP
    expect(lbIps({ loadBalancer: { ingress: [{ ip: '203.0.113.60', ipMode: 'Proxy' }] } })).toEqual([]);
    expect(lbIps({ loadBalancer: { ingress: [{ ip: '203.0.113.61' }] } })).toEqual(['203.0.113.61']);
  });
});

describe('Services kube-proxy does not program, and targetPort names (proxier, podutil.FindPort)', () => {
  const world = (
    svc: Obj,
    podSpec: Obj = { containers: [{ name: 'main', ports: [{ name: 'http', containerPort: 8080 }] }] },
  ) => [
    ns('prod'),
    node('node-1', '10.0.0.11'),
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
      spec: { nodeName: 'node-1', ...podSpec },
      status: { podIP: '10.65.0.10' },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'client', namespace: 'prod', labels: { app: 'client' } },
      spec: { nodeName: 'node-1', containers: [{ name: 'main' }] },
      status: { podIP: '10.65.0.20' },
    },
    gnp('client-to-web-only', {
      selector: "app == 'client'",
      types: ['Egress'],
      egress: [{ action: 'Allow', destination: { selector: "app == 'web'" } }],
    }),
    svc,
  ];
  const svc = (metadata: Obj, spec: Obj): Obj => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'prod', ...metadata },
    spec: {
      selector: { app: 'web' },
      clusterIP: '10.96.0.20',
      ports: [{ port: 80, targetPort: 'http' }],
      ...spec,
    },
  });

  it("a Service labelled for another proxy is not DNAT'd (its ClusterIP meets the egress policy) and is reported", () => {
    const labelled = svc({ labels: { 'service.kubernetes.io/service-proxy-name': 'foo-proxy' } }, {});
    expect(both(world(svc({}, {})), tcp('10.65.0.20', '10.96.0.20', 80)).verdict).toBe('Allow');
    expect(both(world(labelled), tcp('10.65.0.20', '10.96.0.20', 80)).verdict).toBe('Deny');
    expect(World.from(world(labelled)).issues.map((i) => i.code)).toContain('service_not_proxied');
  });

  it('a headless Service has no frontends, its externalIPs included (ShouldSkipService)', () => {
    const headless = svc({}, { clusterIP: 'None', externalIPs: ['198.51.100.60'] });
    expect(both(world(headless), tcp('10.65.0.20', '198.51.100.60', 80)).verdict).toBe('Deny');
  });

  it("a single-stack IPv4 Service is not DNAT'd over IPv6: no IPv6 backend, node port or external IP", () => {
    const dual = [
      ns('prod'),
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'node-1' },
        status: {
          addresses: [
            { type: 'InternalIP', address: '10.0.0.11' },
            { type: 'InternalIP', address: 'fd00::11' },
          ],
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
        spec: { nodeName: 'node-1', containers: [{ name: 'main' }] },
        status: { podIP: '10.65.0.10', podIPs: [{ ip: '10.65.0.10' }, { ip: 'fd10::10' }] },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'prod' },
        spec: {
          type: 'NodePort',
          selector: { app: 'web' },
          clusterIP: '10.96.0.20',
          ipFamilies: ['IPv4'],
          externalIPs: ['198.51.100.60', '2001:db8::60'],
          ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
        },
      },
    ];
    const w = World.from(dual);
    expect(w.model.servicePorts[0]?.backends.map((b) => b.ip.text)).toEqual(['10.65.0.10']);
    expect(w.model.servicePorts[0]?.externalIPs.map((ip) => ip.text)).toEqual(['198.51.100.60']);
    expect(both(dual, tcp('198.51.100.7', '10.0.0.11', 30080)).paths[0]?.backend?.ip).toBe('10.65.0.10');
    expect(both(dual, tcp('2001:db8:9::7', 'fd00::11', 30080)).paths[0]?.backend).toBeUndefined();
  });

  it('a named targetPort is looked up in containers and sidecar init containers only', () => {
    const init = (restartPolicy?: string) => ({
      containers: [{ name: 'main' }],
      initContainers: [
        {
          name: 'init',
          ...(restartPolicy ? { restartPolicy } : {}),
          ports: [{ name: 'http', containerPort: 8080 }],
        },
      ],
    });
    const r = both(world(svc({}, {}), init()), tcp('10.65.0.20', '10.96.0.20', 80));
    expect([r.verdict, r.decidedBy?.stage]).toEqual(['Deny', 'dnat']); // no endpoint: rejected
    expect(both(world(svc({}, {}), init('Always')), tcp('10.65.0.20', '10.96.0.20', 80)).verdict).toBe(
      'Allow',
    );
  });
});
