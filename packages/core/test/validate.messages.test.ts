// Issue codes, paths and fix-it messages for the mistakes people make most.
import { describe, expect, it } from 'vitest';
import { CalicoValidationError, type Issue, validate, validateOrThrow } from '../src/index.js';

const gnp = (spec: Record<string, unknown>, name = 'p') => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'GlobalNetworkPolicy',
  metadata: { name },
  spec,
});

function issues(input: unknown): Issue[] {
  const r = validate(input);
  if (r.ok) throw new Error('expected issues');
  return r.issues;
}

describe('validate messages', () => {
  it('preDNAT without applyOnForward quotes Calico and says what to set', () => {
    const [i] = issues(gnp({ preDNAT: true, ingress: [{ action: 'Deny' }] }));
    expect(i).toEqual({
      code: 'apply_on_forward_required',
      path: ['spec', 'applyOnForward'],
      message:
        'applyOnForward must be true if either preDNAT or doNotTrack is true: set spec.applyOnForward: true',
    });
  });

  it('a bare IP in rule nets asks for a prefix length', () => {
    const [i] = issues(gnp({ ingress: [{ action: 'Allow', source: { nets: ['10.0.0.1'] } }] }));
    expect(i?.code).toBe('invalid_cidr');
    expect(i?.path).toEqual(['spec', 'ingress', 0, 'source', 'nets', 0]);
    expect(i?.message).toBe('Invalid CIDR "10.0.0.1": rules need a prefix length, e.g. "10.0.0.1/32"');
  });

  it('an IPv4-mapped IPv6 CIDR counts as IPv4 in the version checks (cnet IPNet.Version: To4)', () => {
    const rule = (extra: Record<string, unknown>) => gnp({ ingress: [{ action: 'Deny', ...extra }] });
    const mapped = '::ffff:10.0.0.0/104';
    expect(validate(rule({ source: { nets: [mapped, '10.1.0.0/16'] } })).ok).toBe(true);
    expect(validate(rule({ ipVersion: 4, source: { nets: [mapped] } })).ok).toBe(true);
    expect(issues(rule({ ipVersion: 6, source: { nets: [mapped] } })).map((i) => i.code)).toEqual([
      'ip_version_mismatch',
    ]);
    expect(issues(rule({ source: { nets: [mapped, 'fd00::/8'] } })).map((i) => i.code)).toEqual([
      'mixed_ip_versions',
    ]);
  });

  it('numeric ports without a protocol point at the port', () => {
    const [i] = issues(gnp({ ingress: [{ action: 'Allow', destination: { ports: ['http', 80] } }] }));
    expect(i?.code).toBe('ports_need_protocol');
    expect(i?.path).toEqual(['spec', 'ingress', 0, 'destination', 'ports', 1]);
    expect(i?.message).toContain('protocol: TCP');
  });

  it('unknown fields are named, with the allowed ones and a suggestion', () => {
    const [i] = issues(gnp({ ingress: [{ action: 'Allow', Protocol: 'TCP' }] }));
    expect(i?.code).toBe('unknown_field');
    expect(i?.path).toEqual(['spec', 'ingress', 0, 'Protocol']);
    expect(i?.message).toContain('did you mean "protocol"');
    expect(i?.message).toContain('action, ipVersion, protocol');
  });

  it('a namespace that is no DNS-1123 label is refused, as the kube-apiserver refuses it', () => {
    for (const [apiVersion, kind] of [
      ['projectcalico.org/v3', 'NetworkPolicy'],
      ['projectcalico.org/v3', 'NetworkSet'],
      ['networking.k8s.io/v1', 'NetworkPolicy'],
    ]) {
      const found = issues({
        apiVersion,
        kind,
        metadata: { name: 'a', namespace: 'Bad_NS' },
        spec: { podSelector: {} },
      });
      expect(found.filter((i) => i.path.join('.') === 'metadata.namespace').map((i) => i.code)).toEqual([
        'invalid_name',
      ]);
    }
    expect(
      validate({
        apiVersion: 'projectcalico.org/v3',
        kind: 'NetworkSet',
        metadata: { name: 'a', namespace: 'team-a' },
        spec: {},
      }).ok,
    ).toBe(true);
  });

  it('crd.projectcalico.org/v1 is refused with the fix', () => {
    const i = issues({ ...gnp({}), apiVersion: 'crd.projectcalico.org/v1' });
    expect(i[0]?.code).toBe('invalid_api_version');
    expect(i[0]?.message).toContain('use apiVersion: projectcalico.org/v3');
  });

  it('collects every issue, not just the first', () => {
    const all = issues(
      gnp(
        {
          preDNAT: true,
          types: ['Egress'],
          ingress: [{ action: 'allow', protocol: 'tcp', destination: { ports: [0], nets: ['10.0.0.1/8'] } }],
        },
        'Bad_Name',
      ),
    );
    expect(all.map((i) => i.code)).toEqual(
      expect.arrayContaining([
        'invalid_name',
        'invalid_action',
        'invalid_protocol',
        'port_out_of_range',
        'cidr_not_masked',
        'prednat_conflict',
        'apply_on_forward_required',
      ]),
    );
    const action = all.find((i) => i.code === 'invalid_action');
    expect(action?.message).toContain('write "Allow"');
    const protocol = all.find((i) => i.code === 'invalid_protocol');
    expect(protocol?.message).toContain('write "TCP"');
  });

  it('validateOrThrow throws CalicoValidationError with the same issues', () => {
    expect(() => validateOrThrow(gnp({ order: '100' }))).toThrow(CalicoValidationError);
    try {
      validateOrThrow(gnp({ order: '100' }));
    } catch (e) {
      expect((e as CalicoValidationError).issues[0]?.code).toBe('invalid_type');
    }
    expect(validateOrThrow(gnp({ order: 100 })).kind).toBe('GlobalNetworkPolicy');
  });
});

describe('validate output', () => {
  it('returns canonical input unchanged (deep-equal), frozen and as a new object', () => {
    const input = gnp({
      order: 1100,
      preDNAT: true,
      applyOnForward: true,
      selector: "ibm.role == 'worker_public'",
      ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767', 80, 'http'] } }],
      types: ['Ingress'],
    });
    const r = validate(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(input);
    expect(r.value).not.toBe(input);
    expect(Object.isFrozen(r.value.spec)).toBe(true);
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
  });

  it('prints numeric strings as Calico does and keeps types as given', () => {
    const r = validate(
      gnp({ ingress: [{ action: 'Allow', protocol: '6', destination: { ports: ['080', '90:90', '1:2'] } }] }),
    );
    expect(r.ok && r.value.spec).toEqual({
      ingress: [{ action: 'Allow', protocol: 6, destination: { ports: [80, 90, '1:2'] } }],
    });
  });

  it('keeps the FelixConfiguration fields calico-dsl does not model and checks failsafe ports', () => {
    const felix = {
      apiVersion: 'projectcalico.org/v3',
      kind: 'FelixConfiguration',
      metadata: { name: 'default' },
      spec: { logSeverityScreen: 'Info', failsafeInboundHostPorts: [{ protocol: 'TCP', port: 22 }] },
    };
    const r = validate(felix);
    expect(r.ok && r.value).toEqual(felix);
    const bad = issues({
      ...felix,
      spec: { failsafeInboundHostPorts: [{ protocol: 'jolly-UDP', port: 0 }] },
    });
    expect(bad[0]?.code).toBe('invalid_protocol');
    expect(bad[0]?.path).toEqual(['spec', 'failsafeInboundHostPorts', 0, 'protocol']);
    const lower = validate({
      apiVersion: 'projectcalico.org/v3',
      kind: 'FelixConfiguration',
      metadata: { name: 'default' },
      spec: { failsafeInboundHostPorts: [{ protocol: 'udp', port: 68 }, { port: 22 }] },
    });
    expect(lower.ok ? [] : lower.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'spec.failsafeInboundHostPorts.0.protocol',
        `protocol must be 'TCP' or 'UDP' or 'SCTP', not "udp" (the check is case-sensitive: write UDP)`,
      ],
      [
        'spec.failsafeInboundHostPorts.1.protocol',
        "spec.failsafeInboundHostPorts[1].protocol is required: write TCP or UDP (Calico's validator refuses an entry without one, and Felix cannot read it)",
      ],
    ]);
  });

  it('rejects a FelixConfiguration field the Go struct does not have, as the strict calicoctl decoder does', () => {
    const felix = (spec: Record<string, unknown>) => ({
      apiVersion: 'projectcalico.org/v3',
      kind: 'FelixConfiguration',
      metadata: { name: 'default' },
      spec,
    });
    const [typo, ...rest] = issues(felix({ logSeverityScreen: 'Info', logSeverityScren: 'Debug' }));
    expect(rest).toEqual([]);
    expect(typo?.code).toBe('unknown_field');
    expect(typo?.path).toEqual(['spec', 'logSeverityScren']);
    expect(typo?.message).toContain('did you mean "logSeverityScreen"?');
    // Every field of FelixConfigurationSpec is known, however rarely used (a nodeSelector only
    // on a configuration that is neither `default` nor `node.<name>`).
    const scoped = {
      ...felix({ bpfMaglevMaxServices: 100, nodeSelector: 'all()' }),
      metadata: { name: 'scoped' },
    };
    expect(validate(scoped).ok).toBe(true);
  });

  it('lists FelixConfiguration fields in the Go struct order, whatever order they were written in', () => {
    const r = validate({
      apiVersion: 'projectcalico.org/v3',
      kind: 'FelixConfiguration',
      metadata: { name: 'default' },
      spec: {
        failsafeInboundHostPorts: [{ protocol: 'TCP', port: 22 }],
        logSeverityScreen: 'Info',
        bpfEnabled: false,
        defaultEndpointToHostAction: 'Drop',
      },
    });
    // felixconfig.go declares defaultEndpointToHostAction, logSeverityScreen, the failsafe lists,
    // then the BPF settings, in that order.
    expect(r.ok && Object.keys(r.value.spec)).toEqual([
      'defaultEndpointToHostAction',
      'logSeverityScreen',
      'failsafeInboundHostPorts',
      'bpfEnabled',
    ]);
  });

  it('validates the remaining kinds', () => {
    const ok = (x: unknown) => expect(validate(x).ok).toBe(true);
    const bad = (x: unknown) => expect(validate(x).ok).toBe(false);
    const base = (kind: string, spec: unknown, name = 'x') => ({
      apiVersion: 'projectcalico.org/v3',
      kind,
      // A Profile is cluster-wide: calicoctl refuses a namespace on it.
      metadata: kind === 'Profile' ? { name } : { name, namespace: 'default' },
      spec,
    });
    ok(base('Profile', { ingress: [{ action: 'Allow' }], labelsToApply: { team: 'net' } }));
    bad(base('Profile', { labelsToApply: { 'a/b/c': 'x' } }));
    ok(base('StagedNetworkPolicy', { stagedAction: 'Set', selector: 'all()' }));
    bad(base('StagedNetworkPolicy', { stagedAction: 'Delete', order: 0 }));
    ok(
      base('StagedKubernetesNetworkPolicy', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ ports: [{ protocol: 'TCP', port: 80 }], from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }],
        policyTypes: ['Ingress'],
      }),
    );
    bad(base('StagedKubernetesNetworkPolicy', { podSelector: {}, policyTypes: ['Ingress', 'Ingress'] }));
    bad(base('StagedKubernetesNetworkPolicy', { stagedAction: 'Delete', policyTypes: ['Ingress'] }));
  });
});

describe('messages from issue #15', () => {
  const issuesOf = (spec: Record<string, unknown>): readonly Issue[] => {
    const r = validate(gnp(spec));
    return r.ok ? [] : r.issues;
  };

  it('a port range written with a dash gets the colon form as a hint', () => {
    const [issue] = issuesOf({
      ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: ['30000-32767'] } }],
    });
    expect(issue?.code).toBe('invalid_port_name');
    expect(issue?.path).toEqual(['spec', 'ingress', 0, 'destination', 'ports', 0]);
    expect(issue?.message).toContain('write "30000:32767"');
  });

  it('a selector parse error says "Invalid selector" once, with the text once', () => {
    const [issue] = issuesOf({ selector: "role == 'db' &&" });
    expect(issue?.code).toBe('invalid_selector');
    expect(issue?.path).toEqual(['spec', 'selector']);
    const message = issue?.message ?? '';
    expect(message.match(/Invalid selector/g)).toHaveLength(1);
    expect(message.split("role == 'db' &&")).toHaveLength(2);
    expect(message).toContain('column');
  });
});
