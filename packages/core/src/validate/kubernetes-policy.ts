/**
 * The body of a Kubernetes NetworkPolicy (`podSelector`, `ingress`, `egress`, `policyTypes`) as two
 * readers check it: Calico's, for a StagedKubernetesNetworkPolicy (its CRD's schema, and the
 * conversion to a Calico policy: `validateStagedKubernetesNetworkPolicy` refuses what
 * `K8sNetworkPolicyToCalico` cannot convert and validates nothing of the converted selectors,
 * nets or ports), and the kube-apiserver's, for Kubernetes' own NetworkPolicy
 * (`pkg/apis/networking/validation` `ValidateNetworkPolicySpec`: label selectors, port numbers and
 * names, CIDRs, every peer naming one kind of peer and every `except` inside its `cidr`).
 */
import { K8S_NETWORK_POLICY_SPEC_KEYS, SPEC_KEYS } from '../resources/field-order.js';
import { formatPath } from '../result.js';
import { describeValue } from '../shape/checks.js';
import { type Cidr, cidrCovers, parseCidr } from '../values/cidr.js';
import { parsePort, portNameProblem } from '../values/port.js';
import { type CanonicalObject, mapToCanonical, setOwn } from './canonical.js';
import {
  readArray,
  readInt,
  readList,
  readString,
  readStringList,
  readStringMap,
  readStruct,
} from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, JsonObject, Path } from './json.js';
import { labelValueProblem, qualifiedNameProblem } from './k8s-names.js';

const STAGED_ACTIONS = ['Set', 'Delete', 'Learn', 'Ignore'];
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const INT32 = [-(2 ** 31), 2 ** 31 - 1] as const;

/** Whose checks a body gets: Calico's (a staged policy) or the kube-apiserver's (its own kind). */
type BodyReader = 'calico' | 'apiserver';

/**
 * Reads a Kubernetes `metav1.LabelSelector` (shared with the network-policy-api kinds). The
 * apiserver reader applies `ValidateLabelSelector` (label keys and values, the values each
 * operator takes). Calico's converter (`k8sSelectorToCalico`) formats the selector into a Calico
 * selector that nothing validates, so Calico's reader wants only what the CRD's schema does
 * (`key` and `operator` given). The operator must be one of the four for both: the resource types
 * name only those (Calico's converter would skip another).
 */
export function readLabelSelector(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  reader: BodyReader = 'apiserver',
): CanonicalObject | undefined {
  const obj = readStruct(ctx, v, path, ['matchLabels', 'matchExpressions']);
  if (obj === undefined) return undefined;
  const out: CanonicalObject = {};
  const labels = readStringMap(ctx, obj, 'matchLabels', path);
  if (labels !== undefined && reader === 'apiserver') {
    for (const [k, val] of labels) {
      const kp = qualifiedNameProblem(k);
      if (kp !== undefined)
        ctx.report(
          'invalid_label',
          [...path, 'matchLabels', k],
          `Label key ${JSON.stringify(k)} is invalid: ${kp}`,
        );
      const vp = labelValueProblem(val);
      if (vp !== undefined)
        ctx.report(
          'invalid_label',
          [...path, 'matchLabels', k],
          `Label value ${JSON.stringify(val)} is invalid: ${vp}`,
        );
    }
  }
  if (labels !== undefined) setOwn(out, 'matchLabels', mapToCanonical(labels));
  const exprs = readArray(ctx, obj, 'matchExpressions', path);
  if (exprs !== undefined) {
    setOwn(
      out,
      'matchExpressions',
      exprs.map((e, i) => {
        const at = [...path, 'matchExpressions', i];
        const eo = readStruct(ctx, e, at, ['key', 'operator', 'values']);
        const o: CanonicalObject = {};
        if (eo === undefined) return o;
        const key = readString(ctx, eo, 'key', at);
        if (reader === 'apiserver') {
          const kp = qualifiedNameProblem(key ?? '');
          if (kp !== undefined)
            ctx.report(
              'invalid_label',
              [...at, 'key'],
              `Label key ${JSON.stringify(key ?? '')} is invalid: ${kp}`,
            );
        } else if (key === undefined) {
          ctx.report('required', [...at, 'key'], 'key is required: name the label this expression tests');
        }
        const op = readString(ctx, eo, 'operator', at) ?? '';
        if (!OPERATORS.includes(op)) {
          ctx.report(
            'invalid_value',
            [...at, 'operator'],
            `Invalid operator ${JSON.stringify(op)}: use one of ${OPERATORS.join(', ')}`,
          );
        }
        const values = readStringList(ctx, eo, 'values', at);
        const hasValues = (values?.length ?? 0) > 0;
        if (reader === 'apiserver' && (op === 'In' || op === 'NotIn') && !hasValues) {
          ctx.report('required', [...at, 'values'], `operator ${op} needs at least one value in values`);
        }
        if (reader === 'apiserver' && (op === 'Exists' || op === 'DoesNotExist') && hasValues) {
          ctx.report('invalid_value', [...at, 'values'], `operator ${op} takes no values: remove values`);
        }
        setOwn(o, 'key', key ?? '');
        setOwn(o, 'operator', op);
        setOwn(o, 'values', values);
        return o;
      }),
    );
  }
  return out;
}

/**
 * The kube-apiserver's `ValidateNetworkPolicyPort`: a port number 1–65535 or an IANA port name,
 * and `endPort` only after a numeric `port`, not below it.
 */
function checkApiserverPort(
  ctx: IssueCollector,
  port: Json | undefined,
  endPort: number | undefined,
  path: Path,
): void {
  if (typeof port === 'number') {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      ctx.report('port_out_of_range', [...path, 'port'], `port must be from 1 to 65535, not ${port}`);
    }
  } else if (typeof port === 'string') {
    const problem = portNameProblem(port);
    if (problem !== undefined)
      ctx.report(
        'invalid_port_name',
        [...path, 'port'],
        `Invalid port name ${JSON.stringify(port)}: a port name ${problem}`,
      );
  }
  if (endPort === undefined) return;
  if (typeof port !== 'number') {
    ctx.report(
      'invalid_port',
      [...path, 'endPort'],
      'endPort needs a numeric port: set port to the first port of the range',
    );
  } else if (endPort < port) {
    ctx.report('invalid_port', [...path, 'endPort'], `endPort ${endPort} must not be less than port ${port}`);
  }
}

/**
 * Calico's converter (`conversion.go` `k8sPortToCalico`): `port`, or `port:endPort`, must decode
 * as a Calico port (`numorstring.PortFromString`: 0–65535, a `min:max` range, or a name of 1–128
 * letters, digits, `_`, `.` and `-`); `endPort` without `port` is dropped. A port number is an
 * int32 (`intstr.IntOrString`).
 */
function checkCalicoPort(
  ctx: IssueCollector,
  port: Json | undefined,
  endPort: number | undefined,
  path: Path,
): void {
  if (typeof port === 'number' && (!Number.isInteger(port) || port < INT32[0] || port > INT32[1])) {
    ctx.report('invalid_port', [...path, 'port'], `port must be an integer or a port name, not ${port}`);
    return;
  }
  if (typeof port !== 'number' && typeof port !== 'string') return;
  const text = endPort === undefined ? String(port) : `${port}:${endPort}`;
  const r = parsePort(text);
  if (!r.ok)
    ctx.report(
      'invalid_port',
      [...path, endPort === undefined ? 'port' : 'endPort'],
      `Calico cannot convert port ${JSON.stringify(text)}: ${r.issues.map((i) => i.message).join('; ')}`,
    );
}

function readK8sPort(ctx: IssueCollector, v: Json, path: Path, reader: BodyReader): CanonicalObject {
  const obj = readStruct(ctx, v, path, ['protocol', 'port', 'endPort']);
  const out: CanonicalObject = {};
  if (obj === undefined) return out;
  const protocol = readString(ctx, obj, 'protocol', path);
  // Calico's converter takes any protocol name; the resource types name these three.
  if (protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(protocol)) {
    ctx.report(
      'invalid_protocol',
      [...path, 'protocol'],
      `Invalid protocol ${JSON.stringify(protocol)}: use TCP, UDP or SCTP`,
    );
  }
  setOwn(out, 'protocol', protocol);
  const port = obj.get('port');
  if (typeof port === 'number' || typeof port === 'string') setOwn(out, 'port', port);
  else if (port !== undefined && port !== null) {
    ctx.report(
      'invalid_port',
      [...path, 'port'],
      `${formatPath([...path, 'port'])} must be a number or a port name, not ${describeValue(port)}`,
    );
  }
  const endPort =
    reader === 'apiserver'
      ? readInt(ctx, obj, 'endPort', path, 1, 65535)
      : readInt(ctx, obj, 'endPort', path, INT32[0], INT32[1]);
  if (reader === 'apiserver') checkApiserverPort(ctx, port, endPort, path);
  else checkCalicoPort(ctx, port, endPort, path);
  setOwn(out, 'endPort', endPort);
  return out;
}

function readPeer(ctx: IssueCollector, v: Json, path: Path, reader: BodyReader): CanonicalObject {
  const obj = readStruct(ctx, v, path, ['podSelector', 'namespaceSelector', 'ipBlock']);
  const out: CanonicalObject = {};
  if (obj === undefined) return out;
  if (reader === 'apiserver') checkPeerKinds(ctx, obj, path);
  setOwn(
    out,
    'podSelector',
    readLabelSelector(ctx, obj.get('podSelector'), [...path, 'podSelector'], reader),
  );
  setOwn(
    out,
    'namespaceSelector',
    readLabelSelector(ctx, obj.get('namespaceSelector'), [...path, 'namespaceSelector'], reader),
  );
  const block = readStruct(ctx, obj.get('ipBlock'), [...path, 'ipBlock'], ['cidr', 'except']);
  if (block !== undefined) {
    const bo: CanonicalObject = {};
    const at = [...path, 'ipBlock'];
    const cidr = readString(ctx, block, 'cidr', at);
    const except = readStringList(ctx, block, 'except', at);
    if (reader === 'apiserver') checkIpBlock(ctx, cidr ?? '', except ?? [], at);
    // Calico's converter (k8sPeerToCalicoFields) logs a CIDR it cannot parse and drops the
    // peer's criteria: only the CRD's `required: [cidr]` refuses anything.
    else if (cidr === undefined)
      ctx.report('required', [...at, 'cidr'], 'cidr is required: write the block, e.g. "10.0.0.0/8"');
    setOwn(bo, 'cidr', cidr ?? '');
    setOwn(bo, 'except', except);
    setOwn(out, 'ipBlock', bo);
  }
  return out;
}

/** The kube-apiserver's `ValidateIPBlock`: `cidr` and each `except` parse, each `except` strictly inside `cidr`. */
function checkIpBlock(ctx: IssueCollector, cidr: string, except: readonly string[], at: Path): void {
  const parsed = parseCidr(cidr);
  if (!parsed.ok) for (const i of parsed.issues) ctx.report('invalid_cidr', [...at, 'cidr'], i.message);
  except.forEach((e, i) => {
    const r = parseCidr(e);
    if (!r.ok) for (const issue of r.issues) ctx.report('invalid_cidr', [...at, 'except', i], issue.message);
    else if (parsed.ok && !strictSubnet(r.value, parsed.value))
      ctx.report(
        'invalid_cidr',
        [...at, 'except', i],
        `except ${JSON.stringify(e)} must be a strict subset of cidr ${JSON.stringify(cidr)}: a smaller block inside it`,
      );
  });
}

/** The kube-apiserver's `ValidateNetworkPolicyPeer`: a peer names something, and ipBlock stands alone. */
function checkPeerKinds(ctx: IssueCollector, peer: JsonObject, path: Path): void {
  const given = (['podSelector', 'namespaceSelector', 'ipBlock'] as const).filter(
    (k) => peer.get(k) !== undefined && peer.get(k) !== null,
  );
  if (given.length === 0)
    ctx.report(
      'required',
      path,
      'A peer must name what it matches: podSelector and/or namespaceSelector, or ipBlock ({} is not a peer; leave out from/to to match everything)',
    );
  else if (given.length > 1 && given.includes('ipBlock'))
    ctx.report(
      'invalid_value',
      path,
      `A peer may not have both ipBlock and ${given.filter((k) => k !== 'ipBlock').join(' and ')}: write them as two peers`,
    );
}

/** Whether `inner` lies inside `outer` and is smaller (`ValidateIPBlock`'s test). */
function strictSubnet(inner: Cidr, outer: Cidr): boolean {
  return inner.prefixLength > outer.prefixLength && cidrCovers(outer, inner);
}

function readK8sRules(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  peersKey: 'from' | 'to',
  reader: BodyReader,
): CanonicalObject[] | undefined {
  const rules = readList(ctx, v, path);
  if (rules === undefined) return undefined;
  return rules.map((r, i) => {
    const at = [...path, i];
    const obj = readStruct(ctx, r, at, ['ports', peersKey]);
    const out: CanonicalObject = {};
    if (obj === undefined) return out;
    const ports = readArray(ctx, obj, 'ports', at);
    if (ports !== undefined)
      setOwn(
        out,
        'ports',
        ports.map((p, j) => readK8sPort(ctx, p, [...at, 'ports', j], reader)),
      );
    const peers = readArray(ctx, obj, peersKey, at);
    if (peers !== undefined)
      setOwn(
        out,
        peersKey,
        peers.map((p, j) => readPeer(ctx, p, [...at, peersKey, j], reader)),
      );
    return out;
  });
}

/**
 * Reads the body of a Kubernetes NetworkPolicy into `out`: `podSelector` (`{}` when absent),
 * `ingress`, `egress`, `policyTypes`, each checked as `reader` does.
 */
function readBody(
  ctx: IssueCollector,
  spec: JsonObject,
  path: Path,
  out: CanonicalObject,
  reader: BodyReader,
): void {
  setOwn(
    out,
    'podSelector',
    readLabelSelector(ctx, spec.get('podSelector'), [...path, 'podSelector'], reader) ?? {},
  );
  setOwn(out, 'ingress', readK8sRules(ctx, spec.get('ingress'), [...path, 'ingress'], 'from', reader));
  setOwn(out, 'egress', readK8sRules(ctx, spec.get('egress'), [...path, 'egress'], 'to', reader));
  const types = readStringList(ctx, spec, 'policyTypes', path);
  if (types === undefined) return;
  // The kube-apiserver counts them (at most two, then checks no further) and lets a repeat pass;
  // the staged kind's CRD wants one or two and no repeat (minItems 1, x-kubernetes-list-type: set).
  if (reader === 'calico' && types.length === 0) {
    ctx.report(
      'required',
      [...path, 'policyTypes'],
      'policyTypes may not be empty (the CRD wants at least one): list Ingress and/or Egress, or leave it out',
    );
    return;
  }
  if (reader === 'apiserver' && types.length > 2) {
    ctx.report(
      'invalid_value',
      [...path, 'policyTypes'],
      'policyTypes may not list more than two types: Ingress, Egress',
    );
    setOwn(out, 'policyTypes', types);
    return;
  }
  const seen = new Set<string>();
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') {
      ctx.report(
        'invalid_value',
        [...path, 'policyTypes', i],
        `Invalid policy type ${JSON.stringify(t)}: use Ingress or Egress`,
      );
    } else if (reader === 'calico' && seen.has(t)) {
      ctx.report('duplicate_value', [...path, 'policyTypes', i], `'${t}' type specified more than once`);
    }
    seen.add(t);
  });
  setOwn(out, 'policyTypes', types);
}

/**
 * Reads and checks a `StagedKubernetesNetworkPolicy.spec` (a `networking.k8s.io/v1` policy body
 * plus `stagedAction`). `Delete` must carry nothing else.
 */
export function readStagedKubernetesSpec(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
): CanonicalObject {
  const spec = readStruct(ctx, v, path, SPEC_KEYS.StagedKubernetesNetworkPolicy) ?? new Map<string, Json>();
  const out: CanonicalObject = {};
  const action = readString(ctx, spec, 'stagedAction', path);
  if (action !== undefined && action !== '' && !STAGED_ACTIONS.includes(action)) {
    ctx.report(
      'invalid_value',
      [...path, 'stagedAction'],
      `Invalid stagedAction ${JSON.stringify(action)}: use one of ${STAGED_ACTIONS.join(', ')}`,
    );
  }
  setOwn(out, 'stagedAction', action);
  readBody(ctx, spec, path, out, 'calico');
  if (action === 'Delete') {
    for (const [key, value] of spec) {
      if (key === 'stagedAction' || value === null) continue;
      if (key === 'podSelector' && value instanceof Map && value.size === 0) continue;
      ctx.report(
        'staged_delete_not_empty',
        [...path, key],
        `Spec fields should all be zero-value if stagedAction is Delete: remove ${formatPath([...path, key])}`,
      );
    }
  }
  return out;
}

/**
 * Reads and checks a `networking.k8s.io/v1` NetworkPolicy's `spec` as the kube-apiserver does.
 *
 * @example
 * ```ts
 * readKubernetesPolicySpec(ctx, snapshotOf({ podSelector: {}, ingress: [{ from: [{}] }] }), ['spec']);
 * // ctx.issues[0].path: ['spec', 'ingress', 0, 'from', 0] (a peer must name what it matches)
 * ```
 */
export function readKubernetesPolicySpec(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
): CanonicalObject {
  const spec = readStruct(ctx, v, path, K8S_NETWORK_POLICY_SPEC_KEYS) ?? new Map<string, Json>();
  const out: CanonicalObject = {};
  readBody(ctx, spec, path, out, 'apiserver');
  return out;
}
