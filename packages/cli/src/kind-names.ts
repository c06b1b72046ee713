/** Kind arguments as people type them: `GlobalNetworkPolicy`, `globalnetworkpolicies`, `gnp`. */
import { CALICO_KINDS, type CalicoKind } from '@calico-dsl/core';

// calicoctl's short names (calicoctl/calicoctl/resourcemgr/*.go).
const SHORT: Readonly<Record<string, CalicoKind>> = {
  gnp: 'GlobalNetworkPolicy',
  np: 'NetworkPolicy',
  sgnp: 'StagedGlobalNetworkPolicy',
  snp: 'StagedNetworkPolicy',
  sknp: 'StagedKubernetesNetworkPolicy',
  gns: 'GlobalNetworkSet',
  ns: 'NetworkSet',
  hep: 'HostEndpoint',
  pro: 'Profile',
  felixconfig: 'FelixConfiguration',
  ipp: 'IPPool',
  ipps: 'IPPool',
  pool: 'IPPool',
  pools: 'IPPool',
  bgpconfig: 'BGPConfiguration',
  bgpconfigs: 'BGPConfiguration',
};

/**
 * Resolves a kind argument case-insensitively, in singular, plural or short form.
 *
 * @example
 * ```ts
 * resolveKind('globalnetworkpolicies'); // 'GlobalNetworkPolicy'
 * resolveKind('hep'); // 'HostEndpoint'
 * resolveKind('ippools'); // 'IPPool'
 * resolveKind('bgpconfig'); // 'BGPConfiguration'
 * resolveKind('Pod'); // undefined
 * ```
 */
export function resolveKind(text: string): CalicoKind | undefined {
  const lower = text.toLowerCase();
  const short = SHORT[lower];
  if (short !== undefined) return short;
  return (Object.keys(CALICO_KINDS) as CalicoKind[]).find((k) => {
    const k2 = k.toLowerCase();
    const plural = k2.endsWith('y') ? `${k2.slice(0, -1)}ies` : `${k2}s`;
    return lower === k2 || lower === plural;
  });
}

/**
 * The kinds `resolveKind` knows, for messages.
 *
 * @example
 * ```ts
 * kindList(); // 'GlobalNetworkPolicy, NetworkPolicy, …'
 * ```
 */
export function kindList(): string {
  return Object.keys(CALICO_KINDS).join(', ');
}
