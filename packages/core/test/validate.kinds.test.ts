// Derived cases per kind, beyond the conformance rows: each says why Calico accepts or rejects it.
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

const res = (kind: string, spec: unknown, metadata: Record<string, unknown> = { name: 'x' }) => ({
  apiVersion: 'projectcalico.org/v3',
  kind,
  metadata,
  spec,
});
const rule = (r: Record<string, unknown>) =>
  res('GlobalNetworkPolicy', { ingress: [{ action: 'Allow', ...r }] });

const cases: [string, unknown, boolean][] = [
  // policies
  ['order as a string does not decode', res('GlobalNetworkPolicy', { order: '100' }), false],
  ['negative fractional order', res('GlobalNetworkPolicy', { order: -0.5 }), true],
  ['types must be a list', res('GlobalNetworkPolicy', { types: 'Ingress' }), false],
  [
    'preDNAT as a string does not decode',
    res('GlobalNetworkPolicy', { preDNAT: 'true', applyOnForward: true }),
    false,
  ],
  [
    'NetworkPolicy has no namespaceSelector field',
    res('NetworkPolicy', { namespaceSelector: 'all()' }),
    false,
  ],
  [
    'GNP namespaceSelector over 1024 chars',
    res('GlobalNetworkPolicy', { namespaceSelector: `a == '${'x'.repeat(1020)}'` }),
    false,
  ],
  [
    '1025 ingress rules',
    res('GlobalNetworkPolicy', { ingress: Array.from({ length: 1025 }, () => ({ action: 'Allow' })) }),
    false,
  ],
  [
    'staged Delete with an empty list is not zero-value',
    res('StagedGlobalNetworkPolicy', { stagedAction: 'Delete', ingress: [] }),
    false,
  ],
  [
    'staged Delete with empty strings and false',
    res('StagedGlobalNetworkPolicy', { stagedAction: 'Delete', selector: '', preDNAT: false }),
    true,
  ],
  ['staged Learn', res('StagedNetworkPolicy', { stagedAction: 'Learn', selector: 'all()' }), true],
  ['GNP ingress source service needs a namespace', rule({ source: { services: { name: 'web' } } }), false],
  [
    'service namespace must be a DNS name',
    rule({ source: { services: { name: 'web', namespace: 'Default' } } }),
    false,
  ],
  ['http: {} on a Deny rule', res('GlobalNetworkPolicy', { ingress: [{ action: 'Deny', http: {} }] }), false],
  ['icmp: {} needs an ICMP protocol', rule({ icmp: {} }), false],
  ['icmp: {} with ICMPv6', rule({ protocol: 'ICMPv6', icmp: {} }), true],
  ['notICMP code without type', rule({ notICMP: { code: 1 } }), false],
  ['icmp type as a string does not decode', rule({ protocol: 'ICMP', icmp: { type: '8' } }), false],
  ['ipVersion as a string does not decode', rule({ ipVersion: '4' }), false],
  ['notProtocol 58 with ipVersion 4', rule({ notProtocol: 58, ipVersion: 4 }), false],
  ['notSelector is not checked for global()', rule({ source: { notSelector: 'global()' } }), true],
  [
    'serviceAccounts selector is not checked for global()',
    rule({ source: { serviceAccounts: { selector: 'global()' } } }),
    true,
  ],
  ['"0.0.0.0/00" is not the literal catch-all', rule({ source: { notNets: ['0.0.0.0/00'] } }), true],
  ['uppercase IPv6 CIDR', rule({ source: { nets: ['FD00::/8'] } }), true],
  ['IPv4 with leading zeros', rule({ source: { nets: ['010.0.0.0/8'] } }), false],
  ['IPv6 zone', rule({ source: { nets: ['fe80::/10%eth0'] } }), false],
  [
    'notPorts named with protocol ICMP',
    rule({ protocol: 'ICMP', destination: { notPorts: ['http'] } }),
    false,
  ],
  ['port true does not decode', rule({ protocol: 'TCP', destination: { ports: [true] } }), false],
  ['rule annotation key invalid', rule({ metadata: { annotations: { '...': 'x' } } }), false],
  ['unknown rule field', rule({ prot: 'TCP' }), false],
  // StagedNetworkPolicy (validator_test.go 3272-3366, not in the shared rows)
  ['SNP Delete, valid name', res('StagedNetworkPolicy', { stagedAction: 'Delete' }, { name: 'thing' }), true],
  [
    'SNP Delete, name with dots',
    res('StagedNetworkPolicy', { stagedAction: 'Delete' }, { name: 't.h.i.ng' }),
    false,
  ],
  [
    'SNP Delete, mixed case',
    res('StagedNetworkPolicy', { stagedAction: 'Delete' }, { name: 'tHiNg' }),
    false,
  ],
  [
    'SNP Delete, 253 chars',
    res('StagedNetworkPolicy', { stagedAction: 'Delete' }, { name: 'x'.repeat(253) }),
    true,
  ],
  [
    'SNP Delete, 254 chars',
    res('StagedNetworkPolicy', { stagedAction: 'Delete' }, { name: 'x'.repeat(254) }),
    false,
  ],
  [
    'SNP Delete, k8s name',
    res('StagedNetworkPolicy', { stagedAction: 'Delete' }, { name: 'knp.default.thing' }),
    true,
  ],
  [
    'SNP Delete with tier only',
    res('StagedNetworkPolicy', { stagedAction: 'Delete', tier: 'eng' }, { name: 'eng.thing' }),
    true,
  ],
  ['SNP no stagedAction', res('StagedNetworkPolicy', { selector: 'foo == "bar"' }, { name: 'thing' }), true],
  [
    'SNP Delete with selector',
    res('StagedNetworkPolicy', { stagedAction: 'Delete', selector: 'foo == "bar"' }),
    false,
  ],
  [
    'SNP stagedAction Warning',
    res('StagedNetworkPolicy', { stagedAction: 'Warning', selector: 'foo == "bar"' }),
    false,
  ],
  [
    'SNP empty stagedAction',
    res('StagedNetworkPolicy', { stagedAction: '', selector: 'foo == "bar"' }),
    true,
  ],
  // tiers
  ['empty custom tier spec', res('Tier', {}), true],
  ['tier status is kept', { ...res('Tier', { order: 100 }), status: { conditions: [] } }, true],
  ['GNP has no status', { ...res('GlobalNetworkPolicy', {}), status: {} }, false],
  [
    'kube-admin without defaultAction defaults to Deny',
    res('Tier', { order: 1000 }, { name: 'kube-admin' }),
    false,
  ],
  ['tier order as a string', res('Tier', { order: '100' }), false],
  // host endpoints
  ['HEP interfaceName *', res('HostEndpoint', { node: 'n1', interfaceName: '*' }), true],
  ['HEP expectedIPs with a prefix', res('HostEndpoint', { node: 'n1', expectedIPs: ['10.0.0.1/32'] }), false],
  [
    'HEP port numeric protocol 17',
    res('HostEndpoint', {
      node: 'n1',
      interfaceName: 'eth0',
      ports: [{ name: 'dns', protocol: 17, port: 53 }],
    }),
    true,
  ],
  [
    'HEP port without protocol',
    res('HostEndpoint', { node: 'n1', interfaceName: 'eth0', ports: [{ name: 'dns', port: 53 }] }),
    false,
  ],
  [
    'HEP port name empty',
    res('HostEndpoint', {
      node: 'n1',
      interfaceName: 'eth0',
      ports: [{ name: '', protocol: 'TCP', port: 53 }],
    }),
    false,
  ],
  [
    'HEP port 65536',
    res('HostEndpoint', {
      node: 'n1',
      interfaceName: 'eth0',
      ports: [{ name: 'x', protocol: 'TCP', port: 65536 }],
    }),
    false,
  ],
  ['HEP node 254 chars', res('HostEndpoint', { node: 'x'.repeat(254), interfaceName: 'eth0' }), false],
  ['HEP interface with @', res('HostEndpoint', { node: 'n1', interfaceName: 'eth0@1' }), false],
  // sets
  ['set nets must be a list', res('GlobalNetworkSet', { nets: '10.0.0.0/8' }), false],
  ['set IPv6 bare address', res('NetworkSet', { nets: ['fd00::1'] }, { name: 'x', namespace: 'ns' }), true],
  ['set label value must be a string', res('GlobalNetworkSet', {}, { name: 'x', labels: { v: 1 } }), false],
  [
    'kubectl-style null creationTimestamp',
    res('GlobalNetworkSet', {}, { name: 'x', creationTimestamp: null }),
    true,
  ],
  ['unknown metadata field', res('GlobalNetworkSet', {}, { name: 'x', nmae: 'y' }), false],
  // felix
  [
    'felix failsafe protocols as validateProtoPort spells them',
    res(
      'FelixConfiguration',
      {
        failsafeInboundHostPorts: [
          { protocol: 'TCP', port: 22 },
          { port: 68, protocol: 'UDP', net: '10.0.0.0/8' },
          { protocol: 'SCTP', port: 20 },
        ],
      },
      { name: 'default' },
    ),
    true,
  ],
  // validator.go validateProtoPort is case-sensitive and has no default (validator_test.go 612-616).
  [
    'felix failsafe lower-case protocol',
    res(
      'FelixConfiguration',
      { failsafeInboundHostPorts: [{ protocol: 'tcp', port: 22 }] },
      { name: 'default' },
    ),
    false,
  ],
  [
    'felix failsafe without protocol',
    res('FelixConfiguration', { failsafeInboundHostPorts: [{ port: 22 }] }, { name: 'default' }),
    false,
  ],
  [
    'felix failsafe numeric protocol',
    res(
      'FelixConfiguration',
      { failsafeOutboundHostPorts: [{ protocol: 6, port: 22 }] },
      { name: 'default' },
    ),
    false,
  ],
  [
    'felix failsafe bad net',
    res('FelixConfiguration', { failsafeOutboundHostPorts: [{ port: 22, net: 'x' }] }, { name: 'default' }),
    false,
  ],
  [
    'felix failsafe missing port',
    res('FelixConfiguration', { failsafeOutboundHostPorts: [{ protocol: 'TCP' }] }, { name: 'default' }),
    false,
  ],
  [
    'felix endpoint-to-host action in any case',
    res('FelixConfiguration', { defaultEndpointToHostAction: 'ACCEPT' }, { name: 'default' }),
    true,
  ],
  [
    'felix endpoint-to-host action unknown',
    res('FelixConfiguration', { defaultEndpointToHostAction: 'Allow' }, { name: 'default' }),
    false,
  ],
  // api version and kind
  ['missing apiVersion', { kind: 'Tier', metadata: { name: 'x' }, spec: {} }, false],
  ['kind in the wrong case', { ...res('Tier', {}), kind: 'tier' }, false],
];

describe('validate per kind', () => {
  it.each(cases)('%s', (_name, input, valid) => {
    const r = validate(input);
    expect(r.ok, r.ok ? 'accepted' : JSON.stringify(r.issues)).toBe(valid);
  });
});
