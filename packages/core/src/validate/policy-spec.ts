import { SPEC_KEYS } from '../resources/field-order.js';
import { formatPath } from '../result.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import { checkEnumSet } from './enum-set.js';
import { readBool, readNumber, readString, readStringList, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, JsonObject, Path } from './json.js';
import { checkNameRef } from './names.js';
import { type RuleInfo, readRuleLists } from './rule.js';
import { checkSelector, SELECTOR_MAX_LENGTH } from './selector-field.js';

/** The Calico policy kinds that share `PolicySpec` validation. */
export type CalicoPolicyKind =
  | 'GlobalNetworkPolicy'
  | 'NetworkPolicy'
  | 'StagedGlobalNetworkPolicy'
  | 'StagedNetworkPolicy';

const POLICY_TYPES = ['Ingress', 'Egress'] as const;
const PERFORMANCE_HINTS = ['AssumeNeededOnEveryNode'] as const;
const STAGED_ACTIONS = ['Set', 'Delete', 'Learn', 'Ignore'] as const;

function isGlobal(kind: CalicoPolicyKind): boolean {
  return kind === 'GlobalNetworkPolicy' || kind === 'StagedGlobalNetworkPolicy';
}

function isStaged(kind: CalicoPolicyKind): boolean {
  return kind === 'StagedGlobalNetworkPolicy' || kind === 'StagedNetworkPolicy';
}

/** Checks that a staged `Delete` carries nothing but `tier` (Go's zero-value comparison). */
function checkStagedDelete(ctx: IssueCollector, spec: JsonObject, path: Path): void {
  for (const [key, value] of spec) {
    if (key === 'stagedAction' || key === 'tier') continue;
    // Go compares the decoded struct with its zero value: "" / false / null are zero, and any
    // list (even an empty one) or number (even 0) is not.
    if (value === null || value === '' || value === false) continue;
    ctx.report(
      'staged_delete_not_empty',
      [...path, key],
      `Spec fields, except Tier, should all be zero-value if stagedAction is Delete: remove ${formatPath([...path, key])}`,
    );
  }
}

/** Calico's `validate(Global)NetworkPolicySpec`: types, service placement and HTTP direction. */
function checkSpecRules(
  ctx: IssueCollector,
  kind: CalicoPolicyKind,
  path: Path,
  ingress: readonly RuleInfo[],
  egress: readonly RuleInfo[],
): void {
  egress.forEach((r, i) => {
    if (r.source.hasServices) {
      ctx.report(
        'services_misplaced',
        [...path, 'egress', i, 'source', 'services'],
        'services not allowed in egress rule source: match a service as the destination of an egress rule',
      );
    }
    if (r.hasHttp) {
      ctx.report(
        'http_not_allowed',
        [...path, 'egress', i, 'http'],
        'HTTP match not allowed in egress rules: move it to an ingress rule',
      );
    }
    if (isGlobal(kind) && r.destination.hasServices && r.destination.servicesNamespace === '') {
      ctx.report(
        'services_need_name',
        [...path, 'egress', i, 'destination', 'services', 'namespace'],
        'must specify a namespace: a GlobalNetworkPolicy service match needs services.namespace',
      );
    }
  });
  ingress.forEach((r, i) => {
    if (r.destination.hasServices) {
      ctx.report(
        'services_misplaced',
        [...path, 'ingress', i, 'destination', 'services'],
        'services not allowed in ingress rule destination: match a service as the source of an ingress rule',
      );
    }
    if (isGlobal(kind) && r.source.hasServices && r.source.servicesNamespace === '') {
      ctx.report(
        'services_need_name',
        [...path, 'ingress', i, 'source', 'services', 'namespace'],
        'must specify a namespace: a GlobalNetworkPolicy service match needs services.namespace',
      );
    }
  });
}

/**
 * Reads and checks the `spec` of a Calico policy kind (GNP, NP and their staged forms) and returns
 * its normalized copy. Missing `spec` reads as `{}`, as Go decoding does.
 */
export function readPolicySpec(
  ctx: IssueCollector,
  kind: CalicoPolicyKind,
  v: Json | undefined,
  path: Path,
): CanonicalObject {
  const allowed: readonly string[] = SPEC_KEYS[kind];
  const spec = readStruct(ctx, v, path, allowed) ?? new Map<string, Json>();
  const out: CanonicalObject = {};

  let stagedAction: string | undefined;
  if (isStaged(kind)) {
    stagedAction = readString(ctx, spec, 'stagedAction', path);
    if (
      stagedAction !== undefined &&
      stagedAction !== '' &&
      !(STAGED_ACTIONS as readonly string[]).includes(stagedAction)
    ) {
      ctx.report(
        'invalid_value',
        [...path, 'stagedAction'],
        `Invalid stagedAction ${JSON.stringify(stagedAction)}: use one of ${STAGED_ACTIONS.join(', ')}`,
      );
    }
    setOwn(out, 'stagedAction', stagedAction);
  }

  const tier = readString(ctx, spec, 'tier', path);
  if (tier !== undefined && tier !== '') checkNameRef(ctx, tier, [...path, 'tier'], 'spec.tier');
  setOwn(out, 'tier', tier);
  setOwn(out, 'order', readNumber(ctx, spec, 'order', path));

  const { ingress, egress } = readRuleLists(ctx, spec, path, out, 'crd');

  const selectorFields = isGlobal(kind)
    ? (['selector', 'serviceAccountSelector', 'namespaceSelector'] as const)
    : (['selector', 'serviceAccountSelector'] as const);
  const selectors = new Map<string, string>();
  for (const key of selectorFields) {
    const s = readString(ctx, spec, key, path);
    if (s !== undefined) {
      selectors.set(key, s);
      if (s !== '')
        checkSelector(ctx, s, [...path, key], { maxLength: SELECTOR_MAX_LENGTH, global: 'forbid' });
    }
  }
  setOwn(out, 'selector', selectors.get('selector'));

  const types = readStringList(ctx, spec, 'types', path, 2);
  if (types !== undefined) {
    checkEnumSet(
      ctx,
      types,
      [...path, 'types'],
      POLICY_TYPES,
      'policy type',
      (t) => `'${t}' type specified more than once: list each of Ingress and Egress at most once`,
    );
    setOwn(out, 'types', types);
  }

  if (isGlobal(kind)) {
    const doNotTrack = readBool(ctx, spec, 'doNotTrack', path);
    const preDNAT = readBool(ctx, spec, 'preDNAT', path);
    const applyOnForward = readBool(ctx, spec, 'applyOnForward', path);
    setOwn(out, 'doNotTrack', doNotTrack);
    setOwn(out, 'preDNAT', preDNAT);
    setOwn(out, 'applyOnForward', applyOnForward);
    if (preDNAT === true && doNotTrack === true) {
      ctx.report(
        'prednat_conflict',
        [...path, 'doNotTrack'],
        'preDNAT and doNotTrack cannot both be true: use a separate policy for each',
      );
    }
    if (preDNAT === true && egress !== undefined && egress.length > 0) {
      ctx.report(
        'prednat_conflict',
        [...path, 'egress'],
        'preDNAT policy cannot have any egress rules: pre-DNAT policy only applies to ingress; move the egress rules to another policy',
      );
    }
    if (preDNAT === true && types?.includes('Egress')) {
      ctx.report(
        'prednat_conflict',
        [...path, 'types', types.indexOf('Egress')],
        "preDNAT policy cannot have 'Egress' type: set types: [Ingress]",
      );
    }
    if ((preDNAT === true || doNotTrack === true) && applyOnForward !== true) {
      ctx.report(
        'apply_on_forward_required',
        [...path, 'applyOnForward'],
        `applyOnForward must be true if either preDNAT or doNotTrack is true: set ${formatPath([...path, 'applyOnForward'])}: true`,
      );
    }
  }
  setOwn(out, 'serviceAccountSelector', selectors.get('serviceAccountSelector'));
  if (isGlobal(kind)) setOwn(out, 'namespaceSelector', selectors.get('namespaceSelector'));

  const hints = readStringList(ctx, spec, 'performanceHints', path);
  if (hints !== undefined) {
    checkEnumSet(
      ctx,
      hints,
      [...path, 'performanceHints'],
      PERFORMANCE_HINTS,
      'performance hint',
      (h) => `performance hint ${JSON.stringify(h)} is listed more than once: list it once`,
    );
    setOwn(out, 'performanceHints', hints);
  }

  if (stagedAction === 'Delete') checkStagedDelete(ctx, spec, path);
  else checkSpecRules(ctx, kind, path, ingress ?? [], egress ?? []);
  return out;
}
