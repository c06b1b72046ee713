// IPPool: validateIPPoolSpec (validator.go), the CRD schema and its CEL rules
// (api/config/crd/projectcalico.org_ippools.yaml at Calico 87c15906), with codes, paths and
// messages. Upstream's own cases are rows of fixtures/validator-extra.
import { describe, expect, it } from 'vitest';
import { type Issue, validate } from '../src/index.js';

const pool = (spec: unknown, rest: Record<string, unknown> = {}) => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'IPPool',
  metadata: { name: 'pods' },
  spec,
  ...rest,
});

function issues(spec: unknown): Issue[] {
  const r = validate(pool(spec));
  if (r.ok) throw new Error(`expected issues for ${JSON.stringify(spec)}`);
  return r.issues;
}

/** The one issue a spec gets. */
function only(spec: unknown): Issue {
  const found = issues(spec);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0]!;
}

const accepts = (spec: unknown) => {
  const r = validate(pool(spec));
  expect(r.ok, r.ok ? '' : JSON.stringify(r.issues)).toBe(true);
};

describe('IPPool: what Calico accepts', () => {
  it('every field, kept as given (no defaults filled in)', () => {
    const spec = {
      cidr: '10.244.0.0/16',
      vxlanMode: 'CrossSubnet',
      ipipMode: 'Never',
      natOutgoing: true,
      disabled: false,
      disableBGPExport: true,
      blockSize: 24,
      nodeSelector: "kubernetes.io/os == 'linux'",
      namespaceSelector: "tenant == 'a'",
      allowedUses: ['Workload'],
      assignmentMode: 'Manual',
    };
    const r = validate(pool(spec));
    expect(r.ok && r.value).toEqual(pool(spec));
  });

  it('a pool read back from a cluster: server metadata and the controller status are kept', () => {
    const exported = pool(
      {
        allowedUses: ['Workload', 'Tunnel'],
        assignmentMode: 'Automatic',
        blockSize: 26,
        cidr: '192.168.0.0/16',
        ipipMode: 'Always',
        natOutgoing: true,
        nodeSelector: 'all()',
        vxlanMode: 'Never',
      },
      {
        metadata: {
          name: 'default-ipv4-ippool',
          uid: '0c1d3c1e-8b4e-4a53-9b1d-2f5b7f4d7f10',
          resourceVersion: '1042',
          creationTimestamp: '2026-01-05T10:00:00Z',
          finalizers: ['projectcalico.org/ippool-finalizer'],
        },
        status: {
          conditions: [
            {
              type: 'Allocatable',
              status: 'True',
              lastTransitionTime: '2026-01-05T10:00:01Z',
              reason: 'OK',
              message: 'IPPool is available for IP allocation.',
            },
          ],
        },
      },
    );
    const r = validate(exported);
    expect(r.ok && r.value).toEqual(exported);
  });

  it('"" in a plain enum and 0, false are unset (omitempty); an IPv6 CIDR in upper case is fine', () => {
    accepts({ cidr: '10.0.0.0/24', ipipMode: '', vxlanMode: '', blockSize: 0, disabled: false });
    accepts({ cidr: 'FD00:1234::/112' });
  });

  it('a LoadBalancer pool on its own, with the default nodeSelector or all()', () => {
    accepts({ cidr: '192.0.2.0/24', allowedUses: ['LoadBalancer'] });
    accepts({
      cidr: '192.0.2.0/24',
      allowedUses: ['LoadBalancer'],
      nodeSelector: 'all()',
      vxlanMode: 'Never',
    });
  });

  it('a pool smaller than its block when disabled; block sizes at the ends of each range', () => {
    accepts({ cidr: '10.0.0.0/28', disabled: true });
    accepts({ cidr: '10.0.0.0/20', blockSize: 20 });
    accepts({ cidr: '10.0.0.0/24', blockSize: 32 });
    accepts({ cidr: 'fd00::/116', blockSize: 116 });
    accepts({ cidr: 'fd00::/120', blockSize: 128 });
  });
});

describe('IPPool: cidr', () => {
  it('is required', () => {
    expect(only({ natOutgoing: true })).toEqual({
      code: 'required',
      path: ['spec', 'cidr'],
      message: 'IPPool CIDR must be specified: set spec.cidr to the pool network, e.g. 10.244.0.0/16',
    });
    expect(only({ cidr: '' }).code).toBe('required');
    expect(validate(pool(undefined)).ok).toBe(false);
  });

  it('needs a prefix length (the CRD format cidr), within the family', () => {
    expect(only({ cidr: '10.244.0.0' })).toEqual({
      code: 'invalid_cidr',
      path: ['spec', 'cidr'],
      message:
        'Invalid CIDR "10.244.0.0": an IP pool needs a prefix length, like 10.244.0.0/16 or fd00:10:244::/64',
    });
    expect(only({ cidr: '1.2.3.4/33' }).message).toBe(
      'Invalid CIDR "1.2.3.4/33": the prefix length must be a number from 0 to 32',
    );
    expect(only({ cidr: 'pods' }).code).toBe('invalid_cidr');
  });

  it('must be strictly masked (validateIPPoolSpec)', () => {
    expect(only({ cidr: '192.168.0.1/24' })).toEqual({
      code: 'cidr_not_masked',
      path: ['spec', 'cidr'],
      message: 'IP pool CIDR is not strictly masked: write "192.168.0.0/24"',
    });
    expect(only({ cidr: 'fd00::1/112' }).message).toContain('write "fd00::/112"');
  });

  it('is at most 48 characters (CRD maxLength)', () => {
    const long = 'fd00:0000:0000:0000:0000:0000:255.255.255.255/128';
    expect(long).toHaveLength(49);
    expect(only({ cidr: long, disabled: true })).toEqual({
      code: 'too_long',
      path: ['spec', 'cidr'],
      message: 'spec.cidr is longer than 48 characters: write it in its short form',
    });
    accepts({ cidr: 'fd00::ffff:ffff/128', disabled: true });
  });

  it('must not overlap the link-local ranges, inside or around them', () => {
    for (const cidr of ['169.254.0.0/16', '169.254.10.0/24', '169.254.0.0/15', '0.0.0.0/0']) {
      expect(only({ cidr })).toEqual({
        code: 'link_local_overlap',
        path: ['spec', 'cidr'],
        message:
          'IPPool CIDR overlaps with IPv4 link local range 169.254.0.0/16: choose a network outside it',
      });
    }
    for (const cidr of ['fe80::/112', 'fe00::/8']) {
      expect(only({ cidr }).message).toBe(
        'IPPool CIDR overlaps with IPv6 link local range fe80::/10: choose a network outside it',
      );
    }
    accepts({ cidr: '169.255.0.0/16' });
  });
});

describe('IPPool: blockSize and the size of the pool', () => {
  it('is 20-32 for IPv4 and 116-128 for IPv6 (CEL), 0-128 in the schema', () => {
    expect(only({ cidr: '10.100.0.0/16', blockSize: 19 })).toEqual({
      code: 'out_of_range',
      path: ['spec', 'blockSize'],
      message:
        'blockSize must be between 20 and 32 for IPv4 pools, and between 116 and 128 for IPv6 pools: 19 is outside 20-32 for this IPv4 pool (leave it out for 26)',
    });
    expect(only({ cidr: 'fd10::/48', blockSize: 64 }).message).toContain(
      '64 is outside 116-128 for this IPv6 pool (leave it out for 122)',
    );
    expect(issues({ cidr: '10.0.0.0/16', blockSize: 129 }).map((i) => i.message)).toContain(
      'spec.blockSize must be from 0 to 128, not 129',
    );
    expect(only({ cidr: '10.0.0.0/16', blockSize: 26.5 }).code).toBe('invalid_type');
  });

  it('the pool must hold a block (its own or the default 26 / 122) unless it is disabled', () => {
    expect(only({ cidr: '10.102.0.0/28', blockSize: 26 })).toEqual({
      code: 'ip_pool_too_small',
      path: ['spec', 'cidr'],
      message:
        'IP pool size is too small for use with Calico IPAM. It must be equal to or greater than the block size: a /28 is smaller than its blockSize, /26; use a /26 or shorter prefix, a blockSize of 28 or more, or disabled: true',
    });
    expect(only({ cidr: '10.105.0.0/28' }).message).toContain('smaller than the default block size, /26');
    expect(only({ cidr: 'fd20::/124' }).message).toContain('smaller than the default block size, /122');
    accepts({ cidr: '10.104.0.0/26', blockSize: 26 });
    accepts({ cidr: '10.104.0.0/28', blockSize: 28 });
  });
});

describe('IPPool: encapsulation', () => {
  it('modes are the CRD enum, case-sensitive', () => {
    expect(only({ cidr: '1.2.3.0/24', ipipMode: 'never' })).toEqual({
      code: 'invalid_value',
      path: ['spec', 'ipipMode'],
      message: 'Invalid spec.ipipMode "never": values are case-sensitive, write "Never"',
    });
    expect(only({ cidr: '1.2.3.0/24', vxlanMode: 'badVal' }).message).toBe(
      'Invalid spec.vxlanMode "badVal": use one of Never, Always, CrossSubnet',
    );
  });

  it('IPIP and VXLAN are not both enabled', () => {
    expect(only({ cidr: '1.2.3.0/24', ipipMode: 'Always', vxlanMode: 'CrossSubnet' })).toEqual({
      code: 'forbidden_field',
      path: ['spec', 'ipipMode'],
      message: 'ipipMode and vxlanMode cannot both be enabled: set one of them to Never or leave it out',
    });
    accepts({ cidr: '1.2.3.0/24', ipipMode: 'Always', vxlanMode: 'Never' });
  });

  it('IPv6 pools take no IPIP', () => {
    expect(only({ cidr: 'fd00::/120', ipipMode: 'CrossSubnet' })).toEqual({
      code: 'forbidden_field',
      path: ['spec', 'ipipMode'],
      message:
        'IPIP is not supported on IPv6 pools: set ipipMode to Never (or leave it out) and use vxlanMode to encapsulate',
    });
    accepts({ cidr: 'fd00::/120', ipipMode: 'Never', vxlanMode: 'Always' });
  });
});

describe('IPPool: allowedUses', () => {
  it('are the CRD enum, a set, at most 10', () => {
    expect(only({ cidr: '1.0.0.0/10', allowedUses: ['Garbage'] })).toEqual({
      code: 'invalid_value',
      path: ['spec', 'allowedUses', 0],
      message: 'Invalid allowed use "Garbage": use one of Workload, Tunnel, LoadBalancer',
    });
    expect(only({ cidr: '1.0.0.0/10', allowedUses: ['Workload', 'Workload'] })).toEqual({
      code: 'duplicate_value',
      path: ['spec', 'allowedUses', 1],
      message: 'allowed use "Workload" is listed twice: allowedUses is a set',
    });
    expect(only({ cidr: '1.0.0.0/10', allowedUses: ['workload'] }).message).toContain('write "Workload"');
    const eleven = Array.from({ length: 11 }, () => 'Workload');
    expect(issues({ cidr: '1.0.0.0/10', allowedUses: eleven }).map((i) => i.code)).toContain(
      'too_many_items',
    );
  });

  it('a LoadBalancer pool has no other use, no encapsulation, BGP export and every node', () => {
    const lb = (more: Record<string, unknown>) => ({
      cidr: '1.0.0.0/10',
      allowedUses: ['LoadBalancer'],
      ...more,
    });
    expect(only({ cidr: '1.0.0.0/10', allowedUses: ['LoadBalancer', 'Tunnel'] })).toEqual({
      code: 'forbidden_field',
      path: ['spec', 'allowedUses'],
      message:
        'LoadBalancer cannot be combined with Workload or Tunnel allowed uses: give load balancer addresses a pool of their own',
    });
    expect(only(lb({ vxlanMode: 'Always' }))).toEqual({
      code: 'forbidden_field',
      path: ['spec', 'vxlanMode'],
      message:
        'LoadBalancer IP pool cannot have IPIP or VXLAN enabled: set vxlanMode to Never or leave it out',
    });
    expect(only(lb({ ipipMode: 'CrossSubnet' })).path).toEqual(['spec', 'ipipMode']);
    expect(only(lb({ disableBGPExport: true }))).toEqual({
      code: 'forbidden_field',
      path: ['spec', 'disableBGPExport'],
      message:
        'LoadBalancer IP pools cannot disable BGP export: load balancer addresses are reached through BGP; remove disableBGPExport',
    });
    expect(only(lb({ nodeSelector: '!all()' }))).toEqual({
      code: 'forbidden_field',
      path: ['spec', 'nodeSelector'],
      message:
        'IP Pool with AllowedUse LoadBalancer must have nodeSelector set to all(): set nodeSelector: all() or leave it out',
    });
  });

  it('a Tunnel pool has no namespaceSelector', () => {
    expect(
      only({ cidr: '1.0.0.0/10', allowedUses: ['Workload', 'Tunnel'], namespaceSelector: 'has(team)' }),
    ).toEqual({
      code: 'forbidden_field',
      path: ['spec', 'namespaceSelector'],
      message:
        'IP Pool with AllowedUse Tunnel cannot have namespaceSelector: tunnel addresses belong to nodes, not namespaces; remove namespaceSelector or put the Tunnel use on another pool',
    });
    // The CEL rule reads allowedUses as written: calicoctl's default [Workload, Tunnel] comes later.
    accepts({ cidr: '1.0.0.0/10', namespaceSelector: 'has(team)' });
  });

  it('assignmentMode is Automatic or Manual; "" is a value there (a pointer field)', () => {
    accepts({ cidr: '1.0.0.0/10', assignmentMode: 'Automatic' });
    expect(only({ cidr: '1.0.0.0/10', assignmentMode: '' })).toEqual({
      code: 'invalid_value',
      path: ['spec', 'assignmentMode'],
      message: 'Invalid spec.assignmentMode "": use one of Automatic, Manual, or leave the field out',
    });
  });
});

describe('IPPool: selectors', () => {
  it('parse as Calico selectors, at most 1024 characters, without global()', () => {
    expect(only({ cidr: '1.2.3.0/26', nodeSelector: 'this is not valid selector syntax' }).code).toBe(
      'invalid_selector',
    );
    expect(only({ cidr: '1.0.0.0/10', namespaceSelector: `a == '${'x'.repeat(1020)}'` }).code).toBe(
      'invalid_selector',
    );
    expect(only({ cidr: '1.0.0.0/10', nodeSelector: 'global()' })).toEqual({
      code: 'global_selector_not_allowed',
      path: ['spec', 'nodeSelector'],
      message:
        'global() can only be used in an EntityRule namespaceSelector: remove it from spec.nodeSelector (use all() to match everything)',
    });
    expect(only({ cidr: '1.0.0.0/10', namespaceSelector: 'global()' }).path).toEqual([
      'spec',
      'namespaceSelector',
    ]);
    accepts({
      cidr: '1.0.0.0/10',
      nodeSelector: 'region in {"east", "west"}',
      namespaceSelector: 'environment contains "prod"',
    });
  });
});

describe('IPPool: the resource', () => {
  it('fields are typed and known, as calicoctl decodes them', () => {
    const found = issues({
      cidr: '1.0.0.0/10',
      natOutgoing: 'yes',
      blockSize: '26',
      ipip: { enabled: true },
    });
    expect(found.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unknown_field', 'spec.ipip'],
      ['invalid_type', 'spec.natOutgoing'],
      ['invalid_type', 'spec.blockSize'],
    ]);
  });

  it('has a DNS subdomain name; its status, when given, is a mapping', () => {
    expect(validate(pool({ cidr: '1.0.0.0/10' }, { metadata: { name: 'pool.name' } })).ok).toBe(true);
    expect(validate(pool({ cidr: '1.0.0.0/10' }, { metadata: { name: 'Pool_1' } })).ok).toBe(false);
    expect(validate(pool({ cidr: '1.0.0.0/10' }, { status: 'ready' })).ok).toBe(false);
  });
});
