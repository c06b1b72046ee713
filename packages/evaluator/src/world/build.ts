/**
 * Builds the {@link WorldModel} from resources (what `fromYaml` returns, or DSL builders).
 * Reads loosely — validation is `validate`'s job — but refuses input it cannot read at all.
 */
import type { Issue, Rule } from '@calico-dsl/core';
import { isResourceSource } from '@calico-dsl/core';
import { EvaluatorInputError } from '../errors.js';
import { type Cidr, type Ip, ipKey, parseCidr, parseIp } from '../net/ip.js';
import { protocolNumber } from '../net/protocol.js';
import { DEFAULT_FAILSAFE_INBOUND, DEFAULT_FAILSAFE_OUTBOUND, failsafeFromConfig } from './failsafe.js';
import type {
  BackendModel,
  EndpointModel,
  EndpointToHostAction,
  EntityModel,
  FailsafePortModel,
  HostEndpointModel,
  NamedPortModel,
  NetworkSetModel,
  NodeModel,
  PolicyModel,
  ProfileModel,
  ServicePortModel,
  TierModel,
  WorkloadEndpointModel,
  WorldModel,
} from './model.js';
import { normalisePolicy, type RawPolicy, rawCalicoPolicy, rawK8sPolicy } from './policies.js';
import { compileRule } from './rules.js';
import { type LabelMap, SelectorCache } from './selector.js';
import { shapeIssues } from './shape.js';
import { BUILTIN_TIER_MODELS, comparePolicies, compareTiers } from './tiers.js';

/** Options of {@link buildModel}. */
export interface BuildOptions {
  /** Overrides FelixConfiguration `defaultEndpointToHostAction` (§4.7). */
  readonly defaultEndpointToHostAction?: EndpointToHostAction;
}

// biome-ignore lint/suspicious/noExplicitAny: manifests are read loosely; fields are checked where used.
type Loose = any;

function labelMap(...sources: (Readonly<Record<string, string>> | undefined)[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const s of sources) {
    if (!s || typeof s !== 'object') continue;
    for (const [k, v] of Object.entries(s)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

function prefixed(labels: LabelMap | undefined, prefix: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(labels ?? {})) out[prefix + k] = v;
  return out;
}

function ips(list: readonly unknown[] | undefined): Ip[] {
  const out: Ip[] = [];
  for (const t of list ?? []) {
    const ip = typeof t === 'string' ? parseIp(t) : undefined;
    if (ip && !out.some((o) => ipKey(o) === ipKey(ip))) out.push(ip);
  }
  return out;
}

function allowAllProfile(name: string, labelsToApply: LabelMap): ProfileModel {
  const sc = new SelectorCache();
  const allow = [compileRule({ action: 'Allow' }, 0, undefined, sc, [])];
  return { name, ingress: allow, egress: allow, labelsToApply };
}

const POLICY_KINDS = new Set([
  'GlobalNetworkPolicy',
  'NetworkPolicy',
  'StagedGlobalNetworkPolicy',
  'StagedNetworkPolicy',
  'StagedKubernetesNetworkPolicy',
]);

const KNOWN_KINDS = new Set([
  ...POLICY_KINDS,
  'Tier',
  'GlobalNetworkSet',
  'NetworkSet',
  'HostEndpoint',
  'Profile',
  'FelixConfiguration',
  'Pod',
  'Namespace',
  'ServiceAccount',
  'Service',
  'Node',
]);

/** Turns builders into resources and checks the minimum shape; throws {@link EvaluatorInputError}. */
export function readResources(input: readonly unknown[]): Loose[] {
  const issues: Issue[] = [];
  const out: Loose[] = [];
  input.forEach((item, i) => {
    const r: Loose = isResourceSource(item) ? item.toResource() : item;
    const where = `resource ${i}`;
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      issues.push({
        code: 'evaluator.input',
        path: [i],
        message: `${where} is not an object; pass parsed manifests (fromYaml) or DSL builders.`,
      });
      return;
    }
    const kind = r.kind;
    const name = r.metadata?.name;
    const label = `${typeof kind === 'string' ? kind : where}${typeof name === 'string' ? ` "${name}"` : ''}`;
    if (typeof kind !== 'string' || !KNOWN_KINDS.has(kind)) {
      issues.push({
        code: 'evaluator.kind',
        path: [i, 'kind'],
        message: `${label}: kind ${JSON.stringify(kind)} is not one the evaluator reads (Calico v3 kinds, Pod, Namespace, ServiceAccount, Service, Node, NetworkPolicy).`,
      });
      return;
    }
    if (typeof name !== 'string' || name === '') {
      issues.push({
        code: 'evaluator.name',
        path: [i, 'metadata', 'name'],
        message: `${label}: metadata.name is required.`,
      });
      return;
    }
    if (r.spec !== undefined && (typeof r.spec !== 'object' || r.spec === null)) {
      issues.push({
        code: 'evaluator.spec',
        path: [i, 'spec'],
        message: `${label}: spec must be an object.`,
      });
      return;
    }
    const shape = shapeIssues(r, i);
    if (shape.length > 0) {
      issues.push(...shape);
      return;
    }
    out.push(r);
  });
  if (issues.length > 0) throw new EvaluatorInputError(issues);
  return out;
}

function containerPorts(pod: Loose): NamedPortModel[] {
  const out: NamedPortModel[] = [];
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const p of c?.ports ?? []) {
      if (typeof p?.name !== 'string' || !p.containerPort) continue;
      out.push({ name: p.name, protocol: protocolNumber(p.protocol ?? 'TCP') ?? 6, port: p.containerPort });
    }
  }
  return out;
}

function podIps(pod: Loose): Ip[] {
  const list: unknown[] = [];
  if (typeof pod.status?.podIP === 'string') list.push(pod.status.podIP);
  for (const p of pod.status?.podIPs ?? []) list.push(p?.ip);
  return ips(list);
}

/**
 * Builds the world model.
 *
 * @example
 * ```ts
 * const model = buildModel(fromYaml(text).value);
 * model.workloads.length;
 * ```
 */
export function buildModel(input: readonly unknown[], options: BuildOptions = {}): WorldModel {
  const resources = readResources(input);
  const sc = new SelectorCache();
  const issues: Issue[] = [];
  const byKind = (k: string): [Loose, number][] =>
    resources.map((r, i) => [r, i] as [Loose, number]).filter(([r]) => r.kind === k);

  // Namespaces and service accounts: sources of kns./ksa. profiles (§1.1).
  const nsLabels = new Map<string, LabelMap>();
  for (const [r] of byKind('Namespace')) nsLabels.set(r.metadata.name, labelMap(r.metadata.labels));
  const saLabels = new Map<string, LabelMap>();
  for (const [r] of byKind('ServiceAccount')) {
    saLabels.set(`${r.metadata.namespace ?? 'default'}/${r.metadata.name}`, labelMap(r.metadata.labels));
  }
  const pods = byKind('Pod')
    .map(([r]) => r)
    .filter((p) => p.spec?.hostNetwork !== true);
  for (const p of pods) {
    const ns = p.metadata.namespace ?? 'default';
    if (!nsLabels.has(ns)) nsLabels.set(ns, labelMap());
  }

  // Profiles: explicit ones, then implicit ones Calico derives (§1.1, §4.4).
  const profiles = new Map<string, ProfileModel>();
  profiles.set('projectcalico-default-allow', allowAllProfile('projectcalico-default-allow', labelMap()));
  for (const [ns, labels] of nsLabels) {
    profiles.set(
      `kns.${ns}`,
      allowAllProfile(
        `kns.${ns}`,
        labelMap(prefixed(labels, 'pcns.'), { 'pcns.projectcalico.org/name': ns }),
      ),
    );
  }
  const ksa = (ns: string, sa: string): string => {
    const name = `ksa.${ns}.${sa}`;
    if (!profiles.has(name)) {
      const l = labelMap(prefixed(saLabels.get(`${ns}/${sa}`), 'pcsa.'), {
        'pcsa.projectcalico.org/name': sa,
      });
      profiles.set(name, { name, ingress: [], egress: [], labelsToApply: l });
    }
    return name;
  };
  for (const [r, i] of byKind('Profile')) {
    const spec = r.spec ?? {};
    const rules = (dir: 'ingress' | 'egress') =>
      ((spec[dir] ?? []) as Rule[]).map((rule, k) =>
        compileRule(rule, k, undefined, sc, [i, 'spec', dir, k]),
      );
    profiles.set(r.metadata.name, {
      name: r.metadata.name,
      ingress: rules('ingress'),
      egress: rules('egress'),
      labelsToApply: labelMap(spec.labelsToApply),
    });
  }

  // Workload endpoints (§1.1): own labels + implicit labels + inherited profile labels.
  let nextId = 0;
  const workloads: WorkloadEndpointModel[] = [];
  for (const p of pods) {
    const addrs = podIps(p);
    const phase = p.status?.phase;
    if (addrs.length === 0 || phase === 'Succeeded' || phase === 'Failed') continue;
    const ns: string = p.metadata.namespace ?? 'default';
    const sa: string = p.spec?.serviceAccountName ?? p.spec?.serviceAccount ?? 'default';
    const profileNames = [`kns.${ns}`, ksa(ns, sa)];
    const inherited = profileNames.map((n) => profiles.get(n)?.labelsToApply);
    const labels = labelMap(...inherited, p.metadata.labels, {
      'projectcalico.org/namespace': ns,
      'projectcalico.org/orchestrator': 'k8s',
      'projectcalico.org/serviceaccount': sa,
    });
    workloads.push({
      kind: 'WorkloadEndpoint',
      id: nextId++,
      name: p.metadata.name,
      namespace: ns,
      node: p.spec?.nodeName,
      serviceAccount: sa,
      ips: addrs,
      labels,
      profiles: profileNames,
      ports: containerPorts(p),
    });
  }

  // Host endpoints (§1.1, §4.1): exactly their labels; profiles in order.
  const hostEndpoints: HostEndpointModel[] = [];
  for (const [r, i] of byKind('HostEndpoint')) {
    const spec = r.spec ?? {};
    if (typeof spec.node !== 'string') {
      issues.push({
        code: 'evaluator.hep',
        path: [i, 'spec', 'node'],
        message: `HostEndpoint "${r.metadata.name}": spec.node is required; the host endpoint is ignored.`,
      });
      continue;
    }
    const profNames: string[] = Array.isArray(spec.profiles) ? spec.profiles : [];
    const inherited = profNames.map((n) => profiles.get(n)?.labelsToApply);
    hostEndpoints.push({
      kind: 'HostEndpoint',
      id: nextId++,
      name: r.metadata.name,
      node: spec.node,
      interfaceName:
        typeof spec.interfaceName === 'string' && spec.interfaceName !== '' ? spec.interfaceName : undefined,
      expectedIPs: ips(spec.expectedIPs),
      labels: labelMap(...inherited, r.metadata.labels),
      profiles: profNames,
      ports: ((spec.ports ?? []) as Loose[]).map((p) => ({
        name: p.name,
        protocol: protocolNumber(p.protocol ?? 'TCP') ?? 6,
        port: p.port,
      })),
    });
  }
  hostEndpoints.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  // Network sets (§1.1, §1.2).
  const networkSets: NetworkSetModel[] = [];
  for (const kind of ['GlobalNetworkSet', 'NetworkSet'] as const) {
    for (const [r] of byKind(kind)) {
      const ns = kind === 'NetworkSet' ? (r.metadata.namespace ?? 'default') : undefined;
      const nets = ((r.spec?.nets ?? []) as unknown[])
        .map((t) => (typeof t === 'string' ? parseCidr(t) : undefined))
        .filter((c): c is Cidr => c !== undefined);
      const labels =
        ns === undefined
          ? labelMap(r.metadata.labels)
          : labelMap(profiles.get(`kns.${ns}`)?.labelsToApply, r.metadata.labels, {
              'projectcalico.org/namespace': ns,
            });
      networkSets.push({ kind, name: r.metadata.name, namespace: ns, nets, labels });
    }
  }

  // Nodes.
  const nodes = new Map<string, NodeModel>();
  const nodeByIp = new Map<string, string>();
  for (const [r] of byKind('Node')) {
    const addrs: { type: string; address: string }[] = r.status?.addresses ?? [];
    const internal = ips(addrs.filter((a) => a.type === 'InternalIP').map((a) => a.address));
    const external = ips(addrs.filter((a) => a.type === 'ExternalIP').map((a) => a.address));
    nodes.set(r.metadata.name, { name: r.metadata.name, internalIPs: internal, externalIPs: external });
    for (const ip of [...internal, ...external]) nodeByIp.set(ipKey(ip), r.metadata.name);
  }
  for (const h of hostEndpoints) {
    if (!nodes.has(h.node)) nodes.set(h.node, { name: h.node, internalIPs: [], externalIPs: [] });
    for (const ip of h.expectedIPs) if (!nodeByIp.has(ipKey(ip))) nodeByIp.set(ipKey(ip), h.node);
  }

  // Services → kube-proxy frontends and backends (§5).
  const servicePorts: ServicePortModel[] = [];
  for (const [r, i] of byKind('Service')) {
    const spec = r.spec ?? {};
    const ns: string = r.metadata.namespace ?? 'default';
    if (spec.type === 'ExternalName') continue;
    const selector: Record<string, string> | undefined = spec.selector;
    const members =
      selector && Object.keys(selector).length > 0
        ? workloads.filter(
            (w) =>
              w.namespace === ns &&
              Object.entries(selector).every(([k, v]) => w.labels[k] === v && Object.hasOwn(w.labels, k)),
          )
        : [];
    if (!selector) {
      issues.push({
        code: 'evaluator.service',
        path: [i, 'spec', 'selector'],
        message: `Service ${ns}/${r.metadata.name} has no selector; its endpoints are not modelled (no backends).`,
      });
    }
    const clusterIPs = ips([...(spec.clusterIPs ?? []), spec.clusterIP].filter((x) => x && x !== 'None'));
    const lbIPs = ips([
      ...((r.status?.loadBalancer?.ingress ?? []) as Loose[]).map((x) => x?.ip),
      spec.loadBalancerIP,
    ]);
    const etp: 'Cluster' | 'Local' = spec.externalTrafficPolicy === 'Local' ? 'Local' : 'Cluster';
    const podsByName = new Map(
      pods.map((p) => [`${p.metadata.namespace ?? 'default'}/${p.metadata.name}`, p]),
    );
    for (const sp of (spec.ports ?? []) as Loose[]) {
      const protocol = protocolNumber(sp.protocol ?? 'TCP') ?? 6;
      const target = sp.targetPort ?? sp.port;
      const backends: BackendModel[] = [];
      for (const w of members) {
        let port: number | undefined;
        if (typeof target === 'number' || /^\d+$/.test(String(target))) port = Number(target);
        else {
          // Named targetPort → the container port of that name (and protocol) on this pod.
          const pod = podsByName.get(`${w.namespace}/${w.name}`);
          port = containerPorts(pod).find((cp) => cp.name === target && cp.protocol === protocol)?.port;
        }
        if (port === undefined) continue;
        for (const ip of w.ips) backends.push({ endpoint: w, ip, port });
      }
      servicePorts.push({
        service: { name: r.metadata.name, namespace: ns },
        protocol,
        port: sp.port,
        nodePort: spec.type === 'NodePort' || spec.type === 'LoadBalancer' ? sp.nodePort : undefined,
        clusterIPs,
        loadBalancerIPs: spec.type === 'LoadBalancer' ? lbIPs : [],
        externalIPs: ips(spec.externalIPs),
        externalTrafficPolicy: etp,
        backends,
      });
    }
  }

  // Policies (§2.2, §2.3, §6.8) and tiers (§2.1).
  const raws: RawPolicy[] = [];
  for (const [r, i] of resources.map((r, i) => [r, i] as [Loose, number])) {
    const meta = { name: r.metadata.name as string, namespace: r.metadata.namespace as string | undefined };
    if (
      r.kind === 'NetworkPolicy' &&
      typeof r.apiVersion === 'string' &&
      r.apiVersion.startsWith('networking.k8s.io')
    ) {
      raws.push(rawK8sPolicy('KubernetesNetworkPolicy', meta, r.spec ?? { podSelector: {} }, [i]));
    } else if (r.kind === 'StagedKubernetesNetworkPolicy') {
      raws.push(rawK8sPolicy('StagedKubernetesNetworkPolicy', meta, r.spec ?? { podSelector: {} }, [i]));
    } else if (POLICY_KINDS.has(r.kind)) {
      raws.push(rawCalicoPolicy(r.kind, meta, r.spec ?? {}, [i]));
    }
  }
  const policies: PolicyModel[] = raws.map((raw) => normalisePolicy(raw, sc));
  const tierMap = new Map<string, TierModel>(BUILTIN_TIER_MODELS.map((t) => [t.name, t]));
  for (const [r] of byKind('Tier')) {
    const name: string = r.metadata.name;
    const builtin = tierMap.get(name);
    tierMap.set(name, {
      name,
      // §2.1: the default tier's order is fixed.
      order: name === 'default' ? 1_000_000 : (r.spec?.order ?? builtin?.order ?? Number.POSITIVE_INFINITY),
      defaultAction:
        r.spec?.defaultAction === 'Pass'
          ? 'Pass'
          : r.spec?.defaultAction === 'Deny'
            ? 'Deny'
            : (builtin?.defaultAction ?? 'Deny'),
      hasResource: true,
    });
  }
  for (const p of policies) {
    if (!tierMap.has(p.tier)) {
      issues.push({
        code: 'evaluator.tier',
        path: [],
        message: `${p.kind} "${p.name}" is in tier "${p.tier}", which has no Tier resource; Calico refuses such policies. Modelled as a tier sorted last with defaultAction Deny.`,
      });
      tierMap.set(p.tier, {
        name: p.tier,
        order: Number.POSITIVE_INFINITY,
        defaultAction: 'Deny',
        hasResource: false,
      });
    }
  }
  const tiers = [...tierMap.values()].sort(compareTiers);
  const policiesByTier = new Map<string, PolicyModel[]>(tiers.map((t) => [t.name, []]));
  for (const p of policies) policiesByTier.get(p.tier)?.push(p);
  for (const list of policiesByTier.values()) list.sort(comparePolicies);

  // Felix configuration: failsafe ports and endpoint-to-host action (§4.6, §4.7).
  let failsafeInbound: readonly FailsafePortModel[] = DEFAULT_FAILSAFE_INBOUND;
  let failsafeOutbound: readonly FailsafePortModel[] = DEFAULT_FAILSAFE_OUTBOUND;
  // Standard manifests set ACCEPT (§4.7); Felix's own default is DROP.
  let endpointToHostAction: EndpointToHostAction = 'Accept';
  for (const [r] of byKind('FelixConfiguration')) {
    if (r.metadata.name !== 'default') continue;
    const spec = r.spec ?? {};
    if (Array.isArray(spec.failsafeInboundHostPorts))
      failsafeInbound = failsafeFromConfig(spec.failsafeInboundHostPorts);
    if (Array.isArray(spec.failsafeOutboundHostPorts))
      failsafeOutbound = failsafeFromConfig(spec.failsafeOutboundHostPorts);
    const a = spec.defaultEndpointToHostAction;
    if (a === 'Drop' || a === 'Return' || a === 'Accept') endpointToHostAction = a;
  }
  if (options.defaultEndpointToHostAction) endpointToHostAction = options.defaultEndpointToHostAction;

  // IP ownership for rule selectors (§1.2, §6.11): WEP IPs, HEP expectedIPs, network sets.
  const ipOwners = new Map<string, EntityModel[]>();
  const own = (ip: Ip, e: EntityModel) => {
    const k = ipKey(ip);
    const list = ipOwners.get(k);
    if (list) list.push(e);
    else ipOwners.set(k, [e]);
  };
  for (const w of workloads) for (const ip of w.ips) own(ip, w);
  for (const h of hostEndpoints) for (const ip of h.expectedIPs) own(ip, h);
  const netSetRanges: { cidr: Cidr; owner: NetworkSetModel }[] = [];
  for (const s of networkSets) {
    for (const c of s.nets) {
      const host = c.version === 4 ? c.prefix === 32 : c.prefix === 128;
      if (host)
        own(
          c.version === 4
            ? { version: 4, text: c.text, value: c.base }
            : { version: 6, text: c.text, value: c.base },
          s,
        );
      else netSetRanges.push({ cidr: c, owner: s });
    }
  }

  const endpoints: EndpointModel[] = [...workloads, ...hostEndpoints];
  return {
    endpoints,
    workloads,
    hostEndpoints,
    networkSets,
    nodes,
    servicePorts,
    tiers,
    policiesByTier,
    policies,
    profiles,
    failsafeInbound,
    failsafeOutbound,
    endpointToHostAction,
    ipOwners,
    netSetRanges,
    nodeByIp,
    issues: [...issues, ...sc.issues],
  };
}
