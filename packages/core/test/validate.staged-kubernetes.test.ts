// StagedKubernetesNetworkPolicy is checked by its CRD's schema
// (api/config/crd/projectcalico.org_stagedkubernetesnetworkpolicies.yaml) and by the Go validator's
// validateStagedKubernetesNetworkPolicy (libcalico-go/lib/validator/v3/validator.go), which converts
// the body with K8sNetworkPolicyToCalico (libcalico-go/lib/backend/k8s/conversion/conversion.go) and
// refuses only what fails to convert; the converted policy's selectors, nets and ports are not
// validated. The kube-apiserver's NetworkPolicy validation does not apply (it is not that kind).
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

const sknp = (spec: Record<string, unknown>) => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'StagedKubernetesNetworkPolicy',
  metadata: { name: 'p', namespace: 'default' },
  spec,
});
const k8s = (spec: Record<string, unknown>) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'p', namespace: 'default' },
  spec,
});
const port = (p: Record<string, unknown>) => ({ podSelector: {}, ingress: [{ ports: [p] }] });
const peer = (p: Record<string, unknown>) => ({ podSelector: {}, ingress: [{ from: [p] }] });

// Each is accepted by Calico and refused by the kube-apiserver for a networking.k8s.io/v1 NetworkPolicy.
const CALICO_ACCEPTS: [string, Record<string, unknown>][] = [
  // k8sSelectorToCalico formats labels into a selector string that is never validated.
  ['a label key that is not a qualified name', { podSelector: { matchLabels: { 'a b': 'x' } } }],
  ['a label value that is not a label value', { podSelector: { matchLabels: { app: 'a b' } } }],
  ['In without values', { podSelector: { matchExpressions: [{ key: 'app', operator: 'In' }] } }],
  [
    'Exists with values',
    { podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }] } },
  ],
  ['a peer namespaceSelector key with spaces', peer({ namespaceSelector: { matchLabels: { 'a b': 'x' } } })],
  // k8sPortToCalico: numorstring.PortFromString(port[:endPort]) is the only port check.
  ['port 0', port({ protocol: 'TCP', port: 0 })],
  [
    'a port name Kubernetes refuses (upper case, "_", "." and over 15 characters)',
    port({ port: 'Metrics_Port.v2-extra' }),
  ],
  ['a digit-string port', port({ port: '8080' })],
  ['a digit-string port with endPort', port({ port: '8080', endPort: 8090 })],
  ['endPort without port (the converter ignores it)', port({ endPort: 8090 })],
  // k8sPeerToCalicoFields logs a CIDR it cannot parse and drops the peer's criteria.
  ['an ipBlock cidr that does not parse', peer({ ipBlock: { cidr: 'garbage' } })],
  ['an except that does not parse', peer({ ipBlock: { cidr: '10.0.0.0/8', except: ['garbage'] } })],
  ['an except outside cidr', peer({ ipBlock: { cidr: '10.0.0.0/8', except: ['192.168.0.0/16'] } })],
];

describe('StagedKubernetesNetworkPolicy: Calico converts the body and validates the conversion', () => {
  it.each(CALICO_ACCEPTS)('accepts %s', (_name, spec) => {
    const r = validate(sknp(spec));
    expect(r.ok, r.ok ? '' : JSON.stringify(r.issues)).toBe(true);
  });

  it.each(CALICO_ACCEPTS)('still refuses %s in a networking.k8s.io/v1 NetworkPolicy', (_name, spec) => {
    expect(validate(k8s(spec)).ok).toBe(false);
  });

  it.each([
    // PortFromString fails: the conversion error is a validation error.
    ['a port over 65535', port({ port: 70000 })],
    ['endPort below port', port({ port: 8090, endPort: 8080 })],
    ['endPort with a named port', port({ port: 'http', endPort: 8090 })],
    ['endPort over 65535', port({ port: 80, endPort: 70000 })],
    ['a port name with ":"', port({ port: 'a:b' })],
    ['an empty port name', port({ port: '' })],
    ['a port that is not an integer (CRD: int-or-string)', port({ port: 80.5 })],
    // The CRD's schema.
    [
      'a matchExpressions entry without key (required)',
      { podSelector: { matchExpressions: [{ operator: 'Exists' }] } },
    ],
    ['empty policyTypes (minItems 1)', { podSelector: {}, policyTypes: [] }],
    ['a repeated policy type (list-type set)', { podSelector: {}, policyTypes: ['Ingress', 'Ingress'] }],
    ['an unknown stagedAction (enum)', { stagedAction: 'Apply', podSelector: {} }],
  ])('refuses %s', (_name, spec) => {
    expect(validate(sknp(spec)).ok).toBe(false);
  });
});
