import {
  ENTITY_RULE_KEYS,
  HTTP_MATCH_KEYS,
  HTTP_PATH_KEYS,
  ICMP_KEYS,
  RULE_KEYS,
  RULE_METADATA_KEYS,
  SERVICE_ACCOUNT_MATCH_KEYS,
  SERVICE_MATCH_KEYS,
} from '../resources/field-order.js';
import type {
  Action,
  EntityRule,
  HttpMatch,
  IcmpFields,
  Port,
  Protocol,
  Rule,
  RuleMetadata,
  ServiceAccountMatch,
  ServiceMatch,
} from '../resources/rule.js';
import type { Issue } from '../result.js';
import type { SelectorInput } from '../selector/builder.js';
import { canonicalPort, type IssuePath, type PortInput, resolveSelectorText } from './inputs.js';
import { deepFreeze, frozenCopy, ordered } from './ir.js';

/**
 * The match criteria of one side (source or destination) of a rule, as `.from()`/`.to()` accept
 * them. Selectors may be strings or selector builders; ports are canonicalized.
 *
 * @example
 * ```ts
 * // .to() fills the destination (.from() the source):
 * rule.deny().to({ nets: ['169.46.10.20/32'], selector: "app == 'lb'" }).toRule(); // { action: 'Deny', destination: { nets: ['169.46.10.20/32'], selector: "app == 'lb'" } }
 * ```
 */
export interface EntityFields {
  readonly nets?: readonly string[];
  readonly notNets?: readonly string[];
  readonly selector?: SelectorInput;
  readonly notSelector?: SelectorInput;
  readonly namespaceSelector?: SelectorInput;
  readonly serviceAccounts?: {
    readonly names?: readonly string[];
    readonly selector?: SelectorInput;
  };
  readonly services?: ServiceMatch;
}

/**
 * The port fields of an entity, which type-state allows only on TCP/UDP/SCTP rules.
 *
 * @example
 * ```ts
 * // Only after a port protocol (.tcp(), .udp(), .sctp()); ports print as calicoctl prints them:
 * rule.allow().tcp().to({ ports: [80, '443'], notPorts: ['8000:8099'] }).toRule(); // { action: 'Allow', protocol: 'TCP', destination: { ports: [80, 443], notPorts: ['8000:8099'] } }
 * ```
 */
export interface EntityPortFields {
  readonly ports?: readonly PortInput[];
  readonly notPorts?: readonly PortInput[];
}

/**
 * An HTTP match as `.http()` accepts it (application layer; only on Allow ingress rules).
 *
 * @example
 * ```ts
 * rule.allow().tcp().http({ methods: ['GET'], paths: [{ prefix: '/api' }] }).toRule(); // { action: 'Allow', protocol: 'TCP', http: { methods: ['GET'], paths: [{ prefix: '/api' }] } }
 * ```
 */
export type HttpInput = HttpMatch;

/** One side of a rule while it is built: selectors are kept as given and printed at output time. */
export interface EntityDraft
  extends Omit<EntityRule, 'selector' | 'notSelector' | 'namespaceSelector' | 'serviceAccounts'> {
  readonly selector?: SelectorInput;
  readonly notSelector?: SelectorInput;
  readonly namespaceSelector?: SelectorInput;
  readonly serviceAccounts?: { readonly names?: readonly string[]; readonly selector?: SelectorInput };
}

/** Rule state while it is being built: a {@link Rule} whose selectors may still be builders. */
export interface RuleDraft extends Omit<Rule, 'source' | 'destination'> {
  readonly source?: EntityDraft;
  readonly destination?: EntityDraft;
}

/** Which side of a rule an entity edit applies to. */
export type Side = 'source' | 'destination';

/** Starts a rule with only its action. */
export function newRule(action: Action): RuleDraft {
  return Object.freeze({ action });
}

/** Returns `draft` with `patch` applied (a new frozen object). */
export function patchRule(draft: RuleDraft, patch: Partial<RuleDraft>): RuleDraft {
  return Object.freeze({ ...draft, ...patch });
}

function appendList<T>(current: readonly T[] | undefined, more: readonly T[]): readonly T[] {
  return Object.freeze([...(current ?? []), ...more]);
}

/** Appends `ports` (canonicalized) to `side.ports` or `side.notPorts`. */
export function addPorts(
  draft: RuleDraft,
  side: Side,
  field: 'ports' | 'notPorts',
  ports: readonly PortInput[],
): RuleDraft {
  const entity = draft[side] ?? {};
  const next: EntityDraft = { ...entity, [field]: appendList<Port>(entity[field], ports.map(canonicalPort)) };
  return patchRule(draft, { [side]: Object.freeze(next) });
}

/** Appends CIDRs to `side.nets` or `side.notNets`. */
export function addNets(
  draft: RuleDraft,
  side: Side,
  field: 'nets' | 'notNets',
  nets: readonly string[],
): RuleDraft {
  const entity = draft[side] ?? {};
  const next: EntityDraft = { ...entity, [field]: appendList(entity[field], nets) };
  return patchRule(draft, { [side]: Object.freeze(next) });
}

/** Merges entity fields into one side: lists append, scalar fields and objects replace. */
export function mergeEntity(
  draft: RuleDraft,
  side: Side,
  input: EntityFields & {
    // A string is the type-state's message (ports before a port protocol): it never type-checks.
    readonly ports?: readonly PortInput[] | string;
    readonly notPorts?: readonly PortInput[] | string;
  },
): RuleDraft {
  // A copy taken now: selector trees and service matches the caller changes later stay as given.
  const copy = frozenCopy(input);
  let next = draft;
  if (copy.nets) next = addNets(next, side, 'nets', copy.nets);
  if (copy.notNets) next = addNets(next, side, 'notNets', copy.notNets);
  if (typeof copy.ports === 'object') next = addPorts(next, side, 'ports', copy.ports);
  if (typeof copy.notPorts === 'object') next = addPorts(next, side, 'notPorts', copy.notPorts);
  const scalars: Record<string, unknown> = {};
  if (copy.selector !== undefined) scalars.selector = copy.selector;
  if (copy.notSelector !== undefined) scalars.notSelector = copy.notSelector;
  if (copy.namespaceSelector !== undefined) scalars.namespaceSelector = copy.namespaceSelector;
  if (copy.services !== undefined) scalars.services = { ...copy.services };
  if (copy.serviceAccounts !== undefined) {
    const sa: { names?: readonly string[]; selector?: SelectorInput } = {};
    if (copy.serviceAccounts.names !== undefined) sa.names = [...copy.serviceAccounts.names];
    if (copy.serviceAccounts.selector !== undefined) sa.selector = copy.serviceAccounts.selector;
    scalars.serviceAccounts = sa;
  }
  if (Object.keys(scalars).length === 0) return next;
  return patchRule(next, { [side]: Object.freeze({ ...(next[side] ?? {}), ...scalars }) });
}

/** Copies an HTTP match (paths and methods are copied so later caller mutation cannot leak in). */
export function copyHttp(input: HttpInput): HttpMatch {
  const out: { methods?: readonly string[]; paths?: readonly { exact?: string; prefix?: string }[] } = {};
  if (input.methods !== undefined) out.methods = [...input.methods];
  if (input.paths !== undefined) out.paths = input.paths.map((p) => ({ ...p }));
  return out;
}

/** Copies rule metadata (annotations). */
export function copyRuleMetadata(input: RuleMetadata): RuleMetadata {
  return input.annotations !== undefined ? { annotations: { ...input.annotations } } : {};
}

function entityToIR(
  entity: EntityDraft | undefined,
  path: IssuePath,
  issues: Issue[],
): EntityRule | undefined {
  if (entity === undefined) return undefined;
  const text = (input: SelectorInput | undefined, field: string) =>
    input === undefined ? undefined : resolveSelectorText(input, [...path, field], issues);
  const sa = entity.serviceAccounts;
  return ordered<EntityRule>(
    {
      ...entity,
      selector: text(entity.selector, 'selector'),
      notSelector: text(entity.notSelector, 'notSelector'),
      namespaceSelector: text(entity.namespaceSelector, 'namespaceSelector'),
      services: entity.services && ordered<ServiceMatch>({ ...entity.services }, SERVICE_MATCH_KEYS),
      serviceAccounts:
        sa &&
        ordered<ServiceAccountMatch>(
          {
            names: sa.names && [...sa.names],
            selector:
              sa.selector === undefined
                ? undefined
                : resolveSelectorText(sa.selector, [...path, 'serviceAccounts', 'selector'], issues),
          },
          SERVICE_ACCOUNT_MATCH_KEYS,
        ),
      nets: entity.nets && [...entity.nets],
      notNets: entity.notNets && [...entity.notNets],
      ports: entity.ports && [...entity.ports],
      notPorts: entity.notPorts && [...entity.notPorts],
    },
    ENTITY_RULE_KEYS,
  );
}

function icmpToIR(icmp: IcmpFields | undefined): IcmpFields | undefined {
  return icmp && ordered<IcmpFields>({ ...icmp }, ICMP_KEYS);
}

/**
 * Turns a draft into an IR rule: upstream key order, empty sides (`source: {}`) omitted, fresh
 * deep-frozen objects. Selectors that cannot be printed add issues (under `path`) to `issues`.
 *
 * @example
 * ```ts
 * ruleToIR({ destination: { ports: ['30000:32767'] }, protocol: 'TCP', action: 'Deny' }, [], []);
 * // { action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } }
 * ```
 */
export function ruleToIR(draft: RuleDraft, path: IssuePath, issues: Issue[]): Rule {
  const http = draft.http && {
    ...draft.http,
    paths: draft.http.paths?.map((p) =>
      ordered<{ exact?: string; prefix?: string }>({ ...p }, HTTP_PATH_KEYS),
    ),
    methods: draft.http.methods && [...draft.http.methods],
  };
  return deepFreeze(
    ordered<Rule>(
      {
        ...draft,
        icmp: icmpToIR(draft.icmp),
        notICMP: icmpToIR(draft.notICMP),
        source: entityToIR(draft.source, [...path, 'source'], issues),
        destination: entityToIR(draft.destination, [...path, 'destination'], issues),
        http: http && ordered<HttpMatch>(http, HTTP_MATCH_KEYS),
        metadata:
          draft.metadata &&
          ordered<RuleMetadata>({ ...copyRuleMetadata(draft.metadata) }, RULE_METADATA_KEYS),
      },
      RULE_KEYS,
    ),
  );
}

/** Sets protocol (and optionally ICMP fields) on a draft. */
export function withProtocol(draft: RuleDraft, protocol: Protocol, icmp?: IcmpFields): RuleDraft {
  return patchRule(draft, icmp ? { protocol, icmp: Object.freeze({ ...icmp }) } : { protocol });
}
