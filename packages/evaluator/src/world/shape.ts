/**
 * Light structural checks of the fields the evaluator reads, so that malformed input fails with
 * a message naming the resource instead of a TypeError deep inside. Full validation is
 * `validate`'s job (core); this only guarantees the shapes the world builder relies on.
 */
import { ACTIONS, type Issue } from '@calico-dsl/core';

type Path = (string | number)[];
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly issues: Issue[] = [];
  readonly #label: string;

  constructor(label: string) {
    this.#label = label;
  }

  fail(path: Path, what: string): void {
    this.issues.push({
      code: 'invalid_type',
      path,
      message: `${this.#label}: ${path.slice(1).join('.')} ${what}.`,
    });
  }

  object(v: unknown, path: Path): v is Obj | undefined {
    if (v === undefined || isObj(v)) return true;
    this.fail(path, 'must be an object');
    return false;
  }

  array(v: unknown, path: Path, each?: (item: unknown, p: Path) => void): void {
    if (v === undefined) return;
    if (!Array.isArray(v)) {
      this.fail(path, 'must be a list');
      return;
    }
    if (!each) return;
    v.forEach((item, i) => {
      each(item, [...path, i]);
    });
  }

  string(v: unknown, path: Path): void {
    if (v !== undefined && typeof v !== 'string') this.fail(path, 'must be a string');
  }

  number(v: unknown, path: Path): void {
    if (v !== undefined && (typeof v !== 'number' || Number.isNaN(v))) this.fail(path, 'must be a number');
  }

  strings(v: unknown, path: Path): void {
    this.array(v, path, (item, p) => this.string(item, p));
  }

  ports(v: unknown, path: Path): void {
    this.array(v, path, (item, p) => {
      if (typeof item !== 'number' && typeof item !== 'string')
        this.fail(p, 'must be a port number, "min:max" range or port name');
    });
  }

  entity(v: unknown, path: Path): void {
    if (!this.object(v, path) || v === undefined) return;
    for (const k of ['selector', 'notSelector', 'namespaceSelector']) this.string(v[k], [...path, k]);
    this.strings(v.nets, [...path, 'nets']);
    this.strings(v.notNets, [...path, 'notNets']);
    this.ports(v.ports, [...path, 'ports']);
    this.ports(v.notPorts, [...path, 'notPorts']);
    if (this.object(v.services, [...path, 'services']) && v.services) {
      this.string(v.services.name, [...path, 'services', 'name']);
      this.string(v.services.namespace, [...path, 'services', 'namespace']);
    }
    if (this.object(v.serviceAccounts, [...path, 'serviceAccounts']) && v.serviceAccounts) {
      this.strings(v.serviceAccounts.names, [...path, 'serviceAccounts', 'names']);
      this.string(v.serviceAccounts.selector, [...path, 'serviceAccounts', 'selector']);
    }
  }

  rules(v: unknown, path: Path): void {
    this.array(v, path, (rule, p) => {
      if (!isObj(rule)) {
        this.fail(p, 'must be a rule object');
        return;
      }
      if (!(ACTIONS as readonly unknown[]).includes(rule.action))
        this.fail([...p, 'action'], 'must be one of Allow, Deny, Log, Pass');
      this.entity(rule.source, [...p, 'source']);
      this.entity(rule.destination, [...p, 'destination']);
      for (const k of ['icmp', 'notICMP', 'http']) this.object(rule[k], [...p, k]);
    });
  }

  labels(v: unknown, path: Path): void {
    this.object(v, path);
  }
}

const K8S_POLICY_RULE = (c: Checker, peersKey: 'from' | 'to') => (item: unknown, p: Path) => {
  if (!isObj(item)) {
    c.fail(p, 'must be an object');
    return;
  }
  c.array(item.ports, [...p, 'ports'], (port, pp) => c.object(port, pp));
  c.array(item[peersKey], [...p, peersKey], (peer, pp) => {
    if (!c.object(peer, pp) || peer === undefined) return;
    c.object(peer.podSelector, [...pp, 'podSelector']);
    c.object(peer.namespaceSelector, [...pp, 'namespaceSelector']);
    if (c.object(peer.ipBlock, [...pp, 'ipBlock']) && peer.ipBlock) {
      c.string(peer.ipBlock.cidr, [...pp, 'ipBlock', 'cidr']);
      c.strings(peer.ipBlock.except, [...pp, 'ipBlock', 'except']);
    }
  });
};

/**
 * The shape issues of one resource (`i` = its index in the input).
 *
 * @example
 * ```ts
 * shapeIssues({ kind: 'GlobalNetworkPolicy', metadata: { name: 'x' }, spec: { ingress: 'all' } }, 0);
 * // [{ code: 'invalid_type', path: [0, 'spec', 'ingress'], message: 'GlobalNetworkPolicy "x": spec.ingress must be a list.' }]
 * ```
 */
export function shapeIssues(r: Obj, i: number): Issue[] {
  const meta = (r.metadata ?? {}) as Obj;
  const c = new Checker(`${String(r.kind)} "${String(meta.name)}"`);
  const spec = (r.spec ?? {}) as Obj;
  const status = r.status;
  c.labels(meta.labels, [i, 'metadata', 'labels']);
  c.string(meta.namespace, [i, 'metadata', 'namespace']);
  const isK8sPolicy =
    r.kind === 'NetworkPolicy' &&
    typeof r.apiVersion === 'string' &&
    r.apiVersion.startsWith('networking.k8s.io');
  switch (r.kind) {
    case 'GlobalNetworkPolicy':
    case 'StagedGlobalNetworkPolicy':
    case 'NetworkPolicy':
    case 'StagedNetworkPolicy':
    case 'Profile':
      if (isK8sPolicy) break;
      c.rules(spec.ingress, [i, 'spec', 'ingress']);
      c.rules(spec.egress, [i, 'spec', 'egress']);
      for (const k of ['selector', 'namespaceSelector', 'serviceAccountSelector', 'tier'])
        c.string(spec[k], [i, 'spec', k]);
      c.number(spec.order, [i, 'spec', 'order']);
      c.strings(spec.types, [i, 'spec', 'types']);
      c.labels(spec.labelsToApply, [i, 'spec', 'labelsToApply']);
      break;
    case 'HostEndpoint':
      c.strings(spec.expectedIPs, [i, 'spec', 'expectedIPs']);
      c.strings(spec.profiles, [i, 'spec', 'profiles']);
      c.string(spec.interfaceName, [i, 'spec', 'interfaceName']);
      c.array(spec.ports, [i, 'spec', 'ports'], (p, pp) => c.object(p, pp));
      break;
    case 'GlobalNetworkSet':
    case 'NetworkSet':
      c.strings(spec.nets, [i, 'spec', 'nets']);
      break;
    case 'FelixConfiguration':
      for (const k of ['failsafeInboundHostPorts', 'failsafeOutboundHostPorts']) {
        c.array(spec[k], [i, 'spec', k], (p, pp) => {
          if (!isObj(p)) {
            c.fail(pp, 'must be { protocol, port, net }');
            return;
          }
          c.number(p.port, [...pp, 'port']);
          c.string(p.protocol, [...pp, 'protocol']);
          c.string(p.net, [...pp, 'net']);
        });
      }
      break;
    case 'Pod':
      for (const k of ['containers', 'initContainers']) {
        c.array(spec[k], [i, 'spec', k], (ct, p) => {
          if (c.object(ct, p) && ct) c.array(ct.ports, [...p, 'ports'], (port, pp) => c.object(port, pp));
        });
      }
      if (c.object(status, [i, 'status']) && status) {
        c.string((status as Obj).podIP, [i, 'status', 'podIP']);
        c.array((status as Obj).podIPs, [i, 'status', 'podIPs'], (p, pp) => c.object(p, pp));
      }
      break;
    case 'Service':
      c.labels(spec.selector, [i, 'spec', 'selector']);
      c.array(spec.ports, [i, 'spec', 'ports'], (p, pp) => c.object(p, pp));
      c.strings(spec.clusterIPs, [i, 'spec', 'clusterIPs']);
      c.strings(spec.externalIPs, [i, 'spec', 'externalIPs']);
      if (
        c.object(status, [i, 'status']) &&
        isObj(status) &&
        c.object(status.loadBalancer, [i, 'status', 'loadBalancer'])
      ) {
        const lb = status.loadBalancer as Obj | undefined;
        c.array(lb?.ingress, [i, 'status', 'loadBalancer', 'ingress'], (p, pp) => c.object(p, pp));
      }
      break;
    case 'Node':
      if (c.object(status, [i, 'status']) && isObj(status)) {
        c.array(status.addresses, [i, 'status', 'addresses'], (p, pp) => c.object(p, pp));
      }
      break;
  }
  if (isK8sPolicy || r.kind === 'StagedKubernetesNetworkPolicy') {
    c.object(spec.podSelector, [i, 'spec', 'podSelector']);
    c.array(spec.ingress, [i, 'spec', 'ingress'], K8S_POLICY_RULE(c, 'from'));
    c.array(spec.egress, [i, 'spec', 'egress'], K8S_POLICY_RULE(c, 'to'));
    c.strings(spec.policyTypes, [i, 'spec', 'policyTypes']);
  }
  return c.issues;
}
