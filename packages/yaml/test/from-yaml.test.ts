import { describe, expect, it } from 'vitest';
import { fromYaml, toJson, toYaml } from '../src/index.js';

const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n';

describe('fromYaml: document forms', () => {
  it('reads multi-document YAML, <Kind>List, v1 List and plain documents in order', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: p1, namespace: dev, labels: {run: webserver}}
  status: {podIP: 10.0.0.1}
- apiVersion: v1
  kind: Node
  metadata: {name: worker-1}
  status: {addresses: [{type: ExternalIP, address: 169.46.7.10}]}
---
${NAMESPACE}---
apiVersion: v1
kind: ServiceList
items:
- metadata: {name: webserver-lb, namespace: default}
  spec:
    type: LoadBalancer
    selector: {run: webserver}
    ports: [{port: 80, targetPort: 8080, nodePort: 31024, protocol: TCP}]
`;
    const r = fromYaml(text);
    expect(r.ok && r.value.map((x) => `${x.kind}/${x.metadata.name}`)).toEqual([
      'Pod/p1',
      'Node/worker-1',
      'Namespace/dev',
      'Service/webserver-lb',
    ]);
    // A typed list's items inherit apiVersion and kind.
    expect(r.ok && r.value[3]).toMatchObject({ apiVersion: 'v1', kind: 'Service' });
  });

  it('skips empty documents and comment-only documents, as kubectl does', () => {
    expect(fromYaml('')).toEqual({ ok: true, value: [] });
    expect(fromYaml('---\n---\n# only a comment\n')).toEqual({ ok: true, value: [] });
    const r = fromYaml(`---\n\n---\n${NAMESPACE}---\n`);
    expect(r.ok && r.value.length).toBe(1);
  });

  it('reads a top-level list of resources and JSON text', () => {
    const list = fromYaml(
      `- ${NAMESPACE.replace(/\n(?=.)/g, '\n  ')}- apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: web, namespace: dev}\n`,
    );
    expect(list.ok && list.value.map((x) => x.kind)).toEqual(['Namespace', 'ServiceAccount']);
    const json = fromYaml('{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "dev"}}');
    expect(json.ok && json.value).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } },
    ]);
  });

  it('reads a networking.k8s.io/v1 NetworkPolicy with the kube-apiserver checks', () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: default}
spec:
  podSelector: {matchLabels: {run: webserver}}
  ingress:
  - from: [{ipBlock: {cidr: 198.51.100.0/24}}]
    ports: [{protocol: TCP, port: 8080}]
  policyTypes: [Ingress]
`;
    expect(fromYaml(text).ok).toBe(true);
    const bad = fromYaml(
      text
        .replace('protocol: TCP', 'protocol: tcp')
        .replace('  podSelector: {matchLabels: {run: webserver}}\n', ''),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
        ['invalid_protocol', 'spec.ingress.0.ports.0.protocol'],
      ]);
      expect(bad.issues[0]).toMatchObject({ line: 7, column: 24, document: 0 });
    }
    // No podSelector is every pod of the namespace, as the kube-apiserver reads it.
    const all = fromYaml(text.replace('  podSelector: {matchLabels: {run: webserver}}\n', ''));
    expect(all.ok && all.value[0]?.kind === 'NetworkPolicy' && 'podSelector' in all.value[0].spec).toBe(true);
    // A peer must name what it matches (ValidateNetworkPolicyPeer), at the peer's line.
    const empty = fromYaml(text.replace('{ipBlock: {cidr: 198.51.100.0/24}}', '{}'));
    expect(empty.ok ? [] : empty.issues.map((i) => [i.code, i.path.join('.'), i.line])).toEqual([
      ['required', 'spec.ingress.0.from.0', 7],
    ]);
  });

  it('round-trips Kubernetes kinds through toYaml and toJson', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1', namespace: 'default', labels: { run: 'webserver' } },
      spec: {
        nodeName: 'worker-1',
        containers: [{ name: 'echo', image: 'echoserver:1.10', ports: [{ containerPort: 8080 }] }],
      },
      status: { podIP: '172.30.1.5', podIPs: [{ ip: '172.30.1.5' }] },
    } as const;
    expect(fromYaml(toYaml(pod))).toEqual({ ok: true, value: [pod] });
    expect(fromYaml(toJson([pod, pod]))).toEqual({ ok: true, value: [pod, pod] });
    expect(fromYaml(toYaml([pod, pod], { list: true }))).toEqual({ ok: true, value: [pod, pod] });
  });

  it('reads discovery.k8s.io/v1 EndpointSlice (the backends kube-proxy programs) and its List, round trip', () => {
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-x1', namespace: 'prod', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.1.7'], conditions: { ready: true }, nodeName: 'worker-1' }],
      ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
    } as const;
    expect(fromYaml(toYaml(slice))).toEqual({ ok: true, value: [slice] });
    expect(fromYaml(toYaml([slice, slice], { list: true }))).toEqual({ ok: true, value: [slice, slice] });
    const list = fromYaml(
      'apiVersion: discovery.k8s.io/v1\nkind: EndpointSliceList\nitems:\n- metadata: {name: a}\n  addressType: IPv6\n',
    );
    expect(list.ok && list.value[0]).toMatchObject({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
    });
  });
});

describe('fromYaml: issues', () => {
  it('an EndpointSlice with a wrong apiVersion or field shape names the fix and the field', () => {
    const wrongApi = fromYaml(
      'apiVersion: v1\nkind: EndpointSlice\nmetadata: {name: a}\naddressType: IPv4\n',
    );
    expect(wrongApi.ok ? [] : wrongApi.issues).toMatchObject([
      {
        code: 'unknown_api_version',
        path: ['apiVersion'],
        message: 'EndpointSlice needs apiVersion: discovery.k8s.io/v1, not v1',
      },
    ]);
    const badShape = fromYaml(
      'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: a}\naddressType: IPv4\nendpoints:\n- addresses: 10.0.0.1\n',
    );
    expect(badShape.ok ? [] : badShape.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', ['endpoints', 0, 'addresses']],
    ]);
  });

  const codes = (text: string) => {
    const r = fromYaml(text);
    return r.ok ? [] : r.issues.map((i) => i.code);
  };

  it('refuses crd.projectcalico.org/v1 and says to use projectcalico.org/v3', () => {
    const r = fromYaml(
      'apiVersion: crd.projectcalico.org/v1\nkind: GlobalNetworkPolicy\nmetadata: {name: a}\nspec: {}\n',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({
        code: 'unknown_api_version',
        path: ['apiVersion'],
        line: 1,
        column: 13,
        document: 0,
      });
      expect(r.issues[0]?.message).toContain('projectcalico.org/v3');
    }
  });

  it('names unknown kinds and wrong apiVersions', () => {
    expect(codes('apiVersion: projectcalico.org/v3\nkind: BGPPeer\nmetadata: {name: a}\n')).toEqual([
      'unknown_kind',
    ]);
    expect(codes('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n')).toEqual(['unknown_kind']);
    expect(codes('apiVersion: v2\nkind: Pod\nmetadata: {name: a}\n')).toEqual(['unknown_api_version']);
    expect(codes('kind: Pod\nmetadata: {name: a}\n')).toEqual(['missing_kind']);
  });

  it('refuses documents that are not objects, and lists inside lists', () => {
    expect(codes('just text\n')).toEqual(['not_an_object']);
    expect(codes('- 1\n- [2]\n')).toEqual(['not_an_object', 'not_an_object']);
    expect(codes('apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: List, items: []}\n')).toEqual([
      'list_item',
    ]);
    expect(
      codes(
        'apiVersion: v1\nkind: PodList\nitems:\n- {apiVersion: v1, kind: Node, metadata: {name: node-1}}\n',
      ),
    ).toEqual(['list_item']);
    expect(codes('apiVersion: v1\nkind: List\nitems: 3\n')).toEqual(['invalid_type']);
  });

  it('words a List whose items are not a list as every other type error (core shape checks)', () => {
    const r = fromYaml('apiVersion: v1\nkind: List\nitems: 3\n');
    expect(!r.ok && r.issues).toEqual([
      {
        code: 'invalid_type',
        path: ['items'],
        message: 'must be a list of resources, not number 3',
        line: 3,
        column: 8,
        document: 0,
      },
    ]);
  });

  it('gives every issue its document index, path, line and column', () => {
    const text = `${NAMESPACE}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ok\n  labels:\n    app: 1\n`;
    const r = fromYaml(text);
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          code: 'invalid_type',
          path: ['metadata', 'labels', 'app'],
          message: 'must be a string, not number 1; quote it: "1"',
          line: 11,
          column: 10,
          document: 1,
        },
      ],
    });
  });

  it('locates issues inside list items and top-level lists', () => {
    const r = fromYaml(
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Node\n  metadata: {name: 7}\n',
    );
    expect(!r.ok && r.issues[0]).toMatchObject({
      path: ['items', 0, 'metadata', 'name'],
      line: 6,
      column: 20,
    });
  });

  it('reports YAML syntax errors, duplicate keys, tabs and unknown tags', () => {
    expect(codes('a: [1, 2\n')).toContain('yaml_syntax');
    expect(codes('a: 1\na: 2\n')).toEqual(['duplicate_key']);
    expect(codes('1: a\n"1": b\n')).toEqual(['duplicate_key']);
    expect(codes('a:\n\tb: 1\n')).toContain('yaml_syntax');
    expect(codes("a: !!js/function 'function(){}'\n")).toEqual(['unknown_tag']);
    expect(codes('a: !!binary aGVsbG8=\n')).toEqual(['unknown_tag']);
  });

  it('gives YAML-level errors the path of the node they are on', () => {
    const r = fromYaml('metadata:\n  labels:\n    a: x\n    a: y\n  name: !!js/function f\n');
    expect(!r.ok && r.issues.map((i) => [i.code, i.path.join('.'), i.line, i.column])).toEqual([
      ['duplicate_key', 'metadata.labels.a', 4, 5],
      ['unknown_tag', 'metadata.name', 5, 9],
    ]);
  });

  it('refuses keys that could reach a prototype, anywhere', () => {
    const r = fromYaml(`${NAMESPACE}  labels:\n    __proto__: x\n    constructor: y\n`);
    expect(!r.ok && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['forbidden_key', 'metadata.labels.__proto__'],
      ['forbidden_key', 'metadata.labels.constructor'],
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses non-scalar keys', () => {
    expect(codes('? [a]\n: 1\n')).toEqual(['invalid_key']);
  });

  it('stops alias bombs and reports where', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      text += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const r = fromYaml(text);
    expect(!r.ok && r.issues[0]?.code).toBe('alias_limit');
    expect(codes('a: *nope\n')).toEqual(['unresolved_alias']);
  });

  it('expands small aliases into independent copies', () => {
    const r = fromYaml(
      `apiVersion: v1\nkind: List\nitems:\n- &ns {apiVersion: v1, kind: Namespace, metadata: {name: a}}\n- *ns\n`,
    );
    expect(r.ok && r.value[0]).toEqual(r.ok && r.value[1]);
    expect(r.ok && r.value[0] !== r.value[1]).toBe(true);
  });

  it('enforces the depth, length, scalar-length and issue-count limits', () => {
    expect(codes(`${'['.repeat(100)}${']'.repeat(100)}`)).toEqual(['too_deep']);
    expect(codes(`a:\n  ${'- '.repeat(100)}x\n`)).toEqual(['too_deep']);
    expect(codes('a: &a [*a]\n')).not.toEqual([]);
    expect(codes(NAMESPACE.repeat(1))).toEqual([]);
    expect(fromYaml(NAMESPACE, { maxLength: 10 })).toMatchObject({
      ok: false,
      issues: [{ code: 'too_large' }],
    });
    expect(codes(`a: "${'x'.repeat(2 * 1024 * 1024)}"\n`)).toEqual(['too_large']);
    const many = fromYaml('- 1\n'.repeat(500), { maxIssues: 10 });
    expect(!many.ok && many.issues.length).toBe(11);
    expect(!many.ok && many.issues[10]).toMatchObject({
      code: 'too_many_issues',
      message: 'stopped after 10 issues; fix these and read the text again',
    });
  });

  it('stops reading further documents once the issue limit is reached', () => {
    const many = fromYaml('just text\n---\n'.repeat(500), { maxIssues: 10 });
    expect(!many.ok && many.issues.map((i) => i.document)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, undefined]);
  });

  it('refuses input that is not text instead of throwing', () => {
    expect(fromYaml(42 as unknown as string)).toMatchObject({ ok: false, issues: [{ code: 'not_text' }] });
  });
});
