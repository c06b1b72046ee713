/**
 * Rule normalisation: Calico's rule fields become a {@link RuleModel} with compiled selectors
 * (calico-semantics.md §6). The effective entity selector follows upstream
 * `GetEntityRuleSelector` string building exactly (§6.7).
 */
import { type EntityRule, isNamedPort, type Port, parsePort, portProblem, type Rule } from '@calico-dsl/core';
import { type Cidr, isCatchAll, parseCidr } from '../net/ip.js';
import { protocolNumber } from '../net/protocol.js';
import type { EntityMatchModel, PortSetModel, RuleModel, WorldModel } from './model.js';
import { MATCH_NONE, prefixSelector, type SelectorCache } from './selector.js';

type Path = readonly (string | number)[];

/** §6.7 step 1–4: the namespace-scoped positive selector of one rule side. */
export function entityRuleSelector(er: EntityRule, ns: string | undefined): string {
  let nsSelector = '';
  if (er.namespaceSelector !== undefined && er.namespaceSelector !== '') {
    nsSelector = prefixSelector(er.namespaceSelector, 'pcns.')
      .replaceAll('all()', 'has(projectcalico.org/namespace)')
      .replaceAll('global()', '!has(projectcalico.org/namespace)');
  } else if (ns !== undefined && ns !== '') {
    nsSelector = `projectcalico.org/namespace == '${ns}'`;
  }
  const parts: string[] = [];
  const sa = er.serviceAccounts;
  if (sa) {
    let saSel = sa.selector ? prefixSelector(sa.selector, 'pcsa.') : '';
    if (sa.names && sa.names.length > 0) {
      const names = `projectcalico.org/serviceaccount in { '${sa.names.join("', '")}' }`;
      saSel = saSel === '' ? names : `(${saSel}) && (${names})`;
    }
    if (saSel !== '') parts.push(saSel);
  }
  if (er.selector !== undefined && er.selector !== '') parts.push(er.selector);
  let selector =
    parts.length === 0 ? '' : parts.length === 1 ? (parts[0] as string) : `(${parts.join(') && (')})`;
  const hasNot = er.notSelector !== undefined && er.notSelector !== '';
  const hasNsSel = er.namespaceSelector !== undefined && er.namespaceSelector !== '';
  if (nsSelector !== '' && (selector !== '' || hasNot || hasNsSel)) {
    selector = selector !== '' ? `(${nsSelector}) && (${selector})` : nsSelector;
  }
  return selector;
}

/** Shared by the rules that use no unsupported feature (never mutated). */
const NO_FEATURES: readonly string[] = Object.freeze([]);

/**
 * A `nets` / `notNets` list, each entry parsed once: the CIDRs (`undefined` for no criterion), and
 * whether an entry does not parse (Calico refuses the policy), each such entry reported
 * (`invalid_cidr`) at its place.
 */
function readNets(
  list: readonly string[] | undefined,
  sc: SelectorCache,
  path: Path,
): { readonly cidrs: readonly Cidr[] | undefined; readonly refused: boolean } {
  if (!list || list.length === 0) return { cidrs: undefined, refused: false };
  const cidrs: Cidr[] = [];
  let refused = false;
  list.forEach((text, i) => {
    const cidr = parseCidr(text);
    if (cidr !== undefined) {
      cidrs.push(cidr);
      return;
    }
    refused = true;
    sc.issues.push({
      code: 'invalid_cidr',
      path: [...path, i],
      message: `${JSON.stringify(text)} is not a CIDR; Calico refuses the policy. Here the rule side matches nothing. Fix it with calico-dsl validate.`,
    });
  });
  return { cidrs, refused };
}

/**
 * A `ports` / `notPorts` list, each entry decoded once with core's `parsePort`: its ranges and
 * names (`undefined` for no criterion), and whether an entry is one Calico's validator refuses (it
 * does not decode, or core's `portProblem`: port 0, a name that is not an IANA port name), each
 * such entry reported at its place with the code `validate` gives it.
 */
function readPorts(
  list: readonly Port[] | undefined,
  sc: SelectorCache,
  path: Path,
): { readonly set: PortSetModel | undefined; readonly refused: boolean } {
  if (!list || list.length === 0) return { set: undefined, refused: false };
  const ranges: { min: number; max: number }[] = [];
  const names: string[] = [];
  let refused = false;
  list.forEach((port, i) => {
    const parsed = parsePort(port);
    const problem = parsed.ok
      ? portProblem(parsed.value)
      : { code: 'invalid_port' as const, message: parsed.issues[0]?.message ?? 'not a port' };
    if (parsed.ok) {
      const value = parsed.value;
      if (isNamedPort(value)) names.push(value.name);
      else ranges.push({ min: value.min, max: value.max });
    }
    if (problem === undefined) return;
    refused = true;
    sc.issues.push({
      code: problem.code,
      path: [...path, i],
      message: `${JSON.stringify(port)}: ${problem.message}; Calico refuses the policy. Here the rule side matches nothing. Fix it with calico-dsl validate.`,
    });
  });
  return { set: { ranges, names }, refused };
}

/** A side without criteria, shared by every rule that has one (most `destination: {}`). */
const ANY_SIDE: EntityMatchModel = Object.freeze({
  nets: undefined,
  notNets: undefined,
  selectorText: undefined,
  selector: undefined,
  notSelectorText: undefined,
  notSelector: undefined,
  ports: undefined,
  notPorts: undefined,
  services: undefined,
});

// `undefined` values count (`domains: undefined` is still "has domains"), so they stay in the key.
const keepUndefined = (_key: string, value: unknown): unknown => (value === undefined ? '\u0000' : value);

/**
 * The key under which an identical rule or side is shared: its fields plus what else it
 * depends on. `undefined` when the value has no JSON form (it is then not shared).
 */
function internKey(kind: string, value: unknown, ns: string | undefined, index: number): string | undefined {
  try {
    return `${kind} ${index} ${ns ?? '\u0000'} ${JSON.stringify(value, keepUndefined)}`;
  } catch {
    return undefined;
  }
}

function entityMatch(
  er: EntityRule | undefined,
  ns: string | undefined,
  sc: SelectorCache,
  path: Path,
): EntityMatchModel {
  // No field at all: matches everything (§6.7: no namespace term without a selector).
  if (er === undefined || Object.keys(er).length === 0) return ANY_SIDE;
  const key = internKey('side', er, ns, 0);
  const hit = key === undefined ? undefined : sc.interned.get(key);
  if (hit) return hit as EntityMatchModel;
  const built = buildEntityMatch(er, ns, sc, path);
  if (key !== undefined) sc.interned.set(key, built);
  return built;
}

function buildEntityMatch(
  side: EntityRule,
  ns: string | undefined,
  sc: SelectorCache,
  path: Path,
): EntityMatchModel {
  const positive = entityRuleSelector(side, ns);
  const negative = side.notSelector !== undefined && side.notSelector !== '' ? side.notSelector : undefined;
  // A namespace, service account or negated selector that does not parse: Calico's validator
  // refuses the policy. Upstream's string building would drop the term (`parseSelectorAttachPrefix`
  // returns ""), and a negated selector that matches nothing excludes nothing: either widens the
  // side. Like any selector that does not parse, the side matches nothing.
  const invalid = sc.firstInvalid([
    [side.namespaceSelector, [...path, 'namespaceSelector']],
    [side.serviceAccounts?.selector, [...path, 'serviceAccounts', 'selector']],
    [negative, [...path, 'notSelector']],
  ]);
  const selector =
    invalid !== undefined
      ? MATCH_NONE
      : positive === ''
        ? undefined
        : sc.compile(positive, [...path, 'selector']);
  const notSelector = negative === undefined ? undefined : sc.compile(negative, [...path, 'notSelector']);
  const svc = side.services;
  // With a positive selector, Felix folds the notSelector into it (`rule_scanner.go`
  // `combineMatchesIfPossible`): an address matches when an entity owning it matches both, even
  // if another of its owners matches the notSelector; named ports follow the folded selector too.
  const folded = selector !== undefined && notSelector !== undefined;
  // A net that does not parse or a port the validator refuses: Calico refuses the policy. Felix's
  // converter would skip such a net (`updateprocessors/rules.go` ConvertStringsToNets) and read
  // such a port as one no packet has, so in `notNets` / `notPorts` they would exclude nothing.
  // The side matches nothing (an empty `nets`).
  const nets = readNets(side.nets, sc, [...path, 'nets']);
  const notNets = readNets(side.notNets, sc, [...path, 'notNets']);
  const ports = readPorts(side.ports, sc, [...path, 'ports']);
  const notPorts = readPorts(side.notPorts, sc, [...path, 'notPorts']);
  const refused = nets.refused || notNets.refused || ports.refused || notPorts.refused;
  return {
    nets: refused ? [] : nets.cidrs,
    notNets: notNets.cidrs,
    selectorText:
      invalid ?? (folded ? `(${positive}) && (!(${negative}))` : positive === '' ? undefined : positive),
    selector: folded ? (labels) => selector(labels) && !notSelector(labels) : selector,
    notSelectorText: folded ? undefined : negative,
    notSelector: folded ? undefined : notSelector,
    ports: ports.set,
    notPorts: notPorts.set,
    // §6.9: the namespace as written, even empty. The update processor passes it through
    // (`updateprocessors/rules.go` RuleAPIV3ToBackend) and Felix keys the IP set
    // `<namespace>/<name>` (`rule_scanner.go` ruleToParsedRule): an empty one is `/<name>`, which
    // no EndpointSlice fills (`serviceindex.go` serviceName), so the match is empty. The API
    // comment's "this policy's namespace" is not implemented; `serviceMatchIssues` says so.
    services: svc?.name ? { name: svc.name, namespace: svc.namespace ?? '' } : undefined,
  };
}

/** §6.2: can the rule ever match a packet of IP version `v`? */
function matchesVersion(rule: Rule, v: 4 | 6, side: readonly EntityMatchModel[]): boolean {
  if (rule.ipVersion !== undefined && rule.ipVersion !== v) return false;
  if (rule.ipVersion === undefined && rule.protocol === 'ICMP' && v === 6) return false;
  if (rule.ipVersion === undefined && rule.protocol === 'ICMPv6' && v === 4) return false;
  for (const s of side) {
    for (const list of [s.nets, s.notNets]) {
      if (list && list.length > 0 && !list.some((c) => c.version === v)) return false;
    }
    if (s.notNets?.some((c) => c.version === v && isCatchAll(c))) return false;
  }
  return true;
}

/**
 * Normalises one rule; `ns` is the policy namespace (undefined for global policies). Identical
 * rules (same fields, index and namespace) get the same read-only object: a rule model holds
 * nothing about its policy, and worlds with thousands of policies repeat a few rule shapes.
 *
 * @example
 * ```ts
 * compileRule({ action: 'Allow' }, 0, undefined, new SelectorCache(), []).action; // 'Allow'
 * ```
 */
export function compileRule(
  rule: Rule,
  index: number,
  ns: string | undefined,
  sc: SelectorCache,
  path: Path,
): RuleModel {
  const key = internKey('rule', rule, ns, index);
  const hit = key === undefined ? undefined : sc.interned.get(key);
  if (hit) return hit as RuleModel;
  const built = buildRule(rule, index, ns, sc, path);
  if (key !== undefined) sc.interned.set(key, built);
  return built;
}

function buildRule(
  rule: Rule,
  index: number,
  ns: string | undefined,
  sc: SelectorCache,
  path: Path,
): RuleModel {
  const source = entityMatch(rule.source, ns, sc, [...path, 'source']);
  const destination = entityMatch(rule.destination, ns, sc, [...path, 'destination']);
  const unsupported: string[] = [];
  if (rule.http) unsupported.push('http (application-layer policy, §6.10)');
  for (const [sideName, side] of [
    ['source', rule.source],
    ['destination', rule.destination],
  ] as const) {
    if (side && Object.hasOwn(side, 'domains')) unsupported.push(`${sideName}.domains (DNS policy)`);
  }
  return {
    index,
    action: rule.action,
    matchesV4: matchesVersion(rule, 4, [source, destination]),
    matchesV6: matchesVersion(rule, 6, [source, destination]),
    protocol: rule.protocol === undefined ? undefined : (protocolNumber(rule.protocol) ?? -1),
    notProtocol: rule.notProtocol === undefined ? undefined : (protocolNumber(rule.notProtocol) ?? -1),
    // §6.5: an ICMP match without a type is no criterion (Felix renders one only when the type
    // is set, `rule_convert.go`), so `icmp: {}` / `notICMP: {}` match every packet.
    icmp: rule.icmp?.type === undefined ? undefined : rule.icmp,
    notICMP: rule.notICMP?.type === undefined ? undefined : rule.notICMP,
    source,
    destination,
    unsupported: unsupported.length === 0 ? NO_FEATURES : unsupported,
  };
}

/**
 * Normalises a policy's `ingress` or `egress` list; identical lists (same rules, same
 * namespace) share one array, as their rules do (see {@link compileRule}).
 *
 * @example
 * ```ts
 * compileRules([{ action: 'Allow' }], undefined, new SelectorCache(), ['spec', 'egress'])[0]?.action; // 'Allow'
 * ```
 */
export function compileRules(
  rules: readonly Rule[],
  ns: string | undefined,
  sc: SelectorCache,
  path: Path,
): readonly RuleModel[] {
  const key = internKey('rules', rules, ns, 0);
  const hit = key === undefined ? undefined : sc.interned.get(key);
  if (hit) return hit as readonly RuleModel[];
  const built = rules.map((r, i) => compileRule(r, i, ns, sc, [...path, i]));
  if (key !== undefined) sc.interned.set(key, built);
  return built;
}

/**
 * Every rule of a world: each policy's ingress and egress rules, then each profile's.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * worldRules(cluster.model).some((r) => r.icmp !== undefined); // whether any rule matches an ICMP type
 * ```
 */
export function worldRules(world: WorldModel): RuleModel[] {
  const rules: RuleModel[] = [];
  for (const p of world.policies) rules.push(...p.ingress, ...p.egress);
  for (const p of world.profiles.values()) rules.push(...p.ingress, ...p.egress);
  return rules;
}
