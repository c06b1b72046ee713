/** Kind arguments as people type them: `GlobalNetworkPolicy`, `globalnetworkpolicies`, `gnp`. */
import { CALICO_KINDS, type CalicoKind } from '@calico-dsl/core';

// calicoctl's names for each kind, singular and plural forms included (the `NewResourceManager`
// calls of calicoctl/calicoctl/resourcemgr/*.go at 87c15906). `ns` is not among them: to kubectl
// users it means Namespace.
const ALIASES: Readonly<Record<CalicoKind, readonly string[]>> = {
  GlobalNetworkPolicy: ['globalnetworkpolicy', 'globalnetworkpolicies', 'gnp', 'gnps'],
  NetworkPolicy: ['networkpolicy', 'networkpolicies', 'policy', 'np', 'policies', 'pol', 'pols'],
  StagedGlobalNetworkPolicy: ['stagedglobalnetworkpolicy', 'stagedglobalnetworkpolicies', 'sgnp', 'sgnps'],
  StagedNetworkPolicy: [
    'stagednetworkpolicy',
    'stagednetworkpolicies',
    'stagedpolicy',
    'snp',
    'stagedpolicies',
    'spol',
    'spols',
  ],
  StagedKubernetesNetworkPolicy: [
    'stagedkubernetesnetworkpolicy',
    'stagedkubernetesnetworkpolicies',
    'stagedkubernetespolicy',
    'sknp',
    'stagedkubernetespolicies',
    'skpol',
    'skpols',
  ],
  Tier: ['tier', 'tiers'],
  GlobalNetworkSet: ['globalnetworkset', 'globalnetworksets', 'gnetsets'],
  NetworkSet: ['networkset', 'networksets', 'netsets'],
  HostEndpoint: ['hostendpoint', 'hostendpoints', 'hep', 'heps'],
  Profile: ['profile', 'profiles', 'pro', 'pros'],
  FelixConfiguration: ['felixconfiguration', 'felixconfigurations', 'felixconfig', 'felixconfigs'],
  IPPool: ['ippool', 'ippools', 'ipp', 'ipps', 'pool', 'pools'],
  BGPConfiguration: ['bgpconfiguration', 'bgpconfigurations', 'bgpconfig', 'bgpconfigs'],
};

const BY_ALIAS: ReadonlyMap<string, CalicoKind> = new Map(
  (Object.entries(ALIASES) as [CalicoKind, readonly string[]][]).flatMap(([kind, names]) =>
    names.map((n) => [n, kind] as const),
  ),
);

/**
 * Resolves a kind argument as calicoctl does: case-insensitively, any of its names for the kind.
 *
 * @example
 * ```ts
 * resolveKind('globalnetworkpolicies'); // 'GlobalNetworkPolicy'
 * resolveKind('hep'); // 'HostEndpoint'
 * resolveKind('ippools'); // 'IPPool'
 * resolveKind('bgpconfig'); // 'BGPConfiguration'
 * resolveKind('pol'); // 'NetworkPolicy'
 * resolveKind('ns'); // undefined (Namespace to kubectl; calicoctl's NetworkSet is netsets)
 * resolveKind('Pod'); // undefined
 * ```
 */
export function resolveKind(text: string): CalicoKind | undefined {
  return BY_ALIAS.get(text.toLowerCase());
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
