// BGPConfiguration: the field tags of bgpconfig.go, validateBGPConfigurationSpec (validator.go),
// the CRD schema and its CEL rules (api/config/crd/projectcalico.org_bgpconfigurations.yaml at
// Calico 87c15906) and calicoctl's default-only fields (clientv3 bgpconfig.go), with codes, paths
// and messages. The cases marked "validator_test.go:N" or "bgpconfig_test.go" are Calico's own.
import { describe, expect, it } from 'vitest';
import { type Issue, validate } from '../src/index.js';

const bgp = (spec: unknown, name = 'default') => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'BGPConfiguration',
  metadata: { name },
  spec,
});

function issues(spec: unknown, name?: string): Issue[] {
  const r = validate(bgp(spec, name));
  if (r.ok) throw new Error(`expected issues for ${JSON.stringify(spec)}`);
  return r.issues;
}

/** The one issue a spec gets. */
function only(spec: unknown, name?: string): Issue {
  const found = issues(spec, name);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0]!;
}

const accepts = (spec: unknown, name?: string) => {
  const r = validate(bgp(spec, name));
  expect(r.ok, r.ok ? '' : JSON.stringify(r.issues)).toBe(true);
  return r.ok ? r.value.spec : undefined;
};

describe('BGPConfiguration: what Calico accepts', () => {
  it('every field, kept as given, in BGPConfigurationSpec order', () => {
    const spec = {
      ipv6NormalRoutePriority: 1024,
      ipv4NormalRoutePriority: 1024,
      programClusterRoutes: 'EnabledNoEncapOnly',
      localWorkloadPeeringIPV6: 'fe80::1',
      localWorkloadPeeringIPV4: '169.254.0.1',
      ignoredInterfaces: ['eth*', 'docker0'],
      bindMode: 'NodeIP',
      nodeMeshMaxRestartTime: '120s',
      nodeMeshPassword: { secretKeyRef: { name: 'bgp-secrets', key: 'mesh-password', optional: false } },
      listenPort: 1179,
      prefixAdvertisements: [{ cidr: '192.168.10.0/28', communities: ['peers', '65001:200:3'] }],
      communities: [{ name: 'peers', value: '65001:100' }],
      serviceLoadBalancerAggregation: 'Disabled',
      serviceClusterIPs: [{ cidr: '10.96.0.0/12' }, { cidr: 'fd00:96::/108' }],
      serviceExternalIPs: [{ cidr: '203.0.113.0/24' }],
      serviceLoadBalancerIPs: [{ cidr: '198.51.100.0/24' }],
      asNumber: 64512,
      nodeToNodeMeshEnabled: true,
      logSeverityScreen: 'Info',
    };
    const kept = accepts(spec);
    expect(kept).toEqual(spec);
    expect(Object.keys(kept!)).toEqual(Object.keys(spec).reverse());
  });

  it('an empty spec, and the per-node configuration without default-only fields', () => {
    expect(accepts({})).toEqual({});
    accepts({ logSeverityScreen: 'Debug', listenPort: 179, serviceClusterIPs: [] }, 'node.worker-1');
  });

  it('the log level in any case (validator_test.go:518-533, the CRD pattern)', () => {
    for (const level of ['Info', 'info', 'INFO', '']) accepts({ logSeverityScreen: level });
    expect(only({ logSeverityScreen: 'invalidLvl' })).toEqual({
      code: 'invalid_value',
      path: ['spec', 'logSeverityScreen'],
      message:
        'Invalid spec.logSeverityScreen "invalidLvl": use Trace, Debug, Info, Warning, Error or Fatal (any case)',
    });
  });
});

describe('BGPConfiguration: Service IP blocks (the evaluator reads these)', () => {
  it.each(['serviceClusterIPs', 'serviceExternalIPs', 'serviceLoadBalancerIPs'])(
    '%s: CIDRs with a prefix length, strictly masked (the net tag and format: cidr)',
    (key) => {
      accepts({ [key]: [{ cidr: '10.96.0.0/12' }, { cidr: 'fdf5:1234::/64' }] });
      expect(only({ [key]: [{ cidr: '10.96.0.1/12' }] })).toEqual({
        code: 'cidr_not_masked',
        path: ['spec', key, 0, 'cidr'],
        message: `spec.${key}[0].cidr "10.96.0.1/12" has host bits set: write the network, "10.96.0.0/12"`,
      });
      expect(only({ [key]: [{ cidr: 'x.x.x.x' }] })).toEqual({
        code: 'invalid_cidr',
        path: ['spec', key, 0, 'cidr'],
        message: `spec.${key}[0].cidr "x.x.x.x" is not a CIDR: write a network like "10.96.0.0/12" or "fd00:96::/108"`,
      });
    },
  );

  it('a bare address is refused: the CRD wants a prefix length (validator_test.go:535-540 takes it, the API server does not)', () => {
    expect(only({ serviceClusterIPs: [{ cidr: '1.2.3.4' }] })).toEqual({
      code: 'invalid_cidr',
      path: ['spec', 'serviceClusterIPs', 0, 'cidr'],
      message:
        'spec.serviceClusterIPs[0].cidr "1.2.3.4" needs a prefix length (the CRD\'s format: cidr): write "1.2.3.4/32" for the one address',
    });
    expect(only({ serviceExternalIPs: [{ cidr: 'fdf5:1234::808:808' }] }).message).toContain(
      'write "fdf5:1234::808:808/128"',
    );
  });

  it('cidr is omitempty: an entry without one is accepted; other fields are not', () => {
    accepts({ serviceClusterIPs: [{}, { cidr: '' }] });
    expect(only({ serviceClusterIPs: [{ cidr: '10.96.0.0/12', prefix: 12 }] }).code).toBe('unknown_field');
    expect(only({ serviceClusterIPs: ['10.96.0.0/12'] }).code).toBe('invalid_type');
    expect(only({ serviceClusterIPs: { cidr: '10.96.0.0/12' } }).code).toBe('invalid_type');
  });
});

describe('BGPConfiguration: communities (validateBGPConfigurationSpec, validator_test.go:4219-4290)', () => {
  const advertised = [{ cidr: '192.168.10.0/28', communities: ['100:100'] }];
  const community = (value: unknown, name: unknown = 'community-test') => ({
    communities: [name === '' ? { value } : { name, value }],
    prefixAdvertisements: advertised,
  });

  it('standard aa:nn of 16-bit parts, large aa:nn:mm of 32-bit parts', () => {
    accepts(community('100:520'));
    accepts(community('100:520:56'));
    expect(only(community('65536:999999'))).toEqual({
      code: 'invalid_community',
      path: ['spec', 'communities', 0, 'value'],
      message:
        'Invalid community value "65536:999999" in spec.communities[0].value: invalid community value, expected 16 bit value: each part of a standard (aa:nn) community is 0-65535',
    });
    expect(only(community('4147483647:999999')).code).toBe('invalid_community');
    for (const value of ['100', 'ab-n']) {
      expect(only(community(value)).message).toContain(
        'write aa:nn (a standard community) or aa:nn:mm (a large one), e.g. "65001:100"',
      );
    }
  });

  it('name and value are required; the name is a DNS subdomain', () => {
    expect(only(community('536:785', ''))).toEqual({
      code: 'required',
      path: ['spec', 'communities', 0, 'name'],
      message: 'spec.communities[0].name is required: set it, e.g. name: no-export-peers',
    });
    expect(only(community('', 'x')).path).toEqual(['spec', 'communities', 0, 'value']);
    expect(only(community('1:2', 'Peers_1')).code).toBe('invalid_name');
  });

  it('communities need a prefix advertisement (CEL)', () => {
    expect(only({ communities: [{ name: 'community-test', value: '101:5695' }] })).toEqual({
      code: 'required',
      path: ['spec', 'prefixAdvertisements'],
      message:
        'communities are defined but not used in prefixAdvertisements: add a prefix advertisement that names them, or remove spec.communities',
    });
    accepts({ communities: [] });
  });

  it('a prefix advertisement has a cidr and communities: values or defined names', () => {
    accepts({
      prefixAdvertisements: [{ cidr: '2001:4860::/128', communities: ['100:5964:1147483647', '100:5223'] }],
    });
    accepts({
      communities: [{ name: 'community-test', value: '101:5695' }],
      prefixAdvertisements: [{ cidr: '2001:4860::/128', communities: ['community-test', '8988:202'] }],
    });
    expect(only({ prefixAdvertisements: [{ communities: ['100:5964'] }] })).toEqual({
      code: 'required',
      path: ['spec', 'prefixAdvertisements', 0, 'cidr'],
      message: 'spec.prefixAdvertisements[0].cidr is required: set it, e.g. cidr: 192.168.10.0/28',
    });
    expect(only({ prefixAdvertisements: [{ cidr: '192.168.10.0/28' }] }).path).toEqual([
      'spec',
      'prefixAdvertisements',
      0,
      'communities',
    ]);
    expect(
      only({ prefixAdvertisements: [{ cidr: '2001:4860::/128', communities: ['nonexistent-community'] }] }),
    ).toEqual({
      code: 'invalid_community',
      path: ['spec', 'prefixAdvertisements', 0, 'communities', 0],
      message:
        'community used is invalid or not defined: "nonexistent-community" in spec.prefixAdvertisements[0].communities[0] is not a community value (aa:nn or aa:nn:mm) nor the name of one in spec.communities',
    });
    expect(
      only({ prefixAdvertisements: [{ cidr: '2001:4860::/128', communities: ['100:1147483647'] }] }).message,
    ).toContain('expected 16 bit value');
    expect(
      only({ prefixAdvertisements: [{ cidr: '2001:4860::/128', communities: ['100:100:5147483647'] }] })
        .message,
    ).toContain('expected 32 bit value');
    expect(only({ prefixAdvertisements: [{ cidr: '192.168.10.1/28', communities: ['1:1'] }] }).code).toBe(
      'cidr_not_masked',
    );
  });

  it('at most 500 communities and advertisements, 50 communities each (CRD maxItems)', () => {
    const many = Array.from({ length: 51 }, (_, i) => `1:${i}`);
    expect(only({ prefixAdvertisements: [{ cidr: '10.0.0.0/8', communities: many }] })).toMatchObject({
      code: 'too_many_items',
      path: ['spec', 'prefixAdvertisements', 0, 'communities'],
    });
  });
});

describe('BGPConfiguration: the node-to-node mesh (CEL, bgpconfig_test.go)', () => {
  const password = { secretKeyRef: { name: 'test-secret', key: 'bgp-password' } };

  it('password and restart time only while the mesh is enabled (or left unset)', () => {
    accepts({ nodeToNodeMeshEnabled: true, nodeMeshPassword: password, nodeMeshMaxRestartTime: '200s' });
    accepts({ nodeMeshPassword: {} });
    expect(only({ nodeToNodeMeshEnabled: false, nodeMeshPassword: password })).toEqual({
      code: 'forbidden_field',
      path: ['spec', 'nodeMeshPassword'],
      message:
        "nodeMeshPassword cannot be set when nodeToNodeMeshEnabled is false: it configures the mesh's sessions; remove it or enable the mesh",
    });
    expect(only({ nodeToNodeMeshEnabled: false, nodeMeshMaxRestartTime: '120s' }).path).toEqual([
      'spec',
      'nodeMeshMaxRestartTime',
    ]);
  });

  it('the secret key is required (CRD); the restart time is a Go duration', () => {
    expect(only({ nodeMeshPassword: { secretKeyRef: { name: 'test-secret' } } })).toEqual({
      code: 'required',
      path: ['spec', 'nodeMeshPassword', 'secretKeyRef', 'key'],
      message: 'spec.nodeMeshPassword.secretKeyRef.key is required: set it, e.g. key: bgp-password',
    });
    expect(only({ nodeMeshMaxRestartTime: 120 }).code).toBe('invalid_type');
    expect(only({ nodeMeshMaxRestartTime: 'two minutes' }).code).toBe('invalid_value');
  });
});

describe('BGPConfiguration: other fields', () => {
  it('asNumber: a uint32, or text Calico decodes (numorstring.ASNumber) and stores as its number', () => {
    expect(accepts({ asNumber: '64512' })).toEqual({ asNumber: 64512 });
    expect(accepts({ asNumber: '1.10' })).toEqual({ asNumber: 65546 });
    accepts({ asNumber: 4294967295 });
    expect(only({ asNumber: 4294967296 })).toEqual({
      code: 'invalid_value',
      path: ['spec', 'asNumber'],
      message:
        'spec.asNumber: Invalid AS number 4294967296: write a number from 0 to 4294967295 (e.g. 64512) or the dotted form "1.10" (two numbers from 0 to 65535)',
    });
    expect(only({ asNumber: '1.65536' }).code).toBe('invalid_value');
    expect(only({ asNumber: true }).code).toBe('invalid_type');
  });

  it('enums are case-sensitive; their pointer fields take no ""', () => {
    expect(only({ bindMode: 'nodeIP' }).message).toBe(
      'Invalid spec.bindMode "nodeIP": values are case-sensitive, write "NodeIP"',
    );
    expect(only({ programClusterRoutes: '' }).code).toBe('invalid_value');
    expect(only({ serviceLoadBalancerAggregation: 'Off' }).message).toBe(
      'Invalid spec.serviceLoadBalancerAggregation "Off": use one of Enabled, Disabled',
    );
  });

  it('listenPort is 1-65535, 0 unset (omitempty); route priorities 1-2147483646', () => {
    accepts({ listenPort: 0 });
    expect(only({ listenPort: 65536 }).code).toBe('out_of_range');
    expect(only({ ipv6NormalRoutePriority: 2147483647 })).toEqual({
      code: 'out_of_range',
      path: ['spec', 'ipv6NormalRoutePriority'],
      message: 'spec.ipv6NormalRoutePriority must be from 1 to 2147483646, not 2147483647',
    });
  });

  it('ignoredInterfaces: names or prefixes, not "*" alone, a set (validator_test.go:590-596)', () => {
    accepts({ ignoredInterfaces: ['valid_iface*', 'interface_name'] });
    expect(only({ ignoredInterfaces: ['*'] })).toEqual({
      code: 'invalid_interface_name',
      path: ['spec', 'ignoredInterfaces', 0],
      message:
        'spec.ignoredInterfaces[0] "*" is not an interface name or prefix: use 1-15 letters, digits or "_.-", with "*" for any rest (e.g. "eth*"), not "*" alone',
    });
    expect(only({ ignoredInterfaces: ['eth0', 'eth0'] })).toEqual({
      code: 'duplicate_value',
      path: ['spec', 'ignoredInterfaces', 1],
      message: 'interface "eth0" is listed twice: ignoredInterfaces is a set',
    });
  });

  it('local workload peering addresses by version (validator_test.go:4291-4300, the ipv4/ipv6 tags)', () => {
    accepts({ localWorkloadPeeringIPV4: '169.254.0.179', localWorkloadPeeringIPV6: 'fe80::179' });
    // The ipv4 tag reads the version off To4(), so a mapped address is IPv4.
    accepts({ localWorkloadPeeringIPV4: '::ffff:169.254.0.1' });
    expect(only({ localWorkloadPeeringIPV4: '999.0.0.1' })).toEqual({
      code: 'invalid_ip',
      path: ['spec', 'localWorkloadPeeringIPV4'],
      message:
        'spec.localWorkloadPeeringIPV4 "999.0.0.1" is not an IPv4 address: write one like "169.254.0.1", without a prefix length',
    });
    expect(only({ localWorkloadPeeringIPV6: '169.254.0.1' }).code).toBe('invalid_ip');
  });
});

describe('BGPConfiguration: fields calicoctl takes only on "default" (ValidateDefaultOnlyFields)', () => {
  it('the mesh, AS number, Service IPs and mesh password/restart time', () => {
    const found = issues(
      {
        nodeToNodeMeshEnabled: true,
        asNumber: 64512,
        serviceLoadBalancerIPs: [{ cidr: '198.51.100.0/24' }],
        serviceExternalIPs: [{ cidr: '203.0.113.0/24' }],
        serviceClusterIPs: [{ cidr: '10.96.0.0/12' }],
        nodeMeshPassword: {},
        nodeMeshMaxRestartTime: '120s',
        listenPort: 179,
      },
      'node.worker-1',
    );
    expect(found.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['forbidden_field', 'spec.nodeToNodeMeshEnabled'],
      ['forbidden_field', 'spec.asNumber'],
      ['forbidden_field', 'spec.serviceLoadBalancerIPs'],
      ['forbidden_field', 'spec.serviceExternalIPs'],
      ['forbidden_field', 'spec.serviceClusterIPs'],
      ['forbidden_field', 'spec.nodeMeshPassword'],
      ['forbidden_field', 'spec.nodeMeshMaxRestartTime'],
    ]);
    expect(found[4]!.message).toBe(
      'Cannot set serviceClusterIPs on a non default BGP Configuration: move it to the BGPConfiguration named "default"',
    );
  });
});

describe('BGPConfiguration: the resource', () => {
  it('fields are typed and known, as calicoctl decodes them; no status', () => {
    const found = issues({ nodeToNodeMeshEnabled: 'yes', listenPort: '179', asNumbers: 1 });
    expect(found.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unknown_field', 'spec.asNumbers'],
      ['invalid_type', 'spec.nodeToNodeMeshEnabled'],
      ['invalid_type', 'spec.listenPort'],
    ]);
    expect(validate({ ...bgp({}), status: {} }).ok).toBe(false);
  });

  it('has a DNS subdomain name (default, node.<name>)', () => {
    expect(validate(bgp({}, 'node.worker-1')).ok).toBe(true);
    expect(validate(bgp({}, 'Default')).ok).toBe(false);
  });
});
