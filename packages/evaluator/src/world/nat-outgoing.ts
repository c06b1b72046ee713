/**
 * Felix's natOutgoing masquerade from IPPools and FelixConfiguration `default`: which sources
 * it rewrites, which destinations it leaves alone (with `IPPoolsAndHostIPs`, `all-hosts-net`:
 * `calico-hosts.ts`), and to what address (docs/semantics.md, "natOutgoing").
 * Sources: `felix/rules/nat.go` (`cali-nat-outgoing`), `felix/dataplane/linux/masq_mgr.go`
 * (its IP sets), `felix/dataplane/linux/ipset_hosts_mgr.go` (`all-hosts-net`).
 */
import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import { type Cidr, cidrContains, type Ip, parseCidr, parseIp } from '../net/ip.js';
import { felixDefaults, felixOption } from './felix-settings.js';
import type { NatOutgoingModel, NatOutgoingPoolModel, WorkloadEndpointModel } from './model.js';
import type { ResourceIndex } from './read.js';

/** masq_mgr.go `isLoadBalancerOnly`: such pools hold no workload or tunnel address, so they are not exempt. */
function loadBalancerOnly(uses: unknown): boolean {
  return Array.isArray(uses) && uses.length === 1 && uses[0] === 'LoadBalancer';
}

/** The FelixConfiguration `default` fields natOutgoing reads. */
interface NatSettings {
  readonly hostIPsExempt: boolean;
  readonly address: Ip | undefined;
  readonly interfaceFilter: { readonly value: string; readonly path: (string | number)[] } | undefined;
}

function natSettings(index: ResourceIndex): NatSettings {
  let hostIPsExempt = false;
  let address: Ip | undefined;
  let interfaceFilter: NatSettings['interfaceFilter'];
  for (const [spec, i] of felixDefaults(index)) {
    hostIPsExempt =
      felixOption(spec.natOutgoingExclusions, ['IPPoolsOnly', 'IPPoolsAndHostIPs'] as const) ===
      'IPPoolsAndHostIPs';
    const a = typeof spec.natOutgoingAddress === 'string' ? parseIp(spec.natOutgoingAddress) : undefined;
    address = a?.version === 4 ? a : undefined;
    const f = spec.iptablesNATOutgoingInterfaceFilter;
    if (typeof f === 'string' && f !== '')
      interfaceFilter = { value: f, path: [i, 'spec', 'iptablesNATOutgoingInterfaceFilter'] };
  }
  return { hostIPsExempt, address, interfaceFilter };
}

/**
 * The natOutgoing model of a world (undefined when no IPPool has natOutgoing) and what cannot be
 * modelled of it: pools whose CIDR does not parse, pods outside every IPPool (Felix would
 * masquerade traffic to them too), an interface filter.
 *
 * @example
 * ```ts
 * // index: IPPool default-ipv4-ippool (10.244.0.0/16, natOutgoing: true); no FelixConfiguration
 * natOutgoingOf(index, calicoHosts, workloads).model?.pools.map((p) => p.name); // ['default-ipv4-ippool']
 * natOutgoingOf(index, calicoHosts, workloads).issues; // []
 * ```
 */
export function natOutgoingOf(
  index: ResourceIndex,
  calicoHosts: readonly Cidr[],
  workloads: readonly WorkloadEndpointModel[],
): { readonly model: NatOutgoingModel | undefined; readonly issues: readonly Issue[] } {
  const issues: Issue[] = [];
  const pools: NatOutgoingPoolModel[] = [];
  const allPools: Cidr[] = [];
  const exempt: Cidr[] = [];
  for (const [r, i] of index.of('IPPool')) {
    const name = String(r.metadata.name);
    const spec = r.spec ?? {};
    const cidr = typeof spec.cidr === 'string' ? parseCidr(spec.cidr) : undefined;
    if (cidr === undefined) {
      issues.push({
        code: 'invalid_cidr',
        path: [i, 'spec', 'cidr'],
        message: `IPPool "${name}": spec.cidr ${JSON.stringify(spec.cidr)} is not a CIDR; the pool is left out of natOutgoing (Calico refuses it).`,
      });
      continue;
    }
    allPools.push(cidr);
    if (!loadBalancerOnly(spec.allowedUses)) exempt.push(cidr);
    if (spec.natOutgoing === true) pools.push({ name, cidr });
  }
  if (pools.length === 0) return { model: undefined, issues };
  const settings = natSettings(index);
  if (settings.hostIPsExempt) exempt.push(...calicoHosts);
  if (settings.interfaceFilter)
    issues.push({
      code: 'unsupported_felix_setting' satisfies EvaluatorIssueCode,
      path: settings.interfaceFilter.path,
      message: `FelixConfiguration "default" sets iptablesNATOutgoingInterfaceFilter: ${settings.interfaceFilter.value}: Felix then masquerades only traffic leaving through matching interfaces, which the evaluator does not know; natOutgoing is modelled as if every interface matched.`,
    });
  const podIndex = new Map(
    index.of('Pod').map(([r, i]) => [`${r.metadata.namespace ?? 'default'}/${r.metadata.name}`, i]),
  );
  for (const w of workloads)
    for (const ip of w.ips)
      if (!allPools.some((c) => cidrContains(c, ip)))
        issues.push({
          code: 'address_outside_ip_pools' satisfies EvaluatorIssueCode,
          path: [podIndex.get(`${w.namespace}/${w.name}`) ?? -1, 'status'],
          message: `Pod "${w.name}" (namespace ${w.namespace}): its address ${ip.text} is in no IPPool, so Felix masquerades traffic to it from natOutgoing pools on other nodes; the evaluator treats pod addresses as pool addresses (add the IPPool that holds it).`,
        });
  return { model: { pools, exempt, address: settings.address }, issues };
}
