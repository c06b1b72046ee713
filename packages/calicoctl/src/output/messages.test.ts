import { describe, expect, it } from 'vitest';
import {
  parseCommandFailure,
  parseDeleteFailures,
  parseFailedAll,
  parseHitError,
  parsePartialLine,
  parseSuccessLine,
} from './messages.js';
import { parseVersion, sameCalicoRelease } from './version.js';

describe('calicoctl message parsers', () => {
  it('parses success lines with and without a kind, and patch', () => {
    expect(parseSuccessLine("Successfully replaced 1 'Tier' resource(s)\n")).toEqual({
      past: 'replaced',
      count: 1,
      kind: 'Tier',
    });
    expect(parseSuccessLine('Successfully deleted 4 resource(s)')).toEqual({
      past: 'deleted',
      count: 4,
      kind: '',
    });
    expect(parseSuccessLine("Successfully patched 1 'GlobalNetworkPolicy' resource\n")).toEqual({
      past: 'patched',
      count: 1,
      kind: 'GlobalNetworkPolicy',
    });
    expect(parseSuccessLine('Partial success: applied the first 1 out of 2 resources:')).toBeUndefined();
  });

  it('parses the Partial line in both spellings', () => {
    expect(
      parsePartialLine("Partial success: created the first 2 out of 5 'NetworkPolicy' resources:\n"),
    ).toEqual({
      past: 'created',
      handled: 2,
      total: 5,
      kind: 'NetworkPolicy',
    });
    expect(parsePartialLine('Partial success: applied the first 3 out of 4 resources:')).toMatchObject({
      handled: 3,
      total: 4,
      kind: '',
    });
  });

  it('parses hit error / failed-all / delete lines, upper and lower case', () => {
    expect(parseHitError('Hit error(s): [a b]\n')).toBe('a b');
    expect(parseHitError('hit error: [a]')).toBe('a');
    expect(parseHitError('Hit error: not a list')).toBe('not a list');
    expect(parseFailedAll("failed to apply any 'Tier' resources: [x y]")).toEqual({
      verb: 'apply',
      kind: 'Tier',
      errors: 'x y',
    });
    expect(parseFailedAll('Failed to create resource: [x]')).toEqual({
      verb: 'create',
      kind: '',
      errors: 'x',
    });
    expect(
      parseDeleteFailures("Failed to delete 'Tier' resource: e1\nfailed to delete resource: e2\n"),
    ).toEqual(['e1', 'e2']);
  });

  it('recognises whole-command failures', () => {
    expect(parseCommandFailure('Error reading config file: /etc/calico/x.cfg')?.reason).toBe('config-file');
    expect(parseCommandFailure("Invalid option: 'calicoctl validate -f -'. Use flag '--help'")?.reason).toBe(
      'usage',
    );
    for (const text of [
      'Unknown command: "validate"\nUsage:\n  calicoctl [options] <command> [<args>...]',
      'unknown command "validate" for "calicoctl"',
      'unknown flag: --skip-exists',
      'Error: unknown flag: --x',
    ])
      expect(parseCommandFailure(text)?.reason).toBe('usage');
    expect(
      parseCommandFailure(
        'Unable to get Cluster Information to verify version mismatch: Unauthorized\nUse --allow-version-mismatch to override.',
      )?.reason,
    ).toBe('version-mismatch');
    expect(parseCommandFailure('Failed to execute command: error with field apiVersion')?.reason).toBe(
      'file-invalid',
    );
    expect(parseCommandFailure("resource type 'ippools2' is not supported")?.reason).toBe('unsupported-kind');
    expect(parseCommandFailure('Hit error(s): [x]')).toBeUndefined();
  });
});

describe('parseVersion', () => {
  it('parses client and cluster versions', () => {
    expect(
      parseVersion(
        'Client Version:    v3.30.0\nGit commit:        b2c1e0b2a\nCluster Version:   v3.30.0\nCluster Type:      typha,kdd,k8s,operator,bgp,kubeadm\n',
      ),
    ).toEqual({
      client: 'v3.30.0',
      gitCommit: 'b2c1e0b2a',
      cluster: { version: 'v3.30.0', type: ['typha', 'kdd', 'k8s', 'operator', 'bgp', 'kubeadm'] },
    });
  });

  it('leaves cluster out with --client or when undetectable', () => {
    expect(
      parseVersion(
        'Client Version:    v3.31.2\nGit commit:        abc\nUnable to detect installed Calico version\n',
      ),
    ).toEqual({
      client: 'v3.31.2',
      gitCommit: 'abc',
    });
    expect(parseVersion('nothing here')).toBeUndefined();
  });

  it('compares releases like calicoctl (major.minor.patch, no suffix)', () => {
    expect(sameCalicoRelease('v3.30.0', '3.30.0-0.dev')).toBe(true);
    expect(sameCalicoRelease('v3.30.0', 'v3.30.1')).toBe(false);
  });
});
