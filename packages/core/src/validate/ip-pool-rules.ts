/**
 * The IPPool rules that span fields: the CEL `x-kubernetes-validations` on `IPPoolSpec`
 * (ippool.go, `projectcalico.org_ippools.yaml`), which Calico's `Validate` runs after the CRD
 * defaults (`nodeSelector: all()`). CEL sees the spec as JSON after Go's `omitempty`, so `""`,
 * `false`, `0` and an empty list count as unset. The two `self == oldSelf` rules (cidr and
 * blockSize cannot change) compare with the stored pool and are not checked here; nor is
 * calicoctl's overlap check against the cluster's other pools (clientv3 `ippool.go`).
 */
import { encapsulationOn } from '../resources/ip-pool.js';
import { type Cidr, type IpFamily, ipInCidr } from '../values/cidr.js';
import type { IssueCollector } from './issue-collector.js';
import { isJsonArray, type JsonObject, type Path } from './json.js';

/** A pool's `cidr` that parsed: the text as given and the network. */
export interface PoolCidr {
  readonly text: string;
  readonly cidr: Cidr;
}

/** Per IP version: the CEL's blockSize range, the default block size, the link-local range. */
const FAMILY = {
  4: { min: 20, max: 32, defaultBlock: 26, name: 'IPv4', linkLocal: '169.254.0.0/16' },
  6: { min: 116, max: 128, defaultBlock: 122, name: 'IPv6', linkLocal: 'fe80::/10' },
} as const satisfies Record<IpFamily, unknown>;

function text(spec: JsonObject, key: string): string | undefined {
  const v = spec.get(key);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function allowedUses(spec: JsonObject): readonly string[] {
  const v = spec.get('allowedUses');
  return isJsonArray(v) ? v.filter((u): u is string => typeof u === 'string') : [];
}

/** The rules on allowedUses: a LoadBalancer pool is alone in its uses, plain, on every node. */
function checkUses(ctx: IssueCollector, spec: JsonObject, path: Path): void {
  const uses = allowedUses(spec);
  if (uses.includes('Tunnel') && text(spec, 'namespaceSelector') !== undefined) {
    ctx.report(
      'forbidden_field',
      [...path, 'namespaceSelector'],
      'IP Pool with AllowedUse Tunnel cannot have namespaceSelector: tunnel addresses belong to nodes, not namespaces; remove namespaceSelector or put the Tunnel use on another pool',
    );
  }
  if (!uses.includes('LoadBalancer')) return;
  if (uses.some((u) => u === 'Workload' || u === 'Tunnel')) {
    ctx.report(
      'forbidden_field',
      [...path, 'allowedUses'],
      'LoadBalancer cannot be combined with Workload or Tunnel allowed uses: give load balancer addresses a pool of their own',
    );
  }
  const encapsulated = ['ipipMode', 'vxlanMode'].find((key) => encapsulationOn(spec.get(key)));
  if (encapsulated !== undefined) {
    ctx.report(
      'forbidden_field',
      [...path, encapsulated],
      `LoadBalancer IP pool cannot have IPIP or VXLAN enabled: set ${encapsulated} to Never or leave it out`,
    );
  }
  if (spec.get('disableBGPExport') === true) {
    ctx.report(
      'forbidden_field',
      [...path, 'disableBGPExport'],
      'LoadBalancer IP pools cannot disable BGP export: load balancer addresses are reached through BGP; remove disableBGPExport',
    );
  }
  // The CRD default `all()` fills in an unset nodeSelector before this rule runs.
  if ((text(spec, 'nodeSelector') ?? 'all()') !== 'all()') {
    ctx.report(
      'forbidden_field',
      [...path, 'nodeSelector'],
      'IP Pool with AllowedUse LoadBalancer must have nodeSelector set to all(): set nodeSelector: all() or leave it out',
    );
  }
}

/** The rules that read the pool's network: IP version, link-local ranges, block size. */
function checkNetwork(ctx: IssueCollector, spec: JsonObject, path: Path, pool: PoolCidr): void {
  const { cidr } = pool;
  const family = FAMILY[cidr.family];
  const at = [...path, 'cidr'];
  if (cidr.family === 6 && encapsulationOn(spec.get('ipipMode'))) {
    ctx.report(
      'forbidden_field',
      [...path, 'ipipMode'],
      'IPIP is not supported on IPv6 pools: set ipipMode to Never (or leave it out) and use vxlanMode to encapsulate',
    );
  }
  // CEL: the range holds the pool's address, or the pool holds the range's first address.
  const address = pool.text.slice(0, pool.text.indexOf('/'));
  const range = family.linkLocal;
  if (ipInCidr(address, range) || ipInCidr(range.slice(0, range.indexOf('/')), pool.text)) {
    ctx.report(
      'link_local_overlap',
      at,
      `IPPool CIDR overlaps with ${family.name} link local range ${range}: choose a network outside it`,
    );
  }
  const raw = spec.get('blockSize');
  const blockSize = typeof raw === 'number' && Number.isInteger(raw) && raw !== 0 ? raw : undefined;
  if (blockSize !== undefined && (blockSize < family.min || blockSize > family.max)) {
    ctx.report(
      'out_of_range',
      [...path, 'blockSize'],
      `blockSize must be between 20 and 32 for IPv4 pools, and between 116 and 128 for IPv6 pools: ${blockSize} is outside ${family.min}-${family.max} for this ${family.name} pool (leave it out for ${family.defaultBlock})`,
    );
  }
  // A disabled pool assigns nothing, so it may be smaller than a block.
  const block = blockSize ?? family.defaultBlock;
  if (spec.get('disabled') !== true && cidr.prefixLength > block) {
    const which = blockSize === undefined ? 'the default block size' : 'its blockSize';
    ctx.report(
      'ip_pool_too_small',
      at,
      `IP pool size is too small for use with Calico IPAM. It must be equal to or greater than the block size: a /${cidr.prefixLength} is smaller than ${which}, /${block}; use a /${block} or shorter prefix, a blockSize of ${cidr.prefixLength} or more, or disabled: true`,
    );
  }
}

/**
 * Runs the CEL rules of IPPoolSpec on a spec whose fields were read (`pool` is its `cidr` when
 * it parsed; the rules that read the network need it).
 *
 * @example
 * ```ts
 * checkIPPoolRules(ctx, spec, ['spec'], pool);
 * // ipipMode and vxlanMode both Always: [{ code: 'forbidden_field', path: ['spec', 'ipipMode'], message: 'ipipMode and vxlanMode cannot both be enabled: …' }]
 * ```
 */
export function checkIPPoolRules(
  ctx: IssueCollector,
  spec: JsonObject,
  path: Path,
  pool: PoolCidr | undefined,
): void {
  if (encapsulationOn(spec.get('ipipMode')) && encapsulationOn(spec.get('vxlanMode'))) {
    ctx.report(
      'forbidden_field',
      [...path, 'ipipMode'],
      'ipipMode and vxlanMode cannot both be enabled: set one of them to Never or leave it out',
    );
  }
  checkUses(ctx, spec, path);
  if (pool !== undefined) checkNetwork(ctx, spec, path, pool);
}
