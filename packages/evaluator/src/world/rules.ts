/**
 * Rule normalisation: Calico's rule fields become a {@link RuleModel} with compiled selectors
 * (calico-semantics.md §6). The effective entity selector follows upstream
 * `GetEntityRuleSelector` string building exactly (§6.7).
 */
import { type EntityRule, type Port, parsePort, portProblem, type Rule } from '@calico-dsl/core';
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

function cidrs(list: readonly string[] | undefined): readonly Cidr[] | undefined {
  if (!list || list.length === 0) return undefined;
  return list.map((t) => parseCidr(t)).filter((c): c is Cidr => c !== undefined);
}

/**
 * Whether some entry of `list` does not parse as a CIDR or address; each such entry is reported
 * (`invalid_cidr`) at its place.
 */
function hasUnparsableNet(list: readonly string[] | undefined, sc: SelectorCache, path: Path): boolean {
  let bad = false;
  list?.forEach((text, i) => {
    if (parseCidr(text) !== undefined) return;
    bad = true;
    sc.issues.push({
      code: 'invalid_cidr',
      path: [...path, i],
      message: `${JSON.stringify(text)} is not a CIDR; Calico refuses the policy. Here the rule side matches nothing. Fix it with calico-dsl validate.`,
    });
  });
  return bad;
}

/**
 * Whether some entry of `list` is a port Calico's validator refuses (one `numorstring.Port` does
 * not decode, or core's `portProblem`: port 0, a name that is not an IANA port name); each such
 * entry is reported at its place with the code `validate` gives it.
 */
function hasRefusedPort(list: readonly Port[] | undefined, sc: SelectorCache, path: Path): boolean {
  let bad = false;
  list?.forEach((port, i) => {
    const parsed = parsePort(port);
    const problem = parsed.ok
      ? portProblem(parsed.value)
      : { code: 'invalid_port' as const, message: parsed.issues[0]?.message ?? 'not a port' };
    if (problem === undefined) return;
    bad = true;
    sc.issues.push({
      code: problem.code,
      path: [...path, i],
      message: `${JSON.stringify(port)}: ${problem.message}; Calico refuses the policy. Here the rule side matches nothing. Fix it with calico-dsl validate.`,
    });
  });
  return bad;
}

function portSet(list: readonly Port[] | undefined): PortSetModel | undefined {
  if (!list || list.length === 0) return undefined;
  const ranges: { min: number; max: number }[] = [];
  const names: string[] = [];
  for (const p of list) {
    if (typeof p === 'number') ranges.push({ min: p, max: p });
    else if (/^\d+$/.test(p)) ranges.push({ min: Number(p), max: Number(p) });
    else if (/^\d+:\d+$/.test(p)) {
      const [a, b] = p.split(':').map(Number) as [number, number];
      ranges.push({ min: a, max: b });
    } else names.push(p);
  }
  return { ranges, names };
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
  const refused = [
    hasUnparsableNet(side.nets, sc, [...path, 'nets']),
    hasUnparsableNet(side.notNets, sc, [...path, 'notNets']),
    hasRefusedPort(side.ports, sc, [...path, 'ports']),
    hasRefusedPort(side.notPorts, sc, [...path, 'notPorts']),
  ].includes(true);
  return {
    nets: refused ? [] : cidrs(side.nets),
    notNets: cidrs(side.notNets),
    selectorText:
      invalid ?? (folded ? `(${positive}) && (!(${negative}))` : positive === '' ? undefined : positive),
    selector: folded ? (labels) => selector(labels) && !notSelector(labels) : selector,
    notSelectorText: folded ? undefined : negative,
    notSelector: folded ? undefined : notSelector,
    ports: portSet(side.ports),
    notPorts: portSet(side.notPorts),
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
