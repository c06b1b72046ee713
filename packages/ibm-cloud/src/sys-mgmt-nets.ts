/**
 * A sample of the IBM infrastructure networks `allow-sys-mgmt` admits on the public interface.
 * The real list has about 60 CIDRs and differs per region and over time; pass your cluster's list
 * (from `calicoctl get globalnetworkpolicy allow-sys-mgmt -o yaml`) to `ibmDefaultPolicies` when
 * the exact set matters. Source: calico-semantics.md §10.2 (the 2018 IKS policy dump).
 *
 * @example
 * ```ts
 * ibmDefaultPolicies({ sysMgmtNets: [...IBM_SYS_MGMT_SAMPLE_NETS, '10.0.0.0/8'] });
 * ```
 */
export const IBM_SYS_MGMT_SAMPLE_NETS: readonly string[] = Object.freeze([
  '119.81.136.0/24',
  '159.8.116.0/24',
  '169.45.118.0/23',
  '75.126.61.0/24',
]);
