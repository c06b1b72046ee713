import { CALICO_KINDS, type CalicoKind } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { kindList, resolveKind } from './kind-names.js';

describe('resolveKind', () => {
  it('every kind by its name and plural, in any case', () => {
    for (const kind of Object.keys(CALICO_KINDS) as CalicoKind[]) {
      const plural = kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
      expect(resolveKind(kind)).toBe(kind);
      expect(resolveKind(kind.toLowerCase())).toBe(kind);
      expect(resolveKind(plural.toLowerCase())).toBe(kind);
    }
  });

  it("calicoctl's own aliases, and not kubectl's ns (resourcemgr/*.go)", () => {
    expect(['policy', 'pol', 'pols', 'policies'].map(resolveKind)).toEqual(Array(4).fill('NetworkPolicy'));
    expect(['gnps', 'heps', 'netsets', 'gnetsets', 'pros', 'stagedpolicy', 'skpol'].map(resolveKind)).toEqual(
      [
        'GlobalNetworkPolicy',
        'HostEndpoint',
        'NetworkSet',
        'GlobalNetworkSet',
        'Profile',
        'StagedNetworkPolicy',
        'StagedKubernetesNetworkPolicy',
      ],
    );
    expect(resolveKind('ns')).toBeUndefined();
    expect(resolveKind('gns')).toBeUndefined();
  });

  it("IPPool by each of calicoctl's names (resourcemgr/ippool.go)", () => {
    for (const name of ['ippool', 'ippools', 'ipp', 'ipps', 'pool', 'pools', 'IPPool', 'IPPools']) {
      expect(resolveKind(name)).toBe('IPPool');
    }
  });

  it("BGPConfiguration by each of calicoctl's names (resourcemgr/bgpconfig.go)", () => {
    for (const name of [
      'bgpconfiguration',
      'bgpconfigurations',
      'bgpconfig',
      'bgpconfigs',
      'BGPConfiguration',
    ]) {
      expect(resolveKind(name)).toBe('BGPConfiguration');
    }
  });

  it('short names, and nothing for other kinds', () => {
    expect(resolveKind('gnp')).toBe('GlobalNetworkPolicy');
    expect(resolveKind('felixconfig')).toBe('FelixConfiguration');
    expect(resolveKind('Pod')).toBeUndefined();
    expect(resolveKind('bgppeers')).toBeUndefined();
    expect(kindList()).toContain('IPPool');
    expect(kindList()).toContain('BGPConfiguration');
  });
});
