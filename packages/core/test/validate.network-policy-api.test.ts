// ClusterNetworkPolicy (v1alpha2, the standard-channel CRD Calico ≥ 3.32 installs) and the v1alpha1
// AdminNetworkPolicy / BaselineAdminNetworkPolicy (Calico 3.29–3.31): every schema constraint and CEL
// rule of the CRDs, each case saying what it checks. Expected code and path for every rejection.
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

type Obj = Record<string, unknown>;
const ALL = { namespaces: {} };
const cnp = (spec: Obj, metadata: Obj = { name: 'guard' }): Obj => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha2',
  kind: 'ClusterNetworkPolicy',
  metadata,
  spec,
});
const base = (more: Obj = {}): Obj => ({ tier: 'Admin', priority: 10, subject: ALL, ...more });
const ingress = (rule: Obj): Obj => cnp(base({ ingress: [{ action: 'Deny', from: [ALL], ...rule }] }));
const egress = (rule: Obj): Obj => cnp(base({ egress: [{ action: 'Deny', to: [ALL], ...rule }] }));
const proto = (p: Obj): Obj => ingress({ protocols: [p] });
const anp = (spec: Obj, name = 'guard'): Obj => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha1',
  kind: 'AdminNetworkPolicy',
  metadata: { name },
  spec,
});
const banp = (spec: Obj, name = 'default'): Obj => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha1',
  kind: 'BaselineAdminNetworkPolicy',
  metadata: { name },
  spec,
});
const range = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));

/** [what, resource, expected: true (valid) or [code, path] of one reported issue]. */
const CASES: [string, Obj, true | [string, (string | number)[]]][] = [
  // spec
  ['minimal Admin policy', cnp(base()), true],
  ['Baseline tier', cnp(base({ tier: 'Baseline' })), true],
  ['tier is an enum (Admin, Baseline)', cnp(base({ tier: 'admin' })), ['invalid_value', ['spec', 'tier']]],
  ['tier is required', cnp({ priority: 1, subject: ALL }), ['required', ['spec', 'tier']]],
  ['priority is required', cnp({ tier: 'Admin', subject: ALL }), ['required', ['spec', 'priority']]],
  ['priority minimum 0', cnp(base({ priority: -1 })), ['out_of_range', ['spec', 'priority']]],
  ['priority 0 is allowed', cnp(base({ priority: 0 })), true],
  ['priority 1000 is allowed', cnp(base({ priority: 1000 })), true],
  ['priority maximum 1000', cnp(base({ priority: 1001 })), ['out_of_range', ['spec', 'priority']]],
  ['priority is an int32', cnp(base({ priority: 1.5 })), ['invalid_type', ['spec', 'priority']]],
  [
    'priority as a string does not decode',
    cnp(base({ priority: '10' })),
    ['invalid_type', ['spec', 'priority']],
  ],
  ['subject is required', cnp({ tier: 'Admin', priority: 1 }), ['required', ['spec', 'subject']]],
  ['unknown spec field', cnp(base({ order: 1 })), ['unknown_field', ['spec', 'order']]],
  ['spec is required', { ...cnp({}), spec: undefined }, ['required', ['spec']]],
  // subject: minProperties 1, maxProperties 1
  [
    'subject needs one of namespaces / pods',
    cnp(base({ subject: {} })),
    ['one_of_required', ['spec', 'subject']],
  ],
  [
    'subject with both namespaces and pods (maxProperties 1)',
    cnp(base({ subject: { namespaces: {}, pods: { namespaceSelector: {}, podSelector: {} } } })),
    ['one_of_required', ['spec', 'subject', 'pods']],
  ],
  [
    'subject pods',
    cnp(base({ subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { a: 'b' } } } } })),
    true,
  ],
  [
    'subject pods without namespaceSelector (optional in v1alpha2)',
    cnp(base({ subject: { pods: { podSelector: {} } } })),
    true,
  ],
  [
    'ANP pods needs namespaceSelector (required in v1alpha1)',
    anp({ priority: 1, subject: { pods: { podSelector: {} } } }),
    ['required', ['spec', 'subject', 'pods', 'namespaceSelector']],
  ],
  [
    'pods needs podSelector',
    cnp(base({ subject: { pods: { namespaceSelector: {} } } })),
    ['required', ['spec', 'subject', 'pods', 'podSelector']],
  ],
  [
    'label selector operator enum',
    cnp(
      base({
        subject: { namespaces: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] } },
      }),
    ),
    ['invalid_value', ['spec', 'subject', 'namespaces', 'matchExpressions', 0, 'operator']],
  ],
  [
    'matchLabels values are label values',
    cnp(base({ subject: { namespaces: { matchLabels: { a: 'no spaces' } } } })),
    ['invalid_label', ['spec', 'subject', 'namespaces', 'matchLabels', 'a']],
  ],
  // rules: maxItems 25 per direction
  ['25 ingress rules', cnp(base({ ingress: range(25, () => ({ action: 'Deny', from: [ALL] })) })), true],
  [
    '26 ingress rules (maxItems 25)',
    cnp(base({ ingress: range(26, () => ({ action: 'Deny', from: [ALL] })) })),
    ['too_many_items', ['spec', 'ingress']],
  ],
  [
    '26 egress rules (maxItems 25)',
    cnp(base({ egress: range(26, () => ({ action: 'Deny', to: [ALL] })) })),
    ['too_many_items', ['spec', 'egress']],
  ],
  // rule fields
  [
    'action enum Accept/Deny/Pass: Allow is v1alpha1',
    ingress({ action: 'Allow' }),
    ['invalid_action', ['spec', 'ingress', 0, 'action']],
  ],
  ['action Accept', ingress({ action: 'Accept' }), true],
  [
    'action Pass in the Baseline tier too',
    cnp(base({ tier: 'Baseline', ingress: [{ action: 'Pass', from: [ALL] }] })),
    true,
  ],
  [
    'action is required',
    cnp(base({ ingress: [{ from: [ALL] }] })),
    ['required', ['spec', 'ingress', 0, 'action']],
  ],
  [
    'rule name maxLength 100',
    ingress({ name: 'x'.repeat(101) }),
    ['too_long', ['spec', 'ingress', 0, 'name']],
  ],
  ['rule name of 100 characters', ingress({ name: 'x'.repeat(100) }), true],
  [
    'from is required',
    cnp(base({ ingress: [{ action: 'Deny' }] })),
    ['required', ['spec', 'ingress', 0, 'from']],
  ],
  ['from minItems 1', ingress({ from: [] }), ['required', ['spec', 'ingress', 0, 'from']]],
  [
    'from maxItems 25',
    ingress({ from: range(26, () => ALL) }),
    ['too_many_items', ['spec', 'ingress', 0, 'from']],
  ],
  ['to is required', cnp(base({ egress: [{ action: 'Deny' }] })), ['required', ['spec', 'egress', 0, 'to']]],
  ['to maxItems 25', egress({ to: range(26, () => ALL) }), ['too_many_items', ['spec', 'egress', 0, 'to']]],
  // peers: minProperties 1, maxProperties 1
  ['an empty peer', ingress({ from: [{}] }), ['one_of_required', ['spec', 'ingress', 0, 'from', 0]]],
  [
    'a peer with namespaces and pods',
    ingress({ from: [{ namespaces: {}, pods: { namespaceSelector: {}, podSelector: {} } }] }),
    ['one_of_required', ['spec', 'ingress', 0, 'from', 0, 'pods']],
  ],
  [
    'ingress peers have no networks',
    ingress({ from: [{ networks: ['10.0.0.0/8'] }] }),
    ['unsupported_field', ['spec', 'ingress', 0, 'from', 0, 'networks']],
  ],
  ['egress networks', egress({ to: [{ networks: ['10.0.0.0/8', 'fd00::/8'] }] }), true],
  [
    'networks minItems 1',
    egress({ to: [{ networks: [] }] }),
    ['required', ['spec', 'egress', 0, 'to', 0, 'networks']],
  ],
  ['25 CIDRs', egress({ to: [{ networks: range(25, (i) => `10.${i}.0.0/16`) }] }), true],
  [
    '26 CIDRs (maxItems 25)',
    egress({ to: [{ networks: range(26, (i) => `10.${i}.0.0/16`) }] }),
    ['too_many_items', ['spec', 'egress', 0, 'to', 0, 'networks']],
  ],
  [
    'CEL isCIDR: a bare IP is not a CIDR',
    egress({ to: [{ networks: ['10.0.0.1'] }] }),
    ['invalid_cidr', ['spec', 'egress', 0, 'to', 0, 'networks', 0]],
  ],
  ['CEL isCIDR accepts host bits (Calico masks them)', egress({ to: [{ networks: ['10.0.0.1/8'] }] }), true],
  [
    'networks is a set',
    egress({ to: [{ networks: ['10.0.0.0/8', '10.0.0.0/8'] }] }),
    ['duplicate_value', ['spec', 'egress', 0, 'to', 0, 'networks', 1]],
  ],
  [
    'a CIDR maxLength 43',
    egress({ to: [{ networks: [`fd00:${'0:'.repeat(20)}:/64`] }] }),
    ['too_long', ['spec', 'egress', 0, 'to', 0, 'networks', 0]],
  ],
  [
    'nodes peers are experimental (not in Calico CRD)',
    egress({ to: [{ nodes: {} }] }),
    ['unsupported_field', ['spec', 'egress', 0, 'to', 0, 'nodes']],
  ],
  [
    'domainNames peers are experimental',
    egress({ to: [{ domainNames: ['example.com'] }] }),
    ['unsupported_field', ['spec', 'egress', 0, 'to', 0, 'domainNames']],
  ],
  // protocols: minItems 1, maxItems 25, min/maxProperties 1
  ['protocols minItems 1', ingress({ protocols: [] }), ['required', ['spec', 'ingress', 0, 'protocols']]],
  [
    'protocols maxItems 25',
    ingress({ protocols: range(26, (i) => ({ tcp: { destinationPort: { number: i + 1 } } })) }),
    ['too_many_items', ['spec', 'ingress', 0, 'protocols']],
  ],
  ['an empty protocol entry', proto({}), ['one_of_required', ['spec', 'ingress', 0, 'protocols', 0]]],
  [
    'tcp and udp in one entry',
    proto({ tcp: { destinationPort: { number: 1 } }, udp: { destinationPort: { number: 1 } } }),
    ['one_of_required', ['spec', 'ingress', 0, 'protocols', 0, 'udp']],
  ],
  [
    'tcp needs destinationPort (minProperties 1)',
    proto({ tcp: {} }),
    ['required', ['spec', 'ingress', 0, 'protocols', 0, 'tcp', 'destinationPort']],
  ],
  ['udp port number', proto({ udp: { destinationPort: { number: 53 } } }), true],
  ['sctp port range', proto({ sctp: { destinationPort: { range: { start: 1, end: 2 } } } }), true],
  [
    'port number minimum 1',
    proto({ tcp: { destinationPort: { number: 0 } } }),
    ['out_of_range', ['spec', 'ingress', 0, 'protocols', 0, 'tcp', 'destinationPort', 'number']],
  ],
  [
    'port number maximum 65535',
    proto({ tcp: { destinationPort: { number: 65536 } } }),
    ['out_of_range', ['spec', 'ingress', 0, 'protocols', 0, 'tcp', 'destinationPort', 'number']],
  ],
  [
    'an empty destinationPort',
    proto({ tcp: { destinationPort: {} } }),
    ['one_of_required', ['spec', 'ingress', 0, 'protocols', 0, 'tcp', 'destinationPort']],
  ],
  [
    'number and range together',
    proto({ tcp: { destinationPort: { number: 1, range: { start: 1, end: 2 } } } }),
    ['one_of_required', ['spec', 'ingress', 0, 'protocols', 0, 'tcp', 'destinationPort', 'range']],
  ],
  [
    'CEL: Start port must be less than End port',
    proto({ tcp: { destinationPort: { range: { start: 80, end: 80 } } } }),
    ['invalid_port', ['spec', 'ingress', 0, 'protocols', 0, 'tcp', 'destinationPort', 'range']],
  ],
  [
    'range needs end',
    proto({ tcp: { destinationPort: { range: { start: 80 } } } }),
    ['required', ['spec', 'ingress', 0, 'protocols', 0, 'tcp', 'destinationPort', 'range', 'end']],
  ],
  [
    'range end maximum 65535',
    proto({ tcp: { destinationPort: { range: { start: 80, end: 70000 } } } }),
    ['out_of_range', ['spec', 'ingress', 0, 'protocols', 0, 'tcp', 'destinationPort', 'range', 'end']],
  ],
  ['destinationNamedPort', proto({ destinationNamedPort: 'http' }), true],
  ['destinationNamedPort has no pattern in the CRD', proto({ destinationNamedPort: '8080' }), true],
  [
    'standard channel: named ports with networks peers are allowed',
    egress({ to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ destinationNamedPort: 'http' }] }),
    true,
  ],
  // metadata and apiVersion
  [
    'apiVersion must be v1alpha2',
    { ...cnp(base()), apiVersion: 'policy.networking.k8s.io/v1alpha1' },
    ['invalid_api_version', ['apiVersion']],
  ],
  [
    'metadata.name is a DNS subdomain',
    cnp(base(), { name: 'Bad_Name' }),
    ['invalid_name', ['metadata', 'name']],
  ],
  ['unknown top-level field', { ...cnp(base()), extra: 1 }, ['unknown_field', ['extra']]],
  // AdminNetworkPolicy v1alpha1
  ['ANP minimal', anp({ priority: 1, subject: ALL }), true],
  [
    'ANP actions Allow/Deny/Pass',
    anp({ priority: 1, subject: ALL, ingress: [{ action: 'Accept', from: [ALL] }] }),
    ['invalid_action', ['spec', 'ingress', 0, 'action']],
  ],
  [
    'ANP 100 ingress rules',
    anp({ priority: 1, subject: ALL, ingress: range(100, () => ({ action: 'Allow', from: [ALL] })) }),
    true,
  ],
  [
    'ANP 101 ingress rules (maxItems 100)',
    anp({ priority: 1, subject: ALL, ingress: range(101, () => ({ action: 'Allow', from: [ALL] })) }),
    ['too_many_items', ['spec', 'ingress']],
  ],
  [
    'ANP priority maximum 1000',
    anp({ priority: 1001, subject: ALL }),
    ['out_of_range', ['spec', 'priority']],
  ],
  [
    'ANP nodes peer (experimental channel CRD of 3.29–3.31)',
    anp({ priority: 1, subject: ALL, egress: [{ action: 'Deny', to: [{ nodes: {} }] }] }),
    true,
  ],
  [
    'ANP CEL: no namedPort with networks peers',
    anp({
      priority: 1,
      subject: ALL,
      egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }], ports: [{ namedPort: 'http' }] }],
    }),
    ['invalid_port_name', ['spec', 'egress', 0, 'ports']],
  ],
  [
    'ANP ports portNumber',
    anp({
      priority: 1,
      subject: ALL,
      ingress: [{ action: 'Allow', from: [ALL], ports: [{ portNumber: { protocol: 'UDP', port: 53 } }] }],
    }),
    true,
  ],
  [
    'ANP portRange start < end',
    anp({
      priority: 1,
      subject: ALL,
      ingress: [{ action: 'Allow', from: [ALL], ports: [{ portRange: { start: 9, end: 9 } }] }],
    }),
    ['invalid_port', ['spec', 'ingress', 0, 'ports', 0, 'portRange']],
  ],
  [
    'ANP protocol enum',
    anp({
      priority: 1,
      subject: ALL,
      ingress: [{ action: 'Allow', from: [ALL], ports: [{ portNumber: { protocol: 'ICMP', port: 1 } }] }],
    }),
    ['invalid_protocol', ['spec', 'ingress', 0, 'ports', 0, 'portNumber', 'protocol']],
  ],
  // BaselineAdminNetworkPolicy v1alpha1
  ['BANP named default', banp({ subject: ALL, ingress: [{ action: 'Deny', from: [ALL] }] }), true],
  [
    'BANP CEL: only metadata.name default',
    banp({ subject: ALL }, 'other'),
    ['invalid_name', ['metadata', 'name']],
  ],
  [
    'BANP actions Allow/Deny (no Pass)',
    banp({ subject: ALL, ingress: [{ action: 'Pass', from: [ALL] }] }),
    ['invalid_action', ['spec', 'ingress', 0, 'action']],
  ],
  ['BANP has no priority', banp({ priority: 1, subject: ALL }), ['unknown_field', ['spec', 'priority']]],
];

describe('validate: network-policy-api kinds', () => {
  it.each(CASES)('%s', (_what, resource, expected) => {
    const r = validate(resource);
    if (expected === true) {
      expect(r.ok ? [] : r.issues).toEqual([]);
      return;
    }
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [code, path] = expected;
    expect(r.issues.map((i) => [i.code, i.path])).toContainEqual([code, path]);
    for (const i of r.issues) expect(i.message.length).toBeGreaterThan(10);
  });

  it('returns a frozen copy in Go struct order, deep-equal to canonical input', () => {
    const input = cnp({
      egress: [{ to: [{ networks: ['169.254.169.254/32'] }], action: 'Deny', name: 'no-metadata' }],
      subject: ALL,
      priority: 10,
      tier: 'Admin',
    });
    const r = validate(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.isFrozen(r.value)).toBe(true);
    expect(Object.keys(r.value.spec)).toEqual(['tier', 'priority', 'subject', 'egress']);
    const spec = r.value.spec as { egress: readonly Obj[] };
    expect(Object.keys(spec.egress[0] as Obj)).toEqual(['name', 'action', 'to']);
    expect(r.value).toEqual(input);
  });

  it('reports several problems at once (both subjects, unknown action, priority, too many rules)', () => {
    const r = validate(
      cnp({
        tier: 'Admin',
        priority: 5000,
        subject: { namespaces: {}, pods: { namespaceSelector: {}, podSelector: {} } },
        ingress: range(30, () => ({ action: 'Drop', from: [ALL] })),
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const codes = new Set(r.issues.map((i) => i.code));
    expect([...codes].sort()).toEqual([
      'invalid_action',
      'one_of_required',
      'out_of_range',
      'too_many_items',
    ]);
  });

  it('never throws on hostile shapes', () => {
    for (const spec of [
      null,
      7,
      'x',
      [],
      { subject: 'all' },
      { ingress: [null, 1, { from: 'x' }] },
      { egress: [{ to: [{ networks: [1, null] }] }] },
    ]) {
      const r = validate(cnp(spec as Obj));
      expect(r.ok).toBe(false);
    }
  });
});
