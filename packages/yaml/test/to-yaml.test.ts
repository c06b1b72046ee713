import {
  CalicoValidationError,
  type GlobalNetworkPolicy,
  type ResourceSource,
  type Tier,
} from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { issuesThrownBy } from '../../core/test/helpers/hostile.js';
import { goYamlKeyOrder } from '../src/go-yaml-order.js';
import { toJson, toYaml } from '../src/index.js';
import { TUTORIAL } from './fixtures/resources.js';
import { reverseKeys } from './helpers.js';

const denyNodeports = TUTORIAL['deny-nodeports'] as GlobalNetworkPolicy;
const tier: Tier = {
  apiVersion: 'projectcalico.org/v3',
  kind: 'Tier',
  metadata: { name: 'security' },
  spec: { order: 100 },
};

describe('toYaml', () => {
  it('prints apiVersion, kind, metadata, spec and the spec in upstream order, whatever the input order', () => {
    const text = toYaml(reverseKeys(denyNodeports));
    expect(text.split('\n').filter((l) => /^\S/.test(l))).toEqual([
      'apiVersion: projectcalico.org/v3',
      'kind: GlobalNetworkPolicy',
      'metadata:',
      'spec:',
    ]);
    expect(
      text
        .split('\n')
        .filter((l) => /^ {2}\w/.test(l))
        .map((l) => l.trim().split(':')[0]),
    ).toEqual(['name', 'order', 'ingress', 'selector', 'types', 'preDNAT', 'applyOnForward']);
  });

  it('prints a FelixConfiguration in FelixConfigurationSpec order, a field the struct lacks last', () => {
    // felixconfig.go declares logSeverityScreen (33rd field) before bpfConntrackTimeouts (109th);
    // BPFConntrackTimeouts declares creationGracePeriod before udpTimeout. validate (and calicoctl)
    // reject zzUnknown; printed anyway, it follows the struct's fields.
    const text = toYaml({
      apiVersion: 'projectcalico.org/v3',
      kind: 'FelixConfiguration',
      metadata: { name: 'default' },
      spec: {
        zzUnknown: 1,
        bpfConntrackTimeouts: { udpTimeout: '60s', creationGracePeriod: '10s' },
        logSeverityScreen: 'Info',
      },
    });
    expect(text).toBe(`apiVersion: projectcalico.org/v3
kind: FelixConfiguration
metadata:
  name: default
spec:
  logSeverityScreen: Info
  bpfConntrackTimeouts:
    creationGracePeriod: 10s
    udpTimeout: 60s
  zzUnknown: 1
`);
  });

  it('separates documents with --- and prints none before a single document', () => {
    expect(toYaml(tier).startsWith('apiVersion:')).toBe(true);
    const two = toYaml([tier, denyNodeports]);
    expect(two.match(/^---$/gm)).toHaveLength(1);
    expect(parseAllDocuments(two).map((d) => d.toJS().kind)).toEqual(['Tier', 'GlobalNetworkPolicy']);
    expect(toYaml([])).toBe('');
  });

  it('prints ports as numbers and a:b ranges plainly, numeric strings quoted', () => {
    const text = toYaml({
      ...denyNodeports,
      spec: {
        ...denyNodeports.spec,
        ingress: [
          { action: 'Deny', protocol: 'TCP', destination: { ports: [80, '30000:32767', '443', 'http'] } },
        ],
      },
    });
    expect(text).toContain('      - 80\n      - 30000:32767\n      - "443"\n      - http\n');
  });

  it('quotes strings YAML 1.1 readers (calicoctl) would take for booleans or numbers', () => {
    const text = toYaml({
      ...tier,
      metadata: { name: 'security', labels: { a: 'yes', b: 'on', c: 'n', d: '1_000', e: 'true', f: '0777' } },
    });
    expect(text).toContain(
      '    a: "yes"\n    b: "on"\n    c: "n"\n    d: "1_000"\n    e: "true"\n    f: "0777"\n',
    );
  });

  it('leaves out undefined and null fields and never prints crd.projectcalico.org', () => {
    const withUndefined = { ...tier, spec: { order: undefined, defaultAction: 'Pass' } } as unknown as Tier;
    expect(toYaml(withUndefined)).not.toContain('order');
    const withNull = {
      ...tier,
      metadata: { name: 'security', labels: null },
      spec: { order: null },
    } as unknown as Tier;
    expect(toYaml(withNull)).toBe(
      'apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: security\nspec: {}\n',
    );
    const crd = { ...tier, apiVersion: 'crd.projectcalico.org/v1' } as unknown as Tier;
    expect(toYaml(crd)).toBe(toYaml(tier));
    expect(toJson(crd)).toBe(toJson(tier));
  });

  it('keeps a networking.k8s.io/v1 NetworkPolicy a Kubernetes resource, in k8s.io/api order', () => {
    const knp = {
      spec: {
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 80 }] }],
        podSelector: {},
      },
      metadata: { name: 'web' },
      kind: 'NetworkPolicy',
      apiVersion: 'networking.k8s.io/v1',
    } as const;
    expect(toYaml(knp)).toBe(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  podSelector: {}\n  ingress:\n  - ports:\n    - port: 80\n    from:\n    - podSelector: {}\n  policyTypes:\n  - Ingress\n',
    );
    expect(toYaml([knp, knp], { list: true })).toMatch(/^apiVersion: v1\nkind: List\n/);
  });

  it('never folds long strings or selectors', () => {
    const selector = Array.from({ length: 30 }, (_, i) => `label${i} == "value-${i}"`).join(' && ');
    const text = toYaml({ ...denyNodeports, spec: { ...denyNodeports.spec, selector } });
    expect(text).toContain(`  selector: ${selector}\n`);
  });

  it('accepts builders (anything with toResource())', () => {
    const builder: ResourceSource = { toResource: () => tier };
    expect(toYaml(builder)).toBe(toYaml(tier));
    expect(toYaml([builder, denyNodeports])).toBe(toYaml([tier, denyNodeports]));
  });

  it('wraps in <Kind>List for one kind and v1 List for mixed kinds', () => {
    expect(toYaml([denyNodeports, denyNodeports], { list: true })).toMatch(
      /^apiVersion: projectcalico.org\/v3\nkind: GlobalNetworkPolicyList\nitems:\n- apiVersion/,
    );
    expect(toYaml([tier, denyNodeports], { list: true })).toMatch(/^apiVersion: v1\nkind: List\nitems:\n/);
  });

  it('is stable byte for byte', () => {
    expect(toYaml([tier, denyNodeports])).toBe(
      toYaml([structuredClone(tier), structuredClone(denyNodeports)]),
    );
  });

  it('never copies a __proto__ key into output', () => {
    const hostile = JSON.parse(
      '{"apiVersion":"projectcalico.org/v3","kind":"Tier","metadata":{"name":"a","__proto__":{"x":1}},"spec":{}}',
    );
    expect(toYaml(hostile)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('toJson', () => {
  it('uses the same key order with 2-space indent; arrays for several resources', () => {
    const json = toJson(reverseKeys(tier));
    expect(json).toBe(`${JSON.stringify(tier, null, 2)}\n`);
    expect(JSON.parse(toJson([tier, tier]))).toEqual([tier, tier]);
    expect(JSON.parse(toJson([tier], { list: true }))).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'TierList',
      items: [tier],
    });
  });

  it("escapes <, >, &, U+2028 and U+2029 as Go's json.MarshalIndent does (calicoctl get -o json)", () => {
    const policy = {
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkPolicy',
      metadata: { name: 'web', annotations: { 'example.com/<note>': 'a\u2028b\u2029c' } },
      spec: { selector: "app == 'web' && tier != 'db'", types: ['Ingress'] },
    } as const;
    const json = toJson(policy);
    expect(json).toContain(String.raw`"selector": "app == 'web' \u0026\u0026 tier != 'db'"`);
    expect(json).toContain(String.raw`"example.com/\u003cnote\u003e": "a\u2028b\u2029c"`);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(policy);
  });
});

describe('input that is not plain data', () => {
  it('is refused with the path of each problem, never a stack overflow or half a document', () => {
    const cyclic: Record<string, unknown> = { ...tier, spec: { order: 100 } };
    (cyclic.spec as Record<string, unknown>).self = cyclic;
    const getter = { ...tier };
    Object.defineProperty(getter, 'spec', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const issuesOf = (run: () => unknown) => issuesThrownBy(CalicoValidationError, run);
    expect(issuesOf(() => toYaml(cyclic as never))).toEqual([['cyclic', ['spec', 'self']]]);
    expect(
      issuesOf(() => toYaml([tier, getter as never, { ...tier, spec: { order: 1n } } as never])),
    ).toEqual([
      ['unreadable', [1, 'spec']],
      ['invalid_type', [2, 'spec', 'order']],
    ]);
    const { proxy, revoke } = Proxy.revocable([tier], {});
    revoke();
    expect(issuesOf(() => toJson(proxy as never))).toEqual([['unreadable', []]]);
    expect(toYaml(tier)).toContain('order: 100');
  });

  it('refuses what is not a resource at all (never prints nothing for it)', () => {
    const issuesOf = (run: () => unknown) => issuesThrownBy(CalicoValidationError, run);
    expect(issuesOf(() => toYaml(undefined as never))).toEqual([['invalid_input', []]]);
    expect(issuesOf(() => toJson('tier.yaml' as never))).toEqual([['invalid_input', []]]);
    expect(issuesOf(() => toYaml([tier, undefined, null, [tier], 42] as never))).toEqual([
      ['invalid_input', [1]],
      ['invalid_input', [2]],
      ['invalid_input', [3]],
      ['invalid_input', [4]],
    ]);
    let message = '';
    try {
      toYaml([tier, null] as never);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(
      '[1]: Not a resource: toYaml and toJson print resources (mappings with apiVersion, kind, metadata and spec) or DSL builders; got null',
    );
    expect(toYaml([])).toBe('');
  });
});

describe('map keys in the order calicoctl prints them', () => {
  it('toYaml sorts label keys as go-yaml v2 does (digit runs as numbers, non-letters first); toJson by bytes', () => {
    const gns = {
      apiVersion: 'projectcalico.org/v3' as const,
      kind: 'GlobalNetworkSet' as const,
      metadata: { name: 'g', labels: { port10: 'a', port9: 'b', xA: 'c', x_Y: 'd' } },
      spec: { nets: ['10.0.0.0/8'] },
    };
    expect(toYaml(gns)).toContain('  labels:\n    port9: b\n    port10: a\n    x_Y: d\n    xA: c\n');
    expect(Object.keys(JSON.parse(toJson(gns)).metadata.labels)).toEqual(['port10', 'port9', 'xA', 'x_Y']);
  });

  it('goYamlKeyOrder agrees with go-yaml v2 (sigs.k8s.io/yaml JSONToYAML, run on these keys)', () => {
    const keys = ['port10', 'port9', 'xA', 'x_Y', 'app.kubernetes.io/name', 'app', 'a-1', 'a-10', 'a-2'];
    expect([...keys].sort(goYamlKeyOrder)).toEqual([
      'a-1',
      'a-2',
      'a-10',
      'app',
      'app.kubernetes.io/name',
      'port9',
      'port10',
      'x_Y',
      'xA',
    ]);
  });
});
