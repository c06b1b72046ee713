import type {
  AssignmentMode,
  IPIPMode,
  IPPool,
  IPPoolAllowedUse,
  IPPoolSpec,
  VXLANMode,
} from '../resources/ip-pool.js';
import type { Issue, Result } from '../result.js';
import type { SelectorInput } from '../selector/builder.js';
import { resolveSelectorText, type StringMap } from './inputs.js';
import type { CidrRequired } from './messages.js';
import { SpecResourceImpl, type SpecState } from './resource-builders.js';
import type { CidrThis, ResourceOnce } from './type-state.js';

/**
 * An immutable IPPool builder. Type-state: `C` says whether the pool has its CIDR yet, which
 * `toResource()` needs. Mode and use arguments are Calico's literal values, so a misspelt one
 * does not compile; what spans fields (IPIP with VXLAN, IPIP on IPv6, a LoadBalancer pool with
 * other uses, a pool smaller than its block) is `validate`'s, run by `toResource()` and `build()`.
 *
 * @example
 * ```ts
 * ipPool('pods-v6').cidr('fd00:10:244::/64').vxlanMode('Always').blockSize(122).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: IPPool
 * // metadata:
 * //   name: pods-v6
 * // spec:
 * //   cidr: fd00:10:244::/64
 * //   vxlanMode: Always
 * //   blockSize: 122
 * ```
 */
export interface IPPoolBuilder<C extends boolean = true> {
  /** Sets `metadata.name`. */
  name(name: string): IPPoolBuilder<C>;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): IPPoolBuilder<C>;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): IPPoolBuilder<C>;
  /** Sets `spec.cidr`: the pool's network, strictly masked (it cannot change once the pool exists). */
  cidr(cidr: string): IPPoolBuilder<true>;
  /** Sets `spec.vxlanMode` (unset: `Never`). */
  vxlanMode(mode: VXLANMode): IPPoolBuilder<C>;
  /** Sets `spec.ipipMode` (unset: `Never`; IPv4 pools only). */
  ipipMode(mode: IPIPMode): IPPoolBuilder<C>;
  /** Sets `spec.natOutgoing`: masquerade traffic from the pool's workloads leaving every pool. */
  natOutgoing(value?: boolean): IPPoolBuilder<C>;
  /** Sets `spec.disabled`: IPAM assigns no new addresses from the pool. */
  disabled(value?: boolean): IPPoolBuilder<C>;
  /** Sets `spec.disableBGPExport`: no BGP routes for the pool's CIDR. */
  disableBGPExport(value?: boolean): IPPoolBuilder<C>;
  /** Sets `spec.blockSize` (20-32 for IPv4, 116-128 for IPv6; calicoctl's default is 26 or 122). */
  blockSize(size: number): IPPoolBuilder<C>;
  /** Sets `spec.nodeSelector`: the nodes that take addresses from the pool (the CRD default is `all()`). */
  nodeSelector(selector: SelectorInput): IPPoolBuilder<C>;
  /** Sets `spec.namespaceSelector`: the namespaces whose workloads take addresses from the pool. */
  namespaceSelector(selector: SelectorInput): IPPoolBuilder<C>;
  /** Sets `spec.allowedUses` (calicoctl's default is `Workload` and `Tunnel`). */
  allowedUses(use: IPPoolAllowedUse, ...more: IPPoolAllowedUse[]): IPPoolBuilder<C>;
  /** Sets `spec.assignmentMode` (the CRD default is `Automatic`). */
  assignmentMode(mode: AssignmentMode): IPPoolBuilder<C>;
  /** The resource; throws `CalicoValidationError` (with every issue) if `validate` rejects it. */
  toResource(this: CidrThis<C>): ResourceOnce<C, IPPool, CidrRequired>;
  /** The resource as a `Result`: `{ ok: true, value }` or `{ ok: false, issues }`; never throws. */
  build(): Result<IPPool>;
}

/** The builder's spec: IPPoolSpec with the selectors as the DSL takes them (text, `sel`, a tree). */
type IPPoolDraft = Omit<IPPoolSpec, 'nodeSelector' | 'namespaceSelector'> & {
  readonly nodeSelector?: SelectorInput;
  readonly namespaceSelector?: SelectorInput;
};

/** The IPPool builder, in both type-states (`C`: whether `cidr` is set). */
class IPPoolImpl<C extends boolean>
  extends SpecResourceImpl<IPPoolImpl<C>, 'IPPool', IPPoolDraft, ResourceOnce<C, IPPool, CidrRequired>>
  implements IPPoolBuilder<C>
{
  protected make(state: SpecState<'IPPool', IPPoolDraft>): IPPoolImpl<C> {
    return new IPPoolImpl<C>(state);
  }
  protected override outputSpec(
    spec: Readonly<Partial<IPPoolDraft>>,
    issues: Issue[],
  ): Readonly<Record<string, unknown>> {
    const text = (input: SelectorInput | undefined, field: string) =>
      input === undefined ? undefined : resolveSelectorText(input, ['spec', field], issues);
    return {
      ...spec,
      nodeSelector: text(spec.nodeSelector, 'nodeSelector'),
      namespaceSelector: text(spec.namespaceSelector, 'namespaceSelector'),
    };
  }
  cidr(cidr: string): IPPoolImpl<true> {
    return new IPPoolImpl<true>(this.patched({ cidr }));
  }
  vxlanMode(mode: VXLANMode): IPPoolImpl<C> {
    return this.withSpec({ vxlanMode: mode });
  }
  ipipMode(mode: IPIPMode): IPPoolImpl<C> {
    return this.withSpec({ ipipMode: mode });
  }
  natOutgoing(value = true): IPPoolImpl<C> {
    return this.withSpec({ natOutgoing: value });
  }
  disabled(value = true): IPPoolImpl<C> {
    return this.withSpec({ disabled: value });
  }
  disableBGPExport(value = true): IPPoolImpl<C> {
    return this.withSpec({ disableBGPExport: value });
  }
  blockSize(size: number): IPPoolImpl<C> {
    return this.withSpec({ blockSize: size });
  }
  nodeSelector(selector: SelectorInput): IPPoolImpl<C> {
    return this.withSpec({ nodeSelector: selector });
  }
  namespaceSelector(selector: SelectorInput): IPPoolImpl<C> {
    return this.withSpec({ namespaceSelector: selector });
  }
  allowedUses(...uses: IPPoolAllowedUse[]): IPPoolImpl<C> {
    return this.withSpec({ allowedUses: uses });
  }
  assignmentMode(mode: AssignmentMode): IPPoolImpl<C> {
    return this.withSpec({ assignmentMode: mode });
  }
}

/**
 * Starts an IPPool: a range of addresses Calico IPAM assigns, with the encapsulation and NAT of
 * their traffic. `toResource()` compiles once `.cidr('…')` is set.
 *
 * @example
 * ```ts
 * ipPool('pods-v4').cidr('10.244.0.0/16').ipipMode('CrossSubnet').natOutgoing().toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: IPPool
 * // metadata:
 * //   name: pods-v4
 * // spec:
 * //   cidr: 10.244.0.0/16
 * //   ipipMode: CrossSubnet
 * //   natOutgoing: true
 * ```
 */
export function ipPool(name: string): IPPoolBuilder<false> {
  return new IPPoolImpl<false>({ kind: 'IPPool', factory: 'ipPool', meta: { name }, spec: {} });
}
