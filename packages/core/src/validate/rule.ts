import { RULE_KEYS, RULE_METADATA_KEYS } from '../resources/field-order.js';
import { ACTIONS, type Protocol } from '../resources/rule.js';
import { formatPath } from '../result.js';
import { describeValue } from '../shape/checks.js';
import { cidrVersion } from '../values/cidr.js';
import { parseProtocol, protocolNumber, protocolSupportsPorts } from '../values/protocol.js';
import { type CanonicalObject, mapToCanonical, setOwn } from './canonical.js';
import { EMPTY_ENTITY_RULE, type EntityRuleInfo, readEntityRule } from './entity-rule.js';
import { readItemStruct, readList, readStringMap, readStruct } from './field-readers.js';
import { readHttp } from './http.js';
import { readIcmp } from './icmp.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, JsonObject, Path } from './json.js';
import { checkAnnotations } from './metadata.js';
import type { NetList } from './nets-field.js';
import type { PortList } from './ports-field.js';
import type { RuleChecks } from './rule-checks.js';

/** Whether a rule sits in a policy's `ingress` or `egress` list. */
export type Direction = 'ingress' | 'egress';

/** What the policy-level checks need to know about a rule. */
export interface RuleInfo {
  readonly out: CanonicalObject;
  readonly source: EntityRuleInfo;
  readonly destination: EntityRuleInfo;
  readonly hasHttp: boolean;
}

function readAction(ctx: IssueCollector, obj: JsonObject, path: Path): string | undefined {
  const v = obj.get('action');
  const at = [...path, 'action'];
  if (v === undefined || v === null) {
    ctx.report('required', at, `${formatPath(at)} is required: set it to one of ${ACTIONS.join(', ')}`);
    return undefined;
  }
  if (typeof v !== 'string' || !(ACTIONS as readonly string[]).includes(v)) {
    const fixed =
      typeof v === 'string' ? ACTIONS.find((a) => a.toLowerCase() === v.toLowerCase()) : undefined;
    ctx.report(
      'invalid_action',
      at,
      fixed !== undefined
        ? `Invalid action ${JSON.stringify(v)}: actions are case-sensitive, write "${fixed}"`
        : `Invalid action ${typeof v === 'string' ? JSON.stringify(v) : describeValue(v)}: use one of ${ACTIONS.join(', ')}`,
    );
    return typeof v === 'string' ? v : undefined;
  }
  return v;
}

function readProtocolField(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
): Protocol | undefined {
  const v = obj.get(key);
  if (v === undefined || v === null) return undefined;
  const r = parseProtocol(v);
  if (!r.ok) {
    for (const issue of r.issues) ctx.report('invalid_protocol', [...path, key], issue.message);
    return undefined;
  }
  return r.value;
}

function readIpVersion(ctx: IssueCollector, obj: JsonObject, path: Path): number | undefined {
  const v = obj.get('ipVersion');
  if (v === undefined || v === null) return undefined;
  if (v !== 4 && v !== 6) {
    ctx.report(
      'invalid_ip_version',
      [...path, 'ipVersion'],
      `ipVersion must be 4 or 6, not ${describeValue(v)}`,
    );
    return undefined;
  }
  return v;
}

/** ICMP/ICMPv6 vs ipVersion consistency (CRD rules on protocol and notProtocol). */
function checkIcmpIpVersion(
  ctx: IssueCollector,
  protocol: Protocol | undefined,
  ipVersion: number | undefined,
  at: Path,
): void {
  if (protocol === undefined || ipVersion === undefined) return;
  const n = protocolNumber(protocol);
  if (n === 1 && ipVersion !== 4) {
    ctx.report(
      'ip_version_mismatch',
      at,
      'protocol ICMP requires ipVersion 4: set ipVersion: 4, or use ICMPv6 for IPv6',
    );
  } else if (n === 58 && ipVersion !== 6) {
    ctx.report(
      'ip_version_mismatch',
      at,
      'protocol ICMPv6 requires ipVersion 6: set ipVersion: 6, or use ICMP for IPv4',
    );
  }
}

/** Calico's `validateRule` port/protocol rule over the four port lists. */
function checkPortsProtocol(
  ctx: IssueCollector,
  protocol: Protocol | undefined,
  lists: readonly [PortList | undefined, Path][],
): void {
  for (const [list, at] of lists) {
    if (list === undefined) continue;
    if (protocol === undefined) {
      if (list.firstNumeric !== undefined) {
        ctx.report(
          'ports_need_protocol',
          [...at, list.firstNumeric],
          'rules with numeric port or port range must set protocol to TCP or UDP or SCTP: add protocol: TCP (or UDP/SCTP) to the rule',
        );
      }
    } else if (list.out.length > 0 && !protocolSupportsPorts(protocol)) {
      ctx.report(
        'ports_need_protocol',
        at,
        `rules that specify ports must set protocol to TCP or UDP or SCTP: protocol ${JSON.stringify(protocol)} has no ports; change the protocol or remove ${formatPath(at)}`,
      );
    }
  }
}

/** Calico's `validateRule` CIDR scan: catch-all in notNets, ipVersion match, no v4/v6 mix. */
function checkNets(
  ctx: IssueCollector,
  ipVersion: number | undefined,
  lists: readonly [NetList | undefined, Path, boolean][],
): void {
  let seen4 = false;
  let seen6 = false;
  for (const [list, at, negated] of lists) {
    if (list === undefined) continue;
    let v4 = false;
    let v6 = false;
    for (const { index, text, cidr } of list.cidrs) {
      // cnet's Version(): an IPv4-mapped IPv6 network counts as IPv4.
      const version = cidrVersion(cidr);
      v4 ||= version === 4;
      v6 ||= version === 6;
      // Upstream compares the v4 text literally but any spelling of ::/0.
      const catchAll =
        version === 4 ? text === '0.0.0.0/0' : cidr.prefixLength === 0 && cidr.bytes.every((b) => b === 0);
      if (negated && catchAll) {
        ctx.report(
          'catch_all_not_net',
          [...at, index],
          `catch-all CIDR in negation creates logical contradiction (matches no traffic): remove ${JSON.stringify(text)} from ${formatPath(at)}`,
        );
      }
    }
    if (ipVersion !== undefined && ((v4 && ipVersion !== 4) || (v6 && ipVersion !== 6))) {
      ctx.report(
        'ip_version_mismatch',
        at,
        `rule IP version doesn't match CIDR version: ${formatPath(at)} holds IPv${v4 ? 4 : 6} CIDRs but ipVersion is ${ipVersion}`,
      );
    }
    if ((v4 && seen6) || (v6 && seen4) || (v4 && v6)) {
      ctx.report(
        'mixed_ip_versions',
        at,
        'rule contains both IPv4 and IPv6 CIDRs: split it into one rule per IP version',
      );
    }
    seen4 ||= v4;
    seen6 ||= v6;
  }
}

/**
 * Reads and checks one rule (Calico `Rule`) at `path`: action, ipVersion, protocols, ICMP, source
 * and destination, HTTP and metadata, with the cross-field rules of `validateRule` and (`checks`
 * `'crd'`) the CRD's CEL rules.
 */
export function readRule(ctx: IssueCollector, v: Json, path: Path, checks: RuleChecks): RuleInfo {
  const obj = readItemStruct(ctx, v, path, RULE_KEYS, 'a rule like { action: Allow }');
  if (obj === undefined) {
    return { out: {}, source: EMPTY_ENTITY_RULE, destination: EMPTY_ENTITY_RULE, hasHttp: false };
  }
  const out: CanonicalObject = {};
  const action = readAction(ctx, obj, path);
  setOwn(out, 'action', action);
  const ipVersion = readIpVersion(ctx, obj, path);
  setOwn(out, 'ipVersion', ipVersion);
  const protocol = readProtocolField(ctx, obj, 'protocol', path);
  setOwn(out, 'protocol', protocol);
  const icmp = readIcmp(ctx, obj.get('icmp'), [...path, 'icmp'], checks);
  setOwn(out, 'icmp', icmp);
  const notProtocol = readProtocolField(ctx, obj, 'notProtocol', path);
  setOwn(out, 'notProtocol', notProtocol);
  setOwn(out, 'notICMP', readIcmp(ctx, obj.get('notICMP'), [...path, 'notICMP'], checks));
  const source = readEntityRule(ctx, obj.get('source'), [...path, 'source'], checks);
  if (obj.get('source') != null) setOwn(out, 'source', source.out);
  const destination = readEntityRule(ctx, obj.get('destination'), [...path, 'destination'], checks);
  if (obj.get('destination') != null) setOwn(out, 'destination', destination.out);
  const http = readHttp(ctx, obj.get('http'), [...path, 'http'], checks);
  setOwn(out, 'http', http);
  const meta = readStruct(ctx, obj.get('metadata'), [...path, 'metadata'], RULE_METADATA_KEYS);
  if (meta !== undefined) {
    const mOut: CanonicalObject = {};
    const annotations = readStringMap(ctx, meta, 'annotations', [...path, 'metadata']);
    if (annotations !== undefined) {
      checkAnnotations(ctx, annotations, [...path, 'metadata', 'annotations']);
      setOwn(mOut, 'annotations', mapToCanonical(annotations));
    }
    setOwn(out, 'metadata', mOut);
  }

  // A protocol that failed to decode still counts as "set" for the port rule.
  const protocolSet = protocol ?? (obj.get('protocol') != null ? 'TCP' : undefined);
  checkPortsProtocol(ctx, protocolSet, [
    [source.ports, [...path, 'source', 'ports']],
    [source.notPorts, [...path, 'source', 'notPorts']],
    [destination.ports, [...path, 'destination', 'ports']],
    [destination.notPorts, [...path, 'destination', 'notPorts']],
  ]);
  checkNets(ctx, ipVersion, [
    [source.nets, [...path, 'source', 'nets'], false],
    [source.notNets, [...path, 'source', 'notNets'], true],
    [destination.nets, [...path, 'destination', 'nets'], false],
    [destination.notNets, [...path, 'destination', 'notNets'], true],
  ]);
  if (checks === 'crd')
    checkRuleCel(ctx, { protocol, notProtocol, ipVersion, icmp, http, action, destination }, path);
  return { out, source, destination, hasHttp: http !== undefined };
}

/** The CRD's CEL rules on `Rule` (the kubebuilder XValidation markers in policy_common.go). */
function checkRuleCel(
  ctx: IssueCollector,
  rule: {
    readonly protocol: Protocol | undefined;
    readonly notProtocol: Protocol | undefined;
    readonly ipVersion: number | undefined;
    readonly icmp: CanonicalObject | undefined;
    readonly http: CanonicalObject | undefined;
    readonly action: string | undefined;
    readonly destination: EntityRuleInfo;
  },
  path: Path,
): void {
  const { protocol, notProtocol, ipVersion, icmp, http, action, destination } = rule;
  if (icmp !== undefined) {
    const n = protocol === undefined ? undefined : protocolNumber(protocol);
    if (n !== 1 && n !== 58) {
      ctx.report(
        'icmp_needs_protocol',
        [...path, 'icmp'],
        'ICMP fields require protocol to be ICMP or ICMPv6: add protocol: ICMP (or ICMPv6) to the rule',
      );
    }
  }
  checkIcmpIpVersion(ctx, protocol, ipVersion, [...path, 'protocol']);
  checkIcmpIpVersion(ctx, notProtocol, ipVersion, [...path, 'notProtocol']);

  if (http !== undefined) {
    if (protocol !== undefined && protocolNumber(protocol) !== 6) {
      ctx.report(
        'http_not_allowed',
        [...path, 'protocol'],
        'rules with HTTP match must have protocol TCP or unset: set protocol: TCP or remove it',
      );
    }
    if (action !== undefined && action !== 'Allow') {
      ctx.report(
        'http_not_allowed',
        [...path, 'http'],
        'HTTP match is only valid on Allow rules: use action: Allow or remove http',
      );
    }
  }
  if (
    destination.hasServices &&
    ((destination.ports?.out.length ?? 0) > 0 || (destination.notPorts?.out.length ?? 0) > 0)
  ) {
    ctx.report(
      'services_conflict',
      [...path, 'destination', (destination.ports?.out.length ?? 0) > 0 ? 'ports' : 'notPorts'],
      'ports and notPorts cannot be specified with services: the service already defines its ports; remove destination ports',
    );
  }
}

/**
 * Reads both rule lists of a spec (policy or profile) and puts the checked rules into `out`;
 * returns them for spec-level checks (pre-DNAT, services placement).
 */
export function readRuleLists(
  ctx: IssueCollector,
  spec: JsonObject,
  path: Path,
  out: CanonicalObject,
  checks: RuleChecks,
): { readonly ingress: RuleInfo[] | undefined; readonly egress: RuleInfo[] | undefined } {
  const ingress = readRules(ctx, spec, 'ingress', path, checks);
  if (ingress !== undefined)
    setOwn(
      out,
      'ingress',
      ingress.map((r) => r.out),
    );
  const egress = readRules(ctx, spec, 'egress', path, checks);
  if (egress !== undefined)
    setOwn(
      out,
      'egress',
      egress.map((r) => r.out),
    );
  return { ingress, egress };
}

/** Reads an `ingress` / `egress` rule list (CRD: at most 1024 rules). */
export function readRules(
  ctx: IssueCollector,
  obj: JsonObject,
  key: Direction,
  path: Path,
  checks: RuleChecks,
): RuleInfo[] | undefined {
  const list = readList(ctx, obj.get(key), [...path, key], 'a list of rules');
  if (list === undefined) return undefined;
  if (checks === 'crd' && list.length > 1024) {
    ctx.report(
      'too_many_items',
      [...path, key],
      `${formatPath([...path, key])} has ${list.length} rules; Calico allows at most 1024`,
    );
  }
  return list.map((r, i) => readRule(ctx, r, [...path, key, i], checks));
}
