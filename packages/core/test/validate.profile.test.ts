// Profile has no CRD (api/config/crd has none), so only the Go validator
// (libcalico-go/lib/validator/v3/validator.go) checks it: the CRD schema's limits and CEL rules on
// Rule, EntityRule, ICMPFields and HTTPMatch (api/pkg/apis/projectcalico/v3/policy_common.go
// kubebuilder markers) do not apply to its rules. The policy kinds keep them.
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

const resource = (kind: string, spec: Record<string, unknown>) => ({
  apiVersion: 'projectcalico.org/v3',
  kind,
  metadata: { name: 'p' },
  spec,
});
const withRule = (kind: string, rule: Record<string, unknown>) => resource(kind, { ingress: [rule] });

// Each passes the Go validator; each breaks a CRD marker (schema limit or CEL rule).
const CRD_ONLY: [string, Record<string, unknown>][] = [
  ['ICMP code without type (CEL on ICMPFields)', { action: 'Allow', protocol: 'ICMP', icmp: { code: 1 } }],
  ['icmp without protocol ICMP (CEL on Rule)', { action: 'Allow', icmp: { type: 8 } }],
  ['protocol ICMP with ipVersion 6 (CEL on Rule)', { action: 'Allow', protocol: 'ICMP', ipVersion: 6 }],
  [
    'notProtocol ICMPv6 with ipVersion 4 (CEL on Rule)',
    { action: 'Allow', notProtocol: 'ICMPv6', ipVersion: 4 },
  ],
  ['http with protocol UDP (CEL on Rule)', { action: 'Allow', protocol: 'UDP', http: { methods: ['GET'] } }],
  ['http on a Deny rule (CEL on Rule)', { action: 'Deny', http: { methods: ['GET'] } }],
  [
    '21 http methods (maxItems 20)',
    { action: 'Allow', http: { methods: Array.from({ length: 21 }, (_, i) => `M${i}`) } },
  ],
  [
    'an http path over 1024 characters (maxLength)',
    { action: 'Allow', http: { paths: [{ prefix: `/${'a'.repeat(1100)}` }] } },
  ],
  [
    'services with ports (CEL on Rule)',
    {
      action: 'Allow',
      protocol: 'TCP',
      destination: { services: { name: 's', namespace: 'n' }, ports: [80] },
    },
  ],
  [
    'services with a selector (CEL on EntityRule)',
    { action: 'Allow', destination: { services: { name: 's' }, selector: "a == 'b'" } },
  ],
  [
    'services without a name (CEL on EntityRule)',
    { action: 'Allow', destination: { services: { namespace: 'n' } } },
  ],
  ['global() in selector (CEL on EntityRule)', { action: 'Allow', source: { selector: 'global()' } }],
  [
    'a selector over 1024 characters (maxLength)',
    { action: 'Allow', source: { selector: `a == '${'x'.repeat(1100)}'` } },
  ],
  [
    '257 nets (maxItems 256)',
    {
      action: 'Allow',
      source: { nets: Array.from({ length: 257 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`) },
    },
  ],
  [
    '51 ports (maxItems 50)',
    { action: 'Allow', protocol: 'TCP', destination: { ports: Array.from({ length: 51 }, (_, i) => i + 1) } },
  ],
  [
    'a service name over 253 characters (maxLength; the Go name tag has no length)',
    { action: 'Allow', destination: { services: { name: 'a'.repeat(254) } } },
  ],
];

describe('Profile: the Go validator alone (no CRD)', () => {
  it.each(CRD_ONLY)('accepts %s', (_name, rule) => {
    const r = validate(withRule('Profile', rule));
    expect(r.ok, r.ok ? '' : JSON.stringify(r.issues)).toBe(true);
  });

  it('accepts more than 1024 rules (maxItems 1024)', () => {
    const rules = Array.from({ length: 1025 }, () => ({ action: 'Allow' }));
    expect(validate(resource('Profile', { ingress: rules })).ok).toBe(true);
    expect(validate(resource('GlobalNetworkPolicy', { ingress: rules })).ok).toBe(false);
  });

  it.each(CRD_ONLY)('still refuses %s in a GlobalNetworkPolicy (it has a CRD)', (_name, rule) => {
    expect(validate(withRule('GlobalNetworkPolicy', rule)).ok).toBe(false);
  });

  // Each breaks a Go validator check (a struct tag or validateRule / validateEntityRule /
  // validateHTTPRule / validateRuleMetadata): refused in a Profile too.
  it.each([
    ['ICMP type 255 (gte=0,lte=254 tag)', { action: 'Allow', protocol: 'ICMP', icmp: { type: 255 } }],
    ['a numeric port without protocol (validateRule)', { action: 'Allow', destination: { ports: [80] } }],
    [
      'ports with protocol ICMP (validateRule)',
      { action: 'Allow', protocol: 'ICMP', destination: { ports: [80] } },
    ],
    ['0.0.0.0/0 in notNets (validateRule)', { action: 'Allow', source: { notNets: ['0.0.0.0/0'] } }],
    ['IPv4 and IPv6 nets (validateRule)', { action: 'Allow', source: { nets: ['10.0.0.0/8', 'fd00::/8'] } }],
    ['a selector that does not parse (selector tag)', { action: 'Allow', source: { selector: 'a ==' } }],
    [
      'global() with more in namespaceSelector (validateEntityRule)',
      {
        action: 'Allow',
        source: { namespaceSelector: "global() && a == 'b'" },
      },
    ],
    ['duplicate http methods (validateHTTPRule)', { action: 'Allow', http: { methods: ['GET', 'GET'] } }],
    ['an http path without "/" (validateHTTPRule)', { action: 'Allow', http: { paths: [{ exact: 'x' }] } }],
    ['an invalid service name (name tag)', { action: 'Allow', destination: { services: { name: 'A_B' } } }],
  ])('refuses %s', (_name, rule) => {
    expect(validate(withRule('Profile', rule)).ok).toBe(false);
  });
});
